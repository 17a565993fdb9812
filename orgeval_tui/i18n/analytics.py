"""Messages of analytics."""

EN: dict[str, str] = {
    "analytics.flag.ageing": "ageing staff",
    "analytics.flag.leadership_heavy": "leadership-heavy",
    "analytics.flag.over_quota": "over quota",
    "analytics.flag.separator": "; ",
    "analytics.flag.ageing.average": "average age {avg_age} ≥ {threshold}",
    "analytics.flag.ageing.nobody_young": "nobody under {young}",
    "analytics.flag.ageing.nobody_young_known": "nobody under {young} among the {known} of {headcount} with a known age",
    "analytics.flag.leadership_heavy.evidence": "{count} of {headcount} at deputy-section level or above ({share} ≥ {threshold})",
    "analytics.flag.leadership_heavy.evidence_known": "{count} of the {known} of {headcount} with a known rank at deputy-section level or above ({share} ≥ {threshold})",
    "analytics.flag.over_quota.evidence": "headcount {headcount} exceeds the quota of {quota_total} by {excess}",
    "analytics.duties.note.no_log": "no work log in the period: execution rate, fill rate and workload ratio cannot be computed",
    "analytics.duties.note.workdays_assumed": "working days were taken as Monday–Friday where the office calendar has no entry; fill rate and workload ratio rest on that assumption",
    "analytics.duties.note.persons_from_log": "no roster loaded: persons are the {persons} distinct persons in the log",
    "analytics.duties.note.log_exceeds_roster": "the log names {log_persons} persons, more than the roster's {persons}: the fill rate can exceed 100%",
    "analytics.duties.note.unknown_codes": "{count} duty codes in the log are not in the catalogue ({codes}): their work counts in the totals, not as executed duties",
}

ZH: dict[str, str] = {
    "analytics.flag.ageing": "队伍老化",
    "analytics.flag.leadership_heavy": "领导干部占比过高",
    "analytics.flag.over_quota": "超编",
    "analytics.flag.separator": "；",
    "analytics.flag.ageing.average": "平均年龄 {avg_age} 岁 ≥ {threshold} 岁",
    "analytics.flag.ageing.nobody_young": "无 {young} 岁以下人员",
    "analytics.flag.ageing.nobody_young_known": "{headcount} 人中年龄已知的 {known} 人均不在 {young} 岁以下",
    "analytics.flag.leadership_heavy.evidence": "{headcount} 人中副科级以上 {count} 人（{share} ≥ {threshold}）",
    "analytics.flag.leadership_heavy.evidence_known": "{headcount} 人中职级已知的 {known} 人里副科级以上 {count} 人（{share} ≥ {threshold}）",
    "analytics.flag.over_quota.evidence": "实有 {headcount} 人，超出编制数 {quota_total} 人 {excess} 人",
    "analytics.duties.note.no_log": "该期间无履职记录：执行率、填报率和工作量比率无法计算",
    "analytics.duties.note.workdays_assumed": "办公日历未覆盖的日期按周一至周五计为工作日，填报率和工作量比率以此为准",
    "analytics.duties.note.persons_from_log": "未导入人员名册：人数取履职记录中的 {persons} 人",
    "analytics.duties.note.log_exceeds_roster": "履职记录涉及 {log_persons} 人，多于名册的 {persons} 人，填报率可能超过 100%",
    "analytics.duties.note.unknown_codes": "履职记录中有 {count} 个职责编号不在职责清单中（{codes}）：其工作计入合计，不计为已执行职责",
}
