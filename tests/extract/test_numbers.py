"""Quantities and what they count, on sentences written for these tests."""

from __future__ import annotations

import re
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import extract_all
from pipeline.extract import numbers as N
from pipeline.extract.dates import find_dates
from pipeline.extract.numbers import find_numbers
from pipeline.normalize import NUMBER_WORDS, fold, number_value, parse_number_words
from tests.bounds import SHORT_LINES, run_big

_Case = TypeVar("_Case")


def numbers(text: str) -> list[tuple[str, int | float | None, str, str | None]]:
    return [(n.text, n.value, n.kind, n.unit) for n in find_numbers(text, find_dates(text))]


def _named(prefix: str, cases: list[_Case]) -> dict[str, _Case]:
    """The cases of a list named by their place in it (``prefix-1``, ``prefix-2``, ...), for
    the tests at the end of this file that read several tables of cases."""
    return {f"{prefix}-{i}": case for i, case in enumerate(cases, 1)}


def assert_numbers_approx(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    """``numbers(text)`` is ``expected``, the values to a float's precision (1/3, 0.01)."""
    got = numbers(text)
    assert [(t, k, u) for t, _v, k, u in got] == [(t, k, u) for t, _v, k, u in expected]
    assert [v for _t, v, _k, _u in got] == pytest.approx([v for _t, v, _k, _u in expected])


CASES = {
    "digits-and-noun": (
        "The prison holds 1,240 adult men.",
        [("1,240", 1240, "cardinal", "adult men")],
    ),
    "number-words-any-case": (
        "Fourteen wings, eleven workshops and TWO gyms were open.",
        [
            ("Fourteen", 14, "cardinal", "wings"),
            ("eleven", 11, "cardinal", "workshops"),
            ("TWO", 2, "cardinal", "gyms"),
        ],
    ),
    "compound-number-words": (
        "It recruited thirty-seven detectives and two hundred and six volunteers.",
        [
            ("thirty-seven", 37, "cardinal", "detectives"),
            ("two hundred and six", 206, "cardinal", "volunteers"),
        ],
    ),
    "decimal-and-unit-before-per": (
        "Officers lost 7.2 shifts per year to sickness.",
        [("7.2", 7.2, "cardinal", "shifts")],
    ),
    "percent-sign-and-words": (
        "Satisfaction rose to 64.5%, up 3 per cent on the year, or nine percent overall.",
        [
            ("64.5%", 64.5, "percent", "percent"),
            ("3 per cent", 3, "percent", "percent"),
            ("nine percent", 9, "percent", "percent"),
        ],
    ),
    "money-scales": (
        "The trust spent £4.75m, then £2bn, then £1.25 billion and £300,000.",
        [
            ("£4.75m", 4750000, "money", "GBP"),
            ("£2bn", 2000000000, "money", "GBP"),
            ("£1.25 billion", 1250000000, "money", "GBP"),
            ("£300,000", 300000, "money", "GBP"),
        ],
    ),
    "scaled-count": (
        "The region has 2.4 million residents.",
        [("2.4 million", 2400000, "cardinal", "residents")],
    ),
    "coordinated-phrase-head-is-last-noun": (
        "They sampled 75 youth court and Crown Court cases completed in the spring.",
        [("75", 75, "cardinal", "youth court and Crown Court cases")],
    ),
    "coordinated-people": (
        "The service has over 3,100 nurses and support staff between its sites.",
        [("3,100", 3100, "cardinal", "nurses and support staff")],
    ),
    "and-then-a-verb-is-not-coordination": (
        "It serves 410,000 residents and runs 17 clinics.",
        [("410,000", 410000, "cardinal", "residents"), ("17", 17, "cardinal", "clinics")],
    ),
    "plural-head-then-adjective": (
        "There were 2,300 complaints outstanding and 45 inspectors available.",
        [("2,300", 2300, "cardinal", "complaints"), ("45", 45, "cardinal", "inspectors")],
    ),
    "plural-noun-that-looks-like-a-verb": (
        "Staff updated 6 of the 11 support plans they checked.",
        [("6", 6, "cardinal", "plans"), ("11", 11, "cardinal", "support plans")],
    ),
    "participle-after-head": (
        "It checked 212 warrants issued in error.",
        [("212", 212, "cardinal", "warrants")],
    ),
    "measure-possessive": (
        "Most had under three years’ service.",
        [("three", 3, "cardinal", "years")],
    ),
    "durations": (
        "Response took 6 minutes and 15 seconds over the last four years.",
        [
            ("6", 6, "cardinal", "minutes"),
            ("15", 15, "cardinal", "seconds"),
            ("four", 4, "cardinal", "years"),
        ],
    ),
    "x-of-the-y": (
        "Staff had been trained in 18 of the 25 custody suites.",
        [("18", 18, "cardinal", "suites"), ("25", 25, "cardinal", "custody suites")],
    ),
    "out-of": (
        "Seven out of ten residents felt safe.",
        [("Seven", 7, "cardinal", "residents"), ("ten", 10, "cardinal", "residents")],
    ),
    "ranges": (
        "Waits of between 10 and 14 weeks, and 20-30 days for reviews.",
        [
            ("10", 10, "cardinal", "weeks"),
            ("14", 14, "cardinal", "weeks"),
            ("20", 20, "cardinal", "days"),
            ("30", 30, "cardinal", "days"),
        ],
    ),
    "elliptical-grades": (
        "Judged strong in five of the nine themes, adequate in three and weak in one.",
        [
            ("five", 5, "cardinal", "themes"),
            ("nine", 9, "cardinal", "themes"),
            ("three", 3, "cardinal", "themes"),
            ("one", 1, "cardinal", "themes"),
        ],
    ),
    "bare-number-borrows-from-previous-sentence": (
        "Inspectors read 80 youth cases. Decisions were sound in 66 (82.5%).",
        [
            ("80", 80, "cardinal", "youth cases"),
            ("66", 66, "cardinal", "cases"),
            ("82.5%", 82.5, "percent", "percent"),
        ],
    ),
    "of-them-needs-a-large-enough-count": (
        "The unit took 420 referrals from four agencies; 310 of them were urgent.",
        [
            ("420", 420, "cardinal", "referrals"),
            ("four", 4, "cardinal", "agencies"),
            ("310", 310, "cardinal", "referrals"),
        ],
    ),
    "of-which": (
        "It made 14 recommendations, nine of which concern training.",
        [("14", 14, "cardinal", "recommendations"), ("nine", 9, "cardinal", "recommendations")],
    ),
    "number-of-noun-earlier": (
        "The number of outstanding warrants fell by 640, to 2,900.",
        [
            ("640", 640, "cardinal", "outstanding warrants"),
            ("2,900", 2900, "cardinal", "outstanding warrants"),
        ],
    ),
    "fixed-term-with-preposition": (
        "The council looks after 615 children in care and 18 members of staff.",
        [
            ("615", 615, "cardinal", "children in care"),
            ("18", 18, "cardinal", "members of staff"),
        ],
    ),
    "hyphen-compound-unit": (
        "A 60-bed unit runs a six-week course.",
        [("60", 60, "cardinal", "bed"), ("six", 6, "cardinal", "week")],
    ),
    "one-as-a-count": (
        "One wing was closed and only one of the four kitchens worked.",
        [
            ("One", 1, "cardinal", "wing"),
            ("one", 1, "cardinal", "kitchens"),
            ("four", 4, "cardinal", "kitchens"),
        ],
    ),
    "ratio": (
        "One in four tenants complained.",
        [("One", 1, "cardinal", "tenants"), ("four", 4, "cardinal", "tenants")],
    ),
    "and-a-half": (
        "The review took two and a half years.",
        [("two and a half", 2.5, "cardinal", "years")],
    ),
    "headline-numbers": (
        "Watchdog finds 9 failings at city jail",
        [("9", 9, "cardinal", "failings")],
    ),
    "numbers-next-to-dates": (
        "In 2019/20 the force answered 88% of calls; by March 2021 it had 3,050 officers.",
        [("88%", 88, "percent", "percent"), ("3,050", 3050, "cardinal", "officers")],
    ),
    "glued-file-size": (
        "Download the report (PDF, 2.4MB).",
        [("2.4MB", 2.4, "cardinal", "MB")],
    ),
    "comparative-between-number-and-noun": (
        "There were 250 more cases, 12,000 fewer officers and two more prisons than in 2019.",
        [
            ("250", 250, "cardinal", "cases"),
            ("12,000", 12000, "cardinal", "officers"),
            ("two", 2, "cardinal", "prisons"),
        ],
    ),
    "comparative-with-no-noun-borrows-one": (
        "The force recorded 900 burglaries, 40 more than a year before.",
        [("900", 900, "cardinal", "burglaries"), ("40", 40, "cardinal", "burglaries")],
    ),
    "hyphenated-number-word-ends-a-coordinated-unit": (
        "It held 40 men and forty-two women in 12 one-to-one units.",
        [
            ("40", 40, "cardinal", "men"),
            ("forty-two", 42, "cardinal", "women"),
            ("12", 12, "cardinal", "one-to-one units"),
        ],
    ),
    "spaced-short-scale-after-a-currency-sign": (
        "It cost £2 bn and £3.5 m, then £40 k more; £20 a week; £5 in grants.",
        [
            ("£2 bn", 2_000_000_000, "money", "GBP"),
            ("£3.5 m", 3_500_000, "money", "GBP"),
            ("£40 k", 40_000, "money", "GBP"),
            ("£20", 20, "money", "GBP"),
            ("£5", 5, "money", "GBP"),
        ],
    ),
    "possessive-before-the-noun": (
        "Inspectors read 142 children’s case files, 30 young people's plans and "
        "9 officers’ notebooks.",
        [
            ("142", 142, "cardinal", "children’s case files"),
            ("30", 30, "cardinal", "young people's plans"),
            ("9", 9, "cardinal", "officers’ notebooks"),
        ],
    ),
    "possessive-time-unit-is-counted": (
        "It took two years’ work and one year’s delay before 3 days' training.",
        [
            ("two", 2, "cardinal", "years"),
            ("one", 1, "cardinal", "year"),
            ("3", 3, "cardinal", "days"),
        ],
    ),
    "open-ended-counts": (
        "It took 3,000-plus calls, 500+ emails and twenty-plus complaints.",
        [
            ("3,000", 3000, "cardinal", "calls"),
            ("500", 500, "cardinal", "emails"),
            ("twenty", 20, "cardinal", "complaints"),
        ],
    ),
}


NOT_NUMBERS = {
    "ordinals": "It was the 2nd visit and the 21st report; the first and third reviews.",
    "labels": "Part 2 of Stage 3 in tranche 4, category B, Tier 2, Phase 1 and Wave 3.",
    "page-and-paragraph-refs": (
        "See pages 112-118, page 9, pp 4-5 and paragraph 6.3 (paragraphs 2.1 to 2.4)."
    ),
    "numbered-notes": "Notes\n1. The inspectorate is independent.\n2) It reports to ministers.",
    "phone-numbers": "Call 0300 060 6060, (020) 7946 0321 or +44 20 7946 0999.",
    "emergency-numbers": "Dial 999; the 101 line and 999 calls; call 111 or 999 for help.",
    "identifiers": "The Covid-19 rules, COVID-19 cases, v4.1, version 2, the M25 and H1N1.",
    "times-and-fractions": "At 10:30, by 9.30am, at 3pm, 24/7, at 2 pm and by 11 a.m.",
    "idiomatic-one": (
        "No one was hurt; it is one of the busiest units; staff support one another; "
        "every one of them; a one-off grant; they met one by one; on the one hand."
    ),
    "decades-and-generations": "Buildings from the 1960s, 4G masts and the 2010s.",
    "one-more": "Staff were given one more chance, and one less worry.",
    "references": "ISBN 978-1-78655-123-4, s.47 enquiries [2] and www.example.gov.uk/report-21.",
    "labels-in-words": "Phase two ended; Domain one: delivery; tranche Three and Stage four.",
    "criterion-numbers": "Domain 1\n1.1 Leadership – Good\n  2.4 Reviewing: Good\n• 3.2 Planning",
    # times of day, names and labels
    "time-pm": "The meeting opens at 2 pm in Harbury.",
    "time-am-dots": "Doors open at 10 a.m. on the day.",
    "time-pm-dots": "The office shuts at 5 p.m. daily.",
    "time-oclock": "The bells rang at ten o'clock.",
    "time-am-upper": "Visiting ends at 8 AM sharp.",
    "time-decimal-pm": "It starts at 7.30 pm in the hall.",
    "time-words-pm": "They met at three pm that day.",
    "time-glued-pm": "The call came at 11pm.",
    "time-oclock-digits": "The bus left at 6 o'clock.",
    "time-am-space-dots": "The shift began at 6 a.m. sharp.",
    "month-two-digit-year": "The plan (May 19) was agreed.",
    "month-abbr-two-digit-year": "The review (Sept 21) was agreed.",
    "one-slogan": "The council adopted a 'One Team' approach.",
    "one-ethos": "Staff spoke of a one Area ethos.",
    "one-pronoun": "Of all the wards, this one stands out.",
    "label-group": "Pupils in group 3 did well.",
    "temperature-glued-c": "Crews worked in heat of 30C all day.",
    "temperature-glued-p": "The engine code 12P was logged.",
    "label-groups": "Results for groups 4 and 5 were mixed.",
}


def test_numbers_inside_dates_are_skipped() -> None:
    text = "Between 3 and 7 June 2018, in 2017/18 and on Friday 9 March 2018, 40 cells were shut."
    assert numbers(text) == [("40", 40, "cardinal", "cells")]


def test_dates_passed_in_are_what_is_skipped() -> None:
    text = "Visits on 12 May found 12 cells empty."
    assert numbers(text) == [("12", 12, "cardinal", "cells")]
    assert [n.text for n in find_numbers(text, [])] == ["12", "12"]


def test_table_cells_and_short_lines_end_a_unit() -> None:
    text = "Cases\t120\tfiles\nWe checked 5 wings\nStaff numbers were low."
    got = numbers(text)
    assert ("5", 5, "cardinal", "wings") in got


def test_hard_wrapped_line_keeps_the_phrase() -> None:
    text = (
        "The inspectorate examined a sample of 140 magistrates’ courts and\n"
        "Crown Court files during the visit."
    )
    assert numbers(text) == [("140", 140, "cardinal", "magistrates’ courts and Crown Court files")]


@pytest.mark.parametrize(
    "text",
    [
        "Fights had dropped from 212 to\n97.",
        "Fights had dropped from 212 to\n97.\n\nThe next paragraph.",
        "Fights had dropped from 212 to\n97. \nThe next line.",
    ],
)
def test_a_number_ending_a_wrapped_sentence_at_a_line_start_is_not_a_note(text: str) -> None:
    assert [n[0] for n in numbers(text)] == ["212", "97"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The rate was\n2.5 times higher.", [("2.5", "times")]),
        ("Inspectors rated two domains.", [("two", "domains")]),
        ("In 1.5 Years it grew.", [("1.5", "Years")]),
        ("Of the 12 wings, two phases ran.", [("12", "wings"), ("two", "phases")]),
        ("On each wing two officers worked.", [("two", "officers")]),
        ("In one cell three men lived.", [("one", "cell"), ("three", "men")]),
    ],
)
def test_numbers_near_label_shapes_still_count(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(n[0], n[3]) for n in numbers(text)] == expected


