"""Finding input files (folders walked recursively, sorted) and reading their bytes within a size cap."""
from __future__ import annotations

import os
import stat
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from storytrace.ingest.errors import InputProblem
from storytrace.model import InputError

# Extensions read from folders, by reader; anything else in a folder is skipped silently.
FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}


def format_of(path: Path) -> tuple[str | None, bool]:
    """(reader name or None, gzip-compressed?) from the file name: 'a.jsonl.gz' -> ('jsonl', True)."""
    name = path.name.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[:-3]
    return FORMATS.get(os.path.splitext(name)[1]), compressed


def article_stem(path: Path) -> str:
    """The id a file gives its article: the name without its extensions ('a.jsonl.gz' -> 'a')."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    stem = os.path.splitext(name)[0]
    return stem or name


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _link_leaves(link: Path, root: Path) -> bool:
    """Whether a symbolic link points outside ``root`` (resolved: ``..`` and chains of links count)."""
    try:
        return not link.resolve(strict=False).is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return True


def iter_input_files(root: Path, follow_links: bool = False) -> Iterator[tuple[Path, bool] | InputError]:
    """(file, named explicitly?) for a file, or every known file under a folder in sorted path order.

    Links to folders are not followed, so a link back up the tree cannot make the walk endless;
    a link to a file outside the folder is skipped with a warning unless ``follow_links`` (a file
    named on the command line is read even when it is a link: the user chose it). A folder that
    cannot be listed is one InputError and the walk goes on.
    """
    if not root.is_dir():
        yield root, True
        return
    resolved_root = root.resolve()
    found = 0
    unsupported: Counter[str] = Counter()  # extensions skipped: named at the end, never silently
    # A stack of sorted entries (reversed, so pop() gives the next in order): files and folders
    # interleave as in a sorted listing of full paths, and deep trees need no recursion.
    stack: list[tuple[Path, bool]] = [(root, True)]
    while stack:
        path, is_dir = stack.pop()
        if not is_dir:
            found += 1
            yield path, False
            continue
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield InputError(str(path), f"cannot read folder: {exc.strerror or exc}")
            continue
        children: list[tuple[Path, bool]] = []
        for entry in entries:
            if _hidden(entry.name):
                continue
            try:
                entry_is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                entry_is_dir = False
            if not entry_is_dir and format_of(Path(entry.name))[0] is None:
                unsupported[_extension(entry.name)] += 1
                continue
            if not entry_is_dir and not follow_links and entry.is_symlink() and _link_leaves(Path(entry.path), resolved_root):
                yield InputError(entry.path, "a link to a file outside the folder; skipped (--follow-links reads it)", fatal=False)
                continue
            children.append((Path(entry.path), entry_is_dir))
        stack.extend(reversed(children))
    if not found:
        what = f"skipped {_describe(unsupported)}" if unsupported else "the folder is empty"
        yield InputError(str(root), f"no files storytrace can read ({what})")
    elif unsupported:
        yield InputError(str(root), f"skipped {_describe(unsupported)} (formats storytrace does not read)", fatal=False)


def _extension(name: str) -> str:
    ext = os.path.splitext(name[:-3] if name.lower().endswith(".gz") else name)[1].lower()
    return ext or "(no extension)"


def _describe(skipped: Counter[str]) -> str:
    n = sum(skipped.values())
    kinds = ", ".join(f"{ext} x{count}" if count > 1 else ext for ext, count in sorted(skipped.items()))
    return f"{n} file{'s' if n != 1 else ''}: {kinds}"


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; InputProblem when it is not a regular file, too large, or unreadable."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputProblem("not a regular file")
        if info.st_size > max_bytes:
            raise InputProblem(f"file too large ({info.st_size} bytes > limit of {max_bytes})")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        broken_link = " (a broken link)" if path.is_symlink() and not path.exists() else ""
        raise InputProblem(f"cannot read: {exc.strerror or exc}{broken_link}") from None
    if len(data) > max_bytes:  # the file grew, or stat lied (a /proc file)
        raise InputProblem(f"file too large (more than the limit of {max_bytes} bytes)")
    return data


def gunzip_capped(data: bytes, max_bytes: int) -> bytes:
    """Inflate gzip data, refusing anything that inflates past ``max_bytes`` (a decompression bomb)."""
    out = bytearray()
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        chunk = decompressor.decompress(data, max_bytes + 1)
        out += chunk
        # Concatenated gzip members are valid gzip: keep going while there is unused input.
        while decompressor.eof and decompressor.unused_data and len(out) <= max_bytes:
            rest = decompressor.unused_data
            decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
            out += decompressor.decompress(rest, max_bytes + 1 - len(out))
    except zlib.error as exc:
        raise InputProblem(f"not a valid gzip file ({exc})") from None
    if len(out) > max_bytes or decompressor.unconsumed_tail:
        raise InputProblem(f"compressed file inflates past the limit of {max_bytes} bytes")
    if not decompressor.eof:
        raise InputProblem("not a valid gzip file (truncated)")
    return bytes(out)


__all__ = ["FORMATS", "format_of", "article_stem", "iter_input_files", "read_capped", "gunzip_capped"]
