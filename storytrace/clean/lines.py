"""Which line of a whole scraped page is the headline, the date line and the byline.

A page copied as text puts the article's headline, date and byline somewhere among menus, share
bars, teasers and mastheads. Each line near the article's first paragraphs is described by a few
features (where it stands relative to that paragraph, its length and capitalisation, date and
byline shapes, what its neighbours are, how many of its words the article repeats), and a
linear model per class learned from real pages (scripts/train_meta_lines.py; lines were labelled by
matching what each page's own markup says) picks the page's headline, date line and byline among
them, or none (a line may be two: "By A - 11/18/19 11:04 PM EST"). The weights ship in storytrace/resources/meta-lines-v1.npz and are applied with numpy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Final

import numpy as np

from storytrace.clean.dates import first_date, is_date_line
from storytrace.clean.text import BOILERPLATE_LINE, Line, label_lines
from storytrace.words import FUNCTION_WORDS

ARTEFACT: Final[str] = "meta-lines-v1.npz"
CLASSES: Final[tuple[str, ...]] = ("headline", "date", "byline")
# Lines read above and below the article's first paragraph: headlines sit up to a few dozen
# lines above it on pages with long menus, date and byline lines a few lines below on some.
WINDOW_ABOVE = 180
WINDOW_BELOW = 12
# A paragraph this long opens the article (with another one close after it).
_PARAGRAPH_CHARS = 90

_BY = re.compile(r"^\s*(?:written\s+|posted\s+|words\s+)?by\b", re.IGNORECASE)
_BY_ALONE = re.compile(r"^\s*(?:by|written by|posted by|author:?|words by)\s*:?\s*$", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][a-z'’.-]+(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|al|da|di|le|la)\b)?\s+[A-Z][a-zA-Z'’-]+\b")
_ROLE = re.compile(r"\b(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|staff|author)s?\b",
                   re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_PUBLISH_WORD = re.compile(r"\b(?:published|posted|updated|on)\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s[|•·]\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_GLUED = re.compile(r"[a-z][A-Z][a-z]")
# Code: braces, semicolons, operators, a call "f(" or an empty call at the end ("init()"); a headline may
# end with a parenthesis ("Char Kway Teow (Stir Fry Flat Rice Noodles)").
_CODE = re.compile(r"[{};=<>]|\w\(|\(\)\s*$")
# "Dow Jones, a News Corp company": the ownership line of a page's masthead or footer.
_OWNERSHIP = re.compile(r",\s+(?:an?|part\s+of)\s+[\w .&'’-]{2,40}?(?:company|brand|subsidiary|business|group)\.?$",
                        re.IGNORECASE)
# Furniture sentences: a relative time stamp ("1 point · 6 years ago", "16 hours ago"), a consent notice ("This
# website uses cookies to ..."), a share button ("Click to email a link to a friend (Opens in new window)") and a
# reading prompt ("Continue reading the main story").
_FURNITURE = re.compile(r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|"
                        r"\b(?:this|our)\s+(?:web\s*)?site\s+uses\s+cookies\b|\bwe\s+use\s+cookies\b|"
                        r"^(?:click|tap)\s+to\s+(?:share|email|print)\b|^continue\s+reading\b|"
                        r"\(opens\s+in\s+(?:a\s+)?new\s+window\)", re.IGNORECASE)
# A first word written with a lower-case letter before a capital is a brand ("iOS 13", "eBay", "iPhone"),
# which headlines open with; any other lower-case start is a fragment.
_BRAND_START = re.compile(r"^[a-z]+[A-Z0-9]")
# The heading of a box of other stories ("Related News", "More from Politics", "Read next"): the lines under it are
# other articles' headlines, which look like this one's (and like a headline with its deck below). Labels that
# also name a section in breadcrumbs ("Editors Pick", "Top Stories", "Trending") are left out: a page's own
# headline follows them.
_BOX_LABEL = re.compile(r"^(?:related(?:\s+(?:news|stories|articles|coverage|content|posts|links|reading|topics))?"
                        r"|more\s+(?:news|stories|headlines|from|on|in|like\s+this)\b.{0,40}|read\s+(?:more|next|also)"
                        r"|see\s+also|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you|\s+stories)?"
                        r"|most\s+(?:popular|read|viewed|shared|emailed)|also\s+on\b.{0,40})\s*:?$", re.IGNORECASE)
# Lines above a line in which a box heading makes it one of the box's entries.
_BOX_REACH = 4
_CAPTION = re.compile(r"\b(?:caption|photo(?:graph)?|image|picture|getty|shutterstock|credit|illustration|file photo)\b",
                      re.IGNORECASE)


@dataclass
class PageLine:
    """A line of the page with the class the model gives it and its probability."""

    index: int
    text: str
    label: str
    probability: float


@dataclass
class PageHeader:
    """The best line of each class, or None when no line is likely enough."""

    headline: PageLine | None
    date: PageLine | None
    byline: PageLine | None
    anchor: int  # index of the article's first paragraph in `lines`
    lines: list[str]
    chrome: list[str]  # the lines the cleaner did not keep: menus, mastheads, footers
    # Per class, the likeliest lines best first (the best one included, even under its floor): a reader
    # falls back on them when the best line cannot be read (a byline that parses as no name).
    ranked: dict[str, list[PageLine]] = field(default_factory=dict)


def _runs(lines: list[Line]) -> list[tuple[int, int]]:
    """Runs of kept paragraphs (gaps of a few lines allowed) as (first line, characters)."""
    runs: list[tuple[int, int]] = []
    last = -10
    for index, line in enumerate(lines):
        if not line.keep or line.chars < _PARAGRAPH_CHARS // 2:
            continue
        if not runs or index - last > _RUN_GAP:
            runs.append((index, 0))
        runs[-1] = (runs[-1][0], runs[-1][1] + line.chars)
        last = index
    return runs


def find_anchor(lines: list[Line]) -> int:
    """Index of the article's first paragraph: the start of the run of kept lines (gaps of a few
    lines allowed) holding the most kept text, the article rather than a teaser or a cookie notice."""
    runs = _runs(lines)
    if not runs:
        return next((i for i, line in enumerate(lines) if line.keep), 0)
    return max(runs, key=lambda run: run[1])[0]


def first_anchor(lines: list[Line]) -> int:
    """Start of the first run holding a good share of the longest run's text: the article's start when the
    comments, references or related stories under it outweigh it."""
    runs = _runs(lines)
    if not runs:
        return find_anchor(lines)
    most = max(chars for _, chars in runs)
    return next(start for start, chars in runs if chars >= ANCHOR_SHARE * most)


# A run of kept text this share of the longest one is the article's start when it comes first (0.2 to 0.5 were
# compared on the train part: 0.3 and 0.4 gained the same, 0.4 lost no page).
ANCHOR_SHARE = 0.4


# Lines between two kept paragraphs of one article (a picture caption, an ad label, a pull quote).
_RUN_GAP = 4


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in FUNCTION_WORDS]


def _bucket(value: float, edges: tuple[float, ...], prefix: str) -> dict[str, float]:
    """One-hot of the interval `value` falls in: edges (a, b, c) give <a, <b, <c, rest."""
    for edge in edges:
        if value < edge:
            return {f"{prefix}<{edge:g}": 1.0}
    return {f"{prefix}>={edges[-1]:g}": 1.0}


def _shape(text: str) -> dict[str, float]:
    """Features of the line alone."""
    words = text.split()
    n = len(words)
    capitalised = sum(1 for w in words if w[:1].isupper())
    lowered = [w.lower().strip(".,:;!?\"'“”‘’") for w in words]
    stop = sum(1 for w in lowered if w in FUNCTION_WORDS)
    has_date = first_date(text) is not None
    features = {
        **_bucket(n, (2, 3, 5, 8, 13, 20, 30), "words"),
        "cap_share": capitalised / n if n else 0.0,
        "stop_share": stop / n if n else 0.0,
        "upper": float(text.isupper() and n >= 2),
        "ends_period": float(text.rstrip().endswith(".")),
        "ends_question": float(text.rstrip().endswith(("?", "!"))),
        "ends_colon": float(text.rstrip().endswith(":")),
        "has_quote": float(bool(re.search(r"[\"“”‘’']", text))),
        "has_digit": float(bool(re.search(r"\d", text))),
        "has_date": float(has_date),
        "date_line": float(has_date and is_date_line(text)),
        "has_time": float(bool(_TIME.search(text))),
        "publish_word": float(bool(_PUBLISH_WORD.search(text))),
        "by": float(bool(_BY.match(text))),
        "by_alone": float(bool(_BY_ALONE.match(text))),
        "name": float(bool(_NAME.search(text))),
        "role": float(bool(_ROLE.search(text))),
        "separator": float(bool(_SEPARATOR.search(text))),
        "chrome": float(len(text) < 120 and bool(BOILERPLATE_LINE.match(text))),
        "copyright": float(bool(re.search(r"©|\(c\)|copyright", text, re.IGNORECASE))),
        "long": float(len(text) > 200),
        "headline_case": float(n >= 3 and capitalised / n >= 0.8),
        # "TrafficBuilding A Better Bay AreaTake Action": menu entries run together.
        "glued": float(len(_GLUED.findall(text)) >= 2),
        "code": float(bool(_CODE.search(text))),
        "caption": float(bool(_CAPTION.search(text))),
    }
    return features


def _features(lines: list[Line], index: int, anchor: int, body: set[str], lead: set[str], shapes: dict[int, dict],
              quoted: int) -> dict[str, float]:
    line = lines[index]
    distance = index - anchor
    own = shapes[index]
    words = _content_words(line.text)
    overlap = sum(1 for w in words if w in body) / len(words) if words else 0.0
    features = dict(own)
    features["lead_overlap"] = sum(1 for w in words if w in lead) / len(words) if words else 0.0
    # A headline is repeated inside other lines ("Share: <headline>", breadcrumbs, the related box).
    features["inside_other"] = float(quoted >= 1)
    features["inside_others"] = float(quoted >= 2)
    features.update(_bucket(distance, (-80, -50, -30, -15, -8, -4, -2, -1, 0, 1, 3, 6), "d"))
    features["overlap"] = overlap
    features["overlap_full"] = float(bool(words) and overlap == 1.0)
    features["repeated"] = float(line.repeated)
    features["kept"] = float(line.keep)
    features["good"] = float(line.first == "good")
    features["page_top"] = float(index < 3)
    features["in_box"] = float(any(_BOX_LABEL.match(lines[k].text.strip()) for k in range(max(0, index - _BOX_REACH), index)))
    # A headline sits a few lines above the byline and date lines; a date line near a byline.
    for key in ("date_line", "by", "name"):
        above = next((k for k in range(1, 6) if shapes.get(index - k, {}).get(key)), 0)
        below = next((k for k in range(1, 6) if shapes.get(index + k, {}).get(key)), 0)
        features[f"{key}_below_1_5"] = float(below > 0)
        features[f"{key}_below_3_5"] = float(below >= 3)
        features[f"{key}_above_1_5"] = float(above > 0)
    for step, name in ((-1, "prev"), (1, "next"), (-2, "prev2"), (2, "next2")):
        neighbour = shapes.get(index + step)
        if neighbour is None:
            features[f"{name}_none"] = 1.0
            continue
        for key in ("date_line", "has_date", "by", "by_alone", "name", "chrome", "has_time"):
            features[f"{name}_{key}"] = neighbour[key]
        features[f"{name}_short"] = float(neighbour.get("words<3", 0.0) or neighbour.get("words<2", 0.0))
        features[f"{name}_sentence"] = float(neighbour["ends_period"] and neighbour["stop_share"] >= 0.2)
        features[f"{name}_headline_case"] = neighbour["headline_case"]
    return features


def page_features(text: str) -> tuple[list[Line], int, list[int], list[dict[str, float]]]:
    """The page's lines, the anchor, the indices of the lines in the window and their features."""
    lines = label_lines(text)
    if not lines:
        return lines, 0, [], []
    anchor = find_anchor(lines)
    first = first_anchor(lines)
    start, end = max(0, min(anchor, first) - WINDOW_ABOVE), min(len(lines), anchor + WINDOW_BELOW + 1)
    body: set[str] = set()
    lead: set[str] = set()
    for line in lines[anchor:]:
        if line.keep:
            words = _content_words(line.text)
            body.update(words)
            if len(lead) < _LEAD_WORDS:
                lead.update(words)
    shapes = {i: _shape(lines[i].text) for i in range(max(0, start - 5), min(len(lines), end + 5))}
    indices = list(range(start, end))
    texts = [line.text for line in lines]
    rows = []
    for i in indices:
        text = texts[i]
        quoted = sum(1 for other in texts if len(other) > len(text) and text in other) if len(text.split()) >= 3 else 0
        rows.append(_features(lines, i, anchor, body, lead, shapes, quoted))
        # Where the line stands relative to the first run of article text as well (the two differ on pages whose
        # comments or references outweigh the article).
        rows[-1].update(_bucket(i - first, (-30, -8, -3, -1, 0, 1), "f"))
        rows[-1]["first_differs"] = float(first != anchor)
    _add_context(lines, anchor, indices, rows)
    return lines, anchor, indices, rows


