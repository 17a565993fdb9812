"""`orgeval rubric show / export / import` as an office edits its rubric: shown in full,
written to a workbook, edited in Excel or WPS and read back. A bad file is refused with
every problem named by sheet, row and column, exit 1, and the rubric left as it was."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

HEADER_ROW = 3


@pytest.fixture
def exported(run, tmp_path):
    """The office's rubric (the default) exported in zh: (path, rubric JSON before)."""
    path = tmp_path / "指标体系.xlsx"
    done = run("rubric", "export", "-o", str(path), lang="zh")
    assert done.code == 0, done.err
    return path, run("rubric", "show", "--json").json()


def edit(path, change) -> None:
    """Open the workbook as a user would, let ``change`` edit it, save it."""
    workbook = load_workbook(path)
    change(workbook)
    workbook.save(path)


def columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[HEADER_ROW] if cell.value}


def row_of(sheet, code: str) -> int:
    return next(
        row for row in range(HEADER_ROW + 1, sheet.max_row + 1) if sheet.cell(row, 1).value == code
    )


def set_cell(sheet, code: str, header: str, value) -> None:
    sheet.cell(row_of(sheet, code), columns(sheet)[header], value)


def clear_group_maxima(sheet) -> None:
    """A group's max may be left blank: the sum of its leaves."""
    kind = columns(sheet)["计分方式"]
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row, kind).value is None:
            sheet.cell(row, columns(sheet)["分值"]).value = None


def test_show_json_lists_every_indicator_with_its_parent_kind_and_standard(run):
    shown = run("rubric", "show", "--json").json()

    assert shown["evaluation"] == "2021年度评估"
    assert shown["grades"] == {"excellent": 90, "good": 80, "pass": 60}
    by_code = {i["code"]: i for i in shown["indicators"]}
    assert len(by_code) == 33
    assert {k: by_code["A"][k] for k in ("name", "parent", "max", "kind", "standard", "veto")} == {
        "name": "执行情况",
        "parent": None,
        "max": 50,
        "kind": None,
        "standard": None,
        "veto": False,
    }
    assert by_code["A3.1"] | {"standard": ""} == {
        "code": "A3.1",
        "name": "不超编进人",
        "parent": "A3",
        "max": 6,
        "kind": "deduction",
        "standard": "",
        "veto": True,
        "per_instance": 2,
        "categories": ["超编进人"],
        "figure": None,
        "bands": [],
    }
    assert by_code["A3.1"]["standard"].startswith("在编人数不超过核定编制数")
    assert by_code["B1.1"]["figure"] == "execution_rate"
    assert by_code["B1.1"]["bands"][2] == {"at_least": 0.7, "points": 5.5}
    parents = {i["parent"] for i in shown["indicators"]}
    leaves = [i for i in shown["indicators"] if i["code"] not in parents]
    assert all(i["kind"] is not None for i in leaves)
    assert sum(i["max"] for i in leaves) == 100


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", ["2021年度评估指标体系：末级指标 22 项，合计 100 分",
                "每处扣 2 分；对应问题类别：超编进人",
                "执行率，分档（下限:分数）：0.9:8; 0.8:7; 0.7:5.5; 0.6:4; 0:2",
                "等次分数线: 优秀 ≥ 90，良好 ≥ 80，合格 ≥ 60"]),
        ("en", ["2021年度评估: rubric, 22 leaves, 100 points", "2 points off per instance",
                "duty execution rate, bands (lowest:points): 0.9:8;", "figure bands",
                "Grade bands: excellent ≥ 90, good ≥ 80, pass ≥ 60"]),
    ],
)  # fmt: skip
def test_show_reads_as_a_table_with_standards_and_grade_bands(run, monkeypatch, lang, expected):
    monkeypatch.setenv("COLUMNS", "120")

    shown = run("rubric", "show", lang=lang)

    assert shown.code == 0, shown.err
    for text in expected:
        assert text in shown.out
    assert "内设机构的名称、数量、规格与“三定”规定一致" in shown.out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_then_import_gives_the_same_rubric(run, tmp_path, lang):
    before = run("rubric", "show", "--json").json()
    path = tmp_path / "rubric.xlsx"

    exported = run("rubric", "export", "-o", str(path), lang=lang)
    imported = run("rubric", "import", str(path), lang=lang)

    assert exported.code == 0, exported.err
    assert imported.code == 0, imported.err
    assert run("rubric", "show", "--json").json() == before
    if lang == "en":
        assert imported.out.strip() == (
            "Imported the rubric of 2021年度评估 from rubric.xlsx: 22 leaves in 2 parts "
            "(执行情况 50, 使用效益 50); grade bands: excellent ≥ 90, good ≥ 80, pass ≥ 60"
        )
    else:
        assert "末级指标 22 项，分 2 部分（执行情况 50 分、使用效益 50 分）" in imported.out


