"""Blocking finds event-level candidates: a summary inside a long original, a version in another language.

Hand-written articles (no spaCy): signatures, candidates, combined evidence, blocks.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from storytrace.model import Article
from storytrace.stories.blocking import BlockingParams, SignatureTable, block_corpus, pair_passes
from storytrace.stories.signature import containment_terms, from_bytes, signatures_for, to_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"

ORIGINAL = """Harbour authority approves Kestrel Bay container terminal after two-year review

The Veldmark Harbour Authority on Monday approved a new container terminal at Kestrel Bay, ending a review that lasted two years and drew 4,800 public comments.
The terminal will cost about 1.4 billion euros and is expected to handle 900,000 containers a year once its second berth opens in 2029.
Construction is due to begin in October, and the first berth should open in 2027, according to the authority's chair, Annika Brandvold.
Fishing cooperatives in the bay had opposed the plan for months, arguing that dredging would destroy spawning grounds used by herring and cod.
The authority said it had cut the dredged area by 35 per cent and would pay 12 million euros into a fund for the fishing fleet.
Brandvold told reporters that the compromise had been difficult but that the region could not afford to lose shipping to its neighbours.
The port operator Nordhavn Logistics, which will run the terminal under a 30-year concession, said it would hire 650 people.
Environmental groups said they were studying the decision and might challenge it in court.
Tomas Reijnders, who speaks for the largest cooperative, said his members felt they had been heard only at the very end.
Traffic on the coastal road is expected to rise, and the authority promised a new rail link to the terminal by 2031.
The regional government must still sign off on the rail link, which has not yet been funded.
Local councillors welcomed the jobs but asked for a noise study before night operations start.
Councillor Hedda Lundqvist of the Green List said night shifts at the crane yard would keep 1,200 households awake.
The shipping line Arktis Feeder, a rival of Nordhavn, said it would move two weekly services to Kestrel Bay in 2028.
Economists at the University of Solvik estimate that the terminal could add 0.6 per cent to regional output by 2032.
The harbour pilots' union, led by Erik Mjelde, asked for 40 more pilots before the second berth opens.
In Brennholm, the neighbouring port, mayor Sigrun Falkvik warned that her city could lose 300 jobs to the new terminal.
The authority's last terminal, opened at Grauvik in 2011, came in 22 per cent over budget, auditors found in 2016.
A public inquiry led by retired judge Oddvar Kringstad had recommended approval in March, with 14 conditions.
Insurers Polaris Mutual and Stormvik Re will cover the dredging, which the authority puts at 210 million euros.
""".replace("\n", "\n\n")

SUMMARY = """Kestrel Bay terminal gets the go-ahead

Veldmark Harbour Authority chair Annika Brandvold has cleared a 1.4 billion euro terminal at Kestrel Bay, built to take 900,000 containers a year by 2029.
Nordhavn Logistics is to run it for 30 years and hire 650 workers, while fishermen get 12 million euros.
"""

UNRELATED = """City library reopens after roof repairs

The central library in Oskarsund reopened on Saturday after eight months of repairs to its leaking roof.
Librarian Mette Aalvik said 2,300 books damaged by water had been replaced with donations from readers.
"""


def article(aid: str, text: str, day: date | None = date(2025, 5, 12), language: str = "en") -> Article:
    title = text.strip().splitlines()[0]
    return Article(id=aid, source_path=aid, original_text=text, text=text, title=title, published=day, language=language)


@pytest.fixture(scope="module")
def example_signatures():
    from storytrace.config import Config
    from storytrace.ingest.clean import clean_article
    from storytrace.pipeline import Pipeline

    articles = [a for a in Pipeline(Config(quiet=True)).read([EXAMPLES]) if isinstance(a, Article)]
    for a in articles:
        clean_article(a)
    return {s.id: s for s in signatures_for(articles)}


def blocks_of(sigs, params: BlockingParams) -> list[list[str]]:
    table = SignatureTable()
    table.add(sigs)
    return block_corpus(table, params).blocks


def test_figures_are_digit_runs_in_any_script():
    assert containment_terms("该协议涵盖每年约2100亿美元的贸易") == ["2100"]
    assert containment_terms("trade worth $2,100bn with Japan") == ["2100", "japan"]
    # one-digit numbers and short or sentence-common capitalised words are not terms
    assert containment_terms("The 3 ministers met in Oslo") == ["oslo"]


def test_short_summary_inside_a_long_original_shares_a_block_only_with_containment():
    sigs = signatures_for([article("original", ORIGINAL), article("summary", SUMMARY), article("library", UNRELATED)])
    assert blocks_of(sigs, BlockingParams(sources=("bands",))) == [["library"], ["original"], ["summary"]]
    assert blocks_of(sigs, BlockingParams()) == [["library"], ["original", "summary"]]


def test_versions_in_chinese_and_japanese_meet_their_story_by_document_vector(example_signatures):
    sigs = list(example_signatures.values())
    old = blocks_of(sigs, BlockingParams(sources=("bands",)))
    assert ["translation-zh"] in old and ["translation-ja"] in old
    new = blocks_of(sigs, BlockingParams())
    story = next(b for b in new if "original" in b)
    assert {"translation-zh", "translation-ja", "summary", "independent"} <= set(story)
    assert ["unrelated-satellite"] in new and ["unrelated-steel"] in new


def test_pair_test_is_the_same_on_the_table_and_on_one_pair(example_signatures):
    """The Spark job verifies joined rows with pair_passes; one machine verifies arrays: same answer."""
    from storytrace.stories.blocking import candidate_pairs, verify_pairs

    sigs = sorted(example_signatures.values(), key=lambda s: s.id)
    table = SignatureTable()
    table.add(sigs)
    params = BlockingParams()
    pairs = candidate_pairs(table, params)
    kept = {tuple(p) for p in verify_pairs(table, pairs, params).tolist()}
    for i, j in pairs.tolist():
        assert ((i, j) in kept) == pair_passes(sigs[i], sigs[j], params)


def test_document_vectors_only_meet_inside_the_window(example_signatures):
    zh, original = example_signatures["translation-zh"], example_signatures["original"]
    far = from_bytes("translation-zh-late", zh.published + 200, to_bytes(zh))
    assert pair_passes(zh, original, BlockingParams())
    assert not pair_passes(far, original, BlockingParams())


def test_signature_bytes_round_trip_and_old_layout_still_reads(example_signatures):
    sig = example_signatures["translation-ja"]
    back = from_bytes(sig.id, sig.published, to_bytes(sig))
    assert np.array_equal(back.terms, sig.terms) and np.array_equal(back.vector, sig.vector)
    old = from_bytes(sig.id, sig.published, to_bytes(sig)[: 4 * (128 + 64)])  # written before terms and vectors
    assert len(old.terms) == 0 and len(old.vector) == 0 and np.array_equal(old.text, sig.text)
