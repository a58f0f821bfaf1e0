"""Paragraph splitting and section kinds, on text written for these tests."""

from __future__ import annotations

import re
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.core import extract_document
from pipeline.extract.quotes import find_quotes
from pipeline.extract.scores import find_scores, table_regions
from pipeline.extract.sections import (
    _boilerplate_alternatives,
    _boilerplate_line,
    _boilerplate_starts,
    _covered_by_date,
    _flat_break,
    _flat_cuts,
    _Furniture,
    _furniture_phrases,
    _Index,
    _is_crumb_line,
    _is_crumb_trail,
    _may_end_with_tool,
    _may_open_phrase_far,
    _phrases_after,
    _title_tool_suffix,
    _vocab,
    carve,
    classify_sections,
    split_paragraphs,
    title_text,
)
from pipeline.model import DateMention, Span
from pipeline.read import read_bytes


def kinds(text: str, dates: list[DateMention] | None = None) -> list[tuple[str, str]]:
    scores = find_scores(text)
    paragraphs = carve(text, split_paragraphs(text), table_regions(text, scores))
    quotes = find_quotes(text, paragraphs)
    sections = classify_sections(text, paragraphs, scores, quotes, dates or [])
    for s in sections:
        assert text[s.start : s.end] == s.text
    return [(s.kind, s.text.split("\n")[0][:20]) for s in sections]


def title_of(text: str) -> str | None:
    scores = find_scores(text)
    paragraphs = carve(text, split_paragraphs(text), table_regions(text, scores))
    sections = classify_sections(text, paragraphs, scores, find_quotes(text, paragraphs), [])
    return next((title_text(s.text) for s in sections if s.kind == "title"), None)


def extracted(text: str) -> Any:
    """The release ``pipeline extract`` makes of ``text`` copied from a page."""
    return extract_document(read_bytes(text.encode(), "x.txt"), "x")


def kind_of(release: Any, first_words: str) -> list[str]:
    return [s.kind for s in release.sections if s.text.startswith(first_words)]


# Unicode white space (less the line feed), and the zero-width spaces.
BLANK_LINE_CHARS = (
    "\t\x0b\x0c\r \x85\xa0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff"
)


@pytest.mark.parametrize("char", list(BLANK_LINE_CHARS))
def test_a_line_of_any_white_space_is_blank(char: str) -> None:
    text = f"One.\n{char}{char}\nTwo.\nStill two."
    assert [text[p.start : p.end] for p in split_paragraphs(text)] == ["One.", "Two.\nStill two."]


@pytest.mark.parametrize("char", ["\x1c", "\x1f", "\u180e", "x"])
def test_a_line_of_other_characters_is_not_blank(char: str) -> None:
    text = f"One.\n{char}\nTwo.\n\nThree."
    assert [text[p.start : p.end] for p in split_paragraphs(text)] == [
        f"One.\n{char}\nTwo.",
        "Three.",
    ]


def test_blank_lines_with_no_break_spaces_and_tabs_separate_paragraphs() -> None:
    text = "One.\n\xa0\nTwo.\n \t \nThree.\n\n\n\nFour."
    assert [text[p.start : p.end] for p in split_paragraphs(text)] == [
        "One.",
        "Two.",
        "Three.",
        "Four.",
    ]


def test_single_newline_release_has_a_paragraph_per_line() -> None:
    text = "Headline here\nStandfirst line.\nBody one.\nBody two."
    assert [text[p.start : p.end] for p in split_paragraphs(text)] == text.split("\n")


def test_hard_wrapped_paragraph_stays_one_paragraph() -> None:
    text = "Title\n\nA long sentence wrapped\nover two lines.\n\nNext."
    assert [text[p.start : p.end] for p in split_paragraphs(text)] == [
        "Title",
        "A long sentence wrapped\nover two lines.",
        "Next.",
    ]


def test_flattened_release_is_split_at_bullets_and_metadata() -> None:
    body = "Words and more words. " * 40
    text = (
        f"A Headline Here Published: 3 May 2021 {body}It found: • is ‘good’ at x; • is ‘good’ at y."
    )
    paras = [text[p.start : p.end] for p in split_paragraphs(text)]
    assert paras[0] == "A Headline Here"
    assert paras[1] == "Published: 3 May 2021"
    assert paras[-2].startswith("• is ‘good’ at x")


def test_full_release_shape() -> None:
    text = (
        "Inspection of Somewhere Police\n\n"
        "A one-line summary of the findings.\n\n"
        "Body paragraph one.\n\nBody paragraph two.\n\n"
        "Chief Inspector Mo Reed says:\n\nUnmarked first paragraph.\n\n“Second paragraph.”\n\n"
        "Criteria Score\nLeadership Good\nCasework Fair\n\n"
        "Somewhere Police covers two counties.\n\nNotes to editors\n\n1. A note."
    )
    assert [k for k, _ in kinds(text)] == [
        "title",
        "standfirst",
        "body",
        "body",
        "quote",
        "quote",
        "quote",
        "table",
        "background",
        "heading",
        "background",
    ]


def test_boilerplate_before_headline_and_licence_footer() -> None:
    text = (
        "Skip to main content\nCookies on this site\nAccept additional cookies\n\n"
        "Real Headline Of The Release\n\nBody text here. And more.\n\n"
        "All content is available under the Open Government Licence v3.0\n© Crown copyright"
    )
    paras = split_paragraphs(text)
    assert [p.tag for p in paras] == ["boilerplate", "", "", "boilerplate"]
    assert [k for k, _ in kinds(text)] == ["metadata", "title", "body", "metadata"]


def test_no_headline_when_release_opens_with_its_lede() -> None:
    text = (
        "Inspectors have told the service to improve the way it handles complaints after "
        "finding that many were left unanswered for months.\n\nMore text."
    )
    assert kinds(text)[0][0] == "body"


def test_dateline_is_metadata_not_standfirst() -> None:
    text = "Headline\n\nMarch 3, 2020\n\nThe lede paragraph is here."
    dates = [DateMention("March 3, 2020", "2020-03-03", "2020-03-03", "day", 10, 23)]
    assert [k for k, _ in kinds(text, dates)] == ["title", "metadata", "standfirst"]


def test_table_inside_a_paragraph_is_carved_out() -> None:
    text = "The scores were:\nArea | Score |\nLeadership | Good |\nMoney | Fair |\nThe end."
    assert kinds(text) == [
        ("body", "The scores were:"),
        ("table", "Area | Score |"),
        ("background", "The end."),
    ]


def test_html_blocks_are_the_paragraphs() -> None:
    text = "Headline\n\nDate of publication: 1 May 2020\n\nBody. More."
    blocks = [Span(0, 8, "title"), Span(10, 41, "metadata"), Span(43, 54, "p")]
    paras = split_paragraphs(text, blocks)
    assert [text[p.start : p.end] for p in paras] == [
        "Headline",
        "Date of publication: 1 May 2020",
        "Body. More.",
    ]
    sections = classify_sections(text, paras, [], [], [])
    assert [s.kind for s in sections] == ["title", "metadata", "body"]


def test_paragraph_of_two_quotes_and_their_attribution_is_a_quote() -> None:
    text = (
        "Headline\n\nLede sentence one. And two.\n\n"
        '"We found a committed workforce," said Mo Reed, the chief inspector. '
        '"But caseloads are far too high."\n\nLater text. More of it.'
    )
    assert [k for k, _ in kinds(text)][2] == "quote"


def test_markdown_headline_value_drops_heading_marks() -> None:
    import pipeline

    release = pipeline.extract_text(
        "# **Inspection of Somewhere**\n\nOne line summary.\n\nBody. More."
    )
    assert release.title == "Inspection of Somewhere"
    assert release.sections[0].text == "# **Inspection of Somewhere**"


@pytest.mark.parametrize(
    "heading",
    ["Notes to editors", "Notes to editors:", "Background:", "## Notes to editors", "**ENDS**"],
)
def test_background_heading_in_any_dress_opens_the_notes(heading: str) -> None:
    text = f"Headline\n\nLede sentence one. And two.\n\n{heading}\n\nThe body was founded in 2004."
    assert [k for k, _ in kinds(text)] == ["title", "body", "heading", "background"]


def test_a_sentence_ending_in_a_colon_is_not_a_heading() -> None:
    text = "Headline\n\nLede sentence one. And two.\n\nThe grades were as follows:\n\nMore. Text."
    assert [k for k, _ in kinds(text)] == ["title", "body", "body", "body"]


def test_double_spaced_table_with_its_header_is_one_table_section() -> None:
    text = (
        "Headline\n\nLede sentence one. And two.\n\n"
        "Criteria\tScore\n\nLeadership\tGood\n\nCasework\tFair\n\nThe Area agreed. It will act."
    )
    assert kinds(text) == [
        ("title", "Headline"),
        ("body", "Lede sentence one. A"),
        ("table", "Criteria\tScore"),
        ("background", "The Area agreed. It "),
    ]


def test_setext_headline_and_headings_are_read_as_headings() -> None:
    text = (
        "Council rated good\n==================\n\nLede sentence one. And two.\n\n"
        "Notes to editors\n----------------\n\nThe council serves 300,000 people."
    )
    assert [k for k, _ in kinds(text)] == ["title", "body", "heading", "background"]


def test_a_paragraph_ending_in_a_dash_line_of_its_own_text_is_not_a_heading() -> None:
    text = (
        "Headline\n\nLede sentence one. And two.\n\nThe grades were\nfair - and - good\n\nEnd. Of."
    )
    assert [k for k, _ in kinds(text)] == ["title", "body", "body", "body"]


@pytest.mark.parametrize(
    "headline",
    [
        'HMYOI Fennick Hall: "The best youth custody inspection for many years"',
        "HMP Brackwater: “a fundamentally unsafe prison”",
        "Inspectors find “serious concerns” at HMP Ashdown",
    ],
)
def test_a_headline_quoting_a_phrase_is_the_title(headline: str) -> None:
    text = f"{headline}\n\nInspectors visited the prison in May 2022. They found more.\n"
    assert kinds(text)[0][0] == "title"


@pytest.mark.parametrize(
    "opening",
    [
        "Charlie Taylor said: “Fennick Hall is a good prison”",
        "The Chief Inspector says “we found a transformed prison”",
        "“We found a transformed establishment.”",
        "“We found a transformed establishment,” said Charlie Taylor",
    ],
)
def test_a_quoted_lede_is_not_a_title(opening: str) -> None:
    text = f"{opening}\n\nInspectors visited the prison in May 2022. They found more.\n"
    assert kinds(text)[0][0] != "title"


@pytest.mark.parametrize(
    "line",
    ["**Published 18 July 2024**", "*Published: 18 July 2024*", "**Published:** 18 July 2024"],
)
def test_a_metadata_line_in_markdown_emphasis_is_metadata(line: str) -> None:
    text = f"# Headline\n\n{line}\n\nThe lede paragraph is here.\n"
    start = text.index("18 July")
    dates = [DateMention("18 July 2024", "2024-07-18", "2024-07-18", "day", start, start + 12)]
    assert [k for k, _ in kinds(text, dates)] == ["title", "metadata", "standfirst"]


HEADLINE = "Inspectors praise Kilbride Primary School"
BODY = "\n\nPublished: 3 May 2024\n\nThe school was inspected in March. Pupils behave well."


@pytest.mark.parametrize(
    "furniture",
    [
        "Accessibility controls\nContrast\nText size\nMain content area\n\nHome › News › Schools",
        f"Leave site\nSkip to content\nYou are here: Home » News » {HEADLINE}",
        "Skip to main content\n\nPress release",
        "Skip to main content\nHome\nEducation, training and skills\n\nNews story",
        "Back to news",
        "This site uses cookies to store information on your computer.\nAccept\nDecline\nListen",
        "Menu\nSearch\nHome / News / Latest news\n\nNews",
        "Skip to main content\nYou are here\nHome\nNews",
        "Download and install BrowseAloud to have this page read aloud.",
        "Skip to main content\nGlobal keyword search\n0300 7900 126",
    ],
)
def test_the_headline_follows_site_furniture(furniture: str) -> None:
    assert title_of(f"{furniture}\n\n{HEADLINE}{BODY}") == HEADLINE


@pytest.mark.parametrize(
    "line",
    [
        f"Press release: {HEADLINE}",
        f"PRESS RELEASE: {HEADLINE}",
        f"Press release : {HEADLINE}",
        f"Press Notice – {HEADLINE}",
        f"News story - {HEADLINE}",
        f"{HEADLINE} PDF Print E-mail",
        f"Media release: {HEADLINE} Print Email",
    ],
)
def test_labels_and_page_tools_on_the_headline_line_are_cut(line: str) -> None:
    assert title_of(f"Skip to main content\n\n{line}{BODY}") == HEADLINE


@pytest.mark.parametrize(
    "line",
    ["Press releases for schools in Kilbride", "News stories from the north", "Print Email"],
)
def test_a_headline_that_only_starts_like_a_label_is_kept(line: str) -> None:
    assert title_text(line) == line


@pytest.mark.parametrize(
    "headline",
    ["Man charged after burglaries in Fenwick.", "Kilbride school rated good by Ofsted."],
)
def test_a_short_headline_with_a_full_stop_above_its_dateline(headline: str) -> None:
    assert title_of(f"Home › News\n\n{headline}{BODY}") == headline


@pytest.mark.parametrize(
    "opening",
    [
        # no dateline under it: a lede
        "Man charged after burglaries in Fenwick.\n\nThe burglaries took place in May.",
        # long, with a dateline under it: still a lede
        "Pupils at Kilbride Primary School are making strong progress in reading and "
        "mathematics, according to a report published by inspectors today.\n\n"
        "Published: 3 May 2024\n\nMore text.",
        # two sentences
        "Man charged. Police thank the public.\n\nPublished: 3 May 2024\n\nMore text.",
    ],
)
def test_a_lede_with_a_full_stop_is_not_a_headline(opening: str) -> None:
    assert title_of(f"Skip to main content\n\n{opening}") is None


FLAT_BODY = (
    "Inspectors have found that residents at the home are receiving better care than at "
    "the last inspection. " * 6
)


@pytest.mark.parametrize(
    ("prefix", "headline"),
    [
        ("Embargoed until Thursday 6 March 2025", "Care Inspectorate Finds Improvements At Brora"),
        ("Press release Published: 3 June 2025", "New Crisis Service Opens in Harbridge"),
        ("Embargoed until 6 March 2025", "Inspectors Praise the Work of Kilbride Nursery"),
    ],
)
def test_a_title_case_headline_is_split_from_a_flattened_body(prefix: str, headline: str) -> None:
    assert title_of(f"{prefix} {headline} {FLAT_BODY}") == headline


def test_a_flattened_lede_naming_its_speaker_is_not_split() -> None:
    text = f"Embargoed until 6 March 2025 HMICFRS Chief Inspector Ann Lee said {FLAT_BODY}"
    assert title_of(text) is None


def test_a_flattened_sentence_case_opening_is_not_split() -> None:
    text = f"Embargoed until 6 March 2025 Care home improves after inspection {FLAT_BODY}"
    paras = [text[p.start : p.end] for p in split_paragraphs(text)]
    assert paras[1].startswith("Care home improves after inspection Inspectors have found")


@pytest.mark.parametrize(
    "block",
    [
        "From:\nDepartment for Education\nPublished\n6 May 2025",
        "Published:\n6 May 2025\nLast updated:\n7 May 2025",
        "Organisation\nKilbride Council",
    ],
)
def test_labels_and_values_on_lines_of_their_own_are_metadata(block: str) -> None:
    text = f"{HEADLINE}\n\n{block}\n\nThe school was inspected in March. Pupils behave well."
    assert [k for k, _ in kinds(text)] == ["title", "metadata", "body"]


