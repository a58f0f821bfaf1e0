"""Date expressions, on sentences written for these tests (not copied from the fixtures)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import dates
from pipeline.extract.dates import find_dates
from pipeline.extract.numbers import find_numbers
from pipeline.normalize import (
    ORDINAL_WORDS,
    fold,
    iso_month_end,
    month_number,
    months_to,
    months_to_day,
    second_year,
    shift_month,
)
from tests.bounds import SHORT_LINES, run_big


def spans(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(d.text, d.start_date, d.end_date, d.granularity) for d in find_dates(text)]


def assert_day(text: str, written: str, day: str) -> None:
    """``written`` is read in ``text`` as the one day ``day``."""
    got = {d.text: (d.start_date, d.end_date) for d in find_dates(text)}
    assert got[written] == (day, day), got


def assert_date(text: str, expected: tuple[str, str, str], at: int | None = None) -> None:
    """The date item ``at`` of ``text`` (its only one when None) is ``expected``: its text, first
    day and last day."""
    got = find_dates(text)
    if at is None:
        (d,) = got
    else:
        d = got[at]
    assert (d.text, d.start_date, d.end_date) == expected


# (sentence, [(text, start, end, granularity), ...])
CASES = {
    "day-month-year": (
        "The council was told on 4 March 2019 that funding would stop.",
        [("4 March 2019", "2019-03-04", "2019-03-04", "day")],
    ),
    "weekday-and-comma": (
        "The findings were released on Wednesday, 11 July 2018 at noon.",
        [("Wednesday, 11 July 2018", "2018-07-11", "2018-07-11", "day")],
    ),
    "ordinal-day": (
        "Visits ended on the 21st of November 2022.",
        [("21st of November 2022", "2022-11-21", "2022-11-21", "day")],
    ),
    "us-order": (
        "Letter dated August 2, 2021 from the trust.",
        [("August 2, 2021", "2021-08-02", "2021-08-02", "day")],
    ),
    "month-year-and-abbreviations": (
        "Surveys ran in Feb 2020, in Sept. 2020 and in OCTOBER 2020.",
        [
            ("Feb 2020", "2020-02-01", "2020-02-29", "month"),
            ("Sept. 2020", "2020-09-01", "2020-09-30", "month"),
            ("OCTOBER 2020", "2020-10-01", "2020-10-31", "month"),
        ],
    ),
    "year-alone": (
        "Since 2017 the unit has doubled in size.",
        [("2017", "2017-01-01", "2017-12-31", "year")],
    ),
    "between-months": (
        "Files closed between August and October 2015 were read.",
        [("between August and October 2015", "2015-08-01", "2015-10-31", "month")],
    ),
    "from-months-across-new-year": (
        "Cases from November to February 2021 were sampled.",
        [("from November to February 2021", "2020-11-01", "2021-02-28", "month")],
    ),
    "month-dash-month": (
        "Data for Jan\u2013Mar 2024 is provisional.",
        [("Jan\u2013Mar 2024", "2024-01-01", "2024-03-31", "month")],
    ),
    "month-and-month-is-one-period": (
        "Inspectors were on site in May and June 2023.",
        [("May and June 2023", "2023-05-01", "2023-06-30", "month")],
    ),
    "months-with-own-years-are-two-dates": (
        "It was rated in March 2015 and again in June 2017.",
        [
            ("March 2015", "2015-03-01", "2015-03-31", "month"),
            ("June 2017", "2017-06-01", "2017-06-30", "month"),
        ],
    ),
    "day-range": (
        "Hearings were observed from 8 to 12 May 2017.",
        [("from 8 to 12 May 2017", "2017-05-08", "2017-05-12", "day")],
    ),
    "lead-word-at-text-start": (
        "Between 6 and 9 June 2022 the unit was shut.",
        [("Between 6 and 9 June 2022", "2022-06-06", "2022-06-09", "day")],
    ),
    "between-days": (
        "The team visited between 2 and 9 December 2020.",
        [("between 2 and 9 December 2020", "2020-12-02", "2020-12-09", "day")],
    ),
    "cross-month-days": (
        "Fieldwork ran from 29 September to 3 October 2019.",
        [("from 29 September to 3 October 2019", "2019-09-29", "2019-10-03", "day")],
    ),
    "line-break-and-nbsp-inside": (
        "The Area was visited between\nFebruary and\u00a0April 2014 by a small team.",
        [("between\nFebruary and\u00a0April 2014", "2014-02-01", "2014-04-30", "month")],
    ),
    "financial-year-dash": (
        "Spending in 2019\u201320 was lower.",
        [("2019\u201320", "2019-04-01", "2020-03-31", "financial_year")],
    ),
    "financial-year-slashes": (
        "Targets for 2022/23 and 2016/2017 were missed.",
        [
            ("2022/23", "2022-04-01", "2023-03-31", "financial_year"),
            ("2016/2017", "2016-04-01", "2017-03-31", "financial_year"),
        ],
    ),
    "financial-year-across-century": (
        "Records from 1999-00 survive.",
        [("1999-00", "1999-04-01", "2000-03-31", "financial_year")],
    ),
    "multi-year-span-is-years": (
        "The 2024\u201327 programme starts soon.",
        [("2024\u201327", "2024-01-01", "2027-12-31", "year")],
    ),
    "between-years": (
        "Arrests fell between 2012 and 2014.",
        [("between 2012 and 2014", "2012-01-01", "2014-12-31", "year")],
    ),
    "two-years-with-and": (
        "Surveys in 2012 and 2014 agree.",
        [
            ("2012", "2012-01-01", "2012-12-31", "year"),
            ("2014", "2014-01-01", "2014-12-31", "year"),
        ],
    ),
    "year-to": (
        "In the year to June 2021, arrests rose.",
        [("the year to June 2021", "2020-07-01", "2021-06-30", "month")],
    ),
    "twelve-months-ending-day": (
        "In the 12 months ending 30 September 2018 it paid out.",
        [("the 12 months ending 30 September 2018", "2017-10-01", "2018-09-30", "day")],
    ),
    "quarter": (
        "Q2 2022 figures are due.",
        [("Q2 2022", "2022-04-01", "2022-06-30", "month")],
    ),
    "iso-and-numeric": (
        "Stamped 2015-07-09 and 09/07/2015.",
        [
            ("2015-07-09", "2015-07-09", "2015-07-09", "day"),
            ("09/07/2015", "2015-07-09", "2015-07-09", "day"),
        ],
    ),
    "financial-year-in-words": (
        "Spending for the financial year 2018 to 2019 rose.",
        [("2018 to 2019", "2018-04-01", "2019-03-31", "financial_year")],
    ),
    "span-of-financial-years": (
        "Budgets from 2015/16 to 2017/18 fell.",
        [("from 2015/16 to 2017/18", "2015-04-01", "2018-03-31", "financial_year")],
    ),
    "numeric-with-dashes": (
        "Signed 05-11-2020 by the governor.",
        [("05-11-2020", "2020-11-05", "2020-11-05", "day")],
    ),
    "two-digit-year-label": (
        "See the summary (Mar 19) for details.",
        [("Mar 19", "2019-03-01", "2019-03-31", "month")],
    ),
    "two-full-days-joined-by-and": (
        "Visits took place on 1st July 2021 and Friday 3 July 2021.",
        [
            ("1st July 2021", "2021-07-01", "2021-07-01", "day"),
            ("Friday 3 July 2021", "2021-07-03", "2021-07-03", "day"),
        ],
    ),
    "between-two-full-days": (
        "It ran between 1 July 2021 and 3 July 2021.",
        [("between 1 July 2021 and 3 July 2021", "2021-07-01", "2021-07-03", "day")],
    ),
    "quarter-of-a-financial-year": (
        "Q3 2021/22 and Q4 2021-22 figures are due.",
        [
            ("Q3 2021/22", "2021-10-01", "2021-12-31", "month"),
            ("Q4 2021-22", "2022-01-01", "2022-03-31", "month"),
        ],
    ),
    "quarter-before-a-span-that-is-not-a-financial-year": (
        "Q3 2021/25 figures are due.",
        [("Q3 2021", "2021-07-01", "2021-09-30", "month")],
    ),
    "three-months-to-a-day": (
        "In the three months to 30 June 2022 arrests rose.",
        [("the three months to 30 June 2022", "2022-04-01", "2022-06-30", "day")],
    ),
    "quarter-ending-a-month": (
        "In the quarter ending September 2020 arrests rose.",
        [("the quarter ending September 2020", "2020-07-01", "2020-09-30", "month")],
    ),
    "year-ending-mid-month": (
        "In the year ending 15 March 2025 arrests rose.",
        [("the year ending 15 March 2025", "2024-03-16", "2025-03-15", "day")],
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_date_expressions(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert spans(text) == expected


NOT_DATES = {
    "covid": "Staff absence during the Covid-19 pandemic rose.",
    "comma-number": "The force has 2,016 officers and 1,950 staff.",
    "money": "It spent £2019 on stationery.",
    "phone": "Ring the press office on 0300 123 2019.",
    "pages": "See pages 70-73 and paragraph 20.19 of the report.",
    "version": "Published under licence v2.0.",
    "emergency": "Only 61% of 999 calls were answered.",
    "decade": "Buildings from the 1960s need repair.",
    "counted-four-digits": "The trust employs 2020 staff across the county.",
    "percent": "Of the total, 1995 per cent is a typo.",
    "glued-id": "Route A2019 and code X1999 are not years.",
    "month-word-as-name": "Inspector May Jones and Marcus Trent attended.",
    "web-address": "Read it at www.example.gov.uk/peel-2021/report online.",
    "lower-may-verb": "Staff may 2015 targets miss.",
    "lower-march-verb": "They will march 2020 metres.",
    "lower-no-year": "We may 5 times.",
    "us-order-impossible": "The code 10/31/1974 was read.",
    "day-then-paragraph-month": "Turn to table 16\n\nSeptember is when it starts.",
    "day-then-blank-line-month": "Page 16\n \nMarch on, the campaign says.",
}


@pytest.mark.parametrize("text", NOT_DATES.values(), ids=NOT_DATES.keys())
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_a_date_cut_at_a_blank_line_keeps_what_comes_before_it() -> None:
    got = find_dates("The plan ran from 1 April\n\nand 3 May 2024 was the review.")
    assert [(d.text, d.start_date) for d in got] == [
        ("1 April", "2024-04-01"),
        ("3 May 2024", "2024-05-03"),
    ]


def test_a_date_wrapped_onto_the_next_line_is_still_read() -> None:
    got = find_dates("The visit ended on 16\nSeptember 2024 after a week.")
    assert [(d.text, d.start_date) for d in got] == [("16\nSeptember 2024", "2024-09-16")]


def test_date_without_year_takes_release_year() -> None:
    text = "Published 3 June 2019\n\nA new regime began on 12 May and was reviewed on 30 Jun."
    got = find_dates(text)
    assert [(d.text, d.start_date, d.year_inferred) for d in got] == [
        ("3 June 2019", "2019-06-03", False),
        ("12 May", "2019-05-12", True),
        ("30 Jun", "2019-06-30", True),
    ]


def test_release_year_prefers_full_date_over_month() -> None:
    text = "Fieldwork in October 2017. Published 9 January 2018. Visits ended 2 March."
    assert find_dates(text)[-1].start_date == "2018-03-02"


def test_date_without_year_in_a_release_without_year_is_null() -> None:
    got = find_dates("The unit reopened on 14 February after repairs.")
    assert [(d.text, d.start_date, d.end_date, d.year_inferred) for d in got] == [
        ("14 February", None, None, True)
    ]


def test_impossible_day_falls_back_to_what_is_valid() -> None:
    assert spans("Due by 31 June 2019.") == [("June 2019", "2019-06-01", "2019-06-30", "month")]


def test_date_value_normalisation() -> None:
    assert second_year(2015, "16") == 2016
    assert second_year(1999, "00") == 2000
    assert second_year(2018, "2019") == 2019
    assert months_to(2025, 3) == ("2024-04-01", "2025-03-31")
    assert months_to(2025, 12) == ("2025-01-01", "2025-12-31")
    assert months_to(2022, 2, 3) == ("2021-12-01", "2022-02-28")
    assert months_to(2022, 6, 24) == ("2020-07-01", "2022-06-30")
    assert months_to_day(2021, 2, 28) == "2020-03-01"  # the last day of its month
    assert months_to_day(2022, 5, 30, 3) == "2022-03-01"  # (31 February does not exist)
    assert months_to_day(2022, 5, 15, 3) == "2022-02-16"
    assert iso_month_end(2024, 2) == "2024-02-29"
    assert iso_month_end(1900, 2) == "1900-02-28"


def test_fold_keeps_every_offset() -> None:
    text = "\u2018a\u2019 \u201cb\u201d 2015\u201316\u00a0x \u2014 y"
    folded = fold(text)
    assert folded == "'a' \"b\" 2015-16 x - y"
    assert len(folded) == len(text)


def test_sorted_and_offsets_hold() -> None:
    text = "From 2014-15 to 2016-17, and on 1 May 2016, then 2018."
    got = find_dates(text)
    assert [d.start for d in got] == sorted(d.start for d in got)
    for d in got:
        assert text[d.start : d.end] == d.text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_no_error_and_offsets_hold(text: str) -> None:
    got = find_dates(text)
    assert [d.start for d in got] == sorted(d.start for d in got)
    for d in got:
        assert text[d.start : d.end] == d.text
        assert d.granularity in ("day", "month", "year", "financial_year")
        if d.start_date and d.end_date:
            assert d.start_date <= d.end_date


# fmt: off
WORDS = st.sampled_from([
    "between", "from", "to", "and", "the", "year", "March", "Sept", "Tuesday", "Q3", "2016",
    "2015-16", "2018/2019", "13", "1", "-", "of", "ending", "\u2013", ",", "\n", " ",
    "2023\u201325", "\u00a0",
])
# fmt: on


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join))
def test_date_like_text_no_error_and_offsets_hold(text: str) -> None:
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text


# A whole release's worth of invented prose, for the size tests below.
PROSE = (
    "Published Tuesday 4 June 2019. Inspectors visited between 6 and 17 May 2019 and read 140 "
    "files from 2018-19. In the year to March 2019, 61% of 999 calls were answered within ten "
    "seconds (pages 10-12). Call 0300 123 4567. Covid-19 slowed work from April to June 2018. "
)


@pytest.mark.parametrize(
    "text",
    [
        PROSE * (1_000_000 // len(PROSE)),  # 1 MB on one line
        "\n".join(SHORT_LINES * 25_000),  # 200,000 short lines
        "between " * 130_000,  # ~1 MB of one lead word
        "1 " * 500_000,  # digits that never make a day
        "1." * 500_000,  # a long dotted number
        "2016-" * 200_000,  # one long dashed run of years
        " " * 1_000_000 + "September 2016",
        "13 March " * 40_000,  # many dates without years
        "Published: 10 April 2025. It shut on 14 March. " * 20_000,  # each after a full date
        "the spring bank holiday, easter monday and June 27. " * 20_000,
    ],
    ids=[
        *("prose-1mb", "short-lines", "leads", "ones", "dots", "dashes", "spaces", "no-year"),
        *("no-year-after-full", "lower-named-and-bare-days"),
    ],
)
def test_linear_time_on_large_input(text: str) -> None:
    run_big(find_dates, text)


@given(st.integers(1901, 2099), st.integers(1, 12), st.integers(1, 31), st.integers(1, 36))
def test_months_to_spans_exactly_count_months(year: int, month: int, day: int, count: int) -> None:
    lo, hi = months_to(year, month, count)
    ly, lm = int(lo[:4]), int(lo[5:7])
    assert (year * 12 + month) - (ly * 12 + lm) == count - 1
    assert lo.endswith("-01") and hi == iso_month_end(year, month)
    first = months_to_day(year, month, min(day, int(hi[-2:])), count)
    # a period ending mid-month starts mid-month, one month before ``lo``
    before = shift_month(ly, lm, -1)
    assert first == lo or first[:7] == f"{before[0]}-{before[1]:02d}"


# --- issue 14: the forms of the peers' suites, in sentences of our own --------------------------
# (sentence, the date's text, start, end, granularity)
FORMS = {
    # lower-case month names, with a day or a year
    "lower-mdy": (
        "It opened on march 3rd 2015 in Tillford.",
        "march 3rd 2015",
        "2015-03-03",
        "2015-03-03",
        "day",
    ),
    "lower-dmy": (
        "Filed on 25th march 2016, it was late.",
        "25th march 2016",
        "2016-03-25",
        "2016-03-25",
        "day",
    ),
    "lower-mdy-plain": (
        "Signed june 9 2018 by the board.",
        "june 9 2018",
        "2018-06-09",
        "2018-06-09",
        "day",
    ),
    "lower-dmy-plain": (
        "The hearing on 14 october 2020 was delayed.",
        "14 october 2020",
        "2020-10-14",
        "2020-10-14",
        "day",
    ),
    "lower-my": (
        "Results from september 2014 were poor.",
        "september 2014",
        "2014-09-01",
        "2014-09-30",
        "month",
    ),
    "lower-abbr": (
        "The visit on 2 nov 2019 went ahead.",
        "2 nov 2019",
        "2019-11-02",
        "2019-11-02",
        "day",
    ),
    "lower-may-day": (
        "It closed on may 5 2017 for repairs.",
        "may 5 2017",
        "2017-05-05",
        "2017-05-05",
        "day",
    ),
    "lower-march-day": (
        "Reported on 2 march 2021 to the board.",
        "2 march 2021",
        "2021-03-02",
        "2021-03-02",
        "day",
    ),
    "lower-range": (
        "From april to june 2016 the ward was shut.",
        "From april to june 2016",
        "2016-04-01",
        "2016-06-30",
        "month",
    ),
    "lower-mdy-comma": (
        "Agreed on december 1, 2022 by all.",
        "december 1, 2022",
        "2022-12-01",
        "2022-12-01",
        "day",
    ),
    # numeric day-first dates with two-digit years (British reading)
    "num2-slash": (
        "The order of 31/10/74 was revoked.",
        "31/10/74",
        "1974-10-31",
        "1974-10-31",
        "day",
    ),
    "num2-slash-short": (
        "A note dated 3/4/15 was found.",
        "3/4/15",
        "2015-04-03",
        "2015-04-03",
        "day",
    ),
    "num2-dots": ("Invoice 12.06.19 was paid.", "12.06.19", "2019-06-12", "2019-06-12", "day"),
    "num2-padded": (
        "Seen on 01/02/03 by the nurse.",
        "01/02/03",
        "2003-02-01",
        "2003-02-01",
        "day",
    ),
    "num2-late-century": ("Born 28/2/68 in Ellerby.", "28/2/68", "1968-02-28", "1968-02-28", "day"),
    "num2-twenties": (
        "Reviewed 9/11/21 by the panel.",
        "9/11/21",
        "2021-11-09",
        "2021-11-09",
        "day",
    ),
    "num4-british": (
        "The letter of 3/4/2015 was answered.",
        "3/4/2015",
        "2015-04-03",
        "2015-04-03",
        "day",
    ),
    "num2-end-of-sentence": (
        "The notice was served on 15/7/22.",
        "15/7/22",
        "2022-07-15",
        "2022-07-15",
        "day",
    ),
    "num2-pivot": ("Archived on 5/5/50 and kept.", "5/5/50", "2050-05-05", "2050-05-05", "day"),
    "num2-pivot-above": ("Filed on 5/5/51 and kept.", "5/5/51", "1951-05-05", "1951-05-05", "day"),
    # a month name between separators
    "sep-dash": (
        "Dated 31-Oct-1974 in the file.",
        "31-Oct-1974",
        "1974-10-31",
        "1974-10-31",
        "day",
    ),
    "sep-slash": (
        "Dated 31/Oct/1974 in the file.",
        "31/Oct/1974",
        "1974-10-31",
        "1974-10-31",
        "day",
    ),
    "sep-dash-full": (
        "Stamped 2-March-2020 at the desk.",
        "2-March-2020",
        "2020-03-02",
        "2020-03-02",
        "day",
    ),
    "sep-dash-upper": (
        "Logged 15-JUN-2018 by staff.",
        "15-JUN-2018",
        "2018-06-15",
        "2018-06-15",
        "day",
    ),
    "sep-slash-sept": (
        "Signed 7/Sept/2016 by both.",
        "7/Sept/2016",
        "2016-09-07",
        "2016-09-07",
        "day",
    ),
    "sep-dash-lower": (
        "Entered 9-jan-2021 on the log.",
        "9-jan-2021",
        "2021-01-09",
        "2021-01-09",
        "day",
    ),
    "sep-dash-dec": (
        "Closed 31-Dec-1999 for good.",
        "31-Dec-1999",
        "1999-12-31",
        "1999-12-31",
        "day",
    ),
    "sep-slash-feb": (
        "Received 29/Feb/2024 by post.",
        "29/Feb/2024",
        "2024-02-29",
        "2024-02-29",
        "day",
    ),
    "sep-dash-aug": (
        "Opened 01-Aug-2010 to visitors.",
        "01-Aug-2010",
        "2010-08-01",
        "2010-08-01",
        "day",
    ),
    "sep-slash-may": ("Due 12/May/2023 at noon.", "12/May/2023", "2023-05-12", "2023-05-12", "day"),
    # ISO dates without zero padding
    "iso-unpadded": (
        "Updated 2015-3-3 by the clerk.",
        "2015-3-3",
        "2015-03-03",
        "2015-03-03",
        "day",
    ),
    "iso-unpadded-day": (
        "Updated 2019-11-5 by the clerk.",
        "2019-11-5",
        "2019-11-05",
        "2019-11-05",
        "day",
    ),
    "iso-unpadded-month": (
        "Updated 2020-4-21 by the clerk.",
        "2020-4-21",
        "2020-04-21",
        "2020-04-21",
        "day",
    ),
    "iso-padded": (
        "Updated 2021-07-09 by the clerk.",
        "2021-07-09",
        "2021-07-09",
        "2021-07-09",
        "day",
    ),
    "iso-unpadded-end": (
        "It was last changed on 2018-1-31.",
        "2018-1-31",
        "2018-01-31",
        "2018-01-31",
        "day",
    ),
    "iso-unpadded-leap": (
        "Leap day 2016-2-29 was busy.",
        "2016-2-29",
        "2016-02-29",
        "2016-02-29",
        "day",
    ),
    "iso-unpadded-start": (
        "2014-6-1 was the first day.",
        "2014-6-1",
        "2014-06-01",
        "2014-06-01",
        "day",
    ),
    "iso-unpadded-dec": (
        "Closed 2022-12-1 for works.",
        "2022-12-1",
        "2022-12-01",
        "2022-12-01",
        "day",
    ),
    "iso-unpadded-bracket": (
        "The version (2017-8-15) stands.",
        "2017-8-15",
        "2017-08-15",
        "2017-08-15",
        "day",
    ),
    "iso-unpadded-sept": (
        "Filed 2023-9-9 at the office.",
        "2023-9-9",
        "2023-09-09",
        "2023-09-09",
        "day",
    ),
    # numeric month and year
    "nmy-single": ("Figures for 2/2013 were late.", "2/2013", "2013-02-01", "2013-02-28", "month"),
    "nmy-padded": (
        "Figures for 03/2018 were late.",
        "03/2018",
        "2018-03-01",
        "2018-03-31",
        "month",
    ),
    "nmy-december": (
        "Figures for 12/2020 were late.",
        "12/2020",
        "2020-12-01",
        "2020-12-31",
        "month",
    ),
    "nmy-leap": ("Data for 2/2024 were complete.", "2/2024", "2024-02-01", "2024-02-29", "month"),
    "nmy-october": (
        "The 10/2019 return was filed.",
        "10/2019",
        "2019-10-01",
        "2019-10-31",
        "month",
    ),
    "nmy-bracket": ("Spending (7/2021) rose.", "7/2021", "2021-07-01", "2021-07-31", "month"),
    "nmy-start": ("In 1/2015 the board met.", "1/2015", "2015-01-01", "2015-01-31", "month"),
    "nmy-end": ("It closed in 11/2016.", "11/2016", "2016-11-01", "2016-11-30", "month"),
    "nmy-june": ("The 06/2022 data were checked.", "06/2022", "2022-06-01", "2022-06-30", "month"),
    "nmy-april": ("Costs for 4/2017 were audited.", "4/2017", "2017-04-01", "2017-04-30", "month"),
    # calendar quarters
    "q-prefix": ("Sales in Q4 2018 fell.", "Q4 2018", "2018-10-01", "2018-12-31", "month"),
    "q-glued": ("Sales in 2018Q4 fell.", "2018Q4", "2018-10-01", "2018-12-31", "month"),
    "q-spaced": ("Sales in 2019 Q1 rose.", "2019 Q1", "2019-01-01", "2019-03-31", "month"),
    "q-words": (
        "In the fourth quarter of 2018 sales fell.",
        "the fourth quarter of 2018",
        "2018-10-01",
        "2018-12-31",
        "month",
    ),
    "q-ordinal": (
        "In the 2nd quarter of 2020 cases rose.",
        "the 2nd quarter of 2020",
        "2020-04-01",
        "2020-06-30",
        "month",
    ),
    "q-no-of": (
        "By the third quarter 2017 it was done.",
        "the third quarter 2017",
        "2017-07-01",
        "2017-09-30",
        "month",
    ),
    "q-qtr": (
        "The 4th qtr 2016 figures came in.",
        "The 4th qtr 2016",
        "2016-10-01",
        "2016-12-31",
        "month",
    ),
    "q-first": (
        "During the first quarter of 2021 staff left.",
        "the first quarter of 2021",
        "2021-01-01",
        "2021-03-31",
        "month",
    ),
    "q-upper": (
        "In The Third Quarter Of 2015 it grew.",
        "The Third Quarter Of 2015",
        "2015-07-01",
        "2015-09-30",
        "month",
    ),
    "q-prefix-q2": (
        "Figures for Q2 2023 were final.",
        "Q2 2023",
        "2023-04-01",
        "2023-06-30",
        "month",
    ),
    # the nth weekday (or the last day) of a month
    "nth-third-tuesday": (
        "It meets on the third Tuesday of September 2014.",
        "the third Tuesday of September 2014",
        "2014-09-16",
        "2014-09-16",
        "day",
    ),
    "nth-first-wednesday": (
        "Held on the first Wednesday of October 2014.",
        "the first Wednesday of October 2014",
        "2014-10-01",
        "2014-10-01",
        "day",
    ),
    "nth-second-monday": (
        "Due on the second Monday of June 2020.",
        "the second Monday of June 2020",
        "2020-06-08",
        "2020-06-08",
        "day",
    ),
    "nth-last-sunday": (
        "Clocks change on the last Sunday of March 2014.",
        "the last Sunday of March 2014",
        "2014-03-30",
        "2014-03-30",
        "day",
    ),
    "nth-last-friday": (
        "Paid on the last Friday of January 2021.",
        "the last Friday of January 2021",
        "2021-01-29",
        "2021-01-29",
        "day",
    ),
    "nth-last-day": (
        "Closes on the last day of October 2015.",
        "the last day of October 2015",
        "2015-10-31",
        "2015-10-31",
        "day",
    ),
    "nth-last-day-in": (
        "Ends on the last day in February 2016.",
        "the last day in February 2016",
        "2016-02-29",
        "2016-02-29",
        "day",
    ),
    "nth-fourth-thursday": (
        "Set for the fourth Thursday of November 2019.",
        "the fourth Thursday of November 2019",
        "2019-11-28",
        "2019-11-28",
        "day",
    ),
    "nth-lower": (
        "On the third tuesday of september 2014 it met.",
        "the third tuesday of september 2014",
        "2014-09-16",
        "2014-09-16",
        "day",
    ),
    "nth-digit-ordinal": (
        "On the 2nd Saturday of May 2022 it opened.",
        "the 2nd Saturday of May 2022",
        "2022-05-14",
        "2022-05-14",
        "day",
    ),
}


@pytest.mark.parametrize("case", FORMS.values(), ids=FORMS.keys())
def test_issue14_date_forms(case: tuple[str, str, str, str, str]) -> None:
    text, want, start, end, granularity = case
    assert (want, start, end, granularity) in spans(text), spans(text)


# A part of a year reads as its year (the gold annotations' convention); the months it points
# at are in part_start_date / part_end_date.
PARTS = {
    "part-end": (
        "Waiting lists grew at the end of 2012.",
        "the end of 2012",
        "2012-09-01",
        "2012-12-31",
    ),
    "part-beginning": (
        "At the beginning of 2017 it opened.",
        "the beginning of 2017",
        "2017-01-01",
        "2017-03-31",
    ),
    "part-start": (
        "From the start of 2020 it grew.",
        "the start of 2020",
        "2020-01-01",
        "2020-03-31",
    ),
    "part-early": ("The ward opens in early 2019.", "early 2019", "2019-01-01", "2019-04-30"),
    "part-mid-hyphen": ("Work ends by mid-2020.", "mid-2020", "2020-05-01", "2020-08-31"),
    "part-late": ("A review follows in late 2024.", "late 2024", "2024-09-01", "2024-12-31"),
    "part-middle": (
        "By the middle of 2018 it was full.",
        "the middle of 2018",
        "2018-05-01",
        "2018-08-31",
    ),
    "part-early-upper": ("Early 2016 saw a rise.", "Early 2016", "2016-01-01", "2016-04-30"),
    "part-mid-space": ("Plans for mid 2025 were set.", "mid 2025", "2025-05-01", "2025-08-31"),
    "part-end-no-the": ("Expected by end of 2023.", "end of 2023", "2023-09-01", "2023-12-31"),
}


@pytest.mark.parametrize("case", PARTS.values(), ids=PARTS.keys())
def test_parts_of_a_year_keep_the_year_and_name_their_months(
    case: tuple[str, str, str, str],
) -> None:
    text, want, part_start, part_end = case
    (date,) = find_dates(text)
    year = part_start[:4]
    assert (date.text, date.granularity) == (want, "year")
    assert (date.start_date, date.end_date) == (f"{year}-01-01", f"{year}-12-31")
    assert (date.part_start_date, date.part_end_date) == (part_start, part_end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The increase for 24/25 was small.", ("24/25", "2024-04-01", "2025-03-31")),
        ("Spending in 19/20 fell.", ("19/20", "2019-04-01", "2020-03-31")),
        ("It rose during 99/00 as well.", ("99/00", "1999-04-01", "2000-03-31")),
        ("Damage from the winters of 2023/24 and 24/25.", ("24/25", "2024-04-01", "2025-03-31")),
    ],
    ids=["for", "in", "century", "after-and"],
)
def test_two_digit_financial_years(text: str, expected: tuple[str, str, str]) -> None:
    assert [d[:3] for d in spans(text)][-1] == expected


@pytest.mark.parametrize(
    "text",
    ["The pupil scored 19/20 in the test.", "A ratio of 24/26 was reported.", "Open 24/7."],
    ids=["mark-out-of-twenty", "not-consecutive", "all-hours"],
)
def test_two_digit_pairs_that_are_not_financial_years(text: str) -> None:
    assert spans(text) == []


# Forms seen on real UK public-body pages (issue 11); dates invented.
def test_month_then_day_without_year_needs_an_ordinal_or_a_weekday() -> None:
    text = (
        "Published 4 March 2024\n\nThe drop-in runs (Tuesday, March 19) and again on April 2nd, "
        "not on May 5 inspectors or in February 25."
    )
    got = [(d.text, d.start_date, d.year_inferred) for d in find_dates(text)]
    assert got == [
        ("4 March 2024", "2024-03-04", False),
        ("Tuesday, March 19", "2024-03-19", True),
        ("April 2nd", "2024-04-02", True),
    ]


# A month then a bare day after a lead word ("on", "from", "until", ...): a day.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published 4 March 2024\n\nThe ward opens on June 27.", ("June 27", "2024-06-27")),
        ("Published 4 March 2024\n\nFrom May 12 visiting is open.", ("May 12", "2024-05-12")),
        ("Date: 4 March 2024\n\nIt is shut until JUNE 3, staff said.", ("JUNE 3", "2024-06-03")),
        ("Posted on 4 March 2024\n\nBids close by\nApril 30 at noon.", ("April 30", "2024-04-30")),
        ("Published 4 March 2024\n\nSince Jan 9 the line has run.", ("Jan 9", "2024-01-09")),
    ],
)
def test_a_month_then_day_after_a_lead_word_is_a_day(text: str, expected: tuple[str, str]) -> None:
    got = [(d.text, d.start_date) for d in find_dates(text)]
    assert got[1:] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Staff met in June 15 times.",  # "in" leads a month and year, not a day
        "The panel met on May 5 inspectors' reports.",  # a plural noun after: a count
        "It ran on June 31 only.",  # no such day
        "Sales rose on March 3 sites.",
        # with no lead word: after "in"/"of", before a plural noun, a per cent or a word that
        # does not go on with a clause
        "In June 27 people came to the hall.",
        "The vote of March 3 councillors was close.",
        "It ran June 3 weeks late.",
        "By June 30% had replied.",
        "Staff worked May 5 shifts in a row.",
        "Kelby scored in April 2 goals to 1.",
        "It shut. May 5 staff left.",  # at a sentence's start: a plural noun after it
        "It shut. June 27, the last day, was wet.",  # nor a stop
        "It shut.\nApril 2 new wards opened.",
    ],
)
def test_a_month_then_day_with_no_lead_word_is_no_day(text: str) -> None:
    assert find_dates(text) == []


# A month then a bare day after another word: a day when a stop, comma, bracket or line end
# follows, or a word that goes on with a clause, or "the" stands before it (month_day_alone).
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Published 4 March 2024\n\nThe drop-in opens June 27, with staff.",
            ("June 27", "2024-06-27"),
        ),
        ("Date: 4 March 2024\n\nThe consultation closes April 30.", ("April 30", "2024-04-30")),
        ("Posted on 4 March 2024\n\nThe library closes May 3 at noon.", ("May 3", "2024-05-03")),
        ("Published 4 March 2024\n\nThe June 27 deadline stands.", ("June 27", "2024-06-27")),
        (
            "Published 4 March 2024\n\nBids close\nSEPTEMBER 9\nLate bids fail.",
            ("SEPTEMBER 9", "2024-09-09"),
        ),
        (
            "Published 4 March 2024\n\nThe pool reopens July 4 and stays open.",
            ("July 4", "2024-07-04"),
        ),
        ("Published 4 March 2024\n\nVoting (ends October 2) is open.", ("October 2", "2024-10-02")),
        # a weekday before the bracket (as police pages write it): a day, not a two-digit year
        (
            "Published 4 March 2024\n\nIt was raided on Thursday (July 10).",
            ("July 10", "2024-07-10"),
        ),
        ("Published 4 March 2024\n\nOn Monday (June 24) the hall shut.", ("June 24", "2024-06-24")),
        ("Published 4 March 2024\n\n“It shuts March 29,” she said.", ("March 29", "2024-03-29")),
        # at a sentence's start, before a word that goes on with a clause
        (
            "Published 4 March 2024\n\nHe said: “November 5 is our busiest night.”",
            ("November 5", "2024-11-05"),
        ),
        (
            "Published 4 March 2024\n\nIt shut. June 27 will see it reopen.",
            ("June 27", "2024-06-27"),
        ),
        ("Published 4 March 2024\n\n“Yes.” MAY 5 WAS THE DAY", ("MAY 5", "2024-05-05")),
    ],
)
def test_a_month_then_day_with_a_stop_or_clause_after_is_a_day(
    text: str, expected: tuple[str, str]
) -> None:
    got = [(d.text, d.start_date) for d in find_dates(text)]
    assert got[1:] == [expected]


def test_us_order_only_when_day_first_is_impossible_on_a_log_line() -> None:
    text = "Logged Fri, 02/19/2021; 11/30/2019 10:05; also 19/02/2021, 4/5/2016 and ref 10/31/1975."
    assert spans(text) == [
        ("Fri, 02/19/2021", "2021-02-19", "2021-02-19", "day"),
        ("11/30/2019", "2019-11-30", "2019-11-30", "day"),
        ("19/02/2021", "2021-02-19", "2021-02-19", "day"),
        ("4/5/2016", "2016-05-04", "2016-05-04", "day"),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("from\n\n1 April 2024 to 3 May 2024", "1 April 2024 to 3 May 2024"),
        ("the year to\n\nMarch 2025", "March 2025"),
        ("the end of\n\n2012", "2012"),
        ("the third Tuesday of\n\nSeptember 2014", "September 2014"),
    ],
)
def test_lead_words_in_the_paragraph_before_are_not_the_dates(text: str, date: str) -> None:
    assert [d.text for d in find_dates(text)] == [date]


# Pieces of date-like text: digit runs of every length, separators, month and weekday names.
_DATE_PIECES = st.lists(
    st.sampled_from(
        [
            *"0123456789",
            "19",
            "20",
            "2015",
            "31",
            "/",
            "-",
            ".",
            ",",
            " ",
            "\n\n",
            "Q",
            "th",
            "of",
            " to ",
            " and ",
            "March",
            "Sept",
            "Sept.",
            "dec",
            "Tue",
            "(",
            ")",
            "'",
            "%",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_DATE_PIECES)
def test_digit_anchor_tries_only_its_kind(text: str) -> None:
    """Three digits start only the year-first patterns, fewer only the day-first ones: at each
    digit, the pattern of its kind matches as the union of all the digit patterns does."""
    everything = dates._union(dates._NOT_GLUED, dates._DIGIT_BRANCHES)
    for pos, c in enumerate(text):
        if c.isdigit():
            kind = (
                dates._YEAR_FIRST_RE if text[pos + 1 : pos + 3].isdecimal() else dates._DAY_FIRST_RE
            )
            got, want = kind.match(text, pos), everything.match(text, pos)
            assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup))


# Pieces for the quick test before the lower-case month scan: month names and their first
# letters in several letter cases, digits, and the punctuation dates come with.
LOWER_MONTH_PIECES = ["march", "Mar", "sept", "sep", "ma", "rch", "may", "MAY", "dec.", "jun",
                      "e", "x", " ", ",", "\n", "3", "2015", "3rd", "é", "Ju", "ly"]  # fmt: skip


@given(st.lists(st.sampled_from(LOWER_MONTH_PIECES), max_size=20).map("".join))
def test_lower_month_quick_test_agrees_with_the_scan(text: str) -> None:
    """Where the quick test says no lower-case month name can stand in the 40 characters
    before a position, the pattern finds none there."""
    for pos in range(len(text) + 1):
        if not dates._may_hold_lower_month(text, pos):
            assert not list(dates._LOWER_MONTH_RE.finditer(text, max(0, pos - 40), pos)), pos


YEAR_PIECES = ["1", "2", "9", "0", "19", "20", "2015", "1,500", "-", "/", " ", "Q4", "/16", "to",
               "March"]  # fmt: skip


@given(st.lists(st.sampled_from(YEAR_PIECES), max_size=12).map("".join))
def test_year_patterns_start_with_a_century(text: str) -> None:
    """_match_at tries the year-first patterns only where 19 or 20 stands: they match nowhere
    else."""
    for pos in range(len(text)):
        if not text.startswith(dates._CENTURIES, pos):
            assert dates._YEAR_FIRST_RE.match(text, pos) is None, pos


def _same(got: object, want: object) -> None:
    """Two matches (or None) agree: span, branch and every group."""
    assert isinstance(got, re.Match | None) and isinstance(want, re.Match | None)
    assert (got and (got.span(), got.lastgroup, got.groupdict())) == (
        want and (want.span(), want.lastgroup, want.groupdict())
    )


@settings(max_examples=400, deadline=None)
@given(_DATE_PIECES)
def test_gated_unions_agree_with_the_plain_unions(text: str) -> None:
    """The day-first and month patterns, each run of branches tried only when its gate holds,
    match at every position as the plain union of the same branches does."""
    day_first = dates._union(dates._NOT_GLUED, dates._DAY_FIRST_BRANCHES)
    month = dates._union(dates._MONTH_START, dates._MONTH_BRANCHES)
    for pos in range(len(text)):
        _same(dates._DAY_FIRST_RE.match(text, pos), day_first.match(text, pos))
        _same(dates._MONTH_RE.match(text, pos), month.match(text, pos))


@settings(max_examples=300, deadline=None)
@given(_DATE_PIECES, st.sampled_from(["Good Friday", "May Day", "August Bank Holiday", "St"]))
def test_word_match_agrees_with_trying_both_patterns(text: str, name: str) -> None:
    """_word_match tries the month pattern only at a month's name and the named days' only at
    a name's first word: at every anchor it matches as trying one then the other does."""
    text = text + " " + name + " " + text
    for a in dates._ANCHOR_RE.finditer(text):
        if text[a.start()].isalpha() and text[a.start()] != "Q":
            pos = a.start()
            want = dates._MONTH_RE.match(text, pos) or dates._NAMED_DAY_RE.match(text, pos)
            _same(dates._word_match(text, pos, a.end(), len(text)), want)


