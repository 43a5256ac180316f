"""`storytrace serve DB`: the report's views over the SQLite store, JSON endpoints, and adding articles.

Safety: bound to 127.0.0.1 unless told otherwise; request bodies, files per request and file
sizes are capped; ids in URLs are only ever looked up in the store (no route reads a file path
from the request); every response carries a Content-Security-Policy and nosniff; article text
is escaped by Jinja2's autoescape.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Callable
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from storytrace.ingest.stamp_time import clock_words, published_time
from storytrace.model import InputError, Story
from storytrace.store import corrections as correction_mod
from storytrace.store import reviews as review_mod
from storytrace.store import database as store_mod
from storytrace.outputs.json_report import article_to_dict, edge_to_dict, story_finding_to_dict, story_to_dict
from storytrace.outputs.report_view import FindingView, story_view
from storytrace.outputs.templating import inline_assets, make_environment
from storytrace.web.analysis import AnalysisResult, Reanalyser
from storytrace.web.page_cache import CachedPage, PageCache
from storytrace.web.story_pages import NoSuchPage, about_article, page_versions, story_page_view
from storytrace.web.security import BodySizeLimit, SameOriginPosts, SecurityHeaders
from storytrace.web.uploads import (
    NewArticles, UploadedFile, UploadLimits, UploadRejected, article_from_paste, check_article_text, check_sizes,
    read_uploads,
)

FORM_FIELDS = ("text", "title", "outlet", "url", "language", "published")
LOOPBACK_NAMES = ("127.0.0.1", "localhost")


# -- JSON shapes (the report.json contract, as OpenAPI models) -----------------------------------
class ArticleOut(BaseModel):
    id: str
    source_path: str
    title: str
    outlet: str
    language: str
    published: str | None
    word_count: int


class ArticleDetail(ArticleOut):
    author: str
    url: str
    text: str  # the original text, as read
    stories: list[str]
    corrected: list[str] = []  # the fields a person corrected


class CorrectionIn(BaseModel):
    """Corrected metadata: only the fields given change (an empty string empties a field)."""
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    note: str = ""


class EdgeOut(BaseModel):
    source: str
    derived: str
    relation: str
    confidence: float
    coverage: float
    containment: float
    evidence: list[str]
    direction_known: bool = True  # false: nothing showed which of the two came first (report.json schema 4)


class FindingOut(BaseModel):
    id: str
    type: str
    severity: str
    article: str
    against: list[str]
    claim: str
    claim_span: list[int]
    derived_value: str
    source_article: str | None
    source_text: str
    source_span: list[int] | None
    source_value: str
    explanation: str
    confidence: float
    signals: list[str] | None = None  # why this severity (findings/severity.py); None: not recorded
    lacks: list[str] | None = None
    severity_reason: str | None = None
    review: dict | None = None  # {status, reason, note, reviewed_at} once a person decided
    direction_known: bool = True  # false: on a pair whose order nothing showed (report.json schema 4)


class ReviewIn(BaseModel):
    status: str
    reason: str = ""
    note: str = ""


class StoryFinding(FindingOut):
    story: str


class StorySummary(BaseModel):
    id: str
    title: str
    article_count: int
    findings: dict[str, int]
    alone_because: str = ""  # a story of one article: which evidence was too weak to join another


class StoryOut(BaseModel):
    id: str
    title: str
    article_ids: list[str]
    lineage: list[EdgeOut]
    findings: list[FindingOut]
    alone_because: str = ""  # as in report.json


class JoinedStory(BaseModel):
    id: str
    title: str


class AddResult(BaseModel):
    added: list[str]
    errors: list[str]
    articles: int
    stories: int
    findings: int
    joined: list[JoinedStory] = []  # the stories the added articles are in now


PAGE_SIZE = 100  # stories and loose articles per index page
LIMIT = Query(100, ge=1, le=1000, description="Items per page (at most 1,000).")
# Bounds that SQLite's 64-bit integers and the page arithmetic stay far inside (beyond them: 422).
MAX_OFFSET = 1_000_000_000
MAX_PAGE = MAX_OFFSET // PAGE_SIZE
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip (at most 1,000,000,000).")


def story_page_url(story_id: str, page: int) -> str:
    return "/stories/" + quote(story_id, safe="") + (f"?page={page}" if page > 1 else "")


def article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def story_url(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def create_app(
    db: str | Path,
    limits: UploadLimits | None = None,
    pipeline_factory: Callable[[], object] | None = None,
    allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES,
) -> FastAPI:
    """The app over one store. ``pipeline_factory`` builds the analysis pipeline on first use.

    ``allowed_hosts``: Host headers answered; the loopback names by default, so a page elsewhere
    cannot reach the app through DNS rebinding."""
    db_path = Path(db)
    try:
        store_mod.open_readonly(db_path).close()  # fails now, with a clear message, if it is not a store
    except store_mod.OldLayout:
        if not os.access(db_path, os.W_OK):
            raise
        store_mod.Store(db_path).close()  # a store of the earlier layout: migrated once, here
    limits = limits or UploadLimits()
    reanalyser = Reanalyser(db_path, pipeline_factory) if pipeline_factory else Reanalyser(db_path)
    env = make_environment("storytrace.web", "storytrace.outputs")
    from storytrace.version import __version__

    app = FastAPI(
        title="storytrace",
        version=__version__,
        description="Stories, lineage and findings from a storytrace store.",
        docs_url=None,  # the interactive docs load scripts from a CDN, which the CSP forbids
        redoc_url=None,
    )
    app.add_middleware(SameOriginPosts)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(BodySizeLimit, max_bytes=limits.max_request_bytes)
    app.add_middleware(SecurityHeaders)
    app.state.reanalyser = reanalyser
    pages = app.state.pages = PageCache(db_path)
    # A store on read-only media or in a read-only folder is shown as it is (opened immutable).
    app.state.read_only = not (os.access(db_path, os.W_OK) and os.access(db_path.resolve().parent, os.W_OK))
    app.state.limits = limits

    def render(name: str, status: int = 200, **context) -> HTMLResponse:
        html = env.get_template(name).render(
            assets=inline_assets(), version=__version__, db_name=db_path.name, article_url=article_url,
            story_url=story_url, limits=limits, **context,
        )
        return HTMLResponse(html, status_code=status)

    def reader() -> store_mod.Store:
        return store_mod.open_readonly(db_path)

    def load_story(story_id: str, aligned: tuple[str, ...] | set[str] | None = ()) -> tuple[Story, dict]:
        """The story and its articles; ``aligned``: the articles whose alignments are needed (none by
        default: only the reading views use them, and a long story holds over a thousand)."""
        with reader() as s:
            stories = store_mod.load_stories(s, [story_id], aligned=aligned)
            if not stories:
                raise HTTPException(404, "no such story")
            articles = {a.id: a for a in store_mod.load_articles(s, stories[0].article_ids)}
        return stories[0], articles

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return render("error.html.j2", status=exc.status_code, code=exc.status_code, message=str(exc.detail))

    # -- HTML views ------------------------------------------------------------------------------
    def index_page(status: int = 200, notice: str = "", notice_error: bool = False, details: list[str] | None = None,
                   page: int = 1, joined: list[dict] | None = None):
        offset = (page - 1) * PAGE_SIZE
        with reader() as s:
            # A "story" of one article says nothing about travel, unless it contradicts itself.
            stories = store_mod.story_summaries(s, PAGE_SIZE, offset, listed_only=True)
            loose = store_mod.article_summaries(s, PAGE_SIZE, offset, loose_only=True)
            totals = {"articles": store_mod.article_count(s), "stories": store_mod.story_count(s, listed_only=True),
                      "loose": store_mod.article_count(s, loose_only=True)}
        pages = max(1, -(-max(totals["stories"], totals["loose"]) // PAGE_SIZE))
        return render("index.html.j2", status=status, stories=stories, loose=loose, totals=totals, page=page,
                      pages=pages, page_size=PAGE_SIZE, notice=notice, notice_error=notice_error,
                      notice_details=details or [], joined=joined or [])

    def cached_html(key: str, build: Callable[[], HTMLResponse]) -> Response:
        """A page rendered once per store version (web/page_cache.py); errors are not kept."""
        def render_page() -> CachedPage:
            r = build()
            return CachedPage(r.status_code, bytes(r.body), "text/html; charset=utf-8")

        page = pages.get(key, render_page)
        return Response(page.body, status_code=page.status, media_type=page.media_type)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(page: int = Query(1, ge=1, le=MAX_PAGE)) -> Response:
        return cached_html(f"/?page={page}", lambda: index_page(page=page))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str, page: int = Query(1, ge=1, le=MAX_PAGE)) -> Response:
        def build() -> HTMLResponse:
            story, articles = load_story(story_id)
            try:
                chosen = page_versions(story, articles, page)
            except NoSuchPage as exc:
                raise HTTPException(404, str(exc)) from None
            story, articles = load_story(story_id, aligned=chosen)
            try:
                sv, paging = story_page_view(story, articles, page)
            except NoSuchPage as exc:
                raise HTTPException(404, str(exc)) from None
            alone = story.note if len(story.article_ids) == 1 else ""  # why it joined no other article
            return render("story.html.j2", sv=sv, paging=paging, story_page_url=story_page_url,
                          review_reasons=review_mod.REASONS, alone_because=alone)

        return cached_html(f"/stories/{story_id}?page={page}", build)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> Response:
        return cached_html(f"/articles/{article_id}", lambda: build_article_page(article_id))

    def build_article_page(article_id: str) -> HTMLResponse:
        with reader() as s:
            found = store_mod.load_articles(s, [article_id])
            if not found:
                raise HTTPException(404, "no such article")
            stories = [about_article(st, article_id)
                       for st in store_mod.load_stories(s, store_mod.stories_of_article(s, article_id), aligned={article_id})]
            ids = {i for st in stories for i in st.article_ids} | {article_id}
            articles = {a.id: a for a in store_mod.load_articles(s, sorted(ids))}
        views = [story_view(st, articles, f"s{n}") for n, st in enumerate(stories, start=1)]
        findings: list[FindingView] = [f for v in views for f in v.findings if article_id in (f.article_id, f.source_id)]
        with reader() as s:
            fixes = correction_mod.corrections_of(s.conn, [article_id]).get(article_id, {})
        stamp = published_time(found[0].metadata, found[0].published)
        return render("article.html.j2", article=found[0], stories=views, findings=findings,
                      corrected=correction_mod.corrected_fields(found[0]), correction=fixes,
                      read_only=app.state.read_only, published_time=clock_words(stamp) if stamp else "")

    # -- correcting an article's metadata --------------------------------------------------------
    def correct(article_id: str, fields: dict[str, str], note: str) -> dict[str, str]:
        if app.state.read_only:
            raise HTTPException(409, "this store is read-only: corrections cannot be recorded")
        try:
            return reanalyser.correct(article_id, fields, note)
        except KeyError:
            raise HTTPException(404, "no such article") from None
        except correction_mod.BadCorrection as exc:
            raise HTTPException(422, str(exc)) from None

    @app.post("/api/articles/{article_id}/metadata", tags=["articles"])
    def api_correct(article_id: str, body: CorrectionIn) -> dict:
        """Correct an article's title, outlet, author, published (YYYY-MM-DD), url or language; the
        correction is kept in the store, applied on every later analysis, and its story is analysed again."""
        fields = {k: v for k, v in body.model_dump().items() if k != "note" and v is not None}
        return {"corrected": correct(article_id, fields, body.note)}

    @app.post("/articles/{article_id}/metadata", include_in_schema=False)
    async def form_correct(article_id: str, request: Request) -> Response:
        form = await request.form(max_fields=len(correction_mod.FIELDS) + 2, max_part_size=64 * 1024)
        values = {k: v for k in (*correction_mod.FIELDS, "note") if isinstance(v := form.get(k), str)}
        with reader() as s:
            found = store_mod.load_articles(s, [article_id])
        if not found:
            raise HTTPException(404, "no such article")
        a = found[0]
        shown = {"title": a.title, "outlet": a.outlet, "author": a.author, "url": a.url, "language": a.language,
                 "published": a.published.isoformat() if a.published else ""}
        # only what the person changed on the form is a correction (the form shows the current values)
        changed = {k: v for k, v in values.items() if k in shown and " ".join(v.split()) != shown[k]}
        if changed:
            await run_in_threadpool(correct, article_id, changed, values.get("note", ""))
        return RedirectResponse(article_url(article_id) + "#metadata", status_code=303)

    # -- adding articles ---------------------------------------------------------------------------
    async def parse_form(request: Request) -> tuple[dict[str, str], list[UploadedFile]]:
        try:
            form = await request.form(
                max_files=limits.max_files, max_fields=len(FORM_FIELDS) + 4, max_part_size=limits.max_text_bytes
            )
        except StarletteHTTPException as exc:  # malformed multipart, too many files or fields, a field too big
            if "exceeded maximum size" in str(exc.detail):
                mb = limits.max_text_bytes / (1024 * 1024)
                raise UploadRejected(413, f"pasted text too large (the limit is {mb:.0f} MB)") from exc
            raise UploadRejected(400, str(exc.detail)) from exc
        fields = {k: v for k in FORM_FIELDS if isinstance(v := form.get(k, ""), str)}
        files = []
        for item in form.getlist("files"):
            if isinstance(item, UploadFile) and (item.filename or item.size):
                files.append(UploadedFile(item.filename or "", await item.read(limits.max_file_bytes + 1)))
        await form.close()
        return fields, files

    @app.post("/articles", include_in_schema=False)
    async def add_articles(request: Request) -> Response:
        """Multipart form: ``text`` (+ title, outlet, url, language, published) and/or ``files``."""
        as_json = wants_json(request)
        try:
            if app.state.read_only:
                raise UploadRejected(409, "this store is read-only: articles cannot be added to it")
            if not request.headers.get("content-type", "").startswith("multipart/form-data"):
                raise UploadRejected(400, "send a multipart/form-data form (fields: text, files)")
            fields, files = await parse_form(request)
            text = fields.get("text", "")
            check_sizes(files, text, limits)
            new = NewArticles()
            if text.strip():
                check_article_text(text, "pasted text")
                new.articles.append(article_from_paste(
                    text, fields.get("title", ""), fields.get("outlet", ""), fields.get("url", ""),
                    fields.get("language", ""), fields.get("published", ""), warnings=new.errors,
                ))
            if files:
                read = await run_in_threadpool(read_uploads, files, reanalyser.read)
                for a in read.articles:
                    try:
                        check_article_text(a.original_text, a.source_path.removeprefix("upload:"))
                        new.articles.append(a)
                    except UploadRejected as exc:  # one short file does not stop the others
                        new.errors.append(InputError(a.source_path.removeprefix("upload:"), exc.message.split(": ", 1)[-1]))
                new.errors += read.errors
            if not new.articles:
                reasons = [str(e) for e in new.errors] or ["paste a text or choose at least one file"]
                raise UploadRejected(400, "nothing to add: " + "; ".join(reasons))
        except UploadRejected as exc:
            if as_json:
                return JSONResponse({"detail": exc.message}, status_code=exc.status)
            return index_page(exc.status, f"Not added: {exc.message}", notice_error=True)
        result: AnalysisResult = await run_in_threadpool(reanalyser.add, new.articles, new.errors)
        with reader() as s:
            joined = store_mod.stories_joined(s, result.added)
        if as_json:
            return JSONResponse(AddResult(**result.__dict__, joined=joined).model_dump())
        notice = (f"Added {len(result.added)} article(s); the store now has {result.articles} articles, "
                  f"{result.findings} findings.")
        return index_page(200, notice, notice_error=bool(result.errors), details=result.errors, joined=joined)

    # -- JSON API --------------------------------------------------------------------------------
    @app.get("/api/stories", response_model=list[StorySummary], tags=["stories"])
    def api_stories(response: Response, limit: int = LIMIT, offset: int = OFFSET) -> list[dict]:
        """A page of stories; the total is in the X-Total-Count header."""
        with reader() as s:
            response.headers["X-Total-Count"] = str(store_mod.story_count(s))
            return store_mod.story_summaries(s, limit, offset)

    @app.get("/api/stories/{story_id}", response_model=StoryOut, tags=["stories"])
    def api_story(story_id: str) -> dict:
        story, articles = load_story(story_id)
        return story_to_dict(story, articles)

    @app.get("/api/stories/{story_id}/lineage", response_model=list[EdgeOut], tags=["stories"])
    def api_lineage(story_id: str) -> list[dict]:
        story, _ = load_story(story_id)
        return [edge_to_dict(e) for e in story.lineage]

    @app.get("/api/stories/{story_id}/findings", response_model=list[FindingOut], tags=["findings"])
    def api_story_findings(
        story_id: str, severity: str | None = Query(None, pattern="^(high|medium|low)$"),
        type: str | None = None, article: str | None = None,
        review: str | None = Query(None, pattern="^(open|confirmed|dismissed)$", description="Only findings with this decision."),
    ) -> list[dict]:
        story, articles = load_story(story_id)
        return [
            story_finding_to_dict(f, story, articles) for f in story.findings
            if (severity is None or f.severity == severity) and (type is None or f.type == type)
            and (article is None or f.article == article)
            and (review is None or (f.review or {}).get("status", "open") == review)
        ]

    @app.get("/api/findings", response_model=list[StoryFinding], tags=["findings"])
    def api_findings(
        response: Response, severity: str | None = Query(None, pattern="^(high|medium|low)$"), type: str | None = None,
        article: str | None = None, limit: int = LIMIT, offset: int = OFFSET,
        review: str | None = Query(None, pattern="^(open|confirmed|dismissed)$", description="Only findings with this decision."),
    ) -> list[dict]:
        """A page of the findings of every story, filtered; the total is in the X-Total-Count header.

        Only the stories holding this page's findings are loaded, so a large store answers quickly."""
        wanted = {"severity": severity, "type": type, "article": article}
        with reader() as s:
            per_story = store_mod.finding_counts(s, **wanted, review=review)
            response.headers["X-Total-Count"] = str(sum(per_story.values()))
            out: list[dict] = []
            for sid in (i for i in store_mod.story_ids(s) if i in per_story):
                if len(out) >= limit:
                    break
                if offset >= per_story[sid]:  # this whole story lies before the page
                    offset -= per_story[sid]
                    continue
                [story] = store_mod.load_stories(s, [sid], aligned=())
                found = [f for f in story.findings if all(v is None or getattr(f, k) == v for k, v in wanted.items())
                         and (review is None or (f.review or {}).get("status", "open") == review)]
                found = found[offset : offset + limit - len(out)]
                offset = 0
                cited = sorted({f.article for f in found} | {f.source_article for f in found if f.source_article})
                articles = {a.id: a for a in store_mod.load_articles(s, cited)}
                out.extend({**story_finding_to_dict(f, story, articles), "story": sid} for f in found)
        return out

    # -- review ------------------------------------------------------------------------------------
    def decide(finding_id: str, status: str, reason: str, note: str) -> tuple[str, dict]:
        """Record a person's decision on a finding; (its story id, the decision)."""
        if app.state.read_only:
            raise HTTPException(409, "this store is read-only: decisions cannot be recorded")
        with reader() as s:
            row = s.conn.execute("SELECT story_id FROM findings WHERE id = ?", (finding_id,)).fetchone()
            story = store_mod.load_stories(s, [row[0]], aligned=())[0] if row else None
        finding = next((f for f in story.findings if f.id == finding_id), None) if story else None
        if finding is None:
            raise HTTPException(404, "no such finding")
        try:
            with store_mod.Store(db_path) as s:
                review = review_mod.set_review(s.conn, finding, status, reason, note)
        except review_mod.BadReview as exc:
            raise HTTPException(422, str(exc)) from None
        return story.id, review.to_dict()

    @app.post("/api/findings/{finding_id}/review", tags=["review"])
    def api_review(finding_id: str, body: ReviewIn) -> dict:
        """Confirm, dismiss (with a reason) or reopen a finding, with a note; kept across re-analysis."""
        return decide(finding_id, body.status, body.reason, body.note)[1]

    @app.post("/findings/{finding_id}/review", include_in_schema=False)
    async def form_review(finding_id: str, request: Request) -> Response:
        form = await request.form(max_fields=5, max_part_size=64 * 1024)
        fields = {k: v if isinstance(v := form.get(k, ""), str) else "" for k in ("status", "reason", "note")}
        story_id, _ = await run_in_threadpool(decide, finding_id, fields["status"], fields["reason"], fields["note"])
        return RedirectResponse(story_url(story_id) + "#review-" + quote(finding_id, safe=""), status_code=303)

    @app.get("/api/reviews", tags=["review"])
    def api_reviews() -> list[dict]:
        """Every decision (finding key and id, article, type, claim, values, status, reason, note, time):
        a team's record for measuring the tool's precision on its own stories."""
        with reader() as s:
            return review_mod.export_rows(s.conn)

    @app.get("/reviews.jsonl", include_in_schema=False)
    def reviews_jsonl() -> Response:
        with reader() as s:
            rows = review_mod.export_rows(s.conn)
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return Response(body, media_type="application/x-ndjson",
                        headers={"content-disposition": 'attachment; filename="reviews.jsonl"'})

    @app.get("/api/articles", response_model=list[ArticleOut], tags=["articles"])
    def api_articles(response: Response, limit: int = LIMIT, offset: int = OFFSET) -> list[dict]:
        """A page of articles (metadata only); the total is in the X-Total-Count header."""
        with reader() as s:
            response.headers["X-Total-Count"] = str(store_mod.article_count(s))
            return [{**a, "source_path": a["source_path"] or "", "title": a["title"] or "", "outlet": a["outlet"] or "",
                     "language": a["language"] or "", "word_count": a["word_count"] or 0}
                    for a in store_mod.article_summaries(s, limit, offset)]

    @app.get("/api/articles/{article_id}", response_model=ArticleDetail, tags=["articles"])
    def api_article(article_id: str) -> dict:
        with reader() as s:
            found = store_mod.load_articles(s, [article_id])
            if not found:
                raise HTTPException(404, "no such article")
            stories = store_mod.stories_of_article(s, article_id)
        a = found[0]
        return {**article_to_dict(a), "author": a.author, "url": a.url, "text": a.original_text, "stories": stories,
                "corrected": correction_mod.corrected_fields(a)}

    return app


