"""The words exports use for gender, education, rank, duty category and satisfaction."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..analytics import ladders
from ..i18n import t
from .text import as_text, is_blank, shown

_GENDERS = {"男": "male", "男性": "male", "m": "male", "male": "male",
            "女": "female", "女性": "female", "f": "female", "female": "female"}  # fmt: skip

_EDUCATION = {
    ladders.POSTGRADUATE: "博士 博士研究生 硕士 硕士研究生 研究生 在职研究生",
    ladders.BACHELOR: "大学本科 本科 大学",
    ladders.JUNIOR_COLLEGE: "大学专科 大专 专科 高职",
    ladders.SECONDARY: "中专 中技 技校 高中 职高",
    ladders.BELOW_SECONDARY: "初中 小学 初中及以下",
}
_RANKS = {
    ladders.COUNTY_LEVEL: "正处级 副处级 正处 副处 正县级 副县级 县处级正职 县处级副职 "
    "一级调研员 二级调研员 三级调研员 四级调研员",
    ladders.SECTION_CHIEF: "正科级 正科 乡科级正职 一级主任科员 二级主任科员",
    ladders.DEPUTY_SECTION: "副科级 副科 乡科级副职 三级主任科员 四级主任科员",
    ladders.CLERK: "一级科员 二级科员 科员 办事员 试用期人员",
    ladders.PROFESSIONAL: "专业技术岗位 专业技术岗 专技岗位 专技岗 专业技术 专技 专业技术人员 "
    "正高级 正高 副高级 副高 中级 初级 员级 助理级",
    ladders.WORKER: "工勤技能岗 工勤技能岗位 工勤技能 工勤岗位 工勤岗 工勤 工勤人员 "
    "高级技师 技师 高级工 中级工 初级工 技术工 普通工 普工",
}
_CHINESE_ORDINALS = "一二三四五六七八九十"
# 管理岗位N级 (a public institution's management post) by N, onto the rank ladder.
_MANAGEMENT_GRADES = {5: ladders.COUNTY_LEVEL, 6: ladders.COUNTY_LEVEL,
                      7: ladders.SECTION_CHIEF, 8: ladders.DEPUTY_SECTION,
                      9: ladders.CLERK, 10: ladders.CLERK}  # fmt: skip


def _numbered(grade: int) -> tuple[str, str]:
    """A grade as offices write it: 七 and 7; 十二 and 12."""
    tens, ones = divmod(grade, 10)
    chinese = ("十" if tens else "") + (_CHINESE_ORDINALS[ones - 1] if ones else "")
    return chinese, str(grade)


def _graded_words() -> dict[str, int]:
    """Grades written with a number: 管理岗位七级, 七级职员, 专业技术十级, 技术工3级."""
    words: dict[str, int] = {}
    for grade in range(1, 14):
        for number in _numbered(grade):
            management = _MANAGEMENT_GRADES.get(grade)
            if management is not None:
                words[f"{number}级职员"] = management
                for prefix in ("管理岗位", "管理岗", "管理"):
                    words[f"{prefix}{number}级"] = words[f"{prefix}{number}级职员"] = management
            for prefix in ("专业技术岗位", "专业技术", "专技岗位", "专技"):
                words[f"{prefix}{number}级"] = ladders.PROFESSIONAL
            if grade <= 5:
                for prefix in ("技术工", "工勤技能岗位", "工勤技能岗", "工勤技能"):
                    words[f"{prefix}{number}级"] = ladders.WORKER
    return words


_CATEGORIES = {
    "business": "业务工作 业务 业务类",
    "general": "综合事务 综合 综合类 综合工作",
    "other": "其他 其它 其他类 其它类",
}
_RATINGS = {
    "satisfied": "满意 非常满意",
    "basically_satisfied": "基本满意 比较满意",
    "unsatisfied": "不满意 非常不满意",
}
# What an unknown rank's message suggests: the ladder's words, not every variant.
_RANKS_SHOWN = ("正处级", "副处级", "一级至四级调研员", "正科级", "副科级",
                "一级至四级主任科员", "一级科员", "二级科员", "科员", "办事员",
                "管理岗位五级至十级", "专业技术岗位（正高、副高、中级、初级）",
                "工勤技能岗（技术工一级至五级、普通工）")  # fmt: skip
# Words that mean the citizen gave no rating.
_NO_RATING = {"未评价", "无", "未回访", "无法联系"}


def _by_word(table: dict) -> dict[str, object]:
    return {word: key for key, words in table.items() for word in words.split()}


_EDUCATION_WORDS = _by_word(_EDUCATION)
_RANK_WORDS = _by_word(_RANKS) | _graded_words()
_CATEGORY_WORDS = _by_word(_CATEGORIES)
_RATING_WORDS = _by_word(_RATINGS)

# 本科（在职）, 研究生(硕士), 【正科】: what is in brackets qualifies, it does not decide.
_BRACKETED = re.compile(r"\(.*?\)|\[.*?\]|【.*?】|〔.*?〕")
_BRACKET_CONTENTS = re.compile(r"\((.*?)\)|\[(.*?)\]|【(.*?)】|〔(.*?)〕")
# A compound value names a post and its rank: 局长（正科级）, 副局长/副科, 党组书记、局长、正科级.
_PARTS = re.compile(r"[/、,;|\\]+")
_EDUCATION_AFFIXES = re.compile(r"^(?:全日制|在职教育)|(?:学历|毕业)$")


@lru_cache(maxsize=1024)
def _word(value: str) -> str:
    text = "".join(unicodedata.normalize("NFKC", value).split())
    return _BRACKETED.sub("", text)


def _present(value: object) -> str:
    if is_blank(value):
        raise ValueError(t("ingest.value.missing"))
    return as_text(value)


def parse_gender(value: object) -> str:
    gender = _GENDERS.get(value) if value.__class__ is str else None
    if gender is None:
        gender = _GENDERS.get(_word(_present(value)).lower())
        if gender is None:
            raise ValueError(t("ingest.value.not_gender", value=shown(value)))
    return gender


def parse_education(value: object) -> int:
    level = _EDUCATION_WORDS.get(value) if value.__class__ is str else None
    if level is None:
        level = _education(_present(value))
        if level is None:
            accepted = t("ingest.separator").join(ladders.EDUCATION_LABELS.values())
            raise ValueError(t("ingest.value.not_education", value=shown(value), accepted=accepted))
    return level


@lru_cache(maxsize=1024)
def _education(value: str) -> int | None:
    word = _word(value)
    return _EDUCATION_WORDS.get(word) or _EDUCATION_WORDS.get(_EDUCATION_AFFIXES.sub("", word))


def parse_rank(value: object) -> int:
    level = _RANK_WORDS.get(value) if value.__class__ is str else None
    if level is None:
        level = _rank(_present(value))
        if level is None:
            accepted = t("ingest.separator").join(_RANKS_SHOWN)
            raise ValueError(t("ingest.value.not_rank", value=shown(value), accepted=accepted))
    return level


@lru_cache(maxsize=1024)
def _rank(value: str) -> int | None:
    """The rank a value names: the whole value (less what is in brackets), else the rank
    in its brackets (局长（正科级）), else the one part of it that is a rank (局长/正科级)."""
    level = _RANK_WORDS.get(_word(value))
    if level is not None:
        return level
    text = "".join(unicodedata.normalize("NFKC", value).split())
    inner = [part for groups in _BRACKET_CONTENTS.findall(text) for part in groups if part]
    outer = _PARTS.split(_BRACKETED.sub("", text))
    levels = {_RANK_WORDS.get(part) for part in (*inner, *outer) for part in _PARTS.split(part)}
    levels.discard(None)
    # Two different ranks in one value (副科级/正科级) decide nothing.
    return levels.pop() if len(levels) == 1 else None


def parse_category(value: object) -> str:
    category = _CATEGORY_WORDS.get(value) if value.__class__ is str else None
    if category is None:
        category = _CATEGORY_WORDS.get(_word(_present(value)))
        if category is None:
            raise ValueError(t("ingest.value.not_category", value=shown(value)))
    return category


def parse_rating(value: object) -> str | None:
    """satisfied / basically_satisfied / unsatisfied, or None when no rating was given."""
    rating = _RATING_WORDS.get(value) if value.__class__ is str else None
    if rating is not None or is_blank(value):
        return rating
    word = _word(as_text(value))
    if word in _NO_RATING:
        return None
    rating = _RATING_WORDS.get(word)
    if rating is None:
        raise ValueError(t("ingest.value.not_rating", value=shown(value)))
    return rating
