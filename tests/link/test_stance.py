"""The stance model on hand-written pairs: a denial, an agreement, a hedged report and an unrelated text."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.errors import StorytraceError
from storytrace.link.stance import StanceHead, TrainedStance, TreeEnsemble, load_heads, stance_polarity
from storytrace.link.stance_features import split_sentences

CLAIM = "Apple is buying Tesla for $75 billion"
DENIAL = ("Apple has denied reports that it is buying Tesla. \"There is no truth to this rumor,\" an Apple "
          "spokesman said on Monday. The claim, first posted on a blog, was fabricated, the company said.")
AGREEMENT = ("Apple has agreed to buy Tesla for $75 billion, the two companies announced on Monday. The deal, "
             "confirmed by both boards, makes the electric-car maker a unit of Apple. Tesla shares rose 20 percent "
             "after the announcement.")
HEDGE = ("Apple may be in talks to buy Tesla, according to unconfirmed reports. A blog claimed on Monday, citing "
         "an unnamed source, that the companies could reach a deal worth $75 billion. Neither company responded "
         "to requests for comment, and it is unclear whether talks are taking place.")
UNRELATED = ("Preheat the oven to 200 degrees. Mix the flour, butter and sugar in a bowl until smooth. Bake the "
             "cookies for twelve minutes and let them cool on a rack before serving.")


@pytest.fixture(scope="module")
def encoder():
    from storytrace.analyze.embed import Encoder

    return Encoder(max_tokens=128, threads=1)


@pytest.fixture(scope="module")
def heads():
    return load_heads()


def test_body_stances(encoder, heads):
    """Headline vs article body (the FNC-1 head): agreement, a hedged report and an unrelated body get their
    stance; a denial of a claim the model never saw raises the disagree probability but is still read as
    `discuss` (known limitation: FNC-1's disagree class is learnt mostly from its recurring headlines)."""
    model = TrainedStance(encoder.encode, head="fnc1", heads=heads)
    pairs = [(CLAIM, AGREEMENT), (CLAIM, HEDGE), (CLAIM, UNRELATED), (CLAIM, DENIAL)]
    assert model.predict_many(pairs)[:3] == ["agree", "discuss", "unrelated"]
    proba = model.predict_proba(pairs)
    assert proba.sum(axis=1) == pytest.approx(np.ones(4))
    disagree = model.labels.index("disagree")
    assert model.predict(CLAIM, DENIAL) != "unrelated" and proba[3, disagree] > proba[:3, disagree].max()


def test_cross_encoder_splits_only_the_related_mass(encoder, heads):
    """With the cross-encoder, the trees' unrelated probability stands and the rest is shared among the related
    labels by the cross-encoder: the recipe stays unrelated, the other bodies related, rows sum to one."""
    model = TrainedStance(encoder.encode, head="fnc1", heads=heads, cross_encoder=True)
    pairs = [(CLAIM, AGREEMENT), (CLAIM, HEDGE), (CLAIM, UNRELATED), (CLAIM, DENIAL)]
    proba, trees = model.predict_proba_and_trees(pairs)
    unrelated = model.labels.index("unrelated")
    assert proba.sum(axis=1) == pytest.approx(np.ones(4)) and proba[:, unrelated] == pytest.approx(trees[:, unrelated])
    assert not np.allclose(proba[[0, 1, 3]], trees[[0, 1, 3]], atol=1e-3)
    predicted = model.predict_many(pairs)
    assert predicted[2] == "unrelated" and "unrelated" not in (predicted[0], predicted[1], predicted[3])
    # The denial the trees read as `discuss` (test_body_stances) is a denial here.
    assert predicted[3] == "disagree"
    with pytest.raises(StorytraceError, match="cross-encoder"):
        TrainedStance(encoder.encode, head="emergent", heads=heads, cross_encoder=True)


def test_headline_stances(encoder, heads):
    """Claim vs a headline or short statement (the Emergent head): a denial, an agreement, a hedge."""
    model = TrainedStance(encoder.encode, head="emergent", heads=heads)
    assert model.predict(CLAIM, "Apple denies Tesla takeover report, calls it a hoax") == "against"
    assert model.predict(CLAIM, "Apple agrees to buy Tesla for $75 billion") == "for"
    assert model.predict(CLAIM, "Apple may be buying Tesla, reports claim") == "observing"


def test_labels_map_to_statement_polarities():
    """Stance labels become storytrace polarities; an unrelated text has none."""
    assert [stance_polarity(x) for x in ("agree", "disagree", "discuss", "unrelated")] == [
        "asserts", "denies", "speculates", None]
    assert [stance_polarity(x) for x in ("for", "against", "observing")] == ["asserts", "denies", "speculates"]
    with pytest.raises(StorytraceError):
        stance_polarity("maybe")


def test_tree_ensemble_walks_to_leaves():
    """Flat trees: a stump per class, leaves pointing to themselves, softmax over baseline + leaf values."""
    trees = TreeEnsemble(feature=np.array([0, 0, 0, 0, 0, 0], np.int32), threshold=np.array([0.5, np.inf, np.inf] * 2),
                         left=np.array([1, 1, 2, 4, 4, 5], np.int32), right=np.array([2, 1, 2, 5, 4, 5], np.int32),
                         value=np.array([0, 1.0, -1.0, 0, -1.0, 1.0]), roots=np.array([0, 3], np.int32),
                         tree_class=np.array([0, 1], np.int32), baseline=np.zeros(2), depth=1)
    assert trees.raw(np.array([[0.0], [1.0]])).tolist() == [[1.0, -1.0], [-1.0, 1.0]]


def test_a_head_boost_scales_one_label_and_rows_still_sum_to_one():
    """The fnc1 decision rule: a label's factor multiplies its odds against every other label."""
    trees = TreeEnsemble(feature=np.array([0, 0], np.int32), threshold=np.array([np.inf, np.inf]),
                         left=np.array([0, 1], np.int32), right=np.array([0, 1], np.int32), value=np.zeros(2),
                         roots=np.array([0, 1], np.int32), tree_class=np.array([0, 1], np.int32),
                         baseline=np.zeros(2), depth=1)
    space = load_heads(names=("fnc1",))["fnc1"].space
    plain = StanceHead(("a", "b"), space, trees).proba(np.zeros((1, 1)))
    boosted = StanceHead(("a", "b"), space, trees, boost=(1.0, 3.0)).proba(np.zeros((1, 1)))
    assert plain.tolist() == [[0.5, 0.5]] and boosted[0] == pytest.approx([0.25, 0.75])


def test_packaged_heads_boost_only_fnc1_disagree():
    """The disagree factor chosen on the dev claims (scripts/train_stance.py) ships with the fnc1 head only."""
    heads = load_heads()
    fnc1 = heads["fnc1"]
    assert fnc1.boost[fnc1.labels.index("disagree")] > 1.0 and sorted(fnc1.boost)[:-1] == [1.0] * 3
    assert all(not head.boost for name, head in heads.items() if name != "fnc1")


def test_sentences_split_and_a_headline_stays_whole():
    """Bodies are split at sentence ends; a headline is one sentence."""
    assert split_sentences("He left. She stayed! Why? \"No,\" he said.") == ["He left.", "She stayed!", "\"No,\" he said."]
    assert split_sentences("Apple buys Tesla") == ["Apple buys Tesla"]


def test_heads_load_by_name_and_a_missing_head_is_an_error():
    """Claim linking loads only the heads it uses; asking for one the artefact lacks names it."""
    assert set(load_heads(names=("emergent",))) == {"emergent"}
    with pytest.raises(StorytraceError, match="no head"):
        load_heads(names=("emergent", "nli"))
