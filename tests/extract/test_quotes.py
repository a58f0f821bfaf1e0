"""Quotations in every style, on text written for these tests."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.dates import DATE_WORDS
from pipeline.extract.quotes import (
    _NOT_NAME_WORDS,
    _TOKEN,
    _adverbial,
    _after_adverbial,
    _after_furniture,
    _after_matches,
    _as_person,
    _cut_furniture,
    _Names,
    _participle_clause,
    _resolve,
    _speech_ends,
    _speech_search,
    _speech_start,
    _statement_from,
    _title_start,
    _verb_patterns,
    ends_with_speech,
    find_quotes,
    parse_attribution,
    quote_words,
)
from pipeline.extract.sections import split_paragraphs


def quotes(text: str) -> list[tuple[str | None, str | None, int, str]]:
    got = find_quotes(text, split_paragraphs(text))
    for q in got:
        assert 0 <= q.start < q.end <= len(text)
    return [(q.speaker, q.role, q.paragraphs, q.text) for q in got]


def assert_parsed(who: str, speaker: str | None, role: str | None) -> None:
    """``parse_attribution`` reads ``who`` as ``speaker`` in ``role``."""
    person = parse_attribution(who)
    assert (person.speaker, person.role) == (speaker, role)


_SAID_FORMS = (
    "{who} said: “We will publish the plan in the spring.”",
    '"We will publish the plan in the spring," said {who}.',
)


def assert_reads(who: str, speaker: str | None, role: str | None) -> None:
    """``who`` names ``speaker`` in ``role``: parsed alone, and as the attribution before a
    quotation and after one."""
    assert_parsed(who, speaker, role)
    for form in _SAID_FORMS:
        text = form.format(who=who)
        assert people(text) == [(speaker, role)], text


def test_british_multi_paragraph_with_missing_first_mark() -> None:
    text = (
        "Head of Audit for the Region, Jo Bright says:\n\n"
        "The first paragraph has no opening mark.\n \n"
        "“The second reopens the mark.\n\xa0\n"
        "“The third closes it.”\n\nNarrative resumes."
    )
    assert quotes(text) == [
        (
            "Jo Bright",
            "Head of Audit for the Region",
            3,
            "The first paragraph has no opening mark.\n\nThe second reopens the mark.\n\n"
            "The third closes it.",
        ),
    ]


def test_name_role_said_with_straight_marks_reopening() -> None:
    text = (
        'Omar Lindqvist, Director of Inspections, said:\n\n"We looked at every file.\n\n'
        '"We will be back next year."\n'
    )
    assert quotes(text) == [
        (
            "Omar Lindqvist",
            "Director of Inspections",
            2,
            "We looked at every file.\n\nWe will be back next year.",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "“It was a good year,” said Ann Cole, chief executive of the trust.",
            "Ann Cole",
            "chief executive of the trust",
        ),
        ("“It was a good year,” Ann Cole said.", "Ann Cole", None),
        ('"It was a good year," said Ann Cole.', "Ann Cole", None),
        (
            "Chief Superintendent Ann Cole said: “It was a good year.”",
            "Ann Cole",
            "Chief Superintendent",
        ),
        (
            "The trust’s medical director, Dr Ann Cole, said “It was a good year.”",
            "Ann Cole",
            "medical director",
        ),
        (
            "At the launch, the Attorney General, the Rt Hon Ann Cole KC MP, said “It was a good "
            "year.”",
            "Ann Cole",
            "Attorney General",
        ),
    ],
)
def test_attribution_before_and_after(text: str, speaker: str, role: str | None) -> None:
    ((got_speaker, got_role, n, words),) = quotes(text)
    assert (got_speaker, got_role, n) == (speaker, role, 1)
    assert words == "It was a good year" or words == "It was a good year."


def test_plain_paragraph_after_said_colon_is_the_quote() -> None:
    text = (
        "The regional manager, Sam Okoro, said:\n\n"
        "We have a plan and we will publish it.\n\n"
        "Figures show 12 more staff."
    )
    assert quotes(text) == [
        ("Sam Okoro", "regional manager", 1, "We have a plan and we will publish it."),
    ]


def test_resumed_quote_keeps_the_speaker_by_surname() -> None:
    text = (
        "Director of Care Lena Fairweather said:\n\n“Progress is real.”\n\n"
        "The council agreed.\n\nMs Fairweather added:\n\n“More is needed.”\n\n"
        "“We will check,” Ms Fairweather continued."
    )
    got = find_quotes(text, split_paragraphs(text))
    assert [(q.speaker, q.role, q.text) for q in got] == [
        ("Lena Fairweather", "Director of Care", "Progress is real."),
        ("Lena Fairweather", None, "More is needed."),
        ("Lena Fairweather", None, "We will check"),
    ]
    assert got[1].speaker_as_written == "Ms Fairweather"


def test_single_marks_round_grades_are_not_quotes_even_inside_one() -> None:
    text = (
        "The Area was rated ‘good’ and staff called managers ‘approachable’.\n\n"
        "Inspector Vera Holm said:\n\n“Work here is ‘good’, and it shows.”"
    )
    assert quotes(text) == [("Vera Holm", "Inspector", 1, "Work here is ‘good’, and it shows.")]


def test_headings_inside_a_quote_are_skipped_not_counted() -> None:
    text = (
        "Chief Officer Ray Penn said:\n\n“Opening words.\n\nMoney\n\n"
        "“On money we did well.\n\nPeople\n\n“On people we did better.”\n\nEnd."
    )
    ((speaker, _role, n, words),) = quotes(text)
    assert speaker == "Ray Penn"
    assert n == 3
    assert "Money" not in words.split("\n\n")


def test_flattened_quote_paragraphs_told_apart_by_reopening_mark() -> None:
    text = (
        "Lead Inspector Kit Marsh said: “The first part ends here. “The second part "
        "follows.” Afterwards the report was sent."
    )
    assert quotes(text) == [
        ("Kit Marsh", "Lead Inspector", 2, "The first part ends here.\n\nThe second part follows."),
    ]


def test_unattributed_standalone_quote_and_short_fragments() -> None:
    text = (
        "“Nobody can yet tell whether the new visits make any difference at all.”\n\n"
        "Inspectors called the letters “rather formulaic” in places."
    )
    assert quotes(text) == [
        (None, None, 1, "Nobody can yet tell whether the new visits make any difference at all."),
    ]


def test_hard_wrapped_attribution_and_name() -> None:
    text = (
        "A short lede.\n\n“Every case matters to a victim,” said\nPat\nQuinlan, head of\n"
        "the casework unit."
    )
    assert quotes(text) == [
        ("Pat Quinlan", "head of the casework unit", 1, "Every case matters to a victim"),
    ]


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        (
            "Chief Inspector of the Service, Ada Byrne",
            "Ada Byrne",
            "Chief Inspector of the Service",
        ),
        (
            "Ada Byrne, Chief Inspector of the Service,",
            "Ada Byrne",
            "Chief Inspector of the Service",
        ),
        ("HM Inspector of Probation Dr Ada Byrne", "Ada Byrne", "HM Inspector of Probation"),
        ("Ada Byrne CBE, Ofsted’s Regional Director", "Ada Byrne", "Regional Director"),
        ("The Council’s Director of Adult Care, Ada Byrne", "Ada Byrne", "Director of Adult Care"),
        (
            "His Majesty’s Inspector of Prisons, Ada Byrne",
            "Ada Byrne",
            "His Majesty’s Inspector of Prisons",
        ),
        (
            "Ada Byrne, Chief Crown Prosecutor for CPS Westland",
            "Ada Byrne",
            "Chief Crown Prosecutor for CPS Westland",
        ),
        ("Professor Ada Byrne", "Ada Byrne", None),
        ("a spokesperson for the council", None, "spokesperson for the council"),
    ],
)
def test_parse_attribution(who: str, speaker: str | None, role: str | None) -> None:
    assert_parsed(who, speaker, role)


def test_quote_resuming_after_its_attribution_keeps_the_speaker() -> None:
    text = (
        "Lede here.\n\n“We welcome the report,” said Nia Hart, the trust’s chief executive. "
        "“But there is more to do, and we will do it.”\n\n“Next year will be better.”"
    )
    assert [(q[0], q[1]) for q in quotes(text)] == [("Nia Hart", "chief executive")] * 3


@pytest.mark.parametrize(
    "text",
    [
        "Lede.\n\nAccording to the chief inspector, Dr Ian Rowe, “the unit is failing victims "
        "in too many cases”.",
        "Lede.\n\nThe chief inspector, Dr Ian Rowe, said in a statement:\n\n“The unit is failing.”",
        "Lede.\n\nThe chief inspector, Dr Ian Rowe, said today: “The unit is failing.”",
    ],
)
def test_attribution_with_according_to_and_adverbials(text: str) -> None:
    ((speaker, role, _n, _words),) = quotes(text)
    assert (speaker, role) == ("Ian Rowe", "chief inspector")


def test_names_with_particles_and_signed_blockquotes() -> None:
    assert parse_attribution("President of the Commission, Ursula von der Leyen").speaker == (
        "Ursula von der Leyen"
    )
    assert parse_attribution("Chief Inspector Pieter van Dijk").speaker == "Pieter van Dijk"
    text = "Lede here.\n\n“Every victim deserves better than this.”\n\n— Rosa Diaz, chief inspector"
    assert quotes(text) == [
        ("Rosa Diaz", "chief inspector", 1, "Every victim deserves better than this."),
    ]


def test_attribution_keeps_separators_that_are_not_regex_white_space() -> None:
    person = parse_attribution("Chief Inspector\x1c  of Prisons,  Ann\x1cCole")
    assert (person.speaker, person.role, person.as_written) == (
        "Ann Cole",
        "Chief Inspector\x1c of Prisons",
        "Ann\x1cCole",
    )


def test_speaker_before_a_line_break_then_the_verb() -> None:
    text = "Report out.\n\nAnn Cole, chief executive,\nsaid: “It was a good year for us all.”"
    assert quotes(text) == [
        ("Ann Cole", "chief executive", 1, "It was a good year for us all."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Lede.\n\n"We found," said Ann Cole, the Chief Inspector, "that the unit had improved."',
        "Lede.\n\n“We found,” Ann Cole said, “that the unit had improved.”",
        "Lede.\n\n“We found,” said Chief Inspector Ann Cole, “that the unit had improved.”",
    ],
)
def test_quotation_split_by_its_attribution(text: str) -> None:
    got = quotes(text)
    assert [(q[0], q[3]) for q in got] == [
        ("Ann Cole", "We found"),
        ("Ann Cole", "that the unit had improved."),
    ]


@pytest.mark.parametrize("verb", ["added", "continued", "went on", "said"])
def test_name_and_colon_after_a_quote_introduce_the_next_one(verb: str) -> None:
    text = (
        'Lede.\n\nAnn Cole, Chief Inspector, said: "Leaders have a plan now." '
        f'Ben Hale {verb}: "They must deliver it quickly."'
    )
    assert [(q[0], q[1]) for q in quotes(text)] == [
        ("Ann Cole", "Chief Inspector"),
        ("Ben Hale", None),
    ]


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        ('She added: "They must deliver it quickly."', "Ann Cole"),
        ('He went on: "They must deliver it quickly."', "Ann Cole"),
        ('Narrative.\n\n"They must deliver it quickly," she added.', "Ann Cole"),
        ('Narrative.\n\n"They must deliver it quickly," he said.', "Ann Cole"),
        ('It said: "They must deliver it quickly."', None),
        ('They said: "They must deliver it quickly."', None),
    ],
)
def test_pronoun_attribution_names_the_previous_speaker(second: str, speaker: str | None) -> None:
    text = f'Lede.\n\nAnn Cole, Chief Inspector, said: "Leaders have a plan now."\n\n{second}'
    got = find_quotes(text, split_paragraphs(text))
    assert [q.speaker for q in got] == ["Ann Cole", speaker]
    assert got[1].role is None
    assert got[1].text == "They must deliver it quickly" or got[1].text.endswith("quickly.")


@pytest.mark.parametrize(
    ("second", "speaker", "role"),
    [
        (
            "Sir Tom Hale, chair of the Board, said the findings were encouraging. "
            '"The board will keep watching closely," he said.',
            "Tom Hale",
            "chair of the Board",
        ),
        (
            'Dr Mia Roy says progress is slow. She added: "We will return within a year."',
            "Mia Roy",
            None,
        ),
        # no full name opens the paragraph: the previous speaker, as before
        (
            'Inspectors said it was slow. "We will return within a year," she said.',
            "Ann Cole",
            None,
        ),
        ('Narrative first. "We will return within a year," she said.', "Ann Cole", None),
    ],
)
def test_pronoun_in_a_paragraph_opening_with_reported_speech(
    second: str, speaker: str, role: str | None
) -> None:
    text = f'Lede.\n\nAnn Cole, Chief Inspector, said: "Leaders have a plan now."\n\n{second}'
    got = find_quotes(text, split_paragraphs(text))
    assert [(q.speaker, q.role) for q in got] == [("Ann Cole", "Chief Inspector"), (speaker, role)]


def test_pronoun_with_no_speaker_before_names_nobody() -> None:
    text = 'Lede.\n\nShe added: "They must deliver it quickly and well."'
    assert quotes(text) == [(None, None, 1, "They must deliver it quickly and well.")]


@pytest.mark.parametrize(
    "verb", ["acknowledged", "emphasised", "emphasized", "stressed", "reflected", "pointed out"]
)
def test_more_speech_verbs_before_and_after(verb: str) -> None:
    before = f'Lede.\n\nAnn Cole, Chief Executive, {verb}: "We are determined to improve."'
    after = f'Lede.\n\n"We are determined to improve," {verb} Ann Cole, Chief Executive.'
    for text in (before, after):
        assert [(q[0], q[1]) for q in quotes(text)] == [("Ann Cole", "Chief Executive")]


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("chief executive Ann Cole", "Ann Cole", "chief executive"),
        ("head of operations Ann Cole", "Ann Cole", "head of operations"),
        ("Ann Cole, who led the inspection", "Ann Cole", None),
        ("Ann Cole, who chairs the Board", "Ann Cole", None),
        ("Ann Cole, our chief executive", "Ann Cole", "chief executive"),
        ("Ann Cole, its director of nursing", "Ann Cole", "director of nursing"),
        ("Ann Cole, cabinet member for children", "Ann Cole", "cabinet member for children"),
        ("Ann Cole, speaking for the Trust", "Ann Cole", None),
        ("speaking at the launch, Ann Cole", "Ann Cole", None),
        ("Her Majesty’s Inspector, Ann Cole", "Ann Cole", "Her Majesty’s Inspector"),
        # the role ends where a clause after it begins; a plain comma inside a role stays
        ("Ann Cole, the chief inspector, speaking at the launch", "Ann Cole", "chief inspector"),
        ("Ann Cole, Chief Inspector, during a visit to Leeds", "Ann Cole", "Chief Inspector"),
        (
            "Ann Cole, Chief Executive, Wessex NHS Trust",
            "Ann Cole",
            "Chief Executive, Wessex NHS Trust",
        ),
    ],
)
def test_lower_case_roles_and_clauses_round_a_name(
    who: str, speaker: str, role: str | None
) -> None:
    assert_parsed(who, speaker, role)


@pytest.mark.parametrize("bullet", ["•", "-", "*", "–"])
def test_quotations_in_bullet_lists(bullet: str) -> None:
    text = (
        "Lede.\n\nAnn Cole, Chief Inspector, said:\n\n"
        f"{bullet} “Files were well prepared in most cases.\n\n"
        f"{bullet} “Victims were kept informed.”\n\nEnd of the release."
    )
    assert quotes(text) == [
        (
            "Ann Cole",
            "Chief Inspector",
            2,
            "Files were well prepared in most cases.\n\nVictims were kept informed.",
        )
    ]


def test_separate_quotations_in_bullets_after_an_unnamed_intro() -> None:
    text = (
        "Lede.\n\nVictims told inspectors:\n\n"
        '- "I was kept informed at every stage of my case."\n\n'
        '- "Nobody called me back for weeks after the hearing."\n\nEnd.'
    )
    got = quotes(text)
    assert [(q[0], q[2]) for q in got] == [(None, 1), (None, 1)]
    assert got[0][3].startswith("I was kept") and got[1][3].startswith("Nobody")


# --- Issue 15: quotation marks of every language, each paired by its own rules ---


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # German „…“: the “ closes; the prose after it is not quoted
        (
            "Die Leiterin Anna Weber sagte: „Wir haben viel erreicht und sind zufrieden.“ "
            "Danach folgte der Bericht. „Der nächste Schritt ist schon geplant und finanziert.“",
            [
                "Wir haben viel erreicht und sind zufrieden.",
                "Der nächste Schritt ist schon geplant und finanziert.",
            ],
        ),
        # Polish and Dutch „…”
        (
            "„To jest bardzo dobry raport dla nas wszystkich.” Potem zebranie trwało dalej.",
            ["To jest bardzo dobry raport dla nas wszystkich."],
        ),
        # German ‚…‘ nested in „…“
        (
            "„Das Wort ‚gut‘ reicht uns nicht, wir wollen mehr erreichen.“ Dann ging sie.",
            ["Das Wort ‚gut‘ reicht uns nicht, wir wollen mehr erreichen."],
        ),
        # French «…» with its inner spaces, over two paragraphs, ‹…› nested
        (
            "« Nous sommes très heureux de ce ‹ bon › résultat.\n\n"
            "« Nous continuerons nos efforts cette année. »\n\nLa suite du texte.",
            [
                "Nous sommes très heureux de ce ‹ bon › résultat.\n\n"
                "Nous continuerons nos efforts cette année."
            ],
        ),
        # German and Danish »…«
        (
            "»Das ist ein sehr guter Bericht für uns alle.« Dann ging er nach Hause.",
            ["Das ist ein sehr guter Bericht für uns alle."],
        ),
        # Japanese 「…」 with 『…』 nested
        ("「今年は『良い年』でした、ありがとう。」", ["今年は『良い年』でした、ありがとう。"]),
        # English “…” and "…"
        (
            "“We looked at every file that came in this year.” Then the team left. "
            '"We will be back next year to check again."',
            [
                "We looked at every file that came in this year.",
                "We will be back next year to check again.",
            ],
        ),
    ],
)
def test_marks_of_every_language_pair_by_their_own_rules(text: str, words: list[str]) -> None:
    assert [w for _s, _r, _n, w in quotes(text)] == words


def test_separate_german_phrases_are_not_joined_into_one_quotation() -> None:
    text = (
        "Der Minister sprach von „einer guten Woche für alle Schulen im Land“ und von "
        "„neuen Lehrern, die schon im Herbst anfangen werden“.\n\n"
        "„Wir halten Wort, und das werden die Eltern bald sehen.“"
    )
    got = quotes(text)
    # the two phrases inside the sentence are citations; the paragraph is one quotation
    assert got == [(None, None, 1, "Wir halten Wort, und das werden die Eltern bald sehen.")]


# --- Issue 11: quotation kinds found missing on real releases ---


@pytest.mark.parametrize(
    "intro",
    [
        "Ann Cole, Chief Executive, has published the following statement:",
        "Ann Cole, Chief Executive, responded to the report:",
        "Ann Cole, Chief Executive, commented on the findings:",
        "Ann Cole, Chief Executive, said in response:",
        "Ann Cole, Chief Executive, responded as follows:",
        "Ann Cole, Chief Executive, has issued a short statement:",
        "Ann Cole, Chief Executive, said;",
        "A statement from the Chief Executive, Ann Cole, in response to the report:",
    ],
)
def test_longer_verb_phrases_before_the_colon(intro: str) -> None:
    text = f"{intro}\n\n“We accept every one of the findings.”"
    assert quotes(text) == [
        ("Ann Cole", "Chief Executive", 1, "We accept every one of the findings."),
    ]


@pytest.mark.parametrize("intro", ["Chief Inspector Ann Cole says,", "Ann Cole has said:"])
def test_unmarked_paragraph_after_a_comma_or_auxiliary_intro(intro: str) -> None:
    text = f"{intro}\n\nInspection should help every college to improve.\n\nNarrative."
    ((speaker, _role, n, words),) = quotes(text)
    assert (speaker, n, words) == (
        "Ann Cole",
        1,
        "Inspection should help every college to improve.",
    )


@pytest.mark.parametrize("title", ["Ms", "Dr", "Professor", "Mr"])
def test_title_and_surname_resolve_to_a_full_name_given_only_in_narrative(title: str) -> None:
    text = (
        "Ann Cole, Chief Executive, responded to the report, thanking staff.\n\n"
        f"{title} Cole said:\n\n“We will act on every recommendation.”"
    )
    got = find_quotes(text, split_paragraphs(text))
    assert [(q.speaker, q.speaker_as_written) for q in got] == [("Ann Cole", f"{title} Cole")]


@pytest.mark.parametrize(
    ("abbreviated", "role"),
    [("Det Supt Hale", "Det Supt"), ("Sergeant Hale", "Sergeant"), ("DCI Hale", "DCI")],
)
def test_police_ranks_before_a_surname_stay_in_the_role(abbreviated: str, role: str) -> None:
    text = (
        "Detective Superintendent Ruth Hale said: “Our thoughts are with the family.”\n\n"
        f"{abbreviated} added: “Please call us.”"
    )
    assert [(s, r) for s, r, _n, _w in quotes(text)] == [
        ("Ruth Hale", "Detective Superintendent"),
        ("Ruth Hale", role),
    ]


@pytest.mark.parametrize(
    "narrative",
    [
        "Inspectors found that staff knew children well.",
        "The academy has 640 pupils and 45 teachers.",
        "- The report makes three recommendations.",
    ],
)
def test_quotation_after_a_narrative_paragraph_continues_the_last_speaker(
    narrative: str,
) -> None:
    text = (
        "The head teacher, Marcus Oyo, said: “I am proud of our pupils.”\n\n"
        f"{narrative}\n\n“They are the heart of this school.”"
    )
    assert [(s, w) for s, _r, _n, w in quotes(text)] == [
        ("Marcus Oyo", "I am proud of our pupils."),
        ("Marcus Oyo", "They are the heart of this school."),
    ]


def test_unattributed_quotation_with_nobody_before_names_nobody() -> None:
    text = "Inspectors visited in May.\n\n“They are the heart of this school, and they know it.”"
    assert quotes(text) == [
        (None, None, 1, "They are the heart of this school, and they know it."),
    ]


@pytest.mark.parametrize(
    "reported",
    [
        "Mr Hale says that the improvements were driven by firefighters.",
        "Tom Hale, the chief fire officer, said the findings were encouraging.",
    ],
)
def test_speaker_named_in_reported_speech_just_before(reported: str) -> None:
    text = (
        "Chief Fire Officer Tom Hale welcomed the report.\n\n"
        f"{reported}\n\n“Our crews made the difference.\n\n“We accept the recommendations.”"
    )
    ((speaker, _role, n, _words),) = quotes(text)
    assert (speaker, n) == ("Tom Hale", 2)


def test_pronoun_after_reported_speech_in_the_paragraph_before() -> None:
    text = (
        "Jo Baird said: “We welcome the report.”\n\n"
        "Alison Petrakis, who has led the trust since 2023, told councillors that it was hard.\n\n"
        "“None of us come to work to do anything other than our best,” she said."
    )
    assert [s for s, _r, _n, _w in quotes(text)] == ["Jo Baird", "Alison Petrakis"]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee said: “We were rated “good” by the inspectors, and we are proud of it.”",
        'Ann Lee said: "We were rated "good" by the inspectors, and we are proud of it."',
        "Ann Lee said: “Our motto, “Every voice matters”, is lived here, and we are proud of it.”",
        "Ann Lee said: “The sign read: “Keep out” and we are proud of it.”",
    ],
)
def test_nested_quotation_in_the_same_marks_does_not_cut_the_quotation(text: str) -> None:
    ((speaker, _role, n, words),) = quotes(text + "\n\nNarrative follows.")
    assert (speaker, n) == ("Ann Lee", 1)
    assert words.endswith("we are proud of it.")


def test_nested_quotation_keeps_a_multi_paragraph_count() -> None:
    text = (
        "Ann Lee said:\n\n“Inspectors called our care “a real strength of the home”, and "
        "we cheered.\n\n“We will keep it that way.”"
    )
    ((_speaker, _role, n, _words),) = quotes(text)
    assert n == 2


def test_quotation_over_unmarked_paragraphs_to_its_closing_mark() -> None:
    text = (
        "Our Chief Executive, Priya Hall, said:\n\n“We thank the inspectors.\n\n"
        "It was encouraging to read the report.\n\nWe accept the findings.”\n\n"
        "The trust will publish a plan."
    )
    assert quotes(text) == [
        (
            "Priya Hall",
            "Chief Executive",
            3,
            "We thank the inspectors.\n\nIt was encouraging to read the report.\n\n"
            "We accept the findings.",
        ),
    ]


def test_unclosed_quotation_does_not_run_into_narrative_with_its_own_quotation() -> None:
    text = (
        "Ann Lee said:\n\n“We thank the inspectors.\n\nThe report was published today.\n\n"
        "Tom Hale said: “We agree with every word of it.”"
    )
    assert [(s, n) for s, _r, n, _w in quotes(text)] == [("Ann Lee", 1), ("Tom Hale", 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The report describes this as “better than the national average in most respects”.",
        "It found records “significantly improved since our previous visit, with no gaps”.",
        "Ms Lee told councillors the report was a “really hard read, and a fair one too” for her.",
    ],
)
def test_passages_quoted_inside_a_sentence_are_citations(sentence: str) -> None:
    text = f"Ann Lee said: “We are proud.”\n\n{sentence}"
    assert [w for _s, _r, _n, w in quotes(text)] == ["We are proud."]


# --- Issue 15: page furniture and places are not speakers ---


@pytest.mark.parametrize(
    "furniture", ["ADVERTISEMENT\n", "Advertisement\n", "Reply\n", "Share\n", "Advertisement "]
)
def test_page_furniture_next_to_a_speaker_is_not_part_of_the_name(furniture: str) -> None:
    text = (
        "Intro paragraph.\n\n"
        f"{furniture}Gordon Ferris, chair of the committee, said: “We will be watching.”"
    )
    assert quotes(text) == [
        ("Gordon Ferris", "chair of the committee", 1, "We will be watching."),
    ]


@pytest.mark.parametrize(
    ("who", "speaker"),
    [
        ("Ann Cole, a professor at the University of California, Berkeley", "Ann Cole"),
        (
            "Professor Aoife Kinsella, of Ulster University, Coleraine, who led the review",
            "Aoife Kinsella",
        ),
        ("Moira Lind, chair of the Carrick Glen Child Protection Committee", "Moira Lind"),
        ("Cole", "Cole"),
    ],
)
def test_places_and_organisations_after_a_name_are_not_speakers(who: str, speaker: str) -> None:
    assert parse_attribution(who).speaker == speaker


@pytest.mark.parametrize("colon", [":”", ": ”"])
def test_closing_mark_typed_for_the_opening_one_after_a_colon(colon: str) -> None:
    text = (
        f"Reacting to the report, Councillor Dave Hart, Executive Member for Education, said{colon}"
        "We are disappointed with its tone.\n\n“Most of our schools are good.”\n\nEnd."
    )
    assert quotes(text) == [
        (
            "Dave Hart",
            "Executive Member for Education",
            2,
            "We are disappointed with its tone.\n\nMost of our schools are good.",
        ),
    ]


@pytest.mark.parametrize(
    ("intro", "later", "role"),
    [
        ("Chief Officer Stuart Stevens", "Chief Officer Stevens said:", "Chief Officer"),
        ("Area Commander Bruce Farr", "Area Commander Farr said:", "Area Commander"),
        ("DACO Andy Coue", "DACO Coue said:", "DACO"),
    ],
)
def test_title_then_surname_resolves_to_the_full_name_given_earlier(
    intro: str, later: str, role: str
) -> None:
    text = f"{intro} met the board on Monday.\n\n{later} “We are committed to this work.”"
    full = " ".join(intro.split()[-2:])
    assert quotes(text) == [(full, role, 1, "We are committed to this work.")]


@pytest.mark.parametrize(
    ("resumed", "speaker"),
    [
        ("The Chief Constable added:", "Ann Hale"),
        ("The senior officer continued:", "Tom Bell"),
        ("The chair went on:", "Tom Bell"),
    ],
)
def test_definite_role_resumes_the_speaker_with_that_role_or_the_last(
    resumed: str, speaker: str
) -> None:
    text = (
        "Chief Constable Ann Hale said: “We will improve.”\n\n"
        "Tom Bell, chair of the board, said: “We agree.”\n\n"
        f"{resumed} “Thank you all.”"
    )
    assert [s for s, _r, _n, _w in quotes(text)] == ["Ann Hale", "Tom Bell", speaker]


def test_role_without_a_name_and_nobody_before_names_nobody() -> None:
    assert quotes("The chief executive said: “We will improve on every count.”") == [
        (None, "chief executive", 1, "We will improve on every count."),
    ]


def test_pronoun_after_an_inverted_attribution_in_the_paragraph_before() -> None:
    text = (
        "The quiz could save lives, says the service’s head of prevention, Alasdair Perry.\n\n"
        "He commented: “This is a fantastic resource for every household.”"
    )
    assert [(s, r) for s, r, _n, _w in quotes(text)] == [("Alasdair Perry", "head of prevention")]


def test_a_title_listing_capitalised_subjects_is_not_a_name() -> None:
    who = (
        "Councillor Shirley Rey, Telford Council’s cabinet member for Children, Young People, "
        "Education and Lifelong Learning"
    )
    person = parse_attribution(who)
    assert person.speaker == "Shirley Rey"
    assert person.role is not None and person.role.endswith("Lifelong Learning")


@pytest.mark.parametrize(
    "resumed",
    [
        "The inspectorate said:",
        "The spokesperson added:",
        "The Care Inspectorate said:",
        "The report said:",
    ],
)
def test_organisations_and_unnamed_roles_do_not_stand_for_the_last_speaker(
    resumed: str,
) -> None:
    text = f"Tom Bell, chair of the board, said: “We agree.”\n\n{resumed} “Thank you all.”"
    assert [s for s, _r, _n, _w in quotes(text)] == ["Tom Bell", None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Inspector Moira Tennant said: ‘If you receive such a call, hang up.\n\n"
            "‘Genuine officers will never ask you to move money.’",
            [("Moira Tennant", "Inspector", 2)],
        ),
        (
            "Council Leader Morag Ainslie said: ‘Every child deserves somewhere safe to play.’",
            [("Morag Ainslie", "Council Leader", 1)],
        ),
        (
            "A spokesperson for the Authority said: ‘We will return to the home within weeks.’",
            [(None, "spokesperson for the Authority", 1)],
        ),
        (
            "Ewan Hale said: ‘We found the station’s records in good order.\n\n"
            "‘Staff told us they felt supported, and the public’s trust was high.\n\n"
            "‘We will be back next year.’",
            [("Ewan Hale", None, 3)],
        ),
    ],
    ids=["two-paragraphs", "one-paragraph", "spokesperson", "apostrophes-inside"],
)
def test_quotations_in_single_marks(
    text: str, expected: list[tuple[str | None, str | None, int]]
) -> None:
    assert [(s, r, n) for s, r, n, _w in quotes(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff described the ward as ‘calm’ and ‘well run’.", []),
        ("‘Outstanding’ is the highest grade a school can get.", []),
        (
            "Ann Lee said: “It was, as one nurse put it, ‘the best year we have had’.”",
            ["It was, as one nurse put it, ‘the best year we have had’."],
        ),
        ("The campaign is called ‘Lock it or lose it’ and starts today.", []),
    ],
    ids=["graded-words", "grade-opening-a-sentence", "inside-double-marks", "slogan"],
)
def test_single_marks_round_words_are_not_quotations(text: str, expected: list[str]) -> None:
    assert [w for _s, _r, _n, w in quotes(text)] == expected


@pytest.mark.parametrize(
    ("intro", "pronoun"),
    [
        ("Assistant Chief Officer Ewan Laidlaw is the service’s Director of Response.", "He"),
        ("Dr Lena Marsh is the trust’s medical director.", "She"),
        ("Chief Superintendent Rhian Bowen was the senior officer at the scene.", "She"),
        ("Professor Tom Ashworth has been the board’s chair since 2021.", "He"),
    ],
    ids=["is-the", "honorific", "was-the", "has-been-the"],
)
def test_pronoun_after_a_paragraph_introducing_a_person(intro: str, pronoun: str) -> None:
    text = (
        "Dan Frewin, the council’s finance director, said: “We are ready.”\n\n"
        f"{intro}\n\n{pronoun} said: “Our crews are prepared for a busy night.”"
    )
    name = " ".join(intro.split(" is ")[0].split(" was ")[0].split(" has ")[0].split()[-2:])
    assert [(s, r) for s, r, _n, _w in quotes(text)][1] == (name, None)


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Superintendent Gordon Baird, Eastfield Division,", "Gordon Baird", "Superintendent"),
        ("Chief Inspector Ruth Kerr, Northern Command,", "Ruth Kerr", "Chief Inspector"),
        ("Inspector Alan Moyes, Kelby Police Station,", "Alan Moyes", "Inspector"),
        (
            "Deputy Minister for Rural Transport, with responsibility for Active Travel, "
            "Carys Prydderch",
            "Carys Prydderch",
            "Deputy Minister for Rural Transport, with responsibility for Active Travel",
        ),
    ],
    ids=["division", "command", "station", "with-responsibility-for"],
)
def test_units_after_a_name_and_role_clauses(who: str, speaker: str, role: str) -> None:
    assert_parsed(who, speaker, role)


@pytest.mark.parametrize(
    ("closing", "paragraphs"),
    [("happen.”", 3), ("happen.", 1)],
    ids=["closing-mark-ends-the-run", "no-closing-mark-one-paragraph"],
)
def test_unmarked_quotation_after_said_runs_to_its_closing_mark(
    closing: str, paragraphs: int
) -> None:
    text = (
        "Transport Minister Carys Prydderch said:\n\n"
        "Getting people out of their cars is one of the hardest things we do.\n\n"
        "These routes give people a real choice for the first time in years.\n\n"
        f"I want to thank everyone who worked to make this {closing}\n\n"
        "The routes will run every hour."
    )
    assert [(s, n) for s, _r, n, _w in quotes(text)][:1] == [("Carys Prydderch", paragraphs)]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "Chief Constable P. T. Marsh said: “We will not tolerate this in our towns.”",
            "P. T. Marsh",
            "Chief Constable",
        ),
        (
            "Dr B. K. Rowan, medical director, said: “Our staff worked hard all winter.”",
            "B. K. Rowan",
            "medical director",
        ),
        (
            "Crews were called at noon. Area Manager D. Ellery said:\n\n"
            "“The fire spread quickly through the roof space.”",
            "D. Ellery",
            "Area Manager",
        ),
    ],
)
def test_initials_with_full_stops_in_a_name(text: str, speaker: str, role: str) -> None:
    assert [(s, r) for s, r, _, _ in quotes(text)] == [(speaker, role)]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "Ruth Kell (Chief Inspector) said: “The service has improved a great deal.”",
            "Ruth Kell",
            "Chief Inspector",
        ),
        (
            "Cllr Amir Shah (Cabinet Member for Housing) said:\n\n“Every tenant needs a dry home.”",
            "Amir Shah",
            "Cabinet Member for Housing",
        ),
    ],
)
def test_role_in_brackets_after_the_name(text: str, speaker: str, role: str) -> None:
    assert [(s, r) for s, r, _, _ in quotes(text)] == [(speaker, role)]


def test_bracketed_organisation_stays_in_the_role() -> None:
    text = "Chief Inspector of Schools (Estyn), Wyn Parry, said: “Pupils make good progress.”"
    assert [(s, r) for s, r, _, _ in quotes(text)] == [
        ("Wyn Parry", "Chief Inspector of Schools (Estyn)")
    ]


@pytest.mark.parametrize(
    "verb",
    [
        "told the BBC",
        "told councillors",
        "told a press conference",
        "told BBC Radio Tarnside",
        "told the Local Democracy Reporting Service",
    ],
)
def test_verb_with_an_object_before_the_colon(verb: str) -> None:
    text = (
        f"The works ran late. Council leader Nia Porter {verb}:\n\n"
        "“We are sorry for the delays people faced.”"
    )
    assert [(s, r) for s, r, _, _ in quotes(text)] == [("Nia Porter", "Council leader")]


def test_object_verb_needs_its_colon() -> None:
    # "told" with an object and no colon is narrative: the quotation is a citation
    text = "Ms Porter told the panel the scheme was “a costly mistake for the town”."
    assert quotes(text) == []


def test_signature_in_the_quotations_own_paragraph() -> None:
    text = (
        "“We are sorry for the delays people faced this winter.” – Nia Porter, Chief Executive\n\n"
        "The trust will report again in March."
    )
    assert quotes(text) == [
        (
            "Nia Porter",
            "Chief Executive",
            1,
            "We are sorry for the delays people faced this winter.",
        )
    ]


def test_single_mark_paragraph_not_reopened_goes_on_to_its_closer() -> None:
    text = (
        "Leader of the Opposition Carys Bevan said: ‘This budget fails our towns.\n\n"
        "It is time for a change of course.’\n\nThe budget is debated next week."
    )
    assert quotes(text) == [
        (
            "Carys Bevan",
            "Leader of the Opposition",
            2,
            "This budget fails our towns.\n\nIt is time for a change of course.",
        )
    ]


def test_single_mark_left_open_is_still_not_read() -> None:
    text = "Ms Bevan said: ‘This budget fails our towns.\n\nThe debate is next week."
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Mr Justice Arden Vale said: “The harm caused was grave.”", "Arden Vale", "Mr Justice"),
        ("Sentencing, Mrs Justice Holt said: “The harm caused was grave.”", "Holt", "Mrs Justice"),
        ("Judge Simon Ormerod said: “The harm caused was grave.”", "Simon Ormerod", "Judge"),
        (
            "His Honour Judge Ormerod told the court: “The harm caused was grave.”",
            "Ormerod",
            "His Honour Judge",
        ),
    ],
)
def test_judges_keep_their_title_in_the_role(text: str, speaker: str, role: str) -> None:
    assert [(s, r) for s, r, _, _ in quotes(text)] == [(speaker, role)]


def test_honorific_with_a_full_stop_keeps_the_role_before_it() -> None:
    text = (
        "Commenting on the plans, Opposition Group Leader Cllr. Rhys Tallon said: "
        "“We will study these proposals over the coming weeks.”"
    )
    assert [(s, r) for s, r, _, _ in quotes(text)] == [("Rhys Tallon", "Opposition Group Leader")]


def test_surname_after_honorific_is_no_place() -> None:
    text = (
        "Rhys Tallon chairs the group. Speaking to the Courier, Mr Tallon said: "
        "“We will study these proposals over the coming weeks.”"
    )
    assert [(s, r) for s, r, _, _ in quotes(text)] == [("Rhys Tallon", None)]


def test_other_words_in_brackets_after_the_name_are_left_out() -> None:
    text = "Ruth Kell (pictured) said: “The service has improved a great deal.”"
    assert [(s, r) for s, r, _, _ in quotes(text)] == [("Ruth Kell", None)]


# The speed tricks of the module agree with the plain searches they replace (the tests run the
# plain sources; tests/test_native.py compares the compiled ones with them).

_SPEECH_PIECES = st.sampled_from(
    [
        "Ann Cole",
        "said",
        "says",
        " ",
        "  ",
        "\n",
        ":",
        ";",
        ",",
        ".",
        "!",
        "?",
        "“",
        "”",
        '"',
        "has",
        "also",
        "told the BBC",
        "published the following statement",
        "in a",
        "as follows",
        "that",
        "Dr. Lee",
        "added",
        "pointed out",
        "x",
        "\xa0",
        "\x1c",
        "it",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SPEECH_PIECES, max_size=14), st.integers(0, 6))
def test_speech_end_searched_from_last_sentence_agrees(pieces: list[str], cut: int) -> None:
    s = "".join(pieces)
    start = min(cut, len(s))
    pats = _verb_patterns()
    for key in ("intro_end", "speech_end"):
        plain = pats[key].search(s, start) is not None
        assert (pats[key].search(s, _speech_start(s, start, len(s))) is not None) == plain


_SPEECH_WORD_PIECES = st.sampled_from(
    [
        *("Ann Cole", "said", "unsaid", "Said", "says", "has", "also", "now", "is", "would"),
        *("went on", "pointed out", "meddai’r", "meddai", "told", "the BBC", "issued"),
        *("the following statement", "statement", "in a", "as follows", "that", "read"),
        *(" ", "  ", "\n", ":", ";", ",", ".", "(", "—", "’", "'", "“", "”", '"', "\xa0"),
        *("\x1c", "\u2028", "½", "\u0301", "2", "_", "x", "é", "wrote", "urged"),
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_SPEECH_WORD_PIECES, max_size=14), st.integers(0, 8), st.integers(0, 8))
def test_speech_search_from_the_first_verb_agrees(pieces: list[str], cut: int, short: int) -> None:
    s = "".join(pieces)
    start, end = min(cut, len(s)), max(min(cut, len(s)), len(s) - short)
    pats = _verb_patterns()
    plain = pats["before_verb"].search(s, start, end)
    fast = _speech_search(pats["before_verb"], s, start, end, ":;,", False)
    assert fast == (plain.start() if plain else -1)
    for key, enders, required in (("speech_end", ":", False), ("intro_end", ":;,", True)):
        plain = pats[key].search(s, start, end)
        assert _speech_ends(pats[key], s, start, end, enders, required) == (plain is not None)


@settings(max_examples=600, deadline=None)
@given(st.lists(_SPEECH_WORD_PIECES, max_size=12))
def test_after_quotation_matches_agree_with_the_plain_matches(pieces: list[str]) -> None:
    tail = "".join(pieces)
    pats = _verb_patterns()
    plain = [
        pats[k].match(tail) for k in ("after_verb_first", "after_name_first", "after_name_told")
    ]
    assert [m.span() for m in _after_matches(tail)] == [m.span() for m in plain if m]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["A", "statement", "Statement", "from", "by", "FROM", "Ann Cole", " ", ":"]
        ),
        max_size=10,
    )
)
def test_statement_from_quick_test_agrees(words: list[str]) -> None:
    s = "".join(words)
    plain = _verb_patterns()["statement_from"].search(s)
    fast = _statement_from(s)
    assert (fast and fast.span()) == (plain and plain.span())


def _after_adverbial_plain(role: str) -> str:
    toks = list(_TOKEN.finditer(role))
    if not toks or not (_adverbial(toks[0].group()) or _participle_clause(toks)):
        return role
    begin = _title_start(toks, len(toks), 1, opening=False)
    while begin < len(toks) and toks[begin].group().casefold() in DATE_WORDS:
        begin += 1
    return role[toks[begin].start() :] if begin < len(toks) else ""


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("Following", "Endorsing", "Housing", "Sing", "the", "campaign", "verdict"),
                *("On", "Monday", "chair", "Chief", "Constable", "Ann", " ", ",", "’s", "-"),
            ]
        ),
        max_size=8,
    )
)
def test_after_adverbial_read_from_its_first_word_agrees(words: list[str]) -> None:
    role = " ".join(words)
    assert _after_adverbial(role) == _after_adverbial_plain(role)


def test_speech_end_examples() -> None:
    assert ends_with_speech("The report was clear. Ann Cole, the chief inspector, said:")
    assert ends_with_speech("He told the BBC:")
    assert not ends_with_speech("She said: “It was late.”")
    assert not ends_with_speech("He told them.")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Reply",
                "REPLY",
                "reply",
                "Tweets",
                "Share",
                "Ann",
                "Cole",
                "\u212a",
                "Σ",
                "İ",
                " ",
                ",",
            ]
        ),
        max_size=8,
    )
)
def test_after_furniture_quick_test_agrees(words: list[str]) -> None:
    who = "".join(words)
    assert _after_furniture(who) == _cut_furniture(who)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Ann",
                "Cole",
                "Dr",
                "Chief",
                " ",
                "\n",
                "\x1c",
                ".",
                ",",
                "1",
                "_",
                "É",
                "é",
                "-",
                "’",
                "'",
                "\u0301",
                "(",
                "“",
            ]
        ),
        max_size=16,
    ),
    st.integers(0, 60),
)
def test_resolve_from_the_index_of_pairs_agrees_with_a_plain_scan(
    pieces: list[str], end: int
) -> None:
    text = "".join(pieces)
    # (a quotation's opening mark, where a search ends, is never inside a word)
    while 0 < end < len(text) and (text[end].isalpha() or text[end] in "’'-\u0301"):
        end += 1
    end = min(end, len(text))
    assert _resolve("Cole", _Names(text), end) == (_plain_surname(text, "Cole", end) or "Cole")


@pytest.mark.parametrize(
    ("before", "speaker"),
    [
        ("Ann Cole’s team opened the new ward.", "Ann Cole"),
        ("The ward opened under Ann Cole's leadership.", "Ann Cole"),
        ("Ann Cole-Baird opened the new ward.", "Cole"),
    ],
    ids=["possessive", "straight-possessive", "hyphenated-is-another-surname"],
)
def test_a_surname_alone_resolves_to_a_possessors_name(before: str, speaker: str) -> None:
    text = f"{before}\n\nMs Cole said: “Patients will be seen within the hour.”"
    assert [s for s, _r in people(text)] == [speaker]


def _plain_surname(text: str, surname: str, end: int) -> str | None:
    """The full name a surname alone resolves to, as a plain scan of ``text[:end]`` finds it:
    the first "Forename Surname" whose forename is no title word or adverbial."""
    not_forenames = quote_words("honorifics") | quote_words("role_words") | quote_words("ranks")
    pattern = (
        rf"(?<![\p{{L}}\p{{N}}\p{{M}}_\-’'])(\p{{Lu}}[\p{{L}}\-’']+)"
        rf"\s+{regex.escape(surname)}(?:[’']s)?(?![\p{{L}}\-’'])"
    )
    for m in regex.finditer(pattern, text, endpos=end, overlapped=True):
        if m.group(1) not in not_forenames and not _adverbial(m.group(1)):
            return f"{m.group(1)} {surname}"
    return None


# --- real-page forms: office initials, roles alone, participles, narrative subjects ----------


def people(text: str) -> list[tuple[str | None, str | None]]:
    return [(s, r) for s, r, _n, _w in quotes(text)]


def page_quotes(body: str) -> list[tuple[str | None, str | None, int, str]]:
    """A web page's quotations, read as ``pipeline extract`` reads the page (its blocks are
    the paragraphs): speaker, role, paragraphs and words."""
    from pipeline.core import extract_document
    from pipeline.read import read_bytes

    markup = f"<html><head><title>News</title></head><body><main>{body}</main></body></html>"
    release = extract_document(read_bytes(markup.encode("utf-8"), "page.html"), "page")
    return [(q.speaker, q.role, q.paragraphs, q.text) for q in release.quotes]


def page_people(body: str) -> list[tuple[str | None, str | None]]:
    """The speakers and roles of a web page's quotations."""
    return [(s, r) for s, r, _n, _w in page_quotes(body)]


