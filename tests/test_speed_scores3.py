"""The speed tricks of ratings tables and sections agree with the plain code they replace."""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import scores, sections
from pipeline.normalize import bisect_offsets, collapse_space, last_of

# Pieces of table lines and of prose: grades, cells, quotes, bullets, rules, joiners.
LINE_PIECES = ["Leadership", " ", "  ", "\t", "|", " | ", "Good", "good", "Requires improvement",
               "Criteria", "Score", "Area", "Grade", "Fair", "‘", "’", "'", '"', "“", "*", "**",
               ":", " – ", "-", "---", "|---|", "; and", " or", ".", "2", " 4 - ", "\xa0", "ſ",
               "The inspectors visited in May", "Overall", "é", "1."]  # fmt: skip


def _plain_may_be_row(line: str, words: scores._LineWords) -> bool:
    """scores._may_be_row as it was: the last word cut at the last of eight characters."""
    tail = scores._without_rank(line.rstrip(scores._ROW_TAIL), line)
    if tail.endswith(words.joiners):
        tail = tail[: tail.rfind(" ")].rstrip(scores._ROW_TAIL)
    cut = max(tail.rfind(c) for c in " \xa0\t|‘'\"“")
    return tail[cut + 1 :].lstrip("*").casefold() in words.last


@settings(deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=10).map("".join))
def test_may_be_row_cuts_the_last_word_as_the_searches_did(line: str) -> None:
    words = scores._line_words()
    assert scores._may_be_row(line, words) == _plain_may_be_row(line, words)


def test_next_step_calls_the_line_rules_in_their_order() -> None:
    assert [rule.apply for rule in scores.LINE_RULES] == [
        scores._prose,
        scores._gap,
        scores._header,
        scores._rule_line,
        scores._rows_in_one_line,
        scores._row,
        scores._row_with_cells_after,
        scores._grade_first,
        scores._skipped_label,
        scores._other,
    ]


def _steps(text: str) -> list[tuple[object, ...]]:
    """What each line's step holds, the rules applied as the table lists them (next) and
    through _next_step, side by side."""
    words = scores._line_words()
    plain, fast = scores._Scan(), scores._Scan()
    out: list[tuple[object, ...]] = []
    offset = 0
    for text_line in text.split("\n"):
        blank = not text_line.strip()
        maybe = not blank and scores._may_be_in_table(text_line, words)
        line = scores._Line(text_line, offset, blank, maybe)
        offset += len(text_line) + 1
        first = next(s for r in scores.LINE_RULES if (s := r.apply(plain, line)) is not None)
        step = scores._next_step(fast, line)
        for a, b in ((first.scan, step.scan), (first.closed, step.closed)):
            assert (a is None) == (b is None)
            if a is not None and b is not None:
                assert _fields(a) == _fields(b)
        assert first.next_blank == step.next_blank
        plain, fast = first.scan, step.scan
        out.append(_fields(step.scan))
    return out


def _fields(scan: scores._Scan) -> tuple[object, ...]:
    run = scan.run
    rows = [(r.start, r.end, r.criterion, r.score) for r in run.rows()] if run else []
    return (rows, scan.header, scan.block, scan.prev_blank, scan.lone, scan.gap, scan.prev_line)


@settings(deadline=None)
@given(st.lists(st.sampled_from([*LINE_PIECES, "\n", "\n\n"]), max_size=24).map("".join))
def test_next_step_is_the_first_line_rule_that_applies(text: str) -> None:
    _steps(text)


def test_next_step_on_the_line_rules_examples() -> None:
    for rule in scores.LINE_RULES:
        assert _steps(rule.example)


LABEL_PIECES = ["Published", "PUBLISHED", "published", "Date", "date of publication", "From",
                "ﬁrst published", "Embargoed until", "ß", "İ", "*", "_", " ", ":", "3", "May",
                "2024", "The council", "Ofsted", "é", "x"]  # fmt: skip


