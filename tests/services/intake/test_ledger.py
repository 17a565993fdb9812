"""`orgeval import ledger`: the exported ledger comes back unchanged, into a fresh
database or into the one it came from; every bad row is named, and nothing is written
unless the whole file is good."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from orgeval_tui.models import ImportRecord, ProblemEvent

from ..ledger.ledger_book import (
    HEADER_ROW,
    SHEET,
    build_every_state,
    export,
    second_office,
    shown_ledger,
)


@pytest.fixture
def fresh(request, tmp_path, postgres_server, database):
    """A second office on the same backend: same units, no problems."""
    db, cleanup = second_office(request, tmp_path, postgres_server)
    yield db
    cleanup()


@pytest.fixture
def exported(office, cli, tmp_path):
    """The office's ledger with a problem in every state, and its workbook."""
    made = build_every_state(office, tmp_path)
    path = tmp_path / "台账.xlsx"
    export(cli, office, path)
    return made, path


def _import(cli, db, path, *args):
    return cli("--db", db.url, "import", "ledger", str(path), *args)


def _events(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(ProblemEvent))


def test_the_ledger_comes_back_unchanged_into_a_fresh_database(exported, office, fresh, cli):
    made, path = exported

    done = _import(cli, fresh, path)

    assert done.code == 0, done.err
    summary, columns = done.out.strip().splitlines()
    assert summary == "台账.xlsx → 2021年度评估（导入）: 7 problem(s) added, 0 unchanged"
    # What the export writes beside the problems (a row number, a fact worked out from
    # the deadline) is said to be left aside, not read.
    assert columns.endswith("columns ignored: 序号, 是否逾期")
    assert shown_ledger(cli, fresh) == shown_ledger(cli, office)
    statuses = {n: p["status"] for n, p in shown_ledger(cli, fresh).items()}
    assert sorted(set(statuses.values())) == sorted(
        {"identified", "fed_back", "rectifying", "reported", "closed", "withdrawn"}
    )
    assert statuses["2021-007"] == "rectifying"  # reopened: its report kept
    assert shown_ledger(cli, fresh)["2021-003"]["facts"]["overdue"] is True


