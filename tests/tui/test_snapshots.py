"""What an evaluator sees at 80×24, in Chinese and in English, as SVG snapshots.

Update after an intended change of the screens with
`uv run pytest tests/tui/test_snapshots.py --snapshot-update` and look at the SVGs
(`tests/tui/__snapshots__/test_snapshots/`) before committing them.

The screens are made deterministic here, not in the app: "today" is pinned (overdue
problems are computed against it), the config path the help screen names is fixed (the
test profile lives in a per-run temporary directory) and NO_COLOR is unset.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import pytest_textual_snapshot

from orgeval_tui.app import OrgevalApp
from orgeval_tui.i18n import set_language
from orgeval_tui.storage.database import Database

from .helpers import bureau_id, settle

# pytest-textual-snapshot 1.0 names its file extension `_file_extension`, which syrupy 5+
# no longer reads (it reads `file_extension`), so the snapshots would be written as
# `.raw`. Name it the way syrupy reads it; harmless where the plugin already does.
pytest_textual_snapshot.SVGImageExtension.file_extension = "svg"

SIZE = (80, 24)
TODAY = date(2026, 11, 27)  # after every deadline of the pilot's ledger


@pytest.fixture(params=["zh", "en"])
def lang(request, monkeypatch, pin_today):
    pin_today(TODAY)
    monkeypatch.setenv("ORGEVAL_CONFIG", "/home/evaluator/.config/orgeval/config.toml")
    monkeypatch.delenv("NO_COLOR", raising=False)  # the App reads it when constructed
    set_language(request.param)
    return request.param


def _app(demo_db) -> OrgevalApp:
    return OrgevalApp(Database.open(str(demo_db)), keymap={})


def _open_bureau(demo_db, *keys: str):
    unit_id = bureau_id(demo_db)

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.open_unit(unit_id)
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_home(lang, demo_db, snap_compare):
    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=settle)


def test_unit_overview(lang, demo_db, snap_compare):
    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=_open_bureau(demo_db))


def test_unit_roster(lang, demo_db, snap_compare):
    assert snap_compare(
        _app(demo_db), terminal_size=SIZE, run_before=_open_bureau(demo_db, "right_square_bracket")
    )


def test_help_over_unit_overview(lang, demo_db, snap_compare):
    assert snap_compare(
        _app(demo_db), terminal_size=SIZE, run_before=_open_bureau(demo_db, "question_mark")
    )


async def _open_ledger(pilot) -> None:
    await settle(pilot)
    await pilot.press("L")
    await settle(pilot)


def test_ledger(lang, demo_db, snap_compare):
    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=_open_ledger)


def test_unit_audit(lang, demo_db, snap_compare):
    """The last tab, one step left of the first: the unit's newest audit records."""
    assert snap_compare(
        _app(demo_db), terminal_size=SIZE, run_before=_open_bureau(demo_db, "left_square_bracket")
    )


async def _problem_audit(pilot) -> None:
    await _open_ledger(pilot)
    await pilot.press("A")
    await settle(pilot)


def test_problem_audit(lang, demo_db, snap_compare):
    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=_problem_audit)


async def _ledger_extend_form(pilot) -> None:
    await _open_ledger(pilot)
    await pilot.press("G")
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)


def test_ledger_step_form(lang, demo_db, snap_compare):
    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=_ledger_extend_form)


def test_unit_log(lang, demo_db, snap_compare):
    """The log's columns (次数, 时长 included) and the footer's page keys at 80×24."""
    assert snap_compare(
        _app(demo_db),
        terminal_size=SIZE,
        run_before=_open_bureau(demo_db, *["right_square_bracket"] * 3),
    )


def test_unit_duties_chart(lang, demo_db, snap_compare):
    """A chart in focus adds its key to the footer; never-executed duties have a heading."""
    assert snap_compare(
        _app(demo_db),
        terminal_size=SIZE,
        run_before=_open_bureau(demo_db, "right_square_bracket", "right_square_bracket", "tab"),
    )


