"""The pilot demo dataset against an independent oracle.

Each figure of DOMAIN.md's table "Figures the pilot reports" is computed here from
``pilot_data()`` by a small function written straight from DOMAIN.md's definitions
(decimal, ROUND_HALF_UP for display), without using the generator's own constants.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from chinese_calendar import get_workdays

from orgeval_tui.analytics import ladders
from orgeval_tui.demo.pilot_data import PilotData, pilot_data
from orgeval_tui.services.ledger import lifecycle

ZGH, WHG, GXJ, QXJ = "县总工会", "县工人文化宫", "县工业和信息化局", "县气象局"
EVALUATED = (ZGH, GXJ, QXJ)
Y2020 = (date(2020, 1, 1), date(2020, 12, 31))
H1_2021 = (date(2021, 1, 1), date(2021, 6, 30))

# DOMAIN.md's ladders, restated from the words a roster shows.
EDUCATION = {
    "研究生": ladders.POSTGRADUATE,
    "博士研究生": ladders.POSTGRADUATE,
    "硕士研究生": ladders.POSTGRADUATE,
    "大学本科": ladders.BACHELOR,
    "大学专科": ladders.JUNIOR_COLLEGE,
    "大专": ladders.JUNIOR_COLLEGE,
    "中专": ladders.SECONDARY,
    "高中": ladders.SECONDARY,
    "初中": ladders.BELOW_SECONDARY,
}
RANK = {
    "正处级": ladders.COUNTY_LEVEL,
    "副处级": ladders.COUNTY_LEVEL,
    "一级调研员": ladders.COUNTY_LEVEL,
    "四级调研员": ladders.COUNTY_LEVEL,
    "正科级": ladders.SECTION_CHIEF,
    "一级主任科员": ladders.SECTION_CHIEF,
    "二级主任科员": ladders.SECTION_CHIEF,
    "副科级": ladders.DEPUTY_SECTION,
    "三级主任科员": ladders.DEPUTY_SECTION,
    "四级主任科员": ladders.DEPUTY_SECTION,
    "一级科员": ladders.CLERK,
    "二级科员": ladders.CLERK,
    "科员": ladders.CLERK,
    "办事员": ladders.CLERK,
}


@pytest.fixture(scope="module")
def data() -> PilotData:
    return pilot_data()


# ---- the oracle -------------------------------------------------------------------------


def pct(num, den) -> str:
    value = Decimal(num) * 100 / Decimal(den)
    return f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP)}%"


def one_decimal(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1"), ROUND_HALF_UP))


def exact(x: float) -> Decimal:
    return Decimal(x)  # binary floats convert exactly


def age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def avg_age(people, on) -> Decimal:
    return Decimal(sum(age(p["birth_date"], on) for p in people)) / len(people)


def in_period(day: date, period) -> bool:
    return period[0] <= day <= period[1]


def workdays(period) -> set[date]:
    return set(get_workdays(*period))


def duty_figures(data: PilotData, unit: str, period) -> dict:
    catalogue = {d["code"]: d for d in data.duties[unit]}
    log = [e for e in data.work_log[unit] if in_period(e["day"], period)]
    business = [e for e in log if catalogue[e["duty_code"]]["category"] == "business"]
    persons = len(data.staff[unit])
    days = workdays(period)
    pairs = {(e["person"], e["day"]) for e in log if e["day"] in days}
    hours = sum(exact(e["hours"]) for e in log)
    return {
        "defined": len(catalogue),
        "executed": len({e["duty_code"] for e in log}),
        "execution_rate": pct(len({e["duty_code"] for e in log}), len(catalogue)),
        "business_by_count": pct(sum(e["times"] for e in business), sum(e["times"] for e in log)),
        "business_by_hours": pct(sum(exact(e["hours"]) for e in business), hours),
        "fill_rate": pct(len(pairs), persons * len(days)),
        "workload_ratio": pct(hours, persons * len(days) * 8),
    }


def case_counts(data: PilotData, period) -> Counter:
    return Counter(c["unit_name"] for c in data.cases if in_period(c["received_at"].date(), period))


def unit_cases(data: PilotData, unit: str, period) -> list[dict]:
    return [
        c
        for c in data.cases
        if c["unit_name"] == unit and in_period(c["received_at"].date(), period)
    ]


def on_time_rate(cases) -> str:
    closed = [c for c in cases if c["closed_at"] is not None]
    return pct(sum(c["closed_at"] <= c["deadline_at"] for c in closed), len(closed))


def satisfaction_rate(cases) -> str:
    rated = [c for c in cases if c["rating"] is not None]
    good = [c for c in rated if c["rating"] in ("satisfied", "basically_satisfied")]
    return pct(len(good), len(rated))


def peer_score(data: PilotData, unit: str) -> str:
    maximum = sum(Decimal(m) for _n, _t, m in data.peer_survey["items"])
    responses = [r for r in data.peer_survey["responses"] if r["unit"] == unit]
    scaled = [sum(exact(s) for s in r["scores"]) / maximum * 100 for r in responses]
    mean = sum(scaled) / len(scaled)
    return str(mean.quantize(Decimal("0.01"), ROUND_HALF_UP))


# ---- the figures of the pilot --------------------------------------------------------------


def test_zonggonghui_roster(data):
    people = data.staff[ZGH]
    ref = data.evaluation["reference_date"]
    assert ref == date(2021, 6, 30)
    assert len(people) == 7
    assert sum(p["gender"] == "female" for p in people) == 1
    assert one_decimal(avg_age(people, ref)) == "52.0"
    deputy_or_above = [p for p in people if (p["rank_level"] or 0) >= ladders.DEPUTY_SECTION]
    assert pct(len(deputy_or_above), len(people)) == "100.00%"
    # ageing: nobody under 35
    assert min(age(p["birth_date"], ref) for p in people) >= 35


def test_wenhuagong_roster(data):
    people = data.staff[WHG]
    ref = data.evaluation["reference_date"]
    assert len(people) == 12
    assert one_decimal(avg_age(people, ref)) == "39.8"
    college = [p for p in people if p["education_level"] >= ladders.JUNIOR_COLLEGE]
    assert pct(len(college), len(people)) == "100.00%"
    units = {u["name"]: u for u in data.units}
    assert units[WHG]["parent"] == ZGH and units[WHG]["kind"] == "institution"


def test_gongxinju_duty_figures_2020(data):
    assert len(workdays(Y2020)) == 249
    figures = duty_figures(data, GXJ, Y2020)
    assert figures == {
        "defined": 132,
        "executed": 94,
        "execution_rate": "71.21%",
        "business_by_count": "77.78%",
        "business_by_hours": "76.18%",
        "fill_rate": "82.67%",
        "workload_ratio": "78.94%",
    }


@pytest.mark.parametrize(("period", "expected"), [(Y2020, 110), (H1_2021, 44)])
def test_gongxinju_hotline(data, period, expected):
    cases = unit_cases(data, GXJ, period)
    assert len(cases) == expected
    assert all(c["channel"] == "hotline" for c in cases)
    assert all(c["closed_at"] is not None for c in cases)
    assert on_time_rate(cases) == "100.00%"
    assert all(c["rating"] in ("satisfied", "basically_satisfied") for c in cases)
    assert satisfaction_rate(cases) == "100.00%"
    counts = case_counts(data, period)
    county_average = Decimal(sum(counts.values())) / len(counts)
    assert expected > county_average
    assert len(counts) > 30  # many units in the export


def test_peer_survey(data):
    departments = [u["name"] for u in data.units if not u["evaluated"] and u["name"] != WHG]
    assert len(departments) == 50
    responses = data.peer_survey["responses"]
    assert len(responses) >= 1000
    assert {r["respondent"] for r in responses} == set(departments)
    assert sum(m for _n, _t, m in data.peer_survey["items"]) == 100
    for unit in EVALUATED:
        mine = [r for r in responses if r["unit"] == unit]
        assert len({r["respondent"] for r in mine}) == 50
    assert peer_score(data, ZGH) == "99.70"
    assert peer_score(data, GXJ) == "99.28"
    assert peer_score(data, QXJ) == "99.20"
    assert {r["unit"] for r in responses} == set(EVALUATED)


def test_staff_survey(data):
    survey = data.staff_survey
    assert len(survey["items"]) == 25
    assert [n for n, _t, _m in survey["items"]] == list(range(1, 26))
    assert all(m == 5 for _n, _t, m in survey["items"])
    roster_size = sum(len(data.staff[u]) for u in (ZGH, WHG, GXJ, QXJ))
    responses = survey["responses"]
    assert roster_size - 3 <= len(responses) <= roster_size
    for r in responses:
        assert r["unit"] in (ZGH, WHG, GXJ, QXJ)
        assert r["respondent"] is None or r["respondent"] in data.sections[r["unit"]]
        assert len(r["scores"]) == 25
        assert all(isinstance(s, int) and 1 <= s <= 5 for s in r["scores"])


def test_ten_problems_fed_back(data):
    problems = data.problems
    assert len(problems) == 10
    assert {p.unit for p in problems} == set(EVALUATED)
    for p in problems:
        feedback = p.steps[0]
        assert feedback.action == "feedback"
        assert feedback.values["on"].strftime("%Y-%m") == "2021-07"


# ---- consistency ------------------------------------------------------------------------


def test_units(data):
    names = [u["name"] for u in data.units]
    assert len(names) == len(set(names)) == 54
    shorts = [u["short_name"] for u in data.units]
    assert len(shorts) == len(set(shorts))
    assert {u["name"] for u in data.units if u["evaluated"]} == set(EVALUATED)
    for u in data.units:
        assert u["kind"] in ("department", "institution", "township", "other")
        assert u["parent"] is None or u["parent"] in names
        assert min(u[k] for k in ("quota_admin", "quota_public", "quota_service")) >= 0
    kinds = Counter(u["kind"] for u in data.units if not u["evaluated"])
    assert kinds["township"] >= 15
    quotas = {u["name"]: u for u in data.units}
    for unit in (ZGH, WHG, GXJ, QXJ):
        q = quotas[unit]
        assert len(data.staff[unit]) <= q["quota_admin"] + q["quota_public"] + q["quota_service"]


def test_roster_words_match_levels(data):
    for unit, people in data.staff.items():
        assert people, unit
        names = [p["name"] for p in people]
        assert len(names) == len(set(names))
        for p in people:
            assert p["gender"] in ("male", "female")
            assert EDUCATION[p["education"]] == p["education_level"]
            if p["rank"] is None:  # a service post (工勤) has no civil-service rank
                assert p["establishment_kind"] == "工勤编制" and p["rank_level"] is None
            else:
                assert RANK[p["rank"]] == p["rank_level"]
            assert p["establishment_kind"] in ("行政编制", "事业编制", "工勤编制")
            assert p["section"] is None or p["section"] in data.sections[unit]
            assert 18 <= age(p["birth_date"], data.evaluation["reference_date"]) < 60


def test_work_log_is_consistent(data):
    roster = {p["name"]: p for p in data.staff[GXJ]}
    catalogue = {d["code"]: d for d in data.duties[GXJ]}
    assert all(d["section"] in data.sections[GXJ] for d in catalogue.values())
    assert {d["category"] for d in catalogue.values()} == {"business", "general", "other"}
    per_day = Counter()
    own_section = 0
    log = data.work_log[GXJ]
    for e in log:
        assert e["person"] in roster
        assert e["section"] == roster[e["person"]]["section"]
        assert e["duty_code"] in catalogue
        assert isinstance(e["times"], int) and e["times"] >= 1
        assert 0.5 <= e["hours"] <= 8
        assert round(e["hours"], 2) == e["hours"]
        per_day[e["person"], e["day"]] += 1
        own_section += catalogue[e["duty_code"]]["section"] == e["section"]
    assert max(per_day.values()) <= 3
    staff_entries = [e for e in log if e["section"] is not None]
    assert own_section / len(staff_entries) > 0.8
    log_2020 = [e for e in log if in_period(e["day"], Y2020)]
    days_2020 = workdays(Y2020)
    weekend = [e for e in log_2020 if e["day"] not in days_2020]
    assert 0 < len(weekend) < len(log_2020) * 0.02
    months = Counter(e["day"].month for e in log_2020)
    assert len(months) == 12 and min(months.values()) > 300
    everybody = {e["person"] for e in log_2020}
    assert everybody == set(roster)


def test_cases_are_consistent(data):
    numbers = [(c["channel"], c["case_no"]) for c in data.cases]
    assert len(numbers) == len(set(numbers))
    units = {u["name"] for u in data.units}
    late = unrated = unsatisfied = 0
    for c in data.cases:
        assert c["channel"] == "hotline"
        assert re.fullmatch(r"20(20|21)\d{9}", c["case_no"])
        assert c["case_no"][:8] == c["received_at"].strftime("%Y%m%d")
        assert c["unit_name"] in units
        assert c["received_at"].tzinfo is None
        assert c["deadline_at"] - c["received_at"] < timedelta(days=30)
        assert c["deadline_at"] > c["received_at"]
        if c["closed_at"] is None:
            assert c["rating"] is None
        else:
            assert c["closed_at"] > c["received_at"]
            late += c["closed_at"] > c["deadline_at"]
        assert c["rating"] in ("satisfied", "basically_satisfied", "unsatisfied", None)
        unrated += c["rating"] is None
        unsatisfied += c["rating"] == "unsatisfied"
    assert late and unrated and unsatisfied


def test_peer_scores_in_range(data):
    maxima = [m for _n, _t, m in data.peer_survey["items"]]
    codes = [r["code"] for r in data.peer_survey["responses"]]
    assert len(codes) == len(set(codes))
    for r in data.peer_survey["responses"]:
        assert len(r["scores"]) == len(maxima)
        assert all(0 <= s <= m for s, m in zip(r["scores"], maxima, strict=True))


def test_onsite(data):
    kinds = {"briefing", "archive", "site", "callback", "interview"}
    for unit in EVALUATED:
        mine = [a for a in data.onsite if a.unit == unit]
        assert {a.kind for a in mine} == kinds
        assert all(a.held_on.strftime("%Y-%m") == "2021-07" for a in mine)
    for a in data.onsite:
        assert a.notes and a.evaluators and a.people_met and a.place
        assert all(f.severity in ("high", "medium", "low") and f.text for f in a.findings)
    assert sum(len(a.findings) for a in data.onsite) >= 10


def test_onsite_findings_name_problems_of_their_unit(data):
    titles = {(p.unit, p.finding["title"]) for p in data.problems}
    became = [(a.unit, f.problem) for a in data.onsite for f in a.findings if f.problem]
    assert len(became) >= 8
    assert set(became) <= titles


SHANGHAI_OFFSET = timedelta(hours=8)


def test_problem_lives_take_steps_the_lifecycle_allows(data):
    """Each life, step by step, is one the ledger's lifecycle table allows; the service
    that replays it (tests/demo/test_pilot_ledger.py) refuses anything else."""
    finals = Counter()
    for p in data.problems:
        assert p.finding["source"] in ("self", "peer", "onsite", "roster", "duties", "cases")
        assert p.finding["severity"] in ("high", "medium", "low")
        assert all(p.finding[k] for k in ("title", "description", "recommendation", "category"))
        assert p.recorded_at.utcoffset() == SHANGHAI_OFFSET
        status, at = "identified", p.recorded_at
        for step in p.steps:
            assert step.action in lifecycle.ALLOWED[status], (p.finding["title"], step.action)
            assert step.at > at and step.at.utcoffset() == SHANGHAI_OFFSET
            assert step.actor
            status, at = lifecycle.STEPS[step.action].target or status, step.at
        finals[status] += 1
    assert finals["closed"] >= 6
    assert 1 <= finals["reported"] + finals["rectifying"] <= 2
    actions = [[s.action for s in p.steps] for p in data.problems]
    assert sum(a.count("extend") for a in actions) == 1
    reopened = [a for a in actions if "reopen" in a]
    assert len(reopened) == 1
    assert reopened[0][reopened[0].index("reopen") + 1 :] == ["report", "verify"]


# ---- hygiene -------------------------------------------------------------------------------


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)
    elif dataclasses.is_dataclass(value):
        yield from _strings(dataclasses.asdict(value))


def test_no_identity_numbers(data):
    identity = re.compile(r"\d{17}[\dXx]|\d{15}")
    for field in PilotData.__dataclass_fields__:
        for text in _strings(getattr(data, field)):
            assert not identity.search(text), text
            assert "身份证" not in text
    for people in data.staff.values():
        for p in people:
            assert not any("id" in key.lower() for key in p)


def test_deterministic(data):
    assert pilot_data() == data


def test_evaluation(data):
    ev = data.evaluation
    assert "机构编制执行情况和使用效益评估" in ev["name"]
    assert ev["number_prefix"] == "2021"
    assert [(label, start, end) for label, start, end in ev["periods"]] == [
        ("2020年度", *Y2020),
        ("2021年上半年", *H1_2021),
    ]
    assert isinstance(ev["reference_date"], date) and not isinstance(ev["reference_date"], datetime)


def test_every_unit_with_data_is_known(data):
    units = {u["name"] for u in data.units}
    assert set(data.staff) <= units and set(data.sections) <= units
    assert set(data.duties) <= units and set(data.work_log) <= units
    assert {a.unit for a in data.onsite} <= units
    per_unit = defaultdict(list)
    for p in data.problems:
        per_unit[p.unit].append(p.finding["title"])
    assert all(per_unit[u] for u in EVALUATED)
