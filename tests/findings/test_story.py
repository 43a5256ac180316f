"""Story-wide findings (consensus, internal contradiction, stance) and their orchestration.

Articles are built by hand from model.py so these tests pin the detectors' own behaviour,
independent of the extractor and aligner.
"""
from __future__ import annotations

import re

import pytest

import storytrace.findings as findings_pkg
from storytrace.findings import deduplicate, detect_findings, oriented_alignment
from storytrace.findings.detectors.consensus import detect_consensus, quantities_agree, title_key
from storytrace.findings.names import same_person
from storytrace.findings.detectors.contradiction import detect_internal_contradictions
from storytrace.findings.detectors.stance import detect_stance_divergence
from storytrace.model import (
    AlignedPair,
    Alignment,
    Article,
    DateValue,
    Edge,
    Finding,
    Mention,
    Quantity,
    Role,
    Sentence,
    Story,
)

# -- building articles by hand ----------------------------------------------------------------


def make_article(
    article_id: str,
    paragraphs: list[str],
    roles: list[tuple[str, str]] = (),
    quantities: list[tuple[str, Quantity]] = (),
    dates: list[tuple[str, DateValue]] = (),
) -> Article:
    """An article whose sentences, roles, quantities and dates sit at their real offsets.

    roles: (title as written, person); every occurrence of the title gets a Role for the person
    named right after or before it in the same sentence.
    """
    text = "\n\n".join(paragraphs)
    art = Article(id=article_id, source_path=f"{article_id}.txt", original_text=text, text=text)
    offset = 0
    for p, para in enumerate(paragraphs):
        for m in re.finditer(r"[^.!?]+[.!?]", para):
            start = offset + m.start() + (len(m.group()) - len(m.group().lstrip()))
            end = offset + m.end()
            art.sentences.append(Sentence(len(art.sentences), start, end, text[start:end], paragraph=p))
        offset += len(para) + 2

    def sentence_of(pos: int) -> int:
        return art.sentence_at(pos).index

    for title, person in roles:
        for m in re.finditer(re.escape(title), text):
            s = art.sentence_at(m.start())
            if person.split()[-1] in s.text:
                art.roles.append(Role(person, None, title, m.start(), m.end(), s.index, "title_before"))
                p = text.index(person.split()[-1], s.start)
                art.mentions.append(Mention("person", person, p, p + len(person.split()[-1]), s.index, person))
    for written, q in quantities:
        for m in re.finditer(re.escape(written), text):
            art.mentions.append(Mention("quantity", written, m.start(), m.end(), sentence_of(m.start()), q))
    for written, d in dates:
        for m in re.finditer(re.escape(written), text):
            art.mentions.append(Mention("date", written, m.start(), m.end(), sentence_of(m.start()), d))
    return art


def align_all(articles: list[Article]) -> list[Alignment]:
    """Sentence i of the first article aligned with sentence i of every other (parallel versions)."""
    first = articles[0]
    return [
        Alignment(first.id, other.id, [AlignedPair([i], [i], 0.9) for i in range(min(len(first.sentences), len(other.sentences)))])
        for other in articles[1:]
    ]


def story_of(articles: list[Article], lineage: list[Edge] = (), aligned: bool = True) -> tuple[Story, dict[str, Article]]:
    story = Story("s1", "t", [a.id for a in articles], align_all(articles) if aligned else [], list(lineage))
    return story, {a.id: a for a in articles}


def commissioner_version(article_id: str, name: str) -> Article:
    return make_article(
        article_id,
        [f"EU trade commissioner {name} met Canadian officials in Ottawa. The talks lasted two days."],
        roles=[("EU trade commissioner", name)],
    )


# -- slot primitives --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Takeshi Nakamura", "Nakamura Takeshi", True),
        ("Takeshi Nakamura", "Takashi Nakamori", True),
        ("Katharine Hill", "Catherine Hill", True),
        ("Jon Smith", "John Smith", True),
        ("Sato", "Emi Sato", True),
        ("Emi Sato", "Hana Morikawa", False),
        ("Daniel Reyes", "James Baker", False),
        ("Hana Sato", "Emi Sato", False),
    ],
)
def test_same_person_understands_order_transliteration_and_surnames(a, b, same):
    assert same_person(a, b) is same


