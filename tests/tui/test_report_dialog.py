"""Writing a report from the TUI: `R` on a unit's screen and the palette's commands open
the dialog; Enter writes the document in a thread; the dialog shows its title and path,
which `c` copies; a refusal is said in the dialog and writes nothing."""

from __future__ import annotations

import docx
import pytest
from textual.widgets import Input, ProgressBar, Select

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.report import ReportScreen
from orgeval_tui.i18n import set_language
from orgeval_tui.storage.database import Database

from .helpers import bureau_id, settle

BUREAU = "县工业和信息化局"
SUMMARY_TITLE = "关于机构编制执行情况和使用效益评估情况的专报"


@pytest.fixture(autouse=True)
def chinese(tmp_path, monkeypatch):
    """In Chinese, started in a folder of the test's own (the default file lands there)."""
    set_language("zh")
    monkeypatch.chdir(tmp_path)


def _app(demo_db) -> OrgevalApp:
    return OrgevalApp(Database.open(str(demo_db)), keymap={})


async def _dialog_from_the_bureau(pilot, demo_db) -> ReportScreen:
    await settle(pilot)
    pilot.app.open_unit(bureau_id(demo_db))
    await settle(pilot)
    await pilot.press("R")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ReportScreen)
    return dialog


def _choices(dialog: ReportScreen) -> tuple:
    return (
        dialog.query_one("#field-kind", Select).value,
        dialog.query_one("#field-format", Select).value,
        dialog.query_one("#field-file", Input).value,
    )


def _text(path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


async def test_the_unit_screen_writes_the_word_report_and_copies_its_path(
    demo_db, tmp_path, monkeypatch
):
    copied: list[str] = []
    app = _app(demo_db)
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        dialog = await _dialog_from_the_bureau(pilot, demo_db)
        offered = _choices(dialog)
        await pilot.press("enter")
        await settle(pilot)
        shown = str(dialog.query_one("#report-written").render())
        bar = dialog.query_one(ProgressBar)
        progress = (bar.progress, bar.total)
        await pilot.press("c")
        await settle(pilot)
        notices = [str(toast.render()) for toast in app.screen.query("Toast")]
        still_open = app.screen is dialog

    written = tmp_path / f"{BUREAU}评估报告.docx"
    assert offered == ("unit", ".docx", f"{BUREAU}评估报告.docx")
    document = docx.Document(str(written))
    assert document.paragraphs[0].text == f"{BUREAU}机构编制执行情况和使用效益评估报告"
    assert "71.21%" in _text(written)
    assert f"已写出：{BUREAU}机构编制执行情况和使用效益评估报告" in shown
    assert str(written.resolve()) in shown
    assert progress == (3, 3)
    assert copied == [str(written.resolve())]
    assert any("已复制路径" in notice and str(written.resolve()) in notice for notice in notices)
    assert still_open


async def test_a_folder_that_does_not_exist_is_refused_in_the_dialog(demo_db, tmp_path):
    target = tmp_path / "没有的文件夹" / "报告.docx"
    app = _app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog_from_the_bureau(pilot, demo_db)
        dialog.query_one("#field-file", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        error = str(dialog.query_one(".form-error").render())
        kept = _choices(dialog)
        still_open = app.screen is dialog
        shown = dialog.query_one("#report-written").display
        # Nothing written: `c` has no path to copy.
        can_copy = dialog.check_action("copy_path", ())

    assert still_open and not shown and not can_copy
    assert str(target) in error
    assert kept == ("unit", ".docx", str(target))
    assert not target.parent.exists()


async def test_a_broken_template_is_refused_naming_the_field_and_nothing_is_written(
    demo_db, tmp_path, monkeypatch
):
    """The office's template (the config's templates folder) names a field that does
    not exist: the dialog says which and where; the file is not written."""
    from docx import Document

    folder = tmp_path / "模板"
    folder.mkdir()
    broken = Document()
    broken.add_paragraph("{{ unit.nmae }}评估报告")
    broken.save(str(folder / "unit-report.docx"))
    config = tmp_path / "config.toml"
    config.write_text(f'[reports]\ntemplates = "{folder}"\n', encoding="utf-8")
    monkeypatch.setenv("ORGEVAL_CONFIG", str(config))
    app = _app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog_from_the_bureau(pilot, demo_db)
        await pilot.press("enter")
        await settle(pilot)
        error = str(dialog.query_one(".form-error").render())
        still_open = app.screen is dialog

    assert still_open
    assert "unit.nmae" in error and "unit-report.docx" in error
    assert not (tmp_path / f"{BUREAU}评估报告.docx").exists()


async def test_the_feedback_letter_is_word_only_and_the_file_follows_the_choice(demo_db):
    app = _app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog_from_the_bureau(pilot, demo_db)
        dialog.query_one("#field-format", Select).value = ".xlsx"
        await settle(pilot)
        as_workbook = _choices(dialog)
        dialog.query_one("#field-kind", Select).value = "feedback"
        await settle(pilot)
        as_letter = _choices(dialog)
        format_fixed = dialog.query_one("#field-format", Select).disabled
        await pilot.press("enter")
        await settle(pilot)
        shown = str(dialog.query_one("#report-written").render())

    assert as_workbook == ("unit", ".xlsx", f"{BUREAU}评估报告.xlsx")
    assert as_letter == ("feedback", ".docx", f"{BUREAU}问题反馈函.docx")
    assert format_fixed
    letter = docx.Document(f"{BUREAU}问题反馈函.docx")
    assert letter.paragraphs[0].text == f"关于{BUREAU}机构编制执行情况和使用效益评估问题的反馈函"
    assert f"{BUREAU}问题反馈函.docx" in shown


async def _palette(pilot, typed: str) -> None:
    await settle(pilot)
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*typed)
    await settle(pilot)
    await pilot.pause(0.3)  # the palette's search answers after a short wait
    await pilot.press("enter")
    await settle(pilot)


async def test_the_palette_opens_the_dialog_for_the_unit_named(demo_db):
    app = _app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _palette(pilot, "生成报告：县工信局")
        dialog = app.screen
        assert isinstance(dialog, ReportScreen)
        choices = _choices(dialog)
        offered = [value for _, value in dialog.fields[0].options]

    assert dialog.unit == BUREAU
    assert choices == ("unit", ".docx", f"{BUREAU}评估报告.docx")
    assert offered == ["unit", "feedback", "summary"]


async def test_the_palette_writes_the_special_report(demo_db, tmp_path):
    app = _app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _palette(pilot, "生成评估专报")
        dialog = app.screen
        assert isinstance(dialog, ReportScreen)
        choices = _choices(dialog)
        await pilot.press("enter")
        await settle(pilot)
        shown = str(dialog.query_one("#report-written").render())

    assert dialog.unit is None
    assert choices == ("summary", ".docx", "评估专报.docx")
    assert f"已写出：{SUMMARY_TITLE}" in shown
    assert str((tmp_path / "评估专报.docx").resolve()) in shown
    assert docx.Document(str(tmp_path / "评估专报.docx")).paragraphs[0].text == SUMMARY_TITLE


async def test_the_units_initials_find_its_report_after_the_unit_and_its_scoring(demo_db):
    """gxj (县工信局's initials, inside 县工信局's xgxj): the unit, its scoring, its report."""
    from textual.command import CommandList

    app = _app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press("g", "x", "j")
        await settle(pilot)
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList)
        found = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

    firsts = [prompt.splitlines()[0] for prompt in found]
    assert firsts[:3] == ["县工业和信息化局（县工信局）", f"评分：{BUREAU}", "生成报告：县工信局"]


