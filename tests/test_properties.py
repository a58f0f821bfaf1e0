"""Properties over arbitrary text and mutated real releases: no extractor raises, every offset
points at its text, and extraction is deterministic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline import core
from pipeline.errors import InputError
from pipeline.model import Release, Source
from pipeline.read import Document
from pipeline.render import release_dict

from .conftest import FIXTURES

if TYPE_CHECKING:
    pass

ROOT = Path(__file__).resolve().parents[1]
RELEASES = sorted([*(ROOT / "raw").glob("*.txt"), *(FIXTURES).glob("*.txt")])
TEXTS = [p.read_text(encoding="utf-8") for p in RELEASES]
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces of release language, so that random text reaches deep into the extractors.
PIECES = [
    "\n", "\n\n", " ", "\t", "\f", "\u00a0", "\u200b", "“", "”", "‘", "’", '"', "'", ":",
    "said:", " said ", "Chief Inspector", "Kevin McGinty", ", Chief Inspector of the HMCPSI,",
    "Criteria Score\n", "Criteria | Score\n", " Good", " Fair", " Poor", " Excellent",
    " Requires improvement", " Outstanding", "Leadership", "120", "1,100", "17", " per cent",
    "%", "£1.1 billion", "£", "ten", "five", "million", "between April and June 2016",
    "13 December 2016", "September", "2015–16", "2016", "–", "-", "(", ")", ".", ",", "# ",
    "* ", "| ", "magistrates’ courts", "files", "cases", "Inspectors found",
]  # fmt: skip
# Characters that str.strip() removes but a regex \s does not: paragraphs of only these once
# crashed sections.py (see test_paragraph_of_odd_line_separators).
ODD_SEPARATORS = "\x1c\x1d\x1e\x1f\x85\u2028\u2029"
# No lone surrogates: no decoded file holds one (extract_text's own test adds them).
chars = st.characters(blacklist_categories=["Cs"])
release_like = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(chars, max_size=4)), max_size=80
).map("".join)
any_text = st.one_of(st.text(chars, max_size=300), release_like)


def check_offsets(release: Release) -> None:
    text = release.text
    for item in (*release.sections, *release.dates, *release.numbers):
        assert 0 <= item.start < item.end <= len(text), item
        assert text[item.start : item.end] == item.text, item
    for item in (*release.scores, *release.quotes):
        assert 0 <= item.start < item.end <= len(text), item
    starts = [s.start for s in release.sections]
    assert starts == sorted(starts)
    for a, b in zip(release.sections, release.sections[1:], strict=False):
        assert a.end <= b.start, (a, b)
    assert sum(s.kind == "title" for s in release.sections) <= 1
    assert all(isinstance(w, str) and "\n" not in w for w in release.warnings)


def extract_raw(text: str) -> Release:
    """The pipeline on ``text`` exactly as given (no decoding, no newline change)."""
    source = Source(path="x.txt", sha256="", bytes=len(text), encoding="utf-8", format="text")
    return core.extract_document(Document(text=text, source=source), "x")


@SETTINGS
@given(any_text)
def test_no_extractor_raises_and_offsets_hold_on_any_text(text: str) -> None:
    release = extract_raw(text)
    assert release.text == text
    check_offsets(release)


@SETTINGS
@given(st.one_of(any_text, st.text(max_size=300)))
def test_extract_text_extracts_or_refuses(text: str) -> None:
    try:
        release = pipeline.extract_text(text)
    except InputError as error:
        assert error.code in {"empty", "binary"}
        return
    check_offsets(release)


@SETTINGS
@given(any_text)
def test_extraction_is_deterministic(text: str) -> None:
    first, second = extract_raw(text), extract_raw(text)
    assert first == second
    assert json.dumps(release_dict(first)) == json.dumps(release_dict(second))


# --- mutated real releases -------------------------------------------------------------------


@st.composite
def mutated_release(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "duplicate", "swap", "unquote", "join", "split"]))
        if op == "drop":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "unquote":
            marks = draw(st.sampled_from(["“", "”", '"', "“”", '“”‘’"']))
            lines[i] = lines[i].translate({ord(c): None for c in marks})
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + " " + lines[i + 1]]
        elif op == "split" and lines[i]:
            k = draw(st.integers(0, len(lines[i])))
            lines[i : i + 1] = [lines[i][:k], lines[i][k:]]
    if draw(st.booleans()):  # remove every quotation mark of one kind
        mark = draw(st.sampled_from(["“", "”", "’"]))
        lines = [line.replace(mark, "") for line in lines]
    return "\n".join(lines)


@SETTINGS
@given(mutated_release())
def test_mutated_releases_extract_with_offsets_that_hold(text: str) -> None:
    release = extract_raw(text)
    check_offsets(release)
    assert release == extract_raw(text)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "<p>", "</p>", "<h1>", "<b>", "&amp;", "<table>"])))
def test_html_pieces_extract_or_refuse(pieces: list[str]) -> None:
    try:
        release = pipeline.extract_text("<html><body>" + "".join(pieces), fmt="html")
    except InputError as error:
        assert error.code == "empty"
        return
    check_offsets(release)


@pytest.mark.parametrize("separator", [*ODD_SEPARATORS, "\r", "\f", "\v"])
def test_paragraph_of_odd_line_separators(separator: str) -> None:
    text = f"A title here\n\n{separator}\n\nInspectors found the Area good."
    check_offsets(pipeline.extract_text(text))
    check_offsets(extract_raw(text))
    check_offsets(extract_raw(separator))


def test_the_real_releases_themselves() -> None:
    for text in TEXTS:
        release = pipeline.extract_text(text)
        check_offsets(release)
        assert release == pipeline.extract_text(text)
