"""Heading levels and their numbering forms, per template.

Patterns run on canonical text with spaces kept (``Line.spaced``): a space is
evidence (``1 豊かな…`` has a number, ``1豊`` is not one). After NFKC full-width
digits are ASCII and （）：are ( ) :.

=========  =========================  ==============================  =========================
level      概要版 (gaiyo)              令和 (reiwa, R5 on)             様式2 (youshiki, H30–R4)
=========  =========================  ==============================  =========================
経営課題    経営課題 1 title            【経営課題1】 / title            【経営課題1】title
施策/戦略   1 title                     戦略1-1 title                    【戦略1-1】title
事業/取組   1) title 【予算額 N千円】    具体的取組1-1-1 title            具体的取組1-1-1 | title
=========  =========================  ==============================  =========================

A sub-issue 経営課題1-(1) title (any template) is read at the 施策/戦略 level (STRATEGY).
"""
from __future__ import annotations

from .budgets import BUDGET_BARE, BUDGET_IN_BRACKET
from .markers import ANY_MARKER
from .rule import rule

# 目次 / もくじ (often spaced: も く じ)
TOC_HEAD = rule(r"^(?:も\s*く\s*じ|目\s*次)$", examples=("も く じ", "目次", "目 次"),
                refuses=("目次へ戻る",), form="spaced")
# The page number ending a 目次 line: 経営課題1 区民主体のまちづくり ・・・ 2 (leaders: ・ … ‥ .
# or a run of spaces), or before the last leaders when a long title pushed it
# left (…を応援するまちづくり 23 ・・), or alone on the line a title wrapped onto (・・・ 23).
# A long title leaves room for one leader only: set apart by spaces it is no
# title's 中黒 (…暮らせるまちづくり ・ 15; 安全・安心 has none).
_LEADERS = r"[・…‥.]"
_LEADER_RUN = rf"(?:\s*{_LEADERS}{{2,}}|\s+{_LEADERS}(?=\s|$))"
TOC_PAGE = rule(
    rf"^(?P<title>.*?)(?:^|{_LEADER_RUN}\s*|\s{{2,}}|\s+(?=\d{{1,3}}\s*{_LEADERS}{{2,}}$))"
    rf"(?P<page>\d{{1,3}})(?:\s*{_LEADERS}+)?$",
    examples=(("経営課題1 区民主体のまちづくり\t・・・ 2", {"title": "経営課題1区民主体のまちづくり", "page": "2"}),
              ("1 豊かなコミュニティの促進 …… 3", {"page": "3"}),
              ("経営課題4 「子どもの学び」と「子育て世代」を応援するまちづくり 23 ・・", {"page": "23"}),
              ("・・・・・・ 23", {"title": "", "page": "23"}),
              ("経営課題3 健やかにいきいきと暮らせるまちづくり ・ 15",
               {"title": "経営課題3健やかにいきいきと暮らせるまちづくり", "page": "15"}),
              ("5 多様性を尊重しあう共生社会づくりの推進 ・ 22", {"title": "5多様性を尊重しあう共生社会づくりの推進",
                                                   "page": "22"})),
    refuses=("1 豊かなコミュニティの促進", "・区民の数：200人", "経営課題2 安全・安心・快適なまちづくり 7"),
    form="spaced",
)
# Leaders and what follows them on a 目次 line without a page number: the page
# went onto the next line, or its slot holds something else (・・・ 二十三).
TOC_LEADERS = rule(rf"{_LEADER_RUN}.*$",
                   examples=("区民主体のまちづくり ・・・・", "訪れたい魅力 ・・・ 二十三", "多様性を尊重しあう共生社会づくりの推進 ・"),
                   refuses=("区民主体のまちづくり", "安全・安心・快適なまちづくり"), form="spaced", how="search")
# A 目次 drawn as a ruled two-column table or with bare page numbers: the page
# follows the title after a single gap (経営課題1 区民主体のまちづくり 2). Taken
# only for a line whose title is itself a heading, or that carries on one and
# ends in the 目次's page-number column (extract.toc checks), so 区民の数 200 is no entry.
TOC_CELL_ENTRY = rule(
    r"^(?P<title>\S(?:.*?\S)?)\s+(?P<page>\d{1,3})$",
    examples=(("経営課題1 区民主体のまちづくり 2", {"title": "経営課題1区民主体のまちづくり", "page": "2"}),
              ("戦略1-1 豊かなコミュニティの促進 3", {"page": "3"}),
              ("ちづくり 23", {"title": "ちづくり", "page": "23"}), ("り 7", {"title": "り", "page": "7"})),
    refuses=("経営課題1", "区民主体のまちづくり2"),
    form="spaced",
)
# ◆計画
PLAN = rule(r"^◆?\s*計\s*画$", examples=("◆計画", "計 画", "計画"), refuses=("計画的に進める",),
            form="spaced")
