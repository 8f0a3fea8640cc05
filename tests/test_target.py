"""normalize.quantity and normalize.target with the seed's 目標 and activity lines."""
import pytest

from extract.text import normalize_text
from normalize.quantity import parse_quantity, quantity_after_colon
from normalize.target import parse_target


@pytest.mark.parametrize("text, value, unit, comparator, cumulative", [
    ("延べ30団体・個人", 30, "団体・個人", None, True),
    ("80%以上", 80, "%", ">=", False),
    ("年4回以上", 4, "回/年", ">=", False),
    ("2回/地域", 2, "回/地域", None, False),
    ("全11地域", 11, "地域", None, False),
    ("2回。", 2, "回", None, False),
    ("1地域以上", 1, "地域", ">=", False),
    ("5件以下", 5, "件", "<=", False), ("3件以内", 3, "件", "<=", False),
    ("10人未満", 10, "人", "<", False), ("100人超", 100, "人", ">", False),
    ("1,200人", 1200, "人", None, False),
])
def test_parse_quantity(text, value, unit, comparator, cumulative):
    q = parse_quantity(text)
    assert (q.value, q.unit, q.comparator, q.cumulative) == (value, unit, comparator, cumulative)


@pytest.mark.parametrize("text", ["通年実施", "34企業・団体455名", "アンケートで55%", ""])
def test_parse_quantity_needs_exactly_one_quantity(text):
    assert parse_quantity(text) is None


def test_activity_value_after_colon():
    head, q = quantity_after_colon(normalize_text("・多くの区民が企画段階から参加できるイベントや講座の開催：年4回以上"))
    assert head == "・多くの区民が企画段階から参加できるイベントや講座の開催"
    assert (q.value, q.unit, q.comparator) == (4, "回/年", ">=")


def _target(printed: str, year: int = 2017):
    return parse_target(normalize_text(printed), year)


def test_value_after_colon_and_baseline():
    t = _target("・区役所が提供した機会を利用した区民の数：200人（28年度：2700人）")
    assert t.metric == "区役所が提供した機会を利用した区民の数"
    assert (t.quantity.value, t.quantity.unit) == (200, "人")
    assert (t.baseline.fiscal_year, t.baseline.quantity.value, t.baseline.text) == (2016, 2700, "28年度:2700人")


def test_new_target_has_no_baseline():
    t = _target("新たに社会的ビジネスを活用して地域課題の解決に向けて取組む地域：1地域以上（新規）")
    assert t.is_new and t.baseline is None
    assert (t.quantity.value, t.quantity.comparator) == (1, ">=")


def test_value_in_brackets_with_label():
    t = _target("「港区ワークス探検団」（職場見学・訪問）開催。（協力企業 8 社）（28 年度協力企業：8 社）")
    assert t.metric == "「港区ワークス探検団」(職場見学・訪問)開催:協力企業"
    assert (t.quantity.value, t.quantity.unit) == (8, "社")
    assert (t.baseline.quantity.value, t.baseline.quantity.unit) == (8, "社")


def test_baseline_with_two_quantities_keeps_text_only():
    t = _target("みなとクリーンアップ大作戦（大阪マラソンに向けた美化活動）を実施。（25 団体）"
                "（28 年度参加数：34 企業・団体 455 名）")
    assert (t.quantity.value, t.quantity.unit) == (25, "団体")
    assert t.baseline.fiscal_year == 2016 and t.baseline.quantity is None
    assert t.baseline.text == "28年度参加数:34企業・団体455名"


def test_prose_baseline():
    t = _target("…感じる人の割合：50%以上（28 年度：アンケートで…築港小 55%、築港中 90%となった。）")
    assert (t.quantity.value, t.quantity.comparator) == (50, ">=")
    assert t.baseline.fiscal_year == 2016 and t.baseline.quantity is None


def test_target_without_a_number():
    t = _target("地域の課題解決に向けた取組を進める。")
    assert t.quantity is None and t.metric == "地域の課題解決に向けた取組を進める"


def test_full_width_digits_give_the_same_target():
    plain = _target("・コミュニティ促進…個人の数：延べ30団体・個人（28年度：74団体・個人）")
    wide = _target("・コミュニティ促進…個人の数：延べ３０団体・個人（２８年度：７４団体・個人）")
    assert plain == wide
