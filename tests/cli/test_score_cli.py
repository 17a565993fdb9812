"""`orgeval score set/show/finalize/reopen/sheet/import` as evaluators score a unit and
the unit scores itself: totals over the maximum left after 不适用, deductions by count,
the evaluators' mean, and every bad request exiting 1 with one line and changing
nothing."""

from __future__ import annotations

import pytest

from orgeval_tui.domain.actor import acting_as
from tests.office import team

UNIT = "县工业和信息化局"


@pytest.fixture
def county(cli, database_url):
    def run(*args: str, lang: str = "en"):
        return cli("--db", database_url, "--lang", lang, *args)

    for name, short in ((UNIT, "县工信局"), ("县气象局", "气象局")):
        assert run("units", "add", name, "--short", short).code == 0
    made = run(
        "evaluation",
        "new",
        "2021年度评估",
        "--reference-date",
        "2021-12-31",
        "--prefix",
        "2021",
        "--unit",
        "县工信局",
        "--unit",
        "气象局",
    )
    assert made.code == 0, made.err
    run.url = database_url
    return run


def shown(county, unit="县工信局"):
    done = county("score", "show", "--unit", unit, "--json")
    assert done.code == 0, done.err
    return done.json()


def leaf(sheet, code):
    return next(line for line in sheet["indicators"] if line["code"] == code)


def score_everything(database_url, unit=UNIT):
    """Every leaf at its maximum, as the evaluator ``alice``."""
    from orgeval_tui.services.rubric_store import default_rubric
    from orgeval_tui.services.scores import set_score
    from orgeval_tui.storage.database import Database

    db = Database.open(database_url)
    try:
        team(db, "alice")
        with acting_as("alice"):
            for one in default_rubric().leaves():
                set_score(db, unit, one.code, points=one.maximum)
    finally:
        db.dispose()


def test_set_and_show_a_deduction_a_graded_leaf_and_one_not_applicable(county):
    counted = county(
        "score", "set", "--unit", "县工信局", "--indicator", "A1.1", "--count", "1",
        "--note", "擅自增设综合科",
    )  # fmt: skip
    graded = county("score", "set", "--unit", "县工信局", "--indicator", "B3.1", "--points", "3")

    assert counted.code == 0, counted.err
    assert counted.out.splitlines() == [
        f"Recorded: {UNIT} · A1.1 内设机构设置 · 3/4 (1 found)",
        f"Total of {UNIT}: 3.0 (3/100 scaled to 100) · grade: fail",
    ]
    assert graded.out.splitlines()[1] == f"Total of {UNIT}: 6.0 (6/100 scaled to 100) · grade: fail"
    sheet = shown(county)
    assert (sheet["unit"], sheet["evaluation"]) == (UNIT, "2021年度评估")
    assert (sheet["points"], sheet["max"], sheet["total"], sheet["grade"]) == (6, 100, 6, "fail")
    assert sheet["parts"]["A"] == {
        "name": "执行情况", "points": 3, "max": 50, "total": 6, "scored": 1, "leaves": 12,
    }  # fmt: skip
    assert sheet["areas"]["A1"]["points"] == 3 and sheet["areas"]["A1"]["max"] == 8
    deduction = leaf(sheet, "A1.1")
    assert (deduction["points"], deduction["mine"]["count"], deduction["note"]) == (
        3,
        1,
        "擅自增设综合科",
    )
    assert deduction["max"] == 4 and deduction["suggested"] == 4  # no ledger problem found
    assert leaf(sheet, "A1.2")["points"] is None  # nobody scored it: null, not 0

    na = county("score", "set", "--unit", "县工信局", "--indicator", "B1.1", "--na")

    assert na.code == 0, na.err
    assert na.out.splitlines()[0] == f"Recorded: {UNIT} · B1.1 执行率 · n/a"
    sheet = shown(county)
    assert (sheet["points"], sheet["max"]) == (6, 92)  # B1.1's 8 points leave the maximum
    assert sheet["total"] == pytest.approx(6 / 92 * 100)
    assert leaf(sheet, "B1.1")["na"] is True and leaf(sheet, "B1.1")["points"] is None
    assert sheet["parts"]["B"]["max"] == 42


