"""The scoring screen as an evaluator uses it: opened from a unit or the palette, scored
by keyboard, totals moving as the keys are typed, refusals shown and nothing saved."""

from __future__ import annotations

import pytest

from orgeval_tui.app import OrgevalApp
from orgeval_tui.i18n import set_language
from orgeval_tui.screens.scoring import ScoringScreen
from orgeval_tui.services.score_sheet import score_sheet
from orgeval_tui.storage.database import Database

from .helpers import bureau_id, settle, table_rows

BUREAU = "县工业和信息化局"


@pytest.fixture(autouse=True)
def chinese():
    set_language("zh")


@pytest.fixture
def scored_demo_db(demo_template, tmp_path):
    """The demo as it ships: two evaluators' scores on every leaf of the three units."""
    import shutil

    path = tmp_path / "scored.db"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo_db(demo_db):
    """The demo before the office scores it: its evaluators' scores taken out, so that
    what the keys do is all there is (the units' self-scores stay)."""
    from sqlalchemy import delete

    from orgeval_tui.models import Score

    database = Database.open(str(demo_db))
    with database.write() as session:
        session.execute(delete(Score).where(Score.source == "office"))
    database.dispose()
    return demo_db


def _app(demo_db) -> OrgevalApp:
    return OrgevalApp(Database.open(str(demo_db)), keymap={})


async def _scoring(pilot, demo_db, unit: str = BUREAU) -> ScoringScreen:
    await settle(pilot)
    pilot.app.open_scoring(unit)
    await settle(pilot)
    assert isinstance(pilot.app.screen, ScoringScreen)
    return pilot.app.screen


def _text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_the_unit_screen_opens_scoring_with_s(demo_db):
    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pilot.app.open_unit(bureau_id(demo_db))
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ScoringScreen)
        rows = table_rows(screen.query_one("#score-table"))
        summary = _text(screen, "#score-summary")

    assert rows[0][:3] == ["A", "执行情况", "50"]
    assert ["A1.1", "内设机构设置", "4"] == rows[2][:3]
    assert "执行情况 —/50" in summary and "总分 —" in summary


async def test_the_demo_shows_its_evaluators_totals_and_their_disagreement(scored_demo_db):
    async with _app(scored_demo_db).run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, scored_demo_db)
        rows = {row[0]: row for row in table_rows(screen.query_one("#score-table"))}
        summary = _text(screen, "#score-summary")

    assert "总分 90.5 优秀" in summary and "排名 2/3" in summary and "已评 22/22" in summary
    # 张立新 5 and 刘晓燕 3 on a 6-point leaf: apart by more than a quarter of it.
    assert "4" in rows["A2.1"][6] and "!" in rows["A2.1"][6]
    assert "!" not in rows["A1.2"][6]


def _sheet(demo_db, unit: str = BUREAU):
    database = Database.open(str(demo_db))
    try:
        return score_sheet(database, unit)
    finally:
        database.dispose()


async def _after_the_poll(pilot) -> None:
    """The app reads the data marker every few seconds: the screen then reads its sheet
    again (the rank among the units moves with the other units' totals)."""
    await pilot.pause(OrgevalApp.CHANGE_POLL_SECONDS + 0.5)
    await settle(pilot)


async def _give(pilot, keys: str, note: str | None = None) -> None:
    """Type a score on the selected leaf and press Enter; ``note``: the justification
    asked for below the maximum."""
    for key in keys:
        await pilot.press(key)
    await pilot.press("enter")
    if note is not None:
        await pilot.pause()
        assert pilot.app.screen.query_one("#score-note").has_focus, "a justification is asked"
        await pilot.press(*note, "enter")
    await settle(pilot)


def _select(screen, code: str) -> None:
    table = screen.query_one("#score-table")
    table.move_cursor(row=table.codes.index(code))


async def test_the_palette_opens_scoring_for_an_evaluated_unit(demo_db):
    from textual.command import CommandList

    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press("g", "x", "j")
        await pilot.pause(1.0)
        options = pilot.app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        wanted = next(i for i, prompt in enumerate(prompts) if "评分：县工业和信息化局" in prompt)
        while options.highlighted != wanted:
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ScoringScreen)
        title = screen.title

    assert title == "评分：县工业和信息化局"


async def test_typed_points_move_the_totals_before_enter_saves_them(demo_db):
    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, demo_db)
        await pilot.press("3", ".", "5")
        typed = _text(screen, "#score-summary")
        unsaved = _sheet(demo_db).line("A1.1").mine
        await pilot.press("enter")
        await pilot.pause()
        asked = screen.query_one("#score-note").has_focus
        await pilot.press(*"wrong name", "enter")
        await settle(pilot)
        saved = _sheet(demo_db).line("A1.1").mine
        await _after_the_poll(pilot)
        after = _text(screen, "#score-summary")
        selected = screen.query_one("#score-table").selected_code

    assert "执行情况 3.5/50" in typed and "已评 1/22" in typed
    assert unsaved is None, "nothing is saved before Enter"
    assert asked, "3.5 of 4 asks for a justification"
    assert (saved.points, saved.note) == (3.5, "wrong name")
    assert "执行情况 3.5/50" in after and "排名 1/1" in after
    assert selected == "A1.2", "Enter moves to the next leaf"


