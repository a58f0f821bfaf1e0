"""Compare two extractions release by release and field by field: ``pipeline diff``.

Releases are matched by ``release_id``. Inside a release, the item lists (sections, scores,
quotes, dates, numbers) are matched by their offsets: an item is the same item when it spans
the same ``start``/``end`` in the same field, and then every attribute that differs is a
change (``score: "Fair" → "Good"``); an item whose span is found on one side only is
removed or added. Several items on one span (the grades of one table row, say) are paired
equal-first, then in order. Every other top-level field is compared as a value: strings and
numbers as a whole (``title``, ``text``), objects key by key (``source``, ``metadata``), lists
of strings line by line (``warnings``, ``review``).

The comparison is exact, types included (``3`` is not ``3.0``, ``1`` is not ``true``): a
release shows no change only when its two records are equal. The golden test
(``tests/test_golden.py``) uses :func:`compare_release` and :func:`release_lines`, so what the
test reports and what ``pipeline diff`` prints cannot drift apart.
"""

from __future__ import annotations

import difflib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError

__all__ = [
    "ITEM_FIELDS",
    "Change",
    "DiffError",
    "DiffResult",
    "FieldDiff",
    "ItemChange",
    "ReleaseDiff",
    "change_line",
    "compare",
    "compare_files",
    "compare_items",
    "compare_release",
    "compare_value",
    "field_lines",
    "iter_records",
    "label",
    "load",
    "release_lines",
    "releases_file",
    "render",
    "same",
]

Json = Mapping[str, Any]

ITEM_FIELDS = ("sections", "scores", "quotes", "dates", "numbers")
# The order fields are reported in; fields outside this list follow, sorted by name.
_ORDER = ("title", "standfirst", "text", *ITEM_FIELDS, "warnings", "review", "metadata")
# Compared only when asked for by --field: they say which run and file, not what was found.
_IDENTITY = ("release_id",)


class DiffError(PipelineError):
    """An input of ``pipeline diff`` cannot be read as an extraction."""


# --- the result ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """One attribute that differs. ``old``/``new`` is None with ``*_missing`` for a key that
    exists on one side only."""

    attr: str
    old: Any = None
    new: Any = None
    old_missing: bool = False
    new_missing: bool = False

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"attr": self.attr}
        if not self.old_missing:
            out["old"] = self.old
        if not self.new_missing:
            out["new"] = self.new
        return out


@dataclass(frozen=True, slots=True)
class ItemChange:
    """An item found on both sides (same field, same span) whose attributes differ."""

    start: int
    end: int
    label: str
    changes: tuple[Change, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "changes": [c.as_dict() for c in self.changes],
        }


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """What changed in one field of one release.

    For an item list: ``added``/``removed`` hold whole items, ``changed`` the items matched
    by span whose attributes differ, ``reordered`` that the same items come in another order.
    For any other field: ``changes`` holds the value (or, for an object, each key) old → new;
    for a list of strings, ``added``/``removed`` hold the lines.
    """

    field: str
    added: tuple[Any, ...] = ()
    removed: tuple[Any, ...] = ()
    changed: tuple[ItemChange, ...] = ()
    changes: tuple[Change, ...] = ()
    reordered: bool = False

    @property
    def counts(self) -> tuple[int, int, int]:
        """(added, removed, changed); a changed value or key counts as one change."""
        changed = len(self.changed) + len(self.changes) + int(self.reordered)
        return len(self.added), len(self.removed), changed

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.added:
            out["added"] = list(self.added)
        if self.removed:
            out["removed"] = list(self.removed)
        if self.changed:
            out["changed"] = [c.as_dict() for c in self.changed]
        if self.changes:
            out["changes"] = [c.as_dict() for c in self.changes]
        if self.reordered:
            out["reordered"] = True
        return out


@dataclass(frozen=True, slots=True)
class ReleaseDiff:
    """One release: ``status`` is ``same``, ``changed``, ``added`` or ``removed``. An added or
    removed release lists its items as added or removed, field by field."""

    release_id: str
    status: str
    fields: tuple[FieldDiff, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "release_id": self.release_id,
            "status": self.status,
            "fields": {f.field: f.as_dict() for f in self.fields},
        }


@dataclass(frozen=True, slots=True)
class DiffResult:
    """Every release compared, in order (the new side's order, then releases removed)."""

    old: str
    new: str
    releases: tuple[ReleaseDiff, ...]
    fields: tuple[str, ...] | None = None  # the --field selection, None for all

    @property
    def identical(self) -> bool:
        return all(r.status == "same" for r in self.releases)

    def release_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("compared", "same", "changed", "added", "removed"), 0)
        for r in self.releases:
            counts[r.status] += 1
        counts["compared"] = len(self.releases)
        return counts

    def field_summary(self) -> dict[str, dict[str, int]]:
        """Per field: items added, removed and changed, and releases touched, across releases
        (the items of added and removed releases included)."""
        summary: dict[str, dict[str, int]] = {}
        for r in self.releases:
            for f in r.fields:
                row = summary.setdefault(
                    f.field, {"added": 0, "removed": 0, "changed": 0, "releases": 0}
                )
                added, removed, changed = f.counts
                row["added"] += added
                row["removed"] += removed
                row["changed"] += changed
                row["releases"] += 1
        return {k: summary[k] for k in sorted(summary, key=_field_order)}

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "identical": self.identical,
            "fields_compared": list(self.fields) if self.fields is not None else "all",
            "releases": self.release_counts(),
            "summary": self.field_summary(),
            "changes": [r.as_dict() for r in self.releases if r.status != "same"],
        }


