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

import re
from dataclasses import dataclass, field

from . import lexicon as lexicon_mod
from .entities import Entity, find_entities
from .indicators import classify, context_of, growth_sign
from .lexicon import Lexicon
from .model import Figure, Source, figure_id
from .names import Name, find_batches, find_parts, find_rail_names
from .numbers import Quantity, find_quantities
from .periods import Period, PeriodMention, find_periods
from .text import Doc, Sentence, clause_bounds, make_doc

LIST_JOINERS = re.compile(r"^[、和及与,，]*$")


@dataclass
class Parties:
    subject: str = ""
    partner: str = ""
    place: str = ""


@dataclass
class State:
    """What the text has established so far."""
    parties: Parties | None = None            # of the last figure in this paragraph
    para: int = -1
    discourse_subject: str = ""               # first unmarked party of the last sentence with one
    rail: Name | None = None                  # last rail line / service / port named
    rail_para: int = -1
    batch: str = ""                           # last batch of projects named
    place: str = ""                           # place the paragraph is about
    period: Period | None = None              # last own period written
    topic: Period | None = None               # first own period of this paragraph
    prev_topic: Period | None = None          # ... of the paragraph before
    fdi_para: bool = False
    article_subject: str = ""                 # fallback when the text names no party at all


@dataclass
class Item:
    """A level or change quantity with what the sentence says about it."""
    q: Quantity
    growth: int = 0
    yoy: bool = True
    partner: Entity | None = None            # from a 分别 list
    period: Period | None = None             # from a 分别 list
    part: str = ""                           # from a 分别 list
    change: float | None = None
    consumed: bool = False


@dataclass
class SentenceInfo:
    view: str
    sent: Sentence
    ents: list[Entity]
    rails: list[Name]
    parts: list[Name]
    batches: list[Name]
    periods: list[PeriodMention]
    items: list[Item] = field(default_factory=list)
    last_part: str = ""                      # part of the last level figure (its share inherits it)


def extract_article(src: Source, lex: Lexicon | None = None) -> list[Figure]:
    """Every figure the article quotes, in text order."""
    lex = lex or lexicon_mod.default()
    doc = make_doc(src.text)
    quantities = find_quantities(doc.view, lex)
    state = State(article_subject=article_subject(doc, lex))
    figures: list[Figure] = []
    qi = 0
    for sent in doc.sentences:
        mine = []
        while qi < len(quantities) and quantities[qi].start < sent.end:
            if quantities[qi].start >= sent.start:
                mine.append(quantities[qi])
            qi += 1
        info = _sentence_info(doc, sent, src.date, lex)
        _enter(state, info, doc, lex)
        if mine:
            figures += _figures_of_sentence(doc, src, info, mine, state, lex)
        _leave(state, info)
    return figures


def _sentence_info(doc: Doc, sent: Sentence, date: str, lex: Lexicon) -> SentenceInfo:
    v, a, b = doc.view, sent.start, sent.end
    rails = find_rail_names(v, a, b, lex)
    batches = find_batches(v, a, b, lex)
    blocked = [(n.start, n.end) for n in rails + batches]
    cues = lex.cues
    return SentenceInfo(
        view=v, sent=sent, ents=find_entities(v, a, b, lex, blocked), rails=rails,
        parts=find_parts(v, a, b, lex), batches=batches,
        periods=find_periods(v, a, b, date, cues.get("comparison", []), cues.get("period_start_after", [])),
    )


def _enter(state: State, info: SentenceInfo, doc: Doc, lex: Lexicon) -> None:
    """Update what is carried when a new sentence (maybe a new paragraph) begins."""
    if info.sent.para != state.para:
        state.para = info.sent.para
        state.parties = None
        state.place = ""
        state.prev_topic = state.topic or state.prev_topic
        state.topic = None
        para = doc.paragraphs[info.sent.para]
        state.fdi_para = any(k in doc.view[para.start:para.end] for k in lex.contexts.get("fdi", []))


def _leave(state: State, info: SentenceInfo) -> None:
    """Carry what this sentence established to the next one."""
    unmarked = [e for e in info.ents if not e.marker and e.kind != "place"]
    if unmarked:
        state.discourse_subject = unmarked[0].code
    if info.rails:
        state.rail, state.rail_para = info.rails[-1], info.sent.para
    for bt in info.batches:
        if bt.kind == "batch":
            state.batch = bt.name
    own = [p for p in info.periods if p.role == "own" and p.period.kind != "day" and not _in_list(p, info)]
    if own:
        state.period = own[0].period
        if state.topic is None:
            state.topic = own[0].period
    topics = [e for e in info.ents if e.kind == "place" and _is_topic_place(e, info)]
    if topics:
        state.place = topics[0].form


