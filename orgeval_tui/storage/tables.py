"""Light handles onto the tables, for the reads on the quick paths.

Building the SQLModel classes of ``models`` costs ≈ 0.15 s (pydantic and the ORM set up
23 classes), which the TUI's first screen and the shell's quick lookups should not pay
for a handful of counts. These handles are plain SQLAlchemy Core ``table()`` clauses:
names and types only, no metadata, no constraints. ``models`` stays the one definition
of the schema; ``tests/storage/test_tables.py`` holds every handle here to it.
"""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import Date, DateTime, Integer, String, column, table
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """A timezone-aware instant, stored in UTC.

    SQLite keeps no offset, so values read back are marked UTC again; a naive value
    is refused rather than guessed at.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime refused: {value!r}")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


unit = table(
    "unit",
    column("id", Integer),
    column("name", String),
    column("short_name", String),
    column("kind", String),
    column("parent_id", Integer),
    column("quota_admin", Integer),
    column("quota_public", Integer),
    column("quota_service", Integer),
    column("quota_leaders", Integer),
    column("version", Integer),
)
evaluation = table(
    "evaluation",
    column("id", Integer),
    column("name", String),
    column("reference_date", Date),
)
current_evaluation = table(
    "current_evaluation", column("slot", Integer), column("evaluation_id", Integer)
)
evaluation_period = table(
    "evaluation_period",
    column("evaluation_id", Integer),
    column("label", String),
    column("start", Date),
    column("end", Date),
)
evaluation_unit = table(
    "evaluation_unit", column("evaluation_id", Integer), column("unit_id", Integer)
)
staff = table("staff", column("unit_id", Integer))
work_log_entry = table("work_log_entry", column("unit_id", Integer), column("day", Date))
case = table("service_case", column("unit_id", Integer), column("received_on", Date))
indicator = table(
    "indicator", column("id", Integer), column("evaluation_id", Integer), column("kind", String)
)
score = table(
    "score",
    column("indicator_id", Integer),
    column("unit_id", Integer),
    column("source", String),
)
survey = table(
    "survey", column("id", Integer), column("evaluation_id", Integer), column("kind", String)
)
survey_response = table("survey_response", column("survey_id", Integer), column("unit_id", Integer))
onsite_activity = table(
    "onsite_activity",
    column("id", Integer),
    column("evaluation_id", Integer),
    column("unit_id", Integer),
    column("draft", String),
    column("draft_saved_at", UTCDateTime()),
    column("draft_by", String),
)
problem = table(
    "problem",
    column("id", Integer),
    column("evaluation_id", Integer),
    column("number", String),
    column("unit_id", Integer),
    column("source", String),
    column("category", String),
    column("title", String),
    column("description", String),
    column("recommendation", String),
    column("severity", String),
    column("status", String),
    column("fed_back_on", Date),
    column("measures", String),
    column("responsible", String),
    column("deadline", Date),
    column("report_text", String),
    column("report_file_name", String),
    column("report_file_hash", String),
    column("reported_on", Date),
    column("verifier", String),
    column("verified_on", Date),
    column("verify_note", String),
    column("withdraw_reason", String),
    column("withdrawn_on", Date),
    column("created_at", UTCDateTime),
    column("version", Integer),
)
problem_event = table("problem_event", column("problem_id", Integer), column("reason", String))
audit_event = table("audit_event", column("id", Integer))
import_record = table("import_record", column("id", Integer))

account = table("account", column("name", String), column("role", String))
account_unit = table("account_unit", column("account", String), column("unit_id", Integer))

ALL = (
    account,
    account_unit,
    unit,
    evaluation,
    current_evaluation,
    evaluation_period,
    evaluation_unit,
    staff,
    work_log_entry,
    case,
    indicator,
    score,
    survey,
    survey_response,
    onsite_activity,
    problem,
    problem_event,
    audit_event,
    import_record,
)
