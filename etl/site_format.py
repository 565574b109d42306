"""How the site writes values, periods and codes for a reader.

Values are stored in base units (1250亿美元 is 125000000000 USD); the site
writes them the Chinese way, with 万 (1e4), 亿 (1e8) or 万亿 (1e12) and the
unit's Chinese word: 1250亿美元, 836.4万吨, 4120列, 25%. Qualifiers are shown
as their sign (≈ ≥ ≤, model.QUALIFIER_SIGNS) in front of the value.
Display names live in templates/labels.yaml.
"""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from .model import QUALIFIER_SIGNS, Figure

LABELS_PATH = Path(__file__).resolve().parent.parent / "templates" / "labels.yaml"
SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))


@functools.lru_cache(maxsize=1)
def labels() -> dict:
    return yaml.safe_load(LABELS_PATH.read_text(encoding="utf-8"))


def unit_word(unit: str) -> str:
    return labels()["units"].get(unit, f" {unit}" if unit else "")


def scale_for(unit: str, magnitude: float) -> tuple[float, str]:
    """(divisor, word) for writing numbers of this size: (1e8, '亿') for 1.34e11."""
    if unit not in labels()["unscaled"]:
        for divisor, word in SCALES:
            if abs(magnitude) >= divisor:
                return divisor, word
    return 1.0, ""


def number(x: float) -> str:
    """At most four decimals, no trailing zeros, no float noise: 2481.3, 836.4, 3."""
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def amount(value: float, unit: str) -> str:
    """1.25e11 USD -> '1250亿美元'."""
    divisor, word = scale_for(unit, value)
    return f"{number(value / divisor)}{word}{unit_word(unit)}"


def figure_value(f: Figure) -> str:
    """The figure's value as a reader writes it, qualifier sign first: '≈150亿美元', '1000–1200亿美元'."""
    sign = QUALIFIER_SIGNS.get(f.qualifier, "")
    if f.value_max is not None and f.value_max != f.value:
        divisor, word = scale_for(f.unit, max(abs(f.value), abs(f.value_max)))
        return f"{sign}{number(f.value / divisor)}–{number(f.value_max / divisor)}{word}{unit_word(f.unit)}"
    return f"{sign}{amount(f.value, f.unit)}"


def change(f: Figure) -> str:
    return "" if f.change_pct is None else f"{f.change_pct:+g}%"


def period_label(period: str, kind: str) -> str:
    """'2025' -> '2025年', ytd '2025-05' -> '2025年1–5月', '2025-Q1' -> '2025年第1季度'."""
    if not period:
        return "undated"
    year, _, rest = period.partition("-")
    if not rest:
        return f"{year}年"
    if rest.startswith("Q"):
        return f"{year}年第{rest[1:]}季度"
    month, _, day = rest.partition("-")
    m = int(month) if month.isdigit() else month
    if day:
        return f"{year}年{m}月{int(day) if day.isdigit() else day}日"
    if kind == "ytd" and m != 1:
        return f"{year}年1–{m}月"
    return f"{year}年{m}月" + ("(累计)" if kind == "ytd" else "")


def entity(code: str) -> str:
    """A party's Chinese name: the site's label, else the lexicon's first name for the code."""
    return labels()["entities"].get(code) or _lexicon_names().get(code, code)


@functools.lru_cache(maxsize=1)
def _lexicon_names() -> dict[str, str]:
    from . import lexicon
    names: dict[str, str] = {}
    for form, (code, kind) in lexicon.default().aliases.items():
        if kind != "place":
            names.setdefault(code, form)
    return names


def indicator(code: str) -> str:
    return labels()["indicators"].get(code, code)


def domain(code: str) -> str:
    return labels()["domains"].get(code, code)


def period_kind(kind: str) -> str:
    return labels()["period_kinds"].get(kind, kind)


def parties(subject: str, partner: str, symmetric: bool) -> str:
    """'中国–中亚' for a pair, '越南→美国' for a directed relation, '越南' alone."""
    if subject and partner:
        return f"{entity(subject)}{'–' if symmetric else '→'}{entity(partner)}"
    return entity(subject or partner)
