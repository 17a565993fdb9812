"""Questionnaire import: peer surveys (departments score an evaluated unit out of the
items' maxima) and staff surveys (a unit's own staff answer on a 1-5 scale)."""

from __future__ import annotations

from sqlalchemy import delete, func, insert, select

from ...domain.errors import UserError
from ...domain.roles import Need
from ...i18n import t
from ...ingest import values as v
from ...ingest.aliases import item_wording
from ...ingest.errors import IngestError
from ...ingest.text import shown
from ...models import Survey, SurveyAnswer, SurveyItem, SurveyResponse
from ...models.surveys import SURVEY_KINDS
from ...storage.database import Database
from ..access import require
from ..evaluations import current_evaluation_id, in_evaluation
from ..units import clean_name, find_unit, unit_ids_by_name
from .common import ImportSummary, ProblemList, locate_table, open_source, record_import

STAFF_SCALE = 5
TITLES = {"peer": "部门互评问卷", "staff": "干部职工调查问卷"}


def _shown(number: float) -> str:
    """A score as people write it: 51, 9.5 (not 51.0)."""
    return f"{round(number, 6):g}"


def _scores(row, table, maxima, problems, kind) -> dict[int, float] | None:
    scores, ok = {}, True
    for number, raw in row.items.items():
        label = table.item_headers.get(number, f"第{number}题")
        if raw is None:
            if kind == "peer":
                problems.add(table, row.number, label, t("intake.required"))
                ok = False
            continue
        try:
            score = v.parse_amount(raw)
        except ValueError as exc:
            problems.add(table, row.number, label, str(exc))
            ok = False
            continue
        top = maxima[number]
        if kind == "staff" and (score != int(score) or not 1 <= score <= STAFF_SCALE):
            problems.add(table, row.number, label, t("intake.staff_scale", value=_shown(score)))
            ok = False
        elif score > top:
            problems.add(
                table,
                row.number,
                label,
                t("intake.above_maximum", value=_shown(score), maximum=_shown(top)),
            )
            ok = False
        scores[number] = score
    total = row.values.get("total")
    if ok and total is not None:
        try:
            given = v.parse_amount(total)
        except ValueError as exc:
            problems.add(table, row.number, "total", str(exc))
            return None
        if abs(given - sum(scores.values())) > 1e-6:
            problems.add(
                table,
                row.number,
                "total",
                t("intake.total_mismatch", total=_shown(given), sum=_shown(sum(scores.values()))),
            )
            ok = False
    return scores if ok else None


def import_survey(
    db: Database, path, *, kind: str, unit: str | None = None, dry_run: bool = False
) -> ImportSummary:
    if kind not in SURVEY_KINDS:
        raise UserError(t("intake.bad_survey_kind", kind=kind, kinds=", ".join(SURVEY_KINDS)))
    if kind == "staff" and not unit:
        raise UserError(t("intake.staff_needs_unit"))
    source = open_source(path)
    required = (
        ("response_code", "respondent", "evaluated_unit") if kind == "peer" else ("response_code",)
    )
    optional = ("total",) if kind == "peer" else ("respondent", "total")
    table = locate_table(source, required, optional, items=True)
    if not table.item_maxima:
        raise IngestError(t("intake.no_items", file=source.name, sheet=table.sheet))
    maxima = dict(table.item_maxima)
    if kind == "peer":
        unscaled = [n for n, top in maxima.items() if top is None]
        if unscaled:
            raise IngestError(
                t(
                    "intake.items_need_maximum",
                    file=source.name,
                    sheet=table.sheet,
                    items="、".join(f"第{n}题" for n in sorted(unscaled)),
                )
            )
    else:
        maxima = {n: float(STAFF_SCALE) for n in maxima}

    with db.read() as session:
        unit_ids = unit_ids_by_name(session)
        only = find_unit(session, unit) if unit else None
        only_id, only_name = (only.id, only.name) if only else (None, None)

    problems = ProblemList()
    responses, seen, skipped = [], {}, 0
    for row in table.rows:
        code = v.clean_text(row.values.get("response_code"))
        respondent = clean_name(row.values.get("respondent")) or None
        if kind == "peer":
            evaluated = clean_name(row.values.get("evaluated_unit"))
            unit_id = unit_ids.get(evaluated)
            if evaluated and unit_id is None:
                problems.add(
                    table, row.number, "evaluated_unit", t("unit.not_found", ref=shown(evaluated))
                )
                continue
            if only_id is not None and unit_id != only_id:
                skipped += 1
                continue
        else:
            unit_id = only_id
        if not code:
            problems.add(table, row.number, "response_code", t("intake.required"))
            continue
        if code in seen:
            problems.add(
                table,
                row.number,
                "response_code",
                t("intake.duplicate_response", code=shown(code), row=seen[code]),
            )
            continue
        seen[code] = row.number
        if kind == "peer" and not respondent:
            problems.add(table, row.number, "respondent", t("intake.required"))
            continue
        scores = _scores(row, table, maxima, problems, kind)
        if scores is not None:
            responses.append(
                {"code": code, "respondent": respondent, "unit_id": unit_id, "scores": scores}
            )
    problems.check(source.name)
    evaluated_ids = sorted({r["unit_id"] for r in responses})

    with db.read() as session:
        survey_id = _survey_id(session, kind)
        replaced = 0
        if survey_id is not None and evaluated_ids:
            replaced = session.scalar(
                select(func.count())
                .select_from(SurveyResponse)
                .where(
                    SurveyResponse.survey_id == survey_id,
                    SurveyResponse.unit_id.in_(evaluated_ids),
                )
            )
    summary = ImportSummary(
        kind=f"survey:{kind}",
        file=source.name,
        unit=only_name,
        rows=len(responses),
        replaced=replaced,
        skipped=skipped,
        dry_run=dry_run,
        tables=(table,),
        details={
            "items": len(maxima),
            "units": len(evaluated_ids),
            "departments": len({r["respondent"] for r in responses if r["respondent"]}),
        },
    )
    if dry_run:
        return summary
    with db.write() as session:
        require(session, Need.CASEWORK, only_id)
        import_id = record_import(
            session, source, f"survey:{kind}", only_id, len(responses), skipped
        )
        wording = {n: item_wording(header) for n, header in table.item_headers.items()}
        texts = {n: text for n, text in wording.items() if text}
        write_survey(session, kind, maxima, responses, import_id, texts)
    return summary