def test_the_round_trip_keeps_the_rubric_the_rules_score_with(office, run, tmp_path):
    from orgeval_tui.services.rubric_store import default_rubric, evaluation_rubric

    path = tmp_path / "rubric.xlsx"
    assert run("rubric", "export", "-o", str(path)).code == 0
    assert run("rubric", "import", str(path)).code == 0

    with office.read() as session:
        assert evaluation_rubric(session, 1) == default_rubric()


def test_an_edited_workbook_imports_and_shows(run, exported):
    path, before = exported

    def change(workbook):
        sheet = workbook["指标体系"]
        set_cell(sheet, "A1.1", "分值", 5)  # 4 → 5
        set_cell(sheet, "A6.2", "分值", 2)  # 3 → 2: the sum stays 100
        set_cell(sheet, "B3.1", "评分标准", "自评报告实事求是，佐证材料齐全。")
        set_cell(sheet, "A1.2", "计分方式", "deduction")  # the English name is read too
        clear_group_maxima(sheet)
        workbook["等次"]["B4"] = 92

    edit(path, change)
    imported = run("rubric", "import", str(path), lang="zh")

    assert imported.code == 0, imported.err
    after = {i["code"]: i for i in run("rubric", "show", "--json").json()["indicators"]}
    assert (after["A1.1"]["max"], after["A6.2"]["max"]) == (5, 2)
    assert (after["A1"]["max"], after["A6"]["max"], after["A"]["max"]) == (9, 6, 50)
    assert after["B3.1"]["standard"] == "自评报告实事求是，佐证材料齐全。"
    assert after["A1.2"]["kind"] == "deduction"
    assert run("rubric", "show", "--json").json()["grades"]["excellent"] == 92
    assert "优秀 ≥ 92" in imported.out


def test_a_group_max_left_stale_is_named_with_its_row(run, exported):
    path, before = exported
    edit(path, lambda wb: set_cell(wb["指标体系"], "A1.1", "分值", 5))

    refused = run("rubric", "import", str(path))

    assert refused.code == 1
    assert "指标体系!5: 分值: indicator A1: max 8 is not the sum of its leaves' maxima (9)" in (
        refused.err
    )
    assert "指标体系!4: 分值: indicator A: max 50" in refused.err
    assert "the leaves' maxima sum to 101, not 100" in refused.err
    assert run("rubric", "show", "--json").json() == before


def _sum_101(workbook):
    sheet = workbook["指标体系"]
    set_cell(sheet, "B3.1", "分值", 4)
    clear_group_maxima(sheet)


def _duplicate(workbook):
    set_cell(workbook["指标体系"], "A1.2", "编号", "A1.1")


def _unknown_kind(workbook):
    set_cell(workbook["指标体系"], "B3.1", "计分方式", "打分")


def _bands_out_of_order(workbook):
    set_cell(workbook["指标体系"], "B1.1", "分档", "0.8:8; 0.9:7; 0:2")


def _unknown_parent(workbook):
    set_cell(workbook["指标体系"], "A1.1", "上级编号", "A9")


def _grades_out_of_order(workbook):
    workbook["等次"]["B5"] = 95


def _bad_band_and_veto(workbook):
    sheet = workbook["指标体系"]
    set_cell(sheet, "B1.2", "分档", "0.8 → 4; 0:1")
    set_cell(sheet, "A1.1", "一票否决", "也许")


@pytest.mark.parametrize(
    ("change", "lines"),
    [
        (_sum_101, ["指标体系: 分值: the leaves' maxima sum to 101, not 100"]),
        (_duplicate, ["指标体系!7: 编号: indicator A1.1: the code is used twice"]),
        (
            _unknown_kind,
            [
                "指标体系!34: 计分方式: “打分” is not a kind: "
                "use “graded”, “deduction”, “figure bands”"
            ],
        ),
        (
            _bands_out_of_order,
            ["指标体系!25: 分档: indicator B1.1: band 2 must start lower than the band before it"],
        ),
        (
            _unknown_parent,
            ["指标体系!6: 上级编号: indicator A1.1: parent A9 is not an indicator of the rubric"],
        ),
        (_grades_out_of_order, ["等次: 最低分: grades must fall in order: excellent 90 > good 95"]),
        (
            _bad_band_and_veto,
            [
                "指标体系!6: 一票否决: “也许”: write yes or no",
                "指标体系!26: 分档: band 1 “0.8 → 4” is not written as lowest value:points",
            ],
        ),
    ],
    ids=["sum", "duplicate", "kind", "bands", "parent", "grades", "cells"],
)
def test_a_bad_rubric_is_refused_with_each_row_and_nothing_changes(run, exported, change, lines):
    path, before = exported
    edit(path, change)

    refused = run("rubric", "import", str(path))

    assert refused.code == 1
    assert refused.out == ""
    assert f"指标体系.xlsx: not imported, {len(lines)} problem" in refused.err
    for line in lines:
        assert line in refused.err
    assert run("rubric", "show", "--json").json() == before