def test_a_paragraph_opening_with_a_label_word_and_running_on_is_body() -> None:
    text = f"{HEADLINE}\n\nFrom\nthe start of the year, inspectors visited 12 schools.\n\nMore."
    assert [k for k, _ in kinds(text)][1] != "metadata"


def test_a_furniture_piece_of_a_flattened_release_is_boilerplate() -> None:
    text = f"Press release Published: 3 June 2025 New Clinic Opens in Harbridge {FLAT_BODY}"
    scores = find_scores(text)
    paragraphs = split_paragraphs(text)
    sections = classify_sections(text, paragraphs, scores, find_quotes(text, paragraphs), [])
    assert (sections[0].kind, sections[0].boilerplate) == ("metadata", True)


@pytest.mark.parametrize(
    ("furniture", "headline"),
    [
        ("Appeals", "Footage appeal after collision on Marsh Road, Kelby"),
        ("News & Events", "Kitchen fire in Brackley"),
        ("Council news", "Play parks to reopen after upgrade"),
        ("Jump to main content\nNews and media", "New bus routes for rural valleys"),
        ("Skip to content\nHome\nNews", "PCC awards funding to tackle rural crime"),
        ("Home\nEnvironment\nPress release", "Money to repair flood defences"),
        ("81422", "Car Fire"),
    ],
    ids=[
        "appeals-label",
        "news-and-events",
        "council-news",
        "jump-link-and-label",
        "menu-then-headline-no-blank-line",
        "crumbs-label-then-headline",
        "incident-number-line",
    ],
)
def test_furniture_and_labels_above_the_headline(furniture: str, headline: str) -> None:
    sep = "\n" if furniture.count("\n") else "\n\n"
    text = f"{furniture}{sep}{headline}\n\nPublished: 3 June 2025\n\nResidents were told today."
    assert title_of(text) == headline


def test_the_topic_crumb_after_home_is_not_split_from_the_furniture() -> None:
    text = (
        "Skip to main content\nHome\nEducation, training and skills\n\n"
        "New funding for rural school transport\n\nFamilies will benefit."
    )
    assert title_of(text) == "New funding for rural school transport"


def test_a_short_last_menu_line_stays_furniture_above_the_headline() -> None:
    # "About us" / "Ofsted" are menu items, not a headline run onto the menus: the headline is
    # the line after the blank line.
    text = (
        "Skip to main content\nHome\nAbout us\nOfsted\n\nOur new school rating explained\n\n"
        "Published on 16 January 2026\n\nParents were told today."
    )
    assert title_of(text) == "Our new school rating explained"


@pytest.mark.parametrize(
    "headline",
    [
        "Council approves new budget",
        "Harbridge library to reopen after two year refurbishment",
        "Kilbride Council Leader welcomes new bus routes",
    ],
)
def test_a_headline_right_under_home_is_not_a_topic_crumb(headline: str) -> None:
    text = f"Skip to main content\nHome\n{headline}\n\nResidents were told today."
    assert title_of(text) == headline


@pytest.mark.parametrize(
    "crumb",
    ["Education, training and skills", "Health and social care", "Crime, justice and the law"],
)
def test_a_topic_crumb_under_home_stays_furniture(crumb: str) -> None:
    text = f"Skip to main content\nHome\n{crumb}\n\nNew funding for rural buses\n\nMore text."
    assert title_of(text) == "New funding for rural buses"


@pytest.mark.parametrize(
    "subject",
    [
        "Kelmouth Borough Council Leader Ann Lee has",
        "Harbridge Police Chief Constable Tom Reed was",
        "Brora Health Board Chief Executive Sam Kerr praised",
    ],
)
def test_a_flattened_lede_opening_with_its_subject_is_not_split(subject: str) -> None:
    text = f"Embargoed until 6 March 2025 {subject} {FLAT_BODY}"
    assert title_of(text) is None


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_an_aggregators_name_above_its_page_tools_is_not_the_headline(sep: str) -> None:
    headline = "Council approves new budget for Harbridge"
    text = f"Kilbride News Wire{sep}|Printable version\n\n{headline}\n\nResidents were told."
    assert title_of(text) == headline


def test_a_label_run_into_its_date_is_metadata() -> None:
    text = f"{HEADLINE}\n\nPublished5th May 2024\n\nThe school was inspected in March."
    start = text.index("May 2024")
    dates = [DateMention("May 2024", "2024-05", None, "month", start, start + 8)]
    assert [k for k, _ in kinds(text, dates)][:2] == ["title", "metadata"]


def test_a_short_headline_with_a_verb_under_the_menus_is_the_headline() -> None:
    text = "Skip to content\nHome\nNews\nMissing man found\n\nPolice found the man on Tuesday."
    assert title_of(text) == "Missing man found"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "\n",
                " ",
                "\xa0",
                "\t",
                ":",
                "Menu",
                "menu",
                "SEARCH",
                "Skip to main content",
                "Home",
                "We use cookies",
                "x",
                "News",
                "Share this page",
            ]
        ),
        max_size=12,
    )
)
def test_furniture_line_starts_agree_with_a_line_anchored_search(pieces: list[str]) -> None:
    # the pattern opens with the line break before a line, the text searched with one put
    # in front: the same line starts as the pattern anchored at each line (^, MULTILINE)
    text = "".join(pieces)
    pattern = _boilerplate_line()
    anchored = re.compile("^" + pattern.pattern.removeprefix("\\n"), pattern.flags)
    assert _Furniture(text).starts == [m.start() for m in anchored.finditer(text)]


# Pieces of lines for the boilerplate line finder: phrases and their first letters in other
# letter cases (the long s and the Kelvin sign match s and k under re.IGNORECASE), blanks,
# line breaks and words that are no boilerplate.
BOILERPLATE_PIECES = ["\n", "\n\n", " ", "\t", "\xa0", ":", "Skip to main content",
                      "ſkip to content", "SEARCH", "search", "Home ›", "home", "Menu", "x", "X",
                      "© Crown copyright", "Share on ", "share this", "|printable version", "K",
                      "ı", "İ", "News", "We use cookies", "The report", "é", "“",
                      # six letters that open a phrase, or all but the sixth
                      "The following links open in a new tab", "THE FOLLOWING", "the fol",
                      "The foe", "Tags", "TAGS:", "tag", "yn ôl", "YN ÔL", "Yn o", "HOME»",
                      "Home>", "Homer", "Apply", "applied", "Back to news", "Backed"]  # fmt: skip


@given(st.lists(st.sampled_from(BOILERPLATE_PIECES), max_size=16).map("".join))
def test_boilerplate_starts_agree_with_the_pattern_scan(text: str) -> None:
    """The first character of a line picks the phrases tried there; the whole pattern tried at
    every line break finds the same line starts."""
    expected = [m.start() for m in _boilerplate_line().finditer("\n" + text)]
    assert _boilerplate_starts(text) == expected


def test_every_phrase_opens_far_in_any_letter_case() -> None:
    """_may_open_phrase_far compares an ASCII opening's lower case with the phrases': each
    phrase passes it in any letter case, and no character of a phrase outside ASCII is one
    that ``re.IGNORECASE`` matches to an ASCII character (which that comparison would miss)."""
    phrases = [*_vocab()["boilerplate_lines"], *_furniture_phrases()]
    for phrase in phrases:
        for variant in (phrase, phrase.upper(), phrase.lower(), phrase.swapcase()):
            assert _may_open_phrase_far(variant + " and more", 0), variant
            assert _may_open_phrase_far("\n" + variant, 1), variant
    outside = {c for p in phrases for c in p if not c.isascii()}
    folds = [c for c in outside for a in map(chr, range(128)) if re.match(re.escape(c), a, re.I)]
    assert not folds


def _crumb_trail_by_splitting(s: str) -> bool:
    """_is_crumb_trail as first written: split at the arrows, else at the slashes."""
    if len(s) > 250 or "\n" in s:
        return False
    parts = re.split(r"[ \t\xa0]*[>›»][ \t\xa0]*", s)
    if len(parts) <= 2:
        parts = s.split(" / ")
    return len(parts) > 2 and all(map(_is_crumb_line, parts))


CRUMB_PIECES = ["Home", "News", "Parking permits", " > ", ">", "›", " » ", "»", " / ", "/",
                "and/or", "03/03/2025", "Costs", ". ", "\n", "\xa0", "\t", "x" * 90]  # fmt: skip


@given(st.lists(st.sampled_from(CRUMB_PIECES), max_size=10).map("".join))
def test_a_crumb_trail_counted_first_is_the_one_split_first(s: str) -> None:
    assert _is_crumb_trail(s) == _crumb_trail_by_splitting(s)


DATE_PIECES = ["3 May 2025", " ", ".", "(", ")", "x", "Published", "\xa0", "—", "\n", "|"]


@given(st.lists(st.sampled_from(DATE_PIECES), max_size=8).map("".join), st.integers(0, 3))
def test_a_paragraph_covered_by_dates_is_found_with_its_ends_looked_at_first(
    s: str, start: int
) -> None:
    dates = _Index([Span(start + m.start(), start + m.end()) for m in re.finditer("3 May 2025", s)])
    inside = [d for d in dates.items if d.end <= start + len(s)]
    rest = s[: inside[0].start - start] + s[inside[-1].end - start :] if inside else "x"
    expected = bool(inside) and not regex.sub(r"[\p{P}\s]", "", rest)
    assert _covered_by_date(s, start, dates, whole=True) == expected


FLAT_PIECES = [" ", "  ", "\xa0", "\n", "•", "▪ ", " ‣ ", "Published", "Published:", ":",
               "Date of publication", "Embargoed until", "Last updated", "Monday", "Monday,",
               "3", "12", "2025", "20256", "May", "march", "x", ".", "Council approves",
               "Published: 3 May 2025 ", " Monday, 12 March 2025",
               "Embargoed until 4 June 2025"]  # fmt: skip


@given(st.lists(st.sampled_from(FLAT_PIECES), max_size=14).map("".join))
def test_a_flat_pieces_cuts_found_from_its_marks_are_the_patterns(piece: str) -> None:
    expected = [m.start() for m in _flat_break().finditer(piece)]
    assert _flat_cuts(piece, 0, len(piece)) == expected
    assert _flat_cuts("x\n" + piece, 2, len(piece) + 2) == [2 + c for c in expected]


TOOL_PIECES = ["Council approves budget", " ", "\xa0", "\n", "\x1c", "PDF", "Print", "E-mail",
               "EMAIL", "email", "print e-mail", "pdf print email", "x", "ł", "Ĺ", "."]  # fmt: skip


@given(st.lists(st.sampled_from(TOOL_PIECES), max_size=8).map("".join))
def test_a_headline_ending_with_a_page_tool_passes_the_last_letter_check(s: str) -> None:
    if _title_tool_suffix().search(s) is not None:
        assert _may_end_with_tool(s)


def test_boilerplate_phrases_after_a_character_are_those_re_matches_to_it() -> None:
    """For each character a line may start with, a pattern of phrases is picked exactly when
    ``re.IGNORECASE`` matches the first letter of one to it."""
    firsts = list(_boilerplate_alternatives())
    either = re.compile("[" + "".join(map(re.escape, firsts)) + "]", re.IGNORECASE)
    for code in [*range(0x2000), 0x212A, 0x2028, 0xFEFF, 0x1D400]:
        c = chr(code)
        assert (_phrases_after(c) is None) == (either.fullmatch(c) is None), hex(code)


# Page shapes of UK public bodies' news pages as a browser copies them (Ctrl-A, Ctrl-C), each
# written for these tests: menus one item a line, crumbs, the site's name, the dateline under
# the headline with no blank line between, page tools.
PAGE_LEDE = (
    "Officers were called to Marsh Road at about 9.40pm on Friday after reports of a "
    "collision involving a van and a cyclist.\n\nAnyone with information should call 101."
)


@pytest.mark.parametrize(
    ("page", "headline"),
    [
        (
            "Skip to main content\nSkip to footer\nReport\nApply\nContact us\nSearch\nNews\n"
            "Appeals\n{h}\n\nPublished: 14:20 5 May 2024",
            "Witness appeal after cyclist hurt in Kelby",
        ),
        (
            "Skip to main content\nHome\nNews\n{h}\nWednesday, 05 June 2024",
            "Man held after break-in",
        ),
        ("Home\nNews\n{h}\n16:30 21/05/2024", "Two arrested after Brora disorder"),
        (
            "Skip to content\nKelby Fire and Rescue Service\nMenu\nIncidents\n{h}\n"
            "Date: 12 August 2024\nStation: Ashby",
            "Barn fire near Ashby Magna",
        ),
        ("Home\nAbout us\nLatest news\n{h}\n5 June 2024", "New ward opens at Harbridge General"),
        ("Home\nAbout us\nNews\n{h}\nPrint\nEmail", "Care Inspectorate reports on Brora home"),
        (
            "Skip to main content\nCymraeg\nEstyn\nSearch\nMenu\nNews\n\n{h}",
            "Pupils at Ysgol Maes thrive",
        ),
        (
            "Skip to main content\n\nCymraeg\n\n{h}",
            "Good care, but pressures remain at Ysbyty Maes, HIW finds",
        ),
        ("Back to all news\n\n{h}\n\nPosted on 4 October 2024", "Test your smoke alarms"),
        ("← Back to news\n\n{h}", "Library hours extended over summer"),
        ("< Back to news\n\n{h}", "Library hours extended over summer"),
        (
            "Skip to main content\n1. Home\n2. News\n3. {h}\n\n{h}",
            "RQIA reviews care home finances",
        ),
        (
            "Skip to main content\nKelby District Council\nSearch this site\nMain menu\n\nHome\n"
            "News\n\n{h}\n\nPublished 6 June 2025",
            "Play area reopens after upgrade",
        ),
        (
            "Skip to main content\n\nGOV.UK\n\nMenu\n\nHome\n\nCrime, justice and the law\n\n"
            "News story\n\n{h}\n\nCouncils will be able to act faster.",
            "New powers to tackle fly-tipping",
        ),
        (
            "Skip to main content\nCookies on GOV.UK\nAccept additional cookies\n\nGOV.UK\nMenu\n"
            "Search GOV.UK\n\nHome\nEducation, training and skills\n"
            "Inspections and performance of education providers\n\nPress release\n{h}\n\n"
            "A joint inspection found long waits.\n\nFrom:\nOfsted\nPublished\n6 May 2025",
            "Inspectors find weaknesses in county SEND services",
        ),
    ],
    ids=[
        "police-menu-lines",
        "police-weekday-dateline-line",
        "police-time-and-date-line",
        "fire-incident-labels",
        "nhs-latest-news",
        "page-tools-under-headline",
        "welsh-toggle-menu",
        "welsh-toggle-alone",
        "back-to-all-news",
        "back-arrow",
        "back-angle",
        "numbered-crumbs",
        "council-search-and-menu",
        "govuk-crumbs-blank-lines",
        "govuk-crumbs-one-a-line",
    ],
)
def test_the_headline_of_a_copied_news_page(page: str, headline: str) -> None:
    assert title_of(page.format(h=headline) + "\n\n" + PAGE_LEDE) == headline


@pytest.mark.parametrize(
    "site",
    [
        "Kelbyshire Constabulary",
        "Kelby Borough Council",
        "Education Scotland",
        "Healthcare Inspectorate Wales",
        "Harbridge Hospitals NHS Foundation Trust",
    ],
)
@pytest.mark.parametrize("sep", ["\n\n", "\n\nContact\n\nNews\n\n"])
def test_a_bodys_name_above_its_headline_is_not_the_headline(site: str, sep: str) -> None:
    headline = "Two men charged after Harbridge robbery"
    assert title_of(f"{site}{sep}{headline}\n\n{PAGE_LEDE}") == headline


