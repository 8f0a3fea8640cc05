"""The 目次: its entries, and their reconciliation with the body headings.

Every 経営課題 and 施策 the document names ends up in the tree, whether the
目次 or the body names it; each one-sided entry is a Note.
"""
from __future__ import annotations

from dataclasses import dataclass

from .headings import ISSUE, MEASURE, PLAN, STRATEGY, TOC_CELL_ENTRY, TOC_LEADERS, TOC_PAGE, without_markers
from .lines import Line
from .tree import ManagementIssue, Measure, Note, TocEntry

# Lines after the last readable entry that are not entries end the 目次: the body begins.
_MAX_STRAY = 3
# Lines atop a page the 目次 goes on over that may precede its first entry (a
# running header the furniture band missed).
_PAGE_HEAD = 2


@dataclass
class _Entry:
    """The lines of one 目次 entry: a title, maybe wrapped, and its page number."""

    lines: list[Line]
    title: str
    page: int | None = None
    last: int = 0  # index of its last line in the document

    def open(self) -> bool:
        return self.page is None


def _starts_entry(title: str) -> bool:
    return bool(PLAN.match(title) or ISSUE.match(title) or MEASURE.match(title) or STRATEGY.match(title))


def _page_number(line: Line, carries_on: bool, column: float | None):
    """The entry's title and page: after leaders or a wide gap, or, in a 目次
    drawn as a ruled table or with bare numbers, after a single gap when the
    title is a heading, or when the line carries on an entry's title and ends
    in the page-number column (where the entry before ended)."""
    if m := TOC_PAGE.match(line.spaced):
        return m
    m = TOC_CELL_ENTRY.match(line.spaced)
    if m is None:
        return None
    if _starts_entry(m.group("title")):
        return m
    return m if carries_on and _in_column(line, column) else None


def _in_column(line: Line, column: float | None) -> bool:
    """``line`` ends where the 目次's page numbers end (``column``), within 2 em."""
    if line.bbox is None:
        return True  # a text file's line: the single gap is all there is
    return column is not None and abs(line.bbox[2] - column) <= 2 * (line.size or 10.0)


def _carries_on(entry: _Entry | None, line: Line) -> bool:
    """``line`` may carry on ``entry``, still waiting for its page number (a
    wrapped title, or the page number pushed onto the next line): in a PDF it
    is not set left of the entry's first line — indented under it, or level
    with it in a ruled cell."""
    if entry is None or not entry.open():
        return False
    first = entry.lines[0]
    if first.bbox is None or line.bbox is None:
        return True
    return line.bbox[0] > first.bbox[0] - 0.5 * (first.size or 10.0)


def _first_entry_on_page(lines: list[Line], i: int) -> int | None:
    """The index of the first line opening an entry on the page ``lines[i]``
    begins, if it comes within ``_PAGE_HEAD`` lines after it."""
    for k in range(i, min(i + _PAGE_HEAD + 1, len(lines))):
        if lines[k].page != lines[i].page:
            return None
        if _starts_entry(lines[k].spaced):
            return k
    return None


def read_toc(lines: list[Line], start: int) -> tuple[list[TocEntry], list[Note], int]:
    """The 目次 entries from ``lines[start]`` on, read one by one (title …
    leaders … page, a wrapped title carried on below its first line, the page
    number wherever it sits on the entry's lines, a 目次 going on over a page
    that opens with an entry), the notes on lines that are no entry, and the
    index where the body begins. A line that cannot be read costs its own
    entry, never its neighbours."""
    entries: list[_Entry] = []
    stray: list[int] = []
    end = start  # after the last entry that has its page number
    column = None  # where the last line that gave a page number ends
    page_opens = start  # where the 目次 goes on on the current page
    for i in range(start, len(lines)):
        line = lines[i]
        if PLAN.match(line.spaced) or i - end > _MAX_STRAY:
            break
        if i > start and line.page != lines[i - 1].page:
            page_opens = _first_entry_on_page(lines, i)
            if page_opens is None:
                break  # a new page goes on with the 目次 only if it opens with an entry
        if i < page_opens:
            stray.append(i)
            continue
        last = entries[-1] if entries else None
        carries_on = _carries_on(last, line)
        m = _page_number(line, carries_on, column)
        title = TOC_LEADERS.sub("", m.group("title") if m else line.spaced).strip()
        page = int(m.group("page")) if m else None
        opens = _starts_entry(title)
        if carries_on and not opens:
            last.lines.append(line)
            last.title += title
            last.page, last.last = page, i
        elif opens or (page is not None and title):
            entries.append(_Entry([line], title, page, i))
        else:
            stray.append(i)
            continue
        if page is not None:
            end = i + 1
            column = line.bbox[2] if line.bbox else None
    entries = [e for e in entries if e.last < end]
    notes = [Note("unreadable_toc_line", f"目次: not an entry: {lines[i].text}", lines[i].page)
             for i in stray if i < end]
    return _typed_entries(entries, notes), notes, end


