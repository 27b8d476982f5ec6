"""The inline syntax the site's Markdown leaves out is syntax the converter never writes."""

import markdown

from handbook.markdown import escape
from handbook.markdown_syntax import UNWRITTEN


def test_each_left_out_pattern_starts_with_a_character_the_writer_escapes():
    for syntax in UNWRITTEN:
        assert syntax.example.startswith(syntax.starts_with)
        assert not escape(syntax.example).startswith(syntax.starts_with), syntax


def test_escaped_examples_read_the_same_with_and_without_the_left_out_patterns():
    full = markdown.Markdown(extensions=["attr_list", "toc"])
    written = markdown.Markdown(extensions=["attr_list", "toc", "handbook.markdown_syntax"])
    for syntax in UNWRITTEN:
        text = f"前文{escape(syntax.example)}后文，见[群众路线](../glossary/a.md){{: .term }}"
        assert written.convert(text) == full.convert(text), syntax
        assert syntax.pattern not in written.inlinePatterns
