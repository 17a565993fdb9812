"""ledger: withdrawal date, and the substring-search index (SQLite)

Revision ID: 0002_ledger_search
Revises: 0001_initial
Create Date: 2026-11-27 17:30:00

On SQLite, ``problem_search`` is a contentless FTS5 table with one document per problem
(rowid = problem.id): the overlapping character bigrams of its searchable texts and of
its events' reasons, each text in order (``substr(text, i, 2)`` for every position i,
the last one a single character). A term of n >= 2 characters is the phrase of its n−1
bigrams, a 1-character term a prefix query. Triggers keep it in sync with every write,
by any writer, in the writer's transaction; a contentless document is deleted by
re-deriving its bigrams from the old row, which the triggers see (``old.*``), so events
are append-only (a trigger refuses to edit one). PostgreSQL searches with a scan and
gets nothing here.

The SQL is frozen here on purpose (a migration must not change when the application
does); ``orgeval_tui.services.ledger.search`` builds the same statements for a rebuild,
and ``tests/services/ledger/test_search_index.py`` checks the two agree.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0002_ledger_search"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_INDEX = "problem_search"
PROBLEM_FIELDS = (
    "number",
    "title",
    "description",
    "recommendation",
    "measures",
    "report_text",
    "verify_note",
    "withdraw_reason",
)


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


DROP_STATEMENTS = [
    *(
        f"DROP TRIGGER IF EXISTS {SEARCH_INDEX}_{name}"
        for name in (
            "insert",
            "update",
            "delete",
            "event_insert",
            "event_delete",
            "event_unchanged",
        )
    ),
    f"DROP TABLE IF EXISTS {SEARCH_INDEX}",
]


def upgrade() -> None:
    with op.batch_alter_table("problem", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withdrawn_on", sa.Date(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        for statement in (*create_statements(), *fill_statements()):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in DROP_STATEMENTS:
            op.execute(statement)
    with op.batch_alter_table("problem", schema=None) as batch_op:
        batch_op.drop_column("withdrawn_on")
