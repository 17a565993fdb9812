"""Roster figures: the pilot's two rosters and the edges of every share and flag."""

from __future__ import annotations

import json
from datetime import date

import pytest

from orgeval_tui.analytics import ladders
from orgeval_tui.analytics.display import one_decimal, percent
from orgeval_tui.analytics.roster import Person, Quotas, roster_figures
from orgeval_tui.i18n import set_language

AS_OF = date(2020, 12, 31)


def person(
    name="某某",
    *,
    age: int | None = 40,
    gender="male",
    education=ladders.BACHELOR,
    rank=ladders.CLERK,
    section=None,
) -> Person:
    birth = date(AS_OF.year - age, 6, 30) if age is not None else None
    return Person(name, gender, birth, education, rank, section)


def federation_of_trade_unions() -> list[Person]:
    """县总工会: 7 on establishment, 1 woman, average age 52, all deputy-section or above."""
    ages = [56, 55, 54, 52, 50, 49, 48]  # 364 in all
    ranks = [ladders.COUNTY_LEVEL, ladders.SECTION_CHIEF] + [ladders.DEPUTY_SECTION] * 5
    return [
        person(f"工会{i}", age=age, gender="female" if i == 3 else "male", rank=rank)
        for i, (age, rank) in enumerate(zip(ages, ranks, strict=True))
    ]


def workers_cultural_palace() -> list[Person]:
    """县工人文化宫: 12 staff, average age 39.75 (shown 39.8), all junior college or above."""
    ages = [28, 30, 32, 34, 36, 38, 40, 42, 45, 48, 50, 54]  # 477 in all
    education = [ladders.JUNIOR_COLLEGE] * 5 + [ladders.BACHELOR] * 6 + [ladders.POSTGRADUATE]
    return [
        person(f"文化宫{i}", age=age, education=level, gender="female" if i % 2 else "male")
        for i, (age, level) in enumerate(zip(ages, education, strict=True))
    ]


def test_the_federation_of_trade_unions_is_ageing_and_leadership_heavy():
    figures = roster_figures(federation_of_trade_unions(), AS_OF, Quotas(admin=8, leaders=4))

    assert figures.headcount == 7
    assert figures.female == 1
    assert figures.female_share == 1 / 7
    assert figures.avg_age == 52.0
    assert one_decimal(figures.avg_age) == "52.0"
    assert figures.age_bands == {"under_35": 0, "35_44": 0, "45_54": 5, "55_plus": 2, "unknown": 0}
    assert figures.section_level_or_above == 7
    assert figures.section_level_or_above_share == 1.0
    assert figures.rank == {
        "county_level": 1,
        "section_chief": 1,
        "deputy_section": 5,
        "clerk": 0,
        "professional": 0,
        "worker": 0,
        "unknown": 0,
    }
    assert figures.rank_unknown == 0
    assert (figures.quota_total, figures.vacancies, figures.quota_usage) == (8, 1, 7 / 8)
    assert [(f.id, f.evidence) for f in figures.flags] == [
        ("ageing", "average age 52.0 ≥ 50; nobody under 35"),
        ("leadership_heavy", "7 of 7 at deputy-section level or above (100.00% ≥ 80.00%)"),
    ]


def test_flag_evidence_follows_the_language():
    set_language("zh")
    figures = roster_figures(federation_of_trade_unions(), AS_OF)

    assert [(f.title, f.evidence) for f in figures.flags] == [
        ("队伍老化", "平均年龄 52.0 岁 ≥ 50 岁；无 35 岁以下人员"),
        ("领导干部占比过高", "7 人中副科级以上 7 人（100.00% ≥ 80.00%）"),
    ]


def test_the_workers_cultural_palace_is_young_and_educated():
    figures = roster_figures(workers_cultural_palace(), AS_OF, Quotas(public=13, leaders=1))

    assert figures.headcount == 12
    assert figures.avg_age == 39.75
    assert one_decimal(figures.avg_age) == "39.8"
    assert figures.college_or_above_share == 1.0
    assert figures.bachelor_or_above == 7
    assert percent(figures.bachelor_or_above_share) == "58.33%"
    assert figures.education == {
        "postgraduate": 1,
        "bachelor": 6,
        "junior_college": 5,
        "secondary": 0,
        "below_secondary": 0,
        "unknown": 0,
    }
    assert figures.age_bands == {"under_35": 4, "35_44": 4, "45_54": 4, "55_plus": 0, "unknown": 0}
    assert figures.section_level_or_above_share == 0.0
    assert figures.vacancies == 1
    assert figures.flags == ()


