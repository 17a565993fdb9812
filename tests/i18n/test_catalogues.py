"""Both languages say everything."""

from __future__ import annotations

import importlib
import string

import pytest

from orgeval_tui.i18n import AREAS, catalogues, language_from_env, set_language, t


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("area", AREAS)
def test_each_area_says_everything_in_both_languages(area):
    module = importlib.import_module(f"orgeval_tui.i18n.{area}")
    assert set(module.ZH) == set(module.EN)
    for key in module.EN:
        assert _fields(module.ZH[key]) == _fields(module.EN[key]), key


def test_no_two_areas_define_the_same_message():
    total = sum(len(importlib.import_module(f"orgeval_tui.i18n.{a}").EN) for a in AREAS)
    assert len(catalogues()["en"]) == total


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh"),
        ({}, "en"),
    ],
)
def test_language_follows_the_locale(environ, expected):
    assert language_from_env(environ) == expected


def test_messages_follow_the_chosen_language():
    set_language("zh")
    assert t("unit.not_found", ref="县工信局") == "没有这个单位：县工信局"
    set_language("en")
    assert t("unit.not_found", ref="县工信局") == "no such unit: 县工信局"


def test_every_message_id_is_in_both_catalogues_with_the_same_placeholders():
    merged = catalogues()
    assert set(merged["zh"]) == set(merged["en"])
    for key, english in merged["en"].items():
        assert _fields(merged["zh"][key]) == _fields(english), key


def test_no_chinese_message_is_left_in_english():
    import re

    cjk = re.compile(r"[\u3400-\u9fff]")
    left = {
        key: text
        for key, text in catalogues()["zh"].items()
        if not cjk.search(text) and re.search(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", "", text))
    }
    assert not left, left
