"""Parties in a text: countries, groups of economies, Chinese places.

`find_entities(view, lo, hi, lexicon)` returns every mention in order, with its
code (ISO 3166-1 alpha-3 or a group code), its kind, and the marker before it
(对, 自, 向, 与 …) that tells a partner from a subject. One-character
abbreviations count only where Chinese uses them for a country: after such a
marker (对美出口, 自哈进口, 输华), in pairs (中越, 美哈), or as X方 (哈方).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .lexicon import Lexicon

MARKERS = ("对于", "对", "自", "向", "与", "同", "和", "跟", "从", "及", "在", "赴", "来")
ABBR_PREPOSITIONS = "对自向赴访输来在与同从和跟及"


@dataclass
class Entity:
    start: int
    end: int
    code: str
    kind: str          # country | group | place
    form: str
    marker: str = ""   # the preposition right before it, 'pair' for the second of 中越, or 

    @property
    def name(self) -> str:
        return self.form


_CACHE: dict[int, tuple[Lexicon, re.Pattern]] = {}   # id -> (the lexicon itself, kept alive so the id stays its own)


class Taken:
    """Spans already claimed by a mention, kept sorted and disjoint, so that testing a
    candidate against them costs O(log n) (a long article holds thousands of mentions)."""

    def __init__(self, spans=()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(spans):
            if self.ends and s < self.ends[-1]:          # overlapping blocked spans: merge
                self.ends[-1] = max(self.ends[-1], e)
            else:
                self.starts.append(s)
                self.ends.append(e)

    def free(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, s)
        return not (i and self.ends[i - 1] > s) and not (i < len(self.starts) and self.starts[i] < e)

    def add(self, s: int, e: int) -> None:
        i = bisect_right(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


def _alias_regex(lex: Lexicon) -> re.Pattern:
    forms = sorted(lex.aliases, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms)))


def _inside_word(view: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """The match is part of a word that only contains the name (中国 in 其中国有企业)."""
    for w in words:
        i = view.find(w, max(0, start - len(w)), end + len(w))
        while i != -1 and i <= start:
            if i + len(w) >= end:
                return True
            i = view.find(w, i + 1, end + len(w))
    return False


def _marker(view: str, start: int, lo: int) -> str:
    for mk in MARKERS:
        if view.startswith(mk, max(lo, start - len(mk))) and start - len(mk) >= lo:
            return mk
    return ""


def _abbreviations(view: str, lo: int, hi: int, lex: Lexicon, taken: Taken) -> list[Entity]:
    abbr = lex.abbreviations
    chars = "".join(re.escape(c) for c in abbr)
    free = taken.free
    out = []
    for m in re.finditer(rf"[{chars}]{{2,3}}", view[lo:hi]):
        s, e = lo + m.start(), lo + m.end()
        run = m.group()
        if not free(s, e) or any(run[i:i + 2] in lex.not_abbreviations for i in range(len(run) - 1)):
            continue
        codes = [abbr[c] for c in run]
        if len(set(codes)) < len(codes) or view[e:e + 1] in ("洲", "部"):
            continue
        for i, c in enumerate(run):
            out.append(Entity(s + i, s + i + 1, abbr[c], "country" if len(abbr[c]) == 3 else "group", c,
                              _marker(view, s, lo) if i == 0 else "pair"))
        taken.add(s, e)
    for m in re.finditer(rf"(?<=[{ABBR_PREPOSITIONS}])[{chars}](?!俱)", view[lo:hi]):
        s = lo + m.start()
        word = view[s:s + 2]
        if not free(s, s + 1) or word in lex.not_abbreviations or view[s - 1:s + 1] in lex.not_abbreviations:
            continue
        code = abbr[m.group()]
        out.append(Entity(s, s + 1, code, "country" if len(code) == 3 else "group", m.group(),
                          _marker(view, s, lo)))
        taken.add(s, s + 1)
    for m in re.finditer(rf"[{chars}]方", view[lo:hi]):
        s = lo + m.start()
        if free(s, s + 2):
            code = abbr[view[s]]
            out.append(Entity(s, s + 2, code, "country" if len(code) == 3 else "group", m.group(),
                              _marker(view, s, lo)))
            taken.add(s, s + 2)
    return out


def find_entities(view: str, lo: int, hi: int, lex: Lexicon,
                  blocked: list[tuple[int, int]] = ()) -> list[Entity]:
    """Every party mentioned in view[lo:hi], in order; spans in `blocked` (rail names) are skipped."""
    cached = _CACHE.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _CACHE[id(lex)] = (lex, _alias_regex(lex))
    rx = cached[1]
    taken = Taken(blocked)
    out = []
    for m in rx.finditer(view, lo, hi):
        if not taken.free(m.start(), m.end()) or _inside_word(view, m.start(), m.end(), lex.not_aliases):
            continue
        code, kind = lex.aliases[m.group()]
        out.append(Entity(m.start(), m.end(), code, kind, m.group(), _marker(view, m.start(), lo)))
        taken.add(m.start(), m.end())
    out += _abbreviations(view, lo, hi, lex, taken)
    return sorted(out, key=lambda e: e.start)
