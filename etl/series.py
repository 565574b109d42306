"""Series and points: the published actual figures, grouped for charting.

A series is (indicator, parties, subject_name, unit, period_kind) over figures
with status 'published' and kind 'actual'; for an indicator symmetric in its
parties (model.SYMMETRIC) the parties are an unordered pair. Units and period
kinds are part of the key, so one series never mixes them.

A point is one period of a series, with every figure that quotes it, from any
article. Nothing is averaged or silently picked:

* Tolerance. Each quote stands for an interval: its value plus or minus half a
  unit in the last digit written in the mention (1187亿 -> ±0.5亿, 1187.0亿 ->
  ±0.05亿, 1184亿 -> ±0.5亿: written digits count as significant). A mention
  without Arabic digits (千亿, 近三成) takes the last non-zero digit of the value.
  A bound is one-sided: 超过1000亿 (at_least) is [1000亿 - tol, +inf).
* Quotes agree when their intervals share a point. Agreeing quotes are one
  point; the value shown is the most precise exact quote, every quote is cited.
  Otherwise the point is a conflict: each distinct value is shown with its own
  quotes and the page says 'sources disagree'. Undated quotes of what is not a
  timeless property (running totals quoted at different dates) are shown side by
  side, each value with its quotes, and are not a disagreement.
"""
from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import astuple, dataclass, field

from .model import SYMMETRIC, Figure

NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True, order=True)
class SeriesKey:
    indicator: str
    subject: str
    partner: str
    subject_name: str
    unit: str
    period_kind: str


@dataclass
class Point:
    period: str
    figures: list[Figure]             # sorted by (article_id, start)
    conflict: bool                    # the quotes disagree on one fact
    differs: bool = False             # the quoted values differ (a conflict, or undated running totals)

    @property
    def shown(self) -> Figure:
        """The quote whose value a chart draws when the quotes agree: the most precise exact one."""
        return min(self.figures, key=lambda f: (f.qualifier != "exact", half_step(f), f.article_id, f.start))

    @property
    def value_groups(self) -> list[list[Figure]]:
        """Figures grouped by identical value (and upper bound), smallest value first."""
        groups: dict[tuple, list[Figure]] = {}
        for f in self.figures:
            groups.setdefault((f.value, f.value_max or f.value), []).append(f)
        return [groups[k] for k in sorted(groups)]


@dataclass
class Series:
    key: SeriesKey
    slug: str
    domain: str
    points: list[Point] = field(default_factory=list)

    @property
    def figures(self) -> list[Figure]:
        return [f for p in self.points for f in p.figures]

    @property
    def dated(self) -> bool:
        return self.key.period_kind != ""


def charted(f: Figure) -> bool:
    """Only published figures of actual values go into series."""
    return f.status == "published" and f.kind == "actual"


def parties(f: Figure) -> tuple[str, str]:
    """(subject, partner); for symmetric indicators the sorted pair, an empty code last."""
    if f.indicator in SYMMETRIC:
        a, b = sorted((f.subject, f.partner), key=lambda c: (c == "", c))
        return a, b
    return f.subject, f.partner


def series_key(f: Figure) -> SeriesKey:
    subject, partner = parties(f)
    return SeriesKey(f.indicator, subject, partner, f.subject_name, f.unit, f.period_kind)


def slug(key: SeriesKey) -> str:
    """ASCII, filesystem-safe and stable: readable codes plus a hash of the whole key."""
    words = [key.indicator, key.subject, key.partner, key.unit, key.period_kind or "undated"]
    readable = re.sub(r"[^a-z0-9]+", "-", "-".join(w for w in words if w).lower()).strip("-")[:60]
    digest = hashlib.sha256("\x1f".join(astuple(key)).encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}"


def _power_of_ten(x: float) -> bool:
    if x <= 0:
        return False
    k = round(math.log10(x))
    return abs(x / 10 ** k - 1) < 1e-9


def _last_digit_unit(value: float) -> float:
    """10**k for the last non-zero digit of value (30 -> 10, 2.5 -> 0.1, 1e11 -> 1e11)."""
    v = abs(value)
    if v == 0:
        return 1.0
    digits = f"{v:.10g}"
    if "e" in digits:
        mantissa, exp = digits.split("e")
        decimals = len(mantissa.partition(".")[2])
        return 10.0 ** (int(exp) - decimals)
    whole, _, frac = digits.partition(".")
    if frac:
        return 10.0 ** -len(frac)
    return 10.0 ** (len(whole) - len(whole.rstrip("0")))


def half_step(f: Figure) -> float:
    """Half a unit in the last digit the mention writes, in base units."""
    text = unicodedata.normalize("NFKC", f.mention).replace(",", "")
    for m in NUMBER_RE.finditer(text):
        n = float(m.group())
        if n == 0:
            continue
        ratio = abs(f.value) / n
        if _power_of_ten(ratio):
            return 0.5 * ratio * 10.0 ** -len(m.group().partition(".")[2])
    return 0.5 * _last_digit_unit(f.value)


def interval(f: Figure) -> tuple[float, float]:
    """The values a quote is consistent with, given its precision and qualifier."""
    tol = half_step(f)
    lo, hi = f.value - tol, (f.value_max if f.value_max is not None else f.value) + tol
    if f.qualifier == "at_least":
        hi = math.inf
    elif f.qualifier == "at_most":
        lo = -math.inf
    return lo, hi


def agree(figures: list[Figure]) -> bool:
    """True when some value is consistent with every quote (1-D intervals: pairwise = common)."""
    spans = [interval(f) for f in figures]
    lo, hi = max(s[0] for s in spans), min(s[1] for s in spans)
    return lo <= hi + 1e-9 * max(1.0, abs(hi) if math.isfinite(hi) else 1.0)


def build_series(figures: list[Figure], timeless: frozenset[str] = frozenset()) -> list[Series]:
    """Every series of charted figures, sorted by (domain, key); points sorted by period.
    Undated quotes of an indicator that is not `timeless` (running totals, records, each
    as of its article's date) are not one fact: differing values there are shown side by
    side, never flagged as a disagreement. A timeless property (a line's length) is one fact."""
    by_key: dict[SeriesKey, dict[str, list[Figure]]] = {}
    for f in figures:
        if charted(f):
            by_key.setdefault(series_key(f), {}).setdefault(f.period, []).append(f)
    out = []
    for key, periods in by_key.items():
        points = []
        for period in sorted(periods):
            figs = sorted(periods[period], key=lambda f: (f.article_id, f.start, f.figure_id))
            differs = not agree(figs)
            one_fact = period != "" or key.indicator in timeless
            points.append(Point(period, figs, conflict=differs and one_fact, differs=differs))
        domain = min(f.domain for p in points for f in p.figures)
        out.append(Series(key, slug(key), domain, points))
    return sorted(out, key=lambda s: (s.domain, s.key))


def conflicts(series: list[Series]) -> list[str]:
    """One line per point whose sources disagree, naming each quote."""
    lines = []
    for s in series:
        for p in s.points:
            if p.conflict:
                quotes = "; ".join(f"{f.article_id} {f.mention!r} ({f.figure_id})" for f in p.figures)
                lines.append(f"site: sources disagree on {s.slug} {p.period or 'undated'}: {quotes}")
    return lines
