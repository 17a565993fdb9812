"""`orgeval report unit U -o FILE.docx` on the pilot: the 县工信局 report carries the
pilot's figures where a reader looks for them, in the order published evaluation
reports use, and its 评分表 and problems from the score sheet and the ledger."""

from __future__ import annotations

import pytest

from .docx_reading import paragraphs, table_with, text

SECTIONS = (
    "一、评估得分与等次",
    "二、基本情况",
    "三、数据分析",
    "（一）人员结构",
    "（二）履职情况",
    "（三）业务办理",
    "四、三项评议情况",
    "五、评分情况",
    "六、存在问题及整改建议",
    "七、整改要求",
)


@pytest.fixture
def bureau_report(cli, demo_db, tmp_path):
    path = tmp_path / "县工信局评估报告.docx"
    done = cli("--db", str(demo_db), "--lang", "zh", "report", "unit", "县工信局",
               "-o", str(path), "--on", "2021-08-01")  # fmt: skip
    assert done.code == 0, done.err
    assert (
        str(path) in done.out and "县工业和信息化局机构编制执行情况和使用效益评估报告" in done.out
    )
    return path


def test_the_bureau_report_opens_with_its_score_and_grade_then_the_sections_in_order(
    bureau_report,
):
    lines = paragraphs(bureau_report)
    assert lines[0] == "县工业和信息化局机构编制执行情况和使用效益评估报告"
    positions = [lines.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)
    result = next(line for line in lines if line.startswith("县工业和信息化局评估总分"))
    assert "90.5分" in result and "“优秀”" in result and "3个被评估单位中排名第2位" in result
    assert lines.index(result) < positions[1]


def test_the_bureau_report_carries_the_pilots_duty_service_and_peer_figures(bureau_report):
    body = text(bureau_report)
    duty = next(
        line for line in paragraphs(bureau_report) if line.startswith("2020年度，设置岗位职责")
    )
    assert "设置岗位职责132条，已执行94条，执行率71.21%" in duty
    assert "系统填报率82.67%，工作量比率78.94%" in duty
    assert "业务工作类占77.78%" in duty and "业务工作类占76.18%" in duty
    assert "2020年度，12345热线办件110件" in body
    assert "2021年上半年，12345热线办件44件" in body
    assert body.count("按时办结率100.00%，群众满意度100.00%") == 2
    assert "高于全县平均" in body
    assert "互评得分99.28分" in body and "50个相关部门" in body


def test_the_bureau_report_holds_its_roster_structure_and_basics(bureau_report):
    body = text(bureau_report)
    assert "核定编制19名（行政编制18名、事业编制0名、工勤编制1名），领导职数5名" in body
    assert "实有在编人员19名，满编" in body
    structure = table_with(bureau_report, "结构")
    assert ["学历", "大学本科", "13", "68.42%"] in structure
    assert sum(int(row[2]) for row in structure[1:] if row[0] == "年龄") == 19


def test_the_score_table_has_every_leaf_with_the_office_points_and_reasons(bureau_report):
    compliance = table_with(bureau_report, "评分说明")
    signage = next(row for row in compliance if row[0] == "A1.2")
    assert signage[1:5] == ["机构挂牌", "4", "4", "3.5"]
    assert "经济运行科" in signage[5] and "实地评" in signage[5]
    codes = [row[0] for table in _score_tables(bureau_report) for row in table[1:]]
    assert len(codes) == 22 and codes[0] == "A1.1" and codes[-1] == "B3.3"


def _score_tables(path):
    from .docx_reading import tables

    return [t for t in tables(path) if t[0][-1] == "评分说明"]


def test_the_problems_and_the_rectification_terms_close_the_report(cli, demo_db, bureau_report):
    listed = cli("--db", str(demo_db), "ledger", "ls", "--unit", "县工信局", "--json").json()
    expected = [p["number"] for p in listed if p["status"] != "withdrawn"]
    lines = paragraphs(bureau_report)
    start, end = lines.index("六、存在问题及整改建议"), lines.index("七、整改要求")
    numbered = [line for line in lines[start:end] if line.startswith("（") and line.endswith("）")]
    assert [line.rsplit("（", 1)[1].rstrip("）") for line in numbered] == expected
    assert numbered[0].startswith("（一）")
    terms = lines[lines.index("七、整改要求") + 1]
    # 60 days after the report's date, the written report due the same day.
    assert "于2021年9月30日前完成整改" in terms and "并于2021年9月30日前将书面整改报告" in terms
    assert lines[-2:] == ["县委编办", "2021年8月1日"]


def test_a_unit_not_under_the_evaluation_is_refused_and_nothing_is_written(cli, demo_db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    done = cli("--db", str(demo_db), "--lang", "zh", "report", "unit", "县工人文化宫",
               "-o", str(out / "x.docx"))  # fmt: skip
    assert done.code == 1
    assert "县工人文化宫" in done.err and "Traceback" not in done.err
    assert list(out.iterdir()) == []
