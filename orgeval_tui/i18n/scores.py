"""Messages of scoring: giving scores, finalising, suggestions."""

EN = {
    "score.suggestion.deduction": "ledger problems in {categories}: {count} × {per} → {points}/{max}",
    "score.no_rubric": "evaluation {evaluation} has no rubric yet: import one with `orgeval rubric import FILE`",
    "score.not_evaluated": "{unit} is not under evaluation in {evaluation}: add it with `orgeval evaluation edit --add-unit`",
    "score.unknown_code": "no indicator {code} in the rubric: `orgeval rubric show` lists the codes",
    "score.not_a_leaf": "{code} {name} is a group of indicators: scores go on its leaves",
    "score.one_of": "{code}: give exactly one of points, a count of instances, or not applicable",
    "score.count_not_deduction": "{code} {name} is not scored by deduction: give points, not a count",
    "score.finalized": "the scores of {unit} are finalised: reopen them first (`orgeval score reopen --unit … --reason …`)",
    "score.conflict_removed": "the score of {unit} on {code} was removed meanwhile by another evaluator: read it again",
    "score.conflict_new": "the score of {unit} on {code} was just recorded by another evaluator: read it again",
    "score.finalize_unscored": "{unit} cannot be finalised: {count} indicators not scored ({codes})",
    "score.already_finalized": "the scores of {unit} are already finalised",
    "score.reopen_needs_reason": "reopening finalised scores needs a reason",
    "score.not_finalized": "the scores of {unit} are not finalised",
    "rubric.replace.scored": "the rubric of {evaluation} cannot be replaced: {scores} scores refer to it",
}

ZH = {
    "score.suggestion.deduction": "台账问题（{categories}）{count} 处 × {per} → {points}/{max}",
    "score.no_rubric": "评估项目“{evaluation}”尚无指标体系：请用 `orgeval rubric import 文件` 导入",
    "score.not_evaluated": "{unit}不在评估项目“{evaluation}”的评估单位中：可用 `orgeval evaluation edit --add-unit` 加入",
    "score.unknown_code": "指标体系中没有编号为 {code} 的指标：`orgeval rubric show` 可列出全部编号",
    "score.not_a_leaf": "{code} {name}是指标分组：请对其下的末级指标打分",
    "score.one_of": "{code}：分值、发现处数、不适用三者须且只须给出一项",
    "score.count_not_deduction": "{code} {name}不是扣分制指标：请给出分值，而非处数",
    "score.finalized": "{unit}的评分已定稿：如需修改，请先退回（`orgeval score reopen --unit … --reason …`）",
    "score.conflict_removed": "{unit}在 {code} 上的评分已被其他评估人员删除：请重新读取",
    "score.conflict_new": "{unit}在 {code} 上的评分刚由其他评估人员录入：请重新读取",
    "score.finalize_unscored": "{unit}尚不能定稿：有 {count} 项指标未评分（{codes}）",
    "score.already_finalized": "{unit}的评分已经定稿",
    "score.reopen_needs_reason": "退回已定稿的评分须说明理由",
    "score.not_finalized": "{unit}的评分尚未定稿",
    "rubric.replace.scored": "评估项目“{evaluation}”的指标体系不能替换：已有 {scores} 条评分引用它",
}
