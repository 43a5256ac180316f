"""Deterministic generator of news-like articles with planted stories, for scale runs and tests.

    python bench/gen_corpus.py N OUT_DIR [--words 600] [--story-share 0.4] [--seed 1] [--shard 5000]

Writes OUT_DIR/articles-00000.jsonl ... (``--shard`` articles per file, so no file passes the
reader's size cap) and OUT_DIR/.truth.jsonl, the answer key, kept apart from the articles so that
nothing the pipeline reads gives the answer away. Truth lines:
``{"id", "story", "relation", "source"}`` with relation one of original | copy | translation |
summary | independent | unrelated (``source`` is the article the version was made from).

What is planted: a story is an event with its own people (with roles), organisations, places,
quantities and dates; its original is about ``--words`` words. Versions made from it:
- copy: the same text with a new headline, one sentence dropped and boilerplate added;
- translation: a translation-like rewrite: synonyms swapped, clauses reordered, names
  transliterated (Takeshi -> Takeshy, Kh -> H ...), as after a round trip through another language;
- summary: a quarter of the sentences (the lead and the fact sentences), lightly reworded;
- independent: another outlet's report of the same facts written from scratch.
Unrelated articles are events of their own. Every article is generated from (seed, index) alone,
so any slice of the corpus can be regenerated without the rest.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# Synonym groups: the original always writes the first form, a rewrite may pick another.
NOUNS = [
    ("agreement", "deal", "accord"), ("plan", "scheme", "proposal"), ("talks", "negotiations", "discussions"),
    ("market", "marketplace"), ("government", "administration"), ("company", "firm", "business"),
    ("official", "functionary"), ("report", "study", "review"), ("budget", "spending plan"),
    ("price", "cost"), ("vote", "ballot"), ("law", "statute"), ("tax", "levy"), ("project", "programme"),
    ("factory", "plant", "works"), ("port", "harbour"), ("bridge", "crossing"), ("railway", "rail line"),
    ("hospital", "clinic"), ("school", "academy"), ("farm", "holding"), ("river", "waterway"),
    ("storm", "tempest"), ("fire", "blaze"), ("flood", "inundation"), ("drought", "dry spell"),
    ("election", "poll"), ("court", "tribunal"), ("police", "security forces"), ("army", "military"),
    ("union", "labour group"), ("strike", "walkout"), ("protest", "demonstration"), ("crisis", "emergency"),
    ("investment", "funding"), ("loan", "credit"), ("debt", "liabilities"), ("export", "shipment abroad"),
    ("import", "shipment in"), ("tariff", "customs duty"), ("quota", "allocation"), ("subsidy", "state aid"),
    ("network", "grid"), ("pipeline", "conduit"), ("mine", "pit"), ("reactor", "power unit"),
    ("vaccine", "jab"), ("virus", "pathogen"), ("satellite", "orbiter"), ("launch", "lift-off"),
    ("ship", "vessel"), ("airline", "carrier"), ("airport", "airfield"), ("highway", "motorway"),
    ("council", "assembly"), ("committee", "panel"), ("minister", "secretary"), ("mayor", "city leader"),
    ("inquiry", "investigation"), ("scandal", "affair"), ("ruling", "judgment"), ("treaty", "pact"),
    ("ceasefire", "truce"), ("border", "frontier"), ("refugee", "displaced person"), ("harvest", "crop"),
    ("wheat", "grain"), ("steel", "steelmaking"), ("battery", "cell"), ("chip", "semiconductor"),
    ("software", "code"), ("data", "information"), ("network outage", "service failure"),
    ("museum", "gallery"), ("festival", "celebration"), ("stadium", "arena"), ("league", "championship"),
]
VERBS = [
    ("approved", "backed", "endorsed"), ("rejected", "turned down", "refused"), ("announced", "unveiled", "revealed"),
    ("delayed", "postponed", "put off"), ("expanded", "enlarged", "widened"), ("cut", "reduced", "trimmed"),
    ("raised", "increased", "lifted"), ("opened", "inaugurated"), ("closed", "shut"), ("criticised", "attacked", "condemned"),
    ("praised", "welcomed", "hailed"), ("warned about", "cautioned about"), ("investigated", "examined", "probed"),
    ("signed", "concluded"), ("blocked", "halted", "stopped"), ("funded", "financed", "paid for"),
    ("built", "constructed"), ("repaired", "restored", "fixed"), ("tested", "trialled"), ("sold", "disposed of"),
    ("bought", "acquired", "purchased"), ("challenged", "contested", "disputed"), ("reviewed", "re-examined"),
    ("supported", "backed up"), ("promised", "pledged", "vowed"), ("doubled", "multiplied"),
]
ADJECTIVES = [
    ("new", "fresh"), ("large", "big", "major"), ("small", "modest", "minor"), ("local", "regional"),
    ("national", "nationwide"), ("public", "state"), ("private", "independent"), ("long", "lengthy"),
    ("difficult", "hard", "tough"), ("important", "significant", "key"), ("rapid", "fast", "swift"),
    ("slow", "gradual"), ("early", "initial"), ("final", "last"), ("recent", "latest"), ("former", "previous"),
    ("strong", "robust"), ("weak", "fragile"), ("cheap", "low-cost"), ("expensive", "costly"),
    ("controversial", "disputed"), ("popular", "well-liked"), ("rural", "countryside"), ("urban", "city"),
    ("coastal", "seaside"), ("northern", "north"), ("southern", "south"), ("eastern", "east"), ("western", "west"),
]
ADVERBS = [("quickly", "rapidly"), ("slowly", "gradually"), ("again", "once more"), ("finally", "at last"),
           ("openly", "publicly"), ("quietly", "discreetly"), ("sharply", "steeply"), ("largely", "mostly")]
ROLES = [
    "finance minister", "trade commissioner", "chief executive", "spokesperson", "deputy director",
    "chief negotiator", "mayor", "central bank governor", "union leader", "health minister", "police chief",
    "chief economist", "foreign minister", "head of the regulator", "party leader", "energy secretary",
]
SPEECH = ["said", "told reporters", "said in a statement", "told a press conference", "wrote on social media"]
OUTLETS = ["Daily Ledger", "Morning Courier", "Harbour Times", "Global Wire", "Evening Post", "Capital Review",
           "Coastal Herald", "Metro Gazette", "Northern Star", "Business Chronicle", "Pacific Dispatch"]
BOILERPLATE = [
    "Sign up for our newsletter to get the day's top stories.",
    "Share this article on social media.",
    "This article was updated with additional reporting.",
]
SYLLABLES = ["ka", "ta", "shi", "mo", "ri", "no", "ve", "lo", "ra", "mi", "ko", "sa", "ne", "do", "ya", "ha",
             "ze", "lu", "bo", "fe", "kha", "mar", "dan", "tor", "vel", "sen", "ik", "ul", "an", "or", "ber", "kov"]
ORG_HEADS = ["Institute", "Group", "Authority", "Bank", "Council", "Agency", "Foundation", "Holdings", "Union", "Board"]
PLACE_TAILS = ["", "", "ville", "burg", "stad", "port", "field", " Bay", " Valley"]
# Transliteration drift, as when a name is written in another script and back.
TERM_ENDINGS = ["", "ite", "ium", "ane", "ol", "ex", "ia", "on"]
TRANSLITERATIONS = [("sh", "ch"), ("kh", "h"), ("i", "y"), ("ou", "u"), ("v", "w"), ("k", "c"), ("ya", "ja"), ("o", "ou")]
COMMON_STARTS = {"The", "Analysts", "Critics", "Residents", "According", "In"}
TRUTH_NAME = ".truth.jsonl"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def pick(rng: random.Random, group: tuple[str, ...], rewrite: bool) -> str:
    """The canonical form, or (in a rewrite) a synonym half of the time."""
    if rewrite and len(group) > 1 and rng.random() < 0.6:
        return rng.choice(group[1:])
    return group[0]


def make_name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def transliterate(name: str, rng: random.Random) -> str:
    lower = name.lower()
    options = [(a, b) for a, b in TRANSLITERATIONS if a in lower]
    if not options:
        return name
    a, b = rng.choice(options)
    return lower.replace(a, b, 1).capitalize()


@dataclass
class Person:
    first: str
    last: str
    role: str

    def full(self, translit: dict[str, str] | None = None) -> str:
        t = translit or {}
        return f"{t.get(self.first, self.first)} {t.get(self.last, self.last)}"


@dataclass
class Event:
    """The facts of one story: every version of it draws on these."""

    people: list[Person]
    orgs: list[str]
    places: list[str]
    amounts: list[tuple[float, str]]  # (value, unit word: billion dollars, per cent, tonnes ...)
    day: date
    topic: list[int]  # indices into NOUNS: what the story is about
    verbs: list[int]
    titles_seed: int
    lexicon: list[str] = field(default_factory=list)  # the event's own terms (products, places, jargon)
    extra_dates: list[date] = field(default_factory=list)


def make_event(rng: random.Random, base_day: date) -> Event:
    people = [Person(make_name(rng, 2), make_name(rng, rng.choice([2, 3])), rng.choice(ROLES)) for _ in range(rng.randint(3, 5))]
    orgs = [f"{make_name(rng, 3)} {rng.choice(ORG_HEADS)}" for _ in range(2)]
    places = [make_name(rng, rng.choice([2, 3])) + rng.choice(PLACE_TAILS) for _ in range(2)]
    units = ["billion dollars", "million euros", "per cent", "tonnes", "jobs", "homes", "kilometres"]
    amounts = [(round(rng.uniform(1.5, 950), 1), rng.choice(units)) for _ in range(3)]
    day = base_day + timedelta(days=rng.randint(0, 3))
    return Event(
        people=people, orgs=orgs, places=places, amounts=amounts, day=day,
        topic=rng.sample(range(len(NOUNS)), 6), verbs=rng.sample(range(len(VERBS)), 4), titles_seed=rng.randint(0, 10**9),
        extra_dates=[day + timedelta(days=rng.randint(10, 200)) for _ in range(2)],
        lexicon=[make_name(rng, rng.choice([2, 3])).lower() + rng.choice(TERM_ENDINGS) for _ in range(40)],
    )


def fmt_amount(value: float, unit: str) -> str:
    text = f"{value:g}"
    return f"{text}%" if unit == "per cent" else f"{text} {unit}"


def fmt_date(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


class Writer:
    """Writes the sentences of one version; ``rewrite`` switches on synonyms, reordering and transliteration."""

    def __init__(self, event: Event, rng: random.Random, rewrite: bool = False, translit: bool = False):
        self.e, self.rng, self.rewrite = event, rng, rewrite
        self.translit: dict[str, str] = {}
        if translit:
            for p in event.people:
                for part in (p.first, p.last):
                    if rng.random() < 0.7:
                        self.translit[part] = transliterate(part, rng)

    def noun(self, topical: bool = True) -> str:
        if self.e.lexicon and self.rng.random() < 0.45:  # news vocabulary is mostly the event's own
            return self.rng.choice(self.e.lexicon)
        idx = self.rng.choice(self.e.topic) if topical and self.rng.random() < 0.6 else self.rng.randrange(len(NOUNS))
        return pick(self.rng, NOUNS[idx], self.rewrite)

    def verb(self, topical: bool = True) -> str:
        idx = self.rng.choice(self.e.verbs) if topical and self.rng.random() < 0.5 else self.rng.randrange(len(VERBS))
        return pick(self.rng, VERBS[idx], self.rewrite)

    def adj(self) -> str:
        return pick(self.rng, self.rng.choice(ADJECTIVES), self.rewrite)

    def adv(self) -> str:
        return pick(self.rng, self.rng.choice(ADVERBS), self.rewrite)

    def person(self, i: int) -> Person:
        return self.e.people[i % len(self.e.people)]

    def name(self, i: int) -> str:
        return self.person(i).full(self.translit)

    def title(self) -> str:
        r = random.Random(self.e.titles_seed)
        subject = self.e.orgs[0] if r.random() < 0.5 else self.e.places[0]
        return f"{subject} {self.verb()} {self.adj()} {self.noun()} after {self.noun()} in {self.e.places[1]}"

    # -- fact sentences: the checkable core every faithful version keeps ------------------------
    def facts(self) -> list[str]:
        e, p0, p1 = self.e, self.person(0), self.person(1)
        a0, a1, a2 = (fmt_amount(*a) for a in e.amounts)
        facts = [
            f"The {e.orgs[0]} {self.verb()} a {self.adj()} {self.noun()} worth {a0} in {e.places[0]} on {fmt_date(e.day)}.",
            f"{self.name(0)}, the {p0.role} of the {e.orgs[0]}, {self.rng.choice(SPEECH)} that the {self.noun()} would {self.adv()} change the {self.noun()}.",
            f"\"We have {self.verb()} the {self.noun()} because the {self.noun()} could not wait,\" said {self.name(1)}, the {p1.role}.",
            f"According to the {e.orgs[1]}, the {self.noun()} covers {a1} and will take effect on {fmt_date(e.extra_dates[0])}.",
            f"{self.name(2)} of the {e.orgs[1]} said the {self.noun()} would add {a2} by {fmt_date(e.extra_dates[1])}.",
        ]
        for i in range(3, len(e.people)):
            facts.append(f"{self.name(i)}, the {self.person(i).role}, {self.verb()} the {self.noun()} in {e.places[1]}.")
        return facts

    def filler(self) -> str:
        """A background sentence on the story's topic: different in every version that writes its own."""
        r, e = self.rng, self.e
        forms = [
            lambda: f"The {self.adj()} {self.noun()} in {r.choice(e.places)} had been {self.verb(False)} {self.adv()} by the {self.noun(False)} last year.",
            lambda: f"Critics of the {self.noun()} {self.verb(False)} the {self.adj()} {self.noun(False)}, saying the {self.noun(False)} was {self.adj()}.",
            lambda: f"Analysts expect the {self.noun()} to be {self.verb()} {self.adv()} once the {self.adj()} {self.noun(False)} is {self.verb(False)}.",
            lambda: f"Residents of {r.choice(e.places)} {self.verb(False)} the {self.noun()} while the {self.noun(False)} {self.verb(False)} the {self.adj()} {self.noun(False)}.",
            lambda: f"In {r.choice(e.places)}, the {self.noun(False)} and the {self.noun()} were {self.verb(False)} {self.adv()} after the {self.adj()} {self.noun(False)}.",
        ]
        return r.choice(forms)()

    def reorder(self, sentence: str) -> str:
        """Word-order perturbation: move a trailing "in X"/"on D" phrase or swap clauses around a comma."""
        body, end = sentence[:-1], sentence[-1]
        for marker in (" on ", " in ", " by "):
            i = body.rfind(marker)
            if i > 20 and self.rng.random() < 0.5:
                head, tail = body[:i], body[i + 1 :]
                if head.split(" ", 1)[0] in COMMON_STARTS:  # "The plan ..." -> "..., the plan ..."
                    head = head[0].lower() + head[1:]
                return f"{tail[0].upper()}{tail[1:]}, {head}{end}"
        return sentence


