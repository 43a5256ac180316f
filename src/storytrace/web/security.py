"""Protections on every request: security headers, a cap on request bodies, same-origin posts.

Pure ASGI middleware, so they also cover error responses and requests the router rejects.
"""
from __future__ import annotations

import logging

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storytrace.outputs.templating import content_security_policy


logger = logging.getLogger("storytrace.web")


def security_headers() -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", content_security_policy(allow_forms=True).encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"same-origin"),  # no-referrer would make form posts send Origin: null
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"cross-origin-resource-policy", b"same-origin"),
    ]


class SecurityHeaders:
    """Adds the CSP, nosniff and framing headers to every response."""

    def __init__(self, app: ASGIApp):
        self.app = app
        self.headers = security_headers()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in self.headers if h[0] not in names]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # Starlette's own 500 page is made outside every middleware, so it would lack these
            # headers: answer here instead, and log the traceback for the operator.
            if started:
                raise
            logger.exception("error answering %s %s", scope.get("method"), scope.get("path"))
            body = b"Internal error: the store could not be read. See the server's log."
            await send({"type": "http.response.start", "status": 500, "headers": [
                (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                *self.headers]})
            await send({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuses request bodies over ``max_bytes`` with 413: by Content-Length up front, and by
    counting for chunked uploads that do not say their length."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> PlainTextResponse:
        mb = self.max_bytes / (1024 * 1024)
        return PlainTextResponse(f"Request too large: the limit is {mb:.0f} MB in all.", status_code=413)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._too_large()(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._too_large()(scope, receive, send)


class SameOriginPosts:
    """Refuses state-changing requests sent by another site (a page elsewhere posting a form to
    this loopback app): browsers mark those with Sec-Fetch-Site or an Origin of another host."""

    SAFE = {"GET", "HEAD", "OPTIONS"}

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in self.SAFE:
            headers = Headers(scope=scope)
            site = headers.get("sec-fetch-site")
            origin = headers.get("origin")
            host = headers.get("host", "")
            if site is not None:  # modern browsers say it outright
                cross = site not in ("same-origin", "none")
            elif origin and origin != "null":
                cross = origin.split("://", 1)[-1] != host
            else:
                cross = origin == "null"
            if cross:
                await PlainTextResponse("Cross-site request refused.", status_code=403)(scope, receive, send)
                return
        await self.app(scope, receive, send)
