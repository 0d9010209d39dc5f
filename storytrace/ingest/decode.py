"""Bytes to text: reject binary, read any common encoding, repair mojibake, and say what was replaced.

Order matters: a byte-order mark is the strongest evidence; then UTF-16/32 without a mark (their NUL bytes
would otherwise look binary); then binary; then UTF-8, also when a few bytes in it are damaged or a file
mixes UTF-8 with cp1252; only text with no UTF-8 in it at all goes to charset detection (cp1252, latin-1,
Shift-JIS, ...). What was replaced is returned as warnings, never silently.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from storytrace.errors import ExtractionRejected

# Control characters that never appear in real text; their share tells binary from text.
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
# Binary when more than this share of the first 8 KB are such control bytes.
_BINARY_SHARE = 0.05

# Longest marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

# Latin-script text in UTF-16 has a NUL in every other byte, in UTF-32 in three of four: a byte position
# that is NUL at least this often (and the others almost never) names the encoding.
_WIDE_NUL_SHARE = 0.6
_WIDE_OTHER_NUL_SHARE = 0.05

# UTF-8 with at most this many bad bytes, or with at least one valid multi-byte character for every two bad
# bytes, is UTF-8 with damage or cp1252 pasted in; text with less UTF-8 evidence is another encoding.
_FEW_STRAY_BYTES = 3
_MIXED_RATIO = 2
# ...provided those valid characters are real text (Latin, Greek, Cyrillic, punctuation, CJK, Hangul):
# the bytes of Shift-JIS or GB18030 form valid UTF-8 by chance too, but as combining marks, Arabic letters
# and unassigned planes.
_PLAUSIBLE = re.compile("[\u00a0-\u024f\u0370-\u052f\u2000-\u214f\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_PLAUSIBLE_SHARE = 0.8
# Text that is at most this share non-ASCII bytes, with no UTF-8 in it, is Western news in cp1252 (or
# latin-1): charset detection guesses among a dozen similar code pages on so little evidence.
_WESTERN_NON_ASCII_SHARE = 0.1
_ASCII = bytes(range(128))

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def looks_binary(data: bytes) -> bool:
    """True for images, archives and other non-text payloads (judged on the first 8 KB)."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    odd = sum(1 for b in head if b in _BINARY_BYTES)
    return odd / len(head) > _BINARY_SHARE


def decode_bytes(data: bytes, source: str) -> str:
    """The text of `data` (see decode_text), for callers that do not report warnings."""
    return decode_text(data, source).text


