"""The channel of saying: the medium through which something was said, read off the parse.

"DeGeneres announced it on Twitter", "Lopez said in a statement on Facebook", "she wrote via
Instagram", "in an interview with CNN": the name after "on/in/via/through/over" (or "with" after
"interview") hung on a speech verb ("said", "wrote", "tweeted"), on a speech-act noun ("statement",
"tweet", "post", "interview", "announcement") or on a verb whose object is one ("made the
announcement on Twitter") is where the words went out, not who said them. A channel is never the
speaker and never a person another person was swapped for. (Leaving it out stays an omission of a
name: a dropped channel can be an error raters count; session 18 measured it as low and dropped that.)

One test for the two parses the package keeps: spaCy's tokens while extracting (speakers) and the
findings' ``ParsedSentence`` tokens (swaps); both are reached through ``_Node``.
Word forms, not lemmas: extraction runs before lemmas are added.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from storytrace.nlp.names import looks_like_outlet  # the one test of an outlet's name

# Speech verbs in all their forms (lemmas are not there while extracting).
_SPEECH_VERB = re.compile(
    r"(?:say|says|said|saying|tell|tells|told|telling|write|writes|wrote|written|writing|tweet|tweets|tweeted|tweeting|"
    r"post|posts|posted|posting|announce|announces|announced|announcing|state|states|stated|declare|declares|declared|"
    r"add|adds|added|comment|comments|commented|respond|responds|responded|reply|replies|replied|speak|speaks|spoke|"
    r"spoken|speaking|confirm|confirms|confirmed|deny|denies|denied|share|shares|shared|sharing|explain|explains|"
    r"explained|admit|admits|admitted|insist|insists|insisted|claim|claims|claimed|warn|warns|warned|note|notes|noted|"
    r"reveal|reveals|revealed|joke|jokes|joked|quip|quipped|vow|vowed|promise|promised|apologise|apologised|apologize|"
    r"apologized|thank|thanked|broadcast|publish|published|release|released|issue|issued|make|made|give|gave|"
    r"retweet|retweeted|blog|blogged|message|messaged|email|emailed)",
)
# Nouns naming a speech act or the piece of text that carries one.
_SPEECH_NOUN = frozenset(
    "statement statements tweet tweets post posts posting postings interview interviews announcement announcements "
    "message messages video videos release releases remarks comments comment speech speeches broadcast broadcasts "
    "letter letters blog blogs column op-ed editorial email emails podcast podcasts address briefing briefings "
    "conference appearance note notes update updates status thread threads story stories account page feed "
    "channel livestream stream show programme program".split())
# The verbs above that are no speech verb by themselves: they are one with a speech-act noun as
# their object ("made the announcement", "issued a statement", "gave an interview").
_LIGHT = frozenset("make made give gave issue issued release released publish published".split())
_CHANNEL_PREP = frozenset({"on", "in", "via", "through", "over"})
_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})
# Links from a name up to the noun a channel preposition takes ("his Twitter account"). Not "poss":
# the owner of the words or of the medium ("in Smith's statement", "a post on Smith's account",
# "wrote on Smith's death") is the one who said them, or what they were about, never the channel.
_NOMINAL = frozenset({"compound", "amod", "nmod", "appos", "case"})


class _Node(NamedTuple):
    """How to read a token of one parse: its dependency label, its head, its lower-case form."""

    dep: Callable[[int], str]
    head: Callable[[int], int]
    lower: Callable[[int], str]
    children: Callable[[int], list[int]]
    ent: Callable[[int], str]


def _speech_word(node: _Node, i: int) -> bool:
    word = node.lower(i)
    if word in _SPEECH_NOUN:
        return True
    if not _SPEECH_VERB.fullmatch(word):
        return False
    if word in _LIGHT:  # "made the announcement on Twitter": the object makes it a speech act
        return any(node.dep(c) in ("dobj", "obj") and node.lower(c) in _SPEECH_NOUN for c in node.children(i))
    return True


def _is_channel(node: _Node, i: int) -> bool:
    """Is token ``i`` (the head of a name) the object of a channel preposition hung on saying?

    "in" and "through" name a channel only through a speech-act noun ("in a Facebook post"):
    "said in Paris" says where. "on", "via" and "over" hung on a speech verb do too ("wrote on
    Twitter"). A place is never a channel ("spoke on Capitol Hill"): it says where, not through what."""
    if node.ent(i) in _PLACES:
        return False
    for _ in range(4):  # "his Twitter account": up from "Twitter" to the noun the preposition takes
        if node.dep(i) not in _NOMINAL or node.head(i) == i:
            break
        i = node.head(i)
    if node.dep(i) not in ("pobj", "obj") or node.head(i) == i:
        return False
    prep = node.head(i)
    word = node.lower(prep)
    holder = node.head(prep)
    if holder == prep:
        return False
    if word == "with":  # "in an interview with CNN"
        return node.lower(holder) in ("interview", "interviews", "conversation", "chat")
    if word not in _CHANNEL_PREP:
        return False
    if node.lower(i) in _SPEECH_NOUN:  # "in a Facebook post", "on his Twitter account"
        return True
    # "wrote on Twitter", "said in a statement on Facebook" ("on" hung on the speech noun)
    return word not in ("in", "through") and _speech_word(node, holder)


def addressed_outlet(target: str) -> bool:
    """Is the one a statement was told to ("a witness told CNN", "she told the Associated Press") a
    news organisation? Then it is where the words went, a channel of saying like "on Twitter": the
    statement is the witness's, not CNN's, and CNN is no source the statement is attributed to."""
    return looks_like_outlet(target)


def spacy_channel(tokens: list, first: int, end: int) -> bool:
    """Is the name over spaCy tokens ``tokens[first:end]`` (one doc's tokens) a channel of saying?"""
    doc_tokens = tokens[first].doc
    node = _Node(lambda k: doc_tokens[k].dep_, lambda k: doc_tokens[k].head.i, lambda k: doc_tokens[k].lower_,
                 lambda k: [c.i for c in doc_tokens[k].children], lambda k: doc_tokens[k].ent_type_)
    return _is_channel(node, _root(node, [t.i for t in tokens[first:end]]))


def parsed_channel(sentence, first: int, end: int) -> bool:
    """The same test on a findings ``ParsedSentence``'s tokens ``first:end``."""
    toks = sentence.tokens
    node = _Node(lambda k: toks[k].dep, lambda k: toks[k].head, lambda k: toks[k].lower,
                 lambda k: [c for c, t in enumerate(toks) if t.head == k and c != k], lambda k: toks[k].ent_type)
    return _is_channel(node, _root(node, list(range(first, end))))


def _root(node: _Node, span: list[int]) -> int:
    """The token of the span whose head lies outside it (the span's last token when none does)."""
    inside = set(span)
    return next((k for k in span if node.head(k) not in inside or node.head(k) == k), span[-1])
