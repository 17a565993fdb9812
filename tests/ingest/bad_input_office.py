"""An office for bad files to be imported into, and the judge of each attempt.

The office is the pilot's units, calendar and evaluation (with the default rubric), its
files not yet imported: every importer has what it needs, and the database is small
enough to digest after every file. ``Office.attempt`` imports one file and says what
came of it: accepted, refused (a UserError naming the file, the database's content
unchanged), or a failure (a traceback, a refusal that does not name the file, a
refusal that changed the database, a file that took longer than the bound, anything
printed on the terminal).
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from orgeval_tui.domain.errors import UserError
from orgeval_tui.ingest.workbook import read_workbook
from orgeval_tui.storage.database import Database
from tests.content_digest import content_digest

from .bad_files import BadFile, Seed
from .helpers import FIXTURES

# Kept per sheet of a seed: enough for every kind of row, small enough to import often.
_SEED_ROWS = 40
# A file that takes longer than this is a hang (the largest seed imports in well under 1 s).
HANG_SECONDS = 60
ACCEPTED, REFUSED = "accepted", "refused"
TRACEBACK, UNNAMED, CHANGED, HANG = "traceback", "unnamed refusal", "changed on refusal", "hang"
PRINTED = "printed on the terminal"  # a native reader's panic message, say
FAILURES = (TRACEBACK, UNNAMED, CHANGED, HANG, PRINTED)


@dataclass(frozen=True)
class Target:
    """One importer, as its `orgeval ...` command calls it, with the files it reads."""

    name: str
    run: Callable[[Database, Path], object]
    seeds: tuple[Seed, ...]


@dataclass(frozen=True)
class Outcome:
    kind: str
    seconds: float
    message: str = ""


class _Hang(BaseException):
    """Raised by the alarm; a BaseException so that no importer's handler takes it."""


def build_office(folder: Path, practice: Path | None = None) -> tuple[Path, dict[str, Target]]:
    """The template database in ``folder`` and every importer with its seeds, taken from
    ``practice`` (what `orgeval demo --files` writes; written into ``folder`` if None)."""
    from orgeval_tui.demo import pilot
    from orgeval_tui.demo.pilot_data import pilot_data
    from orgeval_tui.demo.practice_files import LEDGER_WORKBOOK, write_practice_files
    from orgeval_tui.services.calendar import seed_calendar
    from orgeval_tui.services.rubrics import export_rubric
    from orgeval_tui.services.self_sheet import export_self_sheet

    if practice is None:
        practice = folder / "practice"
        write_practice_files(practice)
    files = folder / "exports"
    files.mkdir(parents=True, exist_ok=True)
    template = folder / "office.db"
    database = Database.open(str(template))
    try:
        data = pilot_data()
        pilot.add_units(database, data)
        seed_calendar(database, pilot.CALENDAR_YEARS)
        pilot.add_evaluation(database, data)
        export_rubric(database, files / "指标体系.xlsx")
        export_self_sheet(database, "县总工会", files / "自评得分表（县总工会）.xlsx")
    finally:
        database.dispose()
    return template, _targets(practice, files, LEDGER_WORKBOOK)


