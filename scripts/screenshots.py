"""Screenshots of the main web pages and the static report, for reviewers: `make screenshots`.

Starts `storytrace serve` on a free loopback port against a corpus (demo.db by default), opens each page in
Debian's chromium through Playwright, and writes full-page PNGs into out/screenshots/."""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def wait_until_up(base: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"storytrace serve exited with {proc.returncode}")
        try:
            get_json(f"{base}/api/stories?limit=1")
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"storytrace serve did not answer at {base} within {seconds:.0f} s")


def pages(base: str) -> dict[str, str]:
    """The main pages, chosen from the corpus itself: the most disputed story, its first dispute's speaker and article."""
    stories = get_json(f"{base}/api/stories?limit=500")["items"]
    story = max(stories, key=lambda s: (s["dispute_count"], len(s["article_ids"])))
    detail = get_json(f"{base}/api/stories/{story['id']}")
    first = detail["timeline"][0]
    if detail["disputes"]:
        first = get_json(f"{base}/api/disputes/{detail['disputes'][0]['id']}")["statements"][0]
    word = story["title"].split()[1] if len(story["title"].split()) > 1 else story["title"]
    return {"stories": "/", "story": f"/stories/{story['id']}", "disputes": "/disputes",
            "article": f"/articles/{first['article_id']}",
            "speaker": "/speakers?" + urllib.parse.urlencode({"name": first["speaker"]["name"]}),
            "search": "/search?" + urllib.parse.urlencode({"q": word}), "api-docs": "/docs"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="demo.db", help="corpus to show (default demo.db)")
    parser.add_argument("--out", default="out/screenshots", help="folder for the PNGs (default out/screenshots)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "storytrace", "serve", "--db", args.db, "--port", str(port)])
    try:
        wait_until_up(base, server)
        report = Path(tempfile.mkdtemp()) / "report.html"
        subprocess.run([sys.executable, "-m", "storytrace", "report", "--db", args.db, "--out", str(report)],
                       check=True, stdout=subprocess.DEVNULL)
        targets = {name: base + path for name, path in pages(base).items()}
        targets["report"] = report.as_uri()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, url in targets.items():
                page.goto(url, wait_until="load")
                path = out / f"{name}.png"
                page.screenshot(path=str(path), full_page=name not in ("report", "api-docs"))
                print(path)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
