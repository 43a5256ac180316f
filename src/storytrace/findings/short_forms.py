"""Is a short form a way of writing a long name? One answer for every detector that compares names
(entity swap, attribution, omission, name support).

A body or an outlet is written many ways: by its acronym ("FAA" / "Federal Aviation Administration",
"PBOC" / "People's Bank of China", with or without its small words), by an acronym that takes more
than one letter of a word ("CCTV" / "China Central Television", "NORAD" / "North American Aerospace
Defense Command"), with a leading place left out or added ("FAA" / "U.S. Federal Aviation
Administration", "STB" / "Tourism Board" where the S is Singapore), by its web address
("Chinanews.com" / "China News Service", the first words run together), or with one word of it
written short ("EU Commission" / "European Commission"). Different letters, or a long form whose
words the letters do not fit, is another name: "WHO" / "World Trade Organization" stays a swap.

The detectors ask for the plain answer (``loose=False``: initials, small words counted or not; an
outlet's address) before they drop a finding. A loose fit (above) is weaker evidence, a doubt: removing
the finding on it cost a right finding on a benchmark (session 14, acro14), and so did lowering it to
low (session 15, short15: no benchmark counts a low). So a loose fit only keeps a finding from being
high (precision first: a high finding must be right): a swap or attribution change that would be high
is medium, saying how the letters fit (``loose_fit``); a medium or low finding stays as it is.
"""
from __future__ import annotations

import re
from functools import lru_cache

from storytrace.nlp import wordnet
from storytrace.nlp.names import COUNTRY_ALIASES, COUNTRY_DEMONYMS, DEMONYMS

# Small words a name's acronym may count or leave out ("PBOC" / "PBC" for "People's Bank of China").
SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "de", "&"})

_WEB_ADDRESS = re.compile(r"^(?:www\.)?([^\W_][\w-]*)\.(?:com|net|org|cn|tv|news|info)(?:\.[a-z]{2})?$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?(?:\.[^\W\d_]\.?)*")


def web_name(text: str) -> str | None:
    """The name of a web address ("chinanews" of "Chinanews.com"), None for no address."""
    m = _WEB_ADDRESS.match(text.strip())
    return m.group(1).replace("-", "").lower() if m else None


def same_outlet(a: str, b: str, joined: bool = False) -> bool:
    """Is one name a web address whose name is the other's first words run together
    ("Chinanews.com" / "China News Service", "CNN.com" / "CNN")? An outlet is named by its
    address or by its words; two translations of one dateline write either. With ``joined`` (two
    organisations' names), a single word the other's first words make when run together counts as
    well ("Chinanews" / "China News Service")."""
    for address, name in ((a, b), (b, a)):
        site = web_name(address)
        if site is None and joined and re.fullmatch(r"[A-Z][a-z]{5,}", address.strip()) \
                and len(re.findall(r"[^\W_]+", name)) >= 2 and not wordnet.known(address.strip().lower()):
            site = address.strip().lower()
        if site is None or web_name(name) is not None:
            continue
        run = ""
        for w in re.findall(r"[^\W_]+", name.lower()):
            run += w
            if run == site:
                return True
            if len(run) >= len(site):
                break
    return False


_INITIAL_LINKS = frozenset({"of", "and", "for"})


