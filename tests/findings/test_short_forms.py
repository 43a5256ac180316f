"""One referent named two ways is no swap, no attribution change, no omission and no addition: a body
by its acronym (letters that begin its words, or more than one letter of a word: "CCTV" / "China
Central Television", "NORAD" / "North American Aerospace Defense Command"), with the place heading
it left out ("FAA" / "U.S. Federal Aviation Administration"), or with one word of it written short
("EU Commission" / "European Commission"). Letters the other name's words do not make are another
body: "WHO" / "World Trade Organization", "FAA" / "Federal Railroad Administration" stay swaps.
The detectors drop a finding only on the plain fit; a loose one is a doubt, so a swap or attribution
change that would be high is medium, saying how the letters fit (precision first)."""
from __future__ import annotations

import pytest

from storytrace.findings.severity import Signal
from storytrace.findings.short_forms import leading_cuts, leading_initials, letters_fit, loose_fit, one_referent, written_short
from storytrace.severity_basis import why_severity

from .helpers import pair_findings


@pytest.mark.parametrize("short,long", [
    ("FAA", "Federal Aviation Administration"),
    ("FAA", "U.S. Federal Aviation Administration"),
    ("CCTV", "China Central Television"),
    ("NORAD", "North American Aerospace Defense Command"),
    ("PBOC", "People's Bank of China"),
    ("PBC", "People's Bank of China"),
    ("KCNA", "Korean Central News Agency"),
    ("U.N.", "United Nations"),
])
def test_an_acronym_fits_its_name(short, long):
    assert written_short(short, long, loose=True)
    assert one_referent(long, short, loose=True)


@pytest.mark.parametrize("short,long,plain", [
    ("PBOC", "People's Bank of China", True),
    ("PBC", "People's Bank of China", True),
    ("KCNA", "Korean Central News Agency", True),
    ("FAA", "U.S. Federal Aviation Administration", False),
    ("CCTV", "China Central Television", False),
    ("NORAD", "North American Aerospace Defense Command", False),
])
def test_searched_across_an_article_only_the_plain_initials_fit(short, long, plain):
    # across a whole article, with its many names and acronyms, a loose fit would find partners by chance
    assert one_referent(short, long) is plain


@pytest.mark.parametrize("short,long", [
    ("WHO", "World Trade Organization"),
    ("WTO", "World Health Organization"),
    ("FAA", "Federal Railroad Administration"),
    ("CNN", "China News Service"),
    ("EU", "Federal Reserve"),
])
def test_letters_another_name_does_not_make_are_another_body(short, long):
    assert not one_referent(short, long, loose=True)


def test_a_place_the_name_leaves_implicit_gives_a_letter_only_in_the_sentence_that_renders_it():
    assert letters_fit("stb", "Tourism Board", implicit_head=True, loose=True)  # "the STB" for "the (Singapore) Tourism Board"
    assert not letters_fit("stb", "Tourism Board", loose=True)
    assert not one_referent("PBOC", "Bank of China", loose=True)  # the People's Bank of China is another bank


def test_one_word_written_short():
    assert one_referent("EU Commission", "European Commission", loose=True)
    assert not one_referent("EU Commission", "Electoral Commission", loose=True)
    assert not one_referent("European Commission", "European Council", loose=True)


def test_letters_fit_needs_every_word_of_a_short_acronym():
    assert letters_fit("faa", "Federal Aviation Administration")
    assert not letters_fit("fa", "Federal Aviation Administration", loose=True)  # "Administration" gives no letter


def _counted(findings):
    return [f for f in findings if f.type in ("entity_swap", "unsupported_addition", "omission", "attribution_change")
            and f.severity != "low"]


ONE_BODY_TWO_WAYS = [
    ("The U.S. Federal Aviation Administration said the plane landed safely on Tuesday.",
     "The FAA said the plane landed safely on Tuesday."),
    ("The FAA said the plane landed safely on Tuesday.",
     "The U.S. Federal Aviation Administration said the plane landed safely on Tuesday."),
    ("China Central Television reported that the bridge opened on Monday.",
     "CCTV reported that the bridge opened on Monday."),
    ("According to CCTV, the bridge opened on Monday.",
     "According to China Central Television, the bridge opened on Monday."),
    ("The European Commission approved the plan on Friday.",
     "The EU Commission approved the plan on Friday."),
    ("The EU Commission approved the plan on Friday.",
     "The European Commission approved the plan on Friday."),
    ("The North American Aerospace Defense Command tracked the balloon over Montana.",
     "NORAD tracked the balloon over Montana."),
    ("NORAD tracked the balloon over Montana.",
     "The North American Aerospace Defense Command tracked the balloon over Montana."),
]


