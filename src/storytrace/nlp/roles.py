"""Roles: titles and affiliations tied to a person mention.

Patterns (``Role.pattern``):
- apposition:   "Maria Lopez, a former trade official now at the Lowy Institute,"
- director_of:  "Paul Tremblay, director of the Institute" (an apposition headed by "X of/at Y")
- who_served:   "says Ana Ruiz, who served as deputy minister"
- title_before: "EU trade commissioner Anna Kowalski", "Prime Minister Mark Carney",
                "Canada's chief negotiator, Paul Tremblay"
- of_org:       "Anna Kowalski of the European Commission"
"""
from __future__ import annotations

import re

from storytrace.model import Mention, Role
from storytrace.nlp.entities import GluedTitle
from storytrace.nlp.names import HONORIFICS, ROLE_NOUNS, looks_like_role
from storytrace.nlp.segment import SentenceIndex
from storytrace.nlp.tokens import TokenIndex

_PHRASE = r"(?:[^,;.!?\"“”()\n]|\.(?=\S))"
_SPEECH_STOP = r"said|says|told|added|warned|argued|noted|wrote|insisted|explained|stressed|cautioned|declined"
_APPOSITION = re.compile(
    rf",\s+(?:\d{{1,3}},\s+)?(?P<title>{_PHRASE}{{2,140}}?)(?=\s*(?:,|;|\.(?:\s|$)|\)|—|–|$)|\s+(?:{_SPEECH_STOP})\b)"
)
_WHO_SERVED = re.compile(
    rf",?\s+who\s+(?:has\s+|had\s+|once\s+|previously\s+|until\s+recently\s+)?"
    rf"(?:(?:served|serves|is|was|works|worked|became|has\s+been|had\s+been)(?:\s+as)?\s+(?:also\s+|now\s+|currently\s+|still\s+)?"
    rf"|(?=(?:leads|led|heads|headed|runs|ran|chairs|chaired)\s))"
    rf"(?P<title>{_PHRASE}{{2,140}}?)(?=\s*(?:,|;|\.(?:\s|$)|\)|—|–|$))"
)
# "who led the EU's team": leading something is a role even without a title noun
_LEADS = re.compile(r"(?:leads|led|heads|headed|runs|ran|chairs|chaired)\s")
_OF_ORG = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?")
_LEADING_ARTICLE = re.compile(r"(?:a|an|the|A|An|The)\s+")  # used with .match(text, pos)
_NOT_A_TITLE_START = re.compile(r"^(?:who|which|that|and|or|but|if|when|as|while|where|whose|said|says|told|added|in|on|at|by)\b", re.IGNORECASE)
_DIRECTOR_OF = re.compile(r"^[\w-]+(?:\s+[\w-]+){0,2}\s+(?:of|at)\s+\S")
# Tokens that may sit inside a title before a name ("Canada's chief negotiator").
_TITLE_POS = {"NOUN", "PROPN", "ADJ"}
MAX_TITLE_TOKENS = 7


def extract_roles(
    text: str,
    mentions: list[Mention],
    glued: list[GluedTitle],
    tokens: TokenIndex,
    index: SentenceIndex,
) -> list[Role]:
    roles: list[Role] = []
    seen: set[tuple[str, int, int]] = set()
    person_spans = [(m.start, m.end) for m in mentions if m.kind == "person"]
    orgs_by_start = {m.start: m for m in mentions if m.kind == "org"}
    glued_by_mention = {id(g.person_mention): g for g in glued}
    # an org or place name may hold a comma ("Ministry of Economy, Trade and Industry")
    name_ends = {(m.start, m.end) for m in mentions if m.kind in ("org", "place")}

    def add(person: Mention, start: int, end: int, pattern: str) -> None:
        am = _LEADING_ARTICLE.match(text, start, end)
        if am:
            start = am.end()
        while end > start and text[end - 1] in " ,;:":
            end -= 1
        key = (person.value, start, end)
        if all(w.lower() in HONORIFICS for w in text[start:end].split()):
            return  # "Dr.", "Mr": a form of address, not a role
        if end > start and key not in seen:
            seen.add(key)
            roles.append(Role(person=person.value, entity=person.entity, title=text[start:end], start=start, end=end, sentence=person.sentence, pattern=pattern))

    for m in mentions:
        if m.kind != "person":
            continue
        g = glued_by_mention.get(id(m))
        before = _title_before(text, tokens, g.start if g else m.start, head_found=g is not None, person_spans=person_spans)
        if before is not None:
            add(m, before, g.end if g else _comma_title_end(text, before, m.start), "title_before")
        elif g:
            add(m, g.start, g.end, "title_before")
        ws = _WHO_SERVED.match(text, m.end)
        if ws and (looks_like_role(ws.group("title")) or _LEADS.match(ws.group("title"))):
            add(m, ws.start("title"), _past_names(text, ws.start("title"), ws.end("title"), name_ends), "who_served")
            continue
        ap = _APPOSITION.match(text, m.end)
        if ap:
            title = ap.group("title")
            title_start = ap.start("title")
            starts_with_name = _overlaps_person(title_start, title_start + 1, person_spans)  # a list of names
            if not _NOT_A_TITLE_START.match(title) and looks_like_role(title) and not starts_with_name:
                body = title[_LEADING_ARTICLE.match(title).end():] if _LEADING_ARTICLE.match(title) else title
                pattern = "director_of" if _DIRECTOR_OF.match(body) and body.split()[0].lower() in ROLE_NOUNS else "apposition"
                add(m, ap.start("title"), _past_names(text, ap.start("title"), ap.end("title"), name_ends), pattern)
                continue
        of = _OF_ORG.match(text, m.end)
        if of and of.end() in orgs_by_start:
            org = orgs_by_start[of.end()]
            add(m, org.start, org.end, "of_org")
    return roles


