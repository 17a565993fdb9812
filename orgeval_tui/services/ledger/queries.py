"""Reading the ledger: one problem with its history, pages of problems filtered,
searched and sorted, counts, and the counts per unit.

Reads use the light table handles, not the models: a command that only reads then never
builds the model classes (≈ 0.15 s) nor configures the mappers.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import and_, case, false, func, select

from ...analytics.ledger_facts import OPEN_STATUSES, UnitCounts, due_window, facts, overdue_where
from ...domain.clock import office_today
from ...domain.errors import UserError
from ...domain.ledger_words import PROBLEM_SOURCES, PROBLEM_STATUSES, SEVERITIES
from ...i18n import t
from ...storage import tables as T
from ...storage.database import Database
from ..evaluations import current_evaluation_id, find_evaluation, in_evaluation
from ..units import find_unit_id
from . import search as ledger_search
from .lifecycle import ALLOWED
from .transitions import find_problem
from .views import EventView, P, ProblemDetail, ProblemView, U, problem_view, row_view, view_select
from .words import choice, status_values


def show(db: Database, number: str, today: date | None = None) -> ProblemDetail:
    """One problem with its facts on ``today``, its events, oldest first, and the
    on-site findings it came from."""
    from ...models import ProblemEvent, Unit
    from .. import fieldwork

    today = today or office_today()
    with db.read() as session:
        problem = find_problem(session, number)
        view = problem_view(problem, session.get(Unit, problem.unit_id))
        events = tuple(
            EventView(
                id=e.id,
                action=e.action,
                from_status=e.from_status,
                to_status=e.to_status,
                actor=e.actor,
                at=e.at,
                reason=e.reason,
                detail=json.loads(e.detail) if e.detail else {},
            )
            for e in session.scalars(
                select(ProblemEvent)
                .where(ProblemEvent.problem_id == problem.id)
                .order_by(ProblemEvent.at, ProblemEvent.id)
            )
        )
        findings = tuple(fieldwork.findings_of_problem(session, problem.id))
    return ProblemDetail(view, facts(view, today), events, ALLOWED[view.status], findings)


def _in_current(session):
    """The current evaluation's problems: the ledger lists, counts and searches no other."""
    return in_evaluation(P.evaluation_id, current_evaluation_id(session))


def _current_bounds(session, current) -> tuple[int | None, int | None, int]:
    """The lowest and highest id of the problems ``current`` selects, and their number."""
    # Three subqueries, not one select of three aggregates: SQLite answers a lone min or
    # max with one seek of the (evaluation_id, id) index, three together with a scan.
    return session.execute(
        select(
            *(
                select(aggregate).select_from(T.problem).where(current).scalar_subquery()
                for aggregate in (func.min(P.id), func.max(P.id), func.count())
            )
        )
    ).one()


def _search_plan(session, search):
    """The search's plan. On PostgreSQL its index lookup is kept to the current evaluation's
    range of ids, so that other evaluations' candidates are left out before their
    documents are read (PostgreSQL combines the range with the GIN lookup)."""
    if session.get_bind().dialect.name == "sqlite" or not ledger_search.terms(search):
        return ledger_search.plan(session, search)
    low, high, count = _current_bounds(session, _in_current(session))
    return ledger_search.plan(session, search, ids=(low, high) if count else None)


def _indexed_in_current(session) -> list:
    """The same, as conditions on the search index's rowids (problem ids), so that other
    evaluations' matches are left out before any row is read. An evaluation's problems
    are mostly recorded in one run, so the range of their ids is often theirs alone:
    FTS5 then seeks that range in its lists and nothing else is checked. Otherwise each
    match in the range is also checked against the list of the evaluation's ids (``+ 0``:
    a bare rowid would hand the list to FTS5, which runs its match once per id)."""
    current = _in_current(session)
    low, high, count = _current_bounds(session, current)
    if not count:
        return [false()]
    rowid = ledger_search.search_index.c.rowid
    within = [rowid >= low, rowid <= high]
    if high - low + 1 == count:
        return within
    ids = select(P.id).select_from(T.problem).where(current, P.id.between(low, high))
    return [*within, (rowid + 0).in_(ids)]


