"""The on-site evaluation's core (services/fieldwork), on every backend: activities and
their scope, drafts kept off the version and the audit trail, notes saved against a
version, answers per outline question, outlines, files, findings on rubric leaves and
findings sent to the ledger (linked both ways, both or neither)."""

from __future__ import annotations

import hashlib
import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from orgeval_tui.domain.errors import ConflictError, NotFound, UserError
from orgeval_tui.models import ActivityFile, AuditEvent, Finding, OnsiteActivity, Problem
from orgeval_tui.services import fieldwork, ledger
from orgeval_tui.services.fieldwork import attach_files, record_finding
from orgeval_tui.services.fieldwork import findings as findings_module
from orgeval_tui.storage.database import Database
from tests.office import add_evaluation

DAY = date(2021, 7, 2)


def _count(database, model) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def _trail(database, entity="onsite_activity"):
    with database.read() as session:
        return session.scalars(
            select(AuditEvent.field).where(AuditEvent.entity == entity).order_by(AuditEvent.id)
        ).all()


def _interview(database, unit="县工信局", **values):
    return fieldwork.add_activity(database, unit, "interview", DAY, **values)


# Activities.


def test_an_activity_is_recorded_with_its_particulars(office, actor):
    actor("王评估")

    added = fieldwork.add_activity(
        office,
        "县工信局",
        "个别访谈",
        DAY,
        place="局会议室",
        people_met=("科室负责人", "科员：张三"),
        notes="谈话记录",
    )

    detail = fieldwork.activity_detail(office, added.id)
    assert (detail.unit, detail.kind, detail.held_on) == ("县工业和信息化局", "interview", DAY)
    assert detail.place == "局会议室" and detail.notes == "谈话记录"
    assert detail.evaluators == "王评估" and detail.created_by == "王评估"
    assert [(p.role, p.name) for p in detail.people_met] == [("科室负责人", None), ("科员", "张三")]
    assert detail.outline == fieldwork.default_outlines()["interview"]
    assert detail.version == 1 and detail.draft is None


@pytest.mark.parametrize(
    ("unit", "kind", "refusal"),
    [
        ("县工信局", "chat", "unknown kind of activity 'chat'"),
        ("县不存在局", "site", "县不存在局"),
    ],
    ids=["unknown-kind", "unknown-unit"],
)
def test_an_unknown_kind_or_unit_is_refused_and_nothing_recorded(office, unit, kind, refusal):
    with pytest.raises(UserError, match=refusal):
        fieldwork.add_activity(office, unit, kind, DAY)

    assert _count(office, OnsiteActivity) == 0


def test_activities_are_listed_per_unit_and_evaluation_by_date(office):
    late = fieldwork.add_activity(office, "县工信局", "site", date(2021, 7, 5))
    early = fieldwork.add_activity(office, "县工信局", "briefing", date(2021, 7, 1))
    other = fieldwork.add_activity(office, "总工会", "archive", date(2021, 7, 3))
    add_evaluation(office, "2022年度评估", prefix="2022", reference=date(2022, 6, 30))
    next_year = fieldwork.add_activity(office, "县工信局", "callback", date(2022, 7, 1))

    current = fieldwork.list_activities(office)
    of_2021 = fieldwork.list_activities(office, evaluation="2021年度评估")
    one_unit = fieldwork.list_activities(office, "县工信局", evaluation="2021年度评估")

    assert [row.id for row in current] == [next_year.id]
    assert [row.id for row in of_2021] == [early.id, other.id, late.id]
    assert [row.id for row in one_unit] == [early.id, late.id]
    assert one_unit[0].to_json()["kind"] == "briefing"


# Drafts and notes.


def test_a_draft_keeps_the_version_and_stays_off_the_audit_trail(office):
    added = _interview(office, notes="初稿")
    trail = _trail(office)

    fieldwork.save_draft(office, added.id, "初稿\n【岗位职责是否清晰】\n清晰")

    detail = fieldwork.activity_detail(office, added.id)
    assert detail.draft == "初稿\n【岗位职责是否清晰】\n清晰" and detail.notes == "初稿"
    assert detail.version == added.version
    assert _trail(office) == trail
    assert fieldwork.list_activities(office)[0].has_draft is True


def test_saving_notes_is_audited_and_clears_the_draft(office):
    added = _interview(office)
    fieldwork.save_draft(office, added.id, "正在输入")

    saved = fieldwork.save_notes(office, added.id, "正式记录", expected_version=added.version)

    assert saved.notes == "正式记录" and saved.draft is None
    assert saved.version == added.version + 1
    assert "notes" in _trail(office)


