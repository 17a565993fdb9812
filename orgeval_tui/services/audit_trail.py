"""Checking the audit trail (`orgeval audit verify`): the chain walked from its first
record, and the first record that does not follow named in words."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import t
from ..storage.audit_chain import Break, verify
from ..storage.database import Database


@dataclass(frozen=True)
class AuditCheck:
    records: int  # records read up to and including the first break
    first_break: Break | None

    @property
    def intact(self) -> bool:
        return self.first_break is None

    def message(self) -> str:
        found = self.first_break
        if found is None:
            return t("audit.intact", records=self.records)
        if found.kind == "removed_before":
            first, last = found.gap
            return t("audit.removed", record=found.record, first=first, last=last)
        return t(f"audit.{found.kind}", record=found.record)

    def to_json(self) -> dict:
        found = self.first_break
        return {
            "intact": self.intact,
            "records": self.records,
            "first_break": None
            if found is None
            else {"record": found.record, "kind": found.kind, "missing": found.gap},
            "message": self.message(),
        }


def verify_audit(db: Database) -> AuditCheck:
    with db.engine.connect() as connection:
        verdict = verify(connection)
    return AuditCheck(verdict.records, verdict.first_break)
