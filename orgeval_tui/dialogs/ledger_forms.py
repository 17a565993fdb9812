"""The ledger's forms: the fields of each step of a problem's life, of a new problem,
and of the filters; what a step's form says of the problems it applies to. Each is shown
by ``FormScreen``."""

from __future__ import annotations

from ..domain.ledger_words import PROBLEM_SOURCES, SEVERITIES
from ..i18n import t
from ..services.ledger import STATUS_FILTERS, step_refusal
from ..widgets.ledger_detail import labelled
from .form import Field


def labelled_choices(prefix: str, values) -> list[tuple[str, str]]:
    return [(t(f"{prefix}.{value}"), value) for value in values]


def choice_field(name: str, current, options, required: bool = False) -> Field:
    """A choice of the ledger's ``name`` (its label is ``tui.ledger.<name>``)."""
    return Field(name, t(f"tui.ledger.{name}"), "choice", required, current or "", tuple(options))


def heading(words: str) -> str:
    """An action's words as a form's title (capitalised in English)."""
    return words[:1].upper() + words[1:]


def step_fields(step: str, today) -> list[Field]:
    day = today.isoformat()
    return {
        "feedback": [Field("on", t("tui.ledger.fed_back_on"), "date", True, day)],
        "plan": [
            Field("measures", t("tui.ledger.measures"), required=True),
            Field("responsible", t("tui.ledger.responsible"), required=True),
            Field("deadline", t("tui.ledger.deadline"), "date", required=True),
        ],
        "report": [
            Field("text", t("tui.ledger.report")),
            Field("file", t("tui.ledger.report_file")),
            Field("on", t("tui.ledger.reported_on"), "date", True, day),
        ],
        "verify": [
            Field("note", t("tui.ledger.verify_note"), required=True),
            Field("on", t("tui.ledger.verified_on"), "date", True, day),
        ],
        "reopen": [Field("reason", t("tui.ledger.reason"), required=True)],
        "extend": [
            Field("deadline", t("tui.ledger.new_deadline"), "date", required=True),
            Field("reason", t("tui.ledger.reason"), required=True),
        ],
        "withdraw": [Field("reason", t("tui.ledger.reason"), required=True)],
    }[step]


def filter_fields(query, units, categories) -> list[Field]:
    """The filter form, filled with ``query``'s filters."""
    return [
        choice_field("unit", query.unit, units),
        choice_field("status", query.status, labelled_choices("ledger.status", STATUS_FILTERS)),
        choice_field("source", query.source, labelled_choices("ledger.source", PROBLEM_SOURCES)),
        choice_field("category", query.category, [(c, c) for c in categories]),
        choice_field("severity", query.severity, labelled_choices("ledger.severity", SEVERITIES)),
        Field(
            "overdue",
            t("tui.ledger.only_overdue"),
            "check",
            default="1" if query.overdue else "",
        ),
        Field(
            "due_within",
            t("tui.ledger.due_soon"),
            "choice",
            default=query.due_within or "",
            options=tuple((t("tui.ledger.due_within", days=d), d) for d in (10, 20)),
        ),
    ]


def new_problem_fields(units) -> list[Field]:
    """The form of a new problem."""
    return [
        choice_field("unit", None, units, required=True),
        Field("title", t("tui.ledger.title_field"), required=True),
        Field("description", t("tui.ledger.description"), "lines"),
        choice_field(
            "source",
            "onsite",
            labelled_choices("ledger.source", PROBLEM_SOURCES),
            required=True,
        ),
        Field("category", t("tui.ledger.category")),
        choice_field(
            "severity", "medium", labelled_choices("ledger.severity", SEVERITIES), required=True
        ),
        Field("recommendation", t("tui.ledger.recommendation")),
    ]


def targets_note(targets, shown: dict) -> str:
    """The problems a step applies to (number, version), as its form's note: one in full
    (``shown``: number → the problem as this page shows it), many by their numbers."""
    if len(targets) == 1:
        problem = shown.get(targets[0][0])
        if problem is not None:
            deadline = problem.deadline.isoformat() if problem.deadline else "—"
            return (
                f"{problem.number}  {problem.unit_label}  {problem.title}\n"
                f"{labelled('tui.ledger.status')}{t(f'ledger.status.{problem.status}')}  "
                f"{labelled('tui.ledger.deadline')}{deadline}"
            )
    numbers = "、".join(number for number, _ in targets[:8])
    more = "…" if len(targets) > 8 else ""
    return t("tui.ledger.many", count=len(targets), numbers=numbers + more)


def step_refusals(step: str, targets, shown: dict) -> list[str]:
    """Why each of the targets ``shown`` on the page cannot take ``step``, in the
    service's words (the service refuses the same, should the step be tried), the steps
    they allow named as the screen names them, without the command line's commands."""
    refusals = []
    for number, _ in targets:
        problem = shown.get(number)
        if problem is not None:
            refusal = step_refusal(number, problem.status, step, commands=False)
            if refusal is not None:
                refusals.append(refusal)
    return refusals
