"""Ratings tables: criterion -> grade rows, in every layout the inspectorates publish.

Patterns use the standard library `re`: none needs Unicode properties, and `re` runs them
several times faster than `regex` (this module is on the hot path of every release).

Layouts: a header row then ``criterion score`` rows (one space, tabs, aligned spaces, pipes,
markdown), header-less runs of tab/aligned/pipe rows, dash lists (``X – ‘Good’;``), colon
lists, bulleted ``X. Good`` rows, headings that each give a grade (``## X: Good``, two or
more), grade-first bullets (``• is ‘good’ at X;``), grades under their criterion and HTML
tables (cells from the markup).
Grades come from the rating scales in ``data/scales.json``.

A tab, aligned, pipe or HTML row with several grade cells (one column per court, unit or
year) gives one item per grade cell, its criterion qualified by the column's header from the
line above the table (``Pre-charge decisions (Crown Court)``). Only rows whose grade cell is
preceded by other cells are split, so a two-cell row costs nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final, NamedTuple

from pipeline.model import Score, Span
from pipeline.normalize import collapse_space, last_of, offsets_of
from pipeline.vocab import load

_LQ: Final = "‘'\"“"
_RQ: Final = "’'\"”"
# A grade-first bullet may open its grade with a right single mark (``is ’good’ at X``): a
# word processor's smart quote typed where no word stood before it.
_BULLET_LQ: Final = _LQ + "’"
_MIN_STRONG_RUN: Final = 2  # tab, aligned, pipe or dash rows without a header
_MIN_WEAK_RUN: Final = 3  # single-space rows without a header
# Colon or dash rows that open a paragraph make a table without a blank line after them from
# this many: a list copied from a page whose next paragraph follows on the next line.
_MIN_OPEN_RUN: Final = 3
# How surely a line is a row, by what sets its grade apart: a cell boundary or a bullet is
# enough for two rows anywhere; a colon or a spaced dash (``Safe: Good``, ``Safe – Good``) for
# two rows that are a paragraph of their own; a single space only for three such rows.
_STRONG: Final = 2
_DELIMITED: Final = 1
_WEAK: Final = 0
_DASHES: Final = ("–", "—", "-")
_DASH_SEPARATORS: Final = tuple(" " + d for d in _DASHES)
_MAX_LABEL_WORDS: Final = 16
# Ofsted's children's homes judgement runs to 17 words (``Overall experiences and progress of
# children and young people, including how well they are helped and protected: good``): a
# label that a colon, a tab or a pipe sets apart may be this long.
_MAX_DELIMITED_LABEL_WORDS: Final = 24
_BULLETS: Final = ("•", "▪", "●", "◦", "‣", "*")
_BULLET_CHARS: Final = frozenset(
    (*_BULLETS, "-", "–")
)  # may open a line of a bare-grade bullet list
# A grade's rank written in the grade's own cell, as some inspectorates number their grades:
# before it in a pipe cell (``| 4 - Good |``, ``| Grade 4 - Good |``: _patterns), after it in
# a tab, pipe or aligned row (``Good 2`` in the grade's cell or ``Good<tab>2`` in a cell of its
# own: older Ofsted tables, where 1 is the best). The rank is neither criterion nor grade.
_RANK_AFTER: Final = r"(?:[ \xa0\t]+[1-6])?"  # no scale has more than six grades
# A footnote's mark after a grade (``Good*``, ``Good†``, ``Good¹``: a note under the table says
# what it marks): one mark, neither grade nor criterion.
_NOTES: Final = "*†‡¹²³⁴⁵⁶⁷⁸⁹"
_NOTE: Final = f"[{re.escape(_NOTES)}]?"


@dataclass(frozen=True, slots=True)
class Scale:
    name: str
    grades: dict[str, int]  # casefolded grade -> rank
    numbered: bool = False  # its body writes each grade's rank with it (``Grade 4 - Good``)


_Cell = tuple[int, int, str]  # a table cell: start and end in its line, its text stripped


class _Row:
    """A ratings row. A plain class, as the scan's state below: native under mypyc, so it is
    built and its fields read directly (a NamedTuple's fields take the generic attribute
    lookup at every read). Its attributes are Final: never changed."""

    def __init__(
        self,
        start: int,
        end: int,
        criterion: str,
        score: str,
        strength: int,
        kind: str = "",
        cells: tuple[_Cell, ...] = (),
        grades: tuple[tuple[int, str], ...] = (),
        header: tuple[_Cell, ...] = (),
        rank: int = 0,
    ) -> None:
        self.start: Final = start
        self.end: Final = end
        self.criterion: Final = criterion
        self.score: Final = score
        self.strength: Final = strength  # _STRONG, _DELIMITED or _WEAK
        # Rows with several grade cells only: the layout ("pipe", "tab", "aligned" or "html"),
        # the row's cells and (cell index, grade) for each grade cell, left to right.
        self.kind: Final = kind
        self.cells: Final = cells
        self.grades: Final = grades
        self.header: Final = header  # the header row's cells, if one was found
        # the rank written before the grade and left out of the criterion (``Quality of
        # staffing - Grade 4 - Good``, ``Quality of Environment 4 Good``), or 0: it tells the
        # scale (_grade_scale)
        self.rank: Final = rank

    def replaced(
        self,
        *,
        criterion: str | None = None,
        header: tuple[_Cell, ...] | None = None,
        rank: int | None = None,
    ) -> _Row:
        """The row with another criterion, the header row's cells or its rank."""
        return _Row(
            self.start,
            self.end,
            self.criterion if criterion is None else criterion,
            self.score,
            self.strength,
            self.kind,
            self.cells,
            self.grades,
            self.header if header is None else header,
            self.rank if rank is None else rank,
        )


@cache
def _scales() -> tuple[tuple[Scale, ...], dict[str, str]]:
    data = load("scales")
    scales = tuple(
        Scale(
            s["name"],
            {g.casefold(): r for g, r in s["grades"].items()},
            bool(s.get("numbered", False)),
        )
        for s in data["scales"]
    )
    aliases = {a.casefold(): g.casefold() for a, g in data.get("aliases", {}).items()}
    return scales, aliases


