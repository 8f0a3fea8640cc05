"""Segment lines into the document tree (cover → 目次 → ◆計画 → 経営課題 → 施策 → 事業 → 目標).

One pass over the lines. A heading is accepted only when its pattern, its
title, its style (PDF) and its number (next in sequence or listed in the 目次)
agree, so wrapped fragments such as ``8 社)`` never open a 施策. Every line
that cannot be placed becomes a Note.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

from .budgets import from_bracket, from_label, on_heading
from .cover import read_cover, titled_by_first_table
from .headings import (
    BUDGET_LABEL, BUDGET_LABEL_AND_VALUE, BUDGET_ONLY, BUDGET_SUM_LINE, BULLET, INITIATIVE, ISSUE,
    ISSUE_BUDGET_TOTAL, MEASURE, PLAN, PROJECT, STRATEGY, TOC_HEAD, emphasized,
    title_like,
)
from .kpi import KpiRow, find_kpis
from .layout import is_label
from .plan import PlanBlock
from .template import detect_template
from .lines import Line, Span
from .source import SourceText
from .targets import split_targets
from .toc import read_toc, reconcile
from .tree import Document, Indicator, ManagementIssue, Measure, Note, Plan, Project, TocEntry
from rules.headings import FORM_TITLE
from rules.labels import DESCRIPTION_LABEL, INDICATOR_KINDS, ISSUE_SECTION, ISSUE_SECTION_KINDS


def body_font_size(lines: list[Line]) -> float | None:
    sizes = Counter()
    for line in lines:
        if line.size:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else None


def _tidy(raw: str) -> str:
    return Line(raw=raw, page=None).text


def _as_heading(line: Line, heading: Line) -> bool:
    """``line`` may go on ``heading``'s title: no smaller than it, and a soft wrap
    or set past the heading's number (hanging under its title)."""
    em = heading.size or 10.0
    if line.size and heading.size and line.size < heading.size - 0.3:
        return False
    return line.wrapped or bool(heading.bbox and line.bbox[0] > heading.bbox[0] + 0.5 * em)


