"""Lossless Article and Story <-> JSON, so analysed articles can leave memory and come back exactly.

The store keeps one compressed blob per article and per story (beside its readable tables):
an incremental run reloads the members of a changed story from it instead of re-extracting
them, and the Spark job ships articles between stages in this form. ``decode(encode(x)) == x``
for every dataclass of the model (tests check it on extracted articles).

An article's blob may carry the token view the findings read (nlp/parsed.py), so an article that
leaves memory after extraction is never parsed again: the blob is then the article's zlib stream
followed by the view's own zlib stream. ``zlib.decompress`` stops at the end of the first stream,
so a reader that does not know the view (an older storytrace) reads the article as before.
"""
from __future__ import annotations

import dataclasses
import json
import zlib
from datetime import date, datetime
from typing import Any

from storytrace.model import (
    AlignedPair, Alignment, Article, Attribution, DateValue, Edge, Finding, LanguageSpan, Mention, OffsetMap,
    Paragraph, Quantity, Quote, Removal, ReusePassage, Role, Sentence, Story,
)

CODEC_VERSION = 1


def _plain(value: Any) -> Any:
    """Dataclasses -> dicts (with a type tag where a field may hold several types), dates -> ISO."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, (Quantity, DateValue)):
            out["__type__"] = type(value).__name__
        return out
    if isinstance(value, datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, date):
        return {"__date__": value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _typed(value: Any) -> Any:
    """The inverse of ``_plain`` for values whose type is not fixed by the field (Mention.value, metadata)."""
    if isinstance(value, dict):
        if "__date__" in value and len(value) == 1:
            return date.fromisoformat(value["__date__"])
        if "__datetime__" in value and len(value) == 1:
            return datetime.fromisoformat(value["__datetime__"])
        kind = value.get("__type__")
        if kind in ("Quantity", "DateValue"):
            cls = Quantity if kind == "Quantity" else DateValue
            return cls(**{k: v for k, v in value.items() if k != "__type__"})
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return value


def article_to_dict(a: Article) -> dict[str, Any]:
    return _plain(a)


def article_from_dict(d: dict[str, Any]) -> Article:
    a = Article(
        id=d["id"], source_path=d["source_path"], original_text=d["original_text"], text=d["text"],
        title=d["title"], outlet=d["outlet"], author=d["author"], url=d["url"], language=d["language"],
        published=_typed(d["published"]), metadata=_typed(d["metadata"]),
    )
    a.offset_map = OffsetMap(**d["offset_map"])
    a.removals = [Removal(**r) for r in d["removals"]]
    a.language_spans = [LanguageSpan(**s) for s in d["language_spans"]]
    a.paragraphs = [Paragraph(**p) for p in d["paragraphs"]]
    a.sentences = [Sentence(**s) for s in d["sentences"]]
    a.mentions = [Mention(**{**m, "value": _typed(m["value"])}) for m in d["mentions"]]
    a.roles = [Role(**r) for r in d["roles"]]
    a.quotes = [Quote(**q) for q in d["quotes"]]
    a.attributions = [Attribution(**t) for t in d["attributions"]]
    a.warnings = list(d["warnings"])
    return a


def story_to_dict(s: Story) -> dict[str, Any]:
    return _plain(s)


def story_from_dict(d: dict[str, Any]) -> Story:
    return Story(
        id=d["id"], title=d["title"], article_ids=list(d["article_ids"]),
        alignments=[
            Alignment(
                source=al["source"], derived=al["derived"],
                pairs=[AlignedPair(**p) for p in al["pairs"]],
                unaligned_source=list(al["unaligned_source"]), unaligned_derived=list(al["unaligned_derived"]),
                reuse=[ReusePassage(**r) for r in al["reuse"]],
            )
            for al in d["alignments"]
        ],
        lineage=[Edge(**e) for e in d["lineage"]],
        findings=[
            Finding(**{**f, "claim_span": tuple(f["claim_span"]),
                       "source_span": tuple(f["source_span"]) if f["source_span"] is not None else None})
            for f in d["findings"]
        ],
        note=d.get("note", ""),  # stories stored before notes existed have none
    )


def pack(obj: dict[str, Any]) -> bytes:
    """Compact bytes for a blob column (sorted keys: the same object always packs the same)."""
    return zlib.compress(json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8", "surrogatepass"), 6)


def unpack(data: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))


def pack_article(a: Article) -> bytes:
    """The article's blob, with the token view kept beside it (if any) as a second zlib stream."""
    from storytrace.nlp.parsed import packed_view  # here: readers of the store need not import nlp/

    return pack(article_to_dict(a)) + (packed_view(a) or b"")


def unpack_article(data: bytes) -> Article:
    """The article of a blob; a view in the blob is kept beside it, decoded only when the findings read it."""
    stream = zlib.decompressobj()
    article = article_from_dict(json.loads((stream.decompress(data) + stream.flush()).decode("utf-8", "surrogatepass")))
    if stream.unused_data:
        from storytrace.nlp.parsed import keep_view

        keep_view(article, stream.unused_data)
    return article


def pack_story(s: Story) -> bytes:
    return pack(story_to_dict(s))


def unpack_story(data: bytes) -> Story:
    return story_from_dict(unpack(data))
