"""Bytes to text: UTF-8 (with or without BOM) first, then a detected encoding with a warning."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from storytrace.ingest.errors import InputProblem

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed: text has almost none.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


@dataclass
class Decoded:
    text: str
    encoding: str
    guessed: bool  # True: not UTF-8, detected (the caller warns)


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, html: bool = False) -> Decoded:
    """Decode ``data`` or raise InputProblem ('empty file', 'binary file, not text')."""
    if not data.strip():
        raise InputProblem("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(Decoded(normalize_newlines(data.decode(encoding)), encoding, False))
            except UnicodeDecodeError:
                raise InputProblem(f"binary file, not text (invalid {encoding} after its byte-order mark)") from None
    if b"\x00" in data[:100_000]:
        raise InputProblem("binary file, not text")
    try:
        return _checked(Decoded(normalize_newlines(data.decode("utf-8")), "utf-8", False))
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if html else None
    if declared:
        try:
            return _checked(Decoded(normalize_newlines(data.decode(declared)), declared, False))
        except (UnicodeDecodeError, LookupError):
            pass
    return _checked(_detect(data))


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    return None if name in ("utf-8", "utf8") else name


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        raise InputProblem("binary file, not text")
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputProblem("binary file, not text") from None
    # Several single-byte code pages decode typical Western text identically; name the common one.
    if encoding != "cp1252":
        try:
            if data.decode("cp1252") == text:
                encoding = "cp1252"
        except UnicodeDecodeError:
            pass
    return Decoded(normalize_newlines(text), encoding, True)


def _checked(decoded: Decoded) -> Decoded:
    if _looks_binary(decoded.text):
        raise InputProblem("binary file, not text")
    if not decoded.text.strip():
        raise InputProblem("empty file")
    return decoded
