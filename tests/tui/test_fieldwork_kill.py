"""Notes typed in the real application survive its end mid-typing: `kill -9`, and the
terminal closed under it (`tmux kill-session`, a dropped SSH connection). What was
typed up to one second before the end is in the draft, and the editor opened again
brings it back with a notice."""

from __future__ import annotations

import time

import pytest

from orgeval_tui.app import OrgevalApp
from orgeval_tui.i18n import set_language
from orgeval_tui.services import fieldwork

from .fieldwork_office import PLACE, build_field_office
from .helpers import settle
from .terminal import Terminal

# Typed a character every 80 ms for about three seconds: an evaluator typing fast.
WORDS = "岗位职责基本清晰，但窗口人员不足，群众等候时间较长。档案管理规范。"
GAP = 0.08


def _open_the_editor(terminal: Terminal) -> None:
    """Home, Enter on the unit, the On-site tab, Enter on its activity: by keys, each
    step waited for on the screen."""
    terminal.wait_for("县工信局")
    terminal.send("\r")
    terminal.wait_for("实地评估活动")  # the overview's figures: the screen is ready
    # [ three times, from the overview back past the audit and problems tabs to On-site,
    # each tab waited for and its table's focus let settle: a switch made while the last
    # tab's table is being focused is undone by that focus (TabbedContent shows the pane
    # of a widget focused by the program).
    for shown in ("最新的在前", "整改时限", PLACE):
        terminal.forget_output()
        terminal.send("[")
        terminal.wait_for(shown)
        time.sleep(0.5)
    # Enter goes to the activity table once it has the focus: its `a 新建` in the footer.
    terminal.wait_for("新建")
    terminal.forget_output()
    terminal.send("\r")
    terminal.wait_for("个别访谈 · 2026-11-20")
    time.sleep(0.3)


def _type(terminal: Terminal) -> list[tuple[float, str]]:
    """Each character typed, with when it was sent: (time, the text typed so far)."""
    typed = []
    for end in range(1, len(WORDS) + 1):
        terminal.send(WORDS[end - 1])
        typed.append((time.monotonic(), WORDS[:end]))
        time.sleep(GAP)
    return typed


def _draft(office) -> str | None:
    database = office.open()
    try:
        return fieldwork.activity_detail(database, office.activity_id).draft
    finally:
        database.dispose()


def _typed_before(typed, moment: float) -> str:
    return next((text for sent, text in reversed(typed) if sent <= moment), "")


async def _reopened(office) -> tuple[str, bool, str]:
    set_language("zh")
    app = OrgevalApp(office.open(), keymap={})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_activity(office.activity_id)
        await settle(pilot)
        notice = app.screen.query_one("#fw-notice")
        return app.screen.query_one("#fw-notes").text, notice.display, str(notice.render())


@pytest.mark.parametrize("end", ["kill -9", "terminal closed", "terminal closed under nohup"])
async def test_typing_ended_abruptly_loses_at_most_the_last_second(tmp_path, end):
    office = build_field_office(tmp_path / "office.db")
    terminal = Terminal(
        "--db", str(office.path), "--lang", "zh", hangup_ignored=end.endswith("nohup")
    )
    exit_status = None
    try:
        _open_the_editor(terminal)
        typed = _type(terminal)
        ended = time.monotonic()
        if end == "kill -9":
            terminal.kill()
        else:
            exit_status = terminal.hang_up()
    finally:
        terminal.end()

    draft = _draft(office)
    if exit_status is not None:
        # A hang-up is heard: the application keeps what was typed to the last key and
        # ends by itself (SIGHUP ignored or not), leaving no process behind.
        assert (exit_status, draft) == (0, WORDS)
    assert draft is not None, "nothing of what was typed was kept"
    assert WORDS.startswith(draft), f"the draft is not what was typed: {draft!r}"
    kept_at_least = _typed_before(typed, ended - 1.0)
    assert len(draft) >= len(kept_at_least), (
        f"lost more than the last second: kept {draft!r}, typed a second before the end "
        f"{kept_at_least!r}"
    )
    text, notice_shown, notice = await _reopened(office)
    assert text == draft
    assert notice_shown and notice.startswith("已恢复")
