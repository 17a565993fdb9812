"""One database for several OS accounts: `orgeval setup-shared`, run and used by real
accounts created for the test (tests/os_accounts.py), and what an account that may not use
the database is told."""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.os_accounts import shared_temporary_folder

SQLITE_WORDS = ("readonly", "unable to open", "disk I/O", "sqlite3")


@pytest.fixture
def place(os_accounts):
    """A folder the test's accounts can reach, removed after the test."""
    folder = shared_temporary_folder("orgeval-shared-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _group(path: Path) -> str:
    return grp.getgrgid(path.stat().st_gid).gr_name


def _owned_by(path: Path, account: str) -> None:
    shutil.chown(path, account, account)


def test_two_accounts_of_the_group_write_one_database_with_its_wal(os_accounts, place):
    office = os_accounts.group("office")
    os_accounts.make("alice", groups=["office"])
    os_accounts.make("bob", groups=["office"])
    _owned_by(place, os_accounts.user_name("alice"))
    folder = place / "orgeval"
    database = folder / "orgeval.db"

    made = os_accounts.run("alice", "orgeval", "setup-shared", str(folder), "--group", office)

    assert made.code == 0, made.err
    assert f"ORGEVAL_DB={database}" in made.out
    assert _mode(folder) == 0o2770 and _group(folder) == office
    assert _mode(database) == 0o660 and _group(database) == office
    db = {"ORGEVAL_DB": str(database)}
    bob = os_accounts.user_name("bob")
    granted = os_accounts.run("alice", "orgeval", "users", "add", bob, "--role", "admin", env=db)
    assert granted.code == 0, granted.err  # alice set the database up: its admin
    assert os_accounts.run("alice", "orgeval", "units", "add", "县财政局", env=db).code == 0
    # A reader held open keeps the WAL between the accounts' commands: each writes into
    # the -wal and -shm another account's process created.
    holder = sqlite3.connect(database)
    try:
        holder.execute("SELECT count(*) FROM unit").fetchone()
        added = os_accounts.run("bob", "orgeval", "units", "add", "县教育局", env=db)
        assert added.code == 0, added.err
        wal, shm = Path(f"{database}-wal"), Path(f"{database}-shm")
        assert wal.stat().st_size > 0
        for side in (wal, shm):
            assert _mode(side) == 0o660 and _group(side) == office, side
        edited = os_accounts.run(
            "alice", "orgeval", "units", "edit", "县教育局", "--short", "教育局", env=db
        )
        assert edited.code == 0, edited.err
        listed = os_accounts.run("bob", "orgeval", "units", "list", "--json", env=db)
        assert holder.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        again = os_accounts.run("alice", "orgeval", "setup-shared", str(folder), "--group", office)
        assert again.code == 0, again.err  # the -wal another account's orgeval made is fine
    finally:
        holder.close()
    assert listed.code == 0, listed.err
    assert '"short_name": "教育局"' in listed.out and "县财政局" in listed.out


def test_an_account_outside_the_group_is_told_to_join_it(os_accounts, place):
    office = os_accounts.group("office")
    alice = os_accounts.make("alice", groups=["office"])
    carol = os_accounts.make("carol")
    _owned_by(place, alice)
    folder = place / "orgeval"
    assert (
        os_accounts.run("alice", "orgeval", "setup-shared", str(folder), "--group", office).code
        == 0
    )

    for lang, words in (("en", "may not enter the folder"), ("zh", "无权进入文件夹")):
        refused = os_accounts.run(
            "carol", "orgeval", "--db", str(folder / "orgeval.db"), "units", "list",
            env={"ORGEVAL_LANG": lang},
        )  # fmt: skip

        assert refused.code == 1
        assert words in refused.err and str(folder) in refused.err
        assert f"usermod -aG {office} {carol}" in refused.err
        assert "2770" in refused.err and alice in refused.err
        assert not any(word in refused.err for word in SQLITE_WORDS), refused.err
        assert "Traceback" not in refused.err


def test_a_member_who_may_only_read_the_file_is_told_who_can_let_them_write(os_accounts, place):
    """The issue's measured case: a database another account created, readable but not
    writable; SQLite says "attempt to write a readonly database"."""
    office = os_accounts.group("office")
    alice = os_accounts.make("alice", groups=["office"])
    os_accounts.make("bob", groups=["office"])
    _owned_by(place, alice)
    database = place / "orgeval.db"
    assert os_accounts.run("alice", "orgeval", "--db", str(database), "init").code == 0
    bob = os_accounts.user_name("bob")
    granted = os_accounts.run("alice", "orgeval", "--db", str(database), "users", "add", bob,
                              "--role", "admin")  # fmt: skip
    assert granted.code == 0, granted.err
    shutil.chown(database, group=office)
    database.chmod(0o640)
    place.chmod(0o775)
    shutil.chown(place, group=office)

    refused = os_accounts.run("bob", "orgeval", "--db", str(database), "units", "add", "县教育局")

    assert refused.code == 1
    assert f"may not read and write {database}" in refused.err
    assert f"owner {alice}, group {office}, mode 0640 -rw-r-----" in refused.err
    assert f"Ask {alice} (or an administrator) to run: chmod g+rw {database}" in refused.err
    assert not any(word in refused.err for word in SQLITE_WORDS), refused.err


def test_wal_files_another_account_left_unwritable_are_named(os_accounts, place):
    office = os_accounts.group("office")
    alice = os_accounts.make("alice", groups=["office"])
    bob = os_accounts.make("bob", groups=["office"])
    _owned_by(place, alice)
    folder = place / "orgeval"
    database = folder / "orgeval.db"
    assert (
        os_accounts.run("alice", "orgeval", "setup-shared", str(folder), "--group", office).code
        == 0
    )
    database.chmod(0o640)  # a mistake, since put right: bob's read leaves -wal and -shm 0640
    holder = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        assert os_accounts.run("bob", "orgeval", "--db", str(database), "units", "list").code == 0
        database.chmod(0o660)
        wal, shm = Path(f"{database}-wal"), Path(f"{database}-shm")
        assert shm.owner() == bob and _mode(shm) == 0o640

        refused = os_accounts.run("alice", "orgeval", "--db", str(database), "units", "add", "X")
    finally:
        holder.close()

    assert refused.code == 1
    assert f"may not read and write {wal} (owner {bob}, group {office}, mode 0640" in refused.err
    assert f"Ask {bob} (or an administrator) to run: chmod g+rw {wal} {shm}" in refused.err
    assert alice in refused.err


def test_a_folder_the_account_may_not_write_in_is_named(os_accounts, place):
    bob = os_accounts.make("bob")

    refused = os_accounts.run("bob", "orgeval", "--db", str(place / "new" / "orgeval.db"), "init")

    assert refused.code == 1
    assert f"may not create files in the folder {place}," in refused.err
    assert "(owner root, group root, mode 0755 drwxr-xr-x" in refused.err and bob in refused.err
    assert "orgeval setup-shared DIR --group GROUP" in refused.err
    assert not (place / "new").exists()


def test_a_new_database_is_its_owners_alone(os_accounts, place):
    os_accounts.make("alice")
    home = os_accounts.home("alice")

    made = os_accounts.run("alice", "sh", "-c", "umask 002 && orgeval units add 县财政局")

    assert made.code == 0, made.err
    database = home / ".local" / "share" / "orgeval" / "orgeval.db"
    assert _mode(database) == 0o600


def test_setup_shared_refuses_a_group_it_is_not_in(os_accounts, place):
    other = os_accounts.group("other")
    alice = os_accounts.make("alice")
    _owned_by(place, alice)

    refused = os_accounts.run(
        "alice", "orgeval", "setup-shared", str(place / "orgeval"), "--group", other
    )

    assert refused.code == 1
    assert f"this account ({alice}) is not in the group {other}" in refused.err
    assert f"usermod -aG {other} {alice}" in refused.err
    assert not (place / "orgeval").exists()


def test_setup_shared_refuses_a_folder_of_someone_else(os_accounts, place):
    office = os_accounts.group("office")
    alice = os_accounts.make("alice", groups=["office"])
    os_accounts.make("bob", groups=["office"])
    folder = place / "orgeval"
    folder.mkdir()
    _owned_by(folder, alice)

    refused = os_accounts.run("bob", "orgeval", "setup-shared", str(folder), "--group", office)

    assert refused.code == 1
    assert f"{folder} belongs to {alice}" in refused.err
    assert f"chgrp {office} {folder} && chmod 2770 {folder}" in refused.err
    assert _group(folder) == alice and not (folder / "orgeval.db").exists()


def _root_group() -> str:
    return grp.getgrgid(pwd.getpwuid(os.getuid()).pw_gid).gr_name


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_setup_shared_refuses_an_unknown_group(cli, tmp_path, lang):
    done = cli(
        "--lang", lang, "setup-shared", str(tmp_path / "shared"), "--group", "no-such-group-x"
    )

    assert done.code == 1
    assert "no-such-group-x" in done.err and "groupadd no-such-group-x" in done.err
    assert not (tmp_path / "shared").exists()


def test_setup_shared_refuses_a_world_writable_folder(cli, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)

    done = cli("setup-shared", str(folder), "--group", _root_group())

    assert done.code == 1
    assert f"{folder} may be written by every account on this server (mode 0777)" in done.err
    assert f"chmod 2770 {folder}" in done.err
    assert _mode(folder) == 0o777 and not (folder / "orgeval.db").exists()


def test_setup_shared_refuses_a_world_writable_database(cli, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "orgeval.db").touch()
    (folder / "orgeval.db").chmod(0o666)

    done = cli("setup-shared", str(folder), "--group", _root_group())

    assert done.code == 1
    assert f"{folder / 'orgeval.db'} may be written by every account" in done.err
    assert "chmod 0660" in done.err


def test_setup_shared_refuses_a_folder_holding_other_files(cli, tmp_path):
    (tmp_path / "notes.txt").write_text("x")

    done = cli("setup-shared", str(tmp_path), "--group", _root_group())

    assert done.code == 1
    assert "holds other files (notes.txt)" in done.err
    assert not (tmp_path / "orgeval.db").exists()


def test_setup_shared_makes_the_database_group_writable_whatever_the_umask(cli, tmp_path):
    folder = tmp_path / "shared"
    previous = os.umask(0o077)
    try:
        done = cli("setup-shared", str(folder), "--group", _root_group(), "--json")
    finally:
        os.umask(previous)

    assert done.code == 0, done.err
    assert done.json()["database"] == str(folder / "orgeval.db")
    assert _mode(folder) == 0o2770 and _mode(folder / "orgeval.db") == 0o660
