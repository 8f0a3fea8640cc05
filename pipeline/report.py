"""``hoshin report OUT --html FILE``: a self-contained HTML quality report.

Built from the Parquet output (not by re-parsing): per document the row
counts, budget totals per 経営課題 checked against printed totals, the 目次
reconciliation, the warnings, the extracted rows, and an image of every page
that holds extracted items with each item's box drawn on it. Box and row link
to each other. Images are PNG data URIs and the CSS is inline, so the file
opens anywhere, offline. ``--png DIR`` writes the same pages, boxes drawn in,
as PNG files (a picture for a README or an issue).
"""
from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pdfplumber
import pyarrow.dataset as ds
from PIL import Image, ImageDraw

from schemas.tables import TABLES, arrow_schema

from . import manifest
from .document_view import DocumentView, budget_sum, target_value, total_check, where, yen

RESOLUTION = 120  # dpi of page images: Japanese body text stays legible
# One colour per kind of box, for the HTML's CSS and the PNG pictures alike.
BOX_COLOURS = {"title": "#1f5fd1", "budget": "#c62828", "target": "#2e7d32", "table": "#6a1b9a"}
BUDGET_OFFSET = 2  # px: a budget box is drawn outside its bbox, often the heading line's own

CSS = """
body{font:14px/1.5 system-ui,sans-serif;margin:1.5em auto;max-width:1100px;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.2em}td,th{border:1px solid #ccc;padding:2px 6px;
vertical-align:top;text-align:left}td:last-child a{white-space:nowrap}th{background:#f3f3f3}td.n{text-align:right}
.bad{background:#fde2e2}.ok{color:#17692b}tr:target{outline:3px solid #e8a400}
.page{position:relative;width:min(100%,800px);margin:.5em 0 2em;border:1px solid #999}
.page img{display:block;width:100%}
.box{position:absolute;border:2px solid;box-sizing:border-box}.box:target{background:#ffe60066}
.legend span{padding:0 .5em;margin-right:.5em;border-width:2px;border-style:solid}.legend .budget{border:0;outline-offset:0}
""" + "".join(f".{kind}{{border-color:{colour}}}" for kind, colour in BOX_COLOURS.items() if kind != "budget") + (
    f".budget{{border:0;outline:2px dashed {BOX_COLOURS['budget']};outline-offset:{BUDGET_OFFSET}px}}\n")


@dataclass(frozen=True)
class Box:
    row_id: str
    kind: str  # a key of BOX_COLOURS
    bbox: list[float]
    label: str


@dataclass(frozen=True)
class ReportSummary:
    documents: int
    page_images: int
    problems: list[str]  # per PDF with boxed items, why its page images are missing


def read_tables(out_dir: Path) -> dict[str, list[dict]]:
    """Every table's rows as plain records, in the order they were written; a
    table folder that is absent is empty. Read with the current schema, so files
    written before a column existed still load (the column is null)."""
    return {name: ds.dataset(out_dir / name, format="parquet", schema=arrow_schema(name))
                    .to_table().to_pylist() if (out_dir / name).is_dir() else []
            for name in TABLES}


def split_by_document(tables: dict[str, list[dict]]) -> list[DocumentView]:
    docs = sorted(tables["documents"], key=lambda d: d["source_path"])
    return [DocumentView.of({name: [r for r in rows if r.get("doc_id") == d["doc_id"]]
                             for name, rows in tables.items() if name != "errors"})
            for d in docs]


# -- rows and their boxes -------------------------------------------------------

def _id(view: DocumentView, *parts) -> str:
    return "-".join([view.document["doc_id"], *map(str, parts)])


def boxes(view: DocumentView) -> dict[int, list[Box]]:
    """Page → the boxes of the extracted titles, budgets and targets on it."""
    by_page: dict[int, list[Box]] = {}

    def add(row: dict, kind: str, bbox_key: str, row_id: str, label: str) -> None:
        if row.get("page") is not None and row.get(bbox_key):
            by_page.setdefault(row["page"], []).append(Box(row_id, kind, row[bbox_key], label))

    for issue in view.issues:
        n = issue["issue_no"]
        add(issue, "title", "bbox", _id(view, "i", n), f"経営課題{n} {issue['title']}")
        for measure in view.measures.get(n, []):
            m = measure["measure_no"]
            add(measure, "title", "bbox", _id(view, "m", n, m), f"施策{n}-{m} {measure['title']}")
            for p in view.projects.get((n, m), []):
                key = (n, m, p["project_no"])
                add(p, "title", "bbox", _id(view, "p", *key), f"事業 {p['title']}")
                # the budget is on the heading line or the one below: the heading's page
                add(p, "budget", "budget_bbox", _id(view, "p", *key), p["budget_raw"] or "")
                for t in view.targets.get(key, []):
                    add(t, "target", "bbox", _id(view, "t", *key, t["target_no"]), t["text"])
    for t in view.budget_tables():
        add(t, "table", "bbox", _id(view, "b", t["table_no"]), f"budget table {t['table_no']}")
    return by_page


