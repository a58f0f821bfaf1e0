"""Quotations: the quoted words, who said them and in what role.

British press style is the model: a quotation may run over several paragraphs, each
reopening the mark and only the last closing it; the first paragraph after ``X says:`` may
lack its opening mark; attributions stand before (``Role, Name, said:``) or after
(``“…,” said Name, Role.``). Double marks (curly or straight) quote, and so do the marks of
other languages, each paired by its own rules (``„…“``, ``«…»``, ``「…」``); single marks round
a grade or a word do not. A passage quoted inside a sentence with no speaker is a citation,
not a quotation; an unattributed quotation after narrative continues the last speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Final, NamedTuple

import regex

from pipeline.extract.dates import DATE_WORDS
from pipeline.model import Quote, Span
from pipeline.normalize import SEPARATORS, bisect_offsets, collapse_space, last_of, offsets_of
from pipeline.vocab import load

# Each opening mark and the marks that close it: every language pairs its own (issue 15).
# „…“ and „…” (German, Polish, Dutch), «…» (French) and »…« (German, Danish), “…” and "…"
# (English), 「…」 (Japanese). ‚…‘, ‹…› and 『…』 only nest inside a quotation: like the
# English single marks, they never open one.
_PAIRS: Final = {
    "“": "”",
    '"': '"',
    "„": "“”",
    "«": "»",
    "»": "«",
    "「": "」",
    "‚": "‘’",
    "‹": "›",
    "『": "』",
}
_TOP_OPENERS: Final = '“"„«»「'
_FIRST_OPENERS: Final = _TOP_OPENERS + "”"  # a "”" opening a paragraph is a mis-typed "“"
_ENGLISH: Final = '“”"'
_STOPS: Final = '.!?“”"'  # a sentence end or a double quote mark (_speech_start)
_FRENCH: Final = "«»"  # a French paragraph may reopen a quotation with either
_SCAN_MARKS: Final = tuple('“”"„«»「」‚‹『')
_BEFORE_OPENER: Final = "([{—–-:"
_SENTENCE_END: Final = ".!?…"
_LOOKAHEAD_PARAGRAPHS: Final = 5  # unmarked paragraphs a quotation may run over to its closer
_NESTED_REACH: Final = 400  # characters searched for the closer of a nested quotation
_BULLETS: Final = "•▪●◦‣*–-"
_MARK_CHARS: Final = '“”„"«»「」'  # the marks of a quotation that _single_marked leaves alone
_MARKS: Final = re.compile(f"[{_MARK_CHARS}]")  # `re`: a plain class, found faster than by `regex`
_SPACE: Final = " \t\n\xa0\u2009\u200a\u202f"
_MIN_FRAGMENT_WORDS: Final = 5  # shorter unattributed fragments are scare quotes or titles
_ATTRIBUTION_REACH: Final = 400  # characters before a quotation searched for "Name said:"
_DASHES: Final = ("—", "–", "―", "-")  # a signature starts with one: tested before _SIGNATURE
_SIGNATURE: Final = regex.compile(r"[—–―-]{1,2}[ \t\xa0]*(?P<who>\p{Lu}[^\n“”\"]{1,150}?)[ \t.]*$")
_LEADING_ARTICLE: Final = regex.compile(r"^(?i:the|an?|our|its|their)\s+")
# "the Area’s", "CQC’s", "Pellingford Council’s": a possessor before a role
_POSSESSOR: Final = regex.compile(r"^((?:\p{Lu}[\p{L}\-&]*\s+){0,3}\p{L}[\p{L}\-&]*)[’']s\s+(?=\S)")
_LIST_ITEM: Final = regex.compile(r"^\p{Lu}[\p{L}’'\-]*(?:\s+\p{Lu}[\p{L}’'\-]*){0,2}$")
_ROLE_QUALIFIER: Final = regex.compile(
    r"\s+(?:of|for|at|in|to|with|on)\s+"
)  # "chair | of the Board"
_SENTENCE_STOP: Final = re.compile(r"[.!?]\s")
_TRAILING_SURNAME: Final = regex.compile(
    r"\s(\p{Lu}\p{Ll}[\p{L}\-’']*)$"
)  # "Chief Officer Stevens"
_BRACKETED: Final = regex.compile(r"\s*\(([^()]+)\)")  # "(Chief Inspector)", "(pictured)"
_INITIAL: Final = regex.compile(r"\p{Lu}\.$")  # "J." in "J. R. Hartley"
_INNER_INITIALS: Final = regex.compile(r"\s*\(\p{Lu}{2,6}\)(?=\s)")  # "Constable (DCC) Ann"
_DASH_ASIDE: Final = regex.compile(r" [–—] ([^–—]+) [–—](?= |$)")  # " – spoken for staff –"
_TOKEN: Final = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}’'\-.]*|&")
# a pronoun, a copula and an adjective or two before a colon ("She is sympathetic:", "He was
# blunt:"): the pronoun's quotation follows
_COPULA_COLON: Final = regex.compile(
    r"\s*+(He|She)\s+(?:is|was|remains|has\s+been)\s+(?:\p{Ll}++\s+)?\p{Ll}++\s*+:\s*+$"
)


@dataclass(slots=True)
class _Open:
    start: int  # the opening mark (or first word when the mark is missing)
    pieces: list[tuple[int, int]] = field(default_factory=list)
    piece_start: int = 0
    first_para: int = 0
    style: str = ""  # the opening mark, or "" for a paragraph quoted without one


class _Raw(NamedTuple):  # a tuple: cheaper to build than a dataclass
    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    first_para: int
    last_para: int
    closed: bool


@cache
def _vocab() -> dict[str, frozenset[str]]:
    data = load("quotes")
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


def quote_words(key: str) -> frozenset[str]:
    """The word list ``key`` of the quotations' vocabulary (``speech_verbs``, ``role_words``),
    for the other extractors: loaded once, here."""
    return _vocab()[key]


@cache
def _list_end() -> regex.Pattern[str]:
    """A capitalised segment that closes a list with a coordinator (``Young People and
    Education``); the coordinators are the vocabulary's."""
    words = "|".join(regex.escape(w) for w in sorted(_vocab()["coordinators"]))
    return regex.compile(
        rf"^\p{{Lu}}[\p{{L}}’'\-]*(?:\s+\p{{Lu}}[\p{{L}}’'\-]*)*\s+(?:{words})\s+\p{{Lu}}"
    )


def _alternatives(key: str) -> str:
    """The vocabulary ``key`` as alternatives, the longest first ("the following|the")."""
    return "|".join(sorted(_vocab()[key], key=len, reverse=True))


def _speech() -> str:
    """The speech verb of an attribution with what may go with it ("has also said in a
    statement", "told the BBC")."""
    verbs = _alternatives("speech_verbs")
    issued = _alternatives("statement_verbs")
    things = _alternatives("statement_nouns")
    aux = _alternatives("auxiliaries")
    opens = _alternatives("adverbial_openers")
    complements = _alternatives("speech_complements")
    dets = _alternatives("statement_determiners")
    told = _alternatives("object_verbs")
    # What may stand between the verb and the colon (issue 11), in order:
    # "said in a statement:", "commented on the findings:", "responded to the report:" (a
    # short adverbial), "replied by saying:", "explained why the change is needed:" (a
    # complement); "responded as follows:"; "has published the following statement:"
    # (a statement verb needs its object); "told the BBC:", "told councillors:" (an object
    # verb's object, only before a colon).
    adverbial = (
        rf"(?:\s+(?:{opens}|{complements})\b[^.!?:\n“”\"]{{0,60}}?"
        r"|\s+as\s+follows)?"
    )
    return (
        rf"(?:(?:{aux})\s+(?:also\s+|now\s+)?)?"
        rf"(?:(?:{verbs})\b{adverbial}"
        rf"|(?:{issued})\s+(?:{dets})\s+"
        rf"(?:\w+\s+)?(?:{things})\b[^.!?:\n“”\"]{{0,60}}?"
        rf"|(?:{told})\s+[^.!?:\n“”\"]{{1,60}}?(?=\s*:))"
    )


@cache
def _verb_patterns() -> dict[str, regex.Pattern[str]]:
    verbs = _alternatives("speech_verbs")
    things = _alternatives("statement_nouns")
    dets = _alternatives("statement_determiners")
    topic = _alternatives("statement_topic_openers")
    speech = _speech()
    told = _alternatives("object_verbs")
    return {
        # "Name, Role, said the findings ..." opening a paragraph (see _paragraph_subject)
        "subject": regex.compile(rf"(?P<who>[^.!?“”\"\n]{{3,160}}?)\s+(?:{verbs})\b"),
        # "Ann Cole is the service’s head of prevention." opening a paragraph (_introduced)
        "introduced": regex.compile(
            r"(?P<who>[^.!?“”\"\n,]{3,120}?)\s+(?:is|was|has\s+been|remains)\s+(?:also\s+)?"
            r"(?:the|an?)\s"
        ),
        # "The quiz could save lives, says the service's head of prevention, Ann Cole." ending
        # a paragraph: the same, with the verb first
        "inverted": regex.compile(
            rf",\s+(?:{verbs})\s+(?P<who>[^.!?“”\"\n]{{3,160}}?)\.\s*$", regex.VERSION1
        ),
        # "..., Name said:" at the end of the text before a quotation: the part from the verb
        # on, searched first (_who_before; _before is the whole)
        "before_verb": regex.compile(
            rf"\b(?P<verb>{speech})\s*(?:that\s*)?[:;,]?\s*$", regex.VERSION1
        ),
        # '“…,” said Name, Role.' and the split '“We found,” said Name, Role, “that …”' (or
        # '“…,” explained Name: “…”')
        "after_verb_first": regex.compile(
            rf"^[,\s]*\b(?P<verb>{verbs})\b\s+(?P<who>[^.;!?“”\"]{{2,200}}?)\s*"
            r"(?:[.;!?]|$|[,:]\s*(?=[“\"]))",
            regex.VERSION1,
        ),
        # '“…,” Name said.' (not 'Name said:', which introduces the next quotation)
        "after_name_first": regex.compile(
            rf"^[,\s]*(?P<who>[^.;!?“”\"]{{2,200}}?)\s+\b(?P<verb>{verbs})\b\s*(?:[.,;!?]|$)",
            regex.VERSION1,
        ),
        # '“…,” Name said in a statement.', '“…,” she said when asked.': the verb, then an
        # adverbial up to the sentence end (tried only where one follows a verb:
        # _verb_then_adverbial)
        "after_name_adverbial": regex.compile(
            rf"^[,\s]*(?P<who>[^.;!?“”\"]{{2,200}}?)\s+\b(?P<verb>{verbs})\s+"
            rf"(?:{_alternatives('adverbial_openers')})\b[^.,;!?“”\"\n]{{0,120}}+(?:[.,;!?]|$)",
            regex.VERSION1,
        ),
        # '“…,” Name told the BBC.': an object verb and its object up to the sentence end
        "after_name_told": regex.compile(
            rf"^[,\s]*(?P<who>[^.;!?“”\"]{{2,200}}?)\s+\b(?P<verb>{told})\s+"
            r"[^.;!?“”\"\n]{1,60}?\s*(?:[.;!?]|$)",
            regex.VERSION1,
        ),
        # a paragraph ending "says:", "said;" or "says," introduces an unmarked quotation
        # (these two are searched from _speech_start on)
        "intro_end": regex.compile(rf"\b(?:{speech})\s*[:;,]\s*$"),
        "speech_end": regex.compile(rf"\b(?:{speech})\s*:?\s*$"),
        # 'According to the Chief Inspector, Sir Tom Winsor, “…”'
        "according": regex.compile(
            r"(?:^|(?<=[.!?]\s))(?:[Aa]ccording to|[Ii]n the words of)\s+"
            r"(?P<who>[^.!?“”\"\n]{2,160}?)[,:]?\s*$"
        ),
        # 'A statement from the Police and Crime Commissioner, Ann Cole, in response to …:',
        # and a heading over the quotation: 'Statement by Ann Cole, chief executive'
        "statement_from": regex.compile(
            rf"(?:^|(?<=[.!?]\s))(?:(?i:{dets})\s+)?(?:\w+\s+)?"
            rf"(?i:{things})\s+(?:from|by)\s+(?P<who>[^.!?“”\"\n:]{{2,160}}?)"
            rf"(?:,?\s+(?:{topic})\b[^.!?“”\"\n:]{{0,160}})?[,\s]*(?P<colon>:)?\s*$"
        ),
    }


def _speech_start(text: str, start: int, end: int) -> int:
    """Where a match of "intro_end" or "speech_end" in ``text[start:end]`` may start: after
    the last sentence end or double quote mark (neither pattern matches one), so that a long
    paragraph is not tried for a verb at every word."""
    return max(start, last_of(text, _STOPS, start, end) + 1)


# Characters that may stand round a word in the text split at white space ("said:", "(has",
# "Cole’s"); none is a letter, a digit or "_" (no part of a word to the patterns' \w).
_WORD_EDGES: Final = ".,;:!?()[]{}\"'“”‘’«»—–-…/*"


@cache
def _speech_words() -> frozenset[str]:
    """The first word of each speech, statement and object verb ("said", "went", "meddai"):
    a speech phrase (_speech) holds one as a whole word."""
    v = _vocab()
    verbs = v["speech_verbs"] | v["statement_verbs"] | v["object_verbs"]
    return frozenset(m.group() for w in verbs if (m := regex.match(r"\w+", w)))


@cache
def _lead_words() -> frozenset[str]:
    """The words that may stand before a speech verb in a speech phrase ("has also said")."""
    return _vocab()["auxiliaries"] | {"also", "now"}


def _first_word_of(s: str, words: frozenset[str]) -> int:
    """Where the first piece of ``s`` between white space that holds one of ``words`` as a
    whole word starts (at most: a piece is sought by ``str.find``), or -1 when none does. A
    piece of letters alone is a word; one with other characters holds ``words`` where it
    holds one of them at all (what lies round a word in it is no letter)."""
    for piece in s.split():
        word = piece
        if word not in words and not word.isalpha():
            word = piece.strip(_WORD_EDGES)
            if word not in words and not word.isalpha() and any(w in word for w in words):
                return s.find(piece)
        if word in words:
            return s.find(piece)
    return -1


def _speech_search(
    pattern: regex.Pattern[str], text: str, start: int, end: int, enders: str, required: bool
) -> int:
    """Where ``pattern.search(text, start, end)`` matches, or -1, for a pattern that opens
    with a speech phrase (_speech) and closes with white space and one of ``enders`` or none
    ("before_verb", "speech_end"). The patterns try every verb at every word, and a call of
    one costs as much as reading the rest of an attribution: so none is tried when no speech
    verb's word is there (_first_word_of), nor when the first is a verb of one word that
    ends the text before one of ``enders`` or none (unless ``required``) (_verb_at_end:
    "Ann Cole said:"), with no word that may open the phrase
    before it ("has said:"); else from that word, or the words before it that may."""
    s = text[start:end]
    at = _first_word_of(s, _speech_words())
    if at < 0:
        return -1
    at += start
    leads = _lead_words()
    begin = at
    for _ in range(2):
        j = begin
        while j > start and not text[j - 1].isalpha():
            j -= 1
        i = j
        while i > start and text[i - 1].isalpha():
            i -= 1
        if text[i:j] not in leads:
            break
        begin = i
    if begin == at and _verb_at_end(text, start, end, enders, required) == at:
        return at
    m = pattern.search(text, begin, end)
    return -1 if m is None else m.start()


