"""Period expressions (2025年, 今年上半年, 前5个月, 一季度, 11月份, 首月, 今天)
resolved against the article's date.

Periods are written as the scorer's contract says: `YYYY`, `YYYY-MM` (a month,
or a year-to-date running to that month), `YYYY-Qn`; `kind` tells them apart
(year, ytd, quarter, month, day). A period written after 比/较 is a base of
comparison, and one followed by 以来/起 is a start: neither is a figure's own.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .numbers import NumberError, parse_chinese

_N = r"[一二两三四五六七八九十]{1,3}|\d{1,2}"
_PERIOD_RE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})年|(?P<rel>今年|去年|前年|明年|本年|上年))?"
    r"(?P<part>"
    r"全年|上半年|下半年|年内|以来|已"
    rf"|前(?P<qn>[一二三四1-4])个?季度"
    rf"|前(?P<mn>{_N})个?月"
    rf"|(?:1|一)(?:-|—|–|~|～|至|到)(?P<mto>{_N})月份?"
    rf"|第?(?P<q>[一二三四1-4])季度"
    rf"|(?P<mo>{_N})月份?(?:(?P<day>{_N})[日号])?(?P<mend>末|底)?"
    r"|首月|当月|单月"
    r")?"
)
OPENED_BY = "开通|通车|开行|运营|投运"          # 开通首月: the month the text says the line opened
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})年?(?:至|到|-|—|–|~|～)(?=(?:19|20)\d{2}年)")
_DAY_WORDS = re.compile(r"今天|今日|当天|当日")


AS_OF = re.compile(r"(?:截至|截止到|截止|[日月]至)$")     # 截至11月20日, 1月1日至5月22日: as of that day


@dataclass(frozen=True)
class Period:
    period: str          # YYYY | YYYY-MM | YYYY-Qn | ''
    kind: str            # year | ytd | quarter | month | day | ''


@dataclass
class PeriodMention:
    start: int
    end: int
    period: Period
    role: str            # own | comparison | start | range_start
    explicit_year: bool


def _int(s: str) -> int:
    try:
        return int(s) if s.isdigit() else parse_chinese(s)
    except NumberError:
        return 0


def article_ym(date: str) -> tuple[int, int, bool]:
    """(year, month, has_month) of an article date 'YYYY-MM-DD' / 'YYYY-MM' / ''."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?", date or "")
    if not m:
        return 0, 0, False
    return int(m.group(1)), int(m.group(2) or 12), bool(m.group(2))


def _year(m: re.Match, ay: int) -> int:
    if m.group("y"):
        return int(m.group("y"))
    rel = m.group("rel")
    return {"去年": ay - 1, "上年": ay - 1, "前年": ay - 2, "明年": ay + 1}.get(rel, ay)


def _shift(year: int, start_month: int, explicit: bool, ay: int, am: int) -> int:
    """A month written without a year that starts well after the article's month is last year's."""
    if not explicit and year == ay and start_month - am > 2:
        return year - 1
    return year


