"""The reader: bytes on disk -> the contract ``text``, its ``Source`` and, for HTML, structure.

Text and Markdown are decoded and get only two changes: ``\\r\\n`` and lone ``\\r`` become
``\\n`` and a leading byte-order mark is dropped. Everything else (tabs, form feeds, no-break
and zero-width spaces) stays, so that offsets into ``text`` mean something to the user. The
one exception is text that was decoded with the wrong encoding before it was saved or
copied (mojibake: ``â€™`` for ``’``, ``Â£`` for ``£``): it is repaired (:func:`_unmangled`),
with a warning, since no quotation or sum can be read from it otherwise. HTML is
reduced to its visible main content by :mod:`pipeline.html`, which also reports the blocks,
table cells and metadata it rendered.

Decoding order: byte-order mark, then strict UTF-8 (the fast path: a 2 KB UTF-8 release costs
a few microseconds here), then UTF-8 with its few stray bytes read alone as cp1252 (when the
file reads mostly as UTF-8), then, only when that fails, a detector restricted to the
encodings a UK release is plausibly saved in. Nothing here ever raises
``UnicodeDecodeError``: a refused input is an :class:`~pipeline.errors.InputError` with a code
and a one-line message.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from pipeline.errors import InputError
from pipeline.model import Source, Span

__all__ = ["DEFAULT_MAX_BYTES", "Document", "detect_format", "read_bytes", "read_file"]

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES: Final = frozenset({".md", ".markdown"})
MHTML_SUFFIXES: Final = frozenset({".mhtml", ".mht"})  # a page saved as one file (pipeline.mhtml)


@dataclass(slots=True)
class Document:
    """One decoded input.

    ``text`` is the contract ``text``; ``blocks``, ``tables`` and ``metadata`` are filled for
    HTML only (see :mod:`pipeline.html` for what each holds); ``warnings`` are sentences for
    the release's ``warnings`` list. Not frozen, like the records (:mod:`pipeline.model`):
    nothing changes one once made, and a frozen class's ``__init__`` sets each field through
    ``object.__setattr__``.
    """

    text: str
    source: Source
    blocks: tuple[Span, ...] = ()
    tables: tuple[tuple[tuple[Span, ...], ...], ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    # Codes for the release's ``review`` (see ``record.REVIEW``): ``text-repaired`` (bytes or
    # characters that were not valid text were replaced) and the page's (``HtmlPage.review``).
    review: tuple[str, ...] = ()

    # Written out, as the records' (pipeline.model): the dataclass's own __init__ is Python
    # code, which compiled code calls through the interpreter.
    def __init__(
        self,
        text: str,
        source: Source,
        blocks: tuple[Span, ...] = (),
        tables: tuple[tuple[tuple[Span, ...], ...], ...] = (),
        metadata: dict[str, str] | None = None,
        warnings: tuple[str, ...] = (),
        review: tuple[str, ...] = (),
    ) -> None:
        self.text = text
        self.source = source
        self.blocks = blocks
        self.tables = tables
        self.metadata = {} if metadata is None else metadata
        self.warnings = warnings
        self.review = review


# --- binary sniffing -------------------------------------------------------------------------

# Leading bytes of the files people most often pass by mistake, and what to call them.
_MAGIC: Final[tuple[tuple[bytes, str], ...]] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office document (DOC/XLS/PPT)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "a Java class file"),
    (b"PAR1", "a Parquet file"),
)
_MAGIC_PREFIXES: Final = tuple(magic for magic, _ in _MAGIC)

# Members that identify an Office Open XML / OpenDocument file inside a ZIP container; they
# sit in the local file headers near the start, so a short prefix is enough to tell.
_ZIP_KINDS: Final[tuple[tuple[bytes, str], ...]] = (
    (b"word/", "a Word document (DOCX)"),
    (b"xl/", "an Excel workbook (XLSX)"),
    (b"ppt/", "a PowerPoint file (PPTX)"),
    (b"application/vnd.oasis.opendocument", "an OpenDocument file (ODT/ODS)"),
    (b"application/epub+zip", "an EPUB book"),
)

# C0 control bytes other than tab, line feed, vertical tab, form feed and carriage return,
# plus DEL. Text files hold almost none; binary files are full of them.
_CONTROL_BYTES: Final = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS_RE: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SNIFF_BYTES: Final = 64 * 1024
# How an input is opened: read-only, not inherited by child processes, and on Windows as bytes
_READ: Final = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_MAX_CONTROL_SHARE: Final = 0.10

_C1_BYTES_RE: Final = re.compile(rb"[\x80-\x9f]")
# A web page may hold a few stray NUL bytes (at most one in a thousand); a text file none.
_MAX_STRAY_NUL_SHARE: Final = 0.001
_HTML_TAG_RE: Final = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.I)
# Where a page starts: white space, an XML declaration and comments (a browser's "saved from
# url" mark) may come before the doctype or the <html> tag.
_HTML_START_RE: Final = re.compile(
    r"(?:[ \t\n\f]|<\?xml[^>]{0,200}>|<!--.{0,500}?-->)*<(?:!doctype[ \t\n\f]+html|html[ \t\n\f>])",
    re.I | re.S,
)
_META_CHARSET_RE: Final = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I
)

# A guessed decoding is kept, but the user is told what to look at.
_GUESS_WARNINGS: Final = {
    "cp1252": "encoding guessed as cp1252 (Windows-1252): check the quotation marks and dashes",
    "latin-1": "encoding guessed as latin-1: check accented letters and symbols such as £ and ½",
}


def _sniff_binary(data: bytes) -> str | None:
    """What the bytes look like when they are plainly not text, else ``None``."""
    if data.startswith(_MAGIC_PREFIXES):
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                if kind == "a ZIP archive":
                    head = data[:4096]
                    for marker, zip_kind in _ZIP_KINDS:
                        if marker in head:
                            return zip_kind
                    return "a ZIP archive (or a DOCX/XLSX file)"
                return kind
    # RIFF and ISO media containers carry their kind a few bytes in.
    if data.startswith(b"RIFF") and data[8:12] in {b"WEBP", b"WAVE", b"AVI "}:
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file"}.get(
            data[8:12], "an AVI video"
        )
    if data[4:8] == b"ftyp":
        return "an MP4 video or audio file"
    return None


def _control_share(sample: bytes) -> float:
    """The share of ``sample``'s bytes that are control bytes: counted as the bytes that
    deleting them removes (deleting the 29 control bytes costs less than deleting the 227
    others, the plain count)."""
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _binary(path: str, kind: str) -> InputError:
    if kind == "a binary file":
        detail = "looks like a binary file, not text; pass a .txt, .md or .html release"
    else:
        detail = (
            f"looks like {kind}, not a text release; save the release as text (.txt), "
            "Markdown (.md) or HTML (.html) and pass that"
        )
    return InputError(path, "binary", detail)


# --- decoding --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Decoded:  # not frozen: see Document
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()
    repaired: bool = False  # bytes that were not valid in the encoding were read one by one

    def __init__(
        self, text: str, encoding: str, warnings: tuple[str, ...] = (), repaired: bool = False
    ) -> None:  # written out: see Document
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
        self.repaired = repaired


def _codec_label(name: str) -> str | None:
    """The reported label for a codec name, or ``None`` if Python does not know it."""
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return {"iso8859-1": "latin-1", "utf-8": "utf-8"}.get(canonical, canonical.replace("_", "-"))


def _decode_utf16(data: bytes, path: str, encoding: str, codec: str) -> _Decoded:
    warnings: tuple[str, ...] = ()
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        warnings = (
            f"the file is not valid {encoding.upper()} throughout: "
            "unreadable bytes were replaced with �",
        )
    sample = text[:_SNIFF_BYTES]
    if "\x00" in sample or (
        sample and len(_CONTROL_CHARS_RE.findall(sample)) / len(sample) > _MAX_CONTROL_SHARE
    ):
        raise _binary(path, "a binary file")
    return _Decoded(text, encoding, warnings)


def _bomless_utf16(data: bytes) -> str | None:
    """``'utf-16-le'``/``'utf-16-be'`` when NUL bytes fall in the pattern of ASCII-range
    UTF-16 saved without a byte-order mark, else ``None``."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


