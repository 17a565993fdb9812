"""Several things entered at once, all or none: the files of an activity attached
together, a finding recorded and sent to the ledger in one step. A refusal of any part
(a file that cannot be read, a title the ledger refuses) leaves nothing written."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from ...domain.actor import current_actor
from ...domain.errors import UserError
from ...domain.ledger_words import SEVERITIES
from ...i18n import t
from ...i18n.os_errors import os_reason
from ...storage.database import Database
from ..ledger.words import choice
from .activities import load_activity
from .findings import _leaf_codes, add_finding, check_same_evaluation, finding_view, problem_title
from .views import FileView, FindingView


def file_facts(path: str | Path) -> tuple[Path, str, int]:
    """A file's absolute path, SHA-256 and size; refused naming the file when it cannot
    be read."""
    path = Path(path).expanduser()
    try:
        resolved = path.resolve(strict=True)
        if not resolved.is_file():
            raise UserError(t("fieldwork.not_a_file", path=str(path)))
        with resolved.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        return resolved, digest, resolved.stat().st_size
    except OSError as exc:
        raise UserError(t("fieldwork.bad_file", path=str(path), reason=os_reason(exc))) from exc


def attach_files(db: Database, activity_id: int, paths: Iterable[str | Path]) -> list[FileView]:
    """Record several photos or scans of an activity: every file is read first, and one
    that cannot be leaves none attached."""
    from ...models import ActivityFile

    facts = [file_facts(path) for path in paths]
    with db.write() as session:
        load_activity(session, activity_id)
        rows = [
            ActivityFile(
                activity_id=activity_id,
                path=str(path),
                sha256=digest,
                size=size,
                added_by=current_actor(),
            )
            for path, digest, size in facts
        ]
        session.add_all(rows)
        session.flush()
        return [FileView(r.id, r.path, r.sha256, r.size, r.added_by, r.added_at) for r in rows]


def record_finding(
    db: Database,
    activity_id: int,
    text: str,
    *,
    severity: str | None = None,
    indicators: Iterable[str] = (),
    to_ledger: bool = False,
    title: str | None = None,
    category: str | None = None,
) -> FindingView:
    """A finding of an activity (``add_finding``); with ``to_ledger`` it is recorded
    together with its ledger problem, linked, in one transaction: both or neither."""
    if not to_ledger:
        return add_finding(db, activity_id, text, severity=severity, indicators=indicators)
    from ...models import Finding, FindingIndicator, Unit
    from .. import ledger

    text = (text or "").strip()
    if not text:
        raise UserError(t("fieldwork.empty_finding"))
    severity = choice(severity, SEVERITIES, "severity") if severity and severity.strip() else None
    indicators = tuple(indicators)
    with db.read() as session:
        activity = load_activity(session, activity_id)
        unit, evaluation_id = session.get(Unit, activity.unit_id).name, activity.evaluation_id
        _leaf_codes(session, evaluation_id, indicators)  # refused here, before any write
    recorded: list[int] = []

    def record(session: Session, problem) -> None:
        check_same_evaluation(session, activity_id, problem)
        codes = _leaf_codes(session, evaluation_id, indicators)
        finding = Finding(
            activity_id=activity_id,
            text=text,
            severity=severity,
            problem_id=problem.id,
            created_by=current_actor(),
        )
        session.add(finding)
        session.flush()
        session.add_all(FindingIndicator(finding_id=finding.id, code=code) for code in codes)
        recorded.append(finding.id)

    ledger.add(
        db,
        unit,
        title=title or problem_title(text),
        description=text,
        source="onsite",
        category=category,
        severity=severity or "medium",
        then=record,
    )
    with db.read() as session:
        return finding_view(session, recorded[-1])
