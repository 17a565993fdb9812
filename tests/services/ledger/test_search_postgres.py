"""PostgreSQL's search index (migration 0009): built as the service builds it, kept in
step with every write, used by the planner, and a migration that goes on without pg_trgm
when the account may not create it."""

from __future__ import annotations

import importlib
import random
import threading
import time
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, event, insert, text
from sqlalchemy.engine import make_url

from orgeval_tui.models import Problem, ProblemEvent
from orgeval_tui.services import ledger
from orgeval_tui.services.ledger import search as ledger_search
from orgeval_tui.services.ledger import search_postgres
from orgeval_tui.storage.database import Database
from tests.office import build_office

CLAUSES = [
    "内设机构挂牌不规范",
    "干部队伍年龄老化",
    "实有人数超编2名",
    "编制台账更新不及时",
    "领导职数超配1名",
    "借调人员长期在机关工作",
    "职责边界不清",
    "履职考评系统填报率偏低",
    "事业单位职能定位不清",
    "一人多岗现象突出",
]


@pytest.fixture
def pg_url(postgres_server):
    if postgres_server is None:
        pytest.skip("PostgreSQL: set ORGEVAL_TEST_PG_URL to run (.ci/run does)")
    url = postgres_server.create()
    yield url
    postgres_server.drop(url)


def _migration():
    return importlib.import_module("orgeval_tui.migrations.versions.0009_ledger_search_pg")


def test_the_migration_builds_the_index_as_the_service_does():
    assert _migration().create_statements() == search_postgres.create_statements()
    assert _migration().fill_statements() == search_postgres.fill_statements()
    assert _migration().SEARCHED_PROBLEM_FIELDS == ledger_search.PROBLEM_FIELDS


def _documents(database) -> dict[int, str]:
    with database.engine.connect() as conn:
        return dict(conn.exec_driver_sql("SELECT problem_id, doc FROM problem_search").all())


def test_after_writes_of_every_kind_the_documents_equal_a_rebuild(pg_url):
    database = build_office(Database.open(pg_url))
    at = datetime(2021, 7, 1, tzinfo=UTC)
    with database.write() as session:
        session.execute(
            insert(Problem),
            [
                {
                    "id": i,
                    "evaluation_id": 1,
                    "unit_id": 1,
                    "number": f"2021-00{i}",
                    "source": "onsite",
                    "severity": "low",
                    "status": "rectifying",
                    "title": title,
                    "created_at": at,
                }
                for i, title in enumerate(["挂牌不规范", "OA系统", "年龄老化"], start=1)
            ],
        )
        session.execute(
            insert(ProblemEvent),
            [
                {"problem_id": p, "action": "extend", "to_status": "rectifying", "actor": "甲",
                 "at": at, "reason": reason}
                for p, reason in [(1, "招标未完成"), (1, "再延期"), (2, None), (3, "重复录入")]
            ],
        )  # fmt: skip
        session.execute(text("UPDATE problem SET measures = '每周提醒' WHERE id = 2"))
        session.execute(
            text("UPDATE problem_event SET reason = '改过的理由' WHERE reason = '再延期'")
        )
        session.execute(text("DELETE FROM problem_event WHERE reason = '重复录入'"))
        session.execute(text("UPDATE problem SET id = 9 WHERE id = 3"))
    before = _documents(database)

    assert ledger_search.rebuild_search_index(database) == 3
    assert _documents(database) == before
    assert before[1] == "2021-001\n挂牌不规范\n\n\n招标未完成\n改过的理由"
    assert before[2] == "2021-002\noa系统\n\n\n每周提醒"  # A–Z folded
    assert [p.id for p in ledger.list_problems(database, search="改过")] == [1]
    assert ledger.list_problems(database, search="重复录入") == []
    assert [p.id for p in ledger.list_problems(database, search="年龄老化")] == [9]
    database.dispose()


def _ledger_of(database, problems: int) -> None:
    rng = random.Random(14)
    words = ["".join(chr(rng.randint(0x4E00, 0x4E00 + 400)) for _ in range(2)) for _ in range(300)]

    def clause():
        if rng.random() < 1 / 6:
            return rng.choice(CLAUSES)
        return "".join(rng.choice(words) for _ in range(rng.randint(3, 6)))

    with database.write() as session:
        session.execute(
            insert(Problem),
            [
                {
                    "id": i,
                    "evaluation_id": 1,
                    "unit_id": 1,
                    "number": f"2021-{i:05d}",
                    "source": "onsite",
                    "severity": "low",
                    "status": "rectifying",
                    "title": clause(),
                    "description": "，".join(clause() for _ in range(3)),
                    "created_at": datetime(2021, 6, 30, tzinfo=UTC),
                }
                for i in range(1, problems + 1)
            ],
        )
    with database.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")  # as autovacuum does after such an insert