def _filtered(
    session,
    statement,
    *,
    unit,
    status,
    overdue,
    due_within,
    search,
    today,
    source=None,
    category=None,
    severity=None,
):
    where = [_in_current(session)]
    if unit is not None:
        where.append(P.unit_id == find_unit_id(session, unit))
    if status is not None:
        where.append(P.status.in_(status_values(status)))
    if source is not None:
        where.append(P.source == choice(source, PROBLEM_SOURCES, "source"))
    if category is not None:
        where.append(P.category == category.strip())
    if severity is not None:
        where.append(P.severity == choice(severity, SEVERITIES, "severity"))
    if overdue:
        where += overdue_where(P, today)
    if due_within is not None:
        if due_within < 0:
            raise UserError(t("ledger.bad_days", days=due_within))
        first, last = due_window(today, due_within)
        where += [P.status.in_(OPEN_STATUSES), P.deadline.between(first, last)]
    found = _search_plan(session, search)
    if found is not None and found.match is not None:
        where += _indexed_in_current(session)
    return ledger_search.apply(statement.where(*where), found), found


def _ranked(column, values: tuple[str, ...]):
    return case({value: rank for rank, value in enumerate(values)}, value=column, else_=99)


# The orders a problem list can be sorted in, each as its sort keys (then the id).
_ORDER_KEYS = {
    "recorded": (),
    "deadline": (P.deadline.is_(None), P.deadline),
    "unit": (U.name,),
    "status": (_ranked(P.status, PROBLEM_STATUSES),),
    "severity": (_ranked(P.severity, SEVERITIES),),
}
ORDERS = tuple(_ORDER_KEYS)


def categories(db: Database) -> list[str]:
    """Every category in use in the current evaluation, for choosing one."""
    with db.read() as session:
        return list(
            session.scalars(
                select(P.category)
                .where(_in_current(session), P.category.is_not(None))
                .distinct()
                .order_by(P.category)
            )
        )


def _index_only(session, search):
    """The search's plan when the index alone answers it (no row needs reading)."""
    found = ledger_search.plan(session, search)
    if found is not None and found.match is not None and found.confirm is None:
        return found
    return None


def list_problems(
    db: Database,
    *,
    unit: str | None = None,
    status: str | None = None,
    overdue: bool = False,
    due_within: int | None = None,
    search: str | None = None,
    source: str | None = None,
    category: str | None = None,
    severity: str | None = None,
    today: date | None = None,
    limit: int | None = None,
    offset: int = 0,
    order: str = "recorded",
    descending: bool = False,
) -> list[ProblemView]:
    """Problems of the current evaluation, filtered by unit (name or short name), status (or
    ``open``), source, category, severity, overdue, due within N days (both on
    ``today``), and a search query (see ``ledger_search``); in ``order`` (one of
    ``ORDERS``: as recorded by default), a page with limit/offset."""
    today = today or office_today()
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}: use one of {', '.join(ORDERS)}")
    filters = {
        "unit": unit,
        "status": status,
        "overdue": overdue,
        "due_within": due_within,
        "search": search,
        "today": today,
        "source": source,
        "category": category,
        "severity": severity,
    }
    with db.read() as session:
        if order == "recorded" and not descending:
            statement, found = _filtered(session, view_select(), **filters)
            # In the index's rowid order (= problem id) when it is searched: SQLite then
            # walks the index in order and stops at the limit, instead of sorting every
            # match.
            matched = found is not None and found.match is not None
            statement = statement.order_by(ledger_search.search_index.c.rowid if matched else P.id)
            return [row_view(row) for row in session.execute(_page(statement, limit, offset))]
        # Sorted otherwise: the page's ids first, sorting only the keys, then its rows by
        # id (sorting whole rows, texts and all, made the last page of 100,000 take 1.5 s).
        source_table = T.problem
        if order == "unit":
            source_table = source_table.join(T.unit, U.id == P.unit_id)
        ids_statement, _ = _filtered(session, select(P.id).select_from(source_table), **filters)
        keys = [*_ORDER_KEYS[order], P.id]
        ids_statement = ids_statement.order_by(
            *(key.desc() for key in keys) if descending else keys
        )
        ids = list(session.scalars(_page(ids_statement, limit, offset)))
        rows = {
            row.id: row_view(row) for row in session.execute(view_select().where(P.id.in_(ids)))
        }
        return [rows[problem_id] for problem_id in ids]


def _page(statement, limit: int | None, offset: int):
    if limit is not None:
        statement = statement.limit(limit)
    return statement.offset(offset) if offset else statement


