"""Migration 0006 keeps the activities an office logged before it: the old kinds take
DOMAIN.md's names, the participants become the evaluators present, the summary the
notes; and it goes back down the same way."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from orgeval_tui.migrations.runner import alembic_config
from orgeval_tui.storage.database import Database

OLD_ROWS = [
    ("archives", "评估小组；办公室", "查阅档案。"),
    ("signage", "评估小组", "查看挂牌。"),
    ("other", None, "座谈。"),
    ("interview", "评估小组", "谈话。"),
]


def _at_0005(url: str) -> Database:
    database = Database(url)
    command.upgrade(alembic_config(database), "0005_scoring")
    with database.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO unit (id, name, kind, quota_admin, quota_public, "
                "quota_service, quota_leaders, version) "
                "VALUES (1, '县工信局', 'admin', 0, 0, 0, 0, 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO evaluation (id, name, reference_date, number_prefix, "
                "grade_excellent, grade_good, grade_pass, created_at, version) "
                "VALUES (1, '2021年度评估', '2021-06-30', '2021', 90, 80, 60, "
                "'2021-06-30 00:00:00', 1)"
            )
        )
        for kind, participants, summary in OLD_ROWS:
            conn.execute(
                text(
                    "INSERT INTO onsite_activity (evaluation_id, unit_id, kind, held_on, "
                    "participants, summary, version) VALUES (1, 1, :k, '2021-07-06', :p, :s, 1)"
                ),
                {"k": kind, "p": participants, "s": summary},
            )
    return database


def test_old_activities_come_through_the_upgrade_and_back(database_url):
    database = _at_0005(database_url)
    command.upgrade(alembic_config(database), "0006_fieldwork")
    with database.engine.connect() as conn:
        upgraded = conn.execute(
            text("SELECT kind, evaluators, notes, draft FROM onsite_activity ORDER BY id")
        ).all()
    command.downgrade(alembic_config(database), "0005_scoring")
    with database.engine.connect() as conn:
        downgraded = conn.execute(
            text("SELECT kind, participants, summary FROM onsite_activity ORDER BY id")
        ).all()
    database.dispose()

    assert [tuple(row) for row in upgraded] == [
        ("archive", "评估小组；办公室", "查阅档案。", None),
        ("site", "评估小组", "查看挂牌。", None),
        ("meeting", None, "座谈。", None),
        ("interview", "评估小组", "谈话。", None),
    ]
    assert [tuple(row) for row in downgraded] == [tuple(row) for row in OLD_ROWS]
