"""Ratings tables in every layout, on text written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract import scores
from pipeline.extract.scores import find_scores, table_regions
from pipeline.model import Span


def rows(text: str) -> list[tuple[str, str]]:
    return [(s.criterion, s.score) for s in find_scores(text)]


LAYOUTS = {
    "header-single-space": (
        "Intro paragraph.\n\nCriteria Score\nStrategic planning Good\n"
        "Use of money (Crown Court) Fair\nVictim letters Poor\n\nAfter.",
        [
            ("Strategic planning", "Good"),
            ("Use of money (Crown Court)", "Fair"),
            ("Victim letters", "Poor"),
        ],
    ),
    "header-tabs": (
        "Aspect\tRating\nOpenness\tExcellent\nTimeliness\tFair\n",
        [("Openness", "Excellent"), ("Timeliness", "Fair")],
    ),
    "aligned-no-header": (
        "Ratings:\n\nSafe          Inadequate\nWell-led      Good\nOverall       Inadequate\n",
        [("Safe", "Inadequate"), ("Well-led", "Good"), ("Overall", "Inadequate")],
    ),
    "pipes-no-blank-lines": (
        "The grades were:\nArea | Grade |\nCharging (youth cases) | Good |\n"
        "Hate crime | Fair |\nThe rest follows.",
        [("Charging (youth cases)", "Good"), ("Hate crime", "Fair")],
    ),
    "markdown": (
        "| Criterion | Score |\n| :--- | ---: |\n| Witness care | Poor |\n| Disclosure | Good |\n",
        [("Witness care", "Poor"), ("Disclosure", "Good")],
    ),
    "dash-list": (
        "Judgements:\n\nGovernance – ‘Fair’;\nPeople — ‘Good’; and\nPublic confidence - 'Poor'.\n",
        [("Governance", "Fair"), ("People", "Good"), ("Public confidence", "Poor")],
    ),
    "grade-first-bullets": (
        "The force:\n\n• is ‘good’ at keeping people safe;\n"
        "• ‘requires improvement’ in recording crime; and\n• is ‘inadequate’ at answering calls.\n",
        [
            ("keeping people safe", "good"),
            ("recording crime", "requires improvement"),
            ("answering calls", "inadequate"),
        ],
    ),
    "grade-first-hyphen": (
        "- is 'outstanding' at engaging with communities;\n- 'good' in managing its budget.\n",
        [("engaging with communities", "outstanding"), ("managing its budget", "good")],
    ),
    "grade-first-flat": (
        "It found that the service: • is ‘adequate’ at training staff; • is ‘good’ at "
        "responding to fires. The chief officer said more.",
        [("training staff", "adequate"), ("responding to fires", "good")],
    ),
    "grade-first-unquoted-bullets": (
        "The force was:\n\n• outstanding at preventing crime;\n• good at protecting people;\n"
        "• requires improvement at responding to the public; and\n"
        "• inadequate at recording data about crime.\n",
        [
            ("preventing crime", "outstanding"),
            ("protecting people", "good"),
            ("responding to the public", "requires improvement"),
            ("recording data about crime", "inadequate"),
        ],
    ),
    "grade-first-unquoted-hyphens-indented": (
        "It was found to be:\n  - Good in managing its budget\n  - Adequate at training staff\n",
        [("managing its budget", "Good"), ("training staff", "Adequate")],
    ),
    "prisons-scale-tabs": (
        "Safety\tNot sufficiently good\nRespect\tReasonably good\nPurposeful activity\tPoor\n",
        [
            ("Safety", "Not sufficiently good"),
            ("Respect", "Reasonably good"),
            ("Purposeful activity", "Poor"),
        ],
    ),
    "grade-first-wrong-way-marks": (
        "The force:\n\n• is ’good’ at investigating crime;\n• is ’adequate’ at preventing "
        "crime; and\n• is ’requires improvement’ at responding to the public.\n",
        [
            ("investigating crime", "good"),
            ("preventing crime", "adequate"),
            ("responding to the public", "requires improvement"),
        ],
    ),
    "grade-first-wrong-way-marks-no-is": (
        "- ’Good’ at understanding risk\n- ’Inadequate’ in protecting the public.\n",
        [("understanding risk", "Good"), ("protecting the public", "Inadequate")],
    ),
    "grade-first-quoted-no-is-last-full-stop": (
        "Graded as follows:\n\n- ‘Good’ at understanding fire and risk\n"
        "- ‘Adequate’ at responding to fires\n- ‘Requires improvement’ at promoting values.\n",
        [
            ("understanding fire and risk", "Good"),
            ("responding to fires", "Adequate"),
            ("promoting values", "Requires improvement"),
        ],
    ),
    "grade-first-unquoted-last-full-stop": (
        "The service is:\n\n• good at preventing fires;\n• adequate at protecting the public.\n",
        [("preventing fires", "good"), ("protecting the public", "adequate")],
    ),
    "question-criteria-tabs": (
        "Key question\tGrade\nHow good is our leadership?\tAdequate\n"
        "How good is our setting?\tVery good\n",
        [("How good is our leadership?", "Adequate"), ("How good is our setting?", "Very good")],
    ),
    "quality-indicator-evaluation": (
        "Quality indicator\tEvaluation\nLeadership of change\tVery good\n"
        "Raising attainment\tSatisfactory\n",
        [("Leadership of change", "Very good"), ("Raising attainment", "Satisfactory")],
    ),
    "rank-before-grade-tabs": (
        "Key question\tGrade\nHow good is our leadership?\t4 - Good\n"
        "How good is our setting?\t5 - Very good\n",
        [("How good is our leadership?", "Good"), ("How good is our setting?", "Very good")],
    ),
    "rank-before-grade-aligned-no-header": (
        "Intro.\n\nLeadership   4 – Good\nStaffing     3 – Adequate\n\nAfter.",
        [("Leadership", "Good"), ("Staffing", "Adequate")],
    ),
    "number-in-criterion-kept": (
        "Standard 3 – Good\nStandard 4 – Fair\nStandard 5 – Poor\n",
        [("Standard 3", "Good"), ("Standard 4", "Fair"), ("Standard 5", "Poor")],
    ),
    "upper-case-grades": (
        "Standard Rating\nPartnerships GOOD\nQuality assurance REQUIRES IMPROVEMENT\n",
        [("Partnerships", "GOOD"), ("Quality assurance", "REQUIRES IMPROVEMENT")],
    ),
}


# Texts with grades in them that are no rows.
NOT_ROWS: list[str] = [
    # grade counts are numbers, not rows
    "Inspectors graded:\n\n• Three services ‘Good’\n• One service ‘Inadequate’\n",
    # topic bullets without grades
    # one unquoted grade-first bullet, and bullets with an unquoted grade mid-line
    "The force was:\n\n• good at preventing crime but slow to answer calls, and more\n",
    "Staff said:\n\n• morale is good at the moment;\n• pay is poor in the region;\n",
    "The report looks at:\n\n• how well cases are prepared;\n• the care of victims.\n",
    # ratings in prose and in a headline
    "Force rated ‘Requires improvement’ overall\n\nIt gave an overall score of GOOD.\n",
    # a single prose line that happens to end with a grade word
    "Inspectors judged the Area's work with partners to be good\n",
    # two wrapped prose lines ending in grade words, inside a longer paragraph
    "The leadership team told us that morale was\ngood and that partnership work was\n"
    "fair to middling in parts of the county, which is why the plan changed.\n",
    # two colon or dash lines inside a longer paragraph: prose, not a table
    "The chief inspector gave her view of the force in two lines:\nOverall: Good\n"
    "Next year: Good\nshe said, before leaving.\n",
    "Inspectors asked two questions.\nWas it safe – Good\nWas it led – Good\n"
    "were the answers they wrote down.\n",
    # two colon rows that open a paragraph with prose on the next line, and three inside a
    # paragraph of prose: a blank line or a paragraph's start is what sets a list apart
    "Findings.\n\nOverall: Good\nLeadership: Requires improvement\nThe head was pleased.\n",
    "The chief inspector listed her view:\nOverall: Good\nStaff: Good\nPupils: Good\n"
    "she said, before leaving.\n",
    # a lone Overall line with no table just above it
    "Ratings were given.\n\nOverall: Good\n\nMore.",
    # rows under a line that ends a sentence, or under a line inside a paragraph
    "Intro.\n\nWe asked two questions.\nSafe – Good\nLed – Good\n\nMore.",
    "Intro.\n\nThe first line of prose goes on\nand on here:\nSafe – Good\nLed – Good\n",
    # a scale's grades listed with their ranks or numbers: no criterion names anything
    "Schools are graded:\n- 1 - outstanding\n- 2 - good\n- 3 - requires improvement\n"
    "- 4 - inadequate\n",
    "There are four grades:\n\n• 1: Outstanding\n• 2: Good\n• 3: Requires Improvement\n"
    "• 4: Inadequate\n\nMore.",
    "A business is given one of these ratings:\n\n4 - Good\n5 - Very good\n\nMore.",
    "The scale:\n\nGrade 1: Excellent\nGrade 2: Good\nGrade 3: Fair\n\nMore.",
    # prose with grade words, ratings in sentences and in a headline
    "The school was rated good for leadership and requires improvement for teaching.\n",
    "Staff were praised for a good example of teamwork.\n\nAdequate funding was found.\n",
    "Trust rated ‘good’ overall\n\nThe trust was rated good after the visit.\n",
    # bullets whose grade word is not alone after the stop
    "Notes:\n\n• Pupils are happy. Good teaching helps.\n• Staff are kind. Good.\n",
    # one bulleted stop row is no table, nor is hard-wrapped prose whose line ends in a grade
    "Results:\n\n• Overall effectiveness. Good\n\nMore.",
    "Results.\n\nInspectors found the school calm. Good\nbehaviour was seen in every class.\n",
    # one lone colon line with a grade, and lone lines whose values are no grades
    "## Quality of education: Good\n\nPupils learn well.\n\n## Safeguarding: Effective\n",
    "Contact: Press Office\n\nText.\n\nStatus: Published\n",
]


def test_scale_and_rank() -> None:
    got = find_scores("Criteria Score\nLeadership Excellent\nCasework Poor\n")
    assert [(s.scale, s.score_value) for s in got] == [("hmcpsi", 4), ("hmcpsi", 1)]
    peel = find_scores("• is ‘adequate’ at a;\n• is ‘outstanding’ at b;\n")
    assert [(s.scale, s.score_value) for s in peel] == [("peel", 3), ("peel", 5)]
    ofsted = find_scores("Judgement\tGrade\nHelp\tRequires improvement\nCare\tOutstanding\n")
    assert [(s.scale, s.score_value) for s in ofsted] == [("ofsted-cqc", 2), ("ofsted-cqc", 4)]


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        (
            "Well-being: Good\nCare and development: Excellent\nEnvironment: Adequate\n"
            "Leadership and management: Poor\n",
            "ciw",
        ),
        ("Well-being: Good\nEnvironment: Poor\n", "hmcpsi"),
        ("Learning\tVery good\nAttainment\tSatisfactory\nWellbeing\tWeak\n", "education-scotland"),
        ("Learning\tVery good\nAttainment\tAdequate\nWellbeing\tWeak\n", "scotland-six-point"),
        ("Standards\tGood\nWellbeing\tExcellent\nLeadership\tAdequate\n", "estyn"),
        # Care Inspectorate Wales's published ratings of care homes (from April 2025)
        (
            "Ratings\n\nWellbeing: Good\nCare and support: Needs improvement\n"
            "Leadership and management: Poor\nEnvironment: Excellent\n\nMore.",
            "ciw-care",
        ),
        # the Education and Training Inspectorate's (Northern Ireland) performance levels
        (
            "Outcomes for learners\tVery good\nQuality of provision\tImportant area(s) for "
            "improvement\nLeadership and management\tOutstanding\n",
            "eti",
        ),
        (
            "Levels\n\nOutcomes for learners: Good\nProvision: Important areas for improvement\n"
            "Leadership: Requires urgent improvement\n\nMore.",
            "eti",
        ),
        ("Achievement\tVery good\nProvision\tOutstanding\n", "eti"),
    ],
)
def test_welsh_scottish_and_northern_irish_scales(text: str, scale: str) -> None:
    assert {s.scale for s in find_scores(text)} == {scale}


def test_two_tables_are_numbered_in_order() -> None:
    text = (
        "Criteria Score\nLeadership Fair\nCasework Poor\n\nLater:\n\n"
        "Criteria Score\nLeadership Good\nCasework Fair\n"
    )
    got = find_scores(text)
    assert [(s.table, s.criterion, s.score) for s in got] == [
        (0, "Leadership", "Fair"),
        (0, "Casework", "Poor"),
        (1, "Leadership", "Good"),
        (1, "Casework", "Fair"),
    ]


def test_row_offsets_span_the_row_and_regions_take_the_header() -> None:
    text = "Lead.\n\nCriteria | Score |\n|---|---|\n| Openness | Good |\n| Speed | Fair |\n"
    got = find_scores(text)
    assert [text[s.start : s.end] for s in got] == ["| Openness | Good |", "| Speed | Fair |"]
    (region,) = table_regions(text, got)
    assert text[region[0] : region[1]].startswith("Criteria | Score |")
    assert text[region[0] : region[1]].endswith("| Speed | Fair |")


def test_html_cells_are_read_from_markup() -> None:
    from pipeline.model import Span

    text = "Criteria\tScore\nLeadership\tGood\nMoney\tFair"
    cells = [
        (Span(0, 8, "th"), Span(9, 14, "th")),
        (Span(15, 25, "td"), Span(26, 30, "td")),
        (Span(31, 36, "td"), Span(37, 41, "td")),
    ]
    got = find_scores(text, [cells])
    assert [(s.criterion, s.score, s.start, s.end) for s in got] == [
        ("Leadership", "Good", 15, 30),
        ("Money", "Fair", 31, 41),
    ]


def test_grades_come_from_the_scales_file() -> None:
    assert rows("Safety\tSatisfactory\nCare\tOutstanding\n") == [
        ("Safety", "Satisfactory"),
        ("Care", "Outstanding"),
    ]
    assert rows("Safety\tSplendid\nCare\tMarvellous\n") == []


def test_extra_non_grade_columns_take_first_cell_and_last_grade() -> None:
    # one grade cell per row: the other columns (a count, a percentage) are not grades
    pipes = (
        "| Area | Files | 2023 |\n|---|---|---|\n| Leadership | 12 | Good |\n| Money | 7 | Fair |\n"
    )
    tabs = "Area\tFiles\t2023\nLeadership\t12\tGood\nMoney\t7\tFair\n"
    expected = [("Leadership", "Good"), ("Money", "Fair")]
    assert rows(pipes) == expected
    assert rows(tabs) == expected
    assert [s.qualifier for s in find_scores(pipes)] == [None, None]


MC, CC = "Magistrates' courts", "Crown Court"
TWO_COLUMNS = [
    (f"Pre-charge decisions ({MC})", "Good", MC),
    (f"Pre-charge decisions ({CC})", "Fair", CC),
    (f"Overall casework quality ({MC})", "Good", MC),
    (f"Overall casework quality ({CC})", "Poor", CC),
]
NO_HEADER = [
    ("Pre-charge decisions", "Good", None),
    ("Pre-charge decisions", "Fair", None),
    ("Overall casework quality", "Good", None),
    ("Overall casework quality", "Poor", None),
]
YEARS = [
    ("Leadership (2022)", "Requires improvement", "2022"),
    ("Leadership (2023)", "Good", "2023"),
    ("Services (2022)", "Inadequate", "2022"),
    ("Services (2023)", "Requires improvement", "2023"),
]
THREE_COLUMNS = [
    ("Case progression (North)", "Good", "North"),
    ("Case progression (South)", "Fair", "South"),
    ("Case progression (West)", "Excellent", "West"),
    ("Disclosure (North)", "Poor", "North"),
    ("Disclosure (South)", "Fair", "South"),
    ("Disclosure (West)", "Good", "West"),
]
PERCENT_BETWEEN = [
    (f"Pre-charge decisions ({MC} grade)", "Good", f"{MC} grade"),
    (f"Pre-charge decisions ({CC} grade)", "Fair", f"{CC} grade"),
    (f"Overall casework quality ({MC} grade)", "Good", f"{MC} grade"),
    (f"Overall casework quality ({CC} grade)", "Poor", f"{CC} grade"),
]
# Rows with several grade cells, in every text layout: one item per grade cell, row by row
# and left to right, each criterion qualified by its column's header.
MULTI_COLUMN = {
    "tabs": (
        f"Casework quality\t{MC}\t{CC}\nPre-charge decisions\tGood\tFair\n"
        "Overall casework quality\tGood\tPoor",
        TWO_COLUMNS,
    ),
    "tabs-runs-of-tabs": (
        f"Casework quality\t\t{MC}\t{CC}\nPre-charge decisions\t\tGood\tFair\n"
        "Overall casework quality\tGood\t\tPoor",
        TWO_COLUMNS,
    ),
    "tabs-blank-corner": (
        f"\t{MC}\t{CC}\nPre-charge decisions\tGood\tFair\nOverall casework quality\tGood\tPoor",
        TWO_COLUMNS,
    ),
    "tabs-header-without-corner": (
        f"{MC}\t{CC}\nPre-charge decisions\tGood\tFair\nOverall casework quality\tGood\tPoor",
        TWO_COLUMNS,
    ),
    "tabs-no-header": (
        "Pre-charge decisions\tGood\tFair\nOverall casework quality\tGood\tPoor",
        NO_HEADER,
    ),
    "tabs-header-blank-line-above-rows": (
        f"Casework quality\t{MC}\t{CC}\n\nPre-charge decisions\tGood\tFair\n"
        "Overall casework quality\tGood\tPoor",
        TWO_COLUMNS,
    ),
    "pipes": (
        f"| Casework quality | {MC} | {CC} |\n|---|---|---|\n"
        "| Pre-charge decisions | Good | Fair |\n| Overall casework quality | Good | Poor |",
        TWO_COLUMNS,
    ),
    "pipes-without-outer-pipes": (
        f"Casework quality | {MC} | {CC}\nPre-charge decisions | Good | Fair\n"
        "Overall casework quality | Good | Poor",
        TWO_COLUMNS,
    ),
    "markdown-bold-header-and-grades": (
        f"| **Casework quality** | **{MC}** | **{CC}** |\n| :--- | :---: | :---: |\n"
        "| Pre-charge decisions | **Good** | **Fair** |\n"
        "| Overall casework quality | Good | Poor |",
        TWO_COLUMNS,
    ),
    "markdown-blank-corner": (
        f"| | {MC} | {CC} |\n|---|---|---|\n| Pre-charge decisions | Good | Fair |\n"
        "| Overall casework quality | Good | Poor |",
        TWO_COLUMNS,
    ),
    "pipes-no-header": (
        "| Pre-charge decisions | Good | Fair |\n| Overall casework quality | Good | Poor |",
        NO_HEADER,
    ),
    "pipes-empty-header-cell": (
        f"| Casework quality | {MC} | |\n|---|---|---|\n| Pre-charge decisions | Good | Fair |\n"
        "| Overall casework quality | Good | Poor |",
        [
            (f"Pre-charge decisions ({MC})", "Good", MC),
            ("Pre-charge decisions", "Fair", None),
            (f"Overall casework quality ({MC})", "Good", MC),
            ("Overall casework quality", "Poor", None),
        ],
    ),
    "aligned": (
        f"Casework quality          {MC}   {CC}\n"
        "Pre-charge decisions      Good                  Fair\n"
        "Overall casework quality  Good                  Poor",
        TWO_COLUMNS,
    ),
    "aligned-blank-corner": (
        "                            2022                    2023\n"
        "Leadership                  Requires improvement    Good\n"
        "Services                    Inadequate              Requires improvement",
        YEARS,
    ),
    "aligned-header-out-of-line": (
        "Domain  2022  2023\nLeadership  Requires improvement  Good\n"
        "Services  Inadequate  Requires improvement",
        YEARS,
    ),
    "aligned-no-header": (
        "Pre-charge decisions      Good    Fair\nOverall casework quality  Good    Poor",
        NO_HEADER,
    ),
    "probation-years-pipes": (
        "| Domain | 2022 | 2023 |\n|---|---|---|\n| Leadership | Requires improvement | Good |\n"
        "| Services | Inadequate | Requires improvement |",
        YEARS,
    ),
    "three-columns-tabs": (
        "Area\tNorth\tSouth\tWest\nCase progression\tGood\tFair\tExcellent\n"
        "Disclosure\tPoor\tFair\tGood",
        THREE_COLUMNS,
    ),
    "three-columns-pipes": (
        "| Area | North | South | West |\n|---|---|---|---|\n"
        "| Case progression | Good | Fair | Excellent |\n| Disclosure | Poor | Fair | Good |",
        THREE_COLUMNS,
    ),
    "percentage-columns-between-tabs": (
        f"Casework quality\t{MC} %\t{MC} grade\t{CC} %\t{CC} grade\n"
        "Pre-charge decisions\t71.2%\tGood\t64%\tFair\n"
        "Overall casework quality\t70%\tGood\t52.5%\tPoor",
        PERCENT_BETWEEN,
    ),
    "percentage-columns-between-pipes": (
        f"| Casework quality | {MC} % | {MC} grade | {CC} % | {CC} grade |\n"
        "|---|---|---|---|---|\n| Pre-charge decisions | 71.2% | Good | 64% | Fair |\n"
        "| Overall casework quality | 70% | Good | 52.5% | Poor |",
        PERCENT_BETWEEN,
    ),
}


@pytest.mark.parametrize("name", sorted(MULTI_COLUMN))
def test_several_grade_columns(name: str) -> None:
    table, expected = MULTI_COLUMN[name]
    text = f"CPS Wessex inspection\n\nThe scores were:\n\n{table}\n\nMore text."
    got = find_scores(text)
    assert [(s.criterion, s.score, s.qualifier) for s in got] == expected
    # each item spans its row; one table, ranked on one scale
    lines = table.split("\n")
    for s in got:
        row = text[s.start : s.end]
        assert "\n" not in row
        assert row in lines
        assert s.score in row
        assert row.lstrip("| *").startswith(s.criterion.split(" (")[0])
    assert {s.table for s in got} == {0}
    assert all(s.score_value is not None for s in got)


def test_several_grade_columns_rank_on_one_scale_and_table_takes_the_header() -> None:
    text = (
        "Intro.\n\nCasework quality\tMagistrates' courts\tCrown Court\n"
        "Pre-charge decisions\tExcellent\tFair\nOverall casework quality\tGood\tPoor\n\nMore."
    )
    got = find_scores(text)
    assert [(s.scale, s.score_value) for s in got] == [
        ("hmcpsi", 4),
        ("hmcpsi", 2),
        ("hmcpsi", 3),
        ("hmcpsi", 1),
    ]
    assert [(s.start, s.end) for s in got[:2]] == [(got[0].start, got[0].end)] * 2
    (region,) = table_regions(text, got)
    assert text[region[0] : region[1]].startswith("Casework quality\tMagistrates")
    assert text[region[0] : region[1]].endswith("Good\tPoor")


def test_one_grade_rows_beside_several_grade_rows() -> None:
    # a row with one grade keeps its plain label; the other rows are qualified
    text = (
        "| Area | 2022 | 2023 |\n|---|---|---|\n| Leadership | Good | Outstanding |\n"
        "| Services | n/a | Good |\n"
    )
    assert [(s.criterion, s.score, s.qualifier) for s in find_scores(text)] == [
        ("Leadership (2022)", "Good", "2022"),
        ("Leadership (2023)", "Outstanding", "2023"),
        ("Services", "Good", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the line above is prose, not a header: no qualifier
        "The grades, by court:\nPre-charge decisions\tGood\tFair\n"
        "Overall casework quality\tGood\tPoor",
        "Inspectors found this.  Then that.\nPre-charge decisions  Good  Fair\n"
        "Overall casework quality  Good  Poor",
        # a two-column header names the label and grade columns, not each grade column
        "Criteria\tScore\nPre-charge decisions\tGood\tFair\nOverall casework quality\tGood\tPoor",
        # one cell short, but its first cell names the label column: not a shifted header
        "Area\tMagistrates\nPre-charge decisions\tGood\tFair\nOverall casework quality\tGood\tPoor",
        # the line above is a row of grades, not a header
        "Case handling\tGood\tGood\nPre-charge decisions\tGood\tFair\n"
        "Overall casework quality\tGood\tPoor",
    ],
)
def test_several_grade_columns_without_a_usable_header(text: str) -> None:
    got = find_scores(text)
    assert {s.qualifier for s in got} == {None}
    assert [s.criterion for s in got][-4:] == [
        "Pre-charge decisions",
        "Pre-charge decisions",
        "Overall casework quality",
        "Overall casework quality",
    ]


def _html_cells(text: str, rows: list[list[str]], tag: str = "td") -> list[tuple[Span, ...]]:
    """Spans of ``rows`` in ``text``, laid out as the HTML reader does (cells joined by a tab,
    rows by a newline): the first row's cells tagged ``tag``."""
    out, pos = [], 0
    for n, cells in enumerate(rows):
        spans = []
        for c in cells:
            spans.append(Span(pos, pos + len(c), tag if n == 0 else "td"))
            pos += len(c) + 1
        out.append(tuple(spans))
    assert pos - 1 == len(text)
    return out