# --- comparing -------------------------------------------------------------------------------


def same(a: Any, b: Any) -> bool:
    """JSON equality with types: ``1`` differs from ``1.0`` and from ``true``."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _field_order(name: str) -> tuple[int, str]:
    return (_ORDER.index(name), "") if name in _ORDER else (len(_ORDER), name)


def _clip(text: str, limit: int = 60) -> str:
    """One printable line of at most ``limit`` characters."""
    one = " ".join(text.split())
    if not one.isprintable():
        one = one.encode("unicode_escape").decode("ascii")
    return one if len(one) <= limit else one[: limit - 1] + "…"


def label(name: str, item: Json) -> str:
    """A short human name for an item of field ``name``: what a reader recognises it by."""
    if name == "scores":
        return f"{_clip(str(item.get('criterion')))}: {_clip(str(item.get('score')), 30)}"
    if name == "sections":
        return f"{item.get('kind')}: {_clip(str(item.get('text', '')), 50)}"
    if name == "quotes":
        who = item.get("speaker")
        return f"“{_clip(str(item.get('text', '')), 50)}”" + (f" ({_clip(who, 40)})" if who else "")
    return _clip(str(item.get("text", "")))


def _item_changes(old: Json, new: Json) -> tuple[Change, ...]:
    out = []
    for key in [*old, *(k for k in new if k not in old)]:
        if key not in new:
            out.append(Change(key, old=old[key], new_missing=True))
        elif key not in old:
            out.append(Change(key, new=new[key], old_missing=True))
        elif not same(old[key], new[key]):
            out.append(Change(key, old[key], new[key]))
    return tuple(out)


def _span(item: Json) -> tuple[int, int]:
    return item["start"], item["end"]


def compare_items(name: str, old: Sequence[Json], new: Sequence[Json]) -> FieldDiff:
    """Match the items of one list field by span; see the module's docstring."""
    by_span: dict[tuple[int, int], tuple[list[Json], list[Json]]] = defaultdict(lambda: ([], []))
    for item in old:
        by_span[_span(item)][0].append(item)
    for item in new:
        by_span[_span(item)][1].append(item)
    added: list[Json] = []
    removed: list[Json] = []
    changed: list[ItemChange] = []
    for span in sorted(by_span):
        olds, news = by_span[span]
        # Equal items pair first, so one changed grade among a row's grades shows as one change.
        left = [o for o in olds if not _take_equal(o, news)]
        for o, n in zip(left, news, strict=False):
            changed.append(ItemChange(span[0], span[1], label(name, n), _item_changes(o, n)))
        removed.extend(left[len(news) :])
        added.extend(news[len(left) :])
    reordered = not (added or removed or changed) and not same(list(old), list(new))
    return FieldDiff(name, tuple(added), tuple(removed), tuple(changed), reordered=reordered)


