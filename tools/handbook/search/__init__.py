"""The handbook's search: exact, in either script, split to load little.

- folding.py: the script fold, from OpenCC's tables (群眾 finds 群众);
- pages.py: which pages are searched, and a section's plain text;
- sections.py: a page's sections, read from its HTML as it is built;
- index.py: the index of one edition, in shards a query fetches as needed;
- material.py: Material for MkDocs' side, patched and checked;
- page.js (inlined in every page) and docs/assets/javascripts/search-worker.js:
  the reader's side, started when the reader opens the search box.
"""

from . import material
from .index import SearchIndex, SearchSettings
from .sections import sections_of

__all__ = ["SearchIndex", "SearchSettings", "material", "sections_of"]
