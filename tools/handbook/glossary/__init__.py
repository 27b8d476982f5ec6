"""The glossary: curated terms, found inside unspaced Chinese and marked in
the model; candidates for terms it does not list yet.

- `terms`: source/glossary.yml read and validated, citations checked;
- `matcher`: every term in a text, longest first, in one regex pass;
- `concordance`: the essays' text as passages, where each term is defined;
- `linking`: the enrichment step marking term links in the model, once;
- `candidates`: phrases the text defines or keeps quoting.

It works on the document model alone: the glossary pages are the Markdown
writer's, from the `Glossary` this step leaves in the model.
"""

from .candidates import CANDIDATE_RULES, QUOTED, candidate_report, mine_candidates
from .concordance import handbook_lines, passages
from .linking import link_terms
from .matcher import TermMatcher
from .terms import check_citations, load_glossary, slugify

__all__ = [
    "CANDIDATE_RULES",
    "QUOTED",
    "TermMatcher",
    "candidate_report",
    "check_citations",
    "handbook_lines",
    "link_terms",
    "load_glossary",
    "mine_candidates",
    "passages",
    "slugify",
]
