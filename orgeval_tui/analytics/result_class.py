"""The result class of an evaluated unit (结果运用: 正向激励 and 反向约束): the pilot praises
the units whose work stands out and holds an admonitory talk (约谈) with the heads of
the units that fail. Here that is read from the grade, so the rule is the grade bands
the evaluation set, written once: 优秀 → praise (通报表扬), 不合格 → talk, else none."""

from __future__ import annotations

RESULT_CLASSES = ("praise", "talk", "none")


def result_class(grade: str | None) -> str:
    if grade == "excellent":
        return "praise"
    if grade == "fail":
        return "talk"
    return "none"
