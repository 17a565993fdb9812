"""Names and free text as written by hand: stray spaces, full-width letters, floats."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from functools import lru_cache

from ..domain.printable import printable

_SPACES = re.compile(r"\s+")
# Invisible characters that come along when text is copied from web pages.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SHOWN_MAX = 40


def as_text(value: object) -> str:
    """The cell as a person would read it: 3.0 is "3", a date is 2020-03-05. Every cell
    read as text goes through here, whatever type the file gave it."""
    if type(value) is str:
        return value
    if type(value) is float and value.is_integer():
        return str(int(value))
    if isinstance(value, (date, time)):
        return value.isoformat(sep=" ") if type(value) is datetime else value.isoformat()
    return str(value)


def shown(value: object) -> str:
    """The value quoted in a message: one line, not overly long, no control characters."""
    text = printable(" ".join(as_text(value).split()), one_line=True)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def is_blank(value: object) -> bool:
    return value is None or (type(value) is str and not value.strip())


def clean_name(value: object) -> str | None:
    """A person's or section's name: half-width, every space removed (赵  刚 is 赵刚)."""
    if value is None:
        return None
    return _clean_name(value if value.__class__ is str else as_text(value))


def clean_text(value: object) -> str | None:
    """Free text trimmed, inner runs of whitespace made one space; characters kept as written."""
    if value is None:
        return None
    return _clean_text(value if value.__class__ is str else as_text(value))


# Cached: sections, ranks, kinds and many names repeat down a column of thousands of rows.
@lru_cache(maxsize=1 << 16)
def _clean_name(text: str) -> str | None:
    text = "".join(unicodedata.normalize("NFKC", text).split()).translate(_INVISIBLE)
    return text or None


@lru_cache(maxsize=1 << 16)
def _clean_text(text: str) -> str | None:
    text = _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()
    return text or None
