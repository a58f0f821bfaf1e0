"""Each speed trick agrees with the plain code it replaces (see README, Speed)."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import core, csvtext, grids
from pipeline.csvtext import (
    COMMA,
    LINE_END,
    csv_field,
    csv_lines,
    csv_text,
    grid_lines,
    int_piece,
    text_piece,
)
from pipeline.export import _write_json, _write_manifest
from pipeline.grids import Columns, folded_criterion, grid_rows
from pipeline.inputs import (
    _UNSAFE_ID,
    MAX_ID_LENGTH,
    SUFFIXES,
    Input,
    child_path,
    find_inputs,
    join_name,
    real_file,
    release_ids,
    stem,
    suffix,
)
from pipeline.model import (
    SECTION_KINDS,
    DateMention,
    NumberMention,
    Quote,
    Release,
    Score,
    Section,
    Source,
)
from pipeline.normalize import collapse_space, fold
from pipeline.packed import PackedStrings, StringSet
from pipeline.read import _control_share
from pipeline.render import headline_facts, is_overall, table_lines, table_rows
from pipeline.schema import field_types

from .conftest import FIXTURES, ROOT, SEED

RELEASES = ROOT / "tests" / "data" / "releases"


@pytest.mark.parametrize(
    "value",
    [
        {"tool": "pipeline", "inputs": [{"path": "a/b.txt", "bytes": 12, "ok": True}] * 3},
        {"text": "é “quoted” \u2028 \x00 \ud7ff", "n": [1, 2.5, None, False, {}, []], "e": {}},
        {"inputs": [{"path": f"r{i}.txt", "sha256": "0" * 64} for i in range(5000)]},
    ],
)
def test_write_json_writes_what_json_dumps_gives(tmp_path: Path, value: dict[str, Any]) -> None:
    path = tmp_path / "m.json"
    _write_json(path, value)
    assert path.read_text("utf-8") == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_real_file_is_realpath(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "a.txt").write_text("a")
    (real / "sub" / "b.txt").write_text("b")
    (real / "link.txt").symlink_to(real / "sub" / "b.txt")
    (real / "rel.txt").symlink_to(Path("sub") / "b.txt")
    (real / "dangling.txt").symlink_to(real / "nowhere.txt")
    (tmp_path / "via").symlink_to(real)
    for folder in (real, real / "sub", tmp_path / "via", tmp_path / "via" / "sub"):
        real_folder = os.path.realpath(folder)
        for entry in os.scandir(folder):
            real = real_file(real_folder, entry.path, entry.name, linked=entry.is_symlink())
            assert real == os.path.realpath(entry.path), entry.path


@pytest.mark.parametrize(
    "inputs",
    [
        [],
        [{"path": "a.txt", "sha256": "0" * 64, "bytes": 3, "status": "ok", "warnings": 0}],
        [{"path": f"r{i}/é “x”.txt", "message": "a\nb \u2028"} for i in range(50)],
        [{"path": "n.txt", "nested": {"list": [1, {"deep": []}], "empty": {}}}],
    ],
)
def test_write_manifest_writes_what_json_dumps_gives(
    tmp_path: Path, inputs: list[dict[str, Any]]
) -> None:
    manifest = {
        "tool": "pipeline",
        "model": 'a "inputs": [] model',
        "inputs": "replaced",
        "row_counts": {"inputs": 1, "releases": 2},
    }
    path = tmp_path / "m.json"
    _write_manifest(path, manifest, iter(inputs))
    expected = {**manifest, "inputs": inputs}
    assert path.read_text("utf-8") == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_spilled_manifest_entries_come_out_as_a_run_keeps_them(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("Inspection finds care good\n\nThe service is good.\n")
    (folder / "sub" / "a.txt").write_text("Prison rated poor\n\nInspectors found it poor.\n")
    (folder / "empty.txt").write_text("")
    given = [tmp_path / "zz-missing.txt", folder, tmp_path / "a-missing"]
    kept = core.run(given).manifest["inputs"]
    core.extract_to(given, tmp_path / "out")
    written = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert written["inputs"] == kept
    assert [e["status"] for e in kept] == ["error", "ok", "error", "ok", "error"]


@pytest.mark.parametrize("criteria", [[], ["Safe"], ["Safe", "Effective", "Well-led", "Title"]])
def test_grid_lines_are_the_lines_of_grid_rows(criteria: list[str]) -> None:
    columns = Columns()
    releases = []
    for n, head in enumerate(
        [["a", "A, with comma", None, "cqc"], ["b", '=1+1 "q"', "2020-01-02", None], ["c"] * 4]
    ):
        scores = [
            (head[0], criterion, grade, rank, table)
            for i, criterion in enumerate(criteria)
            if (i + n) % 3
            for grade, rank, table in [("Good", 3, 0), ("Poor, it says", None, 0), ("-x", 1, 1)]
        ]
        releases.append((head, columns.cells(scores)))
    positions = {key: at for at, key in enumerate(columns.spelling)}
    for head, cells in releases:
        grade_row, rank_row = grid_rows(head, cells, columns)
        assert grid_lines(head, cells, positions) == (csv_lines([grade_row]), csv_lines([rank_row]))


# Records with any values of their fields' types: text that needs quoting or a formula guard,
# whole numbers beyond 64 bits, and the values the headline row's facts look for.
_TEXT = st.text(alphabet=st.sampled_from("ab ,\"\n\r=+-@\t'’é"), max_size=6)
_OPT_TEXT = st.none() | _TEXT
_INT = st.integers(-(10**20), 10**20)
_OPT_INT = st.none() | _INT
_BY_TYPE: dict[object, st.SearchStrategy[Any]] = {
    str: _TEXT,
    str | None: _OPT_TEXT,
    int: _INT,
    int | None: _OPT_INT,
    bool: st.booleans(),
}


def _records(cls: type, **own: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Records of ``cls``, each field drawn by its type (``_BY_TYPE``) or from ``own``."""
    return st.builds(
        cls,
        **{name: own[name] if name in own else _BY_TYPE[t] for name, t in field_types(cls).items()},
    )