@pytest.mark.parametrize(
    "site",
    ["Kelby Borough Council", "Brora Health Board"],
)
def test_a_bodys_name_over_its_lede_is_not_a_headline(site: str) -> None:
    # (no headline-like line under the name: the name is no headline, and none is made up)
    assert title_of(f"{site}\n\n{PAGE_LEDE}") is None


@pytest.mark.parametrize(
    "headline", ["Record Investment In Scotland", "New Funding For Kelby Council"]
)
def test_a_title_case_headline_with_a_small_word_is_no_bodys_name(headline: str) -> None:
    assert title_of(f"{headline}\n\nPublished: 3 May 2024\n\n{PAGE_LEDE}") == headline


@pytest.mark.parametrize(
    "headline",
    ["Kelby Council approves new budget", "Police Service of Kelby wins award"],
)
def test_a_headline_ending_with_a_bodys_word_but_with_a_verb_stays(headline: str) -> None:
    assert title_of(f"{headline}\n\nNew Homes for Harbridge\n\n{PAGE_LEDE}") == headline


@pytest.mark.parametrize("site", ["Kelby Borough Council", "Harbridge Fire and Rescue Service"])
def test_a_stopped_headline_under_a_bodys_name_is_read(site: str) -> None:
    headline = "Man charged after burglaries in Fenwick."
    text = f"{site}\n\n{headline}\n\nPublished: 3 May 2024\n\n{PAGE_LEDE}"
    assert title_of(text) == headline


@pytest.mark.parametrize("crumb", ["Schools", "Libraries", "Parking"])
def test_one_word_under_the_menus_is_never_the_headline(crumb: str) -> None:
    assert title_of(f"Skip to content\nHome\nNews\n{crumb}\n\n{PAGE_LEDE}") is None
    assert (
        title_of(f"Skip to content\nHome\n{crumb}\n\nPublished: 3 May 2024\n\n{PAGE_LEDE}") is None
    )


def test_a_menu_block_with_no_furniture_is_passed_over() -> None:
    text = (
        "Kelby Borough Council\nBins and recycling\nCouncil tax\nHousing\nPlanning\n\n"
        f"New recycling centre opens in Harbridge\n\n{PAGE_LEDE}"
    )
    assert title_of(text) == "New recycling centre opens in Harbridge"


@pytest.mark.parametrize(
    ("furniture", "headline"),
    [
        ("Skip to main content\nHome", "Police appeal for witnesses"),
        ("Skip to content\nHome", "Road closure update"),
        ("Skip to content\nHome\nNews", "Road closure update"),
        ("Menu\nNews", "Bridge reopens"),
    ],
)
@pytest.mark.parametrize("after", [PAGE_LEDE, f"Published: 3 June 2025\n\n{PAGE_LEDE}"])
def test_a_short_line_under_the_menus_before_the_pages_body_is_the_headline(
    furniture: str, headline: str, after: str
) -> None:
    # On a page the headline comes between the crumbs and the dateline or the prose.
    assert title_of(f"{furniture}\n{headline}\n\n{after}") == headline


@pytest.mark.parametrize(
    "crumb", ["Health and social care", "Crime, justice and the law", "Bins & recycling"]
)
def test_a_topic_crumb_under_home_over_the_lede_stays_furniture(crumb: str) -> None:
    assert title_of(f"Skip to main content\nHome\n{crumb}\n\n{PAGE_LEDE}") is None


@pytest.mark.parametrize(
    "crumb", ["Adult social care", "Education, training and skills", "Schools"]
)
def test_a_crumb_under_home_over_the_headline_stays_furniture(crumb: str) -> None:
    headline = "New day centre for Kelby"
    text = f"Skip to main content\nHome\n{crumb}\n\n{headline}\n\n{PAGE_LEDE}"
    assert title_of(text) == headline


def test_a_numbered_crumb_is_never_the_headline() -> None:
    text = (
        f"Skip to main content\n1. Home\n2. News\n3. RQIA reviews care home finances\n\n{PAGE_LEDE}"
    )
    assert title_of(text) is None


@pytest.mark.parametrize(
    "between", ["Share this page", "Share\nFacebook\nX\nLinkedIn", "Print this page"]
)
@pytest.mark.parametrize(
    "headline",
    ["Man charged after burglaries in Fenwick.", "Kilbride school rated good by Ofsted."],
)
def test_a_stopped_headline_with_page_tools_above_its_dateline(between: str, headline: str) -> None:
    text = (
        f"Skip to main content\n\n{headline}\n\n{between}\n\nPublished: 3 May 2024\n\n{PAGE_LEDE}"
    )
    assert title_of(text) == headline


@pytest.mark.parametrize("between", ["Share this page", "Print this page"])
def test_a_stopped_lede_with_page_tools_after_it_is_no_headline(between: str) -> None:
    lede = "Man charged after burglaries in Fenwick."
    text = f"Skip to main content\n\n{lede}\n\n{between}\n\n{PAGE_LEDE}"
    assert title_of(text) is None


@pytest.mark.parametrize(
    "subject",
    [
        "Head of Service Ann Lee has",
        "Director of Children’s Services Tom Reed was",
        "Chair of the Board Sam Kerr praised",
        "Leader of Kelby Council Ann Lee has",
    ],
)
def test_a_flattened_lede_opening_with_a_title_and_a_small_word_is_not_split(subject: str) -> None:
    text = f"Embargoed until 6 March 2025 {subject} {FLAT_BODY}"
    assert title_of(text) is None


def test_a_flattened_title_case_headline_with_a_small_word_and_no_role_is_split() -> None:
    headline = "Funding Boost for Kelby Schools"
    assert title_of(f"Embargoed until 6 March 2025 {headline} {FLAT_BODY}") == headline


MENU_ITEMS = [
    "Home",
    "News",
    "About us",
    "Contact us",
    "Search",
    "Menu",
    "Report",
    "Apply",
    "Our services",
    "Latest news",
    "Cymraeg",
    "GOV.UK",
    "Share",
    "Back to news",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(MENU_ITEMS), min_size=1, max_size=8),
    st.sampled_from(["\n", "\n\n"]),
    st.sampled_from(["", "Published: 3 May 2024\n\n", "5 June 2024\n\n"]),
)
def test_menu_items_above_a_headline_are_never_the_headline(
    menu: list[str], sep: str, dateline: str
) -> None:
    headline = "Council approves new budget for Harbridge libraries"
    text = "\n".join(menu) + sep + headline + "\n\n" + dateline + PAGE_LEDE
    assert title_of(text) == headline


@pytest.mark.parametrize(
    "headline", ["Inspection of Kelby Police", "Review of Harbridge Council", "Kelby Police"]
)
def test_a_headline_naming_a_body_with_a_small_word_stays(headline: str) -> None:
    text = f"{headline}\n\nA one-line summary of the findings.\n\n{PAGE_LEDE}"
    expected = None if headline == "Kelby Police" else headline
    assert title_of(text) == expected


@pytest.mark.parametrize(
    "menus", ["Skip to content\nHome\nNews", "Home\nNews\nAppeals", "Menu\nSearch\nLatest news"]
)
@pytest.mark.parametrize(
    "headline",
    ["Man charged after burglaries in Fenwick.", "Kilbride school rated good by Ofsted."],
)
def test_a_stopped_headline_right_under_the_menus_is_the_headline(
    menus: str, headline: str
) -> None:
    assert title_of(f"{menus}\n{headline}\n\n{PAGE_LEDE}") == headline


@pytest.mark.parametrize(
    "text",
    [
        # a blank line between the menus and the line: a lede
        f"Skip to content\nHome\nNews\n\nMan charged after burglaries in Fenwick.\n\n{PAGE_LEDE}",
        # two sentences
        f"Home\nNews\nMan charged. Police thank the public.\n\n{PAGE_LEDE}",
        # no blank line anywhere: the line breaks say nothing
        "Skip to main content\nMan charged after burglaries in Fenwick.\nHe is in court today.",
    ],
    ids=["blank-line-above", "two-sentences", "no-blank-lines"],
)
def test_a_stopped_line_not_right_under_the_menus_is_no_headline(text: str) -> None:
    assert title_of(text) is None


def test_numbered_crumbs_and_tags_are_furniture_only_as_whole_lines() -> None:
    # "1. Home" and "Tags:" alone are page furniture; a list item or a sentence opening with
    # them is body text.
    text = (
        "Care homes praised\n\nInspectors visited 12 homes.\n\n1. Home care visits will be "
        "extended to weekends.\n\nTags: the council also agreed a budget for the service.\n"
    )
    sections = extracted(text).sections
    assert [s.boilerplate for s in sections if s.text.startswith(("1. Home", "Tags"))] == [
        False,
        False,
    ]


def sections_of(text: str, blocks: list[Span] | None = None) -> list[tuple[str, bool, str]]:
    """(kind, boilerplate, first words) of each section, as ``pipeline extract`` gives them."""
    scores = find_scores(text)
    paragraphs = carve(text, split_paragraphs(text, blocks or ()), table_regions(text, scores))
    sections = classify_sections(text, paragraphs, scores, find_quotes(text, paragraphs), [])
    return [(s.kind, s.boilerplate, s.text[:24]) for s in sections]


BODY_ONE = "The council opened the library in March. Visits rose by a third in its first month."
BODY_TWO = "Figures published on Monday show that 4,120 people joined in the first six weeks."


@pytest.mark.parametrize(
    ("word", "headline"),
    [
        ("Report", "Kelby library visits rise by a third"),
        ("Contact", "Harbridge Council opens new library"),
        ("Apply", "Grants open for village halls in Ashby"),
        ("Tags:", "Fire service trains new crews at Brora"),
        ("**Share**", "Police thank public for help with appeal"),
        ("INCIDENTS", "Busy weekend for crews across the county"),
    ],
)
def test_a_furniture_word_between_paragraphs_of_the_body_is_a_heading(
    word: str, headline: str
) -> None:
    # The site's one-word menu items are furniture above the headline and at the page's foot,
    # not as a heading of the body with prose on both sides.
    text = f"Skip to main content\nHome\nNews\n\n{headline}\n\n{BODY_ONE}\n\n{word}\n\n{BODY_TWO}"
    found = sections_of(text)
    assert found[1][0] == "title"
    assert [(kind, bp) for kind, bp, first in found if first == word] in (
        [("heading", False)],
        [("body", False)],  # ("Tags:": a colon ends no heading)
    )


def test_a_furniture_word_between_html_blocks_of_the_body_keeps_its_block_tag() -> None:
    text = f"Kelby library visits rise\n\n{BODY_ONE}\n\nReport\n\n{BODY_TWO}"
    at = text.index("Report")
    blocks = [
        Span(0, 25, "title"),
        Span(27, 27 + len(BODY_ONE), "p"),
        Span(at, at + 6, "heading"),
        Span(at + 8, len(text), "p"),
    ]
    assert [p.tag for p in split_paragraphs(text, blocks)] == [
        "title",
        "p",
        "heading",
        "p",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # in the menus above the headline
        f"Home\n\nReport\n\nContact\n\nKelby library visits rise by a third\n\n{BODY_ONE}",
        # right under the headline, over the lede: a page tool
        f"Kelby library visits rise by a third\n\nShare\n\n{BODY_ONE}\n\n{BODY_TWO}",
        # at the page's foot, next to other furniture
        f"Kelby library visits rise by a third\n\n{BODY_ONE}\n\nShare\n\nFacebook\n\nX",
        # over a line that is no prose (a list of tags)
        f"Kelby library visits rise by a third\n\n{BODY_ONE}\n\nTags\n\nLibraries, Kelby",
    ],
    ids=["menus", "under-headline", "foot", "tag-list"],
)
def test_a_furniture_word_outside_the_body_stays_furniture(text: str) -> None:
    words = ("Report", "Contact", "Share", "Facebook", "X", "Tags")
    assert all(bp for _, bp, first in sections_of(text) if first in words)


@given(
    word=st.sampled_from(["Report", "Contact", "Share", "Tags", "Apply", "Topics", "Print"]),
    case=st.sampled_from([str.lower, str.upper, str.title]),
    body=st.sampled_from([BODY_ONE, BODY_TWO, "She said it was “a good start”."]),
)
@settings(max_examples=40, deadline=None)
def test_property_a_furniture_word_between_prose_is_never_boilerplate(
    word: str, case: Any, body: str
) -> None:
    text = f"Headline of the release here\n\n{BODY_ONE}\n\n{case(word)}\n\n{body}"
    assert [bp for _, bp, first in sections_of(text) if first == case(word)] == [False]


@pytest.mark.parametrize(
    ("menus", "headline", "after"),
    [
        (
            "Residents\n\nBusiness\n\nOur council",
            "New play park opens in Harbridge",
            "Published: 3 May 2024",
        ),
        (
            "Skip to main content\n\nOur work\n\nServices",
            "Crews tackle barn fire near Ashby",
            PAGE_LEDE,
        ),
        (
            "Home\n\nLatest\n\nCrime prevention\n\nYour area",
            "Appeal after car stolen in Fenwick",
            "14/06/2024 10:15",
        ),
        ("Schools\n\nHealth and care\n\nJobs", "Budget 2025", "Published: 6 March 2025"),
        ("Rhif\n\nCymorth", "Minister visits Bryn Eryr school", PAGE_LEDE),
    ],
)
def test_short_menu_items_each_a_paragraph_are_passed_over_to_the_headline(
    menus: str, headline: str, after: str
) -> None:
    assert title_of(f"{menus}\n\n{headline}\n\n{after}\n\n{BODY_ONE}") == headline


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        # a short headline over a standfirst with no stop: no run of menu items
        ("Budget 2025\n\nCouncil sets out its spending plans\n\n" + BODY_ONE, "Budget 2025"),
        # the body's name over a short headline: the name is passed over, not the headline
        (
            "Kelby Borough Council\n\nBudget 2025\n\nCouncil sets out its plans\n\n" + BODY_ONE,
            "Budget 2025",
        ),
    ],
    ids=["standfirst", "body-name"],
)
def test_a_short_headline_alone_is_not_a_menu_item(text: str, headline: str) -> None:
    assert title_of(text) == headline


@pytest.mark.parametrize(
    ("block", "headline"),
    [
        ("Residents\nBusiness\nOur council\nPlanning\nNew play park opens in Harbridge", None),
        ("Bins and recycling\nCouncil tax\nParking\nKelby school rated good by inspectors", None),
        (
            "About us\nOur services\nNews and events\n"
            "Crews rescue horse stuck in ditch near Brora\nTuesday 4 June 2024",
            "Crews rescue horse stuck in ditch near Brora",
        ),
        (
            "What we do\nWork for us\nLatest\nOfficers seize £40,000 of cannabis in Fenwick raid.",
            None,
        ),
    ],
)
def test_a_menu_block_with_no_known_furniture_gives_its_last_line_as_headline(
    block: str, headline: str | None
) -> None:
    want = headline or block.rsplit("\n", 1)[1]
    text = f"{block}\n\n{PAGE_LEDE}\n\n{BODY_ONE}"
    assert title_of(text) == want
    assert sections_of(text)[0][1]  # the menus: furniture


@pytest.mark.parametrize(
    "block",
    [
        # every line a menu item and prose after: no headline among them
        "Residents\nBusiness\nOur council\nPlanning",
        # two lines only: a headline and its kicker, not menus
        "Kelby Police\nOfficers seize cannabis in Fenwick raid, two men arrested, the force says",
    ],
)
def test_a_short_block_that_is_no_menu_over_a_headline_is_not_split(block: str) -> None:
    text = f"{block}\n\n{BODY_ONE}"
    assert len(split_paragraphs(text)) == 2


