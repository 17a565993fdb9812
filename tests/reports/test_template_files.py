"""`orgeval report templates -o DIR`: the three templates and their field list for the
office to edit; an edited template already in the folder is never replaced unasked."""

from __future__ import annotations

import docx

from orgeval_tui.export.report_content import UnitReport
from orgeval_tui.export.word_fields import context_schema
from orgeval_tui.export.word_templates import TEMPLATE_FILES, shipped_template


def test_the_templates_and_their_fields_are_written_for_the_office(cli, tmp_path):
    folder = tmp_path / "模板"
    done = cli("--lang", "zh", "report", "templates", "-o", str(folder))
    assert done.code == 0, done.err
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([*TEMPLATE_FILES.values(), "fields.txt"])
    for kind, name in TEMPLATE_FILES.items():
        assert (folder / name).read_bytes() == shipped_template(kind)
        assert docx.Document(str(folder / name)).paragraphs[0].text == "{{ report.title }}"
    fields = (folder / "fields.txt").read_text("utf-8")
    assert "{{ unit.name }}" in fields and "{{ item.execution_rate }}" in fields
    assert "== unit-report.docx ==" in fields and "== summary-report.docx ==" in fields
    # Every top-level field of the unit report is listed.
    for name in context_schema(UnitReport):
        assert any(f"{written}" in fields for written in
                   (f"{{{{ {name}.", f"in {name} %", f"{{{{ {name} }}}}"))  # fmt: skip
    assert "{{ case_chart }}  （图表：请单独成段" in fields


def test_an_edited_template_in_the_folder_is_kept_unless_forced(cli, tmp_path):
    folder = tmp_path / "模板"
    assert cli("report", "templates", "-o", str(folder)).code == 0
    edited = folder / TEMPLATE_FILES["unit"]
    edited.write_bytes(b"edited")
    done = cli("--lang", "zh", "report", "templates", "-o", str(folder))
    assert done.code == 1 and "unit-report.docx" in done.err and "--force" in done.err
    assert edited.read_bytes() == b"edited"
    assert cli("report", "templates", "-o", str(folder), "--force").code == 0
    assert edited.read_bytes() == shipped_template("unit")


def test_a_reports_section_the_config_cannot_use_is_refused_naming_the_file(
    cli, tmp_path, monkeypatch
):
    config = tmp_path / "config.toml"
    config.write_text('[reports]\ntemplate = "/srv/模板"\n', "utf-8")
    monkeypatch.setenv("ORGEVAL_CONFIG", str(config))
    done = cli("--db", str(tmp_path / "o.db"), "report", "summary", "-o", str(tmp_path / "s.docx"))
    assert done.code == 1 and str(config) in done.err and "templates" in done.err
    assert not (tmp_path / "s.docx").exists()
