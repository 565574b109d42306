"""What the text has established so far, sentence by sentence.

`SentenceInfo` holds what one sentence names (parties, rail lines, parts,
batches, periods) and the quantities found in it; `State` carries what earlier
sentences established (the parties of the last figure, the discourse subject,
the last line named, the period in force and the paragraph's topic period),
so that 其中, 同期, 该口岸 and sentences naming no party inherit from them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .entities import Entity, find_entities
from .lexicon import Lexicon
from .names import Name, find_batches, find_parts, find_rail_names
from .numbers import Quantity
from .periods import AS_OF, Period, PeriodMention, find_periods
from .text import DATELINE, Doc, Sentence


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
    fdi_host: str = ""                        # host named by the last 对Y投资 in this paragraph
    fdi_outward: bool = False                 # the text is on investment made abroad (对外直接投资) until it speaks of 外资 again
    rank_reporter: str = ""                   # the economy whose ranked counterparts this paragraph lists
    topic_part: str = ""                      # the part that opened the last sentence naming one (其中 refers to it)
    article_subject: str = ""                 # fallback when the text names no party at all
    article_place: str = ""                   # the place the article names most (what 我市/我省 refers to)
    indicators: dict[str, str] = field(default_factory=dict)   # unit -> indicator of the last figure in it
    figure_para: int = -1                     # paragraph of the last figure (its domain in indicators['_domain'])


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
    kind: str = "actual"                     # actual | target | conversion | difference


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


def sentence_info(doc: Doc, sent: Sentence, date: str, lex: Lexicon) -> SentenceInfo:
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


def enter(state: State, info: SentenceInfo, doc: Doc, lex: Lexicon) -> None:
    """Update what is carried when a new sentence (maybe a new paragraph) begins."""
    if info.sent.para != state.para:
        state.para = info.sent.para
        state.parties = None
        state.place = ""
        state.prev_topic = state.topic or state.prev_topic
        state.topic = None
        para = doc.paragraphs[info.sent.para]
        state.fdi_host = ""
        state.rank_reporter = ""
        state.topic_part = ""
        text = doc.view[para.start:para.end]
        state.fdi_para = any(k in text for k in lex.contexts.get("fdi", [])) or (
            state.indicators.get("_domain") == "fdi" and state.figure_para == info.sent.para - 1) or (
            state.fdi_para and "投资" in text)
            # a paragraph right after one that gave FDI figures, or on investment after an FDI one, goes on with FDI


def leave(state: State, info: SentenceInfo, subjects: tuple[str, ...] = ()) -> None:
    """Carry what this sentence established to the next one. The discourse subject becomes
    the subject of the sentence's first trade or FDI figure (`subjects`), else a party that
    opens a clause (日本首相…), never one named in passing (满载印尼起酥油、越南红薯淀粉)."""
    unmarked = [e for e in info.ents if not e.marker and e.kind != "place" and not listed(info.view, e)
                and _opens_clause(info, e)]
    if subjects:
        state.discourse_subject = subjects[0]
    elif unmarked:
        state.discourse_subject = unmarked[0].code
    if info.rails:
        state.rail, state.rail_para = info.rails[-1], info.sent.para
    for bt in info.batches:
        if bt.kind == "batch":
            state.batch = bt.name
    own = [p for p in info.periods if p.role == "own" and not _in_list(p, info)
           and (p.period.kind != "day" or AS_OF.search(info.view, max(0, p.start - 3), p.start))]
    carried = [p for p in own if not info.view.startswith(("当月", "单月"), p.end)]   # 11月当月…: that sentence only
    if carried:
        state.period = carried[0].period
        if state.topic is None:
            state.topic = carried[0].period
    opening = [p for p in info.parts if opens_sentence(info, p)]
    if opening:
        state.topic_part = opening[0].name
    topics = [e for e in info.ents if e.kind == "place" and is_topic_place(e, info)
              and (subjects or _opens_clause(info, e))]
    if topics:
        state.place = topics[0].form


def opens_sentence(info: SentenceInfo, p: Name) -> bool:
    """A part that opens its sentence (加工制造业是…领域,投资总额达…) is what the sentence is about;
    a party or period written before it does not count (越南果蔬出口额…, 前两月果蔬…)."""
    v = info.view
    before = v[info.sent.start:p.start]
    for x in list(info.periods) + list(info.ents):
        if info.sent.start <= x.start and x.end <= p.start:
            before = before.replace(v[x.start:x.end], "")
    return not re.sub(r"其中|此外|全国|全省|全市|[，,、\s]|对|的", "", before)


def _opens_clause(info: SentenceInfo, e: Entity) -> bool:
    v = info.view
    i = e.start
    while i > info.sent.start and v[i - 1] in " \t\u3000":
        i -= 1
    return i == info.sent.start or v[i - 1] in "，,；;：:"


def _in_list(p: PeriodMention, info: SentenceInfo) -> bool:
    return any(it.period is p.period for it in info.items)


def listed(view: str, e: Entity, suffixes: tuple[str, ...] = ("",)) -> bool:
    """The party is an item of a list: 、 before it, or 、/和/及 after it (after a suffix
    such as 地区 or 国: 中国香港地区及日本, 蒙古国、俄罗斯)."""
    return view[e.start - 1:e.start] == "、" or any(
        view.startswith(sx + j, e.end) for sx in suffixes for j in ("、", "和", "及"))


def is_topic_place(e: Entity, info: SentenceInfo) -> bool:
    """Not a list item, and not a customs office's city (郑州海关发布…我省进出口…)."""
    return e.marker not in ("和", "及", "与") and not _preceded(info, e.start, ("、", "包括", "如", "等")) \
        and not info.view.startswith("海关", e.end)


def _preceded(info: SentenceInfo, pos: int, words) -> bool:
    """A place right after 、/包括/如 is an item of a list, not what the sentence is about."""
    return any(info.view.endswith(w, info.sent.start, pos) for w in words)


def article_place(doc: Doc, lex: Lexicon) -> str:
    """The place the article names most often (ties: the first named; a customs office's city,
    成都海关, does not count), '' when it names none."""
    counts: dict[str, int] = {}
    for e in find_entities(doc.view, 0, len(doc.view), lex):
        if e.kind == "place" and e.form not in lex.self_places and not doc.view.startswith("海关", e.end):
            name = lex.place_names.get(e.form, e.form)
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else ""


def article_subject(doc: Doc, lex: Lexicon) -> str:
    """The party the article is mostly about: the country of its dateline (新华社北京…电), else
    its most frequent unmarked party outside lists (a place counts for its country)."""
    m = DATELINE.search(doc.text)
    if m:
        for e in find_entities(doc.text, m.start(), m.end(), lex):
            if len(e.code) == 3:
                return e.code
    counts: dict[str, int] = {}
    v = doc.view
    for e in find_entities(v, 0, len(v), lex):
        if not e.marker and not listed(v, e):                 # items of a list are not what the article is about
            counts[e.code] = counts.get(e.code, 0) + 1
    return max(sorted(counts), key=counts.get) if counts else ""
