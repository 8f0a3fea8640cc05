"""Which encoding a Japanese text export is in, decided so that no mojibake gets through.

Many byte strings decode without error in the wrong codec (EUC-JP bytes are
valid CP932: 目次 becomes ﾌﾜｼ｡), so a clean decode proves nothing. The order:

1. A byte-order mark decides (UTF-8 with BOM is common in Windows exports).
2. Strict UTF-8: Japanese text in any other codec is almost never valid UTF-8.
   A file that is mostly UTF-8 with a few bad bytes is damaged UTF-8: an error,
   not a guess at another codec.
3. CP932 (Shift_JIS with Microsoft extensions) and EUC-JP: of those that decode,
   the one with fewer implausible characters wins, ties going to CP932.

Every result is checked: control characters (other than tab, line and page
breaks), private-use and unassigned code points never occur in real text but do
when bytes are read with the wrong codec, so they make the file an error.
"""
from __future__ import annotations

import codecs
from pathlib import Path

import regex

from .source import ExtractError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
LEGACY_CODECS = ("cp932", "euc_jp")

# Control (except \t \n \r \f), private-use, unassigned or surrogate code points.
NOT_TEXT = regex.compile(r"(?![\t\n\r\f])[\p{Cc}\p{Co}\p{Cn}\p{Cs}]")
# Half-width katakana: a single-byte read of the other codec's double bytes.
_HALFWIDTH_KANA = regex.compile(r"[\uff61-\uff9f]")
_KANJI = regex.compile(r"\p{Han}")
# EUC-JP lead bytes of JIS X 0208 level 1 (rows 16-47), the kanji of everyday text
_JIS_LEVEL1_LEADS = range(0xB0, 0xD0)

# Share of the non-ASCII bytes that must form valid UTF-8 for a file to count as damaged UTF-8.
MOSTLY_UTF8 = 0.9


def decode(data: bytes, path: Path) -> str:
    """The text of a ``.txt`` export; ExtractError ``undecodable_text`` when no
    codec yields plausible text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, codec, path), codec, path)
    try:
        return _checked(data.decode("utf-8"), "UTF-8", path)
    except UnicodeDecodeError as exc:
        if _utf8_share(data) >= MOSTLY_UTF8:
            raise _undecodable(path, f"damaged UTF-8: invalid byte 0x{data[exc.start]:02X} "
                                     f"at offset {exc.start}") from exc
    decoded = {}
    for codec in LEGACY_CODECS:
        try:
            decoded[codec] = data.decode(codec)
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise _undecodable(path, "not UTF-8, Shift_JIS/CP932 or EUC-JP text")
    codec = min(decoded, key=lambda c: (implausible_chars(decoded[c]), LEGACY_CODECS.index(c)))
    return _checked(decoded[codec], codec, path)


def implausible_chars(text: str) -> int:
    """Characters rare in real Japanese text but frequent in mojibake: half-width
    katakana and kanji outside JIS level 1."""
    return len(_HALFWIDTH_KANA.findall(text)) + sum(
        1 for k in _KANJI.findall(text)
        if k.encode("euc_jp", errors="replace")[0] not in _JIS_LEVEL1_LEADS)


def _strict(data: bytes, codec: str, path: Path) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _undecodable(path, f"invalid {codec} after its byte-order mark at offset "
                                 f"{exc.start}") from exc


def _checked(text: str, codec: str, path: Path) -> str:
    if m := NOT_TEXT.search(text):
        line = text.count("\n", 0, m.start()) + 1
        raise _undecodable(path, f"read as {codec}, line {line} holds U+{ord(m.group()):04X}, "
                                 "which is not text (binary data or another encoding?)")
    return text


def _utf8_share(data: bytes) -> float:
    """Share of the non-ASCII bytes that belong to valid UTF-8 sequences."""
    non_ascii = sum(1 for b in data if b >= 0x80)
    valid = sum(len(ch.encode()) for ch in data.decode("utf-8", errors="replace")
                if ord(ch) >= 0x80 and ch != "\ufffd")
    return valid / non_ascii if non_ascii else 0.0


def _undecodable(path: Path, reason: str) -> ExtractError:
    return ExtractError("undecodable_text", f"{path}: {reason}")
