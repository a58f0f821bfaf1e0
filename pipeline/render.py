"""A release as the output files hold it: the contract's JSON object in plain types (dicts,
lists, strings, numbers), its headline row and its rows of every table.

Compiled by mypyc at install (``setup.py``): this is work done for every release. orjson
writes a dict several times faster than the same record as a dataclass (which it reads field
by field through the class's field table), so the JSON files are written from the plain
object; building it here costs less than the difference (README, Speed).
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any, Final

from pipeline.csvtext import csv_lines
from pipeline.model import (
    DateMention,
    Entity,
    NumberMention,
    Quote,
    Release,
    Score,
    Section,
    Source,
)

TABLES: Final[dict[str, type]] = {
    "sections": Section,
    "scores": Score,
    "quotes": Quote,
    "dates": DateMention,
    "numbers": NumberMention,
}
RELEASE_COLUMNS: Final = (
    "release_id",
    "source_path",
    "format",
    "encoding",
    "sha256",
    "title",
    "standfirst",
    "published",
    "scale",
    "overall_score",
    "n_sections",
    "n_scores",
    "n_quotes",
    "n_dates",
    "n_numbers",
    "n_warnings",
    "warnings",
    "n_review",
    "review",
)


def field_names(cls: type) -> tuple[str, ...]:
    """A record class's fields, in definition order (the order of the files' keys and columns)."""
    return tuple(f.name for f in fields(cls))


ITEM_FIELDS: Final = {name: field_names(cls) for name, cls in TABLES.items()}
# Field values as one tuple per record (attrgetter runs in C: this is per item of every table).
_ITEM_VALUES: Final = {name: attrgetter(*names) for name, names in ITEM_FIELDS.items()}
# Table rows are formatted this many at a time, so that a release with very many items never
# holds the cells of all its rows as text at once (only the joined lines).
_ROWS_AT_ONCE: Final = 4096

# The release object's keys: the contract's version first, then every field of ``Release`` in
# definition order (what release_dict writes; tests/test_export.py holds the two together).
RELEASE_KEYS: Final = ("contract", *(f for f in field_names(Release) if f != "contract"))


# One function per record class, each key written out: several times faster than a generic
# loop over the class's fields (tests/test_export.py holds each to its class's fields).
def _source(s: Source) -> dict[str, Any]:
    return {
        "path": s.path,
        "sha256": s.sha256,
        "bytes": s.bytes,
        "encoding": s.encoding,
        "format": s.format,
    }


def _section(s: Section) -> dict[str, Any]:
    return {
        "kind": s.kind,
        "text": s.text,
        "start": s.start,
        "end": s.end,
        "quote_index": s.quote_index,
        "boilerplate": s.boilerplate,
    }


def _score(s: Score) -> dict[str, Any]:
    return {
        "criterion": s.criterion,
        "score": s.score,
        "score_value": s.score_value,
        "scale": s.scale,
        "start": s.start,
        "end": s.end,
        "table": s.table,
        "qualifier": s.qualifier,
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "text": q.text,
        "speaker": q.speaker,
        "role": q.role,
        "paragraphs": q.paragraphs,
        "start": q.start,
        "end": q.end,
        "speaker_as_written": q.speaker_as_written,
        "attribution": q.attribution,
    }


def _date(d: DateMention) -> dict[str, Any]:
    return {
        "text": d.text,
        "start_date": d.start_date,
        "end_date": d.end_date,
        "granularity": d.granularity,
        "start": d.start,
        "end": d.end,
        "year_inferred": d.year_inferred,
        "part_start_date": d.part_start_date,
        "part_end_date": d.part_end_date,
    }


def _number(n: NumberMention) -> dict[str, Any]:
    return {
        "text": n.text,
        "value": n.value,
        "unit": n.unit,
        "kind": n.kind,
        "start": n.start,
        "end": n.end,
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {"label": e.label, "text": e.text, "start": e.start, "end": e.end}


def release_dict(release: Release) -> dict[str, Any]:
    """The contract's release object in plain JSON types (dicts and lists), keys in the order
    the files have them; ``entities`` is left out while it is None (``ABSENT_UNLESS_SET``)."""
    out: dict[str, Any] = {
        "contract": release.contract,
        "release_id": release.release_id,
        "source": _source(release.source),
        "text": release.text,
        "title": release.title,
        "standfirst": release.standfirst,
        "sections": [_section(s) for s in release.sections],
        "scores": [_score(s) for s in release.scores],
        "quotes": [_quote(q) for q in release.quotes],
        "dates": [_date(d) for d in release.dates],
        "numbers": [_number(n) for n in release.numbers],
        "warnings": list(release.warnings),
        "metadata": dict(release.metadata),
        "review": list(release.review),
    }
    if release.entities is not None:
        out["entities"] = [_entity(e) for e in release.entities]
    return out


def headline(release: Release) -> dict[str, Any]:
    """One spreadsheet row of headline facts and counts for a release."""
    meta_spans = [(s.start, s.end) for s in release.sections if s.kind in ("metadata", "title")]
    published = next(
        (
            d.start_date
            for d in release.dates
            if d.granularity == "day" and any(a <= d.start < b for a, b in meta_spans)
        ),
        None,
    )
    overall = next(
        (s.score for s in release.scores if s.criterion.casefold().startswith("overall")), None
    )
    scales = sorted({s.scale for s in release.scores if s.scale})
    return {
        "release_id": release.release_id,
        "source_path": release.source.path,
        "format": release.source.format,
        "encoding": release.source.encoding,
        "sha256": release.source.sha256,
        "title": release.title,
        "standfirst": release.standfirst,
        "published": published,
        "scale": ";".join(scales) or None,
        "overall_score": overall,
        "n_sections": len(release.sections),
        "n_scores": len(release.scores),
        "n_quotes": len(release.quotes),
        "n_dates": len(release.dates),
        "n_numbers": len(release.numbers),
        "n_warnings": len(release.warnings),
        "warnings": "; ".join(release.warnings) or None,
        "n_review": len(release.review),
        "review": " ".join(release.review) or None,
    }


def table_lines(
    release: Release, head: dict[str, Any], *, rows: bool = False
) -> tuple[dict[str, str], dict[str, list[list[Any]]]]:
    """The release's CSV lines of ``releases.csv`` (from ``head``, its :func:`headline`) and
    of every table where it has rows; with ``rows``, the same rows as values too (for the
    workbook), else an empty dict."""
    rid = release.release_id
    table_rows: dict[str, list[list[Any]]] = {"releases": [[head[c] for c in RELEASE_COLUMNS]]}
    lines = {"releases": csv_lines(table_rows["releases"])}
    for name in TABLES:
        items = getattr(release, name)
        if items:
            values = _ITEM_VALUES[name]
            block = [[rid, *values(item)] for item in items]
            # Formatted a block at a time: no second list of every row's cells as text.
            lines[name] = "".join(
                csv_lines(block[at : at + _ROWS_AT_ONCE])
                for at in range(0, len(block), _ROWS_AT_ONCE)
            )
            if rows:
                table_rows[name] = block
    return lines, table_rows if rows else {}
