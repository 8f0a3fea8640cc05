"""Label cells and section labels: a word printed in its own cell or line that
says what the text beside or below it is.

目標 / アウトカム指標 / プロセス指標 label the targets (``indicator_kind``);
課題認識 / 主な戦略 (令和 template) and 取組内容 (様式2) label statements and a
具体的取組's description.
"""
from __future__ import annotations

from .rule import rule

# A 目標 label: 目標, spaced 目 標 / 目　標, bracketed 【目標】 (spaced too: 【 目 標 】), or an
# indicator label with its kind in brackets; each spread or not (均等割付 of a label cell:
# ア ウ ト カ ム 指 標). Whitespace, a colon or the end must follow, so
# 目標値を… and 目標(何をめざすのか) (the ◆計画's vision header) are not labels.
_OUTCOME, _PROCESS = (r"\s*".join(word) for word in ("アウトカム指標", "プロセス指標"))
TARGET_LABEL = rule(
    rf"^[【\[]?\s*(?P<label>目\s*標(?:\((?:プロセス|アウトカム)指標\))?|{_OUTCOME}|{_PROCESS})"
    r"\s*[】\]]?(?::|\s+|$)(?P<rest>.*)$",
    examples=(("目 標", {"label": "目標", "rest": ""}),
              ("目　標 まちづくりセンターの「地域活動協議会…", {"label": "目標"}),
              ("【目標】", {"label": "目標"}),
              ("【 目 標 】 体・個人(28年度:74団体・個人)",  # spread like its cell's width
               {"label": "目標", "rest": "体・個人(28年度:74団体・個人)"}),
              ("アウトカム指標", {"label": "アウトカム指標"}),
              ("ア ウ ト カ ム 指 標", {"label": "アウトカム指標", "rest": ""}),
              ("目標（プロセス指標） ・コミュニティ促進や…", {"label": "目標(プロセス指標)"}),
              ("プロセス指標：区民の数", {"label": "プロセス指標"})),
    refuses=("目標値を上回った", "目標（何をめざすのか）", "港区の目標（何をめざすのか）"),
    form="spaced",
)
# label (tidy, spaces removed) → targets.indicator_kind
INDICATOR_KINDS = {"目標": "target", "アウトカム指標": "outcome", "目標(アウトカム指標)": "outcome",
                   "プロセス指標": "process", "目標(プロセス指標)": "process"}

# 令和 template: a 経営課題's sections, each a label on its own line → statements.kind
ISSUE_SECTION = rule(
    r"^[【\[]?(?P<label>課題認識|主な戦略)[】\]]?$",
    examples=(("課題認識", {"label": "課題認識"}), ("【主な戦略】", {"label": "主な戦略"})),
    refuses=("課題認識を共有する", "主な戦略は次のとおり。"),
)
ISSUE_SECTION_KINDS = {"課題認識": "recognition", "主な戦略": "main_strategy"}

# 様式2: the 取組内容 label cell of a 具体的取組, its text beside it
DESCRIPTION_LABEL = rule(
    r"^取組内容(?:\s+(?P<rest>.*))?$",
    examples=(("取組内容 コミュニティの育成や活性化を図るため、", {"rest": "コミュニティの育成や活性化を図るため、"}),
              ("取組内容", {"rest": None})),
    refuses=("取組内容を見直す。",),
    form="spaced",
)
