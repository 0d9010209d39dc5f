"""Boilerplate removal for scraped plain text (a whole news page copied as text), and encoding repair.

The text arrives one rendered block per line: the article's paragraphs, and around them the site's
chrome (menus, share widgets, copyright lines, lists of other headlines). Each line is classified
from its own features (length, punctuation, share of function words, known boilerplate phrases,
link-list shape), then the classes are smoothed by their neighbours as jusText does, and finally
only the region(s) of the page where the article's prose is dense are kept. Recall is favoured:
a short line inside the article region stays unless it is known chrome.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from storytrace.words import FUNCTION_WORDS

Kind = Literal["good", "neargood", "short", "bad"]

# Lines at least this long, with prose features, are article text on their own.
_GOOD_CHARS = 90
# Lines shorter than this say too little about themselves; their neighbours decide.
_SHORT_CHARS = 45
# Scripts written without spaces between words (CJK) carry far more per character.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TERMINAL = re.compile(r"[.!?:;…。！？»«\"“”’'\)\]]\s*$")
_WORD = re.compile(r"\w+", re.UNICODE)
# "Home | World | Politics" and "Facebook · Twitter · Email": menus rendered on one line.
_SEPARATORS = re.compile(r"\s[|·•/»›>]\s|\s[-–]\s")
_SPACES = re.compile(r"[ \t\u00a0]+")

# Whole lines that are site chrome: widgets, menu entries, section labels, ad markers. Matched on
# short lines only, anchored so that a headline merely mentioning "Facebook" is not caught.
BOILERPLATE_LINE = re.compile(
    r"""^\W*(?:
        share(?:\s+(?:this|on|via)\b.*)?|teilen(?:\s+(?:auf|via|per)\b.*)?|partager|compartir|condividi|delen|
        tweet|twitter|facebook|whatsapp|pinterest|linkedin|xing|reddit|telegram|instagram|youtube|flipboard|
        e-?mail|per\s+e-?mail|print|drucken|versenden|senden|send|save|merken|speichern|
        home|startseite|menu|menü|navigation|search|suche|suchen|login|log\s*in|logout|anmelden|abmelden|
        registrieren|register|sign\s+(?:in|up)|subscribe|abonnieren|newsletter|abo|
        impressum|datenschutz(?:erklärung)?|kontakt|contact(?:\s+us)?|agb|sitemap|rss|feed|faq|hilfe|help|
        privacy(?:\s+policy)?|terms(?:\s+of\s+(?:use|service))?|cookie(?:s|\s+policy|-einstellungen)?|
        about(?:\s+us)?|über\s+uns|jobs|karriere|mediadaten|advertise|
        anzeige|werbung|advertisement|sponsored|publicité|pubblicità|
        weiterlesen|mehr|more|read\s+more|mehr\s+lesen|mehr\s+erfahren|learn\s+more|zum\s+artikel|
        (?:click|tap)\s+(?:here\s+)?to\s+.*|klicken\s+sie\s+hier.*|hier\s+klicken.*|
        (?:skip|jump)\s+to\s+.*|zum\s+inhalt.*|springe?\s+zu.*|nach\s+oben|back\s+to\s+top|top|
        zurück|back|weiter|next|previous|vorherige[rs]?|nächste[rs]?|older\s+posts?|newer\s+posts?|
        related(?:\s+(?:articles?|posts?|stories|content|links))?|verwandte\s+artikel|ähnliche\s+artikel|
        mehr\s+zum\s+thema.*|auch\s+interessant.*|lesen\s+sie\s+auch.*|das\s+könnte\s+sie\s+auch\s+interessieren.*|
        you\s+(?:may|might)\s+also\s+like.*|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed).*|
        meistgelesen.*|top\s+stories|trending.*|
        tags?|schlagwörter|schlagworte|stichwörter|themen|topics|categories|kategorien?|archiv(?:e|es)?|
        (?:posted|filed)\s+(?:in|under)\b.*|kommentare?(?:\s*\(\d+\))?|comments?(?:\s*\(\d+\))?|
        \d+\s+(?:comments?|kommentare?|responses?|antworten)|leave\s+a\s+(?:comment|reply).*|
        kommentar\s+schreiben|kommentieren|reply|antworten|like|gefällt\s+mir|loading\.*|
        send\s+feedback|feedback|report\s+an?\s+(?:error|typo|problem)|fehler\s+melden|
        follow\s+us.*|folgen\s+sie\s+uns.*|folge\s+uns.*|
        copyright\b.*|©.*|\(c\)\s*\d{4}.*|all\s+rights\s+reserved.*|alle\s+rechte\s+vorbehalten.*|
        bild(?:er)?|fotos?|photos?|video|audio|galerie|gallery|zoom|vergrößern|schließen|close|ok|
        akzeptieren|accept(?:\s+all)?|ablehnen|einstellungen|settings
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Phrases that mark a whole line as chrome wherever they stand in it (legal lines, comment forms,
# cookie banners); a line holding one is chrome even when it is a full sentence.
BOILERPLATE_SENTENCE = re.compile(
    r"""all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|
    reprint(?:ing)?\s+without\s+permission|without\s+(?:prior\s+)?(?:written\s+)?permission|
    nachdruck\s+nur|urheberrechtlich\s+geschützt|creative\s+commons|
    (?:this|our)\s+(?:web)?site\s+uses\s+cookies|we\s+use\s+cookies|verwende[nt]\s+cookies|
    nutzt\s+cookies|setzt\s+cookies|cookie-?richtlinie|by\s+continuing\s+to\s+(?:use|browse)|
    your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|
    e-mail-adresse\s+wird\s+nicht\s+veröffentlicht|pflichtfelder\s+sind|
    you\s+are\s+commenting\s+using|notify\s+me\s+of|fill\s+in\s+your\s+details|
    bookmark\s+the\s+permalink|this\s+entry\s+was\s+posted|
    comments?\s+(?:are|is|will\s+be)\s+(?:moderated|reviewed|closed)|comment\s+policy|
    kommentare\s+werden\s+(?:moderiert|geprüft)|kommentarfunktion|
    to\s+post\s+comments|um\s+(?:einen\s+)?kommentar(?:e)?\s+(?:zu\s+)?(?:schreiben|verfassen)|
    enable\s+javascript|javascript\s+(?:is\s+)?(?:disabled|required)|aktivieren\s+sie\s+javascript|
    subscribe\s+to\s+(?:our|the)\s+newsletter|sign\s+up\s+for\s+(?:our|the)\s+newsletter|
    newsletter\s+abonnieren|melden\s+sie\s+sich\s+(?:jetzt\s+)?für\s+(?:unseren|den)\s+newsletter|
    (?:terms\s+of\s+(?:use|service)|privacy\s+policy)\s+(?:and|&|\|)|datenschutzerklärung\s+und|
    powered\s+by\s+wordpress|proudly\s+powered\s+by""",
    re.IGNORECASE | re.VERBOSE,
)

# Words of which BOILERPLATE_SENTENCE needs at least one; lines without any are not scanned.
_TRIGGERS = frozenset(
    """rights rechte droits reprint reprinting permission nachdruck urheberrechtlich creative site website
    cookies cookie continuing email fields adresse pflichtfelder commenting notify fill permalink entry
    comment comments kommentare kommentarfunktion kommentar post javascript newsletter terms privacy
    datenschutzerklärung powered subscribe sign melden um""".split()
)

# "By Jane Doe", "Von Hans Müller", "Autor: ..." lines: kept above the article for the meta stage.
BYLINE = re.compile(r"^(?:by|von|par|por|di|door|autor(?:in)?:?|author:?|written\s+by)\s+\S", re.IGNORECASE)

# Labels that open a list of other articles' headlines.
RELATED_LABEL = re.compile(
    r"^(?:related|more (?:stories|news|on this)|most (?:read|popular|viewed)|also read|read more|recommended|"
    r"top stories|latest news|trending|popular|you may also like|weitere artikel|mehr zum thema|das könnte)",
    re.IGNORECASE)

# Lines carrying a date or time, such as "Posted September. 26, 2009 07:51" or "Stand: 12.03.2019".
DATELINE = re.compile(
    r"""\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{2}|\d{4})\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b|
    \b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember)[a-z]*\.?\s+\d{1,2}\b|
    \b\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.?\s+\d{4}\b|
    ^(?:posted|published|updated|veröffentlicht|aktualisiert|stand|erstellt)\b""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass
class Line:
    """One rendered block of the page with the features the classifier reads."""

    text: str
    chars: int
    words: int
    stop_ratio: float
    terminal: bool
    lowered: frozenset[str]  # the line's words, lower-cased
    repeated: bool = False  # the same line occurs elsewhere on the page
    kind: Kind = "short"
    first: Kind = "short"  # the kind from the line alone, before smoothing
    keep: bool = False


def clean_scraped_text(text: str) -> str:
    """The article part of a scraped page, paragraphs separated by blank lines; chrome removed."""
    return "\n\n".join(line.text for line in label_lines(text) if line.keep)


def label_lines(text: str) -> list[Line]:
    """Every line of the page with its kind and whether it is kept (useful to see why a line went)."""
    lines = [_features(raw) for raw in _split_lines(text)]
    counts = Counter(line.text for line in lines)
    for line in lines:
        line.repeated = counts[line.text] > 1
        line.kind = line.first = _classify(line)
    _smooth(lines)
    _select_region(lines)
    _keep_header(lines)
    return lines


def _split_lines(text: str) -> list[str]:
    """Non-empty lines with runs of spaces collapsed, hard-wrapped paragraph lines joined back together."""
    out: list[str] = []
    follows_text = False  # the previous raw line was not blank
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if line and follows_text and out and _wrapped(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        elif line:
            out.append(line)
        follows_text = bool(line)
    return out


_WRAP_WIDTH = 50  # text dumps wrap at 60-80 characters; shorter lines are menus, labels or headlines
_CONTINUES = re.compile(r"[a-z]")


def _wrapped(previous: str, line: str) -> bool:
    """A line that continues the sentence of the line above it (a text dump's hard wrap)."""
    if len(previous) < _WRAP_WIDTH or previous[-1] in ".!?:;\"”’|":
        return False
    return bool(_CONTINUES.match(line)) or previous.split()[-1] in _JOINING and len(line) >= _WRAP_WIDTH


# Words a sentence cannot end on: a line ending in one was cut by a hard wrap.
_JOINING = {"the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "that", "its",
            "his", "her", "their", "said", "is", "was", "were", "has", "had", "as"}


def _features(text: str) -> Line:
    words = _WORD.findall(text.lower())
    n_stop = sum(1 for w in words if w in FUNCTION_WORDS)
    chars = len(text)
    if _CJK.search(text):
        # Count each CJK character as about two Latin ones so length thresholds carry over.
        chars += len(_CJK.findall(text))
    return Line(
        text=text,
        chars=chars,
        words=len(words),
        stop_ratio=n_stop / len(words) if words else 0.0,
        terminal=bool(_TERMINAL.search(text)),
        lowered=frozenset(words),
    )


def _is_link_list(line: Line) -> bool:
    """A menu or share bar rendered on one line: many separators between short items."""
    parts = _SEPARATORS.split(line.text)
    if len(parts) < 3:
        return False
    mean_words = line.words / len(parts)
    return mean_words < 3.5 and not line.terminal


def _is_chrome(line: Line) -> bool:
    """A known widget, label or legal line; the phrase regexes only run when a cheap check allows."""
    if line.chars < 120 and BOILERPLATE_LINE.match(line.text):
        return True
    # Scanning every line with the long phrase regex costs most of the time; a word test skips most.
    return line.chars < 400 and not _TRIGGERS.isdisjoint(line.lowered) and bool(BOILERPLATE_SENTENCE.search(line.text))


def _classify(line: Line) -> Kind:
    """A first guess from the line alone (and whether it repeats elsewhere on the page)."""
    if _is_chrome(line):
        return "bad"
    if _is_link_list(line):
        return "bad"
    if line.repeated and line.chars < _GOOD_CHARS:
        # Menus and teaser lists are rendered twice (desktop and mobile); article lines rarely repeat.
        return "bad"
    if line.chars < _SHORT_CHARS:
        return "short"
    prose = line.stop_ratio >= 0.15 or line.terminal
    if line.chars >= _GOOD_CHARS and prose and line.words >= 10 or line.chars >= 60 and _CJK.search(line.text):
        return "good"
    if line.chars >= 2 * _GOOD_CHARS and line.words >= 15:
        return "good"
    return "neargood" if prose else "bad"


def _neighbour(lines: list[Line], i: int, step: int, skip: set[str]) -> str:
    """Kind of the nearest line in direction step whose kind is not in skip; 'bad' at the page edge."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].kind not in skip:
            return lines[j].kind
        j += step
    return "bad"


def _smooth(lines: list[Line]) -> None:
    """Let undecided lines take the class of their surroundings (jusText-style context)."""
    new_kinds: list[Kind] = []
    for i, line in enumerate(lines):
        kind = line.kind
        if kind in ("short", "neargood"):
            prev = _neighbour(lines, i, -1, {"short", "neargood"})
            nxt = _neighbour(lines, i, 1, {"short", "neargood"})
            if prev == nxt:
                kind = "good" if prev == "good" else "bad"
            elif kind == "neargood":
                kind = "good"  # next to prose on one side: an article paragraph more likely than chrome
            else:
                prev = _neighbour(lines, i, -1, {"short"})
                nxt = _neighbour(lines, i, 1, {"short"})
                kind = "good" if "good" in (prev, nxt) and "bad" not in (prev, nxt) else "bad"
        new_kinds.append(kind)
    for line, kind in zip(lines, new_kinds):
        line.kind = kind


def _select_region(lines: list[Line]) -> None:
    """Keep the good lines of the main prose cluster and of the clusters that plausibly continue it.

    Prose before the main cluster is mostly the article's lead (cut off by a picture or a table of
    contents), so little is asked of it; prose after it is mostly comments, author boxes and teasers.
    """
    clusters = _clusters(lines)
    if not clusters:
        return
    scores = [_score(lines, c) for c in clusters]
    best = max(range(len(clusters)), key=scores.__getitem__)
    for index, ((start, end), score) in enumerate(zip(clusters, scores)):
        share = SHARE_BEFORE if index < best else SHARE_AFTER
        if index == best or score >= share * scores[best]:
            for line in lines[start:end + 1]:
                line.keep = line.kind == "good"


SHARE_BEFORE = 0.01
SHARE_AFTER = 0.25


def _score(lines: list[Line], cluster: tuple[int, int]) -> float:
    """Prose mass of a cluster weighted by how much of it is prose: teaser lists are long but sparse."""
    start, end = cluster
    span = lines[start:end + 1]
    prose = sum(line.chars for line in span if line.first == "good")
    total = sum(line.chars for line in span)
    return prose * prose / total if total else 0.0


def _clusters(lines: list[Line], max_gap: int = 3) -> list[tuple[int, int]]:
    """Runs of good lines where at most max_gap non-good lines separate two good ones."""
    clusters: list[tuple[int, int]] = []
    start = last = -1
    for i, line in enumerate(lines):
        if line.kind != "good":
            continue
        if start >= 0 and i - last - 1 <= max_gap:
            last = i
            continue
        if start >= 0:
            clusters.append((start, last))
        start = last = i
    if start >= 0:
        clusters.append((start, last))
    return clusters


def _keep_header(lines: list[Line]) -> None:
    """Headline, byline and dateline sit just above the article; keep them for the meta stage.

    Bylines and date lines are kept wherever they are in the few lines above the lead; of the other
    lines only two headline-like ones (a few words, not chrome), since menus and teasers sit there too.
    Headline-like lines found below a "Related stories" label were that list, not the headline.
    """
    first = next((i for i, line in enumerate(lines) if line.keep), None)
    if first is None:
        return
    titles: list[Line] = []
    for line in reversed(lines[max(0, first - HEADER_LINES):first]):
        if RELATED_LABEL.search(line.text) and line.words <= 5:
            for teaser in titles:
                teaser.keep = False
            titles = []
            continue
        if line.repeated or _is_chrome(line) or _is_link_list(line):
            continue
        if BYLINE.search(line.text) or DATELINE.search(line.text) and line.words <= 12:
            line.keep = True
        elif line.words >= 3 and len(titles) < HEADER_TITLES:
            # Headlines lack function words and end without a full stop, so their kind says little.
            line.keep = True
            titles.append(line)


HEADER_LINES = 14
HEADER_TITLES = 2


def repair_text(text: str) -> str:
    """Undo the commonest mojibake: UTF-8 bytes that were decoded as Latin-1/cp1252 ("Ã©" for "é")."""
    if not _MOJIBAKE.search(text):
        return text
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return _repair_pieces(text)
    return fixed


# Lead bytes of two- and three-byte UTF-8 sequences as cp1252 shows them, followed by a continuation byte.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u20ac\u2122]")


def _repair_pieces(text: str) -> str:
    """Repair each mojibake run alone when the whole text mixes broken and sound characters."""

    def fix(match: re.Match[str]) -> str:
        try:
            return match.group(0).encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group(0)

    return _MOJIBAKE_RUN.sub(fix, text)


_MOJIBAKE_RUN = re.compile("(?:[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u20ac\u2122]{1,3})+")
