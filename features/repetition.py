"""Repetition: repeated paragraphs, repeated headings and Gopher's duplicate n-gram shares.

Templates that concatenate blocks twice, scrapers that capture a page's mobile and desktop copies
and padding all leave text that repeats itself inside one document. We measure, per paragraph,
the earlier paragraph it repeats (verbatim after normalisation, or nearly: Jaccard similarity of
word 5-gram shingles, the measure of ARTIFACTS.md type 1), and for the document the shares that
Gopher's repetition filter uses (Rae et al. 2021, arXiv 2112.11446, table A1; datatrove
``GopherRepetitionFilter``) plus zlib compressibility (Ntoulas et al., WWW 2006).

Only repetition *inside* one document is measured: the same quotation in two syndicated articles
is normal and is none of this module's business.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Sequence
from itertools import compress
from typing import NamedTuple

from features.text import Tokens, normalize, safe_ratio

# Word n-gram size of the shingles compared for near-duplicates (ARTIFACTS.md type 1).
SHINGLE_SIZE = 5
# Two paragraphs are near duplicates from this shingle similarity up (ARTIFACTS.md type 1:
# "Jaccard >= 0.8 on word 5-gram shingles"). It defines the measure near_duplicate_paragraph_share.
NEAR_DUPLICATE_SIMILARITY = 0.8
# A shingle shared by more paragraphs than this is not followed further: it keeps the
# near-duplicate search linear on pathological input (100,000 copies of one line).
MAX_POSTINGS = 64
# Gopher's top n-gram sizes and duplicate n-gram sizes (table A1).
TOP_NGRAM_SIZES = (2, 3, 4)
DUPLICATE_NGRAM_SIZES = (5, 6, 7, 8, 9, 10)
# Separators that join a site name to a repeated title ("Title | Site", "Title - Site").
TITLE_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")

NAMES = (
    "duplicate_paragraph_share",
    "duplicate_paragraph_char_share",
    "near_duplicate_paragraph_share",
    "repeated_heading_count",
    *(f"top_{n}gram_char_share" for n in TOP_NGRAM_SIZES),
    *(f"duplicate_{n}gram_char_share" for n in DUPLICATE_NGRAM_SIZES),
    "compression_ratio",
)


class Repeat(NamedTuple):
    """The earlier paragraph a paragraph repeats: its index, the shingle similarity and whether
    the two are equal after normalisation."""

    original: int
    similarity: float
    verbatim: bool


def _shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE_SIZE:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(SHINGLE_SIZE))))


def find_repeats(paragraphs: Sequence[Tokens]) -> list[Repeat | None]:
    """For each paragraph, the most similar earlier paragraph (the earliest of equals; None when
    no shingle is shared).

    Exact repeats (after ``normalize``) are found by hashing; near repeats through an inverted
    index of shingles, so the cost grows with the number of shared shingles, not with the square
    of the paragraph count.
    """
    first_by_text: dict[str, int] = {}
    owner: dict[tuple[str, ...], int] = {}  # shingle -> the first paragraph that has it
    postings: dict[tuple[str, ...], list[int]] = {}  # shingle held by several -> those paragraphs
    shingle_sets: list[set[tuple[str, ...]]] = []
    result: list[Repeat | None] = []
    for index, tokens in enumerate(paragraphs):
        key = normalize(tokens.text)
        shingles = _shingles(tokens.lower)
        shingle_sets.append(shingles)
        if key and key in first_by_text:
            result.append(Repeat(first_by_text[key], 1.0, True))
            continue
        if key:
            first_by_text[key] = index
        # Most shingles are new: they are recorded in one step, and only the shared ones are
        # followed one by one.
        known = shingles & owner.keys()
        owner.update(dict.fromkeys(shingles - known, index))
        shared: dict[int, int] = {}
        for shingle in known:
            earlier = postings.get(shingle)
            if earlier is None:
                earlier = postings[shingle] = [owner[shingle]]
            for other in earlier:
                shared[other] = shared.get(other, 0) + 1
            if len(earlier) < MAX_POSTINGS:
                earlier.append(index)
        best: Repeat | None = None
        for other, common in shared.items():
            union = len(shingles) + len(shingle_sets[other]) - common
            similarity = safe_ratio(common, union)
            if best is None or similarity > best.similarity or (similarity == best.similarity and other < best.original):
                best = Repeat(other, similarity, False)  # ties go to the earliest paragraph
        result.append(best)
    return result


def strip_title_suffix(text: str) -> str:
    """``text`` without a trailing site name after a title separator ("Title | Site" -> "Title")."""
    for separator in TITLE_SUFFIX_SEPARATORS:
        head, found, _ = text.rpartition(separator)
        if found and len(head) >= 10:
            return head
    return text


def find_repeated_headings(paragraphs: Sequence[str], roles: Sequence[str]) -> list[int | None]:
    """For each paragraph, the index of an earlier heading it repeats, when both are headings.

    Two headings repeat each other when they are equal after normalisation, or when one equals
    the other plus a site-name suffix ("Best Laptops of 2025 | GadgetHub").
    """
    seen: dict[str, int] = {}
    result: list[int | None] = []
    for index, (text, role) in enumerate(zip(paragraphs, roles)):
        if role not in ("headline", "subheading"):
            result.append(None)
            continue
        full = normalize(text)
        short = normalize(strip_title_suffix(text))
        match = seen.get(full, seen.get(short))
        result.append(match)
        if match is None:
            seen.setdefault(full, index)
            seen.setdefault(short, index)
    return result


def top_ngram_char_share(words: Sequence[str], n: int, total_chars: int) -> float:
    """Gopher: characters covered by the most frequent ``n``-gram (all its occurrences) / all
    (ties go to the n-gram that occurs first)."""
    return RepeatedNgrams(words).top_char_share(n, total_chars)


def duplicate_ngram_char_share(words: Sequence[str], n: int, total_chars: int) -> float:
    """Gopher: characters inside ``n``-grams that already occurred earlier / all characters.

    Scans left to right; after a repeated ``n``-gram it jumps ahead ``n`` words so that no
    character is counted twice (the procedure of Gopher's table A1 as datatrove implements it).
    :func:`measure` computes the same value from :class:`RepeatedNgrams`.
    """
    if len(words) < n or not total_chars:
        return 0.0
    return _duplicate_chars(RepeatedNgrams(words).level(n), n, words) / total_chars


class RepeatedNgrams:
    """The word n-grams of a word sequence that occur more than once, for n = 2, 3, ..., each
    level as ``{position: id}`` (equal n-grams have equal ids).

    Built level by level: an n-gram can only repeat where the two (n-1)-grams it is made of
    both repeat, and it is identified by the id of its first (n-1)-gram and its last word. So
    each level looks only at the positions the level below kept, which on prose are few: the
    cost is one pass over the bigrams plus the repeated text, whatever the largest n. Levels
    are asked for in increasing order and only the last is kept (on a text that repeats itself
    every level holds a position per word).
    """

    def __init__(self, words: Sequence[str]) -> None:
        self.words = words
        bigrams = list(zip(words, words[1:]))
        self.bigram_counts = counts = Counter(bigrams)
        ids: dict[tuple[str, str], int] = {}
        repeated = compress(range(len(bigrams)), map((1).__lt__, map(counts.__getitem__, bigrams)))
        self._n = 2
        self._level = {i: ids.setdefault(bigrams[i], len(ids)) for i in repeated}

    def level(self, n: int) -> dict[int, int]:
        """``{position: id}`` of the ``n``-grams that occur at least twice, by position (``n``
        at least the last one asked for)."""
        if n < self._n:
            raise ValueError(f"level {n} asked for after level {self._n}")
        words = self.words
        while self._n < n:
            self._n += 1
            level, last = self._level, self._n - 1
            keys = {i: (gid, words[i + last]) for i, gid in level.items() if i + 1 in level}
            counts = Counter(keys.values())
            ids: dict[tuple[int, str], int] = {}
            self._level = {i: ids.setdefault(k, len(ids)) for i, k in keys.items() if counts[k] > 1}
        return self._level

    def top_char_share(self, n: int, total_chars: int) -> float:
        """:func:`top_ngram_char_share`: the most frequent n-gram is a repeated one (or the
        share is 0), and ties go to the one that occurs first."""
        if len(self.words) < n or not total_chars:
            return 0.0
        if n == 2:
            (first, second), count = self.bigram_counts.most_common(1)[0]
            return min(1.0, count * (len(first) + len(second)) / total_chars) if count >= 2 else 0.0
        level = self.level(n)
        if not level:
            return 0.0
        counts = Counter(level.values())
        gid, count = counts.most_common(1)[0]  # ids are numbered in order of first occurrence
        position = next(i for i, g in level.items() if g == gid)
        return min(1.0, count * sum(map(len, self.words[position : position + n])) / total_chars)


def _duplicate_chars(level: dict[int, int], n: int, words: Sequence[str]) -> int:
    """The characters :func:`duplicate_ngram_char_share` counts, from the positions of the
    repeated ``n``-grams. Positions holding an n-gram that occurs once never count, and
    remembering them changes nothing, so only the repeated ones are visited (in order)."""
    seen: set[int] = set()
    repeated = 0
    index = 0  # the next position the left-to-right scan looks at
    for position in sorted(level):
        if position < index:
            continue  # inside the n words skipped after a repeat
        gid = level[position]
        if gid in seen:
            repeated += sum(map(len, words[position : position + n]))
            index = position + n
        else:
            seen.add(gid)
            index = position + 1
    return repeated


def compression_ratio(text: str) -> float:
    """UTF-8 size / zlib-compressed size: redundant text compresses better (Ntoulas et al. 2006)."""
    data = text.encode("utf-8", "surrogatepass")
    if not data:
        return 0.0
    return len(data) / len(zlib.compress(data, 6))


def measure(
    paragraphs: Sequence[Tokens],
    roles: Sequence[str],
    repeats: Sequence[Repeat | None] | None = None,
    repeated_headings: Sequence[int | None] | None = None,
) -> dict[str, float]:
    """Document-level repetition measures over tokenised ``paragraphs`` (prose only).

    ``repeats`` and ``repeated_headings`` may be passed in when the caller has already computed
    them (they are also per-paragraph evidence), so that nothing is measured twice.
    """
    if repeats is None:
        repeats = find_repeats(paragraphs)
    if repeated_headings is None:
        repeated_headings = find_repeated_headings([p.text for p in paragraphs], roles)
    n_paragraphs = len(paragraphs)
    total_chars = sum(len(p.text) for p in paragraphs)
    verbatim = [i for i, r in enumerate(repeats) if r is not None and r.verbatim]
    near = [i for i, r in enumerate(repeats) if r is not None and r.similarity >= NEAR_DUPLICATE_SIMILARITY]
    all_words = [w for p in paragraphs for w in p.lower]
    word_chars = sum(map(len, all_words))
    values = {
        "duplicate_paragraph_share": safe_ratio(len(verbatim), n_paragraphs),
        "duplicate_paragraph_char_share": safe_ratio(
            sum(len(paragraphs[i].text) for i in verbatim), total_chars
        ),
        "near_duplicate_paragraph_share": safe_ratio(len(near), n_paragraphs),
        "repeated_heading_count": float(sum(1 for r in repeated_headings if r is not None)),
    }
    ngrams = RepeatedNgrams(all_words)  # levels asked for in increasing order: 2-4, then 5-10
    for n in TOP_NGRAM_SIZES:
        values[f"top_{n}gram_char_share"] = ngrams.top_char_share(n, word_chars)
    for n in DUPLICATE_NGRAM_SIZES:
        enough = len(all_words) >= n and word_chars
        values[f"duplicate_{n}gram_char_share"] = _duplicate_chars(ngrams.level(n), n, all_words) / word_chars if enough else 0.0
    values["compression_ratio"] = compression_ratio("\n".join(p.text for p in paragraphs))
    return values
