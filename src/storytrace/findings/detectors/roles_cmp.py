"""role_change and role-slot entity_swap for the titles the extractor tied to people.

The same person with a title whose key words differ is a role change ("deputy director" /
"vice-president"). The same title held by a different person is an entity swap ("James Baker,
the Treasury secretary" where the source has Daniel Reyes as Treasury secretary). A title in
the place of another title, with nobody named ("the CEO of Ozy Media" where the source says
"the founder of Ozy Media"), is a role change too.
"""
from __future__ import annotations

import re

from storytrace.findings.common import PairContext, make_finding, slot_sources, span_text, title_phrase
from storytrace.findings.names import compare_names, name_tokens
from storytrace.findings.registry import detector
from storytrace.findings.severity import Signal, lower_to_medium
from storytrace.findings.slots import anchors, slot_partner
from storytrace.findings.text import ParsedSentence, Token, stem, word_key
from storytrace.model import Finding, Role
from storytrace.nlp import wordnet
from storytrace.nlp.names import ROLE_NOUNS

_FILLER = frozenset("a an the of for and in at to its his her their former then now also who is was".split())
_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
                  "gen": "general", "col": "colonel", "lt": "lieutenant", "sgt": "sergeant", "capt": "captain",
                  "dir": "director", "sec": "secretary", "min": "minister", "amb": "ambassador", "atty": "attorney"}


