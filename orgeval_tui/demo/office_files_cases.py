"""The case exports: every case of every unit (the county average needs them all), as the
12345 hotline platform writes them — a CSV in GB18030 with a title and the export time
above the header, times to the second, case numbers as text. One file per channel."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .office_files_workbook import EXPORTED_AT

# channel → what the export is called.
TITLES = {"hotline": "12345政务服务便民热线工单明细", "service": "政务服务中心办件明细"}
HEADERS = ["序号", "工单编号", "承办单位", "受理时间", "办理时限", "办结时间", "满意度"]
RATING_WORDS = {"satisfied": "满意", "basically_satisfied": "基本满意", "unsatisfied": "不满意"}
# The platform writes a case the citizen did not rate either way, depending on whether
# the return call reached them.
_NOT_RATED = ("", "未评价")


def file_name(channel: str, cases: list[dict]) -> str:
    start, end = _span(cases)
    return f"{TITLES[channel]}（{start:%Y年%m月}-{end:%Y年%m月}）.csv"


def _span(cases: list[dict]):
    days = [case["received_at"] for case in cases]
    return min(days), max(days)


def write_cases(cases: list[dict], folder: Path) -> list[tuple[str, str]]:
    """One export per channel of ``cases``; (file name, channel) in the order written."""
    written = []
    for channel in dict.fromkeys(case["channel"] for case in cases):
        chosen = [case for case in cases if case["channel"] == channel]
        name = file_name(channel, chosen)
        (folder / name).write_bytes(_export(channel, chosen).encode("gb18030"))
        written.append((name, channel))
    return written


def _export(channel: str, cases: list[dict]) -> str:
    start, end = _span(cases)
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([f"沂水县{TITLES[channel]}（{start:%Y年%m月%d日}至{end:%Y年%m月%d日}）"])
    writer.writerow([f"导出时间：{EXPORTED_AT:%Y-%m-%d %H:%M:%S}"])
    writer.writerow(HEADERS)
    unrated = 0
    for number, case in enumerate(cases, start=1):
        rating = case["rating"]
        if rating is None:
            word = _NOT_RATED[unrated % 2] if case["closed_at"] is not None else ""
            unrated += 1
        else:
            word = RATING_WORDS[rating]
        writer.writerow(
            [
                number,
                case["case_no"],
                case["unit_name"],
                _moment(case["received_at"]),
                _moment(case["deadline_at"]),
                _moment(case["closed_at"]),
                word,
            ]
        )
    return out.getvalue()


def _moment(value) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M:%S}"
