"""The one loader: a spaCy ``Language`` with the release components in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language


def load(model: str | None = None) -> Language:
    """Build the pipeline: ``spacy.blank("en")`` by default, or an installed trained pipeline.

    Args:
        model: name or path of an installed spaCy pipeline (e.g. ``en_core_web_sm``); its own
            components run first, then the release components are appended.

    Raises:
        ModelError: the model is not installed or cannot be loaded.
    """
    import spacy

    from pipeline import components

    if model:
        try:
            nlp = spacy.load(model)
        except (OSError, ImportError, ValueError) as exc:
            raise ModelError(
                f"spaCy model {model!r} is not installed or cannot be loaded "
                f"(install it with: python -m spacy download {model}); "
                "leave out --model to use the built-in blank English pipeline"
            ) from exc
    else:
        nlp = spacy.blank("en")
    for name in components.COMPONENTS:
        nlp.add_pipe(name)
    return nlp
