"""The analytics messages: both languages, same placeholders, every key used exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

from orgeval_tui.i18n import analytics as messages

SOURCES = Path(__file__).resolve().parents[2] / "orgeval_tui" / "analytics"
FLAG_IDS = ("ageing", "leadership_heavy", "over_quota")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_the_same_keys_and_placeholders():
    assert set(messages.EN) == set(messages.ZH)
    for key, template in messages.EN.items():
        assert _fields(template) == _fields(messages.ZH[key]), key


def test_keys_belong_to_analytics():
    assert all(key.startswith("analytics.") for key in messages.EN)


def test_every_key_the_code_asks_for_exists():
    used = set()
    for path in SOURCES.glob("*.py"):
        used |= set(re.findall(r'"(analytics\.[a-z_.]+)"', path.read_text(encoding="utf-8")))
    used |= {f"analytics.flag.{flag}" for flag in FLAG_IDS}

    assert used, "the scan found no message keys"
    assert used <= set(messages.EN)
    assert set(messages.EN) <= used  # and no message is left over