@settings(max_examples=400, deadline=None)
@given(_DATE_PIECES)
def test_digits_the_anchor_turns_away_start_no_date(text: str) -> None:
    """A digit after a glue character (another digit, a point, a comma, ...) and one or two
    digits before a point that no numeric date follows (7.4 million) are no anchors: no
    pattern reads a date from them; nor from three digits or more that are no 19xx or 20xx."""
    anchors = {a.start() for a in dates._ANCHOR_RE.finditer(text)}
    for pos, c in enumerate(text):
        if not c.isdigit() or pos in anchors:
            continue
        glued = pos > 0 and re.match(dates._GLUE_BEFORE, text[pos - 1]) is not None
        point = re.match(r"\d\d?\.\d(?!\d?\.\d)", text[pos:]) is not None
        if glued or point:
            end = pos + 2 if text[pos + 1 : pos + 2].isdigit() else pos + 1
            assert dates._match_at(text, pos, end, 0, len(text)) is None, (text, pos)
    for pos in range(len(text) - 2):
        if text[pos : pos + 3].isdecimal() and not text.startswith(dates._CENTURIES, pos):
            assert dates._match_at(text, pos, pos + 3, 0, len(text)) is None, (text, pos)


# Real-page forms (police, councils, NHS trusts, GOV.UK, Ofsted), each written here in variants
# of our own: (text, [(date text, start, end, granularity), ...]) for every date in it.
REAL_FORMS = {
    # a day range or list in month-first order reads as the day-first one does (one item)
    "md-and-no-year": (
        "Published: 2 May 2025\n\nThe show is on September 10 and 11 at the quay.",
        [
            ("2 May 2025", "2025-05-02", "2025-05-02", "day"),
            ("September 10 and 11", "2025-09-10", "2025-09-11", "day"),
        ],
    ),
    "md-dash-comma-year": (
        "Exams run September 10-11, 2026 in the hall.",
        [("September 10-11, 2026", "2026-09-10", "2026-09-11", "day")],
    ),
    "md-en-dash-ordinals": (
        "Date: 1 April 2026\n\nDrop-in sessions on May 3rd\u20134th, in the library.",
        [
            ("1 April 2026", "2026-04-01", "2026-04-01", "day"),
            ("May 3rd\u20134th", "2026-05-03", "2026-05-04", "day"),
        ],
    ),
    "md-on-and": (
        "Posted on 14 March 2024. Polls open on May 3 and 4.",
        [
            ("14 March 2024", "2024-03-14", "2024-03-14", "day"),
            ("May 3 and 4", "2024-05-03", "2024-05-04", "day"),
        ],
    ),
    "md-between-lead": (
        "Issued 3 June 2025. The road shuts between July 7 and 9.",
        [
            ("3 June 2025", "2025-06-03", "2025-06-03", "day"),
            ("between July 7 and 9", "2025-07-07", "2025-07-09", "day"),
        ],
    ),
    "md-list": (
        "Clinics on October 6, 7 and 8, 2025 are full.",
        [("October 6, 7 and 8, 2025", "2025-10-06", "2025-10-08", "day")],
    ),
    "dm-list": (
        "Published 1 May 2025\n\nClinics on 6, 7 and 8 October are full.",
        [
            ("1 May 2025", "2025-05-01", "2025-05-01", "day"),
            ("6, 7 and 8 October", "2025-10-06", "2025-10-08", "day"),
        ],
    ),
    "md-to-md-year": (
        "The festival ran from June 28 to July 3, 2026 by the river.",
        [("from June 28 to July 3, 2026", "2026-06-28", "2026-07-03", "day")],
    ),
    "md-abbr-to-md": (
        "The count ran Aug 8 - Aug 12, 2024 across the county.",
        [("Aug 8 - Aug 12, 2024", "2024-08-08", "2024-08-12", "day")],
    ),
    "md-abbr-single-digits": (
        "Published 9 January 2026. Sessions Sept 9-10 and Oct 1-2.",
        [
            ("9 January 2026", "2026-01-09", "2026-01-09", "day"),
            ("Sept 9-10", "2026-09-09", "2026-09-10", "day"),
            ("Oct 1-2", "2026-10-01", "2026-10-02", "day"),
        ],
    ),
    "dr-the-ordinals-of": (
        "Repairs run from the 13th to the 15th of July 2026 on the A40.",
        [("from the 13th to the 15th of July 2026", "2026-07-13", "2026-07-15", "day")],
    ),
    "dr-of-no-year": (
        "Published 2 June 2026\n\nThe pool shuts between 4 and 6 of August for cleaning.",
        [
            ("2 June 2026", "2026-06-02", "2026-06-02", "day"),
            ("between 4 and 6 of August", "2026-08-04", "2026-08-06", "day"),
        ],
    ),
    # a season with a year: its months (meteorological seasons; winter runs into February)
    "season-lower": (
        "Work on the new depot starts in autumn 2026.",
        [("autumn 2026", "2026-09-01", "2026-11-30", "month")],
    ),
    "season-the-of": (
        "The ward reopens in the spring of 2025, the trust says.",
        [("the spring of 2025", "2025-03-01", "2025-05-31", "month")],
    ),
    "season-title-case-heading": (
        "Summer 2024 newsletter",
        [("Summer 2024", "2024-06-01", "2024-08-31", "month")],
    ),
    "season-winter-financial-pair": (
        "Plans for winter 2025/26 were agreed by the board.",
        [("winter 2025/26", "2025-12-01", "2026-02-28", "month")],
    ),
    "season-winter-of-dash-pair": (
        "Pressures in the winter of 2023-24 were the worst on record.",
        [("the winter of 2023-24", "2023-12-01", "2024-02-29", "month")],
    ),
    "season-winter-one-year": (
        "A second unit opens in Winter 2027.",
        [("Winter 2027", "2027-12-01", "2028-02-29", "month")],
    ),
    "season-upper": (
        "SPRING 2026 CONSULTATION",
        [("SPRING 2026", "2026-03-01", "2026-05-31", "month")],
    ),
    "season-pair-slash": (
        "The pop-up clinic runs in spring/summer 2025.",
        [("spring/summer 2025", "2025-03-01", "2025-08-31", "month")],
    ),
    "season-pair-and-winter-years": (
        "Gritting plans for the autumn and winter 2025/26 are set.",
        [("the autumn and winter 2025/26", "2025-09-01", "2026-02-28", "month")],
    ),
    "season-pair-backwards-keeps-the-second": (
        "Trials run in summer/spring 2027.",
        [("spring 2027", "2027-03-01", "2027-05-31", "month")],
    ),
    # the week that starts on a day
    "week-wc": (
        "Resurfacing on Mill Lane, w/c 5 May 2025.",
        [("w/c 5 May 2025", "2025-05-05", "2025-05-11", "day")],
    ),
    "week-commencing-ordinal": (
        "Works begin in the week commencing 23rd November 2026.",
        [("the week commencing 23rd November 2026", "2026-11-23", "2026-11-29", "day")],
    ),
    "week-beginning-weekday-no-year": (
        "Published: 20 March 2025\n\nBins are collected a day late in the week beginning "
        "Monday 31 March.",
        [
            ("20 March 2025", "2025-03-20", "2025-03-20", "day"),
            ("the week beginning Monday 31 March", "2025-03-31", "2025-04-06", "day"),
        ],
    ),
    "week-wb-colon-upper": (
        "Date: 2 June 2025\nW/B: 16th June, the crews move to Hale Road.",
        [
            ("2 June 2025", "2025-06-02", "2025-06-02", "day"),
            ("W/B: 16th June", "2025-06-16", "2025-06-22", "day"),
        ],
    ),
    # the week that ends on a day, as weekly statistics name it
    "week-ending": (
        "Attendances in the week ending 2 March 2025 rose.",
        [("the week ending 2 March 2025", "2025-02-24", "2025-03-02", "day")],
    ),
    "week-we-no-year": (
        "Published: 12 March 2025\n\nBeds were full in w/e 9 March.",
        [
            ("12 March 2025", "2025-03-12", "2025-03-12", "day"),
            ("w/e 9 March", "2025-03-03", "2025-03-09", "day"),
        ],
    ),
    "week-ended-upper-numeric": (
        "WEEK ENDED 23/02/2025: 412 CALLS",
        [("WEEK ENDED 23/02/2025", "2025-02-17", "2025-02-23", "day")],
    ),
    # an ordinal day after a weekday, with no month: the month round it where it fits
    "weekday-ordinal": (
        "Published 28 May 2025\n\nThe market returns on Tuesday 3rd.",
        [
            ("28 May 2025", "2025-05-28", "2025-05-28", "day"),
            ("Tuesday 3rd", "2025-06-03", "2025-06-03", "day"),
        ],
    ),
    "weekday-the-ordinal": (
        "Officers met residents on 2 June 2025 and again on Wednesday the 11th.",
        [
            ("2 June 2025", "2025-06-02", "2025-06-02", "day"),
            ("Wednesday the 11th", "2025-06-11", "2025-06-11", "day"),
        ],
    ),
    "weekday-comma-ordinal-abbr": (
        "Since 1 March 2024 the hub has opened on Sat, 2nd and Sun, 3rd.",
        [
            ("1 March 2024", "2024-03-01", "2024-03-01", "day"),
            ("Sat, 2nd", "2024-03-02", "2024-03-02", "day"),
            ("Sun, 3rd", "2024-03-03", "2024-03-03", "day"),
        ],
    ),
    # financial years written the GOV.UK way, or after FY
    "fy-gov-uk-after": (
        "Allocations for the 2024 to 2025 financial year are published.",
        [("2024 to 2025", "2024-04-01", "2025-03-31", "financial_year")],
    ),
    "fy-glued": (
        "Savings in FY2023/24 and FY24/25 were on target.",
        [
            ("2023/24", "2023-04-01", "2024-03-31", "financial_year"),
            ("24/25", "2024-04-01", "2025-03-31", "financial_year"),
        ],
    ),
    "fy-between-months": (
        "Between April 2023 and March 2024 the force answered more calls.",
        [("Between April 2023 and March 2024", "2023-04-01", "2024-03-31", "month")],
    ),
    "fy-slash-and-dash": (
        "Figures for 2023/24 and 2023-24 match.",
        [
            ("2023/24", "2023-04-01", "2024-03-31", "financial_year"),
            ("2023-24", "2023-04-01", "2024-03-31", "financial_year"),
        ],
    ),
}