_SECTION = _records(Section, kind=st.sampled_from(SECTION_KINDS) | _TEXT)
_SCORE = _records(Score, criterion=st.sampled_from(["Overall", "overall, said"]) | _TEXT)
_QUOTE = _records(Quote)
_DATE = _records(
    DateMention,
    granularity=st.sampled_from(["day", "month"]) | _OPT_TEXT,
    start=st.integers(0, 9),
)
_NUMBER = _records(NumberMention, value=_OPT_INT | st.floats())
_RELEASE = st.builds(
    Release,
    release_id=_TEXT,
    source=_records(Source),
    text=_TEXT,
    title=_OPT_TEXT,
    standfirst=_OPT_TEXT,
    sections=st.lists(_SECTION, max_size=3).map(tuple),
    scores=st.lists(_SCORE, max_size=3).map(tuple),
    quotes=st.lists(_QUOTE, max_size=2).map(tuple),
    dates=st.lists(_DATE, max_size=3).map(tuple),
    numbers=st.lists(_NUMBER, max_size=2).map(tuple),
    warnings=st.lists(_TEXT, max_size=2).map(tuple),
    review=st.lists(_TEXT, max_size=2).map(tuple),
)


def _plain_lines(release: Release) -> dict[str, bytes]:
    return {name: csv_lines(rows).encode() for name, rows in table_rows(release).items()}


@given(_RELEASE)
def test_table_lines_are_the_csv_lines_of_the_rows(release: Release) -> None:
    assert table_lines(release, headline_facts(release)) == _plain_lines(release)


def test_table_lines_of_the_test_releases_are_the_csv_lines_of_their_rows() -> None:
    for release in core.run([SEED, FIXTURES, RELEASES]).releases:
        assert table_lines(release, headline_facts(release)) == _plain_lines(release)