def _row_link(row: dict, row_id: str, has_box: bool) -> str:
    text = escape(where(row, with_toc=False))  # the 目次 page has its own column
    return f'<a href="#box-{row_id}">{text}</a>' if has_box else text


# -- page images ------------------------------------------------------------------

def locate_source(document: dict, recorded: list[str]) -> tuple[Path | None, str | None]:
    """The source PDF to draw pages from — the path as given at conversion
    (relative to where it ran), else where the manifest recorded it (absolute) —
    and, when there is none with the converted bytes, why."""
    found = [path for path in (Path(document["source_path"]), *map(Path, recorded)) if path.is_file()]
    for path in found:
        if hashlib.sha256(path.read_bytes()).hexdigest() == document["source_sha256"]:
            return path, None
    if found:
        return None, f"source PDF {document['source_path']} changed since conversion: boxes would be wrong"
    return None, (f"source PDF {document['source_path']} not found, neither from {Path.cwd()} "
                  "nor where the output folder's manifest recorded it")


def _rendered(path: Path, pages: list[int]):
    """(page, image, width in points, height in points) of each page, rendered one at a time."""
    with pdfplumber.open(path) as pdf:
        for number in pages:
            page = pdf.pages[number - 1]
            yield number, page.to_image(resolution=RESOLUTION).original, float(page.width), float(page.height)
            page.close()


def page_images(path: Path, pages: list[int]) -> dict[int, tuple[str, float, float]]:
    """Page → (PNG data URI, width, height in points)."""
    images = {}
    for number, image, width, height in _rendered(path, pages):
        png = io.BytesIO()
        image.save(png, "PNG", optimize=True)
        uri = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode("ascii")
        images[number] = (uri, width, height)
    return images


def draw_boxes(image: Image.Image, width: float, page_boxes: list[Box]) -> Image.Image:
    """The page image with its boxes drawn in the report's colours (``width``: the page's, in points)."""
    picture = image.convert("RGB")
    draw, scale = ImageDraw.Draw(picture), picture.width / width
    for b in page_boxes:
        grow = BUDGET_OFFSET + 2 if b.kind == "budget" else 0
        x0, top, x1, bottom = (v * scale for v in b.bbox)
        draw.rectangle((x0 - grow, top - grow, x1 + grow, bottom + grow),
                       outline=BOX_COLOURS[b.kind], width=2)
    return picture


def _page_html(number: int, image: tuple[str, float, float], page_boxes: list[Box], doc_id: str) -> str:
    uri, width, height = image
    marks = []
    for b in page_boxes:
        x0, top, x1, bottom = b.bbox
        style = (f"left:{x0 / width:.3%};top:{top / height:.3%};"
                 f"width:{(x1 - x0) / width:.3%};height:{(bottom - top) / height:.3%}")
        anchor = f' id="box-{b.row_id}"' if b.kind != "budget" else f' id="box-{b.row_id}-budget"'
        marks.append(f'<a class="box {b.kind}"{anchor} href="#row-{b.row_id}" style="{style}" '
                     f'title="{escape(b.label)}"></a>')
    return (f'<h3 id="page-{doc_id}-{number}">Page {number}</h3><div class="page">'
            f'<img src="{uri}" alt="page {number}">{"".join(marks)}</div>')


# -- sections ---------------------------------------------------------------------

def _table(head: list[str], rows: list[str]) -> str:
    return ("<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"
            + "".join(rows) + "</table>")


def _budget_section(view: DocumentView) -> str:
    rows = []
    for issue in view.issues:
        n = issue["issue_no"]
        rows.append(_budget_row(f"経営課題{n} {issue['title']}", len(view.issue_projects(n)),
                                view.issue_budget(n), view.unread_budgets(n), issue))
    rows.append(_budget_row("ward total", sum(len(view.issue_projects(i["issue_no"])) for i in view.issues),
                            view.total_budget(), view.unread_budgets(), view.document))
    return _table(["", "事業", "Σ 事業 budgets", "printed total", "check", "missing budgets"], rows)