_RANK_REACH: Final = 80  # characters of a criterion's end a rank before its grade is sought in


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    scales, aliases = _scales()
    phrases = {g for s in scales for g in s.grades} | set(aliases)
    alt = "|".join(
        r"[ \xa0]+".join(re.escape(w) for w in p.split())
        for p in sorted(phrases, key=len, reverse=True)
    )
    grade = rf"(?P<grade>{alt})"
    # the first letters of the grades: tested before the long alternation, at each space
    grade_start = "(?=[{}])".format("".join(sorted({re.escape(p[0]) for p in phrases})))
    data = load("scales")
    labels = "|".join(re.escape(x) for x in sorted(data["header_labels"], key=len, reverse=True))
    values = "|".join(re.escape(x) for x in sorted(data["header_values"], key=len, reverse=True))
    flags = re.IGNORECASE
    sp = r"[ \xa0]"
    # what may stand between a bullet and its grade ("is"), between the grade and the
    # criterion ("at"), and after a row's ";" ("and")
    verbs = "|".join(map(re.escape, data["bullet_verbs"]))
    preps = "|".join(map(re.escape, data["bullet_prepositions"]))
    joiners = "|".join(map(re.escape, data["row_joiners"]))
    # A grade's rank before it, in the cell of the grade or after the criterion's separator:
    # after a rank word (``Grade 4 - Good``, ``Grade 4 Good``) or before a dash (``4 - Good``)
    ranked = rf"(?:{'|'.join(map(re.escape, data['rank_words']))}){sp}+\d{sp}*(?:[-–—=:]{sp}*)?"
    rank_cell = rf"(?:{ranked}|\d{sp}*[-–—=:]{sp}*)"
    # Linear time on any line: no two quantifiers may share a run of characters, or a line
    # that fails late tries every split of a long run of spaces, tabs or dashes between them.
    # So a criterion starts and ends with a non-space (``\S(?:…\S)?``) where white space is
    # on either side of it; white space either side of an optional mark is ``\s*(?:\|\s*)?``,
    # not ``\s*\|?\s*``; a cell between tab runs is one character or more (``[^\t]+\t+``).
    return {
        "header": re.compile(
            # Markdown bold (``| **Criteria** | **Score** |``) is markup, not words
            rf"^\s*(?:\|\s*)?\**(?:{labels})\**(?:\s*\|\s*|\s+)\**(?:{values})\**\s*(?:\|\s*)?$",
            flags,
        ),
        # a Markdown rule (``|---|:--:|``) or a grid table's border (``+-----+``, ``+=====+``)
        "md_rule": re.compile(
            r"^\s*(?:[|+]\s*)?:?(?:-{3,}|={3,}):?\s*(?:[|+]\s*:?(?:-{3,}|={3,}):?\s*)*(?:[|+]\s*)?$"
        ),
        "pipe": re.compile(
            # the first cell is the criterion, the last a grade (middle cells: see _grade_cells)
            rf"^\s*(?:\|\s*)?(?P<crit>[^|\s](?:[^|\t\n]*[^|\s])?)\s*(?P<mid>(?:\|[^|\n]*)*)\|\s*"
            rf"{rank_cell}?(?:\*\*)?[{_LQ}]?{grade}[{_RQ}]?(?:\*\*)?{_NOTE}{_RANK_AFTER}\s*(?:\|\s*)?$",
            flags,
        ),
        "tab": re.compile(
            rf"^\s*(?P<crit>[^\t\s](?:[^\t\n]*[^\t\s])?)\t+(?P<mid>(?:[^\t\n]+\t+)*)"
            rf"[{_LQ}]?{grade}[{_RQ}]?{_NOTE}{_RANK_AFTER}\s*$",
            flags,
        ),
        # A grade written with its rank before it (``How good is our setting?<tab>5 - Very
        # good``, as the Care Inspectorate's tables do; ``Quality of staffing: Grade 4 - Good``
        # on its older pages): the rank is not the criterion's. Only in a cell of its own (after
        # a tab, two spaces or a pipe), after the criterion's own separator (``Quality of
        # staffing - 5 - Very good``, ``Quality of staffing: 4 - Good``) or question mark
        # (``How good is our setting? 5 - Very good``), or after a rank word (``Grade 4``), so
        # ``Standard 3 – Good`` keeps its 3. Tried on the end of a row's raw criterion.
        "rank_before": re.compile(
            rf"(?:(?:^|\n|\t|{sp}{{2}}|{sp}?\||{sp}[-–—]|:|(?<=\?))[ \t\xa0]*"
            rf"{rank_cell}|{sp}+{ranked})$",
            flags,
        ),
        # the same at the start of an HTML cell (``5 - Very good``, ``Grade 4 - Good``)
        "cell_rank": re.compile(rf"{rank_cell}(?=\D)", flags),
        # a line that holds a grade and nothing else, maybe its rank before it (``5 - Very
        # good``, as the Care Inspectorate's pages give it under its key question), under its
        # criterion: _stacked_rows
        "stacked": re.compile(
            # from the line break before it: a literal first character, which re finds fast
            rf"\n(?P<line>[ \t]*(?:\*\*)?{rank_cell}?[{_LQ}]?{grade}[{_RQ}]?(?:\*\*)?{_NOTE}"
            rf"[ \t]*)(?=\n|$)",
            flags,
        ),
        # a cell of a row with several columns that holds a grade and nothing else
        "cell": re.compile(rf"\s*(?:\*\*)?[{_LQ}]?{grade}[{_RQ}]?(?:\*\*)?{_NOTE}\s*", flags),
        # "aligned" and "space" rows: what follows the criterion (see _split_row)
        "aligned": re.compile(
            rf"{sp}(?<=\S{sp}){sp}+[{_LQ}]?{grade}[{_RQ}]?{_NOTE}(?:{sp}+[1-6])?{sp}*$", flags
        ),
        "dash": re.compile(
            rf"^\s*(?:[•▪●*]\s*)?(?P<crit>\S(?:[^\n]*?\S)?)\s+[–—-]\s+[{_LQ}]{grade}[{_RQ}]{_NOTE}"
            rf"(?:\s*(?:;(?:\s*(?:{joiners}))?|\.|,))?\s*$",
            flags,
        ),
        "colon": re.compile(
            # the label may be bold, its colon inside the bold (``- **Safe:** Good``)
            rf"^\s*(?:[•▪●*-]\s*|\d{{1,2}}[.)]\s+)?(?P<crit>\S[^\n:]*?):(?:\*\*)?\s+"
            rf"[{_LQ}]?{grade}[{_RQ}]?{_NOTE}(?:\s*(?:;(?:\s*(?:{joiners}))?|\.))?\s*$",
            flags,
        ),
        # a criterion a full stop ends (``• Overall effectiveness. Good``, a list's item)
        "stop": re.compile(
            rf"^\s*(?:[•▪●*\-–]\s*)?(?P<crit>[^\s.](?:[^\n.]*[^\s.])?)\.{sp}+[{_LQ}]?{grade}[{_RQ}]?"
            rf"{_NOTE}\s*$",
            flags,
        ),
        "space": re.compile(rf"{sp}(?<=\S{sp}){grade_start}{grade}{_NOTE}{sp}*$", flags),
        # a rank then its grade, between spaces (``Quality of Environment 4 Good ...``)
        "ranked_grade": re.compile(
            rf"(?<!\S)([1-6])(?:{sp}+|{sp}*[-–—]{sp}*)(?P<grade>{alt})(?!\w)", flags
        ),
        # the grade first, then a spaced dash or a colon and the criterion (``Good – Quality
        # of education``): see _grade_first_row
        "grade_first": re.compile(
            rf"[ \t]*(?:[•▪●*\-–][ \t]*)?[{_LQ}]?{grade}[{_RQ}]?{_NOTE}(?:{sp}+[–—-]|:){sp}+"
            rf"(?P<crit>\S(?:[^\n]*\S)?)[ \t\xa0]*$",
            flags,
        ),
        # Grade-first bullets: "• is ‘good’ at X;", "- ‘requires improvement’ in X; and".
        "bullet": re.compile(
            # the grade in quotes, then at/in/for and the criterion; what may stand before
            # the grade is checked separately (_BULLET_LEAD)
            rf"[{_BULLET_LQ}]{grade}[{_RQ}][ \t]+(?:{preps})[ \t]+"
            rf"(?P<crit>[^;•▪●\n]*?[^;•▪●\s])[ \t]*(?=;|\.(?:\s|$)|\n|$|\s[•▪●])",
            flags | re.MULTILINE,
        ),
        # before a quoted grade: only a bullet and "is"/"are"
        "bullet_lead": re.compile(rf"[ \t]*(?:[•▪●◦‣*\-–][ \t]*)?(?:(?:{verbs})[ \t]+)?", flags),
        # The same with the grade unquoted ("• good at X;"): then only from a bullet that
        # opens its line, tried where _bare_bullet_matches finds one
        "bare_bullet": re.compile(
            rf"[{re.escape(''.join(sorted(_BULLET_CHARS)))}][ \t]*(?:(?:{verbs})[ \t]+)?"
            rf"{grade}[ \t]+(?:{preps})[ \t]+"
            rf"(?P<crit>[^;•▪●\n]*?[^;•▪●\s])[ \t]*(?=;|\.?[ \t]*(?:\n|$))",
            flags,
        ),
    }


class _LineWords:
    """The words that decide whether a line may be a row or a header, fetched once per text.
    A plain class (native under mypyc: its fields, read for every line, are read directly,
    not through the generic attribute lookup of a NamedTuple's)."""

    def __init__(
        self,
        joiners: tuple[str, ...],
        last: frozenset[str],
        header_first: frozenset[str],
        ends: frozenset[str],
        end_size: int,
        openings: frozenset[str],
        opening_size: int,
        alone_ends: frozenset[int],
        grades: frozenset[str],
        grade_tails: frozenset[str],
        firsts: frozenset[int],
    ) -> None:
        # " and", " or": may end a row after its grade ("X Good; and")
        self.joiners: Final = joiners
        self.last: Final = last  # last words of every grade: a row's line ends in one
        self.header_first: Final = header_first  # first words of every header label
        # last letters of those grade words and of the header values, this many (three, or
        # fewer for a shorter word)
        self.ends: Final = ends
        self.end_size: Final = end_size
        # first letters of every grade, this many (three, or fewer for a shorter first word)
        self.openings: Final = openings
        self.opening_size: Final = opening_size
        # the ASCII characters, by code, that may end a grade alone on its line: the last
        # letter of every grade in either case, and the _STACKED_MARKS
        self.alone_ends: Final = alone_ends
        self.grades: Final = grades  # every grade, its words joined by one space
        self.grade_tails: Final = grade_tails  # the last words of every grade (one or more)
        # the ASCII characters, by code, that may open a line that opens with a grade: the
        # first letter of every grade in either case, a bullet's, a quote's and white space
        self.firsts: Final = firsts


@cache
def _line_words() -> _LineWords:
    scales, aliases = _scales()
    data = load("scales")
    last = frozenset(g.split()[-1] for s in scales for g in s.grades) | frozenset(
        a.split()[-1] for a in aliases
    )
    words = (*last, *data["header_values"])
    size = min(3, *map(len, words))
    joiners = tuple(" " + j for j in data["row_joiners"])
    firsts = [g.split()[0] for s in scales for g in s.grades] + [a.split()[0] for a in aliases]
    opening = min(3, *map(len, firsts))
    grades = frozenset(" ".join(p.split()) for s in scales for p in (*s.grades, *aliases))
    last_letters = {w[-1] for w in last}
    initials = {w[0].lower() for w in firsts}
    return _LineWords(
        joiners,
        last,
        frozenset(x.split()[0] for x in data["header_labels"]),
        frozenset(w[-size:].lower() for w in (*words, *joiners)),
        size,
        frozenset(w[:opening] for w in firsts),
        opening,
        frozenset(
            i for i in range(128) if chr(i).lower() in last_letters or chr(i) in _STACKED_MARKS
        ),
        grades,
        frozenset(" ".join(g.split()[-k:]) for g in grades for k in range(1, len(g.split()) + 1)),
        frozenset(
            i for i in range(128) if chr(i).lower() in initials or chr(i) in _GRADE_FIRST_LEADS
        ),
    )


def _may_open_grade(s: str, words: _LineWords) -> bool:
    """Whether a grade may start at the start of ``s``: its first letters are a grade's (in
    any letter case). A non-ASCII letter is kept: ``re`` may match it to an ASCII one (``ſ``)."""
    start = s[: words.opening_size]
    return not start.isascii() or start.lower() in words.openings


def _may_be_grade_alone(line: str, words: _LineWords) -> bool:
    """Whether ``line`` may be a grade and nothing else, between spaces, tabs, bold marks and
    quotes, maybe its rank before it (``5 - Very good``): first by its last character (most
    lines end in a full stop), then by its first letters, then by its words (a grade in any
    letter case; or non-ASCII, as in _may_open_grade)."""
    if not line or (ord(line[-1]) < 128 and ord(line[-1]) not in words.alone_ends):
        return False
    core = line.strip(_STACKED_MARKS)
    # a rank before the grade (``5 - ``, ``Grade 5 ``): sought only where one may open, by its
    # first character (a digit, a rank word's first letter in either case, or not ASCII)
    first = core[:1]
    if first.isdigit() or first in _rank_initials() or not first.isascii():
        rank = _patterns()["cell_rank"].match(core)
        if rank is not None:
            core = core[rank.end() :].strip(_STACKED_MARKS)
    return _may_open_grade(core, words) and (
        not core.isascii() or " ".join(core.lower().split()) in words.grades
    )


@cache
def _rank_initials() -> frozenset[str]:
    words = load("scales")["rank_words"]
    return frozenset(c for w in words for c in (w[0].lower(), w[0].upper()))


_ROW_TAIL: Final = " \t\xa0|;.,’'\"”" + _NOTES
_RANKS: Final = frozenset("123456")


def _may_be_in_table(line: str, words: _LineWords) -> bool:
    """Whether ``line`` may be a header or a row, from its last few characters: most lines are
    long prose, and this rules them out without copying them (as rstrip would).

    A row ends in a grade's last word (maybe then "and"/"or"), a header in a value (maybe then
    white space that _ROW_TAIL lacks), each before _ROW_TAIL characters. An ending with a
    non-ASCII letter is kept: it may casefold to ASCII letters ("ﬆ").
    """
    end = _without_rank(line[-16:].rstrip(_ROW_TAIL), line)[-words.end_size :]
    return (
        len(end) < words.end_size
        or not end.isascii()
        or end.lower() in words.ends
        or end[-1].isspace()
        or _may_have_cells_after(line)
        or _may_open_with_grade(line, words)
    )


_GRADE_FIRST_LEADS: Final = " \t•▪●*-–" + _LQ  # what may stand before a line's first grade


def _may_open_with_grade(line: str, words: _LineWords) -> bool:
    """Whether ``line`` may open with a grade (``Good – Quality of education``): by its first
    character (most lines open with a letter no grade opens with), then its first letters."""
    if not line or (ord(line[0]) < 128 and ord(line[0]) not in words.firsts):
        return False
    lead = line[0] in _GRADE_FIRST_LEADS  # (most lines open with a letter: nothing to strip)
    return _may_open_grade(line.lstrip(_GRADE_FIRST_LEADS) if lead else line, words)


