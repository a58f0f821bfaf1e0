"""`pipeline schema`: the JSON Schema of a release record, derived from pipeline/model.py."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import json
import os
import pickle
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline import core, model, schema
from pipeline.cli import app
from pipeline.model import Release
from pipeline.render import release_dict

from .conftest import FIXTURES, SEED

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "tests" / "data" / "releases"


def record_classes() -> list[type]:
    """Release and every dataclass reachable from its fields."""
    found: list[type] = []
    todo: list[type] = [Release]
    while todo:
        cls = todo.pop()
        if cls in found:
            continue
        found.append(cls)
        for hint in schema.field_types(cls).values():
            stack = [hint]
            while stack:
                tp = stack.pop()
                stack.extend(typing.get_args(tp))
                if dataclasses.is_dataclass(tp) and isinstance(tp, type):
                    todo.append(tp)
    return found


def test_every_field_of_every_record_class_has_a_description() -> None:
    classes = record_classes()
    assert {c.__name__ for c in classes} >= {"Release", "Source", "Score", "Quote"}
    missing = [
        f"{cls.__name__}.{f.name}"
        for cls in classes
        for f in dataclasses.fields(cls)
        if not schema.DESCRIPTIONS.get(f"{cls.__name__}.{f.name}")
    ]
    assert missing == [], "add these to pipeline.schema.DESCRIPTIONS"


def test_a_field_without_a_description_stops_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    table = dict(schema.DESCRIPTIONS)
    del table["Score.qualifier"]
    monkeypatch.setattr(schema, "DESCRIPTIONS", table)
    with pytest.raises(KeyError, match=r"Score\.qualifier has no description"):
        schema.release_schema()


def test_the_schema_lists_every_field_with_type_and_description() -> None:
    doc = schema.release_schema()
    jsonschema.Draft202012Validator.check_schema(doc)
    fields = [f.name for f in dataclasses.fields(Release)]
    assert doc["required"] == [f for f in fields if f != "entities"]  # only with --model
    assert set(doc["properties"]) == set(fields)
    for name, cls in schema.ITEM_CLASSES.items():
        assert doc["properties"][name]["items"] == {"$ref": f"#/$defs/{cls.__name__}"}
        props = doc["$defs"][cls.__name__]["properties"]
        assert list(props) == [f.name for f in dataclasses.fields(cls)]
        assert all(p["description"] and ("type" in p or "$ref" in p) for p in props.values())
    score = doc["$defs"]["Score"]["properties"]
    assert score["score_value"]["type"] == ["integer", "null"]
    assert doc["$defs"]["NumberMention"]["properties"]["value"]["type"] == ["number", "null"]
    assert doc["$defs"]["Section"]["properties"]["boilerplate"]["type"] == "boolean"


def records(folder: Path) -> list[dict[str, object]]:
    return [release_dict(r) for r in core.run([folder]).releases]


@pytest.mark.parametrize(
    "folder",
    [SEED, FIXTURES, RELEASES],
    ids=["seed", "fixtures", "releases"],
)
def test_every_record_validates_against_the_schema(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"no {folder}")
    validator = jsonschema.Draft202012Validator(
        schema.release_schema(), format_checker=jsonschema.FormatChecker()
    )
    found = records(folder)
    assert found
    for record in found:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(record)]
        assert errors == [], record["release_id"]


def test_a_record_with_a_wrong_field_fails_validation() -> None:
    validator = jsonschema.Draft202012Validator(schema.release_schema())
    record = records(SEED)[0]
    assert validator.is_valid(record)
    bad = json.loads(json.dumps(record))
    bad["scores"][0]["score_value"] = "3"
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(record))
    bad["dates"][0]["start_date"] = "13 December 2016"
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(record))
    bad["surprise"] = 1
    assert not validator.is_valid(bad)


def test_pipeline_schema_prints_the_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == schema.release_schema()
    assert "Example: pipeline schema" in CliRunner().invoke(app, ["schema", "--help"]).stdout


RECORDS = (
    "Release",
    "Source",
    "Section",
    "Score",
    "Quote",
    "DateMention",
    "NumberMention",
    "Entity",
)


def test_field_types_read_from_the_source_are_the_plain_classes_hints() -> None:
    """The types the schema reads from pipeline/model.py's source are the ones Python gives
    the plain (uncompiled) classes, also when this process uses the compiled module."""
    hints = "typing.get_type_hints(getattr(model, c)).items()"
    show = (
        "import typing; from pipeline import model; "
        f"print([sorted((k, repr(v)) for k, v in {hints}) for c in {RECORDS!r}])"
    )
    plain = subprocess.run(
        [sys.executable, "-c", show],
        env={**os.environ, "PIPELINE_PURE": "1"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    here = [
        sorted((k, repr(v)) for k, v in schema.field_types(getattr(model, c)).items())
        for c in RECORDS
    ]
    assert plain.strip() == repr(here)


# The record classes that write their __init__ out (pipeline/model.py says why).
WRITTEN_INIT = (
    model.Span,
    model.Source,
    model.Section,
    model.Score,
    model.Quote,
    model.DateMention,
    model.NumberMention,
    model.Entity,
)


@functools.cache
def _dataclass_made(cls: type) -> type:
    """A plain dataclass with ``cls``'s fields: the ``__init__`` the decorator makes."""
    return dataclasses.make_dataclass(
        cls.__name__,
        [
            (f.name, f.type)
            if f.default is dataclasses.MISSING
            else (f.name, f.type, dataclasses.field(default=f.default))
            for f in dataclasses.fields(cls)
        ],
    )


@pytest.mark.parametrize("cls", WRITTEN_INIT, ids=lambda c: c.__name__)
def test_a_written_init_takes_what_the_dataclass_init_takes(cls: type) -> None:
    def shape(c: type) -> list[tuple[str, Any, Any]]:
        return [(p.name, p.kind, p.default) for p in inspect.signature(c).parameters.values()]

    assert shape(cls) == shape(_dataclass_made(cls))


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    return schema.field_types(cls)  # reads model.py's source: once per class


@pytest.mark.parametrize("cls", WRITTEN_INIT, ids=lambda c: c.__name__)
@settings(deadline=None)  # a record of nine fields drawn, made four ways and pickled
@given(data=st.data())
def test_a_written_init_sets_every_field_as_the_dataclass_init_does(
    cls: type, data: st.DataObject
) -> None:
    hints = _field_types(cls)
    fields = dataclasses.fields(cls)
    values = {
        f.name: data.draw(st.from_type(hints[f.name]).filter(lambda v: v == v)) for f in fields
    }
    made = _dataclass_made(cls)
    required = {f.name: values[f.name] for f in fields if f.default is dataclasses.MISSING}
    for args, kwargs in (((), values), (tuple(values.values()), {}), ((), required)):
        got, want = cls(*args, **kwargs), made(*args, **kwargs)
        assert dataclasses.asdict(got) == dataclasses.asdict(want)
        again = cls(**dataclasses.asdict(want))
        assert got == again and hash(got) == hash(again)
        assert pickle.loads(pickle.dumps(got)) == got  # --jobs sends records between processes
