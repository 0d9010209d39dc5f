"""Language identification of clean article text (lingua; its models ship inside the package)."""

from __future__ import annotations

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The languages news corpora commonly mix in; a closed set keeps detection fast and confident.
_CANDIDATES = [Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
               Language.PORTUGUESE, Language.DUTCH, Language.RUSSIAN, Language.CHINESE, Language.JAPANESE,
               Language.KOREAN, Language.ARABIC, Language.TURKISH, Language.POLISH, Language.SWEDISH,
               Language.INDONESIAN]


def build_detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).build()


def detect_language(detector: LanguageDetector, text: str) -> tuple[str | None, str | None]:
    """ISO 639-1 code and English name of the text's language, judged on its opening (about 1,500 characters)."""
    found = detector.detect_language_of(text[:1500])
    if found is None:
        return None, None
    return found.iso_code_639_1.name.lower(), found.name.title()
