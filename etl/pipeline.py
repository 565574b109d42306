"""The whole build: gather the context (sources, figures), then write outputs.

    ctx = gather(sources_path)       # read + verify articles, extract (cached), apply reviews
    publish(ctx, data_dir, site_dir) # CSVs and site, swapped in only when complete

The review decisions are read from DATA/review.yaml (data_dir, by default the
`data` folder beside the sources file); outputs never overwrite that file.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import cache, extract, load, review, site
from .model import Figure, Source
from .progress import progress
from .sources import load_sources

REVIEW_FILE = "review.yaml"


@dataclass
class Context:
    sources: list[Source]
    figures: list[Figure]
    build_stamp: str                     # from the inputs, never the clock
    messages: list[str] = field(default_factory=list)
    review: review.Outcome = field(default_factory=review.Outcome)
    n_extracted: int = 0                 # articles extracted this run (the rest came from the cache)


def build_stamp(sources: list[Source]) -> str:
    """Identifies the inputs: latest article date and a hash of every pinned sha256."""
    h = hashlib.sha256("".join(sorted(s.sha256 for s in sources)).encode()).hexdigest()[:10]
    latest = max((s.date for s in sources if s.date), default="")
    return f"{len(sources)} articles, latest dated {latest or 'unknown'}, inputs {h}"


def review_path(sources_path: str | Path, data_dir: str | Path | None) -> Path:
    return Path(data_dir if data_dir is not None else Path(sources_path).parent / "data") / REVIEW_FILE


def extract_all(sources: list[Source]) -> tuple[list[Figure], int]:
    """Every article's figures, from the cache when its entry is current; (figures, n extracted)."""
    version = cache.current_version()
    cached = {s.id: cache.load(s, version) for s in sources}
    todo = [s for s in sources if cached[s.id] is None]
    for src in progress(todo, len(todo), "extract"):
        cached[src.id] = extract.extract_article(src)
        cache.store(src, cached[src.id], version)
    return [f for s in sources for f in cached[s.id]], len(todo)


def gather(sources_path: str | Path, data_dir: str | Path | None = None) -> Context:
    sources = load_sources(sources_path)
    figures, n_extracted = extract_all(sources)
    figures, outcome = review.apply(figures, review.load_decisions(review_path(sources_path, data_dir)))
    return Context(sources=sources, figures=figures, build_stamp=build_stamp(sources),
                   messages=review.messages(outcome), review=outcome, n_extracted=n_extracted)


def publish(ctx: Context, data_dir: str | Path, site_dir: str | Path) -> None:
    with load.staged(Path(data_dir), Path(site_dir)) as (tmp_data, tmp_site):
        load.write_data(tmp_data, ctx.sources, ctx.figures)
        ctx.messages.extend(site.render(ctx, tmp_site))  # e.g. "sources disagree" lines
