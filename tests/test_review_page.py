"""The review page (``pipeline review``), checked in a real browser: headless Chromium.

Chromium loads the page from disk and prints the DOM once the page has loaded and its script
has run (``--dump-dom``): no waiting, no timing. The tests count the highlighted elements per
kind in that DOM and compare them with the records' items, check that a release holding
markup runs none of it, and save a screenshot in the test's temporary folder. Sorting, and the
values shown on hover and focus, are checked by driving Chromium over the DevTools protocol
(``--remote-debugging-pipe``), each step waiting for the browser's answer.

Chromium is Debian's ``chromium`` package (``apt-get install -y chromium``; ``.ci/run``
installs it when it is missing). Without it these tests fail in CI (``CI=true``), saying so,
and are skipped elsewhere.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.diff import load
from pipeline.review import KINDS, render_text, write_review

from .conftest import FIXTURES, ROOT, SEED

runner = CliRunner()
SEED_ID = "000_e652adb531517c63"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium() -> str:
    found = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if found:
        return found
    message = (
        "headless Chromium is needed to test the review page and was not found: install it "
        "with `apt-get update && apt-get install -y chromium` (.ci/run does this when it can)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def browse(chromium: str, page: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    result = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
        capture_output=True,
        text=True,
        timeout=300,  # a guard against a hung browser, not a wait
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def dom(chromium: str, page: Path, tmp: Path) -> Any:
    tree = lxml_html.document_fromstring(browse(chromium, page, tmp, "--dump-dom").stdout)
    # The page's own script ran, under its Content-Security-Policy.
    assert tree.get("data-ready") == "1"
    return tree


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders = {}
    for name, source in (("seed", SEED), ("fixtures", FIXTURES)):
        out = tmp_path_factory.mktemp(name) / "output"
        result = runner.invoke(app, ["extract", str(source), "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
        folders[name] = out
    return folders


@pytest.mark.parametrize("name", ["seed", "fixtures"])
def test_every_item_is_highlighted_once(
    name: str, outputs: dict[str, Path], chromium: str, tmp_path: Path
) -> None:
    out = outputs[name]
    result = runner.invoke(app, ["review", str(out)])
    assert result.exit_code == 0, result.output
    page = out / "review.html"
    records = load(out)
    tree = dom(chromium, page, tmp_path)
    articles = tree.xpath("//article[@data-release-id]")
    assert [a.get("data-release-id") for a in articles] == list(records)
    total: Counter[str] = Counter()
    for article in articles:
        record = records[article.get("data-release-id")]
        text = record["text"]
        heads = article.xpath(".//*[@data-kind]")
        found = Counter(
            (h.get("data-kind"), int(h.get("data-start")), int(h.get("data-end"))) for h in heads
        )
        wanted = Counter(
            (kind, item["start"], item["end"])
            for field, kind in KINDS.items()
            for item in record[field]
        )
        assert found == wanted, record["release_id"]
        total.update(h.get("data-kind") for h in heads)
        # Each element holds its item's text: whole, or in pieces (data-of) that leave out
        # only the white space between sections.
        pieces: dict[str, list[str]] = {}
        for piece in article.xpath(".//*[@data-of]"):
            pieces.setdefault(piece.get("data-of"), []).append(piece.text_content())
        for head in heads:
            item_text = text[int(head.get("data-start")) : int(head.get("data-end"))]
            shown = head.text_content() + "".join(pieces.pop(head.get("data-id"), []))
            assert "".join(shown.split()) == "".join(item_text.split()), head.get("data-id")
        assert not pieces, f"pieces of no item: {sorted(pieces)}"
    counts = {kind: total[kind] for kind in KINDS.values()}
    assert counts == {
        kind: sum(len(r[field]) for r in records.values()) for field, kind in KINDS.items()
    }
    assert counts["score"] and counts["quote"] and counts["date"] and counts["number"]
    # The index has a row per release; the grid a coloured cell per (release, criterion).
    assert len(tree.xpath('//*[@id="releases-table"]/*[@role="rowgroup"]/*')) == len(records)
    graded = tree.xpath('//*[@id="grid"]//*[@role="cell" and @title]')
    assert 0 < len(graded) <= counts["score"]
    if name == "seed":
        assert [c.text for c in graded] == [s["score"] for s in records[SEED_ID]["scores"]]
        assert [c.get("class") for c in graded] == ["g3", "g1", "g1", "g3", "g1", "g3", "g0"]
    shot = tmp_path / "review.png"
    browse(chromium, page, tmp_path, f"--screenshot={shot}", "--window-size=1280,1800")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a page was drawn, not a blank


HOSTILE = "<script>document.documentElement.setAttribute('data-pwned', 'script')</script>"
HOSTILE_IMG = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"


def test_a_release_holding_markup_runs_no_script(chromium: str, tmp_path: Path) -> None:
    text = f"Headline {HOSTILE}\n\nBody {HOSTILE_IMG} with 12 cases.\n\n“Quoted {HOSTILE}”"
    body = text.index("Body")
    quote = text.index("“")
    record = {
        "release_id": 'evil"><script>alert(1)</script>',
        "source": {"path": "raw/</title><script>x()</script>.txt"},
        "text": text,
        "title": text[: text.index("\n")],
        "sections": [
            {"kind": "title", "text": "", "start": 0, "end": text.index("\n")},
            {"kind": 'body"><b', "text": "", "start": body, "end": quote - 2},
            {"kind": "quote", "text": "", "start": quote, "end": len(text)},
        ],
        "scores": [
            {
                "criterion": "<i>x</i>",
                "score": "Good",
                "score_value": 3,
                "scale": "<s>",
                "start": 0,
                "end": 8,
            }
        ],
        "quotes": [
            {
                "text": "",
                "speaker": '"onmouseover="alert(1)',
                "role": "<script>",
                "paragraphs": 1,
                "start": quote + 1,
                "end": len(text) - 1,
            }
        ],
        "dates": [],
        "numbers": [
            {
                "text": "12",
                "value": 12,
                "unit": "<u>cases</u>",
                "kind": "cardinal",
                "start": text.index("12"),
                "end": text.index("12") + 2,
            }
        ],
        "warnings": [HOSTILE],
        "review": [HOSTILE_IMG],
    }
    jsonl = tmp_path / "releases.jsonl"
    jsonl.write_text(json.dumps(record) + "\n", "utf-8")
    page = write_review(jsonl)
    tree = dom(chromium, page, tmp_path)
    assert tree.get("data-pwned") is None
    assert len(tree.xpath("//script")) == 1  # the page's own
    assert not tree.xpath("//img") and not tree.xpath("//*[@onerror or @onmouseover]")
    article = tree.xpath("//article")[0]
    assert article.get("data-release-id") == record["release_id"]
    shown = article.xpath('.//div[@data-kind="section"]')[1].text_content()
    assert HOSTILE_IMG in shown  # as text, for the reader to see
    assert HOSTILE in tree.xpath("//ul[contains(@class, 'review')]")[0].getparent().text_content()
    assert (
        tree.xpath('//mark[@data-kind="quote"]')[0].get("data-speaker")
        == record["quotes"][0]["speaker"]
    )


# --- without a browser: the markup itself ------------------------------------------------------


def marks(markup: str) -> Any:
    return lxml_html.fragment_fromstring(markup, create_parent="div")


def test_nested_and_crossing_spans() -> None:
    text = "Intro. “We saw 12 cases in May 2024,” she said, in 2024 again."
    q0, q1 = text.index("“") + 1, text.index("”")
    record = {
        "text": text,
        "sections": [{"kind": "body", "start": 0, "end": len(text)}],
        # A date crossing the quotation's end: it is cut into two pieces.
        "dates": [
            {"text": "", "start_date": "2024-05-01", "start": text.index("May"), "end": q1 + 1},
        ],
        "quotes": [{"text": "", "speaker": "Ann", "start": q0, "end": q1}],
        "numbers": [
            {
                "text": "12",
                "value": 12,
                "unit": "cases",
                "start": text.index("12"),
                "end": text.index("12") + 2,
            },
            {
                "text": "2024",
                "value": 2024,
                "start": text.rindex("2024"),
                "end": text.rindex("2024") + 4,
            },
        ],
    }
    root = marks(render_text(record))
    [quote] = root.xpath('//mark[@data-kind="quote"]')
    assert quote.xpath('./mark[@data-kind="number"]')[0].text == "12"  # nested
    [date] = quote.xpath('./mark[@data-kind="date"]')
    assert date.text_content() == "May 2024,"
    [piece] = root.xpath('//mark[@data-of="d0"]')
    assert piece.getparent().tag == "div" and piece.text == "”"
    assert date.get("data-from") == "2024-05-01" and "2024-05-01" in date.get("title")
    assert root.text_content() == text


def test_a_quotation_over_several_sections_is_one_element_and_pieces() -> None:
    text = "Ann said:\n\n“First part.\n\n“Second part.”\n\nEnd."
    starts = [0, text.index("“First"), text.index("“Second"), text.index("End")]
    ends = [text.index("\n"), text.index("\n\n“Second"), text.index("\n\nEnd"), len(text)]
    record = {
        "text": text,
        "sections": [
            {"kind": "body", "start": s, "end": e} for s, e in zip(starts, ends, strict=True)
        ],
        "quotes": [{"speaker": "Ann", "start": starts[1] + 1, "end": ends[2] - 1}],
    }
    root = marks(render_text(record))
    [head] = root.xpath('//mark[@data-kind="quote"]')
    assert head.text == "First part."
    assert [p.text for p in root.xpath('//mark[@data-of="q0"]')] == ["“Second part."]
    assert len(root.xpath('//div[@data-kind="section"]')) == 4


def test_page_size_grows_linearly(tmp_path: Path) -> None:
    seed = json.loads(
        (ROOT / "tests" / "golden" / "raw" / "000_e652adb531517c63.json").read_text("utf-8")
    )

    def page_bytes(n: int) -> int:
        folder = tmp_path / str(n)
        folder.mkdir()
        lines = [json.dumps({**seed, "release_id": f"r{i:05d}"}) for i in range(n)]
        (folder / "releases.jsonl").write_text("\n".join(lines), "utf-8")
        return write_review(folder).stat().st_size

    small, large = page_bytes(200), page_bytes(800)
    assert 3.8 < large / small < 4.1


def test_review_command_errors_are_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "no releases.jsonl" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# --- in the browser, driven over the DevTools protocol: sorting, hover and focus ---------------


class DevTools:
    """Chromium driven over ``--remote-debugging-pipe`` (JSON messages ending in NUL on file
    descriptors 3 and 4): no network port, no client library. Every step waits for the
    browser's own answer or event, never for a time."""

    def __init__(self, chromium: str, profile: Path) -> None:
        to_browser, self._commands = os.pipe()
        self._events, from_browser = os.pipe()

        def wire() -> None:  # in the child: the pipe ends become its descriptors 3 and 4
            # Moved out of the way first: a pipe end may itself be descriptor 3 or 4.
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_browser, from_browser)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.proc = subprocess.Popen(
            [chromium, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,
            close_fds=False,  # closing would come after wire() and close 3 and 4 again
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next = 0
        self.session = ""

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._events], [], [], 300)  # a guard against a hang
            chunk = os.read(self._events, 1 << 16) if ready else b""
            assert chunk, "the browser stopped answering"
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(message))

    def send(self, method: str, params: dict[str, Any] | None = None, **kw: Any) -> Any:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if self.session and kw.get("session", True):
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next:
                assert "error" not in answer, answer
                return answer["result"]

    def wait_for(self, event: str) -> None:
        while self._read().get("method") != event:
            pass

    def open(self, page: Path) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        self.session = attached["sessionId"]
        self.send("Page.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
        )
        self.send("Page.navigate", {"url": page.resolve().as_uri()})
        self.wait_for("Page.loadEventFired")

    def js(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False)
        finally:
            self.proc.wait(timeout=300)
            os.close(self._commands)
            os.close(self._events)