BLOCK_WORDS = (
    "Buses are a lifeline for the villages.",
    "This money keeps 120 routes running until 2027.",
    "Every council will hear from us by the spring.",
)


@pytest.mark.parametrize(
    "intro", ["Transport Minister Jo Hale said:", "Jo Hale, the minister, added:"]
)
@pytest.mark.parametrize("count", [2, 3])
def test_an_unmarked_blockquote_is_one_quotation_of_all_its_paragraphs(
    intro: str, count: int
) -> None:
    """GOV.UK pages quote without marks: the page's block shows where the quotation ends (a
    text copy cannot, see test_plain_paragraph_after_said_colon_is_the_quote)."""
    words = BLOCK_WORDS[:count]
    block = "".join(f"<p>{w}</p>" for w in words)
    got = page_quotes(
        f"<p>Routes will stay open.</p><p>{intro}</p><blockquote>{block}</blockquote>"
        "<p>The fund opens in April.</p><p>Councils can bid for up to four years.</p>"
    )
    assert got == [("Jo Hale", got[0][1], count, "\n\n".join(words))]


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Endorsing the campaign Deputy Chief Constable Hugh Doran", "Hugh Doran",
         "Deputy Chief Constable"),
        ("Speaking ahead of the ceremony hosting Minister, James Browne", "James Browne",
         "Minister"),
        ("Responding to the report Chief Executive Tom Pike", "Tom Pike", "Chief Executive"),
        ("Welcoming the funding, council leader Ann Cole", "Ann Cole", "council leader"),
        # a title's own word in -ing, and a surname in -ing, are no participle
        ("Acting headteacher Ann Cole", "Ann Cole", "Acting headteacher"),
        ("Housing officer Ann Cole", "Ann Cole", "Housing officer"),
        ("Managing Director Tom Pike", "Tom Pike", "Managing Director"),
        ("Ian Fleming, chair of the board,", "Ian Fleming", "chair of the board"),
        ("Chief Inspector Sarah Golding", "Sarah Golding", "Chief Inspector"),
        ("Harding, head of safety,", "Harding", "head of safety"),
    ],
)  # fmt: skip
def test_a_participle_clause_before_the_title_is_no_part_of_the_role(
    who: str, speaker: str, role: str
) -> None:
    assert people(f"{who} said: “Every report is looked at.”") == [(speaker, role)]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # marked paragraphs: read by their marks, as before
        (
            "<p>“Buses are a lifeline.</p><p>“We will keep them running.”</p>",
            [("Jo Hale", 2, "Buses are a lifeline.\n\nWe will keep them running.")],
        ),
        # a quotation closed in the block's first paragraph: the next is no quotation
        (
            "<p>“Buses are a lifeline for the villages.”</p><p>The scheme is run by councils.</p>",
            [("Jo Hale", 1, "Buses are a lifeline for the villages.")],
        ),
        # a signature line in the block is no paragraph of the quotation
        (
            "<p>Buses are a lifeline for the villages.</p><p>— Jo Hale, Transport Minister</p>",
            [("Jo Hale", 1, "Buses are a lifeline for the villages.")],
        ),
    ],
    ids=["marked", "closed-first", "signed"],
)
def test_a_blockquote_joins_only_what_it_leaves_open(
    block: str, expected: list[tuple[str, int, str]]
) -> None:
    got = page_quotes(f"<p>Transport Minister Jo Hale said:</p><blockquote>{block}</blockquote>")
    assert [(s, n, w) for s, _r, n, w in got] == expected


