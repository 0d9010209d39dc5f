"""Story clustering on ECB+: documents are streamed through the story linker one by one, as they would
arrive in a newsroom, and the clusters are scored against the gold sub-topics (topic number + ecb/ecbplus).

ECB+ documents carry no publication time, so the stream order is a fixed-seed shuffle (seed 13) of all
documents: topics and sub-topics arrive interleaved, never sorted, and the time window never applies.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from lxml import etree

from storytrace.bench import BenchResult, bench_db
from storytrace.corpus import Corpus
from storytrace.errors import BenchError
from storytrace.model import RawArticle
from storytrace.loading import load_models
from storytrace.settings import Settings
from storytrace.store import open_store

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't)(?=\s|$)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")
_STREAM_SEED = 13


def read_ecbplus(folder: Path) -> list[tuple[str, str, RawArticle]]:
    """(document name, gold sub-topic, raw article) for every ECB+ document under `folder`."""
    documents = []
    for path in sorted(folder.rglob("*.xml")):
        match = re.match(r"(\d+)_\d+(ecbplus|ecb)\.xml$", path.name)
        if match is None:
            continue
        title, url, body = _rebuild(path)
        raw = RawArticle(source=str(path), content=f"{title}\n\n{body}", kind="text", url=url, title=title)
        documents.append((path.name, f"{match[1]}{match[2]}", raw))
    return documents


def _rebuild(path: Path) -> tuple[str, str | None, str]:
    """Headline (first sentence), source URL (sentence 0 of ecbplus files) and body, detokenised."""
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in etree.parse(str(path)).getroot().iter("token"):
        sentences[int(token.get("sentence"))].append(token.text or "")
    texts = [_detokenise(words) for _, words in sorted(sentences.items())]
    url = None
    if path.name.endswith("ecbplus.xml") and texts and texts[0].replace(" ", "").startswith("http"):
        url = texts.pop(0).replace(" ", "")
    title = texts[0] if texts else ""
    return title, url, " ".join(texts[1:])


def _detokenise(words: list[str]) -> str:
    text = " ".join(words)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against gold (item -> class)."""
    by_cluster: dict[str, list[str]] = defaultdict(list)
    by_class: dict[str, list[str]] = defaultdict(list)
    for item in gold:
        by_cluster[predicted[item]].append(item)
        by_class[gold[item]].append(item)
    precision = recall = 0.0
    for item in gold:
        cluster, klass = by_cluster[predicted[item]], by_class[gold[item]]
        same = sum(1 for other in cluster if gold[other] == gold[item])
        precision += same / len(cluster)
        recall += same / len(klass)
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand_index(predicted: dict[str, str], gold: dict[str, str]) -> float:
    """Hubert and Arabie's adjusted Rand index from the contingency table."""
    def pairs(n: int) -> float:
        return n * (n - 1) / 2

    items = list(gold)
    table = Counter((predicted[i], gold[i]) for i in items)
    rows, cols = Counter(predicted[i] for i in items), Counter(gold[i] for i in items)
    index = sum(pairs(n) for n in table.values())
    row_sum, col_sum = sum(pairs(n) for n in rows.values()), sum(pairs(n) for n in cols.values())
    expected = row_sum * col_sum / pairs(len(items)) if len(items) > 1 else 0.0
    maximum = (row_sum + col_sum) / 2
    return (index - expected) / (maximum - expected) if maximum != expected else 1.0


def bench_ecbplus(dir: Path, limit: int | None = None, settings: Settings | None = None,
                  db: Path | None = None) -> BenchResult:
    documents = read_ecbplus(Path(dir))
    if not documents:
        raise BenchError(f"{dir}: no ECB+ documents (<topic>/<topic>_<n>ecb.xml)")
    random.Random(_STREAM_SEED).shuffle(documents)
    documents = documents[:limit]
    # ECB+ documents are short (some under 100 words): accept them all.
    settings = (settings or Settings()).with_overrides(min_words=1)
    models = load_models(settings)
    started = time.perf_counter()
    with bench_db(db, "ecbplus") as path:
        corpus = Corpus(open_store(path), settings, models)
        report = corpus.add_raw([raw for _, _, raw in documents], parallel=True)
        placed = {article_id: story.id for story in corpus.stories() for article_id in story.article_ids}
        story_of = {a.source: placed[a.id] for a in corpus.articles() if a.id in placed}
        corpus.close()
    gold = {raw.source: klass for _, klass, raw in documents if raw.source in story_of}
    precision, recall, f1 = bcubed(story_of, gold)
    metrics = {"bcubed_f1": f1, "bcubed_precision": precision, "bcubed_recall": recall,
               "ari": adjusted_rand_index(story_of, gold), "stories": float(len(set(story_of.values()))),
               "gold_stories": float(len(set(gold.values())))}
    backend = f"{models.backend}; story evidence {settings.story_evidence} (mean of {settings.story_support} best)"
    return BenchResult("ecbplus", str(dir), len(gold), "bcubed_f1", metrics, backend, time.perf_counter() - started,
                       details={"skipped": len(report.skipped), "duplicates": len(report.duplicates),
                                "order": f"fixed-seed shuffle (seed {_STREAM_SEED})",
                                **_halves(story_of, gold)})


def _halves(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, str]:
    """B-cubed on odd and even topics apart: the story scoring was fitted on odd topics, even ones held out."""
    scores = {}
    for name, parity in (("odd_topics", 1), ("even_topics_held_out", 0)):
        part = {item: klass for item, klass in gold.items() if int(re.match(r"\d+", klass)[0]) % 2 == parity}
        if part:
            precision, recall, f1 = bcubed(predicted, part)
            scores[name] = f"B-cubed F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f}), n={len(part)}"
    return scores