def initials_of(name: str) -> set[str]:
    """The acronyms a name of several words makes: the first letters of its capitalised words, and
    of those with the small words between them ("People's Bank of China": "pbc", "pboc"; "Korean
    Central News Agency": "kcna")."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", name)
    out = set()
    for kept in ([w for w in words if w[:1].isupper()],
                 [w for w in words if w[:1].isupper() or w.lower() in _INITIAL_LINKS]):
        if len(kept) >= 2:
            out.add("".join(w[0] for w in kept).lower())
    return out


def leading_cuts(words: list[str]) -> list[tuple[str, list[str]]]:
    """A name's first capitalised words by their letters, the rest written out: ("hcm", ["City"]) of
    "Ho Chi Minh City" (written "HCM City"), ("un", ["Security", "Council"]) and ("uns", ["Council"]) of
    "United Nations Security Council". Two letters at least, one word written out at least."""
    capitalised = [w for w in words if w[:1].isupper()]
    return [("".join(w[0] for w in capitalised[:k]).lower(), capitalised[k:]) for k in range(2, len(capitalised))]


def leading_initials(name: str) -> set[str]:
    """The acronyms of a name's first words, the rest written out (``leading_cuts``): "HCM" of "Ho Chi
    Minh City" ("HCM City"), "UN" of "United Nations Security Council" ("UN Security Council")."""
    return {letters for letters, _ in leading_cuts(re.findall(r"[^\W\d_]+", name))}


def acronym_letters(text: str) -> str | None:
    """The letters of an acronym ("faa" of "FAA", "un" of "U.N."), None when ``text`` is not one
    word in capitals of two letters or more."""
    letters = text.strip().replace(".", "")
    if len(letters) >= 2 and letters.isalpha() and letters.isupper():
        return letters.lower()
    return None


def _place_word(word: str) -> bool:
    """A country or its people's name that may head a body's name ("U.S.", "Chinese")."""
    key = word.lower()
    return key in COUNTRY_ALIASES or key in COUNTRY_DEMONYMS or key in DEMONYMS


@lru_cache(maxsize=1 << 14)
def letters_fit(letters: str, long_name: str, implicit_head: bool = False, loose: bool = False) -> bool:
    """Do an acronym's letters spell the long name? Plainly, they are the first letters of its
    capitalised words, its small words ("of", "and", "for") counted or not (``initials_of``:
    "PBOC", "PBC" for "People's Bank of China"); with ``implicit_head``, other letters may come
    between them ("STB" for "Tourism Board"). With ``loose`` (two names compared in one place: one slot of two aligned sentences,
    one rendering sentence), each run of letters begins a word of the name and may take later
    letters of that word ("TV" of "Television", "NOR" of "North"); a place heading the name may be
    left out ("U.S." of "U.S. Federal Aviation Administration") and, for an acronym of four letters
    or more, as many words as it has letters past three (a long run of letters anchored at word
    starts does not fit a name by chance; a name outgrows its letters: NORAD's "Aerospace" and
    "Command"). A looser fit is asked only of two names found in one place: searched for across a
    whole article, with its many names and acronyms, it would find partners by chance.
    With ``implicit_head`` (an acronym in the very sentence that renders the name, omissions only),
    a place the name leaves implicit may give the acronym's first letter ("the STB" for "the
    Tourism Board", Singapore's). Elsewhere it may not: "PBOC" is the People's Bank of China, and
    "Bank of China" is another bank, a swap a translation makes."""
    if not loose:
        return letters in initials_of(long_name) or (implicit_head and _holds_initials(letters, long_name))
    search = _loose_search(letters, long_name)
    if search is None:
        return False
    _, _, optional, fit = search
    if fit(0, 0, max(0, len(letters) - 3)) is not None:
        return True
    # the acronym's first letter stands for a place the name leaves implicit ("S" of "STB")
    return (implicit_head and len(letters) >= 3 and fit(1, 0, 0) is not None
            and len([o for o in optional if not o]) >= 2)


