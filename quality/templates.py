"""Template boilerplate across documents: paragraphs that recur in many documents of a corpus
(a site's footer, newsletter box, disclaimer), which no per-document check can see.

A first pass hashes each document's distinct normalised paragraphs and adds them to a
count-min sketch (Cormode and Muthukrishnan, 2005): ``depth`` rows of ``width`` counters, a
paragraph counted in one counter per row, its estimate the smallest of its counters. Memory is
fixed (``depth * width * 4`` bytes: 32 MiB by default) whatever the corpus size. Estimates never
fall below the true number of documents; the over-count exceeds ``e * N / width`` (N: the
paragraph occurrences counted, one row's total) with probability at most ``exp(-depth)`` per
paragraph. The sketch is a sum, so it is the same whatever the order or partitioning of the
documents: 1 job, 2 jobs or a Dask cluster count the same numbers. Hashes are BLAKE2b of the
normalised text, never Python's salted ``hash``.

The second pass (the scoring run) flags, with CT101, each paragraph whose estimate reaches
``min_documents``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from quality.registry import Finding
from quality.rules.corpus import DEFAULT_MIN_DOCUMENTS  # noqa: F401  (the CLI's default)

DEPTH = 4
DEFAULT_WIDTH = 1 << 21
# Paragraphs shorter than this (in words) are not counted: a heading such as "Introduction" or
# "Related articles" recurs across unrelated documents without being a site's template block.
MIN_WORDS = 5
_WORD_RE = re.compile(r"\w+")
_DIGITS_RE = re.compile(r"\d+")


def paragraph_key(text: str) -> bytes | None:
    """A 16-byte key of a paragraph's normalised text (case folded, digits as 0, words only:
    "© 2023 Example Ltd. All rights reserved." and "© 2024 example ltd — all rights reserved"
    share a key), or None for a paragraph shorter than :data:`MIN_WORDS` words."""
    tokens = _WORD_RE.findall(_DIGITS_RE.sub("0", text.casefold()))
    if len(tokens) < MIN_WORDS:
        return None
    return hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=16).digest()


def document_keys(paragraphs: Iterable[str]) -> list[bytes]:
    """The distinct keys of a document's paragraphs, in first-seen order (a paragraph repeated
    within one document counts once: the sketch counts documents)."""
    seen: dict[bytes, None] = {}
    for text in paragraphs:
        key = paragraph_key(text)
        if key is not None:
            seen.setdefault(key, None)
    return list(seen)


def keys_array(keys: Sequence[bytes]) -> np.ndarray:
    """Keys as an ``(n, 2)`` array of unsigned 64-bit halves (compact to send between processes)."""
    if not keys:
        return np.zeros((0, 2), dtype=np.uint64)
    return np.frombuffer(b"".join(keys), dtype="<u8").reshape(-1, 2).astype(np.uint64)


class TemplateCounts:
    """A count-min sketch of paragraph keys (see the module docstring)."""

    def __init__(self, table: np.ndarray, documents: int = 0):
        self.table = table
        self.documents = documents

    @classmethod
    def empty(cls, width: int = DEFAULT_WIDTH, depth: int = DEPTH) -> TemplateCounts:
        if width < 1 or width & (width - 1):
            raise ValueError(f"the sketch width must be a power of two, not {width}")
        return cls(np.zeros((depth, width), dtype=np.uint32))

    @property
    def width(self) -> int:
        return self.table.shape[1]

    @property
    def depth(self) -> int:
        return self.table.shape[0]

    @property
    def total(self) -> int:
        """Paragraph occurrences counted (the sum of one row)."""
        return int(self.table[0].sum(dtype=np.uint64))

    def _columns(self, keys: np.ndarray) -> np.ndarray:
        # Kirsch-Mitzenmacher double hashing: column of row i is (h1 + i * h2) mod width.
        h1, h2 = keys[:, 0], keys[:, 1] | np.uint64(1)
        rows = np.arange(self.depth, dtype=np.uint64)[:, None]
        with np.errstate(over="ignore"):
            return ((h1[None, :] + rows * h2[None, :]) & np.uint64(self.width - 1)).astype(np.intp)

    def add(self, keys: np.ndarray, documents: int = 0) -> None:
        """Count each row of ``keys`` (from :func:`keys_array`) once."""
        self.documents += documents
        if len(keys):
            columns = self._columns(keys)
            for row in range(self.depth):
                np.add.at(self.table[row], columns[row], 1)

    def estimate(self, keys: np.ndarray) -> np.ndarray:
        """Estimated number of documents holding each key (never below the true number)."""
        if not len(keys):
            return np.zeros(0, dtype=np.int64)
        columns = self._columns(keys)
        return self.table[np.arange(self.depth)[:, None], columns].min(axis=0).astype(np.int64)

    def error_bound(self) -> float:
        """The over-count exceeded with probability at most ``exp(-depth)`` per paragraph."""
        return math.e * self.total / self.width

    def save(self, path: str | Path) -> None:
        with open(path, "wb") as handle:
            np.save(handle, self.table, allow_pickle=False)

    @classmethod
    def load(cls, path: str | Path, documents: int = 0) -> TemplateCounts:
        """A saved sketch, memory-mapped read-only (workers on one machine share its pages)."""
        return cls(np.load(path, mmap_mode="r", allow_pickle=False), documents)

    def describe(self) -> str:
        return (
            f"{self.total:,} paragraph occurrences from {self.documents:,} documents in a "
            f"{self.depth}x{self.width:,} count-min sketch ({self.table.nbytes / 2**20:.0f} MiB): "
            f"over-counts exceed {self.error_bound():.2f} documents with probability "
            f"<= {math.exp(-self.depth):.3f} per paragraph"
        )


def template_findings(context, params):
    """CT101's findings (:func:`quality.rules.corpus.check_template_paragraph`): the
    paragraphs whose count-min estimate reaches ``min_documents``."""
    counts = params.get("counts")
    if counts is None:
        return
    keys, indices = [], []
    for index, paragraph in enumerate(context.prose):
        if paragraph.role == "code":
            continue
        key = paragraph_key(paragraph.text)
        if key is not None:
            keys.append(key)
            indices.append(index)
    if not keys:
        return
    for index, estimate in zip(indices, counts.estimate(keys_array(keys))):
        if estimate >= params["min_documents"]:
            yield Finding(index, {"count": int(estimate)})


# The rule itself is registered with the other rules (``quality rules CT101`` explains it).
from quality.rules.corpus import TEMPLATE_PARAGRAPH as TEMPLATE_RULE  # noqa: E402