HTML_TWO = [
    ["Casework quality", "Magistrates' courts", "Crown Court"],
    ["Pre-charge decisions", "Good", "Fair"],
    ["Overall casework quality", "Good", "Poor"],
]


@pytest.mark.parametrize(
    "figures",
    [
        "File sample\t90\t60",
        "Pre-charge decisions\t62.5%\t55.0%",
        "Budget\t£1.2m\t£3,400",
    ],
)
def test_rows_of_figures_between_header_and_grades_are_stepped_over(figures: str) -> None:
    text = (
        f"Casework quality\t{MC}\t{CC}\n{figures}\nPre-charge decisions\tGood\tFair\n"
        "Overall casework quality\tGood\tPoor\n"
    )
    got = find_scores(text)
    assert [(s.criterion, s.score, s.qualifier) for s in got] == TWO_COLUMNS
    start, _, kind = table_regions(text, got)[0]
    assert (start, kind) == (0, "table")  # the table takes its header and the figures


def test_a_header_of_years_is_a_header_not_figures() -> None:
    text = "Domain\t2022\t2023\nLeadership\tRequires improvement\tGood\n" + (
        "Services\tInadequate\tRequires improvement\n"
    )
    got = find_scores(text)
    assert [(s.criterion, s.score, s.qualifier) for s in got] == YEARS


