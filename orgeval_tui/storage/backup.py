"""Copies of the whole database and their return.

SQLite: ``VACUUM INTO`` writes a consistent copy from a read transaction, so colleagues
keep working while it runs (WAL: their writes wait for nobody); the copy is checked
(``PRAGMA integrity_check``) before it takes its name. Restoring copies the backup's
pages into the live file with SQLite's backup API, which takes the file's locks, so no
one reads half of one database and half of the other.

PostgreSQL: ``pg_dump`` in its custom format, and ``pg_restore`` of it in one
transaction (``--clean --if-exists``: the tables are replaced, or nothing is).

Files are written beside their target and renamed over it: a failure never leaves half
a backup under the backup's name.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from ..domain.errors import UserError
from ..i18n import t
from ..i18n.os_errors import os_reason


@dataclass(frozen=True)
class BackupFile:
    """What a backup file holds, as far as restoring needs to know."""

    revision: str | None  # the schema it was taken at; None: not an orgeval database
    problem: str | None  # why it cannot be restored (damaged, not a database); None: sound


def _temporary_beside(target: Path) -> Path:
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        raise UserError(t("backup.cannot_write", file=str(target), reason=os_reason(exc))) from exc
    os.close(handle)
    os.unlink(name)  # VACUUM INTO and pg_dump write a new file of their own
    return Path(name)


def sqlite_file(url: str) -> Path:
    return Path(make_url(url).database)


# SQLite.


def backup_sqlite(url: str, target: Path) -> None:
    temporary = _temporary_beside(target)
    try:
        with sqlite3.connect(sqlite_file(url)) as source:
            source.execute("PRAGMA busy_timeout=5000")
            source.execute("VACUUM INTO ?", (str(temporary),))
        found = read_sqlite_backup(temporary)
        if found.problem:
            raise UserError(t("backup.copy_damaged", file=str(target), reason=found.problem))
        os.chmod(temporary, 0o600)  # the roster's people are in it: the owner's alone
        os.replace(temporary, target)
    except sqlite3.Error as exc:
        raise UserError(t("backup.failed", file=str(target), reason=str(exc))) from exc
    except OSError as exc:
        raise UserError(t("backup.cannot_write", file=str(target), reason=os_reason(exc))) from exc
    finally:
        temporary.unlink(missing_ok=True)


def read_sqlite_backup(path: Path) -> BackupFile:
    """The backup's schema revision, or why it is not a sound orgeval database."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            verdict = connection.execute("PRAGMA integrity_check").fetchall()
            if [row[0] for row in verdict] != ["ok"]:
                return BackupFile(None, "; ".join(str(row[0]) for row in verdict[:3]))
            try:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.Error:
                return BackupFile(None, t("backup.not_orgeval"))
            return BackupFile(row[0] if row else None, None if row else t("backup.not_orgeval"))
    except sqlite3.DatabaseError as exc:
        return BackupFile(None, str(exc))


def restore_sqlite(url: str, source: Path) -> None:
    try:
        with (
            sqlite3.connect(f"file:{source}?mode=ro", uri=True) as backup,
            sqlite3.connect(sqlite_file(url)) as live,
        ):
            live.execute("PRAGMA busy_timeout=5000")
            backup.backup(live)
    except sqlite3.Error as exc:
        raise UserError(t("restore.failed", file=str(source), reason=str(exc))) from exc


# PostgreSQL.


def _libpq_url(url: str) -> str:
    """The URL as pg_dump reads it: no SQLAlchemy driver name."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command: list[str], what: str, file: Path) -> subprocess.CompletedProcess:
    if shutil.which(command[0]) is None:
        raise UserError(t("backup.no_tool", tool=command[0]))
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode
        raise UserError(t(what, file=str(file), reason=reason))
    return done


def backup_postgres(url: str, target: Path) -> None:
    temporary = _temporary_beside(target)
    try:
        _run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={temporary}", _libpq_url(url)],
            "backup.failed",
            target,
        )
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except OSError as exc:
        raise UserError(t("backup.cannot_write", file=str(target), reason=os_reason(exc))) from exc
    finally:
        temporary.unlink(missing_ok=True)


def read_postgres_backup(path: Path) -> BackupFile:
    """The dump's schema revision (its alembic_version row), or why it cannot be read."""
    if shutil.which("pg_restore") is None:
        raise UserError(t("backup.no_tool", tool="pg_restore"))
    done = subprocess.run(
        ["pg_restore", "--data-only", "--table=alembic_version", "--file=-", str(path)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return BackupFile(None, lines[-1] if lines else t("backup.not_orgeval"))
    rows = done.stdout.split("COPY public.alembic_version", 1)
    if len(rows) < 2:
        return BackupFile(None, t("backup.not_orgeval"))
    data = rows[1].split("\n", 1)[1].split("\n\\.", 1)[0].strip()
    return BackupFile(data or None, None if data else t("backup.not_orgeval"))


def restore_postgres(url: str, source: Path) -> None:
    _run(
        [
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
            "--exit-on-error", f"--dbname={_libpq_url(url)}", str(source),
        ],
        "restore.failed",
        source,
    )  # fmt: skip
