"""Language identification of clean article text (lingua; its models ship inside the package): of the whole
text, and of each stretch of it, so that an article half in a language not configured is refused by name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from storytrace.errors import ExtractionRejected

# The languages news corpora commonly mix in; a closed set keeps detection fast and confident.
_CANDIDATES = [Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
               Language.PORTUGUESE, Language.DUTCH, Language.RUSSIAN, Language.CHINESE, Language.JAPANESE,
               Language.KOREAN, Language.ARABIC, Language.TURKISH, Language.POLISH, Language.SWEDISH,
               Language.INDONESIAN]

# Stretches of at least this many words are judged alone: enough for lingua to be sure of a language,
# short enough that a foreign paragraph is not drowned by the English around it.
WINDOW_WORDS = 40
# A stretch counts as foreign only when lingua is this sure of a language not configured: lists of names
# and quotes of a few foreign words are uncertain, real foreign prose is near 1.0.
FOREIGN_CONFIDENCE = 0.9
# The text is refused when foreign stretches make up this share of its words, or one run of them is this
# long: a quoted foreign sentence stays, a foreign half or a foreign article appended does not.
FOREIGN_SHARE = 0.2
FOREIGN_RUN_WORDS = 120

_PIECES = re.compile(r"[^\n.!?]*(?:[.!?]+[\"'”’)\]]*|\n+|$)")


@dataclass(frozen=True)
class ForeignPart:
    """A run of text in a language not configured: its word range (1-based, inclusive) and its opening."""

    language: str
    first_word: int
    last_word: int
    opening: str

    @property
    def words(self) -> int:
        return self.last_word - self.first_word + 1


def build_detector() -> LanguageDetector:
    # Low-accuracy mode reads trigrams only: its models load in a fraction of a second instead of several
    # (paid by every `add`), and on what it judges here (whole openings, stretches of 40 words and more) it
    # refuses exactly what the full mode did in `storytrace bench reliability`'s false-refusal sets: none of
    # 1,614 FNC-1 bodies and 928 PolNeAR texts, 3 of 172 English web pages (each really half German).
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).with_low_accuracy_mode().build()


def detect_language(detector: LanguageDetector, text: str) -> tuple[str | None, str | None]:
    """ISO 639-1 code and English name of the text's language, judged on its opening (about 1,500 characters)."""
    found = detector.detect_language_of(text[:1500])
    if found is None:
        return None, None
    return found.iso_code_639_1.name.lower(), found.name.title()


def check_language(detector: LanguageDetector, text: str, languages: tuple[str, ...], source: str) -> str:
    """The text's language code; raise ExtractionRejected when it, or a large part of it, is not configured."""
    code, name = detect_language(detector, text)
    if code not in languages:
        raise ExtractionRejected(source, f"language is {name or 'unknown'}, not one of {', '.join(languages)}")
    parts = foreign_parts(detector, text, languages)
    total = len(text.split())
    foreign = sum(p.words for p in parts)
    if parts and (foreign >= FOREIGN_SHARE * total or max(p.words for p in parts) >= FOREIGN_RUN_WORDS):
        where = "; ".join(f"words {p.first_word:,}-{p.last_word:,} ({p.opening}...) are {p.language}"
                          for p in parts[:3])
        more = f"; and {len(parts) - 3} more part(s)" if len(parts) > 3 else ""
        raise ExtractionRejected(source, f"part of the text is not in {', '.join(languages)} "
                                         f"({foreign:,} of {total:,} words): {where}{more}")
    return code


def foreign_parts(detector: LanguageDetector, text: str, languages: tuple[str, ...]) -> list[ForeignPart]:
    """Runs of the text that lingua is sure are in a language not configured, merged when adjacent."""
    parts: list[ForeignPart] = []
    for first, last, window in _windows(text):
        values = detector.compute_language_confidence_values(window)
        if not values:
            continue
        top = values[0]
        code = top.language.iso_code_639_1.name.lower()
        if code in languages or top.value < FOREIGN_CONFIDENCE:
            continue
        name = top.language.name.title()
        if parts and parts[-1].language == name and parts[-1].last_word + 1 == first:
            previous = parts.pop()
            parts.append(ForeignPart(name, previous.first_word, last, previous.opening))
        else:
            parts.append(ForeignPart(name, first, last, " ".join(window.split()[:6])))
    return parts


def _windows(text: str):
    """(first word, last word, text) for consecutive stretches of whole sentences of about WINDOW_WORDS words."""
    words = 0
    start = 1
    buffer: list[str] = []
    count = 0
    for match in _PIECES.finditer(text):
        piece = match.group()
        n = len(piece.split())
        if not n:
            continue
        buffer.append(piece)
        count += n
        words += n
        if count >= WINDOW_WORDS:
            yield start, words, " ".join(buffer)
            start, buffer, count = words + 1, [], 0
    if buffer and count >= WINDOW_WORDS // 2:
        yield start, words, " ".join(buffer)
