"""Every figure of DOMAIN.md's pilot table, through `orgeval analyze` — the path an
evaluator uses — out of two databases: the demo, built from the pilot's office files by
the import services with its ledger lived through the lifecycle, and a fresh database
loaded by `load.sh`, the `orgeval` commands `orgeval demo --files` writes beside the
same files."""

from __future__ import annotations

import pytest

from orgeval_tui.analytics.display import one_decimal, percent, two_decimals

YEAR_2020 = ("--from", "2020-01-01", "--to", "2020-12-31")
FIRST_HALF_2021 = ("--from", "2021-01-01", "--to", "2021-06-30")


@pytest.fixture(params=["demo", "load.sh"])
def analyze(request, cli):
    database = request.getfixturevalue(
        "demo_template" if request.param == "demo" else "loaded_by_script"
    )

    def run(*args):
        result = cli("--db", str(database), "analyze", *args, "--json")
        assert result.code == 0, result.err
        return result.json()

    return run


def test_trade_union_roster(analyze):
    figures = analyze("roster", "--unit", "县总工会")

    assert figures["headcount"] == 7
    assert figures["female"] == 1
    assert one_decimal(figures["avg_age"]) == "52.0"
    assert figures["section_level_or_above_share"] == 1.0
    assert {flag["id"] for flag in figures["flags"]} >= {"ageing", "leadership_heavy"}


def test_workers_cultural_palace_roster(analyze):
    figures = analyze("roster", "--unit", "县工人文化宫")

    assert figures["headcount"] == 12
    assert one_decimal(figures["avg_age"]) == "39.8"
    assert figures["college_or_above_share"] == 1.0


def test_industry_bureau_duties_2020(analyze):
    figures = analyze("duties", "--unit", "县工信局", *YEAR_2020)

    assert (figures["duties_defined"], figures["duties_executed"]) == (132, 94)
    assert percent(figures["execution_rate"]) == "71.21%"
    assert percent(figures["fill_rate"]) == "82.67%"
    assert percent(figures["workload_ratio"]) == "78.94%"
    assert percent(figures["business_share_by_count"]) == "77.78%"
    assert percent(figures["business_share_by_hours"]) == "76.18%"
    assert figures["workdays"] == 249
    assert figures["workdays_assumed"] is False
    assert len(figures["never_executed"]) == 38


@pytest.mark.parametrize(("period", "cases"), [(YEAR_2020, 110), (FIRST_HALF_2021, 44)])
def test_industry_bureau_hotline_cases(analyze, period, cases):
    figures = analyze("cases", "--unit", "县工信局", "--channel", "hotline", *period)

    assert figures["cases"] == cases
    assert figures["on_time_rate"] == 1.0
    assert figures["satisfaction_rate"] == 1.0
    assert figures["above_county_average"] is True
    assert figures["cases"] > figures["county_average_cases"]


@pytest.mark.parametrize(
    ("unit", "score"), [("县总工会", "99.70"), ("县工信局", "99.28"), ("县气象局", "99.20")]
)
def test_peer_scores(analyze, unit, score):
    figures = analyze("peer", "--unit", unit)

    assert two_decimals(figures["peer_score"]) == score
    assert figures["peer_departments"] == 50


@pytest.mark.parametrize("unit", ["县总工会", "县工信局", "县气象局"])
def test_staff_questionnaire_has_25_items(analyze, unit):
    figures = analyze("staff", "--unit", unit)

    assert figures["item_count"] == 25
    # The wording comes from the questionnaire's headers (第1题 本单位……).
    assert figures["item_means"][0]["text"] == "本单位能够全面履行“三定”规定明确的职责"


def test_evaluation_overview(cli, demo_template):
    done = cli("--db", str(demo_template), "analyze", "evaluation", "--json")
    assert done.code == 0, done.err
    overview = done.json()

    assert overview["units"] == ["县总工会", "县工业和信息化局", "县气象局"]
    assert overview["peer_departments"] == 50
    assert overview["peer_responses"] >= 1000
    assert overview["staff_items"] == 25
    assert overview["problems_fed_back"] == 10


def test_load_sh_sets_up_the_pilots_evaluation_as_current(cli, loaded_by_script):
    shown = cli("--db", str(loaded_by_script), "evaluation", "show", "--json")
    assert shown.code == 0, shown.err
    overview = cli("--db", str(loaded_by_script), "analyze", "evaluation", "--json").json()

    assert shown.json()["name"] == "2021年度机构编制执行情况和使用效益评估（试点）"
    assert shown.json()["current"] is True
    assert shown.json()["reference_date"] == "2021-06-30"
    assert [p["label"] for p in shown.json()["periods"]] == ["2020年度", "2021年上半年"]
    assert overview["units"] == ["县总工会", "县工业和信息化局", "县气象局"]
    assert overview["peer_responses"] >= 1000


def test_the_readable_table_shows_the_same_figures(cli, demo_template):
    shown = cli(
        "--db",
        str(demo_template),
        "--lang",
        "zh",
        "analyze",
        "duties",
        "--unit",
        "县工信局",
        *YEAR_2020,
    )

    assert shown.code == 0, shown.err
    for text in (
        "执行率",
        "71.21%",
        "填报率",
        "82.67%",
        "工作量比率",
        "78.94%",
        "77.78%",
        "76.18%",
        "GXJ013",
    ):
        assert text in shown.out


def test_an_entered_benchmark_wins_over_the_computed_average(cli, demo_db):
    db = ("--db", str(demo_db))
    entered = cli(
        *db,
        "benchmark",
        "set",
        "county_average_cases",
        "120",
        "--channel",
        "hotline",
        *YEAR_2020,
        "--note",
        "市平均",
    )
    assert entered.code == 0, entered.err

    figures = cli(
        *db, "analyze", "cases", "--unit", "县工信局", "--channel", "hotline", *YEAR_2020, "--json"
    ).json()

    assert figures["county_average_cases"] == 120
    assert figures["county_average_source"] == "benchmark"
    assert figures["above_county_average"] is False
    other_period = cli(
        *db,
        "analyze",
        "cases",
        "--unit",
        "县工信局",
        "--channel",
        "hotline",
        *FIRST_HALF_2021,
        "--json",
    ).json()
    assert other_period["county_average_source"] == "computed"
