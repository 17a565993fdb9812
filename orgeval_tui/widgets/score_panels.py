"""What the scoring screen shows around its table, as rich ``Text`` (user data is never
read as markup): the totals line (parts, total, grade, rank, failed vetoes) and the
detail of the selected leaf (its standard, kind, suggestion, the evaluators' points)."""

from __future__ import annotations

from rich.text import Text

from ..analytics.display import one_decimal
from ..i18n import t
from .score_table import given_text, mean_text, points_text
from .vim import literal

SEPARATOR = "  "
GRADE_STYLES = {"excellent": "bold green", "good": "bold", "pass": "bold", "fail": "bold red"}


def summary(sheet) -> Text:
    """Each part's points over its maximum, the total scaled to 100 with its grade, the
    rank among the evaluated units and the veto items failed: one line at 80 columns."""
    result = sheet.result
    parts = []
    for indicator in sheet.rubric.indicators:
        if indicator.parent is not None:
            continue
        subtotal = result.by_indicator.get(indicator.code)
        if subtotal is None:
            continue
        values = {"name": indicator.name, "max": points_text(subtotal.maximum)}
        if subtotal.scored:
            parts.append(t("scoring.part", points=points_text(subtotal.points), **values))
        else:
            parts.append(t("scoring.part_unscored", **values))
    text = literal(SEPARATOR.join(parts))
    total = result.overall.total
    text.append(SEPARATOR)
    if total is None:
        text.append(t("scoring.total_none"), style="bold")
    else:
        text.append(t("scoring.total", total=one_decimal(total)), style="bold")
    if result.grade is not None:
        text.append(" ")
        text.append(t(f"scoring.grade.{result.grade}"), style=GRADE_STYLES[result.grade])
    text.append(SEPARATOR)
    if sheet.rank is None:
        text.append(t("scoring.rank_none"))
    else:
        text.append(t("scoring.rank", rank=sheet.rank, units=sheet.ranked_units))
    overall = result.overall
    text.append(SEPARATOR)
    text.append(t("scoring.scored", scored=overall.scored, leaves=overall.leaves), style="dim")
    if result.vetoed:
        text.append(SEPARATOR)
        text.append(literal(t("scoring.veto", codes="、".join(result.vetoed)), style="bold red"))
    if sheet.finalized:
        text.append(SEPARATOR)
        text.append(t("scoring.finalized"), style="reverse")
    return text


FINDINGS_SHOWN = 2


def detail(line, width: int = 78) -> Text:
    """The selected leaf: code and name, kind, veto and disagreement marks, the
    standard, then the suggestion, the self-score and every evaluator's points, and the
    on-site findings that bear on it (one line each, cut to ``width`` cells)."""
    leaf = line.leaf
    text = literal(f"{leaf.code} {leaf.name}", style="bold")
    if leaf.kind == "deduction":
        kind = t("scoring.kind.deduction", per=points_text(leaf.per_instance))
    else:
        kind = t(f"scoring.kind.{leaf.kind}")
    text.append(f" · {kind}")
    if leaf.veto:
        text.append(" · ")
        text.append(t("scoring.veto_mark"), style="bold red")
    if line.agreement.flagged:
        text.append(" · ")
        text.append(t("scoring.flagged"), style="red")
    text.append("\n")
    text.append_text(literal(leaf.standard, style="dim"))
    text.append("\n")
    suggestion = line.suggestion
    if suggestion is None:
        text.append(t("scoring.no_suggestion"))
    else:
        text.append_text(literal(t("scoring.suggestion", text=suggestion.explanation)))
    text.append(" · ")
    text.append(t("scoring.self", points=given_text(line.self_score)))
    if line.self_score is not None and line.self_score.note:
        text.append_text(literal(f"（{line.self_score.note}）"))
    text.append(" · ")
    if line.evaluators:
        scores = "、".join(
            f"{actor} {t('scoring.na') if points is None else points_text(points)}"
            for actor, points in line.evaluators.items()
        )
        text.append_text(literal(t("scoring.evaluators", scores=scores)))
        text.append(f" → {mean_text(line.agreement.mean)}")
    else:
        text.append(t("scoring.no_evaluators"))
    if line.mine is not None and line.mine.count is not None:
        text.append(" · ")
        text.append(t("scoring.count", count=line.mine.count))
    for finding in line.findings[:FINDINGS_SHOWN]:
        text.append("\n")
        text.append_text(_evidence(finding, len(line.findings), width))
    if line.mine is not None and line.mine.note:
        text.append("\n")
        text.append_text(literal(line.mine.note, style="italic"))
    return text


def _evidence(finding, count: int, width: int) -> Text:
    """``实地发现（2）个别访谈 07-14：… → 2021-006``, on one line."""
    kind = t(f"fieldwork.kind.{finding.kind}")
    head = t("scoring.finding", count=count, kind=kind, on=finding.held_on.strftime("%m-%d"))
    tail = f" → {finding.problem_number}" if finding.problem_number else ""
    line = Text(head, style="cyan")
    body = literal(finding.text)
    body.truncate(max(width - line.cell_len - len(tail), 8), overflow="ellipsis")
    line.append_text(body)
    line.append(tail, style="bold")
    return line
