"""The templates ward plans use, and the lines that tell them apart.

A document's template is the one whose telltale lines it holds most of
(extract.template); two about equally likely is said in a warning, none at all
is ``unknown`` with a warning naming the headings found.

======== ============================ =====================================================
template where                        telltales
======== ============================ =====================================================
gaiyo    概要版 (summary editions)       ``1) title 【予算額 N千円】``, 概要版 on the cover
reiwa    令和5年度-onward full plans     ``【経営課題1】`` banner alone, 課題認識 / 主な戦略, ``戦略1-1``,
                                       ``(29年度予算額)11,686千円``, アウトカム指標
youshiki 様式1/様式2 full editions      様式2, ``【戦略1-1】``, ``予算額(29年度)`` cell, 取組内容, 目標(プロセス指標)
======== ============================ =====================================================
"""
from __future__ import annotations

from .rule import rule

TEMPLATES = ("gaiyo", "reiwa", "youshiki")

EVIDENCE = {
    "gaiyo": (
        rule(r"^(?:\(\S{1,3}\)\s*)?\(?\d{1,2}\)\s*\S.*【[^】]*予算額[^】]*】", form="spaced",
             examples=("1) コミュニティ育成支援 【予算額 11,686千円】",), refuses=("具体的取組1-1-1 コミュニティ育成支援",)),
        rule(r"概要版$", examples=("港区運営方針 概要版", "概要版"), refuses=("概要版の作成",), how="search"),
    ),
    "reiwa": (
        rule(r"^[【\[]経営課題\d{1,2}[】\]]$", examples=("【経営課題1】",), refuses=("【経営課題1】区民主体のまちづくり",)),
        rule(r"^(?:課題認識|主な戦略)$", examples=("課題認識", "主な戦略"), refuses=("主な戦略は",)),
        rule(r"^戦略\d{1,2}-\d{1,2}\s*\D", form="spaced", examples=("戦略1-1 豊かなコミュニティの促進",),
             refuses=("【戦略1-1】豊かなコミュニティの促進",)),
        rule(r"^\((?:\d{1,2}|元)年度予算額\)", examples=("（29年度予算額）11,686千円",), refuses=("予算額（29年度） 11,686千円",)),
        rule(r"^アウトカム指標", examples=("アウトカム指標",), refuses=("目標（アウトカム指標）",)),
    ),
    "youshiki": (
        rule(r"^様式\d", examples=("様式2", "様式1"), refuses=("様式",)),
        rule(r"^【戦略\d{1,2}-\d{1,2}】", examples=("【戦略1-1】豊かなコミュニティの促進",), refuses=("戦略1-1 豊かな",)),
        rule(r"^予算額\((?:\d{1,2}|元)年度\)", examples=("予算額（29年度） 11,686千円",), refuses=("（29年度予算額）11,686千円",)),
        rule(r"^取組内容", examples=("取組内容 コミュニティの育成",), refuses=("主な取組内容",)),
        rule(r"^目標\(プロセス指標\)|^プロセス指標", examples=("目標（プロセス指標）", "プロセス指標"),
             refuses=("アウトカム指標",)),
    ),
}
