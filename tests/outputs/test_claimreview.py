"""ClaimReview JSON-LD: one review per high-severity finding, with the schema.org fields fact-checkers need."""
from __future__ import annotations

import dataclasses
import json
from datetime import date

from report_helpers import HOSTILE, build_hostile_report

from storytrace.outputs import claimreview, write_outputs


def _confirmed(report):
    """The report with every finding confirmed by a person (only those are published)."""
    for story in report.stories:
        for f in story.findings:
            f.review = {"status": "confirmed", "reason": "", "note": "", "reviewed_at": "2024-04-01T10:00:00+00:00"}
    return report


def test_only_high_severity_findings_are_reviewed():
    doc = claimreview.claim_reviews(_confirmed(build_hostile_report()), reviewed_on="2024-04-01")
    assert doc["@context"] == "https://schema.org"
    assert [r["identifier"] for r in doc["@graph"]] == ["f-swap"]


def test_review_has_the_required_claimreview_fields():
    review = claimreview.claim_reviews(_confirmed(build_hostile_report()), reviewed_on="2024-04-01")["@graph"][0]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"].startswith("Hana Morikawa, the trade minister")
    assert review["datePublished"] == "2024-04-01"
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    appearance = item["appearance"][0]
    assert appearance["@type"] == "CreativeWork"
    assert appearance["url"] == "https://blog.example/p?a=1&b=2"
    assert appearance["publisher"]["name"] == "Blog & <b>Friends</b>"
    assert item["datePublished"] == "2024-03-12"
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and "different person" in rating["alternateName"]
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    # The evidence: what the source says, and the source itself.
    assert "Emi Sato, the trade minister" in review["reviewBody"]
    assert review["isBasedOn"]["url"] == "https://wire.example/trade"


def test_article_without_url_is_identified_by_its_id():
    report = _confirmed(build_hostile_report())
    report.article("blog-rewrite").url = ""
    appearance = claimreview.claim_reviews(report)["@graph"][0]["itemReviewed"]["appearance"][0]
    assert "url" not in appearance and appearance["identifier"] == "blog-rewrite"