@pytest.mark.parametrize(
    ("who", "speaker", "role", "written"),
    [
        ("Jane Roe PCC said:", "Jane Roe", "PCC", "Jane Roe PCC"),
        ("Kwame Osei MSP said:", "Kwame Osei", "MSP", "Kwame Osei MSP"),
        ("Deirdre Quinn MLA commented:", "Deirdre Quinn", "MLA", "Deirdre Quinn MLA"),
        ("Owen Tate QC MP said:", "Owen Tate", "MP", "Owen Tate QC MP"),
        ("Alun Prys MS said:", "Alun Prys", "MS", "Alun Prys MS"),
        ("Rhodri Bevan PFCC said:", "Rhodri Bevan", "PFCC", "Rhodri Bevan PFCC"),
        (
            "Chief Fire Officer Lowri Price QFSM said:",
            "Lowri Price",
            "Chief Fire Officer",
            "Lowri Price QFSM",
        ),
        ("Ray Dunn BEM said:", "Ray Dunn", None, "Ray Dunn BEM"),
        (
            "Ffion Rhys MS, Minister for Housing, said:",
            "Ffion Rhys",
            "Minister for Housing",
            "Ffion Rhys MS",
        ),
        ("Tom Vance, MP for Eastfield, said:", "Tom Vance", "MP for Eastfield", None),
        (
            "Mark Ellis, Eastshire’s Police and Crime Commissioner (PCC), said:",
            "Mark Ellis",
            "Police and Crime Commissioner",
            None,
        ),
    ],
    ids=[
        "pcc",
        "msp",
        "mla",
        "qc-mp",
        "ms",
        "pfcc",
        "qfsm-after-title",
        "honour-no-office",
        "ms-then-role",
        "mp-for-seat",
        "office-in-brackets",
    ],
)
def test_office_initials_after_a_name(
    who: str, speaker: str, role: str | None, written: str | None
) -> None:
    text = f"{who} “We will keep every station open this year.”"
    got = find_quotes(text, split_paragraphs(text))
    assert [(q.speaker, q.role, q.speaker_as_written) for q in got] == [(speaker, role, written)]


@pytest.mark.parametrize(
    "text",
    [
        '"We will keep every station open," said Nadia Bell PCC.',
        "“We will keep every station open,” Nadia Bell PCC said.",
        "Nadia Bell PCC said:\n\nWe will keep every station open.",
    ],
    ids=["said-after", "name-said-after", "unmarked-paragraph"],
)
def test_office_initials_in_other_attribution_shapes(text: str) -> None:
    assert people(text) == [("Nadia Bell", "PCC")]


@pytest.mark.parametrize(
    "before",
    [
        "Work began in 2024 in Leeds West\n",
        "The visit was arranged by the town council. ",
        "The scheme cost £2.5m. ",
        "Hundreds came to see Ann Cole open it.\n\n",
    ],
    ids=["line-break", "sentence", "money", "named-in-narrative"],
)
@pytest.mark.parametrize("role", ["The MP", "The local MP", "The PCC", "The Conservative MP"])
def test_a_role_alone_never_takes_a_word_of_the_text_before(before: str, role: str) -> None:
    text = f"{before}{role} said: “This bridge is long overdue for the town.”"
    assert people(text) == [(None, role.split(" ", 1)[1])]


@pytest.mark.parametrize(
    "intro",
    [
        "Local MP Tom Vance visited the site on Friday.",
        "Tom Vance MP visited the site on Friday.",
        "Tom Vance QC MP visited the site on Friday.",
        "Tom Vance, the Labour MP for Eastfield, visited the site on Friday.",
        "The MP for Eastfield, Tom Vance, has said the bridge will change the town.",
        "The visit was led by Tom Vance, Member of Parliament for Eastfield.",
        "Tom Vance MP said: “We fought for this bridge.”",
    ],
    ids=[
        "title-before",
        "after",
        "two-post-nominals",
        "appositive",
        "for-seat",
        "long-form",
        "quoted",
    ],
)
@pytest.mark.parametrize(
    "role", ["The MP said:", "The Labour MP added:", "The MP for Eastfield said:"]
)
def test_a_role_alone_names_the_one_holder_named_before(intro: str, role: str) -> None:
    text = f"{intro}\n\nThe bridge opened on Monday. {role} “It is overdue for the town.”"
    assert people(text)[-1][0] == "Tom Vance"


def test_an_office_in_words_then_in_initials_is_the_same_holder() -> None:
    text = (
        "Police and Crime Commissioner Jane Roe said: “We will keep every station open.”\n\n"
        "Tom Bell, chair of the panel, said: “We agree.”\n\n"
        'The PCC added: "Residents asked for this."'
    )
    assert [s for s, _r in people(text)] == ["Jane Roe", "Tom Bell", "Jane Roe"]


@pytest.mark.parametrize(
    "intro",
    [
        "Local MP Tom Vance and Eastfield MP Ruth Ng visited the site.",
        "Ann Cole, the MP’s caseworker, visited the site.",
        "Ann Cole, who is the MP's caseworker, visited the site.",
        "Ann Cole, chief executive, said: “We are glad the work is done.”",
    ],
    ids=["two-holders", "possessive", "clause", "only-another-speaker"],
)
def test_a_role_alone_with_no_single_holder_names_nobody(intro: str) -> None:
    text = f"{intro}\n\nThe MP said: “This bridge is long overdue for the town.”"
    assert people(text)[-1] == (None, "MP")


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        (
            "The library reopened with 40,000 books. Ann Cole, head of libraries, welcomed "
            "the visitors, adding:",
            "Ann Cole",
            "head of libraries",
        ),
        (
            "Officers were called at 3am. Detective Inspector Ray Okoro appealed for "
            "witnesses, saying:",
            "Ray Okoro",
            "Detective Inspector",
        ),
        (
            "The ward opened on Monday. Meanwhile, the trust’s chief nurse Mia Ashe, who "
            "joined in May, thanked the staff, adding",
            "Mia Ashe",
            "chief nurse",
        ),
        (
            "Crews left at noon. Station Manager Pat Dyer praised the residents, explaining:",
            "Pat Dyer",
            "Station Manager",
        ),
        (
            "Crews left at noon. Station Manager Pat Dyer praised the residents and said:",
            "Pat Dyer",
            "Station Manager",
        ),
    ],
    ids=["adding", "saying", "adverb-then-clause", "explaining", "and-said"],
)
@pytest.mark.parametrize("marks", ["“”", '""'], ids=["curly", "straight"])
def test_participle_after_another_sentence_of_the_paragraph(
    sentence: str, speaker: str, role: str, marks: str
) -> None:
    text = (
        f"{sentence} {marks[0]}This is a great day for the town.{marks[1]}\n\n"
        f"She added: {marks[0]}We thank everyone who helped.{marks[1]}"
    )
    assert people(text) == [(speaker, role), (speaker, None)]


def test_participle_on_a_web_page() -> None:
    body = (
        "<h1>Library reopens</h1><p>The library reopened with 40,000 books. Ann Cole, head of "
        "libraries, welcomed the visitors, adding:</p><blockquote><p>&quot;This is a great day "
        "for the town.&quot;</p></blockquote><p>The doors open at 9am on weekdays and at 10am "
        "on Saturdays for all residents.</p><p>She added: &quot;We thank everyone who "
        "helped.&quot;</p>"
    )
    assert page_people(body) == [("Ann Cole", "head of libraries"), ("Ann Cole", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council thanked Ann Cole, adding:",
        "Ann Cole and Tom Vance opened the library, adding:",
        "Ann Cole’s husband welcomed the news, adding:",
        "Residents of Ashby Road welcomed the plan, adding:",
        "Police were called and said:",
        "Officers led by Ann Cole searched the house, saying:",
    ],
    ids=["object", "two-people", "possessive", "place", "police", "agent"],
)
def test_participle_never_names_anyone_but_the_subject(sentence: str) -> None:
    text = f"The day went well. {sentence} “This has been a year of hard work for all.”"
    assert [s for s, _r in people(text)] == [None]


@pytest.mark.parametrize(
    ("narrative", "pronoun", "speaker", "role"),
    [
        (
            "Chief Constable Jo Bright has responded to the settlement.",
            "He said:",
            "Jo Bright",
            "Chief Constable",
        ),
        (
            "Eastshire’s Police and Crime Commissioner Rhona Pike has also responded to the "
            "figures.",
            "She said:",
            "Rhona Pike",
            "Police and Crime Commissioner",
        ),
        (
            "Meanwhile, the trust’s deputy chief executive Cath Lowe, who joined last month, "
            "revealed that the ward would reopen.",
            "She said:",
            "Cath Lowe",
            "deputy chief executive",
        ),
        (
            "At the board meeting its new chair Zena Hart gave her assessment.",
            "She told board members:",
            "Zena Hart",
            "chair",
        ),
        (
            "Headteacher Carys Bell thanked her staff. The school has 410 pupils.",
            "She said:",
            "Carys Bell",
            "Headteacher",
        ),
        ("Dr Omar Khan visited the new unit on Tuesday.", "He said:", "Omar Khan", None),
    ],
    ids=["title", "possessor", "adverb-and-clause", "adverbial", "two-sentences", "honorific"],
)
def test_pronoun_after_narrative_naming_its_person(
    narrative: str, pronoun: str, speaker: str, role: str | None
) -> None:
    after = pronoun.split()[0].lower()  # "he", "she"
    for text in (
        f"{narrative}\n\n{pronoun} “We accept the findings in full.”",
        f'{narrative} {pronoun} "We accept the findings in full."',
        f"{narrative}\n\n“We accept the findings in full,” {after} said.",
    ):
        assert people(text) == [(speaker, role)], text


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("Tom Vance, 34, of Eastfield, was jailed for six years.", "Ann Cole"),
        ("Tom Vance was jailed for six years.", "Ann Cole"),
        ("Jo Bright met Tom Vance. Tom Vance thanked her for the visit.", None),
        ("The settlement was agreed on Monday.", "Ann Cole"),
    ],
    ids=["age", "continuation-verb", "two-people", "no-person"],
)
def test_pronoun_after_narrative_that_names_no_single_speaker(
    narrative: str, expected: str | None
) -> None:
    verb = "added" if "jailed for six years." in narrative and "," not in narrative else "said"
    text = (
        "DC Ann Cole said: “We welcome the sentence.”\n\n"
        f"{narrative}\n\nShe {verb}: “He preyed on the vulnerable.”"
    )
    assert [s for s, _r in people(text)][-1] == expected