@pytest.mark.parametrize(
    ("caption", "headline"),
    [
        ("Speech", "Minister sets out plans for rural schools"),
        ("Oral statement to Parliament", "Update on flood defences in the north west"),
        ("Written statement to Parliament", "Prison capacity: quarterly figures"),
        ("Authored article", "Why every child needs a good breakfast"),
    ],
)
def test_a_gov_uk_caption_over_the_headline_is_furniture(caption: str, headline: str) -> None:
    text = (
        f"Skip to main content\n\n{caption}\n\n{headline}\n\nThe minister spoke in Kelby.\n\n"
        f"From:\nDepartment for Education\nPublished\n6 May 2025\n\n{PAGE_LEDE}"
    )
    assert title_of(text) == headline


@pytest.mark.parametrize(
    "name",
    [
        "Police Service of Northern Ireland",
        "Department for Education",
        "Ministry of Justice",
        "Office for Standards in Education",
    ],
)
def test_a_body_name_with_of_or_for_above_the_headline_is_not_the_headline(name: str) -> None:
    headline = "Appeal for witnesses after Kelby crash"
    text = f"Skip to main content\n{name}\nNews\n\n{headline}\n\n14 June 2024\n\n{PAGE_LEDE}"
    assert title_of(text) == headline


@pytest.mark.parametrize(
    "headline",
    ["Inspection of Kelby Police", "Review of Harbridge Council", "Police Officers Of The Year"],
)
def test_a_headline_naming_a_body_is_not_a_site_name(headline: str) -> None:
    # an opening word that is not a body's (Inspection), or a capitalised small word
    text = f"{headline}\n\nA one-line summary of the findings.\n\n{PAGE_LEDE}"
    assert title_of(text) == headline


@pytest.mark.parametrize("crumbs", ["Hafan\nNewyddion", "Hafan", "HAFAN\nNEWYDDION\nCymraeg"])
def test_welsh_crumbs_over_the_headline_are_furniture(crumbs: str) -> None:
    headline = "Ysgol newydd yn agor yn Kelby"
    assert title_of(f"{crumbs}\n\n{headline}\n\n{PAGE_LEDE}") == headline


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        ("Man charged after burglaries\nin Fenwick", "Man charged after burglaries in Fenwick"),
        ("Kelby school rated ‘good’ by\ninspectors after two years", None),
        ("# Crews rescue horse stuck\nin ditch near Brora", None),
    ],
)
def test_a_headline_wrapped_onto_a_second_line_in_lower_case_is_one_headline(
    lines: str, headline: str | None
) -> None:
    want = headline or " ".join(lines.lstrip("# ").split())
    assert title_of(f"Home\nNews\n\n{lines}\n\n{PAGE_LEDE}") == want


@pytest.mark.parametrize(
    "lines",
    [
        # a second line opening with a capital: a headline and its standfirst
        "Man charged after burglaries\nPolice thank the public for their help",
        # a stop at the end: a lede wrapped by the mail client
        "Officers were called to Marsh Road on Friday\nafter reports of a collision.",
        # three lines
        "Man charged after\nburglaries in\nFenwick",
    ],
)
def test_two_lines_that_are_no_wrapped_headline_are_not_one(lines: str) -> None:
    assert title_of(f"{lines}\n\n{BODY_ONE}") is None


@pytest.mark.parametrize(
    "dateline",
    [
        "3 March 2025 | Kelby Police",
        "Monday 3 March 2025 | News",
        "03/03/2025 • Fire and rescue",
        "3 March 2025 · Press release",
    ],
)
def test_a_dateline_with_its_source_after_a_bar_is_metadata(dateline: str) -> None:
    headline = "Arrests made after Kelby disorder"
    for text in (
        f"Latest news\n\n{dateline}\n\n{headline}\n\n{PAGE_LEDE}",
        f"{headline}\n\n{dateline}\n\n{PAGE_LEDE}",
    ):
        release = extracted(text)
        assert release.title == headline
        assert [s.kind for s in release.sections if s.text == dateline] == ["metadata"]


@pytest.mark.parametrize(
    "line",
    [
        # a sentence after the bar, not a source
        "3 March 2025 | the day the river burst its banks and the town flooded again.",
        # no bar: a headline that opens with a date
        "3 March 2025 marks ten years of the Kelby food bank",
    ],
)
def test_a_date_with_more_than_a_source_after_it_is_no_dateline(line: str) -> None:
    text = f"{line}\n\n{PAGE_LEDE}"
    release = extracted(text)
    assert release.sections[0].kind != "metadata"


@pytest.mark.parametrize(
    ("lines", "headline"),
    [
        ("FIREFIGHTERS RESCUE\nDOG FROM RIVER", "FIREFIGHTERS RESCUE DOG FROM RIVER"),
        ("KELBY SCHOOL RATED GOOD\nBY INSPECTORS", "KELBY SCHOOL RATED GOOD BY INSPECTORS"),
    ],
)
def test_a_headline_in_capitals_wrapped_onto_two_lines_is_one_headline(
    lines: str, headline: str
) -> None:
    assert title_of(f"HOME\nNEWS\n\n{lines}\n\n{PAGE_LEDE}") == headline


def test_two_menu_items_in_capitals_are_no_wrapped_headline() -> None:
    assert title_of(f"RESIDENTS\nBUSINESS\n\n{BODY_ONE}") is None


@pytest.mark.parametrize(
    ("page", "headline"),
    [
        # a crumb line ending with the headline, then the headline again
        ("Home > News > Hospital opens new ward\n\nHospital opens new ward\n\n"
         "Posted on: 3 March 2025", "Hospital opens new ward"),
        # crumbs one a line with their separators
        ("Home\n>\nNews\n>\nCare home improves\n\nCare home improves\n\n12 June 2024",
         "Care home improves"),
        # a caption and a headline in capitals
        ("NEWS STORY\n\nNEW FUNDING FOR RURAL BUSES\n\nPublished 6 May 2025",
         "NEW FUNDING FOR RURAL BUSES"),
        # a dateline above the headline
        ("Press release\n\n3 March 2025\n\nKelby school rated good", "Kelby school rated good"),
        ("Back to news\n\nMan jailed for arson in Kelby\n\n14 June 2024",
         "Man jailed for arson in Kelby"),
        # gov.scot's labels, each over its value
        ("Skip to main content\n\nNews\n\nNew support for island ferries\n\nPublished\n"
         "12 March 2025\nPart of\nTransport", "New support for island ferries"),
        # a fire service's incident log
        ("Incidents\n\nHouse fire in Ashby\n\nDate: 03/03/2025\nTime: 14:05\nStation: Ashby",
         "House fire in Ashby"),
        # share links between the headline and the lede
        ("Latest news\n\n14 June 2024\n\nRoad closed after crash near Ashby\n\n"
         "Share this page\nFacebook\nX", "Road closed after crash near Ashby"),
    ],
)  # fmt: skip
def test_headlines_of_copied_news_pages(page: str, headline: str) -> None:
    text = f"{page}\n\n{PAGE_LEDE}"
    assert extracted(text).title == headline


@pytest.mark.parametrize(
    ("page", "headline", "standfirst"),
    [
        # GOV.UK: crumbs, the caption, the headline, its lede, then its labels
        ("Home\nEducation, training and skills\nPress release\n"
         "New checks on Ashby colleges to start in May\n"
         "Inspectors will look at how colleges prepare learners for work from the spring term."
         "\n\nFrom:\nOfsted\nPublished\n12 May 2025",
         "New checks on Ashby colleges to start in May", "Inspectors will look"),
        # gov.wales
        ("Skip to main content\nCymraeg\n\nHome\nNews\nPress release\n"
         "£12 million to repair Kelby school buildings\n"
         "Schools across Kelby will share £12 million to mend roofs and heating systems.\n\n"
         "First published:\n12 May 2025",
         "£12 million to repair Kelby school buildings", "Schools across Kelby"),
        # a police force's page: its dateline under the lede, in the same block
        ("Home\nNews\nAppeal after car stolen in Brora\n"
         "Police in Brora are asking for help to find a blue hatchback taken on Sunday night."
         "\n13:35 14/05/2025",
         "Appeal after car stolen in Brora", "Police in Brora"),
        # curly marks in the headline, a question as the standfirst
        ("Menu\nSearch\nLatest news\nCouncil leader praises ‘brilliant’ litter volunteers\n"
         "Did you help clear the 40 tonnes of litter collected from Kelby beaches this spring?"
         "\n\nPosted on 3 March 2025",
         "Council leader praises ‘brilliant’ litter volunteers", "Did you help"),
    ],
)  # fmt: skip
def test_a_headline_and_its_standfirst_under_the_menus_with_no_blank_line(
    page: str, headline: str, standfirst: str
) -> None:
    release = extracted(f"{page}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert kind_of(release, standfirst) == ["standfirst"]


@pytest.mark.parametrize(
    ("page", "crumb"),
    [
        # a stopped headline under "News", a crumb
        ("Home\nNews\nMan charged after burglaries in Fenwick.\n\nPublished: 3 May 2025", "News"),
        # a topic crumb over a lede
        ("Home\nHealth and social care\n"
         "The council will spend £2 million on care homes across the borough this year.",
         "Health and social care"),
        # a menu item of two words over a lede
        ("Home\nNews\nOur council\n"
         "Bins in Kelby will be emptied on Tuesday next week after the bank holiday.",
         "Our council"),
        # a line as long as the line over it
        ("Home\nNews\nKelby library visits rise by a third this spring\n"
         "Kelby library visits rise by a third.",
         "Kelby library visits rise by a third this spring"),
    ],
    ids=["stopped-headline", "topic-crumb", "menu-item", "short-line"],
)  # fmt: skip
def test_a_line_over_a_sentence_in_the_menus_is_no_headline_over_a_standfirst(
    page: str, crumb: str
) -> None:
    # the line under the menus is read as before: the last one, as a stopped headline
    release = extracted(f"{page}\n\n{PAGE_LEDE}")
    assert release.title == page.split("\n\n")[0].rsplit("\n", 1)[-1]
    assert release.title != crumb
    assert "standfirst" not in kind_of(release, crumb)


@pytest.mark.parametrize(
    ("crumbs", "caption"),
    [
        ("Home\nEducation, training and skills\n"
         "Inspections and performance of education providers", "Press release"),
        ("Home\nCrime, justice and the law\nPolicing and crime prevention in local areas",
         "News story"),
        ("Hafan\nNewyddion\nHealth and social care services in the community", "PRESS RELEASE"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["lede-in-block", "lede-apart"])
@pytest.mark.parametrize("captioned", [True, False], ids=["caption", "no-caption"])
def test_long_crumbs_over_a_caption_are_passed_over_to_the_headline(
    crumbs: str, caption: str, gap: str, captioned: bool
) -> None:
    # crumbs naming topics (a comma, "and") under Home are crumbs with no caption under them
    headline = "Extra funding for village halls in Ashby and Brora"
    lede = "Village halls in Ashby and Brora will share £300,000 to improve their buildings."
    kind = f"{caption}\n" if captioned else ""
    release = extracted(f"{crumbs}\n{kind}{headline}{gap}{lede}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert kind_of(release, "Village halls") == ["standfirst"]
    assert kind_of(release, "Home")[:1] in (["metadata"], [])


@pytest.mark.parametrize(
    ("crumb", "headline", "under"),
    [
        # a topic crumb of seven words over a headline and the page's lede
        ("Inspections and performance of education providers in Kelby",
         "Extra funding for village halls in Ashby", ""),
        # a comma, curly marks in the headline, its dateline under it
        ("Crime, justice and the law in local communities",
         "Kelby’s new ‘safer streets’ plan for the town centre", "\nPublished: 3 June 2025"),
        ("Policing and crime prevention in local areas",
         "Police to patrol Ashby parks every weekend this summer", ""),
    ],
)  # fmt: skip
@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["block", "paragraphs"])
def test_long_topic_crumbs_under_home_with_no_caption_are_passed_over(
    crumb: str, headline: str, under: str, sep: str
) -> None:
    text = f"Home{sep}{crumb}{sep}{headline}{under.replace(chr(10), sep)}\n\n{PAGE_LEDE}"
    release = extracted(text)
    assert release.title == headline
    assert kind_of(release, crumb) in ([], ["heading"])


@pytest.mark.parametrize(
    "under",
    [
        "Parents across Kelby will get new help with the cost of nursery places.",
        "Published: 3 June 2025",
        "Monday 2 June 2025",
    ],
)
def test_a_long_crumb_over_a_headline_anchored_by_its_standfirst_or_dateline(under: str) -> None:
    # no topic joined, in one block: a crumb when the headline under it has its standfirst or
    # its dateline under it
    headline = "New help for parents across Kelby and Brora"
    text = f"Home\nSupport for families with young children\n{headline}\n{under}\n\n{PAGE_LEDE}"
    assert extracted(text).title == headline


@pytest.mark.parametrize(
    "line",
    [
        "Kelby council approves new budget for its libraries",  # a headline verb
        "Schools and nurseries inspected in Kelby in 2024",  # a digit
        "and the inspections of education providers in Kelby",  # lower case: a line of prose
        "Inspections and performance of education providers in Kelby, Ashby and Brora towns",
        "Support for families with young children",  # no topic joined, nothing under the headline
    ],
    ids=["verb", "digit", "lower-case", "eleven-words", "unanchored"],
)
def test_a_long_line_under_home_that_is_no_topic_crumb_is_no_menu(line: str) -> None:
    # no menus read: the block is not split at its last line (it might be the page's own text)
    text = f"Home\n{line}\nExtra funding for village halls in Ashby\n\n{PAGE_LEDE}"
    release = extracted(text)
    assert release.title is None
    assert not release.sections[0].boilerplate


@pytest.mark.parametrize(
    "dateline",
    [
        "Monday 12 May 2025",
        "Published: 12 May 2025",
        "13:35 14/05/2025",
        "Posted on 4 October 2024",
        "12 May 2025 at 10:15",
        "Published\n12 May 2025\nPart of\nHealth and social care",
    ],
)
@pytest.mark.parametrize(
    "headline",
    ["Care home in Kelby rated very good", "Firefighters rescue dog from River Kel."],
)
def test_a_headline_with_its_dateline_under_it_and_no_blank_line(
    dateline: str, headline: str
) -> None:
    release = extracted(f"{headline}\n{dateline}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert release.sections[1].kind == "metadata"
    assert release.sections[2].kind == "standfirst"


def test_a_headline_its_standfirst_and_its_dateline_in_one_block() -> None:
    text = (
        "Care home in Kelby rated very good\n"
        "Inspectors found that residents were treated with kindness and respect.\n"
        f"Published: 12 May 2025\n\n{PAGE_LEDE}"
    )
    release = extracted(text)
    assert release.title == "Care home in Kelby rated very good"
    assert [s.kind for s in release.sections[:3]] == ["title", "standfirst", "metadata"]


@pytest.mark.parametrize(
    "text",
    [
        # a lede with its dateline under it: too long for a headline
        "Officers were called to Marsh Road at about 9.40pm on Friday after reports of a "
        "collision involving a van and a cyclist.\n12 May 2025\n\nAnyone with information "
        "should call 101.",
        # a line over no dateline: opening hours
        "Kelby library opening hours\nMonday 9am to 5pm\n\nThe library is closed on Sundays.",
        # a body's name over page tools
        "Kelby Borough Council\nSearch\n\nThe council has set its budget for next year.",
    ],
    ids=["lede", "hours", "site-name"],
)
def test_a_line_over_a_line_that_is_no_dateline_is_no_dated_headline(text: str) -> None:
    assert extracted(text).title is None


def test_a_dated_heading_after_the_body_has_begun_is_not_split() -> None:
    text = f"{BODY_ONE}\n\nBoard meeting\n12 May 2025\n\n{BODY_TWO}"
    paragraphs = [text[p.start : p.end] for p in split_paragraphs(text)]
    assert "Board meeting\n12 May 2025" in paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "13:35 14/05/2025",
        "12 May 2025 at 10:15",
        "Monday 12 May 2025, 10.15am",
        "10:15 on 3/3/2025",
    ],
)
def test_a_dateline_with_a_clock_time_is_metadata(line: str) -> None:
    release = extracted(f"Man charged after Ashby burglaries\n\n{line}\n\n{PAGE_LEDE}")
    assert [s.kind for s in release.sections[:3]] == ["title", "metadata", "standfirst"]


@pytest.mark.parametrize(
    "line",
    ["12 May 2025 was a busy day", "Open 9am to 5pm on 12 May", "Kelby 14/05/2025 10:15"],
)
def test_a_date_with_words_that_are_no_dateline_words_is_not_metadata(line: str) -> None:
    release = extracted(f"Man charged after Ashby burglaries\n\n{line}\n\n{PAGE_LEDE}")
    assert release.sections[1].kind != "metadata"


def test_a_welsh_government_history_notice_is_furniture() -> None:
    text = (
        "Kelby schools to get new roofs\n\nFirst published:\n12 May 2025\n\n"
        "This was published under the 2021 to 2026 Administration of the Welsh Government"
        f"\n\n{PAGE_LEDE}"
    )
    (notice,) = [s for s in extracted(text).sections if s.text.startswith("This was")]
    assert notice.boilerplate


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Council approves budget | Kelby Borough Council", "Council approves budget"),
        ("Council approves budget | News | Kelby Borough Council", "Council approves budget"),
        ("New checks on Ashby colleges - GOV.UK", "New checks on Ashby colleges"),
        ("Extra sailings for island ferries – gov.scot", "Extra sailings for island ferries"),
        ("Man charged after burglaries – Latest news – Kelby Police",
         "Man charged after burglaries"),
        ("Crews rescue dog from river | Kelby Fire and Rescue Service",
         "Crews rescue dog from river"),
        ("News: Man charged after burglaries | Kelby Police", "Man charged after burglaries"),
        ("Latest news – Road closed after crash in Ashby", "Road closed after crash in Ashby"),
    ],
)  # fmt: skip
def test_a_text_copy_opening_with_the_browser_tabs_title_loses_the_sites_name(
    line: str, headline: str
) -> None:
    release = extracted(f"{line}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert "title-label-cut" in release.review


@pytest.mark.parametrize(
    "line",
    [
        "HMP Kelby – a safer prison, inspectors find",  # the part after the dash is no name
        "Kelby Borough Council - budget for 2025 agreed",  # the body's name first
        "Man charged - police appeal for witnesses",
        "Home: a new plan for housing in Ashby",  # the home crumb is no label
        "Kelby Borough Council | Budget consultation opens",  # the body first, a bar
    ],
)
def test_a_headline_with_a_dash_or_bar_and_no_sites_name_after_it_is_kept(line: str) -> None:
    assert extracted(f"{line}\n\n{PAGE_LEDE}").title == line


@pytest.mark.parametrize("furniture", ["Skip to main content", "Accept\nDecline", "12 May 2025"])
@pytest.mark.parametrize("item", ["Services", "Residents", "BUSINESS", "Newsroom2"])
def test_one_word_alone_under_the_furniture_over_a_headline_is_a_menu_item(
    furniture: str, item: str
) -> None:
    headline = "New play park opens in Harbridge"
    release = extracted(f"{furniture}\n\n{item}\n\n{headline}\n\n{PAGE_LEDE}")
    # (a word with a digit is no menu item: "Newsroom2" stays the headline)
    assert release.title == (item if not item.isalpha() else headline)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a headline verb: a one-word headline
        ("Skip to main content\n\nClosed\n\nMan charged after burglaries", "Closed"),
        # two words are no menu item alone
        ("Skip to main content\n\nBudget 2025\n\nCouncil sets out its spending plans",
         "Budget 2025"),
        # nothing above it: no furniture says it is the site's
        ("Services\n\nNew play park opens in Harbridge", "Services"),
    ],
)  # fmt: skip
def test_a_short_line_that_is_no_lone_menu_item_stays_the_headline(text: str, title: str) -> None:
    assert extracted(f"{text}\n\n{PAGE_LEDE}").title == title


