"""The channel of saying is not the speaker (nlp/channel.py), and quotation marks of other
languages are quotation marks (nlp/quotes.py): session 18, issue 17 point 2."""
from datetime import date

from storytrace.model import Article
from storytrace.nlp.quotes import find_quote_spans


def run(extractor, text):
    return extractor.process(Article(id="r", source_path="", original_text=text, published=date(2024, 3, 14)))


def quotes(extractor, text):
    return [(q.text, q.speaker) for q in run(extractor, text).quotes]


def spans(extractor, text):
    a = run(extractor, text)
    return [a.text[p.start:p.end] for p in find_quote_spans(a.text, a.paragraphs)]


# ---- the channel of saying -------------------------------------------------------------------


def test_platform_after_announcement_is_not_the_speaker(extractor):
    """"made the announcement on Twitter ... and said": Twitter is where it was said (the tagger may
    call it a person); the quote is hers or no one's, never Twitter's."""
    text = 'Ellen DeGeneres made the announcement on Twitter on Friday and said: "I am hosting the show next year!"'
    assert all(speaker != "Twitter" for _, speaker in quotes(extractor, text))


def test_the_owner_of_the_statement_stays_the_speaker(extractor):
    text = 'In John Smith\'s statement on Monday, he said: "We are ready to close the bridge tomorrow."'
    assert [s for _, s in quotes(extractor, text)] == ["John Smith"]


def test_platform_in_a_post_is_not_the_speaker(extractor):
    text = 'In a Facebook post on Monday, Mayor John Smith wrote: "We are ready to close the bridge tomorrow."'
    assert [s for _, s in quotes(extractor, text)] == ["John Smith"]


# ---- quotation marks of other languages ---------------------------------------------------------


def test_guillemets_french_order(extractor):
    text = "« We are ready to close the bridge tomorrow », Mayor John Smith said."
    assert quotes(extractor, text) == [("We are ready to close the bridge tomorrow", "John Smith")]


def test_guillemets_reversed_german_order(extractor):
    text = "»We are ready to close the bridge tomorrow«, Mayor John Smith said."
    assert quotes(extractor, text) == [("We are ready to close the bridge tomorrow", "John Smith")]


def test_guillemet_as_a_separator_opens_nothing(extractor):
    assert spans(extractor, "Home » News » World. The council met on Monday, officials said.") == []


def test_cjk_corner_brackets(extractor):
    assert spans(extractor, "「我们准备好关闭这座桥」，市长王明说。") == ["我们准备好关闭这座桥"]
    assert [t for t, _ in quotes(extractor, "「我们准备好关闭这座桥」，市长王明说。")] == ["我们准备好关闭这座桥"]


def test_straight_single_quotes_as_primary_marks(extractor):
    text = "'We are ready to close the bridge tomorrow,' Mayor John Smith said."
    assert quotes(extractor, text) == [("We are ready to close the bridge tomorrow", "John Smith")]


def test_a_word_that_opens_with_an_apostrophe_starts_no_quotation(extractor):
    """"'em", "'90s": an elided word's apostrophe is no opening mark; read as one, the quotation ran
    over the narration up to the next real quotation (and took its speaker)."""
    text = "Let 'em go, he said. 'We are ready to close the bridge,' Mayor John Smith said."
    assert spans(extractor, text) == ["We are ready to close the bridge"]
    text = "In the '90s, Smith said, 'We are ready to close the bridge.' Then he left."
    assert spans(extractor, text) == ["We are ready to close the bridge."]


def test_possessive_apostrophes_are_no_quotation(extractor):
    text = "The players' union and the teams' coaches met on Monday, officials said."
    assert spans(extractor, text) == []


# ---- the channel test itself, on the parse ---------------------------------------------------------

CHANNELS = [
    ("DeGeneres herself announced the news Friday morning on Twitter, writing that she would host.", "Twitter", True),
    ("Maria Lopez said in a Facebook post that the bridge would close.", "Facebook", True),
    ("The minister said in an interview with CNN that talks would resume.", "CNN", True),
    ("Maria Lopez wrote via Instagram that she was leaving the club.", "Instagram", True),
    ("Maria Lopez spoke in Paris on Monday about the bridge closure.", "Paris", False),
    ("Maria Lopez met John Smith on Monday.", "John Smith", False),
    ("Maria Lopez said on Monday that Google would pay the fine.", "Google", False),
    # the owner of the words or the medium said them, or they were about him: never the channel
    ("In John Smith's statement on Monday, the mayor said the bridge would close.", "John Smith", False),
    ("Maria Lopez wrote on John Smith's death in a column.", "John Smith", False),
    ("Maria Lopez commented on John Smith's remarks about the bridge.", "John Smith", False),
]


def test_channel_of_saying_on_the_parse(extractor):
    from storytrace.nlp.channel import spacy_channel

    for text, name, expected in CHANNELS:
        doc = extractor.nlp(text)
        start = text.index(name)
        toks = [t for t in doc]
        first = next(t.i for t in toks if t.idx >= start)
        end = next((t.i for t in toks if t.idx >= start + len(name)), len(toks))
        assert spacy_channel(toks, first, end) is expected, text