@pytest.mark.parametrize(
    ("narrative", "later", "speaker", "role"),
    [
        (
            "Superintendent Ali Penn, who leads the inquiry, appealed for witnesses.",
            "Mr Penn said:",
            "Ali Penn",
            "Superintendent",
        ),
        (
            "Officers led by Detective Sergeant Ali Penn searched the house.",
            "Ms Penn said:",
            "Ali Penn",
            "Detective Sergeant",
        ),
        (
            "Yesterday Superintendent Ali Penn appealed for witnesses.",
            "Mr Penn said:",
            "Ali Penn",
            "Superintendent",
        ),
        (
            "Ali Penn, head of the inquiry team, appealed for witnesses.",
            "Mr Penn said:",
            "Ali Penn",
            "head of the inquiry team",
        ),
        (
            "The trust’s chief nurse Ali Penn opened the ward.",
            "Ms Penn said:",
            "Ali Penn",
            "chief nurse",
        ),
        ("Ali Penn, 52, appealed for witnesses.", "Mr Penn said:", "Ali Penn", None),
    ],
    ids=["title-then-clause", "after-by", "adverb", "appositive", "possessor", "no-title"],
)
def test_surname_speaker_takes_the_title_the_narrative_gave(
    narrative: str, later: str, speaker: str, role: str | None
) -> None:
    text = f"{narrative}\n\nThe car was found in a lay-by.\n\n{later} “Call us with footage.”"
    assert people(text) == [(speaker, role)]


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        (
            "Jim Stone, Cabinet Member for Climate Change",
            "Jim Stone",
            "Cabinet Member for Climate Change",
        ),
        (
            "Jim Stone, Chair of Eastshire Healthwatch",
            "Jim Stone",
            "Chair of Eastshire Healthwatch",
        ),
        (
            "Councillor Jim Stone (Cabinet Member for Adult Care)",
            "Jim Stone",
            "Cabinet Member for Adult Care",
        ),
        ("Head of Libraries Ann Cole", "Ann Cole", "Head of Libraries"),
        ("Minister for Rural Affairs Ann Cole", "Ann Cole", "Minister for Rural Affairs"),
        (
            "Following the verdict chair of the Federation of Eastshire and Westmoor Ravi Dhillon",
            "Ravi Dhillon",
            "chair of the Federation of Eastshire and Westmoor",
        ),
        ("Ann Cole and Tom Vance", None, None),
        (
            "Chief Crown Prosecutor for CPS Caldermouth",
            None,
            "Chief Crown Prosecutor for CPS Caldermouth",
        ),
    ],
    ids=[
        "cabinet-member-for",
        "chair-of",
        "in-brackets",
        "title-then-name",
        "minister",
        "adverbial-title-and",
        "two-people",
        "unit",
    ],
)
def test_capitalised_words_after_a_titles_preposition_are_not_a_name(
    who: str, speaker: str | None, role: str | None
) -> None:
    assert_parsed(who, speaker, role)


@pytest.mark.parametrize(
    ("verb", "role"),
    [
        ("opened the new office", "Cabinet Member for Climate Change"),
        ("welcomed the news", "Cabinet Member for Climate Change"),
    ],
    ids=["narrative", "reported-speech"],
)
def test_pronoun_after_narrative_with_a_bracketed_title(verb: str, role: str | None) -> None:
    # (a speech verb makes the sentence reported speech: its title is the pronoun's too)
    text = (
        f"Councillor Jim Stone (Cabinet Member for Climate Change) {verb}.\n\n"
        "He said: “This website will help every resident.”"
    )
    assert people(text) == [("Jim Stone", role)]


@pytest.mark.parametrize(
    ("narrative", "pronoun", "speaker"),
    [
        ("Mrs Carys Bell thanked her staff.", "He", None),
        ("Mr Omar Khan thanked his staff.", "She", None),
        ("Mrs Carys Bell thanked her staff.", "She", "Carys Bell"),
        ("Sir Omar Khan thanked his staff.", "He", "Omar Khan"),
    ],
    ids=["mrs-he", "mr-she", "mrs-she", "sir-he"],
)
def test_pronoun_never_stands_for_a_person_of_the_other_honorific(
    narrative: str, pronoun: str, speaker: str | None
) -> None:
    text = f"{narrative}\n\n{pronoun} said: “We accept the findings in full.”"
    assert [s for s, _r in people(text)] == [speaker]


# --- real-page forms, second round: titles with a surname, adverbials, affiliations ---------


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Station Manager Elms, the incident commander,", "Elms", "Station Manager"),
        ("Group Manager McAllister, who led the crews,", "McAllister", "Group Manager"),
        ("Chief Fire Officer Okafor", "Okafor", "Chief Fire Officer"),
        ("Cabinet Member Pryce-Jones", "Pryce-Jones", "Cabinet Member"),
        (
            "Eastshire’s Police and Crime Commissioner O’Hara",
            "O’Hara",
            "Police and Crime Commissioner",
        ),
    ],
    ids=["appositive", "clause", "fire", "hyphen", "possessor"],
)
def test_title_and_surname_with_no_full_name_anywhere(who: str, speaker: str, role: str) -> None:
    words = "Crews worked through the night to save the farmhouse"
    inverted = who.rstrip(",").split(", ")[0]
    for text in (
        f"Crews were called on Sunday.\n\n{who} said: “{words}.”",
        f'Crews were called on Sunday.\n\n{who} said: "{words}."',
        f"Crews were called on Sunday.\n\n“{words},” said {inverted}.",
        f"Crews were called on Sunday. {who} said: “{words}.”",
    ):
        assert people(text) == [(speaker, role)], text
    assert page_people(
        f"<p>Crews were called.</p><p>{who} said:</p><blockquote><p>{words}.</p></blockquote>"
    ) == [(speaker, role)]


@pytest.mark.parametrize(
    ("who", "role"),
    [
        (
            "Chief Crown Prosecutor for CPS Caldermouth",
            "Chief Crown Prosecutor for CPS Caldermouth",
        ),
        ("Head of Service Harbridge", "Head of Service Harbridge"),
        ("The Fire Service", "Fire Service"),
    ],
    ids=["unit", "not-a-title-head", "organisation"],
)
def test_a_single_word_after_a_role_that_is_no_title_is_no_surname(who: str, role: str) -> None:
    assert people(f"{who} said: “We will act on every finding.”") == [(None, role)]


def test_title_and_surname_resolves_to_the_full_name_given_before() -> None:
    text = (
        "Station Manager Tom Elms led the crews.\n\nThe fire was out by noon.\n\n"
        "Station Manager Elms said: “Please test your smoke alarms every week.”"
    )
    (q,) = find_quotes(text, split_paragraphs(text))
    assert (q.speaker, q.role, q.speaker_as_written) == (
        "Tom Elms",
        "Station Manager",
        "Station Manager Elms",
    )


@pytest.mark.parametrize(
    ("narrative", "pronoun", "speaker"),
    [
        ("On Monday Ann Cole visited the site.", "She said:", "Ann Cole"),
        ("Last week Ravi Shah opened the new station.", "He said:", "Ravi Shah"),
        ("At the meeting Zena Hart thanked the volunteers.", "She told them:", "Zena Hart"),
        ("Yesterday Omar Khan toured the ward.", "He said:", "Omar Khan"),
        ("On 3 March Gwen Rhys-Davies opened the library.", "She said:", "Gwen Rhys-Davies"),
        ("Earlier this week Liam O’Neill met the families.", "He said:", "Liam O’Neill"),
    ],
    ids=["on-day", "last-week", "at-the", "adverb", "date", "earlier-this-week"],
)
def test_pronoun_after_narrative_opening_with_an_adverbial_without_a_comma(
    narrative: str, pronoun: str, speaker: str
) -> None:
    after = pronoun.split()[0].lower()
    for text in (
        f"{narrative}\n\n{pronoun} “We accept the findings in full.”",
        f'{narrative} {pronoun} "We accept the findings in full."',
        f"{narrative}\n\n“We accept the findings in full,” {after} said.",
    ):
        assert people(text) == [(speaker, None)], text


@pytest.mark.parametrize(
    "narrative",
    [
        "On Monday Cole visited the site.",
        "Last week police thanked Ann Cole for her work.",
        "On Tuesday the council welcomed Ann Cole.",
        "On Tuesday Police Scotland confirmed the arrest.",
        "Today police met the family at Harbridge Park.",
    ],
    ids=["surname-is-the-object", "verb-before-the-name", "object", "organisation", "place"],
)
def test_adverbial_without_a_comma_never_names_an_object_or_a_body(narrative: str) -> None:
    text = f"{narrative}\n\nShe said: “We accept the findings in full.”"
    assert people(text) == [(None, None)], text


@pytest.mark.parametrize(
    ("narrative", "pronoun", "speaker", "role"),
    [
        (
            "Chief Constable Jo Bright welcomed the news.",
            "He said:",
            "Jo Bright",
            "Chief Constable",
        ),
        (
            "Headteacher Carys Bell said the school was proud of its pupils.",
            "She added:",
            "Carys Bell",
            "Headteacher",
        ),
        (
            "Ann Lee, the trust’s chief nurse, said staff had worked hard.",
            "She said:",
            "Ann Lee",
            "chief nurse",
        ),
        (
            "Detective Inspector Raj Patel told reporters the search would go on.",
            "He said:",
            "Raj Patel",
            "Detective Inspector",
        ),
    ],
    ids=["welcomed", "said-that", "appositive", "told"],
)
def test_pronoun_after_reported_speech_takes_the_title_it_gave(
    narrative: str, pronoun: str, speaker: str, role: str
) -> None:
    for text in (
        f"{narrative}\n\n{pronoun} “We will keep the public informed.”",
        f'{narrative}\n\n{pronoun} "We will keep the public informed."',
    ):
        assert people(text) == [(speaker, role)], text


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Head of Libraries Mary Ann Cole", "Mary Ann Cole", "Head of Libraries"),
        (
            "Director of Public Health Sarah Jane Pugh",
            "Sarah Jane Pugh",
            "Director of Public Health",
        ),
        (
            "Cabinet Member for Education Rhys Owen Price",
            "Rhys Owen Price",
            "Cabinet Member for Education",
        ),
        ("Head of Operations Anna Maria Ruiz-Lopez", "Anna Maria Ruiz-Lopez", "Head of Operations"),
        ("Director of Public Health Ann Cole", "Ann Cole", "Director of Public Health"),
        ("Head of Adult Services Frances Cole", "Frances Cole", "Head of Adult Services"),
        ("Head of Housing Services Ann Cole", "Ann Cole", "Head of Housing Services"),
        (
            "Federation of England and Wales John Apter",
            "John Apter",
            "Federation of England and Wales",
        ),
    ],
    ids=[
        "plural-object",
        "role-word-object",
        "abstract-object",
        "hyphenated",
        "two-word-object",
        "two-word-plural-object",
        "two-word-object-ing",
        "list-object",
    ],
)
def test_three_word_name_after_a_titles_object(who: str, speaker: str, role: str) -> None:
    assert_reads(who, speaker, role)


@pytest.mark.parametrize(
    "forename", ["James", "Rhys", "Frances", "Thomas", "Charles", "Lewis", "Agnes", "Nicholas"]
)
@pytest.mark.parametrize(
    "title",
    [
        "Head of Libraries",
        "Head of Service",
        "Director of Housing Services",
        "Cabinet Member for Communities",
        "Head of Operations",
    ],
)
def test_a_forename_ending_in_s_after_a_titles_object_is_no_plural(
    title: str, forename: str
) -> None:
    # a plain "s" is no plural ending: "James", "Rhys" open a name of three words as "Mary" does
    assert_reads(f"{title} {forename} Owen Pryce", f"{forename} Owen Pryce", title)


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Director of Housing Programmes Ann Cole", "Ann Cole", "Director of Housing Programmes"),
        ("Head of Learning Disabilities Jo Baird", "Jo Baird", "Head of Learning Disabilities"),
        ("Head of Emergency Operations Ian Moss", "Ian Moss", "Head of Emergency Operations"),
        ("Director of Housing Standards Ann Cole", "Ann Cole", "Director of Housing Standards"),
        ("Head of Planning Highways Jo Baird", "Jo Baird", "Head of Planning Highways"),
        ("Head of Training Centres Ian Moss", "Ian Moss", "Head of Training Centres"),
    ],
)
def test_a_plural_ending_a_titles_object_is_no_forename(who: str, speaker: str, role: str) -> None:
    # a negative: the word before a name of two words ends as a plural does, so it is the
    # object's, not a forename's
    assert_reads(who, speaker, role)


def test_title_heads_are_role_words_or_honorifics() -> None:
    # so a title head is never read as a forename or surname (_NOT_NAME_WORDS) without its own
    # entry there
    assert quote_words("title_heads") <= quote_words("role_words") | quote_words("honorifics")


def test_the_sentence_adverbs_are_verb_adverbs_by_derivation() -> None:
    # one source: quotes.json lists each adverb once
    assert not quote_words("verb_adverbs") & quote_words("sentence_adverbs")


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("Mr Drake-Smith previously said:", "Ian Drake-Smith"),
        ("Ian Drake-Smith later said:", "Ian Drake-Smith"),
        ("Ian Drake-Smith has previously said:", "Ian Drake-Smith"),
        ("The appeal’s lead Ian Drake-Smith then said:", "Ian Drake-Smith"),
        ("Ian Drake-Smith meanwhile said:", "Ian Drake-Smith"),
        ("Mr Drake-Smith has however said:", "Ian Drake-Smith"),
        ("Ian Drake-Smith had also yesterday said:", "Ian Drake-Smith"),
    ],
    ids=["surname", "later", "auxiliary", "title", "sentence-adverb", "both", "three"],
)
def test_adverb_between_the_speaker_and_the_speech_verb(attribution: str, speaker: str) -> None:
    lede = "Ian Drake-Smith will appear on the programme.\n\n"
    for text in (
        f"{lede}{attribution} “I am grateful for the support.”",
        f'{lede}{attribution} "I am grateful for the support."',
    ):
        assert [s for s, _r in people(text)] == [speaker], text
    text = f"{lede}“I am grateful for the support,” Ian Drake-Smith later said."
    assert [s for s, _r in people(text)] == [speaker]


@pytest.mark.parametrize(
    "who",
    ["The Cole family", "Residents of Ashby Road"],
    ids=["family", "residents"],
)
def test_a_word_before_the_verb_that_is_no_adverb_stays(who: str) -> None:
    assert people(f"{who} said: “We are grateful for all the support.”") == [(None, None)]


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Watch Manager Ian Moss from Dunmere fire station", "Ian Moss", "Watch Manager"),
        (
            "Assistant Chief Constable Ian Drake-Smith of Operation Harbour",
            "Ian Drake-Smith",
            "Assistant Chief Constable",
        ),
        ("Detective Inspector Raj Patel at Eastshire Police", "Raj Patel", "Detective Inspector"),
        ("Ann Cole of Eastshire Council", "Ann Cole", None),
        ("Residents of Ashby Road", None, None),
        ("Friends of Harbridge Park", None, None),
        ("Head of Libraries at Eastshire Council", None, "Head of Libraries at Eastshire Council"),
    ],
    ids=["from", "of", "at", "no-title", "place", "group", "title-only"],
)
def test_full_name_joined_to_its_body_without_a_comma(
    who: str, speaker: str | None, role: str | None
) -> None:
    assert_reads(who, speaker, role)


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Lee Owden HMI", "Lee Owden", "HMI"),
        (
            "Ofsted’s national director for education, Lee Owden HMI,",
            "Lee Owden",
            "national director for education",
        ),
        ("Deputy Chief Constable (DCC) Ann Cole", "Ann Cole", "Deputy Chief Constable"),
        (
            "Assistant Chief Fire Officer (ACFO) Rhys Bevan",
            "Rhys Bevan",
            "Assistant Chief Fire Officer",
        ),
        ("Insp. Ann Cole", "Ann Cole", "Insp."),
        ("Det. Supt. Gwen Rhys-Davies", "Gwen Rhys-Davies", "Det. Supt."),
    ],
    ids=[
        "hmi",
        "hmi-after-title",
        "initials-in-brackets",
        "fire-initials",
        "rank-stop",
        "ranks-stops",
    ],
)
def test_inspectors_initials_and_ranks_written_with_stops(
    who: str, speaker: str, role: str
) -> None:
    for text in (
        f"The report was published today. {who} said: “We found a school that is improving.”",
        f'The report was published today.\n\n{who} said: "We found a school that is improving."',
    ):
        assert people(text) == [(speaker, role)], text


@pytest.mark.parametrize(
    ("narrative", "speaker", "role"),
    [
        ("Today Ann Cole, head of libraries, opened the library.", "Ann Cole", "head of libraries"),
        (
            "On Monday Chief Inspector Ravi Shah, who leads the team, met residents.",
            "Ravi Shah",
            "Chief Inspector",
        ),
        ("In Harbridge Zena Hart, the trust’s chair, opened the ward.", "Zena Hart", "chair"),
        ("At the launch in Harbridge Park, Zena Hart opened the ward.", "Zena Hart", None),
        ("In Eastshire Fire and Rescue Service, Zena Hart leads the crews.", "Zena Hart", None),
    ],
    ids=["adverb", "title-and-clause", "place-and-appositive", "place-in-adverbial", "body"],
)
def test_pronoun_after_an_adverbial_name_with_an_appositive(
    narrative: str, speaker: str, role: str | None
) -> None:
    text = f"{narrative}\n\nShe said: “This is a proud day for everyone here.”"
    assert people(text) == [(speaker, role)], text


@pytest.mark.parametrize(
    ("label", "speaker", "role"),
    [
        (
            "Ann Cole, Chief Executive, Eastshire Council",
            "Ann Cole",
            "Chief Executive, Eastshire Council",
        ),
        (
            "Dr Tom Vance, chair of Harbridge Healthwatch",
            "Tom Vance",
            "chair of Harbridge Healthwatch",
        ),
        ("Chief Fire Officer Dawn Reyes", "Dawn Reyes", "Chief Fire Officer"),
        (
            "Cllr Mairi McAllister (Cabinet Member for Housing)",
            "Mairi McAllister",
            "Cabinet Member for Housing",
        ),
    ],
    ids=["name-role-body", "honorific", "title-first", "bracketed-role"],
)
def test_speaker_label_with_no_verb_over_or_before_a_quotation(
    label: str, speaker: str, role: str
) -> None:
    words = "We are delighted with the progress made this year"
    first = "Jo Baird said: “We welcome the plan.”\n\n"
    for text in (
        f"{first}{label}\n\n“{words}.”",
        f"{first}{label}:\n\n“{words}.”",
        f'{first}{label}:\n\n"{words}."',
        f"{first}{label}: “{words}.”",
    ):
        assert people(text)[1] == (speaker, role), text
    body = f"<p>Jo Baird said: “We welcome the plan.”</p><p><strong>{label}</strong></p>"
    assert page_people(f"{body}<blockquote><p>“{words}.”</p></blockquote>")[1] == (speaker, role)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Clean Air Zone", ("Jo Baird", None)),
        ("Tribute to Ann Cole", ("Jo Baird", None)),
        ("Harbridge Park", ("Jo Baird", None)),
        ("Ann Cole and Tom Vance", ("Jo Baird", None)),
    ],
    ids=["name-like-heading", "person-in-a-heading", "place", "two-people"],
)
def test_a_heading_that_is_no_speakers_label_leaves_the_quotation_to_the_last_speaker(
    heading: str, expected: tuple[str | None, str | None]
) -> None:
    text = (
        "Jo Baird said: “We welcome the plan.”\n\nThe work starts in May.\n\n"
        f"{heading}\n\n“We are delighted with the progress made this year.”"
    )
    assert people(text)[1] == expected


@pytest.mark.parametrize(
    "head",
    [
        "In a letter to Ann Cole:",
        "Key findings for Ann Cole, chief executive:",
        "Tom Vance met Ann Cole, chief executive:",
    ],
    ids=["adverbial", "lowercase-before", "sentence"],
)
def test_words_before_a_colon_that_are_no_label_name_nobody(head: str) -> None:
    assert people(f"{head} “We are delighted with the progress made this year.”") == [(None, None)]


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("Yesterday Ann Cole said:", "Ann Cole"),
        ("Meanwhile Ann Cole said:", "Ann Cole"),
        ("Commenting Ann said:", "Ann Cole"),
        ("Responding Cole said:", "Ann Cole"),
    ],
    ids=["yesterday", "meanwhile", "participle-forename", "participle-surname"],
)
def test_adverbial_before_the_name_in_an_attribution_is_no_part_of_it(
    attribution: str, speaker: str
) -> None:
    # (the lede names her as a person, with her title: a bare "Ann Cole opened …" might be a
    # place's name, as "Ann Hill reopened …" is)
    lede = "Librarian Ann Cole opened the library.\n\n"
    for text in (
        f"{lede}{attribution} “Every child should have a library card.”",
        f'{lede}{attribution}\n\n"Every child should have a library card."',
    ):
        assert [s for s, _r in people(text)] == [speaker], text


