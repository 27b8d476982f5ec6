"""What the converter decided, for a maintainer to review: a short text and
the same facts as JSON.

The JSON holds every repair, each way it was made once: restoring full-width
punctuation touches most lines of a text, nearly always in the same few ways
(`,×2` → `，×2`), and a text pasted twice repeats all its repairs. A repair
(rule, before, after, count) is listed with every line it was made on (`line`
the first of them), so the report grows with what the converter did, not
with how often it did it."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .addresses import essay_page
from .model import Collection, Doubt, Handbook, Heading, Paragraph, Repair


def counts(collection: Collection) -> dict[str, int]:
    articles = [a for e in collection.essays for a in e.articles]
    blocks = [b for a in articles for b in a.blocks]
    return {
        "essays": len(collection.essays),
        "articles": len(articles),
        "sections": sum(isinstance(b, Heading) for b in blocks)
        + sum(bool(a.title) for a in articles),
        "paragraphs": sum(isinstance(b, Paragraph) for b in blocks),
        "bylines": sum(
            len(e.bylines) + sum(len(a.bylines) for a in e.articles) for e in collection.essays
        ),
    }


def report_data(handbook: Handbook, out: Path | None = None) -> dict:
    collections = []
    for c in handbook.collections:
        collections.append(
            {
                "source": str(c.source),
                "title": c.title,
                "title_line": c.title_line,
                "date": c.date,
                "date_line": c.date_line,
                "conventions": c.conventions,
                "counts": counts(c),
                "essays": [
                    {
                        "number": e.number,
                        "title": e.title,
                        "line": e.line,
                        "last_line": e.last_line,
                        "page": essay_page(c.slug, e.slug),
                        "date": e.date,
                        "articles": [a.title for a in e.articles],
                        "characters": e.characters,
                    }
                    for e in c.essays
                ],
                "recognised": [vars(r) for r in c.recognitions],
                "repairs": repairs_data(c.repairs),
                "removed": [vars(r) for r in c.removals],
                "doubts": [vars(d) for d in c.doubts],
            }
        )
    glossary = handbook.glossary.doubts if handbook.glossary else []
    return {
        "output": str(out) if out else None,
        "collections": collections,
        "glossary_doubts": [vars(d) for d in glossary],
    }


def repairs_data(repairs: list[Repair]) -> list[dict]:
    """The repairs for the JSON report, in order of their first line: each
    way a repair was made once, with the lines it was made on."""
    made: dict[tuple[str, str, str, int], dict] = {}
    for r in repairs:
        key = (r.rule, r.before, r.after, r.count)
        if key in made:
            made[key]["lines"].append(r.line)
        else:
            made[key] = vars(r) | {"lines": [r.line]}
    return list(made.values())


def report_text(handbook: Handbook) -> str:
    lines = []
    for c in handbook.collections:
        n = counts(c)
        lines.append(f"{c.source}: {c.title} ({c.date or 'no date'})")
        lines.append("  found: " + ", ".join(f"{v} {k}" for k, v in n.items()))
        lines.append(f"  conventions: {c.conventions}")
        for r in sorted(c.recognitions, key=lambda r: r.line):
            lines.append(f"  line {r.line}: {r.rule}: {r.what}")
        by_rule = defaultdict(list)
        for r in c.repairs:
            by_rule[r.rule].append(r)
        lines.append(f"  repairs: {len(c.repairs)}")
        for rule, repairs in by_rule.items():
            if rule == "full-width-punctuation":
                marks = sum(r.count for r in repairs)
                lines.append(
                    f"    {rule}: {marks} marks on {len(repairs)} lines (details in --report)"
                )
                continue
            for r in repairs:
                lines.append(f"    line {r.line}: {rule}: {r.before} → {r.after}")
        lines.append(f"  removed as debris: {len(c.removals)}")
        for r in c.removals:
            lines.append(f"    line {r.line}: {r.rule}: {r.text}")
        lines += doubts_text(c.doubts, "  doubts (check these lines)")
    if handbook.glossary and handbook.glossary.doubts:
        lines += doubts_text(handbook.glossary.doubts, "glossary.yml: doubts")
    return "\n".join(lines)


def doubts_text(doubts: list[Doubt], heading: str) -> list[str]:
    """Where the converter had to guess, line by line; nothing when it did not."""
    if not doubts:
        return []
    return [f"{heading}: {len(doubts)}"] + [
        f"    line {d.line}: {d.rule}: {d.what}" for d in doubts
    ]
