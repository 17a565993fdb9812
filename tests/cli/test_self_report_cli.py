"""`orgeval import selfreport FILE --unit U`: a unit's self-evaluation report kept as
text with its evidence, replaced by a second import (both in the audit trail), and every
bad request exiting 1 with one line naming what is wrong, nothing written."""

from __future__ import annotations

import json

import docx
import pytest
from sqlalchemy import select

from orgeval_tui.domain.actor import acting_as
from orgeval_tui.models import AuditEvent, SelfReport
from orgeval_tui.storage.database import Database

REPORT = (
    "县工信局自评报告\n一、基本情况\n设置岗位职责132条。\n"
    "二、佐证材料\n1. 三定规定\n2. 履职考评系统截图\n"
)


@pytest.fixture
def county(cli, database_url):
    def run(*args: str, lang: str = "en"):
        return cli("--db", database_url, "--lang", lang, *args)

    units = (("县工业和信息化局", "县工信局"), ("县气象局", "气象局"), ("县财政局", None))
    for name, short in units:
        assert run("units", "add", name, *(["--short", short] if short else [])).code == 0
    made = run(
        "evaluation", "new", "2021年度评估", "--reference-date", "2021-12-31",
        "--prefix", "2021", "--unit", "县工信局", "--unit", "气象局",
    )  # fmt: skip
    assert made.code == 0, made.err
    run.url = database_url
    return run


def _reports(url) -> list[tuple]:
    database = Database.open(url)
    try:
        with database.read() as session:
            return session.execute(
                select(SelfReport.unit_id, SelfReport.file_name, SelfReport.text,
                       SelfReport.evidence, SelfReport.imported_by)
            ).all()  # fmt: skip
    finally:
        database.dispose()


def test_a_text_report_is_kept_with_its_evidence(county, tmp_path):
    path = tmp_path / "工信局自评报告.txt"
    path.write_text(REPORT, encoding="utf-8")

    county("users", "add", "zhangsan", "--role", "evaluator")
    with acting_as("zhangsan"):
        done = county("import", "selfreport", str(path), "--unit", "县工信局")

    assert done.code == 0, done.err
    assert done.out.splitlines() == [
        "县工业和信息化局: self-evaluation report from 工信局自评报告.txt "
        "(47 characters, 2 evidence items) kept for 2021年度评估",
        "  evidence 1: 三定规定",
        "  evidence 2: 履职考评系统截图",
    ]
    [(_unit, file, text, evidence, by)] = _reports(county.url)
    assert (file, by) == ("工信局自评报告.txt", "zhangsan")
    assert text == REPORT.rstrip("\n")
    assert json.loads(evidence) == ["三定规定", "履职考评系统截图"]


def test_a_second_import_replaces_the_first_and_the_audit_keeps_both(county, tmp_path):
    first = tmp_path / "初稿.txt"
    first.write_text(REPORT, encoding="utf-8")
    second = tmp_path / "定稿.docx"
    document = docx.Document()
    document.add_paragraph("县工信局自评报告（定稿）")
    document.add_paragraph("无佐证材料。")
    document.save(second)

    assert county("import", "selfreport", str(first), "--unit", "县工信局").code == 0
    done = county("import", "selfreport", str(second), "--unit", "县工信局", "--json")

    assert done.code == 0, done.err
    assert done.json() == {
        "kind": "selfreport",
        "file": "定稿.docx",
        "unit": "县工业和信息化局",
        "evaluation": "2021年度评估",
        "characters": 18,
        "evidence": [],
        "replaced": True,
    }
    [(_unit, file, text, evidence, _by)] = _reports(county.url)
    assert (file, text, evidence) == ("定稿.docx", "县工信局自评报告（定稿）\n无佐证材料。", "[]")
    database = Database.open(county.url)
    with database.read() as session:
        changes = session.execute(
            select(AuditEvent.action, AuditEvent.old, AuditEvent.new)
            .where(AuditEvent.entity == "self_report", AuditEvent.field == "file_name")
            .order_by(AuditEvent.id)
        ).all()
    database.dispose()
    assert changes == [("insert", None, "初稿.txt"), ("update", "初稿.txt", "定稿.docx")]


@pytest.mark.parametrize(
    ("name", "content", "unit", "says"),
    [
        ("缺失.txt", None, "县工信局", "缺失.txt: no such file"),
        ("报告.txt", REPORT.encode(), "县水利局", "县水利局"),
        ("报告.txt", REPORT.encode(), "县财政局", "县财政局"),
        ("空白.txt", b"\n\n", "县工信局", "空白.txt: the file is empty"),
        ("假的.docx", b"PK\x03\x04 not really", "县工信局", "假的.docx: not a Word document"),
        ("报告.pdf", b"%PDF-1.7", "县工信局", "报告.pdf: a self-evaluation report is read from"),
    ],
)
def test_a_bad_request_is_refused_in_one_line_and_nothing_is_written(
    county, tmp_path, name, content, unit, says
):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)

    done = county("import", "selfreport", str(path), "--unit", unit)

    assert done.code == 1
    assert says in done.err and "Traceback" not in done.err
    assert len(done.err.strip().splitlines()) == 1
    assert _reports(county.url) == []


def test_a_refusal_in_chinese(county, tmp_path):
    done = county("import", "selfreport", str(tmp_path / "没有.docx"), "--unit", "县工信局",
                  lang="zh")  # fmt: skip
    assert done.code == 1
    assert "没有.docx" in done.err and "文件不存在" in done.err


def test_a_unit_with_a_report_is_not_removed_and_the_refusal_names_the_report(county, tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert county("import", "selfreport", str(path), "--unit", "气象局").code == 0
    assert county("evaluation", "edit", "--remove-unit", "气象局").code == 0

    refused = county("units", "remove", "气象局")
    in_chinese = county("units", "remove", "气象局", lang="zh")

    assert refused.code == 1 and "县气象局 has 1 self-evaluation report" in refused.err
    assert in_chinese.code == 1 and "自评报告 1 份" in in_chinese.err
    assert len(_reports(county.url)) == 1
