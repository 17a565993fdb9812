"""The leadership special report ranks the evaluated units with their scores, grades,
peer scores and staffing, counts each unit's problems by state, and names who is
praised and who is called to a talk; the feedback letter lists the unit's problems with
what it must do by when."""

from __future__ import annotations

import re

import pytest

from .docx_reading import paragraphs, table_with, text


@pytest.fixture
def summary(cli, demo_db, tmp_path):
    path = tmp_path / "专报.docx"
    done = cli("--db", str(demo_db), "--lang", "zh", "report", "summary", "-o", str(path),
               "--on", "2021-11-15")  # fmt: skip
    assert done.code == 0, done.err
    return path


def test_the_summary_ranks_the_three_units_with_scores_grades_and_peer_scores(summary):
    ranking = table_with(summary, "排名")
    assert ranking[0] == ["排名", "单位", "总分", "等次", "互评得分", "编制数", "实有人数",
                          "编制使用率", "职责执行率"]  # fmt: skip
    assert [row[:5] for row in ranking[1:]] == [
        ["1", "县总工会", "90.6", "优秀", "99.70"],
        ["2", "县工业和信息化局", "90.5", "优秀", "99.28"],
        ["3", "县气象局", "87.2", "良好", "99.20"],
    ]
    bureau = ranking[2]
    assert bureau[5:] == ["19", "19", "100.00%", "71.21%"]
    # No duty log for the union: its execution rate is unknown, never 0.
    assert ranking[1][8] == "无数据"


def test_the_summary_counts_problems_by_state_per_unit_as_the_office_table(summary):
    table = table_with(summary, "已发现")
    rows = {row[0]: row[1:] for row in table[1:]}
    assert set(rows) == {"县总工会", "县工业和信息化局", "县气象局", "合计"}
    assert rows["合计"][0] == "10"
    for column in range(8):
        assert sum(int(rows[u][column]) for u in rows if u != "合计") == int(rows["合计"][column])
    assert rows["县工业和信息化局"][:7] == ["4", "0", "0", "0", "0", "4", "0"]


def test_the_summary_names_practice_problems_and_result_classes(summary):
    lines = paragraphs(summary)
    bureau = "县工业和信息化局：与全县平均之比 140.40%、按时办结率 100.00%、满意度 100.00%"
    assert f"{bureau}、互评得分 99.28" in lines
    assert "评估共发现问题10个。" in lines
    listed = [line for line in lines if re.match(r"\d+\. 县", line)]
    assert (
        len(listed) == 10
        and listed[4] == "5. 县工业和信息化局：部分岗位职责未开展（2021-005，已销号）"
    )
    assert "通报表扬：县总工会、县工业和信息化局。" in lines
    assert "约谈主要负责人：无。" in lines


def test_the_feedback_letter_lists_the_units_problems_and_the_terms(cli, demo_db, tmp_path):
    path = tmp_path / "反馈函.docx"
    done = cli("--db", str(demo_db), "--lang", "zh", "report", "feedback", "县气象局", "-o",
               str(path), "--on", "2021-07-28", "--deadline", "2021-10-31",
               "--report-due", "2021-11-05")  # fmt: skip
    assert done.code == 0, done.err
    lines = paragraphs(path)
    assert lines[0] == "关于县气象局机构编制执行情况和使用效益评估问题的反馈函"
    assert "县气象局：" in lines
    assert any("评估发现问题2个" in line for line in lines)
    assert "（一）内设机构挂牌名称与“三定”规定不一致" in lines
    body = text(path)
    assert "请于2021年10月31日前完成整改，于2021年11月5日前将书面整改报告" in body
    listing = table_with(path, "整改时限")
    assert [row[1] for row in listing[1:]] == ["2021-009", "2021-010"]
    assert "2021年7月28日" in lines


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("report", "feedback", "县气象局", "-o", "x.xlsx"), ".docx"),
        (("report", "summary", "-o", "x.pdf"), ".docx"),
        (("report", "unit", "县气象局", "-o", "x.docx", "--on", "2021-13-01"), "2021-13-01"),
        (
            (
                "report",
                "feedback",
                "县气象局",
                "-o",
                "x.docx",
                "--deadline",
                "2021-10-31",
                "--report-due",
                "2021-10-01",
            ),
            "2021-10-01",
        ),  # fmt: skip
        (("report", "unit", "县不存在局", "-o", "x.docx"), "县不存在局"),
        (("report", "unit", "县气象局", "-o", "没有的文件夹/x.docx"), "没有的文件夹"),
        (("report", "unit", "县气象局", "-o", "x.docx", "--template", "没有.docx"), "没有.docx"),
    ],
)
def test_a_bad_request_is_refused_in_one_message_and_nothing_is_written(
    cli, demo_db, tmp_path, monkeypatch, args, words
):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    done = cli("--db", str(demo_db), *args)
    assert done.code in (1, 2) and words in done.err and "Traceback" not in done.err
    assert list(work.iterdir()) == []


def test_refusals_speak_the_users_language_though_the_documents_are_chinese(cli, demo_db, tmp_path):
    english = cli("--db", str(demo_db), "--lang", "en", "report", "unit", "县工人文化宫",
                  "-o", str(tmp_path / "x.docx"))  # fmt: skip
    assert english.code == 1 and "is not under evaluation" in english.err
    chinese = cli("--db", str(demo_db), "--lang", "zh", "report", "unit", "县工人文化宫",
                  "-o", str(tmp_path / "x.docx"))  # fmt: skip
    assert chinese.code == 1 and "is not under" not in chinese.err
