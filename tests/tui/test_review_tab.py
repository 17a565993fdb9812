"""The 评议 tab as evaluators read it: a label for each figure (no two alike), the
self-evaluation report with its evidence and its text a key away, the staff questionnaire
item by item, and the peer evaluation with the departments, the spread of totals and the
raters flagged."""

from __future__ import annotations

from sqlalchemy import select
from textual.widgets import TabbedContent

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.self_report import SelfReportScreen
from orgeval_tui.i18n import set_language
from orgeval_tui.models import Survey, SurveyAnswer, SurveyItem, SurveyResponse, Unit
from orgeval_tui.services.intake.self_report import import_self_report
from orgeval_tui.storage.database import Database

from .helpers import bureau_id, settle, table_rows, unit_id

REPORT = (
    "县工信局自评报告\n一、基本情况\n设置岗位职责132条，已执行94条。\n"
    "二、佐证材料\n1. 三定规定\n2. 履职考评系统截图\n"
)


async def _review_tab(pilot, demo_db, unit: str | None = None):
    await settle(pilot)
    pilot.app.open_unit(unit_id(demo_db, unit) if unit else bureau_id(demo_db))
    await settle(pilot)
    pilot.app.screen.query_one("#tabs", TabbedContent).active = "evaluations"
    await settle(pilot)
    return pilot.app.screen


def _rows(screen, table_id: str) -> list[list[str]]:
    return table_rows(screen.query_one(table_id))


