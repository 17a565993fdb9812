"""Helpers of the ledger workbook tests: a ledger with a problem in every state, a second
office on the same backend, and the ledger as `orgeval ledger ls --json` shows it."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

from orgeval_tui.domain.clock import clock_at, office_tz
from orgeval_tui.services import ledger
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database
from tests.office import add_evaluation

RECORDED = datetime(2021, 7, 20, 9, tzinfo=office_tz())  # the day the problems are recorded
FORMULA_TEXTS = ("=1+1", "+86 138 0000 0000", "-5", "@x")
SHEET = "问题台账"
HEADER_ROW = 3


def build_every_state(db, tmp_path) -> dict[str, str]:
    """Problems in every state the lifecycle knows, with texts that look like formulas,
    multi-line and CJK text; number → what it is."""
    report_file = tmp_path / "整改报告.pdf"
    report_file.write_bytes(b"%PDF-1.4 rectification report")
    made: dict[str, str] = {}

    def add(what, title, unit="县工信局", **values):
        with clock_at(RECORDED):
            number = ledger.add(db, unit, title, **values).number
        made[number] = what
        return number

    def feedback(number):
        ledger.feedback(db, number, on=date(2021, 7, 28))

    def plan(number, deadline=date(2021, 8, 31)):
        ledger.plan(
            db,
            number,
            "@张三 牵头：\n1. 更换标牌；\n2. 建立台账",
            "李倩（办公室）",
            deadline,
            past_deadline=True,
        )

    def report(number, with_file=False):
        ledger.report(
            db,
            number,
            "已更换全部标牌",
            report_file if with_file else None,
            on=date(2021, 9, 20),
        )

    add(
        "identified",
        "=1+1",
        description="+86 138 0000 0000",
        category="=SUM(A1:A3)",
        severity="high",
        recommendation="-5",
    )
    number = add(
        "fed_back",
        "内设机构挂牌不规范",
        description="第一行：“运行监测科”仍挂旧牌\n第二行\r\n第三行，@x",
        source="peer",
        category="机构挂牌",
        severity="low",
        recommendation="对照“三定”规定规范挂牌",
    )
    feedback(number)
    number = add("rectifying, extended, overdue", "编制使用档案不完整", source="roster")
    feedback(number)
    plan(number)
    ledger.extend(db, number, date(2021, 9, 30), "标牌需统一制作", past_deadline=True)
    number = add("reported with a file", "部分岗位职责未开展", unit="县总工会", source="duties")
    feedback(number)
    plan(number)
    report(number, with_file=True)
    number = add("closed", "12345 工单办理超时", unit="县总工会", source="cases")
    feedback(number)
    plan(number)
    report(number)
    ledger.verify(db, number, "回头看：已整改，同意销号", on=date(2021, 10, 10))
    number = add("withdrawn", "重复登记的问题", unit="县气象局", source="self")
    feedback(number)
    ledger.withdraw(db, number, "与 2021-002 重复", on=date(2021, 8, 1))
    number = add("reopened after closing", "内设机构职责交叉", unit="县气象局")
    feedback(number)
    plan(number, deadline=date(2099, 12, 31))
    report(number)
    ledger.verify(db, number, "同意销号", on=date(2021, 10, 10))
    ledger.reopen(db, number, "复查发现仍有旧牌", on=date(2021, 10, 20))
    return made


def second_office(request, tmp_path, postgres_server):
    """An empty database on the backend of the test's ``database``, with the same units
    and an evaluation numbering 2021-NNN; (database, cleanup)."""
    backend = request.node.callspec.params.get("database_url", "sqlite")
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.db'}"
    else:
        url = postgres_server.create()
    db = Database.open(url)
    add_unit(db, "县工业和信息化局", short_name="县工信局")
    add_unit(db, "县总工会", short_name="总工会")
    add_unit(db, "县气象局", short_name="气象局")
    add_evaluation(db, name="2021年度评估（导入）")

    def cleanup():
        db.dispose()
        if backend != "sqlite":
            postgres_server.drop(url)

    return db, cleanup


_NOT_CARRIED = ("id", "evaluation_id", "unit_id", "created_at", "version")


def shown_ledger(cli, db) -> dict[str, dict]:
    """The ledger as a user sees it: number → fields and facts (without row ids)."""
    listed = cli("--db", db.url, "ledger", "ls", "--json")
    assert listed.code == 0, listed.err
    return {
        p["number"]: {k: v for k, v in p.items() if k not in _NOT_CARRIED} for p in listed.json()
    }


def export(cli, db, path, *args):
    done = cli("--db", db.url, "export", "ledger", "-o", str(path), *args)
    assert done.code == 0, done.err
    return done


def sheet_xml(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def styles_xml(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/styles.xml").decode("utf-8")
