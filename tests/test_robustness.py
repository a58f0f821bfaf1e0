"""Bad input and hostile content, end to end: encodings, names, HTML, and big inputs.

Big inputs: every shape of text is extracted to the end with every offset holding. No test
here times anything: the time and memory bounds per shape (linear in the input) are measured
by ``benchmarks/hostile.py`` and stated in the README. By default each shape runs at 1 MB
(and two at the full 5 MB: one line, 200,000 lines) to keep the suite fast;
``PIPELINE_BIG=1`` runs every shape at 5 MB.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import pipeline
from pipeline import core
from pipeline.errors import InputError
from pipeline.inputs import Input, release_ids
from pipeline.read import DEFAULT_MAX_BYTES, read_file
from tests.bounds import MB
from tests.test_properties import check_offsets

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "000_e652adb531517c63.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
BIG = os.environ.get("PIPELINE_BIG") == "1"


def facts(release: pipeline.Release) -> dict[str, list[tuple[Any, ...]]]:
    """What the encoding tests compare: values and offsets of every item."""
    return {
        "scores": [(s.criterion, s.score, s.start, s.end) for s in release.scores],
        "quotes": [(q.speaker, q.role, q.text, q.start, q.end) for q in release.quotes],
        "dates": [(d.text, d.start_date, d.end_date, d.start, d.end) for d in release.dates],
        "numbers": [(n.text, n.value, n.unit, n.start, n.end) for n in release.numbers],
        "sections": [(s.kind, s.start, s.end) for s in release.sections],
    }


# --- encodings and line ends -----------------------------------------------------------------

LATIN1_SEED = SEED_TEXT.translate(str.maketrans("“”‘’", "\"\"''"))
ENCODINGS = {  # file name -> (text it holds, codec)
    "utf-8": (SEED_TEXT, "utf-8"),
    "utf-8-bom": (SEED_TEXT, "utf-8-sig"),
    "utf-16": (SEED_TEXT, "utf-16"),
    "cp1252": (SEED_TEXT, "cp1252"),
    "latin-1": (LATIN1_SEED, "latin-1"),
}
LINE_ENDS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


@pytest.fixture(scope="module")
def reencoded(tmp_path_factory: pytest.TempPathFactory) -> core.RunReport:
    folder = tmp_path_factory.mktemp("encodings")
    for name, (text, codec) in ENCODINGS.items():
        for end_name, end in LINE_ENDS.items():
            data = text.replace("\n", end).encode(codec)
            (folder / f"{name}-{end_name}.txt").write_bytes(data)
    return core.run([folder])


def test_every_encoding_and_line_end_is_extracted(reencoded: core.RunReport) -> None:
    assert not reencoded.errors
    assert len(reencoded.releases) == len(ENCODINGS) * len(LINE_ENDS)


@pytest.mark.parametrize("name", list(ENCODINGS))
@pytest.mark.parametrize("end_name", list(LINE_ENDS))
def test_reencoded_seed_gives_the_same_record(
    reencoded: core.RunReport, name: str, end_name: str
) -> None:
    text, codec = ENCODINGS[name]
    by_id = {r.release_id: r for r in reencoded.releases}
    release = by_id[f"{name}-{end_name}"]
    original = pipeline.extract_text(text)
    assert release.text == text  # decoded, \r\n and \r turned into \n, nothing else
    assert facts(release) == facts(original)
    assert release.title == original.title
    assert len(release.scores) == 7 and len(release.quotes) == 1
    assert release.source.encoding == ("latin-1" if name == "latin-1" else codec)


def test_latin1_variant_keeps_the_seed_facts() -> None:
    # Straight quotes instead of curly ones change no score, date or number.
    plain, curly = pipeline.extract_text(LATIN1_SEED), pipeline.extract_text(SEED_TEXT)
    assert facts(plain)["dates"] == facts(curly)["dates"]
    assert [(s.criterion.replace("’", "'"), s.score) for s in curly.scores] == [
        (s.criterion, s.score) for s in plain.scores
    ]
    assert [q.speaker for q in plain.quotes] == [q.speaker for q in curly.quotes]


def test_tabs_form_feeds_and_odd_spaces_are_kept_and_read_through() -> None:
    text = (
        SEED_TEXT.replace("Criteria Score", "\fCriteria\tScore")
        .replace("Effectiveness of leadership Good", "Effectiveness of leadership\tGood")
        .replace("Inspectors praised", "Inspectors\u00a0praised\u200b")
    )
    release = pipeline.extract_text(text)
    assert release.text == text  # nothing normalised
    seed = pipeline.extract_text(SEED_TEXT)
    assert [(s.criterion, s.score) for s in release.scores] == [
        (s.criterion, s.score) for s in seed.scores
    ]
    assert [q.speaker for q in release.quotes] == [q.speaker for q in seed.quotes]
    for item in (*release.sections, *release.dates, *release.numbers):
        assert text[item.start : item.end] == item.text


def test_utf16_crlf_file_offsets_index_the_text(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED_TEXT.replace("\n", "\r\n").encode("utf-16"))
    release = pipeline.extract_file(path)
    assert release.text == SEED_TEXT
    for q in release.quotes:
        assert 0 <= q.start < q.end <= len(release.text)


# --- a release that decodes but holds no release structure ------------------------------------


@pytest.mark.parametrize(
    "text",
    ["just some words", "12345", "“", "\u200b\u200b x", '=HYPERLINK("http://x")', "a\fb\tc"],
)
def test_text_without_release_structure_gets_a_record_with_warnings(text: str) -> None:
    release = pipeline.extract_text(text)
    assert release.text == text
    assert release.warnings
    assert not release.scores


# --- release ids -------------------------------------------------------------------------------


def _ids(*names: str) -> list[str]:
    inputs = [Input(Path(n), n) for n in sorted(names)]
    ids = release_ids(inputs)
    return [ids[n] for n in sorted(names)]


def test_ids_never_escape_and_never_collide() -> None:
    names = [
        "../x.txt",
        "a b.txt",
        "a-b.txt",
        "..txt",
        "...txt",
        "café.txt",
        "日本.txt",
        "a/x.txt",
        "b/x.txt",
        "b/X.html",
        "a/a-b-2.txt",
        "a\nb.txt",
        "x" * 300 + ".txt",
    ]
    ids = _ids(*names)
    assert len(set(ids)) == len(ids)
    assert len({i.casefold() for i in ids}) == len(ids)  # case-insensitive disks too
    for rid in ids:
        assert rid.strip(".") and "/" not in rid and "\\" not in rid
        assert all(c.isascii() and (c.isalnum() or c in "._-") for c in rid)
        assert len(rid) + len(".json") < 255


def test_same_stem_in_two_folders_gets_a_suffix() -> None:
    assert _ids("a/x.txt", "b/x.txt") == ["x", "x-2"]
    assert _ids("a b.txt", "a-b.txt") == ["a-b", "a-b-2"]
    assert _ids("..txt") == ["release."]


def test_same_stem_in_two_folders_both_survive(tmp_path: Path) -> None:
    for sub in ("a", "b", "c d"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "seed.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "c d" / "..txt").write_text(SEED_TEXT, encoding="utf-8")
    report = core.run([tmp_path])
    assert sorted(r.release_id for r in report.releases) == [
        "release.",
        "seed",
        "seed-2",
        "seed-3",
    ]


# --- HTML: nothing runs, nothing is fetched, bounded ------------------------------------------


@contextmanager
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pipeline tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


HOSTILE_PAGE = """<!DOCTYPE html>
<html><head><title>t</title>
<script>document.write("SCRIPT RAN")</script>
<script src="http://example.invalid/x.js"></script>
<link rel="stylesheet" href="http://example.invalid/x.css">
<style>body { background: url(http://example.invalid/x.png) }</style>
<meta http-equiv="refresh" content="0; url=http://example.invalid/">
</head>
<body onload="alert('ONLOAD RAN')">
<main>
<h1>Inspection of CPS Lowmere &amp; District</h1>
<p>Inspectors rated the Area &lsquo;good&rsquo; &#8211; &pound;1.1 billion &nbsp;spent.
<img src="http://example.invalid/pixel.gif" onerror="alert('IMG RAN')">
<iframe src="http://example.invalid/frame"></iframe>
<p>Chief Inspector, Kevin McGinty, said: &ldquo;It is vital.&rdquo;
<table><tr><td>Criteria<td>Score<tr><td>Leadership<td>Good</table>
<p>Broken <b><i>markup</b></i> <unknown-tag>kept</unknown-tag> &bogus; &#xZZ;
<svg><script>alert('SVG RAN')</script></svg>
</main>
"""


def test_hostile_html_runs_nothing_and_fetches_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "page.html"
    path.write_text(HOSTILE_PAGE, encoding="utf-8")
    with no_network(monkeypatch):
        release = pipeline.extract_file(path)
    assert "RAN" not in release.text
    assert "http://example.invalid" not in release.text
    assert release.title == "Inspection of CPS Lowmere & District"
    assert "‘good’ – £1.1 billion" in release.text
    assert "Broken markup kept" in release.text
    assert [(s.criterion, s.score) for s in release.scores] == [("Leadership", "Good")]
    assert [q.speaker for q in release.quotes] == ["Kevin McGinty"]
    for item in (*release.sections, *release.dates, *release.numbers):
        assert release.text[item.start : item.end] == item.text


def test_fifty_megabyte_page_is_refused_by_size_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.write(b"<html><body>")
        fh.truncate(50 * 1024 * 1024)  # sparse: nothing to read, and it is never read
    opened: list[str] = []
    real_open = os.open

    def watch(p: Any, *args: Any, **kwargs: Any) -> int:
        opened.append(os.fspath(p))
        return real_open(p, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "open", watch)
        with pytest.raises(InputError) as info:
            read_file(path)
    assert opened == []  # refused on its size alone
    assert info.value.code == "too-large"
    assert "--max-bytes" in str(info.value)


def test_ten_megabyte_page_of_nested_tags_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    body = b"<div><span><b>" * 700_000
    path.write_bytes(b"<html><body><main><h1>Deep page</h1><p>Kept first.</p>" + body + b"x")
    assert path.stat().st_size <= DEFAULT_MAX_BYTES
    release = core.extract_document(read_file(path), "nested")
    assert release.title == "Deep page"
    assert "Kept first." in release.text


# --- big inputs: extracted to the end, every offset holding ---------------------------------------


def fill(unit: str, size: int, sep: str = "") -> str:
    piece = unit + sep
    return (piece * (size // len(piece) + 1))[:size]


# Each shape fills ``size`` characters; "lines" shapes are lines of about 25 characters
# (5 MB of them is 200,000 lines).
SHAPES: dict[str, Callable[[int], str]] = {
    "table, one line": lambda n: "Criteria Score " + fill("Effectiveness of leadership Good ", n),
    "table, short lines": lambda n: "Criteria Score\n" + fill("Performance data Fair", n, "\n"),
    "quotes without closers, one line": lambda n: fill("“It is vital that victims ", n),
    "quotes without closers, short lines": lambda n: fill("“It is vital, he said:", n, "\n"),
    "numbers, one line": lambda n: fill("120 files, 17 per cent, £1.1 billion, ten courts; ", n),
    "numbers, short lines": lambda n: fill("120 courts and 17% of £1m", n, "\n"),
    "dates, one line": lambda n: fill("between April and June 2016, 13 December 2016; ", n),
    "prose, short lines": lambda n: fill("Inspectors found it good.", n, "\n"),
    "punctuation, no spaces": lambda n: fill("((((%%%%))))", n),
    "year ranges, no spaces": lambda n: fill("2015–", n),
}
# Shapes dense in quotations, datelines or attribution lines: each was once quadratic
# (paragraphs x items, or a long search per quotation).
DENSE_SHAPES: dict[str, Callable[[int], str]] = {
    "'Name said:' lines": lambda n: fill("Kevin McGinty said:", n, "\n"),
    "dates, short lines": lambda n: fill("13 December 2016", n, "\n"),
    "quote marks, no spaces": lambda n: fill("“(%”)", n),
    # A pronoun's quotation after narrative with no stop: the narrative's sentences are read.
    "narrative with no stop, then 'He said:'": lambda n: (
        fill("word ", n)
        + " “a quotation of many words here,” he said.\n\nHe said: “Another one of many words.”"
    ),
}


def extract_whole(text: str) -> pipeline.Release:
    """Extract ``text``; the record keeps all of it and every item's offsets hold."""
    release = pipeline.extract_text(text)
    assert len(release.text) == len(text)
    check_offsets(release)
    return release


@pytest.mark.parametrize("shape", list(SHAPES))
def test_big_input_is_extracted_whole(shape: str) -> None:
    extract_whole(SHAPES[shape](5 * MB if BIG else MB))


@pytest.mark.parametrize("shape", ["table, one line", "quotes without closers, short lines"])
def test_five_megabytes_on_one_line_or_in_200000_lines_are_extracted(shape: str) -> None:
    text = SHAPES[shape](5 * MB)
    assert text.count("\n") == 0 or text.count("\n") >= 200_000
    extract_whole(text)


@pytest.mark.parametrize("shape", sorted(DENSE_SHAPES))
def test_dense_shapes_are_extracted_whole(shape: str) -> None:
    extract_whole(DENSE_SHAPES[shape](5 * MB if BIG else MB // 10))


def test_texts_over_a_million_characters_are_extracted() -> None:
    text = SEED_TEXT + "\n\n" + fill("Inspectors found it good.", 1_100_000, "\n")
    assert len(text) > 1_000_000  # spaCy's default max_length: the main path has no such limit
    release = pipeline.extract_text(text)
    assert len(release.scores) == 7
