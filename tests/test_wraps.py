"""extract.layout: which lines are soft wraps of the line before (``wrapped``),
on the 経営課題 page as the random layouts set it (tests/layouts/, seeds 18, 21, 34)."""
from extract.layout import carry_over_page, mark_wraps
from extract.lines import Line

RIGHT = 568.0  # where the column's full lines end


def line(raw: str, left: float, top: float, right: float = RIGHT, page: int = 5) -> Line:
    return Line(raw=raw, page=page, bbox=(left, top, right, top + 12.0), size=12.0, bold=True)


def wraps(lines: list[Line]) -> list[bool]:
    return [l.wrapped for l in mark_wraps(lines, RIGHT)]


def test_a_heading_under_a_bullets_last_full_hanging_line_opens_a_paragraph():  # seed 21
    lines = [line("・自律的、持続的な地域運営を促進するため、社会的信用を高", 206, 347),
             line("める取組や地域活動へのビジネス的手法の導入を促進します。", 222, 365, 558),
             line("区民主体のまちづくり", 206, 385, 326)]
    assert wraps(lines) == [False, True, False]


def test_a_paragraph_indented_on_its_first_line_still_wraps():
    lines = [line("　地域団体や企業・NPO など、様々な団体が話し合い、地域の活性", 206, 443),
             line("化に向けて、地域活動や課題解決に取り組む", 194, 461, 450)]
    assert wraps(lines) == [False, True]


def test_the_list_of_main_projects_closes_its_paragraph_at_its_他():  # seed 34
    lines = [line("地域活動協議会に対する補助事業・新たな地域コミュニティ支援事業 他", 206, 405, 565),
             line("地域団体や企業・NPO など、様々な団体が話し合い、地域の活性", 206, 423)]
    assert wraps(lines) == [False, False]
    wrapped_list = [line("地域活動協議会に対する補助事業・新たな地域コミュニティ支援事", 206, 405),
                    line("業 他", 206, 423, 233)]
    assert wraps(wrapped_list) == [False, True]


def test_a_paragraph_cut_by_the_page_break_goes_on_over_it():  # seed 18
    last = line("地域の活性化に向けて、地域活動や課題解決に取り組", 253, 513, 566)
    first = line("むことができるよう支援し、豊かなコミュニティづく", 253, 49, page=6)
    assert carry_over_page(last, RIGHT, first).wrapped
    heading = Line(raw="１ 豊かなコミュニティの促進", page=6, bbox=(253, 49, 467, 64), size=15.0, bold=True)
    assert not carry_over_page(last, RIGHT, heading).wrapped  # set otherwise
    short = line("づくりを進める。", 253, 513, 340)
    assert not carry_over_page(short, RIGHT, first).wrapped  # the paragraph had ended
    bullet = line("・地域におけるつながりやきずなの大切さを啓発し", 253, 49, page=6)
    assert not carry_over_page(last, RIGHT, bullet).wrapped