def _in_list(p: PeriodMention, info: SentenceInfo) -> bool:
    return any(it.period is p.period for it in info.items)


def _is_topic_place(e: Entity, info: SentenceInfo) -> bool:
    return e.marker not in ("和", "及", "与") and not _preceded(info, e.start, ("、", "包括", "如", "等"))


def _preceded(info: SentenceInfo, pos: int, words) -> bool:
    """A place right after 、/包括/如 is an item of a list, not what the sentence is about."""
    return any(info.view.endswith(w, info.sent.start, pos) for w in words)


# --- lists (分别) -------------------------------------------------------------

def _chain_after(doc: Doc, pos: int, items: list[Item]) -> list[Item]:
    """The quantities listed right after 分别 at pos: 6.52万亿元、5.65万亿元、5.05万亿元."""
    chain = []
    for it in items:
        if it.q.start < pos:
            continue
        gap = doc.view[(chain[-1].q.end if chain else pos):it.q.start]
        if not chain and len(gap) <= 6 and not re.search(r"[，,。；;]", gap):
            chain.append(it)
        elif chain and LIST_JOINERS.match(gap) and it.q.unit_class == chain[0].q.unit_class:
            chain.append(it)
        elif chain:
            break
    return chain


def _listed(mentions: list, lo: int, hi: int, n: int, view: str) -> list | None:
    """The last n mentions in [lo, hi) if they form a list joined by 、/和/及."""
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    if len(inside) < n:
        return None
    pick = inside[-n:]
    for x, y in zip(pick, pick[1:]):
        if not LIST_JOINERS.match(view[x.end:y.start]):
            return None
    return pick


def _map_lists(doc: Doc, info: SentenceInfo) -> None:
    view = doc.view
    previous_chain: list[Item] = []
    for m in re.finditer("分别", view[info.sent.start:info.sent.end]):
        pos = info.sent.start + m.start()
        chain = _chain_after(doc, m.end() + info.sent.start, info.items)
        if len(chain) < 2:
            continue
        seg_start = max([info.sent.start] + [i + 1 for i in range(info.sent.start, pos)
                                             if view[i] in "，,；;：:。"])
        n = len(chain)
        ents = _listed(info.ents, seg_start, pos, n, view)
        pers = _listed([p for p in info.periods if p.role == "own"], seg_start, pos, n, view)
        parts = _listed(info.parts, seg_start, pos, n, view)
        if ents:
            for it, e in zip(chain, ents):
                it.partner = e
        elif pers:
            for it, p in zip(chain, pers):
                it.period = p.period
        elif parts:
            for it, p in zip(chain, parts):
                it.part = p.name
        elif chain[0].growth and len(previous_chain) == n:
            for lvl, g in zip(previous_chain, chain):
                if lvl.change is None and g.yoy:
                    lvl.change, g.consumed = g.growth * g.q.value, True
        previous_chain = chain if not chain[0].growth else previous_chain


# --- one sentence ---------------------------------------------------------------

def _figures_of_sentence(doc: Doc, src: Source, info: SentenceInfo, qs: list[Quantity],
                         state: State, lex: Lexicon) -> list[Figure]:
    view = doc.view
    for q in qs:
        c0, _ = clause_bounds(view, q.start, q.end, info.sent.start, info.sent.end)
        sign, yoy = growth_sign(view, q, c0, lex)
        if not sign and q.unit == "percent" and info.items and info.items[-1].growth \
                and LIST_JOINERS.match(view[info.items[-1].q.end:q.start]):
            sign, yoy = info.items[-1].growth, info.items[-1].yoy
        info.items.append(Item(q, growth=sign, yoy=yoy))
    _map_lists(doc, info)
    _attach_changes(doc, info)
    out = []
    for it in info.items:
        if it.consumed:
            continue
        fig = _figure(doc, src, info, it, state, lex)
        if fig is not None:
            out.append(fig)
    return out


