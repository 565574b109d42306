"""Render the static site from the build context: pages, chart data, CSVs, assets.

    messages = render(ctx, site_dir)   # site_dir: an empty staging folder

Pages (links are relative, so the site works from file:// and any static server):
index.html, series/<slug>.html, articles/<id>.html, figures.html, about.html,
data/*.csv and assets/ (plotly.min.js from the plotly package, site CSS and JS).
Output depends only on ctx: sorted orders, no clock, no random ids. Returns the
'sources disagree' lines for the build to print.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import plotly

from . import lexicon, load, site_charts, site_format as fmt, site_marks
from .model import ARTICLE_COLUMNS, DOMAINS, FIGURE_COLUMNS, SYMMETRIC, Figure, Source
from .series import Series, build_series, conflicts

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
# Scripts: only the site's own files (script-src 'self'; chart data is JSON, not code).
# Styles also allow 'unsafe-inline' because plotly.js injects <style> rules at run time
# (modebar, hover labels); with style-src 'self' alone chromium blocks them and logs CSP
# errors. 'self' is enough for file:// too: chromium loads the site's scripts there.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")
HEADLINES_PER_DOMAIN = 3


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals.update(csp=CSP, fmt=fmt)
    return env


# -- view models: plain dicts the templates read ---------------------------------------

def citation(f: Figure, sources: dict[str, Source]) -> dict:
    s = sources.get(f.article_id)
    return {"article_id": f.article_id, "figure_id": f.figure_id, "mention": f.mention,
            "excerpt": site_charts.excerpt(f, 60), "value": fmt.figure_value(f),
            "title": s.title if s else f.article_id, "title_derived": bool(s and s.title_derived),
            "publisher": s.publisher if s else "", "date": s.date if s else "", "reviewed": f.reviewed}


def series_name(s: Series) -> str:
    k = s.key
    return " ".join(x for x in (fmt.parties(k.subject, k.partner, k.indicator in SYMMETRIC),
                                k.subject_name) if x)


def series_title(s: Series) -> str:
    return f"{series_name(s)} {fmt.indicator(s.key.indicator)}"


def figure_row(f: Figure, sources: dict[str, Source], slugs: dict[str, str]) -> dict:
    return {"id": f.figure_id, "value": fmt.figure_value(f), "sort_value": f.value,
            "indicator": f.indicator, "indicator_name": fmt.indicator(f.indicator),
            "domain": f.domain, "parties": fmt.parties(f.subject, f.partner, f.indicator in SYMMETRIC),
            "subject": f.subject, "partner": f.partner,
            "subject_name": f.subject_name, "unit": f.unit, "period": f.period,
            "period_label": fmt.period_label(f.period, f.period_kind), "period_kind": f.period_kind,
            "qualifier": f.qualifier, "change": fmt.change(f), "kind": f.kind, "status": f.status,
            "review_reason": f.review_reason, "reviewed": f.reviewed,
            "series": slugs.get(f.figure_id, ""), "cite": citation(f, sources)}


def point_view(s: Series, p, sources: dict[str, Source]) -> dict:
    return {"period": fmt.period_label(p.period, s.key.period_kind), "conflict": p.conflict,
            "differs": p.differs, "value": "" if p.differs else fmt.figure_value(p.shown),
            "groups": [{"value": fmt.figure_value(g[0]), "cites": [citation(f, sources) for f in g]}
                       for g in p.value_groups]}


def series_view(s: Series, sources: dict[str, Source], slugs: dict[str, str], root: str) -> dict:
    return {"slug": s.slug, "title": series_title(s), "name": series_name(s), "key": s.key,
            "domain": s.domain, "dated": s.dated, "kind_label": fmt.period_kind(s.key.period_kind),
            "chart": site_charts.chart([s], [series_name(s)], sources, root) if s.dated else None,
            "points": [point_view(s, p, sources) for p in s.points],
            "n_conflicts": sum(p.conflict for p in s.points),
            "rows": [figure_row(f, sources, slugs) for f in s.figures]}


def chart_groups(series: list[Series], sources: dict[str, Source]) -> list[dict]:
    """Home-page charts: dated series sharing domain, indicator, unit and period kind, a line each."""
    groups: dict[tuple, list[Series]] = {}
    for s in series:
        if s.dated:
            groups.setdefault((domain_order(s.domain), s.key.indicator, s.key.unit, s.key.period_kind),
                              []).append(s)
    out = []
    for i, ((_, indicator, unit, kind), members) in enumerate(sorted(groups.items()), 1):
        names = [series_name(s) for s in members]
        out.append({"id": f"chart-{i}", "domain": members[0].domain,
                    "title": f"{fmt.indicator(indicator)} ({indicator}) · {fmt.unit_word(unit).strip() or unit}"
                             f" · {fmt.period_kind(kind)}",
                    "spec": site_charts.chart(members, names, sources, ""),
                    "links": [{"slug": s.slug, "name": n} for s, n in zip(members, names)]})
    return out


def undated_cards(series: list[Series], sources: dict[str, Source]) -> list[dict]:
    """Home-page cards for series without a period (a line's length, a running total); where
    running totals quoted at different dates differ, the latest article's value."""
    def latest(p) -> Figure:
        return max(p.figures, key=lambda f: (sources[f.article_id].date if f.article_id in sources else "",
                                             f.article_id, f.start))
    return [{"slug": s.slug, "title": series_title(s), "domain": s.domain, "n": len(s.figures),
             "conflict": s.points[0].conflict, "latest": s.points[0].differs and not s.points[0].conflict,
             "value": "sources disagree" if s.points[0].conflict else
             fmt.figure_value(latest(s.points[0]) if s.points[0].differs else s.points[0].shown)}
            for s in series if not s.dated]


def headlines(series: list[Series]) -> list[dict]:
    """Per domain, the dated series with the latest periods (most quoted first on ties)."""
    out = []
    for domain in sorted({s.domain for s in series}, key=domain_order):
        mine = sorted((s for s in series if s.domain == domain and s.dated),
                      key=lambda s: (_neg(s.points[-1].period), -len(s.figures), s.slug))
        for s in mine[:HEADLINES_PER_DOMAIN]:
            p = s.points[-1]
            out.append({"slug": s.slug, "title": series_title(s), "domain": domain,
                        "period": fmt.period_label(p.period, s.key.period_kind), "conflict": p.conflict,
                        "value": "sources disagree" if p.conflict else fmt.figure_value(p.shown),
                        "n": len(p.figures)})
    return out


def _neg(period: str) -> tuple:
    """Sort key putting later periods first."""
    return tuple(-ord(c) for c in period)


def domain_order(d: str) -> tuple:
    return (DOMAINS.index(d) if d in DOMAINS else len(DOMAINS), d)


def article_view(src: Source, figures: list[Figure], slugs: dict[str, str], sources) -> dict:
    mine = sorted((f for f in figures if f.article_id == src.id), key=lambda f: (f.start, f.figure_id))
    marked, skipped = site_marks.choose(mine, src.text)
    return {"src": src, "runs": site_marks.runs(src.text, marked), "slugs": slugs,
            "rows": [figure_row(f, sources, slugs) for f in mine],
            "skipped": [figure_row(f, sources, slugs) for f in skipped],
            "in_scope": any(f.domain in DOMAINS for f in mine),
            "url_ok": src.url.lower().startswith(("http://", "https://"))}


# -- output ---------------------------------------------------------------------------

def write_page(env: jinja2.Environment, template: str, out: Path, root: str, **kw) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(env.get_template(template).render(root=root, **kw), encoding="utf-8")


def copy_assets(site_dir: Path) -> None:
    assets = site_dir / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PLOTLY_JS, assets / "plotly.min.js")
    for f in sorted((TEMPLATES / "static").iterdir()):
        if f.is_file():
            shutil.copyfile(f, assets / f.name)


