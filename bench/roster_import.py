"""Importing a large roster workbook, against the floor of python-calamine reading it.

Builds (once, cached under bench/.cache/) a 100,000-row roster .xlsx in the registry's
layout (title row, header, ID numbers with valid check digits, dates as date cells),
then times in one run, alternating, each `--repeat` times:
  floor     python-calamine reading the sheet into Python values;
  orgeval   `import_roster` into a fresh SQLite database: read, validate every row,
            write in one transaction.
Prints medians and the ratio orgeval / floor (target: at most 2.5).

    uv run python bench/roster_import.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from orgeval_tui.services.intake.roster import import_roster
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database

CACHE = Path(__file__).parent / ".cache"
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
EDUCATION = ("大学本科", "本科", "大专", "硕士研究生", "中专", "高中")
RANKS = ("一级科员", "二级科员", "四级主任科员", "三级主任科员", "二级主任科员", "副科级", "正科级")
SECTIONS = ("办公室", "综合科", "规划科", "运行监测科", "信息化科", "法规科")


def id_number(birth: date, female: bool, rng: random.Random) -> str:
    sequence = rng.randrange(0, 50) * 2 + (0 if female else 1)
    body = f"371323{birth:%Y%m%d}{rng.randrange(10)}{sequence:02d}"
    return body + CHECK[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11]


def build(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(100_000)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("在编人员信息表")
    sheet.append(["沂水县机构编制实名制管理系统 在编人员信息表"])
    sheet.append(
        ["序号", "姓名", "性别", "出生日期", "身份证号", "学历", "职级", "编制类型", "所在科室"]
    )
    for n in range(1, rows + 1):
        female = rng.random() < 0.4
        birth = date(1962, 1, 1) + timedelta(days=rng.randrange(365 * 38))
        sheet.append(
            [
                n,
                rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(("", rng.choice(GIVEN))),
                "女" if female else "男",
                birth,
                id_number(birth, female, rng),
                rng.choice(EDUCATION),
                rng.choice(RANKS),
                "行政编制",
                rng.choice(SECTIONS),
            ]
        )
    book.save(path)


def floor(path: Path) -> float:
    from python_calamine import CalamineWorkbook

    began = time.perf_counter()
    values = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    elapsed = time.perf_counter() - began
    assert len(values) > 1
    return elapsed


def orgeval(path: Path, rows: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(str(Path(folder) / "bench.db"))
        add_unit(database, "县工业和信息化局", short_name="县工信局")
        began = time.perf_counter()
        summary = import_roster(database, path, unit="县工信局")
        elapsed = time.perf_counter() - began
        database.dispose()
    assert summary.rows == rows
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"roster-{args.rows}.xlsx"
    if not path.exists():
        print(f"building {path} …")
        build(path, args.rows)
    floor(path)  # page cache
    floors, ours = [], []
    for _ in range(args.repeat):
        floors.append(floor(path))
        ours.append(orgeval(path, args.rows))
    f, o = statistics.median(floors), statistics.median(ours)
    print(f"{args.rows:,} roster rows, median of {args.repeat}")
    print(f"floor   (python-calamine read)   {f:8.3f} s")
    print(f"orgeval (import_roster)          {o:8.3f} s")
    print(f"ratio orgeval / floor            {o / f:8.2f}  (target ≤ 2.5)")


if __name__ == "__main__":
    main()