# Charsets a page may declare and that are decoded as declared (labels as _codec_label gives
# them). Anything else (utf-7, idna, rot13 ...) is ignored and the bytes are guessed.
_DECLARABLE: Final = frozenset(
    {
        "cp1252", "latin-1", "ascii", "iso8859-15", "iso8859-2", "iso8859-5", "iso8859-7",
        "iso8859-9", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "koi8-r", "koi8-u",
        "mac-roman", "shift-jis", "euc-jp", "euc-kr", "gb2312", "gbk", "gb18030", "big5",
    }
)  # fmt: skip


def _single_byte(data: bytes, path: str, declared: str | None) -> _Decoded:
    """Decode bytes that are not UTF-8: a declared charset if it works, else a guess."""
    label = _codec_label(declared) if declared is not None else None
    if label in _DECLARABLE:
        if label in {"latin-1", "ascii"}:
            # As browsers do: a page labelled ISO-8859-1 or ASCII is read as Windows-1252,
            # whose 0x80-0x9F are the curly quotes and dashes that a Latin-1 reading turns
            # into control characters.
            label = "cp1252" if _C1_BYTES_RE.search(data) else "latin-1"
        try:
            return _Decoded(data.decode(label), label)
        except (UnicodeError, LookupError):
            pass
    return _guess(data)


