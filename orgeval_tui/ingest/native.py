"""Reading workbooks with calamine (Rust), and keeping its failures from the user's terminal.

calamine reports most damage as an exception, but some damaged .xls files make it panic,
and the panic is printed by the native code straight to the process's stderr, which is
also where the TUI draws. An .xls (at most 65,536 rows: small, and rare) is therefore
read in a child process whose stderr goes nowhere; anything that goes wrong there comes
back as the one IngestError naming the file.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

from ..i18n import current_language, set_language, t
from .errors import IngestError
from .extent import MAX_CELLS, Extent, measure_xlsx
from .sheet import Sheet

# An .xls holds at most 65,536 × 256 cells, read at megabytes a second. Some damage (a
# sector chain that leads back on itself) sends the reader round in circles for ever:
# given its seconds and a few per megabyte, the reading is over and the file damaged.
_CHILD_SECONDS = 15
_CHILD_SECONDS_PER_MB = 3


def read_native_apart(path: Path, file: str) -> list[Sheet]:
    """``read_native`` in a child process: a panic or an abort there ends the child,
    never this process, and what it prints is dropped."""
    command = [sys.executable, "-m", __name__, str(path), file, current_language()]
    # The child finds the package where this process found it, installed or not.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    try:
        # A child Python, not multiprocessing: that would import the parent's __main__
        # again, and no fork while the TUI's threads hold locks.
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=env,
            timeout=_CHILD_SECONDS + _CHILD_SECONDS_PER_MB * path.stat().st_size / 1e6,
        )
    except subprocess.TimeoutExpired:
        raise IngestError.about(file, t("ingest.file.damaged")) from None
    if done.returncode < 0:  # killed by a signal: the reader aborted on the file
        raise IngestError.about(file, t("ingest.file.damaged"))
    if done.returncode > 0:  # a fault of orgeval's own, not of the file: not hidden
        raise RuntimeError(done.stderr.decode(errors="replace").strip())
    outcome, value = pickle.loads(done.stdout)
    if outcome == "error":
        raise IngestError(value)
    return value


def read_native(path: Path, file: str, *, measure: bool = False) -> list[Sheet]:
    """Every worksheet, read by calamine; ``measure`` an .xlsx first (see extent.py), and
    read it apart when it holds a value the reader may panic on."""
    # Imported here: the CLI's other commands should not pay for loading the extension.
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum

    if measure and _measure_xlsx(path, file):
        return read_native_apart(path, file)
    try:
        # from_filelike decides the format by content; from_path would trust the extension.
        with path.open("rb") as handle, CalamineWorkbook.from_filelike(handle) as workbook:
            sheets = []
            for meta in workbook.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue
                sheets.append(_read_sheet(workbook, meta.name, file))
            return sheets
    except (IngestError, KeyboardInterrupt, SystemExit):
        raise
    except PasswordError:
        raise IngestError.about(file, t("ingest.file.password")) from None
    except CalamineError as exc:
        reason = _first_line(exc)
        raise IngestError.about(file, t("ingest.file.unreadable", reason=reason)) from None
    except BaseException:  # noqa: BLE001
        # A panic inside the extension comes out as pyo3's PanicException, which derives
        # from BaseException; its text speaks of Rust's slices, not of the file.
        raise IngestError.about(file, t("ingest.file.damaged")) from None


def _read_sheet(workbook, name: str, file: str) -> Sheet:
    from python_calamine import CalamineError, WorksheetNotFound

    try:
        sheet = workbook.get_sheet_by_name(name)
    except WorksheetNotFound:
        # The workbook lists the sheet but its data is not there; the error's own text
        # is just the sheet's name.
        raise IngestError.about(file, t("ingest.file.sheet_unreadable"), sheet=name) from None
    except CalamineError as exc:
        reason = t("ingest.file.unreadable", reason=_first_line(exc))
        raise IngestError.about(file, reason, sheet=name) from None
    end = sheet.end
    if end is not None:
        _refuse_oversized(file, name, Extent(rows=end[0] + 1, columns=end[1] + 1))
    rows = sheet.to_python(skip_empty_area=False)
    for row in rows:
        _empty_to_none(row)
    return Sheet(name=name, rows=rows)


def _measure_xlsx(path: Path, file: str) -> bool:
    """Measured before the reader sees the file: a sheet too large is refused (the reader
    would abort the process); True when a sheet holds a value the reader may panic on."""
    try:
        measured = measure_xlsx(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error):
        # The zip came apart while measuring; the reader says what is wrong with it.
        return False
    for name, extent in measured:
        _refuse_oversized(file, name, extent)
    return any(extent.panicking_value for _, extent in measured)


def _refuse_oversized(file: str, sheet: str | None, extent: Extent) -> None:
    if not extent.too_large():
        return
    message = t(
        "ingest.file.too_large",
        corner=extent.corner,
        rows=extent.rows,
        columns=extent.columns,
        limit=MAX_CELLS,
    )
    raise IngestError.about(file, message, sheet=sheet)


def _empty_to_none(row: list[object]) -> None:
    """Calamine gives "" for an empty cell. list.index finds them at C speed: a million-cell
    comprehension costs more than reading the file."""
    if "" not in row:
        return
    index = row.index("")
    try:
        while True:
            row[index] = None
            index = row.index("", index + 1)
    except ValueError:
        pass


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _child(path: str, file: str, language: str) -> None:
    set_language(language)
    try:
        outcome = "sheets", read_native(Path(path), file)
    except IngestError as exc:
        outcome = "error", str(exc)
    sys.stdout.buffer.write(pickle.dumps(outcome))


if __name__ == "__main__":
    _child(*sys.argv[1:4])
