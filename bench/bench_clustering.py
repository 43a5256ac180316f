"""Story clustering benchmark on generated articles with planted stories.

Each planted story is one event (people, an organisation, two countries, a city, figures) told by
an original report and some of: a near-verbatim copy, a short summary, a translation-like
rewrite (reworded sentences, re-ordered and re-spelt names, figures in another format) and an
independent report written from different sentence patterns. Unrelated articles are other events
of the same kinds, often about the same countries on the same days: they must stay apart.

Reported: articles/s of ``build_stories`` (profiles, candidates, decisions), peak memory
(tracemalloc of Python allocations + the process's peak RSS) and pairwise precision/recall.

    .venv/bin/python bench/bench_clustering.py --articles 10000
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from dataclasses import dataclass
from datetime import date, timedelta

FIRST = ("Maria Daniel Aiko Samuel Lena Omar Priya Tomas Grace Ivan Chen Fatima Lucas Nadia Pablo Helen Kofi "
         "Ingrid Ravi Sofia Mateo Yuki Amara Jonas Elif Marek Leila Victor Hana Diego").split()
LAST = ("Lopez Reyes Tanaka Okafor Berg Haddad Sharma Novak Walsh Petrov Wei Rahman Moreau Kowalski Silva "
        "Andersen Mensah Larsen Iyer Rossi Herrera Sato Diallo Keller Demir Horvat Nasser Laurent Kim Fischer").split()
_SYLLABLES = "ka ren to mi sa lo vi an de ri mo ha ne ta ku li za po be er".split()
# Thousands of surnames and organisations, so that a 10,000-article corpus does not reuse them by chance.
LAST = tuple(a.capitalize() + b + c for a in _SYLLABLES for b in _SYLLABLES[:10] for c in ("n", "s", "ra", "ki"))
ORGS = tuple(f"{p} {q}" for p in (x.capitalize() + y for x in _SYLLABLES for y in ("tor", "vex", "lan", "dia"))
             for q in ("Energy", "Shipping", "Bank", "Motors", "Pharma", "Foods", "Steel", "Ports", "Telecom", "Rail"))
COUNTRIES = "France Japan Brazil Kenya Canada India Poland Chile Egypt Norway".split()
CITIES = "Lyon Osaka Recife Mombasa Halifax Pune Gdansk Valparaiso Alexandria Bergen".split()
ORGS = ("Northgate Energy|Atlas Shipping|Meridian Bank|Orion Motors|Helix Pharma|Crestline Foods|"
        "Vantage Steel|Bluewater Ports|Summit Telecom|Pioneer Rail").split("|")

# Per kind of event: sentences of the original (each with two phrasings) and of an independent report.
KINDS = {
    "trade": (
        ["{c1} and {c2} signed a trade agreement in {city} on {day}, ending {n1} years of talks.|"
         "After {n1} years of negotiations, {c1} and {c2} concluded a trade pact in {city} on {day}.",
         "The deal covers goods worth about ${n2}bn a year, officials said.|Officials said the agreement covers some ${n2}bn of trade annually.",
         "{p1}, the trade minister of {c1}, said both sides had made painful concessions.|"
         "Trade minister {p1} of {c1} said each side gave up something it wanted.",
         "Under the agreement, {c2} will cut its tariff on machinery to {n3} per cent.|{c2} agreed to lower its machinery tariff to {n3} per cent.",
         "{p2}, who led the delegation of {c2}, called the result balanced.|The head of the {c2} delegation, {p2}, described the outcome as fair.",
         "Farm groups in {c1} warned that cheaper imports could hurt growers.|Farmers' unions in {c1} said the pact may squeeze local producers.",
         "The agreement must still be approved by both parliaments.|Both national parliaments have yet to ratify the text.",
         "{org} said it expected exports to rise by {n4} per cent next year.|Exporter {org} forecast a {n4} per cent rise in shipments."],
        ["Negotiators from {c2} and {c1} wrapped up a tariff deal in {city}, people close to the talks said on {day}.",
         "Two-way trade under the pact is valued at roughly ${n2} billion.",
         "Machinery duties in {c2} fall to {n3} per cent under the text, according to a summary seen by reporters.",
         "{p1} told a news conference that the agreement was the best available.",
         "Analysts at {org} expect a {n4} per cent jump in exports.",
         "Lawmakers in both countries must vote on the deal before it takes effect."],
    ),
    "storm": (
        ["A powerful storm hit the coast near {city} in {c1} on {day}, killing {n1} people.|"
         "At least {n1} people died when a storm struck the {c1} coast near {city} on {day}.",
         "Winds of up to {n2} kilometres an hour tore roofs from homes.|Gusts reaching {n2} km an hour ripped roofs off houses.",
         "About {n3},000 households lost electricity, the utility {org} said.|Power company {org} said some {n3},000 homes were without power.",
         "Governor {p1} declared a state of emergency in the region.|A regional emergency was declared by governor {p1}.",
         "Rescue teams from {c2} arrived to help search flooded villages.|Teams sent by {c2} joined the search of flooded villages.",
         "{p2}, a meteorologist, said the storm would weaken inland.|The storm is expected to lose strength inland, meteorologist {p2} said.",
         "Schools will remain closed for {n4} days.|Classes are suspended for {n4} days.",
         "Damage is estimated at ${n5}m.|Officials put the damage at ${n5}m."],
        ["The death toll from the storm that battered {city} rose to {n1}, emergency services told reporters on {day}.",
         "{org} crews worked to restore power to {n3},000 homes.",
         "Governor {p1} asked the national government for extra funds.",
         "Volunteers from {c2} helped clear debris from roads.",
         "Insurers estimate losses of about ${n5} million.",
         "Wind speeds peaked at {n2} kilometres per hour."],
    ),
    "court": (
        ["A court in {city} on {day} sentenced former {org} executive {p1} to {n1} years in prison for fraud.|"
         "Former {org} executive {p1} was jailed for {n1} years by a {city} court on {day}.",
         "Judges found that {p1} had hidden losses of ${n2}m from investors.|The court ruled {p1} concealed ${n2}m in losses.",
         "Prosecutor {p2} had asked for a sentence of {n3} years.|The prosecution, led by {p2}, sought {n3} years.",
         "Lawyers for {p1} said they would appeal the verdict.|The defence said it will challenge the ruling on appeal.",
         "The case began after a whistleblower contacted regulators in {c1}.|Regulators in {c1} opened the case after a tip from an employee.",
         "{org} shares fell {n4} per cent after the ruling.|Shares of {org} dropped {n4} per cent following the verdict.",
         "Investors in {c2} were among those who lost money.|The victims included investors based in {c2}.",
         "The court also ordered a fine of ${n5}m.|A ${n5}m fine was imposed as well."],
        ["{p1}, once a senior figure at {org}, will spend {n1} years behind bars, a {city} court decided on {day}.",
         "The court heard that ${n2} million in losses had been kept from shareholders.",
         "{p2}, who prosecuted the case, had argued for {n3} years.",
         "Shares in {org} slid {n4} per cent on the news.",
         "A defence lawyer told reporters an appeal was likely.",
         "Authorities in {c1} said the case was one of the largest of its kind."],
    ),
    "strike": (
        ["Workers at {org} in {c1} began a strike on {day} over pay, halting production in {city}.|"
         "A pay strike stopped production at {org}'s {city} plant in {c1} on {day}.",
         "The union, led by {p1}, is demanding a raise of {n1} per cent.|Union leader {p1} wants wages raised by {n1} per cent.",
         "About {n2},000 employees walked off the job.|Some {n2},000 workers joined the walkout.",
         "Management offered {n3} per cent, which the union rejected.|The company's {n3} per cent offer was turned down.",
         "{p2}, the company's chief executive, said the demands were unaffordable.|Chief executive {p2} called the union's demands too costly.",
         "The strike is costing the firm about ${n4}m a day.|Each day of the strike costs about ${n4}m, analysts estimate.",
         "Suppliers in {c2} said deliveries had been delayed.|Deliveries to partners in {c2} have been held up.",
         "Talks are set to resume in {n5} days.|Negotiations will restart in {n5} days."],
        ["Production at the {city} site of {org} stood still on {day} as staff struck for higher pay.",
         "{p1} of the union said members would not accept less than {n1} per cent.",
         "Roughly {n2},000 people are taking part, organisers said.",
         "The company has offered {n3} per cent.",
         "Partners in {c2} are already feeling the delays.",
         "Analysts put the daily cost at ${n4} million."],
    ),
}
SYNONYMS = {
    "said": "stated", "signed": "concluded", "agreement": "accord", "deal": "arrangement", "about": "approximately",
    "warned": "cautioned", "expected": "anticipated", "killing": "leaving dead", "households": "homes", "hit": "struck",
    "began": "started", "demanding": "requesting", "rejected": "refused", "workers": "employees", "court": "tribunal",
    "prison": "jail", "appeal": "contest", "homes": "residences", "remain": "stay", "estimated": "assessed",
}


@dataclass
class GenArticle:
    id: str
    title: str
    text: str
    published: date
    story: int  # planted story id (unrelated articles have their own)


def _event(rng: random.Random, kind: str, day: date) -> dict:
    c1, c2 = rng.sample(COUNTRIES, 2)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2)]
    return {
        "kind": kind, "c1": c1, "c2": c2, "city": rng.choice(CITIES), "org": rng.choice(ORGS),
        "p1": people[0], "p2": people[1], "day": day.strftime("%B %d").replace(" 0", " "),
        "n1": rng.randint(2, 60), "n2": rng.randint(20, 900), "n3": rng.randint(3, 90), "n4": rng.randint(2, 70),
        "n5": rng.randint(5, 990), "date": day,
    }


def _fill(template: str, ev: dict) -> str:
    return template.format(**ev)


def _original(rng: random.Random, ev: dict) -> tuple[str, list[str]]:
    sentences = [_fill(rng.choice(t.split("|")), ev) for t in KINDS[ev["kind"]][0]]
    title = sentences[0].split(",")[0]
    return title, sentences


def _respell(name: str, rng: random.Random) -> str:
    first, last = name.split()
    if rng.random() < 0.5:
        first = first.replace("a", "e", 1) if "a" in first else first + "h"
    return f"{last} {first}"  # family name first, as after a round trip through Japanese


def _translation_like(rng: random.Random, ev: dict, sentences: list[str]) -> list[str]:
    out = []
    for s in sentences:
        for p in ("p1", "p2"):
            s = s.replace(ev[p], _respell(ev[p], rng))
        s = s.replace(" per cent", "%")
        words = [SYNONYMS.get(w, w) for w in s.split(" ")]
        out.append(" ".join(words))
    return out


def generate(n_articles: int, seed: int = 1, start: date = date(2024, 1, 1), days: int = 365) -> list[GenArticle]:
    rng = random.Random(seed)
    out: list[GenArticle] = []
    story = 0
    while len(out) < n_articles:
        kind = rng.choice(list(KINDS))
        day = start + timedelta(days=rng.randrange(days))
        ev = _event(rng, kind, day)
        title, sentences = _original(rng, ev)
        story += 1
        versions = [("original", title, sentences, 0)]
        if rng.random() < 0.6:  # a planted story; otherwise an unrelated single report
            if rng.random() < 0.6:
                copy = list(sentences)
                copy[2] = copy[2].replace(ev["p1"].split()[1], ev["p1"].split()[1][:-1])
                versions.append(("copy", title, copy + ["Share this article."], rng.randint(0, 2)))
            if rng.random() < 0.6:
                versions.append(("summary", title, [sentences[0], sentences[1], sentences[3]], rng.randint(0, 3)))
            if rng.random() < 0.5:
                versions.append(("translation", title, _translation_like(rng, ev, sentences), rng.randint(1, 4)))
            if rng.random() < 0.5:
                alt = [_fill(t, ev) for t in KINDS[kind][1]]
                versions.append(("independent", alt[0].split(",")[0], alt, rng.randint(0, 2)))
        for name, t, sents, delay in versions:
            out.append(GenArticle(f"s{story}-{name}", t, "\n\n".join(sents), day + timedelta(days=delay), story))
    return out[:n_articles]


def to_articles(generated: list[GenArticle]):
    """Model Articles with sentences (one per paragraph) but no mentions: clustering must cope."""
    from storytrace.model import Article, Sentence

    articles = []
    for g in generated:
        sentences, pos = [], 0
        for i, s in enumerate(g.text.split("\n\n")):
            sentences.append(Sentence(i, pos, pos + len(s), s, paragraph=i))
            pos += len(s) + 2
        articles.append(Article(id=g.id, source_path="", original_text=g.text, text=g.text, title=g.title,
                                published=g.published, sentences=sentences))
    return articles


def pairwise_scores(truth: dict[str, int], predicted: list[list[str]]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering, counted without listing all pairs."""
    from collections import Counter

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    true_pairs = sum(pairs(c) for c in Counter(truth.values()).values())
    pred_pairs = sum(pairs(len(c)) for c in predicted)
    agree = sum(pairs(c) for cluster in predicted for c in Counter(truth[a] for a in cluster).values())
    precision = agree / pred_pairs if pred_pairs else 1.0
    recall = agree / true_pairs if true_pairs else 1.0
    return precision, recall


