"""The whole build: gather the context (sources, figures), then write outputs.

    ctx = gather(sources_path)      # read + verify articles, extract figures
    publish(ctx, data_dir, site_dir) # CSVs and site, swapped in only when complete
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import extract, load, site
from .model import Figure, Source
from .sources import load_sources


@dataclass
class Context:
    sources: list[Source]
    figures: list[Figure]
    build_stamp: str                     # from the inputs, never the clock
    messages: list[str] = field(default_factory=list)


def build_stamp(sources: list[Source]) -> str:
    """Identifies the inputs: latest article date and a hash of every pinned sha256."""
    h = hashlib.sha256("".join(sorted(s.sha256 for s in sources)).encode()).hexdigest()[:10]
    latest = max((s.date for s in sources if s.date), default="")
    return f"{len(sources)} articles, latest dated {latest or 'unknown'}, inputs {h}"


def gather(sources_path: str | Path) -> Context:
    sources = load_sources(sources_path)
    figures: list[Figure] = []
    for src in sources:
        figures.extend(extract.extract_article(src))
    return Context(sources=sources, figures=figures, build_stamp=build_stamp(sources))


def publish(ctx: Context, data_dir: str | Path, site_dir: str | Path) -> None:
    with load.staged(Path(data_dir), Path(site_dir)) as (tmp_data, tmp_site):
        load.write_data(tmp_data, ctx.sources, ctx.figures)
        ctx.messages.extend(site.render(ctx, tmp_site))  # e.g. "sources disagree" lines
