"""Sentences of Chinese and Japanese paragraphs: cut at 。！？ only, a closing quote kept with its sentence."""
from storytrace.nlp.segment import sentence_spans, split_paragraphs

ZH = "欧盟贸易专员卡塔琳娜·福尔默（Katharine Vollmer）表示：“我们的农民都是赢家。”他说：“日本打开了一扇门。”经济将增长0.4%。"
EN = "The commissioner, Katharine Vollmer, spoke. “We won,” she said. Growth will be 0.4 per cent."


def _sentences(text: str, parser_starts: list[int]) -> list[str]:
    return [s.text for s in sentence_spans(text, split_paragraphs(text), parser_starts)]


def test_a_chinese_paragraph_ignores_the_english_parsers_starts():
    # where an English parser would start sentences inside Chinese text: at a Latin name, a quote mark, 。
    noise = [ZH.index("Vollmer"), ZH.index("”他"), ZH.index("。", ZH.index("0.4%"))]
    assert _sentences(ZH, noise) == [
        "欧盟贸易专员卡塔琳娜·福尔默（Katharine Vollmer）表示：“我们的农民都是赢家。”",
        "他说：“日本打开了一扇门。”",
        "经济将增长0.4%。",
    ]


def test_an_english_paragraph_still_follows_the_parser():
    starts = [EN.index("“We"), EN.index("Growth")]
    assert _sentences(EN, starts) == [
        "The commissioner, Katharine Vollmer, spoke.", "“We won,” she said.", "Growth will be 0.4 per cent."]
