"""stance_divergence: a version whose overall conclusion contradicts its source(s).

Only conclusion-bearing sentences count: those of the final paragraph and those with an outlook
cue ("will hold", "is dead", "is doomed", "on track"). Each gets a polarity from a small lexicon of
outlook words, flipped by a negator just before it ("will not survive"). Two versions diverge when
sentences about the same topic (aligned, or sharing a topic word) carry opposite polarities.

Deliberately conservative: a sentence with mixed cues ("will hold despite fears it could
collapse") has no polarity, and independent reports are only flagged against a clear majority.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from storytrace.findings.detectors.consensus import Observation, count_words, make_finding
from storytrace.findings.registry import detector
from storytrace.model import UNDERIVED_RELATIONS, Alignment, Article, Finding, Sentence, Story

# "hold" only as an outcome ("the deal will hold"), not as "hold talks" or "hold the line".
_HOLD = r"hold(?:s)?(?!\s+(?:talks|a|an|the|its|their|his|her|off|on|back|up|out|firm\s+to|meetings?|elections?|votes?|office|power|discussions|negotiations|hearings?|sessions?)\b)"
_POSITIVE = (
    rf"{_HOLD}|survive[sd]?|succeed[sd]?|endure[sd]?|on track|intact|"
    r"stable|recover[sd]?|remain in force|go ahead|goes ahead|move forward|alive|viable|"
    r"prevail[sd]?|thrive[sd]?|hold firm|stay on course|back on track|here to stay|a success|bright"
)
_NEGATIVE = (
    r"dead|collapse[sd]?|doomed|fail[sd]?|unravel(?:s|led)?|break down|breaks down|broken down|"
    r"fall apart|falls apart|fallen apart|crumble[sd]?|finished|scrapped|abandoned|"
    r"stall(?:s|ed)?|derail(?:s|ed)?|a lost cause|off track|in tatters|"
    r"a failure|bleak|on life support|on the brink"
)
_STANCE = re.compile(rf"(?i)\b(?:(?P<pos>{_POSITIVE})|(?P<neg>{_NEGATIVE}))\b")
_NEGATOR = re.compile(r"(?i)\b(not|never|no longer|unlikely|cannot|hardly|neither|nor)\b|n't\b")
_OUTLOOK = re.compile(
    r"(?i)\b(will|won't|would|is set to|are set to|expect|expects|expected to|believe|believes|likely|unlikely|doomed|dead|on track|"
    r"future|outlook|prospects?|verdict|in conclusion|bottom line|in the end|ultimately)\b"
)
_AUXILIARY = re.compile(
    r"(?i)(?:\b(?:will|would|is|are|was|were|be|been|being|not|never|no longer|set to|likely to|unlikely to|"
    r"to|could|can|may|might|cannot|now|still|already|certainly|surely)\b|\b\w+n't)\s*$"
)
_TOPIC_SYNONYMS = {
    "deal": "agreement", "pact": "agreement", "treaty": "agreement", "accord": "agreement",
    "truce": "ceasefire", "armistice": "ceasefire", "talks": "negotiation", "negotiations": "negotiation",
    "coalition": "government", "cabinet": "government", "plan": "plan", "scheme": "plan",
}
_STOP = {
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for", "with", "that", "this", "it",
    "its", "is", "are", "was", "were", "be", "will", "would", "not", "said", "says", "say", "has", "have",
    "had", "as", "by", "at", "from", "they", "he", "she", "we", "there", "their", "which", "who", "now",
    "still", "after", "before", "than", "more", "most", "into", "about", "also", "could", "can", "may",
}


_MIN_TOPIC_SIMILARITY = 0.3


@dataclass
class StanceSentence:
    article: str
    sentence: Sentence
    polarity: int  # +1 holds/succeeds, -1 fails/dies
    phrase: str  # the stance words as written ("will not survive")
    topics: frozenset[str]


def _polarity(text: str) -> tuple[int, str]:
    """The sentence's outlook polarity and the phrase that carries it; (0, "") when none or mixed."""
    signs: list[int] = []
    phrases: list[str] = []
    for m in _STANCE.finditer(text):
        sign = 1 if m.group("pos") else -1
        # negation scope: the clause before the stance word ("neither side could afford to let it fail")
        clause = re.split(r"[,;:]|\bbut\b|\bwhile\b", text[: m.start()])[-1]
        window = " ".join(clause.split()[-12:])
        if _NEGATOR.search(window):
            sign = -sign
        signs.append(sign)
        phrases.append(_phrase(text, m.start(), m.end()))
    if not signs or len(set(signs)) > 1:
        return 0, ""
    return signs[0], phrases[0]


def _phrase(text: str, start: int, end: int) -> str:
    """Grow the stance word leftwards over auxiliaries and negators: "will not survive"."""
    left = start
    while True:
        m = _AUXILIARY.search(text[:left])
        if not m or left - m.start() > 20 or m.start() == left:
            break
        left = m.start()
    return text[left:end].strip()


def _topics(text: str) -> frozenset[str]:
    words = [w.casefold() for w in re.findall(r"[^\W\d_][\w'-]+", text)]
    return frozenset(_TOPIC_SYNONYMS.get(w, w) for w in words if w not in _STOP and not _STANCE.fullmatch(w))


def conclusion_sentences(article: Article) -> list[StanceSentence]:
    """Sentences that state an outlook (final paragraph, or an outlook cue) and have a clear polarity."""
    last_paragraph = max((s.paragraph for s in article.sentences), default=0)
    result = []
    for s in article.sentences:
        if s.paragraph != last_paragraph and not _OUTLOOK.search(s.text):
            continue
        polarity, phrase = _polarity(s.text)
        if polarity:
            result.append(StanceSentence(article.id, s, polarity, phrase, _topics(s.text)))
    return result


