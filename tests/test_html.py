"""HTML rendering: scope, boilerplate, blocks, spans and metadata (pipeline/html.py)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline import html as html_module
from pipeline.errors import InputError
from pipeline.read import Document, read_bytes
from pipeline.vocab import load


def render(markup: str, name: str = "page.html") -> Document:
    document = read_bytes(markup.encode("utf-8"), name)
    check_spans(document)
    return document


def check_spans(document: Document) -> None:
    """The invariants every rendering keeps, whatever the page."""
    text = document.text
    position = 0
    for block in document.blocks:
        assert block.tag in {"title", "heading", "metadata", "p", "list", "blockquote", "table"}
        assert position <= block.start < block.end <= len(text)
        rendered = text[block.start : block.end]
        if block.tag != "table":  # a table row may start or end with an empty cell
            assert rendered == rendered.strip(" \t\n\r\f")
        assert "\n\n" not in rendered and not rendered.isspace()
        position = block.end
    # Blocks are exactly the paragraphs of the text.
    assert text.split("\n\n") == [text[b.start : b.end] for b in document.blocks]
    table_blocks = [b for b in document.blocks if b.tag == "table"]
    assert len(table_blocks) == len(document.tables)
    for block, rows in zip(table_blocks, document.tables, strict=True):
        lines = text[block.start : block.end].split("\n")
        assert len(lines) == len(rows)
        for line, cells in zip(lines, rows, strict=True):
            assert line.split("\t") == [text[c.start : c.end] for c in cells]
            assert all(c.tag in {"th", "td"} for c in cells)
            assert all(block.start <= c.start <= c.end <= block.end for c in cells)


def blocks(document: Document) -> list[tuple[str, str]]:
    return [(b.tag, document.text[b.start : b.end]) for b in document.blocks]


PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Browser tab title | Inspectorate</title>
<style>p { color: red }</style>
<script>var tracking = "SCRIPT TEXT";</script>
</head>
<body>
<div class="govuk-cookie-banner"><p>We use some essential cookies to make this service work.</p>
<button>Accept</button></div>
<a href="#main" class="govuk-skip-link">Skip to main content</a>
<header role="banner"><a href="/">Inspectorate home</a></header>
<nav><ul><li>Home</li><li>Reports</li></ul></nav>
<div class="breadcrumbs"><ol><li>Home</li><li>News</li></ol></div>
{body}
<aside><h2>Related content</h2><p>Other inspections</p></aside>
<footer><p>All content is available under the Open Government Licence v3.0</p>
<p>&copy; Crown copyright</p></footer>
<script>document.write("LATE SCRIPT")</script>
</body>
</html>
"""


def page(body: str) -> str:
    return PAGE.replace("{body}", body)


BOILERPLATE = [
    "Browser tab title",
    "SCRIPT TEXT",
    "LATE SCRIPT",
    "color: red",
    "essential cookies",
    "Accept",
    "Skip to main content",
    "Inspectorate home",
    "Reports",
    "News",
    "Related content",
    "Open Government Licence",
    "Crown copyright",
]


# --- headline and scope ----------------------------------------------------------------------


def test_h1_is_the_title_not_the_title_element() -> None:
    document = render(page("<main><h1>Riverside Police told to improve</h1><p>Body.</p></main>"))
    assert blocks(document)[0] == ("title", "Riverside Police told to improve")
    assert "Browser tab title" not in document.text


def test_second_h1_is_a_heading_and_h2_to_h6_are_headings() -> None:
    document = render(
        "<main><h1>Headline</h1><h2>Findings</h2><p>x</p><h1>Another</h1><h6>Small</h6></main>"
    )
    assert blocks(document) == [
        ("title", "Headline"),
        ("heading", "Findings"),
        ("p", "x"),
        ("heading", "Another"),
        ("heading", "Small"),
    ]


def test_h1_after_a_kicker_stays_in_document_order() -> None:
    document = render("<main><p>Press release</p><h1>Headline</h1><p>Body.</p></main>")
    assert blocks(document) == [("p", "Press release"), ("title", "Headline"), ("p", "Body.")]


def test_no_h1_title_or_og_title_means_no_title_block() -> None:
    document = render("<html><head></head><body><p>Lede first.</p></body></html>")
    assert blocks(document) == [("p", "Lede first.")]


@pytest.mark.parametrize(
    "head",
    [
        "<title>Kelby man jailed for arson | Kelby Police</title>",
        "<title>Kelby Police</title>"
        '<meta property="og:title" content="Kelby man jailed for arson">',
        '<title>News - Kelby Police</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Kelby man jailed for arson"}</script>',
    ],
    ids=["title", "og-title", "json-ld"],
)
def test_a_small_page_with_no_h1_takes_its_headline_from_its_metadata(head: str) -> None:
    # (under 1,000 visible characters: read by the own rules, as bigger pages are not)
    document = render(
        f"<html><head>{head}</head><body><nav><p>Home</p></nav>"
        "<p>A man has been jailed for four years for setting fire to a shed in Kelby.</p>"
        "</body></html>"
    )
    assert blocks(document)[0] == ("title", "Kelby man jailed for arson")
    assert blocks(document)[1][0] == "p"


def test_a_small_page_with_its_headline_as_a_paragraph_shows_it_once() -> None:
    headline = "Kelby man jailed for arson"
    document = render(
        f"<html><head><title>{headline} | Kelby Police</title></head><body>"
        f"<p><strong>{headline}</strong></p><p>A man has been jailed for four years.</p>"
        "</body></html>"
    )
    assert blocks(document) == [("title", headline), ("p", "A man has been jailed for four years.")]


@pytest.mark.parametrize("scope", ["main", "article", "body"])
def test_boilerplate_is_dropped_whatever_the_scope(scope: str) -> None:
    inner = "<h1>Prison inspection published</h1><p>Inspectors visited in June 2019.</p>"
    body = {"main": f"<main>{inner}</main>", "article": f"<article>{inner}</article>"}.get(
        scope, f"<div class='content'>{inner}</div>"
    )
    document = render(page(body))
    assert document.text == "Prison inspection published\n\nInspectors visited in June 2019."
    for phrase in BOILERPLATE:
        assert phrase not in document.text


