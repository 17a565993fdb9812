"""`orgeval demo --files DIR`: the pilot's own files for a new user, with load.sh, and
the demo's ledger as the office's workbook. (`tests/test_pilot_figures.py` checks what
load.sh loads.)"""

from __future__ import annotations

import os

import pytest
from python_calamine import CalamineWorkbook

from orgeval_tui.demo.practice_files import LEDGER_WORKBOOK, LOAD_SCRIPT


def test_the_files_are_written_with_a_script_that_loads_them(cli, tmp_path):
    folder = tmp_path / "试点"

    done = cli("--lang", "zh", "demo", "--files", str(folder))

    assert done.code == 0, done.err
    assert f"已将 {len(list(folder.iterdir()))} 个文件写入 {folder}" in done.out
    names = {path.name for path in folder.iterdir()}
    assert {LEDGER_WORKBOOK, LOAD_SCRIPT} <= names
    assert any(name.endswith(".csv") for name in names)
    assert sum("在编人员" in name for name in names) == 4
    assert os.access(folder / LOAD_SCRIPT, os.X_OK)
    script = (folder / LOAD_SCRIPT).read_text(encoding="utf-8")
    for name in names - {LOAD_SCRIPT, LEDGER_WORKBOOK}:
        assert f'"$here/{name}"' in script, f"load.sh does not read {name}"
    assert "$orgeval units add 县工人文化宫 --short 文化宫 --parent 县总工会" in script


def test_the_script_reads_what_an_office_would_run(practice_files):
    lines = (practice_files / LOAD_SCRIPT).read_text(encoding="utf-8").splitlines()
    commands = [line.split()[1:3] for line in lines if line.startswith("$orgeval ")]

    assert commands[0] == ["init"]
    assert ["calendar", "seed"] in commands
    kinds = [words[1] for words in commands if words[0] == "import"]
    assert kinds.count("roster") == 4 and kinds.count("duties") == 1
    assert kinds.count("cases") == 1 and kinds.count("survey") == 5  # peer, 4 × staff
    # Units before the files that name them; every import after the calendar and the
    # evaluation (questionnaires are filed under it).
    assert commands.index(["calendar", "seed"]) < commands.index(["evaluation", "new"])
    assert commands.index(["evaluation", "new"]) < commands.index(["import", "roster"])
    line = next(line for line in lines if line.startswith("$orgeval evaluation new "))
    assert "--unit 县工业和信息化局" in line
    assert "--period '2020年度=2020-01-01..2020-12-31'" in line


def test_the_ledger_workbook_is_the_demos_and_reads_back_unchanged(cli, practice_files, demo_db):
    sheet = CalamineWorkbook.from_path(str(practice_files / LEDGER_WORKBOOK))
    rows = sheet.get_sheet_by_name("问题台账").to_python()
    numbers = [row[1] for row in rows[3:] if row[1]]

    back = cli(
        "--db", str(demo_db), "import", "ledger", str(practice_files / LEDGER_WORKBOOK),
        "--dry-run", "--json",
    )  # fmt: skip

    assert numbers == [f"2021-{i:03d}" for i in range(1, 11)]
    assert back.code == 0, back.err
    assert (back.json()["added"], back.json()["unchanged"]) == (0, 10)


def test_a_file_in_the_way_is_refused_and_nothing_is_written(cli, tmp_path):
    in_the_way = tmp_path / "试点"
    in_the_way.write_text("不是文件夹", encoding="utf-8")

    done = cli("demo", "--files", str(in_the_way))

    assert done.code == 1
    assert "is a file, not a folder" in done.err
    assert in_the_way.read_text(encoding="utf-8") == "不是文件夹"


def test_the_demo_is_built_whole_or_not_at_all(tmp_path, monkeypatch):
    """A build that fails part-way leaves no demo behind, and the next start builds it."""
    from orgeval_tui.demo import loader, pilot

    path = tmp_path / "demo.db"

    def broken(*_args, **_kwargs):
        raise RuntimeError("the disk filled up")

    with monkeypatch.context() as patched:
        patched.setattr(pilot, "replay_ledger", broken)
        with pytest.raises(RuntimeError):
            loader.open_demo_database(path=path)
    assert list(tmp_path.iterdir()) == []

    database = loader.open_demo_database(path=path)
    try:
        from orgeval_tui.services import ledger

        assert ledger.count_problems(database) == 10
    finally:
        database.dispose()
