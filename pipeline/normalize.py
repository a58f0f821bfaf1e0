"""All value normalisation in one place: small str -> value functions.

Values are normalised; the release ``text`` never is. To match loosely, search a 1:1 folded
copy so that offsets still hold (see :func:`fold`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Final

import regex

from pipeline import vocab

_SPACE_RUN: Final = regex.compile(r"\s+")
SEPARATORS: Final = "\x1c\x1d\x1e\x1f"  # white space to str.split and str.isspace, not to \\s

# One character in, one character out: curly quotes, primes, dashes and the no-break /
# thin / narrow spaces that releases use. Each pair keeps ``len`` and every offset.
_FOLD_PAIRS: Final = (
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201a", "'"),
    ("\u201b", "'"),
    ("\u2032", "'"),
    ("\u02bc", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u2033", '"'),
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u2012", "-"),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u2015", "-"),
    ("\u2212", "-"),
    ("\u00a0", " "),
    ("\u2007", " "),
    ("\u2009", " "),
    ("\u200a", " "),
    ("\u202f", " "),
)

_WORDS = vocab.load("number_words")
_SMALL: Final[dict[str, int]] = _WORDS["small"]
_TENS: Final[dict[str, int]] = _WORDS["tens"]
_HUNDRED: Final[dict[str, int]] = _WORDS["hundred"]
_SCALES: Final[dict[str, int]] = _WORDS["scales"]
_DIGIT_SCALES: Final[dict[str, int]] = _WORDS["digit_scales"]
_MONEY_SCALES: Final[dict[str, int]] = _WORDS["money_scales"]
_MULTIPLIERS: Final[dict[str, int]] = _WORDS["multipliers"]
_ARTICLES: Final = frozenset(_WORDS["articles"])
# Every word that can be part of a written-out number, lower case.
NUMBER_WORDS: Final[frozenset[str]] = (
    frozenset(_SMALL)
    | frozenset(_TENS)
    | frozenset(_HUNDRED)
    | frozenset(_SCALES)
    | frozenset(_MULTIPLIERS)
)
_ORDINALS: Final[dict[str, int]] = _WORDS["ordinals"]
# Ordinal words, lower case: "third" -> 3, "twenty-first" -> 21 (the tens, a hyphen, a unit).
ORDINAL_WORDS: Final[dict[str, int]] = _ORDINALS | {
    f"{tens}-{unit}": t + u for tens, t in _TENS.items() for unit, u in _ORDINALS.items() if u < 10
}
# Denominators written as words: "half" -> 2, "thirds" -> 3.
FRACTION_WORDS: Final[dict[str, int]] = _WORDS["fractions"]["words"] | {
    w + s: _ORDINALS[w] for w in _WORDS["fractions"]["ordinals"] for s in ("", "s")
}

_MONTHS: Final[dict[str, int]] = {}
for _i, _m in enumerate(vocab.load("dates_vocab")["months"], start=1):
    _MONTHS[_m["name"].lower()] = _i
    for _a in _m["abbr"]:
        _MONTHS[_a.lower()] = _i


def collapse_space(s: str) -> str:
    """Collapse runs of white space (line breaks and no-break spaces too) to one space; strip.

    Joining the words of ``str.split`` gives the same, much faster, unless ``s`` holds one of
    the four separators that ``str.split`` takes for white space and ``\\s`` does not.
    """
    if any(c in s for c in SEPARATORS):  # (four str.find scans: cheaper than a regex class)
        return _SPACE_RUN.sub(" ", s).strip()
    return " ".join(s.split())


def bisect_offsets(a: list[int], x: int, lo: int = 0, *, right: bool = False) -> int:
    """``bisect.bisect_left(a, x, lo)`` (``bisect_right`` with ``right``), compiled: the
    standard library's costs a Python call with its arguments boxed, several times this
    loop's cost on the few offsets of a release (the extractors call it per paragraph)."""
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x or (right and a[mid] == x):
            lo = mid + 1
        else:
            hi = mid
    return lo


def last_of(text: str, chars: Iterable[str], start: int, end: int) -> int:
    """The offset of the last of any of ``chars`` in ``text[start:end]``, or -1 (a loop:
    ``max`` of a generator of ``rfind``s costs several times as much)."""
    last = -1
    for ch in chars:
        found = text.rfind(ch, start, end)
        if found > last:
            last = found
    return last


def offsets_of(text: str, chars: Iterable[str]) -> list[int]:
    """Every offset in ``text`` of any of ``chars``, in order (one ``str.find`` loop per
    character is much faster than a regex scan of the whole text for a character class)."""
    out = []
    for char in chars:
        i = text.find(char)
        while i >= 0:
            out.append(i)
            i = text.find(char, i + 1)
    out.sort()
    return out


def fold(s: str) -> str:
    """Map curly quotes to ``'``/``"``, dashes to ``-`` and exotic spaces to `` ``, 1:1.

    The result has the same length as ``s``, so an offset found in it is an offset in ``s``.
    (Chained ``str.replace`` is used because ``str.translate`` with a table is ~30x slower.)
    """
    if s.isascii():
        return s
    for a, b in _FOLD_PAIRS:
        if a in s:
            s = s.replace(a, b)
    return s