def _typed_entries(entries: list[_Entry], notes: list[Note]) -> list[TocEntry]:
    """Each entry as a 計画, 経営課題, 施策 or other entry. A 施策 is listed under
    the 経営課題 before it; one numbered out of sequence there (its own
    経営課題's entry was unreadable) is reported, not filed under the wrong one."""
    out: list[TocEntry] = []
    issue_no, last_measure, lost = None, 0, False
    for e in entries:
        line = e.lines[0]
        if e.page is None:
            notes.append(Note("toc_entry_without_page", "目次: no page number: "
                              + " / ".join(l.text for l in e.lines), line.page))
        if PLAN.match(e.title):
            out.append(TocEntry("plan", _tidy(e.title), e.page, line=line))
        elif im := ISSUE.match(e.title):
            issue_no, last_measure, lost = int(im.group("no")), 0, False
            out.append(TocEntry("issue", _tidy(im.group("title") or ""), e.page, issue_no=issue_no, line=line))
        elif (mm := MEASURE.match(e.title) or STRATEGY.match(e.title)) and (issue_no is not None or lost):
            number = int(mm.group("no"))
            named = mm.groupdict().get("issue")  # 戦略1-2 names its 経営課題
            if lost or number <= last_measure or (named and int(named) != issue_no):
                notes.append(Note("unreadable_toc_line", f"目次: 施策 {number} after 施策 {last_measure} "
                                  f"(its 経営課題's entry unreadable?): {_tidy(e.title)}", line.page))
                lost = True
                continue
            last_measure = number
            out.append(TocEntry("measure", _tidy(mm.group("title")), e.page,
                                issue_no=issue_no, measure_no=number, line=line))
        else:
            out.append(TocEntry("other", _tidy(e.title), e.page, line=line))
    return out


def _tidy(raw: str) -> str:
    return Line(raw=raw, page=None).text


def _label(issue_no: int, measure_no: int | None = None) -> str:
    return f"経営課題{issue_no}" if measure_no is None else f"施策{issue_no}-{measure_no}"


def _compare(entry: TocEntry, node: ManagementIssue | Measure, label: str) -> list[Note]:
    notes = []
    page, printed = node.heading.page, node.heading.printed_page
    if without_markers(entry.title) != without_markers(node.title):  # 目次 may drop a (新)
        notes.append(Note("toc_title_mismatch",
                          f"{label}: 目次 says {entry.title!r}, body says {node.title!r}", page))
    if printed is not None and entry.page is not None and printed != entry.page:
        notes.append(Note("toc_page_mismatch",
                          f"{label} {node.title}: 目次 page {entry.page}, printed page {printed}", page))
    return notes


def reconcile(toc: list[TocEntry], issues: list[ManagementIssue]) -> list[Note]:
    """Attach 目次 entries to body headings, add the ones the body lacks, and
    return a Note for every entry or heading found on one side only."""
    notes: list[Note] = []
    if not toc:
        return notes
    by_issue = {i.number: i for i in issues}
    listed: set[str] = set()
    for entry in toc:
        if entry.kind == "issue":
            node = by_issue.get(entry.issue_no)
            if node is None:
                node = by_issue[entry.issue_no] = ManagementIssue(entry.issue_no, entry.title, None)
                issues.append(node)
        elif entry.kind == "measure":
            issue = by_issue[entry.issue_no]  # its 経営課題 entry came first
            node = next((m for m in issue.measures if m.number == entry.measure_no), None)
            if node is None:
                node = Measure(entry.measure_no, entry.title, None)
                issue.measures.append(node)
        else:
            continue
        label = _label(entry.issue_no, entry.measure_no)
        listed.add(label)
        if node.heading is None:
            page = "unreadable" if entry.page is None else entry.page
            notes.append(Note("toc_entry_not_in_body", f"{label} {entry.title} (目次 page {page})"))
        else:
            notes += _compare(entry, node, label)
        node.toc = entry
    for issue in issues:
        nodes = [(_label(issue.number), issue)]
        nodes += [(_label(issue.number, m.number), m) for m in issue.measures]
        for label, node in nodes:
            if node.heading is not None and label not in listed:
                notes.append(Note("heading_not_in_toc", f"{label} {node.title}", node.heading.page))
        issue.measures.sort(key=lambda m: m.number)
    issues.sort(key=lambda i: i.number)
    return notes
