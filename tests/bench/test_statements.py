"""The read-sample statement benchmark on a hand-written PolNeAR-like folder: sampling, sheet, verdicts, scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.bench.statements import bench_statements, read_judgments
from storytrace.errors import BenchError

TEXT = ("The mayor said the bridge will reopen in May. Traffic was light on Sunday.\n\n"
        "\"We are ready,\" said Ona Brisk, the transport chief. Ferries ran all day.\n")
HEADER = "article\ttext\tspeaker_name\trole\tcue\tstance\tchain\tattributed\tspeaker\tpolarity\tclass\treason\n"


def _folder(root: Path) -> Path:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "attributions" / "a_x.ann").write_text("", encoding="utf-8")
    (root / "metadata.tsv").write_text("compartment\tfilename\tpublisher\twire\ndev\ta\tgazette\tNA\n",
                                       encoding="utf-8")
    return root


def test_verdicts_score_the_sample_and_unjudged_are_listed(tmp_path, nlp):
    """One verdict recorded (its text's spacing and full stop aside), one missing: the scores cover the judged one
    and the other is reported unjudged."""
    root = _folder(tmp_path / "polnear")
    judgments = tmp_path / "judged.tsv"
    judgments.write_text(HEADER + "a\tthe bridge will  reopen in May.\tThe mayor\t\tsaid\tasserts\tgazette → The mayor"
                                  "\tok\tok\twrong\tpolarity\ttest\n", encoding="utf-8")
    sheet = tmp_path / "sheet.tsv"
    result = bench_statements(root, judgments, seed=3, sample=60, sheet=sheet, nlp=nlp)
    assert result.n == 2 and result.metrics["judged"] == 1 and result.metrics["unjudged"] == 1
    assert (result.metrics["text_attributed"], result.metrics["polarity"]) == (1.0, 0.0)
    assert result.details["errors_by_class"] == {"polarity": 1}
    assert result.details["unjudged_statements"] == ["a: We are ready"]
    rows = sheet.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 3 and rows[0].startswith(HEADER.strip())
    ready = next(r for r in rows if r.startswith("a\tWe are ready"))
    assert "Ona Brisk" in ready and "gazette → Ona Brisk" in ready and "⟨said⟩" in ready


def test_sample_is_fixed_by_its_seed(tmp_path, nlp):
    """The same seed draws the same statement; the cap takes whole sentences in the seeded order."""
    root = _folder(tmp_path / "polnear")
    judgments = tmp_path / "judged.tsv"
    judgments.write_text(HEADER, encoding="utf-8")
    first = bench_statements(root, judgments, seed=5, sample=1, nlp=nlp).details["unjudged_statements"]
    again = bench_statements(root, judgments, seed=5, sample=1, nlp=nlp).details["unjudged_statements"]
    assert first == again and len(first) == 1


def test_a_bad_verdict_is_a_one_line_error(tmp_path):
    """A verdict outside ok/wrong names the file, line and column."""
    judgments = tmp_path / "judged.tsv"
    judgments.write_text(HEADER + "a\tsome text\tX\t\tsaid\tasserts\tX\tmaybe\tok\tok\t\t\n", encoding="utf-8")
    with pytest.raises(BenchError, match=r"judged.tsv:2: attributed must be one of ok, wrong"):
        read_judgments(judgments)


def test_a_changed_speaker_needs_a_new_verdict(tmp_path, nlp):
    """A verdict given to the same text under another speaker is stale: the statement is unjudged again."""
    root = _folder(tmp_path / "polnear")
    judgments = tmp_path / "judged.tsv"
    judgments.write_text(HEADER + "a\tthe bridge will reopen in May\tThe governor\t\tsaid\tasserts\t"
                                  "gazette → The governor\tok\tok\tok\t\t\n", encoding="utf-8")
    result = bench_statements(root, judgments, seed=3, sample=60, nlp=nlp)
    assert result.metrics["judged"] == 0 and result.metrics["unjudged"] == 2