def _take_equal(item: Json, pool: list[Json]) -> bool:
    for i, other in enumerate(pool):
        if same(item, other):
            del pool[i]
            return True
    return False


def _is_item_list(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(i, dict) and isinstance(i.get("start"), int) and isinstance(i.get("end"), int)
        for i in value
    )


def compare_value(name: str, old: Any, new: Any) -> FieldDiff:
    """A field that is not an item list: a string list line by line, an object key by key,
    anything else as a whole."""
    if isinstance(old, list) and isinstance(new, list) and _all_str(old) and _all_str(new):
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        added, removed = [], []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                removed.extend(old[i1:i2])
                added.extend(new[j1:j2])
        return FieldDiff(name, added=tuple(added), removed=tuple(removed))
    if isinstance(old, dict) and isinstance(new, dict):
        changes = [
            Change(f"{name}.{c.attr}", c.old, c.new, c.old_missing, c.new_missing)
            for c in _item_changes(old, new)
        ]
        return FieldDiff(name, changes=tuple(changes))
    return FieldDiff(name, changes=(Change(name, old, new),))


def _all_str(values: list[Any]) -> bool:
    return all(isinstance(v, str) for v in values)


def compare_release(
    old: Json | None, new: Json | None, fields: Iterable[str] | None = None
) -> ReleaseDiff:
    """Compare two records of one release (either may be None: added or removed).

    Args:
        old: the record before, or None when the release is new.
        new: the record after, or None when the release is gone.
        fields: compare only these top-level fields (default: all but ``release_id``).

    Returns:
        A :class:`ReleaseDiff` whose ``fields`` hold only fields that differ.
    """
    wanted = set(fields) if fields is not None else None
    if old is None or new is None:
        record = new if new is not None else old
        if record is None:
            raise ValueError("compare_release needs at least one record")
        lists = [
            (name, tuple(items))
            for name in ITEM_FIELDS
            if (wanted is None or name in wanted) and isinstance(items := record.get(name), list)
            if items
        ]
        if new is not None:
            diffs = [FieldDiff(name, added=items) for name, items in lists]
        else:
            diffs = [FieldDiff(name, removed=items) for name, items in lists]
        status = "added" if new is not None else "removed"
        return ReleaseDiff(str(record.get("release_id", "")), status, tuple(diffs))
    rid = str(new.get("release_id", ""))
    names = sorted(set(old) | set(new), key=_field_order)
    diffs = []
    for name in names:
        if (wanted is None and name in _IDENTITY) or (wanted is not None and name not in wanted):
            continue
        if name not in old or name not in new:
            change = (
                Change(name, new=new[name], old_missing=True)
                if name in new
                else Change(name, old=old[name], new_missing=True)
            )
            diffs.append(FieldDiff(name, changes=(change,)))
        elif same(old[name], new[name]):
            continue
        elif name in ITEM_FIELDS and _is_item_list(old[name]) and _is_item_list(new[name]):
            diffs.append(compare_items(name, old[name], new[name]))
        else:
            diffs.append(compare_value(name, old[name], new[name]))
    return ReleaseDiff(rid, "changed" if diffs else "same", tuple(diffs))


def compare(
    old: Mapping[str, Json],
    new: Mapping[str, Json],
    *,
    fields: Sequence[str] | None = None,
    releases: Sequence[str] | None = None,
    old_name: str = "OLD",
    new_name: str = "NEW",
) -> DiffResult:
    """Compare two extractions, each a mapping ``release_id -> record`` (see :func:`load`).

    Args:
        old, new: the records before and after.
        fields: compare only these top-level fields.
        releases: compare only these release ids.
        old_name, new_name: how the two sides are named in the report.

    Raises:
        DiffError: a field or release asked for is in neither side.
    """
    if fields is not None:
        known = {k for side in (old, new) for r in side.values() for k in r} | set(_ORDER)
        for name in fields:
            if name not in known:
                choices = ", ".join(sorted(known - set(_IDENTITY), key=_field_order))
                raise DiffError(f"--field {name}: no such field (choose from {choices})")
    ids = [*new, *(rid for rid in old if rid not in new)]
    if releases is not None:
        for rid in releases:
            if rid not in old and rid not in new:
                raise DiffError(f"--release {_clip(rid)}: in neither {old_name} nor {new_name}")
        chosen = set(releases)
        ids = [rid for rid in ids if rid in chosen]
    return DiffResult(
        old_name,
        new_name,
        tuple(compare_release(old.get(rid), new.get(rid), fields) for rid in ids),
        tuple(fields) if fields is not None else None,
    )