def _loose_search(letters: str, long_name: str):
    """The loose mode's search (``letters_fit``), shared by the yes-or-no answer and by
    ``_letter_parts``, which shows the fit: (the name's words, the same plain, which of them are
    optional, ``fit``), None for a name of fewer than two words. ``fit(i, j, skips)`` places letters i.. on words j.. with ``skips`` words
    that may give no letter; it answers the path, a (word, positions of its letters taken) per word
    from j on, or None where the letters do not fit."""
    words = [w for w in _WORD.findall(long_name) if w[:1].isalpha()]
    words = [w for w in words if w[:1].isupper() or w.lower() in SMALL_WORDS]
    if len(words) < 2:
        return None
    plain = [w.replace(".", "").replace("'", "").replace("’", "").lower() for w in words]
    # a small word, or a place heading the name, gives no letter
    optional = [w.lower() in SMALL_WORDS or (i == 0 and _place_word(w)) for i, w in enumerate(words)]

    @lru_cache(maxsize=None)
    def fit(i: int, j: int, skips: int) -> tuple | None:
        if i == len(letters):
            rest = [k for k in range(j, len(plain)) if not optional[k]]
            return tuple((k, ()) for k in range(j, len(plain))) if len(rest) <= skips else None
        if j == len(plain):
            return None
        word = plain[j]
        if word[:1] == letters[i]:  # letters i.. from this word: the first at its start, the rest in order
            taken, k, pos = [0], i + 1, 1
            while True:
                tail = fit(k, j + 1, skips)
                if tail is not None:
                    return ((j, tuple(taken)), *tail)
                pos = word.find(letters[k], pos) if k < len(letters) else -1
                if pos < 0:
                    break
                taken.append(pos)
                pos, k = pos + 1, k + 1
        if optional[j] or skips:  # a small word, a heading place or a spare word gives no letter
            tail = fit(i, j + 1, skips if optional[j] else skips - 1)
            if tail is not None:
                return ((j, ()), *tail)
        return None

    return words, plain, optional, fit


def _holds_initials(letters: str, long_name: str) -> bool:
    """Does the acronym hold the initials of the name's capitalised words in order, other letters
    allowed ("stb" for "Tourism Board": a letter of a place the name leaves implicit)?"""
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", long_name) if w[:1].isupper()).lower()
    if len(initials) < 2 or len(letters) < len(initials):
        return False
    rest = iter(letters)
    return all(c in rest for c in initials)


def spells_name_before(words_before: list[str], short: str) -> bool:
    """Is ``short``, written in brackets right after ``words_before`` (the sentence's words up to the
    bracket), the acronym of the name those words end with ("... Political Consultative Conference
    (NPPCC)")? Then it names what that name names and adds no name of its own: whether the name
    itself is said by the source is asked of the name. Plain fit only (``letters_fit``): the name is
    the run of capitalised words and small words just before the bracket, or a tail of that run that
    starts with a capitalised word ("China's National People's Congress (NPC)")."""
    letters = acronym_letters(_bare(short))
    if letters is None:
        return False
    run: list[str] = []
    for word in reversed(words_before):
        if word[:1].isupper() or word.lower() in SMALL_WORDS or word in ("'s", "’s", "'", "’"):
            run.insert(0, word)
        else:
            break
    for k, word in enumerate(run):
        if word[:1].isupper() and word not in ("'s", "’s"):
            name = " ".join(run[k:]).replace(" 's", "'s").replace(" ’s", "’s")
            if acronym_letters(name) is None and letters_fit(letters, name):
                return True
    return False


def _word_written_short(short: str, long: str) -> bool:
    """Is one word of a name the short form of the other's word ("EU" / "European", "U.S." /
    "American")? The short word stands for a name (a country alias, or a WordNet name of several
    words) whose first word, or whose people's name, is the long word."""
    letters = acronym_letters(short)
    if letters is None:
        return False
    key, other = short.lower(), long.lower()
    expansions = set()
    if key in COUNTRY_ALIASES:
        expansions.add(COUNTRY_ALIASES[key].lower())
    for sid in wordnet.wordnet().synsets(letters, "n"):
        expansions |= {w.replace("_", " ").lower() for w in wordnet.wordnet().words(sid) if "_" in w}
    for name in expansions:
        if name.split()[0] == other or COUNTRY_DEMONYMS.get(name) == other:
            return True
    return False


