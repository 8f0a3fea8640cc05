"""extract.plan: the ◆計画 headers, also when one wraps in a narrow column.
The lines are set as the random layouts set them (tests/layouts/, seeds 5, 10, 13)."""
from extract.lines import Line
from extract.plan import PlanBlock

HEAD, BODY = 13.8, 12.0


def line(raw: str, top: float, size: float = BODY, bold: bool = False, wrapped: bool = False,
         left: float = 321.0) -> Line:
    return Line(raw=raw, page=4, bbox=(left, top, 640.0, top + size), size=size, bold=bold, wrapped=wrapped)


def read(lines: list[Line]) -> dict[str, str]:
    plan = PlanBlock()
    assert all(plan.feed(l) for l in lines)
    return {name: "".join(l.text for l in ls) for name, ls in plan.fields.items()}


VISION = [line("港 区 の 目 標 （ 何 を め ざ す の か ）", 110, HEAD, True),
          line("いちばん住みたいまち、住んで誇りに思えるまち、港区の", 137),
          line("実現", 155, wrapped=True)]
MISSION_TEXT = [line("豊かなコミュニティの形成や多様な協働による活力とうる", 225),
                line("区役所づくりを進める。", 243, wrapped=True)]
POLICY_TEXT = [line("港区民のつながりの強さや、築港・天保山エリアが持つ歴", 355),
               line("して施策・事業に重点的に取り組む。", 373, wrapped=True)]
EXPECTED = {"vision": "いちばん住みたいまち、住んで誇りに思えるまち、港区の実現",
            "mission": "豊かなコミュニティの形成や多様な協働による活力とうる区役所づくりを進める。",
            "policy": "港区民のつながりの強さや、築港・天保山エリアが持つ歴して施策・事業に重点的に取り組む。"}


def test_a_header_wrapped_as_a_soft_wrap():  # seed 5: 目標's text glued the 使命 header on
    lines = [*VISION,
             line("港 区 の 使 命 （ ど の よ う な 役 割 を 担 う の", 178, HEAD, True),
             line("か ）", 198, HEAD, True, wrapped=True), *MISSION_TEXT,
             line("平成 ２９ 年度 港区運営方針の基本的な考え方（区長の方", 317),
             line("針）", 335, wrapped=True), *POLICY_TEXT]
    assert read(lines) == EXPECTED


def test_a_header_wrapped_right_under_itself_without_a_wrap_mark():  # seed 13
    lines = [*VISION,
             line("港 区 の使命（ど のよう な 役割を担う の", 163, HEAD, True),
             line("か）", 182, HEAD, True), *MISSION_TEXT,
             line("平成 ２９ 年度 港区運営方針の基本的な考え方（区長の方針）", 317, wrapped=True), *POLICY_TEXT]
    assert read(lines) == EXPECTED


def test_a_header_that_is_one_already_before_its_wrap():  # seed 10: 考え方 / （区長の方針）
    lines = [*VISION, line("港区の使命（どのような役割を担うのか）", 178, HEAD, True), *MISSION_TEXT,
             line("平成 ２９ 年度 港区運営方針の基本的な考え方", 297, bold=True),
             line("（区長の方針）", 315, bold=True, wrapped=True), *POLICY_TEXT]
    assert read(lines) == EXPECTED


def test_a_line_set_otherwise_is_no_part_of_the_header():
    # the second line is body text, not the header's end: the first line alone is no header
    lines = [*VISION, line("港区の使命（どのような役割を担うの", 178, HEAD, True), line("か）", 198, wrapped=True)]
    assert read(lines) == {"vision": EXPECTED["vision"] + "港区の使命(どのような役割を担うのか)"}
