"""What users typed or files brought in is printed as written: never read as rich markup
(a bracket stopped the command with a MarkupError, for everyone sharing the database),
never as terminal control (an escape sequence cleared the screen and retitled the window)."""

from __future__ import annotations

import re

from openpyxl import Workbook

from orgeval_tui.services import ledger
from orgeval_tui.services.calendar import set_day
from orgeval_tui.services.units import add_unit

# What a terminal would obey: C0 controls but tab and line feed, DEL, C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ESCAPES = "\x1b[2J\x1b]0;owned\x07"


def _roster(path, section: str):
    book = Workbook()
    book.active.append(["姓名", "性别", "出生日期", "所在科室"])
    book.active.append(["赵刚", "男", "1985-03-08", section])
    book.save(path)
    return str(path)


def test_brackets_in_unit_and_section_names_are_printed_as_written(cli, database, tmp_path):
    add_unit(database, "县[/]局", short_name="[bold]县局")
    add_unit(database, "县:smile:办")
    db = ("--db", database.url)
    imported = cli(*db, "import", "roster", _roster(tmp_path / "名册.xlsx", "办公室[/]"),
                   "--unit", "县[/]局")  # fmt: skip

    units = cli(*db, "units", "list")
    roster = cli(*db, "analyze", "roster", "--unit", "县[/]局", "--as-of", "2024-01-01")

    assert imported.code == 0, imported.err
    assert units.code == 0, units.err
    assert "县[/]局" in units.out and "[bold]县局" in units.out and "县:smile:办" in units.out
    assert roster.code == 0, roster.err
    assert "县[/]局" in roster.out and "办公室[/]" in roster.out


def test_a_holiday_named_with_brackets_is_shown_as_written(cli, database):
    from datetime import date

    set_day(database, date(2024, 10, 1), is_workday=False, name="[/x]")
    set_day(database, date(2024, 10, 2), is_workday=False, name="[bold]国庆[/bold]")

    shown = cli("--db", database.url, "calendar", "show", "--year", "2024")

    assert shown.code == 0, shown.err
    assert "[/x]" in shown.out and "[bold]国庆[/bold]" in shown.out


def test_escape_sequences_in_a_problem_never_reach_the_terminal(cli, office):
    problem = ledger.add(office, "县工信局", f"挂牌{ESCAPES}不规范", description=f"说明{ESCAPES}")

    listed = cli("--db", office.url, "ledger", "ls")
    shown = cli("--db", office.url, "ledger", "show", problem.number)

    for result in (listed, shown):
        assert result.code == 0, result.err
        assert not CONTROL.search(result.out), repr(result.out)
    assert "挂牌␛[2J␛]0;owned␇不规范" in shown.out
    assert "挂牌␛[2J" in listed.out


def test_an_import_error_quotes_a_cell_without_its_control_characters(cli, office, tmp_path):
    path = tmp_path / "名册.csv"
    clipboard = "\x1b]52;c;aGk=\x07"
    path.write_text(f"姓名,性别,出生日期\n赵刚,男{clipboard},1985-03-08\n", encoding="utf-8")

    result = cli("--db", office.url, "import", "roster", str(path), "--unit", "县工信局")

    assert result.code == 1
    assert not CONTROL.search(result.err), repr(result.err)
    assert "男␛]52;c;aGk=␇" in result.err


def test_a_huge_cell_is_quoted_cut(cli, office, tmp_path):
    """Before: a 100,000-character unit name was echoed whole, a 300 KB error line."""
    path = tmp_path / "互评.csv"
    huge = "局" * 100_000
    path.write_text(
        f"问卷编号,评价单位,被评价单位,第1题（50分）\nHP-1,县总工会,{huge},50\n"
        f"HP-1,县总工会,县工信局,50\n",
        encoding="utf-8",
    )
    survey = cli("--db", office.url, "import", "survey", str(path), "--kind", "peer")
    path = tmp_path / "工单.csv"
    path.write_text(
        f"工单编号,承办单位,受理时间\n{huge},县工信局,2024-03-01\n{huge},县工信局,2024-03-01\n",
        encoding="utf-8",
    )
    cases = cli("--db", office.url, "import", "cases", str(path), "--channel", "hotline")

    assert survey.code == 1 and "被评价单位: no such unit: 局局局" in survey.err
    assert cases.code == 1 and "工单编号: " in cases.err
    assert len(survey.err) < 1_000 and len(cases.err) < 1_000


def test_json_output_carries_no_control_character_raw(cli, office):
    """JSON escapes C0 controls itself; C1 controls (which some terminals obey like ESC)
    went out raw when the JSON was read on a terminal."""
    import json

    number = ledger.add(office, "县工信局", "挂牌\x9b2J不规范\x1b[2J").number

    shown = cli("--db", office.url, "ledger", "show", number, "--json")

    assert shown.code == 0, shown.err
    assert not CONTROL.search(shown.out)
    assert json.loads(shown.out)["title"] == "挂牌\x9b2J不规范\x1b[2J"
