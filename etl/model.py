"""The records that flow between stages, and the columns of data/*.csv.

`Figure` is one quoted figure: a value in base units with its unit, who and
what it is about, the period, and the exact span of its mention in the
article file's text (`text[start:end] == mention`).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

FIGURE_COLUMNS = [
    "figure_id", "article_id", "domain", "indicator", "subject", "partner", "subject_name",
    "period", "period_kind", "value", "value_max", "unit", "qualifier", "change_pct", "kind",
    "mention", "start", "end", "quote", "quote_start", "quote_end", "status", "review_reason",
    "reviewed",
]

ARTICLE_COLUMNS = [
    "article_id", "title", "title_derived", "publisher", "date", "date_derived", "url",
    "language", "path", "encoding", "sha256", "n_figures", "n_published", "n_review",
]

DOMAINS = ("trade", "fdi", "rail")
PERIOD_KINDS = ("year", "ytd", "quarter", "month", "day", "")
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
QUALIFIER_SIGNS = {"exact": "", "approx": "≈", "at_least": "≥", "at_most": "≤"}
# Indicators whose two parties are symmetric (A-B trade is B-A trade).
SYMMETRIC = frozenset({"trade_value"})


@dataclass
class Source:
    """One registered article."""
    id: str
    path: str                 # as written in sources.yaml (relative to its folder)
    abspath: str
    title: str = ""
    title_derived: bool = False
    publisher: str = ""
    date: str = ""            # YYYY-MM-DD or YYYY-MM or ''
    date_derived: bool = False
    url: str = ""
    language: str = "zh-Hans"
    encoding: str = "utf-8"
    sha256: str = ""
    note: str = ""
    text: str = field(default="", repr=False)


@dataclass
class Figure:
    article_id: str
    domain: str
    indicator: str
    subject: str
    partner: str
    subject_name: str
    period: str
    period_kind: str
    value: float
    unit: str
    qualifier: str
    mention: str
    start: int
    end: int
    quote: str
    quote_start: int
    quote_end: int
    value_max: float | None = None
    change_pct: float | None = None
    kind: str = "actual"      # actual | target | conversion
    status: str = "published"  # published | review
    review_reason: str = ""
    reviewed: str = ""        # '' | confirmed | corrected (set by data/review.yaml)
    figure_id: str = ""

    def row(self) -> dict:
        d = asdict(self)
        return {c: d[c] for c in FIGURE_COLUMNS}


def figure_id(article_sha256: str, start: int, end: int) -> str:
    """Stable id: the article's content hash and the mention's span."""
    return "f" + hashlib.sha256(f"{article_sha256}:{start}:{end}".encode()).hexdigest()[:12]


def format_value(value: float) -> str:
    """Base-unit value as written to CSV: integers without '.0', others without float noise."""
    if value is None:
        return ""
    value = float(f"{float(value):.12g}")
    if value.is_integer():
        return str(int(value))
    return f"{value:.12g}"
