from __future__ import annotations

import pytest

from orgeval_tui.ingest.aliases import (
    FIELD_ALIASES,
    field_for_header,
    item_for_header,
    item_wording,
    normalise_header,
)


def test_every_field_of_the_design_has_its_header_names():
    expected = {
        "name": {"姓名"},
        "gender": {"性别"},
        "birth_date": {"出生日期", "出生年月", "出生年月日"},
        "id_number": {"身份证号", "身份证号码", "公民身份号码"},
        "education": {"学历", "最高学历", "文化程度"},
        "rank": {"职级", "现职级", "职务职级"},
        "establishment_kind": {"编制类型", "编制性质", "用工性质"},
        "section": {"科室", "所在科室", "内设机构", "所属科室"},
        "duty_code": {"职责编号"},
        "duty_name": {"职责名称", "职责内容"},
        "category": {"职责类别", "类别"},
        "log_date": {"日期", "工作日期", "填报日期"},
        "times": {"次数", "履职次数"},
        "hours": {"时长", "时长（小时）", "工作时长"},
        "case_no": {"工单编号"},
        "unit": {"承办单位", "办理单位"},
        "received": {"受理时间"},
        "deadline": {"办理时限", "截止时间"},
        "closed": {"办结时间"},
        "rating": {"满意度", "满意度评价", "回访结果"},
        "response_code": {"问卷编号"},
        "respondent": {"评价单位", "填报单位"},
        "evaluated_unit": {"被评价单位", "评价对象"},
        "total": {"总分", "合计"},
    }
    assert set(FIELD_ALIASES) == set(expected)
    for field_id, names in expected.items():
        assert names <= set(FIELD_ALIASES[field_id]), field_id
        for name in names:
            assert field_for_header(name) == field_id, name


def test_no_header_name_means_two_fields():
    seen: dict[str, str] = {}
    for field_id, names in FIELD_ALIASES.items():
        for name in names:
            key = normalise_header(name)
            assert seen.setdefault(key, field_id) == field_id, name


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("时长（小时）", "时长(小时)"),
        ("姓　　名", "姓名"),
        (" 出生\n日期 ", "出生日期"),
        ("*身份证号", "身份证号"),
        ("性别：", "性别"),
        ("性别:", "性别"),
        ("＊姓名＊", "姓名"),
        ("Ｑ１", "Q1"),
    ],
)
def test_normalise_header(written, normalised):
    assert normalise_header(written) == normalised


@pytest.mark.parametrize(
    ("header", "field_id"),
    [
        ("时长(小时)", "hours"),
        ("工作时长（小时）", "hours"),
        ("时长(h)", "hours"),
        ("时长（H）", "hours"),
        ("*姓  名：", "name"),
        ("出生\n年月", "birth_date"),
        ("公民身份号码", "id_number"),
        ("序号", None),
        ("备注", None),
        ("姓名1", None),
        ("", None),
    ],
)
def test_field_for_header(header, field_id):
    assert field_for_header(header) == field_id


@pytest.mark.parametrize(
    ("header", "item"),
    [
        ("第1题", (1, None)),
        ("第 1 题", (1, None)),
        ("1", (1, None)),
        ("题1", (1, None)),
        ("Q1", (1, None)),
        ("q12", (12, None)),
        ("第1题（10分）", (1, 10.0)),
        ("第1题(满分10分)", (1, 10.0)),
        ("第2题（7.5分）", (2, 7.5)),
        ("Q3(20分)", (3, 20.0)),
        ("4（5分）", (4, 5.0)),
        ("第十二题", (12, None)),
        ("第三题（30分）", (3, 30.0)),
        ("第二十五题", (25, None)),
        ("第4题 职责履行情况（40分）", (4, 40.0)),
        ("第5题 科室设置是否合理", (5, None)),
    ],
)
def test_item_headers(header, item):
    assert item_for_header(header) == item


@pytest.mark.parametrize(
    "header", ["姓名", "总分", "第题", "第0题", "0", "2024", "2024年", "Q1 职责", "题目", "一", ""]
)
def test_not_item_headers(header):
    assert item_for_header(header) is None


@pytest.mark.parametrize(
    ("header", "wording"),
    [
        ("第1题", None),
        ("第1题（10分）", None),
        ("Q3(20分)", None),
        ("第4题 职责履行情况（40分）", "职责履行情况"),
        ("第5题 科室设置是否合理", "科室设置是否合理"),
        ("第十二题：本单位工作重点突出，聚焦主责主业", "本单位工作重点突出，聚焦主责主业"),
        ("第2题、该部门与本单位协作配合顺畅（满分10分）", "该部门与本单位协作配合顺畅"),
        ("Q7 (5分)", None),
    ],
)
def test_an_items_wording_is_read_from_its_header(header, wording):
    assert item_for_header(header) is not None
    assert item_wording(header) == wording


@pytest.mark.parametrize("digits", ["0" * 19_689, "1" * 5_000, "0" * 4_000 + "7"])
def test_a_header_of_thousands_of_digits_is_not_an_item(digits):
    """Before: ValueError from int() ("Exceeds the limit (4300 digits) for integer string
    conversion"), a traceback out of `import survey` for a header cell of zeros; found by
    bench/bad_input.py."""
    assert item_for_header(digits) is None
    assert item_for_header(f"第{digits}题") is None


def test_an_item_number_with_leading_zeros_is_still_read():
    assert item_for_header("第007题（10分）") == (7, 10.0)