def test_main_beats_article_beats_body() -> None:
    document = render(
        "<body><p>Outside.</p><article><p>Teaser article.</p></article>"
        "<main><p>The release.</p></main></body>"
    )
    assert document.text == "The release."
    document = render(
        "<body><p>Outside.</p><article><p>Short.</p></article>"
        "<article><p>The longer release article.</p></article></body>"
    )
    assert document.text == "The longer release article."
    document = render('<body><p>Outside.</p><div role="main"><p>Role main.</p></div></body>')
    assert document.text == "Role main."


def test_empty_main_falls_back_to_body() -> None:
    document = render("<body><main><script>render()</script></main><p>Static text.</p></body>")
    assert document.text == "Static text."


def test_h1_inside_article_header_is_kept() -> None:
    document = render(
        "<body><header class='site'><p>Site name</p></header><article><header>"
        "<nav>Back to news</nav><h1>Headline in header</h1><p class='date'>7 March 2024</p>"
        "</header><p>Body.</p></article></body>"
    )
    assert blocks(document) == [
        ("title", "Headline in header"),
        ("p", "7 March 2024"),
        ("p", "Body."),
    ]


def test_h1_just_before_main_is_put_first() -> None:
    document = render(
        "<body><nav><h1>Menu</h1></nav><div class='hero'><h1>The headline</h1></div>"
        "<main><p>Body.</p></main></body>"
    )
    assert blocks(document) == [("title", "The headline"), ("p", "Body.")]


def test_hidden_elements_are_not_visible_text() -> None:
    document = render(
        "<main><p>Shown.</p><p hidden>Hidden attr.</p><div aria-hidden='true'>Aria.</div>"
        "<p style='display: none'>No display.</p><template><p>Template.</p></template>"
        "<noscript><p>Enable JavaScript.</p></noscript></main>"
    )
    assert document.text == "Shown."


@pytest.mark.parametrize("cls", ["govuk-visually-hidden", "visuallyhidden", "sr-only"])
def test_screen_reader_only_text_is_not_visible_text(cls: str) -> None:
    document = render(
        f"<main><table><tr><th>Key question</th><th>Rating</th></tr><tr><td>Safe</td>"
        f"<td><span class='{cls}'>Rating: </span>Good</td></tr></table></main>"
    )
    assert document.text == "Key question\tRating\nSafe\tGood"


def test_a_whole_page_form_does_not_swallow_the_release() -> None:
    document = render(
        "<body><form id='aspnetForm'><h1>Headline</h1><p>Body text.</p>"
        "<input type='text' value='search'><button>Go</button></form></body>"
    )
    assert document.text == "Headline\n\nBody text."


def test_a_wrapper_class_that_sounds_like_furniture_keeps_its_content() -> None:
    paragraphs = "".join(f"<p>Paragraph {i}.</p>" for i in range(6))
    document = render(
        f"<body class='cookie-consent-given'><div class='layout with-sidebar nav-open'>"
        f"{paragraphs}<div class='sidebar'><p>Related links</p></div></div></body>"
    )
    assert document.text == "\n\n".join(f"Paragraph {i}." for i in range(6))


def test_licence_and_copyright_lines_go_even_inside_main() -> None:
    document = render(
        "<main><p>Body.</p><p>All content is available under the "
        "<a href='/ogl'>Open Government Licence v3.0</a>, except where otherwise stated</p>"
        "<p>© Crown copyright 2024</p><p>Crown copyright is waived for this sentence.</p></main>"
    )
    assert blocks(document) == [
        ("p", "Body."),
        ("p", "Crown copyright is waived for this sentence."),
    ]


def test_govuk_page_feedback_goes_but_a_similar_heading_stays() -> None:
    document = render(
        "<main><h1>Report published</h1><p>Body.</p><h2>Is this plan useful to families?</h2>"
        "<p>Yes.</p><div class='gem-c-feedback'><h2>Is this page useful?</h2>"
        "<a href='/contact'>Report a problem with this page</a></div></main>"
    )
    assert blocks(document) == [
        ("title", "Report published"),
        ("p", "Body."),
        ("heading", "Is this plan useful to families?"),
        ("p", "Yes."),
    ]


@pytest.mark.parametrize(
    "feedback",
    [
        "<div class='ds_feedback'><h2>Was this helpful?</h2><button>Yes</button></div>",
        "<div class='feedback-block'><p>Was this page helpful?</p><a>Yes</a> <a>No</a></div>",
        "<section class='page-feedback'><h2>Tell us what you think</h2><a>Yes</a></section>",
        "<p>Was this information useful?</p>",
    ],
    ids=["scottish", "council", "class-only", "line-only"],
)
def test_page_feedback_blocks_go_but_feedback_in_the_release_stays(feedback: str) -> None:
    document = render(
        "<main><h1>Council approves new leisure centre</h1><p>Cabinet approved the plans.</p>"
        "<h2>Feedback from residents</h2><p>Was this the right site? Most said yes.</p>"
        f"{feedback}</main>"
    )
    assert blocks(document) == [
        ("title", "Council approves new leisure centre"),
        ("p", "Cabinet approved the plans."),
        ("heading", "Feedback from residents"),
        ("p", "Was this the right site? Most said yes."),
    ]


# --- entities and white space ----------------------------------------------------------------


def test_entities_are_decoded() -> None:
    document = render(
        "<p>the magistrates&rsquo; courts &ndash; &quot;quoted&quot; &amp; more&nbsp;here "
        "&#8220;numeric&#x201D; &copy; &unknownentity; &amp</p>"
    )
    assert document.text == (
        'the magistrates’ courts – "quoted" & more\u00a0here “numeric” © &unknownentity; &'
    )


def test_no_entity_expansion_and_no_fetching() -> None:
    document = render(
        '<!DOCTYPE html [<!ENTITY x "EXPANDED"><!ENTITY ext SYSTEM "file:///etc/passwd">]>'
        '<html><body><p>a &x; b &ext; c</p><img src="http://127.0.0.1:9/x.png" alt="pic">'
        '<iframe src="http://127.0.0.1:9/"></iframe></body></html>'
    )
    assert "a &x; b &ext; c" in document.text
    assert "EXPANDED" not in document.text and "root:" not in document.text