def run(db: str | Path, host: str = "127.0.0.1", port: int = 8765, config=None) -> None:
    """Serve the app; a missing store is exit status 2, one that cannot be read 3, each one clear line.

    ``config`` (a Config): the settings of the analysis of added articles (default: Config(quiet=True))."""
    import uvicorn

    from storytrace.model import one_line, quoted_name

    loopback = host in LOOPBACK_NAMES
    if not Path(db).is_file():
        print(f"error: {quoted_name(str(db))}: no such store", file=sys.stderr)
        raise SystemExit(2)
    try:
        factory = None
        if config is not None:
            from storytrace.pipeline import Pipeline

            factory = lambda: Pipeline(config)  # noqa: E731 - the engine, built on the first addition
        app = create_app(db, allowed_hosts=LOOPBACK_NAMES if loopback else ("*",), pipeline_factory=factory)
    except ValueError as exc:
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        raise SystemExit(3)
    if app.state.read_only:
        print(f"warning: {quoted_name(str(db))} is read-only: serving it as it is; adding articles is off", file=sys.stderr)
    if not loopback:
        print(f"warning: serving on {host}: anyone who can reach it can read and add articles", file=sys.stderr)
    shown = f"[{host}]" if ":" in host else host
    print(f"Serving {quoted_name(str(db))} on http://{shown}:{port}/ (press Ctrl+C to stop)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
