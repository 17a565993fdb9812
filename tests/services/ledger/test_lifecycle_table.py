"""The lifecycle table is the one lifecycle: random lives walked through the service
take exactly the steps the table allows, and leave problems whose fields fit their
state as the ledger import checks them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from orgeval_tui.domain.errors import UserError
from orgeval_tui.domain.ledger_words import PROBLEM_STATUSES
from orgeval_tui.models import Problem
from orgeval_tui.services import ledger
from orgeval_tui.services.ledger import lifecycle, transitions
from tests.office import add_problem

FED_BACK = date(2021, 7, 28)
STEP_VALUES = {
    "feedback": {"on": FED_BACK},
    "plan": {
        "measures": "完善制度",
        "responsible": "李倩",
        "deadline": date(2021, 9, 30),
        "past_deadline": True,
    },
    "report": {"text": "已整改", "on": date(2021, 9, 20)},
    "verify": {"note": "核查属实", "on": date(2021, 10, 8)},
    "reopen": {"reason": "整改不到位", "on": date(2021, 10, 9)},
    "withdraw": {"reason": "误登记", "on": date(2021, 10, 20)},
}


def _values(action: str, problem) -> dict:
    if action == "extend":
        current = problem.deadline or FED_BACK
        return {
            "deadline": current + timedelta(days=30),
            "reason": "申请延期",
            "past_deadline": True,
        }
    return STEP_VALUES[action]


def _fields(database, number: str) -> tuple[str, dict]:
    with database.read() as session:
        row = session.execute(select(Problem.__table__).where(Problem.number == number)).one()
    return row.status, {column: getattr(row, column) for column in lifecycle.FIELDS}


def test_every_step_has_its_builder_and_every_state_its_record():
    assert set(transitions.BUILDERS) == set(lifecycle.STEPS)
    assert set(lifecycle.STATES) == set(PROBLEM_STATUSES) == set(lifecycle.ALLOWED)
    targets = {step.target for step in lifecycle.STEPS.values()} - {None}
    assert targets | {"identified"} == set(PROBLEM_STATUSES)


def _shortest_paths() -> dict[str, list[str]]:
    """The fewest steps from identified to each state, by the table."""
    paths = {"identified": []}
    frontier = ["identified"]
    while frontier:
        status = frontier.pop(0)
        for action in lifecycle.ALLOWED[status]:
            target = lifecycle.STEPS[action].target or status
            if target not in paths:
                paths[target] = [*paths[status], action]
                frontier.append(target)
    return paths


EDGES = [
    (status, action)
    for status, path in sorted(_shortest_paths().items())
    for action in lifecycle.ALLOWED[status]
]


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("status", "action"), EDGES, ids=[f"{s}-{a}" for s, a in EDGES])
def test_every_step_from_every_state_leaves_fields_that_fit(office, status, action):
    problem = add_problem(office, "县工信局", "内设机构挂牌不规范")
    for step in [*_shortest_paths()[status], action]:
        problem = ledger.apply(office, step, [(problem.number, None)], **_values(step, problem))[0]
        stored_status, fields = _fields(office, problem.number)
        assert stored_status == problem.status
        assert lifecycle.field_problems(problem.status, fields) == {}, (step, fields)


@pytest.mark.sqlite_only
@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(picks=st.lists(st.tuples(st.integers(0, 6), st.booleans()), min_size=1, max_size=12))
def test_random_lives_follow_the_table_and_fit_their_states(office, picks):
    """Each pick takes one of the steps the state allows, or (``stray``) tries one it
    does not, which must be refused and change nothing."""
    problem = add_problem(office, "县工信局", "内设机构挂牌不规范")
    status = "identified"
    for pick, stray in picks:
        allowed = lifecycle.ALLOWED[status]
        if stray or not allowed:
            refused = [a for a in lifecycle.STEPS if a not in allowed]
            action = refused[pick % len(refused)]
            before = _fields(office, problem.number)
            with pytest.raises(UserError):
                ledger.apply(office, action, [(problem.number, None)], **_values(action, problem))
            assert _fields(office, problem.number) == before
            continue
        action = allowed[pick % len(allowed)]
        problem = ledger.apply(
            office, action, [(problem.number, None)], **_values(action, problem)
        )[0]
        status = lifecycle.STEPS[action].target or status

        stored_status, fields = _fields(office, problem.number)
        assert problem.status == stored_status == status
        assert lifecycle.field_problems(status, fields) == {}, (action, fields)


def test_a_field_the_state_cannot_carry_is_named():
    fields = {column: None for column in lifecycle.FIELDS}
    fields["fed_back_on"] = FED_BACK
    fields["verifier"] = "孙卫东"

    problems = lifecycle.field_problems("fed_back", fields)

    assert set(problems) == {"verifier", "verified_on", "verify_note"}
