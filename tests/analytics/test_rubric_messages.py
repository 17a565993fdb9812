"""Every problem and suggestion the rubric rules word has a message, and none is left over."""

from __future__ import annotations

import re
from pathlib import Path

from orgeval_tui.i18n import rubric as messages

SOURCES = [
    Path(__file__).resolve().parents[2] / "orgeval_tui" / "analytics" / name
    for name in ("rubric_rules.py", "scoring.py")
]


def test_every_key_the_rules_ask_for_exists_and_none_is_left_over():
    used = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        used |= {f"rubric.problem.{key}" for key in re.findall(r'Problem\(\s*"([a-z_0-9]+)"', text)}
        used |= set(re.findall(r'"(rubric\.suggestion\.[a-z_]+)"', text))

    assert used, "the scan found no message keys"
    assert used == set(messages.EN)
