"""What 平成29年度 港区運営方針 概要版 says, typed by hand from the document
(samples/minato_h29_gaiyo.pdf, its page images and its text twin), independent
of any parser output. tests/test_sample_facts.py checks both renderings of the
sample against them; tests/layouts/ checks every random layout of its content."""
from __future__ import annotations

# the cover and the ◆計画 block
DOCUMENT = {
    "municipality": "大阪市", "ward": "港区", "fiscal_year": 2017, "fiscal_year_label": "平成29年度",
    "published": "平成29年6月", "title": "港区運営方針 概要版",
    "vision": "いちばん住みたいまち、住んで誇りに思えるまち、港区の実現",
}
# long paragraphs: how they open and close
DOCUMENT_ENDS = {
    "mission": ("豊かなコミュニティの形成", "区役所づくりを進める。"),
    "policy": ("港区民のつながりの強さ", "重点的に取り組む。"),
}

# 経営課題 as the 目次 lists them: (title, page)
ISSUES = {
    1: ("区民主体のまちづくり", 2),
    2: ("安全・安心・快適なまちづくり", 7),
    3: ("健やかにいきいきと暮らせるまちづくり", 15),
    4: ("「子どもの学び」と「子育て世代」を応援するまちづくり", 23),
    5: ("訪れたい魅力と活気あふれるまちづくり", 30),
    6: ("区民意見を反映した区政運営", 36),
}
# 施策 as the 目次 lists them: (issue, measure): (title, page)
MEASURES = {
    (1, 1): ("豊かなコミュニティの促進", 3),
    (1, 2): ("自律した地域運営の支援", 4),
    (1, 3): ("多様な主体の協働の推進", 5),
    (2, 1): ("防災対策の強化", 8),
    (2, 2): ("防犯対策の強化", 10),
    (2, 3): ("歩行や移動の安全性の確保", 12),
    (2, 4): ("生活環境の向上と改善", 13),
    (3, 1): ("地域福祉の推進", 16),
    (3, 2): ("地域包括ケアシステムの構築", 17),
    (3, 3): ("セーフティネットの充実", 19),
    (3, 4): ("健康寿命の延伸", 21),
    (3, 5): ("多様性を尊重しあう共生社会づくりの推進", 22),
    (4, 1): ("「子どもの学び」の応援", 24),
    (4, 2): ("「子育て世代」の応援", 28),
    (5, 1): ("地域資源を活かしたまちの活性化", 31),
    (5, 2): ("まちの魅力の発信", 32),
    (5, 3): ("築港地区のにぎわいづくり", 33),
    (5, 4): ("まちづくりに向けた行政資産等の活用", 35),
    (6, 1): ("多様な区民の意見・ニーズの的確な把握", 36),
    (6, 2): ("区政の参加と協働による区政運営", 37),
    (6, 3): ("区政情報の積極的な発信", 38),
    (6, 4): ("区民が利用しやすく、信頼される区役所づくり", 38),
}
TOC_MEASURES = {1: 3, 2: 4, 3: 5, 4: 2, 5: 4, 6: 4}  # 施策 per 経営課題 in the 目次
TOC_ENTRIES_NOT_IN_BODY = 5 + 19  # 経営課題2-6 and their 施策: the seed holds pages 1-6 only

# (issue, measure, project): (title, budget_status, budget_yen) — 【予算額 …千円】
BUDGETS = {
    (1, 1, 1): ("コミュニティ育成支援", "amount", 11_686_000),
    (1, 1, 2): ("地域活動協議会による広報活動の支援", "none", None),  # 【予算額： ー千円】
    (1, 2, 1): ("地域活動協議会に対する財政的支援", "amount", 27_192_000),
    (1, 2, 2): ("地域活動協議会に対する運営支援", "amount", 16_780_000),
    (1, 2, 3): ("地域活動のコミュニティビジネス化等の支援", "none", None),  # 【予算額： 一 千円】
    (1, 2, 4): ("地域課題解決に向けての社会的ビジネスの促進", "amount", 7_486_000),  # 7, 486
    (1, 3, 1): ("多様な協働のための機会と場の提供", "amount", 453_000),
    (1, 3, 2): ("校庭等の芝生化", "amount", 1_140_000),  # 1, 140 千円
}
BUDGET_TOTAL_YEN = 64_737_000

