"""Language identification and tagging the parts of a mixed-language text."""
import pytest

from storytrace.ingest import article_from_text
from storytrace.ingest.clean import clean_article
from storytrace.model import Article
from storytrace.nlp.language import (
    annotate_language,
    identify_language,
    identify_language_with_confidence,
    normalize_language,
    tag_language_spans,
)

ENGLISH = (
    "The European Union and Japan concluded a trade agreement on cars and farm goods in Brussels late on "
    "Tuesday, ending two years of negotiations that twice came close to collapse."
)
ENGLISH_2 = "Nobody was hurt in the fire, the port authority said in a statement released on Wednesday morning."
CHINESE_CAPTION = "图为布鲁塞尔谈判现场，欧盟和日本代表握手。"


def test_identifies_common_languages():
    assert identify_language(ENGLISH) == "en"
    assert identify_language("Le président a déclaré lundi que l'accord commercial serait signé en mars.") == "fr"
    assert identify_language("Der Minister sagte am Montag, das Abkommen werde im März unterzeichnet.") == "de"
    assert identify_language("欧盟和日本周二在布鲁塞尔达成汽车和奶酪贸易协定。") == "zh"
    assert identify_language("Министр заявил в понедельник, что соглашение будет подписано в марте.") == "ru"


def test_no_letters_gives_no_language():
    assert identify_language("") == ""
    assert identify_language(" 123 \n -- ") == ""
    assert identify_language_with_confidence("") == ("", 0.0)


def test_caption_in_another_script_does_not_outvote_the_body():
    # Byte n-gram scores alone call this Chinese: the body must decide.
    text = f"{ENGLISH}\n\n{CHINESE_CAPTION}\n\n{ENGLISH_2}"
    lang, confidence = identify_language_with_confidence(text)
    assert lang == "en" and confidence > 0.9


def test_mixed_text_is_tagged_by_part_and_neighbours_merged():
    text = f"Trade deal\n\n{ENGLISH}\n{ENGLISH_2}\n\n{CHINESE_CAPTION}\n\n{ENGLISH_2}\nPhoto: Reuters"
    spans = tag_language_spans(text)
    assert [s.language for s in spans] == ["en", "zh", "en"]
    assert text[spans[1].start:spans[1].end] == CHINESE_CAPTION
    # the short title and the credit line inherit the article language and merge into its spans
    assert spans[0].start == 0 and text[spans[0].start:spans[0].end].endswith(ENGLISH_2)
    assert text[spans[2].start:spans[2].end] == f"{ENGLISH_2}\nPhoto: Reuters"


def test_short_latin_lines_default_to_article_language():
    spans = tag_language_spans("Photo: Reuters\nSí\nMerci", "en")
    assert [s.language for s in spans] == ["en"]


def test_a_long_line_in_another_latin_language_is_tagged():
    french = "Le président a déclaré lundi que l'accord commercial serait signé en mars, après deux ans de négociations."
    spans = tag_language_spans(f"{ENGLISH}\n\n{french}\n\n{ENGLISH_2}", "en")
    assert [s.language for s in spans] == ["en", "fr", "en"]


def test_normalize_language():
    assert normalize_language("en-GB") == "en"
    assert normalize_language("EN") == "en"
    assert normalize_language("English") == "en"
    assert normalize_language("zh_Hans") == "zh"
    assert normalize_language("not a language!") == ""
    assert normalize_language(None) == ""


def test_clean_article_sets_language_and_spans_in_cleaned_offsets():
    article = article_from_text(f"Harbour fire\n\nAdvertisement\n\n{ENGLISH}\n\n{CHINESE_CAPTION}\n", id="mixed")
    clean_article(article)
    assert article.language == "en"
    zh = [s for s in article.language_spans if s.language == "zh"]
    assert len(zh) == 1 and article.text[zh[0].start:zh[0].end] == CHINESE_CAPTION
    assert CHINESE_CAPTION in article.text  # kept whole, not cleaned away


def test_given_language_is_kept():
    article = article_from_text(f"Title\n\n{ENGLISH}", id="given", language="en-US")
    clean_article(article)
    assert article.language == "en"


@pytest.mark.parametrize("text", ["hello", "Hello world", "Thanks!", "OK", "test test", "Ferry route approved"])
def test_a_few_english_words_are_left_undetermined_not_labelled_breton(text):
    # the identifier's best guesses for these are Breton, Fula, Serbian, Kabyle...: unsure, so no language
    lang, confidence = identify_language_with_confidence(text)
    assert lang == "" and confidence < 0.9


@pytest.mark.parametrize("text, lang", [
    ("The ferry route to Eldholm was approved by the harbour council on Tuesday.", "en"),
    ("hello there, how are you", "en"),
    ("Der Hafen ist geschlossen.", "de"),
    ("Bonjour tout le monde", "fr"),
])
def test_short_texts_the_identifier_is_sure_of_keep_their_language(text, lang):
    assert identify_language(text) == lang


def test_a_pasted_word_gets_no_language_and_no_spans():
    a = Article(id="p", source_path="pasted text", original_text="hello", text="hello")
    annotate_language(a)
    assert a.language == "" and a.language_spans == []
