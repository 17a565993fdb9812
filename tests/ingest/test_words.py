from __future__ import annotations

import pytest

from orgeval_tui.analytics import ladders
from orgeval_tui.ingest.values import (
    parse_category,
    parse_education,
    parse_gender,
    parse_rank,
    parse_rating,
)


def _refusal(parser, raw) -> str:
    with pytest.raises(ValueError) as caught:
        parser(raw)
    return str(caught.value)


@pytest.mark.parametrize(
    ("raw", "gender"),
    [("男", "male"), ("女", "female"), (" 男性 ", "male"), ("女性", "female"), ("M", "male"),
     ("f", "female"), ("Male", "male"), ("FEMALE", "female"), ("Ｍ", "male")],
)  # fmt: skip
def test_parse_gender(raw, gender):
    assert parse_gender(raw) == gender


@pytest.mark.parametrize(
    ("raw", "message"),
    [("未知", "not a gender: 未知 (use 男 or 女)"), ("1", "not a gender: 1 (use 男 or 女)"),
     (1.0, "not a gender: 1 (use 男 or 女)"), (None, "missing"), ("　", "missing")],
)  # fmt: skip
def test_parse_gender_refuses(raw, message):
    assert _refusal(parse_gender, raw) == message


@pytest.mark.parametrize("parser", [parse_education, parse_rank, parse_category])
@pytest.mark.parametrize("raw", [None, "", " "])
def test_a_blank_word_is_missing(parser, raw):
    assert _refusal(parser, raw) == "missing"


EDUCATION = {
    ladders.POSTGRADUATE: ["博士", "博士研究生", "硕士", "硕士研究生", "研究生", "在职研究生",
                           "研究生（硕士）", "研究生学历"],
    ladders.BACHELOR: ["大学本科", "本科", "大学", "本科（在职）", "大学本科学历", "全日制本科",
                       " 本 科 ", "本科毕业"],
    ladders.JUNIOR_COLLEGE: ["大学专科", "大专", "专科", "高职", "大专(函授)"],
    ladders.SECONDARY: ["中专", "中技", "技校", "高中", "职高", "中专学历"],
    ladders.BELOW_SECONDARY: ["初中", "小学", "初中及以下"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "level"), [(word, level) for level, words in EDUCATION.items() for word in words]
)
def test_parse_education(raw, level):
    assert parse_education(raw) == level


def test_parse_education_refuses_listing_the_ladder():
    assert _refusal(parse_education, "扫盲班") == (
        "unknown education level: 扫盲班 "
        "(use one of 研究生, 大学本科, 大学专科, 中专/高中, 初中及以下)"
    )


RANKS = {
    ladders.COUNTY_LEVEL: ["正处级", "副处级", "正处", "副处", "正县级", "副县级", "一级调研员",
                           "二级调研员", "三级调研员", "四级调研员"],
    ladders.SECTION_CHIEF: ["正科级", "正科", "一级主任科员", "二级主任科员", "乡科级正职",
                            "正科级（试用期）"],
    ladders.DEPUTY_SECTION: ["副科级", "副科", "三级主任科员", "四级主任科员", "乡科级副职"],
    ladders.CLERK: ["一级科员", "二级科员", "科员", "办事员", "试用期人员", " 科　员 "],
}  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "level"), [(word, level) for level, words in RANKS.items() for word in words]
)
def test_parse_rank(raw, level):
    assert parse_rank(raw) == level


# Public institutions' management posts, professional posts and workers (DOMAIN.md).
GRADES = {
    ladders.COUNTY_LEVEL: ["管理岗位五级", "管理岗位六级", "五级职员", "管理六级"],
    ladders.SECTION_CHIEF: ["管理岗位七级", "七级职员", "管理岗位7级"],
    ladders.DEPUTY_SECTION: ["管理岗位八级", "八级职员"],
    ladders.CLERK: ["管理岗位九级", "管理岗位十级", "十级职员"],
    ladders.PROFESSIONAL: ["专业技术岗位", "正高级", "副高级", "正高", "副高", "中级", "初级",
                           "专业技术十级", "专技岗位"],
    ladders.WORKER: ["工勤技能岗", "工勤技能岗位", "技术工一级", "技术工二级", "技术工三级",
                     "技术工四级", "技术工五级", "普通工", "技术工3级"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "level"), [(word, level) for level, words in GRADES.items() for word in words]
)
def test_parse_rank_places_institution_and_worker_grades(raw, level):
    assert parse_rank(raw) == level


@pytest.mark.parametrize(
    ("raw", "level"),
    [("局长（正科级）", ladders.SECTION_CHIEF), ("副局长(副科)", ladders.DEPUTY_SECTION),
     ("党组书记、局长（正科级）", ladders.SECTION_CHIEF), ("局长/正科级", ladders.SECTION_CHIEF),
     ("主任【管理岗位八级】", ladders.DEPUTY_SECTION),
     ("四级主任科员（副科级）", ladders.DEPUTY_SECTION)],
)  # fmt: skip
def test_parse_rank_reads_the_rank_out_of_a_compound_value(raw, level):
    assert parse_rank(raw) == level


@pytest.mark.parametrize("raw", ["局长", "副科长", "局长（正科级/副科级）"])
def test_parse_rank_refuses_a_post_without_one_rank(raw):
    assert _refusal(parse_rank, raw).startswith(f"unknown rank: {raw} (use one of")


def test_parse_rank_refuses_listing_the_ladder():
    message = _refusal(parse_rank, "局长")

    assert message.startswith("unknown rank: 局长 (use one of 正处级, 副处级, 一级至四级调研员,")
    assert "科员, 办事员, 管理岗位五级至十级, 专业技术岗位" in message
    assert message.endswith("工勤技能岗（技术工一级至五级、普通工）)")


@pytest.mark.parametrize(
    ("raw", "category"),
    [("业务工作", "business"), ("业务", "business"), ("业务类", "business"),
     ("综合事务", "general"), ("综合", "general"), ("综合类", "general"),
     ("综合工作", "general"), ("其他", "other"), ("其它", "other"), (" 业务 工作 ", "business")],
)  # fmt: skip
def test_parse_category(raw, category):
    assert parse_category(raw) == category


def test_parse_category_refuses():
    assert _refusal(parse_category, "党建") == (
        "unknown duty category: 党建 (use 业务工作, 综合事务 or 其他)"
    )


@pytest.mark.parametrize(
    ("raw", "rating"),
    [("满意", "satisfied"), ("非常满意", "satisfied"), ("基本满意", "basically_satisfied"),
     ("比较满意", "basically_satisfied"), ("不满意", "unsatisfied"),
     ("非常不满意", "unsatisfied"), (" 满 意 ", "satisfied"), (None, None), ("", None),
     ("  ", None), ("未评价", None), ("无", None), ("未回访", None), ("无法联系", None)],
)  # fmt: skip
def test_parse_rating(raw, rating):
    assert parse_rating(raw) == rating


def test_parse_rating_refuses_unknown_words():
    assert _refusal(parse_rating, "一般") == (
        "unknown satisfaction rating: 一般 "
        "(use 满意, 基本满意 or 不满意; leave it blank when not rated)"
    )
