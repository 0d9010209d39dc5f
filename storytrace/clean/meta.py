"""Article metadata: outlet, headline, byline, dateline and publication time with its zone.

Works on an article's cleaned text plus optional hints (trafilatura's metadata or JSONL
fields). Hints win when present and sane; otherwise the header lines of a scraped page (a
headline, "By ...", "Posted ...") and its footer ("© 2009 ...", "Reporting by ...") are read
and removed from the body. The common shapes are matched by precompiled regexes, so a typical
article costs well under a millisecond; dateparser is only a fallback for odd hint strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from storytrace.clean.dates import (
    PrintedTime, first_date, is_date_line, numeric_day_first, parse_hint, parse_when, place_in_zone, zoneinfo,
)
from storytrace.clean.lines import MIN_HEADLINE, PageHeader, read_header
from storytrace.clean.outlets import (
    Outlet, has_legal_form, outlet_from_name, outlet_from_url, outlet_in_text, outlets_named_in, outlets_of_holder,
    without_legal_form,
)
from storytrace.date_words import (
    MONTH_NAMES, MONTH_ON_PAGE, WEEKDAY_NAMES, WEEKDAY_ON_PAGE, month_number, weekday_number,
)
from storytrace.model import Dateline


@dataclass
class ArticleMeta:
    outlet: str | None
    title: str | None
    byline: str | None  # the person(s), without their role: "Kim Soo-jin"
    dateline: Dateline | None
    published: datetime | None  # timezone-aware when the text or the outlet's home zone gives one
    body: str  # text minus the consumed header/footer lines; the dateline stays in place


# ---------------------------------------------------------------------------- bylines

_BY = re.compile(r"^\s*(?:written\s+)?by\b[:\s]*(?P<rest>\S.*)$", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"\b(?:reporters?|writers?|correspondents?|editors?|columnists?|contributors?|journalists?|"
    r"staff|bureau|special\s+to|intern|analyst|photographer|producer|desk)\b",
    re.IGNORECASE,
)
_TRAILING_ROLE = re.compile(
    r"(?:\s+(?i:staff|senior|chief|special|foreign|diplomatic|political|contributing))*"
    r"\s+(?i:reporter|writer|correspondent|editor|columnist|contributor|journalist)s?$"
)
_EMAIL = re.compile(r"\(?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\)?")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")
_NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|\s+and\s+|\s*&\s*)\s*")
_PARTICLES = {"de", "da", "van", "von", "der", "den", "bin", "al", "la", "le", "di", "du", "del", "dos"}
# April, May and June are also first names ("By April Roach"); a date has digits, which no name has.
_NOT_FIRST_NAMES = {*WEEKDAY_NAMES, *MONTH_NAMES, "the", "this", "that"} - {"april", "may", "june"}
# Words opening chrome lines ("About Ferncombe Herald", "Subscribe To Our Newsletter") that no name starts with.
_NOT_FIRST_NAMES |= set("about subscribe follow contact home more read share sign join privacy terms related latest "
                        "top most news world our your welcome support advertise download watch listen photo video "
                        "editorial opinion sponsored posted updated published filed".split())
_REPORTING = re.compile(r"^\(?\s*(?:additional\s+)?(?:reporting|writing)\s+by\b", re.IGNORECASE)


def _person(text: str) -> str | None:
    """`text` as a person's name (2-5 capitalised words, particles allowed), else None."""
    text = _IN_PLACE.sub("", text.strip().strip(".,;"))
    text = _TRAILING_ROLE.sub("", text)
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or tokens[0].lower() in _NOT_FIRST_NAMES:
        return None
    for token in tokens:
        letters = re.sub(r"[-'’.]", "", token)
        if token.lower() not in _PARTICLES and not (letters.isalpha() and token[0].isupper()):
            return None
    if text.isupper():  # "KIM SOO-JIN" -> "Kim Soo-jin"
        text = " ".join(token.capitalize() for token in tokens)
    return text


