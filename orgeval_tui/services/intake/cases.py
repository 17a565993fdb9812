"""Case import: 12345-hotline and government-service exports, which list many units.

Cases are keyed by channel and case number: re-importing an export, or one that
overlaps an earlier one, replaces those cases and never doubles them.
"""

from __future__ import annotations

from operator import itemgetter

from sqlalchemy import Integer, delete, func, insert, literal, select

from ...domain.clock import office_tz
from ...domain.errors import UserError
from ...domain.roles import Need
from ...i18n import t
from ...ingest import values as v
from ...ingest.text import shown
from ...models import Case
from ...models.cases import CASE_CHANNELS
from ...storage.database import Database
from ...storage.long_write import LongWrite
from ...storage.staging import Stage
from ..access import require
from ..units import clean_name, find_unit_id, unit_ids_by_name
from .common import ImportSummary, ProblemList, locate_table, open_source, record_import

REQUIRED = ("case_no", "unit", "received")
OPTIONAL = ("deadline", "closed", "rating")
_BATCH = 500


def _case(row, table, problems: ProblemList, tz) -> dict | None:
    values = row.values
    ok = True

    def parse(field_id, parser, raw, **kwargs):
        nonlocal ok
        try:
            return parser(raw, **kwargs)
        except ValueError as exc:
            problems.add(table, row.number, field_id, str(exc))
            ok = False
            return None

    case_no = v.clean_text(values.get("case_no"))
    if not case_no:
        problems.add(table, row.number, "case_no", t("intake.required"))
        ok = False
    unit_name = clean_name(values.get("unit"))
    if not unit_name:
        problems.add(table, row.number, "unit", t("intake.required"))
        ok = False
    received = parse("received", v.parse_datetime, values.get("received"))
    deadline = closed = None
    if values.get("deadline") is not None:
        deadline = parse("deadline", v.parse_datetime, values["deadline"], end_of_day=True)
    if values.get("closed") is not None:
        closed = parse("closed", v.parse_datetime, values["closed"])
    rating = parse("rating", v.parse_rating, values.get("rating"))
    if received and closed and closed < received:
        problems.add(table, row.number, "closed", t("intake.closed_before_received"))
        ok = False
    if not ok:
        return None
    return {
        "case_no": case_no,
        "unit_name": unit_name,
        "received_on": received.date(),
        "received_at": received.replace(tzinfo=tz),
        "deadline_at": deadline.replace(tzinfo=tz) if deadline else None,
        "closed_at": closed.replace(tzinfo=tz) if closed else None,
        "rating": rating,
    }


def import_cases(
    db: Database, path, *, channel: str, unit: str | None = None, dry_run: bool = False
) -> ImportSummary:
    if channel not in CASE_CHANNELS:
        raise UserError(t("intake.bad_channel", channel=channel, channels=", ".join(CASE_CHANNELS)))
    source = open_source(path)
    table = locate_table(source, REQUIRED, OPTIONAL)
    tz = office_tz()
    problems = ProblemList()
    cases = [_case(row, table, problems, tz) for row in table.rows]
    problems.check(source.name)

    seen: dict[str, int] = {}
    for row, case in zip(table.rows, cases, strict=True):
        if case["case_no"] in seen:
            problems.add(
                table,
                row.number,
                "case_no",
                t(
                    "intake.duplicate_case",
                    case_no=shown(case["case_no"]),
                    row=seen[case["case_no"]],
                ),
            )
        seen.setdefault(case["case_no"], row.number)
    problems.check(source.name)

    with db.read() as session:
        unit_ids = unit_ids_by_name(session)
        only_id = find_unit_id(session, unit) if unit else None
    skipped = 0
    if only_id is not None:
        kept = [c for c in cases if unit_ids.get(c["unit_name"]) == only_id]
        skipped = len(cases) - len(kept)
        cases = kept
    for case in cases:
        case["unit_id"] = unit_ids.get(case["unit_name"])

    numbers = [c["case_no"] for c in cases]
    with db.read() as session:
        replaced = 0
        for start in range(0, len(numbers), _BATCH):
            replaced += session.scalar(
                select(func.count())
                .select_from(Case)
                .where(Case.channel == channel, Case.case_no.in_(numbers[start : start + _BATCH]))
            )
    linked = sum(1 for c in cases if c["unit_id"] is not None)
    summary = ImportSummary(
        kind="cases",
        file=source.name,
        unit=unit,
        rows=len(cases),
        replaced=replaced,
        skipped=skipped,
        dry_run=dry_run,
        tables=(table,),
        details={
            "channel": channel,
            "units": len({c["unit_name"] for c in cases}),
            "linked": linked,
        },
    )
    if dry_run:
        return summary
    stage = Stage(db.file)
    staged = stage_cases(stage, cases)
    with db.write_staged(stage, LongWrite("cases", source.name)) as session:
        require(session, Need.CASEWORK, only_id)
        import_id = record_import(session, source, "cases", only_id, len(cases), skipped)
        write_cases(session, channel, staged, import_id)
    return summary


CASE_FIELDS = (
    "case_no",
    "unit_id",
    "unit_name",
    "received_on",
    "received_at",
    "deadline_at",
    "closed_at",
    "rating",
)


def stage_cases(stage: Stage, cases: list[dict]):
    """The cases as staged rows, before the write lock is taken."""
    pick = itemgetter(*CASE_FIELDS)
    columns = [Case.__table__.c[name] for name in CASE_FIELDS]
    return stage.add("cases", columns, [pick(c) for c in cases])


def write_cases(session, channel: str, staged, import_id: int | None) -> None:
    """Insert the ``staged`` cases, replacing any earlier case with the same number."""
    session.execute(
        delete(Case).where(Case.channel == channel, Case.case_no.in_(select(staged.c.case_no)))
    )
    rows = select(
        literal(channel), literal(import_id, Integer), *(staged.c[name] for name in CASE_FIELDS)
    )
    session.execute(insert(Case).from_select(("channel", "import_id", *CASE_FIELDS), rows))
