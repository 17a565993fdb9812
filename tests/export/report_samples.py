"""A unit's report content built by hand: 县工业和信息化局 in the pilot's evaluation,
with the figures the pilot report gives and texts a spreadsheet could take for formulas."""

from __future__ import annotations

from dataclasses import replace

from orgeval_tui.export.report_content import (
    ActivityLine,
    CasePeriod,
    CategoryRow,
    DutyPeriod,
    Figure,
    FindingLine,
    IndicatorRow,
    InstitutionRoster,
    MonthRow,
    PartScore,
    PartSheet,
    ProblemItem,
    ReportHead,
    Reviews,
    RosterPart,
    ScoreResult,
    SectionRow,
    Share,
    Terms,
    UnitBasics,
    UnitReport,
)

UNKNOWN = Figure("无数据", None, "rate")
FORMULA_TITLE = "=1+1 台账未及时更新"
FORMULA_MEASURE = "@SUM(A1) 建立月度核对机制"


def count(n: int) -> Figure:
    return Figure(str(n), n, "count")


def rate(numerator: float, denominator: float = 1.0) -> Figure:
    value = numerator / denominator
    return Figure(f"{value * 100:.2f}%", value, "rate")


def decimal(value: float, places: int = 1) -> Figure:
    return Figure(f"{value:.{places}f}", value, "decimal")


def score(value: float, places: int = 2) -> Figure:
    return Figure(f"{value:.{places}f}", value, "score")


def share(label: str, n: int, whole: int) -> Share:
    return Share(label, count(n), rate(n, whole))


SECTIONS = ["办公室", "工业发展股", "信息化股", "中小企业股"]
MONTH_HOURS = [310, 402, 455, 430, 418, 396, 380, 372, 441, 459, 470, 520]


def head() -> ReportHead:
    return ReportHead(
        title="县工业和信息化局机构编制执行情况和使用效益评估报告",
        office="县委编办",
        date="2026年11月29日",
        date_iso="2026-11-29",
        evaluation="2021年度机构编制执行情况和使用效益评估",
        reference_date="2021年6月30日",
        periods="2020年度、2021年上半年",
    )


def unit() -> UnitBasics:
    return UnitBasics(
        name="县工业和信息化局",
        short_name="工信局",
        parent="",
        institutions="县中小企业服务中心",
        mandate="县工业和信息化局职能配置、内设机构和人员编制规定（2019）",
        quota_admin=count(12),
        quota_public=count(8),
        quota_service=count(2),
        quota_total=count(22),
        quota_leaders=count(4),
        headcount=count(19),
        vacancies=count(3),
        staffing="空编3名",
        quota_usage=rate(19, 22),
        sections=SECTIONS,
        section_count=count(4),
    )


def result() -> ScoreResult:
    parts = [
        PartScore("A", "机构编制执行", score(38.5, 1), count(45), score(85.56)),
        PartScore("B", "编制使用效益", score(30.0, 1), count(35), score(85.71)),
        PartScore("C", "三项评议", score(17.6, 1), count(20), score(88.0, 1)),
    ]
    return ScoreResult(
        scored=True,
        total=score(86.1, 1),
        grade="良好",
        rank=count(2),
        ranked_units=count(3),
        points=score(86.1, 1),
        maximum=count(100),
        vetoed="",
        finalized="已定稿",
        result_class="常规反馈",
        parts=parts,
        areas=[],
    )


def roster() -> RosterPart:
    return RosterPart(
        available=True,
        as_of="2021年6月30日",
        headcount=count(19),
        female=count(7),
        female_share=rate(7, 19),
        avg_age=decimal(44.6),
        college_or_above_share=rate(17, 19),
        bachelor_or_above_share=rate(13, 19),
        section_level_or_above_share=rate(6, 19),
        flags=["年龄结构偏大（50岁以上占 31.58%）"],
        age_bands=[share("35岁及以下", 4, 19), share("36-50岁", 9, 19), share("51岁及以上", 6, 19)],
        education=[share("研究生", 2, 19), share("大学本科", 11, 19), share("大专", 4, 19),
                   share("高中及以下", 2, 19)],
        ranks=[share("科级", 6, 19), share("一级主任科员及以下", 13, 19)],
        sections=[share(name, n, 19) for name, n in zip(SECTIONS, (6, 5, 4, 4), strict=True)],
        institutions=[
            InstitutionRoster(
                "县中小企业服务中心", count(6), decimal(47.2), rate(5, 6), rate(1, 6)
            ),
        ],
    )  # fmt: skip


