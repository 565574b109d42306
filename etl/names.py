"""Names of what a figure covers (subject_name): rail lines, services and
ports; trade modes, product groups, kinds of firm; batches of projects.

Each finder takes a view and a range and returns `Name`s in order. Listed
names come from etl/lexicon/rail.yaml and parts.yaml; a rail name not listed
is still found by its suffix (满洲里口岸, …铁路).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon

_CN_ORD = r"[一二三四五六七八九十\d]+"
_BATCH = re.compile(rf"第{_CN_ORD}批|前{_CN_ORD}批|新一批|最新一批")


@dataclass
class Name:
    start: int
    end: int
    name: str
    kind: str            # rail | part | batch | batch_ref
    country: str = ""    # rail: the line's country
    partner: str = ""


_CACHE: dict[tuple[int, str], re.Pattern] = {}


def _alternation(key: str, lex: Lexicon, forms) -> re.Pattern:
    k = (id(lex), key)
    if k not in _CACHE:
        _CACHE[k] = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    return _CACHE[k]


def find_rail_names(view: str, lo: int, hi: int, lex: Lexicon) -> list[Name]:
    out, taken = [], []
    for m in _alternation("rail", lex, lex.rail).finditer(view, lo, hi):
        line = lex.rail[m.group()]
        out.append(Name(m.start(), m.end(), line.name, "rail", line.country, line.partner))
        taken.append((m.start(), m.end()))
    suffixes = "|".join(map(re.escape, lex.rail_suffixes))
    stop = set("".join(w for w in lex.rail_stoppers if len(w) == 1))
    for m in re.finditer(rf"(?:{suffixes})", view[lo:hi]):
        e = lo + m.end()
        s = lo + m.start()
        if any(a < e and s < b for a, b in taken):
            continue
        b = s
        while b > lo and s - b < 6 and "\u4e00" <= view[b - 1] <= "\u9fff" and view[b - 1] not in stop:
            b -= 1
        if s - b >= 2 and not any(w in view[b:s] for w in lex.rail_stoppers if len(w) > 1):
            out.append(Name(b, e, view[b:e], "rail"))
            taken.append((b, e))
    return sorted(out, key=lambda n: n.start)


PART_GROUPS = ("trade_modes", "products", "firm_kinds", "industries", "regions", "capital_kinds", "fdi_whole")


def find_parts(view: str, lo: int, hi: int, lex: Lexicon) -> list[Name]:
    forms = [f for group in PART_GROUPS for f in lex.parts.get(group, [])]
    return [Name(m.start(), m.end(), m.group(), "part")
            for m in _alternation("parts", lex, forms).finditer(view, lo, hi)]


def find_batches(view: str, lo: int, hi: int, lex: Lexicon) -> list[Name]:
    """第七批标志性重大外资项目 -> 第七批重大外资项目; 新一批 -> a reference to the latest batch."""
    nouns = _alternation("batch", lex, lex.parts.get("batch_nouns", []))
    out = []
    for m in _BATCH.finditer(view, lo, hi):
        tail = nouns.search(view, m.end(), min(hi, m.end() + 14))
        between = view[m.end():tail.start()] if tail else ""
        if tail and not re.search(r"[，,。；;]", between):
            out.append(Name(m.start(), tail.end(), m.group() + tail.group(), "batch"))
        elif m.group() in ("新一批", "最新一批"):
            out.append(Name(m.start(), m.end(), m.group(), "batch_ref"))
    return out
