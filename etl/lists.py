"""Lists and changes inside one sentence.

分别 lists map each value to its item in order (我国对东盟、欧盟分别进出口A、B:
A is with ASEAN, B with the EU; 一季度、二季度分别为A和B: A is Q1). A list of
changes after a list of levels (分别增长x、y), or after the last levels of the
sentence, gives each level its change. A change written right before a level
(同比增长x%,达到A) or after it, with no new party or list in between, is that
level's year-on-year change.
"""
from __future__ import annotations

import re

from .discourse import Item, SentenceInfo
from .text import Doc

LIST_JOINERS = re.compile(r"^(?:[、和及与,，]|以及)*$")
ENTITY_JOINERS = re.compile(r"^(?:地区|国)?[、和及与,，]*$")   # 中国香港地区及日本, 蒙古国、俄罗斯


def _chain_after(doc: Doc, pos: int, items: list[Item]) -> list[Item]:
    """The quantities listed right after 分别 at pos: 3.21万亿元、2.87万亿元、1.94万亿元."""
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


def _listed(mentions: list, lo: int, hi: int, n: int, view: str, joiners: re.Pattern = LIST_JOINERS) -> list | None:
    """The last n mentions in [lo, hi) if they form a list joined by 、/和/及."""
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    if len(inside) < n:
        return None
    pick = inside[-n:]
    for x, y in zip(pick, pick[1:]):
        if not joiners.match(view[x.end:y.start]):
            return None
    return pick


def _after_last(view: str, lo: int, pos: int, separators: str = "，,；;：:") -> int:
    """Just after the last separator in view[lo:pos], or lo."""
    return max([lo] + [i + 1 for i in range(lo, pos) if view[i] in separators])


def _clause_back(view: str, info: SentenceInfo, seg_start: int) -> int:
    """The start of the clause before the one starting at seg_start (a list broken by a comma)."""
    return _after_last(view, info.sent.start, max(info.sent.start, seg_start - 1), "，,；;：:。")


def _clause_start(view: str, it: Item, info: SentenceInfo) -> int:
    return _after_last(view, info.sent.start, it.q.start)


def _levels_before(items: list[Item], pos: int, n: int) -> list[Item]:
    """The n levels a 分别 change list at pos refers to when they are not a 分别 list
    themselves (开行A、发送B,同比分别增长x、y): the last n levels before it, provided
    no change is written among them or after them (those would be their own changes)."""
    before = [it for it in items if it.q.end <= pos]
    levels = [it for it in before if not it.growth][-n:]
    if len(levels) < n or any(it.growth for it in before if it.q.start > levels[0].q.start):
        return []
    return levels


_LEAD = re.compile(r"^(?:其中|主要是|主要|包括|以及|对|向|自|从|进出口|出口|进口|的)+")
_NOT_A_NAME = re.compile(r"[0-9０-９%％]|增长|下降|同比|分别|进出口|出口|进口|贸易|实现|达到|占")


def _noun_list(view: str, lo: int, pos: int, n: int, info: SentenceInfo) -> list[str]:
    """The n names listed right before 分别 when no lexicon knows them (其中，甲类、乙类、丙类产品
    分别进出口…): pieces split by 、 (the last by 和/及/与), the first cut after any party or
    period written in it; [] unless every piece reads as a short name."""
    text = view[lo:pos]
    pieces = text.split("、")
    if len(pieces) == n - 1:
        m = re.fullmatch(r"(.*)(?:和|及|与)(.*)", pieces[-1])     # greedy: split at the last joiner
        if not m:
            return []
        pieces[-1:] = [m.group(1), m.group(2)]
    if len(pieces) != n:
        return []
    first_start = pos - len("、".join(pieces))
    cut = max([e.end for e in info.ents if first_start <= e.start < first_start + len(pieces[0])]
              + [p.end for p in info.periods if first_start <= p.start < first_start + len(pieces[0])]
              + [first_start])
    pieces[0] = view[cut:first_start + len(pieces[0])]
    pieces = [_LEAD.sub("", p.strip()) for p in pieces]
    if any(not 2 <= len(p) <= 12 or _NOT_A_NAME.search(p) or not re.fullmatch(r"[\u4e00-\u9fff]+", p)
           for p in pieces):
        return []
    return pieces


