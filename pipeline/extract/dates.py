"""Date expressions: every day, month, year, financial year and range, in text order.

``find_dates(text)`` is a pure function. Ranges are one item (``between April and June 2016``,
``1 to 3 October 2018``, ``April–June 2016``, ``June and July 2019``, ``from 2015/16 to
2017/18``); ``2015–16`` / ``2015/16`` / ``2018/2019`` over consecutive years are UK financial
years (1 April to 31 March), ``2023–25`` is a span of years. ``the year to March 2025`` is the
twelve months that end then (``the three months to 30 June 2022``: three months); ``Q3 2021/22``
is a quarter of a financial year (October to December 2021); ``Q4 2018``, ``2018Q4`` and ``the
fourth quarter of 2018`` a calendar quarter; parts of a year are months (``the end of 2012``:
September to December, ``early 2019``, ``mid-2020``; the table is in ``dates_vocab.json``);
``the third Tuesday of September 2014``, ``the last day of October 2015``, ``March third,
2015`` and ``the twenty-first of June 2024`` are one day; ``2024-25 Q2`` is a quarter of a
financial year.
Numeric dates read day first (``3/4/2015`` is 3 April; ``31/10/74``, ``31-Oct-1974``,
``2015-3-3``, ``2/2013``). ``1 July 2021 and 3 July 2021``
are two dates, not a range (``between`` would make one). Month-first day ranges and lists read
as day-first ones (``September 10 and 11``, ``June 28 to July 3, 2026``, ``10, 11 and 12
September``), and so do mixed ones (``May 26th - 1st June 2015``); one with no year may run
over the new year (``December 30 to January 2``); a season with a year is its three months
(``autumn 2026``: September to November; ``winter 2025/26``: December 2025 to February 2026);
``w/c 5 May`` is the week that starts then (``w/e 5 May``: ends); ``Tuesday 3rd`` is the 3rd, a
Tuesday, of the month round it; a day known by its name is that day (``Boxing Day 2023``, ``on
Christmas Day``: ``named_days``), a movable one by its rule (``Easter Monday 2025``,
``Remembrance Sunday``, ``the spring bank holiday``); ``opens June 27.`` and ``1January`` are
days; two years in a row beside ``academic year`` are a school year (``the 2023/24 academic
year``: September to August); ``the fifth of November`` is a day and ``mid-June`` a part of a
month (``month_parts``), with or without a year; ``2025-6`` is a financial year. A date
without a year (``5 April``) takes one by the shape of the text (``_fill_years``: the dated
date it is listed with, a day to come after the dateline, a full date before it in its
paragraph, the dateline, the nearest full date, else the year that months and years name
most often) and is flagged
``year_inferred``; it is never resolved against today's date. Values come from
:mod:`pipeline.normalize`.

How: one fast scan finds anchors (a capitalised month name or first word of a named day, or
digits that could start a date); the date patterns are tried only there (at digits, also
from a lower-case month name right before them: ``march 3rd 2015``); a weekday or lead word
("between", "from", "the year to", "the fourth quarter of", "mid-", "the third Tuesday of")
right before is then taken in.
Each white-space run in a pattern is followed by a fixed token, so matching is linear in the
length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, Final

from pipeline import vocab
from pipeline.model import DateMention
from pipeline.normalize import (
    ORDINAL_WORDS,
    days_in_month,
    financial_year,
    iso_day,
    iso_month_end,
    iso_month_start,
    iso_year_end,
    iso_year_start,
    month_number,
    months_to,
    months_to_day,
    second_year,
    shift_month,
)

_V = vocab.load("dates_vocab")
_YEAR_MIN: Final[int] = _V["year_min"]
_YEAR_MAX: Final[int] = _V["year_max"]


def _alt(words: list[str]) -> str:
    """An alternation, longest first so that ``Sept`` wins over ``Sep``."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _case_forms(words: list[str]) -> list[str]:
    return [f for w in words for f in (w, w.upper())]


def _month_forms(words: list[str]) -> list[str]:
    """Month names in Title, UPPER and lower case (lower case is checked by _lower_ok)."""
    return [f for w in words for f in (w, w.upper(), w.lower())]


_MONTH_WORDS = [_m["name"] for _m in _V["months"]]
_ABBR_WORDS: Final = [_a for _m in _V["months"] for _a in _m["abbr"]]
_FULL: Final = _alt(_month_forms(_MONTH_WORDS))
_ABBR: Final = _alt(_month_forms(_ABBR_WORDS))
# Lower-case month names are not anchors (scanning for them at every "m" or "s" is slow); the
# digits of their day or year are, and look back for them (see _match_at).
_LOWER_MONTH_RE: Final = re.compile(
    rf"(?<![A-Za-z])(?:{_alt([w.lower() for w in _MONTH_WORDS + _ABBR_WORDS])})(?![a-z])"
)
_LOWER_MONTH_STEMS: Final = tuple(sorted({w.lower()[:3] for w in _MONTH_WORDS + _ABBR_WORDS}))
_LOWER_VERBS: Final = frozenset(_V["lower_case_verbs"]["words"])
_YY_PIVOT: Final[int] = _V["two_digit_year_pivot"]["value"]


def _ordinals_to(n: int) -> dict[str, int]:
    """The ordinals from 1 to ``n`` as words and as digits, which end as the words do:
    ``first``, ``1st``, ..."""
    words = {w: v for w, v in ORDINAL_WORDS.items() if v <= n}
    return words | {f"{v}{w[-2:]}": v for w, v in words.items()}


_Q_ORDINALS: Final = _ordinals_to(_V["quarters"]["ordinals_to"])
_PARTS_OF: Final[dict[str, list[int]]] = _V["year_parts"]["of"]
_PARTS_BEFORE: Final[dict[str, list[int]]] = _V["year_parts"]["before"]
_MONTH_PARTS_OF: Final[dict[str, list[int]]] = _V["month_parts"]["of"]
_MONTH_PARTS_BEFORE: Final[dict[str, list[int]]] = _V["month_parts"]["before"]
# How the words before a part of a month end: "of" (the end of), "mid-", "early", ...
_PART_WORD_ENDS: Final = ("of", *_MONTH_PARTS_BEFORE, *(w + "-" for w in _MONTH_PARTS_BEFORE))
_NTH: Final = _ordinals_to(_V["nth_weekday"]["ordinals_to"]) | {_V["nth_weekday"]["last"]: -1}
# A day written as an ordinal word, with its month and year: "March third, 2015", "the
# twenty-first of June 2024".
_DAY_WORDS: Final = {w: v for w, v in ORDINAL_WORDS.items() if v <= 31}
# "twenty-first" also as "twenty first", in any letter case
_DAY_WORD: Final = (
    "(?i:"
    + "|".join(
        r"[\s-]".join(map(re.escape, w.split("-")))
        for w in sorted(_DAY_WORDS, key=len, reverse=True)
    )
    + ")"
)
_SEASONS: Final[dict[str, list[int]]] = _V["seasons"]["months"]
_SEASON_NOT_BEFORE: Final = frozenset(_V["seasons"]["not_before"])
_WEEKDAY: Final = _alt(_case_forms(_V["weekdays"]))
_LINK: Final = _alt(_V["range_links"])
_LINK_WORDS: Final = frozenset(_V["range_links"])
_LEADS: Final = tuple(_V["range_leads"])
# Keyed by the head's words joined by one space, as _year_to_before reads a match ("12-month
# period" and "12 month period" are one head).
_YT_MONTHS: Final[dict[str, int]] = {
    " ".join(re.split(r"[\s-]+", h.lower())): n
    for h, n in _V["year_to_heads"].items()
    if not h.startswith("_")
}
_YT_HEAD: Final = "|".join(
    r"[\s-]+".join(map(re.escape, h.split())) for h in sorted(_YT_MONTHS, key=len, reverse=True)
)
_YT_LINK: Final = _alt(_V["year_to_links"])
_YT_LAST_WORDS: Final = (*_V["year_to_links"], "of", "end-")

_S = r"\s+"
# A statistics table's mark glued to a financial year ("2013-14p" provisional, "2011-12r"
# revised): the year ends before it (so "14p" is no sum in pence).
_STAT_MARK: Final = r"|(?=[pr](?![\w%]|[.,:/]\d))"
_DASH: Final = r"[-\u2010-\u2015\u2212]"
_CONN: Final = rf"(?:\s*{_DASH}\s*|\s+(?:{_LINK})\s+)"
# The first of two seasons, right before the second: "spring/summer", "autumn and winter".
_SEASON_PAIR_RE: Final = re.compile(
    rf"(?<![\w-])({_alt(list(_SEASONS))})(?:\s*(?:/|{_DASH})\s*|\s+(?:and|to|&)\s+)\Z",
    re.IGNORECASE,
)
# Nothing glued on before a date's first digit, but for FY before two years (FY2023/24, FY24/25).
_NOT_GLUED: Final = rf"(?:(?<![\w.,:/£$€#])|(?<=\bFY)(?=(?:\d\d)?\d\d(?:{_DASH}|/)\d\d))"


# An abbreviation's full stop belongs to it only when the date goes on ("Sept. 2015"); at the
# end of a sentence ("on 30 Jun.") it is the sentence's.
_ABBR_DOT: Final = r"(?:\.(?=\s*[\d,'-]|\s+(?:to|and|until|till)\s))?"


# The days between the first and the last of a list: "10, 11 and 12 September".
_MORE_DAYS: Final = r"(?:,\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w]))*"


def _month(name: str) -> str:
    return rf"(?P<{name}>{_FULL}|(?:{_ABBR}){_ABBR_DOT})(?![A-Za-z])"


def _day(name: str, suffixes: str = "st|nd|rd|th", stop: str = r"[\d\w]") -> str:
    """A day's digits named ``name``, one of the ``suffixes`` after them or none, and no
    character of the class ``stop`` next (a Welsh day's: ``_CY_SUFFIXES``, ``_CY_STOP``)."""
    return rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:{suffixes})?(?!{stop})"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:19|20)\d\d)(?![\w%]|[.,:]\d)"


def _union(start: str, branches: list[tuple[str, str]]) -> re.Pattern[str]:
    """``start``, then the first of the named ``branches`` that matches (its name is the
    match's ``lastgroup``)."""
    return re.compile(start + "(?:" + "|".join(f"(?P<{n}>{body})" for n, body in branches) + ")")


def _gated_union(
    start: str, branches: list[tuple[str, str]], gates: dict[str, str]
) -> re.Pattern[str]:
    """What ``_union(start, branches)`` matches, faster: each run of branches with the same
    gate in ``gates`` (a look-ahead that each of them needs to match: white space and one or
    two digits before a day) is tried only when its gate holds. The branches keep their
    order, so the first that matches is the same; a failing branch costs the engine as much
    as a search of the month names it reads again, a failing gate a few characters."""
    runs: list[tuple[str | None, list[str]]] = []
    for name, body in branches:
        gate = gates.get(name)
        if not runs or runs[-1][0] != gate:
            runs.append((gate, []))
        runs[-1][1].append(f"(?P<{name}>{body})")
    alts = ["|".join(b) if g is None else f"(?={g})(?:{'|'.join(b)})" for g, b in runs]
    return re.compile(start + "(?:" + "|".join(alts) + ")")


# Finding dates fast: a scan for anchors whose pattern starts with plain characters, so that
# the regex engine skips everything else in C; the full patterns are tried only at anchors.
# An anchor is a month name, Q of Q1, four digits, or one or two digits that are followed by
# what a day needs (a capitalised word, a dash, "to"/"and", a slash, or a point and the
# numbers of a numeric date: "13.12.2016", not "7.4 million"). The core of an expression
# starts at its first digit or month; a weekday and lead words ("between", "from", "the year
# to") are picked up afterwards by looking back.
# (a lower-case word after a day must start like a month: "25th march 2015")
_LOWER_MONTH_STARTS: Final = _alt(sorted({w[:3].lower() for w in _MONTH_WORDS}))
_GLUED_MONTH_STARTS: Final = _alt(_month_forms(sorted({w[:3] for w in _MONTH_WORDS})))
# (a Welsh ordinal's ending too, and Welsh "o" for "of": "3ydd o Fedi", so that a Welsh day's
# digits are looked at: see _welsh_next_to; a dash before a weekday: "Monday 3 - Friday 7 March")
# (a letter first: most digits have none after them, and this fails them at once)
_CY_DAY_ENDS: Final = (
    rf"(?=[a-z])(?:{_alt(['st', 'nd', 'rd', 'th', *_V['welsh']['ordinal_suffixes']])})"
)
_DAY_NEXT: Final = (
    rf"(?:{_CY_DAY_ENDS})?(?=\s+(?:of?\s+)?(?:[A-Z]|(?:{_LOWER_MONTH_STARTS}))|\s*{_DASH}\s*[\dA-Z]"
    r"|,\s+\d"
    rf"|\s+(?:{_LINK})\s+[\dA-Z]|/\d|\.\d\d?\.\d|[-/][A-Za-z]|(?:{_GLUED_MONTH_STARTS}))"
)
# What a digit that starts no date comes after: another digit ("2345" of "12345"), a point
# ("7.4"), or what _NOT_GLUED keeps from a date's start (a lower-case month before a comma
# glued to the digit reads no date either: every pattern has white space after a comma).
_GLUE_BEFORE: Final = r"[\d.,:/£$€#]"


# An ordinal day with nothing after it that a day needs: a date only after a weekday
# ("on Tuesday 3rd", "Wednesday the 12th"), whose month is that of the dates round it.
_ORDINAL_END: Final = r"(?:st|nd|rd|th)(?![\w])"


# Days known by their name: "Christmas Day", "St Andrew’s Day" (named_days in dates_vocab.json),
# and movable ones, each by its rule ("Easter Monday", "Remembrance Sunday": see _movable_day).
_NAMED_DAYS: Final[dict[str, list[int]]] = _V["named_days"]["days"]
_MOVABLE: Final[dict[str, Any]] = {
    n: r for n, r in _V["named_days"]["movable"].items() if not n.startswith("_")
}


