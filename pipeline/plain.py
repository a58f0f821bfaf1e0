"""A release as the contract's JSON object in plain types: dicts, lists, strings, numbers.

orjson writes a dict several times faster than the same record as a dataclass (which it
reads field by field through the class's field table), so the files are written from this
object; building it here, compiled, costs less than the difference (README, Speed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

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


def field_names(cls: type) -> tuple[str, ...]:
    """A record class's fields, in definition order (the order of the files' keys and columns)."""
    return tuple(f.name for f in fields(cls))


# The release object's keys: the contract's version first, then every field of ``Release`` in
# definition order (what release_dict writes; tests/test_export.py holds the two together).
RELEASE_KEYS = ("contract", *(f for f in field_names(Release) if f != "contract"))


# One function per record class, each key written out: several times faster than a generic
# loop over the class's fields (tests/test_export.py checks each against the class's fields).
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


RECORDS: dict[type, Callable[[Any], dict[str, Any]]] = {
    Source: _source,
    Section: _section,
    Score: _score,
    Quote: _quote,
    DateMention: _date,
    NumberMention: _number,
    Entity: _entity,
}


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
