"""Decoding: any common encoding is read, damage is repaired and reported, binary is refused."""

from __future__ import annotations

import codecs

import pytest

from storytrace.errors import ExtractionRejected
from storytrace.ingest.decode import decode_text, repair_string

TEXT = "“We will not comment,” said José Müller, the café owner, on Friday afternoon in the old town."


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""), ("utf-16-be", b""), ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-le", b""),
    ("utf-32-be", b""), ("cp1252", b""),
])
def test_unicode_and_western_encodings_round_trip(encoding, bom):
    """UTF-8/16/32 with or without a byte-order mark, and cp1252, decode to exactly the text written."""
    decoded = decode_text(bom + TEXT.encode(encoding), "x")
    assert decoded.text == TEXT
    assert decoded.warnings == []


def test_latin1_and_east_asian_and_cyrillic_encodings():
    """latin-1 accents, Shift-JIS and cp1251 text are detected and decoded, not refused as binary."""
    french = "Le porte-parole a démenti, a déclaré José à Genève, rejetant la façade du ministère."
    assert decode_text(french.encode("latin-1"), "x").text == french
    japanese = "政府は金曜日、その報告を否定した。首相は記者団に対し、そのような提案はなされていないと述べた。" * 3
    assert decode_text(japanese.encode("shift_jis"), "x").text == japanese
    russian = "Правительство в пятницу опровергло это сообщение, заявил представитель министерства. " * 3
    assert decode_text(russian.encode("cp1251"), "x").text == russian


def test_stray_bytes_in_utf8_are_replaced_with_a_warning():
    """Two invalid bytes inside otherwise valid UTF-8 keep the text and are reported, not a rejection."""
    data = TEXT.encode()
    decoded = decode_text(data[:20] + b"\x81\x8d" + data[20:], "x")
    assert decoded.text.replace("\ufffd", "") == TEXT
    assert decoded.warnings == ["2 byte(s) that are not UTF-8 read as cp1252"]


def test_mixed_utf8_and_cp1252_reads_both_halves():
    """A file that pastes cp1252 text after UTF-8 text reads both halves right."""
    decoded = decode_text(TEXT.encode("utf-8") + b" " + TEXT.encode("cp1252"), "x")
    assert decoded.text == TEXT + " " + TEXT
    assert decoded.warnings and "read as cp1252" in decoded.warnings[0]


def test_mojibake_and_control_characters_are_repaired():
    """UTF-8 shown as cp1252 ("CafÃ©") is repaired, control characters and terminal escapes dropped."""
    decoded = decode_text("CafÃ© in MÃ¼nchen\x07 said \x1b[2Jthe man.".encode(), "x")
    assert decoded.text == "Café in München said the man."


def test_lone_surrogates_are_replaced_and_counted():
    """A lone surrogate (from a JSON escape) cannot be stored: it becomes U+FFFD and is counted."""
    assert repair_string("before \ud800 after") == ("before \ufffd after", 1)


def test_binary_and_truncated_utf16_last_character():
    """Binary data is refused; UTF-16 cut mid-character keeps its text and reports the one replacement."""
    with pytest.raises(ExtractionRejected, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "x")
    decoded = decode_text(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")[:-1], "x")
    assert decoded.text == TEXT[:-1] + "\ufffd"
    assert decoded.warnings == ["1 invalid utf-16-le sequence(s) replaced"]


def test_mojibake_inside_a_very_long_line_is_repaired_piecewise():
    """A whole article on one line is repaired in pieces: the damage is fixed and nothing else changes."""
    line = " ".join(f"word{i}" for i in range(20_000))
    text, lone = repair_string(line + " CafÃ© " + line)
    assert text == line + " Café " + line and lone == 0