@pytest.mark.parametrize(
    ("table", "tag", "expected"),
    [
        (HTML_TWO, "td", TWO_COLUMNS),
        (HTML_TWO, "th", TWO_COLUMNS),
        ([["", "Magistrates' courts", "Crown Court"], *HTML_TWO[1:]], "th", TWO_COLUMNS),
        (HTML_TWO[1:], "td", NO_HEADER),
        # a row of figures between the header and the graded rows is data, not the header
        (
            [HTML_TWO[0], ["Pre-charge decisions", "62.5%", "55.0%"], *HTML_TWO[1:]],
            "td",
            TWO_COLUMNS,
        ),
        (
            [
                ["Casework quality", "Magistrates' courts %", "Magistrates' courts", "Crown Court"],
                ["Pre-charge decisions", "71%", "Good", "Fair"],
                ["Overall casework quality", "70%", "Good", "Poor"],
            ],
            "th",
            TWO_COLUMNS,
        ),
        (
            [
                ["Area", "North", "South", "West"],
                ["Case progression", "Good", "Fair", "Excellent"],
                ["Disclosure", "Poor", "Fair", "Good"],
            ],
            "th",
            THREE_COLUMNS,
        ),
    ],
)
def test_html_several_grade_columns(
    table: list[list[str]], tag: str, expected: list[tuple[str, str, str | None]]
) -> None:
    text = "\n".join("\t".join(r) for r in table)
    got = find_scores(text, [_html_cells(text, table, tag)])
    assert [(s.criterion, s.score, s.qualifier) for s in got] == expected
    first_row = text.split("\n")[len(table) - 2]
    assert text[got[0].start : got[0].end] == first_row


def test_html_page_with_several_grade_columns() -> None:
    import pipeline

    html = (
        "<html><body><main><h1>CPS Wessex inspection</h1><p>The scores were:</p><table>"
        "<tr><td>Casework quality</td><td>Magistrates' courts</td><td>Crown Court</td></tr>"
        "<tr><td>Pre-charge decisions</td><td>Good</td><td>Fair</td></tr>"
        "<tr><td>Overall casework quality</td><td>Good</td><td>Poor</td></tr>"
        "</table><p>More text.</p></main></body></html>"
    )
    release = pipeline.extract_text(html, fmt="html")
    assert [(s.criterion, s.score, s.qualifier) for s in release.scores] == TWO_COLUMNS


def test_one_grade_rows_have_no_qualifier() -> None:
    for text, _ in (*LAYOUTS.values(), *MORE_LAYOUTS.values()):
        assert {s.qualifier for s in find_scores(text)} <= {None}


def test_colon_rows_and_unquoted_dash_rows() -> None:
    colon = "Judged:\n\nQuality of education: Good\nBehaviour: Outstanding\nLeadership: Good\n"
    dash = "Ratings:\n\n- Leadership - Good\n- Casework - Fair\n- Victims - Poor\n"
    assert rows(colon) == [
        ("Quality of education", "Good"),
        ("Behaviour", "Outstanding"),
        ("Leadership", "Good"),
    ]
    assert rows(dash) == [("Leadership", "Good"), ("Casework", "Fair"), ("Victims", "Poor")]


def test_html_row_headers_are_criteria() -> None:
    from pipeline.model import Span

    text = "Question\tGrade\nPreventing crime\tGood"
    cells = [(Span(0, 8, "th"), Span(9, 14, "th")), (Span(15, 31, "th"), Span(32, 36, "td"))]
    assert [(s.criterion, s.score) for s in find_scores(text, [cells])] == [
        ("Preventing crime", "Good"),
    ]


def test_html_grade_column_followed_by_a_comment_column() -> None:
    from pipeline.model import Span

    text = "Area\tGrade\tComment\nLeadership\tGood\tStrong and visible"
    cells = [
        (Span(0, 4, "th"), Span(5, 10, "th"), Span(11, 18, "th")),
        (Span(19, 29, "td"), Span(30, 34, "td"), Span(35, 53, "td")),
    ]
    assert [(s.criterion, s.score) for s in find_scores(text, [cells])] == [("Leadership", "Good")]


def test_two_bulleted_colon_rows_are_a_table() -> None:
    text = "Ratings:\n\n• Leadership: Good\n• Casework: Requires improvement\n"
    assert rows(text) == [("Leadership", "Good"), ("Casework", "Requires improvement")]


def test_space_rows_prefer_a_criterion_of_two_characters_or_more() -> None:
    # the criterion is lazy but tries one character last: "A Very good" splits before "good"
    text = "Criteria Score\nA Very good\nAB Very good\nSafety  Good\n"
    assert rows(text) == [("A Very", "good"), ("AB", "Very good"), ("Safety", "Good")]


def test_grades_match_case_insensitively_beyond_ascii() -> None:
    # "K" (Kelvin sign) casefolds to "k": the line ends in a grade although not in ASCII
    text = "Criteria Score\nLeadership Wea\u212a\nSafety Good\n"
    assert rows(text) == [("Leadership", "Wea\u212a"), ("Safety", "Good")]


def test_criteria_keep_separators_that_are_not_regex_white_space() -> None:
    text = "Criteria Score\nSafety\x1c  checks Good\nLeadership Good\n"
    assert rows(text) == [("Safety\x1c checks", "Good"), ("Leadership", "Good")]


# Layouts probed beyond the fixtures: each is a general gap, not one release's text.
MORE_LAYOUTS = {
    # Ofsted children's services wording: its rank is that of "Requires improvement"
    "ofsted-requires-improvement-to-be-good": (
        "Judgement\tGrade\nOverall effectiveness\tRequires improvement to be good\n"
        "Leadership\tGood\n",
        [("Overall effectiveness", "Requires improvement to be good"), ("Leadership", "Good")],
    ),
    "no-break-space-aligned": (
        "Criteria\xa0\xa0\xa0Score\nLeadership\xa0\xa0\xa0Good\nCasework\xa0\xa0\xa0\xa0Fair\n",
        [("Leadership", "Good"), ("Casework", "Fair")],
    ),
    "tab-criterion-with-colon": (
        "Leadership:\tGood\nCasework quality:\tFair\n",
        [("Leadership", "Good"), ("Casework quality", "Fair")],
    ),
    "pipe-criterion-with-colon": (
        "| Safe: | Good |\n| Well-led: | Inadequate |\n",
        [("Safe", "Good"), ("Well-led", "Inadequate")],
    ),
    "aligned-criterion-with-colon": (
        "Leadership:     Good\nCasework:       Fair\n",
        [("Leadership", "Good"), ("Casework", "Fair")],
    ),
    "markdown-bold-grades-and-header": (
        "| **Key question** | **Rating** |\n|---|---|\n| Safe | **Requires improvement** |\n"
        "| Caring | **Good** |\n",
        [("Safe", "Requires improvement"), ("Caring", "Good")],
    ),
    # two rows set apart by a colon or a spaced dash, as a paragraph of their own
    "two-colon-rows": (
        "Findings.\n\nOverall effectiveness: Good\nLeadership: Requires improvement\n\nMore.",
        [("Overall effectiveness", "Good"), ("Leadership", "Requires improvement")],
    ),
    "two-numbered-colon-rows": (
        "Findings.\n\n1. Leadership: Good\n2. Casework: Fair\n",
        [("Leadership", "Good"), ("Casework", "Fair")],
    ),
    # a section number is not a list marker: it stays in the criterion
    "two-section-numbered-colon-rows": (
        "Findings.\n\n1.1 Leadership: Good\n1.2 Casework: Fair\n",
        [("1.1 Leadership", "Good"), ("1.2 Casework", "Fair")],
    ),
    "numbered-dash-rows-under-a-caption": (
        "Intro.\n\nDomain one: organisational delivery\n1.1 Leadership – Good\n"
        "1.2 Staffing – Requires improvement\n\nMore.",
        [("1.1 Leadership", "Good"), ("1.2 Staffing", "Requires improvement")],
    ),
    "colon-rows-under-a-caption": (
        "Intro.\n\nThe ratings are:\nSafe: Good\nWell-led: Inadequate\n\nMore.",
        [("Safe", "Good"), ("Well-led", "Inadequate")],
    ),
    "overall-row-a-blank-line-below": (
        "Ratings:\n\nSafe: Inadequate\nCaring: Good\n\nOverall: Requires improvement\n\nMore.",
        [("Safe", "Inadequate"), ("Caring", "Good"), ("Overall", "Requires improvement")],
    ),
    "overall-rating-row-tabbed-below": (
        "Ratings:\n\nSafe\tGood\nCaring\tGood\n\nOverall rating\tGood\n",
        [("Safe", "Good"), ("Caring", "Good"), ("Overall rating", "Good")],
    ),
    "markdown-bold-labels": (
        "Ratings:\n\n- **Safe:** Good\n- **Well-led**: Requires improvement\n",
        [("Safe", "Good"), ("Well-led", "Requires improvement")],
    ),
    "two-unquoted-dash-rows": (
        "Findings.\n\nSafe – Requires improvement\nWell-led – Good\n\nMore.",
        [("Safe", "Requires improvement"), ("Well-led", "Good")],
    ),
    # three colon or dash rows or more that open a paragraph, prose on the next line (a list
    # copied from a page, its next paragraph with no blank line before it)
    "three-colon-rows-then-prose": (
        "Grades:\n\nInclusion: Needs attention\nAchievement: Expected standard\n"
        "Safeguarding: Met\nThe trust accepted the findings.\n",
        [
            ("Inclusion", "Needs attention"),
            ("Achievement", "Expected standard"),
            ("Safeguarding", "Met"),
        ],
    ),
    "four-dash-rows-then-prose-curly-marks": (
        "Intro.\n\nLeadership – ‘Good’\nStaffing – ‘Adequate’\nCare – ‘Very good’\n"
        "Setting – ‘Good’\nThe provider said it was pleased.\n\nMore.",
        [
            ("Leadership", "Good"),
            ("Staffing", "Adequate"),
            ("Care", "Very good"),
            ("Setting", "Good"),
        ],
    ),
    "three-colon-rows-under-a-caption-then-prose": (
        "Intro.\n\nThe nursery was graded as follows:\nCare and play: Very good\n"
        "Setting: Good\nLeadership: Good\nParents were told on Monday.\n",
        [("Care and play", "Very good"), ("Setting", "Good"), ("Leadership", "Good")],
    ),
    # quote marks round a grade in a pipe cell: curly, straight double, straight single
    "pipe-quoted-grades": (
        '| Criteria | Score |\n|---|---|\n| Leadership | ‘Good’ |\n| Casework | "Fair" |\n'
        "| Victims | 'Poor' |\n",
        [("Leadership", "Good"), ("Casework", "Fair"), ("Victims", "Poor")],
    ),
    "two-bulleted-unquoted-dash-rows": (
        "Findings:\n\n• Safe – Requires improvement\n• Well-led - Good\n",
        [("Safe", "Requires improvement"), ("Well-led", "Good")],
    ),
    "bulleted-unquoted-dash-rows-then-prose": (
        "Findings:\n- Preventing crime – Adequate\n- Protecting people – Good\n"
        "The chief constable welcomed the report.\n",
        [("Preventing crime", "Adequate"), ("Protecting people", "Good")],
    ),
}


def test_requires_improvement_to_be_good_ranks_as_requires_improvement() -> None:
    got = find_scores("Judgement\tGrade\nHelp\tRequires improvement to be good\nCare\tGood\n")
    assert [(s.scale, s.score_value) for s in got] == [("ofsted-cqc", 2), ("ofsted-cqc", 3)]


