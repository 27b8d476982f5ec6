"""The corpus of real texts and the scorer that measures the converter on it.

Each text `tests/corpus/NAME.txt` has an outline `NAME.yml` written by a
careful reader (the schema is in tests/corpus/README.md). The scorer converts
every text through the public pipeline and compares what the converter found
with the outline:

- boundaries of essays and articles, as positions in the text's sequence of
  Han characters: an article starts at the first Han character of its title
  (of its body, `begins`, when untitled), an essay at its marker (at its title
  when it has none); expected positions are found by searching forward;
- exact titles, exact authors (names, and names with roles), dates found,
  headings (precision and recall), debris removed (precision and recall, in
  characters of the raw text);
- characters lost: Han characters of the source, outside the debris the
  converter reported, that do not appear in order in its output (must be 0),
  and the same count outside the debris the reader expects;
- the report's doubts against those errors: how many of the errors (boundaries,
  titles, authors) a doubt near them flags, and how many doubts stand near no
  wrong result (false alarms). Shown, not recorded as floors.

    python -m handbook.corpus [NAME ...] [--corpus DIR] [--out FILE] [--record]

prints a table, writes it to build/corpus.md, and with --record writes the
scores to tests/corpus/scores.yml, the floor tests/test_corpus.py holds each
text to.

Modules: `outline` (the schema, the reader's outlines), `converted` (the
converter's outline of a text), `scoring` (positions and scores), `run` (the
command).
"""

from .converted import converter_outline
from .outline import (
    CORPUS,
    DOUBT_COUNTS,
    LOWER_IS_BETTER,
    METRICS,
    ORIGINS,
    SCORES,
    Article,
    Author,
    CorpusError,
    Essay,
    Outline,
    load_outline,
    quoted_strings,
)
from .run import measure
from .scoring import Source, score, starts

__all__ = [
    "CORPUS",
    "DOUBT_COUNTS",
    "LOWER_IS_BETTER",
    "METRICS",
    "ORIGINS",
    "SCORES",
    "Article",
    "Author",
    "CorpusError",
    "Essay",
    "Outline",
    "Source",
    "converter_outline",
    "load_outline",
    "measure",
    "quoted_strings",
    "score",
    "starts",
]
