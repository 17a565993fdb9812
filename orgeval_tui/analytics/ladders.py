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

# Rank, high to low. Public institutions' management posts sit on the same ladder
# (管理岗位五级、六级 ~ 处级, 七级 ~ 正科, 八级 ~ 副科, 九级、十级 ~ 科员). Professional
# posts (专业技术岗位) and workers (工勤技能岗) are ladders of their own: known ranks,
# below 副科 for the share at deputy-section level or above (DOMAIN.md, "Roster").
COUNTY_LEVEL = 4  # 正处 / 副处
SECTION_CHIEF = 3  # 正科 (incl. 一级、二级主任科员)
DEPUTY_SECTION = 2  # 副科 (incl. 三级、四级主任科员)
CLERK = 1  # 科员 / 办事员 and below
PROFESSIONAL = 0  # 专业技术岗位: 正高, 副高, 中级, 初级
WORKER = -1  # 工勤技能岗: 技术工一级…五级, 普通工

RANK_LABELS = {
    COUNTY_LEVEL: "处级",
    SECTION_CHIEF: "正科级",
    DEPUTY_SECTION: "副科级",
    CLERK: "科员及以下",
    PROFESSIONAL: "专业技术岗位",
    WORKER: "工勤技能岗",
}
RANK_KEYS = {
    COUNTY_LEVEL: "county_level",
    SECTION_CHIEF: "section_chief",
    DEPUTY_SECTION: "deputy_section",
    CLERK: "clerk",
    PROFESSIONAL: "professional",
    WORKER: "worker",
}
# The rungs of the rank ladder proper, shown even when nobody is on them; the other
# ladders' rungs (professional posts, workers) only when someone is.
ADMINISTRATIVE_RANKS = tuple(
    RANK_KEYS[level] for level in (COUNTY_LEVEL, SECTION_CHIEF, DEPUTY_SECTION, CLERK)
)