def _speech_ends(
    pattern: regex.Pattern[str], text: str, start: int, end: int, enders: str, required: bool
) -> bool:
    """Whether ``pattern.search(text, start, end)`` matches, for "speech_end" (``enders``
    ":", not ``required``) or "intro_end" (":;,", ``required``): at once when a verb of one
    word ends the text (_verb_at_end), else as _speech_search finds it."""
    if _verb_at_end(text, start, end, enders, required) >= 0:
        return True
    return _speech_search(pattern, text, start, end, enders, required) >= 0


_SURE_SPACE: Final = " \t\n\r\xa0"  # white space that \s matches
_SURE_BEFORE: Final = _SURE_SPACE + ",;(—–“‘\"'"  # no part of a word (\b before a verb)


def _verb_at_end(text: str, start: int, end: int, enders: str, required: bool) -> int:
    """Where a speech verb of one word starts that ends ``text[start:end]`` before white space
    and one of ``enders`` (or none, unless ``required``) and white space ("Ann Cole said:",
    "says,"); -1 when the text does not end so (or ends with a phrase: "said in a
    statement:", or a character there is one whose place in a word is less plain)."""
    e = end
    while e > start and text[e - 1] in _SURE_SPACE:
        e -= 1
    if e > start and text[e - 1] in enders:
        e -= 1
    elif required:
        return -1
    while e > start and text[e - 1] in _SURE_SPACE:
        e -= 1
    i = e
    while i > start and text[i - 1].isascii() and text[i - 1].isalpha():
        i -= 1
    if i == e or text[i:e] not in _vocab()["speech_verbs"]:
        return -1
    return i if i == 0 or text[i - 1] in _SURE_BEFORE else -1


@cache
def _before() -> regex.Pattern[str]:
    """The "before_verb" pattern with the words before the verb ("who"), which may run over
    one line break: needed only for a line break before the verb (_who_before), so compiled
    only then (it costs as much to compile as three of _verb_patterns)."""
    return regex.compile(
        rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))(?P<who>[^.!?\n]*?(?:\n[^.!?\n]*?)?)"
        rf"\s*\b(?P<verb>{_speech()})\s*(?:that\s*)?[:;,]?\s*$",
        regex.VERSION1,
    )


