"""The on-site evaluation (编办实地评) of July 2021 as the evaluators logged it: at each
unit a briefing (听取汇报), an archive review (查阅资料), a site and signage check (实地查看),
phone callbacks (电话回访) and individual interviews (个别访谈), with their notes, and the
findings that became problems of the ledger (named by the problem's title) or stand as
evidence for a leaf of the rubric.

Interviewees are met by role only: the interviews were anonymous. Interview notes are
written under the outline's questions (``【…】`` heading lines), as the editor keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .pilot_rosters import GXJ, QXJ, ZGH

TEAM = ("张立新", "刘晓燕", "王海涛")  # 评估小组: 张立新 leads, 刘晓燕 keeps the notes
CALLER = "王海涛"  # made the phone callbacks


@dataclass(frozen=True)
class PilotFinding:
    text: str
    severity: str
    indicators: tuple[str, ...] = ()
    problem: str | None = None  # the title of the ledger problem it became


@dataclass(frozen=True)
class PilotActivity:
    unit: str
    kind: str
    held_on: date
    place: str
    evaluators: tuple[str, ...]
    people_met: tuple[str, ...]  # role, or role:name
    notes: str
    findings: tuple[PilotFinding, ...] = field(default=())

    @property
    def recorder(self) -> str:
        return self.evaluators[-1] if self.kind == "callback" else "刘晓燕"


def _interview(*answers: tuple[str, str]) -> str:
    return "\n".join(f"【{question}】\n{answer}" for question, answer in answers)


ACTIVITIES = (
    PilotActivity(
        ZGH,
        "briefing",
        date(2021, 7, 6),
        "县总工会三楼会议室",
        TEAM,
        ("主席:刘振东", "副主席:王立新", "副主席:高玉梅"),
        "听取县总工会主席关于机构编制执行、职责履行和队伍建设情况的汇报。\n"
        "机关核定行政编制8名，实有7名；下属县工人文化宫实有12人。"
        "单位自述机关人员年龄偏大，“年轻人接不上”，希望补充编制内年轻力量。",
        (
            PilotFinding(
                "机关7名在编人员平均年龄52岁，35岁以下无人，单位自述“年轻人接不上”。",
                "high",
                problem="机关干部队伍年龄老化，缺少年轻工作力量",
            ),
        ),
    ),
    PilotActivity(
        ZGH,
        "archive",
        date(2021, 7, 6),
        "县总工会办公室",
        ("刘晓燕",),
        ("办公室工作人员",),
        "查阅2016年以来机关及县工人文化宫机构编制使用档案、用编进人审批材料。",
        (
            PilotFinding(
                "2019年以来2名人员调入、1名人员退休的编制手续材料未归档。",
                "medium",
                ("A5.2",),
                problem="机构编制使用档案不完整",
            ),
            PilotFinding(
                "文化宫人员参与机关工作无书面统筹安排。",
                "low",
                ("A6.2",),
                problem="机关与所属事业单位人员统筹使用不够",
            ),
        ),
    ),
    PilotActivity(
        ZGH,
        "site",
        date(2021, 7, 7),
        "县总工会机关、县工人文化宫",
        ("张立新", "刘晓燕"),
        ("办公室工作人员", "县工人文化宫主任"),
        "实地查看机关内设机构和县工人文化宫挂牌情况，挂牌与“三定”规定一致。",
    ),
    PilotActivity(
        ZGH,
        "callback",
        date(2021, 7, 7),
        "县委编办",
        (CALLER,),
        ("办事群众",),
        "电话回访近一年到县总工会办理职工维权、困难职工帮扶事项的群众10人，9人表示满意，"
        "1人表示基本满意。",
        (PilotFinding("回访群众10人中9人满意、1人基本满意，无不满意。", "low", ("B2.3",)),),
    ),
    PilotActivity(
        ZGH,
        "interview",
        date(2021, 7, 8),
        "县总工会小会议室",
        ("张立新", "刘晓燕"),
        ("科室负责人", "科室负责人", "工作人员", "文化宫工作人员", "文化宫工作人员"),
        _interview(
            ("岗位职责是否清晰", "机关科室职责总体清晰，但组织宣传部、权益保障部部分工作交叉。"),
            ("工作量是否饱和", "机关人手紧，个别同志身兼多岗，工作量饱和。"),
            ("内设机构运行", "各部室运行正常，临时性任务多靠主席统筹调配。"),
            ("编制使用与人员结构", "机关人员年龄偏大；文化宫年轻同志业务骨干多。"),
            ("履职中的困难与建议", "文化宫年轻同志希望有参与机关工作的正式渠道。"),
        ),
        (
            PilotFinding(
                "组织宣传部、权益保障部部分工作交叉，个别同志身兼多岗。",
                "low",
                ("A2.2",),
                problem="内设机构职责分工不够明确，存在一人多岗现象",
            ),
            PilotFinding(
                "文化宫年轻同志反映业务骨干多，但参与机关工作渠道不畅。", "medium", ("A6.2",)
            ),
        ),
    ),
    PilotActivity(
        GXJ,
        "briefing",
        date(2021, 7, 12),
        "县工信局会议室",
        TEAM,
        ("局长:王德胜", "副局长:陈立强"),
        "听取县工信局局长关于“三定”规定落实、履职考评系统使用和重点工作开展情况的汇报。",
    ),
    PilotActivity(
        GXJ,
        "archive",
        date(2021, 7, 12),
        "县工信局办公室",
        ("刘晓燕", "王海涛"),
        ("办公室工作人员", "办公室工作人员"),
        "查阅机构编制使用档案、履职考评系统2020年度填报记录。",
        (
            PilotFinding(
                "2020年度132条岗位职责中38条无执行记录。",
                "high",
                ("A2.1", "B1.1"),
                problem="部分岗位职责未开展",
            ),
            PilotFinding(
                "部分人员存在月底集中补报、漏报现象，系统填报率82.67%。",
                "medium",
                ("B1.3",),
                problem="履职考评系统填报不够及时完整",
            ),
            PilotFinding(
                "2名人员调入的用编审批材料未及时归档。",
                "medium",
                ("A5.2",),
                problem="编制使用档案不完整，人员变动材料未及时归档",
            ),
        ),
    ),
    PilotActivity(
        GXJ,
        "site",
        date(2021, 7, 13),
        "县工信局机关",
        ("张立新",),
        ("办公室工作人员",),
        "实地查看8个内设机构挂牌情况。",
        (
            PilotFinding(
                "“运行监测科”仍挂机构改革前“经济运行科”旧牌，“节能与综合利用科”未挂牌。",
                "low",
                ("A1.2",),
                problem="内设机构挂牌不规范",
            ),
        ),
    ),
    PilotActivity(
        GXJ,
        "callback",
        date(2021, 7, 13),
        "县委编办",
        (CALLER,),
        ("来电群众", "来电企业"),
        "从12345热线交办件中随机抽取12件电话回访来电群众和企业，均表示问题已按时答复，"
        "10人满意、2人基本满意。",
    ),
    PilotActivity(
        GXJ,
        "interview",
        date(2021, 7, 14),
        "县工信局小会议室",
        ("张立新", "刘晓燕"),
        ("科室负责人", "科室负责人", "科室负责人", "年轻干部", "年轻干部", "年轻干部"),
        _interview(
            ("岗位职责是否清晰", "岗位职责说明书齐全，多数同志清楚自己的职责。"),
            ("工作量是否饱和", "局领导交办的临时性工作多，日常工作饱和。"),
            ("内设机构运行", "8个科室运行正常，个别科室名称与挂牌不一致。"),
            ("履职中的困难与建议", "临时任务挤占时间，系统填报常在月底补报。"),
        ),
        (
            PilotFinding(
                "部分同志反映局领导交办的临时性工作多，系统填报不够及时。", "low", ("B1.3",)
            ),
        ),
    ),
    PilotActivity(
        QXJ,
        "briefing",
        date(2021, 7, 19),
        "县气象局会议室",
        TEAM,
        ("局长:石永刚", "副局长:侯雪梅"),
        "听取县气象局局长关于职责履行、气象防灾减灾和人员配备情况的汇报。",
    ),
    PilotActivity(
        QXJ,
        "archive",
        date(2021, 7, 19),
        "县气象局办公室",
        ("刘晓燕",),
        ("办公室工作人员",),
        "查阅机构编制使用档案和人员变动材料，档案齐全。",
    ),
    PilotActivity(
        QXJ,
        "site",
        date(2021, 7, 20),
        "县气象局机关",
        ("张立新",),
        ("办公室工作人员",),
        "实地查看内设机构挂牌情况。",
        (
            PilotFinding(
                "“防灾减灾科”对外挂“业务科”牌子，“人工影响天气办公室”未挂牌。",
                "low",
                ("A1.2",),
                problem="内设机构挂牌名称与“三定”规定不一致",
            ),
        ),
    ),
    PilotActivity(
        QXJ,
        "callback",
        date(2021, 7, 20),
        "县委编办",
        (CALLER,),
        ("乡镇（街道）分管负责同志", "种植大户"),
        "电话回访6个乡镇（街道）分管负责同志和5名种植大户，对气象服务总体满意；"
        "2个乡镇反映汛期预警信息到村有滞后。",
        (
            PilotFinding(
                "汛期气象灾害预警信息传递到村（社区）一级存在滞后。",
                "medium",
                ("B2.3",),
                problem="气象灾害预警信息向基层传递时效性有待提升",
            ),
        ),
    ),
    PilotActivity(
        QXJ,
        "interview",
        date(2021, 7, 21),
        "县气象局小会议室",
        ("张立新", "刘晓燕"),
        ("科室负责人", "科室负责人", "工作人员", "工作人员"),
        _interview(
            ("岗位职责是否清晰", "职责清晰，分工明确。"),
            ("工作量是否饱和", "汛期工作量大，平时饱和。"),
            ("编制使用与人员结构", "专业技术人员结构合理。"),
        ),
    ),
)
