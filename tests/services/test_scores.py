"""services/scores: a unit's self-scores given together are checked under set_score's
rules and written all together or not at all; set_score keeps its rules."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from orgeval_tui.domain.errors import UserError
from orgeval_tui.models import AuditEvent, Score
from orgeval_tui.services.evaluation_setup import edit_evaluation
from orgeval_tui.services.score_sheet import score_sheet
from orgeval_tui.services.scores import (
    ScoreInput,
    ScoreRefused,
    ScoresRefused,
    set_score,
    set_self_scores,
)


@pytest.fixture
def evaluated(office):
    edit_evaluation(office, add_units=["县工信局"])
    return office


def _score_rows(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Score))


def _audited(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent))


def test_self_scores_are_recorded_together_with_their_evidence(evaluated):
    saved = set_self_scores(
        evaluated,
        "县工信局",
        [
            ScoreInput("A1.1", points=3, note="  三定规定  "),
            ScoreInput("B1.1", na=True),
            ScoreInput("B3.1", points=2.5),
        ],
    )

    assert [(s.code, s.source, s.evaluator, s.points) for s in saved] == [
        ("A1.1", "self", "", 3.0),
        ("B1.1", "self", "", None),
        ("B3.1", "self", "", 2.5),
    ]
    sheet = score_sheet(evaluated, "县工信局")
    own = sheet.line("A1.1").self_score
    assert (own.points, own.note) == (3.0, "三定规定")
    assert sheet.line("B1.1").self_score.not_applicable
    assert sheet.result.overall.scored == 0  # self-scores are not the office's


def test_one_bad_self_score_refuses_them_all_naming_each_and_its_field(evaluated):
    audited = _audited(evaluated)

    with pytest.raises(ScoresRefused) as refused:
        set_self_scores(
            evaluated,
            "县工信局",
            [
                ScoreInput("A1.1", points=3),
                ScoreInput("A2.1", points=7),
                ScoreInput("Z9", points=1),
                ScoreInput("A1", points=1),
                ScoreInput("B3.1", points=0.3),
                ScoreInput("A1.1", points=4),
            ],
        )

    assert [(index, field) for index, field, _ in refused.value.problems] == [
        (1, "points"),
        (2, "code"),
        (3, "code"),
        (4, "points"),
        (5, "code"),
    ]
    messages = [message for *_, message in refused.value.problems]
    assert "7 points: a score runs from 0 to the maximum 6" in messages[0]
    assert messages[4] == "A1.1 is scored twice"
    assert str(refused.value).splitlines()[0] == (
        "no score of 县工业和信息化局 was recorded: 5 of those given cannot be"
    )
    assert _score_rows(evaluated) == 0 and _audited(evaluated) == audited


def test_a_dry_run_checks_and_writes_nothing(evaluated):
    assert set_self_scores(evaluated, "县工信局", [ScoreInput("A1.1", 3)], dry_run=True) == []
    assert _score_rows(evaluated) == 0


def test_self_scores_of_a_finalised_unit_are_refused(evaluated):
    from orgeval_tui.services.rubric_store import default_rubric
    from orgeval_tui.services.scores import finalize

    for leaf in default_rubric().leaves():
        set_score(evaluated, "县工信局", leaf.code, points=leaf.maximum)
    finalize(evaluated, "县工信局")
    rows = _score_rows(evaluated)

    with pytest.raises(UserError, match="finalised"):
        set_self_scores(evaluated, "县工信局", [ScoreInput("A1.1", 3)])
    assert _score_rows(evaluated) == rows


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"code": "Z9", "points": 1}, "code"),
        ({"code": "A1", "points": 1}, "code"),
        ({"code": "A2.1", "points": 6.5}, "points"),
        ({"code": "B3.1", "count": 1}, "count"),
        ({"code": "A1.1", "count": -2}, "count"),
    ],
)
def test_set_score_says_which_part_of_the_score_is_wrong(evaluated, values, field):
    values = dict(values)  # the parameters are shared by both backends' runs
    code = values.pop("code")

    with pytest.raises(ScoreRefused) as refused:
        set_score(evaluated, "县工信局", code, note="x", **values)

    assert refused.value.field == field
    assert _score_rows(evaluated) == 0
