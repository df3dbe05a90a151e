"""Pausing Python's cyclic garbage collector while a large document is read and analysed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration (nested uses keep it paused).

    Parsing and analysing a large document builds containers by the hundred thousand (tokens,
    spans, n-gram tables, Markdown tokens), none of them in reference cycles, and the collector
    kept scanning them while they were alive: from 10,000 to 100,000 one-word paragraphs the
    analysis took 15.9 times longer with it running and 5.8 times without, and a single
    paragraph of URLs 15.0 and 10.9 times (``benchmarks/pathological.py``). Reference counting
    still frees everything that is dropped; the collector runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