def paragraphs_of(sentences: list[str], rng: random.Random) -> str:
    out, i = [], 0
    while i < len(sentences):
        n = rng.randint(2, 4)
        out.append(" ".join(sentences[i : i + n]))
        i += n
    return "\n\n".join(out)


def original_sentences(event: Event, rng: random.Random, words: int) -> tuple[list[str], list[int]]:
    """The original's sentences, and the indices of its fact sentences."""
    w = Writer(event, rng)
    facts = w.facts()
    sentences, fact_idx, count = [], [], 0
    sentences.append(facts[0]); fact_idx.append(0); count += len(facts[0].split())
    pending = facts[1:]
    while count < words:
        if pending and rng.random() < 0.35:
            s = pending.pop(0)
            fact_idx.append(len(sentences))
        else:
            s = w.filler()
        sentences.append(s)
        count += len(s.split())
    if words >= 150:  # every fact appears even in a short article (tiny test articles stay tiny)
        for s in pending:
            fact_idx.append(len(sentences))
            sentences.append(s)
    return sentences, fact_idx


def make_article(kind: str, event: Event, rng: random.Random, words: int, base: tuple[list[str], list[int]] | None):
    """(title, text) of one version of ``event``."""
    if kind in ("original", "unrelated"):
        sentences, _ = base or original_sentences(event, rng, words)
        return Writer(event, random.Random(event.titles_seed)).title(), paragraphs_of(sentences, rng)
    sentences, fact_idx = base
    if kind == "copy":
        kept = list(sentences)
        if len(kept) > 6:
            del kept[rng.randrange(3, len(kept))]
        title = Writer(event, rng).title() + " - " + rng.choice(OUTLETS)
        return title, paragraphs_of(kept, rng) + "\n\n" + rng.choice(BOILERPLATE)
    if kind == "translation":
        w = Writer(event, rng, rewrite=True, translit=True)
        # Re-generate each sentence with synonyms and transliterated names: regenerate facts with the
        # rewrite writer, keep fillers' words but swap synonyms through the vocabulary map.
        facts = w.facts()
        out = []
        fi = 0
        for i, s in enumerate(sentences):
            if i in fact_idx and fi < len(facts):
                s = facts[fi]
                fi += 1
            else:
                s = swap_synonyms(s, rng)
            out.append(w.reorder(s) if rng.random() < 0.4 else s)
        return w.title(), paragraphs_of(out, rng)
    if kind == "summary":
        w = Writer(event, rng, rewrite=True)
        keep = sorted(set(fact_idx[:5]) | {0, 1})
        out = [swap_synonyms(sentences[i], rng, share=0.3) for i in keep if i < len(sentences)]
        return "In brief: " + w.title(), paragraphs_of(out, rng)
    if kind == "independent":
        w = Writer(event, rng, rewrite=True)
        facts = w.facts()
        rng.shuffle(facts)
        out, count = [], 0
        while count < words * 0.7:
            s = facts.pop() if facts and rng.random() < 0.4 else w.filler()
            out.append(s)
            count += len(s.split())
        out.extend(facts)
        return w.title(), paragraphs_of(out, rng)
    raise ValueError(kind)