def _may_have_cells_after(line: str) -> bool:
    """Whether ``line`` may be a pipe or tab row with cells after its grade: it ends with a
    pipe, or holds a tab."""
    return line.rstrip(" \t\xa0").endswith("|") or "\t" in line


def _cells_after_grade_row(line: str, offset: int) -> _Row | None:
    """A pipe or tab row whose last grade cell, after the criterion's, other cells follow
    (``| Safe | Good | up |``, ``Safe<tab>Good<tab>2019``): the criterion is the first cell,
    the grade the last that holds one (a row with several gives one item each, as a row
    whose grade is last does)."""
    kind = "pipe" if line.rstrip(" \t\xa0").endswith("|") else "tab"
    cells, grades = _grade_cells(kind, line)
    if not grades or grades[-1][0] == len(cells) - 1:
        return None  # no grade, or the grade last: the row rule's
    crit = _cell_label(_clean_criterion(cells[0][2]))
    if (
        not crit
        or len(crit.split()) > _MAX_DELIMITED_LABEL_WORDS
        or crit[-1] in ".:;"
        or not _HAS_LETTER.search(crit)
        or any(len(c[2].split()) > _MAX_LABEL_WORDS for c in cells[grades[-1][0] + 1 :])
    ):
        return None
    several = len(grades) > 1
    return _Row(
        offset + len(line) - len(line.lstrip()),
        offset + len(line.rstrip()),
        crit,
        grades[-1][1],
        _STRONG,
        kind if several else "",
        cells if several else (),
        grades if several else (),
    )


def _without_rank(tail: str, line: str) -> str:
    """``tail`` without a rank after its grade (``Good 2``), in a tab, pipe or aligned row."""
    if (
        tail[-1:] in _RANKS
        and tail[-2:-1] in " \xa0\t"
        and ("\t" in line or "|" in line or "  " in line)
    ):
        return tail[:-1].rstrip(" \xa0\t")
    return tail


_WORD_CUTS: Final = " \xa0\t|‘'\"“"  # what stands before a row's last word


def _may_be_row(line: str, words: _LineWords) -> bool:
    tail = _without_rank(line.rstrip(_ROW_TAIL), line)
    if tail.endswith(words.joiners):
        tail = tail[: tail.rfind(" ")].rstrip(_ROW_TAIL)
    # the last word: back from the end to a space, a cell boundary or a left quote (a few
    # characters, where a search for each of those would read the whole line)
    cut = len(tail)
    while cut and tail[cut - 1] not in _WORD_CUTS:
        cut -= 1
    return tail[cut:].lstrip("*").casefold() in words.last


def _may_be_header(line: str, words: _LineWords) -> bool:
    first = line.lstrip(" \t|*").split(None, 1)
    return bool(first) and first[0].rstrip("|*").casefold() in words.header_first


def _grade_scale(
    grades: Sequence[str], text: str, ranked: Sequence[tuple[str, int]] = ()
) -> Scale | None:
    """The scale of a table's grades (collapsed, as the row finders give them): of the scales
    that hold every grade, the first whose body ``text`` names (``bodies``: ``Care
    Inspectorate Wales`` rates ``Good`` and ``Adequate`` on its own four grades, not on PEEL's
    five), else the first ``numbered`` one on which each of ``ranked`` (grade, the rank
    written before it) is the grade's rank (``Quality of staffing - Grade 4 - Good``: the
    six-point scale's, not PEEL's, whose body writes no ranks), else the first."""
    scales, aliases = _scales()
    keys = {aliases.get(k, k) for k in map(str.casefold, grades)}
    fitting = [s for s in scales if keys <= s.grades.keys()]
    if len(fitting) > 1:
        bodies = _scale_bodies()
        named = next(
            (s for s in fitting if any(_names_body(text, b) for b in bodies[s.name])), None
        )
        if named is not None:
            return named
        if ranked:
            ranks = [(aliases.get(k, k), rank) for g, rank in ranked for k in (g.casefold(),)]
            for scale in fitting:
                if scale.numbered and all(scale.grades.get(k) == rank for k, rank in ranks):
                    return scale
    return fitting[0] if fitting else None


