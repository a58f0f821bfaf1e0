"""pipeline.scoring: exact figures per field, parity with the reference scorer, errors."""

from __future__ import annotations

import calendar
import copy
import json
import random
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pipeline import scoring
from pipeline.errors import GoldError, PipelineError

from .conftest import FIXTURES_GOLD, SEED_GOLD, SHARED

REFERENCE = SHARED / "tools" / "score.py"


# --- helpers ------------------------------------------------------------------------------------


def iso(spec: object, *, end: bool = False) -> str:
    """Gold date spec -> ISO day, written independently of the module under test."""
    parts = [int(x) for x in str(spec).split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    day = parts[2] if len(parts) > 2 else (calendar.monthrange(year, month)[1] if end else 1)
    return date(year, month, day).isoformat()


class TextBuilder:
    """Builds a release text paragraph by paragraph and remembers where each one sits."""

    def __init__(self) -> None:
        self.text = ""
        self.sections: list[dict[str, Any]] = []

    def put(self, s: str, kind: str = "body") -> tuple[int, int]:
        if self.text:
            self.text += "\n\n"
        start = len(self.text)
        self.text += s
        self.sections.append({"kind": kind, "text": s, "start": start, "end": len(self.text)})
        return start, len(self.text)


def perfect_record(case: dict[str, Any], *, with_optional: bool = False) -> dict[str, Any]:
    """A release object that gets every gold item right, each at real offsets of its text."""
    g = case["gold"]
    tb = TextBuilder()
    if g.get("title"):
        tb.put(g["title"], "title")
    scores = []
    for row in g.get("scores") or []:
        start, end = tb.put(f"{row['criterion']}\t{row['score']}", "table")
        scores.append({"criterion": row["criterion"], "score": row["score"]} | span(start, end))
    opt = g.get("optional") or {}
    quotes = []
    for q in (g.get("quotes") or []) + (opt.get("quotes") or [] if with_optional else []):
        words = f"{q['starts_with']} and the rest of what was said."
        start, end = tb.put(f"“{words}”", "quote")
        quotes.append(
            {
                "text": words,
                "speaker": q.get("speaker"),
                "role": q.get("role"),
                "paragraphs": q.get("paragraphs") or 1,
            }
            | span(start, end)
        )
    dates = []
    for d in (g.get("dates") or []) + (opt.get("dates") or [] if with_optional else []):
        start, end = tb.put(d["text"])
        dates.append(
            {
                "text": d["text"],
                "start_date": iso(d["start"]),
                "end_date": iso(d.get("end") or d["start"], end=True),
            }
            | span(start, end)
        )
    numbers = []
    for n in (g.get("numbers") or []) + (opt.get("numbers") or [] if with_optional else []):
        start, end = tb.put(n["text"])
        numbers.append(
            {"text": n["text"], "value": n["value"], "unit": n.get("unit")} | span(start, end)
        )
    return {
        "contract": "1",
        "release_id": case["slug"],
        "source": {"path": f"raw/{case['slug']}.txt", "format": "text"},
        "text": tb.text,
        "title": g.get("title"),
        "standfirst": None,
        "sections": tb.sections,
        "scores": scores,
        "quotes": quotes,
        "dates": dates,
        "numbers": numbers,
        "warnings": [],
    }


def span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def gold_case(slug: str = "r1", **gold: Any) -> dict[str, Any]:
    return {"slug": slug, "gold": {"title": "T", **gold}}


def record(slug: str = "r1", **fields: Any) -> dict[str, Any]:
    """A minimal record: the title T and a text, plus whatever the test sets. Score rows and
    quotes without offsets get a valid span, so provenance holds unless a test breaks it."""
    for name in ("scores", "quotes"):
        fields[name] = [span(0, 1) | item for item in fields.get(name) or []]
    return {"release_id": slug, "title": "T", "text": "T", **fields}


def write(
    tmp_path: Path, cases: list[dict[str, Any]], records: list[dict[str, Any]]
) -> tuple[Path, Path]:
    releases = tmp_path / "releases.jsonl"
    releases.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    return releases, gold


def run(
    tmp_path: Path, cases: list[dict[str, Any]], records: list[dict[str, Any]]
) -> scoring.ScoreResult:
    return scoring.score_files(*write(tmp_path, cases, records))


def prf(result: scoring.ScoreResult, field: str) -> tuple[float, float, float]:
    c = result.counts[field]
    return round(c.precision, 3), round(c.recall, 3), round(c.f1, 3)


def reference(releases: Path, gold: Path) -> tuple[dict[str, Any], str]:
    """The reference scorer's --json figures and its last (summary) line."""
    if not REFERENCE.exists():
        pytest.skip(
            f"the reference scorer is not at {REFERENCE}: the parity tests compare with it "
            "when the shared/ folder is next to the project folder"
        )
    proc = subprocess.run(
        [sys.executable, str(REFERENCE), str(releases), str(gold), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    data, end = json.JSONDecoder().raw_decode(proc.stdout)
    return data, proc.stdout[end:].strip().splitlines()[-1]


REFERENCE_KINDS = {
    "NO RECORD": "record",
    "title": "title",
    "score missed": "scores",
    "date missed": "dates",
    "quote ('no quote'": "quotes",
    "quote ('speaker'": "quotes",
    "quote ('role'": "quote_role",
    "quote ('paragraphs'": "quote_paragraphs",
    "number ('value'": "numbers",
    "number ('unit'": "number_unit",
}


def reference_miss_fields(misses: list[list[str]]) -> Counter[str]:
    """The reference's stringified misses, counted by our field names."""
    fields: Counter[str] = Counter()
    for miss in misses:
        kind = " ".join(miss[1:3])
        (field,) = [f for prefix, f in REFERENCE_KINDS.items() if kind.startswith(prefix)]
        fields[field] += 1
    return fields


def assert_parity(releases: Path, gold: Path) -> scoring.ScoreResult:
    """Our figures, missing count and summary line equal the reference scorer's."""
    ours = scoring.score_files(releases, gold)
    ref, ref_summary = reference(releases, gold)
    assert ours.as_dict()["fields"] == ref["fields"]
    assert ours.missing_records == ref["missing_records"]
    assert f"ok | {ours.summary()}" == ref_summary
    assert scoring.render(ours, as_json=False, misses=False).splitlines()[-1] == ref_summary
    # The same misses, field by field, except for scores: the reference lists a gold row only
    # when no equal row was predicted at all, so a repeated row (two tables) found once is not
    # listed. Ours lists every gold item the figures count as missed.
    mine = Counter(m.field for m in ours.misses)
    theirs = reference_miss_fields(ref["misses"])
    assert mine - Counter(scores=mine["scores"]) == theirs - Counter(scores=theirs["scores"])
    for field in ("title", "scores", "dates", "numbers"):
        c = ours.counts[field]
        assert mine[field] == c.gold - c.tp, field
    assert mine["quotes"] == ours.counts["quotes"].gold - ours.counts["quotes"].tp
    return ours


# --- a prediction built from the gold scores 1.0 -------------------------------------------------


def load(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("gold_path", [SEED_GOLD, FIXTURES_GOLD], ids=["seed", "fixtures"])
@pytest.mark.parametrize("with_optional", [False, True])
def test_gold_itself_scores_one_everywhere(
    tmp_path: Path, gold_path: Path, with_optional: bool
) -> None:
    cases = load(gold_path)
    records = [perfect_record(c, with_optional=with_optional) for c in cases]
    result = run(tmp_path, cases, records)
    assert {name: result.value(name) for name in scoring.FIELDS} == dict.fromkeys(
        scoring.FIELDS, 1.0
    )
    assert result.misses == ()
    assert (result.cases, result.missing_records) == (len(cases), 0)
    assert result.tallies["provenance"].of > 0
    assert scoring.failures(result, dict.fromkeys(scoring.FIELDS, 1.0)) == []


def test_seed_perfect_record_offsets_are_real() -> None:
    rec = perfect_record(load(SEED_GOLD)[0])
    for field in ("sections", "dates", "numbers"):
        for item in rec[field]:
            assert rec["text"][item["start"] : item["end"]] == item["text"]
    assert rec["text"][rec["quotes"][0]["start"] :].startswith(
        "“CPS East Midlands is doing well in"
    )


# --- scores ----------------------------------------------------------------------------------


ROWS = [
    {"criterion": "Effectiveness of leadership", "score": "Good"},
    {"criterion": "Case preparation and progress (magistrates’ courts)", "score": "Fair"},
    {"criterion": "Communication with victims", "score": "Poor"},
]


def test_one_missed_score_row(tmp_path: Path) -> None:
    result = run(tmp_path, [gold_case(scores=ROWS)], [record(scores=ROWS[:2])])
    assert prf(result, "scores") == (1.0, 0.667, 0.8)
    assert [(m.field, m.expected, m.found) for m in result.misses] == [
        ("scores", '"Communication with victims" = "Poor"', "no such row")
    ]


def test_wrong_grade_is_one_miss_and_one_extra(tmp_path: Path) -> None:
    pred = [*ROWS[:2], {"criterion": "Communication with victims", "score": "Fair"}]
    result = run(tmp_path, [gold_case(scores=ROWS)], [record(scores=pred)])
    assert prf(result, "scores") == (0.667, 0.667, 0.667)
    assert result.misses[0].found == '"Communication with victims" = "Fair"'


def test_scores_compare_folded_text_and_fold_in_a_qualifier(tmp_path: Path) -> None:
    pred = [
        {"criterion": "  EFFECTIVENESS of\u00a0leadership ", "score": "good"},
        {
            "criterion": "Case preparation and progress",
            "qualifier": "magistrates' courts",
            "score": "Fair",
        },
        # a qualifier already inside the criterion is not added twice
        {"criterion": "Communication with victims", "qualifier": "victims", "score": "POOR"},
    ]
    result = run(tmp_path, [gold_case(scores=ROWS)], [record(scores=pred)])
    assert prf(result, "scores") == (1.0, 1.0, 1.0)


def test_no_scores_on_either_side_is_perfect_and_extras_cost_precision(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        [gold_case("a"), gold_case("b")],
        [record("a"), record("b", scores=ROWS[:1])],
    )
    c = result.counts["scores"]
    assert (c.tp, c.pred, c.gold) == (0, 1, 0)
    assert prf(result, "scores") == (0.0, 1.0, 0.0)


# --- quotes ----------------------------------------------------------------------------------


QUOTE = {
    "speaker": "Kevin McGinty",
    "role": "Chief Inspector of the HMCPSI",
    "starts_with": "CPS East Midlands is doing well",
    "paragraphs": 3,
}


def pred_quote(**over: Any) -> dict[str, Any]:
    return {
        "text": "CPS East Midlands is doing well in some areas.\n\nMore.",
        "speaker": "Kevin McGinty",
        "role": "Chief Inspector of the HMCPSI",
        "paragraphs": 3,
    } | over


def test_wrong_speaker_costs_the_quote_but_not_role_or_paragraphs(tmp_path: Path) -> None:
    result = run(
        tmp_path, [gold_case(quotes=[QUOTE])], [record(quotes=[pred_quote(speaker="McGinty")])]
    )
    assert prf(result, "quotes") == (0.0, 0.0, 0.0)
    assert result.value("quote_role") == 1.0
    assert result.value("quote_paragraphs") == 1.0
    assert [(m.field, m.expected, m.found) for m in result.misses] == [
        ("quotes", 'speaker "Kevin McGinty"', '"McGinty"')
    ]


def test_quote_is_found_by_its_first_words_after_folding(tmp_path: Path) -> None:
    pred = [
        pred_quote(text="Unrelated words."),
        pred_quote(text="“CPS East-Midlands IS doing well…"),
    ]
    result = run(tmp_path, [gold_case(quotes=[QUOTE])], [record(quotes=pred)])
    assert prf(result, "quotes") == (0.5, 1.0, 0.667)


def test_quote_not_found_counts_against_role_and_paragraphs(tmp_path: Path) -> None:
    result = run(
        tmp_path, [gold_case(quotes=[QUOTE])], [record(quotes=[pred_quote(text="Other words")])]
    )
    assert prf(result, "quotes") == (0.0, 0.0, 0.0)
    assert result.tallies["quote_role"] == scoring.Tally(0, 1)
    assert result.tallies["quote_paragraphs"] == scoring.Tally(0, 1)


@pytest.mark.parametrize(
    ("gold_role", "pred_role", "ok"),
    [
        # the predicted role contains the gold one
        ("Chief Inspector of the HMCPSI", "the Chief Inspector of the HMCPSI", True),
        ("HM Chief Inspector of Probation", "Chief Inspector", True),  # gold contains a 2-word pred
        ("HM Chief Inspector of Probation", "Inspector", False),  # one word is too little
        ("Chief Inspector", "Chief Executive", False),
        (None, "anything at all", True),  # a null gold role accepts any role
        (None, None, True),
        ("Chief Inspector", None, False),
        ("Chief Inspector", "CHIEF  INSPECTOR", True),
    ],
)
def test_role_containment(
    tmp_path: Path, gold_role: str | None, pred_role: str | None, ok: bool
) -> None:
    assert scoring.role_matches(gold_role, pred_role) is ok
    result = run(
        tmp_path,
        [gold_case(quotes=[QUOTE | {"role": gold_role}])],
        [record(quotes=[pred_quote(role=pred_role)])],
    )
    assert result.tallies["quote_role"] == scoring.Tally(int(ok), 1)
    assert prf(result, "quotes") == (1.0, 1.0, 1.0)


@pytest.mark.parametrize(("gold_n", "pred_n", "ok"), [(3, 3, True), (3, 2, False), (None, 7, True)])
def test_paragraph_count(tmp_path: Path, gold_n: int | None, pred_n: int, ok: bool) -> None:
    result = run(
        tmp_path,
        [gold_case(quotes=[QUOTE | {"paragraphs": gold_n}])],
        [record(quotes=[pred_quote(paragraphs=pred_n)])],
    )
    assert result.tallies["quote_paragraphs"] == scoring.Tally(int(ok), 1)


def test_null_speaker_matches_a_null_or_empty_prediction(tmp_path: Path) -> None:
    gold = [QUOTE | {"speaker": None, "role": None}]
    result = run(tmp_path, [gold_case(quotes=gold)], [record(quotes=[pred_quote(speaker="")])])
    assert prf(result, "quotes") == (1.0, 1.0, 1.0)


# --- dates -----------------------------------------------------------------------------------


DATES = [
    {"text": "between April and June 2016", "start": "2016-04", "end": "2016-06"},
    {"text": "2015–16", "start": "2015-04", "end": "2016-03"},
    {"text": "13 December 2016", "start": "2016-12-13", "end": None},
]


def pred_date(text: str, start: str, end: str) -> dict[str, str]:
    return {"text": text, "start_date": start, "end_date": end}


GOOD_DATES = [
    pred_date("between April and June 2016", "2016-04-01", "2016-06-30"),
    pred_date("2015-16", "2015-04-01", "2016-03-31"),
    pred_date("13 December 2016", "2016-12-13", "2016-12-13"),
]


def test_one_extra_date(tmp_path: Path) -> None:
    pred = [*GOOD_DATES, pred_date("2016", "2016-01-01", "2016-12-31")]
    result = run(tmp_path, [gold_case(dates=DATES)], [record(dates=pred)])
    assert prf(result, "dates") == (0.75, 1.0, 0.857)
    assert result.misses == ()


def test_date_with_wrong_interval_is_missed_and_shown(tmp_path: Path) -> None:
    pred = [GOOD_DATES[0], pred_date("2015–16", "2015-01-01", "2016-12-31"), GOOD_DATES[2]]
    result = run(tmp_path, [gold_case(dates=DATES)], [record(dates=pred)])
    assert prf(result, "dates") == (0.667, 0.667, 0.667)
    (miss,) = result.misses
    assert miss.field == "dates"
    assert miss.expected == '"2015–16" 2015-04-01..2016-03-31'
    assert miss.found == '"2015–16" 2015-01-01..2016-12-31'


def test_year_and_month_specs_cover_the_whole_period(tmp_path: Path) -> None:
    gold = [
        {"text": "2016", "start": "2016", "end": None},
        {"text": "February 2016", "start": "2016-02", "end": None},
    ]
    pred = [
        pred_date("2016", "2016-01-01", "2016-12-31"),
        pred_date("February 2016", "2016-02-01", "2016-02-29"),
    ]
    result = run(tmp_path, [gold_case(dates=gold)], [record(dates=pred)])
    assert prf(result, "dates") == (1.0, 1.0, 1.0)


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_unit", "pred_unit", "ok"),
    [
        ("magistrates’ courts", "courts", True),
        ("magistrates’ courts", "magistrates' court", True),  # plural s ignored
        ("files", "case files", True),  # only the last word counts
        ("files", "cases", False),
        ("Crown Court centres", "Crown Court", False),
        (None, "anything", True),  # a null gold unit accepts any unit
        ("files", None, False),
    ],
)
def test_number_unit_by_last_word(
    tmp_path: Path, gold_unit: str | None, pred_unit: str | None, ok: bool
) -> None:
    assert scoring.unit_matches(gold_unit, pred_unit) is ok
    gold = [{"text": "ten", "value": 10, "unit": gold_unit}]
    result = run(
        tmp_path, [gold_case(numbers=gold)], [record(numbers=[{"value": 10.0, "unit": pred_unit}])]
    )
    assert prf(result, "numbers") == (1.0, 1.0, 1.0)
    assert result.tallies["number_unit"] == scoring.Tally(int(ok), 1)


def test_numbers_match_on_value_and_a_miss_costs_the_unit_too(tmp_path: Path) -> None:
    gold = [
        {"text": "ten", "value": 10, "unit": "courts"},
        {"text": "£3.2m", "value": 3200000, "unit": "GBP"},
        {"text": "17 per cent", "value": 17, "unit": "percent"},
    ]
    pred = [
        {"value": "10", "unit": "courts"},  # a numeric string still compares as a number
        {"value": 3200000.0, "unit": "GBP"},
        {"value": 71, "unit": "percent"},
        {"value": None, "unit": "things"},
    ]
    result = run(tmp_path, [gold_case(numbers=gold)], [record(numbers=pred)])
    assert prf(result, "numbers") == (0.5, 0.667, 0.571)
    assert result.tallies["number_unit"] == scoring.Tally(2, 3)
    assert [(m.field, m.expected) for m in result.misses] == [("numbers", '"17 per cent" = 17')]


# --- optional items --------------------------------------------------------------------------


OPTIONAL = {
    "quotes": [
        {
            "speaker": None,
            "role": None,
            "starts_with": "among the best we have seen",
            "paragraphs": 1,
        }
    ],
    "dates": [{"text": "Dec 16", "start": "2016-12", "end": None}],
    "numbers": [{"text": "three-quarters", "value": 0.75, "unit": "men"}],
}


def test_optional_items_count_neither_for_nor_against(tmp_path: Path) -> None:
    gold = gold_case(
        "with",
        quotes=[QUOTE],
        dates=DATES[:1],
        numbers=[{"text": "ten", "value": 10, "unit": "courts"}],
        optional=OPTIONAL,
    )
    bare = record(
        "without",
        quotes=[pred_quote()],
        dates=GOOD_DATES[:1],
        numbers=[{"value": 10, "unit": "courts"}],
    )
    matched = bare | {
        "release_id": "with",
        "quotes": [pred_quote(text="Among the best we have seen, they said"), pred_quote()],
        "dates": [pred_date("Dec 16", "2016-12-01", "2016-12-31"), *GOOD_DATES[:1]],
        "numbers": [{"value": 0.75, "unit": "men"}, {"value": 10, "unit": "courts"}],
    }
    without = gold | {"slug": "without"}
    result = run(tmp_path, [gold, without], [matched, bare])
    for field in ("quotes", "dates", "numbers"):
        c = result.counts[field]
        assert (c.tp, c.pred, c.gold) == (2, 2, 2), field
    assert result.misses == ()


def test_an_optional_item_matched_twice_discounts_only_once(tmp_path: Path) -> None:
    gold = gold_case(dates=DATES[:1], optional={"dates": OPTIONAL["dates"]})
    dec = pred_date("Dec 16", "2016-12-01", "2016-12-31")
    result = run(tmp_path, [gold], [record(dates=[GOOD_DATES[0], dec, dec])])
    assert (result.counts["dates"].pred, prf(result, "dates")) == (2, (0.5, 1.0, 0.667))


# --- title, records and provenance -------------------------------------------------------------


def test_title_is_per_case_and_null_wants_none(tmp_path: Path) -> None:
    cases = [
        gold_case("a", title="A headline"),
        gold_case("b", title=None),
        gold_case("c", title="C"),
    ]
    records = [
        record("a", title="a  HEADLINE"),
        record("b", title=None),
        record("c", title="Other"),
    ]
    result = run(tmp_path, cases, records)
    assert result.counts["title"] == scoring.Counts(2, 3, 3)
    assert [(m.slug, m.expected, m.found) for m in result.misses] == [("c", '"C"', '"Other"')]


def test_a_missing_record_misses_everything_and_fails_any_gate(tmp_path: Path) -> None:
    cases = [gold_case("here", scores=ROWS[:1]), gold_case("gone", scores=ROWS)]
    result = run(tmp_path, cases, [record("here", scores=ROWS[:1])])
    assert result.missing_records == 1
    assert result.counts["title"] == scoring.Counts(1, 2, 2)
    assert prf(result, "scores") == (1.0, 0.25, 0.4)
    assert result.tallies["provenance"].of == 1  # only the record that exists
    assert [m.field for m in result.misses if m.slug == "gone"] == [
        "record",
        "title",
        "scores",
        "scores",
        "scores",
    ]
    assert scoring.failures(result, {}) == []
    assert scoring.failures(result, {"title": 0.1}) == ["1 gold case(s) with no matching record"]


def test_record_is_found_by_source_path_stem(tmp_path: Path) -> None:
    rec = record("renamed") | {"source": {"path": "raw/sub/r1.txt"}}
    result = run(tmp_path, [gold_case("r1")], [rec])
    assert result.missing_records == 0
    assert result.value("title") == 1.0


def test_provenance_checks_offsets(tmp_path: Path) -> None:
    text = "Headline\n\nIn September 2016 ten courts were Good."
    rec = record(
        text=text,
        sections=[
            {"text": "Headline", "start": 0, "end": 8},  # right
            {"text": "In September", "start": 0, "end": 12},  # wrong text
        ],
        dates=[{"text": "September 2016", "start": 13, "end": 27}],  # right
        numbers=[
            {"text": "ten", "start": 28, "end": 31},
            {"text": "ten", "start": "28", "end": 31},
        ],
        scores=[{"start": 5, "end": 5}, {"start": 0, "end": len(text)}],  # empty span, right
        quotes=[{"start": 0, "end": len(text) + 1}],  # past the end
    )
    assert text[13:27] == "September 2016" and text[28:31] == "ten"
    result = run(tmp_path, [gold_case()], [rec])
    assert result.tallies["provenance"] == scoring.Tally(4, 8)
    assert result.value("provenance") == 0.5


def test_a_record_without_text_fails_provenance_once(tmp_path: Path) -> None:
    result = run(tmp_path, [gold_case()], [{"release_id": "r1", "title": "T"}])
    assert result.tallies["provenance"] == scoring.Tally(0, 1)


# --- parity with the reference scorer ----------------------------------------------------------


def test_parity_seed_perfect(tmp_path: Path) -> None:
    cases = load(SEED_GOLD)
    assert_parity(*write(tmp_path, cases, [perfect_record(c) for c in cases]))


def test_parity_hand_made_edge_cases(tmp_path: Path) -> None:
    cases = [
        gold_case(
            "q", quotes=[QUOTE, QUOTE | {"starts_with": "", "speaker": None}], optional=OPTIONAL
        ),
        gold_case(
            "d", title=None, dates=DATES, numbers=[{"text": "ten", "value": 10, "unit": "files"}]
        ),
        gold_case("s", scores=ROWS),
        gold_case("missing", scores=ROWS, dates=DATES),
        gold_case("fold", title="Straße — “review”"),  # casefold, dash and quote folding
    ]
    records = [
        record(
            "q",
            quotes=[
                pred_quote(role="Inspector"),
                pred_quote(text=None, speaker=None, paragraphs=2),
            ],
        ),
        record(
            "x", title=None, source={"path": "out/d.txt"}, dates=[*GOOD_DATES[1:], GOOD_DATES[1]]
        )
        | {
            "numbers": [
                {"value": 10, "unit": "files"},
                {"value": "10", "unit": "file"},
                {"value": "n/a"},
            ]
        },
        record("s", scores=[ROWS[0] | {"qualifier": "Leadership"}, *ROWS[1:], *ROWS]),
        record("fold", title='STRASSE - "Review"'),
    ]
    assert_parity(*write(tmp_path, cases, records))


@pytest.mark.parametrize("seed", range(6))
def test_parity_perturbed_fixtures(tmp_path: Path, seed: int) -> None:
    """Damage a perfect prediction of the 24 fixture cases at random; the figures must agree."""
    rng = random.Random(seed)
    cases = load(FIXTURES_GOLD)
    records = [perfect_record(c, with_optional=rng.random() < 0.5) for c in cases]
    for rec in records:
        for field in ("scores", "quotes", "dates", "numbers", "sections"):
            items = rec[field]
            for item in list(items):
                roll = rng.random()
                if roll < 0.1:
                    items.remove(item)
                elif roll < 0.15:
                    items.append(copy.deepcopy(item))
                elif roll < 0.2:
                    item["start"] = item["start"] + 1
            rng.shuffle(items)
        for q in rec["quotes"]:
            q["speaker"] = rng.choice([q["speaker"], "Someone Else", None])
            q["role"] = rng.choice([q["role"], "the " + str(q["role"]), "Inspector", None])
            q["paragraphs"] = rng.choice([q["paragraphs"], 1, 2])
        for n in rec["numbers"]:
            n["unit"] = rng.choice([n["unit"], "things", None, f"{n['unit']}s"])
            if rng.random() < 0.1:
                n["value"] = n["value"] + 1
        for d in rec["dates"]:
            if rng.random() < 0.1:
                d["end_date"] = d["start_date"]
        for s in rec["scores"]:
            if rng.random() < 0.1:
                s["score"] = "Excellent"
        if rng.random() < 0.2:
            rec["title"] = None
        if rng.random() < 0.2:
            rec["release_id"] = "renamed-" + rec["release_id"]  # still found by source path stem
        if rng.random() < 0.1:
            rec["source"] = {}
    records = [r for r in records if rng.random() > 0.1]
    assert_parity(*write(tmp_path, cases, records))


# --- thresholds and failures -----------------------------------------------------------------


def test_parse_thresholds() -> None:
    assert scoring.parse_thresholds([]) == {}
    assert scoring.parse_thresholds(
        ["scores=0.97", "provenance=1", " dates = .5", "scores=0.9"]
    ) == {
        "scores": 0.9,
        "provenance": 1.0,
        "dates": 0.5,
    }


@pytest.mark.parametrize(
    ("item", "says"),
    [
        ("scores", "expected FIELD=VALUE"),
        ("=0.9", "expected FIELD=VALUE"),
        ("scores=0.9=1", "expected FIELD=VALUE"),
        ("score=0.9", "unknown field 'score'"),
        ("f1=0.9", "unknown field 'f1'"),
        ("scores=high", "a number from 0 to 1"),
        ("scores=", "a number from 0 to 1"),
        ("scores=1.5", "a number from 0 to 1"),
        ("scores=nan", "a number from 0 to 1"),
    ],
)
def test_parse_thresholds_refuses(item: str, says: str) -> None:
    with pytest.raises(GoldError, match=says) as err:
        scoring.parse_thresholds([item])
    assert "\n" not in str(err.value)
    assert isinstance(err.value, PipelineError)


def test_failures_name_field_value_and_threshold(tmp_path: Path) -> None:
    result = run(tmp_path, [gold_case(scores=ROWS)], [record(scores=ROWS[:2])])
    assert scoring.failures(result, {"scores": 0.97, "title": 1.0, "provenance": 0.5}) == [
        "scores 0.8 < 0.97"
    ]
    assert scoring.failures(result, {"scores": 0.8}) == []  # the rounded figure is compared
    assert scoring.failures(result, {}) == []


# --- report ----------------------------------------------------------------------------------


def test_render_text_and_json(tmp_path: Path) -> None:
    result = run(tmp_path, [gold_case(scores=ROWS)], [record(scores=ROWS[:2])])
    text = scoring.render(result, as_json=False, misses=True)
    lines = text.splitlines()
    assert (
        lines[0]
        == 'miss r1 scores: expected "Communication with victims" = "Poor", found no such row'
    )
    assert lines[1] == "cases 1, records missing 0"
    assert any(line.split()[:4] == ["scores", "1.000", "0.667", "0.800"] for line in lines)
    assert any(line.split()[:2] == ["provenance", "1.000"] for line in lines)
    assert lines[-1] == (
        "ok | title=1.0 scores=0.8 quotes=1.0 dates=1.0 numbers=1.0 "
        "quote_role=1.0 quote_paragraphs=1.0 number_unit=1.0 provenance=1.0"
    )
    assert "miss r1" not in scoring.render(result, as_json=False, misses=False)
    data = json.loads(scoring.render(result, as_json=True, misses=True))
    assert data["fields"]["scores"] == {
        "p": 1.0,
        "r": 0.667,
        "f1": 0.8,
        "tp": 2,
        "pred": 2,
        "gold": 3,
    }
    assert data["fields"]["provenance"] == {"acc": 1.0, "ok": 2, "of": 2}
    assert (data["cases"], data["missing_records"], len(data["misses"])) == (1, 0, 1)
    assert "misses" not in json.loads(scoring.render(result, as_json=True, misses=False))


def test_miss_lines_stay_on_one_line(tmp_path: Path) -> None:
    gold = [{"text": "April–\nJune 2016", "start": "2016-04", "end": "2016-06"}]
    result = run(tmp_path, [gold_case("a\nb", dates=gold)], [])
    text = scoring.render(result, as_json=False, misses=True)
    assert all(line.startswith("miss a\\nb ") for line in text.splitlines()[:3])


# --- errors ----------------------------------------------------------------------------------


def one_line_error(releases: Path, gold: Path, says: str) -> str:
    with pytest.raises(GoldError, match=says) as err:
        scoring.score_files(releases, gold)
    message = str(err.value)
    assert "\n" not in message
    return message


@pytest.fixture
def good_files(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path, [gold_case()], [record()])


def test_missing_files(tmp_path: Path, good_files: tuple[Path, Path]) -> None:
    releases, gold = good_files
    nowhere = tmp_path / "nowhere.json"
    assert one_line_error(releases, nowhere, "no such gold file").startswith(str(nowhere))
    assert one_line_error(nowhere, gold, "no such releases file").startswith(str(nowhere))
    one_line_error(releases, tmp_path, "is a folder")


def test_invalid_json(tmp_path: Path, good_files: tuple[Path, Path]) -> None:
    releases, gold = good_files
    gold.write_text('[{"slug": "r1", "gold": {}', encoding="utf-8")
    assert one_line_error(releases, gold, "invalid JSON").startswith(f"{gold}: invalid JSON")
    gold.write_bytes(b"\xff\xfe[]")
    one_line_error(releases, gold, "not UTF-8")


def test_invalid_jsonl_line_is_named(tmp_path: Path, good_files: tuple[Path, Path]) -> None:
    releases, gold = good_files
    releases.write_text(json.dumps(record()) + "\n\n{oops\n", encoding="utf-8")
    one_line_error(releases, gold, r"releases.jsonl line 3: invalid JSON")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"slug": "r1", "gold": {}}, "expected a JSON list of gold cases, found an object"),
        ("cases", "found a string"),
        ([], "empty"),
        (["r1"], r"case 0 is a string, not an object"),
        ([{"gold": {}}], "case 0 has no 'slug'"),
        ([{"slug": "r1"}], r"case 0 \(r1\) has no 'gold'"),
        (
            [gold_case(scores=[{"criterion": "X"}])],
            r"case 0 \(r1\).gold.scores\[0\] has no 'score'",
        ),
        ([gold_case(scores={"X": "Good"})], r"gold.scores is an object, not a list"),
        ([gold_case(quotes=[{"speaker": "A"}])], "has no 'starts_with'"),
        ([gold_case(dates=[{"text": "x", "start": "2016-13"}])], "start/end must be YYYY"),
        ([gold_case(dates=[{"text": "x", "start": "soon"}])], "start/end must be YYYY"),
        (
            [gold_case(numbers=[{"text": "x", "value": "ten"}])],
            r"numbers\[0\].value is \"ten\", not a number",
        ),
        ([gold_case(optional=[1])], "optional is a list, not an object"),
    ],
)
def test_gold_of_the_wrong_shape(
    tmp_path: Path, good_files: tuple[Path, Path], data: Any, says: str
) -> None:
    releases, gold = good_files
    gold.write_text(json.dumps(data), encoding="utf-8")
    assert one_line_error(releases, gold, says).startswith(str(gold))


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("[1, 2]", "line 1: expected a release object, found a list"),
        ('{"release_id": 5}', "release_id is a number, not a string"),
        ('{"release_id": "r1", "source": "raw/r1.txt"}', "source is a string, not an object"),
        ('{"release_id": "r1", "dates": "2016"}', "dates is a string, not a list"),
        ('{"release_id": "r1", "quotes": ["hi"]}', r"quotes\[0\] is a string, not an object"),
    ],
)
def test_releases_of_the_wrong_shape(good_files: tuple[Path, Path], line: str, says: str) -> None:
    releases, gold = good_files
    releases.write_text(line + "\n", encoding="utf-8")
    one_line_error(releases, gold, says)


