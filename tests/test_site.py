"""The rendered site, checked as HTML: marks, escaping, CSP, links, determinism, series."""
from __future__ import annotations

import html as html_lib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from etl import load, site, site_format as fmt
from etl.model import ARTICLE_COLUMNS, FIGURE_COLUMNS
from etl.series import build_series
from site_context import make_context


class Page(HTMLParser):
    """Collects what the tests look at: marks' text by id, attributes, scripts, one element's text."""

    def __init__(self, text_of: str = "article"):
        super().__init__(convert_charrefs=True)
        self.marks: dict[str, str] = {}
        self.attrs: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text_of, self.inside_text, self.text = text_of, 0, ""
        self._mark, self._script = None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attrs.append((tag, a))
        if tag == "mark" and "id" in a:
            self._mark = a["id"]
            self.marks[self._mark] = ""
        if tag == "script":
            self._script = (a, "")
        if tag == self.text_of:
            self.inside_text += 1

    def handle_endtag(self, tag):
        if tag == "mark":
            self._mark = None
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None
        if tag == self.text_of:
            self.inside_text -= 1

    def handle_data(self, data):
        if self._mark:
            self.marks[self._mark] += data
        if self._script is not None:
            self._script = (self._script[0], self._script[1] + data)
        if self.inside_text:
            self.text += data


def parse(path: Path, text_of: str = "article") -> Page:
    p = Page(text_of)
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    ctx = make_context(folder)
    messages = site.render(ctx, folder / "site")
    return ctx, folder / "site", messages


def pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def test_every_mark_is_exactly_its_mention(built):
    ctx, site_dir, _ = built
    by_id = {f.figure_id: f for f in ctx.figures}
    seen = set()
    for src in ctx.sources:
        page = parse(site_dir / "articles" / f"{src.id}.html")
        for mark_id, text in page.marks.items():
            f = by_id[mark_id.removeprefix("f-")]
            assert text == f.mention == src.text[f.start:f.end]
            seen.add(f.figure_id)
    # every figure is marked except the one whose span overlaps another
    assert len(seen) == len(ctx.figures) - 1


def test_article_page_shows_the_full_text_exactly(built):
    ctx, site_dir, _ = built
    for src in ctx.sources:
        assert parse(site_dir / "articles" / f"{src.id}.html").text == src.text


