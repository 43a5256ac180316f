"""Metadata from pasted plain text: hand-written headers in the styles outlets use."""
from __future__ import annotations

from datetime import date

from storytrace.ingest import article_from_text
from storytrace.ingest.header import infer_header, read_byline

BODY = "The harbour authority approved the new terminal on Monday after a two-year review.\n\nMore text follows here."


def test_section_label_and_byline_in_brackets_are_not_the_title():
    text = "The Big Read\n\nHow a small port won the container race\n\n[By Mara Lindqvist]\n\n" + BODY
    a = article_from_text(text)
    assert a.title == "How a small port won the container race"
    assert a.author == "Mara Lindqvist"
    assert a.metadata["field_sources"]["title"] == "inferred from text"
    assert a.metadata["header_lines"] == ["The Big Read"]  # kept, not lost (the byline stays in the body)


def test_header_debris_line_gives_the_date_not_the_title():
    text = "date 2025-07-16 403\n\nPort approves terminal after long review\n\n" + BODY
    a = article_from_text(text)
    assert a.title == "Port approves terminal after long review"
    assert a.published == date(2025, 7, 16)
    assert a.metadata["field_sources"]["published"] == "inferred from text"


def test_photo_caption_above_the_headline_is_skipped():
    text = ("Cranes at the Kestrel Bay quay on Monday. Photo: Jon Eide/Harbour Press\n\n"
            "Terminal approved despite fishermen's protests\n\n" + BODY)
    assert article_from_text(text).title == "Terminal approved despite fishermen's protests"


def test_agency_dateline_names_the_outlet():
    text = "Gulf states agree new shipping corridor\n\n(MENAFN) - Six Gulf states agreed on Tuesday to open a shipping corridor.\n\nMore."
    a = article_from_text(text)
    assert a.outlet == "MENAFN" and a.title == "Gulf states agree new shipping corridor"
    text = "Quake hits coast\n\nLIMA (Reuters) - A strong earthquake struck the coast on Sunday.\n\nMore."
    assert article_from_text(text).outlet == "Reuters"


def test_bylines_name_outlets_authors_and_translators():
    assert read_byline("By Observer News") == ("Observer News", "", "")
    assert read_byline("By Harbour Times, Lena Okafor") == ("Harbour Times", "Lena Okafor", "")
    assert read_byline("Text by Kitahama Economic News, Translation by Ana Ruiz") == ("Kitahama Economic News", "", "Ana Ruiz")
    assert read_byline("By the way, the port will stay open late this weekend for the festival and the fair and more") is None
    a = article_from_text("Port deal signed\n\nText by Kitahama Economic News, Translation by Ana Ruiz\n\n" + BODY)
    assert a.outlet == "Kitahama Economic News" and a.metadata["translator"] == "Ana Ruiz"


def test_published_and_updated_lines():
    assert infer_header("Port deal signed\n\nPublished 14 July 2025\n\n" + BODY).published == date(2025, 7, 14)
    assert infer_header("Port deal signed\n\nUpdated: 2025-07-15 09:12\n\n" + BODY).published == date(2025, 7, 15)


def test_relative_date_with_no_anchor_leaves_the_date_unknown_and_says_so():
    a = article_from_text("Port deal signed\n\nPublished yesterday\n\n" + BODY)
    assert a.published is None
    assert "names no day" in a.metadata["published_note"]


def test_explicit_metadata_wins_over_inference():
    text = "---\noutlet: Harbour Ledger\npublished: 2025-07-01\n---\ndate 2025-07-16 403\n\nPort deal signed\n\nBy Observer News\n\n" + BODY
    a = article_from_text(text)
    assert a.outlet == "Harbour Ledger" and a.published == date(2025, 7, 1)
    assert a.metadata["field_sources"]["outlet"] == "front matter"
    assert a.metadata["field_sources"]["title"] == "inferred from text"


def test_plain_first_line_headline_still_works():
    a = article_from_text("Port deal signed after all-night talks\n\n" + BODY)
    assert a.title == "Port deal signed after all-night talks" and not a.outlet and a.published is None


def test_meta_csv_overrides_every_field_and_records_it(tmp_path):
    from storytrace.config import Config
    from storytrace.pipeline import Pipeline

    (tmp_path / "a.txt").write_text("date 2025-07-16 403\n\nPort approves terminal\n\nBy Observer News\n\n" + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Library reopens\n\n" + BODY, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("id,title,outlet,published\na,Terminal approved,Harbour Ledger,2025-07-18\n", encoding="utf-8")
    read = {x.id: x for x in Pipeline(Config(meta_file=str(meta))).read([tmp_path / "a.txt", tmp_path / "b.txt"])}
    a, b = read["a"], read["b"]
    assert (a.title, a.outlet, a.published) == ("Terminal approved", "Harbour Ledger", date(2025, 7, 18))
    assert a.metadata["field_sources"]["outlet"] == "--meta file"
    assert b.title == "Library reopens" and b.metadata["field_sources"]["title"] == "inferred from text"


def test_bad_meta_csv_is_an_error_naming_the_file(tmp_path):
    import pytest

    from storytrace.ingest.overrides import load_meta_csv

    bad = tmp_path / "m.csv"
    bad.write_text("name,title\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"m\.csv: --meta file needs an 'id' column"):
        load_meta_csv(bad)
    bad.write_text("id,published\nx,next tuesday\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"m\.csv: line 2: cannot read published date"):
        load_meta_csv(bad)
