"""Playwright driving Debian's chromium (never a downloaded browser); skipped when it is absent."""
from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
if str(TESTS) not in sys.path:  # the hand-built hostile report lives in tests/test_html_report.py
    sys.path.insert(0, str(TESTS))

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = TESTS.parent / "test-artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (make browser installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


class WatchedPage:
    """A page that records dialogs (an alert would mean injected script ran), requests and CSP errors."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser):
    w = WatchedPage(browser)
    yield w
    w.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served_app(tmp_path_factory, browser):
    """The app over a store holding the hostile report, served by uvicorn on a free loopback port."""
    from pipeline_stubs import SimplePipeline

    yield from serve_hostile_store(tmp_path_factory.mktemp("served") / "store.db", SimplePipeline)


def serve_hostile_store(db: Path, pipeline_factory):
    """Serve the app over a new store holding the hostile report; yields its base URL."""
    import uvicorn
    from report_helpers import build_hostile_report

    from storytrace.store.database import Store
    from storytrace.web.app import create_app

    with Store(db) as s:
        s.save_report(build_hostile_report())
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, pipeline_factory=pipeline_factory), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
