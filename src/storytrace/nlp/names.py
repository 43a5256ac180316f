"""Name normalisation shared by entities, roles and quotes: titles, possessives, aliases."""
from __future__ import annotations

import re

# Words that make a title when they come before a name ("Prime Minister Mark Carney").
# The last one of these inside a PERSON span marks where the title ends.
TITLE_HEADS = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss mx dr dr. prof prof. professor sir dame lord lady
    president vice-president minister premier chancellor senator sen sen. rep rep. representative
    congressman congresswoman governor gov gov. mayor judge justice general gen gen. colonel col col.
    captain capt capt. lieutenant lt lt. sergeant sgt sgt. admiral adm adm. commander major
    king queen prince princess pope rev rev. reverend father sheikh emir sultan ayatollah imam rabbi bishop
    secretary commissioner ambassador envoy negotiator director chairman chairwoman chair chairperson
    chief ceo cfo coo spokesman spokeswoman spokesperson speaker deputy official officer
    economist analyst adviser advisor attorney prosecutor inspector superintendent commissar
    """.split()
)
# Role nouns: a phrase is a plausible role/title when one of these heads it or appears in it.
ROLE_NOUNS = TITLE_HEADS | frozenset(
    """
    head leader founder co-founder executive manager editor correspondent reporter journalist
    researcher scientist professor lecturer fellow expert lawyer member lawmaker legislator mp
    diplomat strategist consultant historian author writer owner partner president-elect
    candidate activist campaigner organiser organizer coordinator administrator regulator
    banker trader investor entrepreneur physician doctor surgeon nurse engineer architect
    spokesperson representative delegate observer monitor auditor treasurer clerk registrar
    governor-general premier-elect counsel solicitor barrister magistrate sheriff constable
    commissioner negotiator minister secretary-general under-secretary undersecretary
    officer worker employee staffer aide assistant student teacher principal dean rector
    """.split()
)
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss mx dr dr. prof prof. sir dame".split())

_POSSESSIVE = re.compile(r"\s*['’]s?$")
_LEADING_THE = re.compile(r"(?:the|The|THE)\s+")  # used with .match(text, pos)
_EDGE_PUNCT = " \t\n,;:\"“”‘’'()[]{}"

COUNTRY_ALIASES = {
    "us": "United States", "u.s.": "United States", "u.s": "United States", "usa": "United States",
    "u.s.a.": "United States", "america": "United States", "united states of america": "United States",
    "the united states": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
    "britain": "United Kingdom", "great britain": "United Kingdom", "eu": "European Union",
    "e.u.": "European Union", "un": "United Nations", "u.n.": "United Nations",
    "prc": "China", "people's republic of china": "China", "uae": "United Arab Emirates",
    "holland": "Netherlands",
}
# The one people -> country table. Read this way for demonyms tagged NORP that stand for a country
# ("the Canadian prime minister" = Canada's); read the other way round (COUNTRY_DEMONYMS) by the
# findings, where "France" supports "French".
DEMONYMS = {
    "american": "United States", "british": "United Kingdom", "canadian": "Canada", "chinese": "China",
    "french": "France", "german": "Germany", "italian": "Italy", "spanish": "Spain", "japanese": "Japan",
    "korean": "Korea", "south korean": "South Korea", "north korean": "North Korea", "indian": "India",
    "russian": "Russia", "ukrainian": "Ukraine", "mexican": "Mexico", "brazilian": "Brazil",
    "australian": "Australia", "polish": "Poland", "dutch": "Netherlands", "belgian": "Belgium",
    "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland",
    "irish": "Ireland", "portuguese": "Portugal", "greek": "Greece", "turkish": "Turkey",
    "israeli": "Israel", "iranian": "Iran", "iraqi": "Iraq", "egyptian": "Egypt", "saudi": "Saudi Arabia",
    "pakistani": "Pakistan", "indonesian": "Indonesia", "vietnamese": "Vietnam", "thai": "Thailand",
    "nigerian": "Nigeria", "kenyan": "Kenya", "south african": "South Africa", "argentine": "Argentina",
    "argentinian": "Argentina", "chilean": "Chile", "colombian": "Colombia", "swiss": "Switzerland",
    "austrian": "Austria", "czech": "Czech Republic", "hungarian": "Hungary", "romanian": "Romania",
    "european": "Europe", "taiwanese": "Taiwan", "filipino": "Philippines", "new zealand": "New Zealand",
    "english": "England", "welsh": "Wales", "scottish": "Scotland", "lebanese": "Lebanon", "yemeni": "Yemen",
    "kuwaiti": "Kuwait", "qatari": "Qatar", "omani": "Oman", "bangladeshi": "Bangladesh", "afghan": "Afghanistan",
    "peruvian": "Peru", "cuban": "Cuba", "icelandic": "Iceland",
}


def _country_demonyms() -> dict[str, str]:
    """country, and each alias of it -> its people, lower case ("france" / "u.k." -> "french" / "british"):
    DEMONYMS the other way round. A country with two demonyms takes the first (Argentine, Argentinian)."""
    out: dict[str, str] = {}
    for people, country in DEMONYMS.items():
        out.setdefault(country.lower(), people)
    for alias, country in COUNTRY_ALIASES.items():
        if country.lower() in out:
            out.setdefault(alias, out[country.lower()])
    return out


COUNTRY_DEMONYMS = _country_demonyms()


def strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past punctuation, possessive 's and a leading "the"."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    m = _POSSESSIVE.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    m = _LEADING_THE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    return start, end


def title_prefix_end(words: list[tuple[int, int, str]]) -> int:
    """How many leading words of a PERSON span are a title ("Prime Minister", "Dr.").

    ``words`` are (start, end, text) of the span's words; at least one word is always left.
    """
    cut = 0
    for i, (_, _, w) in enumerate(words[:-1]):
        if w.lower() in TITLE_HEADS:
            cut = i + 1
    return cut


def canonical(text: str) -> str:
    """Collapse whitespace and unify apostrophes, so equal names compare equal."""
    return " ".join(text.replace("’", "'").split())


def canonical_place(name: str) -> str:
    """Aliases to one name ("U.S." -> "United States"); datelines in capitals to title case ("LONDON")."""
    alias = COUNTRY_ALIASES.get(name.lower())
    if alias:
        return alias
    if name.isupper() and len(name.replace(" ", "")) >= 4:
        return name.title()
    return name


def looks_like_role(phrase: str) -> bool:
    """True when a phrase names a title or affiliation ("a former trade official now at X")."""
    for w in re.findall(r"[A-Za-z][A-Za-z.-]*", phrase):
        lw = w.lower()
        if lw in ROLE_NOUNS or (lw.endswith("s") and lw[:-1] in ROLE_NOUNS):
            return True
    return False


# Words that make a byline name an organisation rather than a person.
OUTLET_WORDS = frozenset(
    """news times post press agency journal herald daily weekly media wire network tribune gazette observer
    ledger digest dispatch chronicle reuters ap afp menafn bloomberg bbc cnn xinhua kyodo tass ansa efe dpa
    telegraph guardian independent mail express standard review magazine radio television tv broadcasting
    online insider monitor courier examiner star sun mirror record bulletin report reporter today globe
    service services desk editors staff""".split()
)

def looks_like_outlet(name: str) -> bool:
    """A news organisation's name rather than a person's ("Observer News", "The Washington Post", "AFP"):
    one word newspapers and agencies are named by, or a short all-capital name. The one test of an
    outlet's name: bylines (ingest.header), relays (lineage) and the channel of saying (nlp.channel)."""
    name = name.strip()
    words = re.findall(r"[A-Za-z]+", name)
    return bool(words) and (any(w.lower() in OUTLET_WORDS for w in words) or name.isupper() and len(name) <= 12)
