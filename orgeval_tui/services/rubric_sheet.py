"""Reading a rubric file for `orgeval rubric import`: a workbook as `rubric export`
writes it (export/rubric_workbook.py), or a TOML file in the form of
``rubrics/default.toml``.

A workbook's rows become the document ``analytics.rubric_rules.read_rubric`` checks (the
one place of the rubric's rules: unique codes, known parents and kinds, maxima summing
to 100, bands in order, grades in order). Every problem, whether a cell that cannot be
read (a kind, a veto, a band as written) or a rule the rubric breaks, is listed at once
as ``sheet!row: column: what``, the indicator's code taken back to the row it came
from; a problem of the whole rubric (the sum) names the sheet and column alone. Nothing
is imported while any is left.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..analytics.rubric_rules import GRADES, KINDS, Problem, Rubric, read_rubric
from ..domain.errors import UserError
from ..i18n import current_language, t
from ..ingest.aliases import display_name
from ..ingest.errors import RowProblem
from ..ingest.rubric_words import (
    grade_word,
    kind_word,
    read_bands,
    read_figure,
    read_grade,
    read_kind,
    read_number,
    read_veto,
    veto_word,
)
from ..ingest.table import SourceRow, Table
from ..ingest.text import as_text, is_blank, shown
from .intake.common import ImportRefused, SourceFile, locate_table, open_source

REQUIRED = ("rubric_code", "rubric_name", "rubric_max", "rubric_kind", "rubric_standard")
OPTIONAL = (
    "rubric_parent",
    "rubric_per_instance",
    "rubric_categories",
    "rubric_figure",
    "rubric_bands",
    "rubric_veto",
)
GRADE_COLUMNS = ("grade_name", "grade_lowest")
# The document's field of each column, and back.
FIELDS = {f"rubric_{name}": name for name in (
    "code", "name", "parent", "max", "kind", "per_instance", "categories", "figure", "bands",
    "veto", "standard",
)}  # fmt: skip
COLUMN_OF = {name: column for column, name in FIELDS.items()}
KIND_FIELDS = {"deduction": ("per_instance", "categories"), "figure": ("figure", "bands")}
# The column a rule of the rubric is about, by the problem's key.
PROBLEM_COLUMN = {
    "no_code": "code",
    "duplicate_code": "code",
    "unknown_parent": "parent",
    "cycle": "parent",
    "bad_max": "max",
    "parent_max": "max",
    "unknown_kind": "kind",
    "bad_veto": "veto",
    "bad_per_instance": "per_instance",
    "bad_categories": "categories",
    "unknown_figure": "figure",
    "no_bands": "bands",
    "bad_band": "bands",
    "band_points": "bands",
    "bands_order": "bands",
}


@dataclass(frozen=True)
class RubricFile:
    """A rubric read from a file and found sound."""

    name: str  # the file's name
    digest: str  # its SHA-256 (the import record's)
    rubric: Rubric


def read_rubric_file(path: str | Path) -> RubricFile:
    """The rubric in ``path``; ImportRefused listing every problem, IngestError for a
    file that is not a rubric at all."""
    path = Path(path)
    if path.suffix.lower() == ".toml":
        return _read_toml(path)
    source = open_source(path)
    reading = _WorkbookReading(source)
    return RubricFile(source.name, source.digest, reading.rubric())


def _read_toml(path: Path) -> RubricFile:
    import hashlib

    from ..i18n.os_errors import os_reason

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(t("rubric_excel.bad_toml", file=path.name, reason=os_reason(exc))) from exc
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(t("rubric_excel.bad_toml", file=path.name, reason=str(exc))) from exc
    reading = read_rubric(document)
    if reading.rubric is None:
        problems = [RowProblem("", None, None, p.text()) for p in reading.problems]
        raise ImportRefused(path.name, problems)
    return RubricFile(path.name, hashlib.sha256(data).hexdigest(), reading.rubric)


@dataclass
class _WorkbookReading:
    source: SourceFile
    problems: list[RowProblem] = field(default_factory=list)
    # Where each indicator of the document came from, in document order.
    rows: list[int] = field(default_factory=list)
    # (code, field) of the cells already reported: the rule they break is not said again.
    reported: set[tuple[str, str]] = field(default_factory=set)
    duplicates_said: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.indicators = locate_table(self.source, REQUIRED, OPTIONAL)
        self.grades = locate_table(self.source, GRADE_COLUMNS)
        self.cells: dict[int, dict] = {}  # row number → the raw cells of the row

    def rubric(self) -> Rubric:
        document = {"indicators": self._indicators(), "grades": self._grades()}
        reading = read_rubric(document)
        for problem in reading.problems:
            self._rule_broken(problem)
        if self.problems:
            raise ImportRefused(self.source.name, self.problems)
        return reading.rubric

    # Cells to the document.

    def _refuse(self, table: Table, row: int | None, column: str | None, message: str) -> None:
        header = (table.headers.get(column) or display_name(column)) if column else None
        self.problems.append(RowProblem(table.sheet, row, header, message))

    def _indicators(self) -> list[dict]:
        rows = [r for r in self.indicators.rows if any(not is_blank(v) for v in r.values.values())]
        parents = {_text(r.values.get("rubric_parent")) for r in rows} - {None}
        entries = []
        for row in rows:
            self.rows.append(row.number)
            self.cells[row.number] = row.values
            code = _text(row.values.get("rubric_code"))
            entries.append(self._group(row, code) if code in parents else self._leaf(row, code))
        return entries

    def _common(self, row: SourceRow, code: str | None) -> dict:
        values = row.values
        entry: dict = {"code": code, "name": _text(values.get("rubric_name"))}
        parent = _text(values.get("rubric_parent"))
        if parent is not None:
            entry["parent"] = parent
        if not is_blank(values.get("rubric_max")):
            entry["max"] = read_number(values["rubric_max"])
        return entry

    def _group(self, row: SourceRow, code: str | None) -> dict:
        entry = self._common(row, code)
        for column in ("rubric_kind", "rubric_per_instance", "rubric_categories",
                       "rubric_figure", "rubric_bands", "rubric_standard"):  # fmt: skip
            if not is_blank(row.values.get(column)):
                message = t("rubric_excel.group_column", code=code)
                self._cell_problem(row, code, FIELDS[column], message)
        try:
            veto = read_veto(row.values.get("rubric_veto"))
        except ValueError:
            veto = True
        if veto:
            self._cell_problem(row, code, "veto", t("rubric_excel.group_column", code=code))
        return entry

    def _leaf(self, row: SourceRow, code: str | None) -> dict:
        values = row.values
        entry = self._common(row, code)
        entry["standard"] = _text(values.get("rubric_standard"), keep_lines=True)
        try:
            entry["veto"] = read_veto(values.get("rubric_veto"))
        except ValueError as exc:
            language = current_language()
            yes, no = veto_word(True, language), veto_word(False, language)
            self._cell_problem(
                row, code, "veto", t("rubric_excel.bad_veto", value=exc, yes=yes, no=no)
            )
        kind = self._kind(row, code)
        if kind is None:
            return entry
        entry["kind"] = kind
        for other, fields in KIND_FIELDS.items():
            for name in fields:
                if other != kind and not is_blank(values.get(COLUMN_OF[name])):
                    message = t(
                        "rubric_excel.kind_column",
                        kinds=_kind_words([other]),
                        kind=_kind_words([kind]),
                    )
                    self._cell_problem(row, code, name, message)
        if kind == "deduction":
            if not is_blank(values.get("rubric_per_instance")):
                entry["per_instance"] = read_number(values["rubric_per_instance"])
            categories = _text(values.get("rubric_categories"))
            if categories is not None:
                entry["categories"] = categories
        elif kind == "figure":
            entry["figure"] = read_figure(values.get("rubric_figure"))
            try:
                entry["bands"] = read_bands(values.get("rubric_bands"))
            except ValueError as exc:
                self._cell_problem(row, code, "bands", str(exc))
        return entry

    def _kind(self, row: SourceRow, code: str | None) -> str | None:
        raw = row.values.get("rubric_kind")
        try:
            kind = read_kind(raw)
        except ValueError:
            message = t("rubric_excel.unknown_kind", value=shown(raw), kinds=_kind_words(KINDS))
            self._cell_problem(row, code, "kind", message)
            return None
        if kind is None:
            self._cell_problem(
                row, code, "kind", t("rubric_excel.no_kind", kinds=_kind_words(KINDS))
            )
        return kind

    def _cell_problem(self, row: SourceRow, code: str | None, name: str, message: str) -> None:
        self._refuse(self.indicators, row.number, COLUMN_OF[name], message)
        self.reported.add((code, name))

    def _grades(self) -> dict:
        table = self.grades
        language = current_language()
        grades: dict[str, object] = {}
        self.grade_rows: dict[str, int] = {}
        for row in table.rows:
            raw = row.values.get("grade_name")
            if is_blank(raw) and is_blank(row.values.get("grade_lowest")):
                continue
            grade = read_grade(raw)
            if grade is None:
                words = t("rubric_excel.or").join(grade_word(g, language) for g in GRADES)
                message = t("rubric_excel.unknown_grade", value=shown(raw), grades=words)
                self._refuse(table, row.number, "grade_name", message)
                continue
            if grade in grades:
                message = t("rubric_excel.grade_twice", grade=grade_word(grade, language))
                self._refuse(table, row.number, "grade_name", message)
                continue
            grades[grade] = read_number(row.values.get("grade_lowest"))
            self.grade_rows[grade] = row.number
        return grades

    # The rubric's rules, back to the rows.

    def _rule_broken(self, problem: Problem) -> None:
        key, values = problem.key, problem.values
        if key.startswith(("bad_grade", "grades_order", "unknown_grade", "grades_not")):
            self._grade_problem(problem)
            return
        code = values.get("code")
        name = PROBLEM_COLUMN.get(key) or values.get("field")
        if (code, name) in self.reported:
            return  # said of the cell already, in the sheet's words
        row = self._row_of(problem)
        column = COLUMN_OF.get(name) if name else None
        if key == "sum_not_100":
            row, column = None, "rubric_max"
        self._refuse(self.indicators, row, column, problem.text())

    def _row_of(self, problem: Problem) -> int | None:
        values = problem.values
        if "position" in values:
            return self.rows[values["position"] - 1]
        code = values.get("code")
        if code is None:
            return None
        numbers = [n for n in self.rows if _text(self.cells[n].get("rubric_code")) == code]
        if not numbers and code.startswith("#") and code[1:].isdigit():
            # How the rules name an indicator without a code: #position. A code written
            # so in the sheet is found above, as any other.
            position = int(code[1:]) if len(code) <= 8 else 0
            return self.rows[position - 1] if 0 < position <= len(self.rows) else None
        if problem.key == "duplicate_code":
            # Said once for each row after the first that repeats the code, in order.
            said = self.duplicates_said.get(code, 0) + 1
            self.duplicates_said[code] = said
            return numbers[min(said, len(numbers) - 1)]
        return numbers[0] if numbers else None

    def _grade_problem(self, problem: Problem) -> None:
        grade = problem.values.get("grade")
        language = current_language()
        if problem.key == "bad_grade" and grade not in self.grade_rows:
            message = t("rubric_excel.grade_missing", grade=grade_word(grade, language))
            self._refuse(self.grades, None, "grade_name", message)
            return
        row = self.grade_rows.get(grade) if grade else None
        self._refuse(self.grades, row, "grade_lowest", problem.text())


def _text(value: object, *, keep_lines: bool = False) -> str | None:
    if is_blank(value):
        return None
    text = as_text(value).strip()
    return text if keep_lines else " ".join(text.split())


def _kind_words(kinds) -> str:
    language = current_language()
    return t("rubric_excel.or").join(f"“{kind_word(k, language)}”" for k in kinds)
