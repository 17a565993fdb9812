"""Message catalogues (zh, en). The language comes from ``--lang``, else ``LANG``."""

from __future__ import annotations

import os

from . import en, zh

LANGUAGES = ("zh", "en")
_CATALOGUES = {"zh": zh.MESSAGES, "en": en.MESSAGES}
_current = None


def language_from_env(environ=os.environ) -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(lang: str | None) -> str:
    global _current
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    _current = lang or language_from_env()
    return _current


def current_language() -> str:
    return _current or set_language(None)


def t(key: str, **values) -> str:
    template = _CATALOGUES[current_language()].get(key) or en.MESSAGES[key]
    return template.format(**values)
