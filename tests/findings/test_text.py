"""ParsedArticle's views (findings/text.py): what detectors derive from a whole article is derived once
per text and kept with its parse, typed, so a source compared with many versions is read once."""
from __future__ import annotations

from storytrace.findings.common import source_content_keys
from storytrace.findings.detectors.entities_cmp import defined_acronyms, name_initials, source_places
from storytrace.findings.name_cuts import name_forms
from storytrace.findings.text import ArticleViews, Parser

from .helpers import prepare

_TEXT = ("Every year, the National Farmers Consultative Conference (NFCC) meets in Geneva, where members "
         "of the NFCC discuss the plans. Anna Berg said the NFCC would publish its report in June.")


def test_each_view_is_derived_once_and_kept(extractor):
    parsed = Parser(extractor).parse(prepare(extractor, _TEXT, "a"))
    assert parsed.views == ArticleViews()
    keys, places, acronyms = source_content_keys(parsed), source_places(parsed), defined_acronyms(parsed)
    initials, forms = name_initials(parsed), name_forms(parsed)
    assert "nfcc" in acronyms and "Geneva" in places and any("publish" in k for k in keys)
    assert source_content_keys(parsed) is keys and source_places(parsed) is places
    assert defined_acronyms(parsed) is acronyms and name_initials(parsed) is initials and name_forms(parsed) is forms


def test_one_text_under_two_ids_shares_its_views(extractor):
    parser = Parser(extractor)
    first = parser.parse(prepare(extractor, _TEXT, "a"))
    keys = source_content_keys(first)
    second = parser.parse(prepare(extractor, _TEXT, "b"))
    assert second.article_id == "b" and second.views is first.views
    assert source_content_keys(second) is keys


def test_another_text_gets_its_own_views(extractor):
    parser = Parser(extractor)
    first = parser.parse(prepare(extractor, _TEXT, "a"))
    source_content_keys(first)
    other = parser.parse(prepare(extractor, "Rain fell on Oslo for a week.", "c"))
    assert other.views is not first.views and other.views.content_keys is None


def test_the_places_people_words_stand_for_are_derived_once(extractor):
    from storytrace.findings.detectors.entities_cmp import people_word_places
    from storytrace.nlp import wordnet

    parsed = Parser(extractor).parse(prepare(extractor, "A Breton farmer sold his land to a buyer from Oslo.", "p"))
    places = people_word_places(parsed)
    assert set(wordnet.named_places("Brittany")) <= places
    assert people_word_places(parsed) is places and parsed.views.people_places is places