def test_two_evaluators_give_the_unit_their_mean_flagged_when_far_apart(county):
    county("users", "add", "alice", "--role", "evaluator")
    county("users", "add", "bob", "--role", "evaluator")
    with acting_as("alice"):
        county("score", "set", "--unit", "县工信局", "--indicator", "B3.2", "--points", "6")
        county(
            "score", "set", "--unit", "县工信局", "--indicator", "B3.1", "--points", "2.5",
            "--note", "自评报告欠完整",
        )  # fmt: skip
    with acting_as("bob"):
        county(
            "score", "set", "--unit", "县工信局", "--indicator", "B3.2", "--points", "4",
            "--note", "互评得分偏低",
        )  # fmt: skip
        county("score", "set", "--unit", "县工信局", "--indicator", "B3.1", "--points", "3")
        sheet = shown(county)
        text = county("score", "show", "--unit", "县工信局")

    wide, close = leaf(sheet, "B3.2"), leaf(sheet, "B3.1")
    assert wide["evaluators"] == {"alice": 6, "bob": 4}
    assert (wide["points"], wide["flagged"]) == (5, True)  # 2 apart > 6 / 4
    assert (close["points"], close["flagged"]) == (2.75, False)  # 0.5 apart ≤ 3 / 4
    assert wide["note"] == "互评得分偏低"  # bob's own note
    assert sheet["points"] == 7.75
    row = next(line for line in text.out.splitlines() if line.startswith("B3.2"))
    assert row.split()[-4:] == ["4", "5", "!", "互评得分偏低"], row


REFUSED = [
    (
        ("--indicator", "A2.1", "--points", "7", "--note", "x"),
        "A2.1 职责履行到位: 7 points: a score runs from 0 to the maximum 6",
    ),
    (
        ("--indicator", "A2.1", "--points", "5.3", "--note", "x"),
        "5.3 points: a score goes in steps of 0.5",
    ),
    (
        ("--indicator", "A2.1", "--points", "5"),
        "5 of 6 points: a score below the maximum needs a justification",
    ),
    (("--indicator", "Z9", "--points", "1"), "no indicator Z9 in the rubric"),
    (("--indicator", "A1", "--points", "1"), "A1 机构设置与挂牌 is a group of indicators"),
    (("--indicator", "B3.1", "--count", "1"), "B3.1 自评质量 is not scored by deduction"),
    (
        ("--indicator", "A1.1", "--count", "-1", "--note", "x"),
        "the number of instances found is a whole number",
    ),
    (("--indicator", "A1.1", "--points", "abc"), "--points 'abc': write a number of points"),
    (("--indicator", "A1.1", "--points", "4", "--na"), "give exactly one of points"),
]


@pytest.mark.parametrize(("args", "message"), REFUSED)
def test_a_bad_score_is_refused_in_one_line_and_nothing_changes(county, args, message):
    county("score", "set", "--unit", "县工信局", "--indicator", "A2.1", "--points", "6")
    before = shown(county)

    done = county("score", "set", "--unit", "县工信局", *args)

    assert done.code == 1 and done.out == ""
    assert len(done.err.strip().splitlines()) == 1 and message in done.err, done.err
    assert shown(county) == before


def test_a_stale_version_is_refused_naming_the_other_change(county):
    county("users", "add", "alice", "--role", "evaluator")
    with acting_as("alice"):
        first = county(
            "score", "set", "--unit", "县工信局", "--indicator", "A2.1", "--points", "6", "--json"
        )
        assert first.json()["version"] == 1
        assert leaf(shown(county), "A2.1")["version"] == 1
        # alice changes it from her other terminal, where she read version 1 too
        moved = county(
            "score", "set", "--unit", "县工信局", "--indicator", "A2.1", "--points", "5",
            "--note", "一项职责未履行", "--if-version", "1",
        )  # fmt: skip
        assert moved.code == 0, moved.err
        before = shown(county)

        stale = county(
            "score", "set", "--unit", "县工信局", "--indicator", "A2.1", "--points", "4",
            "--note", "两项职责未履行", "--if-version", "1",
        )  # fmt: skip
        never_read = county(
            "score", "set", "--unit", "县工信局", "--indicator", "A2.2", "--points", "4",
            "--if-version", "3",
        )  # fmt: skip

        assert stale.code == 1 and len(stale.err.strip().splitlines()) == 1
        assert "changed by alice" in stale.err and "一项职责未履行" in stale.err, stale.err
        assert never_read.code == 1 and "A2.2" in never_read.err
        assert shown(county) == before


