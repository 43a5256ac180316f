"""Language identification: the language of an article, and the languages of its parts.

py3langid scores byte n-grams, so a few lines in another script (a Chinese photo caption in an
English article) can outweigh a whole English body. We therefore look at the writing system first:
the article language is decided on the lines written in the dominant script only, and each line is
tagged on its own. Scripts used by a single language (Han, kana, Hangul, Greek...) decide the
language directly, even for a short line; short Latin lines are too ambiguous for n-gram scores and
inherit the article language.
"""
from __future__ import annotations

import re
import threading
from collections import Counter

from storytrace.model import Article, LanguageSpan

__all__ = [
    "identify_language",
    "identify_language_with_confidence",
    "tag_language_spans",
    "annotate_language",
    "normalize_language",
]

# Lines with fewer letters than this in the article's own script keep the article language.
MIN_LETTERS_FOR_LINE = 40
# Below this normalised probability a line keeps the article language.
MIN_LINE_CONFIDENCE = 0.8
# A whole text with fewer letters than MIN_LETTERS_FOR_LINE is a few words: character n-grams of
# so little text are shared by many languages ("hello" scores Breton, "Hello world" Fula), so its
# language is only named when the identifier is this sure, and is otherwise left undetermined ('').
MIN_SHORT_TEXT_CONFIDENCE = 0.9
# Only this many characters are scored (py3langid walks them in Python, about 1 ms per 1,000):
# a few sentences settle the language, more only cost time.
MAX_CHARS_SCORED = 3_000
MAX_LINE_CHARS_SCORED = 400
# An article has far fewer paragraphs; past this, lines are tagged by their script only, so a
# hostile million-line file cannot take minutes here.
MAX_LINES_SCORED = 2_000

