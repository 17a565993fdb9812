"""The on-site tab and the note editor, driven by keys: an activity started from the
tab, notes typed and kept as a draft within a second, a draft recovered with a notice,
escape saving the notes, a finding made of the line under the cursor and sent to the
ledger."""

from __future__ import annotations

import asyncio
import time

import pytest

from orgeval_tui.app import OrgevalApp
from orgeval_tui.i18n import set_language
from orgeval_tui.screens.fieldwork import FieldworkScreen
from orgeval_tui.screens.unit import UnitScreen
from orgeval_tui.services import fieldwork

from .fieldwork_office import PLACE, build_field_office
from .helpers import settle, table_rows
from .screen_text import screen_texts


def _app(office) -> OrgevalApp:
    return OrgevalApp(office.open(), keymap={})


async def _on_the_tab(pilot, office) -> UnitScreen:
    await settle(pilot)
    pilot.app.open_unit(office.unit_id)
    await settle(pilot)
    screen = pilot.app.screen
    screen.query_one("#tabs").active = "fieldwork"
    await settle(pilot)
    assert screen.query_one("#tabs").active == "fieldwork"
    return screen


async def _in_the_editor(pilot, office) -> FieldworkScreen:
    await _on_the_tab(pilot, office)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, FieldworkScreen)
    return screen


async def _type(pilot, text: str) -> None:
    for character in text:
        await pilot.press("enter" if character == "\n" else character)


async def _draft_within(office, seconds: float, wanted: str) -> str | None:
    """The activity's draft as the database has it, once it is ``wanted`` or when
    ``seconds`` have passed."""
    database = office.open()
    try:
        deadline = time.monotonic() + seconds
        while True:
            draft = fieldwork.activity_detail(database, office.activity_id).draft
            if draft == wanted or time.monotonic() > deadline:
                return draft
            await asyncio.sleep(0.05)
    finally:
        database.dispose()


def _detail(office):
    database = office.open()
    try:
        return fieldwork.activity_detail(database, office.activity_id)
    finally:
        database.dispose()


async def test_the_tab_lists_the_units_activities_with_a_draft_marked(tmp_path):
    office = build_field_office(tmp_path / "office.db", activities=2)
    database = office.open()
    fieldwork.save_draft(database, office.activity_id, "typed, not saved")
    database.dispose()
    set_language("zh")

    async with _app(office).run_test(size=(80, 24)) as pilot:
        screen = await _on_the_tab(pilot, office)
        rows = table_rows(screen.query_one("#fieldwork-table"))
        overview = dict(table_rows(screen.query_one("#overview-table")))

    assert rows == [
        ["2026-11-20", "个别访谈", PLACE, "0", "草稿"],
        ["2026-11-21", "个别访谈", PLACE, "0", ""],
    ]
    assert overview["实地评估活动"] == "2 项（明细见“实地”页签）"


async def test_a_on_the_tab_starts_an_activity_and_opens_its_editor(tmp_path, actor):
    office = build_field_office(tmp_path / "office.db", activities=0)
    actor("李评估", db=office.open())
    set_language("zh")

    async with _app(office).run_test(size=(80, 24)) as pilot:
        screen = await _on_the_tab(pilot, office)
        empty = screen.query_one("#fieldwork-empty").display
        await pilot.press("a")
        await settle(pilot)
        form = pilot.app.screen
        evaluators = form.query_one("#field-evaluators").value
        form.query_one("#field-kind").value = "callback"
        form.query_one("#field-place").value = "县政务服务中心"
        form.query_one("#field-people").text = "窗口工作人员\n群众:李四"
        await pilot.click("#form-ok")
        await settle(pilot)
        editor = pilot.app.screen
        header = str(editor.query_one("#fw-particulars").render())
        focused = pilot.app.focused.id

    database = office.open()
    (row,) = fieldwork.list_activities(database)
    detail = fieldwork.activity_detail(database, row.id)
    database.dispose()
    assert empty, "an empty tab says how to start"
    assert evaluators == "李评估", "the evaluator is the one logged in"
    assert (detail.kind, detail.place, detail.evaluators) == (
        "callback",
        "县政务服务中心",
        "李评估",
    )
    assert [p.shown for p in detail.people_met] == ["窗口工作人员", "群众（李四）"]
    assert isinstance(editor, FieldworkScreen)
    assert header.startswith("电话回访 · ") and "县政务服务中心" in header
    assert focused == "fw-notes", "the notes take the keys at once"


