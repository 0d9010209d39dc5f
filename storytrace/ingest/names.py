"""Printable, storable names for paths: a file name need not be valid UTF-8 or free of control characters."""

from __future__ import annotations

import os
import re
from pathlib import Path

# Characters that would break a one-line verdict or drive the terminal: C0 and C1 controls and DEL.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def display_name(path: str | Path) -> str:
    """The path as text that prints on one line and stores anywhere: bytes that are not UTF-8 become `\\xNN`,
    control characters `\\n`-style escapes. The real path is kept by the caller for reading."""
    raw = os.fsencode(path)
    text = raw.decode("utf-8", errors="backslashreplace")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
