"""A page saved by a browser as one file (MHTML: Chrome's and Edge's ``Webpage, Single File``,
``.mhtml``/``.mht``) -> the HTML page it holds.

Such a file is a MIME message: the page is its first ``text/html`` part (base64 or
quoted-printable), and the other parts are the page's images and style sheets, which are
left. The standard library's :mod:`email` parser reads it. That parser checks every line
against each boundary of the parts it is inside, so a file of many nested parts would cost
time in proportion to its size times its depth: one with more than a few multipart sections
(a saved page has one, a Word page two or three) is refused in one line, unparsed.
"""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from email.message import Message
from typing import Final

from pipeline.errors import InputError

_MAX_MULTIPARTS: Final = 16
_MULTIPART_RE: Final = re.compile(rb"^content-type:[ \t]*multipart/", re.I | re.M)
_HEADER_RE: Final = re.compile(rb"[ \t\r\n]*[A-Za-z][A-Za-z0-9-]*:")  # a message's first line


def saved_page(data: bytes, path: str) -> tuple[bytes, str | None]:
    """The HTML page in ``data`` (a MIME message) and the charset its part declares; a file
    that does not open with a header line (a page saved as plain HTML under this name) is
    its own page.

    Raises:
        InputError: ``empty`` when the file holds no HTML part (not a saved page, or one
            cut before its page); ``binary`` when it has more than 16 multipart sections.
    """
    if not _HEADER_RE.match(data):
        return data, None
    multiparts = sum(1 for _ in _MULTIPART_RE.finditer(data))
    if multiparts > _MAX_MULTIPARTS:
        raise InputError(
            path,
            "binary",
            f"is a saved page (MHTML) of {multiparts:,} multipart sections, more than the "
            f"{_MAX_MULTIPARTS} read; save the page as HTML (.html) and pass that",
        )
    todo: list[Message] = [message_from_bytes(data, policy=policy.compat32)]
    while todo:
        part = todo.pop()
        payload = part.get_payload()
        if isinstance(payload, list):  # a multipart section: its parts, in the file's order
            todo.extend(p for p in reversed(payload) if isinstance(p, Message))
        elif part.get_content_type() == "text/html":
            body = part.get_payload(decode=True)
            if isinstance(body, bytes) and body.strip():
                return body, part.get_content_charset()
    raise InputError(
        path,
        "empty",
        "holds no HTML page (a saved page, .mhtml, keeps it in a text/html part); "
        "nothing to extract",
    )
