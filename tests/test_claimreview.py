"""ClaimReview JSON-LD: one review per high-severity finding, with the schema.org fields fact-checkers need."""
from __future__ import annotations

import json

from test_html_report import HOSTILE, build_hostile_report

from storytrace.outputs import claimreview, write_outputs


def test_only_high_severity_findings_are_reviewed():
    doc = claimreview.claim_reviews(build_hostile_report(), reviewed_on="2024-04-01")
    assert doc["@context"] == "https://schema.org"
    assert [r["identifier"] for r in doc["@graph"]] == ["f-swap"]


def test_review_has_the_required_claimreview_fields():
    review = claimreview.claim_reviews(build_hostile_report(), reviewed_on="2024-04-01")["@graph"][0]
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
    report = build_hostile_report()
    report.article("blog-rewrite").url = ""
    appearance = claimreview.claim_reviews(report)["@graph"][0]["itemReviewed"]["appearance"][0]
    assert "url" not in appearance and appearance["identifier"] == "blog-rewrite"


def test_written_by_write_outputs_as_valid_json_and_reproducible(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    paths = write_outputs(build_hostile_report(), tmp_path / "out")
    first = paths["claimreview"].read_bytes()
    doc = json.loads(first)
    assert paths["claimreview"].name == "claimreview.jsonld"
    assert doc["@graph"][0]["datePublished"] == "2023-11-14"
    assert HOSTILE in doc["@graph"][0]["reviewBody"]  # JSON keeps text as data; escaping is the HTML's job
    write_outputs(build_hostile_report(), tmp_path / "out")
    assert paths["claimreview"].read_bytes() == first


def test_only_http_urls_are_published():
    report = build_hostile_report()
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
    report = build_hostile_report()
    report.stories[0].findings[0].explanation = "Swapped </script><script>alert(1)</script> <!-- & more \u2028"
    path = claimreview.write(report, tmp_path / "claimreview.jsonld")
    raw = path.read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw and "&" not in raw and "\u2028" not in raw
    doc = json.loads(raw)  # the same data, read back
    assert "</script><script>alert(1)</script> <!-- & more" in doc["@graph"][0]["reviewBody"]
