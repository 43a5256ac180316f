"""A name one version writes where all the others write something else, and agree on it.

Many renderings of one text (ten translations of one article, a wire story and its reprints) put
the same people, places and bodies in each sentence, each in its own spelling. A proper name that
no other version of the sentence says in any form, in a sentence that leaves out a word most of the
others agree on, is that version's own: a name put where the others have another ("spoke with Le
Minh Quang" where the others write "Tran Van Hoa"), a body none of them names ("told the Daily
Courier" where they write that the students spoke with him). One version against one is a pair the
pairwise detectors weigh; this needs many others of the sentence's own family (versions derived
from one another), since independent reports each name their own sources, and in its own language
(words are compared).

Medium: an unsupported name says the version is the odd one out, not which of its words is wrong.
A name the others say in another spelling ("Hoaa" / "Hoa") or as its initials ("the U.S." /
"the United States") is no finding: wording only.
"""
from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass

from storytrace.align import languages_differ
from storytrace.findings.detectors.consensus import (
    Observation,
    families,
    make_finding,
    sentence_by_index,
    sentence_groups,
)
from storytrace.findings.other_wording import renders
from storytrace.findings.registry import detector
from storytrace.findings.text import ParsedArticle, ParsedSentence, Token, default_parser, stem
from storytrace.model import Article, Finding, Story

# Other versions of the sentence's family the name must be missing from: a name two or three
# versions leave out is often just left out; one that seven others all lack stands alone.
MIN_OTHERS = 7
# Share of the others that must say a word this version lacks (something else is said here).
AGREEING_SHARE = 2 / 3
# Spellings this close are one name written two ways ("Hoaa" / "Hoa"), not two names.
SPELLING_RATIO = 0.75
_NOUNS = frozenset({"NOUN", "PROPN"})


@dataclass
class OddName:
    """A version's sentence whose name words no other version says, and the words they agree on."""

    article: str
    sentence: ParsedSentence
    names: list[Token]
    lacking: list[Token]  # words >= AGREEING_SHARE of the others say and this sentence does not
    others: list[str]


def _content(t: Token, pos: frozenset[str]) -> bool:
    shortest = 2 if t.pos == "PROPN" else 3  # a name may be short ("Le Minh Quang"); a noun that short is a unit
    return t.pos in pos and not t.is_stop and len(t.text) >= shortest and any(c.isalpha() for c in t.text)


def _said_anywhere(t: Token, sentences: list[ParsedSentence]) -> bool:
    return any(renders(t, d) for d in sentences)


def _spelt_or_abbreviated(t: Token, lacking: list[Token]) -> bool:
    """The name is a lacking word spelt another way, or the initials of lacking words ("U.S.")."""
    low = t.text.casefold()
    if any(difflib.SequenceMatcher(None, low, w.text.casefold()).ratio() >= SPELLING_RATIO for w in lacking):
        return True
    letters = low.replace(".", "")
    initials = "".join(w.text[0].casefold() for w in lacking if w.text[:1].isupper())
    return len(letters) >= 2 and letters.isalpha() and letters in initials


def _agreed_words(sentences_of: dict[str, list[ParsedSentence]], others: list[str]) -> dict[str, Token]:
    """Word stems that at least AGREEING_SHARE of ``others`` say, each with one token saying it."""
    counts: dict[str, int] = {}
    shown: dict[str, Token] = {}
    for b in others:
        keys: dict[str, Token] = {}
        for d in sentences_of[b]:
            for t in d.tokens:
                if _content(t, _NOUNS):
                    keys.setdefault(stem(t.lemma.lower()), t)
        for k, t in keys.items():
            counts[k] = counts.get(k, 0) + 1
            shown.setdefault(k, t)
    need = math.ceil(AGREEING_SHARE * len(others))
    return {k: shown[k] for k, n in counts.items() if n >= need}


