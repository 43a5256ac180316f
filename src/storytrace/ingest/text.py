"""Plain text and Markdown: optional YAML front matter, then the title on the first line."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storytrace.ingest.debris import line_debris_kind
from storytrace.ingest.header import HeaderInfo, headline_like, infer_header
from storytrace.ingest.lead import is_poor_title, lead_sentences, lead_title, shorten
from storytrace.ingest.metadata import INFERRED, MetadataTooLarge, make_article, plain_metadata
from storytrace.ingest.stamp_time import PUBLISHED_TIME
from storytrace.model import Article, InputError

MAX_YAML_ALIASES = 50
_FENCE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_SETEXT_UNDERLINE = re.compile(r"[ \t]*(=+|-+)[ \t]*")


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    """(fields, body, problem): YAML front matter between '---' fences at the very start."""
    m = _FENCE.match(text)
    if not m:
        return {}, text, None
    body = text[m.end():]
    import yaml

    try:
        if _aliases_over(m.group(1), MAX_YAML_ALIASES):
            return {}, body, f"front matter uses more than {MAX_YAML_ALIASES} YAML aliases; metadata ignored"
        fields = plain_metadata(yaml.safe_load(m.group(1)))
    except MetadataTooLarge as exc:
        return {}, body, f"front matter too large ({exc}); metadata ignored"
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        return {}, body, f"invalid YAML front matter{where}; metadata ignored"
    except RecursionError:
        return {}, body, "front matter nested too deeply; metadata ignored"
    if fields is None:
        return {}, body, None
    if not isinstance(fields, dict):
        return {}, body, "front matter is not a list of key: value pairs; metadata ignored"
    return fields, body, None


def _aliases_over(source: str, limit: int) -> bool:
    """Whether the YAML uses more than ``limit`` aliases, counted on the event stream before anything
    is built: front matter needs few, and a few dozen nested aliases spell an exponential expansion."""
    import yaml

    count = 0
    for event in yaml.parse(source, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            count += 1
            if count > limit:
                return True
    return False


def _heading_text(line: str) -> str:
    return re.sub(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$", "", line).strip()


def split_title(body: str, given_title: str = "") -> tuple[str, str]:
    """(title, body without the title line).

    The first non-blank line is the title when it reads like a headline (a Markdown heading, or a
    short line not ending like a sentence); otherwise it stays in the body and only names the article.
    """
    lines = body.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return given_title, ""
    line = lines[first]
    heading = _heading_text(line)
    is_markdown_heading = heading != line.strip()
    setext = first + 1 < len(lines) and _SETEXT_UNDERLINE.fullmatch(lines[first + 1]) is not None
    reads_as_headline = (
        is_markdown_heading
        or setext
        or (headline_like(heading) and not is_poor_title(heading))
    )
    if given_title:
        # Front matter named the title: drop the first line only when it repeats it.
        if heading.casefold() == given_title.strip().casefold():
            return given_title, _rest(lines, first, setext)
        return given_title, body.strip("\n")
    if reads_as_headline:
        return heading, _rest(lines, first, setext)
    # No headline: the text is named by its first sentence that reads as a news lead (a hook such
    # as "It's about time, right?" names nothing), else by its first line.
    return lead_title(lead_sentences(body)) or shorten(heading), body.strip("\n")


@dataclass
class Titled:
    """A body's title and what is left of it once its header is read (_titled)."""

    title: str
    body: str  # without the title line and the header lines
    header_lines: list[str]  # the date stamp, labels and bylines around the title: kept, not lost
    inferred: bool  # the title was read from the text, none was given


def _titled(body: str, header: HeaderInfo, given_title: str = "") -> Titled:
    """Where the title is: ``given_title`` (front matter); else the headline past any date stamp, byline
    or label (header.infer_header); else the first line when it reads as one, else the lead sentence."""
    if not given_title and header.title_line is not None:
        lines = body.split("\n")
        # a byline under the headline is header, as a page's is (not in its text): read, kept, not in the body
        bylines = set(header.byline_lines)
        rest = "\n".join(ln for i, ln in enumerate(lines) if i > header.title_line and i not in bylines).strip("\n")
        kept = [line for _, line in header.skipped] + [lines[i].strip() for i in sorted(bylines)]
        return Titled(header.title, rest, kept, True)
    kept = []
    if not given_title and header.skipped and header.body_line is not None:
        # A date stamp or byline above text with no headline: never the title; kept, not lost.
        body = "\n".join(body.split("\n")[header.body_line :]).strip("\n")
        kept = [line for _, line in header.skipped]
    title, body = split_title(body, given_title)
    return Titled(title, body, kept, not given_title and bool(title))


def inferred_title(text: str) -> str:
    """The title this reader gives ``text`` had it come as a .txt file with no front matter. For a format
    whose title field was left empty (a JSON row), so an article is named alike whichever way it came;
    its text is not cut."""
    return _titled(text, infer_header(text)).title


def _rest(lines: list[str], first: int, setext: bool) -> str:
    return "\n".join(lines[first + (2 if setext else 1):]).strip("\n")


def parse_text_document(text: str, article_id: str, source_path: str, **overrides: Any) -> tuple[Article, list[InputError]]:
    """An Article from the text of a .txt/.md file (front matter, title line, body)."""
    fields, body, problem = split_front_matter(text)
    warnings = [InputError(source_path or article_id, problem, fatal=False)] if problem else []
    origins = {k: "front matter" for k in fields}
    fields.update(overrides)
    origins.update((k, "given") for k in overrides)
    header = infer_header(body)
    titled = _titled(body, header, str(fields.get("title") or ""))
    body, fields["title"] = titled.body, titled.title
    if titled.inferred:
        origins["title"] = INFERRED
    if titled.header_lines:
        fields["header_lines"] = titled.header_lines
    for name, value in (("outlet", header.outlet), ("author", header.author), ("published", header.published)):
        if fields.get(name) in (None, "") and value:
            fields[name] = value
            origins[name] = INFERRED
            if name == "published" and header.published_time is not None:
                fields.setdefault(PUBLISHED_TIME, header.published_time.iso())  # its stamp's time and zone
    if header.translator and "translator" not in fields:
        fields["translator"] = header.translator
    if header.notes and fields.get("published") in (None, ""):
        fields["published_note"] = "; ".join(header.notes)
    if fields.get("id") not in (None, ""):
        article_id = str(fields["id"])
    article, more = make_article(article_id, source_path, body.rstrip(), fields, origins=origins)
    return article, warnings + more


def _page_furniture_only(text: str) -> bool:
    """No line of ``text`` is article text: each is a date stamp, an advert, a share button... (the
    cleaner's debris lines), or there is none."""
    return all(line_debris_kind(line.strip()) for line in text.split("\n") if line.strip())


def read_text(path: str, text: str, stem: str) -> Iterator[Article | InputError]:
    article, warnings = parse_text_document(text, stem, path)
    yield from warnings
    if _page_furniture_only(article.original_text):  # nothing after the title but a date stamp, an advert...
        if _page_furniture_only(article.title or ""):
            yield InputError(path, "no article text")
            return
        # Only a headline (a news flash, a wire alert, a saved link's title): a one-line report, read as
        # the JSON reader reads a row of one line, so the run loses nothing; a warning names the file,
        # since a headline tells less than a report.
        article.original_text = article.title
        yield InputError(path, "only a headline, no article text: analysed as a one-line article", fatal=False)
    yield article
