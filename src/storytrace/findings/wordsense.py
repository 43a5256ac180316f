"""Word meaning without a model: base forms, near-synonym groups and opposites of common news words.

Two translations of one sentence rarely use the same words, so an opposite ("exported") only
means a reversal when the source expresses the other pole in *some* wording ("imported",
"came into"), and a word a translation swapped in ("fences" for "barriers") is only a change when
it is not a near-synonym. Everything here is general English (curated lists of common words and
their usual opposites); nothing is fitted to a benchmark item.
"""
from __future__ import annotations

from functools import lru_cache

from storytrace.findings.lexicon import ANTONYMS, opposite_pairs
from storytrace.findings.text import ParsedSentence, Token
from storytrace.nlp import valence, wordnet

# Near-synonym groups: members can stand for each other in a news sentence. Kept tight: a word
# that is a synonym only in some senses stays out.
_SYNONYM_GROUPS = """
show reveal indicate demonstrate display exhibit
hide conceal veil cover mask
increase rise grow climb surge jump gain
decrease fall drop decline shrink reduce cut lower diminish
begin start commence launch open
end finish conclude close terminate
early initial beginning
late final
allow permit let enable authorize authorise
ban forbid prohibit bar outlaw
accept approve agree endorse adopt
reject refuse decline deny dismiss
win victory triumph
lose defeat loss
success achievement triumph
failure defeat
strong powerful robust
weak feeble fragile
big large huge great major vast enormous
small little tiny minor slight
more greater higher additional extra
less fewer lower smaller
cheap inexpensive
expensive costly pricey dear
near nearby
far distant remote faraway
past former previous prior
current existing
future coming upcoming next forthcoming
new recent latest fresh
old ancient aged elderly
young youthful
buy purchase acquire
sell
import
export
release free liberate
detain arrest hold capture
confirm verify
doubt question
problem difficulty trouble issue
profit gain earnings
barrier fence wall
help aid assist support
harm hurt damage injure
kill slay
die perish
bear born
child kid
parent
hope wish want
hate detest loathe
like love enjoy
careful cautious
careless reckless
effective efficient successful
ineffective inefficient inadequate
military army armed
civilian civil
local domestic
international global foreign
quick fast rapid swift speedy
slow sluggish
attend join participate
miss skip
include contain involve
exclude omit
install introduce
remove eradicate eliminate
give provide grant offer
leave quit exit depart
enter arrive
find discover
inside within interior internal
outside exterior external
between among
above over
below under beneath
before prior ahead
after following
precise exact accurate
support sustain uphold
negate deny
positive favourable favorable
negative adverse unfavourable unfavorable
taint contaminate
healthy
ill sick infected
confirmed definite certain
ambiguous uncertain unclear indefinite
motivated enthusiastic eager
unmotivated unenthusiastic
indigenous native
migrant immigrant foreign
quarantine isolation
prosecution indictment accusation
defence defense
dangerous unsafe risky hazardous
safe secure
rich wealthy affluent
poor impoverished needy
happy glad pleased joyful
sad unhappy
legal lawful legitimate
illegal unlawful illicit
true correct right accurate
false wrong incorrect untrue
""".strip()

