"""Every import by the name of what it reads, for a caller that lets the user choose
one (the TUI's import dialog); the CLI has one command per kind."""

from __future__ import annotations

from ...domain.errors import UserError
from ...i18n import t
from ...storage.database import Database
from .common import ImportSummary

# What a file can hold, each with the options its import takes beside the file.
IMPORT_KINDS = (
    "roster",
    "duties",
    "cases:hotline",
    "cases:service",
    "survey:peer",
    "survey:staff",
    "ledger",
)
NEEDS_UNIT = frozenset({"roster", "duties"})


def import_file(db: Database, kind: str, path, *, unit: str | None = None) -> ImportSummary:
    """Import ``path`` as ``kind`` (one of :data:`IMPORT_KINDS`); ``unit`` is the unit
    the rows belong to (required for a roster and a duty log; for cases and
    questionnaires, the one unit whose rows are kept). Refused as the import itself
    refuses: every bad row named, nothing written."""
    if kind not in IMPORT_KINDS:
        raise UserError(t("intake.bad_import_kind", kind=kind, kinds=", ".join(IMPORT_KINDS)))
    if kind in NEEDS_UNIT and not unit:
        raise UserError(t("intake.needs_unit", kind=t(f"intake.kind.{kind}")))
    name, _, option = kind.partition(":")
    if name == "roster":
        from .roster import import_roster

        return import_roster(db, path, unit=unit)
    if name == "duties":
        from .duties import import_duties

        return import_duties(db, path, unit=unit)
    if name == "cases":
        from .cases import import_cases

        return import_cases(db, path, channel=option, unit=unit)
    if name == "survey":
        from .surveys import import_survey

        return import_survey(db, path, kind=option, unit=unit)
    from .ledger import import_ledger

    return import_ledger(db, path)
