"""Quotations: the quoted words, who said them and in what role.

British press style is the model: a quotation may run over several paragraphs, each
reopening the mark and only the last closing it; the first paragraph after ``X says:`` may
lack its opening mark; attributions stand before (``Role, Name, said:``) or after
(``“…,” said Name, Role.``). Only double marks (curly or straight) quote; single marks round
a grade or a word do not.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import NamedTuple

import regex

from pipeline.model import Quote, Span
from pipeline.normalize import SEPARATORS, collapse_space, offsets_of
from pipeline.vocab import load

_OPENERS = "“„"
_CLOSERS = "”"
_STRAIGHT = '"'
_ANY_MARK = tuple(_OPENERS + _STRAIGHT + _CLOSERS)
_BULLETS = "•▪●◦‣*–-"
_MARKS = re.compile(r'[“”„"]')  # `re`: a plain class, found faster than by `regex`
_SPACE = " \t\n\xa0\u2009\u200a\u202f"
_MIN_FRAGMENT_WORDS = 5  # shorter unattributed fragments are scare quotes or titles
_ATTRIBUTION_REACH = 400  # characters before a quotation searched for "Name said:"
_DASHES = ("—", "–", "―", "-")  # a signature starts with one: tested before _SIGNATURE
_SIGNATURE = regex.compile(r"[—–―-]{1,2}[ \t\xa0]*(?P<who>\p{Lu}[^\n“”\"]{1,150}?)[ \t.]*$")
_LEADING_ARTICLE = regex.compile(r"^(?:(?i:the|an?)|our|its|their)\s+")
# "the Area’s", "CQC’s", "Pellingford Council’s": a possessor before a role
_POSSESSOR = regex.compile(r"^((?:\p{Lu}[\p{L}\-&]*\s+){0,3}\p{L}[\p{L}\-&]*)[’']s\s+(?=\S)")
_TOKEN = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}’'\-.]*|&")


@dataclass(slots=True)
class _Open:
    start: int  # the opening mark (or first word when the mark is missing)
    pieces: list[tuple[int, int]] = field(default_factory=list)
    piece_start: int = 0
    first_para: int = 0


class _Raw(NamedTuple):  # a tuple: cheaper to build than a dataclass
    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    first_para: int
    last_para: int
    closed: bool


@cache
def _vocab() -> dict[str, frozenset[str]]:
    data = load("quotes")
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


@cache
def _verb_patterns() -> dict[str, regex.Pattern[str]]:
    verbs = "|".join(sorted(_vocab()["speech_verbs"], key=len, reverse=True))
    # "said in a statement:", "said today:" -- a short adverbial between verb and colon
    adverbial = (
        r"(?:\s+(?:in|on|at|during|after|before|when|while|today|yesterday|this|last|earlier|"
        r"afterwards|later)\b[^.!?:\n“”\"]{0,60}?)?"
    )
    return {
        # "Name, Role, said the findings ..." opening a paragraph (see _paragraph_subject)
        "subject": regex.compile(rf"(?P<who>[^.!?“”\"\n]{{3,160}}?)\s+(?:{verbs})\b"),
        # "..., Name said:" at the end of the text before a quotation; "before_verb" is its
        # part from the verb on, searched first (_who_before)
        "before_verb": regex.compile(
            rf"\b(?P<verb>{verbs})\b{adverbial}\s*(?:that\s*)?[:,]?\s*$", regex.VERSION1
        ),
        "before": regex.compile(
            rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))(?P<who>[^.!?\n]*?(?:\n[^.!?\n]*?)?)"
            rf"\s*\b(?P<verb>{verbs})\b{adverbial}\s*(?:that\s*)?[:,]?\s*$",
            regex.VERSION1,
        ),
        # '“…,” said Name, Role.' and the split '“We found,” said Name, Role, “that …”'
        "after_verb_first": regex.compile(
            rf"^[,\s]*\b(?P<verb>{verbs})\b\s+(?P<who>[^.;!?“”\"]{{2,200}}?)\s*"
            r"(?:[.;!?]|$|,\s*(?=[“\"]))",
            regex.VERSION1,
        ),
        # '“…,” Name said.' (not 'Name said:', which introduces the next quotation)
        "after_name_first": regex.compile(
            rf"^[,\s]*(?P<who>[^.;!?“”\"]{{2,200}}?)\s+\b(?P<verb>{verbs})\b\s*(?:[.,;!?]|$)",
            regex.VERSION1,
        ),
        "intro_end": regex.compile(rf"\b(?:{verbs})\b{adverbial}\s*:\s*$"),
        "speech_end": regex.compile(rf"\b(?:{verbs})\b{adverbial}\s*:?\s*$"),
        # 'According to the Chief Inspector, Sir Tom Winsor, “…”'
        "according": regex.compile(
            r"(?:^|(?<=[.!?]\s))(?:[Aa]ccording to|[Ii]n the words of)\s+"
            r"(?P<who>[^.!?“”\"\n]{2,160}?)[,:]?\s*$"
        ),
    }


def _is_opener(text: str, i: int, is_open: bool) -> bool:
    ch = text[i]
    if ch in _OPENERS:
        # A "“" that ends a paragraph while a quotation is open is a mis-typed closer.
        return not (is_open and (i + 1 == len(text) or text[i + 1] in "\n"))
    if ch in _CLOSERS:
        # A "”" at the very start of a paragraph is a mis-typed opener.
        return not is_open and (i == 0 or text[i - 1] == "\n")
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before in _SPACE or before in "([{—–-:":
        return after not in _SPACE
    return False


def _scan(text: str, paragraphs: Sequence[Span], implicit: set[int]) -> list[_Raw]:
    out: list[_Raw] = []
    cur: _Open | None = None
    headings_pending: list[int] = []

    def finish(end_para: int, closed: bool) -> None:
        nonlocal cur
        if cur is not None and cur.pieces:
            out.append(
                _Raw(
                    cur.start,
                    cur.pieces[-1][1] + (1 if closed else 0),
                    tuple(cur.pieces),
                    cur.first_para,
                    end_para,
                    closed,
                )
            )
        cur = None

    marks = offsets_of(text, _ANY_MARK)
    if not marks and not implicit:
        return out
    for pi, p in enumerate(paragraphs):
        if p.tag == "table":
            if cur is not None:
                finish(pi - 1, False)
            continue
        lo = bisect_left(marks, p.start)
        hi = bisect_left(marks, p.end, lo)
        if cur is None and lo == hi and pi not in implicit:
            continue  # no quotation open, none starts here (most paragraphs)
        q0 = _after_bullet(text, p.start, p.end)
        first_is_open = text.startswith(_ANY_MARK, q0, p.end) and _is_opener(text, q0, False)
        if cur is not None:
            # An open quotation continues only into a paragraph that reopens the mark;
            # short headings between its paragraphs are skipped.
            if first_is_open:
                headings_pending.clear()
            elif _short_heading(text[p.start : p.end]):
                headings_pending.append(pi)
                continue
            else:
                finish(pi - 1 - len(headings_pending), False)
                headings_pending.clear()
        if cur is None and pi in implicit and not first_is_open:
            cur = _Open(start=p.start, piece_start=p.start, first_para=pi)
        elif cur is not None:
            cur.piece_start = p.start
        for i in marks[lo:hi]:
            opener = _is_opener(text, i, cur is not None)
            if cur is None:
                if opener:
                    cur = _Open(start=i, piece_start=i + 1, first_para=pi)
            elif opener:
                if i == q0:
                    cur.piece_start = i + 1
                elif text[cur.piece_start : i].strip(_SPACE):
                    # A reopening mark inside a paragraph: a new quoted paragraph of a
                    # release flattened onto one line.
                    cur.pieces.append(_strip(text, cur.piece_start, i))
                    cur.piece_start = i + 1
                else:
                    cur.piece_start = i + 1
            else:
                cur.pieces.append(_strip(text, cur.piece_start, i))
                finish(pi, True)
        if cur is not None:
            cur.pieces.append(_strip(text, cur.piece_start, p.end))
            if not text[cur.pieces[-1][0] : cur.pieces[-1][1]].strip(_SPACE):
                cur.pieces.pop()
    if cur is not None:
        finish(len(paragraphs) - 1 - len(headings_pending), False)
    return out


def _after_bullet(text: str, start: int, end: int) -> int:
    """Where a paragraph's words start: after a list bullet ("• “Files were …”")."""
    if text[start] in _BULLETS and start + 2 < end and text[start + 1] in " \t\xa0":
        return start + 2
    return start


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _short_heading(s: str) -> bool:
    s = s.strip()
    return 0 < len(s) <= 60 and "\n" not in s and s[-1] not in '.,;:!?”"' and s[0].isupper()


