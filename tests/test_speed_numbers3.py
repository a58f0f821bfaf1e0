"""The speed tricks of numbers.py agree with the plain code they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import numbers as N


def _scan_words_plain(t: str) -> list[tuple[int, int]]:
    """What _scan_words gives, found by one regex over a copy of the text with a space before
    it and spaces for the other characters a number word may follow."""
    spaced = " " + t
    for c in N._SCAN_SPACES:
        spaced = spaced.replace(c, " ")
    forms = "|".join(sorted(N._NUMBER_WORD_FORMS, key=len, reverse=True))
    return [(m.start(), m.end() - 1) for m in re.finditer(f" (?:{forms})(?![A-Za-z])", spaced)]


# fmt: off
WORD_PIECES = st.sampled_from([
    "one", "One", "ONE", "oNe", "ones", "someone", "two", "Twenty", "TWENTY", "twenty-five",
    "hundred", "Thousand", "dozens", "seventeen", "seventeens", "nil", "ninety", "t", "o", "s",
    " ", "  ", "\n", "\t", '"', "'", "(", "[", "/", "-", ".", ",", "é", "\u2019", "\u2013",
    "€", "1", "3rd", "\x00", "?", "I",
])
# fmt: on


@settings(max_examples=1000, deadline=None)
@given(st.lists(WORD_PIECES, max_size=20).map("".join))
def test_word_scan_is_the_regex_scan(text: str) -> None:
    assert N._scan_words(text, N._OneByte(text)) == _scan_words_plain(text)


def test_marks_tell_digits_separators_and_initials_apart() -> None:
    """Each character has one mark: NUL for a digit or a Latin-1 currency sign, a space for
    what a number word may follow, ``I`` for a letter one starts with, ``.`` for the rest."""
    starts = {c for c in (*"0123456789", *N._CURRENCY) if ord(c) < 256}
    initials = {f[0] for f in N._NUMBER_WORD_FORMS}
    spaces = set(N._SCAN_SPACES)
    assert not starts & spaces and not starts & initials and not initials & spaces
    for c in map(chr, range(0x300)):
        want = "\0" if c in starts else " " if c in spaces else "I" if c in initials else "."
        assert N._OneByte(c).marks == want, c


def test_every_number_word_is_three_ascii_letters_or_more() -> None:
    """The word scan reads only ASCII letters and skips places with fewer than three left
    (``_may_start``, ``_number_word_end``): a word added to the vocabulary that breaks
    either would be skipped silently, where the regex it replaced found it."""
    assert all(len(w) >= 3 and w.isascii() and w.isalpha() for w in N._NUMBER_WORD_FORMS)
