"""`orgeval evaluation new/list/show/use/edit` as an evaluator sets up a year's work:
the current evaluation is the one chosen, for every evaluator; every bad request exits 1
with one line naming why, and changes nothing."""

from __future__ import annotations

import pytest


@pytest.fixture
def county(cli, database_url):
    def run(*args: str, lang: str = "en"):
        return cli("--db", database_url, "--lang", lang, *args)

    for name, short in (
        ("县工业和信息化局", "县工信局"),
        ("县气象局", "气象局"),
        ("县总工会", "总工会"),
    ):
        assert run("units", "add", name, "--short", short).code == 0
    made = run(
        "evaluation",
        "new",
        "2020年度评估",
        "--reference-date",
        "2020-12-31",
        "--prefix",
        "2020",
        "--unit",
        "县工信局",
        "--unit",
        "气象局",
        "--period",
        "2020年度=2020-01-01..2020-12-31",
    )
    assert made.code == 0, made.err
    return run


def test_a_new_evaluation_copying_last_years_becomes_current(county):
    made = county(
        "evaluation",
        "new",
        "2021年度评估",
        "--reference-date",
        "2021-12-31",
        "--prefix",
        "2021",
        "--unit",
        "总工会",
        "--copy-from",
        "2020年度评估",
        "--period",
        "2021年上半年=2021-01-01..2021-06-30",
        lang="zh",
    )

    assert made.code == 0, made.err
    assert made.out.strip() == "已设立评估项目 2021年度评估（编号 2），并设为当前评估项目"
    listed = county("evaluation", "list", "--json").json()
    assert [(e["name"], e["current"]) for e in listed] == [
        ("2020年度评估", False),
        ("2021年度评估", True),
    ]
    shown = county("evaluation", "show", "--json").json()
    assert shown == {
        "name": "2021年度评估",
        "current": True,
        "reference_date": "2021-12-31",
        "number_prefix": "2021",
        "periods": [{"label": "2021年上半年", "start": "2021-01-01", "end": "2021-06-30"}],
        "units": ["县工业和信息化局", "县气象局", "县总工会"],
        "grades": {"excellent": 90, "good": 80, "pass": 60},
    }


def test_use_switches_the_current_evaluation_the_ledger_numbers_in(county):
    county(
        "evaluation", "new", "2021年度评估", "--reference-date", "2021-12-31", "--prefix", "2021"
    )

    used = county("evaluation", "use", "2020年度评估")
    added = county("ledger", "add", "--unit", "县工信局", "--title", "超编进人", "--json")

    assert used.code == 0, used.err
    assert used.out.strip() == "2020年度评估 is now the current evaluation"
    assert added.code == 0, added.err
    assert added.json()["number"].startswith("2020-")
    table = county("evaluation", "list", lang="zh").out
    current = [line for line in table.splitlines() if line.lstrip().startswith("*")]
    assert len(current) == 2 and "2020年度评估" in current[0] and "当前" in current[1]