def title_words(title: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", title.lower())
    return {stem(_ABBREVIATIONS.get(w, w)) for w in words if w not in _FILLER}


def _sentence(sentences: list[ParsedSentence], index: int) -> ParsedSentence | None:
    return next((s for s in sentences if s.index == index), None)


@detector("roles", scope="pair", types=("role_change", "entity_swap"),
          severity={"role_change": "medium"}, rank={"role_change": 30}, strict=("role_change",))
def detect_roles(ctx: PairContext) -> list[Finding]:
    findings: list[Finding] = _title_slot_changes(ctx) + _rank_changes(ctx)
    for role in ctx.derived.roles:
        claim = _sentence(ctx.der.sentences, role.sentence)
        if claim is None:
            continue
        words = title_words(role.title)
        same_person = [r for r in ctx.source.roles if compare_names(role.person, r.person).same_entity]
        holder = _holder_of(words, ctx.source.roles)
        if same_person and not any(_same_title(words, title_words(r.title), role.title, r.title) for r in same_person) and holder is not None \
                and not compare_names(role.person, holder.person).same_entity:
            # This person now holds the role the source gives to someone else: a swap of people.
            findings.append(make_finding(
                ctx, "entity_swap", claim, role.person, _sentence(ctx.src.sentences, holder.sentence), holder.person,
                f'The source names {holder.person} as {title_phrase(holder.title)}; this version puts {role.person} in that role.', 0.8,
            ))
            continue
        if same_person and not any(_same_title(words, title_words(r.title), role.title, r.title)
                                   or _shares_a_role(role.title, r.title) for r in same_person):
            r = same_person[0]
            findings.append(make_finding(
                ctx, "role_change", claim, role.title, _sentence(ctx.src.sentences, r.sentence), r.title,
                f'{role.person} is "{role.title}" here but "{r.title}" in the source.', 0.7,
            ))
            continue
        if same_person:
            continue
        if holder is not None and not compare_names(role.person, holder.person).same_entity:
            explanation = (f'The source names {holder.person} as {title_phrase(holder.title)}; this version gives that'
                           f' role to {role.person}.')
            # Two signals for a high: the role's holder changed, and to a different person. A name made
            # only of the holder's own name words ("Kinslow Kinslow" for "Andrew Kinslow", a stutter)
            # may be the same person named badly: one signal.
            own_words = set(name_tokens(role.person)) <= set(name_tokens(holder.person))
            swap = make_finding(
                ctx, "entity_swap", claim, role.person, _sentence(ctx.src.sentences, holder.sentence), holder.person,
                explanation, 0.85, severity="medium" if own_words else None,
            )
            if own_words:
                lower_to_medium(swap, Signal.DISTINCT_NAME, f'every word of "{role.person}" is a word of'
                                f' "{holder.person}", so it may be the same person named badly.')
            findings.append(swap)
    return findings


# Where a description joins several roles or adds a clause about its holder: "a neurosurgeon and CNN's
# chief medical reporter", "a neurosurgeon who is among the nation's best-known physicians".
_ROLE_JOINS = re.compile(r",|;|\band\b|\bwho\b|\bwhich\b|\bwhose\b")


def _shares_a_role(title_a: str, title_b: str) -> bool:
    """Do two descriptions of one person begin with the same role, each going on to say more about
    its holder ("a neurosurgeon and CNN's chief medical reporter" / "a neurosurgeon who is among the
    nation's best-known physicians")? A person holds several roles and a report names those it
    needs: the same first role, with other things said after it, is no change of role. The first
    parts must be the same role (another first role, "a dentist who ...", still differs)."""
    first_a = _ROLE_JOINS.split(title_a, maxsplit=1)[0]
    first_b = _ROLE_JOINS.split(title_b, maxsplit=1)[0]
    if first_a == title_a and first_b == title_b:
        return False  # neither says more than one thing: the plain comparison decides
    words_a, words_b = _first_role_words(first_a), _first_role_words(first_b)
    return bool(words_a) and words_a == words_b


# title_words leaves out "former", "then" and "now" (the plain comparison reads ranks in _rank_changes),
# but a first role compared on its own keeps them: "a former neurosurgeon" is not "a neurosurgeon", nor
# "the then governor" "the governor"; _rank_changes knows only the titles of ROLE_NOUNS.
_IN_TIME = frozenset({"former", "then", "now"})


def _first_role_words(part: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", part.lower())
    return title_words(part) | {w for w in words if w in _IN_TIME}


def title_core(title: str) -> set[str]:
    """The office itself, without where it is held: "deputy director" of "deputy director of the Centre"."""
    core = re.split(r"\b(?:of|at|for|in|with|from)\b|,", title.lower(), maxsplit=1)[0]
    return title_words(core)


def _same_title(a: set[str], b: set[str], title_a: str = "", title_b: str = "") -> bool:
    if not a or not b:
        return True
    if title_a and title_b and _one_office(title_a, title_b):
        return True
    core_a, core_b = title_core(title_a), title_core(title_b)
    if core_a and core_b and not core_a & b and not core_b & a:
        return False  # same institution, different office: "deputy director" / "vice-president"
    return len(a & b) / min(len(a), len(b)) >= 0.5


def _one_office(title_a: str, title_b: str) -> bool:
    """Do two titles name one office in other words: heads WordNet gives as one office or one
    kind of the other ("Premier" / "Prime Minister", "spokesman" / "spokesperson"), or two words
    for whoever leads ("Chairman" / "Leader"), and no qualifier that one has and the other lacks
    on both sides ("Foreign ministry spokesperson" / "Spokesman" only specifies)? Translations
    render one office with other words; another office ("director" / "chairman of the board")
    keeps a different head."""
    heads = []
    for title in (title_a, title_b):
        core = re.split(r"\b(?:of|at|for|in|with|from)\b|,", title.lower(), maxsplit=1)[0]
        words = [_ABBREVIATIONS.get(w, w) for w in re.findall(r"[^\W\d_]+", core) if w not in _FILLER]
        if not words:
            return False
        heads.append(words)
    (*qual_a, head_a), (*qual_b, head_b) = heads
    names_a = {head_a} | ({f"{qual_a[-1]}_{head_a}"} if qual_a else set())
    names_b = {head_b} | ({f"{qual_b[-1]}_{head_b}"} if qual_b else set())
    if stem(head_a) == stem(head_b) or (head_a in _LEADER_WORDS and head_b in _LEADER_WORDS):
        match = (head_a, head_b)
    else:
        match = next(((x, y) for x in names_a for y in names_b if _office_words_agree(x, y)), None)
    if match is None:
        return False
    # the qualifiers besides those the matched office names hold ("prime" of "prime_minister")
    named = {stem(w) for n in match for w in n.split("_")}
    rest_a, rest_b = {stem(w) for w in qual_a} - named, {stem(w) for w in qual_b} - named
    return rest_a <= rest_b or rest_b <= rest_a


def _holder_of(words: set[str], roles: list[Role]) -> Role | None:
    best, best_overlap = None, 0.0
    for r in roles:
        other = title_words(r.title)
        if not words or not other:
            continue
        overlap = len(words & other) / max(len(words), len(other))
        if overlap > best_overlap:
            best, best_overlap = r, overlap
    return best if best_overlap >= 0.67 else None


# Words for whoever leads something: one of them in another's place changes no fact.
_LEADER_WORDS = frozenset("head chief leader director chairman chairwoman chair chairperson boss".split())


def _title_key(tok: Token) -> str:
    key = word_key(tok.lower)
    return _ABBREVIATIONS.get(key, key)


def _same_office(a: Token, b: Token) -> bool:
    ka, kb = _title_key(a), _title_key(b)
    if ka == kb or stem(ka) == stem(kb) or (ka in _LEADER_WORDS and kb in _LEADER_WORDS):
        return True
    return _office_words_agree(a.lemma.lower(), b.lemma.lower())


def _office_words_agree(a: str, b: str) -> bool:
    """One office, or one kind of the other named by its kind ("spokesman" / "spokesperson")."""
    return wordnet.are_synonyms(a, b, "n", limit=3) or wordnet.is_hypernym_or_synonym(a, b, depth=1) \
        or wordnet.is_hypernym_or_synonym(b, a, depth=1)


def _office_names(sentence: ParsedSentence, i: int) -> set[str]:
    """The title and, with the word before it that qualifies it, the compound it makes ("prime
    minister")."""
    tok = sentence.tokens[i]
    names = {tok.lemma.lower()}
    if i > 0 and sentence.tokens[i - 1].head == i and sentence.tokens[i - 1].dep in ("compound", "amod"):
        names.add(f"{sentence.tokens[i - 1].lower}_{tok.lemma.lower()}")
    return names


def _same_office_named(sentence: ParsedSentence, i: int, src: ParsedSentence, j: int) -> bool:
    """Do the two titles, read with the word that makes a compound of them, name one office in
    WordNet ("chancellor" / "prime minister": "minister" alone is another role)?"""
    return any(wordnet.are_synonyms(a, b, "n", limit=3) for a in _office_names(sentence, i)
               for b in _office_names(src, j) if "_" in a + b)


def _title_slot_changes(ctx: PairContext) -> list[Finding]:
    """A title word the source has nowhere, in the slot where the source sentence has another
    title ("The CEO of the start-up" / "The founder of the start-up")."""
    findings: list[Finding] = []
    for sentence in ctx.der.sentences:
        titles = [i for i, t in enumerate(sentence.tokens) if t.lower in ROLE_NOUNS and t.pos in ("NOUN", "PROPN")
                  and _title_key(t) not in ctx.src.vocabulary and word_key(t.lemma) not in ctx.src.vocabulary]
        if not titles:
            continue
        sources = slot_sources(ctx, sentence)
        found = None
        for src in sources:
            anchored = anchors(sentence, src)
            for i in titles:
                j = None if i in anchored else slot_partner(sentence, src, i, anchored)
                if j is not None and src.tokens[j].lower in ROLE_NOUNS and not _same_office(sentence.tokens[i], src.tokens[j]) \
                        and not _same_office_named(sentence, i, src, j):
                    found = (sentence.tokens[i], src, src.tokens[j])
                    break
            if found:
                break
        if found:
            tok, src, other = found
            findings.append(make_finding(
                ctx, "role_change", sentence, tok.text, src, other.text,
                f'The source says "{other.text}" here; this version says "{tok.text}", another role.', 0.7,
                severity="medium",
            ))
    return findings


# Words that make another office of a title: a deputy minister is not the minister, a co-founder
# not the founder, and a former minister holds no office at all. Pairs that name one rank share a key.
_RANKS = {"deputy": "deputy", "vice": "deputy", "assistant": "assistant", "associate": "assistant",
          "acting": "acting", "interim": "acting", "former": "former", "ex": "former", "co": "co",
          "junior": "junior", "shadow": "shadow", "under": "under", "elect": "elect", "designate": "elect",
          "outgoing": "outgoing"}
_RANK_REACH = 4  # words before a title that may rank it: "former deputy finance minister"


def _rank_span(sentence: ParsedSentence, i: int) -> tuple[int, frozenset[str]]:
    """The first token of the title phrase ending at ``i`` and its rank keys: "Deputy finance
    minister" -> {deputy}, "co-founder" -> {co}, "president-elect" -> {elect}."""
    toks, ranks, first, j, steps = sentence.tokens, set(), i, i - 1, 0
    while j >= 0 and steps < _RANK_REACH:
        t = toks[j]
        if t.text in ("-", "\u2013"):
            j -= 1
            continue
        if t.pos not in ("ADJ", "NOUN", "PROPN") or t.ent_type == "PERSON":
            break
        if t.lower in _RANKS:
            ranks.add(_RANKS[t.lower])
        first, j, steps = j, j - 1, steps + 1
    if i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].lower in _RANKS:
        ranks.add(_RANKS[toks[i + 2].lower])
    return first, frozenset(ranks)


def _titles(sentence: ParsedSentence) -> list[int]:
    return [i for i, t in enumerate(sentence.tokens)
            if t.lower in ROLE_NOUNS and t.lower not in _RANKS and t.pos in ("NOUN", "PROPN")]


def _rank_changes(ctx: PairContext) -> list[Finding]:
    """A title ranked differently from every occurrence of it in the source: "finance minister"
    where the source says "deputy finance minister", "former minister" where it says "minister"."""
    findings: list[Finding] = []
    source_ranks: dict[str, set[frozenset[str]]] = {}
    for s in ctx.src.sentences:
        for j in _titles(s):
            source_ranks.setdefault(_title_key(s.tokens[j]), set()).add(_rank_span(s, j)[1])
    for sentence, aligned in ctx.aligned_sentences():
        spans = {i: _rank_span(sentence, i) for i in _titles(sentence)}
        for i, (first, ranks) in spans.items():
            if any(other > i and spans[other][0] <= i for other in spans):
                continue  # "Deputy chief Justice": one title phrase, judged at its last word
            key = _title_key(sentence.tokens[i])
            if ranks in source_ranks.get(key, {ranks}):
                continue  # the source ranks this title the same way somewhere
            partner = next(((s, j) for s in aligned for j in _titles(s) if _title_key(s.tokens[j]) == key), None)
            if partner is None:
                continue
            src, j = partner
            src_first = _rank_span(src, j)[0]
            mine, theirs = span_text(sentence, first, i + 1), span_text(src, src_first, j + 1)
            findings.append(make_finding(
                ctx, "role_change", sentence, mine, src, theirs,
                f'The source says "{theirs}"; this version says "{mine}", another office.', 0.65, severity="medium",
            ))
    return findings