def _implicit_starts(text: str, paragraphs: Sequence[Span]) -> set[int]:
    """Paragraphs that follow ``X says:`` without an opening mark: the quotation starts there."""
    intro = _verb_patterns()["intro_end"]
    out = set()
    for i, (p, nxt) in enumerate(pairwise(paragraphs)):
        if p.tag == "table" or nxt.tag == "table":
            continue
        # The pattern ends in a colon and white space: test that first, it is much cheaper.
        colon = text.rfind(":", p.start, p.end)
        if colon < 0 or text[colon + 1 : p.end].strip():
            continue
        first = _after_bullet(text, nxt.start, nxt.end)
        if intro.search(text, p.start, p.end) and text[first] not in _OPENERS + _STRAIGHT:
            out.add(i + 1)
    return out


@dataclass(frozen=True, slots=True)
class Person:
    speaker: str | None
    role: str | None
    as_written: str | None


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _name_tail(seg: str) -> tuple[str, str] | None:
    """Split a segment into (role part, name) when it ends with a person's name."""
    v = _vocab()
    particles, honorifics, role_words = v["name_particles"], v["honorifics"], v["role_words"]
    toks = _tokens(seg)
    while toks and toks[-1].rstrip(".") in v["postnominals"]:
        toks.pop()
    run: list[str] = []
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        # "Ursula von der Leyen": a lowercase particle between capitalised name words
        particle = False
        if tok in particles and run:
            before = toks[i - 1] if i > 0 else ""
            particle = before in particles or (_is_cap(before) and before not in role_words)
        if not particle and (tok in honorifics or not _is_cap(tok) or tok in role_words):
            break
        if tok.upper() == tok and len(tok) > 1:  # acronyms (CPS, HMCPSI) are not names
            break
        run.insert(0, tok)
    if not run:
        return None
    cut = len(toks) - len(run)
    honorific = cut > 0 and toks[cut - 1] in honorifics
    real = [t for t in run if t not in particles]
    if len(real) > 3:
        keep = len(run) - run.index(real[-3])
        run = run[-keep:]
        cut = len(toks) - keep
    if len(real) == 1 and not honorific and cut > 0:
        return None  # "CPS Caldermouth": a place after a role, not a name
    name = " ".join(run)
    role_toks = toks[:cut]
    while role_toks and (role_toks[-1] in honorifics or role_toks[-1].lower() == "the"):
        role_toks.pop()
    role = _role_text(seg, role_toks)
    return role, name


