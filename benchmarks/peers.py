"""This project beside the installable libraries that do a part of its job, on the same texts.

Peers (``pip install -e '.[bench]'``): dateparser's ``search_dates`` and datefinder (dates),
quantulum3 (quantities), and spaCy's bare ``spacy.blank("en")`` tokenizer (the floor any
spaCy-based tool pays). For each it prints:

* releases/s over the same N generated releases (``throughput.build``), in one process on
  one core, after the imports and any set-up (a tool's start-up is not counted here; see
  ``throughput.py`` for whole processes);
* on the fixtures (tests/data/fixtures, gold.json), F1 per field the tool covers, scored by
  ``pipeline score``'s own code (``pipeline.scoring``), with the number unit's accuracy.

How peers' results are read, so that they are scored on what they find rather than on our
format: a date from ``search_dates`` takes its granularity from dateparser's own
``get_date_data(...).period`` on the matched words (day, month or year: the interval is that
day, month or year); a datefinder date is a day when its words hold a day number, else a
month when they name one, else a year; a quantulum3 quantity gives its value and its unit's
name (none for a bare count). A date range or a financial year is one gold item that neither
peer reads as one.

    python benchmarks/peers.py 300 --dir /dev/shm
"""

from __future__ import annotations

import argparse
import calendar
import os
import re
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import ROOT, build

FIXTURES = ROOT / "tests" / "data" / "fixtures"
Finder = Callable[[str], dict[str, list[dict[str, Any]]]]
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_DAY = re.compile(r"\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b")


def _interval(day: datetime, granularity: str) -> dict[str, Any]:
    if granularity == "year":
        start, end = f"{day.year:04d}-01-01", f"{day.year:04d}-12-31"
    elif granularity == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        start = f"{day.year:04d}-{day.month:02d}-01"
        end = f"{day.year:04d}-{day.month:02d}-{last:02d}"
    else:
        start = end = day.date().isoformat()
    return {"start_date": start, "end_date": end}


def dateparser_finder() -> Finder:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    periods = DateDataParser(languages=["en"], settings=settings)

    def find(text: str) -> dict[str, list[dict[str, Any]]]:
        found = search_dates(text, languages=["en"], settings=settings) or []
        dates = []
        for words, day in found:
            period = periods.get_date_data(words).period or "day"
            dates.append({"text": words, **_interval(day, period)})
        return {"dates": dates}

    return find


def datefinder_finder() -> Finder:
    import datefinder

    def find(text: str) -> dict[str, list[dict[str, Any]]]:
        dates = []
        for day, words in datefinder.find_dates(text, source=True, strict=False):
            granularity = "day" if _DAY.search(words) else "month" if _MONTH.search(words) else ""
            dates.append({"text": words, **_interval(day, granularity or "year")})
        return {"dates": dates}

    return find


def quantulum_finder() -> Finder:
    from quantulum3 import parser

    def find(text: str) -> dict[str, list[dict[str, Any]]]:
        numbers = []
        for q in parser.parse(text):
            unit = None if q.unit.name == "dimensionless" else q.unit.name
            numbers.append({"text": q.surface, "value": q.value, "unit": unit})
        return {"numbers": numbers}

    return find


def pipeline_finder() -> Finder:
    import pipeline
    from pipeline.render import release_dict

    def find(text: str) -> dict[str, list[dict[str, Any]]]:
        return release_dict(pipeline.extract_text(text))  # type: ignore[return-value]

    return find


def tokenizer_finder() -> Finder:
    import spacy

    nlp = spacy.blank("en")

    def find(text: str) -> dict[str, list[dict[str, Any]]]:
        nlp.make_doc(text)
        return {}

    return find


PEERS: dict[str, tuple[str, Callable[[], Finder], tuple[str, ...]]] = {
    "pipeline (this project)": ("everything", pipeline_finder, ("dates", "numbers")),
    "dateparser search_dates": ("dates", dateparser_finder, ("dates",)),
    "datefinder": ("dates", datefinder_finder, ("dates",)),
    "quantulum3": ("quantities", quantulum_finder, ("numbers",)),
    'spacy.blank("en") tokenizer': ("tokens only", tokenizer_finder, ()),
}


def fixture_texts() -> dict[str, str]:
    """Each fixture's contract text (HTML reduced to text as the project reads it), by slug."""
    from pipeline.read import read_file

    return {p.stem: read_file(p).text for p in sorted((FIXTURES / "raw").iterdir())}


def accuracy(find: Finder, texts: dict[str, str]) -> dict[str, float]:
    from pipeline import scoring

    records = [{**find(text), "release_id": slug, "text": text} for slug, text in texts.items()]
    result = scoring.score(scoring.load_gold(FIXTURES / "gold.json"), records)
    return {f: result.value(f) for f in ("dates", "numbers", "number_unit")}


def speed(find: Finder, files: list[Path]) -> float:
    texts = [p.read_text("utf-8") for p in files]
    t0 = time.process_time()
    for text in texts:
        find(text)
    return len(texts) / (time.process_time() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=300, help="generated releases to time")
    ap.add_argument("--dir", type=Path, default=Path.cwd(), help="where to build the corpus")
    ap.add_argument("--only", action="append", help="run only the peers whose name holds this")
    args = ap.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    warnings.filterwarnings("ignore")  # dateparser's and quantulum3's deprecation notes
    texts = fixture_texts()
    rows = []
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".peers-") as tmp:
        build(args.n, Path(tmp))
        files = sorted(Path(tmp).glob("*.txt"))
        for name, (job, make, fields) in PEERS.items():
            if args.only and not any(o in name for o in args.only):
                continue
            find = make()
            rate = speed(find, files)
            scores = accuracy(find, texts) if fields else {}
            shown = {f: (f"{scores[f]:.3f}" if f in scores else "") for f in scores}
            if "numbers" not in fields:
                shown.pop("numbers", None)
                shown.pop("number_unit", None)
            if "dates" not in fields:
                shown.pop("dates", None)
            rows.append((name, job, rate, shown))
    print(f"{args.n} generated releases (one core, in process); F1 on the {len(texts)} fixtures")
    print("| tool | finds | releases/s | dates F1 | numbers F1 | number unit |")
    print("|---|---|---|---|---|---|")
    for name, job, rate, shown in rows:
        cells = [shown.get(f, "–") for f in ("dates", "numbers", "number_unit")]
        print(f"| {name} | {job} | {rate:,.0f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