def test_edit_changes_units_periods_and_grade_bands(county):
    edited = county(
        "evaluation",
        "edit",
        "--add-unit",
        "总工会",
        "--remove-unit",
        "气象局",
        "--period",
        "2020年度=2020-01-01..2020-11-30",
        "--grades",
        "95,85,65",
    )

    assert edited.code == 0, edited.err
    shown = county("evaluation", "show", "2020年度评估", "--json").json()
    assert shown["units"] == ["县工业和信息化局", "县总工会"]
    assert shown["periods"] == [{"label": "2020年度", "start": "2020-01-01", "end": "2020-11-30"}]
    assert shown["grades"] == {"excellent": 95, "good": 85, "pass": 65}
    text = county("evaluation", "show", lang="zh").out
    assert "优秀 ≥ 95，良好 ≥ 85，合格 ≥ 65" in text and "2020-11-30" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("new", "2021年度评估", "--reference-date", "2021-13-01", "--prefix", "2021"),
            "reference date '2021-13-01': write YYYY-MM-DD",
        ),
        (
            (
                "new",
                "2021年度评估",
                "--reference-date",
                "2021-12-31",
                "--prefix",
                "2021",
                "--period",
                "2021年度:2021-01-01..2021-12-31",
            ),
            "write LABEL=START..END",
        ),
        (
            (
                "new",
                "2021年度评估",
                "--reference-date",
                "2021-12-31",
                "--prefix",
                "2021",
                "--copy-from",
                "2019年度评估",
            ),
            "2019年度评估",
        ),
        (
            ("new", "2020年度评估", "--reference-date", "2021-12-31", "--prefix", "2021"),
            "an evaluation named 2020年度评估 exists already",
        ),
        (("use", "2019年度评估"), "2019年度评估"),
        (("edit", "--grades", "80,90,60"), "grade bands 80,90,60"),
        (("edit", "--grades", "90,八十,60"), "grade bands 90,八十,60"),
        (("edit", "--add-unit", "总工会", "--add-unit", "县工信局"), "already evaluated"),
        (("edit", "--add-unit", "总工会", "--remove-unit", "县教育局"), "县教育局"),
        (("edit", "2019年度评估", "--add-unit", "总工会"), "2019年度评估"),
        (("edit", "2020年度评估"), "nothing to change"),
    ],
    ids=[
        "bad-date",
        "bad-period",
        "unknown-source",
        "same-name",
        "use-unknown",
        "grades-out-of-order",
        "grades-not-numbers",
        "unit-twice",
        "unknown-unit",
        "edit-unknown",
        "edit-nothing",
    ],
)
def test_a_bad_request_exits_1_with_one_line_and_changes_nothing(county, args, message):
    county("evaluation", "new", "2021年度评估x", "--reference-date", "2021-12-31", "--prefix", "X")
    county("evaluation", "use", "2020年度评估")
    before = county("evaluation", "list", "--json").out

    refused = county("evaluation", *args)

    assert refused.code == 1
    assert refused.out == ""
    assert len(refused.err.splitlines()) == 1 and message in refused.err
    assert county("evaluation", "list", "--json").out == before


def test_refusals_read_in_chinese(county):
    refused = county("evaluation", "edit", "--grades", "80,90,60", lang="zh")

    assert refused.code == 1
    assert "等次分数线 80,90,60：须为优秀、良好、合格三条最低分" in refused.err


def test_names_are_shown_as_written_not_as_markup(county):
    made = county(
        "evaluation", "new", "[bold]评估[/]", "--reference-date", "2021-12-31", "--prefix", "M"
    )

    assert made.code == 0, made.err
    assert "[bold]评估[/]" in county("evaluation", "list").out
    assert "[bold]评估[/]" in county("evaluation", "show").out


def test_an_empty_database_says_how_to_begin(cli, database_url):
    listed = cli("--db", database_url, "--lang", "zh", "evaluation", "list")
    shown = cli("--db", database_url, "evaluation", "show")

    assert listed.out.strip() == "尚无评估项目：可用 `orgeval evaluation new` 设立"
    assert shown.code == 1 and "no evaluation is set up yet" in shown.err


def test_a_long_name_is_listed_whole_at_80_columns(county, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    name = "2021年度机构编制执行情况和使用效益评估（试点）"
    county("evaluation", "new", name, "--reference-date", "2021-12-31", "--prefix", "2021")

    listed = county("evaluation", "list", lang="zh").out

    assert "…" not in listed
    first, rest = name[:-3], name[-3:]  # what fits in the column, and the folded end
    assert first in listed and f"\n    {rest}" in listed


def test_a_unit_added_with_evaluated_is_under_the_current_evaluation(county):
    """As the TUI's form does by default: the same service, the same rule."""
    assert county("units", "add", "县财政局", "--evaluated").code == 0
    assert county("units", "add", "县审计局").code == 0

    shown = county("evaluation", "show", "--json").json()
    assert shown["units"] == ["县工业和信息化局", "县气象局", "县财政局"]


def test_evaluated_without_an_evaluation_is_refused_and_registers_nothing(cli, database_url):
    done = cli("--db", database_url, "--lang", "en", "units", "add", "县财政局", "--evaluated")
    listed = cli("--db", database_url, "units", "list", "--json")

    assert done.code == 1
    assert "县财政局 not registered: no evaluation is set up" in done.err
    assert listed.json() == []
