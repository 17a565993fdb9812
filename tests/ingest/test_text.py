from __future__ import annotations

from datetime import date

import pytest

from orgeval_tui.ingest.values import clean_name, clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("赵  刚", "赵刚"),
        ("王\u3000芳", "王芳"),
        (" 李 明 \n", "李明"),
        ("张\t伟", "张伟"),
        ("ＡＢＣ科", "ABC科"),
        ("陈\u200b静", "陈静"),
        ("买买提·艾力", "买买提·艾力"),
        (None, None),
        ("", None),
        ("\u3000 ", None),
        (3.0, "3"),
    ],
)
def test_clean_name(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  行政编制 ", "行政编制"),
        ("产业\n\n发展  股", "产业 发展 股"),
        ("ＡＢＣ", "ＡＢＣ"),  # characters kept as written
        ("D-01", "D-01"),
        (3.0, "3"),
        (3, "3"),
        (2.5, "2.5"),
        (date(2024, 3, 5), "2024-03-05"),
        (None, None),
        ("  ", None),
        ("\u3000", None),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean
