"""HTML -> the contract ``text``: the visible main content, one paragraph per block.

Rendering rules (the README repeats them):

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

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from lxml import etree

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

_WS_RE = re.compile(r"[ \t\n\r\f]+")
_TOKEN_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SNAKE_RE = re.compile(r"[^0-9a-z]+")

# A buffer of inline text: strings, and None for a <br> that makes a line break.
_Parts = list[str | None]


def _collapse(parts: _Parts | list[str]) -> str:
    return _WS_RE.sub(" ", "".join(p if p is not None else " " for p in parts)).strip(" ")


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
    return "".join(el.itertext())


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

    def walk(self, scope: _Element) -> None:
        root = _Flow(self)
        if scope.text:
            root.text(scope.text)
        stack: list[tuple[_Element, Iterator[_Element], _Sink, _OnEnd]] = [
            (scope, iter(scope), root, None)
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
                if stack and el.tail:
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
            if child.tail:
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


def render_html(markup: str) -> HtmlPage:
    """Render an HTML page's visible main content as the contract ``text``.

    Args:
        markup: the decoded page (any declared charset is ignored: it is already text).

    Returns:
        The :class:`HtmlPage`; its ``text`` is empty when the page shows nothing.
    """
    # libxml2's HTML parser never fetches anything and expands no external entities; the
    # document is handed over as UTF-8 so that a stale <meta charset> cannot re-decode it.
    # huge_tree lifts the nesting limit from 256 to 2048 levels; real pages with unclosed
    # inline tags can go past 256.
    parser = etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,
    )
    try:
        root = etree.fromstring(markup.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return HtmlPage("")
    if root is None:  # nothing but white space or comments
        return HtmlPage("")
    warnings: list[str] = []
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        warnings.append(
            "the HTML is nested too deeply to read in full (over 2048 levels); "
            "the text after that point is missing"
        )
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
                f"the HTML page has more than {MAX_ELEMENTS:,} elements; only the text of the "
                "first ones was read"
            )
        if renderer.blocks:
            text, spans, tables = _assemble(renderer.blocks)
            return HtmlPage(text, spans, tables, renderer.metadata, tuple(warnings))
    return HtmlPage("", warnings=tuple(warnings))
