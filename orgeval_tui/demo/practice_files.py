"""`orgeval demo --files DIR`: the pilot as the office's own files, for a new user to
open and to practise imports on, with ``load.sh``, the `orgeval` commands that load them.

The files are the ones the demo itself is built from (``office_files``), and the ledger
workbook is what `orgeval export ledger` writes for the demo: a demo is built from the
files in a temporary database, and its ledger exported beside them.
"""

from __future__ import annotations

import re
import shlex
import stat
import tempfile
from pathlib import Path

from ..domain.errors import UserError
from ..i18n import t
from ..i18n.os_errors import os_reason
from ..services.ledger.workbook import export_ledger
from ..storage.database import Database
from . import pilot_units
from .loader import build_demo_database
from .office_files import OfficeFile
from .pilot_data import EVALUATION

LEDGER_WORKBOOK = "问题整改台账.xlsx"
LOAD_SCRIPT = "load.sh"
_OPTION_FLAGS = {"unit": "--unit", "channel": "--channel", "kind": "--kind"}
_PLAIN_WORD = re.compile(r"[^\s'\"\\$`!*?;&|<>(){}\[\]#~=%^]+")
_QUOTAS = ("quota_admin", "quota_public", "quota_service", "quota_leaders")


def write_practice_files(folder: Path) -> list[Path]:
    """Write the pilot's files, its ledger workbook and ``load.sh`` into ``folder``;
    returns what was written, in the order ``load.sh`` reads it."""
    if folder.exists() and not folder.is_dir():
        raise UserError(t("demo.not_a_folder", folder=str(folder)))
    try:
        return _write(folder)
    except OSError as exc:
        raise UserError(t("files.cannot_write", folder=str(folder), reason=os_reason(exc))) from exc


def _write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="orgeval-demo-") as scratch:
        path = Path(scratch) / "demo.db"
        files = build_demo_database(path, folder)
        database = Database.open(str(path))
        try:
            export_ledger(database, folder / LEDGER_WORKBOOK)
        finally:
            database.dispose()
    script = folder / LOAD_SCRIPT
    script.write_text(load_script(pilot_units.units(), EVALUATION, files), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return [*(folder / f.name for f in files), folder / LEDGER_WORKBOOK, script]


def import_command(office_file: OfficeFile) -> list[str]:
    """The `orgeval import ...` arguments that read ``office_file`` (named as it is in
    the folder)."""
    options = [
        part
        for key, value in office_file.options.items()
        for part in (_OPTION_FLAGS[key], str(value))
    ]
    return ["import", office_file.kind, office_file.name, *options]


def _script_line(command: list[str], files: set[str]) -> str:
    # Files are named from the script's folder, so the script runs from anywhere (and
    # `uv run orgeval` keeps finding its project in the directory it is started from).
    words = [f'"$here/{w}"' if w in files else _shell_word(w) for w in command]
    return "$orgeval " + " ".join(words)


def _unit_command(unit: dict) -> list[str]:
    words = ["units", "add", unit["name"]]
    if unit.get("short_name"):
        words += ["--short", unit["short_name"]]
    if unit.get("parent"):
        words += ["--parent", unit["parent"]]
    words += ["--kind", unit["kind"]]
    for quota in _QUOTAS:
        if unit.get(quota):
            words += [f"--{quota.replace('_', '-')}", str(unit[quota])]
    return words


def _shell_word(word: str) -> str:
    """``word`` as the shell reads it back: bare when nothing in it is special to the
    shell (Chinese names and file names are not), quoted otherwise."""
    return word if _PLAIN_WORD.fullmatch(word) else shlex.quote(word)


def _evaluation_command(evaluation: dict, units: list[dict]) -> list[str]:
    words = ["evaluation", "new", evaluation["name"]]
    words += ["--reference-date", evaluation["reference_date"].isoformat()]
    words += ["--prefix", evaluation["number_prefix"]]
    for unit in units:
        if unit.get("evaluated"):
            words += ["--unit", unit["name"]]
    for label, start, end in evaluation["periods"]:
        words += ["--period", f"{label}={start.isoformat()}..{end.isoformat()}"]
    return words


def load_script(units: list[dict], evaluation: dict, files: list[OfficeFile]) -> str:
    """A POSIX shell script: the units, the calendar, the evaluation, then every file
    through its import."""
    for office_file in files:
        if not _PLAIN_WORD.fullmatch(office_file.name):
            raise ValueError(f"a file name the script would have to quote: {office_file.name}")
    commands = [
        ["init"],
        *(_unit_command(unit) for unit in units),
        ["calendar", "seed"],
        _evaluation_command(evaluation, units),
        *(import_command(f) for f in files),
    ]
    lines = [
        "#!/bin/sh",
        "# The pilot of the source report (沂水县, 2021) as the office's own files, loaded",
        "# with the commands an evaluator runs, into the database ORGEVAL_DB names:",
        "#",
        "#   ORGEVAL_DB=/tmp/pilot.db sh DIR/load.sh",
        '#   ORGEVAL="uv run orgeval" ORGEVAL_DB=/tmp/pilot.db sh DIR/load.sh   # in a checkout',
        "#",
        f"# {LEDGER_WORKBOOK} is the demo's problem ledger as `orgeval export ledger` writes",
        "# it; `orgeval import ledger` reads it back into the database this script loads.",
        "set -eu",
        'here=$(dirname "$0")',
        "orgeval=${ORGEVAL:-orgeval}",
        *(_script_line(command, {f.name for f in files}) for command in commands),
        "",
    ]
    return "\n".join(lines)