def test_bold_header_is_part_of_the_table_region() -> None:
    text = "Lead.\n\n| **Criteria** | **Score** |\n|---|---|\n| Speed | Fair |\n| Care | Good |\n"
    (region,) = table_regions(text, find_scores(text))
    assert text[region[0] : region[1]].startswith("| **Criteria**")


@pytest.mark.parametrize(
    "text",
    [
        "Criteria\tScore\n\nLeadership\tGood\n\nCasework\tFair\n\nVictims\tPoor\n\nSaid:",
        "Criteria Score\n\nLeadership Good\n\nCasework Fair\n\nVictims Poor\n",
        "Criteria Score\n\nLeadership Good\nCasework Fair\nVictims Poor\n\nMore.",
        "Intro.\n\n| Leadership | Good |\n\n| Casework | Fair |\n\n| Victims | Poor |\n",
        "Intro.\n\nLeadership: Good\n\nCasework: Fair\n\nVictims: Poor\n\nMore.",
    ],
)
def test_double_spaced_table_is_one_table(text: str) -> None:
    got = find_scores(text)
    assert [(s.table, s.criterion) for s in got] == [
        (0, "Leadership"),
        (0, "Casework"),
        (0, "Victims"),
    ]
    (region,) = table_regions(text, got)
    table = text[region[0] : region[1]]
    assert table.lstrip("| ").startswith("Criteria" if "Criteria" in text else "Leadership")
    assert table.rstrip("| ").endswith("Poor")


def test_runs_of_rows_split_by_a_blank_line_are_two_tables() -> None:
    text = "Safety\tGood\nRespect\tPoor\n\nSafety\tPoor\nRespect\tPoor\n"
    assert [s.table for s in find_scores(text)] == [0, 0, 1, 1]


def test_single_space_lines_split_by_blank_lines_need_a_header() -> None:
    # one-line paragraphs ending in a grade word (headings, say) are not rows by themselves
    assert rows("Intro.\n\nOur view Good\n\nTheir view Good\n\nAnother view Fair\n\nEnd.") == []


def test_grid_table_borders_are_rules_and_part_of_the_region() -> None:
    text = (
        "Intro.\n\n+------------+-------+\n| Criteria   | Score |\n+============+=======+\n"
        "| Leadership | Good  |\n+------------+-------+\n| Casework   | Fair  |\n"
        "+------------+-------+\n\nMore."
    )
    got = find_scores(text)
    assert [(s.criterion, s.score) for s in got] == [("Leadership", "Good"), ("Casework", "Fair")]
    (region,) = table_regions(text, got)
    assert text[region[0] : region[1]] == text[8:-7]


BULLET_PIECES = ["• ", "- ", "– ", "* ", " ", "  ", "\t", "\n", "good at case progression",
                 "Requires improvement in disclosure", "is ", ";", ".", "and", "-"]  # fmt: skip


@given(st.lists(st.sampled_from(BULLET_PIECES), max_size=30).map("".join))
def test_bare_bullet_finder_tries_every_bulleted_line_start(text: str) -> None:
    """The one-pass finder matches where the pattern matches at a line start, after an
    indent of up to two spaces or a tab, on a bullet."""
    bare = scores._patterns()["bare_bullet"]
    expected = []
    for p in range(len(text)):
        if p and text[p - 1] != "\n":
            continue
        for indent in ("", " ", "  ", "\t"):
            q = p + len(indent)
            bullet = text.startswith(indent, p) and text[q : q + 1] in set("•▪●◦‣*-–")
            if bullet and (m := bare.match(text, q)):
                expected.append(m.span())
    assert [m.span() for m in scores._bare_bullet_matches(text, text.split("\n"))] == expected


def _rules_fired(text: str) -> list[str]:
    """The name of the line rule that moves the scan past each line of ``text``."""
    words = scores._line_words()
    scan, fired = scores._Scan(), []
    for line in text.split("\n"):
        blank = not line.strip()
        maybe = not blank and scores._may_be_in_table(line, words)
        current = scores._Line(line, 0, blank, maybe)
        rule = next(r for r in scores.LINE_RULES if r.apply(scan, current) is not None)
        step = rule.apply(scan, current)
        assert step is not None
        scan = step.scan
        fired.append(rule.name)
    return fired


@pytest.mark.parametrize("rule", scores.LINE_RULES, ids=lambda r: r.name)
def test_each_line_rule_moves_the_scan_on_its_example(rule: scores._LineRule) -> None:
    assert rule.name in _rules_fired(rule.example)


def test_the_line_rules_in_a_table_with_a_gap_and_a_closing_line() -> None:
    text = "Intro.\nCriteria Score\n\nLeadership Good\nCasework Fair\nAfter the table."
    assert _rules_fired(text) == [
        "prose",
        "header",
        "blank-in-double-spaced-table",
        "row",
        "row",
        "other",
    ]
    assert rows(text) == [("Leadership", "Good"), ("Casework", "Fair")]


# A grade's rank in the grade's own cell, written before it (Care Inspectorate, fire services'
# own pages) or after it (older Ofsted tables): the grade alone is the score.
RANKED_CELLS = {
    "pipe-rank-before": (
        "| Area | Grade |\n|---|---|\n| Preventing fires | 3 - Adequate |\n"
        "| Responding to emergencies | 4 - Good |\n",
        [("Preventing fires", "Adequate"), ("Responding to emergencies", "Good")],
    ),
    "pipe-rank-before-question": (
        "| Key question | Evaluation |\n| --- | --- |\n"
        "| How good is our setting? | 5 - Very good |\n"
        "| How good is our staff team? | 4 – Good |\n",
        [("How good is our setting?", "Very good"), ("How good is our staff team?", "Good")],
    ),
    "pipe-rank-after": (
        "| Aspect | Grade |\n| --- | --- |\n| Overall effectiveness | Good 2 |\n"
        "| Apprenticeships | Requires improvement 3 |\n",
        [("Overall effectiveness", "Good"), ("Apprenticeships", "Requires improvement")],
    ),
    "tab-rank-after": (
        "Judgements\tGrade\nOutcomes for pupils\tRequires improvement 3\n"
        "Personal development\tOutstanding 1\n",
        [("Outcomes for pupils", "Requires improvement"), ("Personal development", "Outstanding")],
    ),
    "dash-rank-dash-grade": (
        "The grades are:\n\nQuality of care and support - 5 - Very good\n"
        "Quality of staffing - 4 - Good\n\nMore.",
        [("Quality of care and support", "Very good"), ("Quality of staffing", "Good")],
    ),
    "colon-rank-dash-grade": (
        "Quality of environment: 3 - Adequate\nQuality of staffing: 4 – Good\n\nMore.",
        [("Quality of environment", "Adequate"), ("Quality of staffing", "Good")],
    ),
    "tab-rank-in-its-own-cell": (
        "Leadership and management\tRequires improvement\t3\nEarly years provision\tGood\t2\n",
        [("Leadership and management", "Requires improvement"), ("Early years provision", "Good")],
    ),
    "aligned-rank-in-its-own-cell": (
        "Leadership and management   Requires improvement   3\n"
        "Quality of teaching         Good                   2\n",
        [("Leadership and management", "Requires improvement"), ("Quality of teaching", "Good")],
    ),
    "tab-rank-after-no-header": (
        "Leadership\tGood 2\nBehaviour\tOutstanding 1\n",
        [("Leadership", "Good"), ("Behaviour", "Outstanding")],
    ),
    # a rank word before the rank (the Care Inspectorate's older pages): left out with it
    "colon-grade-word-rank-dash": (
        "Grades:\n\nCare and support: Grade 5 - Very good\nEnvironment: Grade 4 – Good\n\nMore.",
        [("Care and support", "Very good"), ("Environment", "Good")],
    ),
    "bulleted-dash-grade-word-rank": (
        "The grades awarded were:\n- Quality of Care and Support - Grade 4 - Good\n"
        "- Quality of Staffing - Grade 5 - Very Good\n"
        "- Quality of Environment - grade 3 - Adequate\n",
        [
            ("Quality of Care and Support", "Good"),
            ("Quality of Staffing", "Very Good"),
            ("Quality of Environment", "Adequate"),
        ],
    ),
    # bulleted dash rows are as sure as bulleted colon rows: a sentence may follow them
    "bulleted-dash-grade-word-rank-then-prose": (
        "The grades awarded were as follows:\n• Quality of care and support – Grade 4 – Good\n"
        "• Quality of staffing – Grade 4 – Good\nFeedback from parents was very positive.\n",
        [("Quality of care and support", "Good"), ("Quality of staffing", "Good")],
    ),
    "grade-word-rank-no-dash": (
        "Ratings:\n\nWellbeing: Grade\xa05 Very good\nLeadership: Grade 2 Weak\n\nMore.",
        [("Wellbeing", "Very good"), ("Leadership", "Weak")],
    ),
    # a question's mark sets the rank apart (key questions copied without their cells)
    "question-rank-dash-grade": (
        "Our grades\n\nHow well do we support children’s wellbeing? 5 - Very Good\n"
        "How good is our setting? 4 – Good\nHow good is our leadership? 3 - Adequate\n",
        [
            ("How well do we support children’s wellbeing?", "Very Good"),
            ("How good is our setting?", "Good"),
            ("How good is our leadership?", "Adequate"),
        ],
    ),
    # the rank after one space, before the grade (older summaries of grades): every row's
    # digit is its grade's rank on one scale
    "space-rank-before-grade": (
        "We gave the service these grades\nQuality of Care and Support 5 Very Good\n"
        "Quality of Environment 4 Good\nQuality of Staffing 5 Very Good\n"
        "Quality of Management and Leadership 3 Adequate\n",
        [
            ("Quality of Care and Support", "Very Good"),
            ("Quality of Environment", "Good"),
            ("Quality of Staffing", "Very Good"),
            ("Quality of Management and Leadership", "Adequate"),
        ],
    ),
    # a rank word in a cell of its own, tab or pipe (a page's table copied as text)
    "tab-grade-word-rank": (
        "Quality theme\tGrade\nQuality of care and support\tGrade 5 - Very good\n"
        "Quality of environment\tGrade 4 - Good\n",
        [("Quality of care and support", "Very good"), ("Quality of environment", "Good")],
    ),
    "pipe-grade-word-rank": (
        "| Key question | Grade |\n|---|---|\n| How good is our setting? | Grade 4 - Good |\n"
        "| How good is our staff team? | grade 6 – Excellent |\n",
        [("How good is our setting?", "Good"), ("How good is our staff team?", "Excellent")],
    ),
    "space-rank-before-grade-ofsted-legacy": (
        "Criteria Score\nQuality of teaching 2 Satisfactory\n"
        "Effectiveness of leadership 4 Outstanding\n",
        [("Quality of teaching", "Satisfactory"), ("Effectiveness of leadership", "Outstanding")],
    ),
}


def test_label_spans_point_at_the_rank_digits() -> None:
    text = "| Area | Grade |\n|---|---|\n| Prevention | 3 - Adequate |\n| Response | Good 4 |\n"
    spans = scores.label_spans(text, find_scores(text))
    assert [text[s.start : s.end] for s in spans] == ["3", "4"]


def test_label_spans_point_at_ranks_before_the_grade() -> None:
    for text, digits in [
        ("Care and support: Grade 5 - Very good\nEnvironment: Grade 4 – Good\n", ["5", "4"]),
        ("How good is our setting? 5 - Very good\nHow good is our team? 4 - Good\n", ["5", "4"]),
        (
            "Quality of Care and Support 5 Very Good\nQuality of Environment 4 Good\n"
            "Quality of Staffing 5 Very Good\n",
            ["5", "4", "5"],
        ),
        # the criterion's own number is no rank
        ("Findings.\n\nStandard 3 – Good\nStandard 4 – Fair\n\nMore.", []),
    ]:
        found = find_scores(text)
        assert [text[s.start : s.end] for s in scores.label_spans(text, found)] == digits, text


# Digits before the grade that are no ranks stay in the criterion.
DIGITS_NO_RANKS: list[tuple[str, list[tuple[str, str]]]] = [
    # a criterion's own number: one word before it, or digits that are not the grades' ranks
    (
        "Criteria Score\nStandard 3 Good\nStandard 4 Excellent\n",
        [("Standard 3", "Good"), ("Standard 4", "Excellent")],
    ),
    (
        "Criteria Score\nQuality of care 2 Good\nQuality of staffing 4 Good\n",
        [("Quality of care 2", "Good"), ("Quality of staffing 4", "Good")],
    ),
    (
        "Criteria Score\nQuality of care 5 Very good\nQuality of staffing Good\n",
        [("Quality of care 5", "Very good"), ("Quality of staffing", "Good")],
    ),
]


