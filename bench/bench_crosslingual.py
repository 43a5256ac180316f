"""Findings across languages on real data: each WMT23 Chinese source document against each system's
English machine translation.

    .venv/bin/python bench/bench_crosslingual.py                   # all 20 documents, tuning and confirm parts
    .venv/bin/python bench/bench_crosslingual.py --part tune --show  # findings of the TUNING part, judged
    .venv/bin/python bench/bench_crosslingual.py --limit 3           # quick: the first 3 documents

From ../shared/benchmarks/wmt23_zhen_dev.jsonl each document's Chinese segments are joined (one
paragraph each) into the source article (language zh), and each system's English segments into one
derived article (language en). Every pair goes through the real stages a user meets: clean, extract,
the cross-lingual sentence alignment (storytrace.crosslingual) and the pair detectors
(findings.pairwise.detect_pair, where only the multilingual ones run between two languages).

Answer key: the experts' MQM ratings. A segment of a translation has a major error when at least 2
of 3 raters marked a Major accuracy error there (the file's own `consistent`). A finding is right
when its claim sentence (in the English version) overlaps such a segment. Reported: precision of
high and of high+medium findings, recall of erroneous segments (all of them, and those whose
marked error spans hold a digit, the errors this detector can see), findings per 1,000 words on
error-free segments and on translations with no major error, and the alignment's accuracy (a 1-1
pair is right when both sentences lie in the same segment, which the data aligns by construction).

Documents are split into a tuning and a confirm part by bench/splits.py; ``--show`` prints the
findings of the tuning part only.
"""
from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_translations import (  # noqa: E402
    DATASET,
    MAJOR_RATERS,
    arguments,
    command_line,
    findings_by_kind,
    original_span,
    publish,
    ratio,
)
from splits import BENCH_DIR, CONFIRM, TUNE, load_jsonl, row_part  # noqa: E402

_DIGIT = re.compile(r"[0-9０-９]")


@dataclass
class Segment:
    start: int
    end: int
    erroneous: bool = False
    numeric_error: bool = False  # a major accuracy error span holds a digit
    words: int = 0


@dataclass
class Text:
    article_id: str
    language: str
    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)

    def segment_at(self, start: int, end: int) -> list[int]:
        return [k for k, s in enumerate(self.segments) if s.start < end and start < s.end]


def _major_accuracy(e: dict) -> bool:
    c = e.get("category", "")
    return e.get("severity") == "Major" and (c.startswith("Accuracy") and "Creative" not in c or c.startswith("Non-translation"))


def load(limit: int | None) -> tuple[dict[str, tuple[Text, list[Text]]], dict[str, str]]:
    """Document -> (Chinese source, one English translation per system)."""
    rows = load_jsonl(BENCH_DIR / f"{DATASET}.jsonl")
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    part: dict[str, str] = {}
    for r in rows:
        by_doc[r["doc"]][r["system"]].append(r)
        part[r["doc"]] = row_part(DATASET, r)
    out = {}
    for doc in sorted(by_doc)[: limit or None]:
        short = doc.split(":")[0].rsplit(".", 1)[-1]
        systems = sorted(by_doc[doc])
        first = sorted(by_doc[doc][systems[0]], key=lambda r: r["doc_seg"])
        source = _join(f"{short}-zh", "zh", [r["source"] for r in first], [None] * len(first))
        versions = [_join(f"{short}-{system}", "en", [r["derived"] for r in segs], segs)
                    for system in systems for segs in [sorted(by_doc[doc][system], key=lambda r: r["doc_seg"])]]
        out[doc] = (source, versions)
    return out, part


