"""Screenshot the top of a report.html for the README, with Debian's chromium (no downloads).

    .venv/bin/python docs/screenshot.py demo-report/report.html docs/screenshot-report.png
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def main(report: str, out: str, height: int = 1500) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": height})
        page.goto(Path(report).resolve().as_uri())
        page.screenshot(path=out)
        browser.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: screenshot.py REPORT.html OUT.png")
    main(sys.argv[1], sys.argv[2])