def _opens(text: str, i: int, is_open: bool) -> bool:
    """Whether the mark at ``i`` may open a quotation (``is_open``: reopen or nest in one)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if ch == "“":
        # A "“" that ends a paragraph while a quotation is open is a mis-typed closer.
        return not (is_open and after == "\n")
    if ch == "”":
        # A "”" at the very start of a paragraph, or right after a colon ('said:”We …'), is a
        # mis-typed opener.
        return not is_open and (before == "\n" or _char_before(text, i, max(0, i - 2)) == ":")
    loose = before in _SPACE or before in _BEFORE_OPENER
    if ch == '"':
        return loose and after not in _SPACE
    if ch == "«":  # "« Bonjour »", but not the closer of "»Wort«"
        return loose
    if ch == "»":  # "»Wort«", but not the closer of "« mot »"
        return loose and after.isalnum()
    return ch in _PAIRS


def _closes(text: str, i: int, style: str) -> bool:
    """Whether the mark at ``i`` closes a quotation opened by ``style``."""
    if style in _ENGLISH:
        # English marks are told apart by position: one that cannot open closes.
        return text[i] in _ENGLISH and not _opens(text, i, True)
    return text[i] in _PAIRS[style]


def _nested_end(text: str, i: int, end: int, closers: str) -> int:
    """The closer of a quotation nested at ``i`` in its paragraph, or -1 (searched within
    ``_NESTED_REACH``: a nested quotation is short, and a bound keeps long runs of marks
    with no closer linear)."""
    end = min(end, i + 1 + _NESTED_REACH)
    found = [j for j in (text.find(c, i + 1, end) for c in closers) if j >= 0]
    return min(found, default=-1)


def _char_before(text: str, i: int, floor: int) -> str:
    """The last character before ``i`` that is not white space, not before ``floor``, or ""."""
    while i > floor and text[i - 1] in _SPACE:
        i -= 1
    return text[i - 1] if i > floor else ""


def _closes_later(
    text: str, paragraphs: Sequence[Span], marks: list[int], pi: int, style: str
) -> bool:
    """Whether a quotation left open goes on over unmarked paragraphs from ``pi`` to one whose
    first mark closes it ("“We thank …\\n\\nIt was …\\n\\nWe accept ….”")."""
    for p in paragraphs[pi : pi + _LOOKAHEAD_PARAGRAPHS]:
        if p.tag == "table":
            return False
        lo = bisect_offsets(marks, p.start)
        if lo < len(marks) and marks[lo] < p.end:
            return _closes(text, marks[lo], style)
    return False


def _same_blockquote(text: str, paragraphs: Sequence[Span], pi: int) -> bool:
    """Whether paragraph ``pi`` of a web page goes on the quotation of the paragraph before
    it: both are paragraphs of a ``<blockquote>`` (GOV.UK and Welsh Government pages quote
    without marks, the block shows where the quotation ends), and it is no signature line
    (``— Name, Role``)."""
    return (
        pi > 0
        and paragraphs[pi].tag == "blockquote"
        and paragraphs[pi - 1].tag == "blockquote"
        and not text.startswith(_DASHES, paragraphs[pi].start)
    )


def _scan(text: str, paragraphs: Sequence[Span], implicit: set[int]) -> list[_Raw]:
    out: list[_Raw] = []
    cur: _Open | None = None
    headings_pending: list[int] = []

    def finish(end_para: int, closed: bool) -> None:
        nonlocal cur
        if cur is not None and cur.pieces:
            out.append(
                _Raw(
                    cur.start,
                    cur.pieces[-1][1] + (1 if closed else 0),
                    tuple(cur.pieces),
                    cur.first_para,
                    end_para,
                    closed,
                )
            )
        cur = None

    marks = offsets_of(text, _SCAN_MARKS)
    if not marks and not implicit:
        return out
    for pi, p in enumerate(paragraphs):
        if p.tag == "table":
            if cur is not None:
                finish(pi - 1, False)
            continue
        lo = bisect_offsets(marks, p.start)
        hi = bisect_offsets(marks, p.end, lo)
        if cur is None and lo == hi and pi not in implicit:
            continue  # no quotation open, none starts here (most paragraphs)
        q0 = _after_bullet(text, p.start, p.end)
        first = text[q0] if q0 < p.end else ""
        first_is_open = first in _FIRST_OPENERS and (
            _opens(text, q0, False) or (cur is not None and first in _FRENCH)
        )
        if cur is not None:
            # An open quotation continues into a paragraph that reopens the mark, or over
            # unmarked paragraphs up to its closing mark (an unmarked one after "said:" too:
            # Welsh Government pages copied without their opening marks); short headings
            # between its paragraphs are skipped.
            if first_is_open:
                headings_pending.clear()
            elif _same_blockquote(text, paragraphs, pi):
                pass  # the page quotes this paragraph in the same block as the one before
            elif _short_heading(text[p.start : p.end]):
                headings_pending.append(pi)
                continue
            elif headings_pending or not _closes_later(
                text, paragraphs, marks, pi, cur.style or "“"
            ):
                finish(pi - 1 - len(headings_pending), False)
                headings_pending.clear()
        if cur is None and pi in implicit and not first_is_open:
            cur = _Open(start=p.start, piece_start=p.start, first_para=pi)
        elif cur is not None:
            cur.piece_start = p.start
        skip_to = -1
        for i in marks[lo:hi]:
            if i <= skip_to:
                continue
            ch = text[i]
            if cur is None:
                if ch in _FIRST_OPENERS and _opens(text, i, False):
                    style = "“" if ch == "”" else ch
                    cur = _Open(start=i, piece_start=i + 1, first_para=pi, style=style)
                continue
            if i == q0 and first_is_open:
                cur.piece_start = i + 1  # the paragraph reopens the quotation
                cur.style = "“" if ch == "”" else ch
            elif _closes(text, i, cur.style or "“"):
                cur.pieces.append(_strip(text, cur.piece_start, i))
                finish(pi, True)
            elif ch not in _PAIRS or not _opens(text, i, True):
                continue  # a closer of another kind of quotation, or a stray mark
            elif _nests(text, i, p.end, cur):
                skip_to = _nested_end(text, i, p.end, _PAIRS[ch])
            elif text[cur.piece_start : i].strip(_SPACE):
                # A reopening mark inside a paragraph: a new quoted paragraph of a release
                # flattened onto one line.
                cur.pieces.append(_strip(text, cur.piece_start, i))
                cur.piece_start = i + 1
            else:
                cur.piece_start = i + 1
        if cur is not None:
            cur.pieces.append(_strip(text, cur.piece_start, p.end))
            if not text[cur.pieces[-1][0] : cur.pieces[-1][1]].strip(_SPACE):
                cur.pieces.pop()
    if cur is not None:
        finish(len(paragraphs) - 1 - len(headings_pending), False)
    return out


def _single_marked(
    text: str, paragraphs: Sequence[Span], raws: Sequence[_Raw], straight: bool = False
) -> list[_Raw]:
    """Quotations in single marks, as Scottish and some police pages write them: opened by
    ``‘`` at a paragraph's start or after ``said: ``, each further paragraph reopening it,
    closed by ``’`` after the last paragraph's final stop (``Supt Ann Cole said: ‘If you …``
    / ``‘Genuine officers never ….’``). A ``’`` inside a paragraph is an apostrophe or closes
    a quoted word, and a paragraph with double marks belongs to the double-mark scan. A
    paragraph that does not reopen the mark goes on to the closing one (``Leader of the
    Opposition Ian Gray said: ‘…`` / ``It is time ….’``), over at most five. In ``straight``
    marks (``'``), which apostrophes share, a quotation opens only at a paragraph's start
    where its attribution follows its closing mark (``'…,' Mr Hale said. '…'``: _single_split)."""
    opener, closer = ("'", "'") if straight else ("‘", "’")
    taken = {pi for r in raws for pi in range(r.first_para, r.last_para + 1)}
    intro = _verb_patterns()["speech_end"]
    marked = offsets_of(text, _MARK_CHARS)  # (one pass, not a regex search per paragraph)
    out: list[_Raw] = []
    pieces: list[tuple[int, int]] = []
    first = -1
    unmarked = 0  # paragraphs of the open quotation that do not reopen it
    for pi, p in enumerate(paragraphs):
        q0 = _after_bullet(text, p.start, p.end)
        holds_mark = bisect_offsets(marked, p.end) > bisect_offsets(marked, p.start)
        if p.tag == "table" or pi in taken or holds_mark:
            pieces = []
            continue
        at = q0 if text.startswith(opener, q0) else -1
        if at < 0 and not pieces and not straight:
            colon = text.find(": ‘", q0, p.end)
            if colon > 0 and _speech_ends(
                intro, text, _speech_start(text, q0, colon + 1), colon + 1, ":", False
            ):
                at = colon + 2
        if at < 0 and pieces and unmarked < _LOOKAHEAD_PARAGRAPHS:
            at = q0 - 1  # the paragraph goes on without reopening the mark
            unmarked += 1
        if at < 0:
            pieces = []
            continue
        if not pieces:
            first = pi
            unmarked = 0
        end = len(text[p.start : p.end].rstrip(_SPACE)) + p.start
        split = _single_split(text, at + 1, end, straight) if text.startswith(opener, at) else -1
        if straight and split < 0 and len(pieces) == 0 and at == q0:
            continue  # (a straight mark opens a quotation only before its attribution)
        if split > 0:
            # "‘…,’ Mr Hale said. ‘…’": closed before its attribution, and maybe reopened
            pieces.append(_strip(text, at + 1, split))
            out.append(_Raw(pieces[0][0] - 1, split + 1, tuple(pieces), first, pi, True))
            pieces = []
            at = _reopening(text, split + 1, end, straight)
            if at < 0 or last_of(text, _SENTENCE_END, split + 1, at) < 0:
                continue  # (reopened only after the attribution's sentence end)
            first = pi
            unmarked = 0
        closed = text[end - 1 : end] == closer and text[end - 2 : end - 1] in _SENTENCE_END + ","
        pieces.append(_strip(text, at + 1, end - 1 if closed else p.end))
        if closed:
            out.append(_Raw(pieces[0][0] - 1, end, tuple(pieces), first, pi, True))
            pieces = []
    return out


def _single_split(text: str, start: int, end: int, straight: bool) -> int:
    """Where a quotation in single marks opened before ``start`` closes inside its paragraph
    (which ends at ``end``) with its attribution after it (``‘We will act,’ Mr Hale said.``,
    ``‘…’, said Ann Cole.``): a ``’`` after a comma or stop, or before a comma, then the words
    of an attribution (_verb_patterns) up to a sentence end or a reopening ``‘``; -1 when none
    does (a ``’`` in a word is an apostrophe: ``We’ve``). In ``straight`` marks only the first
    ``'`` that may close it is tried (a later one is as likely an apostrophe)."""
    closer = "'" if straight else "’"
    i = text.find(closer, start, end)
    while i >= 0:
        after = text[i + 1 : i + 3]
        if (text[i - 1] in _SENTENCE_END + "," and after[:1] == " ") or after == ", ":
            stop = min(end, i + 1 + _ATTRIBUTION_REACH)  # (an attribution is short)
            reopen = _reopening(text, i + 1, stop, straight)
            tail = _without_abbreviation_stops(text[i + 1 : reopen if reopen > 0 else stop])
            for m in _after_matches(tail):
                if _plausible_who(m.group("who")):
                    return i
            if straight:
                return -1
        i = text.find(closer, i + 1, end)
    return -1


def _reopening(text: str, start: int, end: int, straight: bool) -> int:
    """Where a single-mark quotation is reopened in ``text[start:end]``: its first ``‘``, or
    in straight marks the first ``'`` after a space (not ``O'Neill``); -1 when none is."""
    if not straight:
        return text.find("‘", start, end)
    i = text.find(" '", start, end)
    return i + 1 if i >= 0 else -1


def _opens_straight(text: str, paragraphs: Sequence[Span]) -> bool:
    """Whether a paragraph opens with a straight single mark (``'We will …,' Mr Hale said.``):
    the one place a quotation in them may open."""
    return "'" in text and any(
        text.startswith("'", _after_bullet(text, p.start, p.end)) for p in paragraphs
    )


def _after_matches(tail: str, adverbial: bool = False) -> Iterator[regex.Match[str]]:
    """The matches of "after_verb_first", "after_name_first" (else, when ``adverbial``,
    "after_name_adverbial"), then "after_name_told", at the start of the words after a closing
    mark (``tail``): each pattern is tried only where its verb may stand (_may_open_with_verb,
    _may_end_with_verb, _verb_then_adverbial, an object verb before the first sentence end),
    as its lazy ``who`` tries every verb after every character up to it. ``adverbial`` is for
    a quotation closed after a comma ("“…,” Ann Cole said in a statement."): after a stop,
    "Ann Cole said in March that …" begins a sentence of narrative."""
    pats = _verb_patterns()
    if _may_open_with_verb(tail) and (m := pats["after_verb_first"].match(tail)):
        yield m
    stop = _first_stop(tail)
    m = pats["after_name_first"].match(tail) if _may_end_with_verb(tail, stop) else None
    if m is None and adverbial and _verb_then_adverbial(tail, stop):
        m = pats["after_name_adverbial"].match(tail)
    if m:
        yield m
    told = _vocab()["object_verbs"]
    if any(v in tail[:stop] for v in told) and (m := pats["after_name_told"].match(tail)):
        yield m


@cache
def _verb_forms() -> tuple[str, ...]:
    return tuple(sorted(_vocab()["speech_verbs"]))


def _may_open_with_verb(tail: str) -> bool:
    """Whether a speech verb stands first in ``tail`` after commas and white space, where
    "after_verb_first" needs it ("…,” said Ann Cole.")."""
    i = 0
    while i < len(tail) and (tail[i] == "," or tail[i].isspace()):
        i += 1
    return tail.startswith(_verb_forms(), i)


def _first_stop(tail: str) -> int:
    """Where the first sentence end or quotation mark of ``tail`` stands, or its end: none
    stands in the ``who`` of "after_name_first" or "after_name_told"."""
    ends = [j for j in (tail.find(c) for c in _AFTER_NAME_ENDS) if j >= 0]
    return min(ends) if ends else len(tail)


def _may_end_with_verb(tail: str, stop: int) -> bool:
    """Whether a speech verb ends, before white space, at a comma before the first sentence
    end or quotation mark of ``tail``, or at that mark when it is a sentence end, or at the
    end, where "after_name_first" needs it ("…,” Ann Cole said."); ``stop`` is where the
    first of those marks stands (_first_stop)."""
    places = [stop] if stop == len(tail) or tail[stop] in ".;!?" else []
    comma = tail.find(",", 0, stop)
    while comma >= 0:
        places.append(comma)
        comma = tail.find(",", comma + 1, stop)
    for j in places:
        while j > 0 and tail[j - 1].isspace():
            j -= 1
        if tail.endswith(_verb_forms(), 0, j):
            return True
    return False


def _verb_then_adverbial(tail: str, stop: int) -> bool:
    """Whether a speech verb of one word stands before the first sentence end or quotation
    mark of ``tail`` (at ``stop``) with an adverbial's first word after it ("…,” Ann Cole said
    in a statement.", "she said when asked"), where "after_name_adverbial" needs it."""
    v = _vocab()
    words = tail[:stop].split()
    return any(
        w in v["speech_verbs"] and nxt in v["adverbial_openers"] for w, nxt in pairwise(words)
    )


_AFTER_NAME_ENDS: Final = '.;!?“”"'  # none stands in the "who" of "after_name_first"


def _nests(text: str, i: int, end: int, cur: _Open) -> bool:
    """Whether an opening mark inside an open quotation starts a quotation nested in it (a
    graded word, a cited line: "“… was “a real strength”, and …”") rather than a new
    paragraph of a release flattened onto one line ("“… improve. “We will …”")."""
    ch = text[i]
    if ch not in _ENGLISH or ch != (cur.style or "“"):
        return _nested_end(text, i, end, _PAIRS[ch]) >= 0  # another kind of mark nests
    before = _char_before(text, i, cur.piece_start)
    return (
        bool(before) and before not in _SENTENCE_END and _nested_end(text, i, end, _PAIRS[ch]) >= 0
    )


def _after_bullet(text: str, start: int, end: int) -> int:
    """Where a paragraph's words start: after a list bullet ("• “Files were …”")."""
    if text[start] in _BULLETS and start + 2 < end and text[start + 1] in " \t\xa0":
        return start + 2
    return start


def _item_start(text: str, para: Span, i: int) -> int:
    """Where the words before ``i`` in the paragraph ``para`` start: after the bullet of the
    list item holding ``i`` when its line opens with one (a web page's list is one paragraph,
    an item a line: "- Tom Pike, leader: “…”"), else after the paragraph's bullet. The line
    break is sought within _ATTRIBUTION_REACH of ``i`` (the words its callers read), so that a
    long paragraph of many quotations costs time linear in its length."""
    line = text.rfind("\n", max(para.start, i - _ATTRIBUTION_REACH), i) + 1
    if line > para.start and (item := _after_bullet(text, line, para.end)) > line:
        return item
    return _after_bullet(text, para.start, para.end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _short_heading(s: str) -> bool:
    s = s.strip()
    return 0 < len(s) <= 60 and "\n" not in s and s[-1] not in '.,;:!?”"' and s[0].isupper()


def _implicit_starts(text: str, paragraphs: Sequence[Span]) -> set[int]:
    """Paragraphs that follow ``X says:`` (or ``said;``, ``says,``, ``Says X:``) without an
    opening mark: the quotation starts there."""
    intro = _verb_patterns()["intro_end"]
    out = set()
    for i, (p, nxt) in enumerate(pairwise(paragraphs)):
        if p.tag == "table" or nxt.tag == "table":
            continue
        # The pattern ends in a colon (semicolon, comma), and the next paragraph must open
        # without a mark (most after "said:" have one): test those first, they are much
        # cheaper (and without copying the paragraph).
        end = p.end
        while end > p.start and text[end - 1].isspace():
            end -= 1
        if end == p.start or text[end - 1] not in ":;,":
            continue
        if text[_after_bullet(text, nxt.start, nxt.end)] in _FIRST_OPENERS:
            continue
        if _speech_ends(
            intro, text, _speech_start(text, p.start, p.end), p.end, ":;,", True
        ) or _verb_first(_last_sentence(text, p.start, end)):
            out.add(i + 1)  # (or "Says Ann Cole:")
    return out


class Person(NamedTuple):  # a tuple: cheaper to build than a dataclass
    speaker: str | None
    role: str | None
    as_written: str | None


# The letters below U+0250 (the Latin scripts): there Python's letters are the regex
# module's \p{L}, and no \p{M} (a combining mark) lies there or among the punctuation of
# U+2000-U+206F (tests/test_speed_render3.py checks each character).
_LATIN_LETTERS: Final = frozenset(c for c in map(chr, range(0x250)) if c.isalpha())


def _tokens(s: str) -> list[str]:
    """``_TOKEN.findall(s)``: its words (a letter, then letters, apostrophes, hyphens and
    stops) and ampersands. Read here character by character when ``s`` holds no letter of
    another script (almost every attribution): a call of the regex module costs several
    times as much, and the attributions are split into words over and over."""
    out: list[str] = []
    start = -1  # where the word being read starts, or -1
    for i in range(len(s)):
        ch = s[i]
        if ch in _LATIN_LETTERS or (start >= 0 and ch in "’'-."):
            if start < 0:
                start = i
            continue
        if start >= 0:
            out.append(s[start:i])
            start = -1
        if ch == "&":
            out.append(ch)
        elif ord(ch) >= 0x250 and not 0x2000 <= ord(ch) <= 0x206F:
            return _TOKEN.findall(s)  # a letter of another script (or a mark) may be here
    if start >= 0:
        out.append(s[start:])
    return out


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _name_tail(seg: str) -> tuple[str, str] | None:
    """Split a segment into (role part, name) when it ends with a person's name."""
    v = _vocab()
    particles, role_words = v["name_particles"], v["role_words"]
    stops = _name_stops()
    toks = _tokens(seg)
    while toks and toks[-1].rstrip(".") in v["postnominals"]:
        toks.pop()
    run: list[str] = []
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        # "Ursula von der Leyen": a lowercase particle between capitalised name words
        particle = False
        if tok in particles and run:
            before = toks[i - 1] if i > 0 else ""
            particle = before in particles or (_is_cap(before) and before not in role_words)
        if not particle and (not _is_cap(tok) or tok in stops):
            break
        if tok.endswith(("’s", "'s")) or (len(run) > 1 and _describes(tok)):
            # "Eastshire Council’s Ann Cole": a possessor; "Mum-of-two Ann Cole", "Widow Ann
            # Cole": a label that describes the person before the name
            break
        if tok.upper() == tok and len(tok) > 1 and not _INITIAL.match(tok):
            # acronyms (CPS, HMCPSI) are not names, initials (J.) are
            break
        run.insert(0, tok)
    if not run:
        return None
    cut = len(toks) - len(run)
    # "Dr Cole", "Det Supt Hale", "Sergeant Pritchard", "Station Manager Elms": a surname
    # alone may follow these (but not "CPS Caldermouth": a place after a role)
    honorific = cut > 0 and toks[cut - 1] in _before_surname()
    real = [t for t in run if t not in particles]
    if (
        cut > 0
        and not honorific
        and (toks[cut - 1] in v["place_prepositions"] or toks[cut - 1].lower() in v["coordinators"])
    ):
        # "Cabinet Member for Climate Change", "Chair of Eastshire Healthwatch", "for
        # Education and Lifelong Learning": the title's object, not a name; "Head of
        # Libraries Ann Cole", "Federation of England and Wales John Apter": the last two;
        # "Head of Libraries Mary Ann Cole": three, after a word that ends an object
        if len(real) <= 2:
            return None
        keep = 3 if len(run) > 3 and _ends_object(run[-4]) and not _ends_object(run[-3]) else 2
        run = run[-keep:]
        cut = len(toks) - keep
        real = [t for t in run if t not in particles]
    if len(real) > 3:
        keep = len(run) - run.index(real[-3])
        run = run[-keep:]
        cut = len(toks) - keep
    if (
        len(real) == 1
        and not honorific
        and cut > 0
        and not _adverbial(toks[cut - 1])
        and not _describes(toks[cut - 1])  # "Mary’s only child Jim": a forename after a label
    ):
        return None  # "CPS Caldermouth": a place after a role, not a name
    name = " ".join(run)
    role_toks = toks[:cut]
    while role_toks and (role_toks[-1] in v["honorifics"] or role_toks[-1].lower() == "the"):
        if _modified_honorific(role_toks):
            break  # "Alliance Councillor Ann Cole", "Emeritus Professor Ann Cole": a title
        role_toks.pop()
    role = _role_text(seg, role_toks)
    return role, name


def _modified_honorific(toks: list[str]) -> bool:
    """Whether ``toks`` are a title honorific after a modifier of one or two capitalised
    words, the whole title before a name ("Alliance Councillor", "Liberal Democrat Cllr",
    "Assistant Professor"): the honorific stays in the role; not after a title's head, a body's
    word, a day's name or an adverbial ("Deputy Leader Councillor", "Yesterday Councillor")."""
    v = _vocab()
    if len(toks) < 2 or len(toks) > 3 or toks[-1] not in v["title_honorifics"]:
        return False
    return all(
        _is_cap(t)
        and not t.endswith(("’s", "'s"))
        and t not in v["title_heads"]
        and t not in v["honorifics"]
        and t not in v["determiners"]
        and t.capitalize() not in v["organisation_words"]
        and t.casefold() not in DATE_WORDS
        and not _adverbial(t)
        and not _describes(t)
        for t in toks[:-1]
    )


def _describes(tok: str) -> bool:
    """Whether ``tok`` is a label describing a person before their name, not a title:
    ``descriptive_labels`` ("Widow", "Grandmother") or a hyphenated "X-of-N" ("Mum-of-two",
    "father-of-three")."""
    return tok.capitalize() in _vocab()["descriptive_labels"] or "-of-" in tok


def _label_phrase(words: str) -> bool:
    """Whether the words before a name (or in commas beside it) are a label and no title:
    their last word describes the person (_describes: "Mum-of-two", "proud mum", "Widow",
    "Her daughter") and none is a title word ("Ward Sister" is a title)."""
    toks = _tokens(words)
    v = _vocab()
    return (
        bool(toks)
        and _describes(toks[-1])
        and not any(
            t.capitalize() in v["role_words"] and t.capitalize() not in v["possessive_determiners"]
            for t in toks
        )
    )


@cache
def _name_stops() -> frozenset[str]:
    """The capitalised words that end a name read backwards (_name_tail): honorifics, role
    words, ranks, determiners ("The MP": a determiner opens a noun phrase, never a name) and
    adverbials ("Yesterday Ann Cole", "Commenting Kirsty")."""
    v = _vocab()
    adverbials = v["sentence_adverbs"] | v["adverbial_openers"] | v["clause_openers"]
    return frozenset(
        v["honorifics"]
        | v["role_words"]
        | v["ranks"]
        | v["determiners"]
        | {w.capitalize() for w in adverbials}
    )


@cache
def _before_surname() -> frozenset[str]:
    """The words after which a surname alone is a name: "Dr Cole", "Det Supt Hale",
    "Sergeant Pritchard", "Station Manager Elms"."""
    v = _vocab()
    return v["honorifics"] | v["ranks"] | v["title_heads"]


@cache
def _object_endings() -> tuple[str, ...]:
    return tuple(sorted(_vocab()["object_endings"]))


def _ends_object(word: str) -> bool:
    """Whether ``word`` may end the object of a title ("Libraries", "Education", "Health"),
    and so is no forename: a word of a title or an organisation, or one with an ending of a
    plural or an abstract noun (``object_endings``: "Services", not "James")."""
    v = _vocab()
    return (
        word in v["role_words"]
        or word in v["organisation_words"]
        or word.endswith(_object_endings())
    )


def _role_text(seg: str, role_toks: list[str]) -> str:
    if not role_toks:
        return ""
    # Recover the role as written (original punctuation) from the segment.
    first, last = role_toks[0], role_toks[-1]
    s = seg.find(first)
    e = seg.rfind(last, s) + len(last) if s >= 0 else -1
    return seg[s:e] if 0 <= s < e else " ".join(role_toks)


def _drop_article(s: str) -> str:
    """``s`` without a leading "the"/"a"/"an"/"our"/"its"/"their" (the regex is called only
    when ``s`` may start with one: a non-ASCII letter may match case-insensitively)."""
    first = s[:1]
    if first.isascii() and first not in "tTaAoOiI":
        return s
    return _LEADING_ARTICLE.sub("", s)


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = collapse_space(role).strip(" ,;:")
    role = _drop_article(role)
    # "the Area’s Chief Crown Prosecutor", "CQC’s deputy chief inspector": drop the
    # possessor, but keep "His Majesty’s Inspector".
    if role.endswith(("’s", "'s")):
        return None  # "Eastshire Council’s Ann Cole": the possessor alone is no title
    m = _POSSESSOR.match(role) if "’s" in role or "'s" in role else None
    if m and not m.group(1).endswith("Majesty"):
        role = role[m.end() :]
    return role or None


def _starts_role(seg: str) -> bool:
    first = _TOKEN.match(seg)
    return first is not None and first.group().capitalize() in _vocab()["role_words"]


def _opens_role(seg: str) -> bool:
    """Whether a segment may be a title: "Chief Inspector", "the trust’s chief executive",
    "our head of care", "chief executive"; not a clause ("who led the inspection")."""
    return seg[:1].isupper() or _drop_article(seg) != seg or _starts_role(seg)


def _after_opener(seg: str) -> bool:
    """Whether a segment opens with an adverbial's first word ("On behalf of the trust", "In
    a statement to the Board"): no title, whatever words of one it holds."""
    first = _TOKEN.match(seg)
    return first is not None and first.group().lower() in _vocab()["adverbial_openers"]


def _opens_clause(seg: str) -> bool:
    first = _TOKEN.match(seg)
    return first is not None and first.group() in _vocab()["clause_openers"]


def _is_role(seg: str) -> bool:
    v = _vocab()
    toks = _tokens(seg)
    return bool(toks) and any(
        t in v["role_words"] or t.capitalize() in v["role_words"] for t in toks
    )


def _placed_office(who: str) -> str | None:
    """The office of a definite attribution whose capitalised words before an office's
    initials are a place or a party, not a name ("the Kelby North MP", "The Sinn Féin MP":
    "Kelby North MP"); None when an honorific stands there ("the Rt Hon Ann Cole MP") or the
    words are no such run. Such a role names the one holder of the office (_named_by_role)."""
    words = who.split()
    if not 3 <= len(words) <= 5 or words[-1] not in _offices():
        return None
    run = words[1:-1]
    v = _vocab()
    if any(not w[:1].isupper() or w in v["honorifics"] for w in run):
        return None
    return " ".join(words[1:])


def _comma_before_relative(who: str) -> str:
    """``who`` with a comma before each relative clause that follows a capitalised word with
    none ("Detective Superintendent Tom Hale who is leading the inquiry": set apart as "…
    Tom Hale, who is …" is, so that the clause is no part of the name)."""
    out: list[str] = []
    done = 0
    i = who.find(" who", 1)
    while i > 0:
        after = who[i + 4 : i + 6]
        word = who.rfind(" ", 0, i) + 1
        if (
            (after[:1] == " " or after in ("se", "m "))
            and who[i - 1].isalpha()
            and who[word].isupper()
        ):
            out.append(who[done:i])
            out.append(",")
            done = i
        i = who.find(" who", i + 4)
    out.append(who[done:])
    return "".join(out)


def parse_attribution(who: str) -> Person:
    """Split an attribution phrase into speaker name and role.

    ``Chief Inspector of the HMCPSI, Kevin McGinty`` -> (Kevin McGinty, Chief Inspector of the
    HMCPSI); ``HM Inspector of Constabulary Dr Rowan Ashby`` -> (Rowan Ashby, HM Inspector of
    Constabulary); ``the Rt Hon Harriet Coldwell QC MP`` -> (Harriet Coldwell, None).
    """
    who = _after_furniture(collapse_space(who)).strip(" ,;:")
    if who[:4] in ("The ", "the ") and (office := _placed_office(who)):
        return Person(None, office, None)
    if " who" in who:
        who = _comma_before_relative(who)
    if " – " in who or " — " in who:
        # "In his message – spoken on behalf of staff – Mr Carr": an aside in a pair of dashes
        # is set apart as commas set it
        who = _DASH_ASIDE.sub(r", \1,", who)
    if (" – " in who or " — " in who or " - " in who) and (m := _label_dash().match(who)):
        # "Ann Cole – Chief Executive, Kelby Homes" (a speaker's label): one spaced dash
        # after a name, before any comma and with no other after it, sets the name apart as
        # a comma does ("Head of Service – Adults, Ann Cole": the dash is the title's)
        name = parse_attribution(m.group()).speaker
        if name and " " in name:
            who = f"{m.group()},{who[m.end() + 2 :]}"
    # "Ann Lee (Chief Inspector)": a role in brackets after the name reads as "Name, Role";
    # other words in brackets there ("(pictured)", "(left)", a party and ward: "(Labour,
    # Harbridge North)") are left out, at the end or before more ("…, cabinet member for …")
    if ")" in who:
        # "Deputy Chief Constable (DCC) Ann Cole": a title's initials in brackets inside
        who = _INNER_INITIALS.sub("", who)
        who = _without_brackets(who)
    segs = [s.strip() for s in who.split(",") if s.strip()]
    v = _vocab()
    items = _list_items(segs)
    splits = [_name_tail(s) for s in segs]
    # A name joined to its body ("Ian Moss from Dunmere fire station") only where no part is a
    # name ("Dr Ann Cole, Infection Doctor at Kelby Hospitals": the doctor is no name).
    named = any(splits)
    # A segment that is a name of its own ("Dr Ann Cole"): a name in a title's object in a
    # segment after it is the body's ("…, Consultant at Kelby Royal Infirmary").
    alone = next((k for k, sp in enumerate(splits) if sp and not sp[0] and " " in sp[1]), -1)
    if any(c in who for c in _spaced_coordinators()) and _second_person(segs, splits):
        return Person(None, None, None)  # "Ann Cole, chair, and Tom Pike, leader": two people
    # A full name before a segment of capitalised words with no title: the segment is a place
    # ("Cllr Ann Cole, Grantown": a ward), when it is one word or the name has an honorific.
    full = next((k for k, sp in enumerate(splits) if sp and " " in sp[1]), -1)
    for k in range(len(segs) - 1, -1, -1):
        seg = segs[k]
        split = splits[k]
        if k in items:
            if k + 1 in items or split is None or " " not in split[1] or not split[0]:
                continue  # "for Children, Young People, Education and Lifelong Learning"
            # "Cabinet Member for Housing, Planning and Regeneration Ann Cole": the list's last
            # subject runs into the name
            role_part, name = split
            listed = f"{_listed_title(segs, items, k)}, {role_part}"
            if not _is_role(listed):
                continue
            written = collapse_space(seg[len(role_part) :]).strip(" ,")
            return Person(name, _clean_role(listed), written if written != name else None)
        if (
            seg[:1].islower()
            and not seg.startswith(("the ", "and "))
            and not _starts_role(seg)
            and not _modified_title(split)
        ):
            # "who led the inspection", "speaking at the launch": not the speaker (but
            # "chief executive Jane Doe" and "local MSP Jane Doe" are)
            continue
        if split is None and not named:
            seg, split = _before_affiliation(seg)
        elif split is not None and " " in split[0].strip():
            seg, split = _body_named_as_person(seg, split)
        if split is None:
            continue
        role_part, name = split
        if 0 <= alone < k and _in_object(_tokens(role_part), v):
            continue  # "Dr Ann Cole, Consultant at Kelby Royal Infirmary": a body's name
        if (
            0 <= full < k
            and not role_part
            and (" " not in name or _honoured(segs[full]) or _bare(splits[full]))
        ):
            # "Cllr Ann Cole, Grantown", "Cllr Ann Cole, Harbridge North": a ward; "Ann Cole,
            # Harbridge North": after a bare name, apposition (the first names the speaker)
            continue
        if (
            k > 0
            and not role_part
            and " " not in name
            and _ends_proper_phrase(segs[k - 1])
            and _tokens(seg)[0] not in v["honorifics"]
        ):
            continue  # "a professor at the University of California, Berkeley": a place
        written = collapse_space(_drop_article(seg[len(role_part) :].strip()))
        written = written.strip(" ,")
        # "Mum-of-two Ann Cole", "proud mum Ann Cole": a label, no role
        role = None if _label_phrase(role_part) else _after_adverbial(role_part) or None
        if role is None:
            nxt = k + 1
            while nxt + 1 < len(segs) and _bare(splits[nxt]) and not _is_role(segs[nxt]):
                nxt += 1  # "Ann Cole, Harbridge North, cabinet member for housing": a ward
            after = segs[nxt] if nxt < len(segs) else None
            before = segs[k - 1] if k > 0 else None
            if after and _is_role(after) and not _opens_clause(after):
                rest = segs[nxt:]
                # the role ends where a clause begins ("…, the chief inspector, at the launch")
                end = next((j for j in range(1, len(rest)) if _opens_clause(rest[j])), len(rest))
                role = ", ".join(rest[:end])
            elif before and k - 1 in items and _is_role(listed := _listed_title(segs, items, k)):
                # "Minister for Children, Young People and Education, Ann Cole": the title's
                # list of subjects from the phrase it ends
                role = listed
            elif before and _is_role(before) and _opens_role(before) and not _after_opener(before):
                role = _after_adverbial(before) or None  # ("Speaking today Minister, Name")
            elif before and before.startswith("with ") and k > 1 and _is_role(segs[k - 2]):
                # "Deputy Minister for Transport, with responsibility for Active Travel, Name"
                role = ", ".join(segs[k - 2 : k])
            else:
                role = _office_after(seg)  # "Jane Roe PCC": the office her initials name
            if role and _label_phrase(role):
                role = None  # "Her daughter, Ann Cole,", "Ann Cole, the victim’s mother,"
        return Person(name, _clean_role(role), written if written != name else None)
    role = next((s for s in reversed(segs) if _is_role(s)), None)
    return Person(None, _clean_role(role and _unnamed_after_adverbial(role)), None)


_ARTICLES: Final = frozenset({"the", "a", "an"})


def _unnamed_after_adverbial(role: str) -> str:
    """A role with no name without an adverbial run into it with no comma: from the last
    article after the adverbial's own words that opens a phrase with a role word ("After the
    hearing an Environment Agency spokesman": "an Environment Agency spokesman"; "Speaking
    after sentencing the officer in the case": "the officer in the case"), else the title
    words before its end ("Following the verdict Kelby Council spokesperson")."""
    first = _TOKEN.match(role)
    if first is None or not (_adverbial(first.group()) or _may_be_participle(first.group())):
        return role  # (most roles: read no further than the first word)
    toks = list(_TOKEN.finditer(role))
    if not (_adverbial(toks[0].group()) or _participle_clause(toks)):
        return role
    for j in range(2, len(toks) - 1):
        if toks[j].group().lower() in _ARTICLES and _role_phrase(toks, j + 1):
            return role[toks[j].start() :]
    return _after_adverbial(role) or role


def _role_phrase(toks: Sequence[regex.Match[str]], j: int) -> bool:
    """Whether the words from ``toks[j]`` up to the next article or preposition hold a role
    word ("senior investigating officer", not "meeting")."""
    stops = _vocab()["place_prepositions"] | _ARTICLES
    for tok in toks[j:]:
        word = tok.group()
        if word.lower() in stops:
            return False
        if _is_role(word):
            return True
    return False


def _second_person(segs: list[str], splits: list[tuple[str, str] | None]) -> bool:
    """Whether a segment after a full name opens with "and" and another person's name ("Ann
    Cole, chair, and Tom Pike, leader", "Ann Cole, who chairs the board, and Tom Pike both"):
    two people, whom the attribution names together."""
    v = _vocab()
    named = False
    for seg, split in zip(segs, splits, strict=True):
        toks = _tokens(seg)
        if (
            named
            and len(toks) > 2
            and toks[0] in v["coordinators"]
            and _is_cap(toks[1])
            and _is_cap(toks[2])
            and not any(t in _name_stops() or t in v["organisation_words"] for t in toks[1:3])
        ):
            return True
        named = named or (split is not None and " " in split[1])
    return False


def _bare(split: tuple[str, str] | None) -> bool:
    """Whether a segment split so (_name_tail) is capitalised words alone, with no title
    before them ("Ann Cole", "Harbridge North")."""
    return split is not None and not split[0]


def _honoured(seg: str) -> bool:
    """Whether a segment opens with an honorific or a rank ("Cllr Ann Cole")."""
    first = _TOKEN.match(seg)
    v = _vocab()
    return first is not None and (first.group() in v["honorifics"] or first.group() in v["ranks"])


def _listed_title(segs: list[str], items: set[int], k: int) -> str:
    """The segments of a title before ``segs[k]`` from the phrase that opens its list of
    subjects (_list_items): "Minister for Children, Young People and Education"."""
    start = k - 1
    while start in items:
        start -= 1
    return ", ".join(segs[start:k])


def _modified_title(split: tuple[str, str] | None) -> bool:
    """Whether a segment in lower case split so (_name_tail) is a title or a label with a
    word before it, then a full name: "local MSP Michael Rusk", "former headteacher Ann Cole",
    "proud mum Ann Cole"; not a clause ("working with Chief Inspector Ann Cole", "who met
    Ann Cole"): no preposition and no word in "-ing" there, no adverbial first."""
    if split is None or " " not in split[1]:
        return False
    toks = _tokens(split[0])
    v = _vocab()
    titles = v["role_words"] | _before_surname()
    return (
        bool(toks)
        and not _adverbial(toks[0])
        and not any(t in v["place_prepositions"] or t.endswith("ing") for t in toks)
        and (_label_phrase(split[0]) or any(t.capitalize() in titles or t in titles for t in toks))
    )


def _in_object(role_toks: list[str], v: dict[str, frozenset[str]]) -> bool:
    """Whether a name after the words ``role_toks`` stands in a title's object: a place
    preposition before it ("Consultant at Kelby Royal Infirmary": "Royal Infirmary"), and no
    title word just before it ("Deputy Chief Inspector of the Crown Sam Okoro" names him)."""
    return (
        bool(role_toks)
        and role_toks[-1] not in v["role_words"]
        and role_toks[-1] not in _before_surname()
        and any(t in v["place_prepositions"] for t in role_toks)
    )


def _without_brackets(who: str) -> str:
    """``who`` with a bracket at its end or after a name given as a role after a comma ("Ann
    Lee (Chief Inspector)": "Ann Lee, Chief Inspector"), or left out: other words
    ("(pictured)"), a party and ward ("Cllr Ann Cole (Labour, Harbridge North), cabinet
    member for housing"), an office's initials, which spell out the title before them
    ("Eastshire’s Police and Crime Commissioner (PCC)"). A bracket after a title stays in it
    ("Chief Inspector of Schools (Estyn), Wyn Parry")."""
    out: list[str] = []
    last = 0
    for m in _BRACKETED.finditer(who):
        if m.end() < len(who) and _name_tail(who[: m.start()].rsplit(",", 1)[-1]) is None:
            continue
        inside = m.group(1)
        out.append(who[last : m.start()])
        if _is_role(inside) and inside.strip() not in _offices():
            out.append(f", {inside}")
        last = m.end()
    out.append(who[last:])
    return "".join(out)


def _before_affiliation(seg: str) -> tuple[str, tuple[str, str] | None]:
    """``seg`` up to a full name that a preposition joins to the body the person works for,
    with no comma ("Watch Manager Ian Moss from Dunmere fire station", "Ann Cole of Eastshire
    Council"), and its split into title and name; else ``seg`` and None. A single word there
    is no name ("Residents of Ashby Road", "Friends of the Earth")."""
    words = _vocab()["affiliation_prepositions"]
    # Each preposition from the left: a title may hold one before the name ("Director of
    # Public Health Ann Cole at Kelby Council").
    for m in regex.finditer(r" (\w+) ", seg, overlapped=True):
        if m.group(1) in words and (split := _name_tail(seg[: m.start()])) and " " in split[1]:
            return seg[: m.start()], split
    return seg, None


@cache
def _spaced_affiliations() -> tuple[str, ...]:
    return tuple(f" {w} " for w in _vocab()["affiliation_prepositions"])


def _body_named_as_person(seg: str, split: tuple[str, str]) -> tuple[str, tuple[str, str]]:
    """``seg`` and its split, or, when a full name is joined by a preposition to a body whose
    last two words read as a name, with no title word after the preposition ("Tom Holland
    from Families Against Knife Crime": not "Knife Crime"), the segment up to the person's
    name and its split ("Kelby Friends of the Earth coordinator Ann Cole" keeps its name)."""
    role_part = split[0]
    if not any(w in role_part for w in _spaced_affiliations()):
        return seg, split
    cut, person = _before_affiliation(seg)
    if person is None or _is_role(split[0][len(cut) :]):
        return seg, split
    return cut, person


def _after_adverbial(role: str) -> str:
    """``role`` without an adverbial run into it ("Following the verdict chair of the
    Federation": "chair of the Federation"; a participle's clause with no comma, "Endorsing
    the campaign Deputy Chief Constable": "Deputy Chief Constable"): the title words just
    before the name."""
    first = _TOKEN.search(role)
    if first is None or not (_adverbial(first.group()) or _may_be_participle(first.group())):
        return role  # (most roles: read no further than the first word)
    toks = list(_TOKEN.finditer(role))
    if not (_adverbial(toks[0].group()) or _participle_clause(toks)):
        return role
    begin = _title_start(toks, len(toks), 1, opening=False)
    while begin < len(toks) and toks[begin].group().casefold() in DATE_WORDS:
        begin += 1  # "On Monday Councillor Ann Cole": the day is the adverbial's
    return role[toks[begin].start() :] if begin < len(toks) else ""


def _may_be_participle(first: str) -> bool:
    """Whether ``first`` may open a participle's clause (_participle_clause): a capitalised
    word in ``-ing`` of six letters or more."""
    return len(first) > 5 and first[0].isupper() and first.endswith("ing")


def _participle_clause(toks: Sequence[regex.Match[str]]) -> bool:
    """Whether a segment opens with a participle's clause (``Endorsing the campaign``,
    ``Speaking ahead of the ceremony``): a capitalised word in ``-ing`` then a word of
    ``participle_objects`` (a title's word in ``-ing`` has a noun after it, ``Acting
    headteacher``, ``Housing officer``; a surname, ``Fleming``, a capitalised word or none)."""
    return (
        len(toks) > 1
        and _may_be_participle(toks[0].group())
        and toks[1].group() in _vocab()["participle_objects"]
    )


def _office_after(seg: str) -> str | None:
    """The last post-nominal of ``seg`` that names an office (``Jane Roe QC MP``: ``MP``), or
    None: the speaker's role when the attribution gives no other."""
    v = _vocab()
    toks = _tokens(seg)
    while toks and toks[-1].rstrip(".") in v["postnominals"]:
        if toks[-1] in _offices():
            return toks[-1]
        toks.pop()
    return None


@cache
def _offices() -> dict[str, tuple[str, ...]]:
    """The post-nominal initials that name an office, each with the titles it stands for."""
    return {k: tuple(v) for k, v in load("quotes")["offices"].items()}


def _list_items(segs: list[str]) -> set[int]:
    """The segments that continue a title's list of capitalised subjects closed by "A and
    B" ("cabinet member for Children", "Young People", "Education and Lifelong Learning");
    ``segs`` are an attribution's (parse_attribution), its white space collapsed."""
    out: set[int] = set()
    for j in range(1, len(segs)):
        if not _ends_list(segs[j]):
            continue
        i = j - 1
        while i > 0 and _LIST_ITEM.match(segs[i]):
            i -= 1
        # the list starts at the end of a phrase ("… for Children"), not after a name
        if _ends_proper_phrase(segs[i]):
            out.update(range(i + 1, j + 1))
    return out


def _ends_list(seg: str) -> bool:
    """Whether :func:`_list_end` matches ``seg``, a segment whose white space is single
    spaces: the pattern needs a coordinator between spaces (" and "), tested first. Few
    segments hold one, and a match of the pattern costs about forty times the test."""
    return any(c in seg for c in _spaced_coordinators()) and _list_end().match(seg) is not None


@cache
def _spaced_coordinators() -> tuple[str, ...]:
    return tuple(f" {w} " for w in sorted(_vocab()["coordinators"]))


@cache
def _furniture_lower() -> tuple[str, ...]:
    return tuple(w.lower() for w in _vocab()["furniture_words"])


def _after_furniture(who: str) -> str:
    """``who`` after the last word of page furniture in it ("Advertisement Gordon Ferris",
    "Reply Daniel Cole"): copied pages put such words next to a speaker's name."""
    # A quick test first (most attributions hold none): a word of the vocabulary, as written
    # or capitalised, is in ``who`` in lower case (the words are ASCII).
    folded = who.lower()
    if not any(word in folded for word in _furniture_lower()):
        return who
    return _cut_furniture(who)


def _cut_furniture(who: str) -> str:
    """``who`` after its last capitalised word of page furniture (what _after_furniture
    gives, without its quick test)."""
    furniture = _vocab()["furniture_words"]
    cut = 0
    for m in _TOKEN.finditer(who):
        tok = m.group()
        if _is_cap(tok) and (tok in furniture or tok.capitalize() in furniture):
            cut = m.end()
    return who[cut:]


def _ends_proper_phrase(seg: str) -> bool:
    """Whether a segment is a phrase ending in a proper noun ("a professor at the University
    of California"): a single capitalised word after it names a place, not a person."""
    toks = _tokens(seg)
    return len(toks) > 1 and _is_cap(toks[-1]) and any(not _is_cap(t) for t in toks)


def _attribution(text: str, raw: _Raw, paragraphs: Sequence[Span]) -> str | None:
    """The attribution words of a quotation (after it, before it, or in the paragraph before)."""
    pats = _verb_patterns()
    last_p = paragraphs[raw.last_para]
    first_p = paragraphs[raw.first_para]
    tail = text[raw.end : min(last_p.end, raw.end + _ATTRIBUTION_REACH)] if raw.closed else ""
    if tail.strip():  # (most quotations close their paragraph: nothing after them to match)
        unstopped = _without_abbreviation_stops(tail)
        comma = text[raw.end - 2 : raw.end - 1] == ","  # "“…,” Ann Cole said in a statement."
        for found in _after_matches(unstopped, adverbial=comma):
            # (plausible without the adverbs: "“…,” she later said.", "… she had said.")
            if _plausible_who(
                after := _before_adverbs(tail[found.start("who") : found.end("who")])
            ):
                return after
        # signed in its own paragraph: "“…” – Name, Role"
        signed = tail.lstrip(_SPACE)
        m = _SIGNATURE.match(signed) if signed.startswith(_DASHES) else None
        if m and parse_attribution(m.group("who")).speaker:
            return str(m.group("who"))
    if raw.last_para + 1 < len(paragraphs):
        # A blockquote signed on the next line: "— Name, Role"
        nxt = paragraphs[raw.last_para + 1]
        end = min(nxt.end, nxt.start + _ATTRIBUTION_REACH)
        m = (
            _SIGNATURE.match(text, nxt.start, end)
            if text.startswith(_DASHES, nxt.start, end)
            else None
        )
        # (a dash-list item after the quotation is no signature: it must name a person)
        if m and raw.end >= last_p.end - 1 and parse_attribution(m.group("who")).speaker:
            return str(m.group("who"))
    words = _item_start(text, first_p, raw.start)
    head = _last_sentence(text, max(words, raw.start - _ATTRIBUTION_REACH), raw.start)
    if head.strip():  # (a quotation opening its paragraph has no words before it)
        who = _who_of(head) or _verb_first(head)
        if who is not None and who.strip():
            return who
        # "according" may start only where "before" may: at the start of a last sentence
        m = pats["according"].match(head)
        if m is None and (m := _statement_from(head)) and not m.group("colon"):
            m = None
        if m and m.group("who").strip():
            return str(m.group("who"))
        label = _label(head, colon=True)
        if label:
            return label
        if head.rstrip(_SPACE).endswith(":") and (m := _COPULA_COLON.match(head)):
            return m.group(1)  # "She is sympathetic: “…”": the pronoun's
    if not head.strip(_SPACE) and raw.first_para > 0:
        prev = paragraphs[raw.first_para - 1]
        sentence = _last_sentence(text, prev.start, prev.end)
        who = _who_of(sentence) or _verb_first(sentence)
        if who is not None and who.strip():
            return who
        # before its colon, or as a heading: the whole paragraph ("Statement by Ann Cole")
        whole = sentence == text[prev.start : prev.end]
        m = _statement_from(sentence) if whole or ":" in sentence else None
        if m and (m.group("colon") or whole):
            return str(m.group("who"))
        label = _label(sentence, colon=False) if whole else None
        if label:
            return label
    return _signed_below(text, raw, paragraphs)


def _signed_below(text: str, raw: _Raw, paragraphs: Sequence[Span]) -> str | None:
    """The speaker's label in the paragraph right under a quotation that closes its
    paragraph, with no dash (``“…”`` / ``Cllr Ann Cole, Cabinet Member for Housing``), when
    no quotation opens the paragraph after it (then it is that quotation's label: round-ups
    of several speakers)."""
    k = raw.last_para + 1
    if k >= len(paragraphs) or not raw.closed or raw.end < paragraphs[raw.last_para].end - 1:
        return None
    nxt = paragraphs[k]
    if nxt.end - nxt.start > _LABEL_REACH or not _is_cap(text[nxt.start : nxt.start + 1]):
        return None
    words = text[nxt.start : nxt.end]
    if "@" in words or any(c.isdigit() for c in words):
        return None  # "Ann Cole, Press Officer, 01234 567890": a contact line
    if k + 1 < len(paragraphs):
        after = paragraphs[k + 1]
        if text[after.start : after.start + 1] in _TOP_OPENERS or text.startswith(
            _DASHES, after.start
        ):
            return None
    return _label(words, colon=False)


def _statement_from(s: str) -> regex.Match[str] | None:
    """``_verb_patterns()["statement_from"].search(s)``, not tried where neither "from" nor
    "by" stands, as one must ("A statement from …", "Statement by …")."""
    if "from" not in s and "by" not in s:
        return None
    return _verb_patterns()["statement_from"].search(s)


_NO_STOP: Final = "\u2024"  # (one dot leader) an abbreviation's stop, that ends no sentence


def _without_abbreviation_stops(s: str) -> str:
    """``s`` with the stops of the abbreviations before its first sentence end (_abbreviates:
    "Dr. Ann Cole", "Det. Insp.", "J. R. Hartley", "St. Mary’s") made a character that ends
    no sentence, so that an attribution after a quotation runs over them; as long as ``s``."""
    i = s.find(".")
    while i >= 0 and _abbreviates(s, i):
        s = f"{s[:i]}{_NO_STOP}{s[i + 1 :]}"
        i = s.find(".", i + 1)
    return s


def _label(words: str, colon: bool) -> str | None:
    """``words`` when they are a speaker's label with no verb, a name with a title or an
    honorific: before a colon (``Ann Cole, chief executive: “…”``), or, without ``colon``, a
    whole paragraph above the quotation, with or without one (``Ann Cole, Chief Executive,
    Eastshire Council`` / ``“…”``: round-ups of several speakers, names set in bold). The
    label opens with the name or a title word, after a body's possessive or not (``Eastshire
    Council’s Ann Cole:``); a heading that names a person without a title (``Tribute to Ann
    Cole``) or a name alone (``Clean Air Zone``) is no label."""
    label = words.strip(_SPACE)
    if label.endswith(":"):
        label = label[:-1].rstrip(_SPACE)
    elif colon:
        return None
    if not label or len(label) > _LABEL_REACH or label[-1] in _SENTENCE_END or "\n" in label:
        return None
    # "Eastshire Council’s Ann Cole:", "Kelby Police’s Chief Inspector Ann Cole:": a body's
    # possessive before the name or the title
    body = _POSSESSOR.match(label) if "’s" in label or "'s" in label else None
    first = _TOKEN.match(label, body.end() if body else 0)
    person = parse_attribution(label)
    if first is None or person.speaker is None or " " not in person.speaker:
        return None
    v = _vocab()
    # "Local hero Ann Cole:", "Proud mum Ann Cole:": a label that describes the person
    described = _label_phrase(label[first.start() : label.find(person.speaker)])
    opens = (
        described
        or first.group() == person.speaker.split()[0]
        or any(first.group() in v[key] for key in ("role_words", "ranks", "honorifics"))
    )
    return label if opens and (body or described or person.role or person.as_written) else None


_LABEL_REACH: Final = 160  # characters of a speaker's label


@cache
def _label_dash() -> regex.Pattern[str]:
    """The words before a single spaced dash that comes before any comma, with no other
    spaced dash after it (no aside)."""
    return regex.compile(r"^[^,–—-]+(?= [–—-] (?!.* [–—-] ))")


def _last_sentence(text: str, start: int, end: int) -> str:
    """``text[start:end]`` from just after its last sentence end or double quote mark: an
    attribution never reaches past one, and searching less keeps many quotations cheap."""
    cut = last_of(text, _STOPS, start, end)
    while cut > start and _abbreviates(text, cut):
        cut = last_of(text, _STOPS, start, cut)
    return text[max(start, cut + 1) : end]


def _abbreviates(text: str, i: int) -> bool:
    """Whether the full stop at ``i`` closes an initial, an honorific or a rank before a name
    ("J. R. Hartley", "Dr A. N. Other", "Cllr. Rhys Tallon", "Insp. Ann Cole") or a stop
    abbreviation before a place's name ("St. Mary’s"): a capital follows the stop."""
    if text[i] != "." or text[i + 1 : i + 2] != " " or not text[i + 2 : i + 3].isupper():
        return False
    word = text[max(0, i - 12) : i + 1].split()[-1:]
    v = _vocab()
    return bool(word) and (
        _INITIAL.fullmatch(word[0]) is not None
        or word[0] in v["honorifics"]
        or word[0] in v["ranks"]
        or word[0][:-1] in v["stop_abbreviations"]
    )


def _who_before(sentence: str) -> str | None:
    """The ``who`` of the "before" pattern in a last sentence (no sentence end in it, so the
    pattern can only match from its start).

    Its lazy ``who`` tries the verb after every character, which is slow. Searching for the
    verb instead, ``who`` ends at the white space before the leftmost match, unless a line
    break comes first (``who`` may span one, and tries to end after it before ending at it):
    then the whole pattern decides.
    """
    pats = _verb_patterns()
    end = _speech_search(pats["before_verb"], sentence, 0, len(sentence), ":;,", False)
    if end < 0:
        return None
    while end > 0 and sentence[end - 1].isspace() and sentence[end - 1] not in SEPARATORS:
        end -= 1  # the pattern's \s: str.isspace() less the four separators
    if "\n" in sentence[: end + 1]:
        full = _before().search(sentence)
        return None if full is None else str(full.group("who"))
    return sentence[:end]


@cache
def _between_speaker_and_verb() -> frozenset[str]:
    """The words that may stand between a speaker and the speech verb: the verb adverbs, the
    sentence adverbs ("later", "meanwhile") and the auxiliaries ("has")."""
    v = _vocab()
    return v["verb_adverbs"] | v["sentence_adverbs"] | v["auxiliaries"]


def _before_adverbs(who: str) -> str:
    """``who`` without the adverbs and auxiliaries between the speaker and the speech verb
    ("Ann Cole has previously said:", "the board’s chair Ann Cole then said:": "Ann Cole")."""
    between = _between_speaker_and_verb()
    words = who.rstrip()
    space = words.rfind(" ")
    while space > 0 and words[space + 1 :] in between:
        words = words[:space].rstrip()
        space = words.rfind(" ")
    return words if space > 0 or words != who.rstrip() else who


def _who_of(sentence: str) -> str | None:
    """The attribution words of a last sentence before a quotation: the words before its
    speech verb ("Ann Cole said:"), or the subject of a sentence that closes with the verb
    after another ("Ann Cole welcomed the visitors and said:") or with a participle ("Ann
    Cole, head of libraries, welcomed the visitors, adding:")."""
    who = _who_before(sentence)
    if who is not None:
        who = _before_adverbs(who)
        words = who.rstrip()
        if words.endswith((" and", ",and")):
            return _subject(words[:-3]) or who
        return who
    rest = sentence.rstrip(_SPACE + ":")
    space = max(rest.rfind(" "), rest.rfind(","))
    if space < 0 or rest[space + 1 :] not in _vocab()["participles"]:
        return None
    comma = rest.rstrip(_SPACE)[: space + 1].rstrip(_SPACE)
    if not comma.endswith(","):
        return None
    return _subject(comma[:-1])


def _verb_first(sentence: str) -> str | None:
    """The speaker of a last sentence that opens with its speech verb and ends with a colon
    (``Says Ann Cole:``, ``Added the trust’s chair, Ann Cole:``): the words between, when
    they name a person."""
    words = sentence.strip(_SPACE)
    if not words.endswith(":") or not words[:1].isupper():
        return None
    verb = _TOKEN.match(words)
    if verb is None or verb.group().lower() not in _vocab()["speech_verbs"]:
        return None
    who = words[verb.end() : -1]
    return who if parse_attribution(who).speaker else None


def _adverbial(word: str) -> bool:
    """Whether ``word`` opens an adverbial before a sentence's subject ("Meanwhile", "On
    Monday", "Speaking at the launch")."""
    v = _vocab()
    low = word.lower()
    return (
        low in v["sentence_adverbs"]
        or low in v["adverbial_openers"]
        or (low in v["clause_openers"])
    )


def _subject(sentence: str) -> str | None:
    """The words of a sentence's subject, when it opens with a name or title: up to its verb
    ("Ann Cole welcomed …": "Ann Cole"), with the appositives after it ("Ann Cole, head of
    libraries, welcomed …": "Ann Cole, head of libraries"); after an adverbial ("Meanwhile,
    …", "At the meeting its chair Ann Cole gave …") only the title and name. None when the
    sentence opens otherwise."""
    v = _vocab()
    segs = sentence.split(",")
    first = _TOKEN.match(segs[0].lstrip())
    if first is None:
        return None
    opener = _adverbial(first.group())
    lead = _adverbial_name(segs[0], v) if opener and len(segs) > 1 else ""
    if lead:
        segs = [lead, *segs[1:]]  # "Today Ann Cole, head of libraries, opened …"
        opener = False
    elif opener and len(segs) > 1:
        segs = segs[1:]  # "Meanwhile, the trust’s chief executive Cath Lowe …"
        first = _TOKEN.match(segs[0].lstrip())
        opener = first is not None and _adverbial(first.group())
    seg = segs[0]
    if not opener and (labelled := _labelled_name(segs)):
        return labelled  # "Her mum, Ann Cole, 52, paid tribute.": "Her mum, Ann Cole"
    toks = list(_TOKEN.finditer(seg))
    if not toks or not (opener or _opens_role(seg.lstrip())):
        return None
    joins = _joins()
    cut = -1
    for j in range(2 if opener else 1, len(toks)):
        # the verb: "Ann Cole welcomed", "The council thanked Ann Cole"; after an adverbial
        # (its first word capitalised by its place), the first word after a name ("At the
        # board meeting its chair Ann Cole gave"; a day's or month's name is none: "On
        # Monday morning Ann Cole visited")
        if not _titled(toks[j].group(), joins) and (
            not opener
            or (_is_cap(prev := toks[j - 1].group()) and prev.casefold() not in DATE_WORDS)
        ):
            cut = j
            break
    if cut > 0 and toks[cut - 1].group().endswith(("’s", "'s")):
        return None  # "Ann Cole’s husband welcomed …": the subject is not Ann Cole
    if opener:
        # the title and name just before the verb ("At the meeting its new chair Ann Cole"),
        # else a name of two words after the adverbial ("On Monday Ann Cole")
        end = cut if cut > 0 else len(toks)
        begin = _title_start(toks, end, 1, opening=True)
        if begin == end and cut > 0:
            begin = _untitled_name(toks, end, v)
        if begin < 0 or begin == end:
            return None
        return seg[toks[begin].start() : toks[end - 1].end()]
    if cut > 0:
        return _person_subject(seg[: toks[cut].start()].strip())
    parts = [seg.strip()]
    # the last segment holds the verb ("…, head of libraries, attended the same school."):
    # never an appositive, whatever role word its object holds
    for nxt in segs[1:-1]:
        t = nxt.strip()
        if not (_opens_clause(t) or t.startswith("the ") or _starts_role(t) or _is_role(t)):
            break
        parts.append(t)
    return _person_subject(", ".join(parts))


def _labelled_name(segs: list[str]) -> str:
    """The label and full name that open a sentence split at its commas ("Her mum, Ann
    Cole", of "Her mum, Ann Cole, 52, paid tribute."; "His son Sam Pike", of "His son Sam
    Pike paid tribute."), or "": a label that describes the person (_label_phrase), no title."""
    toks = _tokens(segs[0])
    if len(toks) > 4 or not toks or not _is_cap(toks[0]):
        return ""
    if len(segs) > 1 and _label_phrase(segs[0]):
        person = parse_attribution(segs[1])
        if person.speaker and " " in person.speaker and person.role is None:
            name = segs[1].strip()
            return f"{segs[0].strip()}, {name}" if name == person.speaker else ""
    k = next((j for j in range(1, len(toks)) if _is_cap(toks[j])), 0)
    if k and k + 2 <= len(toks) and _label_phrase(" ".join(toks[:k])):
        person = parse_attribution(" ".join(toks[: k + 2]))
        if person.speaker == " ".join(toks[k : k + 2]):
            return " ".join(toks[: k + 2])
    return ""


def _label_of(subject: str, speaker: str) -> str:
    """The word of a label that describes the person before ``speaker`` in ``subject``
    ("mum", of "Her mum, Ann Cole": a family's tribute, not a defendant's age), or ""."""
    i = subject.find(speaker)
    words = subject[:i].rstrip(" ,") if i > 0 else ""
    return _tokens(words)[-1] if words and _label_phrase(words) else ""


def _person_subject(subject: str) -> str:
    """``subject``, or "" when the name in it follows a preposition ("Residents of Ashby
    Road": a place, not a person)."""
    person = parse_attribution(subject)
    if person.speaker:
        i = subject.find(person.speaker.split()[0])
        before = subject[:i].split()[-1:]
        if before and before[0] in _vocab()["place_prepositions"]:
            return ""
    return subject


def _adverbial_name(seg: str, v: dict[str, frozenset[str]]) -> str:
    """The title and name, or the name, that end a sentence's first segment after an
    adverbial ("Today Ann Cole", of "Today Ann Cole, head of libraries, opened …"), or ""
    ("Meanwhile", "At the launch in Harbridge Park", "In Eastshire Fire and Rescue
    Service")."""
    toks = list(_TOKEN.finditer(seg))
    if len(toks) < 3 or not _is_cap(toks[-1].group()):
        return ""
    end = len(toks)
    begin = _title_start(toks, end, 1, opening=True)
    if begin == end:
        begin = _untitled_name(toks, end, v)
    if begin < 0 or begin == end:
        return ""
    name = seg[toks[begin].start() :]
    return name if parse_attribution(name).speaker else ""


def _untitled_name(toks: Sequence[regex.Match[str]], end: int, v: dict[str, frozenset[str]]) -> int:
    """Where a name of two words with no title before it starts, ending before ``toks[end]``
    (the verb) after an adverbial opening a sentence ("On Monday Ann Cole", "Yesterday Ann
    Cole", "At the meeting Ann Cole"), or -1. A preposition's object stands between ("On
    Monday Cole" is no name), in at most two words with no verb ("Last week police thanked
    Ann Cole for …": an object), or six when the last is in lower case ("At the board
    meeting Ann Cole"), and a word of a title or an organisation is no name ("On Tuesday
    Police Scotland")."""
    begin = end - 2
    takes_object = toks[0].group().lower() not in v["sentence_adverbs"]
    # a longer object ends in a noun in lower case ("At the board meeting Ann Cole"), so the
    # capitalised words before the verb are the name's alone (not a preposition's object:
    # "At the launch in Harbridge Park")
    longest = _ADVERBIAL_WORDS
    last = toks[begin - 1].group() if begin > 0 else ""
    if last.islower() and last not in v["place_prepositions"] and last not in v["title_joins"]:
        longest = _LONG_ADVERBIAL_WORDS
    if not (2 if takes_object else 1) <= begin <= longest + 1:
        return -1
    if any(t.group().endswith("ed") for t in toks[1:begin]):
        return -1
    for tok in toks[begin:end]:
        word = tok.group()
        if (
            not _is_cap(word)
            or word.isupper()
            or any(word in v[key] for key in _NOT_NAME_WORDS)
            or word.endswith(("’s", "'s"))
        ):
            return -1
    return begin


_ADVERBIAL_WORDS: Final = 2  # words after an adverbial's first before a name ("the meeting")
_LONG_ADVERBIAL_WORDS: Final = 6  # the same when the last is in lower case ("the board meeting")
_NOT_NAME_WORDS: Final = (
    "role_words",
    "ranks",
    "honorifics",
    "determiners",
    "organisation_words",
)  # (the title heads are role words or honorifics: "Councillor")


@cache
def _joins() -> frozenset[str]:
    """The words that may stand inside a title and name: name particles ("von der") and
    title joins ("of", "and")."""
    v = _vocab()
    return v["name_particles"] | v["title_joins"]


def _title_start(toks: Sequence[regex.Match[str]], end: int, floor: int, opening: bool) -> int:
    """Where the title and name that end before ``toks[end]`` start: the walk back over the
    words that may stand in one (_titled), down to ``floor`` at most; with ``opening``, then on
    to the first word that may open a title, a title word, a rank or a possessor ("Eastshire’s
    Chief Constable"), not a word before it ("Yesterday Superintendent Ali Penn"); a body's
    word alone before the name ends a place, not a title ("At the Kelby Arts Centre Ann
    Cole": the name alone)."""
    joins = _joins()
    begin = end
    while begin > floor and _titled(toks[begin - 1].group(), joins):
        begin -= 1
    if opening:
        v = _vocab()
        while begin < end and not _opens_title(toks[begin].group(), v):
            begin += 1
        body = begin < end and toks[begin].group().capitalize() in v["organisation_words"]
        if body and (begin + 1 == end or not _opens_title(toks[begin + 1].group(), v)):
            begin += 1  # (a body's word last before the name ends a place: no title)
        # "Medical Director Mark Hendry": a capitalised modifier just before the title word
        # is the title's ("Yesterday", "Monday", "Centre" are none)
        while not body and floor < begin < end and _modifier(toks[begin - 1].group(), v):
            begin -= 1
    return begin


def _modifier(tok: str, v: dict[str, frozenset[str]]) -> bool:
    """Whether a capitalised word may qualify the title word after it ("Medical",
    "Clinical"): not an adverbial, a day's or month's name, a body's word, a determiner, an
    honorific or a possessive."""
    return (
        _is_cap(tok)
        and tok.isalpha()
        and not _adverbial(tok)
        and tok.casefold() not in DATE_WORDS
        and tok.capitalize() not in v["organisation_words"]
        and tok not in v["determiners"]
        and tok not in v["honorifics"]
    )


def _titled(tok: str, joins: frozenset[str]) -> bool:
    """Whether ``tok`` may stand in a title and name ("the trust’s deputy chief executive
    Ann Cole"): a capitalised word, a joining word, a possessive, a title in lower case."""
    return (
        _is_cap(tok)
        or tok in joins
        or tok.endswith(("’s", "'s"))
        or tok.capitalize() in _vocab()["role_words"]
    )


def ends_with_speech(s: str) -> bool:
    """Whether ``s`` ends like an attribution line (``Name, Role, said:``, ``X says``)."""
    pattern = _verb_patterns()["speech_end"]
    return _speech_ends(pattern, s, _speech_start(s, 0, len(s)), len(s), ":", False)


def _plausible_who(who: str) -> bool:
    toks = _tokens(who)
    v = _vocab()
    return (
        (0 < len(toks) <= 20 and any(_is_cap(t) for t in toks))
        or who in v["person_pronouns"]
        or who in v["other_pronouns"]  # "“…,” they said."
        or _unnamed_in_lower_case([t.group() for t in _TOKEN.finditer(who)], v)
    )


_NO_PERSON_HEADS: Final = frozenset({"statement", "source"})


def _unnamed_in_lower_case(words: list[str], v: dict[str, frozenset[str]]) -> bool:
    """Whether ``words`` are an article or a possessive and an unnamed person in lower case
    ("“…,” a spokesperson said.", "a council spokeswoman", "his family"): the role is all the
    text gives, and the quotation is no earlier speaker's."""
    return (
        1 < len(words) <= 5
        and words[0] in _INDEFINITE_OR_DEFINITE
        and words[-1] in v["unnamed_roles"]
        and words[-1] not in _NO_PERSON_HEADS
    )


_INDEFINITE_OR_DEFINITE: Final = frozenset({"a", "an", "the", "his", "her", "their"})


def _resolve(speaker: str | None, names: _Names, end: int) -> str | None:
    """Resolve a surname-only speaker to the full name used before ``end`` in the release: the
    last quoted with that surname, else the first "Forename Surname" of the text (the full name
    may have been given only in the narrative: "Ann Cole, Chief Executive, responded to the
    report ... Ms Cole said:")."""
    if speaker is None or (" " in speaker and speaker.split()[0] not in _vocab()["name_particles"]):
        return speaker  # (but "van Dijk", "Mac Giolla": a surname after a name particle)
    quoted = names.by_surname.get(speaker.rsplit(None, 1)[-1])
    if quoted is not None and not quoted.endswith(f" {speaker}"):
        quoted = None
    return quoted or names.full_name(speaker, end, surname=True) or speaker


def _forename_form(person: Person) -> bool:
    """Whether an attribution may give a forename alone: written as the speaker is ("Chris
    said:") or after a forename honorific ("Sir Mark said:", "Dame Ann said:")."""
    written = person.as_written
    return written is None or (
        written.count(" ") == 1 and written.split()[0] in _vocab()["forename_honorifics"]
    )


def _full_from_forename(speaker: str | None, names: _Names, end: int) -> str | None:
    """A forename alone with no title ("Chris said:", "Commenting Kirsty said:") resolved to
    the full name given before ``end`` that opens with it (the last quoted, else the first the
    text uses as a person: _as_person); else ``speaker``. Tried after the surname: a word that
    no full name ends with."""
    if speaker is None or " " in speaker:
        return speaker
    return names.by_forename.get(speaker) or names.full_name(speaker, end, surname=False) or speaker


# A capitalised word followed by another, each a whole word ("Jean-Chris Whyte" holds no
# "Chris Whyte"); a possessive's "’s" is no part of the second
_CAPITALISED_PAIR: Final = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}_\-’'])(\p{Lu}[\p{L}\-’']+)"
    r"\s+(\p{Lu}[\p{L}\-’']+?)(?:[’']s)?(?![\p{L}\-’'])"
)