def _guess(data: bytes) -> _Decoded:
    from charset_normalizer import from_bytes

    # Only the encodings a UK release is realistically saved in: with more candidates
    # (cp1250, mac_roman, ISO-8859-15) the detector picks them for short cp1252 texts and
    # turns '£' into 'Ł' or '½' into 'œ'. Latin-1 and cp1252 agree on every byte outside
    # 0x80-0x9F, so the detector's choice between them comes down to those bytes.
    matches = from_bytes(data, cp_isolation=["cp1252", "latin_1"])
    best = matches.best()
    has_c1 = _C1_BYTES_RE.search(data) is not None
    encoding = "latin-1"
    if has_c1:
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    else:
        text = data.decode("latin-1")
    warnings = [_GUESS_WARNINGS[encoding]]
    if best is None:
        warnings.append(
            "the bytes do not read well in any expected encoding (UTF-8, cp1252, latin-1); "
            "check the text, or save the file as UTF-8"
        )
    return _Decoded(text, encoding, tuple(warnings))


def _decode(data: bytes, path: str, suffix: str) -> _Decoded:
    # Byte-order marks first. UTF-32 LE starts with the UTF-16 LE mark, so it goes first.
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            data.decode("utf-32")
        except UnicodeDecodeError:
            pass  # not UTF-32 after all: a UTF-16 LE mark followed by a NUL character
        else:
            return _decode_utf16(data, path, "utf-32", "utf-32")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, path, "utf-16", "utf-16")
    if data.startswith(codecs.BOM_UTF8):
        _check_controls(data, path)
        try:
            return _Decoded(data.decode("utf-8-sig"), "utf-8-sig")
        except UnicodeDecodeError:
            return _repaired_utf8(data.decode("utf-8-sig", errors="surrogateescape"), "utf-8-sig")
    nul_warnings: tuple[str, ...] = ()
    if b"\x00" in data:
        guess = _bomless_utf16(data)
        if guess is not None:
            decoded = _decode_utf16(data, path, guess, guess)
            warning = f"no byte-order mark: encoding guessed as {guess.upper()}"
            return _Decoded(decoded.text, decoded.encoding, (warning, *decoded.warnings))
        nuls = data.count(0)
        if nuls > len(data) * _MAX_STRAY_NUL_SHARE or not _HTML_TAG_RE.search(data[:4096]):
            raise _binary(path, "a binary file")
        # A saved web page with a few stray NUL bytes (a server's padding): no browser shows
        # them, so they are dropped, and the release says so.
        data = data.replace(b"\x00", b"")
        nul_warnings = (f"{nuls} NUL byte(s) in the page dropped",)
    if nul_warnings:
        decoded = _decode(data, path, suffix)
        return _Decoded(
            decoded.text, decoded.encoding, (*nul_warnings, *decoded.warnings), decoded.repaired
        )
    if _control_share(data[:_SNIFF_BYTES]) > _MAX_CONTROL_SHARE:
        raise _binary(path, "a binary file")
    try:
        return _Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", errors="surrogateescape")
    if _mostly_utf8(escaped):
        return _repaired_utf8(escaped, "utf-8")
    declared = None
    if suffix in HTML_SUFFIXES or b"<" in data[:1024]:
        found = _META_CHARSET_RE.search(data[:4096])
        if found:
            declared = found.group(1).decode("ascii", "replace")
    return _single_byte(data, path, declared)


# A byte that is not UTF-8, as ``surrogateescape`` decodes it (U+DC80-U+DCFF).
_ESCAPED_BYTE: Final = re.compile(f"[{chr(0xDC80)}-{chr(0xDCFF)}]")
_SHOWN_POSITIONS: Final = 5


