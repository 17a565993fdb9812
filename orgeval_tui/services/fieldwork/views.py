"""What the on-site evaluation hands out: frozen views, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class PersonMet:
    """Someone met, by role; the name only when the evaluator entered one."""

    role: str
    name: str | None = None

    def to_json(self) -> dict:
        return {"role": self.role, "name": self.name}

    @property
    def shown(self) -> str:
        return f"{self.role}（{self.name}）" if self.name else self.role


@dataclass(frozen=True)
class FileView:
    id: int
    path: str
    sha256: str
    size: int
    added_by: str
    added_at: datetime

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "size": self.size,
            "added_by": self.added_by,
            "added_at": self.added_at.isoformat(),
        }


@dataclass(frozen=True)
class FindingView:
    id: int
    activity_id: int
    unit: str
    kind: str
    held_on: date
    text: str
    severity: str | None
    indicators: tuple[str, ...]
    problem_number: str | None  # the ledger problem it became, if any
    problem_status: str | None
    version: int

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "activity": self.activity_id,
            "text": self.text,
            "severity": self.severity,
            "indicators": list(self.indicators),
            "number": self.problem_number,
            "status": self.problem_status,
        }


@dataclass(frozen=True)
class ActivityRow:
    """One line of a unit's list of activities."""

    id: int
    unit: str
    kind: str
    held_on: date
    place: str | None
    evaluators: str | None
    findings: int
    has_draft: bool

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "unit": self.unit,
            "kind": self.kind,
            "on": self.held_on.isoformat(),
            "place": self.place,
            "evaluators": self.evaluators,
            "findings": self.findings,
            "draft": self.has_draft,
        }


@dataclass(frozen=True)
class ActivityDetail:
    id: int
    unit: str
    unit_id: int
    evaluation_id: int
    kind: str
    held_on: date
    place: str | None
    evaluators: str | None
    people_met: tuple[PersonMet, ...]
    notes: str
    draft: str | None  # typed since the last save; None when there is none
    draft_saved_at: datetime | None
    draft_by: str | None
    files: tuple[FileView, ...]
    findings: tuple[FindingView, ...]
    outline: tuple[str, ...]
    created_by: str | None
    version: int

    @property
    def answers(self) -> dict[str, str]:
        from .answers import answers

        return answers(self.notes, self.outline)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "unit": self.unit,
            "kind": self.kind,
            "on": self.held_on.isoformat(),
            "place": self.place,
            "evaluators": self.evaluators,
            "people_met": [person.to_json() for person in self.people_met],
            "notes": self.notes,
            "draft": self.draft,
            "draft_saved_at": self.draft_saved_at.isoformat() if self.draft_saved_at else None,
            "outline": list(self.outline),
            "answers": self.answers,
            "files": [f.to_json() for f in self.files],
            "findings": [f.to_json() for f in self.findings],
            "created_by": self.created_by,
            "version": self.version,
        }
