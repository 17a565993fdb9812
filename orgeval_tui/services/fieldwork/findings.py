"""Findings: what an activity found, the rubric leaves it bears on (evidence for their
scores), and the ledger problem it became. Sending a finding to the ledger records the
problem (source 实地评, the unit and the text filled in) and links the two in one
transaction: both or neither."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.actor import current_actor
from ...domain.errors import NotFound, UserError
from ...domain.ledger_words import SEVERITIES
from ...domain.roles import Need
from ...i18n import t
from ...storage.database import Database
from ..access import require
from ..ledger.words import choice
from ..rubric_store import evaluation_rubric
from .activities import load_activity
from .views import FindingView

TITLE_LIMIT = 60
_SENTENCE_ENDS = "。；;！？!?\n"


def leaf_codes(session: Session, evaluation_id: int, codes: Iterable[str]) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(c.strip().upper() for c in codes if c and c.strip()))
    if not wanted:
        return ()
    rubric = evaluation_rubric(session, evaluation_id)
    leaves = {leaf.code.upper(): leaf.code for leaf in rubric.leaves()} if rubric else {}
    unknown = [code for code in wanted if code not in leaves]
    if unknown:
        raise UserError(
            t(
                "fieldwork.unknown_indicator",
                codes="、".join(unknown),
                leaves="、".join(leaves.values()) or "—",
            )
        )
    return tuple(leaves[code] for code in wanted)


def findings_of(session: Session, activity_ids: Iterable[int]) -> list[FindingView]:
    """The findings of these activities, in the order they were recorded."""
    from ...models import Finding, FindingIndicator, OnsiteActivity, Problem, Unit

    ids = list(activity_ids)
    if not ids:
        return []
    rows = session.execute(
        select(Finding, OnsiteActivity, Unit.name, Problem.number, Problem.status)
        .join(OnsiteActivity, OnsiteActivity.id == Finding.activity_id)
        .join(Unit, Unit.id == OnsiteActivity.unit_id)
        .outerjoin(Problem, Problem.id == Finding.problem_id)
        .where(Finding.activity_id.in_(ids))
        .order_by(Finding.id)
    ).all()
    codes: dict[int, list[str]] = {}
    for finding_id, code in session.execute(
        select(FindingIndicator.finding_id, FindingIndicator.code)
        .where(FindingIndicator.finding_id.in_([row[0].id for row in rows]))
        .order_by(FindingIndicator.code)
    ):
        codes.setdefault(finding_id, []).append(code)
    return [
        FindingView(
            id=finding.id,
            activity_id=activity.id,
            unit=unit,
            kind=activity.kind,
            held_on=activity.held_on,
            text=finding.text,
            severity=finding.severity,
            indicators=tuple(codes.get(finding.id, ())),
            problem_number=number,
            problem_status=status,
            version=finding.version,
        )
        for finding, activity, unit, number, status in rows
    ]


def finding_view(session: Session, finding_id: int) -> FindingView:
    from ...models import Finding

    finding = session.get(Finding, finding_id)
    if finding is None:
        raise NotFound(t("fieldwork.no_finding", id=finding_id))
    return next(f for f in findings_of(session, [finding.activity_id]) if f.id == finding_id)


def finding_text(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        raise UserError(t("fieldwork.empty_finding"))
    return text


def finding_severity(severity: str | None) -> str | None:
    """A severity by its identifier or label in either language; None when not given."""
    return choice(severity, SEVERITIES, "severity") if severity and severity.strip() else None


def insert_finding(
    session: Session,
    activity_id: int,
    text: str,
    severity: str | None,
    codes: Iterable[str],
    problem_id: int | None = None,
) -> int:
    from ...models import Finding, FindingIndicator

    finding = Finding(
        activity_id=activity_id,
        text=text,
        severity=severity,
        problem_id=problem_id,
        created_by=current_actor(),
    )
    session.add(finding)
    session.flush()
    session.add_all(FindingIndicator(finding_id=finding.id, code=code) for code in codes)
    session.flush()
    return finding.id


def add_finding(
    db: Database,
    activity_id: int,
    text: str,
    *,
    severity: str | None = None,
    indicators: Iterable[str] = (),
) -> FindingView:
    """Record what an activity found; ``indicators``: the codes of the rubric leaves it
    bears on (each must be a leaf of the evaluation's rubric)."""
    text, severity = finding_text(text), finding_severity(severity)
    with db.write() as session:
        activity = load_activity(session, activity_id)
        require(session, Need.CASEWORK, activity.unit_id)
        codes = leaf_codes(session, activity.evaluation_id, indicators)
        return finding_view(session, insert_finding(session, activity_id, text, severity, codes))


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
    from ...models import Unit
    from .. import ledger

    text, severity = finding_text(text), finding_severity(severity)
    indicators = tuple(indicators)
    with db.read() as session:
        activity = load_activity(session, activity_id)
        unit, evaluation_id = session.get(Unit, activity.unit_id).name, activity.evaluation_id
        leaf_codes(session, evaluation_id, indicators)  # refused here, before any write
    recorded: list[int] = []

    def record(session: Session, problem) -> None:
        check_same_evaluation(session, activity_id, problem)
        codes = leaf_codes(session, evaluation_id, indicators)
        recorded.append(insert_finding(session, activity_id, text, severity, codes, problem.id))

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


def set_indicators(db: Database, finding_id: int, indicators: Iterable[str]) -> FindingView:
    """The leaves a finding bears on, replacing those it named before."""
    from ...models import Finding, FindingIndicator

    with db.write() as session:
        finding = session.get(Finding, finding_id)
        if finding is None:
            raise NotFound(t("fieldwork.no_finding", id=finding_id))
        activity = load_activity(session, finding.activity_id)
        require(session, Need.CASEWORK, activity.unit_id)
        codes = set(leaf_codes(session, activity.evaluation_id, indicators))
        existing = {
            row.code: row
            for row in session.scalars(
                select(FindingIndicator).where(FindingIndicator.finding_id == finding_id)
            )
        }
        for code, row in existing.items():
            if code not in codes:
                session.delete(row)
        session.add_all(
            FindingIndicator(finding_id=finding_id, code=code)
            for code in sorted(codes - existing.keys())
        )
        session.flush()
        return finding_view(session, finding_id)


def problem_title(text: str) -> str:
    """A problem's title from a finding: its first sentence, cut to ``TITLE_LIMIT``."""
    first = text.strip()
    for index, char in enumerate(first):
        if char in _SENTENCE_ENDS:
            first = first[:index]
            break
    first = first.strip()
    return first if len(first) <= TITLE_LIMIT else first[: TITLE_LIMIT - 1] + "…"


def check_same_evaluation(session: Session, activity_id: int, problem) -> None:
    """A finding goes to the ledger of its own evaluation: the ledger records a problem in
    the current one, so a finding of another evaluation's visit is refused there."""
    from ...models import Evaluation

    activity = load_activity(session, activity_id)
    if activity.evaluation_id != problem.evaluation_id:
        raise UserError(
            t(
                "fieldwork.other_evaluation",
                id=activity_id,
                evaluation=session.get(Evaluation, activity.evaluation_id).name,
                current=session.get(Evaluation, problem.evaluation_id).name,
            )
        )


def finding_to_ledger(
    db: Database,
    finding_id: int,
    *,
    title: str | None = None,
    category: str | None = None,
    recommendation: str | None = None,
) -> FindingView:
    """Record the finding as a ledger problem of its unit (source 实地评, its text as
    the description, its severity) and link them; refused when it is already linked."""
    from .. import ledger

    with db.read() as session:
        unlinked_finding(session, finding_id)  # refused before the ledger numbers anything
        view = finding_view(session, finding_id)

    def link(session: Session, problem) -> None:
        finding = unlinked_finding(session, finding_id)
        check_same_evaluation(session, finding.activity_id, problem)
        finding.problem_id = problem.id

    ledger.add(
        db,
        view.unit,
        title=title or problem_title(view.text),
        description=view.text,
        source="onsite",
        category=category,
        severity=view.severity or "medium",
        recommendation=recommendation,
        then=link,
    )
    with db.read() as session:
        return finding_view(session, finding_id)


def findings_by_leaf(
    session: Session, evaluation_id: int, unit_id: int
) -> dict[str, tuple[FindingView, ...]]:
    """The unit's findings in the evaluation, by the code of each leaf they bear on."""
    from ...models import OnsiteActivity

    activity_ids = session.scalars(
        select(OnsiteActivity.id).where(
            OnsiteActivity.evaluation_id == evaluation_id, OnsiteActivity.unit_id == unit_id
        )
    ).all()
    by_leaf: dict[str, list[FindingView]] = {}
    for finding in findings_of(session, activity_ids):
        for code in finding.indicators:
            by_leaf.setdefault(code, []).append(finding)
    return {code: tuple(found) for code, found in by_leaf.items()}


def findings_of_problem(session: Session, problem_id: int) -> list[FindingView]:
    """The findings a ledger problem came from (its evidence)."""
    from ...models import Finding

    rows = session.execute(
        select(Finding.id, Finding.activity_id).where(Finding.problem_id == problem_id)
    ).all()
    ids = {finding_id for finding_id, _ in rows}
    return [f for f in findings_of(session, {a for _, a in rows}) if f.id in ids]


def unlinked_finding(session: Session, finding_id: int):
    """A finding not linked to a problem yet (its row); one already linked is refused
    naming the problem it went to."""
    from ...models import Finding, Problem

    finding = session.get(Finding, finding_id)
    if finding is None:
        raise NotFound(t("fieldwork.no_finding", id=finding_id))
    if finding.problem_id is not None:
        linked = session.get(Problem, finding.problem_id)
        raise UserError(t("fieldwork.already_in_ledger", id=finding_id, number=linked.number))
    return finding


def link_finding(db: Database, finding_id: int, number: str) -> FindingView:
    """Link a finding to a problem already in the ledger (the evidence of a problem
    recorded from another source); refused when the finding is linked already or the
    problem is of another unit or evaluation."""
    from ...models import OnsiteActivity, Problem

    with db.write() as session:
        finding = unlinked_finding(session, finding_id)
        activity = session.get(OnsiteActivity, finding.activity_id)
        require(session, Need.CASEWORK, activity.unit_id)
        problem = session.scalar(
            select(Problem).where(
                Problem.evaluation_id == activity.evaluation_id, Problem.number == number.strip()
            )
        )
        if problem is None:
            raise NotFound(t("ledger.not_found", number=number))
        if problem.unit_id != activity.unit_id:
            raise UserError(t("fieldwork.other_unit", id=finding_id, number=problem.number))
        finding.problem_id = problem.id
        session.flush()
        return finding_view(session, finding_id)