# ---- numbers -------------------------------------------------------------------------------


def parse_number_words(words: Sequence[str]) -> tuple[int, int] | None:
    """Read the longest written-out number at the start of ``words``.

    Args:
        words: the words in order, already split on spaces and hyphens, any case
            (``["one", "hundred", "and", "twenty"]``, ``["Twenty", "five"]``).

    Returns:
        ``(value, n)``: the value and how many of the words it used (a trailing ``and`` is
        never used), or None when ``words`` does not start with a number.
        ``["seven", "and", "nine"]`` gives ``(7, 1)``: the caller reads ``nine`` afresh.
        An article stands for one before a hundred, a scale or a multiplier (``a hundred and
        two`` -> 102, ``a dozen`` -> 12); a multiplier ends the number (``two dozen`` -> 24).
    """
    total = group = 0
    last = ""  # kind of the previous word used: unit, teen, tens, hundred, scale, and
    prev_scale = 0
    best: tuple[int, int] | None = None
    for i, raw in enumerate(words):
        w = raw.lower()
        if i == 0 and w in _ARTICLES:
            nxt = words[1].lower() if len(words) > 1 else ""
            if nxt not in _HUNDRED and nxt not in _SCALES and nxt not in _MULTIPLIERS:
                return None
            group, last = 1, "unit"
            continue
        if w in _MULTIPLIERS:
            if last not in ("unit", "teen", "tens", "hundred", "scale"):
                break
            return ((total + group) * _MULTIPLIERS[w], i + 1)
        if w == "and":
            if last in ("hundred", "scale"):
                last = "and"
                continue
            break
        if w in _SMALL:
            v = _SMALL[w]
            if v == 0:
                if last:
                    break
                return (0, i + 1)
            ok = last in ("", "hundred", "and", "scale") or (last == "tens" and v < 10)
            if not ok:
                break
            group += v
            last = "unit" if v < 10 else "teen"
        elif w in _TENS:
            if last not in ("", "hundred", "and", "scale"):
                break
            group += _TENS[w]
            last = "tens"
        elif w in _HUNDRED:
            if last not in ("unit", "teen") or not 0 < group < 100:
                break
            group *= _HUNDRED[w]
            last = "hundred"
        elif w in _SCALES:
            scale = _SCALES[w]
            if last not in ("unit", "teen", "tens", "hundred") or (
                prev_scale and scale >= prev_scale
            ):
                break
            total += group * scale
            group = 0
            prev_scale = scale
            last = "scale"
        else:
            break
        best = (total + group, i + 1)
    return best


def scale_multiplier(word: str, money: bool = False) -> int | None:
    """The multiplier of a scale word or suffix after digits: ``million`` / ``m`` -> 10**6,
    ``billion`` / ``bn`` -> 10**9, ``thousand`` / ``k`` -> 1000; with ``money``, also ``B``
    -> 10**9 and ``T`` -> 10**12 (``€10B``); None for anything else."""
    low = word.lower()
    got = _DIGIT_SCALES.get(low)
    if got is None and money:
        return _MONEY_SCALES.get(low)
    return got


def signed(value: int | float, negative: bool) -> int | float:
    """``value`` with a minus sign when ``negative`` (``-504``, ``minus ten``)."""
    return -value if negative else value


def fraction_value(numerator: int, denominator: int, whole: int = 0) -> int | float | None:
    """``(2, 3)`` -> 0.666..., ``(1, 2, whole=2)`` -> 2.5 (``2 1/2``), an int when exact
    (``(4, 2)`` -> 2); None for a zero denominator."""
    if denominator == 0:
        return None
    if numerator % denominator == 0:
        return whole + numerator // denominator
    return whole + numerator / denominator


def decimal_value(whole: int | float, digits: str) -> int | float | None:
    """A whole number and the digits after its point: ``(2, "2")`` -> 2.2 (``two point
    two``), ``(0, "77")`` -> 0.77; None when ``whole`` is not whole or ``digits`` not digits."""
    if not (digits.isascii() and digits.isdigit()) or whole != int(whole):
        return None
    return number_value(f"{int(whole)}.{digits}")


# The largest integer every JSON reader holds exactly (a double's 53-bit mantissa); a larger
# value is recorded as null with a warning, its text kept (see pipeline.record).
MAX_EXACT: Final = 2**53 - 1
_EXACT_DIGITS: Final = len(str(MAX_EXACT))


