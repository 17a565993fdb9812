"""The life of a problem (DOMAIN.md), declared once.

::

    identified ─feedback→ fed_back ─plan→ rectifying ─report→ reported ─verify→ closed
                                          ↑   └extend┘           │              │
                                          └──────── reopen ──────┴──────────────┘
    withdraw: from any state but closed and withdrawn → withdrawn (stays listed)

``STEPS`` says which states each step may be taken from and where it leads;
``STAGE_FIELDS`` what each step records on the problem; ``STATES`` which of those
records a problem in each state carries (the steps it has been through) and which it
cannot carry (the steps it cannot have been through). A step is refused unless its
state allows it (``transitions``), and so is a day that cannot be (``day_problems``:
after today, or before the step it follows); a row of a ledger workbook is refused unless its
fields fit its state (``field_problems``, used by the ledger import); the demo replays
its lives through the steps. ``tests/services/ledger/test_lifecycle_table.py`` walks
random lives through the service and holds every problem it leaves to
``field_problems``, so the table and the service cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ...domain.ledger_words import PROBLEM_STATUSES
from ...i18n import catalogues, t


@dataclass(frozen=True)
class Step:
    sources: tuple[str, ...]
    target: str | None  # None: the problem stays in its state (an extension)


STEPS: dict[str, Step] = {
    "feedback": Step(("identified",), "fed_back"),
    "plan": Step(("fed_back",), "rectifying"),
    "report": Step(("rectifying",), "reported"),
    "verify": Step(("reported",), "closed"),
    "reopen": Step(("reported", "closed"), "rectifying"),
    "extend": Step(("rectifying",), None),
    "withdraw": Step(("identified", "fed_back", "rectifying", "reported"), "withdrawn"),
}

# The steps a problem in each state may take, in the order of STEPS.
ALLOWED: dict[str, tuple[str, ...]] = {
    status: tuple(action for action, step in STEPS.items() if status in step.sources)
    for status in PROBLEM_STATUSES
}

# What each step records on the problem.
STAGE_FIELDS: dict[str, tuple[str, ...]] = {
    "feedback": ("fed_back_on",),
    "plan": ("measures", "responsible", "deadline"),
    "report": ("reported_on", "report_text", "report_file_name", "report_file_hash"),
    "verify": ("verifier", "verified_on", "verify_note"),
    "withdraw": ("withdraw_reason", "withdrawn_on"),
}
# Of those, what must be there once the step is taken (a report needs its text or its
# file besides, and a file its hash: checked apart).
STAGE_NEEDS: dict[str, tuple[str, ...]] = {**STAGE_FIELDS, "report": ("reported_on",)}
# A step's records need those of the step before it, whatever the state.
PREREQUISITES = {"plan": "feedback", "report": "plan"}


@dataclass(frozen=True)
class State:
    reached: tuple[str, ...]  # steps whose records a problem in this state carries
    unreached: tuple[str, ...]  # steps whose records it cannot carry


# A problem back in rectifying may keep an earlier report: a failed look-back sends a
# reported problem back. Withdrawal keeps whatever the problem had.
STATES: dict[str, State] = {
    "identified": State((), ("feedback", "plan", "report", "verify", "withdraw")),
    "fed_back": State(("feedback",), ("plan", "report", "verify", "withdraw")),
    "rectifying": State(("feedback", "plan"), ("verify", "withdraw")),
    "reported": State(("feedback", "plan", "report"), ("verify", "withdraw")),
    "closed": State(("feedback", "plan", "report", "verify"), ("withdraw",)),
    "withdrawn": State(("withdraw",), ("verify",)),
}

FIELDS = tuple(column for columns in STAGE_FIELDS.values() for column in columns)


def deadline_refusal(deadline: date | None, fed_back_on: date | None) -> str | None:
    """A deadline is never before the day the problem was fed back: the refusal, or None."""
    if deadline is None or fed_back_on is None or deadline >= fed_back_on:
        return None
    return t(
        "ledger.deadline_before_feedback",
        deadline=deadline.isoformat(),
        fed_back_on=fed_back_on.isoformat(),
    )


# The days a problem's life records, in the order its steps come (``created_at`` is the
# day it was recorded). Each is never before the one it follows, and none is after today.
# A failed look-back (``reopened_on``, kept in its event) or a withdrawal follows whatever
# came before it.
DAY_ORDER = ("created_at", "fed_back_on", "reported_on", "verified_on")
LAST_DAYS = ("reopened_on", "withdrawn_on")
# The day each dated step records.
STEP_DAY = {
    "feedback": "fed_back_on",
    "report": "reported_on",
    "verify": "verified_on",
    "reopen": "reopened_on",
    "withdraw": "withdrawn_on",
}


def field_label(column: str) -> str:
    """A column as the ledger's user knows it (登记时间, 反馈日期, ...)."""
    return t(f"ledger.field.{column}")