def test_table_lines_joined_in_runs_are_the_csv_lines_of_the_rows() -> None:
    # More pieces than one run holds (render._RUN): joined run by run, then together.
    from pipeline import extract_text, render

    release = extract_text("Counts: " + "12 cases, 3 sites; " * (render._RUN // 10))
    assert len(release.numbers) * 7 > render._RUN
    assert table_lines(release, headline_facts(release)) == _plain_lines(release)


@given(st.lists(st.binary(max_size=3), max_size=30), st.sets(st.integers(0, 30), max_size=6))
def test_a_tables_pieces_joined_in_runs_are_its_pieces_joined(
    pieces: list[bytes], joins: set[int]
) -> None:
    # render._join_run wherever a _..._lines function calls it: the runs, then the pieces after.
    from pipeline.render import _join_run

    parts: list[bytes] = []
    runs = 0
    for at, piece in enumerate(pieces):
        parts.append(piece)
        if at in joins:
            runs = _join_run(parts, runs)
            assert len(parts) == runs
    assert runs == len(joins & set(range(len(pieces))))
    assert b"".join(parts) == b"".join(pieces)


@given(st.lists(_TEXT | st.text(max_size=40), max_size=20))
def test_a_texts_pieces_remembered_are_its_field_and_separator(texts: list[str]) -> None:
    for text in texts * 2:  # looked up the second time (when short)
        assert text_piece(text, COMMA) == (csv_text(text) + ",").encode()
        assert text_piece(text, LINE_END) == (csv_text(text) + "\n").encode()
    assert len(COMMA.texts) <= csvtext._SHORT_KEPT
    assert len(LINE_END.texts) <= csvtext._SHORT_KEPT


def test_short_texts_pieces_are_kept_up_to_their_limit() -> None:
    for n in range(csvtext._SHORT_KEPT + 10):
        assert text_piece(f"={n}", COMMA) == f"'={n},".encode()
        assert text_piece(f"={n}", LINE_END) == f"'={n}\n".encode()
    assert 0 < len(COMMA.texts) <= csvtext._SHORT_KEPT
    assert 0 < len(LINE_END.texts) <= csvtext._SHORT_KEPT


@given(st.lists(st.integers(-(10**20), 10**20) | st.integers(-2, csvtext._INTS_KEPT + 2)))
def test_a_whole_numbers_pieces_remembered_are_its_field_and_separator(numbers: list[int]) -> None:
    for n in numbers * 2:
        assert int_piece(n, COMMA) == (csv_field(n) + ",").encode()
        assert int_piece(n, LINE_END) == (csv_field(n) + "\n").encode()


def _plain_grid_lines(
    head: list[Any], cells: list[tuple[str, str, int | None]], positions: dict[str, int]
) -> tuple[str, str]:
    """What grid_lines replaced: every column's field formatted and joined."""
    grades = [""] * len(positions)
    ranks = [""] * len(positions)
    done = set()
    for key, score, value in cells:
        if key not in done:
            done.add(key)
            grades[positions[key]] = csv_field(score)
            ranks[positions[key]] = csv_field(value)
    start = [csv_field(v) for v in head]
    return ",".join(start + grades) + "\n", ",".join(start + ranks) + "\n"


@given(
    st.lists(_OPT_TEXT, max_size=4),
    st.integers(0, 12),
    st.lists(st.tuples(st.integers(0, 11), _TEXT, _OPT_INT), max_size=8),
)
def test_grid_lines_are_the_wide_rows_fields_joined(
    head: list[Any], columns: int, found: list[tuple[int, str, int | None]]
) -> None:
    positions = {f"k{at}": at for at in range(columns)}
    cells = [(f"k{at}", grade, rank) for at, grade, rank in found if at < columns]
    assert grid_lines(head, cells, positions) == _plain_grid_lines(head, cells, positions)


@pytest.mark.parametrize("found", [[], [0], [2], [0, 1], [1, 3], [3]])
def test_grid_lines_without_a_head_are_the_wide_rows_fields_joined(found: list[int]) -> None:
    # No field before the first column's, so no comma before it (4 columns).
    positions = {f"k{at}": at for at in range(4)}
    cells = [(f"k{at}", "Good", at) for at in found]
    lines = grid_lines([], cells, positions)
    assert lines == _plain_grid_lines([], cells, positions)
    assert lines[0].count(",") == 3


@given(st.text(alphabet=st.sampled_from("OoVvEeRrAaLl ßİﬀŉ\u0130\u212a-x"), max_size=10))
def test_is_overall_folds_the_whole_criterion(criterion: str) -> None:
    assert is_overall(criterion) == criterion.casefold().startswith("overall")
    assert is_overall("OVERALL" + criterion) and not is_overall("x" + criterion)


@given(st.binary(min_size=1, max_size=300))
def test_control_share_is_the_share_of_control_bytes(data: bytes) -> None:
    controls = sum(1 for b in data if b < 0x09 or 0x0E <= b < 0x20 or b == 0x7F)
    assert _control_share(data) == controls / len(data)


@given(st.lists(st.text(alphabet="aB \n\u00a0\u2028’-–", max_size=12), max_size=20))
def test_a_criterion_folded_remembered_is_it_folded(criteria: list[str]) -> None:
    for criterion in criteria * 2:
        assert folded_criterion(criterion) == fold(collapse_space(criterion))


def test_folded_criteria_are_kept_up_to_their_limit() -> None:
    for n in range(grids._FOLDED_KEPT + 10):
        assert folded_criterion(f" a\u2028{n}’ ") == f"a {n}'"
    assert 0 < len(grids._folded) <= grids._FOLDED_KEPT


@pytest.mark.parametrize("n", [0, 1, 1023, 1024, 1025, 3000])
@pytest.mark.parametrize("start", ["", "/srv/in/", "/srv/in/é-"])
def test_packed_strings_are_the_list(n: int, start: str) -> None:
    strings = [start + f"{'é' * (i % 3)}r{i}\ud800"[: i % 7] for i in range(n)]  # "" too
    packed = PackedStrings(strings)
    assert len(packed) == n and list(packed) == strings
    assert [packed[i] for i in range(n)] == strings
    assert [packed[-i] for i in range(1, n + 1)] == [strings[-i] for i in range(1, n + 1)]
    assert packed[5:40:3] == strings[5:40:3]
    assert list(pickle.loads(pickle.dumps(packed))) == strings  # a spawned worker's copy
    with pytest.raises(IndexError):
        packed[n]
    with pytest.raises(IndexError):
        packed[-n - 1]


def test_string_set_is_the_set() -> None:
    plain: set[str] = set()
    packed = StringSet()
    words = [f"{w}-{i % 97}" for i in range(5000) for w in ("Ab", "ab", "")]
    for word in words:
        assert (word in packed) == (word in plain)
        assert packed.add(word) == (word not in plain)  # True: it was new
        plain.add(word)
        assert word in packed and len(packed) == len(plain)
    assert all(w + "x" not in packed for w in words) and 3 not in packed


def test_inputs_and_release_ids_are_the_plain_ones(tmp_path: Path) -> None:
    names = ["b/x.txt", "a.txt", "a/x.txt", "A.md", "a-2.txt", "x y.html", "b/a-2.htm", ".txt"]
    names += [f"many/r{i}.txt" for i in range(2100)]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    inputs, _ = find_inputs([tmp_path])
    plain = sorted(tmp_path.rglob("*"), key=lambda p: p.as_posix())
    plain = [p for p in plain if p.is_file() and p.suffix.lower() in SUFFIXES]  # not .txt
    assert [Path(i.file) for i in inputs] == plain and list(inputs) == inputs[:]
    ids = release_ids(inputs)
    assert [ids[i.shown] for i in inputs] == list(_plain_release_ids(inputs).values())
    assert [ids.at(at) for at in range(len(inputs))] == list(_plain_release_ids(inputs).values())
    with pytest.raises(KeyError):
        ids[str(tmp_path / "absent.txt")]
    copied, copied_ids = pickle.loads(pickle.dumps((inputs, ids)))  # a spawned worker's
    assert list(copied) == list(inputs) and dict(copied_ids) == dict(ids)


def _plain_release_ids(inputs: Sequence[Input]) -> dict[str, str]:
    ids: dict[str, str] = {}
    used: set[str] = set()
    for item in inputs:
        base = _UNSAFE_ID.sub("-", Path(item.shown).stem)[:MAX_ID_LENGTH]
        if not base.strip("."):
            base = "release" + base
        rid, n = base, 1
        while rid.casefold() in used:
            n += 1
            rid = f"{base}-{n}"
        used.add(rid.casefold())
        ids[item.shown] = rid
    return ids


def test_remove_output_removes_what_rmtree_removes(tmp_path: Path) -> None:
    from pipeline.export import _remove_output

    for folder in (tmp_path / "with json", tmp_path / "without"):
        (folder / "sub").mkdir(parents=True)
        (folder / "manifest.json").write_text("{}")
        (folder / "sub" / "x.json").write_text("{}")
    for i in range(50):
        (tmp_path / "with json" / "json").mkdir(exist_ok=True)
        (tmp_path / "with json" / "json" / f"r{i}.json").write_text("{}")
    for folder in (tmp_path / "with json", tmp_path / "without", tmp_path / "absent"):
        _remove_output(folder)
        assert not folder.exists()


@pytest.mark.parametrize(("processes", "forks"), [(2, True), (3, True), (3, False)])
def test_processes_sharing_a_removal_remove_every_file(
    tmp_path: Path, processes: int, forks: bool
) -> None:
    # Each forked process takes one hash class of the names: every file is removed, and
    # rmtree at the end has none of them left to remove (none was skipped). A share whose
    # process cannot be forked is taken by the parent.
    import os
    import shutil

    from pipeline import export

    folder = tmp_path / "old"
    (folder / "json").mkdir(parents=True)
    names = [f"r{i:04d}-{'é' * (i % 3)}.json" for i in range(400)]
    for name in names:
        (folder / "json" / name).write_text("{}")
    left: list[int] = []
    rmtree = shutil.rmtree

    def counting_rmtree(path: Path, **kwargs: object) -> None:
        left.append(len(list((Path(path) / "json").iterdir())))
        rmtree(path, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(export.shutil, "rmtree", counting_rmtree)
        if not forks:

            def no_fork() -> int:
                raise BlockingIOError("no process to be had")

            mp.setattr(os, "fork", no_fork)
        export._remove_output(folder, processes)
    assert left == [0]
    assert not folder.exists()


@pytest.mark.parametrize("folder", [".", "/", "raw", "raw/sub", "/tmp/x", "..", "a b/é"])
@pytest.mark.parametrize("name", ["r.txt", ".hidden.md", "é x.html", "a..txt"])
def test_child_path_is_the_path_of_the_entry(folder: str, name: str) -> None:
    assert child_path(folder, name) == str(Path(folder, name))


@given(st.text(alphabet="ab./ é", max_size=8), st.text(alphabet="ab. é", min_size=1, max_size=6))
def test_join_name_is_os_path_join(folder: str, name: str) -> None:
    assert join_name(folder, name) == os.path.join(folder, name)  # noqa: PTH118


@given(st.text(alphabet="ab./ é", max_size=12))
def test_stem_is_the_path_stem(path: str) -> None:
    assert stem(path) == Path(path).stem


@given(st.text(alphabet="ab. é", max_size=8))
def test_suffix_is_the_path_suffix(name: str) -> None:
    if name not in ("", ".", ".."):  # a file name
        assert suffix(name) == Path(name).suffix
