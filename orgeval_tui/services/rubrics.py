"""An evaluation's rubric (指标体系) as the office handles it: shown, written to a
workbook to edit, and replaced by an edited one (`orgeval rubric show / export /
import`). The rubric's rules are ``analytics.rubric_rules``'; its storage,
``rubric_store``; the workbook, ``export.rubric_workbook`` and ``rubric_sheet``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..analytics.rubric_rules import Indicator, Rubric
from ..domain.errors import UserError
from ..domain.roles import Need
from ..i18n import t
from ..storage.database import Database
from .access import require
from .evaluations import find_evaluation
from .rubric_store import evaluation_rubric, replace_rubric


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def indicator_json(indicator: Indicator) -> dict:
    leaf = indicator.kind is not None
    return {
        "code": indicator.code,
        "name": indicator.name,
        "parent": indicator.parent,
        "max": _number(indicator.maximum),
        "kind": indicator.kind,
        "standard": indicator.standard if leaf else None,
        "veto": indicator.veto,
        "per_instance": _number(indicator.per_instance),
        "categories": list(indicator.categories),
        "figure": indicator.figure,
        "bands": [
            {"at_least": _number(b.at_least), "points": _number(b.points)} for b in indicator.bands
        ],
    }


def grades_json(rubric: Rubric) -> dict:
    return {grade: _number(value) for grade, value in rubric.grades.items()}


@dataclass(frozen=True)
class RubricView:
    evaluation: str
    rubric: Rubric | None  # None: the evaluation has none yet

    def to_json(self) -> dict:
        rubric = self.rubric
        return {
            "evaluation": self.evaluation,
            "indicators": [indicator_json(i) for i in rubric.indicators] if rubric else [],
            "grades": grades_json(rubric) if rubric else None,
        }


def show_rubric(db: Database, evaluation: str | None = None) -> RubricView:
    with db.read() as session:
        target = find_evaluation(session, evaluation)
        return RubricView(target.name, evaluation_rubric(session, target.id))


@dataclass(frozen=True)
class RubricExport:
    path: Path
    evaluation: str
    leaves: int
    indicators: int

    def to_json(self) -> dict:
        return {
            "file": str(self.path),
            "evaluation": self.evaluation,
            "leaves": self.leaves,
            "indicators": self.indicators,
        }


def export_rubric(db: Database, path: str | Path, evaluation: str | None = None) -> RubricExport:
    from ..export.rubric_workbook import write_rubric

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(t("rubric_excel.not_xlsx", file=path.name))
    view = show_rubric(db, evaluation)
    if view.rubric is None:
        raise UserError(t("score.no_rubric", evaluation=view.evaluation))
    write_rubric(path, view.rubric, view.evaluation)
    rubric = view.rubric
    return RubricExport(path, view.evaluation, len(rubric.leaves()), len(rubric.indicators))


@dataclass(frozen=True)
class RubricImport:
    file: str
    evaluation: str
    rubric: Rubric
    dry_run: bool

    def parts(self) -> tuple[Indicator, ...]:
        return self.rubric.children(None)

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "evaluation": self.evaluation,
            "dry_run": self.dry_run,
            "leaves": len(self.rubric.leaves()),
            "parts": [
                {"code": p.code, "name": p.name, "max": _number(p.maximum)} for p in self.parts()
            ],
            "grades": grades_json(self.rubric),
        }


def import_rubric(
    db: Database, path: str | Path, *, evaluation: str | None = None, dry_run: bool = False
) -> RubricImport:
    """Replace the evaluation's rubric and grade bands with the file's, whole or not at
    all: refused with every problem of the file listed, or, once any score refers to
    the rubric, with how many do."""
    from .intake.common import record_import
    from .rubric_sheet import read_rubric_file

    read = read_rubric_file(path)
    with db.write() as session:
        require(session, Need.ADMIN)
        target = find_evaluation(session, evaluation, lock=True)
        done = RubricImport(read.name, target.name, read.rubric, dry_run)
        replace_rubric(session, target, read.rubric)
        if dry_run:  # checked as the import would be, then undone
            session.rollback()
            return done
        note = json.dumps({"evaluation": target.name}, ensure_ascii=False)
        record_import(session, read, "rubric", None, len(read.rubric.indicators), note=note)
    return done