async def test_a_report_chosen_from_the_list_is_written_with_enter(demo_db, tmp_path):
    """shift+tab to the report, its list, the feedback letter; Enter then writes it."""
    app = _app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _dialog_from_the_bureau(pilot, demo_db)
        await pilot.press("shift+tab", "shift+tab", "enter")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    letter = docx.Document(str(tmp_path / f"{BUREAU}问题反馈函.docx"))
    assert letter.paragraphs[0].text == f"关于{BUREAU}机构编制执行情况和使用效益评估问题的反馈函"


async def test_the_unit_report_is_written_as_a_workbook_when_excel_is_chosen(demo_db, tmp_path):
    import openpyxl

    app = _app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog_from_the_bureau(pilot, demo_db)
        dialog.query_one("#field-format", Select).value = ".xlsx"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        shown = str(dialog.query_one("#report-written").render())

    written = tmp_path / f"{BUREAU}评估报告.xlsx"
    assert str(written) in shown
    workbook = openpyxl.load_workbook(written)
    assert workbook.sheetnames[:3] == ["概况", "人员结构", "履职情况"]
    assert not (tmp_path / f"{BUREAU}评估报告.docx").exists()


async def test_a_refusal_speaks_the_screens_language(demo_db, tmp_path):
    set_language("en")
    app = _app(demo_db)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _dialog_from_the_bureau(pilot, demo_db)
        dialog.query_one("#field-file", Input).value = str(tmp_path / "没有的文件夹" / "r.docx")
        await pilot.press("enter")
        await settle(pilot)
        said = " ".join(str(w.render()) for w in dialog.query("Static"))
    assert "cannot write" in said and "没有的文件夹" in said