# (issue, measure, project, target): value, unit, comparator, cumulative, is_new,
#                                    baseline year, baseline value, baseline unit
TARGETS = {
    (1, 1, 1, 1): (30, "団体・個人", None, True, False, 2016, 74, "団体・個人"),
    (1, 1, 1, 2): (200, "人", None, False, False, 2016, 2700, "人"),
    (1, 1, 2, 1): (80, "%", ">=", False, False, 2016, 81.1, "%"),
    (1, 2, 1, 1): (11, "地域", None, False, False, 2016, 11, "地域"),
    (1, 2, 2, 1): (11, "地域", None, False, False, 2016, 11, "地域"),
    (1, 2, 3, 1): (8, "件", None, False, False, 2016, 16, "件"),
    (1, 2, 4, 1): (1, "地域", ">=", False, True, None, None, None),  # （新規）
    # three unmarked targets in one box, each closed by its baseline
    (1, 3, 1, 1): (25, "団体", None, False, False, 2016, None, None),  # 34企業・団体 455名: two numbers
    (1, 3, 1, 2): (3, "社", None, False, False, 2016, None, None),  # 26社・31名: two numbers
    (1, 3, 1, 3): (8, "社", None, False, False, 2016, 8, "社"),
    (1, 3, 2, 1): (50, "%", ">=", False, False, 2016, None, None),  # baseline is prose
}
TARGET_FIELDS = ("value", "unit", "comparator", "cumulative", "is_new",
                 "baseline_fiscal_year", "baseline_value", "baseline_unit")

# (issue, measure, project, activity): value, unit, comparator of each ・ line
ACTIVITIES = {
    (1, 1, 1, 1): (None, None, None),
    (1, 1, 1, 2): (4, "回/年", ">="),  # 年4回以上
    (1, 1, 2, 1): (2, "回", None),
    (1, 2, 1, 1): (11, "地域", None),  # 全11地域
    (1, 2, 2, 1): (2, "回/地域", None),
    (1, 2, 3, 1): (2, "回", None),
    (1, 3, 1, 1): (None, None, None),  # 通年実施
    (1, 3, 1, 2): (1, "回/年", ">="),
    (1, 3, 1, 3): (2, "回/年", None),
    (1, 3, 2, 1): (3, "回/年", ">="),  # 年 3 回以上
}
ACTIVITY_FIELDS = ("value", "unit", "comparator")

# statements per (measure_no, kind): the 経営課題's 課題 bullets and each 施策's ・ lines
STATEMENTS = {(None, "challenge"): 4, (None, "strategy"): 1, (None, "strategy_projects"): 1,
              (None, "strategy_summary"): 1,
              (1, "policy"): 2, (2, "policy"): 2, (3, "policy"): 3}
_POLICIES = {(1, "policy"): 2, (2, "policy"): 2, (3, "policy"): 3}
# the same text in the other templates (tests/fixtures/templates): 令和 heads the 課題 bullets
# 課題認識 and its two 主な戦略 paragraphs (the 概要版's repeated title is not printed);
# 様式2 prints the 課題 bullets alone
TEMPLATE_STATEMENTS = {
    "gaiyo": STATEMENTS,
    "reiwa": {(None, "recognition"): 4, (None, "main_strategy"): 2, **_POLICIES},
    "youshiki": {(None, "challenge"): 4, **_POLICIES},
}


# The facts of a conversion in the shapes above (the sample's and the templates' tests)
def budget_facts(rows) -> dict:
    return {(p.issue_no, p.measure_no, p.project_no): (p.title, p.budget_status, p.budget_yen)
            for p in rows["projects"]}


def target_facts(rows) -> dict:
    return {(t.issue_no, t.measure_no, t.project_no, t.target_no):
            tuple(getattr(t, f) for f in TARGET_FIELDS) for t in rows["targets"]}


def activity_facts(rows) -> dict:
    return {(a.issue_no, a.measure_no, a.project_no, a.activity_no):
            tuple(getattr(a, f) for f in ACTIVITY_FIELDS) for a in rows["activities"]}