def test_units_keep_original_characters() -> None:
    text = "It covers six magistrates\u2019\u00a0courts."
    assert numbers(text) == [("six", 6, "cardinal", "magistrates\u2019 courts")]


@pytest.mark.parametrize(
    "words, expected",
    [
        (["one", "hundred", "and", "twenty"], (120, 4)),
        (["Twenty", "five"], (25, 2)),
        (["seven", "and", "nine"], (7, 1)),
        (["three", "thousand", "two", "hundred"], (3200, 4)),
        (["one", "million"], (1000000, 2)),
        (["hundred"], None),
        (["ten", "twenty"], (10, 1)),
    ],
)
def test_parse_number_words(words: list[str], expected: tuple[int, int] | None) -> None:
    assert parse_number_words(words) == expected


def test_value_normalisation_is_exact() -> None:
    assert number_value("3.2", "m") == 3200000
    assert number_value("1.1", "billion") == 1100000000
    assert number_value("1,250") == 1250
    assert number_value("9.4") == 9.4
    assert isinstance(number_value("12.0"), int)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_no_error_and_offsets_hold(text: str) -> None:
    got = find_numbers(text, find_dates(text))
    assert [n.start for n in got] == sorted(n.start for n in got)
    for n in got:
        assert text[n.start : n.end] == n.text
        assert n.kind in ("cardinal", "percent", "money", "fraction", "ratio")  # the schema's


# fmt: off
TOKENS = st.sampled_from([
    "one", "Two", "hundred", "and", "of", "the", "12", "1,250", "3.5", "£", "%", "per", "cent",
    "m", "million", "cases", "staff", "them", "-", "(", ")", ".", "999", "0300", "Phase",
    "20-30", "Covid-19", "2016", "March", "by", "one-off", "\u2019", "'", "\n", "\t", " ",
])
# fmt: on


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=40).map(" ".join))
def test_number_like_text_no_error_and_offsets_hold(text: str) -> None:
    for n in find_numbers(text, find_dates(text)):
        assert text[n.start : n.end] == n.text


# A whole release's worth of invented prose, for the size tests below.
PROSE = (
    "The prison holds 1,240 men. Inspectors read 52 cases and found 38 (73.1%) sound; "
    "seven of the nine wings had improved. It spent £4.2m in 2019/20 and employs 310 staff "
    "in Phase 2 (pages 10-12). Call 0300 123 4567 or 999. No one was hurt in Covid-19. "
)


@pytest.mark.parametrize(
    "text",
    [
        PROSE * (1_000_000 // len(PROSE)),  # 1 MB on one line
        "\n".join(SHORT_LINES * 25_000),  # 200,000 short lines
        "x" * 1_000_000,
        "staff " * 170_000,  # a long run of words after no number
        "1," * 500_000,  # one long comma-grouped number
        "£" * 1_000_000,
        "one " * 50_000,
        "12 of the " * 50_000,
        "7\n" * 50_000,
    ],
    ids=[
        "prose-1mb",
        "short-lines",
        "letters",
        "nouns",
        "commas",
        "pounds",
        "ones",
        "of-the",
        "lines",
    ],
)
def test_linear_time_on_large_input(text: str) -> None:
    run_big(lambda t: find_numbers(t, find_dates(t)), text)


# --- the fast paths give what the plain code they stand for gives ------------------------------

# fmt: off
PIECES = st.sampled_from([
    "1", "25", "1,250", "3.5", "£", "$", "€", "\x00", "m", "bn", "é", "\u2026", "a", "Phase",
    "pages", "paras", "No.", "p.", "fig", "(", "[", "'", ".", ". ", "! ", "?", ":", "\n", "\n\n",
    " ", "  ", "\t", "\u2003", "A", "The", "s", "es",
])
# fmt: on


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_digit_finder_is_finditer(text: str) -> None:
    found = [(s, e) for s, e, _ in N._digit_matches(text)]
    assert found == [m.span() for m in N._DIGITS_RE.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_sentence_end_count_is_the_regex_count(text: str) -> None:
    assert N._two_sentence_ends(text) == (len(N._SENTENCE_END_RE.findall(text)) > 1)


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join), st.sampled_from([" ", "\n", "\t"]))
def test_label_shortcut_is_the_plain_check(before: str, space: str) -> None:
    t = before + space + "3"
    s = len(t) - 1
    word_end = s >= 2 and (t[s - 2].isalpha() or t[s - 2] == ".")
    assert N._is_label(t, s) == (word_end and N._label_before(t, s))


def _plain_verdict(t: str, k: N._Tok, sc: N._Scan) -> object:
    """The first verdict of DIGIT_RULES, read from the table (what _digit_verdict gives)."""
    for _name, _example, rule, before, after in N.DIGIT_RULES:
        if (before and k.prev not in before) or (after and k.nxt not in after):
            continue
        verdict = rule(t, k, sc)
        if verdict is not None:
            return verdict
    return None


def _verdict_fields(v: object) -> object:
    if isinstance(v, tuple):  # a ratio: (_Cand, None)
        c = v[0]
        return (c.start, c.end, c.value, c.kind, v[1])
    return v


# fmt: off
RULE_PIECES = st.sampled_from([
    "1", "25", "0300 123 4567", "999", "0451", "1.1", "3.5", "£", "v", "Covid-", "24/7", "[", "]",
    "(", ")", "2(1)", "978-1-78655-123-4", "pm", " am", "Phase ", "pages ", "-", "\u2013", "to ",
    ":", "1:4", "ratio ", "\n", "\n\n", " ", ".", ". ", "call ", "on ", "a", "Leadership",
    "incident ", "A", "#", "_", ",",
])
# fmt: on


@settings(max_examples=1000, deadline=None)
@given(st.lists(RULE_PIECES, max_size=16).map("".join), st.integers(-1, 40))
def test_digit_verdict_is_the_first_rule_of_the_table(text: str, label_end: int) -> None:
    """_digit_verdict calls the rules by name behind their gates: the same verdict as the
    table's loop, for each digits match and scan state."""
    t = fold(text)
    for s, glued_at, end in N._digit_matches(t):
        k = N._token(t, s, glued_at, end)
        if k is None:
            continue
        sc = N._Scan(t, [], [], 0, label_end)
        want = _verdict_fields(_plain_verdict(t, k, sc))
        assert _verdict_fields(N._digit_verdict(t, k, sc)) == want


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Phase", "stage", "TIER", "levels", "s", "e", "ge", "x", " ",
                                 "  ", "\n", "(", "'", ".", "İ", "K", "é"]),
                max_size=10).map("".join))  # fmt: skip
def test_word_label_pairs_hold_every_word_label(text: str) -> None:
    """Where the word before a number is a word label (and ends one character before it, as
    _word_number asks first), its last two letters are in the table that it looks at next."""
    for s in range(2, len(text) + 1):
        if text[s - 2].isalpha() and N._word_before(text, s)[0] in N._WORD_LABELS:
            assert N._may_end_in(text, s - 1, N._WORD_LABEL_PAIRS)


def test_every_word_label_ends_in_its_pairs() -> None:
    for w in N._WORD_LABELS:
        for form in (w, w.upper(), w.capitalize()):
            t = f"the {form} two"
            assert N._may_end_in(t, len(t) - 4, N._WORD_LABEL_PAIRS), form


_PARAGRAPH_END = re.compile(r"\n[ \t]*\n|[.!?:]['\")\]]*[ \t]*\n")


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(["a", " ", "\t", "\n", ".", "!", ":", "'", '"', ")", "]", "("]),
             max_size=24).map("".join),
    st.integers(0, 24),
    st.integers(0, 24),
)  # fmt: skip
def test_paragraph_end_finder_is_the_regex_search(text: str, a: int, b: int) -> None:
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    want = _PARAGRAPH_END.search(text[a:b]) is not None
    assert N._paragraph_ends_between(text, a, b) == want


def test_word_roles_are_cached_as_read() -> None:
    for w in ("cases", "officers'", "recently", "attending", "the", "two", "children's", "-"):
        assert N._word_role(w) == N._role_of(w)
        assert N._word_role(w) == N._role_of(w)  # the second time, from the cache


def test_every_label_form_is_a_label() -> None:
    for w in N._LABELS:
        for form in (w, w.upper(), w.capitalize(), w.rstrip(".") + "s", w.rstrip(".") + "es"):
            t = f"(see {form} 3"
            assert N._is_label(t, len(t) - 1) == N._label_before(t, len(t) - 1), form


# --- issue 14: the forms of the peers' suites, in sentences of our own --------------------------
# Each case: (sentence, the number's text, value, kind, unit); unit ... when any unit will do.

_ANY = ...


def _one(text: str, want: str) -> tuple[str, int | float | None, str, str | None]:
    found = [n for n in numbers(text) if n[0] == want]
    assert found, f"{want!r} not found in {numbers(text)}"
    return found[0]


