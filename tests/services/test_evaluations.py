"""Setting up an evaluation: it becomes the current one, with its periods and units;
what cannot be set up is refused, naming why, and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from orgeval_tui.domain.errors import NotFound, UserError
from orgeval_tui.models import Evaluation, EvaluationUnit
from orgeval_tui.services.evaluations import (
    Period,
    create_evaluation,
    current_evaluation,
    find_evaluation,
)
from orgeval_tui.services.progress import evaluation_progress
from orgeval_tui.services.units import add_unit

PERIODS = (
    Period("2021年上半年", date(2021, 1, 1), date(2021, 6, 30)),
    Period("2020年度", date(2020, 1, 1), date(2020, 12, 31)),
)


@pytest.fixture
def county(database):
    add_unit(database, "县工业和信息化局", short_name="县工信局")
    add_unit(database, "县气象局", short_name="气象局")
    add_unit(database, "县总工会", short_name="总工会")
    return database


def test_a_new_evaluation_is_the_current_one_with_its_periods_and_units(county):
    create_evaluation(county, "2020年度评估", date(2020, 12, 31), number_prefix="2020")

    made = create_evaluation(
        county,
        " 2021年度评估（试点） ",
        date(2021, 6, 30),
        number_prefix="2021",
        periods=PERIODS,
        units=["县工信局", "气象局", "县工业和信息化局"],
    )

    assert made.name == "2021年度评估（试点）"
    assert [p.label for p in made.periods] == ["2020年度", "2021年上半年"]
    info, units = evaluation_progress(county)
    assert info == made
    assert [u.name for u in units] == ["县工业和信息化局", "县气象局"]
    with county.read() as session:
        assert current_evaluation(session).name == "2021年度评估（试点）"
        assert find_evaluation(session, "2020年度评估").number_prefix == "2020"


@pytest.mark.parametrize(
    ("name", "prefix", "periods", "units", "message"),
    [
        ("", "2021", (), (), "needs a name"),
        ("评估", " ", (), (), "needs a problem-number prefix"),
        ("评估", "2021 年", (), (), "letters, digits and - only"),
        (
            "评估",
            "2021",
            (Period("2020年度", date(2020, 12, 31), date(2020, 1, 1)),),
            (),
            "after its last day",
        ),
        ("评估", "2021", (PERIODS[0], PERIODS[0]), (), "given twice"),
    ],
    ids=["no-name", "no-prefix", "bad-prefix", "period-backwards", "period-twice"],
)
def test_what_cannot_be_set_up_is_refused_naming_why(county, name, prefix, periods, units, message):
    with pytest.raises(UserError, match=message):
        create_evaluation(county, name, date(2021, 6, 30), number_prefix=prefix, periods=periods)

    with county.read() as session:
        assert session.scalar(select(func.count()).select_from(Evaluation)) == 0


def test_a_second_evaluation_of_the_same_name_or_an_unknown_unit_writes_nothing(county):
    create_evaluation(county, "2021年度评估", date(2021, 6, 30), number_prefix="2021")

    with pytest.raises(UserError, match="exists already"):
        create_evaluation(county, "2021年度评估", date(2021, 6, 30), number_prefix="2022")
    with pytest.raises(NotFound, match="县教育局"):
        create_evaluation(
            county, "2022年度评估", date(2022, 6, 30), number_prefix="2022", units=["县教育局"]
        )

    with county.read() as session:
        assert session.scalar(select(func.count()).select_from(Evaluation)) == 1
        assert session.scalar(select(func.count()).select_from(EvaluationUnit)) == 0
