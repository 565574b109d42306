"""A figure's parties, subject_name and period, from its sentence and what
the text established before it (see discourse.State).
"""
from __future__ import annotations

import re

from .discourse import Item, Parties, SentenceInfo, State, is_topic_place, listed, opens_sentence
from .lexicon import Lexicon
from .indicators import FROM_TO
from .names import Name
from .numbers import Quantity
from .periods import AS_OF, Period
from .text import Doc, clause_bounds


def name_and_parties(doc: Doc, info: SentenceInfo, it: Item, domain: str, indicator: str,
                      state: State, lex: Lexicon) -> tuple[str, Parties]:
    """subject_name and parties of a figure in a given domain and indicator."""
    if domain == "rail":
        return _rail_name_and_parties(doc, info, it, state, lex)
    view, q = doc.view, it.q
    parties = _parties(info, it, state, lex)
    if indicator in lex.indicators and lex.indicators[indicator].roles == "investment":
        parties = Parties(parties.partner or parties.subject, parties.subject if parties.partner else "",
                          parties.place)
    elif domain == "fdi":
        parties = _fdi_parties(view, info, it, parties, state)
    c0, _ = clause_bounds(view, q.start, q.end, info.sent.start, info.sent.end)
    names = []
    if parties.place in lex.self_places:         # 我市对东盟进出口…: the city the article is about
        names.append(state.article_place or parties.place)
    elif parties.place:
        names.append(lex.place_names.get(parties.place, parties.place))
    port = _port(info, q, c0)
    if domain == "trade" and port is not None:
        names.append(port.name)                     # 金城口岸进出口贸易总额: the trade through that port
        if port.country and not parties.subject:
            parties = Parties(port.country, parties.partner, parties.place)
    if domain == "fdi" and (state.batch or any(b.kind == "batch" for b in info.batches)):
        own = [b for b in info.batches if b.kind == "batch" and b.start < q.start]
        names.append(own[-1].name if own else state.batch)
    part = _part(view, info, it, c0, domain, indicator, state, lex)
    if part:
        names.append(part)
        if q.unit != "percent":
            info.last_part = part
    return "·".join(dict.fromkeys(names)), parties


def _rail_name_and_parties(doc: Doc, info: SentenceInfo, it: Item, state: State,
                           lex: Lexicon) -> tuple[str, Parties]:
    """The line (with the kind of service: 中欧班列·回程, 蒙内铁路·货运列车) and its country."""
    view, q = doc.view, it.q
    line = _rail_name(doc, info, q, state)
    subject = line.country if line and line.country else _parties(info, it, state, lex).subject
    name = line.name if line else ""
    branded = re.match(r"[（(]([\u4e00-\u9fff]{2,4})[)）]", view[line.end:line.end + 7]) if line else None
    if branded and not any(c in branded.group(1) for c in "号列"):
        name = f"{name}·{lex.place_names.get(branded.group(1), branded.group(1))}"   # 中欧班列(成都): that city's
    c0, c1 = clause_bounds(view, q.start, q.end, info.sent.start, info.sent.end)
    after = view[q.end:min(c1, q.end + 6)]          # 日均开行6.4列客运列车、15列货运列车
    kinds = sorted(lex.train_kinds, key=len, reverse=True)
    kind = next((k for k in kinds if after.startswith(k)), "") or \
        next((k for k in kinds if k in view[c0:q.start]), "")
    if name and kind:
        name = f"{name}·{kind}"
    partner = line.partner if line else ""
    inside = next((e for e in info.ents if c0 <= e.start and e.end <= q.start and e.kind == "country"
                   and view.startswith(("境内", "段", "境"), e.end)), None)
    if inside is not None and line is not None and inside.code in (line.country, line.partner):
        subject, partner = inside.code, line.partner if inside.code == line.country else line.country
        suffix = next(x for x in ("境内", "段", "境") if view.startswith(x, inside.end))
        name = f"{name}·{inside.form}{suffix}"
    return name, Parties(subject, partner)          # 其中匈牙利境内158.7公里: that country's section


def _port(info: SentenceInfo, q: Quantity, c0: int) -> Name | None:
    """A port or border crossing named in the figure's clause, or opening its sentence."""
    return next((n for n in reversed(info.rails) if n.name.endswith("口岸") and n.end <= q.start
                 and (c0 <= n.start or opens_sentence(info, n))), None)