@pytest.mark.parametrize("above", ["", "Skip to main content\n\n"])
@pytest.mark.parametrize(
    ("headline", "heading"),
    [("Budget 2025", "Key points"), ("Ashby bypass", "What happens next"),
     ("Storm Bella", "Road closures")],
)  # fmt: skip
def test_a_short_headline_over_a_short_heading_and_its_prose_is_the_headline(
    above: str, headline: str, heading: str
) -> None:
    assert extracted(f"{above}{headline}\n\n{heading}\n\n{PAGE_LEDE}").title == headline


def test_menu_items_over_a_short_headline_and_its_dateline_are_passed_over() -> None:
    text = f"Residents\n\nBusiness\n\nJobs\n\nBudget 2025\n\nPublished: 6 March 2025\n\n{PAGE_LEDE}"
    assert extracted(text).title == "Budget 2025"


@pytest.mark.parametrize(
    "menus",
    [
        # a tagline and a question among the menu items
        "Caring for every patient, every day\nGo to home page\nHome\nFor patients and visitors\n"
        "About Us\nWhy choose us?\nKeeping well",
        "Skip to content\nServing the people of Ashby since 1974\nNews\nBins\nCouncil tax\n"
        "Need help?",
        "Menu\nHome\nYour health, our priority today\nServices\nCareers\nContact us",
    ],
)
@pytest.mark.parametrize(
    "headline",
    ["Minister Visits Kelby as Trust Opens New Cancer Centre", "New ward opens at Kelby General"],
)
def test_a_few_longer_lines_among_the_menu_items_are_menus(menus: str, headline: str) -> None:
    release = extracted(f"{menus}\n\n{headline}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert release.sections[0].boilerplate


def test_a_block_of_more_long_lines_than_menu_items_is_no_menu() -> None:
    # one furniture line among lines of prose that are no menu items: not passed over
    block = (
        "Home\nOur hospitals cared for more than 400,000 patients\n"
        "in the last year across the three towns\nwe serve, and we thank every one of them"
    )
    release = extracted(f"{block}\n\nNew ward opens at Kelby General\n\n{PAGE_LEDE}")
    assert release.title is None


@pytest.mark.parametrize(
    "tag",
    ["Appeal", "Charged", "SENTENCED", "By Kelby Police", "By Ann Lee", "Gan Heddlu Kelby",
     "Kelby Police", "Kelby Fire and Rescue Service"],
)  # fmt: skip
@pytest.mark.parametrize(
    "above", ["", "Skip to main content\nHome\nNews\n"], ids=["alone", "menus"]
)
def test_a_tag_line_between_the_headline_and_its_dateline_is_furniture(
    tag: str, above: str
) -> None:
    headline = "Appeal after car stolen in Brora"
    release = extracted(f"{above}{headline}\n{tag}\n14:10 30/05/2025\n\n{PAGE_LEDE}")
    assert release.title == headline
    (line,) = [s for s in release.sections if s.text == tag]
    assert (line.kind, line.boilerplate) == ("metadata", True)
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    ("block", "not_title"),
    [
        # a one-word crumb under the furniture, over the dateline: no headline at all
        ("Home\nNews\nSchools\n12 May 2025", "Schools"),
        # two words that are no byline nor a body's name: no tag
        ("Man charged after burglaries\nAshby town\n30 May 2025", "Ashby town"),
    ],
)
def test_a_line_over_a_dateline_that_is_no_tag_under_a_headline(block: str, not_title: str) -> None:
    release = extracted(f"{block}\n\n{PAGE_LEDE}")
    assert release.title != not_title
    assert not any(s.text == not_title and s.boilerplate for s in release.sections)


@pytest.mark.parametrize(
    "item",
    ["Our council", "Your services", "About the trust", "OUR SERVICES", "Find a school",
     "Council services", "Latest updates", "Appeals and alerts", "News & events",
     "Jobs and careers"],
)  # fmt: skip
@pytest.mark.parametrize(
    "furniture",
    ["Skip to main content", "Accept\nDecline", "12 May 2025", "Search this site"],
)
@pytest.mark.parametrize(
    "headline", ["New play park opens in Harbridge", "Crews tackle barn fire near Ashby"]
)
def test_a_menu_item_of_two_or_three_words_under_the_furniture_is_passed_over(
    item: str, furniture: str, headline: str
) -> None:
    release = extracted(f"{furniture}\n\n{item}\n\n{headline}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert kind_of(release, item) != ["title"]


@pytest.mark.parametrize(
    "line",
    ["Storm Bella", "Ashby bypass", "Budget 2025", "Kelby Carnival", "Our NHS at 75",
     "Your vote, your say", "Fire safety week 2025", "Harbridge Police"],
)  # fmt: skip
def test_a_short_headline_under_the_furniture_is_no_menu_item(line: str) -> None:
    # a name, a place, a number or a verb: a short headline over its standfirst (a body's name
    # is the site's: passed over)
    text = f"Skip to main content\n\n{line}\n\nNew play park opens in Harbridge\n\n{PAGE_LEDE}"
    want = "New play park opens in Harbridge" if line == "Harbridge Police" else line
    assert extracted(text).title == want


@pytest.mark.parametrize("item", ["Our council", "Your services", "Council services"])
@pytest.mark.parametrize("after", [PAGE_LEDE, f"Published: 3 June 2025\n\n{PAGE_LEDE}"])
def test_a_menu_items_phrase_under_the_menus_in_one_block_is_no_headline(
    item: str, after: str
) -> None:
    # as one word is ("Schools"): the page's prose or dateline under it does not make it one
    release = extracted(f"Skip to main content\nHome\n{item}\n\n{after}")
    assert release.title is None
    assert release.sections[0].boilerplate


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["our", "your", "about", "find", "contact"]),
    st.lists(st.sampled_from(["services", "council", "us", "the", "local", "area"]), max_size=2),
    st.sampled_from([str.capitalize, str.upper, str.title]),
)
def test_property_a_menu_openers_short_phrase_is_never_the_headline(
    opener: str, rest: list[str], case: Any
) -> None:
    item = case(" ".join([opener, *rest]))
    headline = "Council approves new budget for Harbridge libraries"
    text = f"Skip to main content\n\n{item}\n\n{headline}\n\n{PAGE_LEDE}"
    assert title_of(text) == headline


@pytest.mark.parametrize("after", [" ", "  \t", "\xa0", "\u200b", " \r"])
@pytest.mark.parametrize("before", ["", "  ", "Skip to main content\n\n \t"])
def test_a_headline_with_blanks_around_it_on_its_line_is_not_run_on_text(
    before: str, after: str
) -> None:
    release = extracted(f"{before}Council approves budget for Kelby{after}\n\n{PAGE_LEDE}")
    assert release.title == "Council approves budget for Kelby"
    assert "title-in-run-on-text" not in release.review


def test_a_headline_cut_from_a_flattened_line_is_still_run_on_text() -> None:
    release = extracted(f"Embargoed until 6 March 2025 Funding Boost for Kelby Schools {FLAT_BODY}")
    assert release.title == "Funding Boost for Kelby Schools"
    assert "title-in-run-on-text" in release.review


WRAPPED = [
    # the first line ends with a small word, which no headline ends with
    ("Man charged after a series of burglaries in", "Fenwick and Ashby"),
    ("Appeal for witnesses after crash on the", "A614 near Ashby"),
    ("Council Approves New Budget For", "Kelby Libraries And Parks"),
    ("Kelby school rated ‘good’ by inspectors for the", "first time since 2015"),
    # Title Case: the second line opens with a small word that is no article
    ("Council Approves New Budget", "For Kelby Libraries"),
    ("Minister Opens New Cancer Centre", "At Kelby General Hospital"),
]


@pytest.mark.parametrize(("first", "second"), WRAPPED)
@pytest.mark.parametrize(
    ("above", "below"),
    [
        ("", "\n"),  # alone, the page's lede after a blank line
        ("", "\nMonday 12 May 2025\n"),  # its dateline under it
        ("Skip to main content\nHome\nNews\n", "\n"),  # under the menus, in one block
        ("Home\nNews\n", "\nPublished: 3 May 2025\n"),
        ("Skip to main content\n\n", "\n"),
    ],
    ids=["alone", "dated", "menus", "menus-dated", "furniture-apart"],
)
def test_a_headline_wrapped_next_to_a_small_word_is_one_headline(
    first: str, second: str, above: str, below: str
) -> None:
    release = extracted(f"{above}{first}\n{second}{below}\n{PAGE_LEDE}")
    assert release.title == f"{first} {second}"
    assert "title-label-cut" not in release.review


def test_a_wrapped_headline_over_its_standfirst_in_the_menus_block() -> None:
    text = (
        "Home\nNews\nMan charged after a series of burglaries in\nFenwick and Ashby\n"
        "Police have charged a man after eleven burglaries in Fenwick and Ashby this spring.\n"
        f"13:35 14/05/2025\n\n{PAGE_LEDE}"
    )
    release = extracted(text)
    assert release.title == "Man charged after a series of burglaries in Fenwick and Ashby"
    assert kind_of(release, "Police have charged") == ["standfirst"]


@pytest.mark.parametrize(
    "lines",
    [
        "Sign in\nCouncil approves budget",  # a menu item ending with a small word
        "About Us\nFor Patients",  # two Title Case menu items
        "Kelby Council praises volunteers who cleared\nAshby beach",  # no small word at the break
        "Council approves budget\nThe Leader thanks staff",  # an article opens the second
        "Home\nFor patients and visitors",
    ],
)
def test_two_lines_that_break_at_no_small_word_are_not_one_headline(lines: str) -> None:
    assert extracted(f"{lines}\n\n{PAGE_LEDE}").title != lines.replace("\n", " ")


