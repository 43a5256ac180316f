"""Articles pasted without a headline: a hook (a rhetorical question, an interjection, a quote
fragment) is not their title when a sentence that reads as a news lead follows. Hand-written texts."""
from __future__ import annotations

from storytrace.ingest import article_from_text
from storytrace.ingest.lead import is_poor_title, lead_title, reads_as_lead
from storytrace.model import Article, Sentence
from storytrace.stories.build import story_title

LEAD = "Actress Marla Quennell has checked into the Stillwater Recovery Center, her publicist said on Tuesday."
REST = "Quennell, 34, asked fans to respect her privacy.\nShe finished filming Glass Harbour last month."


def test_a_rhetorical_question_is_not_the_title():
    a = article_from_text("It's about time, right?\n" + LEAD + "\n" + REST)
    assert a.title == LEAD
    assert a.metadata["field_sources"]["title"] == "inferred from text"
    assert a.original_text.startswith("It's about time, right?")  # the hook stays in the text: nothing lost


def test_an_interjection_and_a_quote_fragment_are_not_the_title():
    a = article_from_text("It's a party ... a clinic party!\n" + LEAD + "\n" + REST)
    assert a.title == LEAD
    b = article_from_text("\u201cWe ask for privacy at this time\n" + LEAD + "\n" + REST)
    assert b.title == LEAD
    assert b.metadata["field_sources"]["title"] == "inferred from text"


def test_a_headline_is_still_the_title():
    a = article_from_text("Quennell checks into Stillwater clinic\n\n" + LEAD + "\n" + REST)
    assert a.title == "Quennell checks into Stillwater clinic"


def test_with_no_lead_the_first_line_names_the_text_and_is_marked_inferred():
    a = article_from_text("What now?\nnobody knows yet.\nwe will see.")
    assert a.title == "What now?"
    assert a.metadata["field_sources"]["title"] == "inferred from text"


def test_what_reads_as_a_lead():
    assert reads_as_lead(LEAD)
    assert not reads_as_lead("It's about time, right?")
    assert not reads_as_lead("Hey, if you're going to rehab anyway, might as well enjoy it.")  # names no one
    assert not reads_as_lead("The best and the worst of a long, strange year in Port Avelin")  # no finite verb
    assert reads_as_lead("It's a hard job hosting the Harbour Film Awards in Port Avelin.")  # "it's": finite
    assert is_poor_title("\u201cI never saw it coming,\u201d") and not is_poor_title("Port approves terminal")
    assert lead_title(["Wow!", "Hey, might as well.", LEAD]) == LEAD
    long_lead = LEAD[:-1] + " after a year in which she " + "worked on three films in a row " * 3 + "."
    assert lead_title([long_lead]).endswith("…") and len(lead_title([long_lead])) <= 121


def test_an_untitled_article_names_its_story_by_its_lead():
    sentences = ["It's about time, right?", LEAD]
    a = Article(id="q", source_path="q", original_text=" ".join(sentences), text=" ".join(sentences),
                sentences=[Sentence(i, 0, len(s), s) for i, s in enumerate(sentences)])
    assert story_title(a) == LEAD
