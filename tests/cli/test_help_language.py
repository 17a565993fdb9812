"""`--help` speaks the user's language: every command, option and argument of `orgeval`,
with the language from --lang, ORGEVAL_LANG or LANG."""

from __future__ import annotations

import re

import pytest

from orgeval_tui.cli import app
from orgeval_tui.cli.help_language import help_texts
from orgeval_tui.domain.fieldwork_words import ACTIVITY_KINDS
from orgeval_tui.i18n import catalogues

# What stays in Latin letters in zh: Typer's own frame (its usage line and brackets),
# names the user types (commands, option values, formats, variables) and brands.
ALLOWED = {
    "Usage",
    "OPTIONS",
    "COMMAND",
    "ARGS",
    "env",
    "var",
    "required",
    "default",
    "bool",
    "str",
    "int",
    "float",
    "path",
    "date",
    "choice",
    "orgeval",
    "SQLite",
    "SQLAlchemy",
    "Excel",
    "Word",
    "WPS",
    "JSON",
    "PRC",
    "SHA",
    "DIR",
    "DAYS",
    "FILE",
    "YYYY",
    "MM",
    "DD",
    "zh",
    "en",
    "load",
    "sh",
    "xlsx",
    "xls",
    "ods",
    "csv",
    "docx",
    "txt",
    "UTF",
    "GB",
    "toml",
    "export",
    "ledger",
    "show",
    "ORGEVAL_DB",
    "ORGEVAL_LANG",
    "LANG",
}


def _english_words(shown: str, commands: set[str]) -> set[str]:
    shown = re.sub(r"--?[a-z][a-z-]*", " ", shown)  # option names
    words = set(re.findall(r"[A-Za-z_][A-Za-z_]*", shown))
    return words - ALLOWED - commands


def _command_names() -> set[str]:
    import typer.main

    names, stack = set(), [typer.main.get_command(app)]
    while stack:
        node = stack.pop()
        for name, sub in getattr(node, "commands", {}).items():
            names.update({name, *name.split("-")})  # to-ledger is read as two words
            stack.append(sub)
    return names


def test_every_help_text_has_its_chinese():
    zh = catalogues()["zh"]
    missing = [text for text in help_texts(app) if text not in zh]
    assert not missing, missing


# Option values and metavars the user types: they stay as they are, explained in zh.
VALUES = {
    "admin",
    "evaluator",
    "viewer",
    "department",
    "institution",
    "township",
    "other",
    "hotline",
    "service",
    "peer",
    "staff",
    "self",
    "onsite",
    "roster",
    "duties",
    "cases",
    "high",
    "medium",
    "low",
    "identified",
    "fed_back",
    "rectifying",
    "reported",
    "closed",
    "withdrawn",
    "open",
    "county_average_cases",
    "file",
    "unit",
    "name",
    "number",
    "value",
    "day",
    "year",
    "kind",
    "output",
    "evaluation",
    "figure",
    *ACTIVITY_KINDS,
}


def _all_help_pages() -> list[list[str]]:
    import typer.main

    pages, stack = [[]], [([], typer.main.get_command(app))]
    while stack:
        path, node = stack.pop()
        for name, sub in getattr(node, "commands", {}).items():
            pages.append([*path, name])
            stack.append(([*path, name], sub))
    return pages


@pytest.mark.parametrize("page", _all_help_pages(), ids=lambda p: " ".join(p) or "orgeval")
def test_each_help_page_in_zh_has_no_english_sentence(cli, page, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")  # no word cut at the panel's edge
    done = cli("--lang", "zh", *page, "--help")

    assert done.code == 0, done.err
    leftover = _english_words(done.out, _command_names() | VALUES)
    assert not leftover, (leftover, done.out)


def test_the_language_comes_from_orgeval_lang_or_the_locale(cli, monkeypatch):
    monkeypatch.setenv("ORGEVAL_LANG", "zh")
    by_variable = cli("units", "add", "--help")
    monkeypatch.delenv("ORGEVAL_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    by_locale = cli("import", "roster", "--help")
    english = cli("--lang", "en", "units", "add", "--help")

    assert "登记一个单位。" in by_variable.out and "全称，如 县工信局。" in by_variable.out
    assert "用 FILE 中的人员替换单位的花名册。" in by_locale.out
    assert "Register a unit." in english.out and "登记" not in english.out


def test_a_bad_language_or_date_is_refused_in_the_users_language(cli, monkeypatch):
    monkeypatch.setenv("ORGEVAL_LANG", "fr")
    language = cli("units", "list")
    monkeypatch.setenv("ORGEVAL_LANG", "zh")
    day = cli("calendar", "set", "2021-02-30", "--workday")

    assert (
        language.code == 2 and "fr is not a language of orgeval: use one of zh, en" in language.err
    )
    assert day.code == 2 and "2021-02-30 不是日期：请写成 YYYY-MM-DD" in day.err, day.err
