"""The ledger a page at a time, as its screen shows it: a query (filters, search,
order) and the page of problems it finds from an offset."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain.clock import office_today
from ...storage.database import Database
from .queries import count_problems, list_problems
from .views import ProblemView

PAGE_SIZE = 200


@dataclass(frozen=True)
class LedgerQuery:
    """What the table shows: the filters, the search, the order."""

    unit: str | None = None
    status: str | None = None
    source: str | None = None
    category: str | None = None
    severity: str | None = None
    overdue: bool = False
    due_within: int | None = None
    search: str | None = None
    order: str = "recorded"
    descending: bool = False

    def filters(self) -> dict:
        return {
            "unit": self.unit,
            "status": self.status,
            "source": self.source,
            "category": self.category,
            "severity": self.severity,
            "overdue": self.overdue,
            "due_within": self.due_within,
            "search": self.search,
        }


@dataclass(frozen=True)
class Page:
    offset: int
    total: int
    rows: list[ProblemView]
    today: date


def read_page(
    db: Database, query: LedgerQuery, offset: int, *, size: int = PAGE_SIZE, today=None
) -> Page:
    """One page of the problems ``query`` finds, from ``offset`` (the last page when the
    offset is past the end): what the ledger screen shows at a time."""
    today = today or office_today()
    total = count_problems(db, today=today, **query.filters())
    if offset >= total:
        offset = max(0, total - 1) // size * size
    rows = list_problems(
        db,
        today=today,
        limit=size,
        offset=offset,
        order=query.order,
        descending=query.descending,
        **query.filters(),
    )
    return Page(offset, total, rows, today)