FORMS = {
    # negatives keep their sign
    "neg-digits": ("The balance moved to -504 overnight.", "-504", -504, "cardinal", _ANY),
    "neg-comma": ("A swing of -1,250 votes was recorded.", "-1,250", -1250, "cardinal", "votes"),
    "neg-decimal": ("Growth was -2.5 points in Kelmsey.", "-2.5", -2.5, "cardinal", "points"),
    "neg-minus-word": ("It fell to minus ten overnight.", "minus ten", -10, "cardinal", _ANY),
    "neg-minus-digits": (
        "The fund stood at minus 3,400 pounds.",
        "minus 3,400",
        -3400,
        "money",
        "GBP",
    ),
    "neg-negative-words": (
        "The index read negative five hundred and four.",
        "negative five hundred and four",
        -504,
        "cardinal",
        _ANY,
    ),
    "neg-range-first": ("Readings ran from -18 to -34 degrees.", "-18", -18, "cardinal", "degrees"),
    "neg-range-second": (
        "Readings ran from -18 to -34 degrees.",
        "-34",
        -34,
        "cardinal",
        "degrees",
    ),
    "neg-bracket": ("The change (-7 cases) was small.", "-7", -7, "cardinal", "cases"),
    "neg-percent": ("Output changed by -3% in Brindle.", "-3%", -3, "percent", "percent"),
    "neg-money-sign": ("The account showed $-42.50 at close.", "$-42.50", -42.5, "money", "USD"),
    # fractions keep their value
    "frac-two-thirds": (
        "About two thirds of the wards improved.",
        "two thirds",
        2 / 3,
        "fraction",
        "wards",
    ),
    "frac-hyphen": (
        "Three-quarters of staff replied.",
        "Three-quarters",
        0.75,
        "fraction",
        "staff",
    ),
    "frac-one-fifth": ("One fifth of the homes were empty.", "One fifth", 0.2, "fraction", "homes"),
    "frac-sixths": (
        "Five sixths of the budget was spent.",
        "Five sixths",
        5 / 6,
        "fraction",
        "budget",
    ),
    "frac-halves": (
        "It came to three halves of the target.",
        "three halves",
        1.5,
        "fraction",
        "target",
    ),
    "frac-slash": ("Only 1/4 of the schools replied.", "1/4", 0.25, "fraction", "schools"),
    "frac-slash-tenths": ("Nearly 7/10 of the cases closed.", "7/10", 0.7, "fraction", "cases"),
    "frac-slash-hundred": (
        "About 20/100 of the wards were full.",
        "20/100",
        0.2,
        "fraction",
        "wards",
    ),
    "frac-mixed": ("Each shift lasted 2 1/2 hours.", "2 1/2", 2.5, "fraction", "hours"),
    "frac-mixed-quarter": ("The walk is 3 1/4 miles long.", "3 1/4", 3.25, "fraction", "miles"),
    "frac-quarters-of": (
        "Two quarters of the sample were late.",
        "Two quarters",
        0.5,
        "fraction",
        "sample",
    ),
    # articles and quantifier words
    "art-hundred-and": (
        "It logged a hundred and two calls.",
        "a hundred and two",
        102,
        "cardinal",
        "calls",
    ),
    "art-dozen": ("A dozen volunteers came.", "A dozen", 12, "cardinal", "volunteers"),
    "art-two-dozen": ("We ordered two dozen chairs.", "two dozen", 24, "cardinal", "chairs"),
    "art-dozens-digits": ("They packed 30 dozen eggs.", "30 dozen", 360, "cardinal", "eggs"),
    "art-million": ("The site had a million visits.", "a million", 1_000_000, "cardinal", "visits"),
    "art-thousand": (
        "An estimated a thousand people attended.",
        "a thousand",
        1000,
        "cardinal",
        "people",
    ),
    "art-an-hundred": ("There were a hundred beds.", "a hundred", 100, "cardinal", "beds"),
    "zero-nought": ("The score was nought in Ashby.", "nought", 0, "cardinal", _ANY),
    "zero-nil": ("Complaints fell to nil this year.", "nil", 0, "cardinal", _ANY),
    "zero-naught": ("Delays dropped to naught by spring.", "naught", 0, "cardinal", _ANY),
    "art-million-and-one": (
        "It had a million and one uses.",
        "a million and one",
        1_000_001,
        "cardinal",
        "uses",
    ),
    # decimals in words and leading points
    "dec-two-point-two-million": (
        "It reached two point two million users.",
        "two point two million",
        2_200_000,
        "cardinal",
        "users",
    ),
    "dec-one-point-five": (
        "Rates rose by one point five points.",
        "one point five",
        1.5,
        "cardinal",
        "points",
    ),
    "dec-three-point-two-five": (
        "A mean of three point two five visits.",
        "three point two five",
        3.25,
        "cardinal",
        "visits",
    ),
    "dec-digits-point": ("The ratio was 1 point 4 overall.", "1 point 4", 1.4, "cardinal", _ANY),
    "dec-leading-point": ("The index rose by .77 overall.", ".77", 0.77, "cardinal", _ANY),
    "dec-leading-point-bracket": ("The rate (.5 points) held.", ".5", 0.5, "cardinal", "points"),
    "dec-leading-point-unit": ("Each cell held .25 litres.", ".25", 0.25, "cardinal", "litres"),
    "dec-nine-point-nine": (
        "A score of nine point nine was given.",
        "nine point nine",
        9.9,
        "cardinal",
        _ANY,
    ),
    "dec-zero-point": (
        "The gap was zero point three seconds.",
        "zero point three",
        0.3,
        "cardinal",
        "seconds",
    ),
    "dec-four-point-oh": (
        "Version scores of four point oh five were seen.",
        "four point oh five",
        4.05,
        "cardinal",
        _ANY,
    ),
    # scales above a million in words, and mixed
    "scale-three-billion": (
        "It moved three billion items.",
        "three billion",
        3_000_000_000,
        "cardinal",
        "items",
    ),
    "scale-two-trillion": (
        "Some two trillion records were read.",
        "two trillion",
        2 * 10**12,
        "cardinal",
        "records",
    ),
    "scale-half-million": (
        "About two and a half million people live there.",
        "two and a half million",
        2_500_000,
        "cardinal",
        "people",
    ),
    "scale-one-half-billion": (
        "It cost one and a half billion pounds.",
        "one and a half billion",
        1_500_000_000,
        "money",
        "GBP",
    ),
    "scale-billion-words": (
        "Four billion, two hundred million calls were made.",
        "Four billion",
        4_000_000_000,
        "cardinal",
        _ANY,
    ),
    "scale-hundred-million": (
        "Nine hundred million letters were sent.",
        "Nine hundred million",
        900_000_000,
        "cardinal",
        "letters",
    ),
    "scale-million-and": (
        "It has one million and six hundred members.",
        "one million and six hundred",
        1_000_600,
        "cardinal",
        "members",
    ),
    "scale-point-billion": (
        "It holds one point two billion rows.",
        "one point two billion",
        1_200_000_000,
        "cardinal",
        "rows",
    ),
    "scale-digits-billion": (
        "Around 3 billion checks ran.",
        "3 billion",
        3_000_000_000,
        "cardinal",
        "checks",
    ),
    "scale-twelve-billion": (
        "Twelve billion pages were printed.",
        "Twelve billion",
        12_000_000_000,
        "cardinal",
        "pages",
    ),
    # scale suffixes on money
    "msuf-eur-b": ("The deal was worth €10B in total.", "€10B", 10_000_000_000, "money", "EUR"),
    "msuf-usd-bn": ("Investors put in $3.5bn last year.", "$3.5bn", 3_500_000_000, "money", "USD"),
    "msuf-gbp-k": ("The grant was £40k for the hall.", "£40k", 40_000, "money", "GBP"),
    "msuf-gbp-k-upper": ("A fine of £15K was paid.", "£15K", 15_000, "money", "GBP"),
    "msuf-usd-t": ("Debt reached $2.1T nationally.", "$2.1T", 2_100_000_000_000, "money", "USD"),
    "msuf-gbp-m": ("A budget of £6.4m was set.", "£6.4m", 6_400_000, "money", "GBP"),
    "msuf-gbp-mn": ("A budget of £7mn was agreed.", "£7mn", 7_000_000, "money", "GBP"),
    "msuf-eur-m-space": ("A bid of €2 m was made.", "€2 m", 2_000_000, "money", "EUR"),
    "msuf-fused-million": (
        "A cut of £4.8million was planned.",
        "£4.8million",
        4_800_000,
        "money",
        "GBP",
    ),
    "msuf-fused-billion": (
        "It owes £1.2billion in total.",
        "£1.2billion",
        1_200_000_000,
        "money",
        "GBP",
    ),
    # pounds and pence together
    "pence-pounds-words": (
        "A ticket cost 3 pounds 1 pence then.",
        "3 pounds 1 pence",
        3.01,
        "money",
        "GBP",
    ),
    "pence-sign-and-p": ("The fee is £3 and 50p per visit.", "£3 and 50p", 3.5, "money", "GBP"),
    "pence-decimal": ("It rose to £3.01 per item.", "£3.01", 3.01, "money", "GBP"),
    "pence-alone-p": ("Each stamp costs 85p now.", "85p", 0.85, "money", "GBP"),
    "pence-alone-words": ("A charge of 40 pence applies.", "40", 0.4, "money", "GBP"),
    "pence-pounds-and-pence": (
        "It was 12 pounds and 30 pence each.",
        "12 pounds and 30 pence",
        12.3,
        "money",
        "GBP",
    ),
    "pence-dollars-cents": (
        "It came to 20 dollars 43 cents.",
        "20 dollars 43 cents",
        20.43,
        "money",
        "USD",
    ),
    "pence-sign-and-c": ("Fares were $2 and 15c per trip.", "$2 and 15c", 2.15, "money", "USD"),
    "pence-code-pence": ("Set at 4 GBP 5 pence a unit.", "4 GBP 5 pence", 4.05, "money", "GBP"),
    "pence-cents-alone": ("A tip of 25 cents was left.", "25", 0.25, "money", "USD"),
    # currency codes, glued or after the amount; other currencies
    "code-glued-before": ("The fee was GBP3.01 in March.", "GBP3.01", 3.01, "money", "GBP"),
    "code-spaced-before": ("The fee was EUR 20 at the door.", "EUR 20", 20, "money", "EUR"),
    "code-after": ("A fine of 42 KWD was set.", "42 KWD", 42, "money", "KWD"),
    "code-glued-after": ("It cost 42MYR at the market.", "42MYR", 42, "money", "MYR"),
    "code-words-rupees": ("Stalls charged 20 rupees a day.", "20", 20, "money", "INR"),
    "code-words-euros": ("Parking is 8 euros an hour.", "8", 8, "money", "EUR"),
    "code-words-yen": ("A ticket costs 900 yen.", "900", 900, "money", "JPY"),
    "code-words-phrase": ("It sold for 42 Lebanese pounds.", "42", 42, "money", "LBP"),
    "code-sign-after": ("Entry is 20€ for adults.", "20€", 20, "money", "EUR"),
    "code-us-dollar": (
        "The bid was US$4.7 billion.",
        "US$4.7 billion",
        4_700_000_000,
        "money",
        "USD",
    ),
    "code-cny": ("The price was CNY 300 at launch.", "CNY 300", 300, "money", "CNY"),
    "code-rs-prefix": ("The fare was Rs 20 one way.", "Rs 20", 20, "money", "INR"),
    # issue 11: a scale word fused to the number
    "fused-million-count": (
        "It served 4.8million meals.",
        "4.8million",
        4_800_000,
        "cardinal",
        "meals",
    ),
    "fused-bn-money": ("The trust owes £2bn overall.", "£2bn", 2_000_000_000, "money", "GBP"),
    "fused-thousand": ("Some 3thousand letters arrived.", "3thousand", 3000, "cardinal", "letters"),
    # issue 11: durations used as adjectives
    "dur-hyphen-year": ("Over a two-year period the ward improved.", "two", 2, "cardinal", "year"),
    "dur-spaced-year": ("She began a four year term in May 2021.", "four", 4, "cardinal", "year"),
    "dur-spaced-month": ("It ran a six month pilot in Dunmere.", "six", 6, "cardinal", "month"),
    "dur-hyphen-digits": ("A 12-week course followed.", "12", 12, "cardinal", "week"),
    # issue 11: the noun phrase of a count
    "np-verb-after": (
        "This group of 14 reports completes the series.",
        "14",
        14,
        "cardinal",
        "reports",
    ),
    "np-ing-modifier": (
        "The region has 26 youth offending teams.",
        "26",
        26,
        "cardinal",
        "youth offending teams",
    ),
    "np-ing-modifier-2": (
        "It funds 8 community nursing teams.",
        "8",
        8,
        "cardinal",
        "community nursing teams",
    ),
    "np-participle-after": (
        "There were 12 officers attending the scene.",
        "12",
        12,
        "cardinal",
        "officers",
    ),
}


