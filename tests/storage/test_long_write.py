"""A large import does not lock colleagues out, and a write that must wait says for what."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from orgeval_tui.domain.errors import DatabaseBusy
from orgeval_tui.i18n import set_language
from orgeval_tui.models import Case, ImportRecord, Unit
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database
from orgeval_tui.storage.long_write import LongWrite, announced, marker_path, since_local

pytestmark = pytest.mark.sqlite_only
CASES = 40_000


def _hold_write_lock(database: Database) -> sqlite3.Connection:
    held = sqlite3.connect(database.file, isolation_level=None)
    held.execute("BEGIN IMMEDIATE")
    return held


def _short_waiting(database: Database) -> Database:
    return Database(database.url, busy_timeout_ms=50)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "自 {since} 起导入在编人员名册（文件 名册（全县）.xlsx）"),
        ("en", "the import of roster from 名册（全县）.xlsx by {actor} since {since}"),
    ],
)
def test_a_write_that_cannot_get_the_lock_names_the_import_holding_it(database, lang, expected):
    held = _hold_write_lock(database)
    try:
        with announced(database.file, LongWrite("roster", "名册（全县）.xlsx")):
            marker = marker_path(database.file).read_text(encoding="utf-8")
            set_language(lang)
            with pytest.raises(DatabaseBusy) as refused:
                add_unit(_short_waiting(database), "县统计局")
    finally:
        held.rollback()
        held.close()

    message = str(refused.value)
    assert "database is locked" not in message
    assert "orgeval" in message
    data = json.loads(marker)
    shown = expected.format(actor=data["actor"], since=since_local(LongWrite(**data)))
    assert shown in message, message
    assert data["actor"] in message
    assert not marker_path(database.file).exists()
    # Nothing was written, and the same write goes through once the import is done.
    add_unit(_short_waiting(database), "县统计局")


@pytest.mark.parametrize(("lang", "words"), [("zh", "被另一项写入占用"), ("en", "held by another")])
def test_without_a_marker_the_wait_still_says_the_database_is_held(database, lang, words):
    held = _hold_write_lock(database)
    try:
        set_language(lang)
        with pytest.raises(DatabaseBusy) as refused:
            add_unit(_short_waiting(database), "县统计局")
    finally:
        held.rollback()
        held.close()
    assert words in str(refused.value)
    assert "database is locked" not in str(refused.value)


def test_a_marker_left_by_a_killed_import_names_nothing(database):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    marker_path(database.file).write_text(
        '{"kind": "cases", "file": "旧.csv", "actor": "someone", "since": "2026-01-01T00:00:00",'
        f' "pid": {int(dead.stdout)}, "host": "{os.uname().nodename}"}}',
        encoding="utf-8",
    )
    held = _hold_write_lock(database)
    try:
        with pytest.raises(DatabaseBusy) as refused:
            add_unit(_short_waiting(database), "县统计局")
    finally:
        held.rollback()
        held.close()
    assert "旧.csv" not in str(refused.value)


def _cases_file(path: Path, unit: str) -> Path:
    lines = ["工单编号,承办单位,受理时间"]
    lines += [f"GD-{n:06d},{unit},2024-03-{1 + n % 28:02d} 09:30" for n in range(CASES)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _lock_taken(path: str) -> bool:
    probe = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()
    return False


def _staging(folder: Path) -> bool:
    return any(folder.glob(".orgeval-stage-*"))


def test_a_short_write_goes_through_while_a_large_import_writes_its_rows(database, tmp_path):
    """The import is paused (SIGSTOP) at the first sign of writing its rows: its scratch
    file, or the database's write lock taken. A colleague's write then goes through, and
    the import, resumed, completes. Before: the rows went in under the write lock, and the
    colleague's write failed with "database is locked"."""
    unit = add_unit(database, "县工业和信息化局").name
    data = _cases_file(tmp_path / "工单.csv", unit)
    folder = Path(database.file).parent
    env = {**os.environ, "ORGEVAL_DB": database.file}
    importer = subprocess.Popen(
        [sys.executable, "-m", "orgeval_tui", "import", "cases", str(data), "--channel", "hotline"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while importer.poll() is None:
            if _staging(folder) or _lock_taken(database.file):
                os.kill(importer.pid, signal.SIGSTOP)
                break
        assert importer.returncode is None, "the import ended before it was seen writing"
        try:
            colleague = add_unit(database, "县统计局")
        finally:
            os.kill(importer.pid, signal.SIGCONT)
        out, err = importer.communicate(timeout=120)
    finally:
        if importer.poll() is None:
            importer.kill()
    assert importer.returncode == 0, err
    with database.read() as session:
        assert session.get(Unit, colleague.id).name == "县统计局"
        assert session.scalar(select(func.count()).select_from(Case)) == CASES
        assert session.scalar(select(func.count()).select_from(ImportRecord)) == 1
    assert not _staging(folder)
