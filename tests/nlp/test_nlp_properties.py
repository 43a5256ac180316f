"""Extraction never crashes and every span it returns points at the text it claims, whatever the input."""
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storytrace.model import Article

PIECES = [
    "said ", "Paul Tremblay ", "Tremblay ", "March 11 ", "the 12th ", "$5bn ", "\\$4.2bn ", "per cent ", "of GDP ",
    "according to Reuters ", "he added", "\n\n", "\n", '"', "“", "”", "‘", "’", "Mr ", "told the Guardian ",
    "who served as minister ", ", a former official, ", "Original: http://x.example/1 ", "between 3 and 4 ",
    "more than 30 people ", "last month ", "yesterday ", "Translation by Ana Ruiz. ", "12,500 ", "二〇二四年。", ". ",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60),
    published=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))),
)
def test_spans_always_match_the_text(extractor, parts, published):
    text = "".join(parts)
    a = extractor.process(Article(id="h", source_path="", original_text=text, published=published))
    assert a.text == text
    for p in a.paragraphs:
        assert 0 <= p.start < p.end <= len(text)
    previous_end = 0
    for s in a.sentences:
        assert text[s.start : s.end] == s.text and s.start >= previous_end and s.text.strip()
        para = a.paragraphs[s.paragraph]
        assert para.start <= s.start and s.end <= para.end
        previous_end = s.end
    for m in a.mentions:
        assert text[m.start : m.end] == m.text and m.start < m.end
        assert 0 <= m.sentence < max(len(a.sentences), 1)
    for q in a.quotes:
        assert text[q.start : q.end] == q.text
    for r in a.roles:
        assert text[r.start : r.end] == r.title
    for at in a.attributions:
        assert 0 <= at.start < at.end <= len(text)