async def test_every_figure_has_its_own_label_and_the_peer_evaluation_its_departments(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _review_tab(pilot, demo_db)
        labels = [
            row[0]
            for table in ("#evaluations-table", "#review-staff", "#review-peer")
            for row in _rows(screen, table)
        ]
        staff = dict(_rows(screen, "#review-staff"))
        peer = dict(_rows(screen, "#review-peer"))
        items = _rows(screen, "#review-items")
        bands = screen.query_one("#review-bands").bars
        flags = _rows(screen, "#review-flags")

    assert len(labels) == len(set(labels)) and "问卷数" not in labels
    assert staff == {"职工问卷数": "18", "题目数": "25", "干部职工满意度": "87.02"}
    assert peer == {
        "互评得分": "99.28",
        "互评问卷数": "375",
        "参评部门": "50 / 50",
        "未参评部门": "无",
    }
    assert len(items) == 25
    assert items[0] == ["1", "本单位能够全面履行“三定”规定明确的职责", "96.67", "4.83", "18"]
    assert items[4][2:] == ["66.67", "3.33", "18"]  # 职责交叉: one of the bureau's weak items
    assert [(bar.label, bar.text) for bar in bands] == [
        ("<60", "0"), ("60–69", "0"), ("70–79", "0"), ("80–89", "0"), ("90–100", "375"),
    ]  # fmt: skip
    assert flags == [["无", ""]]


def _answer_for_the_bureau(demo_db, respondent: str, scores: list[float]) -> None:
    """One more peer questionnaire for 县工信局, from ``respondent``."""
    database = Database.open(str(demo_db))
    with database.write() as session:
        survey = session.scalar(select(Survey).where(Survey.kind == "peer"))
        items = session.scalars(
            select(SurveyItem).where(SurveyItem.survey_id == survey.id).order_by(SurveyItem.number)
        ).all()
        unit = session.scalar(select(Unit.id).where(Unit.name == "县工业和信息化局"))
        response = SurveyResponse(survey_id=survey.id, unit_id=unit, code="HP9999",
                                  respondent=respondent)  # fmt: skip
        session.add(response)
        session.flush()
        session.add_all(
            SurveyAnswer(response_id=response.id, item_id=item.id, score=score)
            for item, score in zip(items, scores, strict=True)
        )
    database.dispose()


async def test_a_department_far_from_the_others_and_one_not_responding_are_named(demo_db):
    _answer_for_the_bureau(demo_db, "县林业局", [6.0] * 10)  # 60: asked by nobody else
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _review_tab(pilot, demo_db, "县气象局")
        weather = dict(_rows(screen, "#review-peer"))
        await pilot.press("escape")
        screen = await _review_tab(pilot, demo_db)
        bureau = dict(_rows(screen, "#review-peer"))
        [flag] = _rows(screen, "#review-flags")
        bands = [(bar.label, bar.text) for bar in screen.query_one("#review-bands").bars]
        rule = str(screen.query_one("#review-rule").render())

    assert (weather["参评部门"], weather["未参评部门"]) == ("50 / 51", "县林业局")
    assert (bureau["参评部门"], bureau["未参评部门"]) == ("51 / 51", "无")
    assert bureau["互评问卷数"] == "376"
    assert flag[0] == "县林业局"
    # The other 50 departments' totals for the bureau average 99.30 (each counted once).
    assert flag[1] == "本单位 60.00 分，与其他部门均值 99.30 相差 39.30 分（106.6 个标准差）"
    assert bands[1] == ("60–69", "1")
    assert "超过 10 分且超过其他部门总分的 2 个标准差" in rule


async def test_the_report_its_evidence_and_its_text_a_key_away(demo_db, tmp_path):
    path = tmp_path / "工信局自评报告.txt"
    path.write_text(REPORT, encoding="gb18030")
    import_self_report(Database.open(str(demo_db)), path, "县工信局")
    set_language("en")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _review_tab(pilot, demo_db)
        rows = dict(_rows(screen, "#evaluations-table"))
        evidence = _rows(screen, "#review-evidence")
        await pilot.press("r")
        await settle(pilot)
        reading = app.screen
        text = str(reading.query_one("#report-text").render())
        await pilot.press("escape")
        await settle(pilot)
        back = app.screen

    assert rows["self-evaluation report"] == "工信局自评报告.txt"
    assert rows["length"] == "54 characters"
    assert rows["evidence"] == "2 items"
    assert evidence == [["1.", "三定规定"], ["2.", "履职考评系统截图"]]
    assert isinstance(reading, SelfReportScreen)
    assert text.startswith("县工信局自评报告\n一、基本情况\n设置岗位职责132条")
    assert back is screen


async def test_a_unit_not_evaluated_has_no_report_and_the_key_says_why(demo_db):
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _review_tab(pilot, demo_db, "县工人文化宫")
        rows = dict(_rows(screen, "#evaluations-table"))
        await pilot.press("r")
        await settle(pilot)
        notices = [str(toast.render()) for toast in app.screen.query("Toast")]
        still = app.screen is screen

    assert rows["自评报告"] == "无：本单位不在本评估项目的被评估单位之列"
    assert still, "no report to read: the tab stays"
    assert "无：本单位不在本评估项目的被评估单位之列" in notices, notices


async def test_the_reports_text_and_evidence_are_shown_as_written(demo_db, tmp_path):
    """Markup and terminal control in a report are its text: shown, never obeyed."""
    path = tmp_path / "[bold]报告[x].txt"
    path.write_text(
        "[red]自评[/red]报告\x1b[2J\n附件：\n1. [b]三定规定[/b]\x07\n", encoding="utf-8"
    )
    import_self_report(Database.open(str(demo_db)), path, "县工信局")
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)), keymap={})

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _review_tab(pilot, demo_db)
        rows = dict(_rows(screen, "#evaluations-table"))
        evidence = _rows(screen, "#review-evidence")
        await pilot.press("r")
        await settle(pilot)
        title = str(app.screen.query_one("#report-title").render())
        text = str(app.screen.query_one("#report-text").render())

    assert rows["自评报告"] == "[bold]报告[x].txt"
    assert evidence == [["1.", "[b]三定规定[/b]"]]  # the bell: not rung, not kept by rich
    assert "[bold]报告[x].txt" in title
    assert text.splitlines()[0] == "[red]自评[/red]报告␛[2J"
