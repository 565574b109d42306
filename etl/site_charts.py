"""Plotly chart specs as plain dicts (no graph_objects, no template: see perf-floors.md).

A page embeds each spec as JSON in <script type="application/json"> and
templates/static/site.js calls Plotly.newPlot on it. Every drawn point carries
in `customdata` the relative link to its citation (articles/X.html#f-ID), so a
click on the point opens the quote, and in `hovertext` the article title and
the quote. Periods are category labels (2025年, 2025年1–5月), never numbers.
"""
from __future__ import annotations

import html
import textwrap

from . import site_format as fmt
from .model import Figure, Source
from .series import Point, Series

FONT = ('system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
        '"Noto Sans CJK SC", "Source Han Sans SC", sans-serif')
LINE_COLOUR, CONFLICT_COLOUR = "#1f5fa8", "#c0392b"
PALETTE = ("#1f5fa8", "#2e8b57", "#b8860b", "#7b3fa0", "#d2691e", "#008b8b", "#708090", "#a0522d")
CONFIG = {"displaylogo": False, "responsive": True,
          "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}


def citation_href(f: Figure, root: str) -> str:
    return f"{root}articles/{f.article_id}.html#f-{f.figure_id}"


def excerpt(f: Figure, width: int = 36) -> str:
    """The quote, cut to about `width` characters either side of the mention."""
    before = f.quote[:max(0, f.start - f.quote_start)]
    after = f.quote[max(0, f.end - f.quote_start):]
    before = ("…" + before[-width:]) if len(before) > width else before
    after = (after[:width] + "…") if len(after) > width else after
    return before + f.mention + after


def _lines(text: str, width: int = 30) -> str:
    """Plotly hover text is pseudo-HTML: escape & < > and break long lines with <br>."""
    return "<br>".join(html.escape(chunk, quote=False) for chunk in textwrap.wrap(text, width) or [""])


def hover(figures: list[Figure], sources: dict[str, Source], period: str) -> str:
    """Value, period, then for each quote: the article's title and the quote."""
    head = f"<b>{_lines(fmt.figure_value(figures[0]))}</b>  {_lines(period)}"
    parts = [head]
    for f in figures:
        title = sources[f.article_id].title if f.article_id in sources else f.article_id
        badge = f" [reviewed: {f.reviewed}]" if f.reviewed else ""
        parts.append(f"{_lines(title)}{badge}<br>「{_lines(excerpt(f, 90))}」")
    return "<br>".join(parts)


def axis_scale(series: list[Series]) -> tuple[float, str]:
    """One divisor for a chart, from its largest value: (1e8, '亿美元')."""
    unit = series[0].key.unit
    biggest = max((abs(f.value) for s in series for f in s.figures), default=0.0)
    divisor, word = fmt.scale_for(unit, biggest)
    return divisor, word + fmt.unit_word(unit).strip()


def _plotted(p: Point) -> list[list[Figure]]:
    """The figure groups drawn for a point: one when the quotes agree, one per value otherwise."""
    return p.value_groups if p.differs else [[p.shown] + [f for f in p.figures if f is not p.shown]]


def _trace(name: str, colour: str, xs: list, ys: list, groups: list, labels: list[str],
           sources: dict[str, Source], root: str, mode: str, symbol: str = "circle",
           positions: list[str] | str = "top center") -> dict:
    return {
        "type": "scatter", "mode": mode, "name": name, "x": xs, "y": ys,
        "text": labels, "textposition": positions, "cliponaxis": False,
        "marker": {"size": 10, "color": colour, "symbol": symbol}, "line": {"color": colour, "width": 2},
        "hovertext": [hover(g, sources, x) if g else "" for g, x in zip(groups, xs)],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "customdata": [citation_href(g[0], root) if g else "" for g in groups],
    }


def _spread(i: int, n: int) -> str:
    """Label positions that keep the labels of close values apart: lowest below, highest above."""
    if i == 0 and n > 1:
        return "bottom center"
    return "top center" if i == n - 1 else ("middle right" if i % 2 else "middle left")


def dated_traces(s: Series, name: str, colour: str, divisor: float,
                 sources: dict[str, Source], root: str) -> list[dict]:
    """A line through the points whose quotes agree (gaps where they do not), and red
    markers, one per quoted value, where sources disagree."""
    xs, ys, groups, labels = [], [], [], []
    cx, cy, cgroups, clabels, cpos = [], [], [], [], []
    for p in s.points:
        x = fmt.period_label(p.period, s.key.period_kind)
        if p.conflict:
            xs.append(x), ys.append(None), groups.append(None), labels.append("")
            for i, g in enumerate(p.value_groups):
                cx.append(x), cy.append(g[0].value / divisor), cgroups.append(g)
                clabels.append(fmt.figure_value(g[0]))
                cpos.append(_spread(i, len(p.value_groups)))
        else:
            g = _plotted(p)[0]
            xs.append(x), ys.append(g[0].value / divisor), groups.append(g)
            labels.append(fmt.figure_value(g[0]))
    traces = [_trace(name, colour, xs, ys, groups, labels, sources, root, "lines+markers+text")]
    if cx:
        traces.append(_trace(f"{name}: sources disagree", CONFLICT_COLOUR, cx, cy, cgroups, clabels,
                             sources, root, "markers+text", symbol="diamond", positions=cpos))
    return traces


def _layout(ytitle: str, categories: list[str], show_legend: bool, horizontal: bool = False) -> dict:
    cat_axis = {"type": "category", "categoryorder": "array", "categoryarray": categories,
                "automargin": True}
    val_axis = {"title": {"text": ytitle}, "exponentformat": "none", "separatethousands": True,
                "rangemode": "tozero", "automargin": True, "zeroline": True}
    return {
        "font": {"family": FONT, "size": 13}, "margin": {"l": 60, "r": 30, "t": 30, "b": 50},
        "hovermode": "closest", "hoverlabel": {"align": "left", "font": {"family": FONT}},
        "showlegend": show_legend, "legend": {"orientation": "h", "y": -0.2},
        "xaxis": val_axis if horizontal else cat_axis, "yaxis": cat_axis if horizontal else val_axis,
        "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
    }


def dated_chart(series: list[Series], names: list[str], sources: dict[str, Source], root: str) -> dict:
    """Lines over period categories for series sharing unit and period kind."""
    divisor, ytitle = axis_scale(series)
    kind = series[0].key.period_kind
    periods = sorted({p.period for s in series for p in s.points})
    data = []
    for i, (s, name) in enumerate(zip(series, names)):
        data += dated_traces(s, name, PALETTE[i % len(PALETTE)], divisor, sources, root)
    if len(series) > 1:  # several lines: values in hover only, and room for the legend below
        for t in data:
            t["mode"] = t["mode"].replace("+text", "")
    categories = [fmt.period_label(p, kind) for p in periods]
    layout = _layout(ytitle, categories, len(data) > 1)
    layout["annotations"] = [
        {"x": fmt.period_label(p.period, kind), "y": max(f.value for f in p.figures) / divisor,
         "text": "sources disagree", "showarrow": False, "yshift": 30, "font": {"color": CONFLICT_COLOUR}}
        for s in series for p in s.points if p.conflict]
    if len(data) > 1:
        layout["height"] = 330 + 22 * len(data)
        layout["legend"] = {"orientation": "h", "x": 0, "y": -0.12, "yanchor": "top"}
    return {"data": data, "layout": layout, "config": CONFIG}


def comparison_chart(series: list[Series], names: list[str], sources: dict[str, Source], root: str) -> dict:
    """Horizontal bars comparing undated figures of one unit; one bar per quoted value
    where sources disagree (labelled so)."""
    divisor, xtitle = axis_scale(series)
    ys, xs, groups, labels, colours = [], [], [], [], []
    for s, name in zip(series, names):
        for p in s.points:
            for g in _plotted(p):
                ys.append(name + (f" ({fmt.figure_value(g[0])}, sources disagree)" if p.conflict else
                                  f" ({fmt.figure_value(g[0])})" if p.differs else ""))
                xs.append(g[0].value / divisor)
                groups.append(g)
                labels.append(fmt.figure_value(g[0]))
                colours.append(CONFLICT_COLOUR if p.conflict else LINE_COLOUR)
    trace = {
        "type": "bar", "orientation": "h", "x": xs, "y": ys, "text": labels, "textposition": "auto",
        "marker": {"color": colours}, "cliponaxis": False,
        "hovertext": [hover(g, sources, "undated") for g in groups],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "customdata": [citation_href(g[0], root) for g in groups],
    }
    layout = _layout(xtitle, list(reversed(ys)), False, horizontal=True)
    return {"data": [trace], "layout": layout, "config": CONFIG}


def chart(series: list[Series], names: list[str], sources: dict[str, Source], root: str) -> dict:
    """The chart for series that share indicator, unit and period kind."""
    if series[0].dated:
        return dated_chart(series, names, sources, root)
    return comparison_chart(series, names, sources, root)
