"""Reports of an evaluation that has only begun, on SQLite and PostgreSQL: a unit with
no roster, no duty log and no scores says so in words (无数据, 未评分, 未评定), never 0,
and the special report leaves the unscored unit out of the ranking, saying why."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest

from orgeval_tui.services import scores
from orgeval_tui.services.evaluations import create_evaluation
from orgeval_tui.services.reports.writing import ReportRequest, write_report
from orgeval_tui.services.rubric_store import default_rubric
from orgeval_tui.services.units import add_unit
from tests.office import add_problem

from .docx_reading import paragraphs, table_with, text


@pytest.fixture
def begun(database):
    add_unit(database, "县工业和信息化局", short_name="县工信局", quota_admin=10)
    add_unit(database, "县气象局", short_name="气象局")
    create_evaluation(
        database,
        "2021年度评估",
        date(2021, 6, 30),
        number_prefix="2021",
        units=("县工信局", "气象局"),
    )
    for leaf in default_rubric().leaves():
        scores.set_score(database, "县工信局", leaf.code, points=leaf.maximum)
    add_problem(
        database, "气象局", "挂牌不规范", category="机构挂牌", recommendation="按三定规定挂牌"
    )
    return database


def test_an_unscored_unit_without_data_says_so_in_its_report(begun, tmp_path):
    path = tmp_path / "气象局.docx"
    write_report(begun, ReportRequest("unit", path, unit="气象局", on=date(2021, 8, 1)))
    lines = paragraphs(path)
    assert "县气象局尚未评分，暂无总分和等次。" in lines
    assert not any("评估总分" in line for line in lines)
    assert "未导入在编人员信息表，无人员结构数据。" in lines
    assert "未导入履职考评数据。" in lines and "无办件数据。" in lines
    assert "单位未自评打分，自评报告：未提交。未收到干部职工问卷。" in lines
    assert "未收到互评问卷，无互评得分。" in lines
    leaves = [row for t in _score_tables(path) for row in t[1:]]
    assert leaves and all(row[4] == "未评分" for row in leaves)
    assert "（一）挂牌不规范（2021-001）" in lines and "整改建议：按三定规定挂牌" in lines
    assert " 0分" not in text(path) and "〔图表" not in text(path)
    # Nothing known to draw: no chart at all.
    assert not [n for n in zipfile.ZipFile(path).namelist() if "chart" in n]


def _score_tables(path):
    from .docx_reading import tables

    return [t for t in tables(path) if t[0][-1] == "评分说明"]


def test_the_summary_ranks_only_the_scored_unit_and_says_why(begun, tmp_path):
    path = tmp_path / "专报.docx"
    progress = []
    write_report(
        begun,
        ReportRequest("summary", path, on=date(2021, 8, 1)),
        lambda done, steps, label: progress.append((done, steps)),
    )
    assert progress[0] == (0, 3) and progress[-1] == (3, 3)
    ranking = table_with(path, "排名")
    assert [row[:4] for row in ranking[1:]] == [
        ["1", "县工业和信息化局", "100.0", "优秀"],
        ["无数据", "县气象局", "无数据", "未评定"],
    ]
    assert ranking[2][4] == "无数据"  # no peer questionnaire
    lines = paragraphs(path)
    assert "说明：县气象局尚未评分，未参与排名。" in lines
    assert "通报表扬：县工业和信息化局。" in lines
    counts = table_with(path, "已发现")
    assert counts[2][:3] == ["县气象局", "1", "1"]
