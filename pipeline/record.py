"""The one exporter: extractor results -> the contract ``Release`` record.

Warnings are built here, from a code and a template, in words a user understands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from pipeline.extract import Extraction
from pipeline.extract.sections import headline_words, title_text
from pipeline.model import Quote, Release, Score, Section, Source
from pipeline.normalize import MAX_EXACT, headline_text

WARNINGS: Final = {
    "no-title": "no headline found: the release does not open with a short headline line",
    "no-scores": "no ratings table found",
    "unknown-scale": "ratings table {table} uses grades that fit no known rating scale "
    "({grades}); score_value left empty (add the scale to pipeline/data/scales.json)",
    "no-speaker": "quotation at character {start} has no attributed speaker",
    "year-inferred": "date '{text}' gives no year; read as {year}, the release's own year",
    "no-year": "date '{text}' gives no year and the release states none; left empty",
    "unparsed-number": "could not read a value for '{text}'; left empty",
    "huge-number": "'{text}' is too large for a JSON number to hold exactly (over 2^53); "
    "value left empty, the text keeps it",
    "no-structure": "no release structure found (no headline, ratings, quotations or dates)",
}


# Why a person should check a release: short stable codes, in this order (README: Review).
REVIEW: Final = {
    "no-title": "no headline found",
    "title-after-furniture": "the headline was taken after site furniture (skip links, "
    "toolbars, breadcrumbs, cookie notices) that was skipped",
    "title-label-cut": "a label or page-tool links were cut from the headline line "
    "(`Press release: …`, `… PDF Print E-mail`)",
    "title-in-run-on-text": "the headline was cut from a line that runs on into the body "
    "(a release flattened onto one line)",
    "unknown-scale": "a ratings table whose grades fit no known scale",
    "quote-no-speaker": "a quotation without a speaker",
    # From the reader (pipeline.read, pipeline.html):
    "page-text-small": "the main text kept is a small share of the text the web page shows: "
    "its body may have been lost",
    "page-fallback": "no main text stood out from the web page's furniture: the text is the "
    "whole page less its navigation and footers",
    "page-cut": "the web page's markup was cut (too many elements) or flattened (nested too deep)",
    "text-repaired": "bytes or characters that were not valid text were replaced, or mojibake "
    "repaired",
}


def review_reasons(
    text: str,
    title: str | None,
    sections: Sequence[Section],
    scores: Sequence[Score],
    quotes: Sequence[Quote],
    reader_review: Sequence[str] = (),
) -> tuple[str, ...]:
    """The codes of ``REVIEW`` that apply to a release, in that order (each at most once);
    ``reader_review`` holds those the reader found (a web page's, a repaired text's)."""
    found: set[str] = set(reader_review)
    head = next((i for i, s in enumerate(sections) if s.kind == "title"), None)
    if title is None:
        found.add("no-title")
    elif head is not None:
        section = sections[head]
        if any(s.boilerplate for s in sections[:head]):
            found.add("title-after-furniture")
        if title != headline_words(section.text):
            found.add("title-label-cut")
        if not _on_lines_of_its_own(text, section.start, section.end):
            found.add("title-in-run-on-text")
    if any(s.scale is None for s in scores):
        found.add("unknown-scale")
    if any(q.speaker is None for q in quotes):
        found.add("quote-no-speaker")
    return tuple(code for code in REVIEW if code in found)


def _on_lines_of_its_own(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has only blanks (spaces, tabs, no-break and zero-width
    spaces) between it and the line breaks or the text's ends around it: a headline copied
    with a space after it (``Council approves budget `` and a line break) is on a line of its
    own; one cut from a line that runs on into the body is not."""
    while start > 0 and _is_line_blank(text[start - 1]):
        start -= 1
    while end < len(text) and _is_line_blank(text[end]):
        end += 1
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def _is_line_blank(c: str) -> bool:
    return c != "\n" and (c.isspace() or c in "\u200b\ufeff")


def warning(code: str, **fields: object) -> str:
    """Render warning ``code`` with its fields, each on one line (a quoted text's line breaks
    and runs of white space become one space)."""
    one_line = {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in fields.items()}
    return WARNINGS[code].format(**one_line)


def _cut(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def to_release(
    found: Extraction,
    *,
    text: str,
    release_id: str,
    source: Source,
    metadata: dict[str, str] | None = None,
    reader_warnings: tuple[str, ...] = (),
    reader_review: tuple[str, ...] = (),
) -> Release:
    """The ``Release`` of ``text`` from its extractors' results."""
    sections, scores, quotes = found.sections, found.scores, found.quotes
    dates, numbers = found.dates, found.numbers
    title = next((title_text(s.text) for s in sections if s.kind == "title"), None)
    standfirst = next((headline_text(s.text) for s in sections if s.kind == "standfirst"), None)

    warnings = list(reader_warnings)
    if title is None:
        warnings.append(warning("no-title"))
    if not scores:
        warnings.append(warning("no-scores"))
    for t in sorted({s.table for s in scores if s.scale is None}):
        grades = ", ".join(sorted({s.score for s in scores if s.table == t}))
        warnings.append(warning("unknown-scale", table=t + 1, grades=grades))
    warnings.extend(warning("no-speaker", start=q.start) for q in quotes if q.speaker is None)
    for d in dates:
        if getattr(d, "year_inferred", False):
            if d.start_date:
                warnings.append(warning("year-inferred", text=d.text, year=d.start_date[:4]))
            else:
                warnings.append(warning("no-year", text=d.text))
    warnings.extend(warning("unparsed-number", text=n.text) for n in numbers if n.value is None)
    huge = {i for i, n in enumerate(numbers) if n.value is not None and abs(n.value) > MAX_EXACT}
    if huge:  # kept as text, not as a value a JSON reader would round or refuse
        warnings.extend(warning("huge-number", text=_cut(numbers[i].text)) for i in sorted(huge))
        numbers = tuple(replace(n, value=None) if i in huge else n for i, n in enumerate(numbers))
    if title is None and not scores and not quotes and not dates:
        warnings.append(warning("no-structure"))

    return Release(
        release_id=release_id,
        source=source,
        text=text,
        title=title,
        standfirst=standfirst,
        sections=sections,
        scores=scores,
        quotes=quotes,
        dates=dates,
        numbers=numbers,
        warnings=tuple(warnings),
        metadata=dict(metadata or {}),
        review=review_reasons(text, title, sections, scores, quotes, reader_review),
    )
