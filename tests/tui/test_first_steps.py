"""Day one in the TUI: on an empty database home says what to do first, and a new user
sets up the evaluation, registers a unit and imports a roster without leaving it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from textual.widgets import Button, Input, Select, Static, TextArea

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.form import FormScreen
from orgeval_tui.dialogs.import_errors import ImportErrorsScreen
from orgeval_tui.i18n import set_language
from orgeval_tui.models import ImportRecord, Staff
from orgeval_tui.services.evaluation_setup import evaluation_details, list_evaluations
from orgeval_tui.services.evaluations import create_evaluation
from orgeval_tui.services.units import add_unit, unit_tree

from .first_steps_files import BAD, GOOD, write_roster
from .helpers import settle, table_rows, tree_labels


@pytest.fixture(autouse=True)
def chinese():
    set_language("zh")


def _app(database) -> OrgevalApp:
    return OrgevalApp(database, keymap={})


def _text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _fill(form: FormScreen, **values) -> None:
    for name, value in values.items():
        widget = form.query_one(f"#field-{name}")
        if isinstance(widget, TextArea):
            widget.text = value
        else:
            widget.value = value


async def _open(pilot, key: str) -> FormScreen:
    await pilot.press(key)
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    return form


async def _submit(pilot) -> None:
    await pilot.click("#form-ok")
    await settle(pilot)


def _counts(database) -> tuple[int, int]:
    with database.read() as session:
        staff = session.scalar(select(func.count()).select_from(Staff))
        imports = session.scalar(select(func.count()).select_from(ImportRecord))
    return staff, imports


async def test_an_empty_database_says_what_to_do_first_and_offers_it(database):
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = pilot.app.screen
        first = _text(home, "#first-steps-text")
        buttons = [str(b.label) for b in home.query("#first-steps Button").results(Button)]
        focused = pilot.app.focused.id

    assert first.startswith("数据库还是空的。第一步：设立评估项目")
    assert buttons == ["新建评估项目", "登记单位", "导入文件"]
    assert focused == "setup-evaluation", "Enter starts the first step"


async def test_a_new_evaluation_set_up_in_the_form_becomes_current(database):
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _open(pilot, "enter")  # the focused first step
        _fill(
            form,
            name="2021年度机构编制评估",
            reference_date="2021-12-31",
            prefix="2021",
            periods="2020年度=2020-01-01..2020-12-31\n2021年上半年=2021-01-01..2021-06-30",
        )
        await _submit(pilot)
        home = pilot.app.screen
        title = _text(home, "#progress-title")
        now = _text(home, "#first-steps-text")

    [made] = list_evaluations(database)
    assert made.current and made.info.name == "2021年度机构编制评估"
    assert made.info.reference_date == date(2021, 12, 31) and made.number_prefix == "2021"
    assert [p.label for p in made.info.periods] == ["2020年度", "2021年上半年"]
    assert title == "评估进度  2021年度机构编制评估\n履职：2020-01-01 – 2021-06-30"
    assert now == "尚未登记单位：请登记单位，或导入本办的文件。", "the next step is offered"


async def test_a_bad_period_line_is_refused_in_the_form_and_nothing_is_set_up(database):
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _open(pilot, "e")
        _fill(form, name="2021年度", reference_date="2021-12-31", prefix="2021", periods="全年")
        await _submit(pilot)
        error = _text(form, ".form-error")
        still_open = pilot.app.screen is form

    assert still_open and "全年" in error
    assert list_evaluations(database) == []


async def test_a_unit_added_in_the_form_is_under_the_current_evaluation(database):
    create_evaluation(database, "2021年度", date(2021, 12, 31), number_prefix="2021")
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _open(pilot, "u")
        _fill(form, name="县工业和信息化局", short="县工信局", quota_admin="12")
        await _submit(pilot)
        home = pilot.app.screen
        rows = table_rows(home.query_one("#progress"))
        tree = tree_labels(home.query_one("#unit-tree"))
        offered = home.query_one("#first-steps").display

    [unit] = unit_tree(database)
    assert (unit.name, unit.short_name, unit.quota_admin) == ("县工业和信息化局", "县工信局", 12)
    assert evaluation_details(database).units == ("县工业和信息化局",)
    assert [row[0] for row in rows] == ["县工信局"], "home shows its progress"
    assert any("县工业和信息化局" in label for label in tree)
    assert not offered, "evaluation and units are there: home shows its panes alone"


async def test_a_unit_left_out_of_the_evaluation_is_registered_only(database):
    create_evaluation(database, "2021年度", date(2021, 12, 31), number_prefix="2021")
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _open(pilot, "u")
        _fill(form, name="县气象局", in_evaluation=False)
        await _submit(pilot)

    assert [u.name for u in unit_tree(database)] == ["县气象局"]
    assert evaluation_details(database).units == ()


async def test_a_roster_imported_from_home_is_counted(database, tmp_path):
    create_evaluation(database, "2021年度", date(2021, 12, 31), number_prefix="2021")
    add_unit(database, "县工业和信息化局", short_name="县工信局", under_current_evaluation=True)
    roster = write_roster(tmp_path / "名册.xlsx", GOOD)
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _open(pilot, "i")
        _fill(form, file=roster, unit="县工业和信息化局")
        await _submit(pilot)
        rows = table_rows(pilot.app.screen.query_one("#progress"))
        closed = not isinstance(pilot.app.screen, FormScreen)

    assert closed
    assert rows[0][:2] == ["县工信局", "3"], "the three staff are counted on home"
    assert _counts(database) == (3, 1)


async def test_a_refused_import_lists_every_row_error_and_writes_nothing(database, tmp_path):
    add_unit(database, "县工业和信息化局")
    roster = write_roster(tmp_path / "名册.xlsx", BAD)
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _open(pilot, "i")
        _fill(form, file=roster, unit="县工业和信息化局")
        await _submit(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ImportErrorsScreen)
        listed = _text(dialog, "#import-errors-rows").splitlines()
        summary = _text(form, ".form-error")
        await pilot.press("escape")
        back_in_form = pilot.app.screen is form
        kept = form.query_one("#field-file", Input).value

    assert listed == [
        "在编人员!3: 姓名: 必填，但为空",
        "在编人员!4: 出生年月: 不是日期：某年某月",
        "在编人员!5: 性别: 不是性别：未知（请填写 男 或 女）",
    ]
    assert summary == "未导入：共 3 处问题，已逐行列出。改好文件后再按确定。"
    assert back_in_form and kept == roster, "the form stays, to try again"
    assert _counts(database) == (0, 0), "nothing written"


async def test_a_roster_needs_its_unit(database, tmp_path):
    add_unit(database, "县工业和信息化局")
    roster = write_roster(tmp_path / "名册.xlsx", GOOD)
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _open(pilot, "i")
        _fill(form, file=roster)
        await _submit(pilot)
        error = _text(form, ".form-error")

    assert error == "在编人员名册属于一个单位：请选择单位"
    assert _counts(database) == (0, 0)


async def test_the_steps_stay_in_the_palette_once_set_up(demo_db):
    from orgeval_tui.storage.database import Database

    async with _app(Database.open(str(demo_db))).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        offered = pilot.app.screen.query_one("#first-steps").display
        titles = [c.title for c in pilot.app.get_system_commands(pilot.app.screen)]
        form = await _open(pilot, "i")
        kinds = form.query_one("#field-kind", Select)
        units = form.query_one("#field-unit", Select)
        units.value = "县工业和信息化局"  # refused if it were not one of the choices
        chosen = units.value

    assert not offered
    assert {"新建评估项目", "登记单位", "导入文件"} <= set(titles)
    assert kinds.value == "roster"
    assert chosen == "县工业和信息化局", "the demo's units are offered"


async def test_the_form_shows_progress_while_the_file_is_imported(database, tmp_path, monkeypatch):
    import threading

    from orgeval_tui.services.intake import by_kind

    add_unit(database, "县工业和信息化局")
    roster = write_roster(tmp_path / "名册.xlsx", GOOD)
    release = threading.Event()
    real_import = by_kind.import_file

    def slow_import(*args, **kwargs):
        release.wait(10)  # a large file, still being read
        return real_import(*args, **kwargs)

    monkeypatch.setattr(by_kind, "import_file", slow_import)
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _open(pilot, "i")
        _fill(form, file=roster, unit="县工业和信息化局")
        await pilot.click("#form-ok")
        await pilot.pause()
        shown = form.query_one(".form-progress").display
        working = _text(form, ".form-working")
        ok_disabled = form.query_one("#form-ok", Button).disabled
        release.set()
        await settle(pilot)
        closed = pilot.app.screen is not form

    assert shown and ok_disabled
    assert working == "正在导入 名册.xlsx ……"
    assert closed and _counts(database) == (3, 1)


async def test_a_new_evaluation_takes_in_the_units_registered_before_it(database):
    add_unit(database, "县工业和信息化局", short_name="县工信局")
    add_unit(database, "县气象局")
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        offered = _text(pilot.app.screen, "#first-steps-text")
        form = await _open(pilot, "e")
        _fill(form, name="2021年度", reference_date="2021/12/31", prefix="2021")
        await _submit(pilot)
        rows = table_rows(pilot.app.screen.query_one("#progress"))

    assert offered.startswith("尚未设立评估项目")
    assert evaluation_details(database).units == ("县工业和信息化局", "县气象局")
    assert [row[0] for row in rows] == ["县工信局", "县气象局"]


async def test_the_unit_form_labels_read_as_labels_in_english(database):

    set_language("en")
    create_evaluation(database, "2021", date(2021, 12, 31), number_prefix="2021")
    async with _app(database).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _open(pilot, "u")
        labels = [str(label.render()).strip() for label in form.query(".form-field Label")]

    assert labels == [
        "Name *",
        "Short name",
        "Parent unit",
        "Kind *",
        "Administrative quota",
        "Public-institution quota",
        "Workers' quota",
        "Leadership posts",
        "Under evaluation",
    ]
