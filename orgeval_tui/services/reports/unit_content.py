"""A unit's evaluation report and feedback letter as report content: everything the
unit's screen, its score sheet, its reviews, its on-site work and its ledger problems say,
gathered for one document in the current evaluation."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from ...analytics.scoring import grade as grade_of
from ...export.report_content import (
    ActivityLine,
    FeedbackLetter,
    FindingLine,
    ProblemItem,
    ReportHead,
    Reviews,
    Terms,
    UnitBasics,
    UnitReport,
)
from ...i18n import t
from ...storage.database import Database
from ..evaluations import current_evaluation
from ..score_sheet import evaluated_unit, rubric_or_refuse, score_rows, score_sheet
from .figure_parts import case_chart, case_period, duty_period, roster_part
from .score_parts import score_result, score_sheets
from .words import count, day, grade, joined, ordinal, rate, score, staffing, text, total

# Without a date given, the unit has this long to rectify, and its written report is
# due the day rectification ends.
RECTIFY_DAYS = 60


def terms(on: date, deadline: date | None = None, report_due: date | None = None) -> Terms:
    deadline = deadline or on + timedelta(days=RECTIFY_DAYS)
    report_due = report_due or deadline
    return Terms(day(deadline), deadline.isoformat(), day(report_due), report_due.isoformat())


def head(title: str, office: str, on: date, evaluation) -> ReportHead:
    """``evaluation``: EvaluationInfo."""
    return ReportHead(
        title=title,
        office=office,
        date=day(on),
        date_iso=on.isoformat(),
        evaluation=evaluation.name,
        reference_date=day(evaluation.reference_date),
        periods=joined(p.shown for p in evaluation.periods),
    )


def unit_basics_in(session, unit_id: int) -> UnitBasics:
    """The unit's 基本情况: its place, mandate, quotas, headcount and sections."""
    from ...models import Section, Unit
    from ..workspace import unit_info_in

    unit = session.get(Unit, unit_id)
    info = unit_info_in(session, unit_id, unit)
    sections = [
        text(name)
        for name in session.scalars(
            select(Section.name).where(Section.unit_id == unit_id).order_by(Section.id)
        )
    ]
    return UnitBasics(
        name=info.name,
        short_name=info.short_name or info.name,
        parent=info.parent or "",
        institutions=joined(info.children),
        mandate=text(unit.mandate_ref),
        quota_admin=count(info.quota_admin),
        quota_public=count(info.quota_public),
        quota_service=count(info.quota_service),
        quota_total=count(info.quota_total),
        quota_leaders=count(info.quota_leaders),
        headcount=count(info.headcount),
        vacancies=count(info.vacancies),
        staffing=staffing(info.vacancies),
        quota_usage=rate(info.headcount / info.quota_total if info.quota_total else None),
        sections=sections,
        section_count=count(len(sections)),
    )


def problem_item(position: int, problem, terms_: Terms) -> ProblemItem:
    """``problem``: a ledger ProblemView, the ``position``th of its list (from 1)."""
    return ProblemItem(
        ordinal=ordinal(position),
        number=problem.number,
        unit=problem.unit,
        title=text(problem.title),
        category=text(problem.category),
        source=t(f"ledger.source.{problem.source}"),
        severity=t(f"ledger.severity.{problem.severity}"),
        description=text(problem.description),
        recommendation=text(problem.recommendation),
        status=t(f"ledger.status.{problem.status}"),
        fed_back_on=day(problem.fed_back_on),
        measures=text(problem.measures),
        responsible=text(problem.responsible),
        deadline=day(problem.deadline) if problem.deadline else terms_.deadline,
    )


def _unit_extras(db: Database, unit_ref: str):
    """What the screen's figures leave out: the mandate, the sections, the evaluators'
    reasons, the self-evaluation, the activities and the findings."""
    from ...models import OnsiteActivity
    from ..fieldwork.activities import detail_in
    from ..figures import staff_survey_in
    from ..intake.self_report import self_report_in
    from ..review import self_evaluation_in

    with db.read() as session:
        evaluation = current_evaluation(session)
        if evaluation is None:
            from ...domain.errors import UserError

            raise UserError(t("figures.no_evaluation"))
        rubric = rubric_or_refuse(session, evaluation)
        unit = evaluated_unit(session, evaluation, unit_ref)
        reasons: dict[str, list[str]] = {}
        for _, code, source, _who, _points, _count, note, _ in score_rows(
            session, evaluation.id, [unit.id]
        ):
            if source == "office" and note:
                reasons.setdefault(code, []).append(note)
        activity_ids = list(
            session.scalars(
                select(OnsiteActivity.id)
                .where(
                    OnsiteActivity.unit_id == unit.id,
                    OnsiteActivity.evaluation_id == evaluation.id,
                )
                .order_by(OnsiteActivity.held_on, OnsiteActivity.id)
            )
        )
        activities = [detail_in(session, activity_id) for activity_id in activity_ids]
        return {
            "unit_id": unit.id,
            "basics": unit_basics_in(session, unit.id),
            "reasons": reasons,
            "self": self_evaluation_in(session, evaluation.id, unit.id),
            "self_report": self_report_in(session, evaluation.id, unit.id),
            "staff": staff_survey_in(session, unit.id, evaluation.id),
            "activities": activities,
            "leaf_names": {leaf.code: leaf.name for leaf in rubric.leaves()},
            "bands": rubric.grades,
        }