@pytest.mark.parametrize("code", ["#999", "#3", "#" + "9" * 5_000])
def test_a_code_written_like_a_row_without_one_is_an_ordinary_code(run, exported, code):
    """Before: a traceback (IndexError, or ValueError from int() past 4,300 digits) when
    a code written as #N met a problem of the rubric: #N is how the rules name an
    indicator without a code, and the row was looked up as the Nth; found by
    bench/bad_input.py."""
    path, before = exported

    def change(workbook):
        sheet = workbook["指标体系"]
        set_cell(sheet, "A1.1", "评分标准", "")
        set_cell(sheet, "A1.1", "编号", code)

    edit(path, change)
    refused = run("rubric", "import", str(path))

    assert refused.code == 1, refused.err
    assert f"指标体系!6: 评分标准: indicator {code[:40]}" in refused.err
    assert run("rubric", "show", "--json").json() == before


def test_a_scored_rubric_is_not_replaced_and_the_message_says_how_many(office, run, exported):
    from orgeval_tui.services.scores import set_score

    path, before = exported
    assert run("evaluation", "edit", "--add-unit", "县气象局").code == 0
    set_score(office, "县气象局", "B3.1", points=3)
    set_score(office, "县气象局", "A1.1", count=0)

    refused = run("rubric", "import", str(path))

    assert refused.code == 1
    assert "the rubric of 2021年度评估 cannot be replaced: 2 scores refer to it" in refused.err
    assert run("rubric", "show", "--json").json() == before


def test_dry_run_checks_and_writes_nothing(run, exported):
    path, before = exported
    edit(path, lambda wb: wb["等次"].__setitem__("B4", 93))

    checked = run("rubric", "import", str(path), "--dry-run")

    assert checked.code == 0, checked.err
    assert checked.out.startswith("Checked 指标体系.xlsx, nothing written")
    assert "excellent ≥ 93" in checked.out
    assert run("rubric", "show", "--json").json() == before


def test_a_toml_rubric_in_the_shipped_form_imports(run, tmp_path):
    from importlib import resources

    text = (resources.files("orgeval_tui") / "rubrics" / "default.toml").read_text("utf-8")
    path = tmp_path / "rubric.toml"
    path.write_text(text.replace("excellent = 90", "excellent = 88"), encoding="utf-8")

    imported = run("rubric", "import", str(path))

    assert imported.code == 0, imported.err
    assert run("rubric", "show", "--json").json()["grades"]["excellent"] == 88


def test_a_toml_rubric_with_problems_lists_them_all(run, tmp_path):
    before = run("rubric", "show", "--json").json()
    path = tmp_path / "rubric.toml"
    path.write_text(
        '[[indicators]]\ncode = "X"\nname = "只有一项"\nmax = 30\nkind = "scored"\n'
        'standard = "…"\n[[indicators]]\ncode = "X"\nname = "重复"\nmax = 20\n'
        'kind = "graded"\nstandard = "…"\n',
        encoding="utf-8",
    )

    refused = run("rubric", "import", str(path))

    assert refused.code == 1
    assert "indicator X: the code is used twice" in refused.err
    assert "kind scored is unknown" in refused.err
    assert run("rubric", "show", "--json").json() == before


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (lambda p: p.write_text("不是工作簿"), "rubric.xlsx: not a workbook or CSV file"),
        (lambda p: p.write_bytes(b""), "rubric.xlsx: the file is empty"),
    ],
    ids=["text", "empty"],
)
def test_a_file_that_is_not_a_workbook_is_named(run, tmp_path, write, message):
    path = tmp_path / "rubric.xlsx"
    write(path)

    refused = run("rubric", "import", str(path))

    assert refused.code == 1
    assert message in refused.err


def test_a_workbook_without_the_grades_sheet_says_which_columns_are_missing(run, exported):
    path, before = exported
    edit(path, lambda wb: wb.remove(wb["等次"]))

    refused = run("rubric", "import", str(path))

    assert refused.code == 1
    assert "等次、最低分" in refused.err or "Grade, Lowest total" in refused.err
    assert run("rubric", "show", "--json").json() == before


