"""Setting up an evaluation: it becomes the current one, with its periods and units;
what cannot be set up is refused, naming why, and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, func, select

from orgeval_tui.domain.errors import NotFound, UserError
from orgeval_tui.models import AuditEvent, CurrentEvaluation, Evaluation, EvaluationUnit
from orgeval_tui.services.evaluation_setup import (
    GradeBands,
    check_grades,
    edit_evaluation,
    evaluation_details,
    list_evaluations,
)
from orgeval_tui.services.evaluations import (
    Period,
    create_evaluation,
    current_evaluation,
    find_evaluation,
    use_evaluation,
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


def test_the_current_evaluation_is_the_one_chosen_not_the_latest(county):
    create_evaluation(county, "2020年度评估", date(2020, 12, 31), number_prefix="2020")
    create_evaluation(county, "2021年度评估", date(2021, 6, 30), number_prefix="2021")

    use_evaluation(county, "2020年度评估")

    with county.read() as session:
        assert current_evaluation(session).name == "2020年度评估"
    assert evaluation_progress(county)[0].name == "2020年度评估"
    assert [e.current for e in list_evaluations(county)] == [True, False]


def test_a_database_from_before_the_choice_keeps_the_latest_as_current(county):
    create_evaluation(county, "2020年度评估", date(2020, 12, 31), number_prefix="2020")
    create_evaluation(county, "2021年度评估", date(2021, 6, 30), number_prefix="2021")
    use_evaluation(county, "2020年度评估")
    with county.write() as session:
        session.execute(delete(CurrentEvaluation))

    with county.read() as session:
        assert current_evaluation(session).name == "2021年度评估"


def test_choosing_an_unknown_evaluation_names_those_there_are_and_changes_nothing(county):
    create_evaluation(county, "2020年度评估", date(2020, 12, 31), number_prefix="2020")
    create_evaluation(county, "2021年度评估", date(2021, 6, 30), number_prefix="2021")

    with pytest.raises(NotFound, match="2020年度评估"):
        use_evaluation(county, "2019年度评估")

    assert evaluation_details(county).info.name == "2021年度评估"


def test_a_copy_starts_with_the_units_and_grade_bands_but_not_the_periods(county):
    create_evaluation(
        county,
        "2020年度评估",
        date(2020, 12, 31),
        number_prefix="2020",
        periods=PERIODS,
        units=["县工信局", "气象局"],
    )
    edit_evaluation(county, "2020年度评估", grades=check_grades([95, 85, 65]))

    create_evaluation(
        county,
        "2021年度评估",
        date(2021, 12, 31),
        number_prefix="2021",
        units=["总工会", "气象局"],
        copy_from="2020年度评估",
    )

    copied = evaluation_details(county)
    assert copied.info.name == "2021年度评估"
    assert copied.units == ("县工业和信息化局", "县气象局", "县总工会")
    assert copied.grades == GradeBands(95, 85, 65)
    assert copied.info.periods == ()
    with pytest.raises(NotFound, match="2019年度评估"):
        create_evaluation(
            county,
            "2022年度评估",
            date(2022, 12, 31),
            number_prefix="2022",
            copy_from="2019年度评估",
        )
    assert len(list_evaluations(county)) == 2


def test_an_edit_takes_units_in_and_out_sets_periods_and_grade_bands(county):
    create_evaluation(
        county,
        "2021年度评估",
        date(2021, 6, 30),
        number_prefix="2021",
        periods=PERIODS[:1],
        units=["县工信局"],
    )

    edited = edit_evaluation(
        county,
        add_units=["气象局", "总工会"],
        remove_units=["县工信局"],
        periods=[
            Period("2021年上半年", date(2021, 1, 1), date(2021, 5, 31)),
            PERIODS[1],
        ],
        grades=check_grades([92, 82, 62]),
    )

    assert edited.units == ("县气象局", "县总工会")
    assert [(p.label, p.end) for p in edited.info.periods] == [
        ("2020年度", date(2020, 12, 31)),
        ("2021年上半年", date(2021, 5, 31)),
    ]
    assert edited.grades == GradeBands(92, 82, 62)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"add_units": ["气象局", "县工信局"]}, "县工业和信息化局 is already evaluated"),
        ({"add_units": ["气象局"], "remove_units": ["总工会"]}, "县总工会 is not evaluated"),
        ({"add_units": ["县教育局"]}, "县教育局"),
        (
            {"add_units": ["气象局"], "periods": [Period("x", date(2021, 2, 1), date(2021, 1, 1))]},
            "after its last day",
        ),
        ({"remove_units": ["县工信局"]}, "1 problem"),
    ],
    ids=["unit-in", "unit-not-in", "unknown-unit", "period-backwards", "unit-with-problems"],
)
def test_an_edit_that_cannot_be_made_changes_nothing(county, change, message):
    from orgeval_tui.services import ledger

    create_evaluation(
        county,
        "2021年度评估",
        date(2021, 6, 30),
        number_prefix="2021",
        periods=PERIODS[:1],
        units=["县工信局"],
    )
    ledger.add(county, "县工信局", "超编进人", category="编制使用")
    before = evaluation_details(county)

    with pytest.raises(UserError, match=message):
        edit_evaluation(county, **change)

    assert evaluation_details(county) == before


@pytest.mark.parametrize(
    "grades", [[80, 90, 60], [90, 80], [101, 80, 60], [90, 80, 0], [90, 90, 60]]
)
def test_grade_bands_out_of_order_are_refused(grades):
    with pytest.raises(UserError, match="high to low"):
        check_grades(grades)


def test_who_chose_the_current_evaluation_and_who_took_a_unit_out_is_audited(county, actor):
    create_evaluation(
        county, "2020年度评估", date(2020, 12, 31), number_prefix="2020", units=["县工信局"]
    )
    create_evaluation(county, "2021年度评估", date(2021, 6, 30), number_prefix="2021")
    actor("zhang")

    use_evaluation(county, "2020年度评估")
    edit_evaluation(county, remove_units=["县工信局"])

    with county.read() as session:
        trail = session.execute(
            select(AuditEvent.entity, AuditEvent.action, AuditEvent.field, AuditEvent.old)
            .where(AuditEvent.actor == "zhang")
            .order_by(AuditEvent.id)
        ).all()
    latest = find_id(county, "2021年度评估")
    assert ("current_evaluation", "update", "evaluation_id", str(latest)) in trail
    assert ("evaluation_unit", "delete", "unit_id", str(unit_id(county, "县工信局"))) in trail


def find_id(db, name):
    with db.read() as session:
        return find_evaluation(session, name).id


def unit_id(db, name):
    from orgeval_tui.services.units import find_unit

    with db.read() as session:
        return find_unit(session, name).id


def test_upgrading_from_before_the_choice_keeps_the_latest_current_until_one_is_chosen(
    database_url,
):
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from orgeval_tui.migrations.runner import upgrade
    from orgeval_tui.storage.database import Database

    database = Database(database_url)
    upgrade(database, "0003_work_log_covering_index")
    with database.engine.begin() as conn:
        for name, prefix in (("2020年度评估", "2020"), ("2021年度评估", "2021")):
            conn.execute(
                insert(Evaluation.__table__).values(
                    name=name, reference_date=date(2021, 6, 30), number_prefix=prefix,
                    grade_excellent=90, grade_good=80, grade_pass=60,
                    created_at=datetime.now(UTC), version=1,
                )
            )  # fmt: skip
    database.ensure_schema()

    assert evaluation_details(database).info.name == "2021年度评估"
    use_evaluation(database, "2020年度评估")
    assert [e.current for e in list_evaluations(database)] == [True, False]
    database.dispose()


def test_an_evaluation_copied_from_another_keeps_its_interview_outlines(database):
    from orgeval_tui.services import fieldwork
    from orgeval_tui.services.evaluations import create_evaluation

    create_evaluation(database, "2021年度评估", date(2021, 6, 30), number_prefix="2021")
    fieldwork.set_outline(database, "interview", ["分工是否明确", "", "人手是否够用"])
    create_evaluation(
        database, "2022年度评估", date(2022, 6, 30), number_prefix="2022", copy_from="2021年度评估"
    )
    copied = fieldwork.outline(database, "个别访谈")
    create_evaluation(database, "2023年度评估", date(2023, 6, 30), number_prefix="2023")

    assert copied == ("分工是否明确", "人手是否够用")
    assert fieldwork.outline(database, "interview") == fieldwork.default_outlines()["interview"]