def main() -> None:
    ap = argparse.ArgumentParser(description="story clustering benchmark")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1, help="torch threads (1: CPU time is per core)")
    args = ap.parse_args()
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from storytrace.config import Config
    from storytrace.similarity.embeddings import Embedder
    from storytrace.stories.build import build_stories

    import torch

    generated = generate(args.articles, args.seed)
    articles = to_articles(generated)
    truth = {g.id: g.story for g in generated}
    embedder = Embedder(Config())
    embedder.encode(["warm up the model"])
    torch.set_num_threads(args.threads)  # after loading: the embedder sets the machine's count
    tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    stories = build_stories(articles, embedder, Config())
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    precision, recall = pairwise_scores(truth, [s.article_ids for s in stories])
    planted = len(set(truth.values()))
    print(f"articles {len(articles)}, planted stories {planted}, found {len(stories)}")
    print(f"wall {seconds:.1f} s = {len(articles) / seconds:.1f} articles/s; CPU {cpu:.1f} s = "
          f"{len(articles) / cpu:.1f} articles per CPU-second (sentences encoded {embedder.encoded_count}, "
          f"torch threads {torch.get_num_threads()})")
    print(f"peak traced Python memory {peak / 2**20:.0f} MiB; peak RSS {rss:.0f} MiB (includes torch and the model)")
    print(f"pairwise precision {precision:.4f}, recall {recall:.4f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
