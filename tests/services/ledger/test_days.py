"""The days of a problem's life make sense: no step is dated after today or before the
step it follows (refused, naming the problem and both days); a deadline already past is
unusual and is set only when confirmed. The ledger workbook import holds its rows to the
same rule."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from orgeval_tui.domain.errors import NeedsConfirmation, UserError
from orgeval_tui.i18n import set_language
from orgeval_tui.services import ledger
from tests.office import add_problem

from .ledger_book import HEADER_ROW, SHEET, build_every_state, export, shown_ledger

TODAY = date(2021, 11, 15)


@pytest.fixture(autouse=True)
def today(pin_today):
    pin_today(TODAY)
    set_language("en")


def _fed_back(office) -> str:
    number = add_problem(office, "县工信局", "内设机构挂牌不规范").number  # recorded 2021-06-30
    ledger.feedback(office, number, date(2021, 7, 28))
    return number


def _reported(office) -> str:
    number = _fed_back(office)
    ledger.plan(office, number, "更换标牌", "李倩", date(2021, 12, 31))
    ledger.report(office, number, "已更换", on=date(2021, 9, 20))
    return number


def test_feedback_before_the_problem_was_recorded_is_refused(office):
    number = add_problem(office, "县工信局", "内设机构挂牌不规范").number

    with pytest.raises(UserError) as refused:
        ledger.feedback(office, number, date(2021, 6, 1))

    assert str(refused.value) == f"{number}: fed back on 2021-06-01 is before recorded 2021-06-30"
    assert ledger.show(office, number).problem.status == "identified"


def test_a_strike_off_in_the_future_is_refused(office):
    number = _reported(office)

    with pytest.raises(UserError) as refused:
        ledger.verify(office, number, "同意销号", on=date(2099, 1, 1))

    assert "struck off on 2099-01-01 is after today (2021-11-15)" in str(refused.value)
    assert ledger.show(office, number).problem.status == "reported"


@pytest.mark.parametrize(
    ("step", "values", "why"),
    [
        ("report", {"text": "已更换", "on": date(2021, 7, 1)}, "reported on 2021-07-01"),
        ("withdraw", {"reason": "误登记", "on": date(2021, 7, 2)}, "withdrawn on 2021-07-02"),
    ],
)
def test_any_step_dated_before_the_step_it_follows_is_refused(office, step, values, why):
    number = _fed_back(office)
    ledger.plan(office, number, "更换标牌", "李倩", date(2021, 12, 31))

    with pytest.raises(UserError) as refused:
        ledger.apply(office, step, [(number, None)], **values)

    assert f"{why} is before fed back on 2021-07-28" in str(refused.value)


def test_a_verification_before_the_report_and_a_reopening_before_it_are_refused(office):
    number = _reported(office)

    with pytest.raises(UserError, match="before reported on 2021-09-20"):
        ledger.verify(office, number, "同意销号", on=date(2021, 9, 1))
    ledger.verify(office, number, "同意销号", on=date(2021, 10, 8))
    with pytest.raises(UserError, match="before struck off on 2021-10-08"):
        ledger.reopen(office, number, "仍有旧牌", on=date(2021, 10, 1))


def test_a_deadline_already_past_is_set_only_when_confirmed(office):
    number = _fed_back(office)

    with pytest.raises(NeedsConfirmation) as asked:
        ledger.plan(office, number, "更换标牌", "李倩", date(2021, 9, 30))
    assert str(asked.value) == "the deadline 2021-09-30 has already passed (today is 2021-11-15)"
    assert ledger.show(office, number).problem.status == "fed_back"

    ledger.plan(office, number, "更换标牌", "李倩", date(2021, 9, 30), **asked.value.retry_with)
    assert ledger.show(office, number).problem.deadline == date(2021, 9, 30)


def test_the_command_line_asks_for_a_flag_to_set_a_past_deadline(run, office):
    number = _fed_back(office)
    plan = ("ledger", "plan", number, "--measures", "m", "--responsible", "r")

    asked = run(*plan, "--deadline", "2021-10-31")
    done = run(*plan, "--deadline", "2021-10-31", "--allow-past-deadline")

    assert asked.code == 1
    assert asked.err.strip() == (
        "orgeval: error: the deadline 2021-10-31 has already passed (today is 2021-11-15); "
        "give --allow-past-deadline to record it anyway"
    )
    assert done.code == 0, done.err


def test_the_command_line_dates_every_step_with_on(run, office):
    """A ledger entered after the fact: report, look-back, reopening and withdrawal take
    the day they happened, held to the same rule as the screen's."""
    number = _reported(office)
    reopened = run("ledger", "reopen", number, "--reason", "标牌未更换", "--on", "2021-10-08")
    reported = run("ledger", "report", number, "--text", "已更换", "--on", "2021-10-20")
    future = run("ledger", "verify", number, "--note", "同意", "--on", "2099-01-01")
    verified = run("ledger", "verify", number, "--note", "同意", "--on", "2021-10-28")
    other = add_problem(office, "县工信局", "重复登记").number
    withdrawn = run("ledger", "withdraw", other, "--reason", "重复", "--on", "2021-07-02")

    assert [r.code for r in (reopened, reported, verified, withdrawn)] == [0, 0, 0, 0]
    assert future.code == 1
    assert "struck off on 2099-01-01 is after today (2021-11-15)" in future.err
    problem = ledger.show(office, number).problem
    assert (problem.status, problem.reported_on, problem.verified_on) == (
        "closed",
        date(2021, 10, 20),
        date(2021, 10, 28),
    )
    assert ledger.show(office, other).problem.status == "withdrawn"


def test_an_extension_to_a_day_already_past_asks_too(office):
    number = _fed_back(office)
    ledger.plan(office, number, "更换标牌", "李倩", date(2021, 8, 31), past_deadline=True)

    with pytest.raises(NeedsConfirmation):
        ledger.extend(office, number, date(2021, 10, 31), "统一制作")
    ledger.extend(office, number, date(2021, 12, 31), "统一制作")  # not past: no question


def test_the_workbook_import_refuses_the_same_impossible_days(office, cli, tmp_path):
    build_every_state(office, tmp_path)
    path = tmp_path / "台账.xlsx"
    export(cli, office, path)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    columns = {cell.value: cell.column for cell in sheet[HEADER_ROW]}
    sheet.cell(row=8, column=columns["销号日期"]).value = date(2099, 1, 1)  # 2021-005, closed
    sheet.cell(row=5, column=columns["反馈日期"]).value = date(2021, 7, 1)  # 2021-002
    sheet.cell(row=5, column=columns["登记日期"]).value = date(2021, 7, 10)
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    before = shown_ledger(cli, office)

    refused = cli("--db", office.url, "import", "ledger", str(edited))

    assert refused.code == 1
    assert f"{SHEET}!5: 反馈日期: 反馈日期 2021-07-01 is before 登记日期 2021-07-10" in refused.err
    assert f"{SHEET}!8: 销号日期: 销号日期 2099-01-01 is after today (2021-11-15)" in refused.err
    assert shown_ledger(cli, office) == before
