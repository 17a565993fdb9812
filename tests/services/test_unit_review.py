"""The 评议 tab's view of a unit (services/review.py): the self-evaluation report, the
staff questionnaire item by item, and the peer evaluation with its departments, bands and
flagged raters, all kept to the current evaluation."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from orgeval_tui.models import Survey, SurveyAnswer, SurveyItem, SurveyResponse, Unit
from orgeval_tui.services.evaluation_setup import edit_evaluation
from orgeval_tui.services.evaluations import Period, create_evaluation
from orgeval_tui.services.intake.self_report import import_self_report
from orgeval_tui.services.review import unit_review
from orgeval_tui.services.units import add_unit
from tests.office import build_office

GXJ, QXJ = "县工业和信息化局", "县气象局"


@pytest.fixture
def office(database):
    build_office(database)
    for name in ("县审计局", "县纪委监委", "沂城街道", "龙家圈街道"):
        add_unit(database, name)
    edit_evaluation(database, add_units=[GXJ, QXJ])
    return database


def _ids(database) -> dict[str, int]:
    with database.read() as session:
        return dict(session.execute(select(Unit.name, Unit.id)).all())


def _evaluation_id(database) -> int:
    from orgeval_tui.services.evaluations import current_evaluation_id

    with database.read() as session:
        return current_evaluation_id(session)


def _peer(database, responses, evaluation_id=None):
    """``responses``: (respondent, unit, [scores of three items out of 10, 10, 80])."""
    ids = _ids(database)
    evaluation_id = evaluation_id or _evaluation_id(database)
    with database.write() as session:
        survey = Survey(evaluation_id=evaluation_id, kind="peer", title=f"互评{evaluation_id}")
        session.add(survey)
        session.flush()
        items = [SurveyItem(survey_id=survey.id, number=n, text=f"第{n}题", max_score=m)
                 for n, m in ((1, 10), (2, 10), (3, 80))]  # fmt: skip
        session.add_all(items)
        session.flush()
        for index, (respondent, unit, scores) in enumerate(responses):
            response = SurveyResponse(survey_id=survey.id, unit_id=ids[unit],
                                      code=f"HP{index}", respondent=respondent)  # fmt: skip
            session.add(response)
            session.flush()
            session.add_all(
                SurveyAnswer(response_id=response.id, item_id=item.id, score=score)
                for item, score in zip(items, scores, strict=True)
            )


def _staff(database, unit, answers):
    ids = _ids(database)
    with database.write() as session:
        survey = Survey(evaluation_id=_evaluation_id(database), kind="staff", title="职工问卷")
        session.add(survey)
        session.flush()
        items = [
            SurveyItem(survey_id=survey.id, number=number, text=text, max_score=5)
            for number, text in ((1, "职责清晰"), (2, "工作量饱满"))
        ]
        session.add_all(items)
        session.flush()
        for index, scores in enumerate(answers):
            response = SurveyResponse(survey_id=survey.id, unit_id=ids[unit], code=f"ZP{index}")
            session.add(response)
            session.flush()
            session.add_all(
                SurveyAnswer(response_id=response.id, item_id=item.id, score=score)
                for item, score in zip(items, scores, strict=True)
                if score is not None
            )


PEER = [
    ("县审计局", GXJ, [10, 10, 80]),  # 100
    ("县审计局", QXJ, [10, 10, 80]),  # 100: every unit the same
    ("县纪委监委", GXJ, [9, 9, 80]),  # 98
    ("县纪委监委", QXJ, [8, 10, 70]),  # 88
    ("沂城街道", GXJ, [10, 9, 79]),  # 98
    ("沂城街道", GXJ, [9, 10, 77]),  # 96
    ("龙家圈街道", GXJ, [6, 6, 50]),  # 62: 35 below the others' 97.67
    ("龙家圈街道", QXJ, [10, 10, 78]),  # 98
    ("县财政局", QXJ, [5, 5, 45]),  # 55: asked (it answered for 气象局), not for 工信局
]


def test_the_peer_evaluation_of_a_unit_with_its_departments_bands_and_flags(office):
    _peer(office, PEER)

    peer = unit_review(office, _ids(office)[GXJ]).peer

    # (100 + 98 + 98 + 96 + 62) / 5 = 90.8
    assert peer.figures.peer_score == 90.8
    assert (peer.figures.peer_responses, peer.figures.peer_departments) == (5, 4)
    assert peer.departments.asked == (
        "县审计局",
        "县纪委监委",
        "沂城街道",
        "龙家圈街道",
        "县财政局",
    )
    assert peer.departments.missing == ("县财政局",)
    assert [(b.label, b.count) for b in peer.bands] == [
        ("<60", 0), ("60–69", 1), ("70–79", 0), ("80–89", 0), ("90–100", 4),
    ]  # fmt: skip
    assert [(f.department, f.rule, f.score) for f in peer.flags] == [
        ("县审计局", "same", 100.0),
        ("龙家圈街道", "far", 62.0),
    ]
    far = peer.flags[1]
    assert far.others_mean == pytest.approx((100 + 98 + 97) / 3)
    assert far.gap == pytest.approx(62 - (100 + 98 + 97) / 3)


def test_another_evaluations_questionnaires_are_not_counted(office):
    _peer(office, PEER)
    create_evaluation(office, "2022年度评估", date(2022, 6, 30), number_prefix="2022",
                      periods=[Period("2022年度", date(2022, 1, 1), date(2022, 12, 31))],
                      units=[GXJ])  # fmt: skip
    _peer(office, [("县审计局", GXJ, [5, 5, 40])])

    peer = unit_review(office, _ids(office)[GXJ]).peer

    assert (peer.figures.peer_score, peer.figures.peer_responses) == (50.0, 1)
    assert peer.departments.asked == ("县审计局",) and peer.flags == ()


def test_the_staff_questionnaire_item_by_item(office):
    _staff(office, GXJ, [(5, 4), (4, None), (3, 2)])

    review = unit_review(office, _ids(office)[GXJ])

    assert review.staff.staff_responses == 3
    assert [(i.number, i.text, i.answers, i.mean, i.satisfaction) for i in review.staff_items] == [
        (1, "职责清晰", 3, 4.0, 80.0),
        (2, "工作量饱满", 2, 3.0, 60.0),
    ]
    assert review.peer is None


def test_the_self_evaluation_report_and_no_questionnaires(office, tmp_path):
    path = tmp_path / "自评报告.txt"
    path.write_text("工信局自评\n附件：\n1. 三定规定\n", encoding="utf-8")
    import_self_report(office, path, "县工信局")

    review = unit_review(office, _ids(office)[GXJ])

    report = review.self_report
    assert (report.file, report.text, report.evidence) == (
        "自评报告.txt", "工信局自评\n附件：\n1. 三定规定", ("三定规定",),
    )  # fmt: skip
    assert report.characters == 14
    assert review.staff is None and review.staff_items == () and review.peer is None
    assert unit_review(office, _ids(office)[QXJ]).self_report is None