def test_a_number_ending_a_prose_line_is_no_rank() -> None:
    # a rank after the grade only in a tab, pipe or aligned row: a prose line keeps its figure,
    # and a figure of two digits or above 6 after a grade cell is no rank: a cell of its own
    # after the grade's, left out of the grade
    assert rows("Leadership Good 2\nBehaviour Good 3\nSafety Good 4\n") == []
    text = "Leadership\tGood\t12\nBehaviour\tGood\t7\n"
    found = find_scores(text)
    assert [(s.criterion, s.score) for s in found] == [
        ("Leadership", "Good"),
        ("Behaviour", "Good"),
    ]
    assert scores.label_spans(text, found) == []


# Grades on the line under their criterion (Estyn's reports, Education Scotland's quality
# indicators), with or without a blank line between.
STACKED = {
    "blank-lines": (
        "Intro.\n\nStandards\n\nGood\n\nWellbeing and attitudes to learning\n\nExcellent\n\nEnd.",
        [("Standards", "Good"), ("Wellbeing and attitudes to learning", "Excellent")],
    ),
    "no-blank-lines": (
        "The judgements are:\nStandards\nAdequate\nCare, support and guidance\nGood\n",
        [("Standards", "Adequate"), ("Care, support and guidance", "Good")],
    ),
    "bold-grade": (
        "Leadership of change\n\n**Very good**\n\nRaising attainment\n\n**Good**\n",
        [("Leadership of change", "Very good"), ("Raising attainment", "Good")],
    ),
    "numbered-labels": (
        "Main findings\n\n1: Standards\n\nExcellent\n\n2: Wellbeing\n\nGood\n\nMore.",
        [("Standards", "Excellent"), ("Wellbeing", "Good")],
    ),
    "question-label": (
        "How good is our leadership?\nWeak\nHow good is our setting?\nGood\n",
        [("How good is our leadership?", "Weak"), ("How good is our setting?", "Good")],
    ),
    # the grade's rank before it on its line (the Care Inspectorate's pages)
    "rank-dash-grade": (
        "Grades.\n\nHow good is our setting?\n5 - Very Good\n\nHow good is our leadership?\n"
        "4 - Good\n\nMore.",
        [("How good is our setting?", "Very Good"), ("How good is our leadership?", "Good")],
    ),
    "rank-word-and-colon": (
        "Grades:\nCare and support\nGrade 4 - Good\nEnvironment\n3: Adequate\n",
        [("Care and support", "Good"), ("Environment", "Adequate")],
    ),
    "rank-en-dash-bold": (
        "Intro.\n\nStaff team\n**5 – very good**\nSetting\n**4 – good**\n",
        [("Staff team", "very good"), ("Setting", "good")],
    ),
}


def test_a_stacked_rank_is_a_label_not_a_number() -> None:
    text = STACKED["rank-dash-grade"][0]
    spans = scores.label_spans(text, find_scores(text))
    assert [text[s.start : s.end] for s in spans] == ["5", "4"]


# Grades on the line under a heading or a sentence that are no stacked rows.
NOT_STACKED: list[str] = [
    # one heading and a grade alone: a heading and a word, not a table
    "Overall judgement\n\nGood\n\nThe school is improving.\n",
    # two pairs with a paragraph between them: not one run
    "Standards\nGood\nPupils make progress.\nLeadership\nGood\n",
    # a sentence above a grade alone is no label
    "The inspectors were pleased.\nGood\nThey said so.\nExcellent\n",
    # a scale's grades under their ranks, one a line: each line is a grade, none a label
    "The grades are:\n\n6 - Excellent\n5 - Very good\n4 - Good\n3 - Adequate\n\nMore.",
    "Scale:\n\nGrade 6 - Excellent\nGrade 5 - Very good\nGrade 4 - Good\n",
]


def test_report_card_colon_list_ending_with_safeguarding_met() -> None:
    text = (
        "The report card gives these grades:\n\nInclusion: Strong standard\n"
        "Achievement: Needs attention\nSafeguarding: Met\n\nPupils are happy.\n"
    )
    found = find_scores(text)
    assert [(s.criterion, s.score, s.score_value) for s in found] == [
        ("Inclusion", "Strong standard", 4),
        ("Achievement", "Needs attention", 2),
        ("Safeguarding", "Met", 3),
    ]
    assert {s.scale for s in found} == {"ofsted-report-card"}
    assert rows("Leadership: Expected standard\nSafeguarding: Not met\n\nMore.") == [
        ("Leadership", "Expected standard"),
        ("Safeguarding", "Not met"),
    ]


def test_a_colon_label_may_run_to_ofsted_childrens_homes_seventeen_words() -> None:
    label = (
        "Overall experiences and progress of children and young people, including how well "
        "they are helped and protected"
    )
    text = f"Judgements:\n\n{label}: good\nThe effectiveness of leaders and managers: good\n"
    assert rows(text) == [(label, "good"), ("The effectiveness of leaders and managers", "good")]
    # a single-space row keeps the shorter limit: a long prose line is no row
    long_line = "Words " * 17 + "Good"
    assert rows(f"Criteria Score\n{long_line}\n") == []


def test_html_cells_with_a_rank_word_before_the_grade() -> None:
    text = "Theme\tGrade\nCare and support\tGrade 5 - Very good\nSetting\tGrade\xa03 Adequate"
    cells = [
        (Span(0, 5, "th"), Span(6, 11, "th")),
        (Span(12, 28, "td"), Span(29, 48, "td")),
        (Span(49, 56, "td"), Span(57, 73, "td")),
    ]
    got = find_scores(text, [cells])
    assert [(s.criterion, s.score, s.score_value) for s in got] == [
        ("Care and support", "Very good", 5),
        ("Setting", "Adequate", 3),
    ]
    assert [text[s.start : s.end] for s in scores.label_spans(text, got)] == ["5", "3"]


def test_html_cells_with_a_rank_before_or_after_the_grade() -> None:
    text = "Question\tGrade\nWellbeing\t5 - Very good\nSetting\tGood 4"
    cells = [
        (Span(0, 8, "th"), Span(9, 14, "th")),
        (Span(15, 24, "td"), Span(25, 38, "td")),
        (Span(39, 46, "td"), Span(47, 53, "td")),
    ]
    got = find_scores(text, [cells])
    assert [(s.criterion, s.score, s.scale) for s in got] == [
        ("Wellbeing", "Very good", "scotland-six-point"),
        ("Setting", "Good", "scotland-six-point"),
    ]
    assert [text[s.start : s.end] for s in scores.label_spans(text, got)] == ["5", "4"]


# Pieces of text round grades: every mark the cheap tests before the patterns look at (quotes,
# bold marks, bullets, spaces, tabs, no-break spaces, line breaks, full stops, rank digits
# and dashes), grades in several letter cases, letters that ``re`` matches to ASCII ones in any
# letter case (long s, Kelvin sign) and words that are no grade.
GRADE_PIECES = ["Good", "gOOD", "Requires  improvement", "not met", "ſatisfactory", "weaK",
                "Reasonably\xa0good", "Excellent", "Goodwill", "Leadership", "the area", "is ",
                " at ", " in casework", "‘", "’", "'", "“", "”", '"', "**", "• ", "- ", " ",
                "\t", "\xa0", "\n", "\n\n", ".", ";", ":", " – ", "4 - ", " 2", "|", "Grade 5 ",
                "? ", "#", "*", "†"]  # fmt: skip
grade_texts = st.lists(st.sampled_from(GRADE_PIECES), max_size=24).map("".join)


@given(grade_texts)
def test_stacked_finder_agrees_with_the_pattern_scan(text: str) -> None:
    """Trying the stacked pattern only on lines that may be a grade alone finds what its scan
    of the whole text finds."""
    expected = [m.span() for m in scores._patterns()["stacked"].finditer(text)]
    got = [m.span() for m in scores._stacked_matches(text, text.split("\n"))]
    assert got == expected


@given(grade_texts)
def test_bullet_finder_agrees_with_the_pattern_tried_everywhere(text: str) -> None:
    """Trying the bullet pattern only at quotes before a grade's first letters finds what
    trying it at every position does, where only a bullet and ``is``/``are`` stand before it
    on its line (matches never overlap)."""
    bullet, lead = scores._patterns()["bullet"], scores._patterns()["bullet_lead"]
    expected = []
    last_end = 0
    for i in range(len(text)):
        line_start = text.rfind("\n", 0, i) + 1
        marks = [j for j in range(line_start, i) if text[j] in scores._BULLETS]
        before = lead.fullmatch(text, marks[-1] if marks else line_start, i)
        if i >= last_end and before is not None and (m := bullet.match(text, i)):
            expected.append((m.span(), before.start() + len(before[0]) - len(before[0].lstrip())))
            last_end = m.end()
    assert [(m.span(), start) for m, start in scores._bullet_matches(text)] == expected


@given(grade_texts)
def test_rank_spans_agree_with_the_patterns_tried_on_every_row(text: str) -> None:
    """label_spans tries the pattern of a rank after the grade only on rows that end in a
    digit; tried on every row, it finds the same digits."""
    found = find_scores(text)
    expected = []
    for s in found:
        row = text[s.start : s.end]
        if number := scores._ROW_NUMBER.match(row):
            expected.append(Span(s.start + number.start(1), s.start + number.end(1)))
        at = row.casefold().rfind(s.score.casefold())
        if at < 0:
            continue
        if (before := scores._rank_before(row, at, s.criterion)) >= 0:
            expected.append(Span(s.start + before, s.start + before + 1))
        if after := scores._RANK_AFTER_SPAN.match(row, at + len(s.score)):
            expected.append(Span(s.start + after.start(1), s.start + after.end(1)))
        if "\n" in row[:at]:
            first = row[: row.find("\n")].rstrip(" \t\xa0|")
            if first[-1:] in "123456" and scores._may_be_row(first[:-1], scores._line_words()):
                expected.append(Span(s.start + len(first) - 1, s.start + len(first)))
    assert scores.label_spans(text, found) == expected


@given(grade_texts)
def test_space_row_split_agrees_with_the_tail_search(text: str) -> None:
    """The "space" tail tried only before last words that spell a grade splits every line as
    its search from the line's start does."""
    tail = scores._patterns()["space"]
    for line in [text, *text.split("\n"), "A " + text, "AB " + text, " x" + text]:
        assert scores._split_space_row(tail, line) == scores._split_row(tail, line)


# A bullet whose criterion ends with a full stop, the grade after it (a school's news page).
STOP_BULLETS = {
    "bullets": (
        "We are delighted:\n• Overall effectiveness. Good\n• The quality of education. Good\n"
        "• Behaviour and attitudes. Requires improvement\n\nWe are proud.",
        [
            ("Overall effectiveness", "Good"),
            ("The quality of education", "Good"),
            ("Behaviour and attitudes", "Requires improvement"),
        ],
    ),
    "hyphens-quoted-no-break-space": (
        "Grades:\n\n- Personal development.\xa0‘Outstanding’\n"
        "- Leadership and management. 'Good'\n",
        [("Personal development", "Outstanding"), ("Leadership and management", "Good")],
    ),
    # an HTML list's items, rendered one a line with no bullet: a paragraph of their own
    "list-items-without-bullets": (
        "Results.\n\nOverall effectiveness. Good\nQuality of education. Outstanding\n\nMore.",
        [("Overall effectiveness", "Good"), ("Quality of education", "Outstanding")],
    ),
    "asterisks-lower-case": (
        "* Early years provision. good\n* Sixth form provision. inadequate\n",
        [("Early years provision", "good"), ("Sixth form provision", "inadequate")],
    ),
}


# A colon list of grades that ends with a line of its shape whose value is no grade (Ofsted's
# ``Safeguarding: Effective``): the grades above it are a table, the last line is no row.
@pytest.mark.parametrize(
    "last",
    [
        "Safeguarding: Effective",
        "Safeguarding: Not effective",
        "- Previous inspection: Not applicable",
    ],
)
def test_colon_list_ending_in_a_line_that_is_no_grade(last: str) -> None:
    text = (
        "Ofsted judged the school:\n\nQuality of education: Good\nBehaviour and attitudes: Good\n"
        f"Leadership and management: Requires improvement\n{last}\n\nMore."
    )
    assert rows(text) == [
        ("Quality of education", "Good"),
        ("Behaviour and attitudes", "Good"),
        ("Leadership and management", "Requires improvement"),
    ]
    # the same list run into a sentence is still prose
    assert rows(text.replace(f"{last}\n\nMore.", "said the inspectors on the day.")) == []


# Headings that give each part of a report its grade, one a paragraph of its own with prose
# between them: together they are a table.
HEADINGS = {
    "markdown": (
        "Report\n\n## Quality of education: Good\n\nPupils learn well.\n\n"
        "## Behaviour and attitudes: Outstanding\n\nPupils behave.\n\n"
        "## Safeguarding: Effective\n\nIt is.\n",
        [("Quality of education", "Good"), ("Behaviour and attitudes", "Outstanding")],
    ),
    "plain-copied-headings": (
        "Intro.\n\nQuality of education: Requires improvement\n\nThe curriculum is new.\n\n"
        "Personal development: Good\n\nPupils take part in clubs.\n\n"
        "Leadership and management: Good\n\nLeaders know the school.\n",
        [
            ("Quality of education", "Requires improvement"),
            ("Personal development", "Good"),
            ("Leadership and management", "Good"),
        ],
    ),
    "dash-headings": (
        "### Preventing crime – Adequate\n\nThe force works with partners.\n\n"
        "### Responding to the public – Inadequate\n\nCalls wait too long.\n",
        [("Preventing crime", "Adequate"), ("Responding to the public", "Inadequate")],
    ),
}


