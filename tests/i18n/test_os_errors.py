"""A file the system refuses is named with the reason in the user's language, wherever it
happens: the system's own words (strerror) are English whatever the language."""

from __future__ import annotations

import errno

import pytest

from orgeval_tui.i18n import set_language
from orgeval_tui.i18n.os_errors import os_error_message, os_reason

SYSTEM_WORDS = ("No such file", "Not a directory", "Permission denied", "Errno")


@pytest.mark.parametrize(
    ("error", "zh", "en"),
    [
        (
            FileNotFoundError(errno.ENOENT, "No such file or directory"),
            "文件或文件夹不存在",
            "no such file or folder",
        ),
        (PermissionError(errno.EACCES, "Permission denied"), "没有访问权限", "permission denied"),
        (
            NotADirectoryError(errno.ENOTDIR, "Not a directory"),
            "路径中有一段是文件而不是文件夹",
            "a part of the path is a file, not a folder",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘已满", "the disk is full"),
        (IsADirectoryError("no errno"), "这是文件夹，不是文件", "it is a folder, not a file"),
    ],
)
def test_each_refusal_reads_in_the_users_language(error, zh, en):
    set_language("zh")
    assert os_reason(error) == zh
    set_language("en")
    assert os_reason(error) == en


def test_the_message_names_the_file():
    set_language("zh")
    error = FileNotFoundError(errno.ENOENT, "No such file or directory", "/data/花名册.xlsx")
    assert os_error_message(error) == "/data/花名册.xlsx：文件或文件夹不存在"


def test_demo_files_into_a_path_through_a_file(cli, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")

    done = cli("--lang", "zh", "demo", "--files", str(blocker / "试点"))

    assert done.code == 1
    assert f"无法写入文件夹 {blocker / '试点'}：路径中有一段是文件而不是文件夹" in done.err
    assert "Traceback" not in done.err and not any(w in done.err for w in SYSTEM_WORDS)


def test_export_into_a_missing_folder(cli, office, tmp_path):
    target = tmp_path / "没有" / "台账.xlsx"

    done = cli("--db", office.url, "--lang", "zh", "export", "ledger", "-o", str(target))

    assert done.code == 1
    assert f"无法写入 {target}：文件或文件夹不存在" in done.err, done.err
    assert not any(w in done.err for w in SYSTEM_WORDS)


def test_a_config_file_that_is_a_folder(tmp_path, monkeypatch):
    from orgeval_tui.app import read_keymap

    set_language("zh")
    folder = tmp_path / "config.toml"
    folder.mkdir()
    monkeypatch.setenv("ORGEVAL_CONFIG", str(folder))

    keymap, notices = read_keymap()

    assert keymap == {} and notices == [f"{folder}：这是文件夹，不是文件"]
