"""Paragraphs and sections: how a release divides into title, standfirst, body, quotes, tables.

Paragraphs are split first (quotes and tables are found within them); section kinds are given
last, once the ratings tables, quotations and dates are known.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

import regex

from pipeline.extract.dates import DATE_WORDS
from pipeline.extract.quotes import ends_with_speech, quote_words
from pipeline.model import DateMention, Quote, Score, Section, Span
from pipeline.normalize import bisect_offsets, headline_text, setext_heading
from pipeline.vocab import load

# A blank line holds only white space, no-break and zero-width spaces included. (`re` with
# the white space of `regex`'s \s spelt out: twice as fast, and the same lines.)
_BLANK_LINE: Final = re.compile(
    r"\n[\t\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff]*(?=\n)"
)
_BLANKS: Final = (  # the characters of that class
    "\t\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff"
)
_LINE: Final = regex.compile(r"[^\n]+")
_ZERO_WIDTH: Final = "\u200b\ufeff"
# In a release flattened onto one line, bullets and metadata labels still mark where the
# paragraphs were (see _flat_break).
_FLAT_MIN: Final = 600
_TERMINAL: Final = ".,;:!?"
_OPEN_MARKS: Final = "“\"„«‘'"
_BULLET: Final = regex.compile(r"^\s*(?:[•▪●◦‣*+\-–]|\d+[.)])\s")
_PUNCT_SPACE: Final = regex.compile(r"[\p{P}\s]")
_SENTENCE_BREAK: Final = regex.compile(r"[.!?]\s+\p{Lu}")
_READER_BLOCKS: Final = frozenset({"p", "list", "blockquote", "heading", "metadata"})
_MD_HEADING: Final = regex.compile(r"^#{1,6}\s+\S")
_NO_LETTER: Final = regex.compile(r"[^\p{L}]*$")
# A line under the site's menus is its headline from this many words, or with a headline verb
# ("Missing man found"); a menu item has fewer and none ("About us", "Ofsted").
_HEADLINE_MIN_WORDS: Final = 4


def _vocab() -> dict[str, list[str]]:
    data: dict[str, list[str]] = load("sections")
    return data


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, start), min(end, len(text))
    while start < end and (text[start].isspace() or text[start] in _ZERO_WIDTH):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _ZERO_WIDTH):
        end -= 1
    return start, end


# What stands between the words of a toolbar copied onto one line ("English | Cymraeg"): no
# furniture word holds one, so a line splits into its words one way only.
_TOOLBAR_MARKS: Final = " \t\xa0|/•·,:"


@cache
def _boilerplate_line() -> re.Pattern[str]:
    """One pattern for every boilerplate line: a known opening, or a whole furniture line.

    Plain literals only, so stdlib ``re`` (five times faster than ``regex`` here) is used, and
    they are grouped by first letter (``s(?:kip to...|earch)``): a line start then costs one
    test per letter instead of one per phrase. The pattern opens with the line break before
    the line (the text is searched with one put in front): ``re`` then jumps from line break
    to line break, where a ``^`` would be tried at every character.
    """
    alts = "|".join(_boilerplate_alternatives().values())
    return re.compile(r"\n[ \t\xa0]*(?:" + alts + ")", re.IGNORECASE | re.MULTILINE)


@cache
def _boilerplate_alternatives() -> dict[str, str]:
    """The phrases of the boilerplate lines by their first letter, each group as one
    alternative (``s(?:kip to main content|earch...)``). A furniture line of one word may
    have more after it, each after a space or a separator: the site's buttons or links
    copied onto one line (``Menu Search``, ``English | Cymraeg``, ``Share: Facebook Twitter
    Email``)."""
    whole = r"[ \t\xa0]*:?[ \t\xa0]*$"
    words = [p for p in _furniture_phrases() if " " not in p]
    more = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    toolbar = "(?:[" + re.escape(_TOOLBAR_MARKS) + "]+(?:" + more + "))*" + whole
    phrases = [(p, "") for p in _vocab()["boilerplate_lines"]]
    phrases += [(p, whole) for p in _furniture_phrases() if p not in words]
    groups: dict[str, list[str]] = {}
    for phrase, tail in phrases:
        groups.setdefault(phrase[0].lower(), []).append(re.escape(phrase[1:]) + tail)
    singles: dict[str, list[str]] = {}  # (one tail for the words of one letter)
    for word in words:
        singles.setdefault(word[0].lower(), []).append(re.escape(word[1:]))
    for first, rests in singles.items():
        groups.setdefault(first, []).append("(?:" + "|".join(rests) + ")" + toolbar)
    return {
        first: re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items()
    }


@cache
def _boilerplate_groups() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Each group of _boilerplate_alternatives as (its first letter, its phrases), compiled
    with the flags of _boilerplate_line."""
    flags = re.IGNORECASE | re.MULTILINE
    return [
        (re.compile(re.escape(first), flags), re.compile(alt, flags))
        for first, alt in _boilerplate_alternatives().items()
    ]


# A line's first character -> the pattern of the boilerplate phrases that may start with it
# (None: none may); filled as characters are met (see _boilerplate_starts).
_PHRASES_AFTER: Final[dict[str, re.Pattern[str] | None]] = {}
_PHRASES_AFTER_MAX: Final = 4096  # entries kept in _PHRASES_AFTER and _HEADS_SEEN (a hostile
# text may start lines with many characters)


def _phrases_after(c: str) -> re.Pattern[str] | None:
    """The boilerplate phrases whose first letter matches ``c`` (as ``re.IGNORECASE`` matches
    it: ``S`` and ``ſ`` match ``s``) as one pattern, or None."""
    if c in _PHRASES_AFTER:
        return _PHRASES_AFTER[c]
    hits = [phrases for first, phrases in _boilerplate_groups() if first.fullmatch(c)]
    pattern = None
    if len(hits) == 1:
        pattern = hits[0]
    elif hits:  # (two first letters that match one character: none in the vocabulary now)
        pattern = re.compile("|".join(p.pattern for p in hits), hits[0].flags)
    if len(_PHRASES_AFTER) < _PHRASES_AFTER_MAX:
        _PHRASES_AFTER[c] = pattern
    return pattern


# A line's first two characters (see _may_open_phrase) -> whether a boilerplate phrase may
# open them; filled as they are met, up to _PHRASES_AFTER_MAX.
_HEADS_SEEN: Final[dict[int, bool]] = {}


@cache
def _phrase_heads() -> re.Pattern[str]:
    """The first two letters of every boilerplate phrase (of a phrase of one letter: that
    letter, then any character or none), with the flags of _boilerplate_line."""
    heads = {p[:2] for p in (*_vocab()["boilerplate_lines"], *_furniture_phrases())}
    alts = [re.escape(h) + ("" if len(h) == 2 else "(?s:.)?") for h in sorted(heads)]
    return re.compile("|".join(alts), re.IGNORECASE | re.MULTILINE)


def _may_open_phrase(text: str, at: int) -> bool:
    """Whether a boilerplate phrase may open the line whose text starts at ``at``, by its first
    two characters (one at the text's end) as ``re.IGNORECASE`` matches them: most lines' two
    letters open no phrase (``Th``, ``In``), and this rules them out for a dictionary lookup
    where the phrases' pattern costs some 1,800 instructions a line. The two are looked up
    as one number made of their code points: no string is made for the lookup."""
    second = ord(text[at + 1]) if at + 1 < len(text) else -1
    key = ord(text[at]) * 0x110001 + second + 1
    found = _HEADS_SEEN.get(key)
    if found is None:
        found = _phrase_heads().fullmatch(text, at, at + 2) is not None
        if len(_HEADS_SEEN) < _PHRASES_AFTER_MAX:
            _HEADS_SEEN[key] = found
    return found


_FAR_HEAD: Final = 6  # characters of a line's opening that _may_open_phrase_far looks at
# The boilerplate phrases' first _FAR_HEAD characters in lower case, by their first two (see
# _may_open_phrase_far); filled on first use.
_OPENINGS: Final[dict[str, tuple[str, ...]]] = {}


def _fill_openings() -> None:
    """Fill _OPENINGS: each phrase's opening under its first two characters (a phrase of one
    letter under that letter alone and under each pair of ASCII characters it opens)."""
    groups: dict[str, set[str]] = {}
    for phrase in (*_vocab()["boilerplate_lines"], *_furniture_phrases()):
        opening = phrase.lower()[:_FAR_HEAD]
        pairs = [opening[:2]]
        if len(opening) == 1:
            pairs += [opening + chr(c) for c in range(128)]
        for pair in pairs:
            groups.setdefault(pair, set()).add(opening)
    _OPENINGS.update((pair, tuple(sorted(found))) for pair, found in groups.items())


def _may_open_phrase_far(text: str, at: int) -> bool:
    """Whether a boilerplate phrase may open the line whose text starts at ``at``, by its first
    _FAR_HEAD characters, when those are ASCII (any other opening may): the lines that pass
    _may_open_phrase's two letters are mostly prose (``The report``, ``In March``), and this
    rules most of them out before the phrases' pattern (some 4,000 instructions a line). In
    ASCII, ``re.IGNORECASE`` matches two characters exactly when their lower cases are one,
    and no character of a phrase outside ASCII matches one inside it."""
    head = text[at : at + _FAR_HEAD]
    if not head.isascii():
        return True
    head = head.lower()
    if not _OPENINGS:
        _fill_openings()
    return any(head.startswith(opening) for opening in _OPENINGS.get(head[:2], ()))


def _boilerplate_starts(text: str) -> list[int]:
    """Where boilerplate lines start: the offsets ``m.start()`` of the matches that
    ``_boilerplate_line().finditer("\n" + text)`` gives.

    That pattern enters each of its two dozen alternatives at every line break (under
    ``IGNORECASE`` the engine cannot rule one out by its first letter), some 4,000
    instructions a line; here the first two characters after the line's blanks rule out
    most lines (_may_open_phrase), their first six most of the rest (_may_open_phrase_far),
    and the first picks the one group of phrases that may follow. (No match reaches past its
    line's end, so each line is tried on its own, as ``finditer`` tries it.)
    """
    out = []
    n = len(text)
    i = 0
    while True:
        j = i
        while j < n and text[j] in " \t\xa0":
            j += 1
        if j < n and _may_open_phrase(text, j) and _may_open_phrase_far(text, j):
            pattern = _phrases_after(text[j])
            if pattern is not None and pattern.match(text, j) is not None:
                out.append(i)
        nl = text.find("\n", j)
        if nl < 0:
            return out
        i = nl + 1


@cache
def _skip_links() -> tuple[str, ...]:
    return tuple(_vocab()["skip_links"])


@cache
def _related_headings() -> tuple[str, ...]:
    return tuple(_vocab()["related_headings"])


@cache
def _furniture_phrases() -> tuple[str, ...]:
    """Every whole line that is furniture: the ``furniture_lines`` (buttons, share links,
    ``Report``), the ``section_names`` (``News``, ``Press releases``, ``Home``) and the
    ``related_headings`` (``Related links``, ``See also``)."""
    vocab = _vocab()
    return (*vocab["furniture_lines"], *vocab["section_names"], *vocab["related_headings"])


@cache
def _furniture_lines() -> frozenset[str]:
    return frozenset(_furniture_phrases())


def _is_furniture_line(s: str) -> bool:
    """A paragraph that is one furniture line (``News story``, ``Accept``: in a flattened
    release it is a piece of a line, which the line-start pattern does not see) or a trail of
    crumbs (``Guides > Parking > Parking permits``)."""
    if len(s) > _MAX_TITLE:
        return False  # (most paragraphs: no furniture line nor trail is so long)
    if len(s) <= 40 and s.strip(" \t\xa0*:").casefold() in _furniture_lines():
        return True
    return ("›" in s or ">" in s or "»" in s or "/" in s) and _is_crumb_trail(s)


def _is_furniture_span(text: str, start: int, end: int) -> bool:
    """_is_furniture_line of ``text[start:end]``, with no copy of a paragraph too long for it."""
    return end - start <= _MAX_TITLE and _is_furniture_line(text[start:end])


# A crumb trail's marks: an arrow with or without spaces round it (``Home>News >Headline``, as
# some pages copy), a slash only with spaces (``and/or`` is a word).
_CRUMB_MARK_RE: Final = re.compile(r"[ \t\xa0]*[>›»][ \t\xa0]*")
_MIN_CRUMB_SEPARATORS: Final = 2


def _is_crumb_trail(s: str) -> bool:
    """A trail of three crumbs or more on one line, whatever the first (``Guides > Parking >
    Parking permits explained``, ``Home  /  News  /  …``, ``News›Courts›Headline``; ``Home >
    …`` is a boilerplate line): each a crumb line of up to ten words with no stop. (Two parts
    may be a sentence: ``Costs > income``.)"""
    if len(s) > _MAX_TITLE or "\n" in s:
        return False
    # (the marks counted first: a date's or a link's slashes split nothing)
    if s.count(">") + s.count("›") + s.count("»") >= _MIN_CRUMB_SEPARATORS:
        parts = _CRUMB_MARK_RE.split(s)
    elif s.count(" / ") >= _MIN_CRUMB_SEPARATORS:
        parts = s.split(" / ")
    else:
        return False
    return all(map(_is_crumb_line, parts))