# A title-like line: a few words to a long deck, no full stop, about the article (most of its words recur in it).
_TITLEISH_WORDS = (3, 40)
_TITLEISH_OVERLAP = 0.5


def _titleish(row: dict[str, float], words: int) -> bool:
    return _TITLEISH_WORDS[0] <= words <= _TITLEISH_WORDS[1] and not row["ends_period"] and not row["date_line"] \
        and not row["by"] and not row["chrome"] and not row["code"] and row["overlap"] >= _TITLEISH_OVERLAP


def _add_context(lines: list[Line], anchor: int, indices: list[int], rows: list[dict[str, float]]) -> None:
    """Features of a line among the other title-like lines: a headline has its deck (a longer title-like
    line) under it and the deck has the headline above it; the lines between a line and the article; and
    whether the page prints the same words on another line (a headline comes back in share bars and
    breadcrumbs, in other cases or with other punctuation)."""
    position = {i: j for j, i in enumerate(indices)}
    sizes = {i: len(lines[i].text.split()) for i in indices}
    titleish = {i: _titleish(rows[position[i]], sizes[i]) for i in indices}
    keys = [frozenset(_content_words(line.text)) for line in lines]
    counts: dict[frozenset[str], list[int]] = {}
    for k, key in enumerate(keys):
        if len(key) >= 2:
            counts.setdefault(key, []).append(k)
    between = 0
    for i in sorted((i for i in indices if i < anchor), reverse=True):
        row = rows[position[i]]
        row.update(_bucket(between, (1, 2, 3), "titles_below"))
        between += titleish[i]
    for i in indices:
        row = rows[position[i]]
        for step, name in ((1, "next"), (-1, "prev")):
            other = i + step
            if titleish.get(other):
                row[f"{name}_titleish"] = 1.0
                longer = sizes[other] > sizes[i]
                row[f"{name}_titleish_{'longer' if longer else 'shorter'}"] = 1.0
        same = [k for k in counts.get(keys[i], ()) if k != i]
        row["same_words_near"] = float(any(abs(k - i) <= 2 for k in same))
        row["same_words_far"] = float(any(abs(k - i) > 2 for k in same))


