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
    postings: dict[tuple[str, ...], list[int]] = {}
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
        shared: dict[int, int] = {}
        for shingle in shingles:
            earlier = postings.get(shingle)
            if earlier is None:
                postings[shingle] = [index]
                continue
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
    """Gopher: characters covered by the most frequent ``n``-gram (all its occurrences) / all."""
    if len(words) < n or not total_chars:
        return 0.0
    counts = Counter(zip(*(words[i:] for i in range(n))))
    gram, count = counts.most_common(1)[0]
    if count < 2:
        return 0.0
    return min(1.0, count * sum(map(len, gram)) / total_chars)


def duplicate_ngram_char_share(words: Sequence[str], n: int, total_chars: int) -> float:
    """Gopher: characters inside ``n``-grams that already occurred earlier / all characters.

    Scans left to right; after a repeated ``n``-gram it jumps ahead ``n`` words so that no
    character is counted twice (the procedure of Gopher's table A1 as datatrove implements it).
    """
    if len(words) < n or not total_chars:
        return 0.0
    grams = list(zip(*(words[i:] for i in range(n))))
    if len(set(grams)) == len(grams):
        return 0.0  # no n-gram occurs twice
    seen: set[tuple[str, ...]] = set()
    repeated = 0
    index = 0
    last = len(grams) - 1
    while index <= last:
        gram = grams[index]
        if gram in seen:
            repeated += sum(map(len, gram))
            index += n
        else:
            seen.add(gram)
            index += 1
    return repeated / total_chars


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
    for n in TOP_NGRAM_SIZES:
        values[f"top_{n}gram_char_share"] = top_ngram_char_share(all_words, n, word_chars)
    # A duplicated n-gram contains a duplicated shorter n-gram: when no 5-gram repeats, none of
    # the longer ones can, and the scan stops there (most clean documents).
    for n in DUPLICATE_NGRAM_SIZES:
        share = duplicate_ngram_char_share(all_words, n, word_chars)
        values[f"duplicate_{n}gram_char_share"] = share
        if share == 0.0:
            for rest in DUPLICATE_NGRAM_SIZES[DUPLICATE_NGRAM_SIZES.index(n) + 1 :]:
                values[f"duplicate_{rest}gram_char_share"] = 0.0
            break
    values["compression_ratio"] = compression_ratio("\n".join(p.text for p in paragraphs))
    return values