def _plan(database, term: str, *, seqscan: bool = True) -> str:
    """PostgreSQL's plan for counting the problems a term finds, as the ledger asks."""
    statements = []

    def keep(conn, cursor, statement, parameters, *args):
        statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", keep)
    ledger.count_problems(database, search=term)
    event.remove(database.engine, "before_cursor_execute", keep)
    statement, parameters = statements[-1]
    with database.engine.begin() as conn:
        if not seqscan:
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        return "\n".join(conn.exec_driver_sql("EXPLAIN " + statement, parameters).scalars())


@pytest.fixture
def large_ledger(pg_url):
    database = build_office(Database.open(pg_url))
    _ledger_of(database, 20_000)
    yield database
    database.dispose()


def test_the_planner_answers_terms_from_the_indexes(large_ledger):
    assert "problem_search_grams_idx" in _plan(large_ledger, "挂牌")
    assert "problem_search_grams_idx" in _plan(large_ledger, "挂")
    assert "problem_search_grams_idx" in _plan(large_ledger, "挂牌 老化")
    assert "problem_search_trigram_idx" in _plan(large_ledger, "年龄老化", seqscan=False)
    assert "problem_search_trigram_idx" in _plan(large_ledger, "挂牌不规范", seqscan=False)
    assert ledger.count_problems(large_ledger, search="年龄老化") == len(
        ledger.matching_ids(large_ledger, "龄老化")
    )


def _trigram_index(conn) -> bool:
    return (
        conn.exec_driver_sql("SELECT to_regclass('problem_search_trigram_idx')").scalar()
        is not None
    )


@pytest.fixture
def account_without_create(pg_url):
    """A PostgreSQL account that may make tables in the database's schema but not create
    extensions in it (no CREATE on the database)."""
    role = f"orgeval_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        conn.exec_driver_sql(f"GRANT USAGE, CREATE ON SCHEMA public TO {role}")
    yield make_url(pg_url).set(username=role).render_as_string(hide_password=False), admin
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP OWNED BY {role}")
    admin.dispose()
    server = create_engine(make_url(pg_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f"DROP ROLE {role}")
    server.dispose()


def test_without_pg_trgm_the_pairs_answer_and_init_says_how_to_get_it(account_without_create, cli):
    url, admin = account_without_create
    database = build_office(Database.open(url))
    _ledger_of(database, 300)

    found = cli("--db", url, "init")
    assert found.code == 0
    assert "CREATE EXTENSION pg_trgm" in found.err
    assert "permission denied to create extension" in found.err
    with database.engine.connect() as conn:
        assert not _trigram_index(conn)
    expected = [
        i for i, doc in _documents(database).items() if "年龄老化" in doc and "编制台账" in doc
    ]
    assert ledger.matching_ids(database, "年龄老化 编制台账") == sorted(expected) != []

    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE EXTENSION pg_trgm")
    again = cli("--db", url, "init")
    assert again.code == 0 and again.err == ""
    database.dispose()
    database = Database.open(url)
    with database.engine.connect() as conn:
        assert _trigram_index(conn)
    assert ledger.matching_ids(database, "年龄老化 编制台账") == sorted(expected)
    database.dispose()


def test_two_writers_adding_reasons_to_one_problem_both_stay_searchable(pg_url):
    """The second writer's trigger waits for the first and reads what it committed."""
    database = build_office(Database.open(pg_url))
    _ledger_of(database, 1)
    event_row = {"problem_id": 1, "action": "extend", "to_status": "rectifying", "actor": "甲"}
    at = datetime(2021, 7, 1, tzinfo=UTC)
    first = database.engine.connect()
    first.begin()
    first.execute(insert(ProblemEvent).values(**event_row, at=at, reason="招标未完成"))

    def second_writer():
        with database.engine.begin() as conn:
            conn.execute(insert(ProblemEvent).values(**event_row, at=at, reason="资金未到位"))

    writer = threading.Thread(target=second_writer)
    writer.start()
    time.sleep(0.5)  # the second writer now waits on the first's lock
    first.commit()
    first.close()
    writer.join()

    assert ledger.matching_ids(database, "招标未完成") == [1]
    assert ledger.matching_ids(database, "资金未到位") == [1]
    database.dispose()