# Distinct content words of the article's opening read as its lead.
_LEAD_WORDS = 40


def _can_be_headline(text: str, row: dict[str, float]) -> bool:
    """Shapes no headline has, whatever the model's score: code, a lower-case start (a brand's "iOS" aside),
    a dangling comma or bar, a line going on from the one above ("& Sylvia Reyes, Director ..."), an e-mail
    credit, a date line, a "By ..." credit, an ownership line, a relative time stamp, a cookie notice, a share
    button, an entry of a box of other stories (too rare between a headline and its article in
    the training pages for the model to learn it, but there on some wire pages)."""
    stripped = text.strip()
    return bool(stripped) and not row["code"] and (not stripped[0].islower() or bool(_BRAND_START.match(stripped))) \
        and not stripped.endswith((",", "|")) and not stripped.startswith("&") \
        and "@" not in stripped and "email protected" not in stripped.lower() and not row["date_line"] \
        and not row["by"] and not _is_prose(stripped) and not _is_menu(stripped) and not _OWNERSHIP.search(stripped) \
        and not _FURNITURE.search(stripped) and not row.get("in_box")


# Words from which a line ending like a sentence is the article's first sentence, not its headline: a text
# pasted without its headline starts with its lead ("An article saying NASA confirmed ... is fake.").
PROSE_WORDS = 12