async def _ledger_filter_form(pilot) -> None:
    await _open_ledger(pilot)
    await pilot.press("F")
    await settle(pilot)


def test_ledger_filter_form(lang, demo_db, snap_compare):
    """Every field of the filter form at once, at 80×24."""
    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=_ledger_filter_form)


async def _unit_choices_open(pilot) -> None:
    """The form's unit list open, moved down three names, and the terminal resized and
    back (the partial redraw where Textual dropped the characters)."""
    await pilot.press("enter")
    await settle(pilot)
    for _ in range(3):
        await pilot.press("down")
    await pilot.resize_terminal(81, 24)
    await settle(pilot)
    await pilot.resize_terminal(*SIZE)
    await settle(pilot)


async def _new_problem_unit_choices(pilot) -> None:
    await _open_ledger(pilot)
    await pilot.press("a")
    await settle(pilot)
    await _unit_choices_open(pilot)


async def _filter_unit_choices(pilot) -> None:
    await _ledger_filter_form(pilot)
    await _unit_choices_open(pilot)


# The units' names whole in a drop-down list over the fields below it: where a CJK
# character of the list lay over the edge of a widget at an odd column (a border, a
# check box three cells wide), Textual dropped it (县气  局, textual#6357).


def test_ledger_new_problem_unit_choices(lang, demo_db, snap_compare):
    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=_new_problem_unit_choices)


def test_ledger_filter_unit_choices(lang, demo_db, snap_compare):
    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=_filter_unit_choices)


def _empty_app(tmp_path) -> OrgevalApp:
    return OrgevalApp(Database.open(str(tmp_path / "empty.db")), keymap={})


def test_home_on_an_empty_database(lang, tmp_path, snap_compare):
    """What to do first, and the three steps offered, at 80×24."""
    assert snap_compare(_empty_app(tmp_path), terminal_size=SIZE, run_before=settle)


def test_import_errors(lang, tmp_path, monkeypatch, snap_compare):
    """A roster refused: every row problem listed over the import form."""
    from orgeval_tui.services.units import add_unit

    from .first_steps_files import BAD, write_roster

    app = _empty_app(tmp_path)
    add_unit(app.database, "县工业和信息化局")
    monkeypatch.chdir(tmp_path)  # the form shows the path as typed: the same in every run
    write_roster(tmp_path / "名册.xlsx", BAD)

    async def import_bad_roster(pilot) -> None:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        pilot.app.screen.query_one("#field-file").value = "名册.xlsx"
        pilot.app.screen.query_one("#field-unit").value = "县工业和信息化局"
        await pilot.click("#form-ok")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=import_bad_roster)


def test_scoring_with_a_score_typed(lang, demo_db, snap_compare, actor):
    """县工信局's scoring screen, 3.5 typed on A1.1 and not yet saved: the totals count it
    (the evaluator named, not the account the tests run under)."""
    actor("王评估")

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.open_scoring("县工业和信息化局")
        await settle(pilot)
        await pilot.press("3", ".", "5")
        await settle(pilot)

    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=run_before)


def test_unit_review(lang, demo_db, snap_compare):
    """The 评议 tab: 自评 with the report and its evidence, then 职工问卷, 互评 below."""
    assert snap_compare(
        _app(demo_db),
        terminal_size=SIZE,
        run_before=_open_bureau(demo_db, *["right_square_bracket"] * 5),
    )


def test_unit_review_peer(lang, demo_db, snap_compare):
    """The 互评 section: departments m/n, the totals in bands, the rule for flagged raters."""
    assert snap_compare(
        _app(demo_db),
        terminal_size=SIZE,
        run_before=_open_bureau(demo_db, *["right_square_bracket"] * 5, *["tab"] * 6),
    )


def test_unit_review_report(lang, demo_db, snap_compare):
    """The self-evaluation report's text, `r` away from the 评议 tab."""
    assert snap_compare(
        _app(demo_db),
        terminal_size=SIZE,
        run_before=_open_bureau(demo_db, *["right_square_bracket"] * 5, "r"),
    )