def test_white_space_collapses_inside_a_block_but_nbsp_stays() -> None:
    document = render("<p>\n  Two\t\twords  \r\n and\u00a0\u00a0two nbsp  </p>")
    assert document.text == "Two words and\u00a0\u00a0two nbsp"


def test_nbsp_only_paragraph_makes_no_block() -> None:
    document = render("<p>First.</p>\n<p>&nbsp;</p>\n<p> \u00a0 </p><p></p>\n<p>Second.</p>")
    assert blocks(document) == [("p", "First."), ("p", "Second.")]


def test_inline_markup_does_not_split_words() -> None:
    document = render("<p>In<b>spec</b>tors <a href='#'>rated</a> it <em>good</em>.</p>")
    assert document.text == "Inspectors rated it good."


def test_br_is_a_line_break_and_two_br_split_blocks() -> None:
    document = render("<p>Press office<br>0300 123 4567<br/><br>Second para</p>")
    assert blocks(document) == [("p", "Press office\n0300 123 4567"), ("p", "Second para")]


def test_loose_text_in_containers_is_a_paragraph() -> None:
    document = render("<body><div>Loose <b>text</b><div>Inner</div>after</div></body>")
    assert blocks(document) == [("p", "Loose text"), ("p", "Inner"), ("p", "after")]


# --- broken markup ---------------------------------------------------------------------------


def test_broken_markup_parses() -> None:
    document = render(
        "<html><body><main><h1>Unclosed headline<p>First <b>bold <i>both</b> italic?"
        "<p>Second para</div></span><li>stray item<table><td>cell</table>"
        "<p class=unquoted>Third & last < not a tag</main></body>"
    )
    assert document.text.startswith("Unclosed headline")
    for phrase in ["First", "both", "Second para", "stray item", "cell", "Third & last"]:
        assert phrase in document.text


def test_xml_declaration_and_foreign_charset_declaration_are_harmless() -> None:
    markup = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<html><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
        "<body><p>caf\u00e9 \u2019quoted\u2019</p></body></html>"
    )
    document = read_bytes(markup.encode("utf-8"), "page.html")
    assert document.text == "caf\u00e9 \u2019quoted\u2019"
    assert document.source.encoding == "utf-8"


# --- metadata --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "expected", "metadata"),
    [
        pytest.param(
            "<main><h1>T</h1><dl class='publication-meta'>"
            "<dt>Date of publication</dt><dd>13 December 2016</dd>"
            "<dt>Organisation</dt><dd>HM Crown Prosecution Service Inspectorate</dd>"
            "<dt>Inspection type:</dt><dd>Area Assurance Programme</dd>"
            "<dt>Topics</dt><dd>Courts</dd><dd>Victims</dd></dl><p>Body.</p></main>",
            [
                ("title", "T"),
                ("metadata", "Date of publication: 13 December 2016"),
                ("metadata", "Organisation: HM Crown Prosecution Service Inspectorate"),
                ("metadata", "Inspection type: Area Assurance Programme"),
                ("metadata", "Topics: Courts; Victims"),
                ("p", "Body."),
            ],
            {
                "date_of_publication": "13 December 2016",
                "organisation": "HM Crown Prosecution Service Inspectorate",
                "inspection_type": "Area Assurance Programme",
                "topics": "Courts; Victims",
            },
            id="dl",
        ),
        pytest.param(
            "<dl><dt>AAP</dt><dd>Area Assurance Programme</dd></dl>",
            [("p", "AAP: Area Assurance Programme")],
            {},
            id="dl-that-is-a-glossary-is-not-metadata",
        ),
        pytest.param(
            "<article><h1>Headline</h1><div class='meta'>"
            "<p><strong>Date of publication</strong> 7 March 2024</p>"
            "<p><b>Organisation:</b> His Majesty&rsquo;s Inspectorate</p></div>"
            "<div><strong>Last updated</strong> 8 March 2024</div>"
            "<p><strong>Important</strong> this is not metadata.</p></article>",
            [
                ("title", "Headline"),
                ("metadata", "Date of publication 7 March 2024"),
                ("metadata", "Organisation: His Majesty’s Inspectorate"),
                ("metadata", "Last updated 8 March 2024"),
                ("p", "Important this is not metadata."),
            ],
            {
                "date_of_publication": "7 March 2024",
                "organisation": "His Majesty’s Inspectorate",
                "last_updated": "8 March 2024",
            },
            id="strong-label-paragraphs",
        ),
        pytest.param(
            "<p>On <strong>Published</strong> day we met.</p>",
            [("p", "On Published day we met.")],
            {},
            id="label-after-text-is-not-metadata",
        ),
    ],
)
def test_metadata_blocks(
    markup: str, expected: list[tuple[str, str]], metadata: dict[str, str]
) -> None:
    document = render(markup)
    assert blocks(document) == expected
    assert document.metadata == metadata


# --- quotes, lists, tables -------------------------------------------------------------------


def test_blockquote_paragraphs_are_separate_blocks() -> None:
    document = render(
        "<main><p>The Chief Inspector said:</p><blockquote>"
        "<p>&ldquo;First paragraph.</p>\n<p>&ldquo;Second paragraph.&rdquo;</p>"
        "</blockquote><blockquote>Bare quote text</blockquote><p>After.</p></main>"
    )
    assert blocks(document) == [
        ("p", "The Chief Inspector said:"),
        ("blockquote", "“First paragraph."),
        ("blockquote", "“Second paragraph.”"),
        ("blockquote", "Bare quote text"),
        ("p", "After."),
    ]


def test_list_is_one_block_one_line_per_item() -> None:
    document = render(
        "<p>Inspectors found that the force:</p><ul>\n"
        "<li>is &lsquo;good&rsquo; at preventing crime;</li>\n"
        "<li><p>is &lsquo;adequate&rsquo;</p><p>at responding;</p></li>\n"
        "<li>requires improvement<ol><li>nested one</li><li>nested two</li></ol></li>\n"
        "<li>&nbsp;</li><li>last.</li></ul>"
    )
    assert blocks(document) == [
        ("p", "Inspectors found that the force:"),
        (
            "list",
            "is ‘good’ at preventing crime;\nis ‘adequate’ at responding;\n"
            "requires improvement\nnested one\nnested two\nlast.",
        ),
    ]


