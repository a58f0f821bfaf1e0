"""Date expressions, on sentences written for these tests (not copied from the fixtures)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.dates import find_dates
from pipeline.normalize import (
    fold,
    iso_month_end,
    months_to,
    months_to_day,
    second_year,
    shift_month,
)
from tests.bounds import SHORT_LINES, run_big


def spans(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(d.text, d.start_date, d.end_date, d.granularity) for d in find_dates(text)]


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
}


@pytest.mark.parametrize("text", NOT_DATES.values(), ids=NOT_DATES.keys())
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


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
    ],
    ids=["prose-1mb", "short-lines", "leads", "ones", "dots", "dashes", "spaces", "no-year"],
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