def number_value(digits: str, scale: str | None = None) -> int | float | None:
    """The value of digits with an optional scale: ``("1.3", "million")`` -> 1300000,
    ``("3.2", "m")`` -> 3200000, ``("1,250", None)`` -> 1250, ``("9.4", None)`` -> 9.4.
    Exact: scales are powers of ten, so the digits are shifted as integers and
    ``3.2 * 10**6`` is 3200000, not 3200000.0000000005. None when it is not a number;
    ``math.inf`` when its whole part has more than 16 digits (beyond what a JSON reader holds
    exactly, see ``MAX_EXACT``), unparsed: Python's ``int()`` refuses more than 4,300 digits
    and takes time quadratic in their count; for the same reason more than 16 decimals are
    read as a float."""
    whole, _, frac = digits.replace(",", "").partition(".")
    if not (whole + frac).isascii() or not (whole + frac).isdigit():
        return None
    mult = 1
    if scale:
        found = scale_multiplier(scale, money=True)
        if found is None:
            return None
        mult = found
    whole = whole.lstrip("0") or "0"
    if len(whole) + len(str(mult)) - 1 > _EXACT_DIGITS:
        return math.inf
    if len(frac) > _EXACT_DIGITS:  # more decimals than a double holds: read as one
        return float(f"{whole}.{frac}") * mult
    if not frac:
        return int(whole) * mult
    num = int(whole + frac) * mult
    den = int(10 ** len(frac))
    if num % den == 0:
        return num // den
    return num / den  # correctly rounded: 9.4, 53.5


# ---- dates ---------------------------------------------------------------------------------

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """28 to 31 (Gregorian leap years); a table, as ``calendar.monthrange`` is slow."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month]


def month_number(name: str) -> int | None:
    """``"December"``, ``"Dec"``, ``"Dec."`` -> 12; ``"SEPT"`` -> 9; None if not a month."""
    return _MONTHS.get(name.rstrip(".").lower())


def iso_day(year: int, month: int, day: int) -> str | None:
    """``(2016, 12, 13)`` -> ``"2016-12-13"``; None when there is no such day."""
    if not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def iso_month_start(year: int, month: int) -> str:
    """The first day of the month: ``(2016, 9)`` -> ``"2016-09-01"``."""
    return f"{year:04d}-{month:02d}-01"


def iso_month_end(year: int, month: int) -> str:
    """The last day of the month: ``(2016, 2)`` -> ``"2016-02-29"``."""
    return f"{year:04d}-{month:02d}-{days_in_month(year, month):02d}"


def iso_year_start(year: int) -> str:
    """``2016`` -> ``"2016-01-01"``."""
    return f"{year:04d}-01-01"


def iso_year_end(year: int) -> str:
    """``2016`` -> ``"2016-12-31"``."""
    return f"{year:04d}-12-31"


def financial_year(first_year: int) -> tuple[str, str]:
    """The UK financial year that starts in ``first_year``: 1 April to 31 March.
    ``2015`` (for ``2015-16``) -> ``("2015-04-01", "2016-03-31")``."""
    return f"{first_year:04d}-04-01", f"{first_year + 1:04d}-03-31"


def second_year(first_year: int, written: str) -> int:
    """The full second year of a span written ``2015-16`` / ``2015/2016`` / ``1999-00``:
    two digits take the century of the first year, rolling over when they are smaller."""
    if len(written) >= 4:
        return int(written)
    yy = int(written)
    year = first_year - first_year % 100 + yy
    return year + 100 if year < first_year else year


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """The (year, month) ``by`` months after (before, when negative) the given one."""
    k = year * 12 + month - 1 + by
    return k // 12, k % 12 + 1


def months_to(year: int, month: int, count: int = 12) -> tuple[str, str]:
    """``the year to March 2025``: the ``count`` months ending with that month,
    ``(2025, 3)`` -> ``("2024-04-01", "2025-03-31")``."""
    return iso_month_start(*shift_month(year, month, 1 - count)), iso_month_end(year, month)


def months_to_day(year: int, month: int, day: int, count: int = 12) -> str:
    """The first day of the ``count`` months ending on that day: ``the year ending 15 March
    2025`` starts on 16 March 2024, ``the three months to 30 June 2022`` on 1 April 2022."""
    if iso_day(year, month, day) == iso_month_end(year, month):
        return months_to(year, month, count)[0]
    return iso_day(*shift_month(year, month, -count), day + 1) or months_to(year, month, count)[0]


_MARKDOWN_WRAP = regex.compile(
    r"^\s*(?:#{1,6}\s+)?(?:(\*\*|__)(?P<inner>.+)\1|(?P<plain>.+?))\s*#*\s*$"
)


def setext_heading(s: str) -> str | None:
    """The words of a Markdown heading underlined with ``===`` or ``---`` (pandoc writes its
    top headings so), else None."""
    head, newline, rule = s.strip().partition("\n")
    rule = rule.strip()
    if newline and head.strip() and len(rule) >= 3 and rule[0] in "=-":
        return head.strip() if rule.count(rule[0]) == len(rule) else None
    return None


def headline_text(s: str) -> str:
    """A headline's words without Markdown heading marks, underline or bold markers
    (``# **Title**``)."""
    if s[-1:] in "=-" and (head := setext_heading(s)) is not None:
        s = head
    if s and s[0] not in "#*_" and s[-1] not in "#*_" and not (s[0].isspace() or s[-1].isspace()):
        return s  # nothing to unwrap: what the pattern below would return, without its cost
    m = _MARKDOWN_WRAP.match(s)
    if m is None:
        return s
    return str(m.group("inner") or m.group("plain") or s)