@pytest.mark.parametrize("case", REAL_FORMS.values(), ids=REAL_FORMS.keys())
def test_real_page_forms(case: tuple[str, list[tuple[str, str, str, str]]]) -> None:
    text, expected = case
    assert spans(text) == expected


# Forms that must not be read as these dates.
REAL_NOT = {
    # a score, a ratio, a phone number, a version: no date at all
    "score-after-month": ("Town beat Rovers 3-2 in May; the return leg ended 1-0.", []),
    "score-month-then-digits": (
        "Published 2 May 2025. United won May 3-2 at home.",
        ["2 May 2025"],
    ),
    "ratio": ("Staff to pupil ratios of 1:4 and 1 in 8 were kept.", []),
    "phone": ("Call 01632 960 123 or 0300 123 2025 for help.", []),
    "version": ("The app moved to version 2.10.3 and then v3.1.", []),
    # a two-digit number after an abbreviated month is a year, not a day
    "abbr-two-digit-years": (
        "Data for Dec 24 - Feb 25 show it.",
        ["Dec 24", "Feb 25"],
    ),
    # a school term is not the season
    "autumn-term": ("Pupils join in the autumn 2025 term.", ["2025"]),
    "spring-half-term": ("Clubs close for the Spring 2026 half-term.", ["2026"]),
    "winters-plural": ("Damage from the winters of 2023/24 and 24/25.", ["2023/24", "24/25"]),
    "season-other-paragraph": ("Winter\n\n2025 brought floods.", ["2025"]),
    # an ordinal with no weekday, or one whose weekday fits no month round it
    "ordinal-no-weekday": ("Published 2 June 2025. He came 3rd on Tuesday.", ["2 June 2025"]),
    "weekday-ordinal-no-fit": ("Published 2 June 2025. Join us on Friday 3rd.", ["2 June 2025"]),
    "weekday-ordinal-no-date": ("The market returns on Tuesday 3rd.", []),
    # a backwards or impossible month-first range
    "md-backwards": ("Published 2 May 2025. Round May 9 and 4 went ahead.", ["2 May 2025"]),
    "fy-glued-other-word": ("Codes AFY2023/24 and XFY24/25 are references.", []),
    "not-a-week": ("The WC 5 May 2025 refit.", ["5 May 2025"]),
}


