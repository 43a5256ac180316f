"""Findings on real news versions with known errors: WMT23 Chinese -> English, one story per document.

    .venv/bin/python bench/bench_translations.py              # all 20 documents, tuning and confirm parts
    .venv/bin/python bench/bench_translations.py --limit 4    # quick: the first 4 documents
    .venv/bin/python bench/bench_translations.py --part tune --show   # findings of the TUNING part, judged

From ../shared/benchmarks/wmt23_zhen_dev.jsonl each source document's English machine translations
are assembled, one version per MT system (its segments in order, one paragraph each). The ten
versions of one Chinese article are independent renderings of it; they are analysed as one story
with the real stages (clean, extract, align, lineage, findings). The story is given, not clustered:
this measures the findings, not the clustering.

The answer key is the experts' MQM ratings (3 raters a segment). A segment of a version has a major
error when at least 2 raters marked a Major accuracy error there (the file's own `consistent`
definition). A medium or high finding is right when its claim sentence overlaps a segment with a
major error in its own version ("strict"), or, since a disagreement between two versions is also
right when the other version is the wrong one, in the version it is compared against ("either
side"). Recall: the share of erroneous segments with a medium/high finding on them in their own
version. False alarms: medium/high findings per 1,000 words on error-free segments, and on the
versions with no major error at all.

Documents are split into a tuning and a confirm part by bench/splits.py; figures are printed for
both. ``--show`` prints findings of the tuning part only.
"""
from __future__ import annotations

import argparse
import os
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

from splits import BENCH_DIR, CONFIRM, TUNE, load_jsonl, row_part  # noqa: E402

DATASET = "wmt23_zhen_dev"
MAJOR_RATERS = 2  # as in the file's `consistent`: at least 2 of 3 raters marked a major accuracy error


@dataclass
class Segment:
    start: int  # offsets in the version's text
    end: int
    erroneous: bool
    words: int


@dataclass
class Version:
    doc: str
    system: str
    text: str = ""
    segments: list[Segment] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        return f"{self.doc.split(':')[0].rsplit('.', 1)[-1]}-{self.system}"

    def segments_at(self, start: int, end: int) -> list[Segment]:
        return [s for s in self.segments if s.start < end and start < s.end]


def load_versions(limit: int | None) -> dict[str, list[Version]]:
    """Document -> its versions, one per system, segments joined as paragraphs."""
    rows = load_jsonl(BENCH_DIR / f"{DATASET}.jsonl")
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    part: dict[str, str] = {}
    for r in rows:
        by_doc[r["doc"]][r["system"]].append(r)
        part[r["doc"]] = row_part(DATASET, r)
    docs = sorted(by_doc)[: limit or None]
    out: dict[str, list[Version]] = {}
    for doc in docs:
        versions = []
        for system, segs in sorted(by_doc[doc].items()):
            v = Version(doc, system)
            pieces = []
            pos = 0
            for r in sorted(segs, key=lambda r: r["doc_seg"]):
                text = " ".join(r["derived"].split())
                pieces.append(text)
                v.segments.append(Segment(pos, pos + len(text), r["raters_flagging_major_accuracy"] >= MAJOR_RATERS,
                                          len(text.split())))
                pos += len(text) + 2
            v.text = "\n\n".join(pieces) + "\n"
            versions.append(v)
        out[doc] = versions
    return out, part


def analyse(versions: list[Version], pipeline):
    """The story of one document's versions: articles, then alignment, lineage and findings."""
    from storytrace.align import align_story
    from storytrace.findings import detect_findings
    from storytrace.ingest import article_from_text
    from storytrace.lineage import infer_lineage
    from storytrace.model import Story

    articles = [article_from_text(v.text, id=v.article_id) for v in versions]
    articles = [a for a in pipeline.prepare_many(articles) if hasattr(a, "sentences")]
    story = Story(id=versions[0].article_id.split("-")[0], title=versions[0].doc, article_ids=[a.id for a in articles])
    story.alignments = align_story(articles, pipeline.embedder)
    story.lineage = infer_lineage(articles, story.alignments)
    by_id = {a.id: a for a in articles}
    story.findings = detect_findings(story, by_id, pipeline.config, encoder=pipeline.embedder)  # the config switches the verifier's uses (--setting)
    return story, by_id


@dataclass
class Tally:
    high: int = 0
    high_right: int = 0
    high_right_either: int = 0
    hm: int = 0
    hm_right: int = 0
    hm_right_either: int = 0
    erroneous: int = 0
    erroneous_found: int = 0
    clean_words: int = 0
    clean_findings: int = 0
    clean_version_words: int = 0
    clean_version_findings: int = 0
    clean_versions: int = 0
    versions: int = 0
    relations: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)


def original_span(article, span) -> tuple[int, int]:
    m = article.offset_map
    try:
        return m.to_original(span[0]), m.to_original(max(span[0], span[1] - 1)) + 1
    except Exception:  # noqa: BLE001 - an empty map: the text was not changed by cleaning
        return span[0], span[1]