def test_table_cell_spans() -> None:
    document = render(
        "<table class='scores'><caption>Ratings</caption>"
        "<thead><tr><th scope='col'>Criteria</th><th>Score</th></tr></thead><tbody>"
        "<tr><td>Case progression (magistrates&rsquo; courts)</td><td> Fair </td></tr>"
        "<tr><td>Leadership<br>and vision</td><td>\n  Good\n</td></tr>"
        "<tr><td></td><td></td></tr>"
        "<tr><td>Tab\there</td><td></td></tr></tbody></table>"
    )
    assert blocks(document)[0] == ("p", "Ratings")
    assert document.text.endswith(
        "Criteria\tScore\nCase progression (magistrates’ courts)\tFair\n"
        "Leadership and vision\tGood\nTab here\t"
    )
    (table,) = document.tables
    cells = [[(c.tag, document.text[c.start : c.end]) for c in row] for row in table]
    assert cells == [
        [("th", "Criteria"), ("th", "Score")],
        [("td", "Case progression (magistrates’ courts)"), ("td", "Fair")],
        [("td", "Leadership and vision"), ("td", "Good")],
        [("td", "Tab here"), ("td", "")],
    ]


def test_two_tables_and_a_layout_table() -> None:
    document = render(
        "<table role='presentation'><tr><td><h1>Layout headline</h1><p>Layout body.</p></td>"
        "<td><table><tr><td>A</td><td>Good</td></tr></table>"
        "<table><tr><th>B</th><td>Poor</td></tr></table></td></tr></table>"
    )
    assert blocks(document) == [
        ("title", "Layout headline"),
        ("p", "Layout body."),
        ("table", "A\tGood"),
        ("table", "B\tPoor"),
    ]
    assert len(document.tables) == 2


def test_script_and_style_never_appear() -> None:
    document = render(
        "<main><p>Before <script>alert('inline script')</script>after.</p>"
        "<style>.x{}</style><script type='application/ld+json'>{\"a\": 1}</script>"
        "<ul><li>item<script>x=1</script></li></ul>"
        "<table><tr><td>cell<style>td{}</style></td></tr></table></main>"
    )
    assert document.text == "Before after.\n\nitem\n\ncell"
    for phrase in ["alert", ".x{}", '"a"', "x=1", "td{}"]:
        assert phrase not in document.text


def test_pre_keeps_its_lines() -> None:
    document = render("<pre>Criteria   Score\nLeadership Good\n\nNext para</pre>")
    assert blocks(document) == [("p", "Criteria   Score\nLeadership Good"), ("p", "Next para")]


# --- bounds ----------------------------------------------------------------------------------


def test_ten_megabytes_of_nested_divs_are_read() -> None:
    document = read_bytes(b"<div>" * 2_000_000 + b"deep", "deep.html")
    check_spans(document)
    assert document.text == "deep"
    assert any("nested more than" in w for w in document.warnings)
    assert document.review == ("page-cut",)


@pytest.mark.parametrize("tag", ["div", "blockquote", "ul><li", "table><tr><td", "b", "span"])
def test_deep_nesting_keeps_the_text_and_warns(tag: str) -> None:
    markup = "<html><body><main><p>Kept.</p>" + f"<{tag}>x " * 5000 + "</main></body></html>"
    document = render(markup)
    assert document.text.startswith("Kept.")
    assert document.text.count("x") > 4000  # the main-text extractor may drop a few lines
    assert any("nested more than" in w for w in document.warnings)


def test_content_thousands_of_levels_down_is_not_refused_as_empty() -> None:
    body = "".join(f"<p>{s}</p>" for s in ARTICLE)
    for depth in (3000, 20_000):
        markup = (
            "<html><head><title>Wrapped | Site</title></head><body>"
            + '<div class="wrap">' * depth
            + f"<h1>{HEADLINE}</h1>{body}"
            + "</div>" * depth
            + "</body></html>"
        )
        document = render(markup)
        for sentence in ARTICLE:
            assert sentence in document.text
        assert any("nested more than" in w for w in document.warnings)


def test_flattening_deep_markup_is_linear() -> None:
    # However many wrappers, what is left of them is one paragraph break: the flattened page,
    # and so the parse and the walk after it, does not grow with the depth.
    sizes = {
        len(html_module._flatten_deep("<div>" * n + "<p>text</p>" + "</div>" * n))
        for n in (1_000, 10_000, 100_000)
    }
    assert max(sizes) < 12 * html_module.MAX_DEPTH


def test_element_budget_stops_the_walk_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "MAX_ELEMENTS", 50)
    document = render("<main><h1>Headline</h1><ul>" + "<li>item</li>" * 100 + "</ul></main>")
    assert document.text.startswith("Headline\n\nitem\nitem")
    assert 10 < document.text.count("item") < 50
    assert any("elements" in w for w in document.warnings)


# --- properties ------------------------------------------------------------------------------

_TAGS = ["p", "div", "h1", "h2", "ul", "ol", "li", "table", "tr", "td", "th", "blockquote",
         "dl", "dt", "dd", "b", "script", "br", "pre", "span", "main", "nav", "strong"]  # fmt: skip
_PIECE = st.one_of(
    st.sampled_from([f"<{t}>" for t in _TAGS] + [f"</{t}>" for t in _TAGS]),
    st.sampled_from(["&nbsp;", "&rsquo;", "&bogus;", "&amp", "\n", "\t", "  ", "\u00a0"]),
    st.sampled_from(["<p><strong>Published</strong> ", "<dt>Organisation</dt>", "<td>"]),
    st.text(max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECE, max_size=40))
@example(["&rsquo;", "<h1>", "<script>", "<script>"])  # an <h1> before the content, holding one
def test_any_tag_soup_renders_with_exact_spans(pieces: list[str]) -> None:
    markup = "<html><body>" + "".join(pieces)
    try:
        document = read_bytes(markup.encode("utf-8", "surrogatepass"), "soup.html")
    except InputError as error:
        assert error.code in {"empty", "binary"}
        return
    check_spans(document)
    assert "<script>" not in document.text


# --- ratings outside a <table> -----------------------------------------------------------------