def test_education_shares_are_over_the_known_with_the_unknown_beside():
    people = [
        person("甲", education=ladders.BACHELOR),
        person("乙", education=ladders.JUNIOR_COLLEGE),
        person("丙", education=ladders.SECONDARY),
        person("丁", education=None),
    ]

    figures = roster_figures(people, AS_OF)

    assert figures.college_or_above_share == 2 / 3
    assert figures.bachelor_or_above_share == 1 / 3
    assert figures.education["unknown"] == figures.education_unknown == 1


def test_nobody_with_a_known_rung_means_no_share_not_zero():
    people = [person(f"p{i}", rank=None, education=None) for i in range(6)]

    figures = roster_figures(people, AS_OF)

    assert figures.section_level_or_above_share is None
    assert figures.college_or_above_share is None
    assert figures.bachelor_or_above_share is None
    assert (figures.rank_unknown, figures.education_unknown) == (6, 6)
    document = figures.to_json()
    assert document["section_level_or_above_share"] is None
    assert document["rank_unknown"] == 6
    assert not any(f.id == "leadership_heavy" for f in figures.flags)


def test_unknown_gender_is_not_female_and_is_counted():
    people = [person("甲", gender="female"), person("乙", gender=None), person("丙")]

    figures = roster_figures(people, AS_OF)

    assert (figures.female, figures.gender_unknown, figures.female_share) == (1, 1, 1 / 3)


def test_an_empty_roster_has_no_shares_and_no_flags():
    figures = roster_figures([], AS_OF, Quotas(admin=5))

    assert figures.headcount == 0
    assert figures.female_share is None
    assert figures.avg_age is None
    assert figures.college_or_above_share is None
    assert figures.section_level_or_above_share is None
    assert (figures.quota_total, figures.quota_usage, figures.vacancies) == (5, 0.0, 5)
    assert figures.flags == ()


def test_quota_figures_need_quotas_and_a_non_zero_total():
    without = roster_figures([person()], AS_OF)
    zero = roster_figures([person()], AS_OF, Quotas())

    assert (without.quota_total, without.quota_usage, without.vacancies) == (None, None, None)
    assert (zero.quota_total, zero.quota_usage, zero.vacancies) == (0, None, -1)


def test_leadership_posts_are_not_part_of_the_quota_total():
    figures = roster_figures([person()], AS_OF, Quotas(admin=2, public=1, service=1, leaders=3))

    assert figures.quota_total == 4


def test_over_quota_is_flagged_with_the_excess():
    people = [person(f"p{i}", age=30) for i in range(9)]

    figures = roster_figures(people, AS_OF, Quotas(admin=8))

    assert figures.vacancies == -1
    assert [(f.id, f.evidence) for f in figures.flags] == [
        ("over_quota", "headcount 9 exceeds the quota of 8 by 1")
    ]


@pytest.mark.parametrize(
    ("ages", "evidence"),
    [
        ([30, 70], "average age 50.0 ≥ 50"),  # exactly 50 is ageing
        ([36, 40, 44], "nobody under 35"),
        ([35, 35], "nobody under 35"),
        ([30, 69], None),  # 49.5 with someone young
        ([34, 80, 80], "average age 64.7 ≥ 50"),
    ],
)
def test_ageing_says_which_sign_it_saw(ages, evidence):
    figures = roster_figures([person(f"p{i}", age=a) for i, a in enumerate(ages)], AS_OF)

    flagged = {f.id: f.evidence for f in figures.flags}
    assert flagged.get("ageing") == evidence


def test_nobody_under_35_says_when_some_ages_are_unknown():
    people = [person("甲", age=40), person("乙", age=45), person("丙", age=None)]

    figures = roster_figures(people, AS_OF)

    assert (figures.age_known, figures.avg_age) == (2, 42.5)
    assert figures.age_bands["unknown"] == 1
    assert [f.evidence for f in figures.flags] == [
        "nobody under 35 among the 2 of 3 with a known age"
    ]


