"""Every questionnaire, problem and on-site activity belongs to its evaluation: with next
year's evaluation current, nothing of the pilot's shows, by CLI or service; switching
back shows it all again."""

from __future__ import annotations

from datetime import date

import pytest

from orgeval_tui.demo.pilot_data import EVALUATION
from orgeval_tui.services import ledger
from orgeval_tui.services.evaluations import create_evaluation, use_evaluation
from orgeval_tui.services.figures import peer_for_unit, staff_survey_for_unit
from orgeval_tui.services.progress import evaluation_progress
from orgeval_tui.storage.database import Database
from tests.office import add_problem

PILOT = EVALUATION["name"]
NEXT_YEAR = "2022年度评估"


@pytest.fixture
def demo(demo_db, cli):
    """The demo database, and `orgeval --db <it> ARGS...` in English."""

    def run(*args: str):
        return cli("--db", str(demo_db), "--lang", "en", *args)

    database = Database.open(str(demo_db))
    yield database, run
    database.dispose()


def _next_year(run) -> None:
    done = run(
        "evaluation", "new", NEXT_YEAR, "--reference-date", "2022-06-30",
        "--prefix", "2022", "--copy-from", PILOT,
    )  # fmt: skip
    assert done.code == 0, done.err


def test_next_years_peer_and_staff_figures_count_none_of_the_pilots_questionnaires(demo):
    database, run = demo
    _next_year(run)

    peer = run("analyze", "peer", "--unit", "县工信局", "--json").json()
    staff = run("analyze", "staff", "--unit", "县工信局", "--json").json()
    _, evaluation, peer_figures = peer_for_unit(database, "县工信局")
    _, _, staff_figures = staff_survey_for_unit(database, "县工信局")
    text = run("analyze", "peer", "--unit", "县工信局")

    assert (peer["peer_score"], peer["peer_responses"], peer["peer_departments"]) == (None, 0, 0)
    assert peer["evaluation"] == staff["evaluation"] == evaluation == NEXT_YEAR
    assert text.out.splitlines()[0] == f"县工业和信息化局  {NEXT_YEAR}", "says whose figures"
    assert (staff["staff_responses"], staff["staff_satisfaction"]) == (0, None)
    assert (peer_figures.peer_score, peer_figures.peer_responses) == (None, 0)
    assert staff_figures.staff_responses == 0

    assert run("evaluation", "use", PILOT).code == 0
    peer = run("analyze", "peer", "--unit", "县工信局", "--json").json()
    staff = run("analyze", "staff", "--unit", "县工信局", "--json").json()
    assert (peer["peer_score"], peer["peer_responses"], peer["evaluation"]) == (99.28, 375, PILOT)
    assert staff["staff_responses"] > 0 and staff["item_count"] == 25
    assert peer_for_unit(database, "县工信局")[2].peer_score == 99.28


def test_next_years_progress_counts_none_of_the_pilots_questionnaires_visits_or_problems(demo):
    database, run = demo
    _next_year(run)

    evaluation, progress = evaluation_progress(database, date(2021, 12, 31))

    assert evaluation.name == NEXT_YEAR
    assert [row.name for row in progress] == ["县总工会", "县工业和信息化局", "县气象局"]
    for row in progress:
        counted = (
            row.peer_responses,
            row.onsite_activities,
            row.problems_open,
            row.problems_overdue,
            row.problems_concluded,
        )
        assert counted == (0, 0, 0, 0, 0), row.name

    use_evaluation(database, PILOT)
    _, progress = evaluation_progress(database, date(2021, 12, 31))
    bureau = progress[1]
    assert (bureau.peer_responses, bureau.problems_concluded) == (375, 4)
    assert bureau.onsite_activities > 0


def test_next_years_ledger_lists_and_counts_none_of_the_pilots_problems(demo):
    database, run = demo
    _next_year(run)

    listed = run("ledger", "ls", "--json")
    searched = run("ledger", "ls", "--search", "挂牌", "--json")

    assert listed.code == 0 and listed.json() == []
    assert searched.json() == []
    assert ledger.count_problems(database) == 0
    assert ledger.count_problems(database, search="挂牌") == 0
    assert ledger.unit_counts(database) == []
    assert ledger.categories(database) == []
    assert ledger.read_page(database, ledger.LedgerQuery(), 0).total == 0

    use_evaluation(database, PILOT)
    numbers = [p["number"] for p in run("ledger", "ls", "--json").json()]
    assert numbers[0] == "2021-001" and len(numbers) == ledger.count_problems(database)
    assert ledger.count_problems(database, search="挂牌") > 0


def test_each_evaluations_ledger_shows_only_its_own_problems(office):
    """On every backend: problems of 2021 and 2022 recorded in turns (their ids
    interleave), each evaluation's ledger lists, counts and searches its own alone."""
    add_problem(office, "县工信局", "未按规定挂牌")
    create_evaluation(office, NEXT_YEAR, date(2022, 6, 30), number_prefix="2022")
    add_problem(office, "县气象局", "超职数配备领导，挂牌不全")

    assert [p.number for p in ledger.list_problems(office)] == ["2022-001"]
    assert [c.unit for c in ledger.unit_counts(office)] == ["县气象局"]
    assert ledger.count_problems(office, search="挂牌") == 1

    use_evaluation(office, "2021年度评估")
    add_problem(office, "县总工会", "牌子挂牌位置不规范")
    assert [p.number for p in ledger.list_problems(office)] == ["2021-001", "2021-002"]
    found = ledger.list_problems(office, search="挂牌")
    assert [p.number for p in found] == ["2021-001", "2021-002"]
    assert ledger.count_problems(office, search="挂牌") == 2
    assert ledger.count_problems(office, search="领导") == 0
    assert ledger.list_problems(office, search="领导 挂牌") == []
    assert len(ledger.matching_ids(office, "挂牌")) == 2


def _peer_book(path, rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "互评问卷"
    sheet.append(["问卷编号", "评价单位", "被评价单位", "第1题（50分）", "第2题（50分）"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return str(path)


def test_questionnaires_go_to_the_evaluation_current_when_imported(cli, database, tmp_path):
    """On every backend: imported before any evaluation, they belong to the first one set
    up; imported under next year's, they count there and not in the first."""
    for name, short in (("县工业和信息化局", "县工信局"), ("县总工会", "总工会")):
        from orgeval_tui.services.units import add_unit

        add_unit(database, name, short_name=short)
    this_year = _peer_book(tmp_path / "互评.xlsx", [["HP-1", "沂城街道", "县工信局", 50, 49]])
    next_year = _peer_book(tmp_path / "互评2.xlsx", [["HP-1", "县审计局", "县工信局", 40, 40]])
    peer = ("--db", database.url, "analyze", "peer", "--unit", "县工信局", "--json")

    assert cli("--db", database.url, "import", "survey", this_year, "--kind", "peer").code == 0
    create_evaluation(database, "2021年度评估", date(2021, 6, 30), number_prefix="2021")
    assert cli(*peer).json()["peer_score"] == 99.0
    create_evaluation(database, NEXT_YEAR, date(2022, 6, 30), number_prefix="2022")
    assert cli(*peer).json()["peer_responses"] == 0
    assert cli("--db", database.url, "import", "survey", next_year, "--kind", "peer").code == 0

    assert cli(*peer).json()["peer_score"] == 80.0
    use_evaluation(database, "2021年度评估")
    assert (cli(*peer).json()["peer_score"], cli(*peer).json()["peer_responses"]) == (99.0, 1)