@cache
def _metadata_labels() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """Every metadata label, longest first; those that need a colon or a date after them; and
    the first two letters of every label."""
    vocab = _vocab()
    with_date = vocab["metadata_labels_with_date"]
    labels = sorted((*vocab["metadata_labels"], *with_date), key=len, reverse=True)
    return tuple(labels), frozenset(with_date), frozenset(x[:2] for x in labels)


@cache
def _metadata_label_set() -> frozenset[str]:
    return frozenset(_metadata_labels()[0])


@cache
def _background_headings() -> frozenset[str]:
    return frozenset(h.casefold() for h in _vocab()["background_headings"])


@cache
def _flat_break() -> Any:
    """Where a release flattened onto one line is cut: before a bullet or a metadata label,
    and after a label's date (``Embargoed until Thursday 6 March 2025 Headline ...``)."""
    labels = "|".join(regex.escape(x) for x in _vocab()["flat_break_labels"])
    return regex.compile(
        rf"\s(?=[•▪●◦‣]\s)|\s(?=(?:{labels}):?\s)"
        rf"|(?<=(?:{labels}):?\s+(?:\p{{Lu}}\p{{Ll}}+,?\s+)?\d{{1,2}}\s+\p{{Lu}}\p{{Ll}}+\s+\d{{4}})\s"
    )


_FLAT_BULLETS: Final = "•▪●◦‣"


@cache
def _flat_label_date() -> Any:
    """The date after a label that _flat_break cuts after (its look-behind read forwards)."""
    return regex.compile(r":?\s+(?:\p{Lu}\p{Ll}+,?\s+)?\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}(?=\s)")


def _flat_cuts(text: str, start: int, end: int) -> list[int]:
    """Where _flat_break matches in ``text[start:end]`` (its label within the piece), found
    from the marks it needs: each bullet and label is found with ``str.find`` and the pattern
    tried right before it, and after the date that may follow a label. The pattern scanned
    over the whole piece tries its look-behind at every character: some 500 instructions a
    character, where the marks are a few in a piece of 1,500."""
    pattern = _flat_break()
    cuts = set()
    for mark in (*_FLAT_BULLETS, *_vocab()["flat_break_labels"]):
        at = text.find(mark, start, end)
        while at >= 0:
            if at > start and pattern.match(text, at - 1, end) is not None:
                cuts.add(at - 1)
            if mark not in _FLAT_BULLETS:
                date = _flat_label_date().match(text, at + len(mark), end)
                if date is not None:
                    cuts.add(date.end())
            at = text.find(mark, at + 1, end)
    return sorted(cuts)


@cache
def _headline_verbs() -> frozenset[str]:
    return frozenset(_vocab()["headline_verbs"])


@cache
def _small_words() -> frozenset[str]:
    return frozenset(_vocab()["title_case_small_words"])


def _has_headline_verb(s: str) -> bool:
    return any(w.strip(",:;").casefold() in _headline_verbs() for w in s.split())


def _is_lede_subject(head: str, next_word: str) -> bool:
    """A Title Case run that is a lede's subject, not a headline: capitalised nouns with no
    verb whose next capitalised word is followed by a verb (``Kelmouth Borough Council Leader
    Ann`` / ``Lee has praised ...``). A small word is a headline's (``Funding Boost for Kelby
    Schools``) unless a role word (quotes.json) stands in the run: a title before a name
    (``Head of Service Ann`` / ``Lee has ...``)."""
    if next_word not in _headline_verbs() or _has_headline_verb(head):
        return False
    words = head.split()
    return not any(w.casefold() in _small_words() for w in words) or any(
        w in quote_words("role_words") for w in words
    )


@cache
def _home_crumbs() -> frozenset[str]:
    return frozenset(_vocab()["home_crumbs"])


def _is_home(line: str) -> bool:
    """A lone ``Home`` crumb."""
    return line.strip(" \t\xa0").casefold() in _home_crumbs()


def _is_crumb_after_home(line: str) -> bool:
    """The line under a lone ``Home``: a topic crumb (``Education, training and skills``,
    ``Inspections and performance of education providers``) unless it reads as a sentence,
    with a verb or five words and neither a comma nor ``and`` (``Council approves new
    budget``)."""
    words = line.split()
    if _has_headline_verb(line):
        return False
    return len(words) < 5 or "," in line or _joins_topics(line)


@cache
def _title_case_head() -> Any:
    """A Title Case headline run into the sentence after it: capitalised words (and the small
    words such a headline leaves in lower case) up to the capitalised word that opens the
    body's first sentence (``Care Home Opens In Brora Inspectors have found ...``)."""
    small = "|".join(regex.escape(w) for w in _vocab()["title_case_small_words"])
    word = rf"(?:[\p{{Lu}}\d][\p{{L}}\d’'&.-]*[,:]?|(?:{small}))"
    return regex.compile(
        rf"(?P<head>[\p{{Lu}}\d][\p{{L}}\d’'&.-]*[,:]?(?:\s+{word}){{3,}}?)"
        rf"(?=\s+\p{{Lu}}[\p{{Ll}}’']*\s+(?!(?:{small})\s)(?P<next>\p{{Ll}}+))"
    )


_MAX_BACKGROUND_HEADING = 40


def _is_background_heading(s: str) -> bool:
    """``Notes to editors``, also as ``Background:``, ``## Notes to editors`` or in bold: the
    colon and the Markdown marks that a plain heading lacks do not make it body text."""
    if len(s) > _MAX_BACKGROUND_HEADING:
        return False
    words = headline_text(s.strip().rstrip(":")).rstrip(":").strip()
    return words.casefold() in _background_headings()


class _Furniture:
    """Where boilerplate lines start; one scan of the whole text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = _boilerplate_starts(text)

    def hits(self, start: int, end: int) -> int:
        """How many boilerplate lines start within ``[start, end)``."""
        if not self.starts:
            return 0
        return bisect_offsets(self.starts, end) - bisect_offsets(self.starts, start)

    def covers(self, start: int, end: int) -> bool:
        """A paragraph is boilerplate when at least half of its lines are."""
        hits = self.hits(start, end)
        if not hits:
            return False
        lines = sum(1 for ln in self.text[start:end].split("\n") if ln.strip())
        return hits * 2 >= lines

    def is_line(self, start: int) -> bool:
        """Whether a boilerplate line starts at ``start`` (a line's start)."""
        i = bisect_offsets(self.starts, start)
        return i < len(self.starts) and self.starts[i] == start

    def menu_block(self, start: int, end: int) -> bool:
        """The site's menus copied one item a line, some of them known furniture and the rest
        a few words each with no sentence stop (``Kelby Borough Council`` / ``Bins and
        recycling`` / ``Council tax`` / ``News``); the last line may be the headline, with its
        standfirst and its dateline or page tools under it. Over a caption naming the page's
        kind (``Press release``) the crumbs may be longer (GOV.UK's ``Inspections and
        performance of education providers``)."""
        block = self.text[start:end]
        if "\n" not in block:
            return False
        if not self.hits(start, end) and not _is_crumb_trail(block[: block.find("\n")]):
            return False  # (no known furniture, nor a trail of crumbs opening the block)
        head = self.head_of(start, end)
        return (
            head is not None
            and head.index > 0
            and _is_menu_run(head.lines[: head.index], head.standfirst or head.dated)
        )

    def head_of(self, start: int, end: int) -> _Head | None:
        """The line of the block ``[start, end)`` that may be its headline: the last one over
        its tail (its dateline, labels with their values on lines of their own, ``Published``
        / ``12 May 2025``, and page tools, ``Print``; at most _MAX_LABEL_BLOCK_LINES lines),
        or, when that line is a standfirst (a sentence of some length) under a line that reads
        as a headline, the line above it. Over a dateline, a line that tags the page (``Appeal``,
        ``By Kelby Police``, ``Kelby Police``: _is_tag_line) is no headline: the line above
        it may be. None when the tail is longer."""
        text = self.text
        lines = text[start:end].split("\n")
        offsets = [start]
        for line in lines[:-1]:
            offsets.append(offsets[-1] + len(line) + 1)
        k = len(lines)
        dated = False
        tools = 0  # (page tools in the tail: a share panel's buttons are many)
        while True:
            if k == 1:
                break
            line = _unbulleted(lines[k - 1])
            if self.is_line(offsets[k - 1]):
                tools += 1
                k -= 1
            elif _is_date_line(line):
                dated = True
                k -= 1
            elif k > 2 and _is_label_value(_unbulleted(lines[k - 2]), line):
                dated = True
                k -= 2
            elif k > 2 and len(lines[k - 2]) <= _MAX_BYLINE and _is_tail_pair(lines[k - 2], line):
                k -= 2  # "By Ann Lee" / "Senior Reporter", "Image caption," / the caption
            elif _is_tail_line(line) and not (dated and _is_byline(line)):
                # "Photo: the new library", "2 min read", a byline under the dateline (one
                # over it tags the page: below)
                k -= 1
            else:
                break
            if len(lines) - k - tools > _MAX_LABEL_BLOCK_LINES:
                return None
        tagged = dated and k > 1 and _is_tag_line(lines[k - 1])
        if tagged and not (self.is_line(offsets[k - 2]) or _is_date_line(lines[k - 2])):
            k -= 1
        else:
            tagged = False
        last = k - 1
        top = self._wrapped_top(lines, offsets, last - 1) if last > 0 else 0
        standfirst = last > 0 and _is_standfirst_under("\n".join(lines[top:last]), lines[last])
        if standfirst and not self.is_line(offsets[last - 1]):
            last -= 1
        else:
            standfirst = False
            top = self._wrapped_top(lines, offsets, last)
        return _Head(lines, offsets, top, last, standfirst, tagged, dated)

    def _wrapped_top(self, lines: list[str], offsets: list[int], i: int) -> int:
        """The first line of the headline whose last line is ``lines[i]``: the line above it
        when the two are one headline wrapped (_is_wrapped_headline: ``Man charged after
        burglaries in`` / ``Fenwick and Ashby``) and it is no furniture line, else ``i``."""
        if (
            i > 0
            and not self.is_line(offsets[i - 1])
            and _is_wrapped_headline(lines[i - 1] + "\n" + lines[i])
        ):
            return i - 1
        return i

    def menu_over_headline(self, start: int, end: int) -> bool:
        """The site's menus copied one item a line, none of them known furniture, perhaps with
        the headline on the last line (``Residents`` / ``Business`` / ``Our council`` / ``New
        play park opens in Harbridge``) and its dateline under it: two menu lines or more over
        a line that may be a headline."""
        head = self.head_of(start, end)
        return (
            head is not None
            and head.index >= _MENU_MIN_LINES - 1
            and all(_is_menu_line(ln) for ln in head.lines[: head.index])
            and _looks_like_title(head.headline, stop=True)
        )

    def dated_headline(self, start: int, end: int) -> bool:
        """A block that opens with the headline, its dateline under it with no blank line
        between (``Care home in Kelby rated very good`` / ``Monday 12 May 2025``), perhaps
        with its standfirst between them."""
        head = self.head_of(start, end)
        return (
            head is not None
            and head.index == 0
            and head.dated
            and _looks_like_title(head.headline, stop=True)
        )

    def headline_in_block(self, start: int, end: int, after: str) -> list[Span] | None:
        """The block's paragraphs when one of its last lines is its headline: the furniture
        over it, the headline, its standfirst, a tag line (boilerplate) and the tail under it:
        the headline copied under the site's menus with no blank line between (``Home`` /
        ``News`` / ``PCC awards £250,000 to tackle rural crime``), perhaps with its standfirst,
        its dateline or page tools on the lines under it (``Wednesday, 05 June 2024``,
        ``Print``).

        A line under the menus is the headline when it reads as one (a verb of
        ``headline_verbs``, or four words or more), or when the page goes on with its
        dateline or its prose (``after``: the paragraph after the block), which on a page
        come right after the headline; the topic crumb after ``Home`` stays furniture when
        the next paragraph is the headline (``Home`` / ``Education, training and skills``)
        or when it names a topic (a comma or ``and``, no verb)."""
        head = self.head_of(start, end)
        if head is None:
            return None
        line = head.headline
        if _BULLET.match(line) or _NO_LETTER.match(line):
            return None
        if self.is_line(head.offsets[head.index]) or _is_date_line(line):
            return None  # (a tail of furniture and datelines, no headline over it)
        if head.index == 0 and not head.dated:
            return None  # (a line over page tools alone: "Kelby Borough Council" / "Search")
        before = head.lines[head.index - 1].strip(" \t\xa0") if head.index else ""
        verb = _has_headline_verb(line)
        context = head.dated or head.standfirst or _opens_page_body(after)
        topic = not verb and ("," in line or _joins_topics(line))
        # (one word, or a menu item's phrase, is a menu item whatever follows it: "Schools",
        # "Our council")
        context = context and " " in line.strip(" \t\xa0") and not _is_menu_phrase(line)
        if _is_home(before):
            # (a line after "Home" is the topic crumb unless it reads as a sentence)
            headline = not topic and (verb or not _is_crumb_after_home(line) or context)
        else:
            headline = verb or (len(line.split()) >= _HEADLINE_MIN_WORDS and not topic) or context
        if not headline:
            return None
        text = self.text
        at = head.offsets[head.index]
        pieces = [Span(*_trim(text, at, at + len(line)))]
        if pieces[0].start > start:
            pieces.insert(0, Span(*_trim(text, start, pieces[0].start), "boilerplate"))
        n = head.last + 1
        for wanted, tag in ((head.standfirst, ""), (head.tagged, "boilerplate")):
            if wanted:
                at = head.offsets[n]
                pieces.append(Span(*_trim(text, at, at + len(head.lines[n])), tag))
                n += 1
        if n < len(head.lines):
            tail = _trim(text, head.offsets[n], end)
            pieces.append(Span(*tail, "boilerplate" if self.covers(*tail) else ""))
        return pieces


@dataclass(frozen=True, slots=True)
class _Head:
    """A block's lines (``offsets``: where each starts in the text), the indices of the first
    and last lines of what may be its headline (two lines when it is wrapped), whether a
    standfirst is under it, whether a tag line is under them, and whether a dateline or a
    label is among the lines under them."""

    lines: list[str]
    offsets: list[int]
    index: int
    last: int
    standfirst: bool
    tagged: bool
    dated: bool

    @property
    def headline(self) -> str:
        """The headline's line, or its two lines when it is wrapped (``index`` to ``last``)."""
        if self.last == self.index:
            return self.lines[self.index]
        return "\n".join(self.lines[self.index : self.last + 1])


def _unbulleted(line: str) -> str:
    """A line without a list's dash or bullet (``- Published`` / ``- 18 June 2025``: a page's
    metadata list as some copies keep it)."""
    return line[2:] if line[:2] in ("- ", "• ", "* ", "– ") else line


@cache
def _caption_labels() -> tuple[str, ...]:
    return tuple(sorted(_vocab()["caption_labels"], key=len, reverse=True))


def _caption_label_end(line: str) -> int:
    """Where an image's caption or credit label ends on ``line`` (``Photo: …``, ``Image
    caption,``): past its colon or comma; 0 when the line opens with none."""
    folded = line[:24].lstrip(" \t\xa0").casefold()
    if not folded.startswith(_caption_labels()):
        return 0  # (most lines)
    for label in _caption_labels():
        if folded.startswith(label) and folded[len(label) : len(label) + 1] in (":", ","):
            return len(label) + 1
    return 0


_READING_TIME: Final = re.compile(r"\d{1,3}[ \t\xa0]*(?:mins?|minutes?)[ \t\xa0]+read", re.I)
_MAX_CAPTION: Final = 160


def _is_tail_line(line: str) -> bool:
    """A line under the headline in its block that is neither headline nor lede: a byline
    (``By Ann Lee``), an image's caption or credit with its label (``Photo: the new
    library``, ``Credit: Kelby Council``) or a reading time (``2 min read``)."""
    line = line.strip(" \t\xa0")
    if not line or len(line) > _MAX_CAPTION:
        return False
    if line[-4:].casefold() == "read" and _READING_TIME.fullmatch(line):
        return True
    return _caption_label_end(line) > 0 or _is_byline(line)


def _is_tail_pair(above: str, line: str) -> bool:
    """Two lines under the headline in its block that go together: a caption's label alone
    and its caption (``Image caption,`` / ``The fire broke out on Mill Street``), a byline
    and its writer's post (``By Ann Lee`` / ``Senior Reporter``, ``BBC News, Kelby``)."""
    above = above.strip(" \t\xa0")
    end = _caption_label_end(above)
    if end and end == len(above.lstrip(" \t\xa0")) and len(line) <= _MAX_CAPTION:
        return True
    return _is_byline(above) and _is_menu_line(line)


_MAX_TAIL_LINES: Final = 16


def _is_tail_block(s: str) -> bool:
    """A block under the headline made of its dateline, page tools, byline and image caption,
    a line each (``14 March 2025`` / ``Share`` / ``Image caption,`` / ``The new library`` /
    ``By Ann Lee``): metadata, as each line is on its own."""
    if "\n" not in s:
        return False
    lines = s.split("\n")
    if len(lines) > _MAX_TAIL_LINES:
        return False
    k = len(lines)
    while k:
        line = _unbulleted(lines[k - 1])
        if _is_date_line(line) or _is_furniture_line(line.strip(" \t\xa0")) or _is_tail_line(line):
            k -= 1
        elif k > 1 and (
            _is_tail_pair(lines[k - 2], line) or _is_label_value(_unbulleted(lines[k - 2]), line)
        ):
            k -= 2
        else:
            return False
    return True


def _is_tag_line(line: str) -> bool:
    """A line that tags a page over its dateline: one word (``Appeal``, ``Charged``), a
    byline (``By Kelby Police``: ``byline_words``) or a public body's name (``Kelby
    Police``)."""
    line = line.strip(" \t\xa0")
    words = line.split()
    if len(words) == 1:
        return line.isalpha()
    return _is_byline(line) or (len(words) <= _MAX_SITE_NAME_WORDS and is_body_name(line))


@cache
def _byline_words() -> frozenset[str]:
    return frozenset(_vocab()["byline_words"])


@cache
def _byline_leads() -> frozenset[str]:
    return frozenset(_vocab()["byline_leads"])


_MAX_BYLINE_WORDS: Final = 8
_MAX_BYLINE: Final = 120  # characters: eight words of a byline fit in far fewer


def _is_byline(line: str) -> bool:
    """A byline (``By Kelby Police``, ``By Ann Lee, Communications Officer``, ``Written by
    Ann Lee``, Welsh ``Gan Heddlu Kelby``): a word of ``byline_words`` (after one of
    ``byline_leads``) and a capitalised word after it, up to eight words, no stop at its end
    and no headline verb (``By Christmas, Kelby will have 40 new homes`` is a sentence)."""
    if len(line) > _MAX_BYLINE:
        return False  # (most paragraphs: no split of a whole paragraph)
    words = line.split()
    if len(words) > 2 and words[0].casefold() in _byline_leads():
        words = words[1:]
    return (
        1 < len(words) <= _MAX_BYLINE_WORDS
        and words[0].casefold() in _byline_words()
        and words[1][:1].isupper()
        and words[-1][-1] not in _TERMINAL
        and not _has_headline_verb(line)
    )


_MIN_STANDFIRST_WORDS: Final = 8
_MAX_LABEL_VALUE: Final = 80


def _is_standfirst_under(above: str, line: str) -> bool:
    """A standfirst under its headline in one block (``New checks on Kelby colleges`` /
    ``Inspectors will look at how colleges prepare learners for work.``): one sentence of
    eight words or more, longer than the line above, which reads as a headline (no stop, a
    verb or four words or more, and not a menu line naming topics: ``Health and social
    care``)."""
    words = line.split()
    above = above.strip(" \t\xa0")
    if len(words) < _MIN_STANDFIRST_WORDS or line.rstrip()[-1:] not in ".!?":
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit()) or _has_sentence_break(line):
        return False
    above_words = above.split()
    verb = _has_headline_verb(above)
    return (
        len(above_words) < len(words)
        and _looks_like_title(above)
        and (verb or len(above_words) >= _HEADLINE_MIN_WORDS)
        and (verb or not (_is_menu_line(above) and ("," in above or _joins_topics(above))))
    )


