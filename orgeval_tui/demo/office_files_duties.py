"""县工业和信息化局's duty catalogue and work log, as the duty-performance system
(履职考评系统) exports them: one workbook, a 职责目录 sheet and a 履职记录 sheet, each
with a title above its header."""

from __future__ import annotations

from pathlib import Path

from .office_files_workbook import header_row, new_workbook, save, set_widths, title_row

CATEGORY_WORDS = {"business": "业务工作", "general": "综合事务", "other": "其他"}
CATALOGUE_HEADERS = ["序号", "职责编号", "职责名称", "所属科室", "职责类别"]
LOG_HEADERS = ["填报日期", "姓名", "所在科室", "职责编号", "履职次数", "工作时长（小时）"]


def file_name(unit: str) -> str:
    return f"履职考评数据（{unit}）.xlsx"


def write_duties(
    duties: dict[str, list[dict]], work_log: dict[str, list[dict]], folder: Path
) -> list[tuple[str, str]]:
    """One workbook per unit with a catalogue; (file name, unit) in the order written."""
    written = []
    for unit, catalogue in duties.items():
        name = file_name(unit)
        _write(unit, catalogue, work_log.get(unit, []), folder / name)
        written.append((name, unit))
    return written


def _write(unit: str, catalogue: list[dict], log: list[dict], path: Path) -> None:
    workbook = new_workbook()

    sheet = workbook.create_sheet("职责目录")
    set_widths(sheet, [6, 10, 60, 18, 10])
    title_row(sheet, 1, f"{unit}岗位职责目录", len(CATALOGUE_HEADERS))
    header_row(sheet, CATALOGUE_HEADERS)
    for number, duty in enumerate(catalogue, start=1):
        sheet.append(
            [number, duty["code"], duty["name"], duty["section"], CATEGORY_WORDS[duty["category"]]]
        )

    sheet = workbook.create_sheet("履职记录")
    set_widths(sheet, [12, 10, 18, 10, 10, 16])
    days = [entry["day"] for entry in log]
    span = f"（{min(days):%Y年%m月%d日}至{max(days):%Y年%m月%d日}）" if days else ""
    title_row(sheet, 1, f"{unit}履职记录明细{span}", len(LOG_HEADERS))
    header_row(sheet, LOG_HEADERS)
    append = sheet.append
    for entry in log:
        # A leader belongs to no section: the system leaves 所在科室 blank.
        append(
            [
                entry["day"],
                entry["person"],
                entry["section"],
                entry["duty_code"],
                entry["times"],
                entry["hours"],
            ]
        )
    save(workbook, path)