class _Names:
    """The names of a release that resolve a surname or a forename alone: the full names of
    the quotations so far (the last with each surname and forename), else the first
    "Forename Surname" of the text, sought once for each name, from the places the name is
    written (str.find: no pattern compiled for a name, no scan from every place): the cost
    stays linear in the text however many quotations name a person by one name."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quoted: set[str] = set()
        self.by_surname: dict[str, str] = {}
        self.by_forename: dict[str, str] = {}
        self.found: dict[tuple[str, bool], tuple[int, str] | None] = {}
        self.holders: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        self.last: str | None = None  # the last quotation's named speaker
        self.roles: dict[str, str] = {}  # each role quoted: its last speaker, the last last

    def add(self, full: str) -> None:
        """Take ``full`` (of two words or more) as a quotation's speaker."""
        self.quoted.add(full)
        words = full.split()
        self.by_surname[words[-1]] = full
        self.by_forename[words[0]] = full

    def full_name(self, name: str, end: int, surname: bool) -> str | None:
        """The first "Forename Surname" of the text with ``name`` as its surname (a forename
        that is no title word or adverbial: "Commenting Cole" is none), or as its forename (a
        surname that is no title or organisation word, the pair used as a person:
        _as_person), when it ends before ``end``; else None."""
        key = (name, surname)
        if key not in self.found:
            self.found[key] = self._first(name, surname)
        hit = self.found[key]
        return hit[1] if hit is not None and hit[0] <= end else None

    def spoke(self, speaker: str | None, role: str | None) -> None:
        """Take ``speaker``, in ``role``, as the speaker of the quotation just kept: the last
        named speaker, and the last with that role (a role alone names them: "The minister
        said:"), kept so that each role alone costs as many steps as roles, not quotations."""
        if speaker:
            self.last = speaker
            if role:
                self.roles.pop(role, None)
                self.roles[role] = speaker

    def holders_of(self, titles: tuple[str, ...], end: int) -> set[str]:
        """The full names the text gives, before ``end``, to holders of a title written as one
        of ``titles`` ("MP Tom Vance", "Water Minister Rhian Powe"): sought once in the whole
        text for each title, so that many attributions by a role alone cost time linear in its
        length."""
        if titles not in self.holders:
            self.holders[titles] = _holders(self.text, titles)
        return {name for at, name in self.holders[titles] if at <= end}

    def _first(self, name: str, surname: bool) -> tuple[int, str] | None:
        v = _vocab()
        text = self.text
        i = text.find(name)
        while i >= 0:
            before = _word_before(text, i) if surname else i
            m = _CAPITALISED_PAIR.match(text, before)
            if surname and m is not None and m.group(2) == name:
                other = m.group(1)
                if not any(other in v[key] for key in ("honorifics", "role_words", "ranks")) and (
                    not _adverbial(other)
                ):
                    return m.end(2), f"{other} {name}"
            elif surname:
                # "Madog ap Gwyn", "Jan van Dijk": a forename before the name's particles
                full = _after_particles(text, before, i, name)
                if full:
                    return i + len(name), full
            elif m is None or m.group(1) != name:
                pass
            elif not any(m.group(2) in v[key] for key in _NOT_NAME_WORDS):
                full = f"{name} {m.group(2)}"
                if _as_person(text, full, i, m.end(2)):
                    return m.end(2), full
            i = text.find(name, i + 1)
        return None


