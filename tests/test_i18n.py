"""Both languages say everything."""

from __future__ import annotations

import string

import pytest

from orgeval_tui.i18n import en, language_from_env, set_language, t, zh


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogues_have_the_same_messages_and_placeholders():
    assert set(zh.MESSAGES) == set(en.MESSAGES)
    for key in en.MESSAGES:
        assert _fields(zh.MESSAGES[key]) == _fields(en.MESSAGES[key]), key


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
