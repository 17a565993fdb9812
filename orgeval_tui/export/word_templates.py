"""The Word templates orgeval ships: the unit evaluation report, the feedback letter and
the leadership special report, in the official style (``word_style``), with docxtpl's
Jinja tags where the report's fields go. The office edits them in Word or WPS
(``orgeval report templates -o DIR``); these are the starting point.

The .docx files in ``templates/`` are built from here (``python -m
orgeval_tui.export.word_templates``), and a test checks the shipped files are what this
module builds, so the two never drift apart.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import date
from importlib import resources
from pathlib import Path

from .reproducible_zip import normalise_zip
from .word_style import new_document, table, with_fallback_fonts

TEMPLATE_FILES = {
    "unit": "unit-report.docx",
    "feedback": "feedback-letter.docx",
    "summary": "summary-report.docx",
}
BUILT_ON = date(2026, 1, 1)


def _p(document, text: str, style: str = "Normal") -> None:
    document.add_paragraph(text, style=document.styles[style])


def _signature(document) -> None:
    _p(document, "")
    _p(document, "{{ report.office }}", "落款")
    _p(document, "{{ report.date }}", "落款")


def unit_report():
    d = new_document()
    _p(d, "{{ report.title }}", "公文标题")
    _p(d, "（{{ report.evaluation }}）", "公文副标题")
    _p(d, "")
    _p(d, "根据{{ report.evaluation }}工作安排，{{ report.office }}以{{ report.reference_date }}为基准日，"
          "对{{ unit.name }}{{ report.periods }}机构编制执行情况和使用效益进行了评估。现将评估情况报告如下。")  # fmt: skip
    _p(d, "一、评估得分与等次", "一级标题")
    _p(d, "{%p if result.scored %}")
    _p(d, "{{ unit.name }}评估总分{{ result.total }}分（{{ result.points }}/{{ result.maximum }}，折合百分制），"
          "评估等次为“{{ result.grade }}”，在{{ result.ranked_units }}个被评估单位中排名第{{ result.rank }}位；"
          "评分{{ result.finalized }}。结果运用：{{ result.result_class }}。")  # fmt: skip
    _p(d, "{%p else %}")
    _p(d, "{{ unit.name }}尚未评分，暂无总分和等次。")
    _p(d, "{%p endif %}")
    _p(d, "{%p if result.vetoed %}")
    _p(d, "一票否决项未达标：{{ result.vetoed }}，等次最高为合格。")
    _p(d, "{%p endif %}")
    table(d, [20, 60, 25, 25, 26], ["编号", "评估内容", "得分", "满分", "折合百分制"], [
        ["{%tr for x in result.parts + result.areas %}"],
        ["{{ x.code }}", "{{ x.name }}", "{{ x.points }}", "{{ x.maximum }}", "{{ x.total }}"],
        ["{%tr endfor %}"],
    ])  # fmt: skip
    _p(d, "二、基本情况", "一级标题")
    _p(d, "{{ unit.name }}{% if unit.parent %}（隶属{{ unit.parent }}）{% endif %}"
          "{% if unit.mandate %}，依据{{ unit.mandate }}{% endif %}，核定编制{{ unit.quota_total }}名"
          "（行政编制{{ unit.quota_admin }}名、事业编制{{ unit.quota_public }}名、工勤编制{{ unit.quota_service }}名），"
          "领导职数{{ unit.quota_leaders }}名；实有在编人员{{ unit.headcount }}名，{{ unit.staffing }}，"
          "编制使用率{{ unit.quota_usage }}。内设机构{{ unit.section_count }}个"
          "{% if unit.sections %}：{{ unit.sections|join('、') }}{% endif %}。"
          "{% if unit.institutions %}下属事业单位：{{ unit.institutions }}。{% endif %}")  # fmt: skip
    _p(d, "三、数据分析", "一级标题")
    _p(d, "（一）人员结构", "二级标题")
    _p(d, "{%p if roster.available %}")
    _p(d, "截至{{ roster.as_of }}，在编{{ roster.headcount }}人，其中女性{{ roster.female }}人（{{ roster.female_share }}），"
          "平均年龄{{ roster.avg_age }}岁；大专及以上学历占{{ roster.college_or_above_share }}，"
          "本科及以上占{{ roster.bachelor_or_above_share }}；副科级及以上占{{ roster.section_level_or_above_share }}。")  # fmt: skip
    _p(d, "{%p for flag in roster.flags %}")
    _p(d, "需关注：{{ flag }}。")
    _p(d, "{%p endfor %}")
    table(d, [30, 66, 30, 30], ["结构", "类别", "人数", "占比"], [
        ["{%tr for s in roster.age_bands %}"],
        ["年龄", "{{ s.label }}", "{{ s.count }}", "{{ s.share }}"],
        ["{%tr endfor %}"],
        ["{%tr for s in roster.education %}"],
        ["学历", "{{ s.label }}", "{{ s.count }}", "{{ s.share }}"],
        ["{%tr endfor %}"],
        ["{%tr for s in roster.ranks %}"],
        ["职级", "{{ s.label }}", "{{ s.count }}", "{{ s.share }}"],
        ["{%tr endfor %}"],
    ])  # fmt: skip
    _p(d, "{{ roster.education_chart }}{{ roster.age_chart }}", "图表")
    _p(d, "{%p else %}")
    _p(d, "未导入在编人员信息表，无人员结构数据。")
    _p(d, "{%p endif %}")
    _p(d, "{%p if roster.institutions %}")
    _p(d, "下属事业单位人员情况：")
    table(d, [50, 24, 24, 29, 29], ["单位", "人数", "平均年龄", "大专及以上", "副科级及以上"], [
        ["{%tr for i in roster.institutions %}"],
        ["{{ i.name }}", "{{ i.headcount }}", "{{ i.avg_age }}", "{{ i.college_or_above_share }}",
         "{{ i.section_level_or_above_share }}"],
        ["{%tr endfor %}"],
    ])  # fmt: skip
    _p(d, "{%p endif %}")
    _p(d, "（二）履职情况", "二级标题")
    _p(d, "{%p for duty in duties %}")
    _p(d, "{{ duty.period }}，设置岗位职责{{ duty.duties_defined }}条，已执行{{ duty.duties_executed }}条，"
          "执行率{{ duty.execution_rate }}；系统填报率{{ duty.fill_rate }}，工作量比率{{ duty.workload_ratio }}。"
          "按履职次数，业务工作类占{{ duty.business_share_by_count }}；按履职时长，业务工作类占"
          "{{ duty.business_share_by_hours }}。{% if duty.never_executed %}尚有{{ duty.never_executed_count }}条职责未开展。{% endif %}")  # fmt: skip
    _p(d, "{%p for note in duty.notes %}")
    _p(d, "说明：{{ note }}")
    _p(d, "{%p endfor %}")
    table(d, [46, 26, 30, 24, 30], ["科室", "填报条数", "时长（小时）", "人数", "人均时长"], [
        ["{%tr for s in duty.sections %}"],
        ["{{ s.section }}", "{{ s.entries }}", "{{ s.hours }}", "{{ s.persons }}", "{{ s.hours_per_person }}"],
        ["{%tr endfor %}"],
    ])  # fmt: skip
    _p(d, "{{ duty.category_chart }}{{ duty.section_chart }}", "图表")
    _p(d, "{{ duty.month_chart }}", "图表")
    _p(d, "{%p endfor %}")
    _p(d, "{%p if not duties %}")
    _p(d, "未导入履职考评数据。")
    _p(d, "{%p endif %}")
    _p(d, "（三）业务办理", "二级标题")
    _p(d, "{%p for c in cases %}")
    _p(d, "{{ c.period }}，{{ c.channel }}办件{{ c.cases }}件，人均{{ c.cases_per_capita }}件，"
          "{{ c.comparison }}（全县平均{{ c.county_average }}件）；按时办结率{{ c.on_time_rate }}，"
          "群众满意度{{ c.satisfaction_rate }}。")  # fmt: skip
    _p(d, "{%p endfor %}")
    _p(d, "{{ case_chart }}", "图表")
    _p(d, "{%p if not cases %}")
    _p(d, "无办件数据。")
    _p(d, "{%p endif %}")
    _p(d, "四、三项评议情况", "一级标题")
    _p(d, "（一）部门自评", "二级标题")
    _p(d, "{% if reviews.self_scored %}自评得分{{ reviews.self_total }}分（{{ reviews.self_grade }}）{% else %}单位未自评打分{% endif %}，"
          "自评报告：{{ reviews.self_report }}。{% if reviews.staff_answered %}干部职工问卷{{ reviews.staff_responses }}份、"
          "{{ reviews.staff_items }}题，满意度{{ reviews.staff_satisfaction }}。{% else %}未收到干部职工问卷。{% endif %}")  # fmt: skip
    _p(d, "（二）部门互评", "二级标题")
    _p(d, "{% if reviews.peer_answered %}{{ reviews.peer_departments }}个相关部门填写问卷{{ reviews.peer_responses }}份，"
          "互评得分{{ reviews.peer_score }}分。{% else %}未收到互评问卷，无互评得分。{% endif %}")  # fmt: skip
    _p(d, "（三）编办实地评", "二级标题")
    table(d, [30, 24, 40, 46, 16], ["日期", "方式", "地点", "访谈对象", "发现"], [
        ["{%tr for a in reviews.activities %}"],
        ["{{ a.date }}", "{{ a.kind }}", "{{ a.place }}", "{{ a.people }}", "{{ a.findings }}"],
        ["{%tr endfor %}"],
    ])  # fmt: skip
    _p(d, "{%p for f in reviews.findings %}")
    _p(d, "{{ loop.index }}. {{ f.text }}（{{ f.kind }}，{{ f.date }}；涉及指标：{{ f.indicators }}"
          "{% if f.problem %}；已列入问题台账{{ f.problem }}{% endif %}）")  # fmt: skip
    _p(d, "{%p endfor %}")
    _p(d, "五、评分情况", "一级标题")
    _p(d, "{%p for s in scores %}")
    _p(
        d,
        "（{{ s.ordinal }}）{{ s.name }}：得分{{ s.points }}/{{ s.maximum }}，折合{{ s.total }}分",
        "二级标题",
    )
    table(d, [16, 36, 13, 13, 13, 65], ["编号", "指标", "分值", "自评", "得分", "评分说明"], [
        ["{%tr for r in s.rows %}"],
        ["{{ r.code }}", "{{ r.name }}", "{{ r.maximum }}", "{{ r.self_points }}", "{{ r.points }}",
         "{{ r.justification }}{% if r.evidence %}（实地评：{{ r.evidence }}）{% endif %}"],
        ["{%tr endfor %}"],
    ])  # fmt: skip
    _p(d, "{%p endfor %}")
    _p(d, "六、存在问题及整改建议", "一级标题")
    _p(d, "{%p for p in problems %}")
    _p(d, "（{{ p.ordinal }}）{{ p.title }}（{{ p.number }}）", "二级标题")
    _p(d, "{{ p.description }}")
    _p(d, "整改建议：{{ p.recommendation }}")
    _p(d, "{%p endfor %}")
    _p(d, "{%p if not problems %}")
    _p(d, "本次评估未发现需要整改的问题。")
    _p(d, "{%p endif %}")
    _p(d, "七、整改要求", "一级标题")
    _p(d, "请{{ unit.name }}对照反馈问题，逐项制定整改措施，明确责任人和完成时限，于{{ terms.deadline }}前完成整改，"
          "并于{{ terms.report_due }}前将书面整改报告报送{{ report.office }}。{{ report.office }}将适时开展“回头看”，"
          "整改到位的问题予以销号。")  # fmt: skip
    _signature(d)
    return d


def feedback_letter():
    d = new_document()
    _p(d, "{{ report.title }}", "公文标题")
    _p(d, "")
    _p(d, "{{ unit.name }}：", "顶格")
    _p(d, "根据{{ report.evaluation }}工作安排，{{ report.office }}对你单位机构编制执行情况和使用效益进行了评估，"
          "{% if result.scored %}评估总分{{ result.total }}分，等次为“{{ result.grade }}”。{% endif %}评估发现问题{{ problem_count }}个，现反馈如下，请认真抓好整改。")  # fmt: skip
    _p(d, "一、反馈的问题及整改建议", "一级标题")
    _p(d, "{%p for p in problems %}")
    _p(d, "（{{ p.ordinal }}）{{ p.title }}", "二级标题")
    _p(d, "{{ p.description }}")
    _p(d, "整改建议：{{ p.recommendation }}")
    _p(d, "整改时限：{{ p.deadline }}前。")
    _p(d, "{%p endfor %}")
    _p(d, "{%p if not problems %}")
    _p(d, "本次评估未发现需要反馈整改的问题。")
    _p(d, "{%p endif %}")
    _p(d, "二、整改要求", "一级标题")
    _p(
        d,
        "（一）高度重视，逐项整改。对反馈的问题逐项制定整改措施，明确责任人和整改时限，建立整改台账。",
    )
    _p(d, "（二）按时报送整改报告。请于{{ terms.deadline }}前完成整改，于{{ terms.report_due }}前将书面整改报告"
          "（含整改措施、完成情况和佐证材料）报送{{ report.office }}。")  # fmt: skip
    _p(
        d,
        "（三）接受“回头看”。{{ report.office }}将组织督导小组开展“回头看”，整改到位的予以销号；整改不到位的，责令继续整改。",
    )
    _p(d, "")
    _p(d, "附件：问题整改清单")
    _signature(d)
    d.add_page_break()
    _p(d, "问题整改清单", "公文标题")
    table(d, [12, 22, 50, 50, 22], ["序号", "问题编号", "问题", "整改建议", "整改时限"], [
        ["{%tr for p in problems %}"],
        ["{{ loop.index }}", "{{ p.number }}", "{{ p.title }}", "{{ p.recommendation }}", "{{ p.deadline }}"],
        ["{%tr endfor %}"],
    ])  # fmt: skip
    return d


def summary_report():
    d = new_document()
    _p(d, "{{ report.title }}", "公文标题")
    _p(d, "（{{ report.evaluation }}）", "公文副标题")
    _p(d, "")
    _p(d, "按照工作安排，{{ report.office }}以{{ report.reference_date }}为基准日，对{{ unit_count }}个单位"
          "{{ report.periods }}机构编制执行情况和使用效益开展了评估。现将有关情况报告如下。")  # fmt: skip
    _p(d, "一、评估结果", "一级标题")
    table(d, [10, 36, 14, 15, 16, 13, 13, 19, 19], ["排名", "单位", "总分", "等次", "互评得分", "编制数", "实有人数", "编制使用率", "职责执行率"], [
        ["{%tr for u in units %}"],
        ["{{ u.rank }}", "{{ u.unit }}", "{{ u.total }}", "{{ u.grade }}", "{{ u.peer_score }}", "{{ u.quota_total }}",
         "{{ u.headcount }}", "{{ u.quota_usage }}", "{{ u.execution_rate }}"],
        ["{%tr endfor %}"],
    ])  # fmt: skip
    _p(d, "分部分得分：")
    table(d, [50, 40, 22, 22, 22], ["单位", "评估内容", "得分", "满分", "折合百分制"], [
        ["{%tr for x in parts %}"],
        ["{{ x.unit }}", "{{ x.name }}", "{{ x.points }}", "{{ x.maximum }}", "{{ x.total }}"],
        ["{%tr endfor %}"],
    ])  # fmt: skip
    _p(d, "二、典型经验", "一级标题")
    _p(d, "{%p for x in practices %}")
    _p(d, "{{ x.unit }}：{{ x.text }}")
    _p(d, "{%p endfor %}")
    _p(d, "三、存在问题", "一级标题")
    _p(d, "评估共发现问题{{ rectification_total.total }}个。")
    _p(d, "{%p for p in problems %}")
    _p(d, "{{ loop.index }}. {{ p.unit }}：{{ p.title }}（{{ p.number }}，{{ p.status }}）")
    _p(d, "{%p endfor %}")
    _p(d, "四、问题整改情况", "一级标题")
    _p(d, "问题整改基本情况统计表", "表格标题")
    table(d, [38, 14, 14, 14, 14, 14, 16, 16, 16], ["单位", "问题数", "已发现", "已反馈", "整改中", "已报告", "已销号", "已撤销", "逾期"], [
        ["{%tr for r in rectification %}"],
        ["{{ r.unit }}", "{{ r.total }}", "{{ r.identified }}", "{{ r.fed_back }}", "{{ r.rectifying }}",
         "{{ r.reported }}", "{{ r.closed }}", "{{ r.withdrawn }}", "{{ r.overdue }}"],
        ["{%tr endfor %}"],
        ["{{ rectification_total.unit }}", "{{ rectification_total.total }}", "{{ rectification_total.identified }}",
         "{{ rectification_total.fed_back }}", "{{ rectification_total.rectifying }}", "{{ rectification_total.reported }}",
         "{{ rectification_total.closed }}", "{{ rectification_total.withdrawn }}", "{{ rectification_total.overdue }}"],
    ])  # fmt: skip
    _p(d, "五、结果运用", "一级标题")
    _p(d, "{{ result_rule }}")
    _p(d, "通报表扬：{% if praised %}{{ praised|join('、') }}{% else %}无{% endif %}。")
    _p(d, "约谈主要负责人：{% if talks %}{{ talks|join('、') }}{% else %}无{% endif %}。")
    _p(d, "{%p for note in notes %}")
    _p(d, "说明：{{ note }}")
    _p(d, "{%p endfor %}")
    _signature(d)
    return d


BUILDERS = {"unit": unit_report, "feedback": feedback_letter, "summary": summary_report}


def built_template(kind: str) -> bytes:
    """The template's bytes as this module builds it (fonts with their stand-ins)."""
    buffer = io.BytesIO()
    BUILDERS[kind]().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "word/fontTable.xml":
                data = with_fallback_fonts(data)
            target.writestr(entry.filename, data)
    return normalise_zip(out.getvalue(), BUILT_ON)


def shipped_template(kind: str) -> bytes:
    return resources.files(__package__).joinpath("templates", TEMPLATE_FILES[kind]).read_bytes()


def main(folder: str | None = None) -> None:
    target = Path(folder) if folder else Path(__file__).parent / "templates"
    target.mkdir(parents=True, exist_ok=True)
    for kind, name in TEMPLATE_FILES.items():
        (target / name).write_bytes(built_template(kind))


if __name__ == "__main__":
    main(*sys.argv[1:2])