def _targets(practice: Path, files: Path, ledger: str) -> dict[str, Target]:
    from orgeval_tui.services.intake.cases import import_cases
    from orgeval_tui.services.intake.duties import import_duties
    from orgeval_tui.services.intake.ledger import import_ledger
    from orgeval_tui.services.intake.roster import import_roster
    from orgeval_tui.services.intake.self_report import import_self_report
    from orgeval_tui.services.intake.self_scores import import_self_scores
    from orgeval_tui.services.intake.surveys import import_survey
    from orgeval_tui.services.rubrics import import_rubric

    def seeds(*names: str, keep: int = _SEED_ROWS) -> tuple[Seed, ...]:
        return tuple(_seed(_find((practice, files), name), keep) for name in names)

    rubric_toml = Path(__file__).parents[2] / "orgeval_tui" / "rubrics" / "default.toml"
    targets = (
        Target(
            "roster",
            lambda db, path: import_roster(db, path, unit="县总工会"),
            seeds(
                "在编人员信息表（县总工会）",
                "在编人员信息表（县气象局）",
                "roster.xls",
                "roster.ods",
            )
            + seeds("roster_gb18030.csv"),
        ),
        Target(
            "duties",
            lambda db, path: import_duties(db, path, unit="县工业和信息化局"),
            seeds("履职考评数据", keep=160),
        ),
        Target(
            "cases:hotline",
            lambda db, path: import_cases(db, path, channel="hotline"),
            seeds("12345政务服务便民热线工单明细", "cases.xls"),
        ),
        Target(
            "cases:service",
            lambda db, path: import_cases(db, path, channel="service", unit="县工业和信息化局"),
            seeds("12345政务服务便民热线工单明细"),
        ),
        Target(
            "survey:peer",
            lambda db, path: import_survey(db, path, kind="peer"),
            seeds("部门履职情况互评问卷汇总表", "questionnaire.xlsx"),
        ),
        Target(
            "survey:staff",
            lambda db, path: import_survey(db, path, kind="staff", unit="县总工会"),
            seeds("干部职工调查问卷汇总（县总工会）"),
        ),
        Target("ledger", lambda db, path: import_ledger(db, path), seeds(ledger)),
        Target(
            "rubric",
            lambda db, path: import_rubric(db, path),
            seeds("指标体系") + (Seed("指标体系.toml", rubric_toml.read_bytes()),),
        ),
        Target(
            "self-scores",
            lambda db, path: import_self_scores(db, path, "县总工会"),
            seeds("自评得分表（县总工会）"),
        ),
        Target(
            "self-report",
            lambda db, path: import_self_report(db, path, "县总工会"),
            tuple(
                Seed(path.name, path.read_bytes())
                for path in sorted(practice.glob("*自*报告*"))
                if path.suffix in (".docx", ".txt")
            ),
        ),
    )
    return {target.name: target for target in targets}


def _find(folders: tuple[Path, ...], name: str) -> Path:
    if (FIXTURES / name).exists():
        return FIXTURES / name
    found = (path for folder in folders for path in sorted(folder.iterdir()))
    return next(path for path in found if path.name.startswith(name))


def _seed(path: Path, keep: int) -> Seed:
    sheets = tuple((sheet.name, sheet.rows[:keep]) for sheet in read_workbook(path))
    return Seed(path.name, path.read_bytes(), sheets)


class Office:
    """A working copy of the template; back to the template after every accepted file,
    so that each file meets the same database."""

    def __init__(self, template: Path, folder: Path | None = None):
        self.template = template
        self.folder = Path(folder or tempfile.mkdtemp(prefix="orgeval-bad-input-"))
        self.inbox = self.folder / "inbox"
        self.inbox.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / "work.db"
        self.database = None
        self._reset()
        self.digest = content_digest(self.database)

    def _reset(self) -> None:
        if self.database is not None:
            self.database.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.template, self.path)
        self.database = Database.open(str(self.path))

    def close(self) -> None:
        self.database.dispose()

    def attempt(self, target: Target, bad: BadFile, bound: float = HANG_SECONDS) -> Outcome:
        """Import ``bad`` and judge it; anything written to the process's stderr (where
        the TUI draws) meanwhile is a failure too."""
        with tempfile.TemporaryFile() as caught:
            saved = os.dup(2)
            os.dup2(caught.fileno(), 2)
            try:
                outcome = self._attempt(target, bad, bound)
            finally:
                os.dup2(saved, 2)
                os.close(saved)
            caught.seek(0)
            printed = caught.read()
        if printed and outcome.kind not in FAILURES:
            return Outcome(PRINTED, outcome.seconds, printed.decode(errors="replace")[:2000])
        return outcome

    def _attempt(self, target: Target, bad: BadFile, bound: float) -> Outcome:
        path = self.inbox / bad.name
        path.write_bytes(bad.data)
        started = time.perf_counter()
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, bound)
        try:
            target.run(self.database, path)
        except _Hang:
            return Outcome(HANG, time.perf_counter() - started, bad.how)
        except UserError as refusal:
            seconds = time.perf_counter() - started
            return self._judge_refusal(bad, str(refusal), seconds)
        except Exception:  # noqa: BLE001 - what the test is looking for
            return Outcome(TRACEBACK, time.perf_counter() - started, traceback.format_exc())
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            path.unlink(missing_ok=True)
        seconds = time.perf_counter() - started
        self._reset()
        return Outcome(ACCEPTED, seconds)

    def _judge_refusal(self, bad: BadFile, message: str, seconds: float) -> Outcome:
        if content_digest(self.database) != self.digest:
            self._reset()
            return Outcome(CHANGED, seconds, message)
        if bad.name not in message:
            return Outcome(UNNAMED, seconds, message)
        return Outcome(REFUSED, seconds, message)


def _alarm(_signal, _frame):
    raise _Hang
