"""An outlet is named by its web address or by its words: "Chinanews.com" is "China News Service",
"China News Network" (the address is the first words run together). Two translations of one
dateline or credit write either; that is one outlet, not another name, an addition or an omission.
Another outlet ("CNN.com", "Xinhua", "China Daily") stays a finding."""
from __future__ import annotations

import pytest

from storytrace.findings.detectors.entities_cmp import same_outlet

from .helpers import pair_findings


def _counted(findings):
    return [f for f in findings if f.type in ("entity_swap", "unsupported_addition", "omission", "attribution_change")
            and f.severity != "low"]


def test_same_outlet_reads_the_address_as_the_words_run_together():
    assert same_outlet("Chinanews.com", "China News Service")
    assert same_outlet("China News Network", "Chinanews.com")
    assert same_outlet("CNN.com", "CNN")
    assert not same_outlet("Chinanews.com", "China Daily")
    assert not same_outlet("Chinanews.com", "CNN.com")
    assert not same_outlet("China News Service", "China News Network")  # neither is an address


@pytest.mark.parametrize("source,derived", [
    ("Chinanews.com, Beijing, February 11 -- The report shows that exports rose by 8.6% last year.",
     "China News Service, Beijing, February 11 -- The report shows that exports rose by 8.6% last year."),
    ('"An important engine of global recovery" - Chinanews.com',
     '"An important engine of global recovery" - China News Network'),
    ('"An important engine of global recovery" - China News Network',
     '"An important engine of global recovery" - Chinanews.com'),
    ("According to Chinanews.com, exports rose by 8.6% last year.",
     "According to China News Network, exports rose by 8.6% last year."),
])
def test_one_outlet_by_address_or_words_is_no_finding(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.parametrize("derived", [
    '"An important engine of global recovery" - CNN.com',
    '"An important engine of global recovery" - China Daily',
])
def test_another_outlet_is_still_a_finding(extractor, derived):
    assert _counted(pair_findings(extractor, '"An important engine of global recovery" - Chinanews.com', derived,
                                  [([0], [0])]))


@pytest.mark.parametrize("source,derived", [
    # an organisation's acronym, small words counted or not
    ("China News Service, Beijing, February 11 (Reporter Li Jing) -- Exports rose by 8.6% last year, the report shows.",
     "CNS, Beijing, February 11 (Reporter Li Jing) -- Exports rose by 8.6% last year, the report shows."),
    # an organisation's first words run together into one name
    ("Chinanews client, Beijing, February 11 -- Exports rose by 8.6% last year, the report shows.",
     "China News Service client, Beijing, February 11 -- Exports rose by 8.6% last year, the report shows."),
])
def test_an_organisation_by_its_acronym_or_its_words_run_together_is_no_finding(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_initials_count_the_small_words_too():
    from storytrace.findings.detectors.entities_cmp import initials_of

    assert initials_of("People's Bank of China") == {"pbc", "pboc"}
    assert "kcna" in initials_of("Korean Central News Agency")
    assert not same_outlet("Chong Yang", "Chongyang")  # two people's or places' names: not joined here


# A dateline ("<outlet>, <place>, <date> --") credits the outlet that filed the report, as a wire
# dateline ("LONDON (Reuters) -") does: a version that keeps or drops that credit says nothing else
# about the story, so the outlet is neither added nor omitted. Another outlet credited is still a change.
_BODY = "The city opened 12 new parks this year, the bureau said."


@pytest.mark.parametrize("outlet", ["Chinanews.com", "China News Service", "Lakeside Daily"])
@pytest.mark.parametrize("dropped", [True, False])
def test_an_outlet_kept_or_dropped_from_a_dateline_is_no_finding(extractor, outlet, dropped):
    full, bare = f"{outlet}, Beijing, March 3 -- {_BODY}", f"Beijing, March 3 -- {_BODY}"
    source, derived = (full, bare) if dropped else (bare, full)
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_a_dateline_with_a_reporter_in_brackets_credits_its_outlet(extractor):
    source = f"Lakeside Daily, Beijing, March 3rd (Reporter Li Wei) -- {_BODY}"
    assert _counted(pair_findings(extractor, source, f"Beijing, March 3 -- {_BODY}", [([0], [0])])) == []


def test_another_outlet_in_the_dateline_is_still_a_change(extractor):
    findings = _counted(pair_findings(extractor, f"Chinanews.com, Beijing, March 3 -- {_BODY}",
                                      f"Lakeside Daily, Beijing, March 3 -- {_BODY}", [([0], [0])]))
    assert findings, findings


def test_an_organisation_that_opens_a_sentence_without_a_dateline_is_still_compared(extractor):
    findings = _counted(pair_findings(extractor, f"Beijing, March 3 -- {_BODY}",
                                      f"Beijing, March 3 -- Lakeside Holdings, the bureau said, opened 12 new parks "
                                      f"this year.", [([0], [0])]))
    assert [f for f in findings if "Lakeside" in f.derived_value], findings


# The version's own dateline is a credit too: a reporter it names in brackets filed the report and
# is no person of the story, so naming one the source does not is no addition.
@pytest.mark.parametrize("outlet", ["Lakeside Daily", "Chinanews.com"])
def test_a_reporter_the_version_credits_in_its_dateline_is_no_addition(extractor, outlet):
    derived = f"{outlet}, Beijing, March 3 (Reporter Zhang Min) -- {_BODY}"
    assert _counted(pair_findings(extractor, f"Beijing, March 3 -- {_BODY}", derived)) == []


def test_a_person_named_in_the_story_text_is_still_an_addition(extractor):
    derived = f"Lakeside Daily, Beijing, March 3 -- The city opened 12 new parks this year, Zhang Min said."
    findings = _counted(pair_findings(extractor, f"Beijing, March 3 -- {_BODY}", derived, [([0], [0])]))
    assert [f for f in findings if "Zhang Min" in f.derived_value], findings


# A version that sets its dateline on a line of its own splits the source's first sentence in two:
# the date it keeps there is not left out of the story sentence that follows.
@pytest.mark.xfail(strict=True, reason="coordinator s25 (b1ada2b, 0e584e6), taken back: looking for the source dateline's "
                   "date in the version's cut dateline cost one right omission on bench_translations confirm (113 -> 112/288)")
def test_a_date_kept_in_a_dateline_on_its_own_line_is_not_left_out(extractor):
    derived = f"Parks open\n\nLakeside Daily, Beijing, March 3 (Reporter Zhang Min) --\n\n{_BODY}"
    # the aligner pairs the source's sentence with the story sentence, and the dateline with nothing
    findings = _counted(pair_findings(extractor, f"Parks open\n\nBeijing, March 3 -- {_BODY}", derived, [([0], [1])]))
    assert findings == [], findings


def test_a_number_in_a_neighbouring_sentence_of_its_own_rendering_is_still_left_out(extractor):
    # the neighbour renders another source sentence: the number there is that sentence's
    source = "The bureau opened 12 new parks this year. It planted 300 trees in them."
    derived = "The bureau opened new parks this year. It planted 12 trees in them."
    findings = _counted(pair_findings(extractor, source, derived, [([0], [0]), ([1], [1])]))
    assert [f for f in findings if f.source_value == "12" and f.type == "omission"], findings

# A translation may run the dateline into the first sentence with no dash, the reporter's name in brackets
# closing it ("Chinanews.com, Beijing, February 11 (Men Rui) recently released ..."), and another may set
# the dateline apart as a line of its own ("Beijing, Feb. 11 (Menrui) -- According to ..."): the outlet is
# still only a credit, and the date the dateline gives is the text's, said in either.
_RUN_ON = ("Lakeside Daily, Beijing, March 3 (Li Wei) recently released a survey, which shows that the city "
           "opened 12 new parks this year.")
_SET_APART = ("Beijing, March 3 (Li Wei) -- According to a survey released recently, the city opened 12 new "
              "parks this year.")


# the set-apart dateline is a sentence of its own; the run-on sentence renders the sentence after it.
# fa25 built these (3c59e78) and took them back (e1ff201): no confirm gain, right omissions lost in
# bench_translations (bench/RESULTS.md, "Issue 17, session 25 (fa25)").
_TAKEN_BACK = "fa25 3c59e78, taken back: no confirm gain, bench_translations right omissions lost"


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
@pytest.mark.parametrize("source,derived,pairs", [(_RUN_ON, _SET_APART, [([0], [1])]),
                                                  (_SET_APART, _RUN_ON, [([1], [0])])])
def test_a_dateline_run_into_the_first_sentence_credits_its_outlet(extractor, source, derived, pairs):
    assert _counted(pair_findings(extractor, source, derived, pairs)) == []


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
def test_a_date_run_into_the_first_sentence_is_said_by_a_dateline_set_apart(extractor):
    findings = pair_findings(extractor, _RUN_ON, _SET_APART, [([0], [1])])
    assert not [f for f in findings if f.type == "omission" and f.severity != "low"], findings


def test_a_dateline_date_the_version_gives_nowhere_is_still_left_out(extractor):
    derived = ("Beijing (Li Wei) -- According to a survey that was released recently, the city has opened 12 new "
               "parks this year.")
    findings = pair_findings(extractor, _RUN_ON, derived, [([0], [1])])
    # (the outlet's omission stands for the sentence; with fa25's dateline rule the date's did)
    assert [f for f in findings if f.type == "omission" and f.severity != "low"], findings


def test_a_figure_of_the_story_is_not_kept_by_the_day_in_a_cut_dateline(extractor):
    # the source's "3 trains" is left out; the "3" of the version's dateline is the day, not that figure
    story = "The flood stopped {}trains on the main line between Beijing and Tianjin on Tuesday, the railway operator said."
    derived = "Rail line shut\n\nLakeside Daily, Beijing, March 3 (Reporter Zhang Min) --\n\n" + story.format("")
    source = "Rail line shut\n\nBeijing, March 3 -- " + story.format("3 ")
    findings = _counted(pair_findings(extractor, source, derived, [([0], [1])]))
    assert [f for f in findings if f.type == "omission" and f.source_value == "3"], findings
