"""A file holding only a headline (a news flash, a wire alert, a saved link's title).

A headline is a one-line report: it says who did what, and a fact-checker wants it compared with the
longer reports of its event. The JSON reader already takes a row whose text is one line; a .txt or .md
file of one headline is read the same way, with a warning naming the file (a headline tells less than a
report), so the run analyses every file and its exit status says nothing failed. A file with nothing
readable at all is still an error naming it.
"""
from __future__ import annotations

from storytrace.ingest import read_paths
from storytrace.model import Article, InputError

HEADLINE = "Storm surge floods the harbour road at Kestrel Bay, two ferries cancelled"


def _read(tmp_path, name: str, text: str) -> tuple[list[Article], list[InputError]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    items = list(read_paths([tmp_path / name]))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def test_a_txt_file_of_one_headline_is_a_one_line_article_and_a_warning(tmp_path):
    articles, problems = _read(tmp_path, "flash.txt", HEADLINE + "\n")
    assert len(articles) == 1
    assert (articles[0].title, articles[0].original_text) == (HEADLINE, HEADLINE)
    assert [(p.fatal, p.path.endswith("flash.txt")) for p in problems] == [(False, True)]
    assert "only a headline" in str(problems[0])


def test_a_markdown_heading_alone_is_read_the_same(tmp_path):
    articles, problems = _read(tmp_path, "flash.md", f"# {HEADLINE}\n\n")
    assert [a.original_text for a in articles] == [HEADLINE]
    assert not any(p.fatal for p in problems)


def test_a_headline_and_its_date_stamp_keep_the_date(tmp_path):
    articles, _ = _read(tmp_path, "flash.txt", f"{HEADLINE}\nPublished: March 4, 2024\n")
    assert articles[0].original_text == HEADLINE
    assert str(articles[0].published) == "2024-03-04"


def test_the_same_headline_as_a_json_line_reads_alike(tmp_path):
    txt, _ = _read(tmp_path, "flash.txt", HEADLINE + "\n")
    row, _ = _read(tmp_path, "flash.jsonl", '{"id": "flash-j", "text": "%s"}\n' % HEADLINE)
    assert txt[0].original_text == row[0].original_text


def test_a_file_with_nothing_readable_is_still_an_error_naming_it(tmp_path):
    articles, problems = _read(tmp_path, "blank.txt", "Published: March 4, 2024\n")
    assert articles == []
    assert [p.fatal for p in problems] == [True] and problems[0].path.endswith("blank.txt")