# Opposites beyond lexicon.ANTONYMS (base forms). Both directions are added.
_MORE_OPPOSITES = """
export import | exporter importer | prosecution defense | prosecution defence | positive negative
effective ineffective | effectiveness inadequacy | effectiveness ineffectiveness | former latter
early late | earliest latest | beginning end | support negate | sustain negate | hope dread
want hate | like hate | back forward | larger smaller | responsible irresponsible | careful careless
open close | opening closing | open closed | parent child | local international | current past | install remove | introduce eradicate | introduce remove | release withhold
attend miss | attend skip | civilian military | civil military | infected healthy | sick healthy
over under | above below | more fewer | most fewest | confirm doubt | confirmed unconfirmed
confirmed suspected | confirmed ambiguous | confirmed indefinite | held concluded
motivated unmotivated | motivated unenthusiastic | enthusiastic unenthusiastic | near far
cheapest priciest | cheap pricey | cheapest dearest | indigenous migrant | native foreign
native migrant | initially finally | initial final | first final | jointly separately | shared divided
share divide | between outside | within outside | inside outside | find lose | found left
show hide | show conceal | show veil | reveal veil | unprecedented precedented | precedent unprecedented
accelerate slow | speed slow | fast slow | rapid slow | quick slow | hurry delay | advance delay
advance retreat | expand reduce | maximum minimum | maximise minimise | maximize minimize
always rarely | often rarely | frequent rare | frequently rarely | common rare | usual unusual
normal abnormal | regular irregular | ordinary extraordinary | typical atypical | familiar unfamiliar
willing unwilling | willingly reluctantly | eager reluctant | keen reluctant | voluntary compulsory
voluntary mandatory | optional mandatory | optional compulsory | temporary permanent | temporarily permanently
partial complete | partly fully | partially fully | incomplete complete | complete unfinished
increase reduction | rise reduction | raise reduce | higher reduced | upward downward | upwards downwards
gain shed | hire lay | collapse recover | recovery collapse | recovery recession | growth recession
growth contraction | expansion contraction | expansion recession | surplus shortage | abundance shortage
plenty shortage | cooperate compete | cooperation competition | cooperation confrontation | unity division
unite divide | united divided | together apart | connect disconnect | connected disconnected
sufficient insufficient | adequate inadequate | enough insufficient | able incapable | capable incapable
competent incompetent | qualified unqualified | prepared unprepared | ready unready | prepared ill-prepared
successful unsuccessful | success setback | satisfied dissatisfied | satisfy disappoint | satisfactory unsatisfactory
happy sad | happy unhappy | pleasure pain | joy sorrow | comfort discomfort | comfortable uncomfortable
calm agitated | calm violent | peacefully violently | peaceful aggressive | quiet noisy | quietly loudly
honest dishonest | fair unfair | just unjust | equal unequal | equality inequality | stable unstable
stability instability | certain doubtful | clear unclear | clearly vaguely | precise vague | specific vague
visible hidden | obvious hidden | open secret | openly secretly | transparent opaque | official unofficial
officially unofficially | approve disapprove | approval disapproval | approval rejection | acceptance rejection
agreement disagreement | consent refusal | permission prohibition | legalise prohibit | legalize prohibit
import exported | imported exported | arrival departure | entry exit | inbound outbound | incoming outgoing
rise sink | float sink | ascend descend | climb descend | up downward | upper lower | top bottom
maximum lowest | peak trough | heavily lightly | heavy mild | severe mild | serious minor | serious mild
worst best | worse better | good poor | excellent poor | strength weakness | strengthen loosen
tighten relax | strict lenient | strictly loosely | harsh lenient | tough soft | hard soft | hard easy
difficult easy | difficulty ease | simple complex | simple complicated | easily hardly | cheaper costlier
cheaper dearer | low high | lowest highest | least most | minimum maximum | small huge | tiny huge
narrow broad | shallow profound | thin fat | light dark | bright dark | clean dirty | pure impure
clean polluted | fresh stale | wet dry | flood drought | hot cold | warm cold | heat cold
sunny rainy | sunny cloudy | dry rainy | day night | dawn dusk | sunrise sunset | morning evening
morning afternoon | spring autumn | summer winter | young elderly | youth elderly | junior senior
child adult | newborn elderly | modern traditional | modern old | new old | new used
novel familiar | latest earliest | recent ancient | recently formerly | soon later
before after | prior subsequent | previously subsequently | ahead behind | earlier later | sooner later
east west | eastern western | easternmost westernmost | northernmost southernmost
upstream downstream | inland coastal | urban rural | city countryside | public private
government opposition | ruling opposition | incumbent challenger
majority minority | win lose | won lost | winner loser | victory defeat | champion runner-up
attack defend | attacker defender | offensive defensive | invade withdraw | advance withdraw | deploy withdraw
arm disarm | armed unarmed | war peace | wartime peacetime | enemy ally | hostile friendly | foe friend
guilty innocent | convict acquit | condemn acquit | sentence acquit | accuse defend | blame praise
criticise praise | criticize praise | criticism praise | punish reward | punishment reward
liberal conservative | left right | leftist rightist | progressive conservative | democrat republican
dictator democrat | authoritarian democratic | dictatorship democracy | tyranny democracy
""".strip()

# Inflection and derivation suffixes stripped to find a base form the lists know.
_SUFFIXES = ("ings", "ing", "ed", "es", "s", "ly", "er", "est", "ness", "ity", "ation", "ion", "ment")


def _groups() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for line in _SYNONYM_GROUPS.splitlines():
        words = line.split()
        for w in words:
            out.setdefault(w, set()).update(words)
    return {k: frozenset(v) for k, v in out.items()}


SYNONYMS: dict[str, frozenset[str]] = _groups()
OPPOSITES: dict[str, frozenset[str]] = opposite_pairs(_MORE_OPPOSITES, base=ANTONYMS)
_KNOWN = frozenset(SYNONYMS) | frozenset(OPPOSITES)


@lru_cache(maxsize=1 << 15)
def base_forms(word: str) -> frozenset[str]:
    """The word and the base forms the lists know: "closing" -> close, "carelessly" -> careless."""
    w = word.lower()
    forms = {w}
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            for cand in (stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem,
                         stem[:-1] + "y" if stem.endswith("i") else stem):
                if cand in _KNOWN:
                    forms.add(cand)
    return frozenset(forms)