@pytest.mark.parametrize("case", FORMS.values(), ids=FORMS.keys())
def test_issue14_forms(case: tuple[str, str, float, str, object]) -> None:
    text, want, value, kind, unit = case
    got = _one(text, want)
    assert got[1] == pytest.approx(value)
    assert got[2] == kind
    if unit is not _ANY:
        assert got[3] == unit


COORDINATED = {
    "ratings": (
        "Of 32 homes, 20 of the homes were rated good, 12 requires improvement"
        " and nine inadequate.",
        {"20": "homes", "12": "homes", "nine": "homes"},
    ),
    "ratings-digits": (
        "Of the 40 schools, 25 were rated good, 10 outstanding and 5 inadequate.",
        {"25": "schools", "10": "schools", "5": "schools"},
    ),
    "ratings-words": (
        "Inspectors visited 11 practices: six were good, four requires improvement"
        " and one inadequate.",
        {"six": "practices", "four": "practices", "one": "practices"},
    ),
}


@pytest.mark.parametrize("case", COORDINATED.values(), ids=COORDINATED.keys())
def test_later_counts_take_the_first_count_noun(case: tuple[str, dict[str, str]]) -> None:
    text, want = case
    got = {n[0]: n[3] for n in numbers(text)}
    for number, unit in want.items():
        assert got[number] == unit


@pytest.mark.parametrize("rule", N.DIGIT_RULES, ids=[r[0] for r in N.DIGIT_RULES])
def test_each_digit_rule_drops_its_example(rule: tuple[str, str, object, str, str]) -> None:
    name, example, *_ = rule
    assert numbers(example) == [], name


# Counts of grades and counts with a bracket beside them, as inspection outcome pages write
# them.
GRADE_AND_BRACKET_COUNTS = {
    "quoted-grade-then-noun": (
        "It received one ‘good’ rating, four ‘adequate’ and two ‘requires improvement’.",
        [("one", "rating"), ("four", "rating"), ("two", "rating")],
    ),
    "quoted-grade-then-noun-straight-marks": (
        "The force received two 'good' grades, five 'adequate' and one 'inadequate'.",
        [("two", "grades"), ("five", "grades"), ("one", "grades")],
    ),
    "noun-then-quoted-grades": (
        "Ofsted judged 14 councils ‘outstanding’, 90 ‘good’ and six ‘inadequate’.",
        [("14", "councils"), ("90", "councils"), ("six", "councils")],
    ),
    "unquoted-adequate-and-weak": (
        "Of 30 settings, 20 were good, seven adequate and three weak.",
        [("30", "settings"), ("20", "settings"), ("seven", "settings"), ("three", "settings")],
    ),
    "count-then-bracketed-percent": (
        "In all, 2,870 (72%) of the grades were good.",
        [("2,870", "grades"), ("72%", "percent")],
    ),
    "percent-then-bracketed-count": (
        "Of those, 58% (214) of the inspections were unannounced.",
        [("58%", "percent"), ("214", "inspections")],
    ),
    "bracket-then-of-them": (
        "The force has 1,780 officers and 42 (2.4%) of them joined this year.",
        [("1,780", "officers"), ("42", "officers"), ("2.4%", "percent")],
    ),
    "of-a-possessive-then-count": (
        "Inspectors rated 12 of the trust’s 14 services as good.",
        [("12", "services"), ("14", "services")],
    ),
    "of-every": (
        "It saw 11 of every 20 patients within four hours.",
        [("11", "patients"), ("20", "patients"), ("four", "hours")],
    ),
    "past-verb-after-count": (
        "In all, 18 councils received an excellent rating, 81 performed well and 39 provided "
        "adequate services. Eight performed poorly.",
        [("18", "councils"), ("81", "councils"), ("39", "councils"), ("Eight", "councils")],
    ),
    "participle-before-noun-still-counts-it": (
        "The service has 40 trained officers and 12 qualified nurses.",
        [("40", "trained officers"), ("12", "qualified nurses")],
    ),
    "past-verb-after-and": (
        "The visit lasted two days and included talks with 14 residents.",
        [("two", "days"), ("14", "residents")],
    ),
    "verb-after-and": (
        "The trust employs 8,400 staff and cares for 540,000 people.",
        [("8,400", "staff"), ("540,000", "people")],
    ),
}


@pytest.mark.parametrize(
    "case", GRADE_AND_BRACKET_COUNTS.values(), ids=GRADE_AND_BRACKET_COUNTS.keys()
)
def test_grade_counts_and_bracketed_counts_take_their_noun(
    case: tuple[str, list[tuple[str, str]]],
) -> None:
    text, expected = case
    assert [(n[0], n[3]) for n in numbers(text)] == expected


def test_a_grade_rank_in_a_ratings_cell_is_not_a_number() -> None:
    text = (
        "| Area | Grade |\n|---|---|\n| Prevention | 3 - Adequate |\n| Response | Good 4 |\n\n"
        "Quality of staffing - 5 - Very good\nQuality of environment: 4 - Good\n\n"
        "1: Standards\n\nGood\n\n2: Wellbeing\n\nExcellent\n\n"
        "The service has 23 stations.\n"
    )
    assert [n.text for n in extract_all(text).numbers] == ["23"]


@pytest.mark.parametrize(
    "text",
    [
        "Call 101 quoting incident 0451 of 12 May 2025.",
        "Please quote log 0562 of 13 February when you call.",
        "Anyone with information can contact us on 101.",
        "Call police on 101 or report it online.",
        "Please use NHS 111 online for advice.",
        "Use 999 wisely over the Easter weekend.",
        "81422\n\nCar Fire\n\nCrews attended.",
        "Call 101 quoting log 1123 of 7 June 2025.",
        "Call 101 quoting incident number 456 of 7 June 2025.",
        "Quote occurrence 24000123456 when you call.",
        "It breached Section 2(1) of the Health and Safety at Work etc. Act.",
        "It breached regulation 12(2)(b) and section 3(1)(a) of the act.",
    ],
    ids=[
        "incident-leading-zero",
        "log-leading-zero",
        "contact-us-on-101",
        "call-police-on-101",
        "nhs-111",
        "use-999",
        "page-id-line",
        "log",
        "incident-number",
        "occurrence",
        "subsection",
        "subsections",
    ],
)
def test_references_and_phone_numbers_are_not_quantities(text: str) -> None:
    assert [n for n in numbers(text) if n[0] not in ("2025",)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 12 (20%) schools improved.", ["12", "20%"]),
        ("We saw 45 cases (12 of them new).", ["45", "12"]),
        ("Crews used 3 pumps (2) and a ladder.", ["3", "2"]),
    ],
)
def test_a_number_in_brackets_after_a_space_still_counts(text: str, expected: list[str]) -> None:
    # (only one right after digits or a bracket is a subsection's: 2(1), 12(2)(b))
    assert [n[0] for n in numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crews attended 412 incidents on 101 streets.", [("412", 412), ("101", 101)]),
        ("The trust has 0.5 posts vacant.", [("0.5", 0.5)]),
        ("Crews attended.\n\n81422\n\nincidents last year", [("81422", 81422)]),
    ],
    ids=["on-without-a-call-word", "decimal-after-zero", "number-after-words"],
)
def test_counts_like_references_stay_counts(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(t, v) for t, v, _k, _u in numbers(text)] == expected


# Forms seen on real UK public-body pages (issue 11); names and figures invented.
REAL_PAGE_FORMS = {
    "ages-between": (
        "The college has 820 students aged between 14 and 19.",
        [
            ("820", 820, "cardinal", "students"),
            ("14", 14, "cardinal", "years"),
            ("19", 19, "cardinal", "years"),
        ],
    ),
    "ages-or-over": (
        "Residents aged 75 or over and babies aged 9 months were seen.",
        [("75", 75, "cardinal", "years"), ("9", 9, "cardinal", "months")],
    ),
    "ages-from-to": (
        "Pupils aged from 4 to 7 take part.",
        [("4", 4, "cardinal", "years"), ("7", 7, "cardinal", "years")],
    ),
    "age-compound": (
        "Officers arrested a 41-year-old woman.",
        [("41", 41, "cardinal", "year")],
    ),
    "million-plus": (
        "The line took 2 million-plus calls and 4.5 billion-plus clicks.",
        [
            ("2 million", 2000000, "cardinal", "calls"),
            ("4.5 billion", 4500000000, "cardinal", "clicks"),
        ],
    ),
    "quoted-grade-counts": (
        "Inspectors gave 11 ‘good’ and 4 ‘poor’ ratings.",
        [("11", 11, "cardinal", "ratings"), ("4", 4, "cardinal", "ratings")],
    ),
    "plain-grade-counts": (
        "The panel gave 9 good and 2 poor ratings.",
        [("9", 9, "cardinal", "ratings"), ("2", 2, "cardinal", "poor ratings")],
    ),
    "verb-in-s-after-plural": (
        "In Oakfield the three kitchens needs their refit and the two lounges starts to fill.",
        [("three", 3, "cardinal", "kitchens"), ("two", 2, "cardinal", "lounges")],
    ),
    "plural-compound-stays": (
        "It runs 14 courts cases a week.",
        [("14", 14, "cardinal", "courts cases")],
    ),
    "one-in-eight-adverb": (
        "Now 1 in 6 previously good secondaries fell a grade.",
        [("1", 1, "cardinal", "secondaries"), ("6", 6, "cardinal", "good secondaries")],
    ),
    "adverb-with-no-noun": (
        "There were 12 previously and 5 now.",
        [("12", 12, "cardinal", None), ("5", 5, "cardinal", None)],
    ),
}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "aged",
                "AGED",
                "Ages",
                "between",
                "from",
                "over",
                "staged",
                "(",
                " ",
                "  ",
                "\n",
                "\t",
                ".",
                "x",
                "16",
                "é",
            ]
        ),
        max_size=10,
    ).map("".join)
)
def test_aged_quick_test_agrees(before: str) -> None:
    """_aged's look at the text before rules out no age that the word before would show."""
    t = before + " 16 people"
    s = len(before) + 1
    w, ws = N._word_before(t, s)
    if w in N._AGE_LINKS:
        w = N._word_before(t, ws)[0]
    assert N._aged(t, s) == (w in N._AGE_BEFORE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["₹", "€", "•", "›", "…", "£", "1", "25", "3.5", " ", "m", "é"]),
                max_size=20).map("".join))  # fmt: skip
def test_digit_finder_is_finditer_beyond_latin1(text: str) -> None:
    """Characters beyond Latin-1 are one unmarked byte each in the finder's copy, unless a
    currency sign beyond Latin-1 is in the text (then the regex scans it)."""
    found = [(s, e) for s, e, _ in N._digit_matches(text)]
    assert found == [m.span() for m in N._DIGITS_RE.finditer(text)]


@given(st.lists(PIECES, max_size=20).map("".join))
def test_word_runs_start_with_a_space_or_line_break(text: str) -> None:
    """_run calls the regex only after a space or a line break: it matches nowhere else."""
    for pos in range(len(text) + 1):
        if text[pos : pos + 1] not in N._RUN_OPENERS:
            assert N._RUN_RE.match(text, pos) is None, pos


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["1", "25", "£", "$", "¥", "-", " ", ",", ".", "m", "Bn", "\x00", "?",
                         "\u0663", "\uff11", "é", "•", "é1"]),
        max_size=20,
    ).map("".join)
)  # fmt: skip
def test_digit_reader_is_the_regex_match(text: str) -> None:
    """_digits_at reads what _DIGITS_RE matches, glued letters included, also where digits
    beyond ASCII ("٣", "１") or a NUL stand."""
    found = N._digit_matches(text)
    assert found == [(m.start(), m.end(), m.start("glued")) for m in N._DIGITS_RE.finditer(text)]


