"""Reading the rows of a ledger workbook (see ``ledger``): each row's values checked as
a problem's fields, its state's fields as the lifecycle leaves them, its number and
unit against the ledger, and a row already in the ledger compared with it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from ...analytics.ledger_facts import created_on
from ...domain.clock import office_today
from ...domain.ledger_words import PROBLEM_SOURCES, PROBLEM_STATUSES, SEVERITIES
from ...i18n import catalogues, t
from ...ingest.aliases import display_name
from ...ingest.errors import RowProblem
from ...ingest.table import SourceRow, Table
from ...ingest.text import as_text, shown
from ...ingest.values import month_only, parse_date
from ...models import Problem
from ..ledger.lifecycle import field_problems
from ..ledger.numbering import is_problem_number
from ..ledger.words import unknown_word
from ..units import clean_name
from .common import ProblemList

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


@dataclass
class LedgerRow:
    source: SourceRow
    values: dict  # Problem column → value (unit_id holds the unit's name until resolved)
    recorded_on: date | None = None
    present: set = field(default_factory=set)  # Problem columns the file has


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


class LedgerRowReader:
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
        values["unit_id"] = clean_name(unit) if unit is not None else None
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
            self._check_state(row, {**values, "created_at": recorded_on})
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
        """The fields a problem in this state has, and its days, as the lifecycle
        leaves them."""
        problems = field_problems(values["status"], values, self.column_name, office_today())
        for column, message in problems.items():
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
                    t("ledger_excel.duplicate", number=shown(number), row=seen[number]),
                )
            seen.setdefault(number, row.source.number)

    # With the database.

    def resolve(self, row: LedgerRow, evaluation, unit_ids: dict[str, int]) -> None:
        """The number belongs to the evaluation; the unit is registered."""
        number = row.values["number"]
        prefix = evaluation.number_prefix
        if not is_problem_number(number, prefix):
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
            self.refuse(row.source, "unit_id", t("unit.not_found", ref=shown(name)))
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
