"""Recall of the number, money and date extractors on peer projects' own English test suites.

Reads the suites at run time from fetched checkouts (nothing of theirs is copied into this
repository) and runs each case's phrase through ``pipeline.extract_text``, wrapped as
``The report found {phrase}.``. A case is a hit when an extracted item has the expected value.

    python benchmarks/peer_suites.py PATH [--misses SUITE]

PATH holds the checkouts as folders (or bare git directories, read with ``git show``):
``facebook+duckling``, ``nielstron+quantulum3`` and ``scrapinghub+dateparser`` (``owner+name``
or just ``name``). Suites:

- ``duckling-numerals``: ``Duckling/Numeral/EN/Corpus.hs``. Out of scope: Indian lakh and crore
  (``lakh``, ``lkh``, ``lac``, ``cr``, ``crore``, ``koti``, ``kr``, ``30 l``), vague quantifiers
  with no one value (``a few``, ``few``, ``a couple``, ``a pair``, ``single``).
- ``duckling-money``: ``Duckling/AmountOfMoney/EN/Corpus.hs`` (``allExamples``). Out of scope:
  lakh and crore. ``between`` needs both bounds, ``under``/``above`` the bound. Cents count as
  the cents or as the unit (10 cents: 10 or 0.1). The share of hits with kind ``money`` is shown.
- ``duckling-dates``: ``Duckling/Time/EN/Corpus.hs``, cases that write a year (four digits, or
  a numeric date with a two-digit year) with day, month, quarter or year grain and no time.
  Out of scope: times of day, holidays, weeks, open intervals (``since 2014``), BC/AD eras,
  relative dates, two consecutive years spaced as a span (``1960 - 1961``, which this project
  reads as a UK financial year), and numeric dates in US order (``10/31/1974``; a month and
  day that read the same both ways, ``3/3/2015``, stay). A hit: an item whose start and end
  dates are the expected period's (a day, a month, a quarter, a year, or the interval); for
  a part of a year (``the end of 2012``), which this project reads as its year as the gold
  annotations do, the months in ``part_start_date``/``part_end_date``.
- ``q3-plain`` / ``q3-money``: the surfaces of ``quantities.json`` and
  ``quantities.ambiguity.json`` whose unit is ``dimensionless`` / a currency (rates such as
  dollars per hour left out); a dimensionless four-digit year (``1979``) is a date here, and
  out of scope, and so is a range given as its mean (``7 to 10``: 8.5).
- ``q3-words``: each value of ``extract_spellout_values.py``'s cases (a case with three values
  is three checks). Out of scope: a bare scale word with no count (``million``, ``hundred and
  five``) and a case of only vague words (``several hundred years``).
- ``dateparser-dates``: the English cases of ``tests/test_search.py`` whose found text writes
  a year; compared at the grain the text gives (a day, a month, or a year); US-order numeric
  dates out of scope.
"""

from __future__ import annotations

import argparse
import ast
import calendar
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

WRAP = "The report found {}."


@dataclass
class Case:
    phrase: str
    numbers: list[tuple[float, ...]] = field(default_factory=list)  # each: accepted values
    period: tuple[str, str] | None = None  # expected start and end date


# ---- reading the checkouts -----------------------------------------------------------------


def _repo(root: Path, owner: str, name: str) -> Path:
    for cand in (root / f"{owner}+{name}", root / name):
        if cand.exists():
            return cand / "repo" if (cand / "repo").exists() else cand
    raise SystemExit(f"no checkout of {owner}/{name} under {root}")


