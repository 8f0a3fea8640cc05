"""Hand-built PDFs for the bad-input tests: small, made at run time, no binaries in the repo."""
from __future__ import annotations

import io
import zlib
from pathlib import Path

SAMPLE_PDF = Path(__file__).resolve().parent.parent / "samples" / "minato_h29_gaiyo.pdf"


def build_pdf(contents: list[bytes], *, share_content: bool = False) -> bytes:
    """A valid PDF with one page per content stream (Helvetica as /F1), correct xref.

    ``share_content`` makes every page draw the first stream, so a PDF of many
    pages stays small.
    """
    streams = contents[:1] if share_content else contents
    n_pages = len(contents)
    first_page, first_stream = 4, 4 + n_pages
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (first_page + i) for i in range(n_pages))
        + b"] /Count %d >>" % n_pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i in range(n_pages):
        stream_no = first_stream + (0 if share_content else i)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % stream_no)
    for content in streams:
        packed = zlib.compress(content)
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
                       + packed + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for no, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % no + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def text_page(*lines: str) -> bytes:
    """A content stream showing ASCII lines top-down."""
    ops = [b"BT /F1 12 Tf 72 770 Td 14 TL"]
    ops += [b"(%s) Tj T*" % line.encode("ascii") for line in lines]
    return b"\n".join(ops + [b"ET"])


def encrypted(data: bytes, user_password: str) -> bytes:
    """``data`` re-written encrypted (AES-128) with the given user password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