def _budget_row(label: str, projects: int, summed: int, unread: int, owner: dict) -> str:
    check = total_check(owner, summed)
    bad = check == "MISMATCH" or unread
    verdict = {None: "no printed total", "MISMATCH": "MISMATCH (see warnings)"}.get(check, check)
    return (f'<tr{" class=bad" if bad else ""}><td>{escape(label)}</td>'
            f'<td class="n">{projects}</td><td class="n">{budget_sum(projects, summed)}</td>'
            f'<td class="n">{yen(owner["budget_total_yen"])}</td><td>{verdict}</td>'
            f'<td class="n">{unread}</td></tr>')


def _toc_status(row: dict) -> str:
    if row["page"] is None and row["toc_page"] is not None:
        return "目次 only: not found in the body"
    if row["toc_page"] is None:
        return "not in the 目次"
    if row["printed_page"] is not None and row["printed_page"] != row["toc_page"]:
        return f"page differs: 目次 {row['toc_page']}, body {row['printed_page']}"
    return "ok"


def _item_row(row_id: str, row: dict, cells: list[str], boxed: set[str], bad: bool,
              link_last: bool = True) -> str:
    """A table row anchored for its box; ``cells`` are HTML, the page link goes
    last (or before the final cell when ``link_last`` is false)."""
    link = f"<td>{_row_link(row, row_id, row_id in boxed)}</td>"
    tds = [f"<td>{c}</td>" for c in cells]
    tds.insert(len(tds) if link_last else len(tds) - 1, link)
    return f'<tr id="row-{row_id}"{" class=bad" if bad else ""}>{"".join(tds)}</tr>'


def _toc_section(view: DocumentView, boxed: set[str]) -> str:
    rows = []
    for issue in view.issues:
        n = issue["issue_no"]
        entries = [(f"経営課題{n}", issue, _id(view, "i", n))]
        entries += [(f"施策{n}-{m['measure_no']}", m, _id(view, "m", n, m["measure_no"]))
                    for m in view.measures.get(n, [])]
        for label, row, row_id in entries:
            status = _toc_status(row)
            cells = [label, escape(row["title"]), str(row["toc_page"] or ""), escape(status)]
            rows.append(_item_row(row_id, row, cells, boxed, status != "ok", link_last=False))
    return _table(["", "title", "目次 page", "body", "status"], rows)


def _projects_section(view: DocumentView, boxed: set[str]) -> str:
    rows = []
    for (n, m), projects in sorted(view.projects.items()):
        for p in projects:
            status = p["budget_status"]
            cells = [f"{n}-{m}-{p['project_no']}", escape(p["title"]),
                     yen(p["budget_yen"]) if status == "amount" else status,
                     escape(p["budget_raw"] or "")]
            rows.append(_item_row(_id(view, "p", n, m, p["project_no"]), p, cells, boxed,
                                  status == "missing"))
    return _table(["事業", "title", "budget", "as printed", "page"], rows)


def _targets_section(view: DocumentView, boxed: set[str]) -> str:
    rows = []
    # a 戦略's own indicators and generic targets have null keys: sorted first, shown empty
    for key, targets in sorted(view.targets.items(), key=lambda kv: [-1 if v is None else v for v in kv[0]]):
        for t in targets:
            cells = [f"{'-'.join('' if v is None else str(v) for v in key)}.{t['target_no']}", escape(t["text"]),
                     escape(target_value(t))]
            rows.append(_item_row(_id(view, "t", *key, t["target_no"]), t, cells, boxed,
                                  t["value"] is None))
    return _table(["目標", "text", "value · baseline", "page"], rows)


def _budget_tables_section(view: DocumentView, boxed: set[str]) -> str:
    rows = [_item_row(_id(view, "b", t["table_no"]), t,
                      [str(t["table_no"]), escape(t["title"] or ""), str(t["rows"]), str(t["cells"])],
                      boxed, False)
            for t in view.budget_tables()]
    return (_table(["table", "title", "rows", "money cells", "page"], rows) if rows
            else "<p>no budget table read</p>")


def _warnings_section(view: DocumentView) -> str:
    rows = [f'<tr><td>{escape(w["kind"])}</td><td class="n">{w["page"] or ""}</td>'
            f'<td>{escape(w["text"])}</td></tr>' for w in view.warnings]
    return _table(["kind", "page", "text"], rows) if rows else "<p class=ok>no warnings</p>"