def _join_names(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _names(text: str) -> list[str] | None:
    """Every piece of a name list must be a person, or the list is not a byline."""
    people = [_person(piece) for piece in _NAME_SPLIT.split(text) if piece.strip()]
    if not people or len(people) > 6 or any(person is None for person in people):
        return None
    return list(dict.fromkeys(p for p in people if p))


def _parse_byline(line: str) -> tuple[str, Outlet | None] | None:
    """People and any outlet named in "By A and B, Staff Reporter", "By A | Reuters" or
    "A, Staff Writer"; None when the line is not a byline."""
    if len(line) > 160:
        return None
    line = _EMAIL.sub(" ", line).strip(" |•·/–—-")
    by = _BY.match(line)
    rest = by["rest"] if by else line
    parts = re.split(r"\s+[|–—]\s+|\s+-\s+", rest)
    pieces = [piece.strip() for piece in parts[0].split(",")]
    others = [outlet_from_name(part) for part in parts[1:]]
    if not all(others):
        return None  # "By A | December 19, 2009": left to the "|"-separated header reading
    outlet = others[0] if others else None
    people: list[str] = []
    has_role = False
    for index, piece in enumerate(pieces):
        named = outlet_from_name(piece) if index else None
        if named is not None or (index and _ROLE_WORDS.search(piece)):
            outlet = outlet or named
            has_role = True
            continue  # the role or employer is kept out of the byline
        found = _names(piece)
        if found is None:
            return None
        people.extend(found)
    # Without "By", only "NAME, Staff Writer" shapes count: a bare name line is too ambiguous.
    if not people or (by is None and not has_role):
        return None
    return _join_names(list(dict.fromkeys(people))), outlet


def _reporters(line: str) -> str | None:
    """The reporters of "(Reporting by A in Seoul and B; Editing by C)", editors left out."""
    if not _REPORTING.match(line):
        return None
    people: list[str] = []
    for segment in line.strip().strip("()").split(";"):
        match = re.match(r"\s*(?:additional\s+)?(?:reporting|writing)\s+by\s+(.+)", segment, re.IGNORECASE)
        if match:
            people.extend(_names(match[1]) or [])
    return _join_names(list(dict.fromkeys(people))) if people else None


def _clean_author(author: str) -> str | None:
    """A byline hint, with roles stripped; an outlet given as author is not a person."""
    author = author.strip()
    if not author or len(author) > 120 or "://" in author or outlet_from_name(author):
        return None
    parsed = _parse_byline(author if _BY.match(author) else "By " + author.replace(";", ","))
    return parsed[0] if parsed else author


# ---------------------------------------------------------------------------- datelines

_DATELINE = re.compile(
    r"^\s*(?:(?P<caps>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]*){0,3})"
    rf"(?:,\s*(?!{MONTH_ON_PAGE}\s*\d|{WEEKDAY_ON_PAGE})(?P<region>[A-Z][A-Za-z.]{{1,15}}(?:\s[A-Z][A-Za-z.]{{1,15}})?))?"
    rf"|(?P<title>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){{0,2}})(?=,\s*(?:{MONTH_ON_PAGE}|\d{{1,2}}\s+{MONTH_ON_PAGE}|{WEEKDAY_ON_PAGE})|\s*\())"
    rf"(?:,\s*(?P<date>{MONTH_ON_PAGE}\s*\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{MONTH_ON_PAGE}(?:\s+\d{{4}})?|{WEEKDAY_ON_PAGE}))?"
    r"(?:\s*\((?P<agency>[A-Z][\w&.'’\- ]{0,40})\))?"
    r"\s*(?:-{1,3}|—|–|\|)\s*(?=[\"“‘'A-Z0-9])"
)
# All-capital kickers that look like a place before a dash but are not one.
_NOT_PLACES = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "EDITORIAL", "OPINION",
               "VIDEO", "PHOTOS", "WATCH", "CORRECTED", "FACTBOX", "REFILE", "COMMENTARY", "NEWS",
               "LIVE", "INTERVIEW", "REVIEW", "URGENT", "FLASH"}


def _title_word(word: str) -> str:
    """"UNITED" -> "United", "ST." -> "St.", "D.C." and "U.S." unchanged, "O'HARE" -> "O'Hare"."""
    if re.fullmatch(r"(?:[A-Z]\.)+", word):
        return word
    parts = re.split(r"([-'’])", word.lower())
    return "".join(p.capitalize() if i % 2 == 0 and (i == 0 or len(parts[i - 2]) <= 1 or parts[i - 1] == "-")
                   else p for i, p in enumerate(parts))


@dataclass
class _RawDateline:
    place: str
    printed_date: str | None
    agency: str | None


def _parse_dateline(line: str) -> _RawDateline | None:
    match = _DATELINE.match(line)
    if match is None:
        return None
    if match["caps"]:
        if match["caps"].strip() in _NOT_PLACES:
            return None
        place = " ".join(_title_word(word) for word in match["caps"].split())
        if match["region"]:
            place += ", " + match["region"]
    else:
        place = match["title"]
    agency = match["agency"]
    if agency:
        known = outlet_from_name(agency)
        agency = known.name if known else agency.strip()
    return _RawDateline(place, match["date"], agency)


def dateline_length(text: str) -> int:
    """Characters of a dateline opening `text` ("BEIJING, Dec. 17 (Yonhap) -- "), 0 when there is none."""
    match = _DATELINE.match(text)
    return match.end() if match and _parse_dateline(text) is not None else 0


def _dateline_date(printed: str | None, anchor: date | None, published: bool = True) -> date | None:
    """The dateline's date. Its year (rarely printed) is the one that puts it on or shortly
    before the publication date: "Dec. 31" published Jan. 1 is last year's Dec. 31. When the
    anchor is only a date the text prints (`published` false), the year nearest to it."""
    if not printed:
        return None
    found = first_date(printed)
    if found:
        return found[0]
    weekday = re.fullmatch(WEEKDAY_ON_PAGE, printed.strip())
    if weekday is not None:  # "SEOUL, Friday (Reuters)": the last such weekday up to publication
        if anchor is None:
            return None
        back = (anchor.weekday() - weekday_number(printed)) % 7
        return anchor - timedelta(days=back)
    numbers = re.search(r"\d{1,2}", printed)
    month_word = re.search(MONTH_ON_PAGE, printed)
    if anchor is None or numbers is None or month_word is None:
        return None
    month, day_of_month = month_number(month_word.group(0)), int(numbers.group(0))
    best: date | None = None
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        try:
            candidate = date(year, month, day_of_month)
        except ValueError:
            continue
        if not published:
            if best is None or abs((candidate - anchor).days) < abs((best - anchor).days):
                best = candidate
        # Two days of slack: a dateline in Seoul can be a day ahead of a New York timestamp.
        elif (anchor - candidate).days >= -2 and (best is None or candidate > best):
            best = candidate
    return best


# ---------------------------------------------------------------------------- header and footer

_COPYRIGHT = re.compile(
    r"^\s*(?P<mark>©|\(c\)|copyright\b)\s*(?:©|\(c\))?\s*(?P<year>\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*"
    r"(?:by\s+)?(?P<holder>[^.]*?)\s*(?:[.,].*)?$",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"^\s*(?:all rights reserved\b|this material may not be published\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*$")
_HEADER_LINES = 12  # non-blank lines read at the top before giving up on a header
_FOOTER_LINES = 5


@dataclass
class _Found:
    """What the header and footer scans read, and which lines they consumed."""

    consumed: set[int]
    title: str | None = None
    byline: str | None = None
    reporters: str | None = None
    when: PrintedTime | None = None
    outlet: Outlet | None = None  # from a masthead, copyright line or "By A | Reuters"


