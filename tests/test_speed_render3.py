"""Speed tricks of the reader, the record's rendering and the quotations agree with the plain
code they replace (see README, Speed)."""

from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st

from pipeline.read import _suffix


@given(st.text(alphabet="ab./ é\\XY", max_size=14))
def test_suffix_is_the_lowered_splitext_suffix(path: str) -> None:
    assert _suffix(path) == os.path.splitext(path)[1].lower()  # noqa: PTH122