def _past_names(text: str, start: int, end: int, name_spans: set[tuple[int, int]]) -> int:
    """Extend a title that stops at a comma inside an org name to the end of that name."""
    for s, e in name_spans:
        if s < end < e and s >= start:
            return e
    return end


def _comma_title_end(text: str, title_start: int, name_start: int) -> int:
    """End of a title written before a name, without the comma ("chief negotiator, Paul")."""
    end = name_start
    while end > title_start and text[end - 1] in " ,":
        end -= 1
    return end


def _title_before(text: str, tokens: TokenIndex, boundary: int, head_found: bool, person_spans) -> int | None:
    """Start of a title phrase ending right before ``boundary`` ("EU trade commissioner"), or None.

    Walks tokens leftwards: the token next to the name (or next to ", " before it) must be a
    role noun unless the title was already glued to the name by spaCy; then nouns, adjectives,
    proper nouns and possessive 's extend it leftwards.
    """
    k = tokens.first_at_or_after(boundary) - 1
    if k < 0:
        return None
    comma = False
    if not head_found and tokens.lower[k] == "," and k > 0:
        comma, k = True, k - 1
    if not head_found and tokens.lower[k] not in ROLE_NOUNS:
        k = _head_before_of(tokens, k)  # "Secretary of State Antony Blinken": head is before "of"
        if k is None:
            return None
    if not head_found:
        if tokens.lower[k] not in ROLE_NOUNS or tokens.pos[k] not in ("NOUN", "PROPN"):
            return None
        if _overlaps_person(tokens.starts[k], tokens.ends[k], person_spans):
            return None
    start = tokens.starts[k] if not head_found else boundary
    j = k if not head_found else k + 1
    steps = 1 if not head_found else 0
    while j - 1 >= 0 and steps < MAX_TITLE_TOKENS:
        p = j - 1
        word = tokens.lower[p]
        if tokens.pos[p] in _TITLE_POS or word in ("'s", "’s", "-"):
            if "\n" in text[tokens.ends[p] : tokens.starts[p + 1]]:
                break  # a title does not run over a line break
            if _overlaps_person(tokens.starts[p], tokens.ends[p], person_spans):
                break
            start = tokens.starts[p]
            j = p
            steps += 1
        else:
            break
    if comma and start == tokens.starts[k] and not text[start].isupper():
        # a lone "official, Paul Tremblay" is too weak (lists, clauses); need a modifier
        return None
    if start >= boundary:
        return None
    return start


def _head_before_of(tokens: TokenIndex, k: int) -> int | None:
    """For "<title> of <Capitalised Words> <Name>", the index of the title noun before "of"."""
    j = k
    for _ in range(4):
        if j < 1 or not tokens.lower[j][:1].isalpha() or tokens.pos[j] != "PROPN":
            return None
        j -= 1
        if tokens.lower[j] in ("of", "for"):
            head = j - 1
            if head >= 0 and tokens.lower[head] in ROLE_NOUNS:
                return head
            return None
        if tokens.lower[j] in ("and", "the", "&"):
            j -= 1
    return None


def _overlaps_person(start: int, end: int, person_spans) -> bool:
    return any(s < end and start < e for s, e in person_spans)
