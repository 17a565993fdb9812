"""Who may read and write an SQLite database's files, and what to do when this account may not.

The database holds the roster's people: a file orgeval creates is its owner's alone
(0600), unless it is made in a shared folder (setgid, from `orgeval setup-shared`), where
the folder's group reads and writes it (0660). SQLite gives the -wal and -shm files the
mode of the database file whatever the umask, so they follow.

When the database, its folder or its -wal/-shm cannot be used by this account, SQLite only
says "attempt to write a readonly database" or "unable to open database file";
:func:`access_refusal` finds which file or folder refuses, and :func:`refusal_message`
says whose it is, its mode, who this account is, and the command that fixes it.
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from dataclasses import dataclass
from pathlib import Path

from ..domain.actor import os_account
from ..i18n import t

PRIVATE_FILE_MODE = 0o600
SHARED_FILE_MODE = 0o660
SHARED_FOLDER_MODE = 0o2770
SIDE_FILES = ("-wal", "-shm")
# What SQLite says when the file system refuses (its words never reach the user).
REFUSAL_SIGNS = (
    "readonly database",
    "unable to open database file",
    "disk I/O error",
    "access permission denied",
)


def is_shared_folder(folder: Path) -> bool:
    """A folder whose new files take its group (setgid): one `setup-shared` made."""
    try:
        return bool(folder.stat().st_mode & stat.S_ISGID)
    except OSError:
        return False


def new_file_mode(folder: Path) -> int:
    return SHARED_FILE_MODE if is_shared_folder(folder) else PRIVATE_FILE_MODE


def create_database_file(path: Path) -> bool:
    """An empty database file (SQLite reads an empty file as an empty database) with the
    mode it should have, set exactly (the umask may be anything); False when it exists.
    Raises ``OSError`` when the folder refuses."""
    mode = new_file_mode(path.parent)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
    except FileExistsError:
        return False
    try:
        os.fchmod(handle, mode)
    finally:
        os.close(handle)
    return True


@dataclass(frozen=True)
class Refusal:
    """A file or folder this account needs and may not use as it needs."""

    path: Path
    need: str  # "enter" (a folder on the way), "create" (in a folder), "use" (a file)
    also: tuple[Path, ...] = ()  # the database's other files refusing alike (its -shm)

    @property
    def is_folder(self) -> bool:
        return self.need != "use"


def access_refusal(database: Path) -> Refusal | None:
    """The first file or folder that refuses this account what SQLite needs of it: every
    folder on the way entered, the database read and written, its -wal and -shm read and
    written, or created in its folder when absent. None when nothing refuses."""
    for folder in reversed(database.parents):
        if folder.exists() and not os.access(folder, os.X_OK):
            return Refusal(folder, "enter")
    folder = database.parent
    if not database.exists():
        # The folder may not exist yet either: its nearest existing folder must let it be made.
        existing = next(path for path in (folder, *folder.parents) if path.exists())
        return None if os.access(existing, os.W_OK | os.X_OK) else Refusal(existing, "create")
    may_create = os.access(folder, os.W_OK | os.X_OK)
    if not os.access(database, os.R_OK | os.W_OK):
        return Refusal(database, "use")
    sides = [database.with_name(database.name + suffix) for suffix in SIDE_FILES]
    refusing = [side for side in sides if side.exists() and not os.access(side, os.R_OK | os.W_OK)]
    if refusing:
        return Refusal(refusing[0], "use", tuple(refusing[1:]))
    if not may_create and not all(side.exists() for side in sides):
        return Refusal(folder, "create")
    return None


def _owner(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _group(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def _account_groups() -> list[str]:
    return sorted({_group(gid) for gid in (os.getegid(), *os.getgroups())})


def _listed_member(gid: int) -> bool:
    """This account is a member of the group in the system's list, though this session,
    begun before, does not have it."""
    try:
        group = grp.getgrgid(gid)
    except KeyError:
        return False
    account = os_account()
    try:
        primary = pwd.getpwnam(account).pw_gid == gid
    except KeyError:
        primary = False
    return account in group.gr_mem or primary


def refusal_message(refusal: Refusal) -> str:
    """What refuses, whose it is and its mode, who this account is, and what to run."""
    path = refusal.path
    info = path.stat()
    owner, group = _owner(info.st_uid), _group(info.st_gid)
    account = os_account()
    in_group = info.st_gid == os.getegid() or info.st_gid in os.getgroups()
    paths = " ".join(str(each) for each in (path, *refusal.also))
    if info.st_uid == os.geteuid():
        fix = t("access.fix.own", command=f"chmod u+{'rwx' if refusal.is_folder else 'rw'} {paths}")
    elif in_group:
        rights = "g+rwxs" if refusal.is_folder else "g+rw"
        fix = t("access.fix.group_rights", owner=owner, command=f"chmod {rights} {paths}")
    elif _listed_member(info.st_gid):
        fix = t("access.fix.log_in_again", group=group)
    else:
        folder = path if refusal.is_folder else path.parent
        if is_shared_folder(folder):
            fix = t("access.fix.join", group=group, account=account)
        else:
            fix = t("access.fix.share", owner=owner, folder=folder, account=account)
    return t(
        f"access.{refusal.need}",
        path=path,
        owner=owner,
        group=group,
        mode=f"{stat.S_IMODE(info.st_mode):04o}",
        symbolic=stat.filemode(info.st_mode),
        account=account,
        groups=", ".join(_account_groups()),
        fix=fix,
    )


def refusal_for(database: Path) -> str | None:
    """The message for the first refusal on the way to ``database``; None when none."""
    refusal = access_refusal(database)
    return None if refusal is None else refusal_message(refusal)