def test_title_keys_unify_phrasings_and_refuse_non_unique_titles():
    assert title_key("Canada's prime minister") == title_key("the prime minister of Canada") == title_key("Canadian Prime Minister")
    assert title_key("the European Union's trade commissioner") == title_key("EU trade commissioner")
    assert title_key("a trade official") is None
    assert title_key("former trade official") is None
    assert title_key("spokesman") is None


@pytest.mark.parametrize("a,b", [
    ("the Nigerian trade minister", "Nigeria's trade minister"),  # any demonym the extractor knows
    ("U.S. trade representative", "the American trade representative"),
    ("UN climate envoy", "the United Nations climate envoy"),
    ("Saudi energy minister", "Saudi Arabia's energy minister"),  # a demonym for a two-word country
])
def test_title_keys_name_a_country_one_way(a, b):
    assert title_key(a) == title_key(b) is not None
    assert title_key(a) != title_key("the Kenyan trade minister")


def test_quantities_agree_on_rounding_and_bounds_not_on_changes():
    assert quantities_agree(Quantity(210e9, "USD"), Quantity(209.6e9, "USD"))
    assert quantities_agree(Quantity(3.4, "%"), Quantity(3, "%", approx="more than"))
    assert not quantities_agree(Quantity(210e9, "USD"), Quantity(150e9, "USD"))
    assert not quantities_agree(Quantity(210e9, "USD"), Quantity(210e9, "EUR"))
    assert not quantities_agree(Quantity(2.5, "%"), Quantity(4, "%", approx="more than"))


# -- consensus --------------------------------------------------------------------------------


def test_consensus_names_the_version_that_disagrees_with_all_others():
    arts = [commissioner_version(i, "Emi Sato") for i in ("a", "b", "c", "d")] + [commissioner_version("e", "Hana Morikawa")]
    story, by_id = story_of(arts)
    found = detect_consensus(story, by_id)
    assert len(found) == 1
    f = found[0]
    assert (f.type, f.article, f.severity) == ("consensus_outlier", "e", "high")
    assert f.derived_value == "Hana Morikawa" and f.source_value == "Emi Sato"
    assert f.against == ["a", "b", "c", "d"]
    assert f.explanation == "Names Hana Morikawa as the EU trade commissioner; the four other versions say Emi Sato."
    assert f.claim == by_id["e"].sentences[0].text
    assert by_id["e"].text[f.claim_span[0] : f.claim_span[1]] == f.claim
    assert by_id[f.source_article].text[f.source_span[0] : f.source_span[1]] == f.source_text
    assert 0 < f.confidence <= 1


def test_consensus_needs_two_agreeing_others_and_ignores_name_variants():
    two = [commissioner_version("a", "Emi Sato"), commissioner_version("b", "Hana Morikawa")]
    assert detect_consensus(*story_of(two)) == []
    split = [commissioner_version(i, n) for i, n in (("a", "Emi Sato"), ("b", "Emi Sato"), ("c", "Hana Morikawa"), ("d", "Hana Morikawa"))]
    assert detect_consensus(*story_of(split)) == []
    variants = [commissioner_version(i, "Takeshi Nakamura") for i in "abc"] + [commissioner_version("d", "Takashi Nakamori")]
    assert detect_consensus(*story_of(variants)) == []


def test_consensus_three_versions_two_against_one():
    arts = [commissioner_version("a", "Emi Sato"), commissioner_version("b", "Emi Sato"), commissioner_version("c", "Paolo Conti")]
    found = detect_consensus(*story_of(arts))
    assert [(f.article, f.source_value) for f in found] == [("c", "Emi Sato")]
    assert "two other versions say Emi Sato" in found[0].explanation


def _tariff_version(article_id: str, written: str, value: float, approx: str = "") -> Article:
    return make_article(
        article_id,
        [f"Washington imposed {written} in tariffs on Canadian goods. Ottawa promised to respond."],
        quantities=[(written, Quantity(value, "USD", "bn", approx))],
    )


def test_consensus_on_quantities_of_aligned_sentences():
    arts = [_tariff_version(i, "$210bn", 210e9) for i in "abc"] + [_tariff_version("d", "$150bn", 150e9)]
    found = detect_consensus(*story_of(arts))
    assert [(f.article, f.derived_value, f.source_value) for f in found] == [("d", "$150bn", "$210bn")]
    assert found[0].explanation == "Gives the figure as $150bn; the three other versions say $210bn."


def _poll_version(article_id: str, sentence: str, written: str, value: float) -> Article:
    return make_article(article_id, [f"{sentence} Riot police fired tear gas on Saturday."],
                        quantities=[(written, Quantity(value, "%", of="Greeks"))])


