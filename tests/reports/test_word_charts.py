"""Charts in the Word report: Word's own chart parts, each with its data workbook inside,
of the kinds the pilot shows (pies for shares, bars for sections and for the unit
against the county average, a line for the monthly trend), placed where the template
names them; no chart where its figures are unknown, and no marker left behind."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

import openpyxl
import pytest

from .docx_reading import text

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


@pytest.fixture
def bureau_docx(cli, demo_db, tmp_path):
    path = tmp_path / "r.docx"
    done = cli("--db", str(demo_db), "--lang", "zh", "report", "unit", "县工信局", "-o", str(path),
               "--on", "2021-08-01")  # fmt: skip
    assert done.code == 0, done.err
    return path


def _charts(path) -> list[tuple[str, str, list[str], list[list[float]]]]:
    """(kind, title, categories, values per series) of each chart part, in order."""
    found = []
    with zipfile.ZipFile(path) as archive:
        names = sorted(
            (n for n in archive.namelist() if n.startswith("word/charts/chart")),
            key=lambda n: int(n.removeprefix("word/charts/chart").removesuffix(".xml")),
        )
        for name in names:
            root = ElementTree.fromstring(archive.read(name))
            plot = root.find(f"{C}chart/{C}plotArea")
            kind = next(child.tag.removeprefix(C) for child in plot if child.tag.endswith("Chart"))
            title = "".join(root.find(f"{C}chart/{C}title").itertext())
            series = plot.findall(f".//{C}ser")
            categories = [v.text for v in series[0].find(f"{C}cat").iter(f"{C}v")]
            values = [[float(v.text) for v in s.find(f"{C}val").iter(f"{C}v")] for s in series]
            found.append((kind, title, categories, values))
    return found


def test_the_bureau_report_draws_its_charts_in_word(bureau_docx):
    charts = _charts(bureau_docx)
    kinds = [kind for kind, *_ in charts]
    assert kinds.count("pieChart") == 3 and kinds.count("lineChart") == 2
    assert kinds.count("barChart") == 4
    by_title = {title: (categories, values) for _, title, categories, values in charts}
    assert by_title["学历结构"][0][:2] == ["研究生", "大学本科"]
    assert sum(by_title["年龄结构"][1][0]) == 19
    categories, values = by_title["12345热线办件量与全县平均"]
    assert categories == ["2020年度", "2021年上半年"] and values[0] == [110, 44]
    assert [round(v, 1) for v in values[1]] == [78.3, 33.3]
    months, hours = by_title["2020年度月度工时趋势"]
    assert len(months) == 12 and months[0] == "2020-01" and len(hours[0]) == 12
    assert "〔图表" not in text(bureau_docx)


def test_each_chart_carries_its_numbers_as_a_workbook_word_can_edit(bureau_docx):
    with zipfile.ZipFile(bureau_docx) as archive:
        relations = archive.read("word/charts/_rels/chart1.xml.rels").decode()
        assert "../embeddings/Microsoft_Excel_Worksheet1.xlsx" in relations
        workbook = openpyxl.load_workbook(
            io.BytesIO(archive.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx"))
        )
        document = archive.read("word/document.xml").decode()
    sheet = workbook["Sheet1"]
    assert sheet["A2"].value == "研究生" and sheet["B2"].value == 3
    assert document.count("<c:chart ") == 9


def test_a_template_without_the_chart_fields_draws_no_chart(cli, demo_db, tmp_path):
    import docx

    from orgeval_tui.export.word_templates import shipped_template

    source = tmp_path / "t.docx"
    source.write_bytes(shipped_template("unit"))
    document = docx.Document(str(source))
    for paragraph in document.paragraphs:
        if "_chart" in paragraph.text:
            paragraph.text = ""
    document.save(str(source))
    path = tmp_path / "r.docx"
    done = cli("--db", str(demo_db), "report", "unit", "县工信局", "-o", str(path),
               "--template", str(source))  # fmt: skip
    assert done.code == 0
    assert _charts(path) == []
