"""The TempEval-3 bench: TimeML reading (plain text, gold offsets, anchor) and the official measures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storytrace.bench.tempeval import bench_tempeval, in_dev_split, read_tml, tml_files
from storytrace.errors import BenchError

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2009-12-18" temporalFunction="false" functionInDocument="CREATION_TIME">20091218</TIMEX3></DCT>
<TEXT>
The minister <EVENT eid="e1" class="REPORTING">spoke</EVENT> <TIMEX3 tid="t1" type="DATE" value="2009-12-16">Wednesday</TIMEX3> about <TIMEX3 tid="t2" type="DATE" value="2009-W50">last week</TIMEX3> &amp; talks of the past <TIMEX3 tid="t3" type="DURATION" value="P3M">three months</TIMEX3>. He left in <TIMEX3 tid="t4" type="DATE" value="2008-05">May</TIMEX3> and stayed <TIMEX3 tid="t5" type="DURATION" value="PXY">a long time</TIMEX3>. He is now at home.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "doc.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_read_tml_gives_plain_text_offsets_and_anchor(folder):
    """Tags are stripped, entities decoded, and gold spans index the plain text."""
    doc = read_tml(folder / "nested" / "doc.tml")
    assert doc.anchor == date(2009, 12, 18)
    assert "<" not in doc.text and "& talks" in doc.text
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes] == [
        ("Wednesday", "DATE", "2009-12-16"), ("last week", "DATE", "2009-W50"), ("three months", "DURATION", "P3M"),
        ("May", "DATE", "2008-05"), ("a long time", "DURATION", "PXY"),
    ]


def test_bench_scores_strict_relaxed_and_attributes(folder):
    """5 gold, 5 system: 3 exact, 4 overlapping, 3 of 4 values right, one missed, one spurious."""
    result = bench_tempeval(dir=folder)
    assert result.n == 5 and result.primary == "value_f1"
    m = result.metrics
    assert m["strict_f1"] == pytest.approx(0.6)
    assert m["relaxed_f1"] == pytest.approx(0.8)
    assert m["relaxed_precision"] == pytest.approx(0.8) and m["relaxed_recall"] == pytest.approx(0.8)
    assert m["type_accuracy"] == pytest.approx(1.0)
    assert m["value_accuracy"] == pytest.approx(0.75)
    assert m["value_f1"] == pytest.approx(0.6)
    assert result.details["errors"] == {"missed": 1, "spurious": 1, "span differs": 1, "value wrong (DATE)": 1}


def test_dev_split_rule_is_deterministic(folder):
    """The dev split is a fixed function of the file name, and split="dev" keeps only its side."""
    assert in_dev_split("doc.tml") == in_dev_split("doc.tml")
    expected = [folder / "nested" / "doc.tml"] if in_dev_split("doc.tml") else []
    assert tml_files(folder, "dev") == expected


def test_empty_folder_is_an_error(tmp_path):
    """A folder with no .tml files is a bench error, not a zero score."""
    with pytest.raises(BenchError):
        bench_tempeval(dir=tmp_path)


def test_list_errors_names_each_error_with_its_context(folder):
    """Each scoring error is listed by kind with the gold and system spans and the text around them."""
    from storytrace.bench.tempeval import list_errors

    listed = list_errors(folder)
    assert sorted(error.kind for error, _ in listed) == ["missed", "span differs", "spurious", "value wrong (DATE)"]
    missed = next((error, context) for error, context in listed if error.kind == "missed")
    assert missed[0].gold is not None and missed[0].system is None and "a long time" in missed[1]
    assert all(error.system.rule for error, _ in listed if error.system is not None)


def test_errors_command_prints_kinds_with_counts(folder, capsys):
    """`python -m storytrace.bench.tempeval DIR` prints each error kind with its count, then the errors."""
    from storytrace.bench.tempeval import main

    assert main([str(folder), "--kind", "value"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("value wrong (DATE) (1)") and "gold [May] DATE 2008-05" in out