@pytest.mark.parametrize("case", REAL_NOT.values(), ids=REAL_NOT.keys())
def test_real_page_negatives(case: tuple[str, list[str]]) -> None:
    text, expected = case
    assert [d.text for d in find_dates(text)] == expected


def test_a_season_is_its_months_and_a_season_word_alone_is_no_date() -> None:
    assert spans("The summer was hot and autumn came early.") == []
    (d,) = find_dates("Trials end in late summer 2025.")
    assert (d.text, d.start_date, d.end_date, d.part_start_date) == (
        "summer 2025",
        "2025-06-01",
        "2025-08-31",
        None,
    )


# The year of a day written without one, by the shape of the text (_fill_years).
YEARLESS = {
    # a dated date it is listed with gives its year (28 December before January: the year before)
    "listed-with-dated": (
        "Published 5 January 2026\n\nSessions on the 28th November and the 2nd of December "
        "2025 were full.",
        "28th November",
        "2025-11-28",
    ),
    "listed-over-new-year": (
        "Published 5 January 2026\n\nCrews worked on 31 December, and 2 January 2026.",
        "31 December",
        "2025-12-31",
    ),
    # the dateline wins over an old month and year mentioned in passing
    "dateline-over-old-month": (
        "Published: 3 June 2025\n\nThe library, first planned in March 2014, opened on 14 March.",
        "14 March",
        "2025-03-14",
    ),
    "dateline-on-its-own-line": (
        "Library opens\n12 May 2025 10:00\n\nPlanned since March 2014, it opened on 14 March.",
        "14 March",
        "2025-03-14",
    ),
    "dateline-gov-uk-lines": (
        "From:\nDepartment for Roads\nPublished\n3 June 2025\n\nIn March 2014 the plan began."
        " The bridge shut on 14 April.",
        "14 April",
        "2025-04-14",
    ),
    "dateline-after-an-old-full-date": (
        "In a report of 4 March 2014 the service was rated poor.\n\nIt reopened on 14 March.\n\n"
        "Date: 2 April 2026",
        "14 March",
        "2026-03-14",
    ),
    # a full date earlier in the same paragraph is the story's own time
    "same-paragraph-full-date": (
        "Published: 3 June 2025\n\nOn 12 December 2023 a man was attacked; on 14 December "
        "he was arrested.",
        "14 December",
        "2023-12-14",
    ),
    # with no full date, the year that months and years name most often, not the first
    "no-full-date-most-named-year": (
        "The library, first planned in March 2014, opened on 14 March. Its June 2026 review "
        "and the September 2026 budget follow.",
        "14 March",
        "2026-03-14",
    ),
    "no-full-date-tie-the-later": (
        "Planned in March 2014, the library opened on 14 March; a review follows in May 2026.",
        "14 March",
        "2026-03-14",
    ),
    # a weekday that does not fit the year moves it to the year where it fits
    "weekday-moves-year": (
        "Published 5 January 2026\n\nThe crash happened on Saturday 27 December.",
        "Saturday 27 December",
        "2025-12-27",
    ),
    "weekday-in-brackets": (
        "Published 20 January 2025\n\nThe event (Thursday, February 13) was held.",
        "Thursday, February 13",
        "2025-02-13",
    ),
}


@pytest.mark.parametrize("case", YEARLESS.values(), ids=YEARLESS.keys())
def test_the_year_of_a_day_without_one(case: tuple[str, str, str]) -> None:
    text, written, day = case
    got = {d.text: (d.start_date, d.year_inferred) for d in find_dates(text)}
    assert got[written] == (day, True), got


def test_a_year_alone_gives_no_year_to_a_day() -> None:
    got = find_dates("The unit reopened on 14 February after repairs. It was built in 1974.")
    assert [(d.text, d.start_date) for d in got] == [("14 February", None), ("1974", "1974-01-01")]


def test_a_mention_of_published_in_a_sentence_is_no_dateline() -> None:
    text = (
        "The report was published on 3 March 2014.\n\nThe unit opened on 14 May.\n\n"
        "It will move on 2 June 2026."
    )
    # not the dateline (lower case, inside a sentence): the nearest full date before it
    assert find_dates(text)[1].start_date == "2014-05-14"


def test_an_html_page_dateline_gives_the_year() -> None:
    from pipeline import extract_text

    page = (
        "<html><body><main><h1>Bridge to reopen</h1><p>Published: 3 June 2025</p>"
        "<p>The bridge, first closed in March 2014, reopens on 14 July after repairs to its "
        "deck and railings are done.</p></main></body></html>"
    )
    release = extract_text(page, fmt="html")
    got = {d.text: d.start_date for d in release.dates}
    assert got["14 July"] == "2025-07-14"


@given(st.integers(1901, 2098), st.integers(1, 12), st.integers(1, 25), st.integers(1, 3))
def test_month_first_day_ranges_read_as_day_first_ones(y: int, mo: int, d: int, k: int) -> None:
    name = date(y, mo, 1).strftime("%B")
    first = find_dates(f"Date: 1 {name} {y}\n\nOpen on {name} {d} and {d + k}.")[-1]
    second = find_dates(f"Date: 1 {name} {y}\n\nOpen on {d} and {d + k} {name}.")[-1]
    assert (first.start_date, first.end_date) == (second.start_date, second.end_date)
    assert first.start_date == date(y, mo, d).isoformat()
    assert first.end_date == date(y, mo, d + k).isoformat()


@given(st.sampled_from(["spring", "Summer", "AUTUMN", "winter"]), st.integers(1901, 2098))
def test_a_season_covers_three_months(season: str, y: int) -> None:
    (d,) = find_dates(f"It opens in {season} {y}.")
    assert (d.text, d.granularity) == (f"{season} {y}", "month")
    assert d.start_date is not None and d.end_date is not None
    first = date.fromisoformat(d.start_date)
    last = date.fromisoformat(d.end_date)
    assert (last.year * 12 + last.month) - (first.year * 12 + first.month) == 2
    assert first.day == 1 and (last + timedelta(days=1)).day == 1


@given(
    st.dates(date(1901, 1, 8), date(2098, 12, 31)),
    st.sampled_from(["w/c", "week commencing", "w/e", "the week ending"]),
)
def test_a_week_is_seven_days_from_its_first_or_to_its_last(day: date, lead: str) -> None:
    (d,) = find_dates(f"Works {lead} {day.day} {day.strftime('%B')} {day.year}.")
    first = day - timedelta(days=6 * (lead in ("w/e", "the week ending")))  # (ends on the day)
    assert (d.start_date, d.end_date) == (
        first.isoformat(),
        (first + timedelta(days=6)).isoformat(),
    )


@pytest.mark.parametrize("lead", ["the week commencing", "w/c", "week beginning"])
def test_a_week_of_a_weekday_and_ordinal_takes_the_weekdays_month(lead: str) -> None:
    # The weekday is read where the day's words begin, not at the week's lead words.
    text = f"Works start on 1 March 2027 and run in {lead} Monday 8th."
    week = find_dates(text)[-1]
    assert (week.start_date, week.end_date) == ("2027-03-08", "2027-03-14")