def _is_label_value(label: str, value: str) -> bool:
    """A label alone on its line and its value on the next (``Part of`` / ``Transport``,
    ``From:`` / ``Ofsted``), as a page's metadata is copied."""
    value = value.strip(" \t\xa0")
    return (
        0 < len(value) <= _MAX_LABEL_VALUE
        and value[-1] not in ".,"
        and label.strip(" \t\xa0*:").casefold() in _metadata_labels()[0]
    )


def _is_menu_run(lines: Sequence[str], anchored: bool) -> bool:
    """The site's menu items or crumbs over a headline: each a menu line; over a caption
    naming the page's kind (``Press release``: ``headline_labels``) the crumbs may be longer
    lines with no stop, and so may a few lines among more menu lines (a tagline, ``Caring
    for every patient, every day``, a question, ``Why choose us?``); under ``Home``, crumbs
    naming topics (_is_topic_crumb; ``anchored``: the headline has its standfirst or its
    dateline under it)."""
    caption = max((i for i, ln in enumerate(lines) if _is_caption(ln)), default=-1)
    if caption >= 0:
        return all(_is_crumb_line(ln) for ln in lines[:caption]) and all(
            _is_menu_line(ln) for ln in lines[caption + 1 :]
        )
    if _is_home(lines[0]) and all(
        _is_menu_line(ln) or _is_topic_crumb(ln, anchored) for ln in lines[1:]
    ):
        return True  # (GOV.UK's crumbs with no caption under them)
    # (a trail of crumbs on one line is a menu line: ``Home » News » New scanner opens``)
    others = [ln for ln in lines if not (_is_menu_line(ln) or _is_crumb_trail(ln))]
    return not others or (len(others) * 2 < len(lines) and all(map(_is_crumb_line, others)))


_MAX_CRUMB_WORDS: Final = 10


def _is_topic_crumb(line: str, anchored: bool) -> bool:
    """A crumb of GOV.UK's topics under ``Home`` (``Inspections and performance of education
    providers``): a crumb line opening with a capital, no digit and no headline verb, that
    joins topics (``and``, a comma), or any such line when the headline under it is anchored
    by its standfirst or its dateline (``Support for families with young children``)."""
    line = line.strip(" \t\xa0")
    return (
        _is_crumb_line(line)
        and line[0].isupper()
        and not any(c.isdigit() for c in line)
        and not _has_headline_verb(line)
        and (anchored or "," in line or _joins_topics(line))
    )


def _is_crumb_line(line: str) -> bool:
    """A crumb or menu line of up to ten words, with no stop but a question's mark."""
    line = line.strip(" \t\xa0")
    return 0 < len(line.split()) <= _MAX_CRUMB_WORDS and line[-1] not in ".,;:!"


@cache
def _captions() -> frozenset[str]:
    return frozenset(_vocab()["headline_labels"])


def _is_caption(line: str) -> bool:
    """A caption naming the page's kind on a line of its own over the headline (``Press
    release``, ``News story``)."""
    return len(line) <= _MAX_DATE_LINE and line.strip(" \t\xa0*:").casefold() in _captions()


_MENU_LINE_WORDS: Final = 5
_MAX_DATE_LINE: Final = 40


def _is_menu_line(line: str) -> bool:
    """A menu item: a few words with no sentence stop (``Bins and recycling``)."""
    line = line.strip(" \t\xa0")
    return 0 < len(line.split()) <= _MENU_LINE_WORDS and line[-1] not in _TERMINAL


def _joins_topics(line: str) -> bool:
    """A topic named with ``and`` or ``&`` (``Health and social care``)."""
    return " and " in line or " & " in line


@cache
def _date_words() -> frozenset[str]:
    """The words of a dateline on a line of its own: month and weekday names, and the joiners
    of ``date_line_words`` (``Monday 3 June 2024 at 10:15``)."""
    return DATE_WORDS | frozenset(_vocab()["date_line_words"])


def _is_date_line(line: str) -> bool:
    """A dateline on a line of its own (``Wednesday, 05 June 2024``, ``16:30 21/05/2024``,
    ``Date: 12 August 2024``) or a short label and value (``Station: Ashby``)."""
    line = line.strip(" \t\xa0")
    if not line:
        return False
    if len(line) > _MAX_DATE_LINE:
        return len(line) <= _MAX_DRESSED_DATE_LINE and _is_dressed_date_line(line)
    words = line.split()
    if not words:  # other spaces only
        return False
    if (":" in words[0] and len(words) <= 3) or _opens_with_label(line):
        return True
    return (
        _is_bare_date_line(words)
        or (":" in line and _is_labelled_date(words))
        or _is_dressed_date_line(line)
    )


_MAX_DATE_LABEL_WORDS: Final = 3


def _is_labelled_date(words: list[str]) -> bool:
    """A label of up to three words with no figure, a colon, and a date or reference in
    figures (``Issued: 14 March 2025``, ``Date of release: 14/03/2025``, ``Press release
    number: 123/25``)."""
    for n, word in enumerate(words[:_MAX_DATE_LABEL_WORDS]):
        if _DIGIT.search(word):
            return False
        if word[-1] == ":":
            return n + 1 < len(words) and _is_bare_date_line(words[n + 1 :])
    return False


_MAX_DRESSED_DATE_LINE: Final = 90
_MAX_DATE_EXTRA_WORDS: Final = 6
_DIGIT: Final = re.compile(r"\d")
_BAR_RE: Final = re.compile(r"[|•·]")


def _is_dressed_date_line(line: str) -> bool:
    """A dateline with its author, topic or reading time on its line (blogs' and news
    sites' forms): after ``by`` or ``in`` (``Posted on 14 March 2025 by Ann Lee``, ``14 March
    2025 by Kelby Police``, ``Published 14 March 2025 in Community, News``), a byline before
    it (``Posted by Ann Lee on 14 March 2025``, ``By Ann Lee, 14 March 2025``), or parts
    between bars (``14 March 2025 | 2 minute read``, ``News | 14 March 2025``). The extras
    are a few words with no stop and no headline verb, the date a dateline of its own
    (_is_plain_date_line): ``Man, 34, charged by police`` is none."""
    if len(line) > _MAX_DRESSED_DATE_LINE or not _DIGIT.search(line):
        return False  # (most lines)
    if "|" in line or "•" in line or "·" in line:
        parts = _BAR_RE.split(line)
        dated = [_is_plain_date_line(part) for part in parts]
        return any(dated) and all(d or _is_date_extra(p) for d, p in zip(dated, parts, strict=True))
    folded = line.casefold()
    for joiner in (" by ", " in "):
        at = folded.find(joiner)
        if at > 0 and _is_plain_date_line(line[:at]) and _is_date_extra(line[at + len(joiner) :]):
            return True
    words = folded.split(None, 2)
    if len(words) < 2:
        return False
    if words[0] in _byline_words() or (words[0] in _byline_leads() and words[1] in _byline_words()):
        for joiner in (" on ", ", "):
            at = folded.rfind(joiner)
            if (
                at > 0
                and len(line[:at].split()) <= _MAX_BYLINE_WORDS
                and _is_plain_date_line(line[at + len(joiner) :])
            ):
                return True
    return False