@dataclass(frozen=True, slots=True)
class _MovableRule:
    """How a movable day falls (``named_days.movable``): so many days from Easter Sunday, or
    the n-th weekday of a month (``nth``: month, n (-1 the last), weekday, Monday 0); the
    years it was moved to another day."""

    easter: int | None
    nth: tuple[int, int, int] | None
    moved: dict[int, tuple[int, int]]


_LOWER_NAMED: Final[list[str]] = _V["named_days"]["lower_case"]["names"]
_LOWER_TRIGGERS: Final[list[str]] = _V["named_days"]["lower_case"]["triggers"]


def _named_key(written: str) -> str:
    """How a named day is looked up: ``ST. ANDREW’S  DAY`` -> ``st andrews day``."""
    words = written.lower().replace("\u2019", "").replace("'", "").split()
    return " ".join("st" if w in ("st.", "saint") else w for w in words)


_NAMED_BY_KEY: Final = {_named_key(name): md for name, md in _NAMED_DAYS.items()}
_WEEKDAY_INDEX: Final = {
    w.lower(): i for i, w in enumerate(_V["weekdays"][:7])
}  # Monday 0 ... Sunday 6 (the first seven names are the full ones)


def _movable_rule(rule: Any) -> _MovableRule:
    nth = rule.get("nth")
    return _MovableRule(
        easter=rule.get("easter"),
        nth=None if nth is None else (nth[0], nth[1], _WEEKDAY_INDEX[nth[2].lower()]),
        moved={int(y): (md[0], md[1]) for y, md in rule.get("moved", {}).items()},
    )


_MOVABLE_BY_KEY: Final = {_named_key(name): _movable_rule(r) for name, r in _MOVABLE.items()}


def _named_form(written: str) -> str:
    """A name's pattern as ``written``: an apostrophe straight, curly or left out, ``St`` also
    ``St.`` or ``Saint``."""
    saint = {"St": r"(?:St\.?|Saint)", "ST": r"(?:ST\.?|SAINT)"}
    words = [saint.get(w) or re.escape(w).replace("'", "['\u2019]?") for w in written.split()]
    return _S.join(words)


def _named_re(forms: list[str]) -> re.Pattern[str]:
    """The named days as written in ``forms``, longest first, and a year after one (one space
    or a comma)."""
    return re.compile(
        r"(?<![\w'\u2019])(?P<nday>(?P<nday_n>"
        + "|".join(_named_form(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w'\u2019])(?:,?\s+(?P<nday_y>(?:19|20)\d\d)(?![\w]|[.,/:]\d))?)"
    )


_ALL_NAMED: Final = [*_NAMED_DAYS, *_MOVABLE]
# (what an anchor needs: the first word, up to its apostrophe or without it)
_NAMED_FIRST_WORDS: Final = sorted(
    {"Saint"}
    | {
        w
        for name in _ALL_NAMED
        for w in (name.split()[0].split("'")[0], name.split()[0].replace("'", ""))
    }
)
# Title Case, capitals, and the lower-case names with their first letter capitalised
# ("Spring bank holiday"), all anchored on their first word by the main scan.
_NAMED_DAY_RE: Final = _named_re(
    [*_ALL_NAMED, *(n.upper() for n in _ALL_NAMED), *(n[0].upper() + n[1:] for n in _LOWER_NAMED)]
)
# Looked for only round a trigger word that str.find finds: "boxing day", "the spring bank
# holiday", "early May bank holiday".
_LOWER_NAMED_RE: Final = _named_re(_LOWER_NAMED)
# How far from a word of a name the name may start or end (twice the longest name: room for
# line breaks and runs of spaces between its words).
_LOWER_REACH: Final = 2 * max(map(len, _LOWER_NAMED))
_LOWER_WORD_CHARS: Final = "abcdefghijklmnopqrstuvwxyz'\u2019"


def _no_apostrophe(word: str) -> str:
    return word.replace("\u2019", "").replace("'", "")


def _lower_before() -> dict[str, frozenset[str]]:
    """Each lower-case word of a name that holds a trigger, and the words that come before it
    in a name (none when it opens a name: any word may come before it)."""
    opens: set[str] = set()
    before: dict[str, set[str]] = {}
    for name in _LOWER_NAMED:
        words = [_no_apostrophe(w) for w in name.split()]
        for k, w in enumerate(words):
            if w.islower() and any(t in w for t in _LOWER_TRIGGERS):
                if k == 0:
                    opens.add(w)
                else:
                    before.setdefault(w, set()).add(words[k - 1])
    return {w: frozenset() if w in opens else frozenset(before[w]) for w in opens | set(before)}


_LOWER_BEFORE: Final = _lower_before()


# The anchor words (Title Case and capitals) of the month names and of the named days.
_MONTH_ANCHORS: Final = frozenset(_case_forms(_MONTH_WORDS + _ABBR_WORDS))
_NAMED_ANCHORS: Final = frozenset(_case_forms(_NAMED_FIRST_WORDS))


def _anchor_pattern() -> str:
    # One alternative per first character, each starting with that plain character: the
    # engine then tests a position against a small set before trying anything.
    by_first: dict[str, set[str]] = {}
    for w in sorted(_MONTH_ANCHORS | _NAMED_ANCHORS):
        by_first.setdefault(w[0], set()).add(w[1:])
    # (a digit after a glue character is turned away by a look behind after the digit, so
    # that each alternative still starts with its plain character)
    alts = [
        rf"{d}(?<!{_GLUE_BEFORE}{d})(?:\d\d\d(?!\d)|\d?{_DAY_NEXT}|\d?{_ORDINAL_END})"
        for d in "0123456789"
    ]
    alts += [
        f"{re.escape(c)}(?:{_alt(sorted(rest))})(?![a-z])" for c, rest in sorted(by_first.items())
    ]
    alts.append(r"Q(?:(?=[1-4])|uarter(?=[ \t\xa0]+[1-4]\b))")
    return "|".join(alts)


_ANCHOR_RE = re.compile(_anchor_pattern())

# Patterns that start at a digit (where none is glued on before), tried in this order at an
# anchor: the first that matches wins.
_DIGIT_BRANCHES: Final = [
    # 2016-12-13
    (
        "iso",
        rf"{_year('iso_y')}-(?P<iso_m>1[0-2]|0?[1-9])-(?P<iso_d>[12]\d|3[01]|0?[1-9])"
        r"(?![\w-])",
    ),
    # 13/12/2016, 13.12.2016, 13-12-2016
    (
        "num",
        rf"(?P<num_d>[12]\d|3[01]|0?[1-9])(?P<num_sep>[/.-])"
        rf"(?P<num_m>1[0-2]|0?[1-9])(?P=num_sep){_year('num_y')}",
    ),
    # Thu, 01/14/2021 or 01/14/2021 09:12 (US order on incident logs): only when the
    # second number cannot be a month, so 3/4/2015 stays 3 April
    (
        "nus",
        rf"(?P<nus_m>1[0-2]|0?[1-9])/(?P<nus_d>1[3-9]|2\d|3[01])/"
        rf"{_year('nus_y')}",
    ),
    # 31/10/74, 3.3.15: a two-digit year
    (
        "num2",
        r"(?P<num2_d>[12]\d|3[01]|0?[1-9])(?P<num2_sep>[/.])"
        r"(?P<num2_m>1[0-2]|0?[1-9])(?P=num2_sep)(?P<num2_y>\d\d)(?![\w/-]|[.,]\d)",
    ),
    # 31-Oct-1974, 31/Oct/1974
    (
        "dsep",
        rf"{_day('dsep_d')}(?P<dsep_s>[-/]){_month('dsep_m')}(?P=dsep_s)"
        rf"{_year('dsep_y')}",
    ),
    # 2/2013: a month and year
    (
        "nmy",
        rf"(?P<nmy_m>1[0-2]|0?[1-9])/{_year('nmy_y')}(?![/-]\d)",
    ),
    # 2018Q4, 2018 Q4, 2024 Quarter 3 (as Scottish statistics name a quarter)
    ("yq", r"(?P<yq_y>(?:19|20)\d\d)(?: ?Q|[ \t\xa0]+Quarter[ \t\xa0]+)(?P<yq_n>[1-4])(?!\w)"),
    # 30 September to 2 October 2018, 28 February 2017 to 3 March 2017
    (
        "ddr",
        rf"{_day('ddr_d1')}{_S}{_month('ddr_m1')}(?:,?{_S}{_year('ddr_y1')})?"
        rf"(?P<ddr_conn>{_CONN})(?:(?:{_WEEKDAY})\.?,?\s+)?"
        rf"{_day('ddr_d2')}{_S}{_month('ddr_m2')}"
        rf",?{_S}{_year('ddr_y2')}",
    ),
    # 30 December to 2 January, 5 May - 9 June (no year: filled in from the text round it)
    (
        "ddn",
        rf"{_day('ddn_d1')}{_S}{_month('ddn_m1')}{_CONN}(?:(?:{_WEEKDAY})\.?,?\s+)?"
        rf"{_day('ddn_d2')}(?:{_S}of)?{_S}{_month('ddn_m2')}",
    ),
    # 26 May - June 1st, 2015, 30 December to January 2 2026: a day-first day, then a
    # month-first one (with an ordinal or a year, as "June 15" may be June 2015)
    (
        "dmmd",
        rf"{_day('dmmd_d1')}{_S}{_month('dmmd_m1')}{_CONN}{_month('dmmd_m2')}{_S}"
        r"(?P<dmmd_d2>[12]\d|3[01]|0?[1-9])(?:(?:st|nd|rd|th)(?!\w)|(?=,?\s+(?:19|20)\d\d(?!\d)))"
        rf"(?:,?{_S}{_year('dmmd_y')})?",
    ),
    # 1 to 3 October 2018, 6 and 17 February 2017, 6-17 February, the 13th to the 15th of July
    (
        "dr",
        rf"{_day('dr_d1')}{_MORE_DAYS}{_CONN}(?:the\s+)?(?:(?:{_WEEKDAY})\.?,?\s+)?"
        rf"{_day('dr_d2')}(?:{_S}of)?{_S}{_month('dr_m')}(?:,?{_S}{_year('dr_y')})?",
    ),
    # 13 December 2016, 13th of December 2016
    (
        "dmy",
        rf"{_day('dmy_d')}(?:{_S}of)?{_S}{_month('dmy_m')},?{_S}{_year('dmy_y')}",
    ),
    # 14April 2015, 3rdMarch 2019: a day glued to its month (text copied from a PDF), with a year
    (
        "dgy",
        rf"(?P<dgy_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?P<dgy_m>{_FULL}|{_ABBR})(?![A-Za-z])"
        rf"\.?,?{_S}{_year('dgy_y')}",
    ),
    # 1January, 3rdMarch: a day glued to its month's full name, with no year
    (
        "dgm",
        rf"(?P<dgm_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?P<dgm_m>{_FULL})(?![A-Za-z])",
    ),
    # from 2015/16 to 2017/18: a span of financial years
    (
        "fyr",
        rf"{_year('fyr_a')}(?:{_DASH}|/)(?P<fyr_b>\d{{4}}|\d\d)"
        rf"\s+(?:to|until|and)\s+{_year('fyr_c')}(?:{_DASH}|/)(?P<fyr_d>\d{{4}}|\d\d)"
        rf"(?:(?![\w%]|[.,:/]\d){_STAT_MARK})",
    ),
    # 2015-16, 2015/16, 2018/2019, 2023-25
    (
        "fy",
        rf"(?<!\d{_DASH}){_year('fy_y1')}(?:{_DASH}|/)(?P<fy_y2>\d{{4}}|\d\d?)"
        rf"(?:(?![\w%]|[.,:/]\d|[-/]\d){_STAT_MARK})",
    ),
    # (for) 24/25: a financial year of two two-digit years, after a word that leads a year
    (
        "fys",
        rf"(?<!\d{_DASH})(?P<fys_a>\d\d)/(?P<fys_b>\d\d)(?![\w%/]|[.,]\d)",
    ),
    # 2015 to 2017, (between) 2015 and 2017
    (
        "yr",
        rf"{_year('yr_y1')}(?P<yr_conn>{_CONN}){_year('yr_y2')}"
        rf"(?!{_DASH}\d|/\d)",
    ),
    # 5 April (no year: the release's own year)
    ("dm", rf"{_day('dm_d')}(?:{_S}of)?{_S}{_month('dm_m')}"),
    # 2016
    (
        "y",
        rf"(?<!\d{_DASH})(?<!\d\s{_DASH}\s){_year('y_y')}"
        rf"(?!{_DASH}\d|/\d|\s*(?:per\s*cent|percent)\b)",
    ),
]
# Tuesday 3rd, Wednesday the 12th: an ordinal day after a weekday, with no month
_WDO_RE: Final = _union(
    "",
    [("wdo", rf"(?:{_WEEKDAY})\.?,?\s+(?:the\s+)?(?P<wdo_d>[12]\d|3[01]|0?[1-9]){_ORDINAL_END}")],
)
_ORDINAL_RE: Final = re.compile(rf"\d\d?{_ORDINAL_END}")
# Where three digits stand, only a year can start (a day or a month has one or two digits);
# where fewer, only a day or a month: each digit anchor tries only the patterns of its kind.
_YEAR_FIRST: Final = frozenset(("iso", "yq", "fyr", "fy", "yr", "y"))
_YEAR_FIRST_RE: Final = _union(_NOT_GLUED, [b for b in _DIGIT_BRANCHES if b[0] in _YEAR_FIRST])
_CENTURIES: Final = ("19", "20")  # how a year of _year starts
# What comes right after a day's digits (and ordinal) in each day-first pattern: a slash, point
# or dash (13/12/2016), white space, a comma or a dash (5 April, 6-17 February, 10, 11 and 12
# September), a letter (14April 2015), a slash after two digits (24/25).
_DAY_DIGITS: Final = r"\d\d?(?:st|nd|rd|th)?"
_NUMERIC_GATE: Final = rf"{_DAY_DIGITS}[/.-]"
_WORDS_GATE: Final = rf"{_DAY_DIGITS}(?:[\s,]|{_DASH})"
_DAY_FIRST_GATES: Final = {
    **dict.fromkeys(("num", "nus", "num2", "dsep", "nmy"), _NUMERIC_GATE),
    **dict.fromkeys(("ddr", "ddn", "dmmd", "dr", "dmy", "dm"), _WORDS_GATE),
    **dict.fromkeys(("dgy", "dgm"), r"\d\d?[A-Za-z]"),
    "fys": r"\d\d/",
}
_DAY_FIRST_BRANCHES: Final = [b for b in _DIGIT_BRANCHES if b[0] not in _YEAR_FIRST]
_DAY_FIRST_RE: Final = _gated_union(_NOT_GLUED, _DAY_FIRST_BRANCHES, _DAY_FIRST_GATES)

# "last year", "this year", "next year" (relative_years), in any case
_REL_YEARS: Final[dict[str, int]] = _V["relative_years"]["words"]
_REL_YEAR: Final = rf"(?i:(?P<rel>{_alt(list(_REL_YEARS))})[ \t\xa0]+year)(?![\w'\u2019])"

# After an abbreviated month, the day must not read as a two-digit year: one digit, or an ordinal.
_MD_ABBR_DAY: Final = r"(?(abbr)(?=\s+(?:\d(?!\d)|\d\d(?:st|nd|rd|th))))"

# Patterns that start at a month name (group ``mon``). The name is read once: only one reading
# of it can go on (a full name, or an abbreviation with or without its full stop: what follows a
# month never starts with a point). Then what follows it is tried in this order; the first that
# matches wins. ``abbr``: the name is an abbreviation; ``paren``: a bracket opens before it,
# not after a weekday or a day's word (``Thursday (July 10)``, ``last night (June 19)``, ``this
# morning (May 3)`` are days; ``(May 19)`` may be a year). ("…day (": "yesterday", "today".)
_MONTH_START: Final = (
    r"(?<![\w.])(?:(?<=\()(?<![Dd]ay \()(?<!night \()(?<!morning \()(?<!evening \()"
    r"(?<!afternoon \()(?P<paren>))?"
    rf"(?P<mon>{_FULL}|(?P<abbr>{_ABBR}){_ABBR_DOT})(?![A-Za-z])"
)
_MONTH_BRANCHES: Final = [
    # December 13, 2016
    ("mdy", rf"{_S}{_day('mdy_d')},?{_S}{_year('mdy_y')}"),
    # June 12-13, 2019
    (
        "mddy",
        rf"{_S}{_day('mddy_d1')}{_MORE_DAYS}{_CONN}{_day('mddy_d2')},?{_S}{_year('mddy_y')}",
    ),
    # May 26th - 1st June 2015, December 30 to 2 January: a month-first day, then a
    # day-first one
    (
        "mddm",
        rf"{_MD_ABBR_DAY}{_S}{_day('mddm_d1')}{_CONN}(?:the\s+)?{_day('mddm_d2')}"
        rf"(?:{_S}of)?{_S}{_month('mddm_m2')}(?:,?{_S}{_year('mddm_y')})?",
    ),
    # September 10 and 11, May 3-4 (no year: as 10 and 11 September); after an
    # abbreviation a two-digit number without an ordinal is a year (Dec 24 - Feb 25)
    (
        "mdd",
        rf"{_MD_ABBR_DAY}{_S}{_day('mdd_d1')}{_MORE_DAYS}{_CONN}{_day('mdd_d2')}"
        r"(?![\d\w]|[.,:/-]\d)",
    ),
    # June 28 to July 3, Aug 8 - Aug 12, September 30 - October 2, 2026
    (
        "mdmd",
        rf"{_MD_ABBR_DAY}{_S}{_day('mdmd_d1')}{_CONN}{_month('mdmd_m2')}{_S}"
        rf"{_day('mdmd_d2')}(?:,?{_S}{_year('mdmd_y')}|(?![\d\w]|[.,:/-]\d))",
    ),
    # April and June 2016, April-June 2016, June and July 2019, May 2015 to March 2016
    (
        "mr",
        rf"(?:,?{_S}{_year('mr_y1')})?(?P<mr_conn>{_CONN}){_month('mr_m2')},?{_S}"
        rf"{_year('mr_y2')}",
    ),
    # Dec 16: an abbreviated month and a two-digit year (GOV.UK's document-link label)
    ("myy", rf"(?(abbr){_S}'?(?P<myy_y>\d\d)(?![\w%]|[.,:/-]\d)|(?!))"),
    # (May 19): a month and a two-digit year in brackets
    ("myb", rf"(?(paren){_S}'?(?P<myb_y>\d\d)(?=\))|(?!))"),
    # February 13th, (Thursday, February 13): no year, so an ordinal or a weekday
    # must show it is a day ("February 25" may be a month and a two-digit year)
    (
        "md",
        rf"{_S}(?P<md_d>[12]\d|3[01]|0?[1-9])(?P<md_th>st|nd|rd|th)?(?![\d\w%]|[.,:/-]\d)",
    ),
    # March third, 2015: a day written as an ordinal word
    ("mow", rf"{_S}(?P<mow_d>{_DAY_WORD})(?![\w-]),?{_S}{_year('mow_y')}"),
    # September 2016, Sept 2016
    ("my", rf",?{_S}{_year('my_y')}"),
    # March last year: the month in the year before the dateline's
    ("mrel", rf"{_S}{_REL_YEAR}"),
]
# What comes right after the month in the patterns that need it: a day (one or two digits),
# a day in words (its first letter).
_MONTH_DAY_GATE: Final = r"\s+\d\d?(?!\d)"
_MONTH_GATES: Final = {
    **dict.fromkeys(("mdy", "mddy", "mddm", "mdd", "mdmd", "md"), _MONTH_DAY_GATE),
    "mow": rf"\s+(?i:[{''.join(sorted({w[0] for w in _DAY_WORDS}))}])",
}
_MONTH_RE: Final = _gated_union(_MONTH_START, _MONTH_BRANCHES, _MONTH_GATES)

# The group of the (first) month name of the patterns that have a day.
_MONTH_GROUP: Final = {
    "dmy": "dmy_m",
    "dgy": "dgy_m",
    "dgm": "dgm_m",
    "dm": "dm_m",
    "mdy": "mon",
    "md": "mon",
}
_MONTH_KINDS: Final = frozenset(
    (
        *("ddr", "ddn", "dmmd", "dr", "dmy", "dgy", "dgm", "dm", "md", "mdd", "mdmd", "mddm"),
        *("dsep", "mdy", "mddy", "mow", "mr", "myy", "my", "mrel"),
    )
)
_WEEKDAY_NAMES: Final = frozenset(w.lower() for w in _V["weekdays"])
# Every month and weekday name and abbreviation, case-folded: the words of a dateline on a line
# of its own, for the other extractors (sections); the Welsh ones too, each month's every form
# ("Dydd Llun 3 Mawrth 2025").
_CY_WORDS: Final = [
    *(f for m in _V["welsh"]["months"] for f in (m["name"], *m["soft"], *m["aspirate"])),
    *_V["welsh"]["weekday_heads"],
    *_V["welsh"]["weekdays"],
]
DATE_WORDS: Final = frozenset(
    w.casefold() for w in (*_MONTH_WORDS, *_ABBR_WORDS, *_V["weekdays"], *_CY_WORDS)
)
_YEAR_LEADS: Final = frozenset(_V["year_alone"]["leads"])
_MD_LEADS: Final = frozenset(_V["month_day_leads"]["words"])
_MD_AFTER: Final = frozenset(_V["month_day_alone"]["after"])
_MD_NOT_AFTER: Final = frozenset(_V["month_day_alone"]["not_after"])
_PLURAL_NOUNS: Final = frozenset(_V["year_alone"]["plural_nouns"])
_WORD_RE: Final = re.compile(r"[a-z]+")
_FY_AFTER_RE: Final = re.compile(r"\s+financial\s+years?\b", re.IGNORECASE)
_ACADEMIC_WORDS: Final = tuple(_V["academic_year"]["words"])
_ACADEMIC_AFTER_RE: Final = re.compile(
    rf"\s+(?:{'|'.join(_S.join(w.split()) for w in _ACADEMIC_WORDS)})\b", re.IGNORECASE
)
_ACADEMIC_MONTHS: Final[list[int]] = _V["academic_year"]["months"]
_WORD_AFTER_RE: Final = re.compile(r"\s+([\w-]+)")
_URL_RE: Final = re.compile(r"://|www\.|\.[a-z]{2,6}/", re.IGNORECASE)
# 2024-25 Q2: a quarter written after its financial year (July to September 2024)
_FY_QUARTER_AFTER_RE: Final = re.compile(r"[ \t\xa0]Q([1-4])(?!\w)")
# Q3 2021 (July to September), Q3 2021/22 (a quarter of a financial year: October to December)
_QUARTER_RE: Final = re.compile(
    rf"(?<![\w.])(?:Q|Quarter[ \t\xa0]+)(?P<q_n>[1-4]),?{_S}{_year('q_y')}"
    rf"(?:(?:{_DASH}|/)(?P<q_fy>\d\d(?:\d\d)?)(?![\w%]|[.,:/]\d))?"
)

# Looked for only right before a month-year or full date: "the year to", "12 months ending".
_YEAR_TO_BEFORE: Final = re.compile(
    rf"(?<![\w-])(?:[Tt]he\s+)?(?P<head>{_YT_HEAD})\s+(?:{_YT_LINK})\s+"
    r"(?:(?:the\s+)?end\s+of\s+|end-)?\Z"  # the year to (the end of | end-)September
)

# Looked for only right before a year: "the fourth quarter of", "the end of", "mid-".
_QUARTER_BEFORE: Final = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?P<ord>{_alt(list(_Q_ORDINALS))})\s+"
    rf"(?:{_alt(_V['quarters']['words'])})\s+(?:of\s+)?\Z",
    re.IGNORECASE,
)
_PART_BEFORE: Final = re.compile(
    rf"(?<![\w-])(?:(?:the\s+)?(?P<of>{_alt(list(_PARTS_OF))})\s+of\s+"
    rf"|(?P<before>{_alt(list(_PARTS_BEFORE))})(?:-|\s+))\Z",
    re.IGNORECASE,
)
# Looked for only right before a single day: "w/c", "week commencing".
_WEEK_END_LEADS: Final[list[str]] = _V["week_end_leads"]["words"]
_WEEK_STEMS: Final = tuple(
    sorted({w.split()[0][:4].lower() for w in (*_V["week_leads"], *_WEEK_END_LEADS)})
)