@settings(deadline=None)
@given(st.lists(st.sampled_from(LABEL_PIECES), max_size=8).map("".join))
def test_may_open_label_holds_wherever_a_label_opens_the_casefold(s: str) -> None:
    labels, _, heads = sections._metadata_labels()
    if s.casefold().startswith(labels):
        assert sections._may_open_label(s, labels, heads)


def test_every_metadata_label_has_two_letters_or_more() -> None:
    # (_may_open_label looks up the first two letters)
    labels, _, _ = sections._metadata_labels()
    assert min(map(len, labels)) >= 2


def _plain_may_be_grade_alone(line: str, words: scores._LineWords) -> bool:
    """scores._may_be_grade_alone as it was: its last character tested as a string."""
    last = line[-1:]
    last_letters = {w[-1] for w in words.last}
    if not last or (
        last.isascii() and last.lower() not in last_letters and last not in scores._STACKED_MARKS
    ):
        return False
    core = line.strip(scores._STACKED_MARKS)
    rank = scores._patterns()["cell_rank"].match(core)  # a rank before the grade (``5 - ``)
    if rank is not None:
        core = core[rank.end() :].strip(scores._STACKED_MARKS)
    return scores._may_open_grade(core, words) and (
        not core.isascii() or " ".join(core.lower().split()) in words.grades
    )


@settings(deadline=None)
@given(st.lists(st.sampled_from([*LINE_PIECES, "D", "R", "T", "ſ", "K"]), max_size=6).map("".join))
def test_may_be_grade_alone_tests_the_last_character_as_the_string_tests_did(line: str) -> None:
    words = scores._line_words()
    assert scores._may_be_grade_alone(line, words) == _plain_may_be_grade_alone(line, words)


def test_may_be_grade_alone_on_every_last_character() -> None:
    words = scores._line_words()
    for code in range(0x250):
        for start in ("", "Good", "**Very good", "‘Fair", "x"):
            line = start + chr(code)
            assert scores._may_be_grade_alone(line, words) == _plain_may_be_grade_alone(
                line, words
            ), repr(line)


@settings(deadline=None)
@given(st.lists(st.integers(0, 20), max_size=12).map(sorted), st.integers(-1, 21))
def test_bisect_is_the_standard_librarys(a: list[int], x: int) -> None:
    assert bisect_offsets(a, x) == bisect.bisect_left(a, x)
    assert bisect_offsets(a, x, right=True) == bisect.bisect_right(a, x)


# Blank and other characters: every character of the blank-line class and a few that look
# blank to str.isspace or to the eye but are not in it.
BLANK_PIECES = [*sections._BLANKS, "\n", "\n", "\n\n", "a", "Text.", "\x1c", "\u200c", "\u180e"]


@settings(deadline=None)
@given(st.lists(st.sampled_from(BLANK_PIECES), max_size=20).map("".join))
def test_blank_lines_are_the_blank_line_pattern_matches(text: str) -> None:
    expected = [m.span() for m in sections._BLANK_LINE.finditer(text)]
    assert sections._blank_lines(text) == expected


def test_blanks_are_the_characters_of_the_blank_line_class() -> None:
    inner = sections._BLANK_LINE.pattern.removeprefix("\\n").removesuffix("*(?=\\n)")
    klass = re.compile(inner)
    assert {c for c in map(chr, range(0x110000)) if klass.fullmatch(c)} == set(sections._BLANKS)


# Line openings for the boilerplate finder: phrases, their first two letters in other letter
# cases (the long s and the Kelvin sign match s and k under re.IGNORECASE), one-letter lines,
# and the openings of ordinary lines.
HEAD_PIECES = ["\n", "\n\n", " ", "\t", "\xa0", ":", "Skip to main content", "ſKIP TO CONTENT",
               "sK", "Sk", "x", "X", "x ", "Xmas", "Home", "hO", "© Crown copyright", "©",
               "|printable version", "|P", "|", "The report", "Th", "In", "We use cookies",
               "wE", "İ", "ı", "K", "é", "News", "n"]  # fmt: skip