def test_an_imported_problem_says_where_it_came_from(exported, fresh, cli):
    _made, path = exported
    _import(cli, fresh, path)

    shown = cli("--db", fresh.url, "ledger", "show", "2021-005", "--json").json()
    table = cli("--db", fresh.url, "--lang", "zh", "ledger", "show", "2021-005")

    [event] = shown["events"]
    assert event["action"] == "import"
    assert event["to_status"] == "closed"
    assert event["actor"]
    assert event["reason"] == f"台账.xlsx {SHEET}!8"
    assert event["detail"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert event["detail"]["verify_note"] == "回头看：已整改，同意销号"
    assert shown["allowed"] == ["reopen"]
    assert table.code == 0, table.err
    assert "导入" in table.out and "已销号" in table.out


def test_the_pilot_ledger_round_trip(demo_db, office, cli, tmp_path):
    """The demo's ten problems (SQLite), into an office on every backend."""
    demo = type("Db", (), {"url": str(demo_db)})
    path = tmp_path / "试点台账.xlsx"
    export(cli, demo, path)

    done = _import(cli, office, path)

    assert done.code == 0, done.err
    assert "10 problem(s) added" in done.out
    assert shown_ledger(cli, office) == shown_ledger(cli, demo)


def test_importing_into_the_same_ledger_changes_nothing(exported, office, cli):
    _made, path = exported
    events = _events(office)
    before = shown_ledger(cli, office)

    done = _import(cli, office, path, "--json")

    assert done.code == 0, done.err
    summary = done.json()
    assert (summary["added"], summary["unchanged"], summary["rows"]) == (0, 7, 7)
    assert summary["numbers"] == []
    assert shown_ledger(cli, office) == before
    assert _events(office) == events
    with office.read() as session:
        record = session.scalars(select(ImportRecord)).one()
    assert record.kind == "ledger"
    assert record.file_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_edited_cell_is_refused_naming_row_and_column(exported, office, cli, tmp_path):
    _made, path = exported
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    columns = {cell.value: cell.column for cell in sheet[HEADER_ROW]}
    sheet.cell(row=6, column=columns["整改时限"]).value = date(2021, 10, 31)  # 2021-003
    sheet.cell(row=6, column=columns["整改措施"]).value = "另行安排"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    before = shown_ledger(cli, office)

    refused = _import(cli, office, edited)

    assert refused.code == 1
    lines = refused.err.strip().splitlines()
    assert lines[0].endswith("edited.xlsx: not imported, 1 problem(s); nothing was written:")
    assert lines[1].startswith(
        f"{SHEET}!6: 问题编号: 2021-003 is already in the ledger with other values: "
        "整改措施 (ledger: @张三 牵头： 1. 更换标牌； 2. 建立台账; file: 另行安排), "
        "整改时限 (ledger: 2021-09-30; file: 2021-10-31)."
    )
    assert "orgeval ledger" in lines[1]
    assert shown_ledger(cli, office) == before


def test_a_dry_run_writes_nothing(exported, fresh, cli):
    _made, path = exported

    dry = _import(cli, fresh, path, "--dry-run")
    as_json = _import(cli, fresh, path, "--dry-run", "--json").json()

    assert dry.code == 0, dry.err
    assert "7 problem(s) would be added, 0 unchanged (dry run: nothing written)" in dry.out
    assert as_json["numbers"] == [f"2021-{i:03d}" for i in range(1, 8)]
    assert shown_ledger(cli, fresh) == {}
    with fresh.read() as session:
        assert session.scalar(select(func.count()).select_from(ImportRecord)) == 0


def test_imported_problems_are_found_and_numbering_goes_on(exported, office, fresh, cli):
    _made, path = exported
    _import(cli, fresh, path)

    def found(db, term):
        listed = cli("--db", db.url, "ledger", "ls", "--search", term, "--json")
        return [p["number"] for p in listed.json()]

    for term in ("挂牌", "挂", "运行监测", "销号", "=1+1", "2021-00"):
        assert found(fresh, term) == found(office, term), term
    assert found(fresh, "挂牌") == ["2021-002"]
    added = cli("--db", fresh.url, "ledger", "add", "--unit", "县工信局", "--title", "新问题")
    assert added.out.strip() == "2021-008"


HEADERS = ["序号", "问题编号", "单位", "问题来源", "严重程度", "问题标题", "整改状态",
           "反馈日期", "整改措施", "责任人", "整改时限", "整改报告", "报告日期", "附件哈希",
           "核查人", "销号日期", "核查意见"]  # fmt: skip


def _workbook(tmp_path, rows, name="手工台账.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(["县委编办问题台账（手工）"])
    sheet.append(HEADERS)
    for index, row in enumerate(rows, start=1):
        sheet.append([index, *[row.get(h) for h in HEADERS[1:]]])
    path = tmp_path / name
    book.save(path)
    return path


GOOD = {
    "问题编号": "2021-001",
    "单位": "县工信局",
    "问题来源": "onsite",
    "严重程度": "low",
    "问题标题": "挂牌不规范",
    "整改状态": "fed_back",
    "反馈日期": "2021-07-28",
}


def test_every_bad_row_is_listed_and_nothing_is_written(office, cli, tmp_path):
    closed = {
        **GOOD,
        "整改状态": "已销号",
        "整改措施": "更换标牌",
        "责任人": "李倩",
        "整改时限": date(2021, 8, 31),
        "整改报告": "已更换",
        "报告日期": date(2021, 8, 20),
        "核查人": "孙卫东",
        "核查意见": "同意销号",
    }
    rows = [
        GOOD,
        {**GOOD, "问题编号": "2021-002", "单位": "县教育局"},
        {**GOOD, "问题编号": "2021-003", "整改状态": "已完成"},
        {**GOOD, "问题编号": "2021-004", "反馈日期": "2021-13-01"},
        {**closed, "问题编号": "2021-005"},  # no 销号日期
        {**GOOD, "问题编号": "2021-001"},
        {**GOOD, "问题编号": "2021-007", "问题标题": "长" * 201},
        {**GOOD, "问题编号": "2021-7"},
        {**GOOD, "问题编号": "2020-009"},
        {**closed, "问题编号": "2021-010", "销号日期": "2021-09-01", "整改时限": "2021年9月"},
        {**GOOD, "问题编号": "2021-011", "整改状态": "已发现"},
        {**GOOD, "问题编号": "2021-012", "严重程度": "很高", "附件哈希": "abc"},
        {
            **GOOD,
            "问题编号": "2021-013",
            "整改状态": "整改中",
            "整改措施": "更换标牌",
            "责任人": "李倩",
            "整改时限": "2021-07-01",
        },
    ]
    path = _workbook(tmp_path, rows)

    refused = _import(cli, office, path)

    assert refused.code == 1
    err = refused.err
    expected = [
        f"{SHEET}!4: 单位: no such unit: 县教育局",
        f"{SHEET}!5: 整改状态: unknown status 已完成: use one of 已发现 (identified)",
        f"{SHEET}!6: 反馈日期: not a date: 2021-13-01",
        f"{SHEET}!7: 销号日期: required when the status is 已销号",
        f"{SHEET}!8: 问题编号: 2021-001 is already listed in row 3",
        f"{SHEET}!9: 问题标题: 201 characters long; at most 200 fit",
        f"{SHEET}!10: 问题编号: 2021-7 is not a problem number of 2021年度评估: "
        "its numbers are 2021-NNN, e.g. 2021-001",
        f"{SHEET}!11: 问题编号: 2020-009 is not a problem number",
        f"{SHEET}!12: 整改时限: 2021年9月 names a month, not a day",
        f"{SHEET}!13: 反馈日期: must be blank when the status is 已发现",
        f"{SHEET}!14: 严重程度: unknown severity 很高: use one of 高 (high)",
        f"{SHEET}!14: 附件哈希: not a SHA-256 (64 hexadecimal digits): abc",
        f"{SHEET}!15: 整改时限: the deadline 2021-07-01 is before the day the problem "
        "was fed back (2021-07-28)",
    ]
    for line in expected:
        assert line in err, err
    assert "not imported, 13 problem(s); nothing was written" in err
    assert f"{SHEET}!3" not in err  # the good row
    assert shown_ledger(cli, office) == {}


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ({"整改状态": "整改中"}, "整改措施", "required when the status is 整改中"),
        (
            {"整改状态": "已撤销", "整改措施": "更换标牌"},
            "撤销原因",
            "required when the status is 已撤销",
        ),
        ({"整改措施": "更换标牌"}, "整改措施", "must be blank when the status is 已反馈"),
        (
            {"整改状态": "withdrawn", "整改措施": "更换标牌"},
            "责任人",
            "required when 整改措施 is filled in",
        ),
        (
            {
                "整改状态": "reported",
                "整改措施": "更换标牌",
                "责任人": "李倩",
                "整改时限": "2021-09-30",
                "报告日期": "2021-09-01",
            },
            "整改报告",
            "a rectification report needs its text, a file, or both",
        ),
    ],
)
def test_fields_must_fit_the_state(office, cli, tmp_path, row, column, message):
    path = _workbook(tmp_path, [{**GOOD, **row}])

    refused = _import(cli, office, path)

    assert refused.code == 1
    assert f"{SHEET}!3: {column}: {message}" in refused.err


