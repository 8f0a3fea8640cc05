"""extract: segmentation of lines into the document tree, on small text documents."""
from pathlib import Path

import pytest

from extract import extract_document


def tree(text: str):
    return extract_document(Path("t.txt"), text.encode("utf-8"))


BASE = """平成 30 年度
北区運営方針
概要版

も く じ
経営課題1 まちづくり\t・・・ 2
1 地域の活性化\t・・・ 3

経営課題 1 まちづくり

1 地域の活性化

"""


def only_project(doc):
    (issue,) = doc.issues
    (measure,) = issue.measures
    (project,) = measure.projects
    return project


def test_budget_on_the_line_below_the_heading():
    doc = tree(BASE + "1) 見守り支援\n【予算額 1,234千円】\n\n説明文。\n")
    project = only_project(doc)
    assert project.title == "見守り支援"
    assert project.budget.text == "【予算額1,234千円】"
    assert [s.text for s in project.description] == ["説明文。"]


def test_label_on_its_own_line_and_targets_after_it():
    doc = tree(BASE + "1) 見守り支援 【予算額 1千円】\n\n目 標\n・見守り件数：10件（29年度：8件）\n・訪問回数：年2回以上（新規）\n")
    assert [t.text for t in only_project(doc).targets] == [
        "・見守り件数:10件(29年度:8件)", "・訪問回数:年2回以上(新規)"]


def test_target_text_continues_after_a_blank_line():
    doc = tree(BASE + "1) 見守り支援 【予算額 1千円】\n\n目 標 本制度を活用できたと感じている\n\n地域の数：11地域（29年度：11地域）\n")
    (target,) = only_project(doc).targets
    assert target.text == "本制度を活用できたと感じている地域の数:11地域(29年度:11地域)"


def test_wrapped_number_fragment_never_opens_a_measure():
    # "8 社）" looks like "N title" but its bracket is unbalanced and 8 is not next
    doc = tree(BASE + "1) 見守り支援 【予算額 1千円】\n\n目 標 協力企業数：3社（29年度：\n8 社）\n")
    (issue,) = doc.issues
    assert [m.number for m in issue.measures] == [1]
    (target,) = only_project(doc).targets
    assert target.text == "協力企業数:3社(29年度:8社)"


def test_heading_missing_from_the_toc_and_toc_entry_missing_from_the_body():
    doc = tree(BASE + "2 防災の強化\n\n・取組方針\n")
    kinds = {(n.kind, n.text) for n in doc.notes}
    assert ("heading_not_in_toc", "施策1-2 防災の強化") in kinds
    doc = tree(BASE.replace("1 地域の活性化\n\n", "", 1).rsplit("1 地域の活性化", 1)[0])
    assert any(n.kind == "toc_entry_not_in_body" for n in doc.notes)


def test_toc_title_and_page_mismatch():
    text = BASE.replace("1 地域の活性化\t・・・ 3", "1 地域活性化\t・・・ 3")
    doc = tree(text)
    assert any(n.kind == "toc_title_mismatch" for n in doc.notes)
    assert doc.issues[0].measures[0].title == "地域の活性化"


def test_unplaced_lines_become_notes():
    doc = tree(BASE.replace("経営課題 1 まちづくり\n", "迷子の行。\n\n経営課題 1 まちづくり\n"))
    assert [(n.kind, n.text) for n in doc.notes if n.kind == "unplaced_line"] == [
        ("unplaced_line", "迷子の行。")]


def test_document_of_another_family_says_so():
    doc = tree("令和7年度 予算の概要\n\n歳入 100千円\n")
    assert doc.issues == []
    assert {"no_issues", "no_toc", "unplaced_line"} <= {n.kind for n in doc.notes}


def test_bracketed_issue_heading_and_post_r5_plan_headings():
    doc = tree("令和 6 年度\n北区運営方針\n\n◆計画\n目標（何をめざすのか）\nめざす姿\n使命（どのような役割を担うのか）\n役割\n"
               "【経営課題1】 まちづくり\n・課題\n")
    assert (doc.plan.vision.text, doc.plan.mission.text) == ("めざす姿", "役割")
    assert [(i.number, i.title) for i in doc.issues] == [(1, "まちづくり")]


def test_form_feeds_give_pages_and_footers_give_printed_numbers():
    doc = tree(BASE.replace("経営課題 1 まちづくり", "\f経営課題 1 まちづくり") + "- 2 -\n")
    heading = doc.issues[0].heading
    assert (heading.page, heading.printed_page) == (2, 2)


def test_a_measure_printed_twice_is_reported_not_parsed_twice():
    page = "1 地域の活性化\n\n1) 見守り支援 【予算額 1千円】\n\n目 標 件数：10件（29年度：8件）\n"
    doc = tree(BASE.replace("1 地域の活性化\n\n", "", 1).replace("経営課題 1 まちづくり\n\n",
               "経営課題 1 まちづくり\n\n" + page + "\n" + page))
    project = only_project(doc)
    assert len(project.targets) == 1
    kinds = [n.kind for n in doc.notes]
    assert kinds.count("duplicate_heading") == 1
    assert kinds.count("unplaced_line") == 3  # the second copy's 事業, label and target line


def test_a_cover_takes_only_title_like_lines():
    doc = tree("令和7年度 予算の概要\n財政課\nこれは表紙ではなく本文の一文であり、表題として扱ってはならない。\n")
    assert doc.cover.title == "予算の概要 財政課"
    assert [(n.kind, n.text) for n in doc.notes if n.kind == "unplaced_line"] == [
        ("unplaced_line", "これは表紙ではなく本文の一文であり、表題として扱ってはならない。")]


def test_a_year_opening_a_row_of_figures_is_not_the_documents():
    """音威子府村 下水道事業経営戦略, p.1 (page image): 計画期間 平成28年度～平成37年度 and a table
    row 平成25年度 3,450円 平成25年度 4,075円; the plan names no one fiscal year."""
    doc = tree("音威子府村下水道事業経営戦略(案)\n計画期間:平成28年度~平成37年度\n"
               "平成25年度 3,450円 平成25年度 4,075円\n")
    assert doc.cover.fiscal_year_label is None


@pytest.mark.parametrize("cover, label", [("令和5年度 3月補正予算の概要", "令和5年度"),
                                          ("令和 6 年度 12月補正予算（第5号）", "令和6年度")])
def test_a_year_before_a_month_opens_the_title(cover, label):
    assert tree(cover + "\n").cover.fiscal_year_label == label


def test_plan_text_on_the_header_line_and_sentences_that_mention_the_policy():
    doc = tree("令和 6 年度\n北区運営方針\n\n◆計画\n北区の目標（何をめざすのか） 誰もが住み続けたいまち\n"
               "北区の使命（どのような役割を担うのか）\n区民の暮らしを支える。区長の方針に沿って取り組む。\n"
               "令和6年度 北区運営方針の基本的な考え方（区長の方針）\n対話を重ねる。\n経営課題 1 まちづくり\n")
    assert doc.plan.vision.text == "誰もが住み続けたいまち"
    assert doc.plan.mission.text == "区民の暮らしを支える。区長の方針に沿って取り組む。"
    assert doc.plan.policy.text == "対話を重ねる。"
