"""The spaCy adapter: the release extractors as a spaCy component, and ``--model``'s entities.

The main path (:mod:`pipeline.core`) runs on text alone and never imports spaCy; this module
is for spaCy users and for trained pipelines, where spaCy adds something.

* ``nlp.add_pipe("release")`` adds one component to any pipeline, blank or trained. It runs
  the same extractors on ``doc.text`` (:func:`pipeline.extract.extract_all`) and sets
  ``doc._.release`` (a :class:`pipeline.Release`, offsets indexing ``doc.text``) and the span
  groups ``doc.spans["sections" | "scores" | "quotes" | "dates" | "numbers"]``: one span per
  record, in the record's order (``doc.spans["quotes"][i]`` is ``doc._.release.quotes[i]``),
  widened to whole tokens (``alignment_mode="expand"``); the record keeps the exact offsets.
  Span labels: a section's kind, a number's kind, a date's granularity, ``score`` and
  ``quote``.
* :func:`load_model` and :class:`EntityAnnotator` serve ``pipeline extract --model NAME``: the
  trained pipeline runs over each release's text, the record gains ``entities`` (its
  ``doc.ents``), and a quotation whose speaker is not among its PERSON entities gets a warning.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import ModelError
from pipeline.extract import extract_all
from pipeline.model import Entity, Release, Source
from pipeline.record import to_release

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span

SPAN_KEYS = ("sections", "scores", "quotes", "dates", "numbers")
if not Doc.has_extension("release"):
    Doc.set_extension("release", default=None)


def release_of(doc: Doc, release_id: str = "release") -> Release:
    """The record of ``doc.text``: every extractor over it, as ``pipeline.extract_text``
    gives for a plain text (the source names no file: ``path`` is empty)."""
    text = doc.text
    data = text.encode("utf-8", "surrogatepass")
    source = Source(
        path="",
        sha256=hashlib.sha256(data).hexdigest(),
        bytes=len(data),
        encoding="utf-8",
        format="text",
    )
    return to_release(extract_all(text), text=text, release_id=release_id, source=source)


def _label(key: str, item: Any) -> str:
    if key in ("sections", "numbers"):
        return str(item.kind)
    if key == "dates":
        return str(item.granularity or "date")
    return key[:-1]  # "score", "quote"


def _spans(doc: Doc, key: str, items: Sequence[Any]) -> list[Span]:
    spans = []
    for item in items:
        span = doc.char_span(item.start, item.end, label=_label(key, item), alignment_mode="expand")
        if span is None:  # no token under the record: cannot happen for a non-blank text
            raise ValueError(f"{key} record at {item.start}-{item.end} covers no token")
        spans.append(span)
    return spans


@Language.factory(
    "release",
    assigns=["doc.spans", "doc._.release"],
    default_config={"release_id": "release"},
)
def make_release(nlp: Language, name: str, release_id: str) -> ReleaseComponent:
    """The ``release`` component: ``nlp.add_pipe("release")``."""
    return ReleaseComponent(name, release_id)


class ReleaseComponent:
    """Sets ``doc._.release`` and the span groups (see the module's docstring)."""

    def __init__(self, name: str, release_id: str) -> None:
        self.name = name
        self.release_id = release_id

    def __call__(self, doc: Doc) -> Doc:
        release = release_of(doc, self.release_id)
        doc._.release = release
        for key in SPAN_KEYS:
            doc.spans[key] = _spans(doc, key, getattr(release, key))
        return doc


# --- --model: a trained pipeline's entities on each record -----------------------------------


def load_model(name: str) -> Language:
    """An installed trained pipeline (package name) or a pipeline folder.

    Raises:
        ModelError: it is not installed or cannot be loaded.
    """
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed or cannot be loaded "
            f"(install it with: python -m spacy download {name}); "
            "leave out --model to extract without one"
        ) from exc


SPEAKER_WARNING = (
    "quotation at character {start}: speaker '{speaker}' is not a PERSON entity "
    "of the model {model}"
)


def _words(text: str) -> str:
    return " " + " ".join(text.split()).casefold() + " "


def speaker_is_person(speaker: str, persons: Sequence[str]) -> bool:
    """Whether a PERSON entity names the speaker: the same words, or whole words of one
    within the other (``Chief Inspector Ann Lee`` holds ``Ann Lee``; ``Lee`` is in ``Ann
    Lee``; ``Ann`` is not in ``Annabel Lee``)."""
    name = _words(speaker)
    return any(name in p or p in name for p in map(_words, persons) if p.strip())


class EntityAnnotator:
    """What ``--model NAME`` adds to a record: ``entities`` from the model's ``doc.ents``
    and, when the model labels PERSON, a warning for each quotation whose speaker (as
    written) no PERSON entity of the text names.

    Picklable by name: a worker process started by spawning loads the model again.
    """

    def __init__(self, name: str, nlp: Language | None = None) -> None:
        self.name = name
        self._nlp = nlp if nlp is not None else load_model(name)
        self.checks_speakers = any("PERSON" in ls for ls in self._nlp.pipe_labels.values())

    def __getstate__(self) -> dict[str, str]:
        return {"name": self.name}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(state["name"])  # type: ignore[misc]

    def __call__(self, release: Release) -> Release:
        nlp = self._nlp
        nlp.max_length = max(nlp.max_length, len(release.text) + 1)
        doc = nlp(release.text)
        entities = tuple(Entity(e.label_, e.text, e.start_char, e.end_char) for e in doc.ents)
        warnings = list(release.warnings)
        if self.checks_speakers:
            persons = [e.text for e in entities if e.label == "PERSON"]
            for quote in release.quotes:
                speaker = quote.speaker_as_written or quote.speaker
                if speaker and not speaker_is_person(speaker, persons):
                    warnings.append(
                        SPEAKER_WARNING.format(start=quote.start, speaker=speaker, model=self.name)
                    )
        return dataclasses.replace(release, entities=entities, warnings=tuple(warnings))