def decode_text(data: bytes, source: str) -> Decoded:
    """Decode bytes in any common encoding; raise ExtractionRejected for binary or undecodable data."""
    encoding = _bom_encoding(data) or _wide_encoding(data)
    if encoding:
        decoded = _decode_counting(data, encoding)
    elif looks_binary(data):
        raise ExtractionRejected(source, "binary content, not text")
    else:
        decoded = _decode_utf8_or_legacy(data, source)
    return repair(decoded)


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where the NUL bytes of Latin text fall."""
    head = data[:4096]
    for width, codec in ((4, "utf-32"), (2, "utf-16")):
        usable = len(head) - len(head) % width
        if usable < 4 * width:
            continue
        rows = usable // width
        shares = [sum(1 for i in range(p, usable, width) if head[i] == 0) / rows for p in range(width)]
        if width == 4:
            if all(s >= _WIDE_NUL_SHARE for s in shares[1:]) and shares[0] <= _WIDE_OTHER_NUL_SHARE:
                return "utf-32-le"
            if all(s >= _WIDE_NUL_SHARE for s in shares[:3]) and shares[3] <= _WIDE_OTHER_NUL_SHARE:
                return "utf-32-be"
        else:
            if shares[1] >= _WIDE_NUL_SHARE and shares[0] <= _WIDE_OTHER_NUL_SHARE:
                return f"{codec}-le"
            if shares[0] >= _WIDE_NUL_SHARE and shares[1] <= _WIDE_OTHER_NUL_SHARE:
                return f"{codec}-be"
    return None


def _decode_counting(data: bytes, encoding: str) -> Decoded:
    """Decode with a known encoding, replacing and counting what does not fit (a cut-off last character)."""
    mark = next((bom for bom, name in _BOMS if name == encoding and data.startswith(bom)), b"")
    data = data[len(mark):]
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        pass
    text = data.decode(encoding, errors="replace")
    # U+FFFD characters the input itself holds are not replacements.
    bad = text.count(_REPLACEMENT) - data.decode(encoding, errors="ignore").count(_REPLACEMENT)
    return Decoded(text, encoding, [f"{bad} invalid {encoding} sequence(s) replaced"])


def _decode_utf8_or_legacy(data: bytes, source: str) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # Each byte that is not UTF-8 becomes one escape character (U+DC80-U+DCFF), so both can be counted.
    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED_BYTE.findall(escaped))
    valid = len(escaped) - len(escaped.encode("ascii", errors="ignore")) - invalid
    plausible = len(_PLAUSIBLE.findall(escaped))
    if invalid <= _FEW_STRAY_BYTES or (invalid <= _MIXED_RATIO * valid and plausible >= _PLAUSIBLE_SHARE * valid):
        # Real UTF-8 multi-byte characters beside bytes that are not: damage, or text pasted from a
        # cp1252 file. Each stray byte is read as cp1252 (what it almost always was), and reported.
        text = _ESCAPED_BYTE.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"),
                                 escaped)
        return Decoded(text, "utf-8", [f"{invalid} byte(s) that are not UTF-8 read as cp1252"])
    return _decode_legacy(data, source)


def _decode_legacy(data: bytes, source: str) -> Decoded:
    """No UTF-8 in it: cp1252 (else latin-1) for mostly-ASCII text, otherwise charset detection
    (cp1251, Shift-JIS, GB18030, ...)."""
    import charset_normalizer

    non_ascii = len(data.translate(None, _ASCII))
    if non_ascii <= _WESTERN_NON_ASCII_SHARE * len(data):
        try:
            return Decoded(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            return Decoded(data.decode("latin-1"), "latin-1")
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ExtractionRejected(source, "undecodable bytes: not UTF-8 and no other text encoding fits")
    return Decoded(str(best), best.encoding)


def repair(decoded: Decoded) -> Decoded:
    """Repair mojibake ("CafÃ©" → "Café") and control characters with ftfy; lone surrogates are replaced."""
    text, replaced = repair_string(decoded.text)
    warnings = list(decoded.warnings)
    if replaced:
        warnings.append(f"{replaced} invalid character(s) (lone surrogates) replaced")
    return Decoded(text, decoded.encoding, warnings)


def repair_string(text: str) -> tuple[str, int]:
    """The text with mojibake, control characters and lone surrogates fixed, and how many surrogates there were.

    A surrogate in a Python string is always lone here (JSON and the codecs join pairs), so it has no
    character to be. Quotes, ligatures and widths stay as written: only damage is repaired, and only in
    pieces that show a sign of it (ftfy reads well under a megabyte a second; most text needs nothing).
    """
    text, surrogates = _LONE_SURROGATE.subn(_REPLACEMENT, text)
    if not _SUSPECT.search(text):
        return text, surrogates
    import ftfy

    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
                                  normalization=None, explain=False)
    return "".join(ftfy.fix_text(piece, config) if _SUSPECT.search(piece) else piece
                   for piece in _pieces(text)), surrogates


# ftfy repairs within short spans; a long line (a whole article on one line) is handed to it in pieces of
# at most this many characters, cut at spaces, so only the damaged pieces cost its time.
_PIECE_CHARS = 8192


def _pieces(text: str):
    """The text's lines, each long one cut at spaces into pieces of at most _PIECE_CHARS characters."""
    for line in text.splitlines(keepends=True):
        start = 0
        while len(line) - start > _PIECE_CHARS:
            cut = line.rfind(" ", start, start + _PIECE_CHARS)
            end = cut + 1 if cut > start else start + _PIECE_CHARS
            yield line[start:end]
            start = end
        yield line[start:]


# Signs of damage ftfy repairs: control characters (C0 but tab and line breaks, DEL, C1, terminal escapes),
# and a UTF-8 lead byte shown as cp1252/latin-1 followed by a continuation byte shown the same way ("Ã©").
_SUSPECT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]|[\u00c2-\u00f4][\u00a0-\u00bf\u2018-\u203a"
                      "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u20ac\u2122]")