class _Builder:
    def __init__(self, body_size: float | None, toc: list[TocEntry]):
        self.body_size = body_size
        self.toc_keys = {(e.issue_no, e.measure_no) for e in toc if e.kind == "measure"}
        self.plan = PlanBlock()
        self.issues: list[ManagementIssue] = []
        self.budget_totals: list[Span] = []  # the ward's printed totals
        self.notes: list[Note] = []
        self.section: str | None = None  # plan|issue|measure|project|target|after_target|lost|duplicate
        self.issue: ManagementIssue | None = None
        self.measure: Measure | None = None
        self.project: Project | None = None
        self.item: list[Line] | None = None  # the open paragraph or bullet
        self.sink: list[Span] | None = None  # where the open item goes when closed
        self.target_block: list[Line] = []
        self.target_owner: Project | Measure | None = None  # where the open 目標 block goes
        self.target_kind = "target"  # what its label calls it (rules.labels.INDICATOR_KINDS)
        self.issue_banner: Line | None = None  # 【経営課題1】 alone: its title is the next line
        self.issue_part: str | None = None  # 令和: the 経営課題 section label last seen (課題認識 …)
        self.target_bounded = False  # the label had a box: the block is its cell
        self.target_label: Line | None = None  # the label that opened it
        self.budget_label: tuple[Line, regex.Match] | None = None  # 予算額(予算科目), its value pending
        # the owner whose 目標 block was followed by an unplaced line: a heading may have been
        # lost there, so a further 目標 label cannot be given to this owner
        self.lost_after: Project | Measure | None = None
        self.previous: Line | None = None  # the line fed before this one

    # -- items ---------------------------------------------------------------
    def open_item(self, line: Line, sink: list[Span]) -> None:
        self.close_item()
        self.item, self.sink = [line], sink

    def close_item(self) -> None:
        if self.item and self.sink is not None:
            self.sink.append(Span.of(self.item))
        self.item = self.sink = None

    def close_targets(self) -> None:
        if self.section == "target":
            self.target_owner.targets.extend(
                Indicator(span, self.target_kind) for span in split_targets(self.target_block))
            self.target_block = []
            self.section = "after_target"

    def unplaced(self, line: Line) -> None:
        self.close_item()
        if self.section == "after_target":
            self.lost_after = self.target_owner
        self.notes.append(Note("unplaced_line", line.text, line.page))

    def new_section(self, section: str) -> None:
        self.close_item()
        self.close_targets()
        self.section = section

    # -- headings ------------------------------------------------------------
    def issue_heading(self, line: Line) -> bool:
        m = ISSUE.match(line.spaced)
        if not m:
            return False
        if m.group("banner") and not m.group("title"):  # 【経営課題1】 alone: the title follows
            if self.issue and self.issue.number == int(m.group("no")):  # repeated on each page
                self.notes.append(Note("repeated_heading", line.text, line.page))
            else:
                self.issue_banner = line
            return True
        return self.open_issue(m, _tidy(m.group("title") or ""), [line])

    def banner_title(self, line: Line) -> None:
        """The line after a 【経営課題1】 banner is its title; if it is not one,
        the banner is reported and the line read as usual."""
        banner, self.issue_banner = self.issue_banner, None
        if title_like(line.text) and self.open_issue(ISSUE.match(banner.spaced), line.text, [banner, line]):
            return
        self.notes.append(Note("unplaced_line", f"{banner.text} (no title after it)", banner.page))
        self.feed(line)

    def open_issue(self, m, title: str, lines: list[Line]) -> bool:
        line = lines[0]
        total = ISSUE_BUDGET_TOTAL.search(title)
        if total:  # 経営課題1 title (29年度予算額 N千円)
            title = title[:total.start()].rstrip()
        if not title_like(title):
            return False
        number = int(m.group("no"))
        if self.issue and self.issue.number == number:  # a repeated running section title
            self.notes.append(Note("repeated_heading", line.text, line.page))
            return True
        if any(i.number == number for i in self.issues):
            self.issue = None
            return self.reported(line, "duplicate_heading", f"経営課題{number} appears again")
        self.new_section("issue")
        self.issue = ManagementIssue(number, title, Span.of(lines))
        self.issue_part = None
        if total:
            self.issue.budget_totals.append(Span(total.group(), (lines[-1],)))
        self.issues.append(self.issue)
        self.measure = self.project = None
        return True

    def measure_heading(self, line: Line) -> bool:
        """施策 ``1 title`` or 戦略 ``戦略1-1 title`` / ``【1-1】title`` of the current 経営課題."""
        m = MEASURE.match(line.spaced) or STRATEGY.match(line.spaced)
        if not (m and self.issue and emphasized(line, self.body_size)):
            return False
        if "issue" in m.groupdict() and int(m.group("issue")) != self.issue.number:
            if not (m.group("word") or m.group("open")):  # 3-4 月…: a bare pair may be prose
                return False
            # 経営課題1-(3) / 戦略1-3 under 経営課題2: not this 経営課題's, nor its text
            return self.reported(line, "unplaced_line", f"{_tidy(line.spaced[:m.start('title')])} "
                                 f"under 経営課題{self.issue.number}")
        number, title = int(m.group("no")), _tidy(m.group("title"))
        expected = (self.issue.measures[-1].number + 1) if self.issue.measures else 1
        listed = (self.issue.number, number) in self.toc_keys
        if not title_like(title) or not (number == expected or listed):
            return False
        if any(m.number == number for m in self.issue.measures):
            return self.reported(line, "duplicate_heading", f"施策{self.issue.number}-{number} appears again")
        self.new_section("measure")
        self.measure = Measure(number, title, Span.of([line]))
        self.issue.measures.append(self.measure)
        self.project = None
        return True

    def reported(self, line: Line, kind: str, why: str) -> bool:
        """A heading that cannot be placed (seen before: a page printed twice; or
        numbered under another 経営課題): its lines are reported as unplaced rather
        than parsed into the previous heading's 事業 and 目標."""
        self.new_section("duplicate")
        self.measure = self.project = None
        self.notes.append(Note(kind, f"{why}; its lines are reported, not parsed: {line.text}", line.page))
        return True

    def project_heading(self, line: Line) -> bool:
        """事業 ``1) title`` or 具体的取組 ``具体的取組1-1-1 title`` of the current 施策/戦略."""
        m = PROJECT.match(line.spaced) or INITIATIVE.match(line.spaced)
        if not (m and self.measure and emphasized(line, self.body_size)):
            return False
        if "measure" in m.groupdict() and (int(m.group("issue")), int(m.group("measure"))) != (
                self.issue.number, self.measure.number):
            return False
        number, title = int(m.group("no")), _tidy(m.group("title"))
        last = self.measure.projects[-1].number if self.measure.projects else 0
        if not title_like(title) or number <= last:
            return False
        # a marker before the number or after the budget stays with the title
        title = _tidy((m.group("marker") or "") + title + (m.group("last") or ""))
        if number != last + 1:
            self.notes.append(Note("numbering_gap", f"事業 {last} → {number}: {line.text}", line.page))
        self.new_section("project")
        budget = on_heading(_tidy(m.group("budget")), (line,)) if m.groupdict().get("budget") else None
        self.project = Project(number, title, Span.of([line]), budget=budget)
        self.measure.projects.append(self.project)
        return True

    def heading_continuation(self, line: Line) -> bool:
        """A project title wrapped onto a second heading-style line, often with the budget:
        a soft wrap, or a line hanging under the title (wrapped short of a budget cell
        beside it), in the heading's face and size (a body line is never one); or the
        next line of a 様式2 title cell (indented past the 具体的取組 label cell, in the body face)."""
        p = self.project
        if not (self.section == "project" and p and p.budget is None and self.item is None
                and not p.description and not p.activities and line.bbox
                and ((emphasized(line, self.body_size) and _as_heading(line, p.heading.lines[0]))
                     or (_continues(line, p.heading.lines[-1]) and _in_title_cell(line, p.heading.lines[-1])))):
            return False
        merged = PROJECT.match(f"{p.number}) {p.title}{line.spaced}")
        p.title = _tidy(merged.group("title"))
        p.heading = Span.of([*p.heading.lines, line])
        if merged.group("budget"):
            p.budget = on_heading(_tidy(merged.group("budget")), (line,))
        return True

    def title_continuation(self, line: Line) -> bool:
        """A 経営課題 or 施策 title wrapped onto a second line set like the
        heading, right under it (…まちづく / り): the gap between them is at
        most the line spacing of a wrapped line (a heading's own 均等割付 may
        end its first line short of the right edge, so the wrap mark is no test), or
        a soft wrap or hanging indent under it (a 戦略 title in the 令和 form)."""
        node = {"issue": self.issue, "measure": self.measure}.get(self.section)
        prev = self.previous
        if not (node and node.heading and prev is node.heading.lines[-1] and self.item is None
                and line.bbox and prev.bbox and line.page == prev.page and line.size and prev.size
                and abs(line.size - prev.size) < 0.5 and emphasized(line, self.body_size)
                and not BULLET.match(line.text)
                and (0 <= line.bbox[1] - prev.bbox[3] <= 0.6 * line.size or _continues(line, prev))):
            return False
        title = _tidy(node.title + line.spaced)
        if not title_like(title) or ISSUE_BUDGET_TOTAL.search(title):
            return False
        node.title, node.heading = title, Span.of([*node.heading.lines, line])
        return True

    def budget_label_line(self, line: Line) -> bool:
        """A 事業's budget label with its value after it on the line, or on the
        next line (予算額(予算科目))."""
        if not (self.section == "project" and self.project.budget is None
                and not self.project.description):  # below the heading, as 【予算額】 alone
            return False
        if m := BUDGET_LABEL.match(line.text):
            self.close_item()
            self.budget_label = (line, m)
            return True
        if (m := BUDGET_LABEL_AND_VALUE.match(line.text)) and (
                budget := from_label(m, m.group("value"), (line,))):
            self.close_item()
            self.project.budget = budget
            return True
        return False

    def budget_value(self, line: Line | None) -> bool:
        """The line after a budget label: its value. Any other line (or none)
        leaves the budget missing, with a note: it is never taken for an amount."""
        label, match = self.budget_label
        self.budget_label = None
        budget = line and from_label(match, line.raw, (label, line))
        if budget:
            self.project.budget = budget
            return True
        after = f"the next line is not an amount: {line.text}" if line else "it ends the document"
        p = self.project
        self.notes.append(Note("budget_label_without_value",
                               f"事業 {p.number}) {p.title}: {label.text} has no value; {after}", label.page))
        return False

    def budget_total(self, line: Line) -> bool:
        """A printed total: a 経営課題's right under its heading, the ward's outside any 経営課題."""
        text = line.text
        if self.section == "issue" and (ISSUE_BUDGET_TOTAL.fullmatch(text) or BUDGET_SUM_LINE.match(text)):
            sink = self.issue.budget_totals
        elif self.issue is None and BUDGET_SUM_LINE.match(text):
            sink = self.budget_totals
        else:
            return False
        self.close_item()
        sink.append(Span(text, (line,)))
        return True

    # -- content -------------------------------------------------------------
    def plan_line(self, line: Line) -> None:
        if not self.plan.feed(line):
            self.unplaced(line)

    def content(self, line: Line) -> None:
        bullet = bool(BULLET.match(line.text))
        continues = line.wrapped and not bullet and self.item is not None
        if continues:
            self.item.append(line)
        elif self.section == "plan":
            self.plan_line(line)
        elif self.section == "issue" and self.issue_part:
            self.open_item(line, self.issue.sections.setdefault(self.issue_part, []))
        elif self.section == "issue":
            if bullet and not self.issue.strategy:
                self.open_item(line, self.issue.challenges)
            else:
                self.open_item(line, self.issue.strategy)
        elif self.section == "measure" and bullet:
            self.open_item(line, self.measure.policies)
        elif self.section == "project":
            p = self.project
            if (m := BUDGET_ONLY.match(line.text)) and p.budget is None and not p.description:
                self.close_item()
                p.budget = from_bracket(m.group("budget"), (line,))
            else:
                self.open_item(line, p.activities if bullet else p.description)
        else:
            self.unplaced(line)

    def labelled_line(self, line: Line) -> bool:
        """A section label of a 経営課題 (課題認識, 主な戦略) or a 具体的取組's 取組内容
        label cell, whose text beside it opens the description."""
        if self.section == "issue" and (m := ISSUE_SECTION.match(line.text)):
            self.close_item()
            self.issue_part = ISSUE_SECTION_KINDS[m.group("label")]
            return True
        if self.section == "project" and (m := DESCRIPTION_LABEL.match(line.spaced)):
            self.close_item()
            if m.group("rest"):
                self.content(replace(line, raw=m.group("rest"), text="", wrapped=False))
            return True
        return False

    def feed(self, line: Line) -> None:
        self._feed(line)
        self.previous = line

    def _feed(self, line: Line) -> None:
        if self.budget_label and self.budget_value(line):
            return
        if self.issue_banner:
            self.banner_title(line)
            return
        form = FORM_TITLE.match(line.spaced)
        if PLAN.match(line.spaced) or (form and form.group("no") == "1"):
            self.new_section("plan")
            return
        if form:  # 様式2: the form's title, no content of its own
            return
        if self.section == "target" and self.target_bounded and line.cell is None:
            if self.target_block or self.target_label.extent is not None:
                self.close_targets()  # left the 目標 cell
            else:  # a label on its own line, unruled, its text below it: the block runs on
                self.target_bounded = False
        if self.issue_heading(line) or self.measure_heading(line) or self.project_heading(line):
            return
        if is_label(line):
            # a 戦略's own indicators (no 具体的取組 yet, or after its last one's targets)
            owner = self.project or (self.measure if self.section == "measure" else None)
            if owner is None:
                self.unplaced(line)
                return
            if owner is self.lost_after:  # its 目標 would be another 事業's: reported, not given
                self.new_section("lost")
                self.unplaced(line)
                return
            self.new_section("target")
            self.target_owner, self.target_kind = owner, INDICATOR_KINDS[line.text]
            self.target_bounded, self.target_label = line.bbox is not None, line
            return
        if self.section == "target":
            self.target_block.append(line)
        elif not (self.budget_label_line(line) or self.heading_continuation(line)
                  or self.title_continuation(line) or self.budget_total(line) or self.labelled_line(line)):
            self.content(line)

    def finish(self) -> tuple[Plan, list[ManagementIssue], list[Note]]:
        if self.budget_label:
            self.budget_value(None)
        if self.issue_banner:
            self.notes.append(Note("unplaced_line", f"{self.issue_banner.text} (no title after it)",
                                   self.issue_banner.page))
        self.new_section("")
        plan = Plan(**{name: Span.of(lines) for name, lines in self.plan.fields.items() if lines})
        return plan, self.issues, self.notes