def test_a_save_made_meanwhile_refuses_mine_and_keeps_my_draft(office):
    added = _interview(office)
    fieldwork.save_notes(office, added.id, "他人保存的记录", expected_version=added.version)
    fieldwork.save_draft(office, added.id, "我输入的记录")

    with pytest.raises(ConflictError, match=f"activity {added.id} was saved meanwhile"):
        fieldwork.save_notes(office, added.id, "我输入的记录", expected_version=added.version)

    detail = fieldwork.activity_detail(office, added.id)
    assert detail.notes == "他人保存的记录"
    assert detail.draft == "我输入的记录"


def test_answers_are_kept_per_outline_question(office):
    notes = "\n".join(
        [
            "开场说明",
            "【岗位职责是否清晰】",
            "基本清晰",
            "个别岗位交叉",
            "2. 工作量是否饱和：",
            "饱和",
            "【内设机构运行】",
            "",
        ]
    )

    detail = _interview(office, notes=notes)

    assert detail.answers == {
        "岗位职责是否清晰": "基本清晰\n个别岗位交叉",
        "工作量是否饱和": "饱和",
    }
    assert detail.to_json()["answers"] == detail.answers
    assert fieldwork.heading("内设机构运行") == "【内设机构运行】"


# Outlines.


def test_an_outline_is_set_per_evaluation_and_restored_when_emptied(office):
    added = _interview(office)

    fieldwork.set_outline(office, "个别访谈", ["  分工是否明确 ", "", "加班情况", "分工是否明确"])

    assert fieldwork.outline(office, "interview") == ("分工是否明确", "加班情况")
    assert fieldwork.activity_detail(office, added.id).outline == ("分工是否明确", "加班情况")
    assert fieldwork.outline(office, "meeting") == fieldwork.default_outlines()["meeting"]
    add_evaluation(office, "2022年度评估", prefix="2022", reference=date(2022, 6, 30))
    assert fieldwork.outline(office, "interview") == fieldwork.default_outlines()["interview"]

    restored = fieldwork.set_outline(office, "interview", [], evaluation="2021年度评估")

    assert restored == fieldwork.default_outlines()["interview"]
    assert fieldwork.outline(office, "interview", evaluation="2021年度评估") == restored


# Files.


def test_a_file_is_recorded_by_path_and_hash_and_stays_where_it_is(office, tmp_path):
    photo = tmp_path / "挂牌照片.jpg"
    photo.write_bytes(b"\xff\xd8 photo of the signs")
    added = _interview(office)

    attached = fieldwork.attach_file(office, added.id, photo)

    assert attached.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert attached.path == str(photo.resolve()) and attached.size == photo.stat().st_size
    assert photo.exists()
    assert fieldwork.activity_detail(office, added.id).files == (attached,)


def test_files_are_attached_all_or_none(office, tmp_path):
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"photo")
    added = _interview(office)

    with pytest.raises(UserError, match="缺失.jpg"):
        attach_files(office, added.id, [photo, tmp_path / "缺失.jpg"])

    assert _count(office, ActivityFile) == 0
    both = attach_files(office, added.id, [photo, photo])
    assert [f.sha256 for f in both] == [hashlib.sha256(b"photo").hexdigest()] * 2


# Findings.


def test_a_finding_bears_on_leaves_of_the_rubric_and_others_are_refused(office):
    added = _interview(office)

    finding = fieldwork.add_finding(
        office, added.id, "挂牌不规范", severity="高", indicators=["a1.2"]
    )
    with pytest.raises(UserError, match="no leaf Z9.9"):
        fieldwork.add_finding(office, added.id, "另一条", indicators=["A1.2", "z9.9"])

    assert finding.indicators == ("A1.2",) and finding.severity == "high"
    assert _count(office, Finding) == 1
    with office.read() as session:
        unit_id = fieldwork.activity_detail(office, added.id).unit_id
        by_leaf = fieldwork.findings_by_leaf(session, added.evaluation_id, unit_id)
    assert [f.id for f in by_leaf["A1.2"]] == [finding.id]


def test_a_finding_goes_to_the_ledger_linked_both_ways_once(office):
    added = _interview(office)
    finding = fieldwork.add_finding(
        office, added.id, "两处挂牌名称与三定规定不符。需整改", severity="high"
    )

    sent = fieldwork.finding_to_ledger(office, finding.id, category="机构挂牌")

    assert sent.problem_number == "2021-001" and sent.problem_status == "identified"
    shown = ledger.show(office, "2021-001")
    assert shown.problem.title == "两处挂牌名称与三定规定不符"
    assert shown.problem.description == "两处挂牌名称与三定规定不符。需整改"
    assert (shown.problem.source, shown.problem.severity) == ("onsite", "high")
    assert [f.id for f in shown.findings] == [finding.id]
    assert shown.to_json()["findings"][0]["number"] == "2021-001"
    with pytest.raises(
        UserError, match=f"finding {finding.id} is already in the ledger as 2021-001"
    ):
        fieldwork.finding_to_ledger(office, finding.id)
    assert _count(office, Problem) == 1