def _mostly_utf8(escaped: str) -> bool:
    """Whether text decoded with ``surrogateescape`` has at least as many valid non-ASCII
    characters as bytes that are not UTF-8 (and some): then it is UTF-8 with a few stray bytes (see
    :func:`_repaired_utf8`), not a file in a single-byte encoding."""
    bad = len(_ESCAPED_BYTE.findall(escaped))
    valid = len(escaped) - len(escaped.encode("ascii", errors="ignore")) - bad
    return valid > 0 and valid >= bad


def _repaired_utf8(escaped: str, encoding: str) -> _Decoded:
    """UTF-8 with a few bytes that are not (a cp1252 curly quote or pound sign pasted into a
    UTF-8 file), given as decoded with ``surrogateescape``: each such byte is read on its own
    as cp1252 (U+FFFD where cp1252 has no character), so the rest of the text stays right and
    every offset keeps its place; the warning names the bytes' positions in the file. Linear:
    one scan, each stretch between bad bytes encoded once to count its bytes."""
    text = escaped
    bad = [m.start() for m in _ESCAPED_BYTE.finditer(text)]
    positions: list[int] = []
    parts: list[str] = []
    last = 0
    # Byte offset of each bad byte: the bytes of the text before it, counted piecewise.
    offset = len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0
    for at in bad:
        chunk = text[last:at]
        offset += len(chunk.encode("utf-8"))
        positions.append(offset)
        offset += 1
        byte = bytes([ord(text[at]) - 0xDC00])
        parts.append(chunk)
        parts.append(byte.decode("cp1252", errors="replace"))
        last = at + 1
    parts.append(text[last:])
    shown = ", ".join(f"{p:,}" for p in positions[:_SHOWN_POSITIONS])
    more = len(positions) - _SHOWN_POSITIONS
    where = f"byte {shown}" if len(positions) == 1 else f"bytes {shown}"
    if more > 0:
        where += f" and {more:,} more"
    warning = (
        f"the file is UTF-8 but for {len(positions):,} byte(s) that are not ({where}): "
        "each was read as cp1252 (or � where cp1252 has no character); check them"
    )
    return _Decoded("".join(parts), encoding, (warning,), repaired=True)


# --- mojibake ----------------------------------------------------------------------------------

# What a UTF-8 continuation byte (0x80 to 0xBF) looks like once read as cp1252 or Latin-1
# (undefined cp1252 bytes read as C1 controls, as browsers do).
_CONTINUATIONS: Final = "\x80-\xbf" + "ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™"
# The mark of UTF-8 read as cp1252: a lead byte's character (Â to ô) before a continuation's
# (â€™ for ’, Â£ for £, Ã© for é); or a C1 control, which no text holds (cp1252 read as
# Latin-1: \x93 for “). A text without one is left alone, and ftfy is not even loaded.
MOJIBAKE_MARK: Final = re.compile(f"[\x80-\x9f]|[\xc2-\xf4][{_CONTINUATIONS}]")
# ”'s last byte, 0x9D, is not cp1252: many tools drop it, leaving â€ before what follows.
_LOST_9D: Final = re.compile(f"\xe2\u20ac(?![{_CONTINUATIONS}])")


def may_be_mangled(data: bytes) -> bool:
    """Whether UTF-8 ``data`` may show :data:`MOJIBAKE_MARK`: it holds a character from
    ``À`` to ``ÿ`` (byte C3; ``Â`` to ``ô`` are among them) or a C1 control (C2 80 to C2 9F).
    Byte searches: the pattern over the text took 0.1 ms a release, a sixth of its whole
    extraction, and most releases hold no such character (``£`` is C2 A3)."""
    if b"\xc3" in data:
        return True
    at = data.find(b"\xc2")
    while 0 <= at < len(data) - 1:
        if 0x80 <= data[at + 1] <= 0x9F:
            return True
        at = data.find(b"\xc2", at + 2)
    return False


def _unmangled(text: str) -> tuple[str, str | None]:
    """``text`` with its mojibake repaired, and the warning to give, or ``text`` itself and
    ``None``. ftfy (``fix_encoding``) does the repair: it undoes the wrong decoding only
    where the result is plausible text, so ``Pâté’s`` stays. A ``â€`` whose last byte was
    dropped is taken for ``”``, the only common character it can be."""
    if not MOJIBAKE_MARK.search(text):
        return text, None
    from ftfy import fix_encoding

    fixed = fix_encoding(_LOST_9D.sub("\xe2\u20ac\x9d", text))
    if fixed == text:
        return text, None
    return fixed, (
        "the text had been decoded with the wrong encoding before it was saved (mojibake, "
        "such as â€™ for ’ or Â£ for £): repaired; check quotation marks and symbols"
    )


