"""The words of a rubric workbook (指标体系), written and read back in one place: how a
kind, a veto, a figure, ledger categories and bands read in a cell, and what a cell an
office typed means. Either language's words are read, and the identifiers themselves
(``deduction``, ``execution_rate``), whatever language the sheet was written in."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..analytics.rubric_rules import FIGURE_IDS, GRADES, KINDS, Band
from ..i18n import LANGUAGES, catalogues, t
from .text import as_text, is_blank, shown

BAND_SEPARATOR = "; "
POINTS_SEPARATOR = ":"
CATEGORY_SEPARATOR = "、"
_BANDS = re.compile(r"[;；\n]+")
_BAND = re.compile(r"([^:：]+)[:：]([^:：]+)")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_YES = {"是", "yes", "y", "true", "√", "✓", "✔", "1"}
_NO = {"否", "no", "n", "false", "×", "✗", "0"}


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _words(prefix: str, codes: Iterable[str]) -> dict[str, str]:
    """Each code's words in every language, and the code itself, → the code."""
    words: dict[str, str] = {}
    for code in codes:
        words[_key(code)] = code
        for language in LANGUAGES:
            words.setdefault(_key(catalogues()[language][f"{prefix}{code}"]), code)
    return words


def word(prefix: str, code: str, language: str) -> str:
    return catalogues()[language][f"{prefix}{code}"]


# Kinds.


def kind_word(kind: str, language: str) -> str:
    return word("rubric_excel.kind.", kind, language)


def kind_choices(language: str) -> str:
    return t("rubric_excel.or").join(kind_word(kind, language) for kind in KINDS)


def read_kind(value: object) -> str | None:
    """The kind a cell names, None for a blank cell; ValueError for another word."""
    if is_blank(value):
        return None
    kind = _words("rubric_excel.kind.", KINDS).get(_key(as_text(value)))
    if kind is None:
        raise ValueError(shown(value))
    return kind


# Grades.


def grade_word(grade: str, language: str) -> str:
    return word("rubric_excel.grade.", grade, language)


def read_grade(value: object) -> str | None:
    if is_blank(value):
        return None
    return _words("rubric_excel.grade.", GRADES).get(_key(as_text(value)))


# Veto.


def veto_word(veto: bool, language: str) -> str:
    return word("rubric_excel.", "yes" if veto else "no", language)


def read_veto(value: object) -> bool:
    """是/否 (yes/no, true/false, √, 1/0); a blank cell is 否. ValueError otherwise."""
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    text = _key(as_text(value))
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(shown(value))


# Figures.


def figure_word(figure: str, language: str) -> str:
    return word("figure.", figure, language)


def read_figure(value: object) -> str | None:
    """The figure's identifier, for its name in either language or the identifier; the
    text as written when it names no figure (the rubric's check says so)."""
    if is_blank(value):
        return None
    text = as_text(value).strip()
    return _words("figure.", sorted(FIGURE_IDS)).get(_key(text), text)


# Categories.


def categories_text(categories: Iterable[str]) -> str:
    return CATEGORY_SEPARATOR.join(categories)


# Numbers and bands.


def number_text(value: float) -> str:
    """4 for 4.0, 0.85 for 0.85: as an office writes it, and exact."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def read_number(value: object) -> object:
    """A number for a numeric cell or a number typed as text (全角 too); anything else
    as it is, for the rubric's check to name."""
    if isinstance(value, str):
        text = "".join(unicodedata.normalize("NFKC", value).split())
        if _NUMBER.fullmatch(text):
            return float(text)
        return value.strip()
    return value


def bands_text(bands: Iterable[Band]) -> str:
    return BAND_SEPARATOR.join(
        f"{number_text(b.at_least)}{POINTS_SEPARATOR}{number_text(b.points)}" for b in bands
    )


def read_bands(value: object) -> list[dict]:
    """``0.9:8; 0.8:7; 0:2`` (``；`` and ``：`` too, a band per line too; ``90%`` is
    0.9) → [{at_least, points}, …]; ValueError naming the band that is not so written."""
    if is_blank(value):
        return []
    bands = []
    parts = [p for p in _BANDS.split(as_text(value)) if p.strip()]
    for number, part in enumerate(parts, start=1):
        match = _BAND.fullmatch(part.strip())
        at_least = _band_number(match.group(1), percent=True) if match else None
        points = _band_number(match.group(2), percent=False) if match else None
        if at_least is None or points is None:
            raise ValueError(t("rubric_excel.bad_band", band=number, text=shown(part)))
        bands.append({"at_least": at_least, "points": points})
    return bands


def _band_number(text: str, *, percent: bool) -> float | None:
    text = "".join(unicodedata.normalize("NFKC", text).split())
    scale = 1.0
    if percent and text.endswith("%"):
        text, scale = text[:-1], 100.0
    if not _NUMBER.fullmatch(text):
        return None
    return float(text) / scale