@pytest.mark.parametrize(
    ("before", "attribution", "speaker"),
    [
        ("Chris Whyte has warned of a long delay.", "Chris said:", "Chris Whyte"),
        ("Kirsty Wilkins MS has called for a review.", "Kirsty added:", "Kirsty Wilkins"),
        (
            "Jo Baird said: “We agree.”\n\nJo Lane, the trust’s chair, spoke next.",
            "Jo said:",
            "Jo Baird",
        ),
        ("The review was called for by residents.", "Chris said:", "Chris"),
        ("Chris met Chief Inspector Ann Cole.", "Chris said:", "Chris"),
    ],
    ids=["narrative", "post-nominal", "quoted-before-first", "no-full-name", "title-after"],
)
def test_forename_alone_resolves_to_the_full_name_given_before(
    before: str, attribution: str, speaker: str
) -> None:
    text = f"{before}\n\n{attribution} “Residents regard this as an emergency.”"
    assert [s for s, _r in people(text)][-1] == speaker, text


@pytest.mark.parametrize(
    ("before", "attribution", "speaker"),
    [
        ("Councillor Chris Whyte visited the site.", "Chris said:", "Chris Whyte"),
        ("Library manager Chris Whyte opened the doors.", "Chris added:", "Chris Whyte"),
        ("Mrs Ann Hill met the minister.", "Ann said:", "Ann Hill"),
        ("Chris Whyte, chair of the residents’ group, met us.", "Chris said:", "Chris Whyte"),
        ("The group’s chair, Chris Whyte, met the minister.", "Chris said:", "Chris Whyte"),
        ("Ann Hill, who founded the group, met the minister.", "Ann said:", "Ann Hill"),
        ("Sarah Jones, 34, from Kelby, was hurt in the fire.", "Sarah said:", "Sarah Jones"),
        ("Jo Lane has previously told the BBC she was worried.", "Jo said:", "Jo Lane"),
        ("Ann Hill stated that the plan was flawed.", "Ann added:", "Ann Hill"),
    ],
    ids=[
        "title",
        "lower-case-title",
        "honorific",
        "role-after",
        "role-before",
        "who",
        "age",
        "speech-verb",
        "speech-verb-2",
    ],
)
def test_a_forename_alone_resolves_to_a_name_used_as_a_person(
    before: str, attribution: str, speaker: str
) -> None:
    for text in (
        f"{before}\n\n{attribution} “Residents regard this as an emergency.”",
        f'{before}\n\n{attribution}\n\n"Residents regard this as an emergency."',
    ):
        assert [s for s, _r in people(text)] == [speaker], text


@pytest.mark.parametrize(
    ("before", "attribution"),
    [
        ("Chris Street was closed to traffic on Monday.", "Chris said:"),
        ("Roadworks on Chris Street finish today.", "Chris said:"),
        ("Residents of Ann Hill have waited for years.", "Ann said:"),
        ("Ann Hill Primary School opened a library.", "Ann said:"),
        ("Chris Street, which runs past the school, was closed.", "Chris added:"),
        ("The bus stops at Jo Lane and at the station.", "Jo said:"),
        ("Ann Hill has been gritted twice since Friday.", "Ann said:"),
    ],
    ids=["subject", "on", "of", "school", "which", "at", "auxiliary"],
)
def test_a_forename_alone_never_resolves_to_a_place(before: str, attribution: str) -> None:
    # a negative: "Forename Word" with no sign of a person (title, role, speech verb, who) is
    # no full name for the forename; a person named later is
    forename = attribution.split()[0]
    text = f"{before}\n\n{attribution} “Residents regard this as an emergency.”"
    assert [s for s, _r in people(text)] == [forename], text
    later = f"{before} Councillor {forename} Brecon visited.\n\n{attribution} “We agree.”"
    assert [s for s, _r in people(later)] == [f"{forename} Brecon"], later


def _plain_person(text: str, forename: str, end: int) -> str | None:
    """The forename's full name as a plain scan of ``text[:end]`` finds it: the first
    "Forename Surname" used as a person (what _Names finds from where the forename is
    written)."""
    not_names = frozenset().union(*(quote_words(key) for key in _NOT_NAME_WORDS))
    pattern = (
        rf"(?<![\p{{L}}\p{{N}}\p{{M}}_\-’']){regex.escape(forename)}"
        rf"\s+(\p{{Lu}}[\p{{L}}\-’']+?)(?:[’']s)?(?![\p{{L}}\-’'])"
    )
    for m in regex.finditer(pattern, text, endpos=end, overlapped=True):
        full = f"{forename} {m.group(1)}"
        if m.group(1) not in not_names and _as_person(text, full, m.start(), m.end(1)):
            return full
    return None


_NAME_PIECES = [
    "Chris Street was closed.",
    "Councillor Chris Whyte visited.",
    "Chris Whyte, who chairs it, spoke.",
    "Ann Hill Primary School reopened.",
    "Mrs Ann Hill met Jo.",
    "Jo Lane\nsaid so.",
    "Residents of Jo Lane agreed.",
    "Chris said: “We agree with every word.”",
    "Ann added: “It is a good day.”",
    "The Chair Ann Bell opened it.",
    "Chris Police and Jo Council met.",
]


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=12),
    joins=st.sampled_from([" ", "\n\n", "\n"]),
)
def test_the_full_names_index_agrees_with_a_plain_scan(pieces: list[str], joins: str) -> None:
    text = joins.join(pieces)
    names = _Names(text)
    ends = [i for i, ch in enumerate(text) if ch in "“\n"] + [len(text)]
    for forename in ("Chris", "Ann", "Jo", "Kirsty"):
        for end in ends:
            found = names.full_name(forename, end, surname=False)
            assert found == _plain_person(text, forename, end), (
                forename,
                end,
            )


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        # a name before the title and its body: the title is no name joined to a body
        (
            "Dr Debra Wearham, Infection Doctor at Kelby University Teaching Hospitals,",
            "Debra Wearham",
            "Infection Doctor at Kelby University Teaching Hospitals",
        ),
        # a preposition inside the title before the one that joins the name to its body
        (
            "Director of Public Health Ann Cole at Kelby Council",
            "Ann Cole",
            "Director of Public Health",
        ),
    ],
    ids=["title-at-body-after-the-name", "of-in-the-title-then-at"],
)
def test_a_name_joined_to_its_body_is_read_only_where_no_part_is_a_name(
    who: str, speaker: str, role: str
) -> None:
    text = f"{who} said: “We are keen to hear from anyone with footage.”"
    assert people(text) == [(speaker, role)]


# --- real-page round 3: dotted abbreviations, party and ward in brackets, a body's name ----


@pytest.mark.parametrize(
    ("attribution", "speaker", "role"),
    [
        ("said Dr. Ann Cole, medical director.", "Ann Cole", "medical director"),
        ("said Det. Insp. Owen Marsh.", "Owen Marsh", "Det. Insp."),
        ("Cllr. Rhys Tallon said.", "Rhys Tallon", None),
        ("said Chief Constable J. R. Hartley.", "J. R. Hartley", "Chief Constable"),
        (
            "said Ann Cole, headteacher at St. Mary’s Primary School.",
            "Ann Cole",
            "headteacher at St. Mary’s Primary School",
        ),
        ("added Prof. Ifan Rees.", "Ifan Rees", None),
    ],
    ids=["dr", "rank", "name-first", "initials", "saint", "prof"],
)
def test_an_attribution_after_a_quotation_runs_over_abbreviations(
    attribution: str, speaker: str, role: str | None
) -> None:
    for quoted, closing in (("“We are grateful to our crews", ",”"), ('"We are grateful', ',"')):
        text = f"{quoted}{closing} {attribution} The fire is out."
        assert people(text) == [(speaker, role)], text
        # an attribution that ends the paragraph (a web page's block)
        text = f"{quoted}{closing} {attribution}\n\nThe fire is out."
        assert people(text) == [(speaker, role)], text


@pytest.mark.parametrize(
    "who",
    [
        "Ann Cole, headteacher at St. Mary’s Primary School,",
        "Ann Cole, who leads St. Mary’s Primary School,",
        "The head of St. Mary’s Primary School, Ann Cole,",
    ],
)
def test_saint_with_a_stop_does_not_end_the_attribution_before_a_quotation(who: str) -> None:
    for text in (
        f"{who} said: “Our pupils have worked hard.”",
        f"{who} said:\n\n“Our pupils have worked hard.”",
    ):
        assert [s for s, _r in people(text)] == ["Ann Cole"], text


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        (
            "Cllr Ann Cole (Labour, Harbridge North), cabinet member for housing,",
            "Ann Cole",
            "cabinet member for housing",
        ),
        (
            "Councillor Rhys Tallon (Lib Dem), Leader of Kelby Council,",
            "Rhys Tallon",
            "Leader of Kelby Council",
        ),
        (
            "Cabinet Member for Transport, Councillor Jo Baird (Conservative, Park Ward),",
            "Jo Baird",
            "Cabinet Member for Transport",
        ),
        ("Councillor Ifan Rees (Plaid Cymru)", "Ifan Rees", None),
    ],
    ids=["party-and-ward", "party", "role-first", "at-the-end"],
)
def test_a_party_or_ward_in_brackets_after_the_name_is_left_out(
    who: str, speaker: str, role: str | None
) -> None:
    for text in (
        f"{who} said: “The new homes will be ready next spring.”",
        f"“The new homes will be ready next spring,” said {who.rstrip(',')}.",
    ):
        assert people(text) == [(speaker, role)], text


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        (
            "Dr Ann Cole, Consultant in Emergency Medicine at Kelby Royal Infirmary,",
            "Ann Cole",
            "Consultant in Emergency Medicine at Kelby Royal Infirmary",
        ),
        (
            "Ifan Rees, Head of Nursing at Harbridge General Infirmary,",
            "Ifan Rees",
            "Head of Nursing at Harbridge General Infirmary",
        ),
        (
            "Professor Jo Baird, Director of Research for Kelby Royal Free,",
            "Jo Baird",
            "Director of Research for Kelby Royal Free",
        ),
    ],
    ids=["infirmary", "no-honorific", "for"],
)
def test_a_bodys_name_in_the_role_after_the_name_is_no_speaker(
    who: str, speaker: str, role: str
) -> None:
    for text in (
        f"{who} said: “Patients will be seen within the hour.”",
        f"“Patients will be seen within the hour,” said {who.rstrip(',')}.",
    ):
        assert people(text) == [(speaker, role)], text


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        (
            "Chief Executive of Kelby Council, Ann Cole,",
            "Ann Cole",
            "Chief Executive of Kelby Council",
        ),
        ("Head of Libraries Ann Cole, Kelby Council,", "Ann Cole", "Head of Libraries"),
        ("Kelby Council, Head of Libraries Mary Ann Cole,", "Mary Ann Cole", "Head of Libraries"),
    ],
    ids=["role-then-name", "name-first-segment", "body-then-title"],
)
def test_a_name_after_a_titles_object_is_still_read_when_no_segment_is_a_name(
    who: str, speaker: str, role: str
) -> None:
    # a negative of the rule above: no earlier segment is a name of its own
    assert people(f"{who} said: “Patients will be seen within the hour.”") == [(speaker, role)]


def test_the_round_3_forms_on_a_web_page() -> None:
    body = (
        "<h1>New homes for Kelby</h1>"
        "<p>The council has approved 40 new homes on the old depot site.</p>"
        "<p>Cllr Ann Cole (Labour, Harbridge North), cabinet member for housing, said:</p>"
        "<blockquote><p>“Every family deserves a warm and dry home.”</p></blockquote>"
        "<p>“The site will be cleared by May,” said Dr. Ifan Rees, the council’s planning"
        " lead.</p>"
        "<p>Jo Baird, headteacher at St. Mary’s Primary School, said: “Our pupils will"
        " benefit.”</p>"
    )
    assert page_people(body) == [
        ("Ann Cole", "cabinet member for housing"),
        ("Ifan Rees", "planning lead"),
        ("Jo Baird", "headteacher at St. Mary’s Primary School"),
    ]


# --- round 4: real-page forms that lost their speaker --------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Says Ann Cole: “Every pupil will have a laptop by June.”", "Ann Cole", None),
        (
            'The plan was agreed. Adds the trust’s chair, Dr Ravi Dhillon: "Every pupil will'
            ' have a laptop by June."',
            "Ravi Dhillon",
            "chair",
        ),
        (
            "Commented Chief Inspector Tom Hale:\n\n“Every pupil will have a laptop by June.”",
            "Tom Hale",
            "Chief Inspector",
        ),
        (
            "Says Cllr Mair Evans, cabinet member for schools:\n\n"
            '"Every pupil will have a laptop by June."',
            "Mair Evans",
            "cabinet member for schools",
        ),
        ("Explains the report: “Every pupil will have a laptop by June.”", None, None),
        ("Adds to the pressure: “Every pupil will have a laptop by June.”", None, None),
    ],
    ids=[
        "says",
        "adds-title-and-name",
        "paragraph-before",
        "label-paragraph",
        "no-person",
        "no-name",
    ],
)
def test_a_speech_verb_before_the_name_and_colon(
    text: str, speaker: str | None, role: str | None
) -> None:
    assert people(text) == [(speaker, role)]


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        (
            "Minister for Children, Young People and Education, Ann Cole,",
            "Ann Cole",
            "Minister for Children, Young People and Education",
        ),
        (
            "The Cabinet Secretary for Health, Wellbeing and Sport, Jo Baird,",
            "Jo Baird",
            "Cabinet Secretary for Health, Wellbeing and Sport",
        ),
        (
            "Cabinet Member for Children, Young People and Families, Cllr Ann Cole,",
            "Ann Cole",
            "Cabinet Member for Children, Young People and Families",
        ),
        (
            "Cabinet Member for Housing, Planning and Regeneration Cllr Tom Hale",
            "Tom Hale",
            "Cabinet Member for Housing, Planning and Regeneration",
        ),
        (
            "Ann Cole, Minister for Children, Young People and Education,",
            "Ann Cole",
            "Minister for Children, Young People and Education",
        ),
        ("Residents of Ashby, Kelby and Harbridge, Ann Cole,", "Ann Cole", None),
    ],
    ids=["minister", "cabinet-secretary", "honorific", "no-comma", "name-first", "no-title"],
)
def test_a_title_with_commas_in_its_own_name(who: str, speaker: str, role: str | None) -> None:
    assert_reads(who, speaker, role)


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Mum-of-two Ann Cole", "Ann Cole", None),
        ("Father-of-three Tom Hale, 42,", "Tom Hale", None),
        ("grandmother-of-five Mair Evans", "Mair Evans", None),
        ("Widow Kerry Dale", "Kerry Dale", None),
        ("Son Murray Smart, who lives in Lingwood,", "Murray Smart", None),
        ("proud mum Ann Cole", "Ann Cole", None),
        ("Ward Sister Ann Cole", "Ann Cole", "Ward Sister"),
        ("Senior Nurse Jo Baird", "Jo Baird", "Senior Nurse"),
        ("Ann Walker", "Ann Walker", None),
    ],
    ids=[
        "mum-of-two",
        "father-of-three-age",
        "lower-case",
        "widow",
        "son-clause",
        "adjective",
        "title-ward-sister",
        "title-nurse",
        "label-word-surname",
    ],
)
def test_a_descriptive_label_before_a_name_is_no_part_of_it(
    who: str, speaker: str, role: str | None
) -> None:
    assert_reads(who, speaker, role)


@given(
    label=st.sampled_from([*sorted(quote_words("descriptive_labels")), "Mother-of-four"]),
    name=st.sampled_from(["Ann Cole", "Tom Hale", "Mair Evans", "Rhys ap Dafydd"]),
)
@settings(max_examples=60, deadline=None)
def test_any_label_before_any_name_gives_the_name_and_no_role(label: str, name: str) -> None:
    assert people(f"{label} {name} said: “The fire spread through the roof.”") == [(name, None)]


@pytest.mark.parametrize(
    ("before", "attribution", "speaker"),
    [
        ("Madog ap Gwyn opened the library.", "Mr Gwyn said:", "Madog ap Gwyn"),
        ("Jan van Dijk opened the library.", "Mr van Dijk said:", "Jan van Dijk"),
        ("Seren ferch Owain opened the library.", "Ms Owain said:", "Seren ferch Owain"),
        ("Councillor Ewan Mac Giolla opened it.", "Cllr Mac Giolla said:", "Ewan Mac Giolla"),
        (
            "Ann de la Cour, head of the trust, said: “We are pleased.”",
            "Ms de la Cour added:",
            "Ann de la Cour",
        ),
        ("The team visited van Dijk Street.", "Mr Dijk said:", "Dijk"),
        ("The team visited the library.", "Mr Gwyn said:", "Gwyn"),
    ],
    ids=["ap", "van", "ferch", "mac", "quoted-before", "street", "no-full-name"],
)
def test_a_surname_after_a_name_particle_resolves_to_the_full_name(
    before: str, attribution: str, speaker: str
) -> None:
    for text in (
        f"{before}\n\n{attribution} “Every branch will open on Sundays.”",
        f'{before} {attribution}\n\n"Every branch will open on Sundays."',
    ):
        assert [s for s, _r in people(text)][-1] == speaker, text


@pytest.mark.parametrize(
    ("label", "speaker", "role"),
    [
        ("Eastshire Council’s Ann Cole:", "Ann Cole", None),
        ("Eastshire Council's Ann Cole:", "Ann Cole", None),
        ("Kelby Police’s Chief Inspector Tom Hale:", "Tom Hale", "Chief Inspector"),
        ("Harbridge Trust’s Jo Baird said:", "Jo Baird", None),
        ("Eastshire Council’s budget:", None, None),
        ("Tribute to Ann Cole:", None, None),
    ],
    ids=["curly", "straight", "title", "with-verb", "no-person", "no-title"],
)
def test_a_speaker_label_opening_with_a_bodys_possessive(
    label: str, speaker: str | None, role: str | None
) -> None:
    for text in (
        f"{label} “Every household will get a food waste caddy.”",
        f"{label}\n\n“Every household will get a food waste caddy.”",
    ):
        assert people(text) == [(speaker, role)], text


@pytest.mark.parametrize(
    ("narrative", "speaker"),
    [
        ("At the board meeting Ann Cole thanked the staff.", "Ann Cole"),
        ("In a letter to parents Tom Hale praised the pupils.", "Tom Hale"),
        ("During a long visit to the wards Mair Evans met patients.", "Mair Evans"),
        ("On Monday morning Ann Cole visited the ward.", "Ann Cole"),
        ("On Tuesday evening Tom Hale opened the station.", "Tom Hale"),
        ("At the board meeting police thanked Ann Cole for her work.", None),
        ("At the meeting of the board on Monday in the town hall Ann Cole spoke.", None),
    ],
    ids=[
        "board-meeting",
        "letter",
        "six-words",
        "weekday-morning",
        "weekday-evening",
        "object-after-verb",
        "too-long",
    ],
)
def test_a_name_with_no_title_after_a_long_adverbial(narrative: str, speaker: str | None) -> None:
    pronoun = "He" if speaker == "Tom Hale" else "She"
    for text in (
        f"{narrative}\n\n{pronoun} said: “The new ward will open in March.”",
        f'{narrative} {pronoun} said: "The new ward will open in March."',
    ):
        assert [s for s, _r in people(text)] == [speaker], text


def test_a_forename_after_sir_or_dame_resolves_to_the_full_name() -> None:
    # GOV.UK: a caption under the headline, then "Sir Mark said:" and the unmarked quotation
    text = (
        "Sir Mark Wilby, His Majesty's Chief Inspector\n\n"
        "Sir Mark Wilby was speaking on the day that Ofsted published its statistics.\n\n"
        "Sir Mark said:\n\nI believe every child has the right to a good education."
    )
    assert people(text) == [("Mark Wilby", "His Majesty's Chief Inspector")]
    text = (
        "Dame Ann Cole, chair of the board, said: “We are pleased with the result.”\n\n"
        "Dame Ann added: “We will keep going with the work.”"
    )
    assert people(text) == [("Ann Cole", "chair of the board"), ("Ann Cole", None)]
    # a negative: "Mr" takes a surname, so "Mr Mark" is not Mark Wilby
    text = "Mark Wilby opened the school.\n\nMr Mark said: “We are pleased with the result.”"
    assert people(text) == [("Mark", None)]


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("local MSP Michael Rusk", "Michael Rusk", "local MSP"),
        ("former headteacher Ann Cole", "Ann Cole", "former headteacher"),
        ("Commenting on the report, local MSP Michael Rusk", "Michael Rusk", "local MSP"),
        ("Ann Lee, who met Chief Inspector Ann Cole,", "Ann Lee", None),
    ],
    ids=["msp", "former", "after-participle", "clause"],
)
def test_a_title_in_lower_case_with_a_word_before_it(
    who: str, speaker: str, role: str | None
) -> None:
    assert_reads(who, speaker, role)


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("In his message – spoken for the staff of the trust – Mr Carrow", "Ian Carrow", None),
        ("Ann Cole – the trust’s chief executive –", "Ann Cole", "chief executive"),
        ("Ann Cole — the trust’s chief executive —", "Ann Cole", "chief executive"),
        ("Head of Service – Adults, Ann Cole,", "Ann Cole", "Head of Service – Adults"),
    ],
    ids=["aside-before-name", "en-dashes", "em-dashes", "one-dash-stays"],
)
def test_an_aside_in_a_pair_of_dashes(who: str, speaker: str, role: str | None) -> None:
    text = f"Ian Carrow leads the trust.\n\n{who} said: “The last months have been hard.”"
    assert people(text)[-1] == (speaker, role)


