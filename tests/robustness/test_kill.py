"""`kill -9` in the middle of an import, of ledger steps, of a backup and of scoring, each
at several moments: afterwards the database passes `PRAGMA integrity_check` and holds
all of a change or none of it (an import's rows with its import record, or neither; a
problem's state with its event and audit records; a backup file complete and sound, or
no file under its name)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from orgeval_tui.models import Case, ImportRecord, Problem, ProblemEvent
from orgeval_tui.services.audit_trail import verify_audit
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.backup import read_sqlite_backup
from orgeval_tui.storage.database import Database

from .workload import prepare, replay_faults

CASES = 10_000
MOMENTS = random.Random(14).sample([0.2 * n for n in range(1, 21)], 4)  # seconds


def _integrity(database: Database) -> list[str]:
    if not database.is_sqlite:
        return ["ok"]
    with sqlite3.connect(database.file) as connection:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]


def _count(database, model) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def _orgeval(database: Database, *args: str) -> subprocess.Popen:
    env = {**os.environ, "ORGEVAL_DB": database.url}
    return subprocess.Popen(
        [sys.executable, "-m", "orgeval_tui", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after(process: subprocess.Popen, seconds: float) -> bool:
    """SIGKILL at the moment; False when the process had ended before it."""
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        return True
    return False


def _kill_once(process: subprocess.Popen, folder: Path, pattern: str, seconds: float) -> str:
    """SIGKILL ``seconds`` after the process's scratch file (``pattern``) appears: while it
    writes. Which phase it was in: "writing", or "ended" when it finished first."""
    while process.poll() is None and not any(folder.glob(pattern)):
        time.sleep(0.001)
    if process.poll() is not None:
        return "ended"
    return "writing" if _kill_after(process, seconds) else "ended"


def test_an_import_killed_at_any_moment_leaves_all_its_rows_or_none(database, tmp_path):
    unit = add_unit(database, "县工业和信息化局").name
    data = tmp_path / "工单.csv"
    rows = [f"GD-{n:06d},{unit},2024-03-{1 + n % 28:02d} 09:30" for n in range(CASES)]
    data.write_text("\n".join(["工单编号,承办单位,受理时间", *rows]), encoding="utf-8")
    seen = set()
    folder = tmp_path if not database.is_sqlite else Path(database.file).parent
    for n, moment in enumerate(MOMENTS * 2):
        importer = _orgeval(database, "import", "cases", str(data), "--channel", "hotline")
        if n < len(MOMENTS) or not database.is_sqlite:
            killed = _kill_after(importer, moment)  # reading, checking, staging, copying
        else:
            killed = _kill_once(importer, folder, ".orgeval-stage-*", moment / 10) == "writing"
        held = (_count(database, ImportRecord), _count(database, Case))
        assert _integrity(database) == ["ok"]
        assert held in {(0, 0), (1, CASES)}, (moment, killed, held)
        seen.add((killed, held))
        if held != (0, 0):
            with database.write() as session:
                session.execute(Case.__table__.delete())
                session.execute(ImportRecord.__table__.delete())
    # The import runs whole after any of these, and the scratch file a kill left is gone.
    done = _orgeval(database, "import", "cases", str(data), "--channel", "hotline")
    assert done.wait(timeout=300) == 0, done.stderr.read()
    assert (_count(database, ImportRecord), _count(database, Case)) == (1, CASES)
    if database.is_sqlite:
        assert list(Path(database.file).parent.glob(".orgeval-stage-*")) == []
    assert any(killed for killed, _ in seen)


_STEPS = """
import sys
from datetime import date, timedelta
from orgeval_tui.services import ledger
from orgeval_tui.services.scores import set_score
from orgeval_tui.storage.database import Database
db = Database(sys.argv[1])
unit, today, which, i = "负载测试单位0", date.today(), sys.argv[2], 0
print("ready", flush=True)
while True:
    i += 1
    if which == "ledger":
        number = ledger.add(db, unit, f"问题 {i}").number
        ledger.feedback(db, number)
        ledger.plan(db, number, "措施", "主任", today + timedelta(days=30))
        ledger.report(db, number, "已整改")
        ledger.verify(db, number, "属实")
    else:
        for leaf in ("A1.1", "A1.2", "B1.1", "B3.1"):
            set_score(db, unit, leaf, points=float(i % 3), note=f"第{i}次")
"""


def _problems_whole(database) -> list[str]:
    """Each problem's state is the one its last event left it in."""
    faults = []
    with database.read() as session:
        for problem in session.scalars(select(Problem)):
            last = session.scalars(
                select(ProblemEvent.to_status)
                .where(ProblemEvent.problem_id == problem.id)
                .order_by(ProblemEvent.id.desc())
                .limit(1)
            ).first()
            if last != problem.status:
                faults.append(f"{problem.number}: {problem.status}, last event {last}")
    return faults


@pytest.mark.parametrize("work", ["ledger", "scores"])
def test_ledger_steps_and_scoring_killed_at_any_moment_leave_whole_changes(database, work):
    prepare(database, 1)
    for moment in MOMENTS:
        worker = subprocess.Popen(
            [sys.executable, "-c", _STEPS, database.url, work],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
        assert _kill_after(worker, moment / 2), worker.stderr.read()
        assert _integrity(database) == ["ok"]
        assert verify_audit(database).intact
        assert replay_faults(database) == []
        assert _problems_whole(database) == []
    written = _count(database, Problem) if work == "ledger" else verify_audit(database).records
    assert written > 0


@pytest.mark.sqlite_only
def test_a_backup_killed_at_any_moment_leaves_no_file_or_a_sound_one(database, tmp_path):
    unit = add_unit(database, "县工业和信息化局").name
    data = tmp_path / "工单.csv"
    rows = [f"GD-{n:06d},{unit},2024-03-{1 + n % 28:02d} 09:30" for n in range(CASES * 3)]
    data.write_text("\n".join(["工单编号,承办单位,受理时间", *rows]), encoding="utf-8")
    assert _orgeval(database, "import", "cases", str(data), "--channel", "hotline").wait(300) == 0
    outcomes = set()
    for n, moment in enumerate(MOMENTS * 2):
        target = tmp_path / f"备份{n}.db"
        backup = _orgeval(database, "backup", "-o", str(target))
        if n < len(MOMENTS):
            killed = _kill_after(backup, moment / 2)
        else:  # while VACUUM INTO writes the copy beside its name
            killed = _kill_once(backup, tmp_path, f".{target.name}.*", moment / 20) == "writing"
        if target.exists():
            assert read_sqlite_backup(target).problem is None
            with sqlite3.connect(target) as copy:
                copied = copy.execute("SELECT count(*) FROM service_case").fetchone()[0]
            assert copied == CASES * 3
        outcomes.add((killed, target.exists()))
        assert _integrity(database) == ["ok"]
    assert (True, False) in outcomes  # killed while writing: no file under the name
