"""Quantities: every number in a release that is not part of a date, with what it counts.

``find_numbers(text, dates)`` is a pure function. It finds digits (``120``, ``1,250``,
``9.4``), number words in any case (``ten``, ``Two``, ``twenty-five``, ``one hundred and
twenty``), percentages (``53.5%``, ``17 per cent``) and money (``£3.2m``, ``£1.1 billion``),
and drops what only looks like a quantity: anything inside a date, ordinals (``3rd``), labels
and references (``Phase 3``, ``tranche 1``, ``pages 70-73``, ``paragraph 4.12``, numbered
notes), telephone numbers (``0300 123 4567``, the ``999`` of ``999 calls``), identifiers glued
to letters (``Covid-19``, ``v3.0``, ``10am``), fractions (``three-quarters``) and the pronoun
``one`` (``one of the busiest``, ``one by one``, ``no one``).

The unit is the counted noun phrase after the number, up to its head noun: ``120 magistrates’
courts and Crown Court files finalised ...`` counts ``magistrates’ courts and Crown Court
files``. A number with no noun after it borrows the head noun of another count: of the number
it is paired with (``41 of the 60 cases``, ``10 to 20 cases``), of an earlier ``number of X`` in
its sentence, or of the nearest earlier count in its sentence or the one before (``52 cases. ...
in 38 (73.1%)``); in ``171 of them`` that count must be at least 171.

Speed: the text is scanned twice in C (a regex whose alternatives start with plain characters,
and ``bytes.find`` for number words); everything else looks only at the few characters around
each number, reading the words after it with one regex match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline import vocab
from pipeline.extract.dates import PHONE_RE
from pipeline.model import DateMention, NumberMention
from pipeline.normalize import fold, number_value, parse_number_words

_V = vocab.load("numbers_vocab")
_W = vocab.load("number_words")


def _words(key: str) -> frozenset[str]:
    return frozenset(_V[key]["words"])


_STOP = _words("stop")
_LABELS = _words("labels")
_FRACTIONS = _words("fractions")
_COMPOUND_UNITS = _words("compound_units")
_MEASURE_UNITS = _words("measure_units")
_GLUED_UNITS = _words("glued_units")
_VERBS_AFTER_AND = _words("verbs_after_and")
_COLLECTIVE = _words("collective_plurals")
_NOUN_ED = _words("noun_ed")
_BACK_PRONOUNS = _words("back_pronouns")
_OF_DETERMINERS = frozenset(_V["of_determiners"])
_EMERGENCY = frozenset(_V["emergency"]["numbers"])
_EMERGENCY_BEFORE = frozenset(_V["emergency"]["before"])
_EMERGENCY_AFTER = frozenset(_V["emergency"]["after"])
_ONE_BEFORE = frozenset(_V["idiomatic_one"]["before"])
_ONE_BEFORE_UNLESS_NOUN = frozenset(_V["idiomatic_one"]["before_unless_noun"])
_ONE_AFTER = frozenset(_V["idiomatic_one"]["after"])
_ONE_PAIRS = tuple(tuple(p) for p in _V["idiomatic_one"]["pairs"])
_CURRENCY: dict[str, str] = _V["currency_symbols"]
_CURRENCY_WORDS: dict[str, str] = _V["currency_words"]
_FIXED_TAILS: dict[str, list[list[str]]] = {}
for _p in _V["fixed_units"]["phrases"]:
    _head, *_tail = _p.split()
    _FIXED_TAILS.setdefault(_head, []).append(_tail)
_NUMBER_WORDS = frozenset(
    (*_W["small"], *_W["tens"], *_W["hundred"], *_W["scales"])
)
_DIGIT_SCALES: dict[str, int] = _W["digit_scales"]
_SPACED_SCALES = frozenset(w for w in _DIGIT_SCALES if len(w) > 3)  # "1.3 million"
_GLUED_SCALES = frozenset(w for w in _DIGIT_SCALES if len(w) <= 3)  # "£3.2m", "£1bn"
_PAIR_WORDS = frozenset(("to", "and", "or"))

# A written-out number starts with one of these words; _ROOTS are those that are not a prefix
# of another ("four" also finds "fourteen"), as bytes for the scan.
_FIRST_WORDS = frozenset(w.encode() for w in (*_W["small"], *_W["tens"]))
_ROOTS = tuple(
    sorted(w for w in _FIRST_WORDS if not any(o != w and w.startswith(o) for o in _FIRST_WORDS))
)
_LETTERS_RE = re.compile(rb"[a-z]+")

# Digits, maybe after a currency sign. Each alternative starts with a plain character, so the
# regex engine skips the rest of the text in C.
_DIGITS_RE = re.compile(
    "|".join(
        [rf"{re.escape(c)} ?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?" for c in _CURRENCY]
        + [rf"{d}(?:\d{{0,2}}(?:,\d{{3}})+|\d*)(?:\.\d+)?" for d in "0123456789"]
    )
)
_PERCENT_RE = re.compile(r" ?%| (?:per[ -]?cent|percent)(?![A-Za-z])", re.IGNORECASE)
_LETTER_RUN_RE = re.compile(r"[A-Za-z]+")
_NEXT_WORD_RE = re.compile(r"(?:[ \t]+|-|[ \t]*\n[ \t]*)(?:and[ \t]+)?([A-Za-z]+)")
# The words after a number: each preceded by one space or one line break, so that a tab, a run
# of spaces (table columns), punctuation or a digit ends the run. A word may hold inner hyphens
# and apostrophes and end with the apostrophe of a plural possessive (magistrates').
_RUN_RE = re.compile(r"(?:[ \n](?:[^\W\d_]+(?:['-][^\W\d_]+)*'?|&)){1,12}")
_SENTENCE_END_RE = re.compile(
    r"[.!?]['\")\]]*\s+(?=['\"(\[]*[A-Z0-9£])|\n[ \t]*\n|[.!?:]['\")\]]*[ \t]*\n"
)
_PARAGRAPH_END_RE = re.compile(r"\n[ \t]*\n|[.!?:]['\")\]]*[ \t]*\n")
_NUMBER_OF_RE = re.compile(
    r"\b(?:" + "|".join(sorted(_words("number_of"))) + r")\s+of\s+", re.IGNORECASE
)
_NOTE_PREFIX = frozenset(" \t#>*\u2022-")
_MAX_UNIT_WORDS = 6
_WRAPPED_LINE = 50  # a line at least this long that breaks inside a phrase is hard-wrapped


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    value: int | float
    kind: str  # cardinal, percent, money
    unit: str | None = None
    head: str | None = None  # the unit's head noun, lent to numbers that have no noun
    how: str = "direct"  # direct; next: paired with the following number; back; back_ge
    single_one: bool = False  # the word "one" on its own


@dataclass(slots=True)
class _Words:
    """The run of words after a position: raw and lower-case forms and their offsets."""

    raw: list[str]
    low: list[str]
    starts: list[int]
    end: int  # where the run ends in the text


def _run(t: str, pos: int) -> _Words | None:
    """The words right after ``pos`` (see _RUN_RE), cut at a line break that ends a line."""
    m = _RUN_RE.match(t, pos)
    if m is None:
        return None
    raw: list[str] = []
    starts: list[int] = []
    cur = pos + 1  # each word follows one separator
    for w in m.group()[1:].replace("\n", " ").split(" "):
        if t[cur - 1] == "\n":
            line_start = t.rfind("\n", 0, cur - 1) + 1
            if not w[0].islower() and cur - 1 - line_start < _WRAPPED_LINE:
                break  # a short line ends here (a heading, a list item): so does the phrase
        raw.append(w)
        starts.append(cur)
        cur += len(w) + 1
    if not raw:
        return None
    return _Words(raw, [r.rstrip("'").lower() for r in raw], starts, cur - 1)


def _plural(w: str) -> bool:
    return w in _COLLECTIVE or (w.endswith("s") and not w.endswith(("ss", "us", "is")))


def _verbish(w: str) -> bool:
    """A participle or an adverb: it may come before a noun, but it never heads a phrase."""
    return (len(w) > 4 and w.endswith("ed") and w not in _NOUN_ED) or w.endswith(("ly", "ing"))


def _phrase(ws: _Words, i: int) -> tuple[int, int]:
    """Read a noun phrase (no coordination) from word ``i``: (index after it, index after its
    head). The head is the last word that may head a phrase; -1 when there is none."""
    plural_seen = noun_seen = False
    head = -1
    j = i
    while j < len(ws.low) and j - i < _MAX_UNIT_WORDS:
        w = ws.low[j]
        if w in _STOP or w in _NUMBER_WORDS or w == "&":
            break
        if noun_seen and (_verbish(w) or w in _VERBS_AFTER_AND):
            break  # "files finalised", "people serving"
        if plural_seen and not _plural(w):
            break  # after a plural head only another plural goes on: "courts cases"
        possessive = ws.raw[j].endswith("'")
        j += 1
        if possessive and w in _MEASURE_UNITS:
            return j, j  # "two years' experience": the years are counted
        if not _verbish(w):
            noun_seen = True
            head = j
            if _plural(w) and not possessive:
                plural_seen = True
    return j, head


def _noun_phrase(t: str, pos: int) -> tuple[int, int, int] | None:
    """The counted noun phrase right after ``pos``: (start, end, start of its head noun)."""
    ws = _run(t, pos)
    if ws is None:
        return None
    return _phrase_at(t, ws, 0)


def _phrase_at(t: str, ws: _Words, i: int) -> tuple[int, int, int] | None:
    j, head = _phrase(ws, i)
    if head <= i:
        return None
    # Coordination: "firefighters and staff", "magistrates' courts and Crown Court files".
    n = len(ws.low)
    while head == j and j + 1 < n and ws.low[j] in ("and", "&"):
        k, conj_head = _phrase(ws, j + 1)
        if conj_head != k or conj_head <= j + 1:
            break
        w = ws.low[conj_head - 1]
        if not _plural(w) or w in _VERBS_AFTER_AND or ws.low[j + 1] in _VERBS_AFTER_AND:
            break
        after = ws.low[k] if k < n else t[ws.end + 1 : ws.end + 2]
        if after[:1].isdigit() or after in _OF_DETERMINERS:
            break  # "... and operates 23 stations": a verb and its object
        j = head = k
    last = head - 1
    end = ws.starts[last] + len(ws.raw[last])
    if ws.raw[last].endswith("'") and ws.low[last] in _MEASURE_UNITS:
        end -= 1
    # Terms that run on with a preposition: "children in care".
    for tail in _FIXED_TAILS.get(ws.low[last], ()):
        if ws.low[head : head + len(tail)] == tail:
            end = ws.starts[head + len(tail) - 1] + len(ws.raw[head + len(tail) - 1])
            break
    return ws.starts[i], end, ws.starts[last]


def _word_before(t: str, i: int) -> tuple[str, int]:
    """The word that ends right before ``i`` (skipping white space), lower case, and its start."""
    j = i
    while j > 0 and t[j - 1] in " \t\n":
        j -= 1
    k = j
    while k > 0 and (t[k - 1].isalpha() or t[k - 1] == "."):
        k -= 1
    return t[k:j].lower(), k


def _word_after(t: str, j: int) -> str:
    """The word that starts right after ``j`` (skipping spaces), lower case."""
    m = _LETTER_RUN_RE.match(t, j + 1) if t[j : j + 1] == " " else None
    return m.group().lower() if m else ""


def _is_label(t: str, s: int) -> bool:
    """A label or reference word right before the number: Phase 3, pages 70, paragraph 4.12."""
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
    return t[label_end:s].strip().lower() in ("-", ",", "&", "to", "and", "or")


def _numbered_note(t: str, s: int, e: int) -> bool:
    """``1.`` / ``2)`` opening a line: a list number, not a quantity."""
    if t[e : e + 1] not in (".", ")") or (e + 1 < len(t) and not t[e + 1].isspace()):
        return False
    i = s
    while i > 0 and t[i - 1] != "\n":
        if t[i - 1] not in _NOTE_PREFIX:
            return False
        i -= 1
    return True


def _phone_end(t: str, s: int) -> int | None:
    """The end of a telephone number starting at ``s``, if one does."""
    m = PHONE_RE.match(t, s)
    if m is None:
        return None
    digits = sum(c.isdigit() for c in m.group())
    return m.end() if 10 <= digits <= 13 else None


def _scan_words(t: str) -> list[tuple[int, int]]:
    """Where written-out numbers may start: whole words such as ``one`` or ``Twenty``."""
    # bytes.find is the fastest scan Python has; on a lower-cased one-byte copy each root is
    # looked for once, and a hit counts when it is a whole word.
    low = t.encode("latin-1", "replace").lower()
    hits = []
    for root in _ROOTS:
        i = low.find(root)
        while i != -1:
            if i == 0 or not low[i - 1 : i].isalpha():
                m = _LETTERS_RE.match(low, i)
                if m is not None and m.group() in _FIRST_WORDS:
                    hits.append(m.span())
            i = low.find(root, i + len(root))
    return hits


def _read_words(t: str, s: int, e: int) -> tuple[int, int] | None:
    """Extend the number word ``t[s:e]`` over the words that continue it; return (value, end)
    of the longest number that reads from ``s`` ("one hundred and twenty")."""
    words = [t[s:e]]
    ends = [e]
    pos = e
    while len(words) < 12:
        m = _NEXT_WORD_RE.match(t, pos)
        if m is None or m.group(1).lower() not in _NUMBER_WORDS:
            break
        if t[pos : m.start(1)].strip(" \t\n-"):
            words.append("and")
            ends.append(-1)
        words.append(m.group(1))
        ends.append(m.end(1))
        pos = m.end(1)
    parsed = parse_number_words(words)
    if parsed is None:
        return None
    value, used = parsed
    return value, ends[used - 1]


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


def _digits(sc: _Scan, s: int, e: int) -> _Cand | None:
    """The quantity of the digits ``t[s:e]`` (maybe after a currency sign), or None."""
    t = sc.t
    currency = _CURRENCY.get(t[s])
    ds = s
    if currency:
        ds = s + 2 if t[s + 1] == " " else s + 1
    elif s:
        prev = t[s - 1]
        prev2 = t[s - 2] if s > 1 else " "
        if prev.isalpha() or prev in "_#" or (prev in ".,:" and prev2.isdigit()):
            return None  # v3, A1, 1,25, 10:30
        if prev in "-/" and (prev2.isalpha() or (prev == "/" and prev2.isdigit())):
            return None  # Covid-19, 24/7
    nxt = t[e : e + 1]
    if nxt in (":", "/") and t[e + 1 : e + 2].isdigit():
        return None  # 10:30, 1/3
    unit: str | None = currency
    scale: str | None = None
    end = e
    if nxt.isalpha():
        glued = _glued(t, e)
        low = glued.lower()
        if low in ("st", "nd", "rd", "th"):
            return None  # 3rd
        if low in _GLUED_SCALES:
            scale, end = low, e + len(glued)  # £3.2m, £1.1bn
        elif low in _GLUED_UNITS:
            unit, end = glued, e + len(glued)  # 1.2MB
        else:
            return None  # 10am, 1990s, 4G
    elif nxt == " ":
        word = _word_after(t, e)
        if word in _SPACED_SCALES:
            scale, end = word, e + 1 + len(word)
    if not currency:
        if _is_label(t, s):
            sc.label_end = e
            return None
        if _label_range_tail(t, s, sc.label_end):
            sc.label_end = e
            return None
        if nxt in ".)" and _numbered_note(t, s, e):
            return None
        if t[s] == "0":
            phone = _phone_end(t, s)
            if phone is not None:
                sc.skip_until = phone
                return None
        if t[s:e] in _EMERGENCY and (
            _word_after(t, e) in _EMERGENCY_AFTER or _word_before(t, s)[0] in _EMERGENCY_BEFORE
        ):
            return None  # 999 calls, dial 999
    value = number_value(t[ds:e], scale)
    if value is None:  # pragma: no cover - the pattern only matches numbers
        return None
    if currency:
        return _Cand(s, end, value, "money", unit, unit)
    if unit is None:
        p = _PERCENT_RE.match(t, end)
        if p:
            return _Cand(s, p.end(), value, "percent", "percent", "percent")
    return _Cand(s, end, value, "cardinal", unit, unit)


def _idiomatic_one(t: str, s: int, e: int) -> bool:
    """``one`` as a pronoun or in a set phrase: ``no one``, ``one of the busiest``, ``one by one``."""
    before, k = _word_before(t, s)
    if before in _ONE_BEFORE:
        return True
    if (before, "one") in _ONE_PAIRS and _word_before(t, k)[0] == "one":
        return True  # the second "one" of "one by one"
    ws = _run(t, e)
    if ws is None:
        return before in _ONE_BEFORE_UNLESS_NOUN
    if ws.low[0] in _ONE_AFTER or any(tuple(ws.low[: len(p)]) == p for p in _ONE_PAIRS):
        return True
    if ws.low[0] == "of":
        # "one of the 60 cases" counts; "one of the busiest", "one of their own" do not.
        return _of_target(t, ws, 0) != "next"
    return before in _ONE_BEFORE_UNLESS_NOUN and _phrase_at(t, ws, 0) is None


def _word_number(sc: _Scan, s: int, e: int) -> _Cand | None:
    """The quantity written out from ``t[s:e]`` on ("one hundred and twenty"), or None."""
    t = sc.t
    if s > 1 and t[s - 1] == "-" and t[s - 2].isalpha():
        return None  # year-one, follow-on
    read = _read_words(t, s, e)
    if read is None:
        return None
    value, end = read
    single_one = value == 1 and end == e
    if single_one and _idiomatic_one(t, s, e):
        return None
    p = _PERCENT_RE.match(t, end)
    if p and p.group()[-1] != "%":
        return _Cand(s, p.end(), value, "percent", "percent", "percent")
    return _Cand(s, end, value, "cardinal", single_one=single_one)


def _next_is_number(t: str, ws: _Words, i: int) -> bool:
    """Whether word ``i`` of the run, or the text right after the run, is a number."""
    if i < len(ws.low):
        return ws.low[i] in _NUMBER_WORDS
    return t[ws.end : ws.end + 1] == " " and (
        t[ws.end + 1 : ws.end + 2].isdigit() or t[ws.end + 1 : ws.end + 2] in _CURRENCY
    )


def _of_target(t: str, ws: _Words, i: int) -> str | int:
    """After ``41`` in ``41 of the 60 cases`` / ``171 of them`` / ``41 of the cases`` (word
    ``i`` is "of"): "next", "back", or the index of the word where the noun phrase starts."""
    i += 1
    n = len(ws.low)
    if i < n and ws.low[i] in _BACK_PRONOUNS:
        return "back"
    if i < n and ws.low[i] in _OF_DETERMINERS:
        i += 1
    if _next_is_number(t, ws, i):
        return "next"
    if i >= n:
        return "back"
    return i


def _unit_of(c: _Cand, t: str, original: str) -> bool:
    """Fill ``c.unit`` / ``c.head`` / ``c.how`` from the words after a cardinal. False when
    the number is not a count at all (three-quarters, one-off, two-tier)."""
    e = c.end
    if t[e : e + 1] == "-":
        after = t[e + 1 : e + 2]
        if after.isalpha():
            w = _glued(t, e + 1)
            low = w.lower()
            if low in _COMPOUND_UNITS or low.rstrip("s") in _COMPOUND_UNITS:
                c.unit = c.head = original[e + 1 : e + 1 + len(w)]  # a 12-month period
                return True
            return False
        if after.isdigit() or after in _CURRENCY:
            c.how = "next"  # 10-20 cases
            return True
    ws = _run(t, e)
    if ws is None:
        c.how = "back"
        return True
    first = ws.low[0]
    i = 0
    if first in _PAIR_WORDS and _next_is_number(t, ws, 1):
        c.how = "next"  # 10 to 20 cases, seven and nine recommendations
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
    np = _phrase_at(t, ws, i)
    if np is None:
        c.how = "back"
        return True
    start, end, head = np
    c.unit = " ".join(original[start:end].split())
    c.head = original[head : head + len(_glued(t, head)) or end]
    currency = _CURRENCY_WORDS.get(c.head.lower())
    if currency:
        c.kind, c.unit, c.head = "money", currency, currency  # 2 million pounds
    return True


def _sentence_start(t: str, s: int) -> int:
    lo = max(0, s - 400)
    last = lo
    for m in _SENTENCE_END_RE.finditer(t, lo, s):
        last = m.end()
    return last


def _number_of_unit(t: str, original: str, s: int) -> str | None:
    """``the number of open investigations ... by 1,100``: the noun of the "number of"."""
    found = None
    for m in _NUMBER_OF_RE.finditer(t, _sentence_start(t, s), s):
        found = m
    if found is None:
        return None
    ws = _run(t, found.end() - 1)
    if ws is None:
        return None
    i = 1 if ws.low[0] in _OF_DETERMINERS else 0
    np = _phrase_at(t, ws, i)
    if np is None or np[1] > s:
        return None
    return " ".join(original[np[0] : np[1]].split())


def _earlier_unit(t: str, cands: list[_Cand], i: int, need: int | float | None) -> str | None:
    """The head noun of the nearest earlier count in the same sentence or the one before (in
    the same paragraph); with ``need``, only a count at least that large will do."""
    sentences = 0
    boundary = cands[i].start
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.kind != "cardinal" or p.head is None:
            continue
        between = t[p.end : boundary]
        if _PARAGRAPH_END_RE.search(between):
            return None
        sentences += len(_SENTENCE_END_RE.findall(between))
        if sentences > 1:
            return None
        boundary = p.end
        if need is None or p.value >= need:
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
        elif nxt.kind != "cardinal":  # "5 to 10%", "£2 to £3 million"
            c.kind, c.unit, c.head, c.how = nxt.kind, nxt.unit, nxt.head, "direct"
        elif nxt.head is not None:
            c.unit = c.head = nxt.head
            c.how = "direct"
        else:
            c.how = "back"
    for i, c in enumerate(cands):
        if c.unit is not None or c.kind != "cardinal":
            continue
        if c.how == "back":
            c.unit = c.head = _number_of_unit(t, original, c.start)
            if c.unit is not None:
                continue
        c.unit = _earlier_unit(t, cands, i, need=c.value if c.how == "back_ge" else None)


def find_numbers(text: str, dates: Sequence[DateMention]) -> list[NumberMention]:
    """Find every quantity in ``text`` that is not part of a date.

    Args:
        text: the release text.
        dates: the release's date mentions (from ``find_dates``); numbers inside them are
            skipped.

    Returns:
        ``NumberMention`` items sorted by ``start`` with ``text[start:end] == item.text``:
        ``value`` (an int when integral), ``kind`` (``cardinal``, ``percent`` or ``money``)
        and ``unit`` (``percent``, ``GBP``, or the counted noun phrase as written; None when
        nothing says what is counted).
    """
    t = fold(text)
    spans = sorted((d.start, d.end) for d in dates)
    sc = _Scan(t, spans, [a for a, _ in spans])
    found = [(m.start(), m.end(), True) for m in _DIGITS_RE.finditer(t)]
    found += [(s, e, False) for s, e in _scan_words(t)]
    found.sort()
    cands: list[_Cand] = []
    last_end = 0
    for s, e, is_digits in found:
        if s < last_end or s < sc.skip_until or _in_date(sc, s, e):
            continue
        c = _digits(sc, s, e) if is_digits else _word_number(sc, s, e)
        if c is None or _in_date(sc, c.start, c.end):
            continue
        if c.kind == "cardinal" and c.unit is None and not _unit_of(c, t, text):
            continue
        cands.append(c)
        last_end = c.end
    _resolve(t, cands, text)
    return [
        NumberMention(
            text=text[c.start : c.end],
            value=c.value,
            unit=c.unit,
            kind=c.kind,
            start=c.start,
            end=c.end,
        )
        for c in cands
        if not (c.single_one and c.unit is None)
    ]
