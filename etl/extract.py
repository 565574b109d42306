"""Figures from one article: every quantity with its indicator, parties,
subject_name, period, qualifier and year-on-year change.

The article is read sentence by sentence, keeping what the text has
established so far (the parties of the last figure, the discourse subject,
the last rail line named, the period in force), so that 其中, 同期, 该口岸
and sentences with no party of their own inherit from what came before.
Lists with 分别 map each value to its item in order. Whatever cannot be
resolved is kept with status `review` and the reason, never guessed.
"""
from __future__ import annotations

import dataclasses
import re

from . import lexicon as lexicon_mod
from .attributes import invests_into, name_and_parties, period_of
from .discourse import Item, SentenceInfo, State, article_place, article_subject, enter, leave, sentence_info
from .indicators import classify, context_of, growth_sign
from .lexicon import Lexicon
from .lists import LIST_JOINERS, attach_changes, map_lists
from .model import Figure, Source, figure_id
from .numbers import Quantity, find_quantities
from .periods import article_ym
from .series import agree, charted, series_key
from .text import Doc, Sentence, clause_bounds, make_doc


def extract_article(src: Source, lex: Lexicon | None = None) -> list[Figure]:
    """Every figure the article quotes, in text order."""
    lex = lex or lexicon_mod.default()
    doc = make_doc(src.text)
    quantities = find_quantities(doc.view, lex)
    state = State(article_subject=article_subject(doc, lex), article_place=article_place(doc, lex))
    figures: list[Figure] = []
    qi = 0
    for sent in doc.sentences:
        mine = []
        while qi < len(quantities) and quantities[qi].start < sent.end:
            if quantities[qi].start >= sent.start:
                mine.append(quantities[qi])
            qi += 1
        info = sentence_info(doc, sent, src.date, lex)
        enter(state, info, doc, lex)
        mine_figs = _figures_of_sentence(doc, src, info, mine, state, lex) if mine else []
        figures += mine_figs
        leave(state, info, tuple(f.subject for f in mine_figs if f.domain in ("trade", "fdi") and f.subject))
    return _same_point_different_values(figures, lex)


def _same_point_different_values(figures: list[Figure], lex: Lexicon) -> list[Figure]:
    """One article quoting two different values for the same series point (same indicator,
    parties, name, unit and period) has said something the extractor did not read (a part
    such as 西通道 or 增资项目, a period): those figures go to review rather than into a chart
    where they would look like a disagreement between sources. Undated running totals and
    records are let be; a timeless property (a line's length) is one fact."""
    groups: dict[tuple, list[Figure]] = {}
    for f in figures:
        if charted(f) and (f.period or lex.indicators.get(f.indicator, None) and lex.indicators[f.indicator].timeless):
            groups.setdefault((series_key(f), f.period), []).append(f)
    clash = {f.figure_id for g in groups.values() if not agree(g) for f in g}
    return [dataclasses.replace(f, status="review", review_reason="the article quotes another value for the "
                                "same series and period: a part or period it names was not read")
            if f.figure_id in clash else f for f in figures]


def _figures_of_sentence(doc: Doc, src: Source, info: SentenceInfo, qs: list[Quantity],
                         state: State, lex: Lexicon) -> list[Figure]:
    view = doc.view
    for q in qs:
        c0, _ = clause_bounds(view, q.start, q.end, info.sent.start, info.sent.end)
        sign, yoy = growth_sign(view, q, c0, lex)
        if not sign and q.unit == "percent" and info.items and info.items[-1].growth \
                and LIST_JOINERS.match(view[info.items[-1].q.end:q.start]):
            sign, yoy = info.items[-1].growth, info.items[-1].yoy
        prev = info.items[-1].q if info.items else None
        if prev and q.qualifier == "exact" and not q.cue and prev.cue and prev.qualifier != "exact" \
                and not sign and view[prev.end:q.start] == "、" and q.unit_class != "percent":
            q.qualifier = prev.qualifier          # 超过7.3万列、690万标箱: the cue covers the list
        info.items.append(Item(q, growth=sign, yoy=yoy, kind=_kind(view, q, c0, lex, article_ym(src.date)[0])))
    map_lists(doc, info)
    attach_changes(doc, info)
    out = []
    for it in info.items:
        if it.consumed:
            continue
        fig = _figure(doc, src, info, it, state, lex)
        if fig is not None:
            out.append(fig)
    return out