_ETHNOS = "An opinion poll for Ethnos said {} of Greeks were unhappy with the government's response."
_KATHIMERINI = "A poll for Kathimerini found that {} of Greeks believe the government mishandled the crisis."


def _poll_story(scores: dict[str, float], lineage: list[Edge]) -> tuple[Story, dict[str, Article]]:
    """Three outlets cite one poll (83 percent); outlet d cites another paper's poll (68 percent).
    ``scores``: how well the aligner paired d's poll sentence with each other outlet's."""
    arts = [_poll_version(i, _ETHNOS.format("83 percent"), "83 percent", 83) for i in "abc"]
    arts.append(_poll_version("d", _KATHIMERINI.format("68 percent"), "68 percent", 68))
    alignments = [Alignment("a", o, [AlignedPair([0], [0], 0.95), AlignedPair([1], [1], 0.9)]) for o in "bc"]
    alignments += [Alignment(o, "d", [AlignedPair([0], [0], scores[o]), AlignedPair([1], [1], 0.9)])
                   for o in "abc" if o in scores]
    return Story("s1", "t", ["a", "b", "c", "d"], alignments, lineage), {a.id: a for a in arts}


def test_independent_reports_make_a_high_consensus_only_about_the_same_fact():
    """Four outlets report one event; none was derived from another. Three cite one paper's poll,
    the fourth another paper's: its 68 percent disagrees with no one, it is another poll. Paired
    with one agreeing outlet only (0.5), and with the others only through it, it meets no consensus
    (session 20: no finding; one version against another is the pairwise detectors' to weigh).
    Paired weakly with two, the consensus stays medium and says why. Where two of the agreeing
    outlets render the same sentence well, it is one fact."""
    independent = [Edge("a", o, "independent", 0.5, 0.3, 0.3) for o in "bcd"]
    assert detect_consensus(*_poll_story({"a": 0.5}, independent)) == []
    found = detect_consensus(*_poll_story({"a": 0.5, "b": 0.5}, independent))
    assert [(f.article, f.derived_value, f.severity) for f in found] == [("d", "68 percent", "medium")]
    assert "independent reports" in found[0].explanation and "another poll" in found[0].explanation
    assert found[0].lacks == ["same_fact"]
    # the same sentence, rendered well by two agreeing outlets: one fact, and they disagree about it
    found = detect_consensus(*_poll_story({"a": 0.8, "b": 0.7}, independent))
    assert [(f.article, f.severity) for f in found] == [("d", "high")]
    # d rewrites a, which b copies: one text, whatever the aligner's score; a consensus of its family
    derived = [Edge("a", "d", "rewrite", 0.7, 0.6, 0.7), Edge("a", "b", "verbatim_copy", 0.9, 0.9, 0.9),
               Edge("a", "c", "independent", 0.5, 0.3, 0.3)]
    found = detect_consensus(*_poll_story({"a": 0.5}, derived))
    assert [(f.article, f.severity) for f in found] == [("d", "high")]


def test_a_chain_of_pairings_makes_no_consensus():
    """Three outlets date a tape "August 2006"; a fourth dates a marriage "January 2004" in a sentence
    the aligner paired with none of theirs, only with a sentence that is paired with theirs in turn.
    A chain of pairings (a like b, b like c) does not make two sentences say one thing."""
    def version(article_id: str, sentence: str, written: str, month: int, year: int) -> Article:
        return make_article(article_id, [f"{sentence} The trial resumed on Monday."],
                            dates=[(written, DateValue(year, month, None, "month", f"{year}-{month:02d}"))])

    tape = "A tape recorded in {} at the ranch was played in court."
    arts = [version(i, tape.format("August 2006"), "August 2006", 8, 2006) for i in "abc"]
    arts.append(version("d", "Records showed a marriage to the girl in January 2004.", "January 2004", 1, 2004))
    independent = [Edge("a", o, "independent", 0.5, 0.3, 0.3) for o in "bcd"]
    # d's first sentence is paired with nothing of a, b or c; its second with a's second, which a's
    # first is not: the groups join d's first sentence to the tapes only where a pairing says so
    chain = [Alignment("a", o, [AlignedPair([0], [0], 0.9), AlignedPair([1], [1], 0.9)]) for o in "bc"]
    chain.append(Alignment("a", "d", [AlignedPair([0, 1], [1], 0.4), AlignedPair([1], [0, 1], 0.4)]))
    story = Story("s1", "t", ["a", "b", "c", "d"], chain, independent)
    assert not [f for f in detect_consensus(story, {a.id: a for a in arts}) if f.article == "d"]