@pytest.fixture
def browser(chromium: str, tmp_path: Path) -> Any:
    devtools = DevTools(chromium, tmp_path / "profile")
    yield devtools
    devtools.close()


def test_sorting_hover_and_focus(outputs: dict[str, Path], browser: DevTools) -> None:
    page = write_review(outputs["fixtures"])
    browser.open(page)
    assert browser.js("document.documentElement.getAttribute('data-ready')") == "1"
    column = """(name) => {
        const heads = [...document.querySelectorAll('#releases-table [role=columnheader]')];
        const i = heads.findIndex(h => h.textContent === name);
        return [...document.querySelectorAll('#releases-table [role=rowgroup] > *')]
            .map(r => Number(r.children[i].dataset.v));
    }"""
    click = (
        "[...document.querySelectorAll('#releases-table button')]"
        ".find(b => b.textContent === 'quotes').click()"
    )
    before = browser.js(f"({column})('quotes')")
    browser.js(click)
    assert browser.js(f"({column})('quotes')") == sorted(before)
    browser.js(click)
    assert browser.js(f"({column})('quotes')") == sorted(before, reverse=True)
    sorted_by = browser.js(
        "[...document.querySelectorAll('#releases-table [aria-sort]')]"
        ".map(h => h.textContent + ' ' + h.getAttribute('aria-sort'))"
    )
    assert sorted_by == ["quotes descending"]
    # A real pointer over a number inside a quotation: the bar shows both, innermost first.
    box = browser.js(
        """(() => {
        const el = document.querySelector('mark[data-kind=quote] mark[data-kind=number]');
        el.scrollIntoView({block: 'center'});
        const r = el.getBoundingClientRect();
        const quote = el.parentElement.closest('mark');
        return [r.x + r.width / 2, r.y + r.height / 2, el.title, quote.title];
    })()"""
    )
    x, y, number_tip, quote_tip = box
    browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    shown = browser.js("document.getElementById('tip').textContent").split("\n")
    assert shown[0] == number_tip and quote_tip in shown[1:]
    assert number_tip.startswith("number: ") and quote_tip.startswith("quote: ")
    # Keyboard focus on a date shows its dates.
    browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 1, "y": 1})
    date = browser.js(
        "(() => { const el = document.querySelector('mark[data-kind=date]'); el.focus();"
        " return [el.dataset.from, el.dataset.to]; })()"
    )
    tip = browser.js("document.getElementById('tip').textContent")
    assert tip.startswith(f"date: {date[0]} to {date[1]}")
