"""Pages saved by a browser as one file (MHTML, ``.mhtml``/``.mht``): read as the HTML page
they hold (pipeline/mhtml.py, pipeline/read.py). Every file here is built by the test, in the
shape Chrome's ``Webpage, Single File`` writes."""

from __future__ import annotations

import base64
import hashlib
import quopri
from pathlib import Path

import pytest

import pipeline
from pipeline.errors import InputError
from pipeline.inputs import find_inputs
from pipeline.read import read_bytes

BOUNDARY = "----MultipartBoundary--kP3dPq0pYQ----"
PAGE = (
    '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; '
    'charset=UTF-8"><title>Funding boost for rural bus routes - GOV.UK</title></head><body>'
    "<header><nav>Menu</nav></header><main><h1>Funding boost for rural bus routes</h1>"
    "<p>Councils will share £45 million to keep 120 routes running.</p>"
    "<p>Transport Minister Jo Hale said:</p><blockquote><p>Buses are a lifeline for rural "
    "communities.</p><p>This funding means every route will keep running.</p></blockquote>"
    "<p>The fund opens on 1 April 2025.</p></main><footer>© Crown copyright</footer>"
    "</body></html>"
)


def part(content_type: str, body: bytes, encoding: str, location: str) -> str:
    encoded = (
        quopri.encodestring(body).decode("ascii")
        if encoding == "quoted-printable"
        else base64.encodebytes(body).decode("ascii")
    )
    return (
        f"--{BOUNDARY}\r\nContent-Type: {content_type}\r\nContent-ID: <frame@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: {location}\r\n\r\n"
        f"{encoded}\r\n"
    )


def saved(*parts: str) -> bytes:
    head = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://www.example.gov.uk/news/bus-routes\r\n"
        "Subject: Funding boost for rural bus routes - GOV.UK\r\n"
        "Date: Tue, 18 Feb 2025 09:30:00 -0000\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{BOUNDARY}"'
        "\r\n\r\n\r\n"
    )
    return (head + "".join(parts) + f"--{BOUNDARY}--\r\n").encode("ascii")


PNG = part("image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "base64", "https://x/logo.png")
PAGE_QP = part("text/html", PAGE.encode("utf-8"), "quoted-printable", "https://x/news")


@pytest.mark.parametrize("name", ["page.mhtml", "PAGE.MHT"])
@pytest.mark.parametrize("order", ["page-first", "image-first"])
def test_a_saved_page_is_read_as_the_html_page_it_holds(name: str, order: str) -> None:
    data = saved(PAGE_QP, PNG) if order == "page-first" else saved(PNG, PAGE_QP)
    document = read_bytes(data, name)
    assert document.source.format == "html"
    assert document.source.encoding == "utf-8"
    assert document.source.sha256 == hashlib.sha256(data).hexdigest()  # of the file as saved
    assert document.source.bytes == len(data)
    assert document.text.startswith("Funding boost for rural bus routes\n\nCouncils will share £45")
    assert "Menu" not in document.text and "Crown copyright" not in document.text
    assert any(block.tag == "blockquote" for block in document.blocks)


def test_a_saved_page_gives_the_same_release_as_the_page_saved_as_html(tmp_path: Path) -> None:
    (tmp_path / "one.mhtml").write_bytes(saved(PAGE_QP, PNG))
    (tmp_path / "one.html").write_text(PAGE, encoding="utf-8")
    single, html = (
        pipeline.extract_file(tmp_path / "one.mhtml"),
        pipeline.extract_file(tmp_path / "one.html"),
    )
    assert single.title == html.title == "Funding boost for rural bus routes"
    assert single.text == html.text
    assert [(q.speaker, q.paragraphs) for q in single.quotes] == [("Jo Hale", 2)]
    assert [n.value for n in single.numbers] == [n.value for n in html.numbers]


def test_the_charset_a_part_declares_decodes_it() -> None:
    page = "<html><body><main><h1>Café reopens</h1><p>Ann Lee said: “It cost £2,000.”</p>"
    body = (page + "</main></body></html>").encode("cp1252")
    data = saved(part('text/html; charset="windows-1252"', body, "base64", "https://x/cafe"))
    document = read_bytes(data, "cafe.mhtml")
    assert document.source.encoding == "windows-1252"
    assert "Ann Lee said: “It cost £2,000.”" in document.text


def test_a_file_named_mhtml_that_is_plain_html_is_read_as_html() -> None:
    document = read_bytes(PAGE.encode("utf-8"), "page.mhtml")
    assert document.source.format == "html"
    assert document.text.startswith("Funding boost for rural bus routes")


@pytest.mark.parametrize(
    ("data", "code", "says"),
    [
        (saved(PNG), "empty", "holds no HTML page"),
        (
            "".join(
                f'Content-Type: multipart/related; boundary="b{i}"\n\n--b{i}\n' for i in range(40)
            ).encode()
            + b"Content-Type: text/html\n\n<p>Deep.</p>\n",
            "binary",
            "40 multipart sections",
        ),
    ],
    ids=["no-page", "nested-deep"],
)
def test_a_saved_file_with_no_page_or_too_many_sections_is_refused_in_one_line(
    data: bytes, code: str, says: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, "raw/saved.mht")
    assert caught.value.code == code
    message = str(caught.value)
    assert message.startswith("raw/saved.mht: ") and says in message and "\n" not in message


def test_a_folder_gives_its_saved_pages(tmp_path: Path) -> None:
    for name in ("a.mhtml", "b.mht", "c.txt", "d.xhtml", "e.png"):
        (tmp_path / name).write_bytes(b"x")
    inputs, errors = find_inputs([tmp_path])
    assert not errors
    assert sorted(Path(i.shown).name for i in inputs) == ["a.mhtml", "b.mht", "c.txt", "d.xhtml"]
