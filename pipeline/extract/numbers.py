"""Quantities: every number in a release that is not part of a date, with what it counts.

``find_numbers(text, dates)`` is a pure function. It finds digits (``120``, ``1,250``,
``9.4``, ``.77``, ``-504``), number words in any case (``ten``, ``Two``, ``twenty-five``, ``one
hundred and twenty``, ``a dozen``, ``minus ten``, ``two point two million``), fractions
(``two thirds``, ``three-quarters``, ``1/4``, ``2 1/2``, ``more than half were late``),
percentages (``53.5%``, ``17 per cent``, ``5pc``, ``5 pc``) and money in any currency
(``£3.2m``, ``£1.1 billion``, ``€10B``, ``GBP3.01``, ``42 KWD``, ``£3 and 50p``, ``a penny``),
and drops what only looks like a quantity (DIGIT_RULES): anything
inside a date, ordinals (``3rd``), labels and references (``Phase 3``, ``tranche 1``, ``pages
70-73``, ``paragraph 4.12``, numbered notes), telephone numbers (``0300 123 4567``, the ``999``
of ``999 calls``), identifiers glued to letters (``Covid-19``, ``v3.0``, ``10am``), times of
day (``2 pm``) and the pronoun ``one`` (``one of the busiest``, ``one by one``, ``no one``, ``a
One Team approach``).

The unit is the counted noun phrase after the number, up to its head noun: ``120 magistrates’
courts and Crown Court files finalised ...`` counts ``magistrates’ courts and Crown Court
files``. A number with no noun after it borrows the head noun of another count: of the number
it is paired with (``41 of the 60 cases``, ``10 to 20 cases``), of an earlier ``number of X`` in
its sentence, or of the nearest earlier count in its sentence or the one before (``52 cases. ...
in 38 (73.1%)``); in ``171 of them`` that count must be at least 171.

Speed: one copy of the text with a mark for each character (a digit or currency sign, what a
number word may follow, a number word's first letter) is made in C, and ``str.find`` on it
finds the few places where digits or a number word may start (see _OneByte); after that only
the few characters around each number are looked at, and the words after a number are read
with one regex match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Final

from pipeline import vocab
from pipeline.extract.dates import PHONE_RE
from pipeline.model import DateMention, NumberMention
from pipeline.normalize import FRACTION_WORDS as _FRACTION_WORDS
from pipeline.normalize import NUMBER_WORDS as _NUMBER_WORDS
from pipeline.normalize import (
    decimal_value,
    fold,
    fraction_value,
    number_value,
    parse_number_words,
    signed,
)

_V = vocab.load("numbers_vocab")
_W: Final = vocab.load("number_words")


def _words(key: str) -> frozenset[str]:
    return frozenset(_V[key]["words"])


_STOP: Final = _words("stop")
_LABELS: Final = _words("labels")
_DATED_LABELS: Final = tuple(_V["labels"]["dated"])
_WORD_LABELS: Final = _words("word_labels")


def _by_last_char(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for w in sorted(words):
        out[w[-1]] = (*out.get(w[-1], ()), w)
    return out


# Labels as written and without the full stop, by last character (see _is_label).
_LABEL_ENDS: Final = _by_last_char(_LABELS | {w.rstrip(".") for w in _LABELS})
_COMPOUND_UNITS: Final = _words("compound_units")
_MEASURE_UNITS: Final = _words("measure_units")
_GLUED_UNITS: Final = _words("glued_units")
_METRES_AFTER: Final = frozenset(_V["metres"]["after"])
_METRES_NOT_BEFORE: Final = frozenset(_V["metres"]["not_before"])
_VERBS_AFTER_AND: Final = _words("verbs_after_and")
_COLLECTIVE: Final = _words("collective_plurals")
_NOUN_LIKE: Final = _words("nouns_like_participles")
_VERBS_AFTER_COUNT: Final = _words("verbs_after_count")
_VERBS_LIKE_NOUNS: Final = _words("verbs_like_nouns")
_VERB_NEXT: Final = frozenset(_V["verbs_like_nouns"]["next"])
_CHANGE_VERBS: Final = frozenset(_V["change_subjects"]["verbs"])
_CHANGE_BETWEEN: Final = frozenset(_V["change_subjects"]["between"])
_CHANGE_BEFORE: Final = frozenset(_V["change_subjects"]["before_number"])
_CHANGE_RE: Final = re.compile(
    rf"(?<![A-Za-z])(?:{'|'.join(sorted(_CHANGE_VERBS))})(?![A-Za-z'-])", re.IGNORECASE
)
_BACK_PRONOUNS: Final = _words("back_pronouns")
_COMPARATIVES: Final = _words("comparatives")
_PLUS: Final = _words("plus_suffixes")
_RATE_SUFFIXES: Final = _words("rate_suffixes")
_OF_DETERMINERS: Final = frozenset(_V["of_determiners"])
_EMERGENCY: Final = frozenset(_V["emergency"]["numbers"])
_EMERGENCY_BEFORE: Final = frozenset(_V["emergency"]["before"])
_PAGE_ID_REACH: Final = 200  # where a page's own number may stand: its first lines
_EMERGENCY_ON_REACH: Final[int] = _V["emergency"]["on_reach"]
_EMERGENCY_AFTER: Final = frozenset(_V["emergency"]["after"])
_ONE_BEFORE: Final = frozenset(_V["idiomatic_one"]["before"])
_ONE_BEFORE_UNLESS_NOUN: Final = frozenset(_V["idiomatic_one"]["before_unless_noun"])
_ONE_AFTER: Final = frozenset(_V["idiomatic_one"]["after"])
_ONE_PAIRS: Final[
    dict[str, list[list[str]]]
] = {}  # first word after "one" -> the rest of the phrase
for _first, *_rest in _V["idiomatic_one"]["pairs"]:
    _ONE_PAIRS.setdefault(_first, []).append(_rest)
# "one by one": the second "one" comes after one of these
_ONE_PAIR_FIRSTS: Final = frozenset(p[0] for p in _V["idiomatic_one"]["pairs"] if p[1:] == ["one"])
_CURRENCY: Final[dict[str, str]] = _V["currency_symbols"]
# a currency named after the amount: ISO code, or None for a name several currencies share
_CURRENCY_WORDS: Final[dict[str, str | None]] = {
    k: v for k, v in _V["currency_words"].items() if not k.startswith("_")
}
_CURRENCY_CODES: Final = frozenset(_V["currency_codes"]["codes"])
_PREFIX_BEFORE_SIGN: Final[dict[str, str]] = _V["currency_prefixes"]["before_sign"]
_PREFIX_BEFORE_AMOUNT: Final[dict[str, str]] = _V["currency_prefixes"]["before_amount"]
_GLUED_CURRENCY: Final[dict[str, str]] = _V["currency_prefixes"]["glued_after"]
_AFTER_AMOUNT: Final[dict[str, str]] = _V["currency_prefixes"]["after_amount"]
_SIGN_AFTER: Final[dict[str, str]] = _V["currency_after_signs"]["signs"]
_SUBUNITS: Final[dict[str, str]] = _V["subunits"]["words"]
_ANY_CURRENCY_SUBUNITS: Final = frozenset(_V["subunits"]["any_currency"])
_TIME_OF_DAY: Final = frozenset(_V["time_of_day"]["words"])
_RATING_WORDS: Final = _words("rating_words")
_SLOGAN_HEADS: Final = _words("slogan_heads")
_LABEL_RANGE_LINKS: Final = _words("label_range_links")
_MONEY_SCALES: Final = frozenset(_W["money_scales"])
_MULTIPLIERS: Final[dict[str, int]] = _W["multipliers"]
_SCALE_WORDS: Final = frozenset(_W["scales"]) | frozenset(_W["hundred"]) | frozenset(_MULTIPLIERS)
_ARTICLES: Final = frozenset(_W["articles"])
_SIGNS: Final = frozenset(_W["signs"])
_POINT: Final[str] = _W["point"]
_DIGIT_WORDS: Final[dict[str, str]] = _W["digit_words"]
_FRACTIONS_NEED_OF: Final = frozenset(_W["fractions_needing_of"]["words"])
_CODE_BEFORE_RE: Final = re.compile(
    rf"(?<![A-Za-z])(?P<code>{'|'.join(sorted(_CURRENCY_CODES))}"
    rf"|{'|'.join(re.escape(p) for p in sorted(_PREFIX_BEFORE_AMOUNT, key=len, reverse=True))})"
    r" ?\Z"
)
_CODE_AFTER_RE: Final = re.compile(
    rf" ?(?P<code>{'|'.join(sorted(_CURRENCY_CODES | set(_AFTER_AMOUNT)))})(?![A-Za-z])"
)
# "1 point 1", "two point two": the digits after the point, as digits or digit words
_POINT_RE: Final = re.compile(
    rf" {_POINT} (?P<digits>\d+(?!\d|[.,]\d)|(?:(?:{'|'.join(_DIGIT_WORDS)})(?: |(?![A-Za-z])))+)",
    re.IGNORECASE,
)
_TIME_INITIALS: Final = frozenset("aApPoO")
_SIGN_ENDS: Final = tuple(f for w in sorted(_SIGNS) for f in (w, w.capitalize(), w.upper()))
_SIGN_LAST: Final = frozenset(f[-1] for f in _SIGN_ENDS)
_CODE_LAST_CHARS: Final = frozenset(c[-1] for c in (*_CURRENCY_CODES, *_PREFIX_BEFORE_AMOUNT))
_POINT_OR_DIGIT: Final = frozenset("pP0123456789")
# "10 000": thousands grouped with spaces
_SPACED_GROUPS_RE: Final = re.compile(r"(?: \d{3}(?!\d))+(?![.,]\d|-)")
# "one, two and three": a list of numbers goes on after "one"
_LIST_NEXT_RE: Final = re.compile(r",? (?:and |or )?([A-Za-z]+)")
# The second term of a range after its link: £5-10m, 2 to 3 million, between £2 and £3 billion
_RANGE_LINKS: Final = ("-", "\u2013", " to ")
_LINK_WORDS: Final = frozenset(("to", "and"))  # the words of _range_link_at's links
_RANGE_NEXT_RE: Final = re.compile(
    rf"(?P<link>[-\u2013]| to | and )[{''.join(map(re.escape, _CURRENCY))}]?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<glued>[A-Za-z]*)"
    r"(?: (?P<word>[A-Za-z]+))?"
)
# A rate's denominator: "12.4 per 1,000 population", "8.1 deaths per 100,000 people".
_PER_RE: Final = re.compile(r" per (?:\d{1,3}(?:,\d{3})+|\d+)(?![.,]?\d|[A-Za-z%])")
_MIXED_FRACTION_RE: Final = re.compile(r" (?P<n>\d)/(?P<d>\d{1,2})(?![\d/])")
_FRACTION_RE: Final = re.compile(r"/(?P<d>\d{1,3})(?![\d/]|\.\d)")
_TIME_OF_DAY_RE: Final = re.compile(r" ?(?P<w>[ap]\.?m\b\.?|o'?clock\b)", re.IGNORECASE)
# "£3 and 50p", "3 pounds 1 pence", "$20 and 43 cents": what may stand between an amount and
# its hundredth part
_SUBUNIT_GAP_RE: Final = re.compile(r"(?: [A-Za-z]{1,9})?(?: and)? ")
_FIXED_TAILS: Final[dict[str, list[list[str]]]] = {}
for _p in _V["fixed_units"]["phrases"]:
    _head, *_tail = _p.split()
    _FIXED_TAILS.setdefault(_head, []).append(_tail)
_DIGIT_SCALES: Final[dict[str, int]] = _W["digit_scales"]
_SPACED_SCALES: Final = frozenset(w for w in _DIGIT_SCALES if len(w) > 3)  # "1.3 million"
_GLUED_SCALES: Final = frozenset(w for w in _DIGIT_SCALES if len(w) <= 3)  # "£3.2m", "£1bn"
_PAIR_WORDS: Final = _words("pair_words")
_ADVERBS_BEFORE: Final = _words("adverbs_before_phrase")
_AGE_BEFORE: Final = frozenset(_V["ages"]["before"])
_AGE_LINKS: Final = frozenset(_V["ages"]["links"])
_AGE_UNIT: Final[str] = _V["ages"]["unit"]
_AGE_PEOPLE: Final = frozenset(_V["ages"]["people"])
_AGE_MAX: Final[int] = _V["ages"]["max"]
_AGE_NOT_NAMES: Final = frozenset(_V["ages"]["not_names"])
_BAND_PART: Final = rf"(?:(?:{'|'.join(_V['ages']['band']['parts'])})[ \t-]+)?"
# Matched backwards from a decade's digits ("in her late 20s", "in his 40s or 50s"): bounded
# by _BAND_REACH characters, so a search costs at most that.
_AGE_BAND_RE: Final = re.compile(
    rf"(?<![\w-])in\s+(?:{'|'.join(_V['ages']['band']['possessives'])})\s+{_BAND_PART}"
    rf"(?:[1-9]0s(?:\s+(?:or|to|and)\s+|\s*[-\u2013]\s*){_BAND_PART})?\Z",
    re.IGNORECASE,
)
_BAND_REACH: Final = 40
_AGE_WORDS: Final = tuple(sorted(_AGE_BEFORE | _AGE_LINKS))
# The last letters of the age words, in both cases: a quick test before the lower-case copy.
_AGE_LAST: Final = frozenset(c for w in _AGE_WORDS for c in (w[-1], w[-1].upper()))
_PERCENT_WORDS: Final = _words("percent_words")
_PERCENT_GLUED: Final = _words("percent_glued")
_RANGE_DASHES: Final = ("-", "\u2013")  # 5-11, 5–11
_RATIO_WORDS: Final = tuple(_V["ratios"]["words"])
_RATIO_AFTER: Final = frozenset(_V["ratios"]["after"])
_SCORE_WORDS: Final = frozenset(_V["ratios"]["score_words"])
_RATIO_WORD_RE: Final = re.compile(
    rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, _RATIO_WORDS))})(?![^\W\d_])", re.IGNORECASE
)
# The second term of a ratio: 1:4, 18 to 1 (not 1:4:2, 1:4.5, 18 to 1%).
_RATIO_RE: Final = re.compile(r"(?::|[ \t]+to[ \t]+)(\d{1,4})(?![\w:/%]|[.,]\d)")
_RATIO_REACH = 60  # how far before a ratio its word ("a staff ratio of") may stand
_SPACED_SCALE_STARTS: Final = tuple(f" {w}" for w in _SPACED_SCALES)
# (" pc": 5 pc, lower case: percent_glued)
_PERCENT_STARTS: Final = (" %", " per", " Per", " PER", *(f" {w}" for w in sorted(_PERCENT_GLUED)))
_PERCENT_SECOND: Final = frozenset(p[1] for p in _PERCENT_STARTS)

# The words after a number: each preceded by one space or one line break, so that a tab, a run
# of spaces (table columns), punctuation or a digit ends the run. Letters, apostrophes and
# hyphens make a word (magistrates', children's, well-led); _phrase stops at a word that does
# not start with a letter. (Plain ranges: Unicode classes make this match twice as slow; the
# first word written out and possessive repeats, which never need to give back a letter, save
# the regex engine another tenth.)
_WORD: Final = r"[A-Za-z\u00c0-\u024f&'-]++"
_RUN_RE: Final = re.compile(rf"[ \n]{_WORD}(?:[ \n]{_WORD}){{0,7}}")
_RUN_OPENERS: Final = (" ", "\n")  # what a run starts with
# Digits, maybe after a currency sign, with any letters glued on. The pattern starts with a
# character class, so the regex engine skips the rest of the text in C.
_DIGITS_RE: Final = re.compile(
    rf"[0-9{''.join(_CURRENCY)}](?:(?<=[{''.join(_CURRENCY)}]) ?-?\d|(?<=\d))[\d,.]*"
    r"(?P<glued>[A-Za-z]*)"
)
_WIDE_SIGNS: Final = tuple(c for c in _CURRENCY if ord(c) >= 256)  # "€", "₹": no Latin-1 byte
_SIGN_BYTES: Final = frozenset(ord(c) for c in _CURRENCY if ord(c) < 256)
_HYPHEN_CHAIN_RE: Final = re.compile(r"(?:-\d+){2,}")  # the rest of an identifier: 978-1-78655-...
_NUMBER_SHAPE_RE: Final = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


# Written-out numbers: whole words such as "one", "Twenty", "TEN" after a space, a line break,
# a quote mark, a bracket, a slash or a dash (or at the start of the text).
_FRACTION_ALONE: Final = frozenset(w for w in _FRACTION_WORDS if w[-1] != "s")  # a third of
_FRACTION_ALONE_BEFORE: Final = frozenset(_V["fraction_alone"]["before"])
_HALF_NOT_AFTER: Final = frozenset(_V["fraction_alone"]["half_not_after"])
_FRACTION_DETERMINERS: Final = frozenset(_V["fraction_alone"]["determiners_after"])
_ARTICLE_MONEY: Final[dict[str, str]] = _V["article_money"]["words"]
_ARTICLE_MONEY_NOT_BEFORE: Final = frozenset(_V["article_money"]["not_before"])
_HALF_BEFORE: Final = frozenset(_V["half_alone"]["before"])
_HALF_AFTER: Final = frozenset(_V["half_alone"]["after"])
_BY_HEDGES: Final = frozenset(_V["fraction_by"]["hedges"])
_BY_AFTER: Final = frozenset(_V["fraction_by"]["after"])
_NUMBER_WORD_FORMS: Final = frozenset(
    form
    for w in (*_W["small"], *_W["tens"], *_SCALE_WORDS, *_FRACTION_ALONE)
    for form in (w, w.capitalize(), w.upper())
)
_LONGEST_NUMBER_WORD: Final = max(map(len, _NUMBER_WORD_FORMS))
_SCAN_SPACES: Final = (" ", "\n", "\t", '"', "'", "(", "[", "/", "-")


def _mark_table() -> bytes:
    """The table that turns a Latin-1 copy of the text into its marks (see _OneByte): NUL
    where a digits match may start (a digit, a currency sign), a space for what may stand
    before a number word, ``I`` for a letter a number word starts with, ``.`` for the rest."""
    table = bytearray(b"." * 256)
    for c in _SCAN_SPACES:
        table[ord(c)] = ord(" ")
    for form in _NUMBER_WORD_FORMS:
        table[ord(form[0])] = ord("I")
    for c in (*"0123456789", *_CURRENCY):
        if ord(c) < 256:
            table[ord(c)] = 0
    return bytes(table)


_MARKS: Final = _mark_table()


def _pair_table(pairs: Iterable[str]) -> bytes:
    """A table of the two-letter ``pairs``: its byte at ``256 * ord(a) + ord(b)`` is 1 for a
    pair ``ab`` in ``pairs``, 0 for any other two Latin-1 characters."""
    table = bytearray(256 * 256)
    for pair in pairs:
        table[256 * ord(pair[0]) + ord(pair[1])] = 1
    return bytes(table)


# The first and second letter, and the second and third, of each number word (see _may_start).
_FIRST_PAIRS: Final = _pair_table({form[:2] for form in _NUMBER_WORD_FORMS})
_SECOND_PAIRS: Final = _pair_table({form[1:3] for form in _NUMBER_WORD_FORMS})


def _ending_table(words: Iterable[str], last_alone: str = "") -> bytes:
    """A _pair_table of the last two letters of each of ``words``, in either case (a word of
    one letter, or a letter of ``last_alone``, ends a pair after any character): see
    _may_end_in."""
    ends = {w[-2:] for w in words if len(w) > 1}
    alone = {w for w in words if len(w) == 1} | set(last_alone)
    return _pair_table(
        {a + b for e in ends for a in {e[0], e[0].upper()} for b in {e[1], e[1].upper()}}
        | {chr(a) + b for c in alone for a in range(256) for b in {c, c.upper()}}
    )


def _may_end_in(t: str, i: int, table: bytes) -> bool:
    """Whether ``t[i - 2 : i]`` may end a word of ``table`` (see _ending_table), in any case:
    a look at one table byte, which spares most words the slicing and lower-casing of the
    full test. True where either character is beyond Latin-1 (lower-cased, some are two
    characters) and where ``i < 2``: the caller's full test then tells."""
    if i < 2:
        return True
    a, b = ord(t[i - 2]), ord(t[i - 1])
    return a > 255 or b > 255 or table[256 * a + b] == 1