# Ranges studied on council, police and fire service pages (road closures, events, opening
# times), in our own words: mixed order, over the new year, "thru".
RANGE_FORMS = {
    "mixed-order-with-year": (
        "The fair runs May 26th - 1st June 2015 on the green.",
        [("May 26th - 1st June 2015", "2015-05-26", "2015-06-01", "day")],
    ),
    "mixed-order-to-and-the": (
        "Dates: from March 30 to the 2nd of April 2024, weather permitting.",
        [("from March 30 to the 2nd of April 2024", "2024-03-30", "2024-04-02", "day")],
    ),
    "mixed-order-en-dash-spaced": (
        "Surveys ran Sept 28th – 3rd October, 2019 across the county.",
        [("Sept 28th – 3rd October, 2019", "2019-09-28", "2019-10-03", "day")],
    ),
    "mixed-order-over-the-year-end": (
        "Fees were frozen December 20th to 4th January 2021.",
        [("December 20th to 4th January 2021", "2020-12-20", "2021-01-04", "day")],
    ),
    "month-first-new-year-no-year": (
        "Published 3 March 2025\n\nThe depot will close from December 30 to January 2 for works.",
        [
            ("3 March 2025", "2025-03-03", "2025-03-03", "day"),
            ("from December 30 to January 2", "2025-12-30", "2026-01-02", "day"),
        ],
    ),
    "day-first-new-year-no-year": (
        "Date: 14 November 2024\n\nThe tip is shut between 24 December and 2 January.",
        [
            ("14 November 2024", "2024-11-14", "2024-11-14", "day"),
            ("between 24 December and 2 January", "2024-12-24", "2025-01-02", "day"),
        ],
    ),
    "day-first-two-months-weekdays": (
        "Posted on 1 May 2026\n\nThe bridge is closed from Monday 18 May to Friday 5 June.",
        [
            ("1 May 2026", "2026-05-01", "2026-05-01", "day"),
            ("from Monday 18 May to Friday 5 June", "2026-05-18", "2026-06-05", "day"),
        ],
    ),
    "thru-month-first": (
        "Published: 2 July 2025\n\nClasses run July 13 thru 15 in the hall.",
        [
            ("2 July 2025", "2025-07-02", "2025-07-02", "day"),
            ("July 13 thru 15", "2025-07-13", "2025-07-15", "day"),
        ],
    ),
    "thru-day-first-with-year": (
        "Ballots open 3 through 9 March 2027.",
        [("3 through 9 March 2027", "2027-03-03", "2027-03-09", "day")],
    ),
    "through-years-is-a-span": (
        "Counts from 2015 through 2016 are final.",
        [("from 2015 through 2016", "2015-01-01", "2016-12-31", "year")],
    ),
    "day-first-then-month-first": (
        "Entries open 26 May - June 1st, 2015 online.",
        [("26 May - June 1st, 2015", "2015-05-26", "2015-06-01", "day")],
    ),
    "day-first-then-month-first-year-no-ordinal": (
        "Nets are down 30 December to January 2 2026 at the lido.",
        [("30 December to January 2 2026", "2025-12-30", "2026-01-02", "day")],
    ),
    "day-first-then-month-first-no-year": (
        "Date: 9 April 2024\n\nThe trail is shut from 28 June to July 3rd.",
        [
            ("9 April 2024", "2024-04-09", "2024-04-09", "day"),
            ("from 28 June to July 3rd", "2024-06-28", "2024-07-03", "day"),
        ],
    ),
    "winter-closure-no-year": (
        "Published: 1 October 2025\n\nThe car park shuts from November 28 to March 3.",
        [
            ("1 October 2025", "2025-10-01", "2025-10-01", "day"),
            ("from November 28 to March 3", "2025-11-28", "2026-03-03", "day"),
        ],
    ),
    "twelve-months-up-to": (
        "Crews took 9,410 calls in the 12 months up to December 2018.",
        [("the 12 months up to December 2018", "2018-01-01", "2018-12-31", "month")],
    ),
}


@pytest.mark.parametrize("case", RANGE_FORMS.values(), ids=RANGE_FORMS.keys())
def test_range_forms_from_real_pages(case: tuple[str, list[tuple[str, str, str, str]]]) -> None:
    text, expected = case
    assert spans(text) == expected


# Two days joined by "and" with no lead word are two days, in each order of day and month.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Date: 1 June 2025\n\nVisits on 1 July and 3 August.", ["1 July", "3 August"]),
        ("Date: 1 June 2025\n\nVisits on June 28 and July 3.", ["June 28", "July 3"]),
        (
            "Date: 1 June 2025\n\nVisits on Monday 7 July and Tuesday 5 August.",
            ["Monday 7 July", "Tuesday 5 August"],
        ),
        ("Date: 1 June 2025\n\nVisits on July 28 and 3 August.", ["July 28", "3 August"]),
    ],
)
def test_two_yearless_days_with_and_stay_two(text: str, expected: list[str]) -> None:
    assert [d.text for d in find_dates(text)][1:] == expected


# Not ranges: backwards within a month, or one day written twice.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Date: 1 June 2025\n\nRooms 9 July to 4 July were shut.", ["9 July", "4 July"]),
        ("Date: 1 June 2025\n\nIt ran May 9 to 4 May.", ["4 May"]),
        ("Date: 1 June 2025\n\nOpen 5 May to 5 May only.", ["5 May", "5 May"]),
        # over the new year for longer than a season: not one range
        ("Date: 1 June 2025\n\nRuns 4 July to 1 June.", ["4 July", "1 June"]),
        ("Date: 1 June 2025\n\nRuns 4 July to June 1st.", ["4 July", "June 1st"]),
        # a month-first second day needs an ordinal or a year ("June 15" may be June 2015)
        ("Date: 1 June 2025\n\nFrom 26 May to June 15 staff left.", ["26 May"]),
    ],
)
def test_backwards_day_ranges_are_not_one_item(text: str, expected: list[str]) -> None:
    assert [d.text for d in find_dates(text)][1:] == expected


@given(st.integers(1901, 2097), st.integers(20, 31), st.integers(1, 9))
def test_a_yearless_range_over_the_new_year_ends_the_next_year(y: int, d1: int, d2: int) -> None:
    for phrase in (f"from December {d1} to January {d2}", f"from {d1} December to {d2} January"):
        got = find_dates(f"Date: 1 November {y}\n\nThe office is shut {phrase}.")[-1]
        assert got.text == phrase
        assert (got.start_date, got.end_date) == (f"{y}-12-{d1:02}", f"{y + 1}-01-{d2:02}")


# A day with no year after an old full date in its paragraph: words that say it is to come
# give it the first such day on or after the dateline; other days keep the old date's year.
FUTURE = {
    "will-after-old-date": (
        "Published: 10 January 2025\n\nRated good on 3 December 2014, it will reopen on "
        "14 March after the works.",
        "14 March",
        "2025-03-14",
    ),
    "will-next-year": (
        "Published: 20 November 2025\n\nRated good on 3 December 2014, the school will reopen "
        "on 14 March.",
        "14 March",
        "2026-03-14",
    ),
    "is-due-to": (
        "Date: 2 February 2026\n\nThe pool, built in 1974 and refitted on 1 May 2009, is due "
        "to close on Friday 20 February.",
        "Friday 20 February",
        "2026-02-20",
    ),
    "curly-contraction": (
        "Posted on 5 June 2024\n\nFirst opened on 9 June 2001, we’ll mark the day on 9 June.",
        "9 June",
        "2024-06-09",
    ),
    "are-set-to": (
        "Published 1 August 2025\n\nAfter the fire of 3 May 1999, works are set to start on "
        "the 4th of September.",
        "4th of September",
        "2025-09-04",
    ),
    # the marker within a few words of the day, more than one word between
    "will-be-held-at": (
        "Published: 12 May 2025\n\nSet up on 2 June 2019, the forum will be held at Kelby Hall "
        "on 3 April.",
        "3 April",
        "2026-04-03",
    ),
    "shall-upper": (
        "Date: 9 October 2024\n\nOPENED ON 1 MAY 1990, IT SHALL CLOSE ON 2 MARCH.",
        "2 MARCH",
        "2025-03-02",
    ),
}
FUTURE_NOT = {
    # past tense: the story's own time, as before
    "past-tense": (
        "Published: 10 January 2025\n\nRated good on 3 December 2014, it reopened on 14 March.",
        "14 March",
        "2014-03-14",
    ),
    # the future words lead to another date, not to this one
    "will-before-the-old-date": (
        "Published: 10 January 2025\n\nIt will be rated on 3 December 2014 terms; it closed "
        "on 14 March.",
        "14 March",
        "2014-03-14",
    ),
    # no dateline: the old date's year, as before
    "no-dateline": (
        "Rated good on 3 December 2014, it will reopen on 14 March.",
        "14 March",
        "2014-03-14",
    ),
    # the marker too far from the day, or another clause between
    "what-happened": (
        "Published: 10 January 2025\n\nFirst rated on 3 December 2014, the board will review "
        "what happened on 14 March.",
        "14 March",
        "2014-03-14",
    ),
    "that-clause": (
        "Published: 10 January 2025\n\nOn 3 December 2014 the trust said it will publish the "
        "report that it received on 14 March.",
        "14 March",
        "2014-03-14",
    ),
    "comma-between": (
        "Published: 10 January 2025\n\nAfter 3 December 2014 the site will, as it did on 14 "
        "March, stay shut.",
        "14 March",
        "2014-03-14",
    ),
    "far-away": (
        "Published: 10 January 2025\n\nSince 3 December 2014 we will keep looking into the "
        "cause of the large fire at the old mill on 14 March.",
        "14 March",
        "2014-03-14",
    ),
    "past-verb-between": (
        "Published: 10 January 2025\n\nSince 3 December 2014 the panel will ask why staff "
        "were moved on 14 March.",
        "14 March",
        "2014-03-14",
    ),
    # a word that only contains "will"
    "willow": (
        "Published: 10 January 2025\n\nOn 3 December 2014 Willow Court opened on 14 March.",
        "14 March",
        "2014-03-14",
    ),
}


@pytest.mark.parametrize(
    "case", [*FUTURE.values(), *FUTURE_NOT.values()], ids=[*FUTURE, *FUTURE_NOT]
)
def test_a_day_that_is_to_come_takes_the_dateline_year(case: tuple[str, str, str]) -> None:
    assert_day(*case)


# A range with no year that the words before it say is to come: the first one that has not
# ended by the dateline (its last day, not its first, is compared with the dateline).
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Published: 10 March 2025\n\nBuilt in May 2001, the pool will stay shut from 5 "
            "to 20 March.",
            ("2025-03-05", "2025-03-20"),
        ),
        (
            "Date: 10 March 2025\n\nSince 4 June 2010 the path is due to close between 1 March "
            "and 9 March.",
            ("2026-03-01", "2026-03-09"),
        ),
        (
            "Posted on 2 January 2026\n\nOpened on 3 May 2000, the tip will be shut 28 "
            "December to 3 January.",
            ("2025-12-28", "2026-01-03"),
        ),
        (
            "Posted on 10 December 2025\n\nOpened on 3 May 2000, the tip will be shut 28 "
            "December to 3 January.",
            ("2025-12-28", "2026-01-03"),
        ),
    ],
)
def test_a_range_to_come_ends_on_or_after_the_dateline(
    text: str, expected: tuple[str, str]
) -> None:
    got = find_dates(text)[-1]
    assert (got.start_date, got.end_date) == expected


# A range over the new year with no year: the one round the new year nearest the date that
# gives its year (the one just gone from January to June, else the one to come), as a date
# listed after it gives.
NEW_YEAR = {
    "dateline-just-after": (
        "Published: 12 February 2026\n\nThe depot was closed December 24th - 4th January.",
        ("2025-12-24", "2026-01-04"),
    ),
    "dateline-just-after-day-first": (
        "Date: 3 January 2025\n\nCrews attended 41 calls between 24 December and 2 January.",
        ("2024-12-24", "2025-01-02"),
    ),
    "dateline-before": (
        "Date: 14 November 2024\n\nThe tip is shut between 24 December and 2 January.",
        ("2024-12-24", "2025-01-02"),
    ),
    "full-date-before-in-paragraph": (
        "On 9 January 2023 the council said roads were gritted from 27 December to 3 January.",
        ("2022-12-27", "2023-01-03"),
    ),
    "full-date-before-in-december": (
        "On 1 December 2023 the council said roads will be gritted 27 Dec to 3 Jan.",
        ("2023-12-27", "2024-01-03"),
    ),
    "full-date-after": (
        "Fewer calls came 30 December to 2 January.\n\nFigures were out on 20 January 2021.",
        ("2020-12-30", "2021-01-02"),
    ),
}


@pytest.mark.parametrize("text, expected", NEW_YEAR.values(), ids=NEW_YEAR.keys())
def test_a_yearless_range_over_the_new_year_is_the_one_nearest(
    text: str, expected: tuple[str, str]
) -> None:
    (got,) = [d for d in find_dates(text) if d.year_inferred]
    assert (got.start_date, got.end_date) == expected


MONTHS = [date(2001, m, 1).strftime("%B") for m in range(1, 13)]

# A day with no year across the new year from the date its year comes from: the year that
# puts it near that date.
YEAR_TURN = {
    "december-seen-from-january": (
        "Published: 5 January 2025\n\nCrews went to 41 fires on 30 December.",
        "30 December",
        "2024-12-30",
    ),
    "january-seen-from-december": (
        "Date: 2 December 2024\n\n• 30 December: as usual\n• 2 January: collected on 3 January",
        "2 January",
        "2025-01-02",
    ),
    "january-seen-from-december-weekday": (
        "Date: 2 December 2024\n\n• Monday 30 December: as usual\n• Thursday 2 January: "
        "collected on Friday 3 January",
        "Friday 3 January",
        "2025-01-03",
    ),
    "january-after-full-december-date": (
        "Bins went out on 20 December 2023 and again on 3rd Jan.",
        "3rd Jan",
        "2024-01-03",
    ),
    "november-seen-from-february": (
        "Posted on 14 February 2026\n\nThe survey ran on 29 November.",
        "29 November",
        "2025-11-29",
    ),
}
YEAR_TURN_NOT = {
    # further than three months either way: the dateline's year
    "october-seen-from-march": (
        "Published: 1 March 2025\n\nThe plan was agreed on 14 October.",
        "14 October",
        "2025-10-14",
    ),
    "march-seen-from-june": (
        "Published: 3 June 2025\n\nThe library opened on 14 March.",
        "14 March",
        "2025-03-14",
    ),
    # near in its own year
    "december-seen-from-november": (
        "Date: 14 November 2024\n\nThe tip shuts on 27 December.",
        "27 December",
        "2024-12-27",
    ),
}


@pytest.mark.parametrize(
    "case", [*YEAR_TURN.values(), *YEAR_TURN_NOT.values()], ids=[*YEAR_TURN, *YEAR_TURN_NOT]
)
def test_a_yearless_day_over_the_new_year_takes_the_near_year(case: tuple[str, str, str]) -> None:
    assert_day(*case)


@given(st.integers(1902, 2096), st.integers(1, 12), st.integers(1, 28), st.integers(1, 28))
def test_a_yearless_day_in_the_month_after_the_dateline_is_next_to_it(
    y: int, mo: int, dd: int, d: int
) -> None:
    nxt = mo % 12 + 1
    text = f"Published: {dd} {MONTHS[mo - 1]} {y}\n\nIt closed on {d} {MONTHS[nxt - 1]}."
    got = find_dates(text)[-1]
    assert got.start_date == f"{y + (nxt == 1)}-{nxt:02}-{d:02}"


@given(st.integers(1901, 2097), st.integers(20, 31), st.integers(1, 9))
def test_a_new_year_range_and_a_dated_day_after_it_agree(y: int, d1: int, d2: int) -> None:
    # listed before a dated day, or with that day as the dateline: the same range
    listed = find_dates(f"Shut {d1} December to {d2} January, and 20 January {y}.")[0]
    dated = find_dates(f"Date: 20 January {y}\n\nShut {d1} December to {d2} January.")[-1]
    assert (listed.start_date, listed.end_date) == (dated.start_date, dated.end_date)
    assert (dated.start_date, dated.end_date) == (f"{y - 1}-12-{d1:02}", f"{y}-01-{d2:02}")


# Two years in a row next to "academic year" or "school year": September to August.
ACADEMIC = {
    "slash-after": ("Pupils in the 2023/24 academic year did well.", "2023/24", "2023"),
    "dash-school-year": ("Fees for the 2023-24 school year rose.", "2023-24", "2023"),
    "en-dash-before": ("In academic year 2022–23 it grew.", "2022–23", "2022"),
    "gov-uk-to-after": (
        "Funding for the 2024 to 2025 academic year is set.",
        "2024 to 2025",
        "2024",
    ),
    "gov-uk-to-before": ("In the academic year 2021 to 2022 it fell.", "2021 to 2022", "2021"),
    "four-digits-upper": ("IN THE ACADEMIC YEAR 2024/2025 IT ROSE.", "2024/2025", "2024"),
    "line-break": ("Pupils in 2019/20\nacademic year were fewer.", "2019/20", "2019"),
}


