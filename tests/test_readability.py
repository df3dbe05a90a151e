"""Readability: our one-pass formulas agree with textstat's own functions."""

from __future__ import annotations

import pytest
import textstat

from features import readability

# Plain prose without abbreviations, numbers or hyphens, where our tokenizer and sentence
# splitter and textstat's see the same words and sentences.
TEXTS = [
    "The cat sat on the mat. It was a sunny day and the children played outside in the garden. "
    "Their mother watched them from the kitchen window while she prepared a simple lunch.",
    "Negotiators representing both governments reconvened yesterday afternoon. Considerable "
    "disagreement persisted regarding territorial arrangements, humanitarian corridors and the "
    "sequencing of any ceasefire. Observers characterised the atmosphere as professional but "
    "distinctly pessimistic.",
]
FORMULAS = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "gunning_fog_index": textstat.gunning_fog,
    "smog_index": textstat.smog_index,
    "coleman_liau_index": textstat.coleman_liau_index,
    "automated_readability_index": textstat.automated_readability_index,
    "dale_chall_score": textstat.dale_chall_readability_score,
}


@pytest.mark.parametrize("text", TEXTS, ids=["easy", "hard"])
@pytest.mark.parametrize("name", sorted(FORMULAS))
def test_formulas_agree_with_textstat(text, name):
    ours = readability.measure_text(text)[name]
    theirs = FORMULAS[name](text)
    assert ours == pytest.approx(theirs, abs=0.05), (name, ours, theirs)


def test_empty_and_wordless_text_give_zeros():
    for text in ("", "   ", "!!! ..."):
        values = readability.measure_text(text)
        assert set(values) == set(readability.NAMES)
        assert all(v == 0.0 for v in values.values())


def test_length_statistics():
    values = readability.measure_text("One two three. Word " + "word " * 23 + "end.")
    assert values["sentence_count"] == 2
    assert values["words_per_sentence_max"] == 25
    assert values["long_sentence_share"] == 0.5  # 25 words > Yoast's 20
    assert values["paragraph_count"] == 1


def test_syllables_match_textstat_for_every_cmu_word():
    # Our binary search over the CMU dictionary's lines gives textstat's count for every word.
    from textstat.backend.utils._get_cmudict import get_cmudict

    from features.readability import cmu_syllables

    entries = get_cmudict("en")
    wrong = [w for w, phones in entries.items() if cmu_syllables(w) != sum(p[-1].isdigit() for p in phones[0])]
    assert not wrong, wrong[:10]
    assert cmu_syllables("zzqxv") is None


def test_per_word_caches_stay_bounded_on_endless_new_words():
    """A corpus of new tokens (names, numbers, typos) must not grow a process's memory for ever:
    the per-word tables empty themselves at their limit, and Pyphen (the syllable fallback for
    words the CMU dictionary lacks) keeps nothing."""
    from features.text import WordTable

    table = WordTable(len, limit=3)
    for word in ("alpha", "beta", "gamma", "delta", "epsilon"):
        assert table[word] == len(word)
        assert len(table) <= 3
    made_up = [f"zq{n}xv" for n in range(50)]  # not in the CMU dictionary: Pyphen counts them
    assert all(readability.syllable_count(w) >= 1 for w in made_up)
    assert len(readability._pyphen().hd.cache) == 0
    assert readability._pyphen().positions("zqxvblorp") == readability._pyphen().positions("zqxvblorp")


def test_sorted_lines_find_what_a_sorted_list_finds():
    """features.resources.SortedLines (the word tables' compact form) answers as bisect on the
    list of lines does, non-ASCII lines included, and rebuilds offsets kept for other data."""
    from bisect import bisect_left

    from features import resources

    lines = sorted(["apple\t1", "apples\t2", "banana\t3", "caf\u00e9\t4", "zebra\t5", "\U0001f9f1\t6", "\u00e9clair\t7"])
    table = resources.SortedLines("\n".join(lines).encode())
    assert len(table) == len(lines) and [table[i].decode() for i in range(len(lines))] == lines
    for word in ("apple", "apples", "appl", "banana", "caf\u00e9", "cafe", "zebra", "\U0001f9f1", "\u00e9clair", "", "zz"):
        i = bisect_left(lines, word + "\t")
        expected = lines[i][len(word) + 1:] if i < len(lines) and lines[i].startswith(word + "\t") else None
        assert table.find(word + "\t") == expected, word
    kept = resources._store
    resources.install_store(lambda name, sources, build: b"\x00" * 8)  # offsets kept for other data
    try:
        stale = resources.SortedLines("\n".join(lines).encode(), "test-lines", ())
    finally:
        resources.install_store(kept)
    assert stale.find("zebra\t") == "5"