def _continues(line: Line, heading: Line) -> bool:
    """A heading's next line: marked wrapped, or (a hanging indent is no wrap to
    the reader) right under it, indented past its start, in its size."""
    if not (line.bbox and heading.bbox and line.page == heading.page):
        return False
    if line.wrapped:
        return True
    size = heading.size or 10.5
    return (0 <= line.bbox[1] - heading.bbox[3] < 0.8 * size and line.bbox[0] > heading.bbox[0] + size / 2
            and abs((line.size or size) - size) < 0.5)


def _in_title_cell(line: Line, heading: Line) -> bool:
    """様式2: the title cell's next line, right of the 具体的取組 label cell (a 令和
    budget line or description starts under the heading, within two characters)."""
    return (INITIATIVE.match(heading.spaced) is not None and heading.bbox is not None
            and line.bbox[0] > heading.bbox[0] + 2 * (line.size or 10.5) and line.cell is None
            and not BULLET.match(line.text) and BUDGET_ONLY.match(line.text) is None)


def _first_block_end(lines: list[Line]) -> int:
    """Without any structural marker the cover is only the first page (PDF) or
    the first block of lines (text), so the rest is placed or reported, never
    swallowed."""
    if not lines:
        return 0
    first = lines[0]
    for i, line in enumerate(lines[1:], start=1):
        if (line.page != first.page) if first.page is not None else not line.wrapped:
            return i
    return len(lines)


