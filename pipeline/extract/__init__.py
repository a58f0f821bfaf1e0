"""Pure extractors: text (and reader hints) in, typed records with offsets out.

:func:`extract_all` runs them in the order their inputs need: paragraphs, then the ratings
tables (carved out as paragraphs of their own), quotations (which read the paragraphs), dates,
numbers (which skip dates), and last the section kinds (which read all of them). Site
boilerplate paragraphs give no dates or numbers. :func:`extract_each` runs the same stages
over several texts, each stage over all of them before the next (the main job's way).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar

from pipeline.extract.dates import find_dates
from pipeline.extract.numbers import find_numbers
from pipeline.extract.quotes import find_quotes
from pipeline.extract.scores import find_scores, label_spans, table_regions
from pipeline.extract.sections import carve, classify_sections, split_paragraphs
from pipeline.model import DateMention, NumberMention, Quote, Score, Section, Span

_Item = TypeVar("_Item", DateMention, NumberMention)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Every extractor's records for one text, each list sorted by ``start``."""

    sections: tuple[Section, ...]
    scores: tuple[Score, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateMention, ...]
    numbers: tuple[NumberMention, ...]


def _outside(items: Sequence[_Item], blocked: Sequence[Span]) -> list[_Item]:
    if not blocked:  # most releases: no site boilerplate and no ratings table
        return list(items)
    return [i for i in items if not any(b.start <= i.start < b.end for b in blocked)]


@dataclass(slots=True)
class _Work:
    """One text's hints and its results so far, stage by stage."""

    text: str
    blocks: Sequence[Span] = ()
    tables: Sequence[Sequence[Sequence[Span]]] = ()
    paragraphs: list[Span] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def extraction(self) -> Extraction:
        return Extraction(
            tuple(self.sections),
            tuple(self.scores),
            tuple(self.quotes),
            tuple(self.dates),
            tuple(self.numbers),
        )


def _paragraphs(w: _Work) -> None:
    w.paragraphs = split_paragraphs(w.text, w.blocks)


def _scores(w: _Work) -> None:
    w.scores = find_scores(w.text, w.tables)
    w.paragraphs = carve(w.text, w.paragraphs, table_regions(w.text, w.scores))


def _boilerplate(w: _Work) -> None:
    # the site's furniture among the paragraphs (tagged as they were split and carved)
    w.boilerplate = [p for p in w.paragraphs if p.tag == "boilerplate"]


def _quotes(w: _Work) -> None:
    w.quotes = find_quotes(w.text, w.paragraphs)


def _dates(w: _Work) -> None:
    w.dates = _outside(find_dates(w.text), w.boilerplate)


def _numbers(w: _Work) -> None:
    # a grade's rank (``| 4 - Good |``) and a row's number label the row: they count nothing
    blocked = [*w.boilerplate, *label_spans(w.text, w.scores)]
    w.numbers = _outside(find_numbers(w.text, w.dates), blocked)


def _sections(w: _Work) -> None:
    w.sections = classify_sections(w.text, w.paragraphs, w.scores, w.quotes, w.dates)


# The stages in the order their inputs need (see the module's docstring).
STAGES: Final[tuple[Callable[[_Work], None], ...]] = (
    _paragraphs,
    _scores,
    _boilerplate,
    _quotes,
    _dates,
    _numbers,
    _sections,
)


def extract_all(
    text: str,
    blocks: Sequence[Span] = (),
    tables: Sequence[Sequence[Sequence[Span]]] = (),
) -> Extraction:
    """Run every extractor over ``text``.

    Args:
        text: the release text (offsets index it).
        blocks: the reader's block spans (HTML paragraphs, headings, list items), if any.
        tables: the reader's table rows as cell spans (HTML tables), if any.
    """
    work = _Work(text, blocks, tables)
    for stage in STAGES:
        stage(work)
    return work.extraction()


@dataclass(frozen=True, slots=True)
class Task:
    """One text for :func:`extract_each`, with its reader's hints (as for :func:`extract_all`)."""

    text: str
    blocks: Sequence[Span] = ()
    tables: Sequence[Sequence[Sequence[Span]]] = ()


def extract_each(tasks: Sequence[Task]) -> list[Extraction | Exception]:
    """``extract_all`` over each task, each stage run over every text before the next; a
    text whose extractor raises gets the exception, and the others go on.

    The same records as ``extract_all`` text by text (a test holds it), in about three
    quarters of the time: each extractor is a large body of code (compiled rules, regular
    expressions), and one run over many texts keeps it in the processor's caches, where all
    of them over one text evict each other in turn (``benchmarks/stages.py``).
    """
    works = [_Work(t.text, t.blocks, t.tables) for t in tasks]
    failed: list[Exception | None] = [None] * len(works)
    for stage in STAGES:
        for i, work in enumerate(works):
            if failed[i] is None:
                try:
                    stage(work)
                except Exception as exc:
                    failed[i] = exc
    return [w.extraction() if exc is None else exc for w, exc in zip(works, failed, strict=True)]
