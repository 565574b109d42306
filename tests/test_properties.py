"""Property-based tests of the number and period parsers (hypothesis)."""
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.lexicon import default
from etl.numbers import NumberError, find_quantities, parse_number
from etl.periods import find_periods

DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Write 0 < n < 10^12 the way Chinese numerals do (the reference the parser must invert)."""
    def small(k: int) -> str:                       # 0 < k < 10000
        out, zero = "", False
        for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // unit_value % 10
            if d:
                out += ("零" if zero and out else "") + DIGITS[d] + unit
                zero = False
            else:
                zero = True
        return out
    parts = []
    for big_value, big in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk = n // big_value % 10**4 if big else n % 10**4
        if big_value == 10**8:
            chunk = n // 10**8
        if chunk:
            parts.append(small(chunk) + big)
    return "".join(parts)


@given(st.integers(min_value=1, max_value=10**11))
def test_chinese_numerals_round_trip(n):
    assert parse_number(to_chinese(n)) == n


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2),
       st.sampled_from([("", 1), ("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]))
def test_digits_with_multipliers_round_trip(d, mult):
    text = f"{d.normalize():f}{mult[0]}"
    assert parse_number(text) == float(d * mult[1])


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_separators(n):
    assert parse_number(f"{n:,}") == n


@given(st.text(max_size=30))
def test_parse_number_raises_only_its_own_error(s):
    try:
        parse_number(s)
    except NumberError:
        pass


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,万亿千百十一二两三四五六七八九零%多余约超近以上下成分之美元吨列年月日前今去第 ，。、")),
               max_size=40))
def test_find_quantities_never_raises_and_spans_hold(s):
    for q in find_quantities(s, default()):
        assert 0 <= q.start <= q.num_start < q.end <= len(s)


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("0123456789年月日季度前上下半今去明个至-第一二三四以来起比较同期底末份首")),
               max_size=30),
       st.sampled_from(["2024-05-20", "2024-01", "", "1999-12-31"]))
def test_find_periods_never_raises(s, date):
    for p in find_periods(s, 0, len(s), date, ["比"], ["以来"]):
        assert p.period.kind in ("year", "ytd", "quarter", "month", "day")