def _role_text(seg: str, role_toks: list[str]) -> str:
    if not role_toks:
        return ""
    # Recover the role as written (original punctuation) from the segment.
    first, last = role_toks[0], role_toks[-1]
    s = seg.find(first)
    e = seg.rfind(last, s) + len(last) if s >= 0 else -1
    return seg[s:e] if 0 <= s < e else " ".join(role_toks)


def _drop_article(s: str) -> str:
    """``s`` without a leading "the"/"a"/"an"/"our"/"its"/"their" (the regex is called only
    when ``s`` may start with one: a non-ASCII letter may match case-insensitively)."""
    first = s[:1]
    if first.isascii() and first not in "tTaAoi":
        return s
    return _LEADING_ARTICLE.sub("", s)


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = collapse_space(role).strip(" ,;:")
    role = _drop_article(role)
    # "the Area’s Chief Crown Prosecutor", "CQC’s deputy chief inspector": drop the
    # possessor, but keep "His Majesty’s Inspector".
    m = _POSSESSOR.match(role) if "’s" in role or "'s" in role else None
    if m and not m.group(1).endswith("Majesty"):
        role = role[m.end() :]
    return role or None


def _starts_role(seg: str) -> bool:
    first = _TOKEN.match(seg)
    return first is not None and first.group().capitalize() in _vocab()["role_words"]


