"""The folder one database is shared from: owned by a group, setgid (each file made in it,
the -wal and -shm files included, belongs to that group) and 2770 (the group's members
alone enter it); the database in it 0660.

A folder or file every account may write is refused rather than taken over: anyone on the
server could have changed it. Only a new or empty folder (or one holding just the
database) is given to the group: the whole folder becomes the group's.
"""

from __future__ import annotations

import errno
import grp
import os
import pwd
import stat
from dataclasses import dataclass
from pathlib import Path

from ..domain.actor import os_account
from ..domain.errors import UserError
from ..i18n import t
from ..i18n.os_errors import os_reason
from .file_access import SHARED_FILE_MODE, SHARED_FOLDER_MODE, SIDE_FILES

DATABASE_NAME = "orgeval.db"


@dataclass(frozen=True)
class SharedFolder:
    folder: Path
    group: str
    gid: int

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_NAME

    def database_files(self) -> list[Path]:
        """The database and its -wal and -shm files, those that exist."""
        names = (DATABASE_NAME, *(DATABASE_NAME + suffix for suffix in SIDE_FILES))
        return [self.folder / name for name in names if (self.folder / name).exists()]


def _group_id(group: str) -> int:
    try:
        return grp.getgrnam(group).gr_gid
    except KeyError:
        raise UserError(t("shared.unknown_group", group=group)) from None


def _refuse_world_writable(path: Path, wanted: int) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & stat.S_IWOTH:
        raise UserError(
            t("shared.world_writable", path=path, mode=f"{mode:04o}", wanted=f"{wanted:04o}")
        )


def _owner_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _not_owner(path: Path, shared: SharedFolder, owner: int) -> UserError:
    """Who may give ``path`` to the group, and the command they run."""
    command = f"chgrp {shared.group} {path} && chmod {_wanted_mode(path):04o} {path}"
    return UserError(
        t(
            "shared.not_owner",
            path=path,
            owner=_owner_name(owner),
            account=os_account(),
            group=shared.group,
            command=command,
        )  # fmt: skip
    )


def _may_give(path: Path, shared: SharedFolder) -> None:
    """Only the owner of a file, in the group, may give it to the group (or root)."""
    if os.geteuid() == 0:
        return
    account = os_account()
    if shared.gid != os.getegid() and shared.gid not in os.getgroups():
        raise UserError(
            t("shared.not_member", account=account, group=shared.group, folder=shared.folder)
        )
    owner = path.stat().st_uid
    if owner != os.geteuid():
        raise _not_owner(path, shared, owner)


def _check_existing(shared: SharedFolder) -> None:
    folder = shared.folder
    if not folder.is_dir():
        raise UserError(t("shared.not_a_folder", path=folder))
    _refuse_world_writable(folder, SHARED_FOLDER_MODE)
    allowed = {DATABASE_NAME, *(DATABASE_NAME + suffix for suffix in SIDE_FILES)}
    others = sorted(entry.name for entry in folder.iterdir() if entry.name not in allowed)
    if others:
        shown = ", ".join(others[:5]) + ("…" if len(others) > 5 else "")
        raise UserError(t("shared.not_empty", folder=folder, names=shown))
    for path in shared.database_files():
        _refuse_world_writable(path, SHARED_FILE_MODE)
    for path in (folder, *shared.database_files()):
        if not _is_given(path, shared):
            _may_give(path, shared)


def _wanted_mode(path: Path) -> int:
    return SHARED_FOLDER_MODE if path.is_dir() else SHARED_FILE_MODE


def _is_given(path: Path, shared: SharedFolder) -> bool:
    """Already the group's, with its mode: nothing to change (the -wal a colleague's
    orgeval made is theirs, and stays so)."""
    info = path.stat()
    return info.st_gid == shared.gid and stat.S_IMODE(info.st_mode) == _wanted_mode(path)


def _give(path: Path, shared: SharedFolder) -> None:
    if _is_given(path, shared):
        return
    mode = _wanted_mode(path)
    try:
        os.chown(path, -1, shared.gid)
        os.chmod(path, mode)  # exactly: the umask has no say here
    except PermissionError as exc:
        if exc.errno == errno.EPERM:
            raise _not_owner(path, shared, path.stat().st_uid) from exc
        raise


def prepare_shared_folder(folder: Path, group: str) -> SharedFolder:
    """``folder`` created or taken, given to ``group``, setgid and 2770, with the database
    files already in it given to the group too (0660). Everything is checked before
    anything changes."""
    shared = SharedFolder(Path(folder).expanduser().absolute(), group, _group_id(group))
    if shared.folder.exists():
        _check_existing(shared)
    elif os.geteuid() != 0 and shared.gid != os.getegid() and shared.gid not in os.getgroups():
        raise UserError(
            t("shared.not_member", account=os_account(), group=group, folder=shared.folder)
        )
    else:
        try:
            shared.folder.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise UserError(
                t("shared.cannot_create", folder=shared.folder, reason=os_reason(exc))
            ) from exc
    _give(shared.folder, shared)
    share_database_files(shared)
    return shared


def share_database_files(shared: SharedFolder) -> None:
    """The database and its -wal and -shm files: the group's, 0660."""
    for path in shared.database_files():
        _give(path, shared)
