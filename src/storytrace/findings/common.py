"""What every pairwise detector shares: the pair context and Finding construction."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from storytrace.findings.registry import default_severity
from storytrace.findings.text import ParsedArticle, ParsedSentence, Token, word_key
from storytrace.model import Alignment, Article, Finding, Severity

# Words that carry no checkable content of their own.
FUNCTION_POS = frozenset({"DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "PRON", "PUNCT", "SYM", "SPACE", "X"})


@dataclass
class PairContext:
    """A source/derived pair with parses and the sentence alignment as a lookup."""

    source: Article
    derived: Article
    alignment: Alignment
    src: ParsedArticle
    der: ParsedArticle
    story_articles: dict[str, Article] | None = None
    story_parsed: dict[str, ParsedArticle] = field(default_factory=dict)
    # the engine's sentence encoder (Pipeline.embedder: encode(texts) -> L2-normalised rows), for the
    # meaning signal (findings/meaning.py); None: no meaning signal, nothing rests on it
    encoder: object | None = None
    # what a detector works out once per pair and asks for again (the modifiers' candidates: the meaning
    # prefetch needs their texts before detection runs), keyed by the detector's name
    memo: dict[str, object] = field(default_factory=dict)
    _aligned: dict[int, list[int]] = field(default_factory=dict)
    _scores: dict[int, float] = field(default_factory=dict)
    _aligner_sources: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for pair in self.alignment.pairs:
            for d in pair.derived:
                self._aligned.setdefault(d, [])
                for s in pair.source:
                    if s not in self._aligned[d]:
                        self._aligned[d].append(s)
                self._scores[d] = max(self._scores.get(d, 0.0), pair.score)
        self._aligner_sources = {d: list(s) for d, s in self._aligned.items()}
        for d in self.der.sentences:
            # The aligner's choice plus the sentences sharing most words: a summary sentence
            # draws on several source sentences, and a slot check needs to see them.
            for i in lexical_neighbours(d, self.src):
                self._aligned.setdefault(d.index, [])
                if i not in self._aligned[d.index]:
                    self._aligned[d.index].append(i)
            self._scores.setdefault(d.index, 0.0)

    def other_versions_with(self, found: Callable[[Article], bool]) -> list[str]:
        """Ids of the story's other versions (neither side of this pair) where ``found`` holds:
        what a user needs to know about an unsupported fact is whether anyone else reports it."""
        if not self.story_articles:
            return []
        return [article_id for article_id, article in self.story_articles.items()
                if article_id not in (self.source.id, self.derived.id) and found(article)]

    def support_note(self, versions: list[str]) -> str:
        """" Also found in: a, b." or " No other version has it either." (nothing outside a story)."""
        if not self.story_articles:
            return ""
        return f" Also found in: {', '.join(versions)}." if versions else " No other version has it either."

    @property
    def summary_mode(self) -> bool:
        """The derived text is much shorter than its source: it condenses and generalises."""
        return self.derived_words < 0.6 * self.source_words

    @property
    def derived_words(self) -> int:
        return sum(len(s.tokens) for s in self.der.sentences)

    @property
    def source_words(self) -> int:
        return sum(len(s.tokens) for s in self.src.sentences)

    def aligned_source(self, derived_index: int) -> list[ParsedSentence]:
        out = []
        for i in self._aligned.get(derived_index, []):
            s = self.src.sentence(i)
            if s is not None:
                out.append(s)
        return out

    def is_paired(self, derived_index: int) -> bool:
        """The aligner paired this derived sentence with some source sentence."""
        return bool(self._aligner_sources.get(derived_index))

    def aligned_sentences(self) -> Iterator[tuple[ParsedSentence, list[ParsedSentence]]]:
        """Each derived sentence that aligns with the source, with its source sentences."""
        for sentence in self.der.sentences:
            aligned = self.aligned_source(sentence.index)
            if aligned:
                yield sentence, aligned

    def is_one_to_one(self, derived_index: int) -> bool:
        """The derived sentence renders exactly one source sentence, and nothing else does:
        a translation or close rewrite, where dropping a name or number means something."""
        if len(self.src.sentences) == 1 and len(self.der.sentences) == 1:
            return True
        sources = self._aligner_sources.get(derived_index, [])
        if len(sources) != 1 or self.summary_mode:
            return False
        sharing = [d for d, s in self._aligner_sources.items() if sources[0] in s]
        return len(sharing) == 1


def lexical_neighbours(sentence: ParsedSentence, source: ParsedArticle, limit: int = 2) -> list[int]:
    """Source sentences sharing most content words with ``sentence``.

    Used only for derived sentences the aligner left unaligned (or when no aligner ran, as
    for one-sentence pairs), so that slot-level checks still have something to compare with.
    """
    if len(source.sentences) == 1:
        return [source.sentences[0].index]
    scored = sorted(((score, s.index) for score, s in _shared_word_scores(sentence, source) if score), reverse=True)
    return [i for score, i in scored[:limit] if score >= _MIN_SHARED]


def overlapping_sentences(sentence: ParsedSentence, source: ParsedArticle) -> list[ParsedSentence]:
    """Source sentences sharing at least a quarter of the sentence's content words, most first.
    A summary sentence fuses several source sentences and the aligner may keep only some of
    them; slot-level checks (same word, same relation) can look at these as well."""
    scored = sorted(_shared_word_scores(sentence, source), key=lambda x: (-x[0], x[1].index))
    return [s for score, s in scored if score >= _MIN_SHARED]


def slot_sources(ctx: PairContext, sentence: ParsedSentence, keep=None, nearby: int = 3) -> list[ParsedSentence]:
    """Where a slot-level check looks for a derived sentence's counterpart: the aligned source
    sentences, then up to ``nearby`` of the overlapping ones (those ``keep`` accepts), each once."""
    close = [s for s in overlapping_sentences(sentence, ctx.src) if keep is None or keep(s)][:nearby]
    out: dict[int, ParsedSentence] = {}
    for s in [*ctx.aligned_source(sentence.index), *close]:
        out.setdefault(s.index, s)
    return list(out.values())


_MIN_SHARED = 0.25  # share of the sentence's content words a source sentence must have


def _shared_word_scores(sentence: ParsedSentence, source: ParsedArticle,
                        leave_out: frozenset[str] = frozenset()) -> list[tuple[float, ParsedSentence]]:
    """(share of the sentence's content words each source sentence has, that sentence). ``leave_out``:
    word keys not counted (a changed value's own words), unless they are all the sentence has."""
    words = content_keys(sentence.tokens)
    words = words - leave_out or words
    if not words:
        return []
    return [(len(words & keys) / len(words), s) for s, keys in zip(source.sentences, source_content_keys(source))]


def source_content_keys(source: ParsedArticle) -> list[frozenset[str]]:
    """Content words of each source sentence, computed once per parsed article."""
    if source.views.content_keys is None:
        source.views.content_keys = [content_keys(s.tokens) for s in source.sentences]
    return source.views.content_keys


def content_keys(tokens: list[Token]) -> frozenset[str]:
    return frozenset(word_key(t.lemma) for t in tokens if t.pos not in FUNCTION_POS and not t.is_stop)


def make_finding(
    ctx: PairContext,
    kind: str,
    claim: ParsedSentence,
    derived_value: str,
    source_sentence: ParsedSentence | None,
    source_value: str,
    explanation: str,
    confidence: float,
    severity: Severity | None = None,
) -> Finding:
    digest = hashlib.sha1(
        f"{kind}|{ctx.source.id}|{ctx.derived.id}|{claim.start}|{derived_value}|{source_value}".encode()
    ).hexdigest()[:12]
    return Finding(
        id=f"{kind}-{digest}",
        type=kind,
        severity=severity or default_severity().get(kind, "medium"),
        article=ctx.derived.id,
        against=[ctx.source.id],
        claim=claim.text.strip(),
        claim_span=(claim.start, claim.end),
        derived_value=derived_value,
        source_article=ctx.source.id,
        source_text=source_sentence.text.strip() if source_sentence is not None else "",
        source_span=(source_sentence.start, source_sentence.end) if source_sentence is not None else None,
        source_value=source_value,
        explanation=explanation,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
    )


def span_text(sentence: ParsedSentence, first: int, end: int) -> str:
    toks = sentence.tokens[first:end]
    if not toks:
        return ""
    return sentence.text[toks[0].start - sentence.start: toks[-1].end - sentence.start]


def dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (type, claim, changed value): detectors may meet the same change twice."""
    seen: set[tuple[str, int, str]] = set()
    out = []
    for f in sorted(findings, key=lambda f: -f.confidence):
        key = (f.type, f.claim_span[0], f.derived_value.lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return sorted(out, key=lambda f: (f.claim_span[0], f.type))


def title_phrase(title: str) -> str:
    """The title as a noun phrase for an explanation: "EU trade commissioner" -> "the EU trade commissioner"."""
    t = title.strip().strip(",")
    if re.match(r"(?i)(the|a|an|its|his|her|their)\b", t) or "'s " in t.split(" ", 1)[0] + " ":
        return t
    if _VERB_TITLE.match(t):  # "led the EU's negotiating team" (a who-clause)
        return f"the person who {t}"
    return f"the {t}"


_VERB_TITLE = re.compile(
    r"(?i)(chairs|chaired|leads|led|heads|headed|runs|ran|oversees|oversaw|directs|directed|manages|managed|"
    r"serves|served|represents|represented|founded|owns|coordinates|coordinated|\w+ed)\b"
)
