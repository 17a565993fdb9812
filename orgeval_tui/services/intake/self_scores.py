"""`orgeval score import FILE --unit U --self`: a unit's filled self-evaluation sheet
(自评得分表, as `orgeval score sheet` writes it) read back as its self-scores.

The sheet must say it is this unit's (its line 被评估单位：…) and, when it names one,
of this evaluation. Each row with 自评得分 filled in is a self-score on the leaf its
编号 names, with its 佐证材料 as the score's note; a blank 自评得分 is not scored (the
grouping rows of parts and areas are blank). 自评得分 is a number or 不适用. Every row
is checked, under the rules of ``services.scores`` (the leaf exists and is a leaf, points
from 0 to its maximum in steps of 0.5, each leaf once), before anything is written: one
bad row refuses the file with every bad row named (sheet, row, column), and nothing is
written. The scores are then written in one transaction, each audited as any score."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ...export.self_sheet_workbook import evaluation_line, unit_line
from ...i18n import t
from ...ingest.text import clean_name, clean_text, is_blank, shown
from ...storage.database import Database
from ..evaluations import find_evaluation
from ..score_sheet import evaluated_unit, rubric_or_refuse
from ..scores import ScoreInput, ScoresRefused, set_self_scores
from .common import ProblemList, locate_table, open_source

REQUIRED = ("rubric_code", "self_points")
OPTIONAL = ("rubric_name", "rubric_max", "rubric_standard", "evidence")
_NOT_APPLICABLE = {"不适用", "n/a", "na"}
# The refusals of services.scores name the part of a score that is wrong.
_COLUMN_OF = {"code": "rubric_code", "points": "self_points", "count": "self_points"}


@dataclass(frozen=True)
class SelfScoreImport:
    file: str
    unit: str
    evaluation: str
    recorded: int
    blank: int  # leaves left blank: not scored
    dry_run: bool = False


def _labelled(line: str) -> re.Pattern:
    """A title line ``label：value`` as the sheet writes it (``label：`` of ``line``)."""
    label = line.partition("：")[0]
    return re.compile(rf"\s*{re.escape(label)}\s*[:：]\s*(.*?)\s*$")


def _title_value(rows, pattern: re.Pattern) -> tuple[int, str] | None:
    """(row number, value) of the first cell above the table that ``pattern`` matches."""
    for number, row in enumerate(rows, start=1):
        for value in row:
            if type(value) is str:
                found = pattern.fullmatch(value)
                if found:
                    return number, found.group(1)
    return None


def _points(value) -> tuple[float | None, bool]:
    """(points, not applicable) of a 自评得分 cell; ValueError when it is neither."""
    if type(value) in (int, float):
        return float(value), False
    if type(value) is str:
        text = unicodedata.normalize("NFKC", value).strip()
        if text.casefold() in _NOT_APPLICABLE:
            return None, True
        return float(text), False
    raise ValueError(value)


def import_self_scores(
    db: Database,
    path,
    unit_ref: str,
    *,
    evaluation: str | None = None,
    dry_run: bool = False,
) -> SelfScoreImport:
    source = open_source(path)
    table = locate_table(source, REQUIRED, OPTIONAL)
    with db.read() as session:
        found = find_evaluation(session, evaluation)
        rubric = rubric_or_refuse(session, found)
        unit = evaluated_unit(session, found, unit_ref)
        unit_names = {clean_name(unit.name), clean_name(unit.short_name)} - {None}
        unit_name, evaluation_name = unit.name, found.name
    problems = ProblemList()
    above = next(s for s in source.sheets if s.name == table.sheet).rows[: table.header_row - 1]
    named = _title_value(above, _labelled(unit_line("")))
    if named is None:
        problems.add(table, None, None, t("self_sheet.no_unit_line", label=unit_line("…")))
    elif clean_name(named[1]) not in unit_names:
        message = t("self_sheet.other_unit", named=shown(named[1]), unit=unit_name)
        problems.add(table, named[0], None, message)
    of = _title_value(above, _labelled(evaluation_line("")))
    if of is not None and clean_text(of[1]) != clean_text(evaluation_name):
        message = t("self_sheet.other_evaluation", named=shown(of[1]), evaluation=evaluation_name)
        problems.add(table, of[0], None, message)

    leaves = {leaf.code for leaf in rubric.leaves()}
    inputs, rows = [], []
    blank = 0
    for row in table.rows:
        code = clean_text(row.values.get("rubric_code"))
        raw = row.values.get("self_points")
        if is_blank(raw):
            blank += code in leaves
            continue
        if code is None:
            problems.add(table, row.number, "rubric_code", t("self_sheet.no_code"))
            continue
        try:
            points, na = _points(raw)
        except ValueError:
            message = t("self_sheet.bad_points", value=shown(raw))
            problems.add(table, row.number, "self_points", message)
            continue
        evidence = clean_text(row.values.get("evidence")) or ""
        inputs.append(ScoreInput(code, points=points, na=na, note=evidence))
        rows.append(row)
    try:
        saved = set_self_scores(
            db, unit_name, inputs, evaluation=found.name, dry_run=dry_run or bool(problems.items)
        )
    except ScoresRefused as refused:
        for index, part, message in refused.problems:
            problems.add(table, rows[index].number, _COLUMN_OF[part], message)
        saved = []
    problems.check(source.name)
    recorded = len(inputs) if dry_run else len(saved)
    return SelfScoreImport(source.name, unit_name, evaluation_name, recorded, blank, dry_run)