def test_the_round_4_forms_on_a_web_page() -> None:
    body = (
        "<h1>New play park opens</h1>"
        "<p>Madog ap Gwyn, the council’s leader, opened the park on Monday.</p>"
        "<p>Says Mum-of-two Ann Cole:</p>"
        "<blockquote><p>“My children will be here every day.”</p></blockquote>"
        "<p>Mr Gwyn said: “It is a great day for the town.”</p>"
        "<p>Cabinet Member for Children, Young People and Families, Cllr Jo Baird, said:</p>"
        "<blockquote><p>“Play matters to every child.”</p></blockquote>"
        "<p>Eastshire Council’s Tom Hale:</p><p>“We built it in six weeks.”</p>"
    )
    assert page_people(body) == [
        ("Ann Cole", None),
        ("Madog ap Gwyn", "leader"),  # the title the narrative gave him
        ("Jo Baird", "Cabinet Member for Children, Young People and Families"),
        ("Tom Hale", None),
    ]


@pytest.mark.parametrize(
    ("narrative", "role"),
    [
        ("At the Kelby Arts Centre Ann Cole thanked the staff.", None),
        ("After a hard year for the whole service Ann Cole thanked the staff.", None),
        ("At the meeting Council Leader Ann Cole thanked the staff.", "Council Leader"),
        (
            "At the meeting the trust’s chief executive Ann Cole thanked the staff.",
            "chief executive",
        ),
    ],
    ids=["place", "lower-case-body", "title-with-body-word", "title"],
)
def test_a_bodys_word_alone_before_a_name_after_an_adverbial_is_no_title(
    narrative: str, role: str | None
) -> None:
    text = f"{narrative}\n\nShe said: “The new ward will open in March.”"
    assert people(text) == [("Ann Cole", role)]


@pytest.mark.parametrize(
    ("attribution", "speaker", "role"),
    [
        (
            "Chief Officer Martin Blunt explained why change is needed:",
            "Martin Blunt",
            "Chief Officer",
        ),
        ("Cllr Sat Kaul replied by saying:", "Sat Kaul", None),
        (
            "Ann Cole, the council’s leader, explained how the scheme will work:",
            "Ann Cole",
            "leader",
        ),
        ("Jo Baird set out what the board will do:", None, None),  # "set out" is no speech verb
    ],
    ids=["why", "by-saying", "how", "no-speech-verb"],
)
def test_a_speech_verb_with_a_complement_before_its_colon(
    attribution: str, speaker: str | None, role: str | None
) -> None:
    for text in (
        f"{attribution} “Every household will get a caddy by June.”",
        f'{attribution}\n\n"Every household will get a caddy by June."',
    ):
        assert people(text) == [(speaker, role)], text


@pytest.mark.parametrize(
    ("intro", "expected"),
    [
        ("Says Ann Cole, the council’s leader:", [("Ann Cole", "leader")]),
        ("Adds Chief Inspector Tom Hale:", [("Tom Hale", "Chief Inspector")]),
        ("Ann Cole explained what the council will do:", [("Ann Cole", None)]),
        ("Explains the guidance:", []),
    ],
    ids=["says", "adds", "complement", "no-person"],
)
def test_an_unmarked_quotation_after_a_speech_verb_first_or_a_complement(
    intro: str, expected: list[tuple[str | None, str | None]]
) -> None:
    # GOV.UK and Welsh Government pages copied without their block-quote marks
    text = f"{intro}\n\nEvery household will get a food waste caddy by June."
    assert people(text) == expected


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Her daughter, Ann Cole,", "Ann Cole", None),
        ("Ann Cole, the victim’s mother,", "Ann Cole", None),
        ("His widow, Kerry Dale,", "Kerry Dale", None),
        ("Tom Hale, her son,", "Tom Hale", None),
        ("Her Majesty’s Inspector, Ann Cole,", "Ann Cole", "Her Majesty’s Inspector"),
        ("Ann Cole, Ward Sister,", "Ann Cole", "Ward Sister"),
    ],
    ids=["her-daughter", "victims-mother", "his-widow", "her-son", "her-majesty", "title"],
)
def test_a_label_in_commas_beside_a_name_is_no_role(
    who: str, speaker: str, role: str | None
) -> None:
    # police releases' family tributes
    assert_reads(who, speaker, role)


# Round 5: forms of fire and rescue services', regulators', health boards' and ombudsmen's
# pages (texts of our own).


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Alliance Councillor Stephen Marr", "Stephen Marr", "Alliance Councillor"),
        ("Liberal Democrat Cllr Ann Cole", "Ann Cole", "Liberal Democrat Cllr"),
        ("Emeritus Professor Rhys Owen", "Rhys Owen", "Emeritus Professor"),
        ("Deputy Leader Councillor Ann Cole", "Ann Cole", "Deputy Leader"),
        ("Councillor Ann Cole", "Ann Cole", None),
        ("Eastshire Council’s Cllr Ann Cole", "Ann Cole", None),
    ],
    ids=["party", "two-word-party", "professor", "after-a-title", "alone", "possessor"],
)
def test_a_title_honorific_after_a_modifier_stays_in_the_role(
    who: str, speaker: str, role: str | None
) -> None:
    assert_reads(who, speaker, role)
    # an adverbial before the honorific is no modifier
    assert_parsed(f"Yesterday {who.split()[-3]} Ann Cole", "Ann Cole", None)


@pytest.mark.parametrize("marks", ["“”", '""'], ids=["curly", "straight"])
def test_a_title_honorific_after_a_modifier_in_the_narrative(marks: str) -> None:
    o, c = marks
    text = (
        "Alliance Councillor Stephen Marr praised the emergency services.\n\n"
        f"He said: {o}We are still waiting to hear the cause of the fire.{c}"
    )
    assert people(text) == [("Stephen Marr", "Alliance Councillor")]


@pytest.mark.parametrize(
    ("reported", "pronoun"),
    [
        ("He said that lives were saved by the alarm.", "He said:"),
        (
            "He told the paper that the crews were quick.\n\nHe also said the door helped.",
            "He said:",
        ),
        ("He said that lives were saved by the alarm.", "He added:"),
    ],
    ids=["one", "two", "added"],
)
def test_a_pronoun_after_its_own_reported_speech_names_the_person_before_it(
    reported: str, pronoun: str
) -> None:
    # fire services' incident releases: the officer named, then paragraphs of his words
    # reported, then his quotation
    text = (
        "Jim Wallis said: “The station needs a new alarm.”\n\n"
        "Group Commander Barry McDowd told the Kelby Telegraph the fire started in a kitchen."
        f"\n\n{reported}\n\n{pronoun} “The police heard a smoke alarm at 4.30am.”"
    )
    assert people(text)[-1] == ("Barry McDowd", "Group Commander")


@pytest.mark.parametrize(
    ("reported", "attribution", "role"),
    [
        (
            "A Fire Service spokeswoman said the alarm gives early warning.",
            "She added:",
            "Fire Service spokeswoman",
        ),
        (
            "A spokesman for Kelby Council said the road would reopen.",
            "He said:",
            "spokesman for Kelby Council",
        ),
        (
            "A spokesperson for the trust said the ward was closed.",
            "",
            "spokesperson for the trust",
        ),
    ],
    ids=["she-added", "he-said", "no-attribution"],
)
def test_a_quotation_after_an_unnamed_spokesperson_in_reported_speech(
    reported: str, attribution: str, role: str
) -> None:
    text = (
        "Jim Wallis said: “The station needs a new alarm.”\n\n"
        f"{reported}\n\n{attribution} “We would remind everyone to test their alarms.”".replace(
            "\n\n “", "\n\n“"
        )
    )
    assert people(text) == [("Jim Wallis", None), (None, role)]


@pytest.mark.parametrize(
    "reported",
    [
        "The council said the road would reopen.",  # an organisation
        "A council officer said the road would reopen.",  # a role that may be named later
    ],
    ids=["organisation", "officer"],
)
def test_a_pronoun_after_other_unnamed_subjects_goes_on_as_before(reported: str) -> None:
    text = (
        "Jim Wallis said: “The station needs a new alarm.”\n\n"
        f"{reported}\n\nHe added: “Crews are on site now and working hard.”"
    )
    assert people(text) == [("Jim Wallis", None), ("Jim Wallis", None)]


@pytest.mark.parametrize(
    ("narrative", "attribution"),
    [
        ("Water Minister Rhian Powe said fines must come from profits.", "The minister said:"),
        ("Rhian Powe, the water minister, visited the works.", "The minister said:"),
        ("Chief Constable Rhian Powe welcomed the fine.", "The Chief Constable added:"),
    ],
    ids=["title-before", "title-after", "rank"],
)
def test_a_definite_role_names_the_one_person_the_text_gives_that_title(
    narrative: str, attribution: str
) -> None:
    # regulators' enforcement releases: the minister's words reported, then quoted
    role = attribution.split()[1] if "Chief" not in attribution else "Chief Constable"
    for quoted in (" “Fines will be paid from profits.”", "\n\n“Fines will be paid from profits.”"):
        text = (
            "Jane Lowry, senior officer, said: “The company did not tell us.”\n\n"
            f"{narrative}\n\n{attribution}{quoted}"
        )
        assert people(text) == [("Jane Lowry", "senior officer"), ("Rhian Powe", role)], text


def test_a_definite_role_given_to_two_people_still_names_the_last_speaker() -> None:
    # a negative: two ministers named, neither quoted: the rule of old decides
    text = (
        "Jane Lowry, senior officer, said: “The company did not tell us.”\n\n"
        "Water Minister Rhian Powe and Health Minister Tom Hale visited the works.\n\n"
        "The minister said: “Fines will be paid from profits.”"
    )
    assert people(text)[-1] == ("Jane Lowry", "minister")


@pytest.mark.parametrize(
    ("heading", "speaker", "role"),
    [
        (
            "Statement by Tessa Pine, President and CEO of the Parks Trust",
            "Tessa Pine",
            "President and CEO of the Parks Trust",
        ),
        ("Joint statement from Chief Constable Jo Bright", "Jo Bright", "Chief Constable"),
        ("Statement from Dr Ann Cole, medical director:", "Ann Cole", "medical director"),
        ("Statement from the council", None, "council"),
    ],
    ids=["by", "joint", "colon", "organisation"],
)
def test_a_statement_heading_names_its_quotation(
    heading: str, speaker: str | None, role: str | None
) -> None:
    for marks in ("“”", '""'):
        o, c = marks
        text = (
            f"Ann Lee said: {o}We were pleased.{c}\n\nThe park reopens today.\n\n"
            f"{heading}\n\n{o}It is the job of our wardens to keep visitors safe.{c}"
        )
        assert people(text)[-1] == (speaker, role), text
    body = (
        f"<h1>Park reopens</h1><p>The park reopens today.</p><h2>{heading}</h2>"
        "<blockquote><p>“It is the job of our wardens to keep visitors safe.”</p></blockquote>"
    )
    assert page_people(body) == [(speaker, role)]


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("Local hero Ann Cole:", "Ann Cole"),
        ("Proud volunteer Tom Pike:", "Tom Pike"),
        ("Lifelong campaigner Rhys Owen", "Rhys Owen"),
    ],
    ids=["hero", "volunteer", "no-colon"],
)
def test_a_label_describing_the_speaker_names_the_quotation(label: str, speaker: str) -> None:
    for text in (
        f"The bridge reopened.\n\n{label}\n\n“Anyone would have done the same.”",
        f'The bridge reopened.\n\n{label}\n\n"Anyone would have done the same."',
    ):
        assert people(text) == [(speaker, None)], text
    if label.endswith(":"):
        assert people(f"{label} “Anyone would have done the same.”") == [(speaker, None)]


@pytest.mark.parametrize(
    "heading", ["Tribute to Ann Cole:", "Clean Air Zone:", "Thanks to Tom Pike"]
)
def test_a_heading_with_no_label_or_title_is_still_no_speaker(heading: str) -> None:
    text = f"The bridge reopened.\n\n{heading}\n\n“Anyone would have done the same.”"
    assert people(text) == [(None, None)]


@pytest.mark.parametrize(
    ("narrative", "attribution", "speaker"),
    [
        (
            "Mary Hale died in hospital.\n\nHer only child, Jim Hale, has set up a fund.",
            "Mary’s only child Jim said:",
            "Jim Hale",
        ),
        (
            "Tom Pike died in the crash.\n\nHis son Sam Pike paid tribute to him.",
            "Tom’s son Sam said:",
            "Sam Pike",
        ),
        ("Tom Pike died in the crash.", "His son Sam said:", "Sam"),
    ],
    ids=["apposition", "label-before", "no-full-name"],
)
def test_a_forename_after_a_label_resolves_to_the_full_name(
    narrative: str, attribution: str, speaker: str
) -> None:
    # police releases' family tributes
    for text in (
        f"{narrative}\n\n{attribution} “Mum loved this town and everyone in it.”",
        f'{narrative}\n\n{attribution}\n\n"Mum loved this town and everyone in it."',
    ):
        assert people(text) == [(speaker, None)], text


@pytest.mark.parametrize(
    ("narrative", "pronoun", "speaker"),
    [
        ("Her mum, Ann Cole, 52, paid tribute.", "She", "Ann Cole"),
        ("His dad Tom Cole, 58, paid tribute to him.", "He", "Tom Cole"),
        ("His widow, Kerry Dale, aged 61, thanked the crews.", "She", "Kerry Dale"),
        ("Her dad, Tom Cole, 52, paid tribute.", "She", None),  # the other gender
        ("Tom Vance, 34, of Kelby Road, was charged.", "He", None),  # a defendant
    ],
    ids=["mum", "dad-no-comma", "widow-aged", "other-gender", "no-label"],
)
def test_a_person_with_an_age_after_a_family_label(
    narrative: str, pronoun: str, speaker: str | None
) -> None:
    for text in (
        f"{narrative}\n\n{pronoun} said: “We will miss him every day.”",
        f"A man died in a crash in Kelby. {narrative}\n\n{pronoun} said:\n\nWe will miss him.",
    ):
        assert [s for s, _r in people(text)] == [speaker], text


@pytest.mark.parametrize(
    ("who", "speaker"),
    [
        ("Councillor Basil Dunmore, Grantown,", "Basil Dunmore"),
        ("Cllr Ann Cole, Harbridge North,", "Ann Cole"),
        ("Sgt Tom Hale, Ashby,", "Tom Hale"),
    ],
    ids=["one-word-ward", "two-word-ward", "rank"],
)
def test_a_ward_or_place_after_a_councillors_name_is_no_speaker(who: str, speaker: str) -> None:
    # councils' and inspectorates' round-ups: "Councillor Name, Ward, said:"
    person = parse_attribution(who)
    assert person.speaker == speaker
    for form in _SAID_FORMS:
        text = form.format(who=who.rstrip(","))
        assert [s for s, _r in people(text)] == [speaker], text


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("On Monday Councillor Ann Cole", "Ann Cole", None),
        ("On Tuesday Cllr Tom Pike", "Tom Pike", None),
        ("On 3 March Chief Inspector Ravi Shah", "Ravi Shah", "Chief Inspector"),
        ("In June Deputy Leader Ann Cole", "Ann Cole", "Deputy Leader"),
        ("On Friday Head of Libraries Tom Pike", "Tom Pike", "Head of Libraries"),
        # negatives: a day's name in a title with no adverbial before it stays in it
        ("Monday Club chair Ann Cole", "Ann Cole", "Monday Club chair"),
        ("Yesterday Superintendent Ali Penn", "Ali Penn", "Superintendent"),
    ],
    ids=["councillor", "cllr", "date-title", "month-title", "day-title-of", "club", "adverb"],
)
def test_an_adverbials_day_before_a_title_is_no_part_of_the_role(
    who: str, speaker: str, role: str | None
) -> None:
    # councils' pages: "On Monday Councillor Ann Cole said:" (the role was "Monday")
    assert_reads(who, speaker, role)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "“We know clubs are under strain,” kelbysport chief executive Tom Pike told BBC "
            "Radio Kelby.",
            ("Tom Pike", "kelbysport chief executive"),
        ),
        ("“We know clubs are under strain,” Tom Pike told reporters.", ("Tom Pike", None)),
        (
            '"Lock your doors at night," Sergeant Ann Cole warned residents on Tuesday.',
            ("Ann Cole", "Sergeant"),
        ),
        ("‘We will not give up,’ Ann Cole told the meeting.", ("Ann Cole", None)),
        ("'We will not give up,' Ann Cole told the meeting.", ("Ann Cole", None)),
    ],
    ids=[
        "body-title-told-object",
        "told-reporters",
        "warned-object",
        "single-curly",
        "single-straight",
    ],
)
def test_a_name_and_an_object_verb_after_a_quotation_name_its_speaker(
    paragraph: str, expected: tuple[str, str | None]
) -> None:
    # sports councils' and police pages: "“…,” Name told BBC Scotland."
    text = f"The agency released its funding early.\n\n{paragraph}\n\nThe fund opens in May."
    assert people(text) == [expected], text