def test_consensus_on_quantities_accepts_rounding_and_hedges():
    arts = [_tariff_version(i, "$210bn", 210e9) for i in "abc"] + [_tariff_version("d", "more than $200bn", 200e9, "more than")]
    assert detect_consensus(*story_of(arts)) == []


def test_consensus_on_quantities_needs_alignment():
    arts = [_tariff_version(i, "$210bn", 210e9) for i in "abc"] + [_tariff_version("d", "$150bn", 150e9)]
    assert detect_consensus(*story_of(arts, aligned=False)) == []


def test_consensus_on_dates():
    def version(article_id, day):
        written = f"March {day}"
        return make_article(article_id, [f"The leaders signed the accord on {written} in Geneva. It takes effect next year."],
                            dates=[(written, DateValue(2024, 3, day, "day", f"2024-03-{day:02d}"))])

    arts = [version(i, 11) for i in "abc"] + [version("d", 12)]
    found = detect_consensus(*story_of(arts))
    assert [(f.article, f.derived_value, f.source_value) for f in found] == [("d", "March 12", "March 11")]
    assert found[0].explanation == "Gives the date as March 12; the three other versions say March 11."


# -- internal contradiction -------------------------------------------------------------------


def test_contradiction_one_office_two_people():
    art = make_article(
        "x",
        ["EU trade commissioner Emi Sato arrived on Monday.", "Later, EU trade commissioner Hana Morikawa told reporters the talks went well."],
        roles=[("EU trade commissioner", "Emi Sato"), ("EU trade commissioner", "Hana Morikawa")],
    )
    found = detect_internal_contradictions(art)
    assert len(found) == 1
    f = found[0]
    assert (f.type, f.severity, f.article, f.source_article) == ("internal_contradiction", "high", "x", "x")
    assert f.derived_value == "Hana Morikawa" and f.source_value == "Emi Sato"
    assert "Names both Hana Morikawa and Emi Sato as the EU trade commissioner" in f.explanation
    assert f.claim == art.sentences[1].text


def test_two_holders_of_one_office_in_different_years_are_successive_not_a_contradiction():
    """An office changes hands: an article that dates each holder's act in another year names
    two popes, not one pope twice. The same two names with no years (or one year) still clash."""
    roles = [("Pope", "Benedict XVI"), ("Pope", "Leo XIII")]
    others = [make_article(i, ["Pope Benedict XVI gave her the medal."], roles=[("Pope", "Benedict XVI")]) for i in "ab"]
    dated = make_article("x", ["Pope Benedict XVI awarded her the medal in 2006.",
                               "The honour was instituted by Pope Leo XIII in 1888."], roles=roles)
    assert detect_internal_contradictions(dated, others) == []
    undated = make_article("y", ["Pope Benedict XVI awarded her the medal in 2006.",
                                 "Later, Pope Leo XIII praised her work."], roles=roles)
    assert [(f.derived_value, f.severity) for f in detect_internal_contradictions(undated, others)] == [("Leo XIII", "high")]


def test_no_contradiction_for_same_person_or_unqualified_office():
    same = make_article("x", ["EU trade commissioner Emi Sato arrived.", "EU trade commissioner Sato left."],
                        roles=[("EU trade commissioner", "Emi Sato"), ("EU trade commissioner", "Sato")])
    assert detect_internal_contradictions(same) == []
    two_pms = make_article("y", ["Prime Minister Mark Carney met Prime Minister Shigeru Ishiba.", "Prime Minister Ishiba smiled."],
                           roles=[("Prime Minister", "Mark Carney"), ("Prime Minister", "Shigeru Ishiba")])
    assert detect_internal_contradictions(two_pms) == []


def _pm_version(article_id: str, first: str, second: str) -> Article:
    return make_article(
        article_id,
        [f"In Tokyo, Prime Minister {first} welcomed the agreement.", f"Later, Prime Minister {second} said the deal was fair."],
        roles=[("Prime Minister", first), ("Prime Minister", second)],
    )


