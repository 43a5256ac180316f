"""Stage: which articles tell one story.

signature.py (a compact per-article signature: MinHash of text and anchors, names and figures,
document vector) -> blocking.py (candidate pairs from LSH bands, containment and vector neighbours;
connected blocks) -> build.py (stories inside a block from combined evidence) -> ids.py (stable
story ids and block fingerprints for incremental runs).
"""
