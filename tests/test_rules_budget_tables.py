"""What the budget-table vocabulary of rules/budget_tables.py does when its
callers apply it: which rule wins for a header, funding columns only under a
財源内訳 group, the year a header names, the unit, the 款/項 heading and the
heading total cut off a title. (tests/test_rules.py checks each rule's own
examples and refusals; these check the functions built on them.)"""
import pytest

from rules.budget_tables import (BARE_ERA_YEAR, SUBTOTAL_ROW, TITLE_AMOUNT, TOTAL_ROW, Role, header_role,
                                 header_year, kan_kou, unit_of)


@pytest.mark.parametrize("header, role", [
    ("番号", Role("item_no")),
    ("款項目", Role("code")),
    ("事業名", Role("name")),
    ("事業費", Role("money", "initial")),  # 事業 is a name, 事業費 an amount
    ("主な事業内容", Role("description")),
    ("増減(△)", Role("money", "change")),
    ("予算額比較", Role("money", "change")),  # the change rule comes before the 予算額 one
    ("R2決算額", Role("money", "settled")),
    ("補正前額", Role("money", "current")),
    ("計", Role("money", "revised")),  # a column headed 計 is the amount after the 補正
    ("補正額", Role("money", "supplementary")),
    ("R4年度当初予算額(千円)", Role("money", "initial")),
    ("節", None),
    ("番号表", None),
    ("補正額の財源内訳", None),  # a group label, not a column of amounts
])
def test_header_role_the_first_matching_rule_wins(header, role):
    assert header_role(header) == role


@pytest.mark.parametrize("source", ["国", "県", "地方債", "その他", "一般財源", "国県支出金"])
def test_funding_columns_only_under_a_funding_group(source):
    assert header_role(source, "財源内訳(千円)") == Role("money", "funding", source)
    assert header_role(source, "補正額の財源内訳") == Role("money", "funding", source)
    assert header_role(source, None) is None
    assert header_role(source, "補正額") is None


def test_a_funding_group_does_not_make_other_headers_funding():
    assert header_role("国庫補助金", "財源内訳") is None
    assert header_role("補正額", "財源内訳") == Role("money", "supplementary")


@pytest.mark.parametrize("header, context, year", [
    ("R8当初予算額", 2026, 2026),  # no 年度 after the era initial (BARE_ERA_YEAR)
    ("R8当初予算額", None, 2026),
    ("R3年度当初予算額(千円)", None, 2021),
    ("H30当初予算額", None, 2018),
    ("令和8年度当初予算額", None, 2026),
    ("本年度予算額", 2024, 2024),
    ("前年度予算額", 2024, 2023),
    ("本年度予算額", None, None),  # relative to a year nobody printed
    ("補正額", 2026, None),
])
def test_header_year(header, context, year):
    assert header_year(header, context) == year


def test_bare_era_year_needs_the_initial_and_one_or_two_digits():
    assert BARE_ERA_YEAR.match("R8当初予算額").group("n") == "8"
    assert BARE_ERA_YEAR.match("R123") is None
    assert BARE_ERA_YEAR.match("令和8年度当初予算額") is None


@pytest.mark.parametrize("text, unit", [
    ("(単位:千円)", "千円"), ("(単位 千円、%)", "千円"), ("R3年度当初予算額(千円)", "千円"), ("(単位:円)", "円"),
    ("(百万円)", "百万円"), ("千円", "千円"), ("予算額", None), ("1,000千円", None),
])
def test_unit_of(text, unit):
    assert unit_of(text) == unit


@pytest.mark.parametrize("title, numbers", [
    ("3歳出 1款議会費 1項議会費", ("1", "1")),
    ("2款総務費 1項総務管理費", ("2", "1")),
    ("10款教育費 6項保健体育費", ("10", "6")),
    ("1款議会費", None),  # no 項
    (None, None),
])
def test_kan_kou(title, numbers):
    assert kan_kou(title) == numbers


@pytest.mark.parametrize("line, title", [
    ("1款議会費481,596千円", "1款議会費"),
    ("1項議会費 481,596千円", "1項議会費"),
    ("1款民生費 △1,200千円", "1款民生費"),
    ("(単位:千円)", "(単位:千円)"),
    ("R4年度当初予算に計上した主な継続事業", "R4年度当初予算に計上した主な継続事業"),
])
def test_title_amount_is_cut_off_the_heading(line, title):
    assert TITLE_AMOUNT.sub("", line) == title


@pytest.mark.parametrize("label, level", [
    ("合計", "total"), ("総計", "total"), ("歳入計", "total"), ("款計", "total"), ("一般会計計", "total"),
    ("計(A)", "total"), ("歳出総額", "total"), ("物価高騰対策事業合計", "total"), ("小計", "subtotal"),
    ("小計(B)", "subtotal"), ("会計年度任用職員", None), ("計画策定事業", None), ("設計委託料", None),
    ("一般会計", None),
])
def test_total_words_total_first_then_subtotal(label, level):
    found = "total" if TOTAL_ROW.search(label) else "subtotal" if SUBTOTAL_ROW.search(label) else None
    assert found == level