def _part(view: str, info: SentenceInfo, it: Item, c0: int, domain: str, indicator: str, state: State,
          lex: Lexicon) -> str:
    """The part of the whole the figure covers, in order of evidence: its 分别 item, a part in
    its clause, a part since the sentence's previous level, a part opening the sentence, the
    part a 其中 refers back to, the part of the level a share follows, a part named after a
    从…的A,到…的B frame. In an FDI figure foreign-invested firms are the whole; kinds of FDI
    capital are parts of registered FDI and project counts only."""
    q = it.q
    fdi_whole = set(lex.parts.get("fdi_whole", []))
    firm_kinds = set(lex.parts.get("firm_kinds", []))
    capital = set(lex.parts.get("capital_kinds", []))
    whole = fdi_whole if domain == "fdi" else (fdi_whole - firm_kinds) | capital
    if indicator == "fdi_disbursed":
        whole = whole | capital                # new or added capital is registered, not what was disbursed
    parts = [p for p in info.parts if p.name not in whole]
    opening = [p for p in parts if opens_sentence(info, p)]
    since = max([info.sent.start] + [x.q.end for x in info.items if not x.growth and x.q.end <= q.start])
    return it.part \
        or next((p.name for p in reversed(parts) if c0 <= p.start < q.start), "") \
        or next((p.name for p in reversed(parts) if since <= p.start < q.start), "") \
        or (opening[0].name if opening and opening[0].start < q.start else "") \
        or (state.topic_part if state.topic_part not in whole and "其中" in view[info.sent.start:q.start] else "") \
        or (info.last_part if q.unit == "percent" else "") \
        or (next((p.name for p in parts if p.start >= q.end), "") if FROM_TO.search(view, c0, q.num_start) else "")


INTO = re.compile(r"[^，,。；;]{0,3}?(?:直接)?投资")                 # 对越投资, 在华直接投资, 对其投资
OUTWARD = re.compile(r"对外(?:直接)?投资|境外投资|海外投资|对外非金融类直接投资|对全球")
INWARD = re.compile(r"外资|外商|外国投资|吸引|吸收")
HOST_VERBS = re.compile(r"[^，,。；;]{0,6}?(?:吸引|吸收|利用|使用|引进|引资|到位|新设)")


def invests_into(view: str, e) -> bool:
    """对Y投资, 在Y投资, 赴Y投资: Y is where the money goes."""
    return e.marker in ("对", "在", "向", "赴", "来", "对于") and bool(INTO.match(view, e.end))


def _fdi_parties(view: str, info: SentenceInfo, it: Item, parties: Parties, state: State) -> Parties:
    """Host (subject) and source (partner) of an FDI figure. X对Y投资 / X在Y投资: Y hosts, X
    invests. Otherwise the host is the one such a phrase established earlier in the paragraph,
    else the article's country; the source is the party listed with 分别, else the nearest
    party before the figure (马来西亚的投资总额…, 其次是韩国,投资总额…), unless a verb such
    as 吸引/实际使用 follows it: then it is the host."""
    q = it.q
    every = [e for e in info.ents if e.end <= q.start]
    ents = [e for e in every if e.kind != "place"]
    host = source = ""
    for e in reversed(ents):
        if invests_into(view, e):
            host = state.fdi_host = e.code
            c0, _ = clause_bounds(view, e.start, e.end, info.sent.start, info.sent.end)
            source = next((x.code for x in reversed(every) if c0 <= x.start and x.end <= e.start and not x.marker), "")
            break
    sentence = view[info.sent.start:info.sent.end]
    if OUTWARD.search(view, info.sent.start, q.start):
        state.fdi_outward = True
    elif INWARD.search(sentence):
        state.fdi_outward = False
    if not host and state.fdi_outward:
        investor = next((x.code for x in reversed(every) if not x.marker), "") or state.article_subject
        partner = it.partner.code if it.partner is not None else "WLD"
        return Parties(partner, investor if investor != partner else "", parties.place)   # 越南对外直接投资…, and
                                                                                           # the figures that follow
    host = host or state.fdi_host or state.article_subject
    if not source and it.partner is not None:
        source = it.partner.code
    if not source:
        for x in reversed(ents):
            if x.marker:
                continue
            if x.code != host and not HOST_VERBS.match(view, x.end):
                source = x.code
            elif x.code != host:
                host = x.code
            break
    if not host:
        return Parties(parties.subject, "", parties.place)
    return Parties(host, source if source != host else "", parties.place)


def _parties(info: SentenceInfo, it: Item, state: State, lex: Lexicon) -> Parties:
    q = it.q
    before = [e for e in info.ents if e.end <= q.start]
    place_ent = next((e for e in reversed(before) if e.kind == "place" and is_topic_place(e, info)), None)
    place = place_ent.form if place_ent else ""
    place_country = place_ent.code if place_ent else ""
    parties_ents = [e for e in before if e.kind != "place"]
    ranked = _ranking(info, q, parties_ents, state)
    if ranked is not None:
        return Parties(ranked.subject, ranked.partner, place or state.place)
    if it.partner is not None:
        v = info.view
        subject = next((e.code for e in parties_ents if not e.marker and e.start < it.partner.start
                        and not listed(v, e, ("", "地区", "国"))), "")
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
    c0, _ = clause_bounds(info.view, q.start, q.end, info.sent.start, info.sent.end)
    markets = tuple(lex.cues.get("market", []))
    own_clause = [e for e in unmarked if e.start >= c0 and not info.view.startswith(markets, e.end)]
    unmarked = own_clause or unmarked                  # the reporting economy of the figure's own clause first
    subject = unmarked[0].code if unmarked else place_country or \
        (state.parties.subject if state.parties else "") or state.discourse_subject or state.article_subject
    share_of = [e for e in parties_ents if info.view.endswith("占", info.sent.start, e.start)]
    if share_of and it.q.unit == "percent":
        subject = share_of[-1].code               # 占我国外贸总值的12.3%: the total is China's
    others = [e for e in parties_ents if e.code != subject]
    marked = [e for e in others if e.marker]
    partner = (marked[-1] if marked else (others[-1] if others else None))
    return Parties(subject or place_country, partner.code if partner else "", place or state.place)