@pytest.mark.parametrize("text, written, year", ACADEMIC.values(), ids=ACADEMIC.keys())
def test_an_academic_year_runs_september_to_august(text: str, written: str, year: str) -> None:
    (d,) = find_dates(text)
    nxt = str(int(year) + 1)
    assert (d.text, d.start_date, d.end_date) == (written, f"{year}-09-01", f"{nxt}-08-31")


@pytest.mark.parametrize(
    "text, expected",
    [
        # no school-year word beside it: a financial year, or two calendar years
        ("Spending in 2023/24 rose.", ("2023/24", "2023-04-01", "2024-03-31")),
        ("In the 2024 to 2025 financial year.", ("2024 to 2025", "2024-04-01", "2025-03-31")),
        ("Academic results, 2023/24 figures.", ("2023/24", "2023-04-01", "2024-03-31")),
        # more than one year, or two years listed
        ("Over the 2021–24 academic years.", ("2021–24", "2021-01-01", "2024-12-31")),
        ("In 2019 and 2020 school years.", ("2019", "2019-01-01", "2019-12-31")),
    ],
)
def test_other_year_pairs_are_no_academic_year(text: str, expected: tuple[str, str, str]) -> None:
    assert_date(text, expected, at=0)


# A day known by its name: with a year, a full date; without, a day whose year comes as for
# "5 April" (the dateline here).
NAMED = {
    "christmas-day-yearless": (
        "Published: 3 December 2024\n\nCrews worked on Christmas Day.",
        "Christmas Day",
        "2024-12-25",
    ),
    "boxing-day-year": ("Sales fell on Boxing Day 2023.", "Boxing Day 2023", "2023-12-26"),
    "new-years-eve-curly-comma": (
        "Patrols on New Year’s Eve, 2024 were doubled.",
        "New Year’s Eve, 2024",
        "2024-12-31",
    ),
    "new-years-day-no-apostrophe": (
        "Date: 9 January 2025\n\nThe pool shut on New Years Day.",
        "New Years Day",
        "2025-01-01",
    ),
    "bonfire-night": ("Calls rose on Bonfire Night 2023.", "Bonfire Night 2023", "2023-11-05"),
    "halloween-upper": ("HALLOWEEN 2022 WAS QUIET.", "HALLOWEEN 2022", "2022-10-31"),
    "saint-full": ("On Saint David's Day 2020 flags flew.", "Saint David's Day 2020", "2020-03-01"),
    "st-dot-upper": ("ST. ANDREW’S DAY 2025 EVENTS", "ST. ANDREW’S DAY 2025", "2025-11-30"),
    "hogmanay-line-break": ("Over Hogmanay\n2019 crews were busy.", "Hogmanay\n2019", "2019-12-31"),
    "burns-night": (
        "Posted on 2 January 2026\n\nA supper on Burns Night.",
        "Burns Night",
        "2026-01-25",
    ),
    # Movable days, each by its rule (named_days.movable): days from Easter Sunday, or the n-th
    # weekday of a month; and names read in lower case or sentence case (named_days.lower_case).
    "easter-monday-year": ("Tips open on Easter Monday 2025.", "Easter Monday 2025", "2025-04-21"),
    "good-friday-dateline": (
        "Published: 2 April 2024\n\nThe tip shut on Good Friday.",
        "Good Friday",
        "2024-03-29",
    ),
    "easter-sunday-upper-comma": (
        "EASTER SUNDAY, 2019 SERVICES",
        "EASTER SUNDAY, 2019",
        "2019-04-21",
    ),
    "mothering-sunday": ("Visits on Mothering Sunday 2025.", "Mothering Sunday 2025", "2025-03-30"),
    "mothers-day-curly": ("Mother’s Day 2026 lunch", "Mother’s Day 2026", "2026-03-15"),
    "fathers-day": ("On Father's Day 2025 the park", "Father's Day 2025", "2025-06-15"),
    "shrove-tuesday": ("Shrove Tuesday 2024 races", "Shrove Tuesday 2024", "2024-02-13"),
    "pancake-day": ("Pancake Day\n2024 races", "Pancake Day\n2024", "2024-02-13"),
    "ash-wednesday": ("Ash Wednesday 2025", "Ash Wednesday 2025", "2025-03-05"),
    "palm-maundy": ("After Maundy Thursday 2025.", "Maundy Thursday 2025", "2025-04-17"),
    "remembrance-2021": ("Remembrance Sunday 2021 parade", "Remembrance Sunday 2021", "2021-11-14"),
    "remembrance-yearless-future": (
        "Date: 1 November 2024\n\nRoads will close for Remembrance Sunday.",
        "Remembrance Sunday",
        "2024-11-10",
    ),
    "easter-monday-to-come": (
        "Published: 10 April 2025\n\nThe centre will close on Easter Monday.",
        "Easter Monday",
        "2025-04-21",
    ),
    "early-may-moved-2020": (
        "Bins went out on the Early May Bank Holiday 2020.",
        "Early May Bank Holiday 2020",
        "2020-05-08",
    ),
    "spring-moved-2022": ("the Spring Bank Holiday 2022", "Spring Bank Holiday 2022", "2022-06-02"),
    "august-lower": (
        "Posted on 3 July 2025\n\nThe tip is open on the August bank holiday.",
        "August bank holiday",
        "2025-08-25",
    ),
    "spring-lower": (
        "Published: 10 April 2025\n\nBins go out as usual over the spring bank holiday.",
        "spring bank holiday",
        "2025-05-26",
    ),
    "early-may-lower": (
        "Date: 1 April 2024\n\nNo parking fines on early May bank holiday.",
        "early May bank holiday",
        "2024-05-06",
    ),
    "summer-sentence-case": ("Summer bank holiday 2024", "Summer bank holiday 2024", "2024-08-26"),
    "late-may-lower": (
        "Published 2 May 2023\n\nOn the late May bank holiday the pool shuts.",
        "late May bank holiday",
        "2023-05-29",
    ),
    "boxing-day-lower": (
        "Date: 20 December 2024\n\nThe pool opens on boxing day.",
        "boxing day",
        "2024-12-26",
    ),
    "christmas-day-sentence-case": (
        "Published: 3 December 2024\n\nChristmas day collections move.",
        "Christmas day",
        "2024-12-25",
    ),
    "easter-monday-lower-html-copy": (
        "Published:\xa02 April 2024\n\nWe are shut on easter monday\xa0and open after.",
        "easter monday",
        "2024-04-01",
    ),
}


@pytest.mark.parametrize(
    "text",
    [
        "The Christmas market opens soon.",  # a season, not the day
        "Staff at St Andrews University met.",  # a place
        "New homes on St Mark Street.",
        "Ann Boxing, a coach, spoke.",
        "The New Year plans were set.",
        "Guy Fawkes was a plotter.",
        "We had a good friday night out.",  # only "Good Friday" is the day
        "Easter eggs were handed out.",  # a season's word alone
        "Bank holiday weekends are busy.",
        "The May bank holiday is busy.",  # two in May: which one is not said
        "A spring bank of flowers and summer holiday clubs.",
        "The christmas market and the bonfire night display.",  # (see lower_case's _why)
    ],
)
def test_words_of_named_days_alone_are_no_date(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize("text, written, day", NAMED.values(), ids=NAMED.keys())
def test_a_named_day_is_its_day(text: str, written: str, day: str) -> None:
    assert_day(text, written, day)


# Easter Sunday by the computus, against dates checked by hand in church calendars.
@pytest.mark.parametrize(
    "year, day",
    [
        (1913, "1913-03-23"),
        (1943, "1943-04-25"),
        (2000, "2000-04-23"),
        (2008, "2008-03-23"),
        (2011, "2011-04-24"),
        (2019, "2019-04-21"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2038, "2038-04-25"),
    ],
)
def test_easter_sunday_by_the_computus(year: int, day: str) -> None:
    (d,) = find_dates(f"Services on Easter Sunday {year}.")
    assert d.start_date == d.end_date == day


# Each movable day falls on its weekday, in its window, in every year.
@given(st.integers(1900, 2099))
def test_movable_days_fall_on_their_weekday_in_their_window(year: int) -> None:
    def day(name: str) -> date:
        (d,) = find_dates(f"On {name} {year} it rained.")
        assert d.start_date is not None
        return date.fromisoformat(d.start_date)

    easter = day("Easter Day")
    assert easter.weekday() == 6 and date(year, 3, 22) <= easter <= date(year, 4, 25)
    assert day("Good Friday") == easter - timedelta(days=2)
    assert day("Easter Monday") == easter + timedelta(days=1)
    assert day("Mothering Sunday") == easter - timedelta(days=21)
    assert day("Shrove Tuesday").weekday() == 1
    remembrance = day("Remembrance Sunday")
    assert remembrance.weekday() == 6 and 8 <= remembrance.day <= 14
    summer = day("Summer Bank Holiday")
    assert summer.weekday() == 0 and summer.month == 8 and summer.day >= 25
    if year not in (1977, 2002, 2012, 2022):
        spring = day("Spring Bank Holiday")
        assert spring.weekday() == 0 and spring.month == 5 and spring.day >= 25
    if year not in (1995, 2020):
        early = day("Early May Bank Holiday")
        assert early.weekday() == 0 and early.month == 5 and early.day <= 7


# Every lower-case name has a lower-case word that holds a trigger, and is a named day.
def test_each_lower_case_name_has_a_trigger_and_a_rule() -> None:
    vocab = dates._V["named_days"]
    known = {dates._named_key(n) for n in (*vocab["days"], *vocab["movable"])}
    for name in vocab["lower_case"]["names"]:
        words = [w for w in name.split() if w.islower()]
        assert any(t in w for t in vocab["lower_case"]["triggers"] for w in words), name
        assert dates._named_key(name) in known, name


# The search round the triggers finds what a search of the whole text finds.
@given(
    st.lists(
        st.sampled_from(
            [
                "christmas",
                "day",
                "eve",
                "boxing",
                "easter",
                "sunday",
                "monday",
                "bank",
                "holiday",
                "spring",
                "early",
                "May",
                "hallowe'en",
                "halloween",
                "hallowe’en",
                "hogmanay",
                "today",
                "every",
                "the",
                "remembrance",
                "Day",
                "2024",
                "x",
                "day2",
                "mothering",
            ]
        ),
        max_size=14,
    ),
    st.lists(st.sampled_from([" ", "  ", "\n", ", ", "'", "\xa0", "-", "\n   \n"]), min_size=14),
)
def test_lower_named_days_round_triggers_agree_with_a_whole_search(
    words: list[str], seps: list[str]
) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    got = sorted({m.span() for m in dates._lower_named_matches(text)})
    assert got == [m.span() for m in dates._LOWER_NAMED_RE.finditer(text)]


# A paragraph break between two offsets, as _Breaks finds it and as a regex search does.
@given(
    st.text(alphabet="\n \tab", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
)
def test_breaks_between_agree_with_a_search(text: str, pairs: list[tuple[int, int]]) -> None:
    breaks = dates._Breaks(text)
    for a, b in sorted((min(p), max(p)) for p in pairs):
        want = dates._PARAGRAPH_BREAK_RE.search(text, a, b) is not None
        assert breaks.between(a, b) == want, (text, a, b)


# A quarter written after its financial year, as Scottish statistics releases write it.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cases fell in 2024-25 Q2.", ("2024-25 Q2", "2024-07-01", "2024-09-30")),
        ("Up on 2023/24 Q4 levels.", ("2023/24 Q4", "2024-01-01", "2024-03-31")),
        ("Since 2009-10 Q1 it rose.", ("2009-10 Q1", "2009-04-01", "2009-06-30")),
        ("Since 2009-10\xa0Q3 it rose.", ("2009-10\xa0Q3", "2009-10-01", "2009-12-31")),
    ],
)
def test_a_quarter_after_its_financial_year(text: str, expected: tuple[str, str, str]) -> None:
    assert_date(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Years 2023-25 Q1 data.", "2023-25"),  # a span of years has no quarters
        ("Codes 2024-25 QA apply.", "2024-25"),  # no quarter number
        ("Codes 2024-25 Q5 apply.", "2024-25"),
    ],
)
def test_no_quarter_after_other_spans(text: str, expected: str) -> None:
    assert [d.text for d in find_dates(text)] == [expected]


@given(st.integers(1901, 2097), st.integers(1, 4))
def test_a_quarter_reads_the_same_before_and_after_its_financial_year(y: int, q: int) -> None:
    fy = f"{y}-{(y + 1) % 100:02}"
    (before,) = find_dates(f"Data for Q{q} {fy} are out.")
    (after,) = find_dates(f"Data for {fy} Q{q} are out.")
    assert (before.start_date, before.end_date) == (after.start_date, after.end_date)


# "Quarter 3 2024" and "2024 Quarter 3", as Scottish statistics releases name a quarter: the
# same months as Q3 2024; a financial year after it, its quarter.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("GDP grew in Quarter 3 2024.", ("Quarter 3 2024", "2024-07-01", "2024-09-30")),
        ("GDP: 2024 Quarter 2 (April to June)", ("2024 Quarter 2", "2024-04-01", "2024-06-30")),
        ("Since Quarter 4, 2019 it fell.", ("Quarter 4, 2019", "2019-10-01", "2019-12-31")),
        ("Quarter\xa01 2024/25 data", ("Quarter\xa01 2024/25", "2024-04-01", "2024-06-30")),
    ],
)
def test_a_quarter_named_by_its_word(text: str, expected: tuple[str, str, str]) -> None:
    assert_date(text, expected, at=0)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Quarter 5 2024 is no quarter.", ["2024"]),
        ("The Quarter 3 report is out.", []),
        ("The quarter 3 2024 table", ["2024"]),  # lower case: the word only in a heading's case
    ],
)
def test_quarter_words_that_are_no_quarter(text: str, expected: list[str]) -> None:
    assert [d.text for d in find_dates(text)] == expected


# "the year to end-September 2025": the twelve months that end then, as "the year to the end
# of September 2025".
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "In the year to end-September 2025 GDP rose.",
            ("the year to end-September 2025", "2024-10-01", "2025-09-30"),
        ),
        (
            "The three months to end-June 2024",
            ("The three months to end-June 2024", "2024-04-01", "2024-06-30"),
        ),
    ],
)
def test_the_year_to_end_month(text: str, expected: tuple[str, str, str]) -> None:
    assert_date(text, expected)


# Every head of "the year to" (dates_vocab.json year_to_heads), its words joined by a hyphen or
# a space, before a month and year: the months it names up to that month (a hyphened head, "the
# 12-month period to June 2024" on a fire service's page, raised a KeyError).
@pytest.mark.parametrize("head", [h for h in dates._V["year_to_heads"] if not h.startswith("_")])
@pytest.mark.parametrize("join", [" ", "-"])
def test_every_year_to_head_hyphened_or_not(head: str, join: str) -> None:
    written = join.join(head.replace("-", " ").split())
    text = f"Figures for the {written} to June 2024 show 412 fires."
    months = dates._V["year_to_heads"][head]
    first = shift_month(2024, 6, 1 - months)
    assert spans(text)[0] == (
        f"the {written} to June 2024",
        f"{first[0]:04d}-{first[1]:02d}-01",
        "2024-06-30",
        "month",
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "In the twelve-month period ending 30 September 2025 crews saw 80 fires.",
            ("the twelve-month period ending 30 September 2025", "2024-10-01", "2025-09-30"),
        ),
        (
            "The 12 month period up to March 2025 saw 12 arrests.",
            ("The 12 month period up to March 2025", "2024-04-01", "2025-03-31"),
        ),
    ],
)
def test_a_twelve_month_period_to_a_date(text: str, expected: tuple[str, str, str]) -> None:
    assert_date(text, expected)