def _aged_plain(t: str, s: int) -> bool:
    """_aged without its quick test on the last letter before the number."""
    if not t[max(0, s - 24) : s].lower().rstrip().endswith(N._AGE_WORDS):
        return False
    w, ws = N._word_before(t, s)
    if w in N._AGE_LINKS:
        w = N._word_before(t, ws)[0]
    return w in N._AGE_BEFORE


# fmt: off
AGE_PIECES = st.sampled_from([
    "aged", "AGED", "Ages", "between", "BETWEEN", "from", "under", "over", "people", "a", "s",
    "d", "K", "\u212a", "\u0130", " ", "  ", "\n", "\t", ".", ",", "1", "é", "ed", "er", "om",
    "\xa0", "\u2003", "-", "\u2013",
])
# fmt: on


@settings(max_examples=500, deadline=None)
@given(st.lists(AGE_PIECES, max_size=12).map("".join))
def test_age_quick_test_is_the_plain_check(before: str) -> None:
    t = before + " 16 years"
    for s in range(len(t) + 1):
        assert N._aged(t, s) == _aged_plain(t, s), s


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.integers(0, 40), st.integers(0, 60))
def test_sentence_end_between_is_the_regex_search(text: str, a: int, b: int) -> None:
    expected = N._SENTENCE_END_RE.search(text, a, b) is not None
    assert N._sentence_ends_between(text, a, b) == expected


# fmt: off
SIGN_PIECES = st.sampled_from([
    "minus", "Minus", "MINUS", "negative", "NEGATIVE", "mInus", "s", "e", " ", "%", "per",
    "Per", "PER", "pEr", "cent", "1", "\n", "x",
])
# fmt: on


@settings(max_examples=500, deadline=None)
@given(st.lists(SIGN_PIECES, max_size=12).map("".join))
def test_sign_and_percent_quick_tests_are_the_plain_calls(t: str) -> None:
    for s in range(len(t) + 2):
        plain = t.endswith(N._SIGN_ENDS, max(0, s - 10), s - 1)
        assert N._sign_word_before(t, s) == plain, s
        assert N._percent_after(t, s) == t.startswith(N._PERCENT_STARTS, s), s


# fmt: off
NEXT_PIECES = st.sampled_from([
    "one", "Two", "hundred", "and", "And", "AND", "cases", "Zero", "é", " ", "\t", "\n", "-",
    "1", ",", "a", "x",
])
# fmt: on


@settings(max_examples=500, deadline=None)
@given(st.lists(NEXT_PIECES, max_size=10).map("".join))
def test_next_word_guard_keeps_what_the_regex_reads(after: str) -> None:
    """_read_words skips its regex call only before a word that cannot go on with a number."""
    t = "twenty" + after
    assert N._read_words(t, 0, ["twenty"], 6) == _read_words_plain(t, 0, ["twenty"], 6)


def _read_words_plain(t: str, s: int, first: list[str], e: int) -> tuple[int, int] | None:
    """_read_words without its quick test before the regex call."""
    words, pos = first, e
    while len(words) < 12:
        m = N._NEXT_WORD_RE.match(t, pos)
        if m is None or m.group(1).lower() not in NUMBER_WORDS:
            break
        joined_by_and = bool(t[pos : m.start(1)].strip(" \t\n-"))
        more = [*words, "and", m.group(1)] if joined_by_and else [*words, m.group(1)]
        read = parse_number_words(more)
        if read is None or read[1] < len(more):
            break
        words, pos = more, m.end(1)
    parsed = parse_number_words(words)
    if parsed is None or parsed[1] < len(first):
        return None
    return parsed[0], pos


# Percentages written "pc", as newspapers and some councils write them.
PC_PERCENT = _named(
    "pc-percent",
    [
        ("Council tax rises by 5pc next year.", [("5pc", 5, "percent", "percent")]),
        (
            "Waits fell 12.5pc and fares 3pc.",
            [("12.5pc", 12.5, "percent", "percent"), ("3pc", 3, "percent", "percent")],
        ),
        ("Up 40pc, the busiest year.", [("40pc", 40, "percent", "percent")]),
        # after one space, in lower case, as a number word too
        ("Council tax rises by 5 pc next year.", [("5 pc", 5, "percent", "percent")]),
        (
            "A 12.5 pc rise, and five pc more.",
            [("12.5 pc", 12.5, "percent", "percent"), ("five pc", 5, "percent", "percent")],
        ),
        ("Fares (up 3 pc) rose.", [("3 pc", 3, "percent", "percent")]),
    ],
)


@pytest.mark.parametrize(
    "text",
    [
        "Officer 5PC Jones attended.",  # upper case: a collar number, not per cent
        "Buy 2pcs of cable.",  # other glued letters: no quantity
        "The £5pc code is a voucher.",  # a currency sign before it
        "Officers 5 PC Jones and PC 5 Ali attended.",  # upper case after a space
        "Buy 2 pcs of cable and 3 pcb boards.",  # other letters after the pc
    ],
)
def test_other_pc_forms_are_not_percentages(text: str) -> None:
    assert all(kind != "percent" for _t, _v, kind, _u in numbers(text))


# Ratios: one item, kind "ratio", value the first term over the second.
RATIOS = {
    "colon": ("Staff worked at a 1:4 ratio with toddlers.", [("1:4", 0.25, "ratio", None)]),
    "colon-big-first": ("The 4:1 split was agreed.", [("4:1", 4, "ratio", None)]),
    "one-to-one": ("Pupils get 1:1 support each week.", [("1:1", 1, "ratio", None)]),
    "three-digit-second": ("Odds of 1:250 were quoted.", [("1:250", 0.004, "ratio", None)]),
    "two-digits-after-ratio-word": (
        "The adult to child ratio was 1:13 in the room.",
        [("1:13", 1 / 13, "ratio", None)],
    ),
    "to-after-ratio-word": (
        "A pupil-teacher ratio of 18 to 1 was kept.",
        [("18 to 1", 18, "ratio", None)],
    ),
    "to-after-ratios-word-one-first": (
        "Ratios of 1 to 8 applied on the ward.",
        [("1 to 8", 0.125, "ratio", None)],
    ),
    # a ratio word after the terms, or a split or mix: any terms
    "ratio-word-after": ("Nurseries keep a 3:1 ratio for babies.", [("3:1", 3, "ratio", None)]),
    "ratio-word-after-upper": ("A 4:1 RATIO APPLIES.", [("4:1", 4, "ratio", None)]),
    "split-two-digits": (
        "Funding is on a 60:40 split with the board.",
        [("60:40", 1.5, "ratio", None)],
    ),
    "mix": ("Crews used a 3:1 mix of sand and cement.", [("3:1", 3, "ratio", None)]),
    "ratio-word-before-big-first": (
        "The ratio was 2:1 in favour of the plan.",
        [("2:1", 2, "ratio", None)],
    ),
    # 1:M with no word: a ratio unless it is a reference or a score
    "one-to-n-line-start": (
        "Toddlers 1:4\nBabies 1:3",
        [("1:4", 0.25, "ratio", None), ("1:3", 1 / 3, "ratio", None)],
    ),
    "one-to-n-after-sentence": (
        "Care was checked. 1:1 support is given.",
        [("1:1", 1, "ratio", None)],
    ),
    "one-to-n-bracket": ("Staffing (1:3) was safe.", [("1:3", 1 / 3, "ratio", None)]),
}


RATIOS_NOT = {
    # a clock time: two digits after the colon and no ratio word
    "clock": ("Doors open at 10:30 and close at 1:15.", []),
    "clock-pm": ("The ratio talk starts at 1:00pm.", []),
    # "to" without a ratio word is a change or a range of counts
    "change": ("Cases rose from 18 to 1 school.", [("18", "school"), ("1", "school")]),
    # a ratio word, but no term of 1
    "ratio-no-one": ("The ratio fell from 18 to 16 pupils.", [("18", "pupils"), ("16", "pupils")]),
    # a ratio word in another sentence, or with a number between
    "other-sentence": ("The ratio rose. At 10:30 it ended.", []),
    "number-between": ("Ratios of 1:4 and, at 10:30, more.", [("1:4", None)]),
    # no ratio word and a first term other than 1: a score, a degree, a time, a reference
    "score-won": ("The under-11s won 2:1 at home.", []),
    "score-beat": ("Harbridge beat Kelby 3:2 in the final.", []),
    "open-all-hours": ("The helpline is open 24:7 for callers.", []),
    "degree": ("She gained a 2:1 degree in law.", []),
    "reference-big": ("Read John 3:5 aloud.", []),
    # 1:M after a capitalised word inside its sentence: a reference
    "reference-one": ("The reading was Genesis 1:1 at the service.", []),
    "reference-table": ("The figures are in Table 1:4 of the report.", []),
    # 1:M next to a score word
    "score-drew": ("Kelby Town drew 1:1 on Saturday.", []),
    "score-lost": ("The side lost 1:3 away.", []),
    "score-after": ("It ended in a 1:2 defeat for the hosts.", []),
    # a colon form with no ratio word and a second term of two digits: a time
    "clock-one": ("The bus leaves at 1:45 daily.", []),
}


@given(st.integers(1, 999), st.integers(1, 9999), st.sampled_from(["ratio", "split", "mix"]))
def test_a_colon_ratio_before_a_ratio_word_is_first_over_second(a: int, b: int, w: str) -> None:
    (n,) = find_numbers(f"They kept a {a}:{b} {w}.", [])
    assert (n.text, n.kind) == (f"{a}:{b}", "ratio")
    assert n.value == pytest.approx(a / b)


@given(st.integers(1, 9), st.sampled_from([1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 250, 1000]))
def test_one_to_m_with_no_ratio_word_is_a_ratio(b: int, b2: int) -> None:
    for second in (b, b2):
        (n,) = find_numbers(f"Staff work at 1:{second} with the children.", [])
        assert (n.text, n.kind) == (f"1:{second}", "ratio")


@given(st.integers(2, 999), st.integers(0, 9999))
def test_a_colon_pair_not_opening_with_one_and_no_ratio_word_is_no_quantity(a: int, b: int) -> None:
    for text in (f"They won {a}:{b} at home.", f"Doors open at {a}:{b} for all."):
        assert find_numbers(text, []) == []


# A quote mark that closes right after the unit is not part of it (a possessive mark before
# its noun stays: magistrates’ courts).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Staff said ‘12 calls’ were hoaxes.", ("12", "calls")),
        ("Staff said '12 calls' were hoaxes.", ("12", "calls")),
        ("He spoke of ‘40 new homes’ on the site.", ("40", "new homes")),
        ("‘A tenth of calls’ were hoaxes.", ("A tenth", "calls")),
        ("There are 40 magistrates’.", ("40", "magistrates")),
        ("The 40 magistrates’ courts closed.", ("40", "magistrates’ courts")),
        ("The 7 officers' own cars were used.", ("7", "officers")),
    ],
)
def test_a_closing_quote_mark_is_not_part_of_the_unit(text: str, expected: tuple[str, str]) -> None:
    assert [(t, u) for t, _v, _k, u in numbers(text)] == [expected]


# An age range written with a dash: both ends count years, whatever word follows.
AGE_DASH = _named(
    "age-dash",
    [
        ("Children aged 5-11 attend the club.", [("5", "years"), ("11", "years")]),
        ("Pupils aged 11–16 go too.", [("11", "years"), ("16", "years")]),
        ("Carers of people aged 18-25 meet weekly.", [("18", "years"), ("25", "years")]),
        ("Babies aged 6-12 months sleep.", [("6", "months"), ("12", "months")]),
        ("Scores of 5-11 points were given.", [("5", "points"), ("11", "points")]),
    ],
)


