"""The on-site evaluation's fixed words: the kinds of activity (DOMAIN.md's names)."""

from __future__ import annotations

# 听取汇报, 查阅资料, 实地查看, 个别访谈, 座谈会, 电话回访, 问卷发放
ACTIVITY_KINDS = (
    "briefing",
    "archive",
    "site",
    "interview",
    "meeting",
    "callback",
    "questionnaire",
)
