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
    assert result.err.startswith("orgeval: error: database error:")
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
