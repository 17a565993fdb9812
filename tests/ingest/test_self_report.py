"""Reading a self-evaluation report (自评报告): the text as written, in .docx or .txt
(UTF-8 or GB18030), its evidence list taken from the section that names it, and every
file that is not a report refused naming it."""

from __future__ import annotations

import docx
import pytest

from orgeval_tui.ingest.errors import IngestError
from orgeval_tui.ingest.self_report import evidence_of, read_self_report

REPORT = """县气象局机构编制执行情况自查自评报告

一、单位基本情况
核定行政编制9名，实有在编人员8名。

二、佐证材料清单
1. 县气象局“三定”规定
2、2020年度工作总结
（3）内设机构挂牌照片

三、下一步打算
继续做好气象服务。
"""


def test_a_utf8_text_report_keeps_its_text_and_lists_its_evidence(tmp_path):
    path = tmp_path / "自评报告.txt"
    path.write_text(REPORT, encoding="utf-8")

    report = read_self_report(path)

    assert report.file == "自评报告.txt"
    assert report.text.startswith("县气象局机构编制执行情况自查自评报告\n\n一、单位基本情况")
    assert report.text.endswith("继续做好气象服务。")
    assert report.evidence == ("县气象局“三定”规定", "2020年度工作总结", "内设机构挂牌照片")


def test_a_gb18030_text_report_reads_the_same(tmp_path):
    path = tmp_path / "自评报告.TXT"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("gb18030"))

    report = read_self_report(path)

    assert report.text == read_self_report(_utf8(tmp_path)).text
    assert len(report.evidence) == 3


def _utf8(tmp_path):
    path = tmp_path / "utf8.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_a_docx_report_reads_its_paragraphs_and_table_rows_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("县总工会自评报告")
    document.add_paragraph("一、基本情况")
    document.add_paragraph("在编人员7名。")
    document.add_paragraph("附件：佐证材料")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "1", "2020年度工会工作总结"
    table.cell(1, 0).text, table.cell(1, 1).text = "2", "经审会审计报告"
    path = tmp_path / "自评报告.docx"
    document.save(path)

    report = read_self_report(path)

    assert report.text.splitlines() == [
        "县总工会自评报告",
        "一、基本情况",
        "在编人员7名。",
        "附件：佐证材料",
        "1\t2020年度工会工作总结",
        "2\t经审会审计报告",
    ]
    assert report.evidence == ("2020年度工会工作总结", "经审会审计报告")


def test_evidence_without_a_section_is_an_empty_list():
    assert evidence_of("一、基本情况\n附件材料较齐全，见档案。\n二、问题") == ()


def test_evidence_lines_without_numbers_are_each_an_item_until_the_next_heading():
    text = "五、证明材料\n三定规定\n工作总结\n\n六、下一步打算\n1. 不是佐证材料"
    assert evidence_of(text) == ("三定规定", "工作总结")


def test_an_evidence_heading_with_its_first_item_on_the_same_line():
    assert evidence_of("附件：1.考勤表\n2.会议纪要") == ("考勤表", "会议纪要")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("报告.pdf", b"%PDF-1.4", "Word document or plain text (.docx、.txt)"),
        ("报告.doc", b"\xd0\xcf\x11\xe0", "Word document or plain text"),
        ("报告.docx", b"this is not a zip", "not a Word document"),
        ("报告.txt", b"", "the file is empty"),
        ("报告.txt", b" \r\n\t\n", "the file is empty"),
        ("报告.txt", b"\xff\xfe\xfa\xd8\x00", "neither UTF-8 nor GB18030"),
    ],
)
def test_a_file_that_is_not_a_report_is_refused_naming_it(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(IngestError) as refused:
        read_self_report(path)

    assert name in str(refused.value) and reason in str(refused.value)


def test_a_docx_that_is_a_zip_of_something_else_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "报告.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")

    with pytest.raises(IngestError, match="报告.docx.*not a Word document"):
        read_self_report(path)


def test_a_docx_without_text_is_refused(tmp_path):
    path = tmp_path / "空白.docx"
    docx.Document().save(path)

    with pytest.raises(IngestError, match="空白.docx.*holds no text"):
        read_self_report(path)


def test_a_missing_file_is_refused_naming_it(tmp_path):
    with pytest.raises(IngestError, match="没有.txt.*no such file"):
        read_self_report(tmp_path / "没有.txt")