@pytest.mark.parametrize(
    "ratings",
    [
        "<dl><dt>Overall effectiveness</dt><dd>Good</dd><dt>Leadership</dt>"
        "<dd>Requires improvement</dd></dl>",
        "<ul><li><strong>Overall effectiveness:</strong> Good</li>"
        "<li><strong>Leadership:</strong> Requires improvement</li></ul>",
    ],
)
def test_ratings_in_a_definition_list_or_a_list_are_one_table(ratings: str) -> None:
    import pipeline

    release = pipeline.extract_text(
        page(f"<h1>Council rated good</h1><p>Inspectors visited in May.</p>{ratings}"),
        fmt="html",
    )
    assert [(s.criterion, s.score, s.table) for s in release.scores] == [
        ("Overall effectiveness", "Good", 0),
        ("Leadership", "Requires improvement", 0),
    ]
    (table,) = [s for s in release.sections if s.kind == "table"]
    assert table.text.startswith("Overall effectiveness") and table.text.endswith("improvement")


@pytest.mark.parametrize(
    "furniture",
    [
        "<div class='gem-c-share-links'><h2>Share this page</h2><ul><li>Facebook</li></ul></div>",
        "<div class='sharedaddy sd-sharing-enabled'><h3>Share this:</h3><p>Twitter</p></div>",
        "<div class='related-posts'><h2>Related posts</h2><ul><li>PDU rated Good – 12 October "
        "2023</li></ul></div>",
        "<section id='related'><p>Annual report 2022/23 published</p></section>",
    ],
)
def test_share_links_and_related_posts_are_dropped(furniture: str) -> None:
    document = render(f"<main><h1>Headline</h1><p>Body text.</p>{furniture}</main>")
    assert document.text == "Headline\n\nBody text."


def test_a_related_class_on_the_content_wrapper_keeps_the_release() -> None:
    paragraphs = "".join(f"<p>Paragraph {i}.</p>" for i in range(6))
    document = render(f"<body><div class='share-target related'>{paragraphs}</div></body>")
    assert document.text == "\n\n".join(f"Paragraph {i}." for i in range(6))


@pytest.mark.parametrize(
    "meta, expected",
    [
        (
            "<div class='entry-meta'><span class='posted-on'>Posted on <time>2 November 2023"
            "</time></span> <span>in <a>News</a></span></div>",
            [("metadata", "Posted on 2 November 2023 in News")],
        ),
        ("<p class='post-meta'>2 November 2023</p>", [("metadata", "2 November 2023")]),
        # a meta class on a container of blocks: its blocks are read as usual
        ("<div class='entry-meta'><p>One.</p><p>Two.</p></div>", [("p", "One."), ("p", "Two.")]),
        # "meta" inside another word is not the meta class
        ("<p class='metamorphosis'>Words.</p>", [("p", "Words.")]),
    ],
)
def test_a_block_whose_class_says_meta_is_metadata(
    meta: str, expected: list[tuple[str, str]]
) -> None:
    document = render(f"<main><h1>Headline</h1>{meta}<p>Body.</p></main>")
    assert blocks(document) == [("title", "Headline"), *expected, ("p", "Body.")]
    assert document.metadata == {}


# --- whole pages: trafilatura's main content, the headline, and never a silent loss ---------

HEADLINE = "Tollbridge Fire and Rescue Service is good at preventing fires, inspectors find"
ARTICLE = [
    "Inspectors have published their report on Tollbridge Fire and Rescue Service, which "
    "covers 412 square miles and a population of 730,000 people across the county.",
    "The service was found to be good at preventing fires and other risks, and good at "
    "protecting the public through fire regulation, with 96 per cent of high-risk premises "
    "audited on time during the year to March 2025.",
    "Inspectors were concerned that on-call crews were available for only 71 per cent of "
    "the time, down from 83 per cent in 2022, which slowed responses in the rural north.",
    "The service has a sound plan for its budget of £41.6 million, but it needs to do more "
    "to make sure that staff from every background feel able to challenge poor behaviour.",
    "HM Inspector Jonah Whitlock said: “Tollbridge has much to be proud of, and the people "
    "who live there can be confident that it will keep them safe from fire.”",
]
FURNITURE = ["Accept analytics cookies", "Sign up to our newsletter", "Cookie settings"]


def full_page(main: str, *, head: str = "", before: str = "", after: str = "") -> str:
    """A page of realistic size: a site header, navigation and footer around ``main``."""
    menu = "".join(f'<li><a href="/s{i}">Service area {i}</a></li>' for i in range(12))
    return (
        f"<!DOCTYPE html><html><head><title>{HEADLINE} | Tollbridge News</title>{head}"
        "</head><body>"
        '<div class="cookie-banner"><p>Accept analytics cookies</p><button>Yes</button></div>'
        f'<header class="site-header"><nav><ul>{menu}</ul></nav></header>{before}'
        f"{main}{after}"
        '<footer><p>Sign up to our newsletter</p><p><a href="/c">Cookie settings</a></p>'
        "</footer></body></html>"
    )


def article_html(headline: str = f"<h1>{HEADLINE}</h1>") -> str:
    return headline + "".join(f"<p>{sentence}</p>" for sentence in ARTICLE)


def assert_body_kept(document: Document) -> None:
    for sentence in ARTICLE:
        assert sentence in document.text
    for line in FURNITURE:
        assert line not in document.text


def title_of(document: Document) -> str | None:
    titles = [document.text[b.start : b.end] for b in document.blocks if b.tag == "title"]
    assert len(titles) <= 1
    return titles[0] if titles else None


def test_a_saved_news_page_keeps_its_body_and_drops_its_furniture() -> None:
    document = render(full_page(f"<main><article>{article_html()}</article></main>"))
    assert_body_kept(document)
    assert title_of(document) == HEADLINE
    assert document.blocks[0].tag == "title"
    assert not document.warnings


def test_a_teaser_article_is_not_taken_for_the_body() -> None:
    teaser = (
        '<article class="teaser"><h3><a href="/n2">Chief officer to retire in May</a></h3>'
        "<p>Read more</p></article>"
    )
    main = f'<div class="story">{article_html()}</div><aside>{teaser}</aside>{teaser}'
    document = render(full_page(main))
    assert_body_kept(document)
    assert title_of(document) == HEADLINE


def test_a_body_inside_noscript_is_read() -> None:
    main = f'<div id="app"></div><noscript><article>{article_html()}</article></noscript>'
    document = render(full_page(main))
    assert_body_kept(document)


