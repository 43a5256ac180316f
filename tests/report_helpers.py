"""A hand-built report whose every text field is hostile HTML: shared by the output, store, web and
browser tests (escaping must hold wherever the report is shown)."""
from __future__ import annotations

from datetime import date

from storytrace.model import (
    AlignedPair, Alignment, Article, Edge, Finding, InputError, Report, Sentence, Story,
)

HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(1)> "quoted" & more'


def _article(id: str, sentences: list[str], **meta) -> Article:
    text = " ".join(sentences)
    a = Article(id=id, source_path=f"{id}.txt", original_text=text, text=text, **meta)
    pos = 0
    for i, s in enumerate(sentences):
        start = text.index(s, pos)
        a.sentences.append(Sentence(index=i, start=start, end=start + len(s), text=s))
        pos = start + len(s)
    return a


def _finding(fid, type, severity, article: Article, sent: int, value: str, source: Article | None, src_sent: int | None,
             source_value: str, explanation: str, against: list[str]) -> Finding:
    s = article.sentences[sent]
    ss = source.sentences[src_sent] if source is not None and src_sent is not None else None
    return Finding(
        id=fid, type=type, severity=severity, article=article.id, against=against, claim=s.text,
        claim_span=(s.start, s.end), derived_value=value, source_article=source.id if source else None,
        source_text=ss.text if ss else "", source_span=(ss.start, ss.end) if ss else None,
        source_value=source_value, explanation=explanation, confidence=0.9,
    )


def build_hostile_report() -> Report:
    """An original, a faithful translation-like copy, and a garbled rewrite that carries hostile text."""
    original = _article(
        "wire-original",
        [
            "Emi Sato, the trade minister, said talks with Canada would resume on March 11.",
            "The agreement is worth $210bn over ten years.",
            "Sato called the deal \"a bridge, not a wall\".",
            "Critics warned that the timetable could slip.",
        ],
        title="Trade talks to resume", outlet="Wire Service", language="en", published=date(2024, 3, 9),
        url="https://wire.example/trade",
    )
    translation = _article(
        "daily-translation",
        [
            "Trade minister Emi Sato said talks with Canada will resume on March 11.",
            "The agreement is worth $210bn over ten years.",
            "Sato called the deal \"a bridge, not a wall\".",
            "Critics warned that the timetable could slip.",
        ],
        title="Talks resume", outlet="Daily Courier", language="en", published=date(2024, 3, 10),
    )
    rewrite = _article(
        "blog-rewrite",
        [
            "Hana Morikawa, the trade minister, said talks with Canada would resume on March 12.",
            "The agreement is worth $310bn over ten years.",
            f"Readers said {HOSTILE}.",
        ],
        title=f"Blog {HOSTILE}", outlet="Blog & <b>Friends</b>", language="en", published=date(2024, 3, 12),
        url="https://blog.example/p?a=1&b=2",
    )
    alignments = [
        Alignment("wire-original", "daily-translation", pairs=[AlignedPair([i], [i], 0.95) for i in range(4)]),
        Alignment(
            "wire-original", "blog-rewrite",
            pairs=[AlignedPair([0], [0], 0.81), AlignedPair([1], [1], 0.9)],
            unaligned_source=[2, 3], unaligned_derived=[2],
        ),
        Alignment(
            "daily-translation", "blog-rewrite",
            pairs=[AlignedPair([0], [0], 0.7), AlignedPair([1], [1], 0.9)],
            unaligned_source=[2, 3], unaligned_derived=[2],
        ),
    ]
    lineage = [
        Edge("wire-original", "daily-translation", "translation", 0.93, 1.0, 1.0, ["aligned one to one"]),
        Edge("wire-original", "blog-rewrite", "rewrite", 0.77, 0.5, 0.67, ["names differ"]),
    ]
    findings = [
        _finding("f-swap", "entity_swap", "high", rewrite, 0, "Hana Morikawa", original, 0, "Emi Sato",
                 f"The trade minister is named differently. {HOSTILE}", ["wire-original", "daily-translation"]),
        _finding("f-num", "number_change", "medium", rewrite, 1, "$310bn", original, 1, "$210bn",
                 "The amount differs from the source.", ["wire-original"]),
        _finding("f-add", "unsupported_addition", "low", rewrite, 2, HOSTILE, None, None, "",
                 "This sentence has no support in the source.", []),
    ]
    story = Story("story-1", f"Trade talks {HOSTILE}", [a.id for a in (original, translation, rewrite)],
                  alignments, lineage, findings)
    lone = _article("lonely", ["A council meeting was postponed."], title="Council", outlet="Town Paper")
    return Report("0.1.0", [original, translation, rewrite, lone], [story, Story("story-2", "Council", ["lonely"])],
                  [InputError(f"bad{HOSTILE}.warc", "not a WARC file")])


def build_unordered_report() -> Report:
    """The hostile report with the wire -> blog edge marked "direction unknown" (nothing showed which of
    the two came first), an omission on it whose value is hostile, and every finding's explanation
    worded as detect_findings words it for such an edge."""
    from storytrace.findings import say_order_unknown
    from storytrace.lineage import DIRECTION_UNKNOWN_NOTE

    report = build_hostile_report()
    story = report.stories[0]
    arts = {a.id: a for a in report.articles}
    e = story.lineage[1]
    story.lineage[1] = Edge(e.source, e.derived, e.relation, 0.46, e.coverage, e.containment,
                            [DIRECTION_UNKNOWN_NOTE.format(source=e.source, derived=e.derived), *e.evidence])
    story.findings.append(_finding("f-omit", "omission", "medium", arts["blog-rewrite"], 0, "(missing)",
                                   arts["wire-original"], 3, HOSTILE,
                                   "The source gives this here; this version leaves it out.", ["wire-original"]))
    story.findings.append(_finding("f-name", "name_variant", "low", arts["daily-translation"], 0, "Emi Sato",
                                   arts["wire-original"], 0, "Emi Sato", "Spelt differently.", ["wire-original"]))
    say_order_unknown(story.findings, story.lineage)
    return report