def _attach_changes(doc: Doc, info: SentenceInfo) -> None:
    """A change after a level, with no new party or list in between, is that level's change_pct."""
    last_level = None
    for it in info.items:
        if not it.growth:
            last_level = it
            continue
        if it.consumed or not it.yoy or last_level is None or last_level.change is not None:
            continue
        between = doc.view[last_level.q.end:it.q.start]
        new_party = any(last_level.q.end <= e.start < it.q.start for e in info.ents)
        if "分别" in between or new_party or re.search(r"[。；;]", between):
            continue
        last_level.change, it.consumed = it.growth * it.q.value, True


def _figure(doc: Doc, src: Source, info: SentenceInfo, it: Item, state: State,
            lex: Lexicon) -> Figure | None:
    view, q, sent = doc.view, it.q, info.sent
    c0, c1 = clause_bounds(view, q.start, q.end, sent.start, sent.end)
    carried_rail = state.rail is not None and state.rail_para >= sent.para - 1
    ctx = context_of(view[sent.start:sent.end], lex, carried_rail and _rail_anaphora(view, sent),
                     state.fdi_para or bool(state.batch))
    reason = ""
    if it.growth:
        indicator, domain = ("yoy_change" if it.yoy else "other_change"), "other"
        reason = "a change with no level of its own"
    else:
        ind, reason = classify(view, q, (c0, c1), (sent.start, sent.end), ctx, lex)
        if ind is None:
            if q.unit_class in ("count", "duration", "percent_points"):
                return None                   # counts of anything else are not figures here
            indicator, domain = "", "other"
        else:
            indicator, domain = ind.code, ind.domain
            if ind.negative and any(w in view[c0:q.start] for w in ind.negative):
                q.value = -abs(q.value)
    name, parties = _name_and_parties(doc, info, it, domain, indicator, state, lex)
    timeless = indicator in lex.indicators and lex.indicators[indicator].timeless
    period = None if timeless else _period(view, info, it, state, lex)
    kind = _kind(view, q, c0, lex)
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


def _rail_anaphora(view: str, sent: Sentence) -> bool:
    """The sentence speaks of trains without naming a line (该口岸, 班列, 列车 …)."""
    return bool(re.search(r"该(?:口岸|线路|铁路|线|班列|项目)|班列|列车|铁路", view[sent.start:sent.end]))


def _kind(view: str, q: Quantity, c0: int, lex: Lexicon) -> str:
    if q.cue in lex.cues.get("conversion", []):
        return "conversion"
    diff = lex.cues.get("difference") or {}
    if q.unit != "percent" and diff and re.search(
            rf"(?:{'|'.join(diff['before'])})[^，,。；;]{{0,8}}?(?:{'|'.join(diff['verbs'])})了?$",
            view[c0:q.start]):
        return "difference"
    if any(t in view[c0:q.start] for t in lex.cues.get("target", [])) or \
            re.search(r"到20\d\d年", view[c0:q.start]):
        return "target"
    return "actual"


# --- attributes -------------------------------------------------------------------

def _name_and_parties(doc: Doc, info: SentenceInfo, it: Item, domain: str, indicator: str,
                      state: State, lex: Lexicon) -> tuple[str, Parties]:
    view, q = doc.view, it.q
    if domain == "rail":
        line = _rail_name(doc, info, q, state)
        subject = line.country if line and line.country else (_parties(info, it, state, lex).subject)
        name = line.name if line else ""
        c0, _ = clause_bounds(view, q.start, q.end, info.sent.start, info.sent.end)
        kind = next((k for k in sorted(lex.train_kinds, key=len, reverse=True) if k in view[c0:q.start]), "")
        if name and kind:
            name = f"{name}·{kind}"
        return name, Parties(subject, line.partner if line else "")
    parties = _parties(info, it, state, lex)
    if indicator in lex.indicators and lex.indicators[indicator].roles == "investment" or \
            (domain == "fdi" and parties.partner and _outward(view, info, q)):
        parties = Parties(parties.partner or parties.subject, parties.subject if parties.partner else "",
                          parties.place)
    elif domain == "fdi":
        parties = Parties(parties.subject, "", parties.place)
    parts = []
    if parties.place:
        parts.append(lex.place_names.get(parties.place, parties.place))
    if domain == "fdi" and (state.batch or any(b.kind == "batch" for b in info.batches)):
        own = [b for b in info.batches if b.kind == "batch" and b.start < q.start]
        parts.append(own[-1].name if own else state.batch)
    c0, _ = clause_bounds(view, q.start, q.end, info.sent.start, info.sent.end)
    part = it.part or next((p.name for p in reversed(info.parts) if c0 <= p.start < q.start), "") \
        or (info.last_part if q.unit == "percent" else "")
    if part:
        parts.append(part)
        if q.unit != "percent":
            info.last_part = part
    return "·".join(dict.fromkeys(parts)), parties