@pytest.mark.parametrize(
    "banner",
    [
        "JavaScript is not enabled on your browser. Some features of this site will not work.",
        "You need to enable JavaScript to use this site.",
        "Language: English / Gàidhlig\nLoading…",
        "Skip to main content\nLanguage: Cymraeg\nLoading...\nSign in",
        "Log in\n\nLOADING",
    ],
)
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_script_notices_language_switches_and_sign_in_links_are_furniture(
    banner: str, sep: str
) -> None:
    headline = "Crews called to flat fire in Ashby"
    release = extracted(f"{banner}{sep}{headline}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert release.sections[0].boilerplate


@pytest.mark.parametrize(
    "dateline",
    ["14 Apr 2024 10:30 AM", "04 Mar 2016 16:33 PM", "Monday 3 June 2024, 9.15 a.m.",
     "3 June 2024 at 2pm"],
)  # fmt: skip
@pytest.mark.parametrize("above", ["", "Home\nNews\n"])
def test_a_dateline_with_am_or_pm_is_metadata(dateline: str, above: str) -> None:
    release = extracted(f"{above}Warning to drivers in Kelby\n{dateline}\n\n{PAGE_LEDE}")
    assert release.title == "Warning to drivers in Kelby"
    assert kind_of(release, dateline) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "byline",
    ["By Kelby Police", "By Ann Lee, Communications Officer", "Written by Ann Lee",
     "Gan Heddlu Kelby", "BY KELBY FIRE AND RESCUE SERVICE", "Posted by Harbridge Council"],
)  # fmt: skip
@pytest.mark.parametrize("dateline", ["", "12 May 2025\n\n", "Published: 12 May 2025\n\n"])
def test_a_byline_under_the_headline_is_metadata_not_the_standfirst(
    byline: str, dateline: str
) -> None:
    headline = "Man charged after burglaries in Fenwick"
    release = extracted(f"{headline}\n\n{byline}\n\n{dateline}{PAGE_LEDE}")
    assert release.title == headline
    assert kind_of(release, byline) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "line",
    [
        "By March the council will open a new library in Ashby.",  # a sentence
        "By Christmas, Kelby will have 40 new homes",  # a verb
        "By the end of the year every school will have a new roof",  # lower case after By
        "Bypass opens to traffic on Monday",
    ],
)
def test_a_standfirst_opening_with_by_is_no_byline(line: str) -> None:
    release = extracted(f"Man charged after burglaries in Fenwick\n\n{line}\n\n{PAGE_LEDE}")
    assert kind_of(release, line) == ["standfirst"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Police officers honoured at bravery awards",
            "Police officers honoured at bravery awards",
        ),
        ("Kelby’s new library opens | Kelby Borough Council", "Kelby’s new library opens"),
        ("New checks on Ashby colleges - GOV.UK", "NEW CHECKS ON ASHBY COLLEGES"),
    ],
)
@pytest.mark.parametrize("above", ["", "Home\nNews\n", "Skip to main content\n\n"])
@pytest.mark.parametrize("under", ["", "12 May 2025\n\n", "By Kelby Police\n\n"])
def test_a_headline_copied_twice_gives_the_second_as_the_headline(
    first: str, second: str, above: str, under: str
) -> None:
    # the last crumb or the browser tab's title over the page's h1: the h1 is the headline, and
    # no standfirst repeats it
    release = extracted(f"{above}{first}\n\n{second}\n\n{under}{PAGE_LEDE}")
    assert release.title == second
    (title,) = [s for s in release.sections if s.kind == "title"]
    assert title.text == second
    assert kind_of(release, "Officers were called") == ["standfirst"]


def test_a_standfirst_that_only_opens_like_the_headline_stays() -> None:
    text = f"Council approves budget\n\nCouncil approves budget for Kelby libraries\n\n{PAGE_LEDE}"
    release = extracted(text)
    assert release.title == "Council approves budget"
    assert release.standfirst == "Council approves budget for Kelby libraries"


@pytest.mark.parametrize(
    ("incident", "place", "label"),
    [
        ("Fire In Open", "Kelby Vale", "Station ground: Ashby"),
        ("Road Traffic Collision", "Mill Lane, Brora", "Incident: RTC"),
        ("Animal Rescue", "Harbridge", "Station area: Kelby North"),
    ],
)
@pytest.mark.parametrize("number", ["", "48211\n\n"])
def test_an_incident_logs_label_over_its_dateline_is_no_headline(
    incident: str, place: str, label: str, number: str
) -> None:
    # a fire service's incident log: its number, the kind of incident, the place, a label and
    # the dateline; the place is no standfirst
    text = (
        f"{number}{incident}\n\n{place}\n\n{label}\n\nSunday, 4 May, 2025 07:40\n\n"
        "At 07:40 crews were called to reports of a fire in a field near the ring road."
    )
    release = extracted(text)
    assert release.title == incident
    assert release.standfirst is None


@pytest.mark.parametrize(
    "place", ["Mill Lane, Ashby", "Kelby Vale", "Cromer Road, Easton, Brora", "A614 Kelby Road"]
)
def test_a_place_under_the_headline_is_no_standfirst(place: str) -> None:
    release = extracted(f"Crews called to flat fire\n\n{place}\n\n{PAGE_LEDE}")
    assert release.title == "Crews called to flat fire"
    assert release.standfirst is None


@pytest.mark.parametrize(
    "line",
    ["Council Backs New Plan", "Kelby Wins Award", "New Kelby library opens in May",
     "Two Men Charged After Ashby Raid"],
)  # fmt: skip
def test_a_title_case_standfirst_with_a_verb_or_more_words_is_kept(line: str) -> None:
    release = extracted(f"Crews called to flat fire\n\n{line}\n\n{PAGE_LEDE}")
    assert release.standfirst == line


def test_a_short_headline_over_its_dateline_after_menu_items_is_still_read() -> None:
    # ("Budget 2025" is no label: the run's last item is the headline)
    text = f"Residents\n\nBusiness\n\nJobs\n\nBudget 2025\n\nPublished: 6 March 2025\n\n{PAGE_LEDE}"
    assert extracted(text).title == "Budget 2025"


@pytest.mark.parametrize(
    "trail",
    ["Guides > Parking > Parking permits explained",
     "Residents › Bins and recycling › Garden waste",
     "Our services » Libraries » Opening hours » Kelby Central"],
)  # fmt: skip
@pytest.mark.parametrize("under", ["", "Estimated reading time: 3 minutes\n\n"])
def test_a_trail_of_crumbs_on_one_line_is_furniture(trail: str, under: str) -> None:
    headline = "Garden waste collections start in March"
    release = extracted(f"{trail}\n\n{headline}\n\n{under}{PAGE_LEDE}")
    assert release.title == headline
    assert release.sections[0].boilerplate
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "line",
    ["Costs > income for Kelby leisure centres",  # one separator: a headline
     "Temperatures > 30C expected > warnings issued for Kelby and the whole of the county.",
     "Kelby > Ashby > Brora: the new bus route explained in full for every passenger today"],
)  # fmt: skip
def test_a_line_with_separators_that_is_no_trail_of_crumbs_stays(line: str) -> None:
    release = extracted(f"{line}\n\n{PAGE_LEDE}")
    assert not release.sections[0].boilerplate


@pytest.mark.parametrize("item", ["Your council", "Services", "Council services"])
@pytest.mark.parametrize("crumbs", ["Home\nNews", "Home\n\nNews", "Hafan › Newyddion"])
def test_a_menu_item_between_the_furniture_and_the_crumbs_is_passed_over(
    item: str, crumbs: str
) -> None:
    headline = "Libraries reopen after refit"
    release = extracted(f"Skip to main content\n\n{item}\n\n{crumbs}\n{headline}\n\n{PAGE_LEDE}")
    assert release.title == headline


def test_a_lone_menu_item_over_its_dateline_and_no_headline_stays_the_title() -> None:
    # nothing that reads as a headline past the furniture: the item is read as before
    text = f"Skip to main content\n\nServices\n\nPublished: 3 May 2024\n\n{PAGE_LEDE}"
    assert extracted(text).title == "Services"


# Furniture that only its place over the headline shows (round 5: NHS trusts, regulators,
# Welsh health boards, national parks, fire services).


def title_past(furniture: str, headline: str, sep: str = "\n\n", tail: str = PAGE_LEDE) -> Any:
    """The release of a page copied with ``furniture`` over its ``headline`` and ``tail``."""
    return extracted(f"{furniture}{sep}{headline}\n\n{tail}")


def read_past(furniture: str, headline: str, sep: str = "\n\n", tail: str = PAGE_LEDE) -> Any:
    """title_past, checked: the headline is read and each paragraph of ``furniture`` is
    boilerplate."""
    release = title_past(furniture, headline, sep, tail)
    assert release.title == headline
    assert all(s.boilerplate for s in release.sections[: furniture.count("\n\n") + 1])
    return release


@pytest.mark.parametrize(
    "notice",
    [
        "Accept Cookies",
        "Cookies: We use cookies on our site to make it work. Find out more here.",
        "This website uses cookies to improve your experience. We'll assume you're ok with "
        "this, but you can opt-out if you wish. Accept Read More",
        "Harbridge Water would like to place cookies on your computer to help us make this "
        "website better.\nI accept cookies from this site.",
        "Clean water for Fenwick\nFenwick Water would like to store cookies on your device. "
        "See our privacy notice.\nI’m OK with cookies\nPicture of a reservoir",
        "Cookie settings\nReject all",
        "Accept Cookies\n\nCookies: We use cookies on our website to make it clear and useful. "
        "By moving to other pages, you agree to this.",
    ],
)
@pytest.mark.parametrize("headline", ["Crews called to flat fire in Ashby", "Water bills to rise"])
def test_a_cookie_notice_over_the_headline_is_furniture(notice: str, headline: str) -> None:
    read_past(notice, headline)


@pytest.mark.parametrize(
    "toolbar",
    ["Menu Search", "search Menu", "English | Cymraeg", "Cymraeg / English",
     "Share: Facebook Twitter LinkedIn Email", "Print · Share · Email"],
)  # fmt: skip
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_furniture_words_on_one_line_are_a_toolbar(toolbar: str, sep: str) -> None:
    read_past(toolbar, "Park authority approves new visitor centre", sep)


@pytest.mark.parametrize(
    "furniture",
    ["Home  /  News  /  HSE fines Ashby builder after fall",
     "News / Fire safety / Barbecue warnings",
     "You are in: News", "Back", "News Archive", "Trust News", "Back\nNewyddion",
     # links, and a press office's contact lines
     "For the latest Trust news please follow this link.",
     "To read our visiting guidance click here.",
     "Find our winter updates here >",
     "Find out more",
     "Media enquiries\nPress Office\nTel: 01632 960123\nEmail: press@kelby.example",
     "Press enquiries\n\nTelephone: 01632 960777\nE-mail: media@ashby.example",
     # crumbs run together with no spaces round their marks, the headline last
     "Home>News>Safety >HSE fines Ashby builder after fall",
     "News›Courts›HSE fines Ashby builder after fall", "Home»Latest news",
     # browser notices
     "Your browser is no longer supported", "You are using an outdated browser.",
     "This browser is out of date. Please update it to view this site."],
)  # fmt: skip
def test_crumbs_back_links_links_and_contact_lines_are_furniture(furniture: str) -> None:
    read_past(furniture, "HSE fines Ashby builder after fall")


@pytest.mark.parametrize(
    "headline",
    [  # about cookies, with no stop nor button word
     "Regulator warns websites over cookie banners", "Bakery fined over cookie labels",
     "ICO tells firms: fix your cookie banners", "Cookie jar raffle raises £400",
     # a furniture word and others
     "Search for missing walker called off", "Share scheme opens to staff", "Print works",
     # two parts with a slash, no trail
     "Covid / flu jabs open",
     # a link's word as a part of another, or with no link's word before it
     "Spread more kindness this winter", "Help is here"],
)  # fmt: skip
def test_a_headline_with_furnitures_words_stays_the_headline(headline: str) -> None:
    assert title_past("Skip to main content", headline).title == headline


@pytest.mark.parametrize(
    "above",
    ["Launch reading tools\nHigh contrast\n\nWe are sorry but our website is not supported "
     "on your browser.\n\nPlease switch to a supported browser to use this website. A list "
     "of them is below.",
     "Text only\nLarger text\n\nOur new website is in beta. Tell us what you think.",
     "Launch Recite Me assistive technology"],
)  # fmt: skip
@pytest.mark.parametrize("skip", ["Skip to content", "Skip to main content\nMenu"])
def test_what_stands_over_a_skip_link_is_furniture(above: str, skip: str) -> None:
    headline = "Can I still visit my relative on Ward 4?"
    release = extracted(f"{above}\n\n{skip}\n\n{headline}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert [s.kind for s in release.sections][: above.count("\n\n") + 2] == ["metadata"] * (
        above.count("\n\n") + 2
    )


def test_a_headline_over_a_skip_link_stays_the_headline() -> None:
    # (the browser tab's title over the page, or a page whose headline is copied first)
    headline = "Council approves budget"
    assert title_past(f"{headline}\n\nSkip to main content", headline).title == headline
    assert extracted(f"{headline}\n\nSkip to main content\n\n{PAGE_LEDE}").title == headline


@pytest.mark.parametrize(
    "related",
    ["Related links\n\nWater bills\n\nAshby reservoir reopens",
     "Related news\n\nFlood warnings lifted in Kelby",
     "See also\n\nHosepipe ban ends\n\nLeak reports: how to make one\n\nDrought plan"],
)  # fmt: skip
def test_the_titles_of_related_links_over_the_headline_are_furniture(related: str) -> None:
    release = read_past(related, "Regulator approves Kelby Water plan")
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "banner",
    ["Visiting during industrial action\n\nResident doctors will strike from 7am on Tuesday 4 "
     "March. Please only come to the emergency department if it is a life-threatening "
     "emergency.\n\nRead more",
     "Visiting update\n\nFrom Monday visiting on all adult wards is limited to one visitor "
     "per patient per day.\n\nRead more\n\nClose",
     "Norovirus: please stay away if unwell\n\nIf you have had sickness or diarrhoea in the "
     "last 48 hours, please do not visit our hospitals.\n\nIf you must visit, wash your hands "
     "on the ward. Find out more",
     "Strike action: 4 to 8 March\nNurses will strike from 7am on Tuesday 4 March. Please "
     "attend your appointment unless we contact you. Find out more",
     "Flu season: protect your family\n\nBook a flu jab at any Kelby pharmacy. More "
     "information\n\nSkip to main content\n\nHome\nNews"],
)  # fmt: skip
def test_an_alert_banner_over_the_headline_is_furniture(banner: str) -> None:
    dated = f"Published: 3 March 2025\n\n{PAGE_LEDE}"
    release = read_past(banner, "Kelby hospital opens new eye clinic", tail=dated)
    assert kind_of(release, "Officers were called") == ["standfirst"]


def test_an_alert_banner_closed_by_two_buttons_needs_no_dateline_under_the_headline() -> None:
    read_past(
        "Visiting update\n\nVisiting is limited to one visitor a day.\n\nRead more\n\nClose",
        "Ward wins nursing award",
    )


@pytest.mark.parametrize(
    "page",
    [  # a lede's own link, then a heading of the body and its prose
        "Council launches budget consultation\n\nThe council has launched a six-week "
        "consultation on its budget. Find out more\n\nHave your say\n\nResidents can answer "
        "the survey online.",
        # a headline and its lede, then a heading with no dateline and one link only
        "Council launches budget consultation\n\nThe council has launched a consultation on "
        "its budget.\n\nRead more\n\nHave your say\n\nResidents can answer the survey online.",
        # no link closes the prose
        "Council launches budget consultation\n\nThe council has launched a consultation on "
        "its budget.\n\nHave your say\n\nPublished: 3 March 2025\n\nResidents can answer.",
    ],
)
def test_a_headline_and_its_lede_are_no_alert_banner(page: str) -> None:
    assert extracted(page).title == "Council launches budget consultation"


@pytest.mark.parametrize(
    ("lede", "kind"),
    [
        (
            "From Monday 3 March, parking at Kelby General Hospital will move to Mill Lane.",
            "standfirst",
        ),
        ("Published on 3 March 2025 by the Kelby press office.", "metadata"),
        ("From 1 April 2025 the council will charge for garden waste collections.", "standfirst"),
        ("Posted 3 March 2025", "metadata"),
        ("Cyhoeddwyd: 3 Mawrth 2025", "metadata"),
    ],
)
def test_a_sentence_after_a_labels_word_and_a_date_is_no_dateline(lede: str, kind: str) -> None:
    release = extracted(f"Parking moves to Mill Lane\n\n{lede}\n\nThe car park opens at 7am.")
    assert kind_of(release, lede)[:1] == [kind]


TOOLBAR_WORDS = ["Menu", "search", "Share", "PRINT", "Email", "Facebook", "X", "Cymraeg", "English"]
TOOLBAR_MARKS = [" ", " | ", " / ", " · ", ", ", ": ", "\t"]