def _after_particles(text: str, before: int, i: int, name: str) -> str | None:
    """The full name that ends with the surname ``name`` written at ``i``, when a forename
    stands before it, over the name particles between ("Madog ap Gwyn", "Jan van Dijk", "Ewan
    Mac Giolla"; ``before`` is where the word before ``name`` starts); else None."""
    v = _vocab()
    if text[i + len(name) : i + len(name) + 1].isalpha():
        return None  # "Gwynedd" holds no "Gwyn"
    words = [name]
    while before < i:
        word = text[before:i].strip(_SPACE)
        if word in v["name_particles"] and len(words) < 3:
            words.insert(0, word)
            i, before = before, _word_before(text, before)
            continue
        particles = len(words) > 1 or name.split()[0] in v["name_particles"]
        if not (particles and _is_cap(word) and word.isalpha()) or any(
            word in v[key] for key in ("honorifics", "role_words", "ranks", "name_particles")
        ):
            return None
        return " ".join([word, *words])
    return None


def _word_before(text: str, i: int) -> int:
    """Where the word before the white space before ``i`` starts (a letter, hyphen or
    apostrophe run), or ``i`` when no white space stands before it."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == i:
        return i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "-’'"):
        j -= 1
    return j


def _as_person(text: str, full: str, i: int, after: int) -> bool:
    """Whether the name ``full`` written at ``text[i:after]`` is used there as a person: with
    a title or honorific before it ("Councillor Chris Whyte", "Mrs Ann Hill"), a role in
    apposition ("Chris Whyte, chair of the group,", "The group’s chair, Chris Whyte,"), an age
    in commas ("Sarah Jones, 34,"), or after it a post-nominal ("Kirsty Wilkins MS"), a
    relative "who" ("Chris Whyte, who founded …") or a speech verb ("Chris Whyte has warned
    …"); not a place ("on Chris Street", "Ann Hill Primary School", "Chris Street, which …")."""
    v = _vocab()
    before = text[max(0, i - _ATTRIBUTION_REACH) : i].rstrip(_SPACE)
    word = before.rsplit(None, 1)[-1] if before else ""
    if word in v["honorifics"] or (word.isalpha() and _describes(word)):
        return True  # "Mrs Ann Hill", "His son Sam Pike"
    if _role_at(text, full, i, after, len(text)) is not None or _AGE.match(text, after):
        return True
    if before.endswith(","):
        clause = before[last_of(before, _CLAUSE_ENDS, 0, len(before) - 1) + 1 : -1]
        person = parse_attribution(f"{clause}, {full}")
        if person.speaker == full and (person.role or _label_phrase(clause)):
            return True  # "The group’s chair, Chris Whyte,", "Her only child, Jim Hale,"
    words = [w.strip(".,;:") for w in text[after : after + 80].lstrip(_SPACE + ",").split()[:5]]
    if not words:
        return False
    if words[0] in v["person_relatives"] or words[0] in v["postnominals"]:
        return True
    between = _between_speaker_and_verb()
    k = 0
    while k < len(words) - 1 and words[k] in between:
        k += 1  # "Chris Whyte has previously said …"
    return words[k] in v["speech_verbs"] or " ".join(words[k : k + 2]) in v["speech_verbs"]


def _narrative_role(text: str, full: str | None, end: int) -> str | None:
    """The title the narrative gives ``full`` where it first names them before ``end``
    (_role_at); None when it gives none."""
    i = text.find(full, 0, end) if full else -1
    if full is None or i < 0:
        return None
    return _role_at(text, full, i, i + len(full), end)


def _role_at(text: str, full: str, i: int, after: int, end: int) -> str | None:
    """The title the narrative gives the name ``full`` written at ``text[i:after]``: the
    title words before the name ("Officers led by Superintendent Ali Penn"), else a title
    after it in commas ("Ali Penn, head of the inquiry,"), closed before ``end``; None when
    it gives none."""
    start = last_of(text, _CLAUSE_ENDS, max(0, i - _ATTRIBUTION_REACH), i) + 1
    toks = list(_TOKEN.finditer(text, start, i))
    begin = _title_start(toks, len(toks), 0, opening=True)
    title = text[toks[begin].start() : i] if begin < len(toks) else ""
    rest = ""
    if text.startswith(",", after):
        closes = [j for j in (text.find(c, after + 1, end) for c in ",.;:\n") if j > 0]
        rest = text[after + 1 : min(closes)] if closes else ""
        if not _opens_role(rest.lstrip()):
            rest = ""  # "Jim Hale, has set up a fund in her name": a verb, no title
    person = parse_attribution(f"{title}{full}, {rest}" if rest.strip() else f"{title}{full}")
    return person.role if person.speaker == full else None


_CLAUSE_ENDS: Final = '.!?\n,;:“”"('


def _opens_title(tok: str, v: dict[str, frozenset[str]]) -> bool:
    return (
        tok.capitalize() in v["role_words"]
        or tok in v["role_words"]
        or tok in v["ranks"]
        or (tok.endswith(("’s", "'s")) and _is_cap(tok))
    )


def find_quotes(text: str, paragraphs: Sequence[Span]) -> list[Quote]:
    """Find every quotation in the release.

    Args:
        text: the release text.
        paragraphs: the release's paragraphs (ratings tables tagged ``table`` are skipped).

    Returns:
        Quotes in text order: ``text`` is the quoted words without marks, paragraphs joined
        by a blank line; ``start``/``end`` span the quotation from its opening to its closing
        mark; ``speaker`` has honorifics removed (``speaker_as_written`` keeps the written
        form) and a surname alone is resolved to the full name given earlier.
    """
    raws = _scan(text, paragraphs, _implicit_starts(text, paragraphs))
    if "‘" in text:
        raws = sorted([*raws, *_single_marked(text, paragraphs, raws)])
    if _opens_straight(text, paragraphs):
        raws = sorted([*raws, *_single_marked(text, paragraphs, raws, straight=True)])
    out: list[Quote] = []
    names = _Names(text)
    previous: tuple[_Raw, Person] | None = None
    last: Person | None = None  # the person of the last quotation kept
    for raw in raws:
        who = _attribution(text, raw, paragraphs)
        person: Person | None
        if who is None:
            person = _unattributed(_Context(text, paragraphs, raw, previous, last))
            if person is None:
                continue  # a citation, not a quotation of a person
        else:
            person = _pronoun(who, names.last, text, paragraphs, raw) or parse_attribution(who)
            if person.speaker is None and person.role:
                person = _named_by_role(who, person, names, raw.start)
        pieces = [text[s:e] for s, e in raw.pieces]
        whole_para = (
            raw.start == paragraphs[raw.first_para].start
            and raw.end >= paragraphs[raw.last_para].end - 1
        )
        if (
            who is None
            and person.speaker is None
            and not whole_para
            and len(_tokens(" ".join(pieces))) < _MIN_FRAGMENT_WORDS
        ):
            continue
        last = person
        if pieces and pieces[-1].endswith(","):
            pieces[-1] = pieces[-1][:-1]
        previous = (raw, person) if person.speaker else None
        speaker = _resolve(person.speaker, names, raw.start)
        if speaker == person.speaker and person.role is None and _forename_form(person):
            speaker = _full_from_forename(speaker, names, raw.start)
        role = person.role
        if role is None and speaker != person.speaker and speaker not in names.quoted:
            role = _narrative_role(text, speaker, raw.start)  # "Mr Penn", named earlier
        if speaker and " " in speaker:
            names.add(speaker)
        written = person.as_written
        if speaker != person.speaker and written is None:
            written = _written_form(who or "", person.speaker, role)
        out.append(
            Quote(
                text="\n\n".join(pieces),
                speaker=speaker,
                role=role,
                paragraphs=len(pieces),
                start=raw.start,
                end=raw.end,
                speaker_as_written=written,
                attribution=collapse_space(who) if who else None,
            )
        )
        names.spoke(speaker, role)
    return out


def _paragraph_subject(text: str, para_start: int, quote_start: int) -> Person | None:
    """The person a paragraph opens with in reported speech (``Sir Ann Lee, chair of the
    Board, said the findings were encouraging.``, ``Ms Lee says that …``)."""
    m = _verb_patterns()["subject"].match(text, para_start, quote_start)
    if m is None:
        return None
    person = parse_attribution(m.group("who"))
    if person.speaker is None:
        return _unnamed_subject(m.group("who"), person)
    if " " not in person.speaker and person.as_written is None:
        return None  # a full name, or a surname after a title ("Ms Lee") to resolve
    if not _person_subject(m.group("who")):
        return None  # "Residents of Ashby Road welcomed …": a place
    return person


def _unnamed_subject(who: str, person: Person) -> Person | None:
    """The unnamed person a subject with an article and no name stands for ("A Fire Service
    spokeswoman said the alarm …": speaker None, role "Fire Service spokeswoman"), so that
    the quotation after it is not the last speaker's; None for any other subject (an
    organisation: "The council said …")."""
    head = _tokens(_ROLE_QUALIFIER.split(person.role or "", maxsplit=1)[0])[-1:]
    if not head or head[0].casefold() not in _vocab()["unnamed_roles"]:
        return None
    return person if _LEADING_ARTICLE.match(who.lstrip()) else None


def _reported_subject(
    text: str, paragraphs: Sequence[Span], raw: _Raw, titled: bool = False
) -> Person | None:
    """The person named in reported speech just before a quotation: at the start of its own
    paragraph, or, when nothing but the attribution comes before the quotation in it, of the
    paragraph before (then without a role, the title was given for another sentence, unless
    ``titled`` and that paragraph is narrative, with no quotation: a pronoun's attribution
    takes the title the narrative gave, "Chief Constable Jo Bright welcomed the news." / "He
    said:")."""
    para = paragraphs[raw.first_para]
    words = _after_bullet(text, para.start, para.end)
    if raw.start > words:
        subject = _paragraph_subject(text, words, raw.start)
        # "He commented: “…”" opening its paragraph: the person is named before it
        if subject is not None or _SENTENCE_STOP.search(text, words, raw.start):
            return subject
    if raw.first_para == 0:
        return None
    prev = paragraphs[raw.first_para - 1]
    if prev.tag == "table":
        return None
    subject = _paragraph_subject(text, prev.start, prev.end)
    if subject is None:
        m = _verb_patterns()["inverted"].search(text, prev.start, prev.end)
        person = parse_attribution(m.group("who")) if m else None
        if person is not None and person.speaker and " " in person.speaker:
            subject = person
    if subject is None or (titled and _MARKS.search(text, prev.start, prev.end) is None):
        return subject
    # (an unnamed person keeps the role that is all the text gives: "A spokesperson for …")
    role = subject.role if subject.speaker is None else None
    return Person(subject.speaker, role, subject.as_written)


def _introduced(text: str, paragraphs: Sequence[Span], raw: _Raw) -> Person | None:
    """The person the paragraph before introduces as its subject (``Assistant Chief Officer
    Ewan Laidlaw is the service’s Director of Response.``), for a quotation whose own
    paragraph opens with its pronoun attribution (``He said: “…”``); no role: the title was
    given for another sentence."""
    if raw.first_para == 0:
        return None
    prev = paragraphs[raw.first_para - 1]
    m = _verb_patterns()["introduced"].match(text, prev.start, prev.end)
    if m is None:
        return None
    person = parse_attribution(m.group("who"))
    if person.speaker is None or " " not in person.speaker:
        return None
    return Person(person.speaker, None, person.as_written)


def _pronoun(
    who: str, last: str | None, text: str, paragraphs: Sequence[Span], raw: _Raw
) -> Person | None:
    """``He added:`` names the person named in reported speech just before the quotation,
    else (unless its verb goes on from the last speaker: ``added``) the one person the
    narrative just before names as a subject (``Chief Constable Jo Bright has responded to
    the settlement.``), else ``last``, the speaker of the last attributed quotation; ``It
    said`` names nobody."""
    word = who.strip(_SPACE + ",")
    v = _vocab()
    if "," in word:
        # "Asked about the delays, he said:", "When asked, she added:": a clause of the
        # question or occasion before the pronoun names nobody
        tail = word[word.rfind(",") + 1 :].strip(_SPACE)
        if tail in v["person_pronouns"] or tail in v["other_pronouns"]:
            word = tail
    if word in v["person_pronouns"]:
        back = _before_pronoun_speech(text, paragraphs, raw)
        subject = _reported_subject(text, paragraphs, back, titled=True) or _introduced(
            text, paragraphs, back
        )
        if subject is None and not (last and _continuing(text, paragraphs, raw)):
            subject = _narrative_subject(text, paragraphs, back, word.lower())
        if subject is not None and subject.speaker is None:
            return subject  # "A spokeswoman said the alarm …" / "She added:": unnamed
        if subject is not None:
            return Person(subject.speaker, subject.role, subject.as_written or word)
        return Person(last, None, word if last else None)
    return Person(None, None, None) if word in v["other_pronouns"] else None


def _before_pronoun_speech(text: str, paragraphs: Sequence[Span], raw: _Raw) -> _Raw:
    """``raw`` as if it opened the first of the paragraphs just before it (at most
    _PRONOUN_SPEECH_REACH) that report a pronoun's words or acts with no quotation ("He said
    that lives were saved.", "He also praised the crews as “outstanding”." / "He said:
    “…”"): the person is named before them. ``raw`` itself
    when its own paragraph has words before the attribution, or no such paragraph precedes."""
    para = paragraphs[raw.first_para]
    if _SENTENCE_STOP.search(text, _after_bullet(text, para.start, para.end), raw.start):
        return raw
    k = raw.first_para
    v = _vocab()
    while k > 0 and raw.first_para - k < _PRONOUN_SPEECH_REACH:
        prev = paragraphs[k - 1]
        words = _tokens(text[prev.start : min(prev.end, prev.start + 60)])[:4]
        if prev.tag == "table" or not words or words[0] not in v["person_pronouns"]:
            break
        verb = next((w for w in words[1:] if w not in _between_speaker_and_verb()), "")
        # what the pronoun said, or did ("He also praised the crews."), citing a word or two
        # at most ("… as “impressive”.")
        if not (verb in v["speech_verbs"] or (verb.islower() and verb.endswith("ed"))):
            break
        if _MARKS.search(text, prev.start, prev.end) and _MARKS.search(
            _cited().sub("", text[prev.start : prev.end])
        ):
            break
        k -= 1
    return raw if k == raw.first_para else raw._replace(first_para=k, start=paragraphs[k].start)


_PRONOUN_SPEECH_REACH: Final = 3  # paragraphs of a pronoun's reported speech passed over


@cache
def _cited() -> regex.Pattern[str]:
    """A word or two cited in marks, with no stop."""
    return regex.compile(r"[“”\"][^.!?“”\"\n]{1,60}+[”\"]")


def _continuing(text: str, paragraphs: Sequence[Span], raw: _Raw) -> bool:
    """Whether the pronoun's verb goes on from the last speaker ("He added:", "“…,” she
    continued."): read in the words next to the quotation in its paragraph."""
    para = paragraphs[raw.first_para]
    near = text[max(para.start, raw.start - 40) : raw.start]
    if raw.first_para == raw.last_para:
        near += " " + text[raw.end : min(para.end, raw.end + 40)]
    return _continuation_verb().search(near) is not None


@cache
def _continuation_verb() -> regex.Pattern[str]:
    return regex.compile(rf"\b(?:{_alternatives('continuation_verbs')})\b")


def _narrative_subject(
    text: str, paragraphs: Sequence[Span], raw: _Raw, pronoun: str
) -> Person | None:
    """The one person the narrative just before a pronoun's quotation names as a sentence's
    subject without quoting them ("Chief Constable Jo Bright has responded to the
    settlement." / "He said: “…”"), with the title it gives them: the sentences before the
    attribution in its own paragraph, else the paragraph before. None when no sentence there
    opens with a person; nobody when several people do."""
    para = paragraphs[raw.first_para]
    words = _after_bullet(text, para.start, para.end)
    stop = last_of(text, _SENTENCE_END, words, raw.start)
    if stop > words:
        start, end = words, stop + 1
    elif raw.first_para > 0 and paragraphs[raw.first_para - 1].tag != "table":
        prev = paragraphs[raw.first_para - 1]
        start, end = _after_bullet(text, prev.start, prev.end), prev.end
    else:
        return None
    found: dict[str, Person] = {}
    for m in _narrative_sentence().finditer(text, start, end):
        sentence = m.group("sentence")
        subject = _subject(sentence)
        person = parse_attribution(subject) if subject else None
        if (person is None or person.speaker is None) and " by " in sentence:
            agent = _passive_agent(sentence)  # "The new library was opened by Ann Cole."
            person = parse_attribution(agent) if agent else None
            if person and person.speaker and not _other_gender(pronoun, person.as_written):
                found.setdefault(person.speaker, person)
            continue
        if person is None or person.speaker is None:
            continue
        label = _label_of(subject or "", person.speaker)
        if _AGE.match(sentence, len(subject or "")) and not label:
            continue  # "Tom Vance, 34, of …": an age marks a defendant or a victim
        if _other_gender(pronoun, person.as_written, label):
            continue  # "Mrs Bell thanked her staff." / "He said:"; "Her dad, Tom Cole,"
        if " " in person.speaker or person.as_written is not None:
            found.setdefault(person.speaker, person)
    if len(found) != 1:
        return _NOBODY if found else None  # several: the pronoun may be any of them
    person = next(iter(found.values()))
    role = person.role
    if role and _tokens(role) and _adverbial(_tokens(role)[0]):
        role = None
    return Person(person.speaker, role, person.as_written)


@cache
def _passive_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The agent of a passive ("was opened by …"), and where an adverbial after the agent
    begins ("by Ann Cole on Friday", "… at a ceremony")."""
    agent = regex.compile(r"\b(?:was|were|been|is|are)\s+(?:\w+\s+){1,2}?by\s+(?P<who>[^.!?]+)")
    after = regex.compile(
        # (from the first space of a run only: a run of spaces is read once)
        r"(?<![\s,])(?:,\s*+|\s++)"
        r"(?:on|at|in|during|after|before|yesterday|today|last|this|earlier)\b.*$",
        regex.DOTALL,
    )
    return agent, after


def _passive_agent(sentence: str) -> str:
    """The agent of a sentence in the passive ("The funding was welcomed by Kelby’s Senedd
    Member Huw David.", "The library was officially opened by the Mayor, Cllr Tom Pike, on
    Friday."), without an adverbial after it, or ""."""
    agent, after = _passive_patterns()
    m = agent.search(sentence)
    if m is None:
        return ""
    return after.sub("", m.group("who")).strip(" ,")


def _other_gender(pronoun: str, written: str | None, label: str = "") -> bool:
    """Whether ``written`` opens with an honorific, or ``label`` is a word for a relative
    ("dad", "daughter"), that ``pronoun`` ("he", "she") cannot stand for."""
    first = written.split(maxsplit=1)[0] if written else ""
    data = load("quotes")
    honorifics: dict[str, list[str]] = data["gendered_honorifics"]
    labels: dict[str, list[str]] = data["gendered_labels"]
    word = label.capitalize()
    return any(
        first in honorifics[key] or word in labels[key] for key in honorifics if key != pronoun
    )


_AGE: Final = re.compile(r"\s*,\s*(?:aged\s+)?\d")  # "Tom Vance, 34," / ", aged 34,"


@cache
def _narrative_sentence() -> regex.Pattern[str]:
    """A sentence of narrative: no quotation in it ("Jo Bright has responded to the
    report."), at most a short citation or two; a full stop after an initial or a stop
    abbreviation ("Dr. Cole") goes on. It starts only where the search starts or after a
    sentence end or closing mark (\\G or the lookbehind; never inside a quotation, "“Hello!
    Welcome”"), and its runs never give back: a
    long stretch with no stop would otherwise be scanned again from each of its characters
    (quadratic: 40 KB took minutes)."""
    v = _vocab()
    # The dotted honorifics and ranks ("Dr.", "Det. Insp."), and other stop abbreviations.
    dotted = {w[:-1] for w in (*v["honorifics"], *v["ranks"]) if w.endswith(".")}
    abbreviations = "|".join(map(regex.escape, sorted(dotted | set(v["stop_abbreviations"]))))
    # at most two words or short phrases quoted inside it with no stop ("… described their
    # efforts as “outstanding”."): a bounded number, so each start still reads a bounded run
    cited = r"(?:[“”\"][^.!?“”\"\n]{1,60}+[”\"][^.!?“”\"]*+){0,2}+"
    return regex.compile(
        rf"(?:\G|(?<=[.!?”\"]))\s*+(?P<sentence>[^\s“”\"][^.!?“”\"]*+{cited}"
        rf"(?:(?<=\b(?:\p{{Lu}}|{abbreviations}))\.[^.!?“”\"]*+)*+[.!?])"
    )


def _named_by_role(who: str, person: Person, names: _Names, end: int) -> Person:
    """The person behind an attribution that gives a role and no full name, in order: a
    surname after a title that resolves to a full name given earlier ("Chief Officer Stevens",
    after "Chief Officer Stuart Stevens"); for a definite role ("The senior officer
    continued:", "the Chief Constable added:"), the earlier speaker with that role, else the
    last named speaker, unless the role names an organisation ("The inspectorate said:") or
    an unnamed person ("The spokesperson added:"). Otherwise nobody, as before."""
    v = _vocab()
    role = person.role or ""
    m = _TRAILING_SURNAME.search(role)
    if m and m.group(1) not in v["role_words"]:
        full = _resolve(m.group(1), names, end)
        if full != m.group(1):
            return Person(full, _clean_role(role[: m.start()]), collapse_space(who).strip(" ,"))
    if not _LEADING_ARTICLE.match(collapse_space(who).lstrip()):
        return person
    written = collapse_space(who).strip(" ,")
    wanted = _office_form(role)
    # the speakers quoted so far with that role, the last last (one per role written)
    same = [speaker for said, speaker in names.roles.items() if wanted in _office_form(said)]
    head = _tokens(_ROLE_QUALIFIER.split(role, maxsplit=1)[0])[-1:]
    if head and head[0] in _offices():
        # "The MP said:": the one holder of that office named before, in a quotation's
        # attribution or in the narrative; never merely the last speaker
        titles = (head[0], *_offices()[head[0]])
        # (not a name the role itself holds: "The Sinn Féin MP said:" names no "Sinn Féin")
        holders = {h for h in set(same) | names.holders_of(titles, end) if h not in role}
        if len(holders) != 1:
            return person
        return Person(holders.pop(), role, written)
    unnamed = {w.casefold() for w in (*v["organisation_words"], *v["unnamed_roles"])}
    if not same and (not head or head[0].casefold() in unnamed):
        return person
    if not same:
        # "Water Minister Rhian Powe said …" / "The minister said:": the one person the
        # text names with that title before, rather than the last speaker
        holders = names.holders_of((head[0].lower(), head[0].capitalize()), end)
        holders = {h for h in holders if h not in role}  # ("The Sinn Féin minister said:")
        if len(holders) == 1:
            return Person(holders.pop(), role, written)
    chosen = same[-1] if same else names.last
    if chosen is None:
        return person
    return Person(chosen, role, written)


def _office_form(role: str) -> str:
    """``role`` case-folded, each office's title as its initials ("Police and Crime
    Commissioner" -> "pcc"), so that "The PCC added:" finds the Police and Crime
    Commissioner quoted before."""
    folded = role.casefold()
    for initials, titles in _offices().items():
        for title in titles:
            folded = folded.replace(title.casefold(), initials.casefold())
    return folded


_HOLDER_NAME: Final = r"\p{Lu}[\p{Ll}’'\-]+(?:\s+\p{Lu}[\p{Ll}’'\-]+){1,2}"


@cache
def _holder_patterns(written: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Where the text names the holder of a title written as one of ``written`` (an office's
    initials and titles, a role's head): after it ("MP Tom Vance", "Local MP Tom Vance", "the
    MP for North Dunmere, Owen Tate", "Water Minister Rhian Powe"), or before it ("Tom Vance
    MP", "Tom Vance QC MP", "Tom Vance, the Conservative MP")."""
    titles = "|".join(regex.escape(t) for t in written)
    posts = "|".join(regex.escape(p) for p in sorted(_vocab()["postnominals"]))
    clause = "|".join(sorted(_vocab()["clause_openers"] | _vocab()["coordinators"]))
    after = regex.compile(
        rf"\b(?:{titles})(?:\s+for(?:\s+\p{{Lu}}[\p{{L}}\-’']*)+)?,?\s+"
        rf"(?P<name>{_HOLDER_NAME})\b"
    )
    # (the words between the name's comma and the office qualify the office, "the
    # Conservative MP", and open no clause: "Ann Cole, who is the MP's caseworker")
    before = regex.compile(
        rf"\b(?P<name>{_HOLDER_NAME})(?:(?:\s+(?:{posts}))*\s+|,\s+"
        rf"(?:(?!(?:{clause})\b)[\p{{L}}\-]+\s+){{0,3}})(?:{titles})\b(?![’']s)"
    )
    return after, before


def _holders(text: str, titles: tuple[str, ...]) -> list[tuple[int, str]]:
    """Where ``text`` gives a full name to a holder of a title written as one of ``titles``
    (where the match ends, the name), in text order."""
    out: list[tuple[int, str]] = []
    if all(t not in text for t in titles):
        return out
    for pattern in _holder_patterns(titles):
        for m in pattern.finditer(text):
            person = parse_attribution(m.group("name"))
            if person.speaker and " " in person.speaker:
                out.append((m.end(), person.speaker))
    return out


class _Context(NamedTuple):
    text: str
    paragraphs: Sequence[Span]
    raw: _Raw
    previous: tuple[_Raw, Person] | None  # the last quotation with a named speaker
    last: Person | None  # the person of the last quotation kept


_NOBODY = Person(None, None, None)
_CITATION: Final = None  # the rule's verdict: not a quotation of a person


def _goes_on(c: _Context) -> Person | bool | None:
    if c.previous and _continues(c.text, c.previous[0], c.raw, c.paragraphs):
        return c.previous[1]
    return False


def _citation(c: _Context) -> Person | bool | None:
    para = c.paragraphs[c.raw.first_para]
    before = _char_before(c.text, c.raw.start, _item_start(c.text, para, c.raw.start))
    return _CITATION if before and before not in _SENTENCE_END + ':”"»」' else False


def _reported_speech(c: _Context) -> Person | bool | None:
    return _reported_subject(c.text, c.paragraphs, c.raw) or False


def _continuation(c: _Context) -> Person | bool | None:
    para = c.paragraphs[c.raw.first_para]
    opens = c.raw.start == _item_start(c.text, para, c.raw.start)
    if opens and c.last is not None and c.last.speaker:
        return Person(c.last.speaker, c.last.role, None)
    return False


# Who said a quotation with no attribution of its own, in order: the first rule that
# decides (a Person, or None for "not a quotation") wins; else the speaker is unknown.
_UNATTRIBUTED_RULES: Final[
    tuple[tuple[str, str, Callable[[_Context], Person | bool | None]], ...]
] = (
    # '“We found,” said Ann Cole. “Files were late.”': the same speaker goes on
    ("goes-on", "“…,” said Ann Cole. “…”", _goes_on),
    # a passage quoted inside a sentence, with no speaker: a citation, whatever its length
    ("citation", "the report describes this as “better than …”", _citation),
    # the quotation follows reported speech naming its speaker
    ("reported-speech", "Mr Hale says that … .\n\n“…”", _reported_speech),
    # a quotation paragraph after a narrative paragraph continues the last speaker
    ("continuation", "Ann Cole said: “…”\n\nInspectors found ….\n\n“…”", _continuation),
)


def _unattributed(c: _Context) -> Person | None:
    for _name, _example, rule in _UNATTRIBUTED_RULES:
        verdict = rule(c)
        if verdict is not False:
            return verdict if isinstance(verdict, Person) else None
    return _NOBODY


def _continues(text: str, before: _Raw, raw: _Raw, paragraphs: Sequence[Span]) -> bool:
    """Whether ``raw`` goes on from the attributed quotation ``before``: in the same
    paragraph after its attribution, or opening the very next paragraph."""
    if raw.first_para == before.last_para:
        between = text[before.end : raw.start]
        return not _MARKS.search(between) and len(between) <= _ATTRIBUTION_REACH // 2
    return raw.first_para == before.last_para + 1 and raw.start == paragraphs[raw.first_para].start


def _written_form(who: str, surname: str | None, role: str | None) -> str | None:
    """How the attribution ``who`` writes a surname resolved to a full name: with the title
    before it ("Station Manager Elms"), else with the word before it ("Ms Cole"; not an
    adverbial: "Commenting Kirsty" is "Kirsty")."""
    if not surname:
        return None
    titled = f"{role} {surname}" if role else ""
    if titled and titled in collapse_space(who):
        return titled
    m = regex.search(rf"(?:\b(\p{{Lu}}\p{{L}}*)\.?\s+)?{regex.escape(surname)}\b", who)
    if m is None:
        return surname
    if m.group(1) and _adverbial(m.group(1)):
        return surname
    return collapse_space(m.group(0))
