"""One random layout: every axis drawn independently from ``random.Random(seed)``."""
from __future__ import annotations

import random
from dataclasses import dataclass

MM = 72 / 25.4

# name: (width, height) in mm
PAGE_SIZES = {
    "A4 portrait": (210, 297), "A4 landscape": (297, 210), "B4 portrait": (257, 364),
    "B4 landscape": (364, 257), "A3 landscape": (420, 297), "Letter portrait": (215.9, 279.4),
}
FONTS = ("IPAex mincho", "IPAex gothic", "CID mincho", "CID gothic")
HEADINGS = ("plain", "banner", "box", "underline", "bold face", "overprinted bold")
LABELS = ("目標", "目 標", "目\u3000標", "【目標】")
LABEL_PLACES = ("left cell", "above", "inline")
BUDGETS = ("inline bracket", "bracket at right edge", "next line", "right-aligned column",
           "captioned cell", "label/value row", "bracketless")
CONTENTS = ("leader dots", "ruled table", "bare page numbers", "long titles wrap",
            "long titles overflow")
CORNERS = ("top-left", "top-centre", "top-right", "bottom-left", "bottom-centre", "bottom-right")
PAGE_NUMBER_FORMS = ("- {} -", "－ {} －", "{}", "p.{}", "（{}）")
RUNNING_HEADERS = ("平成29年度 港区運営方針 概要版", "港区運営方針", "大阪市港区役所")
DASHES = ("ー", "－", "\u2212")
BREAKS = ("none", "inside 事業", "inside 目標")
# gaiyo: the sample's 概要版; reiwa: the 令和 form (【経営課題1】 banner, 課題認識 / 主な戦略,
# 戦略1-1, 具体的取組1-1-1 with （29年度予算額） on the next line, an アウトカム指標 label);
# youshiki: the 様式2 form (【戦略1-1】, each 具体的取組 a ruled table of label | value rows)
TEMPLATES = ("gaiyo", "reiwa", "youshiki")


@dataclass(frozen=True)
class Layout:
    seed: int
    page: str
    text_width_mm: float  # 90-180
    left_share: float  # where the text block sits in the free width: 0 flush left, 1 flush right
    top_margin_mm: float
    font: str
    body_size: float
    full_width_digits: bool
    heading: str
    label: str
    label_place: str
    budget: str
    contents: str
    running_header: str | None
    header_corner: str
    page_number_form: str
    page_number_corner: str
    justified: bool
    even_spacing: bool
    dash: str
    page_break: str
    break_at: float  # which 事業 / 目標 the break falls in, as a fraction of the candidates
    template: str  # drawn last, so a seed keeps its other axes whatever templates are added

    @property
    def page_size(self) -> tuple[float, float]:
        w, h = PAGE_SIZES[self.page]
        return w * MM, h * MM


def draw(seed: int) -> Layout:
    r = random.Random(seed)
    return Layout(
        seed=seed,
        page=r.choice(list(PAGE_SIZES)),
        text_width_mm=round(r.uniform(90, 180), 1),
        left_share=round(r.random(), 2),
        top_margin_mm=round(r.uniform(10, 30), 1),
        font=r.choice(FONTS),
        body_size=r.choice((9, 9.5, 10, 10.5, 11, 11.5, 12)),
        full_width_digits=r.random() < 0.5,
        heading=r.choice(HEADINGS),
        label=r.choice(LABELS),
        label_place=r.choice(LABEL_PLACES),
        budget=r.choice(BUDGETS),
        contents=r.choice(CONTENTS),
        running_header=r.choice((None, *RUNNING_HEADERS)),
        header_corner=r.choice(CORNERS),
        page_number_form=r.choice(PAGE_NUMBER_FORMS),
        page_number_corner=r.choice(CORNERS),
        justified=r.random() < 0.5,
        even_spacing=r.random() < 0.5,
        dash=r.choice(DASHES),
        page_break=r.choice(BREAKS),
        break_at=round(r.random(), 3),
        template=r.choice(TEMPLATES),
    )


def _width_band(mm: float) -> str:
    low = min(150, 90 + int((mm - 90) // 30) * 30)
    return f"{low}-{low + 30} mm"


def _only(templates: tuple[str, ...], value_of):
    """An axis a template's form fixes: its layouts are grouped as "n/a (template)",
    so the axis's own values are judged on the layouts that draw them."""
    return lambda l: value_of(l) if l.template in templates else f"n/a ({l.template})"


# axis name → the value a layout has on it, as the per-axis table groups layouts
AXES = {
    "template": lambda l: l.template,
    "page size": lambda l: l.page,
    "text width": lambda l: _width_band(l.text_width_mm),
    "text block": lambda l: ("flush left" if l.left_share < 1 / 3 else
                             "centred" if l.left_share < 2 / 3 else "flush right"),
    "top margin": lambda l: "10-20 mm" if l.top_margin_mm < 20 else "20-30 mm",
    "font": lambda l: l.font,
    "body size": lambda l: f"{l.body_size:g} pt",
    "digits": lambda l: "full-width" if l.full_width_digits else "half-width",
    "heading": lambda l: l.heading,
    "目標 label": _only(("gaiyo",), lambda l: l.label),  # 令和: アウトカム指標; 様式2: a label cell
    "目標 placement": _only(("gaiyo", "reiwa"), lambda l: l.label_place if l.template == "gaiyo"
                          else f"{l.label_place} (アウトカム指標)"),
    "budget placement": _only(("gaiyo",), lambda l: l.budget),  # the forms place it themselves
    "contents": lambda l: l.contents,
    "running header": lambda l: f"{l.header_corner}" if l.running_header else "none",
    "page number form": lambda l: l.page_number_form.format("3"),
    "page number corner": lambda l: l.page_number_corner,
    "lines": lambda l: "justified" if l.justified else "ragged",
    "even spacing": lambda l: "headings spaced" if l.even_spacing else "none",
    "dash in amounts": lambda l: {"ー": "ー (choon)", "－": "－ (U+FF0D)", "\u2212": "− (U+2212)"}[l.dash],
    "page break": lambda l: l.page_break,
}

# the facts an axis can spoil directly (any axis may spoil any fact by a cascade;
# the axes are drawn independently, so values of one axis compare fairly)
AXIS_FACTS = {
    "budget placement": ("projects.",),
    "dash in amounts": ("projects.",),
    "目標 label": ("targets.",),
    "目標 placement": ("targets.",),
    "contents": ("issues.", "measures."),
}
