"""Why a step cannot be taken: a state that does not allow it, a day that cannot be
(``lifecycle.day_problems``), a deadline already past that the user has not confirmed.
Each refusal names the problem; ``transitions`` raises them, and the ledger screen shows
them before a step is tried."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...analytics.ledger_facts import created_on
from ...domain.clock import office_today
from ...domain.errors import NeedsConfirmation, UserError
from ...i18n import t
from .lifecycle import ALLOWED, DAY_ORDER, STEP_DAY, day_problems, deadline_passed
from .words import action_label, allowed_text, status_label

if TYPE_CHECKING:
    from ...models import Problem


def step_refusal(number: str, status: str, action: str, commands: bool = True) -> str | None:
    """Why a problem in ``status`` cannot take ``action`` (naming it, its state and what
    it allows, with the commands that take them when ``commands``), or None when it can."""
    allowed = ALLOWED[status]
    if action in allowed:
        return None
    key = "ledger.refused" if allowed else "ledger.refused_final"
    return t(
        key,
        number=number,
        state=status_label(status),
        status=status,
        action=action_label(action),
        allowed=allowed_text(allowed, commands),
    )


def refuse_step(problem: Problem, action: str) -> None:
    refusal = step_refusal(problem.number, problem.status, action)
    if refusal is not None:
        raise UserError(refusal)


def refuse_day(problem: Problem, step: str, day: date) -> None:
    """A step's day is never after today nor before the day of the step it follows
    (``lifecycle.day_problems``); the refusal names the problem."""
    days = {column: getattr(problem, column) for column in DAY_ORDER[1:]}
    days["created_at"] = created_on(problem)
    column = STEP_DAY[step]
    days[column] = day
    why = day_problems(days, office_today()).get(column)
    if why is not None:
        raise UserError(t("ledger.about", number=problem.number, reason=why))


def confirm_deadline(deadline: date, confirmed: bool) -> None:
    """A deadline already past is set only when the user confirms it."""
    question = deadline_passed(deadline, office_today())
    if question is not None and not confirmed:
        raise NeedsConfirmation(question, {"past_deadline": True})