def test_a_noscript_that_only_asks_for_javascript_stays_out() -> None:
    main = f"<main>{article_html()}</main><noscript>Please turn on JavaScript.</noscript>"
    assert "JavaScript" not in render(full_page(main)).text


@pytest.mark.parametrize(
    "logo",
    [
        '<h1 class="site-logo"><a href="/">Tollbridge News</a></h1>',
        "<h1>Tollbridge News</h1>",
        '<div class="login-box"><h1>Log In</h1><p>Your account</p></div>',
        "<h1>Sign in</h1>",
    ],
)
def test_a_logo_or_login_h1_is_not_the_title(logo: str) -> None:
    document = render(full_page(f"<main>{article_html()}</main>", before=logo))
    assert_body_kept(document)
    assert title_of(document) == HEADLINE


def test_a_headline_inside_a_breadcrumb_nav_is_the_title() -> None:
    crumbs = f'<nav class="breadcrumb"><a href="/">Home</a> <h1>{HEADLINE}</h1></nav>'
    document = render(full_page(f"<main>{crumbs}{article_html('')}</main>"))
    assert_body_kept(document)
    assert title_of(document) == HEADLINE


def test_an_empty_h1_does_not_hide_the_headline() -> None:
    document = render(full_page(f"<main><h1> </h1>{article_html()}</main>"))
    assert title_of(document) == HEADLINE


@pytest.mark.parametrize(
    "inside",
    ["<script>track('view')</script>", "<style>h1 { color: red }</style>", "<!-- kicker -->"],
    ids=["script", "style", "comment"],
)
@pytest.mark.parametrize("place", ["main", "before-main"])
def test_what_a_headline_holds_unseen_is_not_its_text(inside: str, place: str) -> None:
    h1 = f"<h1>Fire service {inside}praised</h1>"
    body = f"<main>{h1}<p>Crews were praised.</p></main>"
    if place == "before-main":
        body = f"{h1}<main><p>Crews were praised.</p></main>"
    document = render(f"<body>{body}</body>")
    assert title_of(document) == "Fire service praised"
    assert document.text.startswith("Fire service praised\n\n")


def test_kicker_and_headline_keep_a_separator() -> None:
    h1 = f'<h1><span class="kicker">Inspection report</span><span>{HEADLINE}</span></h1>'
    document = render(full_page(f"<main>{article_html(h1)}</main>"))
    assert title_of(document) == f"Inspection report: {HEADLINE}"


@pytest.mark.parametrize(
    "caption",
    [
        '<span class="govuk-caption-xl">Press release</span>',
        '<span class="govuk-caption-l">News story</span>',
        '<span class="caption">Inspection report</span>',
    ],
)
def test_a_caption_inside_the_h1_is_kept_apart_from_the_headline(caption: str) -> None:
    # (the GOV.UK design system's caption sits inside the h1 with no space before the headline)
    h1 = f"<h1>{caption}{HEADLINE}</h1>"
    document = render(full_page(f"<main>{article_html(h1)}</main>"))
    kicker = caption.split(">")[1].split("<")[0]
    assert title_of(document) == f"{kicker}: {HEADLINE}"


def test_og_title_wins_and_loses_the_site_name() -> None:
    head = '<meta property="og:title" content="Fire service praised | Tollbridge News">'
    document = render(full_page(f"<main>{article_html()}</main>", head=head))
    assert title_of(document) == "Fire service praised"
    assert document.text.count(HEADLINE) == 1  # the h1 stays, as a heading


def test_without_h1_the_title_element_less_the_site_name_is_the_title() -> None:
    document = render(full_page(f"<main>{article_html('')}</main>"))
    assert title_of(document) == HEADLINE


def test_publication_date_and_author_go_into_metadata() -> None:
    head = (
        '<meta property="article:published_time" content="2025-06-04T09:30:00+01:00">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "Mira Castell"}}</script>'
    )
    document = render(full_page(f"<main>{article_html()}</main>", head=head))
    assert document.metadata["published"] == "2025-06-04T09:30:00+01:00"
    assert document.metadata["author"] == "Mira Castell"


def test_labelled_metadata_outside_the_main_text_is_kept_after_the_title() -> None:
    meta = (
        '<dl class="publication-details"><dt>Date of publication</dt><dd>4 June 2025</dd>'
        "<dt>Organisation</dt><dd>Tollbridge Fire Inspectorate</dd></dl>"
    )
    document = render(full_page(f"<main><h1>{HEADLINE}</h1>{meta}{article_html('')}</main>"))
    assert blocks(document)[:3] == [
        ("title", HEADLINE),
        ("metadata", "Date of publication: 4 June 2025"),
        ("metadata", "Organisation: Tollbridge Fire Inspectorate"),
    ]
    assert document.metadata["date_of_publication"] == "4 June 2025"


def test_a_body_kept_from_the_own_rules_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "_trafilatura", lambda root, options: None)
    document = render(full_page(f"<main>{article_html()}</main>"))
    assert_body_kept(document)
    assert any("no main text stood out" in w for w in document.warnings)
    assert document.review == ("page-fallback",)


def test_a_small_share_of_the_page_kept_says_so() -> None:
    listing = "".join(
        f'<li><a href="/n{i}">Station {i} open day on Saturday with a display by crews</a></li>'
        for i in range(120)
    )
    short = f"<main><h1>Station news</h1><p>{ARTICLE[0]}</p></main>"
    document = render(full_page(short, after=f'<div class="more"><ul>{listing}</ul></div>'))
    assert ARTICLE[0] in document.text
    assert any("check that its body was not lost" in w for w in document.warnings)
    assert document.review == ("page-text-small",)


def test_a_page_with_a_few_stray_nul_bytes_is_read() -> None:
    page = full_page(f"<main>{article_html()}</main>").encode("utf-8")
    cut = page.index(b"</main>")
    document = read_bytes(page[:cut] + b"\x00" + page[cut:], "padded.html")
    assert_body_kept(document)
    assert "\x00" not in document.text
    assert "1 NUL byte(s) in the page dropped" in document.warnings
    with pytest.raises(InputError):  # more than one in a thousand: not a saved page
        read_bytes(page[:cut] + b"\x00" * 3 + page[cut:], "padded.html")


