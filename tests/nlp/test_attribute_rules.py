"""The attribute ruler as a lookup per distinct token gives the doc spaCy's own ruler gives."""
from __future__ import annotations

import pytest
from spacy.attrs import DEP, IS_SPACE, LEMMA, MORPH, POS, TAG

from storytrace.nlp.attribute_rules import fast_ruler
from storytrace.nlp.models import add_lemmas, load_spacy

# Every kind of rule en_core_web_sm's ruler has: tag map entries, forms with a tag ("gets"/VBZ),
# forms with a dependency ("I"/nsubj, "it"/dobj), aux and mark, a determiner used as a pronoun, the
# two-token rules ("ai n't", "gon na", "got ta", "let 's", "c'm on", "y' all", expletive "there is"),
# contractions, a non-space token tagged _SP and runs of spaces.
TEXTS = [
    "I ain't gonna say it, and you gotta see it before we go. Let's go! C'mon, y'all.",
    "There is a catch, but it is small. There're two more. That is what she said.",
    "He gets what he got because I told you that it was him. Do you have it? I do, and I'd done it.",
    "Nothin' else matters  and  nothing   changed;\n\tthe mayor, who had resigned, was not re-elected.",
    "The ministers' 4.5% rise was approved on 3 May 2024 by 12 votes to 9 (with 2 abstentions).",
    "Whether or not the council agrees, the bridge, which cost $3.2bn, will close until it's repaired.",
]


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


def _attributes(doc):
    return doc.to_array([POS, TAG, MORPH, LEMMA, DEP, IS_SPACE]).tolist(), [str(t.morph) for t in doc]


def test_the_lookup_gives_every_token_what_spacys_ruler_gives(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    fast = fast_ruler(ruler)
    assert fast is not None, "en_core_web_sm's rules are all of the handled kinds"
    for _ in range(2):  # the second pass reads the kept answers
        for doc in nlp.pipe(TEXTS):
            by_spacy, by_lookup = ruler(doc.copy()), fast(doc.copy())
            assert _attributes(by_lookup) == _attributes(by_spacy), doc.text
    assert any(t.lemma_ == "go" for t in fast(nlp("We are gonna win.")))  # a two-token rule applied


def test_add_lemmas_gives_the_lemmas_and_pos_of_the_full_pipeline(nlp):
    full = load_spacy(full=True)
    for text in TEXTS:
        assert _attributes(add_lemmas(nlp, nlp(text))) == _attributes(full(text)), text


def test_a_rule_of_another_kind_leaves_the_ruler_to_spacy(nlp):
    from spacy.pipeline import AttributeRuler

    for pattern in ([{"ORTH": "Mr."}], [{"LOWER": "mr", "OP": "?"}], [{"LOWER": {"FUZZY": "mayor"}}]):
        ruler = AttributeRuler(nlp.vocab)
        ruler.add([pattern], {"POS": "PROPN"})
        assert fast_ruler(ruler) is None, pattern
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": {"IN": ["mr", "mrs"]}, "TAG": "NNP"}]], {"POS": "PROPN"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": "mayor"}]], {"LEMMA": "mayor"}, index=-1)
    fast = fast_ruler(ruler)
    assert fast is not None
    doc = nlp("Mr Smith met the mayor and mrs Jones.")
    assert _attributes(fast(doc.copy())) == _attributes(ruler(doc.copy()))


# Text the rules meet besides plain English: curly, guillemet and low-9 quotes, CJK brackets, accents,
# foreign words, emoji, URLs, figures with units and signs, runs of spaces and newlines, an empty doc.
VARIED = [
    "\u201cWe won\u2019t back down,\u201d she said. \u00abNous ne c\u00e9derons pas\u00bb, a-t-il dit; \u201eWir sind bereit\u201c.",
    "Der B\u00fcrgermeister sagte: \u300c\u6211\u4eec\u4e0d\u4f1a\u8ba9\u6b65\u300d \u2014 na\u00efve caf\u00e9 r\u00e9sum\u00e9 \U0001f600 #vote @mayor https://ex.org/a?b=1",
    "  \n\n  -3.5\u00b0C, +12%, \u20ac4,500, 1/2, 10:45pm, No. 7, 3rd, '90s \u2026 e.g. U.S. Ph.D.\t\tOK?!",
    "I'm sure it's 'fine' \u2014 y'know, ain't nobody gonna say they didn't.",
    "",
    "   ",
]


def test_the_lookup_matches_spacy_on_punctuation_quotes_numbers_spaces_and_foreign_words(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    fast = fast_ruler(ruler)
    for doc in nlp.pipe(VARIED):
        assert _attributes(fast(doc.copy())) == _attributes(ruler(doc.copy())), doc.text


def _blank_with_ruler(rules):
    import spacy

    pipeline = spacy.blank("en")
    ruler = pipeline.add_pipe("attribute_ruler")
    for pattern, attrs in rules:
        ruler.add([pattern], attrs)
    pipeline.disable_pipe("attribute_ruler")  # as load_spacy leaves it: add_lemmas runs it
    return pipeline, ruler


def test_rules_added_after_first_use_are_applied():
    """add_lemmas keeps one lookup per ruler; a rule added to the ruler later must not be missed."""
    pipeline, ruler = _blank_with_ruler([([{"LOWER": "mayor"}], {"POS": "NOUN"})])
    assert [t.pos_ for t in add_lemmas(pipeline, pipeline("the mayor"))] == ["", "NOUN"]
    ruler.add([[{"LOWER": "the"}]], {"POS": "DET"})
    assert [t.pos_ for t in add_lemmas(pipeline, pipeline("the mayor"))] == ["DET", "NOUN"]
    ruler.clear()  # replaced by as many other rules: a new Matcher
    ruler.add([[{"LOWER": "mayor"}]], {"POS": "PROPN"})
    ruler.add([[{"LOWER": "the"}]], {"POS": "PRON"})
    assert [t.pos_ for t in add_lemmas(pipeline, pipeline("the mayor"))] == ["PRON", "PROPN"]


def test_a_dropped_pipeline_takes_its_ruler_with_it():
    """The lookups kept per ruler do not keep a pipeline (and its vocab) alive once nobody holds it."""
    import gc
    import weakref

    pipeline, ruler = _blank_with_ruler([([{"LOWER": "mayor"}], {"POS": "NOUN"})])
    add_lemmas(pipeline, pipeline("the mayor"))
    gone = weakref.ref(ruler)
    del pipeline, ruler
    gc.collect()
    assert gone() is None


def test_a_rule_index_outside_its_match_is_handled_as_spacy_handles_it():
    """spaCy's ruler reports a bad index through the pipeline's error handler; so does the lookup."""
    pipeline, ruler = _blank_with_ruler([([{"LOWER": "mayor"}], {"POS": "NOUN"})])
    ruler.add([[{"LOWER": "the"}, {"LOWER": "mayor"}]], {"POS": "DET"}, index=2)
    seen = []

    def keep_going(name, component, docs, error):
        seen.append((name, type(error).__name__))
        return docs[0]

    ruler.set_error_handler(keep_going)  # (a disabled pipe is not reached by Language.set_error_handler)
    doc = add_lemmas(pipeline, pipeline("the mayor"))
    assert seen == [("attribute_ruler", "ValueError")]
    assert doc.text == "the mayor"
