"""Quotations and their speakers.

Finding quotes: straight and curly double quotes (and „ with its closing “ or ”) are paired
inside each paragraph; a quote left open at a paragraph's end continues when the next paragraph
opens with a quote mark (the news convention for quotes over several paragraphs): each paragraph
gives one Quote, all with the same speaker. Single curly quotes count only when they hold a
sentence-like stretch.

Finding speakers, in order: the frame after the quote ("...," said X / X said), the frame before
it (X said: "..." / According to X, "..."), the next sentence ("The remark came from X"), then
the other pieces of a multi-paragraph quote. "he added" resolves to the person who made a
statement last (quoted, or reported as saying or disagreeing), of the pronoun's gender where the
text establishes one ("Ms", or an earlier "she said" resolved to that person).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from storytrace.model import Mention, Paragraph, Quote, Role, Sentence
from storytrace.nlp.channel import spacy_channel
from storytrace.nlp.names import ROLE_NOUNS
from storytrace.nlp.segment import SentenceIndex
from storytrace.nlp.tokens import TokenIndex

# The speech verbs of the languages the product reads, one table: the frame of a quotation in any of
# them names its speaker ("», a déclaré le maire", "“, sagte er", "», dijo el alcalde"). Verb forms,
# not lemmas (the English parser lemmatises no French). Spanish "dice" is left out: English "dice".
SPEECH_VERBS: dict[str, str] = {
    "en": "says|said|saying|say|tells|told|tell|adds|added|states|stated|notes|noted|argues|argued|explains|explained|"
          "warns|warned|insists|insisted|writes|wrote|asks|asked|replies|replied|claims|claimed|continues|continued|"
          "declares|declared|comments|commented|remarks|remarked|acknowledges|acknowledged|admits|admitted|announces|"
          "announced|cautions|cautioned|stresses|stressed|emphasises|emphasised|emphasizes|emphasized|observes|observed|"
          "suggests|suggested|tweets|tweeted|posted|recalls|recalled|concludes|concluded|predicts|predicted|promises|"
          "promised|urges|urged|vows|vowed|concedes|conceded|responds|responded|answers|answered|put it|according to",
    "fr": "déclare|déclaré|dit|affirme|affirmé|ajoute|ajouté|explique|expliqué|indique|indiqué|souligne|souligné|"
          "précise|précisé|estime|estimé|raconte|raconté|confie|confié|assure|assuré|répond|répondu|annonce|annoncé|"
          "selon",
    "de": "sagt|sagte|sagten|gesagt|erklärt|erklärte|erklärten|betont|betonte|meint|meinte|fügte|warnt|warnte|"
          "berichtet|berichtete|laut",
    "es": "dijo|afirmó|declaró|señaló|explicó|aseguró|añadió|agregó|indicó|comentó|manifestó|sostuvo|advirtió|según",
    "it": "detto|dichiarato|affermato|spiegato|aggiunto|sottolineato|dichiara|afferma|spiega|aggiunge|sottolinea|"
          "secondo",
}
SPEECH_VERB = re.compile(rf"\b(?:{'|'.join(SPEECH_VERBS.values())})\b", re.IGNORECASE)
# Words of these languages that name the source ahead of what it says, as "according to" does.
_ACCORDING_TO = frozenset({"according to", "selon", "laut", "según", "secondo"})
# Subject pronouns of these languages, read as the English ones the speaker resolution knows
# ("a-t-il déclaré", "sagte er", "dijo ella").
_PRONOUN_AS = {"il": "he", "elle": "she", "er": "he", "sie": "she", "él": "he", "ella": "she"}
# Cues that a sentence names the author of the quote before it ("The remark came from X").
_NEXT_SENTENCE_CUE = re.compile(
    r"\b(?:came from|words of|remarks?|comments?|statement|according to|quoted|spoke|attributed to|belongs? to|those were)\b",
    re.IGNORECASE,
)
PRONOUNS = {"he", "she", "they"}
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord)\.?\s+\Z")
GENDER_BY_HONORIFIC = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
CONTINUATION_VERBS = {"added", "adds", "continued", "continues", "ajouté", "ajoute", "añadió", "agregó", "aggiunto",
                      "aggiunge", "fügte"}
# Verbs by which someone takes a position without being quoted ("Lopez disagreed."): the next
# "she added" continues that person, the latest to have made a statement.
_STANCE_VERB = re.compile(
    r"\b(?:agreed|agrees|disagreed|disagrees|objected|objects|protested|protests|countered|counters|"
    r"spoke|speaks|pushed back|dissented|doubted|doubts|denied|denies|confirmed|confirms|estimated|estimates|believes|believed)\b",
    re.IGNORECASE,
)
_STATEMENT_WINDOW = 800  # characters before a quote searched for its "added" speaker
_GENDER_OF_PRONOUN = {"he": "m", "she": "f"}
ORG_PENALTY = 60  # "X, who led the EU's team, said": the person, not the nearer org
_PRONOUN = re.compile(r"\b(he|she|they|He|She|They)\b")
_ROLE_SUBJECT = re.compile(r"\b(?:the|The)\s+((?:[\w'’-]+\s+){0,4}?[\w-]+)\s+(?:has\s+)?(?:said|says|told|added|warned|wrote)\b")
# "low": the low-9 mark that opens a German, Polish, Czech... quotation („Wir sind bereit“, „gotowi”);
# its closing mark is “ or ”. Read as no mark, the closing “ would open a quotation that runs to the
# paragraph's end and makes the prose after it a quote.
OPENERS = {'"': "straight", "“": "open", "”": "close", "„": "low"}
# Marks that come in pairs of their own, each closed only by its partner: guillemets (« » in French,
# Russian, Italian; reversed, » «, in German; ‹ › single), CJK corner brackets 「 」 and 『 』. Inside
# one, other marks are quotes within the quote; a pair left open at the paragraph's end is no quote.
PAIRED = {"«": "»", "»": "«", "‹": "›", "›": "‹", "「": "」", "『": "』"}
MAX_SCARE_WORDS = 3
MAX_GAP = 120  # characters between a speech verb and the speaker's name


@dataclass
class _Piece:
    start: int  # the quoted words, without the marks
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just past the closing mark (== end when unclosed)
    group: int


def find_quote_spans(text: str, paragraphs: list[Paragraph]) -> list[_Piece]:
    pieces: list[_Piece] = []
    carry_group: int | None = None
    group_counter = 0
    for para in paragraphs:
        open_at: int | None = None
        opened_low = False  # the open quotation began with „: “ closes it
        group: int | None = None
        first_mark = _first_non_space(text, para.start, para.end)
        closer = ""  # the partner mark that closes an open paired quotation
        for i in range(para.start, para.end):
            ch = text[i]
            if closer:
                if ch == closer:
                    pieces.append(_Piece(open_at + 1, i, open_at, i + 1, group))
                    open_at, closer = None, ""
                continue
            if open_at is None and ch in PAIRED and _pair_opens(text, i, para.end):
                group_counter += 1
                open_at, closer, group = i, PAIRED[ch], group_counter
                continue
            if ch not in OPENERS:
                continue
            kind = OPENERS[ch]
            if open_at is None:
                if kind == "close":
                    continue  # a stray closing mark
                if kind == "straight" and not _can_open(text, i):
                    continue
                open_at, opened_low = i, kind == "low"
                if carry_group is not None and i == first_mark:
                    group = carry_group  # continues the previous paragraph's quote
                else:
                    group_counter += 1
                    group = group_counter
            else:
                if kind == "low" or (kind == "open" and not opened_low):
                    open_at, opened_low = i, kind == "low"  # a fresh opening before a close: the earlier mark was stray
                    continue
                pieces.append(_Piece(open_at + 1, i, open_at, i + 1, group))
                open_at = None
        carry_group = None
        if open_at is not None and not closer:
            # unclosed at paragraph end: a multi-paragraph quote when the next paragraph opens with a mark
            pieces.append(_Piece(open_at + 1, para.end, open_at, para.end, group))
            carry_group = group
    pieces.extend(_single_quotes(text, paragraphs, pieces))
    pieces.sort(key=lambda p: p.start)
    return [p for p in (_trim(text, p) for p in pieces) if p.end > p.start]


def _pair_opens(text: str, i: int, end: int) -> bool:
    """A paired mark opens when its partner follows in the paragraph; » and › (and a ‹ or « that
    may close a reversed German pair) open only glued to the next word ("»Wir«"), not standing
    between spaces as a separator ("Home » News")."""
    ch = text[i]
    if text.find(PAIRED[ch], i + 1, end) < 0:
        return False
    if ch in "»›":
        nxt = text[i + 1] if i + 1 < len(text) else " "
        prev = text[i - 1] if i > 0 else " "
        return not nxt.isspace() and not prev.isalnum()
    return True


def _first_non_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _can_open(text: str, i: int) -> bool:
    """A straight quote opens when it is not glued to the end of a word ("5" 10' aside)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isalnum() and not nxt.isspace()


_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))‘(?P<body>[^‘’\n]*?(?:’[A-Za-z][^‘’\n]*?)*)’(?![A-Za-z])")
# Straight single quotes used as the primary marks ('We are ready,' the mayor said): the quoted
# words start at a letter or figure and end at the punctuation that closes a quoted sentence, and an
# apostrophe inside stands between two letters ("don't", "O'Brien"), so the possessive of "the
# players' union" ends no quotation and a word that opens with one ("'em", "'90s") starts none that
# runs on to the next real quotation.
_STRAIGHT_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–:]))'(?P<body>[^\W_][^'\n]*?(?:(?<=[^\W_])'[^\W\d_][^'\n]*?)*[.,!?])'(?![^\W_])")