def _opens_role(seg: str) -> bool:
    """Whether a segment may be a title: "Chief Inspector", "the trust’s chief executive",
    "our head of care", "chief executive"; not a clause ("who led the inspection")."""
    return seg[:1].isupper() or _drop_article(seg) != seg or _starts_role(seg)


def _opens_clause(seg: str) -> bool:
    first = _TOKEN.match(seg)
    return first is not None and first.group() in _vocab()["clause_openers"]


def _is_role(seg: str) -> bool:
    v = _vocab()
    toks = _tokens(seg)
    return bool(toks) and any(
        t in v["role_words"] or t.capitalize() in v["role_words"] for t in toks
    )


def parse_attribution(who: str) -> Person:
    """Split an attribution phrase into speaker name and role.

    ``Chief Inspector of the HMCPSI, Kevin McGinty`` -> (Kevin McGinty, Chief Inspector of the
    HMCPSI); ``HM Inspector of Constabulary Dr Rowan Ashby`` -> (Rowan Ashby, HM Inspector of
    Constabulary); ``the Rt Hon Harriet Coldwell QC MP`` -> (Harriet Coldwell, None).
    """
    who = collapse_space(who).strip(" ,;:")
    segs = [s.strip() for s in who.split(",") if s.strip()]
    for k in range(len(segs) - 1, -1, -1):
        seg = segs[k]
        if seg[:1].islower() and not seg.startswith(("the ", "and ")) and not _starts_role(seg):
            # "who led the inspection", "speaking at the launch": not the speaker (but
            # "chief executive Jane Doe" is)
            continue
        split = _name_tail(seg)
        if split is None:
            continue
        role_part, name = split
        written = collapse_space(_drop_article(seg[len(role_part) :].strip()))
        written = written.strip(" ,")
        role = role_part or None
        if role is None:
            after = segs[k + 1] if k + 1 < len(segs) else None
            before = segs[k - 1] if k > 0 else None
            if after and _is_role(after) and not _opens_clause(after):
                rest = segs[k + 1 :]
                # the role ends where a clause begins ("…, the chief inspector, at the launch")
                end = next((j for j in range(1, len(rest)) if _opens_clause(rest[j])), len(rest))
                role = ", ".join(rest[:end])
            elif before and _is_role(before) and _opens_role(before):
                role = before
        return Person(name, _clean_role(role), written if written != name else None)
    role = next((s for s in reversed(segs) if _is_role(s)), None)
    return Person(None, _clean_role(role), None)


