"""A story folded into another (an article bridged them) keeps its id working: the web page redirects, the API
and the CLI answer with the story it was folded into. Real server, real database."""

from __future__ import annotations

import shutil

import httpx

from storytrace.store import open_store
from tests.serve.test_cli import run


def _fold_two_stories(example_db, tmp_path) -> tuple[str, str, str]:
    """A copy of the example corpus in which the second story is folded into the first, as `Store.apply` does
    when an article bridges them; (the copy, the folded id, the surviving id)."""
    db = tmp_path / "folded.db"
    shutil.copy(example_db, db)
    store = open_store(db)
    kept, folded = sorted(store.stories(), key=lambda s: s.id)[:2]
    with store.transaction():
        store.fold_story(folded.id, kept.id)
    assert store.story(folded.id) is None and store.story_moved_to(folded.id) == kept.id
    assert set(store.story(kept.id).article_ids) == set(kept.article_ids) | set(folded.article_ids)
    store.close()
    return db, folded.id, kept.id


def test_a_folded_story_id_leads_to_the_story_it_joined(example_db, tmp_path, start_server):
    db, folded, kept = _fold_two_stories(example_db, tmp_path)
    with start_server(db) as base:
        page = httpx.get(f"{base}/stories/{folded}", timeout=30)
        assert page.status_code == 308 and page.headers["location"] == f"/stories/{kept}"
        assert httpx.get(f"{base}/stories/{folded}", timeout=30, follow_redirects=True).status_code == 200
        detail = httpx.get(f"{base}/api/stories/{folded}", timeout=30)
        assert detail.status_code == 200 and detail.json()["story"]["id"] == kept
        assert httpx.get(f"{base}/stories/Snever", timeout=30).status_code == 404
    shown = run("story", folded, db=db, check=0).stdout
    assert kept in shown
