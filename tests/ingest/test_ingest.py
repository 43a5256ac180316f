"""Readers: every format, metadata, ids, folder walking and compressed input."""
import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from storytrace.ingest import IdRegistry, article_from_text, read_paths
from storytrace.ingest.dates import parse_published
from storytrace.ingest.text import split_front_matter, split_title
from storytrace.model import Article, InputError

BODY = (
    "A fire broke out at the harbour on Monday, destroying two fishing boats and damaging a warehouse, "
    "the port authority said.\n\n"
    '"We will rebuild," said Maria Lopez, the harbour master. Nobody was hurt, according to the fire service.\n\n'
    "The cause of the fire is not yet known. Investigators will visit the site on Tuesday."
)

HTML_PAGE = """<!doctype html><html lang="en-GB"><head><title>Harbour fire destroys boats | Daily Planet</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Daily Planet">
<meta property="og:title" content="Harbour fire destroys boats">
<meta property="article:published_time" content="2024-03-11T10:00:00Z">
<link rel="canonical" href="https://planet.example/fire"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Harbour fire destroys boats</h1>
<p>A fire broke out at the harbour on Monday, destroying two fishing boats and damaging a warehouse, the port authority said.</p>
<p>"We will rebuild," said Maria Lopez, the harbour master. Nobody was hurt, according to the fire service.</p>
<p>The cause of the fire is not yet known. Investigators will visit the site on Tuesday.</p>
</article><footer>Copyright 2024 Daily Planet</footer></body></html>"""


def articles(items):
    return [x for x in items if isinstance(x, Article)]


def errors(items):
    return [x for x in items if isinstance(x, InputError)]


def read_one(path: Path, **kw):
    items = list(read_paths([path], **kw))
    return articles(items), errors(items)


# -- text and Markdown ------------------------------------------------------------------------
def test_markdown_front_matter_and_heading_title(tmp_path):
    f = tmp_path / "fire-story.md"
    f.write_text(
        "---\noutlet: Daily Planet\nauthor: Jane Doe\nurl: https://planet.example/fire\n"
        "published: 2024-03-11\nlanguage: en-GB\nsection: Local\n---\n# Harbour fire destroys boats\n\n" + BODY + "\n"
    )
    (a,), errs = read_one(f)
    assert errs == []
    assert (a.id, a.title, a.outlet, a.author, a.url) == (
        "fire-story", "Harbour fire destroys boats", "Daily Planet", "Jane Doe", "https://planet.example/fire"
    )
    assert a.published == date(2024, 3, 11) and a.language == "en"
    assert a.metadata.pop("field_sources")["outlet"] == "front matter"  # where each field came from
    assert a.metadata == {"section": "Local"}
    assert a.original_text == BODY  # no front matter, no title line
    assert a.source_path == str(f)


def test_front_matter_id_and_title_override(tmp_path):
    f = tmp_path / "x.md"
    f.write_text("---\nid: custom-id\ntitle: The real title\n---\n\nThe real title\n\n" + BODY)
    (a,), _ = read_one(f)
    assert a.id == "custom-id" and a.title == "The real title"
    assert a.original_text == BODY  # the repeated title line is dropped


def test_text_first_line_is_title_only_when_it_reads_like_one():
    assert split_title("Harbour fire destroys boats\n\n" + BODY) == ("Harbour fire destroys boats", BODY)
    title, body = split_title(BODY)  # a body sentence first: it stays in the body
    assert body == BODY and title.startswith("A fire broke out")
    assert split_title("Harbour fire\n============\n\nText.") == ("Harbour fire", "Text.")


def test_invalid_front_matter_is_a_warning_not_a_failure(tmp_path):
    f = tmp_path / "bad-yaml.md"
    f.write_text("---\noutlet: [unclosed\n---\nHarbour fire\n\n" + BODY)
    (a,), errs = read_one(f)
    assert len(errs) == 1 and not errs[0].fatal and "front matter" in errs[0].problem
    assert a.original_text == BODY and a.outlet == ""


def test_front_matter_that_is_not_a_mapping():
    fields, body, problem = split_front_matter("---\n- a\n- b\n---\nText")
    assert fields == {} and body == "Text" and "not a list of key: value pairs" in problem


def test_article_from_text_reads_like_a_file_and_is_stable():
    a = article_from_text("Harbour fire\n\n" + BODY, outlet="Daily Planet")
    b = article_from_text("Harbour fire\n\n" + BODY)
    assert a.id == b.id and a.id.startswith("text-")
    assert a.title == "Harbour fire" and a.outlet == "Daily Planet" and a.original_text == BODY
    assert article_from_text("One line only.", id="x").original_text == "One line only."


