"""Bytes to text: reject binary, repair the encoding of text that is not UTF-8."""

from __future__ import annotations

import charset_normalizer

from storytrace.errors import ExtractionRejected

# Control characters that never appear in real text; their share tells binary from text.
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


def looks_binary(data: bytes) -> bool:
    """True for images, archives and other non-text payloads (judged on the first 8 KB)."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    odd = sum(1 for b in head if b in _BINARY_BYTES)
    return odd / len(head) > 0.05


def decode_bytes(data: bytes, source: str) -> str:
    """Decode UTF-8 when valid; otherwise let charset detection pick the encoding (cp1252, latin-1, ...)."""
    if looks_binary(data):
        raise ExtractionRejected(source, "binary content, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ExtractionRejected(source, "undecodable bytes: not UTF-8 and no other text encoding fits")
    return str(best)