def _split_front_matter(lines: list[Line]
                        ) -> tuple[list[Line], list[TocEntry], list[Note], list[Line]]:
    """cover lines, 目次 entries, notes on the 目次, body lines."""
    toc_at = next((i for i, l in enumerate(lines) if TOC_HEAD.match(l.spaced)), None)
    if toc_at is None:
        start = next((i for i, l in enumerate(lines)
                      if PLAN.match(l.spaced) or ISSUE.match(l.spaced)), None)
        if start is None:
            start = _first_block_end(lines)
        return lines[:start], [], [], lines[start:]
    entries, notes, end = read_toc(lines, toc_at + 1)
    return lines[:toc_at], entries, notes, lines[end:]


def build_tree(source: SourceText) -> Document:
    cover_lines, toc, toc_notes, body = _split_front_matter(source.lines)
    builder = _Builder(body_font_size(source.lines), toc)
    for line in body:
        builder.feed(line)
    plan, issues, notes = builder.finish()
    cover = titled_by_first_table(read_cover(cover_lines), source.tables)
    notes = [*source.notes,
             *(Note("no_text_layer", f"page {p} has no text layer (scanned image?)", p)
               for p in source.pages_without_text),
             *(Note("unplaced_line", line.text, line.page) for line in cover.unplaced), *toc_notes,
             *notes]
    if not toc:
        notes.append(Note("no_toc", "no 目次 found: headings cannot be checked against it"))
    notes += reconcile(toc, issues)
    template, template_notes = detect_template(
        source.lines, [n.text for n in notes if n.kind == "unplaced_line"])
    notes += template_notes
    kpis = []
    if not issues:
        notes.append(Note("no_issues", "no 経営課題 found: not a 運営方針 概要版 layout?"))
        kpis, notes = _generic_targets(source.lines, notes)
    return Document(
        cover=cover,
        toc=toc,
        plan=plan,
        issues=issues,
        notes=notes,
        page_count=source.page_count,
        metadata=source.metadata,
        budget_totals=builder.budget_totals,
        kpis=kpis,
        template=template,
        tables=source.tables,
    )


def _generic_targets(lines: list[Line], notes: list[Note]) -> tuple[list[KpiRow], list[Note]]:
    """Targets the generic rules find in a document of another family; their
    lines are no longer unplaced, the rows they cannot read are reported."""
    found = find_kpis(lines)
    placed = {(l.text, l.page) for row in found.rows for l in row.lines}
    notes = [n for n in notes if not (n.kind == "unplaced_line" and (n.text, n.page) in placed)]
    notes += [Note("unreadable_kpi_row", span.text, span.page) for span in found.unreadable]
    return found.rows, notes