def test_a_link_that_fails_leaves_no_problem_behind(office, monkeypatch):
    """Two evaluators send the same finding at once: the second one saw it unlinked, but
    by the time it links, the first has; its problem is not recorded either."""
    added = _interview(office)
    finding = fieldwork.add_finding(office, added.id, "人员在岗率低")
    unlinked = fieldwork.activity_detail(office, added.id).findings[0]
    fieldwork.finding_to_ledger(office, finding.id)
    real = findings_module.finding_view
    seen = []

    def stale_once(session, finding_id):
        seen.append(finding_id)
        return unlinked if len(seen) == 1 else real(session, finding_id)

    monkeypatch.setattr(findings_module, "finding_view", stale_once)

    with pytest.raises(UserError, match="already in the ledger"):
        fieldwork.finding_to_ledger(office, finding.id)

    assert _count(office, Problem) == 1
    assert [p.number for p in ledger.list_problems(office)] == ["2021-001"]


def test_a_finding_recorded_into_the_ledger_is_both_or_neither(office):
    added = _interview(office)

    with pytest.raises(UserError, match="category"):
        record_finding(office, added.id, "编制使用不规范", to_ledger=True, category="类" * 500)
    with pytest.raises(UserError, match="no leaf Q1"):
        record_finding(office, added.id, "编制使用不规范", to_ledger=True, indicators=["Q1"])

    assert (_count(office, Finding), _count(office, Problem)) == (0, 0)
    done = record_finding(office, added.id, "编制使用不规范", to_ledger=True, indicators=["A1.2"])
    assert (done.problem_number, done.indicators) == ("2021-001", ("A1.2",))
    assert [f.id for f in ledger.show(office, "2021-001").findings] == [done.id]


def test_an_unknown_activity_or_finding_is_named(office):
    with pytest.raises(NotFound, match="no on-site activity 99"):
        fieldwork.activity_detail(office, 99)
    with pytest.raises(NotFound, match="no on-site activity 99"):
        fieldwork.save_draft(office, 99, "x")
    with pytest.raises(NotFound, match="no finding 42"):
        fieldwork.finding_to_ledger(office, 42)


# Two evaluators at once.


def test_two_evaluators_log_activities_for_the_same_unit_at_once(office):
    """Each evaluator has a database of their own (engine, pool), as two processes do;
    one keeps saving a draft while both add activities."""
    per_evaluator = 6
    first = _interview(office)
    errors: list[Exception] = []
    start = threading.Barrier(2)

    def work(evaluator: str) -> None:
        database = Database(office.url)
        try:
            start.wait()
            for i in range(per_evaluator):
                fieldwork.add_activity(
                    database, "县工信局", "site", DAY, evaluators=evaluator, notes=f"{i}"
                )
                fieldwork.save_draft(database, first.id, f"{evaluator}{i}")
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)
        finally:
            database.dispose()

    workers = [threading.Thread(target=work, args=(name,)) for name in ("张评估", "李评估")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)

    assert errors == []
    rows = fieldwork.list_activities(office, "县工信局")
    by_evaluator = {
        name: sorted(
            int(fieldwork.activity_detail(office, r.id).notes) for r in rows if r.evaluators == name
        )
        for name in ("张评估", "李评估")
    }
    assert by_evaluator == {"张评估": list(range(6)), "李评估": list(range(6))}
    assert len({row.id for row in rows}) == 1 + 2 * per_evaluator
    assert fieldwork.activity_detail(office, first.id).version == first.version


def test_a_finding_of_another_evaluation_does_not_go_to_the_current_ledger(office):
    """The ledger numbers problems in the current evaluation: a finding of last year's
    visit is refused there, naming both evaluations, and nothing is recorded."""
    added = _interview(office)
    finding = fieldwork.add_finding(office, added.id, "去年发现的问题")
    add_evaluation(office, "2022年度评估", prefix="2022", reference=date(2022, 6, 30))

    with pytest.raises(UserError, match="2021年度评估.*2022年度评估"):
        fieldwork.finding_to_ledger(office, finding.id)
    with pytest.raises(UserError, match="2021年度评估.*2022年度评估"):
        record_finding(office, added.id, "又一条", to_ledger=True)

    assert (_count(office, Problem), _count(office, Finding)) == (0, 1)
