"""`storytrace compare`: pairs in, consistency decisions out.

Each input line is a JSON object with ``id``, ``source`` and ``derived`` (other fields are
ignored, so a labelled benchmark file can be fed as it is). Each output line is
``{"id", "consistent", "score", "findings"}`` as DESIGN.md says. Models load once; pairs are
processed in batches, and a source text shared by many pairs is analysed once.
"""
from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storytrace.config import Config
from storytrace.model import Alignment, Article, Finding, InputError

BATCH = 64
SUMMARY_RATIO = 0.6  # a derived text shorter than this share of its source is a summary
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class PairInput:
    id: str
    source: str
    derived: str
    line: int = 0


@dataclass
class PairResult:
    id: str
    consistent: bool
    score: float
    findings: list[Finding]
    articles: dict[str, Article]
    support: float | None = None  # the verifier's P(supported) of the least supported sentence
    finding_scores: list[float | None] | None = None  # the verifier's score of each finding
    sentence_supports: list[float] | None = None  # the verifier's support of each derived sentence


    def to_dict(self) -> dict[str, Any]:
        from storytrace.outputs.json_report import finding_to_dict

        return {
            "id": self.id,
            "consistent": self.consistent,
            "score": self.score,
            "findings": [finding_to_dict(f, self.articles) for f in self.findings],
        }


