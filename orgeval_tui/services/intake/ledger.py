"""Import of the problem ledger (问题台账) from a workbook: `orgeval import ledger FILE`.

The file is the sheet `orgeval export ledger` writes (export/ledger_workbook.py), or an
office's own ledger with the same columns: .xlsx, .xls, .ods or .csv, title rows above
the header allowed, columns in any order and under the names of
``ingest.aliases.LEDGER_ALIASES``. 问题编号, 单位 and 问题标题 are required columns; a
column the file lacks is left empty for new problems and not compared for existing ones.
序号 and 是否逾期 are not read (overdue is a fact of the day, not data).

What a row does, in the evaluation imported into (the current one, or ``--evaluation``):

* its 问题编号 is not yet in that evaluation: the problem is **added** as the row has it,
  in its state (整改状态; blank = 已发现) with all its dates, texts, verifier and so on.
  Its history starts with one event, action ``import``, by whoever ran the import, now,
  with the file, sheet and row as its reason and every value read as its detail: the
  timeline says where it came from. The steps it went through before (extensions,
  failed look-backs) are not in the sheet and are not invented. 登记日期, when given,
  is the day it counts as recorded (days open are counted from it).
* its number is there and every value the file has is the same: counted **unchanged**.
* its number is there with other values: a row error naming each column that differs
  (the ledger's value and the file's). An import never changes a problem: changes go
  through `orgeval ledger …`, which checks and records each step.
* problems of the ledger that the file does not list are left alone (a file may well
  hold one unit's problems only).

A row is refused (a row error, ``sheet!row: column: what``) for: a number that is not
``PREFIX-NNN`` as the service issues it (the evaluation's prefix, at least three digits,
no extra leading zero), a number listed twice, a unit that is not registered (full or
short name), a source, status or severity that is neither a label (中文 or English) nor
its code (``closed``), a date that is not a whole day, a text longer than its column
(title 200, category 50, …), a file hash that is not a SHA-256, and fields that do not
fit the state as the lifecycle leaves them:

=============  =====================================================================
整改状态        needs                                         must be blank
=============  =====================================================================
已发现          —                                             反馈日期 and everything after
已反馈          反馈日期                                       整改措施 … and everything after
整改中          反馈日期, 整改措施, 责任人, 整改时限              核查人/销号日期/核查意见, 撤销…
已报告          … and 报告日期 with 整改报告 or 报告附件          核查…, 撤销…
已销号          … and 核查人, 销号日期, 核查意见                 撤销原因, 撤销日期
已撤销          撤销原因, 撤销日期                               核查人, 销号日期, 核查意见
=============  =====================================================================

(整改中 may keep an earlier report: a failed look-back sends a reported problem back.)
Within any state the groups hang together: measures, responsible and deadline come
together and need a feedback day; a report needs its day, its text or file, and the
plan; a file name and its hash come together; the deadline is not before the feedback
day. Texts are trimmed at both ends, as the service trims what it is given.

Every row is checked before anything is written; one bad row refuses the whole file
with every bad row listed, and nothing is written. The import is one transaction with
its import record (file name and SHA-256, rows added, rows unchanged). ``--dry-run``
checks the same and writes nothing. Problems are inserted with SQLAlchemy Core, and the
audit trail gets one record per field of each problem added, by the importing account,
chained like every other (``storage.audit.record_inserted``); a 已销号 problem naming its
核查人 is taken as the file has it — refusing it would refuse the office's own exported
ledger — and the trail shows who brought it in, from which file (the import event). On
SQLite the search index follows by its triggers in the same transaction.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from ...domain.actor import current_actor
from ...domain.clock import office_tz, utcnow
from ...domain.errors import UserError
from ...domain.roles import Need
from ...i18n import t
from ...ingest.table import Table
from ...models import Problem, ProblemEvent, Unit
from ...storage.audit import record_inserted
from ...storage.database import Database
from ..access import require
from ..evaluations import find_evaluation
from ..units import unit_ids_by_name
from .common import ImportSummary, locate_table, open_source, record_import
from .ledger_rows import OPTIONAL, REQUIRED, LedgerRowReader

KIND = "ledger"
_P = Problem.__table__.c
_BATCH = 500


def import_ledger(
    db: Database,
    path,
    *,
    evaluation: str | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    source = open_source(path)
    table = locate_table(source, REQUIRED, OPTIONAL, sheet=sheet)
    reader = LedgerRowReader(table)
    rows = [row for row in map(reader.read, table.rows) if row is not None]
    reader.duplicates(rows)
    good = [row for row in rows if row.source.number not in reader.bad_rows]

    scope = db.read() if dry_run else db.write()
    with scope as session:
        if not dry_run:
            require(session, Need.COUNTY)
        target = find_evaluation(session, evaluation, lock=not dry_run)
        unit_ids = unit_ids_by_name(session)
        unit_names = dict(session.execute(select(Unit.id, Unit.name)).all())
        for row in good:
            reader.resolve(row, target, unit_ids)
        existing = _existing(session, target.id, [r.values["number"] for r in good])
        new, unchanged = [], 0
        for row in good:
            if row.source.number in reader.bad_rows:
                continue
            before = existing.get(row.values["number"])
            if before is None:
                new.append(row)
            elif reader.same(row, before, unit_names):
                unchanged += 1
        reader.problems.check(source.name)
        summary = ImportSummary(
            kind=KIND,
            file=source.name,
            unit=None,
            rows=len(rows),
            skipped=unchanged,
            dry_run=dry_run,
            tables=(table,),
            details={
                "evaluation": target.name,
                "added": len(new),
                "unchanged": unchanged,
                "numbers": [row.values["number"] for row in new],
            },
        )
        if dry_run:
            return summary
        note = json.dumps(
            {"evaluation": target.name, "added": len(new), "unchanged": unchanged},
            ensure_ascii=False,
        )
        import_id = record_import(session, source, KIND, None, len(new), unchanged, note)
        try:
            _write(session, source, table, target.id, new, unit_names, import_id)
        except IntegrityError as exc:
            # Someone added a problem under one of these numbers since they were checked
            # (the evaluation's row lock keeps `ledger add` out; other writers may not).
            if "number" not in str(exc.orig):
                raise
            raise UserError(t("ledger_excel.busy")) from exc
    return summary


def _existing(session, evaluation_id: int, numbers: list[str]) -> dict:
    found = {}
    for start in range(0, len(numbers), _BATCH):
        batch = numbers[start : start + _BATCH]
        rows = session.execute(
            select(Problem.__table__).where(_P.evaluation_id == evaluation_id, _P.number.in_(batch))
        )
        found.update({row.number: row for row in rows})
    return found


# Writing.


def _recorded_at(day: date | None, now: datetime) -> datetime:
    if day is None:
        return now
    return datetime.combine(day, time(), tzinfo=office_tz())


def _jsonable(value):
    return value.isoformat() if isinstance(value, date | datetime) else value


def _write(session, source, table: Table, evaluation_id: int, rows, unit_names, import_id):
    if not rows:
        return
    now = utcnow()
    actor = current_actor()
    records = []
    for row in rows:
        values = dict(row.values)
        values["description"] = values["description"] or ""
        values["recommendation"] = values["recommendation"] or ""
        records.append(
            {
                **values,
                "evaluation_id": evaluation_id,
                "created_at": _recorded_at(row.recorded_on, now),
                "version": 1,
            }
        )
    ids = {}
    for start in range(0, len(records), _BATCH):
        inserted = session.execute(
            insert(Problem.__table__).returning(_P.id, _P.number), records[start : start + _BATCH]
        )
        ids.update({number: pid for pid, number in inserted})
    # Every field of every problem added, by the importing account: a 已销号 problem
    # naming its 核查人 is recorded as it was read, and the trail says who brought it in.
    record_inserted(
        session, Problem.__table__, [{**record, "id": ids[record["number"]]} for record in records]
    )
    events = []
    for row in rows:
        values = row.values
        detail = {
            "file": source.name,
            "sha256": source.digest,
            "import_id": import_id,
            "sheet": table.sheet,
            "row": row.source.number,
            **{k: _jsonable(v) for k, v in values.items() if k != "unit_id"},
            "unit": unit_names.get(values["unit_id"]),
            "recorded_on": _jsonable(row.recorded_on),
        }
        events.append(
            {
                "problem_id": ids[values["number"]],
                "action": "import",
                "from_status": None,
                "to_status": values["status"],
                "actor": actor,
                "at": now,
                "reason": f"{source.name} {table.sheet}!{row.source.number}",
                "detail": json.dumps(detail, ensure_ascii=False),
            }
        )
    session.execute(insert(ProblemEvent.__table__), events)
