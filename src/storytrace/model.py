"""The data model: one Article object flows through the pipeline and each stage adds to it.

Offsets: every span on a Sentence, Mention, Quote, Role or Attribution is a character offset
into ``Article.text`` (the cleaned text). ``Article.original_span`` maps it back to the original
text, which is what report.json shows (DESIGN.md: spans are offsets into the original).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

MentionKind = Literal["person", "org", "place", "quantity", "date", "misc"]
Relation = Literal["verbatim_copy", "translation", "summary", "rewrite", "independent", "shared_source"]
# Links between reports that neither was derived from: lineage joins them, no text came from the other.
UNDERIVED_RELATIONS: tuple[Relation, ...] = ("independent", "shared_source")
Severity = Literal["high", "medium", "low"]
# The one rank of severities, most severe first: every sort and comparison of findings reads it.
SEVERITY_RANK: dict[str, int] = {"high": 0, "medium": 1, "low": 2}


def severity_rank(severity: str) -> int:
    """0 for high, 1 medium, 2 low; an unknown value (a hand-edited store) ranks after low."""
    return SEVERITY_RANK.get(severity, len(SEVERITY_RANK))


@dataclass
class Removal:
    """A piece of web debris the cleaner took out, in original-text offsets."""

    start: int
    end: int
    kind: str  # advert | footer | share | link_residue | escape | pull_quote | photo_credit | chart_caption | ...
    text: str


@dataclass
class OffsetMap:
    """Maps offsets in the cleaned text back to the original text.

    The cleaned text is a sequence of runs copied from the original (possibly with a
    replacement string in between); ``clean_starts[i]`` in the cleaned text corresponds to
    ``orig_starts[i]`` in the original, and the run continues character by character.
    """

    clean_starts: list[int] = field(default_factory=lambda: [0])
    orig_starts: list[int] = field(default_factory=lambda: [0])

    def to_original(self, offset: int) -> int:
        i = bisect.bisect_right(self.clean_starts, offset) - 1
        i = max(i, 0)
        return self.orig_starts[i] + (offset - self.clean_starts[i])


@dataclass
class LanguageSpan:
    """A stretch of text in one language (an English article with a Chinese caption has two).

    Offsets are into ``Article.text`` (the cleaned text), like every other span.
    """

    start: int
    end: int
    language: str


@dataclass
class Paragraph:
    index: int
    start: int
    end: int


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass
class Mention:
    """A named entity, quantity or date with its normalised value.

    ``value`` depends on ``kind``: person/org/place: the canonical name (str);
    quantity: a Quantity; date: a DateValue.
    ``entity`` links mentions of the same thing inside one article ("Paul Tremblay" ... "Tremblay").
    """

    kind: MentionKind
    text: str
    start: int
    end: int
    sentence: int
    value: Any = None
    entity: str | None = None
    label: str = ""  # the raw spaCy label, kept for inspection


@dataclass
class Quantity:
    """A normalised quantity: "$210bn" -> value=210e9, unit="USD"; "2.5 per cent of GDP" -> 2.5, "%", of="GDP"."""

    value: float
    unit: str = ""  # USD, EUR, GBP, %, cars, people, km, ...
    scale: str = ""  # the scale word as written: bn, million, ...
    approx: str = ""  # "more than", "about", "up to", ...
    of: str = ""  # what a percentage is of ("GDP")
    high: float | None = None  # upper bound of a range ("between 10 and 12": value=10, high=12)


@dataclass
class DateValue:
    """A resolved date. ``granularity`` says how much of it the text fixed."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    granularity: Literal["day", "month", "year", "week", "relative"] = "day"
    iso: str = ""  # 2024-03-11, 2024-03, 2024 ...


@dataclass
class Role:
    """A title or affiliation tied to a person: "Maria Lopez, a former trade official"."""

    person: str  # canonical name of the person
    entity: str | None
    title: str  # "former trade official now at the Lowy Institute"
    start: int  # span of the title text
    end: int
    sentence: int
    pattern: str = ""  # apposition | title_before | director_of | who_served


@dataclass
class Quote:
    text: str  # the words inside the quotation marks
    start: int  # span of the quoted words (without the marks)
    end: int
    speaker: str | None = None  # canonical name of the speaker, when found
    speaker_entity: str | None = None
    cue: str = ""  # says | said | told | according_to | next_sentence | added | ...
    sentence: int = 0


@dataclass
class Attribution:
    """A cue that says where text came from: "according to Reuters", "Translation by ..."."""

    kind: str  # according_to | told | reported | translation_by | original_url
    target: str  # "Reuters", "the Guardian", a translator's name or a URL
    start: int
    end: int
    sentence: int = 0