@lru_cache(maxsize=1 << 15)
def senses(word: str) -> frozenset[str]:
    """The word's base forms and their near-synonyms."""
    out: set[str] = set()
    for f in base_forms(word):
        out.add(f)
        out.update(SYNONYMS.get(f, ()))
    return frozenset(out)


@lru_cache(maxsize=1 << 15)
def opposite_senses(word: str) -> frozenset[str]:
    """Words that express the opposite of ``word``: its opposites and their near-synonyms. A
    word that is a near-synonym of the word itself is never counted as its opposite."""
    own = senses(word)
    out: set[str] = set()
    for f in base_forms(word):
        for o in OPPOSITES.get(f, ()):
            out.add(o)
            out.update(SYNONYMS.get(o, ()))
    return frozenset(out - own)


def related(a: str, b: str) -> bool:
    """Same word, a derivation of it ("progress" / "progression"), or a near-synonym."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    n = min(len(a), len(b))
    common = 0
    while common < n and a[common] == b[common]:
        common += 1
    if common >= 5 and common >= 0.7 * n:
        return True
    return bool(senses(a) & senses(b) - {""}) and not (opposite_senses(a) & senses(b))


def _wordnet_pos(tok: Token) -> str | None:
    return wordnet.SPACY_POS.get(tok.pos) if tok.pos != "PROPN" else None


def wordnet_readings(tok: Token) -> tuple[str, ...]:
    """WordNet parts of speech to read a word in: the tagger's, or, when WordNet does not know
    the word in that one, every one it does (taggers mislabel rare words: "uninvited" as a verb)."""
    pos = _wordnet_pos(tok)
    if pos is None:
        return ()
    if wordnet.known(tok.lemma, pos) or wordnet.known(tok.lower, pos):
        return (pos,)
    return tuple(p for p in wordnet.POS_LETTERS if wordnet.known(tok.lower, p))


def _lemmas(tok: Token) -> frozenset[str]:
    """The word's WordNet lemmas in its own part of speech ("welcomed" -> welcome)."""
    return _lemmas_of(tok.lemma, tok.lower, _wordnet_pos(tok))


@lru_cache(maxsize=1 << 16)
def _lemmas_of(lemma: str, lower: str, pos: str | None) -> frozenset[str]:
    out = {lemma, lower}
    if pos is not None:
        db = wordnet.wordnet()
        out.update(db.base_forms(lower, pos))
        out.update(db.base_forms(lemma, pos))
    return frozenset(out)


def wordnet_opposite(tok: Token, src: ParsedSentence, sentence: ParsedSentence) -> int | None:
    """Index of a word of ``src`` that WordNet opposes to ``tok``: an antonym, an indirect
    antonym through an adjective cluster, or a near-synonym of an antonym. Lemmas are compared
    as strings, so "uninvited" (adjective) meets "welcomed" (verb, lemma welcome). Why the
    guards: two translations pick different words for one meaning, so the derived word must not
    be a WordNet synonym of any source word, and the source word must not be echoed by any word
    of the derived sentence (then both poles are kept)."""
    readings = wordnet_readings(tok)
    if not readings or tok.lemma in VAGUE_POLES:
        return None
    own = {tok.lemma, tok.lower}.union(*(wordnet.synonym_set(tok.lower, p) | wordnet.synonym_set(tok.lemma, p)
                                         for p in readings))
    if any(_wordnet_pos(t) and _lemmas(t) & own for t in src.tokens):
        return None
    field = set().union(*(wordnet.opposite_field(tok.lower, p) | wordnet.opposite_field(tok.lemma, p)
                          for p in readings)) - own
    if not field:
        return None
    derived_words = {w for t in sentence.tokens for w in (t.lemma, t.lower)}
    for j, t in enumerate(src.tokens):
        pos = _wordnet_pos(t)
        if pos is None or t.lemma in derived_words:
            continue
        if _lemmas(t) & field and not wordnet.synonym_set(t.lemma, pos) & derived_words:
            return j
    return None


# Words whose WordNet opposites are too loose to read as a reversal in news prose.
VAGUE_POLES = frozenset("be have do make get go say take give come".split())


# Prefixes that negate the word they start ("unharmed", "irresponsibly", "underperformed").
_SLOT_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "mis", "under")


def _token_forms(tok: Token) -> tuple[str, ...]:
    return tuple(dict.fromkeys((tok.lower, tok.lemma.lower())))


