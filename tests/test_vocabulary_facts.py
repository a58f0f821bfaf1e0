"""Facts about the vocabularies in ``pipeline/data`` that the extractors' shortcuts rely on.

Each shortcut has a test that it agrees with the plain version on the vocabularies as they
are; these hold the vocabularies to what made the shortcut safe, so that adding a word that
breaks one fails here, not silently in the output.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "pipeline" / "data"


def _load(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((DATA / name).read_text("utf-8"))
    return loaded


def test_no_speech_word_holds_a_sentence_end_or_a_double_quote() -> None:
    # quotes._speech_start searches "intro_end" and "speech_end" only after the last
    # . ! ? “ ” or " of a paragraph: neither pattern may match across one.
    vocab = _load("quotes.json")
    keys = (
        "speech_verbs",
        "statement_verbs",
        "statement_nouns",
        "auxiliaries",
        "adverbial_openers",
        "statement_determiners",
        "object_verbs",
    )
    for key in keys:
        words = vocab[key]
        assert isinstance(words, list)
        for word in words:
            assert not set(word) & set('.!?“”"'), (key, word)


def test_furniture_words_are_ascii() -> None:
    # quotes._after_furniture's quick test looks for each word lower-cased in the lower-cased
    # attribution, which finds every capitalisation of an ASCII word only.
    words = _load("quotes.json")["furniture_words"]
    assert isinstance(words, list)
    assert all(word.isascii() for word in words)


def test_no_month_name_is_also_an_abbreviation() -> None:
    # dates._MONTH_RE reads a month name once, as a full name or an abbreviation; "May 19" is
    # a month and a two-digit year only after an abbreviation (the "myy" branch), so a full
    # name listed as an abbreviation too would change how it is read.
    months = _load("dates_vocab.json")["months"]
    assert isinstance(months, list)
    names = {m["name"].casefold() for m in months}
    abbreviations = {a.casefold() for m in months for a in m["abbr"]}
    assert not names & abbreviations