@dataclass
class Article:
    id: str
    source_path: str
    original_text: str
    text: str = ""  # cleaned text; every span refers to it
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    language: str = ""
    published: date | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    offset_map: OffsetMap = field(default_factory=OffsetMap)
    removals: list[Removal] = field(default_factory=list)
    language_spans: list[LanguageSpan] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return len((self.text or self.original_text).split())

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the cleaned text to the original text."""
        if end <= start:
            o = self.offset_map.to_original(start)
            return o, o
        return self.offset_map.to_original(start), self.offset_map.to_original(end - 1) + 1

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


@dataclass
class AlignedPair:
    """Sentences of the source aligned with sentences of the derived article (many-to-one for summaries)."""

    source: list[int]  # sentence indices in the source article
    derived: list[int]  # sentence indices in the derived article
    score: float


@dataclass
class ReusePassage:
    """A stretch of verbatim reuse, in cleaned-text offsets of each article."""

    source_start: int
    source_end: int
    derived_start: int
    derived_end: int


@dataclass
class Alignment:
    source: str  # article id
    derived: str
    pairs: list[AlignedPair] = field(default_factory=list)
    unaligned_source: list[int] = field(default_factory=list)
    unaligned_derived: list[int] = field(default_factory=list)
    reuse: list[ReusePassage] = field(default_factory=list)

    def paired(self, source_sentence: int, derived_sentence: int, at_least: float = 0.0) -> bool:
        """Whether the aligner paired these two sentences (by index) with a score of ``at_least`` or more."""
        return any(source_sentence in p.source and derived_sentence in p.derived and p.score >= at_least
                   for p in self.pairs)


@dataclass
class Edge:
    source: str
    derived: str
    relation: Relation
    confidence: float
    coverage: float  # share of the source kept in the derived article
    containment: float  # share of the derived article supported by the source
    evidence: list[str] = field(default_factory=list)


@dataclass
class Finding:
    id: str
    type: str  # one of findings.registry.finding_types() (declared by the detectors)
    severity: Severity
    article: str
    against: list[str]
    claim: str
    claim_span: tuple[int, int]  # cleaned-text offsets in ``article``; outputs map to original
    derived_value: str
    source_article: str | None
    source_text: str
    source_span: tuple[int, int] | None
    source_value: str
    explanation: str
    confidence: float
    # A person's decision ({status, reason, note, reviewed_at}), attached when read from a store;
    # never part of the analysis (outputs/review.py keys it by the finding's content).
    review: dict | None = None
    # Why this severity, as data (findings/severity.py writes all three with the explanation's
    # sentence): the signals it has and those it lacks for high (severity.Signal values), and a
    # severity.Reason value. None: unknown (read from a store written before these were kept).
    signals: list[str] | None = None
    lacks: list[str] | None = None
    severity_reason: str | None = None
    # Internal: the words the explanation used for "one signal made it medium" and where they
    # start, so a second signal (merge.py) rewords exactly them; not exported.
    note_lead: str = ""
    note_at: int = -1


@dataclass
class Story:
    id: str
    title: str
    article_ids: list[str]
    alignments: list[Alignment] = field(default_factory=list)
    lineage: list[Edge] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    note: str = ""  # a story of one article: why no other article joined it (which evidence was too weak)


@dataclass
class InputError:
    """One input that could not be (fully) read: shown as one line, never a traceback."""

    path: str
    problem: str
    line: int | None = None
    fatal: bool = True  # False: a warning (e.g. decoded from a guessed encoding)

    def __str__(self) -> str:
        path = quoted_name(self.path)
        where = f"{path}:{self.line}" if self.line else path
        level = "error" if self.fatal else "warning"
        return f"{level}: {where}: {one_line(self.problem)}"


def one_line(text: str) -> str:
    """``text`` with control characters escaped, so a message is always one line."""
    return "".join(c if c.isprintable() or c == " " else ascii(c)[1:-1] for c in str(text))


def quoted_name(name: str) -> str:
    """A file name as messages show it: as is when plain, else quoted with escapes ("a\\nerror: b.txt"),
    so a name holding a newline cannot forge a second message line."""
    name = str(name)
    if name and all(c.isprintable() for c in name) and name == name.strip() and '"' not in name:
        return name
    return '"' + one_line(name.replace("\\", "\\\\").replace('"', '\\"')) + '"'


@dataclass
class Report:
    """The result of ``storytrace.analyze``: the same content as report.json."""

    version: str
    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    @property
    def findings(self) -> list[Finding]:
        return [f for s in self.stories for f in s.findings]



def publication_order(a: Article) -> tuple:
    """Earlier first; undated articles after dated ones; the id breaks ties so the order is stable."""
    return (False, a.published, a.id) if a.published else (True, date.min, a.id)


def analysis_failure(article: Article, exc: Exception) -> InputError:
    """The error of an article that could not be cleaned or analysed: one article costs only itself."""
    return InputError(article.source_path or article.id, f"could not analyse article {article.id}: {type(exc).__name__}: {exc}")


def finding_to_dict(f: Finding, articles: dict[str, Article] | None = None) -> dict[str, Any]:
    """A finding as report.json and the store write it (DESIGN.md's contract). Spans are cleaned-text
    offsets inside the pipeline; the contract wants original-text offsets."""
    claim_span = list(f.claim_span)
    source_span = list(f.source_span) if f.source_span else None
    if articles:
        if f.article in articles:
            claim_span = list(articles[f.article].original_span(*f.claim_span))
        if f.source_span and f.source_article in articles:
            source_span = list(articles[f.source_article].original_span(*f.source_span))
    return {
        "id": f.id,
        "type": f.type,
        "severity": f.severity,
        "article": f.article,
        "against": list(f.against),
        "claim": f.claim,
        "claim_span": claim_span,
        "derived_value": f.derived_value,
        "source_article": f.source_article,
        "source_text": f.source_text,
        "source_span": source_span,
        "source_value": f.source_value,
        "explanation": f.explanation,
        "confidence": round(f.confidence, 4),
        "signals": None if f.signals is None else list(f.signals),
        "lacks": None if f.lacks is None else list(f.lacks),
        "severity_reason": f.severity_reason,
        "review": f.review,
    }