def _attribution(text: str, raw: _Raw, paragraphs: Sequence[Span]) -> str | None:
    """The attribution words of a quotation (after it, before it, or in the paragraph before)."""
    pats = _verb_patterns()
    last_p = paragraphs[raw.last_para]
    first_p = paragraphs[raw.first_para]
    if raw.closed:
        tail = text[raw.end : min(last_p.end, raw.end + _ATTRIBUTION_REACH)]
        for key in ("after_verb_first", "after_name_first"):
            m = pats[key].match(tail)
            if m and _plausible_who(m.group("who")):
                return str(m.group("who"))
    if raw.last_para + 1 < len(paragraphs):
        # A blockquote signed on the next line: "— Name, Role"
        nxt = paragraphs[raw.last_para + 1]
        end = min(nxt.end, nxt.start + _ATTRIBUTION_REACH)
        m = (
            _SIGNATURE.match(text, nxt.start, end)
            if text.startswith(_DASHES, nxt.start, end)
            else None
        )
        if m and raw.end >= last_p.end - 1:
            return str(m.group("who"))
    words = _after_bullet(text, first_p.start, first_p.end)
    head = _last_sentence(text, max(words, raw.start - _ATTRIBUTION_REACH), raw.start)
    if head.strip():  # (a quotation opening its paragraph has no words before it)
        who = _who_before(head)
        if who is not None and who.strip():
            return who
        # "according" may start only where "before" may: at the start of a last sentence
        m = pats["according"].match(head)
        if m and m.group("who").strip():
            return str(m.group("who"))
    if not head.strip(_SPACE) and raw.first_para > 0:
        prev = paragraphs[raw.first_para - 1]
        who = _who_before(_last_sentence(text, prev.start, prev.end))
        if who is not None and who.strip():
            return who
    return None


def _last_sentence(text: str, start: int, end: int) -> str:
    """``text[start:end]`` from just after its last sentence end or double quote mark: an
    attribution never reaches past one, and searching less keeps many quotations cheap."""
    cut = max(text.rfind(ch, start, end) for ch in '.!?“”"')
    return text[max(start, cut + 1) : end]


def _who_before(sentence: str) -> str | None:
    """The ``who`` of the "before" pattern in a last sentence (no sentence end in it, so the
    pattern can only match from its start).

    Its lazy ``who`` tries the verb after every character, which is slow. Searching for the
    verb instead, ``who`` ends at the white space before the leftmost match, unless a line
    break comes first (``who`` may span one, and tries to end after it before ending at it):
    then the whole pattern decides.
    """
    pats = _verb_patterns()
    m = pats["before_verb"].search(sentence)
    if m is None:
        return None
    end = m.start()
    while end > 0 and sentence[end - 1].isspace() and sentence[end - 1] not in SEPARATORS:
        end -= 1  # the pattern's \s: str.isspace() less the four separators
    if "\n" in sentence[: end + 1]:
        full = pats["before"].search(sentence)
        return None if full is None else str(full.group("who"))
    return sentence[:end]


def ends_with_speech(s: str) -> bool:
    """Whether ``s`` ends like an attribution line (``Name, Role, said:``, ``X says``)."""
    return _verb_patterns()["speech_end"].search(s) is not None


def _plausible_who(who: str) -> bool:
    toks = _tokens(who)
    return (0 < len(toks) <= 20 and any(_is_cap(t) for t in toks)) or (
        who in _vocab()["person_pronouns"]
    )


def _resolve(speaker: str | None, known: list[str], text: str, end: int) -> str | None:
    """Resolve a surname-only speaker to the full name used before ``end`` in the release."""
    if speaker is None or " " in speaker:
        return speaker
    for full in reversed(known):
        if full.split()[-1] == speaker:
            return full
    pattern = rf"\b(\p{{Lu}}[\p{{L}}\-’']+)\s+{regex.escape(speaker)}\b"
    m = regex.search(pattern, text, 0, end)
    if m and m.group(1) not in _vocab()["honorifics"] and m.group(1) not in _vocab()["role_words"]:
        return f"{m.group(1)} {speaker}"
    return speaker