def read_pairs(path: Path) -> Iterator[PairInput | InputError]:
    """Pairs from a JSON lines file; a malformed line becomes an InputError naming file:line."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except (ValueError, RecursionError) as exc:  # also too many digits, too deeply nested
                yield InputError(str(path), f"not valid JSON ({_json_problem(exc)})", line=number)
                continue
            if not isinstance(row, dict):
                yield InputError(str(path), "expected a JSON object with id, source, derived", line=number)
                continue
            missing = [k for k in ("source", "derived") if not isinstance(row.get(k), str) or not row.get(k).strip()]
            if missing:
                yield InputError(str(path), f"missing or empty text field(s): {', '.join(missing)}", line=number)
                continue
            pair_id = row.get("id", number)
            # JSON escapes may spell lone surrogates, which spaCy and the UTF-8 output cannot take.
            yield PairInput(*(_SURROGATE.sub("\ufffd", str(v)) for v in (pair_id, row["source"], row["derived"])), number)


def _json_problem(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return getattr(exc, "msg", None) or str(exc).split(";")[0]


class Comparer:
    """``compare`` turns pairs into results in batches, with the models of one engine (a Pipeline)."""

    def __init__(self, config: Config | None = None, engine=None):
        from storytrace.pipeline import Pipeline

        self.engine = engine or Pipeline(config)
        self.config = self.engine.config
        self._prepared: dict[str, Article] = {}  # source texts shared by many pairs
        # the optional models load now, so a bad path is one error before any pair is read
        self.nli = self.engine.nli  # NLILoadError: one line, caught by compare_file
        self.verifier = self.engine.verifier  # VerifierLoadError: caught by compare_file

    @property
    def extractor(self):
        return self.engine.extractor

    @property
    def embedder(self):
        """Loaded by the first pair that needs the aligner or the verifier's chunks (not by short pairs)."""
        return self.engine.embedder

    @property
    def parser(self):
        return self.engine.parser

    def compare(self, pairs: Iterable[PairInput]) -> Iterator[PairResult]:
        batch: list[PairInput] = []
        for pair in pairs:
            batch.append(pair)
            if len(batch) >= BATCH:
                yield from self._compare_batch(batch)
                batch = []
        if batch:
            yield from self._compare_batch(batch)

    def _compare_batch(self, batch: list[PairInput]) -> Iterator[PairResult]:
        from storytrace.compare_verdict import verdict
        from storytrace.findings.pairwise import detect_pair
        from storytrace.findings.meaning import LazyEncoder, calibrated

        sources = [self._source_article(p.source) for p in batch]
        deriveds = [_article(f"{p.id}:derived", p.derived) for p in batch]
        self._prepare([a for a in sources + deriveds if not a.sentences])
        self.parser.parse_many(sources + deriveds)  # token views from the extraction's parse, no second pass
        self._warm_embeddings(sources, deriveds)
        alignments = [self._align(source, derived) for source, derived in zip(sources, deriveds)]
        supports = self._supports(sources, deriveds, alignments)
        for pair, source, derived, alignment, sentence_supports in zip(batch, sources, deriveds, alignments, supports):
            support = None if sentence_supports is None else min(sentence_supports, default=0.0)
            # the meaning signal's encoder is the aligner's, built only when a word asks for it: a one-sentence
            # pair builds no encoder for the aligner, and none here unless a meaning candidate needs it
            findings = detect_pair(source, derived, alignment, parser=self.parser, nli=self.nli,
                                   encoder=LazyEncoder(lambda: self.embedder) if calibrated(self.config) else None)
            scores = None
            if self.verifier is not None and self.config.verifier_severity:
                from storytrace.findings.verify import weigh_with_verifier

                weigh_with_verifier(findings, self.verifier, self.config.verifier_same_meaning_above,
                                    self.config.verifier_medium_same_meaning_above, {source.id: source, derived.id: derived})
            if self.verifier is not None and self.config.verifier_findings:
                from storytrace.findings.verify import apply_score, score_findings

                scores = score_findings(findings, {source.id: source}, self.verifier)
                for f, s in zip(findings, scores):
                    if s is not None:
                        apply_score(f, s, self.config.verifier_entailed_above)
            v = verdict(findings)
            consistent, score = v.consistent, v.score
            if support is not None:
                # the verifier judges meaning: the least supported derived sentence decides
                consistent = consistent and support >= self.config.verifier_unsupported_below
                score = round(min(score, support), 4)
            yield PairResult(pair.id, consistent, score, findings, {source.id: source, derived.id: derived},
                             support, scores, sentence_supports)

    def _supports(self, sources: list[Article], deriveds: list[Article],
                  alignments: list[Alignment]) -> list[list[float] | None]:
        """Per pair, the verifier's support of each derived sentence (SummaC-style: each sentence
        against its best source chunk; the least supported one decides); None when the verifier is off."""
        if self.verifier is None or not self.config.verifier_pairs:
            return [None] * len(sources)
        from storytrace.verifier.chunks import best_support, plan, plan_pairs

        jobs = []
        for source, derived, alignment in zip(sources, deriveds, alignments):
            src = [s.text for s in source.sentences]
            hyps = [s.text for s in derived.sentences]
            anchors = [sorted({i for p in alignment.pairs if s.index in p.derived for i in p.source})
                       for s in derived.sentences]
            jobs.append((src, hyps, anchors))
        # one batched call for the whole batch; best_support then reads the verifier's cache
        self.verifier.score([p for src, hyps, anchors in jobs for p in plan_pairs(plan(src, hyps, anchors), hyps)])
        out: list[list[float] | None] = []
        for src, hyps, anchors in jobs:
            found = best_support(self.verifier, src, hyps, anchors) if src and hyps else []
            out.append([f.score for f in found])
        return out

    def _source_article(self, text: str) -> Article:
        if text not in self._prepared:
            if len(self._prepared) > 512:
                self._prepared.clear()
            self._prepared[text] = _article(f"source-{len(self._prepared)}", text)
        return self._prepared[text]

    def _prepare(self, articles: list[Article]) -> None:
        from storytrace.ingest.clean import clean_article

        unique = list({id(a): a for a in articles}.values())
        for a in unique:
            clean_article(a)
        for _ in self.extractor.process_many(unique):
            pass

    def _warm_embeddings(self, sources: list[Article], deriveds: list[Article]) -> None:
        """Encode every sentence the aligner will need in one batched call (the embedder caches
        by sentence), instead of one small call per pair."""
        texts: set[str] = set()
        for source, derived in zip(sources, deriveds):
            if _needs_aligner(source, derived):
                texts.update(s.text for s in source.sentences + derived.sentences)
        if texts:
            self.embedder.encode(sorted(texts))

    def _align(self, source: Article, derived: Article) -> Alignment:
        """The aligner's alignment when there is one; one-sentence pairs need none."""
        if len(source.sentences) <= 1 and len(derived.sentences) <= 1:
            return _trivial_alignment(source, derived)
        if not _needs_aligner(source, derived):
            # A short summary of a long text: the detectors pair each summary sentence with the
            # source sentences sharing most of its content words, which is as accurate here
            # (SummEdits dev) and spares encoding every source sentence.
            return Alignment(source=source.id, derived=derived.id)
        try:
            from storytrace.align import align_pair
        except ImportError:  # aligner not available: detectors fall back to lexical neighbours
            return Alignment(source=source.id, derived=derived.id)
        return align_pair(source, derived, self.embedder)