def write_survey(session, kind, maxima, responses, import_id, item_texts=None) -> None:
    """Replace the responses of the evaluated units in ``responses`` (dicts of code,
    respondent, unit_id, scores {item number: score}); items get ``maxima``."""
    survey_id = _survey_id(session, kind) or _create_survey(session, kind)
    item_ids = _ensure_items(session, survey_id, maxima, item_texts or {})
    evaluated_ids = sorted({r["unit_id"] for r in responses})
    old = select(SurveyResponse.id).where(
        SurveyResponse.survey_id == survey_id, SurveyResponse.unit_id.in_(evaluated_ids)
    )
    session.execute(delete(SurveyAnswer).where(SurveyAnswer.response_id.in_(old)))
    session.execute(
        delete(SurveyResponse).where(
            SurveyResponse.survey_id == survey_id, SurveyResponse.unit_id.in_(evaluated_ids)
        )
    )
    _write_responses(session, survey_id, item_ids, responses, import_id)


def _survey_id(session, kind: str) -> int | None:
    """The current evaluation's questionnaire of ``kind``: an import fills that one."""
    return session.scalar(
        select(Survey.id)
        .where(
            Survey.kind == kind, in_evaluation(Survey.evaluation_id, current_evaluation_id(session))
        )
        .order_by(Survey.id)
        .limit(1)
    )


def _create_survey(session, kind: str) -> int:
    survey = Survey(evaluation_id=current_evaluation_id(session), kind=kind, title=TITLES[kind])
    session.add(survey)
    session.flush()
    return survey.id


def _ensure_items(session, survey_id: int, maxima: dict, texts: dict) -> dict[int, int]:
    existing = {
        item.number: item
        for item in session.scalars(select(SurveyItem).where(SurveyItem.survey_id == survey_id))
    }
    for number, top in maxima.items():
        item = existing.get(number)
        text = texts.get(number)
        if item is None:
            session.add(
                SurveyItem(
                    survey_id=survey_id, number=number, text=text or f"第{number}题", max_score=top
                )
            )
        else:
            item.max_score = top
            if text:
                item.text = text
    session.flush()
    return dict(
        session.execute(
            select(SurveyItem.number, SurveyItem.id).where(SurveyItem.survey_id == survey_id)
        ).all()
    )


def _write_responses(session, survey_id, item_ids, responses, import_id) -> None:
    if not responses:
        return
    session.execute(
        insert(SurveyResponse),
        [
            {
                "survey_id": survey_id,
                "unit_id": r["unit_id"],
                "code": r["code"],
                "respondent": r["respondent"],
                "total": sum(r["scores"].values()),
                "import_id": import_id,
            }
            for r in responses
        ],
    )
    ids = dict(
        session.execute(
            select(SurveyResponse.code, SurveyResponse.id).where(
                SurveyResponse.survey_id == survey_id
            )
        ).all()
    )
    answers = [
        {"response_id": ids[r["code"]], "item_id": item_ids[number], "score": score}
        for r in responses
        for number, score in r["scores"].items()
    ]
    # A list of no parameters would insert one row of nulls, not none.
    if answers:
        session.execute(insert(SurveyAnswer), answers)