@given(
    st.lists(st.tuples(st.sampled_from(TOOLBAR_WORDS), st.sampled_from(TOOLBAR_MARKS)), min_size=1),
    st.sampled_from(["Kelby", "Searches", "Shares up", "now"]),
)
def test_a_line_of_furniture_words_is_boilerplate_and_one_other_word_breaks_it(
    parts: list[tuple[str, str]], other: str
) -> None:
    line = "".join(w + m for w, m in parts).rstrip(" \t|/·,")
    assert _boilerplate_starts(line) == [0]
    assert _boilerplate_starts(f"{line} {other}") == []


@pytest.mark.parametrize(
    "block",
    ["Published: 3 March 2025\nLast updated: 4 March 2025",
     "Posted on 3 March 2025\nUpdated: 5 March 2025 at 10:15",
     "**Published:** 3 March 2025\n**Part of:** Health and social care",
     "Cyhoeddwyd gyntaf: 3 Mawrth 2025\nDiweddarwyd ddiwethaf: 4 Mawrth 2025\nRhan o: Iechyd",
     "Page last reviewed: 12 March 2025\nNext review due: 12 March 2028"],
)  # fmt: skip
def test_a_block_of_labels_each_with_its_value_is_metadata(block: str) -> None:
    release = extracted(f"Flu jabs for children in Kelby\n\n{block}\n\n{PAGE_LEDE}")
    assert release.title == "Flu jabs for children in Kelby"
    assert kind_of(release, block[:12]) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "block",
    ["Published: 3 March 2025\nThe council said the plan would save money over the next year.",
     "From April the council will charge for garden waste.\nPublished: 3 March 2025",
     "Date: 3 March 2025\nTime: 7pm\nPlace: Kelby Library\nSpeakers will include the Leader "
     "of the council, the chief executive and members of the youth forum."],
)  # fmt: skip
def test_a_block_with_a_line_that_is_no_label_is_no_metadata(block: str) -> None:
    release = extracted(f"Flu jabs for children in Kelby\n\n{block}\n\n{PAGE_LEDE}")
    assert kind_of(release, block[:12]) != ["metadata"]


@pytest.mark.parametrize(
    ("under", "tag"),
    [("Date published: 28 December 2024\n\n", "Enforcement operations"),
     ("Published: 3 May 2024\n\n", "Partnership working"),
     ("", "in News"),
     ("", "Filed under Fire safety"),
     ("Posted on 3 May 2024\n\n", "Posted in Health")],
)  # fmt: skip
def test_a_topic_tag_under_the_headline_is_metadata(under: str, tag: str) -> None:
    release = extracted(f"Crews called to flat fire in Ashby\n\n{under}{tag}\n\n{PAGE_LEDE}")
    assert kind_of(release, tag) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "line",
    ["Key points", "in the news", "Under review", "What happens next"],
)
def test_a_short_heading_under_the_headline_is_no_tag_nor_standfirst(line: str) -> None:
    release = extracted(f"Crews called to flat fire in Ashby\n\n{line}\n\n{PAGE_LEDE}")
    assert kind_of(release, line)[0] in ("heading", "body")
    assert release.standfirst is None


@pytest.mark.parametrize(
    "furniture",
    ["Neidio i'r prif gynnwys\n\nDewislen\n\nChwilio",
     "Tools for reading\nLarger text\n\nNeidio i’r cynnwys\nEnglish",
     "Argraffu | Rhannu",
     "Yn ôl\nNewyddion"],
)  # fmt: skip
def test_welsh_skip_links_and_buttons_are_furniture(furniture: str) -> None:
    read_past(furniture, "Cynllun newydd i leihau amseroedd aros")


# Bilingual pages (Welsh councils, fire services, health boards, national parks): the
# headline in both languages, one under the other. The English one is the title (the
# release's quotations, dates and numbers are read in English), the Welsh one metadata.
BILINGUAL_PAIRS = [
    ("Cyngor yn lansio cynllun newydd ar gyfer llyfrgelloedd",
     "Council launches new plan for libraries"),
    ("Heddlu’n apelio am dystion ar ôl gwrthdrawiad yn y dref",
     "Police appeal for witnesses after collision in the town"),
    ("Parc Cenedlaethol yn croesawu gwirfoddolwyr newydd",
     "National Park welcomes new volunteers"),
    ("YSGOL NEWYDD YN AGOR YM MIS MEDI", "NEW SCHOOL OPENS IN SEPTEMBER"),
]  # fmt: skip


@pytest.mark.parametrize(("welsh", "english"), BILINGUAL_PAIRS)
@pytest.mark.parametrize(
    "between", ["\n\n", "\n\nPublished: 3 March 2025\n\n", "\n\n3 March 2025\n\n"]
)
@pytest.mark.parametrize("welsh_first", [True, False])
def test_a_bilingual_pages_english_headline_is_the_title(
    welsh: str, english: str, between: str, welsh_first: bool
) -> None:
    first, second = (welsh, english) if welsh_first else (english, welsh)
    release = extracted(f"Skip to main content\n\n{first}{between}{second}\n\n{PAGE_LEDE}")
    assert release.title == english
    assert kind_of(release, welsh) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    ("headline", "under"),
    [  # a Welsh name in an English headline, and the standfirst under it
     ("Ysgol Bryn Celyn opens new sports hall",
      "Pupils at the school will use the hall from Monday."),
     # a Welsh-only page: its standfirst is Welsh too
     ("Cyngor yn lansio cynllun newydd",
      "Mae'r cyngor wedi lansio cynllun newydd ar gyfer y dref."),
     # an English headline over a heading that names a Welsh place
     ("Council approves budget", "Budget for Ystrad Mynach")],
)  # fmt: skip
def test_a_headline_over_a_line_in_its_own_language_is_no_bilingual_pair(
    headline: str, under: str
) -> None:
    release = extracted(f"{headline}\n\n{under}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert kind_of(release, under) != ["metadata"]


# A news listing copied whole: each item a headline, its lede (perhaps a dateline between)
# and a link to the item. The first headline is the page's; the items under it are not an
# alert banner over the second.
LISTING_ITEMS = [
    ("Council approves new budget", "The council has approved its budget for the year."),
    ("Library opening hours to change", "Opening hours at three libraries change from April."),
    ("Harbridge park reopens after works", "The park reopens on Monday after six months."),
]


@pytest.mark.parametrize("dateline", ["", "2 March 2025\n\n", "Published: 2 March 2025\n\n"])
@pytest.mark.parametrize("link", ["\n\nRead more", " Read more", "\n\nFind out more"])
@pytest.mark.parametrize("over", ["", "Skip to main content\n\nNews\n\n"])
def test_a_news_listings_first_headline_is_the_title(dateline: str, link: str, over: str) -> None:
    items = [
        f"{headline}\n\n{dateline if k else ''}{lede}{link}"
        for k, (headline, lede) in enumerate(LISTING_ITEMS)
    ]
    release = extracted(over + "\n\n".join(items))
    assert release.title == LISTING_ITEMS[0][0]


def test_an_alert_banner_over_a_headline_with_its_prose_stays_furniture() -> None:
    # (the headline under the banner has its lede under it, closed by no link)
    banner = "Visiting update\n\nVisiting is limited to one visitor a day.\n\nRead more"
    release = read_past(banner, "Ward wins nursing award", tail=f"2 March 2025\n\n{PAGE_LEDE}")
    assert kind_of(release, "Officers were called") == ["standfirst"]


# A site's slogan copied alone over its cookie notice, then the page: a line with no
# headline verb, over a notice, over a headline with its verb or dateline.
@pytest.mark.parametrize(
    "slogan", ["Working together for a safer Kelby", "Proud to serve Ashby", "Your Harbridge"]
)
@pytest.mark.parametrize(
    "notice",
    ["We use cookies to make this website work. Accept cookies",
     "This website uses cookies to improve your experience.\n\nAccept\n\nReject",
     "Cookie settings\nReject all"],
)  # fmt: skip
@pytest.mark.parametrize(
    ("headline", "tail"),
    [("Man charged after burglaries in Fenwick", f"Published: 3 March 2025\n\n{PAGE_LEDE}"),
     ("Council approves new budget", PAGE_LEDE),
     ("New play park for Harbridge", f"3 March 2025\n\n{PAGE_LEDE}")],
)  # fmt: skip
def test_a_slogan_over_a_cookie_notice_is_furniture(
    slogan: str, notice: str, headline: str, tail: str
) -> None:
    page = f"{slogan}\n\n{notice}\n\nSkip to main content\n\n{headline}\n\n{tail}"
    release = extracted(page)
    assert release.title == headline
    assert kind_of(release, slogan) == ["metadata"]


@pytest.mark.parametrize(
    ("headline", "after"),
    [  # the headline copied over the notice, its lede under it
     ("Council approves new budget", PAGE_LEDE),
     # a headline with no verb, over a heading of its body with no verb nor dateline
     ("New play park for Harbridge", f"Key facts\n\n{PAGE_LEDE}"),
     # a headline with a verb over a notice and a heading with a verb
     ("Council approves new budget", f"What happens next\n\n{PAGE_LEDE}")],
)  # fmt: skip
def test_a_headline_over_a_cookie_notice_stays_the_headline(headline: str, after: str) -> None:
    release = extracted(f"{headline}\n\nWe use cookies on this site. Accept cookies\n\n{after}")
    assert release.title == headline


# Forms of audit offices', national parks' and ombudsmen's pages: a logo's text, a release's
# status line, an embargo with a colon, a press office's contacts over the headline.
@pytest.mark.parametrize(
    "furniture",
    ["Kelby Council logo", "Harbridge National Park Authority logo", "ASHBY AUDIT OFFICE LOGO",
     "Fenwick Ombudsman crest", "Kelby Council logo\n\nSkip to main content",
     "FOR IMMEDIATE RELEASE", "For immediate release:", "PRESS RELEASE\nFOR IMMEDIATE RELEASE",
     "Embargoed: 00.01hrs, Thursday 6 March 2025", "EMBARGOED: 00:01 6 March 2025",
     "Media contacts\n\nAnn Lee\nann.lee@kelby.gov.uk\n0131 625 1652",
     "press.office@harbridge-npa.gov.uk", "+44 (0)1632 960123",
     "Press office\n\nRob Tate\n01632 960 123\nrob.tate@ashby.gov.uk"],
)  # fmt: skip
def test_logos_release_lines_embargoes_and_contacts_over_the_headline_are_furniture(
    furniture: str,
) -> None:
    release = title_past(furniture, "Auditor warns councils over reserves")
    assert release.title == "Auditor warns councils over reserves"
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "headline",
    ["Council unveils new logo", "Pupils design school crest", "Winning logo revealed",
     "Email scam warning for residents", "Call 0131 625 1652 for help with bills"],
)  # fmt: skip
def test_a_headline_about_a_logo_or_a_contact_stays_the_headline(headline: str) -> None:
    assert title_past("Skip to main content", headline).title == headline


@pytest.mark.parametrize("status", ["For immediate release", "FOR IMMEDIATE RELEASE"])
def test_a_release_status_under_the_headline_is_no_standfirst(status: str) -> None:
    release = extracted(f"Council approves new budget\n\n{status}\n\n{PAGE_LEDE}")
    assert release.title == "Council approves new budget"
    assert kind_of(release, status) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


# Datelines dressed with their author, topic or reading time on the same line, as blogs,
# NHS trusts' and small bodies' sites print them (WordPress's "Posted on … by …").
DRESSED_DATELINES = [
    "Posted on 14 March 2025 by Communications Team",
    "Posted by Communications Team on 14 March 2025",
    "14 March 2025 by Kelby Police",
    "By Ann Cole, 14 March 2025",
    "Published 14 March 2025 in Community, News",
    "14 March 2025 | 2 minute read",
    "14 March 2025 · 3 min read",
    "News | 14 March 2025",
    "Last modified: 14 March 2025",
    "Published on: 14 March 2025 at 10:15",
]


@pytest.mark.parametrize("dateline", DRESSED_DATELINES)
def test_a_dateline_with_its_author_topic_or_reading_time_is_metadata(dateline: str) -> None:
    headline = "Harbridge library reopens after refurbishment"
    for text in (
        f"Home\nNews\n{headline}\n{dateline}\n\n{PAGE_LEDE}",  # under the menus, no blank line
        f"{headline}\n{dateline}\n\n{PAGE_LEDE}",
        f"{headline}\n\n{dateline}\n\n{PAGE_LEDE}",
    ):
        release = extracted(text)
        assert release.title == headline
        assert kind_of(release, dateline) in (["metadata"], [])  # (its own, or the block's)
        assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "headline",
    [
        # a number and "by", "in" or a bar, but no dateline before them
        "Man, 34, charged by police in Kelby",
        "Man jailed for 14 years by Kelby court",
        "Appeal after 14 March crash in Ashby",
        "By 2030, Kelby will have 400 new homes",
        "Ten years on: 3 March 2025 | Kelby remembers the floods",
    ],
)
def test_a_headline_with_a_number_and_a_name_is_no_dressed_dateline(headline: str) -> None:
    assert extracted(f"Home\nNews\n{headline}\n\n{PAGE_LEDE}").title == headline
    assert extracted(f"{headline}\n\n{PAGE_LEDE}").title == headline


def test_a_dateline_with_a_long_sentence_after_by_is_no_dateline() -> None:
    line = "14 March 2025 by the river: the day the water rose over the bridge and the town."
    assert extracted(f"{line}\n\n{PAGE_LEDE}").sections[0].kind != "metadata"


@pytest.mark.parametrize("mark", [" » ", " > ", " › ", " / ", "»"])
def test_a_trail_of_crumbs_on_one_line_over_the_headline_in_one_block(mark: str) -> None:
    headline = "New scanner opens at Harbridge hospital"
    for crumbs in (f"Home{mark}News{mark}{headline}", f"Our trust{mark}News{mark}2025"):
        for tail in ("Posted on 12 May 2025", "12/05/2025", "Published: 12 May 2025\nShare"):
            release = extracted(f"{crumbs}\n{headline}\n{tail}\n\n{PAGE_LEDE}")
            assert release.title == headline
            assert kind_of(release, "Officers were called") == ["standfirst"]


def test_a_trail_of_crumbs_over_a_lede_gives_no_headline() -> None:
    text = (
        "Home » News » Budget\nThe council set its budget on Monday, raising council tax by "
        f"4.99% for the coming year.\n\n{PAGE_LEDE}"
    )
    assert extracted(text).title is None


@pytest.mark.parametrize(
    "suffix", [" [March 2025]", " [14 March 2025]", " [14/03/2025]", " [Mar 2025]", " [14.03.2025]"]
)
def test_a_date_in_brackets_after_the_headline_is_cut_from_the_title(suffix: str) -> None:
    headline = "New bus station in Harbridge gets £2.5 million boost"
    for text in (
        f"PRESS RELEASE : {headline}{suffix}\n\n{PAGE_LEDE}",
        f"{headline}{suffix}\n\nPublished: 14 March 2025\n\n{PAGE_LEDE}",
    ):
        assert extracted(text).title == headline


@pytest.mark.parametrize(
    "headline",
    [
        "Watch the new Harbridge bridge open [video]",
        "Kelby Council budget explained [2025/26]",
        "Guide to council tax bands [2 of 3]",
        "Road closures in Ashby [Updated]",
        "Kelby Council budget explained[March 2025]",  # (no space before the bracket)
    ],
)
def test_other_brackets_after_the_headline_stay(headline: str) -> None:
    assert extracted(f"{headline}\n\n{PAGE_LEDE}").title == headline


