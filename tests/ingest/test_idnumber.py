from __future__ import annotations

from datetime import date

import pytest

from orgeval_tui.i18n import set_language
from orgeval_tui.ingest.values import IdFacts, parse_id_number

from .helpers import check_char, make_id


def _refusal(raw) -> str:
    with pytest.raises(ValueError) as caught:
        parse_id_number(raw)
    return str(caught.value)


def test_the_check_digit_helper_matches_the_published_example():
    # GB 11643-1999, appendix: 11010519491231002 → X
    assert check_char("11010519491231002") == "X"


@pytest.mark.parametrize(
    ("born", "sequence", "gender"),
    [
        (date(1981, 5, 12), 11, "male"),
        (date(1985, 3, 8), 22, "female"),
        (date(2000, 2, 29), 37, "male"),
        (date(1949, 12, 31), 2, "female"),
    ],
)
def test_an_18_character_number_gives_birth_date_and_gender(born, sequence, gender):
    assert parse_id_number(make_id(born, sequence)) == IdFacts(born, gender)


def test_the_check_character_x_may_be_lower_case():
    number = "11010519491231002X"

    assert parse_id_number(number) == IdFacts(date(1949, 12, 31), "female")
    assert parse_id_number(number.lower()) == IdFacts(date(1949, 12, 31), "female")


@pytest.mark.parametrize(
    "dress",
    [
        lambda n: f" {n} ",
        lambda n: f"{n[:6]} {n[6:14]} {n[14:]}",
        lambda n: n.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        lambda n: f"'{n}",
        lambda n: f'="{n}"',
        lambda n: f"\t{n}",
    ],
    ids=["padded", "spaced", "full-width", "apostrophe", "excel-formula", "tab"],
)
def test_the_number_is_read_through_what_exports_wrap_it_in(dress):
    number = make_id(date(1990, 7, 15), 31)

    assert parse_id_number(dress(number)) == IdFacts(date(1990, 7, 15), "male")


def test_a_15_digit_number_is_of_the_1900s_and_its_last_digit_is_the_gender():
    assert parse_id_number("110101810512011") == IdFacts(date(1981, 5, 12), "male")
    assert parse_id_number("110101810512012") == IdFacts(date(1981, 5, 12), "female")


def test_a_15_digit_number_survives_a_number_cell():
    assert parse_id_number(110101810512011) == IdFacts(date(1981, 5, 12), "male")
    assert parse_id_number(110101810512012.0) == IdFacts(date(1981, 5, 12), "female")


@pytest.mark.parametrize(
    "raw",
    [
        1.101011981051201e17,
        110101198105120118,
        float(110101198105120118),
        "1.10101E+17",
        "1.10101198105120E+17",
    ],
)
def test_a_number_cell_lost_digits_and_is_refused(raw):
    message = _refusal(raw)

    assert message.startswith("the ID number was stored as a number and lost digits")
    assert "format the column as text" in message


def test_a_wrong_check_digit_names_the_expected_one_and_masks_the_number():
    number = make_id(date(1981, 5, 12), 11)
    right = number[-1]
    wrong = "3" if right != "3" else "4"
    typo = number[:-1] + wrong

    message = _refusal(typo)

    masked = f"{typo[:4]}**********{typo[-4:]}"
    assert message == f"ID number {masked}: check digit is {wrong}, expected {right}"
    assert typo not in message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("11010119810512011", "ID number 1101*********2011: 17 characters, expected 18"),
        ("1101011981051201188", "ID number 1101***********1188: 19 characters, expected 18"),
        ("12345", "ID number *****: 5 characters, expected 18 (or 15 for an old number)"),
        ("11010119810512011Y", "ID number 1101**********011Y: only digits are allowed"),
        ("1101011981O512011X", "ID number 1101**********011X: only digits are allowed"),
        ("11010181051201A", "ID number 1101*******201A: only digits are allowed"),
        ("110101198102300115", "ID number 1101**********0115: the birth date in it is not"),
        ("110101188001010115", "ID number 1101**********0115: the birth date in it is not"),
        ("110101810230011", "ID number 1101*******0011: the birth date in it is not"),
        (None, "missing"),
        ("  ", "missing"),
        (True, "ID number ****: 4 characters, expected 18"),
        (12345, "ID number *****: 5 characters, expected 18"),
        (110101198105120118.5, "the ID number was stored as a number and lost digits"),
        ("110101298105120118", "ID number 1101**********0118: the birth date in it is not"),
    ],
)
def test_malformed_numbers_are_refused_with_the_number_masked(raw, message):
    text = _refusal(raw)

    assert text.startswith(message)
    if isinstance(raw, str) and len(raw.strip()) > 8:
        assert raw not in text


def test_id_messages_follow_the_language():
    set_language("zh")
    assert _refusal("12345") == "身份证号 *****：共 5 位，应为 18 位（旧号码为 15 位）"


def test_the_fast_check_digit_agrees_with_the_weighted_sum():
    import random

    from orgeval_tui.ingest.idnumber import check_digit

    rng = random.Random(11643)
    for _ in range(5000):
        first17 = "".join(rng.choice("0123456789") for _ in range(17))
        assert check_digit(first17) == check_char(first17), first17