def score(story, by_id, versions: list[Version], tally: Tally, show: bool) -> None:
    by_article = {v.article_id: v for v in versions}
    tally.relations.update(e.relation for e in story.lineage)
    found_segments: set[tuple[str, int]] = set()
    clean_findings: Counter = Counter()
    for f in story.findings:
        if f.severity not in ("high", "medium"):
            continue
        v = by_article[f.article]
        start, end = original_span(by_id[f.article], f.claim_span)
        own = v.segments_at(start, end)
        right = any(s.erroneous for s in own)
        other = False
        if f.source_article in by_article and f.source_span:
            s_start, s_end = original_span(by_id[f.source_article], f.source_span)
            other = any(s.erroneous for s in by_article[f.source_article].segments_at(s_start, s_end))
        tally.types[(f.type, f.severity, right or other)] += 1
        tally.hm += 1
        tally.hm_right += right
        tally.hm_right_either += right or other
        if f.severity == "high":
            tally.high += 1
            tally.high_right += right
            tally.high_right_either += right or other
        for s in own:
            found_segments.add((f.article, s.start))
            if not s.erroneous:
                clean_findings[f.article] += 1
        if show:
            mark = "RIGHT" if right else "other side" if other else "WRONG"
            print(f"  [{mark}] {f.severity} {f.type} {f.derived_value!r} <- {f.source_value!r} ({f.article} vs {f.source_article})")
            print(f"      {f.claim[:200]}")
    for v in versions:
        tally.versions += 1
        errs = [s for s in v.segments if s.erroneous]
        tally.erroneous += len(errs)
        tally.erroneous_found += sum((v.article_id, s.start) in found_segments for s in errs)
        tally.clean_words += sum(s.words for s in v.segments if not s.erroneous)
        tally.clean_findings += clean_findings[v.article_id]
        if not errs:
            tally.clean_versions += 1
            tally.clean_version_words += sum(s.words for s in v.segments)
            tally.clean_version_findings += clean_findings[v.article_id]


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/0"


def report(tallies: dict[str, Tally], elapsed: float, n_docs: int, command: str) -> str:
    lines = [f"`{command}`: {n_docs} documents x 10 systems, {elapsed:.0f} s.", "",
             "| part | versions | high precision (strict / either side) | high+medium precision (strict / either side) "
             "| recall of erroneous segments | medium/high per 1,000 words, error-free segments | ... error-free versions |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name in (TUNE, CONFIRM):
        t = tallies[name]
        per_seg = 1000 * t.clean_findings / max(1, t.clean_words)
        per_ver = (f"{1000 * t.clean_version_findings / t.clean_version_words:.2f} ({t.clean_versions} versions)"
                   if t.clean_version_words else "no such version")
        lines.append(f"| {name} | {t.versions} | {ratio(t.high_right, t.high)} / {ratio(t.high_right_either, t.high)} | "
                     f"{ratio(t.hm_right, t.hm)} / {ratio(t.hm_right_either, t.hm)} | "
                     f"{ratio(t.erroneous_found, t.erroneous)} | {per_seg:.2f} | {per_ver} |")
    lines.append("")
    for name in (TUNE, CONFIRM):
        t = tallies[name]
        lines.append(f"{name}: lineage edges {dict(t.relations)}; medium/high findings by type/severity/right: "
                     f"{findings_by_kind(t.types)}")
    return "\n".join(lines)


def arguments(description: str) -> argparse.Namespace:
    """The options of the WMT23 benches (this one and bench_crosslingual.py)."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--show", action="store_true", help="print the findings of the tuning part, judged")
    ap.add_argument("--part", choices=[TUNE, CONFIRM], default=None, help="one part only (develop on tune)")
    ap.add_argument("--write", action="store_true", help="write the section into bench/RESULTS.md")
    ap.add_argument("--setting", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                    help="a Config setting, as `storytrace analyze --setting` (e.g. verifier_severity true)")
    return ap.parse_args()


def command_line(script: str, args: argparse.Namespace) -> str:
    return (script + (f" --limit {args.limit}" if args.limit else "") + (f" --part {args.part}" if args.part else "")
            + "".join(f" --setting {name} {value}" for name, value in getattr(args, "setting", [])))


def findings_by_kind(types: Counter) -> str:
    """"type/severity/right n, ..." of (type, severity, right) counts."""
    return ", ".join(f"{k[0]}/{k[1]}/{'right' if k[2] else 'wrong'} {n}" for k, n in sorted(types.items()))


def publish(text: str, heading: str, write: bool) -> None:
    """Print the section; with ``write``, put it under ``heading`` in bench/RESULTS.md."""
    print(text)
    if write:
        from results import replace_section

        replace_section(heading, f"{heading}\n\n{text}\n")


def main() -> None:
    args = arguments(__doc__)
    from storytrace.config import Config
    from storytrace.pipeline import Pipeline

    from storytrace.config import apply_settings

    pipeline = Pipeline(apply_settings(Config(quiet=True), [tuple(s) for s in args.setting]))
    docs, part = load_versions(args.limit)
    tallies = {TUNE: Tally(), CONFIRM: Tally()}
    t0 = time.perf_counter()
    done = 0
    for doc, versions in docs.items():
        if args.part and part[doc] != args.part:
            continue
        done += 1
        story, by_id = analyse(versions, pipeline)
        score(story, by_id, versions, tallies[part[doc]], args.show and part[doc] == TUNE)
    elapsed = time.perf_counter() - t0
    text = report(tallies, elapsed, done, command_line("bench/bench_translations.py", args))
    publish(text, "## Findings on WMT23 zh-en versions (bench_translations.py)", args.write)


if __name__ == "__main__":
    main()
