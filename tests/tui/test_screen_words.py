"""Every screen and dialog of the demo in both languages: in en, no Chinese but the
user's own data; in zh, no English word but the user's data and the names the user
types (key names, binding ids, commands)."""

from __future__ import annotations

import re

import pytest

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.error import ErrorScreen
from orgeval_tui.domain.actor import current_actor
from orgeval_tui.i18n import catalogues, set_language
from orgeval_tui.screens.home import HomeScreen
from orgeval_tui.screens.ledger import LedgerScreen
from orgeval_tui.screens.unit import UnitScreen
from orgeval_tui.services.units import unit_tree
from orgeval_tui.storage.database import Database

from .helpers import settle
from .screen_text import CJK, UserTexts, screen_texts

# Periods are named in Chinese in the data, and named from their dates in en.
SHOWN_IN_OWN_WORDS = frozenset({("evaluation_period", "label")})

# Latin words a zh screen may show: key names and binding ids (the user types them in
# config.toml: "keys" is its section), the product's name and its commands, formats
# (SVG, YYYY-MM-DD).
# The documents' formats too, as the office names them (Word 文档, Excel 表格) and as their
# files end (县工业和信息化局评估报告.docx): the report dialog offers both.
LATIN_IN_ZH = set(
    "orgeval SVG YYYY MM DD esc tab shift space home end pgup pgdn super keys".split()
    + "Word Excel docx xlsx".split()
    # A command to type, as the audit tab names it for the records it does not show.
    + "audit log".split()
)


def _chinese_in_the_english_catalogue() -> set[str]:
    """Chinese the English catalogue writes on purpose: the values a user types (男, 女,
    第1题) and the office's terms it glosses."""
    return {run for text in catalogues()["en"].values() for run in CJK.findall(text)}


async def _every_screen(app, pilot, unit_id: int) -> list[tuple[str, list[str]]]:
    shots: list[tuple[str, list[str]]] = []

    async def shoot(name: str) -> None:
        await settle(pilot)
        shots.append((name, screen_texts(app.screen)))

    async def with_help(name: str) -> None:
        await shoot(name)
        await pilot.press("question_mark")
        await shoot(f"{name} ?")
        await pilot.press("escape")
        await settle(pilot)

    await settle(pilot)
    assert isinstance(app.screen, HomeScreen)
    await with_help("home")
    await pilot.press("ctrl+p")
    await shoot("palette")
    await pilot.press("escape")
    app.action_show_help_panel()  # the palette's 按键 / Keys
    await shoot("keys panel")
    app.action_hide_help_panel()
    app.open_unit(unit_id)
    await settle(pilot)
    assert isinstance(app.screen, UnitScreen)
    tabs = app.screen.query_one("#tabs")
    for _ in range(len(tabs.query("TabPane"))):
        await with_help(f"unit {tabs.active}")
        await pilot.press("right_square_bracket")
    await pilot.press("R")
    await shoot("report dialog")
    await pilot.press("enter")  # written in the folder the test started in
    await shoot("report written")
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(app.screen, UnitScreen)
    await pilot.press("s")
    await with_help("scoring")
    await pilot.press("3")
    await shoot("scoring typed")
    await pilot.press("enter")
    await shoot("scoring justification asked")
    await pilot.press("escape", "escape", "x", "1", "0")
    await shoot("scoring count typed")
    await pilot.press("escape", "escape")
    await settle(pilot)
    await pilot.press("L")
    await settle(pilot)
    ledger_screen = app.screen
    assert isinstance(ledger_screen, LedgerScreen)
    await with_help("ledger")
    await pilot.press("slash")
    await shoot("ledger search")
    await pilot.press("escape")
    forms = {"F": "filters", "a": "new problem", "f": "feedback", "m": "plan", "r": "report"}
    forms |= {"v": "verify", "o": "reopen", "e": "extend", "w": "withdraw"}
    for row in (0, 9):  # a problem just found, one struck off: steps refused are said too
        app.screen.query_one("#ledger-table").table.move_cursor(row=row)
        for key, name in forms.items():
            await pilot.press(key)
            await shoot(f"ledger row {row} {name}")
            if app.screen is not ledger_screen:
                await pilot.press("escape")
            await settle(pilot)
    app.push_screen(ErrorScreen("—"))
    await with_help("error")
    return shots


def _english_leftovers(lines: list[str], texts: UserTexts) -> list[str]:
    words = _chinese_in_the_english_catalogue()
    found = []
    for line in lines:
        rest = texts.blank_out(line)
        for word in words:
            rest = rest.replace(word, " ")
        if CJK.search(rest):
            found.append(line.strip())
    return found


def _chinese_leftovers(lines: list[str], texts: UserTexts, ids: set[str]) -> list[str]:
    found = []
    for line in lines:
        rest = re.sub(r"\b[a-z_]+\.[a-z_.]+\b", " ", line)  # binding ids, file names
        rest = re.sub(r"(?<![A-Za-z])/[^\s]*", " ", rest)  # paths
        rest = texts.blank_out(rest)
        words = set(re.findall(r"[A-Za-z]{2,}", rest)) - LATIN_IN_ZH - ids
        if words:
            found.append(f"{sorted(words)}: {line.strip()}")
    return found


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_every_screen_speaks_one_language(demo_db, language, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the report dialog writes its document here
    texts = UserTexts(demo_db, leave_out=SHOWN_IN_OWN_WORDS)
    database = Database.open(str(demo_db))
    unit_id = next(node.id for node in unit_tree(database) if node.short_name == "县工信局")
    set_language(language)
    app = OrgevalApp(database, keymap={})

    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        shots = await _every_screen(app, pilot, unit_id)

    from orgeval_tui.app import binding_ids

    problems = {}
    for name, lines in shots:
        if language == "en":
            leftovers = _english_leftovers(lines, texts)
        else:
            # The evaluator is named by the OS account, as it is.
            leftovers = _chinese_leftovers(lines, texts, binding_ids() | {current_actor()})
        if leftovers:
            problems[name] = leftovers
    assert not problems, "\n".join(f"{n}:\n  " + "\n  ".join(v) for n, v in problems.items())
