"""The Word templates the office owns: the shipped ones in the official style, an edited
one used as edited (a heading changed, a section removed), a broken one refused with the
field or error and where it is and nothing written, user text kept as text, and the same
data giving the same file."""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from orgeval_tui.export.word_templates import TEMPLATE_FILES, built_template, shipped_template

from .docx_reading import paragraphs, text


def _unit_report(cli, demo_db, path, *extra):
    return cli("--db", str(demo_db), "--lang", "zh", "report", "unit", "县工信局",
               "-o", str(path), "--on", "2021-08-01", *extra)  # fmt: skip


@pytest.mark.parametrize("kind", sorted(TEMPLATE_FILES))
def test_the_shipped_templates_are_what_the_builder_makes(kind):
    assert shipped_template(kind) == built_template(kind)


def test_the_shipped_style_is_official_a4_with_east_asian_fonts_and_page_numbers(tmp_path):
    path = tmp_path / "t.docx"
    path.write_bytes(shipped_template("unit"))
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (28, 26)

    def east_asian(style: str) -> str:
        fonts = document.styles[style].element.rPr.find(qn("w:rFonts"))
        return fonts.get(qn("w:eastAsia"))

    assert east_asian("Normal") == "仿宋_GB2312"
    assert east_asian("公文标题") == "方正小标宋简体"
    assert document.styles["公文标题"].font.size.pt == 22
    assert document.styles["Normal"].font.size.pt == 16
    assert east_asian("一级标题") == "黑体" and east_asian("二级标题") == "楷体_GB2312"
    footer = zipfile.ZipFile(path).read("word/footer1.xml").decode()
    assert 'w:instr="PAGE"' in footer and "— " in footer
    fonts = zipfile.ZipFile(path).read("word/fontTable.xml").decode()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in fonts
    text_width = 210 - 28 - 26
    for table in document.tables:
        widths = [column.width.mm for column in table.columns]
        assert sum(widths) <= text_width + 0.5


def _edited(tmp_path):
    """The unit template as an office edits it in WPS: one heading reworded, the
    三项评议 section taken out."""
    source = tmp_path / "shipped.docx"
    source.write_bytes(shipped_template("unit"))
    document = docx.Document(str(source))
    body = document.element.body
    for paragraph in document.paragraphs:
        if paragraph.text == "一、评估得分与等次":
            paragraph.text = "一、总体评价"
    children = list(body.iterchildren())
    texts = ["".join(t.text or "" for t in c.iter(qn("w:t"))) for c in children]
    start, end = texts.index("四、三项评议情况"), texts.index("五、评分情况")
    for element in children[start:end]:
        body.remove(element)
    edited = tmp_path / "本办模板.docx"
    document.save(str(edited))
    return edited


def test_an_edited_template_is_used_as_edited(cli, demo_db, tmp_path):
    template = _edited(tmp_path)
    path = tmp_path / "out.docx"
    done = _unit_report(cli, demo_db, path, "--template", str(template))
    assert done.code == 0, done.err
    assert str(template) in done.out
    lines = paragraphs(path)
    assert "一、总体评价" in lines and "一、评估得分与等次" not in lines
    assert "四、三项评议情况" not in lines and "互评得分99.28分" not in text(path)
    assert "五、评分情况" in lines and "执行率71.21%" in text(path)


def test_the_office_templates_folder_in_the_config_is_used(cli, demo_db, tmp_path, monkeypatch):
    folder = tmp_path / "模板"
    folder.mkdir()
    _edited(tmp_path).rename(folder / TEMPLATE_FILES["unit"])
    config = tmp_path / "config.toml"
    config.write_text(f'[reports]\ntemplates = "{folder}"\noffice = "沂水县委编办"\n', "utf-8")
    monkeypatch.setenv("ORGEVAL_CONFIG", str(config))
    path = tmp_path / "out.docx"
    assert _unit_report(cli, demo_db, path).code == 0
    lines = paragraphs(path)
    assert "一、总体评价" in lines and lines[-2] == "沂水县委编办"
    # A report whose template the folder lacks falls back to the shipped one.
    summary = tmp_path / "专报.docx"
    done = cli("--db", str(demo_db), "report", "summary", "-o", str(summary))
    assert done.code == 0 and "summary-report.docx" in done.out


def _with_paragraph(tmp_path, old: str, new: str, name: str = "broken.docx"):
    source = tmp_path / "shipped.docx"
    source.write_bytes(shipped_template("unit"))
    document = docx.Document(str(source))
    for paragraph in document.paragraphs:
        if paragraph.text == old:
            paragraph.text = new
            break
    else:
        raise AssertionError(old)
    broken = tmp_path / name
    document.save(str(broken))
    return broken