# 港区の目標（何をめざすのか） / 目標（…）  (区の prefix dropped from R5 on)
# The header is the start of the line; text after it on the same line is the
# field's first line. 区長の方針 counts only in brackets or as the line's end, so
# a sentence that mentions it (区長の方針に沿って取り組む。) is not a header.
PLAN_VISION = rule(r"^(?:[^\s。、]*?の)?目標\s*\([^)]*\)(?P<rest>.*)$",
                   examples=("港区の目標（何をめざすのか）", "目標（何をめざすのか）"),
                   refuses=("目標値を上回る",))
PLAN_MISSION = rule(r"^(?:[^\s。、]*?の)?使命\s*\([^)]*\)(?P<rest>.*)$",
                    examples=("港区の使命（どのような役割を担うのか）", "使命（どのような役割を担うのか）"),
                    refuses=("使命を果たす。",))
PLAN_POLICY = rule(r"^[^。、]*?(?:\(区長の方針\)|基本的な考え方$|区長の方針$)(?P<rest>.*)$",
                   examples=("平成 29 年度 港区運営方針の基本的な考え方（区長の方針）", "区長の方針"),
                   refuses=("区長の方針に沿って取り組む。",))
PLAN_HEADERS = (("vision", PLAN_VISION), ("mission", PLAN_MISSION), ("policy", PLAN_POLICY))
# A 経営課題's list of its main 事業 closes with 他 ("and others") set apart by a
# space: the list's paragraph ends there even when the line ran to the right edge.
PROJECT_LIST_END = rule(r"\s他$", examples=("地域活動協議会に対する補助事業・新たな地域コミュニティ支援事業 他",
                                              "業 他"),
                        refuses=("その他", "支援事業他の団体と協働し"), form="spaced", how="search")

# 経営課題 1 区民主体のまちづくり / 【経営課題1】 title / 【経営課題1】 alone (令和: title below)
ISSUE = rule(
    r"^(?P<banner>[【\[])?経営課題\s*(?P<no>\d{1,2})(?!\s*-)(?(banner)[】\]])\s*(?P<title>\D.*)?$",
    examples=(("経営課題 1 区民主体のまちづくり", {"no": "1", "title": "区民主体のまちづくり"}),
              ("【経営課題1】区民主体のまちづくり", {"no": "1", "title": "区民主体のまちづくり"}),
              ("【経営課題1】", {"no": "1", "title": None})),
    refuses=("経営課題の解決に向けて", "経営課題1-(1) 地域防災"),
    form="spaced",
)
# 概要版 施策: 1 豊かなコミュニティの促進
MEASURE = rule(r"^(?P<no>\d{1,2})\s+(?P<title>\S.*)$",
               examples=(("1 豊かなコミュニティの促進", {"no": "1", "title": "豊かなコミュニティの促進"}),
                         ("① 豊かなコミュニティの促進", {"no": "1"})),
               refuses=("1) コミュニティ育成支援", "11地域"), form="spaced")
