"""The Jinja2 environment (autoescaping everywhere) and the inline CSS/JS with their CSP hashes.

report.html and the web app inline the same stylesheet and script. Their SHA-256 hashes go in the
Content-Security-Policy, so the browser runs exactly these two blocks and nothing injected.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup


@dataclass(frozen=True)
class InlineAssets:
    css: Markup  # our own files, trusted: inlined unescaped
    js: Markup
    css_hash: str  # "'sha256-...'" for the CSP
    js_hash: str


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def inline_assets() -> InlineAssets:
    folder = resources.files("storytrace.outputs") / "templates"
    css = (folder / "report.css").read_text("utf-8")
    js = (folder / "report.js").read_text("utf-8")
    if "</" in css or "</" in js:  # would end the inline block early
        raise ValueError("inline assets must not contain '</'")
    return InlineAssets(Markup(css), Markup(js), _csp_hash(css), _csp_hash(js))


def content_security_policy(allow_forms: bool = False) -> str:
    """No network at all for the static report; the app may also post its own forms and fetch its own API."""
    a = inline_assets()
    parts = [
        "default-src 'none'",
        f"style-src {a.css_hash}",
        f"script-src {a.js_hash}",
        "img-src data:",
        "base-uri 'none'",
    ]
    if allow_forms:
        parts += ["form-action 'self'", "connect-src 'self'", "frame-ancestors 'none'"]
    else:
        parts.append("form-action 'none'")
    return "; ".join(parts)


def _percent(value: float | None) -> str:
    return "" if value is None else f"{round(value * 100)}%"


def make_environment(*template_packages: str) -> Environment:
    """An environment that finds templates in each package's ``templates`` folder, in order."""
    loader = ChoiceLoader([PackageLoader(p, "templates") for p in template_packages])
    env = Environment(
        loader=loader,
        autoescape=select_autoescape(enabled_extensions=("html", "j2", "svg"), default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = _percent
    return env


@lru_cache(maxsize=1)
def environment() -> Environment:
    return make_environment("storytrace.outputs")