def test_contradiction_unqualified_office_settled_by_the_other_versions():
    garbled = _pm_version("g", "Hiroshi Kanda", "Kenji Arimura")
    others = [_pm_version(i, "Kenji Arimura", "Arimura") for i in "ab"]
    found = detect_internal_contradictions(garbled, others)
    assert len(found) == 1
    f = found[0]
    assert (f.derived_value, f.source_value) == ("Hiroshi Kanda", "Kenji Arimura")
    assert f.claim == garbled.sentences[0].text and f.source_text == garbled.sentences[1].text
    assert f.explanation == (
        "Names both Hiroshi Kanda and Kenji Arimura as the Prime Minister in the same article; "
        "the other versions say Kenji Arimura."
    )
    # alone, or in a story about two prime ministers, it is no contradiction
    assert detect_internal_contradictions(garbled) == []
    two_pms = [_pm_version(i, "Mark Carney", "Shigeru Ishiba") for i in "ab"]
    assert detect_internal_contradictions(_pm_version("c", "Mark Carney", "Shigeru Ishiba"), two_pms) == []


def test_contradiction_two_dates_for_one_event_but_not_a_postponement():
    d12, d14 = DateValue(2024, 3, 12, "day", "2024-03-12"), DateValue(2024, 3, 14, "day", "2024-03-14")
    art = make_article("x", ["The summit on March 12 will open in Rome.", "Delegates prepared for the summit on March 14 with care."],
                       dates=[("March 12", d12), ("March 14", d14)])
    found = detect_internal_contradictions(art)
    assert [(f.type, f.derived_value, f.source_value) for f in found] == [("internal_contradiction", "March 14", "March 12")]
    # the comma after a weekday does not cut the date off its event ("on Tuesday, March 12")
    weekday = make_article("w", ["The summit will open in Rome on Tuesday, March 12.", "Delegates prepared for the summit on March 14 with care."],
                           dates=[("March 12", d12), ("March 14", d14)])
    assert [f.derived_value for f in detect_internal_contradictions(weekday)] == ["March 14"]
    moved = make_article("y", ["The summit on March 12 will open in Rome.", "The summit was postponed to March 14 after the storm."],
                         dates=[("March 12", d12), ("March 14", d14)])
    assert detect_internal_contradictions(moved) == []
    two_laws = make_article("z", ["The carbon levy will take effect on March 12.", "The grid agreement will take effect on March 14."],
                            dates=[("March 12", d12), ("March 14", d14)])
    assert detect_internal_contradictions(two_laws) == []



def test_a_date_of_entry_into_force_belongs_to_the_coming_into_force_not_to_the_noun_before():
    # "The agreement will enter into force on 1 January" dates the agreement's coming into force, as
    # "take effect" does; it is no second date for the agreement's signing or conclusion.
    d11, jan1, jul1 = (DateValue(2025, 3, 11, "day", "2025-03-11"), DateValue(2026, 1, 1, "day", "2026-01-01"),
                       DateValue(2026, 7, 1, "day", "2026-07-01"))
    signed = make_article("x", ["The two countries concluded a trade agreement in Brussels on March 11.",
                                "The agreement will enter into force on 1 January 2026 once parliament approves it."],
                          dates=[("March 11", d11), ("1 January 2026", jan1)])
    assert detect_internal_contradictions(signed) == []
    came = make_article("c", ["The treaty was signed on March 11.", "The treaty came into force on 1 January 2026."],
                        dates=[("March 11", d11), ("1 January 2026", jan1)])
    assert detect_internal_contradictions(came) == []
    # two dates for one coming into force, in either wording, still contradict each other
    both = make_article("y", ["The agreement will take effect on 1 January 2026.",
                              "Officials said the agreement would enter into force on 1 July 2026."],
                        dates=[("1 January 2026", jan1), ("1 July 2026", jul1)])
    assert [f.derived_value for f in detect_internal_contradictions(both)] == ["1 July 2026"]

def test_contradiction_two_values_for_one_quantity_slot():
    q210, q150, q50 = Quantity(210e9, "USD", "bn"), Quantity(150e9, "USD", "bn"), Quantity(50e9, "USD", "bn")
    art = make_article("x", ["Washington imposed $210bn in tariffs on Canadian goods.", "Ottawa condemned the $150bn in tariffs on Canadian goods."],
                       quantities=[("$210bn", q210), ("$150bn", q150)])
    assert [f.derived_value for f in detect_internal_contradictions(art)] == ["$150bn"]
    distinct = make_article("y", ["Washington imposed $210bn in tariffs on Canadian goods.", "Ottawa said the $50bn in tariffs on cars hurt."],
                            quantities=[("$210bn", q210), ("$50bn", q50)])
    assert detect_internal_contradictions(distinct) == []
    durations = make_article("z", ["Talks ran for 2 years in Geneva.", "The review comes every 3 years in Geneva."],
                             quantities=[("2", Quantity(2, "years")), ("3", Quantity(3, "years"))])
    assert detect_internal_contradictions(durations) == []