def _refused(cli, demo_db, tmp_path, template):
    out = tmp_path / "out"
    out.mkdir()
    done = _unit_report(cli, demo_db, out / "report.docx", "--template", str(template))
    assert done.code == 1 and "Traceback" not in done.err
    assert list(out.iterdir()) == []
    return done.err


def test_an_unknown_field_is_refused_naming_the_field_and_its_paragraph(cli, demo_db, tmp_path):
    broken = _with_paragraph(tmp_path, "二、基本情况", "二、{{ unit.nmae }}基本情况")
    message = _refused(cli, demo_db, tmp_path, broken)
    assert "unit.nmae" in message and "“二、{{ unit.nmae }}基本情况”" in message
    assert "第 " in message and " 段" in message and "quota_total" in message


def test_an_unknown_field_in_a_table_cell_names_table_row_and_column(cli, demo_db, tmp_path):
    source = tmp_path / "shipped.docx"
    source.write_bytes(shipped_template("unit"))
    document = docx.Document(str(source))
    document.tables[0].rows[2].cells[4].text = "{{ x.totl }}"
    broken = tmp_path / "cell.docx"
    document.save(str(broken))
    message = _refused(cli, demo_db, tmp_path, broken)
    assert "x.totl" in message and "第 1 个表格第 3 行第 5 列" in message


def test_a_syntax_error_is_refused_with_where_it_is(cli, demo_db, tmp_path):
    broken = _with_paragraph(tmp_path, "七、整改要求", "七、整改要求 {{ terms.deadline ")
    message = _refused(cli, demo_db, tmp_path, broken)
    assert "七、整改要求 {{ terms.deadline" in message and "模板标记有误" in message


def test_a_file_that_is_not_a_word_document_is_refused(cli, demo_db, tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("not a document", "utf-8")
    assert "fake.docx" in _refused(cli, demo_db, tmp_path, fake)


def test_user_text_is_written_as_text_never_as_markup_or_template(cli, demo_db, tmp_path):
    from orgeval_tui.storage.database import Database
    from tests.office import add_problem

    database = Database.open(str(demo_db))
    title = "<w:p>挂牌 & “{{ unit.name }}” {% if 1 %}"
    add_problem(
        database, "县工信局", title, description="第一行\n第二行\x07铃", category="机构挂牌"
    )
    database.dispose()
    path = tmp_path / "out.docx"
    assert _unit_report(cli, demo_db, path).code == 0
    lines = paragraphs(path)
    assert any(line.startswith("（") and title in line for line in lines)
    assert "第一行" in text(path) and "第二行铃" in text(path)
    # The line break in the description is a line break in the paragraph.
    body = docx.Document(str(path)).element.body
    held = next(p for p in body.iter(qn("w:p")) if "第一行" in "".join(p.itertext()))
    assert held.find(f".//{qn('w:br')}") is not None


def test_the_same_data_gives_the_same_file_and_another_day_another(cli, demo_db, tmp_path):
    first, second, later = (tmp_path / f"{n}.docx" for n in ("a", "b", "c"))
    assert _unit_report(cli, demo_db, first).code == 0
    assert _unit_report(cli, demo_db, second).code == 0
    assert first.read_bytes() == second.read_bytes()
    done = cli(
        "--db", str(demo_db), "report", "unit", "县工信局", "-o", str(later), "--on", "2021-08-02"
    )
    assert done.code == 0
    assert later.read_bytes() != first.read_bytes()
    core = zipfile.ZipFile(first).read("docProps/core.xml").decode()
    assert "2021-08-01T00:00:00Z" in core and "orgeval" in core


def test_an_unknown_field_in_the_page_header_says_so(cli, demo_db, tmp_path):
    source = tmp_path / "shipped.docx"
    source.write_bytes(shipped_template("feedback"))
    document = docx.Document(str(source))
    document.sections[0].header.paragraphs[0].text = "{{ report.ofice }}函"
    broken = tmp_path / "header.docx"
    document.save(str(broken))
    out = tmp_path / "out"
    out.mkdir()
    done = cli("--db", str(demo_db), "--lang", "zh", "report", "feedback", "县气象局",
               "-o", str(out / "f.docx"), "--template", str(broken))  # fmt: skip
    assert done.code == 1 and list(out.iterdir()) == []
    assert "页眉（“{{ report.ofice }}函”）" in done.err and "office" in done.err
