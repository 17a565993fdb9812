"""The problem ledger (问题台账): one place for its rules, in modules with one job each.

- ``lifecycle``: the states, the steps between them and the fields each state carries;
- ``transitions``: taking a step, for one problem or many at once, with its event;
- ``refusals``: why a step cannot be taken (its state, its day, a deadline unconfirmed);
- ``numbering``: recording a problem under the evaluation's next number;
- ``queries``: a problem with its history, pages, counts, counts per unit;
- ``search``: substring search over its texts; ``facts``: overdue, due, days open;
- ``views``: the frozen views handed out; ``words``: labels and typed words.

Callers use the names below (``from ..services import ledger; ledger.add(...)``).
"""

from ...analytics.ledger_facts import OPEN_STATUSES, ProblemFacts, UnitCounts, facts
from .lifecycle import ALLOWED, STEPS
from .numbering import add
from .pages import PAGE_SIZE, LedgerQuery, Page, read_page
from .queries import (
    ORDERS,
    categories,
    count_problems,
    evaluation_problems,
    list_problems,
    matching_ids,
    show,
    unit_counts,
)
from .refusals import step_refusal
from .transitions import (
    apply,
    extend,
    feedback,
    file_digest,
    plan,
    reopen,
    report,
    verify,
    withdraw,
)
from .views import EventView, ProblemDetail, ProblemView
from .words import STATUS_FILTERS, action_label, status_label, unknown_word

__all__ = [
    "ALLOWED",
    "OPEN_STATUSES",
    "ORDERS",
    "PAGE_SIZE",
    "STATUS_FILTERS",
    "STEPS",
    "EventView",
    "LedgerQuery",
    "Page",
    "ProblemDetail",
    "ProblemFacts",
    "ProblemView",
    "UnitCounts",
    "action_label",
    "add",
    "apply",
    "categories",
    "count_problems",
    "evaluation_problems",
    "extend",
    "facts",
    "feedback",
    "file_digest",
    "list_problems",
    "matching_ids",
    "plan",
    "read_page",
    "reopen",
    "report",
    "show",
    "status_label",
    "step_refusal",
    "unit_counts",
    "unknown_word",
    "verify",
    "withdraw",
]