def test_line_separators_inside_strings_do_not_split_records(tmp_path: Path) -> None:
    rec = record(title="T", text="a\u2028b\x85c")
    releases, gold = write(tmp_path, [gold_case()], [rec])
    assert "\u2028" in releases.read_text(encoding="utf-8")
    assert scoring.score_files(releases, gold).value("title") == 1.0


# --- the CLI command -------------------------------------------------------------------------


def test_cli_score_gate_and_errors(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    releases, gold = write(tmp_path, [gold_case(scores=ROWS)], [record(scores=ROWS[:2])])
    runner = CliRunner()
    ok = runner.invoke(app, ["score", str(releases), str(gold), "--min", "scores=0.8"])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.splitlines()[-1].startswith("ok | title=1.0 scores=0.8")
    low = runner.invoke(app, ["score", str(releases), str(gold), "--min", "scores=0.9"])
    assert low.exit_code == 1
    assert "below threshold: scores 0.8 < 0.9" in low.stderr
    bad = runner.invoke(app, ["score", str(releases), str(tmp_path / "none.json")])
    assert bad.exit_code == 2
    assert "no such gold file" in bad.stderr
    assert "Traceback" not in bad.output


def test_summary_line_says_fail_when_a_threshold_is_missed(tmp_path: Path) -> None:
    from pipeline import scoring as sc

    gold = SEED_GOLD
    releases = tmp_path / "releases.jsonl"
    releases.write_text('{"release_id": "other", "text": ""}\n', "utf-8")
    result = sc.score_files(releases, gold)
    failed = sc.failures(result, {"scores": 0.5})
    last = sc.render(result, as_json=False, misses=False, failed=failed).splitlines()[-1]
    assert last.startswith("FAIL: scores 0.0 < 0.5")
    assert sc.render(result, as_json=False, misses=False).splitlines()[-1].startswith("ok | ")