async def test_nine_points_on_an_eight_point_leaf_is_refused_and_kept(demo_db):
    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, demo_db)
        _select(screen, "B1.1")
        await pilot.pause()
        await _give(pilot, "9")
        message = _text(screen, "#score-message")
        entry = _text(screen, "#score-entry")
        selected = screen.query_one("#score-table").selected_code

    assert "未保存" in message and "B1.1" in message and "8" in message, message
    assert "我评：9" in entry, "what was typed is kept"
    assert selected == "B1.1"
    assert _sheet(demo_db).line("B1.1").mine is None


async def test_a_finalised_unit_refuses_a_typed_score_with_the_reason(demo_db):
    from orgeval_tui.services.scores import finalize, set_score

    database = Database.open(str(demo_db))
    for line in score_sheet(database, BUREAU).lines:
        set_score(database, BUREAU, line.leaf.code, points=line.leaf.maximum)
    finalize(database, BUREAU)
    database.dispose()
    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, demo_db)
        await pilot.press("2")
        message = _text(screen, "#score-message")
        summary = _text(screen, "#score-summary")

    assert "已定稿" in summary and "总分 100.0 优秀" in summary
    assert "已定稿" in message and "R" in message


# Each pilot unit scored leaf by leaf, in the rubric's order, by keys alone: (keys, note).
# 县总工会 has no duty log: the four duty leaves are N/A, so its maximum is 80.
UNION = (
    [("4", None), ("4", None), ("6", None), ("3", "jzbj"), ("6", None), ("4", None)]
    + [("5", None), ("3", None), ("4", None), ("3", None), ("4", None), ("3", None)]
    + [("n", None)] * 4
    + [("1", "blpj"), ("5", None), ("5", None), ("3", None), ("6", None), ("5", "wj")]
)
# 县工信局: every suggestion accepted (its explanation as the justification), B3.1 typed.
BUREAU_KEYS = [("a", "")] * 19 + [("3", None), ("a", ""), ("a", "")]
# 县气象局: one instance of 超编进人 (a veto leaf) as a count; the duty leaves N/A.
WEATHER = (
    [("4", None), ("4", None), ("6", None), ("4", None), ("x1", "cbjr"), ("4", None)]
    + [("5", None), ("3", None), ("4", None), ("3", None), ("4", None), ("3", None)]
    + [("n", None)] * 4
    + [("5", None)] * 3
    + [("3", None), ("6", None), ("6", None)]
)


async def test_the_three_pilot_units_scored_completely_by_keyboard(demo_db):
    plans = {"县总工会": UNION, BUREAU: BUREAU_KEYS, "县气象局": WEATHER}
    summaries = {}
    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        for unit, plan in plans.items():
            screen = await _scoring(pilot, demo_db, unit)
            for keys, note in plan:
                if keys in ("n", "a"):
                    await pilot.press(keys)
                    if note is not None:
                        await pilot.pause()
                        if screen.query_one("#score-note").has_focus:
                            await pilot.press("enter")
                    await settle(pilot)
                else:
                    await _give(pilot, keys, note)
            await _after_the_poll(pilot)
            summaries[unit] = _text(screen, "#score-summary")
            await pilot.press("escape")
            await settle(pilot)
        screen = await _scoring(pilot, demo_db, "县总工会")
        summaries["again"] = _text(screen, "#score-summary")

    sheets = {unit: _sheet(demo_db, unit) for unit in plans}
    # 总工会: 74 of 80 (A 49/50, B 25/30) → 92.5 优秀.
    union = sheets["县总工会"].result
    assert (union.overall.points, union.overall.maximum) == (74, 80)
    assert union.grade == "excellent"
    assert "执行情况 49/50  使用效益 25/30  总分 92.5 优秀" in summaries["县总工会"]
    # 工信局: the suggestions 48 + 40.5 and B3.1's 3 → 91.5 优秀.
    bureau = sheets[BUREAU].result
    assert (bureau.overall.points, bureau.overall.maximum) == (91.5, 100)
    assert "执行情况 48/50  使用效益 43.5/50  总分 91.5 优秀" in summaries[BUREAU]
    assert sheets[BUREAU].line("A1.2").mine.count == 1
    assert "台账问题" in sheets[BUREAU].line("A1.2").mine.note
    # 气象局: 78 of 80 → 97.5, but the veto A3.1 lost points: capped at 合格.
    weather = sheets["县气象局"].result
    assert (weather.overall.points, weather.overall.maximum, weather.vetoed) == (78, 80, ("A3.1",))
    assert weather.grade == "pass"
    assert "总分 97.5 合格" in summaries["县气象局"] and "A3.1" in summaries["县气象局"]
    assert "排名 1/3" in summaries["县气象局"]
    assert "排名 2/3" in summaries["again"]


