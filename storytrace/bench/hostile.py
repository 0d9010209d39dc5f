"""A hostile corpus for the reliability bench: every kind of input a newsroom has lying around, each with the
verdict `storytrace add` owes it (accepted, accepted with a warning, or skipped with a reason).

Valid inputs are real articles (FNC-1 bodies) written in many encodings and formats; the rest is garbage,
broken files and file-system traps. The French and German passages are written for this bench.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

ACCEPT, WARN, SKIP = "accept", "accept-warn", "skip"

FRENCH = (
    "Le ministère a démenti vendredi les informations selon lesquelles le gouvernement préparait une nouvelle "
    "réforme des retraites. Selon un porte-parole, aucune décision n'a été prise et les discussions avec les "
    "syndicats se poursuivront la semaine prochaine. Plusieurs responsables de l'opposition ont toutefois "
    "affirmé que le projet était déjà rédigé et qu'il serait présenté au conseil des ministres avant la fin du "
    "mois. Les syndicats ont appelé à une journée de grève dans les transports et les écoles, tandis que le "
    "patronat a demandé au gouvernement de clarifier rapidement ses intentions. Dans un communiqué publié "
    "jeudi soir, la présidence a rappelé que le dialogue social restait la priorité et que toute réforme "
    "serait précédée d'une large concertation avec les partenaires sociaux et les élus locaux. "
)
GERMAN = (
    "Das Ministerium hat am Freitag Berichte zurückgewiesen, wonach die Regierung eine neue Rentenreform "
    "vorbereite. Nach Angaben eines Sprechers sei noch keine Entscheidung gefallen, und die Gespräche mit den "
    "Gewerkschaften würden in der kommenden Woche fortgesetzt. Mehrere Politiker der Opposition erklärten "
    "dagegen, der Entwurf sei bereits fertig und solle noch vor Ende des Monats im Kabinett beraten werden. "
    "Die Gewerkschaften riefen zu einem Streiktag im Nahverkehr und an den Schulen auf, während die "
    "Arbeitgeberverbände die Regierung aufforderten, ihre Absichten schnell zu klären. "
)
LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
         "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip "
         "ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu "
         "fugiat nulla pariatur. ")
MINIFIED_JS = ('!function(e,t){"use strict";var n=[],r=e.document,i=Object.getPrototypeOf,o=n.slice,a=n.concat;'
               'function s(e){return null!=e&&e===e.window}var u=function(e,t){return new u.fn.init(e,t)};'
               'u.fn=u.prototype={version:"1.0.0",constructor:u,length:0,toArray:function(){return o.call(this)}};')


@dataclass(frozen=True)
class Case:
    """One input of the hostile corpus: its path (relative to the corpus folder), class and owed verdict."""

    path: str
    kind: str
    expect: str  # ACCEPT, WARN or SKIP
    alone: bool = False  # crash-prone: also run through `add` on its own
    lines: int = 0  # JSONL: how many lines, each with its own verdict
    needs_unprivileged: bool = False  # only unreadable when permissions apply (not to root with DAC override)


def build(folder: Path, articles: list[str], seed: int = 0) -> list[Case]:
    """Write the hostile corpus into `folder` (created) and return its cases. `articles` are real article
    bodies (at least 40); each valid input gets its own, so none is a duplicate of another."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pool = iter(articles)
    cases: list[Case] = []

    def article() -> str:
        return next(pool)

    def add(name: str | bytes, kind: str, expect: str, data: bytes, alone: bool = False, lines: int = 0) -> None:
        target = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
        with open(target, "wb") as handle:
            handle.write(data)
        cases.append(Case(os.fsdecode(os.path.relpath(target, os.fsencode(folder))), kind, expect, alone, lines))

    def text_case(name: str, kind: str, encoding: str, bom: bytes = b"", expect: str = ACCEPT) -> None:
        body = article()
        if encoding in ("latin-1",):
            body = body.encode("latin-1", errors="replace").decode("latin-1")
        add(name, kind, expect, bom + body.encode(encoding, errors="replace"))

    # Valid articles in every common encoding and format.
    text_case("utf8.txt", "utf-8", "utf-8")
    text_case("utf8-bom.txt", "utf-8 with BOM", "utf-8", codecs.BOM_UTF8)
    text_case("utf16-bom.txt", "UTF-16 with BOM", "utf-16-le", codecs.BOM_UTF16_LE)
    text_case("utf16le.txt", "UTF-16-LE without BOM", "utf-16-le")
    text_case("utf16be.txt", "UTF-16-BE without BOM", "utf-16-be")
    text_case("utf16be-bom.txt", "UTF-16-BE with BOM", "utf-16-be", codecs.BOM_UTF16_BE)
    text_case("utf32-bom.txt", "UTF-32 with BOM", "utf-32-le", codecs.BOM_UTF32_LE)
    text_case("utf32le.txt", "UTF-32-LE without BOM", "utf-32-le")
    text_case("cp1252.txt", "cp1252", "cp1252")
    text_case("latin1.txt", "latin-1", "latin-1")
    for name, encoding, bom in (("page-utf16-bom.html", "utf-16-le", codecs.BOM_UTF16_LE),
                                ("page-utf16le.html", "utf-16-le", b""), ("page.html", "utf-8", b"")):
        body = article()
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
        page = (f"<html><head><title>News</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a>"
                f"</nav><article><h1>Report</h1>{paragraphs}</article><footer>Contact us</footer></body></html>")
        add(name, f"HTML {encoding}{' BOM' if bom else ''}", ACCEPT, bom + page.encode(encoding))
    add("feed.jsonl", "JSONL, 3 articles", ACCEPT,
        "\n".join(json.dumps({"text": article(), "url": f"https://example.org/{i}"}) for i in range(3)).encode(),
        lines=3)
    add("zipped.txt.gz", "gzip text", ACCEPT, gzip.compress(article().encode()))
    body = article()
    half = len(body) // 2
    add("mixed-utf8-cp1252.txt", "UTF-8 and cp1252 mixed", WARN,
        ("Café “" + body[:half]).encode("utf-8") + ("“" + body[half:] + " déjà").encode("cp1252", errors="replace"))
    raw = article().encode()
    add("stray-bytes.txt", "UTF-8 with a few invalid bytes", WARN, raw[:200] + b"\xff\xfe" + raw[200:] + " é".encode())
    add("mojibake.txt", "mojibake (UTF-8 read as cp1252)", ACCEPT,
        ("Café — " + article()).encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    add(b"caf\xe9-not-utf8-name.txt", "file name not valid UTF-8", ACCEPT, article().encode(), alone=True)
    add("name with spaces and ünïcödé.txt", "odd file name (spaces, accents)", ACCEPT, article().encode())
    add("-looks-like-an-option.txt", "odd file name (leading dash)", ACCEPT, article().encode())
    add("line\nbreak\x1b[2Jescape.txt", "odd file name (newline, terminal escape)", ACCEPT, article().encode(),
        alone=True)
    add("x" * 200 + ".txt", "odd file name (200 characters)", ACCEPT, article().encode())
    add("wire.txt", "one-sentence wire item", ACCEPT,
        b"Northwind Holdings has denied reports that it plans to sell its shipping unit, a spokeswoman said on Monday.")
    def long_text(first: int, size: int) -> str:
        # Real articles run together, each long input from its own (the clean text is cut to the same
        # budget, so inputs opening alike would be one article twice).
        text = "\n\n".join(articles[first:][:300])
        return (text * (size // len(text) + 1))[:size]

    add("long-2mb.txt", "2 MB article (over spaCy's 1,000,000-character limit)", WARN,
        long_text(-300, 2_000_000).encode(), alone=True)
    add("long-5mb-one-line.txt", "5 MB single-line file", WARN,
        " ".join(long_text(-600, 5_000_000).split()).encode(), alone=True)
    add("long-12mb-field.jsonl", "12 MB JSONL text field", WARN,
        json.dumps({"text": long_text(-900, 12_000_000)}).encode(), alone=True, lines=1)
    slow = slow_articles(articles[40:], rng)
    add("slow-short-quotes.txt", "thousands of short quotes, each with 'said' (within the size limit)", ACCEPT,
        slow["short quotes"].encode(), alone=True)
    add("slow-one-sentence.txt", "one 100,000-character sentence of reported speech", ACCEPT,
        slow["one sentence"].encode(), alone=True)
    add("slow-unbalanced-quotes.txt", "quotes opened by the thousand, never closed", ACCEPT,
        slow["unbalanced quotes"].encode(), alone=True)
    add("slow-one-claim.txt", "one claim asserted and denied by a thousand speakers", ACCEPT,
        slow["one claim"].encode(), alone=True)
    add("slow-names.txt", "a list of 5,000 names", ACCEPT, slow["names"].encode(), alone=True)
    add("slow-long-runs.txt", "runs of 5,000 quote marks without a space", WARN,
        slow["long runs"].encode(), alone=True)
    add("lone-surrogate.jsonl", "lone surrogate escape in JSON", WARN,
        (json.dumps({"text": article()})[:-2] + '\\ud800 end."}').encode(), alone=True, lines=1)

    # Not articles: filler, code, tables, salads, repetition, other languages.
    add("lorem.txt", "lorem ipsum filler", SKIP, (LOREM * 8).encode())
    add("lorem.html", "lorem ipsum page", SKIP,
        f"<html><body><article><p>{LOREM * 3}</p><p>{LOREM * 3}</p></article></body></html>".encode())
    add("minified.txt", "minified JavaScript", SKIP, (MINIFIED_JS * 30).encode())
    add("minified-one-line.js.txt", "minified JavaScript, one 200 KB line", SKIP, (MINIFIED_JS * 900).encode())
    table = "\n".join(f"{rng.choice(['North', 'South', 'East'])} {rng.randint(1, 99)}\t{rng.randint(100, 9999)}\t"
                      f"{rng.random() * 100:.2f}\t{rng.randint(1990, 2024)}" for _ in range(200))
    add("table.txt", "table of numbers", SKIP, table.encode())
    add("csv.txt", "CSV export", SKIP, ("id,name,price,qty\n" + "\n".join(
        f"{i},item{i},{rng.random() * 50:.2f},{rng.randint(1, 9)}" for i in range(300))).encode())
    words = " ".join(articles[:200]).split()
    vocabulary = sorted({w.strip(".,;:\"'()").lower() for w in words if w.isalpha()})
    add("salad-vocabulary.txt", "word salad (random vocabulary)", SKIP,
        " ".join(rng.choice(vocabulary) for _ in range(600)).encode())
    shuffled = article().split()
    rng.shuffle(shuffled)
    add("salad-shuffled.txt", "word salad (an article's words shuffled)", SKIP, " ".join(shuffled).encode())
    add("salad-unigram.txt", "word salad (words drawn by frequency)", SKIP,
        " ".join(rng.choice(words) for _ in range(600)).encode())
    add("repeated-sentence.txt", "one sentence repeated 500 times", SKIP,
        ("The minister said the talks would resume next week in Geneva. " * 500).encode())
    add("said-100k.txt", "the word 'said' 100,000 times", SKIP, ("said " * 100_000).encode(), alone=True)
    add("repeated-paragraph.txt", "one paragraph repeated 50 times", SKIP, ((article() + "\n\n") * 50).encode())
    add("half-french.txt", "half English, half French", SKIP, (article()[:1200] + "\n\n" + FRENCH * 2).encode())
    add("half-german.html", "English page with a German half", SKIP,
        f"<html><body><article><p>{article()[:1200]}</p><p>{GERMAN * 2}</p></article></body></html>".encode())
    add("french.txt", "French article", SKIP, (FRENCH * 2).encode())
    add("german-latin1.txt", "German article in latin-1", SKIP, (GERMAN * 2).encode("latin-1"))
    add("menu.txt", "site menu only", SKIP, b"Home | World | Business | Sport | Contact us | Subscribe | Login")
    add("headlines.txt", "list of headlines", SKIP, "\n".join(
        f"{' '.join(rng.choice(vocabulary).title() for _ in range(5))}" for _ in range(60)).encode())
    add("urls.txt", "list of links", SKIP, "\n".join(f"https://example.org/{rng.randint(1, 10**9)}"
                                                     for _ in range(100)).encode())
    add("base64.txt", "base64 blob", SKIP, codecs.encode(rng.randbytes(30_000), "base64"))
    add("nav-only.html", "page with no main text", SKIP,
        b"<html><body><nav><a href='/a'>Home</a><a href='/b'>About</a></nav><footer>(c) 2024</footer></body></html>")
    add("deep.html", "HTML nested 100,000 deep", SKIP, b"<div>" * 100_000 + b"text" + b"</div>" * 100_000, alone=True)
    add("high-bytes.txt", "random bytes above 0x80", SKIP, bytes(rng.randrange(0x80, 0x100) for _ in range(5000)))

    # Broken files.
    add("empty.txt", "empty file", SKIP, b"")
    add("blank.txt", "whitespace only", SKIP, b" \n\t\n   \n")
    add("binary.html", "binary (PNG) named .html", SKIP, b"\x89PNG\r\n\x1a\n" + rng.randbytes(4000))
    add("nul-laden.txt", "text full of NUL bytes", SKIP, b"\x00".join(article().encode().split(b" ")))
    add("notes.docx", "unsupported extension", SKIP, b"PK\x03\x04" + rng.randbytes(200))
    add("no-extension", "no extension", SKIP, article().encode())
    add("deep.jsonl", "JSON line nested 100,000 deep", SKIP, b"[" * 100_000 + b"]" * 100_000, alone=True, lines=1)
    add("bad-lines.jsonl", "JSONL: malformed, not an object, no text", SKIP,
        b'{"text": "unterminated\n["a", "list"]\n{"title": "no body"}', lines=3)
    bomb = gzip.compress(b" " * 60_000_000, compresslevel=9)
    add("bomb.txt.gz", "gzip bomb (60 MB of spaces)", SKIP, bomb, alone=True)
    whole = gzip.compress(article().encode())
    add("truncated.txt.gz", "truncated gzip", SKIP, whole[: len(whole) // 2], alone=True)
    add("not-gzip.txt.gz", "not gzip data under a .gz name", SKIP, article().encode())
    add("too-large.txt", "file over the 20 MB limit", SKIP, b"word " * 4_200_001)

    # File-system traps.
    os.symlink("/etc/passwd", folder / "passwd.txt")
    cases.append(Case("passwd.txt", "symlink leaving the folder (/etc/passwd)", SKIP, alone=True))
    outside = folder.parent / f"{folder.name}-outside.txt"
    outside.write_text(article())
    os.symlink(os.path.join("..", outside.name), folder / "outside-relative.txt")
    cases.append(Case("outside-relative.txt", "relative symlink leaving the folder", SKIP))
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    cases += [Case("loop-a.txt", "symlink loop", SKIP, alone=True), Case("loop-b.txt", "symlink loop", SKIP)]
    os.symlink("self.txt", folder / "self.txt")
    cases.append(Case("self.txt", "symlink to itself", SKIP))
    os.symlink("missing-target.txt", folder / "dangling.txt")
    cases.append(Case("dangling.txt", "broken symlink", SKIP))
    os.mkfifo(folder / "pipe.txt")
    cases.append(Case("pipe.txt", "FIFO (named pipe)", SKIP, alone=True))
    locked = folder / "unreadable.txt"
    locked.write_text(article())
    locked.chmod(0)
    cases.append(Case("unreadable.txt", "unreadable file", SKIP, alone=True, needs_unprivileged=True))
    closed = folder / "unreadable-folder"
    closed.mkdir()
    (closed / "inside.txt").write_text(article())
    closed.chmod(0)
    cases.append(Case("unreadable-folder", "unreadable folder", SKIP, alone=True, needs_unprivileged=True))
    return cases


# Made-up names for the slow inputs: 400 people, some of them named again and again, as in a long transcript.
FIRST_NAMES = ("Anna Brian Carla David Emily Farid Grace Henry Irene James Kofi Laura Mark Nadia Oliver Priya "
               "Rachel Simon Thomas Walter").split()
LAST_NAMES = ("Abbott Baker Castillo Dawson Ellis Fischer Garcia Hughes Ingram Jenkins Kowalski Lawson Moreau "
              "Nolan Okafor Parker Quinn Russell Turner Walsh").split()
# The slow inputs stay just under Settings.max_article_chars, so they are analysed whole.
SLOW_CHARS = 99_000


def slow_articles(articles: list[str], rng: random.Random) -> dict[str, str]:
    """Inputs within the size limit built to be slow where storytrace's own code loops (thousands of statements
    weighed against each other, a parse with no sentence end, thousands of names) or where spaCy's tokenizer
    strips affixes off long runs one at a time; made of the sentences of real `articles`, so each passes the
    not-an-article checks and is analysed."""
    sentences = [s.strip() for text in articles for s in text.replace("\n", " ").split(". ")
                 if 8 <= len(s.split()) <= 30 and not any(q in s for q in "\"“”'‘’")]

    # Words written in lowercase (no names), for quotes that each say something else: each starts a claim.
    vocabulary = sorted({w for text in articles for w in text.split() if w.isalpha() and w.islower() and len(w) > 3})

    def name() -> str:
        return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"

    def word() -> str:
        return rng.choice(vocabulary)

    def sentence(number: int) -> str:
        return sentences[number % len(sentences)].rstrip(".")

    def fill(piece, limit: int = SLOW_CHARS) -> str:
        parts, size, number = [], 0, 0
        while size + len(part := piece(number)) <= limit:
            parts.append(part)
            size += len(part)
            number += 1
        return "".join(parts)

    def run(half: int = 2500) -> str:  # opening and closing quote marks around one letter, no space
        return "".join(rng.choice("“«") for _ in range(half)) + "x" + "".join(rng.choice("”»") for _ in range(half))

    runs = fill(lambda n: f"{sentence(n)}. " if n % 40 else f"{sentence(n)}. {run()} ")
    return {
        "short quotes": fill(lambda n: f'"The {word()} {word()}," said {name()}. '),
        "one sentence": fill(lambda n: f"{name()} said {sentence(n)[0].lower()}{sentence(n)[1:]}, and ",
                             SLOW_CHARS - 20) + "nothing else.",
        "unbalanced quotes": fill(lambda n: f'{name()} said "{sentence(n)}. '),
        # Every statement weighed against every other: one claim, its denials paired with its assertions.
        "one claim": fill(lambda n: f'"The council will close the {word()} pier by the {word()}," said {name()}. '
                          if n % 2 == 0 else
                          f"{name()} denied that the council will close the {word()} pier by the {word()}. "),
        "names": "Those who said they would attend the talks in the capital were " + fill(
            lambda n: f"{name()} of the {rng.choice(LAST_NAMES)} group, ", SLOW_CHARS - 100) + "and the mayor.",
        "long runs": runs,
    }


def cleanup(folder: Path) -> None:
    """Make the corpus removable again (unreadable parts get their permissions back)."""
    for path in (folder / "unreadable.txt", folder / "unreadable-folder"):
        if path.exists():
            path.chmod(0o700)
