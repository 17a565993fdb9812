"""The ledger's words: the labels of its states and steps, a status, source or
severity read from what a user typed (its code or its label in either language), and
the texts a step takes, trimmed and bounded."""

from __future__ import annotations

from ...analytics.ledger_facts import OPEN_STATUSES
from ...domain.errors import UserError
from ...domain.ledger_words import PROBLEM_STATUSES
from ...i18n import catalogues, t

STATUS_FILTERS = (*PROBLEM_STATUSES, "open")
TEXT_LIMITS = {"title": 200, "category": 50, "responsible": 50}


def status_label(status: str) -> str:
    return t(f"ledger.status.{status}")


def action_label(action: str) -> str:
    return t(f"ledger.action.{action}")


def allowed_text(allowed: tuple[str, ...], commands: bool = True) -> str:
    """The steps ``allowed``, in words; with ``commands``, each with the command that
    takes it (``verify``), for the command line."""
    return t("ledger.list_sep").join(
        f"{action_label(a)} ({a})" if commands else action_label(a) for a in allowed
    )


def status_values(status: str) -> tuple[str, ...]:
    """A status by its identifier or its label in either language (已销号), or ``open``."""
    known = choice(status, STATUS_FILTERS, "status")
    return OPEN_STATUSES if known == "open" else (known,)


def choice(value: str, known: tuple[str, ...], kind: str) -> str:
    """A status, source or severity by its identifier or its label in either language."""
    wanted = value.strip()
    for identifier in known:
        labels = (words.get(f"ledger.{kind}.{identifier}") for words in catalogues().values())
        if wanted == identifier or wanted in labels:
            return identifier
    raise UserError(unknown_word(kind, value, ", ".join(known)))


def unknown_word(kind: str, value: str, choices: str) -> str:
    """The refusal of a status, source or severity that is none of ``choices``."""
    plural = {"status": "statuses", "source": "sources", "severity": "severities"}[kind]
    return t(f"ledger.bad_{kind}", **{kind: value, plural: choices})


def required_text(value: str | None, field: str) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise UserError(t("ledger.empty", field=t(f"ledger.field.{field}")))
    return bounded_text(cleaned, field)


def optional_text(value: str | None, field: str) -> str | None:
    cleaned = (value or "").strip()
    return bounded_text(cleaned, field) if cleaned else None


def bounded_text(value: str, field: str) -> str:
    limit = TEXT_LIMITS.get(field)
    if limit is not None and len(value) > limit:
        raise UserError(
            t("ledger.too_long", field=t(f"ledger.field.{field}"), limit=limit, length=len(value))
        )
    return value
