"""A capitalised common noun the tagger calls a person is a title or a category, not a name: "by
Headman" for "by the head of the village" adds no one. A name WordNet does not know as a common
noun is still a name the source lacks."""
from __future__ import annotations

from .helpers import pair_findings

SOURCE = "The fair was opened on Sunday by the head of the village, who thanked the volunteers."


def _counted(findings):
    return [f for f in findings if f.severity != "low"]


def test_a_common_noun_the_tagger_calls_a_person_is_no_new_name(extractor):
    findings = pair_findings(extractor, SOURCE, "The fair was opened on Sunday by Headman, who thanked the volunteers.")
    assert not _counted(findings), findings


def test_a_name_the_source_lacks_is_still_reported(extractor):
    findings = pair_findings(extractor, SOURCE, "The fair was opened on Sunday by Okonkwo, who thanked the volunteers.")
    assert [f for f in _counted(findings) if f.derived_value == "Okonkwo"], findings


def test_a_common_noun_where_the_source_names_a_person_is_still_reported(extractor):
    # a name rendered word for word ("Spring" for a person called so) is a real error
    source = "The fair was opened on Sunday by Chen Chun, who thanked the volunteers."
    findings = pair_findings(extractor, source, "The fair was opened on Sunday by Headman, who thanked the volunteers.")
    assert _counted(findings), findings


def test_a_name_rendered_as_a_common_noun_is_still_reported(extractor):
    source = "Four days later, Modrow said he would help turn East Germany into a democratic state."
    findings = pair_findings(extractor, source, "Four days later, Moderator said he would help turn East Germany into a democratic state.")
    assert _counted(findings), findings


def test_a_name_rendered_as_a_word_is_reported_even_when_named_elsewhere(extractor):
    source = ("Hans Modrow led the party in Dresden for many years. "
              "Four days later, Modrow said he would help turn East Germany into a democratic state.")
    derived = ("Hans Modrow led the party in Dresden for many years. "
               "Four days later, Moderator said he would help turn East Germany into a democratic state.")
    findings = pair_findings(extractor, source, derived)
    assert [f for f in _counted(findings) if f.derived_value == "Moderator"], findings