def _join(article_id: str, language: str, pieces: list[str], rows: list[dict | None]) -> Text:
    t = Text(article_id, language)
    pos, texts = 0, []
    for piece, r in zip(pieces, rows):
        piece = " ".join(piece.split())
        seg = Segment(pos, pos + len(piece), words=len(piece.split()) if language == "en" else len(piece) // 2)
        if r is not None:
            seg.erroneous = r["raters_flagging_major_accuracy"] >= MAJOR_RATERS
            seg.numeric_error = seg.erroneous and any(_major_accuracy(e) and _DIGIT.search(e.get("span", ""))
                                                      for e in r.get("errors", []))
        t.segments.append(seg)
        t.pieces.append(piece)
        texts.append(piece)
        pos += len(piece) + 2
    t.text = "\n\n".join(texts) + "\n"
    return t


@dataclass
class Tally:
    pairs: int = 0
    high: int = 0
    high_right: int = 0
    hm: int = 0
    hm_right: int = 0
    low: int = 0
    erroneous: int = 0
    erroneous_found: int = 0
    erroneous_found_any: int = 0  # with a finding of any severity (omissions are low)
    numeric: int = 0
    numeric_found: int = 0
    clean_words: int = 0
    clean_hm: int = 0
    clean_all: int = 0
    clean_versions: int = 0
    clean_version_words: int = 0
    clean_version_hm: int = 0
    clean_version_all: int = 0
    aligned: int = 0
    aligned_right: int = 0
    zh_sentences: int = 0
    cross_pairs: int = 0
    types: Counter = field(default_factory=Counter)


def prepare(text: Text, pipeline):
    from storytrace.ingest import article_from_text

    article = article_from_text(text.text, id=text.article_id)
    done = next(iter(pipeline.prepare_many([article])))
    if not done.language:  # the data says which language each side is in
        done.language = text.language
    # Re-anchor the segments in the article's own text: reading took the first line as its title.
    cursor = 0
    for seg, piece in zip(text.segments, text.pieces):
        at = done.original_text.find(piece, cursor)
        seg.start, seg.end = (at, at + len(piece)) if at >= 0 else (-1, -1)
        cursor = at + len(piece) if at >= 0 else cursor
    return done


def score_pair(source: Text, zh, version: Text, en, pipeline, tally: Tally, show: bool) -> None:
    from storytrace.align import align_pair, languages_differ
    from storytrace.findings.pairwise import detect_pair

    alignment = align_pair(zh, en, pipeline.embedder)
    tally.pairs += 1
    tally.cross_pairs += languages_differ(zh, en)
    tally.zh_sentences += len(zh.sentences)
    for p in alignment.pairs:
        if len(p.source) == 1 and len(p.derived) == 1:
            a, b = zh.sentences[p.source[0]], en.sentences[p.derived[0]]
            sa = source.segment_at(*original_span(zh, (a.start, a.end)))
            sb = version.segment_at(*original_span(en, (b.start, b.end)))
            tally.aligned += 1
            tally.aligned_right += bool(set(sa) & set(sb))
    findings = detect_pair(zh, en, alignment, parser=pipeline.parser)
    found: set[int] = set()
    found_any: set[int] = set()
    clean_hm: Counter = Counter()
    clean_all: Counter = Counter()
    for f in findings:
        own = version.segment_at(*original_span(en, f.claim_span))
        right = any(version.segments[k].erroneous for k in own)
        for k in own:
            if not version.segments[k].erroneous:
                clean_all[k] += 1
                clean_hm[k] += f.severity in ("high", "medium")
        tally.types[(f.type, f.severity, right)] += 1
        found_any.update(own)
        if f.severity == "low":
            tally.low += 1
            continue
        found.update(own)
        tally.hm += 1
        tally.hm_right += right
        if f.severity == "high":
            tally.high += 1
            tally.high_right += right
        if show:
            print(f"  [{'RIGHT' if right else 'WRONG'}] {f.severity} {f.type} {f.derived_value!r} <- {f.source_value!r} "
                  f"({version.article_id})\n      zh: {f.source_text[:160]}\n      en: {f.claim[:200]}\n      {f.explanation[:300]}")
    errs = [k for k, s in enumerate(version.segments) if s.erroneous]
    tally.erroneous += len(errs)
    tally.erroneous_found += sum(k in found for k in errs)
    tally.erroneous_found_any += sum(k in found_any for k in errs)
    nums = [k for k, s in enumerate(version.segments) if s.numeric_error]
    tally.numeric += len(nums)
    tally.numeric_found += sum(k in found for k in nums)
    clean_words = sum(s.words for s in version.segments if not s.erroneous)
    tally.clean_words += clean_words
    tally.clean_hm += sum(clean_hm.values())
    tally.clean_all += sum(clean_all.values())
    if not errs:
        tally.clean_versions += 1
        tally.clean_version_words += clean_words
        tally.clean_version_hm += sum(clean_hm.values())
        tally.clean_version_all += sum(clean_all.values())


def report(tallies: dict[str, Tally], elapsed: float, n_docs: int, command: str) -> str:
    lines = [f"`{command}`: {n_docs} Chinese documents x 10 English MT systems, {elapsed:.0f} s.", "",
             "| part | pairs | high precision | high+medium precision | recall, erroneous segments (with low) "
             "| recall, errors with a digit | med/high (all) per 1,000 words, error-free segments "
             "| ... error-free translations | alignment: 1-1 pairs in the same segment |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in (TUNE, CONFIRM):
        t = tallies[name]
        seg = f"{1000 * t.clean_hm / max(1, t.clean_words):.2f} ({1000 * t.clean_all / max(1, t.clean_words):.2f})"
        ver = (f"{1000 * t.clean_version_hm / t.clean_version_words:.2f} "
               f"({1000 * t.clean_version_all / t.clean_version_words:.2f}), {t.clean_versions} translations"
               if t.clean_version_words else "no such translation")
        lines.append(f"| {name} | {t.pairs} | {ratio(t.high_right, t.high)} | {ratio(t.hm_right, t.hm)} | "
                     f"{ratio(t.erroneous_found, t.erroneous)} ({t.erroneous_found_any}) | "
                     f"{ratio(t.numeric_found, t.numeric)} | {seg} | {ver} | "
                     f"{ratio(t.aligned_right, t.aligned)} |")
    lines.append("")
    for name in (TUNE, CONFIRM):
        t = tallies[name]
        lines.append(f"{name}: {t.cross_pairs}/{t.pairs} pairs took the cross-lingual path; findings by "
                     f"type/severity/right: {findings_by_kind(t.types) or 'none'}")
    return "\n".join(lines)


def main() -> None:
    args = arguments(__doc__)
    from storytrace.config import Config, apply_settings
    from storytrace.pipeline import Pipeline

    pipeline = Pipeline(apply_settings(Config(quiet=True), [tuple(s) for s in args.setting]))
    docs, part = load(args.limit)
    tallies = {TUNE: Tally(), CONFIRM: Tally()}
    t0 = time.perf_counter()
    done = 0
    for doc, (source, versions) in docs.items():
        if args.part and part[doc] != args.part:
            continue
        done += 1
        zh = prepare(source, pipeline)
        for version in versions:
            en = prepare(version, pipeline)
            score_pair(source, zh, version, en, pipeline, tallies[part[doc]], args.show and part[doc] == TUNE)
    elapsed = time.perf_counter() - t0
    text = report(tallies, elapsed, done, command_line("bench/bench_crosslingual.py", args))
    publish(text, "## Findings across languages on WMT23 zh-en (bench_crosslingual.py, session 10)", args.write)


if __name__ == "__main__":
    main()
