"""The education and rank ladders of DOMAIN.md, as ordered levels.

Ingest maps the words an export uses onto these levels; analytics compares levels.
Higher is higher on the ladder.
"""

from __future__ import annotations

# Education, high to low.
POSTGRADUATE = 5  # 研究生 (incl. 博士, 硕士)
BACHELOR = 4  # 大学本科
JUNIOR_COLLEGE = 3  # 大学专科 / 大专
SECONDARY = 2  # 中专 / 高中
BELOW_SECONDARY = 1  # 初中及以下

EDUCATION_LABELS = {
    POSTGRADUATE: "研究生",
    BACHELOR: "大学本科",
    JUNIOR_COLLEGE: "大学专科",
    SECONDARY: "中专/高中",
    BELOW_SECONDARY: "初中及以下",
}
EDUCATION_KEYS = {
    POSTGRADUATE: "postgraduate",
    BACHELOR: "bachelor",
    JUNIOR_COLLEGE: "junior_college",
    SECONDARY: "secondary",
    BELOW_SECONDARY: "below_secondary",
}

# Rank, high to low.
COUNTY_LEVEL = 4  # 正处 / 副处
SECTION_CHIEF = 3  # 正科 (incl. 一级、二级主任科员)
DEPUTY_SECTION = 2  # 副科 (incl. 三级、四级主任科员)
CLERK = 1  # 科员 / 办事员 and below

RANK_LABELS = {
    COUNTY_LEVEL: "处级",
    SECTION_CHIEF: "正科级",
    DEPUTY_SECTION: "副科级",
    CLERK: "科员及以下",
}
RANK_KEYS = {
    COUNTY_LEVEL: "county_level",
    SECTION_CHIEF: "section_chief",
    DEPUTY_SECTION: "deputy_section",
    CLERK: "clerk",
}
