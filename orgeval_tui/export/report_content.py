"""What a report says, as plain values: the content the services gather and the Word
templates and the Excel writer lay out.

Every field a template can name is a field of these dataclasses, so the dataclasses are
the list of fields (``report_fields`` walks them to check a template and to write the
field list for the office). A figure is a ``Figure``: its text as every screen shows it
("71.21%", "无数据") for the documents, and the number behind it for the spreadsheet's
cells and charts (None when its inputs are unknown: a chart never draws an unknown as
0). Texts are user data: they reach Word through escaping and Excel as strings, never
as markup or formulas.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    text: str  # as shown: "71.21%", "110", "无数据"
    value: float | None = None  # the number behind it (a fraction for a rate)
    kind: str = "count"  # count | rate | decimal | score

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Chart:
    """A chart a Word template places by naming its field: the field writes ``marker``,
    which becomes the chart once the template is filled (``word_charts``)."""

    marker: str
    kind: str  # pie | bar | line
    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]  # (name, a value per category); all known
    width_mm: float = 76
    height_mm: float = 62

    @property
    def drawable(self) -> bool:
        return bool(self.marker and self.categories and self.series)

    def __str__(self) -> str:
        return self.marker


NO_CHART = Chart("", "bar", "", [], [])


@dataclass(frozen=True)
class ReportHead:
    title: str  # the document's title
    office: str  # who sends it: 县委编办
    date: str  # the report's date in words: 2026年11月29日
    date_iso: str
    evaluation: str  # the evaluation's name
    reference_date: str  # 2021年6月30日
    periods: str  # 2020年度、2021年上半年


@dataclass(frozen=True)
class Share:
    """One slice of a whole: a rung of a ladder, an age band, a section."""

    label: str
    count: Figure
    share: Figure


@dataclass(frozen=True)
class UnitBasics:
    name: str
    short_name: str
    parent: str  # the unit it belongs to; "" for a department
    institutions: str  # its subordinate institutions, joined with 、; "" when none
    mandate: str  # the 三定规定 it works under; "" when not recorded
    quota_admin: Figure
    quota_public: Figure
    quota_service: Figure
    quota_total: Figure
    quota_leaders: Figure
    headcount: Figure
    vacancies: Figure  # negative: over quota
    staffing: str  # 空编2名 / 超编1名 / 满编
    quota_usage: Figure
    sections: list[str]
    section_count: Figure


@dataclass(frozen=True)
class PartScore:
    code: str
    name: str
    points: Figure
    maximum: Figure
    total: Figure  # out of 100


@dataclass(frozen=True)
class ScoreResult:
    scored: bool  # the unit has a total (some leaf is scored)
    total: Figure  # out of 100, one decimal
    grade: str  # 优秀 / 良好 / 合格 / 不合格; 未评定 without a total
    rank: Figure
    ranked_units: Figure
    points: Figure
    maximum: Figure
    vetoed: str  # the veto items failed, joined; "" when none
    finalized: str  # 已定稿 / 未定稿
    result_class: str  # 正向激励（通报表扬） / 反向约束（约谈主要负责人） / 常规反馈
    parts: list[PartScore]
    areas: list[PartScore]


@dataclass(frozen=True)
class InstitutionRoster:
    name: str
    headcount: Figure
    avg_age: Figure
    college_or_above_share: Figure
    section_level_or_above_share: Figure


@dataclass(frozen=True)
class RosterPart:
    available: bool  # a roster is loaded
    as_of: str
    headcount: Figure
    female: Figure
    female_share: Figure
    avg_age: Figure
    college_or_above_share: Figure
    bachelor_or_above_share: Figure
    section_level_or_above_share: Figure
    flags: list[str]  # 年龄老化（平均年龄 52.0）...
    age_bands: list[Share]
    education: list[Share]
    ranks: list[Share]
    sections: list[Share]
    institutions: list[InstitutionRoster]
    education_chart: Chart = NO_CHART  # pie
    age_chart: Chart = NO_CHART  # bars


@dataclass(frozen=True)
class CategoryRow:
    label: str  # 业务工作 / 综合事务 / 其他
    times: Figure
    hours: Figure
    share_by_count: Figure
    share_by_hours: Figure


@dataclass(frozen=True)
class SectionRow:
    section: str
    entries: Figure
    hours: Figure
    persons: Figure
    hours_per_person: Figure


@dataclass(frozen=True)
class MonthRow:
    month: str  # 2020-03
    entries: Figure
    hours: Figure


@dataclass(frozen=True)
class DutyPeriod:
    period: str
    duties_defined: Figure
    duties_executed: Figure
    execution_rate: Figure
    business_share_by_count: Figure
    business_share_by_hours: Figure
    fill_rate: Figure
    workload_ratio: Figure
    workdays: Figure
    persons: Figure
    entries: Figure
    hours: Figure
    never_executed_count: Figure
    never_executed: list[str]  # "编号 名称"
    notes: list[str]  # what the figures rest on (Monday–Friday assumed, ...)
    categories: list[CategoryRow]
    sections: list[SectionRow]
    months: list[MonthRow]
    category_chart: Chart = NO_CHART  # pie of the hours by category
    section_chart: Chart = NO_CHART  # bars of the hours per section
    month_chart: Chart = NO_CHART  # the monthly trend of hours


@dataclass(frozen=True)
class CasePeriod:
    period: str
    channel: str  # 12345热线 / 政务服务
    cases: Figure
    cases_per_capita: Figure
    closed: Figure
    on_time: Figure
    on_time_rate: Figure
    satisfaction_rate: Figure
    county_average: Figure
    vs_county_average: Figure
    comparison: str  # 高于全县平均 / 低于全县平均 / 与全县平均持平 / 无全县平均数据


@dataclass(frozen=True)
class ActivityLine:
    kind: str  # 听取汇报 ...
    date: str
    place: str
    people: str  # the people met, by role
    findings: Figure


@dataclass(frozen=True)
class FindingLine:
    date: str
    kind: str
    text: str
    indicators: str  # the rubric leaves it bears on: "A1.2 机构挂牌"
    problem: str  # the ledger number it became; "" when none


@dataclass(frozen=True)
class Reviews:
    """The three evaluations (三评)."""

    self_scored: bool  # the unit scored itself
    staff_answered: bool  # its staff returned the questionnaire
    peer_answered: bool  # related departments returned peer questionnaires
    self_total: Figure  # the unit's own score out of 100
    self_grade: str
    self_report: str  # the self-evaluation report's file; 未提交 when none
    staff_responses: Figure
    staff_items: Figure
    staff_satisfaction: Figure
    peer_score: Figure
    peer_responses: Figure
    peer_departments: Figure
    activities: list[ActivityLine]
    findings: list[FindingLine]


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    name: str
    maximum: Figure
    self_points: Figure
    points: Figure  # the office's: the evaluators' mean
    justification: str  # the evaluators' reasons, joined
    evidence: str  # the on-site findings that bear on it, joined


@dataclass(frozen=True)
class PartSheet:
    ordinal: str  # 一, 二, ...
    code: str
    name: str
    points: Figure
    maximum: Figure
    total: Figure
    rows: list[IndicatorRow]


@dataclass(frozen=True)
class ProblemItem:
    ordinal: str  # 一, 二, ... for the office's numbering （一）
    number: str
    unit: str
    title: str
    category: str
    source: str
    severity: str
    description: str
    recommendation: str
    status: str
    fed_back_on: str
    measures: str
    responsible: str
    deadline: str  # the problem's own deadline when planned, else the terms' deadline


@dataclass(frozen=True)
class Terms:
    """What the unit must do about the problems fed back."""

    deadline: str  # rectification complete by (in words)
    deadline_iso: str
    report_due: str  # written rectification report due by
    report_due_iso: str


@dataclass(frozen=True)
class UnitReport:
    report: ReportHead
    unit: UnitBasics
    result: ScoreResult
    roster: RosterPart
    duties: list[DutyPeriod]
    cases: list[CasePeriod]
    reviews: Reviews
    scores: list[PartSheet]
    problems: list[ProblemItem]
    terms: Terms
    case_chart: Chart = NO_CHART  # the unit's cases against the county average, per period


@dataclass(frozen=True)
class FeedbackLetter:
    report: ReportHead
    unit: UnitBasics
    result: ScoreResult
    problems: list[ProblemItem]
    problem_count: Figure
    terms: Terms


@dataclass(frozen=True)
class SummaryRow:
    rank: Figure
    unit: str
    total: Figure
    grade: str
    peer_score: Figure
    quota_total: Figure
    headcount: Figure
    vacancies: Figure
    quota_usage: Figure
    execution_rate: Figure  # first period's
    result_class: str


@dataclass(frozen=True)
class SummaryPart:
    unit: str
    code: str
    name: str
    points: Figure
    maximum: Figure
    total: Figure


@dataclass(frozen=True)
class Practice:
    unit: str
    text: str  # the strengths its figures show, in a sentence


@dataclass(frozen=True)
class RectificationRow:
    """One line of the 问题整改基本情况统计表."""

    unit: str
    total: Figure
    identified: Figure
    fed_back: Figure
    rectifying: Figure
    reported: Figure
    closed: Figure
    withdrawn: Figure
    overdue: Figure


@dataclass(frozen=True)
class SummaryReport:
    report: ReportHead
    unit_count: Figure
    units: list[SummaryRow]  # in rank order
    parts: list[SummaryPart]
    practices: list[Practice]
    problems: list[ProblemItem]
    rectification: list[RectificationRow]
    rectification_total: RectificationRow
    praised: list[str]  # units for 通报表扬
    talks: list[str]  # units whose heads get an admonitory talk (约谈)
    result_rule: str  # the rule behind the result classes, in words
    notes: list[str] = field(default_factory=list)  # what the figures rest on
