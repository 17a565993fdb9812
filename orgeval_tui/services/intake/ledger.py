"""Import of the problem ledger (问题台账) from a workbook: `orgeval import ledger FILE`.

The file is the sheet `orgeval export ledger` writes (export/ledger_workbook.py), or an
office's own ledger with the same columns: .xlsx, .xls, .ods or .csv, title rows above
the header allowed, columns in any order and under the names of
``ingest.aliases.LEDGER_ALIASES``. 问题编号, 单位 and 问题标题 are required columns; a
column the file lacks is left empty for new problems and not compared for existing ones.
序号 and 是否逾期 are not read (overdue is a fact of the day, not data).

What a row does, in the evaluation imported into (the current one, or ``--evaluation``):

* its 问题编号 is not yet in that evaluation: the problem is **added** as the row has it,
  in its state (整改状态; blank = 已发现) with all its dates, texts, verifier and so on.
  Its history starts with one event, action ``import``, by whoever ran the import, now,
  with the file, sheet and row as its reason and every value read as its detail: the
  timeline says where it came from. The steps it went through before (extensions,
  failed look-backs) are not in the sheet and are not invented. 登记日期, when given,
  is the day it counts as recorded (days open are counted from it).
* its number is there and every value the file has is the same: counted **unchanged**.
* its number is there with other values: a row error naming each column that differs
  (the ledger's value and the file's). An import never changes a problem: changes go
  through `orgeval ledger …`, which checks and records each step.
* problems of the ledger that the file does not list are left alone (a file may well
  hold one unit's problems only).

A row is refused (a row error, ``sheet!row: column: what``) for: a number that is not
``PREFIX-NNN`` as the service issues it (the evaluation's prefix, at least three digits,
no extra leading zero), a number listed twice, a unit that is not registered (full or
short name), a source, status or severity that is neither a label (中文 or English) nor
its code (``closed``), a date that is not a whole day, a text longer than its column
(title 200, category 50, …), a file hash that is not a SHA-256, and fields that do not
fit the state as the lifecycle leaves them:

=============  =====================================================================
整改状态        needs                                         must be blank
=============  =====================================================================
已发现          —                                             反馈日期 and everything after
已反馈          反馈日期                                       整改措施 … and everything after
整改中          反馈日期, 整改措施, 责任人, 整改时限              核查人/销号日期/核查意见, 撤销…
已报告          … and 报告日期 with 整改报告 or 报告附件          核查…, 撤销…
已销号          … and 核查人, 销号日期, 核查意见                 撤销原因, 撤销日期
已撤销          撤销原因, 撤销日期                               核查人, 销号日期, 核查意见
=============  =====================================================================

(整改中 may keep an earlier report: a failed look-back sends a reported problem back.)
Within any state the groups hang together: measures, responsible and deadline come
together and need a feedback day; a report needs its day, its text or file, and the
plan; a file name and its hash come together; the deadline is not before the feedback
day. Texts are trimmed at both ends, as the service trims what it is given.

Every row is checked before anything is written; one bad row refuses the whole file
with every bad row listed, and nothing is written. The import is one transaction with
its import record (file name and SHA-256, rows added, rows unchanged). ``--dry-run``
checks the same and writes nothing. Problems are inserted with SQLAlchemy Core, like
every bulk import (the import record is their trace, not the field-by-field audit
trail); on SQLite the search index follows by its triggers in the same transaction.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from ...domain.actor import current_actor
from ...domain.clock import office_tz
from ...domain.errors import UserError
from ...i18n import catalogues, t
from ...ingest.aliases import display_name
from ...ingest.errors import RowProblem
from ...ingest.table import SourceRow, Table
from ...ingest.text import as_text, shown
from ...ingest.values import month_only, parse_date
from ...models import Problem, ProblemEvent, Unit
from ...models.base import utcnow
from ...models.ledger import PROBLEM_SOURCES, PROBLEM_STATUSES, SEVERITIES
from ...storage.database import Database
from ..ledger import find_evaluation, unknown_word
from ..ledger.facts import created_on
from ..units import clean_name, unit_ids_by_name
from .common import ImportSummary, ProblemList, locate_table, open_source, record_import

KIND = "ledger"
REQUIRED = ("problem_number", "problem_unit", "problem_title")
# file field → Problem column
COLUMNS = {
    "problem_number": "number",
    "problem_unit": "unit_id",
    "problem_source": "source",
    "problem_category": "category",
    "problem_title": "title",
    "problem_description": "description",
    "problem_severity": "severity",
    "recommendation": "recommendation",
    "recorded_on": "created_at",
    "fed_back_on": "fed_back_on",
    "measures": "measures",
    "responsible": "responsible",
    "rectify_deadline": "deadline",
    "problem_status": "status",
    "report_text": "report_text",
    "report_file_name": "report_file_name",
    "report_file_hash": "report_file_hash",
    "reported_on": "reported_on",
    "verifier": "verifier",
    "verified_on": "verified_on",
    "verify_note": "verify_note",
    "withdraw_reason": "withdraw_reason",
    "withdrawn_on": "withdrawn_on",
}
OPTIONAL = tuple(f for f in COLUMNS if f not in REQUIRED)
FIELD_OF = {column: name for name, column in COLUMNS.items()}
TEXTS = (
    "category",
    "title",
    "description",
    "recommendation",
    "measures",
    "responsible",
    "report_text",
    "report_file_name",
    "verifier",
    "verify_note",
    "withdraw_reason",
)
DATES = ("fed_back_on", "deadline", "reported_on", "verified_on", "withdrawn_on")
LABELS = {"source": PROBLEM_SOURCES, "severity": SEVERITIES, "status": PROBLEM_STATUSES}
DEFAULTS = {"source": "onsite", "severity": "medium", "status": "identified"}
_P = Problem.__table__.c
LIMITS = {
    c.name: c.type.length for c in Problem.__table__.columns if getattr(c.type, "length", None)
}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_BATCH = 500

# The lifecycle's stages, the fields each sets, and the fields that must be there once a
# problem has reached it (a report needs its text or its file besides: checked apart).
STAGE_FIELDS = {
    "fed": ("fed_back_on",),
    "plan": ("measures", "responsible", "deadline"),
    "report": ("reported_on", "report_text", "report_file_name", "report_file_hash"),
    "verify": ("verifier", "verified_on", "verify_note"),
    "withdraw": ("withdraw_reason", "withdrawn_on"),
}
STAGE_NEEDS = {**STAGE_FIELDS, "report": ("reported_on",)}
# status → (stages it has reached, stages it cannot have reached)
STATES = {
    "identified": ((), ("fed", "plan", "report", "verify", "withdraw")),
    "fed_back": (("fed",), ("plan", "report", "verify", "withdraw")),
    "rectifying": (("fed", "plan"), ("verify", "withdraw")),
    "reported": (("fed", "plan", "report"), ("verify", "withdraw")),
    "closed": (("fed", "plan", "report", "verify"), ("withdraw",)),
    "withdrawn": (("withdraw",), ("verify",)),
}
# A stage present needs the one before it (whatever the state).
PREREQUISITES = {"plan": "fed", "report": "plan"}


@dataclass
class LedgerRow:
    source: SourceRow
    values: dict  # Problem column → value (unit_id holds the unit's name until resolved)
    recorded_on: date | None = None
    present: set = field(default_factory=set)  # Problem columns the file has


def import_ledger(
    db: Database,
    path,
    *,
    evaluation: str | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    source = open_source(path)
    table = locate_table(source, REQUIRED, OPTIONAL, sheet=sheet)
    reader = _Reader(table)
    rows = [row for row in map(reader.read, table.rows) if row is not None]
    reader.duplicates(rows)
    good = [row for row in rows if row.source.number not in reader.bad_rows]

    scope = db.read() if dry_run else db.write()
    with scope as session:
        target = find_evaluation(session, evaluation, lock=not dry_run)
        unit_ids = unit_ids_by_name(session)
        unit_names = dict(session.execute(select(Unit.id, Unit.name)).all())
        for row in good:
            reader.resolve(row, target, unit_ids)
        existing = _existing(session, target.id, [r.values["number"] for r in good])
        new, unchanged = [], 0
        for row in good:
            if row.source.number in reader.bad_rows:
                continue
            before = existing.get(row.values["number"])
            if before is None:
                new.append(row)
            elif reader.same(row, before, unit_names):
                unchanged += 1
        reader.problems.check(source.name)
        summary = ImportSummary(
            kind=KIND,
            file=source.name,
            unit=None,
            rows=len(rows),
            skipped=unchanged,
            dry_run=dry_run,
            details={
                "evaluation": target.name,
                "added": len(new),
                "unchanged": unchanged,
                "numbers": [row.values["number"] for row in new],
            },
        )
        if dry_run:
            return summary
        note = json.dumps(
            {"evaluation": target.name, "added": len(new), "unchanged": unchanged},
            ensure_ascii=False,
        )
        import_id = record_import(session, source, KIND, None, len(new), unchanged, note)
        try:
            _write(session, source, table, target.id, new, unit_names, import_id)
        except IntegrityError as exc:
            # Someone added a problem under one of these numbers since they were checked
            # (the evaluation's row lock keeps `ledger add` out; other writers may not).
            if "number" not in str(exc.orig):
                raise
            raise UserError(t("ledger_excel.busy")) from exc
    return summary


# Reading the rows.


def _key(word: str) -> str:
    return "".join(unicodedata.normalize("NFKC", word).split()).casefold()


def _label_words(kind: str, codes) -> dict[str, str]:
    """The code of each word a file may use for it: the code itself (``closed``) and its
    label in either language (已销号, closed)."""
    words = {}
    for code in codes:
        words[_key(code)] = code
        for messages in catalogues().values():
            words.setdefault(_key(messages[f"ledger.{kind}.{code}"]), code)
    return words


def _label_choices(kind: str, codes) -> str:
    zh = catalogues()["zh"]
    return t("ledger.list_sep").join(f"{zh[f'ledger.{kind}.{code}']} ({code})" for code in codes)


class _Reader:
    def __init__(self, table: Table):
        self.table = table
        self.problems = ProblemList()
        self.bad_rows: set[int] = set()
        self.present = {COLUMNS[f] for f in table.headers if f in COLUMNS}
        self.labels = {kind: _label_words(kind, codes) for kind, codes in LABELS.items()}

    def column_name(self, column: str) -> str:
        """A column as the file names it (or as the export would, if the file lacks it)."""
        name = FIELD_OF[column]
        return self.table.headers.get(name) or display_name(name)

    def refuse(self, row: SourceRow, column: str | None, message: str) -> None:
        header = self.column_name(column) if column else None
        self.problems.items.append(RowProblem(self.table.sheet, row.number, header, message))
        self.bad_rows.add(row.number)

    def read(self, row: SourceRow) -> LedgerRow | None:
        raw = row.values
        if all(value is None for value in raw.values()):
            return None  # a row with nothing but its 序号
        before = len(self.problems.items)
        values: dict = {}
        for column in TEXTS:
            values[column] = self._text(row, column, raw.get(FIELD_OF[column]))
        values["number"] = self._text(row, "number", raw.get("problem_number"))
        unit = raw.get("problem_unit")
        values["unit_id"] = clean_name(as_text(unit)) if unit is not None else None
        for column in ("number", "unit_id", "title"):
            if not values[column]:
                self.refuse(row, column, t("intake.required"))
        for kind, codes in LABELS.items():
            values[kind] = self._label(row, kind, codes, raw.get(FIELD_OF[kind]))
        for column in DATES:
            values[column] = self._day(row, column, raw.get(FIELD_OF[column]))
        recorded_on = self._day(row, "created_at", raw.get("recorded_on"))
        digest = raw.get("report_file_hash")
        values["report_file_hash"] = None
        if digest is not None and as_text(digest).strip():
            digest = as_text(digest).strip().lower()
            if _SHA256.fullmatch(digest) is None:
                self.refuse(
                    row, "report_file_hash", t("ledger_excel.bad_hash", value=shown(digest))
                )
            values["report_file_hash"] = digest
        if len(self.problems.items) == before:
            self._check_state(row, values)
        return LedgerRow(row, values, recorded_on, self.present)

    def _text(self, row, column, value) -> str | None:
        if value is None:
            return None
        text = as_text(value).strip()
        if not text:
            return None
        limit = LIMITS.get(column)
        if limit is not None and len(text) > limit:
            self.refuse(row, column, t("ledger_excel.too_long", length=len(text), limit=limit))
        return text

    def _label(self, row, kind, codes, value) -> str | None:
        if value is None or not as_text(value).strip():
            return DEFAULTS[kind]
        code = self.labels[kind].get(_key(as_text(value)))
        if code is None:
            message = unknown_word(kind, shown(value), _label_choices(kind, codes))
            self.refuse(row, kind, message)
        return code

    def _day(self, row, column, value) -> date | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            if month_only(value):
                raise ValueError(t("ledger_excel.month_only", value=shown(value)))
            return parse_date(value)
        except ValueError as exc:
            self.refuse(row, column, str(exc))
            return None

    def _check_state(self, row: SourceRow, values: dict) -> None:
        """The fields a problem in this state has, as the lifecycle leaves them."""
        status = values["status"]
        state = catalogues()["zh"][f"ledger.status.{status}"]
        found: dict[str, str] = {}
        reached, unreached = STATES[status]
        for stage in unreached:
            for column in STAGE_FIELDS[stage]:
                if values[column] is not None:
                    found.setdefault(column, t("ledger_excel.not_allowed", state=state))
        for stage in reached:
            for column in STAGE_NEEDS[stage]:
                if values[column] is None:
                    found.setdefault(column, t("ledger_excel.needed", state=state))
        given = {
            stage: [c for c in columns if values[c] is not None]
            for stage, columns in STAGE_FIELDS.items()
        }
        for stage, columns in given.items():
            if not columns:
                continue
            because = t("ledger_excel.needed_with", column=self.column_name(columns[0]))
            for column in STAGE_NEEDS[stage]:
                if values[column] is None:
                    found.setdefault(column, because)
            before = PREREQUISITES.get(stage)
            if before is not None:
                for column in STAGE_NEEDS[before]:
                    if values[column] is None:
                        found.setdefault(column, because)
        if given["report"] and values["report_text"] is None and values["report_file_name"] is None:
            found.setdefault("report_text", t("ledger.report_empty"))
        pair = ("report_file_name", "report_file_hash")
        for one, other in (pair, pair[::-1]):
            if values[one] is not None and values[other] is None:
                found.setdefault(other, t("ledger_excel.needed_with", column=self.column_name(one)))
        deadline, fed = values["deadline"], values["fed_back_on"]
        if deadline is not None and fed is not None and deadline < fed:
            found.setdefault(
                "deadline",
                t(
                    "ledger.deadline_before_feedback",
                    deadline=deadline.isoformat(),
                    fed_back_on=fed.isoformat(),
                ),
            )
        for column, message in found.items():
            self.refuse(row, column, message)

    def duplicates(self, rows: list[LedgerRow]) -> None:
        seen: dict[str, int] = {}
        for row in rows:
            number = row.values["number"]
            if number is None:
                continue
            if number in seen:
                self.refuse(
                    row.source,
                    "number",
                    t("ledger_excel.duplicate", number=number, row=seen[number]),
                )
            seen.setdefault(number, row.source.number)

    # With the database.

    def resolve(self, row: LedgerRow, evaluation, unit_ids: dict[str, int]) -> None:
        """The number belongs to the evaluation; the unit is registered."""
        number = row.values["number"]
        prefix = evaluation.number_prefix
        head, _, digits = number.rpartition("-")
        if (
            head != prefix
            or not digits.isascii()
            or not digits.isdigit()
            or int(digits) < 1
            or (f"{int(digits):03d}" != digits)
        ):
            self.refuse(
                row.source,
                "number",
                t(
                    "ledger_excel.bad_number",
                    value=number,
                    evaluation=evaluation.name,
                    prefix=prefix,
                    example=f"{prefix}-001",
                ),
            )
        name = row.values["unit_id"]
        unit_id = unit_ids.get(name)
        if unit_id is None:
            self.refuse(row.source, "unit_id", t("unit.not_found", ref=name))
        row.values["unit_id"] = unit_id

    def same(self, row: LedgerRow, before, unit_names: dict[int, str]) -> bool:
        """True when the file says what the ledger says; else a row error naming the
        columns that differ."""
        changes = []
        for column in sorted(row.present, key=lambda c: list(FIELD_OF).index(c)):
            if column == "number":
                continue
            if column == "created_at":
                old, new = created_on(before), row.recorded_on
                if new is None or old == new:
                    continue
            else:
                old, new = getattr(before, column), row.values[column]
                if isinstance(old, str) or isinstance(new, str):
                    old = (old or "").strip() or None
                    if _one_way(old) == _one_way(new):
                        continue
                elif old == new:
                    continue
            changes.append(
                t(
                    "ledger_excel.change",
                    column=self.column_name(column),
                    old=_shown(column, old, unit_names),
                    new=_shown(column, new, unit_names),
                )
            )
        if changes:
            self.refuse(
                row.source,
                "number",
                t(
                    "ledger_excel.differs",
                    number=row.values["number"],
                    changes=t("ledger.list_sep").join(changes),
                ),
            )
        return not changes


def _one_way(text: str | None) -> str | None:
    """Line breaks written one way: spreadsheets save CR LF as LF, and neither is a change."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if text else text


