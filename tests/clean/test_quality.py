"""Not-an-article detection: garbage of every kind is refused with its reason; real prose, long or one
sentence, is never refused."""

from __future__ import annotations

import random

import pytest

from storytrace.clean.language import build_detector, check_language
from storytrace.clean.quality import MAX_RUN_CHARS, break_long_runs, cut_to_budget, not_an_article
from storytrace.clean.stage import clean_article
from storytrace.errors import ExtractionRejected
from storytrace.model import RawArticle
from storytrace.settings import Settings

ARTICLE = (
    "The Ministry of Foreign Affairs denied on Friday that it had proposed opening a liaison office in the "
    "capital, calling a newspaper report of the plan groundless. \"No such proposal has been made,\" a "
    "spokesman for the ministry told reporters at a regular briefing. The newspaper had reported on Thursday, "
    "citing diplomatic sources, that the president raised the idea during a meeting with a visiting envoy "
    "earlier this month. Officials in both governments have said that talks on the matter remain at an early "
    "stage and that no date has been set for a further round. An opposition lawmaker said the government "
    "owed the public a clear account of what had been discussed and by whom, and he called for a hearing in "
    "parliament next week. The spokesman declined to comment on whether the envoy would return before the "
    "end of the year, saying only that the two sides were in regular contact through their embassies."
)
FRENCH = (
    "Le ministère a démenti vendredi les informations selon lesquelles le gouvernement préparait une nouvelle "
    "réforme des retraites. Selon un porte-parole, aucune décision n'a été prise et les discussions avec les "
    "syndicats se poursuivront la semaine prochaine. Plusieurs responsables de l'opposition ont toutefois "
    "affirmé que le projet était déjà rédigé et qu'il serait présenté au conseil des ministres avant la fin du "
    "mois, tandis que les syndicats ont appelé à une journée de grève dans les transports et les écoles."
)


@pytest.fixture(scope="module")
def detector():
    return build_detector()


def _shuffled(text: str, seed: int = 7) -> str:
    words = text.split()
    random.Random(seed).shuffle(words)
    return " ".join(words)


@pytest.mark.parametrize("text, reason", [
    ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. " * 6,
     "placeholder text"),
    ('!function(e,t){"use strict";var n=[],r=e.document;function a(e){return null!=e&&e===e.window}}' * 20,
     "program code"),
    ("\n".join(f"Region {i}\t{i * 37 % 1000}\t{i * 1.5:.2f}\t{1990 + i % 30}" for i in range(80)), "mostly numbers"),
    ("said " * 2000, "one word, 'said', makes up 100%"),
    ("The minister said the talks would resume next week in Geneva. " * 60, "the same sentences repeated"),
    (" ".join(f"{w} quantum river maple orbit" for w in ("apple", "stone", "cloud", "lamp") * 15), "function words"),
    (_shuffled(ARTICLE * 2), "no English order"),
    ("Home | World | Business | Sport | Contact us | Subscribe", "program code or markup"),
    ("Breaking News\nWorld Politics\nMarkets Today", "no sentence in it"),
])
def test_garbage_is_refused_with_its_reason(text, reason):
    """Each class of not-an-article text is refused, and the reason names what it is."""
    found = not_an_article(text, "en")
    assert found is not None and reason in found


@pytest.mark.parametrize("text", [
    ARTICLE,
    ARTICLE + "\n\n" + ARTICLE.replace("Friday", "Monday").replace("liaison office", "trade mission"),
    "Northwind Holdings has denied reports that it plans to sell its shipping unit, a spokeswoman said.",
    "Stocks rose 2.5% to 4,310.20 points on Tuesday, while the dollar fell 0.3% against the yen, traders said.",
])
def test_real_prose_is_accepted(text):
    """A news article, a longer one, a one-sentence wire item and a market report with numbers pass."""
    assert not_an_article(text, "en") is None


# Short sentences and few "the/a/an": shuffled, only the sentence ends show the disorder.
TERSE = ("Negotiators met in Geneva on Monday. Talks lasted nine hours. Both delegations described them as useful. "
         "Officials said another round could follow in March. Rebel leaders want prisoners released first. "
         "Government envoys refused that demand. Diplomats expect slow progress. Nobody signed anything yet. "
         "Observers from four countries attended. Journalists waited outside until midnight.")


