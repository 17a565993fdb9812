"""Rosters as offices write them, through `orgeval import roster` and `orgeval analyze
roster` as a user runs them: every common rank header, compound ranks, public
institutions' and workers' grades, and the columns an import leaves aside."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

BIRTHS = ["1970-03-01", "1975-05-12", "1980-07-20", "1985-09-09", "1990-11-11", "1995-01-02",
          "1978-04-04", "1988-08-08"]  # fmt: skip


def _roster(path, rank_header: str | None, ranks, extra: dict[str, list] | None = None):
    """A registry roster: a title row, then the header, then one row per person."""
    book = Workbook()
    sheet = book.active
    sheet.title = "在编人员"
    extra = extra or {}
    headers = ["姓名", "性别", "出生年月", "学历"]
    headers += [rank_header] if rank_header else []
    headers += list(extra)
    sheet.append(["县工信局在编人员信息表"])
    sheet.append(headers)
    for index, rank in enumerate(ranks):
        row = [f"人员{index + 1}", "男" if index % 2 else "女", BIRTHS[index], "大学本科"]
        row += [rank] if rank_header else []
        row += [values[index] for values in extra.values()]
        sheet.append(row)
    book.save(path)
    return path


def _import(run, path, lang="en"):
    done = run("import", "roster", str(path), "--unit", "县工信局", lang=lang)
    assert done.code == 0, done.err
    return done


def _line(shown: str, label: str) -> str:
    """The line of `orgeval analyze`'s text output that shows ``label``, spaces squeezed."""
    lines = [" ".join(line.split()) for line in shown.splitlines()]
    return next(line for line in lines if line.startswith(label + " "))


def _figures(run):
    done = run("analyze", "roster", "--unit", "县工信局", "--json")
    assert done.code == 0, done.err
    return done.json()


BUREAU = ["局长（正科级）", "副局长(副科)", "一级科员", "工勤技能岗", "技术工三级", "普通工"]


@pytest.mark.parametrize(
    "header", ["职务/职级", "职务", "职务（职级）", "职务(职级)", "现任职务", "职务职级", "职级"]
)
def test_each_rank_header_spelling_gives_the_structure(run, tmp_path, header):
    path = _roster(tmp_path / "名册.xlsx", header, BUREAU)

    done = _import(run, path)
    figures = _figures(run)

    assert f"columns read: 姓名, 性别, 出生年月, 学历, {header}; columns ignored: none" in done.out
    assert figures["rank"] == {
        "county_level": 0,
        "section_chief": 1,
        "deputy_section": 1,
        "clerk": 1,
        "professional": 0,
        "worker": 3,
        "unknown": 0,
    }
    assert figures["section_level_or_above_share"] == 2 / 6
    assert figures["rank_unknown"] == 0
    shown = run("analyze", "roster", "--unit", "县工信局", lang="zh").out
    assert _line(shown, "副科级以上占比") == "副科级以上占比 33.33%"


def test_public_institution_grades_sit_on_their_ladders(run, tmp_path):
    grades = ["管理岗位五级", "管理岗位七级", "管理岗位八级", "管理岗位十级",
              "专业技术岗位", "正高级", "中级", "初级"]  # fmt: skip
    path = _roster(tmp_path / "事业单位.xlsx", "岗位等级", grades)

    _import(run, path)
    figures = _figures(run)

    assert figures["rank"] == {
        "county_level": 1,
        "section_chief": 1,
        "deputy_section": 1,
        "clerk": 1,
        "professional": 4,
        "worker": 0,
        "unknown": 0,
    }
    assert figures["section_level_or_above_share"] == 3 / 8


def test_a_column_the_import_does_not_know_is_named_as_ignored(run, tmp_path):
    path = _roster(
        tmp_path / "名册.xlsx",
        "职级",
        BUREAU,
        {"政治面貌": ["中共党员"] * 6, "职务": ["局长"] * 6, "备注": [None] * 6},
    )

    done = _import(run, path, lang="zh")

    assert (
        "工作表 在编人员：读取的列：姓名、性别、出生年月、学历、职级；"
        "未读取的列：政治面貌、职务、备注"
    ) in done.out
    assert _figures(run)["section_level_or_above_share"] == 2 / 6


def test_ranks_all_unknown_say_unknown_not_zero(run, tmp_path):
    path = _roster(tmp_path / "名册.xlsx", None, BUREAU)

    _import(run, path)
    figures = _figures(run)
    shown = run("analyze", "roster", "--unit", "县工信局", lang="zh").out

    assert figures["section_level_or_above_share"] is None
    assert figures["rank_unknown"] == 6
    assert _line(shown, "副科级以上占比") == "副科级以上占比 不详 6/6"
    assert _line(shown, "职级不详") == "职级不详 6"


def test_a_compound_value_without_a_rank_is_refused_naming_the_row(run, tmp_path):
    path = _roster(tmp_path / "名册.xlsx", "职务/职级", ["局长", *BUREAU[1:]])

    done = run("import", "roster", str(path), "--unit", "县工信局")

    assert done.code != 0
    assert "unknown rank: 局长" in done.err
