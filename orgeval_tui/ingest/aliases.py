"""Header names seen in office exports, mapped onto field ids; questionnaire item headers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..i18n import current_language

# The first name of each field is the one messages use when a column is missing; when
# two columns of a sheet name one field, the one whose name comes first here is read
# (职级 before 职务 when a roster has both) and the other is reported as ignored.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名",),
    "gender": ("性别",),
    "birth_date": ("出生日期", "出生年月", "出生年月日"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "公民身份证号码"),
    "education": ("学历", "最高学历", "文化程度"),
    "rank": (
        "职级",
        "现职级",
        "职务职级",
        "职务/职级",
        "职务（职级）",
        "职级（职务）",
        "职务级别",
        "职级/职务",
        "现任职务职级",
        "岗位等级",
        "岗位级别",
        "职务",
        "现任职务",
        "现职务",
    ),
    "establishment_kind": ("编制类型", "编制性质", "用工性质"),
    "section": ("科室", "所在科室", "内设机构", "所属科室"),
    "duty_code": ("职责编号",),
    "duty_name": ("职责名称", "职责内容"),
    "category": ("职责类别", "类别"),
    "log_date": ("日期", "工作日期", "填报日期"),
    "times": ("次数", "履职次数"),
    "hours": (
        "时长",
        "时长（小时）",
        "时长(h)",
        "工作时长",
        "工作时长（小时）",
        "工作时长(h)",
        "履职时长",
        "履职时长（小时）",
    ),
    "case_no": ("工单编号",),
    "unit": ("承办单位", "办理单位"),
    "received": ("受理时间",),
    "deadline": ("办理时限", "截止时间"),
    "closed": ("办结时间",),
    "rating": ("满意度", "满意度评价", "回访结果"),
    "response_code": ("问卷编号",),
    "respondent": ("评价单位", "填报单位"),
    "evaluated_unit": ("被评价单位", "评价对象"),
    "total": ("总分", "合计"),
}
# The problem ledger's own layout (问题台账), read back by `orgeval import ledger`: the
# first name of each field is the header `orgeval export ledger` writes
# (export/ledger_workbook.py); the others are what offices' own ledgers call them.
LEDGER_ALIASES: dict[str, tuple[str, ...]] = {
    "problem_number": ("问题编号",),
    "problem_unit": ("单位", "被评估单位", "责任单位", "单位名称"),
    "problem_source": ("问题来源", "来源"),
    "problem_category": ("问题类别", "问题类型"),
    "problem_title": ("问题标题", "问题", "问题名称"),
    "problem_description": ("问题描述", "具体问题", "问题表现"),
    "problem_severity": ("严重程度",),
    "recommendation": ("整改建议", "意见建议"),
    "recorded_on": ("登记日期",),
    "fed_back_on": ("反馈日期",),
    "measures": ("整改措施",),
    "responsible": ("责任人", "整改责任人"),
    "rectify_deadline": ("整改时限", "整改期限", "完成时限"),
    "problem_status": ("整改状态", "状态"),
    "report_text": ("整改报告",),
    "report_file_name": ("报告附件", "报告文件"),
    "report_file_hash": ("附件哈希", "附件SHA-256", "附件SHA256"),
    "reported_on": ("报告日期",),
    "verifier": ("核查人",),
    "verified_on": ("销号日期",),
    "verify_note": ("核查意见", "回头看意见"),
    "withdraw_reason": ("撤销原因",),
    "withdrawn_on": ("撤销日期",),
    "overdue": ("是否逾期",),
}
# A rubric (指标体系) as `orgeval rubric export` writes it and `rubric import` reads it
# back (export/rubric_workbook.py, services/rubric_sheet.py): the first name of each
# field is the header a Chinese sheet has, the second the header an English one has.
RUBRIC_ALIASES: dict[str, tuple[str, ...]] = {
    "rubric_code": ("编号", "Code", "指标编号"),
    "rubric_name": ("名称", "Name", "指标名称", "指标", "评估指标"),
    "rubric_parent": ("上级编号", "Parent", "上级指标编号", "Parent code"),
    "rubric_max": ("分值", "Max", "满分", "Max points"),
    "rubric_kind": ("计分方式", "Kind", "Scoring"),
    "rubric_per_instance": ("每处扣分", "Points per instance", "Per instance"),
    "rubric_categories": ("对应问题类别", "Ledger categories", "Categories"),
    "rubric_figure": ("数据项", "Figure"),
    "rubric_bands": ("分档", "Bands"),
    "rubric_veto": ("一票否决", "Veto"),
    "rubric_standard": ("评分标准", "Standard"),
    "grade_name": ("等次", "Grade"),
    "grade_lowest": ("最低分", "Lowest total", "分数线"),
}
# The self-evaluation sheet (自评得分表) `orgeval score sheet` writes and `orgeval score
# import --self` reads back (export/self_sheet_workbook.py): the rubric's own columns
# (one header names one field, whatever the sheet) and the unit's two.
SELF_SHEET_ALIASES: dict[str, tuple[str, ...]] = {
    "self_points": ("自评得分", "自评分", "自评分值"),
    "evidence": ("佐证材料", "佐证材料名称", "自评依据"),
}
# The sheet goes to the unit: its headers are Chinese whatever the evaluator reads.
SELF_SHEET_HEADERS: dict[str, str] = {
    "rubric_code": "编号",
    "rubric_name": "指标",
    "rubric_max": "分值",
    "rubric_standard": "评分标准",
    "self_points": "自评得分",
    "evidence": "佐证材料",
}

_WHITESPACE = re.compile(r"\s+")


def normalise_header(text: str) -> str:
    """The header as compared: half-width, no whitespace, no required-marker or colon."""
    text = _WHITESPACE.sub("", unicodedata.normalize("NFKC", str(text)))
    return text.strip("*").rstrip(":")


def _lookup_key(text: str) -> str:
    # Latin letters in headers (时长(H), q1) vary in case between systems.
    return normalise_header(text).casefold()


_FIELD_BY_HEADER: dict[str, tuple[str, int]] = {}
for _field, _names in (
    *FIELD_ALIASES.items(),
    *LEDGER_ALIASES.items(),
    *RUBRIC_ALIASES.items(),
    *SELF_SHEET_ALIASES.items(),
):
    for _preference, _name in enumerate(_names):
        _FIELD_BY_HEADER.setdefault(_lookup_key(_name), (_field, _preference))


@lru_cache(maxsize=4096)
def field_for_header(text: str) -> str | None:
    found = _FIELD_BY_HEADER.get(_lookup_key(text))
    return found[0] if found is not None else None


def header_preference(text: str) -> int:
    """Where ``text`` stands among its field's names: 0 for the first (the most exact)."""
    found = _FIELD_BY_HEADER.get(_lookup_key(text))
    return found[1] if found is not None else len(_FIELD_BY_HEADER)