def test_nobody_with_a_birth_date_means_no_average_and_no_ageing_flag():
    figures = roster_figures([person(age=None), person(age=None)], AS_OF)

    assert figures.avg_age is None
    assert figures.age_known == 0
    assert figures.flags == ()


@pytest.mark.parametrize(
    ("leaders", "headcount", "flagged"), [(4, 5, True), (3, 4, False), (8, 10, True), (7, 9, False)]
)
def test_leadership_heavy_starts_at_80_percent(leaders, headcount, flagged):
    people = [
        person(f"p{i}", age=30, rank=ladders.DEPUTY_SECTION if i < leaders else ladders.CLERK)
        for i in range(headcount)
    ]

    figures = roster_figures(people, AS_OF)

    assert any(f.id == "leadership_heavy" for f in figures.flags) is flagged


def test_rank_share_is_over_the_known_ranks():
    people = [
        person("甲", rank=ladders.DEPUTY_SECTION),
        person("乙", rank=ladders.CLERK),
        person("丙", rank=None),
    ]

    figures = roster_figures(people, AS_OF)

    assert figures.section_level_or_above_share == 0.5
    assert figures.rank["unknown"] == figures.rank_unknown == 1


def test_workers_and_professional_posts_are_known_ranks_below_deputy_section():
    people = [
        person("甲", rank=ladders.SECTION_CHIEF),
        person("乙", rank=ladders.PROFESSIONAL),
        person("丙", rank=ladders.WORKER),
        person("丁", rank=ladders.WORKER),
    ]

    figures = roster_figures(people, AS_OF)

    assert figures.section_level_or_above_share == 1 / 4
    assert (figures.rank["professional"], figures.rank["worker"], figures.rank_unknown) == (1, 2, 0)


def test_leadership_heavy_over_the_known_ranks_says_so():
    people = [person(f"p{i}", rank=ladders.DEPUTY_SECTION) for i in range(4)]
    people.append(person("乙", rank=None))

    figures = roster_figures(people, AS_OF)

    assert [(f.id, f.evidence) for f in figures.flags if f.id == "leadership_heavy"] == [
        (
            "leadership_heavy",
            "4 of the 4 of 5 with a known rank at deputy-section level or above (100.00% ≥ 80.00%)",
        )
    ]


def test_headcount_by_section_keeps_roster_order():
    people = [
        person("甲", section="办公室"),
        person("乙", section="业务科"),
        person("丙", section="办公室"),
        person("丁", section=None),
    ]

    figures = roster_figures(people, AS_OF)

    assert figures.by_section == (("办公室", 2), ("业务科", 1), (None, 1))
    assert figures.to_json()["by_section"][2] == {"section": None, "headcount": 1}


def test_no_sections_given_means_no_section_breakdown():
    assert roster_figures([person()], AS_OF).by_section == ()


@pytest.mark.parametrize(
    "bad",
    [
        {"gender": "女"},
        {"education": 9},
        {"rank": 7},
    ],
)
def test_values_off_the_ladders_are_refused(bad):
    with pytest.raises(ValueError):
        person(**bad)


def test_json_uses_domain_identifiers_and_iso_dates():
    figures = roster_figures(federation_of_trade_unions(), AS_OF, Quotas(admin=8))

    document = json.loads(json.dumps(figures.to_json(), ensure_ascii=False))

    assert document["as_of"] == "2020-12-31"
    assert document["female_share"] == 1 / 7
    assert document["avg_age"] == 52.0
    assert document["quota_usage"] == 7 / 8
    assert document["flags"][0]["id"] == "ageing"
    assert {
        "headcount",
        "female",
        "female_share",
        "avg_age",
        "age_bands",
        "college_or_above_share",
        "bachelor_or_above_share",
        "section_level_or_above_share",
        "quota_total",
        "quota_usage",
        "vacancies",
    } <= set(document)


def test_an_empty_roster_serialises_undefined_rates_as_null():
    document = json.loads(json.dumps(roster_figures([], AS_OF).to_json()))

    assert document["female_share"] is None
    assert document["avg_age"] is None
    assert document["quota_total"] is None