def _figure(doc: Doc, src: Source, info: SentenceInfo, it: Item, state: State,
            lex: Lexicon) -> Figure | None:
    view, q, sent = doc.view, it.q, info.sent
    c0, c1 = clause_bounds(view, q.start, q.end, sent.start, sent.end)
    last_rail = state.indicators.get("_domain") == "rail"
    carried_rail = state.rail is not None and (
        last_rail and state.figure_para == state.rail_para == sent.para        # the paragraph is on a line
        or last_rail and state.figure_para == sent.para - 1 and _rail_keyword(view, sent, lex)   # …运输货物 next
        or state.rail_para == sent.para and _rail_keyword(view, sent, lex)      # 中老铁路…开通。货运量从…
        or state.rail_para >= sent.para - 1 and _rail_anaphora(view, sent))
    ctx = context_of(view[sent.start:sent.end], lex, carried_rail,
                     state.fdi_para or bool(state.batch) or any(invests_into(view, e) for e in info.ents))
    reason = ""
    if it.growth:
        indicator, domain = ("yoy_change" if it.yoy else "other_change"), "other"
        reason = "a change with no level of its own"
    else:
        ind, reason = classify(view, q, (c0, c1), (sent.start, sent.end), ctx, lex)
        if ind is None and q.unit in state.indicators and state.figure_para >= sent.para - 1 \
                and "其中" in view[sent.start:q.start]:
            ind = lex.indicators[state.indicators[q.unit]]    # 其中去程4620列: a part of the figure before
        if ind is None:
            if q.unit_class in ("count", "duration", "percent_points"):
                return None                   # counts of anything else are not figures here
            indicator, domain = "", "other"
        else:
            if ind.code == "fdi_disbursed" and "fdi_stock" in lex.indicators \
                    and _as_of_total(view, info, q):
                ind = lex.indicators["fdi_stock"]        # 截至2016年底,中方对老直接投资54亿美元: a stock
            for kw, code in lex.conventions.get(state.article_subject, {}).items():
                if ind.domain == lex.indicators[code].domain and kw in view[c0:q.num_start]:
                    ind = lex.indicators[code]            # 越南全国吸收外资314亿美元: registered capital
            indicator, domain = ind.code, ind.domain
            if ind.negative and any(w in view[c0:q.start] for w in ind.negative):
                q.value = -abs(q.value)
    name, parties = name_and_parties(doc, info, it, domain, indicator, state, lex)
    timeless = indicator in lex.indicators and lex.indicators[indicator].timeless
    period = None if timeless else period_of(view, info, it, state, lex)
    kind = it.kind
    status = "published"
    if domain == "other":
        status = "review"
    elif kind != "actual":
        status, reason = "review", f"{kind}, not an actual value"
    elif domain in ("trade", "fdi") and not parties.subject:
        status, reason = "review", "parties unresolved"
    elif domain == "rail" and not name:
        status, reason = "review", "no line, service or port named"
    if not it.growth and domain != "other":
        state.parties = parties
        state.indicators[q.unit] = indicator
        state.indicators["_domain"], state.figure_para = domain, sent.para
    ts, te = doc.text_span(q.start, q.end)
    qs, qe = doc.quote_span(sent)
    return Figure(
        article_id=src.id, domain=domain, indicator=indicator, subject=parties.subject,
        partner=parties.partner, subject_name=name, period=period.period if period else "",
        period_kind=period.kind if period else "", value=q.value, value_max=q.value_max,
        unit=q.unit, qualifier=q.qualifier, change_pct=it.change, kind=kind,
        mention=doc.text[ts:te], start=ts, end=te, quote=doc.text[qs:qe], quote_start=qs,
        quote_end=qe, status=status, review_reason=reason if status == "review" else "",
        figure_id=figure_id(src.sha256, ts, te),
    )


def _as_of_total(view: str, info: SentenceInfo, q: Quantity) -> bool:
    """A stock: as of the end of a year (截至2016年底) or accumulated (累计) with no period
    within a year of its own (截至10月20日…累计 is this year's running total)."""
    before = view[info.sent.start:q.start]
    if re.search(r"(?:截至|截止)(?:19|20)\d{2}年(?:底|末)", before):
        return True
    return "累计" in before and not any(p.role == "own" and p.period.kind in ("ytd", "month", "quarter", "day")
                                      and p.end <= q.start for p in info.periods)


def _rail_keyword(view: str, sent: Sentence, lex: Lexicon) -> bool:
    """The sentence names a rail measure (运输货物, 发送旅客) that needs a rail context."""
    text = view[sent.start:sent.end]
    return any(k in text for ind in lex.indicators.values() if ind.needs == "rail" and ind.domain == "rail"
               for k in ind.keywords if len(k) > 1)


def _rail_anaphora(view: str, sent: Sentence) -> bool:
    """The sentence speaks of trains without naming a line (该口岸, 班列, 列车 …)."""
    return bool(re.search(r"该(?:口岸|线路|铁路|线|班列|项目)|班列|列车|铁路", view[sent.start:sent.end]))


CURRENCY_WORDS = "人民币|美元|欧元|日元|港元|越南盾"


def _kind(view: str, q: Quantity, c0: int, lex: Lexicon, year: int = 0) -> str:
    conversion = "|".join(map(re.escape, lex.cues.get("conversion", [])))
    if conversion and re.search(rf"(?:{conversion})(?:{CURRENCY_WORDS})?$", view[max(c0, q.num_start - 8):q.num_start]):
        return "conversion"                   # 约合1250亿元, 约合人民币4520亿元
    diff = lex.cues.get("difference") or {}
    if q.unit != "percent" and diff and re.search(
            rf"(?:{'|'.join(diff['before'])})[^，,。；;]{{0,8}}?(?:{'|'.join(diff['verbs'])})了?$",
            view[c0:q.start]):
        return "difference"
    if any(t in view[c0:q.start] for t in lex.cues.get("target", [])):
        return "target"
    by = re.search(r"到(20\d\d)年", view[c0:q.start])
    if by and (not year or int(by.group(1)) >= year):
        return "target"                      # 到2030年…将达到; 而到2019年已增至… is the past
    return "actual"