def _names_body(text: str, name: str) -> bool:
    """Whether ``text`` holds ``name`` as words of their own (``ETI``, not ``COMPETITION``)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            return True
        at = text.find(name, at + 1)
    return False


@cache
def _scale_bodies() -> dict[str, tuple[str, ...]]:
    return {s["name"]: tuple(s.get("bodies", ())) for s in load("scales")["scales"]}


def _grade_text(grade: str) -> str:
    """``collapse_space(grade)`` for a grade as the patterns match it (its words, each of
    letters, with spaces or no-break spaces between them): the grade itself when it is one
    word, as most are, where collapse_space splits and joins it (some 2,000 instructions)."""
    return collapse_space(grade) if " " in grade or "\xa0" in grade else grade


# List marks that may open a row besides the bullets the patterns know (``· Outcomes for
# pupils      Good``, ``✔ Inclusion: Strong standard``, as schools' pages list their grades):
# no criterion opens with one.
_LIST_MARKS: Final = "·◦‣✓✔☑➢➤►▶■□○→"
_CRITERION_EDGES: Final = " |–—-•▪●*\t"


def _clean_criterion(s: str) -> str:
    crit = collapse_space(s).strip(_CRITERION_EDGES)
    if crit and crit[0] in _LIST_MARKS:
        crit = crit.lstrip(_LIST_MARKS + _CRITERION_EDGES)
    # a Markdown heading's marks (``## Quality of education: Good``)
    return crit.lstrip("#").lstrip() if crit[:1] == "#" and "# " in crit[:7] else crit


# Rows whose criterion and grade are set apart by a cell boundary: a colon that ends the
# criterion there only labels it (``Leadership:<tab>Good``).
_CELL_KINDS: Final = frozenset({"pipe", "tab", "aligned"})


_LONG_LABEL_KINDS: Final = frozenset({"pipe", "tab", "colon"})


def _cell_label(crit: str) -> str:
    return crit[:-1].rstrip() if crit.endswith(":") else crit


def _row_kinds(line: str) -> Iterator[str]:
    """The row patterns to try on ``line``, in order: those whose marks (a pipe, a tab, a dash,
    two spaces, a colon) the line holds; testing for them is much cheaper than a failing match."""
    if "|" in line:
        yield "pipe"
    if "\t" in line:
        yield "tab"
    if "–" in line or "—" in line or "-" in line:
        yield "dash"
    if "  " in line or "\xa0" in line:
        yield "aligned"
    if ":" in line:
        yield "colon"
    if "." in line:
        yield "stop"
    yield "space"


def _split_row(tail: re.Pattern[str], line: str) -> tuple[str, str] | None:
    r"""(criterion, grade) as ``^\s*(?P<crit>\S(?:[^\n]*?\S)?)`` followed by ``tail`` would
    match them, without that lazy criterion's slow crawl: ``tail.search`` skips to the spaces.

    The lazy criterion tries two characters or more, shortest first, and only then one: so
    ``A Very good`` is (``A Very``, ``good``) while ``AB Very good`` is (``AB``, ``Very good``).
    """
    start = len(line) - len(line.lstrip())
    m = tail.search(line, start + 2) or tail.match(line, start + 1)
    return None if m is None else (line[start : m.start()], m.group("grade"))


def _split_space_row(tail: re.Pattern[str], line: str) -> tuple[str, str] | None:
    """What ``_split_row(tail, line)`` gives for the "space" tail, trying ``tail`` only at the
    spaces before the line's last words that spell a grade (in any letter case): the search
    enters the tail at every space of the line (some 17,000 instructions a row), a set lookup
    of the last words and one match cost a third of that.

    A match starts at a space before the grade's words, which only spaces follow: the grade
    is the line's last words (split at spaces and no-break spaces). Where those words hold a
    character outside ASCII (``re`` matches ``ſ`` to ``s`` in any letter case), or the line a
    line break (``$`` matches before one), the search is left to decide.
    """
    if "\n" in line:
        return _split_row(tail, line)
    words = _line_words()
    starts: list[int] = []  # the spaces before last words that spell a grade, leftmost first
    end = len(line.rstrip(" \xa0"))
    if end and line[end - 1] in _NOTES:  # a footnote's mark after the grade (``Good*``)
        end -= 1
    phrase = ""
    while True:
        cut = max(line.rfind(" ", 0, end), line.rfind("\xa0", 0, end))
        if cut < 0:
            break
        word = line[cut + 1 : end]
        phrase = word + " " + phrase if phrase else word
        if not phrase.isascii():
            return _split_row(tail, line)
        phrase = phrase.lower()
        if phrase not in words.grade_tails:
            break
        if phrase in words.grades:
            starts.insert(0, cut)
        end = len(line[:cut].rstrip(" \xa0"))
    start = len(line) - len(line.lstrip())
    m = None
    for at in starts:
        if at >= start + 2 and (m := tail.match(line, at)):
            break
    else:
        m = tail.match(line, start + 1) if start + 1 in starts else None
    return None if m is None else (line[start : m.start()], m.group("grade"))


def _match_row(kind: str, line: str) -> tuple[str, str, bool] | None:
    """(criterion, grade, whether cells stand between them) when ``line`` is a row of this
    kind (an aligned row's criterion then holds those cells)."""
    pattern = _patterns()[kind]
    if kind in ("aligned", "space"):
        found = _split_row(pattern, line) if kind == "aligned" else _split_space_row(pattern, line)
        if found is None:
            return None
        crit, grade = found
        return crit, grade, kind == "aligned" and _ALIGNED_GAP.search(crit) is not None
    m = pattern.match(line)
    if m is None:
        return None
    return m.group("crit"), m.group("grade"), kind in ("pipe", "tab") and bool(m.group("mid"))


# Cells: a pipe table's between the pipes; a tab row's between runs of tabs; an aligned row's
# between runs of two spaces or more (one space joins the words of a cell).
_ALIGNED_GAP: Final = re.compile(r"[ \xa0]{2}")
_CELL_RUNS: Final = {
    "tab": re.compile(r"[^\t]+"),
    "aligned": re.compile(r"[^ \xa0](?:[^ \xa0]|[ \xa0](?=[^ \xa0]))*"),
}


def _split_cells(kind: str, line: str, *, corner: bool = False) -> list[_Cell]:
    """The cells of a pipe, tab or aligned line, stripped, with their places in the line. An
    empty pipe cell is kept; with ``corner``, so is a header's blank first cell (the line
    starts with a tab, or with two spaces or more)."""
    if kind == "pipe":
        body = line.rstrip()
        first = len(body) - len(body.lstrip())
        if body[first : first + 1] == "|":
            first += 1
        last = len(body) - 1 if body.endswith("|") and len(body) - 1 >= first else len(body)
        cells: list[_Cell] = []
        start = first
        while start <= last:
            stop = body.find("|", start, last)
            stop = last if stop < 0 else stop
            cell = body[start:stop]
            lead = len(cell) - len(cell.lstrip())
            cells.append((start + lead, start + len(cell.rstrip()), cell.strip()))
            start = stop + 1
        return cells
    spans = [
        (m.start() + len(m.group()) - len(m.group().lstrip()), m.start() + len(m.group().rstrip()))
        for m in _CELL_RUNS[kind].finditer(line.rstrip())
    ]
    cells = [(start, end, line[start:end]) for start, end in spans if start < end]
    indent = line[: cells[0][0]] if corner and cells else ""
    if corner and cells and ("\t" in indent if kind == "tab" else len(indent) >= 2):
        cells.insert(0, (0, 0, ""))  # the blank corner above the row labels
    return cells


def _grade_cells(kind: str, line: str) -> tuple[tuple[_Cell, ...], tuple[tuple[int, str], ...]]:
    """The cells of a row and (cell index, grade) of every cell after the first that holds a
    grade and nothing else."""
    cells = tuple(_split_cells(kind, line))
    cell = _patterns()["cell"]
    grades = tuple(
        (i, _grade_text(m.group("grade")))
        for i, c in enumerate(cells[1:], 1)
        if (m := cell.fullmatch(c[2]))
    )
    return cells, grades


def _row_strength(kind: str, line: str, raw_criterion: str, ranked: int) -> int:
    """How surely the line is a row; ``ranked``: how surely the separator of a rank left out
    of the criterion (``Wellbeing: Grade 5 Very good``) sets the grade apart."""
    if kind in ("pipe", "tab", "aligned", "dash"):
        return _STRONG
    if kind in ("colon", "stop"):  # bulleted "X: Good", "• X. Good"
        return _STRONG if line.lstrip()[:1] in "•▪●*-–" else _DELIMITED
    if ranked == _DELIMITED or raw_criterion.rstrip().endswith(_DASH_SEPARATORS):
        # bulleted (``• Safe – Good``): as sure as a bulleted colon row
        return _STRONG if line.lstrip()[:1] in "•▪●*-–" else max(ranked, _DELIMITED)
    return ranked


def _rank_at_end(head: str) -> re.Match[str] | None:
    """The rank written before a grade at the end of ``head``, the row's text before the grade
    (``Setting<tab>5 -``, ``Wellbeing: Grade 4``: the "rank_before" pattern), tried only when
    ``head`` ends as a rank or its dash may, and on its last characters: the pattern is anchored
    at the end, and tried from every place of a long run of spaces it took quadratic time."""
    if head[-1:] in _RANK_ENDS or head[-1:].isdigit():
        return _patterns()["rank_before"].search(head, max(0, len(head) - _RANK_REACH))
    return None


_RANK_ENDS: Final = frozenset("-–—=: \xa0")  # what may end a rank before its grade, but a digit
_GRADE_MARKS: Final = " \xa0*" + _LQ  # what may stand between a rank and its grade
_HAS_LETTER: Final = re.compile(r"[^\W\d_]")  # a criterion names something: ``4 - Good`` is a scale


def _line_row(line: str, offset: int, *, after_header: bool) -> _Row | None:
    for kind in _row_kinds(line):
        found = _match_row(kind, line)
        if found is None:
            continue
        raw = found[0]
        ranked = _WEAK  # how surely the rank's separator sets the grade apart, if one is cut
        number = 0  # the rank cut, if one is
        if rank := _rank_at_end(raw):
            cut, sep = raw[: rank.start()], raw[rank.start() : rank.start() + 2]
            number = _rank_digit(rank.group())
            found = (cut, found[1], found[2])
            if "\t" in sep or "|" in sep or sep in ("  ", "\xa0\xa0", " \xa0", "\xa0 "):
                ranked = _STRONG  # a cell boundary (``Setting<tab>Grade 4 - Good``)
            elif sep.lstrip(" \xa0")[:1] in ":-–—" or cut.endswith("?"):
                ranked = _DELIMITED
        crit = _clean_criterion(found[0])
        multi: tuple[tuple[_Cell, ...], tuple[tuple[int, str], ...]] = ((), ())
        if found[2]:  # cells between the criterion and the grade: are some grades?
            cells, grades = _grade_cells(kind, line)
            if len(grades) > 1:
                crit = _clean_criterion(cells[0][2])
                multi = (cells, grades)
        if kind in _CELL_KINDS:
            crit = _cell_label(crit)
        most = _MAX_DELIMITED_LABEL_WORDS if kind in _LONG_LABEL_KINDS else _MAX_LABEL_WORDS
        if (
            not crit
            or len(crit.split()) > most
            or crit[-1] in ".:;"
            or not _HAS_LETTER.search(crit)
        ):
            return None
        if kind == "space" and "\t" in found[0]:
            # a tab row whose last cell holds more than a grade (``Environment<tab>Adequate<tab>
            # down from good``): the row-with-cells-after-its-grade rule's
            return None
        if (
            kind == "space"
            and not after_header
            # a numbered label ("1.1 Leadership – Good") when a dash sets the grade apart
            and (
                not (crit[0].isupper() or (crit[0].isdigit() and found[0].endswith(_DASHES)))
                or "," in crit
            )
        ):
            return None
        if (
            kind == "stop"
            and not after_header
            and line.lstrip()[:1] not in _BULLET_CHARS
            and not crit[0].isupper()
        ):
            # an unbulleted ``X. Good`` is a list's item only with a capital (``Overall
            # effectiveness. Good``); a line of wrapped prose goes on a sentence (``and the
            # staff. Good``)
            return None
        lead = len(line) - len(line.lstrip())
        tail = len(line.rstrip())
        cells, grades = multi
        return _Row(
            offset + lead,
            offset + tail,
            crit,
            _grade_text(found[1]),
            # a rank after one space that is the grade's own (``Quality of Staffing 5 Very
            # Good``, the Care Inspectorate's reports, each row a paragraph when copied from
            # the PDF) sets the grade apart as a separator would
            _row_strength(
                kind,
                line,
                raw,
                _DELIMITED
                if kind == "space" and ranked == _WEAK and _ranked_on_a_scale(crit, found[1])
                else ranked,
            ),
            kind if grades else "",
            cells,
            grades,
            rank=number,
        )
    return None


def _rank_digit(rank: str) -> int:
    """The number of a rank as the patterns match it (``Grade 4 - ``, ``5 -``)."""
    for c in rank:
        if c.isdigit():
            return int(c)
    return 0


# A scan, a line and a step are made for every line of every text: as plain classes they
# compile to native classes, far cheaper to build and to read than tuples or dataclasses
# (whose generated ``__init__`` stays Python). Their attributes are Final: never changed.
class _Run:
    """The open run of rows, newest first: a linked list, so that adding a row costs the same
    however long the run (a tuple copied for each row would be quadratic)."""

    def __init__(self, row: _Row, before: _Run | None, size: int, strength: int) -> None:
        self.row: Final = row
        self.before: Final = before
        self.size: Final = size
        self.strength: Final = strength  # the weakest row's

    def rows(self) -> list[_Row]:
        """The run's rows, in text order."""
        out: list[_Row] = []
        node: _Run | None = self
        while node is not None:
            out.append(node.row)
            node = node.before
        out.reverse()
        return out


class _Scan:
    """What the scan of a text's lines knows after a line: the open run of rows, and what
    the line before it was."""

    def __init__(
        self,
        run: _Run | None = None,
        header: bool = False,
        block: bool = True,
        prev_blank: bool = True,
        lone: bool = False,
        gap: bool = False,
        prev_line: str = "",
        opens: bool = False,
    ) -> None:
        self.run: Final = run
        self.header: Final = header  # a header line opened the table
        self.block: Final = block  # the run started at a paragraph boundary (or under a caption)
        self.prev_blank: Final = prev_blank
        self.lone: Final = lone  # the last row is a paragraph of its own
        # a line inside the run that is no row but leaves it open: one blank line in a
        # double-spaced table, a colon list's line whose value is no grade (_skipped_label);
        # the run ends at the next line that is no row, as at a blank line
        self.gap: Final = gap
        self.prev_line: Final = prev_line
        self.opens: Final = opens  # the line before opened a paragraph


class _Line:
    def __init__(self, text: str, offset: int, blank: bool, maybe: bool) -> None:
        self.text: Final = text
        self.offset: Final = offset
        self.blank: Final = blank
        self.maybe: Final = maybe  # may be a header or a row, by its last characters


class _Step:
    def __init__(self, scan: _Scan, closed: _Scan | None = None, next_blank: bool = False) -> None:
        self.scan: Final = scan
        # the scan as it was when its run of rows ended, if one did
        self.closed: Final = closed
        self.next_blank: Final = (
            next_blank  # whether a blank line (or a double-spaced gap) ended it
        )


def _advance(
    scan: _Scan, line: _Line, run: _Run | None, header: bool, block: bool, lone: bool
) -> _Scan:
    """The scan moved past ``line``."""
    opens = scan.prev_blank and not line.blank
    return _Scan(run, header, block, line.blank, lone, False, line.text, opens)


def _prose(scan: _Scan, line: _Line) -> _Step | None:
    if line.maybe or scan.header or scan.run:
        return None
    # no header or row, no table open: only what the line was matters (gap is left as it is)
    opens = scan.prev_blank and not line.blank
    return _Step(
        _Scan(scan.run, False, scan.block, line.blank, scan.lone, scan.gap, line.text, opens)
    )


def _gap(scan: _Scan, line: _Line) -> _Step | None:
    # A table copied from a word processor may have a blank line after its header or after
    # each row; a run of several rows then a blank line has ended.
    if line.blank and not scan.gap and (scan.lone if scan.run else scan.header):
        gap = _Scan(
            scan.run, scan.header, scan.block, True, scan.lone, True, scan.prev_line, scan.opens
        )
        return _Step(gap)
    return None


def _header(scan: _Scan, line: _Line) -> _Step | None:
    if not (
        line.maybe
        and _may_be_header(line.text, _line_words())
        and _patterns()["header"].match(line.text)
    ):
        return None
    opened = _Scan(None, True, True, False, scan.lone, False, scan.prev_line, scan.opens)
    return _Step(opened, scan if scan.run else None, True)


def _rule_line(scan: _Scan, line: _Line) -> _Step | None:
    text = line.text
    if (scan.header or scan.run) and ("---" in text or "===" in text):
        return _Step(scan) if _patterns()["md_rule"].match(text) else None
    return None


def _rows_in_one_line(scan: _Scan, line: _Line) -> _Step | None:
    # Rows run into one line, each grade after its rank (``Quality of Care and Support 5 Very
    # Good Quality of Environment 4 Good``: the Care Inspectorate's summary of grades copied
    # from its PDF as one paragraph); tried on lines that may end with a grade and hold two
    # ranks or more (most rows hold none).
    if not (line.maybe and _holds_two_ranks(line.text) and _may_be_row(line.text, _line_words())):
        return None
    return _grown(scan, line, _ranked_rows_in_line(line.text, line.offset))


def _holds_two_ranks(line: str) -> bool:
    """Whether ``line`` holds two digits or more that may be ranks (1 to 6): a search for each
    digit (most lines hold none), then a count of those it holds."""
    found = 0
    for digit in _RANK_DIGITS:
        if digit in line:
            found += line.count(digit)
            if found >= 2:
                return True
    return False


_RANK_DIGITS: Final = ("1", "2", "3", "4", "5", "6")


def _ranked_rows_in_line(line: str, offset: int) -> list[_Row]:
    """The rows of a line of two or more ``criterion rank grade`` runs, each rank its grade's on
    one scale, the line ending with the last grade; the first criterion opens after the line's
    lead-in (``We gave the service these grades``: see _label_opening)."""
    found = _split_space_row(_patterns()["space"], line)
    if found is None or not _space_rank(found[0].rstrip(" \xa0-–—")):
        return []
    pairs = list(_patterns()["ranked_grade"].finditer(line))
    if len(pairs) < 2 or pairs[-1].end() != len(line.rstrip()):
        return []
    if not _ranks_on_one_scale([(m.group("grade"), int(m.group(1))) for m in pairs]):
        return []
    rows: list[_Row] = []
    end = _label_opening(line[: pairs[0].start()])
    for m in pairs:
        head = line[end : m.start()]
        start = end + len(head) - len(head.lstrip())
        crit = _clean_criterion(head)
        if (
            not crit[:1].isupper()
            or len(crit.split()) > _MAX_LABEL_WORDS
            or crit[-1] in ".:;,"
            or not _HAS_LETTER.search(crit)
        ):
            return []
        grade = _grade_text(m.group("grade"))
        rows.append(
            _Row(offset + start, offset + m.end(), crit, grade, _DELIMITED, rank=int(m.group(1)))
        )
        end = m.end()
    return rows


def _label_opening(head: str) -> int:
    """Where the first criterion of a line opens in ``head``, the line before its first rank:
    at the last capitalised word that opens ``head``, follows a stop or a colon, or follows a
    word in lower case that is no word of ``label_small_words`` (``these grades Quality of
    Care and Support``: ``Care`` follows ``of``)."""
    small = _label_small_words()
    at = 0
    before = ""
    for m in _WORD.finditer(head):
        word = m.group()
        if word[:1].isupper() and (
            not before
            or before[-1] in ".:;!?"
            or (before[:1].islower() and before.casefold() not in small)
        ):
            at = m.start()
        before = word
    return at


_WORD: Final = re.compile(r"\S+")


@cache
def _label_small_words() -> frozenset[str]:
    return frozenset(load("scales")["label_small_words"])


def _row(scan: _Scan, line: _Line) -> _Step | None:
    if not (line.maybe and _may_be_row(line.text, _line_words())):
        return None
    return _grown(scan, line, _one(_line_row(line.text, line.offset, after_header=scan.header)))


def _row_with_cells_after(scan: _Scan, line: _Line) -> _Step | None:
    # A pipe or tab row whose grade cell other cells follow (``| Safe | Good | up |``: a
    # trend, a date, a note); the row rule's patterns want the grade last.
    if not line.maybe or not _may_have_cells_after(line.text):
        return None
    return _grown(scan, line, _one(_cells_after_grade_row(line.text, line.offset)))


def _grade_first(scan: _Scan, line: _Line) -> _Step | None:
    # A grade, a spaced dash or a colon, then the criterion (``Good – Quality of education``)
    if not line.maybe or not _may_open_with_grade(line.text, _line_words()):
        return None
    return _grown(scan, line, _one(_grade_first_row(line.text, line.offset)))


def _grade_first_row(line: str, offset: int) -> _Row | None:
    """A row whose grade comes first (``Good – Quality of education``, ``• Outstanding:
    Personal development``): a weak row, as scale glossaries have its shape (``Good –
    Strong features``), read three or more in a block (see _is_glossary). The criterion is a
    name: it opens with a capital, holds no comma, semicolon or verb of ``description_verbs``
    (``Good – The service is performing well``) and ends in no stop."""
    m = _patterns()["grade_first"].match(line)
    if m is None:
        return None
    crit = _clean_criterion(m.group("crit"))
    words = crit.split()
    if (
        not crit[:1].isupper()
        or len(words) > _MAX_GRADE_FIRST_WORDS
        or crit[-1] in ".:;,!?"
        or "," in crit
        or ";" in crit
        or any(w.casefold() in _description_verbs() for w in words)
    ):
        return None
    return _Row(
        offset + len(line) - len(line.lstrip()),
        offset + len(line.rstrip()),
        crit,
        _grade_text(m.group("grade")),
        _WEAK,
    )


_MAX_GRADE_FIRST_WORDS: Final = 10


@cache
def _description_verbs() -> frozenset[str]:
    return frozenset(load("scales")["description_verbs"])


def _is_glossary(text: str, rows: Sequence[_Row]) -> bool:
    """Whether grade-first rows list a scale (``Excellent – Major strengths`` over ``Good –
    Important strengths``): each row opens with its grade, and the grades, each once, run in
    the order of their ranks on one scale."""
    if not all(
        text[r.start : r.end].lstrip(_GRADE_FIRST_LEADS).casefold().startswith(r.score.casefold())
        for r in rows
    ):
        return False
    scales, aliases = _scales()
    keys = [aliases.get(k, k) for k in (" ".join(r.score.casefold().split()) for r in rows)]
    for scale in scales:
        ranks = [scale.grades.get(k, 0) for k in keys]
        if (
            all(ranks)
            and len(set(ranks)) == len(ranks)
            and ranks in (sorted(ranks), sorted(ranks, reverse=True))
        ):
            return True
    return False


def _grown(scan: _Scan, line: _Line, rows: Sequence[_Row]) -> _Step | None:
    """The scan moved past ``line``, whose rows the run of rows takes on (none: no row)."""
    if not rows:
        return None
    block = (
        scan.block
        if scan.run or scan.header
        else scan.prev_blank or (scan.opens and _is_caption(scan.prev_line))
    )
    lone = scan.prev_blank and (scan.header or rows[0].strength > _WEAK)
    run = scan.run
    for row in rows:
        run = (
            _Run(row, None, 1, row.strength)
            if run is None
            else _Run(row, run, run.size + 1, min(run.strength, row.strength))
        )
    return _Step(_advance(scan, line, run, scan.header, block, lone))


def _one(row: _Row | None) -> tuple[_Row, ...]:
    return () if row is None else (row,)


def _skipped_label(scan: _Scan, line: _Line) -> _Step | None:
    # A line of a colon list whose value is no grade (``Safeguarding: Effective`` among
    # Ofsted's grades) is no row, and the list goes on under it; two such lines end it.
    if (
        scan.run is None
        or scan.gap
        or ":" not in scan.prev_line
        or _LABEL_VALUE.fullmatch(line.text) is None
    ):
        return None
    return _Step(_Scan(scan.run, scan.header, scan.block, False, scan.lone, True, line.text, False))


def _other(scan: _Scan, line: _Line) -> _Step:
    ended = scan if scan.run else None
    step = _advance(scan, line, None, False, scan.block, scan.lone)
    # a line of a colon list's shape whose value is no grade, under rows of another shape,
    # ends them as a blank line would (``Safeguarding: Effective`` under a table of grades)
    closes = line.blank or scan.gap or (ended is not None and _LABEL_VALUE.fullmatch(line.text))
    return _Step(step, ended, bool(closes))


# ``Label: a value of up to three words`` with no sentence stop (see _skipped_label, _other)
_LABEL_VALUE: Final = re.compile(
    r"[ \t]*(?:[•▪●*\-–][ \t]*)?(?:\*\*)?[^\W\d_][^:\n]{0,80}:(?:\*\*)?[ \t\xa0]+"
    r"[^\s:.;,!?]+(?:[ \xa0][^\s:.;,!?]+){0,2}[ \t\xa0]*"
)


class _LineRule(NamedTuple):
    name: str
    apply: Callable[[_Scan, _Line], _Step | None]  # the next step, or None: not this rule
    example: str


# How each line of a text moves the scan for ratings tables on; the first rule that applies
# wins. A run of rows ends at a header or at any other line, and is kept as a table or not by
# _close.
LINE_RULES: tuple[_LineRule, ...] = (
    _LineRule("prose", _prose, "The inspectors visited in May."),
    _LineRule("blank-in-double-spaced-table", _gap, "Criteria Score\n\nLeadership Good"),
    _LineRule("header", _header, "Criteria Score"),
    _LineRule("rule-line", _rule_line, "Area | Grade\n|---|---|"),
    _LineRule(
        "rows-in-one-line",
        _rows_in_one_line,
        "Grades\n\nQuality of Care and Support 5 Very Good Quality of Environment 4 Good",
    ),
    _LineRule("row", _row, "Leadership Good"),
    _LineRule("row-with-cells-after-its-grade", _row_with_cells_after, "| Safe | Good | up |"),
    _LineRule(
        "grade-first-row",
        _grade_first,
        "Good – Quality of education\nGood – Personal development\nOutstanding – Behaviour",
    ),
    _LineRule(
        "label-in-colon-list", _skipped_label, "Safe: Good\nSafeguarding: Effective\nCaring: Good"
    ),
    _LineRule("other", _other, "Leadership Good\nCasework Fair\nThe Area should now improve."),
)


@cache
def _overall_labels() -> tuple[str, ...]:
    return tuple(load("scales")["overall_labels"])


def _next_step(scan: _Scan, line: _Line) -> _Step:
    """The step of the first of ``LINE_RULES`` that applies to ``line``. The rules are called
    here by name, in the table's order: compiled, each is then a direct call, not a Python
    call of a function object read from the table (for every line of every text)."""
    step = _prose(scan, line)
    if step is None:
        step = _gap(scan, line)
    if step is None:
        step = _header(scan, line)
    if step is None:
        step = _rule_line(scan, line)
    if step is None:
        step = _rows_in_one_line(scan, line)
    if step is None:
        step = _row(scan, line)
    if step is None:
        step = _row_with_cells_after(scan, line)
    if step is None:
        step = _grade_first(scan, line)
    if step is None:
        step = _skipped_label(scan, line)
    return _other(scan, line) if step is None else step


def _close(
    text: str, last: Sequence[_Row], ended: _Scan, next_blank: bool
) -> tuple[list[_Row], str] | None:
    """The rows of the run that ``ended`` if they make a table, and how: ``table`` after a
    header; two strong rows or more; a block of its own (a paragraph, or under a caption)
    of two delimited or three weak rows; or three delimited rows or more that open a block,
    with no sentence going on under them (a paragraph may follow). ``joins``: a lone
    ``Overall`` row joins the table above it. ``lone``: a delimited row that is a paragraph of
    its own (a heading that gives its part's grade, ``## Quality of education: Good``), a
    table with the others if any."""
    run = ended.run
    if run is None:
        return None
    if run.strength == _WEAK and _is_glossary(text, run.rows()):
        return None
    if (
        ended.header
        or (run.strength == _STRONG and run.size >= _MIN_STRONG_RUN)
        or (
            ended.block
            and next_blank
            and run.size >= (_MIN_STRONG_RUN if run.strength else _MIN_WEAK_RUN)
        )
        or (
            ended.block
            and run.strength == _DELIMITED
            and run.size >= _MIN_OPEN_RUN
            and not _goes_on_in_lower_case(text, run.row.end)
        )
    ):
        return run.rows(), "table"
    if run.size == 1 and last and _trails(text, last, run.row):
        return [run.row], "joins"
    if run.size == 1 and ended.block and next_blank and run.strength > _WEAK:
        return [run.row], "lone"
    return None


def _goes_on_in_lower_case(text: str, end: int) -> bool:
    """Whether the line after the one that ends at ``end`` opens in lower case: a sentence
    that the lines above run into (``… Requires improvement`` / ``said the inspectors.``)."""
    line_end = text.find("\n", end)
    return line_end >= 0 and text[line_end + 1 : line_end + 2].islower()


def _table_rows(text: str, lines: Sequence[str]) -> list[list[_Row]]:
    """The runs of rows in ``text`` that are tables, each line moved on by ``LINE_RULES``
    (through ``_next_step``).

    A line that cannot be a header or a row (not ``maybe``: most lines of most texts) while
    no table is open takes the ``prose`` rule, which changes only what the scan knows of the
    line before. For such a line no scan, line or step is built: the three fields the rule
    changes are kept in locals, and the scan is built from them when the next line that needs
    it comes (the scan ``_prose`` would have built: see tests/test_speed_scores3.py)."""
    words = _line_words()
    tables: list[list[_Row]] = []  # the output, filled as runs end
    lone: list[_Row] = []  # rows that are paragraphs of their own: two or more are a table
    scan = _Scan()
    # the scan's fields that prose lines change, and whether they are newer than ``scan``'s
    prev_blank = True
    prev_line = ""
    opens = False
    behind = False
    pos = 0
    for text_line in lines:
        offset, pos = pos, pos + len(text_line) + 1
        blank = not text_line.strip()
        maybe = not blank and _may_be_in_table(text_line, words)
        if not maybe and scan.run is None and not scan.header:
            opens = prev_blank and not blank  # (as _prose)
            prev_blank = blank
            prev_line = text_line
            behind = True
            continue
        if behind:
            scan = _Scan(None, False, scan.block, prev_blank, scan.lone, scan.gap, prev_line, opens)
            behind = False
        step = _next_step(scan, _Line(text_line, offset, blank, maybe))
        if step.closed is not None:
            _keep(
                text,
                tables,
                lone,
                _close(text, tables[-1] if tables else (), step.closed, step.next_blank),
            )
        scan = step.scan
        prev_blank = scan.prev_blank
    _keep(text, tables, lone, _close(text, tables[-1] if tables else (), scan, True))
    _keep_lone(tables, lone)
    return tables


# Lone rows (``## Quality of education: Good``) are one table when each is at most this many
# paragraphs of prose below the one before: a report's summary gives each judgement a heading
# and a paragraph or two of findings under it, while grades a release names in parts far apart
# (one in the lede, one in the notes) are no list.
_MAX_PROSE_BETWEEN: Final = 2


def _keep(
    text: str, tables: list[list[_Row]], lone: list[_Row], kept: tuple[list[_Row], str] | None
) -> None:
    if kept is not None:
        rows, how = kept
        if how == "joins":
            tables[-1].extend(rows)
        elif how == "lone":
            if lone and _paragraphs(text, lone[-1].end, rows[0].start) > _MAX_PROSE_BETWEEN:
                _keep_lone(tables, lone)
            lone.extend(rows)
        else:
            tables.append(rows)


def _keep_lone(tables: list[list[_Row]], lone: list[_Row]) -> None:
    """Lone rows near each other, two or more, are a table (added after the tables that ended
    between them: those are kept, not this one); they are then cleared."""
    if len(lone) >= _MIN_STRONG_RUN:
        tables.append(list(lone))
    lone.clear()


def _paragraphs(text: str, start: int, end: int) -> int:
    """The paragraphs (runs of lines that are not blank) between ``start`` and ``end``, counted
    up to one more than _MAX_PROSE_BETWEEN."""
    count = 0
    inside = False
    pos = start
    while pos < end and count <= _MAX_PROSE_BETWEEN:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        blank = not text[pos:stop].strip()
        if not blank and not inside:
            count += 1
        inside = not blank
        pos = stop + 1
    return count


def _trails(text: str, table: Sequence[_Row], row: _Row) -> bool:
    """An ``Overall`` row set one blank line below a table (``Overall: Requires improvement``)
    is the table's last row."""
    return (
        row.criterion.casefold().startswith(_overall_labels())
        and text.count("\n", table[-1].end, row.start) <= 2
        and not text[table[-1].end : row.start].strip()
    )


def _is_caption(line: str) -> bool:
    """A short line that opens the paragraph of the rows under it and ends in no sentence stop
    (``Domain one: organisational delivery``, ``The ratings are:``): the rows' caption, so
    they are still a block of their own."""
    line = line.strip()
    return 0 < len(line) <= 80 and line[-1] not in ".;,!?”’\"'" and "\t" not in line


def _bullet_matches(text: str) -> Iterator[tuple[re.Match[str], int]]:
    """Grade-first bullets with their grade in quotes (``• is ‘good’ at X;``), each with where
    its row starts. Tried only where a left quote stands before a grade's first letters
    (found with ``str.find``, much faster than the regex's scan), and there only when nothing
    but a bullet and ``is``/``are`` stands before it on its line: most quoted grades stand
    inside a sentence (``rated ‘good’ in …``), and the lead is far cheaper to check than the
    criterion's lazy run to the line's end."""
    bullet = _patterns()["bullet"]
    lead_pattern = _patterns()["bullet_lead"]
    words = _line_words()
    last_end = 0
    for i in offsets_of(text, _BULLET_LQ):
        if i < last_end or not _may_open_grade(text[i + 1 : i + 1 + words.opening_size], words):
            continue
        line_start = text.rfind("\n", 0, i) + 1
        mark = last_of(text, _BULLETS, line_start, i)
        lead = lead_pattern.fullmatch(text, mark if mark >= 0 else line_start, i)
        if lead is not None and (m := bullet.match(text, i)):
            last_end = m.end()
            yield m, lead.start() + len(lead.group(0)) - len(lead.group(0).lstrip())


_BULLET_INDENTS: Final = frozenset(("", " ", "  ", "\t"))
_BULLET_OPENINGS: Final = _BULLET_CHARS | {" ", "\t"}  # what a bulleted line may start with


def _bare_bullet_matches(text: str, lines: Sequence[str]) -> Iterator[re.Match[str]]:
    """Bullets with an unquoted grade, at the line starts (after an indent of up to two spaces
    or a tab) that hold a bullet: one pass over the lines, far cheaper than a multi-line regex
    scan or a ``str.find`` per bullet and indent (``lines``: the text split at line breaks)."""
    bare = _patterns()["bare_bullet"]
    pos = 0
    for line in lines:
        # (most lines open with a letter: neither a bullet nor an indent before one)
        if line[:1] in _BULLET_OPENINGS and (words := line.lstrip(" \t"))[:1] in _BULLET_CHARS:
            indent = len(line) - len(words)
            if line[:indent] in _BULLET_INDENTS and (m := bare.match(text, pos + indent)):
                yield m
        pos += len(line) + 1


def _bullet_rows(text: str, lines: Sequence[str]) -> list[list[_Row]]:
    tables: list[list[_Row]] = []
    run: list[_Row] = []
    last_end = -1
    bare = [(m, m.start()) for m in _bare_bullet_matches(text, lines)]
    found = _bullet_matches(text)
    for m, lead_start in sorted((*found, *bare), key=lambda f: f[0].start()) if bare else found:
        row = _Row(
            lead_start,
            m.end(),
            _clean_criterion(m.group("crit")),
            _grade_text(m.group("grade")),
            _STRONG,
        )
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        if run and (len(gap) > 12 or "\n\n" in gap):
            if len(run) >= _MIN_STRONG_RUN:
                tables.append(run)
            run = []
        run.append(row)
        last_end = m.end()
    if len(run) >= _MIN_STRONG_RUN:
        tables.append(run)
    return tables


def _stacked_label(line: str) -> bool:
    """Whether a line may label the grade on the line under it: short, and no sentence."""
    words = line.split()
    return 0 < len(words) <= _MAX_LABEL_WORDS and line.rstrip()[-1] not in ".;,:"


def _line_before(text: str, start: int) -> tuple[int, str]:
    """The last non-blank line before the line that starts at ``start``, across one blank line
    at most: where it starts and its text, or (-1, "")."""
    end = start - 1
    for _ in range(2):
        if end < 0:
            return -1, ""
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        if line.strip():
            return begin, line
        end = begin - 1
    return -1, ""


# The number a stacked row's label starts with: 1: Standards, 2. Wellbeing (group 1: digits).
_ROW_NUMBER: Final = re.compile(r"(\d{1,2})[.:)][ \xa0]+(?=\S)")


def _stacked_criterion(label: str) -> str:
    """A stacked row's label without the number Estyn's older reports give it."""
    crit = _clean_criterion(label)
    number = _ROW_NUMBER.match(crit)
    return crit[number.end() :] if number else crit


def _stacked_matches(text: str, lines: Sequence[str]) -> Iterator[re.Match[str]]:
    """What ``finditer`` of the stacked pattern yields (its matches never overlap: each
    stops before a line break), trying it only at the line breaks before a line that may be a
    grade alone: one that is a grade between spaces, tabs, bold marks and quotes. Few are."""
    stacked = _patterns()["stacked"]
    words = _line_words()
    pos = -1  # the line break before the line
    for line in lines:
        if pos >= 0 and _may_be_grade_alone(line, words) and (m := stacked.match(text, pos)):
            yield m
        pos += len(line) + 1


_STACKED_MARKS: Final = " \t" + _NOTES + _LQ + _RQ  # what may stand round a stacked row's grade


def _stacked_rows(text: str, lines: Sequence[str]) -> list[list[_Row]]:
    """Rows whose grade stands alone on the line under its criterion, a blank line between
    them or not (Estyn's reports: ``Standards`` then ``Good``). Two such rows in a row, each
    label right after the grade above it, make a table; so do numbered ones whose numbers run
    on (``1: Standards`` ... ``2: Wellbeing``) whatever prose stands between them (Estyn's
    older reports give each its findings); one alone is a heading and a word. A table copied
    one cell a line with several grade columns gives each label its grades one a line under
    it: the current column is read (_current_column)."""
    cell, stacked = _patterns()["cell"], _patterns()["stacked"]
    tables: list[list[_Row]] = []
    run: list[list[_Cell]] = []  # each row's label, then its grades (start, end, text)
    for m in _stacked_matches(text, lines):
        label_start, label = _line_before(text, m.start("line"))
        if label_start < 0:
            continue
        label_start += len(label) - len(label.lstrip())
        line = m.group("line")
        start = m.start("line") + len(line) - len(line.lstrip())
        grade = (start, start + len(line.strip()), _grade_text(m.group("grade")))
        if cell.fullmatch(label):
            if run and run[-1][-1][0] == label_start:  # the next column of the row above
                run[-1].append(grade)
            continue
        if not _stacked_label(label) or stacked.match("\n" + label):
            continue  # (a grade line over a grade line: a scale's ranks, ``6 - Excellent``)
        if run and not _stacked_goes_on(text, run[-1], label_start, label):
            _keep_stacked(text, run, tables)
            run = []
        run.append([(label_start, label_start + len(label.strip()), label), grade])
    _keep_stacked(text, run, tables)
    return tables


def _stacked_goes_on(text: str, row: Sequence[_Cell], label_start: int, label: str) -> bool:
    """Whether a stacked row whose label starts at ``label_start`` goes on the run whose last
    row is ``row``: right under its last grade, or numbered the next (``2: Wellbeing`` after
    ``1: Standards``) with prose between."""
    if not text[row[-1][1] : label_start].strip():
        return True
    number = _ROW_NUMBER.match(_clean_criterion(label))
    before = _ROW_NUMBER.match(_clean_criterion(row[0][2]))
    return bool(number and before and int(number.group(1)) == int(before.group(1)) + 1)


def _keep_stacked(text: str, run: Sequence[Sequence[_Cell]], tables: list[list[_Row]]) -> None:
    """The run's tables: its rows of as many grades each, two rows or more, each given the
    grade of its only column or of the current one."""
    at = 0
    while at < len(run):
        width = len(run[at]) - 1
        end = at + 1
        while end < len(run) and len(run[end]) - 1 == width:
            end += 1
        column = 0 if width == 1 else _current_column(text, run[at][0][0], width)
        if end - at >= _MIN_STRONG_RUN and column >= 0:
            tables.append(
                [
                    _Row(r[0][0], r[-1][1], _stacked_criterion(r[0][2]), r[1 + column][2], _STRONG)
                    for r in run[at:end]
                ]
            )
        at = end


_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
_MAX_HEADER_WORDS: Final = 6  # a column's name copied on a line of its own (``2024 Grade``)


def _current_column(text: str, label_start: int, width: int) -> int:
    """Which of ``width`` grade columns, copied one cell a line, holds the current grades, by
    the columns' names on the lines above the first label (the last ``width`` lines, across a
    blank line each): the latest year (``2024 Grade`` over ``2019 Grade``), else the only
    name with a word of ``column_labels.current`` (``This inspection``), else the only one
    without a word of ``column_labels.previous``; -1 when the names do not tell."""
    names: list[str] = []
    pos = text.rfind("\n", 0, label_start) + 1
    for _ in range(width):
        pos, line = _line_before(text, pos)
        words = line.split()
        if pos < 0 or len(words) > _MAX_HEADER_WORDS or _patterns()["cell"].fullmatch(line):
            return -1
        names.insert(0, " " + " ".join(words).casefold() + " ")
    years = [_YEAR.findall(n) for n in names]
    if all(len(y) == 1 for y in years) and len({y[0] for y in years}) == width:
        return max(range(width), key=lambda i: years[i][0])
    current, previous = _column_labels()
    now = [i for i, n in enumerate(names) if any(f" {w} " in n for w in current)]
    if len(now) == 1:
        return now[0]
    left = [i for i, n in enumerate(names) if not any(f" {w} " in n for w in previous)]
    return left[0] if len(left) == 1 else -1


@cache
def _column_labels() -> tuple[tuple[str, ...], tuple[str, ...]]:
    labels = load("scales")["column_labels"]
    return tuple(labels["current"]), tuple(labels["previous"])


def _without_cell_rank(cell: str) -> str:
    """An HTML cell without a rank before its grade (``<td>5 - Very good</td>``, ``<td>Grade 4
    - Good</td>``)."""
    cell = cell.strip()
    rank = _patterns()["cell_rank"].match(cell)
    return cell[rank.end() :] if rank else cell


def _html_rows(text: str, tables: Sequence[Sequence[Sequence[Span]]]) -> list[list[_Row]]:
    grade = _patterns()["tab"]
    out: list[list[_Row]] = []
    for table in tables:
        rows: list[_Row] = []
        header: tuple[_Cell, ...] = ()  # the last row of names before the first graded one
        for cells in table:
            if len(cells) < 2 or all(c.tag == "th" for c in cells):
                if not rows and len(cells) >= 2:
                    header = tuple((c.start, c.end, text[c.start : c.end]) for c in cells)
                continue  # a header row
            first = text[cells[0].start : cells[0].end]
            # the grade cells: each holds only a grade (a comment may follow the last)
            graded = [
                (i, found)
                for i, c in enumerate(cells[1:], 1)
                if (found := grade.match(f"x\t{_without_cell_rank(text[c.start : c.end])}"))
            ]
            if not graded or not first.strip():
                texts = [text[c.start : c.end].strip() for c in cells]
                if not graded and not rows and not _figures(texts):
                    header = tuple((c.start, c.end, text[c.start : c.end]) for c in cells)
                continue
            several = len(graded) > 1
            rows.append(
                _Row(
                    cells[0].start,
                    cells[-1].end,
                    _cell_label(_clean_criterion(first)),
                    _grade_text(graded[-1][1].group("grade")),
                    _STRONG,
                    "html" if several else "",
                    tuple((c.start, c.end, text[c.start : c.end]) for c in cells)
                    if several
                    else (),
                    tuple((i, _grade_text(m.group("grade"))) for i, m in graded) if several else (),
                    header if several else (),
                )
            )
        if rows:
            out.append(rows)
    return out


def _header_line(text: str, row_start: int) -> tuple[int, str]:
    """The line that may head a table whose first row starts at ``row_start``, and where it
    starts: the nearest line above it that is not a rule line, across one blank line at most."""
    end = text.rfind("\n", 0, row_start)
    rule = _patterns()["md_rule"]
    blank_seen = False
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not line.strip():
            if blank_seen:
                return -1, ""
            blank_seen = True
        elif not rule.match(line):
            return start, line
        end = start - 1
    return -1, ""


# A cell of figures ("62.5%", "1,204", "£3m"), not a column's name; a year ("2023",
# "2022-23") names a column.
_QUANTITY_CELL: Final = re.compile(r"[<>~]?[£$€]?\d[\d,]*(?:\.\d+)?[ \xa0]?(?:%|per cent|[mk]|bn)?")
_YEAR_CELL: Final = re.compile(r"(?:19|20)\d\d(?:[ \xa0]?[-–/][ \xa0]?\d{2,4})?")
_LOOSE_CELLS: Final = re.compile(r"[ \xa0]*(?:\t+|\|)[ \xa0]*|[ \xa0]{2,}")
_MAX_DATA_ROWS: Final = 20  # rows of figures stepped over between a table's header and its grades


def _figures(cells: Sequence[str]) -> bool:
    """Whether a row's cells after the first hold figures: a row of data, not a header."""
    return any(_QUANTITY_CELL.fullmatch(c) and not _YEAR_CELL.fullmatch(c) for c in cells[1:] if c)


def _named_header(text: str, row_start: int) -> tuple[int, str]:
    """The line that names the columns of a table whose first graded row starts at
    ``row_start`` (see ``_header_line``), stepping over rows of figures between them
    (``Pre-charge decisions | 62.5% | 55.0%``)."""
    pos = row_start
    for _ in range(_MAX_DATA_ROWS):
        start, line = _header_line(text, pos)
        if start < 0 or not _figures(_LOOSE_CELLS.split(line.strip(" \t\xa0|"))):
            return start, line
        pos = start
    return -1, ""


def _header_cells(kind: str, line: str) -> tuple[_Cell, ...]:
    """The cells of ``line`` if it may be a header of a table of this layout: two cells or
    more, none a grade or a sentence."""
    if not line or {"pipe": "|", "tab": "\t"}.get(kind, "  ") not in line.replace("\xa0", " "):
        return ()
    if _patterns()["header"].match(line):
        return ()  # ``Criteria | Score``: it names the label and grade columns, not the grades
    cells = tuple(_split_cells(kind, line, corner=True))
    cell = _patterns()["cell"]
    if len(cells) < 2 or any(
        c[2].endswith((".", ":", ";"))
        or len(c[2].split()) > _MAX_LABEL_WORDS
        or cell.fullmatch(c[2])
        for c in cells
    ):
        return ()
    return cells


@cache
def _header_labels() -> frozenset[str]:
    return frozenset(x.casefold() for x in load("scales")["header_labels"])


def _qualifier(row: _Row, index: int) -> str | None:
    """The header of the row's cell ``index``: the header cell in the same place (a header one
    cell short lacks the blank corner), or, for aligned spaces, the one cell above it."""
    cells, header = row.cells, row.header
    if not header:
        return None
    if len(header) == len(cells):
        found: _Cell | None = header[index]
    elif (
        len(header) == len(cells) - 1
        and row.kind != "aligned"
        and header[0][2].casefold() not in _header_labels()
    ):
        found = header[index - 1]
    elif row.kind == "aligned":
        start, end = cells[index][0], cells[index][1]
        above = [h for h in header if h[0] < end and start < h[1]]
        found = above[0] if len(above) == 1 and above[0][0] >= cells[0][1] else None
    else:
        found = None
    name = collapse_space(found[2]).strip(" *") if found else ""
    return name or None


def _items(row: _Row) -> Iterator[tuple[str, str, str | None]]:
    """(criterion, grade, qualifier) for each grade of the row, left to right."""
    if not row.grades:
        yield row.criterion, row.score, None
        return
    for index, grade in row.grades:
        qualifier = _qualifier(row, index)
        yield (f"{row.criterion} ({qualifier})" if qualifier else row.criterion), grade, qualifier


def _with_headers(text: str, rows: Sequence[_Row]) -> list[_Row]:
    """A text table's rows, those with several grade cells given the header line's cells."""
    if not any(r.grades for r in rows):
        return list(rows)
    _, line = _named_header(text, rows[0].start)
    headers: dict[str, tuple[_Cell, ...]] = {}
    out = []
    for r in rows:
        if r.grades:
            if r.kind not in headers:
                headers[r.kind] = _header_cells(r.kind, line)
            r = r.replaced(header=headers[r.kind])
        out.append(r)
    return out


@cache
def _inspection_labels() -> tuple[tuple[str, ...], frozenset[str]]:
    labels = load("scales")["inspection_labels"]
    return tuple(x.casefold() for x in labels["previous"]), frozenset(
        x.casefold() for x in labels["this"]
    )


def _this_inspection(text: str, rows: list[_Row]) -> list[_Row]:
    """A table's rows with a criterion graded on two lines, as 2015 Ofsted reports give
    ``Overall effectiveness``: ``Previous inspection:`` and its grade after the label, then
    ``This inspection:`` and the grade now on the line under it (``scales.json``'s
    ``inspection_labels``). One row: the label's, with this inspection's grade, spanning both."""
    previous, this = _inspection_labels()
    if not any(r.criterion.casefold() in this for r in rows):
        return rows
    out: list[_Row] = []
    for r in rows:
        before = out[-1] if out else None
        if (
            before is not None
            and r.criterion.casefold() in this
            and any(p in text[before.start : before.end].casefold() for p in previous)
        ):
            label = before.criterion
            for p in previous:  # an aligned row's criterion holds the cells before its grade
                if label.casefold().endswith(p):
                    label = label[: -len(p)].rstrip()
            out[-1] = _Row(before.start, r.end, label, r.score, r.strength)
        else:
            out.append(r)
    return out


def _without_space_ranks(rows: list[_Row]) -> list[_Row]:
    """A table's rows without the rank between criterion and grade that the Care
    Inspectorate's older summaries of grades write after one space (``Quality of staffing 5
    Very good``): a digit that ends every row's criterion of two words or more, after a
    space, and is its grade's rank on one scale. Other digits (``Standard 3 Good``, ranks
    that are not the grades') stay in the criterion."""
    if len(rows) < 2 or any(r.grades or not _space_rank(r.criterion) for r in rows):
        return rows
    if not _ranks_on_one_scale([(r.score, _space_rank(r.criterion)) for r in rows]):
        return rows
    return [r.replaced(criterion=r.criterion[:-2], rank=int(r.criterion[-1])) for r in rows]


def _ranks_on_one_scale(graded: Sequence[tuple[str, int]]) -> bool:
    """Whether each (grade, rank) gives the grade's rank on one scale (the same for all)."""
    scales, aliases = _scales()
    keys = [
        (aliases.get(k, k), rank) for g, rank in graded for k in (collapse_space(g).casefold(),)
    ]
    return any(all(s.grades.get(k) == rank for k, rank in keys) for s in scales)


def _space_rank(criterion: str) -> int:
    """The digit that ends a criterion of three words or more after one space, as a rank
    before the grade (``Quality of staffing 5``), or 0 (``Standard 3`` is a name)."""
    if criterion[-1:] in _RANKS and criterion[-2:-1] == " " and len(criterion.split()) >= 3:
        return int(criterion[-1])
    return 0


def _ranked_on_a_scale(criterion: str, grade: str) -> bool:
    """Whether ``criterion`` ends with ``grade``'s rank on some scale, after one space
    (``Quality of Environment 4`` before ``Good``)."""
    rank = _space_rank(criterion)
    return bool(rank) and _ranks_on_one_scale([(grade, rank)])


def find_scores(text: str, tables: Sequence[Sequence[Sequence[Span]]] = ()) -> list[Score]:
    """Find every ratings table row.

    Args:
        text: the release text.
        tables: cell spans of tables read from HTML markup, when the release was a web page.

    Returns:
        One item per grade, in text order: a row with several grade columns gives one item per
        grade cell, left to right, its criterion qualified by the column's header
        (``Pre-charge decisions (Crown Court)``). Each grade is ranked on the one scale that
        fits its whole table (``score_value``/``scale`` null when no scale holds every grade
        of the table).
    """
    found = _html_rows(text, tables) if tables else []
    taken = [(t[0].start, t[-1].end) for t in found]
    lines = text.split("\n")
    for group in (
        *(_without_space_ranks(_this_inspection(text, t)) for t in _table_rows(text, lines)),
        *_bullet_rows(text, lines),
        *_stacked_rows(text, lines),
    ):
        s, e = group[0].start, group[-1].end
        if any(s < te and ts < e for ts, te in taken):
            continue
        found.append(_with_headers(text, group))
        taken.append((s, e))
    found.sort(key=lambda t: t[0].start)
    out: list[Score] = []
    _, aliases = _scales()
    for index, rows in enumerate(found):
        items = [(r, item) for r in rows for item in _items(r)]
        ranked = [(r.score, r.rank) for r in rows if r.rank]
        scale = _grade_scale([grade for _, (_, grade, _) in items], text, ranked)
        for r, (criterion, grade, qualifier) in items:
            key = grade.casefold()
            key = aliases.get(key, key)
            # (by position: keywords cost a dict built for each call)
            out.append(
                Score(
                    criterion,
                    grade,
                    scale.grades.get(key) if scale else None,  # score_value
                    scale.name if scale else None,  # scale
                    r.start,
                    r.end,
                    index,  # table
                    qualifier,
                )
            )
    return out


def table_regions(text: str, scores: Sequence[Score]) -> list[tuple[int, int, str]]:
    """The span of each ratings table, with the header and rule lines just above it (a header
    may stand one blank line above its first row; a table with several grade columns takes the
    header that named them) and the rule lines just below it."""
    spans: dict[int, list[int]] = {}
    named: set[int] = set()  # tables whose columns were named by a header line
    for s in scores:
        r = spans.setdefault(s.table, [s.start, s.end])
        r[0], r[1] = min(r[0], s.start), max(r[1], s.end)
        if s.qualifier is not None:
            named.add(s.table)
    pats = _patterns()
    out = []
    for table, (first, end) in spans.items():
        start = first
        if table in named:
            line_start, line = _named_header(text, first)
            if line_start >= 0:
                start = line_start + len(line) - len(line.lstrip())
        while True:
            this_line = text.rfind("\n", 0, start) + 1
            if this_line == 0:
                break
            prev_line = text.rfind("\n", 0, this_line - 1) + 1
            line = text[prev_line : this_line - 1]
            if not line.strip() and start == first and prev_line:
                prev_line = text.rfind("\n", 0, prev_line - 1) + 1
                line = text[prev_line : text.find("\n", prev_line)]
                if not pats["header"].match(line):
                    break
            elif not line.strip() or not (
                pats["header"].match(line) or pats["md_rule"].match(line)
            ):
                break
            start = prev_line + (len(line) - len(line.lstrip()))
        while (nl := text.find("\n", end)) >= 0:  # a grid table's closing border
            stop = text.find("\n", nl + 1)
            line = text[nl + 1 : stop if stop >= 0 else len(text)]
            if not line.strip() or not pats["md_rule"].match(line):
                break
            end = nl + 1 + len(line.rstrip())
        out.append((start, end, "table"))
    return out


# The rank written beside a row's grade, at the row's end: ``4 - Good`` (a cell of its own
# before the grade) or ``Good 2`` (after it); and the number a row starts with (``1: Standards``).
_RANK_AFTER_SPAN: Final = re.compile(r"[’'\"”]?\**[ \t\xa0]+([1-6])[ \t\xa0|]*$")


def _rank_before(row: str, at: int, criterion: str) -> int:
    """Where the rank written before a row's grade (which starts at ``at``) stands in the row,
    or -1: the rank the row patterns cut from the criterion (``| 4 - Good |``, ``Grade 5 - Very
    good``, ``How good is our setting? 5 - Very good``: _rank_at_end), or a digit after one
    space, maybe then a dash, that the table cut from every row's criterion (``Support 5 Very
    good``: _without_space_ranks; ``Environment 4 - Good`` in rows run into one line:
    _ranked_rows_in_line) and the criterion does not end with (``Standard 3 Good`` keeps it)."""
    head = row[:at].rstrip(_GRADE_MARKS)
    if rank := _rank_at_end(head):
        return rank.start() + next(i for i, c in enumerate(rank.group()) if c.isdecimal())
    head = head.rstrip(" \xa0-–—")
    digit = len(head) - 1
    start = row.find(criterion)
    if (
        head[-1:].isdecimal()
        and head[-2:-1] in (" ", "\xa0")
        and start >= 0
        and digit >= start + len(criterion)
    ):
        return digit
    return -1


def label_spans(text: str, scores: Sequence[Score]) -> list[Span]:
    """The digits of ratings rows that label rather than count: a grade's rank beside it
    (``| 4 - Good |``, ``Good 2``) and the number a row starts with (``1: Standards``)."""
    out: list[Span] = []
    for s in scores:
        row = text[s.start : s.end]
        if row[:1].isdecimal() and (number := _ROW_NUMBER.match(row)):
            out.append(Span(s.start + number.start(1), s.start + number.end(1)))
        at = row.casefold().rfind(s.score.casefold())
        if at < 0:
            continue
        if (before := _rank_before(row, at, s.criterion)) >= 0:
            out.append(Span(s.start + before, s.start + before + 1))
        # Most rows have no rank after the grade: the pattern is tried only where a digit
        # ends the row.
        if row.rstrip(" \t\xa0|\n")[-1:] in _RANKS and (
            after := _RANK_AFTER_SPAN.match(row, at + len(s.score))
        ):
            out.append(Span(s.start + after.start(1), s.start + after.end(1)))
        if "\n" in row[:at]:  # a row on two lines: the rank after the first line's grade
            first = row[: row.find("\n")].rstrip(" \t\xa0|")
            if first[-1:] in _RANKS and _may_be_row(first[:-1], _line_words()):
                out.append(Span(s.start + len(first) - 1, s.start + len(first)))
    return out
