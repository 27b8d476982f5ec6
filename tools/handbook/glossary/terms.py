"""The curated glossary: source/glossary.yml read, validated and checked
against the text.

The file is written by hand and always wins. Every error names the YAML
line; a `defined_at` that does not quote its source line word for word is
reported (`check_citations`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from ..addresses import is_slug, slug
from ..decoding import node_line, read_yaml, whole_number
from ..errors import ConversionError
from ..model import CATEGORIES, Citation, SourceLine, Term
from ..punctuation import restore_full_width

FIELDS = {
    "term",
    "slug",
    "aliases",
    "category",
    "definition",
    "defined_at",
    "parts",
    "not_in",
    "note",
}
REQUIRED = ("term", "category", "definition")
GLOSSARY_MAX_BYTES = 10_000_000  # a curated list of terms, not a text


def slugify(term: str) -> str:
    """ASCII slug from the pinyin: 最后一公里 → zui-hou-yi-gong-li.

    pypinyin is imported here, where it is used: its phrase table takes 0.1 s
    to load, and a conversion needs it only for a term without a slug.
    """
    from pypinyin import lazy_pinyin

    return "-".join(w for w in map(slug, lazy_pinyin(term)) if w)


def load_glossary(path: Path) -> list[Term]:
    """Read and validate the curated glossary; errors name the YAML line."""
    root = read_yaml(path, GLOSSARY_MAX_BYTES)
    if not isinstance(root, yaml.SequenceNode):
        raise ConversionError(path, _line(root), "the glossary must be a list of terms")
    terms = [_term(path, node) for node in root.value]
    _check_unique(path, terms)
    return terms


def _line(node: yaml.Node | None) -> int | None:
    return node_line(node) if node is not None else None


def _text(path: Path, node: yaml.Node, key: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        raise ConversionError(path, _line(node), f"{key}: expected text")
    value = " ".join(node.value.split())
    if not value:
        raise ConversionError(path, _line(node), f"{key}: must not be empty")
    return value


def _chinese(path: Path, node: yaml.Node, key: str) -> str:
    # Typed like the source, typed with the same narrowed punctuation: restore it
    # the same way, so terms and quotes compare equal to the normalised text.
    return restore_full_width(_text(path, node, key))


def _chineses(path: Path, node: yaml.Node, key: str) -> list[str]:
    if not isinstance(node, yaml.SequenceNode):
        raise ConversionError(path, _line(node), f"{key}: expected a list")
    return [_chinese(path, item, key) for item in node.value]


def _citation(path: Path, node: yaml.Node) -> Citation:
    fields = _mapping(path, node, "defined_at")
    if set(fields) != {"line", "quote"}:
        raise ConversionError(path, _line(node), "defined_at: needs exactly line and quote")
    line = whole_number(fields["line"])
    if line is None:
        raise ConversionError(
            path, _line(fields["line"]), "defined_at.line: expected a line number"
        )
    return Citation(line, _chinese(path, fields["quote"], "defined_at.quote"))


def _mapping(path: Path, node: yaml.Node, what: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise ConversionError(path, _line(node), f"{what}: expected a mapping")
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise ConversionError(path, _line(key), f"{what}: a field name must be a word")
        if key.value in fields:
            raise ConversionError(path, _line(key), f"{what}: {key.value} given twice")
        fields[key.value] = value
    return fields


def _term(path: Path, node: yaml.Node) -> Term:
    fields = _mapping(path, node, "term entry")
    unknown = sorted(set(fields) - FIELDS)
    if unknown:
        raise ConversionError(path, _line(node), f"unknown field {unknown[0]!r}")
    for key in REQUIRED:
        if key not in fields:
            raise ConversionError(path, _line(node), f"missing field {key!r}")
    term = Term(
        term=_chinese(path, fields["term"], "term"),
        slug="",
        category=_text(path, fields["category"], "category"),
        definition=_chinese(path, fields["definition"], "definition"),
        line=_line(node) or 0,
    )
    if term.category not in CATEGORIES:
        known = ", ".join(CATEGORIES)
        raise ConversionError(path, _line(fields["category"]), f"category must be one of: {known}")
    term.slug = _text(path, fields["slug"], "slug") if "slug" in fields else slugify(term.term)
    if not is_slug(term.slug):
        where = _line(fields.get("slug", node))
        raise ConversionError(path, where, f"slug {term.slug!r} is not lower-case ASCII words")
    for key in ("aliases", "parts", "not_in"):
        if key in fields:
            setattr(term, key, _chineses(path, fields[key], key))
    if "defined_at" in fields:
        term.defined_at = _citation(path, fields["defined_at"])
    if "note" in fields:
        term.note = _chinese(path, fields["note"], "note")
    for wider in term.not_in:
        if not any(p in wider and p != wider for p in term.phrases):
            raise ConversionError(
                path, _line(fields["not_in"]), f"not_in: {wider!r} does not contain the term"
            )
    return term


def _check_unique(path: Path, terms: list[Term]) -> None:
    owners: dict[str, Term] = {}
    slugs: dict[str, Term] = {}
    for term in terms:
        if term.slug in slugs:
            raise ConversionError(path, term.line, f"slug {term.slug!r} is already used")
        slugs[term.slug] = term
        for phrase in term.phrases:
            if phrase in owners:
                other = owners[phrase].term
                raise ConversionError(
                    path, term.line, f"{phrase!r} is already listed under {other}"
                )
            owners[phrase] = term


def check_citations(terms: list[Term], lines: Iterable[SourceLine]) -> list[tuple[Term, list[int]]]:
    """Every defined_at must quote its source line word for word. The terms
    whose quote is not on the line cited are returned, each with the lines
    where the quote stands instead: none, when it cites a text no longer in
    the handbook; some, when another text (or another line) happens to say
    the same words. Either is reported, never fatal: the citation cannot be
    trusted, and a handbook of other texts must still build."""
    by_number: dict[int, str] = {}
    for line in lines:
        by_number[line.number] = (
            f"{by_number[line.number]}\n{line.text}" if line.number in by_number else line.text
        )
    wrong = []
    for term in terms:
        cited = term.defined_at
        if not cited or cited.quote in by_number.get(cited.line, ""):
            continue
        elsewhere = sorted(n for n, text in by_number.items() if cited.quote in text)
        wrong.append((term, elsewhere))
    return wrong
