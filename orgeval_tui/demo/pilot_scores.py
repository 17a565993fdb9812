"""The pilot's scores against the default rubric: each unit's self-evaluation (部门自己评)
and the office's scores from the two evaluators of the on-site team (编办实地评).

The units scored themselves before the on-site visits, each leaf with its evidence
(佐证材料). The office scored after the problems were recorded: a figure leaf at the
points its figure suggests (computed from the pilot's data, as the scoring screen shows
them), a deduction leaf by the count of the unit's ledger problems in its categories,
the graded leaf (自评质量) by judgement; where a leaf loses points the justification
comes from the findings of the source document and the on-site team. The two
evaluators differ on two leaves: on 县工信局's unperformed duties by more than a quarter
of the maximum (the sheet flags it), on 县气象局's signage by half a point.

Everything goes in through ``services.scores.set_score``, audited, as the evaluator who
gave the score on the day; nothing is drawn at random.
"""

from __future__ import annotations

from datetime import date, datetime, time

from ..domain.actor import acting_as
from ..domain.clock import clock_at
from ..services.score_sheet import ScoreSheet, score_sheet
from ..services.scores import set_score
from ..storage.database import Database
from .pilot_ledger import CLERK, LEAD, SHANGHAI
from .pilot_rosters import GXJ, QXJ, ZGH

EVALUATORS = (LEAD, CLERK)
SELF_TYPED_ON = date(2021, 7, 2)  # the units' self-evaluation sheets, typed in by the clerk
OFFICE_SCORED_ON = {LEAD: date(2021, 7, 26), CLERK: date(2021, 7, 27)}

# The evidence a unit cites for a leaf it scores itself on.
EVIDENCE = {
    "A1.1": "“三定”规定、内设机构设置文件",
    "A1.2": "内设机构挂牌照片",
    "A2.1": "“三定”规定、权责清单、年度工作总结",
    "A2.2": "部门职责分工文件、协作事项清单",
    "A3.1": "实名制系统《在编人员信息表》、用编进人审批表",
    "A3.2": "花名册、编制使用情况表",
    "A4.1": "领导班子成员任职文件",
    "A4.2": "内设机构负责人任职文件、花名册",
    "A5.1": "实名制系统人员信息与花名册比对表",
    "A5.2": "人员调入、退休审批表",
    "A6.1": "无编外聘用人员的情况说明",
    "A6.2": "无借调人员的情况说明",
    "B1.1": "履职考评系统岗位职责执行统计",
    "B1.2": "履职考评系统工作类别统计",
    "B1.3": "履职考评系统填报统计",
    "B1.4": "履职考评系统工时统计",
    "B2.1": "12345热线交办件台账",
    "B2.2": "12345热线交办件台账、办结回复单",
    "B2.3": "12345热线群众评价记录",
    "B3.1": "自查自评报告",
    "B3.2": "部门间协作配合事项说明",
    "B3.3": "职工问卷汇总表",
}
DUTY_LEAVES = ("B1.1", "B1.2", "B1.3", "B1.4")
NO_DUTY_LOG = "本单位未在履职考评系统填报，无此项数据，不适用"
NO_DUTY_FIGURE = "履职考评系统无本单位数据（无数据），本项不适用。"

# A unit's self-scores where they are not the maximum (None: 不适用), with the evidence.
SELF_SCORES = {
    ZGH: {
        "A2.2": (3, "自查发现组织宣传部、权益保障部部分工作交叉，个别同志身兼多岗；岗位职责说明书"),
        **dict.fromkeys(DUTY_LEAVES, (None, NO_DUTY_LOG)),
        "B2.1": (3, "12345热线交办件台账：职工维权、困难帮扶类诉求较少"),
        "B3.3": (5.5, "职工问卷汇总表、职工座谈记录"),
    },
    GXJ: {
        "A2.1": (5, "履职考评系统：132条岗位职责已执行94条，部分职责已划转未开展"),
        "B1.1": (5.5, "履职考评系统：设置岗位职责132条，已执行94条，执行率71.21%"),
        "B1.2": (3, "履职考评系统：按履职时长，业务工作类占76.18%"),
        "B1.3": (3, "履职考评系统：2020年度填报率82.67%"),
        "B1.4": (3, "履职考评系统：工作量比率78.94%"),
        "B3.3": (5.5, "职工问卷汇总表"),
    },
    QXJ: {
        **dict.fromkeys(DUTY_LEAVES, (None, NO_DUTY_LOG)),
        "B2.1": (3, "12345热线交办件台账：气象服务类诉求较少"),
        "B2.3": (4, "12345热线群众评价记录：群众总体满意"),
        "B3.3": (5.5, "职工问卷汇总表"),
    },
}

# The office's points on the graded leaf (自评质量), the same from both evaluators.
GRADED = {ZGH: {"B3.1": 3}, GXJ: {"B3.1": 3}, QXJ: {"B3.1": 2.5}}