@settings(deadline=None)
@given(st.lists(st.sampled_from(HEAD_PIECES), max_size=16).map("".join))
def test_boilerplate_starts_with_two_letter_heads_agree_with_the_pattern_scan(text: str) -> None:
    expected = [m.start() for m in sections._boilerplate_line().finditer("\n" + text)]
    assert sections._boilerplate_starts(text) == expected


def test_may_open_phrase_is_whether_a_phrase_opens_with_the_two_characters() -> None:
    phrases = [*sections._vocab()["boilerplate_lines"], *sections._furniture_phrases()]
    chars = [chr(c) for c in range(0x250)] + ["\u212a", "\u017f", "\u2028", "©"]
    firsts = {p[0].lower() for p in phrases} | {"\u212a", "\u017f", "İ", "ı"}
    for a in chars:
        if a.lower() not in firsts and not any(
            re.fullmatch(re.escape(p[0]), a, re.I) for p in phrases
        ):
            continue
        for head in [a, *(a + b for b in chars)]:
            # (a line of one character ends the text: only a one-letter phrase fits it)
            expected = any(
                re.fullmatch(re.escape(p[:2]), head[: len(p)], re.IGNORECASE)
                for p in phrases
                if len(p) <= len(head) or len(head) == 2
            )
            assert sections._may_open_phrase(head, 0) == expected, repr(head)


def _grades() -> list[str]:
    scales, aliases = scores._scales()
    return sorted({g for scale in scales for g in scale.grades} | set(aliases))


GAPS = st.sampled_from([" ", "\xa0", "  ", " \xa0 "])


@settings(deadline=None)
@given(st.sampled_from(_grades()), st.lists(GAPS, min_size=8, max_size=8))
def test_grade_text_is_the_grade_collapsed(grade: str, gaps: list[str]) -> None:
    """A grade's words with spaces and no-break spaces between them, as the patterns match."""
    first, *rest = grade.split()
    written = first + "".join(gap + word for gap, word in zip(gaps, rest, strict=False))
    assert scores._grade_text(written) == collapse_space(written)


def test_grade_text_of_every_grade_the_patterns_find() -> None:
    text = "\n".join(f"Area {i}\t{g}" for i, g in enumerate(_grades()))
    text += "\nSafe\tRequires\xa0 improvement\nWell-led\tſatiſfactory"
    tab = scores._patterns()["tab"]
    for line in text.split("\n"):
        m = tab.match(line)
        assert m is not None, line
        assert scores._grade_text(m.group("grade")) == collapse_space(m.group("grade"))


SENTENCE_PIECES = ["The council", " ", "  ", "\n", ".", "!", "?", "…", "Good", "good", "É", "é",
                   "Mr.", "2.5", ". ", "x", "\xa0", "”", "Ǆ"]  # fmt: skip


@settings(deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=10).map("".join))
def test_has_sentence_break_is_the_search(s: str) -> None:
    assert sections._has_sentence_break(s) == (sections._SENTENCE_BREAK.search(s) is not None)


@settings(deadline=None)
@given(st.text(alphabet='•*-.!?“”"ab ', max_size=16), st.integers(-2, 18), st.integers(-2, 18))
def test_last_of_is_the_largest_rfind(text: str, start: int, end: int) -> None:
    for chars in (scores._BULLETS, '.!?“”"'):
        assert last_of(text, chars, start, end) == max(text.rfind(c, start, end) for c in chars)


def _plain_table_rows(text: str, lines: list[str]) -> list[list[tuple[object, ...]]]:
    """scores._table_rows as it was: every line through _next_step, its scan, line and step
    built."""
    words = scores._line_words()
    tables: list[list[scores._Row]] = []
    lone: list[scores._Row] = []
    scan = scores._Scan()
    pos = 0
    for text_line in lines:
        offset, pos = pos, pos + len(text_line) + 1
        blank = not text_line.strip()
        maybe = not blank and scores._may_be_in_table(text_line, words)
        step = scores._next_step(scan, scores._Line(text_line, offset, blank, maybe))
        if step.closed is not None:
            last = tables[-1] if tables else ()
            kept = scores._close(text, last, step.closed, step.next_blank)
            scores._keep(text, tables, lone, kept)
        scan = step.scan
    scores._keep(text, tables, lone, scores._close(text, tables[-1] if tables else (), scan, True))
    scores._keep_lone(tables, lone)
    return [_row_fields(t) for t in tables]