@pytest.mark.parametrize("name", sorted(HEADINGS))
def test_headings_with_grades_make_a_table(name: str) -> None:
    text, expected = HEADINGS[name]
    found = find_scores(text)
    assert [(s.criterion, s.score) for s in found] == expected
    assert {s.table for s in found} == {0}


# 2015 Ofsted reports grade Overall effectiveness on two lines: the previous inspection's grade
# after the label, this inspection's on the line under it. One row, with this inspection's grade.
PREVIOUS_AND_THIS = {
    "tabs": (
        "Overall effectiveness\tPrevious inspection:\tGood\t2\n"
        "\tThis inspection:\tRequires improvement\t3\n"
        "Leadership and management\tRequires improvement\t3\nQuality of teaching\tGood\t2\n",
        [
            ("Overall effectiveness", "Requires improvement"),
            ("Leadership and management", "Requires improvement"),
            ("Quality of teaching", "Good"),
        ],
        ["2", "3", "3", "2"],
    ),
    "aligned": (
        "Overall effectiveness    Previous inspection:   Outstanding   1\n"
        "                         This inspection:       Good          2\n"
        "Early years provision                          Good          2\n",
        [("Overall effectiveness", "Good"), ("Early years provision", "Good")],
        ["1", "2", "2"],
    ),
}


@pytest.mark.parametrize("name", sorted(PREVIOUS_AND_THIS))
def test_previous_and_this_inspection_make_one_row(name: str) -> None:
    text, expected, ranks = PREVIOUS_AND_THIS[name]
    found = find_scores(text)
    assert [(s.criterion, s.score) for s in found] == expected
    spans = sorted(scores.label_spans(text, found), key=lambda s: s.start)
    assert [text[s.start : s.end] for s in spans] == ranks
    assert text[found[0].start : found[0].end].startswith("Overall effectiveness")


# Lines of 50 KB made of long runs of spaces, tabs, pipes or dashes (a page's padding, a
# spreadsheet's empty cells) round the marks a row pattern looks for: every pattern reads them in
# time linear in the line (a lazy criterion before ``\s+``, two ``\s*`` either side of an
# optional mark, or tabs split between a cell and the next had made some quadratic, the tab
# pattern exponential in a run of tabs), and the result is what a short line gives.
_RUN = 50_000
LONG_RUNS = {
    "spaces": (" " * _RUN, []),
    "spaces-then-dash-row": ("Safe - x" + " " * _RUN + "Good", []),
    "spaces-before-dash": ("Safe" + " " * _RUN + "- x ‘Good’", []),
    "spaces-after-dash": ("Safe -" + " " * _RUN + "x ‘Good’", []),
    "dashes": ("Safe " + "-" * _RUN + " Good", []),
    "spaced-dashes": ("Safe" + " -" * (_RUN // 2) + " ‘Good’", []),
    "tabs": ("Safe" + "\t" * _RUN + "x Good", []),
    "pipes": ("Safe" + "| " * (_RUN // 2) + "x Good", []),
    "leading-spaces-pipe": (" " * _RUN + "x | not Good", []),
    "colon": ("Safe:" + " " * _RUN + "x Good", []),
    "stop": (" " * _RUN + "Safe." + " " * _RUN + "x Good", []),
    "header-then-spaces": ("Criteria" + " " * _RUN + "x Score\nSafe Good\nWell-led Good\n", []),
    "rule-with-spaces": (
        "Area | Grade\n|" + " " * _RUN + "---" + " " * _RUN + "|---|\n| Safe | Good |\n",
        [("Safe", "Good")],
    ),
    # a line of dashes then a word is no rule: it closes the header's table before its row
    "rule-then-spaces-and-a-word": (
        "Area | Grade\n" + " " * _RUN + "|---" + " " * _RUN + "x\n| Safe | Good |\n",
        [],
    ),
    "aligned-rows": (
        "Safe" + " " * _RUN + "Good\nWell-led" + " " * _RUN + "Inadequate\n",
        [("Safe", "Good"), ("Well-led", "Inadequate")],
    ),
    "dash-rows-with-trailing-spaces": (
        "• Safe – ‘Good’;" + " " * _RUN + "\n• Effective – ‘Good’; and" + " " * _RUN + "\n"
        "• Caring – ‘Outstanding’." + " " * _RUN + "\n",
        [("Safe", "Good"), ("Effective", "Good"), ("Caring", "Outstanding")],
    ),
    "dash-row-with-spaces-then-a-word": (
        "• Safe – ‘Good’" + " " * _RUN + "x\n• Caring – ‘Good’" + " " * _RUN + "x\n",
        [],
    ),
    "tab-rows": (
        "Safe" + "\t" * _RUN + "Good\nWell-led\t\tx" + "\t" * _RUN + "Good 3\n",
        [("Safe", "Good"), ("Well-led", "Good")],
    ),
}


# Lone ``Criterion: Grade`` paragraphs are one table only when each stands at most two
# paragraphs of prose below the one before (a heading and its findings); grades named in parts
# of a release far apart are no list.
_PROSE = "Pupils learn well in most subjects.\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two paragraphs of prose between: still the report's headings
        (
            f"Report.\n\nQuality of education: Good\n\n{_PROSE * 2}"
            "Personal development: Outstanding\n\nMore.\n",
            [("Quality of education", "Good", 0), ("Personal development", "Outstanding", 0)],
        ),
        # three between: a grade in the lede and one far below it are no table
        (
            f"Report.\n\nQuality of education: Good\n\n{_PROSE * 3}"
            "Personal development: Outstanding\n\nMore.\n",
            [],
        ),
        (
            f"### Preventing crime – Adequate\n\n{_PROSE * 5}### Responding to the public – "
            "Inadequate\n\nEnd.\n",
            [],
        ),
        # two pairs far apart: two tables; a lone row far from the others is no row
        (
            "## Safe: Good\n\nText.\n\n## Caring: Outstanding\n\n"
            f"{_PROSE * 4}## Leadership: Requires improvement\n\nText.\n\n"
            "## Outcomes for learners: Good\n\nText.\n",
            [
                ("Safe", "Good", 0),
                ("Caring", "Outstanding", 0),
                ("Leadership", "Requires improvement", 1),
                ("Outcomes for learners", "Good", 1),
            ],
        ),
        (
            "Quality of teaching: Good\n\nIn class.\n\nBehaviour: Good\n\n"
            f"{_PROSE * 3}Leadership: Inadequate\n\nEnd.\n",
            [("Quality of teaching", "Good", 0), ("Behaviour", "Good", 0)],
        ),
        # the lines of one paragraph are one paragraph, however many
        (
            "Safe: Good\n\n" + "A line of findings.\n" * 12 + "\nWell-led: Good\n",
            [("Safe", "Good", 0), ("Well-led", "Good", 0)],
        ),
    ],
)
def test_lone_grade_paragraphs_make_a_table_only_near_each_other(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert [(s.criterion, s.score, s.table) for s in find_scores(text)] == expected


# A line of a colon list whose value is no grade (Ofsted's ``Safeguarding: Effective``) is no
# row; the list goes on under it when the next line is a row. Two such lines in a row end it.
@pytest.mark.parametrize(
    "text",
    [
        "Ofsted judged:\n\nQuality of education: Good\nSafeguarding: Effective\n"
        "Behaviour and attitudes: Good\nLeadership and management: Requires improvement\n\nMore.",
        "Ofsted judged:\n- Quality of education: ‘Good’\n- Safeguarding: effective\n"
        "- Behaviour and attitudes: ‘Good’\n- Leadership and management: ‘Requires improvement’\n"
        "The head said the staff were proud.",
        "Grades\n\n• **Quality of education:** Good\n• **Safeguarding:** Not effective\n"
        "• **Behaviour and attitudes:** Good\n• **Leadership and management:** Requires "
        "improvement\n",
    ],
)
def test_a_label_that_is_no_grade_inside_a_colon_list(text: str) -> None:
    found = find_scores(text)
    assert [(s.criterion, s.score.casefold(), s.table) for s in found] == [
        ("Quality of education", "good", 0),
        ("Behaviour and attitudes", "good", 0),
        ("Leadership and management", "requires improvement", 0),
    ]


# Label lines that end a colon list.
LABEL_LINES_ENDING_A_LIST: list[tuple[str, list[tuple[str, str]]]] = [
    # two lines that are no grades end the list: the row under them is alone
    (
        "Safe: Good\nWell-led: Good\nContact: Ann Lee\nPhone: 01632 960000\nCaring: Good\n",
        [("Safe", "Good"), ("Well-led", "Good")],
    ),
    # a label line before any row opens nothing
    ("Safeguarding: Effective\nQuality of education: Good\nThe school is proud.\n", []),
    # under rows of another shape it ends them, as before: two one-row runs are no table
    (
        "Area\tnote\nSafe\tGood\nNote: see below\nWell-led\tGood\nThe end of the page.\n",
        [],
    ),
    # a sentence with a colon is no label line: the list ends there
    (
        "- Quality of education: Good\n- Behaviour: Good\nInspectors said: the pupils are "
        "kind.\n- Leadership: Good\n\nMore.",
        [("Quality of education", "Good"), ("Behaviour", "Good")],
    ),
]


# Unbulleted ``Criterion. Good`` lines (an HTML list's items copied without their bullets) are
# rows only when two or more of them make a paragraph of their own, each label opening with a
# capital and the grade ending the line with no stop after it: never inside prose.
UNBULLETED_STOP_ROWS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "The judgements.\n\nCare, support and guidance. Good\nTeaching and learning "
        "experiences. Adequate\n\nMore.",
        [
            ("Care, support and guidance", "Good"),
            ("Teaching and learning experiences", "Adequate"),
        ],
    ),
    (
        "Outcome\n\nQuality of education.\xa0‘Requires improvement’\n"
        "Personal development. “Good”\n",
        [("Quality of education", "Requires improvement"), ("Personal development", "Good")],
    ),
    (
        "Results:\n\nEarly years provision. good\nSixth form provision. outstanding\n\nEnd.",
        [("Early years provision", "good"), ("Sixth form provision", "outstanding")],
    ),
]


# ``Criterion. Good`` lines in prose are no rows.
STOP_ROWS_IN_PROSE: list[str] = [
    # wrapped prose: lines that go on a sentence open in lower case
    "Inspectors praised the pupils\nand the staff. Good\nwork was seen in art and the "
    "leaders. Outstanding\n",
    # a one-word sentence after a stop ends with its own stop
    "Parents were asked about the school. Good.\nThey said it was happy. Excellent.\n",
    # one such line alone, or inside a paragraph of prose
    "Overall effectiveness. Good\n\nThe school is proud.\n",
    "The school opened in 1990.\nOverall effectiveness. Good\nQuality of education. Good\n"
    "Pupils enjoy their lessons and say so.\n",
]


# The Care Inspectorate's older reports give each grade after its rank and one space, and a
# copy of the PDF sets each row in a paragraph of its own: a rank that is the grade's own on a
# scale sets the grade apart as a separator would, so the rows are a double-spaced table.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We gave the service these grades\n\nQuality of Care and Support 6 Excellent\n\n"
            "Quality of Environment 4 Good\n\nQuality of Staffing 5 Very Good\n\n"
            "What the service does well\n\nThe staff are kind.\n",
            [
                ("Quality of Care and Support", "Excellent", 6),
                ("Quality of Environment", "Good", 4),
                ("Quality of Staffing", "Very Good", 5),
            ],
        ),
        (
            "Grades awarded\n\nCare and support at home 3\xa0Adequate\n\n"
            "Management and leadership here 2 weak\n\nMore.",
            [
                ("Care and support at home", "Adequate", 3),
                ("Management and leadership here", "weak", 2),
            ],
        ),
        # two such paragraphs with a paragraph of prose between: lone rows near each other
        (
            "Quality of Staffing 5 Very Good\n\nStaff are trained.\n\n"
            "Quality of Environment 4 Good\n\nEnd.",
            [("Quality of Staffing", "Very Good", 5), ("Quality of Environment", "Good", 4)],
        ),
    ],
)
def test_rows_with_their_grades_rank_one_a_paragraph(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    found = find_scores(text)
    assert [(s.criterion, s.score, s.score_value) for s in found] == expected
    assert [text[s.start : s.end] for s in scores.label_spans(text, found)] == [
        str(value) for _, _, value in expected
    ]


# Rows a paragraph each without their grades' ranks are no table.
PARAGRAPH_ROWS_WITHOUT_RANKS: list[str] = [
    # no rank: single-space rows a paragraph each are no table without a header
    "Grades\n\nQuality of care and support Good\n\nQuality of staffing Very good\n\nMore.",
    # digits that are not the grades' ranks
    "Grades\n\nQuality of care and support 2 Excellent\n\nQuality of the staff 1 Good\n\nMore.",
    # a name and its number before the grade
    "Findings\n\nStandard 3 Good\n\nStandard 4 Excellent\n\nMore.",
    # one such paragraph alone
    "Intro.\n\nQuality of Staffing 5 Very Good\n\nThe staff are kind.\n",
]


# Scale glossaries and chart keys seen on real pages: grades with no criterion are no rows.
GLOSSARIES_AND_KEYS: list[str] = [
    # a page's table of grade meanings copied one cell a line, each cell closed by a pipe
    "Grade 1 |\nOutstanding |\nAn outstanding school serves its pupils well. |\nGrade 2 |\n"
    "Good |\nA good school is effective. |\n",
    # a chart's key: grades alone, one a line, with no label above the second
    "Key\n\nOutstanding\nGood\nRequires improvement\nInadequate\n",
    "Grade meanings:\n\n6 = Excellent\n5 = Very good\n4 = Good\n\nMore.",
    # a new scale's grades one a line under a bullet's caption, and a safeguarding note
    "  • Each area gets one of five grades:\n    Exceptional\n    Strong Standard\n"
    "    Expected Standard\n    Needs Attention\n    Urgent Improvement\n"
    "  • Safeguarding is separate: Met or Not Met.\n",
    # a regulator's levels one a paragraph under a sentence that names them
    "The inspectorate reports these levels:\n\nOutstanding\n\nVery Good\n\nGood\n\n"
    "Important area(s) for improvement\n\nRequires significant improvement\n",
    # grade-first glossaries with a colon, in lower case, and ranks before every grade
    "Four ratings may be given:\n\n  • Excellent: outstanding, very strong\n"
    "  • Good: successful, strong, skilful\n  • Needs improvement: limited, inconsistent\n"
    "  • Poor: unsafe\n",
    "Hygiene ratings:\n0 - Urgent improvement necessary\n3 - Generally satisfactory\n4 - Good\n"
    "5 - Very good\n",
]


# A table copied one cell a line with two grade columns or more: each label has its grades one
# a line under it, and the current column is read, told by the columns' names above the first
# label (the latest year; a name of ``column_labels.current``; the only one that is not
# ``column_labels.previous``).
STACKED_COLUMNS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "years-newest-first": (
        "Judgement\n2024 Grade\n2019 Grade\nOverall effectiveness\nRequires improvement\nGood\n"
        "Quality of education\nRequires improvement\nGood\n\nThe school will improve.\n",
        [
            ("Overall effectiveness", "Requires improvement"),
            ("Quality of education", "Requires improvement"),
        ],
    ),
    "years-newest-last-blank-lines": (
        "Area\n\n2018\n\n2023\n\nLeadership\n\nWeak\n\nGood\n\nLearning\n\nAdequate\n\n"
        "Very good\n\nEnd.",
        [("Leadership", "Good"), ("Learning", "Very good")],
    ),
    "this-and-previous-inspection": (
        "Area\n\nThis inspection\n\nPrevious inspection\n\nSafe\n\nGood\n\nInadequate\n\n"
        "Well-led\n\nOutstanding\n\nGood\n\nEnd.",
        [("Safe", "Good"), ("Well-led", "Outstanding")],
    ),
    "previous-then-current-bold": (
        "Previous grade\nCurrent grade\nInclusion\n**Needs attention**\n**Strong standard**\n"
        "Achievement\n**Expected standard**\n**Exceptional**\n",
        [("Inclusion", "Strong standard"), ("Achievement", "Exceptional")],
    ),
    "only-one-name-not-previous": (
        "Grade\nLast grade\nCare and support\nVery good\nGood\nEnvironment\nGood\nAdequate\n",
        [("Care and support", "Very good"), ("Environment", "Good")],
    ),
}

