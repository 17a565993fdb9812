"""Day one on the command line, as a new office runs it on a fresh database: set up an
evaluation, register and edit a unit, import its roster, score it completely, record
a problem and export the ledger — with no step refused for want of another."""

from __future__ import annotations

import openpyxl
from openpyxl import Workbook


def _roster(path):
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "出生日期", "学历", "职务"])
    sheet.append(["张一", "男", "1975-03-01", "大学本科", "局长（正科级）"])
    sheet.append(["李二", "女", "1988-07-20", "研究生", "一级科员"])
    sheet.append(["王三", "男", "1992-11-11", "大学专科", "二级科员"])
    book.save(path)
    return path


def test_a_new_office_goes_from_an_empty_database_to_a_scored_unit_and_its_ledger(
    cli, database_url, tmp_path
):
    def ok(*args):
        done = cli("--db", database_url, "--lang", "zh", *args)
        assert done.code == 0, (args, done.err)
        return done

    ok("init")
    ok(
        "evaluation", "new", "2022年度评估", "--reference-date", "2022-12-31",
        "--prefix", "2022", "--period", "2022年度=2022-01-01..2022-12-31",
    )  # fmt: skip
    ok("units", "add", "县统计局", "--short", "统计局", "--quota-admin", "6", "--evaluated")
    ok("units", "edit", "统计局", "--quota-admin", "8", "--quota-leaders", "3")
    ok("import", "roster", str(_roster(tmp_path / "统计局名册.xlsx")), "--unit", "统计局")

    leaves = [i for i in ok("rubric", "show", "--json").json()["indicators"] if i["kind"]]
    assert len(leaves) == 22 and sum(leaf["max"] for leaf in leaves) == 100
    for leaf in leaves:
        if leaf["code"] == "A1.2":
            ok("score", "set", "--unit", "统计局", "--indicator", "A1.2", "--count", "2",
               "--note", "两处挂牌名称与三定规定不符")  # fmt: skip
        elif leaf["code"] == "B1.1":
            ok("score", "set", "--unit", "统计局", "--indicator", "B1.1", "--na")
        else:
            ok("score", "set", "--unit", "统计局", "--indicator", leaf["code"],
               "--points", f"{leaf['max']:g}")  # fmt: skip
    ok("score", "finalize", "--unit", "统计局")
    sheet = ok("score", "show", "--unit", "统计局", "--json").json()
    number = ok(
        "ledger", "add", "--unit", "统计局", "--title", "内设机构挂牌不规范",
        "--category", "机构挂牌", "--json",
    ).json()["number"]  # fmt: skip
    workbook = tmp_path / "问题台账.xlsx"
    ok("export", "ledger", "-o", str(workbook))

    assert (sheet["points"], sheet["max"], sheet["grade"]) == (91, 92, "excellent")
    assert round(sheet["total"], 1) == 98.9
    assert sheet["finalized"] is True
    assert number == "2022-001"
    rows = openpyxl.load_workbook(workbook).active.iter_rows(values_only=True)
    assert any("内设机构挂牌不规范" in str(cell) for row in rows for cell in row)
    units = ok("evaluation", "show", "--json").json()
    assert "县统计局" in str(units)