def resolve(m: re.Match, date: str, year_hint: int = 0) -> Period | None:
    """The Period a match of _PERIOD_RE stands for, or None when it is not one. A part
    written without a year (全年, 前5个月) takes `year_hint`, the year the sentence
    named before it, when there is one."""
    ay, am, has_month = article_ym(date)
    part = m.group("part") or ""
    explicit = bool(m.group("y") or m.group("rel") in ("去年", "前年", "上年", "明年"))
    if not ay and not m.group("y"):
        return None
    year = _year(m, ay)
    if year_hint and part and not (m.group("y") or m.group("rel")):
        year, explicit = year_hint, True
    if not part:
        if m.group("rel") in ("今年", "本年") and has_month and am < 12:
            return Period(f"{year}-{am:02d}", "ytd")       # 今年 in a dated report: so far this year
        return Period(str(year), "year") if (m.group("y") or m.group("rel")) else None
    if part == "全年":
        return Period(str(year), "year")
    if part in ("以来", "已", "年内"):
        if part != "以来" and m.group("y"):
            return Period(str(year), "year")             # 到2024年已增至…: that year
        if m.group("rel") not in ("今年", "本年", "当年") or not has_month:
            return None
        return Period(f"{year}-{am:02d}", "ytd")
    if part == "上半年":
        return Period(f"{_shift(year, 1, explicit, ay, am)}-06", "ytd")
    if part == "下半年":
        return None
    if m.group("qn"):
        n = _int(m.group("qn"))
        return Period(f"{_shift(year, 1, explicit, ay, am)}-{3 * n:02d}", "ytd") if 1 <= n <= 4 else None
    if m.group("mn") or m.group("mto"):
        n = _int(m.group("mn") or m.group("mto"))
        return Period(f"{_shift(year, 1, explicit, ay, am)}-{n:02d}", "ytd") if 1 <= n <= 12 else None
    if m.group("q"):
        n = _int(m.group("q"))
        return Period(f"{_shift(year, 3 * n - 2, explicit, ay, am)}-Q{n}", "quarter") if 1 <= n <= 4 else None
    if m.group("mo"):
        n = _int(m.group("mo"))
        if not 1 <= n <= 12:
            return None
        kind = "day" if m.group("day") else "month"
        return Period(f"{_shift(year, n, explicit, ay, am)}-{n:02d}", kind)
    if part == "首月":
        return Period(f"{year}-01", "month")
    return None


@functools.lru_cache(maxsize=8)
def opening_month(view: str) -> Period | None:
    """The month the text says a line opened (2021年12月3日开通), searched once per text."""
    opened = re.search(rf"((?:19|20)\d{{2}})年(\d{{1,2}})月(?:\d{{1,2}}[日号])?(?:正式)?(?:{OPENED_BY})", view)
    return Period(f"{opened.group(1)}-{int(opened.group(2)):02d}", "month") if opened else None


def find_periods(view: str, lo: int, hi: int, date: str, comparison: list[str],
                 start_after: list[str]) -> list[PeriodMention]:
    """Period mentions in view[lo:hi], each with its role."""
    out = []
    ay, am, has_month = article_ym(date)
    named_year = 0                                   # the last year the sentence wrote out (2024年, 去年)
    for m in _PERIOD_RE.finditer(view, lo, hi):
        if m.end() == m.start():
            continue
        if m.start() and view[m.start() - 1].isdigit():
            continue
        if view.rfind("《", lo, m.start()) > view.rfind("》", lo, m.start()):
            continue                                 # 《2030年文化外交战略》 is a title, not a period
        p = resolve(m, date, named_year)
        if m.group("part") == "首月" and not m.group("y") and re.search(OPENED_BY, view[max(lo, m.start() - 4):m.start()]):
            p = opening_month(view)
        if p is None:
            continue
        before = view[max(lo, m.start() - 3):m.start()]
        after = view[m.end():m.end() + 2]
        role = "own"
        if any(before.endswith(c) for c in comparison) or view.startswith("同期", m.end()):
            role = "comparison"
        elif any(after.startswith(c) for c in start_after) and m.group("part") != "以来":
            role = "start"
        out.append(PeriodMention(m.start(), m.end(), p, role, bool(m.group("y") or m.group("rel"))))
        if role == "own" and (m.group("y") or m.group("rel") in ("去年", "前年", "上年")):
            named_year = int(p.period[:4])
    for m in _YEAR_RANGE.finditer(view, lo, hi):        # 2000至2023年: the first year starts the range
        out.append(PeriodMention(m.start(1), m.end(1), Period(m.group(1), "year"), "range_start", True))
    if has_month:
        for m in _DAY_WORDS.finditer(view, lo, hi):
            out.append(PeriodMention(m.start(), m.end(), Period(f"{ay}-{am:02d}", "day"), "own", False))
    return sorted(out, key=lambda pm: pm.start)