# Grade columns copied one cell a line whose names do not tell which is current, and stacked
# rows of different widths, are no table.
STACKED_COLUMNS_NOT_READ: list[str] = [
    "Area\nGrade\nGrade\nSafe\nGood\nInadequate\nWell-led\nOutstanding\nGood\n",
    "Inspectors visited the home twice and wrote to us after each visit.\nSafe\nGood\n"
    "Inadequate\nWell-led\nOutstanding\nGood\n",
    # one row alone
    "2024 Grade\n2019 Grade\nOverall effectiveness\nRequires improvement\nGood\n\nMore.",
    # names with two years each
    "2019 to 2024\n2014 to 2019\nSafe\nGood\nInadequate\nWell-led\nOutstanding\nGood\n",
]

# Numbered stacked rows whose numbers run on make one table whatever prose stands between them
# (Estyn's older reports: each inspection area's heading, its grade, then its findings).
NUMBERED_STACKED: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "prose-between": (
        "Main findings\n\n1: Standards\n\nExcellent\n\nPupils in Pentre make strong progress.\n\n"
        "They read widely.\n\nThey write at length.\n\n2: Wellbeing and attitudes to learning\n\n"
        "Good\n\nMost pupils feel safe.\n\n3: Teaching and learning experiences\n\nAdequate\n\n"
        "End.",
        [
            ("Standards", "Excellent"),
            ("Wellbeing and attitudes to learning", "Good"),
            ("Teaching and learning experiences", "Adequate"),
        ],
    ),
    "full-stops-bold-no-blank-lines": (
        "**1. Standards**\n**Good**\nLearners at Glyn Ceiriog achieve well.\n"
        "**2. Care, support and guidance**\n**Unsatisfactory**\nThe school must act now.\n",
        [("Standards", "Good"), ("Care, support and guidance", "Unsatisfactory")],
    ),
}

# Numbered stacked rows whose numbers do not run on, with prose between, are no table.
NUMBERED_STACKED_NOT_READ: list[str] = [
    "1: Standards\n\nExcellent\n\nPupils make progress.\n\n3: Wellbeing\n\nGood\n",
    "2: Standards\n\nExcellent\n\nPupils make progress.\n\n2: Wellbeing\n\nGood\n",
    "Standards\n\nExcellent\n\nPupils make progress.\n\n2: Wellbeing\n\nGood\n",
]


def test_stacked_columns_span_every_cell_of_the_row() -> None:
    text = "2023\n2017\nSafe\nGood\nPoor\nLed\nExcellent\nFair\n"
    found = find_scores(text)
    assert [text[s.start : s.end] for s in found] == ["Safe\nGood\nPoor", "Led\nExcellent\nFair"]
    assert [(s.score_value, s.scale, s.qualifier) for s in found] == [
        (3, "hmcpsi", None),
        (4, "hmcpsi", None),
    ]


# Pipe and tab rows whose grade cell other cells follow (a trend, a date, a note): the criterion
# is the first cell, the grade the last cell that holds one.
CELLS_AFTER_GRADE: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "pipe-trend": (
        "| Area | Grade | Trend |\n|---|---|---|\n| Safe | Good | up |\n"
        "| Caring | Outstanding | same |\n",
        [("Safe", "Good"), ("Caring", "Outstanding")],
    ),
    "pipe-no-outer-pipes-at-start": (
        "Key question | Rating | Since\nEffective | Requires improvement | 2022 |\n"
        "Well-led | Inadequate | 2021 |\n",
        [("Effective", "Requires improvement"), ("Well-led", "Inadequate")],
    ),
    "tab-date": (
        "Area\tGrade\tDate\nLearning\tGood\tMay 2023\nCare and support\tExcellent\tJune 2021\n",
        [("Learning", "Good"), ("Care and support", "Excellent")],
    ),
    "tab-note-no-header": (
        "Ardmore Home\n\nWellbeing\tGood\tno change\nEnvironment\tAdequate\tdown from good\n\nEnd.",
        [("Wellbeing", "Good"), ("Environment", "Adequate")],
    ),
    "pipe-quoted-grade-and-note": (
        "| Safe | ‘Good’ | ↑ |\n| Led | “Poor” | ↓ |\n",
        [("Safe", "Good"), ("Led", "Poor")],
    ),
}

# Lines with pipes or tabs that are no rows with cells after the grade.
CELLS_AFTER_GRADE_NOT_READ: list[str] = [
    # a site's menu: no cell holds a grade alone
    "Home | Good news | Contact |\nNews | Events | Jobs |\n",
    # one such row alone
    "Safe\tGood\tup\nThe end of the page.\n",
    # a grade in the first cell only: no criterion before it
    "Good\tSafe\tup\nGood\tLed\tdown\n",
    # the cell after the grade is a long sentence
    "| Safe | Good | The staff are kind and the home is clean and the meals are hot and good "
    "every single day |\n| Led | Good | The manager has been in post for many years and knows "
    "every person who lives there by name |\n",
]


def test_cells_after_the_grade_with_several_grade_columns() -> None:
    text = (
        "| Court | 2023 | 2022 | Note |\n|---|---|---|---|\n| Crown | Good | Fair | see below |\n"
        "| Youth | Poor | Good | new |\n"
    )
    found = find_scores(text)
    assert [(s.criterion, s.score, s.qualifier) for s in found] == [
        ("Crown (2023)", "Good", "2023"),
        ("Crown (2022)", "Fair", "2022"),
        ("Youth (2023)", "Poor", "2023"),
        ("Youth (2022)", "Good", "2022"),
    ]
    assert [text[s.start : s.end] for s in found][::2] == [
        "| Crown | Good | Fair | see below |",
        "| Youth | Poor | Good | new |",
    ]


# Lines that give the grade first, then a spaced dash or a colon and the criterion: three or
# more in a block of their own (a school's news page lists its judgements so).
GRADE_FIRST_LINES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "dashes": (
        "Ofsted judgements\n\nGood – Quality of education\nGood – Behaviour and attitudes\n"
        "Outstanding – Personal development\nGood – Leadership and management\n\nMore.",
        [
            ("Quality of education", "Good"),
            ("Behaviour and attitudes", "Good"),
            ("Personal development", "Outstanding"),
            ("Leadership and management", "Good"),
        ],
    ),
    "bullets-quotes-colon": (
        "The grades:\n\n• ‘Good’ – Quality of education\n• ‘Requires improvement’ – Early years\n"
        "• “Good”: Sixth form provision\n",
        [
            ("Quality of education", "Good"),
            ("Early years", "Requires improvement"),
            ("Sixth form provision", "Good"),
        ],
    ),
    "hyphens-report-card": (
        "Our report card\n\nStrong standard - Inclusion\nExpected standard - Achievement\n"
        "Strong standard - Curriculum and teaching\nMet - Safeguarding\n",
        [
            ("Inclusion", "Strong standard"),
            ("Achievement", "Expected standard"),
            ("Curriculum and teaching", "Strong standard"),
            ("Safeguarding", "Met"),
        ],
    ),
}

# Scale glossaries in the grade-first shape, and too few rows, are no table.
GRADE_FIRST_NOT_READ: list[str] = [
    # descriptions in lower case, with commas
    "The scale:\n\n  • Excellent – very strong, sustained performance and practice\n"
    "  • Good – strong features, although minor aspects may require improvement\n"
    "  • Adequate – strengths outweigh weaknesses\n",
    # descriptions that are sentences
    "Ratings\n\nOutstanding – The service is performing exceptionally well.\n"
    "Good – The service is performing well\nRequires improvement – The service must improve\n",
    # names of the grades' meanings, each grade once in the order of the scale
    "Judgements\n\nExcellent – Major strengths\nVery good – Important strengths\n"
    "Good – Some strengths\nWeak – Important weaknesses\n\nMore.",
    "Key\n\nInadequate: Serious failings\nRequires improvement: Some failings\n"
    "Good: Few failings\n",
    # two rows only, and lines inside prose
    "Good – Quality of education\nGood – Behaviour\n\nMore.",
    "Parents told us the school was kind.\nGood – Quality of education\nGood – Behaviour\n"
    "Good – Leadership\nwere the words they used most.\n",
]


