"""the ledger's search index on PostgreSQL

Revision ID: 0009_ledger_search_pg
Revises: 0008_accounts
Create Date: 2026-11-29 18:10:00

PostgreSQL only (SQLite has its FTS5 index since 0002; nothing happens there).
``problem_search`` holds one row per problem: its searchable texts and its events'
reasons joined by line breaks, A–Z folded, kept by statement-level triggers on
``problem`` and ``problem_event`` in the writer's transaction. Two GIN indexes: one over
``problem_search_grams(doc)`` (every character and every pair of adjacent characters:
terms of 1 and 2 characters), one over ``doc gin_trgm_ops`` (pg_trgm: 3 and more). When
this account may not create the pg_trgm extension, the migration goes on without the
trigram index (the pairs index answers those terms) and ``orgeval init`` says so.

The SQL is frozen here on purpose (a migration must not change when the application
does); ``orgeval_tui.services.ledger.search_postgres`` builds the same statements, and
``tests/services/ledger/test_search_postgres.py`` checks the two agree.
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy.exc import DBAPIError

revision: str = "0009_ledger_search_pg"
down_revision: str | None = "0008_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_TABLE = "problem_search"
GRAMS_INDEX = "problem_search_grams_idx"
TRIGRAM_INDEX = "problem_search_trigram_idx"
SEARCHED_PROBLEM_FIELDS = (
    "number",
    "title",
    "description",
    "recommendation",
    "measures",
    "report_text",
    "verify_note",
    "withdraw_reason",
)
ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _doc(row: str) -> str:
    fields = ", ".join(f"{row}.{name}" for name in SEARCHED_PROBLEM_FIELDS)
    reasons = (
        "(SELECT string_agg(e.reason, E'\\n' ORDER BY e.id) FROM problem_event AS e "
        f"WHERE e.problem_id = {row}.id)"
    )
    return f"translate(concat_ws(E'\\n', {fields}, {reasons}), '{ASCII_UPPER}', '{ASCII_LOWER}')"


def create_statements() -> list[str]:
    changed = " OR ".join(
        f"o.{name} IS DISTINCT FROM n.{name}" for name in ("id", *SEARCHED_PROBLEM_FIELDS)
    )
    refresh = "PERFORM problem_search_refresh(ARRAY({}));"

    def trigger_function(name: str, ids: str) -> str:
        return (
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"{refresh.format(ids)} RETURN NULL; END $$"
        )

    return [
        f"CREATE TABLE {SEARCH_TABLE} ("
        "problem_id integer PRIMARY KEY REFERENCES problem (id) "
        "ON DELETE CASCADE ON UPDATE CASCADE, doc text NOT NULL)",
        "CREATE FUNCTION problem_search_grams(doc text) RETURNS text[] "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$ "
        "SELECT string_to_array(doc, NULL) "
        "|| ARRAY(SELECT m[1] FROM regexp_matches(doc, '..', 'g') AS m) "
        "|| ARRAY(SELECT m[1] FROM regexp_matches(substr(doc, 2), '..', 'g') AS m) $$",
        # Lock the documents first: the next statement then reads the ledger as a
        # concurrent writer of the same problems left it, not as it was before it committed.
        "CREATE FUNCTION problem_search_refresh(ids integer[]) RETURNS void "
        "LANGUAGE sql AS $$ "
        f"SELECT count(*) FROM (SELECT 1 FROM {SEARCH_TABLE} "
        "WHERE problem_id IN (SELECT unnest(ids)) ORDER BY problem_id FOR UPDATE) AS locked; "
        f"INSERT INTO {SEARCH_TABLE} AS s (problem_id, doc) "
        f"SELECT p.id, {_doc('p')} FROM problem AS p "
        "WHERE p.id IN (SELECT unnest(ids)) "
        "ON CONFLICT (problem_id) DO UPDATE SET doc = excluded.doc "
        "WHERE s.doc IS DISTINCT FROM excluded.doc $$",
        trigger_function("problem_search_problem_inserted", "SELECT id FROM new_rows"),
        trigger_function(
            "problem_search_problem_updated",
            "SELECT n.id FROM new_rows AS n LEFT JOIN old_rows AS o ON o.id = n.id "
            f"WHERE {changed}",
        ),
        trigger_function(
            "problem_search_event_inserted", "SELECT DISTINCT problem_id FROM new_rows"
        ),
        trigger_function(
            "problem_search_event_deleted", "SELECT DISTINCT problem_id FROM old_rows"
        ),
        trigger_function(
            "problem_search_event_updated",
            "SELECT problem_id FROM old_rows UNION SELECT problem_id FROM new_rows",
        ),
        "CREATE TRIGGER problem_search_insert AFTER INSERT ON problem "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION problem_search_problem_inserted()",
        "CREATE TRIGGER problem_search_update AFTER UPDATE ON problem "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION problem_search_problem_updated()",
        "CREATE TRIGGER problem_search_event_insert AFTER INSERT ON problem_event "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION problem_search_event_inserted()",
        "CREATE TRIGGER problem_search_event_delete AFTER DELETE ON problem_event "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION problem_search_event_deleted()",
        "CREATE TRIGGER problem_search_event_update AFTER UPDATE ON problem_event "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION problem_search_event_updated()",
    ]


def fill_statements() -> list[str]:
    return [
        f"INSERT INTO {SEARCH_TABLE} (problem_id, doc) SELECT p.id, {_doc('p')} FROM problem AS p",
        # Built after the rows are in: at once, not through GIN's list of pending entries.
        f"CREATE INDEX {GRAMS_INDEX} ON {SEARCH_TABLE} USING gin (problem_search_grams(doc))",
        f"ANALYZE {SEARCH_TABLE}",
    ]


def add_trigram_index(connection) -> str | None:
    """Create pg_trgm (if this account may) and the trigram index over ``doc``; None when
    both are there, else PostgreSQL's reason why not (the pairs index answers meanwhile)."""
    try:
        with connection.begin_nested():
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema = connection.exec_driver_sql(
                "SELECT quote_ident(n.nspname) FROM pg_extension AS x "
                "JOIN pg_namespace AS n ON n.oid = x.extnamespace WHERE x.extname = 'pg_trgm'"
            ).scalar_one()
            connection.exec_driver_sql(
                f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON {SEARCH_TABLE} "
                f"USING gin (doc {schema}.gin_trgm_ops)"
            )
    except DBAPIError as exc:
        diag = getattr(exc.orig, "diag", None)
        return getattr(diag, "message_primary", None) or str(exc.orig)
    return None


FUNCTIONS = (
    "problem_search_problem_inserted",
    "problem_search_problem_updated",
    "problem_search_event_inserted",
    "problem_search_event_deleted",
    "problem_search_event_updated",
    "problem_search_refresh",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for statement in (*create_statements(), *fill_statements()):
        op.execute(statement)
    add_trigram_index(bind)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in ("problem_search_insert", "problem_search_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON problem")
    for name in ("event_insert", "event_delete", "event_update"):
        op.execute(f"DROP TRIGGER IF EXISTS problem_search_{name} ON problem_event")
    op.execute(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")
    for name in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {name}")
    op.execute("DROP FUNCTION IF EXISTS problem_search_grams")
