"""Home's progress per unit: the leaves of the current evaluation's rubric the office has
scored, and the unit's own self-scores, each counted in that evaluation alone."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete

from orgeval_tui.domain.actor import acting_as
from orgeval_tui.services.evaluations import create_evaluation, use_evaluation
from orgeval_tui.services.progress import evaluation_progress
from orgeval_tui.services.scores import set_score
from tests.office import team


def _first_year(database):
    create_evaluation(
        database,
        "2021年度评估",
        date(2021, 6, 30),
        number_prefix="2021",
        units=["县工信局", "气象局"],
    )


def _progress(database) -> dict[str, tuple]:
    return {
        row.name: (row.office_scored_leaves, row.leaves, row.self_scores)
        for row in evaluation_progress(database)[1]
    }


def test_a_leaf_counts_once_however_many_evaluators_scored_it(database):
    from orgeval_tui.services.units import add_unit

    add_unit(database, "县工业和信息化局", short_name="县工信局")
    add_unit(database, "县气象局", short_name="气象局")
    _first_year(database)
    team(database, "张立新", "刘晓燕")
    with acting_as("张立新"):
        set_score(database, "县工信局", "A1.1", points=4)
        set_score(database, "县工信局", "B1.1", na=True)
    with acting_as("刘晓燕"):
        set_score(database, "县工信局", "A1.1", points=3, note="擅自更名1个内设机构")
    set_score(database, "县工信局", "A1.1", points=4, note="三定规定", self_score=True)

    assert _progress(database) == {
        "县工业和信息化局": (2, 22, 1),
        "县气象局": (0, 22, 0),
    }


def test_scores_of_another_evaluation_do_not_count(database):
    from orgeval_tui.services.units import add_unit

    add_unit(database, "县工业和信息化局", short_name="县工信局")
    add_unit(database, "县气象局", short_name="气象局")
    _first_year(database)
    set_score(database, "县工信局", "A1.1", points=4)
    set_score(database, "县工信局", "A1.1", points=4, note="三定规定", self_score=True)
    create_evaluation(
        database,
        "2022年度评估",
        date(2022, 6, 30),
        number_prefix="2022",
        copy_from="2021年度评估",
    )

    fresh = _progress(database)
    use_evaluation(database, "2021年度评估")

    assert fresh == {"县工业和信息化局": (0, 22, 0), "县气象局": (0, 22, 0)}
    assert _progress(database)["县工业和信息化局"] == (1, 22, 1)


def test_an_evaluation_without_a_rubric_has_no_leaves_to_count(database):
    """A database upgraded from before rubrics were installed has evaluations without."""
    from orgeval_tui.models import Indicator
    from orgeval_tui.services.units import add_unit

    add_unit(database, "县工业和信息化局", short_name="县工信局")
    add_unit(database, "县气象局", short_name="气象局")
    _first_year(database)
    with database.write() as session:
        session.execute(delete(Indicator))

    assert _progress(database) == {
        "县工业和信息化局": (0, None, 0),
        "县气象局": (0, None, 0),
    }
