"""SQLite and PostgreSQL find exactly the same problems for every query, and both find
exactly the problems one of whose texts contains every term (A–Z folded, nothing else).

Random ledgers over a small alphabet (so that terms and their pieces recur): Chinese,
letters of both cases (ASCII, and others whose case neither database may fold),
digits, punctuation, LIKE's own wildcards, spaces and line breaks; queries of one to
three terms of 1 to 5 characters, drawn at random or cut from the texts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from orgeval_tui.models import Problem, ProblemEvent
from orgeval_tui.services import ledger
from orgeval_tui.services.ledger.search import PROBLEM_FIELDS
from orgeval_tui.storage.database import Database
from tests.office import build_office

ALPHABET = "编制挂牌超编不规范年龄老化一二aAbBzZ017，、“”-%_\\'!ÄäΩωＡａİ "
WORD_CHARS = ALPHABET.replace(" ", "")
TEXT_FIELDS = [name for name in PROBLEM_FIELDS if name != "number"]
_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

texts = st.text(alphabet=ALPHABET + "\n", max_size=40)
problems = st.lists(
    st.fixed_dictionaries(
        {
            "number": st.text(alphabet=WORD_CHARS, max_size=8),
            **{name: texts for name in TEXT_FIELDS},
            "reasons": st.lists(st.one_of(st.none(), texts), max_size=3),
        }
    ),
    min_size=1,
    max_size=12,
)
random_terms = st.text(alphabet=WORD_CHARS, min_size=1, max_size=5)


@pytest.fixture
def backends(tmp_path, postgres_server):
    if postgres_server is None:
        pytest.skip("PostgreSQL: set ORGEVAL_TEST_PG_URL to run (.ci/run does)")
    url = postgres_server.create()
    databases = [
        build_office(Database.open(f"sqlite:///{tmp_path / 'orgeval.db'}")),
        build_office(Database.open(url)),
    ]
    yield databases
    for database in databases:
        database.dispose()
    postgres_server.drop(url)


def _fold(value: str) -> str:
    return value.translate(_ASCII_UPPER)


def _write(database, ledger_rows) -> None:
    with database.write() as session:
        session.execute(delete(ProblemEvent))
        session.execute(delete(Problem))
        session.execute(
            insert(Problem),
            [
                {
                    "id": i + 1,
                    "evaluation_id": 1,
                    "unit_id": 1,
                    "number": f"{i}-{row['number']}",
                    "source": "onsite",
                    "severity": ("high", "medium", "low")[i % 3],
                    "status": "rectifying",
                    "title": row["title"],
                    "description": row["description"],
                    "recommendation": row["recommendation"],
                    **{name: row[name] or None for name in TEXT_FIELDS[3:]},
                    "created_at": datetime(2021, 6, 30, tzinfo=UTC),
                }
                for i, row in enumerate(ledger_rows)
            ],
        )
        events = [
            {
                "problem_id": i + 1,
                "action": "extend",
                "to_status": "rectifying",
                "actor": "甲",
                "at": datetime(2021, 7, 1, tzinfo=UTC),
                "reason": reason,
            }
            for i, row in enumerate(ledger_rows)
            for reason in row["reasons"]
        ]
        if events:
            session.execute(insert(ProblemEvent), events)


def _expected(ledger_rows, query: str) -> list[int]:
    """The problems (ids) one of whose texts contains every term, by brute force."""
    wanted = [_fold(term) for term in query.split()]
    found = []
    for i, row in enumerate(ledger_rows):
        values = [f"{i}-{row['number']}", *(row[name] or "" for name in TEXT_FIELDS)]
        values += [reason or "" for reason in row["reasons"]]
        folded = [_fold(value) for value in values]
        if all(any(term in value for value in folded) for term in wanted):
            found.append(i + 1)
    return found


def _answers(database, query: str) -> tuple:
    return (
        ledger.matching_ids(database, query),
        ledger.count_problems(database, search=query),
        [p.id for p in ledger.list_problems(database, search=query, limit=5)],
        [p.id for p in ledger.list_problems(database, search=query, order="severity")],
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ledger_rows=problems, data=st.data())
def test_both_backends_find_exactly_the_problems_containing_every_term(backends, ledger_rows, data):
    for database in backends:
        _write(database, ledger_rows)
    pieces = [
        value
        for row in ledger_rows
        for value in (*(row[name] for name in TEXT_FIELDS), *row["reasons"])
        if value and value.split()
    ]
    cut_terms = (
        st.sampled_from(pieces or ["编制"])
        .flatmap(lambda value: st.sampled_from(value.split()))
        .flatmap(
            lambda word: st.integers(0, len(word) - 1).flatmap(
                lambda start: st.integers(start + 1, min(len(word), start + 5)).map(
                    lambda end: word[start:end]
                )
            )
        )
    )
    term = st.one_of(random_terms, cut_terms)
    queries = data.draw(
        st.lists(
            st.lists(term, min_size=1, max_size=3).flatmap(
                lambda words: st.sampled_from([" ", "\u3000", "  "]).map(
                    lambda space: space.join(words)
                )
            ),
            min_size=1,
            max_size=6,
        )
    )

    for query in queries:
        expected = _expected(ledger_rows, query)
        sqlite, postgres = (_answers(database, query) for database in backends)
        assert sqlite == postgres, query
        assert sqlite[0] == expected, query
        assert sqlite[1] == len(expected), query
