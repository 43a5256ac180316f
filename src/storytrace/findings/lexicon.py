"""Small English word lists the pairwise detectors share.

General language knowledge only (opposites, negation cues, hedges, closed word classes); nothing
here is fitted to a benchmark item. Words are lemmas as spaCy's English lemmatizer writes them.
"""
from __future__ import annotations

from storytrace.nlp.names import COUNTRY_DEMONYMS

# Words that negate the clause they attach to.
NEGATION_CUES = frozenset(
    "not n't no never none nobody nothing neither nor nowhere without cannot".split()
)

# Words that carry a negation inside them: "unable to" says what "could not" says, so a
# translation may trade one for the other without changing the meaning.
IMPLICIT_NEGATIONS = frozenset(
    "unable fail failure lack absence absent deny refuse decline reject prevent stop "
    "ban forbid prohibit halt impossible unlikely neither barely hardly scarcely".split()
)

# Adjectives of difficulty that take an infinitive: "it is difficult to improve" says, as "unlikely
# to improve" does, what "will not improve" says with less certainty; the polarity is the same.
DIFFICULTY_ADJECTIVES = frozenset("difficult hard tough".split())

# Pairs of opposites. Both directions are added below. Lemmas, as spaCy writes them
# ("born" lemmatises to "bear", so both are listed).
_ANTONYM_PAIRS = """
agree refuse | agree disagree | accept reject | accept refuse | accept decline | approve reject
approve veto | allow ban | allow forbid | allow prohibit | allow block | permit ban | permit forbid
support oppose | favour oppose | favor oppose | endorse oppose | back oppose
win lose | victory defeat | winner loser | gain lose | succeed fail | success failure | pass fail
rise fall | rise drop | rise decline | increase decrease | increase reduce | increase cut
increase decline | increase fall | grow shrink | growth decline | expand shrink | expand contract
raise lower | raise cut | up down | high low | higher lower | highest lowest | more less | most least
gain loss | profit loss | surplus deficit | boost cut | strengthen weaken | strong weak
open close | open shut | start end | start stop | begin end | begin finish | launch end
enter leave | enter exit | arrive depart | arrive leave | come go | import export | importer exporter
buy sell | buyer seller | lend borrow | lender borrower | give take | give receive | send receive
hire fire | hire dismiss | employ dismiss | appoint dismiss | appoint remove | elect defeat
include exclude | add remove | add subtract | join leave | join quit | attach detach
live die | alive dead | life death | bear die | born die | birth death | survive die | survivor victim
survive perish | save kill | heal hurt | healthy sick | health illness
safe dangerous | safe unsafe | safety danger | secure insecure | peace war | peaceful violent
friend enemy | ally enemy | ally rival | friendly hostile | love hate | like dislike
guilty innocent | convict acquit | conviction acquittal | legal illegal | lawful unlawful
arrest release | capture release | detain release | imprison free | charge clear
true false | truth lie | correct incorrect | right wrong | real fake | genuine fake | accurate inaccurate
confirm deny | admit deny | affirm deny | prove disprove | believe doubt | certain uncertain
possible impossible | likely unlikely | able unable | probable improbable
positive negative | positively negatively | good bad | better worse | best worst | benefit harm
advantage disadvantage | improve worsen | improve deteriorate | improvement deterioration
major minor | majority minority | maximum minimum | large small | big small | long short
wide narrow | heavy light | thick thin | deep shallow | early late | earlier later | before after
first last | past future | old new | old young | ancient modern | older younger | oldest youngest
north south | east west | northern southern | eastern western | left right | inside outside
internal external | domestic foreign | national international | public private | urban rural
rich poor | wealthy poor | wealth poverty | expensive cheap | cheap costly | full empty
hot cold | warm cool | wet dry | light dark | day night | summer winter | fast slow | quick slow
man woman | men women | male female | boy girl | father mother | son daughter | husband wife
brother sister | king queen | he she | his her | him her | mr mrs | uncle aunt | nephew niece
always never | everyone nobody | everything nothing | all none | every no | some none
attack defend | offense defense | offence defence | prosecution defense | prosecution defence
prosecutor defender | attacker defender | win concede | victory loss | lead trail
present absent | presence absence | include omit | remember forget | find lose | hide reveal
reveal conceal | show hide | visible invisible | known unknown | public secret | formal informal
increase drop | upturn downturn | boom bust | inflation deflation | bull bear | optimistic pessimistic
optimism pessimism | hope fear | praise criticise | praise criticize | praise condemn | welcome condemn
reward punish | credit blame | encourage discourage | encourage deter | strengthen undermine
legalise ban | legalize ban | lift impose | ease tighten | loosen tighten | relax tighten
thrive struggle | flourish struggle | forward backward | forwards backwards | ahead behind | acquit charge
""".strip()


def opposite_pairs(listing: str, base: dict[str, frozenset[str]] | None = None) -> dict[str, frozenset[str]]:
    """Read "a b | c d" pairs (both directions) into a word -> opposites map, added to ``base``."""
    pairs: dict[str, set[str]] = {k: set(v) for k, v in (base or {}).items()}
    for chunk in listing.replace("\n", "|").split("|"):
        words = chunk.split()
        if len(words) != 2:
            continue
        a, b = words
        pairs.setdefault(a, set()).add(b)
        pairs.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in pairs.items()}


ANTONYMS: dict[str, frozenset[str]] = opposite_pairs(_ANTONYM_PAIRS)

# Prefixes that make an opposite out of a word ("likely" / "unlikely").
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-")
# First elements of a hyphenated word that negate the second ("non-violent" is not violent, "ill-prepared"
# not prepared, "un-American"); the tokenizer splits them off as words of their own.
NEGATING_ELEMENTS = frozenset({"non", "un", "ill"})

# Closed classes of attribute words: swapping one for another changes a checkable fact, and a
# faithful paraphrase rarely has a reason to use a different member.
COLOURS = frozenset(
    "red blue green yellow white black orange purple pink brown grey gray violet golden silver".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
GENDER_WORDS = frozenset(
    "man men woman women male female boy boys girl girls father mother son daughter husband "
    "wife brother sister king queen mr mrs ms uncle aunt nephew niece grandfather grandmother "
    "gentleman lady".split()
)
DIRECTIONS = frozenset("north south east west northern southern eastern western northeast northwest "
                       "southeast southwest".split())
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "twentieth": 20, "thirtieth": 30, "fiftieth": 50,
    "hundredth": 100,
}
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "dozen": 12, "half": 0.5, "once": 1, "twice": 2,
    "single": 1, "double": 2, "triple": 3, "pair": 2, "couple": 2, "both": 2,
    "decade": 10, "decades": 10, "century": 100,
}
SCALE_WORDS = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7, "lakh": 1e5,
}

# Hedges and conditions: dropping one turns a possibility into a fact (omission).
HEDGES = frozenset(
    "may might could possibly perhaps probably likely allegedly reportedly apparently suspected "
    "alleged unconfirmed preliminary suggest appear seem".split()
)
CONDITION_MARKERS = ("only if", "if", "unless", "provided that", "as long as", "subject to",
                     "on condition that", "pending", "would")
# Qualifiers of a number: "up to 40" is not "40".
NUMBER_QUALIFIERS = frozenset(
    "about around approximately nearly almost roughly some up over under more less than least at "
    "most fewer estimated".split()
)

# Country -> people ("france" -> "french"): not a table of its own but nlp/names.py's one table read
# the other way round; text.stem joins a country and its people with it where suffix stripping
# cannot (France / French), entities_cmp lets "American" support "US".
DEMONYMS = COUNTRY_DEMONYMS
