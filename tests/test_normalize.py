"""normalize: the one place for value normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize import (
    _MARKDOWN_WRAP,
    _SPACE_RUN,
    collapse_space,
    decimal_value,
    fraction_value,
    headline_text,
    number_value,
    offsets_of,
    parse_number_words,
    scale_multiplier,
    signed,
)


@pytest.mark.parametrize(
    ("written", "words"),
    [
        (
            "Area Assurance Inspection of CPS East Midlands",
            "Area Assurance Inspection of CPS East Midlands",
        ),
        ("# Area inspection", "Area inspection"),
        ("## **Area inspection** ##", "Area inspection"),
        ("__Area inspection__", "Area inspection"),
        ("  Area inspection  ", "Area inspection"),
        ("Area #1 inspection", "Area #1 inspection"),
        ("**Area** and **CPS**", "Area** and **CPS"),
        ("Two\nlines", "Two\nlines"),
        ("Area inspection\n===============", "Area inspection"),
        ("**Area inspection**\n---", "Area inspection"),
        ("Area inspection\n= = =", "Area inspection\n= = ="),
        ("Area inspection\n--", "Area inspection\n--"),
        ("", ""),
    ],
)
def test_headline_text_drops_markdown_wrapping_only(written: str, words: str) -> None:
    assert headline_text(written) == words


def _pattern_only(s: str) -> str:
    m = _MARKDOWN_WRAP.match(s)
    return s if m is None else str(m.group("inner") or m.group("plain") or s)


@given(st.text(alphabet=st.sampled_from("ab #*_\n\t\xa0\u2003\x1c"), max_size=30))
def test_headline_text_shortcut_agrees_with_its_pattern(s: str) -> None:
    assert headline_text(s) == _pattern_only(s)


@given(
    st.text(alphabet=st.sampled_from("ab \n\t\xa0\u2003\u2028\x1c\x1d\x1e\x1f\x85"), max_size=30)
)
def test_collapse_space_shortcut_agrees_with_its_pattern(s: str) -> None:
    assert collapse_space(s) == _SPACE_RUN.sub(" ", s).strip()


@given(st.text(alphabet=st.sampled_from('ab“”„"\n'), max_size=40))
def test_offsets_of_finds_every_listed_character_in_order(s: str) -> None:
    assert offsets_of(s, '“”„"') == [i for i, c in enumerate(s) if c in '“”„"']


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["a", "hundred", "and", "two"], (102, 4)),
        (["a", "dozen"], (12, 2)),
        (["two", "dozen"], (24, 2)),
        (["an", "million"], (1_000_000, 2)),
        (["a", "million", "and", "one"], (1_000_001, 4)),
        (["nought"], (0, 1)),
        (["nil"], (0, 1)),
        (["a", "ward"], None),
        (["two", "hundred", "dozen"], (2400, 3)),
    ],
)
def test_parse_number_words_articles_and_multipliers(
    words: list[str], expected: tuple[int, int] | None
) -> None:
    assert parse_number_words(words) == expected


def test_fraction_decimal_sign_and_money_scales() -> None:
    assert fraction_value(2, 3) == pytest.approx(2 / 3)
    assert fraction_value(1, 2, whole=2) == 2.5
    assert fraction_value(4, 2) == 2
    assert fraction_value(1, 0) is None
    assert decimal_value(2, "2") == 2.2
    assert decimal_value(0, "77") == 0.77
    assert decimal_value(1.5, "2") is None
    assert signed(504, True) == -504
    assert signed(3.5, False) == 3.5
    assert scale_multiplier("B") is None
    assert scale_multiplier("B", money=True) == 10**9
    assert number_value("2.1", "T") == 2_100_000_000_000
