"""Cut an article's text into plain runs and marked figure mentions.

The article page prints the runs in order, so the page text is the article
text exactly; each figure becomes one <mark> whose text is text[start:end].
Spans must nest cleanly in HTML, so overlapping spans are resolved
deterministically: spans are taken in order of (start, longest first,
figure_id) and a span that overlaps one already taken is left unmarked (and
listed on the page). Spans that do not match their mention are never marked.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Figure


@dataclass(frozen=True)
class Run:
    text: str
    figure: Figure | None = None     # the figure this run marks, None for plain text


def valid(f: Figure, text: str) -> bool:
    return 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.mention


def choose(figures: list[Figure], text: str) -> tuple[list[Figure], list[Figure]]:
    """(marked, skipped): the non-overlapping valid spans to mark, and the rest."""
    marked, skipped, end = [], [], -1
    for f in sorted(figures, key=lambda f: (f.start, -f.end, f.figure_id)):
        if valid(f, text) and f.start >= end:
            marked.append(f)
            end = f.end
        else:
            skipped.append(f)
    return marked, skipped


def runs(text: str, marked: list[Figure]) -> list[Run]:
    """The whole text as alternating plain and marked runs (marked: sorted, non-overlapping)."""
    out, pos = [], 0
    for f in marked:
        if f.start > pos:
            out.append(Run(text[pos:f.start]))
        out.append(Run(text[f.start:f.end], f))
        pos = f.end
    if pos < len(text):
        out.append(Run(text[pos:]))
    return out