def test_written_by_write_outputs_as_valid_json_and_reproducible(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    paths = write_outputs(_confirmed(build_hostile_report()), tmp_path / "out")
    first = paths["claimreview"].read_bytes()
    doc = json.loads(first)
    assert paths["claimreview"].name == "claimreview.jsonld"
    assert doc["@graph"][0]["datePublished"] == "2023-11-14"
    assert HOSTILE in doc["@graph"][0]["reviewBody"]  # JSON keeps text as data; escaping is the HTML's job
    write_outputs(_confirmed(build_hostile_report()), tmp_path / "out")
    assert paths["claimreview"].read_bytes() == first


def test_only_http_urls_are_published():
    report = _confirmed(build_hostile_report())
    report.article("blog-rewrite").url = "javascript:alert(document.cookie)"
    report.article("wire-original").url = " JavaScript:alert(1)"
    review = claimreview.claim_reviews(report)["@graph"][0]
    appearance = review["itemReviewed"]["appearance"][0]
    assert "url" not in appearance and appearance["identifier"] == "blog-rewrite"
    assert "url" not in review["isBasedOn"]
    for bad in ("data:text/html,<b>x</b>", "http:/no-host", "https://ok.example/a b", "vbscript:x"):
        assert claimreview.web_url(bad) == "", bad
    assert claimreview.web_url("HTTPS://news.example/a?b=1&c=2") == "HTTPS://news.example/a?b=1&c=2"


def test_the_file_is_safe_inside_a_script_block(tmp_path):
    report = _confirmed(build_hostile_report())
    report.stories[0].findings[0].explanation = "Swapped </script><script>alert(1)</script> <!-- & more \u2028"
    path = claimreview.write(report, tmp_path / "claimreview.jsonld")
    raw = path.read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw and "&" not in raw and "\u2028" not in raw
    doc = json.loads(raw)  # the same data, read back
    assert "</script><script>alert(1)</script> <!-- & more" in doc["@graph"][0]["reviewBody"]


def _valid_claim_review(review: dict, base_url: str, organisation: str) -> list[str]:
    """What schema.org's ClaimReview (and the fact-check markup search engines read) requires."""
    problems = []
    if review.get("@type") != "ClaimReview":
        problems.append("@type")
    if not isinstance(review.get("claimReviewed"), str) or not review["claimReviewed"].strip():
        problems.append("claimReviewed")
    if not str(review.get("url", "")).startswith(base_url.rstrip("/") + "/"):
        problems.append("url")
    author = review.get("author") or {}
    if author.get("@type") != "Organization" or author.get("name") != organisation:
        problems.append("author")
    rating = review.get("reviewRating") or {}
    if rating.get("@type") != "Rating" or not isinstance(rating.get("alternateName"), str):
        problems.append("reviewRating")
    elif not rating.get("worstRating", 1) <= rating.get("ratingValue", 0) <= rating.get("bestRating", 5):
        problems.append("ratingValue")
    item = review.get("itemReviewed") or {}
    appearance = item.get("appearance") or []
    if item.get("@type") != "Claim" or not appearance or not all(
            a.get("@type") == "CreativeWork" and (a.get("url", "").startswith(("http://", "https://")) or a.get("identifier"))
            for a in appearance):
        problems.append("itemReviewed")
    try:
        date.fromisoformat(review.get("datePublished", ""))
    except ValueError:
        problems.append("datePublished")
    return problems


def test_reviews_validate_with_url_and_publisher_from_the_settings():
    publishing = claimreview.Publishing(author="Coast Checkers", base_url="https://checks.example/reviews/")
    doc = claimreview.claim_reviews(_confirmed(build_hostile_report()), reviewed_on="2024-04-01", publishing=publishing)
    assert doc["@graph"]
    for review in doc["@graph"]:
        assert _valid_claim_review(review, "https://checks.example/reviews", "Coast Checkers") == []
        assert review["url"] == "https://checks.example/reviews/" + review["identifier"]
    # A base URL that is not http(s) is not used.
    bad = claimreview.Publishing(base_url="javascript:alert(1)")
    assert "url" not in claimreview.claim_reviews(_confirmed(build_hostile_report()), publishing=bad)["@graph"][0]


def test_one_review_per_claim_rated_by_type_and_severity():
    report = _confirmed(build_hostile_report())
    swap = report.stories[0].findings[0]
    twin = dataclasses.replace(swap, id="f-role", type="role_change", explanation="The title differs.", confidence=0.5)
    flip = dataclasses.replace(swap, id="f-flip", type="negation_flip", claim="They refused the deal.", confidence=0.95)
    report.stories[0].findings += [twin, flip]
    graph = claimreview.claim_reviews(report, reviewed_on="2024-04-01")["@graph"]
    assert [r["identifier"] for r in graph] == ["f-flip", "f-swap"]  # by confidence, as the HTML lists them
    assert graph[1]["reviewBody"].endswith("Also: The title differs.")
    ratings = {r["identifier"]: r["reviewRating"]["ratingValue"] for r in graph}
    assert ratings == {"f-flip": 1, "f-swap": 2}
    assert claimreview.rating_value(dataclasses.replace(swap, severity="medium")) == 3


def test_csv_lists_findings_in_the_html_order(tmp_path):
    import csv

    from storytrace.outputs import csv_report

    report = build_hostile_report()
    findings = report.stories[0].findings
    findings[0].confidence = 0.4
    extra = dataclasses.replace(findings[0], id="f-sure", confidence=0.99)
    low_first = [f for f in findings if f.severity == "low"] + [f for f in findings if f.severity != "low"] + [extra]
    report.stories[0].findings = low_first
    path = csv_report.write(report, tmp_path / "findings.csv")
    with path.open(newline="", encoding="utf-8") as fh:
        rows = [(r["id"], r["severity"]) for r in csv.DictReader(fh)]
    severities = [s for _, s in rows]
    assert severities == sorted(severities, key=["high", "medium", "low"].index)
    assert rows[0][0] == "f-sure"


def test_report_json_lists_findings_in_the_html_order():
    from storytrace.outputs.json_report import story_to_dict

    report = build_hostile_report()
    story = report.stories[0]
    story.findings = list(reversed(story.findings))  # the detectors' order: low first
    listed = [f["severity"] for f in story_to_dict(story)["findings"]]
    assert listed == sorted(listed, key=["high", "medium", "low"].index) and listed[0] == "high"


def test_only_confirmed_findings_are_published_unless_unreviewed_ones_are_asked_for():
    report = build_hostile_report()  # nobody has reviewed anything
    assert claimreview.claim_reviews(report)["@graph"] == []
    marked = claimreview.claim_reviews(report, publishing=claimreview.Publishing(unreviewed=True))["@graph"]
    assert [r["identifier"] for r in marked] == ["f-swap"] and marked[0]["creativeWorkStatus"] == "Unreviewed"
    report.stories[0].findings[0].review = {"status": "dismissed", "reason": "paraphrase", "note": "", "reviewed_at": ""}
    assert claimreview.claim_reviews(report, publishing=claimreview.Publishing(unreviewed=True))["@graph"] == []
    report.stories[0].findings[0].review = {"status": "confirmed", "reason": "", "note": "", "reviewed_at": ""}
    [published] = claimreview.claim_reviews(report)["@graph"]
    assert "creativeWorkStatus" not in published


def test_a_review_between_versions_whose_order_is_unknown_says_so():
    """A confirmed high finding on a pair whose order nothing showed: the rating names the other side
    "the other version" and says the order is not known; the body opens with "The versions differ"."""
    from report_helpers import build_unordered_report

    review = claimreview.claim_reviews(_confirmed(build_unordered_report()), reviewed_on="2024-04-01")["@graph"][0]
    assert review["identifier"] == "f-swap"
    assert review["reviewRating"]["alternateName"] == (
        "Altered: names a different person or organisation than the other version (which version came first is not known)")
    assert review["reviewBody"].startswith("The versions differ here; which came first is not known")
    assert review["reviewRating"]["ratingValue"] == claimreview.rating_value(build_hostile_report().stories[0].findings[0])
    assert "other version" not in claimreview.claim_reviews(_confirmed(build_hostile_report()), reviewed_on="2024-04-01")[
        "@graph"][0]["reviewRating"]["alternateName"]