def _outward(view: str, info: SentenceInfo, q: Quantity) -> bool:
    """对X投资: investment made abroad, so X is the host."""
    return any(e.marker in ("对", "向") and "投" in view[e.end:q.start] for e in info.ents if e.end <= q.start)


def _parties(info: SentenceInfo, it: Item, state: State, lex: Lexicon) -> Parties:
    q = it.q
    before = [e for e in info.ents if e.end <= q.start]
    place_ent = next((e for e in reversed(before) if e.kind == "place" and _is_topic_place(e, info)), None)
    place = place_ent.form if place_ent else ""
    place_country = place_ent.code if place_ent else ""
    parties_ents = [e for e in before if e.kind != "place"]
    if it.partner is not None:
        subject = next((e.code for e in parties_ents if not e.marker and e.start < it.partner.start), "")
        subject = subject or place_country or (state.parties.subject if state.parties else "") \
            or state.discourse_subject
        return Parties(subject, it.partner.code if it.partner.code != subject else "", place or state.place)
    if not parties_ents:
        if place:
            return Parties(place_country, "", place)
        if state.parties is not None:
            return Parties(state.parties.subject, state.parties.partner, state.parties.place or state.place)
        return Parties(state.discourse_subject or state.article_subject, "", state.place)
    unmarked = [e for e in parties_ents if not e.marker]
    subject = unmarked[0].code if unmarked else \
        (state.parties.subject if state.parties else "") or state.discourse_subject or state.article_subject
    share_of = [e for e in parties_ents if info.view.endswith("占", info.sent.start, e.start)]
    if share_of and it.q.unit == "percent":
        subject = share_of[-1].code               # 占我国外贸总值的15.5%: the total is China's
    others = [e for e in parties_ents if e.code != subject]
    marked = [e for e in others if e.marker]
    partner = (marked[-1] if marked else (others[-1] if others else None))
    return Parties(subject or place_country, partner.code if partner else "", place or state.place)


def article_subject(doc: Doc, lex: Lexicon) -> str:
    """The party the article is mostly about: its most frequent unmarked party (places count for CHN)."""
    counts: dict[str, int] = {}
    for e in find_entities(doc.view, 0, len(doc.view), lex):
        if not e.marker:
            counts[e.code] = counts.get(e.code, 0) + 1
    return max(sorted(counts), key=counts.get) if counts else ""


def _rail_name(doc: Doc, info: SentenceInfo, q: Quantity, state: State) -> Name | None:
    view = doc.view
    c0, c1 = clause_bounds(view, q.start, q.end, info.sent.start, info.sent.end)
    same_clause_after = [n for n in info.rails if q.end <= n.start < c1]
    if re.search(r"该(?:口岸|线路|铁路|线|班列|项目)", view[info.sent.start:q.start]) and state.rail:
        return state.rail
    before = [n for n in info.rails if n.end <= q.start]
    if len(before) >= 2 and before[-2].name != before[-1].name and \
            not re.search(r"[，,；;。]", view[before[-2].end:before[-1].start]):
        a, b = before[-2], before[-1]             # 经满洲里口岸进出境中欧班列: the service at that port
        return Name(a.start, b.end, f"{a.name}·{b.name}", "rail", a.country or b.country, a.partner or b.partner)
    if before:
        return before[-1]
    if same_clause_after:
        return same_clause_after[0]
    if state.rail is not None and state.rail_para >= info.sent.para - 1:
        return state.rail
    after = [n for n in info.rails if n.start >= q.end]
    return after[0] if after else None


def _period(view: str, info: SentenceInfo, it: Item, state: State, lex: Lexicon) -> Period | None:
    q, sent = it.q, info.sent
    if it.period is not None:
        return it.period
    own = [p for p in info.periods if p.role == "own" and p.end <= q.start]
    non_day = [p for p in own if p.period.kind != "day"]
    if non_day:
        return non_day[-1].period
    cumulative = any(c in view[sent.start:q.start] for c in lex.cues.get("cumulative", []))
    if cumulative:
        return None
    if own:
        return own[-1].period
    if any(w in view[sent.start:q.start] for w in lex.cues.get("same_period", [])):
        return state.topic or state.prev_topic
    return state.period