def test_hostile_text_is_shown_as_text(built):
    _, site_dir, _ = built
    html = (site_dir / "articles" / "hostile.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "</mark> {{" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;/mark&gt; {{ 7*7 }} &#34;quoted&#34; &amp; &#39;single&#39;" in html
    assert "{% raw %}" in parse(site_dir / "articles" / "hostile.html").text
    assert "&lt;b&gt;bold&lt;/b&gt;" in html  # publisher escaped too
    assert 'href="javascript:' not in html    # a non-http url is never linked


def test_every_page_has_csp_nav_and_only_site_scripts(built):
    _, site_dir, _ = built
    for path in pages(site_dir):
        page = parse(path)
        metas = [a for t, a in page.attrs if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert [m["content"] for m in metas] == [site.CSP], path
        assert "script-src 'self';" in site.CSP and "unsafe-eval" not in site.CSP
        hrefs = [a.get("href", "") for t, a in page.attrs if t == "a"]
        assert any(h.endswith("index.html") for h in hrefs) and any(h.endswith("figures.html") for h in hrefs)
        assert any(h.endswith("about.html") for h in hrefs), path
        assert not any("style" in a for _, a in page.attrs), f"inline style attribute in {path}"
        assert not any(a.startswith("on") for _, attrs in page.attrs for a in attrs), path
        for attrs, body in page.scripts:
            if "src" in attrs:
                assert not body.strip()
            else:
                assert attrs.get("type") == "application/json", f"inline script code in {path}"
                assert "<" not in body
                json.loads(body)


def test_no_external_urls_except_the_articles_own(built):
    ctx, site_dir, _ = built
    own = {s.url for s in ctx.sources if s.url.startswith("https://")}
    found = []
    for path in pages(site_dir):
        for tag, attrs in parse(path).attrs:
            for key in ("src", "href"):
                value = attrs.get(key) or ""
                if re.match(r"^\s*(https?:)?//", value, re.I) or ":" in value.split("/")[0]:
                    found.append((path.name, value))
                    assert value in own and attrs.get("rel") == "noopener noreferrer"
    assert found == [("alpha.html", "https://example.com/alpha")]
    for path in site_dir.rglob("*"):
        if path.suffix in (".css", ".js") and path.name != "plotly.min.js":
            assert not re.search(r"https?://", path.read_text(encoding="utf-8")), path


def test_two_renders_are_byte_identical(tmp_path):
    trees = []
    for n in (1, 2):
        folder = tmp_path / str(n)
        folder.mkdir()
        site.render(make_context(folder), folder / "site")
        trees.append({p.relative_to(folder / "site"): p.read_bytes()
                      for p in sorted((folder / "site").rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]


def test_disagreeing_sources_are_flagged_and_agreeing_ones_merged(built):
    ctx, site_dir, messages = built
    [s] = [s for s in build_series(ctx.figures) if s.key.indicator == "trade_value" and s.key.period_kind == "year"]
    assert [p.period for p in s.points] == ["2024", "2025"]
    agreed, disputed = s.points
    assert not agreed.conflict and {f.mention for f in agreed.figures} == {"880亿美元", "880.0亿美元"}
    assert disputed.conflict and {f.mention for f in disputed.figures} == {"1187亿美元", "1184亿美元"}
    assert len(messages) == 1 and s.slug in messages[0] and "1184亿美元" in messages[0]
    html = (site_dir / "series" / f"{s.slug}.html").read_text(encoding="utf-8")
    assert html.count('<span class="flag">sources disagree</span>') == 1
    for f in agreed.figures + disputed.figures:
        assert f"articles/{f.article_id}.html#f-{f.figure_id}" in html
    chart = json.loads(parse(site_dir / "series" / f"{s.slug}.html").scripts[0][1])
    drawn = [y for t in chart["data"] for y in t["y"] if y is not None]
    assert sorted(drawn) == [880, 1184, 1187]  # one point for 2024; each disputed value, none averaged


def test_series_pages_never_mix_units_or_period_kinds(built):
    ctx, site_dir, _ = built
    series = build_series(ctx.figures)
    assert {s.key.period_kind for s in series if s.key.indicator == "exports"} == {"year", "ytd"}
    for s in series:
        assert len({(f.unit, f.period_kind) for f in s.figures}) == 1
        table = (site_dir / "series" / f"{s.slug}.html").read_text(encoding="utf-8")
        for f in ctx.figures:
            if f.figure_id not in {g.figure_id for g in s.figures}:
                assert f'id="row-{f.figure_id}"' not in table
    # targets, conversions and review figures are in no series
    charted = {f.figure_id for s in series for f in s.figures}
    assert all(f.status == "published" and f.kind == "actual" for f in ctx.figures if f.figure_id in charted)


def test_chart_x_axis_is_categories_of_period_labels(built):
    ctx, site_dir, _ = built
    for s in build_series(ctx.figures):
        if not s.dated:
            assert "chart-" not in (site_dir / "series" / f"{s.slug}.html").read_text(encoding="utf-8")
            continue
        chart = json.loads(parse(site_dir / "series" / f"{s.slug}.html").scripts[0][1])
        assert chart["layout"]["xaxis"]["type"] == "category"
        assert all(isinstance(x, str) and "年" in x for t in chart["data"] for x in t["x"])
        assert all(h.startswith("../articles/") for t in chart["data"] for h in t["customdata"] if h)


def test_undated_series_shows_a_card_and_the_defence_article_says_it_has_no_figures(built):
    _, site_dir, _ = built
    [undated] = list((site_dir / "series").glob("line-length-*.html"))
    html = undated.read_text(encoding="utf-8")
    assert "card-point" in html and "1327公里" in html
    assert "quotes no trade, FDI or rail figure" in (site_dir / "articles" / "defence.html").read_text(encoding="utf-8")
    assert "quotes no trade" not in (site_dir / "articles" / "alpha.html").read_text(encoding="utf-8")


def test_review_figures_are_marked_differently_with_their_reason(built):
    _, site_dir, _ = built
    html = (site_dir / "articles" / "alpha.html").read_text(encoding="utf-8")
    assert re.search(r'<mark id="f-f\w+" class="fig review" title="in review: growth rate read as a value">12%</mark>', html)
    assert re.search(r'<a class="fig-link" href="../series/[a-z0-9-]+\.html"[^>]*><mark id="f-\w+" class="fig published">1187亿美元</mark></a>', html)


def test_data_csvs_are_copied_into_the_site(built):
    ctx, site_dir, _ = built
    figures = sorted(ctx.figures, key=lambda f: (f.article_id, f.start, f.end, f.figure_id))
    assert (site_dir / "data" / "figures.csv").read_text(encoding="utf-8") == \
        load.csv_text(load.figure_rows(figures), FIGURE_COLUMNS)
    assert (site_dir / "data" / "articles.csv").read_text(encoding="utf-8") == \
        load.csv_text(load.article_rows(ctx.sources, figures), ARTICLE_COLUMNS)
    assert (site_dir / "assets" / "plotly.min.js").read_bytes() == site.PLOTLY_JS.read_bytes()


def test_about_page_counts_machine_reviewed_and_waiting(built):
    _, site_dir, _ = built
    html = (site_dir / "about.html").read_text(encoding="utf-8")
    assert "14 figures in all; 13 machine-extracted" in html
    assert "1 reviewed by a person" in html and "2 waiting in review" in html


def test_every_chart_point_hover_shows_title_and_quote(built):
    ctx, site_dir, _ = built
    by_id = {f.figure_id: f for f in ctx.figures}
    titles = {s.id: s.title for s in ctx.sources}
    n = 0
    for path in [site_dir / "index.html", *sorted((site_dir / "series").glob("*.html"))]:
        for attrs, body in parse(path).scripts:
            if attrs.get("type") != "application/json":
                continue
            for trace in json.loads(body)["data"]:
                for href, text in zip(trace["customdata"], trace["hovertext"]):
                    if not href:
                        continue
                    f = by_id[href.rpartition("#f-")[2]]
                    flat = html_lib.unescape(re.sub(r"<br>|\s", "", text))
                    assert re.sub(r"\s", "", titles[f.article_id]) in flat
                    assert f.mention in flat and fmt.figure_value(f) in flat
                    n += 1
    assert n >= 8


def test_reviewed_figures_carry_a_badge_wherever_they_are_cited(built):
    ctx, site_dir, _ = built
    reviewed = {f.figure_id for f in ctx.figures if f.reviewed}
    assert reviewed, "the fixed context should hold a reviewed figure"
    seen = 0
    for path in pages(site_dir):
        html = path.read_text(encoding="utf-8")
        for fid, tail in re.findall(r'data-figure="(f\w+)">(.*?)</cite>', html, flags=re.S):
            assert ('class="badge reviewed"' in tail) == (fid in reviewed), (path.name, fid)
            seen += fid in reviewed
    assert seen >= 2          # at least its series page and the about page


def test_undated_running_totals_card_shows_the_latest_quote(tmp_path):
    import hashlib
    from etl.model import Figure, Source
    from etl.pipeline import Context
    texts = {"old": "中老铁路累计发送旅客2400万人次。", "new": "中老铁路累计发送旅客超过3000万人次。"}
    dates = {"old": "2023-06-01", "new": "2024-03-01"}
    sources, figures = [], []
    for sid, text in texts.items():
        sha = hashlib.sha256(text.encode()).hexdigest()
        sources.append(Source(id=sid, path=f"{sid}.txt", abspath="", sha256=sha, text=text, title=sid, date=dates[sid]))
        m = "2400万人次" if sid == "old" else "超过3000万人次"
        s0 = text.index(m)
        figures.append(Figure(article_id=sid, domain="rail", indicator="passengers", subject="LAO", partner="CHN",
                              subject_name="中老铁路", period="", period_kind="", value=2.4e7 if sid == "old" else 3e7,
                              unit="passengers", qualifier="exact" if sid == "old" else "at_least", mention=m,
                              start=s0, end=s0 + len(m), quote=text, quote_start=0, quote_end=len(text),
                              figure_id=f"f{sid:0>12}"[:13]))
    ctx = Context(sources=sources, figures=figures, build_stamp="test")
    site.render(ctx, tmp_path / "site")
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "≥3000万人次" in home and "latest of 2 quotes" in home and "sources disagree" not in home
