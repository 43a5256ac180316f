"""What runs inside Spark's Python workers: the same functions as the single-machine pipeline.

Each worker process loads the models once (a module-level Pipeline) and reuses them for every
partition and block it is given.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from storytrace.store import codec
from storytrace.config import Config
from storytrace.model import Article, InputError

_PIPELINES: dict[str, Any] = {}


def pipeline_for(config_fields: dict[str, Any]):
    from storytrace.pipeline import Pipeline

    key = json.dumps(config_fields, sort_keys=True)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(Config(**config_fields))
    return _PIPELINES[key]


def article_from_record(record: dict[str, Any], source: str) -> tuple[Article | None, list[InputError]]:
    """One JSON-lines object or Parquet row -> Article, through the same code as the JSON-lines reader.

    Without an ``id`` field the id is derived from the text (Spark does not see line numbers).
    """
    from storytrace.ingest.jsonl import article_from_object

    record = {k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in record.items() if v is not None}
    text = next((record[f] for f in ("text", "content", "body") if isinstance(record.get(f), str)), "")
    default_id = "spark-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return article_from_object(record, source, default_id)


def prepare_partition(rows: Iterable[Any], config_fields: dict[str, Any]) -> Iterator[tuple]:
    """(source, json line or row dict) -> (id, published ordinal, signature bytes, article blob, meta json, error)."""
    from storytrace.outputs.json_report import article_to_dict
    from storytrace.stories.signature import signatures_for, to_bytes

    from storytrace.nlp.parsed import forget_views

    pipeline = pipeline_for(config_fields)
    # each blob carries the article's token view (store/codec.py): the block stage's findings read
    # it instead of parsing the article again
    batch: list[Article] = []

    def flush() -> Iterator[tuple]:
        prepared = list(pipeline.prepare_many(batch))
        ready = [d for d in prepared if not isinstance(d, InputError)]
        # One call per batch: the document encoder runs on the batch, as in the single-machine run.
        sigs = dict(zip((d.id for d in ready), signatures_for(ready, pipeline.config.document_encoder)))
        for done in prepared:
            if isinstance(done, InputError):
                yield (None, None, None, None, None, str(done))
                continue
            sig = sigs[done.id]
            meta = json.dumps(article_to_dict(done), ensure_ascii=False)
            yield (done.id, sig.published, to_bytes(sig), codec.pack_article(done), meta, None)
        forget_views(batch)
        batch.clear()

    for source, payload in rows:
        try:
            record = json.loads(payload) if isinstance(payload, str) else dict(payload)
        except ValueError as exc:
            yield (None, None, None, None, None, f"error: {source}: malformed JSON: {exc}")
            continue
        article, problems = article_from_record(record, source) if isinstance(record, dict) else (
            None, [InputError(source, "expected a JSON object")])
        for p in problems:
            yield (None, None, None, None, None, str(p))
        if article is not None:
            batch.append(article)
        if len(batch) >= 32:
            yield from flush()
    yield from flush()


def band_rows(rows: Iterable[Any], params) -> Iterator[tuple[int, str, bool]]:
    """(key as signed int64, article id, is a term) for every band of each signature and, with
    containment among the sources, every name/figure term (salted as in blocking.term_pairs)."""
    import numpy as np

    from storytrace.stories.blocking import TERM_SALT, band_keys
    from storytrace.stories.signature import CHANNELS, from_bytes

    for article_id, published, sig_bytes in rows:
        sig = from_bytes(article_id, published, sig_bytes)
        if "bands" in params.sources:
            for channel in CHANNELS:
                b, r = params.bands[channel]
                keys = band_keys(sig.channel(channel)[None, :], channel, b, r)[0]
                for k in keys.view(np.int64).tolist():
                    yield (k, article_id, False)
        if "containment" in params.sources and len(sig.terms):
            for k in (sig.terms.astype(np.uint64) | TERM_SALT).view(np.int64).tolist():
                yield (k, article_id, True)


def vector_pair_ids(rows: list[Any], params) -> tuple[list[tuple[str, str]], dict[str, float], dict[str, list[int]]]:
    """Document-vector neighbour pairs (ids, a < b) of (id, published, signature) rows in id order,
    each article's chance bar for a cosine (``chance_cosines`` as blocking reads them: those that
    can decide a pair, finite ones only; the scan that found the pairs measured them), and the
    names and figures typical of each article's window (``typical_terms``; articles with none are
    left out). The rows are every article, so both are measured on the whole corpus, as blocking
    on one machine does."""
    import numpy as np

    from storytrace.stories.blocking import SignatureTable, chance_cosines, typical_terms, vector_pairs
    from storytrace.stories.signature import from_bytes

    table = SignatureTable()
    table.add([from_bytes(r[0], r[1], bytes(r[2])) for r in rows])
    out = []
    for i, j in vector_pairs(table, params).tolist():
        a, b = sorted((table.ids[i], table.ids[j]))
        out.append((a, b))
    chance = chance_cosines(table, params, deciding_only=True)
    typical = typical_terms(table, params)
    return (out, {table.ids[i]: float(chance[i]) for i in np.flatnonzero(np.isfinite(chance)).tolist()},
            {table.ids[i]: t.tolist() for i, t in enumerate(typical) if len(t)})


def verify_rows(rows: Iterable[Any], params, chance: dict[str, float] | None = None,
                typical: dict[str, list[int]] | None = None) -> Iterator[tuple[str, str]]:
    """``chance``: the articles' chance bars from ``vector_pair_ids`` (an article not in it has none);
    ``typical``: the names and figures typical of their windows, from the same (None: no corpus
    measured, every name counts; an article not in it has none)."""
    from storytrace.stories.blocking import pair_passes
    from storytrace.stories.signature import from_bytes

    chance = chance or {}
    for a_id, a_pub, a_sig, b_id, b_pub, b_sig in rows:
        bars = (chance.get(a_id, float("-inf")), chance.get(b_id, float("-inf")))
        names = None if typical is None else (typical.get(a_id, []), typical.get(b_id, []))
        if pair_passes(from_bytes(a_id, a_pub, a_sig), from_bytes(b_id, b_pub, b_sig), params, bars, names):
            yield (a_id, b_id)


def split_large_rows(rows: list[Any], edges: list[tuple[str, str]], params) -> dict[str, str]:
    """Components above ``max_block`` cut as on one machine (``split_large``): (id, published,
    signature) rows of those components and their verified pairs -> id -> block label (the
    smallest id of its part)."""
    import numpy as np

    from storytrace.stories.blocking import SignatureTable, components, split_large
    from storytrace.stories.signature import from_bytes

    table = SignatureTable()
    table.add([from_bytes(r[0], r[1], bytes(r[2])) for r in sorted(rows, key=lambda r: r[0])])
    row_of = {article_id: k for k, article_id in enumerate(table.ids)}
    pairs = np.array(sorted(tuple(sorted((row_of[a], row_of[b]))) for a, b in edges), dtype=np.int64).reshape(-1, 2)
    labels = split_large(table, pairs, components(len(table), pairs), params)
    first: dict[int, str] = {}
    for article_id, label in zip(table.ids, labels.tolist()):
        first[label] = min(first.get(label, article_id), article_id)
    return {article_id: first[label] for article_id, label in zip(table.ids, labels.tolist())}


def analyze_block_rows(blobs: list[bytes], config_fields: dict[str, Any]) -> list[tuple[str, int, str, str]]:
    """One block -> (story id, size, report.json story dict as JSON, codec story JSON) per story."""
    from storytrace.outputs.json_report import story_to_dict
    from storytrace.pipeline import analyze_block

    pipeline = pipeline_for(config_fields)
    articles = [codec.unpack_article(b) for b in blobs]
    stories = analyze_block(articles, pipeline, taken=set())
    by_id = {a.id: a for a in articles}
    return [
        (s.id, len(s.article_ids), json.dumps(story_to_dict(s, by_id), ensure_ascii=False),
         json.dumps(codec.story_to_dict(s), ensure_ascii=False))
        for s in stories
    ]
