"""HTML -> the contract ``text``: the page's main content, one paragraph per block.

Which parts of a page are its main content is trafilatura's call (fast mode; its full mode
retries a page where fast mode keeps little): :func:`render_html` hands it the parsed page and
renders the XML tree it returns with the rules below (its tags mapped to HTML's: ``head`` ->
``h1``-``h6``, ``list``/``item`` -> ``ul``/``li``, ``quote`` -> ``blockquote``, ``row``/``cell``
-> ``tr``/``td``/``th``). This module adds what trafilatura does not give: the headline from
the page's metadata (:func:`_page_title`), the labelled metadata blocks it leaves out, the
page's publication date and author, warnings when the body may be lost, and, for small pages
and pages where trafilatura finds nothing, its own reading of the whole page.

Rendering rules (the README repeats them; the scope and furniture rules apply to the own
reading of a page):

- **Scope.** ``<main>`` (or ``role="main"``) if the page has one, else its ``<article>`` (the
  one with most text if there are several), else ``<body>``. If that scope renders nothing,
  the next one is tried.
- **Dropped.** ``script``, ``style``, ``nav``, ``header``, ``footer``, ``aside``, ``form``,
  ``button`` and the other tags in ``data/boilerplate.json``; elements whose id, class, role or
  aria-label says cookie, banner, breadcrumb, skip link, nav, menu, footer, share links or
  related posts; ``hidden``, ``aria-hidden="true"`` and ``display:none`` elements; text for
  screen readers only
  (``visually-hidden``, ``sr-only``: a hidden "Rating:" before a grade is not on the page);
  and whole blocks that are only a licence or copyright line, "Skip to main content" or a
  cookie sentence. An element that contains the page's ``<h1>`` is never dropped (an
  ``<article><header><h1>`` or a page wrapped in one ``<form>`` keeps its headline); its
  other children are judged one by one.
  Nor is an element dropped for its class or id alone when it holds a ``<main>``, an
  ``<article>``, an ``<h1>`` or five or more ``<p>`` (a wrapper called ``with-sidebar``).
- **Blocks.** Each block is its own paragraph and blocks are joined by ``"\\n\\n"``, so
  ``text.split("\\n\\n")`` gives the blocks back. Inside a block, runs of HTML white space
  (space, tab, newline, carriage return, form feed) become one space and the ends are
  trimmed; no-break spaces are not white space in HTML and stay. Entities are decoded.
- ``<h1>``: the first one is the block ``title`` (in document order; an ``<h1>`` that sits
  before the scope, e.g. in a hero banner above ``<main>``, is put first); ``<h2>``-``<h6>``
  and any later ``<h1>`` are ``heading``. A ``<br>`` in a heading is a space.
- ``<p>`` and text outside any block: ``p``. A ``<br>`` is a ``"\\n"``; two or more ``<br>`` in a
  row (a blank line) end the block and start another.
- A block with no visible characters (``<p>&nbsp;</p>``, white space and no-break spaces
  only) produces no block at all.
- ``<ul>``/``<ol>``: one ``list`` block, one line per ``<li>`` (joined by ``"\\n"``, no bullets
  added). Block markup inside an item is flattened to spaces; a nested list's items get
  their own lines, after their parent item's line.
- ``<blockquote>``: every paragraph inside it is its own block tagged ``blockquote``
  (headings, lists and tables inside keep their own tags).
- ``<table>``: one ``table`` block, one line per ``<tr>`` with a non-blank cell, cells joined
  by a tab; each cell's span is recorded (``th`` or ``td``). Cell text is flattened (a
  ``<br>`` is a space). A ``<caption>`` is a ``p`` block before the table. A table used for
  layout (``role="presentation"``, or holding a heading, a nested table or a blockquote) is
  read as ordinary containers instead.
- Metadata: each ``<dt>``/``<dd>`` pair of a ``<dl>`` is one block, rendered
  ``"Term: value"`` (the colon stands in for the layout that separates the two on screen, and
  keeps term and value apart on one line), several ``<dd>`` joined by ``"; "``. A ``<p>`` or a
  ``<div>`` without block children whose first child is a ``<strong>``/``<b>`` with a known
  label (``Date of publication``, ``Published``, ``Organisation``, ...) is one block rendered as
  written (``"Date of publication 7 March 2024"``). These blocks are tagged ``metadata`` and
  fill ``metadata`` with snake_case keys. A ``<dl>`` counts as metadata when one of its
  terms is a known label or its id/class says meta; otherwise its entries are ``p`` blocks.
  A ``<p>`` or ``<div>`` without block children whose class says meta (``entry-meta``) is one
  ``metadata`` block too (with no key).
- ``<pre>``: white space kept, lines right-trimmed; blank lines split it into ``p`` blocks,
  each trimmed at its start (later lines keep their indentation).

The tree is walked with an explicit stack, never by recursion, so deep nesting costs time
linear in the page size. libxml2 stops building the tree 2048 levels down; what came after
is lost and a warning says so.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

import lxml.html
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.settings import Extractor

from pipeline.extract.sections import is_body_name
from pipeline.model import Span
from pipeline.vocab import load

__all__ = ["HtmlPage", "render_html"]

# Plain lxml elements: lxml.html's element classes cost a Python-level class lookup for every
# element touched, which triples the walk's time on a large page.
_Element = etree._Element


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """The rendered page: ``text``, its blocks and table cells as spans, metadata, warnings."""

    text: str
    blocks: tuple[Span, ...] = ()
    tables: tuple[tuple[tuple[Span, ...], ...], ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    # Codes for the release's ``review`` (see ``record.REVIEW``): the body may be lost
    # (``page-text-small``), no main text stood out (``page-fallback``), the markup was cut
    # or flattened (``page-cut``).
    review: tuple[str, ...] = ()


_DATA: dict[str, Any] = load("boilerplate")
_DROP_TAGS = frozenset(_DATA["drop_tags"])
_DROP_TOKENS = frozenset(_DATA["drop_tokens"])
_DROP_SUBSTRINGS = tuple(_DATA["drop_substrings"])
_BOILERPLATE_RE = re.compile(
    "|".join(f"(?:{pattern})" for pattern in _DATA["boilerplate_lines"]), re.I
)
_METADATA_LABELS = frozenset(label.casefold() for label in _DATA["metadata_labels"])
_METADATA_CONTAINERS = frozenset(_DATA["metadata_containers"])

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol", "menu"})
# Elements that break the flow of inline text: a paragraph ends where one starts or ends.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
        "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul",
    }
)  # fmt: skip
# Block elements whose content is one paragraph of inline text. (Cells met outside a data
# table belong to a layout table: they are containers, like div.)
_PARAGRAPH_TAGS = frozenset(
    {"p", "address", "figcaption", "summary", "legend", "caption", "dt", "dd"}
)
_LAYOUT_MARKERS = ("table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "main", "article")
_LAYOUT_SEARCH_LIMIT = 2000
_CONTENT_PARAGRAPHS = 5  # a cookie notice or a menu has fewer <p>s than this
# A release page has a few hundred elements and a long report a few tens of thousands. Past
# this many the walk stops (with a warning): it bounds the time a hostile page of millions of
# tiny elements can take (about 10 microseconds an element) once libxml2 has parsed it.
MAX_ELEMENTS = 200_000
# trafilatura's time grows faster than the page past some thousands of elements (runs of
# <p>: 20,000 elements 1.7 s, 40,000 4.4 s, 80,000 15 s, 190,000 about 170 s); the pages of
# its evaluation corpus have at most 4,634. A larger page is read by the own rules, linear.
TRAFILATURA_MAX_ELEMENTS = 20_000

_WS_RE = re.compile(r"[ \t\n\r\f]+")
_TOKEN_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SNAKE_RE = re.compile(r"[^0-9a-z]+")
# Characters that show nothing: soft hyphen, zero-width space, direction marks, word joiner,
# byte-order mark (zero-width joiners stay: they change how some scripts and emoji look).
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200e\u200f\u2060\ufeff]")

# A buffer of inline text: strings, and None for a <br> that makes a line break.
_Parts = list[str | None]


def _collapse(parts: _Parts | list[str]) -> str:
    text = "".join(p if p is not None else " " for p in parts)
    if not text.isascii():
        # What a browser shows: no soft hyphens, zero-width spaces or direction marks, and
        # accented letters as one character each (NFC), as typed.
        text = unicodedata.normalize("NFC", _INVISIBLE_RE.sub("", text))
    return _WS_RE.sub(" ", text).strip(" ")


def _paragraphs(parts: _Parts) -> list[str]:
    """Collapse a buffer into paragraphs: ``<br>`` is a line break, a blank line splits."""
    if None not in parts:
        text = _collapse(parts)
        return [text] if text and not text.isspace() else []
    lines: list[str] = []
    current: list[str] = []
    for part in parts:
        if part is None:
            lines.append(_collapse(current))
            current = []
        else:
            current.append(part)
    lines.append(_collapse(current))
    return _group(lines)


def _group(lines: list[str]) -> list[str]:
    """Join lines into paragraphs, splitting at lines that show nothing."""
    out: list[str] = []
    run: list[str] = []
    for line in lines:
        if line and not line.isspace():
            run.append(line)
        elif run:
            out.append("\n".join(run))
            run = []
    if run:
        out.append("\n".join(run))
    return out


def _pre_paragraphs(parts: _Parts) -> list[str]:
    raw = "".join(p if p is not None else "\n" for p in parts)
    lines = [line.rstrip(" \t\f\r") for line in raw.split("\n")]
    # Like every block, a paragraph of a <pre> starts with a visible character; the lines
    # after the first keep their indentation.
    return [paragraph.lstrip(" \t\f") for paragraph in _group(lines)]


def _snake(label: str) -> str:
    return _SNAKE_RE.sub("_", label.casefold()).strip("_")


def _text_of(el: _Element) -> str:
    """The text ``el`` shows: what a dropped element inside it holds (a ``<script>`` or
    ``<style>`` in a heading) is left out, its tail kept. Walked without recursion."""
    out: list[str] = []
    skipping: _Element | None = None  # a dropped element whose subtree is passed over
    for event, node in etree.iterwalk(el, events=("start", "end")):
        shown = isinstance(node.tag, str)  # (a comment's text is not shown)
        if event == "start":
            if skipping is None and shown and node.tag in _DROP_TAGS:
                skipping = node
            elif skipping is None and shown:
                out.append(node.text or "")
            continue
        if node is skipping:
            skipping = None
        if skipping is None and node is not el:
            out.append(node.tail or "")
    return "".join(out)


def _words(el: _Element) -> str:
    values = [el.get(name) for name in ("id", "class", "role", "aria-label")]
    return " ".join(v for v in values if v).lower()


# --- blocks ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Block:
    tag: str
    text: str = ""
    rows: list[list[tuple[str, str]]] | None = None  # tables only: (cell tag, cell text)


@dataclass(slots=True)
class _ListBlock:
    lines: list[_Parts] = field(default_factory=list)

    def new_line(self) -> _Parts:
        line: _Parts = []
        self.lines.append(line)
        return line


@dataclass(slots=True)
class _TableBlock:
    rows: list[list[tuple[str, _Parts]]] = field(default_factory=list)
    before: list[_Parts] = field(default_factory=list)  # caption, stray content

    def new_cell(self, tag: str) -> _Parts:
        if not self.rows:
            self.rows.append([])
        cell: _Parts = []
        self.rows[-1].append((tag, cell))
        return cell


@dataclass(slots=True)
class _DlBlock:
    words: str
    entries: list[tuple[_Parts, list[_Parts]]] = field(default_factory=list)

    def new_value(self) -> _Parts:
        if not self.entries:
            self.entries.append(([], []))
        value: _Parts = []
        self.entries[-1][1].append(value)
        return value


# --- sinks: where the text of the element being walked goes -----------------------------------

_OnEnd = Callable[[], None] | None


class _Sink(Protocol):
    def text(self, value: str) -> None: ...

    def open(self, el: _Element, tag: str) -> tuple[_Sink | None, _OnEnd]: ...


class _Inline:
    """Inside one paragraph, list line or cell: all text goes into one buffer."""

    __slots__ = ("br", "list_block", "parts")

    def __init__(self, parts: _Parts, *, br: bool = True, list_block: _ListBlock | None = None):
        self.parts = parts
        self.br = br  # whether <br> is a line break (else a space)
        self.list_block = list_block

    def text(self, value: str) -> None:
        self.parts.append(value)

    def space(self) -> None:
        self.parts.append(" ")

    def resume(self) -> None:
        # A nested list has ended inside a list item: what follows is a line of its own.
        assert self.list_block is not None
        self.parts = self.list_block.new_line()

    def open(self, el: _Element, tag: str) -> tuple[_Sink | None, _OnEnd]:
        if tag == "br":
            self.parts.append(None if self.br else " ")
            return None, None
        if tag in _LISTS and self.list_block is not None:
            return _ListSink(self.list_block), self.resume
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")
            return self, self.space
        return self, None


class _ListSink:
    __slots__ = ("block", "stray")

    def __init__(self, block: _ListBlock) -> None:
        self.block = block
        self.stray: _Parts | None = None

    def text(self, value: str) -> None:
        if value.isspace():
            return
        if self.stray is None:
            self.stray = self.block.new_line()
        self.stray.append(value)

    def open(self, el: _Element, tag: str) -> tuple[_Sink | None, _OnEnd]:
        self.stray = None
        if tag == "li":
            return _Inline(self.block.new_line(), br=False, list_block=self.block), None
        if tag in _LISTS:
            return self, None
        return _Inline(self.block.new_line(), br=False, list_block=self.block), None


class _TableSink:
    __slots__ = ("block",)

    def __init__(self, block: _TableBlock) -> None:
        self.block = block

    def text(self, value: str) -> None:
        return  # text between rows and cells is only source formatting

    def open(self, el: _Element, tag: str) -> tuple[_Sink | None, _OnEnd]:
        if tag == "tr":
            self.block.rows.append([])
            return self, None
        if tag in ("td", "th"):
            return _Inline(self.block.new_cell(tag), br=False), None
        if tag in ("thead", "tbody", "tfoot", "colgroup", "col"):
            return self, None
        before: _Parts = []
        self.block.before.append(before)
        return _Inline(before, br=False), None


class _DlSink:
    __slots__ = ("block",)

    def __init__(self, block: _DlBlock) -> None:
        self.block = block

    def text(self, value: str) -> None:
        return

    def open(self, el: _Element, tag: str) -> tuple[_Sink | None, _OnEnd]:
        if tag == "dt":
            term: _Parts = []
            self.block.entries.append((term, []))
            return _Inline(term, br=False), None
        if tag == "div":
            return self, None
        return _Inline(self.block.new_value(), br=False), None


class _Flow:
    """Flow content (body, div, section, blockquote ...): blocks open here."""

    __slots__ = ("page", "quote")

    def __init__(self, page: _Renderer, *, quote: bool = False) -> None:
        self.page = page
        self.quote = quote

    def text(self, value: str) -> None:
        self.page.loose_text(value, "blockquote" if self.quote else "p")

    def open(self, el: _Element, tag: str) -> tuple[_Sink | None, _OnEnd]:
        page = self.page
        if tag not in _BLOCK_TAGS:
            if tag == "br":
                page.loose_break()
                return None, None
            return self, None  # inline markup: its text joins the loose paragraph
        page.flush()
        if tag in _HEADINGS:
            parts: _Parts = []
            return _Inline(parts, br=False), lambda: page.add_heading(tag, parts)
        if tag == "p" or tag == "div":
            label = _metadata_label(el, tag)
            if label is None and _is_metadata_container(el):
                label = ""
            if label is not None:
                parts = []
                return _Inline(parts, br=False), lambda: page.add_metadata(label, parts)
            if tag == "div":
                return self, page.flush
        if tag in _PARAGRAPH_TAGS:
            parts = []
            para_tag = "blockquote" if self.quote else "p"
            return _Inline(parts), lambda: page.add_paragraphs(para_tag, _paragraphs(parts))
        if tag in _LISTS or tag == "li":
            lines = _ListBlock()
            if tag == "li":
                sink: _Sink = _Inline(lines.new_line(), br=False, list_block=lines)
            else:
                sink = _ListSink(lines)
            return sink, lambda: page.add_list(lines)
        if tag == "table":
            if _is_layout_table(el):
                return self, page.flush
            table = _TableBlock()
            return _TableSink(table), lambda: page.add_table(table)
        if tag == "dl":
            entries = _DlBlock(_words(el))
            return _DlSink(entries), lambda: page.add_dl(entries)
        if tag == "blockquote":
            return _Flow(page, quote=True), page.flush
        if tag == "pre":
            parts = []
            return _Inline(parts), lambda: page.add_paragraphs("p", _pre_paragraphs(parts))
        if tag == "hr":
            return None, None
        return self, page.flush  # div, section, article, tr outside a table ...


def _is_metadata_container(el: _Element) -> bool:
    """A p/div without block children whose class says meta (WordPress's ``entry-meta``:
    "Posted on 2 November 2023 in News"): one metadata block."""
    cls = el.get("class")
    if not cls or "meta" not in cls:
        return False
    if not set(_TOKEN_SPLIT_RE.split(cls.lower())) & _METADATA_CONTAINERS:
        return False
    for _ in el.iterdescendants(*_BLOCK_TAGS):
        return False
    return True


def _metadata_label(el: _Element, tag: str) -> str | None:
    """The known label a p/div opens with (``<p><strong>Published</strong> ...``), else None."""
    if el.text and not el.text.isspace():
        return None
    first = None
    for child in el:
        first = child
        break
    if first is None or first.tag not in ("strong", "b"):
        return None
    label = _collapse([_text_of(first)]).rstrip(": ").strip()
    if label.casefold() not in _METADATA_LABELS:
        return None
    if tag == "div":
        for _ in el.iterdescendants(*_BLOCK_TAGS):
            return None
    return label


def _holds_content(el: _Element) -> bool:
    """Whether an element a class name marks as furniture holds the page's content.

    Wrapper classes such as ``with-sidebar`` or ``nav-open`` sit on elements that hold the
    whole page; dropping one of those would lose the release, which is worse than letting a
    little furniture through. Such an element is read, and its children judged one by one.
    """
    for _ in el.iter("h1", "main", "article"):
        return True
    found = sum(1 for _ in islice(el.iter("p"), _CONTENT_PARAGRAPHS))
    return found >= _CONTENT_PARAGRAPHS


def _is_layout_table(el: _Element) -> bool:
    if (el.get("role") or "").lower() in ("presentation", "none"):
        return True
    # A data table holds words and numbers; a table that holds headings or other tables is
    # the page's grid. The search is capped so nested tables cannot make it quadratic.
    for count, found in enumerate(el.iterdescendants()):
        if found.tag in _LAYOUT_MARKERS:
            return True
        if count >= _LAYOUT_SEARCH_LIMIT:
            break
    return False


# --- the renderer ----------------------------------------------------------------------------


class _Renderer:
    def __init__(self, protected: set[_Element]) -> None:
        self.protected = protected
        self.blocks: list[_Block] = []
        self.metadata: dict[str, str] = {}
        self.title_seen = False
        self.loose: _Parts = []
        self.loose_tag = "p"
        self.truncated = False

    # loose text: text that sits directly in a container, outside any paragraph element

    def loose_text(self, value: str, tag: str) -> None:
        if not self.loose:
            if value.isspace():
                return
            self.loose_tag = tag
        self.loose.append(value)

    def loose_break(self) -> None:
        if self.loose:
            self.loose.append(None)

    def flush(self) -> None:
        if self.loose:
            self.add_paragraphs(self.loose_tag, _paragraphs(self.loose))
            self.loose = []

    # finished blocks

    def add_paragraphs(self, tag: str, paragraphs: list[str]) -> None:
        for text in paragraphs:
            if tag in ("p", "blockquote") and _BOILERPLATE_RE.fullmatch(text):
                continue
            self.blocks.append(_Block(tag, text))

    def add_heading(self, tag: str, parts: _Parts) -> None:
        text = _collapse(parts)
        if not text or text.isspace() or _BOILERPLATE_RE.fullmatch(text):
            return  # ("Is this page useful?" is a heading on GOV.UK pages)
        if tag == "h1" and not self.title_seen:
            self.title_seen = True
            self.blocks.append(_Block("title", text))
        else:
            self.blocks.append(_Block("heading", text))

    def add_metadata(self, label: str, parts: _Parts) -> None:
        text = _collapse(parts)
        if not text or text.isspace():
            return
        self.blocks.append(_Block("metadata", text))
        value = text[len(label) :] if text.startswith(label) else text
        value = value.lstrip(" :").strip()
        if value and label:
            self.metadata.setdefault(_snake(label), value)

    def add_list(self, block: _ListBlock) -> None:
        lines = [text for text in map(_collapse, block.lines) if text and not text.isspace()]
        if lines:
            self.blocks.append(_Block("list", "\n".join(lines)))

    def add_table(self, block: _TableBlock) -> None:
        for before in block.before:
            self.add_paragraphs("p", _paragraphs(before))
        rows = []
        for row in block.rows:
            cells = [(tag, _collapse(parts)) for tag, parts in row]
            if any(text and not text.isspace() for _, text in cells):
                rows.append(cells)
        if rows:
            self.blocks.append(_Block("table", rows=rows))

    def add_dl(self, block: _DlBlock) -> None:
        entries = []
        for term_parts, value_parts in block.entries:
            term = _collapse(term_parts)
            values = [v for v in map(_collapse, value_parts) if v and not v.isspace()]
            entries.append((term if term and not term.isspace() else "", "; ".join(values)))
        words = set(_TOKEN_SPLIT_RE.split(block.words)) | {block.words}
        is_metadata = bool(words & _METADATA_CONTAINERS) or any(
            term.rstrip(": ").casefold() in _METADATA_LABELS for term, _ in entries
        )
        tag = "metadata" if is_metadata else "p"
        for term, value in entries:
            if term and value:
                text = f"{term} {value}" if term.endswith(":") else f"{term}: {value}"
            else:
                text = term or value
            if not text:
                continue
            self.blocks.append(_Block(tag, text))
            if is_metadata and term and value:
                self.metadata.setdefault(_snake(term), value)

    # the walk

    def dropped(self, el: _Element, tag: str) -> bool:
        if tag in _DROP_TAGS:
            return el not in self.protected
        if not len(el.attrib):
            return False
        if (
            el.get("hidden") is not None
            or el.get("aria-hidden", "").lower() == "true"
            or _HIDDEN_STYLE_RE.search(el.get("style", ""))
        ):
            return el not in self.protected
        words = _words(el)
        if not words:
            return False
        if any(s in words for s in _DROP_SUBSTRINGS) or not _DROP_TOKENS.isdisjoint(
            _TOKEN_SPLIT_RE.split(words)
        ):
            return el not in self.protected and not _holds_content(el)
        return False

    def walk(self, scope: _Element, *, itself: bool = False) -> None:
        """Render ``scope``'s content (with ``itself``, the element as one child: its own tag
        decides the block, as for a ``<dl>`` or a labelled ``<p>``)."""
        root = _Flow(self)
        if scope.text and not itself:
            root.text(scope.text)
        stack: list[tuple[_Element, Iterator[_Element], _Sink, _OnEnd]] = [
            (scope, iter((scope,)) if itself else iter(scope), root, None)
        ]
        dropped = self.dropped
        budget = MAX_ELEMENTS
        while stack:
            el, children, sink, on_end = stack[-1]
            child = next(children, None)
            budget -= 1
            if budget < 0:
                self.truncated = True
                while stack:  # close what is open, so that its text is kept
                    on_end = stack.pop()[3]
                    if on_end is not None:
                        on_end()
                break
            if child is None:
                stack.pop()
                if on_end is not None:
                    on_end()
                if len(stack) > itself and el.tail:
                    stack[-1][2].text(el.tail)
                continue
            tag = child.tag
            if not isinstance(tag, str) or dropped(child, tag):
                if child.tail:
                    sink.text(child.tail)
                continue
            inner, end = sink.open(child, tag)
            if inner is not None:
                if child.text:
                    inner.text(child.text)
                if len(child):
                    stack.append((child, iter(child), inner, end))
                    continue
                if end is not None:  # a leaf: close it at once
                    end()
            if child.tail and not (itself and len(stack) == 1):
                sink.text(child.tail)
        self.flush()


def _scopes(root: _Element) -> list[_Element]:
    scopes = []
    main = root.find(".//main")
    if main is None:
        main = root.find(".//*[@role='main']")
    if main is not None:
        scopes.append(main)
    articles = root.findall(".//article")
    if articles:
        scopes.append(max(articles, key=lambda a: len(_text_of(a))))
    body = root.find("body")
    scopes.append(body if body is not None else root)
    return scopes


_H1_BAD_ANCESTORS = frozenset({"nav", "aside", "footer", "dialog", "template", "noscript"})


def _headline_h1(el: _Element) -> bool:
    """Whether an ``<h1>`` can be the headline: not inside navigation or a cookie notice."""
    for ancestor in el.iterancestors():
        if ancestor.tag in ("body", "html"):  # their classes describe the page, not a part
            return True
        if ancestor.tag in _H1_BAD_ANCESTORS or "cookie" in _words(ancestor):
            return False
    return True


def _first_h1(scope: _Element) -> _Element | None:
    for h1 in scope.iter("h1"):
        if _headline_h1(h1):
            return h1
    return None


def _leading_h1(root: _Element, scope: _Element) -> str | None:
    """The text of an ``<h1>`` that comes before ``scope`` when ``scope`` has none."""
    if _first_h1(scope) is not None:
        return None
    for el in root.iter("h1", str(scope.tag)):
        if el is scope:
            return None
        if el.tag == "h1" and _headline_h1(el):
            text = _collapse([_text_of(el)])
            return text if text and not text.isspace() else None
    return None


def _assemble(
    blocks: list[_Block],
) -> tuple[str, tuple[Span, ...], tuple[tuple[tuple[Span, ...], ...], ...]]:
    pieces: list[str] = []
    spans: list[Span] = []
    tables: list[tuple[tuple[Span, ...], ...]] = []
    pos = 0
    for block in blocks:
        if pieces:
            pieces.append("\n\n")
            pos += 2
        start = pos
        if block.rows is None:
            pieces.append(block.text)
            pos += len(block.text)
        else:
            table_rows: list[tuple[Span, ...]] = []
            for r, row in enumerate(block.rows):
                if r:
                    pieces.append("\n")
                    pos += 1
                cells: list[Span] = []
                for c, (cell_tag, cell_text) in enumerate(row):
                    if c:
                        pieces.append("\t")
                        pos += 1
                    cells.append(Span(pos, pos + len(cell_text), cell_tag))
                    pieces.append(cell_text)
                    pos += len(cell_text)
                table_rows.append(tuple(cells))
            tables.append(tuple(table_rows))
        spans.append(Span(start, pos, block.tag))
    return "".join(pieces), tuple(spans), tuple(tables)


# --- the page: trafilatura's main content, this module's rules for the rest ------------------

# lxml.html's element classes, which trafilatura needs; the own renderer's walk above runs on
# a tree of plain elements (see _Element) and re-parses the page when it is used.
_HTML_PARSER = lxml.html.HTMLParser(
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    huge_tree=True,
    collect_ids=False,
    default_doctype=False,
)
# trafilatura's fast mode with its evaluation's settings (no comments, tables kept), XML out:
# the tree of its main content, never serialised.
_EXTRACTOR = Extractor(
    output_format="xml", fast=True, comments=False, tables=True, formatting=False
)
_EXTRACTOR_FULL = Extractor(output_format="xml", comments=False, tables=True, formatting=False)
# trafilatura's XML tags -> the HTML tags the renderer reads.
_XML_TO_HTML = {
    "list": "ul",
    "item": "li",
    "quote": "blockquote",
    "row": "tr",
    "lb": "br",
    "code": "pre",
    "hi": "span",
    "ref": "span",
    "del": "span",
    "graphic": "span",
}
# Nesting deeper than this is flattened before the page is parsed again (libxml2 stops
# building the tree at 2048 levels; trafilatura walks some parts of the tree recursively).
MAX_DEPTH = 512
# How the warnings that say the markup was cut or flattened begin (review code page-cut).
_NESTED = "the HTML is nested more than"
_TOO_MANY = "the HTML page has more than"
# When trafilatura's fast mode keeps less than this share of the text a page shows, its full
# mode has another go (on trafilatura's evaluation corpus, 3% of the pages; most of them gain).
RETRY_SHARE = 0.07
# A kept text shorter than this share of the page's visible text may have lost the body.
SMALL_SHARE = 0.10
SMALL_SHARE_MIN_CHARS = 2000  # ... on a page with at least this much visible text
# A page that shows less text than this is read by the own rules alone: there is too little
# for trafilatura's statistics (it keeps a dump of such a page, as one paragraph).
SMALL_PAGE = 1000
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "keygen", "command", "basefont", "frame", "isindex"}
)  # fmt: skip
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>")
_WORD_RE = re.compile(r"\w+")
_TITLE_SEPARATORS_RE = re.compile(r"\s+(?:[|·•»:]|::|[-–—])\s+")
_H1_FURNITURE = frozenset(_DATA["h1_furniture_tokens"])
_H1_FURNITURE_RE = re.compile(
    "|".join(f"(?:{pattern})" for pattern in _DATA["h1_furniture_lines"]), re.I
)
_KICKER_TOKENS = frozenset(_DATA["kicker_tokens"])
# A site's section names, which a <title> or og:title may hold between the headline and the
# site's name ("Headline - News - Kelby Council"), and which are no headline themselves
# ("News"); not the other furniture lines of a copied page ("Report", "Share").
_SECTION_NAMES = frozenset(load("sections")["section_names"])
_MAX_TITLE_PARTS = 6
_DATE_META = tuple(_DATA["published_meta"])
_AUTHOR_META = tuple(_DATA["author_meta"])


def _flatten_deep(markup: str) -> str:
    """The markup with every tag more than :data:`MAX_DEPTH` levels down removed: one pass,
    linear in the markup. A run of removed tags with only white space between them becomes
    one ``<p>`` (so text that sat in separate blocks stays apart, and a million wrappers
    become one paragraph break, not a million; a ``<p>`` closes the one before it, so the
    ``<p>``s add no depth)."""
    out: list[str] = []
    pos = depth = 0
    last_cut = -1  # where the last removed run ended
    for match in _TAG_RE.finditer(markup):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if self_closing or name in _VOID_TAGS:
            continue
        if closing:
            deep = depth > MAX_DEPTH
            depth = depth - 1 if depth else 0
        else:
            depth += 1
            deep = depth > MAX_DEPTH
        if deep:
            between = markup[pos : match.start()]
            if last_cut != pos or (between and not between.isspace()):
                out.append(between)
                out.append("<p>")
            pos = last_cut = match.end()
    out.append(markup[pos:])
    return "".join(out)


def _parse(markup: str) -> tuple[lxml.html.HtmlElement | None, list[str]]:
    warnings: list[str] = []
    try:
        root = lxml.html.document_fromstring(
            markup.encode("utf-8", errors="replace"), parser=_HTML_PARSER
        )
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, warnings
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in _HTML_PARSER.error_log):
        warnings.append(
            f"{_NESTED} {MAX_DEPTH} levels deep; the tags below that depth "
            "were set aside and their text read as plain paragraphs"
        )
        try:
            root = lxml.html.document_fromstring(
                _flatten_deep(markup).encode("utf-8", errors="replace"), parser=_HTML_PARSER
            )
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return None, warnings
    return root, warnings


def _unwrap_noscript(root: lxml.html.HtmlElement) -> None:
    """A ``<noscript>`` holding a page's body (a site that renders with JavaScript and puts
    the text there for everyone else) is read as ordinary content; a tracking pixel or an
    "enable JavaScript" line in one stays out."""
    for noscript in list(root.iter("noscript")):
        for _ in noscript.iter("p", "article", "main", "h1", "h2", "li", "table"):
            noscript.drop_tag()
            break


# --- title and page metadata -----------------------------------------------------------------


def _collapsed(text: str) -> str:
    return _WS_RE.sub(" ", text).strip(" ")


def _fold(text: str) -> str:
    return _collapsed(text).casefold().replace("’", "'").replace("–", "-").replace("—", "-")


def _meta_tags(root: lxml.html.HtmlElement) -> dict[str, str]:
    """The page's ``<meta>`` contents by lower-cased property, name or itemprop (the first
    non-blank one of each)."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and key not in found and content and not content.isspace():
            found[key] = content
    return found