# The office's justification of every leaf that loses points or is 不适用, from the
# findings of the source document and of the on-site team.
JUSTIFICATIONS = {
    ZGH: {
        "A2.2": "组织宣传部、权益保障部部分工作交叉，个别同志身兼多岗，内设机构职责分工不够明确。",
        "A3.2": "机关7名在编人员平均年龄52岁，队伍年龄老化、缺少年轻工作力量，而县工人文化宫"
        "12人平均年龄39.8岁，机关及所属事业单位人员统筹使用不够。",
        "A5.1": "2019年以来2名人员调入、1名人员退休的机构编制手续材料未归档，编制使用档案不完整。",
        **dict.fromkeys(DUTY_LEAVES, NO_DUTY_FIGURE),
        "B2.1": "12345热线交办件少，办件量为全县平均水平的11.49%。",
        "B3.3": "职工问卷满意度87.31分；“各科室职责分工明确、边界清晰”等题目得分偏低。",
    },
    GXJ: {
        "A1.2": "“运行监测科”仍挂机构改革前“经济运行科”旧牌，“节能与综合利用科”未挂牌，"
        "内设机构挂牌不规范。",
        "A2.1": "2020年度设置岗位职责132条，已执行94条，执行率71.21%，部分岗位职责未开展。",
        "A5.1": "2名人员调入的用编审批材料未及时归档，编制使用档案不完整。",
        "B1.1": "设置岗位职责132条，已执行94条，执行率71.21%，仍存在部分职责没有开展的情况。",
        "B1.2": "按履职时长，业务工作类占全部工作的76.18%。",
        "B1.3": "系统填报率82.67%，部分人员月底集中补报、漏报，系统填报不够及时完整。",
        "B1.4": "工作量比率78.94%。",
        "B3.3": "职工问卷满意度87.02分；谈话中部分同志反映临时性工作多，系统填报不够及时。",
    },
    QXJ: {
        "A1.2": "“防灾减灾科”对外挂“业务科”牌子，“人工影响天气办公室”未挂牌，"
        "挂牌名称与“三定”规定不一致。",
        "A2.2": "汛期气象灾害预警信息传递到村（社区）一级存在滞后，与乡镇应急联动机制不够完善，"
        "预警信息传递时效有待提升。",
        **dict.fromkeys(DUTY_LEAVES, NO_DUTY_FIGURE),
        "B2.1": "12345热线交办件少，办件量为全县平均水平的6.38%。",
        "B2.3": "12345热线群众满意率80.00%；电话回访中2个乡镇反映汛期预警信息到村有滞后。",
        "B3.1": "自查自评报告未反映汛期预警信息传递滞后的问题，该问题由部门互评发现。",
        "B3.3": "职工问卷满意度88.80分，未达90分。",
    },
}

# Where the second evaluator counted otherwise: (unit, leaf) → (evaluator, count, why).
SECOND_OPINIONS = {
    (GXJ, "A2.1"): (
        CLERK,
        3,
        "38条岗位职责全年无执行记录，涉及盐业管理、无线电管理协调、军民融合3类事项，"
        "按3项职责未履行扣分。",
    ),
    (QXJ, "A1.2"): (
        CLERK,
        2,
        "挂牌名称与“三定”规定不一致2处：“防灾减灾科”对外挂“业务科”牌子，"
        "“人工影响天气办公室”未挂牌，每处扣0.5分。",
    ),
}


def _at(day: date, minute: int) -> datetime:
    return datetime.combine(day, time(9 + minute // 60, minute % 60), tzinfo=SHANGHAI)


def score_pilot(database: Database, units: list[str]) -> None:
    """Each unit's self-scores, then both evaluators' scores on every leaf. A sheet read
    first gives the leaves and their suggestions (which no score changes)."""
    sheets = [score_sheet(database, unit) for unit in units]
    for sheet in sheets:
        _self_scores(database, sheet)
    for sheet in sheets:
        _office_scores(database, sheet)


def _self_scores(database: Database, sheet: ScoreSheet) -> None:
    unit, given = sheet.unit, SELF_SCORES[sheet.unit]
    with acting_as(CLERK):
        for minute, line in enumerate(sheet.lines):
            code = line.leaf.code
            points, note = given.get(code, (line.leaf.maximum, EVIDENCE[code]))
            with clock_at(_at(SELF_TYPED_ON, minute)):
                if points is None:
                    set_score(database, unit, code, na=True, note=note, self_score=True)
                else:
                    set_score(database, unit, code, points=points, note=note, self_score=True)


def _office_scores(database: Database, sheet: ScoreSheet) -> None:
    unit, notes = sheet.unit, JUSTIFICATIONS[sheet.unit]
    for evaluator in EVALUATORS:
        with acting_as(evaluator):
            for minute, line in enumerate(sheet.lines):
                code, kind = line.leaf.code, line.leaf.kind
                note = notes.get(code)
                if kind == "graded":
                    given = {"points": GRADED[unit][code]}
                elif kind == "deduction":
                    given = {"count": line.suggestion.count}
                elif line.suggestion.points is None:  # the figure is unknown
                    given = {"na": True}
                else:
                    given = {"points": line.suggestion.points}
                other = SECOND_OPINIONS.get((unit, code))
                if other is not None and other[0] == evaluator:
                    given, note = {"count": other[1]}, other[2]
                with clock_at(_at(OFFICE_SCORED_ON[evaluator], minute)):
                    set_score(database, unit, code, note=note, **given)
