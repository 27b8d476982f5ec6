"""Candidates: phrases the text defines, enumerates or keeps quoting that the
curated glossary does not list yet. The miner proposes; it never adds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..chars import COLON, COMMA, EXCLAMATION, QUESTION, SEMICOLON
from ..model import SourceLine, Term
from ..patterns import Rule
from .terms import slugify

QUOTES = str.maketrans("", "", "“”‘’")


def pinyin_key(text: str) -> tuple[list[str], str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.TONE3), text


# Definition patterns: the text explaining or enumerating a phrase. Group
# `phrase` is the candidate. The text is full-width (the reader restores it).
STOP = f"{COMMA}{COLON}{SEMICOLON}{QUESTION}{EXCLAMATION}。、"  # ends a phrase
START = f"(?:^|[。{SEMICOLON}{QUESTION}{EXCLAMATION}])"  # a sentence starts
ITEM = f"[^{STOP}“”]{{1,12}}"  # one member of an enumeration

CANDIDATE_RULES = [
    Rule(
        "so-called",
        r"所谓“(?P<phrase>[^“”]{1,20})”",
        f"所谓“最后一公里”{COMMA}原指完成长途跋涉的最后一段里程",
        "所谓“X”: the text explains X",
    ),
    Rule(
        "quoted-list",
        rf"^“(?P<phrase>[^“”]{{1,12}})”{ITEM}(?:、{ITEM}){{2,}}",
        "“四风”形式主义、官僚主义、享乐主义、奢靡之风。",
        "“X”A、B、C: X names a list",
    ),
    Rule(
        "line-list",
        rf"^(?P<phrase>[^{STOP}]{{1,12}}){COLON}{ITEM}(?:[、{COMMA}]{ITEM}){{2,}}",
        f"官僚主义{COLON}脱离实际、脱离群众、高高在上、漠视现实",
        "X: A、B、C at the start of a line",
    ),
    Rule(
        "is-namely",
        rf"{START}(?P<phrase>[^{STOP}“”]{{2,10}}){COMMA}就是",
        f"党的群众路线{COMMA}就是一切为了群众{COMMA}一切依靠群众",
        "X, 就是…: X is explained",
    ),
    Rule(
        "quoted-that-is",
        rf"“(?P<phrase>[^“”]{{1,20}})”{COMMA}即",
        f"实施基层联系“10+10工程”{COMMA}即结交10名青年良师益友",
        "“X”, 即…: X is explained",
    ),
    Rule(
        "that-is",
        rf"{START}(?P<phrase>[^{STOP}“”]{{2,10}}){COMMA}即",
        f"二者的关系{COMMA}即先后关系",
        "X, 即…: X is explained",
    ),
    Rule(
        "means",
        rf"{START}(?P<phrase>[^{STOP}“”]{{2,6}})指(?![出导挥示标明引南])",
        "官僚主义指脱离实际、脱离群众、做官当老爷的领导作风。",
        "X指…: X means …",
    ),
]

# A quoted phrase is a candidate once the text quotes it this often.
QUOTED = Rule("quoted", rf"“(?P<phrase>[^“”{STOP}]{{2,12}})”", "“最后一公里”", "a quoted phrase")
QUOTED_MIN = 2


@dataclass
class Candidate:
    phrase: str
    rules: list[str]  # names of the rules that found it
    count: int  # occurrences anywhere in the text
    lines: list[int]  # source lines it occurs on


def mine_candidates(lines: Iterable[SourceLine], terms: Iterable[Term]) -> list[Candidate]:
    """Phrases the text defines, enumerates or keeps quoting that the curated
    glossary does not list yet; most frequent first."""
    lines = list(lines)
    known = {p.translate(QUOTES) for t in terms for p in t.phrases}
    found: dict[str, list[str]] = {}

    def propose(phrase: str, name: str) -> None:
        phrase = phrase.translate(QUOTES).strip()
        if len(phrase) >= 2 and phrase not in known and name not in found.get(phrase, []):
            found.setdefault(phrase, []).append(name)

    for line in lines:
        for candidate_rule in CANDIDATE_RULES:
            for match in candidate_rule.pattern.finditer(line.text):
                propose(match.group("phrase"), candidate_rule.name)
    quoted = Counter(
        m.group("phrase") for line in lines for m in QUOTED.pattern.finditer(line.text)
    )
    for phrase, count in quoted.items():
        if count >= QUOTED_MIN:
            propose(phrase, QUOTED.name)

    unquoted = [(line.number, line.text.translate(QUOTES)) for line in lines]
    candidates = []
    for phrase, names in found.items():
        where = sorted({number for number, text in unquoted if phrase in text})
        count = sum(text.count(phrase) for _, text in unquoted)
        candidates.append(Candidate(phrase, names, count, where))
    return sorted(candidates, key=lambda c: (-c.count, pinyin_key(c.phrase)))


def candidate_report(candidates: list[Candidate]) -> str:
    """The listing for `handbook glossary --candidates`, one candidate a line."""
    if not candidates:
        return "no candidates: every mined phrase is in the glossary\n"
    rows = []
    for c in candidates:
        shown = ", ".join(map(str, c.lines[:8])) + (" …" if len(c.lines) > 8 else "")
        rows.append(
            f"{c.count:>4}  {c.phrase}  slug: {slugify(c.phrase)}  [{', '.join(c.rules)}]  lines {shown}"
        )
    return "\n".join(rows) + "\n"