def _aligned_indices(alignment: Alignment | None, derived_index: int, derived_is_source: bool) -> set[int]:
    if alignment is None:
        return set()
    out: set[int] = set()
    for pair in alignment.pairs:
        mine, theirs = (pair.source, pair.derived) if derived_is_source else (pair.derived, pair.source)
        if derived_index in mine:
            out.update(theirs)
    return out


def _gap_indices(alignment: Alignment | None, index: int, mine_is_source: bool, widest: int = 2) -> set[int]:
    """The other version's sentences between the aligned neighbours of an unaligned sentence:
    a sentence rewritten so far that the aligner left it out ("This treaty will hold" / "This
    treaty is dead") still sits between the same two aligned sentences."""
    if alignment is None:
        return set()
    pairs = [(p.source, p.derived) if mine_is_source else (p.derived, p.source) for p in alignment.pairs]
    before = [max(theirs) for mine, theirs in pairs if mine and theirs and max(mine) < index]
    after = [min(theirs) for mine, theirs in pairs if mine and theirs and min(mine) > index]
    if not before or not after:
        return set()
    gap = set(range(max(before) + 1, min(after)))
    return gap if 0 < len(gap) <= widest else set()


def _find_alignment(story: Story, a: str, b: str) -> tuple[Alignment | None, bool]:
    """The alignment between a and b, and whether ``a`` is its source side."""
    for al in story.alignments:
        if al.source == a and al.derived == b:
            return al, True
        if al.source == b and al.derived == a:
            return al, False
    return None, False


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _counterpart(mine: StanceSentence, theirs: list[StanceSentence], aligned: set[int]) -> StanceSentence | None:
    """The other version's stance sentence about the same thing: an aligned one, else the most
    similar one if it is similar enough."""
    candidates = [t for t in theirs if t.sentence.index in aligned] or theirs
    best = max(candidates, key=lambda t: _similarity(mine.topics, t.topics), default=None)
    if best is None:
        return None
    if best.sentence.index not in aligned and _similarity(mine.topics, best.topics) < _MIN_TOPIC_SIMILARITY:
        return None
    return best


@detector("stance", scope="story", types=("stance_divergence",),
          severity={"stance_divergence": "medium"}, rank={"stance_divergence": 110})
def detect_stance_divergence(story: Story, articles: dict[str, Article]) -> list[Finding]:
    members = [a for a in story.article_ids if a in articles]
    if len(members) < 2:
        return []
    stances = {a: conclusion_sentences(articles[a]) for a in members}
    sources_of: dict[str, list[str]] = {}
    for e in story.lineage:
        if e.relation not in UNDERIVED_RELATIONS and e.source in stances and e.derived in stances:
            sources_of.setdefault(e.derived, []).append(e.source)
    findings = []
    for art in members:
        for mine in stances[art]:
            finding = _against_sources(mine, sources_of.get(art, []), stances, story) or _against_majority(
                mine, [m for m in members if m != art], stances, story
            )
            if finding:
                findings.append(finding)
                break  # one stance finding per version: the conclusion is one thing
    return findings


def _against_sources(mine: StanceSentence, sources: list[str], stances, story: Story) -> Finding | None:
    """The derived version's conclusion flips what its lineage source(s) concluded."""
    opposed, agreeing = _compare(mine, sources, stances, story)
    if not opposed or agreeing:
        return None
    ref = opposed[0]
    explanation = f'Concludes "{mine.phrase}" where its source concludes "{ref.phrase}".'
    return _finding(mine, ref, [o.article for o in opposed], explanation, "high", 0.7)


def _against_majority(mine: StanceSentence, others: list[str], stances, story: Story) -> Finding | None:
    """Any version (independent ones too) whose conclusion opposes >= 2 others, with none agreeing."""
    opposed, agreeing = _compare(mine, others, stances, story)
    if len(opposed) < 2 or agreeing:
        return None
    ref = opposed[0]
    explanation = f'Concludes "{mine.phrase}"; the {count_words(len(opposed))} conclude "{ref.phrase}".'
    return _finding(mine, ref, [o.article for o in opposed], explanation, "medium", 0.55 + 0.05 * len(opposed))


def _compare(mine: StanceSentence, others: list[str], stances, story: Story) -> tuple[list[StanceSentence], list[StanceSentence]]:
    """Counterparts in the other versions that oppose and that agree with ``mine``."""
    opposed, agreeing = [], []
    for other in others:
        al, mine_is_source = _find_alignment(story, mine.article, other)
        aligned = _aligned_indices(al, mine.sentence.index, mine_is_source) \
            or _gap_indices(al, mine.sentence.index, mine_is_source)
        counterpart = _counterpart(mine, stances[other], aligned)
        if counterpart is None:
            continue
        (opposed if counterpart.polarity == -mine.polarity else agreeing).append(counterpart)
    return opposed, agreeing


def _finding(mine: StanceSentence, ref: StanceSentence, against: list[str], explanation: str, severity: str,
             confidence: float) -> Finding:
    claim = Observation(mine.article, mine.polarity, mine.phrase, mine.sentence)
    source = Observation(ref.article, ref.polarity, ref.phrase, ref.sentence)
    return make_finding("stance_divergence", severity, claim, against, source, ref.phrase, explanation, confidence)
