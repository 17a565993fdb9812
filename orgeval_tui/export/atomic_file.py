"""Writing a file whole or not at all: it is written to a temporary file beside the
target and renamed over it, so a failure (a full disk, a killed process, a refused
template) never leaves half a document behind and never touches the target."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..domain.errors import UserError
from ..i18n import t
from ..i18n.os_errors import os_reason


def write_atomically(path: Path, save: Callable[[str], None]) -> None:
    """``save`` writes the whole file to the temporary path it is given."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.stem}.", suffix=f"{path.suffix}.part", dir=path.parent
        )
    except OSError as exc:
        raise UserError(
            t("ledger_excel.cannot_write", file=str(path), reason=os_reason(exc))
        ) from exc
    os.close(handle)
    try:
        save(temporary)
        os.chmod(temporary, _new_file_mode(path))
        os.replace(temporary, path)
    except OSError as exc:
        _remove(temporary)
        raise UserError(
            t("ledger_excel.cannot_write", file=str(path), reason=os_reason(exc))
        ) from exc
    except BaseException:
        _remove(temporary)
        raise


def write_bytes_atomically(path: Path, data: bytes) -> None:
    write_atomically(path, lambda temporary: Path(temporary).write_bytes(data))


def _new_file_mode(path: Path) -> int:
    """The target's own mode when it is replaced, else what a new file gets (mkstemp
    makes it readable by its owner only)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
