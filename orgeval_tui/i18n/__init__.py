"""Message catalogues (zh, en). The language comes from ``--lang``, else the locale.

Each area of the application keeps its messages in one module of this package, with
``EN`` and ``ZH`` side by side; ``AREAS`` lists them.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGES = ("zh", "en")
AREAS = (
    "core",
    "ingest",
    "analytics",
    "intake",
    "figures",
    "tui",
    "tui_setup",
    "textual_words",
    "ledger",
    "ledger_excel",
    "evaluations",
    "rubric",
    "rubric_files",
    "scores",
    "score_commands",
    "scoring_screen",
    "fieldwork",
    "fieldwork_cli",
    "fieldwork_help",
    "review",
    "reports",
    "report_help",
    "backups",
    "accounts",
    "report_tui",
    "fieldwork_tui",
    "system",
    "os_errors",
    "sharing",
    "cli_help",
    "report_excel",
)
_current = None
# A language for one piece of work (a Chinese document written while the screen speaks
# English), per thread and task: a worker's choice never changes the screen's.
_for_this_work: ContextVar[str | None] = ContextVar("orgeval_language", default=None)
_catalogues: dict[str, dict[str, str]] | None = None


def catalogues() -> dict[str, dict[str, str]]:
    global _catalogues
    if _catalogues is None:
        merged: dict[str, dict[str, str]] = {"en": {}, "zh": {}}
        for area in AREAS:
            module = importlib.import_module(f"{__name__}.{area}")
            merged["en"].update(module.EN)
            merged["zh"].update(module.ZH)
        _catalogues = merged
    return _catalogues


def language_from_env(environ=os.environ) -> str:
    if environ.get("ORGEVAL_LANG") in LANGUAGES:
        return environ["ORGEVAL_LANG"]
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
    return _for_this_work.get() or _current or set_language(None)


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Messages in ``lang`` inside the block, for this thread or task only."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    token = _for_this_work.set(lang)
    try:
        yield
    finally:
        _for_this_work.reset(token)


def t(key: str, **values) -> str:
    messages = catalogues()
    template = messages[current_language()].get(key) or messages["en"][key]
    return template.format(**values)