_LATIN1_SPACES: Final = "".join(c for c in map(chr, range(256)) if c.isspace())
# The last two letters of labels (a plural's "s" or a full stop after any), of word labels and
# of age words (white space after any: the word may end before it).
_LABEL_PAIRS: Final = _ending_table(_LABELS | {w.rstrip(".") for w in _LABELS}, "s.")
_WORD_LABEL_PAIRS: Final = _ending_table(_WORD_LABELS)
_AGE_PAIRS: Final = _ending_table(_AGE_WORDS, _LATIN1_SPACES)


class _OneByte:
    """The text as one byte per character, so that ``str.find`` on one mark per character
    finds the few places that may hold a number (far faster than a regex scan, which tries
    the pattern at every space or digit): ``raw``, the Latin-1 copy (a character beyond
    Latin-1 is a ``?``), and ``marks`` (see _mark_table). (A plain class: see _Cand.)"""

    def __init__(self, t: str) -> None:
        self.raw = t.encode("latin-1", "replace")
        self.marks = self.raw.translate(_MARKS).decode("latin-1")


_PERCENT_RE: Final = re.compile(
    r" ?%| (?:per[ -]?cent|percent"
    + "".join(f"|(?-i:{re.escape(w)})" for w in sorted(_PERCENT_GLUED))
    + ")(?![A-Za-z])",
    re.IGNORECASE,
)
_LETTER_RUN_RE: Final = re.compile(r"[A-Za-z]+")
# What a word after a number word that goes on with it starts with: a number word, or "and".
_NEXT_WORD_INITIALS: Final = frozenset(
    c for w in (*_NUMBER_WORDS, "and") for c in (w[0].lower(), w[0].upper())
)
_NEXT_WORD_RE: Final = re.compile(r"(?:[ \t]+|-|[ \t]*\n[ \t]*)(?:and[ \t]+)?([A-Za-z]+)")
# The end of a sentence, and of a paragraph (a blank line, or a line that ends a sentence).
_SENTENCE_END_RE: Final = re.compile(
    r"[.!?]['\")\]]*\s+(?=['\"(\[]*[A-Z0-9£])|\n[ \t]*\n|[.!?:]['\")\]]*[ \t]*\n"
)
_END_STARTS: Final = (".", "\n", "!", "?", ":")  # what each of their matches starts with
# "number of", "total of". Found by looking for each word less its first letter with
# str.find (much faster than a regex scan), then matching the pattern one letter before.
_NUMBER_OF_FORMS: Final = [
    form for w in sorted(_words("number_of")) for form in (w, w.capitalize())
]
_NUMBER_OF_RE: Final = re.compile("|".join(f"{form}\\s+of\\s+" for form in _NUMBER_OF_FORMS))
_TAILS: Final = {form[1:] for form in _NUMBER_OF_FORMS}
# A tail that starts with a shorter one ("umbers" after "umber") would find nothing new.
_NUMBER_OF_TAILS: Final = sorted(
    a for a in _TAILS if not any(a != b and a.startswith(b) for b in _TAILS)
)
_NOTE_PREFIX: Final = frozenset(" \t#>*\u2022-")
_SECTION_NUMBER_RE: Final = re.compile(r"\d{1,2}\.\d{1,2}")
_MAX_UNIT_WORDS: Final = 6
_LOOK_BACK_COUNTS: Final = 12  # how many earlier numbers a bare number looks at for its unit
_LOOK_BACK_CHARS: Final = 600
_WRAPPED_LINE: Final = 50  # a line at least this long that breaks inside a phrase is hard-wrapped