def _meta(tags: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` that the page's ``<meta>`` tags give, white space collapsed."""
    return next((_collapsed(tags[name]) for name in names if name in tags), None)


def _json_ld(root: lxml.html.HtmlElement, key: str) -> str | None:
    """The first ``key`` (``datePublished``, ``author``) in the page's JSON-LD blocks."""
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        todo: list[Any] = [data]
        for _ in range(200):  # a bounded search: JSON-LD graphs are small
            if not todo:
                break
            item = todo.pop(0)
            if isinstance(item, list):
                todo.extend(item)
            elif isinstance(item, dict):
                value = item.get(key)
                if isinstance(value, list) and value:
                    value = value[0]
                if isinstance(value, dict):
                    value = value.get("name")
                if isinstance(value, str) and value.strip():
                    return _collapsed(value)
                todo.extend(v for v in item.values() if isinstance(v, dict | list))
    return None


def _h1_text(h1: lxml.html.HtmlElement) -> str:
    """An ``<h1>``'s text; a kicker set apart in its own element (``<span class="kicker">``,
    a block, or a line of its own) is joined to the headline by ``": "``."""
    pieces: list[str] = [h1.text or ""]
    kicker: str | None = None
    for child in h1:
        if not isinstance(child.tag, str):
            pieces.append(child.tail or "")
            continue
        words = set(_TOKEN_SPLIT_RE.split(_words(child)))
        if (
            kicker is None
            and not _collapsed("".join(pieces))
            and (words & _KICKER_TOKENS or child.tag in _BLOCK_TAGS)
        ):
            kicker = _collapsed(_text_of(child))
            pieces = [child.tail or ""]
            continue
        if child.tag == "br":
            pieces.append(" ")
        elif child.tag in _BLOCK_TAGS:
            pieces.append(" " + _text_of(child) + " ")
        else:
            pieces.append(_text_of(child))
        pieces.append(child.tail or "")
    headline = _collapsed("".join(pieces))
    if kicker and headline:
        return kicker + ("" if kicker[-1] in ":|–—-" else ":") + " " + headline
    return kicker or headline


def _site_names(
    tags: dict[str, str], title: str | None, og: str | None, shown: set[str]
) -> set[str]:
    """The site's name: its ``og:site_name``, and the first or last part of its ``<title>``
    (``Headline | Kelby Council``, ``Kelby Council - Headline``) that the main content does
    not show as a block of its own (``shown``: the headline is one, the site's name seldom;
    when both or neither are shown, the one that is a public body's name), or a whole
    ``<title>`` that ends the ``og:title`` (``Headline - Kelby Police``) or is a public body's
    name (``Kelby Police``, over an ``<h1>`` of the same name in the site's header); with none
    of these, an end of ``og:title`` that is a public body's name."""
    names = {_fold(n) for n in (_meta(tags, ("og:site_name", "application-name")),) if n}
    ends: list[str] = []
    if title:
        parts = _TITLE_SEPARATORS_RE.split(title)
        og_ends = _ends(og) if og and len(parts) == 1 else ()
        if len(parts) > 1:
            ends = [parts[0], parts[-1]]
        elif (og_ends and _fold(title) == _fold(og_ends[-1])) or is_body_name(title):
            ends = [title]
    if not ends and og:
        # (no site's name in <title>: an end of og:title that is a public body's name)
        ends = [end for end in _ends(og) if is_body_name(end)][:1]
    unshown = [end for end in ends if _fold(end) not in shown]
    if len(unshown) != 1:
        # both ends shown, or neither: a public body's name is the site's (``Kelby Borough
        # Council - Headline`` on a page whose <h1> is the council's name)
        named = [end for end in ends if is_body_name(end)]
        unshown = named if len(named) == 1 else ends
    names.update(_fold(end) for end in unshown)
    return names


def _ends(title: str) -> tuple[str, ...]:
    """The first and last parts of a title with a separator, or none."""
    parts = _TITLE_SEPARATORS_RE.split(title)
    return (parts[0], parts[-1]) if len(parts) > 1 else ()


def _headline_h1s(root: lxml.html.HtmlElement, site: set[str]) -> list[tuple[str, bool]]:
    """Each ``<h1>`` that can be the headline, as (text, inside main or article): not empty,
    not the site's name or logo, not a login box or cookie notice."""
    found = []
    for h1 in root.iter("h1"):
        text = _h1_text(h1)
        if not text or text.isspace() or _H1_FURNITURE_RE.fullmatch(text) or _fold(text) in site:
            continue
        in_content = False
        furniture = False
        for el in (h1, *h1.iterancestors()):
            if el.tag in ("body", "html"):
                break
            if el.tag in ("main", "article") or el.get("role") == "main":
                in_content = True
            if el.tag in ("dialog", "template", "footer", "aside") or not _H1_FURNITURE.isdisjoint(
                _TOKEN_SPLIT_RE.split(_words(el))
            ):
                furniture = True
                break
        if not furniture:
            found.append((text, in_content))
    return found


def _strip_site(title: str, site: set[str]) -> str:
    """``title`` without the site's name and section names at either end (``Headline - News
    - Kelby Council``, ``Kelby Council | Headline``)."""
    for _ in range(_MAX_TITLE_PARTS):
        parts = _TITLE_SEPARATORS_RE.split(title)
        if len(parts) < 2:
            break
        if _is_site_part(parts[-1], site):
            title = title[: title.rfind(parts[-1])].rstrip(" |·•»:-–—")
        elif _is_site_part(parts[0], site):
            title = title[len(parts[0]) :].lstrip(" |·•»:-–—")
        else:
            break
    return title


def _is_site_part(part: str, site: set[str]) -> bool:
    folded = _fold(part)
    return folded in site or folded in _SECTION_NAMES


def _page_title(
    root: lxml.html.HtmlElement, tags: dict[str, str], content_text: str, shown: set[str]
) -> str | None:
    """The page's headline: ``og:title`` (else its JSON-LD ``headline``), else the ``<h1>``
    of the main content, else the ``<title>``, without the site's name and section names
    (``shown``: the main content's blocks, folded); an ``<h1>`` that says the same as
    ``og:title`` is taken as written on the page, and one that says something else stays in
    the text as a heading."""
    title_el = root.find(".//title")
    title = _collapsed(title_el.text_content()) if title_el is not None else None
    og = _meta(tags, ("og:title", "twitter:title")) or _json_ld(root, "headline")
    site = _site_names(tags, title, og, shown)
    if og:
        og = _strip_site(og, site)
        if _is_site_part(og, site):
            og = None  # the site's name or a section's ("News"), not the page's
    h1s = _headline_h1s(root, site)
    folded_content = _fold(content_text)
    # The h1 the main content shows, else one inside <main>/<article>, else the first.
    h1 = next((t for t, _ in h1s if _fold(t) in folded_content), None)
    h1 = h1 or next((t for t, inside in h1s if inside), None) or (h1s[0][0] if h1s else None)
    if og and h1:
        folded_og, folded_h1 = _fold(og), _fold(h1)
        if folded_og == folded_h1 or folded_og in folded_h1:
            return h1
        return og
    page_title = _strip_site(title, site) if title and _fold(title) not in site else None
    if (
        h1
        and not og
        and page_title
        and len(_WORD_RE.findall(h1)) <= 4
        and _overlap(h1, page_title) < 0.5
    ):
        # A short <h1> that shares few words with the page's <title> names a section or a
        # box ("More on this", "Comments"), not the page.
        return page_title
    return og or h1 or page_title


def _overlap(text: str, other: str) -> float:
    """The share of ``text``'s words that ``other`` has too."""
    words = set(_WORD_RE.findall(_fold(text)))
    return len(words & set(_WORD_RE.findall(_fold(other)))) / len(words) if words else 0.0


def _page_metadata(root: lxml.html.HtmlElement, tags: dict[str, str]) -> dict[str, str]:
    """The publication date and author the page declares in its ``<meta>`` tags or JSON-LD."""
    out: dict[str, str] = {}
    published = _meta(tags, _DATE_META) or _json_ld(root, "datePublished")
    if published is None:
        for time_el in root.iter("time"):
            if time_el.get("datetime") and (
                time_el.get("pubdate") is not None or "publish" in _words(time_el)
            ):
                published = _collapsed(time_el.get("datetime", ""))
                break
    if published:
        out["published"] = published
    author = _meta(tags, _AUTHOR_META)
    if author is None or author.startswith(("http://", "https://")):
        author = _json_ld(root, "author")
    if author:
        out["author"] = author
    return out


# --- metadata blocks: kept by this module's rules when the main content left them out ---------


_METADATA_CANDIDATES = etree.XPath(
    ".//dl[dt] | .//p[*[1][self::strong or self::b]] | .//div[*[1][self::strong or self::b]]"
)


def _metadata_blocks(root: lxml.html.HtmlElement) -> tuple[list[_Block], dict[str, str]]:
    """The labelled metadata in the page's ``<main>`` (else its body), which main-text
    extractors leave out: a ``<dl>`` with a known term such as "Date of publication", a
    ``<p>`` that opens with a known label in bold; and the values, by snake_case label. (A
    block that only has a class that says meta, WordPress's "Posted on ... by ...", is not
    taken from outside the main text: on trafilatura's corpus such lines are furniture.)"""
    scope = root.find(".//main")
    if scope is None:
        scope = root.find(".//*[@role='main']")
    if scope is None:
        scope = root.find("body")
    if scope is None:
        return [], {}
    renderer = _Renderer(set())
    for el in _METADATA_CANDIDATES(scope):
        tag = str(el.tag)
        if tag == "dl":
            if not any(
                _collapsed(_text_of(dt)).rstrip(": ").casefold() in _METADATA_LABELS
                for dt in el.iter("dt")
            ):
                continue
        elif _metadata_label(el, tag) is None:
            continue
        if _in_furniture(renderer, el, scope):
            continue
        renderer.walk(el, itself=True)
    return [b for b in renderer.blocks if b.tag == "metadata"], renderer.metadata


def _in_furniture(renderer: _Renderer, el: Any, scope: Any) -> bool:
    """Whether ``el`` or a container of it below ``scope`` is dropped as furniture."""
    for node in (el, *el.iterancestors()):
        if node is scope:
            return False
        if renderer.dropped(node, str(node.tag)):
            return True
    return False


# --- the page --------------------------------------------------------------------------------


def _main_content(root: lxml.html.HtmlElement, visible: int) -> _Element | None:
    """trafilatura's main content of the page (it works on a copy), or None.

    Its fast mode first; when that keeps less than :data:`RETRY_SHARE` of the text the page
    shows, its full mode (which also asks readability and jusText) has another go, and the
    longer text is kept.
    """
    body = _trafilatura(root, _EXTRACTOR)
    kept = int(_LENGTH(body)) if body is not None else 0
    if kept < RETRY_SHARE * visible:
        retry = _trafilatura(root, _EXTRACTOR_FULL)
        if retry is not None and int(_LENGTH(retry)) > kept:
            body = retry
    if body is None or not len(body):
        return None
    for el in body.iter():
        tag = el.tag
        if tag == "head":
            level = (el.get("rend") or "")[-1:]
            el.tag = "h" + level if level in ("1", "2", "3", "4", "5", "6") else "h2"
        elif tag == "cell":
            el.tag = "th" if el.get("role") == "head" else "td"
        elif isinstance(tag, str) and tag in _XML_TO_HTML:
            el.tag = _XML_TO_HTML[tag]
        el.attrib.pop("rend", None)
        el.attrib.pop("role", None)
    return body


def _trafilatura(root: lxml.html.HtmlElement, options: Extractor) -> _Element | None:
    try:
        document = bare_extraction(root, options=options)
    except Exception:  # an extractor failure falls back to the own rules, with a warning
        return None
    if document is None or isinstance(document, dict):
        return None
    body: _Element | None = document.body
    return body


_LENGTH = etree.XPath("string-length(normalize-space(.))")


def _visible_chars(root: lxml.html.HtmlElement) -> int:
    """About how many characters of text the page's body shows (white space collapsed)."""
    body = root.find("body")
    if body is None:
        return 0
    hidden = sum(int(_LENGTH(el)) for el in body.iter("script", "style", "template"))
    return max(int(_LENGTH(body)) - hidden, 0)


def render_html(markup: str) -> HtmlPage:
    """Render an HTML page's main content as the contract ``text``.

    The main content is trafilatura's (fast mode); the headline comes from the page's
    metadata (see :func:`_page_title`), the labelled metadata blocks and the page's date and
    author from this module's rules. When trafilatura finds nothing, this module's own
    renderer reads the page, and a warning says so.

    Args:
        markup: the decoded page (any declared charset is ignored: it is already text).

    Returns:
        The :class:`HtmlPage`; its ``text`` is empty when the page shows nothing.
    """
    root, warnings = _parse(markup)
    if root is None or not len(root):
        return HtmlPage("")
    if int(root.xpath("count(//*)")) > TRAFILATURA_MAX_ELEMENTS:
        return _render_own(markup, warnings, root, fallback=False)
    _unwrap_noscript(root)
    visible = _visible_chars(root)
    if visible < SMALL_PAGE:
        return _render_own(markup, warnings, root, fallback=False)
    body = _main_content(root, visible)
    if body is None:
        return _render_own(markup, warnings, root, fallback=True)
    renderer = _Renderer(set())
    renderer.walk(body)
    blocks = renderer.blocks
    for block in blocks:
        if block.tag == "title":
            block.tag = "heading"
    tags = _meta_tags(root)
    title = _put_title(root, tags, blocks)
    metadata_blocks, metadata = _metadata_blocks(root)
    have = {_fold(b.text) for b in blocks} if metadata_blocks else set()
    at = 1 if title is not None else 0
    for block in metadata_blocks:
        if _fold(block.text) not in have:
            blocks.insert(at, block)
            at += 1
    metadata = {**_page_metadata(root, tags), **metadata, **renderer.metadata}
    text, spans, tables = _assemble(blocks)
    review = _cut_review(warnings)
    if visible >= SMALL_SHARE_MIN_CHARS and len(text) < SMALL_SHARE * visible:
        warnings.append(
            f"the main text kept is {len(text):,} characters, {len(text) / visible:.0%} of the "
            f"{visible:,} characters the page shows: check that its body was not lost"
        )
        review = ("page-text-small", *review)
    return HtmlPage(text, spans, tables, metadata, tuple(warnings), review)


def _put_title(
    root: lxml.html.HtmlElement, tags: dict[str, str], blocks: list[_Block]
) -> str | None:
    """The page's headline (:func:`_page_title`) put first in ``blocks`` as the ``title``
    block, in place of the block that shows it among the first three (a heading, or a
    paragraph on a page of one line); None when the page names none."""
    content_text = "\n".join(b.text for b in blocks if b.rows is None)
    shown = {_fold(b.text) for b in blocks if b.rows is None}
    title = _page_title(root, tags, content_text, shown)
    if title is not None:
        head = _fold(title)
        lead = next((i for i, b in enumerate(blocks[:3]) if _fold(b.text) == head), None)
        if lead is not None:
            del blocks[lead]
        blocks.insert(0, _Block("title", title))
    return title


def _cut_review(warnings: list[str]) -> tuple[str, ...]:
    return ("page-cut",) if any(w.startswith((_NESTED, _TOO_MANY)) for w in warnings) else ()


def _render_own(
    markup: str, warnings: list[str], page: lxml.html.HtmlElement, *, fallback: bool
) -> HtmlPage:
    """This module's own renderer over the whole page (scope, furniture rules, blocks); with
    no ``<h1>`` in its scope, the headline is the page's metadata's (``og:title``, else the
    ``<title>``: :func:`_put_title`; ``page``: the page as :func:`_parse` read it)."""
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True
    )
    data = markup.encode("utf-8", errors="replace")
    if any(w.startswith(_NESTED) for w in warnings):
        data = _flatten_deep(markup).encode("utf-8", errors="replace")
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return HtmlPage("", warnings=tuple(warnings))
    if root is None:
        return HtmlPage("", warnings=tuple(warnings))
    for scope in _scopes(root):
        h1 = _first_h1(scope)
        protected: set[_Element] = set()
        if h1 is not None:
            protected.add(h1)
            for ancestor in h1.iterancestors():
                if ancestor is scope:
                    break
                protected.add(ancestor)
        renderer = _Renderer(protected)
        leading = _leading_h1(root, scope) if scope.tag != "body" else None
        if leading is not None:
            renderer.title_seen = True
            renderer.blocks.append(_Block("title", leading))
        renderer.walk(scope)
        if renderer.truncated:
            warnings.append(
                f"{_TOO_MANY} {MAX_ELEMENTS:,} elements; only the text of the first ones was read"
            )
        if renderer.blocks:
            if not any(b.tag == "title" for b in renderer.blocks):
                _put_title(page, _meta_tags(page), renderer.blocks)
            review = _cut_review(warnings)
            if fallback:
                warnings.append(
                    "no main text stood out from the page's furniture: the text is everything "
                    "the page shows but its navigation, cookie notices and footers; check it"
                )
                review = ("page-fallback", *review)
            text, spans, tables = _assemble(renderer.blocks)
            return HtmlPage(text, spans, tables, renderer.metadata, tuple(warnings), review)
    return HtmlPage("", warnings=tuple(warnings))