def test_finalize_is_refused_while_a_leaf_is_unscored(county):
    county("score", "set", "--unit", "县工信局", "--indicator", "A2.1", "--points", "6")

    done = county("score", "finalize", "--unit", "县工信局")

    assert done.code == 1
    assert f"{UNIT} cannot be finalised: 21 indicators not scored" in done.err
    assert shown(county)["finalized"] is False


def test_a_finalised_unit_takes_no_score_until_reopened_with_a_reason(county):
    score_everything(county.url)
    assert shown(county)["total"] == 100

    finalised = county("score", "finalize", "--unit", "县工信局", lang="zh")
    refused = county(
        "score", "set", "--unit", "县工信局", "--indicator", "A2.1", "--points", "5", "--note", "x"
    )
    self_refused = county(
        "score", "set", "--unit", "县工信局", "--indicator", "A2.1", "--points", "5", "--self"
    )
    no_reason = county("score", "reopen", "--unit", "县工信局", "--reason", "  ")

    assert finalised.out.strip() == f"{UNIT}的评分已定稿"
    assert refused.code == 1 and f"the scores of {UNIT} are finalised" in refused.err
    assert self_refused.code == 1 and "finalised" in self_refused.err
    assert no_reason.code == 1 and "reopening finalised scores needs a reason" in no_reason.err
    sheet = shown(county)
    assert sheet["finalized"] is True and leaf(sheet, "A2.1")["self_points"] is None

    reopened = county("score", "reopen", "--unit", "县工信局", "--reason", "复核发现漏扣")
    changed = county(
        "score", "set", "--unit", "县工信局", "--indicator", "A2.1", "--points", "5", "--note", "x"
    )

    assert reopened.code == 0 and changed.code == 0, changed.err
    assert shown(county)["finalized"] is False


def _sheet_rows(path):
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.active
    rows = {sheet.cell(row=r, column=1).value: r for r in range(1, sheet.max_row + 1)}
    return workbook, sheet, rows


def test_the_self_sheet_goes_out_and_comes_back_as_self_scores(county, tmp_path):
    path = tmp_path / "自评.xlsx"
    exported = county("score", "sheet", "--unit", "县工信局", "-o", str(path))
    assert exported.code == 0, exported.err
    assert "22 indicators to score" in exported.out
    workbook, sheet, rows = _sheet_rows(path)
    assert sheet.title == "自评得分表"
    assert sheet["A1"].value == f"{UNIT}自评得分表"
    assert sheet["A2"].value == f"被评估单位：{UNIT}"
    header = [sheet.cell(row=5, column=c).value for c in range(1, 7)]
    assert header == ["编号", "指标", "分值", "评分标准", "自评得分", "佐证材料"]
    assert sheet.cell(row=rows["A"], column=2).value == "执行情况"  # a grouping row
    assert sheet.cell(row=rows["B1.1"], column=3).value == 8
    assert "90% 以上 8 分" in sheet.cell(row=rows["B1.1"], column=4).value
    sheet.cell(row=rows["A1.1"], column=5, value=3)
    sheet.cell(row=rows["A1.1"], column=6, value="三定规定（附件1）")
    sheet.cell(row=rows["B1.1"], column=5, value="7.5")
    sheet.cell(row=rows["B1.2"], column=5, value="不适用")
    workbook.save(path)

    done = county("score", "import", str(path), "--unit", "县工信局", "--self")

    assert done.code == 0, done.err
    assert done.out.strip() == (
        f"自评.xlsx → {UNIT}: 3 self-score(s) recorded, 19 indicator(s) left blank (not scored)"
    )
    sheet = shown(county)
    assert leaf(sheet, "A1.1")["self_points"] == 3
    assert leaf(sheet, "A1.1")["self_note"] == "三定规定（附件1）"
    assert leaf(sheet, "B1.1")["self_points"] == 7.5
    assert leaf(sheet, "B1.2")["self_na"] is True
    assert sheet["total"] is None  # self-scores are not the office's points