async def test_what_is_typed_reaches_the_draft_within_a_second_and_a_half(tmp_path):
    office = build_field_office(tmp_path / "office.db")
    set_language("zh")

    async with _app(office).run_test(size=(80, 24)) as pilot:
        await _in_the_editor(pilot, office)
        await _type(pilot, "岗位职责基本清晰\n人员不足")
        draft = await _draft_within(office, 1.5, "岗位职责基本清晰\n人员不足")
        shown = pilot.app.screen.query_one("#fw-notes").text

    assert draft == "岗位职责基本清晰\n人员不足"
    assert shown == draft
    assert _detail(office).notes == "", "a draft is not the notes until saved"


async def test_an_editor_reopened_over_a_draft_shows_it_and_says_so(tmp_path, actor, pin_today):
    from datetime import date

    office = build_field_office(tmp_path / "office.db")
    pin_today(date(2026, 11, 20))
    actor("李评估", db=office.open())
    database = office.open()
    fieldwork.save_notes(database, office.activity_id, "saved notes")
    fieldwork.save_draft(database, office.activity_id, "saved notes\nand what followed")
    database.dispose()
    set_language("en")

    async with _app(office).run_test(size=(80, 24)) as pilot:
        screen = await _in_the_editor(pilot, office)
        text = screen.query_one("#fw-notes").text
        notice = str(screen.query_one("#fw-notice").render())
        shown = screen.query_one("#fw-notice").display

    assert text == "saved notes\nand what followed"
    assert shown
    assert notice.startswith("A draft from 2026-11-20 12:00, typed by 李评估, was recovered")


async def test_escape_saves_the_notes_and_the_tab_shows_no_draft(tmp_path):
    office = build_field_office(tmp_path / "office.db")
    set_language("zh")

    async with _app(office).run_test(size=(80, 24)) as pilot:
        await _in_the_editor(pilot, office)
        await _type(pilot, "档案齐全")
        await pilot.press("escape")
        await settle(pilot)
        screen = pilot.app.screen
        await settle(pilot)
        rows = table_rows(screen.query_one("#fieldwork-table"))

    detail = _detail(office)
    assert isinstance(screen, UnitScreen)
    assert (detail.notes, detail.draft) == ("档案齐全", None)
    assert rows[0][4] == ""


async def test_a_save_made_meanwhile_is_said_and_the_typed_notes_stay_in_the_draft(tmp_path):
    office = build_field_office(tmp_path / "office.db")
    set_language("en")

    async with _app(office).run_test(size=(80, 24)) as pilot:
        screen = await _in_the_editor(pilot, office)
        await _type(pilot, "mine")
        database = office.open()
        fieldwork.save_notes(database, office.activity_id, "someone else's")
        database.dispose()
        await pilot.press("escape")
        await settle(pilot)
        stayed = pilot.app.screen is screen
        said = str(screen.query_one("#fw-message").render())
        await pilot.press("escape")
        await settle(pilot)
        left = pilot.app.screen is not screen

    detail = _detail(office)
    assert stayed and left
    assert "saved meanwhile by someone else" in said
    assert (detail.notes, detail.draft) == ("someone else's", "mine")


async def test_f3_records_the_line_under_the_cursor_and_f4_sends_it_to_the_ledger(tmp_path, cli):
    office = build_field_office(tmp_path / "office.db")
    set_language("zh")

    async with _app(office).run_test(size=(80, 24)) as pilot:
        screen = await _in_the_editor(pilot, office)
        await _type(pilot, "窗口人员不足\n群众等候时间长")
        await pilot.press("up")
        await pilot.press("f3")
        await settle(pilot)
        form = pilot.app.screen
        proposed = form.query_one("#field-text").text
        form.query_one("#field-severity").value = "high"
        await pilot.click("#form-ok")
        await settle(pilot)
        listed = [str(o.prompt) for o in screen.query_one("#fw-findings").options]
        await pilot.press("f4")
        await settle(pilot)
        said = str(screen.query_one("#fw-message").render())
        after = [str(o.prompt) for o in screen.query_one("#fw-findings").options]

    (finding,) = _detail(office).findings
    number = finding.problem_number
    assert proposed == "窗口人员不足"
    assert (finding.text, finding.severity) == ("窗口人员不足", "high")
    assert listed == [f"{finding.id}. [高] 窗口人员不足"]
    assert number is not None and number in said
    assert after == [f"{finding.id}. [高] 窗口人员不足  → {number}"]
    shown = cli("--db", str(office.path), "--lang", "zh", "ledger", "show", number)
    assert shown.code == 0, shown.err
    assert "窗口人员不足" in shown.out and "实地" in shown.out