# A date with no year, then "last year" / "this year" / "next year": the dateline's year plus
# theirs; the words join the date; a month alone before them is that month.
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Date: 12 May 2025\n\nThe assault was on 14 March last year.",
            ("14 March last year", "2024-03-14", "2024-03-14"),
        ),
        (
            "Published: 12 May 2025\n\nCalls rose in March last year.",
            ("March last year", "2024-03-01", "2024-03-31"),
        ),
        (
            "Posted on 12 May 2025\n\nIN JUNE THIS YEAR",
            ("JUNE THIS YEAR", "2025-06-01", "2025-06-30"),
        ),
        (
            "Date: 12 May 2025\n\nShut on 30 December, last year.",
            ("30 December, last year", "2024-12-30", "2024-12-30"),
        ),
        (
            "Date: 12 May 2025\n\nWorks run from 3 to 5 June next year.",
            ("from 3 to 5 June next year", "2026-06-03", "2026-06-05"),
        ),
        (
            "Date: 12 May 2025\n\nIt opens on Easter Monday next year.",
            ("Easter Monday next year", "2026-04-06", "2026-04-06"),
        ),
        (
            "Date: 12 May 2025\n\nOn Tuesday 4 March last\xa0year it shut.",
            ("Tuesday 4 March last\xa0year", "2024-03-04", "2024-03-04"),
        ),
    ],
)
def test_a_date_then_last_or_next_year(text: str, expected: tuple[str, str, str]) -> None:
    assert_date(text, expected, at=1)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Date: 12 May 2025\n\nThe March last year's figures", []),  # a possessive
        ("Date: 12 May 2025\n\nIt may last year round.", []),  # a verb: no month
        ("Date: 12 May 2025\n\nMarch this yearly fair", []),
    ],
)
def test_last_year_forms_that_are_no_date(text: str, expected: list[str]) -> None:
    assert [d.text for d in find_dates(text)][1:] == expected


# A day glued to its month, as text copied out of a PDF often comes: only with a year.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Signed on 14April 2015 by both.", ("14April 2015", "2015-04-14")),
        ("Signed on 3rdMarch 2019 by both.", ("3rdMarch 2019", "2019-03-03")),
        ("signed on 14april 2015 by both.", ("14april 2015", "2015-04-14")),
        ("Signed on 1Dec. 2020 by both.", ("1Dec. 2020", "2020-12-01")),
        ("Signed Tuesday 2SEPT 2025 by both.", ("Tuesday 2SEPT 2025", "2025-09-02")),
    ],
)
def test_a_day_glued_to_its_month(text: str, expected: tuple[str, str]) -> None:
    assert_date(text, (expected[0], expected[1], expected[1]))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Doors at 10am 2015 style.", ["2015"]),  # other glued letters
        ("Scores 4Marks 2015 were kept.", ["2015"]),  # a longer word
        ("Published 3Mar to staff.", []),  # no year
        ("The 4G 2019 roll-out.", ["2019"]),
    ],
)
def test_glued_letters_that_are_no_month(text: str, expected: list[str]) -> None:
    assert [d.text for d in find_dates(text)] == expected


# A day written as an ordinal word, with its month and year.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("It was signed March third, 2015.", ("March third, 2015", "2015-03-03")),
        ("It was signed march third 2015.", ("march third 2015", "2015-03-03")),
        ("IT WAS SIGNED MARCH THIRD 2015.", ("MARCH THIRD 2015", "2015-03-03")),
        ("Open on the twenty-first of June 2024.", ("the twenty-first of June 2024", "2024-06-21")),
        ("Open on the Twenty First of June 2024.", ("the Twenty First of June 2024", "2024-06-21")),
        ("First of April 2025 is the start.", ("First of April 2025", "2025-04-01")),
        ("On Friday, May second, 2025 it opened.", ("Friday, May second, 2025", "2025-05-02")),
    ],
)
def test_a_day_written_as_an_ordinal_word(text: str, expected: tuple[str, str]) -> None:
    assert_date(text, (expected[0], expected[1], expected[1]))


# The ordinal words come from number_words.json (normalize.ORDINAL_WORDS): every day has one.
@given(st.integers(1, 31), st.sampled_from(["January", "March", "May", "July", "August"]))
def test_every_day_has_its_ordinal_word(d: int, month: str) -> None:
    word = next(w for w, v in ORDINAL_WORDS.items() if v == d)
    for written in (word, word.replace("-", " ").title()):
        (got,) = find_dates(f"Open on the {written} of {month} 2024.")
        assert got.text == f"the {written} of {month} 2024"
        assert got.start_date == got.end_date == f"2024-{month_number(month):02}-{d:02}"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It was the second of two visits in June 2025.", ["June 2025"]),  # not before the month
        ("The first quarter of 2025 was busy.", ["The first quarter of 2025"]),
        ("Set for February thirtieth 2025.", ["2025"]),  # no such day
        ("The third of May staff left.", []),  # a third of them: a plural noun after it
    ],
)
def test_ordinal_words_that_are_no_day(text: str, expected: list[str]) -> None:
    assert [d.text for d in find_dates(text)] == expected


# A day glued to its month's full name with no year (as PDF copies give it): a day whose year
# comes from the text; in lower case or abbreviated, no day.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published 4 March 2024\n\nIt reopens 1January.", [("1January", "2024-01-01")]),
        ("Date: 4 March 2024\n\nFrom 3rdMarch the hub", [("3rdMarch", "2024-03-03")]),
        ("Posted on 4 March 2024\n\nUntil 30JUNE, then", [("30JUNE", "2024-06-30")]),
        ("Published 4 March 2024\n\nFrom 3march on", []),
        ("Published 4 March 2024\n\nCode 4Dec and 12Jan", []),
    ],
)
def test_a_day_glued_to_its_month_with_no_year(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(d.text, d.start_date) for d in find_dates(text)]
    assert got[1:] == expected


# "the fifth of November" with no year: "the", a day in words, "of" and a month's full name
# are a day whose year comes from the text (the dateline here).
@pytest.mark.parametrize(
    "text, written, day",
    [
        (
            "Published 3 October 2025\n\nCrews expect calls on the fifth of November.",
            "the fifth of November",
            "2025-11-05",
        ),
        (
            "Date: 1 July 2024\n\nBonfires are lit before the Twelfth of July.",
            "the Twelfth of July",
            "2024-07-12",
        ),
        (
            "Posted on 2 March 2026\n\nTHE FIRST OF APRIL IS THE START.",
            "THE FIRST OF APRIL",
            "2026-04-01",
        ),
        (
            "Published: 10 May 2025\n\nThe pool reopens on the twenty-third of May.",
            "the twenty-third of May",
            "2025-05-23",
        ),
        (
            "Published: 10 May 2025\n\nIt reopens on the twenty third\nof June.",
            "the twenty third\nof June",
            "2025-06-23",
        ),
        (
            "Updated 4 January 2025\n\nOn the thirty-first of December, crews were busy.",
            "the thirty-first of December",
            "2024-12-31",
        ),
        (
            "<p>Published:\xa012 May 2025</p>\n\n<p>From the\xa0second of June the road shuts.</p>",
            "the\xa0second of June",
            "2025-06-02",
        ),
    ],
)
def test_a_day_in_words_of_a_month_with_no_year(text: str, written: str, day: str) -> None:
    assert_day(text, written, day)


@pytest.mark.parametrize(
    "text",
    [
        "Published 3 October 2025\n\nA third of March's budget was spent.",  # a fraction
        "Published 3 October 2025\n\nThe thirty-first of April was named.",  # no such day
        "Published 3 October 2025\n\nOn the fifth of november it rained.",  # a lower-case month
        "Published 3 October 2025\n\nOn the fifth of Nov it rained.",  # an abbreviation
        "Published 3 October 2025\n\nThe second of May inspections found more.",  # a plural noun
        "Published 3 October 2025\n\nThe fifth of the month is busy.",
    ],
)
def test_day_words_of_a_month_that_are_no_day(text: str) -> None:
    assert [d.text for d in find_dates(text)] == ["3 October 2025"]


# "2025-6": a year and the next year's last digit is a financial year (as 2025-26).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bills fall in 2025-6.", ("2025-6", "2025-04-01", "2026-03-31")),
        ("Spending in 2019/0 rose.", ("2019/0", "2019-04-01", "2020-03-31")),
        ("The 2010\u20131 budget.", ("2010\u20131", "2010-04-01", "2011-03-31")),
    ],
)
def test_a_financial_year_with_one_digit_after_the_dash(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert_date(text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bills in 2025-7 rose.", []),  # not the next year
        ("Code 2025-6-3 was set.", ["2025-6-3"]),  # a day (ISO)
        ("Figures 2019-3 and 2020-9 differ.", []),
    ],
)
def test_one_digit_after_a_year_that_is_no_financial_year(text: str, expected: list[str]) -> None:
    assert [d.text for d in find_dates(text)] == expected


# A day with no year listed with a dated one takes its year, with a clock time between them
# (NI fire and rescue's bonfire-night figures: between 6pm 11 July and 2am 12 July 2023).
@pytest.mark.parametrize(
    "text, written, day",
    [
        (
            "Published 12 July 2024\n\nBetween 6pm 11 July and 2am 12 July 2023, crews took calls.",
            "11 July",
            "2023-07-11",
        ),
        (
            "Posted 1 Aug 2025\n\nFrom 10.30pm on 4 July and 01:15 on 5 July 2024 it rained.",
            "4 July",
            "2024-07-04",
        ),
        (
            "Date: 3 June 2025\n\nDrop in at 9 a.m. on 2 March, or at 3pm on 3 March 2024.",
            "2 March",
            "2024-03-02",
        ),
    ],
)
def test_a_day_listed_with_a_dated_one_over_a_clock_time(text: str, written: str, day: str) -> None:
    assert_day(text, written, day)


def parts(text: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    return [
        (d.text, d.start_date, d.end_date, d.part_start_date, d.part_end_date)
        for d in find_dates(text)
    ]


# A part of a month (month_parts): the item spans the phrase, its dates are the month's (as a
# part of a year gives its year), and the days it points at are in part_*; with no year, a
# month whose year comes from the text.
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Work ends in mid-June 2025.",
            ("mid-June 2025", "2025-06-01", "2025-06-30", "2025-06-11", "2025-06-20"),
        ),
        (
            "Early March 2026 saw floods.",
            ("Early March 2026", "2026-03-01", "2026-03-31", "2026-03-01", "2026-03-10"),
        ),
        (
            "Bids close by the end of February 2024.",
            ("the end of February 2024", "2024-02-01", "2024-02-29", "2024-02-21", "2024-02-29"),
        ),
        (
            "Until late\nApril, 2023 the path shut.",
            ("late\nApril, 2023", "2023-04-01", "2023-04-30", "2023-04-21", "2023-04-30"),
        ),
        (
            "From the beginning of AUGUST 2025.",
            (
                "the beginning of AUGUST 2025",
                "2025-08-01",
                "2025-08-31",
                "2025-08-01",
                "2025-08-10",
            ),
        ),
        # with no year: a month whose year comes from the text (the dateline here)
        (
            "Published 3 March 2025\n\nResults are due by mid-June.",
            ("mid-June", "2025-06-01", "2025-06-30", "2025-06-11", "2025-06-20"),
        ),
        (
            "Date: 5 January 2025\n\nThe site will reopen in late December.",
            ("late December", "2025-12-01", "2025-12-31", "2025-12-21", "2025-12-31"),
        ),
        (
            "Posted on 10 February 2024\n\nWork began at the end of\nJanuary.",
            ("the end of\nJanuary", "2024-01-01", "2024-01-31", "2024-01-21", "2024-01-31"),
        ),
        (
            "<p>Published:\xa012 May 2028</p>\n\n<p>Open from early\xa0February.</p>",
            ("early\xa0February", "2028-02-01", "2028-02-29", "2028-02-01", "2028-02-10"),
        ),
    ],
)
def test_a_part_of_a_month(text: str, expected: tuple[str, str, str, str, str]) -> None:
    assert parts(text)[-1] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published 3 March 2025\n\nBins go out on the early May bank holiday.", "2025-05-05"),
        ("Published 3 March 2025\n\nThe pool shuts on late May bank holiday.", "2025-05-26"),
    ],
)
def test_a_named_day_that_opens_with_a_part_of_a_month_stays_a_day(
    text: str, expected: str
) -> None:
    (_, day) = find_dates(text)
    assert day.start_date == day.end_date == expected


@pytest.mark.parametrize(
    "text",
    [
        "Published 3 March 2025\n\nResults are due by mid-june.",  # a lower-case month
        "Published 3 March 2025\n\nIn the middle of May staff left.",  # a plural noun after it
        "Published 3 March 2025\n\nSales were early in May.",
        "Published 3 March 2025\n\nThe end of the May term.",
    ],
)
def test_parts_of_a_month_that_are_no_date(text: str) -> None:
    assert [d.text for d in find_dates(text)] == ["3 March 2025"]


# Welsh dates ("welsh" in dates_vocab.json), on sentences written for these tests.
WELSH = {
    "day-month-year": ("Cyhoeddwyd: 14 Tachwedd 2025", [("14 Tachwedd 2025", "2025-11-14")]),
    "upper-case": ("DYDDIAD: 3 HYDREF 2025", [("3 HYDREF 2025", "2025-10-03")]),
    "weekday": ("Dydd Iau 6 Mawrth 2025", [("Dydd Iau 6 Mawrth 2025", "2025-03-06")]),
    "weekday-mutated-comma": (
        "Daeth y criwiau ddydd Gwener, 7 Chwefror 2025.",
        [("ddydd Gwener, 7 Chwefror 2025", "2025-02-07")],
    ),
    "tuesday-is-mawrth": (
        "Bydd y cyfarfod nos Fawrth, 11 Mawrth 2025.",
        [("nos Fawrth, 11 Mawrth 2025", "2025-03-11")],
    ),
    "ordinal-o-soft": (
        "Mae'r tymor yn dechrau Dydd Mercher 5ed o Fehefin 2024.",
        [("Dydd Mercher 5ed o Fehefin 2024", "2024-06-05")],
    ),
    "ordinal-ain": ("Caeodd ar 21ain Rhagfyr 2024.", [("21ain Rhagfyr 2024", "2024-12-21")]),
    "ordinal-af": ("Dydd Llun 1af Medi 2025", [("Dydd Llun 1af Medi 2025", "2025-09-01")]),
    "comma-before-year": (
        "Pwyllgor - Dydd Llun, 6ed Ionawr, 2025 10.00 am",
        [("Dydd Llun, 6ed Ionawr, 2025", "2025-01-06")],
    ),
    "month-first-with-year": (
        "Bydd yr achos yn dechrau ar Ionawr 27, 2026.",
        [("Ionawr 27, 2026", "2026-01-27")],
    ),
}


@pytest.mark.parametrize("case", WELSH.values(), ids=WELSH.keys())
def test_welsh_days(case: tuple[str, list[tuple[str, str]]]) -> None:
    text, expected = case
    assert [(d.text, d.start_date) for d in find_dates(text)] == expected
    assert all(d.start_date == d.end_date and not d.year_inferred for d in find_dates(text))


