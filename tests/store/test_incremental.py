"""Incremental runs: `analyze --db existing.db NEW` adds to the stored stories without redoing the others."""
from __future__ import annotations

import json
import re
import sqlite3

from scale_helpers import cli, db_digest, file_digest, make_corpus, report, table_digests


def _story_members(db_path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    with sqlite3.connect(db_path) as db:
        for sid, aid in db.execute("SELECT story_id, article_id FROM story_articles"):
            out.setdefault(sid, set()).add(aid)
    return out


def test_new_articles_join_existing_stories_and_the_rest_is_kept(tmp_path):
    corpus = tmp_path / "corpus"
    files = make_corpus(corpus, 80, words=80, shard=40)
    truth = [json.loads(line) for line in (corpus / ".truth.jsonl").read_text().splitlines()]
    first_ids = {t["id"] for t in truth[:40]}
    planted = {t["id"]: t["story"] for t in truth}
    out = tmp_path / "out"
    db_path = out / "storytrace.db"

    run1 = cli("analyze", str(files[0]), "--out", str(out), "--quiet")
    assert run1.returncode == 0, run1.stderr
    before_members = _story_members(db_path)
    before_rows = table_digests(db_path, "_st_story_blobs", "story_id")
    before_story_of = {a: s for s, members in before_members.items() for a in members}
    assert set(before_story_of) == first_ids

    run2 = cli("analyze", "--db", str(db_path), str(files[1]), "--out", str(tmp_path / "out2"))
    assert run2.returncode == 0, run2.stderr
    assert "40 articles read (40 analysed, 0 unchanged)" in run2.stderr
    recomputed, blocks = map(int, re.search(r"(\d+) of (\d+) blocks recomputed", run2.stderr).groups())
    assert 0 < recomputed < blocks, "only the blocks new articles touch are recomputed"

    after_members = _story_members(db_path)
    after_rows = table_digests(db_path, "_st_story_blobs", "story_id")
    assert set().union(*after_members.values()) == {t["id"] for t in truth}
    joined = 0
    for sid, members in after_members.items():
        old = members & first_ids
        if not old:
            continue
        if members == before_members.get(sid):
            assert after_rows[sid] == before_rows[sid], f"{sid}: unchanged story was rewritten"
        else:
            joined += 1
            # A grown story keeps the id of the stored story its earlier members were in.
            assert sid in {before_story_of[a] for a in old}
    # Planted versions in the second file whose original was in the first must be in that story now.
    for t in truth[40:]:
        if t["source"] in first_ids and t["relation"] == "copy":
            story = next(s for s, m in after_members.items() if t["id"] in m)
            assert t["source"] in after_members[story], f"{t['id']} (a copy of {t['source']}) did not join its story"
    assert any(planted[i] == planted[j] for i in first_ids for j in planted if j not in first_ids)
    assert joined >= 1, "at least one stored story grew (the copy above joined it)"

    # The same incremental command again changes nothing.
    db_before, json_before = db_digest(db_path), file_digest(tmp_path / "out2" / "report.json")
    run3 = cli("analyze", "--db", str(db_path), str(files[1]), "--out", str(tmp_path / "out2"))
    assert run3.returncode == 0, run3.stderr
    assert "0 analysed, 40 unchanged), 0 of" in run3.stderr
    assert db_digest(db_path) == db_before
    assert file_digest(tmp_path / "out2" / "report.json") == json_before
    assert len(report(tmp_path / "out2" / "report.json")["articles"]) == 80