def _needs_aligner(source: Article, derived: Article) -> bool:
    """Embedding alignment pays off for renderings of a whole text (translations, rewrites),
    not for a few summary sentences against a long article."""
    if len(source.sentences) <= 1 and len(derived.sentences) <= 1:
        return False
    from storytrace.align import languages_differ

    if languages_differ(source, derived):
        return True  # spaces count no words in Chinese or Japanese: only the aligner pairs the sentences
    return len(derived.text.split()) >= SUMMARY_RATIO * len(source.text.split())


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, source_path="", original_text=text, text="")


def _trivial_alignment(source: Article, derived: Article) -> Alignment:
    from storytrace.model import AlignedPair

    if not source.sentences or not derived.sentences:
        return Alignment(source=source.id, derived=derived.id)
    return Alignment(source=source.id, derived=derived.id,
                     pairs=[AlignedPair(source=[source.sentences[0].index], derived=[derived.sentences[0].index], score=1.0)])


def compare_file(pairs: Path, out: Path, quiet: bool = False, config: Config | None = None) -> int:
    """Run compare over a JSON lines file. Exit code: 0 ok, 1 some lines skipped, 2 nothing read."""
    pairs, out = Path(pairs), Path(out)
    if not pairs.is_file():
        print(f"error: {pairs}: no such file", file=sys.stderr)
        return 2
    errors: list[InputError] = []
    items: list[PairInput] = []
    try:
        for item in read_pairs(pairs):
            if isinstance(item, InputError):
                errors.append(item)
                print(str(item), file=sys.stderr)
            else:
                items.append(item)
    except OSError as exc:
        print(f"error: {pairs}: cannot read ({exc.strerror or exc})", file=sys.stderr)
        return 2
    config = config or Config()
    config.quiet = quiet
    from storytrace.findings.nli import NLILoadError
    from storytrace.verifier.model import VerifierLoadError

    try:
        comparer = Comparer(config)
    except (NLILoadError, VerifierLoadError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    to_stdout = str(out) == "-"  # one stream of JSON lines: `--out -` (or no --out) writes it to standard output
    try:
        if not to_stdout:
            out.parent.mkdir(parents=True, exist_ok=True)
        with (contextlib.nullcontext(sys.stdout) if to_stdout else open(out, "w", encoding="utf-8")) as handle, \
                _progress(quiet, len(items)) as advance:
            for result in comparer.compare(items):
                handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                advance()
    except OSError as exc:
        print(f"error: {out}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    if not items and errors:
        return 2
    return 1 if errors else 0


class _progress:
    """A rich progress bar on stderr (nothing when quiet); the context value advances it by one."""

    def __init__(self, quiet: bool, total: int):
        self.quiet, self.total = quiet, total
        self._bar = None

    def __enter__(self):
        if self.quiet:
            return lambda: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(TextColumn("compare"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                             console=Console(stderr=True))
        self._bar.__enter__()
        task = self._bar.add_task("compare", total=self.total)
        return lambda: self._bar.advance(task)

    def __exit__(self, *exc):
        if self._bar is not None:
            self._bar.__exit__(*exc)
        return False