def _copyright_outlet(line: str) -> tuple[bool, Outlet | None]:
    """(is a copyright line, the outlet it names). A line opening with the word "Copyright"
    must also give a year or name an outlet, so "Copyright laws changed ..." stays prose."""
    match = _COPYRIGHT.match(line)
    if match is None or len(line) > 250:
        return False, None
    holder = match["holder"].strip()
    named = outlet_in_text(holder) if holder else None
    symbol = not match["mark"].lower().startswith("copyright")  # "©" or "(c)"
    return symbol or bool(match["year"]) or named is not None, named


def _is_body_line(line: str) -> bool:
    """A paragraph of prose: long, or a sentence of some length, or opening with a dateline."""
    words = len(line.split())
    return words > 30 or (words >= 8 and bool(_SENTENCE_END.search(line))) or _parse_dateline(line) is not None


def _same_title(line: str, title: str) -> bool:
    """The line repeats the hinted headline (the hint may carry a " | Outlet" suffix)."""
    a, b = (re.sub(r"\W+", " ", s).strip().lower() for s in (line, title))
    return bool(a) and (a == b or b.startswith(a) or a.startswith(b))


def _header_segment(segment: str, found: _Found) -> bool:
    """Read one header line or "|"-separated part of one; True when it was understood."""
    masthead = outlet_from_name(segment) if len(segment) < 60 else None
    if masthead is not None:
        found.outlet = found.outlet or masthead
        return True
    is_copyright, named = _copyright_outlet(segment)
    if is_copyright:
        found.outlet = found.outlet or named
        return True
    if is_date_line(segment):  # consumed even when its date is absurd and dropped
        found.when = found.when or parse_when(segment)  # "Posted" before "Updated": keep the first
        return True
    byline = _parse_byline(segment)
    if byline is not None:
        found.byline = found.byline or byline[0]
        found.outlet = found.outlet or byline[1]
        return True
    # A role on its own line under the byline ("Staff Reporter").
    return found.byline is not None and len(segment.split()) <= 4 and bool(_ROLE_WORDS.search(segment))


def _header_parts(line: str, found: _Found) -> bool:
    """A line of "|"-separated header parts ("By A | December 19, 2009"), all understood."""
    parts = [part.strip() for part in line.split(" | ") if part.strip()]
    trial = replace(found)  # read into a copy: a line only half understood changes nothing
    if len(parts) < 2 or not all(_header_segment(part, trial) for part in parts):
        return False
    found.title, found.byline, found.when, found.outlet = trial.title, trial.byline, trial.when, trial.outlet
    return True


def _headline_candidate(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and len(line) <= 200 and not line.endswith(".") and not line[0].islower()


def _header_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, stripped text) of the first _HEADER_LINES non-blank lines: where a header can be."""
    seen = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > _HEADER_LINES:
            return
        yield index, line


def _scan_header(lines: list[str], title_hint: str | None, site: str | None, found: _Found) -> None:
    """Consume the headline, byline, date and masthead lines above the first paragraph.

    Without a title hint, every headline-like line up there is consumed (taglines, section labels,
    decks), and the headline is the one just above the first date or byline line, where news pages
    put it; with neither, the first one.
    """
    candidates: list[str] = []
    before_stamp: str | None = None
    for index, line in _header_lines(lines):
        if site and _same_name(line, site):
            found.consumed.add(index)
        # Header shapes first: a byline may end with a period and look like a short sentence.
        elif len(line) <= 200 and (_header_segment(line, found) or _header_parts(line, found)):
            found.consumed.add(index)
            before_stamp = before_stamp or (candidates[-1] if candidates else None)
        elif _is_body_line(line):
            break
        elif title_hint is not None:
            if found.title is None and _same_title(line, title_hint):
                found.title = title_hint
                found.consumed.add(index)
        elif _headline_candidate(line) and index < len(lines) - 1:
            candidates.append(line)
            found.consumed.add(index)
    if title_hint is None and candidates:
        found.title = before_stamp or candidates[0]


def _same_name(line: str, name: str) -> bool:
    """A masthead line naming the site ("The Seoul Tribune" for "Seoul Tribune")."""
    def bare(text: str) -> str:
        return re.sub(r"^the\s+", "", text.strip().lower())
    return len(line) < 80 and bare(line) == bare(name)


_MARK = r"(?:©|\(c\)|copyright\b|&copy;)"
_HOLDER_BEFORE = re.compile(rf"^(?P<holder>[A-Z][\w&.'’ -]{{1,60}}?)[®™]?\s*{_MARK}\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?"
                            r"(?:[\s.,]*all rights reserved.*|[.,|]\s.*|[\s.,]*)$", re.IGNORECASE)
# Before the holder: the mark, the years, "by", separators, and "All rights reserved" when it comes first
# ("©2019 | ALL RIGHTS RESERVED | EAT WHAT TONIGHT").
_HOLDER_LEAD = re.compile(rf"^(?:\s*(?:{_MARK}|\d{{4}}(?:\s*[-–]\s*\d{{4}})?|by\b|all\s+rights\s+reserved\b\.?|[-–—:,|])\s*)+",
                          re.IGNORECASE)
_HOLDER_END = re.compile(r"\.\s+(?=[A-Z])(?!(?:[A-Z][a-z]?\.|Lucia|Kitts|Louis|Paul|Petersburg)\b)|\s+[|•·/]\s+|\s+[-–—]\s+"
                         r"|[,.]?\s*all rights reserved|\s+on\s+the\s+[\w ]{1,30}theme\b|\s+powered\s+by\b|\.\s*$|,\s*(?=all\b|some\b)", re.IGNORECASE)
_BARE_COPYRIGHT = re.compile(rf"^\s*(?:{_MARK}\s*)+(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?\s*$", re.IGNORECASE)
# A footer line may go on after the holder ("... All rights reserved. Use of this site constitutes ...").
_COPYRIGHT_LINE_CHARS = 400
# Holders are names: "Rutgers, The State University of New Jersey" is about the longest.
_HOLDER_WORDS = 8
# Copyright lines are read among the last lines of a page, where the footer is (long footers list dozens of links).
_FOOTER_SCAN = 60


def _holder_of(line: str) -> str | None:
    """The holder a copyright line names: "© 2019 Vox Media, LLC. All rights reserved." -> "Vox Media, LLC",
    "Luxurious Magazine © 2011-2019." -> "Luxurious Magazine"; None for other lines."""
    if len(line) > _COPYRIGHT_LINE_CHARS:
        return None
    before = _HOLDER_BEFORE.match(line)
    if before is not None:
        return _sane_holder(before["holder"].strip(" ,;:-"))
    if _COPYRIGHT.match(line) is None:
        return None
    rest = _HOLDER_LEAD.sub("", line.strip())
    # "© 2020 a Reach plc subsidiary", "Dow Jones, a News Corp company": the company named.
    rest = re.sub(r"^an?\s+(.+?)\s+(?:subsidiary|company|brand|publication)\b", r"\1", rest)
    end = _HOLDER_END.search(rest)
    holder = (rest[:end.start()] if end else rest).strip(" ,;:-")
    holder = re.sub(r"[\s,]*\d{4}(?:\s*[-–]\s*(?:\d{4})?)?$", "", holder).strip(" ,;:·•|-–—")
    return _sane_holder(holder)


def _sane_holder(holder: str) -> str | None:
    """`holder` when it can be a name: not a menu entry, a sentence or a bare mark."""
    if re.match(r"[&+]|(?i:and|image|images|photo|photos|permissions?|notice|policy|information)\b", holder) \
            or re.search(r"(?i:\s(?:and|&|of|for|the))$", holder):
        return None  # "Copyright & Permissions", "Copyright Image Usage and ...": a menu entry, not a holder
    if not holder or holder[0].islower() or len(holder.split()) > _HOLDER_WORDS or re.fullmatch(rf"{_MARK}|\W+", holder, re.I):
        return None
    return holder


def copyright_holder(text: str) -> str | None:
    """Who a page's copyright line names ("(c) 2009 Ferncombe Herald. All rights reserved." -> "Ferncombe
    Herald"), read from the raw page text before cleaning removes the line: for unknown outlets it is
    often the only statement of who published the article."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][-_FOOTER_SCAN:]
    for index in range(len(lines) - 1, -1, -1):
        holder = _holder_of(lines[index])
        if holder:
            return holder
        if _BARE_COPYRIGHT.match(lines[index]) and index + 1 < len(lines):
            # "© Copyright 2020" with the holder on the next line.
            following = lines[index + 1]
            if len(following.split()) <= 6 and following[0].isupper() and not _SENTENCE_END.search(following):
                return following
    return None


