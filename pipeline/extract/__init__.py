"""Pure extractors: text (and reader hints) in, typed records with offsets out.

:func:`extract_all` runs them in the order their inputs need: paragraphs, then the ratings
tables (carved out as paragraphs of their own), quotations (which read the paragraphs), dates,
numbers (which skip dates), and last the section kinds (which read all of them). Site
boilerplate paragraphs give no dates or numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

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
    paragraphs = split_paragraphs(text, blocks)
    scores = find_scores(text, tables)
    paragraphs = carve(text, paragraphs, table_regions(text, scores))
    quotes = find_quotes(text, paragraphs)
    boilerplate = [p for p in paragraphs if p.tag == "boilerplate"]
    dates = _outside(find_dates(text), boilerplate)
    # a grade's rank (``| 4 - Good |``) and a row's number label the row: they count nothing
    numbers = _outside(find_numbers(text, dates), [*boilerplate, *label_spans(text, scores)])
    sections = classify_sections(text, paragraphs, scores, quotes, dates)
    return Extraction(tuple(sections), tuple(scores), tuple(quotes), tuple(dates), tuple(numbers))
