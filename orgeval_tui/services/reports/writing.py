"""Writing a report: which content, which template, which format, and the steps a
screen shows as progress. The CLI and the TUI both call ``write_report``.

A Word document is filled from the template named on the command line, else the one of
the same name in the office's templates folder (``[reports] templates`` in the config),
else the one orgeval ships. The documents are in Chinese, whatever language the screen
speaks: they are what the office sends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...domain.clock import office_today
from ...domain.errors import UserError
from ...i18n import in_language, t
from ...storage.database import Database

REPORT_LANGUAGE = "zh"
REPORT_KINDS = ("unit", "feedback", "summary")
FORMATS = {"unit": (".docx", ".xlsx"), "feedback": (".docx",), "summary": (".docx",)}

FIELD_LIST = "fields.txt"  # beside the templates: every field they may name
Progress = Callable[[int, int, str], None]  # (step done, steps, what comes next)


@dataclass(frozen=True)
class ReportRequest:
    kind: str  # unit | feedback | summary
    path: Path
    unit: str | None = None  # for unit and feedback
    template: Path | None = None
    on: date | None = None  # the report's date; today by default
    deadline: date | None = None
    report_due: date | None = None


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    template: str  # the template used, as named in messages ("" for a workbook)
    title: str


def report_format(request: ReportRequest) -> str:
    suffix = request.path.suffix.lower()
    allowed = FORMATS[request.kind]
    if suffix not in allowed:
        raise UserError(t("report.bad_format", file=str(request.path), formats="、".join(allowed)))
    return suffix


def template_for(kind: str, explicit: Path | None) -> tuple[Path | bytes, str]:
    """The template's path (or the shipped bytes) and its name for messages."""
    from ...export.word_templates import TEMPLATE_FILES, shipped_template

    if explicit is not None:
        return explicit, str(explicit)
    from ..settings import load_config

    folder = load_config().report_templates
    if folder is not None and (folder / TEMPLATE_FILES[kind]).is_file():
        chosen = folder / TEMPLATE_FILES[kind]
        return chosen, str(chosen)
    return shipped_template(kind), t("report.shipped_template", name=TEMPLATE_FILES[kind])


def office_name() -> str:
    from ..settings import load_config

    return load_config().report_office or t("report.office")


def _check_request(db: Database, request: ReportRequest) -> None:
    """What the user can get wrong, refused in the user's language before the Chinese
    document is gathered: no evaluation, no rubric, a unit that is not evaluated, dates
    the wrong way round."""
    from ..evaluations import current_evaluation
    from ..score_sheet import evaluated_unit, rubric_or_refuse

    if request.kind != "summary" and not request.unit:
        raise UserError(t("report.unit_needed", kind=request.kind))
    if request.deadline and request.report_due and request.report_due < request.deadline:
        raise UserError(
            t("report.due_before_deadline", due=request.report_due, deadline=request.deadline)
        )
    with db.read() as session:
        evaluation = current_evaluation(session)
        if evaluation is None:
            raise UserError(t("figures.no_evaluation"))
        rubric_or_refuse(session, evaluation)
        if request.unit:
            evaluated_unit(session, evaluation, request.unit)


def _content(db: Database, request: ReportRequest, on: date):
    from .summary_content import summary_report
    from .unit_content import feedback_letter, terms, unit_report

    with in_language(REPORT_LANGUAGE):
        if request.kind == "summary":
            return summary_report(db, office_name(), on)
        the_terms = terms(on, request.deadline, request.report_due)
        build = unit_report if request.kind == "unit" else feedback_letter
        return build(db, request.unit, office_name(), on, the_terms)


def write_report(
    db: Database, request: ReportRequest, progress: Progress | None = None
) -> WrittenReport:
    """Gather, fill and write the report; nothing is written unless all of it is. The
    document is in Chinese; what the user reads about it (steps, refusals) is in the
    user's language."""
    step = progress or (lambda done, steps, label: None)
    suffix = report_format(request)
    on = request.on or office_today()
    # The template is found first: a missing one is said at once.
    source, shown = (
        template_for(request.kind, request.template) if suffix == ".docx" else (None, "")
    )
    _check_request(db, request)
    step(0, 3, t("report.step.gather"))
    content = _content(db, request, on)
    step(1, 3, t("report.step.fill"))
    if suffix == ".xlsx":
        from ...export.report_workbook import unit_report_workbook

        unit_report_workbook(content, request.path, on)
    else:
        from ...export.word_render import write_document

        write_document(source, shown, content, on, request.path)
    step(3, 3, t("report.step.done"))
    return WrittenReport(request.path, shown, content.report.title)


def write_templates(folder: Path, overwrite: bool = False) -> list[Path]:
    """The shipped templates and their field list into ``folder``, for the office to
    edit; an existing file (perhaps an edited template) is kept unless ``overwrite``."""
    from ...export.report_content import FeedbackLetter, SummaryReport, UnitReport
    from ...export.word_fields import field_list
    from ...export.word_templates import TEMPLATE_FILES, shipped_template

    folder.mkdir(parents=True, exist_ok=True)
    files = {name: shipped_template(kind) for kind, name in TEMPLATE_FILES.items()}
    with in_language(REPORT_LANGUAGE):
        lines = [t("report.fields.intro")]
        for name, content_type in (
            (TEMPLATE_FILES["unit"], UnitReport),
            (TEMPLATE_FILES["feedback"], FeedbackLetter),
            (TEMPLATE_FILES["summary"], SummaryReport),
        ):
            lines += ["", f"== {name} ==", *field_list(content_type)]
    files[FIELD_LIST] = ("\n".join(lines) + "\n").encode("utf-8")
    existing = [name for name in files if (folder / name).exists()]
    if existing and not overwrite:
        raise UserError(t("report.templates_exist", folder=str(folder), files="、".join(existing)))
    from ...export.atomic_file import write_bytes_atomically

    written = []
    for name, data in files.items():
        write_bytes_atomically(folder / name, data)
        written.append(folder / name)
    return written

