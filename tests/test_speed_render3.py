"""Speed tricks of the reader, the record's rendering and the quotations agree with the plain
code they replace (see README, Speed)."""

from __future__ import annotations

import posixpath
from bisect import bisect_left

import regex
from hypothesis import given
from hypothesis import strategies as st

from pipeline.csvtext import csv_text, csv_utf8
from pipeline.extract.quotes import (
    _LATIN_LETTERS,
    _TOKEN,
    _ends_list,
    _list_end,
    _tokens,
)
from pipeline.normalize import bisect_offsets, collapse_space
from pipeline.read import _suffix


@given(st.text(alphabet="ab./ é\\XY", max_size=14))
def test_suffix_is_the_lowered_splitext_suffix(path: str) -> None:
    assert _suffix(path) == posixpath.splitext(path)[1].lower()


_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")


def test_latin_letters_are_the_regex_modules_letters() -> None:
    """Where _tokens reads by hand: below U+0250 its letters are the regex module's letters
    and marks, and U+2000-U+206F (punctuation, spaces) holds neither."""
    for code in [*range(0x250), *range(0x2000, 0x2070)]:
        ch = chr(code)
        assert (ch in _LATIN_LETTERS) == (_LETTER_OR_MARK.match(ch) is not None), hex(code)


_WORDS = st.sampled_from(
    ["Ann", "Cole", "O’Neil", "d'Arcy", "Smith-Jones", "J.", "Dr", "the", "Zoë", "Łódź", "&"]
)
_CHARS = st.text(alphabet="aZé ,.;:’'-&()\n\xa0\u2009\u2013“”ʼ\u0301Σяж日", max_size=8)


@given(st.lists(_WORDS | _CHARS, max_size=12))
def test_tokens_are_the_token_patterns_matches(parts: list[str]) -> None:
    s = " ".join(parts)
    assert _tokens(s) == _TOKEN.findall(s)


_LIST_WORDS = st.sampled_from(
    ["Young", "People", "Education", "Lifelong", "Learning", "for", "and", "or", "&", "AND"]
)
_GAPS = st.sampled_from([" ", "  ", "\n", "\xa0", "\t", "", "\u2028"])


@given(st.lists(st.tuples(_LIST_WORDS, _GAPS), max_size=8))
def test_ends_list_is_the_list_end_pattern(parts: list[tuple[str, str]]) -> None:
    """On a segment of a collapsed attribution, as parse_attribution splits it."""
    seg = collapse_space("".join(word + gap for word, gap in parts))
    assert _ends_list(seg) == (_list_end().match(seg) is not None)


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_csv_utf8_is_csv_text_encoded(text: str) -> None:
    assert csv_utf8(text) == csv_text(text).encode()


@given(st.text(alphabet="=+-@\t\r\n,\"' aé’😀", max_size=10))
def test_csv_utf8_is_csv_text_encoded_on_its_marks(text: str) -> None:
    assert csv_utf8(text) == csv_text(text).encode()


@given(st.lists(st.integers(-5, 40), max_size=20), st.integers(-8, 45), st.integers(0, 22))
def test_bisect_offsets_from_lo_is_bisect_left(offsets: list[int], at: int, lo: int) -> None:
    offsets.sort()
    lo = min(lo, len(offsets))
    assert bisect_offsets(offsets, at, lo) == bisect_left(offsets, at, lo)