def write_data(site_dir: Path, sources: list[Source], figures: list[Figure]) -> None:
    data = site_dir / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "figures.csv").write_text(load.csv_text(load.figure_rows(figures), FIGURE_COLUMNS), encoding="utf-8")
    (data / "articles.csv").write_text(
        load.csv_text(load.article_rows(sources, figures), ARTICLE_COLUMNS), encoding="utf-8")


def render(ctx, site_dir: Path) -> list[str]:
    site_dir = Path(site_dir)
    env = environment()
    sources = {s.id: s for s in ctx.sources}
    figures = sorted(ctx.figures, key=lambda f: (f.article_id, f.start, f.end, f.figure_id))
    timeless = frozenset(code for code, ind in lexicon.default().indicators.items() if ind.timeless)
    series = build_series(figures, timeless)
    slugs = {f.figure_id: s.slug for s in series for f in s.figures}
    common = {"build_stamp": ctx.build_stamp}
    articles = sorted(ctx.sources, key=lambda s: (s.date, s.id), reverse=True)
    counts = {s.id: sum(f.article_id == s.id for f in figures) for s in ctx.sources}

    copy_assets(site_dir)
    write_data(site_dir, ctx.sources, figures)
    write_page(env, "index.html", site_dir / "index.html", "", page="home", **common,
               headlines=headlines(series), groups=chart_groups(series, sources), cards=undated_cards(series, sources),
               domains=sorted({s.domain for s in series}, key=domain_order), articles=articles,
               counts=counts, n_series=len(series), n_figures=len(figures),
               conflicts=[{"slug": s.slug, "title": series_title(s)} for s in series
                          if any(p.conflict for p in s.points)])
    for s in series:
        write_page(env, "series.html", site_dir / "series" / f"{s.slug}.html", "../", page="series",
                   **common, s=series_view(s, sources, slugs, "../"))
    for src in ctx.sources:
        write_page(env, "article.html", site_dir / "articles" / f"{src.id}.html", "../", page="article",
                   **common, a=article_view(src, figures, slugs, sources))
    write_page(env, "figures.html", site_dir / "figures.html", "", page="figures", **common,
               rows=[figure_row(f, sources, slugs) for f in figures])
    write_page(env, "about.html", site_dir / "about.html", "", page="about", **common,
               review=[figure_row(f, sources, slugs) for f in figures if f.status == "review"],
               reviewed=[figure_row(f, sources, slugs) for f in figures if f.reviewed in ("confirmed", "corrected")],
               n_machine=sum(f.reviewed == "" for f in figures), n_figures=len(figures),
               labels=fmt.labels())
    return conflicts(series)