def test_a_mostly_utf8_page_with_one_broken_sequence_stays_utf8() -> None:
    cafe = "<p>Café – “fine”</p>" * 3
    page = full_page(f"<main>{article_html()}{cafe}</main>").encode("utf-8")
    cut = page.index(b"</main>")
    document = read_bytes(page[:cut] + b"<p>cut \xc3</p>" + page[cut:], "broken.html")
    assert document.source.encoding == "utf-8"
    assert "Café – “fine”" in document.text
    # the stray byte is read alone (as cp1252: Ã) and named by its position in the file
    assert "cut Ã" in document.text
    (warning,) = [w for w in document.warnings if "UTF-8 but for 1 byte(s)" in w]
    assert f"byte {cut + 7:,}" in warning
    assert document.review == ("text-repaired",)


def test_a_page_over_the_element_budget_is_cut_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Past the budget the page goes to the own rules (past trafilatura's, as any page that
    # large), whose walk stops there.
    monkeypatch.setattr(html_module, "MAX_ELEMENTS", 40)
    monkeypatch.setattr(html_module, "TRAFILATURA_MAX_ELEMENTS", 40)
    items = "".join(f"<li>Station {i} inspected</li>" for i in range(60))
    document = render(full_page(f"<main>{article_html()}<ul>{items}</ul></main>"))
    assert document.text.startswith(HEADLINE)
    assert ARTICLE[0] in document.text and "Station 59" not in document.text
    assert any("more than 40 elements" in w for w in document.warnings)
    assert document.review == ("page-cut",)


def test_a_page_of_more_elements_than_trafilatura_reads_in_time_gets_the_own_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # trafilatura's time grows faster than the page past some thousands of elements
    monkeypatch.setattr(html_module, "TRAFILATURA_MAX_ELEMENTS", 40)
    called: list[object] = []
    monkeypatch.setattr(html_module, "_main_content", lambda *a: called.append(a))
    items = "".join(f"<li>Station {i} inspected</li>" for i in range(60))
    document = render(full_page(f"<main>{article_html()}<ul>{items}</ul></main>"))
    assert not called
    assert document.text.startswith(HEADLINE)
    assert ARTICLE[0] in document.text and "Station 59 inspected" in document.text
    assert not document.warnings and not document.review


@pytest.mark.parametrize(
    "title",
    [
        f"Tollbridge Borough Council - {HEADLINE}",
        f"Tollbridge Police | {HEADLINE}",
        f"News - Tollbridge Borough Council - {HEADLINE}",
    ],
)
def test_the_site_name_first_in_the_title_element_is_not_the_headline(title: str) -> None:
    # the h1 is the headline, and the <title>'s end that the page does not show is the site
    page = full_page(f"<main>{article_html()}</main>").replace(
        f"<title>{HEADLINE} | Tollbridge News</title>", f"<title>{title}</title>"
    )
    assert title_of(render(page)) == HEADLINE


@pytest.mark.parametrize(
    "title",
    [
        f"{HEADLINE} - News - Tollbridge Borough Council",
        f"{HEADLINE} | Latest news | Tollbridge Fire and Rescue Service",
        f"{HEADLINE} – Press releases – GOV.WALES",
        f"Press releases | {HEADLINE} | Tollbridge Police",
    ],
)
@pytest.mark.parametrize("h1", [True, False], ids=["h1", "no-h1"])
def test_section_names_in_the_title_element_are_cut_with_the_site_name(
    title: str, h1: bool
) -> None:
    main = article_html() if h1 else article_html("")
    page = full_page(f"<main>{main}</main>").replace(
        f"<title>{HEADLINE} | Tollbridge News</title>", f"<title>{title}</title>"
    )
    assert title_of(render(page)) == HEADLINE


@pytest.mark.parametrize("og", ["News", "Press releases", "Tollbridge News", "Home"])
def test_an_og_title_naming_the_site_or_a_section_gives_way_to_the_h1(og: str) -> None:
    head = f'<meta property="og:title" content="{og}">'
    document = render(full_page(f"<main>{article_html()}</main>", head=head))
    assert title_of(document) == HEADLINE


def test_an_og_title_ending_with_the_whole_title_element_loses_it() -> None:
    # <title> is the site's name alone, og:title is the headline and the site's name
    head = '<meta property="og:title" content="Fire service praised - Tollbridge Police">'
    page = full_page(f"<main>{article_html('')}</main>", head=head).replace(
        f"<title>{HEADLINE} | Tollbridge News</title>", "<title>Tollbridge Police</title>"
    )
    assert title_of(render(page)) == "Fire service praised"


@pytest.mark.parametrize(
    "ld",
    [
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "%s"}',
        '{"@graph": [{"@type": "WebPage", "name": "News"},'
        ' {"@type": "Article", "headline": "%s"}]}',
    ],
    ids=["article", "graph"],
)
def test_without_og_title_or_h1_the_json_ld_headline_is_the_title(ld: str) -> None:
    head = f'<script type="application/ld+json">{ld % HEADLINE}</script>'
    page = full_page(f"<main>{article_html('')}</main>", head=head).replace(
        f"<title>{HEADLINE} | Tollbridge News</title>", "<title>Tollbridge News</title>"
    )
    assert title_of(render(page)) == HEADLINE


def test_a_headline_that_holds_a_separator_keeps_its_parts() -> None:
    # "HMP Tollbridge: ..." is one headline: neither part is the site's or a section's name
    headline = "HMP Tollbridge: inspectors find a safer prison"
    page = full_page(f"<main>{article_html(f'<h1>{headline}</h1>')}</main>").replace(
        f"<title>{HEADLINE} | Tollbridge News</title>",
        f"<title>{headline} | Tollbridge News</title>",
    )
    assert title_of(render(page)) == headline


@pytest.mark.parametrize("word", ["Report", "Apply", "Contact"])
def test_a_page_named_by_a_furniture_word_keeps_it_as_its_headline(word: str) -> None:
    # A menu's call to action ("Report", "Apply") is furniture in a copied page's text, but no
    # section's name: a page whose og:title and h1 say it keeps it as its headline.
    head = f'<meta property="og:title" content="{word}">'
    page = full_page(f"<main>{article_html(f'<h1>{word}</h1>')}</main>", head=head).replace(
        f"<title>{HEADLINE} | Tollbridge News</title>", f"<title>{word} | Tollbridge Police</title>"
    )
    assert title_of(render(page)) == word


