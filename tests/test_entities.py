"""Parties: full names, pycountry names, groups, places, one-character abbreviations."""
import pytest
from hypothesis import given, strategies as st

from etl.entities import Taken, find_entities
from etl.lexicon import default


def ents(text):
    return [(e.form, e.code, e.kind, e.marker) for e in find_entities(text, 0, len(text), default())]


@pytest.mark.parametrize("text, expected", [
    ("越南对美出口", [("越南", "VNM", "country", ""), ("美", "USA", "country", "对")]),
    ("中国自哈进口", [("中国", "CHN", "country", ""), ("哈", "KAZ", "country", "自")]),
    ("中越贸易", [("中", "CHN", "country", ""), ("越", "VNM", "country", "pair")]),
    ("我国与东盟", [("我国", "CHN", "country", ""), ("东盟", "ASEAN", "group", "与")]),
    ("对共建“一带一路”国家进出口", [("共建“一带一路”国家", "BRI", "group", "对")]),
    ("在沪外资企业", [("沪", "CHN", "place", "在")]),
    ("泰国和马来西亚", [("泰国", "THA", "country", ""), ("马来西亚", "MYS", "country", "和")]),   # from pycountry
    ("与中亚五国", [("中亚五国", "CENTRAL_ASIA", "group", "与")]),
])
def test_finds(text, expected):
    assert ents(text) == expected


@pytest.mark.parametrize("text", ["中央广播电视总台", "美元汇率", "日均开行", "与日俱增", "华中地区", "越来越多"])
def test_words_that_only_look_like_abbreviations(text):
    assert ents(text) == []


def test_rail_names_are_not_parties():
    text = "中欧班列开行"
    assert ents(text) != []                         # 中欧 alone reads as China and the EU
    assert find_entities(text, 0, len(text), default(), blocked=[(0, 4)]) == []


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6)), max_size=25),
       st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6)), max_size=40))
def test_taken_spans_answer_like_a_scan_of_every_span(blocked, candidates):
    """The sorted span index gives the same answers as checking every claimed span."""
    spans = [(s, s + n) for s, n in blocked]
    taken, claimed = Taken(spans), list(spans)
    for s, n in candidates:
        e = s + n
        brute = all(e <= a or s >= b for a, b in claimed)
        assert taken.free(s, e) == brute
        if brute:
            taken.add(s, e)
            claimed.append((s, e))