def map_lists(doc: Doc, info: SentenceInfo) -> None:
    view = doc.view
    previous_chain: list[Item] = []
    for m in re.finditer("分别", view[info.sent.start:info.sent.end]):
        pos = info.sent.start + m.start()
        chain = _chain_after(doc, m.end() + info.sent.start, info.items)
        if len(chain) < 2:
            continue
        seg_start = _after_last(view, info.sent.start, pos, "，,；;：:。")
        n = len(chain)
        ents = _listed(info.ents, seg_start, pos, n, view, ENTITY_JOINERS)
        pers = _listed([p for p in info.periods if p.role == "own"], seg_start, pos, n, view)
        parts = _listed(info.parts, seg_start, pos, n, view) or \
            _listed(info.parts, _clause_back(view, info, seg_start), pos, n, view)   # 对制造业,信息…业以及…业的投资分别为
        if ents:
            for it, e in zip(chain, ents):
                it.partner = e
        elif pers:
            for it, p in zip(chain, pers):
                it.period = p.period
        elif parts:
            for it, p in zip(chain, parts):
                it.part = p.name
        elif not chain[0].growth and (nouns := _noun_list(view, seg_start, pos, n, info)):
            for it, name in zip(chain, nouns):
                it.part = name
        elif chain[0].growth:
            levels = previous_chain if len(previous_chain) == n else _levels_before(info.items, pos, n)
            for lvl, g in zip(levels, chain):
                if lvl.change is None and g.yoy:
                    lvl.change, g.consumed = g.growth * g.q.value, True
        previous_chain = chain if not chain[0].growth else previous_chain
        if not chain[0].growth:
            rates = _growth_run_after(view, chain, info.items)
            for lvl, g in zip(chain, rates):           # 分别达A、B、C,增长x%、y%、z%
                if lvl.change is None:
                    lvl.change, g.consumed = g.growth * g.q.value, True


def _growth_run_after(view: str, chain: list[Item], items: list[Item]) -> list[Item]:
    """A run of as many year-on-year changes as the chain has levels, written right after them."""
    later = [it for it in items if it.q.start >= chain[-1].q.end]
    run = []
    for it in later:
        gap = view[(run[-1].q.end if run else chain[-1].q.end):it.q.start]
        ok = (len(gap) <= 8 and not re.search(r"[。；;]", gap)) if not run else LIST_JOINERS.match(gap)
        if not it.growth or not it.yoy or it.consumed or not ok:
            break
        run.append(it)
    return run if len(run) == len(chain) else []


LEVEL_AFTER_CHANGE = re.compile(r"^[,，]?(?P<noun>进出口|出口|进口|贸易)?(?:额|总额|总值|值|规模|金额)?(?:达到|达|为|至|到)?$")


def attach_changes(doc: Doc, info: SentenceInfo) -> None:
    """A change after a level, with no new party or list in between, is that level's change_pct;
    so is a change written just before a level (同比增长4.1%,达到320亿元). Conversions
    (约合人民币…) and differences (同比增加6万标箱) are not levels: a change after them is
    the change of the level before them."""
    view = doc.view
    for i, (g, nxt) in enumerate(zip(info.items, info.items[1:])):
        m = LEVEL_AFTER_CHANGE.match(view[g.q.end:nxt.q.start])
        before = view[(info.items[i - 1].q.end if i else info.sent.start):g.q.start]
        if g.growth and g.yoy and not g.consumed and not nxt.growth and nxt.change is None \
                and nxt.kind == "actual" and m and (not m.group("noun") or m.group("noun") in before) \
                and not any(it.q.end <= g.q.start and it.q.start >= _clause_start(view, g, info)
                            for it in info.items):
            nxt.change, g.consumed = g.growth * g.q.value, True
    last_level = None
    for it in info.items:
        if not it.growth:
            if last_level and last_level.change is None and it.q.unit == "percent" != last_level.q.unit:
                continue             # A达X,占…Y%,同比增长Z%: the change is X's, not the share's
            if it.kind not in ("conversion", "difference") or (last_level and last_level.change is not None):
                last_level = it      # (折合…亿美元,同比增长x%) after a level with its own change: the conversion's
            continue
        if it.consumed or not it.yoy or last_level is None or last_level.change is not None:
            continue
        between = doc.view[last_level.q.end:it.q.start]
        new_party = any(last_level.q.end <= e.start < it.q.start for e in info.ents)
        if "分别" in between or new_party or re.search(r"[。；;]", between):
            continue
        last_level.change, it.consumed = it.growth * it.q.value, True
