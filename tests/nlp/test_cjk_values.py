"""Values read from Chinese, Japanese and English sentences (hand-written) into comparable values."""
import pytest

from storytrace.nlp.cjk_values import cjk_numeral, matches, unit_agrees, values


def _read(text: str) -> list[tuple]:
    return [(v.kind, v.amount, v.unit, v.date) for v in values(text)]


@pytest.mark.parametrize("numeral, value", [
    ("七", 7), ("十", 10), ("十五", 15), ("二十", 20), ("三百五十", 350), ("两千", 2000), ("一万二千", 12000),
    ("三亿", 3e8), ("一千二百万", 12_000_000), ("一百零五", 105),
])
def test_chinese_numerals(numeral, value):
    assert cjk_numeral(numeral) == value


def test_scale_words_multiply_digits_and_carry_the_unit():
    assert _read("该项目耗资约2100亿美元。") == [("number", 2.1e11, "money:USD", (None, None, None))]
    assert _read("港口去年处理了6万吨货物。") == [("number", 60_000, "weight", (None, None, None))]
    assert _read("约120万辆汽车") == [("number", 1_200_000, "count", (None, None, None))]
    assert _read("貿易額は年間約2100億ドル。") == [("number", 2.1e11, "money:USD", (None, None, None))]


def test_percentages_in_every_form():
    assert [(k, a, u) for k, a, u, _ in _read("关税为10%，增长百分之五十，上升3个百分点。")] == [
        ("number", 10, "percent"), ("number", 50, "percent"), ("number", 3, "points")]
    assert [(k, a, u) for k, a, u, _ in _read("税率は１０％だった。")] == [("number", 10, "percent")]  # full-width
    assert [(k, a, u) for k, a, u, _ in _read("a 10 per cent tariff and 3 percentage points")] == [
        ("number", 10, "percent"), ("number", 3, "points")]


def test_numerals_in_characters_count_only_before_a_unit():
    # 一直 (always), 统一 (unify), 两国 (both countries), 一扇门 (a door) hold no figure
    assert _read("两国一直希望统一标准，打开了一扇门。") == []
    assert _read("谈判历时两年，将在七年内取消关税。") == [
        ("number", 2, "duration:year", (None, None, None)), ("number", 7, "duration:year", (None, None, None))]


def test_chinese_and_japanese_dates():
    assert _read("协议将于2026年1月1日生效。")[0][3] == (2026, 1, 1)
    assert _read("双方计划于4月2日签署。")[0][3] == (None, 4, 2)
    assert _read("他预计6月进行表决。")[0][3] == (None, 6, None)
    assert _read("３月１１日（火）深夜に合意した。")[0][3] == (None, 3, 11)  # full-width digits
    assert _read("令和7年3月11日に署名した。")[0][3] == (2025, 3, 11)  # Japanese era year
    assert _read("到2030年增加0.4%")[:1] == [("year", 2030, "year", (None, None, None))]


def test_english_forms():
    got = _read("The deal, signed on January 1, 2026, covers $210bn of trade over seven years; "
                "the talks lasted 20 hours and the vote is expected in June.")
    assert got == [
        ("date", None, "", (2026, 1, 1)), ("number", 2.1e11, "money:USD", (None, None, None)),
        ("number", 7, "duration:year", (None, None, None)), ("number", 20, "duration:hour", (None, None, None)),
        ("date", None, "", (None, 6, None))]


def test_codes_clock_times_and_the_modal_may_are_not_values():
    assert _read("G20 leaders met over COVID-19 at 10:30; prices may rise.") == []
    assert _read("会议于10点30分开始。") == []


def test_the_same_value_across_languages_matches_and_a_changed_one_does_not():
    zh = {v.text: v for v in values("每年6万吨，2100亿美元，4月2日，2026年")}
    en = {v.text: v for v in values("60,000 tonnes, $210bn, April 2, April 9, January 1, 2026")}
    assert matches(zh["6万吨"], en["60,000 tonnes"]) and matches(zh["2100亿美元"], en["$210bn"])
    assert matches(zh["4月2日"], en["April 2"]) and not matches(zh["4月2日"], en["April 9"])
    assert matches(zh["2026年"], en["January 1, 2026"])  # a year agrees with a date of that year
    assert unit_agrees(zh["6万吨"], en["60,000 tonnes"]) and not unit_agrees(zh["6万吨"], en["$210bn"])


def test_spans_point_into_the_text_as_written():
    text = "出口增长了１２０万辆，占５０％。"
    for v in values(text):
        assert text[v.start:v.end] == v.text


def test_an_approximate_marker_before_the_scale_word():
    # 500余万: "more than 5 million" (余 between the digits and 万)
    assert _read("尚有500余万的供给缺口")[0][:2] == ("number", 5_000_000)


def test_an_english_range_writes_its_scale_and_unit_once():
    got = [(v.amount, v.unit) for v in values("between 1.27 and 2.5 million people, S$13.8 to S$14.3 billion, "
                                               "six to seven times")]
    assert got == [(1.27e6, "people"), (2.5e6, "people"), (13.8e9, "money:SGD"), (14.3e9, "money:SGD"),
                   (6, "times"), (7, "times")]


def test_a_day_of_the_month_alone():
    zh = values("朝鲜8日晚间举行阅兵仪式。")
    en = values("North Korea held a parade on the evening of the 8th, its 75th anniversary.")
    assert [v.date for v in zh] == [(None, None, 8)] and [v.date for v in en] == [(None, None, 8)]
    assert matches(zh[0], en[0])
    assert values("日本8日本") == [] or all(v.text != "8日" for v in values("8日本政府"))  # 日本 (Japan) is no day


def test_a_hyphenated_unit_and_a_bare_year():
    assert [(v.amount, v.unit) for v in values("a new five-year plan and a 10-year bond")] == [
        (5, "duration:year"), (10, "duration:year")]
    zh, en = values("2023春节后"), values("after the 2023 Spring Festival")
    assert matches(zh[0], en[0])  # a number and a year of the same amount are one value


def test_a_week_a_minute_and_a_million_are_figures_like_their_chinese():
    pairs = [("不到一周的时间", "in less than a week"), ("中断了大约一分钟", "for about a minute"),
             ("一个月以来", "in a month"), ("超过一百万人", "more than a million people"),
             ("超过一百万人", "more than one million people")]
    for zh, en in pairs:
        a, b = values(zh), values(en)
        assert len(a) == len(b) == 1 and matches(a[0], b[0]), (zh, en, a, b)


def test_vague_quantities_are_no_figures():
    assert values("来自几十个国家的救援队在数千座建筑的废墟中") == []


def test_dates_with_spaces_between_digits_and_characters():
    assert [v.date for v in values("1989 年11 月13 日，柏林墙打开")] == [(1989, 11, 13)]


def test_a_rate_is_no_duration():
    assert [(v.amount, v.unit) for v in values("trade worth about $210bn a year, twice a week")] == [
        (2.1e11, "money:USD"), (2, "times")]


def test_digits_mixed_with_scale_words():
    assert [v.amount for v in values("共有1万2000人参加，耗资3亿5000万元。")] == [12_000, 350_000_000]
    assert [v.amount for v in values("約1万2000人が参加した。")] == [12_000]
