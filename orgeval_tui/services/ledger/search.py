"""Substring search over the ledger's text, exact for terms of any length.

What is searched: a problem's number, title, description, recommendation, measures,
report text, look-back note and withdrawal reason, and the reasons of its events
(failed look-backs, extensions). A query is split on whitespace into terms; a problem
matches when every term occurs in one of those texts. Letters A–Z match either case;
nothing else is folded.

SQLite: ``problem_search`` (migration 0002) is a contentless FTS5 index whose document
for a problem holds the overlapping character bigrams of each of its texts in text order,
and for the last character of a text that character alone, so:

* a 1-character term is a prefix query (``"挂"*``: some token starts with it);
* a term of n >= 2 characters is the phrase of its n−1 bigrams (consecutive positions,
  so the characters are adjacent: a substring, not just the same bigrams somewhere).

Triggers keep the index in step with every write, whoever writes, in the same
transaction. Only bigrams of two plainly tokenised characters (CJK ideographs, ASCII
letters and digits) go into a query; a term with other characters becomes the AND of the
phrases of its plain runs, which only widens it. Every candidate is then confirmed
against the texts themselves (``instr``) unless the index alone is exact: a term made of
CJK ideographs and digits only, whose tokens nothing else can produce. So results never
depend on the tokenizer's view of punctuation or case, and the common case (a Chinese
word) never reads the problems' rows to find them.

PostgreSQL (migration 0009, ``search_postgres``): a table of one document per problem
(the same texts joined by line breaks, A–Z folded) kept by triggers, with two GIN
indexes: every character and every pair of adjacent characters of the document
(``problem_search_grams``) for terms of 1 and 2 characters, and pg_trgm's trigrams for
terms of 3 or more (``doc LIKE '%term%'``); every candidate is confirmed with ``strpos``.
Where pg_trgm cannot be created, terms of 3 or more go through the pairs (all of the
term's pairs present, then confirmed) and ``orgeval init`` says so. Both backends give
the same problems for every query (``tests/services/ledger/test_search_backends.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, and_, column, exists, func, or_, table, text
from sqlalchemy.orm import Session

from ...domain.ledger_words import SEARCH_INDEX, SEARCHED_PROBLEM_FIELDS
from ...storage import tables as T
from . import search_postgres

PROBLEM_FIELDS = SEARCHED_PROBLEM_FIELDS
_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def terms(query: str | None) -> list[str]:
    """The terms of a query: split on any whitespace (full-width too), duplicates out."""
    seen: dict[str, None] = {}
    for term in (query or "").split():
        seen.setdefault(term, None)
    return list(seen)


def _fold(value: str) -> str:
    # What SQLite's lower() does and FTS5's unicode61 tokenizer also does: A–Z only.
    return value.translate(_ASCII_UPPER)


def _ideograph(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF


def _plain(char: str) -> bool:
    """Tokenised by unicode61 as itself (folded), on any SQLite: a CJK ideograph or an
    ASCII letter or digit."""
    return _ideograph(char) or (char.isascii() and char.isalnum())


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def index_query(term: str) -> str | None:
    """The FTS5 query that finds every problem containing ``term`` (and maybe others), or
    None when the index cannot narrow it down."""
    folded = _fold(term)
    if len(folded) == 1:
        return _quoted(folded) + "*" if _plain(folded) else None
    runs: list[list[str]] = [[]]
    for i in range(len(folded) - 1):
        if _plain(folded[i]) and _plain(folded[i + 1]):
            runs[-1].append(folded[i : i + 2])
        elif runs[-1]:
            runs.append([])
    phrases = dict.fromkeys(_quoted(" ".join(run)) for run in runs if run)
    return " AND ".join(phrases) or None


def index_is_exact(term: str) -> bool:
    """The index alone answers ``term`` exactly: CJK ideographs and digits only (no case,
    no folding; the phrase of its bigrams is the term itself)."""
    return bool(term) and all(_ideograph(c) or (c.isascii() and c.isdigit()) for c in term)


def _contains(column_, term: str):
    return func.instr(func.lower(column_), func.lower(term)) > 0


def _confirm(term: str):
    """Some text of the problem, or a reason of one of its events, contains ``term``."""
    problem, event = T.problem.c, T.problem_event.c
    in_problem = [_contains(problem[name], term) for name in PROBLEM_FIELDS]
    in_events = exists().where(event.problem_id == problem.id, _contains(event.reason, term))
    return or_(*in_problem, in_events)


# The index as SQLAlchemy sees it: its rowid is the problem's id.
search_index = table(SEARCH_INDEX, column("rowid", Integer))


@dataclass(frozen=True)
class SearchPlan:
    """How to find a query's problems: ``match``, an FTS5 query over ``search_index``
    (join it on ``rowid = problem.id``), and/or ``confirm``, a condition on the
    ``problem`` table for the terms the index does not answer exactly."""

    match: str | None
    confirm: object | None

    def match_clause(self):
        return text(f"{SEARCH_INDEX} MATCH :search_match").bindparams(search_match=self.match)


def plan(
    session: Session, query: str | None, *, ids: tuple[int, int] | None = None
) -> SearchPlan | None:
    """The plan for a search query; None for an empty query. ``ids``: the range of
    problem ids the caller keeps to (PostgreSQL's index lookup then keeps to it too)."""
    wanted = terms(query)
    if not wanted:
        return None
    if session.get_bind().dialect.name != "sqlite":
        return SearchPlan(match=None, confirm=search_postgres.condition(session, wanted, ids))
    matches, confirms = [], []
    for term in wanted:
        fts = index_query(term)
        if fts is not None:
            matches.append(f"({fts})")
        if fts is None or not index_is_exact(term):
            confirms.append(_confirm(term))
    return SearchPlan(
        match=" AND ".join(matches) or None,
        confirm=and_(*confirms) if confirms else None,
    )


def apply(statement, search: SearchPlan | None):
    """``statement`` (a select from ``problem``) narrowed to the search's problems."""
    if search is None:
        return statement
    if search.match is not None:
        statement = statement.join(search_index, search_index.c.rowid == T.problem.c.id).where(
            search.match_clause()
        )
    if search.confirm is not None:
        statement = statement.where(search.confirm)
    return statement


# The index's SQL: the same builders as migration 0002 (a test keeps them equal).


def grams(row: str, *, without_event: str | None = None, plus_event: str | None = None) -> str:
    """SQL for the document of problem ``row`` (``new``, ``old`` or an alias): the
    bigrams of its texts and of its events' reasons, in text order, so that FTS5's
    positions follow the text. ``without_event`` leaves out, and ``plus_event`` adds, the
    event of that name (``new``/``old`` in a trigger on ``problem_event``)."""
    reason_n = len(PROBLEM_FIELDS)
    texts = [f"SELECT {n} AS n, 0 AS k, {row}.{f} AS t" for n, f in enumerate(PROBLEM_FIELDS)]
    reasons = (
        f"SELECT {reason_n}, e.id, e.reason FROM problem_event AS e WHERE e.problem_id = {row}.id"
    )
    if without_event:
        reasons += f" AND e.id <> {without_event}.id"
    texts.append(reasons)
    if plus_event:
        texts.append(f"SELECT {reason_n}, {plus_event}.id, {plus_event}.reason")
    return (
        "(SELECT group_concat(g, ' ') FROM (SELECT substr(v.t, j.key + 1, 2) AS g "
        f"FROM ({' UNION ALL '.join(texts)}) AS v, "
        "json_each('[' || replace(hex(zeroblob(length(v.t) - 1)), '00', '0,') || '0]') AS j "
        "WHERE v.t <> '' ORDER BY v.n, v.k, j.key))"
    )


def create_statements() -> list[str]:
    index = SEARCH_INDEX
    delete = f"INSERT INTO {index}({index}, rowid, grams)"
    insert = f"INSERT INTO {index}(rowid, grams)"
    changed = " OR ".join(f"old.{f} IS NOT new.{f}" for f in ("id", *PROBLEM_FIELDS))
    columns = ", ".join(PROBLEM_FIELDS)
    of_event = "FROM problem AS p WHERE p.id = {}.problem_id"
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5("
        "grams, content='', tokenize='unicode61 remove_diacritics 0')",
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON problem BEGIN "
        f"{insert} VALUES (new.id, {grams('new')}); END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF id, {columns} ON problem "
        f"WHEN {changed} BEGIN "
        f"{delete} VALUES ('delete', old.id, {grams('old')}); "
        f"{insert} VALUES (new.id, {grams('new')}); END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON problem BEGIN "
        f"{delete} VALUES ('delete', old.id, {grams('old')}); END",
        f"CREATE TRIGGER {index}_event_insert AFTER INSERT ON problem_event "
        "WHEN new.reason <> '' BEGIN "
        f"{delete} SELECT 'delete', p.id, {grams('p', without_event='new')} "
        f"{of_event.format('new')}; "
        f"{insert} SELECT p.id, {grams('p')} {of_event.format('new')}; END",
        f"CREATE TRIGGER {index}_event_delete AFTER DELETE ON problem_event "
        "WHEN old.reason <> '' BEGIN "
        f"{delete} SELECT 'delete', p.id, {grams('p', plus_event='old')} "
        f"{of_event.format('old')}; "
        f"{insert} SELECT p.id, {grams('p')} {of_event.format('old')}; END",
        f"CREATE TRIGGER {index}_event_unchanged BEFORE UPDATE OF id, problem_id, reason "
        "ON problem_event BEGIN SELECT RAISE(ABORT, 'problem events are never edited'); END",
    ]


def fill_statements() -> list[str]:
    return [f"INSERT INTO {SEARCH_INDEX}(rowid, grams) SELECT p.id, {grams('p')} FROM problem AS p"]


def rebuild_search_index(db) -> int:
    """Empty the SQLite index and fill it again from the ledger (a repair; the triggers
    keep it current otherwise), or PostgreSQL's table of documents. Returns the number of
    documents."""
    if not db.is_sqlite:
        return search_postgres.rebuild(db)
    with db.write(derived=True) as session:
        conn = session.connection()
        conn.exec_driver_sql(f"INSERT INTO {SEARCH_INDEX}({SEARCH_INDEX}) VALUES ('delete-all')")
        for statement in fill_statements():
            conn.exec_driver_sql(statement)
        return conn.exec_driver_sql(f"SELECT count(*) FROM {SEARCH_INDEX}_docsize").scalar()
