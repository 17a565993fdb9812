"""How the note editor's parts read: the activity's particulars, the notice of a
recovered draft, a question of the outline, a finding. User text is literal text."""

from __future__ import annotations

from rich.text import Text

from ..domain.clock import office_tz
from ..domain.printable import printable
from ..i18n import t
from .vim import literal


def particulars(detail) -> Text:
    from ..services import fieldwork

    line = t(
        "tui.fieldwork.particulars",
        kind=fieldwork.kind_label(detail.kind),
        date=detail.held_on.isoformat(),
        place=detail.place or t("tui.fieldwork.no_place"),
        evaluators=detail.evaluators or "—",
    )
    if detail.people_met:
        people = "、".join(person.shown for person in detail.people_met)
        line += " · " + t("tui.fieldwork.met", people=people)
    return literal(line)


def local_time(moment) -> str:
    return moment.astimezone(office_tz()).strftime("%Y-%m-%d %H:%M")


def draft_notice(detail) -> Text:
    who = detail.draft_by or "—"
    when = local_time(detail.draft_saved_at) if detail.draft_saved_at else "—"
    return literal(t("tui.fieldwork.draft_recovered", time=when, who=who))


def question_prompt(question: str, answered: bool) -> Text:
    mark = "✓ " if answered else "  "
    return Text.assemble((mark, "green"), literal(question))


def finding_prompt(finding) -> Text:
    severity = f"[{t(f'ledger.severity.{finding.severity}')}] " if finding.severity else ""
    codes = f" ({' '.join(finding.indicators)})" if finding.indicators else ""
    parts = [Text(printable(f"{finding.id}. {severity}{finding.text}{codes}", one_line=True))]
    if finding.problem_number:
        parts.append(literal(f"  → {finding.problem_number}", style="bold"))
    text = Text.assemble(*parts)
    text.no_wrap, text.overflow = True, "ellipsis"
    return text