def test_a_workbook_without_the_kind_column_names_it(run, exported):
    path, before = exported
    edit(path, lambda wb: wb["指标体系"].delete_cols(5))

    refused = run("rubric", "import", str(path), lang="zh")

    assert refused.code == 1
    assert "（工作表 指标体系 缺少 计分方式）" in refused.err


def test_a_bad_toml_file_is_named(run, tmp_path):
    path = tmp_path / "rubric.toml"
    path.write_text("[[indicators]\ncode =", encoding="utf-8")

    refused = run("rubric", "import", str(path))

    assert refused.code == 1
    assert refused.err.startswith("orgeval: error: rubric.toml is not a rubric file: ")


def test_export_wants_an_xlsx_name(run, tmp_path):
    refused = run("rubric", "export", "-o", str(tmp_path / "rubric.csv"))

    assert refused.code == 1
    assert "rubric.csv: the rubric is written as an Excel workbook" in refused.err
    assert not (tmp_path / "rubric.csv").exists()


def test_texts_that_look_like_formulas_stay_texts_both_ways(run, tmp_path):
    from importlib import resources

    text = (resources.files("orgeval_tui") / "rubrics" / "default.toml").read_text("utf-8")
    standard = '=HYPERLINK("http://x","点此")'
    source = tmp_path / "rubric.toml"
    source.write_text(
        text.replace('name = "自评质量"', 'name = "@自评质量"').replace(
            'standard = "对照指标如实自查自评',
            f"standard = '{standard}' # ",
        ),
        encoding="utf-8",
    )
    assert run("rubric", "import", str(source)).code == 0
    before = run("rubric", "show", "--json").json()
    path = tmp_path / "rubric.xlsx"

    assert run("rubric", "export", "-o", str(path)).code == 0
    sheet = load_workbook(path)["Indicators"]
    row = row_of(sheet, "B3.1")
    cells = [sheet.cell(row, 2), sheet.cell(row, 11)]
    assert [c.value for c in cells] == ["@自评质量", standard]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert run("rubric", "import", str(path)).code == 0
    assert run("rubric", "show", "--json").json() == before


def test_names_and_standards_are_shown_as_written(run, tmp_path):
    from importlib import resources

    text = (resources.files("orgeval_tui") / "rubrics" / "default.toml").read_text("utf-8")
    path = tmp_path / "rubric.toml"
    path.write_text(
        text.replace('name = "内设机构设置"', 'name = "[bold]内设机构[/]"').replace(
            'standard = "内设机构的名称', 'standard = "扣分:smile: \\u001b[2J清屏'
        ),
        encoding="utf-8",
    )
    assert run("rubric", "import", str(path)).code == 0

    shown = run("rubric", "show")

    assert shown.code == 0, shown.err
    assert "[bold]内设机构[/]" in shown.out and "扣分:smile:" in shown.out
    assert "清屏" in shown.out and "\x1b" not in shown.out


def test_import_json_says_what_was_imported(run, exported):
    path, _ = exported

    imported = run("rubric", "import", str(path), "--json")

    assert imported.code == 0, imported.err
    assert imported.json() == {
        "file": "指标体系.xlsx",
        "evaluation": "2021年度评估",
        "dry_run": False,
        "leaves": 22,
        "parts": [
            {"code": "A", "name": "执行情况", "max": 50},
            {"code": "B", "name": "使用效益", "max": 50},
        ],
        "grades": {"excellent": 90, "good": 80, "pass": 60},
    }


def test_an_evaluation_without_a_rubric_says_so(office, run, tmp_path):
    from sqlalchemy import delete

    from orgeval_tui.models import Indicator

    with office.write() as session:  # as an evaluation set up before rubrics were kept
        for _ in range(3):  # leaves, areas, parts
            session.execute(
                delete(Indicator).where(~Indicator.id.in_(
                    session.query(Indicator.parent_id).filter(Indicator.parent_id.isnot(None))
                ))
            )  # fmt: skip

    shown = run("rubric", "show")
    as_json = run("rubric", "show", "--json").json()
    exported = run("rubric", "export", "-o", str(tmp_path / "rubric.xlsx"))

    assert shown.code == 0, shown.err
    assert "evaluation 2021年度评估 has no rubric yet" in shown.out
    assert as_json == {"evaluation": "2021年度评估", "indicators": [], "grades": None}
    assert exported.code == 1
    assert "has no rubric yet" in exported.err
