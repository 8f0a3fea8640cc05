"""The 目次: its entries, and their reconciliation with the body headings.

Every 経営課題 and 施策 the document names ends up in the tree, whether the
目次 or the body names it; each one-sided entry is a Note.
"""
from __future__ import annotations

from .headings import ISSUE, MEASURE, PLAN, STRATEGY, TOC_CELL_ENTRY, TOC_ENTRY, without_markers
from .lines import Line
from .tree import ManagementIssue, Measure, Note, TocEntry


def parse_toc_entry(line: Line, issue_no: int | None) -> TocEntry | None:
    """An entry with leaders (title ・・・ 2), or a ruled table's row (title 2)
    when its title is a heading: any line ending in a number is not an entry."""
    cell = None
    m = TOC_ENTRY.match(line.spaced)
    if not m:
        m = cell = TOC_CELL_ENTRY.match(line.spaced)
        if not m:
            return None
    title, page = m.group("title").strip(), int(m.group("page"))
    tidy_title = Line(raw=title, page=None).text
    if PLAN.match(title):
        return TocEntry("plan", tidy_title, page, line=line)
    if (im := ISSUE.match(title)) and im.group("title"):
        return TocEntry("issue", Line(raw=im.group("title"), page=None).text, page,
                        issue_no=int(im.group("no")), line=line)
    mm = MEASURE.match(title) or STRATEGY.match(title)
    if mm and issue_no is not None and int(mm.groupdict().get("issue") or issue_no) == issue_no:
        return TocEntry("measure", Line(raw=mm.group("title"), page=None).text, page,
                        issue_no=issue_no, measure_no=int(mm.group("no")), line=line)
    return None if cell else TocEntry("other", tidy_title, page, line=line)


def _label(issue_no: int, measure_no: int | None = None) -> str:
    return f"経営課題{issue_no}" if measure_no is None else f"施策{issue_no}-{measure_no}"


def _compare(entry: TocEntry, node: ManagementIssue | Measure, label: str) -> list[Note]:
    notes = []
    page, printed = node.heading.page, node.heading.printed_page
    if without_markers(entry.title) != without_markers(node.title):  # 目次 may drop a (新)
        notes.append(Note("toc_title_mismatch",
                          f"{label}: 目次 says {entry.title!r}, body says {node.title!r}", page))
    if printed is not None and printed != entry.page:
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
            notes.append(Note("toc_entry_not_in_body", f"{label} {entry.title} (目次 page {entry.page})"))
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
