"""The spaCy adapter: the ``release`` component on a blank pipeline, and ``--model``'s entities
with a pipeline the test builds and saves itself (nothing is downloaded)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

import pipeline
from pipeline import spacy_components
from pipeline.cli import app
from pipeline.spacy_components import SPAN_KEYS, EntityAnnotator, speaker_is_person

from .conftest import FIXTURES, SEED

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

TEXT = (
    "Inspection of Westford Probation Service\n\n"
    "Criteria Score\nLeadership Good\nCasework Requires improvement\n\n"
    "Chief Inspector Nell Varga said: “Staff in Westford have worked hard since the last "
    "visit.”\n\n"
    "Tam Oduya, the area director, said: “We accept every one of the findings.”\n\n"
    "Fieldwork took place in March 2021 across 14 offices and 2 courts."
)


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    blank = spacy.blank("en")
    blank.add_pipe("release")
    return blank


def test_the_component_sets_the_record_and_a_span_group_per_kind(
    nlp: spacy.language.Language,
) -> None:
    doc = nlp(TEXT)
    release = doc._.release
    assert release.title == "Inspection of Westford Probation Service"
    for key in SPAN_KEYS:
        records = getattr(release, key)
        spans = doc.spans[key]
        assert len(spans) == len(records) > 0, key
        for span, record in zip(spans, records, strict=True):
            # widened to whole tokens, never narrowed
            assert span.start_char <= record.start < record.end <= span.end_char
    assert [s.label_ for s in doc.spans["numbers"]] == ["cardinal", "cardinal"]
    assert [s.label_ for s in doc.spans["dates"]] == ["month"]
    assert {s.label_ for s in doc.spans["quotes"]} == {"quote"}
    assert doc.spans["sections"][0].label_ == "title"


def test_the_record_is_the_one_the_main_path_gives() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("release", config={"release_id": "seed"})
    for path in [*sorted(SEED.glob("*.txt")), *sorted(FIXTURES.glob("*.txt"))[:6]]:
        text = path.read_text("utf-8")
        from_doc = blank(text)._.release
        plain = pipeline.extract_text(text, release_id="seed")
        assert from_doc.release_id == "seed"
        for key in (*SPAN_KEYS, "title", "standfirst", "warnings", "text"):
            assert getattr(from_doc, key) == getattr(plain, key), (path.name, key)


def test_the_factory_declares_what_it_assigns(nlp: spacy.language.Language) -> None:
    summary = nlp.analyze_pipes()["summary"]["release"]
    assert summary["assigns"] == ["doc.spans", "doc._.release"]


def test_a_trained_pipeline_keeps_its_own_work(tmp_path: Path) -> None:
    trained = spacy.blank("en")
    ruler = trained.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Nell Varga"}])
    trained.add_pipe("release")
    doc = trained(TEXT)
    assert [e.text for e in doc.ents] == ["Nell Varga"]
    assert doc._.release.quotes[0].speaker == "Nell Varga"


def test_spacy_stays_off_the_main_path() -> None:
    code = (
        "import sys, pipeline, pipeline.cli, pipeline.core\n"
        "pipeline.extract_text('Title\\n\\nBody text of the release.')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('spacy', 'pandas', 'openpyxl')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- --model ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pipeline folder: blank English with an entity ruler, as ``spacy.load`` takes it."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Nell Varga"},
            {"label": "GPE", "pattern": "Westford"},
        ]
    )
    folder = tmp_path_factory.mktemp("model") / "westford_ner"
    nlp.to_disk(folder)
    return folder


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "westford.txt").write_text(TEXT, encoding="utf-8")
    (folder / "seed.txt").write_text(next(SEED.glob("*.txt")).read_text("utf-8"), encoding="utf-8")
    return folder


def test_model_adds_entities_and_checks_speakers(tmp_path: Path, model: Path, inputs: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(inputs), "-o", str(out), "--model", str(model)])
    assert result.exit_code == 0, result.output
    record = json.loads((out / "json" / "westford.json").read_text("utf-8"))
    entities = record["entities"]
    assert [(e["label"], e["text"]) for e in entities] == [
        ("GPE", "Westford"),
        ("PERSON", "Nell Varga"),
        ("GPE", "Westford"),
    ]
    for e in entities:
        assert record["text"][e["start"] : e["end"]] == e["text"]
    # Nell Varga is a PERSON entity; Tam Oduya is not one the model knows.
    speaker_warnings = [w for w in record["warnings"] if "PERSON" in w]
    assert speaker_warnings == [
        f"quotation at character {record['quotes'][1]['start']}: speaker 'Tam Oduya' is not a "
        f"PERSON entity of the model {model}"
    ]


def test_without_model_the_output_has_no_entities(tmp_path: Path, inputs: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(inputs), "-o", str(out), "-q"]).exit_code == 0
    assert '"entities"' not in (out / "releases.jsonl").read_text("utf-8")


def test_model_with_jobs_gives_the_same_files(tmp_path: Path, model: Path, inputs: Path) -> None:
    for jobs in ("1", "2"):
        args = ["extract", str(inputs), "-o", str(tmp_path / jobs), "--model", str(model)]
        assert runner.invoke(app, [*args, "--jobs", jobs]).exit_code == 0
    one, two = (tmp_path / "1" / "releases.jsonl"), (tmp_path / "2" / "releases.jsonl")
    assert one.read_bytes() == two.read_bytes()


def test_a_model_without_person_labels_checks_no_speaker(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "Westford"}])
    nlp.to_disk(tmp_path / "places")
    release = EntityAnnotator(str(tmp_path / "places"))(pipeline.extract_text(TEXT))
    assert release.entities and {e.label for e in release.entities} == {"GPE"}
    assert not [w for w in release.warnings if "PERSON" in w]


@pytest.mark.parametrize(
    ("speaker", "persons", "named"),
    [
        ("Nell Varga", ["Nell Varga"], True),
        ("Nell Varga", ["Chief Inspector Nell Varga"], True),
        ("Varga", ["Nell Varga"], True),
        ("nell  VARGA", ["Nell Varga"], True),
        ("Nell", ["Nellie Varga"], False),
        ("Tam Oduya", ["Nell Varga"], False),
        ("Tam Oduya", [], False),
    ],
)
def test_speaker_is_person(speaker: str, persons: list[str], named: bool) -> None:
    assert speaker_is_person(speaker, persons) is named


def test_a_missing_model_is_a_model_error() -> None:
    with pytest.raises(pipeline.errors.ModelError, match="en_no_such_model_xx"):
        spacy_components.load_model("en_no_such_model_xx")


def test_spacy_finds_the_component_without_an_import(tmp_path: Path) -> None:
    # Through the spacy_factories entry point (pyproject.toml): a plain spaCy user's code,
    # and a saved pipeline that holds the component, loaded again.
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('release')\n"
        f"nlp.to_disk({str(tmp_path / 'p')!r})\n"
        f"doc = spacy.load({str(tmp_path / 'p')!r})('Title\\n\\nSeen in May 2021 at 12 sites.')\n"
        "print(doc._.release.dates[0].start_date, [s.text for s in doc.spans['numbers']])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2021-05-01 ['12']"