_SCRIPT_RANGES: list[tuple[str, re.Pattern[str]]] = [
    ("kana", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")),
    ("han", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("hangul", re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("greek", re.compile(r"[\u0370-\u03ff]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("devanagari", re.compile(r"[\u0900-\u097f]")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]")),
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
]
# Scripts written by (practically) one language in news text.
_SCRIPT_LANGUAGE = {"kana": "ja", "han": "zh", "hangul": "ko", "greek": "el", "hebrew": "he", "thai": "th"}
_LANGUAGE_SCRIPT = {
    "zh": "han", "ja": "kana", "ko": "hangul", "el": "greek", "he": "hebrew", "th": "thai",
    "ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "mk": "cyrillic", "be": "cyrillic",
    "kk": "cyrillic", "mn": "cyrillic", "ky": "cyrillic", "sr": "cyrillic",
    "ar": "arabic", "fa": "arabic", "ur": "arabic", "ps": "arabic", "ug": "arabic",
    "hi": "devanagari", "mr": "devanagari", "ne": "devanagari", "sa": "devanagari",
}
_LANGUAGE_NAMES = {
    "english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
    "portuguese": "pt", "dutch": "nl", "russian": "ru", "ukrainian": "uk", "chinese": "zh",
    "japanese": "ja", "korean": "ko", "arabic": "ar", "polish": "pl", "turkish": "tr",
    "greek": "el", "hebrew": "he", "hindi": "hi", "swedish": "sv", "norwegian": "no",
    "danish": "da", "finnish": "fi", "czech": "cs", "romanian": "ro", "hungarian": "hu",
}

_identifier = None
_identifier_lock = threading.Lock()


def _get_identifier():
    """The py3langid model, loaded once (about a second) with normalised probabilities."""
    global _identifier
    if _identifier is None:
        with _identifier_lock:
            if _identifier is None:
                from storytrace.nlp.langid_model import load_identifier

                _identifier = load_identifier(norm_probs=True)  # py3langid's model, from a decompressed copy
    return _identifier


def unload_identifier() -> None:
    """Drop the loaded model (~70 MB); the next identification loads it again, with the same answers."""
    global _identifier
    with _identifier_lock:
        _identifier = None


def normalize_language(value: object) -> str:
    """'en-US', 'EN', 'English', 'zh_Hans' -> 'en', 'en', 'en', 'zh'; anything unusable -> ''."""
    if not isinstance(value, str):
        return ""
    v = value.strip().lower()
    if v in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[v]
    primary = re.split(r"[-_]", v, maxsplit=1)[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else ""


_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _script_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    if text.isascii():  # most lines of most articles: one scan instead of one per script
        n = len(_ASCII_LETTER.findall(text))
        if n:
            counts["latin"] = n
        return counts
    for name, pattern in _SCRIPT_RANGES:
        n = len(pattern.findall(text))
        if n:
            counts[name] = n
    # Japanese mixes kana with Han; any real amount of kana makes the Han part Japanese too.
    if counts["kana"] and counts["han"] and counts["kana"] * 5 >= counts["han"]:
        counts["kana"] += counts.pop("han")
    return counts


def _dominant_script(text: str) -> tuple[str, int]:
    counts = _script_counts(text)
    if not counts:
        return "", 0
    script, n = counts.most_common(1)[0]
    return script, n


def _classify(text: str, limit: int = MAX_CHARS_SCORED) -> tuple[str, float]:
    lang, prob = _get_identifier().classify(text[:limit])
    return str(lang), float(prob)


def identify_language_with_confidence(text: str) -> tuple[str, float]:
    """The main language of ``text`` (ISO 639-1) and a confidence 0..1; ('', 0.0) when it has no letters,
    ('', confidence) when it is a few words the identifier is unsure of."""
    script, letters = _dominant_script(text[: MAX_CHARS_SCORED * 10])
    if not script:
        return "", 0.0
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script], 1.0
    # Score only the lines written in the dominant script, so a caption in another script
    # cannot outvote the body.
    lines = [ln for ln in text.splitlines() if ln.strip() and _dominant_script(ln)[0] == script]
    sample = "\n".join(lines)[:MAX_CHARS_SCORED] or text[:MAX_CHARS_SCORED]
    lang, prob = _classify(sample)
    if letters < MIN_LETTERS_FOR_LINE and prob < MIN_SHORT_TEXT_CONFIDENCE:
        return "", prob  # a few words: too little text to tell similar languages apart
    return lang, prob


def identify_language(text: str) -> str:
    """The main language of ``text`` as an ISO 639-1 code ('en', 'zh'...), or '' when it has no letters
    or is too short to tell."""
    return identify_language_with_confidence(text)[0]


def _line_language(line: str, default: str, may_score: bool = True) -> str:
    script, letters = _dominant_script(line[:MAX_LINE_CHARS_SCORED * 5])
    if not script or letters < 2:
        return default
    default_script = _LANGUAGE_SCRIPT.get(default, "latin") if default else ""
    if script == default_script or (default == "ja" and script == "han"):
        if letters < MIN_LETTERS_FOR_LINE or not may_score:
            return default
        lang, prob = _classify(line, MAX_LINE_CHARS_SCORED)
        return lang if prob >= MIN_LINE_CONFIDENCE else default
    # A different writing system is strong evidence even in a short line.
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    # Latin, Cyrillic, Arabic... are shared by many languages: a few words cannot tell which.
    if letters < MIN_LETTERS_FOR_LINE // 2 or not may_score:
        return default
    lang, prob = _classify(line, MAX_LINE_CHARS_SCORED)
    return lang if prob >= MIN_LINE_CONFIDENCE / 2 else default


def tag_language_spans(text: str, language: str | None = None) -> list[LanguageSpan]:
    """Tag each line of ``text`` with its language and merge neighbours in the same language.

    ``language`` is the article language (identified when not given); short or uncertain lines
    get it. Spans cover the text of the lines (blank gaps between same-language lines are
    merged in); offsets are into ``text``.
    """
    default = normalize_language(language) if language else identify_language(text)
    if not default:
        return []
    spans: list[LanguageSpan] = []
    for n, m in enumerate(re.finditer(r"[^\n]+", text)):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        end = m.start() + len(line.rstrip())
        lang = _line_language(stripped, default, may_score=n < MAX_LINES_SCORED)
        if spans and spans[-1].language == lang:
            spans[-1].end = end
        else:
            spans.append(LanguageSpan(start=start, end=end, language=lang))
    return spans


def annotate_language(article: Article) -> None:
    """Fill ``article.language`` (when not given) and ``article.language_spans`` from ``article.text``."""
    text = article.text or article.original_text
    given = normalize_language(article.language)
    article.language = given or identify_language(text)
    article.language_spans = tag_language_spans(text, article.language) if article.language else []
