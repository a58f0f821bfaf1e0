"""The spaCy side: the loader's component order and the optional span groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import pipeline
from pipeline import core
from pipeline.components import COMPONENTS
from pipeline.core import extract_document
from pipeline.errors import ModelError
from pipeline.nlp import load
from pipeline.read import read_bytes, read_file

from .conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "Inspection of Somewhere\n\nCriteria Score\nLeadership Good\nCasework Fair\n\n"
    "Inspector Mo Reed said: “Work is good.” Fieldwork was in May 2020 across ten sites."
)


def test_blank_english_with_the_release_components_in_order() -> None:
    nlp = load()
    assert nlp.lang == "en"
    assert tuple(nlp.pipe_names) == COMPONENTS


def test_release_spans_mirrors_every_record_as_a_span_group() -> None:
    nlp = load()
    nlp.add_pipe("release_spans")
    release = extract_document(nlp, read_bytes(TEXT.encode(), "x.txt"), "x")
    assert [s.criterion for s in release.scores] == ["Leadership", "Casework"]
    doc = nlp.make_doc(TEXT)
    from pipeline.components import HINTS, KEY_PREFIX

    doc.user_data[KEY_PREFIX + HINTS] = {}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s.text for s in doc.spans["scores"]] == ["Leadership Good", "Casework Fair"]
    assert [s.label_ for s in doc.spans["sections"]][:2] == ["title", "table"]
    assert [s.text for s in doc.spans["dates"]] == ["May 2020"]
    assert [s.text for s in doc.spans["numbers"]] == ["ten"]


def test_a_model_that_is_not_installed_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="not_a_real_model"):
        load("not_a_real_model")


def test_library_api_round_trip() -> None:
    release = pipeline.extract_text(TEXT, release_id="r1")
    assert release.release_id == "r1"
    assert release.quotes[0].speaker == "Mo Reed"
    for item in (*release.sections, *release.dates, *release.numbers):
        assert release.text[item.start : item.end] == item.text


# --- a component that fails on one input ----------------------------------------------------


@Language.component("test_fails_on_marker")
def fails_on_marker(doc: Doc) -> Doc:
    if "FAIL-HERE" in doc.text:
        raise RuntimeError("component broke\non this input")
    return doc


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_a_failing_component_costs_only_its_own_input(tmp_path: Path, batch_size: int) -> None:
    for name, extra in [("a", ""), ("b", " FAIL-HERE"), ("c", ""), ("d", " FAIL-HERE"), ("e", "")]:
        (tmp_path / f"{name}.txt").write_text(TEXT + extra, encoding="utf-8")
    nlp = load()
    nlp.add_pipe("test_fails_on_marker", after="release_scores")
    report = core.run([tmp_path], nlp=nlp, batch_size=batch_size)
    assert [r.release_id for r in report.releases] == ["a", "c", "e"]
    assert all(r.scores and r.quotes for r in report.releases)
    assert [(e.path.rsplit("/", 1)[-1], e.code) for e in report.errors] == [
        ("b.txt", "internal"),
        ("d.txt", "internal"),
    ]
    assert "RuntimeError: component broke on this input" in report.errors[0].detail
    statuses = {e["path"].rsplit("/", 1)[-1]: e["status"] for e in report.manifest["inputs"]}
    assert statuses == {
        "a.txt": "ok",
        "b.txt": "error",
        "c.txt": "ok",
        "d.txt": "error",
        "e.txt": "ok",
    }
    with pytest.raises(RuntimeError, match="component broke"):
        core.run([tmp_path], nlp=nlp, batch_size=batch_size, debug=True)


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_batches_give_the_same_records_as_one_at_a_time(batch_size: int) -> None:
    inputs = [ROOT / "raw", FIXTURES]
    nlp = load()
    one_by_one = core.run(inputs, nlp=nlp, batch_size=1).releases
    assert core.run(inputs, nlp=nlp, batch_size=batch_size).releases == one_by_one
    paths = sorted(p for d in inputs for p in d.iterdir() if p.suffix in core.SUFFIXES)
    assert [
        extract_document(nlp, read_file(p, shown=p.as_posix()), r.release_id)
        for p, r in zip(paths, one_by_one, strict=True)
    ] == one_by_one


def test_big_texts_end_a_batch_early(monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = [FIXTURES]
    nlp = load()
    whole = core.run(inputs, nlp=nlp).releases
    sizes: list[int] = []
    real = core.extract_batch

    def counting(*args: Any, **kwargs: Any) -> Any:
        sizes.append(len(args[1]))
        return real(*args, **kwargs)

    monkeypatch.setattr(core, "extract_batch", counting)
    monkeypatch.setattr(core, "BATCH_CHARS", 5000)  # two or three fixtures' worth
    assert core.run(inputs, nlp=nlp).releases == whole
    assert sum(sizes) == len(whole) and 1 < max(sizes) < len(whole) and len(sizes) > 3


def test_batch_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        core.run([ROOT / "raw"], nlp=load(), batch_size=0)
