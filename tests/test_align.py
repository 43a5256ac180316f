"""Sentence alignment and reuse passages on hand-written texts (real MiniLM model)."""
import pytest

from storytrace.align import align_pair, align_sentences, reuse_passages
from storytrace.config import Config
from storytrace.model import Article, Sentence
from storytrace.similarity.embeddings import Embedder

SOURCE = [
    "Storm Elena made landfall near the port of Valdora on Sunday night.",
    "Winds of up to 160 kilometres an hour tore roofs off hundreds of homes.",
    "The regional governor, Marta Quiroga, said three people had died.",
    "About 40,000 households were left without electricity.",
    "Schools in the province will stay closed until Thursday.",
    "Forecasters expect the storm to weaken as it moves inland.",
]


@pytest.fixture(scope="module")
def embedder():
    return Embedder(Config())


def test_translation_like_rewrite_aligns_one_to_one_in_order(embedder):
    derived = [
        "On Sunday night, the storm Elena reached land close to Valdora port.",
        "Winds reaching 160 km per hour ripped the roofs from hundreds of houses.",
        "Governor of the region Quiroga Marta said that three persons died.",
        "Approximately 40,000 homes lost their power supply.",
        "The schools of the province remain closed until Thursday.",
        "Meteorologists predict the storm will become weaker when it goes inland.",
    ]
    al = align_sentences(SOURCE, derived, embedder)
    assert [(p.source, p.derived) for p in al.pairs] == [([i], [i]) for i in range(6)]
    assert al.unaligned_source == [] and al.unaligned_derived == []
    assert all(0.5 <= p.score <= 1.0 for p in al.pairs)


def test_summary_fuses_sentences_and_leaves_the_rest_unaligned(embedder):
    summary = [
        "Storm Elena hit Valdora on Sunday with winds of up to 160 kilometres an hour, tearing roofs off hundreds of homes.",
        "Three people died, governor Marta Quiroga said.",
    ]
    al = align_sentences(SOURCE, summary, embedder)
    first = next(p for p in al.pairs if p.derived == [0])
    assert first.source == [0, 1]
    assert any(p.source == [2] and p.derived == [1] for p in al.pairs)
    assert set(al.unaligned_source) == {3, 4, 5} and al.unaligned_derived == []


def test_moved_paragraph_still_finds_its_partner_and_unrelated_stays_out(embedder):
    derived = [SOURCE[4], SOURCE[5], SOURCE[0], SOURCE[1], "The national football league postponed two matches."]
    al = align_sentences(SOURCE[:2] + SOURCE[4:], derived, embedder)
    got = {(tuple(p.source), tuple(p.derived)) for p in al.pairs}
    assert got == {((2,), (0,)), ((3,), (1,)), ((0,), (2,)), ((1,), (3,))}
    assert al.unaligned_derived == [4]


def test_reuse_passages_have_offsets_into_both_texts():
    src = "Intro words here. " + " ".join(SOURCE) + " The end."
    der = "Breaking: " + SOURCE[1] + " Other text entirely different from anything. " + SOURCE[3] + " " + SOURCE[4]
    passages = reuse_passages(src, der)
    assert len(passages) == 2
    for p in passages:
        assert src[p.source_start : p.source_end] == der[p.derived_start : p.derived_end]
    texts = [der[p.derived_start : p.derived_end] for p in passages]
    assert texts[0] == SOURCE[1].rstrip(".")
    assert texts[1] == (SOURCE[3] + " " + SOURCE[4]).rstrip(".")
    assert reuse_passages(src, "Nothing in common with the storm text at all, no.") == []


def _article(aid, sentences):
    text, spans = "", []
    for s in sentences:
        start = len(text)
        text += s + " "
        spans.append((start, start + len(s)))
    return Article(id=aid, source_path="", original_text=text, text=text,
                   sentences=[Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(spans)])


def test_align_pair_on_articles_without_mentions(embedder):
    a, b = _article("a", SOURCE), _article("b", SOURCE[:3])
    al = align_pair(a, b, embedder)
    assert (al.source, al.derived) == ("a", "b")
    assert [(p.source, p.derived) for p in al.pairs] == [([0], [0]), ([1], [1]), ([2], [2])]
    assert al.unaligned_source == [3, 4, 5]
    assert len(al.reuse) == 1 and al.reuse[0].derived_start == 0
    empty = align_pair(a, _article("c", []), embedder)
    assert empty.pairs == [] and empty.unaligned_source == list(range(6))


