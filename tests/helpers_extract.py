"""Run the extractor on a text written in a test."""
from __future__ import annotations

import hashlib

from etl.extract import extract_article
from etl.model import Source


def extract(text: str, date: str = "2024-05-20", article_id: str = "t") -> list:
    src = Source(id=article_id, path="t.txt", abspath="t.txt", date=date, text=text,
                 sha256=hashlib.sha256(text.encode()).hexdigest())
    figs = extract_article(src)
    for f in figs:
        assert text[f.start:f.end] == f.mention
        assert text[f.quote_start:f.quote_end] == f.quote
    return figs


def published(text: str, date: str = "2024-05-20") -> list:
    return [f for f in extract(text, date) if f.status == "published"]


def by_mention(figs: list, mention: str):
    hits = [f for f in figs if f.mention == mention]
    assert hits, f"no figure with mention {mention!r} in {[f.mention for f in figs]}"
    return hits[0]