# Lines under the headline in its block, as news pages copy them: page tools (a share panel's
# buttons), the writer's byline and post, an image's caption with its label, a reading time,
# a label of a few words over a date or reference in figures.
HEADLINE_TAILS = [
    "14 March 2025\nShare\nclose panel\nShare page\nCopy link\nAbout sharing\nImage caption,\n"
    "The library has a new children's area\nBy Ann Cole\nKelby News",
    "14 March 2025\nShare this article\nFacebook\nTwitter\nWhatsApp",
    "Listen to this article\n14 March 2025",
    "News article\n14 March 2025",
    "14 March 2025\nBack to news listing",
    "14 March 2025\n2 min read",
    "14 March 2025\nPhoto: Harbridge library's new reading room",
    "14 March 2025\nCredit: Kelby Council",
    "Issued: 14 March 2025",
    "Date issued: 14 March 2025",
    "Date of release: 14/03/2025",
    "Press release number: 123/25",
]


@pytest.mark.parametrize("tail", HEADLINE_TAILS)
def test_tools_bylines_captions_and_dates_under_the_headline_in_its_block(tail: str) -> None:
    headline = "Harbridge library reopens after refurbishment"
    release = extracted(
        f"Skip to main content\nKelby Council\nHome\nNews\n{headline}\n{tail}\n\n{PAGE_LEDE}"
    )
    assert release.title == headline
    assert kind_of(release, tail.partition("\n")[0]) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "line",
    [
        "Budget 2025: 4.99% rise agreed",  # (a figure in the label)
        "Update: three charged after Kelby fire",
        "Read the five minute guide to recycling",
        "Pictures show Harbridge library's new reading room",
    ],
)
def test_a_headline_like_a_label_caption_or_reading_time_stays_the_headline(line: str) -> None:
    assert extracted(f"Skip to main content\nHome\nNews\n{line}\n\n{PAGE_LEDE}").title == line


def test_a_byline_over_a_sentence_is_no_byline_and_post() -> None:
    text = (
        "Skip to main content\nHome\nNews\nHarbridge library reopens after refurbishment\n"
        "By Ann Cole\nThe library has been closed since September for a new roof and lift.\n\n"
        f"{PAGE_LEDE}"
    )
    release = extracted(text)
    assert release.title != "Harbridge library reopens after refurbishment"


@pytest.mark.parametrize(
    "masthead", ["Kelby Telegraph", "Ashby Evening Echo", "The Harbridge Times", "Fenwick News"]
)
def test_a_newspapers_name_over_the_headline_is_no_headline(masthead: str) -> None:
    headline = "Force sorry for slow response to Kelby burglary"
    for text in (
        f"{masthead}\n\n{headline}\n\nBy Ann Cole\n\n{PAGE_LEDE}",
        f"{masthead}\n\n{headline}\n\n{PAGE_LEDE}",
    ):
        assert extracted(text).title == headline


@pytest.mark.parametrize(
    ("first", "title"),
    [
        # no headline under it: the line is the headline
        ("Kelby Telegraph", "Kelby Telegraph"),
        # a verb, or a small word in lower case: a headline about a paper
        ("Ashby Echo Wins Award", "Ashby Echo Wins Award"),
        ("Councillors back the Kelby Times", "Councillors back the Kelby Times"),
    ],
)
def test_a_headline_naming_a_paper_stays_the_headline(first: str, title: str) -> None:
    assert extracted(f"{first}\n\n{PAGE_LEDE}").title == title


@pytest.mark.parametrize("mark", [" // ", " / ", " | "])
@pytest.mark.parametrize("welsh_first", [False, True])
def test_a_headline_in_english_and_welsh_on_one_line_gives_the_english(
    mark: str, welsh_first: bool
) -> None:
    english = "Changes to the library in Harbridge"
    welsh = "Newidiadau i'r llyfrgell yn Harbridge"
    line = f"{welsh}{mark}{english}" if welsh_first else f"{english}{mark}{welsh}"
    assert extracted(f"{line}\n\n{PAGE_LEDE}").title == english


@pytest.mark.parametrize(
    "headline",
    [
        "Kelby / Ashby road to close for repairs",  # (neither half Welsh)
        "Road closures near Ysgol Bryn | Kelby",  # (one Welsh word: a name)
        "Cyngor yn lansio cynllun // Mae'r cyngor yn dathlu",  # (both Welsh)
    ],
)
def test_a_headline_with_a_mark_but_no_welsh_half_stays_whole(headline: str) -> None:
    assert extracted(f"{headline}\n\n{PAGE_LEDE}").title == headline


@pytest.mark.parametrize(
    "label",
    [
        "Published",
        "Posted on",
        "Updated:",
        "Posted on in Blogs, News stories",
        "Posted by Ann Cole",
    ],
)
def test_a_label_whose_date_the_copy_lost_is_metadata(label: str) -> None:
    headline = "What to do if your car is stuck in snow"
    release = extracted(f"{headline}\n\n{label}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert kind_of(release, label) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "line",
    [
        "Posted on in the hope that someone recognises the van, the picture was taken on Friday.",
        "Published by the council today, the report says that 40 roads need repairs.",
    ],
)
def test_a_sentence_after_a_label_is_no_lost_dateline(line: str) -> None:
    release = extracted(f"Council approves new budget\n\n{line}\n\n{PAGE_LEDE}")
    assert kind_of(release, line) != ["metadata"]


@pytest.mark.parametrize("bullet", ["- ", "• "])
def test_a_metadata_list_with_its_bullets_under_the_headline_is_metadata(bullet: str) -> None:
    headline = "New support for Kelby farmers"
    meta = "\n".join(
        f"{bullet}{line}" for line in ("Published", "18 June 2025", "Part of", "Farming and rural")
    )
    for text in (
        f"Skip to main content\nHome\nNews\n{headline}\n{meta}\n\n{PAGE_LEDE}",
        f"{headline}\n\n{meta}\n\n{PAGE_LEDE}",
    ):
        release = extracted(text)
        assert release.title == headline
        assert kind_of(release, "Officers were called") == ["standfirst"]


def test_bullet_points_under_the_headline_are_not_its_metadata() -> None:
    text = (
        "Skip to main content\nHome\nNews\nCouncil approves budget\n- Council tax to rise by "
        f"4.99%\n- 40 new homes approved\n\n{PAGE_LEDE}"
    )
    release = extracted(text)
    assert kind_of(release, "- Council tax") != ["metadata"]


# Local papers' pages: the headline, the standfirst, the writer's byline and the dateline, a
# line each, over the body, the byline block before or after the standfirst.
@pytest.mark.parametrize(
    "byline",
    ["By Ann Cole\nPublished 14th Mar 2025, 09:41 GMT",
     "By Tom Hale\nTuesday, 11th March 2025, 3:15 pm", "By Ann Cole"],
)  # fmt: skip
def test_a_local_papers_byline_and_dateline_around_the_standfirst_are_metadata(
    byline: str,
) -> None:
    headline = "Fire crews tackle kitchen blaze in Harbridge flat"
    standfirst = "Fire crews were sent to a flat in Harbridge after a kitchen fire."
    for text in (
        f"{headline}\n\n{byline}\n{standfirst}\n\n{PAGE_LEDE}",
        f"{headline}\n\n{standfirst}\n\n{byline}\n\n{PAGE_LEDE}",
    ):
        release = extracted(text)
        assert release.title == headline
        assert kind_of(release, standfirst) == ["standfirst"]
        assert kind_of(release, byline) == ["metadata"]
        assert kind_of(release, "Officers were called") == ["body"]


@pytest.mark.parametrize(
    "block",
    ["By Christmas\nthe library will have a new roof and a lift, the council said.",
     "Published: 3 March 2025\nThe council said the plan would save money over the next year."],
)  # fmt: skip
def test_a_block_opening_with_a_byline_or_label_over_its_sentence_stays_whole(block: str) -> None:
    release = extracted(f"Flu jabs for children in Kelby\n\n{block}\n\n{PAGE_LEDE}")
    assert [s.text for s in release.sections if s.text.startswith(block[:10])] == [block]


# Round 8: shapes of real pages from sites that gather releases, heritage and health bodies,
# and local papers (text written for these tests).

SOURCE_LINES = [
    "The press release issued by the Department for Transport on 17 March 2025.",
    "The press release issued by Natural England on 5 September 2025.",
    "Press release from the Kelby Ambulance Service NHS Trust.",
    "News release issued by Harbridge Borough Council",
    "Media statement from Kelby Police.",
]


@pytest.mark.parametrize("source", SOURCE_LINES)
def test_the_sentence_naming_a_releases_source_is_metadata(source: str) -> None:
    headline = "New flood defences for Harbridge riverside"
    release = extracted(f"{headline}\n\n{source}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert kind_of(release, source) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "line",
    [
        "Press release from the council said the road would close for six weeks.",
        "News release from Kelby: bins will be emptied on Saturday.",
        "The press office said the release from Kelby Police was issued on Monday.",
        "Press releases are published every weekday by Kelby Council.",
    ],
)
def test_a_sentence_about_a_release_is_no_source_line(line: str) -> None:
    release = extracted(f"New flood defences for Harbridge riverside\n\n{line}\n\n{PAGE_LEDE}")
    assert kind_of(release, line) == ["standfirst"]


@pytest.mark.parametrize(
    "label",
    ["Tag: Environment Agency", "Category: Press releases", "Archives: Natural England",
     "Tagged: Kelby Police"],
)  # fmt: skip
@pytest.mark.parametrize("bullet", ["  • ", "- ", "1. "])
def test_an_archive_label_over_a_listed_copy_of_the_release_gives_its_headline(
    label: str, bullet: str
) -> None:
    headline = "PRESS RELEASE : Partners help Kelby get flood ready [October 2025]"
    source = "The press release issued by the Environment Agency on 16 October 2025."
    release = extracted(
        f"{label}\n\n{bullet}{headline}\n\n    {headline}\n\n    {source}\n\n    {PAGE_LEDE}"
    )
    assert release.title == "Partners help Kelby get flood ready"
    assert kind_of(release, label) == ["metadata"]
    assert kind_of(release, source) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "under",
    [
        "• Partners help Kelby get flood ready\n\nA second item of the list",
        "• Partners help Kelby get flood ready\n• A second item of the list",
    ],
)
def test_a_bulleted_item_not_copied_under_it_is_no_listing_link(under: str) -> None:
    # a list under a heading: no headline is found in it (as before)
    release = extracted(f"Tag: Environment Agency\n\n{under}\n\n{PAGE_LEDE}")
    assert release.title is None


def test_a_category_in_a_headline_stays_the_headline() -> None:
    headline = "Category winners named at Kelby business awards"
    assert extracted(f"{headline}\n\n{PAGE_LEDE}").title == headline


CAPTIONS = [
    "Kelby Bridge was repaired in 2024. © Harbridge Heritage Archive. HA43582.\n"
    "Kelby Bridge was repaired in 2024. © Harbridge Heritage Archive. HA43582.",
    "General view of a stone bridge with three arches.\n"
    "Kelby Bridge was repaired in 2024. © Harbridge Heritage Archive.\n"
    "Kelby Bridge was repaired in 2024. © Harbridge Heritage Archive.",
    "Images shown to the court by Kelby Council. KEL-241011-0939\n"
    "Images shown to the court by Kelby Council. KEL-241011-0939",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_an_image_caption_copied_twice_is_metadata_over_or_under_the_headline(
    caption: str,
) -> None:
    headline = "Buildings and structures at risk in Harbridge"
    for text in (
        f"{caption}\n\n{headline}\n\n{PAGE_LEDE}",
        f"{headline}\n\n{caption}\n\n{PAGE_LEDE}",
    ):
        release = extracted(text)
        assert release.title == headline
        assert kind_of(release, caption[:30]) == ["metadata"]
        assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "block",
    [
        "Wildlife crime will be in the spotlight on tonight's programme,\n"
        "Police attended the scene on Fea Road\nPolice attended the scene on Fea Road",
        "Police attended the scene\nPolice attended the scene on Fea Road",
        "Fea Road\nFea Road",
        "One.\nTwo lines the same\nTwo lines the same\nFour.",
    ],
)
def test_a_block_that_is_no_caption_copied_twice_is_not_metadata(block: str) -> None:
    release = extracted(f"Wildlife crime to feature on Crime Kelby\n\n{block}\n\n{PAGE_LEDE}")
    assert kind_of(release, block[:8]) != ["metadata"]


def test_a_caption_copied_twice_in_the_body_stays_as_it_is() -> None:
    caption = (
        "Images shown to the court by Kelby Council.\nImages shown to the court by Kelby Council."
    )
    release = extracted(f"Council vows to watch fly-tipping spots\n\n{PAGE_LEDE}\n\n{caption}")
    assert kind_of(release, caption[:20]) == ["body"]


@pytest.mark.parametrize("between", ["", "Share this article\n\n", "12 May 2025\n\n"])
def test_a_headline_copied_with_every_word_capitalised_gives_the_first(between: str) -> None:
    headline = "Kelby police appeal to public after night of disorder"
    copy = "Kelby Police Appeal To Public After Night Of Disorder"
    release = extracted(f"{headline}\n\n{between}{copy}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert kind_of(release, copy) == ["metadata"]
    assert kind_of(release, "Officers were called") == ["standfirst"]


def test_a_capitalised_copy_in_a_block_with_its_section_standfirst_and_tools_is_metadata() -> None:
    release = extracted(
        "Kelby police appeal to public after night of disorder\n\nuk\n"
        "Kelby Police Appeal To Public After Night Of Disorder\n"
        "Officers said they dealt with a series of incidents on Friday night.\n"
        "Share this article\n\nBy Ann Cole, PA\n\n" + PAGE_LEDE
    )
    assert release.title == "Kelby police appeal to public after night of disorder"
    assert kind_of(release, "Officers said") == ["standfirst"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Kelby Police Appeal To Public", "Kelby Police Appeal To Public"),
        ("Kelby Police Appeal to Public | News", "Kelby Police Appeal To Public"),
        ("Kelby police appeal to public", "KELBY POLICE APPEAL TO PUBLIC"),
    ],
)
def test_a_headline_copied_in_the_same_style_or_capitals_gives_the_second(
    first: str, second: str
) -> None:
    assert extracted(f"{first}\n\n{second}\n\n{PAGE_LEDE}").title == second


@pytest.mark.parametrize(
    "post", ["Home Affairs Correspondent", "Health Correspondent", "Political Editor",
             "Chief Reporter", "Editor"],
)  # fmt: skip
def test_a_writers_post_alone_under_the_headline_is_metadata(post: str) -> None:
    headline = "On the road with Kelby's ambulance crews as winter starts"
    for under in ("", "28 Oct 2024\n\n"):
        release = extracted(f"{headline}\n\n{under}{post}\n\n{PAGE_LEDE}")
        assert release.title == headline
        assert kind_of(release, post) == ["metadata"]
        assert kind_of(release, "Officers were called") == ["standfirst"]


@pytest.mark.parametrize(
    "line", ["Letters to the Editor", "Notes for the reporter", "A Word From Our Chief Editor"]
)
def test_a_heading_naming_a_post_is_no_post_line(line: str) -> None:
    release = extracted(f"On the road with Kelby's ambulance crews\n\n{line}\n\n{PAGE_LEDE}")
    assert kind_of(release, line) != ["metadata"]


@pytest.mark.parametrize(
    "notice",
    ["This browser is not fully supported by Harbridge Heritage.",
     "Your browser is not fully supported. Please upgrade."],
)  # fmt: skip
def test_a_browser_not_fully_supported_notice_is_furniture(notice: str) -> None:
    headline = "Buildings and structures at risk in Harbridge"
    release = extracted(f"{notice}\n\n{headline}\n\n{PAGE_LEDE}")
    assert release.title == headline
    assert kind_of(release, notice) == ["metadata"]
