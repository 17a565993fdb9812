"""`orgeval init`, `units add` and `units list` as an evaluator uses them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from orgeval_tui.migrations import HEAD


def test_init_twice_is_harmless(cli, database_url):
    first = cli("--db", database_url, "init")
    assert first.code == 0, first.err
    assert f"(schema {HEAD})" in first.out
    assert cli("--db", database_url, "units", "add", "县总工会", "--short", "总工会").code == 0

    second = cli("--db", database_url, "init")

    assert second.code == 0, second.err
    listed = cli("--db", database_url, "units", "list", "--json").json()
    assert [u["name"] for u in listed] == ["县总工会"]


def test_units_round_trip_as_a_tree(cli, database_url):
    db = ("--db", database_url)
    added = cli(
        *db,
        "units",
        "add",
        "县总工会",
        "--short",
        "总工会",
        "--quota-admin",
        "8",
        "--quota-leaders",
        "4",
    )
    assert added.code == 0, added.err
    assert "县总工会" in added.out
    child = cli(
        *db,
        "units",
        "add",
        "县工人文化宫",
        "--parent",
        "总工会",
        "--kind",
        "institution",
        "--quota-public",
        "13",
    )
    assert child.code == 0, child.err
    assert cli(*db, "units", "add", "县气象局", "--short", "气象局").code == 0

    tree = cli(*db, "units", "list", "--json").json()

    assert [u["name"] for u in tree] == ["县总工会", "县气象局"]
    union = tree[0]
    assert union["short_name"] == "总工会"
    assert (union["quota_admin"], union["quota_leaders"]) == (8, 4)
    assert [c["name"] for c in union["children"]] == ["县工人文化宫"]
    palace = union["children"][0]
    assert palace["kind"] == "institution"
    assert palace["quota_public"] == 13
    assert palace["parent_id"] == union["id"]
    assert tree[1]["children"] == []


def test_units_list_table_indents_children(cli, database_url):
    db = ("--db", database_url)
    cli(*db, "units", "add", "县总工会")
    cli(*db, "units", "add", "县工人文化宫", "--parent", "县总工会", "--kind", "institution")

    shown = cli(*db, "--lang", "zh", "units", "list")

    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0].split()[:3] == ["单位", "简称", "类型"]
    union_line = next(line for line in lines if "县总工会" in line)
    palace_line = next(line for line in lines if "县工人文化宫" in line)
    assert "└ 县工人文化宫" in palace_line
    assert lines.index(palace_line) == lines.index(union_line) + 1
    assert "事业单位" in palace_line


def test_bad_parent_is_one_line_and_writes_nothing(cli, database_url):
    db = ("--db", database_url)

    result = cli(*db, "units", "add", "某某中心", "--parent", "不存在的单位")

    assert result.code == 1
    assert result.err == "orgeval: error: no such unit: 不存在的单位\n"
    assert "Traceback" not in result.out + result.err
    assert cli(*db, "units", "list", "--json").json() == []


def test_errors_speak_the_chosen_language(cli, database_url):
    result = cli("--db", database_url, "--lang", "zh", "units", "add", "甲", "--parent", "乙")

    assert result.code == 1
    assert result.err == "orgeval: 错误: 没有这个单位：乙\n"


def test_user_errors_exit_1_with_one_line(cli, database_url):
    db = ("--db", database_url)
    assert cli(*db, "units", "add", "县总工会", "--short", "总工会").code == 0

    cases = {
        ("units", "add", "县总工会"): "a unit named 县总工会 already exists",
        ("units", "add", "县 总工会"): "a unit named 县总工会 already exists",
        ("units", "add", "甲", "--kind", "bureau"): "unknown unit kind bureau",
        (
            "units",
            "add",
            "甲",
            "--quota-admin",
            "-1",
        ): "the administrative quota cannot be negative",
        (
            "units",
            "add",
            "甲",
            "--short",
            "总工会",
        ): "总工会 is already used by 县总工会",
        ("units", "add", "   "): "a unit needs a name",
    }
    for args, message in cases.items():
        result = cli(*db, *args)
        assert result.code == 1, args
        assert message in result.err, (args, result.err)
        assert result.err.count("\n") == 1, result.err
        assert "Traceback" not in result.err
    assert [u["name"] for u in cli(*db, "units", "list", "--json").json()] == ["县总工会"]


def test_usage_errors_exit_2(cli, database_url):
    assert cli("--db", database_url, "units", "frobnicate").code == 2
    assert cli("--db", database_url, "--lang", "fr", "units", "list").code == 2
    assert cli("--db", database_url, "units", "add", "甲", "--quota-admin", "many").code == 2


def test_unreachable_database_is_one_line(cli, tmp_path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are not the tables you are looking for\n" * 100)

    result = cli("--db", str(not_a_db), "units", "list")

    assert result.code == 1
    # Said as what it is, with the way back.
    assert result.err.startswith("orgeval: error: the database file is damaged or is not a")
    assert "orgeval restore FILE --yes" in result.err
    assert result.err.count("\n") == 1


def test_db_comes_from_the_environment(cli, tmp_path, monkeypatch):
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("ORGEVAL_DB", str(path))

    assert cli("units", "add", "县气象局").code == 0

    assert path.exists()
    assert [u["name"] for u in cli("--db", str(path), "units", "list", "--json").json()] == [
        "县气象局"
    ]


def test_default_database_lives_in_the_user_data_dir(cli):
    assert cli("units", "add", "县气象局").code == 0

    expected = Path(os.environ["XDG_DATA_HOME"]) / "orgeval" / "orgeval.db"
    assert expected.exists()
    assert [u["name"] for u in cli("--db", str(expected), "units", "list", "--json").json()] == [
        "县气象局"
    ]


def test_postgresql_without_its_driver_says_how_to_install_it(cli, monkeypatch):
    """The driver is the `postgres` extra; without it the command names the extra."""
    for name in [m for m in sys.modules if m == "psycopg" or m.startswith("psycopg.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if not installed

    result = cli("--db", "postgresql+psycopg://evaluator@dbhost/orgeval", "units", "list")

    assert result.code == 1
    assert "psycopg" in result.err and "orgeval[postgres]" in result.err
    assert "Traceback" not in result.err


def test_a_refused_quota_is_named_in_the_users_language(cli, database_url):
    zh = cli(
        "--db", database_url, "--lang", "zh", "units", "add", "县总工会", "--quota-admin", "-1"
    )
    en = cli(
        "--db", database_url, "--lang", "en", "units", "add", "县总工会", "--quota-leaders", "-2"
    )

    assert zh.code == 1 and "行政编制不能为负数（输入为 -1）" in zh.err, zh.err
    assert en.code == 1 and "the number of leadership posts cannot be negative" in en.err, en.err
    assert "quota_" not in zh.err + en.err


def _units(cli, db) -> list[dict]:
    flat = []

    def walk(nodes):
        for node in nodes:
            flat.append({k: v for k, v in node.items() if k != "children"})
            walk(node["children"])

    walk(cli(*db, "units", "list", "--json").json())
    return flat


def _trail_size(url: str) -> int:
    from orgeval_tui.services.changes import data_marker
    from orgeval_tui.storage.database import Database

    database = Database.open(url)
    try:
        return data_marker(database)[0]
    finally:
        database.dispose()


def test_a_renamed_unit_keeps_its_data_under_its_new_name(cli, demo_db):
    db = ("--db", str(demo_db), "--lang", "en")

    edited = cli(
        *db, "units", "edit", "县工信局", "--name", "县经济和信息化局", "--short", "县经信局"
    )

    assert edited.code == 0, edited.err
    assert edited.out == "edited 县经济和信息化局 (version 2)\n"
    names = [u["name"] for u in _units(cli, db)]
    assert "县经济和信息化局" in names and "县工业和信息化局" not in names
    assert "县经济和信息化局" in cli(*db, "units", "list").out
    roster = cli(*db, "analyze", "roster", "--unit", "县经信局", "--json").json()
    assert (roster["unit"], roster["headcount"]) == ("县经济和信息化局", 19)
    evaluation = cli(*db, "analyze", "evaluation", "--json").json()
    assert evaluation["units"] == ["县总工会", "县经济和信息化局", "县气象局"]
    assert cli(*db, "analyze", "roster", "--unit", "县工信局").code == 1


def test_units_edit_moves_and_requotas(cli, database_url):
    db = ("--db", database_url)
    cli(*db, "units", "add", "县总工会", "--short", "总工会")
    cli(*db, "units", "add", "县工人文化宫", "--short", "文化宫")

    moved = cli(*db, "units", "edit", "文化宫", "--parent", "总工会", "--quota-public", "13")
    assert moved.code == 0, moved.err
    tree = cli(*db, "units", "list", "--json").json()
    assert [u["name"] for u in tree] == ["县总工会"]
    assert tree[0]["children"][0]["quota_public"] == 13

    assert cli(*db, "units", "edit", "文化宫", "--no-parent").code == 0
    assert [u["name"] for u in cli(*db, "units", "list", "--json").json()] == [
        "县总工会",
        "县工人文化宫",
    ]


def test_refused_edits_are_one_line_and_change_nothing(cli, database_url):
    db = ("--db", database_url, "--lang", "en")
    cli(*db, "units", "add", "县总工会", "--short", "总工会")
    cli(*db, "units", "add", "县工人文化宫", "--short", "文化宫", "--parent", "总工会")
    cli(*db, "units", "add", "县气象局", "--short", "气象局")
    cli(*db, "units", "edit", "气象局", "--quota-admin", "5")
    before, trail = _units(cli, db), _trail_size(database_url)

    cases = {
        ("县火星局", "--name", "甲"): "no such unit: 县火星局",
        ("气象局", "--name", "县总工会"): "县气象局 cannot be renamed 县总工会",
        (
            "气象局",
            "--short",
            "文化宫",
        ): "县气象局 cannot take the short name 文化宫: 县工人文化宫 uses it",
        ("总工会", "--parent", "文化宫"): "县总工会 cannot be placed under 县工人文化宫",
        ("总工会", "--parent", "县总工会"): "县总工会 cannot be placed under 县总工会",
        ("总工会", "--kind", "bureau"): "县总工会: unknown unit kind bureau",
        ("总工会", "--quota-leaders", "-1"): "县总工会: the number of leadership posts cannot",
        ("总工会", "--parent", "气象局", "--no-parent"): "either --parent or --no-parent",
        ("气象局", "--quota-admin", "6", "--if-version", "1"): "县气象局 was changed by",
    }
    for args, message in cases.items():
        result = cli(*db, "units", "edit", *args, "--quota-service", "2")
        assert result.code == 1, args
        assert message in result.err, (args, result.err)
        assert result.err.count("\n") == 1, result.err
    assert _units(cli, db) == before
    assert _trail_size(database_url) == trail


def test_units_remove_takes_an_empty_unit_and_refuses_one_with_data(cli, demo_db):
    db = ("--db", str(demo_db), "--lang", "en")
    assert cli(*db, "units", "add", "县临时机构").code == 0
    before = _units(cli, db)

    refused = cli(*db, "units", "remove", "县工信局")
    parent = cli(*db, "units", "remove", "总工会")
    unknown = cli(*db, "units", "remove", "县火星局")

    assert refused.code == 1
    assert refused.err.startswith("orgeval: error: 县工业和信息化局 has ")
    assert "19 staff" in refused.err and "12,255 log entries" in refused.err
    assert refused.err.endswith(": remove them first\n")
    assert parent.code == 1 and "县总工会 has 1 sub-unit, 3 sections" in parent.err
    assert unknown.code == 1 and "no such unit: 县火星局" in unknown.err
    assert _units(cli, db) == before

    removed = cli(*db, "units", "remove", "县临时机构")

    assert (removed.code, removed.out) == (0, "removed 县临时机构\n")
    assert [u["name"] for u in _units(cli, db)] == [u["name"] for u in before[:-1]]


def test_units_remove_speaks_chinese(cli, demo_db):
    refused = cli("--db", str(demo_db), "--lang", "zh", "units", "remove", "县工信局")

    assert refused.code == 1
    assert "县工业和信息化局 尚有" in refused.err
    assert "人员 19 人" in refused.err and "履职记录 12,255 条" in refused.err
