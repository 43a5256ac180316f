"""What the findings' token view costs now that it comes from the extraction's parse (issue 16.2, 22.1).

On the same articles, in one process, CPU seconds of:
- extract: the extraction pipeline as it runs (lemma components disabled), views not kept;
- extract + views: the same, plus the lemma components run afterwards and the token view copied
  (what every analysis does now: the findings then read the view);
- inline lemmas: the extraction pipeline with the lemma components in it (the other way to get
  lemmas in one pass; it would also change what extraction reads, so it is measured, not used);
- second parse: what the findings did before, a full pipeline pass over each whole text.
Each variant runs ``--runs`` times interleaved; medians are reported.

    .venv/bin/python bench/bench_one_parse.py [--runs 3]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
from bench_story import build_versions, write_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from storytrace.config import Config
    from storytrace.ingest import read_paths
    from storytrace.ingest.clean import clean_article
    from storytrace.model import Article
    from storytrace.nlp import Extractor
    from storytrace.nlp.models import LEMMA_COMPONENTS, load_spacy

    with tempfile.TemporaryDirectory() as tmp:
        story = Path(tmp) / "story"
        story.mkdir()
        write_corpus(story, build_versions())
        raw = [a for folder in (ROOT / "examples" / "corpus", story) for a in read_paths([folder]) if isinstance(a, Article)]
    for a in raw:
        clean_article(a)
    words = sum(len(a.text.split()) for a in raw)

    def fresh() -> list[Article]:
        return [Article(id=a.id, source_path="", original_text=a.original_text, text=a.text,
                        language=a.language, language_spans=a.language_spans, removals=a.removals) for a in raw]

    plain = Extractor(Config(), keep_views=False)
    viewing = Extractor(Config(), keep_views=True)
    inline = Extractor(Config(), keep_views=False)
    inline.nlp = load_spacy(full=True)  # a separate pipeline with every component running
    whole = load_spacy(full=True)
    list(plain.process_many(fresh()))  # warm: first calls build caches
    list(inline.process_many(fresh()))
    variants = {
        "extract": lambda: list(plain.process_many(fresh())),
        "extract + views": lambda: list(viewing.process_many(fresh())),
        "inline lemmas": lambda: list(inline.process_many(fresh())),
        "second parse (before)": lambda: list(whole.pipe([a.text for a in raw], batch_size=16)),
    }
    figures: dict[str, list[float]] = {k: [] for k in variants}
    for _ in range(args.runs):
        for name, run in variants.items():
            t0 = time.process_time()
            run()
            figures[name].append(time.process_time() - t0)
    print(f"{len(raw)} articles, {words} words; lemma components: {', '.join(LEMMA_COMPONENTS)}")
    for name, values in figures.items():
        print(f"| {name} | {statistics.median(values):.2f} |")


if __name__ == "__main__":
    main()
