"""The evaluated units' self-evaluation reports (自查自评报告), as each unit wrote about
itself before the visit (the source document: "围绕单位基本情况、职责落实、日常工作开展、
亮点工作成效等进行自查 … 形成自查自评报告").

The clerk imported them the day they came in (``import_received``), through the import
`orgeval import selfreport` runs, the day she typed in the units' self-scores.

Every figure a report gives is the pilot's (DOMAIN.md's table, ``pilot_units``,
``pilot_rosters``): quotas, headcounts, ages, the duty figures and the 12345 cases. A
report names no score: the units scored themselves on the self-evaluation sheet, and the
peer scores were not known to them. Each report is a list of paragraphs; its evidence
(佐证材料) is listed at its end, numbered, as ``EVIDENCE`` has it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..domain.actor import acting_as
from ..domain.clock import clock_at
from ..services.intake.self_report import SelfReportImport, import_self_report
from ..storage.database import Database
from .pilot_ledger import CLERK, SHANGHAI
from .pilot_rosters import GXJ, QXJ, ZGH

WRITTEN_ON = "2021年7月2日"
RECEIVED_AT = datetime(2021, 7, 2, 16, 30, tzinfo=SHANGHAI)


def import_received(database: Database, path: Path, unit: str) -> SelfReportImport:
    """A unit's report imported as the clerk did, the afternoon it came in."""
    with clock_at(RECEIVED_AT), acting_as(CLERK):
        return import_self_report(database, path, unit)