# -- stance -----------------------------------------------------------------------------------


def _treaty_version(article_id: str, conclusion: str) -> Article:
    return make_article(article_id, ["Negotiators met in Vienna for a fourth round.", f"Diplomats say the border treaty {conclusion}."])


def test_stance_divergence_against_the_source():
    src, der = _treaty_version("src", "will hold"), _treaty_version("der", "is dead")
    story, by_id = story_of([src, der], [Edge("src", "der", "rewrite", 0.9, 0.9, 0.9)])
    found = detect_stance_divergence(story, by_id)
    assert len(found) == 1
    f = found[0]
    assert (f.type, f.article, f.source_article, f.severity) == ("stance_divergence", "der", "src", "high")
    assert (f.derived_value, f.source_value) == ("is dead", "will hold")
    assert f.claim == der.sentences[1].text


def test_stance_same_conclusion_in_other_words_is_no_finding():
    src, der = _treaty_version("src", "will hold"), _treaty_version("der", "will survive")
    story, by_id = story_of([src, der], [Edge("src", "der", "summary", 0.9, 0.5, 0.9)])
    assert detect_stance_divergence(story, by_id) == []
    mixed = _treaty_version("der", "will hold despite fears it could collapse")
    story, by_id = story_of([src, mixed], [Edge("src", "der", "summary", 0.9, 0.5, 0.9)])
    assert detect_stance_divergence(story, by_id) == []


def test_stance_ignores_unrelated_outlook_sentences_and_reads_double_negation():
    src = make_article("src", [
        "The two sides concluded the pact after talks that twice came close to collapse.",
        "She said neither side could afford to let the agreement fail.",
        "For now, most observers in Brussels expect the agreement to hold.",
    ])
    der = make_article("der", [
        "The two sides concluded the pact after talks that twice came close to collapse.",
        "For now, most observers in Brussels believe the agreement is dead.",
    ])
    story, by_id = story_of([src, der], [Edge("src", "der", "rewrite", 0.9, 0.9, 0.9)], aligned=False)
    found = detect_stance_divergence(story, by_id)
    assert [(f.derived_value, f.source_value) for f in found] == [("is dead", "to hold")]
    assert found[0].source_text == src.sentences[2].text


def test_stance_of_a_sentence_rewritten_past_alignment():
    # the aligner pairs the sentences around the conclusion but not the conclusion itself, and
    # the two share too few words ("Kovacs" / "Lindt") to be matched by topic
    src = make_article("src", ["Negotiators met in Vienna for a fourth round.", "\"This treaty will hold for a generation,\" Kovacs said.",
                               "The talks had lasted 14 months."])
    der = make_article("der", ["Negotiators met in Vienna for a fourth round.", "\"This treaty is dead already,\" Lindt said.",
                               "The talks had lasted 14 months."])
    story = Story("s1", "t", ["src", "der"], [Alignment("src", "der", [AlignedPair([0], [0], 0.9), AlignedPair([2], [2], 0.9)])],
                  [Edge("src", "der", "rewrite", 0.9, 0.9, 0.9)])
    found = detect_stance_divergence(story, {"src": src, "der": der})
    assert [(f.article, f.derived_value, f.source_value) for f in found] == [("der", "is dead", "will hold")]


def test_stance_against_the_majority_without_lineage():
    arts = [_treaty_version(i, "will hold") for i in "abc"] + [_treaty_version("d", "will not survive the winter")]
    found = detect_stance_divergence(*story_of(arts))
    assert [(f.article, f.severity, f.derived_value) for f in found] == [("d", "medium", "will not survive")]
    assert sorted(found[0].against) == ["a", "b", "c"]


# -- orchestration ----------------------------------------------------------------------------


def _fake_finding(article: str, source: str, confidence: float, type_: str = "entity_swap", severity: str = "high") -> Finding:
    return Finding("", type_, severity, article, [source], "claim", (0, 5), "Hana Morikawa", source, "src", (0, 3),
                   "Emi Sato", "Names Hana Morikawa.", confidence)