def _is_menu(line: str) -> bool:
    """"Sport | Football | Rugby | Cricket": three or more short items between bars are navigation."""
    items = [item.strip() for item in re.split(r"\s[|•·]\s", line)]
    return len(items) >= 3 and all(len(item.split()) <= 3 for item in items)


def _is_prose(line: str) -> bool:
    """A long sentence in sentence case, ending with its full stop: a lead paragraph, not a headline (Title
    Case headlines that end with a period stay candidates)."""
    words = line.split()
    if len(words) < PROSE_WORDS or not line.rstrip("\"'”’)").endswith((".", "!", "?")):
        return False
    capitalised = sum(w[:1].isupper() for w in words[1:] if len(w) > 3)
    return capitalised < 0.5 * sum(1 for w in words[1:] if len(w) > 3)


@dataclass(frozen=True)
class LineModel:
    """Per class, a linear score over named, standardised features, turned into a choice among a page's
    lines by a softmax that includes a "no such line" option (a conditional logit): the page's lines
    compete with each other, which is what picking one headline needs."""

    names: tuple[str, ...]
    coef: np.ndarray  # classes x features
    null: np.ndarray  # classes: the score of "no line of this class on the page"
    mean: np.ndarray
    scale: np.ndarray

    def matrix(self, rows: list[dict[str, float]]) -> np.ndarray:
        column = {name: j for j, name in enumerate(self.names)}
        x = np.zeros((len(rows), len(self.names)))
        for i, row in enumerate(rows):
            for name, value in row.items():
                j = column.get(name)
                if j is not None:
                    x[i, j] = value
        return (x - self.mean) / self.scale

    def probabilities(self, rows: list[dict[str, float]]) -> np.ndarray:
        """Lines x classes: the chance that each line is the page's line of that class."""
        scores = self.matrix(rows) @ self.coef.T  # lines x classes
        top = np.maximum(scores.max(axis=0), self.null)
        exp = np.exp(scores - top)
        return exp / (exp.sum(axis=0) + np.exp(self.null - top))


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    """The shipped model, read once on first use."""
    with resources.files("storytrace.resources").joinpath(ARTEFACT).open("rb") as handle:
        arrays = np.load(handle, allow_pickle=False)
        return LineModel(tuple(str(n) for n in arrays["names"]), arrays["coef"], arrays["null"],
                         arrays["mean"], arrays["scale"])