def _single_quotes(text: str, paragraphs: list[Paragraph], doubles: list[_Piece]) -> list[_Piece]:
    """‘...’ and '...' quotes holding four words or more, outside double quotes (apostrophes inside are fine)."""
    out = []
    inside = [(p.open_mark, p.close_mark) for p in doubles]
    starts = [s for s, _ in inside]
    for m in (*_SINGLE.finditer(text), *_STRAIGHT_SINGLE.finditer(text)):
        body = m.group("body")
        if len(body.split()) < 4:
            continue
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and inside[k][1] > m.start():
            continue
        out.append(_Piece(m.start("body"), m.end("body"), m.start(), m.end(), -(len(out) + 1)))
    return out


def _trim(text: str, p: _Piece) -> _Piece:
    """Strip spaces, and the comma that stands for a full stop before "he said"."""
    s, e = p.start, p.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return _Piece(s, e, p.open_mark, p.close_mark, p.group)


class _Mentions:
    """Person/org mentions outside quotation marks, sorted by offset, for range look-ups."""

    def __init__(self, mentions: list[Mention], quote_marks: list[tuple[int, int]], text: str = ""):
        starts = [s for s, _ in quote_marks]

        def quoted(m: Mention) -> bool:
            k = bisect.bisect_right(starts, m.start) - 1
            return k >= 0 and quote_marks[k][1] > m.start

        self.items = sorted((m for m in mentions if m.kind in ("person", "org") and not quoted(m)), key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        # "Ms. Yellen" / "Mr Biden": lets "she said" skip a man named more recently
        self.gender: dict[str, str] = {}
        for m in self.items:
            h = _HONORIFIC_BEFORE.search(text, max(0, m.start - 8), m.start) if m.kind == "person" else None
            if h:
                self.gender.setdefault(m.value, GENDER_BY_HONORIFIC[h.group(1).lower()])

    def between(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.items[lo:hi] if m.end <= end]

    def covering(self, offset: int) -> Mention | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and self.items[k].end > offset:
            return self.items[k]
        return None

    def fits(self, m: Mention | None, pronoun: str) -> bool:
        want = {"he": "m", "she": "f"}.get(pronoun)
        return m is not None and (want is None or self.gender.get(m.value) in (None, want))

    def last_person_before(self, offset: int, pronoun: str = "") -> Mention | None:
        hi = bisect.bisect_left(self.starts, offset)
        for m in reversed(self.items[max(0, hi - 50) : hi]):
            if m.kind == "person" and self.fits(m, pronoun):
                return m
        return None


@dataclass
class _Context:
    text: str
    tokens: TokenIndex
    mentions: _Mentions
    roles: list[Role]
    last_speaker: Mention | None = None
    quote_marks: list[tuple[int, int]] | None = None
    speakers: list[tuple[int, Mention]] | None = None  # (offset of the quote, its person speaker)
    ambiguous: bool = False  # the frame's pronoun fits two people: leave the quote without a speaker


def extract_quotes(
    text: str,
    paragraphs: list[Paragraph],
    sentences: list[Sentence],
    index: SentenceIndex,
    mentions: list[Mention],
    roles: list[Role],
    tokens: TokenIndex,
) -> list[Quote]:
    pieces = find_quote_spans(text, paragraphs)
    quote_marks = [(p.open_mark, p.close_mark) for p in pieces]
    # "announced it on Twitter", "said in a Facebook post": the channel of saying is never the speaker
    mentions = [m for m in mentions if not _channel(tokens, m)]
    ctx = _Context(text, tokens, _Mentions(mentions, quote_marks, text), roles, quote_marks=quote_marks, speakers=[])
    quotes: list[Quote] = []
    groups: dict[int, list[Quote]] = {}
    previous: tuple[_Piece, Mention | None, int] | None = None  # last kept piece, its speaker, its sentence
    for n, p in enumerate(pieces):
        s_open = index.at(p.open_mark)
        s_close = index.at(max(p.close_mark - 1, p.open_mark))
        sent_open, sent_close = sentences[s_open], sentences[s_close]
        prev_close = quote_marks[n - 1][1] if n > 0 else 0
        next_open = quote_marks[n + 1][0] if n + 1 < len(pieces) else len(text)
        after = (p.close_mark, min(sent_close.end, next_open))
        before = (max(sent_open.start, prev_close), p.open_mark)
        body = text[p.start : p.end]
        has_verb = bool(SPEECH_VERB.search(text, after[0], after[1]) or SPEECH_VERB.search(text, before[0], before[1]))
        is_sentence = body.rstrip().endswith((".", "!", "?"))  # "Never." is speech, "reforms" is not
        if _word_count(body) <= MAX_SCARE_WORDS and not has_verb and not is_sentence and p.close_mark != p.end:
            continue  # scare quotes: 'so-called "reforms"'
        ctx.ambiguous = False
        speaker, cue = _speaker_in_frame(ctx, after, p.open_mark, prefer="after")
        if speaker is None and not ctx.ambiguous:
            speaker, cue = _speaker_in_frame(ctx, before, p.open_mark, prefer="before")
        if speaker is None and ctx.ambiguous:
            pass  # "she added" after two possible women: no speaker is better than a wrong one
        elif speaker is None and previous and previous[1] is not None:
            speaker, cue = _continues_previous(ctx, previous, p, sent_open.paragraph, sentences, paragraphs)
        if speaker is None and not ctx.ambiguous and s_close + 1 < len(sentences):
            following = sentences[s_close + 1]
            if following.paragraph == sent_close.paragraph:
                speaker, cue = _speaker_in_next_sentence(text, following, ctx.mentions, quote_marks)
        q = Quote(text=body, start=p.start, end=p.end, speaker=speaker.value if speaker else None,
                  speaker_entity=speaker.entity if speaker else None, cue=cue, sentence=s_open)
        quotes.append(q)
        groups.setdefault(p.group, []).append(q)
        previous = (p, speaker, s_close)
        if speaker is not None and speaker.kind == "person":
            ctx.last_speaker = speaker
            ctx.speakers.append((p.open_mark, speaker))
    for members in groups.values():
        named = next((q for q in members if q.speaker), None)
        if named and len(members) > 1:
            for q in members:
                if not q.speaker:
                    q.speaker, q.speaker_entity, q.cue = named.speaker, named.speaker_entity, "continued"
    return quotes


def _channel(tokens: TokenIndex, m: Mention) -> bool:
    if m.kind not in ("person", "org"):
        return False
    first, end = tokens.first_at_or_after(m.start), tokens.first_at_or_after(m.end)
    return end > first and spacy_channel(tokens.tokens, first, end)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _word_count(body: str) -> int:
    """Words of a quotation; Chinese and Japanese write no spaces, so there about one word per two
    characters (Korean's syllables are spaced like words, and split counts them)."""
    return len(body.split()) + len(_CJK.findall(body)) // 2


def _continues_previous(ctx: _Context, previous, piece: _Piece, paragraph: int, sentences: list[Sentence], paragraphs: list[Paragraph]):
    """A quote with no frame keeps the speaker of the quote just before it: in the same paragraph,
    or in the previous one when this paragraph is nothing but the quote (news convention)."""
    prev_piece, prev_speaker, prev_sentence = previous
    prev_paragraph = sentences[prev_sentence].paragraph
    if prev_paragraph != paragraph:
        para = paragraphs[paragraph]
        outside = ctx.text[para.start : piece.open_mark] + ctx.text[piece.close_mark : para.end]
        if prev_paragraph != paragraph - 1 or any(ch.isalnum() for ch in outside) or prev_speaker.kind != "person":
            return None, ""
        return prev_speaker, "continued"
    # names in the previous quote's own sentence are its attribution ("said X, mayor of Lyon")
    gap_start = max(prev_piece.close_mark, sentences[prev_sentence].end)
    if any(m.kind == "person" for m in ctx.mentions.between(gap_start, piece.open_mark)):
        return None, ""  # someone else is named in between
    return prev_speaker, "continued"


def _speaker_in_frame(ctx: _Context, span: tuple[int, int], quote_start: int, prefer: str):
    text = ctx.text
    start, end = span
    if end <= start:
        return None, ""
    verbs = list(SPEECH_VERB.finditer(text, start, end))
    if not verbs:
        return None, ""
    # the verb nearest to the quote carries the attribution
    verb = verbs[0] if prefer == "after" else verbs[-1]
    cue = verb.group(0).lower()
    cue = "according_to" if cue in _ACCORDING_TO else cue
    subject = ctx.tokens.subject_of(verb.start())
    if subject is not None and start <= subject[0] < end:
        who = _resolve_subject(ctx, subject, cue, quote_start, end)
        if who is not None:
            return who, cue
    return _nearest_speaker(ctx, verb, cue, start, end, quote_start)


def _resolve_subject(ctx: _Context, subject: tuple[int, int, str], cue: str, quote_start: int, frame_end: int):
    s_start, _, word = subject
    word = _PRONOUN_AS.get(word, word)
    if word in PRONOUNS:
        return _resolve_pronoun(ctx, cue, quote_start, word)
    mention = ctx.mentions.covering(s_start)
    if mention is not None:
        return mention
    if word in ROLE_NOUNS or (word.endswith("s") and word[:-1] in ROLE_NOUNS):
        return _person_with_title(ctx, word, frame_end)
    return None


def _resolve_pronoun(ctx: _Context, cue: str, quote_start: int, pronoun: str) -> Mention | None:
    """"he added" continues the last speaker; "he said" is the person most recently named.

    A person known to be of the other gender (from "Mr"/"Ms" before a mention) is skipped.
    """
    fits = ctx.mentions.fits
    if cue in CONTINUATION_VERBS:
        who = _last_statement_maker(ctx, quote_start, pronoun)
    else:
        who = ctx.mentions.last_person_before(quote_start, pronoun)
        if who is None and fits(ctx.last_speaker, pronoun):
            who = ctx.last_speaker
    if who is not None and pronoun in _GENDER_OF_PRONOUN:
        # "she said" -> Lopez: Lopez is a woman for the rest of the article
        ctx.mentions.gender.setdefault(who.value, _GENDER_OF_PRONOUN[pronoun])
    return who


def _last_statement_maker(ctx: _Context, quote_start: int, pronoun: str) -> Mention | None:
    """"she added" continues the person who spoke last: the speaker of an earlier quote, or a
    person reported as saying or taking a position since ("Lopez disagreed with the finding").
    A candidate of the pronoun's gender that the text does not establish, where an earlier one is
    known to have it, is ambiguous: no speaker rather than a guess."""
    candidates: list[tuple[int, Mention]] = [(at, m) for at, m in (ctx.speakers or []) if at < quote_start]
    lo = max(0, quote_start - _STATEMENT_WINDOW)
    marks = ctx.quote_marks or []
    for pattern in (SPEECH_VERB, _STANCE_VERB):
        for verb in pattern.finditer(ctx.text, lo, quote_start):
            if any(a <= verb.start() < b for a, b in marks):
                continue  # inside a quotation: someone's words, not a statement by the article
            subject = ctx.tokens.subject_of(verb.start())
            m = ctx.mentions.covering(subject[0]) if subject is not None else None
            if m is not None and m.kind == "person":
                candidates.append((verb.start(), m))
    candidates.sort(key=lambda c: -c[0])
    want = _GENDER_OF_PRONOUN.get(pronoun)
    for n, (_, m) in enumerate(candidates):
        if not ctx.mentions.fits(m, pronoun):
            continue
        if want and ctx.mentions.gender.get(m.value) is None and any(
                ctx.mentions.gender.get(o.value) == want and o.value != m.value for _, o in candidates[n + 1:]):
            ctx.ambiguous = True
            return None
        return m
    return None


def _person_with_title(ctx: _Context, head: str, before: int) -> Mention | None:
    """"the commissioner said" -> the person the article called commissioner (most recently)."""
    for role in reversed([r for r in ctx.roles if r.start < before]):
        if head in role.title.lower().replace("-", " ").split():
            return next((m for m in reversed(ctx.mentions.items) if m.value == role.person and m.start < before), None)
    return None


def _nearest_speaker(ctx: _Context, verb: re.Match, cue: str, start: int, end: int, quote_start: int):
    """Fallback without a parse: the closest name next to the speech verb (people before orgs)."""
    text = ctx.text
    best, best_gap = None, MAX_GAP + 1
    prefer_before_verb = cue in ("told", "tells", "tell", "asked", "asks")
    for m in ctx.mentions.between(start, end):
        if cue == "according_to":
            gap = m.start - verb.end() if m.start >= verb.end() else MAX_GAP + 1
        elif m.end <= verb.start():
            gap = verb.start() - m.end
        elif m.start >= verb.end():
            gap = m.start - verb.end() + (40 if prefer_before_verb else 0)
            if prefer_before_verb and m.kind == "org":
                continue  # "told Reuters": the addressee, not the speaker
        else:
            continue
        if m.kind == "org":
            gap += ORG_PENALTY
        if 0 <= gap < best_gap:
            best, best_gap = m, gap
    pronoun, pronoun_gap = _adjacent_pronoun(text, verb, start, end)
    if pronoun and (best is None or pronoun_gap < best_gap):
        who = _resolve_pronoun(ctx, cue, quote_start, pronoun)
        return (who, cue) if who else (None, "")
    if best is None:
        m = _ROLE_SUBJECT.search(text, start, end)
        if m:
            who = _person_with_title(ctx, m.group(1).split()[-1].lower(), end)
            if who:
                return who, cue
    return (best, cue) if best else (None, "")


def _adjacent_pronoun(text: str, verb: re.Match, start: int, end: int) -> tuple[str, int]:
    """(pronoun, gap in characters) for a he/she/they right next to the verb ("he said", "said she")."""
    window_before = text[max(start, verb.start() - 12) : verb.start()]
    m = re.search(r"\b(he|she|they|He|She|They|il|elle)\s+(?:has\s+|had\s+|also\s+|then\s+)?\Z", window_before)
    if m:  # "he said", "a-t-il déclaré"
        return _PRONOUN_AS.get(m.group(1).lower(), m.group(1).lower()), len(window_before) - m.end()
    m = re.match(r"\s+(he|she|they|er|sie|él|ella)\b|-(?:t-)?(il|elle)\b", text[verb.end() : min(end, verb.end() + 8)])
    if m:  # "said she", "sagte er", "dijo ella", "dit-il" (Italian "il" after a verb is an article)
        return _PRONOUN_AS.get(m.group(1) or m.group(2), m.group(1) or m.group(2)), 0
    return "", 0


def _speaker_in_next_sentence(text, sentence: Sentence, ments: _Mentions, quote_marks):
    """"..." The remark came from Paul Tremblay. -> Paul Tremblay."""
    for s, e in quote_marks:
        if s < sentence.end and sentence.start < e:
            return None, ""  # the next sentence is itself a quote
    if not _NEXT_SENTENCE_CUE.search(text, sentence.start, sentence.end):
        return None, ""
    people = ments.between(sentence.start, sentence.end)
    if not people:
        return None, ""
    person = next((m for m in people if m.kind == "person"), people[0])
    return person, "next_sentence"
