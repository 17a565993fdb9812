"""Office files for the first-steps tests: a roster as an office writes it, good or
with bad rows."""

from __future__ import annotations

from openpyxl import Workbook

GOOD = [
    ("张三", "男", "1970-03-01", "大学本科", "局长（正科级）"),
    ("李四", "女", "1985-09-09", "硕士研究生", "一级科员"),
    ("王五", "男", "1990-11-11", "大学本科", "二级科员"),
]
# Three rows wrong, each in its own way: no name, a birth date that is not one, a
# gender that is neither.
BAD = [
    ("", "男", "1970-03-01", "大学本科", "局长（正科级）"),
    ("李四", "女", "某年某月", "硕士研究生", "一级科员"),
    ("王五", "未知", "1990-11-11", "大学本科", "二级科员"),
    ("赵六", "女", "1980-07-20", "大学本科", "一级科员"),
]


def write_roster(path, people) -> str:
    book = Workbook()
    sheet = book.active
    sheet.title = "在编人员"
    sheet.append(["县工信局在编人员信息表"])
    sheet.append(["姓名", "性别", "出生年月", "学历", "职务"])
    for person in people:
        sheet.append(list(person))
    book.save(path)
    return str(path)
