"""The questionnaires as the office tallies them: the peer survey (互评) in one workbook,
each item's maximum in its header and the total beside the items; the staff survey in
one workbook per unit, items 第1题 … on the 1-5 scale (its import takes the unit)."""

from __future__ import annotations

from pathlib import Path

from .office_files_workbook import (
    header_row,
    new_workbook,
    number,
    save,
    set_widths,
    title_row,
)
from .pilot_rosters import GXJ

PEER_FILE = "部门履职情况互评问卷汇总表.xlsx"
# The evaluated units as the peer tally names them: as the report does, by the name in
# common use where the full one is long (the import finds a unit by either).
_CALLED = {GXJ: "县工信局"}


def staff_file_name(unit: str) -> str:
    return f"干部职工调查问卷汇总（{unit}）.xlsx"


def write_peer_survey(survey: dict, folder: Path) -> str:
    """The peer survey's tally; its file name."""
    items = survey["items"]
    headers = [
        "问卷编号",
        "评价单位",
        "被评价单位",
        *(f"第{n}题 {text}（{number(top)}分）" for n, text, top in items),
        "总分",
    ]
    workbook = new_workbook()
    sheet = workbook.create_sheet("互评问卷")
    set_widths(sheet, [10, 26, 16, *([11] * len(items)), 8])
    title_row(sheet, 1, f"{survey['title']}汇总表", len(headers))
    header_row(sheet, headers)
    for response in survey["responses"]:
        scores = response["scores"]
        sheet.append(
            [
                response["code"],
                response["respondent"],
                _CALLED.get(response["unit"], response["unit"]),
                *map(number, scores),
                number(sum(scores)),
            ]
        )
    save(workbook, folder / PEER_FILE)
    return PEER_FILE


def write_staff_surveys(survey: dict, folder: Path) -> list[tuple[str, str]]:
    """One tally per unit whose staff answered; (file name, unit) in the order written."""
    written = []
    units = dict.fromkeys(response["unit"] for response in survey["responses"])
    for unit in units:
        responses = [r for r in survey["responses"] if r["unit"] == unit]
        name = staff_file_name(unit)
        _write_staff(survey, unit, responses, folder / name)
        written.append((name, unit))
    return written


def _write_staff(survey: dict, unit: str, responses: list[dict], path: Path) -> None:
    items = survey["items"]
    headers = ["问卷编号", "所在科室", *(f"第{n}题 {text}" for n, text, _top in items)]
    workbook = new_workbook()
    sheet = workbook.create_sheet("调查问卷")
    set_widths(sheet, [10, 20, *([7] * len(items))])
    title_row(sheet, 1, survey["title"], len(headers))
    title_row(sheet, 2, f"单位：{unit}    （1分=很不同意，5分=非常同意）", len(headers), big=False)
    header_row(sheet, headers)
    for response in responses:
        # A leader answers for no section: the tally leaves 所在科室 blank.
        sheet.append([response["code"], response["respondent"], *response["scores"]])
    save(workbook, path)