def test_same_change_on_several_edges_is_one_finding_against_all(monkeypatch):
    arts = [commissioner_version("a", "Emi Sato"), commissioner_version("b", "Emi Sato"), commissioner_version("c", "Emi Sato")]
    story, by_id = story_of(arts, [Edge("a", "c", "rewrite", 0.9, 0.9, 0.9), Edge("b", "c", "rewrite", 0.8, 0.9, 0.9)])
    story.alignments.append(Alignment("b", "c", [AlignedPair([0], [0], 0.9)]))

    def fake_detect_pair(source, derived, alignment, story_articles=None):
        assert alignment.source == source.id and alignment.derived == derived.id
        return [_fake_finding(derived.id, source.id, 0.8)]

    monkeypatch.setattr(findings_pkg, "_pairwise_detector", lambda: fake_detect_pair)
    found = detect_findings(story, by_id)
    assert len(found) == 1
    assert found[0].against == ["a", "b"] and found[0].id == "s1-f1"
    assert found[0].confidence == pytest.approx(0.85)


def test_independent_edges_keep_only_clear_high_confidence_changes(monkeypatch):
    arts = [commissioner_version("a", "Emi Sato"), commissioner_version("b", "Emi Sato")]
    story, by_id = story_of(arts, [Edge("a", "b", "independent", 0.6, 0.3, 0.3)])

    def fake_detect_pair(source, derived, alignment, story_articles=None):
        return [
            _fake_finding("b", "a", 0.9),
            _fake_finding("b", "a", 0.8, "date_change"),
            _fake_finding("b", "a", 0.5, "number_change"),
            _fake_finding("b", "a", 0.95, "omission", "medium"),
        ]

    monkeypatch.setattr(findings_pkg, "_pairwise_detector", lambda: fake_detect_pair)
    assert [(f.type, f.confidence) for f in detect_findings(story, by_id)] == [("entity_swap", 0.9)]


def test_findings_sorted_by_severity_with_stable_ids(monkeypatch):
    arts = [commissioner_version(i, "Emi Sato") for i in "abc"] + [commissioner_version("d", "Hana Morikawa")]
    story, by_id = story_of(arts, [Edge("a", "d", "translation", 0.9, 0.9, 0.9)])

    def fake_detect_pair(source, derived, alignment, story_articles=None):
        return [_fake_finding("d", "a", 0.6, "name_variant", "low")]

    monkeypatch.setattr(findings_pkg, "_pairwise_detector", lambda: fake_detect_pair)
    first = detect_findings(story, by_id)
    assert [(f.id, f.severity, f.type) for f in first] == [("s1-f1", "high", "consensus_outlier"), ("s1-f2", "low", "name_variant")]
    again = detect_findings(story, by_id)
    assert [(f.id, f.type) for f in again] == [(f.id, f.type) for f in first]


def test_reversed_alignment_is_flipped_for_the_edge():
    story = Story("s", "t", ["a", "b"], [Alignment("b", "a", [AlignedPair([2], [0, 1], 0.7)], [5], [6])])
    al = oriented_alignment(story, "a", "b")
    assert (al.source, al.derived) == ("a", "b")
    assert (al.pairs[0].source, al.pairs[0].derived) == ([0, 1], [2])
    assert (al.unaligned_source, al.unaligned_derived) == ([6], [5])


def test_a_failing_detector_becomes_a_warning_not_a_crash(monkeypatch):
    arts = [commissioner_version("a", "Emi Sato"), commissioner_version("b", "Emi Sato")]
    story, by_id = story_of(arts, [Edge("a", "b", "rewrite", 0.9, 0.9, 0.9)])

    def broken(source, derived, alignment, story_articles=None):
        raise ValueError("bad span")

    monkeypatch.setattr(findings_pkg, "_pairwise_detector", lambda: broken)
    assert detect_findings(story, by_id) == []
    assert any("pairwise a -> b failed: ValueError: bad span" in w for w in by_id["b"].warnings)


def test_deduplicate_keeps_distinct_changes_apart():
    f1 = _fake_finding("c", "a", 0.7)
    f2 = _fake_finding("c", "a", 0.7)
    f2.derived_value = "Paolo Conti"
    assert len(deduplicate([f1, f2], ["a", "c"])) == 2


