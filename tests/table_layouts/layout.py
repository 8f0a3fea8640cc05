"""One random budget-table layout: every axis drawn independently from ``random.Random(seed)``."""
from __future__ import annotations

import random
from dataclasses import dataclass

MM = 72 / 25.4

# the facts files whose rows are drawn (tests/facts/budget_tables/)
LISTS = {"continuing": "nankokushigikai__gikai_nankokushi_portal__r4_main_continuing_projects",
         "new": "nankokushigikai__gikai_nankokushi_portal__r4_main_new_projects"}
# name: (width, height) in mm
PAGE_SIZES = {"A4 landscape": (297, 210), "A4 portrait": (210, 297), "A3 landscape": (420, 297)}
RULES = ("full grid", "row rules", "frame and header rule", "none")
NEGATIVE_MARKS = ("△", "▲", "△ ")  # "△ ": the mark set apart from its digits
SIZES = (7, 7.5, 8, 8.5, 9, 9.5, 10)


@dataclass(frozen=True)
class Layout:
    seed: int
    list: str  # a key of LISTS
    rules: str
    header_lines: int  # 1, or 2: R4年度当初予 / 算額(千円)
    unit_note: bool  # (単位：千円) above the table's right edge instead of (千円) in the headers
    new_year_first: bool  # the R4 column left of the R3 one (the continuing list only)
    funding: bool  # the 財源内訳 group of columns is printed
    description: bool  # the 主な事業内容 column is printed
    full_width_digits: bool
    negative: str
    gothic: bool
    size: float  # body size in pt, before the table is shrunk to fit the page's width
    page: str
    narrow_names: bool  # the 事業名 column about half its longest name wide: names wrap
    title: bool  # R4年度当初予算に計上した主な継続事業 above the table
    forced_break: bool  # a page turn inside the table besides the page's own end
    break_at: float  # after which row, as a fraction of the rows
    repeat_header: bool  # the header (and a unit note) printed again on each later page
    total: bool  # a 合計 row at the end, its amounts the sums of the rows

    @property
    def page_size(self) -> tuple[float, float]:
        w, h = PAGE_SIZES[self.page]
        return w * MM, h * MM


def draw(seed: int) -> Layout:
    r = random.Random(seed)
    return Layout(
        seed=seed,
        list=r.choice(list(LISTS)),
        rules=r.choice(RULES),
        header_lines=r.choice((1, 2)),
        unit_note=r.random() < 0.5,
        new_year_first=r.random() < 0.5,
        funding=r.random() < 0.7,
        description=r.random() < 0.7,
        full_width_digits=r.random() < 0.5,
        negative=r.choice(NEGATIVE_MARKS),
        gothic=r.random() < 0.5,
        size=r.choice(SIZES),
        page=r.choice(list(PAGE_SIZES)),
        narrow_names=r.random() < 0.5,
        title=r.random() < 0.5,
        forced_break=r.random() < 0.5,
        break_at=round(r.uniform(0.2, 0.8), 3),
        repeat_header=r.random() < 0.5,
        total=r.random() < 0.5,
    )


def _only_continuing(value_of):
    """The new list prints one year (事業費) and no 増減: its layouts are "n/a (new list)"."""
    return lambda l: value_of(l) if l.list == "continuing" else "n/a (new list)"


# axis name → the value a layout has on it, as the per-axis table groups layouts
AXES = {
    "list": lambda l: l.list,
    "rules": lambda l: l.rules,
    "header": lambda l: "one line" if l.header_lines == 1 else "two lines",
    "unit": lambda l: "(単位：千円) note" if l.unit_note else "(千円) in headers",
    "year order": _only_continuing(lambda l: "new first" if l.new_year_first else "old first"),
    "財源内訳": lambda l: "printed" if l.funding else "absent",
    "主な事業内容": lambda l: "printed" if l.description else "absent",
    "digits": lambda l: "full-width" if l.full_width_digits else "half-width",
    "negative mark": _only_continuing(lambda l: repr(l.negative)),
    "font": lambda l: "gothic" if l.gothic else "mincho",
    "body size": lambda l: f"{l.size:g} pt",
    "page": lambda l: l.page,
    "事業名 column": lambda l: "narrow (names wrap)" if l.narrow_names else "wide",
    "title": lambda l: "printed" if l.title else "absent",
    "page break": lambda l: "forced inside" if l.forced_break else "page's end only",
    "later pages": lambda l: "header repeated" if l.repeat_header else "no header",
    "合計 row": lambda l: "printed" if l.total else "absent",
}

# the facts an axis can spoil directly (any axis may spoil any fact by a cascade)
AXIS_FACTS = {
    "negative mark": ("cells.change",),
    "事業名 column": ("rows.name",),
}
