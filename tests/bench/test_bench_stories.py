"""ECB+ story benchmark: documents are rebuilt from tokens, and the clustering scores follow their definitions."""

from __future__ import annotations

from storytrace.bench.stories import adjusted_rand_index, bcubed, read_ecbplus

DOC = """<Document doc_name="{name}">
<token t_id="1" sentence="0" number="0">{first}</token>
<token t_id="2" sentence="1" number="0">Lindsay</token>
<token t_id="3" sentence="1" number="1">Lohan</token>
<token t_id="4" sentence="1" number="2">checks</token>
<token t_id="5" sentence="1" number="3">into</token>
<token t_id="6" sentence="1" number="4">rehab</token>
<token t_id="7" sentence="1" number="5">,</token>
<token t_id="8" sentence="1" number="6">officials</token>
<token t_id="9" sentence="1" number="7">say</token>
<token t_id="10" sentence="1" number="8">(</token>
<token t_id="11" sentence="1" number="9">again</token>
<token t_id="12" sentence="1" number="10">)</token>
<token t_id="13" sentence="1" number="11">.</token>
</Document>"""


def test_documents_rebuilt_with_gold_subtopic_url_and_title(tmp_path):
    """The ecbplus URL sentence becomes the url, the next sentence the title; tokens are detokenised."""
    (tmp_path / "1").mkdir()
    (tmp_path / "1" / "1_1ecbplus.xml").write_text(DOC.format(name="1_1ecbplus.xml", first="http://x.org/a"))
    (tmp_path / "1" / "1_2ecb.xml").write_text(DOC.format(name="1_2ecb.xml", first="Headline"))
    docs = {name: (gold, raw) for name, gold, raw in read_ecbplus(tmp_path)}
    gold, raw = docs["1_1ecbplus.xml"]
    assert gold == "1ecbplus" and raw.url == "http://x.org/a"
    assert raw.title == "Lindsay Lohan checks into rehab, officials say (again)."
    gold, raw = docs["1_2ecb.xml"]
    assert gold == "1ecb" and raw.title == "Headline" and raw.url is None
    assert raw.content.endswith("Lindsay Lohan checks into rehab, officials say (again).")


def test_bcubed_and_ari_by_hand():
    """B-cubed and ARI on a small clustering whose values are worked out by hand."""
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    assert adjusted_rand_index(gold, gold) == 1.0
    merged = {k: "one" for k in gold}
    precision, recall, f1 = bcubed(merged, gold)
    assert (precision, recall) == (0.5, 1.0) and abs(f1 - 2 / 3) < 1e-9
    assert adjusted_rand_index(merged, gold) == 0.0
    split = {"a": "1", "b": "2", "c": "3", "d": "3"}
    precision, recall, _ = bcubed(split, gold)
    assert (precision, recall) == (1.0, 0.75)


def test_odd_and_even_topics_are_scored_apart():
    """The held-out half (even topics) gets its own figure, computed on its documents only."""
    from storytrace.bench.stories import _halves

    gold = {"a": "1ecb", "b": "1ecbplus", "c": "2ecb", "d": "2ecb"}
    predicted = {"a": "s1", "b": "s1", "c": "s2", "d": "s2"}
    halves = _halves(predicted, gold)
    assert halves["even_topics_held_out"].startswith("B-cubed F1 1.000")
    assert halves["odd_topics"].startswith("B-cubed F1 0.667 (P 0.500, R 1.000)")
