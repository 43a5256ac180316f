"""Cleaning: debris goes, body text stays, and every cleaned character maps back to the original."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storytrace.ingest import article_from_text
from storytrace.ingest.clean import clean_article, clean_text, find_removals
from storytrace.model import Article

BODY_1 = "A fire broke out at the harbour on Monday, destroying two fishing boats, the port authority said."
BODY_2 = '"We will rebuild this harbour stronger than before," said Maria Lopez, the harbour master.'
BODY_3 = "The cause of the fire is not yet known. Investigators will visit the site on Tuesday."


def cleaned(text: str) -> Article:
    article = Article(id="t", source_path="", original_text=text)
    clean_article(article)
    return article


def assert_maps_back(article: Article) -> None:
    for i, ch in enumerate(article.text):
        assert article.original_text[article.offset_map.to_original(i)] == ch, i


def assert_tiles_original(article: Article) -> None:
    """Kept runs and removals together are exactly the original: nothing lost, nothing doubled."""
    text, removals = article.original_text, article.removals
    pos = 0
    rebuilt = []
    for r in removals:
        assert r.start >= pos and r.end > r.start and text[r.start:r.end] == r.text
        rebuilt.append(text[pos:r.start])
        pos = r.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == article.text


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Advertisement", "advert"),
        ("ADVERTISEMENT", "advert"),
        ("Sponsored", "advert"),
        ("- Advertisement -", "advert"),
        ("Story continues below advertisement", "advert"),
        ("Share this article", "share"),
        ("Share on Facebook", "share"),
        ("Share on Facebook | Share on Twitter | Email", "share"),
        ("Comments (12)", "share"),
        ("12 comments", "share"),
        ("Follow us on Twitter and Instagram", "footer"),
        ("Follow Jane Doe on X", "footer"),
        ("Topics: Trade · Japan · European Union", "footer"),
        ("Read more: Minister resigns over port contract", "footer"),
        ("Sign up for our newsletter", "footer"),
        ("Sign up to our free daily newsletter for the top stories", "footer"),
        ("© 2024 Daily Planet. All rights reserved.", "footer"),
        ("© AP Photo", "photo_credit"),
        ("Photo: © AP Photo", "photo_credit"),
        ("Photo: Reuters", "photo_credit"),
        ("Photograph: Jane Smith/Getty Images", "photo_credit"),
        ("(Getty Images)", "photo_credit"),
        ("AP Photo/Evan Vucci", "photo_credit"),
        ("Photo by Jane Smith/AFP", "photo_credit"),
        ("(Photo by Jon Eide)", "photo_credit"),
        ("Jon Eide/Harbour Press", "photo_credit"),
        ("3 min read", "share"),
        ("Listen to this article", "share"),
        ("Reading time: 4 minutes", "share"),
        ("Source: Eurostat", "chart_caption"),
        ("Chart: cars shipped from Japan to the EU. Source: Eurostat", "chart_caption"),
        ("Graphic: How the tariff falls over seven years", "chart_caption"),
        ("Photo taken on Feb. 7, 2024 shows workers at the harbour.", "caption"),
        ("Caption: The harbour at dawn.", "caption"),
        ("This article was originally published by The Harbour Gazette.", "republisher"),
        ("This story first appeared in The Harbour Gazette and is republished with permission.", "republisher"),
        ("Translated by Ana Ruiz.", "translator"),
        ("Translation: Ana Ruiz", "translator"),
        ("(Translated from the Spanish by Ana Ruiz)", "translator"),
        ("Unauthorised reproduction is prohibited.", "reproduction_notice"),
        ("No part of this article may be reproduced without permission.", "reproduction_notice"),
        ("Your email address will not be published. Required fields are marked *", "comment_form"),
        ("Name * Email * Website", "comment_form"),
        ("Post Comment", "comment_form"),
        # A page's date stamp says when the page was published, not what happened.
        ("PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2: 29 PM", "date_stamp"),
        ("Jul 13, 2009 11: 23am", "date_stamp"),
        ("8: 56am Monday 10th June 2013", "date_stamp"),
        ("on July 13, 2009 at 10: 50 AM, updated July 29, 2009 at 12: 16 PM", "date_stamp"),
        ("First Posted: 08 / 04 / 11 06: 44 PM ET Updated: 10 / 04 / 11 06: 12 AM ET", "date_stamp"),
        ("Last updated at 11: 24, Tuesday, 18 June 2013", "date_stamp"),
        ("August 9, 2011", "date_stamp"),
        # Links to the neighbouring pages: the guillemets point the way, they quote nothing (issue 17, session 19).
        ("« Previous Post Next Post »", "navigation"),
        ("‹ Older | Newer ›", "navigation"),
        ("<< Prev  Next >>", "navigation"),
    ],
)
def test_debris_line_is_removed(line, kind):
    text = f"{BODY_1}\n\n{line}\n\n{BODY_3}\n"
    a = cleaned(text)
    assert [r.kind for r in a.removals] == [kind]
    assert a.removals[0].text.strip() == line
    assert a.text == f"{BODY_1}\n\n{BODY_3}\n"  # one paragraph break left, not two
    assert_maps_back(a)


@pytest.mark.parametrize(
    "sentence",
    [
        "Share prices fell 3% after the announcement.",
        "Share",  # alone it is a share button; inside prose below it must stay
        "The source of the fire is unknown.",
        "Sources: officials told reporters on Monday that the talks had collapsed over the cheese quota.",
        "Related news emerged on Monday when the minister resigned.",
        "Follow-up talks are planned for May.",
        "Advertisement revenue at the paper fell by a third last year.",
        "Photo identification will be required at polling stations, the commission said.",
        "Pictures by the hundreds flooded social media.",
        "(c) The committee shall publish its findings within a month.",
        "Comments made by the minister on Monday caused an uproar.",
        "Email records show the minister knew about the fire.",
        "Topics discussed included tariffs and cheese.",
        "Reuters",
        "The ministry said the fire was contained (Reuters).",
        "Note: this article was amended on 12 March to correct the number of boats.",
        "The photographs taken by the crew show the damage.",
        "Photo taken by the coast guard shows the burnt boats.",
        "The report may not be published before Monday, officials said.",
        "The court said reproduction of the logo without permission was illegal.",
        "The translation of the treaty took the ministry three months.",
        "Officials said the report was first published in March by the ministry.",
        "The Pass/Fail Rule",  # a headline with a slash is no "Name/Agency" credit
        "Students read for 3 min each day.",
        "42",  # a lone figure names no date
        "March 11, 2013: talks collapse",  # a timeline entry says what happened
        "The talks resumed on March 11, 2013 at 10: 50 AM.",
        "Monday 2.5 million",
        "« Nous sommes prêts à fermer le pont demain »",  # a quotation: prose, with lower-case words
        "»Wir schaffen das«",
        "« Liberté, Égalité »",
    ],
)
def test_body_sentences_are_kept(sentence):
    if sentence == "Share":
        text = f"{BODY_1} Share the cost, the minister said. {BODY_3}"
    else:
        text = f"{BODY_1}\n\n{sentence}\n\n{BODY_3}"
    a = cleaned(text)
    assert a.removals == [] and a.text == text


def test_inline_residue_is_cut_not_replaced():
    text = "The talks stalled [last spring](#) over a \\$42.7bn quota ![chart](/img/c.png) and [resumed](https://x.example/a)."
    a = cleaned(text)
    assert a.text == "The talks stalled last spring over a $42.7bn quota  and resumed."
    assert [r.kind for r in a.removals] == ["link_residue", "link_residue", "escape", "image", "link_residue", "link_residue"]
    assert_maps_back(a)
    assert_tiles_original(a)
    start = a.text.index("last spring")
    assert a.original_span(start, start + len("last spring")) == (text.index("last spring"), text.index("](#)"))


def test_pull_quote_repeating_the_body_is_removed_and_the_body_kept():
    text = f"{BODY_1}\n\n{BODY_2}\n\n“We will rebuild this harbour stronger than before”\n\n{BODY_3}"
    a = cleaned(text)
    assert [r.kind for r in a.removals] == ["pull_quote"]
    assert a.text == f"{BODY_1}\n\n{BODY_2}\n\n{BODY_3}"


def test_blockquote_pull_quote_with_speaker():
    text = f"{BODY_2}\n\n> \"We will rebuild this harbour stronger than before\" — Maria Lopez\n\n{BODY_3}"
    a = cleaned(text)
    assert [r.kind for r in a.removals] == ["pull_quote"]


def test_short_repeated_stock_phrase_is_not_a_pull_quote():
    text = f"{BODY_1}\n\nThe ministry declined to comment.\n\n{BODY_3}\n\nThe ministry declined to comment."
    assert cleaned(text).removals == []


def test_trailing_credit_on_a_caption_line():
    text = f"{BODY_1}\n\nFirefighters at the harbour on Monday. (AP Photo/Evan Vucci)\n\n{BODY_3}"
    a = cleaned(text)
    assert [(r.kind, r.text) for r in a.removals] == [("photo_credit", " (AP Photo/Evan Vucci)")]
    assert "Firefighters at the harbour on Monday.\n" in a.text


def test_clean_is_idempotent_and_keeps_the_original():
    text = f"Advertisement\n{BODY_1}\nShare this article"
    a = cleaned(text)
    first = (a.text, list(a.removals))
    clean_article(a)
    assert (a.text, a.removals) == first and a.original_text == text
    assert a.text == BODY_1 + "\n"


def test_everything_debris_gives_empty_text():
    a = cleaned("Advertisement\nShare this article\n")
    assert a.text == "" and len(a.removals) == 2


def test_example_style_markdown_article():
    a = article_from_text(
        "# Deal signed\n\nShare this article\n\nPhoto: © AP Photo\n\n"
        f"The deal covers trade worth about \\$210bn a year. {BODY_1}\n\nAdvertisement\n\n{BODY_3}\n\n"
        "Topics: Trade · Japan\n",
        id="md",
    )
    clean_article(a)
    assert a.text == f"The deal covers trade worth about $210bn a year. {BODY_1}\n\n{BODY_3}\n\n"
    assert_maps_back(a)
    assert_tiles_original(a)


# -- properties ---------------------------------------------------------------------------------
DEBRIS_LINES = [
    "Advertisement", "ADVERTISEMENT", "Sponsored", "Share this article", "Share on Facebook", "Comments (12)",
    "Follow us on Twitter", "Topics: Trade, Japan", "Read more: Minister resigns", "Sign up for our newsletter",
    "© AP Photo", "Photo: Reuters", "(Getty Images)", "Source: Eurostat", "Chart: Car exports by year",
]
WORD = st.text(
    alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Lo", "Mn", "Nd"), max_codepoint=0x2FFF),
    min_size=1, max_size=8,
)


@st.composite
def inline_word(draw):
    """(as written, as it should read after cleaning)"""
    word = draw(WORD)
    form = draw(st.sampled_from(["plain", "plain", "plain", "link", "escape"]))
    if form == "link":
        return f"[{word}](#)", word
    if form == "escape":
        return f"\\${word}", f"${word}"
    return word, word


@st.composite
def article_with_debris(draw):
    """(original text, expected non-space characters of the body, debris lines inserted)"""
    n = draw(st.integers(1, 6))
    parts, expected, debris = [], [], []
    for i in range(n):
        words = draw(st.lists(inline_word(), min_size=3, max_size=15))
        # a unique first word: random paragraphs must not repeat each other (that is a pull quote)
        written = f"Para{i} " + " ".join(w for w, _ in words) + "."
        parts.append(written)
        expected.append(f"Para{i}" + "".join(e for _, e in words) + ".")
        for line in draw(st.lists(st.sampled_from(DEBRIS_LINES), max_size=2)):
            parts.append(line)
            debris.append(line)
    sep = draw(st.sampled_from(["\n", "\n\n"]))
    return sep.join(parts), "".join(expected), debris


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_with_debris())
def test_property_debris_removed_body_kept_offsets_exact(case):
    text, expected_body, debris = case
    a = cleaned(text)
    assert_maps_back(a)
    assert_tiles_original(a)
    assert "".join(a.text.split()) == "".join(expected_body.split())
    removed = [r.text.strip() for r in a.removals if r.kind not in ("link_residue", "escape")]
    assert removed == debris


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_property_any_text_cleans_without_error_and_maps_back(text):
    removals = find_removals(text)
    clean, offsets = clean_text(text, removals)
    a = Article(id="x", source_path="", original_text=text, text=clean, offset_map=offsets, removals=removals)
    assert_maps_back(a)
    assert_tiles_original(a)


def test_long_hostile_line_is_fast():
    import time

    text = ("[" + "a" * 499) * 2000 + "\\" * 10000 + "![" * 5000 + "\n" + "Share " * 100000
    started = time.perf_counter()
    a = cleaned(text)
    assert time.perf_counter() - started < 10
    assert_tiles_original(a)