@pytest.mark.parametrize("source,derived", ONE_BODY_TWO_WAYS)
@pytest.mark.xfail(strict=True, reason="known wrong findings: the detectors ask short_forms for the plain initials only; "
                   "the loose fits (candidates C, C', L of session 14, bench/RESULTS.md) each lost one right WMT "
                   "confirm catch and were dropped; so did lowering them to low (session 15, short15, candidate A): "
                   "no bench figure counts a low finding; and so did one step lower (candidate D: a high swap or "
                   "attribution medium, a medium finding low); the finding is medium now, not high (session 15, "
                   "short15b: test_one_body_named_two_ways_is_no_high_finding)")
def test_one_body_named_two_ways_is_no_finding(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.parametrize("source,derived", ONE_BODY_TWO_WAYS)
def test_one_body_named_two_ways_is_no_high_finding(extractor, source, derived):
    # precision first: a loose fit is a doubt that the two names are two bodies, so the change is
    # shown, medium, never high
    found = pair_findings(extractor, source, derived, [([0], [0])])
    assert not [f for f in found if f.severity == "high"]
    assert [f for f in _counted(found) if f.severity == "medium" and f.lacks == [Signal.DISTINCT_NAME.value]]


@pytest.mark.parametrize("source,derived,fit", [
    ("China Central Television reported that the bridge opened on Monday.",
     "CCTV reported that the bridge opened on Monday.",
     'the letters of "CCTV" fit "C(hina) C(entral) T(ele)V(ision)"'),
    ("According to CCTV, the bridge opened on Monday.",
     "According to China Central Television, the bridge opened on Monday.",
     'the letters of "CCTV" fit "C(hina) C(entral) T(ele)V(ision)"'),
    ("The U.S. Federal Aviation Administration said the plane landed safely on Tuesday.",
     "The FAA said the plane landed safely on Tuesday.",
     'the letters of "FAA" fit "(U.S.) F(ederal) A(viation) A(dministration)"'),
    ("The European Commission approved the plan on Friday.",
     "The EU Commission approved the plan on Friday.", '"EU" is written for "European"'),
])
def test_a_medium_on_a_loose_fit_says_how_the_letters_fit(extractor, source, derived, fit):
    found = [f for f in pair_findings(extractor, source, derived, [([0], [0])]) if f.severity == "medium"]
    assert len(found) == 1
    f = found[0]
    assert f.explanation.endswith(f" Medium, not high: the two names may be one body written short: {fit}.")
    assert f.lacks == [Signal.DISTINCT_NAME.value] and "not made of the old one's words" in why_severity(f)


@pytest.mark.parametrize("a,b,how", [
    ("CCTV", "China Central Television", 'the letters of "CCTV" fit "C(hina) C(entral) T(ele)V(ision)"'),
    ("FAA", "U.S. Federal Aviation Administration", 'the letters of "FAA" fit "(U.S.) F(ederal) A(viation) A(dministration)"'),
    ("NORAD", "North American Aerospace Defense Command",
     'the letters of "NORAD" fit "NOR(th) A(merican) (Aerospace) D(efense) (Command)"'),
    ("European Commission", "EU Commission", '"EU" is written for "European"'),
    ("FAA", "Federal Aviation Administration", None),  # the plain initials: one body, no finding at all
    ("WHO", "World Trade Organization", None),  # another body
])
def test_a_loose_fit_says_how_the_letters_fit(a, b, how):
    assert loose_fit(a, b) == how
    assert loose_fit(b, a) == how


@pytest.mark.parametrize("source,derived", [
    ("The WHO said the outbreak was over.", "The World Trade Organization said the outbreak was over."),
    ("The WHO said the outbreak was over.", "The WTO said the outbreak was over."),
    ("The FAA said the plane landed safely on Tuesday.",
     "The Federal Railroad Administration said the plane landed safely on Tuesday."),
])
def test_another_body_is_still_a_high_swap(extractor, source, derived):
    found = _counted(pair_findings(extractor, source, derived, [([0], [0])]))
    assert any(f.type == "entity_swap" and f.severity == "high" for f in found)


def test_a_bank_that_lacks_the_acronyms_first_word_is_another_bank(extractor):
    # "PBOC" is the People's Bank of China; "the Bank of China" is another bank, not the same body
    # with its heading place left implicit
    assert _counted(pair_findings(extractor, "The PBOC cut its lending rate on Monday.",
                                  "The Bank of China cut its lending rate on Monday.", [([0], [0])]))


# One name written two ways: an acronym with or without its stops ("U.S." / "US", "U.N." / "UN") is one
# name for every detector that compares names.

@pytest.mark.xfail(strict=True, reason="known wrong omission: the hole check looks for the name's words with their stops; "
                   "candidate B of session 15 (short15: an acronym with or without its stops, in capitals) moved no "
                   "confirm figure and was dropped")
def test_an_acronym_without_its_stops_is_no_omission_beside_a_hole(extractor):
    # the version has a hole ("in the .") where some other word went missing; the name it keeps as "US" is not it
    found = _counted(pair_findings(extractor, "The U.S. Department of Labor said on Friday that the rate fell.",
                                   "The US Department of Labor said on Friday that the rate fell in the .", [([0], [0])]))
    assert not [f for f in found if f.type == "omission" and "Labor" in f.source_value]


@pytest.mark.parametrize("source,derived", [
    ("The U.N. said aid trucks reached the city on Sunday.", "The UN said aid trucks reached the city on Sunday."),
    ("The UN said aid trucks reached the city on Sunday.", "The U.N. said aid trucks reached the city on Sunday."),
    ("The US Federal Reserve raised rates on Wednesday.", "The U.S. Federal Reserve raised rates on Wednesday."),
])
def test_an_acronym_without_its_stops_is_no_addition(extractor, source, derived):
    assert not [f for f in _counted(pair_findings(extractor, source, derived, [([0], [0])]))
                if f.type == "unsupported_addition"]


@pytest.mark.parametrize("source,derived", [
    ("Officials from the U.S. and China met in Geneva on Monday.", "Officials from the US and China met in Geneva on Monday."),
    ("Officials from the US and China met in Geneva on Monday.", "Officials from the U.S. and China met in Geneva on Monday."),
    ("The U.N. Security Council met in New York on Monday.", "The UN Security Council met in New York on Monday."),
])
def test_an_acronym_without_its_stops_is_no_swap(extractor, source, derived):
    assert not [f for f in _counted(pair_findings(extractor, source, derived, [([0], [0])]))
                if f.type == "entity_swap"]


# One holiday or event by another of its names ("Independence Day" / "the Fourth of July", "New Year's Day" /
# "January 1": WordNet gives both names to one sense). "Spring Festival" / "Lunar New Year" is not in WordNet.

# Session 21 (fa21, names of one WordNet sense whose lemmas are all names, entities_cmp.other_name_of_place)
# clears the first; "January 1" is no name written as one (its "1" has no capital), so the second stays.
@pytest.mark.parametrize("source,derived", [
    ("Millions of people travel home for Independence Day every year.",
     "Millions of people travel home for the Fourth of July every year."),
    pytest.param("The museum will be closed on New Year's Day, the director said.",
                 "The museum will be closed on January 1, the director said.",
                 marks=pytest.mark.xfail(strict=True, reason="known wrong findings: candidate C of session 15 (short15: "
                                         "another name WordNet gives the holiday's sense, said in the aligned sentence) "
                                         "moved no confirm figure and was dropped")),
])
def test_a_holiday_by_another_of_its_names_is_no_omission(extractor, source, derived):
    found = _counted(pair_findings(extractor, source, derived, [([0], [0])]))
    assert not [f for f in found if f.type == "omission"]


def test_another_holiday_is_still_an_omission(extractor):
    found = _counted(pair_findings(extractor, "The museum will be closed on Christmas Day, the director said.",
                                   "The museum will be closed on Easter, the director said.", [([0], [0])]))
    assert found


@pytest.mark.parametrize("source,derived", [
    ("Millions of people travel home for the Fourth of July every year.",
     "Millions of people travel home for Independence Day every year."),
    ("The museum will be closed on Christmas Day, the director said.",
     "The museum will be closed on Xmas, the director said."),
])
@pytest.mark.xfail(strict=True, reason="known wrong findings: candidate C of session 15 (short15: another name WordNet "
                   "gives the holiday's sense, said in the aligned sentence) moved no confirm figure and was dropped")
def test_a_holiday_by_another_of_its_names_is_no_swap_and_no_name_left_out(extractor, source, derived):
    found = _counted(pair_findings(extractor, source, derived, [([0], [0])]))
    assert not [f for f in found if f.type in ("entity_swap", "unsupported_addition")
                or (f.type == "omission" and "names" in f.explanation)]


@pytest.mark.xfail(strict=True, reason="known wrong omission: WordNet (the shipped lexical resource) has neither name, "
                   "and no general resource here says the two are one festival; no word list was written for it")
def test_the_spring_festival_as_the_lunar_new_year_is_no_omission(extractor):
    found = _counted(pair_findings(extractor, "Millions of people travel home during the Spring Festival every year.",
                                   "Millions of people travel home during the Lunar New Year every year.", [([0], [0])]))
    assert not [f for f in found if f.type == "omission"]


def test_a_names_first_words_by_their_letters():
    # "HCM City" writes "Ho Chi Minh" by its letters and "City" out; one word at least stays written out
    assert leading_cuts(["Ho", "Chi", "Minh", "City"]) == [("hc", ["Minh", "City"]), ("hcm", ["City"])]
    assert leading_initials("United Nations Security Council") == {"un", "uns"}
    assert leading_initials("the Red Cross") == set()  # two capitalised words make the whole name's initials only
