"""The Markdown the handbook's pages are read with: Python-Markdown's inline
syntax less what the converter never writes.

Python-Markdown tries every inline pattern on every run of text, so a
pattern no page can hold still costs on each one (a third of the inline
work at ×100). The converter's writer (handbook.markdown) escapes every
character that could start these, in the text and in link titles, so
leaving them out changes no page. Its own syntax (links, `**strong**`, line
breaks, `<small>`, `&lt;`, backslash escapes) keeps its patterns.

mkdocs.yml lists the extension: `- handbook.markdown_syntax`.
"""

from __future__ import annotations

from typing import NamedTuple

from markdown import Markdown
from markdown.extensions import Extension


class UnwrittenSyntax(NamedTuple):
    """An inline pattern of Python-Markdown's, what starts it, and an example."""

    pattern: str
    starts_with: str
    example: str


UNWRITTEN = (
    UnwrittenSyntax("backtick", "`", "`code`"),
    UnwrittenSyntax("reference", "[", "[text][label]"),
    UnwrittenSyntax("short_reference", "[", "[label]"),
    UnwrittenSyntax("image_link", "!", "![alt](image.png)"),
    UnwrittenSyntax("image_reference", "!", "![alt][label]"),
    UnwrittenSyntax("short_image_ref", "!", "![label]"),
    UnwrittenSyntax("autolink", "<", "<https://example.org/>"),
    UnwrittenSyntax("automail", "<", "<name@example.org>"),
)


class WrittenSyntaxExtension(Extension):
    """Removes the inline patterns of `UNWRITTEN` from a Markdown instance."""

    def extendMarkdown(self, md: Markdown) -> None:
        for syntax in UNWRITTEN:
            md.inlinePatterns.deregister(syntax.pattern)


def makeExtension(**kwargs) -> WrittenSyntaxExtension:
    return WrittenSyntaxExtension(**kwargs)
