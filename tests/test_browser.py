"""The built site in a real browser (Debian chromium through Playwright).

Two sites are built once per session: the real one (the pipeline on the
project's sources.yaml) and the small fixed one from tests/site_context.py,
which always has a disagreement, an undated series and a hostile text. The
tests assert properties, not specific figures: charts draw, nothing leaves
the site, every chart point's citation lands on a <mark> whose text is that
figure's mention, the figures table filters and sorts, Chinese text renders
with a CJK font. Screenshots of every page type go to $SHOTS_DIR (/tmp/shots).
"""
from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from etl import pipeline, site
from etl.sources import load_sources
from site_context import make_context

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots"))
SITES = ["real", "fixture"]
DRAWN = "() => [...document.querySelectorAll('.chart')].every(d => d.querySelector('.main-svg'))"


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, Path]:
    real = tmp_path_factory.mktemp("real")
    ctx = pipeline.gather(ROOT / "sources.yaml")
    pipeline.publish(ctx, real / "data", real / "site")
    fixture = tmp_path_factory.mktemp("fixture")
    site.render(make_context(fixture), fixture / "site")
    return {"real": real / "site", "fixture": fixture / "site"}


@pytest.fixture(scope="session")
def mentions(sites) -> dict[str, dict[str, str]]:
    """site -> figure_id -> mention, read from the CSV the site ships."""
    out = {}
    for name, root in sites.items():
        with open(root / "data" / "figures.csv", encoding="utf-8", newline="") as fh:
            out[name] = {r["figure_id"]: r["mention"] for r in csv.DictReader(fh)}
    return out


class Watched:
    """One page whose console errors and off-site requests are recorded."""

    def __init__(self, browser, width=1280):
        self.errors, self.external = [], []
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = urlparse(route.request.url)
        if url.scheme == "file" or (url.scheme == "http" and url.hostname == "127.0.0.1"):
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def goto(self, url: str):
        self.page.goto(url)
        if self.page.query_selector(".chart"):
            self.page.wait_for_function(DRAWN, timeout=15000)
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.close()


def series_pages(root: Path, charted: bool | None = None) -> list[Path]:
    pages = sorted((root / "series").glob("*.html"))
    if charted is None:
        return pages
    return [p for p in pages if ('class="chart"' in p.read_text(encoding="utf-8")) == charted]


def test_real_build_has_series_and_articles(sites):
    root = sites["real"]
    registered = load_sources(ROOT / "sources.yaml", read_text=False)
    assert sorted(p.stem for p in (root / "articles").glob("*.html")) == sorted(s.id for s in registered)
    assert series_pages(root, charted=True), "the real build drew no dated series"


@pytest.mark.parametrize("name", SITES)
def test_every_page_loads_from_file_and_charts_draw(sites, watched, name):
    root = sites[name]
    pages = [root / "index.html", root / "figures.html", root / "about.html", *series_pages(root),
             *sorted((root / "articles").glob("*.html"))]
    drawn = 0
    for path in pages:
        page = watched.goto(path.as_uri())
        drawn += page.eval_on_selector_all(".chart .main-svg", "els => els.length") > 0
        assert page.title(), path
    assert drawn >= 1 + len(series_pages(root, charted=True))  # home and every dated series page
    assert watched.errors == [] and watched.external == []


@pytest.mark.parametrize("name", SITES)
def test_home_and_a_series_page_over_http(sites, serve, watched, name):
    base = serve(sites[name])
    page = watched.goto(base + "index.html")
    assert page.eval_on_selector_all(".main-svg", "els => els.length") >= 1
    first = series_pages(sites[name], charted=True)[0]
    page = watched.goto(base + f"series/{first.name}")
    assert page.query_selector(".chart .main-svg")
    assert watched.errors == [] and watched.external == []


def chart_links(page) -> list[str]:
    """Every citation link a chart point carries (customdata), made absolute."""
    return page.evaluate("""() => [...document.querySelectorAll('.chart')].flatMap(d =>
        d.data.flatMap(t => (t.customdata || []).filter(Boolean).map(h => new URL(h, location.href).href)))""")


@pytest.mark.parametrize("name", SITES)
def test_every_chart_point_and_citation_leads_to_its_marked_mention(sites, watched, mentions, name):
    root = sites[name]
    links = set()
    for path in [root / "index.html", *series_pages(root, charted=True)]:
        page = watched.goto(path.as_uri())
        points = chart_links(page)
        assert points, f"chart without points on {path.name}"
        links.update(points)
        links.update(page.eval_on_selector_all("a.cite-link", "as => as.map(a => a.href)"))
    by_article: dict[str, set[str]] = {}
    for link in links:
        article, _, fragment = link.partition("#")
        assert re.fullmatch(r"f-f[0-9a-f]{12}", fragment), link
        by_article.setdefault(article, set()).add(fragment)
    for article, ids in sorted(by_article.items()):
        page = watched.goto(article)
        marks = page.evaluate("() => Object.fromEntries([...document.querySelectorAll('mark[id]')]"
                              ".map(m => [m.id, m.textContent]))")
        for fragment in ids:
            assert marks.get(fragment) == mentions[name][fragment.removeprefix("f-")], (article, fragment)
    assert watched.errors == [] and watched.external == []