# Probabilities below these leave the class unfilled (0.3, 0.15 and 0.05 were compared on the train part:
# the lowest lost no right answers and found more).
MIN_HEADLINE = 0.05
MIN_DATE = 0.05
MIN_BYLINE = 0.05
# Lines kept in each class's ranked list: how many, and the least probability (a hundredth of the floor
# still ranks a "By A/June 12, 2020/Updated ..." line the model found odd above the page's other lines).
RANKED = 5
MIN_RANKED = 0.005


def read_header(text: str, model: LineModel | None = None) -> PageHeader:
    """The headline, date and byline lines of a whole scraped page."""
    lines, anchor, indices, rows = page_features(text)
    texts = [line.text for line in lines]
    chrome = [line.text for line in lines if not line.keep]
    if not rows:
        return PageHeader(None, None, None, anchor, texts, chrome)
    model = model or load_model()
    probabilities = model.probabilities(rows)
    best: dict[str, PageLine | None] = {}
    ranked: dict[str, list[PageLine]] = {}
    for label, floor in (("headline", MIN_HEADLINE), ("date", MIN_DATE), ("byline", MIN_BYLINE)):
        column = probabilities[:, CLASSES.index(label)].copy()
        if label == "headline":
            column[[not _can_be_headline(texts[i], row) for i, row in zip(indices, rows)]] = 0.0
        order = [int(j) for j in np.argsort(-column, kind="stable")[:RANKED] if column[j] >= MIN_RANKED]
        ranked[label] = [PageLine(indices[j], texts[indices[j]], label, float(column[j])) for j in order]
        if label == "headline":
            ranked[label] = _label_gives_way(ranked[label])
            ranked[label] = _deck_gives_way(ranked[label])
        best[label] = ranked[label][0] if ranked[label] and ranked[label][0].probability >= floor else None
    return PageHeader(best["headline"], best["date"], best["byline"], anchor, texts, chrome, ranked)


# A section label is short ("Community", "The Elder Scrolls"); the headline under it is longer.
_LABEL_WORDS = 3


def _words(line: PageLine) -> int:
    return len(line.text.split())


def _label_gives_way(ranked: list[PageLine]) -> list[PageLine]:
    """A short line picked as the headline with a likely headline line of more words right under it is the
    section label over that headline ("Community" over "Leader spotlight: Erin Spiceland"): the line under it
    goes first."""
    if not ranked or _words(ranked[0]) > _LABEL_WORDS:
        return ranked
    return _neighbour_first(ranked, 1, lambda line: _words(line) > _LABEL_WORDS and not line.text.rstrip().endswith("."))


def _deck_gives_way(ranked: list[PageLine]) -> list[PageLine]:
    """A line picked as the headline with a likely headline line of fewer words (more than a label's) right above
    it is that headline's deck, the longer summary printed under it ("Coal has been in a slow-motion death spiral
    over the past ten years" under "Despite everything, U.S. emissions dipped in 2019"): the line above goes first."""
    if not ranked:
        return ranked
    return _neighbour_first(ranked, -1, lambda line: _LABEL_WORDS < _words(line) < _words(ranked[0]))


def _neighbour_first(ranked: list[PageLine], step: int, fits: Callable[[PageLine], bool]) -> list[PageLine]:
    """`ranked` with the likely headline line `step` lines from the top pick moved first, when it `fits`."""
    found = next((line for line in ranked[1:] if line.index == ranked[0].index + step
                  and line.probability >= MIN_HEADLINE and fits(line)), None)
    return ranked if found is None else [found, *(line for line in ranked if line is not found)]