# --- reading ---------------------------------------------------------------------------------


def _printable(path: Path) -> str:
    shown = path.as_posix()
    return shown if shown.isprintable() else shown.encode("unicode_escape").decode("ascii")


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return "null" if value is None else type(value).__name__


def _check(record: object, where: str) -> Json:
    if not isinstance(record, dict):
        raise DiffError(f"{where}: expected a release object, found {_kind(record)}")
    rid = record.get("release_id")
    if not isinstance(rid, str) or not rid:
        raise DiffError(f"{where}: the record has no release_id string")
    for name in ITEM_FIELDS:
        items = record.get(name, [])
        if not isinstance(items, list):
            raise DiffError(f"{where}: {name} is {_kind(items)}, not a list")
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise DiffError(f"{where}: {name}[{i}] is {_kind(item)}, not an object")
            for key in ("start", "end"):
                if type(item.get(key)) is not int:
                    raise DiffError(f"{where}: {name}[{i}] has no integer {key!r}")
    return record


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    shown = _printable(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DiffError(f"{shown}: no such file or folder") from None
    except OSError as exc:
        raise DiffError(f"{shown}: cannot read it ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DiffError(f"{shown}: not UTF-8 text (byte {exc.start})") from None
    # Line feeds only: a U+2028 inside a JSON string is not a line end.
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield n, line


def releases_file(path: Path) -> Path:
    """``path`` itself, or the ``releases.jsonl`` inside an output folder.

    Raises:
        DiffError: a folder holding no ``releases.jsonl``.
    """
    if path.is_dir():
        inner = path / "releases.jsonl"
        if not inner.is_file():
            raise DiffError(
                f"{_printable(path)}: no releases.jsonl in this folder "
                "(pass an output folder of pipeline extract, or a releases.jsonl)"
            )
        return inner
    return path


def iter_records(path: Path) -> Iterator[Json]:
    """The records of an output folder or a releases.jsonl, one at a time, in file order,
    each checked (an object with a release_id; item lists of objects with offsets).

    Raises:
        DiffError: missing or unreadable, not JSON lines, a line that is not a release object,
            a record without a release_id, an item without integer offsets.
    """
    path = releases_file(path)
    shown = _printable(path)
    for n, line in _lines(path):
        where = f"{shown}: line {n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DiffError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        except (ValueError, RecursionError) as exc:
            raise DiffError(f"{where}: invalid JSON ({type(exc).__name__})") from None
        yield _check(record, where)


def load(path: Path) -> dict[str, Json]:
    """The records of an output folder or a releases.jsonl, by ``release_id``, in file order.

    Raises:
        DiffError: as :func:`iter_records`, or a release_id seen twice.
    """
    records: dict[str, Json] = {}
    for n, record in enumerate(iter_records(path), start=1):
        rid = record["release_id"]
        if rid in records:
            shown = _printable(releases_file(path))
            raise DiffError(f"{shown}: release {n}: release_id {_clip(rid)} appears twice")
        records[rid] = record
    return records


def compare_files(
    old: Path,
    new: Path,
    *,
    fields: Sequence[str] | None = None,
    releases: Sequence[str] | None = None,
) -> DiffResult:
    """:func:`compare` on two output folders or releases.jsonl files (see :func:`load`)."""
    return compare(
        load(old),
        load(new),
        fields=fields,
        releases=releases,
        old_name=_printable(old),
        new_name=_printable(new),
    )


# --- rendering -------------------------------------------------------------------------------


def _show(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_change(old: str, new: str) -> str:
    """Two long strings: their lengths and the first place they differ, with context."""
    at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), None)
    if at is None:
        at = min(len(old), len(new))
    lo = max(0, at - 20)
    return (
        f"{len(old)} → {len(new)} characters, first difference at {at}: "
        f"{_show(old[lo : at + 30])} → {_show(new[lo : at + 30])}"
    )


def change_line(change: Change) -> str:
    """``attr: old → new``, or ``attr: added (new)`` / ``attr: removed (was old)``."""
    if change.old_missing:
        return f"{change.attr}: added ({_show(change.new)})"
    if change.new_missing:
        return f"{change.attr}: removed (was {_show(change.old)})"
    old, new = change.old, change.new
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > 80:
        return f"{change.attr}: {_text_change(old, new)}"
    return f"{change.attr}: {_show(old)} → {_show(new)}"


def _item_line(sign: str, name: str, item: Any) -> str:
    if isinstance(item, dict):
        where = f"[{item.get('start')}:{item.get('end')}] "
        values = {
            "scores": ("score_value", "scale"),
            "quotes": ("role", "paragraphs"),
            "dates": ("start_date", "end_date"),
            "numbers": ("value", "unit"),
        }.get(name, ())
        extra = ", ".join(f"{k} {_show(item.get(k), 40)}" for k in values)
        return f"{sign} {where}{label(name, item)}" + (f" ({extra})" if extra else "")
    return f"{sign} {_show(item)}"


def _count_words(f: FieldDiff) -> str:
    added, removed, _ = f.counts
    words = [f"{n} {w}" for n, w in ((added, "added"), (removed, "removed")) if n]
    if f.changed or f.changes:
        words.append(f"{len(f.changed) + len(f.changes)} changed")
    if f.reordered:
        words.append("same items, new order")
    return ", ".join(words) or "changed"


def field_lines(f: FieldDiff) -> list[str]:
    """The lines for one field of one release: a heading, then one line per difference."""
    if len(f.changes) == 1 and f.changes[0].attr == f.field and not f.added + f.removed:
        return [change_line(f.changes[0])]
    lines = [f"{f.field}: {_count_words(f)}"]
    lines += ["  " + _item_line("-", f.field, item) for item in f.removed]
    lines += ["  " + _item_line("+", f.field, item) for item in f.added]
    for c in f.changed:
        lines.append(f"  ~ [{c.start}:{c.end}] {c.label}")
        lines += ["      " + change_line(ch) for ch in c.changes]
    lines += ["  ~ " + change_line(ch) for ch in f.changes]
    return lines


def release_lines(r: ReleaseDiff) -> list[str]:
    """A release's differences, one line each, under a line naming it (``~`` changed, ``+``
    added, ``-`` removed); nothing for a release that is the same."""
    if r.status == "same":
        return []
    sign = {"changed": "~", "added": "+", "removed": "-"}[r.status]
    head = f"{sign} {_clip(r.release_id, 200)}"
    if r.status != "changed":
        counts = ", ".join(f"{len(f.added) + len(f.removed)} {f.field}" for f in r.fields)
        return [f"{head}: {r.status}" + (f" ({counts})" if counts else "")]
    return [head] + ["    " + line for f in r.fields for line in field_lines(f)]


def _summary_lines(result: DiffResult) -> list[str]:
    n = result.release_counts()
    head = (
        f"summary: {n['changed']} changed, {n['added']} added, {n['removed']} removed, "
        f"{n['same']} identical (of {n['compared']} releases)"
    )
    summary = result.field_summary()
    if not summary:
        return [head]
    width = max(5, *(len(k) for k in summary))
    lines = [head, f"{'field':<{width}}  added  removed  changed  releases"]
    for name, row in summary.items():
        lines.append(
            f"{name:<{width}}  {row['added']:>5}  {row['removed']:>7}  {row['changed']:>7}"
            f"  {row['releases']:>8}"
        )
    return lines


def render(result: DiffResult, *, as_json: bool = False) -> str:
    """The report: per release its differences, then the per-field summary; or JSON."""
    if as_json:
        return json.dumps(result.as_dict(), ensure_ascii=False, indent=2)
    if result.identical:
        n = len(result.releases)
        return f"identical: {n} release(s) in {result.old} and {result.new}, no differences"
    lines = [f"--- {result.old}", f"+++ {result.new}"]
    for r in result.releases:
        lines += release_lines(r)
    return "\n".join([*lines, "", *_summary_lines(result)])
