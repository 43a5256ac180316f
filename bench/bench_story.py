"""Speed of one story end to end: 6 generated versions of ~1,500 words each through storytrace.analyze.

Target (issue 4): under 20 s. The story is generated (fixed seed) so the figure can be reproduced:
an original report, a verbatim copy with web debris, a back-translation-like paraphrase, a summary,
a garbled rewrite with swapped names/numbers/dates, and an independent report of the same facts.

    .venv/bin/python bench/bench_story.py            # prints the figures
    .venv/bin/python bench/bench_story.py --write    # also writes them into bench/RESULTS.md
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from results import replace_section  # bench/ is on sys.path when run as a script

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

WORDS_PER_VERSION = 1500
SECTION = "## Story end to end (bench_story.py)"
SECTION_VERIFIER = "## Story end to end with the verifier on (bench_story.py --verifier)"

PEOPLE = [
    ("Marta Kowalczyk", "the Polish finance minister"), ("Olusegun Adeyemi", "Nigeria's trade minister"),
    ("Hannah Lindqvist", "the EU energy commissioner"), ("Rafael Ortega", "Mexico's chief negotiator"),
    ("Yuki Tanabe", "Japan's deputy economy minister"), ("Grace Mwangi", "a senior economist at the Nairobi Policy Forum"),
    ("Tomas Berglund", "the head of the Nordic Grid Authority"), ("Aisha Rahman", "a spokesperson for the UN climate office"),
    ("Pierre Lambert", "the French environment minister"), ("Samuel Osei", "the governor of Ghana's central bank"),
]
SWAPS = {"Marta Kowalczyk": "Anna Nowak", "Hannah Lindqvist": "Ursula Brandt", "Rafael Ortega": "Diego Salazar"}
TOPICS = ["the grid agreement", "the carbon levy", "the storage fund", "the cross-border cable", "the hydrogen corridor"]
PLACES = ["Warsaw", "Lagos", "Brussels", "Mexico City", "Osaka", "Nairobi", "Oslo", "Geneva", "Paris", "Accra"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October", "November"]
UNITS = [("billion euros", "EUR"), ("per cent", "%"), ("million tonnes of carbon", "t"), ("gigawatts", "GW")]
CLOSERS = ["For now, most delegates expect {topic} to hold.", "Officials say {topic} is on track."]

TEMPLATES = [
    "{person}, {role}, said {topic} would cost {n} {unit} over the next decade.",
    "Speaking in {place} on {month} {day}, {person} told reporters that {topic} had cleared its last hurdle.",
    "The plan commits members to cut emissions by {n} {unit} before {year}, according to a draft seen by reporters.",
    "“We have agreed to move faster than anyone expected,” said {person}, {role}.",
    "Negotiators in {place} agreed to review {topic} every {small} years, with the first review due in {year}.",
    "{person} said the talks had stalled twice over {topic} before resuming in {month}.",
    "Analysts estimate that {topic} could add {n} {unit} to regional output by {year}.",
    "Critics, including {person}, {role}, warned that the timetable left little room for error.",
    "Under the deal, {topic} will take effect on {month} {day}, {year}, but only if every parliament ratifies it.",
    "Members agreed to open their markets to {n} {unit} of imports a year free of duty.",
]
PARAPHRASE = [("said", "stated"), ("agreed to", "consented to"), ("warned", "cautioned"), ("talks", "negotiations"),
              ("reporters", "journalists"), ("cost", "require"), ("expected", "anticipated")]
DEBRIS = ["Advertisement", "Share this article", "Sign up for our newsletter", "© Photo agency"]


def generate_original(rng: random.Random) -> list[str]:
    """Sentences from the templates; the facts (numbers, dates) are fixed per template and topic,
    so the original agrees with itself the way a real report does."""
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < WORDS_PER_VERSION - 15:
        person, role = rng.choice(PEOPLE)
        template, topic = rng.randrange(len(TEMPLATES)), rng.choice(TOPICS)
        facts = random.Random(f"{template}/{topic}")
        unit, _ = facts.choice(UNITS)
        sentences.append(TEMPLATES[template].format(
            person=person, role=role, topic=topic, place=rng.choice(PLACES),
            month=facts.choice(MONTHS), day=facts.randint(1, 28), year=facts.randint(2026, 2035),
            n=facts.choice([12, 40, 75, 120, 210, 2.5, 3.4, 0.8]), unit=unit, small=facts.randint(2, 5)))
    sentences.append(rng.choice(CLOSERS).format(topic=rng.choice(TOPICS)))
    return sentences


def paragraphs(sentences: list[str], size: int = 4) -> str:
    return "\n\n".join(" ".join(sentences[i : i + size]) for i in range(0, len(sentences), size))


def paraphrase(sentence: str) -> str:
    for a, b in PARAPHRASE:
        sentence = sentence.replace(a, b)
    for person, _ in PEOPLE:  # family name first, as a back-translation from Japanese would give it
        first, last = person.split()
        sentence = sentence.replace(person, f"{last} {first}")
    return sentence


def garble(sentence: str, rng: random.Random) -> str:
    for name, swap in SWAPS.items():
        sentence = sentence.replace(name, swap)
    if rng.random() < 0.15:
        sentence = re.sub(r"\b(\d+)\b", lambda m: str(int(m.group(1)) + 1), sentence, count=1)
    sentence = sentence.replace("agreed to", "refused to").replace("expect", "doubt")
    return sentence.replace("to hold", "to collapse").replace("on track", "dead")


def independent(sentence: str, rng: random.Random) -> str:
    """The same facts told another way: clauses reordered, other attributions."""
    m = re.match(r"(.+?), (said|told reporters that|warned that) (.+)\.$", sentence)
    if m:
        return f"{m.group(3)[0].upper()}{m.group(3)[1:]}, {m.group(1)} {m.group(2).split()[0]}, according to officials."
    return sentence.replace("according to a draft seen by reporters", "a person familiar with the text said")


def build_versions(seed: int = 7) -> dict[str, str]:
    rng = random.Random(seed)
    original = generate_original(rng)
    body = {
        "original": paragraphs(original),
        "copy": "\n\n".join(p + f"\n\n{rng.choice(DEBRIS)}" for p in paragraphs(original).split("\n\n")),
        "translation": paragraphs([paraphrase(s) for s in original]),
        "summary": paragraphs([paraphrase(s) for i, s in enumerate(original) if i % 5 != 2]),
        "garbled": paragraphs([garble(s, rng) for s in original]),
        "independent": paragraphs([independent(s, rng) for s in original[::-1]], size=3),
    }
    return body


def write_corpus(folder: Path, versions: dict[str, str]) -> list[Path]:
    paths = []
    for i, (name, text) in enumerate(versions.items()):
        path = folder / f"{name}.md"
        path.write_text(
            f"---\nid: bench-{name}\ntitle: Grid deal ({name})\noutlet: Outlet {i}\npublished: 2025-06-{10 + i}\n"
            f"language: en\n---\n\n# Grid deal agreed in Brussels\n\n{text}\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def run(write: bool, verifier: bool = False, settings: dict | None = None) -> None:
    import storytrace
    from storytrace.config import Config
    from storytrace.findings import detect_findings
    from storytrace.model import Article
    from storytrace.pipeline import Pipeline

    switches = {"verifier_pairs": True, "verifier_findings": True} if verifier else {}
    switches.update(settings or {})  # --setting NAME VALUE
    versions = build_versions()
    words = {name: len(text.split()) for name, text in versions.items()}
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), versions)

        load_before = os.getloadavg()[0]
        t0, c0 = time.perf_counter(), time.process_time()
        report = storytrace.analyze([str(p) for p in paths], quiet=True, **switches)
        cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0

        # the same work again, stage by stage: once to load the models, then warm
        pipe = Pipeline(Config(quiet=True, **switches))

        def read_and_prepare() -> list:
            articles = [a for a in pipe.read([str(p) for p in paths]) if isinstance(a, Article)]
            return [pipe.prepare(a) for a in articles]

        t0 = time.perf_counter()
        read_and_prepare()
        t_load_extract = time.perf_counter() - t0
        t0 = time.perf_counter()
        articles = read_and_prepare()
        t_extract = time.perf_counter() - t0
        t0 = time.perf_counter()
        stories = pipe.analyze_articles(articles)
        t_cross = time.perf_counter() - t0
        by_id = {a.id: a for a in articles}
        t0 = time.perf_counter()
        for story in stories:
            detect_findings(story, by_id, pipe.config, parser=pipe.parser)  # the engine's parser: the analysis' token views
        t_findings = time.perf_counter() - t0
        forced = _forced_story(pipe, articles)
    switches_note = (" (verifier on: --verifier)" if verifier else "") + "".join(
        f" (--setting {k} {v})" for k, v in (settings or {}).items())

    biggest = max(report.stories, key=lambda s: len(s.article_ids), default=None)
    lines = [
        f"- versions: {len(versions)}, words per version: "
        + ", ".join(f"{k} {v}" for k, v in words.items()),
        f"- storytrace.analyze end to end, fresh pipeline (models loaded inside): **{cold:.1f} s wall**, "
        f"{cold_cpu:.1f} s CPU (all threads) (target < 20 s){switches_note}; 1-min load average before the run {load_before:.1f} "
        f"on {os.cpu_count()} cores",
        f"- warm pipeline: clean+extract {t_extract:.1f} s (first pass incl. model load {t_load_extract:.1f} s); "
        f"stories+align+lineage+findings {t_cross:.1f} s; findings alone {t_findings:.2f} s",
        f"- result: {len(report.stories)} stories, largest has {len(biggest.article_ids) if biggest else 0} versions, "
        f"{len(report.findings)} findings",
    ]
    lines.append(
        "- the per-story stages on the 6 versions forced into one story with the generator's own lineage "
        f"(original -> each other version), whatever clustering decides: align {forced['align']:.1f} s, "
        f"lineage {forced['lineage']:.1f} s, findings {forced['findings']:.1f} s ({forced['n']} findings)"
    )
    print("\n".join(lines))
    if write:
        _write_results(lines, verifier)


def _forced_story(pipe, articles) -> dict[str, float]:
    """Time align/lineage/findings on one story of all versions (the clustering stage is skipped)."""
    from storytrace.align import align_story
    from storytrace.findings import detect_findings
    from storytrace.lineage import infer_lineage
    from storytrace.model import Edge, Story

    by_id = {a.id: a for a in articles}
    story = Story("bench", "bench", [a.id for a in articles])
    t0 = time.perf_counter()
    story.alignments = align_story(articles, pipe.embedder)
    t_align = time.perf_counter() - t0
    t0 = time.perf_counter()
    inferred = infer_lineage(articles, story.alignments)
    t_lineage = time.perf_counter() - t0
    story.lineage = [Edge("bench-original", a.id, "rewrite", 1.0, 1.0, 1.0) for a in articles if a.id != "bench-original"]
    have = {(al.source, al.derived) for al in story.alignments} | {(al.derived, al.source) for al in story.alignments}
    if not all((e.source, e.derived) in have for e in story.lineage):
        from storytrace.align import align_pair

        story.alignments += [align_pair(by_id[e.source], by_id[e.derived], pipe.embedder) for e in story.lineage
                             if (e.source, e.derived) not in have]
    t0 = time.perf_counter()
    found = detect_findings(story, by_id, pipe.config, parser=pipe.parser)
    t_findings = time.perf_counter() - t0
    return {"align": t_align, "lineage": t_lineage, "findings": t_findings, "n": len(found), "edges": len(inferred)}


def _write_results(lines: list[str], verifier: bool = False) -> None:
    heading = SECTION_VERIFIER if verifier else SECTION
    section = "\n".join([
        heading, "",
        f"Command: `.venv/bin/python bench/bench_story.py --write{' --verifier' if verifier else ''}` (generated story, seed 7).",
        f"Measured {time.strftime('%Y-%m-%d')} on the 2-core development machine; the 1-minute load average "
        "before the run is given (above 2 means other jobs competed for the cores).", "", *lines, "",
        "Reading the figures: when the load average is above the core count the process gets a fraction of the "
        "CPU, so the wall figure is partly waiting; the CPU figure (all threads of this process) is the work "
        "itself.",
        "",
    ])
    replace_section(heading, section)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the figures into bench/RESULTS.md")
    parser.add_argument("--verifier", action="store_true", help="both verifier uses on (Config.verifier_pairs/_findings)")
    parser.add_argument("--setting", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                        help="a Config setting, as `storytrace analyze --setting` (e.g. verifier_severity true)")
    args = parser.parse_args(argv)
    from storytrace.config import parse_setting

    run(args.write, args.verifier, {name: parse_setting(name, raw) for name, raw in args.setting})
    return 0


if __name__ == "__main__":
    sys.exit(main())