# 戦略 (令和, 様式2 and others): 戦略1-1 title / 【戦略1-1】title / 【1-1】 / <1-1>
# (① title is NFKC's 1 title: MEASURE reads it).
# The first number is the 経営課題's (checked), the second the 戦略's (measure_no).
# A sub-issue 経営課題1-(1) title is read the same way: the level under 経営課題1
# where other years print 施策 1 or 戦略1-1, so an analyst comparing years finds
# it in measures as (issue_no 1, measure_no 1), not as a 経営課題 of its own.
STRATEGY = rule(
    r"^(?P<open>[【\[<])?(?P<word>戦略|経営課題)?\s*(?P<issue>\d{1,2})\s*-\s*"
    r"(?:\((?P<no>\d{1,2})\)|(?P<no>\d{1,2}))(?(open)[】\]>])\s*(?P<title>\D.*)$",
    examples=(("戦略1-1 豊かなコミュニティの促進", {"issue": "1", "no": "1", "title": "豊かなコミュニティの促進"}),
              ("【戦略1-2】自律した地域運営の支援", {"issue": "1", "no": "2"}),
              ("【1-3】多様な主体の協働の推進", {"no": "3"}),
              ("<2-1> 防災対策の強化", {"issue": "2", "no": "1"}),
              ("経営課題1-(1) 地域防災", {"word": "経営課題", "issue": "1", "no": "1", "title": "地域防災"}),
              ("経営課題 2-(3) 防犯対策の強化", {"issue": "2", "no": "3", "title": "防犯対策の強化"}),
              ),
    refuses=("具体的取組1-1-1 コミュニティ育成支援", "1-1", "戦略1-1", "経営課題1-(1)",
             "経営課題1 区民主体のまちづくり"),
    form="spaced",
)
# 事業 of a 概要版: 1) コミュニティ育成支援 【予算額 11,686千円】 ; (1) also seen; a marker
# may come before the number or after the budget: (新) 2) 地域防災… / 3) 子育て 【予算額 …】≪新規≫.
# The budget is any 【…】 naming the budget word (BUDGET_BRACKET reads it), or the word and
# its amount closing the line without brackets (BUDGET_BARE): never part of the title.
PROJECT = rule(
    rf"^(?P<marker>(?:{ANY_MARKER})\s*)?(?:(?P<no>\d{{1,2}})\)|\((?P<no>\d{{1,2}})\))"
    rf"\s*(?P<title>.+?)\s*(?P<budget>{BUDGET_IN_BRACKET}|{BUDGET_BARE})?\s*(?P<last>{ANY_MARKER})?$",
    examples=(("1) コミュニティ育成支援 【予算額 11,686千円】",
               {"no": "1", "title": "コミュニティ育成支援", "budget": "【予算額11,686千円】"}),
              ("（新） 2) 地域防災リーダーの育成", {"marker": "(新)", "no": "2"}),
              ("(3) 子育て支援 【予算額 500千円】≪新規≫", {"no": "3", "last": "≪新規≫"}),
              ("1) 試行事業 【見込額 500千円】", {"budget": None}),  # 見込額 alone is no budget word
              ("1) コミュニティ育成支援　　　予算額 11,686千円",
               {"title": "コミュニティ育成支援", "budget": "予算額11,686千円"}),
              ("2) 地域活動協議会による広報活動の支援 予算額 －千円", {"budget": "予算額-千円"}),
              ("1) 見守り支援 予算額（予算科目） 500千円（区政推進費）", {"title": "見守り支援"}),
              ("1) 予算額の見える化", {"title": "予算額の見える化", "budget": None}),
              ("1) 予算額の見える化 予算額は前年度並み", {"budget": None}),
              ("1) 見守り支援 29年度予算額 500千円", {"title": "見守り支援", "budget": "29年度予算額500千円"}),
              # another amount, never this 事業's: left in the title, the budget missing
              ("1) 見守り支援 前年度予算額 9,000千円", {"budget": None}),
              ("1) 見守り支援 予算額（前年度） 9,000千円", {"budget": None})),
    refuses=("1-1 豊かな", "コミュニティ育成支援"),
    form="spaced",
)
# 具体的取組 (令和 and 様式2): 具体的取組1-1-1 コミュニティ育成支援; numbers are
# 経営課題-戦略-取組 (project_no is the third). A 様式2 label cell and its title
# cell read as one line.
INITIATIVE = rule(
    rf"^(?P<marker>(?:{ANY_MARKER})\s*)?[【\[]?具体的取組\s*(?P<issue>\d{{1,2}})\s*-\s*(?P<measure>\d{{1,2}})"
    rf"\s*-\s*(?P<no>\d{{1,2}})[】\]]?\s*(?P<title>\D.*?)\s*(?P<last>{ANY_MARKER})?$",
    examples=(("具体的取組1-1-1 コミュニティ育成支援", {"issue": "1", "measure": "1", "no": "1"}),
              ("【具体的取組1-2-4】地域課題解決に向けての社会的ビジネスの促進", {"no": "4"}),
              ("具体的取組1-3-2 校庭等の芝生化（拡）", {"last": "(拡)"})),
    refuses=("具体的取組1-1 地域", "具体的取組を進める"),
    form="spaced",
)
# A form's title in a full edition: 様式1 (the plan: 目標, 使命, 区長の方針), 様式2 (per 経営課題)
FORM_TITLE = rule(
    r"^様式\s*(?P<no>\d)(?:\s*\(.*\))?$",
    examples=(("様式1", {"no": "1"}), ("様式２（経営課題の概要と戦略）", {"no": "2"})),
    refuses=("様式2により提出する。",),
    form="spaced",
)
# A line that looks like a heading of some numbering scheme: what a document of an
# unknown template is reported with (its headings could not be placed).
HEADING_LIKE = rule(
    r"^(?:【[^】]{1,20}】|<[^>]{1,10}>|第\s*\d{1,2}\s*[章節条]|\(?\d{1,2}(?:-\(?\d{1,2}\)?)*[).]?\s+\S"
    r"|[\p{Han}\p{Katakana}]{2,8}\s*\d{1,2}(?:-\(?\d{1,2}\)?)+\s)",
    examples=("【重点施策1】地域の防災", "第2章 計画の概要", "施策3-2 地域福祉", "経営課題1-(1) 地域防災",
              "(2) 子育て支援"),
    refuses=("・区民の数：200人", "地域の防災力を高める。"),
    form="spaced",
)
