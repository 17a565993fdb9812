"""The problem ledger (问题台账) the on-site evaluation (编办实地评) of July 2021 led to:
10 problems fed back to the three units, rectified, reported and verified by the office's
supervision team (督导小组) through the autumn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from .pilot_rosters import GXJ, QXJ, ZGH

SHANGHAI = ZoneInfo("Asia/Shanghai")

# The office's people.
LEAD = "张立新"  # 评估小组组长
CLERK = "刘晓燕"  # records the units' answers
SUPERVISOR = "孙卫东"  # 县委编办督导小组: the look-backs, and so the verifier

# The ledger. Each problem is recorded on CREATED_ON and fed back on FED_BACK_ON; its
# life is the steps after that: ("plan", day, measures, responsible, deadline) ·
# ("report", day, text) · ("verify", day, note) · ("reopen", day, reason) ·
# ("extend", day, new deadline, reason). The demo replays them through the ledger's
# lifecycle service, as the evaluators named here on those days.
CREATED_ON = date(2021, 7, 23)
FED_BACK_ON = date(2021, 7, 28)

PROBLEMS = [
    {
        "unit": ZGH,
        "source": "roster",
        "category": "队伍结构",
        "severity": "high",
        "title": "机关干部队伍年龄老化，缺少年轻工作力量",
        "description": "县总工会7名在编人员中仅1名女性，平均年龄52岁，35岁以下人员为0，"
        "全部为副科级以上干部，队伍年龄结构老化，后备力量不足。",
        "recommendation": "结合编制空缺，通过公开招录、遴选等方式补充年轻干部；"
        "加强干部梯队建设，做好传帮带。",
        "life": [
            (
                "plan",
                date(2021, 8, 4),
                "1. 利用1名行政编制空编，申请2022年度公开遴选1名35岁以下公务员；"
                "2. 建立老中青结对帮带机制；3. 统筹安排文化宫年轻同志参与机关业务工作。",
                "刘振东（主席）",
                date(2021, 12, 31),
            ),
            (
                "report",
                date(2021, 10, 20),
                "已向县委组织部、县委编办报送2022年度用编计划，拟遴选年轻干部1名；"
                "已建立结对帮带机制，3名文化宫年轻同志参与机关职工服务工作。",
            ),
        ],
    },
    {
        "unit": ZGH,
        "source": "roster",
        "category": "人员统筹",
        "severity": "medium",
        "title": "机关与所属事业单位人员统筹使用不够",
        "description": "县工人文化宫实有12人，平均年龄39.8岁，全部为大专以上学历；机关用人紧张"
        "与事业单位力量较强并存，文化宫综合服务保障和技术支撑的职责定位不突出。",
        "recommendation": "突出事业单位对机关工作的综合服务保障和技术支撑职责定位，"
        "统筹管理机关及所属事业单位人员，缓解机关用人压力。",
        "life": [
            (
                "plan",
                date(2021, 8, 4),
                "制定机关和县工人文化宫人员统筹使用办法，明确文化宫承担职工服务、技能培训、"
                "信息化等支撑性工作清单，规范统筹程序，不混岗、不借调。",
                "王立新（副主席）",
                date(2021, 9, 30),
            ),
            (
                "report",
                date(2021, 9, 24),
                "《县总工会机关和县工人文化宫人员统筹使用办法》已经主席办公会研究印发，"
                "支撑性工作清单共12项，已落实到人。",
            ),
            (
                "verify",
                date(2021, 10, 13),
                "回头看：统筹使用办法已印发执行，工作清单明确，整改到位，同意销号。",
            ),
        ],
    },
    {
        "unit": ZGH,
        "source": "onsite",
        "category": "档案管理",
        "severity": "medium",
        "title": "机构编制使用档案不完整",
        "description": "查阅档案发现，2019年以来2名人员调入、1名人员退休的机构编制手续材料"
        "未归入编制使用档案，用编进人审批表缺失。",
        "recommendation": "全面梳理补齐编制使用档案，建立专人管理、及时归档制度。",
        "life": [
            (
                "plan",
                date(2021, 8, 3),
                "指定办公室专人负责，梳理2016年以来用编材料并补档，建立编制使用台账。",
                "孙宝华（办公室）",
                date(2021, 9, 15),
            ),
            ("report", date(2021, 9, 10), "已补齐3人编制手续材料，建立编制使用台账和归档制度。"),
            ("verify", date(2021, 9, 28), "回头看：档案材料齐全，台账规范，同意销号。"),
        ],
    },
    {
        "unit": ZGH,
        "source": "self",
        "category": "职责分工",
        "severity": "low",
        "title": "内设机构职责分工不够明确，存在一人多岗现象",
        "description": "工作人员问卷中“各科室职责分工明确、边界清晰”等题目得分偏低；"
        "谈话反映组织宣传部、权益保障部部分工作交叉，个别同志身兼多岗。",
        "recommendation": "修订内设机构职责分工和岗位职责说明书，明确科室边界，合理配置岗位。",
        "life": [
            (
                "plan",
                date(2021, 8, 5),
                "修订内设机构职责分工方案和岗位职责说明书，理顺组织宣传部、权益保障部交叉事项。",
                "高玉梅（副主席）",
                date(2021, 9, 30),
            ),
            (
                "report",
                date(2021, 9, 27),
                "已修订印发内设机构职责分工方案，明确交叉事项6项的牵头科室。",
            ),
            ("verify", date(2021, 10, 15), "回头看：分工方案已执行，岗位职责清晰，同意销号。"),
        ],
    },
    {
        "unit": GXJ,
        "source": "duties",
        "category": "职责履行",
        "severity": "high",
        "title": "部分岗位职责未开展",
        "description": "履职考评系统显示，2020年度县工信局设置岗位职责132条，已执行94条，"
        "执行率71.21%，有38条职责全年无执行记录，涉及盐业管理、无线电管理协调、"
        "军民融合等事项。",
        "recommendation": "对未开展工作的职责逐条分析研判，制定工作计划，细化工作措施，"
        "确保所有职责履行到位；已不再承担的按程序提出调整意见。",
        "life": [
            (
                "plan",
                date(2021, 8, 6),
                "1. 对38条未执行职责逐条分析，形成研判报告；2. 对需履行的职责明确责任科室、"
                "责任人和时间节点；3. 对已划转或不再承担的职责，按程序向县委编办提出调整建议。",
                "陈立强（副局长）",
                date(2021, 10, 31),
            ),
            ("report", date(2021, 9, 10), "已完成38条职责的分析研判，其中27条已制定工作计划。"),
            (
                "reopen",
                date(2021, 9, 24),
                "回头看发现：38条未执行职责中仍有11条未明确责任科室和工作计划，"
                "整改不彻底，退回继续整改。",
            ),
            (
                "report",
                date(2021, 10, 19),
                "11条职责已全部明确责任科室、责任人和工作计划；3条已划转职责已向县委编办"
                "提出调整建议；其余职责已在履职考评系统中陆续填报执行。",
            ),
            (
                "verify",
                date(2021, 10, 28),
                "复查：未执行职责均已制定计划或提出调整建议，整改到位，同意销号。",
            ),
        ],
    },
    {
        "unit": GXJ,
        "source": "onsite",
        "category": "机构挂牌",
        "severity": "low",
        "title": "内设机构挂牌不规范",
        "description": "实地查看发现，“运行监测科”仍悬挂机构改革前“经济运行科”旧牌，"
        "“节能与综合利用科”未挂牌，与“三定”规定不一致。",
        "recommendation": "对照“三定”规定，规范内设机构名称和挂牌。",
        "life": [
            (
                "plan",
                date(2021, 8, 3),
                "按“三定”规定统一制作更换内设机构标牌。",
                "李倩（办公室）",
                date(2021, 8, 31),
            ),
            ("report", date(2021, 8, 20), "8个内设机构标牌已按“三定”规定名称全部更换、补挂。"),
            ("verify", date(2021, 9, 3), "实地复查：挂牌规范，同意销号。"),
        ],
    },
    {
        "unit": GXJ,
        "source": "duties",
        "category": "系统填报",
        "severity": "medium",
        "title": "履职考评系统填报不够及时完整",
        "description": "2020年度系统填报率82.67%，部分人员存在月底集中补报、漏报现象，"
        "局领导班子成员填报率偏低。",
        "recommendation": "建立履职考评系统填报提醒和通报制度，提高填报的及时性和准确性。",
        "life": [
            (
                "plan",
                date(2021, 8, 5),
                "建立每周提醒、每月通报制度，填报情况纳入科室年度考核。",
                "徐志刚（办公室）",
                date(2021, 9, 30),
            ),
            ("report", date(2021, 9, 22), "填报提醒和通报制度已印发执行，8、9月份已通报2次。"),
            ("verify", date(2021, 10, 12), "回头看：制度执行到位，填报及时性明显提高，同意销号。"),
        ],
    },
    {
        "unit": GXJ,
        "source": "onsite",
        "category": "档案管理",
        "severity": "medium",
        "title": "编制使用档案不完整，人员变动材料未及时归档",
        "description": "查阅档案发现，2名人员调入的用编审批材料未归入编制使用档案。",
        "recommendation": "补齐编制使用档案，明确专人管理，人员变动材料及时归档。",
        "life": [
            (
                "plan",
                date(2021, 8, 3),
                "办公室专人负责，补齐2名人员用编审批材料，建立归档台账。",
                "李倩（办公室）",
                date(2021, 8, 31),
            ),
            ("report", date(2021, 8, 25), "2名人员用编审批材料已补充归档，归档台账已建立。"),
            ("verify", date(2021, 9, 3), "回头看：档案材料齐全，同意销号。"),
        ],
    },
    {
        "unit": QXJ,
        "source": "onsite",
        "category": "机构挂牌",
        "severity": "low",
        "title": "内设机构挂牌名称与“三定”规定不一致",
        "description": "“防灾减灾科”对外挂“业务科”牌子，“人工影响天气办公室”未挂牌。",
        "recommendation": "对照“三定”规定，规范内设机构名称和挂牌。",
        "life": [
            (
                "plan",
                date(2021, 8, 2),
                "按“三定”规定更换、补挂内设机构标牌。",
                "董方（办公室）",
                date(2021, 8, 31),
            ),
            ("report", date(2021, 8, 18), "已更换“防灾减灾科”标牌，补挂“人工影响天气办公室”标牌。"),
            ("verify", date(2021, 9, 2), "实地复查：挂牌规范，同意销号。"),
        ],
    },
    {
        "unit": QXJ,
        "source": "peer",
        "category": "协作配合",
        "severity": "medium",
        "title": "气象灾害预警信息向基层传递时效性有待提升",
        "description": "互评中部分乡镇（街道）反映，汛期气象灾害预警信息传递到村（社区）一级"
        "存在滞后，与乡镇应急联动机制不够完善。",
        "recommendation": "完善与县应急局、各乡镇（街道）的预警信息共享和联动机制，"
        "畅通预警信息“最后一公里”。",
        "life": [
            (
                "plan",
                date(2021, 8, 6),
                "1. 与县应急局建立预警信息共享机制；2. 建立乡镇（街道）、村（社区）气象信息员"
                "队伍；3. 在各乡镇（街道）布设预警信息发布终端。",
                "侯雪梅（副局长）",
                date(2021, 9, 30),
            ),
            (
                "extend",
                date(2021, 9, 26),
                date(2021, 12, 31),
                "预警信息发布终端需随全县应急广播系统统一招标建设，建设周期较长，申请延期。",
            ),
        ],
    },
]


@dataclass(frozen=True)
class Step:
    """One step of a problem's life as the evaluator took it: the lifecycle's action, when
    and by whom, and the values the step takes (with its day, where it records one)."""

    action: str
    at: datetime
    actor: str
    values: dict


@dataclass(frozen=True)
class Life:
    """A problem as recorded (its unit and finding, when and by whom) and its steps."""

    unit: str
    finding: dict
    recorded_at: datetime
    recorder: str
    steps: tuple[Step, ...]


def at_office_time(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=SHANGHAI)


def _life(spec: dict, index: int) -> Life:
    finding = {
        key: spec[key]
        for key in ("source", "category", "title", "description", "recommendation", "severity")
    }
    steps = [Step("feedback", at_office_time(FED_BACK_ON, 15, index), LEAD, {"on": FED_BACK_ON})]
    for action, day, *values in spec["life"]:
        at = at_office_time(day, 10, 5 * index)
        if action == "plan":
            measures, responsible, deadline = values
            step = Step(
                "plan",
                at,
                CLERK,
                {"measures": measures, "responsible": responsible, "deadline": deadline},
            )
        elif action == "report":
            step = Step("report", at, CLERK, {"text": values[0], "on": day})
        elif action == "verify":
            step = Step("verify", at, SUPERVISOR, {"note": values[0], "on": day})
        elif action == "reopen":
            step = Step("reopen", at, SUPERVISOR, {"reason": values[0], "on": day})
        else:  # extend
            deadline, reason = values
            step = Step("extend", at, LEAD, {"deadline": deadline, "reason": reason})
        steps.append(step)
    return Life(
        spec["unit"], finding, at_office_time(CREATED_ON, 9, 10 + 3 * index), LEAD, tuple(steps)
    )


def lives() -> list[Life]:
    """The ten problems in the order they were recorded (numbered 001 … 010)."""
    return [_life(spec, index) for index, spec in enumerate(PROBLEMS)]