def document_html(view: DocumentView, recorded: list[str] = ()) -> tuple[str, int, str | None]:
    """The document's section, its number of page images, and why the images of
    pages with items are missing (None when they are all there). ``recorded``:
    where the manifest says the document's sources are."""
    d = view.document
    by_page = boxes(view)
    boxed = {b.row_id for bs in by_page.values() for b in bs if b.kind != "budget"}
    counts = _table(list(view.counts), [
        "<tr>" + "".join(f'<td class="n">{c}</td>' for c in view.counts.values()) + "</tr>"])
    source, problem = locate_source(d, recorded) if by_page else (None, None)
    images = page_images(source, sorted(by_page)) if source else {}
    no_boxes = ("text input: no page images" if d["source_format"] != "pdf"
                else "no extracted item carries a box: no page to show")
    pages = "".join(_page_html(n, images[n], by_page[n], d["doc_id"]) for n in sorted(images))
    legend = ('<p class="legend">boxes: <span class="title">titles</span> '
              '<span class="budget">budgets</span> <span class="target">targets</span> '
              '<span class="table">budget tables</span> — click a box for its row, a row\'s page for its box</p>')
    html = "".join([
        f'<section id="doc-{d["doc_id"]}"><h2>{escape(view.title_line())}</h2>',
        "<h3>Rows per table</h3>", counts,
        "<h3>Budget totals</h3>", _budget_section(view),
        "<h3>目次 vs body</h3>", _toc_section(view, boxed),
        f"<h3>Warnings ({len(view.warnings)})</h3>", _warnings_section(view),
        "<h3>事業</h3>", _projects_section(view, boxed),
        "<h3>目標</h3>", _targets_section(view, boxed),
        "<h3>Budget tables (budget_lines)</h3>", _budget_tables_section(view, boxed),
        "<h3>Pages</h3>", (legend + pages if images else
                           f"<p class=bad>{escape(problem)}</p>" if problem else f"<p>{no_boxes}</p>"),
        "</section>",
    ])
    return html, len(images), problem


def manifest_sources(out_dir: Path) -> dict[str, list[str]]:
    """doc_id → where the output folder's manifest says its sources were converted from."""
    recorded: dict[str, list[str]] = {}
    for entry in manifest.load(out_dir).values():
        if entry.status == "ok":
            recorded.setdefault(entry.doc_id, []).append(entry.source)
    return recorded


def render_report(out_dir: Path) -> tuple[str, ReportSummary]:
    tables = read_tables(out_dir)
    views = split_by_document(tables)
    recorded = manifest_sources(out_dir)
    parts, image_count, problems = [], 0, []
    for view in views:
        html, n, problem = document_html(view, recorded.get(view.document["doc_id"], []))
        parts.append(html)
        image_count += n
        if problem:
            problems.append(f"{view.document['source_path']}: {problem}")
    errors = [f'<tr><td>{escape(e["source_path"])}</td><td>{escape(e["stage"])}</td>'
              f'<td>{escape(e["kind"])}</td><td>{escape(e["message"])}</td></tr>'
              for e in tables["errors"]]
    toc = "".join(f'<li><a href="#doc-{v.document["doc_id"]}">{escape(v.title_line())}</a></li>'
                  for v in views)
    page = "".join([
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">',
        "<title>hoshin quality report</title>",
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<style>{CSS}</style></head><body>",
        f"<h1>hoshin quality report</h1><p>{escape(str(out_dir))}: {len(views)} document(s), "
        f"{len(tables['errors'])} error(s)</p><ul>{toc}</ul>",
        ("<h2>Errors</h2>" + _table(["file", "stage", "kind", "message"], errors)) if errors else "",
        *parts,
        "</body></html>\n",
    ])
    return page, ReportSummary(len(views), image_count, problems)


def write_pictures(out_dir: Path, png_dir: Path) -> tuple[list[Path], list[str]]:
    """Each page with boxed items of each PDF in OUT as ``<file stem>-<doc_id>-p<page>.png``
    in ``png_dir``, and why a document's pictures are missing."""
    recorded = manifest_sources(out_dir)
    written, problems = [], []
    png_dir.mkdir(parents=True, exist_ok=True)
    for view in split_by_document(read_tables(out_dir)):
        d, by_page = view.document, boxes(view)
        source, problem = locate_source(d, recorded.get(d["doc_id"], [])) if by_page else (None, None)
        if problem:
            problems.append(f"{d['source_path']}: {problem}")
        for number, image, width, _ in _rendered(source, sorted(by_page)) if source else ():
            path = png_dir / f"{Path(d['source_path']).stem}-{d['doc_id']}-p{number}.png"
            draw_boxes(image, width, by_page[number]).save(path, "PNG", optimize=True)
            written.append(path)
    return written, problems


def write_report(out_dir: Path, html_path: Path) -> ReportSummary:
    page, summary = render_report(out_dir)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(page, encoding="utf-8")
    return summary
