"""On-site evaluation (实地评): one place for its rules, in modules with one job each.

- ``activities``: recording, listing, reading and editing activities; notes;
- ``drafts``: the notes as they are typed, kept within a second;
- ``findings``: findings, the leaves they bear on, and sending one to the ledger;
- ``files``: photos and scans attached by path and SHA-256;
- ``outlines``: the interview outlines per kind; ``answers``: the notes per question;
- ``words``: kinds and people met read from what a user typed; ``views``: what is
  handed out.

Callers use the names below (``from ..services import fieldwork; fieldwork.add_activity``).
"""

from .activities import (
    activity_detail,
    add_activity,
    edit_activity,
    list_activities,
    save_notes,
)
from .answers import answers, heading
from .drafts import discard_draft, save_draft
from .files import attach_file, attach_files
from .findings import (
    add_finding,
    finding_to_ledger,
    findings_by_leaf,
    findings_of_problem,
    link_finding,
    problem_title,
    record_finding,
    set_indicators,
)
from .outlines import default_outlines, outline, set_outline
from .views import ActivityDetail, ActivityRow, FileView, FindingView, PersonMet
from .words import kind_label, kind_of, person_met

__all__ = [
    "ActivityDetail",
    "ActivityRow",
    "FileView",
    "FindingView",
    "PersonMet",
    "activity_detail",
    "add_activity",
    "add_finding",
    "answers",
    "attach_file",
    "attach_files",
    "default_outlines",
    "discard_draft",
    "edit_activity",
    "finding_to_ledger",
    "findings_by_leaf",
    "findings_of_problem",
    "heading",
    "kind_label",
    "kind_of",
    "link_finding",
    "list_activities",
    "outline",
    "person_met",
    "problem_title",
    "record_finding",
    "save_draft",
    "save_notes",
    "set_indicators",
    "set_outline",
]