def _row_fields(rows: list[scores._Row]) -> list[tuple[object, ...]]:
    return [(r.start, r.end, r.criterion, r.score, r.strength, r.kind, r.grades) for r in rows]


# Whole lines: rows of each shape, headers, rules, captions, colon-list values, prose and
# blank lines, so that random texts open, grow and close tables among prose.
TABLE_LINES = ["Leadership Good", "Leadership\tGood", "| Safe | Good |", "Safe  Good",
               "Criteria Score", "Area | Grade", "|---|---|", "Quality of teaching: Good",
               "Safeguarding: Effective", "Good – Quality of education",
               "Outstanding – Behaviour", "• Caring: ‘Good’;", "The ratings are:",
               "The inspectors visited in May.", "the report said.", "Overall Good",
               "Quality of Care and Support 5 Very Good Quality of Environment 4 Good",
               "## Safe: Good", "Well-led Requires improvement", "Kelby Fair", "", "", " ",
               "Ann Cole, head, said the school was good", "Grades", "Poor"]  # fmt: skip


@settings(deadline=None)  # (no timing: a loaded machine is slow)
@given(st.lists(st.sampled_from(TABLE_LINES), max_size=30))
def test_table_rows_passing_over_prose_lines_finds_what_every_step_found(
    lines: list[str],
) -> None:
    text = "\n".join(lines)
    split = text.split("\n")
    found = [_row_fields(t) for t in scores._table_rows(text, split)]
    assert found == _plain_table_rows(text, split)


# Runs of rows of one shape, and lines that are no row (prose, captions, headers, blank):
# random texts of these blocks put rows under captions, prose and blank lines as tables
# stand in releases.
ROW_RUNS = [["Leadership Good", "Casework Fair", "Overall Poor", "Kelby Good"],
            ["Safe\tGood", "Effective\tRequires improvement", "Caring\tOutstanding"],
            ["| Safe | Good |", "| Caring | Good | up |"],
            ["Safe  Good", "Well-led   Inadequate"],
            ["Quality of teaching: Good", "Leadership: Outstanding", "Safeguarding: Effective"],
            ["Good – Quality of education", "Outstanding – Behaviour", "Good – Leadership"],
            ["## Safe: Good"]]  # fmt: skip
OTHER_LINES = ["The ratings are:", "Grades", "The inspectors visited in May.", "the report said.",
               "Criteria Score", "|---|---|", "", " ", "Ann Cole said it was good"]  # fmt: skip
BLOCKS = st.one_of(
    st.sampled_from(OTHER_LINES).map(lambda line: [line]),
    st.sampled_from(ROW_RUNS).flatmap(lambda run: st.lists(st.sampled_from(run), max_size=4)),
)


@settings(deadline=None)
@given(st.lists(st.tuples(BLOCKS, st.sampled_from(["\n", "\n\n"])), max_size=12))
def test_table_rows_of_blocks_finds_what_every_step_found(
    blocks: list[tuple[list[str], str]],
) -> None:
    text = "".join("\n".join(lines) + gap for lines, gap in blocks)
    split = text.split("\n")
    found = [_row_fields(t) for t in scores._table_rows(text, split)]
    assert found == _plain_table_rows(text, split)


def test_table_rows_on_the_line_rules_examples() -> None:
    for rule in scores.LINE_RULES:
        split = rule.example.split("\n")
        found = [_row_fields(t) for t in scores._table_rows(rule.example, split)]
        assert found == _plain_table_rows(rule.example, split)