async def test_f3_on_an_empty_line_says_why_nothing_is_recorded(tmp_path):
    office = build_field_office(tmp_path / "office.db")
    set_language("en")

    async with _app(office).run_test(size=(80, 24)) as pilot:
        screen = await _in_the_editor(pilot, office)
        await pilot.press("f3")
        await settle(pilot)
        said = str(screen.query_one("#fw-message").render())
        still = pilot.app.screen is screen

    assert still
    assert said.startswith("The line under the cursor is empty")
    assert _detail(office).findings == ()


async def test_the_outline_on_f2_writes_a_heading_and_marks_it_answered(tmp_path):
    office = build_field_office(tmp_path / "office.db")
    set_language("zh")

    async with _app(office).run_test(size=(80, 24)) as pilot:
        screen = await _in_the_editor(pilot, office)
        hidden = not screen.query_one("#fw-side").display
        await pilot.press("f2")
        await settle(pilot)
        shown = screen.query_one("#fw-side").display
        await pilot.press("down", "enter")  # 工作量是否饱和
        await _type(pilot, "加班较多")
        await _draft_within(office, 1.5, "【工作量是否饱和】\n加班较多")
        await asyncio.sleep(0.1)
        await settle(pilot)
        marks = [str(o.prompt) for o in screen.query_one("#fw-outline").options]
        await pilot.press("f2", "f2", "enter")  # to the heading already there
        cursor = screen.query_one("#fw-notes").cursor_location
        text = screen.query_one("#fw-notes").text

    assert hidden and shown
    assert text == "【工作量是否饱和】\n加班较多"
    assert marks[1] == "✓ 工作量是否饱和" and marks[0] == "  岗位职责是否清晰"
    assert cursor == (0, len("【工作量是否饱和】"))


async def test_the_outline_is_beside_the_notes_from_100_columns(tmp_path):
    office = build_field_office(tmp_path / "office.db")

    async with _app(office).run_test(size=(120, 40)) as pilot:
        screen = await _in_the_editor(pilot, office)
        wide = screen.query_one("#fw-side").display
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        narrow = screen.query_one("#fw-side").display

    assert wide and not narrow


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_on_site_screens_speak_the_users_language(tmp_path, language):
    """The tab, its form, the editor (with a recovered draft), its help and its finding
    form: in en no Chinese but the user's data and the shipped outline's questions; in zh
    no English but key names and binding ids."""
    from orgeval_tui.app import binding_ids
    from orgeval_tui.domain.actor import current_actor

    from .screen_text import UserTexts
    from .test_screen_words import _chinese_leftovers, _english_leftovers

    office = build_field_office(tmp_path / "office.db")
    database = office.open()
    fieldwork.save_draft(database, office.activity_id, "草稿")
    database.dispose()
    set_language(language)
    shots = []

    async with _app(office).run_test(size=(120, 40)) as pilot:

        async def shoot(name: str) -> None:
            await settle(pilot)
            shots.append((name, screen_texts(pilot.app.screen)))

        await _on_the_tab(pilot, office)
        await shoot("tab")
        await pilot.press("a")
        await shoot("new activity form")
        await pilot.press("escape")
        await pilot.press("enter")
        await shoot("editor")
        outline = pilot.app.screen.detail.outline  # the office's questions, as shipped
        await pilot.press("f1")
        await shoot("editor help")
        await pilot.press("escape", "f3")
        await shoot("empty line refused")
        await pilot.press("up", "f3")
        await shoot("finding form")

    texts = UserTexts(office.path)
    problems = {}
    people = ("办公室主任", "科员", "张三")  # stored as JSON, which UserTexts reads whole
    keys = {"alt", "del"}  # key names the text box's help shows (alt+del)
    for name, lines in shots:
        lines = [line for line in lines if line.strip() not in outline]
        for person in people:
            lines = [line.replace(person, " ") for line in lines]
        if language == "en":
            leftovers = _english_leftovers(lines, texts)
        else:
            allowed = binding_ids() | {current_actor()} | keys
            leftovers = _chinese_leftovers(lines, texts, allowed)
        if leftovers:
            problems[name] = leftovers
    assert not problems, problems


