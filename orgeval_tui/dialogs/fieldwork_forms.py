"""The on-site evaluation's forms: starting an activity, recording a finding. Each calls
the service the CLI calls (`orgeval fieldwork add`, `fieldwork finding`) in the form's
thread; a refusal (an unknown leaf, a role left out) stays in the form with what was
typed."""

from __future__ import annotations

import re

from ..domain.actor import current_actor
from ..domain.clock import office_today
from ..domain.fieldwork_words import ACTIVITY_KINDS
from ..domain.ledger_words import SEVERITIES
from ..i18n import t
from .form import Field, FormScreen

FIRST_KIND = "interview"  # what evaluators log most: an interview, with its outline
_CODE_SEPARATORS = re.compile(r"[\s,，、;；]+")


def new_activity_form(database, unit: str) -> FormScreen:
    """The form's result is the new activity's id."""
    from ..services import fieldwork

    fields = [
        Field(
            "kind",
            t("tui.fieldwork.form.kind"),
            "choice",
            required=True,
            default=FIRST_KIND,
            options=tuple((fieldwork.kind_label(kind), kind) for kind in ACTIVITY_KINDS),
        ),
        Field(
            "held_on",
            t("tui.fieldwork.form.held_on"),
            "date",
            required=True,
            default=office_today().isoformat(),
        ),
        Field("place", t("tui.fieldwork.form.place")),
        Field("evaluators", t("tui.fieldwork.form.evaluators"), default=current_actor()),
        Field("people", t("tui.fieldwork.form.people"), "lines"),
    ]

    def run(values: dict) -> int:
        people = [line for line in (values["people"] or "").splitlines() if line.strip()]
        made = fieldwork.add_activity(
            database,
            unit,
            values["kind"],
            values["held_on"],
            place=values["place"],
            evaluators=values["evaluators"],
            people_met=people,
        )
        return made.id

    title = t("tui.fieldwork.form.title", unit=unit)
    return FormScreen(title, fields, run, note=t("tui.fieldwork.form.note"))


def finding_form(database, activity_id: int, text: str) -> FormScreen:
    """``text``: the line the finding is made of, to be corrected in the form. The
    result is the recorded finding (a ``FindingView``)."""
    from ..services import fieldwork

    fields = [
        Field("text", t("tui.fieldwork.finding.text"), "lines", required=True, default=text),
        Field(
            "severity",
            t("tui.fieldwork.finding.severity"),
            "choice",
            options=tuple((t(f"ledger.severity.{s}"), s) for s in SEVERITIES),
            prompt=t("tui.fieldwork.finding.no_severity"),
        ),
        Field("indicators", t("tui.fieldwork.finding.indicators")),
    ]

    def run(values: dict):
        codes = _CODE_SEPARATORS.split(values["indicators"] or "")
        return fieldwork.add_finding(
            database,
            activity_id,
            values["text"],
            severity=values["severity"],
            indicators=[code for code in codes if code],
        )

    note = t("tui.fieldwork.finding.note")
    return FormScreen(t("tui.fieldwork.finding.title"), fields, run, note=note)