def _scan_footer(lines: list[str], found: _Found) -> None:
    """Consume copyright, rights and "Reporting by" lines at the end of the text."""
    seen = 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if not line:
            continue
        seen += 1
        if seen > _FOOTER_LINES or index in found.consumed:
            return
        is_copyright, named = _copyright_outlet(line)
        reporters = None if is_copyright else _reporters(line)
        if not (is_copyright or reporters or _RIGHTS.match(line)):
            return
        found.outlet = found.outlet or named
        found.reporters = found.reporters or reporters
        found.consumed.add(index)


def _body(lines: list[str], consumed: set[int]) -> str:
    """The kept lines, with the blank runs left where lines were removed collapsed."""
    kept = "\n".join(line for index, line in enumerate(lines) if index not in consumed)
    if consumed:
        kept = re.sub(r"\n[ \t]*(?:\n[ \t]*)+\n", "\n\n", kept)
    return kept.strip()


def _first_dateline(lines: list[str], consumed: set[int]) -> _RawDateline | None:
    """The dateline opening one of the first few kept paragraphs (a deck may come first)."""
    checked = 0
    for index, line in enumerate(lines):
        if index in consumed or not line.strip():
            continue
        dateline = _parse_dateline(line)
        checked += 1
        if dateline is not None or checked >= 3:
            return dateline
    return None


# ---------------------------------------------------------------------------- whole-page header lines

