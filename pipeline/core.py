"""The per-input loop: every input is read and extracted on its own, so that one bad input
never costs the others their results."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

import regex

from pipeline.errors import InputError
from pipeline.model import Release
from pipeline.read import DEFAULT_MAX_BYTES, Document, read_file

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_UNSAFE_ID = regex.compile(r"[^A-Za-z0-9._-]")
# Leaves room for "-NN" and ".json" within the 255-byte file-name limit.
MAX_ID_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Input:
    path: Path
    shown: str  # the path as given, '/'-separated


@dataclass(slots=True)
class RunReport:
    """What a run did: ``releases`` holds the records unless a ``sink`` took them."""

    releases: list[Release] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)
    extracted: int = 0
    with_warnings: int = 0


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


# spaCy's tokenizer peels affixes off a white-space-free run one character at a time, and
# each step re-scans the run: 20,000 characters of "((((" take minutes. Runs this long are
# never words, so each is kept as one token; shorter runs go through the tokenizer, whose
# suffix search is limited to the run's tail (see _TailSearch).
_LONG_RUN_CHARS = 256
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{_LONG_RUN_CHARS},}}")
_SUFFIX_WINDOW = 64
# Ordinary prose has no run longer than the window: spaCy's own tokenizer is used as it is.
# A run is looked for at the text's start and after each white space only (twice as fast as
# trying every position).
_RUN_AT_START = re.compile(rf"\S{{{_SUFFIX_WINDOW + 1}}}")
_RUN_AFTER_SPACE = re.compile(rf"\s\S{{{_SUFFIX_WINDOW + 1}}}")
_GUARDED: WeakKeyDictionary[Language, Any] = WeakKeyDictionary()


class _TailSearch:
    """The tokenizer's suffix regex, searched over the last characters only (same result).

    Suffix patterns end in ``$``, and ``re.search`` tries every start position, so one
    search costs the whole run. Starting at ``len - 64`` finds the same match, since lookbehind
    still sees the text before; only a match at the window's edge (``.....``) may reach
    further left, and gets the full search. ``pattern`` keeps ``nlp.to_disk`` working.
    """

    def __init__(self, search: Any) -> None:
        self.compiled = search.__self__
        self.pattern = self.compiled.pattern

    def search(self, string: str) -> Any:
        lo = len(string) - _SUFFIX_WINDOW
        if lo <= 0:
            return self.compiled.search(string)
        found = self.compiled.search(string, lo)
        if found is not None and found.start() == lo:
            return self.compiled.search(string)
        return found


def _guarded_tokenizer(nlp: Language) -> Any:
    """A copy of ``nlp``'s tokenizer whose suffix search looks at a run's tail only (kept per
    pipeline; ``nlp.tokenizer`` itself is left untouched, cache and all)."""
    guarded = _GUARDED.get(nlp)
    if guarded is None:
        from spacy.tokenizer import Tokenizer

        base: Any = nlp.tokenizer
        search = base.suffix_search
        if isinstance(getattr(search, "__self__", None), regex.Pattern | re.Pattern):
            search = _TailSearch(search).search
        guarded = Tokenizer(
            nlp.vocab,
            rules=base.rules,
            prefix_search=base.prefix_search,
            suffix_search=search,
            infix_finditer=base.infix_finditer,
            token_match=base.token_match,
            url_match=base.url_match,
            faster_heuristics=getattr(base, "faster_heuristics", True),
        )
        _GUARDED[nlp] = guarded
    return guarded


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenise ``text`` like ``nlp.make_doc``, in time linear in ``text`` (see ``_LONG_RUN``).

    Unlike ``nlp.make_doc`` it takes texts over ``nlp.max_length`` (1,000,000 characters):
    ``--max-bytes`` limits the input instead (the release components use no parser).
    """
    from spacy.tokens import Doc

    if _RUN_AT_START.match(text) is None and _RUN_AFTER_SPACE.search(text) is None:
        return nlp.tokenizer(text)
    tokenizer = _guarded_tokenizer(nlp)
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return tokenizer(text)  # type: ignore[no-any-return]
    docs, pos = [], 0
    for run in runs:
        if run.start() > pos:
            docs.append(tokenizer(text[pos : run.start()]))
        space = text[run.end() : run.end() + 1] == " "
        docs.append(Doc(nlp.vocab, words=[run.group()], spaces=[space]))
        pos = run.end() + int(space)
    if pos < len(text):
        docs.append(tokenizer(text[pos:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def prepare_doc(nlp: Language, document: Document) -> Doc:
    """Tokenise a read document and put the reader's hints and text on the Doc."""
    from pipeline.components import HINTS, KEY_PREFIX

    doc = make_doc(nlp, document.text)
    doc.user_data[KEY_PREFIX + HINTS] = {"blocks": document.blocks, "tables": document.tables}
    doc.user_data[KEY_PREFIX + "text"] = document.text
    return doc


def to_record(doc: Doc, document: Document, release_id: str) -> Release:
    """The record of a Doc that went through the pipeline."""
    from pipeline.record import to_release

    return to_release(
        doc,
        release_id=release_id,
        source=document.source,
        metadata=document.metadata,
        reader_warnings=document.warnings,
    )


# Inputs are extracted a batch at a time, stage by stage: the tokenizer over the batch, then
# each component over it, then the records. One piece of code running over many documents
# keeps its code and patterns in the CPU's caches; the main job is about a fifth faster than
# running every stage on one document after another (benchmarks/throughput.py).
BATCH_SIZE = 64
# A batch also ends once its texts reach this many characters: a Doc takes about 25 bytes
# per character of its text, so a few big inputs (up to --max-bytes each) go on their own.
BATCH_CHARS = 1_000_000


def extract_batch(
    nlp: Language, batch: Sequence[tuple[Document, str]], *, debug: bool = False
) -> list[Release | Exception]:
    """Extract ``(document, release_id)`` pairs stage by stage; each result is the record or
    the exception that stopped that document (the others go on), raised under ``debug``."""
    docs: list[Doc | Exception] = []
    for document, _ in batch:
        try:
            docs.append(prepare_doc(nlp, document))
        except Exception as exc:
            if debug:
                raise
            docs.append(exc)
    for _, proc in nlp.pipeline:
        for i, doc in enumerate(docs):
            if isinstance(doc, Exception):
                continue
            try:
                docs[i] = proc(doc)
            except Exception as exc:
                if debug:
                    raise
                docs[i] = exc
    results: list[Release | Exception] = []
    for (document, release_id), doc in zip(batch, docs, strict=True):
        if isinstance(doc, Exception):
            results.append(doc)
            continue
        try:
            results.append(to_record(doc, document, release_id))
        except Exception as exc:
            if debug:
                raise
            results.append(exc)
    return results


def extract_document(nlp: Language, document: Document, release_id: str) -> Release:
    """Run the pipeline over one read document and build its record (errors propagate)."""
    (result,) = extract_batch(nlp, [(document, release_id)], debug=True)
    if isinstance(result, Exception):  # not with debug=True, which raises it; for the types
        raise result
    return result


def _internal(shown: str, exc: Exception) -> InputError:
    # An exception's text may run over several lines; the message must stay on one.
    what = " ".join(f"{type(exc).__name__}: {exc}".split())
    if len(what) > 200:
        what = what[:199] + "…"
    return InputError(
        shown, "internal", f"extraction failed ({what}); run again with --debug and report it"
    )


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def run(
    paths: Sequence[Path],
    *,
    nlp: Language,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: Callable[[InputError], None] | None = None,
    sink: Callable[[Release], None] | None = None,
    debug: bool = False,
    batch_size: int = BATCH_SIZE,
) -> RunReport:
    """Read and extract every input; refused inputs are reported, never raised.

    Args:
        paths: files and folders, as given.
        nlp: the pipeline from :func:`pipeline.nlp.load`.
        max_bytes: inputs larger than this are refused.
        on_error: called with each refusal as it happens (the CLI prints it).
        sink: called with each release as soon as it is extracted (the CLI writes it, see
            :class:`pipeline.export.OutputWriter`); the report then keeps counts, not records.
        debug: let unexpected exceptions propagate (with their traceback).
        batch_size: inputs extracted together, stage by stage (see :func:`extract_batch`);
            a batch also ends at ``BATCH_CHARS`` characters of text.
    """
    from pipeline import __version__
    from pipeline.model import CONTRACT_VERSION

    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
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

    def extract(batch: list[tuple[Input, Document]]) -> None:
        pairs = [(document, ids[item.shown]) for item, document in batch]
        for (item, document), result in zip(
            batch, extract_batch(nlp, pairs, debug=debug), strict=True
        ):
            src = {"sha256": document.source.sha256, "bytes": document.source.bytes}
            if isinstance(result, Exception):
                refuse(_internal(item.shown, result), src)
                continue
            if sink is None:
                report.releases.append(result)
            else:
                sink(result)
            report.extracted += 1
            report.with_warnings += bool(result.warnings)
            entries.append(
                {
                    "path": item.shown,
                    **src,
                    "status": "ok",
                    "message": "",
                    "release_id": result.release_id,
                    "warnings": len(result.warnings),
                }
            )

    for err in errors:
        refuse(err)
    batch: list[tuple[Input, Document]] = []
    chars = 0
    for item in inputs:
        try:
            document = read_file(item.path, max_bytes=max_bytes, shown=item.shown)
        except InputError as err:
            refuse(err)
            continue
        batch.append((item, document))
        chars += len(document.text)
        if len(batch) == batch_size or chars >= BATCH_CHARS:
            extract(batch)
            batch, chars = [], 0
    extract(batch)
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


def extract_to(
    paths: Sequence[Path],
    out: Path,
    *,
    nlp: Language,
    max_bytes: int = DEFAULT_MAX_BYTES,
    xlsx: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    debug: bool = False,
) -> RunReport:
    """The main job (``pipeline extract``): extract every input and write the contract files.

    Each release is written as soon as it is extracted, into a temporary folder that replaces
    ``out`` only once everything is written (see :class:`pipeline.export.OutputWriter`).

    Raises:
        PipelineError: ``out`` cannot be replaced (see :func:`pipeline.export.check_out`).
        OSError: the output could not be written; ``out`` is left as it was.
    """
    from pipeline import export

    with export.OutputWriter(out, xlsx=xlsx) as writer:
        report = run(
            paths, nlp=nlp, max_bytes=max_bytes, on_error=on_error, sink=writer.add, debug=debug
        )
        errors = [{"path": e.path, "code": e.code, "message": e.detail} for e in report.errors]
        writer.finish(errors, report.manifest)
    return report