_SYNONYM_OF: dict[str, tuple[str, ...]] = {}
for _group in (*NOUNS, *VERBS, *ADJECTIVES, *ADVERBS):
    if " " not in _group[0]:
        _SYNONYM_OF[_group[0]] = _group


def swap_synonyms(sentence: str, rng: random.Random, share: float = 0.6) -> str:
    words = sentence.split(" ")
    for i, word in enumerate(words):
        core = word.rstrip(".,\"")
        group = _SYNONYM_OF.get(core)
        if group and len(group) > 1 and rng.random() < share:
            words[i] = rng.choice(group[1:]) + word[len(core):]
    return " ".join(words)


# -- corpus layout ------------------------------------------------------------------------------
STORY_SHAPES = [
    ("original", "copy"),
    ("original", "translation"),
    ("original", "summary"),
    ("original", "translation", "summary"),
    ("original", "copy", "translation", "summary"),
    ("original", "independent", "summary"),
    ("original", "copy", "translation", "summary", "independent"),
]


@dataclass
class Slot:
    """What article ``index`` is: a version of a story, or an unrelated article."""

    story: int  # story number, or -1 for unrelated
    kind: str
    member: int  # position inside the story (0 = original)


def layout(n: int, story_share: float, seed: int) -> list[Slot]:
    """Assign every index a role; stories' versions are spread through the corpus, not adjacent."""
    rng = random.Random(f"layout-{seed}")
    slots: list[Slot] = []
    target = int(n * story_share)
    story = 0
    while len(slots) < target:
        shape = STORY_SHAPES[story % len(STORY_SHAPES)]
        shape = shape[: max(2, min(len(shape), target - len(slots)))]
        slots.extend(Slot(story, kind, m) for m, kind in enumerate(shape))
        story += 1
    slots = slots[:n]
    slots.extend(Slot(-1, "unrelated", 0) for _ in range(n - len(slots)))
    rng.shuffle(slots)
    # Keep each story's original before its versions in the file (as a crawl would find them).
    by_story: dict[int, list[int]] = {}
    for i, s in enumerate(slots):
        if s.story >= 0:
            by_story.setdefault(s.story, []).append(i)
    for positions in by_story.values():
        members = sorted((slots[i] for i in positions), key=lambda s: s.member)
        for i, s in zip(sorted(positions), members):
            slots[i] = s
    return slots


