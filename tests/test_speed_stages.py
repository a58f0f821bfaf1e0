"""Stage by stage over many texts (the main job's way) gives what text by text gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import core
from pipeline.extract import Task, extract_all, extract_each
from pipeline.inputs import find_inputs, release_ids
from pipeline.read import read_file
from pipeline.render import render_release

from .conftest import FAIL_MARK, FIXTURES, ROOT, SEED

RELEASES = ROOT / "tests" / "data" / "releases"


def _tasks(*folders: Path) -> list[Task]:
    inputs, _ = find_inputs(list(folders))
    documents = [read_file(i.file) for i in inputs]
    return [Task(d.text, d.blocks, d.tables) for d in documents]


def test_extract_each_is_extract_all_text_by_text() -> None:
    tasks = _tasks(SEED, FIXTURES, RELEASES)
    assert len(tasks) > 40
    assert extract_each(tasks) == [extract_all(t.text, t.blocks, t.tables) for t in tasks]


# Lines of the shapes the extractors read, joined at random into texts.
LINES = st.sampled_from(
    [
        "Council approves budget",
        "Published 3 March 2025",
        "Leadership: Good",
        "Safeguarding | Outstanding",
        "Ann Cole, chief executive, said: “We are pleased with 12 new homes.”",
        "“It was a long day,” he said.",
        "The fund of £2.5m will run from April to June 2026.",
        "Notes to editors",
        "",
        "Half of the 40 schools were inspected in spring 2024.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(LINES, max_size=12).map("\n".join), max_size=6))
def test_extract_each_is_extract_all_on_random_texts(texts: list[str]) -> None:
    tasks = [Task(t) for t in texts]
    assert extract_each(tasks) == [extract_all(t) for t in texts]


@pytest.mark.usefixtures("quotes_fail_on_mark")
def test_a_text_whose_extractor_raises_costs_only_itself() -> None:
    good = _tasks(SEED)[0]
    tasks = [good, Task(good.text + FAIL_MARK), good]
    found = extract_each(tasks)
    assert isinstance(found[1], RuntimeError)
    assert found[0] == found[2] == extract_all(good.text)


def _fields(o: core.Outcome) -> tuple[object, ...]:
    error = None if o.error is None else (o.error.code, o.error.detail)
    return o.entry, o.result, error, o.warned


@pytest.mark.usefixtures("quotes_fail_on_mark")
def test_extract_inputs_together_gives_each_inputs_outcome_alone(tmp_path: Path) -> None:
    seed = next(SEED.glob("*.txt")).read_text("utf-8")
    (tmp_path / "a.txt").write_text(seed, "utf-8")
    (tmp_path / "b.txt").write_text(seed + FAIL_MARK, "utf-8")  # its extractor raises
    (tmp_path / "c.txt").write_text("", "utf-8")  # refused when read: empty
    (tmp_path / "d.html").write_text(f"<h1>Title</h1><p>{seed}</p>", "utf-8")
    for f in sorted(FIXTURES.iterdir())[:6]:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    inputs, _ = find_inputs([tmp_path])
    ids = release_ids(inputs)
    items = [(item, ids.at(at)) for at, item in enumerate(inputs)]
    steps = core.Steps(prepare=render_release)
    together = [_fields(o) for o in core.extract_inputs(items, steps)]
    alone = [_fields(core.extract_inputs([item], steps)[0]) for item in items]
    assert together == alone
    codes = {
        Path(i.shown).name: o[2] and o[2][0] for (i, _), o in zip(items, together, strict=True)
    }
    assert [codes[name] for name in ("a.txt", "b.txt", "c.txt", "d.html")] == [
        None,
        "internal",
        "empty",
        None,
    ]
    with pytest.raises(RuntimeError, match="extractor broke"):
        core.extract_inputs(items, core.Steps(debug=True))
