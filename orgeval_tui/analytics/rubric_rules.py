"""A rubric (指标体系, DOMAIN.md "Rubric") read from a document and checked.

A document is the mapping a TOML file (or a workbook's rows) gives: ``grades`` and a
list of ``indicators``. Reading never stops at the first mistake: every problem is
named with the indicator's code and the field, so an office editing its rubric in a
text editor or in Excel sees all of them at once.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise

from ..i18n import t

KINDS = ("graded", "deduction", "figure")
# Unit-level figures of DOMAIN.md that a figure leaf may map to points.
FIGURE_IDS = frozenset(
    {
        "execution_rate",
        "business_share_by_count",
        "business_share_by_hours",
        "fill_rate",
        "workload_ratio",
        "cases_per_capita",
        "on_time_rate",
        "satisfaction_rate",
        "vs_county_average",
        "peer_score",
        "staff_satisfaction",
        "quota_usage",
        "female_share",
        "college_or_above_share",
        "bachelor_or_above_share",
        "section_level_or_above_share",
        "avg_age",
    }
)
GRADES = ("excellent", "good", "pass")
DEFAULT_GRADES = {"excellent": 90.0, "good": 80.0, "pass": 60.0}
RUBRIC_TOTAL = 100.0

_COMMON_FIELDS = {"code", "name", "parent"}
_LEAF_FIELDS = {"max", "kind", "standard", "veto"}
_KIND_FIELDS = {
    "graded": set(),
    "deduction": {"per_instance", "categories"},
    "figure": {"figure", "bands"},
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong, as a message key and its values; ``text`` words it."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self) -> str:
        return t(f"rubric.problem.{self.key}", **self.values)


@dataclass(frozen=True)
class Band:
    at_least: float
    points: float


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    parent: str | None
    maximum: float  # a parent's is the sum of its leaves'
    kind: str | None = None  # None on a parent
    standard: str = ""
    veto: bool = False
    per_instance: float | None = None
    figure: str | None = None
    bands: tuple[Band, ...] = ()
    # A deduction leaf's ledger categories: its problems there suggest the count found.
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rubric:
    indicators: tuple[Indicator, ...]  # in document order
    grades: Mapping[str, float]

    def by_code(self) -> dict[str, Indicator]:
        return {indicator.code: indicator for indicator in self.indicators}

    def children(self, code: str | None) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.parent == code)

    def leaves(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.kind is not None)

    def ancestors(self, code: str) -> tuple[str, ...]:
        """The codes above ``code``, nearest first."""
        indicators = self.by_code()
        chain, parent = [], indicators[code].parent
        while parent is not None:
            chain.append(parent)
            parent = indicators[parent].parent
        return tuple(chain)


@dataclass(frozen=True)
class RubricReading:
    rubric: Rubric | None  # None when there is any problem
    problems: tuple[Problem, ...]


def is_half_step(value: float) -> bool:
    return float(value * 2).is_integer()


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def load_default_rubric() -> RubricReading:
    """The rubric shipped in the package (``rubrics/default.toml``)."""
    source = resources.files("orgeval_tui") / "rubrics" / "default.toml"
    return read_rubric(tomllib.loads(source.read_text(encoding="utf-8")))


def read_rubric(document: Mapping[str, object]) -> RubricReading:
    problems: list[Problem] = []
    grades = _read_grades(document.get("grades", DEFAULT_GRADES), problems)
    rows = document.get("indicators")
    if not isinstance(rows, list) or not rows:
        problems.append(Problem("no_indicators"))
        return RubricReading(None, tuple(problems))
    codes = _codes(rows, problems)
    parents = {row.get("parent") for row in rows if isinstance(row, Mapping)}
    raw: list[dict] = []
    for position, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            problems.append(Problem("not_a_table", {"position": position}))
            continue
        raw.append(_read_indicator(row, position, codes, row.get("code") in parents, problems))
    if problems:
        return RubricReading(None, tuple(problems))
    _check_cycles(raw, problems)
    if problems:
        return RubricReading(None, tuple(problems))
    indicators = _with_parent_maxima(raw, problems)
    total = sum(i.maximum for i in indicators if i.kind is not None)
    if total != RUBRIC_TOTAL:
        problems.append(Problem("sum_not_100", {"total": _points(total)}))
    if problems:
        return RubricReading(None, tuple(problems))
    return RubricReading(Rubric(tuple(indicators), grades), ())


def _points(value: float) -> str:
    return f"{value:g}"


def _read_grades(raw: object, problems: list[Problem]) -> dict[str, float]:
    if not isinstance(raw, Mapping):
        problems.append(Problem("grades_not_a_table"))
        return dict(DEFAULT_GRADES)
    grades: dict[str, float] = {}
    for grade in GRADES:
        value = raw.get(grade)
        if not _is_number(value) or not 0 < value <= RUBRIC_TOTAL:
            problems.append(Problem("bad_grade", {"grade": grade, "value": value}))
        else:
            grades[grade] = float(value)
    for extra in sorted(set(raw) - set(GRADES)):
        problems.append(Problem("unknown_grade", {"grade": extra}))
    if len(grades) == len(GRADES) and not (grades["excellent"] > grades["good"] > grades["pass"]):
        problems.append(Problem("grades_order", {**{g: _points(v) for g, v in grades.items()}}))
    return grades


def _codes(rows: Sequence[object], problems: list[Problem]) -> set[str]:
    seen: set[str] = set()
    for position, row in enumerate(rows, start=1):
        code = row.get("code") if isinstance(row, Mapping) else None
        if not isinstance(code, str) or not code.strip():
            problems.append(Problem("no_code", {"position": position}))
        elif code in seen:
            problems.append(Problem("duplicate_code", {"code": code}))
        else:
            seen.add(code)
    return seen


def _read_indicator(
    row: Mapping, position: int, codes: set[str], has_children: bool, problems: list[Problem]
) -> dict:
    code = row.get("code") if isinstance(row.get("code"), str) else f"#{position}"
    where = {"code": code}
    name, parent = row.get("name"), row.get("parent")
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem("empty", {**where, "field": "name"}))
    if parent is not None and parent not in codes:
        problems.append(Problem("unknown_parent", {**where, "parent": parent}))
    if has_children:
        return _read_parent(row, where, problems)
    kind = row.get("kind")
    allowed = _COMMON_FIELDS | _LEAF_FIELDS | _KIND_FIELDS.get(kind, set())
    for extra in sorted(set(row) - allowed):
        problems.append(Problem("field_not_allowed", {**where, "field": extra, "kind": kind}))
    maximum = row.get("max")
    if not _is_number(maximum) or maximum <= 0 or not is_half_step(maximum):
        problems.append(Problem("bad_max", {**where, "value": maximum}))
        maximum = None
    standard = row.get("standard")
    if not isinstance(standard, str) or not standard.strip():
        problems.append(Problem("empty", {**where, "field": "standard"}))
    veto = row.get("veto", False)
    if not isinstance(veto, bool):
        problems.append(Problem("bad_veto", {**where, "value": veto}))
    indicator = {
        "code": code,
        "name": name,
        "parent": parent,
        "maximum": maximum,
        "kind": kind,
        "standard": standard,
        "veto": veto,
    }
    if kind == "deduction":
        per_instance = row.get("per_instance")
        if not _is_number(per_instance) or per_instance <= 0 or not is_half_step(per_instance):
            problems.append(Problem("bad_per_instance", {**where, "value": per_instance}))
        indicator["per_instance"] = per_instance
        indicator["categories"] = _read_categories(row, where, problems)
    elif kind == "figure":
        indicator.update(_read_figure(row, where, maximum, problems))
    elif kind not in KINDS:
        problems.append(Problem("unknown_kind", {**where, "kind": kind, "kinds": ", ".join(KINDS)}))
    return indicator


def _read_parent(row: Mapping, where: dict, problems: list[Problem]) -> dict:
    """A parent has a name and, optionally, its maximum (checked against its leaves)."""
    for extra in sorted(set(row) - _COMMON_FIELDS - {"max"}):
        problems.append(Problem("field_on_parent", {**where, "field": extra}))
    stated = row.get("max")
    if stated is not None and not _is_number(stated):
        problems.append(Problem("bad_max", {**where, "value": stated}))
        stated = None
    return {
        "code": where["code"],
        "name": row.get("name"),
        "parent": row.get("parent"),
        "stated_maximum": stated,
    }


def _read_categories(row: Mapping, where: dict, problems: list[Problem]) -> tuple[str, ...]:
    raw = row.get("categories", [])
    if isinstance(raw, str):
        raw = [part for part in raw.replace("，", ",").replace("、", ",").split(",")]
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        problems.append(Problem("bad_categories", {**where, "value": raw}))
        return ()
    return tuple(dict.fromkeys(c.strip() for c in raw if c.strip()))


def _read_figure(row: Mapping, where: dict, maximum: float | None, problems: list) -> dict:
    figure = row.get("figure")
    if figure not in FIGURE_IDS:
        problems.append(Problem("unknown_figure", {**where, "figure": figure}))
    raw_bands = row.get("bands")
    if not isinstance(raw_bands, list) or not raw_bands:
        problems.append(Problem("no_bands", where))
        return {"figure": figure, "bands": ()}
    bands: list[Band] = []
    for number, band in enumerate(raw_bands, start=1):
        at_least = band.get("at_least") if isinstance(band, Mapping) else None
        points = band.get("points") if isinstance(band, Mapping) else None
        if not _is_number(at_least) or not _is_number(points):
            problems.append(Problem("bad_band", {**where, "band": number}))
            continue
        if points < 0 or not is_half_step(points) or (maximum is not None and points > maximum):
            problems.append(
                Problem(
                    "band_points",
                    {
                        **where,
                        "band": number,
                        "points": _points(points),
                        "max": _points(maximum or 0),
                    },
                )
            )
        bands.append(Band(float(at_least), float(points)))
    for number, (higher, lower) in enumerate(pairwise(bands), start=2):
        if not (lower.at_least < higher.at_least and lower.points <= higher.points):
            problems.append(Problem("bands_order", {**where, "band": number}))
    return {"figure": figure, "bands": tuple(bands)}


def _check_cycles(raw: list[dict], problems: list[Problem]) -> None:
    parent_of = {row["code"]: row["parent"] for row in raw}
    for code in parent_of:
        seen, current = {code}, parent_of[code]
        while current is not None:
            if current in seen:
                problems.append(Problem("cycle", {"code": code}))
                break
            seen.add(current)
            current = parent_of[current]


def _with_parent_maxima(raw: list[dict], problems: list[Problem]) -> list[Indicator]:
    leaves = [row for row in raw if "kind" in row]
    parent_of = {row["code"]: row["parent"] for row in raw}
    sums: dict[str, float] = {}
    for leaf in leaves:
        parent = leaf["parent"]
        while parent is not None:
            sums[parent] = sums.get(parent, 0.0) + leaf["maximum"]
            parent = parent_of[parent]
    indicators = []
    for row in raw:
        if "kind" in row:
            fields = {k: v for k, v in row.items() if k != "maximum"}
            indicators.append(Indicator(maximum=float(row["maximum"]), **fields))
            continue
        total = sums.get(row["code"], 0.0)
        stated = row["stated_maximum"]
        if stated is not None and float(stated) != total:
            problems.append(
                Problem(
                    "parent_max",
                    {"code": row["code"], "value": _points(stated), "total": _points(total)},
                )
            )
        indicators.append(Indicator(row["code"], row["name"], row["parent"], total))
    return indicators