def _shown(column: str, value, unit_names: dict[int, str]) -> str:
    if value is None or value == "":
        return t("ledger_excel.blank")
    if column == "unit_id":
        return unit_names.get(value, str(value))
    if column in LABELS:
        return t(f"ledger.{column}.{value}")
    return shown(value)


def _existing(session, evaluation_id: int, numbers: list[str]) -> dict:
    found = {}
    for start in range(0, len(numbers), _BATCH):
        batch = numbers[start : start + _BATCH]
        rows = session.execute(
            select(Problem.__table__).where(_P.evaluation_id == evaluation_id, _P.number.in_(batch))
        )
        found.update({row.number: row for row in rows})
    return found


# Writing.


def _recorded_at(day: date | None, now: datetime) -> datetime:
    if day is None:
        return now
    return datetime.combine(day, time(), tzinfo=office_tz())


def _jsonable(value):
    return value.isoformat() if isinstance(value, date | datetime) else value


def _write(session, source, table: Table, evaluation_id: int, rows, unit_names, import_id):
    if not rows:
        return
    now = utcnow()
    actor = current_actor()
    records = []
    for row in rows:
        values = dict(row.values)
        values["description"] = values["description"] or ""
        values["recommendation"] = values["recommendation"] or ""
        records.append(
            {
                **values,
                "evaluation_id": evaluation_id,
                "created_at": _recorded_at(row.recorded_on, now),
                "version": 1,
            }
        )
    ids = {}
    for start in range(0, len(records), _BATCH):
        inserted = session.execute(
            insert(Problem.__table__).returning(_P.id, _P.number), records[start : start + _BATCH]
        )
        ids.update({number: pid for pid, number in inserted})
    events = []
    for row in rows:
        values = row.values
        detail = {
            "file": source.name,
            "sha256": source.digest,
            "import_id": import_id,
            "sheet": table.sheet,
            "row": row.source.number,
            **{k: _jsonable(v) for k, v in values.items() if k != "unit_id"},
            "unit": unit_names.get(values["unit_id"]),
            "recorded_on": _jsonable(row.recorded_on),
        }
        events.append(
            {
                "problem_id": ids[values["number"]],
                "action": "import",
                "from_status": None,
                "to_status": values["status"],
                "actor": actor,
                "at": now,
                "reason": f"{source.name} {table.sheet}!{row.source.number}",
                "detail": json.dumps(detail, ensure_ascii=False),
            }
        )
    session.execute(insert(ProblemEvent.__table__), events)
