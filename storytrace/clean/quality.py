"""Not-an-article detection: placeholder text, program code, tables, word lists and salads, repetition.

Each check reads one plain property of the clean text (symbols, digits, function words, word order,
repetition) and names it in the reason. Thresholds were set on real news (every FNC-1 body, every PolNeAR
text, the English trafilatura-eval pages: `storytrace bench reliability` measures the false refusals)
with a wide margin, so a real article is never refused: prose is far from all of them.
"""

from __future__ import annotations

import math
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
# A sentence end: a whitespace-separated token ending in . ! or ? (a closing quote may follow). Not one: a
# token with a dot inside ("U.S.", "a.m."), a short capitalised word, one lowercase letter (a spaced "a. m.") or
# a Latin abbreviation and a dot ("Corp.", "Gen.", "vs."), one in brackets ("(Calif.)"): abbreviations real news
# follows with lowercase words.
_SENTENCE_END_TOKEN = re.compile(r"^(?!(?:[A-Z][a-z]{0,3}|[a-z]|vs|etc|approx|ca|cf)\.$)[^.!?…()\[\]]*[\w%\"”’'][.!?][\"”’']*$")
# The word after it: letters, with an opening quote or bracket before and punctuation after; not a web address.
_NEXT_WORD = re.compile(r"^[\"'“‘(\[]*([^\W\d_][\w'’-]*)[,;:.!?\"”’')\]]*$")

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
# Word order, weighed as evidence. Shuffled words follow a sentence end with a lowercase word ("... the
# parliament. heavily in") 82% of the time and "the/a/an" with a word that never follows them ("the of",
# "a was", "the.") 32% of the time (FNC-1 and PolNeAR bodies, shuffled). Real news does so 0.5% and 0.1% of
# the time; the prose rates below are ten to fifty times that, so a careless article (a lowercase handle
# after a full stop, "the the") counts as prose that slipped, not as a salad.
SALAD_LOWERCASE_AFTER_END = 0.8
PROSE_LOWERCASE_AFTER_END = 0.05
SALAD_DETERMINER_MISFIT = 0.32
PROSE_DETERMINER_MISFIT = 0.05
# Each sentence end and each determiner adds its log-likelihood ratio; at these log-odds (20 to 1) the text
# is a salad. No real text reaches 0 (FNC-1, PolNeAR: the highest is -0.3, a 25-word text with one sentence
# end and one determiner); shuffled ones are near 40 on average, and 99% reach it.
WORD_ORDER_EVIDENCE = 3.0
# Casing says nothing in text with almost no capitals (a lowercased dump): its sentence ends are not weighed.
# Real news capitalises at least 4% of its words (FNC-1, PolNeAR); shuffled words keep their capitals.
MIN_CAPITALISED_SHARE = 0.02
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
    determiner_misfits: int
    sentence_ends: int
    lowercase_after_end: int
    sentences: int
    distinct_sentence_share: float
    compression_ratio: float

    @property
    def word_order_evidence(self) -> float:
        """Log-odds that the words are shuffled rather than written, from how sentence ends and determiners are
        followed (see SALAD_LOWERCASE_AFTER_END)."""
        return (_log_odds(self.lowercase_after_end, self.sentence_ends,
                          SALAD_LOWERCASE_AFTER_END, PROSE_LOWERCASE_AFTER_END)
                + _log_odds(self.determiner_misfits, self.determiners,
                            SALAD_DETERMINER_MISFIT, PROSE_DETERMINER_MISFIT))


def _log_odds(hits: int, trials: int, salad_rate: float, prose_rate: float) -> float:
    misses = max(trials - hits, 0)
    return hits * math.log(salad_rate / prose_rate) + misses * math.log((1 - salad_rate) / (1 - prose_rate))


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
    ends, lowercase = _sentence_starts(text) if _capitalised_share(tokens) >= MIN_CAPITALISED_SHARE else (0, 0)
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
        determiner_misfits=misfits,
        sentence_ends=ends,
        lowercase_after_end=lowercase,
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
    if language == "en" and p.word_order_evidence >= WORD_ORDER_EVIDENCE:
        return f"words in no English order ({_disorder(p)}): a word salad, not prose"
    return None


def _disorder(p: TextProfile) -> str:
    signs = []
    if p.sentence_ends:
        signs.append(f"{p.lowercase_after_end} of {p.sentence_ends} sentence ends are followed by a lowercase word")
    if p.determiners:
        signs.append(f"{p.determiner_misfits} of {p.determiners} 'the/a/an' by words that never follow them")
    return "; ".join(signs)


def _sentence_starts(text: str) -> tuple[int, int]:
    """Sentence ends followed by a word, and how many of those words are lowercase."""
    tokens = text.split()
    ends = lowercase = 0
    for token, following in zip(tokens, tokens[1:]):
        word = _NEXT_WORD.match(following)
        if word is not None and _SENTENCE_END_TOKEN.match(token):
            ends += 1
            lowercase += word.group(1)[0].islower()
    return ends, lowercase


def _capitalised_share(tokens: list[str]) -> float:
    return sum(1 for t in tokens if t[0].isupper()) / max(len(tokens), 1)


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


# Characters without a space between them that spaCy's tokenizer gets as one piece: it strips affixes off a
# piece one at a time, rescanning what is left, so its time grows with the square of the piece's length
# ("'s's's...", "((((x))))", "“““x": 4,000 characters take 4 to 8 seconds, 40,000 take minutes). Longer runs
# are broken by a space every this many characters, which bounds a 100,000-character article's tokenizing
# to seconds. Real news has runs this long only in pasted code, rules of dashes and long links (7 of 1,614
# FNC-1 bodies, none of 840 PolNeAR texts).
MAX_RUN_CHARS = 100
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))


def break_long_runs(text: str) -> tuple[str, int]:
    """`text` with a space after every MAX_RUN_CHARS characters of a longer run without whitespace, and how
    many runs were broken."""
    def broken(run: re.Match) -> str:
        piece = run.group(0)
        return " ".join(piece[at:at + MAX_RUN_CHARS] for at in range(0, len(piece), MAX_RUN_CHARS))

    return _LONG_RUN.subn(broken, text)


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
