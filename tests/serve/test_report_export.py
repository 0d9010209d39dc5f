"""`storytrace report` and the export formats, run as a user runs them (CLI processes, the example corpus)."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from storytrace.export import TABLES

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storytrace", *args], capture_output=True, text=True, timeout=300)


def test_report_is_one_self_contained_file(example_db, tmp_path, hostile):
    """The report inlines its CSS, loads nothing from elsewhere, runs no script, and escapes article titles."""
    out = tmp_path / "nested" / "report.html"
    done = run("report", "--db", str(example_db), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out.resolve())
    html = out.read_text()
    assert "<style>" in html and ".dispute" in html and '"Segoe UI"' in html  # CSS inlined, not HTML-escaped
    assert "<script" not in html.lower()
    # Nothing is loaded from elsewhere; the only outward links are the articles' "open original", for a reader.
    loaded = re.sub(r'<a class="original" href="https?://[^"]+" rel="noopener noreferrer">', "", html)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|/)""", loaded), "external or server reference"
    assert "&lt;script&gt;window.__pwned = 1" in html and hostile["title"] not in html
    contract = json.loads(run("export", "--db", str(example_db)).stdout)
    for story in contract["stories"]:
        assert f'id="story-{story["id"]}"' in html and f'href="#story-{story["id"]}"' in html
    for dispute in contract["disputes"]:
        assert html.count(f'data-dispute-id="{dispute["id"]}"') == 1
    assert 'class="dispute denial"' in html
    # Disputed stories come first.
    first = re.search(r'<section class="report-story" id="story-[^"]+">\s*<h1 class="story-title">([^<]+)', html)
    assert first and "liaison office" in first.group(1)


def test_report_says_why_each_dispute_stands_links_originals_and_marks_unknown_dates(example_db, tmp_path, undated):
    """Each dispute card gives its confidence and the outlets reporting its denial; each article with an http(s)
    address links to it as "open original"; an undated story says "date unknown" where its dates would be."""
    out = tmp_path / "report.html"
    assert run("report", "--db", str(example_db), "--out", str(out)).returncode == 0
    html = out.read_text()
    contract = json.loads(run("export", "--db", str(example_db)).stdout)
    for dispute in contract["disputes"]:
        card = html[html.index(f'data-dispute-id="{dispute["id"]}"'):]
        card = card[:card.index("</section>")]
        assert f'data-confidence="{dispute["confidence"]:.2f}">confidence {dispute["confidence"]:.2f}' in card
        for reporter in dispute["reported_by"]:
            assert f'data-article-id="{reporter["article_id"]}">{reporter["outlet"]}</span>' in card
    originals = re.findall(r'<a class="original" href="([^"]+)"', html)
    addresses = {a["source"] for a in contract["articles"] if a["source"].startswith(("http://", "https://"))}
    assert set(originals) == addresses and undated["url"] in addresses
    article = next(a for a in contract["articles"] if a["title"] == undated["title"])
    story = next(s for s in contract["stories"] if article["id"] in s["article_ids"])
    section = html[html.index(f'id="story-{story["id"]}"'):].split('<section class="report-story"')[0]
    assert section.count('<span class="date-unknown">date unknown</span>') >= 4  # first, last seen, day, article
    assert "<time" not in section


def test_open_original_links_only_web_addresses():
    """A script URL or a local path is shown as text, never as a link."""
    from storytrace.serve.web import environment

    original = environment().get_template("macros.html").module.original
    assert 'href="https://a.example/x"' in original("https://a.example/x")
    assert original("javascript:alert(1)") == original("/etc/passwd") == original(None) == ""


def test_graphml_export_is_the_attribution_graph(example_db):
    """GraphML parses, and the newspaper -> agency -> anonymous sources chain is in it with weights."""
    done = run("export", "--db", str(example_db), "--format", "graphml")
    assert done.returncode == 0, done.stderr
    root = ET.fromstring(done.stdout)
    graph = root.find(f"{GRAPHML}graph")
    labels = {n.get("id"): n.find(f"{GRAPHML}data[@key='label']").text for n in graph.iter(f"{GRAPHML}node")}
    edges = {(labels[e.get("source")], labels[e.get("target")]): float(e.find(f"{GRAPHML}data").text)
             for e in graph.iter(f"{GRAPHML}edge")}
    assert ("The Capitol Ledger", "Yonhap") in edges
    assert any(src == "Yonhap" and "diplomatic sources" in dst for src, dst in edges)
    assert all(weight >= 1 for weight in edges.values())


def test_claimreview_export_covers_disputed_claims(example_db):
    """Each disputed or denied claim becomes a schema.org ClaimReview naming where the claim appeared."""
    done = run("export", "--db", str(example_db), "--format", "claimreview")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["@context"] == "https://schema.org"
    contract = json.loads(run("export", "--db", str(example_db)).stdout)
    wanted = {c["id"] for c in contract["claims"] if c["status"] in ("disputed", "denied")}
    assert {r["identifier"] for r in data["@graph"]} == wanted and wanted
    liaison = next(r for r in data["@graph"] if r["reviewRating"]["alternateName"] == "Disputed"
                   and "liaison office" in r["claimReviewed"])
    assert liaison["@type"] == "ClaimReview" and liaison["itemReviewed"]["@type"] == "Claim"
    publishers = {a["publisher"]["name"] for a in liaison["itemReviewed"]["appearance"] if "publisher" in a}
    assert "Yonhap" in publishers and "denies" in liaison["reviewRating"]["ratingExplanation"]
    confidence = next(d["confidence"] for d in contract["disputes"] if d["claim_id"] == liaison["identifier"])
    assert f"confidence {confidence:.2f}" in liaison["reviewRating"]["ratingExplanation"]


def test_csv_export_writes_one_file_per_table(example_db, tmp_path):
    """`--table all` writes every table as its own CSV, with the same rows as the JSON export."""
    done = run("export", "--db", str(example_db), "--format", "csv", "--table", "all", "--out", str(tmp_path / "csv"))
    assert done.returncode == 0, done.stderr
    contract = json.loads(run("export", "--db", str(example_db)).stdout)
    for table in TABLES:
        with open(tmp_path / "csv" / f"{table}.csv", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [r["id"] for r in rows] == [r["id"] for r in contract[table]], table
        if table == "disputes":  # why each dispute was raised, flat: the rule, and "article (outlet)" per reporter
            for row, dispute in zip(rows, contract[table]):
                assert float(row["confidence"]) == dispute["confidence"]
                assert row["evidence.rule"] == dispute["evidence"]["rule"]
                assert row["reported_by"] == " | ".join(f"{r['article_id']} ({r['outlet']})"
                                                        for r in dispute["reported_by"])
    usage = run("export", "--db", str(example_db), "--table", "all")
    assert usage.returncode == 2 and "--out folder" in usage.stderr