def _people(people) -> str:
    """The people met, by role: a role met several times without names once with its
    count (科室负责人（3人）), a named person as entered."""
    counts: dict[str, int] = {}
    for person in people:
        key = text(person.shown)
        counts[key] = counts.get(key, 0) + 1
    return joined(
        t("report.people_of_role", role=key, count=n) if n > 1 else key for key, n in counts.items()
    )


def _reviews(extras, peer) -> Reviews:
    own = extras["self"]
    self_total = (
        own.self_score / own.self_maximum * 100
        if own is not None and own.self_score is not None and own.self_maximum
        else None
    )
    staff = extras["staff"]
    names = extras["leaf_names"]
    activities, findings = [], []
    for activity in extras["activities"]:
        kind = t(f"fieldwork.kind.{activity.kind}")
        activities.append(
            ActivityLine(
                kind,
                day(activity.held_on),
                text(activity.place),
                _people(activity.people_met),
                count(len(activity.findings)),
            )
        )
        findings += [
            FindingLine(
                day(activity.held_on),
                kind,
                text(f.text),
                joined(f"{code} {names.get(code, '')}".strip() for code in f.indicators),
                f.problem_number or "",
            )
            for f in activity.findings
        ]
    report = extras["self_report"]
    return Reviews(
        self_scored=self_total is not None,
        staff_answered=bool(staff.staff_responses),
        peer_answered=bool(peer and peer.peer_responses),
        self_total=total(self_total),
        self_grade=grade(grade_of(self_total, extras["bands"])),
        self_report=text(report.file) if report else t("report.not_submitted"),
        staff_responses=count(staff.staff_responses),
        staff_items=count(staff.item_count),
        staff_satisfaction=score(staff.staff_satisfaction),
        peer_score=score(peer.peer_score if peer else None),
        peer_responses=count(peer.peer_responses if peer else 0),
        peer_departments=count(peer.peer_departments if peer else 0),
        activities=activities,
        findings=findings,
    )


def unit_report(db: Database, unit_ref: str, office: str, on: date, terms_: Terms) -> UnitReport:
    from ..ledger.queries import evaluation_problems
    from ..progress import current_evaluation as current_info
    from ..workspace import unit_figures

    extras = _unit_extras(db, unit_ref)
    figures = unit_figures(db, extras["unit_id"], today=on)
    sheet = score_sheet(db, unit_ref)
    evaluation = current_info(db)
    info = figures.info
    _, problems = evaluation_problems(db, unit=info.name)
    problems = [p for p in problems if p.status != "withdrawn"]
    return UnitReport(
        report=head(t("report.title.unit", unit=info.name), office, on, evaluation),
        unit=extras["basics"],
        result=score_result(sheet),
        roster=roster_part(figures.roster, figures.children, figures.as_of),
        duties=[duty_period(i, period, duty) for i, (period, duty) in enumerate(figures.duties)],
        cases=[case_period(period, "hotline", cases) for period, cases in figures.cases],
        reviews=_reviews(extras, figures.peer),
        scores=score_sheets(sheet, extras["reasons"]),
        problems=[problem_item(i, p, terms_) for i, p in enumerate(problems, 1)],
        terms=terms_,
        case_chart=case_chart(info.short_name or info.name, figures.cases),
    )


def feedback_letter(
    db: Database, unit_ref: str, office: str, on: date, terms_: Terms
) -> FeedbackLetter:
    from ..ledger.queries import evaluation_problems
    from ..progress import current_evaluation as current_info

    sheet = score_sheet(db, unit_ref)
    evaluation = current_info(db)
    with db.read() as session:
        basics = unit_basics_in(session, sheet.unit_id)
    _, problems = evaluation_problems(db, unit=basics.name)
    problems = [p for p in problems if p.status != "withdrawn"]
    return FeedbackLetter(
        report=head(t("report.title.feedback", unit=basics.name), office, on, evaluation),
        unit=basics,
        result=score_result(sheet),
        problems=[problem_item(i, p, terms_) for i, p in enumerate(problems, 1)],
        problem_count=count(len(problems)),
        terms=terms_,
    )
