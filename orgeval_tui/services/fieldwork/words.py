"""The on-site evaluation's words read from what a user typed: a kind by its identifier
or its name in either language (``interview``, 个别访谈), a person met by role and name."""

from __future__ import annotations

import re

from ...domain.errors import UserError
from ...domain.fieldwork_words import ACTIVITY_KINDS
from ...i18n import catalogues, t
from .views import PersonMet

TEXT_LIMITS = {"place": 200, "evaluators": 500, "role": 50, "name": 50}
_NAME_MARK = re.compile(r"[:：]")


def kind_label(kind: str) -> str:
    return t(f"fieldwork.kind.{kind}")


def kind_of(value: str) -> str:
    wanted = (value or "").strip()
    for kind in ACTIVITY_KINDS:
        labels = (words.get(f"fieldwork.kind.{kind}") for words in catalogues().values())
        if wanted.lower() == kind or wanted in labels:
            return kind
    choices = "、".join(f"{kind} ({kind_label(kind)})" for kind in ACTIVITY_KINDS)
    raise UserError(t("fieldwork.bad_kind", kind=value, kinds=choices))


def bounded(value: str | None, field: str) -> str | None:
    """Optional text, trimmed; refused over its column's length, naming the field."""
    cleaned = (value or "").strip()
    if not cleaned:
        return None
    limit = TEXT_LIMITS[field]
    if len(cleaned) > limit:
        raise UserError(t("fieldwork.too_long", field=t(f"fieldwork.field.{field}"), limit=limit))
    return cleaned


def person_met(value: str) -> PersonMet:
    """``科室负责人`` or ``科室负责人:张三`` (a full-width colon too): the role, then the
    name if given."""
    role, name = _split(value)
    role = bounded(role, "role")
    if role is None:
        raise UserError(t("fieldwork.person_without_role", value=value))
    return PersonMet(role, bounded(name, "name"))


def _split(value: str) -> tuple[str, str]:
    parts = _NAME_MARK.split(value, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (parts[0], "")