def display_name(field_id: str) -> str:
    """The header name used when telling a user which column is missing."""
    if field_id in RUBRIC_ALIASES:  # a rubric workbook is written in the user's language
        return rubric_header(field_id, current_language())
    if field_id in SELF_SHEET_ALIASES:
        return SELF_SHEET_HEADERS[field_id]
    names = FIELD_ALIASES.get(field_id) or LEDGER_ALIASES[field_id]
    return names[0]


def rubric_header(field_id: str, language: str) -> str:
    """The header a rubric workbook in ``language`` (zh or en) has for the field."""
    return RUBRIC_ALIASES[field_id][0 if language == "zh" else 1]


_NUMBER = r"(\d+|[零〇一二两三四五六七八九十]+)"
_ITEM = re.compile(rf"第{_NUMBER}题(.*)|题(\d+)(.*)|q(\d+)(.*)|(\d+)(.*)")
# Beyond this a number in a header is something else (a year, a code), not a question.
_MAX_ITEMS = 500
_ITEM_DIGITS = 6  # 第007题 at most; more is not an item number
# A maximum written after the item: (10分), (满分10分), (10), (满分10).
_MAXIMUM = re.compile(r"\((?:满分)?(\d+(?:\.\d+)?)分?\)")
_TRAILING_MAXIMUM = re.compile(r".*?\((?:满分)?(\d+(?:\.\d+)?)分?\)")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}  # fmt: skip


def _chinese_number(text: str) -> int | None:
    """一 … 九十九, the way question numbers are written (第十二题)."""
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


@lru_cache(maxsize=4096)
def item_for_header(text: str) -> tuple[int, float | None] | None:
    """(item number, maximum or None) for a questionnaire item column, else None."""
    key = _lookup_key(text)
    match = _ITEM.fullmatch(key)
    if match is None:
        return None
    groups = match.groups()
    index = next(i for i in range(0, 8, 2) if groups[i] is not None)
    raw_number, rest = groups[index], groups[index + 1]
    if raw_number.isdigit():
        # A cell of thousands of digits is no item number, and int() refuses the text.
        number = int(raw_number) if len(raw_number) <= _ITEM_DIGITS else None
    else:
        number = _chinese_number(raw_number)
    if not number or number > _MAX_ITEMS:
        return None
    if not rest:
        return number, None
    maximum = _MAXIMUM.fullmatch(rest)
    if maximum is None and index == 0:
        # 第N题 may carry the question's wording, with the maximum at the end if at all.
        maximum = _TRAILING_MAXIMUM.fullmatch(rest)
        if maximum is None:
            return number, None
    if maximum is None:
        return None
    return number, float(maximum.group(1))


_ITEM_LABEL = re.compile(
    r"\s*(?:第\s*[0-9零〇一二两三四五六七八九十]+\s*题|题\s*\d+|[qQ]\s*\d+|\d+)"
)
_ITEM_MAXIMUM = re.compile(r"[（(]\s*(?:满分)?\s*\d+(?:\.\d+)?\s*分?\s*[)）]\s*$")
_ITEM_SEPARATORS = " \t.．、:：-—"


def item_wording(text: str) -> str | None:
    """The question's wording in an item header (``第4题 职责履行情况（40分）`` → 职责履行
    情况), or None when the header is only the item's number and maximum. Call it for
    headers ``item_for_header`` reads as items."""
    label = _ITEM_LABEL.match(text)
    rest = text[label.end() :] if label else text
    rest = _ITEM_MAXIMUM.sub("", rest).strip(_ITEM_SEPARATORS)
    return rest or None