def day_problems(
    values: dict, today: date, column_name: Callable[[str], str] = field_label
) -> dict[str, str]:
    """What is impossible about the days in ``values`` (column → day, blank as None):
    column → why (after today, or before the day of the step it follows); empty when
    every day makes sense."""
    found: dict[str, str] = {}
    latest: tuple[str, date] | None = None
    for column in (*DAY_ORDER, *LAST_DAYS):
        day = values.get(column)
        if day is None:
            continue
        if day > today:
            found[column] = t(
                "ledger.day_after_today",
                field=column_name(column),
                day=day.isoformat(),
                today=today.isoformat(),
            )
        elif latest is not None and day < latest[1]:
            found[column] = t(
                "ledger.day_before_step",
                field=column_name(column),
                day=day.isoformat(),
                earlier=column_name(latest[0]),
                earlier_day=latest[1].isoformat(),
            )
        if column in DAY_ORDER and (latest is None or day > latest[1]):
            latest = (column, day)
    return found


def deadline_passed(deadline: date | None, today: date) -> str | None:
    """A deadline already past when it is set: not impossible (a plan recorded late), but
    unusual enough to be confirmed. The question, or None."""
    if deadline is None or deadline >= today:
        return None
    return t("ledger.deadline_passed", deadline=deadline.isoformat(), today=today.isoformat())


def field_problems(
    status: str,
    values: dict,
    column_name: Callable[[str], str] = str,
    today: date | None = None,
) -> dict[str, str]:
    """What does not fit ``status`` in a problem's ``values`` (column → value, blank as
    None): column → why, empty when everything fits. ``column_name`` names a column in
    the messages (as the caller's user knows it); given ``today``, the days are held to
    ``day_problems`` too."""
    state = catalogues()["zh"][f"ledger.status.{status}"]
    found: dict[str, str] = {}
    for stage in STATES[status].unreached:
        for column in STAGE_FIELDS[stage]:
            if values.get(column) is not None:
                found.setdefault(column, t("ledger_excel.not_allowed", state=state))
    for stage in STATES[status].reached:
        for column in STAGE_NEEDS[stage]:
            if values.get(column) is None:
                found.setdefault(column, t("ledger_excel.needed", state=state))
    for stage, columns in STAGE_FIELDS.items():
        given = [c for c in columns if values.get(c) is not None]
        if not given:
            continue
        because = t("ledger_excel.needed_with", column=column_name(given[0]))
        needed = STAGE_NEEDS[stage] + STAGE_NEEDS.get(PREREQUISITES.get(stage, ""), ())
        for column in needed:
            if values.get(column) is None:
                found.setdefault(column, because)
    reported = any(values.get(c) is not None for c in STAGE_FIELDS["report"])
    if reported and values.get("report_text") is None and values.get("report_file_name") is None:
        found.setdefault("report_text", t("ledger.report_empty"))
    pair = ("report_file_name", "report_file_hash")
    for one, other in (pair, pair[::-1]):
        if values.get(one) is not None and values.get(other) is None:
            found.setdefault(other, t("ledger_excel.needed_with", column=column_name(one)))
    refusal = deadline_refusal(values.get("deadline"), values.get("fed_back_on"))
    if refusal is not None:
        found.setdefault("deadline", refusal)
    if today is not None:
        for column, why in day_problems(values, today, column_name).items():
            found.setdefault(column, why)
    return found
