"""A name one of many versions writes where the others agree on other words (findings/detectors/consensus_names.py).

Invented sentences: eight renderings of one short report, worded a little differently each, as
translations by several systems are.
"""
from __future__ import annotations

import pytest

from storytrace.findings.detectors.consensus_names import detect_name_outliers
from storytrace.model import AlignedPair, Alignment, Article, Edge, Story
from tests.findings.helpers import prepare

_RENDERINGS = [
    "The students spoke with Tran Van Hoa at the library on Tuesday. The visit ended at noon.",
    "On Tuesday the students talked with Tran Van Hoa in the library. The visit was over by noon.",
    "The students met Tran Van Hoa at the library on Tuesday. The visit finished at noon.",
    "Students spoke to Tran Van Hoa in the library on Tuesday. The visit ended at noon.",
    "The students held a talk with Tran Van Hoa at the library on Tuesday. At noon the visit ended.",
    "On Tuesday, the students spoke with Tran Van Hoa at the city library. The visit ended at midday.",
    "The students chatted with Tran Van Hoa at the library on Tuesday. The visit ended at noon.",
]


def _story(texts: list[str], extractor, relation: str = "translation") -> tuple[Story, dict[str, Article]]:
    arts = [prepare(extractor, t, f"v{i}") for i, t in enumerate(texts)]
    first = arts[0]
    alignments = [Alignment(first.id, o.id, [AlignedPair([i], [i], 0.9) for i in range(2)]) for o in arts[1:]]
    lineage = [Edge(first.id, o.id, relation, 0.9, 0.9, 0.9) for o in arts[1:]]  # type: ignore[arg-type]
    return Story("s", "t", [a.id for a in arts], alignments, lineage), {a.id: a for a in arts}


def _odd_names(found):
    return [(f.article, f.derived_value, f.severity) for f in found if f.explanation.startswith("Writes ")]


def test_a_name_no_other_version_says_where_the_others_agree_is_medium(extractor):
    odd = "The students spoke with Le Minh Quang at the library on Tuesday. The visit ended at noon."
    story, arts = _story(_RENDERINGS + [odd], extractor)
    found = _odd_names(detect_name_outliers(story, arts))
    assert found == [("v7", "Le Minh Quang", "medium")]


def test_a_body_named_where_the_others_name_none(extractor):
    """"told the Daily Courier" where seven others say the students spoke with the visitor."""
    odd = "Tran Van Hoa told the Daily Courier at the library on Tuesday. The visit ended at noon."
    story, arts = _story(_RENDERINGS + [odd], extractor)
    found = _odd_names(detect_name_outliers(story, arts))
    assert [(a, s) for a, _, s in found] == [("v7", "medium")]
    assert "Daily Courier" in found[0][1]


def test_another_spelling_of_the_agreed_name_is_wording_only(extractor):
    odd = "The students spoke with Tran Van Hoaa at the library on Tuesday. The visit ended at noon."
    story, arts = _story(_RENDERINGS + [odd], extractor)
    assert _odd_names(detect_name_outliers(story, arts)) == []


def test_few_versions_make_no_consensus_on_names(extractor):
    odd = "The students spoke with Le Minh Quang at the library on Tuesday. The visit ended at noon."
    story, arts = _story(_RENDERINGS[:4] + [odd], extractor)
    assert _odd_names(detect_name_outliers(story, arts)) == []


def test_independent_reports_each_name_their_own_people(extractor):
    """Outlets none of which was derived from another may each quote someone else."""
    odd = "The students spoke with Le Minh Quang at the library on Tuesday. The visit ended at noon."
    story, arts = _story(_RENDERINGS + [odd], extractor, relation="independent")
    assert _odd_names(detect_name_outliers(story, arts)) == []


def test_a_version_in_another_language_is_not_read_word_by_word(extractor):
    """Its words are never the others' words; the aligner pairs its sentences by meaning only."""
    same = "The students spoke with Tran Van Hoa at the library on Tuesday. The visit ended at noon."
    french = ("Mardi, les étudiants de la Sorbonne ont longuement parlé avec Monsieur Tran Van Hoa dans la grande "
              "Bibliothèque Mazarine. La Visite du Directeur Général s'est terminée vers midi, selon Madame Dupont.")
    # long enough (200 letters each) for the language of a text in Latin letters to be sure
    english_tail = (" The library, which opened in the autumn, holds old maps, letters and photographs of the"
                    " harbour, and the students plan to come back in the spring to study them with their teachers.")
    french_tail = (" La bibliothèque, ouverte cet automne, conserve de vieilles cartes, des lettres et des"
                   " photographies du port, et les étudiants comptent revenir au printemps pour les étudier.")
    texts = [t + english_tail for t in _RENDERINGS + [same]] + [french + french_tail]
    story, arts = _story(texts, extractor)
    assert _odd_names(detect_name_outliers(story, arts)) == []


# The others write one family name, each with another given name: they agree on no one. Candidate of
# cons29 (session 29, issue 17 item 4.1): such a name word, written by most others only inside longer
# names whose other words they do not agree on, was no agreed word. On bench_translations tune it removed
# the medium consensus_outlier on a version that wrote the right name and one right one on a version
# whose segment was marked (recall 136 -> 135/303): dropped; the case stays a strict xfail, the control
# (others agreeing on two words of three) passes.
_ONE_FAMILY_NAME = [
    "The students spoke with Chen Haoran at the library on Tuesday. The visit ended at noon.",
    "On Tuesday the students talked with Chen Haolan in the library. The visit was over by noon.",
    "The students met Chen Hao at the library on Tuesday. The visit finished at noon.",
    "Students spoke to Chen Ran in the library on Tuesday. The visit ended at noon.",
    "The students held a talk with Chen Harun at the library on Tuesday. At noon the visit ended.",
    "On Tuesday, the students spoke with Chen Haoyu at the city library. The visit ended at midday.",
    "The students chatted with Chen Hoa at the library on Tuesday. The visit ended at noon.",
]


@pytest.mark.xfail(strict=True, reason="cons29 candidate dropped: a family name the others share with differing given"
                   " names no longer counted as agreed; tune recall 136 -> 135/303 (one right medium lost), so not measured")
def test_a_family_name_the_others_share_with_different_given_names_is_no_consensus(extractor):
    """"Chen Haoran", "Chen Haolan", "Chen Ran": the others agree only on "Chen"; the version that
    writes "Jin Ho-ran" may be the one that wrote the name right."""
    odd = "The students spoke with Jin Ho-ran at the library on Tuesday. The visit ended at noon."
    story, arts = _story(_ONE_FAMILY_NAME + [odd], extractor)
    assert _odd_names(detect_name_outliers(story, arts)) == []


def test_others_that_agree_on_more_of_the_name_agree_on_a_person(extractor):
    """"Tran Van Hoa", "Tran Van Hoan", "Tran Van Ha": two words of three agreed, one person."""
    given = ["Hoa", "Hoan", "Ha", "Hoa", "Hoang", "Hao", "Hoa"]
    texts = [t.replace("Van Hoa", f"Van {g}") for t, g in zip(_RENDERINGS, given)]
    odd = "The students spoke with Le Minh Quang at the library on Tuesday. The visit ended at noon."
    story, arts = _story(texts + [odd], extractor)
    assert [(a, s) for a, _, s in _odd_names(detect_name_outliers(story, arts))] == [("v7", "medium")]
