"""Writing a Word document from a template (docxtpl: Jinja tags in an ordinary .docx)
and a report's content.

The template is checked first (``word_check``): a tag that does not parse or a field
the report has not is refused with where it is, and nothing is written. Values are
escaped on the way in (autoescape): user text is text in the document, never markup.
The document's properties carry the report's day and no clock time, and the archive's
entries are dated that day too, so the same data gives the same file. The file is
written whole or not at all.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

from ..domain.errors import UserError
from ..i18n import t
from ..i18n.os_errors import os_reason
from .atomic_file import write_bytes_atomically
from .reproducible_zip import normalise_zip
from .word_check import TemplateProblem, template_problems
from .word_fields import charts_of, context_of, context_schema

AUTHOR = "orgeval"


def where_words(place: tuple) -> str:
    kind = place[0]
    if kind == "paragraph":
        return t("report.template.paragraph", number=place[1])
    if kind == "cell":
        return t("report.template.cell", table=place[1], row=place[2], column=place[3])
    return t(f"report.template.{kind}")


def problem_text(template: str, problem: TemplateProblem) -> str:
    where = where_words(problem.where)
    if problem.kind == "syntax":
        return t(
            "report.template.syntax",
            file=template, where=where, text=problem.text, error=problem.detail.rstrip("."),
        )  # fmt: skip
    known = "、".join(problem.known) if problem.known else t("report.template.no_fields")
    return t(
        "report.template.field",
        file=template, field=problem.detail, where=where, text=problem.text, known=known,
    )  # fmt: skip


def open_template(template: Path | bytes, shown: str) -> DocxTemplate:
    """``template``: a path or the bytes of a .docx; ``shown``: its name in messages."""
    source = io.BytesIO(template) if isinstance(template, bytes) else template
    try:
        tpl = DocxTemplate(source)
        tpl.init_docx()
    except OSError as exc:
        raise UserError(t("report.template.unreadable", file=shown, reason=os_reason(exc))) from exc
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UserError(t("report.template.not_docx", file=shown)) from exc
    return tpl


def check_template(tpl: DocxTemplate, content_type, shown: str) -> None:
    problems = template_problems(tpl, context_schema(content_type))
    if problems:
        raise UserError("\n".join(problem_text(shown, p) for p in problems))


def render_document(template: Path | bytes, shown: str, content, report_date: date) -> bytes:
    """The document's bytes; refuses a broken template before anything is rendered."""
    tpl = open_template(template, shown)
    check_template(tpl, type(content), shown)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        tpl.render(context_of(content), env, autoescape=True)
    except jinja2.TemplateError as exc:
        raise UserError(t("report.template.failed", file=shown, error=exc)) from exc
    from .word_charts import place_charts

    place_charts(tpl.docx, charts_of(content), report_date)
    day = datetime(report_date.year, report_date.month, report_date.day, tzinfo=UTC)
    properties = tpl.docx.core_properties
    properties.author = properties.last_modified_by = AUTHOR
    properties.created = properties.modified = day
    properties.last_printed = day
    properties.revision = 1
    properties.title = getattr(getattr(content, "report", None), "title", "") or ""
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalise_zip(buffer.getvalue(), report_date)


def write_document(
    template: Path | bytes, shown: str, content, report_date: date, path: Path
) -> None:
    data = render_document(template, shown, content, report_date)
    write_bytes_atomically(path, data)