def odd_names(group: dict[str, set[int]], parsed: dict[str, ParsedArticle],
              kin: Callable[[str, str], bool]) -> list[OddName]:
    """In one group of aligned sentences, each version's sentences with names the others lack;
    ``kin(a, b)``: b counts as another rendering of a's text (not an independent report)."""
    sentences_of = {a: [s for i in sorted(idx) if (s := parsed[a].sentence(i)) is not None] for a, idx in group.items()}
    found = []
    for a in group:
        others = [b for b in group if b != a and kin(a, b)]
        if len(others) < MIN_OTHERS:
            continue
        said_by_others = [d for b in others for d in sentences_of[b]]
        agreed = None
        for ps in sentences_of[a]:
            names = [t for t in ps.tokens if _content(t, frozenset({"PROPN"})) and not _said_anywhere(t, said_by_others)]
            if not names:
                continue
            if agreed is None:
                agreed = _agreed_words(sentences_of, others)
            lacking = [t for t in agreed.values() if not _said_anywhere(t, sentences_of[a])]
            lacking.sort(key=lambda t: t.pos != "PROPN")  # a name the others agree on first
            names = [t for t in names if not _spelt_or_abbreviated(t, lacking)]
            if names and lacking:
                found.append(OddName(a, ps, names, lacking, others))
    return found


def _observation(article: Article, ps: ParsedSentence, shown: str) -> Observation | None:
    sentence = sentence_by_index(article, ps.index)
    return None if sentence is None else Observation(article.id, shown, shown, sentence)


def _reference(odd: OddName, group: dict[str, set[int]], articles: dict[str, Article],
               parsed: dict[str, ParsedArticle], story: Story) -> Observation | None:
    """A version that says the first agreed word: the odd one's lineage source where it does."""
    sources = [e.source for e in story.lineage if e.derived == odd.article]
    word = odd.lacking[0]
    for b in sorted(odd.others, key=lambda b: b not in sources):
        for i in sorted(group[b]):
            ps = parsed[b].sentence(i)
            if ps is not None and _said_anywhere(word, [ps]):
                return _observation(articles[b], ps, word.text)
    return None


def _shown(tokens: list[Token]) -> str:
    """The words as phrases: tokens next to each other in the text are one ("Daily Courier")."""
    phrases: list[list[Token]] = []
    for t in sorted(tokens, key=lambda t: t.start):
        if phrases and 0 <= t.start - phrases[-1][-1].end <= 1:
            phrases[-1].append(t)
        else:
            phrases.append([t])
    return ", ".join(dict.fromkeys(" ".join(t.text for t in p) for p in phrases))


def _listed(tokens: list[Token]) -> str:
    """Words of several versions: each once, in the order given."""
    return ", ".join(dict.fromkeys(f'"{t.text}"' for t in tokens))


# consensus_outlier is declared (severity, rank) by the consensus detector; this one runs right after it.
@detector("consensus names", scope="story", types=("consensus_outlier",))
def detect_name_outliers(story: Story, articles: dict[str, Article]) -> list[Finding]:
    """consensus_outlier (medium) for names one version writes where the others agree on other words."""
    members = [a for a in story.article_ids if a in articles]
    if len(members) < MIN_OTHERS + 1:
        return []
    parser = default_parser()
    parsed = {p.article_id: p for p in parser.parse_many([articles[a] for a in members])}
    family = families(story)
    traced = {a for e in story.lineage for a in (e.source, e.derived)}

    def kin(a: str, b: str) -> bool:
        # words are compared, so only versions in one language; and as _weigh_independence reads
        # them, an untraced version is not known to be independent
        if languages_differ(articles[a], articles[b]):
            return False
        return a not in traced or b not in traced or family[a] == family[b]

    findings = []
    for group in sentence_groups(story, articles):
        if len(group) < MIN_OTHERS + 1:
            continue
        for odd in odd_names(group, parsed, kin):
            claim = _observation(articles[odd.article], odd.sentence, _shown(odd.names))
            if claim is None:
                continue
            ref = _reference(odd, group, articles, parsed, story)
            n = len(odd.others)
            explanation = (f"Writes {claim.shown} here; none of the {n} other versions of this sentence says it in"
                           f" any form, and most of them say {_listed(odd.lacking[:3])}, which this version does not.")
            findings.append(make_finding("consensus_outlier", "medium", claim, odd.others, ref,
                                         ref.shown if ref else _listed(odd.lacking[:3]), explanation, 0.6))
    return findings