def _leads(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


# (group "ends": the week ends on the day, "the week ending 2 March")
_WEEK_BEFORE: Final = re.compile(
    rf"(?<![\w/.])(?:the\s+)?(?:{_leads(_V['week_leads'])}|(?P<ends>{_leads(_WEEK_END_LEADS)}))"
    r"\s*:?\s+\Z",
    re.IGNORECASE,
)
# A range with no year over the new year spans at most this many months (November to March):
# "4 July to 1 June" is no range.
_WRAP_MONTHS: Final = 4
# The kinds whose first day may have its weekday written before it.
_WEEKDAY_KINDS: Final = frozenset(
    (
        *("dmy", "dgy", "dgm", "mdy", "mddy", "mdd", "mdmd", "mddm", "dm", "md", "dr"),
        *("ddr", "ddn"),
        *("dmmd", "mow", "nus"),
    )
)
_ONE_DAY_KINDS: Final = frozenset(
    ("dmy", "dgy", "dgm", "mdy", "mow", "dm", "md", "num", "num2", "iso", "dsep", "wdo")
)

# Looked for only right before a month and year: "the third Tuesday of", "the last day of".
_NTH_BEFORE: Final = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?P<ord>{_alt(list(_NTH))})\s+"
    rf"(?P<day>{_alt(list(_WEEKDAY_INDEX))}|{_V['nth_weekday']['day_word']})s?\s+"
    rf"(?:{_alt(_V['nth_weekday']['links'])})\s+\Z",
    re.IGNORECASE,
)

# Looked for only right before a month and year: "the twenty-first of".
_DAY_WORD_BEFORE: Final = re.compile(rf"(?<![\w-])(?:[Tt]he\s+)?(?P<ord>{_DAY_WORD})\s+of\s+\Z")
# With no year after the month, "the" must stand before: "the fifth of November" (not "a
# third of March's budget").
_THE_DAY_WORD_BEFORE: Final = re.compile(
    rf"(?<![\w-])[Tt](?:he|HE)\s+(?P<ord>{_DAY_WORD})\s+(?:of|OF)\s+\Z"
)
_FULL_MONTHS: Final = frozenset(w for m in _MONTH_WORDS for w in (m, m.upper()))
_MONTH_NUMBERS: Final = {m: k for k, m in enumerate(_MONTH_WORDS, 1)}

