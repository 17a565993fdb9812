"""The palette and `?` speak the user's language: Textual's own commands and
placeholder translated, widgets named as the user knows them, never by class or id."""

from __future__ import annotations

import re

from textual.widgets import Input, OptionList

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.help import HelpScreen
from orgeval_tui.i18n import set_language
from orgeval_tui.storage.database import Database

from .helpers import settle

SYSTEM_COMMANDS_EN = {"Keys", "Maximize", "Quit", "Screenshot", "Theme"}


async def _palette_texts(app, pilot) -> tuple[str, list[str]]:
    await pilot.press("ctrl+p")
    await settle(pilot)
    palette = app.screen
    placeholder = palette.query_one(Input).placeholder
    options = palette.query_one(OptionList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    return placeholder, prompts


async def test_the_palettes_commands_and_placeholder_are_in_chinese(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#unit-tree").focus()
        placeholder, prompts = await _palette_texts(app, pilot)

    assert placeholder == "搜索单位和命令…"
    shown = "\n".join(prompts)
    assert {"退出", "按键", "最大化", "截图"} <= {p.splitlines()[0] for p in prompts}
    assert not re.search(r"[A-Za-z]{3,}", shown.replace("SVG", "")), shown


async def test_the_palette_in_english_keeps_textuals_words(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#unit-tree").focus()
        placeholder, prompts = await _palette_texts(app, pilot)

    assert placeholder == "Search for units and commands…"
    assert SYSTEM_COMMANDS_EN - {"Theme"} <= {p.splitlines()[0] for p in prompts}


async def _help_titles(app, pilot) -> list[str]:
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    titles = [title for title, _rows in app.screen.groups]
    await pilot.press("escape")
    await pilot.pause()
    return titles


async def test_help_names_each_widget_as_the_user_knows_it(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#unit-tree").focus()
        tree_titles = await _help_titles(app, pilot)
        app.screen.query_one("#progress").focus()
        table_titles = await _help_titles(app, pilot)

    assert tree_titles[0] == "单位树的按键"
    assert table_titles[0] == "评估进度表的按键"
    for title in tree_titles + table_titles:
        assert not re.search(r"[A-Za-z]", title), title


async def test_help_in_english_names_no_class(demo_db):
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#progress").focus()
        titles = await _help_titles(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        unit_titles = await _help_titles(app, pilot)

    assert titles[0] == "Keys of the progress table"
    for title in titles + unit_titles:
        assert not re.search(r"[a-z][A-Z]|-", title), title
