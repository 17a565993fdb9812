"""The data marker: it moves when anything is written, by any evaluator, and only then."""

from __future__ import annotations

from datetime import date

from orgeval_tui.services import ledger
from orgeval_tui.services.changes import data_marker
from orgeval_tui.services.intake.roster import import_roster
from orgeval_tui.services.progress import evaluation_progress

from ..office import add_problem


def test_reading_leaves_the_marker_where_it_is(office):
    before = data_marker(office)
    evaluation_progress(office)

    assert data_marker(office) == before


def test_a_step_of_a_problems_life_moves_the_marker(office):
    number = add_problem(office, unit="县气象局", title="挂牌不规范", source="onsite").number
    before = data_marker(office)
    ledger.apply(office, "feedback", [(number, None)], on=date(2021, 8, 2))

    assert data_marker(office) != before


def test_an_import_moves_the_marker(office, tmp_path):
    """Imports write in bulk, past the audit trail; their import record moves it."""
    path = tmp_path / "roster.csv"
    path.write_text("姓名,性别,出生日期\n赵刚,男,1980-05-01\n", encoding="utf-8")
    before = data_marker(office)
    import_roster(office, path, unit="县气象局")

    assert data_marker(office) != before