# A fraction word with no number before it: after an article, or "half", before "of" or a
# determiner.
FRACTION_ALONE = {
    "a-third": ("A third of homes had no alarm.", [("A third", 1 / 3, "fraction", "homes")]),
    "a-quarter": (
        "Nearly a quarter of the budget went on repairs.",
        [("a quarter", 0.25, "fraction", "budget")],
    ),
    "a-fifth-upper": ("A FIFTH OF BEDS WERE EMPTY.", [("A FIFTH", 0.2, "fraction", "BEDS")]),
    "half-of": ("More than half of pupils walk.", [("half", 0.5, "fraction", "pupils")]),
    "half-opens": ("Half of all schools improved.", [("Half", 0.5, "fraction", "schools")]),
    # a determiner instead of "of": half the schools, a third their size
    "half-the": (
        "Nearly half the schools improved.",
        [("half", 0.5, "fraction", "schools")],
    ),
    "half-their-opens": ("Half their staff left in May.", [("Half", 0.5, "fraction", "staff")]),
    "half-its-upper": ("OVER HALF ITS BUDGET WENT.", [("HALF", 0.5, "fraction", "BUDGET")]),
    "half-these-line-break": (
        "By now half these\ncalls are hoaxes.",
        [("half", 0.5, "fraction", "calls")],
    ),
    "a-third-the": (
        "Waits fell to a third the time they took.",
        [("a third", 1 / 3, "fraction", "time")],
    ),
    "a-quarter-our": (
        "A quarter our homes need work.",
        [("A quarter", 0.25, "fraction", "homes")],
    ),
    "a-hundredth": (
        "Only a hundredth of the fund was spent.",
        [("a hundredth", 0.01, "fraction", "fund")],
    ),
    "a-tenth-curly-quoted": (
        "‘A tenth of calls’ were hoaxes.",
        [("A tenth", 0.1, "fraction", "calls")],
    ),
}


FRACTION_NOT = _named(
    "fraction-not",
    [
        "In the first half of 2024 calls fell.",  # a period
        "The second half of the match was calm.",
        "She spoke on behalf of staff.",  # another word
        "Staff work a half day on Friday.",  # no "of"
        "It was the third of five visits.",  # an ordinal
        "Figures for the third quarter of 2024 are out.",
        "Every half of the year has a review.",
        "In the first half the team was calm.",  # a period, then a determiner
        "It took half an hour to put out.",  # no determiner of the list
        "Staff worked half this year.",
        "The second half their side scored.",
        "A third time the alarm rang.",
    ],
)


@pytest.mark.parametrize(
    "text",
    [
        "The celebration starts at 10:30 on the green.",
        "The registration opens at 9:15 each morning.",
        "The regeneration scheme grew from 1 to 20 homes.",
    ],
)
def test_a_word_ending_in_ration_is_no_ratio_word(text: str) -> None:
    assert all(kind != "ratio" for _t, _v, kind, _u in numbers(text))


# "half" with neither "of" nor a determiner after it: a fraction after "than", "nearly",
# "over"... when a stop, bracket or verb follows, or opening a sentence before a verb.
HALF_ALONE = _named(
    "half-alone",
    [
        ("More than half were late.", [("half", 0.5, "fraction", None)]),
        ("Almost half said they felt safe.", [("half", 0.5, "fraction", None)]),
        (
            "Over half (52%) agreed.",
            [("half", 0.5, "fraction", None), ("52%", 52, "percent", "percent")],
        ),
        ("“Half were seen in time,” she said.", [("Half", 0.5, "fraction", None)]),
        ("Of the wards, nearly half.", [("half", 0.5, "fraction", None)]),
        ("JUST UNDER HALF HAD A PLAN", [("HALF", 0.5, "fraction", None)]),
        (
            "Just over half – 51% – replied.",
            [("half", 0.5, "fraction", None), ("51%", 51, "percent", "percent")],
        ),
    ],
)


HALF_NOT = _named(
    "half-not",
    [
        "Over half term the centre shut.",  # a holiday
        "About half time the rain came.",
        "The first half was poor.",
        "It was half price on half day closing.",
        "He said half.",  # no word before that makes it a count
    ],
)


# "a penny", "a pound": an article before a currency word is one of it (article_money).
ARTICLE_MONEY = _named(
    "article-money",
    [
        ("It costs a penny.", [("a penny", 0.01, "money", "GBP")]),
        ("A pound a day buys a meal.", [("A pound", 1, "money", "GBP")]),
        ("Fares rose by a pound and 50p.", [("a pound and 50p", 1.5, "money", "GBP")]),
        ("Not a penny\nwas spent", [("a penny", 0.01, "money", "GBP")]),
        ("It sold for a dollar and 42 cents.", [("a dollar and 42 cents", 1.42, "money", "USD")]),
        ("(a euro)", [("a euro", 1, "money", "EUR")]),
    ],
)


ARTICLE_MONEY_NOT = _named(
    "article-money-not",
    [
        "She bought a pound of apples.",  # a weight
        "A pound shop opened on Pound Lane.",
        "The car was towed to the impound yard.",
        "Staff wrote a pounding report and a centre plan.",
        "It was a penny-farthing.",
    ],
)


_ARTICLE_MONEY_PLAIN = re.compile(
    rf"(?:^|(?<=[{re.escape(''.join(N._SCAN_SPACES))}]))[aA] ({'|'.join(N._ARTICLE_MONEY)})"
    r"(?![^\W_]|-)"
)


def _article_money_spans_plain(t: str) -> list[tuple[int, int]]:
    """The plain reading of _article_money_spans: a regex search of the whole text."""
    return [
        m.span()
        for m in _ARTICLE_MONEY_PLAIN.finditer(t)
        if N._word_after(t, m.end()) not in N._ARTICLE_MONEY_NOT_BEFORE
    ]


# The one-byte marks' search for a lone letter finds what a regex search finds.
_ARTICLE_WORDS = ["a", "A", "pound", "penny", "cent", "per", "euro", "dollar", "of", "shop"]
_ARTICLE_WORDS += ["pounds", "x", "5", "centre", "ba", "é", "’", "—", "a pound", "_"]


@given(
    st.lists(st.sampled_from(_ARTICLE_WORDS), max_size=12),
    st.lists(st.sampled_from([" ", "", "-", "\n", "'", "(", ":", "\xa0", "  "]), min_size=12),
)
def test_article_money_spans_agree_with_a_regex_search(words: list[str], seps: list[str]) -> None:
    t = fold("".join(w + s for w, s in zip(words, seps, strict=False)))
    assert N._article_money_spans(t, N._OneByte(t)) == _article_money_spans_plain(t)


def test_no_number_word_starts_with_the_article() -> None:
    assert not any(form[0] in "aA" for form in N._NUMBER_WORD_FORMS)  # (see _article_money_spans)


# --- round 6: forms of audit offices', ombudsmen's and transport bodies' pages ------------------

# A fraction word after "by" that ends its clause: a change by a fraction (fraction_by).
FRACTION_BY = {
    "fell-by-a-quarter": (
        "Burglaries fell by a quarter over the year.",
        [("a quarter", 0.25, "fraction", None)],
    ),
    "cut-by-half-stop": ("Waiting lists were cut by half.", [("half", 0.5, "fraction", None)]),
    "more-than-a-third-before-in": (
        "Costs rose by more than a third in 2024.",
        [("a third", 1 / 3, "fraction", None)],
    ),
    "almost-a-fifth-comma": (
        "Demand grew by almost a fifth, the report said.",
        [("a fifth", 0.2, "fraction", None)],
    ),
    "around-half-since": (
        "Thefts have fallen by around half since the scheme began.",
        [("half", 0.5, "fraction", None)],
    ),
    "upper-case-dash": (
        "COMPLAINTS ROSE BY A THIRD – A RECORD",
        [("A THIRD", 1 / 3, "fraction", None)],
    ),
    "just-over-a-tenth-bracket": (
        "Spending on agency staff went up by just over a tenth (£4.1m).",
        [("a tenth", 0.1, "fraction", None), ("£4.1m", 4100000, "money", "GBP")],
    ),
    "by-a-quarter-compared": (
        "Delays fell by a quarter compared with last winter.",
        [("a quarter", 0.25, "fraction", None)],
    ),
}

FRACTION_BY_NOT = _named(
    "fraction-by-not",
    [
        "The work went to a third party.",  # no "by"
        "It was delayed by a third party supplier.",  # a noun follows
        "Schools close by half-term.",  # a hyphen: another word
        "They met by half time.",
        "It ended by a quarter past nine.",
        "Costs rose by third parties' fees.",  # no article
    ],
)

# "these" and "those" after "of" and before a noun or a number are determiners: the count
# takes the noun (171 of them, 12 of these were late: the earlier count's noun).
OF_THESE = {
    "out-of-of-these": (
        "In 3 out of 4 of these cases, we proposed early resolution.",
        [("3", 3, "cardinal", "cases"), ("4", 4, "cardinal", "cases")],
    ),
    "of-those-noun": (
        "The Ombudsman upheld 12 of those complaints.",
        [("12", 12, "cardinal", "complaints")],
    ),
    "of-those-number": (
        "It reviewed 41 of those 60 cases.",
        [("41", 41, "cardinal", "cases"), ("60", 60, "cardinal", "cases")],
    ),
    "words-of-these-curly": (
        "Officers visited ‘nine of these 14 sites’ in May.",
        [("nine", 9, "cardinal", "sites"), ("14", 14, "cardinal", "sites")],
    ),
    "pronoun-before-verb-stays-back": (
        "Of 80 reports, 12 of these were late and 5 of them were lost.",
        [
            ("80", 80, "cardinal", "reports"),
            ("12", 12, "cardinal", "reports"),
            ("5", 5, "cardinal", "reports"),
        ],
    ),
    "pronoun-before-comma-stays-back": (
        "The board met 30 families; 8 of those, in the end, moved.",
        [("30", 30, "cardinal", "families"), ("8", 8, "cardinal", "families")],
    ),
}

# "zone" is a label (fare zones): zone 1-6, zones 2 to 4.
ZONES = {
    "zone-range": (
        "A zone 1-6 travel card costs £440 more.",
        [("£440", 440, "money", "GBP")],
    ),
    "zones-to": (
        "Zones 2 to 4 will see 12 new stations.",
        [("12", 12, "cardinal", "new stations")],
    ),
    "zone-count-after": (
        "The city has six fare zones.",
        [("six", 6, "cardinal", "fare zones")],
    ),
}


# "pp" glued to digits: percentage points, as rail and survey statistics write them
PERCENTAGE_POINTS = {
    "glued-pp": (
        "Punctuality improved by 9pp to 70.9%.",
        [("9pp", 9, "cardinal", "pp"), ("70.9%", 70.9, "percent", "percent")],
    ),
    "decimal-pp": ("Cancellations were down 0.1pp.", [("0.1pp", 0.1, "cardinal", "pp")]),
    "upper-case-pp-bracket": (
        "Trust rose (up 2.5PP) in Wales.",
        [("2.5PP", 2.5, "cardinal", "PP")],
    ),
    "pp-not-pages-before": (
        "See pp 70-73 and the 4pp summary.",
        [("4pp", 4, "cardinal", "pp")],
    ),
    "other-glued-letters-no-quantity": ("Nitrate stood at 10ppm.", []),
}


# A range whose first term has no scale or currency shares the second's (audit reports)
SHARED_SCALE = {
    "money-dash-glued": (
        "The scheme costs £5-10m a year.",
        [("£5", 5000000, "money", "GBP"), ("10m", 10000000, "money", "GBP")],
    ),
    "money-both-signs-spaced-scale": (
        "Repairs will cost £10-£15 million.",
        [("£10", 10000000, "money", "GBP"), ("£15 million", 15000000, "money", "GBP")],
    ),
    "money-to": (
        "It needs £2 to £3 billion over a decade.",
        [("£2", 2000000000, "money", "GBP"), ("£3 billion", 3000000000, "money", "GBP")],
    ),
    "money-en-dash-decimal": (
        "Savings of £1.5–2bn are expected.",
        [("£1.5", 1500000000, "money", "GBP"), ("2bn", 2000000000, "money", "GBP")],
    ),
    "money-between-and": (
        "Parks add between €4 and €6 billion (a year).",
        [("€4", 4000000000, "money", "EUR"), ("€6 billion", 6000000000, "money", "EUR")],
    ),
    "money-second-has-its-own-scale": (
        "Budgets of £2m to 3m were set.",
        [("£2m", 2000000, "money", "GBP"), ("3m", 3000000, "money", "GBP")],
    ),
    "count-dash-million": (
        "Between 2-3 million people use it.",
        [("2", 2000000, "cardinal", "people"), ("3 million", 3000000, "cardinal", "people")],
    ),
    # not shared: the first is the larger, no scale on the second, "and" without "between"
    "first-larger-keeps-its-value": (
        "Visitors grew from 800 to 1.2 million.",
        [("800", 800, "cardinal", "Visitors"), ("1.2 million", 1200000, "cardinal", "Visitors")],
    ),
    "no-scale-after": (
        "Fines rose from £80 to £100 and 5-10 officers agreed.",
        [
            ("£80", 80, "money", "GBP"),
            ("£100", 100, "money", "GBP"),
            ("5", 5, "cardinal", "officers"),
            ("10", 10, "cardinal", "officers"),
        ],
    ),
    "and-without-between": (
        "It spent £2 and 3 million people saw it.",
        [("£2", 2, "money", "GBP"), ("3 million", 3000000, "cardinal", "people")],
    ),
    "count-after-money-has-its-noun": (
        "It gave £500 to 40 charities.",
        [("£500", 500, "money", "GBP"), ("40", 40, "cardinal", "charities")],
    ),
    "and-then-a-verb-is-no-range": (
        "It spent £2m and 30 were hired.",
        [("£2m", 2000000, "money", "GBP"), ("30", 30, "cardinal", None)],
    ),
}