def _is_plain_date_line(s: str) -> bool:
    """A dateline alone, labelled or bare (``Posted on 14 March 2025``, ``14/03/2025``)."""
    s = s.strip(" \t\xa0")
    words = s.split()
    return (
        bool(words)
        and len(s) <= _MAX_DATE_LINE
        and (_opens_with_label(s) or _is_bare_date_line(words))
    )


def _is_date_extra(s: str) -> bool:
    """What may go with a date on its line: a name, a topic or a reading time (``Ann Lee``,
    ``Community, News``, ``2 minute read``): a few words, no stop, no headline verb."""
    s = s.strip(" \t\xa0")
    return (
        0 < len(s.split()) <= _MAX_DATE_EXTRA_WORDS
        and s[-1] not in _TERMINAL
        and not _has_headline_verb(s)
    )


def _is_bare_date_line(words: list[str]) -> bool:
    """A dateline's words with no label: numbers, month and weekday names and their joiners
    (``13:35 14/05/2025``, ``Monday 12 May 2025 at 10:15``)."""
    if not any(c.isdigit() for w in words for c in w):
        return False
    return all(
        w.strip(",.").casefold() in _date_words() or not w.strip(",.:/-").isalpha() for w in words
    )


def _opens_with_label(s: str) -> bool:
    """Whether ``s`` opens with a metadata label followed by a colon, a digit or its end
    (``Published: 3 May``, ``Posted on 4 October 2024``, ``Published``)."""
    labels, _, heads = _metadata_labels()
    if not _may_open_label(s, labels, heads):
        return False
    folded = s[: len(labels[0]) + 2].casefold()
    for label in labels:
        if folded.startswith(label):
            rest = s[len(label) : len(label) + 2].lstrip(" \t\xa0")
            return not rest or rest[0] == ":" or rest[0].isdigit()
    return False


_MIN_PROSE: Final = 80


def _opens_page_body(s: str) -> bool:
    """Whether a page's text goes on with ``s`` as it does after its headline: a dateline
    (``Published: 3 June 2025``) or prose (a sentence of some length ending with a stop)."""
    first = s.partition("\n")[0].strip(" \t\xa0")
    if not first:
        return False
    if _opens_with_label(first) or _is_date_line(first):
        return True
    return len(first) >= _MIN_PROSE and first[-1] in '.!?”"'


def split_paragraphs(text: str, blocks: Sequence[Span] = ()) -> list[Span]:
    """Split ``text`` into non-blank paragraphs, trimmed of surrounding white space.

    Args:
        text: the release text.
        blocks: block spans from the reader (HTML); when given they are the paragraphs.

    Returns:
        Spans in text order; ``tag`` is the reader's block tag, or ``"boilerplate"`` for site
        furniture (cookie notices, navigation, licence footers), else ``""``.
    """
    furniture = _Furniture(text)
    if blocks:
        spans = [(*_trim(text, b.start, b.end), b.tag) for b in blocks]
        spans = [(s, e, tag) for s, e, tag in spans if e > s]
        marked = [
            Span(s, e, "boilerplate" if _is_furniture(text, furniture, s, e) else tag)
            for s, e, tag in spans
        ]
        return _body_headings(text, marked, [tag for _, _, tag in spans])
    # The stretches between blank lines, kept only when they hold text: a text of a million
    # blank lines makes no list of a million cuts.
    raw = []
    prev = 0
    for blank_start, blank_end in _blank_lines(text):
        s, e = _trim(text, prev, blank_start)
        if e > s:
            raw.append((s, e))
        prev = blank_end
    s, e = _trim(text, prev, len(text))
    if e > s:
        raw.append((s, e))
    if len(raw) == 1 and "\n" in text[raw[0][0] : raw[0][1]]:
        # No blank line anywhere: paragraphs are separated by single newlines.
        s0, e0 = raw[0]
        raw = [_trim(text, s0 + m.start(), s0 + m.end()) for m in _LINE.finditer(text[s0:e0])]
        raw = [(s, e) for s, e in raw if e > s]
    out: list[Span] = []
    opening = True  # no prose yet: the site's menus may stand here
    for k, (s, e) in enumerate(raw):
        if e - s > _FLAT_MIN and "\n" not in text[s:e]:
            out.extend(_split_flat(text, s, e))
            continue
        # the site's menus, some of their lines known furniture or none (three lines or more,
        # each a few words with no stop), perhaps with the headline on their last lines
        known = furniture.covers(s, e) or (opening and furniture.menu_block(s, e))
        if not known and not (
            opening
            and "\n" in text[s:e]
            and (furniture.menu_over_headline(s, e) or furniture.dated_headline(s, e))
        ):
            cut = _lead_lines_end(text, s, e) if opening else None
            if cut is not None:
                out.append(Span(*_trim(text, s, cut)))  # "By Ann Lee" / "Published 14 Mar 2025"
                s = cut
            out.append(Span(s, e))
            opening = opening and text[e - 1] not in '.!?”"'
        else:
            after = text[raw[k + 1][0] : raw[k + 1][1]] if k + 1 < len(raw) else ""
            pieces = furniture.headline_in_block(s, e, after)
            if pieces is None:
                out.append(Span(s, e, "boilerplate" if known else ""))
            else:
                out.extend(pieces)
    out = [
        Span(p.start, p.end, "boilerplate")
        if not p.tag and _is_furniture_span(text, p.start, p.end)
        else p
        for p in out
    ]
    return _body_headings(text, out, [""] * len(out))


_MAX_LEAD_LINE: Final = 80


def _lead_lines_end(text: str, start: int, end: int) -> int | None:
    """Where the prose of the block ``[start, end)`` begins when the block opens with a
    byline, perhaps a dateline under it, a line each, over a sentence (local papers: ``By Ann
    Lee`` / ``Published 14th Mar 2025, 09:41 GMT`` / the standfirst): those lines are
    metadata, the prose a paragraph of its own. None for other blocks (``Published: 3 March``
    over a sentence stays one block)."""
    at = start
    while True:
        nl = text.find("\n", at, end)
        if nl < 0:
            break
        line = text[at:nl]
        if len(line) > _MAX_LEAD_LINE or not (
            _is_byline(line) if at == start else _is_date_line(line)
        ):
            break  # (a byline first: a label over a sentence is the block's, "From" / "the …")
        at = nl + 1
    if at == start or at >= end:
        return None
    nl = text.find("\n", at, end)
    first = text[at : nl if nl >= 0 else end].rstrip(" \t\xa0")
    if (
        first[-1:] not in '.!?”"'
        or first.count(" ") < _MIN_PROSE_WORDS - 1
        or first[:1].islower()  # ("By Christmas" / "the library will …": one sentence)
    ):
        return None  # (prose: a sentence under them)
    return at


def _is_furniture(text: str, furniture: _Furniture, start: int, end: int) -> bool:
    """Whether the paragraph ``[start, end)`` is the site's furniture: most of its lines are,
    or it is one furniture word (``Share``, ``**Print**``, a piece of a flattened line)."""
    return furniture.covers(start, end) or _is_furniture_span(text, start, end)


def _body_headings(text: str, spans: list[Span], tags: Sequence[str]) -> list[Span]:
    """Give a furniture word standing alone between two paragraphs of the body (``Report``,
    ``Contact``, ``Apply`` over the prose it heads) back its tag (``tags``: each paragraph's
    own, from the reader): the site's menus stand above the headline, before any prose, and
    its page tools after the body, next to other furniture, never between prose on both
    sides."""
    if not any(p.tag == "boilerplate" for p in spans):
        return spans  # (most releases)
    begun = False  # a paragraph of prose seen
    for i in range(1, len(spans) - 1):
        p, before, after = spans[i], spans[i - 1], spans[i + 1]
        begun = begun or (before.tag != "boilerplate" and _is_prose(text, before))
        if (
            begun
            and p.tag == "boilerplate"
            and before.tag != "boilerplate"
            and after.tag != "boilerplate"
            and _is_furniture_span(text, p.start, p.end)
            and _is_prose(text, after)
        ):
            spans[i] = Span(p.start, p.end, tags[i])
    return spans


_MIN_PROSE_WORDS: Final = 4


def _is_prose(text: str, p: Span) -> bool:
    """A paragraph of prose: a few words ending with a sentence stop."""
    return text[p.end - 1] in '.!?”"' and text.count(" ", p.start, p.end) >= _MIN_PROSE_WORDS - 1


def _blank_lines(text: str) -> list[tuple[int, int]]:
    """The spans of ``_BLANK_LINE.finditer(text)``, each from the line break before a blank
    line to the one after it: found with ``str.find`` and a look at each line's first
    character, a third of the cost of the regex scan and its match objects."""
    out = []
    nl = text.find("\n")
    while nl >= 0:
        after = text.find("\n", nl + 1)
        if after < 0:
            break
        if after == nl + 1 or (text[nl + 1] in _BLANKS and not text[nl + 1 : after].strip(_BLANKS)):
            out.append((nl, after))
        nl = after
    return out


