"""The PolNeAR benchmark on a hand-written brat folder: annotator choice, span matching and relation scoring."""

from __future__ import annotations

from pathlib import Path

from storytrace.bench.polnear import bench_polnear

TEXT = ('The minister said that the plan failed. "We will win," Chang said.\n\n'
        "It is widely believed that taxes will rise.\n")


def _t(n: int, label: str, phrase: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return f"T{n}\t{label} {start} {start + len(phrase)}\t{phrase}"


def write_corpus(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    full = [
        _t(1, "Source", "The minister"), _t(2, "Cue", "said"), _t(3, "Content", "that the plan failed"),
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        _t(4, "Source", "Chang"), _t(5, "Cue", "said", 1), _t(6, "Content", '"We will win,"'),
        "E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6",
        _t(7, "Cue", "is widely believed"), _t(8, "Content", "that taxes will rise"),
        "E3\tAttribution-no-source:T7 Cue:T7 Content:T8",
    ]
    (root / "attributions" / "a_aa.ann").write_text("\n".join(full) + "\n", encoding="utf-8")
    # A second annotator with fewer relations: never the one scored.
    (root / "attributions" / "a_zz.ann").write_text("\n".join(full[:4]) + "\n", encoding="utf-8")
    return root


def test_bench_polnear_scores_spans_and_relations(tmp_path, nlp):
    """All three gold relations are found exactly, the source-less belief included."""
    result = bench_polnear(write_corpus(tmp_path / "polnear"), nlp=nlp)
    m = result.metrics
    assert (result.benchmark, result.primary, result.n) == ("polnear", "relation_f1_overlap", 1)
    assert result.details["gold_relations"] == 3 and result.details["predicted_relations"] == 3
    assert (m["relation_precision_overlap"], m["relation_recall_overlap"], m["relation_f1_overlap"]) == (1.0, 1.0, 1.0)
    assert (m["content_f1_exact"], m["content_f1_overlap"]) == (1.0, 1.0)
    assert (m["cue_f1_exact"], m["cue_precision_exact"], m["cue_recall_exact"]) == (1.0, 1.0, 1.0)
    # two gold sources, both found: the source-less relation has none to score
    assert (m["source_f1_exact"], m["source_f1_overlap"]) == (1.0, 1.0)


def test_bench_polnear_limit_and_missing_annotation(tmp_path, nlp):
    """A text without annotation is skipped; `limit` caps the texts read."""
    root = write_corpus(tmp_path / "polnear")
    (root / "text" / "b.txt").write_text("Nothing is attributed here.\n", encoding="utf-8")
    assert bench_polnear(root, limit=1, nlp=nlp).n == 1


def test_cue_takes_the_day_and_the_statement_after_it(nlp):
    """PolNeAR's cue runs over "Tuesday" and "in a statement" right after the verb; not over "in an interview"."""
    from storytrace.analyze.attribution import extract_attributions
    from storytrace.bench.polnear import predicted_relations

    text = ('Clinton said Tuesday that the plan failed. Trump said in a statement that taxes will rise. '
            'Cruz said in an interview that he will win.')
    doc = nlp(text)
    cues = sorted(text[r.cue[0][0]:r.cue[0][1]] for r in predicted_relations(text, extract_attributions(doc), doc))
    assert cues == ["said", "said Tuesday", "said in a statement"]