# fmt: off
RANGE_PIECES = st.sampled_from([
    "-", "\u2013", " ", "to", "and", "an", "t", "£", "€", "1", "2.5", "m", "bn", "million", "x",
    ",",
])
# fmt: on


@settings(max_examples=500, deadline=None)
@given(st.lists(RANGE_PIECES, max_size=8).map("".join))
def test_range_link_gate_hides_no_second_term(text: str) -> None:
    """_range_link_at turns away no place where the second term's regex matches."""
    for e in range(len(text) + 1):
        if N._RANGE_NEXT_RE.match(text, e):
            assert N._range_link_at(text, e), e


# fmt: off
LINK_PIECES = st.sampled_from([
    "-", "\u2013", " ", "\n", "to", "To", "and", "an", "t", "o", "£", "€", "1", "2.5", "m",
    "bn", "million", "x", ",", ".", "'", "too", "andy",
])
# fmt: on


@settings(max_examples=1000, deadline=None)
@given(st.lists(LINK_PIECES, max_size=10).map("".join))
def test_range_link_gate_in_amount_turns_away_no_link(text: str) -> None:
    """The look at the run after a number (or, with none, at a dash) that spares most numbers
    the call of _range_link_at in _amount passes every place where it would say True."""
    for e in range(len(text) + 1):
        if N._range_link_at(text, e):
            ws = N._run(text, e)
            gate = (
                ws.raw[0] in N._LINK_WORDS if ws is not None else text[e : e + 1] in N._RANGE_DASHES
            )
            assert gate, e


def test_a_point_decimal_before_a_fraction_is_read_without_error() -> None:
    """``3 point 5 1/2``: no mixed fraction is read after a decimal (it raised ValueError)."""
    assert numbers("It rose 3 point 5 1/2 times.") == [
        ("3 point 5", 3.5, "cardinal", None),
        ("1/2", 0.5, "fraction", "times"),
    ]


# --- round 7: verbs that are also nouns, short units, ranges after a change -----------------

# A lower-case word of verbs_like_nouns after a count above one, before a preposition, a
# determiner, an adverb or a stop, is a verb: the count takes the earlier count's noun.
VERB_LIKE_NOUNS = {
    "led-to": (
        "Of the 40 complaints, 12 led to redress.",
        [("40", 40, "cardinal", "complaints"), ("12", 12, "cardinal", "complaints")],
    ),
    "of-whom-work-part-time": (
        "It has 400 staff, of whom 312 work part-time.",
        [("400", 400, "cardinal", "staff"), ("312", 312, "cardinal", "staff")],
    ),
    "care-for-and-set-up": (
        "Of 50 families, 20 care for a relative and 3 set up a group.",
        [
            ("50", 50, "cardinal", "families"),
            ("20", 20, "cardinal", "families"),
            ("3", 3, "cardinal", "families"),
        ],
    ),
    "adverb-in-ly": (
        "Of 30 officers, 12 work locally.",
        [("30", 30, "cardinal", "officers"), ("12", 12, "cardinal", "officers")],
    ),
    "words-before-the": (
        "Kelby has 90 volunteers; forty help the library.",
        [("90", 90, "cardinal", "volunteers"), ("forty", 40, "cardinal", "volunteers")],
    ),
    "at-a-stop": (
        "Of the 15 cases reviewed, 9 were closed and 6 cost.",
        [
            ("15", 15, "cardinal", "cases"),
            ("9", 9, "cardinal", "cases"),
            ("6", 6, "cardinal", "cases"),
        ],
    ),
    # nouns: upper case, a noun after, a count of one
    "upper-case-led-is-a-noun": (
        "The council fitted 120 LED streetlights.",
        [("120", 120, "cardinal", "LED streetlights")],
    ),
    "noun-after": (
        "The firm offers 12 work placements and 40 care homes.",
        [("12", 12, "cardinal", "work placements"), ("40", 40, "cardinal", "care homes")],
    ),
    "one-report-is-a-noun": (
        "Ashby sent one report to the board.",
        [("one", 1, "cardinal", "report")],
    ),
    "capitalised-work": (
        "It runs 3 Work Clubs in Kelby.",
        [("3", 3, "cardinal", "Work Clubs")],
    ),
}

# After a unit written short (km, sq, ha), a word in -s before "to", or one of
# verbs_after_and, is a verb and ends the unit.
SHORT_UNIT_VERBS = {
    "lies-to": (
        "The park covers 1,400 sq km lies to the north.",
        [("1,400", 1400, "cardinal", "sq km")],
    ),
    "covers": (
        "The 1,400 sq km covers the whole county.",
        [("1,400", 1400, "cardinal", "sq km")],
    ),
    "ha-runs-to": (
        "Its 20 ha extends to the river.",
        [("20", 20, "cardinal", "ha")],
    ),
    # nouns after a short unit stay in it
    "noun-after-ha": ("It has 20 ha sites.", [("20", 20, "cardinal", "ha sites")]),
    "noun-then-determiner": (
        "The 40 kWh batteries the council bought.",
        [("40", 40, "cardinal", "kWh batteries")],
    ),
    "plural-before-determiner-still-a-verb": (
        "The 3 wards needs the work.",
        [("3", 3, "cardinal", "wards")],
    ),
}

# A bare count after "from", "to" or "by" with no earlier count's noun counts the plural noun
# before the sentence's change verb (change_subjects).
CHANGE_SUBJECT = {
    "range-after-percentage": (
        "Visits rose 5% (from 2,428 to 2,566).",
        [
            ("5%", 5, "percent", "percent"),
            ("2,428", 2428, "cardinal", "Visits"),
            ("2,566", 2566, "cardinal", "Visits"),
        ],
    ),
    "auxiliary-between-by": (
        "Reported burglaries have fallen by 74 to 310.",
        [("74", 74, "cardinal", "burglaries"), ("310", 310, "cardinal", "burglaries")],
    ),
    "second-sentence": (
        "The report is out. Call-outs went up from 41 to 57.",
        [("41", 41, "cardinal", "Call-outs"), ("57", 57, "cardinal", "Call-outs")],
    ),
    "lower-case-inside": (
        "It said missed bins fell from 900 to 610.",
        [("900", 900, "cardinal", "bins"), ("610", 610, "cardinal", "bins")],
    ),
    # no plural noun before the verb, or a name inside the sentence: no unit
    "singular-subject": (
        "Crime rose 5% (from 2,428 to 2,566).",
        [
            ("5%", 5, "percent", "percent"),
            ("2,428", 2428, "cardinal", None),
            ("2,566", 2566, "cardinal", None),
        ],
    ),
    "pronoun-subject": (
        "It rose from 12 to 15.",
        [("12", 12, "cardinal", None), ("15", 15, "cardinal", None)],
    ),
    "capitalised-inside": (
        "Fires in Ashby fell from 120 to 98.",
        [("120", 120, "cardinal", None), ("98", 98, "cardinal", None)],
    ),
    "no-change-verb": (
        "Visitors came from 12 to 15 May.",
        [],
    ),
    "subject-after-an-earlier-count": (
        "There were 300 calls; reports rose from 12 to 15.",
        [
            ("300", 300, "cardinal", "calls"),
            ("12", 12, "cardinal", "reports"),
            ("15", 15, "cardinal", "reports"),
        ],
    ),
    "earlier-count-after-the-subject-wins": (
        "Fires rose: 30 homes were hit, up from 12.",
        [("30", 30, "cardinal", "homes"), ("12", 12, "cardinal", "homes")],
    ),
}

# An age in commas or brackets right after a full name or a person's noun (ages.people),
# as police and court releases give it.
AGE_BESIDE_NAME = {
    "two-names-in-commas": (
        "Tom Hale, 41, and Ann Cole, 38, both of Kelby, were jailed.",
        [("41", 41, "cardinal", "years"), ("38", 38, "cardinal", "years")],
    ),
    "person-noun": (
        "The defendant, 27, admitted the offence.",
        [("27", 27, "cardinal", "years")],
    ),
    "brackets": ("Ann Cole (34) from Ashby was charged.", [("34", 34, "cardinal", "years")]),
    "rank-then-name": ("Sgt Ann Cole, 41, said she was proud.", [("41", 41, "cardinal", "years")]),
    "at-a-stop": ("They arrested Tom Hale, 19.", [("19", 19, "cardinal", "years")]),
    "upper-case-person-noun": (
        "A Woman, 52, was taken to hospital.",
        [("52", 52, "cardinal", "years")],
    ),
    # not an age: a place or body, a stop word before the name, too large, a count's comma
    "stop-word-opens": ("In Ashby, 34, homes were flooded.", [("34", 34, "cardinal", None)]),
    "body-name": (
        "Kelby Council, 12, Ashby Council, 9.",
        [("12", 12, "cardinal", None), ("9", 9, "cardinal", None)],
    ),
    "too-large": ("Tom Hale, 4,000, was there.", [("4,000", 4000, "cardinal", None)]),
    "over-the-limit": ("Ann Cole, 140, was there.", [("140", 140, "cardinal", None)]),
    "places-in-brackets": (
        "Figures for Ashby (34) and Kelby (12) are out.",
        [("34", 34, "cardinal", None), ("12", 12, "cardinal", None)],
    ),
    "lower-case-noun": ("The council, 12, said.", [("12", 12, "cardinal", None)]),
    "decimal": ("Ann Cole, 4.5, was there.", [("4.5", 4.5, "cardinal", None)]),
}

# Sums, sentences and rates as councils, courts, regulators and NHS trusts write them.
SUMS_AND_RATES = {
    "million-a-year": (
        "The scheme will cost £3.5 million-a-year to run.",
        [("£3.5 million", 3500000, "money", "GBP")],
    ),
    "billion-a-day": (
        "It brings in £2 billion-a-day.",
        [("£2 billion", 2000000000, "money", "GBP")],
    ),
    "million-strong-is-no-rate": (
        "It has 3 million-strong members.",
        [("3", 3, "cardinal", "million-strong members")],
    ),
    "hyphenated-and-a-half": (
        "He was jailed for three-and-a-half years.",
        [("three-and-a-half", 3.5, "cardinal", "years")],
    ),
    "hyphenated-and-a-half-compound": (
        "She was given a two-and-a-half-year sentence.",
        [("two-and-a-half", 2.5, "cardinal", "year")],
    ),
    "and-a-half-thousand": (
        "Two-and-a-half thousand people came.",
        [("Two-and-a-half thousand", 2500, "cardinal", "people")],
    ),
    "last-year-ends-the-unit": (
        "About 2.5 million people use it, up from 2.1 million last year.",
        [
            ("2.5 million", 2500000, "cardinal", "people"),
            ("2.1 million", 2100000, "cardinal", "people"),
        ],
    ),
    "next-year-ends-the-unit": ("It will hire 40 next year.", [("40", 40, "cardinal", None)]),
    "last-minute-stays": (
        "It had 12 last-minute cancellations.",
        [("12", 12, "cardinal", "last-minute cancellations")],
    ),
    "rate-per-population": (
        "The rate was 12.4 per 1,000 population.",
        [("12.4", 12.4, "cardinal", "per 1,000 population")],
    ),
    "rate-with-its-noun": (
        "There were 8.1 deaths per 100,000 people.",
        [("8.1", 8.1, "cardinal", "deaths")],
    ),
    "rate-no-noun-after": ("It recorded 45 per 1,000.", [("45", 45, "cardinal", "per 1,000")]),
    "court-costs-and-surcharge": (
        "She was fined £2,000 and ordered to pay costs of £1,500 and a victim surcharge of £190.",
        [
            ("£2,000", 2000, "money", "GBP"),
            ("£1,500", 1500, "money", "GBP"),
            ("£190", 190, "money", "GBP"),
        ],
    ),
    # not rates: a decimal, a percentage or a word after "per"
    "per-decimal": (
        "The target is 5 per 1.5 hours.",
        [("5", 5, "cardinal", None), ("1.5", 1.5, "cardinal", "hours")],
    ),
    "per-percentage": (
        "It sold 12 per 100%.",
        [("12", 12, "cardinal", None), ("100%", 100, "percent", "percent")],
    ),
    "per-day-and-per-cent": (
        "Staff made 3 per day and 40 per cent were late.",
        [("3", 3, "cardinal", None), ("40 per cent", 40, "percent", "percent")],
    ),
}