def test_a_bad_self_sheet_is_refused_naming_every_bad_row_and_nothing_is_written(county, tmp_path):
    path = tmp_path / "自评.xlsx"
    county("score", "sheet", "--unit", "县工信局", "-o", str(path))
    workbook, sheet, rows = _sheet_rows(path)
    sheet.cell(row=rows["A1.1"], column=5, value=3)  # good, but not written
    sheet.cell(row=rows["A2.1"], column=5, value=7)  # max 6
    sheet.cell(row=rows["B3.1"], column=5, value=0.3)  # step
    sheet.cell(row=rows["B3.2"], column=5, value="五分")  # not a number
    sheet.cell(row=rows["A1"], column=5, value=2)  # a group
    sheet.cell(row=rows["B3.3"], column=1, value="Z9")  # unknown code
    sheet.cell(row=rows["B3.3"], column=5, value=1)
    workbook.save(path)

    done = county("score", "import", str(path), "--unit", "县工信局", "--self")

    assert done.code == 1 and done.out == ""
    err = done.err
    first = err.splitlines()[0]
    assert first.endswith("自评.xlsx: not imported, 5 problem(s); nothing was written:"), err
    assert f"自评得分表!{rows['A2.1']}: 自评得分: A2.1 职责履行到位: 7 points" in err
    assert f"自评得分表!{rows['B3.1']}: 自评得分: B3.1 自评质量: 0.3 points" in err
    assert f"自评得分表!{rows['B3.2']}: 自评得分: 五分: not a number of points" in err
    assert f"自评得分表!{rows['A1']}: 编号: A1 机构设置与挂牌 is a group" in err
    assert f"自评得分表!{rows['B3.3']}: 编号: no indicator Z9" in err
    assert all(line["self_points"] is None for line in shown(county)["indicators"])


def test_a_sheet_of_another_unit_is_refused(county, tmp_path):
    path = tmp_path / "气象局.xlsx"
    county("score", "sheet", "--unit", "气象局", "-o", str(path))
    workbook, sheet, rows = _sheet_rows(path)
    sheet.cell(row=rows["A1.1"], column=5, value=4)
    workbook.save(path)

    done = county("score", "import", str(path), "--unit", "县工信局", "--self", lang="zh")
    without_self = county("score", "import", str(path), "--unit", "气象局")

    assert done.code == 1
    assert f"自评得分表!2: 本表是县气象局的，不是{UNIT}的" in done.err, done.err
    assert leaf(shown(county), "A1.1")["self_points"] is None
    assert without_self.code == 1 and "add --self" in without_self.err
    assert leaf(shown(county, "气象局"), "A1.1")["self_points"] is None


def test_show_in_chinese_lists_every_leaf_totals_grade_rank_and_suggestions(county):
    score_everything(county.url)
    with acting_as("alice"):
        county(
            "score", "set", "--unit", "县工信局", "--indicator", "A3.1", "--count", "1",
            "--note", "超编进人 1 名",
        )  # fmt: skip

    done = county("score", "show", "--unit", "县工信局", lang="zh")

    assert done.code == 0, done.err
    out = done.out
    assert f"{UNIT} · 2021年度评估 · 未定稿" in out
    assert "A3.1  不超编进人（否决项）" in out
    assert f"{UNIT}总分：98.0（98/100，折算为百分制）· 等次：合格" in out  # the veto caps it
    assert "一票否决项被扣分（等次最高为合格）：A3.1 不超编进人" in out
    assert "排名：1/1" in out
    assert "A3.1 台账问题（超编进人）0 处 × 2 → 6/6" in out


def test_a_self_score_alone_leaves_the_unit_without_a_total(county):
    done = county(
        "score", "set", "--unit", "县工信局", "--indicator", "A2.1", "--points", "5", "--self"
    )

    assert done.code == 0, done.err
    assert done.out.splitlines() == [
        f"Self-score recorded: {UNIT} · A2.1 职责履行到位 · 5/6",
        f"Total of {UNIT}: no data (no office score yet)",
    ]
    sheet = shown(county)
    assert (sheet["total"], sheet["grade"], sheet["rank"]) == (None, None, None)
    assert leaf(sheet, "A2.1")["self_points"] == 5 and leaf(sheet, "A2.1")["points"] is None


def test_a_sheet_that_does_not_say_whose_it_is_is_refused(county, tmp_path):
    path = tmp_path / "自评.xlsx"
    county("score", "sheet", "--unit", "县工信局", "-o", str(path))
    workbook, sheet, rows = _sheet_rows(path)
    sheet["A2"] = None
    sheet.cell(row=rows["A1.1"], column=5, value=4)
    workbook.save(path)

    done = county("score", "import", str(path), "--unit", "县工信局", "--self")

    assert done.code == 1
    assert "自评得分表: the sheet does not say whose it is: a line 被评估单位：… above" in done.err
    assert leaf(shown(county), "A1.1")["self_points"] is None
