"""The ledger's search index on PostgreSQL (migration 0009): the same texts as SQLite's,
the same answers, found through two GIN indexes instead of a scan.

``problem_search`` holds one row per problem: ``doc``, its searchable texts and its
events' reasons joined by line breaks, A–Z folded to a–z (nothing else folded, as
SQLite's ``lower()``). A term never holds a line break (the query is split on
whitespace), so a term is in ``doc`` exactly when it is in one of the texts.
Statement-level triggers on ``problem`` and ``problem_event`` rewrite a problem's row in
the writer's transaction, whoever writes (a bulk insert pays one statement, not one call
per row).

* ``problem_search_grams(doc)``: every character of the text alone and every pair of
  adjacent characters (GIN keeps each once); a GIN index over it answers terms of 1 and 2
  characters exactly (``grams @> ARRAY[term]``), several such terms in one lookup.
* ``doc gin_trgm_ops`` (pg_trgm): terms of 3 characters or more, as ``doc LIKE
  '%term%'``. When the extension cannot be created (the account may not create it in
  this database, or the server lacks PostgreSQL's contrib files), those terms go through
  the pairs index instead (all the term's pairs present, then confirmed) and ``orgeval
  init`` says so and how to get the trigram index.

A 1-character term is looked up among the characters: as exact as a pair, and cheaper
than a scan unless the character is in most problems. Every candidate is confirmed with
``strpos(doc, term)``: the indexes only narrow down. The grams function is declared
costly, so the planner prefers its index to computing it row by row, and where it does
filter rows it tries the cheap ``strpos`` first. The ledger passes the current
evaluation's range of ids, which PostgreSQL ANDs with the GIN lookup, and each search is
planned for its own terms (``bench/README.md``, ``ledger_search_pg.py``).
"""

from __future__ import annotations

from sqlalchemy import Integer, Text, column, func, select, table, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError

from ...domain.ledger_words import SEARCH_INDEX, SEARCHED_PROBLEM_FIELDS
from ...storage import tables as T

SEARCH_TABLE = SEARCH_INDEX
GRAMS_INDEX = "problem_search_grams_idx"
TRIGRAM_INDEX = "problem_search_trigram_idx"
ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
_FOLD = str.maketrans(ASCII_UPPER, ASCII_LOWER)
_CACHE_KEY = "orgeval_search_trigram_index"

search_table = table(SEARCH_TABLE, column("problem_id", Integer), column("doc", Text))


# The index's SQL: the same builders as migration 0009 (a test keeps them equal).


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


# Searching.


def fold(term: str) -> str:
    """A–Z to a–z, as the documents are folded."""
    return term.translate(_FOLD)


def has_trigram_index(session) -> bool:
    """Whether the trigram index exists, asked once per pooled connection (an index
    created later is used from the next connection; until then the pairs answer)."""
    connection = session.connection()
    if _CACHE_KEY not in connection.info:
        connection.info[_CACHE_KEY] = bool(
            connection.execute(text(f"SELECT to_regclass('{TRIGRAM_INDEX}') IS NOT NULL")).scalar()
        )
    return connection.info[_CACHE_KEY]


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _pairs(term: str) -> list[str]:
    return [term[i : i + 2] for i in range(len(term) - 1)]


def condition(session, terms: list[str], ids: tuple[int, int] | None = None):
    """``problem.id IN (…)``: the problems whose document contains every term (of those
    whose id is in the range ``ids``, when given)."""
    doc = search_table.c.doc
    # A plan made for unknown terms (psycopg prepares a statement run five times, and
    # PostgreSQL may then keep one generic plan) cannot know how rare a term is, and was
    # measured three times slower: plan each search for its own terms.
    session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    trigram = any(len(term) >= 3 for term in terms) and has_trigram_index(session)
    grams: dict[str, None] = {}
    where = []
    for term in map(fold, terms):
        if len(term) >= 3 and trigram:
            where.append(doc.like(_like_pattern(term)))
        else:
            grams.update(dict.fromkeys(_pairs(term) or [term]))
        where.append(func.strpos(doc, term) > 0)
    if grams:
        where.insert(0, func.problem_search_grams(doc, type_=ARRAY(Text)).contains(list(grams)))
    if ids is not None:
        where.append(search_table.c.problem_id.between(*ids))
    return T.problem.c.id.in_(select(search_table.c.problem_id).where(*where))


def rebuild(db) -> int:
    """Every problem's document written again from the ledger (a repair; the triggers
    keep it current otherwise). Returns the number of documents."""
    with db.write(derived=True) as session:
        conn = session.connection()
        trigram = has_trigram_index(session)
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {GRAMS_INDEX}, {TRIGRAM_INDEX}")
        conn.exec_driver_sql(f"DELETE FROM {SEARCH_TABLE}")
        for statement in fill_statements():
            conn.exec_driver_sql(statement)
        if trigram:
            add_trigram_index(conn)
        return conn.exec_driver_sql(f"SELECT count(*) FROM {SEARCH_TABLE}").scalar()


def ensure_trigram_index(db) -> str | None:
    """On PostgreSQL, the trigram index made if it is missing and can be made now (say,
    once an administrator has created pg_trgm): None when it is there, else the reason
    why not. Nothing to do on SQLite."""
    if db.is_sqlite:
        return None
    with db.write() as session:
        if has_trigram_index(session):
            return None
        reason = add_trigram_index(session.connection())
        session.connection().info.pop(_CACHE_KEY, None)
        return reason
