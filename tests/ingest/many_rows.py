"""A roster of many rows, written fast as CSV (openpyxl takes minutes for 100,000)."""

from __future__ import annotations

from datetime import date, timedelta

from .bad_files import BadFile, csv_bytes

HEADER = ["序号", "姓名", "性别", "出生日期", "学历", "职级", "编制类型", "所在科室"]


def long_roster(rows: int, *, bad_row: bool) -> BadFile:
    """``rows`` people of the same office; with ``bad_row`` the last one's birth date is
    31 February, so the whole file is refused for that one row."""
    born = date(1970, 1, 1)
    table = [["县总工会在编人员信息表"], HEADER]
    for number in range(1, rows + 1):
        day = born + timedelta(days=number % 9000)
        table.append([number, f"职工{number}", "男女"[number % 2], day.isoformat(), "本科",
                      "科员", "行政编制", f"第{number % 7}科"])  # fmt: skip
    if bad_row:
        table[-1][3] = "1980-02-31"
    how = f"{rows:,} rows" + (", the last born 1980-02-31" if bad_row else "")
    return BadFile("在编人员信息表（十万行）.csv", csv_bytes(table, "utf-8-sig"), how)
