"""Every key of the vocabularies in pipeline/data/*.json is read by the code.

A key counts as read when its name appears as a string literal in the package's source
(``load("scales")["header_labels"]``). Checked: each file's top-level keys and the keys of the
objects in its lists (a scale's ``name``, ``grades``); the keys of a mapping that is itself data
(``aliases``, a scale's grades) are values, not names, and are not checked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PACKAGE = Path(__file__).parents[1] / "pipeline"
DATA_FILES = sorted((PACKAGE / "data").glob("*.json"))
# Documentation for people: "_doc"/"_comment" keys, and a scale's "description".
DOC_KEYS = frozenset({"description"})


def _names(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        yield from data
        for value in data.values():
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        yield from item


def _source() -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted(PACKAGE.rglob("*.py")))


def _unused(path: Path, source: str) -> set[str]:
    names = set(_names(json.loads(path.read_text("utf-8"))))
    return {
        name
        for name in names
        if not name.startswith("_")
        and name not in DOC_KEYS
        and not re.search(rf"[\"']{re.escape(name)}[\"']", source)
    }


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_data_key_is_read(path: Path) -> None:
    unused = _unused(path, _source())
    assert not unused, f"{path.name}: keys nothing reads: {sorted(unused)}"


def test_the_check_sees_an_unused_key(tmp_path: Path) -> None:
    path = tmp_path / "vocab.json"
    path.write_text('{"_doc": "x", "read_me": [], "nobody_reads_this": [{"name": 1}]}')
    assert _unused(path, 'load("vocab")["read_me"], row["name"]') == {"nobody_reads_this"}
