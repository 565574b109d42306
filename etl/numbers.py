"""Numbers as Chinese news writes them, and the quantities they form with units.

Pure functions over strings: `parse_number('836.4万')` is 8364000.0,
`parse_number('三万亿')` is 3e12, `parse_number('三十分之一')` is 1/30.
`find_quantities(view, lexicon)` finds every number with a unit and its
qualifier cues (约, 超过, 以上, 多 …) in a cleaned text view.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .lexicon import Lexicon


class NumberError(ValueError):
    """A string that is not a number this module can read."""


CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}
MULTIPLIERS = {**CN_SMALL, **CN_BIG}
CN_CHARS = "".join(CN_DIGITS) + "".join(MULTIPLIERS)

ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_ARABIC_RE = re.compile(rf"^{ARABIC}$")


def _cn_small(s: str) -> int:
    """A Chinese numeral below 10,000 (二千零五 -> 2005, 十二 -> 12)."""
    total, digit = 0, None
    for ch in s:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0:
                raise NumberError(s)
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL:
            total += (1 if digit is None else digit) * CN_SMALL[ch]
            digit = None
        else:
            raise NumberError(s)
    return total + (digit or 0)


def parse_chinese(s: str) -> int:
    """A Chinese numeral of any size: 两千, 一千零六十三, 三万亿, 千亿."""
    if not s or any(ch not in CN_CHARS for ch in s):
        raise NumberError(s)
    if "亿" in s:
        head, _, tail = s.partition("亿")
        head_v = parse_chinese(head) if head else 1
        return head_v * 10**8 + (parse_chinese(tail) if tail else 0)
    if "万" in s:
        head, _, tail = s.partition("万")
        head_v = _cn_small(head) if head else 1
        return head_v * 10**4 + (_cn_small(tail) if tail else 0)
    return _cn_small(s)


def parse_arabic(s: str) -> Decimal:
    """Digits with optional thousands separators and decimals: '1,234.5' -> Decimal('1234.5')."""
    if not _ARABIC_RE.match(s or ""):
        raise NumberError(s)
    return Decimal(s.replace(",", ""))


def multiplier(s: str) -> int:
    """A run of multiplier characters: 万 -> 1e4, 千万亿 -> 1e15."""
    m = 1
    for ch in s:
        if ch not in MULTIPLIERS:
            raise NumberError(s)
        m *= MULTIPLIERS[ch]
    return m


def parse_number(s: str) -> float:
    """Any single number (computed exactly, then given as float): Arabic with an optional multiplier run, a Chinese numeral, a fraction."""
    s = (s or "").strip()
    if "分之" in s:
        den, _, num = s.partition("分之")
        d = parse_number(den)
        if d == 0:
            raise NumberError(s)
        return parse_number(num) / d
    m = re.match(rf"^({ARABIC})([{''.join(MULTIPLIERS)}]*)$", s)
    if m:
        return float(parse_arabic(m.group(1)) * multiplier(m.group(2)))   # exact: 8.64万亿 is 8640000000000
    return float(parse_chinese(s))


@dataclass
class Quantity:
    """A number with its unit in a text view; positions are view offsets."""
    start: int            # mention start (a qualifier cue before the number included)
    end: int              # mention end (unit and suffix cue included)
    num_start: int        # where the digits begin
    unit_end: int         # end of the unit form
    value: float
    unit: str             # unit code (USD, t, percent, …)
    unit_class: str
    unit_form: str
    qualifier: str = "exact"
    value_max: float | None = None
    cue: str = ""         # the qualifier cue, as written


_NUM = rf"(?:{ARABIC}(?:[多余])?[{''.join(MULTIPLIERS)}]*|[{CN_CHARS}]+)"
_SPECIAL = {"一半": 50.0, "半数": 50.0}


def _quantity_regex(lex: Lexicon) -> re.Pattern:
    forms = "|".join(re.escape(u.form) for u in lex.units)
    return re.compile(
        rf"(?P<frac>[{CN_CHARS}]+分之(?:{ARABIC}|[{CN_CHARS}]+))"
        rf"|(?P<special>一半|半数)"
        rf"|(?P<num>{_NUM})(?P<inner>[多余])?"
        rf"(?:(?P<unit1>{forms})?(?P<sep>[-~～—–至到])(?P<num2>{_NUM}))?"
        rf"(?P<unit>{forms})"
    )


_REGEX_CACHE: dict[int, re.Pattern] = {}


def _num_value(s: str) -> tuple[float, bool]:
    """Value of a number token (may hold an inner 多/余), and whether it said 多/余."""
    inner = bool(re.search(r"\d[多余]", s))
    return parse_number(re.sub(r"(?<=\d)[多余]", "", s)), inner


def _prefix_cue(view: str, pos: int, lex: Lexicon, unit: str) -> tuple[str, str, int]:
    """(qualifier, cue, cue start) for the cue written right before pos, if any."""
    window = view[max(0, pos - 8):pos]
    fillers = "|".join(map(re.escape, lex.qualifiers.get("fillers", [])))
    best = ("exact", "", pos)
    cands = []
    for c in lex.qualifiers.get("prefix_conditional") or []:
        if unit in c.get("units", []):
            cands.append((c["qualifier"], c["cue"]))
    for q, cues in (lex.qualifiers.get("prefix") or {}).items():
        cands += [(q, c) for c in cues]
    for q, cue in sorted(cands, key=lambda qc: -len(qc[1])):
        m = re.search(rf"{re.escape(cue)}(?:{fillers})?$", window)
        if m:
            start = pos - (len(window) - m.start())
            if start < best[2] or not best[1]:
                best = (q, cue, start)
            break
    return best


def _suffix_cue(view: str, pos: int, lex: Lexicon) -> tuple[str, int]:
    for q, cues in (lex.qualifiers.get("suffix") or {}).items():
        for cue in sorted(cues, key=len, reverse=True):
            if view.startswith(cue, pos):
                return q, len(cue)
    return "", 0


def _skip(view: str, m: re.Match, unit_form: str) -> bool:
    """Numbers that are not quantities: ordinals, 'first N', bare 一, years, dates."""
    s = m.start()
    before = view[s - 1] if s else " "
    if before in "第前首每" or re.match(r"[A-Za-z0-9.]", before):
        return True
    num = m.group("num") or ""
    if num == "一" or (num in ("两", "二") and unit_form != "成"):
        return True                                  # 一列班列, 这一成果, 两国: words, not counts
    if unit_form == "成" and re.match(r"[\u4e00-\u9fff]", view[m.end():m.end() + 1]) \
            and view[m.end()] not in "的以左多上":
        return True                                  # 三成果 is no share
    if unit_form == "年":
        after = view[m.end():m.end() + 1]
        if re.fullmatch(r"\d{4}", num) or after in ("月", "度", "代", "级"):
            return True
    return False


def find_quantities(view: str, lex: Lexicon) -> list[Quantity]:
    """Every number-with-unit in the view, with qualifier and range, in order."""
    rx = _REGEX_CACHE.setdefault(id(lex), _quantity_regex(lex))
    units = {u.form: u for u in lex.units}
    out: list[Quantity] = []
    for m in rx.finditer(view):
        try:
            if m.group("frac"):
                den, _, num = m.group("frac").partition("分之")
                value, unit, inner, vmax = 100 * parse_number(num) / parse_number(den), None, False, None
                form, code, cls, unit_end = "分之", "percent", "percent", m.end()
            elif m.group("special"):
                value, unit, inner, vmax = _SPECIAL[m.group("special")], None, False, None
                form, code, cls, unit_end = m.group("special"), "percent", "percent", m.end()
            else:
                unit = units[m.group("unit")]
                if unit.cls == "ignore" or _skip(view, m, unit.form):
                    continue
                if unit.chinese_only and not re.fullmatch(f"[{CN_CHARS}]+", m.group("num")):
                    continue
                if m.group("unit1") and m.group("unit1") != m.group("unit"):
                    continue
                value, inner = _num_value(m.group("num"))
                inner = inner or bool(m.group("inner"))
                vmax = None
                if m.group("num2"):
                    vmax = _num_value(m.group("num2"))[0] * unit.scale
                    shared = re.search(rf"[{''.join(MULTIPLIERS)}]+$", m.group("num2"))
                    if shared and re.fullmatch(ARABIC, m.group("num")):
                        value = float(Decimal(repr(value)) * multiplier(shared.group()))  # 10-15亿元
                value *= unit.scale
                form, code, cls, unit_end = unit.form, unit.code, unit.cls, m.end()
        except NumberError:
            continue
        q, cue, start = _prefix_cue(view, m.start(), lex, code)
        if q == "exact":
            start = m.start()       # 达到/为 are not part of the mention
        sq, slen = _suffix_cue(view, unit_end, lex)
        if sq:
            q = sq if q == "exact" else q
        elif inner and q == "exact":
            q = "at_least"
        if m.group("special") == "半数" and q == "exact":
            q = "at_least"
        if code == "km" and re.search(r"(?:时速|速度|设计时速)$", view[max(0, m.start() - 4):start]):
            code, start = "km/h", view.rfind("时速", max(0, m.start() - 4), m.start())
        elif code == "km" and re.search(r"时速(?:(?!全长|长|里程|公里的)[^，,。；;])*$", view[max(0, start - 24):start]):
            code = "km/h"                              # 最高运行时速由原来的40至50公里提升至200公里
        if vmax is not None and q == "exact":
            q = "at_least"
        out.append(Quantity(start=start, end=unit_end + slen, num_start=m.start(), unit_end=unit_end,
                            value=value, unit=code, unit_class=cls, unit_form=form, qualifier=q,
                            value_max=vmax, cue=cue))
    return sorted(out + _unit_shared_items(view, out, units, lex), key=lambda x: x.start)


_LISTED = re.compile(rf"({ARABIC}[{''.join(CN_BIG)}千]*)([、和及与])$")


def _unit_shared_items(view: str, found: list[Quantity], units: dict, lex: Lexicon) -> list[Quantity]:
    """Numbers listed before a quantity that write its unit only once, on the last item:
    进出口1747.6亿、655.4亿、198.4亿元 (three CNY amounts), 增长12.3、17.1和10.8% (three
    rates). A listed number must carry a multiplier (亿, 万) or, for a rate, decimals; so
    a list of years or ordinals never borrows a unit."""
    out = []
    for q in found:
        unit = units.get(q.unit_form)
        if unit is None or q.value_max is not None:
            continue
        pos = q.num_start if q.qualifier == "exact" or q.start == q.num_start else q.start
        while True:
            m = _LISTED.search(view, max(0, pos - 24), pos)
            if not m or m.end() != pos:
                break
            num = m.group(1)
            if not (re.search(r"[万亿千]$", num) or (q.unit == "percent" and "." in num)):
                break
            try:
                value = parse_number(num) * unit.scale
            except NumberError:
                break
            qual, cue, start = _prefix_cue(view, m.start(), lex, q.unit)
            if qual == "exact":
                start = m.start()
            out.append(Quantity(start=start, end=m.start() + len(num), num_start=m.start(),
                                unit_end=m.start() + len(num), value=value, unit=q.unit,
                                unit_class=q.unit_class, unit_form=q.unit_form, qualifier=qual, cue=cue))
            pos = start
    return out
