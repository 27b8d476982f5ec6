"""The fixed queries of the search's measurements and what the pages really
hold for each (for `make bench`, through handbook.search.measure): an answer
is inexact when it differs from `Corpus.holding`."""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass
from typing import Any

from .folding import fold
from .pages import Section

WORDS = ["群众路线", "四风", "生命线", "焦裕禄", "形式主义", "党员干部", "最后一公里", "为人民服务"]
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@dataclass
class Corpus:
    """What an edition's pages hold, as its index reads them."""

    sections: dict[str, list[Section]]  # by page URL

    @functools.cached_property
    def folded(self) -> dict[str, list[str]]:
        return {
            url: [fold(s.title + "\n" + s.text) for s in ss] for url, ss in self.sections.items()
        }

    def essays(self) -> set[str]:
        return {url for url in self.sections if not url.startswith("glossary/")}

    def holding(self, query: str) -> tuple[set[str], set[str]]:
        """Sections holding every term; pages holding every term, anywhere."""
        terms = [fold(t) for t in query.split()]
        sections, pages = set(), set()
        for url, texts in self.folded.items():
            for section, text in zip(self.sections[url], texts, strict=True):
                if all(t in text for t in terms):
                    sections.add(f"{url}#{section.anchor}" if section.anchor else url)
            if all(any(t in text for text in texts) for t in terms):
                pages.add(url)
        return sections, pages


def query_set(corpus: Corpus, to_traditional: Any, seed: int = 14) -> dict[str, list[str]]:
    """The fixed queries, drawn from the ×1 handbook's essays (seeded)."""
    rnd = random.Random(seed)
    runs = [
        (url, run)
        for url in sorted(corpus.essays())
        for section in corpus.sections[url]
        for run in HAN_RUN.findall(section.text)
    ]

    def part(low: int, high: int, url: str | None = None) -> str:
        url_runs = [r for u, r in runs if len(r) >= low and url in (None, u)]
        run = rnd.choice(url_runs)
        n = rnd.randint(low, min(high, len(run)))
        start = rnd.randint(0, len(run) - n)
        return run[start : start + n]

    pages = sorted({url for url, _ in runs})
    queries = {
        "words": WORDS,
        "substrings": [part(2, 4) for _ in range(8)],
        "phrases": [part(6, 12) for _ in range(8)],
        "single characters": [part(1, 1) for _ in range(8)],
        "terms from two sections": [],
    }
    for _ in range(8):
        url = rnd.choice(pages)
        queries["terms from two sections"].append(f"{part(2, 4, url)} {part(2, 4, url)}")
    queries["other script"] = [to_traditional(q) for q in WORDS[:4] + queries["phrases"][:4]]
    return queries


def inexact(
    corpus: Corpus, queries: dict[str, list[str]], answers: dict[str, list[Any]], engine: str
) -> dict[str, int]:
    """Per kind of query, how many answers differ from what the pages hold."""
    essays = corpus.essays()
    counts, flat = {}, iter(answers[engine])
    for kind, some in queries.items():
        wrong = 0
        for query in some:
            answer = next(flat)
            sections, pages = corpus.holding(query)
            if engine == "handbook":
                with_section = {s.split("#")[0] for s in sections}
                right = answer == (sections, pages - with_section)
            else:
                want = {s.split("#")[0] for s in sections} if engine == "material" else pages
                right = answer & essays == want & essays
            wrong += not right
        counts[kind] = wrong
    return counts