def find_quotes(text: str, paragraphs: Sequence[Span]) -> list[Quote]:
    """Find every quotation in the release.

    Args:
        text: the release text.
        paragraphs: the release's paragraphs (ratings tables tagged ``table`` are skipped).

    Returns:
        Quotes in text order: ``text`` is the quoted words without marks, paragraphs joined
        by a blank line; ``start``/``end`` span the quotation from its opening to its closing
        mark; ``speaker`` has honorifics removed (``speaker_as_written`` keeps the written
        form) and a surname alone is resolved to the full name given earlier.
    """
    raws = _scan(text, paragraphs, _implicit_starts(text, paragraphs))
    out: list[Quote] = []
    known: list[str] = []
    previous: tuple[_Raw, Person] | None = None
    for raw in raws:
        who = _attribution(text, raw, paragraphs)
        person = _pronoun(who, out, text, paragraphs[raw.first_para].start, raw.start) or (
            parse_attribution(who) if who else Person(None, None, None)
        )
        if who is None and previous and _continues(text, previous[0], raw, paragraphs):
            person = previous[1]  # '“…,” said X. “…”': the same speaker goes on
        pieces = [text[s:e] for s, e in raw.pieces]
        whole_para = (
            raw.start == paragraphs[raw.first_para].start
            and raw.end >= paragraphs[raw.last_para].end - 1
        )
        if who is None and not whole_para and len(_tokens(" ".join(pieces))) < _MIN_FRAGMENT_WORDS:
            continue
        if pieces and pieces[-1].endswith(","):
            pieces[-1] = pieces[-1][:-1]
        previous = (raw, person) if person.speaker else None
        speaker = _resolve(person.speaker, known, text, raw.start)
        if speaker and " " in speaker:
            known.append(speaker)
        written = person.as_written
        if speaker != person.speaker and written is None:
            written = _written_form(who or "", person.speaker)
        out.append(
            Quote(
                text="\n\n".join(pieces),
                speaker=speaker,
                role=person.role,
                paragraphs=len(pieces),
                start=raw.start,
                end=raw.end,
                speaker_as_written=written,
                attribution=collapse_space(who) if who else None,
            )
        )
    return out


def _paragraph_subject(text: str, para_start: int, quote_start: int) -> Person | None:
    """The person a paragraph opens with in reported speech (``Sir Ann Lee, chair of the
    Board, said the findings were encouraging.``), for a ``he said`` later in it."""
    m = _verb_patterns()["subject"].match(text, para_start, quote_start)
    if m is None:
        return None
    person = parse_attribution(m.group("who"))
    if person.speaker is None or " " not in person.speaker:
        return None
    return person


def _pronoun(
    who: str | None, before: list[Quote], text: str, para_start: int, quote_start: int
) -> Person | None:
    """``He added:`` names the person the quotation's paragraph opens with in reported speech,
    else the speaker of the last attributed quotation; ``It said`` names nobody."""
    if who is None:
        return None
    word = who.strip(_SPACE + ",")
    v = _vocab()
    if word in v["person_pronouns"]:
        subject = _paragraph_subject(text, para_start, quote_start)
        if subject is not None:
            return subject
        last = next((q.speaker for q in reversed(before) if q.speaker), None)
        return Person(last, None, word if last else None)
    return Person(None, None, None) if word in v["other_pronouns"] else None


def _continues(text: str, before: _Raw, raw: _Raw, paragraphs: Sequence[Span]) -> bool:
    """Whether ``raw`` goes on from the attributed quotation ``before``: in the same
    paragraph after its attribution, or opening the very next paragraph."""
    if raw.first_para == before.last_para:
        between = text[before.end : raw.start]
        return not _MARKS.search(between) and len(between) <= _ATTRIBUTION_REACH // 2
    return raw.first_para == before.last_para + 1 and raw.start == paragraphs[raw.first_para].start


def _written_form(who: str, surname: str | None) -> str | None:
    if not surname:
        return None
    m = regex.search(rf"(?:\b\p{{Lu}}\p{{L}}*\.?\s+)?{regex.escape(surname)}\b", who)
    return collapse_space(m.group(0)) if m else surname