def test_a_copy_that_leaves_out_one_sentence_is_verbatim_on_both_sides_of_the_gap():
    # The copy drops the third sentence; the sentence after the gap starts like the dropped one
    # ("In Valdora, the ..."), so the passage before the gap runs a few words past the seam into the
    # passage after it. Both halves are still verbatim reuse: neither may be dropped for the overlap.
    lead = [
        "The harbour authority approved a new container terminal worth 2.4 billion dollars on Monday.",
        "Its chief executive, Marta Quiroga, said the terminal would double the port's capacity by 2027.",
    ]
    dropped = "In Valdora, the fishing cooperative criticised the plan at a crowded public meeting."
    tail = [
        "In Valdora, the city council voted to widen the coastal road leading to the new quays.",
        "Residents of the old town asked for a noise barrier along the railway to the terminal.",
        "Construction is due to start in the spring and to last about four years.",
    ]
    src = " ".join(lead + [dropped] + tail)
    der = " ".join(lead + tail)
    passages = reuse_passages(src, der)
    covered = sum(p.derived_end - p.derived_start for p in passages)
    assert covered >= 0.95 * len(der)
    for p in passages:
        assert src[p.source_start : p.source_end] == der[p.derived_start : p.derived_end]
    spans = sorted((p.derived_start, p.derived_end) for p in passages)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


def test_the_assignment_solver_is_scipys_without_importing_scipy_optimize():
    """sentence_align loads scipy's C solver from its extension alone (importing scipy.optimize cost
    ~0.1 CPU-s a process): the same assignments as scipy.optimize's, ties and both directions included."""
    import subprocess
    import sys

    import numpy as np
    from scipy.optimize import linear_sum_assignment as scipys

    from storytrace.sentence_align import linear_sum_assignment

    rng = np.random.default_rng(7)
    for _ in range(300):
        scores = (rng.integers(0, 4, size=(int(rng.integers(1, 9)), int(rng.integers(1, 9)))) / 4).astype(np.float32)
        for maximize in (True, False):
            ours, theirs = linear_sum_assignment()(scores, maximize=maximize), scipys(scores, maximize=maximize)
            assert all(np.array_equal(a, b) for a, b in zip(ours, theirs))
    code = ("import sys, numpy as np; from storytrace.sentence_align import linear_sum_assignment; "
            "print(linear_sum_assignment()(np.eye(3), maximize=True)[1].tolist(), 'scipy.optimize' in sys.modules, "
            "'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[0, 1, 2] False False"


def test_shared_counts_equal_scipys_sparse_product():
    """The lexical and mention scores count shared terms of every pair of sentences (or groups) with
    dense 0/1 matrices over the columns both sides use, not scipy.sparse (its import cost ~0.1 CPU-s a
    process): the counts equal the sparse product's bit for bit, repeated ids and empty rows included."""
    import numpy as np
    from scipy import sparse

    from storytrace.sentence_align import _shared_counts

    rng = np.random.default_rng(11)
    for _ in range(400):
        sides = []
        for _side in range(2):
            lens = rng.integers(0, 7, size=int(rng.integers(1, 9)))
            cols = rng.integers(0, int(rng.integers(1, 30)), size=int(lens.sum())).astype(np.int64)
            ptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
            sides.append((cols, ptr))
        (ca, pa), (cb, pb) = sides
        width = int(max(ca.max(initial=0), cb.max(initial=0))) + 1
        xa = sparse.csr_matrix((np.ones(len(ca), np.float32), ca, pa), shape=(len(pa) - 1, width))
        xb = sparse.csr_matrix((np.ones(len(cb), np.float32), cb, pb), shape=(len(pb) - 1, width))
        theirs = (xa @ xb.T).toarray()
        ours = _shared_counts(ca, pa, cb, pb)
        assert ours.dtype == theirs.dtype and ours.shape == theirs.shape and np.array_equal(ours, theirs)


def test_sentence_alignment_imports_no_scipy_sparse():
    """Aligning two texts needs neither scipy.sparse nor scipy's package __init__."""
    import subprocess
    import sys

    code = ("import sys, numpy as np; from storytrace import sentence_align as sa; "
            "side = lambda texts: sa.SentenceSide(texts=texts, vectors=np.eye(len(texts), 4, dtype=np.float32), "
            "terms=[sa.content_terms(t) for t in texts], mentions=[set() for _ in texts], "
            "weights=np.ones(len(texts), np.float32)); "
            "m = sa.score_matrix(side(['The mayor opened the bridge.', 'Rain fell.']), side(['The mayor opened a bridge.'])); "
            "print(m.shape, 'scipy.sparse' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "(2, 1) False False"
