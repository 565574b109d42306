"""Parties in a text: countries, groups of economies, Chinese places.

`find_entities(view, lo, hi, lexicon)` returns every mention in order, with its
code (ISO 3166-1 alpha-3 or a group code), its kind, and the marker before it
(对, 自, 向, 与 …) that tells a partner from a subject. One-character
abbreviations count only where Chinese uses them for a country: after such a
marker (对美出口, 自哈进口, 输华), in pairs (中越, 美哈), or as X方 (哈方).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon

MARKERS = ("对于", "对", "自", "向", "与", "同", "和", "跟", "从", "及")
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


_CACHE: dict[int, re.Pattern] = {}


def _alias_regex(lex: Lexicon) -> re.Pattern:
    forms = sorted(lex.aliases, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms)))


def _marker(view: str, start: int, lo: int) -> str:
    for mk in MARKERS:
        if view.startswith(mk, max(lo, start - len(mk))) and start - len(mk) >= lo:
            return mk
    return ""


def _abbreviations(view: str, lo: int, hi: int, lex: Lexicon, taken: list[tuple[int, int]]) -> list[Entity]:
    abbr = lex.abbreviations
    chars = "".join(re.escape(c) for c in abbr)
    free = lambda s, e: all(e <= a or s >= b for a, b in taken)  # noqa: E731
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
        taken.append((s, e))
    for m in re.finditer(rf"(?<=[{ABBR_PREPOSITIONS}])[{chars}](?!俱)", view[lo:hi]):
        s = lo + m.start()
        word = view[s:s + 2]
        if not free(s, s + 1) or word in lex.not_abbreviations or view[s - 1:s + 1] in lex.not_abbreviations:
            continue
        code = abbr[m.group()]
        out.append(Entity(s, s + 1, code, "country" if len(code) == 3 else "group", m.group(),
                          _marker(view, s, lo)))
        taken.append((s, s + 1))
    for m in re.finditer(rf"[{chars}]方", view[lo:hi]):
        s = lo + m.start()
        if free(s, s + 2):
            code = abbr[view[s]]
            out.append(Entity(s, s + 2, code, "country" if len(code) == 3 else "group", m.group(),
                              _marker(view, s, lo)))
            taken.append((s, s + 2))
    return out


def find_entities(view: str, lo: int, hi: int, lex: Lexicon,
                  blocked: list[tuple[int, int]] = ()) -> list[Entity]:
    """Every party mentioned in view[lo:hi], in order; spans in `blocked` (rail names) are skipped."""
    rx = _CACHE.setdefault(id(lex), _alias_regex(lex))
    taken = list(blocked)
    out = []
    for m in rx.finditer(view, lo, hi):
        if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
            continue
        code, kind = lex.aliases[m.group()]
        out.append(Entity(m.start(), m.end(), code, kind, m.group(), _marker(view, m.start(), lo)))
        taken.append((m.start(), m.end()))
    out += _abbreviations(view, lo, hi, lex, taken)
    return sorted(out, key=lambda e: e.start)
