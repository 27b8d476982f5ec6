"""The search on a throttled phone and its inexact answers (handbook.search.measure)."""

from __future__ import annotations

import sys
from pathlib import Path


def search_figures(results: list[dict], work: Path, pagefind: bool) -> list[dict] | None:
    """Each scale's search figures (handbook.search.measure), searching from
    its first essay, over the query set drawn from the ×1 handbook; None
    without a ×1 run to draw it from."""
    from ..hant import HantConverter
    from ..search.index import read_sections
    from ..search.measure import measure_site
    from ..search.queries import Corpus, query_set

    if not any(r["scale"] == 1 for r in results):
        return None
    corpus = Corpus(read_sections(work / "x1" / "site" / "search"))
    queries = query_set(corpus, HantConverter("s2tw").convert)
    figures = []
    for r in results:
        print(f"bench: search at ×{r['scale']} …", file=sys.stderr, flush=True)
        site = work / f"x{r['scale']}" / "site"
        essay = min((site / "text").glob("essay-*/")).relative_to(site).as_posix() + "/"
        found = measure_site(site, site.parent / "bare-site", queries, pagefind, essay)
        figures.append({"scale": r["scale"], "queries": queries, **found})
    return figures


def search_table(figures: list[dict]) -> str:
    from ..search.measure import CPU_SLOWDOWN, NETWORK, summary

    def row(*cells: object) -> str:
        return "| " + " | ".join(str(c) for c in cells) + " |"

    kbps = NETWORK["downloadThroughput"] * 8 / 1e3
    out = [
        f"Search on a phone ({CPU_SLOWDOWN}× slower CPU, {kbps:.0f} kbit/s, "
        f"{NETWORK['latency']} ms latency): the search's bytes (gzip) before the first "
        "result is shown, and seconds from the query typed to it.",
        "",
        row("scale", "search", "queries", "KB median", "KB most", "s median"),
        row(*["---"] * 6),
    ]
    for f in figures:
        for engine, (median, most, seconds) in summary(f["first"]).items():
            n = sum(1 for x in f["first"] if x.engine == engine)
            out.append(
                row(f"×{f['scale']}", engine, n, f"{median:.0f}", f"{most:.0f}", f"{seconds:.2f}")
            )
    queries = figures[0]["queries"]
    kinds = list(queries)
    out += [
        "",
        "Inexact answers (results other than what the pages hold), of "
        + ", ".join(f"{len(queries[k])} {k}" for k in kinds)
        + ".",
        "",
        row("scale", "search", *kinds),
        row(*["---"] * (2 + len(kinds))),
    ]
    for f in figures:
        for engine, counts in f["inexact"].items():
            out.append(row(f"×{f['scale']}", engine, *(counts[k] for k in kinds)))
    return "\n".join(out) + "\n"
