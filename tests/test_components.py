"""The spaCy side: the loader's component order and the optional span groups."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.components import COMPONENTS
from pipeline.core import extract_document
from pipeline.errors import ModelError
from pipeline.nlp import load
from pipeline.read import read_bytes

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
