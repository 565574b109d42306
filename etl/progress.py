"""Progress of a long run: a tqdm bar on a terminal, plain log lines otherwise.

A bar only when stderr is a terminal and CI is not set to true; elsewhere (CI,
pipes, tests) a line every tenth of the way, and only for runs of at least
`min_items`, so a small build's stderr stays empty.
"""
from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator, TextIO, TypeVar

T = TypeVar("T")


def interactive(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    ci = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
    return not ci and hasattr(stream, "isatty") and stream.isatty()


def log_points(total: int) -> set[int]:
    """The counts after which a plain log line is printed: each tenth, and the last."""
    return {max(1, round(total * k / 10)) for k in range(1, 11)} if total else set()


def progress(items: Iterable[T], total: int, desc: str, min_items: int = 20,
             stream: TextIO | None = None) -> Iterator[T]:
    """Yield items, reporting how far along the run is."""
    stream = stream or sys.stderr
    if total < min_items:
        yield from items
        return
    if interactive(stream):
        from tqdm import tqdm
        yield from tqdm(items, total=total, desc=desc, file=stream, leave=False, unit="article")
        return
    points = log_points(total)
    for n, item in enumerate(items, 1):
        yield item
        if n in points:
            print(f"{desc}: {n}/{total}", file=stream, flush=True)