def _one_word_written_short(a: str, b: str) -> tuple[str, str] | None:
    """(the word of ``a``, the word of ``b`` it is written short for) where two names of two words or
    more are alike but for that word ("EU" / "European" of "EU Commission" / "European Commission");
    None otherwise."""
    wa, wb = _WORD.findall(a), _WORD.findall(b)
    if len(wa) != len(wb) or len(wa) < 2:
        return None
    differ = [(x, y) for x, y in zip(wa, wb) if x.lower() != y.lower()]
    return differ[0] if len(differ) == 1 and _word_written_short(*differ[0]) else None


def _names_word_by_word(a: str, b: str) -> bool:
    return _one_word_written_short(a, b) is not None or _one_word_written_short(b, a) is not None


def _bare(name: str) -> str:
    """The name without a leading "the" and a trailing possessive ("the FAA's" -> "FAA")."""
    name = re.sub(r"^(?:the|The|THE)\s+", "", name.strip())
    return re.sub(r"['’]s?$", "", name)


def written_short(short: str, long: str, joined: bool = False, loose: bool = False) -> bool:
    """Is ``short`` a way of writing the name ``long``: its acronym (``letters_fit``), its web
    address or, with ``joined`` (two organisations), its first words run together into one
    (``same_outlet``), or, with ``loose`` (``letters_fit``), the name with one word written short
    ("EU Commission")?"""
    short, long = _bare(short), _bare(long)
    if not short or not long:
        return False
    letters = acronym_letters(short)
    if letters is not None and acronym_letters(long) is None and letters_fit(letters, long, loose=loose):
        return True
    if same_outlet(short, long, joined):
        return True
    return loose and _names_word_by_word(short, long)


def one_referent(a: str, b: str, joined: bool = False, loose: bool = False) -> bool:
    """Do two names, one perhaps short, name one thing (``written_short`` either way round)?
    ``loose``: the two are compared in one place (see ``letters_fit``)."""
    return written_short(a, b, joined, loose) or written_short(b, a, joined, loose)


def _letter_parts(letters: str, long_name: str) -> list[str] | None:
    """How an acronym's letters fit a long name in the loose mode: each word of the name with the
    letters it gives in capitals and the rest in brackets ("C(hina) C(entral) T(ele)V(ision)"), a
    word that gives none in brackets whole ("(U.S.)"); None when they do not fit."""
    search = _loose_search(letters, long_name)
    if search is None:
        return None
    words, plain, _, fit = search
    path = fit(0, 0, max(0, len(letters) - 3))
    if path is None:
        return None

    def shown(word: str, taken: tuple[int, ...]) -> str:
        out, n = "", 0
        while n < len(word):
            if n in taken:
                out, n = out + word[n].upper(), n + 1
                continue
            run = n
            while n < len(word) and n not in taken:
                n += 1
            out += f"({word[run:n]})"
        return out

    return [f"({words[j]})" if not taken else shown(plain[j], taken) for j, taken in path]


def loose_fit(a: str, b: str, joined: bool = False) -> str | None:
    """How two names compared in one place may be one body written short, where only the loose
    mode says so (the plain one would have dropped the finding): "the letters of "CCTV" fit
    "C(hina) C(entral) T(ele)V(ision)"", "EU" written for "European". None when the plain mode
    fits (no finding at all) or the loose one does not (another body)."""
    if one_referent(a, b, joined) or not one_referent(a, b, joined, loose=True):
        return None
    for short, long in ((_bare(a), _bare(b)), (_bare(b), _bare(a))):
        letters = acronym_letters(short)
        if letters is not None and acronym_letters(long) is None:
            parts = _letter_parts(letters, long)
            if parts is not None:
                return f'the letters of "{short}" fit "{" ".join(parts)}"'
        word = _one_word_written_short(short, long)
        if word is not None:
            return f'"{word[0]}" is written for "{word[1]}"'
    return "one is the other written short"
