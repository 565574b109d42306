"""Which indicator a quantity reports, from the keywords around it.

Candidates are the indicators whose units admit the quantity's unit; among
those whose context holds (a rail keyword for rail indicators, a foreign-
investment keyword for FDI ones), the keyword nearest before the quantity in
its clause wins, then the nearest in its sentence. A keyword inside a longer
keyword of another indicator does not count (出口 inside 进出口).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Indicator, Lexicon
from .numbers import Quantity

GROWTH_FILLERS = r"(?:分别|均|都)?(?:达到|达|为|了)?"   # 增长至 is a level, not a change


@dataclass
class Context:
    """What the surrounding text says about the quantity's setting."""
    rail: bool
    fdi: bool


def unit_ok(ind: Indicator, q: Quantity) -> bool:
    return q.unit_class in ind.units or q.unit in ind.units


def _keyword_hits(text: str, ind: Indicator, all_keywords: list[str]) -> list[tuple[int, int]]:
    """Spans of ind's keywords in text, except those inside a longer keyword (出口 in 进出口)."""
    covers = [(m.start(), m.end()) for lk in all_keywords for m in re.finditer(re.escape(lk), text)]
    hits = []
    for kw in ind.keywords:
        for m in re.finditer(re.escape(kw), text):
            if not any(a <= m.start() and m.end() <= b and b - a > len(kw) for a, b in covers):
                hits.append((m.start(), m.end()))
    return hits


def context_of(sentence_text: str, lex: Lexicon, carried_rail: bool, carried_fdi: bool) -> Context:
    rail = carried_rail or any(k in sentence_text for k in lex.contexts.get("rail", []))
    fdi = carried_fdi or any(k in sentence_text for k in lex.contexts.get("fdi", []))
    return Context(rail=rail, fdi=fdi)


def classify(view: str, q: Quantity, clause: tuple[int, int], sent: tuple[int, int],
             ctx: Context, lex: Lexicon) -> tuple[Indicator | None, str]:
    """(indicator, reason): the indicator the quantity reports, or None and why not."""
    c0, c1 = clause
    before_clause = view[c0:q.num_start]      # a cue inside the mention counts (时速250公里)
    if any(w in before_clause for w in lex.not_figures):
        return None, "about something outside trade, FDI and rail"
    all_keywords = [k for ind in lex.indicators.values() for k in ind.keywords]
    after_text = re.split(r"[，,。；;：:、（）()]", view[q.end:min(c1, q.end + 12)] or " ")[0]
    best: tuple[int, Indicator] | None = None
    for ind in lex.indicators.values():
        if not unit_ok(ind, q):
            continue
        if (ind.needs == "rail" and not ctx.rail) or (ind.needs == "fdi" and not ctx.fdi):
            continue
        clause_text = view[c0:c1]
        if any(b in clause_text for b in ind.block):
            continue
        if ind.requires and not any(r in before_clause for r in ind.requires):
            continue
        if q.unit_class == "count" and re.match(r"[\u4e00-\u9fff]", after_text) \
                and not after_text.startswith(COUNT_TAIL_OK) and not any(0 <= after_text.find(a) <= 4 for a in ind.after):
            continue                                   # 19个领域 counts fields, not projects
        score = None
        hits = _keyword_hits(before_clause, ind, all_keywords)
        if hits:
            score = len(before_clause) - max(e for _, e in hits)
        for kw in ind.after:
            if kw in q.unit_form:                      # 7个外资项目: the noun is in the mention
                score = 0
            elif kw in after_text and after_text.index(kw) <= 6:
                score = min(score if score is not None else 99, after_text.index(kw))
        if score is None and q.unit_class not in ("count", "duration"):
            hits = _keyword_hits(view[sent[0]:c0], ind, all_keywords)
            if hits:
                score = 100 + (c0 - sent[0]) - max(e for _, e in hits)
        if score is not None and (best is None or score < best[0]):
            best = (score, ind)
    if best is None and FROM_TO.search(before_clause):
        best = _named_after(view, q, sent, ctx, lex, all_keywords)   # 从2018年的A,到2023年的B,…跨境电商进出口…
    if best is None:
        defaults = [ind for ind in lex.indicators.values() if ind.default_in and unit_ok(ind, q)
                    and getattr(ctx, ind.default_in) and q.unit_class not in ("count", "duration", "percent")]
        if len(defaults) != 1:
            return None, "no indicator keyword near the figure"
        best = (0, defaults[0])        # 开行超过7.3万列、690万标箱: in a rail sentence, TEU are freight
    ind = best[1]
    for other, cues in ind.sentence_cues_other.items():     # before it in its sentence: 日均开行…列
        if any(c in view[sent[0]:q.num_start] for c in cues) and other in lex.indicators:
            return lex.indicators[other], ""
    return ind, ""


COUNT_TAIL_OK = ("同比", "比", "增长", "下降", "占", "左右", "以上", "多", "的")
FROM_TO = re.compile(r"(?:从|由|到|至|增至|升至)[^，,。；;]{0,12}的$")


def _named_after(view: str, q: Quantity, sent: tuple[int, int], ctx: Context, lex: Lexicon,
                 all_keywords: list[str]) -> tuple[int, Indicator] | None:
    """For a value framed 从…的A / 到…的B, the indicator its sentence names after it."""
    after = view[q.end:sent[1]]
    best = None
    for ind in lex.indicators.values():
        if not unit_ok(ind, q) or (ind.needs == "rail" and not ctx.rail) or (ind.needs == "fdi" and not ctx.fdi):
            continue
        hits = _keyword_hits(after, ind, all_keywords)
        if hits and not ind.requires and (best is None or min(a for a, _ in hits) < best[0]):
            best = (min(a for a, _ in hits), ind)
    return best


def growth_sign(view: str, q: Quantity, clause_start: int, lex: Lexicon) -> tuple[int, bool]:
    """(+1/-1, year_on_year) when the percent quantity is a change (同比增长11.8%), else (0, False)."""
    if q.unit != "percent":
        return 0, False
    before = view[clause_start:q.start]
    cues = lex.cues.get("growth", {})
    for sign, words in ((1, cues.get("up", [])), (-1, cues.get("down", []))):
        alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        m = re.search(rf"(?:{alt}){GROWTH_FILLERS}$", before)
        if m:
            yoy = not any(w in before[max(0, m.start() - 4):m.start()] for w in cues.get("not_yoy", []))
            return sign, yoy
    return 0, False