@pytest.mark.parametrize("name", SITES)
def test_clicking_a_chart_point_opens_the_quote(sites, watched, mentions, name):
    path = series_pages(sites[name], charted=True)[0]
    page = watched.goto(path.as_uri())
    point = page.query_selector(".chart .scatterlayer .trace .points path.point")
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/articles/[^/]+\.html#f-f[0-9a-f]{12}$"), timeout=10000)
    fragment = page.url.rpartition("#")[2]
    assert page.eval_on_selector(f"mark#{fragment}", "m => m.textContent") == \
        mentions[name][fragment.removeprefix("f-")]
    assert page.evaluate("() => document.querySelector(':target').tagName") == "MARK"


@pytest.mark.parametrize("name", SITES)
def test_figures_page_filters_and_sorts(sites, watched, name):
    page = watched.goto((sites[name] / "figures.html").as_uri())
    rows = "#all-figures tbody tr"
    total = page.eval_on_selector_all(rows, "rs => rs.length")
    assert total > 0
    term = page.eval_on_selector(f"{rows} td:nth-child(2) code", "c => c.textContent")
    page.fill("#filter", term)
    visible = page.eval_on_selector_all(rows, "rs => rs.filter(r => !r.hidden).map(r => r.textContent)")
    assert visible and all(term.lower() in t.lower() for t in visible)
    assert page.text_content("#filter-count") == f"{len(visible)} of {total}"
    page.fill("#filter", "no-such-figure-zzz")
    assert page.eval_on_selector_all(rows, "rs => rs.filter(r => !r.hidden).length") == 0
    page.fill("#filter", "")
    values = "rs => rs.map(r => parseFloat(r.cells[0].dataset.sort))"
    page.click("#all-figures th:nth-child(1) button")
    ascending = page.eval_on_selector_all(rows, values)
    assert ascending == sorted(ascending)
    page.click("#all-figures th:nth-child(1) button")
    assert page.eval_on_selector_all(rows, values) == sorted(ascending, reverse=True)
    page.click("#all-figures th:nth-child(4) button")
    periods = page.eval_on_selector_all(rows, "rs => rs.map(r => r.cells[3].dataset.sort)")
    assert periods == sorted(periods) and len(periods) == total


def platform_fonts(page, selector: str) -> list[str]:
    """The fonts chromium actually used to draw the element's text (DevTools CSS domain)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    doc = cdp.send("DOM.getDocument", {"depth": -1})
    node = cdp.send("DOM.querySelector", {"nodeId": doc["root"]["nodeId"], "selector": selector})
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    cdp.detach()
    return [f["familyName"] for f in fonts if f["glyphCount"] > 0]


def test_chinese_renders_with_a_cjk_font(sites, watched):
    root = sites["real"]
    page = watched.goto((root / "articles" / "us-vn-defence-2017.html").as_uri())
    assert any("CJK" in f or f in ("PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Source Han Sans SC")
               for f in platform_fonts(page, "h1")), platform_fonts(page, "h1")
    page = watched.goto(series_pages(root, charted=True)[0].as_uri())
    assert any("CJK" in f for f in platform_fonts(page, ".chart .xtick text")), "chart ticks not in a CJK font"


def shot(watched, url: str, path: Path) -> None:
    page = watched.goto(url)
    page.wait_for_timeout(200)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path.name}: page is {overflow}px wider than the viewport"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", SITES)
def test_screenshots_of_every_page_type_fit_the_viewport(sites, browser, name, width):
    """Writes the PNGs people look at; fails when a page is wider than the viewport."""
    w = Watched(browser, width)
    try:
        root = sites[name]
        dated = max(series_pages(root, charted=True), key=lambda p: p.read_text(encoding="utf-8").count("<div class=\"point"))
        undated = series_pages(root, charted=False)
        articles = sorted((root / "articles").glob("*.html"), key=lambda p: -p.read_text(encoding="utf-8").count("<mark id="))
        quiet = root / "articles" / ("us-vn-defence-2017.html" if name == "real" else "defence.html")
        pages = {"home": root / "index.html", "series-time": dated, "article-marks": articles[0],
                 "article-none": quiet, "figures": root / "figures.html", "about": root / "about.html"}
        if undated:
            pages["series-cards"] = undated[0]
        for kind, path in pages.items():
            shot(w, path.as_uri(), SHOTS / f"{name}-{kind}-{width}.png")
        assert "quotes no trade, FDI or rail figure" in quiet.read_text(encoding="utf-8")
        assert w.errors == [] and w.external == []
    finally:
        w.close()


def test_two_disagreeing_articles_are_flagged_on_the_series_page(tmp_path, watched):
    """Two articles through the real build (extractor included) quote the same year's trade
    value differently: the page flags the point, shows both quotes, and the chart says so."""
    import build
    from helpers_project import build_args, make_project
    make_project(tmp_path, {"one.txt": "2024年中越双边贸易额达2481.3亿美元,同比增长11.8%。",
                            "two.txt": "据越方统计,2024年越中双边贸易额为2050亿美元。"})
    assert build.main(build_args(tmp_path)) == 0
    flagged = [p for p in series_pages(tmp_path / "site") if "sources disagree" in p.read_text(encoding="utf-8")]
    assert len(flagged) == 1
    page = watched.goto(flagged[0].as_uri())
    assert page.locator(".point.conflict .flag").inner_text() == "sources disagree"
    quotes = page.locator(".point.conflict q").all_inner_texts()
    assert any("2481.3亿美元" in q for q in quotes) and any("2050亿美元" in q for q in quotes)
    drawn = page.eval_on_selector_all(".chart .annotation-text", "els => els.map(e => e.textContent)")
    assert drawn == ["sources disagree"]                                  # beside the point in the chart
    assert page.locator(".warn").is_visible()
    assert watched.errors == [] and watched.external == []