_BY_ALONE = re.compile(r"^\s*(?:by|written\s+by|posted\s+by|words\s+by|author)\s*:?\s*$", re.IGNORECASE)
_BY_INSIDE = re.compile(r"(?:^|\s)(?:written\s+|posted\s+)?by\s+(?P<rest>\S.*)$", re.IGNORECASE)
_IS_A = re.compile(r"^(?P<name>[^,]+?)\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
                   r"(?:reporter|writer|correspondent|editor|columnist|contributor|journalist|producer|author)\b",
                   re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\.?(?![a-z])", re.IGNORECASE)
_TRAIL = re.compile(r"[\s,;|•·/–—-]+(?:on|at|posted|published|updated)?[\s,;|•·/–—:-]*$", re.IGNORECASE)
_GLUED_ROLE = re.compile(r"(?<=[a-z])(?:Staff|Senior|Reporter|Writer|Correspondent|Editor|Contributor|Columnist)\b.*$")
_HANDLE = re.compile(r"\s*(?<![\w.+-])@\w+\b(?!\.\w)|(?<=[a-z])@\w+\b(?!\.\w)")
_LEADING_STAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*", re.IGNORECASE)
_TITLE_BY = re.compile(r"^(?P<title>.{15,}?)\s+by\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*$")
# An author box sentence is short; a longer sentence naming a reporter is article text.
_AUTHOR_BOX_WORDS = 30
_BREADCRUMB = re.compile(r"\s+[»›>]\s+")
_WRAPPING_QUOTES = (("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("``", "''"), ("`", "`"), ("«", "»"), ("„", "“"))


def _title_case(text: str) -> bool:
    """Most words capitalised, as in "The Unbound Collection Officially Opens"."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


# Share of capitalised words making a Title Case headline (small words like "by", "of" stay lower case).
_TITLE_CASE_SHARE = 0.75


def _headline_text(line: str) -> str:
    """The headline in a headline line: a breadcrumb trail cut to its last step, and quotes or
    backticks wrapping the whole headline removed."""
    steps = _BREADCRUMB.split(line.strip())
    text = steps[-1] if len(steps) > 1 and len(steps[-1].split()) >= 2 else line.strip()
    for opening, closing in _WRAPPING_QUOTES:
        inner = text[len(opening):len(text) - len(closing)]
        if len(text) > len(opening) + len(closing) and text.startswith(opening) and text.endswith(closing) \
                and opening not in inner and closing not in inner:
            return inner.strip()
    return text


def _byline_from_line(line: str, following: str | None) -> tuple[str, Outlet | None] | None:
    """People (and an outlet) of a byline line as pages print it: "By" above the name, "By A - 11/18/19
    11:04 PM EST", "June 5, 2019 by A", "A is a reporter for ...", "A, OUTLET" in capitals."""
    text = line.strip()
    if _BY_ALONE.match(text):
        if not following:
            return None
        text = "By " + following.strip()
    text = _LEADING_STAMP.sub("", text)  # "11:07Gavin O'Callaghan": a live blog's time glued to the name
    text = _HANDLE.sub("", text)  # "Jon Porter@JonPorty": the name's Twitter handle
    text = _GLUED_ROLE.sub("", text)  # "Evan HalperStaff Writer": a role glued to the name
    is_a = _IS_A.match(text)
    if is_a:
        text = "By " + is_a["name"]
    inside = None if _BY.match(text) else _BY_INSIDE.search(text)
    if inside is not None:
        text = "By " + inside["rest"]
    # Cut at the first date or clock time: what follows is the time stamp, not a name.
    dated = first_date(text)
    clock = _CLOCK.search(text)
    cuts = [m.start() for m in (dated[1] if dated else None, clock) if m is not None and m.start() > 3]
    if cuts:
        text = text[: min(cuts)]
    text = _TRAIL.sub("", re.sub(rf"\s*\b{WEEKDAY_ON_PAGE}\s*,?\s*$", "", text))
    parsed = _parse_byline(text)
    if parsed is None and not _BY.match(text):
        parsed = _parse_byline("By " + text)
    if parsed is None:
        # "By A, B, 7 News WSVN": the people listed before the first piece that is not a person.
        people: list[str] = []
        by = _BY.match(text)
        for piece in _NAME_SPLIT.split(by["rest"] if by else text):
            person = _person(piece) if piece.strip() else None
            if person is None:
                break
            people.append(person)
        if people and (by or len(people) > 1):
            parsed = _join_names(people), None
    return parsed


@dataclass
class _PageRead:
    """What the whole page's header lines say, and the texts of those lines."""

    title: str | None = None
    when: PrintedTime | None = None
    byline: str | None = None
    outlet: Outlet | None = None
    masthead: str | None = None  # the site's name on the page's first lines, when nothing else names the site
    texts: tuple[str, ...] = ()


_DOMAIN_MENTION = re.compile(r"(?<![\w@/.-])(?:www\.)?((?:[a-z0-9-]+\.)+(?:com|org|net|co\.uk|ie|ca|com\.au|co\.in|news))(?![\w-]|\.\w)",
                             re.IGNORECASE)
_ADDRESS_HOST = re.compile(r"(?:\bhttps?://|(?<![\w.+-])[\w.+-]+@)(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?![\w-])",
                           re.IGNORECASE)
# Domains every page names (share buttons, app stores, platforms): never the page's own site.
_PLATFORMS = frozenset("facebook.com twitter.com instagram.com youtube.com google.com apple.com pinterest.com linkedin.com "
                       "wordpress.com wordpress.org tiktok.com reddit.com whatsapp.com t.co bit.ly gmail.com "
                       "example.com disqus.com amazon.com".split())
# A domain named this often on the page is taken as the site when nothing better names it.
MIN_MENTIONS = 2
# A line of the site promoting itself ("You can contact CorkBeo on Facebook ...") is short; prose is longer.
_PROMO_WORDS = 15


def _page_outlet(chrome: list[str], lines: list[str], holder: str | None) -> Outlet | None:
    """The site of a whole page: the outlet its copyright holder is or owns (the one the page names most
    when a company owns several), else the outlet its chrome names most, else the domain it names most."""
    # An agency named in the chrome, even alone on a line ("PA", "Reuters" under each picture), credits copy
    # or photos the site carries; on the agency's own pages its copyright line names it.
    named = {outlet: count for outlet, count in outlets_named_in(chrome).items() if outlet.kind != "agency"}
    if holder:
        sites = outlets_of_holder(holder)
        if len(sites) == 1:
            return sites[0]
        mentioned = [(named.get(site, 0), site) for site in sites if named.get(site, 0)]
        if not mentioned and len(sites) > 1:
            # "Sign up for the CorkBeo newsletter" under a "© Reach plc" footer: the site promotes itself in short
            # lines the cleaner kept; prose naming a sister paper is left out.
            promoted = outlets_named_in([line for line in lines if len(line.split()) <= _PROMO_WORDS])
            mentioned = [(promoted[site], site) for site in sites if promoted.get(site, 0)]
        if mentioned:
            return max(mentioned, key=lambda pair: pair[0])[1]
        if not sites and not has_legal_form(holder) and not _COMPANY.search(holder):
            return Outlet(holder, "unknown", None)  # "© 2019 Harbor Times": the site says its own name
    if named:
        ranked = sorted(named.values(), reverse=True)
        outlet = max(named, key=named.__getitem__)
        # Named most, and more often than any other: a tie says nothing about which is the site.
        if len(ranked) == 1 or ranked[0] > ranked[1]:
            return outlet
    domains: dict[str, int] = {}
    for line in lines:
        footer = bool(re.search(r"©|copyright|\b(?:19|20)\d\d\b", line, re.IGNORECASE))
        for match in _DOMAIN_MENTION.finditer(line):
            domain = match.group(1).lower()
            if domain not in _PLATFORMS:
                # "CHOCOLATE.COM 2020": a domain in a footer line counts as much as two mentions elsewhere.
                domains[domain] = domains.get(domain, 0) + (MIN_MENTIONS if footer else 1)
        # A page gives its own contact addresses ("news@site.ie") and prints its own links on lines of their
        # own ("https://www.site.com/author/staff/"); links inside prose are often to other sites.
        bare_link = len(line.split()) == 1
        for match in _ADDRESS_HOST.finditer(line):
            domain = match.group(1).lower()
            if (bare_link or "@" in match.group(0)) and domain not in _PLATFORMS \
                    and not any(domain.endswith("." + p) for p in _PLATFORMS):
                domains[domain] = domains.get(domain, 0) + 1
    if domains:
        domain = max(domains, key=domains.__getitem__)
        if domains[domain] >= MIN_MENTIONS:
            return outlet_from_url(domain, fallback=True)
    phrases: dict[str, int] = {}
    for line in chrome:
        match = _SITE_PHRASE.match(line)
        if match and not outlet_from_name(match["name"]) and match["name"].lower() not in _NOT_SITE_NAMES:
            phrases[match["name"]] = phrases.get(match["name"], 0) + 1
    if phrases:
        name = max(phrases, key=phrases.__getitem__)
        if phrases[name] >= MIN_MENTIONS:
            return Outlet(name, "unknown", None)
    return None


# The site prints its name above its menu: among the first lines of the page, past skip links and toggles.
_MASTHEAD_LINES = 6
# A site's name is short ("FlowFX", "Daniel Lemire's blog", "Harbor Wiki"); longer top lines are headlines or taglines.
_MASTHEAD_WORDS = 4
_TOP_CHROME = re.compile(r"^\W*(?:(?:skip|jump)\s+to\b.*|toggle\s+navigation|(?:open|close)(?:\s+\w+)?\s+menu|close|×|x|"
                         r"search(?:\s+for)?:?|advertisement|(?:main|navigation|primary)\s+menu)\W*$", re.IGNORECASE)
# Words of menu entries and site sections, which open the menu rather than name the site.
_SECTION_WORDS = frozenset("home news blog blogs about contact latest sections topics archives archive menu search "
                           "login subscribe donate shop store world sport sports opinion categories products product "
                           "business politics video videos podcasts podcast newsletters newsletter features reviews "
                           "recipes events jobs today e-paper epaper my your our all more log sign".split())
# A one-word name is a coined word ("FlowFX", "DiEM25", "POLITICO") or a domain ("Harbor.com"): an everyday word
# alone ("Product") is a menu entry.
_COINED = re.compile(r"^(?:[A-Z0-9&]{2,}|\w*[a-z][A-Z0-9]\w*|\w+\.(?:com|org|net|co|io|news))$")


def _masthead(lines: list[str], title: str | None) -> str | None:
    """The site's name as a page prints it on its first lines ("FlowFX", "HearYa - Indie Music Blog" ->
    "HearYa"), or None: the first line past the skip links and toggles must be a short name, neither a
    menu entry nor the headline."""
    seen = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > _MASTHEAD_LINES:
            return None
        if _TOP_CHROME.match(line):
            continue
        return _masthead_name(line, title) or _tagged_masthead(lines, title)
    return None


# A site's title with its tagline ("HearYa - Indie Music Blog") is printed in the page's header, a few dozen lines down
# at most, under a menu.
_TAGLINE_LINES = 40
_TAGLINE = re.compile(r"^(?P<name>[^|–—-]{2,40}?)\s+[|–—-]\s+(?P<tagline>[A-Z][^|–—]{5,80})$")


def _tagged_masthead(lines: list[str], title: str | None) -> str | None:
    """The name of the first "Name - Tagline" line of the page's header, the tagline of three words or more."""
    for line in [line.strip() for line in lines if line.strip()][:_TAGLINE_LINES]:
        match = _TAGLINE.match(line)
        if match and len(match["tagline"].split()) >= 3 and not (title and title_similar(line, title)):
            name = _masthead_name(match["name"], title)
            if name:
                return name
    return None


def _masthead_name(line: str, title: str | None) -> str | None:
    name = re.split(r"\s+[|–—-]\s+", line)[0].strip()
    words = name.split()
    # A line like the headline is the headline, unless it is a domain ("Harbor.com" atop "The Harbor.com Blog").
    if not 1 <= len(words) <= _MASTHEAD_WORDS or (title and title_similar(name, title) and not _DOMAIN_MENTION.fullmatch(name)):
        return None
    if not name[0].isupper() or re.search(r"[.:!?,;]$", name) or words[0].lower() in _SECTION_WORDS:
        return None
    if len(words) == 1 and not _COINED.match(name):
        return None
    # Names are capitalised word by word; "'s blog" after a person's name is the one lower-case tail.
    if not all(w.lstrip("(“\"")[:1].isupper() or w[0].isdigit() or w.lower() in ("blog", "of", "and", "the", "&", "on")
               for w in words):
        return None
    return name


def title_similar(a: str, b: str) -> bool:
    """Two lines sharing most of their words (a masthead repeating the headline is the headline)."""
    x, y = (set(re.findall(r"\w+", t.lower())) for t in (a, b))
    return bool(x and y) and len(x & y) >= 0.6 * min(len(x), len(y))


# "About DiEM25", "Subscribe to Wevolver", "More from Business Jargons", "Learn about Appen", "From Harbor
# Wiki" (a wiki's own credit line): chrome naming its own site.
_SITE_PHRASE = re.compile(
    r"^(?i:about|follow|subscribe\s+to|welcome\s+to|contact|join|more\s+from|sign\s+up\s+for|support|learn\s+about|from|"
    r"advertise\s+(?:on|with)|write\s+for|work\s+(?:at|for)|download\s+the)\s+(?:(?i:the)\s+)?"
    r"(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,3})"
    r"(?:\s+(?i:newsletter|today|homepage|home|app|team|on\s+\w+))?\s*[.!:]?$")
_PUBLISHED_LINE = re.compile(r"^\W*(?:e-?|first\s+|originally\s+)?published\b(?:\s+on\b)?\s*:?\s*\S", re.IGNORECASE)
# A "Published ..." stamp is short; a longer line saying "published" is prose.
_STAMP_WORDS = 25
_NOT_SITE_NAMES = frozenset("us me our the this it him her them".split())


def _read_page(page: str) -> _PageRead:
    header: PageHeader = read_header(page)
    read = _PageRead()
    texts: list[str] = []
    # The likeliest headline line that reads as one: a byline the model took for the headline ("Sarah Hinger,
    # Staff Attorney, ...") gives way to the next likeliest line.
    candidate = next((line.text for line in header.ranked.get("headline", []) if line.probability >= MIN_HEADLINE
                      and _headline_line(line.text)), None) if header.headline is not None else None
    if candidate is not None:
        read.title = _headline_text(candidate)
        texts.append(candidate)
        # "Faster builds with pip by Jane Doe": a blog's headline with its author on one line.
        titled = _TITLE_BY.match(read.title)
        # In a Title Case headline "by" joins words of the headline ("The Unbound Collection by Hyatt Opens").
        if titled and _person(titled["name"]) and not _title_case(titled["title"]):
            read.title, read.byline = titled["title"], _person(titled["name"])
    # The best line first; when it reads as no name, the next likeliest that does ("By A/June 12, 2020/...").
    for candidate in header.ranked.get("byline", []) if read.byline is None else []:
        index = candidate.index
        following = header.lines[index + 1] if index + 1 < len(header.lines) else None
        text = candidate.text
        if index > 0 and _BY_ALONE.match(header.lines[index - 1]):
            text = "By " + text  # "By" on the line above the name the model picked
        elif candidate is not header.byline and not _BY.match(text) and not _BY_ALONE.match(text):
            continue  # below the best line, only an explicit "By ..." credit is trusted
        parsed = _byline_from_line(text, following)
        if parsed is not None:
            read.byline = parsed[0]
            texts.append(candidate.text)
            if _BY_ALONE.match(candidate.text) and following:
                texts.append(following)
            break
    if read.byline is None:
        # An author box ("Tom Becker is a reporter for ...") names the author anywhere on the page.
        for line in header.lines:
            if len(line.split()) <= _AUTHOR_BOX_WORDS and _IS_A.match(line):
                parsed = _byline_from_line(line, None)
                if parsed is not None:
                    read.byline = parsed[0]
                    texts.append(line)
                    break
    day_first = numeric_day_first(header.lines)
    # A line saying "Published: <date>" states the date outright, wherever the page puts it (under the
    # article on some sites); it beats the model's guess, which may be an "Updated" line or the masthead's today.
    for line in header.lines:
        if len(line.split()) <= _STAMP_WORDS and _PUBLISHED_LINE.match(line):
            read.when = parse_when(line, day_first)
            if read.when is not None:
                texts.append(line)
                break
    for candidate in (header.date, header.byline):
        if candidate is not None and read.when is None:
            read.when = parse_when(candidate.text, day_first)
            if read.when is not None:
                texts.append(candidate.text)
    read.texts = tuple(text.strip() for text in texts)
    chrome = [line for line in header.chrome if line.strip() not in read.texts]  # a wire credit is no masthead
    read.outlet = _page_outlet(chrome, header.lines, copyright_holder(page))
    read.masthead = _masthead(header.lines, read.title)
    site = read.outlet or _named_outlet(read.masthead)
    if read.title is not None and site is not None and _names_site(read.title, site):
        # "CNN Newsletters", "Axios podcasts", "The Harbor.com Blog": a short line naming the site is its
        # furniture; the next likeliest headline line that is not takes its place.
        read.title = next((_headline_text(line.text) for line in header.ranked.get("headline", [])[1:]
                           if line.probability >= MIN_HEADLINE and _headline_line(line.text)
                           and not _names_site(line.text, site)), None)
    return read


def _headline_line(text: str) -> bool:
    """A line that can be read as the headline: not a date line, not a byline."""
    return not is_date_line(text) and _parse_byline(text) is None


# A line of at most this many words naming the site is a masthead, menu or promotion, not a headline.
_SITE_LINE_WORDS = 4


def _names_site(text: str, outlet: Outlet) -> bool:
    """A short line naming the outlet ("CNN Newsletters", "The Harbor Times Blog")."""
    if len(text.split()) > _SITE_LINE_WORDS:
        return False
    key = _site_key(text)
    return any(len(name) >= 3 and name in key for name in (_site_key(n) for n in (outlet.name, *outlet.aliases)))


def _consume_page_lines(lines: list[str], read: _PageRead, found: _Found) -> None:
    """Drop the header lines the page reading used from the top of the body."""
    for index, line in _header_lines(lines):
        if line in read.texts:
            found.consumed.add(index)


def _nearest_full_date(lines: list[str], page: str | None) -> date | None:
    """The first date printed with its year in the article (or the page around it), to give a dateline's
    "Dec. 18" its year when the publication date is unknown."""
    for text in ("\n".join(lines), page or ""):
        found = first_date(text)
        if found is not None:
            return found[0]
    return None


# ---------------------------------------------------------------------------- assembly

_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*::\s*|\s+»\s+")


def _site_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", re.sub(r"^the\s+", "", text.strip().lower()))


# Section names a page's title may open with before the site's name: no headline of their own.
_SITE_SECTIONS = frozenset("home news blog index archive archives search menu page".split())


def _strip_site_suffix(title: str, names: list[str]) -> str:
    """"Leader visits China | The Korea Herald" -> "Leader visits China": the title is cut before the
    first part that names the outlet (a known one, or the sitename/outlet given with the article), so a
    tagline after the site's name goes too ("... - WSVN 7News | Miami News, Weather")."""
    parts = _TITLE_PARTS.split(title)
    keys = {_site_key(n) for n in names if n and _site_key(n)}
    for index in range(1, len(parts)):
        part = parts[index]
        key = _site_key(part)
        named = outlet_from_name(part) is not None or key in keys or any(
            len(k) >= 5 and len(key) >= 5 and (key.startswith(k) or k.startswith(key)) for k in keys)
        if named:
            head = title[: title.find(part, len(" ".join(parts[:index])) - 1)].rstrip(" |–—-:»").strip()
            # One word is left of "Penny - Harbor Wiki" when the part after the bar is the site's exact name (a
            # wiki's or a shop's page); a word before a name only like the site's ("News - Harbor Times Daily") stays.
            exact = key in keys or outlet_from_name(part) is not None
            if len(head.split()) >= 2 or (exact and head[:1].isupper() and head.lower() not in _SITE_SECTIONS):
                return head
            break
    return title


def _named_outlet(hint: str | None) -> Outlet | None:
    """A hinted outlet name: the table's entry (or the one site of the company it names), else the name
    as given when it is sane, without a legal form ("Tofugu LLC" -> "Tofugu"); a bare URL is shown as its
    domain."""
    if not hint or not hint.strip() or len(hint) > 120:
        return None
    # "HearYa - Indie Music Blog": the name without its tagline.
    hint = re.split(r"\s+[|–—-]\s+", hint.strip())[0] or hint
    known = outlet_from_name(hint)
    if known is not None:
        return known
    if "://" in hint or _DOMAIN_MENTION.fullmatch(hint.strip()):
        return outlet_from_url(hint, fallback=True)
    sites = outlets_of_holder(hint) if has_legal_form(hint) else ()
    if len(sites) == 1:
        return sites[0]
    if sites:
        return None  # a company owning several known sites names none of them
    return Outlet(without_legal_form(hint), "unknown", None)


# Copyright holders that are companies rather than sites: "... Holdings", "... Enterprises", "... Media Group".
_COMPANY = re.compile(r"\b(?:holdings?|enterprises|group|corporation|corp|company|ventures|partners|industries)\b",
                      re.IGNORECASE)


def holder_as_site(holder: str | None) -> str | None:
    """A copyright holder that may name the site itself ("Harbor Times"), or None for a company owning it
    ("WWB Holdings, LLC", "Battery Media Group"), which is no name readers know the site by."""
    return None if holder is None or _COMPANY.search(holder) else holder


def _choose_outlet(hints: tuple[str | None, str | None], url: str | None, found: Outlet | None,
                   agency: str | None, masthead: str | None = None) -> Outlet | None:
    """Explicit outlet hint, known URL domain, known sitename, masthead/copyright/byline, an
    unknown sitename, the name atop a scraped page, the dateline's agency, and as a last resort the bare
    URL domain."""
    outlet, sitename = hints
    known_site = outlet_from_name(sitename) if sitename else None
    for candidate in (_named_outlet(outlet), outlet_from_url(url) if url else None, known_site, found,
                      _named_outlet(sitename), _named_outlet(masthead), _named_outlet(agency)):
        if candidate is not None:
            return candidate
    return outlet_from_url(url, fallback=True) if url else None


def _choose_published(hint: str | None, text_when: PrintedTime | None, home: str | None) -> datetime | None:
    """The hint wins, unless it is a bare date that the text gives with a clock time."""
    parsed = parse_hint(hint) if hint else None
    if isinstance(parsed, PrintedTime):
        if text_when is not None and text_when.has_time and not parsed.has_time \
                and text_when.local.date() == parsed.local.date():
            parsed = text_when
        return place_in_zone(parsed, home)
    if parsed is not None:
        return parsed if parsed.tzinfo or not home else parsed.replace(tzinfo=zoneinfo(home))
    return place_in_zone(text_when, home) if text_when else None


def extract_meta(text: str, *, url: str | None = None, title: str | None = None, author: str | None = None,
                 published: str | None = None, outlet: str | None = None,
                 sitename: str | None = None, page: str | None = None) -> ArticleMeta:
    """Outlet, headline, byline, dateline and publication time of one article, and its body
    with the header and footer lines that gave them removed. Never raises on odd input.

    `page` is the whole scraped page the text was cleaned from: its headline, date and byline
    lines are then picked among all its lines (clean.lines), which beats reading the few lines
    the cleaner kept above the article.
    """
    lines = text.split("\n")
    title_hint = title.strip() if title and title.strip() and len(title) < 400 else None
    found = _Found(consumed=set())
    _scan_header(lines, title_hint, sitename, found)
    _scan_footer(lines, found)
    masthead = None
    if page:
        read = _read_page(page)
        masthead = read.masthead
        _consume_page_lines(lines, read, found)
        found.title = read.title or found.title
        found.when = read.when or found.when
        found.byline = read.byline or found.byline
        found.outlet = read.outlet or found.outlet
    raw_dateline = _first_dateline(lines, found.consumed)

    agency = raw_dateline.agency if raw_dateline else None
    chosen = _choose_outlet((outlet, sitename), url, found.outlet, agency, masthead)
    home = chosen.timezone if chosen else None

    when = _choose_published(published, found.when, home)
    dateline = None
    if raw_dateline is not None:
        anchor = when.date() if when else _nearest_full_date(lines, page)
        dateline = Dateline(raw_dateline.place, _dateline_date(raw_dateline.printed_date, anchor, when is not None),
                            raw_dateline.agency)
    headline = title_hint or found.title
    if headline:
        names = [chosen.name, *chosen.aliases] if chosen else []
        headline = _strip_site_suffix(headline, [*names, sitename or "", outlet or ""])
    byline = (_clean_author(author) if author else None) or found.byline or found.reporters
    return ArticleMeta(outlet=chosen.name if chosen else None, title=headline or None, byline=byline,
                       dateline=dateline, published=when, body=_body(lines, found.consumed))
