"""What an audit record is about, in the user's words: a problem by its number, a unit
by its name, a score by its leaf code and unit, an on-site activity by its day, kind and
unit (the unit last: a column cut short keeps what tells the rows apart). The rows of a
page are named with one query per table they come from; a row deleted since is named by
the values its deletion recorded."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import String, cast, literal, select
from sqlalchemy.orm import Session

from ..i18n import t
from ..models import (
    ActivityFile,
    AuditEvent,
    Benchmark,
    Evaluation,
    EvaluationPeriod,
    EvaluationUnit,
    Finding,
    Indicator,
    InterviewOutline,
    OnsiteActivity,
    Problem,
    Score,
    ScoreLock,
    Section,
    SelfReport,
    Unit,
)
from ..storage.audit import value_words

FINDING_SHOWN = 16  # characters of a finding's text that name it


def _pair_key(first, second):
    return cast(first, String) + literal(",") + cast(second, String)


def _clipped(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= FINDING_SHOWN else text[:FINDING_SHOWN] + "…"


def _by_id(model, *columns, joins=()):
    """A reader of rows of ``model`` by their integer id: (id, *columns)."""

    def read(session: Session, keys: list[str]):
        ids = [int(key) for key in keys if key.isdigit()]
        statement = select(cast(model.id, String), *columns)
        for target, on in joins:
            statement = statement.join(target, on)
        return session.execute(statement.where(model.id.in_(ids))).all()

    return read


def _by_pair(model, first, second, *columns, joins=()):
    """A reader of rows keyed by two columns (``evaluation_id,unit_id``)."""

    def read(session: Session, keys: list[str]):
        statement = select(_pair_key(first, second), *columns)
        for target, on in joins:
            statement = statement.join(target, on)
        return session.execute(statement.where(_pair_key(first, second).in_(keys))).all()

    return read


def _words(*parts) -> str:
    return " ".join(str(part) for part in parts if part not in (None, ""))


_ACTIVITY_UNIT = (Unit, Unit.id == OnsiteActivity.unit_id)
READERS = {
    "unit": (_by_id(Unit, Unit.name), _words),
    "problem": (_by_id(Problem, Problem.number), _words),
    "score": (
        _by_id(
            Score,
            Indicator.code,
            Unit.name,
            joins=(
                (Unit, Unit.id == Score.unit_id),
                (Indicator, Indicator.id == Score.indicator_id),
            ),
        ),
        _words,
    ),
    "score_lock": (
        _by_pair(
            ScoreLock,
            ScoreLock.evaluation_id,
            ScoreLock.unit_id,
            Evaluation.name,
            Unit.name,
            joins=(
                (Unit, Unit.id == ScoreLock.unit_id),
                (Evaluation, Evaluation.id == ScoreLock.evaluation_id),
            ),
        ),
        _words,
    ),
    "evaluation_unit": (
        _by_pair(
            EvaluationUnit,
            EvaluationUnit.evaluation_id,
            EvaluationUnit.unit_id,
            Evaluation.name,
            Unit.name,
            joins=(
                (Unit, Unit.id == EvaluationUnit.unit_id),
                (Evaluation, Evaluation.id == EvaluationUnit.evaluation_id),
            ),
        ),
        _words,
    ),
    "section": (
        _by_id(Section, Section.name, Unit.name, joins=((Unit, Unit.id == Section.unit_id),)),
        _words,
    ),
    "onsite_activity": (
        _by_id(
            OnsiteActivity,
            OnsiteActivity.held_on,
            OnsiteActivity.kind,
            Unit.name,
            joins=(_ACTIVITY_UNIT,),
        ),
        lambda day, kind, unit: _words(day, value_words("onsite_activity", "kind", kind), unit),
    ),
    "finding": (
        _by_id(
            Finding,
            OnsiteActivity.held_on,
            Finding.text,
            Unit.name,
            joins=((OnsiteActivity, OnsiteActivity.id == Finding.activity_id), _ACTIVITY_UNIT),
        ),
        lambda day, text, unit: _words(day, _clipped(text), unit),
    ),
    "activity_file": (_by_id(ActivityFile, ActivityFile.path), _words),
    "self_report": (
        _by_id(SelfReport, Unit.name, joins=((Unit, Unit.id == SelfReport.unit_id),)),
        _words,
    ),
    "evaluation": (_by_id(Evaluation, Evaluation.name), _words),
    "evaluation_period": (_by_id(EvaluationPeriod, EvaluationPeriod.label), _words),
    "indicator": (_by_id(Indicator, Indicator.code, Indicator.name), _words),
    "interview_outline": (
        _by_id(InterviewOutline, InterviewOutline.kind),
        lambda kind: value_words("onsite_activity", "kind", kind),
    ),
    "benchmark": (
        _by_id(Benchmark, Benchmark.figure, Benchmark.period_start, Benchmark.period_end),
        _words,
    ),
}
# Rows named by their key itself: a finding's leaf by its code, a calendar day by its day.
KEY_WORDS = {
    "finding_indicator": lambda key: key.partition(",")[2],
    "calendar_day": lambda key: key,
    "current_evaluation": lambda key: "",
}
# What a deleted row's records say of it, in the order they name it best.
DELETED_NAMES = ("number", "name", "code", "label", "file_name", "path", "text")


def _deleted(session: Session, entity: str, keys: list[str]) -> dict[str, str]:
    audit = AuditEvent.__table__.c
    rows = session.execute(
        select(audit.entity_id, audit.field, audit.old).where(
            audit.entity == entity,
            audit.entity_id.in_(keys),
            audit.action == "delete",
            audit.field.in_(DELETED_NAMES),
        )
    ).all()
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for key, field, old in rows:
        found[key][field] = old
    return {
        key: _clipped(next(fields[name] for name in DELETED_NAMES if name in fields))
        for key, fields in found.items()
    }


def subjects(session: Session, records: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Each (table, key) named as the user knows the row: its kind, then its label."""
    keys_of: dict[str, set[str]] = defaultdict(set)
    for entity, key in records:
        keys_of[entity].add(key)
    named: dict[tuple[str, str], str] = {}
    for entity, keys in keys_of.items():
        keys = sorted(keys)
        labels: dict[str, str] = {}
        if entity in KEY_WORDS:
            labels = {key: KEY_WORDS[entity](key) for key in keys}
        elif entity in READERS:
            read, word = READERS[entity]
            labels = {key: word(*values) for key, *values in read(session, keys)}
        missing = [key for key in keys if key not in labels]
        if missing:
            labels.update(_deleted(session, entity, missing))
        kind = t(f"audit.entity.{entity}")
        for key in keys:
            label = labels.get(key)
            named[(entity, key)] = _words(kind, label) if label is not None else f"{kind} #{key}"
    return named