def _read(repo: Path, path: str) -> str:
    if (repo / path).exists():
        return (repo / path).read_text("utf-8")
    return subprocess.run(
        ["git", "--git-dir", str(repo), "show", f"HEAD:{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _hs_string(s: str) -> str:
    """A Haskell string literal's body, unescaped (``\\x20ac``, ``\\&``)."""
    s = re.sub(r"\\x([0-9a-fA-F]+)", lambda m: chr(int(m.group(1), 16)), s)
    s = s.replace("\\&", "")
    return s.replace('\\"', '"').replace("\\\\", "\\")


_EXAMPLES = re.compile(r"examples\s*\((?P<head>.*?)\)\s*\n?\s*\[(?P<body>.*?)\]", re.S)
_HS_STR = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _hs_examples(src: str) -> Iterator[tuple[str, list[str]]]:
    for m in _EXAMPLES.finditer(src):
        yield m.group("head"), [_hs_string(s) for s in _HS_STR.findall(m.group("body"))]


# ---- Duckling ------------------------------------------------------------------------------

_INDIAN = re.compile(r"\b(?:lakhs?|lkhs?|lac|crores?|krores?|cr|kr|koti)\b|\d l$", re.I)
_VAGUE = re.compile(r"^(?:a )?(?:few|couple(?: of)?|pair|single)$", re.I)


def duckling_numerals(root: Path) -> list[Case]:
    src = _read(_repo(root, "facebook", "duckling"), "Duckling/Numeral/EN/Corpus.hs")
    out = []
    for head, phrases in _hs_examples(src):
        m = re.fullmatch(r"NumeralValue \(?(-?[\d.e]+)\)?", head.strip())
        if m is None:
            continue
        value = float(m.group(1))
        out += [
            Case(p, [(value,)]) for p in phrases if not _INDIAN.search(p) and not _VAGUE.match(p)
        ]
    return out


def duckling_money(root: Path) -> list[Case]:
    src = _read(_repo(root, "facebook", "duckling"), "Duckling/AmountOfMoney/EN/Corpus.hs")
    src = src[src.index("allExamples ::") :]
    out = []
    for head, phrases in _hs_examples(src):
        m = re.fullmatch(r"(simple|between|under|above) (\w+) \(?([-\d.e, ]+)\)?", head.strip())
        if m is None:
            continue
        how, cur, nums = m.groups()
        values = [float(v) for v in nums.split(",")]
        checks: list[tuple[float, ...]] = []
        for v in values if how == "between" else values[:1]:
            checks.append((v, v / 100) if cur == "Cent" else (v,))
        out += [Case(p, checks) for p in phrases if not _INDIAN.search(p)]
    return out


_TUPLE = r"\((-?\d+), (\d+), (\d+), (\d+), (\d+), (\d+)\)"
_TIME_HEAD = re.compile(rf"(datetime|datetimeInterval) \(?{_TUPLE}(?:, {_TUPLE}\))? (\w+)")
_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)|\d+[/.-]\d+[/.-]\d\d(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(?!\d)")
_OUT_OF_SCOPE_WORDS = re.compile(
    r"christmas|thanksgiving|\bweek|b\.c|a\.d|\d\d?:\d\d|\d\s*[ap]\.?m\b|\d+h\b", re.I
)
_SPACED_YEARS = re.compile(r"(\d{4}) - (\d{4})")
_GRAINS = ("Day", "Month", "Quarter", "Year")


def _period(y: int, mo: int, d: int, grain: str) -> tuple[str, str]:
    """The first and last day of the period of ``grain`` that starts on the given day."""
    if grain == "Day":
        last_y, last_m, last_d = y, mo, d
    elif grain == "Year":
        last_y, last_m, last_d = y, 12, 31
    else:
        last_m = mo + (2 if grain == "Quarter" else 0)
        last_y, last_d = y, calendar.monthrange(y, last_m)[1]
    return f"{y:04d}-{mo:02d}-{d:02d}", f"{last_y:04d}-{last_m:02d}-{last_d:02d}"


def _before(y: int, mo: int, d: int, grain: str) -> str:
    """The last day of the ``grain`` period before the given day (Duckling's open end)."""
    if grain == "Year":
        return f"{y - 1:04d}-12-31"
    if grain == "Day":
        import datetime as dt

        return (dt.date(y, mo, d) - dt.timedelta(days=1)).isoformat()
    py, pm = (y, mo - 1) if mo > 1 else (y - 1, 12)
    return f"{py:04d}-{pm:02d}-{calendar.monthrange(py, pm)[1]:02d}"


def duckling_dates(root: Path) -> list[Case]:
    src = _read(_repo(root, "facebook", "duckling"), "Duckling/Time/EN/Corpus.hs")
    out = []
    for head, phrases in _hs_examples(src):
        m = _TIME_HEAD.match(head.strip())
        if m is None or m.group(14) not in _GRAINS:
            continue
        a = [int(x) for x in m.group(2, 3, 4, 5, 6, 7)]
        grain = m.group(14)
        if a[0] < 1000 or any(a[3:]):
            continue
        if m.group(1) == "datetime":
            period = _period(a[0], a[1], a[2], grain)
        else:
            b = [int(x) for x in m.group(8, 9, 10, 11, 12, 13)]
            if any(b[3:]):
                continue
            period = (f"{a[0]:04d}-{a[1]:02d}-{a[2]:02d}", _before(b[0], b[1], b[2], grain))
        for p in phrases:
            if not _YEAR_WRITTEN.search(p) or _OUT_OF_SCOPE_WORDS.search(p):
                continue
            if _SPACED_YEARS.fullmatch(p):
                continue  # "1960 - 1961": spaced consecutive years are a UK financial year
            num = _NUMERIC_DATE.search(p)
            if num and (int(num.group(1)), int(num.group(2))) == (a[1], a[2]) and a[1] != a[2]:
                continue  # US order
            out.append(Case(p, period=period))
    return out


# ---- quantulum3 ----------------------------------------------------------------------------

_CURRENCY_UNITS = ("dollar", "euro", "pound sterling", "penny", "cent", "dime", "yen")
_YEAR_ONLY = re.compile(r"(?:1[89]|20)\d\d")


def _q3_results(root: Path) -> Iterator[dict[str, object]]:
    import json

    repo = _repo(root, "nielstron", "quantulum3")
    for name in ("quantities.json", "quantities.ambiguity.json"):
        for case in json.loads(_read(repo, f"quantulum3/_lang/en_US/tests/{name}")):
            yield from case["res"]


def q3_plain(root: Path) -> list[Case]:
    return [
        Case(str(r["surface"]), [(float(r["value"]),)])  # type: ignore[arg-type]
        for r in _q3_results(root)
        if r["unit"] == "dimensionless"
        and not _YEAR_ONLY.fullmatch(str(r["surface"]))
        and "uncertainty" not in r
    ]


def q3_money(root: Path) -> list[Case]:
    out = []
    for r in _q3_results(root):
        unit = str(r["unit"])
        if unit in _CURRENCY_UNITS or unit.rstrip("s") in _CURRENCY_UNITS:
            v = float(r["value"])  # type: ignore[arg-type]
            accepted = (v, v / 100) if unit in ("cent", "penny") else (v,)
            out.append(Case(str(r["surface"]), [accepted]))
    return out


_BARE_SCALE = re.compile(r"^(?:million|hundred)\b|^several\b")


def q3_words(root: Path) -> list[Case]:
    src = _read(
        _repo(root, "nielstron", "quantulum3"),
        "quantulum3/_lang/en_US/tests/extract_spellout_values.py",
    )
    tree = ast.parse(src)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "TEST_CASES":
            for phrase, values in ast.literal_eval(node.value):
                if _BARE_SCALE.search(phrase) or not values:
                    continue
                out += [Case(phrase, [(float(v),)]) for v in values]
    return out


# ---- dateparser ----------------------------------------------------------------------------

_MONTH_NAME = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d+[-/.]\d+", re.I
)
_DAY_WRITTEN = re.compile(
    r"(?<![\d:])\d{1,2}(?:st|nd|rd|th)?(?![\d:])(?!\s*[ap]m)|\d{4}-\d\d-\d\d|\d+/\d+/\d+", re.I
)


def dateparser_dates(root: Path) -> list[Case]:
    src = _read(_repo(root, "scrapinghub", "dateparser"), "tests/test_search.py")
    tree = ast.parse(src)
    seen = set()
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "param"):
            continue
        args = node.args
        lang = args[0] if args else None
        langs = next((k.value for k in node.keywords if k.arg == "languages"), None)
        is_en = (isinstance(lang, ast.Constant) and lang.value == "en") or (
            isinstance(langs, ast.List)
            and [getattr(e, "value", None) for e in langs.elts] == ["en"]
        )
        if not is_en:
            continue
        for sub in ast.walk(node):
            if not (isinstance(sub, ast.Tuple) and len(sub.elts) == 2):
                continue
            text, when = sub.elts
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                continue
            if not (isinstance(when, ast.Call) and ast.unparse(when.func).endswith("datetime")):
                continue
            # today.month / today.day stand for a part the text does not give
            ymd = [a.value if isinstance(a, ast.Constant) else None for a in when.args[:3]]
            phrase = text.value
            if ymd[0] is None or not _YEAR_WRITTEN.search(phrase) or phrase in seen:
                continue
            num = _NUMERIC_DATE.search(phrase)
            month_day = tuple(ymd[1:])
            if num and (int(num.group(1)), int(num.group(2))) == month_day != month_day[::-1]:
                continue  # US order
            seen.add(phrase)
            y = int(ymd[0])
            if ymd[1] is None or not _MONTH_NAME.search(phrase):
                period = (f"{y:04d}-01-01", f"{y:04d}-12-31")
            elif ymd[2] is None:
                period = _period(y, int(ymd[1]), 1, "Month")
            else:
                period = _period(y, int(ymd[1]), int(ymd[2]), "Day")
            out.append(Case(phrase, period=period))
    return out


