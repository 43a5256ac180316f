"""Alignment of the example summary against its original: fusions and moved sentences."""
from storytrace.align import align_pair


def test_summary_sentences_find_their_source_sentences(example_articles, embedder):
    original, summary = example_articles["original"], example_articles["summary"]
    al = align_pair(original, summary, embedder)
    aligned_derived = {j for p in al.pairs for j in p.derived}
    # every summary sentence but the credit line has a source
    assert len(aligned_derived) >= len(summary.sentences) - 1
    assert any(len(p.source) > 1 for p in al.pairs)  # a fused sentence
    # the ratification sentence is found although the summary moved it before the signing date
    ratify = next(i for i, s in enumerate(summary.sentences) if "ratifies" in s.text)
    src = next(p.source for p in al.pairs if ratify in p.derived)
    assert "ratifies" in original.sentences[src[0]].text
    assert len(al.unaligned_source) >= 8