# -- HTML -------------------------------------------------------------------------------------
def test_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(HTML_PAGE)
    (a,), errs = read_one(f)
    assert errs == []
    assert a.id == "page" and a.title == "Harbour fire destroys boats"
    assert (a.author, a.outlet, a.url) == ("Jane Doe", "Daily Planet", "https://planet.example/fire")
    assert a.published == date(2024, 3, 11) and a.language == "en"
    assert a.original_text == BODY  # paragraphs, no navigation, no footer, no repeated headline


def test_a_short_article_page_keeps_its_paragraphs_apart(tmp_path):
    # under 250 characters of main text trafilatura's fallbacks glued headline, byline, caption and
    # story into one line; a short article is still read by its paragraphs, without the caption
    f = tmp_path / "short.html"
    f.write_text("<html><body><nav>Home | News | Sport</nav><article><h1>Council approves homes</h1>"
                 "<p class='byline'>By Ana Ruiz</p><figure><img src='a.jpg'><figcaption>The site on Sunday. "
                 "Photo: Lena Sund</figcaption></figure><p>The city council approved 40 new homes on Monday, "
                 "the mayor said.</p></article><footer>About us | Contact</footer></body></html>")
    (a,), errs = read_one(f)
    assert errs == []
    assert a.original_text == "The city council approved 40 new homes on Monday, the mayor said."


def test_html_declared_charset_is_used(tmp_path):
    f = tmp_path / "legacy.htm"
    page = HTML_PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace("Maria Lopez", "María López")
    f.write_bytes(page.encode("cp1252"))
    (a,), errs = read_one(f)
    assert errs == [] and "María López" in a.original_text


# -- JSON and JSON lines ----------------------------------------------------------------------
def test_jsonl_fields_metadata_and_default_ids(tmp_path):
    f = tmp_path / "feed.jsonl"
    rows = [
        {"id": "a1", "text": BODY, "title": "T", "outlet": "O", "url": "u", "published": "11 March 2024",
         "language": "en", "author": ["A", "B"], "wordcount": 42, "tags": ["x"]},
        {"text": "Second article body."},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    (a, b), errs = read_one(f)
    assert errs == []
    assert (a.id, a.title, a.outlet, a.url, a.author) == ("a1", "T", "O", "u", "A, B")
    assert a.metadata.pop("field_sources")["published"] == "JSON field"
    assert a.published == date(2024, 3, 11) and a.metadata == {"wordcount": 42, "tags": ["x"]}
    assert b.id == "feed-2"  # stem and line number


def test_json_list_and_single_object(tmp_path):
    (tmp_path / "many.json").write_text(json.dumps([{"id": 7, "text": BODY}, {"text": "Other body."}]))
    (tmp_path / "one.json").write_text(json.dumps({"text": BODY, "title": "Single"}))
    items = list(read_paths([tmp_path]))
    assert [a.id for a in articles(items)] == ["7", "many-2", "one"]
    assert errors(items) == []


def test_json_items_with_wrong_types_are_reported_by_item(tmp_path):
    f = tmp_path / "mixed.json"
    f.write_text(json.dumps([{"text": BODY}, {"text": 5}, "a string", {"title": "no text"}]))
    found, errs = read_one(f)
    assert len(found) == 1
    assert [e.problem for e in errs] == [
        "item 2: field 'text' is not a string",
        "item 3: expected a JSON object, got str",
        "item 4: missing 'text' field",
    ]


def test_unparseable_date_is_kept_as_metadata_with_a_warning(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"id": "d", "text": BODY, "published": "sometime soon"}) + "\n")
    (a,), errs = read_one(f)
    assert a.published is None and a.metadata["published_raw"] == "sometime soon"
    assert len(errs) == 1 and not errs[0].fatal and errs[0].line == 1


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-11", date(2024, 3, 11)),
        ("2024-03-11T10:00:00Z", date(2024, 3, 11)),
        ("Mon, 11 Mar 2024 10:00:00 GMT", date(2024, 3, 11)),
        ("March 11, 2024", date(2024, 3, 11)),
        ("11th March 2024", date(2024, 3, 11)),
        ("11 mars 2024", date(2024, 3, 11)),
        (date(2024, 3, 11), date(2024, 3, 11)),
        ("yesterday", None),
        ("not a date 12", None),
        ("9999-01-01", None),
        (12345, None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["today 9", "2 days ago", "1h", "now", "in 3 days", "10 minutes ago", "Monday"])