# ---- running -------------------------------------------------------------------------------

SUITES: dict[str, Callable[[Path], list[Case]]] = {
    "duckling-numerals": duckling_numerals,
    "duckling-money": duckling_money,
    "duckling-dates": duckling_dates,
    "q3-plain": q3_plain,
    "q3-money": q3_money,
    "q3-words": q3_words,
    "dateparser-dates": dateparser_dates,
}


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def run(cases: list[Case]) -> tuple[int, int, list[str]]:
    """(hits, hits whose items are all money, misses as lines)."""
    import pipeline

    hits = money = 0
    misses = []
    for c in cases:
        rel = pipeline.extract_text(WRAP.format(c.phrase))
        if c.period is not None:
            ok = any(
                c.period in ((d.start_date, d.end_date), (d.part_start_date, d.part_end_date))
                for d in rel.dates
            )
            got = [(d.text, d.start_date, d.end_date) for d in rel.dates]
            all_money = False
        else:
            found = [
                next((n for n in rel.numbers if any(_close(n.value, v) for v in vs)), None)
                for vs in c.numbers
            ]
            ok = all(f is not None for f in found)
            all_money = ok and all(f is not None and f.kind == "money" for f in found)
            got = [(n.text, n.value, n.kind, n.unit) for n in rel.numbers]  # type: ignore[misc]
        hits += ok
        money += all_money
        if not ok:
            want = c.period or c.numbers
            misses.append(f"  {c.phrase!r}: want {want}, got {got}")
    return hits, money, misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="folder holding the fetched checkouts")
    ap.add_argument("--misses", action="append", default=[], help="print this suite's misses")
    ap.add_argument("--only", action="append", default=[], help="run only these suites")
    args = ap.parse_args()
    print(f"{'suite':20} {'cases':>5} {'hits':>5} {'recall':>6}  note")
    for name, load in SUITES.items():
        if args.only and name not in args.only:
            continue
        cases = load(args.path)
        hits, money, misses = run(cases)
        note = f"kind money on {money / hits:.2f} of hits" if "money" in name and hits else ""
        print(f"{name:20} {len(cases):5d} {hits:5d} {hits / len(cases):6.2f}  {note}")
        if name in args.misses:
            print("\n".join(misses))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
