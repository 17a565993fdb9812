"""Any text a user can type (markup, template tags, formula starts, control characters,
any script) reaches the Word and Excel reports as that text: the document is written,
never broken, and reads the text back as the report's words give it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from orgeval_tui.export.report_workbook import unit_report_workbook
from orgeval_tui.export.word_render import render_document
from orgeval_tui.export.word_templates import shipped_template
from orgeval_tui.services.reports.words import text
from tests.export.report_samples import unit_report

from .docx_reading import paragraphs

TEMPLATE = shipped_template("unit")
DAY = date(2021, 8, 1)
TRICKY = st.sampled_from(
    ["<w:p>", "&amp;", "{{ unit.name }}", "{% if x %}", "=SUM(A1)", "@x", "+1", "-1", "\t",
     "\r\n", "\x00", "\x07", "\x1b[31m", "\u200b", "\ufeff", "𠀀", "_x000D_", "]]>"]
)  # fmt: skip
USER_TEXT = st.lists(st.one_of(TRICKY, st.text(max_size=8)), min_size=1, max_size=6).map("".join)


def _with_title(title: str):
    report = unit_report()
    problem = replace(report.problems[0], title=text(title), recommendation=text(title))
    return replace(report, problems=[problem, *report.problems[1:]])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(USER_TEXT)
def test_any_user_text_is_written_into_word_as_that_text(tmp_path_factory, typed):
    report = _with_title(typed)
    path = tmp_path_factory.mktemp("word") / "r.docx"
    path.write_bytes(render_document(TEMPLATE, "unit-report.docx", report, DAY))
    shown = text(typed)
    lines = paragraphs(path)
    assert f"整改建议：{shown}".replace("\n", "") in [line.replace("\n", "") for line in lines]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(USER_TEXT)
def test_any_user_text_is_a_string_in_the_workbook_never_a_formula(tmp_path_factory, typed):
    report = _with_title(typed)
    path = tmp_path_factory.mktemp("excel") / "r.xlsx"
    unit_report_workbook(report, path, DAY)
    workbook = openpyxl.load_workbook(path)
    assert all(c.data_type != "f" for sheet in workbook for row in sheet.iter_rows() for c in row)
    # Read as Excel reads it (its own escapes undone), by python-calamine.
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("问题及整改").to_python()
    if text(typed):
        assert text(typed) in [value for row in sheet for value in row]