# Fire and rescue and safety releases: pumps, tonnes, metres glued as "m", a spaced
# "year-old", rpm.
FIRE_AND_SAFETY = {
    "pump-fire": ("Crews were called to a 10-pump fire.", [("10", 10, "cardinal", "pump")]),
    "words-pump-and-storey": (
        "It was a six-pump fire at a three-storey house.",
        [("six", 6, "cardinal", "pump"), ("three", 3, "cardinal", "storey")],
    ),
    "tonne-compound": ("A four-tonne hammer fell.", [("four", 4, "cardinal", "tonne")]),
    "spaced-year-old": (
        "The 58 year-old victim was hurt.",
        [("58", 58, "cardinal", "year")],
    ),
    "metres-ladder": ("Crews used a 13.5m ladder.", [("13.5m", 13.5, "cardinal", "m")]),
    "metres-by-metres": (
        "The fire spread to a 10m x 5m area.",
        [("10m", 10, "cardinal", "m"), ("5m", 5, "cardinal", "m")],
    ),
    "metres-high": ("The wall is 2m high.", [("2m", 2, "cardinal", "m")]),
    "metres-hyphen-long": ("A 1.5m-long pipe burst.", [("1.5m", 1.5, "cardinal", "m")]),
    "rpm": (
        "The blade was rotating at 18,000rpm.",
        [("18,000rpm", 18000, "cardinal", "rpm")],
    ),
    # millions: a plural noun, a sum's noun, "of", a currency, no noun
    "million-people": (
        "Around 1.2m people live here.",
        [("1.2m", 1200000, "cardinal", "people")],
    ),
    "million-budget": ("A 2m budget was set.", [("2m", 2000000, "cardinal", "budget")]),
    "million-of": ("It has 2m of cable.", [("2m", 2000000, "cardinal", "cable")]),
    "million-money-before-high": ("It costs £3m high.", [("£3m", 3000000, "money", "GBP")]),
    "million-alone": ("It fell by 2m.", [("2m", 2000000, "cardinal", None)]),
    "glued-hours-and-minutes": (
        "Crews spent 4hrs 30mins at the scene.",
        [("4hrs", 4, "cardinal", "hrs"), ("30mins", 30, "cardinal", "mins")],
    ),
    "other-glued-letters-stay-identifiers": ("It used the 4hx and 30mx codes.", []),
}


# --- the tables of cases, each read by the test of its shape ---------------------------------


@pytest.mark.parametrize(
    "text",
    [*NOT_NUMBERS.values(), *ARTICLE_MONEY_NOT.values()],
    ids=[*NOT_NUMBERS, *ARTICLE_MONEY_NOT],
)
def test_not_numbers(text: str) -> None:
    assert numbers(text) == []


# CASES and the tables of forms seen on real pages, read exactly
EXACT = [
    CASES,
    REAL_PAGE_FORMS,
    PC_PERCENT,
    HALF_ALONE,
    FRACTION_BY,
    OF_THESE,
    ZONES,
    PERCENTAGE_POINTS,
    SHARED_SCALE,
    VERB_LIKE_NOUNS,
    SHORT_UNIT_VERBS,
    CHANGE_SUBJECT,
    AGE_BESIDE_NAME,
    SUMS_AND_RATES,
    FIRE_AND_SAFETY,
]


@pytest.mark.parametrize(
    "text, expected",
    [case for table in EXACT for case in table.values()],
    ids=[name for table in EXACT for name in table],
)
def test_numbers_and_units(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert numbers(text) == expected


# values such as 1/3 read to a float's precision
APPROX = [RATIOS, FRACTION_ALONE, ARTICLE_MONEY]


@pytest.mark.parametrize(
    "text, expected",
    [case for table in APPROX for case in table.values()],
    ids=[name for table in APPROX for name in table],
)
def test_numbers_to_a_floats_precision(
    text: str, expected: list[tuple[str, float, str, str | None]]
) -> None:
    assert_numbers_approx(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [*RATIOS_NOT.values(), *AGE_DASH.values()],
    ids=[*RATIOS_NOT, *AGE_DASH],
)
def test_numbers_and_their_units(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(t, u) for t, _v, _k, u in numbers(text)] == expected


NOT_FRACTIONS = [FRACTION_NOT, HALF_NOT, FRACTION_BY_NOT]


@pytest.mark.parametrize(
    "text",
    [case for table in NOT_FRACTIONS for case in table.values()],
    ids=[name for table in NOT_FRACTIONS for name in table],
)
def test_no_fraction_is_read(text: str) -> None:
    assert all(kind != "fraction" for _t, _v, kind, _u in numbers(text))


# Round 8, police appeals: an age band, a decade's digits with a glued "s" after "in his" /
# "her" / "their" (a part of the decade between or not), counts years from the decade.
AGE_BANDS = {
    "band-her": ("A woman in her 20s was hurt.", [("20s", 20, "cardinal", "years")]),
    "band-his-part": (
        "Police want to trace a man in his late 40s.",
        [("40s", 40, "cardinal", "years")],
    ),
    "band-mid-hyphen": ("The driver, in his mid-30s, fled.", [("30s", 30, "cardinal", "years")]),
    "band-or-band": (
        "She is in her late 20s or early 30s.",
        [("20s", 20, "cardinal", "years"), ("30s", 30, "cardinal", "years")],
    ),
    "band-their-and": (
        "The pair, in their 70s and 80s, were rescued by 4 firefighters.",
        [
            ("70s", 70, "cardinal", "years"),
            ("80s", 80, "cardinal", "years"),
            ("4", 4, "cardinal", "firefighters"),
        ],
    ),
    "band-dash": (
        "Both men are in their 50s - 60s.",
        [("50s", 50, "cardinal", "years"), ("60s", 60, "cardinal", "years")],
    ),
    "band-sentence-start": ("In his 20s he moved to Kelby.", [("20s", 20, "cardinal", "years")]),
}

AGE_BANDS_NOT = {
    "decade": "Music from the 1990s and the 20s was played in the 60s.",
    "no-possessive": "In the 40s the town grew; Her 20s were happy.",
    "not-a-decade": "In his 25s and in her 05s, in his 100s.",
    "glued-word": "Kelby in his 20sx tour.",
    "other-possessive": "In its 20s and in our 30s.",
}


@pytest.mark.parametrize("case", AGE_BANDS.values(), ids=AGE_BANDS.keys())
def test_an_age_band_counts_years(case: tuple[str, list[tuple[str, int, str, str]]]) -> None:
    text, expected = case
    assert numbers(text) == expected


@pytest.mark.parametrize("text", AGE_BANDS_NOT.values(), ids=AGE_BANDS_NOT.keys())
def test_other_decades_are_no_age_band(text: str) -> None:
    assert numbers(text) == []


# A police log's number after "quoting" (Northern Ireland's appeals: "quoting 1590 20/07/23"),
# before "of" or a date's digits, is a reference; a count after "quoting" stays a count.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Call 101 quoting 1590 20/07/23.", []),
        ("Call 101 quoting 412 of 3 May 2025.", []),
        ("Call 101 quoting serial 77 of 4/5/24.", []),
        ("Ring 101 Quoting 1590 of 20/07/23.", []),
        ("The review, quoting 3 studies, found 40 cases.", [("3", "studies"), ("40", "cases")]),
        ("He is quoting 12 officers.", [("12", "officers")]),
        ("Quoting 1590, call 101.", [("1590", None)]),
    ],
)
def test_a_number_after_quoting_is_a_log_reference_before_its_date(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(t, u) for t, _v, _k, u in numbers(text)] == expected


# Round 8, police descriptions: feet and inches (and pounds and ounces) glued to their digits.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("He is described as 6ft tall.", [("6ft", 6, "cardinal", "ft")]),
        (
            "He is around 5ft 10in tall.",
            [("5ft", 5, "cardinal", "ft"), ("10in", 10, "cardinal", "in")],
        ),
        ("She is 5ft 4ins, slim.", [("5ft", 5, "cardinal", "ft"), ("4ins", 4, "cardinal", "ins")]),
        (
            "The baby weighed 7lb 2oz.",
            [("7lb", 7, "cardinal", "lb"), ("2oz", 2, "cardinal", "oz")],
        ),
        (
            "A 12in pipe burst 100yds away.",
            [("12in", 12, "cardinal", "in"), ("100yds", 100, "cardinal", "yds")],
        ),
        ("It was 1in10 and 2in1.", []),
        ("The 3rd in line, 4th in all.", []),
    ],
)
def test_feet_inches_and_pounds_glued_to_digits(
    text: str, expected: list[tuple[str, int, str, str]]
) -> None:
    assert numbers(text) == expected


# Round 8, NI and police pages: four digits that read as a 24-hour clock with "hrs" glued on
# ("between 1800hrs and 0800hrs", "at 2230hrs") are a time of day, not a count of hours.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Open between 1800hrs and 0800hrs on weekdays.", []),
        ("Officers were called at 2230hrs, and at 1015hr.", []),
        ("Volunteers gave 2500hrs and 1860hrs.", [("2500hrs", "hrs"), ("1860hrs", "hrs")]),
        (
            "It took 4hrs, then 100hrs, then 1,800hrs.",
            [("4hrs", "hrs"), ("100hrs", "hrs"), ("1,800hrs", "hrs")],
        ),
    ],
)
def test_a_clock_time_with_hrs_is_no_count(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, u) for t, _v, _k, u in numbers(text)] == expected


# Round 8, Welsh public bodies' pages (the Senedd's record, Welsh Government releases): the
# Welsh scale words after digits ("£13 miliwn", "£2.5 biliwn", "3 miliwn o bobl").
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mae £13 miliwn eleni ar gyfer ynni.", [("£13 miliwn", 13_000_000, "money", "GBP")]),
        ("Bydd £2.5 biliwn ar gael.", [("£2.5 biliwn", 2_500_000_000, "money", "GBP")]),
        ("Mae 3 miliwn o bobl.", [("3 miliwn", 3_000_000, "cardinal", "o bobl")]),
        ("Cost: £1 triliwn.", [("£1 triliwn", 1_000_000_000_000, "money", "GBP")]),
        (
            "Mae 13 milltir a £5 mil.",
            [("13", 13, "cardinal", "milltir"), ("£5", 5, "money", "GBP")],
        ),
    ],
)
def test_welsh_scale_words_after_digits(
    text: str, expected: list[tuple[str, int, str, str | None]]
) -> None:
    assert numbers(text) == expected


# Welsh counts: "o" ("of") and one noun after the number are the unit ("60,000 o gartrefi yn
# gynhesach" counts "o gartrefi", not the rest of the clause).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mae 60,000 o gartrefi yn gynhesach ers hynny.", [("60,000", "o gartrefi")]),
        ("Cafodd ei garcharu am 17 o flynyddoedd am droseddau.", [("17", "o flynyddoedd")]),
        ("Roedd dros 100,000 o bobl yn cystadlu.", [("100,000", "o bobl")]),
        ("It opens at 5 o'clock for 12 staff.", [("12", "staff")]),
        ("Kelby won 3 o 4 gemau.", [("3", None), ("4", "gemau")]),
    ],
)
def test_a_welsh_count_takes_o_and_its_noun(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(t, u) for t, _v, _k, u in numbers(text)] == expected
