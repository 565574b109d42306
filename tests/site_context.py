"""A tiny fixed build context for the site tests and the golden site.

Four articles: two quoting the same trade figures (one agreeing, one
disagreeing), a hostile one (markup and template syntax in its text and title),
and one with no trade/FDI/rail figure. Spans are found with str.find, so they
are right by construction.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from etl.model import Figure, Source, figure_id
from etl.pipeline import Context

TEXTS = {
    "alpha": ("2025年中国与中亚五国货物贸易总额达到1187亿美元,同比增长12%。\n"
              "2024年双方贸易额为880亿美元。\n\n"
              "霍尔果斯口岸2025年开行班列7415列;南北高铁全长1327公里。\n"
              "前5个月贸易额约420亿美元。\n"),
    "beta": ("据海关统计,中亚与中国2025年贸易额为1184亿美元。\n"
             "2024年,这一数字是880.0亿美元。\n"
             "霍尔果斯口岸2025年开行班列7415列。\n"),
    "hostile": ('美国对哈萨克斯坦出口46亿美元 <script>alert(1)</script> </mark> {{ 7*7 }} "quoted" & \'single\'\n'
                "{% raw %}前5个月出口12亿美元,折合人民币约86亿元。\n"
                "目标是到2030年出口达到100亿美元。\n"),
    "defence": "美越防务安全合作及其对中国的影响。\n本文讨论安全合作,不含贸易数字。\n",
}

META = {
    "alpha": dict(title="中国与中亚贸易额创新高", publisher="测试通讯社", date="2026-01-05",
                  url="https://example.com/alpha"),
    "beta": dict(title="中亚贸易回顾", title_derived=True, publisher="", date="2026-01"),
    "hostile": dict(title='<script>alert("t")</script> {{ 7*7 }} & co', publisher="<b>bold</b>",
                    date="2025-06-10", url="javascript:alert(1)"),
    "defence": dict(title="美越防务安全合作", publisher="国际安全研究", date="2017-06-01"),
}


def make_sources(folder: Path) -> list[Source]:
    sources = []
    for sid, text in TEXTS.items():
        path = folder / f"{sid}.txt"
        path.write_text(text, encoding="utf-8")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        sources.append(Source(id=sid, path=path.name, abspath=str(path), sha256=sha, text=text, **META[sid]))
    return sources


def fig(src: Source, mention: str, nth: int = 0, **kw) -> Figure:
    """A figure whose span is the nth occurrence of mention; its quote is the line around it."""
    start = -1
    for _ in range(nth + 1):
        start = src.text.find(mention, start + 1)
    assert start >= 0, mention
    end = start + len(mention)
    q0 = src.text.rfind("\n", 0, start) + 1
    q1 = src.text.find("\n", end)
    q1 = len(src.text) if q1 < 0 else q1
    base = dict(domain="trade", indicator="trade_value", subject="CHN", partner="CENTRAL_ASIA",
                subject_name="", period="2025", period_kind="year", unit="USD", qualifier="exact")
    base.update(kw)
    return Figure(article_id=src.id, mention=mention, start=start, end=end, quote=src.text[q0:q1],
                  quote_start=q0, quote_end=q1, figure_id=figure_id(src.sha256, start, end), **base)


def make_figures(sources: list[Source]) -> list[Figure]:
    a, b, h, _ = sources
    rail = dict(domain="rail", subject="CHN", partner="", subject_name="霍尔果斯口岸", unit="trains",
                indicator="trains")
    return [
        fig(a, "1187亿美元", value=118700000000, change_pct=12.0),
        fig(a, "880亿美元", value=88000000000, period="2024"),
        fig(a, "7415列", value=7415, **rail),
        fig(a, "1327公里", value=1327, domain="rail", indicator="line_length", subject="VNM", partner="",
            subject_name="南北高铁", period="", period_kind="", unit="km"),
        fig(a, "约420亿美元", value=42000000000, period="2025-05", period_kind="ytd", qualifier="approx"),
        fig(a, "12%", value=12, indicator="trade_growth", unit="percent", status="review",
            review_reason="growth rate read as a value"),
        # beta: parties in the other order (trade_value is symmetric)
        fig(b, "1184亿美元", value=118400000000, subject="CENTRAL_ASIA", partner="CHN"),
        fig(b, "880.0亿美元", value=88000000000, period="2024", subject="CENTRAL_ASIA", partner="CHN"),
        fig(b, "7415列", value=7415, reviewed="confirmed", **rail),
        # hostile: directed indicator, year vs ytd, USD vs CNY, a target, an overlapping span
        fig(h, "46亿美元", value=4600000000, indicator="exports", subject="USA", partner="KAZ"),
        fig(h, "12亿美元", value=1200000000, indicator="exports", subject="USA", partner="KAZ",
            period="2025-05", period_kind="ytd"),
        fig(h, "约86亿元", value=8600000000, indicator="exports", subject="USA", partner="KAZ",
            period="2025-05", period_kind="ytd", unit="CNY", qualifier="approx", kind="conversion"),
        fig(h, "86亿元", value=8600000000, indicator="exports", subject="USA", partner="KAZ",
            period="2025-05", period_kind="ytd", unit="CNY", status="review", review_reason="overlaps"),
        fig(h, "100亿美元", value=10000000000, indicator="exports", subject="USA", partner="KAZ",
            period="2030", kind="target"),
    ]


def make_context(folder: Path) -> Context:
    sources = make_sources(folder)
    return Context(sources=sources, figures=make_figures(sources), build_stamp="4 articles, test build")
