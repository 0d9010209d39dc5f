"""Not-an-article detection: placeholder text, program code, tables, word lists and salads, repetition.

Each check reads one plain property of the clean text (symbols, digits, function words, word order,
repetition) and names it in the reason. Thresholds were set on real news (every FNC-1 body, every PolNeAR
text, the English trafilatura-eval pages: `storytrace bench reliability` measures the false refusals)
with a wide margin, so a real article is never refused: prose is far from all of them.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass

from storytrace.errors import ExtractionRejected
from storytrace.words import FUNCTION_WORDS

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d[\d.,:/-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_LINE_END = re.compile(r"\w[.!?…][\"'”’)\]]*(?:\s|$)")
_DETERMINER_BEFORE_PUNCTUATION = re.compile(r"(?<![\w'’-])(?:the|an)[.,;:!?](?!\w)")
_CODE_SYMBOLS = frozenset("{}[]();=<>$\\|_^~`#*+")

# Words of placeholder text ("lorem ipsum dolor sit amet ..."): real articles hold none of them together.
_LOREM = frozenset("""lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed do
    eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation
    ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse
    cillum eu fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia
    deserunt mollit anim id est laborum vestibulum mauris nunc nec vel eget ac pellentesque vitae lectus
    tincidunt donec quam posuere aliquam""".split())

# English words that do not follow "the", "a" or "an" in grammatical text (nor does punctuation): in
# shuffled words they do.
_DETERMINERS = frozenset({"the", "a", "an"})
_NOT_AFTER_DETERMINER = frozenset("""the a an of and or to in on at for with from by is are was were be been
    has have had it he she they we i you not but if as that this these those its their his her our""".split())

# Placeholder text: this share of the words is lorem ipsum vocabulary (its Latin also fools language
# identification). Real English shares only "in", "do", "ad", "non" with it: under 3% in every real text.
LOREM_SHARE = 0.3
# Code and markup: this share of the non-space characters are code symbols. Real news reaches 2%.
CODE_SYMBOL_SHARE = 0.08
# A table or data dump: this share of the words are numbers. Real news (results, budgets) stays under 25%.
NUMBER_SHARE = 0.45
# Frequency checks need this many words to mean anything; a shorter text needs one sentence of at least
# SENTENCE_WORDS words ("Apple has denied reports that it plans to buy Tesla.").
MIN_WORDS_FOR_STATISTICS = 40
SENTENCE_WORDS = 6
# One word makes up this share of the text ("said said said ..."). "the" makes up at most about 10%.
TOP_WORD_SHARE = 0.25
# Prose in the supported languages is at least a fifth function words; word lists and salads of content
# words have almost none. Real news stays above 20%.
FUNCTION_WORD_SHARE = 0.1
# Shuffled words: this share of "the/a/an" are followed by a function word or punctuation ("the of",
# "a was", "the."). Real English stays under 13% (FNC-1, PolNeAR); shuffled English text is near 35%.
DETERMINER_MISFIT_SHARE = 0.17
MIN_DETERMINERS = 10
# The same sentence repeated: fewer than this share of the sentences are distinct (of at least
# MIN_SENTENCES). Real news repeats a line or two (a caption, a "Read more") at most.
DISTINCT_SENTENCE_SHARE = 0.5
MIN_SENTENCES = 6
# Repetition the checks above miss (repeated paragraphs, patterns): zlib shrinks it below this share of its
# size. Real news compresses to 24% at the least (FNC-1, PolNeAR); checked on texts long enough for the
# ratio to be stable.
COMPRESSION_RATIO = 0.1
MIN_CHARS_FOR_COMPRESSION = 3000
# The languages whose function words storytrace.words.FUNCTION_WORDS lists; the function-word check needs them.
FUNCTION_WORD_LANGUAGES = frozenset({"en", "de", "fr", "es", "it", "nl"})


@dataclass(frozen=True)
class TextProfile:
    """The measures the checks read, for one text."""

    words: int
    lorem_share: float
    code_symbol_share: float
    number_share: float
    top_word: str
    top_word_share: float
    function_word_share: float
    determiners: int
    determiner_misfit_share: float
    sentences: int
    distinct_sentence_share: float
    compression_ratio: float


def profile(text: str) -> TextProfile:
    tokens = _WORD.findall(text)
    lower = [t.lower() for t in tokens]
    words = [t for t in lower if not t[0].isdigit()]
    n = max(len(tokens), 1)
    non_space = max(len(text) - sum(text.count(c) for c in " \n\t\r"), 1)
    counts = Counter(words)
    top_word, top_count = counts.most_common(1)[0] if counts else ("", 0)
    determiners = misfits = 0
    for current, following, written in zip(lower, lower[1:], tokens[1:]):
        if current in _DETERMINERS:
            determiners += 1
            # "the IS", "the US": a capitalised word after a determiner is a name, not a misfit.
            misfits += following in _NOT_AFTER_DETERMINER and written.islower()
    # "the." and "an," end no English clause; in shuffled words they are common.
    misfits += len(_DETERMINER_BEFORE_PUNCTUATION.findall(text))
    sentences = [" ".join(s.lower().split()) for s in _SENTENCE_END.split(text) if s.strip()]
    sample = text.encode("utf-8")
    return TextProfile(
        words=len(tokens),
        lorem_share=sum(1 for w in words if w in _LOREM) / n,
        code_symbol_share=sum(1 for c in text if c in _CODE_SYMBOLS) / non_space,
        number_share=(len(tokens) - len(words)) / n,
        top_word=top_word,
        top_word_share=top_count / max(len(words), 1),
        function_word_share=sum(1 for w in words if w in FUNCTION_WORDS) / max(len(words), 1),
        determiners=determiners,
        determiner_misfit_share=misfits / max(determiners, 1),
        sentences=len(sentences),
        distinct_sentence_share=len(set(sentences)) / max(len(sentences), 1),
        compression_ratio=len(zlib.compress(sample, 6)) / max(len(sample), 1),
    )


def not_an_article(text: str, language: str | None = "en") -> str | None:
    """Why `text` is not an article (filler, code, table, word list or salad, repetition), or None."""
    p = profile(text)
    if p.lorem_share >= LOREM_SHARE:
        return f"placeholder text (lorem ipsum: {p.lorem_share:.0%} of the words), not an article"
    if p.code_symbol_share >= CODE_SYMBOL_SHARE:
        return f"program code or markup ({p.code_symbol_share:.0%} of the characters are code symbols), not prose"
    if p.words < MIN_WORDS_FOR_STATISTICS:
        if not any(_is_sentence(line) for line in text.splitlines()):
            return "no sentence in it (a menu, a list or a headline alone), not an article"
        return None
    if p.number_share >= NUMBER_SHARE:
        return f"mostly numbers ({p.number_share:.0%} of the words): a table or data dump, not prose"
    if p.top_word_share >= TOP_WORD_SHARE:
        return f"one word, {p.top_word!r}, makes up {p.top_word_share:.0%} of the text: not prose"
    if p.sentences >= MIN_SENTENCES and p.distinct_sentence_share < DISTINCT_SENTENCE_SHARE:
        distinct = round(p.distinct_sentence_share * p.sentences)
        return f"the same sentences repeated ({distinct} distinct of {p.sentences}), not an article"
    if len(text) >= MIN_CHARS_FOR_COMPRESSION and p.compression_ratio < COMPRESSION_RATIO:
        return f"highly repetitive text (compresses to {p.compression_ratio:.0%} of its size), not an article"
    if language in FUNCTION_WORD_LANGUAGES and p.function_word_share < FUNCTION_WORD_SHARE:
        return (f"only {p.function_word_share:.0%} function words ('the', 'of', 'and' ...): a word list, table "
                f"or word salad, not prose")
    if language == "en" and p.determiners >= MIN_DETERMINERS and p.determiner_misfit_share >= DETERMINER_MISFIT_SHARE:
        return (f"words in no English order ({p.determiner_misfit_share:.0%} of 'the/a/an' are followed by words "
                f"that never follow them): a word salad, not prose")
    return None


def _is_sentence(line: str) -> bool:
    """A line of prose: several words, a function word among them, and a sentence end in it."""
    words = [w.lower() for w in _WORD.findall(line)]
    return (len(words) >= SENTENCE_WORDS and any(w in FUNCTION_WORDS for w in words)
            and bool(_LINE_END.search(line)))


def check_article(text: str, language: str | None, source: str) -> None:
    """Raise ExtractionRejected when `text` is not an article."""
    reason = not_an_article(text, language)
    if reason:
        raise ExtractionRejected(source, reason)


def cut_to_budget(text: str, limit: int) -> str:
    """The text cut to at most `limit` characters, at the last paragraph or sentence end before it when there
    is one in the last tenth (so the cut article still ends on a whole sentence)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    for boundary in ("\n", ". ", "? ", "! "):
        at = head.rfind(boundary)
        if at >= limit * 0.9:
            return head[:at + 1].rstrip()
    return head