def test_a_hand_made_csv_with_english_codes_and_labels(office, cli, tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_text(
        "问题台账\n"
        "问题编号,单位,问题标题,整改状态,问题来源,严重程度,反馈日期,整改措施,责任人,整改时限\n"
        "2021-001,县工信局,挂牌不规范,fed back,peer evaluation,High,2021/7/28,,,\n"
        "2021-002,总工会,档案不全,rectifying,roster,低,2021-07-28,补齐材料,王立新,20210831\n",
        encoding="utf-8",
    )

    done = _import(cli, office, path)

    assert done.code == 0, done.err
    shown = shown_ledger(cli, office)
    assert shown["2021-001"]["status"] == "fed_back"
    assert shown["2021-001"]["source"] == "peer"
    assert shown["2021-001"]["severity"] == "high"
    assert shown["2021-002"]["unit"] == "县总工会"
    assert shown["2021-002"]["deadline"] == "2021-08-31"
    assert shown["2021-002"]["facts"]["overdue"] is True


def test_a_sheet_without_the_ledger_columns(office, cli, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("姓名,性别\n赵刚,男\n", encoding="utf-8")

    refused = _import(cli, office, path)

    assert refused.code == 1
    assert "no sheet has the columns 问题编号, 单位, 问题标题" in refused.err


@pytest.mark.sqlite_only
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("kind", ["ods", "csv"])
def test_the_export_saved_again_by_libreoffice_is_unchanged(exported, office, cli, tmp_path, kind):
    """An office opens the ledger, saves it as .ods or .csv, and imports it back."""
    import os

    _made, path = exported
    target = "csv:Text - txt - csv (StarCalc):44,34,76" if kind == "csv" else "ods"
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(tmp_path / "saved"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    )

    done = _import(cli, office, tmp_path / "saved" / f"台账.{kind}")

    assert done.code == 0, done.err
    assert "0 problem(s) added, 7 unchanged" in done.out


def test_every_problem_imported_is_in_the_audit_trail_by_the_importing_account(
    exported, office, fresh, cli, actor
):
    """Before: the problems went in with no audit record, 已销号 ones naming a 核查人
    included."""
    from orgeval_tui.models import Problem

    _, path = exported
    actor("导入员", db=fresh)
    before = _trail(fresh)

    done = _import(cli, fresh, path)

    assert done.code == 0, done.err
    added = _trail(fresh)[len(before) :]
    with fresh.read() as session:
        problems = session.scalars(select(Problem).order_by(Problem.id)).all()
        expected = [
            (str(p.id), column.name, _shown(getattr(p, column.name)))
            for p in problems
            for column in Problem.__table__.columns
            if column.name not in ("id", "version") and getattr(p, column.name) is not None
        ]
        closed = next(p for p in problems if p.status == "closed" and p.verifier)
    assert {(r.actor, r.entity, r.action) for r in added} == {("导入员", "problem", "insert")}
    assert sorted(
        (r.entity_id, r.field, r.new) for r in added if r.field != "created_at"
    ) == sorted(e for e in expected if e[1] != "created_at")
    assert (str(closed.id), "verifier", closed.verifier) in {
        (r.entity_id, r.field, r.new) for r in added
    }
    verified = cli("--db", fresh.url, "audit", "verify")
    assert verified.code == 0, verified.err


def _shown(value):
    return value.isoformat() if isinstance(value, date) else str(value)


def _trail(db):
    from orgeval_tui.models import AuditEvent

    with db.read() as session:
        return session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