# UK telephone numbers: "0300 123 4567", "(020) 7946 0000", "+44 20 7946 0000". A year inside
# one is not a date (numbers.py drops the digits too). Starts with plain characters (fast).
PHONE_RE: Final = re.compile(
    r"(?:\+44\s?(?:\(0\)\s?)?\d{2,4}|\(0\d{2,4}\)|0\d{2,4})(?:[ -]?\d{3,4}){1,2}(?![\w])"
)
_PARAGRAPH_BREAK_RE: Final = re.compile(r"\n[^\S\n]*\n")
_CLOCK_AFTER_RE: Final = re.compile(r",?\s+[012]?\d:[0-5]\d(?!\d)")  # 01/14/2021 09:12
# What may follow a dateline's date on its line: nothing, or a clock time (``, 10:00am BST``).
_CLOCK_ONLY_RE: Final = re.compile(
    r"[\s.,|]*(?:(?:at\s+)?[012]?\d[:.][0-5]\d\s*(?:[ap]\.?m\.?)?\s*(?:BST|GMT)?[\s.]*)?",
    re.IGNORECASE,
)
# Between the dates of a list: ``28 November and the 2nd of December 2025``.
_LIST_LINK_RE: Final = re.compile(
    r",?\s*(?:(?:and|or|&)\s+)?(?:the\s+)?"
    r"(?:(?:at\s+)?(?:[012]?\d(?:[.:][0-5]\d)?\s*[ap]\.?m\.?|[012]?\d:[0-5]\d)\s+(?:on\s+)?)?"
    r"|\s*,\s*(?:the\s+)?"
)
_DATELINE_LABELS: Final = tuple(_V["dateline_labels"])
# A marker is a whole word, or a contraction glued to one ("we’ll").
_FUTURE_RE: Final = re.compile(
    "(?:"
    + "|".join(
        ("" if w[0] in "'’" else r"(?<![\w’'])") + r"\s+".join(map(re.escape, w.split()))
        for w in _V["future_markers"]["words"]
    )
    + r")(?!\w)",
    re.IGNORECASE,
)
_FUTURE_REACH: Final[int] = _V["future_markers"]["reach"]
_YEAR_TURN_DAYS: Final[int] = _V["year_turn"]["days"]
# Looked for only right after a date with no year: "14 March last year".
_REL_YEAR_RE: Final = re.compile(rf",?[ \t\xa0]+{_REL_YEAR}")
_FUTURE_NOT_BETWEEN: Final = frozenset(_V["future_markers"]["not_between"])
_WEEKDAY_STEMS: Final = frozenset(w[:3].lower() for w in _V["weekdays"])
_WEEKDAY_BY_STEM: Final = {w[:2].lower(): i for i, w in enumerate(_V["weekdays"][:7])}
_PHONE_CHARS: Final = frozenset("0123456789 -()+")