class _Cand:
    """A quantity found. (A plain class, not a dataclass: compiled, its ``__init__`` is
    native code, where a dataclass's generated one stays interpreted Python.)"""

    def __init__(
        self,
        start: int,
        end: int,
        value: int | float,
        kind: str,  # cardinal, percent, money
        unit: str | None = None,
        head: str | None = None,  # the unit's head noun, lent to numbers that have no noun
        single_one: bool = False,  # the word "one" on its own
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.kind = kind
        self.unit = unit
        self.head = head
        self.how = "direct"  # direct; next: paired with the following number; back; back_ge
        self.single_one = single_one
        self.sub_end = -1  # "43 cents": where the hundredth part's word ends
        self.skip_to = -1  # "12.4 per 1,000": where a rate's denominator ends (no count)


def _joins_subunit(t: str, prev: _Cand, c: _Cand) -> bool:
    """Whether ``c``, a hundredth part (``50p``, ``1 pence``, ``43 cents``), completes the
    amount ``prev`` before it (``£3 and 50p``, ``3 pounds 1 pence``); if so ``prev`` takes it
    in."""
    if prev.kind != "money" or prev.value != int(prev.value):
        return False
    if prev.unit != c.unit and c.how != "any":
        return False
    if c.sub_end < 0 or abs(c.value) >= 1 or c.start - prev.end > 16:
        return False
    if _SUBUNIT_GAP_RE.fullmatch(t, prev.end, c.start) is None:
        return False
    prev.value = round(prev.value + c.value, 2)
    prev.end = max(c.end, c.sub_end)
    return True


class _Words:
    """The run of words after a position ``pos``: as written and in lower case. (A plain
    class: see _Cand.)"""

    def __init__(self, pos: int, raw: list[str], low: list[str], end: int) -> None:
        self.pos = pos
        self.raw = raw
        self.low = low
        self.end = end  # where the run ends in the text

    def start(self, k: int) -> int:
        """Where word ``k`` starts (each word follows one separator)."""
        if k == 0:
            return self.pos + 1  # most phrases start with the first word
        return self.pos + 1 + sum(map(len, self.raw[:k])) + k

    def end_of(self, k: int) -> int:
        return self.start(k) + len(self.raw[k])


def _run(t: str, pos: int) -> _Words | None:
    """The words right after ``pos`` (see _RUN), cut where a short line ends."""
    if t[pos : pos + 1] not in _RUN_OPENERS:
        return None  # (no space or line break: _RUN_RE fails at once, a call it need not cost)
    m = _RUN_RE.match(t, pos)
    if m is None:
        return None
    run = m.group()
    if "\n" in run:
        return _wrapped_run(t, pos, run)
    # one space between words; the match starts at pos, so it ends len(run) after it (a run
    # in lower case already is split once: its words are their own lower-case forms)
    raw = run.split()
    low = run.lower()
    return _Words(pos, raw, raw if low == run else low.split(), pos + len(run))


def _wrapped_run(t: str, pos: int, run: str) -> _Words | None:
    """A run with a line break in it: a short line (a heading, a list item) ends the phrase;
    a hard-wrapped line, or a next line that goes on in lower case, does not."""
    raw: list[str] = []
    cur = pos + 1
    for w in run[1:].replace("\n", " ").split(" "):
        if t[cur - 1] == "\n":
            lo = cur - 1 - _WRAPPED_LINE
            short = lo < 0 or t.rfind("\n", lo, cur - 1) != -1
            if not w[0].islower() and short:
                break
        raw.append(w)
        cur += len(w) + 1
    if not raw:
        return None
    return _Words(pos, raw, [w.lower() for w in raw], cur - 1)


def _plural(w: str) -> bool:
    return w in _COLLECTIVE or (w[-1:] == "s" and w[-2:] not in ("ss", "us", "is"))


_Role = tuple[bool, bool, bool, bool, bool]
_ROLES: Final[dict[str, _Role | None]] = {}  # _word_role's cache
_ROLES_MAX: Final = 8192


def _word_role(w: str) -> _Role | None:
    """How a lower-case word of a run acts in a noun phrase (see _role_of). Cached, as the same
    words come back in release after release: in a plain dict (compiled, one lookup is a
    direct call, where an ``lru_cache`` wrapper is a Python call), emptied when full."""
    role = _ROLES.get(w)
    if role is not None or w in _ROLES:
        return role
    if len(_ROLES) >= _ROLES_MAX:
        _ROLES.clear()
    role = _ROLES[w] = _role_of(w)
    return role


def _role_of(w: str) -> _Role | None:
    """How a lower-case word of a run acts in a noun phrase: (possessive, modifier, ends the
    phrase after a noun, plural, counted time unit); None for a word that ends the phrase
    before it."""
    if not w[0].isalpha():
        return None  # an opening quote mark, a dash
    possessive = w[-1] == "'" or w[-2:] == "'s"  # magistrates' courts, children's files
    if possessive:
        w = w[:-2] if w[-1] == "s" else w.rstrip("'")
    if w in _STOP or w in _NUMBER_WORDS:
        return None
    if "-" in w and all(p in _NUMBER_WORDS or p in _PLUS for p in w.split("-")):
        return None  # forty-two, twenty-plus: the next count starts
    # Participles and adverbs ("qualified", "recently") may come before a noun but never
    # head a phrase; after a noun they end it ("files finalised", "officer attending").
    modifier = w not in _NOUN_LIKE and (
        (w[-2:] == "ed" and len(w) > 4) or (w[-2:] == "ly" and len(w) > 3)
    )
    ends_after_noun = modifier or (w[-3:] == "ing" and len(w) > 5)
    # "two years' experience": the years are counted and the phrase ends with them
    counted_unit = possessive and w in _MEASURE_UNITS
    return possessive, modifier, ends_after_noun, _plural(w), counted_unit


def _ing_before_plural(low: list[str], j: int, n: int) -> bool:
    """Word ``j``, an -ing word, modifies a plural noun right after it: ``youth offending
    teams`` (``officers attending incidents`` ends at officers: its noun is not the head)."""
    if not low[j].endswith("ing") or j + 1 >= n:
        return False
    role = _word_role(low[j + 1])
    return role is not None and role[3] and not role[1] and not role[2]


_VERB_CUES = frozenset(_V["verb_after_plural"]["next"])
# units written short, which take no plural "s" ("1,400 sq km lies to the north")
_SHORT_UNITS: Final = frozenset(_V["verb_after_plural"]["short_units"]) | _GLUED_UNITS


def _verb_after_plural(low: list[str], j: int) -> bool:
    """Word ``j``, ending in ``s`` after a plural in ``-s`` or a unit written short (``km``),
    is a verb: one of ``verbs_after_and``, or one followed by ``to`` or a determiner
    (``lounges starts to``, ``wards needs the``, ``sq km lies to``; not ``a``: ``cases a
    week``; after a short unit only ``to``: ``kWh batteries the council bought``); a
    collective plural before it (``staff``) may head a compound."""
    before = low[j - 1]
    if low[j] in _VERBS_AFTER_AND:
        return before not in _COLLECTIVE and (before.endswith("s") or before in _SHORT_UNITS)
    if j + 1 >= len(low) or before in _COLLECTIVE:
        return False
    if before.endswith("s"):
        return low[j + 1] in _VERB_CUES
    return low[j + 1] == "to" and before in _SHORT_UNITS


def _phrase(ws: _Words, i: int) -> tuple[int, int]:
    """Read a noun phrase (no coordination) from word ``i``: (index after it, index after its
    head). The head is the last word that may head a phrase; -1 when there is none."""
    plural_seen = noun_seen = False
    head = -1
    low = ws.low
    n = min(len(low), i + _MAX_UNIT_WORDS)
    if i < n and low[i] == "o":  # Welsh: "60,000 o gartrefi", "17 o flynyddoedd": "o" and its noun
        return (i + 2, i + 2) if i + 1 < n else (i, -1)
    j = i
    while j < n:
        role = _word_role(low[j])
        if role is None:
            break
        possessive, modifier, ends_after_noun, plural, counted_unit = role
        if noun_seen and ends_after_noun and not _ing_before_plural(low, j, n):
            break
        if plural_seen and not plural:
            break  # after a plural head only another plural goes on: "courts cases"
        if (plural_seen or (plural and j > i and low[j - 1] in _SHORT_UNITS)) and (
            _verb_after_plural(low, j)
        ):
            break  # "the two lounges starts to", "sq km lies to": a verb, not a noun
        j += 1
        if counted_unit:
            return j, j
        if not modifier:
            noun_seen = True
            head = j
            if plural and not possessive:
                plural_seen = True
    return j, head


def _phrase_at(t: str, ws: _Words, i: int) -> tuple[int, int, int, int] | None:
    """The noun phrase from word ``i`` of ``ws``, coordination included: (start, end, start
    and end of its head noun), or None."""
    j, head = _phrase(ws, i)
    if head <= i:
        return None
    # Coordination: "firefighters and staff", "magistrates' courts and Crown Court files".
    low = ws.low
    n = len(low)
    while head == j and j + 1 < n and low[j] in ("and", "&"):
        k, conj_head = _phrase(ws, j + 1)
        if conj_head != k or conj_head <= j + 1:
            break
        w = low[conj_head - 1]
        if not _plural(w) or w in _VERBS_AFTER_AND or low[j + 1] in _VERBS_AFTER_AND:
            break
        after = low[k] if k < n else t[ws.end + 1 : ws.end + 2]
        if after[:1].isdigit() or after in _OF_DETERMINERS:
            break  # "... and operates 23 stations": a verb and its object
        j = head = k
    last = head - 1
    start = ws.start(i)
    head_start = start if last == i else ws.start(last)
    end = head_end = head_start + len(ws.raw[last])
    word = low[last]
    if word[-1] == "'":  # "12 years' service", "12 calls’ were": no mark on the unit's end
        word = word.rstrip("'")
        head_end -= len(ws.raw[last]) - len(ws.raw[last].rstrip("'"))
        end = head_end
    elif word[-2:] == "'s" and word[:-2] in _MEASURE_UNITS:
        word = word[:-2]  # one year's delay: the year is counted
        end = head_end = head_end - 2
    # Terms that run on with a preposition: "children in care".
    for tail in _FIXED_TAILS.get(word, ()):
        if low[head : head + len(tail)] == tail:
            end = ws.end_of(head + len(tail) - 1)
            break
    return start, end, head_start, head_end


def _word_before(t: str, i: int) -> tuple[str, int]:
    """The word right before ``i`` and one white-space character, lower case (a label word
    may end with a full stop: ``No.``), and where it starts; ``("", i)`` when there is none."""
    if i < 2 or t[i - 1] not in " \n\t":
        return "", i
    lo = max(0, i - 24)
    parts = t[lo : i - 1].rsplit(None, 1)
    if not parts:
        return "", i
    w = parts[-1].lstrip("(\"'[")  # "(paragraphs 3.4"
    if not w or not w.replace(".", "").isalpha():
        return "", i
    return w.lower(), i - 1 - len(w)


def _ends_in_label(s: str) -> bool:
    return s.endswith(_LABEL_ENDS.get(s[-1:], ()))


def _is_label(t: str, s: int) -> bool:
    """A label or reference word right before the number and one character (``s >= 2``), its
    last character a letter or a full stop: Phase 3, pages 70, paragraph 4.12."""
    # Most words before a number end in no label (nor in a label and "s" or "?s"): a look at
    # their last two letters tells, or at the end of the lower-case text before, without
    # cutting the word out.
    if not _may_end_in(t, s - 1, _LABEL_PAIRS) or not (t[s - 2].isalpha() or t[s - 2] == "."):
        return False
    tail = t[s - 24 if s > 24 else 0 : s - 1].lower()
    if not tail[-1:].isalpha():
        tail = tail.rstrip().rstrip(".")
    if not _ends_in_label(tail) and not (
        tail[-1:] == "s" and (_ends_in_label(tail[:-1]) or _ends_in_label(tail[:-2]))
    ):
        return False
    return _label_before(t, s)


def _label_before(t: str, s: int) -> bool:
    """Whether the word before ``s`` is a label, a plural of one or one with its full stop
    (what _is_label gives, without its quick test)."""
    w, _ = _word_before(t, s)
    if not w:
        return False
    if w in _LABELS:
        return True
    w = w.rstrip(".")
    return w in _LABELS or (w.endswith("s") and (w[:-1] in _LABELS or w[:-2] in _LABELS))


def _label_range_tail(t: str, s: int, label_end: int) -> bool:
    """``73`` in ``pages 70-73`` or ``paragraphs 4.12 and 4.13``: joined to a label's number."""
    if label_end < 0 or not 0 <= s - label_end <= 7:
        return False
    return t[label_end:s].strip().lower() in _LABEL_RANGE_LINKS


def _opens_line(t: str, s: int) -> bool:
    """Whether only indent or a list mark (``#``, ``>``, ``*``, ``•``, ``-``) stands between
    the line start and ``s``."""
    i = s
    while i > 0 and t[i - 1] != "\n":
        if t[i - 1] not in _NOTE_PREFIX:
            return False
        i -= 1
    return True


def _numbered_note(t: str, s: int, e: int) -> bool:
    """``1.`` / ``2)`` opening a line and followed on it by the note's words: a list number,
    not a quantity (``97.`` ending a hard-wrapped sentence's last line is a quantity)."""
    if t[e : e + 1] not in (".", ")") or t[e + 1 : e + 2] not in (" ", "\t", "\xa0"):
        return False
    line_end = t.find("\n", e + 1)
    if not t[e + 1 : line_end if line_end >= 0 else len(t)].strip():
        return False
    return _opens_line(t, s)


def _section_number(t: str, s: int, e: int) -> bool:
    """``1.1`` / ``2.4`` opening a line before a capitalised word (``1.1 Leadership – Good``):
    a section or criterion number, not a quantity."""
    if not (t[e + 1 : e + 2].isupper() and _SECTION_NUMBER_RE.fullmatch(t, s, e)):
        return False
    return _opens_line(t, s)


def _phone_end(t: str, s: int) -> int | None:
    """The end of a telephone number starting at ``s``, if one does."""
    m = PHONE_RE.match(t, s)
    if m is None:
        return None
    digits = sum(c.isdigit() for c in m.group())
    return m.end() if 10 <= digits <= 13 else None


def _emergency(t: str, s: int, ws: _Words | None) -> bool:
    """Whether the 999 (or 101, 111, ...) at ``s`` is a phone number: call words around it."""
    if ws is not None and ws.low[0] in _EMERGENCY_AFTER:
        return True
    before, k = _word_before(t, s)
    if before in _EMERGENCY_BEFORE:
        return True
    if before in ("or", "and") and t[k - 4 : k - 1] in _EMERGENCY:
        return _emergency(t, k - 4, None)  # call 101 or 999
    if before == "on":  # call police on 101, contact us on 101
        words = t[max(0, k - 60) : k].lower().split()[-_EMERGENCY_ON_REACH:]
        return any(w.strip(",.;:()") in _EMERGENCY_BEFORE for w in words)
    return False


def _digit_matches(t: str, copy: _OneByte | None = None) -> list[tuple[int, int, int]]:
    """(start, end, start of the glued letters) of each match that ``_DIGITS_RE.finditer(t)``
    gives. The regex engine tests each character against a class in a slow loop, and each
    match call costs more to set up than the match itself: ``str.find`` on the marks of the
    one-byte copy (``copy``, made here when not given), where each character that may start a
    match is a NUL, finds the places to try ten times faster, and _digits_at reads the match
    there from the bytes. (A character beyond Latin-1 is one ``?`` in the copy, unmarked: only
    a currency sign beyond Latin-1, such as "€", would start a match there.)"""
    if any(sign in t for sign in _WIDE_SIGNS):
        return [(m.start(), m.end(), m.start("glued")) for m in _DIGITS_RE.finditer(t)]
    if copy is None:
        copy = _OneByte(t)
    raw, marks = copy.raw, copy.marks
    out: list[tuple[int, int, int]] = []
    i = marks.find("\0")
    while i != -1:
        got = _digits_at(t, raw, i)
        if got is None:  # a sign with no digits
            i = marks.find("\0", i + 1)
            continue
        glued_at, end = got
        out.append((i, end, glued_at))
        i = marks.find("\0", end)
    return out


def _is_decimal(t: str, raw: bytes, j: int) -> bool:
    """Whether ``t[j]`` is what ``\\d`` matches (``raw``: the one-byte copy of ``t``, where a
    character beyond Latin-1 is a ``?``, and then the text tells)."""
    c = raw[j]
    return 48 <= c <= 57 or (c == 63 and t[j].isdecimal())


def _digits_at(t: str, raw: bytes, i: int) -> tuple[int, int] | None:
    """Where the glued letters of the _DIGITS_RE match at ``i`` start and where it ends, read
    from ``raw`` (``t`` as one byte per character, as in _digit_matches) with integer tests
    instead of a regex call; None when no match starts there."""
    n = len(raw)
    j = i + 1
    if not 48 <= raw[i] <= 57:  # a currency sign: " ?-?\d" must follow
        if raw[i] not in _SIGN_BYTES:
            return None
        if j < n and raw[j] == 32:
            j += 1
        if j < n and raw[j] == 45:
            j += 1
        if j >= n or not _is_decimal(t, raw, j):
            return None
        j += 1
    while j < n and (raw[j] == 44 or raw[j] == 46 or _is_decimal(t, raw, j)):
        j += 1
    glued_at = j
    while j < n and (65 <= raw[j] <= 90 or 97 <= raw[j] <= 122):
        j += 1
    return glued_at, j


def _scan_words(t: str, copy: _OneByte) -> list[tuple[int, int]]:
    """Where written-out numbers start and end: whole words of _NUMBER_WORD_FORMS after one of
    _SCAN_SPACES or at the start. ``str.find`` on the marks of the one-byte copy finds each
    such character before a letter that starts a number word, and only the word there is
    read."""
    raw, marks = copy.raw, copy.marks
    out: list[tuple[int, int]] = []
    if marks[:1] == "I" and _may_start(raw, 0) and (e := _number_word_end(t, raw, 0)) > 0:
        out.append((0, e))
    k = marks.find(" I")
    while k != -1:
        if _may_start(raw, k + 1) and (e := _number_word_end(t, raw, k + 1)) > 0:
            out.append((k + 1, e))
        k = marks.find(" I", k + 2)
    return out


def _may_start(raw: bytes, s: int) -> bool:
    """Whether the first three letters at ``s`` (in ``raw``: see _OneByte) may start a number
    word: a test of two table bytes that turns away nine in ten of the words that start with a
    number word's first letter ("the", "for", "service") before any string is cut out."""
    if s + 2 >= len(raw):
        return False  # (every number word has three letters or more)
    b = raw[s + 1]
    return _FIRST_PAIRS[256 * raw[s] + b] == 1 and _SECOND_PAIRS[256 * b + raw[s + 2]] == 1


def _number_word_end(t: str, raw: bytes, s: int) -> int:
    """Where the number word at ``s`` ends (its letters, ``[A-Za-z]``, read from ``raw``: see
    _OneByte); -1 when the letters there make no number word."""
    end = min(len(raw), s + _LONGEST_NUMBER_WORD + 1)
    e = s + 1
    while e < end and (65 <= raw[e] <= 90 or 97 <= raw[e] <= 122):
        e += 1
    return e if t[s:e] in _NUMBER_WORD_FORMS else -1


def _read_words(t: str, s: int, first: list[str], e: int) -> tuple[int, int] | None:
    """Extend the number words ``first`` (read from ``s`` to ``e``) over the words that
    continue them; return (value, end) of the longest number that reads from ``s`` ("one
    hundred and twenty", "a hundred and two")."""
    words = first
    pos = e
    while len(words) < 12:
        nxt = t[pos + 1 : pos + 2]
        if t[pos : pos + 1] == " " and nxt.isalpha() and nxt not in _NEXT_WORD_INITIALS:
            break  # (a word that is neither a number word nor "and": no regex call)
        m = _NEXT_WORD_RE.match(t, pos)
        if m is None or m.group(1).lower() not in _NUMBER_WORDS:
            break
        joined_by_and = bool(t[pos : m.start(1)].strip(" \t\n-"))
        more = [*words, "and", m.group(1)] if joined_by_and else [*words, m.group(1)]
        read = parse_number_words(more)
        if read is None or read[1] < len(more):
            break  # "seven and nine", "one one": the number ended before this word
        words, pos = more, m.end(1)
    parsed = parse_number_words(words)
    if parsed is None or parsed[1] < len(first):
        return None
    return parsed[0], pos


@dataclass(slots=True)
class _Scan:
    """What one pass over a text needs to remember."""

    t: str  # the folded text
    dates: list[tuple[int, int]]
    date_starts: list[int]
    skip_until: int = 0
    label_end: int = -1


def _in_date(sc: _Scan, s: int, e: int) -> bool:
    i = bisect_right(sc.date_starts, e - 1) - 1
    return i >= 0 and sc.dates[i][1] > s


def _glued(t: str, e: int) -> str:
    m = _LETTER_RUN_RE.match(t, e)
    return m.group() if m else ""


class _Tok:
    """A digits match, cut to its number: where it starts (at a currency sign or code, if
    any), where its digits start and end, and the characters around them. (A plain class:
    see _Cand; compiled, its fields are read straight from the object, which each rule
    does several times.)"""

    def __init__(
        self,
        s: int,
        ds: int,
        e: int,
        num: str,
        prev: str,  # the character before the match
        nxt: str,  # the character after the digits
        currency: str | None,  # ISO code of a sign or code written before the amount
        glued: str,  # letters glued to the digits ("" when punctuation ends them)
        negative: bool,  # a minus sign between the currency and the digits
    ) -> None:
        self.s = s
        self.ds = ds
        self.e = e
        self.num = num
        self.prev = prev
        self.nxt = nxt
        self.currency = currency
        self.glued = glued
        self.negative = negative


@dataclass(frozen=True, slots=True)
class _Skip:
    """A rule's verdict that digits are not a quantity, and the scan state it leaves: skip
    the text up to ``skip_until``; ``label_end``: a label's number ends there."""

    skip_until: int = 0
    label_end: int = -1


# What a rule of DIGIT_RULES says: nothing (None), no quantity (_Skip), or the quantity.
_Verdict = tuple[_Cand, _Words | None] | _Skip | None


def _glued_to_word(t: str, k: _Tok) -> bool:
    p = k.prev
    if p == " ":
        return False  # (most numbers)
    return p.isalpha() or p in "_#" or (p in ".,:" and k.s > 1 and t[k.s - 2].isalnum())


def _after_word_dash(t: str, k: _Tok) -> bool:
    if k.prev not in "-/" or k.s < 2:
        return False
    return t[k.s - 2].isalpha() or (k.prev == "/" and t[k.s - 2].isdigit())


def _rule_glued(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    return _Skip() if k.currency is None and _glued_to_word(t, k) else None


def _rule_word_dash(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    if k.currency is None and _after_word_dash(t, k):
        return None if k.glued == "s" and _age_band(t, k) else _Skip()  # in his mid-30s
    return None


def _rule_colon(t: str, k: _Tok, sc: _Scan) -> _Verdict:
    if not t[k.e + 1 : k.e + 2].isdigit():
        return None
    ratio = _ratio(t, k)
    return _Skip() if ratio is None else (ratio, None)


def _rule_footnote(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    return _Skip() if k.prev == "[" and k.nxt == "]" else None


def _rule_identifier(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    chain = _HYPHEN_CHAIN_RE.match(t, k.e) if k.nxt == "-" else None
    return _Skip(skip_until=chain.end()) if chain else None


def _rule_time_of_day(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    if k.glued or k.currency:
        return None
    return _Skip() if _time_of_day(t, k.e) else None


def _rule_label(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    if k.currency or k.prev not in " \n" or k.s < 2:
        return None
    if not _is_label(t, k.s):
        return None
    if t[max(0, k.s - 12) : k.s - 1].lower().endswith(_DATED_LABELS) and not (
        t[k.e : k.e + 4] == " of " or (t[k.e : k.e + 1] == " " and t[k.e + 1 : k.e + 2].isdigit())
    ):
        return None  # quoting 3 studies (quoting 1590 20/07/23 is a log's number)
    return _Skip(label_end=k.e)


def _rule_label_range(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    if k.currency is None and sc.label_end >= 0 and _label_range_tail(t, k.s, sc.label_end):
        return _Skip(label_end=k.e)
    return None


def _rule_subsection(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    # "Section 2(1)", "regulation 12(2)(b)": the bracket is the section's, its number no count
    if k.currency is None and k.s >= 2 and (t[k.s - 2].isdigit() or t[k.s - 2] == ")"):
        return _Skip()
    return None


def _rule_note(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    note = k.currency is None and k.nxt in ".)" and _numbered_note(t, k.s, k.e)
    return _Skip() if note else None


def _rule_section(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    if k.currency is None and k.nxt == " " and "." in k.num and _section_number(t, k.s, k.e):
        return _Skip()
    return None


def _rule_phone(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    if k.currency or not ((k.num[0] == "0" and k.nxt in " -") or k.prev in "(+"):
        return None
    phone = _phone_end(t, k.s - 1 if k.prev in "(+" else k.s)
    return None if phone is None else _Skip(skip_until=phone)


def _rule_leading_zero(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    # "incident 0451": a reference; a long run of zeros before digits stays a number
    if k.currency is None and k.num[:1] == "0" and k.num[1:2].isdigit() and len(k.num) <= 8:
        return _Skip()
    return None


def _rule_page_id(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    # a number alone on a line above every word of the page: an incident log's number
    if k.currency is None and k.s < _PAGE_ID_REACH and not any(c.isalpha() for c in t[: k.s]):
        return _Skip()
    return None


def _rule_emergency(t: str, k: _Tok, sc: _Scan) -> _Skip | None:
    if k.currency or k.num not in _EMERGENCY:
        return None
    return _Skip() if _emergency(t, k.s, _run(t, k.e)) else None


_DigitRule = Callable[[str, _Tok, "_Scan"], _Verdict]

# Digits that are not a quantity, tried in order: (name, example, rule). The first rule that
# returns a verdict decides: a _Skip drops the digits and says how the scan goes on; a
# quantity (the colon rule's ratio) is read as it stands.
# Each rule runs only when the character before the digits is one of its first string and the
# character after them one of its second ("" for any): most numbers, between spaces, skip most
# rules without a call.
DIGIT_RULES: Final[tuple[tuple[str, str, _DigitRule, str, str], ...]] = (
    ("glued-to-a-word", "version v3 and road A1", _rule_glued, "", ""),
    ("after-a-word-and-dash", "during Covid-19 and 24/7", _rule_word_dash, "-/", ""),
    ("colon-not-a-ratio", "at 10:30 they won 2:1 (Genesis 1:1)", _rule_colon, "", ":"),
    ("footnote-mark", "as reported [3] before", _rule_footnote, "[", "]"),
    ("subsection-mark", "it breached Section 2(1) and rule 12(2)(b)", _rule_subsection, "(", ")"),
    ("identifier-chain", "ISBN 978-1-78655-123-4", _rule_identifier, "", "-"),
    ("time-of-day", "the meeting starts at 2 pm", _rule_time_of_day, "", " "),
    ("label", "progress on Phase 3 and group 4", _rule_label, " \n", ""),
    ("label-range", "see pages 70-73", _rule_label_range, "", ""),
    ("numbered-note", "\n1. The inspection covered", _rule_note, "", ".)"),
    ("section-number", "\n1.1 Leadership was good", _rule_section, "", " "),
    ("phone-number", "call 0300 123 4567 today", _rule_phone, "", ""),
    ("emergency-number", "it took 999 calls", _rule_emergency, "", ""),
    ("page-id-line", "81422\n\nCar Fire in Mill Lane", _rule_page_id, " \n", "\n"),
    ("leading-zero", "quoting incident 0451 of 12 May", _rule_leading_zero, "", ""),
)


def _digit_verdict(t: str, k: _Tok, sc: _Scan) -> _Verdict:
    """The verdict of the first of DIGIT_RULES that gives one for ``k``, each rule tried only
    when the characters around the digits pass its gates (as ``in`` tests them in the table's
    loop: an empty ``nxt``, at the text's end, passes each gate on it). The rules are called
    here by name, in the table's order: compiled, each is then a direct call, not a Python
    call of a function object read from the table (for every number of every text)."""
    p, n = k.prev, k.nxt
    space_after = n == " " or not n
    v: _Verdict = _rule_glued(t, k, sc)
    if v is None and (p == "-" or p == "/"):
        v = _rule_word_dash(t, k, sc)
    if v is None and (n == ":" or not n):
        v = _rule_colon(t, k, sc)
    if v is None and p == "[" and (n == "]" or not n):
        v = _rule_footnote(t, k, sc)
    if v is None and p == "(" and (n == ")" or not n):
        v = _rule_subsection(t, k, sc)
    if v is None and (n == "-" or not n):
        v = _rule_identifier(t, k, sc)
    if v is None and space_after:
        v = _rule_time_of_day(t, k, sc)
    if v is None and (p == " " or p == "\n"):
        v = _rule_label(t, k, sc)
    if v is None:
        v = _rule_label_range(t, k, sc)
    if v is None and (n == "." or n == ")" or not n):
        v = _rule_note(t, k, sc)
    if v is None and space_after:
        v = _rule_section(t, k, sc)
    if v is None:
        v = _rule_phone(t, k, sc)
    if v is None:
        v = _rule_emergency(t, k, sc)
    if v is None and (p == " " or p == "\n") and (n == "\n" or not n):
        v = _rule_page_id(t, k, sc)
    if v is None:
        v = _rule_leading_zero(t, k, sc)
    return v


def _time_of_day(t: str, e: int) -> bool:
    """Whether ``am``, ``p.m.`` or ``o'clock`` follows ``e``: a time of day (``2 pm``)."""
    if t[e + 1 : e + 2] not in _TIME_INITIALS and t[e : e + 1] not in _TIME_INITIALS:
        return False  # (most numbers: no regex match needed)
    m = _TIME_OF_DAY_RE.match(t, e)
    return m is not None and m.group("w").lower().replace(".", "") in _TIME_OF_DAY


def _currency_before(t: str, s: int) -> tuple[int, str] | None:
    """An ISO code or prefix right before ``s`` (``GBP3.01``, ``EUR 20``, ``Rs 20``): where it
    starts and its code."""
    last = t[s - 2 : s - 1] if t[s - 1 : s] == " " else t[s - 1 : s]
    if last not in _CODE_LAST_CHARS:
        return None  # (most numbers: no regex search needed)
    m = _CODE_BEFORE_RE.search(t, max(0, s - 9), s)
    if m is None:
        return None
    code = m.group("code")
    return m.start(), _PREFIX_BEFORE_AMOUNT.get(code, code)


def _token(t: str, s: int, glued_at: int, end: int) -> _Tok | None:
    """The number of a digits match (from ``s`` to ``end``, its glued letters from
    ``glued_at``), or None when it has no number shape (``£`` alone, ``1.2.3``, ``1,25``)."""
    e = glued_at
    currency = _CURRENCY.get(t[s])
    ds = s
    negative = False
    if currency:
        ds = s + 2 if t[s + 1 : s + 2] == " " else s + 1
        if t[ds] == "-":
            ds, negative = ds + 1, True  # $-99.99
        for n in (2, 1):  # US$4.7 billion, A$30
            pre = t[s - n : s] if s >= n else ""
            if pre in _PREFIX_BEFORE_SIGN and not t[s - n - 1 : s - n].isalpha():
                currency, s = _PREFIX_BEFORE_SIGN[pre], s - n
                break
    else:
        code = _currency_before(t, s)
        if code is not None:
            s, currency = code
    while e > ds and t[e - 1] in ",.":
        e -= 1  # "... 1,250, the" / "... 120." : sentence punctuation
    num = t[ds:e]
    if not num or (not num.isdigit() and _NUMBER_SHAPE_RE.fullmatch(num) is None):
        return None
    prev = t[s - 1] if s else " "
    glued = t[glued_at:end] if e == glued_at else ""
    return _Tok(s, ds, e, num, prev, t[e : e + 1], currency, glued, negative)


def _digits(
    sc: _Scan, s: int, glued_at: int, end: int
) -> tuple[_Cand, _Words | None] | _Skip | None:
    """The quantity of a digits match (maybe after a currency sign or code; see _token) and
    the words after it; a _Skip when a rule of DIGIT_RULES says it is no quantity."""
    t = sc.t
    k = _token(t, s, glued_at, end)
    if k is None:
        return None
    verdict = _digit_verdict(t, k, sc)
    if verdict is not None:
        return verdict
    if k.nxt == "/" and t[k.e + 1 : k.e + 2].isdigit():
        return _digit_fraction(t, k)
    if k.nxt == " " and t.startswith(" to ", k.e):
        ratio = _ratio(t, k)
        if ratio is not None:
            return ratio, None
    s, num = k.s, k.num
    if k.prev == "." and k.currency is None and num.isdigit() and (s < 2 or t[s - 2] in " (\n\t"):
        s, num = s - 1, "0." + num  # .77
    negative = k.negative
    if k.prev == "-" and (s < 2 or t[s - 2] in " (\n\t") and t[s - 2 : s - 1] != "-":
        s, negative = s - 1, True  # -504
    elif k.prev == " " and _sign_word_before(t, s):
        before, b = _word_before(t, s)
        if before in _SIGNS:
            s, negative = b, True  # minus 1,200,000
    got = _amount(t, k, num)
    if got is None:
        return None
    c, ws = got
    c.start = s
    c.value = signed(c.value, negative)
    return c, ws


def _ratio(t: str, k: _Tok) -> _Cand | None:
    """``1:4``, ``a ratio of 18 to 1``: one quantity of kind ``ratio`` whose value is the
    first term over the second (``ratios`` in numbers_vocab.json says when it is read)."""
    m = _RATIO_RE.match(t, k.e)
    if m is None or k.currency or not k.num.isdigit():
        return None
    second = m.group(1)
    if k.nxt == ":":
        after = _word_after(t, m.end())
        if after in _RATIO_AFTER or _ratio_word_before(t, k.s):
            pass  # a ratio of 1:10, a 3:1 ratio, a 60:40 split
        elif k.num != "1" or len(second) == 2 or not _bare_ratio(t, k.s, after):
            return None  # won 2:1, open 24:7, at 1:30, Genesis 1:1, drew 1:1
    elif "1" not in (k.num, second) or not _ratio_word_before(t, k.s):
        return None  # "18 to 1" only in "a ratio of 18 to 1"
    value = fraction_value(int(k.num), int(second))
    return None if value is None else _Cand(k.s, m.end(), value, "ratio")


def _word_after(t: str, e: int) -> str:
    """The word after ``e`` and one space, lower case ("" when none)."""
    m = _LETTER_RUN_RE.match(t, e + 1) if t[e : e + 1] == " " else None
    return "" if m is None else m.group().lower()


def _bare_ratio(t: str, s: int, after: str) -> bool:
    """Whether a ``1:M`` at ``s`` with no ratio word round it is a ratio (``1:1 support``):
    not after a capitalised word inside its sentence (a reference: ``Genesis 1:1``), nor
    next to a score word (``drew 1:1``, ``a 1:3 defeat``)."""
    before, b = _word_before(t, s)
    if before in _SCORE_WORDS or after in _SCORE_WORDS:
        return False
    if not before or not t[b].isupper():
        return True
    j = b - 1
    while j >= 0 and t[j] in " \t":
        j -= 1
    return j < 0 or t[j] in ".!?:\n"  # "Toddlers 1:4" opening a line or sentence


def _ratio_word_before(t: str, s: int) -> bool:
    """Whether a ratio word stands before ``s`` (within _RATIO_REACH) with no number, stop
    or line break between (``a ratio of 18 to 1``, ``ratios were 1:10``)."""
    window = t[max(0, s - _RATIO_REACH) : s]
    # Whole words only: "celebration" and "registration" end in "ration", not "ratio".
    words = list(_RATIO_WORD_RE.finditer(window))
    return bool(words) and not any(c.isdigit() or c in ".;\n" for c in window[words[-1].end() :])


def _digit_fraction(t: str, k: _Tok) -> tuple[_Cand, _Words | None] | _Skip | None:
    """``1/4``, ``3/15``: a proper fraction (``24/7`` and ``1/2/3`` are not)."""
    fm = _FRACTION_RE.match(t, k.e)
    if fm is None or not k.num.isdigit():
        return _Skip()
    n, d = int(k.num), int(fm.group("d"))
    value = fraction_value(n, d)
    if value is None or n >= d or d > 100 or k.currency:
        return _Skip()
    c = _Cand(k.s, fm.end(), value, "fraction")
    return c, _run(t, fm.end())


def _scale_word(w: str) -> str:
    """A scale word with a plus suffix cut off: ``million-plus`` is ``million`` (the
    suffix then reads as ``3,000-plus``), and so with a period's (``million-a-year``); other
    words come back as they are."""
    scale, dash, rest = w.partition("-")
    return scale if dash and (rest in _PLUS or rest in _RATE_SUFFIXES) else w


def _amount(t: str, k: _Tok, num: str) -> tuple[_Cand, _Words | None] | None:
    """Read the amount of ``k`` (``num``: its digits): glued scales, units and currencies,
    a scale word after it, a currency after it, percentages."""
    currency = k.currency
    scale: str | None = None
    unit: str | None = None
    sub = False  # 50p: a hundredth part
    percent = False  # 5pc
    end = k.e
    glued = k.glued
    if glued:
        low = glued.lower()
        if low == "m" and not currency and _metres(t, k.s, k.e + 1):
            unit = glued  # a 13.5m ladder, 10m x 5m, 2m high
        elif low in _DIGIT_SCALES or (currency and low in _MONEY_SCALES):
            scale = low  # £3.2m, £1.1bn, 4.8million, €10B
        elif glued in _CURRENCY_CODES or glued in _GLUED_CURRENCY:
            currency = _GLUED_CURRENCY.get(glued, glued)  # 42MYR, 20Rs
        elif ("+" + glued) in _SUBUNITS and not currency:
            currency, sub = _SUBUNITS["+" + glued], True  # 50p (30C is a temperature)
        elif (low == "hrs" or low == "hr") and _hhmm(num):
            return None  # 1800hrs, 2230hrs: a clock's time (a police log's), not hours
        elif low in _GLUED_UNITS and (low != "in" or not t[k.e + 2 : k.e + 3].isdigit()):
            unit = glued  # 1.2MB, 5ft 10in (not the "1in10" of "one in ten")
        elif glued in _PERCENT_GLUED and not currency:
            percent = True  # 5pc
        elif low == "s" and _age_band(t, k):
            unit = _AGE_UNIT  # a man in his 40s, a woman in her late 20s
        else:
            return None  # 3rd, 10am, 1990s, 4G
        end = k.e + len(glued)
    if currency and scale is None and t[end : end + 1] == " ":
        short = _glued(t, end + 1)
        if short.lower() in _GLUED_SCALES:
            scale = short.lower()  # £2 bn, £3.5 m: after a currency sign, not metres
            end += 1 + len(short)
    if not glued and k.nxt == " " and num.isdigit() and t[end + 1 : end + 2] in _POINT_OR_DIGIT:
        groups = _SPACED_GROUPS_RE.match(t, end) if len(num) <= 3 else None
        if groups is not None:
            num, end = num + groups.group().replace(" ", ""), groups.end()  # 10 000
        p = _POINT_RE.match(t, end)
        if p is not None and p.group("digits").isdigit():
            num, end = f"{num}.{p.group('digits')}", p.end()  # 1 point 1
        mixed = _MIXED_FRACTION_RE.match(t, end) if num.isdigit() else None  # not 1 point 5
        if mixed is not None and currency is None:
            value = fraction_value(int(mixed["n"]), int(mixed["d"]), int(num))
            if value is not None and int(mixed["n"]) < int(mixed["d"]):
                return _Cand(k.s, mixed.end(), value, "fraction"), _run(t, mixed.end())  # 2 1/2
    ws = None
    if scale is None and unit is None:
        ws = _run(t, end)
        if ws is not None and _scale_word(ws.low[0]) in _SPACED_SCALES:
            scale = _scale_word(ws.low[0])  # 1.3 million, £1.1 billion, 3 million-plus
            end += 1 + len(scale)
            ws = None
    if (
        scale is None
        and unit is None
        and not glued
        # (the run after the number tells most numbers no link follows, with no call: a
        # link word opens it, or, with no run, a dash stands there)
        and (ws.raw[0] in _LINK_WORDS if ws is not None else t[end : end + 1] in _RANGE_DASHES)
        and _range_link_at(t, end)
    ):
        scale = _range_scale(t, k.s, end, num, currency is not None)  # £5-10m: £5m
    value = (
        int(num)
        if scale is None and len(num) < 17 and num.isdigit() and num.isascii()
        else number_value(num, scale)
    )
    if value is None:  # pragma: no cover - the shape was checked
        return None
    if ws is None:
        ws = _run(t, end)
    if ws is not None and ws.low[0] in _MULTIPLIERS:
        value *= _MULTIPLIERS[ws.low[0]]  # 200 dozen
        end += 1 + len(ws.raw[0])
        ws = _run(t, end)
    if currency is None and unit is None:
        after = t[end : end + 1]
        if (after in _SIGN_AFTER and after not in _CURRENCY) or after == "¢":
            code = _SIGN_AFTER[after]  # 10¢
            return _money(k.s, end + 1, value, code), None
        if after in _CURRENCY and not t[end + 1 : end + 2].isalnum():
            return _money(k.s, end + 1, value, _CURRENCY[after]), None  # 20€, 10$
        cm = _CODE_AFTER_RE.match(t, end) if t[end + 1 : end + 2].isupper() else None
        if cm is not None and glued == "":
            code = _AFTER_AMOUNT.get(cm.group("code"), cm.group("code"))
            return _money(k.s, cm.end(), value, code), _run(t, cm.end())  # 42 KWD
    if currency:
        c = _Cand(k.s, end, value, "money", currency, currency)
        sub_word = "+" + glued.lower() if sub else ""
        if not sub and ws is not None and ws.low[0] in _SUBUNITS and num.isdigit():
            sub, sub_word = True, ws.low[0]  # GBP 1 pence
            end += 1 + len(ws.raw[0])
        if sub:
            c.value, c.sub_end = value / 100 if value % 100 else value // 100, end
            if sub_word in _ANY_CURRENCY_SUBUNITS:
                c.how = "any"  # 20 ringgit and 43c
        return c, None
    if percent:
        return _Cand(k.s, end, value, "percent", "percent", "percent"), None
    if unit is None and (k.nxt == "%" or _percent_after(t, end)):
        p = _PERCENT_RE.match(t, end)
        if p:
            return _Cand(k.s, p.end(), value, "percent", "percent", "percent"), None
    return _Cand(k.s, end, value, "cardinal", unit, unit), ws


def _hhmm(num: str) -> bool:
    """Whether ``num`` is four digits that read as a 24-hour clock's time (``1800``, ``2359``;
    ``0800``, with its leading zero, is no number already)."""
    return len(num) == 4 and num.isdigit() and num < "2400" and num[2] < "6"


def _age_band(t: str, k: _Tok) -> bool:
    """Whether the digits of ``k``, a glued ``s`` after them, are an age band: a decade
    after ``in his``/``her``/``their`` (``in her late 20s``, the second of ``in his 40s or
    50s``; ``ages.band`` in numbers_vocab.json)."""
    n = k.num
    if k.currency or len(n) != 2 or n[1] != "0" or n[0] == "0" or t[k.e + 1 : k.e + 2].isalnum():
        return False
    return _AGE_BAND_RE.search(t[max(0, k.s - _BAND_REACH) : k.s]) is not None


def _metres(t: str, s: int, e: int) -> bool:
    """Whether the ``m`` glued to the digits at ``s`` (ending at ``e``) is metres: before a
    word of ``metres.after`` (also after a hyphen: ``1.5m-long``), or after ``a``/``an``
    before a singular noun (``a 13.5m ladder``); not ``1.2m people``."""
    c = t[e : e + 1]
    if c == "-":
        return _glued(t, e + 1).lower() in _METRES_AFTER
    if c == "\u00d7":
        return True  # 10m×5m
    after = _word_after(t, e)
    if after in _METRES_AFTER:
        return True
    before = _word_before(t, s)[0]
    if before == "x":
        return True  # 10m x 5m
    if not after or _plural(after) or after in _STOP or after in _SCALE_WORDS:
        return False
    return before in _ARTICLES and after not in _METRES_NOT_BEFORE  # not "a 2m budget"


def _range_link_at(t: str, e: int) -> bool:
    """Whether a range's link (``-``, ``–``, `` to ``, `` and ``) stands at ``e`` before a
    digit or a currency sign: a look at a few characters, no call for most numbers."""
    c = t[e : e + 1]
    w = t[e + 1 : e + 2] if c == " " else ""
    if c == "-" or c == "\u2013":
        n = e + 1
    elif w == "t" and t[e + 2 : e + 4] == "o ":
        n = e + 4
    elif w == "a" and t[e + 2 : e + 5] == "nd ":
        n = e + 5
    else:
        return False
    d = t[n : n + 1]
    return d.isdigit() or d in _CURRENCY


def _range_scale(t: str, s: int, e: int, num: str, money: bool) -> str | None:
    """The scale that a number written with none (``num``, from ``s`` to ``e``) shares with
    the second term of its range: ``£5-10m``, ``£10-£15 million``, ``2 to 3 million``,
    ``between £2 and £3 billion`` (``and`` only after ``between``); not where the first term
    is the larger (``from 800 to 1.2 million``)."""
    m = _RANGE_NEXT_RE.match(t, e)
    if m is None or (m["link"] == " and " and _word_before(t, s)[0] != "between"):
        return None
    glued = m["glued"].lower()
    if glued:
        ok = glued in _DIGIT_SCALES or (money and glued in _MONEY_SCALES)
        scale = glued if ok else None
    else:
        word = (m["word"] or "").lower()
        scale = word if word in _SPACED_SCALES else None
    if scale is None or float(num.replace(",", "")) > float(m["num"].replace(",", "")):
        return None
    return scale


def _shares_currency(t: str, p: _Cand, c: _Cand) -> bool:
    """Whether ``c``, a count with no noun, is the second term of a range whose first, ``p``,
    is money: ``£5-10m``, ``£2m to 3m``, ``between £2m and 3m`` (``and`` only after
    ``between``)."""
    if p.kind != "money" or p.sub_end >= 0 or c.start - p.end > 5:
        return False
    link = t[p.end : c.start]
    if link == " and ":
        return _word_before(t, p.start)[0] == "between"
    return link in _RANGE_LINKS


def _money(s: int, e: int, value: int | float, code: str) -> _Cand:
    """A money amount; a code ``XXX/100`` is a hundredth of the currency XXX (``10¢``)."""
    if code.endswith("/100"):
        code = code[:-4]
        value = value / 100 if value % 100 else value // 100
    return _Cand(s, e, value, "money", code, code)


def _idiomatic_one(t: str, s: int, ws: _Words | None) -> bool:
    """``one`` at ``s`` (``ws``: the words after it) as a pronoun, in a set phrase or in a
    name: ``no one``, ``one of the best``, ``one by one``, ``one another``, ``a One Team
    approach``."""
    before, k = _word_before(t, s)
    if before in _ONE_BEFORE:
        return True
    if before in _ONE_PAIR_FIRSTS and _word_before(t, k)[0] == "one":
        return True  # the second "one" of "one by one"
    if ws is None:
        return before in _ONE_BEFORE_UNLESS_NOUN
    first = ws.low[0]
    if first in _ONE_AFTER:
        return True
    if ws.raw[0][:1].isupper() and any(w in _SLOGAN_HEADS for w in ws.low[1:3]):
        return True  # one Area ethos, a One Team approach
    for rest in _ONE_PAIRS.get(first, ()):
        if ws.low[1 : 1 + len(rest)] == rest:
            return True
    if first == "of":
        # "one of the 60 cases" counts; "one of the busiest", "one of their own" do not.
        return _of_target(t, ws, 0) != "next"
    return before in _ONE_BEFORE_UNLESS_NOUN and _phrase_at(t, ws, 0) is None


def _word_start(t: str, s: int, e: int) -> tuple[int, list[str]] | None:
    """Where a written-out number starting with ``t[s:e]`` begins, and its first words: a
    scale word needs an article before it (``a hundred``, ``a dozen``)."""
    w = t[s:e]
    if w.lower() not in _SCALE_WORDS:
        return s, [w]
    before, b = _word_before(t, s)
    if before not in _ARTICLES:
        return None  # hundreds of, thousand-strong
    return b, [before, w]


def _word_number(sc: _Scan, s: int, e: int) -> tuple[_Cand, _Words | None] | None:
    """The quantity written out from ``t[s:e]`` on ("one hundred and twenty") and the words
    after it, or None."""
    t = sc.t
    if s > 1 and t[s - 1] == "-" and t[s - 2].isalpha():
        return None  # year-one, follow-on
    if t[e : e + 2] == "'s":
        return None  # one's own
    if t[s:e].lower() in _FRACTION_ALONE:
        return _fraction_alone(t, s, e)
    start = _word_start(t, s, e)
    if start is None:
        return None
    if (
        s > 1
        and t[s - 1] in " \n"
        and t[s - 2].isalpha()
        and _may_end_in(t, s - 1, _WORD_LABEL_PAIRS)
        and _word_before(t, s)[0] in _WORD_LABELS
    ):
        return None  # Phase two, Domain one, tranche three
    read = _read_words(t, start[0], start[1], e)
    if read is None:
        return None
    value: int | float
    value, end = read
    single_one = value == 1 and end == e and start[0] == s
    p = _POINT_RE.match(t, end) if t[end + 1 : end + 2] in "pP" else None
    if p is not None and not p.group("digits")[:1].isdigit():
        digits = "".join(_DIGIT_WORDS[w] for w in p.group("digits").lower().split())
        got = decimal_value(value, digits)
        if got is not None:
            value, end, single_one = got, p.end(), False  # two point two
            end -= t[end - 1] == " "
    if t[end : end + 11].lower() in (" and a half", "-and-a-half"):
        value, end = value + 0.5, end + 11  # two and a half years, three-and-a-half years
        single_one = False
    ws = _run(t, end)
    after = t[end : end + 1]
    if (after == "-" or (ws is not None and ws.low[0] in _FRACTION_WORDS)) and value == int(value):
        frac = _word_fraction(t, end, int(value))
        if frac is not None:
            fvalue, fend = frac
            c = _Cand(start[0], fend, fvalue, "fraction")
            return _signed_word(t, c), _run(t, fend)
    if value != int(value) and ws is not None and ws.low[0] in _SPACED_SCALES:
        scale = ws.low[0]  # two and a half million, two point two million
        value = number_value(str(value), scale) or value
        end += 1 + len(ws.raw[0])
        ws = _run(t, end)
    if _time_of_day(t, end):
        return None  # ten o'clock
    if single_one:
        nxt = _LIST_NEXT_RE.match(t, end)
        if nxt is not None and nxt.group(1).lower() in _NUMBER_WORDS:
            single_one = False  # one, two and three
        elif _idiomatic_one(t, s, ws):
            return None
    if ws is not None and (ws.low[0] in _PERCENT_WORDS or ws.low[0] in _PERCENT_GLUED):
        pm = _PERCENT_RE.match(t, end)
        if pm:
            c = _Cand(start[0], pm.end(), value, "percent", "percent", "percent")
            return _signed_word(t, c), None
    c = _Cand(start[0], end, value, "cardinal", single_one=single_one)
    return _signed_word(t, c), ws


def _fraction_alone(t: str, s: int, e: int) -> tuple[_Cand, _Words | None] | None:
    """``a third of homes``, ``half of pupils``, ``half the schools``: a fraction word with no
    number before it (``fraction_alone`` in numbers_vocab.json says when)."""
    after = _word_after(t, e)
    w = t[s:e].lower()
    if after != "of" and after not in _FRACTION_DETERMINERS:
        by = _fraction_by(t, s, e, after)
        if by is not None or w != "half":
            return by  # fell by a quarter; a third time
        return _half_alone(t, s, e, after)  # more than half were late; half day
    before, b = _word_before(t, s)
    if before in _FRACTION_ALONE_BEFORE:
        s = b  # a third
    elif w != "half" or before in _HALF_NOT_AFTER:
        return None
    value = fraction_value(1, _FRACTION_WORDS[w])
    if value is None:
        return None
    # the counted noun: after "of" (and its determiner), or after the determiner
    return _Cand(s, e, value, "fraction"), _run(t, e if after == "of" else e + 1 + len(after))


def _article_money_spans(t: str, copy: _OneByte) -> list[tuple[int, int]]:
    """``a penny``, ``a pound``, ``A dollar``: the article ``a``/``A`` at the start or after
    one of _SCAN_SPACES, then one space and a currency word of ``article_money``, not before
    ``of`` (``a pound of apples``) nor another word of ``not_before`` (``a pound shop``). One
    ``str.find`` on the marks of the one-byte copy finds each letter that stands alone between
    two of _SCAN_SPACES (its mark a ``.``: no number word starts with an ``a``); only the word
    after an ``a`` there is read (_article_money_end)."""
    out = []
    marks = copy.marks
    if marks[:2] == ". " and (e := _article_money_end(t, copy.raw, 0)) > 0:
        out.append((0, e))
    k = marks.find(" . ")
    while k != -1:
        if (e := _article_money_end(t, copy.raw, k + 1)) > 0:
            out.append((k + 1, e))
        k = marks.find(" . ", k + 2)
    return out


def _article_money_end(t: str, raw: bytes, a: int) -> int:
    """Where ``a pound`` that starts at ``a`` ends (see _article_money_spans); -1 if none."""
    if t[a] not in "aA" or t[a + 1] != " ":
        return -1
    e = a + 2
    while e < len(t) and 97 <= raw[e] <= 122:  # (the words are in lower case)
        e += 1
    if (
        t[a + 2 : e] in _ARTICLE_MONEY
        and not (t[e : e + 1].isalnum() or t[e : e + 1] == "-")  # a penny-farthing
        and _word_after(t, e) not in _ARTICLE_MONEY_NOT_BEFORE
    ):
        return e
    return -1


def _ends_clause(t: str, e: int, after: str, words: frozenset[str]) -> bool:
    """Whether what stands at ``e`` ends a clause: the text's end, a stop, comma, bracket or
    dash, or one of ``words`` after a space (``after``: the word there, lower case)."""
    if after in words or t[e : e + 1] in ",.;:()\u2013\u2014":  # (the text's end is a stop too)
        return True
    return t[e : e + 2] in (" (", " -", " \u2013", " \u2014")


def _fraction_by(t: str, s: int, e: int, after: str) -> tuple[_Cand, None] | None:
    """``fell by a quarter``, ``cut by half``, ``rose by more than a third``: a fraction word
    after ``by``, with the article and up to two hedge words of ``fraction_by`` between, that
    ends its clause (before a stop or one of ``fraction_by.after``: not ``by a third party``);
    its unit is null."""
    if not _ends_clause(t, e, after, _BY_AFTER):
        return None
    w = t[s:e].lower()
    start = s
    before, b = _word_before(t, s)
    if before in _FRACTION_ALONE_BEFORE:
        start = b  # a quarter
        before, b = _word_before(t, b)
    elif w != "half":
        return None  # (by third: no article)
    for _ in range(2):
        if before not in _BY_HEDGES:
            break
        before, b = _word_before(t, b)  # by more than a third
    value = fraction_value(1, _FRACTION_WORDS[w])
    if before != "by" or value is None:
        return None
    return _Cand(start, e, value, "fraction"), None


def _half_alone(t: str, s: int, e: int, after: str) -> tuple[_Cand, None] | None:
    """``more than half were late``, ``almost half said``, ``over half (52%)``, ``Half said``:
    ``half`` with neither ``of`` nor a determiner after it (``half_alone`` in
    numbers_vocab.json); not ``over half term``, ``half time``."""
    before = _word_before(t, s)[0]
    if before in _HALF_BEFORE:
        ok = _ends_clause(t, e, after, _HALF_AFTER)
    else:
        ok = after in _HALF_AFTER and _sentence_opens(t, s)
    return (_Cand(s, e, 0.5, "fraction"), None) if ok else None


def _sentence_opens(t: str, s: int) -> bool:
    """Whether a sentence opens at ``s``: the text's start, a line's, or after a stop."""
    j = s
    while j > 0 and t[j - 1] in " \t\"'(\u201c\u2018":
        j -= 1
    return j == 0 or t[j - 1] in ".!?\n"


def _sign_word_before(t: str, s: int) -> bool:
    """Whether a sign word (``minus``, ``Negative``) ends one character before ``s``: what
    ``t.endswith(_SIGN_ENDS, max(0, s - 10), s - 1)`` tells. Most words before a number do
    not end in a sign word's last letter, which a look at that one character tells without
    the method call."""
    return t[s - 2 : s - 1] in _SIGN_LAST and t.endswith(_SIGN_ENDS, max(0, s - 10), s - 1)


def _percent_after(t: str, end: int) -> bool:
    """Whether `` %`` or `` per`` (any case of _PERCENT_STARTS) stands at ``end``: what
    ``t.startswith(_PERCENT_STARTS, end)`` tells, after a look at the character after the
    space (most numbers are followed by a word that does not start with "%" or "p")."""
    return t[end + 1 : end + 2] in _PERCENT_SECOND and t.startswith(_PERCENT_STARTS, end)


def _signed_word(t: str, c: _Cand) -> _Cand:
    """``minus ten``, ``negative five hundred``: the sign word joins the number."""
    if not _sign_word_before(t, c.start):
        return c
    before, b = _word_before(t, c.start)
    if before in _SIGNS:
        c.start, c.value = b, -c.value
    return c


def _word_fraction(t: str, end: int, numerator: int) -> tuple[int | float, int] | None:
    """A denominator word after a written-out number (``two thirds``, ``three-quarters``):
    the fraction's value and end. ``two quarters`` is a fraction only before ``of``."""
    if t[end : end + 1] not in (" ", "-"):
        return None
    w = _glued(t, end + 1)
    den = _FRACTION_WORDS.get(w.lower())
    if den is None:
        return None
    fend = end + 1 + len(w)
    if w.lower() in _FRACTIONS_NEED_OF and t[end] == " " and t[fend : fend + 4].lower() != " of ":
        return None  # two quarters: periods
    if w.lower().endswith("s") == (numerator == 1) and w.lower() not in ("half", "halves"):
        return None  # "one thirds", "two third"
    value = fraction_value(numerator, den)
    return None if value is None else (value, fend)


def _next_is_number(t: str, ws: _Words, i: int) -> bool:
    """Whether word ``i`` of the run, or the text right after the run, is a number."""
    if i < len(ws.low):
        if ws.low[i] == "-" and i == len(ws.low) - 1:
            return t[ws.end : ws.end + 1].isdigit()  # from -18 to -34
        return ws.low[i] in _NUMBER_WORDS
    return t[ws.end : ws.end + 1] == " " and (
        t[ws.end + 1 : ws.end + 2].isdigit() or t[ws.end + 1 : ws.end + 2] in _CURRENCY
    )


_BRACKET_GAP = 12  # at most this many characters in a bracket after a count: (74%)


def _after_bracket(t: str, s: int, e: int) -> int | None:
    """Where the words after a count go on past a bracket beside it: ``3,106 (74%) of`` or
    ``61% (19) of``; None when no bracket stands there."""
    if t[e : e + 2] == " (":
        close = t.find(")", e + 2, e + 2 + _BRACKET_GAP)
        return close + 1 if close >= 0 else None
    if t[e : e + 1] == ")" and t[s - 1 : s] == "(":
        return e + 1
    return None


def _aged(t: str, s: int) -> bool:
    """Whether the number at ``s`` is an age: ``aged 16``, ``aged between 11 and ...``, the
    second of ``aged 5-11``."""
    if t[s - 1 : s] in _RANGE_DASHES and t[s - 2 : s - 1].isdigit():
        s -= 1  # aged 5-11: the words before the first number
        while s and t[s - 1].isdigit():
            s -= 1
    if s > 0 and t[s - 1] == " " and not _may_end_in(t, s - 1, _AGE_PAIRS):
        return False  # (most numbers: one space after a word that ends as no age word does)
    tail = t[max(0, s - 24) : s].rstrip()
    if tail[-1:] not in _AGE_LAST or not tail.lower().endswith(_AGE_WORDS):
        return False  # (most numbers: the text before ends in no age word, see _word_before)
    w, ws = _word_before(t, s)
    if w in _AGE_LINKS:
        w = _word_before(t, ws)[0]
    return w in _AGE_BEFORE


def _age_beside_name(t: str, c: _Cand) -> bool:
    """Whether ``c``, a whole number in commas or brackets, is the age of the person named
    right before it: ``Tom Hale, 41, of Ashby``, ``the defendant, 27,``, ``Ann Cole (34)``
    (``ages.people``); not ``In Ashby, 34, ...`` (a stop word opens the name)."""
    s, e = c.start, c.end
    close = t[e : e + 1]
    if close == "," or close == ".":
        if t[s - 2 : s] != ", ":
            return False
    elif close != ")" or t[s - 2 : s] != " (":
        return False
    if not (isinstance(c.value, int) and 0 < c.value <= _AGE_MAX) or not t[s:e].isdigit():
        return False
    words = t[max(0, s - 42) : s - 2].split()
    if not words or not words[-1].isalpha():
        return False
    w = words[-1]
    if w.lower() in _AGE_PEOPLE:
        return True
    if len(words) < 2 or not (w[0].isupper() and words[-2][:1].isupper()):
        return False
    if w.lower() in _AGE_NOT_NAMES:
        return False  # Kelby Council, 12,
    return words[-2].isalpha() and words[-2].lower() not in _STOP  # not "In Ashby, 34,"


def _of_target(t: str, ws: _Words, i: int) -> str | int:
    """After ``41`` in ``41 of the 60 cases`` / ``171 of them`` / ``41 of the cases`` (word
    ``i`` is "of"): "next", "back", or the index of the word where the noun phrase starts."""
    i += 1
    n = len(ws.low)
    if i < n and ws.low[i] in _BACK_PRONOUNS and not _determines(t, ws, i):
        return "back"
    if i < n and ws.low[i] in _OF_DETERMINERS:
        i += 1
    if i < n and ws.low[i].endswith("'s") and _next_is_number(t, ws, i + 1):
        return "next"  # 11 of the trust's 14 services
    if _next_is_number(t, ws, i):
        return "next"
    if i >= n:
        return "back"
    return i


def _determines(t: str, ws: _Words, i: int) -> bool:
    """Whether word ``i``, a pronoun that is also a determiner (``these``, ``those``), is one
    here: a number or a noun phrase follows it (``4 of these cases``, ``41 of those 60
    cases``; not ``171 of these were late``)."""
    if ws.low[i] not in _OF_DETERMINERS:
        return False
    return _next_is_number(t, ws, i + 1) or _phrase_at(t, ws, i + 1) is not None


def _unit_of(c: _Cand, t: str, original: str, ws: _Words | None) -> bool:
    """Fill ``c.unit`` / ``c.head`` / ``c.how`` from the words ``ws`` after a cardinal. False
    when the number is not a count at all (three-quarters, one-off, two-tier)."""
    e = c.end
    if t[e : e + 1] == "+":
        ws = _run(t, e + 1)  # 3,000+ calls
    elif t[e : e + 1] == "-":
        after = t[e + 1 : e + 2]
        if after.isalpha():
            w = _glued(t, e + 1)
            low = w.lower()
            if low in _COMPOUND_UNITS or low.rstrip("s") in _COMPOUND_UNITS:
                c.unit = c.head = original[e + 1 : e + 1 + len(w)]  # a 12-month period
                return True
            if low not in _PLUS:
                return False
            ws = _run(t, e + 1 + len(w))  # 3,000-plus calls
        elif after.isdigit() or after in _CURRENCY:
            c.how = "next"  # 10-20 cases
            return True
    if _aged(t, c.start) and not (ws is not None and ws.low[0] in _MEASURE_UNITS):
        c.unit = c.head = _AGE_UNIT  # aged between 11 and 18 (not "aged 6 months")
        return True
    if ws is None and _age_beside_name(t, c):
        c.unit = c.head = _AGE_UNIT  # Tom Hale, 41, of Ashby; Ann Cole (34)
        return True
    if ws is None and (past := _after_bracket(t, c.start, e)) is not None:
        ws = _run(t, past)  # 3,106 (74%) of the grades; 61% (19) of the visits
    if ws is None:
        c.how = "back"
        return True
    first = ws.low[0]
    i = 0
    if first[:8] == "year-old" or first[:9] == "years-old":
        c.unit = c.head = ws.raw[0][:4]  # the 58 year-old victim: an age, as 58-year-old
        return True
    if first in _VERBS_AFTER_COUNT:
        c.how = "back"  # 20 councils ..., 77 performed well
        return True
    if first in _VERBS_LIKE_NOUNS and c.value != 1 and _verb_like_noun(t, ws):
        c.how = "back"  # of the 40 complaints, 12 led to redress
        return True
    if first in _FRACTION_WORDS:
        return False  # 2 thirds of staff: a vague fraction
    spaced_duration = first in _MEASURE_UNITS and first[-1:] != "s" and len(ws.low) > 1
    spaced_duration = spaced_duration and c.kind == "cardinal" and c.value != 1
    if spaced_duration and _phrase_at(t, ws, 1) and _word_before(t, c.start)[0] in _ARTICLES:
        c.unit = c.head = ws.raw[0]  # a four year term: years are counted
        return True
    if first.strip("'\"") in _RATING_WORDS:  # also quoted: four 'adequate'
        if first[:1] in "'\"":  # one 'good' rating: the quoted grade, then what is counted
            shut = next(
                (k for k, w in enumerate(ws.low) if w.rstrip(",;.").endswith(("'", '"'))), -1
            )
            i = shut + 1 if 0 <= shut < len(ws.low) - 1 else -1
        k = i if i > 0 else 1
        if k < len(ws.low) and ws.low[k] in _PAIR_WORDS and _next_is_number(t, ws, k + 1):
            c.how = "next"  # 15 'good' and 3 'poor' ratings: what the next count counts
            return True
        np = _phrase_at(t, ws, i) if i >= 0 else None
        if np is None or t[np[2] : np[3]].lower().strip("'\"") in _RATING_WORDS:
            c.how = "back"  # ..., 12 requires improvement and nine inadequate
            return True
        first = ws.low[i]
    if first in _COMPARATIVES and not c.single_one and len(ws.low) > 1 and _phrase_at(t, ws, 1):
        i, first = 1, ws.low[1]  # 250 more cases
    elif first in _ADVERBS_BEFORE and len(ws.low) > 1 and _phrase_at(t, ws, 1):
        i, first = 1, ws.low[1]  # 8 previously outstanding primaries
    if (first in _PAIR_WORDS or (first == "in" and c.value <= 10)) and _next_is_number(t, ws, 1):
        c.how = "next"  # 10 to 20 cases, seven and nine recommendations, one in five people
        return True
    if first == "out" and len(ws.low) > 1 and ws.low[1] == "of":
        i, first = 1, "of"
    if first == "of":
        target = _of_target(t, ws, i)
        if target == "next":
            c.how = "next"
            return True
        if target == "back":
            c.how = "back_ge"
            return True
        i = int(target)
    if first == "per" and i == 0:
        rate = _PER_RE.match(t, ws.pos)
        if rate is not None:  # 12.4 per 1,000 population: the rate's unit, its denominator
            c.skip_to = rate.end()  # no count of its own
            per_ws = _run(t, rate.end())
            per_np = _phrase_at(t, per_ws, 0) if per_ws is not None else None
            per_end = per_np[1] if per_np else rate.end()
            c.unit = " ".join(original[rate.start() + 1 : per_end].split())
            return True
    np = _phrase_at(t, ws, i)
    if np is None:
        c.how = "back"
        return True
    start, end, head_start, head_end = np
    c.head = original[head_start:head_end]
    if start == head_start and end == head_end:
        c.unit = c.head  # one word (most units): no white space to tidy
    else:
        c.unit = " ".join(original[start:end].split())
    if t.startswith(" per ", end):
        rate = _PER_RE.match(t, end)
        if rate is not None:
            c.skip_to = rate.end()  # 8.1 deaths per 100,000 people: no count of people
    _currency_unit(c, t, head_end)
    return True


def _verb_like_noun(t: str, ws: _Words) -> bool:
    """The first word of ``ws``, one of ``verbs_like_nouns``, is a verb here: written in lower
    case, before a word of its ``next`` list (a preposition, a determiner, ``part-time``), an
    adverb in ``-ly``, or a stop or comma (``12 led to redress``, ``312 work part-time``; not
    ``120 LED streetlights``, ``12 work placements``)."""
    if ws.raw[0] != ws.low[0]:
        return False
    if len(ws.low) > 1:
        nxt = ws.low[1]
        return nxt in _VERB_NEXT or (nxt[-2:] == "ly" and len(nxt) > 3)
    return t[ws.end : ws.end + 1] in (".", ",", ";", ":", ")", "")


def _currency_unit(c: _Cand, t: str, head_end: int) -> None:
    """A count of a currency is money (``2 million pounds``, ``42 Lebanese pounds``, ``20
    rupees``); of a hundredth of one, money in the currency (``43 cents``: 0.43 USD)."""
    assert c.unit is not None and c.head is not None
    low = c.unit.lower()
    if low in _CURRENCY_WORDS or c.head.lower() in _CURRENCY_WORDS:
        code = _CURRENCY_WORDS.get(low, _CURRENCY_WORDS.get(c.head.lower()))
        c.kind = "money"
        if code is not None:
            c.unit = c.head = code
        return
    sub = _SUBUNITS.get(low)
    if sub is not None and c.kind == "cardinal":
        c.kind, c.unit, c.head = "money", sub, sub
        c.value = c.value / 100 if c.value % 100 else c.value // 100
        c.sub_end = head_end
        if low in _ANY_CURRENCY_SUBUNITS:
            c.how = "any"


def _number_of_unit(t: str, original: str, s: int, found: list[tuple[int, int]]) -> str | None:
    """``the number of open investigations ... by 1,100``: the noun of the last "number of"
    before ``s`` in its sentence (``found``: where the text says "number of")."""
    k = bisect_right(found, (s, s)) - 1
    if k < 0 or s - found[k][1] > _LOOK_BACK_CHARS:
        return None
    of_end = found[k][1]
    if _sentence_ends_between(t, of_end, s):
        return None
    ws = _run(t, of_end - 1)
    if ws is None:
        return None
    np = _phrase_at(t, ws, 1 if ws.low[0] in _OF_DETERMINERS else 0)
    if np is None or np[1] > s:
        return None
    return " ".join(original[np[0] : np[1]].split())


def _sentence_ends_between(t: str, a: int, b: int) -> bool:
    """Whether a sentence ends between ``a`` and ``b``: whether ``_SENTENCE_END_RE.search(t,
    a, b)`` finds one. Each end starts at one of ``.!?:`` or a line break; ``str.find`` finds
    the first of them far faster than the regex engine scans up to it, and the search starts
    there (a count that looks back may span hundreds of characters)."""
    start = b
    for c in _END_STARTS:
        i = t.find(c, a, start)
        if i != -1:
            start = i
    return start < b and _SENTENCE_END_RE.search(t, start, b) is not None


def _number_of_spans(t: str) -> list[tuple[int, int]]:
    """Where the text says "number of" / "total of" (as whole words), in order: the matches
    that ``_NUMBER_OF_RE.finditer`` gives, tried only where a word's tail is found."""
    starts = set()
    for tail in _NUMBER_OF_TAILS:
        i = t.find(tail, 1)
        while i != -1:
            starts.add(i - 1)
            i = t.find(tail, i + 1)
    out = []
    last_end = 0
    for s in sorted(starts):
        if s < last_end:
            continue
        m = _NUMBER_OF_RE.match(t, s)
        if m is None:
            continue
        last_end = m.end()
        if s == 0 or not t[s - 1].isalpha():
            out.append(m.span())
    return out


def _paragraph_ends_between(t: str, a: int, b: int) -> bool:
    r"""Whether a paragraph ends in ``t[a:b]``: whether the regex
    ``\n[ \t]*\n|[.!?:]['")\]]*[ \t]*\n`` finds a match there. Each match closes with a line
    break: after one, a blank line; before one, a stop and closing marks. ``str.find`` finds
    the few line breaks, and only the characters beside each are read (the regex engine tries
    the pattern at every character of a span of hundreds)."""
    n = t.find("\n", a, b)
    while n != -1:
        j = n + 1
        while j < b and t[j] in " \t":
            j += 1
        if j < b and t[j] == "\n":
            return True
        j = n
        while j > a and t[j - 1] in " \t":
            j -= 1
        while j > a and t[j - 1] in "'\")]":
            j -= 1
        if j > a and t[j - 1] in ".!?:":
            return True
        n = t.find("\n", n + 1, b)
    return False


def _two_sentence_ends(s: str) -> bool:
    """Whether ``s`` holds more than one sentence end. Each starts at one of ``.!?:`` or a line
    break, which ``str.count`` counts far faster than the regex engine scans: fewer than two
    of them, fewer than two ends."""
    if s.count(".") + s.count("\n") + s.count("!") + s.count("?") + s.count(":") < 2:
        return False
    return len(_SENTENCE_END_RE.findall(s)) > 1


def _earlier_unit(t: str, cands: list[_Cand], i: int, need: int | float | None) -> str | None:
    """The head noun of the nearest earlier count in the same sentence or the one before (in
    the same paragraph); with ``need``, only a count at least that large will do."""
    start = cands[i].start
    for j in range(i - 1, max(-1, i - _LOOK_BACK_COUNTS), -1):
        p = cands[j]
        if start - p.end > _LOOK_BACK_CHARS:
            return None
        if p.kind == "cardinal" and p.head is not None and (need is None or p.value >= need):
            if _paragraph_ends_between(t, p.end, start):
                return None
            if _two_sentence_ends(t[p.end : start]):
                return None
            return p.head
    return None


def _resolve(t: str, cands: list[_Cand], original: str) -> None:
    """Lend units to the numbers that have no noun of their own (a second pass)."""
    for i in range(len(cands) - 1, -1, -1):  # right to left: "4 of the 41 of the 60 cases"
        c = cands[i]
        if c.how != "next":
            continue
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is None or nxt.start - c.end > 40:
            c.how = "back"
        elif nxt.kind != "cardinal":  # "5 to 10%": both are percentages
            c.kind, c.unit, c.head, c.how = nxt.kind, nxt.unit, nxt.head, "direct"
        elif nxt.head is not None:
            c.unit = c.head = nxt.head
            c.how = "direct"
        else:
            c.how = "back"
    number_of: list[tuple[int, int]] | None = None
    for i, c in enumerate(cands):
        if c.unit is not None or c.kind != "cardinal":
            continue
        if c.how == "back":
            if number_of is None:
                number_of = _number_of_spans(t)
            c.unit = c.head = _number_of_unit(t, original, c.start, number_of)
            if c.unit is not None:
                continue
            if _word_before(t, c.start)[0] in _CHANGE_BEFORE:
                c.unit = c.head = _change_subject(t, original, c.start, _counted_end(cands, i))
                if c.unit is not None:
                    c.how = "subject"
                    continue
        c.unit = _earlier_unit(t, cands, i, need=c.value if c.how == "back_ge" else None)


def _counted_end(cands: list[_Cand], i: int) -> int:
    """Where the nearest earlier count with a noun of its own ends (-1: none)."""
    for j in range(i - 1, max(-1, i - _LOOK_BACK_COUNTS), -1):
        p = cands[j]
        if p.kind == "cardinal" and p.head is not None and p.how != "subject":
            return p.end
    return -1


def _change_subject(t: str, original: str, s: int, after: int) -> str | None:
    """``Visits rose 5% (from 2,428 to 2,566)``: the plural noun right before the first change
    verb of the sentence that holds ``s`` (``change_subjects`` in numbers_vocab.json), if it
    stands after ``after`` (an earlier count's noun: ``300 calls; reports rose from 12``)."""
    lo = max(0, s - _LOOK_BACK_CHARS, after)
    opening = lo
    for m in _SENTENCE_END_RE.finditer(t, lo, s):
        opening = m.end()
    if opening == lo and lo and lo != after:
        return None  # the sentence opens further back than a count looks
    verb = _CHANGE_RE.search(t, opening, s)
    if verb is None:
        return None
    words = t[opening : verb.start()].split()
    while words and words[-1].lower() in _CHANGE_BETWEEN:
        words.pop()
    if not words:
        return None
    w = words[-1]
    k = t.rfind(w, opening, verb.start())
    role = _word_role(w.lower()) if w.replace("-", "").isalpha() else None
    if role is None or role[1] or not role[3] or role[0]:
        return None  # not a plural noun: "Crime rose", "it rose"
    if w[0].isupper() and len(words) > 1:
        return None  # a name inside the sentence: "In Kelby Visits rose"
    return original[k : k + len(w)]


def find_numbers(text: str, dates: Sequence[DateMention]) -> list[NumberMention]:
    """Find every quantity in ``text`` that is not part of a date.

    Args:
        text: the release text.
        dates: the release's date mentions (from ``find_dates``); numbers inside them are
            skipped.

    Returns:
        ``NumberMention`` items sorted by ``start`` with ``text[start:end] == item.text``:
        ``value`` (an int when integral; negative after ``-`` or ``minus``), ``kind``
        (``cardinal``, ``fraction``, ``percent`` or ``money``) and ``unit`` (``percent``, the
        ISO 4217 code of money such as ``GBP``, or the counted noun phrase as written; None
        when nothing says what is counted).
    """
    t = fold(text)
    spans = sorted((d.start, d.end) for d in dates)
    sc = _Scan(t, spans, [a for a, _ in spans])
    copy = _OneByte(t)
    found = _digit_matches(t, copy)
    words = [(s, e, -1) for s, e in _scan_words(t, copy)]
    words += [(s, e, -2) for s, e in _article_money_spans(t, copy)]
    if words:
        found += words
        found.sort(key=itemgetter(0))
    cands: list[_Cand] = []
    last_end = 0
    for s, e, glued_at in found:
        if s < last_end or s < sc.skip_until or (spans and _in_date(sc, s, e)):
            continue
        if glued_at >= 0:
            got = _digits(sc, s, glued_at, e)
            if isinstance(got, _Skip):
                sc.skip_until = max(sc.skip_until, got.skip_until)
                if got.label_end >= 0:
                    sc.label_end = got.label_end
                continue
            if got is None:
                continue
            c, ws = got
            if c.start < last_end:  # "3 GBP 1 pence": the code belongs to the amount before
                c.start = s
        elif glued_at == -1:
            got = _word_number(sc, s, e)
            if got is None:
                continue
            c, ws = got
        else:
            code = _ARTICLE_MONEY[t[s + 2 : e].lower()]
            c, ws = _money(s, e, 1, code), None
        if spans and c.end != e and _in_date(sc, s, c.end):  # (s, e) was checked above
            continue
        if c.kind in ("cardinal", "fraction") and c.unit is None and not _unit_of(c, t, text, ws):
            continue
        if c.kind == "cardinal" and c.unit is None and cands and _shares_currency(t, cands[-1], c):
            c.kind, c.unit, c.head, c.how = "money", cands[-1].unit, cands[-1].unit, "direct"
        if c.kind == "money" and cands and _joins_subunit(t, cands[-1], c):
            continue
        cands.append(c)
        last_end = c.end if c.skip_to < 0 else c.skip_to
    _resolve(t, cands, text)
    return [
        NumberMention(text[c.start : c.end], c.value, c.unit, c.kind, c.start, c.end)
        for c in cands
        if not (c.single_one and c.unit is None)
    ]