def test_a_consensus_outlier_on_the_value_an_edge_finding_changed_joins_it(monkeypatch):
    # One change, one finding: the version that swapped the commissioner is seen on its edge and by
    # the consensus of the others; the reader gets one entry carrying both signals.
    arts = [commissioner_version(i, "Emi Sato") for i in "abcd"] + [commissioner_version("e", "Hana Morikawa")]
    story, by_id = story_of(arts, [Edge("a", "e", "translation", 0.9, 0.9, 0.9)])
    claim = by_id["e"].sentences[0]

    def fake_detect_pair(source, derived, alignment, story_articles=None):
        return [Finding("", "entity_swap", "medium", derived.id, [source.id], claim.text, (claim.start, claim.end),
                        "Hana Morikawa", source.id, "src", (0, 3), "Emi Sato", "Names Hana Morikawa.", 0.8)]

    monkeypatch.setattr(findings_pkg, "_pairwise_detector", lambda: fake_detect_pair)
    found = detect_findings(story, by_id)
    assert [(f.type, f.severity) for f in found] == [("entity_swap", "high")]
    assert found[0].against == ["a", "b", "c", "d"]
    assert "consensus outlier" in found[0].explanation


def test_independent_reports_disagree_only_between_sentences_that_render_each_other(monkeypatch):
    """Two outlets' reports of one event: a figure in one report's sentence is compared with the
    other's only where the aligner paired the two sentences well (the reading view shows them side
    by side). A sentence about another thing that happens to carry a percentage is no rendering."""
    a = make_article("a", ["An opinion poll said 83 percent of voters were unhappy with the government. "
                           "The minister resigned on Monday."])
    b = make_article("b", ["A poll said 83 percent of voters were unhappy with the government. "
                           "However, 55 percent said neither party was competent. The minister quit on Monday."])
    story = Story("s1", "t", ["a", "b"], [Alignment("a", "b", [AlignedPair([0], [0], 0.9), AlignedPair([1], [2], 0.5)])],
                  [Edge("a", "b", "independent", 0.6, 0.3, 0.3)])
    by_id = {"a": a, "b": b}

    def finding(claim: int, shown: int, value: str) -> Finding:
        c, s = b.sentences[claim], a.sentences[shown]
        return Finding("", "number_change", "medium", "b", ["a"], c.text, (c.start, c.end), value, "a", s.text,
                       (s.start, s.end), "83", f"Says {value}.", 0.9)

    def fake_detect_pair(source, derived, alignment, story_articles=None):
        return [finding(0, 0, "84"), finding(1, 0, "55"), finding(2, 1, "Monday")]

    monkeypatch.setattr(findings_pkg, "_pairwise_detector", lambda: fake_detect_pair)
    found = detect_findings(story, by_id)
    # kept: the aligned pair (0.9); dropped: an unaligned sentence, and a pair below the support bar (0.5)
    assert [f.derived_value for f in found] == ["84"]


def test_a_rewrite_sentence_is_compared_only_with_the_source_sentence_it_renders(monkeypatch):
    """On a rewrite edge, "And the next host is Ellen DeGeneres." is no entity swap against a source
    sentence about last year's host that the aligner never paired with it."""
    a = make_article("a", ["The academy named Ellen DeGeneres as host on Friday. "
                           "Last year's show was hosted by Seth MacFarlane."])
    b = make_article("b", ["The academy named Ellen DeGeneres host on Friday. And the next host is Ellen DeGeneres."])
    story = Story("s1", "t", ["a", "b"], [Alignment("a", "b", [AlignedPair([0], [0], 0.9)])],
                  [Edge("a", "b", "rewrite", 0.7, 0.5, 0.8)])
    by_id = {"a": a, "b": b}

    def finding(claim: int, shown: int, value: str, was: str) -> Finding:
        c, s = b.sentences[claim], a.sentences[shown]
        return Finding("", "entity_swap", "medium", "b", ["a"], c.text, (c.start, c.end), value, "a", s.text,
                       (s.start, s.end), was, f"Names {value}.", 0.8)

    def fake_detect_pair(source, derived, alignment, story_articles=None):
        return [finding(0, 0, "Ellen Degeneres", "Ellen DeGeneres"), finding(1, 1, "Ellen DeGeneres", "Seth MacFarlane")]

    monkeypatch.setattr(findings_pkg, "_pairwise_detector", lambda: fake_detect_pair)
    assert [f.source_value for f in detect_findings(story, by_id)] == ["Ellen DeGeneres"]
