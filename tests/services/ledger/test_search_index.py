"""SQLite's search index: present at head with its triggers, filled by the migration,
used by the search, and equal to a rebuild after any history of edits."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from sqlalchemy import event, insert, text

from orgeval_tui.domain.clock import utcnow
from orgeval_tui.migrations.runner import upgrade
from orgeval_tui.models import Evaluation, Problem, ProblemEvent, Unit
from orgeval_tui.services import ledger
from orgeval_tui.services.ledger import search as ledger_search
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database
from tests.office import add_evaluation, add_problem

pytestmark = pytest.mark.sqlite_only
TRIGGERS = {
    "problem_search_insert",
    "problem_search_update",
    "problem_search_delete",
    "problem_search_event_insert",
    "problem_search_event_delete",
    "problem_search_event_unchanged",
}
QUERIES = ["挂", "挂牌", "编制", "超编", "不规范", "年龄老化", "提醒", "OA", "2021-0", "“三定”"]


def _answers(database):
    return {q: [p.number for p in ledger.list_problems(database, search=q)] for q in QUERIES}


def _migration():
    return importlib.import_module("orgeval_tui.migrations.versions.0002_ledger_search")


def test_the_index_and_its_triggers_exist_at_head(database):
    """A later migration that rebuilds `problem` in batch mode drops its triggers; this
    fails until it creates them again."""
    with database.engine.connect() as conn:
        names = set(
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars()
        )
        sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'problem_search'"
        ).scalar()

    assert TRIGGERS <= names
    assert "fts5" in sql and "content=''" in sql


def test_the_migration_builds_the_index_as_the_service_does():
    assert _migration().create_statements() == ledger_search.create_statements()
    assert _migration().fill_statements() == ledger_search.fill_statements()
    assert _migration().PROBLEM_FIELDS == ledger_search.PROBLEM_FIELDS


def test_upgrading_a_ledger_written_before_the_index_makes_it_searchable(database_url):
    database = Database(database_url)
    upgrade(database, "0001_initial")
    with database.engine.begin() as conn:
        # Written as that schema has it (today's services write today's schema).
        unit_id = conn.execute(
            insert(Unit.__table__).values(
                name="县气象局", kind="department", quota_admin=0, quota_public=0,
                quota_service=0, quota_leaders=0, version=1,
            )
        ).inserted_primary_key[0]  # fmt: skip
        # Written as that schema has it: no current evaluation chosen, the latest is.
        evaluation_id = conn.execute(
            insert(Evaluation.__table__).values(
                name="2021年度评估",
                reference_date=date(2021, 6, 30),
                number_prefix="2021",
                grade_excellent=90,
                grade_good=80,
                grade_pass=60,
                created_at=utcnow(),
                version=1,
            )
        ).inserted_primary_key[0]
        conn.execute(
            insert(Problem.__table__).values(
                evaluation_id=evaluation_id,
                unit_id=unit_id,
                number="2021-001",
                source="onsite",
                title="内设机构挂牌不规范",
                description="",
                recommendation="",
                severity="low",
                status="rectifying",
                created_at=utcnow(),
            )
        )
        conn.execute(
            insert(ProblemEvent.__table__).values(
                problem_id=1,
                action="extend",
                to_status="rectifying",
                actor="a",
                at=utcnow(),
                reason="应急广播统一招标",
            )
        )

    database.ensure_schema()

    assert [p.number for p in ledger.list_problems(database, search="挂牌")] == ["2021-001"]
    assert [p.number for p in ledger.list_problems(database, search="招标")] == ["2021-001"]
    database.dispose()


def test_after_any_history_of_edits_the_index_equals_a_rebuild(database):
    add_unit(database, "县工信局")
    add_evaluation(database)
    texts = ["内设机构挂牌不规范", "人员超编，编制不足", "年龄老化", "OA系统", "“三定”规定"]
    numbers = [add_problem(database, "县工信局", title).number for title in texts]
    for number in numbers[:3]:
        ledger.feedback(database, number, date(2021, 7, 28))
        ledger.plan(
            database, number, "建立每周提醒制度", "甲", date(2021, 9, 30), past_deadline=True
        )
        ledger.report(database, number, "挂牌已规范")
        ledger.reopen(database, number, "编制问题仍在")
        ledger.report(database, number, "已整改")
    ledger.withdraw(database, numbers[3], "年龄老化问题重复")
    with database.write() as session:
        session.execute(text("UPDATE problem SET description = '超编2名' WHERE id = 5"))
    before = _answers(database)

    with database.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO problem_search(problem_search) VALUES ('integrity-check')"
        )
    documents = ledger_search.rebuild_search_index(database)

    assert documents == 5  # one per problem, its events' reasons in it
    assert _answers(database) == before
    assert before["超编"] == [numbers[1], numbers[4]]


def test_the_search_asks_the_index(database):
    add_unit(database, "县工信局")
    add_evaluation(database)
    add_problem(database, "县工信局", "内设机构挂牌不规范")
    statements = []
    event.listen(
        database.engine,
        "before_cursor_execute",
        lambda conn, cursor, statement, *args: statements.append(statement),
    )

    ledger.list_problems(database, search="挂牌 不规范")

    searched = [s for s in statements if "MATCH" in s]
    assert len(searched) == 1
    assert searched[0].count("problem_search MATCH") == 1  # both terms, one index query
    assert "instr" not in searched[0]  # Chinese terms: the index alone is exact

    ledger.list_problems(database, search="OA系统")

    assert "instr" in statements[-1]  # A–Z: confirmed against the texts


def test_events_are_never_edited(database):
    add_unit(database, "县工信局")
    add_evaluation(database)
    number = add_problem(database, "县工信局", "挂牌不规范").number
    ledger.withdraw(database, number, "重复录入")

    with pytest.raises(Exception, match="problem events are never edited"):
        with database.write() as session:
            session.execute(text("UPDATE problem_event SET reason = '改' WHERE reason <> ''"))


def test_deleting_an_event_takes_its_reason_out_of_the_index(database):
    """The ledger never deletes; a repair by hand must still leave the index right."""
    add_unit(database, "县工信局")
    add_evaluation(database)
    number = add_problem(database, "县工信局", "挂牌不规范").number
    ledger.feedback(database, number)
    ledger.withdraw(database, number, "重复录入")
    assert [p.number for p in ledger.list_problems(database, search="重复录入")] == [number]

    with database.write() as session:
        session.execute(text("DELETE FROM problem_event WHERE reason = '重复录入'"))
        session.execute(text("UPDATE problem SET withdraw_reason = NULL"))

    assert ledger.list_problems(database, search="重复录入") == []
    assert [p.number for p in ledger.list_problems(database, search="挂牌")] == [number]
    with database.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO problem_search(problem_search) VALUES ('integrity-check')"
        )


@pytest.mark.parametrize(
    ("term", "query", "exact"),
    [
        ("挂", '"挂"*', True),
        ("挂牌", '"挂牌"', True),
        ("年龄老化", '"年龄 龄老 老化"', True),
        ("OA", '"oa"', False),
        ("“三定”", '"三定"', False),
        ("机构、编制", '"机构" AND "编制"', False),
        ("—", None, False),
        ("7", '"7"*', True),
        ("2021-007", '"20 02 21" AND "00 07"', False),
        ('a"b', None, False),
    ],
)
def test_how_a_term_becomes_an_index_query(term, query, exact):
    assert ledger_search.index_query(term) == query
    assert ledger_search.index_is_exact(term) is exact