def generate(n: int, words: int = 600, story_share: float = 0.4, seed: int = 1):
    """Yield (article, truth) dicts for indices 0..n-1."""
    slots = layout(n, story_share, seed)
    width = max(6, len(str(n)))
    origin = date(2024, 1, 1)
    first_id: dict[int, str] = {}
    for index, slot in enumerate(slots):
        aid = f"a{index:0{width}d}"
        rng = random.Random(f"{seed}-{index}")
        if slot.story >= 0:
            srng = random.Random(f"{seed}-story-{slot.story}")
            event = make_event(srng, origin + timedelta(days=srng.randint(0, 360)))
            base = original_sentences(event, random.Random(f"{seed}-story-{slot.story}-text"), words)
            if slot.kind == "original":
                first_id[slot.story] = aid
            title, text = make_article(slot.kind, event, rng, words, base)
            published = event.day + timedelta(days=0 if slot.kind == "original" else rng.randint(0, 2))
            truth = {"id": aid, "story": f"s{slot.story}", "relation": slot.kind,
                     "source": None if slot.kind == "original" else first_id.get(slot.story)}
        else:
            event = make_event(rng, origin + timedelta(days=rng.randint(0, 360)))
            title, text = make_article("unrelated", event, rng, words, None)
            published = event.day
            truth = {"id": aid, "story": f"u{index}", "relation": "unrelated", "source": None}
        article = {"id": aid, "title": title, "outlet": rng.choice(OUTLETS), "published": published.isoformat(),
                   "language": "en", "text": f"{title}\n\n{text}"}
        yield article, truth


def write_corpus(n: int, out_dir: Path, words: int = 600, story_share: float = 0.4, seed: int = 1,
                 shard: int = 5000) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    fh = None
    # The answer key is a hidden file: the readers skip hidden files when walking a folder.
    with open(out_dir / TRUTH_NAME, "w", encoding="utf-8") as truth_fh:
        for i, (article, truth) in enumerate(generate(n, words, story_share, seed)):
            if i % shard == 0:
                if fh:
                    fh.close()
                paths.append(out_dir / f"articles-{i // shard:05d}.jsonl")
                fh = open(paths[-1], "w", encoding="utf-8")
            fh.write(json.dumps(article, ensure_ascii=False) + "\n")
            truth_fh.write(json.dumps(truth) + "\n")
    if fh:
        fh.close()
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--story-share", type=float, default=0.4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shard", type=int, default=5000)
    args = ap.parse_args(argv)
    paths = write_corpus(args.n, args.out, args.words, args.story_share, args.seed, args.shard)
    print(f"{args.n} articles in {len(paths)} files under {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
