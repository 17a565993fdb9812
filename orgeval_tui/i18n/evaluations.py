"""Messages of evaluation projects (评估项目)."""

EN = {
    "evaluation.empty": "an evaluation needs a {field}",
    "evaluation.field.name": "name",
    "evaluation.field.number_prefix": "problem-number prefix",
    "evaluation.field.period_label": "period label",
    "evaluation.exists": "an evaluation named {name} exists already",
    "evaluation.bad_prefix": "problem-number prefix {prefix!r}: letters, digits and - only, at most 20",
    "evaluation.bad_period": "period {label}: its first day {start} is after its last day {end}",
    "evaluation.period_twice": "period {label} is given twice",
    # A period named from its dates (services.evaluations.dated_period_name).
    "period.year": "Year {year}",
    "period.first_half": "H1 {year}",
    "period.second_half": "H2 {year}",
    "period.quarter": "Q{quarter} {year}",
    "period.month": "{year}-{month:02d}",
    "period.months": "{first} – {last}",
    "period.days": "{start} – {end}",
}
ZH = {
    "evaluation.empty": "评估项目须有{field}",
    "evaluation.field.name": "名称",
    "evaluation.field.number_prefix": "问题编号前缀",
    "evaluation.field.period_label": "评估期名称",
    "evaluation.exists": "已有名为 {name} 的评估项目",
    "evaluation.bad_prefix": "问题编号前缀 {prefix!r}：只能用字母、数字和 -，最多 20 个字符",
    "evaluation.bad_period": "评估期 {label}：起始日 {start} 晚于截止日 {end}",
    "evaluation.period_twice": "评估期 {label} 重复",
    "period.year": "{year}年度",
    "period.first_half": "{year}年上半年",
    "period.second_half": "{year}年下半年",
    "period.quarter": "{year}年第{quarter}季度",
    "period.month": "{year}年{month}月",
    "period.months": "{first}至{last}",
    "period.days": "{start}至{end}",
}
