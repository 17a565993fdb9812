"""The questionnaires: the peer survey (互评) of the 50 related departments and the staff
survey (25 items) of the evaluated units' own people.

Peer scores are exact: each unit's responses lose, in half points, a total of
responses x (100 - target), so the mean of the totals is exactly 99.7 / 99.28 / 99.2.
"""

from __future__ import annotations

import random
from decimal import Decimal

from .pilot_random import weighted
from .pilot_rosters import GXJ, QXJ, ROSTERS, WHG, ZGH
from .pilot_units import PEERS

PEER_TITLE = "部门履职情况互评调查问卷"
PEER_ITEMS = [
    (1, "该部门在业务往来中主动对接、履职到位", 10),
    (2, "该部门与本单位协作配合顺畅，不推诿扯皮", 10),
    (3, "该部门对涉及本单位的热点难点问题解决及时有效", 10),
    (4, "该部门职责边界清晰，不存在错位、越位、缺位", 10),
    (5, "该部门办事程序规范，政策标准公开透明", 10),
    (6, "该部门办理事项效率高，时限符合要求", 10),
    (7, "该部门工作人员服务态度好、作风务实", 10),
    (8, "该部门信息共享、沟通反馈及时", 10),
    (9, "该部门依法依规履职，廉洁自律", 10),
    (10, "对该部门履职情况的总体评价", 10),
]
# evaluated unit → (responses, target mean of the totals out of 100)
PEER_TARGETS = {ZGH: (340, "99.7"), GXJ: (375, "99.28"), QXJ: (330, "99.2")}
# The points a response loses on one item, and how often.
DEDUCTIONS = ((0.5, 5), (1.0, 6), (1.5, 2), (2.0, 3), (3.0, 1))

STAFF_TITLE = "机构编制执行情况和使用效益评估工作人员调查问卷"
STAFF_ITEMS = [
    (n, text, 5)
    for n, text in enumerate(
        [
            # 履职尽责
            "本单位能够全面履行“三定”规定明确的职责",
            "本单位主要职责任务落实到位、不打折扣",
            "本单位工作重点突出，聚焦主责主业",
            "本单位能按时完成上级和县委县政府交办的任务",
            "本单位不存在职责交叉、推诿扯皮现象",
            # 内设机构管理
            "本单位内设机构设置合理，与职责任务相匹配",
            "各科室职责分工明确、边界清晰",
            "内设机构名称、挂牌与“三定”规定一致",
            "科室间工作运转顺畅、衔接有序",
            "本单位内部管理制度健全并有效执行",
            # 人员配备
            "本单位编制数量能够满足工作需要",
            "人员配备与岗位职责相匹配",
            "干部队伍年龄结构合理",
            "干部队伍专业结构、学历层次能满足工作需要",
            "本单位不存在借调、混岗使用人员问题",
            # 日常工作量
            "本人日常工作量饱满",
            "本人工作量与所在岗位职责相符",
            "本科室工作量在各科室之间分布均衡",
            "本人能够按时在履职考评系统如实填报工作情况",
            "本人很少需要加班完成日常工作",
            # 满意度与协作
            "本人对本单位履职情况总体满意",
            "本人对所在科室工作开展情况满意",
            "本人对本单位机构编制管理工作满意",
            "本单位科室之间协作配合良好",
            "本单位与其他部门之间协作配合良好",
        ],
        start=1,
    )
]
# Items the staff of a unit answer lower: 县总工会's people feel the short, ageing team.
STAFF_WEAK_ITEMS = {ZGH: {11, 12, 13, 20}, WHG: {14, 18}, GXJ: {5, 7, 16, 19}, QXJ: {8, 11}}
# Roster people who did not return the questionnaire (on leave or away).
STAFF_NOT_RETURNED = {"杨建国", "尹浩然"}


def _split(total: int, weights: list[float]) -> list[int]:
    """``total`` as whole parts proportional to ``weights``, each at least 1."""
    parts = [1] * len(weights)
    rest = total - len(weights)
    scale = rest / sum(weights)
    raw = [w * scale for w in weights]
    base = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - base[i], reverse=True)
    for i in order[: rest - sum(base)]:
        base[i] += 1
    return [p + b for p, b in zip(parts, base, strict=True)]


def _peer_scores(rng: random.Random, n: int, target: str) -> list[list[float]]:
    """``n`` responses whose totals average exactly ``target`` out of 100."""
    maxima = [m for _n, _t, m in PEER_ITEMS]
    # Deducted half points in all: n * (100 - target) * 2, an integer by choice of n.
    missing = n * (100 - Decimal(target)) * 2
    assert missing == int(missing), "choose n so the deduction is whole half points"
    missing = int(missing)
    scores = [[float(m) for m in maxima] for _ in range(n)]
    while missing:
        points = min(weighted(rng, DEDUCTIONS), missing / 2)
        row = rng.choice(scores)
        item = rng.randrange(len(maxima))
        if row[item] - points >= maxima[item] * 0.6:
            row[item] -= points
            missing -= round(points * 2)
    return scores


def peer_survey(rng: random.Random) -> dict:
    departments = [(row[0], row[2]) for row in PEERS]
    responses = []
    for unit, (n, target) in PEER_TARGETS.items():
        # Townships sent the questionnaire to more of their people than departments did.
        weights = [
            rng.uniform(1.4, 2.6) if kind == "township" else rng.uniform(0.5, 1.5)
            for _n, kind in departments
        ]
        counts = _split(n, weights)
        scores = _peer_scores(rng, n, target)
        rng.shuffle(scores)
        rows = iter(scores)
        for (department, _kind), count in zip(departments, counts, strict=True):
            for _ in range(count):
                responses.append(
                    {
                        "code": f"HP{len(responses) + 1:04d}",
                        "unit": unit,
                        "respondent": department,
                        "scores": next(rows),
                    }
                )
    return {"title": PEER_TITLE, "items": list(PEER_ITEMS), "responses": responses}


def staff_survey(rng: random.Random) -> dict:
    responses = []
    for unit in (ZGH, WHG, GXJ, QXJ):
        weak = STAFF_WEAK_ITEMS[unit]
        for name, *_rest, section in ROSTERS[unit]:
            if name in STAFF_NOT_RETURNED:
                continue
            scores = []
            for number, _text, _max in STAFF_ITEMS:
                if number in weak:
                    scores.append(weighted(rng, ((2, 2), (3, 5), (4, 4), (5, 2))))
                else:
                    scores.append(weighted(rng, ((3, 1), (4, 5), (5, 10))))
            responses.append(
                {
                    "code": f"ZP{len(responses) + 1:04d}",
                    "unit": unit,
                    "respondent": section,
                    "scores": scores,
                }
            )
    return {"title": STAFF_TITLE, "items": list(STAFF_ITEMS), "responses": responses}