def _as_declared(data: bytes, charset: str | None) -> _Decoded | None:
    """``data`` decoded as the charset its container declares (a saved page's MIME part),
    when it declares one that Python knows and the bytes are in it; else None."""
    if charset is None:
        return None
    try:
        return _Decoded(data.decode(charset), charset)
    except (LookupError, UnicodeDecodeError):
        return None


def _check_controls(data: bytes, path: str) -> None:
    if b"\x00" in data or _control_share(data[:_SNIFF_BYTES]) > _MAX_CONTROL_SHARE:
        raise _binary(path, "a binary file")


# --- public API ------------------------------------------------------------------------------


def detect_format(path: str, text: str) -> str:
    """``'html'``, ``'markdown'`` or ``'text'`` from the suffix, with HTML content sniffed.

    A file whose text starts with ``<!DOCTYPE html`` or ``<html`` is HTML whatever its name.
    """
    return _format(text, _suffix(path))


def _format(text: str, suffix: str) -> str:
    """:func:`detect_format` with the path's suffix, in lower case, already taken."""
    if _HTML_START_RE.match(text):
        return "html"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def read_bytes(data: bytes, path: str) -> Document:
    """Decode one input held in memory.

    Args:
        data: the raw bytes.
        path: the path to record in ``Source.path`` and to name in messages.

    Returns:
        The :class:`Document`.

    Raises:
        InputError: ``empty`` (no bytes, or only white space) or ``binary`` (the bytes are a
            PDF, an image, an archive, ... or otherwise not text).
    """
    if not data:
        raise InputError(path, "empty", "is empty (0 bytes); nothing to extract")
    kind = _sniff_binary(data)
    if kind is not None:
        raise _binary(path, kind)
    suffix = _suffix(path)
    content, declared = data, None  # the bytes to decode, and the charset a container declares
    if suffix in MHTML_SUFFIXES:
        from pipeline.mhtml import saved_page

        content, declared = saved_page(data, path)
        suffix = ".html"
    decoded = _as_declared(content, declared) or _decode(content, path, suffix)
    text = decoded.text
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():
        raise InputError(path, "empty", "contains only white space; nothing to extract")
    # When data is the text's UTF-8 (no byte read alone as cp1252), it is searched as bytes.
    utf8 = decoded.encoding.startswith("utf-8") and not decoded.repaired
    text, unmangled = _unmangled(text) if not utf8 or may_be_mangled(content) else (text, None)
    if unmangled is not None:
        decoded = replace(decoded, warnings=(*decoded.warnings, unmangled), repaired=True)
    fmt = _format(text, suffix)
    source = Source(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        bytes=len(data),
        encoding=decoded.encoding,
        format=fmt,
    )
    if fmt != "html":
        return Document(
            text=text, source=source, warnings=decoded.warnings, review=_repaired(decoded)
        )

    from pipeline.html import render_html

    page = render_html(text)
    if not page.text:
        raise InputError(
            path,
            "empty",
            "the HTML page has no visible text once navigation, cookie notices and footers "
            "are dropped; nothing to extract",
        )
    return Document(
        text=page.text,
        source=source,
        blocks=page.blocks,
        tables=page.tables,
        metadata=page.metadata,
        warnings=decoded.warnings + page.warnings,
        review=_repaired(decoded) + page.review,
    )


def _suffix(path: str) -> str:
    """The suffix of a '/'-separated path (as records show paths), lowered: what
    ``posixpath.splitext(path)[1].lower()`` gives, written out, since ``splitext`` is Python
    code (its generic ``_splitext`` with ``os.fspath`` and separator arguments) and took a
    twentieth of reading a release. The suffix starts at the name's last dot, unless the
    name is only dots before it (``.profile``, ``..x``: no suffix)."""
    name = path.rfind("/") + 1
    dot = path.rfind(".")
    if dot <= name or not path[name:dot].strip("."):
        return ""
    return path[dot:].lower()


def _repaired(decoded: _Decoded) -> tuple[str, ...]:
    return ("text-repaired",) if decoded.repaired else ()


