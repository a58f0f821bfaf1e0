"""Mojibake (UTF-8 read as cp1252 before the text was saved or copied) is repaired at read,
with a warning; clean text, accents and all, is never changed."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401 (registers sloppy-windows-1252: cp1252 as browsers read it)
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import pipeline
from pipeline.read import MOJIBAKE_MARK, may_be_mangled, read_bytes, read_text

REPAIRED = "text-repaired"


def _mangled(text: str) -> str:
    """``text`` as a page served as UTF-8 but read as Windows-1252 shows it."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        # (name) curly apostrophe: â€™
        (_mangled("That’s a staggering amount."), "That’s a staggering amount."),
        # pound sign: Â£
        (_mangled("A gap of £11 million."), "A gap of £11 million."),
        # quotation marks and an en dash
        (_mangled("“We will act” – Cllr Ann Cole"), "“We will act” – Cllr Ann Cole"),
        # an accented name and an ellipsis
        (_mangled("Renée Dupré said… nothing."), "Renée Dupré said… nothing."),
        # cp1252 read as Latin-1 (C1 controls for the marks)
        ("\x93We are proud,\x94 she said.", "“We are proud,” she said."),
        # ”'s last byte (0x9D, not cp1252) dropped, before a space, a line's end, the end
        ("\u00e2\u20ac\u0153Yes,\u00e2\u20ac said Ann.", "“Yes,” said Ann."),
        ("\u00e2\u20ac\u0153We act.\u00e2\u20ac\nNext line", "“We act.”\nNext line"),
        ("She said \u00e2\u20ac\u0153no\u00e2\u20ac", "She said “no”"),
        # clean and mangled parts in one text: only the mangled part changes
        ("Clean “quote” then " + _mangled("“mangled”"), "Clean “quote” then “mangled”"),
    ],
)
def test_mojibake_is_repaired_with_a_warning(given_text: str, expected: str) -> None:
    document = read_text(given_text, "release.txt")
    assert document.text == expected
    assert REPAIRED in document.review
    assert any("mojibake" in w for w in document.warnings)


@pytest.mark.parametrize(
    "clean",
    [
        "Pâté’s recipe won “best in show” – £5 a slice.",
        "A naïve café… and the Ysgol Gymraeg Bryn Ŵyl.",
        "Temperatures of 20°C, ½ of the staff, © Kelby Council.",
        "Señor García’s “año” — ü, ö, ï, ô, ç.",
        "Plain ASCII only.",
    ],
)
def test_clean_text_is_not_changed(clean: str) -> None:
    document = read_text(clean, "release.txt")
    assert document.text == clean
    assert REPAIRED not in document.review
    assert document.warnings == ()


def test_a_saved_page_with_mojibake_is_repaired_before_it_is_read() -> None:
    page = (
        "<html><head><title>News</title></head><body><main><h1>Kelby pool reopens</h1>"
        f"<p>{_mangled('“It’s a great day,” said Ann Cole, leader of Kelby Council.')}</p>"
        "</main></body></html>"
    )
    document = read_bytes(page.encode("utf-8"), "page.html")
    assert "“It’s a great day,” said Ann Cole" in document.text
    assert REPAIRED in document.review


def test_a_repaired_release_keeps_its_speaker_and_its_sum() -> None:
    text = "Kelby budget set\n\nMonday 3 February 2025\n\n" + _mangled(
        "“We face a gap of nearly £11 million,” said Councillor Ann Cole, Leader of Kelby "
        "Council.\n"
    )
    release = pipeline.extract_text(text)
    assert [(q.speaker, q.role) for q in release.quotes] == [
        ("Ann Cole", "Leader of Kelby Council")
    ]
    assert [n.value for n in release.numbers] == [11_000_000]
    assert release.text[release.quotes[0].start : release.quotes[0].end].startswith("“We face")


_ANY = st.characters(codec="utf-8")
_NEAR_THE_MARK = st.sampled_from(list("ÀÂÃâôõÿ\x80\x9f\xa0£é€™’“–…ŒŸ"))


@given(st.text(alphabet=st.one_of(_ANY, _NEAR_THE_MARK)))
def test_the_byte_search_never_misses_the_mark(text: str) -> None:
    # may_be_mangled is the speed trick for the pattern: wherever the pattern finds the mark,
    # the byte search says so too (it may also say so where the pattern finds none).
    if MOJIBAKE_MARK.search(text):
        assert may_be_mangled(text.encode("utf-8"))


def test_a_release_with_no_mark_is_not_searched_by_the_pattern() -> None:
    # £, ’ and – are no mark: the byte search alone decides, and finds none.
    assert not may_be_mangled("A £5 fee – “fair”, it’s said.".encode())
    assert may_be_mangled("Café".encode()) and may_be_mangled("\x93".encode())


# Release-like text: words (some accented) between the marks, signs and breaks of releases.
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGKLMNRST"
_ACCENTED = "éèêëàáâäôöüûïîçñŵŷ"
_WORDS = st.text(alphabet=st.sampled_from([*_LETTERS * 4, *_ACCENTED]), min_size=1, max_size=9)
_BETWEEN = st.sampled_from(
    [
        " ",
        ", ",
        ". ",
        "’s ",
        " “",
        "” ",
        " ‘",
        "’ ",
        " – ",
        " — ",
        "… ",
        " £5 ",
        " €3 ",
        " ½ ",
        " 20°C ",
        "\n\n",
        " (",
        ") ",
        ": ",
    ]
)
_TEXTS = st.lists(st.tuples(_WORDS, _BETWEEN), min_size=1, max_size=15).map(
    lambda parts: "".join(word + between for word, between in parts)
)


@given(_TEXTS)
def test_release_like_text_is_kept_as_it_is(text: str) -> None:
    assert read_text(text, "release.txt").text == text


@given(_TEXTS)
def test_release_like_text_mangled_is_restored(text: str) -> None:
    # A text whose only mangled characters are letters (ŷ as Å·) can be real text: ftfy
    # leaves it (README, Known limits); releases hold marks, dashes or £ to go by.
    assume(any(mark in text for mark in "’‘“”–—…£"))
    assert read_text(_mangled(text), "release.txt").text == text