def duty_period() -> DutyPeriod:
    months = [
        MonthRow(f"2020-{month:02d}", count(hours // 4), decimal(hours, 1))
        for month, hours in enumerate(MONTH_HOURS, start=1)
    ]
    return DutyPeriod(
        period="2020年度",
        duties_defined=count(132),
        duties_executed=count(94),
        execution_rate=rate(94, 132),
        business_share_by_count=rate(0.6412),
        business_share_by_hours=rate(0.6735),
        fill_rate=Figure("82.67%", 0.8267, "rate"),
        workload_ratio=Figure("78.94%", 0.7894, "rate"),
        workdays=count(250),
        persons=count(19),
        entries=count(1263),
        hours=decimal(sum(MONTH_HOURS), 1),
        never_executed_count=count(38),
        never_executed=["A-017 工业园区规划编制", "B-042 信息化项目绩效评价"],
        notes=["工作日按周一至周五计算，未扣除法定节假日。"],
        categories=[
            CategoryRow("业务工作", count(810), decimal(3397.0), rate(0.6412), rate(0.6735)),
            CategoryRow("综合事务", count(380), decimal(1402.0), rate(0.3009), rate(0.2780)),
            CategoryRow("其他", count(73), decimal(245.0), rate(0.0579), rate(0.0485)),
        ],
        sections=[
            SectionRow(name, count(n), decimal(h), count(p), decimal(h / p))
            for name, n, h, p in zip(
                SECTIONS, (402, 351, 280, 230), (1620.0, 1411.0, 1106.0, 917.0), (6, 5, 4, 4),
                strict=True,
            )
        ],
        months=months,
    )  # fmt: skip


def case_periods() -> list[CasePeriod]:
    return [
        CasePeriod("2020年度", "12345热线", count(110), decimal(5.79, 2), count(108), count(104),
                   rate(104, 110), rate(0.9636), decimal(96.5), rate(110, 96.5), "高于全县平均"),
        CasePeriod("2021年上半年", "12345热线", count(44), decimal(2.32, 2), count(41), count(40),
                   rate(40, 44), UNKNOWN, decimal(51.0), rate(44, 51.0), "低于全县平均"),
    ]  # fmt: skip


def reviews() -> Reviews:
    return Reviews(
        self_scored=True,
        staff_answered=True,
        peer_answered=True,
        self_total=score(92.0, 1),
        self_grade="优秀",
        self_report="工信局自评报告.docx",
        staff_responses=count(18),
        staff_items=count(20),
        staff_satisfaction=rate(0.9139),
        peer_score=score(99.28),
        peer_responses=count(25),
        peer_departments=count(25),
        activities=[
            ActivityLine("听取汇报", "2021-07-12", "局三楼会议室", "局长、办公室主任", count(1)),
            ActivityLine("查阅资料", "2021-07-12", "办公室", "办公室工作人员", count(1)),
        ],
        findings=[
            FindingLine("2021-07-12", "查阅资料", "机构编制台账与实名制系统不一致", "A1.2 台账管理",
                        "2021-001"),
            FindingLine("2021-07-12", "听取汇报", "信息化股长期借调人员 2 名", "A2.1 人员使用", ""),
        ],
    )  # fmt: skip


def score_sheets() -> list[PartSheet]:
    return [
        PartSheet("一", "A", "机构编制执行", score(38.5, 1), count(45), score(85.56), rows=[
            IndicatorRow("A1.2", "台账管理", count(5), score(5.0, 1), score(3.5, 1),
                         "台账与实名制系统不一致，扣 1.5 分",
                         "实地评估发现：机构编制台账与实名制系统不一致"),
            IndicatorRow("A2.1", "人员使用", count(40), score(38.0, 1), score(35.0, 1),
                         "存在借调人员", ""),
        ]),
        PartSheet("二", "B", "编制使用效益", score(30.0, 1), count(35), score(85.71), rows=[
            IndicatorRow("B1.1", "职责履行", count(35), score(33.0, 1), score(30.0, 1),
                         "执行率 71.21%", ""),
        ]),
    ]  # fmt: skip


def problems() -> list[ProblemItem]:
    return [
        ProblemItem("一", "2021-001", "县工业和信息化局", FORMULA_TITLE, "台账管理",
                    "实地评估", "一般",
                    "机构编制台账与实名制系统人员信息不一致 3 处", "核对并更新台账", "已反馈",
                    "2021-08-01", "逐人核对信息", "办公室主任", "2021年10月31日"),
        ProblemItem("二", "2021-002", "县工业和信息化局", "借调人员未按规定审批", "人员使用",
                    "实地评估", "较重",
                    "信息化股 2 名人员长期借调至其他单位", "规范借调审批", "整改中",
                    "2021-08-01", FORMULA_MEASURE, "分管副局长", "2021年10月31日"),
    ]  # fmt: skip


def unit_report() -> UnitReport:
    return UnitReport(
        report=head(),
        unit=unit(),
        result=result(),
        roster=roster(),
        duties=[duty_period()],
        cases=case_periods(),
        reviews=reviews(),
        scores=score_sheets(),
        problems=problems(),
        terms=Terms("2021年10月31日", "2021-10-31", "2021年11月15日", "2021-11-15"),
    )


def without_roster(report: UnitReport) -> UnitReport:
    return replace(
        report,
        roster=RosterPart(
            available=False, as_of="", headcount=UNKNOWN, female=UNKNOWN, female_share=UNKNOWN,
            avg_age=UNKNOWN, college_or_above_share=UNKNOWN, bachelor_or_above_share=UNKNOWN,
            section_level_or_above_share=UNKNOWN, flags=[], age_bands=[], education=[], ranks=[],
            sections=[], institutions=[],
        ),
    )  # fmt: skip
