"""Many problems at once (all or none, an event for each), and the list's filters and
orders that the ledger screen offers."""

from __future__ import annotations

from datetime import date

import pytest

from orgeval_tui.domain.errors import ConflictError, UserError
from orgeval_tui.services import ledger
from tests.office import add_problem

TODAY = date(2021, 9, 1)


def _problems(office):
    """Four problems: two fed back and planned, one fed back, one only identified."""
    added = [
        add_problem(office, "县工信局", "科室挂牌不规范", source="onsite", category="机构设置"),
        add_problem(office, "总工会", "编制使用不足", source="roster", severity="high"),
        add_problem(office, "气象局", "职责履行率偏低", source="duties", category="职责履行"),
        add_problem(office, "县工信局", "人员年龄老化", source="roster", severity="low"),
    ]
    numbers = [p.number for p in added]
    ledger.apply(office, "feedback", [(n, None) for n in numbers[:3]], on=date(2021, 7, 1))
    ledger.plan(office, numbers[0], "更换标牌", "办公室主任", date(2021, 10, 1), past_deadline=True)
    ledger.plan(office, numbers[1], "补充人员", "人事股长", date(2021, 8, 1), past_deadline=True)
    return numbers


def test_a_bulk_transition_moves_each_problem_and_logs_an_event_for_each(office):
    numbers = _problems(office)

    views = ledger.apply(
        office,
        "extend",
        [(numbers[0], None), (numbers[1], None)],
        deadline=date(2021, 12, 31),
        reason="上级部门统一调整",
        past_deadline=True,
    )

    assert [v.deadline for v in views] == [date(2021, 12, 31)] * 2
    for number, old in ((numbers[0], "2021-10-01"), (numbers[1], "2021-08-01")):
        detail = ledger.show(office, number)
        last = detail.events[-1]
        assert (last.action, last.reason) == ("extend", "上级部门统一调整")
        assert last.detail == {"deadline": "2021-12-31", "old_deadline": old}


def test_one_problem_that_refuses_stops_the_whole_batch(office):
    numbers = _problems(office)

    with pytest.raises(UserError) as refused:
        ledger.apply(office, "verify", [(numbers[0], None), (numbers[3], None)], note="已整改到位")

    assert numbers[0] in str(refused.value)  # rectifying: it must report first
    assert [ledger.show(office, n).problem.status for n in numbers] == [
        "rectifying",
        "rectifying",
        "fed_back",
        "identified",
    ]
    assert [e.action for e in ledger.show(office, numbers[0]).events][-1] == "plan"


def test_a_stale_version_in_a_batch_is_a_conflict_and_changes_nothing(office):
    numbers = _problems(office)
    seen = ledger.show(office, numbers[2]).problem.version
    ledger.withdraw(office, numbers[2], "重复登记")

    with pytest.raises(ConflictError):
        ledger.apply(
            office,
            "withdraw",
            [(numbers[3], None), (numbers[2], seen)],
            reason="误登记",
        )

    assert ledger.show(office, numbers[3]).problem.status == "identified"


def test_filters_by_source_category_and_severity_in_either_language(office):
    numbers = _problems(office)

    def listed(**filters):
        return [p.number for p in ledger.list_problems(office, today=TODAY, **filters)]

    assert listed(source="roster") == [numbers[1], numbers[3]]
    assert listed(source="人员名册") == [numbers[1], numbers[3]]
    assert listed(category="职责履行") == [numbers[2]]
    assert listed(severity="高") == [numbers[1]]
    assert ledger.count_problems(office, source="roster", severity="low", today=TODAY) == 1
    with pytest.raises(UserError, match="unknown source"):
        listed(source="hearsay")


def test_orders_by_deadline_unit_status_and_severity(office):
    numbers = _problems(office)

    def order(key, descending=False):
        problems = ledger.list_problems(office, order=key, descending=descending, today=TODAY)
        return [p.number for p in problems]

    # Deadlines first, earliest first; problems without one after them.
    assert order("deadline") == [numbers[1], numbers[0], numbers[2], numbers[3]]
    assert order("status") == [numbers[3], numbers[2], numbers[0], numbers[1]]
    assert order("severity") == [numbers[1], numbers[0], numbers[2], numbers[3]]
    assert order("recorded", descending=True) == numbers[::-1]
    assert ledger.categories(office) == ["机构设置", "职责履行"]


@pytest.mark.parametrize("key", ["deadline", "unit", "status", "severity"])
def test_sorted_pages_put_together_are_the_sorted_list(office, key):
    _problems(office)
    _problems(office)

    def page(offset, descending):
        return [
            p.number
            for p in ledger.list_problems(
                office, order=key, descending=descending, limit=3, offset=offset, today=TODAY
            )
        ]

    for descending in (False, True):
        whole = [
            p.number
            for p in ledger.list_problems(office, order=key, descending=descending, today=TODAY)
        ]
        assert page(0, descending) + page(3, descending) + page(6, descending) == whole
        assert len(whole) == 8
