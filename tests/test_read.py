"""The reader: decoding, newlines, format detection and refusals (pipeline/read.py)."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError, PipelineError
from pipeline.read import (
    DEFAULT_MAX_BYTES,
    MOJIBAKE_MARK,
    Document,
    detect_format,
    read_bytes,
    read_file,
    read_text,
)

SEED = Path(__file__).resolve().parents[1] / "raw" / "000_e652adb531517c63.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")

# Written for these tests: every character is in Latin-1 (no curly quotes).
LATIN1_TEXT = (
    "Inspection of the café at Lowmere\n\n"
    "The café charged £3.50 for a meal and served ½ portions to children.\n\n"
    "Inspectors rated the service 'good' overall; the résumé of findings follows.\n"
)


def _refusal(data: bytes, name: str = "release.txt") -> InputError:
    with pytest.raises(InputError) as info:
        read_bytes(data, name)
    return info.value


def _file_refusal(path: Path, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as info:
        read_file(path, **kwargs)  # type: ignore[arg-type]
    return info.value


def _one_line_naming(error: InputError, name: str) -> None:
    message = str(error)
    assert "\n" not in message and "\r" not in message
    assert message.startswith(f"{name}: ")
    assert isinstance(error, PipelineError)


# --- decoding --------------------------------------------------------------------------------


def test_seed_has_the_characters_the_encodings_must_keep() -> None:
    # The round trips below only mean something if the seed holds non-ASCII text.
    assert "’" in SEED_TEXT and "“" in SEED_TEXT and "\u00a0" in SEED_TEXT


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SEED_TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"), "utf-8-sig"),
        (SEED_TEXT.encode("utf-16"), "utf-16"),  # with a BOM, in native order
        (codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"), "utf-16"),
        (SEED_TEXT.encode("utf-32"), "utf-32"),
        (SEED_TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32", "cp1252"],
)
def test_seed_reencoded_decodes_to_the_same_text(data: bytes, encoding: str) -> None:
    document = read_bytes(data, "raw/seed.txt")
    assert document.text == SEED_TEXT
    assert document.source.encoding == encoding
    assert document.source.bytes == len(data)
    assert document.source.sha256 == hashlib.sha256(data).hexdigest()
    assert document.source.format == "text"
    assert document.blocks == () and document.tables == () and document.metadata == {}


@pytest.mark.parametrize(
    "text",
    [
        "Title\n\nA lone \ud800 high surrogate.",
        "\udc80 a low one first, then a pair of them: \udcff\udcfe",
        "Title\n\nEnds with one\udfff",
    ],
)
def test_lone_surrogates_become_one_replacement_each(text: str) -> None:
    doc = read_text(text, "x.txt")
    count = sum(0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert len(doc.text) == len(text)  # every other character keeps its place
    assert [i for i, c in enumerate(doc.text) if c == "\ufffd"] == [
        i for i, c in enumerate(text) if 0xD800 <= ord(c) <= 0xDFFF
    ]
    assert doc.warnings == (
        f"{count} lone surrogate character(s) (not valid Unicode) replaced with \ufffd",
    )


def test_a_string_without_surrogates_reads_as_its_utf8_bytes() -> None:
    text = "Title\n\nMagistrates’ courts — 70%"
    assert read_text(text, "x.txt") == read_bytes(text.encode("utf-8"), "x.txt")


def test_utf8_needs_no_warning_and_a_guess_gets_one() -> None:
    assert read_bytes(SEED_TEXT.encode("utf-8"), "a.txt").warnings == ()
    assert read_bytes(codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"), "a.txt").warnings == ()
    guessed = read_bytes(SEED_TEXT.encode("cp1252"), "a.txt")
    assert any("cp1252" in w and "guessed" in w for w in guessed.warnings)


def test_cp1252_smart_quote_bytes_become_curly_quotes() -> None:
    data = b"The Chief Inspector said: \x93It\x92s vital \x96 and urgent.\x94\n"
    document = read_bytes(data, "quote.txt")
    assert document.text == "The Chief Inspector said: “It’s vital – and urgent.”\n"
    assert document.source.encoding == "cp1252"


def test_latin1_text_decodes_and_is_called_latin1() -> None:
    data = LATIN1_TEXT.encode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # so the reader really has to guess
    document = read_bytes(data, "cafe.txt")
    assert document.text == LATIN1_TEXT
    assert document.source.encoding == "latin-1"
    assert any("latin-1" in w for w in document.warnings)


def test_latin1_with_bytes_cp1252_cannot_decode_stays_latin1() -> None:
    # 0x81 and 0x8D are undefined in cp1252, so the only faithful reading is Latin-1.
    data = "café ".encode("latin-1") + b"\x81\x8d end"
    document = read_bytes(data, "odd.txt")
    assert document.source.encoding == "latin-1"
    assert document.text == "café \x81\x8d end"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "cp1252"])
def test_crlf_and_cr_become_lf(newline: str, codec: str) -> None:
    data = SEED_TEXT.replace("\n", newline).encode(codec)
    assert read_bytes(data, "seed.txt").text == SEED_TEXT


def test_mixed_line_ends() -> None:
    assert read_bytes(b"one\r\ntwo\rthree\nfour\r\r\n", "a.txt").text == "one\ntwo\nthree\nfour\n\n"


def test_nothing_else_is_normalised() -> None:
    text = (
        "Title\tTabbed\n\x0cPage two\u200bzero width\u00a0no-break  two spaces \n"
        "\u2028line separator\u00ad soft hyphen \ufefffeff inside\n   \n"
    )
    document = read_bytes(text.encode("utf-8"), "odd.txt")
    assert document.text == text


def test_bom_character_is_stripped_once() -> None:
    assert read_bytes(codecs.BOM_UTF8 + b"Title\n", "a.md").text == "Title\n"
    # A second BOM (a file saved twice with one) is still one BOM too many: it goes as well.
    assert read_bytes(codecs.BOM_UTF8 * 2 + b"Title\n", "a.md").text == "Title\n"


def test_invalid_utf8_after_a_bom_is_repaired_not_raised() -> None:
    document = read_bytes(codecs.BOM_UTF8 + b"caf\xe9 ok \x81\n", "a.txt")
    assert document.text == "café ok \ufffd\n"  # each bad byte alone as cp1252, else U+FFFD
    assert document.source.encoding == "utf-8-sig"
    assert any("bytes 6, 11" in w for w in document.warnings)


def test_odd_length_utf16_is_replaced_not_raised() -> None:
    data = "Title\n".encode("utf-16") + b"\x41"
    document = read_bytes(data, "a.txt")
    assert document.text.startswith("Title\n")
    assert document.source.encoding == "utf-16"
    assert document.warnings


@pytest.mark.parametrize(
    ("codec", "label"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
)
def test_utf16_without_bom_is_guessed_not_refused(codec: str, label: str) -> None:
    document = read_bytes(SEED_TEXT.encode(codec), "seed.txt")
    assert document.text == SEED_TEXT
    assert document.source.encoding == label
    assert any("byte-order mark" in w for w in document.warnings)


def test_cp1252_html_without_a_declaration_is_guessed() -> None:
    page = b"<html><body><h1>\x93Good\x94 at Caf\xe9s</h1></body></html>"
    document = read_bytes(page, "page.htm")
    assert document.text == "“Good” at Cafés"
    assert document.source.encoding == "cp1252" and document.source.format == "html"
    assert any("guessed" in w for w in document.warnings)


def test_html_declared_charset_is_used_without_a_guess_warning() -> None:
    page = (
        '<html><head><meta charset="windows-1252"></head><body>'
        "<h1>Caf\xe9 report</h1><p>\x93Good\x94 overall</p></body></html>"
    ).encode("latin-1")
    document = read_bytes(page, "page.html")
    assert document.source.encoding == "cp1252"
    assert document.text == "Café report\n\n“Good” overall"
    assert not any("guessed" in w for w in document.warnings)


@pytest.mark.parametrize(
    "charset",
    ["undefined", "idna", "rot13", "base64", "unicode_escape", "utf-7", "no-such", "utf-8"],
)
def test_odd_declared_charsets_are_ignored_not_raised(charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"></head><body><p>Caf\xe9 \x93ok\x94</p>'
    document = read_bytes(page.encode("latin-1"), "page.html")
    assert document.text == "Café “ok”"
    assert document.source.encoding == "cp1252"


# --- format detection ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("a.txt", "Title\n", "text"),
        ("a", "Title\n", "text"),
        ("a.md", "# Title\n", "markdown"),
        ("a.MARKDOWN", "# Title\n", "markdown"),
        ("a.html", "<p>Title</p>", "html"),
        ("a.HTM", "<p>Title</p>", "html"),
        ("a.txt", "<!DOCTYPE html><p>Title</p>", "html"),
        ("a.md", "\n  <!doctype HTML>\n<p>Title</p>", "html"),
        ("a.txt", "<html lang='en'><p>Title</p>", "html"),
        ("a.txt", "<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html><p>T</p>", "html"),
        (
            "a.txt",
            '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><p>T</p>',
            "html",
        ),
        ("a.txt", "<htmlish> is not a tag\n", "text"),
        ("a.txt", "<!-- a comment -->\nTitle\n", "text"),
        ("a.txt", "Title\n<html>\n", "text"),
    ],
)
def test_format_detection(name: str, content: str, fmt: str) -> None:
    assert detect_format(name, content) == fmt
    assert read_bytes(content.encode("utf-8"), name).source.format == fmt


def test_markdown_is_read_like_text() -> None:
    text = "# Title\r\n\r\n| Criteria | Score |\r\n|---|---|\r\n| Leadership | Good |\r\n"
    document = read_bytes(text.encode("utf-8"), "release.md")
    assert document.text == text.replace("\r\n", "\n")
    assert document.source.format == "markdown"


# --- read_file -------------------------------------------------------------------------------


def test_read_file_records_the_path(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED_TEXT.encode("utf-8"))
    assert read_file(path).source.path == path.as_posix()
    document = read_file(path, shown="raw/seed.txt")
    assert document.source.path == "raw/seed.txt"
    assert document.text == SEED_TEXT
    assert isinstance(document, Document)


def test_read_file_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "seed.txt"
    target.write_bytes(b"Title\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_file(link).text == "Title\n"


def test_missing(tmp_path: Path) -> None:
    error = _file_refusal(tmp_path / "nope.txt", shown="raw/nope.txt")
    assert error.code == "missing" and error.path == "raw/nope.txt"
    _one_line_naming(error, "raw/nope.txt")


def test_broken_symlink_is_missing(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    error = _file_refusal(link)
    assert error.code == "missing" and "symbolic link" in str(error)


def test_symlink_loop(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    error = _file_refusal(a)
    assert error.code == "loop"
    _one_line_naming(error, a.as_posix())


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    error = _file_refusal(tmp_path)
    assert error.code == "not-a-file" and "folder" in str(error)
    _one_line_naming(error, tmp_path.as_posix())


def test_pipe_is_not_a_file_and_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # Opening a FIFO with no writer would block for ever; the reader must refuse it first.
    error = _file_refusal(fifo)
    assert error.code == "not-a-file"


def test_unreadable_when_open_is_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(b"Title\n")

    real_open = os.open

    def deny(p: Any, *args: Any, **kwargs: Any) -> int:
        if os.fspath(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    error = _file_refusal(path, shown="raw/secret.txt")
    assert error.code == "unreadable" and "permission" in str(error)
    _one_line_naming(error, "raw/secret.txt")


def test_too_large_names_size_limit_and_flag(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    error = _file_refusal(path, max_bytes=4096, shown="raw/big.txt")
    assert error.code == "too-large"
    message = str(error)
    assert "5,000 bytes" in message and "4.0 KB" in message and "--max-bytes" in message
    _one_line_naming(error, "raw/big.txt")
    assert read_file(path, max_bytes=5000).source.bytes == 5000  # the limit is inclusive


def test_default_limit_is_ten_megabytes(tmp_path: Path) -> None:
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: costs no disk
    assert _file_refusal(path).code == "too-large"


def test_file_that_grows_past_the_limit_while_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 10)
    real_stat = os.stat

    def stale_stat(p: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        result = real_stat(p, *args, **kwargs)
        if os.fspath(p) == str(path):  # report the size the file had before it grew
            fields = list(result)
            fields[6] = 10
            return os.stat_result(fields)
        return result

    path.write_bytes(b"x" * 100)
    monkeypatch.setattr(os, "stat", stale_stat)
    error = _file_refusal(path, max_bytes=50)
    assert error.code == "too-large" and "more than" in str(error)


def test_control_characters_in_a_path_stay_on_one_line(tmp_path: Path) -> None:
    error = _file_refusal(tmp_path / "bad\nname.txt", shown="raw/bad\nname.txt")
    assert "\n" not in str(error) and "bad\\nname.txt" in str(error)
    assert error.path == "raw/bad\nname.txt"


# --- refusals by content ---------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b" ", b"\n\n\t \r\n", "\u00a0\u2003\n".encode()])
def test_empty_or_white_space_only(data: bytes) -> None:
    error = _refusal(data, "raw/blank.txt")
    assert error.code == "empty"
    _one_line_naming(error, "raw/blank.txt")


def test_html_with_nothing_visible_is_empty() -> None:
    page = b"<html><head><title>T</title><script>var a = 1;</script></head><body></body></html>"
    assert _refusal(page, "page.html").code == "empty"


def _zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<xml/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (_zip("word/document.xml"), "DOCX"),
        (_zip("xl/workbook.xml"), "XLSX"),
        (_zip("notes.txt"), "ZIP"),
        (gzip.compress(b"Title\n"), "gzip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, "DOC/XLS"),
        (b"{\\rtf1\\ansi Title}", "RTF"),
    ],
    ids=["pdf", "png", "jpeg", "gif", "docx", "xlsx", "zip", "gzip", "ole", "rtf"],
)
def test_binary_by_magic_bytes_says_what_it_looks_like(data: bytes, kind: str) -> None:
    error = _refusal(data, "raw/report.txt")
    assert error.code == "binary"
    assert kind in str(error)
    _one_line_naming(error, "raw/report.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"Title\n\x00\x01\x02 some text",
        bytes(range(256)) * 4,
        b"abc" + b"\x01\x02\x03\x04\x05\x06" * 20 + b"defghijklmnop",
        "caf\xe9".encode("latin-1") + b"\x1b\x1c\x1d\x1e\x1f\x7f",
    ],
    ids=["nul", "all-bytes", "controls", "controls-latin1"],
)
def test_binary_by_nul_or_control_bytes(data: bytes) -> None:
    error = _refusal(data, "raw/blob.txt")
    assert error.code == "binary" and "binary" in str(error)


def test_a_few_control_characters_do_not_make_text_binary() -> None:
    text = "Title\n\nA stray \x01 and \x1b escape in a long enough paragraph of ordinary words.\n"
    assert read_bytes(text.encode("utf-8"), "a.txt").text == text


def test_binary_utf16_is_refused() -> None:
    # A BOM followed by NULs and control characters once decoded.
    data = codecs.BOM_UTF16_LE + b"\x00\x00\x01\x00\x02\x00\x41\x00" * 50
    assert _refusal(data).code == "binary"
    data = codecs.BOM_UTF16_LE + b"\x01\x00\x02\x00\x41\x00" * 50
    assert _refusal(data).code == "binary"


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_give_a_document_or_an_input_error(data: bytes) -> None:
    try:
        document = read_bytes(data, "fuzz.txt")
    except InputError as error:
        assert error.code in {"empty", "binary"}
        assert "\n" not in str(error)
        return
    assert "\r" not in document.text
    assert document.source.bytes == len(data)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([b"<html>", b"<!DOCTYPE html>", b"\xef\xbb\xbf<html><body><p>"]), st.binary()
)
def test_arbitrary_bytes_after_an_html_start(prefix: bytes, data: bytes) -> None:
    try:
        document = read_bytes(prefix + data, "fuzz.html")
    except InputError as error:
        assert error.code in {"empty", "binary"}
        return
    for block in document.blocks:
        assert 0 <= block.start <= block.end <= len(document.text)


# Text as people write it: any character but surrogates, the C0 controls other than tab,
# newline, vertical tab and form feed (NUL and control bytes are the binary test's business)
# and the C1 controls, which only mojibake holds (repaired: tests/test_mojibake.py).
_CONTROLS = "".join(chr(c) for c in [*range(0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)])
_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\r" + _CONTROLS),
    min_size=1,
    max_size=300,
)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_any_utf8_text_comes_back_unchanged(text: str) -> None:
    assume(not text.isspace())
    assume(not text.startswith("\ufeff"))
    assume(detect_format("fuzz.txt", text) == "text")
    assume(not MOJIBAKE_MARK.search(text))  # (Ã© and the like: tests/test_mojibake.py)
    document = read_bytes(text.encode("utf-8"), "fuzz.txt")
    assert document.text == text
    assert document.source.encoding == "utf-8"
    assert document.warnings == ()
