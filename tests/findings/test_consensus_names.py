"""A name one of many versions writes where the others agree on other words (findings/detectors/consensus_names.py).

Invented sentences: eight renderings of one short report, worded a little differently each, as
translations by several systems are.
"""
from __future__ import annotations

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
