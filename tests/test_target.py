"""normalize.quantity and normalize.target with the seed's 目標 and activity lines."""
import pytest

from rules.text import normalize_text
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


# Forms from other wards and years: each must give the right number or none, never a wrong one.

@pytest.mark.parametrize("printed", [
    "・相談窓口の開設：月～金曜日 9：00～17：00",   # clock times are not values
    "・講座の開催：毎週水曜日 10：30～",
])
def test_clock_times_are_not_values(printed):
    _, q = quantity_after_colon(normalize_text(printed))
    assert q is None


def test_a_note_bracket_after_the_value_is_not_the_value():
    t = _target("満足度：4.0点以上（5点満点）")
    assert (t.quantity.value, t.quantity.unit, t.quantity.comparator) == (4.0, "点", ">=")
    assert t.baseline is None


@pytest.mark.parametrize("printed", ["区民の割合：増加（3年後）", "ランキング：上位（全24区中）",
                                     "開催時間：午後7：30以降（28年度：10件）"])
def test_no_number_after_the_colon_means_no_value(printed):
    assert _target(printed).quantity is None


@pytest.mark.parametrize("printed, value", [
    ("参加者数：延べ1,000人（30年度まで）", 1000),          # a deadline
    ("件数：100件（29年度目標：90件）", 100),              # a target, not a baseline
    ("参加者数：1,200人（28年度：1,000人）（29年度：1,100人）", 1200),  # 29年度 is the plan's own year
])
def test_deadlines_and_current_year_figures_are_not_baselines(printed, value):
    t = _target(printed, 2017)
    assert t.quantity.value == value
    assert t.baseline is None


@pytest.mark.parametrize("printed, year", [("参加者数：500人（H28年度：450人）", 2016),
                                           ("参加者数：500人（R2年度：450人）", 2020)])
def test_romanized_era_initials(printed, year):
    t = _target(printed, year + 1)
    assert (t.quantity.value, t.baseline.fiscal_year, t.baseline.quantity.value) == (500, year, 450)


def test_a_prior_year_estimate_is_a_baseline():
    t = _target("参加者数：500人（4年度末見込：450人）", 2023)
    assert (t.baseline.fiscal_year, t.baseline.quantity.value) == (2022, 450)
