"""The 目次: its entries, and their reconciliation with the body headings.

Every 経営課題 and 施策 the document names ends up in the tree, whether the
目次 or the body names it; each one-sided entry is a Note.
"""
from __future__ import annotations

from .headings import ISSUE, MEASURE, PLAN, TOC_ENTRY
from .lines import Line
from .tree import ManagementIssue, Measure, Note, TocEntry


def parse_toc_entry(line: Line, issue_no: int | None) -> TocEntry | None:
    m = TOC_ENTRY.match(line.spaced)
    if not m:
        return None
    title, page = m.group("title").strip(), int(m.group("page"))
    tidy_title = Line(raw=title, page=None).text
    if PLAN.match(title):
        return TocEntry("plan", tidy_title, page, line=line)
    if im := ISSUE.match(title):
        return TocEntry("issue", Line(raw=im.group("title"), page=None).text, page,
                        issue_no=int(im.group("no")), line=line)
    if (mm := MEASURE.match(title)) and issue_no is not None:
        return TocEntry("measure", Line(raw=mm.group("title"), page=None).text, page,
                        issue_no=issue_no, measure_no=int(mm.group("no")), line=line)
    return TocEntry("other", tidy_title, page, line=line)


def _compare(entry: TocEntry, heading_title: str, printed_page: int | None,
             page: int | None, what: str) -> list[Note]:
    notes = []
    if entry.title != heading_title:
        notes.append(Note("toc_title_mismatch",
                          f"{what}: 目次 says {entry.title!r}, body says {heading_title!r}", page))
    if printed_page is not None and printed_page != entry.page:
        notes.append(Note("toc_page_mismatch",
                          f"{what} {heading_title}: 目次 page {entry.page}, printed page {printed_page}",
                          page))
    return notes


def reconcile(toc: list[TocEntry], issues: list[ManagementIssue]) -> list[Note]:
    """Attach 目次 entries to body headings, add the ones the body lacks, and
    return a Note for every entry or heading found on one side only."""
    notes: list[Note] = []
    if not toc:
        return notes
    by_issue = {i.number: i for i in issues}
    seen: set[tuple[int, int | None]] = set()
    for entry in toc:
        if entry.kind == "issue":
            key = (entry.issue_no, None)
            issue = by_issue.get(entry.issue_no)
            if issue is None:
                issue = by_issue[entry.issue_no] = ManagementIssue(entry.issue_no, entry.title, None)
                issues.append(issue)
                notes.append(Note("toc_entry_not_in_body",
                                  f"経営課題{entry.issue_no} {entry.title} (目次 page {entry.page})"))
            else:
                h = issue.heading
                notes += _compare(entry, issue.title, h and h.printed_page, h and h.page,
                                  f"経営課題{entry.issue_no}")
            issue.toc = entry
        elif entry.kind == "measure":
            key = (entry.issue_no, entry.measure_no)
            issue = by_issue.get(entry.issue_no)
            if issue is None:  # a measure under an issue the 目次 did not list
                continue
            measure = next((m for m in issue.measures if m.number == entry.measure_no), None)
            if measure is None:
                measure = Measure(entry.measure_no, entry.title, None)
                issue.measures.append(measure)
                notes.append(Note("toc_entry_not_in_body",
                                  f"施策{entry.issue_no}-{entry.measure_no} {entry.title} "
                                  f"(目次 page {entry.page})"))
            else:
                h = measure.heading
                notes += _compare(entry, measure.title, h and h.printed_page, h and h.page,
                                  f"施策{entry.issue_no}-{entry.measure_no}")
            measure.toc = entry
        else:
            continue
        seen.add(key)
    for issue in issues:
        if issue.heading is not None and (issue.number, None) not in seen:
            notes.append(Note("heading_not_in_toc", f"経営課題{issue.number} {issue.title}",
                              issue.heading.page))
        for measure in issue.measures:
            if measure.heading is not None and (issue.number, measure.number) not in seen:
                notes.append(Note("heading_not_in_toc",
                                  f"施策{issue.number}-{measure.number} {measure.title}",
                                  measure.heading.page))
        issue.measures.sort(key=lambda m: m.number)
    issues.sort(key=lambda i: i.number)
    return notes
