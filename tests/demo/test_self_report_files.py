"""The units' self-evaluation reports in the demo: written as the units sent them (a
Word document, GB18030 and UTF-8 text), read back by the import with their evidence, and
every figure they give the one the demo computes from the pilot's data."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from orgeval_tui.analytics.display import percent
from orgeval_tui.demo.office_files_self_reports import FILES, write_self_reports
from orgeval_tui.demo.pilot_self_reports import EVIDENCE
from orgeval_tui.ingest.self_report import read_self_report
from orgeval_tui.models import Unit
from orgeval_tui.services.figures import cases_for_unit, duties_for_unit, roster_for_unit
from orgeval_tui.services.review import unit_review
from orgeval_tui.storage.database import Database

ZGH, WHG, GXJ, QXJ = "县总工会", "县工人文化宫", "县工业和信息化局", "县气象局"
YEAR_2020 = (date(2020, 1, 1), date(2020, 12, 31))


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    return {unit: read_self_report(folder / name) for name, unit in write_self_reports(folder)}


def test_each_report_is_in_the_form_its_unit_sent_it(tmp_path):
    write_self_reports(tmp_path)

    zgh = (tmp_path / FILES[ZGH][0]).read_bytes()
    qxj = (tmp_path / FILES[QXJ][0]).read_bytes()
    assert zgh.decode("gb18030").startswith("县总工会") and b"\r\n" in zgh
    with pytest.raises(UnicodeDecodeError):
        zgh.decode("utf-8")
    assert qxj.decode("utf-8").startswith("县气象局") and b"\r\n" not in qxj
    assert (tmp_path / FILES[GXJ][0]).read_bytes().startswith(b"PK\x03\x04")


def test_each_report_reads_back_with_its_evidence(reports):
    assert {unit: report.evidence for unit, report in reports.items()} == {
        unit: tuple(items) for unit, items in EVIDENCE.items()
    }
    assert "1\t县工业和信息化局“三定”规定" in reports[GXJ].text.splitlines()


def test_the_figures_the_reports_give_are_the_pilots(reports, demo_db):
    database = Database.open(str(demo_db))
    _, _, zgh = roster_for_unit(database, ZGH)
    _, _, whg = roster_for_unit(database, WHG)
    _, _, qxj = roster_for_unit(database, QXJ)
    _, duties = duties_for_unit(database, GXJ, *YEAR_2020)
    _, cases_2020 = cases_for_unit(database, GXJ, "hotline", *YEAR_2020)
    _, cases_2021 = cases_for_unit(database, GXJ, "hotline", date(2021, 1, 1), date(2021, 6, 30))
    with database.read() as session:
        quotas = {
            name: (admin, public, service)
            for name, admin, public, service in session.execute(
                select(Unit.name, Unit.quota_admin, Unit.quota_public, Unit.quota_service)
            )
        }
    database.dispose()

    said = {unit: _figures(report.text) for unit, report in reports.items()}
    assert said[ZGH] >= {
        f"行政编制{quotas[ZGH][0]}名", f"在编人员{zgh.headcount}名", f"女同志{zgh.female}名",
        f"平均年龄{round(zgh.avg_age)}岁", f"事业编制{quotas[WHG][1]}名",
        f"工作人员{whg.headcount}名", f"平均年龄{whg.avg_age:.1f}岁",
    }  # fmt: skip
    assert said[GXJ] >= {
        f"行政编制{quotas[GXJ][0]}名", f"工勤编制{quotas[GXJ][2]}名",
        f"岗位职责{duties.duties_defined}条", f"已执行{duties.duties_executed}条",
        f"执行率{percent(duties.execution_rate)}", f"填报率{percent(duties.fill_rate)}",
        f"工作量比率{percent(duties.workload_ratio)}",
        f"占全部工作的{percent(duties.business_share_by_count)}",
        f"业务工作占{percent(duties.business_share_by_hours)}",
        f"交办问题{cases_2020.cases}件", f"办理{cases_2021.cases}件",
    }  # fmt: skip
    assert f"{zgh.headcount}名同志均为副科级以上干部" in reports[ZGH].text
    assert zgh.section_level_or_above_share == 1 and whg.college_or_above_share == 1
    assert "全部按时办结反馈，群众满意度100%" in reports[GXJ].text
    assert cases_2020.on_time_rate == cases_2021.on_time_rate == 1
    assert cases_2020.satisfaction_rate == cases_2021.satisfaction_rate == 1
    assert said[QXJ] >= {f"行政编制{quotas[QXJ][0]}名", f"在编人员{qxj.headcount}名"}


_FIGURE = re.compile(r"[\u4e00-\u9fff]{1,6}\d+(?:\.\d+)?(?:%|[名条件岁])?")


def _figures(text: str) -> set[str]:
    """Every 'words + number (+ unit)' the text holds, and its tails: 在编人员7名 also as
    人员7名 … so a figure is found whatever words come before it."""
    found = set()
    for match in _FIGURE.finditer(text):
        phrase = match.group()
        start = re.search(r"\d", phrase).start()
        found.update(phrase[i:] for i in range(start))
    return found


def test_the_demo_shows_each_units_report_as_imported_by_the_clerk(demo_db):
    database = Database.open(str(demo_db))
    with database.read() as session:
        ids = dict(session.execute(select(Unit.name, Unit.id)).all())
    views = {unit: unit_review(database, ids[unit]).self_report for unit in (ZGH, GXJ, QXJ)}
    database.dispose()

    assert {unit: view.file for unit, view in views.items()} == {
        unit: name for unit, (name, _form) in FILES.items()
    }
    assert {(view.imported_by, view.imported_at.isoformat()) for view in views.values()} == {
        ("刘晓燕", "2021-07-02T08:30:00+00:00")
    }
