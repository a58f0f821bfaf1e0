"""The review page: one self-contained HTML file to see what was extracted, and where.

``pipeline review OUTPUT`` writes ``OUTPUT/review.html`` from ``OUTPUT/releases.jsonl``:

- a sortable table of the releases (title, items per field, warnings, ``review`` reasons when
  the records carry them), each row linking to its release;
- a grid of ratings, one table per scale: a row per release, a column per criterion (the 40
  most frequent of the scale), each cell coloured by the grade's rank;
- each release's text, its sections as blocks and every score, quotation, date and number
  highlighted in place, hover or focus showing the normalised values.

Every highlighted item is one element carrying ``data-kind`` (``section``, ``score``,
``quote``, ``date``, ``number``), ``data-start``/``data-end`` (its offsets in the record's
``text``) and ``data-id``. Items nest as their spans do (a number inside a quotation is a
``mark`` inside the quotation's ``mark``). Where two spans cross, or an item runs over a
section's edge (a quotation of several paragraphs), the item is cut into pieces: the first is
the item's element, each further piece a ``mark`` with ``data-of`` set to the item's
``data-id`` and no ``data-kind``, so ``[data-kind=quote]`` finds each quotation once.

The page is safe for untrusted releases: every piece of input text is escaped, and a
Content-Security-Policy allows only the page's own inline script and style (by hash), loads
nothing and sends nothing. Its size grows linearly with the releases (the grid's columns are
capped), and release texts are laid out by the browser only as they scroll into view
(``content-visibility: auto``), so thousands of releases stay usable. The file is written
in two streaming passes over ``releases.jsonl``: memory holds a summary line per release.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pipeline import vocab
from pipeline.diff import ITEM_FIELDS, iter_records, releases_file

__all__ = ["KINDS", "Summary", "render_text", "write_review"]

Json = Mapping[str, Any]

# Field -> the data-kind of its items.
KINDS = {
    "sections": "section",
    "scores": "score",
    "quotes": "quote",
    "dates": "date",
    "numbers": "number",
}
# For spans with the same start and end, the outer element: a quotation holds a date or a
# number, a ratings row holds its figures.
_NESTING = {"quote": 0, "score": 1, "date": 2, "number": 3}
_ID_PREFIX = {"section": "s", "score": "g", "quote": "q", "date": "d", "number": "n"}
GRID_COLUMNS = 40

_STYLE = """
:root{--ink:#1b1b1b;--muted:#5a5a5a;--line:#d0d0d0;font:15px/1.45 system-ui,sans-serif;
color:var(--ink);background:#fff}
body{margin:0 auto;max-width:1200px;padding:0 1rem 4rem}
h1{font-size:1.5rem;margin:1rem 0 .25rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
nav a{margin-right:1rem}.muted{color:var(--muted)}
.tbl{font-size:.9rem;border:1px solid var(--line);overflow:auto;max-height:70vh}
.tr{display:flex;width:max-content;min-width:100%;height:1.9rem;border-bottom:1px solid
var(--line);content-visibility:auto;contain-intrinsic-size:auto 1.9rem}
.tr>*{flex:none;box-sizing:border-box;width:5.8rem;padding:.25rem .4rem;line-height:1.4rem;
border-right:1px solid var(--line);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.tr>.id{width:14rem}.tr>.t{width:22rem}.tr>.r{width:16rem}.tr>.num{width:3.5rem}
.tr>.n,.tr>.num{text-align:right;font-variant-numeric:tabular-nums}
.th{height:auto;position:sticky;top:0;z-index:1;background:#f3f3f3;font-weight:bold;
content-visibility:visible}
.th button{all:unset;cursor:pointer}.th button:focus-visible{outline:2px solid #1d70b8}
[aria-sort=ascending] button::after{content:" \\25B2"}
[aria-sort=descending] button::after{content:" \\25BC"}
.grid .tr>*{width:4.5rem;text-align:center}.grid .tr>.id{width:14rem;text-align:left}
.grid .th>.crit{height:16rem;writing-mode:vertical-rl;transform:rotate(180deg);
font-weight:normal;font-size:.8rem;text-align:left}
.g0{background:#d7191c;color:#fff}.g1{background:#fdae61}.g2{background:#ffffbf}
.g3{background:#a6d96a}.g4{background:#1a9641;color:#fff}.gx{background:#eee}
.key span{display:inline-block;margin-right:.75rem}
article.release{content-visibility:auto;contain-intrinsic-size:auto 900px;
border-top:3px solid #444;margin-top:2rem}
.text{max-width:52rem}
.sec{white-space:pre-wrap;margin:.5rem 0;padding:.15rem .5rem;border-left:4px solid #bbb}
.sec::before{content:attr(data-section);display:block;font-size:.7rem;color:var(--muted);
text-transform:uppercase;letter-spacing:.05em}
.s-title{font-weight:bold;font-size:1.1rem;border-color:#333}.s-standfirst{border-color:#777}
.s-heading{font-weight:bold}.s-quote{border-color:#1d70b8}.s-table{border-color:#b58900}
.s-metadata{border-color:#6f42c1}.s-background{border-color:#ccc;color:#444}
.gap{white-space:pre-wrap;color:var(--muted)}
mark{color:inherit;background:none;border-radius:2px}
mark:focus{outline:2px solid #000}
.k-quote{background:#dbeafe}.k-score{background:#fff1b8;box-shadow:inset 0 -2px #b58900}
.k-date{background:#d1fae5;box-shadow:inset 0 -2px #047857}
.k-number{background:#ffe4cc;box-shadow:inset 0 -2px #c2410c}
#tip{position:fixed;left:0;right:0;bottom:0;margin:0;padding:.4rem 1rem;background:#1b1b1b;
color:#fff;font-size:.9rem;white-space:pre-wrap}#tip:empty{display:none}
ul.flags{margin:.25rem 0;padding-left:1.2rem}ul.review li{color:#9a3412}
""".strip()

# The page's only script: sorting the tables, and a bar showing the values of the item
# under the pointer or keyboard focus (with the items around it). The test checks that it
# ran (``data-ready`` on <html>) under the page's own Content-Security-Policy.
_SCRIPT = """
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  function show(event) {
    var el = event.target.closest ? event.target.closest("mark, .sec") : null;
    if (!el) { return; }
    var parts = [];
    for (var n = el; n && !n.classList.contains("text"); n = n.parentElement) {
      if (n.title) { parts.push(n.title); }
    }
    tip.textContent = parts.join("\\n");
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  function key(cell) {
    var v = cell.getAttribute("data-v");
    return v === null ? cell.textContent.trim().toLowerCase() : parseFloat(v);
  }
  function sort(head) {
    var row = head.parentElement, body = row.nextElementSibling;
    var col = Array.prototype.indexOf.call(row.children, head);
    var up = head.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.children);
    rows.sort(function (a, b) {
      var x = key(a.children[col]), y = key(b.children[col]);
      return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
    });
    for (var i = 0; i < row.children.length; i++) {
      row.children[i].removeAttribute("aria-sort");
    }
    head.setAttribute("aria-sort", up ? "ascending" : "descending");
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    body.appendChild(frag);
  }
  document.querySelectorAll(".th button").forEach(function (b) {
    b.addEventListener("click", function () { sort(b.parentElement); });
  });
  document.documentElement.setAttribute("data-ready", "1");
}());
""".strip()


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSP = (
    f"default-src 'none'; script-src {_hash(_SCRIPT)}; style-src {_hash(_STYLE)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


# --- one release's text -------------------------------------------------------------------------


@dataclass(slots=True)
class _Span:
    kind: str
    start: int
    end: int
    ident: str
    title: str
    data: tuple[tuple[str, object], ...]
    headed: bool = False


def _tip(kind: str, item: Json) -> tuple[str, tuple[tuple[str, object], ...]]:
    """The hover text of an item and its normalised values as ``data-*`` attributes."""
    get = item.get
    if kind == "score":
        rank = f"rank {get('score_value')} on {get('scale')}" if get("scale") else "no rank"
        qualifier = f" [{get('qualifier')}]" if get("qualifier") else ""
        title = f"score: {get('criterion')}{qualifier}: {get('score')} ({rank})"
        return title, (("rank", get("score_value")), ("scale", get("scale")))
    if kind == "quote":
        who = get("speaker") or "no speaker found"
        role = f", {get('role')}" if get("role") else ""
        n = get("paragraphs")
        title = f"quote: {who}{role}" + (f" ({_plural(n, 'paragraph')})" if type(n) is int else "")
        return title, (("speaker", get("speaker")), ("role", get("role")))
    if kind == "date":
        title = f"date: {get('start_date')} to {get('end_date')} ({get('granularity')})"
        return title, (("from", get("start_date")), ("to", get("end_date")))
    if kind == "number":
        unit = f" {get('unit')}" if get("unit") else ""
        title = f"number: {get('value')}{unit} ({get('kind')})"
        return title, (("value", get("value")), ("unit", get("unit")))
    return f"section: {get('kind')}", (("section", get("kind")),)


def _clamp(item: Json, size: int) -> tuple[int, int]:
    start = min(max(0, int(item.get("start", 0))), size)
    return start, min(max(start, int(item.get("end", start))), size)


def _open(span: _Span, tag: str = "mark", cls: str = "") -> str:
    cls = cls or f"k-{span.kind}"
    if span.headed:
        return f'<{tag} class="{cls}" data-of="{span.ident}" title="{_e(span.title)}">'
    span.headed = True
    attrs = "".join(f' data-{k}="{_e(v)}"' for k, v in span.data if v is not None)
    focus = ' tabindex="0"' if tag == "mark" else ""
    return (
        f'<{tag} class="{cls}" data-kind="{span.kind}" data-id="{span.ident}" '
        f'data-start="{span.start}" data-end="{span.end}"{attrs} title="{_e(span.title)}"{focus}>'
    )


def _inline(text: str, lo: int, hi: int, spans: Sequence[_Span], out: list[str]) -> None:
    """Write ``text[lo:hi]`` with the spans that fall in it (clipped to it) as nested marks.

    At each boundary the spans ending there are closed; a span still open above one of them
    is closed too and reopened at once as a piece (``data-of``), so the markup stays nested.
    """
    starting: dict[int, list[_Span]] = {}
    ends: dict[int, int] = {}
    for s in spans:
        a, b = max(s.start, lo), min(s.end, hi)
        starting.setdefault(a, []).append(s)
        ends[id(s)] = b
    points = sorted({lo, hi, *starting, *ends.values()})
    stack: list[_Span] = []
    pos = lo
    for p in points:
        if p > pos:
            out.append(_e(text[pos:p]))
            pos = p
        if any(ends[id(s)] == p for s in stack):
            reopen = []
            while any(ends[id(s)] == p for s in stack):
                top = stack.pop()
                out.append("</mark>")
                if ends[id(top)] != p:
                    reopen.append(top)
            for s in reversed(reopen):
                out.append(_open(s))
                stack.append(s)
        for s in sorted(starting.get(p, ()), key=lambda s: (-ends[id(s)], _NESTING[s.kind])):
            out.append(_open(s))
            if ends[id(s)] == p:  # an empty span: opened and closed here
                out.append("</mark>")
            else:
                stack.append(s)


def _spans(record: Json, size: int) -> tuple[list[_Span], list[_Span]]:
    sections: list[_Span] = []
    inline: list[_Span] = []
    for name, kind in KINDS.items():
        for i, item in enumerate(record.get(name) or ()):
            start, end = _clamp(item, size)
            title, data = _tip(kind, item)
            span = _Span(kind, start, end, f"{_ID_PREFIX[kind]}{i}", title, data)
            (sections if kind == "section" else inline).append(span)
    sections.sort(key=lambda s: (s.start, s.end))
    inline.sort(key=lambda s: (s.start, -s.end))
    return sections, inline


def render_text(record: Json) -> str:
    """A release's text as HTML: sections as blocks, items as nested marks (see module doc).

    Offsets outside the text are clamped to it. Text outside every section (other than white
    space) is shown in a ``gap`` block, so nothing of the release is hidden; an item lying
    wholly in white space outside the sections is shown, empty, at the end.
    """
    text = str(record.get("text") or "")
    sections, inline = _spans(record, len(text))
    blocks: list[tuple[int, int, _Span | None]] = []
    pos = 0
    for sec in sections:
        lo = max(sec.start, pos)  # overlapping sections (not from pipeline) show text once
        if text[pos:lo].strip():
            blocks.append((pos, lo, None))
        blocks.append((lo, max(sec.end, lo), sec))
        pos = max(sec.end, lo)
    if text[pos:].strip():
        blocks.append((pos, len(text), None))
    out: list[str] = []
    running: list[_Span] = []  # items begun in an earlier block and not yet ended
    nxt = 0
    for lo, hi, owner in blocks:
        running = [s for s in running if s.end > lo]
        while nxt < len(inline) and inline[nxt].start < lo:
            if inline[nxt].end > lo:
                running.append(inline[nxt])
            nxt += 1
        here = list(running)
        while nxt < len(inline) and inline[nxt].start < hi:
            here.append(inline[nxt])
            if inline[nxt].end > hi:
                running.append(inline[nxt])
            nxt += 1
        if owner is None:
            out.append('<div class="gap">')
        else:
            out.append(_open(owner, "div", f"sec s-{_section_class(owner)}"))
        _inline(text, lo, hi, here, out)
        out.append("</div>")
    lost = [s for s in (*sections, *inline) if not s.headed]
    if lost:
        out.append('<div class="gap">')
        out.extend(_open(s) + "</mark>" for s in lost)
        out.append("</div>")
    return "".join(out)


def _section_class(sec: _Span) -> str:
    kind = dict(sec.data).get("section")
    return kind if isinstance(kind, str) and kind.isalpha() else "other"


# --- the page ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    """What the index and the grid need of one release (kept for every release)."""

    number: int  # 1, 2, ...: the anchor r<number>
    release_id: str
    title: str | None
    counts: tuple[int, ...]  # items per ITEM_FIELDS
    warnings: int
    review: tuple[str, ...] | None  # None: the record has no ``review`` field
    scores: tuple[tuple[str, str, str, int | None, str], ...]  # scale, key, criterion, rank, grade

    @classmethod
    def of(cls, number: int, record: Json) -> Summary:
        review = record.get("review")
        scores = []
        for item in record.get("scores") or ():
            criterion = " ".join(str(item.get("criterion") or "").split())
            rank = item.get("score_value")
            scores.append(
                (
                    str(item.get("scale") or "no scale"),
                    criterion.casefold(),
                    criterion,
                    rank if type(rank) is int else None,
                    str(item.get("score") or ""),
                )
            )
        title = record.get("title")
        return cls(
            number,
            str(record["release_id"]),
            title if isinstance(title, str) else None,
            tuple(len(record.get(name) or ()) for name in ITEM_FIELDS),
            len(record.get("warnings") or ()),
            tuple(map(str, review)) if isinstance(review, list) else None,
            tuple(scores),
        )


def _top_ranks() -> dict[str, int]:
    return {s["name"]: max(s["grades"].values()) for s in vocab.load("scales")["scales"]}


def _head(label: str, cls: str) -> str:
    """A sortable column header; ``label`` is already escaped."""
    return (
        f'<span role="columnheader" class="{cls}" title="{label}">'
        f'<button type="button">{label}</button></span>'
    )


def _index(summaries: Sequence[Summary]) -> Iterator[str]:
    # Rows of flex boxes, not a <table>: each row is laid out only when it scrolls into view
    # (content-visibility), where a table of thousands of rows is laid out whole, and again
    # as the parser adds rows.
    with_review = any(s.review is not None for s in summaries)
    yield '<section id="index"><h2>Releases</h2>'
    yield '<div class="tbl" role="table" id="releases-table" aria-label="Releases">'
    heads = [_head("#", "num"), _head("release", "id"), _head("title", "t")]
    heads += [_head(h, "n") for h in (*ITEM_FIELDS, "warnings")]
    if with_review:
        heads.append(_head("review", "r"))
    yield '<div class="tr th" role="row">' + "".join(heads) + '</div><div role="rowgroup">'
    for s in summaries:
        title = _e(s.title) if s.title is not None else "<i>no title</i>"
        cells = [
            f'<span role="cell" class="num" data-v="{s.number}">{s.number}</span>',
            f'<span role="cell" class="id" title="{_e(s.release_id)}">'
            f'<a href="#r{s.number}">{_e(s.release_id)}</a></span>',
            f'<span role="cell" class="t" title="{_e(s.title or "")}">{title}</span>',
            *(
                f'<span role="cell" class="n" data-v="{n}">{n}</span>'
                for n in (*s.counts, s.warnings)
            ),
        ]
        if with_review:
            reasons = s.review or ()
            cells.append(
                f'<span role="cell" class="r" data-v="{len(reasons)}" '
                f'title="{_e("; ".join(reasons))}">{_e("; ".join(reasons))}</span>'
            )
        yield '<div class="tr" role="row">' + "".join(cells) + "</div>"
    yield "</div></div></section>"


def _band(rank: int | None, top: int) -> str:
    """The colour class of a rank: g0 (lowest grade) to g4 (highest), gx unknown."""
    if rank is None or top < 2 or not 1 <= rank <= top:
        return "gx"
    return f"g{round((rank - 1) * 4 / (top - 1))}"


def _grid(summaries: Sequence[Summary]) -> Iterator[str]:
    top = _top_ranks()
    scales: dict[str, Counter[str]] = {}
    names: dict[tuple[str, str], str] = {}
    for s in summaries:
        for scale, key, criterion, rank, _ in s.scores:
            scales.setdefault(scale, Counter())[key] += 1
            names.setdefault((scale, key), criterion)
            if scale not in _top_ranks() and rank is not None:
                top[scale] = max(top.get(scale, 0), rank)
    yield '<section id="grid"><h2>Ratings</h2>'
    if not scales:
        yield '<p class="muted">No release has a ratings table.</p></section>'
        return
    yield (
        '<p class="key muted">Each cell is a grade, coloured by its rank on its scale: '
        '<span class="g0">lowest</span> <span class="g1">low</span> <span class="g2">middle'
        '</span> <span class="g3">high</span> <span class="g4">highest</span> '
        '<span class="gx">no rank</span></p>'
    )
    for scale in sorted(scales):
        keys = [k for k, _ in scales[scale].most_common(GRID_COLUMNS)]
        column = {k: i for i, k in enumerate(keys)}
        yield f"<h3>Scale: {_e(scale)}</h3>"
        if len(scales[scale]) > len(keys):
            more = len(scales[scale]) - len(keys)
            yield f'<p class="muted">{more} rarer criteria are shown only in their releases.</p>'
        yield f'<div class="tbl grid" role="table" aria-label="Ratings on {_e(scale)}">'
        heads = [_head("release", "id"), *(_head(_e(names[scale, k]), "crit") for k in keys)]
        yield '<div class="tr th" role="row">' + "".join(heads) + '</div><div role="rowgroup">'

        for s in summaries:
            row: list[list[tuple[int | None, str]]] = [[] for _ in keys]
            for sc, key, _, rank, grade in s.scores:
                if sc == scale and key in column:
                    row[column[key]].append((rank, grade))
            if not any(row):
                continue
            cells = [
                f'<span role="rowheader" class="id" title="{_e(s.release_id)}">'
                f'<a href="#r{s.number}">{_e(s.release_id)}</a></span>'
            ]
            for k, grades in zip(keys, row, strict=True):
                if not grades:
                    cells.append('<span role="cell" data-v="0"></span>')
                    continue
                rank = grades[0][0]
                shown = " / ".join(g for _, g in grades)
                tip = f"{names[scale, k]}: {shown}" + (f" (rank {rank})" if rank else "")
                cells.append(
                    f'<span role="cell" class="{_band(rank, top.get(scale, 0))}" '
                    f'data-v="{rank or 0}" title="{_e(tip)}">{_e(shown)}</span>'
                )
            yield '<div class="tr" role="row">' + "".join(cells) + "</div>"
        yield "</div></div>"
    yield "</section>"


def _release(summary: Summary, record: Json, json_link: bool) -> str:
    n = summary.number
    title = _e(summary.title) if summary.title is not None else "<i>no title</i>"
    counts = ", ".join(f"{c} {name}" for name, c in zip(ITEM_FIELDS, summary.counts, strict=True))
    source = record.get("source")
    path = source.get("path") if isinstance(source, dict) else None
    links = '<a href="#index">releases</a>'
    if json_link:
        links += f' · <a href="json/{_e(summary.release_id)}.json">JSON</a>'
    parts = [
        f'<article class="release" id="r{n}" data-release-id="{_e(summary.release_id)}">',
        f"<h2>{n}. {title}</h2>",
        f'<p class="muted">{_e(summary.release_id)}'
        + (f" · {_e(path)}" if path else "")
        + f" · {counts} · {links}</p>",
    ]
    if summary.review:
        parts.append('<ul class="flags review">')
        parts += [f"<li>review: {_e(r)}</li>" for r in summary.review]
        parts.append("</ul>")
    warnings = record.get("warnings") or ()
    if warnings:
        parts.append('<ul class="flags">')
        parts += [f"<li>warning: {_e(w)}</li>" for w in warnings]
        parts.append("</ul>")
    parts += ['<div class="text">', render_text(record), "</div></article>"]
    return "".join(parts)


_SAFE_ID = re.compile(r"[A-Za-z0-9._-]+")


def write_review(source: Path, out: Path | None = None) -> Path:
    """Write the review page of an extraction.

    Args:
        source: an output folder of ``pipeline extract``, or a releases.jsonl.
        out: the page to write; default ``review.html`` beside the releases.jsonl.

    Returns:
        The path written (atomically: a temporary file renamed into place).

    Raises:
        DiffError: the releases cannot be read (see :func:`pipeline.diff.iter_records`).
        OSError: the page cannot be written.
    """
    jsonl = releases_file(source)
    out = out if out is not None else jsonl.parent / "review.html"
    # Links to json/<id>.json only where they lead somewhere: the page in the output folder.
    json_link = out.resolve().parent == jsonl.resolve().parent
    summaries = [Summary.of(n, r) for n, r in enumerate(iter_records(jsonl), start=1)]
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        with tmp.open("w", encoding="utf-8", errors="replace", newline="\n") as fh:
            _write_page(fh, jsonl, summaries, json_link)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _write_page(fh: IO[str], jsonl: Path, summaries: Sequence[Summary], json_link: bool) -> None:
    total = [sum(s.counts[i] for s in summaries) for i in range(len(ITEM_FIELDS))]
    counts = ", ".join(f"{c} {name}" for name, c in zip(ITEM_FIELDS, total, strict=True))
    releases = _plural(len(summaries), "release")
    fh.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Review: {releases}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>Review of {releases}</h1>"
        f'<p class="muted">{_e(jsonl.as_posix())}: {counts}. Highlighted: '
        '<mark class="k-score">scores</mark> <mark class="k-quote">quotations</mark> '
        '<mark class="k-date">dates</mark> <mark class="k-number">numbers</mark>; '
        "hover or focus an item for its values.</p>"
        '<nav><a href="#index">Releases</a><a href="#grid">Ratings</a>'
        '<a href="#releases">Texts</a></nav></header>'
    )
    fh.writelines(_index(summaries))
    fh.writelines(_grid(summaries))
    fh.write('<main id="releases">')
    for summary, record in zip(summaries, iter_records(jsonl), strict=True):
        fh.write(
            _release(summary, record, json_link and bool(_SAFE_ID.fullmatch(summary.release_id)))
        )
        fh.write("\n")
    fh.write(f'</main><p id="tip" role="status"></p><script>{_SCRIPT}</script></body></html>\n')
