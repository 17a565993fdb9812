"""A small office for the note editor's tests, filled through the services: one unit in
the current evaluation, with one individual interview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from orgeval_tui.storage.database import Database

UNIT = "县工业和信息化局"
PLACE = "局机关三楼会议室"
EVALUATOR = "王评估"


@dataclass(frozen=True)
class FieldOffice:
    path: Path
    unit_id: int
    activity_id: int

    def open(self) -> Database:
        return Database.open(str(self.path))


def build_field_office(path: Path, *, activities: int = 1) -> FieldOffice:
    from orgeval_tui.services import fieldwork
    from orgeval_tui.services.evaluations import create_evaluation
    from orgeval_tui.services.units import add_unit

    database = Database.open(str(path))
    try:
        unit = add_unit(database, UNIT, short_name="县工信局")
        create_evaluation(
            database, "2026年度评估", date(2026, 6, 30), number_prefix="2026", units=[UNIT]
        )
        first = None
        for number in range(activities):
            made = fieldwork.add_activity(
                database,
                UNIT,
                "interview",
                date(2026, 11, 20 + number),
                place=PLACE,
                evaluators=EVALUATOR,
                people_met=["办公室主任", "科员:张三"],
            )
            first = first or made
        return FieldOffice(path, unit.id, first.id if first else 0)
    finally:
        database.dispose()