@pytest.mark.parametrize("word", ["Report", "Apply", "Share"])
def test_an_og_title_naming_a_call_to_action_of_the_h1_gives_the_h1(word: str) -> None:
    # og:title "Report", h1 "Report a crime online": the h1 says what og:title says, and more
    head = f'<meta property="og:title" content="{word}">'
    headline = f"{word} a concern about a Tollbridge care home"
    page = full_page(f"<main>{article_html(f'<h1>{headline}</h1>')}</main>", head=head)
    assert title_of(render(page)) == headline


def test_a_heading_report_between_paragraphs_of_a_saved_page_is_a_heading() -> None:
    # "Report" is furniture in a copied page's menus, but a heading of the body as an <h2>
    main = article_html().replace(f"<p>{ARTICLE[2]}", f"<h2>Report</h2><p>{ARTICLE[2]}")
    release = pipeline.extract_text(full_page(f"<main>{main}</main>"), fmt="html")
    (report,) = [s for s in release.sections if s.text == "Report"]
    assert (report.kind, report.boilerplate) == ("heading", False)
    assert release.title == HEADLINE


def test_section_names_and_other_furniture_lines_are_apart_and_both_furniture() -> None:
    vocab = load("sections")
    assert not set(vocab["section_names"]) & set(vocab["furniture_lines"])
    assert {"news", "press releases", "home"} <= html_module._SECTION_NAMES
    assert not {"report", "apply", "share", "x"} & html_module._SECTION_NAMES


@pytest.mark.parametrize("label", ["News: ", "Latest news – ", "Press release: "])
@pytest.mark.parametrize("h1", [True, False], ids=["h1", "no-h1"])
def test_a_section_label_run_into_the_title_element_is_cut(label: str, h1: bool) -> None:
    main = article_html() if h1 else article_html("")
    page = full_page(f"<main>{main}</main>").replace(
        f"<title>{HEADLINE} | Tollbridge News</title>",
        f"<title>{label}{HEADLINE} | Tollbridge Police</title>",
    )
    release = pipeline.extract_text(page, fmt="html")
    assert release.title == HEADLINE


@pytest.mark.parametrize(
    "title",
    [
        f"Tollbridge Borough Council - {HEADLINE}",
        f"{HEADLINE} | Tollbridge Borough Council",
        f"Tollbridge Police | {HEADLINE}",
    ],
)
def test_an_h1_naming_the_site_over_the_headline_in_an_h2(title: str) -> None:
    # both ends of <title> are shown in the main content (the site's name as its <h1>, the
    # headline as an <h2>): the end that is a public body's name is the site's
    site = title.replace(HEADLINE, "").strip(" -|")
    main = article_html(f"<h1>{site}</h1><h2>{HEADLINE}</h2>")
    page = full_page(f"<main>{main}</main>").replace(
        f"<title>{HEADLINE} | Tollbridge News</title>", f"<title>{title}</title>"
    )
    release = pipeline.extract_text(page, fmt="html")
    assert release.title == HEADLINE
    (named,) = [s for s in release.sections if s.text == site]
    assert named.kind == "heading"


@pytest.mark.parametrize("sep", [" | ", " - ", " – "])
def test_an_og_title_ending_with_a_bodys_name_loses_it(sep: str) -> None:
    head = f'<meta property="og:title" content="{HEADLINE}{sep}Tollbridge Borough Council">'
    page = full_page(f"<main>{article_html(f'<h2>{HEADLINE}</h2>')}</main>", head=head).replace(
        f"<title>{HEADLINE} | Tollbridge News</title>", f"<title>{HEADLINE}</title>"
    )
    document = render(page)
    assert title_of(document) == HEADLINE
    assert [b for b in blocks(document) if b[1] == HEADLINE] == [("title", HEADLINE)]


def test_an_og_title_whose_first_part_is_the_title_element_and_no_body_keeps_it() -> None:
    # <title> is og:title's first part but no public body's name: not taken for the site
    head = '<meta property="og:title" content="HMP Tollbridge - inspectors find a safer prison">'
    page = full_page(f"<main>{article_html('')}</main>", head=head).replace(
        f"<title>{HEADLINE} | Tollbridge News</title>", "<title>HMP Tollbridge</title>"
    )
    assert title_of(render(page)) == "HMP Tollbridge - inspectors find a safer prison"


@pytest.mark.parametrize(
    "byline", ["By Tollbridge Fire and Rescue Service", "By Ann Lee, Communications Officer"]
)
@pytest.mark.parametrize("dateline", ["", "<p>12 May 2025</p>"])
def test_a_byline_paragraph_under_the_h1_is_metadata_not_the_standfirst(
    byline: str, dateline: str
) -> None:
    main = article_html(f"<h1>{HEADLINE}</h1><p>{byline}</p>{dateline}")
    release = pipeline.extract_text(full_page(f"<main>{main}</main>"), fmt="html")
    assert release.title == HEADLINE
    (line,) = [s for s in release.sections if s.text == byline]
    assert line.kind == "metadata"
    assert release.standfirst is None  # (the lede is too long for one)


@pytest.mark.parametrize("site", ["Tollbridge Police", "Tollbridge Fire and Rescue Service"])
def test_a_title_element_that_is_a_bodys_name_names_the_site_not_the_page(site: str) -> None:
    # the site's header holds an <h1> of the same name; the page's own headline is an <h2>:
    # the site's name is never the headline
    main = article_html(f"<h2>{HEADLINE}</h2>")
    page = full_page(f"<main>{main}</main>", before=f"<div class='logo'><h1>{site}</h1></div>")
    page = page.replace(f"<title>{HEADLINE} | Tollbridge News</title>", f"<title>{site}</title>")
    release = pipeline.extract_text(page, fmt="html")
    assert release.title != site
    assert not any(s.kind == "title" and s.text == site for s in release.sections)


def test_a_title_element_that_is_no_bodys_name_is_still_the_headline() -> None:
    page = full_page(f"<main>{article_html('')}</main>")
    release = pipeline.extract_text(page, fmt="html")
    assert release.title == HEADLINE