RANK_VERB = re.compile(r"(?:仍然|仍|依然|继续|已经|已|也)?(?:是|为|成为|保持为|保持|位居|居|排名|位列)")
RANK_WHAT = re.compile(r"[\u4e00-\u9fff]{0,6}?的?(?:第[一二三四五六七八九十\d]{1,2}大?|最大的?)")
RANK_BACK = re.compile(r"的?(?:第[一二三四五六七八九十\d]{1,2}大|最大)[^，,。；;]{0,8}?(?:为|是)$")
RANK_NEXT = re.compile(r"(?:其次是|其次为|其次|其后是|随后是|接下来是)$")


def _ranking(info: SentenceInfo, q: Quantity, ents: list, state: State) -> Parties | None:
    """Ranked counterparts: 中国仍是越南最大进口市场 / 越南第二大贸易伙伴为荷兰 (越南 reports,
    the other is the counterpart), 中国仍是最大的贸易伙伴 / 美国位居第二 (the reporter is the
    one the text established), 其次是东盟,…;日本达… (each next party is a counterpart of the
    same reporter). Not when the figure's own clause names its parties (德俄双边贸易额)."""
    view = info.view
    c0, _ = clause_bounds(view, q.start, q.end, info.sent.start, info.sent.end)
    own = [e for e in ents if e.start >= c0]
    if not ents or len(own) > 1 or any(e.marker for e in own):
        return None
    unmarked = [e for e in ents if not e.marker]
    for x in reversed(unmarked):
        back = RANK_BACK.search(view, info.sent.start, x.start)
        y = next((e for e in ents if back and back.start() - 1 <= e.end <= back.start()), None)
        if y is not None and y.code != x.code:
            state.rank_reporter = y.code
            return Parties(y.code, x.code)
        m = RANK_VERB.match(view, x.end)
        if not m:
            continue
        y = next((e for e in ents if e.start >= m.end() and e.start - m.end() <= 1), None)
        if RANK_WHAT.match(view, y.end if y is not None else m.end()):
            reporter = y.code if y is not None else (state.rank_reporter or state.article_subject)
            if reporter and reporter != x.code:
                state.rank_reporter = reporter
                return Parties(reporter, x.code)
    x = unmarked[-1] if unmarked else None
    if x is not None and state.rank_reporter and state.rank_reporter != x.code and (
            RANK_NEXT.search(view, info.sent.start, x.start) or _ranked_clause(view, info, x)):
        return Parties(state.rank_reporter, x.code)
    return None


def _ranked_clause(view: str, info: SentenceInfo, x) -> bool:
    """In a sentence listing ranked counterparts, a clause opening with a party: ;日本达57亿美元."""
    return any(RANK_NEXT.search(view, info.sent.start, e.start) for e in info.ents) and \
        view[x.start - 1:x.start] in "，,；;"


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


def period_of(view: str, info: SentenceInfo, it: Item, state: State, lex: Lexicon) -> Period | None:
    q, sent = it.q, info.sent
    if it.period is not None:
        return it.period
    first = [p for p in info.periods if p.role == "range_start" and p.end <= q.start]
    if first and re.search(r"(?:由|从)$", view[max(sent.start, q.start - 2):q.start]):
        return first[-1].period                   # 2000至2023年…由不足1000亿元增长至…: the range's first year
    own = [p for p in info.periods if p.role == "own" and p.end <= q.start
           and not (view.startswith("的", p.end)          # 从开通首月的4.1万吨增长到目前…: bound to its own value
                    and any(p.end < x.q.start and x.q.end <= q.start for x in info.items if x is not it))]
    non_day = [p for p in own if p.period.kind != "day"]
    if non_day:
        return non_day[-1].period
    cumulative = any(c in view[sent.start:q.start] for c in lex.cues.get("cumulative", []))
    if cumulative:
        as_of = [p for p in own if AS_OF.search(view, max(sent.start, p.start - 3), p.start)]
        return as_of[-1].period if as_of else None   # 截至11月20日: a running total as of that day
    if own:
        return own[-1].period
    if any(w in view[sent.start:q.start] for w in lex.cues.get("same_period", [])):
        return state.topic or state.prev_topic
    return state.period
