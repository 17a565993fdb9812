"""A figure whose inputs are missing says so (无数据), in `orgeval analyze` text and JSON."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook


def _duties_book(path):
    book = Workbook()
    log = book.active
    log.title = "履职记录"
    log.append(["工作日期", "姓名", "所属科室", "职责编号", "履职次数", "工作时长（小时）"])
    log.append([date(2020, 3, 2), "赵刚", "运行监测科", "GXJ001", 1, 6])
    catalogue = book.create_sheet("岗位职责清单")
    catalogue.append(["职责编号", "职责内容", "所属科室", "职责类别"])
    catalogue.append(["GXJ001", "负责全县工业经济运行监测分析", "运行监测科", "业务工作"])
    catalogue.append(["GXJ002", "负责机关文电、会务、档案", "办公室", "综合事务"])
    book.save(path)
    return path


def _roster(path):
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "出生年月", "职级"])
    sheet.append(["赵刚", "男", "1975-05-12", "正科级"])
    sheet.append(["王芳", "女", "1985-03-08", "一级科员"])
    book.save(path)
    return path


def _squeezed(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_no_work_log_in_the_period_means_no_fill_rate_not_zero(run, tmp_path):
    path = _duties_book(tmp_path / "履职.xlsx")
    assert run("import", "duties", str(path), "--unit", "县工信局").code == 0
    # With a roster, persons × workdays is known: only the log is missing.
    roster = _roster(tmp_path / "名册.xlsx")
    assert run("import", "roster", str(roster), "--unit", "县工信局").code == 0
    period = ("--unit", "县工信局", "--from", "2021-01-01", "--to", "2021-06-30")

    figures = run("analyze", "duties", *period, "--json").json()
    shown = _squeezed(run("analyze", "duties", *period, lang="zh").out)

    assert (figures["fill_rate"], figures["workload_ratio"], figures["execution_rate"]) == (
        None,
        None,
        None,
    )
    assert "填报率 无数据" in shown
    assert "工作量比率 无数据" in shown
    assert not any(line.endswith("0.00%") for line in shown)
