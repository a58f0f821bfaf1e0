"""Score a releases.jsonl against gold annotations: the product measures itself.

The figures are those of the reference scorer, ``shared/tools/score.py``: the same
normalisation, the same matching of each field, the same treatment of optional gold items, the
same provenance check and the same rounding. Only the code is different (typed, one pure
function per field), so that ``pipeline score`` and the script can gate the same numbers.

Fields scored by precision / recall / F1, micro-averaged over cases:

- ``title``: right or wrong per case (a ``null`` gold title wants no title);
- ``scores``: (criterion, score) pairs, a predicted ``qualifier`` folded into the criterion;
- ``quotes``: a predicted quote that starts with the gold ``starts_with`` words, with the right
  speaker;
- ``dates``: the (first day, last day) interval;
- ``numbers``: the value.

Fields scored by accuracy: ``quote_role`` and ``quote_paragraphs`` (over gold quotes that were
found), ``number_unit`` (the unit's last word, plural ``s`` ignored, over gold numbers) and
``provenance`` (share of predicted items whose offsets are valid in the record's ``text``).

A gold case is matched to the record whose ``release_id``, or the stem of whose
``source.path``, equals its ``slug``. Optional gold items are never required, and a prediction
that matches one is not counted against precision.
"""

from __future__ import annotations

import calendar
import json
import math
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pipeline.errors import GoldError

__all__ = [
    "ACCURACY_FIELDS",
    "FIELDS",
    "PRF_FIELDS",
    "Counts",
    "GoldError",
    "Miss",
    "ScoreResult",
    "Tally",
    "failures",
    "parse_thresholds",
    "render",
    "score_files",
]

PRF_FIELDS = ("title", "scores", "quotes", "dates", "numbers")
ACCURACY_FIELDS = ("quote_role", "quote_paragraphs", "number_unit", "provenance")
FIELDS = PRF_FIELDS + ACCURACY_FIELDS

Json = Mapping[str, Any]


# --- normalisation -------------------------------------------------------------------------
# Deliberately private, not pipeline.normalize: these folds must stay byte-for-byte those of
# the reference scorer, whatever the extractor's own normalisation becomes, or the two tools
# would disagree (and a scorer sharing the extractor's folding could hide its mistakes).

