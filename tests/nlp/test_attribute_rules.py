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