@pytest.mark.parametrize(
    "paragraph",
    [
        "“Files were late in every area we visited,” inspectors told the committee.",
        "“Files were late in every area we visited” was what the report told the committee.",
    ],
    ids=["no-name", "no-comma-narrative"],
)
def test_an_object_verb_after_a_quotation_with_no_name_names_nobody(paragraph: str) -> None:
    # negatives: the words before "told" name no person
    text = f"The agency released its funding early.\n\n{paragraph}"
    assert [s for s, _r in people(text)] in ([], [None]), text


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Ann Cole, Harbridge North,", "Ann Cole", None),
        ("Tom Pike, Ashby West", "Tom Pike", None),
        ("Rhys Owen Price, Kelby Vale,", "Rhys Owen Price", None),
        (
            "Ann Cole, Harbridge North, cabinet member for housing,",
            "Ann Cole",
            "cabinet member for housing",
        ),
        (
            "Cllr Ann Cole, Harbridge North, cabinet member for housing",
            "Ann Cole",
            "cabinet member for housing",
        ),
        (
            "Councillor Tom Pike, Grantown, Leader of the Council,",
            "Tom Pike",
            "Leader of the Council",
        ),
        # negatives: a body's name after the name is its role; a title before a name in commas
        ("Tom Pike, Kelby Council,", "Tom Pike", "Kelby Council"),
        ("Chief Executive, Ann Cole,", "Ann Cole", "Chief Executive"),
        ("the council’s leader, Tom Pike,", "Tom Pike", "leader"),
    ],
    ids=[
        "two-word-place",
        "no-commas-after",
        "three-word-name",
        "ward-then-title",
        "honorific-ward-then-title",
        "one-word-ward-then-title",
        "body-after-name",
        "title-before-name",
        "possessive-title-before-name",
    ],
)
def test_a_bare_name_then_a_bare_phrase_in_commas_names_the_first(
    who: str, speaker: str, role: str | None
) -> None:
    # councils' round-ups: "Name, Ward, said:" with no honorific; apposition names the first,
    # and a title after the ward is the speaker's
    assert_parsed(who, speaker, role)
    for form in _SAID_FORMS:
        text = form.format(who=who.rstrip(","))
        assert people(text) == [(speaker, role)], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Superintendent Ali Penn appealed for witnesses.\n\n"
            "Ali Penn said: “Call us with footage.”\n\nThe car was found.\n\n"
            "Mr Penn added: “Thank you.”",
            [("Ali Penn", None), ("Ali Penn", None)],
            id="surname-quoted-before-keeps-the-attributions-role",
        ),
        pytest.param(
            "Chief Constable Jo Bright said: “We welcome the verdict.”\n\n"
            "He added: “Justice has been done for the family.”",
            [("Jo Bright", "Chief Constable"), ("Jo Bright", None)],
            id="pronoun-after-a-quotation-paragraph-keeps-no-title",
        ),
        pytest.param(
            "Lee Owden HMI led the visit.\n\nThe school was rated good.\n\n"
            "The HMI said: “Pupils are proud of their school.”",
            [("Lee Owden", "HMI")],
            id="hmi-alone-names-the-inspector-named-before",
        ),
        pytest.param(
            "Det. Insp. Ann Cole thanked the public for their help.\n\n"
            "She said: “We are keen to hear from anyone with footage.”",
            [("Ann Cole", "Det. Insp.")],
            id="pronoun-after-narrative-keeps-a-dotted-rank",
        ),
        # a negative: the sentence before ends at "Street.", no abbreviation
        pytest.param(
            "The school is on Mill Street. Ann Cole said: “Our pupils have worked hard.”\n\n"
            "“The pupils did well,” said Ann Cole. The Street Trust agreed.",
            [("Ann Cole", None), ("Ann Cole", None)],
            id="stop-after-an-ordinary-word-still-ends-the-attribution",
        ),
        pytest.param(
            "Ann Cole (Chief Executive), speaking at the launch, said: “We are ready.”",
            [("Ann Cole", "Chief Executive")],
            id="role-in-brackets-inside-an-attribution-stays-the-role",
        ),
        # a negative of the body's name rule: "Crown" is a title word, so the name after it is
        # the title's holder, as before, even after a segment that is a name of its own
        pytest.param(
            "Ann Lee, Deputy Chief Inspector of the Crown Sam Okoro, said: "
            "“The area has made progress.”",
            [("Sam Okoro", "Deputy Chief Inspector of the Crown")],
            id="name-right-after-a-title-word-in-a-later-segment",
        ),
        # a negative: the paragraph before the reported speech is the speaker's own quotation
        pytest.param(
            "Jim Wallis said: “The station needs a new alarm.”\n\n"
            "He said that the station was built in 1960.\n\n"
            "He added: “It is time for the service to replace it.”",
            [("Jim Wallis", None), ("Jim Wallis", None)],
            id="pronoun-after-reported-speech-following-a-quotation",
        ),
        # a negative: no colon, and the words before the quotation are no heading
        pytest.param(
            "The report includes comments from residents “that the road was unsafe at night”.",
            [],
            id="statement-inside-a-sentence-is-still-a-citation",
        ),
    ],
)
def test_the_speakers_of_a_text(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    # single texts of several rules, each with its speakers and roles in order
    assert people(text) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "‘No decisions have been made yet,’ Mr Hendry said. "
            "‘We want to hear from staff and patients first.’",
            [
                ("Mark Hendry", "Medical Director", "No decisions have been made yet"),
                ("Mark Hendry", None, "We want to hear from staff and patients first."),
            ],
        ),
        (
            "‘We will publish the plan in the spring,’ said Ann Cole, chair.",
            [("Ann Cole", "chair", "We will publish the plan in the spring")],
        ),
        (
            "‘We’ve done it’, said Dr. Ann Cole. ‘The pupils’ work shows it.’",
            [
                ("Ann Cole", None, "We’ve done it"),
                ("Ann Cole", None, "The pupils’ work shows it."),
            ],
        ),
        (
            "'No decisions have been made yet,' Mr Hendry said. "
            "'We want to hear from staff and patients first.'",
            [
                ("Mark Hendry", "Medical Director", "No decisions have been made yet"),
                ("Mark Hendry", None, "We want to hear from staff and patients first."),
            ],
        ),
        (
            "'We will publish the plan in the spring,' said Ann Cole, chair.",
            [("Ann Cole", "chair", "We will publish the plan in the spring")],
        ),
        (
            "'We've done it', said Dr. Ann Cole. 'The pupils' work shows it.'",
            [
                ("Ann Cole", None, "We've done it"),
                ("Ann Cole", None, "The pupils' work shows it."),
            ],
        ),
        (
            # a negative: the first closing mark has no attribution after it
            "'Is it ready?' Mr Hendry asked the staff. 'Not yet,' he said.",
            [],
        ),
        (
            "- 'It's the residents' park,' Ann Cole said.",
            [("Ann Cole", None, "It's the residents' park")],
        ),
    ],
    ids=[
        "name-said-then-reopened",
        "said-name-role",
        "comma-outside-and-apostrophes",
        "straight-name-said-then-reopened",
        "straight-said-name-role",
        "straight-comma-outside-and-apostrophes",
        "straight-first-closer-no-attribution",
        "straight-bullet",
    ],
)
def test_a_quotation_in_single_marks_split_round_its_attribution(
    paragraph: str, expected: list[tuple[str | None, str | None, str]]
) -> None:
    # health boards' pages: "‘…,’ Mr X said. ‘…’" in single marks; the same typed with
    # straight marks (text copied from plain-text releases)
    lede = "Medical Director Mark Hendry opened the consultation."
    for after in ("\n\nThe consultation closes in June.", ""):
        text = f"{lede}\n\n{paragraph}{after}"
        got = [(s, r, w) for s, r, _n, w in quotes(text)]
        assert got == expected, text


@pytest.mark.parametrize(
    "paragraph",
    [
        "'It was the pupils', the parents' and the staff's effort that counted.'",
        "'80s music, the organisers said, will be played all night.",
        "The officers' work, Mr Hale said, was good.",
        "'Tis the season, as the residents' leaflet says.",
        "'We will act,' is what the report's authors wanted to hear.",
    ],
    ids=["possessives-no-attribution", "decade", "possessive-mid-sentence", "elision", "no-verb"],
)
def test_straight_apostrophes_are_no_quotation_marks(paragraph: str) -> None:
    # negatives: a straight mark is a quotation's only where an attribution follows it
    text = f"Kelby Council opened the park.\n\n{paragraph}\n\nThe park opens at 8am."
    assert quotes(text) == [], text


@pytest.mark.parametrize(
    "paragraph",
    [
        "‘It was the pupils’, the parents’ and the staff’s effort that counted.’",
        "‘Our pupils’ work, and our staff’s, shows how far we have come.’",
    ],
    ids=["possessives-and-commas", "apostrophes"],
)
def test_apostrophes_in_a_single_mark_quotation_do_not_split_it(paragraph: str) -> None:
    # a negative: a "’" with no attribution after it is an apostrophe
    text = f"Ann Cole said:\n\n{paragraph}"
    assert [(s, n) for s, _r, n, _w in quotes(text)] == [("Ann Cole", 1)]


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Ombudsman Michelle Morrow", "Michelle Morrow", "Ombudsman"),
        ("the Ombudsman, Michelle Morrow,", "Michelle Morrow", "Ombudsman"),
        ("Jon Brearton, Ofgem CEO,", "Jon Brearton", "Ofgem CEO"),
        ("On behalf of the trust, Ian Moss,", "Ian Moss", None),
        ("In a statement to the Board, Ian Moss,", "Ian Moss", None),
        ("The trust’s chief executive, Ian Moss,", "Ian Moss", "chief executive"),
    ],
    ids=["ombudsman", "the-ombudsman", "ceo", "on-behalf-of", "in-a-statement", "title"],
)
def test_ombudsmen_and_regulators_titles_and_an_adverbial_before_a_name(
    who: str, speaker: str, role: str | None
) -> None:
    # ombudsmen's and regulators' releases
    assert_reads(who, speaker, role)


def test_the_ombudsman_alone_names_the_ombudsman_named_before() -> None:
    text = (
        "Ombudsman Michelle Morrow found the council at fault.\n\n"
        "Cllr Tom Hale said: “We accept the findings.”\n\n"
        "The Ombudsman said: “The council must now apologise.”"
    )
    assert people(text) == [("Tom Hale", None), ("Michelle Morrow", "Ombudsman")]


@pytest.mark.parametrize(
    ("narrative", "role"),
    [
        ("Medical Director Mark Hendry opened the new clinic.", "Medical Director"),
        ("Clinical Lead Mark Hendry opened the new clinic.", "Clinical Lead"),
        ("Yesterday Superintendent Mark Hendry opened the new clinic.", "Superintendent"),
        ("On Monday Superintendent Mark Hendry opened the new clinic.", "Superintendent"),
        ("At the Kelby Arts Centre Mark Hendry opened the new clinic.", None),
    ],
    ids=["medical", "clinical", "adverb", "day", "place"],
)
def test_a_capitalised_modifier_before_a_narrative_title_stays_in_it(
    narrative: str, role: str | None
) -> None:
    # health boards' pages: the title given in the narrative, the surname in the attribution
    for text in (
        f"{narrative}\n\nMr Hendry said: “The clinic will see its first patients in May.”",
        f"{narrative}\n\nHe said: “The clinic will see its first patients in May.”",
    ):
        assert people(text) == [("Mark Hendry", role)], text


@pytest.mark.parametrize(
    ("welsh", "speaker", "role"),
    [
        (
            "Dywedodd Prif Weithredwr y Bwrdd, Ann Cole: “Rydym yn falch iawn o agor y clinig.”",
            "Ann Cole",
            "Prif Weithredwr y Bwrdd",
        ),
        ("Meddai’r Cynghorydd Tom Pike: “Mae hwn yn newyddion da i’r dref.”", "Tom Pike", None),
        (
            "“Mae hwn yn newyddion da i’r dref,” meddai Arweinydd y Cyngor, Tom Pike.",
            "Tom Pike",
            "Arweinydd y Cyngor",
        ),
        (
            "Ychwanegodd Ann Cole, Cyfarwyddwr Addysg:\n\n“Rydym yn falch iawn o’r disgyblion.”",
            "Ann Cole",
            "Cyfarwyddwr Addysg",
        ),
    ],
    ids=["dywedodd", "meddair-cynghorydd", "meddai-after", "ychwanegodd"],
)
def test_welsh_attributions_on_bilingual_pages(welsh: str, speaker: str, role: str | None) -> None:
    # health boards', councils' and Welsh Government's bilingual pages: the Welsh text first,
    # its speech verb before the name ("Dywedodd", "Meddai", "Ychwanegodd")
    text = (
        f"Mae’r bwrdd iechyd wedi agor clinig newydd.\n\n{welsh}\n\n"
        "The health board has opened a new clinic.\n\n"
        f"{speaker}, chair, said: “We are very pleased to open the clinic.”"
    )
    assert people(text) == [(speaker, role), (speaker, "chair")]


def test_a_welsh_word_alone_before_a_quotation_is_no_attribution() -> None:
    # a negative: a Welsh sentence with no speech verb before a quotation names nobody
    text = (
        "Mae’r bwrdd iechyd wedi agor clinig newydd.\n\n"
        "Diolch i bawb: “Rydym yn falch iawn o agor y clinig.”"
    )
    assert people(text) == [(None, None)]


@pytest.mark.parametrize("bullet", ["-", "•", "*"])
@pytest.mark.parametrize("marks", ["“”", '""'], ids=["curly", "straight"])
def test_a_speaker_per_item_of_a_list_in_one_paragraph(bullet: str, marks: str) -> None:
    # a web page's list is one paragraph, an item a line: each item names its own speaker
    o, c = marks
    text = (
        "The scheme was launched on Monday.\n\n"
        f"{bullet} Ann Cole, chair: {o}We are pleased with the result.{c}\n"
        f"{bullet} Tom Pike, leader: {o}This is a big day for the town.{c}\n"
        f"{bullet} {o}Every household will benefit from the new service,{c} said Ruth Dale."
    )
    assert people(text) == [("Ann Cole", "chair"), ("Tom Pike", "leader"), ("Ruth Dale", None)]


def test_list_items_with_no_speaker_of_their_own_in_one_paragraph() -> None:
    # a negative: items that only quote, after an intro with no person, name nobody, and are
    # no citations
    text = (
        "Lede.\n\nVictims told inspectors:\n\n"
        '- "I was kept informed at every stage of my case."\n'
        '- "Nobody called me back for weeks after the hearing."\n\nEnd.'
    )
    got = quotes(text)
    assert [(q[0], q[2]) for q in got] == [(None, 1), (None, 1)]


@pytest.mark.parametrize(
    "who",
    [
        "Ann Cole, chair, and Tom Pike, leader,",
        "Ann Cole, who chairs the board, and Tom Pike both",
        "Ann Cole and Tom Pike",
    ],
    ids=["roles", "clause", "plain"],
)
def test_two_people_joined_by_and_name_nobody(who: str) -> None:
    assert_parsed(who, None, None)


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        (
            "Tom Hale, Cabinet Member for Children, Young People and Education",
            "Tom Hale",
            "Cabinet Member for Children, Young People and Education",
        ),
        (
            "Ann Cole, Head of Planning and Regeneration",
            "Ann Cole",
            "Head of Planning and Regeneration",
        ),
    ],
    ids=["listed-subjects", "and-in-a-title"],
)
def test_and_inside_a_title_is_no_second_person(who: str, speaker: str, role: str) -> None:
    # a negative: "and" between a title's subjects
    assert_parsed(who, speaker, role)


@pytest.mark.parametrize("pronoun", ["they", "it", "we"])
def test_an_impersonal_pronoun_after_a_quotation_names_nobody(pronoun: str) -> None:
    text = (
        "Ann Cole said: “We are pleased.”\n\n"
        "Ann Cole and Tom Pike both welcomed the news.\n\n"
        f"“It is a great day for the town,” {pronoun} said."
    )
    assert people(text) == [("Ann Cole", None), (None, None)]


# Round 7: forms read on real pages (local news, councils, police, health, regulators).


@pytest.mark.parametrize(
    ("narrative", "role"),
    [
        (
            "Tom Bent, leader of the opposition on Kelby Council, attended the same school "
            "as the singer.",
            "leader of the opposition on Kelby Council",
        ),
        (
            "Ann Cole, chair of governors, visited the board and the staff on Monday.",
            "chair of governors",
        ),
        ("Tom Bent, head of service, opened the new school.", "head of service"),
        # a negative: no appositive at all, the object's role word still gives no role
        ("Tom Bent attended the same school as the singer.", None),
    ],
    ids=["school", "board", "opened-school", "no-appositive"],
)
def test_a_sentences_last_segment_is_its_verb_not_a_role(narrative: str, role: str | None) -> None:
    # the paragraph's subject names the pronoun's quotation; the words after its last comma
    # are its verb and object, never a role, whatever role word the object holds
    speaker = narrative.split(",")[0].split(" attended")[0]
    text = f"{narrative} “There will be many people touched by this,” he said."
    assert people(text) == [(speaker, role)]


@pytest.mark.parametrize(
    ("who", "role"),
    [
        ("After the hearing an Environment Agency spokesman", "Environment Agency spokesman"),
        ("Speaking after sentencing the officer in the case", "officer in the case"),
        ("After the hearing an officer from the Kelby Agency", "officer from the Kelby Agency"),
        (
            "Speaking after the meeting the senior investigating officer",
            "senior investigating officer",
        ),
        ("In court the prosecutor", "prosecutor"),
        ("Following the verdict Kelby Council spokesperson", "Kelby Council spokesperson"),
        # negatives: no adverbial, the role stays whole
        ("The trust spokesperson", "trust spokesperson"),
        ("An officer from the Kelby Agency", "officer from the Kelby Agency"),
    ],
    ids=[
        "after-an",
        "speaking-the",
        "of-body",
        "meeting-the",
        "in-court",
        "no-article",
        "plain",
        "plain-from",
    ],
)
def test_an_adverbial_run_into_a_role_with_no_name_is_left_out(who: str, role: str) -> None:
    assert_parsed(who, None, role)
    text = f"{who} said: “The company ignored repeated warnings about the discharge.”"
    assert people(text) == [(None, role)]


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Tom Holland from Families Against Knife Crime", "Tom Holland", None),
        ("Tom Holland from Parents Bereaved Through Car Crime", "Tom Holland", None),
        ("Det Sgt Ann Cole from Kelby Against Car Crime", "Ann Cole", "Det Sgt"),
        ("Ann Cole of Kelby Friends of the Earth", "Ann Cole", None),
        # negatives: a title word after the preposition, or the name after the body
        (
            "Kelby Friends of the Earth coordinator Ann Cole",
            "Ann Cole",
            "Kelby Friends of the Earth coordinator",
        ),
        (
            "Chair of Kelby Against Knife Crime Tom Holland",
            "Tom Holland",
            "Chair of Kelby Against Knife Crime",
        ),
        ("Watch Manager Ian Moss from Dunmere Fire Station", "Ian Moss", "Watch Manager"),
    ],
    ids=["knife-crime", "car-crime", "rank", "friends", "coordinator", "chair-of", "station"],
)
def test_a_body_whose_last_words_read_as_a_name_is_no_speaker(
    who: str, speaker: str, role: str | None
) -> None:
    assert_reads(who, speaker, role)


@pytest.mark.parametrize(
    ("narrative", "pronoun", "speaker", "role"),
    [
        (
            "The new centre has been welcomed by Cllr Ann Cole, cabinet member for communities.",
            "She",
            "Ann Cole",
            "cabinet member for communities",
        ),
        (
            "The library was officially opened by the Mayor of Kelby, Cllr Tom Pike, on Friday.",
            "He",
            "Tom Pike",
            "Mayor of Kelby",
        ),
        (
            "The funding was welcomed by Kelby’s Senedd Member Huw Dafydd.",
            "He",
            "Huw Dafydd",
            "Senedd Member",
        ),
        ("The garden was planted by Ann Cole at a ceremony last week.", "She", "Ann Cole", None),
        # negatives: no person as the agent, two people, or a pronoun of the other gender
        ("The scheme has been welcomed by residents and businesses.", "She", "Tom Hale", None),
        ("The report was published by Kelby Council.", "He", "Tom Hale", None),
        ("The plan was backed by Ann Cole and Tom Pike.", "She", "Tom Hale", None),
        ("The ward was opened by Mrs Ann Cole.", "He", "Tom Hale", None),
    ],
    ids=[
        "welcomed",
        "opened-mayor",
        "possessive",
        "adverbial-after",
        "residents",
        "council",
        "two-people",
        "other-gender",
    ],
)
def test_a_pronoun_after_a_passive_names_its_agent(
    narrative: str, pronoun: str, speaker: str, role: str | None
) -> None:
    text = (
        "Tom Hale said: “We are pleased with the plans for the town.”\n\n"
        f"{narrative}\n\n"
        f"{pronoun} said: “This is a fantastic addition to the town centre.”"
    )
    assert people(text)[1] == (speaker, role)


@pytest.mark.parametrize(
    "narrative",
    [
        "Assistant Chief Officer Lewis Ramsey praised the first crews and described their "
        "efforts as “outstanding”.",
        "Assistant Chief Officer Lewis Ramsey called the crews’ work “outstanding” in a "
        "statement to “The Kelby Post” on Monday.",
        # a mark typed the wrong way round still pairs with its close
        "Assistant Chief Officer Lewis Ramsey described their efforts as ”outstanding”.",
    ],
    ids=["cited-word", "two-citations", "wrong-way-mark"],
)
def test_a_pronoun_after_narrative_citing_a_word_names_its_subject(narrative: str) -> None:
    text = f"{narrative}\n\n“The first crews did a great job,” he said."
    assert people(text) == [("Lewis Ramsey", "Assistant Chief Officer")]


def test_a_narrative_sentence_quoting_a_long_passage_is_no_citation() -> None:
    # a negative: a passage of more than 60 characters is a quotation, not a citation; the
    # sentence names no subject, and the pronoun takes the last speaker, as before
    text = (
        "Ann Cole said: “We are pleased.”\n\n"
        "Tom Hale read out a letter saying “we have tried every single way we could think of "
        "to reach the family and we failed”.\n\n"
        "“The first crews did a great job,” she said."
    )
    assert people(text)[-1] == ("Ann Cole", None)


def test_narrative_sentences_with_many_citations_cost_linear_time() -> None:
    from pipeline.extract.quotes import _narrative_sentence

    for unit in ("“ab” ", "Ann “ab” Cole ", "A. “b” "):
        text = unit * 20_000
        # every start reads a bounded run: the whole scan finds its sentences in one pass
        assert sum(1 for _ in _narrative_sentence().finditer(text)) < len(text)


