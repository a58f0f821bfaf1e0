"""The per-input loop: every input is read and extracted on its own, so that one bad input
never costs the others their results."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from pipeline.errors import InputError
from pipeline.model import Release
from pipeline.read import DEFAULT_MAX_BYTES, Document, read_file

if TYPE_CHECKING:
    from spacy.language import Language

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_UNSAFE_ID = regex.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True, slots=True)
class Input:
    path: Path
    shown: str  # the path as given, '/'-separated


@dataclass(slots=True)
class RunReport:
    releases: list[Release] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)


def _shown(path: Path) -> str:
    return path.as_posix()


def collect(paths: Sequence[Path]) -> tuple[list[Input], list[InputError]]:
    """Expand files and folders (searched recursively, links followed) into inputs.

    Returns:
        The inputs in sorted path order, and the paths refused on the way (missing paths,
        folder loops through links).
    """
    found: dict[str, Input] = {}
    errors: list[InputError] = []
    seen_files: set[str] = set()
    for given in paths:
        shown = _shown(given)
        if not given.exists() and not given.is_symlink():
            errors.append(InputError(shown, "missing", "no such file or folder"))
            continue
        if given.is_dir():
            _walk(given, found, errors, seen_files)
        else:
            real = os.path.realpath(given)
            if real not in seen_files:
                seen_files.add(real)
                found[shown] = Input(given, shown)
    return [found[k] for k in sorted(found)], errors


def _walk(
    root: Path, found: dict[str, Input], errors: list[InputError], seen_files: set[str]
) -> None:
    stack = [(root, frozenset({os.path.realpath(root)}))]
    while stack:
        folder, ancestors = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            errors.append(
                InputError(_shown(folder), "unreadable", f"cannot list folder ({exc.strerror})")
            )
            continue
        for entry in entries:
            path = Path(folder, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                real = os.path.realpath(path)
                if real in ancestors:
                    errors.append(
                        InputError(
                            _shown(path),
                            "loop",
                            "folder loop through links (it leads back to a folder above it); "
                            "skipped",
                        )
                    )
                    continue
                stack.append((path, ancestors | {real}))
            elif path.suffix.lower() in SUFFIXES:
                real = os.path.realpath(path)
                if real in seen_files:
                    continue
                seen_files.add(real)
                found[_shown(path)] = Input(path, _shown(path))


def release_ids(inputs: Sequence[Input]) -> dict[str, str]:
    """A safe, unique ``release_id`` per input: the file stem with every character outside
    ``A-Za-z0-9._-`` turned into ``-``; a clash gets ``-2``, ``-3``... in path order."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for item in inputs:
        base = _UNSAFE_ID.sub("-", Path(item.shown).stem)
        if not base.strip("."):
            base = "release" + base
        rid, n = base, 1
        while rid.casefold() in used:
            n += 1
            rid = f"{base}-{n}"
        used.add(rid.casefold())
        ids[item.shown] = rid
    return ids


def extract_document(nlp: Language, document: Document, release_id: str) -> Release:
    """Run the pipeline over one read document and build its record."""
    from pipeline.components import HINTS, KEY_PREFIX
    from pipeline.record import to_release

    doc = nlp.make_doc(document.text)
    doc.user_data[KEY_PREFIX + HINTS] = {"blocks": document.blocks, "tables": document.tables}
    doc.user_data[KEY_PREFIX + "text"] = document.text
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return to_release(
        doc,
        release_id=release_id,
        source=document.source,
        metadata=document.metadata,
        reader_warnings=document.warnings,
    )


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def run(
    paths: Sequence[Path],
    *,
    nlp: Language,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: Callable[[InputError], None] | None = None,
    debug: bool = False,
) -> RunReport:
    """Read and extract every input; refused inputs are reported, never raised.

    Args:
        paths: files and folders, as given.
        nlp: the pipeline from :func:`pipeline.nlp.load`.
        max_bytes: inputs larger than this are refused.
        on_error: called with each refusal as it happens (the CLI prints it).
        debug: let unexpected exceptions propagate (with their traceback).
    """
    from pipeline import __version__
    from pipeline.model import CONTRACT_VERSION

    started = now()
    report = RunReport()
    inputs, errors = collect(paths)
    ids = release_ids(inputs)
    entries: list[dict[str, Any]] = []

    def refuse(err: InputError, extra: dict[str, Any] | None = None) -> None:
        report.errors.append(err)
        entries.append(
            {
                "path": err.path,
                **(extra or {}),
                "status": "error",
                "code": err.code,
                "message": err.detail,
            }
        )
        if on_error:
            on_error(err)

    for err in errors:
        refuse(err)
    for item in inputs:
        try:
            document = read_file(item.path, max_bytes=max_bytes, shown=item.shown)
        except InputError as err:
            refuse(err)
            continue
        src = {"sha256": document.source.sha256, "bytes": document.source.bytes}
        try:
            release = extract_document(nlp, document, ids[item.shown])
        except Exception as exc:
            if debug:
                raise
            refuse(
                InputError(
                    item.shown,
                    "internal",
                    f"extraction failed ({type(exc).__name__}: {exc}); "
                    "run again with --debug and report it",
                ),
                src,
            )
            continue
        report.releases.append(release)
        entries.append(
            {
                "path": item.shown,
                **src,
                "status": "ok",
                "message": "",
                "release_id": release.release_id,
                "warnings": len(release.warnings),
            }
        )
    entries.sort(key=lambda e: str(e["path"]))
    report.manifest = {
        "tool": "pipeline",
        "version": __version__,
        "contract": CONTRACT_VERSION,
        "started_at": started,
        "finished_at": now(),
        "max_bytes": max_bytes,
        "inputs": entries,
    }
    return report