_APOSTROPHES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc\u2032`\u00b4"), "'")
_DOUBLE_QUOTES = dict.fromkeys(map(ord, "\u201c\u201d\u201e\u2033"), '"')
_SPACE_RUN = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9']+")


def _norm(value: object) -> str:
    """Fold a value for comparison: NFKC, one apostrophe and one quote mark, hyphens for en and
    em dashes, white space collapsed, case folded; ``None`` is the empty string."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFKC", str(value)).translate(_APOSTROPHES)
    s = s.translate(_DOUBLE_QUOTES).replace("\u2013", "-").replace("\u2014", "-")
    return _SPACE_RUN.sub(" ", s).strip().casefold()


def _words(value: object) -> tuple[str, ...]:
    return tuple(_WORD.findall(_norm(value)))


def _interval(spec: object, *, end: bool = False) -> str:
    """``2016`` / ``2016-09`` / ``2016-09-13`` -> its first (or, with ``end``, last) ISO day.

    Raises ValueError on a spec the reference scorer cannot read either.
    """
    text = str(spec)
    parts = text.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
    month = int(parts[1])
    if len(parts) == 2:
        day = calendar.monthrange(year, month)[1] if end else 1
        return f"{year:04d}-{month:02d}-{day:02d}"
    return text[:10]


def _as_float(value: object) -> float | None:
    """A predicted value as a float, or None when it is missing or not a number."""
    if value is None:
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """Matched, predicted and gold items of one field."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)

    @property
    def precision(self) -> float:
        if self.pred:
            return self.tp / self.pred
        return 1.0 if self.gold == 0 else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Tally:
    """Items judged right out of items judged, for an accuracy field."""

    ok: int = 0
    of: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.ok + other.ok, self.of + other.of)

    @property
    def accuracy(self) -> float:
        return self.ok / self.of if self.of else 1.0


@dataclass(frozen=True, slots=True)
class Miss:
    """One gold item the prediction got wrong: ``expected`` and ``found`` are for display."""

    slug: str
    field: str
    expected: str
    found: str


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """Everything ``pipeline score`` reports.

    ``counts`` holds the P/R/F1 fields (``PRF_FIELDS``), ``tallies`` the accuracy fields
    (``ACCURACY_FIELDS``); ``cases`` is the number of gold cases and ``missing_records`` how
    many of them had no matching record.
    """

    counts: Mapping[str, Counts]
    tallies: Mapping[str, Tally]
    misses: tuple[Miss, ...]
    cases: int
    missing_records: int

    def value(self, field: str) -> float:
        """The field's headline figure as reported: F1 or accuracy, rounded to 3 places."""
        if field in self.counts:
            return round(self.counts[field].f1, 3)
        return round(self.tallies[field].accuracy, 3)

    def as_dict(self) -> dict[str, Any]:
        """The figures in the reference scorer's ``--json`` shape (without its misses)."""
        fields: dict[str, dict[str, float | int]] = {}
        for name, c in self.counts.items():
            fields[name] = {
                "p": round(c.precision, 3),
                "r": round(c.recall, 3),
                "f1": round(c.f1, 3),
                "tp": c.tp,
                "pred": c.pred,
                "gold": c.gold,
            }
        for name, t in self.tallies.items():
            fields[name] = {"acc": self.value(name), "ok": t.ok, "of": t.of}
        return {"cases": self.cases, "missing_records": self.missing_records, "fields": fields}

    def summary(self) -> str:
        """``title=1.0 scores=0.857 ...``: every field's headline figure."""
        return " ".join(f"{name}={self.value(name)}" for name in FIELDS)


# --- gold -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldQuote:
    starts_with: str
    speaker: object
    role: object
    paragraphs: object


@dataclass(frozen=True, slots=True)
class GoldDate:
    text: str
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class GoldNumber:
    text: str
    value: float
    unit: object


@dataclass(frozen=True, slots=True)
class GoldCase:
    """One gold case, checked and with its dates resolved to ISO intervals."""

    slug: str
    title: object
    scores: tuple[tuple[str, str], ...]
    quotes: tuple[GoldQuote, ...]
    dates: tuple[GoldDate, ...]
    numbers: tuple[GoldNumber, ...]
    optional_quotes: tuple[GoldQuote, ...] = ()
    optional_dates: tuple[GoldDate, ...] = ()
    optional_numbers: tuple[GoldNumber, ...] = ()


class _Issue(NamedTuple):
    field: str
    expected: str
    found: str


def _show(value: object) -> str:
    # JSON text keeps every value on one line (a hard-wrapped date holds a line break).
    return json.dumps(value, ensure_ascii=False, default=str)


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _printable(text: str) -> str:
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


# --- matching, one pure function per field ---------------------------------------------------


def score_title(gold: object, record: Json) -> tuple[Counts, list[_Issue]]:
    """A title is right or wrong per case; a null gold title wants no title."""
    found = record.get("title")
    if _norm(found) == _norm(gold):
        return Counts(1, 1, 1), []
    return Counts(0, 1, 1), [_Issue("title", _show(gold), _show(found))]


def _score_key(item: Json) -> tuple[str, str]:
    criterion = item.get("criterion") or ""
    qualifier = item.get("qualifier")
    # The contract allows a separate qualifier; gold keeps it in brackets in the criterion.
    if qualifier and _norm(qualifier) not in _norm(criterion):
        criterion = f"{criterion} ({qualifier})"
    return _norm(criterion), _norm(item.get("score"))


def match_scores(
    pred: Sequence[Json], gold: Sequence[tuple[str, str]]
) -> tuple[Counts, list[_Issue]]:
    """Each gold (criterion, score) row consumes one equal predicted row."""
    keys = [_score_key(p) for p in pred]
    left = list(range(len(keys)))  # predicted rows not consumed yet
    unmatched: list[tuple[str, str]] = []
    for criterion, score in gold:
        want = (_norm(criterion), _norm(score))
        hit = next((i for i in left if keys[i] == want), None)
        if hit is None:
            unmatched.append((criterion, score))
        else:
            left.remove(hit)
    issues = []
    for criterion, score in unmatched:
        # Show the predicted grade when the row itself was found.
        same = [pred[i].get("score") for i in left if keys[i][0] == _norm(criterion)]
        found = f"{_show(criterion)} = {_show(same[0])}" if same else "no such row"
        issues.append(_Issue("scores", f"{_show(criterion)} = {_show(score)}", found))
    return Counts(len(gold) - len(unmatched), len(pred), len(gold)), issues


def role_matches(gold_role: object, pred_role: object) -> bool:
    """Roles match when one contains the other (a leading 'the' or possessive may differ); a
    shorter predicted role must still have two words; a null gold role accepts any role."""
    g, p = _norm(gold_role), _norm(pred_role)
    if not g:
        return True
    if not p:
        return False
    return g in p or (p in g and len(p.split()) >= 2)


_Gold = TypeVar("_Gold")


def _optional_found(
    optional: Iterable[_Gold], find: Callable[[_Gold], int | None], used: set[int]
) -> int:
    """How many optional gold items ``find`` a prediction not yet used (each one found is then
    used): those predictions count neither for nor against."""
    n = 0
    for g in optional:
        hit = find(g)
        if hit is not None:
            used.add(hit)
            n += 1
    return n


def _first_quote(heads: Sequence[tuple[str, ...]], starts_with: str, used: set[int]) -> int | None:
    head = _words(starts_with)
    for i, words in enumerate(heads):
        if i not in used and words[: len(head)] == head:
            return i
    return None


def match_quotes(
    pred: Sequence[Json], gold: Sequence[GoldQuote], optional: Sequence[GoldQuote] = ()
) -> tuple[Counts, Tally, Tally, list[_Issue]]:
    """A gold quote is found by the first unused predicted quote that starts with its words;
    it counts when the speaker is right. Role and paragraphs are tallied over the gold quotes
    (a quote not found counts as wrong for both). Returns (quotes, role, paragraphs, issues)."""
    heads = [_words(p.get("text")) for p in pred]
    used: set[int] = set()
    tp = role_ok = para_ok = 0
    issues: list[_Issue] = []
    for g in gold:
        hit = _first_quote(heads, g.starts_with, used)
        if hit is None:
            issues.append(_Issue("quotes", f"a quote starting {_show(g.starts_with)}", "none"))
            continue
        used.add(hit)
        p = pred[hit]
        if _norm(p.get("speaker")) == _norm(g.speaker):
            tp += 1
        else:
            issues.append(_Issue("quotes", f"speaker {_show(g.speaker)}", _show(p.get("speaker"))))
        if role_matches(g.role, p.get("role")):
            role_ok += 1
        else:
            issues.append(_Issue("quote_role", f"role {_show(g.role)}", _show(p.get("role"))))
        if g.paragraphs is None or g.paragraphs == p.get("paragraphs"):
            para_ok += 1
        else:
            issues.append(
                _Issue("quote_paragraphs", f"{g.paragraphs} paragraphs", _show(p.get("paragraphs")))
            )
    n_optional = _optional_found(optional, lambda g: _first_quote(heads, g.starts_with, used), used)
    n = len(gold)
    return Counts(tp, len(pred) - n_optional, n), Tally(role_ok, n), Tally(para_ok, n), issues


def match_dates(
    pred: Sequence[Json], gold: Sequence[GoldDate], optional: Sequence[GoldDate] = ()
) -> tuple[Counts, list[_Issue]]:
    """Dates match on their (start_date, end_date) interval; a leftover prediction equal to an
    optional gold date neither counts for nor against."""
    pool: list[tuple[object, object]] = [(p.get("start_date"), p.get("end_date")) for p in pred]
    texts = {(_norm(p.get("text")), i) for i, p in enumerate(pred)}
    tp = 0
    unmatched: list[GoldDate] = []
    for g in gold:
        if (g.start, g.end) in pool:
            pool.remove((g.start, g.end))
            tp += 1
        else:
            unmatched.append(g)
    n_optional = 0
    for g in optional:
        if (g.start, g.end) in pool:
            pool.remove((g.start, g.end))
            n_optional += 1
    issues = []
    for g in unmatched:
        same_text = sorted(i for t, i in texts if t == _norm(g.text))
        found = "no date with this interval"
        if same_text:
            p = pred[same_text[0]]
            found = f"{_show(p.get('text'))} {p.get('start_date')}..{p.get('end_date')}"
        issues.append(_Issue("dates", f"{_show(g.text)} {g.start}..{g.end}", found))
    return Counts(tp, len(pred) - n_optional, len(gold)), issues


def unit_matches(gold_unit: object, pred_unit: object) -> bool:
    """Units match on their last word, a plural ``s`` ignored; a null gold unit accepts any."""
    g, p = _words(gold_unit), _words(pred_unit)
    return not g or (bool(p) and g[-1].rstrip("s") == p[-1].rstrip("s"))


def _first_number(values: Sequence[float | None], value: float, used: set[int]) -> int | None:
    for i, v in enumerate(values):
        if i not in used and v is not None and v == value:
            return i
    return None


def match_numbers(
    pred: Sequence[Json], gold: Sequence[GoldNumber], optional: Sequence[GoldNumber] = ()
) -> tuple[Counts, Tally, list[_Issue]]:
    """A gold number is found by the first unused prediction with the same value; its unit is
    then tallied (a number not found counts as a wrong unit). Returns (numbers, unit, issues)."""
    values = [_as_float(p.get("value")) for p in pred]
    used: set[int] = set()
    tp = unit_ok = 0
    issues: list[_Issue] = []
    for g in gold:
        hit = _first_number(values, g.value, used)
        if hit is None:
            issues.append(
                _Issue("numbers", f"{_show(g.text)} = {_number(g.value)}", "no such value")
            )
            continue
        used.add(hit)
        tp += 1
        found_unit = pred[hit].get("unit")
        if unit_matches(g.unit, found_unit):
            unit_ok += 1
        else:
            issues.append(
                _Issue("number_unit", f"{_show(g.text)} unit {_show(g.unit)}", _show(found_unit))
            )
    n_optional = _optional_found(optional, lambda g: _first_number(values, g.value, used), used)
    return Counts(tp, len(pred) - n_optional, len(gold)), Tally(unit_ok, len(gold)), issues


def _span_ok(item: Json, text: str, *, exact: bool) -> bool:
    start, end = item.get("start"), item.get("end")
    if not (isinstance(start, int) and isinstance(end, int)):
        return False
    if exact:  # items that carry their own text must equal text[start:end]
        return 0 <= start <= end <= len(text) and text[start:end] == item.get("text")
    return 0 <= start < end <= len(text)


def provenance(record: Json) -> Tally:
    """Items whose offsets hold: sections, dates and numbers must satisfy
    ``text[start:end] == item.text``; scores and quotes need a non-empty span inside ``text``.
    A record without a ``text`` string counts as one failure."""
    text = record.get("text")
    if not isinstance(text, str):
        return Tally(0, 1)
    checks = [
        _span_ok(item, text, exact=exact)
        for name, exact in (
            ("sections", True),
            ("dates", True),
            ("numbers", True),
            ("scores", False),
            ("quotes", False),
        )
        for item in record.get(name) or []
    ]
    return Tally(sum(checks), len(checks))


@dataclass(frozen=True, slots=True)
class CaseScore:
    """One case's contribution to the totals."""

    counts: Mapping[str, Counts]
    tallies: Mapping[str, Tally]
    issues: tuple[_Issue, ...]


def score_case(case: GoldCase, record: Json | None) -> CaseScore:
    """Score one gold case against its record (None when there is none: every gold item is
    then missed, and the case adds nothing to provenance)."""
    rec: Json = record if record is not None else {}
    issues: list[_Issue] = []
    if record is None:
        issues.append(_Issue("record", "a record with this release_id or file stem", "none"))
    title, found = score_title(case.title, rec)
    issues += found
    scores, found = match_scores(rec.get("scores") or [], case.scores)
    issues += found
    quotes, role, paragraphs, found = match_quotes(
        rec.get("quotes") or [], case.quotes, case.optional_quotes
    )
    issues += found
    dates, found = match_dates(rec.get("dates") or [], case.dates, case.optional_dates)
    issues += found
    numbers, unit, found = match_numbers(
        rec.get("numbers") or [], case.numbers, case.optional_numbers
    )
    issues += found
    return CaseScore(
        counts={
            "title": title,
            "scores": scores,
            "quotes": quotes,
            "dates": dates,
            "numbers": numbers,
        },
        tallies={
            "quote_role": role,
            "quote_paragraphs": paragraphs,
            "number_unit": unit,
            "provenance": provenance(record) if record is not None else Tally(),
        },
        issues=tuple(issues),
    )


def index_records(records: Iterable[Json]) -> dict[str, Json]:
    """Records by ``release_id`` and by ``source.path`` stem. A release_id wins over a stem
    seen earlier; between stems the first record wins (as in the reference scorer)."""
    index: dict[str, Json] = {}
    for record in records:
        release_id = record.get("release_id")
        if isinstance(release_id, str):
            index[release_id] = record
        source = record.get("source") or {}
        index.setdefault(Path(str(source.get("path", ""))).stem, record)
    return index


def score(cases: Sequence[GoldCase], records: Iterable[Json]) -> ScoreResult:
    """Score every gold case against the records (already checked, see ``score_files``)."""
    index = index_records(records)
    counts = {name: Counts() for name in PRF_FIELDS}
    tallies = {name: Tally() for name in ACCURACY_FIELDS}
    misses: list[Miss] = []
    missing = 0
    for case in cases:
        record = index.get(case.slug)
        if record is None:
            missing += 1
        one = score_case(case, record)
        counts = {name: counts[name] + one.counts[name] for name in PRF_FIELDS}
        tallies = {name: tallies[name] + one.tallies[name] for name in ACCURACY_FIELDS}
        misses += (Miss(case.slug, *issue) for issue in one.issues)
    return ScoreResult(counts, tallies, tuple(misses), len(cases), missing)


# --- files -----------------------------------------------------------------------------------


# A releases.jsonl of tens of thousands of releases is a few hundred MB; anything larger (or
# a device such as /dev/zero, which never ends) is refused before it is read.
MAX_SCORE_BYTES = 512 * 1024 * 1024


def _read_text(path: Path, what: str) -> str:
    shown = _printable(str(path))
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise GoldError(f"{shown}: is a folder, not a {what} file")
        if not stat.S_ISREG(info.st_mode):
            raise GoldError(f"{shown}: is not a regular file (a device, pipe or socket)")
        if info.st_size > MAX_SCORE_BYTES:
            raise GoldError(
                f"{shown}: is {info.st_size:,} bytes, over the {MAX_SCORE_BYTES:,}-byte limit "
                f"of a {what} file"
            )
        with path.open("rb") as handle:
            # As much as stat() gave plus one byte; a file that grew since stops at the limit.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(MAX_SCORE_BYTES + 1 - len(data))
    except FileNotFoundError:
        raise GoldError(f"{shown}: no such {what} file") from None
    except IsADirectoryError:
        raise GoldError(f"{shown}: is a folder, not a {what} file") from None
    except OSError as exc:
        raise GoldError(f"{shown}: cannot read the {what} file ({exc.strerror or exc})") from None
    except ValueError:  # a NUL character in the path
        raise GoldError(f"{shown}: no such {what} file") from None
    if len(data) > MAX_SCORE_BYTES:
        raise GoldError(f"{shown}: is over the {MAX_SCORE_BYTES:,}-byte limit of a {what} file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GoldError(f"{shown}: not UTF-8 text (byte {exc.start})") from None


def _load_json(text: str, where: str, *, lines: bool = True) -> Any:
    """``lines``: name the line of an error (a JSON file); a JSONL line's ``where`` has it."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno} column {exc.colno}" if lines else f"column {exc.colno}"
        raise GoldError(f"{where}: invalid JSON: {exc.msg} ({at})") from None
    except (ValueError, RecursionError) as exc:
        raise GoldError(f"{where}: invalid JSON: {_printable(str(exc))}") from None


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, int | float) else "a value")


_ITEM_LISTS = ("sections", "scores", "quotes", "dates", "numbers")


def _check_record(record: object, where: str) -> Json:
    if not isinstance(record, dict):
        raise GoldError(f"{where}: expected a release object, found {_kind(record)}")
    release_id = record.get("release_id")
    if release_id is not None and not isinstance(release_id, str):
        raise GoldError(f"{where}: release_id is {_kind(release_id)}, not a string")
    source = record.get("source")
    if source and not isinstance(source, dict):
        raise GoldError(f"{where}: source is {_kind(source)}, not an object")
    for name in _ITEM_LISTS:
        items = record.get(name)
        if not items:
            continue
        if not isinstance(items, list):
            raise GoldError(f"{where}: {name} is {_kind(items)}, not a list")
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise GoldError(f"{where}: {name}[{i}] is {_kind(item)}, not an object")
    return record


def load_releases(path: Path) -> list[Json]:
    """The records of a releases.jsonl (one JSON object a line; blank lines are skipped)."""
    text = _read_text(path, "releases")
    shown = _printable(str(path))
    records = []
    # Split on line feeds only: str.splitlines() would also break a record at a U+2028 or
    # U+0085 that json.dumps(..., ensure_ascii=False) leaves raw inside a string.
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            where = f"{shown} line {n}"
            records.append(_check_record(_load_json(line, where, lines=False), where))
    return records


def _field(item: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in item:
        raise GoldError(f"{where} has no {key!r}")
    return item[key]


def _string(item: Mapping[str, Any], key: str, where: str) -> str:
    value = _field(item, key, where)
    if not isinstance(value, str):
        raise GoldError(f"{where}.{key} is {_kind(value)}, not a string")
    return value


def _items(block: Mapping[str, Any], key: str, where: str) -> Iterator[tuple[dict[str, Any], str]]:
    items = block.get(key) or []
    if not isinstance(items, list):
        raise GoldError(f"{where}.{key} is {_kind(items)}, not a list")
    for i, item in enumerate(items):
        at = f"{where}.{key}[{i}]"
        if not isinstance(item, dict):
            raise GoldError(f"{at} is {_kind(item)}, not an object")
        yield item, at


def _gold_quote(item: Mapping[str, Any], where: str) -> GoldQuote:
    return GoldQuote(
        starts_with=_string(item, "starts_with", where),
        speaker=item.get("speaker"),
        role=item.get("role"),
        paragraphs=item.get("paragraphs"),
    )


def _gold_date(item: Mapping[str, Any], where: str, *, need_text: bool) -> GoldDate:
    text = _string(item, "text", where) if need_text else str(item.get("text", ""))
    start = _field(item, "start", where)
    try:
        return GoldDate(
            text=text,
            start=_interval(start),
            end=_interval(item.get("end") or start, end=True),
        )
    except (ValueError, TypeError):
        raise GoldError(
            f"{where}: start/end must be YYYY, YYYY-MM or YYYY-MM-DD, "
            f"found {_show(start)} / {_show(item.get('end'))}"
        ) from None


def _gold_number(item: Mapping[str, Any], where: str, *, need_text: bool) -> GoldNumber:
    text = _string(item, "text", where) if need_text else str(item.get("text", ""))
    value = _field(item, "value", where)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise GoldError(f"{where}.value is {_show(value)}, not a number")
    return GoldNumber(text=text, value=float(value), unit=item.get("unit"))


def _gold_case(case: object, where: str) -> GoldCase:
    if not isinstance(case, dict):
        raise GoldError(f"{where} is {_kind(case)}, not an object")
    slug = _string(case, "slug", where)
    if not slug:
        raise GoldError(f"{where} has an empty slug")
    where = f"{where} ({_printable(slug)})"
    gold = _field(case, "gold", where)
    if not isinstance(gold, dict):
        raise GoldError(f"{where}.gold is {_kind(gold)}, not an object")
    at = f"{where}.gold"
    optional = gold.get("optional") or {}
    if not isinstance(optional, dict):
        raise GoldError(f"{at}.optional is {_kind(optional)}, not an object")
    opt = f"{at}.optional"
    return GoldCase(
        slug=slug,
        title=gold.get("title"),
        scores=tuple(
            (_string(item, "criterion", w), _string(item, "score", w))
            for item, w in _items(gold, "scores", at)
        ),
        quotes=tuple(_gold_quote(item, w) for item, w in _items(gold, "quotes", at)),
        dates=tuple(_gold_date(item, w, need_text=True) for item, w in _items(gold, "dates", at)),
        numbers=tuple(
            _gold_number(item, w, need_text=True) for item, w in _items(gold, "numbers", at)
        ),
        optional_quotes=tuple(_gold_quote(item, w) for item, w in _items(optional, "quotes", opt)),
        optional_dates=tuple(
            _gold_date(item, w, need_text=False) for item, w in _items(optional, "dates", opt)
        ),
        optional_numbers=tuple(
            _gold_number(item, w, need_text=False) for item, w in _items(optional, "numbers", opt)
        ),
    )


def load_gold(path: Path) -> list[GoldCase]:
    """The cases of a gold file: a JSON list of ``{"slug", "gold": {...}}`` objects."""
    shown = _printable(str(path))
    data = _load_json(_read_text(path, "gold"), shown)
    if not isinstance(data, list):
        raise GoldError(f"{shown}: expected a JSON list of gold cases, found {_kind(data)}")
    if not data:
        raise GoldError(f"{shown}: the list of gold cases is empty, so there is nothing to score")
    return [_gold_case(case, f"{shown}: case {i}") for i, case in enumerate(data)]


def score_files(releases_jsonl: Path, gold_json: Path) -> ScoreResult:
    """Score a releases.jsonl written by ``pipeline extract`` against a gold file.

    Args:
        releases_jsonl: one release object per line (the contract's releases.jsonl).
        gold_json: a JSON list of gold cases (see the module docstring).

    Returns:
        The per-field figures, the misses and the case counts.

    Raises:
        GoldError: a file is missing, unreadable, not JSON or not in the expected shape; the
            message is one line naming the file and what is wrong.
    """
    cases = load_gold(gold_json)
    return score(cases, load_releases(releases_jsonl))


# --- thresholds and reports ------------------------------------------------------------------


def parse_thresholds(items: Sequence[str]) -> dict[str, float]:
    """``["scores=0.97", "provenance=1"]`` -> ``{"scores": 0.97, "provenance": 1.0}``.

    Raises GoldError (one line) on an item that is not FIELD=VALUE, an unknown field, or a
    value that is not a number between 0 and 1. A field given twice keeps its last value.
    """
    thresholds: dict[str, float] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or not name or "=" in raw:
            raise GoldError(f"--min {item!r}: expected FIELD=VALUE, for example scores=0.97")
        if name not in FIELDS:
            raise GoldError(f"--min {item!r}: unknown field {name!r}; fields: {', '.join(FIELDS)}")
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not 0.0 <= value <= 1.0:
            raise GoldError(f"--min {item!r}: the value must be a number from 0 to 1")
        thresholds[name] = value
    return thresholds


def failures(result: ScoreResult, thresholds: Mapping[str, float]) -> list[str]:
    """``"scores 0.91 < 0.97"`` for each field whose reported figure is below its threshold,
    and, when any threshold is given, one more line if gold cases had no matching record."""
    failed = []
    for name, want in thresholds.items():
        if name not in FIELDS:
            raise GoldError(f"unknown field {name!r}; fields: {', '.join(FIELDS)}")
        have = result.value(name)
        if have < want:
            failed.append(f"{name} {have} < {want}")
    if thresholds and result.missing_records:
        failed.append(f"{result.missing_records} gold case(s) with no matching record")
    return failed


def _miss_line(miss: Miss) -> str:
    return (
        f"miss {_printable(miss.slug)} {miss.field}: expected {miss.expected}, found {miss.found}"
    )


def render(result: ScoreResult, *, as_json: bool, misses: bool, failed: Sequence[str] = ()) -> str:
    """The report: misses (one line each, when ``misses``), the per-field table and a last
    line ``ok | title=1.0 scores=...`` (``FAIL: <what> | ...`` when thresholds in ``failed``
    were missed). With ``as_json`` the same as one JSON object."""
    if as_json:
        data = result.as_dict()
        if misses:
            data["misses"] = [
                {"slug": m.slug, "field": m.field, "expected": m.expected, "found": m.found}
                for m in result.misses
            ]
        data["summary"] = result.summary()
        data["failed"] = list(failed)
        return json.dumps(data, indent=2, ensure_ascii=False)
    lines = [_miss_line(m) for m in result.misses] if misses else []
    lines.append(f"cases {result.cases}, records missing {result.missing_records}")
    lines.append(f"{'field':<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'pred':>6} {'gold':>6}")
    for name, c in result.counts.items():
        lines.append(
            f"{name:<18} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"
            f" {c.tp:6d} {c.pred:6d} {c.gold:6d}"
        )
    lines.append(f"{'field':<18} {'acc':>6} {'ok':>6} {'of':>6}")
    for name, t in result.tallies.items():
        lines.append(f"{name:<18} {result.value(name):6.3f} {t.ok:6d} {t.of:6d}")
    verdict = "FAIL: " + "; ".join(failed) if failed else "ok"
    lines.append(f"{verdict} | {result.summary()}")
    return "\n".join(lines)