@pytest.mark.parametrize(
    ("label", "speaker", "role"),
    [
        ("Cllr Ann Cole – Cabinet Member for Housing", "Ann Cole", "Cabinet Member for Housing"),
        ("Tom Hale - Commissioner of Police", "Tom Hale", "Commissioner of Police"),
        ("Ann Cole — Chief Executive, Kelby Homes", "Ann Cole", "Chief Executive, Kelby Homes"),
        # negatives: a heading with a dash names nobody, and a dash inside a title stays
        ("Clean Air Zone – what you need to know", None, None),
        ("Tribute to Ann Cole – 1950 to 2024", None, None),
    ],
    ids=["en-dash", "hyphen", "em-dash", "heading", "tribute"],
)
def test_a_speakers_label_with_a_dash_after_the_name(
    label: str, speaker: str | None, role: str | None
) -> None:
    text = (
        "The plans were approved on Monday.\n\n"
        f"{label}\n\n"
        "“We are delighted that the scheme has been approved by the planning committee.”"
    )
    assert people(text) == [(speaker, role)]


def test_a_dash_inside_a_title_before_the_name_stays_in_it() -> None:
    assert_parsed("Head of Service – Adults, Ann Cole", "Ann Cole", "Head of Service – Adults")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“I made a promise to the tenants,” explained Ann Cole, the council leader: "
            "“The tenants were very clear that they wanted to stay.”",
            [("Ann Cole", "council leader"), ("Ann Cole", "council leader")],
        ),
        (
            "“I made a promise to the tenants,” said Tom Hale: “They wanted to stay.”",
            [("Tom Hale", None), ("Tom Hale", None)],
        ),
        # a negative: the name first and a colon introduces the next quotation, as before
        (
            "“I made a promise to the tenants.” Tom Hale said: “They wanted to stay.”",
            [(None, None), ("Tom Hale", None)],
        ),
    ],
    ids=["verb-first-role", "verb-first", "name-first"],
)
def test_an_attribution_after_a_quotation_may_end_with_a_colon(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert people(text) == expected


@pytest.mark.parametrize(
    ("signature", "after", "expected"),
    [
        ("Cllr Ann Cole", "", [("Ann Cole", None)]),
        (
            "Ann Cole, Cabinet Member for Housing",
            "Further reading.",
            [("Ann Cole", "Cabinet Member for Housing")],
        ),
        # negatives: a label over the next quotation is that one's (a round-up of speakers),
        # and a heading with no title names nobody
        (
            "Tom Pike, Chair of Governors",
            "“We will keep a close watch on the plans over the next year.”",
            [(None, None), ("Tom Pike", "Chair of Governors")],
        ),
        ("Housing Update", "The next meeting is in May.", [(None, None)]),
        ("Ann Cole, Press Officer, 01234 567890", "", [(None, None)]),
    ],
    ids=["honorific", "role", "label-of-the-next", "heading", "contact"],
)
def test_a_quotation_signed_under_it_with_no_dash(
    signature: str, after: str, expected: list[tuple[str | None, str | None]]
) -> None:
    text = (
        "At last month’s meeting, councillors raised concerns.\n\n"
        "“It is really important that we emphasise our deep concern about these plans.”\n\n"
        f"{signature}\n\n{after}"
    ).rstrip()
    assert people(text) == expected


@pytest.mark.parametrize(
    ("between", "speaker"),
    [
        ("He also praised the first speeches as “impressive in their warmth”.", "Tom Hale"),
        ("He thanked the staff. He welcomed the report.", "Tom Hale"),
        # negatives: a long quotation in the pronoun's paragraph, or no verb in the past
        (
            "He also read out “a letter from the family thanking every crew who came to help "
            "on that night in the town”.",
            "Ann Cole",
        ),
        ("He is the longest-serving member of the board.", "Ann Cole"),
    ],
    ids=["praised-cited", "two-acts", "long-quotation", "present"],
)
def test_a_pronoun_after_paragraphs_of_its_acts_names_the_person_before(
    between: str, speaker: str
) -> None:
    text = (
        "Ann Cole said: “We are pleased.”\n\n"
        "President Tom Hale said the return “will be welcomed by all”.\n\n"
        f"{between}\n\n"
        "“The speeches of both ministers were most impressive,” he said."
    )
    assert people(text)[-1] == (speaker, None)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "“It was the hardest night of my career,” recalls Watch Manager Ann Cole.",
            "Ann Cole",
            "Watch Manager",
        ),
        ("Ann Cole, who led the crews, recalled: “It was the hardest night.”", "Ann Cole", None),
        (
            "Kelby Council’s head of waste, Tom Pike, urges: “Please put your bins out by 7am.”",
            "Tom Pike",
            "head of waste",
        ),
        (
            "“We got this wrong and we are sorry,” admits Tom Pike, the trust’s chief executive.",
            "Tom Pike",
            "chief executive",
        ),
        (
            "“I never told anyone about that night,” confides Ann Cole, a retired nurse.",
            "Ann Cole",
            "retired nurse",
        ),
        # a negative: the verb as an ordinary verb of narrative
        (
            "The firm recalled 200 cars. “We acted quickly to protect customers,” Ann Cole said.",
            "Ann Cole",
            None,
        ),
    ],
    ids=["recalls", "recalled", "urges", "admits", "confides", "recalled-cars"],
)
def test_more_speech_verbs_of_real_pages(text: str, speaker: str, role: str | None) -> None:
    assert people(text) == [(speaker, role)]


def test_an_exclamation_inside_a_citation_is_no_sentence_of_narrative() -> None:
    # "Hello!" inside the marks is no sentence whose subject a pronoun could name
    text = (
        "Ann Cole said: “We are pleased.”\n\n"
        "Tom Hale visited the site and pupils sang “Hello! Welcome” for him.\n\n"
        "“The first crews did a great job,” he said."
    )
    assert "Hello" not in [s for s, _r in people(text)]


def test_a_passive_agent_with_long_runs_costs_linear_time() -> None:
    from pipeline.extract.quotes import _passive_agent

    assert _passive_agent("The hall was opened by Ann Cole on Friday.") == "Ann Cole"
    assert _passive_agent("The hall was opened by Ann Cole, at a ceremony.") == "Ann Cole"
    # a run of spaces is read once, and words with no passive in them are passed once
    assert _passive_agent("The hall was opened by Ann" + " " * 200_000 + "Cole.").endswith("Cole")
    assert _passive_agent("was " * 50_000) == ""


# --- round 8 real-page forms: lifeboats, ambulances, parks, Scottish councils, fire ranks ----


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        ("Coxswain Tom Hale", "Tom Hale", "Coxswain"),
        ("Tom Hale, volunteer coxswain", "Tom Hale", "volunteer coxswain"),
        ("Paramedic Ann Cole", "Ann Cole", "Paramedic"),
        ("Ann Cole, advanced paramedic", "Ann Cole", "advanced paramedic"),
        ("Firefighter Tom Hale", "Tom Hale", "Firefighter"),
        ("Convener Ann Cole", "Ann Cole", "Convener"),
        ("Ann Cole, the council’s convener", "Ann Cole", "convener"),
        ("Depute Provost Tom Hale", "Tom Hale", "Depute Provost"),
        ("Tom Hale, Provost of Kelby", "Tom Hale", "Provost of Kelby"),
        ("Bailie Ann Cole", "Ann Cole", "Bailie"),
        ("Countryside Ranger Tom Hale", "Tom Hale", "Countryside Ranger"),
        ("Midwife Ann Cole", "Ann Cole", "Midwife"),
        ("Ann Cole, curator", "Ann Cole", "curator"),
        ("Tom Hale, emergency medical technician", "Tom Hale", "emergency medical technician"),
        ("Tom Hale, duty controller", "Tom Hale", "duty controller"),
        ("Dr Ann Cole, a GP in Kelby", "Ann Cole", "GP in Kelby"),
        ("Tom Hale, lifeboat mechanic", "Tom Hale", "lifeboat mechanic"),
        ("Ann Cole, ecologist at Natural Kelby", "Ann Cole", "ecologist at Natural Kelby"),
        ("Tom Hale, Trefnydd", "Tom Hale", "Trefnydd"),
        # negatives: surnames that are titles elsewhere are no title words (Helm, Warden), and
        # a label stays a label, not a role ("Volunteer", descriptive_labels)
        ("Ann Helm", "Ann Helm", None),
        ("Tom Warden", "Tom Warden", None),
        ("Volunteer Ann Cole", "Ann Cole", None),
    ],
)
def test_titles_of_lifeboats_ambulances_parks_and_scottish_councils(
    who: str, speaker: str, role: str | None
) -> None:
    # before these were title words, "Coxswain Tom Hale" was read as the speaker's whole name
    # and "Tom Hale, Provost of Kelby" gave no role
    assert_reads(who, speaker, role)


@pytest.mark.parametrize(
    ("intro", "again", "speaker", "role"),
    [
        ("Provost Tom Hale opened the new hall.", "Provost Hale said:", "Tom Hale", "Provost"),
        ("Coxswain Ann Cole led the crew.", "Coxswain Cole added:", "Ann Cole", "Coxswain"),
        # fire ranks written as initials before a surname alone
        ("Group Manager Tom Hale said the risk was high.", "GM Hale added:", "Tom Hale", "GM"),
        ("Watch Manager Ann Cole praised the crews.", "WM Cole said:", "Ann Cole", "WM"),
        ("Station Manager Tom Hale visited the site.", "SM Hale said:", "Tom Hale", "SM"),
    ],
)
def test_a_surname_after_these_titles_resolves_to_the_full_name(
    intro: str, again: str, speaker: str, role: str
) -> None:
    text = f"{intro}\n\n{again} “The crews did a fantastic job in hard conditions.”"
    assert people(text) == [(speaker, role)]


@pytest.mark.parametrize(
    ("before", "again", "speaker", "role"),
    [
        (
            "Tom Hale said: “We opened the centre on Monday and it has gone well.”",
            "When asked about the delays, he said:",
            "Tom Hale",
            None,
        ),
        (
            "Speaking on BBC Radio Kelby, chief executive Ann Cole said: “Please drink sensibly.”",
            "Asked about the cause of the rise in calls, she said:",
            "Ann Cole",
            None,
        ),
        # the narrative's subject, with the title it gives, as for "He said:" alone
        (
            "Chief Constable Ann Cole has responded to the settlement.",
            "Asked whether more officers would follow, she said:",
            "Ann Cole",
            "Chief Constable",
        ),
        # negatives: a name after the clause is the speaker; "it" names nobody
        (
            "Ann Cole said: “We opened the centre on Monday and it has gone well.”",
            "Asked about the delays, Tom Hale said:",
            "Tom Hale",
            None,
        ),
        (
            "Ann Cole said: “We opened the centre on Monday and it has gone well.”",
            "In a statement on Friday, it said:",
            None,
            None,
        ),
    ],
    ids=["when-asked-he", "asked-she", "narrative-subject", "asked-name", "statement-it"],
)
def test_a_pronoun_after_a_clause_of_the_question_is_a_pronoun(
    before: str, again: str, speaker: str | None, role: str | None
) -> None:
    text = f"{before}\n\n{again} “This pressure is a result of flu and other viruses.”"
    assert people(text)[-1] == (speaker, role)


@pytest.mark.parametrize(
    ("who", "speaker", "role"),
    [
        # a relative clause after the name with no comma before it
        (
            "Detective Superintendent Tom Hale who is leading the investigation",
            "Tom Hale",
            "Detective Superintendent",
        ),
        ("Paramedic Ann Cole who was first on scene", "Ann Cole", "Paramedic"),
        ("Ann Cole whose son was rescued", "Ann Cole", None),
        # the body a titled person works for, after "for" (as after "of", "from", "at")
        (
            "Detective Chief Inspector Tom Hale for the PSNI",
            "Tom Hale",
            "Detective Chief Inspector",
        ),
        (
            "Detective chief inspector Ann Cole for Kelby Police",
            "Ann Cole",
            "Detective chief inspector",
        ),
        # negatives: "for" inside a title before the name stays the title's; a clause after a
        # comma is read as before
        ("Cabinet Member for Housing Ann Cole", "Ann Cole", "Cabinet Member for Housing"),
        (
            "Head of Policy for Kelby Council Tom Hale",
            "Tom Hale",
            "Head of Policy for Kelby Council",
        ),
        ("Tom Hale, who chairs the board,", "Tom Hale", None),
    ],
)
def test_a_bare_relative_clause_and_a_body_after_for_are_no_part_of_the_name(
    who: str, speaker: str, role: str | None
) -> None:
    assert_reads(who, speaker, role)


def test_a_relative_clause_after_a_common_noun_names_nobody() -> None:
    # a negative: "The man who found the dog" is no name, with the comma or without
    assert people("The man who found the dog said: “It was lying in the road.”") == [(None, None)]


def test_a_comma_before_a_relative_costs_linear_time() -> None:
    from pipeline.extract.quotes import _comma_before_relative

    assert _comma_before_relative("Ann Cole who chairs it") == "Ann Cole, who chairs it"
    assert _comma_before_relative("Ann" + " who" * 50_000).count(",") == 1
    assert _comma_before_relative("A" * 100_000 + " who is") == "A" * 100_000 + ", who is"


@pytest.mark.parametrize(
    ("after", "role"),
    [
        ("a spokesperson said.", "spokesperson"),
        ("a council spokeswoman said.", "council spokeswoman"),
        ("said a spokesperson.", "spokesperson"),
        ("the spokesman added.", "spokesman"),
        ("a spokesperson for Kelby Council said.", "spokesperson for Kelby Council"),
        # negatives: a source and a statement are no title of a person
        ("a source said.", None),
        ("the statement said.", None),
    ],
)
def test_an_unnamed_spokesperson_in_lower_case_after_a_quotation_gives_the_role(
    after: str, role: str | None
) -> None:
    # before, an attribution after the quotation needed a capitalised word: a lower-case
    # spokesperson gave no role
    text = f"Tom Hale opened the hall.\n\n“We are aware of the fault and will fix it,” {after}"
    assert people(text) == [(None, role)]


@pytest.mark.parametrize(
    ("after", "speaker", "role"),
    [
        ("Mary Hale said in a statement.", "Mary Hale", None),
        (
            "Detective Inspector Tom Hale said at a press conference on Monday.",
            "Tom Hale",
            "Detective Inspector",
        ),
        ("Tom Hale said on Friday, adding that the search would go on.", "Tom Hale", None),
        # a family's statement names no person, and is no earlier speaker's
        ("his family said in a statement.", None, "his family"),
        ("the family said.", None, None),
    ],
    ids=["in-a-statement", "at-a-press-conference", "on-friday-adding", "family-in", "family"],
)
def test_an_adverbial_after_the_verb_after_a_quotation_keeps_its_attribution(
    after: str, speaker: str | None, role: str | None
) -> None:
    # before, "“…,” Mary Hale said in a statement." was read as unattributed and took the
    # last speaker (Ann Cole)
    text = (
        "Ann Cole said: “We are investigating the fire.”\n\n"
        f"“Tom was a loving father who would do anything for anyone,” {after}"
    )
    assert people(text)[-1] == (speaker, role)


def test_a_pronoun_with_an_adverbial_after_a_quotation_names_the_narratives_subject() -> None:
    text = (
        "Ann Cole was named leader of the council.\n\n"
        "“It is a very tough job, let us just see what happens,” she said when asked last week."
    )
    assert people(text) == [("Ann Cole", None)]


def test_a_sentence_after_a_stop_with_an_adverbial_is_narrative() -> None:
    # a negative: after a full stop, "Tom Hale said in March that …" is a sentence of its own,
    # not the quotation's attribution (the quotation goes on from the last speaker, as before)
    text = (
        "Ann Cole said: “We are investigating the fire at the hall.”\n\n"
        "“We will reopen the hall.” Tom Hale said in March that the hall would close for good."
    )
    assert people(text)[-1] == ("Ann Cole", None)


def test_a_split_quotation_with_an_adverbial_in_its_attribution_is_one_speakers() -> None:
    text = "“We will not give up,” Tom Hale said at the meeting, “and we will find them.”"
    assert people(text) == [("Tom Hale", None), ("Tom Hale", None)]


@pytest.mark.parametrize(
    "tail",
    [
        " Mary Hale said in a statement.",
        " his family said on Friday, adding more.",
        " she said when asked.",
        " Tom Hale said at the meeting, “and",
        " Tom Hale told the BBC.",
        " said Tom Hale in a statement.",
        " the leaflet in the hall said.",
        " in Kelby " * 3000,
    ],
)
def test_the_adverbial_pattern_is_tried_wherever_it_may_match(tail: str) -> None:
    # the gate (_verb_then_adverbial) never hides a match of the pattern where
    # "after_name_first" finds none
    pats = _verb_patterns()
    first = pats["after_name_first"].match(tail)
    plain = first or pats["after_name_adverbial"].match(tail)
    got = [m.span() for m in _after_matches(tail, adverbial=True)]
    expected = [m.span() for m in (pats["after_verb_first"].match(tail), plain) if m]
    if (told := pats["after_name_told"].match(tail)) is not None:
        expected.append(told.span())
    assert got == expected


@pytest.mark.parametrize(
    ("intro", "who", "speaker"),
    [
        (
            "Infrastructure Minister Tom Hale has announced a new road scheme.",
            "The Sinn Féin minister",
            "Tom Hale",
        ),
        (
            "Infrastructure Minister Tom Hale has announced a new road scheme.",
            "The Labour minister",
            "Tom Hale",
        ),
        # a negative: two holders of the title named before, so nobody
        (
            "Infrastructure Minister Tom Hale and Health Minister Ann Cole visited the site.",
            "The Sinn Féin minister",
            None,
        ),
    ],
)
def test_a_role_with_a_two_word_party_names_the_one_holder_of_the_title(
    intro: str, who: str, speaker: str | None
) -> None:
    # before, the party's two capitalised words before "minister" in the attribution itself
    # were taken for a second holder of the title ("Sinn Féin"), so nobody was named
    text = f"{intro}\n\n{who} said: “The budget has fallen well short of the capital needed.”"
    assert [s for s, _r in people(text)] == [speaker]


@pytest.mark.parametrize(
    "after",
    ["he later said.", "he had said.", "he had said when asked last week.", "he also said."],
)
def test_a_pronoun_with_an_adverb_or_auxiliary_after_a_quotation_is_attributed(after: str) -> None:
    # before, "he later" was no plausible attribution (no capital, no pronoun alone): the
    # quotation took the last speaker (Ann Cole) instead of the narrative's subject
    text = (
        "Ann Cole said: “We are investigating the fire.”\n\n"
        "Tom Hale opened the new station on Monday.\n\n"
        f"“It is a very tough job, let us just see what happens,” {after}"
    )
    assert people(text)[-1] == ("Tom Hale", None)


@pytest.mark.parametrize(
    ("before", "speaker"),
    [
        ("Tom Hale opened the new station on Monday. He was blunt:", "Tom Hale"),
        ("Ann Cole, who runs the park, was asked about visitors. She is sympathetic:", "Ann Cole"),
        ("Tom Hale opened the new station on Monday. He remains deeply angry:", "Tom Hale"),
        # negatives: no pronoun, or more than an adjective or two before the colon
        ("Tom Hale opened the new station on Monday. The message is simple:", None),
        ("Tom Hale opened the new station on Monday. He was very clear about it:", None),
    ],
)
def test_a_pronoun_a_copula_and_an_adjective_before_a_colon_name_the_pronouns_person(
    before: str, speaker: str | None
) -> None:
    # before, "He was blunt: “…”" had no attribution and the quotation took nobody
    text = (
        "Ann Cole said: “We are investigating the fire.”\n\n"
        f"{before} “This building should have been finished years ago.”"
    )
    assert people(text)[-1][0] == speaker


@pytest.mark.parametrize(
    ("intro", "who", "speaker", "role"),
    [
        (
            "Kelby North MP Tom Hale has backed the plan for the new bypass.",
            "the Kelby North MP",
            "Tom Hale",
            "Kelby North MP",
        ),
        (
            "Tom Hale, the Sinn Féin MP for Kelby, has backed the plan for the new bypass.",
            "the Sinn Féin MP",
            "Tom Hale",
            "Sinn Féin MP",
        ),
        # negatives: an honorific before the name keeps it a name; no holder named, nobody
        ("The plan for the new bypass was backed.", "the Rt Hon Ann Cole MP", "Ann Cole", "MP"),
        ("The plan for the new bypass was backed.", "the Kelby North MP", None, "Kelby North MP"),
    ],
)
def test_a_place_or_party_before_an_offices_initials_is_no_name(
    intro: str, who: str, speaker: str | None, role: str
) -> None:
    # before, "the Kelby North MP" gave the speaker "Kelby North"
    text = f"{intro}\n\n“This is a vital scheme for the whole of the town,” said {who}."
    assert people(text) == [(speaker, role)]
