"""The release-level review field: why a person should check a release."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.record import REVIEW

BODY = "\n\nPublished: 3 May 2024\n\nThe school was inspected in March. Pupils behave well."


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (f"Inspectors praise Kilbride school{BODY}", ()),
        (
            f"Skip to main content\n\nInspectors praise Kilbride school{BODY}",
            ("title-after-furniture",),
        ),
        (f"Press release: Inspectors praise Kilbride school{BODY}", ("title-label-cut",)),
        (f"Kilbride school praised PDF Print E-mail{BODY}", ("title-label-cut",)),
        (
            "Embargoed until 6 March 2025 Inspectors Praise Kilbride School "
            + "The school was inspected in March and pupils behave well in class. " * 10,
            ("title-in-run-on-text",),
        ),
        ("The school was inspected in March 2024 and pupils behave well in class.", ("no-title",)),
        (
            f"Kilbride school inspected{BODY}\n\nArea\tGrade\nTeaching\tSatisfactory\n"
            "Leadership\tRequires improvement\n",
            ("unknown-scale",),
        ),
        (
            f"Kilbride school inspected{BODY}\n\nOne parent told inspectors: “My children love "
            "coming to this school every single day.”",
            ("quote-no-speaker",),
        ),
        (
            "Skip to main content\n\nThe school was inspected in March 2024. “It is a happy "
            "place where children are safe and learn a great deal,” the report says.",
            ("no-title", "quote-no-speaker"),
        ),
    ],
)
def test_review_codes(text: str, codes: tuple[str, ...]) -> None:
    assert pipeline.extract_text(text).review == codes


def test_every_review_code_has_a_reason_in_words() -> None:
    assert all(code and reason for code, reason in REVIEW.items())