def phone_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` has UK telephone numbers (10 to 13 digits): (start, end) pairs."""
    out = []
    for m in PHONE_RE.finditer(text, start, len(text) if end is None else end):
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "_.,"):
            continue
        digits = sum(c.isdigit() for c in m.group())
        if 10 <= digits <= 13:
            out.append(m.span())
    return out


def _in_phone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a year, say) is part of a telephone number."""
    lo, hi = start, end
    while lo > 0 and start - lo < 16 and text[lo - 1] in _PHONE_CHARS:
        lo -= 1
    while hi < len(text) and hi - end < 16 and text[hi] in _PHONE_CHARS:
        hi += 1
    if lo == start and hi == end:
        return False
    return any(a < end and start < b for a, b in phone_spans(text, lo, hi))


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    start_date: str | None
    end_date: str | None
    granularity: str
    full: bool = False  # a day, month and year all written out
    month_year: bool = False  # a month and year written out
    no_year: tuple[int, int, int, int] | None = None  # (month1, day1, month2, day2) to fill in
    part: tuple[str, str] | None = None  # the months (days) a part of a year (month) points at
    part_days: tuple[int, int] | None = None  # a part of a month with no year: its days
    week: int = 0  # the week that starts (1: w/c 5 May) or ends (-1: week ending 5 May) on the day
    day_at: int = -1  # where the day's own words begin, when a week's words came before them
    movable: str | None = None  # a movable day's name (its key), when written with no year
    rel: int | None = None  # the years after the dateline's that "last year" (-1) ... name

    def day_words_at(self) -> int:
        """Where the day's own words begin (its weekday, if written)."""
        return self.start if self.day_at < 0 else self.day_at

    def week_end(self) -> None:
        """A week's item: the seven days from its day on, or up to it (``week ending``)."""
        if self.week and self.start_date is not None:
            first = date.fromisoformat(self.start_date) - timedelta(days=6 * (self.week < 0))
            self.start_date = first.isoformat()
            self.end_date = (first + timedelta(days=6)).isoformat()


def _ok_year(y: int) -> bool:
    return _YEAR_MIN <= y <= _YEAR_MAX


def _month_of(m: re.Match[str], name: str) -> int:
    got = month_number(m.group(name))
    if got is None:  # pragma: no cover - the patterns only match month names
        raise ValueError(m.group(name))
    return got


def _paragraph_from(text: str, start: int, reach: int) -> int:
    """Where the ``reach`` characters before ``start`` begin, cut at a blank line: the words
    that lead into a date stand in its own paragraph."""
    lo = max(0, start - reach)
    for gap in _PARAGRAPH_BREAK_RE.finditer(text, lo, start):
        lo = gap.end()
    return lo


def _lead_start(text: str, start: int) -> int:
    """Where a range that starts at ``start`` begins: at its lead word ("between", "from") if
    one comes right before, else at ``start`` (a result below ``start`` says there is one)."""
    j = start
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == start or _PARAGRAPH_BREAK_RE.search(text, j, start):
        return start
    if text[j - 4 : j].lower() == " the":  # from the 13th to the 15th July
        j -= 4
    for lead in _LEADS:
        i = j - len(lead)
        if i >= 0 and text[i:j].lower() == lead and (i == 0 or not text[i - 1].isalnum()):
            return i
    return start


def _year_to_before(text: str, start: int) -> tuple[int, int] | None:
    """Where "the year to" / "three months ending" starts, if it comes right before
    ``start``, and how many months it names."""
    if not text[max(0, start - 8) : start].rstrip().endswith(_YT_LAST_WORDS):
        return None
    m = _YEAR_TO_BEFORE.search(text, _paragraph_from(text, start, 60), start)
    if m is None:
        return None
    return m.start(), _YT_MONTHS[re.sub(r"[\s-]+", " ", m.group("head")).lower()]


def _month_span(s: int, e: int, y: int, mo: int, month_year: bool = False) -> _Found:
    return _Found(
        s, e, iso_month_start(y, mo), iso_month_end(y, mo), "month", month_year=month_year
    )


def _range(
    s: int, e: int, y1: int, m1: int, d1: int | None, y2: int, m2: int, d2: int | None
) -> _Found | None:
    """A range from (y1, m1[, d1]) to (y2, m2[, d2]); None when impossible or backwards."""
    if not (_ok_year(y1) and _ok_year(y2)):
        return None
    if d1 is None or d2 is None:
        lo, hi, gran = iso_month_start(y1, m1), iso_month_end(y2, m2), "month"
    else:
        day1, day2 = iso_day(y1, m1, d1), iso_day(y2, m2, d2)
        if day1 is None or day2 is None:
            return None
        lo, hi, gran = day1, day2, "day"
    if hi <= lo:
        return None
    return _Found(s, e, lo, hi, gran, full=d1 is not None, month_year=d1 is None)


def _convert(text: str, m: re.Match[str], start: int) -> list[_Found]:
    """Turn one match (which may begin with a weekday at ``start``) into date items: usually
    one, two for "March 2015 and June 2017", none when the values are impossible."""
    kind = m.lastgroup or ""
    e = m.end()
    if not _lower_ok(m, kind):
        return []
    if kind == "nday":
        return [_named_day(m, start)]
    if kind == "num2":
        yy = int(m.group("num2_y"))
        day = iso_day(_century(yy), int(m.group("num2_m")), int(m.group("num2_d")))
        return [_Found(start, e, day, day, "day", full=True)] if day else []
    if kind == "dsep":
        y = int(m.group("dsep_y"))
        day = iso_day(y, _month_of(m, "dsep_m"), int(m.group("dsep_d")))
        return [_Found(start, e, day, day, "day", full=True)] if day and _ok_year(y) else []
    if kind == "nmy":
        y = int(m.group("nmy_y"))
        return [_month_span(start, e, y, int(m.group("nmy_m")))] if _ok_year(y) else []
    if kind == "yq":
        y, q = int(m.group("yq_y")), int(m.group("yq_n"))
        return [_months(start, e, y, 3 * q - 2, 3 * q)] if _ok_year(y) else []
    if kind == "nus" and start == m.start() and not _CLOCK_AFTER_RE.match(text, e):
        return []  # "code 10/31/1974": US order only on a log line (weekday or time with it)
    if kind in ("iso", "num", "nus"):
        day = iso_day(
            int(m.group(f"{kind}_y")), int(m.group(f"{kind}_m")), int(m.group(f"{kind}_d"))
        )
        return [_Found(start, e, day, day, "day", full=True)] if day else []
    if kind in ("dmy", "mdy", "dgy"):
        y, mo, d = (
            int(m.group(f"{kind}_y")),
            _month_of(m, _MONTH_GROUP[kind]),
            int(m.group(f"{kind}_d")),
        )
        day = iso_day(y, mo, d)
        if day is None or not _ok_year(y):
            return []
        yt = _year_to_before(text, start)
        if yt is not None:  # the year ending 31 March 2025 starts on 1 April 2024
            return [_Found(yt[0], e, months_to_day(y, mo, d, yt[1]), day, "day", full=True)]
        return [_Found(start, e, day, day, "day", full=True)]
    if kind == "my":
        y, mo = int(m.group("my_y")), _month_of(m, "mon")
        if not _ok_year(y):
            return []
        yt = _year_to_before(text, start)
        if yt is not None:
            lo, hi = months_to(y, mo, yt[1])
            return [_Found(yt[0], e, lo, hi, "month", month_year=True)]
        nth = _nth_day_before(text, start, y, mo) or _day_word_before(text, start, y, mo)
        if nth is not None:
            return [_Found(nth[0], e, nth[1], nth[1], "day", full=True)]
        month = _month_span(start, e, y, mo, month_year=True)
        days = _month_part_before(text, start)
        if days is not None:  # mid-June 2025: the month, the days it points at in part
            month.start, month.part = days[0], _part_days(y, mo, days[1], days[2])
        return [month]
    if kind == "mow":
        y, mo = int(m.group("mow_y")), _month_of(m, "mon")
        day = iso_day(y, mo, _day_word(m.group("mow_d")))
        return [_Found(start, e, day, day, "day", full=True)] if day and _ok_year(y) else []
    if kind == "mrel":  # March last year: its year is the dateline's less one (_fill_years)
        mo, rel = _month_of(m, "mon"), _REL_YEARS[m.group("rel").lower()]
        return [_Found(start, e, None, None, "month", no_year=(mo, 1, mo, 1), rel=rel)]
    if kind == "myb":
        return [_month_span(start, e, 2000 + int(m.group("myb_y")), _month_of(m, "mon"))]
    if kind == "myy":
        return [_month_span(start, e, 2000 + int(m.group("myy_y")), _month_of(m, "mon"))]
    if kind == "y":
        y = int(m.group("y_y"))
        if not _ok_year(y):
            return []
        part = _part_before(text, start)
        if part is None:
            season = _season_before(text, start, e)
            if season is not None:  # autumn 2026: its months; winter 2025: to February 2026
                at, first, last = season
                y2 = y + (last < first)
                return [_Found(at, e, iso_month_start(y, first), iso_month_end(y2, last), "month")]
            return [_Found(start, e, iso_year_start(y), iso_year_end(y), "year")]
        at, first, last, quarter = part
        if quarter:  # the fourth quarter of 2018: a period of its own
            return [_months(at, e, y, first, last)]
        # The end of 2012, mid-2020: the gold annotations read a part of a year as its year;
        # the months it points at go in the added part_* fields.
        months = (iso_month_start(y, first), iso_month_end(y, last))
        return [_Found(at, e, iso_year_start(y), iso_year_end(y), "year", part=months)]
    if kind == "fy":
        y1 = int(m.group("fy_y1"))
        season = _season_before(text, start, e)
        if (  # winter 2025/26: December 2025 to February 2026
            season is not None
            and season[1] > season[2]
            and _ok_year(y1)
            and second_year(y1, m.group("fy_y2")) == y1 + 1
        ):
            lo, hi = iso_month_start(y1, season[1]), iso_month_end(y1 + 1, season[2])
            return [_Found(season[0], e, lo, hi, "month")]
        qm = _FY_QUARTER_AFTER_RE.match(text, e)
        if qm is not None and second_year(y1, m.group("fy_y2")) == y1 + 1 and _ok_year(y1):
            return [_fy_quarter(start, qm.end(), y1, int(qm.group(1)))]  # 2024-25 Q2
        return _financial(start, e, y1, m.group("fy_y2"))
    if kind == "fyr":
        return _financial_range(text, m)
    if kind == "fys":
        a, b = int(m.group("fys_a")), int(m.group("fys_b"))
        word = text[max(0, start - 16) : start].split()[-1:]
        if b != (a + 1) % 100 or not word or word[0].lower() not in _YEAR_LEADS:
            return []  # "scored 19/20": a mark out of twenty
        lo, hi = financial_year(_century(a))
        return [_Found(start, e, lo, hi, "financial_year")]
    if kind == "mddy":
        y, mo = int(m.group("mddy_y")), _month_of(m, "mon")
        found = _range(start, e, y, mo, int(m.group("mddy_d1")), y, mo, int(m.group("mddy_d2")))
        return [found] if found else []
    if kind == "wdo":  # the month (0 here) is that of the dates round it: see _fill_years
        d = int(m.group("wdo_d"))
        return [_Found(start, e, None, None, "day", no_year=(0, d, 0, d))]
    if kind == "mdd":
        mo, d1, d2 = _month_of(m, "mon"), int(m.group("mdd_d1")), int(m.group("mdd_d2"))
        if d2 <= d1 or iso_day(2000, mo, d2) is None:
            return []
        return [_Found(_lead_start(text, start), e, None, None, "day", no_year=(mo, d1, mo, d2))]
    if kind in ("mdmd", "mddm", "ddn", "dmmd"):
        return _two_month_days(text, m, start)
    if kind == "yr":
        return _year_range(text, m)
    if kind == "mr":
        return _month_range(text, m)
    if kind == "dr":
        d1, d2, mo = int(m.group("dr_d1")), int(m.group("dr_d2")), _month_of(m, "dr_m")
        s = _lead_start(text, start)
        if m.group("dr_y") is None:
            if d2 <= d1 or iso_day(2000, mo, d2) is None:
                return []
            return [_Found(s, e, None, None, "day", no_year=(mo, d1, mo, d2))]
        y = int(m.group("dr_y"))
        found = _range(s, e, y, mo, d1, y, mo, d2)
        return [found] if found else []
    if kind == "ddr":
        y2 = int(m.group("ddr_y2"))
        m1, m2 = _month_of(m, "ddr_m1"), _month_of(m, "ddr_m2")
        # "30 December to 2 January 2019" starts in 2018
        y1 = int(m.group("ddr_y1")) if m.group("ddr_y1") else y2 - (m1 > m2)
        s = _lead_start(text, start)
        if m.group("ddr_y1") and s == start and m.group("ddr_conn").strip().lower() == "and":
            # "on 1 July 2021 and 3 July 2021": two dates, not a range.
            return _two_days(text, m, start, (y1, m1, int(m.group("ddr_d1"))))
        found = _range(s, e, y1, m1, int(m.group("ddr_d1")), y2, m2, int(m.group("ddr_d2")))
        return [found] if found else []
    if (
        kind == "md"
        and m.group("md_th") is None
        and start == m.start()
        and not _bare_month_day(text, start, e)
    ):
        return []  # February 25 (a year?), In June 27 people, May 5 staff
    if kind in ("dm", "md", "dgm"):
        mo, d = _month_of(m, _MONTH_GROUP[kind]), int(m.group(f"{kind}_d"))
        if iso_day(2000, mo, d) is None:  # 2000 is a leap year, so 29 February passes here
            return []
        return [_Found(start, e, None, None, "day", no_year=(mo, d, mo, d))]
    return []  # pragma: no cover


def _named_day(m: re.Match[str], start: int) -> _Found:
    """A day known by its name (``Christmas Day 2024``, ``Boxing Day``, ``Easter Monday
    2025``, ``the spring bank holiday``): with a year, that day; without, a day whose year
    comes from the text (a movable one's day is then its rule's in that year)."""
    key, e = _named_key(m.group("nday_n")), m.end()
    written = m.group("nday_y")
    if key in _MOVABLE_BY_KEY:
        if written is None:
            near = _movable_day(key, 2000)  # (for the year's choice: see _fill_years)
            md = (near.month, near.day, near.month, near.day)
            return _Found(start, e, None, None, "day", no_year=md, movable=key)
        day = _movable_day(key, int(written)).isoformat()
        return _Found(start, e, day, day, "day", full=True)
    mo, d = _NAMED_BY_KEY[key]
    if written is None:
        return _Found(start, e, None, None, "day", no_year=(mo, d, mo, d))
    day = date(int(written), mo, d).isoformat()  # (no named day is 29 February)
    return _Found(start, e, day, day, "day", full=True)


def _bare_month_day(text: str, start: int, end: int) -> bool:
    """Whether a month then a bare day (``June 27``: no ordinal, weekday or year) at
    ``start``..``end`` is a day: after a lead word (``on June 27``: ``month_day_leads``), or
    after another word (``opens June 27``) with a stop, comma, bracket or the line's end
    after it, or a word that goes on with a clause (``closes May 3 at noon``), or ``the``
    before it (``the June 27 deadline``: ``month_day_alone``), or at a sentence's start before
    such a word (``November 5 is our busiest night``), or after a log's number and ``of``
    (``incident 1001 of October 25``); never before a plural noun (``May 5 staff``) nor,
    without a lead word, after ``in``/``of`` (``In June 27 people``)."""
    before = text[max(0, start - 12) : start].split()
    if before and before[-1] == "(":
        before.pop()  # a bracket after a word ("Thursday (July 10)"): that word goes before
    word = before[-1].lower().lstrip("(\"'\u201c\u2018") if before else ""
    if word.rstrip("\"')\u201d\u2019")[-1:] in (".", "!", "?", ":"):
        word = ""  # a sentence ends before it
    after = _WORD_AFTER_RE.match(text, end)
    goes_on = after is not None and after.group(1).lower() in _MD_AFTER  # (is: no plural)
    if not goes_on and _plural_after(text, end) and word != "the":
        return False
    if word in _MD_LEADS:
        return True
    if not word:  # November 5 is our busiest night (at a sentence's or a line's start)
        j = len(text[:start].rstrip(" \t\xa0\"'(\u201c\u2018\u201d\u2019"))
        return goes_on and (j == 0 or text[j - 1] in ".!?:\n")
    if word == "of" and len(before) > 1 and before[-2].isdigit():
        return True  # quoting incident 1001 of October 25: a police log's number, then its day
    if word in _MD_NOT_AFTER or not word.isalpha():
        return False
    return word == "the" or end == len(text) or text[end] in ",.;:!?)\n" or goes_on


# The kinds a lower-case month name never makes: with no year (may 5, march last year).
_LOWER_NEVER: Final = frozenset(
    ("dm", "dgm", "md", "dr", "ddn", "dmmd", "mdd", "mdmd", "mddm", "myy", "myb", "mrel")
)


def _lower_ok(m: re.Match[str], kind: str) -> bool:
    """A lower-case month name counts only with a day and a year (``march 3rd 2015``), or
    with a year when it is no verb (``september 2014``, not ``may 2015``)."""
    if kind not in _MONTH_KINDS:
        return True
    index = m.re.groupindex
    for name in ("mon", f"{kind}_m", f"{kind}_m1", f"{kind}_m2"):
        word = m.group(name) if name in index else None
        if word is None or not word[0].islower():
            continue
        if kind in _LOWER_NEVER:
            return False
        if kind in ("my", "mr") and word.rstrip(".") in _LOWER_VERBS:
            return False
    return True


def _months(s: int, e: int, y: int, m1: int, m2: int) -> _Found:
    """The months ``m1`` to ``m2`` of year ``y`` (a quarter, a part of a year)."""
    return _Found(s, e, iso_month_start(y, m1), iso_month_end(y, m2), "month")


def _part_before(text: str, start: int) -> tuple[int, int, int, bool] | None:
    """A quarter or part of a year written right before the year at ``start``: where it
    starts, its first and last months, and whether it is a quarter."""
    lo = _paragraph_from(text, start, 40)
    q = _QUARTER_BEFORE.search(text, lo, start)
    if q is not None:
        n = _Q_ORDINALS[q.group("ord").lower()]
        return q.start(), 3 * n - 2, 3 * n, True
    p = _PART_BEFORE.search(text, lo, start)
    if p is None:
        return None
    if p.group("of"):
        first, last = _PARTS_OF[p.group("of").lower()]
    else:
        first, last = _PARTS_BEFORE[p.group("before").lower()]
    return p.start(), first, last, False


def _month_part_before(text: str, start: int) -> tuple[int, int, int] | None:
    """A part of a month written right before the month at ``start`` (``mid-``, ``early``,
    ``the end of``: ``month_parts``): where it starts, its first and last days. (A look at the
    word before turns most months away before the regex.)"""
    if not _word_ends_before(text, start, _PART_WORD_ENDS):
        return None
    p = _PART_BEFORE.search(text, _paragraph_from(text, start, 40), start)
    if p is None:
        return None
    if p.group("of"):
        first, last = _MONTH_PARTS_OF[p.group("of").lower()]
    else:
        first, last = _MONTH_PARTS_BEFORE[p.group("before").lower()]
    return p.start(), first, last


def _word_ends_before(text: str, start: int, ends: tuple[str, ...]) -> bool:
    """Whether the text before ``start``, less white space, ends (in lower case) with one of
    ``ends``."""
    j = start
    while j > 0 and text[j - 1] in " \t\n\xa0":
        j -= 1
    return text[max(0, j - 6) : j].lower().endswith(ends)


def _part_days(y: int, mo: int, first: int, last: int) -> tuple[str, str]:
    """The first and last days of a part of a month (the last cut to the month's end)."""
    return f"{y:04}-{mo:02}-{first:02}", f"{y:04}-{mo:02}-{min(last, days_in_month(y, mo)):02}"


def _month_alone(text: str, start: int, end: int) -> _Found | None:
    """A month's full name at ``start``..``end`` with no day or year after it, read only with
    words before it that make it a date: ``the fifth of November`` (_the_day_word_of), or a
    part of it (``mid-June``, ``by the end of June``: a month whose year comes from the text,
    the days in ``part_days``); not the first words of a named day (``early May bank
    holiday``)."""
    if text[start:end] not in _FULL_MONTHS or not _word_ends_before(text, start, _PART_WORD_ENDS):
        return None  # (a quick look at the word before: "of", "mid-", "early", ...)
    after = _WORD_AFTER_RE.match(text, end)
    if _plural_after(text, end) and (after is None or after.group(1).lower() not in _MD_AFTER):
        return None  # (the third of May staff: a third of them; not "was", "is")
    day = _the_day_word_of(text, start, end)
    if day is not None:
        return day
    part = _month_part_before(text, start)
    if part is None or _LOWER_NAMED_RE.match(text, part[0]) is not None:
        return None
    mo = _MONTH_NUMBERS[text[start:end].capitalize()]
    f = _Found(part[0], end, None, None, "month", no_year=(mo, 1, mo, 1))
    f.part_days = part[1], part[2]
    return f


def _the_day_word_of(text: str, start: int, end: int) -> _Found | None:
    """``the fifth of November``, ``the Twelfth of July``: ``the``, a day in words and ``of``
    before the month at ``start``..``end``: a day whose year comes from the text (_fill_years)."""
    m = _THE_DAY_WORD_BEFORE.search(text, _paragraph_from(text, start, 40), start)
    if m is None:
        return None
    mo, d = _MONTH_NUMBERS[text[start:end].capitalize()], _day_word(m.group("ord"))
    if iso_day(2000, mo, d) is None:  # the thirty-first of April
        return None
    return _Found(m.start(), end, None, None, "day", no_year=(mo, d, mo, d))


def _relative_year(text: str, f: _Found) -> None:
    """``14 March last year``, ``Easter Monday next year``: a date with no year, then words of
    ``relative_years``: the item takes them in, and its year is the dateline's plus theirs."""
    m = _REL_YEAR_RE.match(text, f.end)
    if m is not None:
        f.end, f.rel = m.end(), _REL_YEARS[m.group("rel").lower()]


def _week_of(text: str, f: _Found) -> None:
    """``w/c 5 May``, ``week commencing Monday 5 May 2025``: the day becomes the week that
    starts on it (``the week ending 2 March 2025``, ``w/e 9 March``: that ends on it), and the
    item takes in the words."""
    window = text[max(0, f.start - 30) : f.start].lower()
    if not any(stem in window for stem in _WEEK_STEMS):  # a quick test before the regex
        return
    m = _WEEK_BEFORE.search(text, _paragraph_from(text, f.start, 30), f.start)
    if m is None:
        return
    f.day_at, f.start, f.week = f.start, m.start(), -1 if m.group("ends") else 1
    f.week_end()


def _season_before(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A season written right before the year at ``start`` (``autumn 2026``, ``the spring
    of 2025``; not ``the autumn 2025 term``): where it starts, its first and last months."""
    j = start
    while j > 0 and text[j - 1] in " \t\n\xa0":
        j -= 1
    if j == start or j < 6:
        return None
    if text[j - 2 : j].lower() == "of" and text[j - 3] in " \t\n\xa0":  # the spring of 2025
        j -= 3
        while j > 0 and text[j - 1] in " \t\n\xa0":
            j -= 1
    k = j
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    months = _SEASONS.get(text[k:j].lower())
    if months is None or _PARAGRAPH_BREAK_RE.search(text, j, start):
        return None
    after = _WORD_AFTER_RE.match(text, end)
    if after is not None and after.group(1).lower() in _SEASON_NOT_BEFORE:
        return None
    first = months[0]
    pair = _SEASON_PAIR_RE.search(text, max(0, k - 16), k)  # spring/summer, autumn and winter
    if pair is not None and _SEASONS[pair.group(1).lower()][0] < first:
        k, first = pair.start(), _SEASONS[pair.group(1).lower()][0]
    if text[max(0, k - 4) : k].lower() == "the ":
        k -= 4
    return k, first, months[1]


def _nth_day_before(text: str, start: int, y: int, mo: int) -> tuple[int, str] | None:
    """``the third Tuesday of`` / ``the last day of`` right before a month and year: where it
    starts and the ISO day."""
    m = _NTH_BEFORE.search(text, _paragraph_from(text, start, 40), start)
    if m is None:
        return None
    n = _NTH[m.group("ord").lower()]
    day_word = m.group("day").lower()
    if day_word not in _WEEKDAY_INDEX:
        d = days_in_month(y, mo) if n == -1 else n
    else:
        d = _nth_weekday(y, mo, n, _WEEKDAY_INDEX[day_word])
    day = iso_day(y, mo, d)
    return None if day is None else (m.start(), day)


def _nth_weekday(y: int, mo: int, n: int, wd: int) -> int:
    """The day of the month of the ``n``-th weekday ``wd`` (Monday 0) of ``mo`` in ``y``;
    ``n`` -1 the last (past the month's end when there is no fifth)."""
    if n == -1:
        last = days_in_month(y, mo)
        return last - (date(y, mo, last).weekday() - wd) % 7
    return 1 + (wd - date(y, mo, 1).weekday()) % 7 + 7 * (n - 1)


def _easter(y: int) -> date:
    """Easter Sunday of year ``y`` by the Gregorian computus (the anonymous algorithm, as
    Meeus gives it)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    w = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * w) // 451
    month, day = divmod(h + w - 7 * m + 114, 31)
    return date(y, month, day + 1)


def _movable_day(key: str, y: int) -> date:
    """The day that the movable name ``key`` (``easter monday``) names in ``y``, by its rule
    in ``named_days.movable``: days from Easter Sunday, or the n-th weekday of a month; a
    year in ``moved`` gives its own day."""
    rule = _MOVABLE_BY_KEY[key]
    if y in rule.moved:
        return date(y, *rule.moved[y])
    if rule.easter is not None:
        return _easter(y) + timedelta(days=rule.easter)
    assert rule.nth is not None
    mo, n, wd = rule.nth
    return date(y, mo, _nth_weekday(y, mo, n, wd))


def _day_word(written: str) -> int:
    """The day of an ordinal word as written (``Third``, ``twenty first``)."""
    return _DAY_WORDS["-".join(written.lower().split())]


def _day_word_before(text: str, start: int, y: int, mo: int) -> tuple[int, str] | None:
    """``the third of`` right before a month and year: where it starts and the ISO day."""
    if not text[max(0, start - 4) : start].rstrip().lower().endswith("of"):
        return None  # (most months: no regex search)
    m = _DAY_WORD_BEFORE.search(text, _paragraph_from(text, start, 40), start)
    if m is None:
        return None
    day = iso_day(y, mo, _day_word(m.group("ord")))
    return None if day is None else (m.start(), day)


def _two_days(text: str, m: re.Match[str], start: int, first: tuple[int, int, int]) -> list[_Found]:
    """The two full dates of "1 July 2021 and 3 July 2021", each on its own."""
    out = []
    day = iso_day(*first)
    if day and _ok_year(first[0]):
        out.append(_Found(start, m.end("ddr_y1"), day, day, "day", full=True))
    y2 = int(m.group("ddr_y2"))
    day2 = iso_day(y2, _month_of(m, "ddr_m2"), int(m.group("ddr_d2")))
    if day2 and _ok_year(y2):
        s2 = _weekday_before(text, m.start("ddr_d2"))
        out.append(_Found(s2, m.end(), day2, day2, "day", full=True))
    return out


def _two_month_days(text: str, m: re.Match[str], start: int) -> list[_Found]:
    """A range from a day of one month to a day of another, month first (``June 28 to July
    3``), mixed (``May 26th - 1st June 2015``, ``26 May - June 1st``) or day first with no
    year (``30 December to 2 January``): over the turn of the year when the second month
    comes before the first (a written year is the second day's). With no year and ``and``
    but no lead word (``1 July and 3 August``), two days."""
    kind = m.lastgroup or ""
    day_first = kind in ("ddn", "dmmd")  # the first month is written after its day
    m1 = _month_of(m, f"{kind}_m1" if day_first else "mon")
    m2 = _month_of(m, f"{kind}_m2")
    d1, d2 = int(m.group(f"{kind}_d1")), int(m.group(f"{kind}_d2"))
    if None in (iso_day(2000, m1, d1), iso_day(2000, m2, d2)):
        return []
    s = _lead_start(text, start)
    written = m.group(f"{kind}_y") if kind != "ddn" else None
    if written is not None:
        y2 = int(written)
        found = _range(s, m.end(), y2 - (m1 > m2), m1, d1, y2, m2, d2)
        return [found] if found else []
    second = m.start(f"{kind}_d2")
    if s == start and "and" in text[m.end(f"{kind}_d1") : second].lower().split():
        month_first = kind in ("mdmd", "dmmd")  # the second day is written after its month
        s2 = m.start(f"{kind}_m2") if month_first else _weekday_before(text, second)
        first_end = m.end(f"{kind}_m1" if day_first else f"{kind}_d1")
        first_end += 2 * (not day_first and text[first_end : first_end + 1].isalpha())  # 1st
        return [
            _Found(start, first_end, None, None, "day", no_year=(m1, d1, m1, d1)),
            _Found(s2, m.end(), None, None, "day", no_year=(m2, d2, m2, d2)),
        ]
    if (m2, d2) <= (m1, d1) and (m1 == m2 or m2 + 12 - m1 > _WRAP_MONTHS):
        # one day, backwards in a month, or over the new year for longer than a season
        if not day_first:
            return []
        return [_Found(start, m.end(f"{kind}_m1"), None, None, "day", no_year=(m1, d1, m1, d1))]
    return [_Found(s, m.end(), None, None, "day", no_year=(m1, d1, m2, d2))]


def _financial(s: int, e: int, y1: int, written: str) -> list[_Found]:
    """``2015-16`` / ``2018/2019`` (a financial year), ``2023-25`` (years), ``2015-06`` (a
    month), ``2025-6`` (a financial year: one digit, the next year's last); ``written`` is
    the part after the dash or slash."""
    if len(written) == 1:
        if int(written) != (y1 + 1) % 10 or not _ok_year(y1):
            return []
        lo, hi = financial_year(y1)
        return [_Found(s, e, lo, hi, "financial_year")]
    y2 = second_year(y1, written)
    if not _ok_year(y1):
        return []
    if y2 == y1 + 1:
        lo, hi = financial_year(y1)
        return [_Found(s, e, lo, hi, "financial_year")]
    if y1 + 1 < y2 <= y1 + 20 and (len(written) == 4 or int(written) > y1 % 100):
        return [_Found(s, e, iso_year_start(y1), iso_year_end(y2), "year")]
    if len(written) == 2 and 1 <= int(written) <= 12:  # 2015-06: an ISO year and month
        return [_month_span(s, e, y1, int(written))]
    # Not a span: keep the year alone.
    return [_Found(s, s + 4, iso_year_start(y1), iso_year_end(y1), "year")]


def _financial_range(text: str, m: re.Match[str]) -> list[_Found]:
    """``from 2015/16 to 2017/18``: one item from the first year's 1 April to the last's
    31 March; when it is not such a span, the first part is read on its own."""
    a, c = int(m.group("fyr_a")), int(m.group("fyr_c"))
    b, d = second_year(a, m.group("fyr_b")), second_year(c, m.group("fyr_d"))
    s = _lead_start(text, m.start())
    link = text[m.end("fyr_b") : m.start("fyr_c")].strip().lower()
    if b != a + 1 or d != c + 1 or c <= a or not _ok_year(d) or (s == m.start() and link != "to"):
        return _financial(m.start(), m.end("fyr_b"), a, m.group("fyr_b"))
    lo, hi = financial_year(a)[0], financial_year(c)[1]
    return [_Found(s, m.end(), lo, hi, "financial_year")]


def _year_range(text: str, m: re.Match[str]) -> list[_Found]:
    s, e = m.span()
    y1, y2 = int(m.group("yr_y1")), int(m.group("yr_y2"))
    lead = _lead_start(text, s)
    conn = m.group("yr_conn").strip().lower()
    if not (_ok_year(y1) and _ok_year(y2)):
        return []
    if (conn == "and" and lead == s) or y2 <= y1:
        # "in 2015 and 2017": two years, read one at a time.
        return [_Found(s, m.end("yr_y1"), iso_year_start(y1), iso_year_end(y1), "year")]
    financial = (
        text[max(0, s - 20) : s].rstrip().lower().endswith("financial year")
        or _FY_AFTER_RE.match(text, e) is not None  # the 2024 to 2025 financial year
    )
    if y2 == y1 + 1 and (financial or conn not in _LINK_WORDS):
        # "2015 - 2016" spaced like a span, "the financial year 2018 to 2019"
        lo, hi = financial_year(y1)
        return [_Found(lead, e, lo, hi, "financial_year")]
    return [_Found(lead, e, iso_year_start(y1), iso_year_end(y2), "year")]


def _academic_year(text: str, f: _Found) -> _Found:
    """``the 2023/24 academic year``: a financial year or two years in a row, with an
    ``academic_year`` word right before or after, is a school year (September to August);
    else ``f`` as it is."""
    if f.start_date is None or f.end_date is None:
        return f
    y = int(f.start_date[:4])
    if int(f.end_date[:4]) != y + 1 or f.part is not None or " and " in text[f.start : f.end]:
        return f  # (between the 2019 and 2020 school years: two of them)
    before = text[max(0, f.start - 16) : f.start].rstrip().lower()
    if not before.endswith(_ACADEMIC_WORDS) and _ACADEMIC_AFTER_RE.match(text, f.end) is None:
        return f
    first, last = _ACADEMIC_MONTHS
    lo, hi = iso_month_start(y, first), iso_month_end(y + 1, last)
    return _Found(f.start, f.end, lo, hi, "month")


def _month_range(text: str, m: re.Match[str]) -> list[_Found]:
    s, e = m.span()
    m1, m2 = _month_of(m, "mon"), _month_of(m, "mr_m2")
    y2 = int(m.group("mr_y2"))
    conn = m.group("mr_conn").strip().lower()
    lead = _lead_start(text, s)
    if m.group("mr_y1") and conn == "and" and lead == s:
        # "in March 2015 and June 2017": two dates, not a range.
        y1 = int(m.group("mr_y1"))
        out = []
        if _ok_year(y1):
            out.append(_month_span(s, m.end("mr_y1"), y1, m1, month_year=True))
        if _ok_year(y2):
            out.append(_month_span(m.start("mr_m2"), e, y2, m2, month_year=True))
        return out
    # "November to February 2017" starts in 2016
    y1 = int(m.group("mr_y1")) if m.group("mr_y1") else y2 - (m1 > m2)
    found = _range(lead, e, y1, m1, None, y2, m2, None)
    return [found] if found else []


def _century(yy: int) -> int:
    """The year of a two-digit year (``24`` is 2024, ``98`` is 1998: see the pivot)."""
    return 2000 + yy if yy <= _YY_PIVOT else 1900 + yy


def _may_hold_lower_month(text: str, pos: int) -> bool:
    """Whether the 40 characters before ``pos`` hold the first three letters of a lower-case
    month name (each name and abbreviation starts with one): when not, _LOWER_MONTH_RE finds
    nothing there. A dozen ``in`` tests on the slice cost a tenth of that regex's scan, which
    has no first character to skip to and so tries its two dozen names at every position."""
    window = text[max(0, pos - 40) : pos]
    return any(stem in window for stem in _LOWER_MONTH_STEMS)


def _match_at(text: str, pos: int, word_end: int, lo: int, end: int) -> re.Match[str] | None:
    """The date pattern that matches at the anchor ``text[pos:word_end]``, within
    ``text[:end]``; at digits, one may start earlier (from ``lo`` on) at a lower-case month
    name (``march 3rd 2015``, ``september 2014``)."""
    c = text[pos]
    if c.isdigit():
        three = text[pos + 1 : pos + 3].isdecimal()
        if three and not text.startswith(_CENTURIES, pos):
            return None  # (three digits or more are only ever a year: 19xx or 20xx)
        if text[pos - 1 : pos] in " ," and lo < pos and _may_hold_lower_month(text, pos):
            for lower in _LOWER_MONTH_RE.finditer(text, max(lo, pos - 40), pos):
                m = _MONTH_RE.match(text, lower.start(), end)
                if m is not None and m.end() > pos:
                    return m
        if not three:  # fewer than three digits (\d): a day's
            m = _DAY_FIRST_RE.match(text, pos, end)
            if m is None and text[pos - 1 : pos] == " " and _ORDINAL_RE.match(text, pos):
                the = pos - 4 if text[pos - 4 : pos].lower() == "the " else pos
                wd = _weekday_before(text, the)
                return _WDO_RE.match(text, wd, end) if wd < the else None
            return m
        # each of these patterns starts with a year of 19xx or 20xx (no regex call for 6761)
        return _YEAR_FIRST_RE.match(text, pos, end)
    if c == "Q":
        return _QUARTER_RE.match(text, pos, end)
    return _word_match(text, pos, word_end, end)


def _word_match(text: str, pos: int, word_end: int, end: int) -> re.Match[str] | None:
    """What ``_MONTH_RE``, else ``_NAMED_DAY_RE``, matches at the anchor word
    ``text[pos:word_end]``: each is tried only when the word can open it (a month's name, the
    first word of a named day's; ``May`` and ``August`` are both), as neither matches at
    another word."""
    word = text[pos:word_end]
    m = _MONTH_RE.match(text, pos, end) if word in _MONTH_ANCHORS else None
    if m is None and word in _NAMED_ANCHORS:
        return _NAMED_DAY_RE.match(text, pos, end)
    return m


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sits in a web address or a file path (``/peel-2021/``)."""
    if text[start - 1 : start] not in ("-", "/", "_", "=") and text[end : end + 1] not in (
        "-",
        "/",
        "_",
        ".",
    ):
        return False
    lo = max(0, start - 100)
    parts = text[lo:start].rsplit(None, 1)
    token = (parts[-1] if parts else "") + text[start : end + 100].split(None, 1)[0]
    return _URL_RE.search(token) is not None


def _plural_after(text: str, end: int) -> bool:
    """Whether a lower-case plural noun follows ``end`` after one space (``2000 staff``)."""
    after = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
    if after is None:
        return False
    noun = after.group()
    return noun in _PLURAL_NOUNS or (noun.endswith("s") and not noun.endswith("ss"))


def _a_count(text: str, start: int, end: int) -> bool:
    """``employs 2000 staff``: four digits between a lower-case word that cannot introduce a
    year and a plural noun are a count, not a year."""
    if not _plural_after(text, end):
        return False
    if start < 2 or text[start - 1] != " ":
        return False
    lo = max(0, start - 20)
    k = text.rfind(" ", lo, start - 1) + 1 or lo
    before = text[k : start - 1]
    return before.isalpha() and before.islower() and before not in _YEAR_LEADS


def _weekday_before(text: str, start: int) -> int:
    """Where a weekday right before ``start`` ("Tuesday 30 September", "Tue, 30 Sep") starts;
    ``start`` itself when there is none."""
    j = start - 1
    if j < 3 or not text[j].isspace():
        return start
    if text[j - 1] in ",.":
        j -= 1
        if text[j - 1] == ".":
            j -= 1
    lo = max(0, j - 10)
    k = max(text.rfind(" ", lo, j), text.rfind("\n", lo, j)) + 1 or lo
    k += text[k : k + 1] == "("  # (Thursday, February 13th)
    if text[k:j].lower() in _WEEKDAY_NAMES:
        return k
    return start


def _quarter(m: re.Match[str], start: int) -> list[_Found]:
    y, q = int(m.group("q_y")), int(m.group("q_n"))
    if not _ok_year(y):
        return []
    fy = m.group("q_fy")
    if fy and second_year(y, fy) == y + 1:
        return [_fy_quarter(start, m.end(), y, q)]
    end = m.end("q_y")
    return [_Found(start, end, iso_month_start(y, 3 * q - 2), iso_month_end(y, 3 * q), "month")]


def _fy_quarter(s: int, e: int, y: int, q: int) -> _Found:
    """Quarter ``q`` of the financial year that starts in April of ``y`` (Q1: April to June)."""
    first = 3 * q + 1
    y1, m1 = (y, first) if first <= 12 else (y + 1, first - 12)
    return _Found(s, e, iso_month_start(y1, m1), iso_month_end(y1, m1 + 2), "month")


def _is_dateline(text: str, f: _Found) -> bool:
    """Whether the full date ``f`` is the release's dateline: after a label that opens its
    line (``Published: 3 June 2025``, ``Date: …``; capitalised when text comes before it on
    the line, as in a release flattened onto one line) or alone on a line of its own (a
    clock time may follow: ``3 June 2025 10:00``)."""
    line_start = text.rfind("\n", 0, f.start) + 1
    before = text[line_start : f.start].strip(" \t\xa0*:|")
    if not before:
        line_end = text.find("\n", f.end)
        line_end = len(text) if line_end < 0 else line_end
        return _CLOCK_ONLY_RE.fullmatch(text, f.end, line_end) is not None
    for label in _DATELINE_LABELS:
        if before.lower().endswith(label):
            at = len(before) - len(label)
            if at == 0 or (before[at].isupper() and not before[at - 1].isalnum()):
                return True
    return False


def _most_named_year(found: list[_Found]) -> int | None:
    """With no full date: the year that months and years (``June 2026``) name most often, the
    later on a tie: an old date mentioned in passing (``in March 2014``) does not outweigh
    it. A year alone does not count (``built in 1974``)."""
    counts: dict[int, int] = {}
    for f in found:
        if f.month_year and f.end_date:
            y = int(f.end_date[:4])
            counts[y] = counts.get(y, 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def _fill_years(text: str, found: list[_Found]) -> None:
    """Give each date written without a year (``on 14 March``) a year, by the shape of the
    text, first that applies: the dated date it is listed with (``the 28th November and the
    2nd of December 2025``); the nearest full date before it in its paragraph; the release's
    dateline; the nearest full date before it, else the first after it; else the year that
    months and years (``June 2026``) name most often. With a dateline, a day that the words
    right before it say is to come (``it will reopen on 14 March``: ``future_markers``) is
    the first such day on or after the dateline (a range: the first whose last day is). Over
    the new year, the year is the one nearest the date it comes from (_year_near: ``30
    December`` in a release of 5 January 2025 is in 2024; ``24 December to 2 January``, seen
    from February, the one just gone), as a listed date after it gives. A weekday written
    with it that does not fit that year moves it to the year before or after where it fits."""
    if not any(f.no_year for f in found):
        return
    fulls = [(f.start, date.fromisoformat(f.end_date)) for f in found if f.full and f.end_date]
    full_starts = [start for start, _ in fulls]  # (in order: looked up by bisection)
    breaks = _Breaks(text)
    datelines = (
        date.fromisoformat(f.end_date)
        for f in found
        if f.full and f.end_date and f.start_date == f.end_date and _is_dateline(text, f)
    )
    dateline = next(datelines, None)
    fallback = _most_named_year(found) if not fulls else None
    seen_from = dateline.year if dateline else fulls[0][1].year if fulls else fallback
    for i, f in enumerate(found):
        if f.no_year is None:
            continue
        if f.movable is not None and seen_from is not None:
            # (its day in the year it is seen from decides the year, as for a fixed day)
            then = _movable_day(f.movable, seen_from)
            f.no_year = (then.month, then.day, then.month, then.day)
        m1, d1, m2, d2 = f.no_year
        if m1 == 0:
            _month_of_weekday(text, found, i, d1)
            found[i].week_end()
            continue
        year = _listed_with(text, found, i, m2)
        if year is not None:
            year -= m2 < m1  # the year of its last day: 30 December to 2 January 2026
        elif dateline is not None and _future(text, found, i):
            # "it will reopen on 14 March": the first 14 March after the dateline; a range, the
            # first that has not ended by then
            year = dateline.year - (m2 < m1) + ((m2, d2) < (dateline.month, dateline.day))
        else:
            k = bisect_left(full_starts, f.start)  # fulls[:k] stand before it
            near = fulls[k - 1] if k else fulls[0] if fulls else None
            anchor = None if near is None else near[1]  # the date its year comes from
            if k and not breaks.between(fulls[k - 1][0], f.start):
                anchor = fulls[k - 1][1]
            elif dateline is not None:
                anchor = dateline
            year = fallback if anchor is None else _year_near(anchor, m1, d1, m2, d2)
        if year is None:
            continue
        if f.rel is not None:  # 14 March last year, March this year
            year = (dateline.year if dateline else year) + f.rel
        if f.granularity == "month":  # March this year, mid-June
            f.start_date, f.end_date = iso_month_start(year, m1), iso_month_end(year, m1)
            if f.part_days is not None:
                f.part = _part_days(year, m1, *f.part_days)
            continue
        if f.movable is not None:
            f.start_date = f.end_date = _movable_day(f.movable, year).isoformat()
            continue
        if f.rel is None:
            year = _weekday_fit(text, f.day_words_at(), year, m1, d1)
        f.start_date, f.end_date = iso_day(year, m1, d1), iso_day(year + (m2 < m1), m2, d2)
        f.week_end()


class _Breaks:
    """Whether a paragraph break lies within ``a``..``b`` of ``text``: what
    ``_PARAGRAPH_BREAK_RE.search(text, a, b)`` tells. Most often the first line end after ``a``
    answers (none: no break; a blank line there: one), found by ``str.find``; else every break
    of the text is listed once and looked up by bisection (many yearless days in a long
    hard-wrapped paragraph stay linear)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] | None = None

    def between(self, a: int, b: int) -> bool:
        nl = self.text.find("\n", a, b)
        if nl == -1:
            return False
        if _PARAGRAPH_BREAK_RE.match(self.text, nl, b) is not None:
            return True
        if self.spans is None:
            self.spans = [m.span() for m in _PARAGRAPH_BREAK_RE.finditer(self.text)]
        k = bisect_left(self.spans, (a, -1))
        return k < len(self.spans) and self.spans[k][1] <= b


def _year_near(anchor: date, m1: int, d1: int, m2: int, d2: int) -> int:
    """The year of a day (or days) with no year, seen from ``anchor``, the date its year comes
    from: the anchor's year, unless the new year lies between them: a range over the new year
    is the one nearest the anchor (the one just gone from a date in January to June, else the
    one to come); a day more than ``year_turn`` days from the anchor in its year but within
    them in the year before or after is in that year (``30 December`` seen from 5 January
    2025: 2024; ``2 January`` seen from 20 December 2024: 2025)."""
    if m2 < m1:
        return anchor.year - (anchor.month <= 6)
    for y in (anchor.year, anchor.year - 1, anchor.year + 1):
        if iso_day(y, m1, d1) is None or iso_day(y, m2, d2) is None:
            continue  # 29 February
        gap = max((date(y, m1, d1) - anchor).days, (anchor - date(y, m2, d2)).days, 0)
        if gap <= _YEAR_TURN_DAYS:
            return y
    return anchor.year


def _future(text: str, found: list[_Found], i: int) -> bool:
    """Whether the words that lead to item ``i`` in its sentence, after the date before it,
    say it is to come (``it will reopen on 14 March``, ``is due to open on``): the last of
    ``future_markers`` within ``reach`` words before it, with no stop between (``it will
    review what happened on 14 March`` is about a past day)."""
    at = found[i].start
    lo = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), found[i - 1].end if i else 0)
    markers = list(_FUTURE_RE.finditer(text, max(lo, 0), at))
    if not markers:
        return False
    between = text[markers[-1].end() : at]
    if any(c in between for c in ",;:()"):
        return False
    words = between.lower().split()
    return len(words) <= _FUTURE_REACH and _FUTURE_NOT_BETWEEN.isdisjoint(words)


def _month_of_weekday(text: str, found: list[_Found], i: int, d: int) -> None:
    """``Tuesday 3rd``: the 3rd that is a Tuesday in the month of the nearest dated item before
    it (else after it), or in the month after or before that one; none fits: no dates."""
    f = found[i]
    near = [
        g.start_date
        for g in found[:i][::-1] + found[i + 1 :]
        if g.start_date and g.granularity in ("day", "month")
    ]
    at = f.day_words_at()
    wd = _WEEKDAY_BY_STEM.get(text[at : at + 2].lower())
    if not near or wd is None:
        return
    y, mo = int(near[0][:4]), int(near[0][5:7])
    for step in (0, 1, -1):
        yy, mm = shift_month(y, mo, step)
        day = iso_day(yy, mm, d)
        if day is not None and date(yy, mm, d).weekday() == wd:
            f.start_date = f.end_date = day
            return


def _listed_with(text: str, found: list[_Found], i: int, last_month: int) -> int | None:
    """The year of the dated date that follows item ``i`` in a list (``28 November and 2
    December 2025``, ``Monday 3 March, Tuesday 4 March 2025``); one listed after a December
    date is of the next year."""
    if i + 1 >= len(found):
        return None
    f, nxt = found[i], found[i + 1]
    if nxt.no_year is not None or not nxt.start_date or nxt.granularity != "day":
        return None
    if _LIST_LINK_RE.fullmatch(text, f.end, nxt.start) is None:
        return None
    return int(nxt.start_date[:4]) - (last_month > int(nxt.start_date[5:7]))


def _weekday_fit(text: str, at: int, year: int, m1: int, d1: int) -> int:
    """``year``, or the year before or after it when the weekday written at ``at``, before the
    day (``Thursday 13 February``), fits that one and not ``year``."""
    wd = _WEEKDAY_BY_STEM.get(text[at : at + 2].lower())
    if wd is None or text[at : at + 3].lower() not in _WEEKDAY_STEMS:
        return year
    for y in (year, year - 1, year + 1):
        if iso_day(y, m1, d1) is not None and date(y, m1, d1).weekday() == wd:
            return y
    return year


def _lower_named_matches(text: str) -> list[re.Match[str]]:
    """The named days written in lower case (``boxing day``, ``the spring bank holiday``,
    ``early May bank holiday``): what ``_LOWER_NAMED_RE.finditer(text)`` finds, with few passes
    over the text (each ``str.find`` is one): each name has a lower-case word that holds one of
    ``triggers`` (``ay``, ``christmas``, ``hallowe``), and the name is sought only round a hit
    whose whole word is such a word of a name, after a word that comes before it in one
    (``day`` after ``boxing``, ``holiday`` after ``bank``; not ``today``, ``the day``)."""
    out: list[re.Match[str]] = []
    for trigger in _LOWER_TRIGGERS:
        i = text.find(trigger)
        while i != -1:
            ws, we = i, i + len(trigger)  # (the word round it: these words are in lower case)
            while ws > 0 and text[ws - 1] in _LOWER_WORD_CHARS:
                ws -= 1
            while we < len(text) and text[we] in _LOWER_WORD_CHARS:
                we += 1
            before = _LOWER_BEFORE.get(_no_apostrophe(text[ws:we]))
            if before is not None and (not before or _word_before(text, ws) in before):
                hi = we + _LOWER_REACH  # (room for the rest of the name and a year)
                m = _LOWER_NAMED_RE.search(text, max(0, ws - _LOWER_REACH), hi)
                while m is not None and m.end("nday_n") < we:  # (a name before this word's own)
                    m = _LOWER_NAMED_RE.search(text, m.end(), hi)
                if m is not None and m.start() <= ws:
                    out.append(m)
            i = text.find(trigger, we)
    return out


def _word_before(text: str, start: int) -> str:
    """The word before ``start`` and the white space before it (letters and apostrophes)."""
    j = start
    while j > 0 and text[j - 1] in " \t\n\xa0":
        j -= 1
    k = j
    while k > 0 and text[k - 1] in _LOWER_WORD_CHARS:
        k -= 1
    return _no_apostrophe(text[k:j])


def _with_lower_named(text: str, found: list[_Found]) -> list[_Found]:
    """``found`` with the named days written in lower case that no item holds, in text order
    (see _lower_named_matches)."""
    extra = [_named_day(m, m.start()) for m in _lower_named_matches(text)]
    if not extra:
        return found
    starts = [f.start for f in found]  # (in order, none overlapping)
    for x in {x.start: x for x in extra}.values():
        k = bisect_left(starts, x.start)
        if (k == len(found) or found[k].start >= x.end) and (k == 0 or found[k - 1].end <= x.start):
            found.insert(k, x)
            starts.insert(k, x.start)
    return found


# Welsh dates ("welsh" in dates_vocab.json): "3 Hydref 2025", "Dydd Llun 3 Mawrth 2025", "3ydd o
# Fedi 2024", "Medi 2024", "o 3 i 7 Mawrth 2025", "rhwng Ebrill a Mehefin 2025", "(Tachwedd 22)".
# Read only in a release where a Welsh month's name stands next to a date's digits: the scan
# for English dates looks at the word after a day's digits it cannot read, and the word before
# a year it reads (_welsh_next_to); then Welsh month names are sought and a pattern of their
# own is tried round each (_welsh_dates).
_CY: Final[dict[str, Any]] = _V["welsh"]


def _cy_months(key: str) -> dict[str, int]:
    return {f: n for n, m in enumerate(_CY["months"], 1) for f in _case_forms(m[key])}


_CY_PLAIN: Final = {f: n for n, m in enumerate(_CY["months"], 1) for f in _case_forms([m["name"]])}
_CY_SOFT: Final = _cy_months("soft")
_CY_ASPIRATE: Final = _cy_months("aspirate")
_CY_MONTHS: Final = _CY_PLAIN | _CY_SOFT | _CY_ASPIRATE
_CY_PUNCT: Final = "()[],.;:\u2013\u2014-"


def _cy_after(words: list[str]) -> str:
    """A lookbehind for each of ``words`` (and its capitalised form) and a space: the words
    that mutate a month's name ("o Fawrth")."""
    return "|".join(f"(?<=\\b{w} )|(?<=\\b{w.capitalize()} )" for w in words)


_CY_HEADS: Final = [h for w in _CY["weekday_heads"] for h in _case_forms([w, w.capitalize()])]
# A month's name: its plain form anywhere, a mutated one only after the word that mutates it;
# never after a weekday's head ("Dydd Mawrth" is Tuesday).
_CY_MONTH: Final = (
    "".join(f"(?<!{re.escape(h)} )" for h in _CY_HEADS if len(h) == 4 or h.lower() == "nos")
    + f"(?:{_alt(list(_CY_PLAIN))}"
    + f"|(?:{_cy_after(_CY['mutating_words']['soft'])})(?:{_alt(list(_CY_SOFT))})"
    + f"|(?:{_cy_after(_CY['mutating_words']['aspirate'])})(?:{_alt(list(_CY_ASPIRATE))})"
    + ")(?![\\w'\u2019-])"
)
_CY_SUFFIXES: Final = _alt([*_CY["ordinal_suffixes"], "st", "nd", "rd", "th"])
_CY_STOP: Final = "[\\w'\u2019]"  # what may not follow a Welsh day (its suffix or not)
_CY_WEEKDAY: Final = (
    rf"(?:(?:{_alt(_CY_HEADS)})\s+(?:{_alt(_case_forms(_CY['weekdays']))})(?![\w'\u2019-]),?\s+)"
)
_CY_LEAD: Final = rf"(?:{_alt([f for w in _CY['range_leads'] for f in (w, w.capitalize())])})"
_CY_LINK: Final = rf"(?:\s*{_DASH}\s*|\s+(?:{_alt(_CY['range_links'])})\s+)"
_CY_MIS: Final = rf"(?:(?:{_alt(_CY['month_words'])})\s+)?"


def _cy_month(name: str) -> str:
    return rf"(?P<{name}>{_CY_MONTH})"


def _cy_of(name: str) -> str:
    """A month after its day, "o" ("of") between them or not: "3 Mawrth", "3ydd o Fedi"."""
    return rf"\s+(?:o\s+)?{_cy_month(name)}"


_CY_BRANCHES: Final = (
    # o 3 i 7 Mawrth 2025, rhwng 26 Mehefin 2024 a 1 Rhagfyr 2024, 1af Mehefin - 18fed
    # Gorffennaf
    (
        "cyr",
        rf"(?:(?P<cyr_lead>{_CY_LEAD})\s+)?{_CY_WEEKDAY}?"
        rf"{_day('cyr_d1', _CY_SUFFIXES, _CY_STOP)}"
        rf"(?:{_cy_of('cyr_m1')}(?:,?\s+{_year('cyr_y1')})?)?(?P<cyr_link>{_CY_LINK})"
        rf"{_CY_WEEKDAY}?{_day('cyr_d2', _CY_SUFFIXES, _CY_STOP)}{_cy_of('cyr_m2')}"
        rf"(?:,?\s+{_year('cyr_y2')})?",
    ),
    # Dydd Llun 3 Mawrth 2025, 6ed Ionawr, 2025, 3ydd o Fedi, ar 4 Gorffennaf
    (
        "cyd",
        rf"{_CY_WEEKDAY}?{_day('cyd_d', _CY_SUFFIXES, _CY_STOP)}{_cy_of('cyd_m')}"
        rf"(?:,?\s+{_year('cyd_y')})?",
    ),
    # rhwng Ebrill a Mehefin 2025, o fis Ebrill i fis Mehefin 2025, Ebrill–Mehefin 2025
    (
        "cymr",
        rf"(?:(?P<cymr_lead>{_CY_LEAD})\s+)?{_CY_MIS}{_cy_month('cymr_m1')}"
        rf"(?:,?\s+{_year('cymr_y1')})?{_CY_LINK}{_CY_MIS}{_cy_month('cymr_m2')},?\s+"
        rf"{_year('cymr_y2')}",
    ),
    # (Tachwedd 22), (dydd Sadwrn, Ebrill 24), Ionawr 27, 2025: with no year, a stop,
    # comma, bracket or the line's end after the day
    (
        "cymd",
        rf"{_CY_WEEKDAY}?{_cy_month('cymd_m')}\s+{_day('cymd_d', _CY_SUFFIXES, _CY_STOP)}"
        rf"(?:,?\s+{_year('cymd_y')}|(?=[ \t]*[).,;:\n]|[ \t]*\Z))",
    ),
    # (ym mis) Medi 2024, Chwefror 2014
    ("cymy", rf"{_cy_month('cymy_m')},?\s+{_year('cymy_y')}"),
)


_CY_REACH: Final = 60  # how far before and after a month's name its date may reach


@cache
def _cy_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The Welsh month names' pattern and the Welsh dates' (``_CY_BRANCHES``), compiled on
    first use: a run over English releases compiles neither."""
    names = re.compile(rf"(?<![\w'\u2019-])(?:{_alt(list(_CY_MONTHS))})(?![\w'\u2019-])")
    return names, _union(r"(?<![\w'\u2019-])", list(_CY_BRANCHES))


def _welsh_next_to(text: str, start: int, end: int) -> bool:
    """Whether a Welsh month's name (any form) is the word after ``end``, the end of a day's
    digits ("3 Hydref", "3ydd o Fedi"), or the word before ``start``, their first digit
    ("Ionawr 27, 2026"; with ``end`` -1, a year's: "Medi 2024", "Tachwedd–Chwefror 2026")."""
    if end >= 0 and text[end : end + 1].isspace():
        words = text[end : end + 16].split(None, 2) or [""]
        if words[0] == "o" and len(words) > 1:
            words = words[1:]
        if words[0].rstrip(_CY_PUNCT) in _CY_MONTHS:
            return True
    if text[start - 1 : start] != " " or not text[start - 2 : start - 1].isalpha():
        return False  # (no word right before it)
    word = text[max(0, start - 16) : start - 1].rsplit(None, 1)[-1]
    return word.rpartition("\u2013")[2].rpartition("-")[2].lstrip("(") in _CY_MONTHS


def _cy_y(m: re.Match[str], name: str) -> int | None:
    got = m.group(name)
    return int(got) if got else None


def _welsh_found(m: re.Match[str]) -> list[_Found]:
    """The items of one match of ``_CY_BRANCHES``."""
    kind, s, e = m.lastgroup, m.start(), m.end()

    def mo(name: str) -> int:
        return _CY_MONTHS[m.group(name)]

    if kind == "cymy":
        y = int(m.group("cymy_y"))
        return [_month_span(s, e, y, mo("cymy_m"), month_year=True)] if _ok_year(y) else []
    if kind == "cymr":
        last_year, mo1, mo2 = int(m.group("cymr_y2")), mo("cymr_m1"), mo("cymr_m2")
        first_year = _cy_y(m, "cymr_y1") or last_year - (mo1 > mo2)
        months = _range(s, e, first_year, mo1, None, last_year, mo2, None)
        return [months] if months else []
    if kind in ("cyd", "cymd"):
        one = _cy_one(s, e, mo(f"{kind}_m"), int(m.group(f"{kind}_d")), _cy_y(m, f"{kind}_y"))
        return [one] if one else []
    d1, d2, m2 = int(m.group("cyr_d1")), int(m.group("cyr_d2")), mo("cyr_m2")
    m1 = mo("cyr_m1") if m.group("cyr_m1") else m2
    y1, y2 = _cy_y(m, "cyr_y1"), _cy_y(m, "cyr_y2")
    two = y1 is not None and not m.group("cyr_lead") and m.group("cyr_link").strip() == "a"
    if y2 is None and not two and ((m2, d2) > (m1, d1) or m2 < m1):
        return [_Found(s, e, None, None, "day", no_year=(m1, d1, m2, d2))]
    found = None if two or y2 is None else _range(s, e, y1 or y2 - (m1 > m2), m1, d1, y2, m2, d2)
    if found is not None:
        return [found]
    # 1 Gorffennaf 2021 a 3 Gorffennaf 2021 (two days, as in English), or a backwards range:
    # its days, each on its own (the first only with its month)
    s1 = s if m.group("cyr_lead") is None else m.end("cyr_lead") + 1  # (not the lead word)
    s1 += len(m.string[s1 : m.start("cyr_d1")]) - len(m.string[s1 : m.start("cyr_d1")].lstrip())
    first = _cy_one(s1, m.end("cyr_y1") if y1 else m.end("cyr_m1"), m1, d1, y1)
    second = _cy_one(m.start("cyr_d2"), e, m2, d2, y2)
    return [f for f in (first, second) if f is not None and (f is second or m.group("cyr_m1"))]


def _cy_one(s: int, e: int, month: int, d: int, y: int | None) -> _Found | None:
    """One Welsh day: with its year, or with none (filled in from the text)."""
    if y is None:
        ok = iso_day(2000, month, d) is not None
        return _Found(s, e, None, None, "day", no_year=(month, d, month, d)) if ok else None
    day = iso_day(y, month, d)
    return _Found(s, e, day, day, "day", full=True) if day and _ok_year(y) else None


def _welsh_dates(text: str) -> list[_Found]:
    """The Welsh dates of ``text``: round each Welsh month's name, the first match of the
    pattern of ``_CY_BRANCHES`` that holds it, within ``_CY_REACH`` characters of it (so
    linear in the text)."""
    out: list[_Found] = []
    done = 0
    names, dates = _cy_patterns()
    for name in names.finditer(text):
        if name.start() < done:
            continue
        hi = min(len(text), name.end() + _CY_REACH)
        m = dates.search(text, max(done, name.start() - _CY_REACH), hi)
        while m is not None and m.end() <= name.start():
            m = dates.search(text, m.end(), hi)  # (a date before it that took no month of it)
        if m is None or m.start() > name.start():
            continue
        items = _welsh_found(m)
        out.extend(items)
        done = m.end() if items else name.end()
    return out


def _with_welsh(text: str, found: list[_Found]) -> list[_Found]:
    """``found`` with the Welsh dates in it, in text order; an item a Welsh date overlaps (the
    year of "3 Hydref 2025") gives way to it."""
    welsh = _welsh_dates(text)
    if not welsh:
        return found
    starts = [w.start for w in welsh]  # (in order, none overlapping)

    def overlapped(f: _Found) -> bool:
        k = bisect_left(starts, f.end) - 1  # the last Welsh item that starts before f ends
        return k >= 0 and welsh[k].end > f.start

    return sorted([f for f in found if not overlapped(f)] + welsh, key=lambda f: f.start)


def find_dates(text: str) -> list[DateMention]:
    """Find every date expression in ``text``, each occurrence, in text order.

    Args:
        text: the release text (any length; matching is linear in it).

    Returns:
        ``DateMention`` items sorted by ``start``, with ``text[start:end] == item.text``,
        ISO ``start_date``/``end_date`` covering the whole expression and a ``granularity``
        (``day``, ``month``, ``year`` or ``financial_year``). A date written without a year has
        ``year_inferred=True``; its dates are null when the release states no year at all.
    """
    found: list[_Found] = []
    pos = 0
    welsh = False  # a Welsh month's name next to a date's digits: see _welsh_next_to
    anchors = _ANCHOR_RE.search
    while (a := anchors(text, pos)) is not None:
        m = _match_at(text, a.start(), a.end(), pos, len(text))
        if m is not None and (gap := _PARAGRAPH_BREAK_RE.search(text, m.start(), m.end())):
            # A date never runs over a blank line: the text up to it is matched again.
            m = _match_at(text, a.start(), a.end(), pos, gap.start())
        if m is None:
            if not welsh and text[a.start()].isdigit():
                welsh = _welsh_next_to(text, a.start(), a.end())
            day = _month_alone(text, a.start(), a.end())
            if day is not None:
                _relative_year(text, day)
                found.append(day)
            pos = a.end() if day is None else day.end
            continue
        kind = m.lastgroup
        start = m.start()
        if kind in ("y", "fy", "yr", "num", "nus", "iso") and (
            _in_phone(text, start, m.end()) or _in_url(text, start, m.end())
        ):
            pos = m.end()
            continue
        if kind == "y" and not welsh:
            welsh = _welsh_next_to(text, start, -1)
        if kind == "y" and _a_count(text, start, m.end()) and _part_before(text, start) is None:
            pos = m.end()
            continue
        if kind in _WEEKDAY_KINDS:
            start = _weekday_before(text, start)
        items = _quarter(m, start) if m.re is _QUARTER_RE else _convert(text, m, start)
        if kind in ("fy", "yr") and len(items) == 1:
            items[0] = _academic_year(text, items[0])
        if kind in _ONE_DAY_KINDS and len(items) == 1 and items[0].start_date == items[0].end_date:
            _week_of(text, items[0])
        if items and items[-1].no_year is not None and items[-1].rel is None:
            _relative_year(text, items[-1])
        # A lead word or "the year to" may reach back over an item found before: it wins.
        while items and found and found[-1].end > items[0].start:
            found.pop()
        found.extend(items)
        pos = items[-1].end if items else a.end()
    found = _with_lower_named(text, found)
    if welsh:
        found = _with_welsh(text, found)
    _fill_years(text, found)
    out: list[DateMention] = []
    for f in found:
        if f.no_year is not None and f.no_year[0] == 0 and f.start_date is None:
            continue  # Tuesday 3rd, with no month round it that has a Tuesday the 3rd
        out.append(
            DateMention(
                text=text[f.start : f.end],
                start_date=f.start_date,
                end_date=f.end_date,
                granularity=f.granularity,
                start=f.start,
                end=f.end,
                year_inferred=f.no_year is not None,
                part_start_date=f.part[0] if f.part else None,
                part_end_date=f.part[1] if f.part else None,
            )
        )
    return out