def _prefix_negates(tok: Token, other: Token) -> bool:
    """``tok`` is a negating prefix on a word that is ``other`` or a WordNet synonym or
    derivation of it ("precedented" / "unprecedented", "unessential" / "important")."""
    other_forms = set(_token_forms(other))
    for form in _token_forms(tok):
        for prefix in _SLOT_PREFIXES:
            base = form[len(prefix):].lstrip("-")
            if not form.startswith(prefix) or len(base) < 4 or not wordnet.known(base):
                continue
            if base in other_forms:
                return True
            near = {base} | wordnet.derivations(base)
            if any(near & ({o} | wordnet.derivations(o)) or wordnet.are_synonyms(base, o) for o in other_forms):
                return True
    return False


def _adjective_bases(tok: Token) -> set[str]:
    """The adjectives a word says its meaning through: itself when an adjective, the adjective
    an adverb is formed from (WordNet pertainym: "irresponsibly" -> irresponsible) and those a
    noun is derived from ("inactivity" -> inactive). Empty for other words."""
    out: set[str] = set()
    for pos in wordnet_readings(tok):
        for form in _token_forms(tok):
            if pos == "a":
                out.update(wordnet.wordnet().base_forms(form, "a"))
            elif pos in ("r", "n"):
                out.update(w for w, p in wordnet.wordnet().related_words(form, pos) if p in ("a", "s"))
    return out


def _adjectives_opposed(tok: Token, other: Token) -> bool:
    """An adverb or noun made from an adjective says that adjective's meaning ("irresponsibly" is
    "in an irresponsible way"), so two such words oppose each other when their adjectives do
    ("irresponsibly" / "reliably": irresponsible ! responsible ~ reliable; "similarly" /
    "differently"). Only where one of the two is not an adjective itself: two adjectives were
    compared already, and adjectives that share a sense never oppose."""
    if wordnet_readings(tok) == ("a",) and wordnet_readings(other) == ("a",):
        return False
    mine, theirs = _adjective_bases(tok), _adjective_bases(other)
    if not mine or not theirs or mine & theirs:
        return False
    if any(wordnet.are_synonyms(a, b, "a") for a in mine for b in theirs):
        return False
    return any(wordnet.are_opposed(a, b, "a") for a in mine for b in theirs)


# Words that count loosely and all say "more than one"; WordNet's rarer senses ("several" as
# "separate") put some of them in opposed clusters, but none reverses another.
_MORE_THAN_ONE = frozenset("several multiple many numerous various plural".split())


def slot_opposed(tok: Token, other: Token, use_valence: bool = True, light_links: bool = True) -> bool:
    """Does ``tok`` say the opposite of ``other``, the word in the same slot of the other
    version? Looser than ``wordnet_opposite`` because the slot is known: a listed opposite, a
    WordNet opposite in either word's parts of speech, a negating prefix on the other word or a
    synonym of it, or (``use_valence``) clearly opposite valence in one part of speech
    ("disregarded" / "greeted"; "attack on" / "support of" is a change of words, not of slot).
    ``light_links`` False: a WordNet neighbourhood never links the two through a light verb ("get",
    "make", "have" mean too little to stand at a pole; "caused ... deaths" / "killed ... people"
    meet only there). For pairs whose slot the parser did not give."""
    forms, other_forms = _token_forms(tok), _token_forms(other)
    if set(forms) & set(other_forms):
        return False
    if set(forms) & _MORE_THAN_ONE and set(other_forms) & _MORE_THAN_ONE:
        return False  # "several steps" / "multiple measures": both say "more than one"
    readings = set(wordnet_readings(tok)) | set(wordnet_readings(other))
    if any(wordnet.are_synonyms(a, b, p) for p in readings for a in forms for b in other_forms):
        return False
    if any(set(other_forms) & opposite_senses(f) for f in forms):
        return True
    if any(wordnet.are_opposed(a, b, p) for p in readings for a in forms for b in other_forms):
        return True
    ignore = frozenset() if light_links else VAGUE_POLES
    if any(wordnet.slot_opposed(a, p, b, q, ignore) for p in wordnet_readings(tok) for q in wordnet_readings(other)
           for a in forms for b in other_forms):
        return True
    if _prefix_negates(tok, other) or _prefix_negates(other, tok):
        return True
    if _adjectives_opposed(tok, other):
        return True
    if not use_valence or not {tok.pos, other.pos} <= _VALENCE_POS.get(tok.pos, frozenset()):
        return False
    return valence.opposite_valence(forms, other_forms)


# Parts of speech that can fill one slot: a participle is read as a verb or an adjective.
_VALENCE_POS = {"ADJ": frozenset({"ADJ", "VERB"}), "VERB": frozenset({"ADJ", "VERB"}),
                "NOUN": frozenset({"NOUN"}), "ADV": frozenset({"ADV"})}
