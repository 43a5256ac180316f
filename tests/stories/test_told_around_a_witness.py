"""One event told around different people: the victim's report is about the victim, a neighbour's account
is about the neighbour who saw it. The victim's report never names the witness, so the one-sided
protagonist veto ("one never names the other's protagonist: another event") calls them two events. But
the witness's account names the victim as one of its main people (twice or more) and shares another of
them with the victim's report (the police chief): the same people, told from another side. That lifts
the veto, no more: the pair must still pass the score, the agreeing signals and the figures. A report of
a look-alike event that recalls the earlier victim in passing keeps the veto; one that tells the earlier
victim twice, beside the same police chief, is told apart by its figures.

Hand-written articles (fiction); the extractor is the real spaCy one, the document vectors are set.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from profile_helpers import profile
from storytrace.model import Article
from storytrace.stories.build import signals
from storytrace.stories.protagonists import compare_protagonists, protagonists, supporting_cast

VICTIM = (
    "Unarmed teenager shot dead by police in Bristol\n\n"
    "Police shot dead Oren Falk, 17, on Saturday night in Harlow Street, Bristol. Falk was unarmed, his family "
    "said. Police chief Maya Strand said two officers had fired 11 shots. Strand said both officers had been "
    "placed on leave. Falk's mother called for an independent inquiry."
)
WITNESS = (
    "Neighbour describes the Harlow Street shooting\n\n"
    "Dara Quill saw the shooting from her kitchen window. Quill said two officers shot Oren Falk as he ran "
    "past her gate. \"He had nothing in his hands,\" Quill said. Quill has lived in Harlow Street for 20 "
    "years. She counted 11 shots, and Mr Falk fell by the gate. Police chief Maya Strand has asked Quill to give "
    "evidence; Strand said the officers were on leave."
)
# A look-alike event a month later, recalling the first victim once.
NEXT_IN_PASSING = (
    "Man shot dead by police in Bristol\n\n"
    "Police shot dead Ivo Renn, 34, on Friday in Bristol. Renn had a knife, police said. Police chief "
    "Maya Strand said one officer had fired 3 shots. Strand said the officer had been placed on leave. Renn's "
    "brother said he had been ill. The shooting comes a month after police killed Oren Falk."
)
# The same, telling the first victim twice beside the same police chief.
NEXT_RECALLING = NEXT_IN_PASSING + " Falk's family has marched every week since."


@pytest.fixture(scope="module")
def reports(extractor) -> dict[str, Article]:
    out = {}
    for aid, text in (("victim", VICTIM), ("witness", WITNESS), ("passing", NEXT_IN_PASSING),
                      ("recalling", NEXT_RECALLING)):
        a = Article(id=aid, source_path=aid, original_text=text, text=text, title=text.split("\n")[0],
                    published=date(2025, 3, 4), language="en")
        extractor.process(a)
        out[aid] = a
    return out



def pair(reports: dict[str, Article], one: str, other: str, cosine: float = 0.7):
    u = np.array([1.0, 0.0])
    v = np.array([cosine, np.sqrt(1 - cosine ** 2)])
    return signals(profile(0, reports[one], u), profile(1, reports[other], v))


def test_who_the_reports_are_about(reports):
    assert protagonists(reports["victim"]) == {"falk"} and supporting_cast(reports["victim"]) == {"strand"}
    assert protagonists(reports["witness"]) == {"quill"} and supporting_cast(reports["witness"]) == {"falk", "strand"}
    assert protagonists(reports["passing"]) == {"renn"} and supporting_cast(reports["passing"]) == {"strand"}
    assert supporting_cast(reports["recalling"]) == {"falk", "strand"}


def test_the_witness_account_and_the_victim_report_are_one_story(reports):
    s = pair(reports, "victim", "witness")
    assert s.protagonists == "unknown"
    assert s.same_story


def test_a_look_alike_event_recalling_the_victim_in_passing_keeps_the_veto(reports):
    assert pair(reports, "victim", "passing").protagonists == "other"


def test_a_look_alike_event_recalling_the_victim_twice_is_told_apart_by_its_figures(reports):
    s = pair(reports, "victim", "recalling")
    assert s.protagonists == "unknown"  # the same police chief, the first victim told twice ...
    assert not s.same_story  # ... but another day, other figures


def test_both_sides():
    quill, falk = frozenset({"quill"}), frozenset({"falk"})
    witness_names, victim_names = frozenset({"quill", "falk", "strand"}), frozenset({"falk", "strand"})
    # without the casts (or with casts sharing nobody), the one-sided veto stands
    assert compare_protagonists(quill, witness_names, falk, victim_names) == "other"
    assert compare_protagonists(quill, witness_names, falk, victim_names, frozenset({"falk", "strand"}),
                                frozenset({"kell"})) == "other"
    # either order
    assert compare_protagonists(quill, witness_names, falk, victim_names, frozenset({"falk", "strand"}),
                                frozenset({"strand"})) == "unknown"
    assert compare_protagonists(falk, victim_names, quill, witness_names, frozenset({"strand"}),
                                frozenset({"falk", "strand"})) == "unknown"