def _split_flat(text: str, start: int, end: int) -> list[Span]:
    cuts = [start, *_flat_cuts(text, start, end), end]
    spans = [_trim(text, cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    out = [Span(s, e) for s, e in spans if e > s]
    # The first piece that is not a label or a dateline may hold the headline and the body
    # together: a Title Case run then splits off as the headline.
    labels = tuple(x.casefold() for x in _vocab()["flat_break_labels"])
    for i, p in enumerate(out):
        piece = text[p.start : p.end]
        if _is_furniture_line(piece) or piece.casefold().startswith(labels):
            continue
        # Looked for in the piece's first characters only: a headline is far shorter, and the
        # lazy run of capitalised words would otherwise cost the square of a long piece.
        m = _title_case_head().match(piece, 0, _TITLE_CASE_WINDOW)
        if (
            m is not None
            and len(piece) > _MAX_TITLE
            and not _has_sentence_break(m["head"])
            # "HMICFRS Chief Inspector Ann Lee said ...": a lede naming its speaker
            and m["next"] not in quote_words("speech_verbs")
            and not _is_lede_subject(m["head"], m["next"])
        ):
            head_end = p.start + m.end("head")
            out[i : i + 1] = [Span(p.start, head_end), Span(*_trim(text, head_end, p.end))]
        break
    return out


def carve(
    text: str, paragraphs: Sequence[Span], regions: Sequence[tuple[int, int, str]]
) -> list[Span]:
    """Re-cut paragraphs so that each region (a ratings table) is exactly one paragraph.

    A region inside a paragraph splits it; a region over several paragraphs (a table in a
    release with single-newline paragraphs) joins them.
    """
    out: list[Span] = []
    regions = sorted(regions)
    ri = 0
    for p in paragraphs:
        start = p.start
        while ri < len(regions) and regions[ri][1] <= start:
            ri += 1
        if ri == len(regions) or regions[ri][0] >= p.end:
            # no region in it (most paragraphs): kept as it is when already trimmed
            s, e = _trim(text, start, p.end)
            out.append(p if (s, e) == (start, p.end) else Span(s, e, p.tag))
            continue
        for rs, re_, tag in regions[ri:]:
            if rs >= p.end:
                break
            if start < rs:
                out.append(Span(*_trim(text, start, rs), p.tag))
            if not out or (out[-1].start, out[-1].end) != (rs, re_):
                out.append(Span(rs, re_, tag))
            start = max(start, re_)
        if start < p.end:
            out.append(Span(*_trim(text, start, p.end), p.tag))
    return [s for s in out if s.end > s.start]


def _has_sentence_break(s: str) -> bool:
    """Whether ``_SENTENCE_BREAK`` finds a sentence's end followed by another in ``s``: looked
    for only when a stop stands before its last two characters (most one-line paragraphs
    have a stop only at their end, or none), where the search costs some 8,000 instructions."""
    head = s[:-2]
    return ("." in head or "!" in head or "?" in head) and _SENTENCE_BREAK.search(s) is not None


def _single_line(s: str) -> bool:
    return "\n" not in s


_MAX_TITLE: Final = 250
_TITLE_CASE_WINDOW: Final = 4 * _MAX_TITLE
_MAX_STOPPED_TITLE_WORDS: Final = 15


def _looks_like_title(s: str, *, stop: bool = False) -> bool:
    """A headline line; with ``stop``, one that may end with a full stop."""
    s = s.strip()
    if s[-1:] in "=-" and (head := setext_heading(s)) is not None:
        s = head
    if "\n" in s and _is_wrapped_headline(s):
        s = s.replace("\n", " ")
    if stop and s[-1:] == "." and s[-2:-1] not in _TERMINAL:
        s = s[:-1]
        if len(s.split()) > _MAX_STOPPED_TITLE_WORDS or _has_sentence_break(s):
            return False
    return (
        _single_line(s)
        and 0 < len(s) <= _MAX_TITLE
        and s[-1] not in ".;:,"
        and s[0] not in _OPEN_MARKS
        and not _BULLET.match(s)
    )


def _is_wrapped_headline(s: str) -> bool:
    """A headline wrapped onto a second line that goes on in lower case, with no stop at its
    end (``Man charged after burglaries`` / ``in Fenwick``): a line under a headline that
    opens a sentence of its own (a standfirst, a menu item) opens with a capital. A headline
    in capitals wrapped so has four words or more."""
    first, _, second = s.partition("\n")
    words = len(s.split())
    if "\n" in second or not first[-1:].isalnum() or s[-1] in _TERMINAL:
        return False
    # (in capitals, two lines of two words or more: "FIREFIGHTERS RESCUE" / "DOG FROM RIVER";
    # two menu items are a word or two each)
    goes_on = (
        second[:1].islower()
        or (s.isupper() and words >= _HEADLINE_MIN_WORDS)
        or _breaks_at_small_word(first.split(), second.split())
    )
    return goes_on and words <= _MAX_STOPPED_TITLE_WORDS


_ARTICLES: Final = frozenset({"a", "an", "the"})
_MIN_WRAPPED_LINE_WORDS: Final = 3


def _breaks_at_small_word(first: list[str], second: list[str]) -> bool:
    """A headline's two lines broken next to a small word (``title_case_small_words``): the
    first ends with one, which no headline ends with (``Man charged after burglaries in`` /
    ``Fenwick and Ashby``), or, in Title Case, the second opens with one that is no article
    (``Council Approves New Budget`` / ``For Kelby Libraries``). The first line has three
    words or more: a menu item ends with a small word too (``Sign in``), or is Title Case
    over one (``About Us`` / ``For Patients``)."""
    if len(first) < _MIN_WRAPPED_LINE_WORDS or not second or not second[0][:1].isalnum():
        return False
    if first[-1].casefold() in _small_words():
        return True
    opener = second[0].casefold()
    return (
        opener in _small_words()
        and opener not in _ARTICLES
        and all(w[:1].isupper() or w[:1].isdigit() for w in first)
    )


def _looks_like_heading(s: str) -> bool:
    s = s.strip()
    if s[:1] == "#" and _MD_HEADING.match(s):
        return True
    if s[-1:] in "=-" and (head := setext_heading(s)) is not None:
        s = head
    return (
        _single_line(s)
        and len(s) <= 80
        and s[-1] not in _TERMINAL
        and (s[0].isupper() or s[0].isdigit())
        and s[0] not in _OPEN_MARKS
        and "\t" not in s
        and "|" not in s
        and len(s.split()) <= 10
        and not _BULLET.match(s)
    )


class _Index:
    """Items sorted by ``start``, looked up by position in log time (no paragraphs x items)."""

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = sorted(items, key=lambda i: (i.start, i.end))
        self.starts: list[int] = [i.start for i in self.items]
        self.ends: list[int] = [i.end for i in self.items]

    def starting_in(self, start: int, end: int) -> Sequence[Any]:
        """Items that start within ``[start, end)``."""
        return self.items[bisect_offsets(self.starts, start) : bisect_offsets(self.starts, end)]

    def any_in(self, start: int, end: int) -> bool:
        """Whether an item starts within ``[start, end)`` (no list made)."""
        return bisect_offsets(self.starts, end) > bisect_offsets(self.starts, start)

    def overlapping(self, start: int, end: int) -> tuple[int, int]:
        """The first and past-last indices of the items that overlap ``[start, end)`` (items
        must not overlap each other)."""
        return bisect_offsets(self.ends, start, right=True), bisect_offsets(self.starts, end)


_MAX_LABEL_BLOCK_LINES = 8


def _is_metadata(s: str, start: int, dates: _Index) -> bool:
    s_stripped = s.strip()
    if not _single_line(s_stripped):
        return _is_label_block(s_stripped)
    if len(s_stripped) > 160:
        return False
    bare = _unbulleted(s_stripped).strip("*_")  # Markdown emphasis: "**Published 1 May 2024**"
    if len(bare) <= _MAX_DATE_LINE and ":" in bare and _is_labelled_date(bare.split()):
        return True  # "Issued: 14 March 2025", "Press release number: 123/25"
    labels, with_date, heads = _metadata_labels()
    if not _may_open_label(bare, labels, heads):
        return _is_dateline(s, start, dates)
    folded = bare.casefold()
    for label in labels if folded.startswith(labels) else ():
        if not folded.startswith(label):
            continue
        # a label run into its date on a page copied without the space: "Published3rd April"
        if folded[len(label) : len(label) + 1].isdigit() and _covered_by_date(s, start, dates):
            return True
        if len(folded) == len(label) or folded[len(label)] in ": \t":
            rest = folded[len(label) :].lstrip(": \t")
            # "From April ..." starts a sentence, not a label: demand a colon or a date, and
            # no sentence after a date ("From Monday 3 March, parking will move to ...").
            if folded[len(label) : len(label) + 1] == ":" or (
                _covered_by_date(s, start, dates) and not _is_sentence(rest)
            ):
                return True
            if label not in with_date and rest:
                return True
            if not rest.strip(" \t\xa0"):
                return True  # a label whose value the copy lost ("Published" alone)
            if rest[:3] in ("in ", "by ") and _is_date_extra(rest[3:]):
                return True  # the same, its topic or author kept: "Posted on in Blogs, News"
    return _is_dateline(s, start, dates)


def _is_sentence(s: str) -> bool:
    """A sentence after a label's word (``Monday 3 March, parking will move to …``): eight
    words or more ending with a stop, a verb of ``headline_verbs`` among them; a dateline's
    source has none (``on 3 March 2025 by the press office.``)."""
    return (
        s.rstrip()[-1:] in ".!?"
        and len(s.split()) >= _MIN_STANDFIRST_WORDS
        and _has_headline_verb(s)
    )


def _is_dateline(s: str, start: int, dates: _Index) -> bool:
    """A paragraph that is a date, perhaps with a clock time (``13:35 14/05/2025``, ``12 May
    2025 at 10:15``), or a date and its source after a bar."""
    if not dates.any_in(start, start + len(s)):
        return False  # (most paragraphs: each form opens with a date)
    if _covered_by_date(s, start, dates, whole=True) or _is_sourced_dateline(s, start, dates):
        return True
    if "\n" not in s and _is_dressed_date_line(s):
        return True  # "14 March 2025 by Kelby Police", "By Ann Lee, 14 March 2025"
    return (
        len(s) <= _MAX_DATE_LINE
        and _covered_by_date(s, start, dates)
        and _is_bare_date_line(s.split())
    )


_SOURCE_BARS: Final = "|•·"
_MAX_SOURCE_WORDS: Final = 6


def _is_sourced_dateline(s: str, start: int, dates: _Index) -> bool:
    """A dateline with its source or section after a bar (``3 March 2025 | Kelby Police``,
    ``03/03/2025 • Fire and rescue``): a date at the line's start, a bar, a few words with no
    stop."""
    if not any(c in s for c in _SOURCE_BARS):
        return False  # (most lines)
    first = dates.starting_in(start, start + 1)
    if not first:
        return False
    rest = s[first[0].end - start :].lstrip(" \t\xa0")
    words = rest[1:].split()
    return (
        rest[:1] in _SOURCE_BARS
        and 0 < len(words) <= _MAX_SOURCE_WORDS
        and rest[-1] not in _TERMINAL
    )


def _may_open_label(s: str, labels: tuple[str, ...], heads: frozenset[str]) -> bool:
    """Whether ``s.casefold()`` may start with one of the metadata ``labels`` (longest first;
    ``heads``: their first two letters), from ``s``'s first characters folded, as many as the
    longest label has: most paragraphs open with none, and a whole paragraph's casefold and a
    test of every label cost some 5,000 instructions."""
    head = s[: len(labels[0])].casefold()
    return head[:2] in heads and head.startswith(labels)


def _is_label_block(s: str) -> bool:
    """A metadata block copied from a page with each label and value on lines of their own
    (``From:`` / ``Department for Education`` / ``Published`` / ``6 May 2025``): a few short
    lines, the first a label alone; or each line a label and its value (``Published: 3 March
    2025`` / ``Last updated: 4 March 2025``, Welsh ``Cyhoeddwyd gyntaf: …``, NHS pages'
    ``Page last reviewed: …`` / ``Next review due: …``)."""
    first = s[: s.find("\n")] if "\n" in s else s
    alone = first.strip(" \t\xa0*:").casefold() in _metadata_label_set()
    if not alone and not _opens_with_label(first.strip(" \t\xa0*")):
        return False  # (most paragraphs)
    lines = s.split("\n")
    if len(lines) > _MAX_LABEL_BLOCK_LINES:
        return False
    if alone:
        return all(len(ln) <= _MAX_LABEL_LINE and ln.rstrip()[-1:] not in ".," for ln in lines)
    return all(
        len(ln) <= _MAX_LABEL_LINE and _opens_with_label(ln.strip(" \t\xa0*")) for ln in lines
    )


_MAX_LABEL_LINE: Final = 80


def _covered_by_date(s: str, start: int, dates: _Index, *, whole: bool = False) -> bool:
    end = start + len(s)
    inside = [d for d in dates.starting_in(start, end) if d.end <= end]
    if not inside:
        return False
    if not whole:
        return True
    head, tail = inside[0].start - start, inside[-1].end - start
    # (a letter at either end rules out most paragraphs without copying them)
    if (head and not _PUNCT_SPACE.match(s, 0)) or (
        tail < len(s) and not _PUNCT_SPACE.match(s, len(s) - 1)
    ):
        return False
    return not _PUNCT_SPACE.sub("", s[:head] + s[tail:])


def _quote_paragraph(p: Span, quotes: _Index) -> int | None:
    """The first quotation in paragraph ``p`` when quotations cover at least half of it."""
    first, stop = quotes.overlapping(p.start, p.end)
    covered = 0
    for i in range(first, stop):
        covered += min(p.end, quotes.ends[i]) - max(p.start, quotes.starts[i])
        if covered * 2 >= p.end - p.start:
            return first
    return None


def classify_sections(
    text: str,
    paragraphs: Sequence[Span],
    scores: Sequence[Score],
    quotes: Sequence[Quote],
    dates: Sequence[DateMention],
) -> list[Section]:
    """Give every paragraph its section kind.

    Args:
        text: the release text.
        paragraphs: from :func:`split_paragraphs`, tables already carved out.
        scores: ratings rows; a paragraph holding them is a ``table``.
        quotes: quotations; paragraphs inside one (and its attribution line) are ``quote``.
        dates: date mentions; a paragraph that is only a date (a dateline) is ``metadata``.

    Returns:
        One Section per paragraph, in order. ``title`` and ``standfirst`` appear at most once.
    """
    kinds: list[str] = ["body"] * len(paragraphs)
    quote_of: list[int | None] = [None] * len(paragraphs)
    texts = [text[p.start : p.end] for p in paragraphs]
    bp = [p.tag == "boilerplate" for p in paragraphs]
    date_index, score_index, quote_index = _Index(dates), _Index(scores), _Index(quotes)

    for i, p in enumerate(paragraphs):
        if bp[i] or p.tag == "metadata" or _is_metadata(texts[i], p.start, date_index):
            kinds[i] = "metadata"
        elif p.tag == "table" or score_index.any_in(p.start, p.end):
            kinds[i] = "table" if score_index.any_in(p.start, p.end) else "body"
        else:
            q = _quote_paragraph(p, quote_index)
            if q is not None:
                kinds[i], quote_of[i] = "quote", q
    # Attribution lines ("Name, Role, said:") belong to the quotation that follows them.
    for i in range(len(paragraphs) - 1):
        nxt = quote_of[i + 1]
        if (
            kinds[i] == "body"
            and nxt is not None
            and ends_with_speech(texts[i])
            and quote_index.items[nxt].start >= paragraphs[i + 1].start
        ):
            kinds[i], quote_of[i] = "quote", nxt
    # Headings inside a quotation (between its paragraphs) are headings, not quoted words.
    for i in range(len(paragraphs)):
        if kinds[i] == "body" and (
            _looks_like_heading(texts[i]) or _is_background_heading(texts[i])
        ):
            kinds[i] = "heading"

    title_i = _title_index(text, paragraphs, kinds, texts, bp)
    if title_i is not None:
        kinds[title_i] = "title"
        j = _past_headline(title_i, kinds, texts)
        if (
            j < len(paragraphs)
            and kinds[j] in ("body", "heading")
            and paragraphs[title_i].tag != "title"
            # (a lede is longer than the headline: its title_text is not looked for)
            and len(texts[j]) <= len(texts[title_i])
            and title_text(texts[j]).casefold() == title_text(texts[title_i]).casefold()
        ):
            # the headline twice (a crumb or the browser tab's title over the page's h1): the
            # second is the page's, unless it is the first with every word capitalised (a
            # site's style over a copy of the h1: the first is as written)
            if _is_capitalised_copy(texts[j], texts[title_i]):
                kinds[j] = "metadata"
            else:
                kinds[title_i], kinds[j] = "metadata", "title"
            j = _past_headline(j, kinds, texts)
        if (
            j < len(paragraphs)
            and kinds[j] in ("body", "heading")
            and paragraphs[title_i].tag != "title"
            and _is_translated_headline(texts[title_i], texts[j])
        ):
            # a bilingual page's headline in Welsh and in English: the English one is the
            # title (the release's words are read in English), the Welsh one metadata
            if _is_welsh(texts[title_i]):
                kinds[title_i], kinds[j] = "metadata", "title"
            else:
                kinds[j] = "metadata"
            j = _past_headline(j, kinds, texts)
        if j < len(paragraphs) and kinds[j] in ("body", "heading") and _is_standfirst(texts[j]):
            kinds[j] = "standfirst"
            # the byline and dateline under the standfirst (local papers: headline, standfirst,
            # "By Ann Lee" / "Tuesday, 11th March 2025, 3:15 pm", the body)
            _past_headline(j, kinds, texts)
    _mark_background(kinds, texts)
    return [  # (kind, text, start, end, quote_index, boilerplate)
        Section(kinds[i], texts[i], p.start, p.end, quote_of[i], bp[i])
        for i, p in enumerate(paragraphs)
    ]


def _is_capitalised_copy(copy: str, headline: str) -> bool:
    """Whether ``copy`` is ``headline`` (the same words, folded) with every word capitalised
    (``Police Appeal To Public After Kelby Disorder`` under ``Police appeal to public after
    Kelby disorder``, in sentence case: a word other than ``title_case_small_words`` in lower
    case): a site's style, not the headline as written. A headline in Title Case (``Police
    Appeal to Public``), or a copy in capitals, gives the second, as any headline copied
    twice does."""
    if copy.isupper():
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() for w in copy.split()) and any(
        w[:1].islower() and w not in _small_words() for w in headline.split()
    )


def _is_doubled_caption(s: str) -> bool:
    """An image's caption copied twice, its last two lines the same (the image's text and
    its caption, perhaps under the image's description: ``View of the bridge.`` / ``The
    bridge was repaired in 2024. © Kelby Archive`` twice): metadata, over the headline or
    right under it (looked for there only: in the body it stays as it is). Three words or
    more; a line ending with a comma over them is a sentence the caption interrupts (left as
    it is)."""
    last = s.rfind("\n")
    if last < 0:
        return False  # (most paragraphs)
    prev = s.rfind("\n", 0, last)
    if prev > s.find("\n"):
        return False  # more than three lines
    line = s[last + 1 :].strip()
    if line != s[prev + 1 : last].strip() or len(line.split()) < _MIN_CAPTION_WORDS:
        return False
    return prev < 0 or s[:prev].rstrip()[-1:] not in ",;:"


_MIN_CAPTION_WORDS: Final = 3
_MIN_WELSH_WORDS: Final = 2


@cache
def _welsh_words() -> frozenset[str]:
    return frozenset(_vocab()["welsh_words"])


def _is_welsh(s: str) -> bool:
    """A line in Welsh: two words or more of ``welsh_words`` (``Cyngor yn lansio cynllun``;
    an English headline naming a Welsh school holds one: ``Ysgol Bryn opens new hall``)."""
    words = s.casefold().replace("’", "'").split()
    return sum(1 for w in words if w.strip(_WORD_PUNCT) in _welsh_words()) >= _MIN_WELSH_WORDS


def _is_translated_headline(headline: str, line: str) -> bool:
    """Whether ``line`` under the headline is the headline in the other language of a
    bilingual page: both read as headlines, one of them Welsh and the other not."""
    return (
        line[-1] not in ".;:,"  # (a lede, as most lines under a headline are)
        and "\n" not in line
        and _looks_like_title(line)
        and _is_welsh(headline) != _is_welsh(line)
    )


def _past_headline(i: int, kinds: list[str], texts: list[str]) -> int:
    """The first paragraph after the headline ``i`` past its dateline and labels (metadata),
    a byline (``By Kelby Police``) and a topic tag over the prose (``in News``, or under the
    dateline ``Enforcement operations``: _is_topic_tag), which are metadata too."""
    j = i + 1
    while j < len(kinds) and (
        kinds[j] == "metadata"
        or (
            kinds[j] in ("body", "heading")
            and (
                _is_byline(texts[j])
                or _is_topic_tag(j, i, kinds, texts)
                or _is_tail_block(texts[j])
                or _is_source_post_or_caption(texts[j])
            )
        )
    ):
        kinds[j] = "metadata"
        j += 1
    return j


_MAX_TAG_WORDS: Final = 3
_SOURCE_LINE: Final = re.compile(
    r"(?:the[ \t]+)?(?:press|news|media)[ \t]+(?:release|notice|statement)[ \t]+"
    r"(?:(?:issued|published|sent|circulated)[ \t]+)?(?:by|from)[ \t]+",
    re.I,
)
_MAX_SOURCE_LINE_WORDS: Final = 16


def _is_source_post_or_caption(s: str) -> bool:
    """Under the headline: the sentence naming the release's source, the writer's post
    alone, or an image's caption copied twice (metadata, as a byline is)."""
    if "\n" in s:
        return _is_doubled_caption(s)
    if len(s) > _MAX_CAPTION:
        return False  # (most ledes)
    return _is_source_line(s) or _is_post_line(s)


def _is_source_line(s: str) -> bool:
    """The sentence naming the source of a release a site gathered or passed on, under its
    headline (``The press release issued by the Department for Transport on 17 March
    2025.``, ``Press release from the Kelby Ambulance Service NHS Trust.``): one line, the
    source's name capitalised, no headline verb, nothing after a colon. Metadata, not the
    standfirst. (``Press release from the council said …`` is a sentence.)"""
    if s[:1] not in "TtPpNnMm" or not ("ease " in s or "ice " in s or "ment " in s):
        return False  # (most paragraphs)
    if len(s) > _MAX_CAPTION or "\n" in s:
        return False
    m = _SOURCE_LINE.match(s)
    if m is None:
        return False
    rest = s[m.end() :]
    if rest[:4].casefold() == "the ":
        rest = rest[4:]
    return (
        rest[:1].isupper()
        and ":" not in rest
        and len(s.split()) <= _MAX_SOURCE_LINE_WORDS
        and not _has_headline_verb(rest)
        and not _has_sentence_break(s)
    )


@cache
def _post_words() -> frozenset[str]:
    return frozenset(_vocab()["post_words"])


_MAX_POST_WORDS: Final = 4


def _is_post_line(s: str) -> bool:
    """A writer's post alone under the headline, their name lost (``Home Affairs
    Correspondent``, ``Political Editor``): up to four capitalised words, the last a word of
    ``post_words``, no stop: the byline, metadata."""
    if s[s.rfind(" ") + 1 :].casefold() not in _post_words():
        return False  # (most paragraphs)
    words = s.split()
    return len(words) <= _MAX_POST_WORDS and all(
        w[:1].isupper() or w in ("of", "and", "&") for w in words
    )


@cache
def _tag_leads() -> frozenset[str]:
    return frozenset(_vocab()["tag_leads"])


def _is_topic_tag(j: int, title: int, kinds: list[str], texts: list[str]) -> bool:
    """Paragraph ``j`` under the headline ``title`` tags the page's topic over its prose: a
    line of up to three words with no stop, digit or headline verb, under the dateline
    (``Date published: 28 December 2024`` / ``Enforcement operations``) or opening with a
    words of ``tag_leads`` (``in News``, ``Filed under Fire safety``); the paragraph after it
    is prose. (A heading right under the headline is the body's: ``Key points``.)"""
    s = texts[j]
    words = s.split()
    lead = 0
    while lead < len(words) - 1 and words[lead].casefold() in _tag_leads():
        lead += 1
    if not 0 < len(words) - lead <= _MAX_TAG_WORDS or s[-1] in _TERMINAL or "\n" in s:
        return False
    if any(c.isdigit() for c in s) or _has_headline_verb(s) or _is_background_heading(s):
        return False
    led = lead > 0 and words[lead][:1].isupper()
    if not (led or (j > title + 1 and kinds[j - 1] == "metadata")):
        return False
    after = texts[j + 1] if j + 1 < len(texts) else ""
    return after[-1:] in '.!?”"' and after.count(" ") >= _MIN_PROSE_WORDS - 1


def _title_index(
    text: str, paragraphs: Sequence[Span], kinds: list[str], texts: list[str], bp: list[bool]
) -> int | None:
    """The headline: an HTML page's ``h1``; in text, the first paragraph after the site
    furniture, labels and datelines (all ``metadata`` by now) when it reads as a headline.
    A line ending with a full stop is a headline only when short, one sentence and followed
    by its dateline (``Man charged after burglaries in Fenwick.`` / ``Published: 9 May``),
    perhaps past share links, or right under the site's menus with no blank line between; a
    release that opens with its lede has none.

    On the way, the site's furniture that only its place over the headline shows is marked
    so (``metadata`` in ``kinds``, True in ``bp``): cookie notices, links and contact lines
    (_is_opening_furniture), an alert banner over the headline (_banner_end), and what
    stands above a skip link and does not read as a headline (_skip_link_follows); under a
    heading of ``related_headings`` (``Related links``), the lines that read as headlines
    over one more are the links' titles."""
    reader = False  # a web page's blocks
    for i, p in enumerate(paragraphs):
        if p.tag == "title":
            return i
        reader = reader or p.tag in _READER_BLOCKS
    if reader:
        return None  # a web page without an h1: no headline
    related = False  # under a "Related links" heading, whose links' titles read as headlines
    for i, k in enumerate(kinds):
        if k == "metadata" or _NO_LETTER.match(texts[i]):
            related = bp[i] and texts[i][:_MAX_DATE_LINE].casefold().startswith(_related_headings())
            continue  # furniture, datelines, an incident log's number ("81422"), a banner
        text_like = k in ("body", "heading")
        end: int | None = None  # past the furniture that opens at i
        if text_like and _is_opening_furniture(texts[i]):
            end = i + 1  # "Accept cookies", "For the latest news please follow this link."
        elif _is_site_name(i, kinds, texts) or (k == "body" and _is_menu(texts[i])):
            continue
        elif _is_menu_item(i, kinds, texts):
            continue  # "Residents" / "Business" / "Our council" / "New play park opens"
        elif text_like and not texts[i][:1].isalpha() and _is_bulleted_copy(i, texts):
            end = i + 1  # "Tag: Natural England" / "• Headline" / "Headline": a listing's link
        elif text_like and "\n" in texts[i] and _is_doubled_caption(texts[i]):
            end = i + 1  # an image's text and caption over the headline
        elif (
            i > 0
            and _is_home(texts[i - 1])
            and _is_crumb_after_home(texts[i])
            and _next_reads_as_title(i, kinds, texts)
        ):
            continue  # "Home" / "Crime, justice and the law" / "New powers to ..."
        elif text_like and (
            _looks_like_title(texts[i])
            or (
                (_dateline_follows(i, paragraphs, kinds) or _right_under_menus(text, i, paragraphs))
                and _looks_like_title(texts[i], stop=True)
            )
        ):
            if related and _next_is_title(i, kinds, texts):
                end = i + 1  # "Related links" / "Water bills" / "Ashby reservoir reopens" / …
            else:
                end = _banner_end(i, paragraphs, kinds, texts)
                if end is None and _is_slogan_over_notice(i, paragraphs, kinds, texts):
                    end = i + 1  # "Proud to serve Kelby" / "We use cookies ..." / the headline
                if end is None:
                    return i
        elif k == "quote" and _is_quoting_headline(texts[i]):
            return i
        elif k == "body" and "\n" in texts[i] and _looks_like_title(texts[i].partition("\n")[0]):
            end = _banner_end(i, paragraphs, kinds, texts)  # (heading and prose in one block)
        if end is None and text_like and _skip_link_follows(i, bp, texts):
            end = i + 1  # "Launch reading tools" / "Skip to content" / the headline
        if end is None:
            return None
        for b in range(i, end):  # (the paragraphs after them are walked on)
            kinds[b], bp[b] = "metadata", True
    return None


def _is_bulleted_copy(i: int, texts: list[str]) -> bool:
    """Whether paragraph ``i`` is a list's item with a bullet whose words the next paragraph
    repeats without it: an archive page's link to the release over the release itself, as
    sites gathering releases copy it (``Tag: Environment Agency`` / ``• New flood plan for
    Kelby`` / ``New flood plan for Kelby`` / the source sentence / the lede)."""
    s = texts[i]
    if i + 1 == len(texts) or s.lstrip()[:1].isalpha() or "\n" in s:
        return False  # (a bullet is no letter)
    m = _BULLET.match(s)
    return m is not None and s[m.end() :].strip() == texts[i + 1].strip()


def _is_slogan_over_notice(
    i: int, paragraphs: Sequence[Span], kinds: list[str], texts: list[str]
) -> bool:
    """Whether paragraph ``i``, which reads as a headline, is the site's slogan over its
    cookie notice (``Working together for a safer Kelby`` / ``We use cookies ...`` /
    ``Accept``): it has no headline verb, a cookie notice stands right under it, and past the
    notice and the furniture under it comes a headline with a verb or its dateline, over
    the page's dateline or prose. (A headline copied over the notice has its prose under
    the notice: ``Council approves budget`` / ``We use cookies ...`` / the lede.)"""
    n = len(kinds)
    if i + 1 == n or not _is_cookie_notice(texts[i + 1]) or _has_headline_verb(texts[i]):
        return False
    j = i + 2
    while j < n and (
        kinds[j] == "metadata" or _is_cookie_notice(texts[j]) or _is_cookie_button(texts[j])
    ):
        j += 1
    return (
        j + 1 < n
        and kinds[j] in ("body", "heading")
        and _looks_like_title(texts[j])
        and (_has_headline_verb(texts[j]) or _dateline_follows(j, paragraphs, kinds))
        and (_dateline_follows(j, paragraphs, kinds) or _opens_page_body(texts[j + 1]))
    )


def _is_cookie_notice(s: str) -> bool:
    """A paragraph at least half of whose lines are a cookie notice's (_is_cookie_line)."""
    if "ookie" not in s and "OOKIE" not in s:
        return False  # (most paragraphs)
    lines = s.split("\n")
    return sum(1 for ln in lines if _is_cookie_line(ln)) * 2 >= len(lines)


def _next_is_title(i: int, kinds: list[str], texts: list[str]) -> bool:
    """Whether the paragraph right after ``i`` reads as a headline."""
    return (
        i + 1 < len(kinds)
        and kinds[i + 1] in ("body", "heading")
        and _looks_like_title(texts[i + 1])
    )


_MAX_BANNER_PROSE: Final = 2
_MIN_BANNER_FURNITURE: Final = 2


def _banner_end(
    i: int, paragraphs: Sequence[Span], kinds: list[str], texts: list[str]
) -> int | None:
    """The paragraph after an alert banner headed by paragraph ``i`` (an NHS trust's strike
    or visiting notice over the page: ``Visiting during industrial action`` / a paragraph or
    two of prose / ``Read more``), or None: one or two paragraphs of prose, the last closed
    by a link (at its end, or on a line of its own: ``Read more``, ``Find out more``), and,
    past the furniture under it, a line that reads as a headline with its dateline under it
    (or with more furniture than the link over it). A lede's own ``Find out more`` is
    followed by the body, not by a headline. The banner's heading and prose may be one
    block (``i`` holds them, its first line reading as a headline)."""
    n = len(kinds)
    if "\n" in texts[i]:
        j, linked = i + 1, _ends_with_link(texts[i])
    else:
        j, linked = _linked_prose(i + 1, paragraphs, kinds, texts)
        if j == i + 1:
            return None
    furniture = 0
    while j < n and paragraphs[j].tag == "boilerplate":
        linked = linked or _ends_with_link(texts[j])
        furniture += 1
        j += 1
    if not linked or j == n or kinds[j] not in ("body", "heading"):
        return None
    if not _looks_like_title(texts[j]):
        return None
    if furniture < _MIN_BANNER_FURNITURE and not _dateline_follows(j, paragraphs, kinds):
        return None
    if _is_listed_item(j, paragraphs, kinds, texts):
        return None  # a news listing: headline, lede, "Read more", the next headline, ...
    return j


def _linked_prose(
    start: int, paragraphs: Sequence[Span], kinds: list[str], texts: list[str]
) -> tuple[int, bool]:
    """Past the prose from paragraph ``start`` (one or two paragraphs, up to the first that a
    link closes): the paragraph after it, and whether a link closes it, at its end or on a
    line of its own under it (``Read more``)."""
    j, linked = start, False
    while (
        j < len(kinds)
        and j - start < _MAX_BANNER_PROSE
        and not linked
        and kinds[j] in ("body", "heading")
    ):
        linked = _ends_with_link(texts[j])
        j += 1
    if j > start and not linked and j < len(kinds) and paragraphs[j].tag == "boilerplate":
        linked = _ends_with_link(texts[j])
    return j, linked


def _is_listed_item(j: int, paragraphs: Sequence[Span], kinds: list[str], texts: list[str]) -> bool:
    """Whether the headline ``j`` under what looked like an alert banner is the next item of a
    news listing: under it (and its dateline), a lede closed by a link, as the item above it
    had (``Library hours to change`` / ``2 March 2025`` / ``Hours will change ...`` / ``Read
    more``). A page's own headline has its prose under it."""
    k = j + 1
    while k < len(kinds) and kinds[k] == "metadata" and paragraphs[k].tag != "boilerplate":
        k += 1
    end, linked = _linked_prose(k, paragraphs, kinds, texts)
    return end > k and linked


def _skip_link_follows(i: int, bp: list[bool], texts: list[str]) -> bool:
    """Whether a skip link (``Skip to main content``: ``skip_links``) is among the site's
    furniture under paragraph ``i``, within _MAX_MENU_RUN paragraphs: what stands above it
    (an accessibility toolbar, a note that the browser is not supported) is furniture."""
    for j in range(i + 1, min(len(texts), i + 1 + _MAX_MENU_RUN)):
        if bp[j] and texts[j][:_MAX_DATE_LINE].casefold().startswith(_skip_links()):
            return True
    return False


def _is_opening_furniture(s: str) -> bool:
    """A paragraph over the headline at least half of whose lines are a cookie notice or its
    buttons (_is_cookie_line), a link (_is_link_line: ``For the latest news please follow
    this link.``) or a press office's contact line (``Tel: 01632 960123``)."""
    lines = s.split("\n")
    hits = sum(
        1
        for ln in lines
        if _is_cookie_line(ln) or _is_link_line(ln) or _is_contact_line(ln) or _is_logo_line(ln)
    )
    return hits * 2 >= len(lines)


_MAX_COOKIE_BUTTON_WORDS: Final = 4
_WORD_PUNCT: Final = '.,:;!?()[]"“”'
_APOSTROPHES: Final = str.maketrans("’", "'")


@cache
def _cookie_buttons() -> frozenset[str]:
    return frozenset(_vocab()["cookie_buttons"])


@cache
def _reader_words() -> frozenset[str]:
    return frozenset(_vocab()["reader_words"])


def _is_cookie_line(line: str) -> bool:
    """A cookie notice's line: a button of up to four words (``Accept cookies``, ``Cookie
    settings``: a word of ``cookie_buttons``) or sentences speaking to the reader (``This
    website uses cookies to improve your experience. … Accept Read More``: a stop and a word
    of ``reader_words``). A headline about cookies has neither (``Regulator warns firms over
    cookie banners``)."""
    if "ookie" not in line and "OOKIE" not in line:
        return False  # (most lines)
    if _is_cookie_button(line):
        return True
    words = [w.strip(_WORD_PUNCT).casefold() for w in line.split()]
    return (
        len(words) > _MAX_COOKIE_BUTTON_WORDS
        and "." in line
        and any(w.translate(_APOSTROPHES).partition("'")[0] in _reader_words() for w in words)
    )


def _is_cookie_button(line: str) -> bool:
    """A cookie notice's button: up to four words, one of them of ``cookie_buttons``
    (``Accept cookies``, ``Reject``: under a notice, where the word alone is a button)."""
    words = [w.strip(_WORD_PUNCT).casefold() for w in line.split()]
    return len(words) <= _MAX_COOKIE_BUTTON_WORDS and any(w in _cookie_buttons() for w in words)


_LINK_TAIL: Final = 40
_LINK_MARKS: Final = " \t\xa0.>›»→"


@cache
def _link_endings() -> tuple[str, ...]:
    return tuple(_vocab()["link_endings"])


def _ends_with_link(s: str) -> bool:
    """Whether ``s`` ends with a link's words (``… click here.``, ``… Read more``, ``… here
    >``: ``link_endings``), a whole word."""
    tail = s[-_LINK_TAIL:].rstrip(_LINK_MARKS).casefold()
    for ending in _link_endings():
        if tail.endswith(ending):
            before = len(tail) - len(ending) - 1
            return before < 0 or not tail[before].isalnum()
    return False


def _is_link_line(line: str) -> bool:
    """A line that is a link (``Find out more``) or a short sentence ending with one (``For
    the latest news please follow this link.``): up to fifteen words."""
    return _ends_with_link(line) and len(line.split()) <= _MAX_STOPPED_TITLE_WORDS


@cache
def _contact_labels() -> frozenset[str]:
    return frozenset(_vocab()["contact_labels"])


def _is_contact_line(line: str) -> bool:
    """A press office's contact line: a label of ``contact_labels`` and its value (``Tel:
    01632 960123``, ``Email: press@…``)."""
    label, colon, value = line.partition(":")
    if colon:
        return label.strip(" \t\xa0*").casefold() in _contact_labels() and bool(value.strip())
    line = line.strip(" \t\xa0")
    if "@" in line:  # an address alone: "press@kelby.gov.uk"
        return _EMAIL.fullmatch(line) is not None
    # a number alone: "0131 625 1652", "+44 (0)1632 960123"
    return (
        line[:1] in "0+("
        and not line.strip(_PHONE_CHARS)
        and sum(c.isdigit() for c in line) >= _MIN_PHONE_DIGITS
    )


_EMAIL: Final = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_PHONE_CHARS: Final = "0123456789 +()-\xa0"
_MIN_PHONE_DIGITS: Final = 10
_MAX_LOGO_WORDS: Final = 8


@cache
def _logo_words() -> frozenset[str]:
    return frozenset(_vocab()["logo_words"])


def _is_logo_line(line: str) -> bool:
    """A logo's text copied over the headline (``Kelby Council logo``): a body's name (its
    words capitalised but small ones) and one of ``logo_words``, no headline verb (``Council
    unveils new logo``, ``Pupils design school crest``)."""
    end = line.rstrip(_WORD_PUNCT + " \t\xa0")
    if end[end.rfind(" ") + 1 :].casefold() not in _logo_words():
        return False  # (most lines: the last word looked at, no list of words made)
    words = line.split()
    return (
        len(words) <= _MAX_LOGO_WORDS
        and all(w[:1].isupper() or w in _small_words() for w in words[:-1])
        and not _has_headline_verb(line)
    )


_MAX_SITE_NAME_WORDS = 6
_MENU_MIN_LINES = 3


def _dateline_follows(i: int, paragraphs: Sequence[Span], kinds: list[str]) -> bool:
    """Whether paragraph ``i`` has its dateline under it, perhaps after share links or other
    furniture (``Man charged after burglaries in Fenwick.`` / ``Share this page`` /
    ``Published: 3 May 2024``)."""
    j = i + 1
    while j < len(kinds) and paragraphs[j].tag == "boilerplate":
        j += 1
    return j < len(kinds) and kinds[j] == "metadata" and not paragraphs[j].tag


def _right_under_menus(text: str, i: int, paragraphs: Sequence[Span]) -> bool:
    """Whether paragraph ``i`` is the line right under the site's menus, with no blank line
    between and a blank line after it, where a page copied from a browser has its headline
    (``Home`` / ``News`` / ``Man charged after burglaries in Fenwick.``): its lede would come
    after a blank line. (In a text with no blank lines this says nothing.)"""
    if i == 0 or i + 1 >= len(paragraphs) or paragraphs[i - 1].tag != "boilerplate":
        return False
    gap = text[paragraphs[i - 1].end : paragraphs[i].start]
    after = text[paragraphs[i].end : paragraphs[i + 1].start]
    return gap.count("\n") == 1 and not gap.strip(_BLANKS + "\n") and after.count("\n") >= 2


def _is_menu(s: str) -> bool:
    """The site's menu items copied one a line with none of them known furniture (``Kelby
    Borough Council`` / ``Bins and recycling`` / ``Council tax``): three lines or more, each a
    few words with no sentence stop. Passed over on the way to the headline."""
    lines = s.split("\n")
    return len(lines) >= _MENU_MIN_LINES and all(_is_menu_line(ln) for ln in lines)


def _is_menu_item(i: int, kinds: list[str], texts: list[str]) -> bool:
    """A menu item copied as a paragraph of its own, above the headline: a few words that do
    not read as a headline (``Residents``, ``Our council``, ``Bins and recycling``), in a run
    of two such paragraphs or more, or one word alone under the site's furniture (``Skip to
    main content`` / ``Services``), with a paragraph that reads as a headline under the run
    (or the run's last item over its dateline: ``Jobs`` / ``Budget 2025`` / ``Published: …``).
    (A short headline alone over a line with no stop, ``Budget 2025`` / ``Council sets out
    its plans``, is no run, nor is one over a short heading and its prose, ``Budget 2025`` /
    ``Key points`` / ``The council …``: no headline follows them. A run longer than
    _MAX_MENU_RUN paragraphs is menus whatever follows it.)"""
    if not _is_short_item(i, kinds, texts):
        return False
    j = i + 1
    while j < len(kinds) and j - i <= _MAX_MENU_RUN and _is_short_item(j, kinds, texts):
        j += 1
    if j - i > _MAX_MENU_RUN:
        return True
    if j == len(kinds):
        return False
    if kinds[j] in ("body", "heading") and _looks_like_title(texts[j]):
        head = j
    elif kinds[j] == "metadata" and j - 1 > i:
        head = j - 1  # the run's last item is a short headline over its dateline
    else:
        return _is_lone_menu_item(i, kinds, texts)
    if _is_label_line(texts[head]):
        return False  # ("Fire In Open" / "Kelby Vale" / "Station ground: Ashby" / dateline)
    if head > i + 1 or (i > 0 and _is_short_item(i - 1, kinds, texts)):
        return True
    return _is_lone_menu_item(i, kinds, texts)


def _is_lone_menu_item(i: int, kinds: list[str], texts: list[str]) -> bool:
    """A menu item alone under the site's furniture (one word, ``Services``, or a menu
    item's phrase, ``Our council``) with a line that reads as a headline under it, perhaps
    past more furniture (``Skip to main content`` / ``Your council`` / ``Home`` / ``News`` /
    the headline)."""
    return (
        i > 0
        and kinds[i - 1] == "metadata"
        and (texts[i].isalpha() or _is_menu_phrase(texts[i]))
        and _next_reads_as_title(i, kinds, texts)
    )


_MAX_MENU_RUN: Final = 24
_MAX_LABEL_WORDS: Final = 2


def _is_label_line(s: str) -> bool:
    """A label and its value on one line, a colon after the label's first or second word
    (``Station ground: Ashby``, ``Incident: RTC``, as fire services' incident logs list them
    over their dateline): a run of short lines over one is no run of menu items over a
    headline (the first line, ``Fire In Open``, is the log's headline)."""
    words = s.split(maxsplit=_MAX_LABEL_WORDS)
    return any(w.endswith(":") for w in words[:_MAX_LABEL_WORDS]) and not words[-1].endswith(":")


@cache
def _menu_openers() -> frozenset[str]:
    return frozenset(_vocab()["menu_openers"])


@cache
def _menu_words() -> frozenset[str]:
    return frozenset(_vocab()["menu_words"]) | _small_words()


def _is_menu_phrase(s: str) -> bool:
    """A menu item of two or three words by its shape: opening with a word of
    ``menu_openers`` (``Our council``, ``Your services``, ``About the trust``), made of
    ``menu_words`` (``Council services``), or two topics joined (``Appeals and alerts``); no
    digit (``Budget 2025``) nor, but in two topics joined, a headline verb. A short headline
    names a place, a person or an event (``Storm Bella``, ``Ashby bypass``)."""
    words = s.casefold().split()
    if not 1 < len(words) < _HEADLINE_MIN_WORDS or any(c.isdigit() for c in s):
        return False
    if _is_topic_pair(words):
        return True
    return not _has_headline_verb(s) and (
        words[0] in _menu_openers() or all(w in _menu_words() for w in words)
    )


def _is_topic_pair(words: Sequence[str]) -> bool:
    """Two topics joined (``Appeals and alerts``, ``news & events``), words folded: a menu
    item even when one is a verb's form (``appeals``)."""
    return len(words) == 3 and words[1] in ("and", "&")


def _is_short_item(i: int, kinds: list[str], texts: list[str]) -> bool:
    """Paragraph ``i`` is a menu line that does not read as a headline: under four words or
    naming topics, no headline verb, not a public body's name."""
    s = texts[i]
    if kinds[i] not in ("body", "heading") or not _single_line(s) or not _is_menu_line(s):
        return False
    if is_body_name(s):
        return False
    if _has_headline_verb(s):
        return _is_topic_pair(s.casefold().split())  # ("Appeals and alerts")
    return len(s.split()) < _HEADLINE_MIN_WORDS or "," in s or _joins_topics(s)


def _is_site_name(i: int, kinds: list[str], texts: list[str]) -> bool:
    """The site's name above its headline: an aggregator's name on the line above its page
    tools, which open with a bar (``Kilbride News Wire`` / ``|Printable version``), or a body's
    name in Title Case ending with a word of ``site_name_words`` (``Kelby Borough Council``,
    ``Education Scotland``), which is never a headline: passed over to what follows it."""
    s = texts[i]
    if not _single_line(s) or len(s.split()) > _MAX_SITE_NAME_WORDS:
        return False
    if i + 1 < len(kinds) and kinds[i + 1] == "metadata" and texts[i + 1].lstrip().startswith("|"):
        return True
    return is_body_name(s) or (_is_masthead(s) and _next_reads_as_title(i, kinds, texts))


@cache
def _masthead_words() -> frozenset[str]:
    return frozenset(_vocab()["masthead_words"])


_MAX_MASTHEAD_WORDS: Final = 4


def _is_masthead(s: str) -> bool:
    """A newspaper's name (``Kelby Telegraph``, ``Ashby Evening Echo``): two to four
    capitalised words, the last a word of ``masthead_words``, no headline verb."""
    words = s.split()
    return (
        1 < len(words) <= _MAX_MASTHEAD_WORDS
        and words[-1].casefold() in _masthead_words()
        and all(w[0].isupper() for w in words)
        and not _has_headline_verb(s)
    )


def _next_reads_as_title(i: int, kinds: list[str], texts: list[str]) -> bool:
    """Whether the next paragraph of text after ``i``, past the site's furniture, reads as a
    headline."""
    j = i + 1
    while j < len(kinds) and kinds[j] == "metadata" and not _is_metadata_line(texts[j]):
        j += 1
    return j < len(kinds) and kinds[j] in ("body", "heading") and _looks_like_title(texts[j])


def _is_metadata_line(s: str) -> bool:
    """A dateline or label (not the site's furniture) on the way to a headline."""
    return _opens_with_label(s) or _is_date_line(s.partition("\n")[0])


@cache
def _site_name_words() -> frozenset[str]:
    return frozenset(_vocab()["site_name_words"])


@cache
def _site_name_joiners() -> frozenset[str]:
    return frozenset(_vocab()["site_name_joiners"])


def is_body_name(s: str) -> bool:
    """A public body's name: capitalised words (``and`` between) ending with a word of
    ``site_name_words``, or opening with one and holding the lower-case words of
    ``site_name_joiners`` (``Police Service of Northern Ireland``, ``Department for
    Education``), and no headline verb. Other small words make a headline (``Inspection of
    Kelby Police``)."""
    words = s.split()
    if not words:
        return False
    opens = words[0].casefold() in _site_name_words()
    joiners = _site_name_joiners() if opens else frozenset()
    return (
        (opens or words[-1].casefold() in _site_name_words())
        and all(w[0].isupper() or w in ("and", "&") or w in joiners for w in words)
        # a capitalised small word makes a Title Case headline ("Record Investment In Scotland")
        and not any(w[0].isupper() and w.casefold() in _small_words() - {"and"} for w in words)
        and not _has_headline_verb(s)
    )


@cache
def _title_label() -> Any:
    """A label before the headline on its line: a kind of page (``Press release: ``) or a
    section's name but the home crumb's (``News: ``, ``Latest news – ``), as a browser tab's
    title holds it."""
    vocab = _vocab()
    sections = set(vocab["section_names"]) - set(vocab["home_crumbs"])  # ("Home: …" is no label)
    words = sorted({*vocab["headline_labels"], *sections}, key=len, reverse=True)
    labels = "|".join(regex.escape(x) for x in words)
    return regex.compile(rf"(?i:{labels})\s*(?::|\s[–—-])\s+(?=\S)")


# The separator before a site's name at the end of a browser tab's title ("Headline | Kelby
# Borough Council", "Headline - GOV.UK").
_SITE_SEPARATOR: Final = regex.compile(r"\s+[|–—-]\s+")
_SITE_ADDRESS: Final = regex.compile(r"\p{L}+(?:\.\p{L}+)+")
_MAX_TITLE_PARTS: Final = 3


def _cut_site_names(s: str) -> str:
    """A headline line without the site's name and section names after a bar or a dash, as
    a text copy that opens with the browser tab's title has them (``Council approves budget
    | News | Kelby Borough Council``, ``New checks on colleges - GOV.UK``): a body's name
    (``site_name_words``), a site's address or a section's name at the end."""
    for _ in range(_MAX_TITLE_PARTS):
        separators = list(_SITE_SEPARATOR.finditer(s))
        if not separators or separators[-1].start() == 0:
            return s
        last = separators[-1]
        tail = s[last.end() :].strip()
        if not (
            is_body_name(tail)
            or _SITE_ADDRESS.fullmatch(tail)
            or tail.casefold() in _section_names()
        ):
            return s
        s = s[: last.start()]
    return s


@cache
def _section_names() -> frozenset[str]:
    return frozenset(_vocab()["section_names"])


@cache
def _title_tool_suffix() -> Any:
    tools = "|".join(regex.escape(x) for x in _vocab()["title_tool_suffixes"])
    return regex.compile(rf"\s+(?i:{tools})\s*$")


@cache
def _tool_ends() -> frozenset[str]:
    return frozenset(x[-1].lower() for x in _vocab()["title_tool_suffixes"])


def _may_end_with_tool(s: str) -> bool:
    """Whether ``s`` may end with a page tool's link (_title_tool_suffix), by its last letter
    when that is ASCII: the pattern's search tries every position of the headline."""
    last = s.rstrip()[-1:]
    return not last.isascii() or last.lower() in _tool_ends()


def headline_words(s: str) -> str:
    """A headline's words as written, on one line: without Markdown marks, a headline wrapped
    onto two lines joined (``Man charged after burglaries`` / ``in Fenwick``)."""
    s = headline_text(s)
    return headline_text(s.replace("\n", " ")) if "\n" in s else s


def title_text(s: str) -> str:
    """The headline's words from its section's text, on one line: without Markdown marks, an
    inline label (``Press release: …``, ``Press Notice – …``, ``News: …``), page-tool links at
    its end (``… PDF Print E-mail``) or the site's name after a bar or a dash (``… | Kelby
    Borough Council``): those are the page's furniture, not the headline."""
    s = headline_words(s)
    if (m := _title_label().match(s)) is not None:
        s = s[m.end() :]
    if (
        _may_end_with_tool(s)
        and (m := _title_tool_suffix().search(s)) is not None
        and m.start() > 0
    ):
        s = s[: m.start()]
    if " " in s and ("|" in s or "-" in s or "–" in s or "—" in s):
        s = _cut_site_names(s)
    if s[-1:] == "]":
        s = _cut_date_suffix(s)
    if "/" in s or "|" in s:
        s = _english_half(s)
    return s


_BILINGUAL_MARKS: Final = (" // ", " / ", " | ")


def _english_half(s: str) -> str:
    """Of a headline given in English and in Welsh on one line (``Changes to Ashby library //
    Newidiadau i lyfrgell Ashby``, either first), the English half: the title is read in
    English, as on a bilingual page with the two on lines of their own. Two halves neither
    or both Welsh stay whole (``Kelby / Ashby road closure``)."""
    for mark in _BILINGUAL_MARKS:
        if s.count(mark) == 1:
            first, second = (half.strip() for half in s.split(mark))
            if first and second and _is_welsh(first) != _is_welsh(second):
                return second if _is_welsh(first) else first
    return s


_MAX_DATE_SUFFIX: Final = 32


def _cut_date_suffix(s: str) -> str:
    """A headline without a date in brackets at its end, as sites that gather releases print
    it (``New bus station gets £2.5 million boost [March 2025]``, ``… [14/03/2025]``): the
    date is the dateline's, not the headline's words. Other brackets stay (``[video]``,
    ``[2 of 3]``, ``[Updated]``, a year's ``[2025/26]``)."""
    at = s.rfind("[")
    inner = s[at + 1 : -1]
    if at <= 0 or not s[at - 1].isspace() or len(inner) > _MAX_DATE_SUFFIX:
        return s
    words = inner.split()
    if not words or not _is_bare_date_line(words):
        return s
    # (a month's name or a whole date in figures: "[2025/26]" names a year's budget)
    if not any(w.strip(",.").casefold() in DATE_WORDS for w in words) and not (
        inner.count("/") == 2 or inner.count(".") == 2
    ):
        return s
    return s[:at].rstrip()


def _is_quoting_headline(s: str) -> bool:
    """A headline that quotes a phrase (``HMP X: “a dangerous prison”``): a title-like line
    that does not open with the mark and whose quoted words end with no sentence stop, as a
    quoted lede sentence (``“…,” said Name.``, ``… said: “It is good.”``) would."""
    s = s.strip()
    if len(s) > 160 or s[-1:] not in '”"' or s[-2:-1] in _TERMINAL or not _looks_like_title(s):
        return False
    opened = s.rfind("“") if s[-1] == "”" else s.rfind('"', 0, len(s) - 1)
    return opened > 0 and not ends_with_speech(s[:opened].rstrip())


def _is_standfirst(s: str) -> bool:
    s = s.strip()
    if not _single_line(s) or len(s) > 160 or s[-1] in ":;," or s[0] in _OPEN_MARKS:
        return False
    if s[-1] not in ".!?" and (
        is_body_name(s)
        or _is_place_line(s)
        or (len(s.split()) <= _MAX_TAG_WORDS and not _has_headline_verb(s))
    ):
        return False  # the site's name as a heading under the headline, a place, a heading
    # One sentence: no full stop followed by more words.
    return not _has_sentence_break(s)


_MAX_PLACE_WORDS: Final = 4


def _is_place_line(s: str) -> bool:
    """A place or a name under the headline (``Mill Lane, Ashby``, ``Kelby Vale``: an
    incident's location): up to four capitalised words with no headline verb, no standfirst."""
    words = s.split()
    return (
        len(words) <= _MAX_PLACE_WORDS
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and not _has_headline_verb(s)
    )


def _mark_background(kinds: list[str], texts: list[str]) -> None:
    in_background = False
    for i, k in enumerate(kinds):
        if k == "heading" and _is_background_heading(texts[i]):
            in_background = True
            continue
        if in_background and k == "body":
            kinds[i] = "background"
    found = [i for i, k in enumerate(kinds) if k in ("quote", "table")]
    if not found:
        return
    for i in range(found[-1] + 1, len(kinds)):
        if kinds[i] == "body":
            kinds[i] = "background"