def test_relative_published_dates_are_refused_and_kept_as_text(tmp_path, value):
    """A relative date depends on the clock and time zone of the run: report.json would change with them."""
    assert parse_published(value) is None
    f = tmp_path / "d.md"
    f.write_text(f"---\npublished: {value}\n---\nHarbour fire\n\n{BODY}\n")
    (a,), (warning,) = read_one(f)
    assert a.published is None and a.metadata["published_raw"] == value
    assert not warning.fatal and "not an absolute date" in warning.problem


def test_an_absolute_date_reads_the_same_in_every_time_zone(monkeypatch):
    import time

    for tz in ("UTC", "Pacific/Kiritimati", "America/Adak"):
        monkeypatch.setenv("TZ", tz)
        time.tzset()
        assert parse_published("March 3 2024 11pm PST") == date(2024, 3, 3)
        assert parse_published("today 9") is None
    monkeypatch.delenv("TZ")
    time.tzset()


# -- WARC and feeds ---------------------------------------------------------------------------
def _warc_bytes(pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, content_type, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def test_warc_html_responses_become_articles(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(
        _warc_bytes([
            ("https://planet.example/fire", "text/html; charset=utf-8", HTML_PAGE.encode()),
            ("https://planet.example/logo.png", "image/png", b"\x89PNG\r\n"),
            ("https://planet.example/empty", "text/html", b"<html><body></body></html>"),
        ])
    )
    (a,), errs = read_one(f)
    assert a.id == "crawl-1" and a.url == "https://planet.example/fire" and a.original_text == BODY
    assert a.title == "Harbour fire destroys boats"
    # an empty page in a crawl is a warning naming the record, not a failure
    assert len(errs) == 1 and not errs[0].fatal and "record 2 (https://planet.example/empty)" in errs[0].problem


def test_not_a_warc(tmp_path):
    f = tmp_path / "junk.warc"
    f.write_text("this is not a WARC file at all\n" * 3)
    found, errs = read_one(f)
    assert found == [] and len(errs) == 1 and errs[0].fatal and "WARC" in errs[0].problem


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Planet</title><language>en</language>
<item><title>Harbour fire destroys boats</title><link>https://planet.example/fire</link>
<pubDate>Mon, 11 Mar 2024 10:00:00 GMT</pubDate><author>jane@planet.example (Jane Doe)</author>
<description>&lt;p&gt;A fire broke out at the harbour on Monday.&lt;/p&gt;&lt;p&gt;Two boats burned.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://planet.example/none</link></item>
</channel></rss>"""


def test_rss_entries(tmp_path):
    f = tmp_path / "planet.rss"
    f.write_text(RSS)
    (a,), errs = read_one(f)
    assert (a.id, a.title, a.outlet, a.url) == ("planet-1", "Harbour fire destroys boats", "Daily Planet", "https://planet.example/fire")
    assert a.published == date(2024, 3, 11) and a.language == "en"
    assert a.original_text == "A fire broke out at the harbour on Monday.\n\nTwo boats burned."
    assert len(errs) == 1 and not errs[0].fatal and "entry 2" in errs[0].problem


def test_atom_content(tmp_path):
    f = tmp_path / "atom.xml"
    f.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Port News</title>'
        '<entry><title>Fire</title><link href="https://port.example/1"/><updated>2024-03-12T09:00:00Z</updated>'
        '<content type="html">&lt;p&gt;Full text of the story.&lt;/p&gt;</content><summary>Short.</summary></entry></feed>'
    )
    (a,), errs = read_one(f)
    assert errs == [] and a.original_text == "Full text of the story." and a.published == date(2024, 3, 12)
    assert a.outlet == "Port News"


# -- folders, ids, compression ----------------------------------------------------------------
def test_folder_walk_is_recursive_sorted_and_skips_unknown_and_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two\n\nSecond body.")
    (tmp_path / "a" / "one.md").write_text("One\n\nFirst body.")
    (tmp_path / "z.txt").write_text("Zed\n\nLast body.")
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nSecret.")
    (tmp_path / ".git" / "HEAD.txt").write_text("Ref\n\nnot an article")
    items = list(read_paths([tmp_path]))
    [skipped] = errors(items)  # unknown formats are named, never skipped silently; hidden files are
    assert not skipped.fatal and skipped.problem == "skipped 1 file: .csv (formats storytrace does not read)"
    assert [a.id for a in articles(items)] == ["one", "two", "z"]


def test_a_folder_with_nothing_readable_is_an_error_naming_what_was_skipped(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    [err] = list(read_paths([tmp_path]))
    assert err.fatal and err.path == str(tmp_path)
    assert err.problem == "no files storytrace can read (skipped 3 files: .docx, .pdf x2)"
    empty = tmp_path / "empty"
    empty.mkdir()
    [err] = list(read_paths([empty]))
    assert err.fatal and "the folder is empty" in err.problem


def test_explicit_file_with_unknown_extension_is_read_as_text(tmp_path):
    f = tmp_path / "story.article"
    f.write_text("Harbour fire\n\n" + BODY)
    (a,), errs = read_one(f)
    assert errs == [] and a.id == "story" and a.original_text == BODY


def test_duplicate_ids_get_a_deterministic_suffix_and_a_warning(tmp_path):
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story {folder}\n\nBody {folder}.")
    (tmp_path / "y" / "story-2.txt").write_text("Clash\n\nAlready named like a suffix.")
    items = list(read_paths([tmp_path]))
    # sorted walk: x/story.txt, y/story-2.txt, y/story.txt, z/story.txt; 'story-2' is taken, so 'story-3'
    assert [a.id for a in articles(items)] == ["story", "story-2", "story-3", "story-4"]
    warnings = errors(items)
    assert all(not w.fatal for w in warnings) and len(warnings) == 2
    assert "duplicate id 'story'" in warnings[0].problem and "renamed to 'story-3'" in warnings[0].problem
    # the same registry over separate calls keeps ids unique across inputs
    ids = IdRegistry()
    first = articles(read_paths([tmp_path / "x"], ids=ids))
    second = articles(read_paths([tmp_path / "z"], ids=ids))
    assert [a.id for a in first + second] == ["story", "story-2"]


def test_ids_are_sanitised():
    a = article_from_text("T\n\nBody.", id="x")
    a.id = "../etc/passwd \x00 id"
    IdRegistry().assign(a)
    assert a.id == "..-etc-passwd-id"


def test_gzip_input_is_inflated(tmp_path):
    f = tmp_path / "rows.jsonl.gz"
    f.write_bytes(gzip.compress((json.dumps({"id": "g", "text": BODY}) + "\n").encode()))
    (a,), errs = read_one(f)
    assert errs == [] and a.id == "g" and a.original_text == BODY


def test_links_to_files_outside_the_folder_are_skipped_with_a_warning(tmp_path):
    from storytrace.config import Config
    from storytrace.pipeline import Pipeline

    secret = tmp_path / "private" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Private notes\n\nThe password is swordfish.")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("Harbour fire\n\n" + BODY)
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "sub" / "up.txt").symlink_to(Path("..") / ".." / "private" / "secret.txt")
    (corpus / "same.txt").symlink_to(corpus / "a.txt")  # inside the folder: read
    found, errs = read_one(corpus)
    assert sorted(a.id for a in found) == ["a", "same"]
    assert sorted(e.path for e in errs) == [str(corpus / "leak.txt"), str(corpus / "sub" / "up.txt")]
    assert all(not e.fatal and "outside the folder; skipped" in e.problem for e in errs)
    assert all("swordfish" not in a.original_text for a in found)
    # Asked for, they are read; a link named on the command line is the user's choice and is read.
    assert sorted(a.id for a in articles(read_paths([corpus], follow_links=True))) == ["a", "leak", "same", "up"]
    assert [a.id for a in articles(read_paths([corpus / "leak.txt"]))] == ["leak"]
    piped = Pipeline(Config(quiet=True, follow_links=True)).read([corpus])
    assert sorted(a.id for a in piped if isinstance(a, Article)) == ["a", "leak", "same", "up"]


def test_shown_metadata_fields_are_capped_with_a_warning(tmp_path):
    from storytrace.ingest.metadata import FIELD_CHARS, MAX_FIELD_CHARS

    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"id": "big", "text": BODY, "title": "Harbour fire " * 400_000, "outlet": "Planet",
                             "notes": "x" * 50_000, "tags": ["short", "y" * 9_000]}) + "\n")
    (a,), errs = read_one(f)
    assert len(a.title) == FIELD_CHARS["title"] and a.title.startswith("Harbour fire Harbour")
    assert a.outlet == "Planet"
    assert len(a.metadata["notes"]) == MAX_FIELD_CHARS and a.metadata["tags"] == ["short", "y" * MAX_FIELD_CHARS]
    problems = sorted(e.problem for e in errs)
    assert all(not e.fatal and e.line == 1 for e in errs)
    assert problems == [
        "metadata field 'notes': text longer than 2000 characters cut",
        "metadata field 'tags': text longer than 2000 characters cut",
        "title longer than 500 characters; cut",
    ]


def test_a_pasted_title_is_capped_like_a_file_s():
    from storytrace.web.uploads import article_from_paste

    warnings: list = []
    a = article_from_paste("Some text.", title="T" * 5_000_000, outlet="O" * 300, warnings=warnings)
    assert len(a.title) == 500 and len(a.outlet) == 200
    assert [w.problem for w in warnings] == ["title longer than 500 characters; cut", "outlet longer than 200 characters; cut"]