@pytest.mark.parametrize("seed", range(5))
def test_shuffled_terse_prose_is_refused_by_its_sentence_ends(seed):
    """A salad with almost no determiners is still refused: its full stops are followed by lowercase words."""
    found = not_an_article(_shuffled(TERSE, seed), "en")
    assert found is not None and "sentence ends are followed by a lowercase word" in found


@pytest.mark.parametrize("text", [
    TERSE,
    TERSE.lower(),
    "U.S. officials said on Monday that Northwind Corp. would appeal the ruling in the case of Smith vs. the "
    "State. The company, based in St. Louis, said it had done nothing wrong. Gen. Mark Hale told reporters at "
    "9 a.m. that the base would stay open. iPhone sales rose. eBay shares fell. The talks, which began in 2019, "
    "are expected to resume next week, a spokesman said. Critics called the plan reckless.",
])
def test_abbreviations_lowercase_names_and_lowercased_text_are_prose(text):
    """Abbreviations ("U.S.", "Corp.", "vs.", "a.m."), names written lowercase ("iPhone") and a text with no
    capitals at all are no sign of shuffled words."""
    assert not_an_article(text, "en") is None


def test_one_sentence_wire_item_survives_the_whole_clean_stage(detector):
    """A headline and one sentence (a wire item) is cleaned into an article, not refused as too short."""
    raw = RawArticle(source="wire.txt", kind="text",
                     content="Northwind denies sale report\n\nNorthwind Holdings has denied reports that it plans "
                             "to sell its shipping unit, a spokeswoman said on Monday.")
    article = clean_article(raw, Settings(), detector)
    assert article.text.startswith("Northwind Holdings has denied reports")


def test_half_foreign_text_names_the_foreign_part(detector):
    """English followed by as much French is refused, and the reason says which words are French."""
    with pytest.raises(ExtractionRejected) as caught:
        check_language(detector, ARTICLE + "\n\n" + FRENCH * 2, ("en",), "mixed.txt")
    assert "are French" in caught.value.reason and "words " in caught.value.reason


def test_a_short_foreign_quote_is_kept(detector):
    """One French sentence quoted inside a long English article does not get it refused."""
    quoted = ARTICLE + ' He added: "Aucune décision n\'a été prise." ' + ARTICLE.replace("Friday", "Sunday")
    assert check_language(detector, quoted, ("en",), "quote.txt") == "en"


def test_over_long_article_is_cut_with_a_warning(detector):
    """Clean text beyond max_article_chars is cut at a sentence end and the cut is reported."""
    paragraphs = [" ".join(f"{sentence.strip()} (report {i}-{j})." for j, sentence in enumerate(ARTICLE.split(". ")))
                  for i in range(40)]
    raw = RawArticle(source="long.txt", kind="text", content="\n\n".join(paragraphs))
    article = clean_article(raw, Settings().with_overrides(max_article_chars=5_000), detector)
    assert len(article.text) <= 5_000 and article.text.endswith(".")
    assert article.warnings and article.warnings[0].startswith("article text cut to ")
    assert cut_to_budget("short", 100) == "short"


def test_long_runs_without_a_space_are_broken_with_a_warning(detector):
    """A run of quote marks longer than MAX_RUN_CHARS (minutes of tokenizing at 40,000 characters) is broken
    into pieces of at most MAX_RUN_CHARS, every character kept; ordinary words and short runs are left alone."""
    run = "“«" * MAX_RUN_CHARS + "x"
    text, broken = break_long_runs(f"He said {run} and left. " + "-" * MAX_RUN_CHARS)
    assert broken == 1 and max(len(piece) for piece in text.split()) == MAX_RUN_CHARS
    assert text.replace(" ", "") == f"Hesaid{run}andleft." + "-" * MAX_RUN_CHARS
    raw = RawArticle(source="runs.txt", kind="text", content=ARTICLE + " " + run)
    article = clean_article(raw, Settings(), detector)
    assert run not in article.text and any("1 run(s) of over" in w for w in article.warnings)
