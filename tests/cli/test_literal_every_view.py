"""Every list and show view of the CLI prints user text literally: the pilot with rich
markup and terminal escapes put at the start of every text a user or a file can give
(names of units, sections, staff, duties; problems; indicators; field notes, findings;
scores' reasons; questionnaire items; the evaluation; benchmarks), then each view run.
Wherever a marked text is printed, its markup is printed as written and its escapes as
pictures (␛), and no control character reaches the terminal."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

pytestmark = pytest.mark.sqlite_only

BOLD, LINK = "[bold]ZQX[/bold]", "[link=https://evil.example]LNK[/link]"
ESCAPES = "\x1b[2J\x1b]52;c;aGk=\x07"
MARK = f"{BOLD}{LINK}{ESCAPES}"
SHOWN_ESCAPES = "␛[2J␛]52;c;aGk=␇"
# What a terminal would obey: C0 controls but tab and line feed, DEL, C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

MARKED = {
    "unit": ("short_name",),
    "section": ("name",),
    "staff": ("name",),
    "duty": ("name",),
    "problem": ("title", "description", "recommendation", "measures", "responsible"),
    "indicator": ("name", "standard"),
    "onsite_activity": ("notes", "place"),
    "finding": ("text",),
    "score": ("justification",),
    "survey_item": ("text",),
    "evaluation": ("name",),
    "benchmark": ("note",),
}
UNIT, OTHER = "县工业和信息化局", "县总工会"
PERIOD = ("--from", "2020-01-01", "--to", "2020-12-31")
VIEWS = [
    ("units", "list"),
    ("evaluation", "list"),
    ("evaluation", "show"),
    ("rubric", "show"),
    ("analyze", "roster", "--unit", UNIT),
    ("analyze", "duties", "--unit", UNIT, *PERIOD),
    ("analyze", "cases", "--unit", UNIT, "--channel", "hotline", *PERIOD),
    ("analyze", "peer", "--unit", UNIT),
    ("analyze", "staff", "--unit", UNIT),
    ("analyze", "evaluation"),
    ("ledger", "ls"),
    ("ledger", "show", "2021-001"),
    ("score", "show", "--unit", UNIT),
    ("score", "show", "--unit", OTHER),
    ("fieldwork", "list"),
    ("fieldwork", "show", "1"),
    ("benchmark", "list"),
]
# Views that show a marked text (the others show figures, dates and codes only).
SHOWING = {
    "units list", "evaluation list", "evaluation show", "rubric show", "analyze roster",
    "analyze duties", "ledger ls", "ledger show", "score show", "fieldwork list",
    "fieldwork show",
}  # fmt: skip


def _mark(path) -> None:
    """Put MARK before every marked text (the audit chain is not this test's concern)."""
    with sqlite3.connect(path) as connection:
        for table, columns in MARKED.items():
            for column in columns:
                connection.execute(
                    f"UPDATE {table} SET {column} = ? || coalesce({column}, '')", (MARK,)
                )
        # The people met are a JSON list: their names and roles are marked inside it.
        for row_id, people in connection.execute("SELECT id, people_met FROM onsite_activity"):
            marked = [
                {key: MARK + value for key, value in person.items() if value is not None}
                for person in json.loads(people or "[]")
            ]
            connection.execute(
                "UPDATE onsite_activity SET people_met = ? WHERE id = ?",
                (json.dumps(marked, ensure_ascii=False), row_id),
            )


def test_every_view_prints_markup_and_escapes_as_written(cli, demo_db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "4000")  # no cell cut short: a cut mark is no evidence
    _mark(demo_db)
    shown_in = set()

    for view in VIEWS:
        result = cli("--db", str(demo_db), "--lang", "zh", *view)
        name = " ".join(view[:2])
        output = result.out + result.err
        # A view may wrap a long text onto the next line: joined again, the mark is whole.
        joined = re.sub(r"[ \t]*\n[ \t]*", "", output)

        assert result.code == 0, (view, result.err)
        assert not CONTROL.search(output), (view, repr(output[:400]))
        # Every ZQX the view prints comes with its brackets: none was read as markup.
        assert joined.count("ZQX") == joined.count(BOLD), (view, output[:400])
        assert joined.count("LNK") == joined.count(LINK), (view, output[:400])
        if BOLD in joined:
            shown_in.add(name)
            assert joined.count(BOLD + LINK + SHOWN_ESCAPES) == joined.count(BOLD), view

    assert shown_in >= SHOWING
