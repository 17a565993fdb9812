"""What the ledger hands out: frozen views of a problem, its events and its detail.
No ORM object leaves the ledger's modules; reads build views from rows of the light
table handles, writes from the ORM objects they changed."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from ...analytics.ledger_facts import ProblemFacts
from ...storage import tables as T

if TYPE_CHECKING:
    from ...models import Problem, Unit


@dataclass(frozen=True)
class ProblemView:
    id: int
    number: str
    evaluation_id: int
    unit_id: int
    unit: str
    unit_short: str | None
    source: str
    category: str | None
    title: str
    description: str
    recommendation: str
    severity: str
    status: str
    fed_back_on: date | None
    measures: str | None
    responsible: str | None
    deadline: date | None
    report_text: str | None
    report_file_name: str | None
    report_file_hash: str | None
    reported_on: date | None
    verifier: str | None
    verified_on: date | None
    verify_note: str | None
    withdraw_reason: str | None
    withdrawn_on: date | None
    created_at: datetime
    version: int

    @property
    def unit_label(self) -> str:
        return self.unit_short or self.unit

    def to_json(self) -> dict:
        return {f.name: jsonable(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class EventView:
    id: int
    action: str
    from_status: str | None
    to_status: str
    actor: str
    at: datetime
    reason: str | None
    detail: dict

    def to_json(self) -> dict:
        return {f.name: jsonable(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class ProblemDetail:
    problem: ProblemView
    facts: ProblemFacts
    events: tuple[EventView, ...]
    allowed: tuple[str, ...]
    # The on-site findings it came from (its evidence): fieldwork's FindingView.
    findings: tuple = ()

    def to_json(self) -> dict:
        return {
            **self.problem.to_json(),
            "facts": self.facts.to_json(),
            "allowed": list(self.allowed),
            "events": [event.to_json() for event in self.events],
            "findings": [
                {
                    **finding.to_json(),
                    "unit": finding.unit,
                    "kind": finding.kind,
                    "on": finding.held_on.isoformat(),
                }
                for finding in self.findings
            ],
        }


def jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


VIEW_COLUMNS = tuple(f.name for f in fields(ProblemView) if f.name not in ("unit", "unit_short"))


def problem_view(problem: Problem, unit: Unit) -> ProblemView:
    values = {name: getattr(problem, name) for name in VIEW_COLUMNS}
    return ProblemView(unit=unit.name, unit_short=unit.short_name, **values)


def row_view(row) -> ProblemView:
    return ProblemView(**row._mapping)


# Reads use the light table handles, not the models: a command that only reads then never
# builds the model classes (≈ 0.15 s) nor configures the mappers. The models are imported
# where a problem is written through the ORM.
P = T.problem.c
U = T.unit.c


def view_select():
    columns = [P[name] for name in VIEW_COLUMNS]
    return select(*columns, U.name.label("unit"), U.short_name.label("unit_short")).join_from(
        T.problem, T.unit, U.id == P.unit_id
    )