WELSH_SPANS = {
    "ym-mis": (
        "Agorodd y ganolfan ym mis Ebrill 2025.",
        [("Ebrill 2025", "2025-04-01", "2025-04-30", "month")],
    ),
    "fis": (
        "Cafwyd adroddiad fis Gorffennaf 2023.",
        [("Gorffennaf 2023", "2023-07-01", "2023-07-31", "month")],
    ),
    "tan-soft": (
        "Bydd y ffordd ar gau tan Fedi 2026.",
        [("Fedi 2026", "2026-09-01", "2026-09-30", "month")],
    ),
    "o-i-days": (
        "Mae'r arolwg ar agor o 10 i 14 Tachwedd 2025.",
        [("o 10 i 14 Tachwedd 2025", "2025-11-10", "2025-11-14", "day")],
    ),
    "rhwng-a-days": (
        "Bydd y gwaith rhwng 2 a 6 Mehefin 2025.",
        [("rhwng 2 a 6 Mehefin 2025", "2025-06-02", "2025-06-06", "day")],
    ),
    "dash-days": (
        "Gwyl Kelby, 12\u201316 Mai 2025",
        [("12\u201316 Mai 2025", "2025-05-12", "2025-05-16", "day")],
    ),
    "ordinal-days-dash": (
        "Rhwng 1af Mehefin - 18fed Gorffennaf 2025 cafwyd 70 o danau.",
        [("Rhwng 1af Mehefin - 18fed Gorffennaf 2025", "2025-06-01", "2025-07-18", "day")],
    ),
    "over-months": (
        "Ymgynghoriad o 28 Chwefror i 3 Mawrth 2025.",
        [("o 28 Chwefror i 3 Mawrth 2025", "2025-02-28", "2025-03-03", "day")],
    ),
    "over-new-year": (
        "Ar gau rhwng 30 Rhagfyr 2024 a 2 Ionawr 2025.",
        [("rhwng 30 Rhagfyr 2024 a 2 Ionawr 2025", "2024-12-30", "2025-01-02", "day")],
    ),
    "weekdays-range": (
        "Hanner tymor: Dydd Llun 27ain o Hydref \u2013 Dydd Gwener 31ain o Hydref 2025",
        [
            (
                "Dydd Llun 27ain o Hydref \u2013 Dydd Gwener 31ain o Hydref 2025",
                "2025-10-27",
                "2025-10-31",
                "day",
            )
        ],
    ),
    "months-o-fis-i-fis": (
        "Bydd y cynllun yn rhedeg o fis Medi i fis Rhagfyr 2025.",
        [("o fis Medi i fis Rhagfyr 2025", "2025-09-01", "2025-12-31", "month")],
    ),
    "months-rhwng": (
        "Data rhwng Ionawr a Mawrth 2026.",
        [("rhwng Ionawr a Mawrth 2026", "2026-01-01", "2026-03-31", "month")],
    ),
    "months-soft": (
        "Ar agor o Orffennaf i Fedi 2025.",
        [("o Orffennaf i Fedi 2025", "2025-07-01", "2025-09-30", "month")],
    ),
    "months-aspirate": (
        "Cwynion rhwng Medi a Thachwedd 2025.",
        [("rhwng Medi a Thachwedd 2025", "2025-09-01", "2025-11-30", "month")],
    ),
    "months-dash-over-year": (
        "Ffigurau Tachwedd\u2013Chwefror 2026",
        [("Tachwedd\u2013Chwefror 2026", "2025-11-01", "2026-02-28", "month")],
    ),
    "two-days-with-a": (
        "Cafwyd ymweliadau ar 1 Hydref 2025 a 3 Hydref 2025.",
        [
            ("1 Hydref 2025", "2025-10-01", "2025-10-01", "day"),
            ("3 Hydref 2025", "2025-10-03", "2025-10-03", "day"),
        ],
    ),
    "english-beside": (
        "Published 3 March 2025 / Cyhoeddwyd 3 Mawrth 2025",
        [
            ("3 March 2025", "2025-03-03", "2025-03-03", "day"),
            ("3 Mawrth 2025", "2025-03-03", "2025-03-03", "day"),
        ],
    ),
}


@pytest.mark.parametrize("case", WELSH_SPANS.values(), ids=WELSH_SPANS.keys())
def test_welsh_ranges_and_months(case: tuple[str, list[tuple[str, str, str, str]]]) -> None:
    text, expected = case
    assert spans(text) == expected


WELSH_YEARLESS = {
    "after-dateline": (
        "Cyhoeddwyd: 3 Hydref 2025\n\nBydd yr ysgol yn ailagor ar 10 Tachwedd.",
        ("10 Tachwedd", "2025-11-10", "2025-11-10"),
    ),
    "weekday-no-year": (
        "3 Hydref 2025\n\nBydd y llyfrgell yn agor ddydd Llun 6 Hydref.",
        ("ddydd Llun 6 Hydref", "2025-10-06", "2025-10-06"),
    ),
    "ordinal-o-soft": (
        "Diweddarwyd: 2 Gorffennaf 2025\n\nMae'r tymor yn dechrau Dydd Mawrth 2il o Fedi.",
        ("Dydd Mawrth 2il o Fedi", "2025-09-02", "2025-09-02"),
    ),
    "month-first-in-brackets": (
        "Cyhoeddwyd 24 Tachwedd 2025. Cytunodd y cabinet ddydd Mawrth (Tachwedd 22).",
        ("Tachwedd 22", "2025-11-22", "2025-11-22"),
    ),
    "weekday-month-first": (
        "11 Awst 2025\n\nRoedd y ffair yn brysur (dydd Sadwrn, Awst 9).",
        ("dydd Sadwrn, Awst 9", "2025-08-09", "2025-08-09"),
    ),
    "range-no-year": (
        "Cyhoeddwyd: 1 Mai 2025\n\nBydd y bont ar gau o 12 i 16 Mai.",
        ("o 12 i 16 Mai", "2025-05-12", "2025-05-16"),
    ),
}


@pytest.mark.parametrize("case", WELSH_YEARLESS.values(), ids=WELSH_YEARLESS.keys())
def test_welsh_days_without_a_year(case: tuple[str, tuple[str, str, str]]) -> None:
    text, expected = case
    d = find_dates(text)[-1]
    assert (d.text, d.start_date, d.end_date) == expected
    assert d.year_inferred


WELSH_NOT = {
    # a name, not May
    "mai-a-name": ("Mai Jones, the leader, said the plan was ready.", []),
    "mai-name-beside-date": ("Mai Jones spoke on 3 May 2025.", ["3 May 2025"]),
    # a word holding a month's letters
    "media": ("The Media 2025 awards and Medical 3 Harbridge.", ["2025"]),
    # Tuesday, not March
    "dydd-mawrth-count": (
        "Cyhoeddwyd 3 Mai 2025. Galwyd y criw ddydd Mawrth 14 o weithiau.",
        ["3 Mai 2025"],
    ),
    "nos-fawrth-count": ("Yn 2024 roedd y clwb ar agor nos Fawrth 30 o weithiau.", ["2024"]),
    # a mutated form with no word that mutates it is another word ('ar fai': at fault)
    "soft-alone": ("Adroddiad Fedi 2024 a Fai 2023.", ["2024", "2023"]),
    # English with Welsh place names
    "place-names": (
        "Crews from Llanfair and Pen-y-bont attended on 3 March 2025 in Mai Street.",
        ["3 March 2025"],
    ),
    # a month first and a bare number with words going on after it
    "month-first-count": ("Cyhoeddwyd 3 Mai 2025. Ebrill 24 o bobl.", ["3 Mai 2025"]),
    # a backwards range is no range
    "backwards": ("Cyhoeddwyd 3 Mai 2025. O 16 i 12 Mai.", ["3 Mai 2025", "12 Mai"]),
    "backwards-months": (
        "Cyhoeddwyd 3 Mai 2025. Rhwng 9 Gorffennaf a 4 Gorffennaf.",
        ["3 Mai 2025", "9 Gorffennaf", "4 Gorffennaf"],
    ),
}


@pytest.mark.parametrize("case", WELSH_NOT.values(), ids=WELSH_NOT.keys())
def test_welsh_negatives(case: tuple[str, list[str]]) -> None:
    text, expected = case
    assert [d.text for d in find_dates(text)] == expected


def test_welsh_days_are_no_counts_and_a_welsh_dateline_is_the_dateline() -> None:
    from pipeline import extract_text

    text = (
        "Cyngor Kelby yn agor llyfrgell newydd\n\n"
        "Cyhoeddwyd: 3 Hydref 2025\n\n"
        "Bydd y llyfrgell yn Ashby yn agor Dydd Llun 6ed o Hydref, a 12 o staff yno.\n"
    )
    release = extract_text(text)
    assert [n.text for n in release.numbers] == ["12"]
    kinds = {s.text: s.kind for s in release.sections}
    assert kinds["Cyhoeddwyd: 3 Hydref 2025"] == "metadata"
    assert release.title == "Cyngor Kelby yn agor llyfrgell newydd"
    assert [d.start_date for d in release.dates] == ["2025-10-03", "2025-10-06"]


WELSH_PIECES = [
    *("3", "3ydd", "o", "i", "a", "Mawrth", "Fawrth", "Mai", "Dydd", "nos", "2025", "rhwng"),
    *(",", "(", ")", "fis", "Thachwedd"),
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*WELSH_PIECES, " ", "\u2013", "\n"]), max_size=40))
def test_welsh_pieces_no_error_and_offsets_hold(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text


# Real-page forms of police, council and NHS pages: "wk commencing", a weekday after a dash.
WK_AND_DASH = {
    "wk-commencing": (
        "Published 1 May 2025. Closed wk commencing 12 May.",
        ("wk commencing 12 May", "2025-05-12", "2025-05-18"),
    ),
    "wk-slash-c": ("Closed wk/c 12 May 2025.", ("wk/c 12 May 2025", "2025-05-12", "2025-05-18")),
    "wk-ending": (
        "Data for wk ending 9 March 2025",
        ("wk ending 9 March 2025", "2025-03-03", "2025-03-09"),
    ),
    "weekday-dash-weekday": (
        "Published 1 March 2025. Open Monday 3 - Friday 7 March.",
        ("Monday 3 - Friday 7 March", "2025-03-03", "2025-03-07"),
    ),
    "short-weekdays-en-dash": (
        "Open Mon 3 \u2013 Fri 7 March 2025.",
        ("Mon 3 \u2013 Fri 7 March 2025", "2025-03-03", "2025-03-07"),
    ),
}


@pytest.mark.parametrize("case", WK_AND_DASH.values(), ids=WK_AND_DASH.keys())
def test_wk_leads_and_a_weekday_after_a_dash(case: tuple[str, tuple[str, str, str]]) -> None:
    text, expected = case
    d = find_dates(text)[-1]
    assert (d.text, d.start_date, d.end_date) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The wkly 5 May 2025 report", ["5 May 2025"]),  # no lead: a word that opens with wk
        ("Work began 12 May 2025.", ["12 May 2025"]),
        ("Town 3 - Rovers 2 on 5 May 2025", ["5 May 2025"]),  # a score, a name after the dash
        ("Item 3 - Introduction", []),
    ],
)
def test_near_misses_of_wk_leads_and_dashes(text: str, expected: list[str]) -> None:
    assert [d.text for d in find_dates(text)] == expected


def test_a_welsh_dateline_under_the_headline_in_the_menus_block() -> None:
    from pipeline import extract_text

    text = (
        "Hafan\nNewyddion\nIechyd\nCyngor Kelby yn agor llyfrgell newydd yn Ashby\n"
        "Dydd Llun 3 Mawrth 2025\n\n"
        "Bydd y llyfrgell newydd yn Ashby yn agor ddydd Sadwrn 8 Mawrth, meddai'r cyngor.\n"
    )
    release = extract_text(text)
    assert release.title == "Cyngor Kelby yn agor llyfrgell newydd yn Ashby"
    assert {"dydd", "llun", "mawrth", "fawrth", "thachwedd"} <= dates.DATE_WORDS
    assert release.numbers == ()


# Round 8, statistics bulletins: a provisional or revised mark glued to a financial year
# ("2013-14p", "2011-12r") is no part of it; the year is read, and no sum in pence.
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Fires by type, 2009-10 to 2013-14p, Kelby",
            [("2009-10 to 2013-14", "2009-04-01", "2014-03-31", "financial_year")],
        ),
        (
            "Figures for 2011-12r are revised.",
            [("2011-12", "2011-04-01", "2012-03-31", "financial_year")],
        ),
        (
            "Data for 2013/14p (provisional).",
            [("2013/14", "2013-04-01", "2014-03-31", "financial_year")],
        ),
        (
            "Table 2: 2013-2014p",
            [("2013-2014", "2013-04-01", "2014-03-31", "financial_year")],
        ),
    ],
)
def test_a_statistics_mark_after_a_financial_year(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert spans(text) == expected
    assert find_numbers(text, find_dates(text)) == []


@pytest.mark.parametrize(
    "text",
    ["It cost 2013-14pm.", "2013-14ps", "2013-14p.5", "2013-14x", "2013-14rd"],
)
def test_other_letters_after_a_financial_year_are_no_mark(text: str) -> None:
    assert [d.text for d in find_dates(text)] == []


# Round 8, local news and police pages: a month and a bare day in brackets after a day's word
# ("last night (June 19)", "this morning (May 3)") are a day, as after a weekday; in brackets
# after another word they may still be a month and a two-digit year.
@pytest.mark.parametrize(
    "text, written, day",
    [
        (
            "Published: 21 June 2020\n\nA man was hurt last night (June 19).",
            "June 19",
            "2020-06-19",
        ),
        ("Published: 21 June 2020\n\nCrews came this morning (June 21).", "June 21", "2020-06-21"),
        ("Published: 21 June 2020\n\nIt shut this evening (June 21).", "June 21", "2020-06-21"),
        ("Published: 21 June 2020\n\nIt shut tonight (June 21).", "June 21", "2020-06-21"),
        ("Published: 21 June 2020\n\nIt shut yesterday (June 20).", "June 20", "2020-06-20"),
        ("Published: 21 June 2020\n\nIt shut this afternoon (June 21).", "June 21", "2020-06-21"),
    ],
)
def test_a_bracketed_month_day_after_a_days_word(text: str, written: str, day: str) -> None:
    assert_day(text, written, day)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The figures (June 19) show a rise.", ("June 19", "2019-06-01", "2019-06-30")),
        ("The warning (May 19) was lifted.", ("May 19", "2019-05-01", "2019-05-31")),
    ],
)
def test_a_bracketed_month_and_two_digits_after_other_words(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert_date(text, expected)


# Round 8, police appeals: a month and a bare day after a log's number and "of" ("quoting
# incident number 1001 of October 25") are that day; after "of" and a word they stay no day.
@pytest.mark.parametrize(
    "text, written, day",
    [
        ("Date: 26 October 2021\n\nQuote incident 1001 of October 25.", "October 25", "2021-10-25"),
        ("Date: 26 October 2021\n\nCall 101 quoting log 412 of May 3.", "May 3", "2021-05-03"),
    ],
)
def test_a_month_day_after_a_log_number(text: str, written: str, day: str) -> None:
    assert_day(text, written, day)
    assert [n.text for n in find_numbers(text, find_dates(text))] == []


@pytest.mark.parametrize(
    "text", ["The rest of March 3 pupils left.", "The end of June 27 people met.", "Two of May 5."]
)
def test_a_month_day_after_of_and_a_word_is_no_day(text: str) -> None:
    assert [d.text for d in find_dates(text)] == []