def evaluation_problems(
    db: Database,
    evaluation: str | None = None,
    *,
    unit: str | None = None,
    status: str | None = None,
) -> tuple[str, list[ProblemView]]:
    """The name of an evaluation (by name; the current one by default) and its problems,
    in the order they were recorded, filtered by unit and status as ``list_problems``."""
    with db.read() as session:
        found = find_evaluation(session, evaluation)
        where = [P.evaluation_id == found.id]
        if unit is not None:
            where.append(P.unit_id == find_unit_id(session, unit))
        if status is not None:
            where.append(P.status.in_(status_values(status)))
        rows = session.execute(view_select().where(*where).order_by(P.id))
        return found.name, [row_view(row) for row in rows]


def count_problems(
    db: Database,
    *,
    unit: str | None = None,
    status: str | None = None,
    overdue: bool = False,
    due_within: int | None = None,
    search: str | None = None,
    source: str | None = None,
    category: str | None = None,
    severity: str | None = None,
    today: date | None = None,
) -> int:
    """How many problems ``list_problems`` would return without a limit."""
    today = today or office_today()
    unfiltered = (unit, status, overdue, due_within, source, category, severity)
    with db.read() as session:
        if unfiltered == (None, None, False, None, None, None, None):
            found = _index_only(session, search)
            if found is not None:
                index = ledger_search.search_index
                return session.scalar(
                    select(func.count())
                    .select_from(index)
                    .where(found.match_clause(), *_indexed_in_current(session))
                )
        statement, _ = _filtered(
            session,
            select(func.count()).select_from(T.problem),
            unit=unit,
            status=status,
            overdue=overdue,
            due_within=due_within,
            search=search,
            today=today,
            source=source,
            category=category,
            severity=severity,
        )
        return session.scalar(statement)


def matching_ids(db: Database, search: str) -> list[int]:
    """The ids of the current evaluation's problems a search query finds, ascending."""
    with db.read() as session:
        found = _index_only(session, search)
        if found is not None:
            rowid = ledger_search.search_index.c.rowid
            return list(
                session.scalars(
                    select(rowid)
                    .select_from(ledger_search.search_index)
                    .where(found.match_clause(), *_indexed_in_current(session))
                    .order_by(rowid)
                )
            )
        statement = ledger_search.apply(
            select(P.id).select_from(T.problem).where(_in_current(session)),
            _search_plan(session, search),
        )
        return list(session.scalars(statement.order_by(P.id)))


def unit_counts(db: Database, today: date | None = None) -> list[UnitCounts]:
    """Per unit with problems in the current evaluation: total, per status, open, overdue,
    due within 10 and 20 days, counted in SQL (the same figures as
    ``facts.count_by_unit``)."""
    today = today or office_today()
    open_ = P.status.in_(OPEN_STATUSES)

    def flag(condition):
        return func.sum(case((condition, 1), else_=0))

    due = {days: and_(open_, P.deadline.between(*due_window(today, days))) for days in (10, 20)}
    with db.read() as session:
        rows = session.execute(
            select(
                U.id,
                U.name,
                P.status,
                func.count(),
                flag(and_(*overdue_where(P, today))),
                flag(due[10]),
                flag(due[20]),
            )
            .join_from(T.problem, T.unit, U.id == P.unit_id)
            .where(_in_current(session))
            .group_by(U.id, U.name, P.status)
            .order_by(U.id)
        ).all()
    tallies: dict[int, dict] = {}
    for unit_id, name, status, count, overdue, due10, due20 in rows:
        tally = tallies.setdefault(
            unit_id,
            {"unit": name, "total": 0, "by_status": {}, "open": 0, "overdue": 0, 10: 0, 20: 0},
        )
        tally["total"] += count
        tally["by_status"][status] = count
        tally["open"] += count if status in OPEN_STATUSES else 0
        tally["overdue"] += int(overdue or 0)
        tally[10] += int(due10 or 0)
        tally[20] += int(due20 or 0)
    return [
        UnitCounts(
            unit=t_["unit"],
            total=t_["total"],
            by_status=t_["by_status"],
            open=t_["open"],
            overdue=t_["overdue"],
            due_within_10=t_[10],
            due_within_20=t_[20],
        )
        for t_ in tallies.values()
    ]