# The Care Inspectorate's summary of grades flattened onto one line (a paragraph of its own that
# ends with the last grade): each grade after its rank, every rank its grade's on one scale; the
# first criterion opens after the line's lead-in.
ROWS_IN_ONE_LINE: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "lead-in-title-case": (
        "Intro.\n\nWe gave the service these grades Quality of Care and Support 5 Very Good "
        "Quality of Environment 4 Good Quality of Staffing 5 Very Good Quality of Management "
        "and Leadership 4 Good\n\nWhat the service does well",
        [
            ("Quality of Care and Support", "Very Good"),
            ("Quality of Environment", "Good"),
            ("Quality of Staffing", "Very Good"),
            ("Quality of Management and Leadership", "Good"),
        ],
    ),
    "sentence-case-no-lead-in": (
        "Quality of care and support 6 Excellent Quality of environment 3\xa0Adequate\n\nMore.",
        [("Quality of care and support", "Excellent"), ("Quality of environment", "Adequate")],
    ),
    "questions-dashes-colon-lead-in": (
        "Our grades: How well do we support people's wellbeing? 5 - Very good How good is our "
        "leadership? 2 – Weak\n\nMore.",
        [
            ("How well do we support people's wellbeing?", "Very good"),
            ("How good is our leadership?", "Weak"),
        ],
    ),
}

# Lines with ranks and grades that are no rows run into one line.
ROWS_IN_ONE_LINE_NOT_READ: list[str] = [
    # numbers that are no ranks of the grades
    "Standard 3 Good Standard 4 Fair\n\nMore.",
    "Quality of care 4 Good Quality of staff 3 Good\n\nMore.",
    # prose: a criterion in lower case
    "Results\n\nThe home scored 4 Good in one area and 5 Very Good\n\nMore.",
    "Grades\n\nIt was rated 5 Very good last year and is now 4 Good\n\nMore.",
    # the line goes on after its last grade
    "Grades\n\nQuality of care 5 Very good Quality of environment 4 Good as last year\n\nMore.",
]


def test_rows_in_one_line_leave_their_ranks_out() -> None:
    text = "Grades\n\nQuality of Staffing 5 Very Good Quality of Environment 4 - Good\n\nEnd."
    found = find_scores(text)
    assert [(s.criterion, s.score_value, s.scale) for s in found] == [
        ("Quality of Staffing", 5, "scotland-six-point"),
        ("Quality of Environment", 4, "scotland-six-point"),
    ]
    assert [text[s.start : s.end] for s in scores.label_spans(text, found)] == ["5", "4"]


# A footnote's mark after a grade (``Good*``, ``Good†``, ``Good¹``) in every layout: the mark
# is neither grade nor criterion; the note under the table is no row.
FOOTNOTE_MARKS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "colon-star": (
        "Intro.\n\nSafe: Good*\nWell-led: Good*\nCaring: Outstanding\n\n* at the last visit\n",
        [("Safe", "Good"), ("Well-led", "Good"), ("Caring", "Outstanding")],
    ),
    "tab-dagger": (
        "Area\tGrade\nLearning\tGood†\nCare\tExcellent\n\n† graded in 2019\n",
        [("Learning", "Good"), ("Care", "Excellent")],
    ),
    "pipe-superscript-and-bold": (
        "| Area | Grade |\n|---|---|\n| Safety | Adequate¹ |\n| Staffing | **Weak** |\n",
        [("Safety", "Adequate"), ("Staffing", "Weak")],
    ),
    "header-single-space": (
        "Criteria Score\nLeadership Good*\nCasework Fair\n",
        [("Leadership", "Good"), ("Casework", "Fair")],
    ),
    "stacked": (
        "Standards\nGood*\nWellbeing\nExcellent‡\n",
        [("Standards", "Good"), ("Wellbeing", "Excellent")],
    ),
    "aligned-quoted": (
        "Safe          ‘Good’*\nWell-led      Inadequate\n",
        [("Safe", "Good"), ("Well-led", "Inadequate")],
    ),
    "dash-list": (
        "Judgements:\n\nGovernance – ‘Fair’*;\nPeople — ‘Good’; and\n",
        [("Governance", "Fair"), ("People", "Good")],
    ),
}

# Grade words with a mark after them in prose are no rows.
FOOTNOTES_IN_PROSE: list[str] = [
    "The school was good*.\n",
    "Staff were good*\nand kind.\n",
    "Inspectors found the care was good†\n\nMore.",
    # two marks are no footnote
    "Area\tGrade\nLearning\tGood**\nCare\tExcellent**\n",
]


# Rows opened by list marks other than the bullets the patterns know, as schools' pages list
# their grades (a middle dot before an aligned row, a tick before a colon row): the mark is
# no part of the criterion.
LIST_MARKS = {
    "middle-dots-aligned": (
        "Harbridge Primary was judged good in every area:\n\n"
        "· Effectiveness of leadership and management        Good\n"
        "· Quality of teaching, learning and assessment      Good\n"
        "· Outcomes for pupils                               Requires improvement\n\n"
        "We are thrilled.",
        [
            ("Effectiveness of leadership and management", "Good"),
            ("Quality of teaching, learning and assessment", "Good"),
            ("Outcomes for pupils", "Requires improvement"),
        ],
    ),
    "ticks-colon": (
        "Kelby Academy's report card:\n\n✔ Inclusion: Strong standard\n"
        "✔ Achievement: Expected standard\n✔ Leadership and governance: Exceptional\n\nMore.",
        [
            ("Inclusion", "Strong standard"),
            ("Achievement", "Expected standard"),
            ("Leadership and governance", "Exceptional"),
        ],
    ),
    "arrows-tabs": (
        "Ashby Nursery\n\n► Care and support\tVery good\n► Environment\tGood\n",
        [("Care and support", "Very good"), ("Environment", "Good")],
    ),
    "open-circles-dash-quoted": (
        "Grades:\n\n○ Safe – ‘Good’\n○ Well-led – ‘Outstanding’\n",
        [("Safe", "Good"), ("Well-led", "Outstanding")],
    ),
    # a mark inside the criterion is the criterion's
    "mark-inside-the-criterion": (
        "Grades:\n\n✔ Leadership · governance: Good\n✔ Care → support: Adequate\n\nMore.",
        [("Leadership · governance", "Good"), ("Care → support", "Adequate")],
    ),
}
LIST_MARKS_NOT_READ = {
    # one marked line in prose is no table
    "one-marked-line": "The head was delighted.\n\n✔ Inclusion: Strong standard\n\nMore to come.",
    # a marked sentence that ends with a grade and a stop is prose
    "marked-sentences": (
        "Ann Cole said:\n→ Inspectors found the care good.\n→ Staff were rated good.\n"
        "→ Leaders were judged outstanding.\n"
    ),
    # marks alone with grades are a key to the colours, not rows
    "marks-alone": "Key:\n\n✔ Good\n■ Requires improvement\n○ Inadequate\n",
}


def _cases(tables: dict[str, Any]) -> list[Any]:
    """Each case of ``tables`` (a table's name -> its cases by name, or a list of them) as one
    test's parameters, named by its table and its own name (or place)."""
    return [
        pytest.param(*(case if isinstance(case, tuple) else (case,)), id=f"{table}-{key}")
        for table, cases in tables.items()
        for key, case in (cases.items() if isinstance(cases, dict) else enumerate(cases))
    ]


ROWS_READ = {
    "LAYOUTS": LAYOUTS,
    "MORE_LAYOUTS": MORE_LAYOUTS,
    "RANKED_CELLS": RANKED_CELLS,
    "DIGITS_NO_RANKS": DIGITS_NO_RANKS,
    "STACKED": STACKED,
    "STOP_BULLETS": STOP_BULLETS,
    "LONG_RUNS": LONG_RUNS,
    "LABEL_LINES_ENDING_A_LIST": LABEL_LINES_ENDING_A_LIST,
    "UNBULLETED_STOP_ROWS": UNBULLETED_STOP_ROWS,
    "FOOTNOTE_MARKS": FOOTNOTE_MARKS,
    "STACKED_COLUMNS": STACKED_COLUMNS,
    "CELLS_AFTER_GRADE": CELLS_AFTER_GRADE,
    "GRADE_FIRST_LINES": GRADE_FIRST_LINES,
    "ROWS_IN_ONE_LINE": ROWS_IN_ONE_LINE,
    "NUMBERED_STACKED": NUMBERED_STACKED,
    "LIST_MARKS": LIST_MARKS,
}
NO_ROWS = {
    "NOT_ROWS": NOT_ROWS,
    "NOT_STACKED": NOT_STACKED,
    "STOP_ROWS_IN_PROSE": STOP_ROWS_IN_PROSE,
    "PARAGRAPH_ROWS_WITHOUT_RANKS": PARAGRAPH_ROWS_WITHOUT_RANKS,
    "GLOSSARIES_AND_KEYS": GLOSSARIES_AND_KEYS,
    "FOOTNOTES_IN_PROSE": FOOTNOTES_IN_PROSE,
    "STACKED_COLUMNS_NOT_READ": STACKED_COLUMNS_NOT_READ,
    "CELLS_AFTER_GRADE_NOT_READ": CELLS_AFTER_GRADE_NOT_READ,
    "GRADE_FIRST_NOT_READ": GRADE_FIRST_NOT_READ,
    "ROWS_IN_ONE_LINE_NOT_READ": ROWS_IN_ONE_LINE_NOT_READ,
    "NUMBERED_STACKED_NOT_READ": NUMBERED_STACKED_NOT_READ,
    "LIST_MARKS_NOT_READ": LIST_MARKS_NOT_READ,
}


@pytest.mark.parametrize(("text", "expected"), _cases(ROWS_READ))
def test_rows_read(text: str, expected: list[tuple[str, str]]) -> None:
    """Each text of the tables above of texts and their rows, (criterion, grade) in order."""
    assert rows(text) == expected


@pytest.mark.parametrize("text", _cases(NO_ROWS))
def test_no_rows(text: str) -> None:
    """Each text of the tables above of texts with no row."""
    assert rows(text) == []


# Of the scales that hold every grade of a table, the first whose body the release names.
@pytest.mark.parametrize(
    ("named", "scale", "values"),
    [
        ("", "peel", [4, 3]),  # no body named: the first scale holding both grades
        ("Care Inspectorate Wales published its report.", "ciw", [3, 2]),
        ("Arolygiaeth Gofal Cymru (CIW) visited.", "ciw", [3, 2]),
        ("The Care Inspectorate visited the home.", "scotland-six-point", [4, 3]),
        ("Estyn inspected the school.", "estyn", [3, 2]),
        ("HMICFRS inspected the force (PEEL 2025).", "peel", [4, 3]),
        # a body whose scale lacks a grade of the table does not choose it
        ("Ofsted inspected the school.", "peel", [4, 3]),
        # a body's name inside another word names no body
        ("THE ESTYNX PRIZE AND THE CIWIL COMPETITION", "peel", [4, 3]),
    ],
)
def test_a_named_body_chooses_among_the_scales_that_fit(
    named: str, scale: str, values: list[int]
) -> None:
    text = f"{named}\n\nWell-being: Good\nLeadership and management: Adequate\n\nMore."
    found = find_scores(text)
    assert [(s.scale, s.score_value) for s in found] == [(scale, v) for v in values]


# With no body named, a rank written before each grade chooses among the scales that hold
# every grade the first numbered one (its body writes ranks: the Care Inspectorate's and
# Education Scotland's six points) on which each rank is its grade's.
@pytest.mark.parametrize(
    ("text", "scale", "values"),
    [
        (
            "The grades awarded were:\n- Quality of Care and Support - Grade 4 - Good\n"
            "- Quality of Environment - Grade 4 - Good\n- Quality of Staffing - Grade 4 - Good\n",
            "scotland-six-point",
            [4, 4, 4],
        ),
        (
            "Grades\n\nQuality of Care and Support 4 Good\n\nQuality of Staffing 4 Good\n",
            "scotland-six-point",
            [4, 4],
        ),
        (
            "Kelby Nursery\n\nCare and play:\t4 - Good\nSetting:\t3 - Adequate\n",
            "scotland-six-point",
            [4, 3],
        ),
        # a named body still chooses first, whatever the ranks
        (
            "Ofsted inspected Harbridge School.\n\nLeadership - Grade 2 - Good\n"
            "Behaviour - Grade 2 - Good\nOutcomes - Grade 2 - Good\n",
            "ofsted-cqc",
            [3, 3, 3],
        ),
        # ranks that are no grade's on a numbered scale (Ofsted's old 1 to 4, best first)
        # choose nothing: the first scale that holds the grades
        (
            "Leadership - Grade 2 - Good\nBehaviour - Grade 2 - Good\nOutcomes - Grade 2 - Good\n",
            "hmcpsi",
            [3, 3, 3],
        ),
        # nor do ranks that disagree with each other
        (
            "Grades:\n- Care - Grade 4 - Good\n- Staffing - Grade 3 - Good\n",
            "hmcpsi",
            [3, 3],
        ),
        # no rank: the first scale that holds the grades
        ("Grades:\n- Care - Good\n- Staffing - Good\n", "hmcpsi", [3, 3]),
    ],
)
def test_ranks_choose_a_numbered_scale_when_no_body_is_named(
    text: str, scale: str, values: list[int]
) -> None:
    found = find_scores(text)
    assert [(s.scale, s.score_value) for s in found] == [(scale, v) for v in values]
