"""Rosters of the pilot: the staff on establishment of the evaluated units.

Written out person by person, as the real-name registry (实名制管理系统) exports them.
Ages are completed years at the reference date; the birth date inside each year of age is
drawn from a seeded generator. The tables are tuned to the figures of DOMAIN.md:

- 县总工会: 7 people, 1 woman, ages summing to 364 (mean 52.0), all 副科 or above.
- 县工人文化宫: 12 people, ages summing to 478 (mean 39.83), all 大专 or above.
- 县工业和信息化局: 19 people (the ``persons`` of its duty figures).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..analytics.ladders import (
    BACHELOR,
    BELOW_SECONDARY,
    CLERK,
    COUNTY_LEVEL,
    DEPUTY_SECTION,
    JUNIOR_COLLEGE,
    POSTGRADUATE,
    SECONDARY,
    SECTION_CHIEF,
)

REFERENCE_DATE = date(2021, 6, 30)

ZGH = "县总工会"
WHG = "县工人文化宫"
GXJ = "县工业和信息化局"
QXJ = "县气象局"

# The words a roster shows, and the ladder level each stands for.
EDUCATION_WORDS = {
    "研究生": POSTGRADUATE,
    "大学本科": BACHELOR,
    "大学专科": JUNIOR_COLLEGE,
    "中专": SECONDARY,
    "高中": SECONDARY,
    "初中": BELOW_SECONDARY,
}
RANK_WORDS = {
    "正处级": COUNTY_LEVEL,
    "副处级": COUNTY_LEVEL,
    "正科级": SECTION_CHIEF,
    "一级主任科员": SECTION_CHIEF,
    "二级主任科员": SECTION_CHIEF,
    "副科级": DEPUTY_SECTION,
    "三级主任科员": DEPUTY_SECTION,
    "四级主任科员": DEPUTY_SECTION,
    "一级科员": CLERK,
    "二级科员": CLERK,
    "科员": CLERK,
    "办事员": CLERK,
}

ADMIN = "行政编制"
PUBLIC = "事业编制"
SERVICE = "工勤编制"

SECTIONS = {
    ZGH: ["办公室", "组织宣传部", "权益保障部"],
    WHG: ["办公室", "文体活动部", "职工培训部"],
    GXJ: [
        "办公室",
        "综合法规科",
        "运行监测科",
        "投资与技术改造科",
        "中小企业科",
        "信息化推进科",
        "节能与综合利用科",
        "安全生产科",
    ],
    QXJ: ["办公室", "防灾减灾科", "气象台", "人工影响天气办公室"],
}

# name, gender, age at the reference date, education, rank (None: a service post has no
# civil-service rank), establishment kind, section (None: the unit's leadership).
ROSTERS: dict[str, list[tuple]] = {
    ZGH: [
        ("刘振东", "male", 56, "大学本科", "正科级", ADMIN, None),  # 主席
        ("王立新", "male", 54, "大学专科", "副科级", ADMIN, None),  # 副主席
        ("高玉梅", "female", 51, "大学本科", "副科级", ADMIN, None),  # 副主席
        ("孙宝华", "male", 58, "中专", "二级主任科员", ADMIN, "办公室"),
        ("李建伟", "male", 44, "大学本科", "四级主任科员", ADMIN, "办公室"),
        ("杜洪涛", "male", 52, "大学专科", "三级主任科员", ADMIN, "组织宣传部"),
        ("张庆军", "male", 49, "大学本科", "四级主任科员", ADMIN, "权益保障部"),
    ],
    WHG: [
        ("周长利", "male", 54, "大学本科", "副科级", PUBLIC, None),  # 主任
        ("宋秀兰", "female", 50, "大学专科", "科员", PUBLIC, "办公室"),
        ("朱立华", "male", 47, "大学专科", "科员", PUBLIC, "文体活动部"),
        ("魏丽", "female", 44, "大学本科", "科员", PUBLIC, "职工培训部"),
        ("吴海燕", "female", 42, "大学本科", "科员", PUBLIC, "办公室"),
        ("胡建强", "male", 40, "大学本科", "科员", PUBLIC, "文体活动部"),
        ("姜云鹏", "male", 38, "大学本科", "科员", PUBLIC, "职工培训部"),
        ("崔晓琳", "female", 36, "研究生", "科员", PUBLIC, "职工培训部"),
        ("于文博", "male", 35, "大学本科", "科员", PUBLIC, "文体活动部"),
        ("庞静", "female", 33, "大学本科", "办事员", PUBLIC, "办公室"),
        ("尹浩然", "male", 31, "大学专科", "办事员", PUBLIC, "文体活动部"),
        ("郑雪", "female", 28, "大学本科", "办事员", PUBLIC, "职工培训部"),
    ],
    GXJ: [
        ("王德胜", "male", 53, "大学本科", "正科级", ADMIN, None),  # 局长
        ("陈立强", "male", 49, "大学本科", "副科级", ADMIN, None),  # 副局长
        ("赵晓红", "female", 45, "研究生", "副科级", ADMIN, None),  # 副局长
        ("马成军", "male", 51, "大学本科", "副科级", ADMIN, None),  # 副局长
        ("徐志刚", "male", 56, "大学专科", "一级主任科员", ADMIN, "办公室"),
        ("李倩", "female", 38, "大学本科", "三级主任科员", ADMIN, "办公室"),
        ("杨建国", "male", 50, "高中", None, SERVICE, "办公室"),  # 驾驶员
        ("孙丽萍", "female", 46, "大学本科", "二级主任科员", ADMIN, "综合法规科"),
        ("武晓东", "male", 29, "研究生", "一级科员", ADMIN, "综合法规科"),
        ("刘志远", "male", 42, "大学本科", "四级主任科员", ADMIN, "运行监测科"),
        ("张晓雯", "female", 27, "大学本科", "二级科员", ADMIN, "运行监测科"),
        ("高振华", "male", 47, "大学本科", "三级主任科员", ADMIN, "投资与技术改造科"),
        ("韩志鹏", "male", 33, "大学本科", "一级科员", ADMIN, "投资与技术改造科"),
        ("郑文静", "female", 40, "大学本科", "四级主任科员", ADMIN, "中小企业科"),
        ("薛凯文", "male", 31, "研究生", "一级科员", ADMIN, "中小企业科"),
        ("田晓光", "male", 36, "大学本科", "四级主任科员", ADMIN, "信息化推进科"),
        ("袁梦", "female", 26, "大学本科", "二级科员", ADMIN, "信息化推进科"),
        ("邵长青", "male", 52, "大学专科", "二级主任科员", ADMIN, "节能与综合利用科"),
        ("彭国栋", "male", 44, "大学本科", "三级主任科员", ADMIN, "安全生产科"),
    ],
    QXJ: [
        ("石永刚", "male", 50, "大学本科", "正科级", ADMIN, None),  # 局长
        ("侯雪梅", "female", 43, "大学本科", "副科级", ADMIN, None),  # 副局长
        ("董方", "male", 37, "大学本科", "四级主任科员", ADMIN, "办公室"),
        ("曹丽君", "female", 34, "研究生", "一级科员", ADMIN, "防灾减灾科"),
        ("付振强", "male", 41, "大学本科", "三级主任科员", ADMIN, "气象台"),
        ("潘宇", "male", 30, "大学本科", "一级科员", ADMIN, "气象台"),
        ("林晓慧", "female", 28, "研究生", "二级科员", ADMIN, "气象台"),
        ("贾振国", "male", 46, "大学专科", "四级主任科员", ADMIN, "人工影响天气办公室"),
    ],
}


def birth_date_for_age(rng: random.Random, age: int, on: date = REFERENCE_DATE) -> date:
    """A birth date giving exactly ``age`` completed years on ``on``."""
    latest = on.replace(year=on.year - age)  # the birthday that makes it ``age`` on ``on``
    earliest = on.replace(year=on.year - age - 1) + timedelta(days=1)
    return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))


def build_staff(rng: random.Random) -> dict[str, list[dict]]:
    staff: dict[str, list[dict]] = {}
    for unit, rows in ROSTERS.items():
        people = []
        for name, gender, age, education, rank, kind, section in rows:
            people.append(
                {
                    "name": name,
                    "gender": gender,
                    "birth_date": birth_date_for_age(rng, age),
                    "education": education,
                    "education_level": EDUCATION_WORDS[education],
                    "rank": rank,
                    "rank_level": RANK_WORDS[rank] if rank else None,
                    "establishment_kind": kind,
                    "section": section,
                }
            )
        staff[unit] = people
    return staff
