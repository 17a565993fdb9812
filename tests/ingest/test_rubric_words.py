"""The words of a rubric workbook as an office types them: either language, the
identifiers, full-width characters, percentages."""

from __future__ import annotations

import pytest

from orgeval_tui.analytics.rubric_rules import Band
from orgeval_tui.ingest.rubric_words import (
    bands_text,
    read_bands,
    read_figure,
    read_kind,
    read_number,
    read_veto,
)


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("扣分", "deduction"), (" 按数据 分档 ", "figure"), ("Graded", "graded"),
     ("figure bands", "figure"), ("deduction", "deduction"), (None, None)],
)  # fmt: skip
def test_a_kind_is_read_in_either_language_or_as_its_identifier(typed, kind):
    assert read_kind(typed) == kind


def test_an_unknown_kind_is_refused_quoting_it():
    with pytest.raises(ValueError, match="打分"):
        read_kind("打分")


@pytest.mark.parametrize(
    ("typed", "veto"),
    [("是", True), ("否", False), ("YES", True), ("no", False), (True, True), (None, False),
     ("√", True), (1, True), (0.0, False)],
)  # fmt: skip
def test_a_veto_is_yes_or_no_in_the_words_offices_use(typed, veto):
    assert read_veto(typed) is veto


def test_bands_read_fractions_percentages_and_full_width_separators():
    assert read_bands("90%：8；0.8:7\n0 : 2") == [
        {"at_least": 0.9, "points": 8.0},
        {"at_least": 0.8, "points": 7.0},
        {"at_least": 0.0, "points": 2.0},
    ]


def test_a_band_not_written_lowest_colon_points_is_named():
    with pytest.raises(ValueError, match="band 2"):
        read_bands("0.9:8; 0.8=7")


def test_bands_written_are_read_back_exactly():
    bands = (Band(0.85, 4.0), Band(0.123456789, 2.5), Band(0.0, 0.0))

    assert read_bands(bands_text(bands)) == [
        {"at_least": b.at_least, "points": b.points} for b in bands
    ]


def test_a_figure_is_read_by_its_name_in_either_language_or_identifier():
    assert read_figure("执行率") == "execution_rate"
    assert read_figure("duty execution rate") == "execution_rate"
    assert read_figure("on_time_rate") == "on_time_rate"
    assert read_figure("出勤率") == "出勤率"  # left for the rubric's check to name


def test_numbers_typed_as_text_are_numbers():
    assert read_number("４.５") == 4.5
    assert read_number(" 3 ") == 3.0
    assert read_number("三分") == "三分"


def test_every_rubric_header_is_read_as_its_column_in_both_languages():
    from orgeval_tui.ingest.aliases import RUBRIC_ALIASES, field_for_header

    for field, names in RUBRIC_ALIASES.items():
        for name in names:
            assert field_for_header(name) == field, name
