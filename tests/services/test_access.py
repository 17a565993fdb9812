"""Roles, enforced in the services: a viewer changes nothing, an evaluator limited to a
unit works on that unit only, an admin does everything; each refusal names the role
needed, and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from orgeval_tui.domain.actor import acting_as, os_account
from orgeval_tui.domain.errors import UserError
from orgeval_tui.i18n import set_language
from orgeval_tui.models import AuditEvent, Problem
from orgeval_tui.services import ledger
from orgeval_tui.services.audit_trail import verify_audit
from orgeval_tui.services.benchmarks import set_benchmark
from orgeval_tui.services.calendar import set_day
from orgeval_tui.services.evaluation_setup import edit_evaluation
from orgeval_tui.services.evaluations import create_evaluation, use_evaluation
from orgeval_tui.services.scores import set_score
from orgeval_tui.services.unit_edits import remove_unit
from orgeval_tui.services.units import add_unit
from orgeval_tui.services.users import add_user, grant, list_users, revoke
from orgeval_tui.storage.accounts import AccessRefused
from tests.office import add_problem, recording, team


@pytest.fixture(autouse=True)
def _english():
    set_language("en")


def _counts(db) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Problem)),
            session.scalar(select(func.count()).select_from(AuditEvent)),
        )


def _roles(db) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {view.name: (view.role.value, view.units) for view in list_users(db)}


def test_the_account_that_creates_the_database_is_its_admin(database):
    assert _roles(database) == {os_account(): ("admin", ())}


def test_a_viewer_reads_everything_and_changes_nothing(office):
    number = add_problem(office, "县工信局", "门牌未更新").number
    team(office, "小李", role="viewer")
    before = _counts(office)

    with acting_as("小李"):
        assert [p.number for p in ledger.list_problems(office)] == [number]
        attempts = {
            "ledger add": lambda: ledger.add(office, "县工信局", "另一问题"),
            "feedback": lambda: ledger.feedback(office, number, on=date(2021, 7, 1)),
            "add unit": lambda: add_unit(office, "县财政局"),
            "calendar": lambda: set_day(office, date(2021, 10, 9), is_workday=False),
        }
        for what, attempt in attempts.items():
            with pytest.raises(AccessRefused) as refused:
                attempt()
            assert str(refused.value) == (
                "小李 is a viewer: a viewer reads everything and changes nothing; "
                "this needs the evaluator or admin role"
            ), what

    assert _counts(office) == before


def test_an_account_without_a_role_is_told_how_to_get_one(office):
    before = _counts(office)

    with acting_as("stranger"), pytest.raises(AccessRefused) as refused:
        add_problem(office, "县工信局", "门牌未更新")

    assert "`orgeval users add stranger --role evaluator`" in str(refused.value)
    assert _counts(office) == before


def test_an_evaluator_limited_to_a_unit_works_on_that_unit_only(office):
    edit_evaluation(office, add_units=["县工信局", "县总工会"])
    theirs = add_problem(office, "县总工会", "职责交叉").number
    team(office, "小王")
    grant(office, "小王", units=["县工信局"])

    with acting_as("小王"):
        mine = add_problem(office, "县工信局", "门牌未更新").number
        ledger.feedback(office, mine, on=date(2021, 7, 1))
        set_score(office, "县工信局", "A1.1", points=4)
        before = _counts(office)
        with pytest.raises(AccessRefused) as other_unit:
            add_problem(office, "县总工会", "另一问题")
        with pytest.raises(AccessRefused) as step:
            ledger.feedback(office, theirs, on=date(2021, 7, 1))
        with pytest.raises(AccessRefused) as score:
            set_score(office, "总工会", "A1.1", points=4)
        with pytest.raises(AccessRefused) as county:
            set_benchmark(
                office,
                "county_average_cases",
                channel="hotline",
                start=date(2021, 1, 1),
                end=date(2021, 6, 30),
                value=80.0,
            )
        with pytest.raises(AccessRefused) as setup:
            create_evaluation(office, "2022年度评估", date(2022, 6, 30), number_prefix="2022")

    for refused in (other_unit, step, score):
        assert str(refused.value) == (
            "小王 is an evaluator for 县工业和信息化局 only: work on 县总工会 needs an evaluator "
            "for 县总工会 (an admin runs `orgeval users grant 小王 --unit 县总工会`)"
        )
    assert "concerns every unit, so it needs an evaluator for all units or an admin" in str(
        county.value
    )
    assert str(setup.value) == "this needs the admin role (小王 is an evaluator)"
    assert _counts(office) == before
    assert ledger.show(office, theirs).problem.status == "identified"


def test_an_evaluator_for_every_unit_does_county_work_but_not_the_setup(office):
    team(office, "小赵")

    with acting_as("小赵"):
        set_benchmark(
            office,
            "county_average_cases",
            channel="hotline",
            start=date(2021, 1, 1),
            end=date(2021, 6, 30),
            value=80.0,
        )
        set_day(office, date(2021, 10, 9), is_workday=False)
        with pytest.raises(AccessRefused, match="needs the admin role"):
            use_evaluation(office, "2021年度评估")
        with pytest.raises(AccessRefused, match="needs the admin role"):
            add_user(office, "小钱", "viewer")


def test_the_last_admin_cannot_leave_the_database_without_one(office):
    me = os_account()

    with pytest.raises(UserError, match="is the last admin"):
        revoke(office, me)
    with pytest.raises(UserError, match="is the last admin"):
        grant(office, me, role="viewer")

    team(office, "主任", role="admin")
    grant(office, me, role="viewer")
    assert _roles(office)[me] == ("viewer", ())


def test_an_evaluators_last_unit_is_not_taken_since_that_would_mean_every_unit(office):
    add_user(office, "小王", "evaluator", ["县工信局", "县总工会"])

    revoke(office, "小王", ["县总工会"])
    with pytest.raises(UserError, match="an evaluator without units may work on every unit"):
        revoke(office, "小王", ["县工信局"])
    with pytest.raises(UserError, match="not limited to 县气象局"):
        revoke(office, "小王", ["县气象局"])

    assert _roles(office)["小王"] == ("evaluator", ("县工业和信息化局",))
    grant(office, "小王", all_units=True)
    assert _roles(office)["小王"] == ("evaluator", ())


def test_units_belong_to_evaluators_only(office):
    with pytest.raises(UserError, match="only an evaluator is limited to units"):
        add_user(office, "小李", "viewer", ["县工信局"])
    add_user(office, "小王", "evaluator", ["县工信局"])

    grant(office, "小王", role="viewer")

    assert _roles(office)["小王"] == ("viewer", ())
    with pytest.raises(UserError, match="小王 already has the role viewer"):
        add_user(office, "小王", "evaluator")
    with pytest.raises(UserError, match="is not a role"):
        add_user(office, "小孙", "boss")


def test_a_unit_an_evaluator_is_limited_to_is_not_removed_from_under_it(office):
    add_user(office, "小王", "evaluator", ["县气象局"])

    with pytest.raises(UserError, match="1 evaluator limited to it"):
        remove_unit(office, "县气象局")

    assert _roles(office)["小王"] == ("evaluator", ("县气象局",))


def test_who_gave_which_role_is_in_the_audit_trail(office):
    add_user(office, "小王", "evaluator", ["县工信局"])
    grant(office, "小王", role="viewer")
    revoke(office, "小王")

    with office.read() as session:
        trail = session.execute(
            select(AuditEvent.actor, AuditEvent.entity, AuditEvent.action, AuditEvent.field,
                   AuditEvent.new)
            .where(AuditEvent.entity.in_(("account", "account_unit")))
            .order_by(AuditEvent.id)
        ).all()  # fmt: skip
    me = os_account()
    assert (me, "account", "insert", "role", "evaluator") in trail
    assert (me, "account_unit", "insert", "unit_id", "1") in trail
    assert (me, "account", "update", "role", "viewer") in trail
    assert (me, "account", "delete", "role", None) in trail
    assert verify_audit(office).intact


def test_from_the_command_line_a_refusal_is_one_line_and_names_the_role(run, office):
    assert run("users", "add", "小王", "--role", "evaluator", "--unit", "县工信局").code == 0
    listed = run("users", "list", "--json").json()

    with acting_as("小王"), recording():
        refused = run("ledger", "add", "--unit", "县总工会", "--title", "职责交叉", lang="zh")

    assert refused.code == 1 and refused.out == ""
    assert refused.err.strip().splitlines() == [
        "orgeval: 错误: 小王 只是县工业和信息化局的评估员：县总工会的工作需要该单位的评估员角色"
        "（管理员可运行 `orgeval users grant 小王 --unit 县总工会`）"
    ]
    assert [(a["name"], a["role"], a["units"]) for a in listed] == [
        (os_account(), "admin", []),
        ("小王", "evaluator", ["县工业和信息化局"]),
    ]


def test_only_an_admin_replaces_the_database_with_a_backup(office, tmp_path):
    from orgeval_tui.services.backups import backup, restore

    saved = backup(office, tmp_path / "orgeval.backup").path
    add_problem(office, "县工信局", "门牌未更新")
    team(office, "小赵")
    before = _counts(office)

    with acting_as("小赵"), pytest.raises(AccessRefused, match="needs the admin role"):
        restore(office, saved, confirmed=True)

    assert _counts(office) == before