def _score_all_but(demo_db, *left: str) -> None:
    """Every leaf of 县工信局 at its maximum by the service, but ``left``."""
    from orgeval_tui.services.scores import set_score

    database = Database.open(str(demo_db))
    for line in score_sheet(database, BUREAU).lines:
        if line.leaf.code not in left:
            set_score(database, BUREAU, line.leaf.code, points=line.leaf.maximum)
    database.dispose()


async def test_marking_the_last_leaf_not_applicable_takes_it_out_of_the_maximum(demo_db):
    _score_all_but(demo_db, "B3.1")
    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, demo_db)
        before = _text(screen, "#score-summary")
        _select(screen, "B3.1")
        await pilot.press("n")
        await settle(pilot)
        after = _text(screen, "#score-summary")
        row = table_rows(screen.query_one("#score-table"))[-3]

    assert "使用效益 47/50" in before and "总分 97.0 优秀" in before
    assert "使用效益 47/47" in after and "总分 100.0 优秀" in after
    # The unit's own 3 stands beside it; no suggestion on a graded leaf.
    assert row[:6] == ["B3.1", "自评质量", "3", "3", "—", "不适用"]
    assert _sheet(demo_db).line("B3.1").mine.not_applicable


async def test_e_edits_the_justification_of_a_saved_score_inline(demo_db):
    _score_all_but(demo_db)
    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, demo_db)
        _select(screen, "A1.2")
        await pilot.press("e")
        await pilot.press(*"seen on site", "enter")
        await settle(pilot)
        row = table_rows(screen.query_one("#score-table"))[3]

    mine = _sheet(demo_db).line("A1.2").mine
    assert (mine.points, mine.note) == (4, "seen on site")
    assert row[7] == "seen on site"


async def test_f_finalises_and_r_reopens_with_a_reason(demo_db):
    _score_all_but(demo_db)
    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, demo_db)
        await pilot.press("F")
        await settle(pilot)
        finalised = _text(screen, "#score-summary")
        await pilot.press("R")
        await pilot.press(*"recount", "enter")
        await settle(pilot)
        reopened = _text(screen, "#score-summary")

    assert "已定稿" in finalised
    assert "已定稿" not in reopened
    assert not _sheet(demo_db).finalized


async def test_the_unit_screen_footer_offers_scoring(demo_db):
    from .helpers import footer_words

    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pilot.app.open_unit(bureau_id(demo_db))
        await settle(pilot)
        words = footer_words(pilot.app.screen)

    assert "s 评分" in words


async def test_a_justification_with_markup_and_escapes_shows_as_written(demo_db):
    from orgeval_tui.services.scores import set_score

    note = "挂牌[/b]不规范[red]\x1b[2J"
    database = Database.open(str(demo_db))
    set_score(database, BUREAU, "A1.2", points=3.5, note=note)
    database.dispose()
    async with _app(demo_db).run_test(size=(120, 40)) as pilot:
        screen = await _scoring(pilot, demo_db)
        _select(screen, "A1.2")
        await pilot.pause()
        shown = _text(screen, "#score-detail")
        cell = table_rows(screen.query_one("#score-table"))[3][7]

    assert "挂牌[/b]不规范[red]␛[2J" in shown
    assert cell.startswith("挂牌[/b]")


async def test_the_footer_offers_enter_to_save(demo_db):
    from .helpers import footer_words

    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, demo_db)
        words = footer_words(screen)

    assert words[0] == "⏎ 保存"


async def test_a_unit_not_under_evaluation_says_so_once(demo_db, monkeypatch):
    from orgeval_tui.services import score_sheet as sheets

    real, calls = sheets.score_sheet, []

    def counted(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(sheets, "score_sheet", counted)
    async with _app(demo_db).run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, demo_db, "龙家圈街道")
        await pilot.pause(0.5)
        await settle(pilot)
        message = _text(screen, "#score-message")

    assert "龙家圈街道不在评估项目" in message, message
    assert calls == ["龙家圈街道"], "read once, not again and again"


async def test_a_leaf_shows_the_on_site_findings_that_bear_on_it(scored_demo_db):
    """The evidence for a score: the archive review's finding on A1.2's signage, with the
    problem it became; a leaf no finding bears on shows none."""
    async with _app(scored_demo_db).run_test(size=(80, 24)) as pilot:
        screen = await _scoring(pilot, scored_demo_db)
        _select(screen, "A1.2")
        await settle(pilot)
        signage = _text(screen, "#score-detail")
        _select(screen, "A1.1")
        await settle(pilot)
        sections = _text(screen, "#score-detail")

    assert "实地发现（1）实地查看 07-13：“运行监测科”仍挂" in signage
    assert "→ 2021-006" in signage
    assert "实地发现" not in sections
