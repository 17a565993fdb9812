"""The rosters (在编人员信息表) as the real-name registry (实名制管理系统) exports them.

One workbook per unit: a merged title, a line naming the unit and the date, the header,
one row per person, a blank row and a 合计 row. Each unit's export differs the way the
registry's exports do between years and hands: which headers, whether a birth date or an
ID number, how a date is written, the words for education and rank. Every variant reads
back to the same person, so every figure stays as the pilot's.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..ingest.idnumber import check_digit
from .office_files_workbook import header_row, new_workbook, save, set_widths, title_row
from .pilot_rosters import GXJ, QXJ, REFERENCE_DATE, WHG, ZGH

COUNTY_CODE = "371323"  # 沂水县, the first six digits of an ID number issued there

_GENDER_WORDS = {"male": "男", "female": "女"}
# A head and a deputy named by post, the rank written first: 正科级（局长）.
_POSTS = {ZGH: ("主席", "副主席"), WHG: ("主任", "副主任"), GXJ: ("局长", "副局长"),
          QXJ: ("局长", "副局长")}  # fmt: skip

# The columns of each unit's export: header as written → what goes in it.
_COLUMNS = {
    ZGH: (("序号", "number"), ("姓名", "name"), ("性别", "gender"), ("出生年月", "birth"),
          ("学历", "education"), ("职级", "rank"), ("编制类型", "kind"), ("所在科室", "section")),
    WHG: (("序号", "number"), ("姓名", "name"), ("性别", "gender"), ("出生日期", "birth"),
          ("最高学历", "education"), ("现职级", "rank"), ("编制性质", "kind"),
          ("所在科室", "section")),
    GXJ: (("序号", "number"), ("姓名", "name"), ("性别", "gender"), ("身份证号", "id"),
          ("出生年月", "birth"), ("最高学历", "education"), ("职务职级", "rank"),
          ("编制类型", "kind"), ("内设机构", "section")),
    QXJ: (("序号", "number"), ("姓名", "name"), ("性别", "gender"), ("公民身份号码", "id"),
          ("学历", "education"), ("职级", "rank"), ("编制类型", "kind"), ("科室", "section")),
}  # fmt: skip
_WIDTHS = {"number": 6, "name": 10, "gender": 6, "birth": 12, "id": 22, "education": 12,
           "rank": 18, "kind": 12, "section": 20}  # fmt: skip

# How each row gives the birth date, in turn down the roster:
#   cell: a date cell; dash / slash / digits: text 1981-05-12, 1981/05/12, 19810512;
#   month: text 1981.05 (the registry's 出生年月); id: the ID number alone (gender blank
#   on every other such row); id+month: the ID number and 1981.05 beside it.
_BIRTH_FORMS = {
    ZGH: ("month", "month", "cell"),
    WHG: ("dash", "slash", "digits", "cell"),
    GXJ: ("id", "month", "id+month", "cell", "id", "digits"),
    QXJ: ("id",),
}
# The registry's word for each education the pilot records, where a unit's export differs.
_EDUCATION_WORDS = {
    WHG: {"大学本科": "本科", "大学专科": "大专", "研究生": "硕士研究生"},
    QXJ: {"大学本科": "本科", "大学专科": "大专", "研究生": "硕士"},
}
# One name padded with spaces, as registries align two-character names under three.
_PADDED_NAMES = {"魏丽": "魏  丽"}
_NOTES = {WHG: "注：人员信息以机构编制实名制管理系统数据为准。"}


def file_name(unit: str) -> str:
    return f"在编人员信息表（{unit}）.xlsx"


def write_rosters(staff: dict[str, list[dict]], folder: Path) -> list[tuple[str, str]]:
    """One workbook per unit of ``staff``; (file name, unit) in the order written."""
    written = []
    for unit, people in staff.items():
        name = file_name(unit)
        _write_roster(unit, people, folder / name)
        written.append((name, unit))
    return written


def _write_roster(unit: str, people: list[dict], path: Path) -> None:
    columns = _COLUMNS[unit]
    width = len(columns)
    workbook = new_workbook()
    sheet = workbook.create_sheet("在编人员")
    set_widths(sheet, [_WIDTHS[key] for _header, key in columns])
    title_row(sheet, 1, f"{unit}在编人员信息表", width)
    as_of = f"截至{REFERENCE_DATE.year}年{REFERENCE_DATE.month}月{REFERENCE_DATE.day}日"
    title_row(sheet, 2, f"填报单位：{unit}        {as_of}", width, big=False)
    header_row(sheet, [header for header, _key in columns])
    forms = _BIRTH_FORMS[unit]
    id_rows = 0
    for index, person in enumerate(people):
        form = forms[index % len(forms)]
        cells = _cells(unit, index, person, form, blank_gender=form == "id" and id_rows % 2 == 1)
        id_rows += form == "id"
        sheet.append([cells.get(key) for _header, key in columns])
    sheet.append([])
    sheet.append(["合计", f"{len(people)}人"])
    if unit in _NOTES:
        sheet.append([_NOTES[unit]])
    save(workbook, path)


def _cells(unit: str, index: int, person: dict, form: str, *, blank_gender: bool) -> dict:
    born: date = person["birth_date"]
    if form in ("month", "id+month") and age(born.replace(day=1)) != age(born):
        form = "cell" if form == "month" else "id"  # the 1st of the month would change the age
    cells = {
        "number": index + 1,
        "name": _PADDED_NAMES.get(person["name"], person["name"]),
        "gender": None if blank_gender else _GENDER_WORDS[person["gender"]],
        "education": _EDUCATION_WORDS.get(unit, {}).get(person["education"], person["education"]),
        "rank": _rank(unit, person),
        "kind": person["establishment_kind"],
        "section": person["section"],
    }
    if form.startswith("id"):
        cells["id"] = id_number(born, person["gender"], serial=index)
    if form != "id":
        cells["birth"] = _birth(born, form)
    return cells


def _birth(born: date, form: str) -> date | str:
    if form == "cell":
        return born
    if form == "dash":
        return born.isoformat()
    if form == "slash":
        return f"{born:%Y/%m/%d}"
    if form == "digits":
        return f"{born:%Y%m%d}"
    return f"{born:%Y.%m}"  # month, id+month


def _rank(unit: str, person: dict) -> str | None:
    rank = person["rank"]
    if rank is None or person["section"] is not None:
        return rank
    head, deputy = _POSTS[unit]
    post = head if rank.startswith("正") else deputy
    # The rank comes first: the importer reads 正科级 in 正科级（局长） but refuses
    # 局长（正科级）, whose bracket it takes for a qualifier of the post.
    return f"{rank}（{post}）"


def age(born: date, on: date = REFERENCE_DATE) -> int:
    """Completed years on ``on``."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def id_number(born: date, gender: str, serial: int) -> str:
    """An 18-digit number issued in 沂水县: region, birth date, a sequence whose last digit
    is odd for a man and even for a woman, and the check character."""
    sequence = (17 + 23 * serial) % 100
    last = (2 * serial + (gender == "male")) % 10
    first17 = f"{COUNTY_CODE}{born:%Y%m%d}{sequence:02d}{last}"
    return first17 + check_digit(first17)