_SURROGATE: Final = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")


def read_text(text: str, path: str) -> Document:
    """Decode one input given as a Python string (what ``pipeline.extract_text`` takes).

    A string may hold lone surrogates (text decoded with ``surrogateescape``, or cut from
    UTF-16 mid-pair), which no file can: each becomes one U+FFFD, so the characters keep
    their places, and the release says so in a warning.

    Raises:
        InputError: as :func:`read_bytes`.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        replaced, count = _SURROGATE.subn("\ufffd", text)
        document = read_bytes(replaced.encode("utf-8"), path)
        warning = f"{count} lone surrogate character(s) (not valid Unicode) replaced with \ufffd"
        review = tuple(dict.fromkeys(("text-repaired", *document.review)))
        return replace(document, warnings=(*document.warnings, warning), review=review)
    return read_bytes(data, path)


def read_file(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, shown: str | None = None
) -> Document:
    """Read and decode one input file.

    Args:
        path: the file to read (a ``Path`` or a string: the main job passes the string it
            found, and no ``Path`` is made per input).
        max_bytes: refuse files larger than this, before reading them.
        shown: the path string to record in ``Source.path`` and to use in messages
            (default: ``path`` with ``/`` separators).

    Returns:
        The :class:`Document`.

    Raises:
        InputError: ``missing``, ``loop``, ``not-a-file``, ``unreadable``, ``too-large``, and
            the refusals of :func:`read_bytes`.
    """
    name = shown if shown is not None else Path(path).as_posix()
    try:
        info = os.stat(path)  # noqa: PTH116 - no Path per input (see Input)
    except FileNotFoundError:
        broken_link = os.path.islink(path)  # noqa: PTH114
        detail = (
            "is a symbolic link to a file that does not exist"
            if broken_link
            else "no such file; check the path"
        )
        raise InputError(name, "missing", detail) from None
    except PermissionError:
        raise InputError(
            name, "unreadable", "permission denied; check the folder's permissions"
        ) from None
    except ValueError:  # a NUL character in the path
        raise InputError(name, "missing", "no such file (the path holds a NUL character)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(name, "loop", "is a symbolic link that loops back on itself") from None
        if exc.errno == errno.ENOTDIR:
            raise InputError(
                name, "missing", "no such file (a part of the path is not a folder)"
            ) from None
        if exc.errno == errno.ENAMETOOLONG:
            raise InputError(name, "missing", "the path is too long") from None
        raise InputError(name, "unreadable", f"cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(
            name, "not-a-file", "is a folder, not a file; pass the files in it instead"
        )
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            name, "not-a-file", "is not a regular file (a device, pipe or socket); skipped"
        )
    if info.st_size > max_bytes:
        raise _too_large(name, info.st_size, max_bytes)
    try:
        # Straight from the descriptor: the bytes are read once, into the result (a file
        # object costs as much again as the read itself on a release of a few kilobytes).
        fd = os.open(path, _READ)
        try:
            # Ask for the size stat() gave plus one byte (asking for max_bytes would allocate
            # that much); a file that grew since is read on, up to one byte past the limit.
            data = _read_up_to(fd, info.st_size + 1)
            if len(data) > info.st_size:
                data += _read_up_to(fd, max_bytes + 1 - len(data))
        finally:
            os.close(fd)
    except PermissionError:
        raise InputError(
            name, "unreadable", "permission denied; check the file's permissions"
        ) from None
    except OSError as exc:
        raise InputError(name, "unreadable", f"cannot be read ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes, grew=True)
    return read_bytes(data, name)


def _read_up_to(fd: int, n: int) -> bytes:
    """Up to ``n`` bytes of an open file: fewer only at its end (a read may return fewer
    bytes than asked for; the reads go on until the end or ``n``)."""
    data = os.read(fd, n)
    while 0 < len(data) < n:
        more = os.read(fd, n - len(data))
        if not more:
            break
        data += more
    return data


def _too_large(name: str, size: int, limit: int, *, grew: bool = False) -> InputError:
    size_text = "more than " + _size(limit) if grew else _size(size)
    return InputError(
        name,
        "too-large",
        f"is {size_text}, over the {_size(limit)} limit; if it really is one release, "
        f"raise the limit with --max-bytes",
    )


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB ({n:,} bytes)"
    return f"{n / (1024 * 1024):.1f} MB ({n:,} bytes)"
