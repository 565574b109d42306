"""Period expressions resolved against the article date."""
import pytest

from etl.periods import find_periods

CMP, START = ["较", "比", "相比", "同比", "环比", "与"], ["以来", "起", "开始"]


def periods(text, date):
    return [(text[p.start:p.end], p.period.period, p.period.kind, p.role)
            for p in find_periods(text, 0, len(text), date, CMP, START)]


@pytest.mark.parametrize("text, date, expected", [
    ("2019年全年", "2020-03-01", ("2019年全年", "2019", "year", "own")),
    ("今年前7个月", "2021-08-09", ("今年前7个月", "2021-07", "ytd", "own")),
    ("1-4月", "2022-05-15", ("1-4月", "2022-04", "ytd", "own")),
    ("今年上半年", "2020-07-14", ("今年上半年", "2020-06", "ytd", "own")),
    ("前三季度", "2019-10-20", ("前三季度", "2019-09", "ytd", "own")),
    ("今年一季度", "2024-04-12", ("今年一季度", "2024-Q1", "quarter", "own")),
    ("去年", "2023-02-10", ("去年", "2022", "year", "own")),
    ("前年", "2023-02-10", ("前年", "2021", "year", "own")),
    ("今年8月份", "2021-09-07", ("今年8月份", "2021-08", "month", "own")),
    ("2022年首月", "2022-03", ("2022年首月", "2022-01", "month", "own")),
    ("今年以来", "2024-06-03", ("今年以来", "2024-06", "ytd", "own")),
    ("前两月", "2024-03-15", ("前两月", "2024-02", "ytd", "own")),
    ("截至9月底", "2021-10-11", ("9月底", "2021-09", "month", "own")),
    ("今天", "2022-12-01", ("今天", "2022-12", "day", "own")),
])
def test_resolves(text, date, expected):
    assert expected in periods(text, date)


def test_a_month_after_the_article_month_is_last_years():
    assert ("12月", "2020-12", "month", "own") in periods("12月出口", "2021-02-03")


def test_an_upcoming_quarter_stays_this_year():
    assert ("第三季度", "2025-Q3", "quarter", "own") in periods("实行第三季度运行图", "2025-06-17")


def test_comparison_base_and_start_are_not_own():
    got = periods("比2018年增长，自2015年起", "2019-05-01")
    assert ("2018年", "2018", "year", "comparison") in got
    assert ("2015年", "2015", "year", "start") in got
    assert [r for r in got if r[1] == "2018" and r[3] == "own"] == []


def test_book_titles_give_no_period():
    assert periods("实施《2035年发展战略》", "2024-01-01") == []


def test_no_article_date_means_no_relative_period():
    assert periods("今年上半年", "") == []


@pytest.mark.parametrize("text, date, expected", [
    ("2018年,全年出口", "2019-01-15", ("全年", "2018", "year", "own")),
    ("去年外贸增长较快,前三季度", "2019-01-15", ("前三季度", "2018-09", "ytd", "own")),
    ("全年出口", "2019-06-15", ("全年", "2019", "year", "own")),          # no year named: the article's
    ("较2017年同期,全年出口", "2019-06-15", ("全年", "2019", "year", "own")),   # a comparison base is not named
])
def test_a_part_without_a_year_takes_the_year_the_sentence_named(text, date, expected):
    assert expected in periods(text, date)
