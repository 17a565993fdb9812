"""The 评议 tab's view of a unit in the current evaluation, as plain values: its
self-evaluation (self-scores and report), its staff questionnaire item by item, and its
peer evaluation with the departments that answered, the spread of the totals and the
raters to look at twice. The figures are those of ``analytics.surveys`` and
``analytics.peer_review``; this module reads their rows, in one session."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select

from ..analytics.peer_review import (
    DepartmentCoverage,
    RaterFlag,
    StaffItem,
    TotalBand,
    department_coverage,
    flagged_raters,
    staff_items,
    total_bands,
)
from ..analytics.surveys import PeerFigures, PeerResponse, StaffSurveyFigures, peer_figures
from ..models import Unit
from ..storage.database import Database
from .evaluations import current_evaluation
from .figures import peer_responses, staff_survey_in
from .intake.self_report import SelfReportView, self_report_in
from .score_sheet import evaluated_unit_ids


def self_evaluation_in(session, evaluation_id: int, unit_id: int):
    """The unit's self-scores against the evaluation's rubric; None without a rubric."""
    from ..analytics.rubric import self_evaluation
    from ..models import Indicator, Score

    leaves = dict(
        session.execute(
            select(Indicator.id, Indicator.max_points).where(
                Indicator.evaluation_id == evaluation_id, Indicator.max_points.is_not(None)
            )
        ).all()
    )
    if not leaves:
        return None
    scores = session.execute(
        select(Score.indicator_id, Score.points).where(
            Score.unit_id == unit_id, Score.source == "self"
        )
    ).all()
    return self_evaluation(leaves, scores)


@dataclass(frozen=True)
class PeerReview:
    figures: PeerFigures  # peer_score, peer_responses, peer_departments
    departments: DepartmentCoverage
    bands: tuple[TotalBand, ...]
    flags: tuple[RaterFlag, ...]


@dataclass(frozen=True)
class UnitReview:
    unit: str
    evaluation: str | None  # None: no evaluation set up
    self_evaluation: object | None  # analytics.rubric.SelfEvaluation; None without a rubric
    self_report: SelfReportView | None  # None: not imported
    staff: StaffSurveyFigures | None  # None: no staff questionnaire returned
    staff_items: tuple[StaffItem, ...]
    peer: PeerReview | None  # None: no peer questionnaire for the unit
    evaluated: bool = True  # under the evaluation: a report can be imported for it


def unit_review(db: Database, unit_id: int) -> UnitReview:
    from ..domain.errors import NotFound
    from ..i18n import t

    with db.read() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFound(t("unit.not_found", ref=unit_id))
        evaluation = current_evaluation(session)
        evaluation_id = evaluation.id if evaluation is not None else None
        self_scores = self_evaluation_in(session, evaluation_id, unit_id) if evaluation_id else None
        report = self_report_in(session, evaluation_id, unit_id)
        evaluated = evaluation_id is not None and unit_id in evaluated_unit_ids(
            session, evaluation_id
        )
        staff = staff_survey_in(session, unit_id, evaluation_id)
        peer = _peer_review(session, evaluation_id, unit_id)
        name = unit.name
    if not staff.staff_responses:
        staff = None
    return UnitReview(
        unit=name,
        evaluation=evaluation.name if evaluation is not None else None,
        self_evaluation=self_scores,
        self_report=report,
        staff=staff,
        staff_items=staff_items(staff.item_means, staff.scale_max) if staff else (),
        peer=peer,
        evaluated=evaluated,
    )


def _peer_review(session, evaluation_id: int | None, unit_id: int) -> PeerReview | None:
    """Every peer response of the evaluation is read: who was asked, and whether a
    department tells the units apart, are known only over all of them."""
    here: list[PeerResponse] = []
    asked: list[str] = []
    totals: dict[tuple[str, int], list[Fraction]] = defaultdict(list)
    for unit, response in peer_responses(session, evaluation_id):
        department = (response.respondent or "").strip()
        asked.append(department)
        totals[(department, unit)].append(response.out_of_100())
        if unit == unit_id:
            here.append(response)
    if not here:
        return None
    return PeerReview(
        figures=peer_figures(here),
        departments=department_coverage(asked, (r.respondent or "" for r in here)),
        bands=total_bands(r.out_of_100() for r in here),
        flags=flagged_raters(totals, unit_id),
    )
