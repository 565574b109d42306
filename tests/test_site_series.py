"""Series grouping, quote tolerance, value formatting and text marking, as pure functions."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from etl import site_format as fmt, site_marks
from etl.model import Figure
from etl.series import agree, build_series, half_step, slug, series_key


def figure(mention="1187亿美元", value=118700000000.0, qualifier="exact", **kw) -> Figure:
    base = dict(article_id="a", domain="trade", indicator="trade_value", subject="CHN", partner="KAZ",
                subject_name="", period="2025", period_kind="year", unit="USD", start=0,
                end=len(mention), quote=mention, quote_start=0, quote_end=len(mention), figure_id="f1")
    base.update(kw)
    return Figure(mention=mention, value=value, qualifier=qualifier, **base)


def test_tolerance_comes_from_the_digits_written():
    assert half_step(figure("1187亿美元", 1.187e11)) == 0.5e8
    assert abs(half_step(figure("1187.0亿美元", 1.187e11)) - 0.05e8) < 1
    assert half_step(figure("7415列", 7415)) == 0.5
    assert half_step(figure("千亿美元", 1e11)) == 0.5e11          # no digits: last non-zero digit
    assert half_step(figure("近三成", 30, unit="percent")) == 5
    assert half_step(figure("逆差120亿美元", -1.2e10)) == 0.5e8


def test_quotes_agree_within_rounding_and_bounds():
    assert agree([figure("1187亿美元", 1.187e11), figure("1187.0亿美元", 1.187e11)])
    assert not agree([figure("1187亿美元", 1.187e11), figure("1184亿美元", 1.184e11)])
    assert agree([figure("超过1000亿美元", 1e11, "at_least"), figure("1187亿美元", 1.187e11)])
    assert not agree([figure("不到1000亿美元", 1e11, "at_most"), figure("1187亿美元", 1.187e11)])
    assert agree([figure("2481.3亿美元", 2.4813e11), figure("2481亿美元", 2.481e11)])
    assert not agree([figure("2481.3亿美元", 2.4813e11), figure("2481.0亿美元", 2.481e11)])


def test_symmetric_parties_are_an_unordered_pair_and_directed_ones_are_not():
    assert series_key(figure(subject="CHN", partner="KAZ")) == series_key(figure(subject="KAZ", partner="CHN"))
    assert series_key(figure(indicator="exports", subject="CHN", partner="KAZ")) != \
        series_key(figure(indicator="exports", subject="KAZ", partner="CHN"))


def test_slug_is_ascii_filesystem_safe_and_distinguishes_names():
    a = slug(series_key(figure(subject_name="中老铁路", unit="km/h")))
    b = slug(series_key(figure(subject_name="南北高铁", unit="km/h")))
    assert a != b and a.isascii() and all(c.isalnum() or c == "-" for c in a)


def test_values_are_written_with_wan_and_yi():
    assert fmt.amount(125000000000, "USD") == "1250亿美元"
    assert fmt.amount(8364000, "t") == "836.4万吨"
    assert fmt.amount(2e12, "JPY") == "2万亿日元"
    assert fmt.amount(7415, "trains") == "7415列"
    assert fmt.amount(350, "km/h") == "350公里/小时"
    assert fmt.figure_value(figure("约150亿美元", 1.5e10, "approx")) == "≈150亿美元"
    assert fmt.figure_value(figure("36列以上", 36, "at_least", unit="trains")) == "≥36列"
    assert fmt.figure_value(figure("不到2亿美元", 2e8, "at_most")) == "≤2亿美元"


def test_period_labels_read_as_dates_never_numbers():
    assert fmt.period_label("2025", "year") == "2025年"
    assert fmt.period_label("2025-05", "ytd") == "2025年1–5月"
    assert fmt.period_label("2025-05", "month") == "2025年5月"
    assert fmt.period_label("2025-Q1", "quarter") == "2025年第1季度"


codes = st.sampled_from(["CHN", "KAZ", "VNM", ""])
figures_st = st.lists(st.builds(
    lambda ind, s, p, unit, kind, period, v, status, kind2, n: figure(
        f"{v}亿", v * 1e8, indicator=ind, subject=s, partner=p, unit=unit, period_kind=kind,
        period="" if kind == "" else period, status=status, kind=kind2, figure_id=f"f{n}"),
    st.sampled_from(["trade_value", "exports"]), codes, codes, st.sampled_from(["USD", "CNY"]),
    st.sampled_from(["year", "ytd", ""]), st.sampled_from(["2024", "2025"]), st.integers(1, 2000),
    st.sampled_from(["published", "review"]), st.sampled_from(["actual", "target"]), st.integers(0, 10**6)),
    max_size=30)


@settings(max_examples=150, deadline=None)
@given(figures_st)
def test_every_charted_figure_is_in_exactly_one_homogeneous_series(figs):
    series = build_series(figs)
    placed = [id(f) for s in series for f in s.figures]
    assert sorted(placed) == sorted(id(f) for f in figs if f.status == "published" and f.kind == "actual")
    for s in series:
        assert len({(f.unit, f.period_kind, series_key(f)) for f in s.figures}) == 1
        assert [p.period for p in s.points] == sorted({p.period for p in s.points})
        for p in s.points:
            assert p.differs == (not agree(p.figures))
            assert p.conflict == (p.differs and p.period != "")      # no indicator is timeless here
    assert len({s.slug for s in series}) == len(series)


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="中国贸易1187亿<>&\"'\n ", min_size=1, max_size=40), spans)
def test_marking_keeps_the_text_and_never_overlaps(text, raw_spans):
    figs = [figure(text[a:a + n], 1.0, start=a, end=a + n, figure_id=f"f{i}")
            for i, (a, n) in enumerate(raw_spans) if a + n <= len(text)]
    figs.append(figure("nope", 1.0, start=0, end=1, figure_id="fbad"))  # does not match the text
    marked, skipped = site_marks.choose(figs, text)
    runs = site_marks.runs(text, marked)
    assert "".join(r.text for r in runs) == text
    assert all(r.text == r.figure.mention for r in runs if r.figure)
    assert all(a.end <= b.start for a, b in zip(marked, marked[1:]))
    assert len(marked) + len(skipped) == len(figs) and "fbad" in {f.figure_id for f in skipped}


def test_undated_running_totals_that_differ_are_shown_side_by_side_not_as_a_disagreement():
    a = figure("超过580万人次", 5.8e6, "at_least", unit="passengers", indicator="passengers", period="",
               period_kind="", article_id="a", start=1)
    b = figure("2.16万人次", 21600, unit="passengers", indicator="passengers", period="", period_kind="",
               article_id="a", start=40)
    [s] = build_series([a, b])
    assert s.points[0].differs and not s.points[0].conflict
    c = figure("全长142公里", 142, unit="km", indicator="line_length", period="", period_kind="", start=1)
    d = figure("全长150公里", 150, unit="km", indicator="line_length", period="", period_kind="", start=30)
    [s] = build_series([c, d], timeless=frozenset({"line_length"}))
    assert s.points[0].differs and s.points[0].conflict      # one fact, two values: a disagreement


def test_every_party_code_has_a_chinese_name():
    assert fmt.entity("THA") == "泰国" and fmt.entity("MIDDLE_EAST") == "中东" and fmt.entity("VNM") == "越南"