def _field_office(tmp_path, *, finding: bool = False, draft: bool = False):
    """The note editor's office (one unit, one interview), filled through the services:
    notes with a question answered, a finding in the ledger, a draft left unsaved."""
    from orgeval_tui.services import fieldwork

    from .fieldwork_office import build_field_office

    office = build_field_office(tmp_path / "field.db", activities=2)
    database = office.open()
    notes = (
        "【岗位职责是否清晰】\n职责基本清晰，与三定规定一致。\n"
        "【工作量是否饱和】\n窗口人员不足，群众等候时间较长。"
    )
    fieldwork.save_notes(database, office.activity_id, notes)
    if finding:
        found = fieldwork.add_finding(
            database, office.activity_id, "窗口人员不足，群众等候时间较长", severity="high"
        )
        fieldwork.finding_to_ledger(database, found.id)
    if draft:
        fieldwork.save_draft(database, office.activity_id, notes + "\n【内设机构运行】\n科室分工")
    database.dispose()
    return office


def test_unit_fieldwork_tab(lang, tmp_path, snap_compare, actor):
    """The 实地 tab: each activity's date, kind, place, findings and a draft marked."""
    actor("王评估")
    office = _field_office(tmp_path, finding=True, draft=True)

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.open_unit(office.unit_id)
        await settle(pilot)
        for key in ("left_square_bracket",) * 3:  # past 审计 and 问题
            await pilot.press(key)
            await settle(pilot)

    app = OrgevalApp(office.open(), keymap={})
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def _note_editor(office, *keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.open_activity(office.activity_id)
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_note_editor(lang, tmp_path, snap_compare, actor):
    """The note editor at 80×24 over a recovered draft: its notice, the notes, the
    finding sent to the ledger with its number, the keys."""
    actor("王评估")
    office = _field_office(tmp_path, finding=True, draft=True)
    app = OrgevalApp(office.open(), keymap={})
    assert snap_compare(app, terminal_size=SIZE, run_before=_note_editor(office))


def test_note_editor_with_the_outline(lang, tmp_path, snap_compare, actor):
    """F2 at 80×24: the outline beside the notes, the questions answered ticked."""
    actor("王评估")
    office = _field_office(tmp_path, finding=True)
    app = OrgevalApp(office.open(), keymap={})
    assert snap_compare(app, terminal_size=SIZE, run_before=_note_editor(office, "f2"))


# The report dialog writes beside where orgeval was started: a folder of a fixed name, so
# the absolute path it shows once written is the same in every run.
REPORTS_FOLDER = Path("/tmp/orgeval-snapshot-reports")
DEFAULT_REPORT = {
    "zh": "县工业和信息化局评估报告.docx",
    "en": "县工业和信息化局-evaluation-report.docx",
}


@pytest.fixture
def reports_folder(monkeypatch):
    shutil.rmtree(REPORTS_FOLDER, ignore_errors=True)
    REPORTS_FOLDER.mkdir(parents=True)
    monkeypatch.chdir(REPORTS_FOLDER)
    yield REPORTS_FOLDER
    shutil.rmtree(REPORTS_FOLDER, ignore_errors=True)


def test_report_dialog(lang, demo_db, reports_folder, snap_compare):
    """`R` on 县工信局: the unit report, Word, the file named after the unit, at 80×24."""
    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=_open_bureau(demo_db, "R"))


def test_report_dialog_written(lang, demo_db, reports_folder, snap_compare):
    """Enter: the report written, its title and absolute path, and how to copy it."""
    run_before = _open_bureau(demo_db, "R", "enter")

    async def written(pilot) -> None:
        await run_before(pilot)
        assert [path.name for path in reports_folder.iterdir()] == [DEFAULT_REPORT[lang]]

    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=written)


def test_ledger_as_a_viewer(lang, demo_db, snap_compare, actor):
    """A viewer on the ledger: the header names the account and its role, and the keys
    that change problems are greyed in the footer."""
    actor("小李", role="viewer")

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)

    assert snap_compare(_app(demo_db), terminal_size=SIZE, run_before=run_before)