async def test_control_characters_in_notes_and_pastes_never_reach_the_terminal(tmp_path):
    """Notes imported with an escape sequence (ESC[2J clears the screen) and a paste
    carrying one: the text box shows them as visible characters."""
    from textual import events

    office = build_field_office(tmp_path / "office.db")
    database = office.open()
    fieldwork.save_notes(database, office.activity_id, "会议记录\x1b[2J清屏")
    database.dispose()

    async with _app(office).run_test(size=(80, 24)) as pilot:
        screen = await _in_the_editor(pilot, office)
        editor = screen.query_one("#fw-notes")
        paste = events.Paste("贴入\x1b]52;c;aGk=\x07\r\n下一行")
        pilot.app.post_message(paste)  # as the terminal sends it: to the app
        await settle(pilot)
        text = editor.text
        drawn = "".join(strip.text for strip in pilot.app.screen._compositor.render_strips())

    assert text == "会议记录␛[2J清屏贴入␛]52;c;aGk=␇\n下一行"
    assert "\x1b" not in drawn and "\x07" not in drawn


async def test_quitting_from_the_editor_saves_the_notes_first(tmp_path):
    """ctrl+q in the middle of a sentence: what was typed in the last second is not in
    the draft yet, so the notes are saved before the application ends."""
    office = build_field_office(tmp_path / "office.db")
    app = _app(office)

    async with app.run_test(size=(80, 24)) as pilot:
        await _in_the_editor(pilot, office)
        await _type(pilot, "最后一句")
        await pilot.press("ctrl+q")
        await settle(pilot)

    detail = _detail(office)
    assert (detail.notes, detail.draft) == ("最后一句", None)
    assert app.return_code == 0


async def test_an_editor_opened_and_left_untouched_writes_nothing(tmp_path):
    office = build_field_office(tmp_path / "office.db")
    database = office.open()
    fieldwork.save_notes(database, office.activity_id, "已保存的记录")
    version = fieldwork.activity_detail(database, office.activity_id).version
    database.dispose()

    async with _app(office).run_test(size=(80, 24)) as pilot:
        screen = await _in_the_editor(pilot, office)
        await asyncio.sleep(1.2)
        await settle(pilot)
        draft = _detail(office).draft
        await pilot.press("escape")
        await settle(pilot)
        left = pilot.app.screen is not screen

    assert draft is None, "opening is not typing: no draft"
    assert left
    assert _detail(office).version == version


async def test_another_evaluator_logs_an_activity_of_the_unit_while_notes_are_typed(tmp_path):
    """The editor's drafts hold no lock between keys: another evaluator's activity of
    the same unit is written meanwhile, and the tab lists it on the way back."""
    from datetime import date

    office = build_field_office(tmp_path / "office.db")
    set_language("zh")

    async with _app(office).run_test(size=(80, 24)) as pilot:
        await _in_the_editor(pilot, office)
        await _type(pilot, "正在记录")
        other = office.open()  # another evaluator's session, on the same file
        try:
            theirs = fieldwork.add_activity(
                other, "县工信局", "site", date(2026, 11, 22), place="政务服务大厅"
            )
        finally:
            other.dispose()
        await _type(pilot, "继续")
        await pilot.press("escape")
        await settle(pilot)
        rows = table_rows(pilot.app.screen.query_one("#fieldwork-table"))

    assert [row[2] for row in rows] == [PLACE, "政务服务大厅"]
    assert _detail(office).notes == "正在记录继续"
    assert theirs.place == "政务服务大厅"