REPORTS: dict[str, list[str]] = {
    ZGH: [
        "县总工会机构编制执行情况和使用效益自查自评报告",
        "县委编办：",
        "根据县委编办关于开展机构编制执行情况和使用效益评估试点工作的通知要求，我会对照评估指标，"
        "围绕单位基本情况、职责落实、日常工作开展和亮点工作成效等方面进行了认真自查，现将有关情况报告如下。",
        "一、单位基本情况",
        "县总工会机关核定行政编制8名，实有在编人员7名，其中女同志1名，平均年龄52岁，"
        "7名同志均为副科级以上干部。机关设办公室、组织宣传部、权益保障部3个内设机构。"
        "所属事业单位县工人文化宫核定事业编制13名，实有工作人员12名，平均年龄39.8岁，全部为大专以上学历。",
        "二、职责落实情况",
        "我会严格按照“三定”规定履行职责，围绕维护职工合法权益、竭诚服务职工群众的基本职责，"
        "组织开展劳动和技能竞赛、职工维权、困难职工帮扶和职工文化体育活动，"
        "全面落实工会组建、会员发展和工会经费收缴管理等工作。",
        "三、日常工作开展情况",
        "机关各部室按照职责分工开展工作，建立了周例会、月调度和重点工作台账制度。"
        "县工人文化宫承担职工培训、文体活动和阵地服务工作，与机关各部室协同配合。",
        "四、亮点工作成效",
        "深入开展“送温暖”“金秋助学”活动，常态化开展困难职工帮扶；"
        "依托县工人文化宫举办职工技能培训和文体活动，职工群众参与度、满意度不断提高。",
        "五、存在的问题和不足",
        "一是机关干部队伍年龄偏大，缺少年轻干部，工作力量相对薄弱；"
        "二是机关与县工人文化宫人员统筹使用不够，事业单位的服务保障作用发挥不充分；"
        "三是部分科室职责分工还不够细化，个别同志一人多岗。",
        "六、下一步工作打算",
        "统筹用好机关和所属事业单位人员力量，积极争取补充年轻干部；"
        "进一步细化科室职责分工，健全内部管理制度，不断提升履职能力和服务水平。",
        "县总工会",
        WRITTEN_ON,
    ],
    GXJ: [
        "县工业和信息化局机构编制执行情况和使用效益自查自评报告",
        "县委编办：",
        "按照县委编办统一部署，我局对照评估指标，对机构编制执行情况和使用效益进行了全面自查，"
        "现将自查自评情况报告如下。",
        "一、单位基本情况",
        "我局核定行政编制18名、工勤编制1名，实有在编人员19名。"
        "设办公室、综合法规科、运行监测科、投资与技术改造科、中小企业科、信息化推进科、"
        "节能与综合利用科、安全生产科8个内设机构。",
        "二、职责落实情况",
        "我局严格落实“三定”规定，在临沂市履职考评系统中设置岗位职责132条，2020年度已执行94条，"
        "执行率71.21%。按履职次数，业务工作占全部工作的77.78%；按履职时长，业务工作占76.18%，"
        "工作重心聚焦主责主业。",
        "三、日常工作开展情况",
        "全体在编人员按要求在履职考评系统中填报日常工作，2020年度系统填报率82.67%，工作量比率78.94%。"
        "2020年度共办理12345政务服务热线交办问题110件，2021年上半年办理44件，全部按时办结反馈，"
        "群众满意度100%。",
        "四、亮点工作成效",
        "围绕全县工业经济运行监测、企业技术改造、中小企业服务和信息化建设，"
        "建立重点企业包联服务机制，及时协调解决企业生产经营中的困难和问题。",
        "五、存在的问题和不足",
        "一是部分岗位职责尚未开展，职责履行还不够全面；"
        "二是个别同志在履职考评系统中填报不够及时；"
        "三是机构编制使用档案管理有待进一步规范。",
        "六、下一步工作打算",
        "对未开展的职责逐项分析研判，制定工作计划，确保职责履行到位；"
        "加强履职考评系统日常填报管理，规范机构编制档案的收集和归档。",
        "县工业和信息化局",
        WRITTEN_ON,
    ],
    QXJ: [
        "县气象局机构编制执行情况和使用效益自查自评报告",
        "县委编办：",
        "根据评估工作安排，我局对照评估指标开展了自查自评，现将有关情况报告如下。",
        "一、单位基本情况",
        "我局核定行政编制9名，实有在编人员8名。设办公室、防灾减灾科、气象台、人工影响天气办公室4个内设机构。",
        "二、职责落实情况",
        "我局认真履行气象监测预报、气象灾害防御、人工影响天气和公共气象服务等职责，"
        "做好重大活动和农业生产气象保障。",
        "三、日常工作开展情况",
        "坚持24小时值班值守，按时发布天气预报和灾害性天气预警信息，"
        "汛期与应急、水利、农业农村等部门和各乡镇（街道）加强会商联动。",
        "四、亮点工作成效",
        "完善气象灾害预警信息发布渠道，为种植大户和乡镇提供针对性气象服务，"
        "人工影响天气作业安全有序开展。",
        "五、存在的问题和不足",
        "一是人员力量与业务工作需要相比仍显不足；"
        "二是预警信息向村（社区）一级传递的渠道还需进一步拓宽。",
        "六、下一步工作打算",
        "优化科室人员配备，拓宽预警信息发布渠道，进一步提升气象防灾减灾和公共服务能力。",
        "县气象局",
        WRITTEN_ON,
    ],
}

EVIDENCE: dict[str, list[str]] = {
    ZGH: [
        "县总工会“三定”规定",
        "县总工会机关及县工人文化宫在编人员花名册",
        "2020年度工作总结",
        "困难职工帮扶工作台账",
        "职工技能培训和文体活动开展情况材料",
    ],
    GXJ: [
        "县工业和信息化局“三定”规定",
        "履职考评系统2020年度岗位职责执行情况统计表",
        "12345政务服务热线交办件办理情况统计表",
        "2020年度工作总结及2021年上半年工作总结",
        "内设机构职责分工文件",
        "重点企业包联服务工作台账",
    ],
    QXJ: [
        "县气象局“三定”规定",
        "2020年度气象服务工作总结",
        "汛期气象预警信息发布记录",
        "人工影响天气作业记录",
    ],
}
