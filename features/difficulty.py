"""Text difficulty: the measures behind the learned readability score (``quality.readability_model``).

The classic formulas (Flesch, Flesch-Kincaid, SMOG, Dale-Chall, ...) see only syllables, letters
and sentence length. This module adds what makes a text hard for a reader beyond those counts:

- **word rarity**: how common each word is in English at large, as a Zipf value (log10 of the
  frequency per billion words, 0-8) from the ``wordfreq`` package (Speer et al., its "large"
  English list of 321,000 words, shipped inside the wheel: nothing is downloaded). Rare vocabulary is the single
  strongest predictor of difficulty in the readability literature (e.g. Vajjala & Meurers 2012;
  Crossley et al., "Predicting text comprehension, processing, and familiarity", 2019);
- the **word-length distribution** (in letters and syllables), not only its mean;
- the **sentence-length distribution**: median, spread and upper tail, not only the mean;
- **clause and connective markers** per sentence: subordinators and relative pronouns, discourse
  connectives, commas, semicolons and colons, brackets and dashes, passive constructions;
- **lexical density** (the share of content words, Ure 1971) and the shares of numbers and of
  capitalised words inside sentences (names);
- the **formulas themselves**, from :mod:`features.readability`.

It also finds how sentences begin and the runs of sentences that begin alike (Yoast's
"consecutive sentences" check, :func:`sentence_beginnings`, :func:`repeated_beginnings`).

Every value is a share or a mean per word or per sentence, never a count: the measures of a text
and of the same text written twice in a row are the same, and the measures of one paragraph are
on the same scale as those of a whole article. That is what lets one model score both (and keeps
text length, which correlates with the reading level of OneStopEnglish, out of the score).

Measures are gathered per paragraph in a :class:`Profile` (sums and lists) that can be added:
a document's profile is the sum of its paragraphs' profiles, and "the rest of the article" is the
sum of all the other paragraphs'. :func:`values` turns a profile into :data:`NAMES` (all 0.0 for a
profile without a sentence). Pure functions, no thresholds; the only data read is the word list.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, compress
from operator import attrgetter, or_
from typing import NamedTuple

from features import readability, resources
from features.text import WORD_TABLE_LIMIT, Tokens, WordTable, safe_ratio, stopwords

# Word rarity, on the Zipf scale (wordfreq): 3 is about once per million words, 4 ten times.
# A word below RARE_ZIPF is outside roughly the 20,000 commonest English words; below
# VERY_RARE_ZIPF it is outside the commonest 60,000 or so (Brysbaert's Zipf bands).
RARE_ZIPF = 4.0
VERY_RARE_ZIPF = 3.0
# The share of content words rarer than the text's 10th percentile is by definition 10%: the
# percentile itself says how rare the rare end of the vocabulary is.
RARITY_PERCENTILE = 10
# Word length in letters: short words are function words; 10+ letters is technical vocabulary.
SHORT_WORD_LETTERS = 3
VERY_LONG_WORD_LETTERS = 10
# Sentence lengths in words: short (at most 8), long (over 20: Yoast, see
# features.readability.LONG_SENTENCE_WORDS) and very long (over 30).
SHORT_SENTENCE_WORDS = 8
VERY_LONG_SENTENCE_WORDS = 30
SENTENCE_LENGTH_PERCENTILE = 90

# Subordinating conjunctions and relative pronouns: each opens a clause inside the sentence.
CLAUSE_MARKERS = frozenset(
    """which who whom whose whereby wherein that because although though whereas unless whether
    while whilst if when whenever wherever until since""".split()
)
# Discourse connectives (one word, and the first word of the phrases below): links between
# propositions that the reader has to follow.
CONNECTIVES = frozenset(
    """however therefore moreover furthermore nevertheless nonetheless consequently thus hence
    meanwhile otherwise instead likewise similarly accordingly indeed additionally besides
    conversely subsequently ultimately notably namely alternatively yet despite""".split()
)
CONNECTIVE_PHRASES = frozenset(
    {
        ("in", "addition"), ("as", "a", "result"), ("on", "the", "other", "hand"), ("in", "contrast"),
        ("for", "example"), ("for", "instance"), ("even", "though"), ("in", "spite", "of"),
        ("as", "well", "as"), ("in", "order", "to"), ("so", "that"), ("rather", "than"),
    }
)
_PHRASE_STARTS = frozenset(p[0] for p in CONNECTIVE_PHRASES)
_PHRASE_LENGTHS = sorted({len(p) for p in CONNECTIVE_PHRASES}, reverse=True)
# A passive construction: a form of "be" followed (at most one adverb or "not" between) by a past
# participle (a word in -ed, or one of these irregular ones).
BE_FORMS = frozenset("am is are was were be been being 's 're".split())
# Prepositions head the nested phrases of dense noun groups ("the accumulation of wealth in the
# hands of"); pronouns stand for things already named (easy texts use more of them).
PREPOSITIONS = frozenset(
    """of in on at by for with from to into onto about over under between among through during
    against without within across behind beyond despite towards toward upon""".split()
)
PRONOUNS = frozenset(
    """i me my mine we us our ours you your yours he him his she her hers it its they them their
    theirs""".split()
)
# Nominalisations: abstract nouns made from verbs and adjectives ("accumulation", "governance",
# "inequality"), the mark of academic and official prose (Biber 1988). Words of 7+ letters only,
# so that "nation", "city" or "moment" do not count.
NOMINALISATION_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship")
NOMINALISATION_MIN_LETTERS = 7
# Adverbs in -ly ("increasingly", "substantially"), of 5+ letters so that "fly" or "only" do not
# count as such.
LY_ADVERB_MIN_LETTERS = 5
IRREGULAR_PARTICIPLES = frozenset(
    """arisen awoken beaten become begun bent bitten blown born borne bought bound broken brought
    built burnt caught chosen dealt done drawn driven eaten fallen fed felt fought found forbidden
    forgiven forgotten frozen given gone grown heard held hidden hit hung hurt kept known laid led
    left lent lost made meant met overcome overtaken paid put read ridden risen run said seen sent
    set shaken shot shown shut sold sought spent split spoken spread stolen struck stuck sung sworn
    taken taught thought thrown told torn understood undertaken upheld withdrawn woken won worn
    written""".split()
)

# The classic formulas, as features.readability names them (its first seven names).
FORMULA_NAMES = readability.NAMES[:7]

NAMES = (
    *FORMULA_NAMES,
    # word length and syllables
    "syllables_per_word_mean",
    "letters_per_word_mean",
    "letters_per_word_stdev",
    "short_word_share",
    "long_word_share",
    "very_long_word_share",
    "monosyllable_share",
    "polysyllable_share",
    "complex_word_share",
    "difficult_word_share",
    # word rarity (wordfreq Zipf values; numbers and words off the list are not rated)
    "zipf_mean",
    "content_zipf_mean",
    "content_zipf_p10",
    "rare_word_share",
    "very_rare_word_share",
    "rare_content_word_share",
    # sentence length
    "words_per_sentence_mean",
    "words_per_sentence_median",
    "words_per_sentence_p90",
    "words_per_sentence_stdev",
    "words_per_sentence_cv",
    "short_sentence_share",
    "long_sentence_share",
    "very_long_sentence_share",
    # clauses and connectives, per sentence
    "commas_per_sentence",
    "semicolons_colons_per_sentence",
    "brackets_dashes_per_sentence",
    "clause_markers_per_sentence",
    "connectives_per_sentence",
    "passives_per_sentence",
    # word classes
    "preposition_share",
    "pronoun_share",
    "nominalisation_share",
    "ly_adverb_share",
    # lexical density and names
    "lexical_density",
    "number_share",
    "capitalised_word_share",
)


# wordfreq's English list and the format of its file ("cB": a msgpack list of a header and of
# buckets of words, bucket i holding the words whose frequency is 10 ** (-i / 100)).
WORDLIST_FILE = ("data", "large_en.msgpack.gz")
WORDLIST_HEADER = {"format": "cB", "version": 1}


@lru_cache(maxsize=1)
def _entries() -> resources.SortedLines:
    """Each word of wordfreq's large English list with its bucket (centibels below frequency 1)
    as sorted lines "word<TAB>bucket", for binary search.

    The file is read directly: importing the ``wordfreq`` module would also import ``langcodes``,
    whose tables cost 0.2 s. Building the lines costs about 0.3 s; a store keeps them (see
    :mod:`features.resources`) and a new process reads them in a few ms. If the file is not
    there or not in the expected format, the public API is used instead (same numbers).
    """
    path = resources.package_file("wordfreq", *WORDLIST_FILE)
    if path is not None:
        lines = resources.table("wordfreq-large-en", [path], lambda: _build_entries(path))
        if lines:
            return resources.SortedLines(lines, "wordfreq-large-en", [path])
    import wordfreq  # the public API: frequencies as floats

    found = {w: round(-100 * math.log10(f)) for w, f in wordfreq.get_frequency_dict("en", wordlist="large").items()}
    return resources.SortedLines("\n".join(sorted(f"{w}\t{i}" for w, i in found.items() if "\n" not in w)).encode("utf-8", "surrogatepass"))


def _build_entries(path) -> bytes:
    import gzip

    import msgpack

    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    if not data or data[0] != WORDLIST_HEADER:
        return b""
    found: dict[str, int] = {}
    for index, bucket in enumerate(data[1:]):
        if bucket:
            found.update(dict.fromkeys(bucket, index))  # a word listed twice keeps its last bucket
    return "\n".join(sorted(f"{w}\t{i}" for w, i in found.items() if "\n" not in w and "\t" not in w)).encode()


def _bucket(word: str) -> int | None:
    found = _entries().find(word + "\t")
    return None if found is None else int(found)


def wordfreq_version() -> str:
    """The version of the wordfreq package that supplies the word frequencies."""
    from importlib import metadata

    return metadata.version("wordfreq")


@lru_cache(maxsize=WORD_TABLE_LIMIT)
def zipf(word: str) -> float:
    """The Zipf frequency (0-8) of a lower-cased word; 0.0 when it is not on the list.

    A word with inner hyphens, dots or apostrophes that is not on the list as a whole is rated
    from its parts, as wordfreq combines tokens: 1/f = sum of 1/f_part ("top-level").
    """
    word = word.replace("’", "'")
    index = _bucket(word)
    if index is not None:
        return max(0.0, 9.0 - index / 100)
    parts = [p for p in word.replace("'", "-").replace(".", "-").split("-") if p]
    if len(parts) < 2:
        return 0.0
    inverse = 0.0
    for part in parts:
        index = _bucket(part)
        if index is None:
            return 0.0
        inverse += 10.0 ** (index / 100)  # 1 / frequency
    return max(0.0, math.log10(1.0 / inverse) + 9.0)


class Profile:
    """Sums and lists over one or more paragraphs, from which :func:`values` computes the
    measures. Profiles add up: ``sum(profiles, Profile())`` is the profile of the paragraphs
    together (their sentences are not merged across paragraph breaks)."""

    __slots__ = (
        "counts", "letters_squared", "short_words", "very_long_words", "monosyllables",
        "rated", "zipf_sum", "rare", "very_rare", "content_rated", "content_zipf_sum",
        "rare_content", "content_zipfs", "content_words", "numbers", "capitalised",
        "commas", "semicolons_colons", "brackets_dashes", "clause_markers", "connectives",
        "passives", "prepositions", "pronouns", "nominalisations", "ly_adverbs",
    )

    def __init__(self) -> None:
        self.counts = readability.Counts()
        self.letters_squared = 0
        self.short_words = self.very_long_words = self.monosyllables = 0
        self.rated = self.rare = self.very_rare = 0
        self.zipf_sum = 0.0
        self.content_rated = self.rare_content = 0
        self.content_zipf_sum = 0.0
        self.content_zipfs: list[float] = []
        self.content_words = self.numbers = self.capitalised = 0
        self.commas = self.semicolons_colons = self.brackets_dashes = 0
        self.clause_markers = self.connectives = self.passives = 0
        self.prepositions = self.pronouns = self.nominalisations = self.ly_adverbs = 0

    def __add__(self, other: Profile) -> Profile:
        return combine((self, other))

    @property
    def sentences(self) -> int:
        return len(self.counts.sentence_lengths)


class WordInfo(NamedTuple):
    """What the profile needs to know about one lower-cased word (computed once per word).

    The fields listed in ``_SUMMED`` are the word's contribution to one sum of :class:`Profile`,
    so a paragraph's sums are the column sums of its words' tuples (:func:`profile`); the others
    mark the words that the rarity percentile, connectives and passives look at."""

    letters_squared: int
    short: bool
    very_long: bool
    monosyllable: bool
    preposition: bool
    pronoun: bool
    nominalisation: bool
    ly_adverb: bool
    number: bool
    content: bool  # a content word that is not a number
    clause_marker: bool
    rated: bool  # not a number, and on the frequency list
    zipf_rated: float  # the Zipf frequency when rated, else 0.0
    rare: bool
    very_rare: bool
    content_rated: bool
    content_zipf_rated: float
    rare_content: bool
    zipf: float  # 0.0: not rated (a number, or a word off the list)
    connective: bool  # a one-word connective
    phrase_start: bool  # the first word of a connective phrase ("in" of "in addition")
    be_form: bool  # a form of "be" (a passive may follow)


# Index of each summed field in a WordInfo, in Profile's order.
_SUMMED = (
    ("letters_squared", 0), ("short_words", 1), ("very_long_words", 2), ("monosyllables", 3),
    ("prepositions", 4), ("pronouns", 5), ("nominalisations", 6), ("ly_adverbs", 7),
    ("numbers", 8), ("content_words", 9), ("clause_markers", 10), ("rated", 11), ("zipf_sum", 12),
    ("rare", 13), ("very_rare", 14), ("content_rated", 15), ("content_zipf_sum", 16),
    ("rare_content", 17),
)
_CONTENT_RATED, _ZIPF, _CONNECTIVE, _PHRASE_START, _BE_FORM = 15, 18, 19, 20, 21


def word_info(word: str) -> WordInfo:
    """The per-word facts behind :class:`Profile` for a lower-cased word (kept in
    :data:`WORD_INFO`)."""
    return WORD_INFO[word]


def _word_info(word: str) -> WordInfo:
    syllables, _easy, letters = readability.word_profile(word)
    number = any(c.isdigit() for c in word)
    content = not number and word not in stopwords()
    z = 0.0 if number else zipf(word)
    rated = z > 0.0
    content_rated = rated and content
    return WordInfo(
        letters_squared=letters * letters,
        short=letters <= SHORT_WORD_LETTERS,
        very_long=letters >= VERY_LONG_WORD_LETTERS,
        monosyllable=syllables == 1,
        preposition=word in PREPOSITIONS,
        pronoun=word in PRONOUNS,
        nominalisation=letters >= NOMINALISATION_MIN_LETTERS and _is_nominalisation(word),
        ly_adverb=letters >= LY_ADVERB_MIN_LETTERS and word.endswith("ly"),
        number=number,
        content=content,
        clause_marker=word in CLAUSE_MARKERS,
        rated=rated,
        zipf_rated=z if rated else 0.0,
        rare=rated and z < RARE_ZIPF,
        very_rare=rated and z < VERY_RARE_ZIPF,
        content_rated=content_rated,
        content_zipf_rated=z if content_rated else 0.0,
        rare_content=content_rated and z < RARE_ZIPF,
        zipf=z,
        connective=word in CONNECTIVES,
        phrase_start=word in _PHRASE_STARTS,
        be_form=word in BE_FORMS,
    )


# The per-word facts of every lower-cased word met so far; and, for words as written, whether
# the word is capitalised like a name ("Istanbul", not "NATO" or "a").
WORD_INFO = WordTable(_word_info)
CAPITALISED = WordTable(lambda word: word[:1].isupper() and word[1:2].islower())

_DASH_CHARACTERS = ("(", "–", "—")


def profile(tokens: Tokens) -> Profile:
    """The difficulty profile of one tokenised paragraph."""
    result = Profile()
    if not tokens.words:
        return result
    result.counts = readability.paragraph_counts(tokens)
    lower = tokens.lower
    columns = list(zip(*map(WORD_INFO.__getitem__, lower)))
    sums = list(map(sum, columns))
    for name, index in _SUMMED:
        setattr(result, name, sums[index])
    result.content_zipfs = list(compress(columns[_ZIPF], columns[_CONTENT_RATED]))
    # Punctuation and capitals are counted over sentences with words. Sentences cover every
    # non-space character, so the whole text is counted at once and the few word-less
    # sentences (a lone dash, an emoji) are taken out again.
    text = tokens.text
    ranges = tokens.sentence_word_ranges()
    written = tokens.words
    empty = [(start, stop) for (first, end), (start, stop) in zip(ranges, tokens.sentences) if end <= first]
    result.commas = text.count(",")
    result.semicolons_colons = text.count(";") + text.count(":")
    result.brackets_dashes = sum(text.count(c) for c in _DASH_CHARACTERS)
    if " - " in text:
        result.brackets_dashes += sum(text.count(" - ", a, b) for a, b in tokens.sentences)
    for a, b in empty:
        piece = text[a:b]
        result.commas -= piece.count(",")
        result.semicolons_colons -= piece.count(";") + piece.count(":")
        result.brackets_dashes -= sum(piece.count(c) for c in _DASH_CHARACTERS) + piece.count(" - ")
    # Capitalised words that do not open a sentence: all capitalised words, less the openers.
    firsts = {first for first, end in ranges if end > first}
    result.capitalised = sum(map(CAPITALISED.__getitem__, written)) - sum(CAPITALISED[written[i]] for i in firsts)
    # Every word lies in exactly one sentence, so a word-by-word sum over the paragraph is the
    # sum over its sentences; only connective phrases and passives look across words.
    if sums[_PHRASE_START]:
        result.connectives = _connectives(lower, ranges, map(or_, columns[_CONNECTIVE], columns[_PHRASE_START]))
    else:
        result.connectives = sums[_CONNECTIVE]
    result.passives = _passives(lower, ranges, columns[_BE_FORM]) if any(columns[_BE_FORM]) else 0
    return result


def _passives(lower: Sequence[str], ranges: Sequence[tuple[int, int]], be_forms: Sequence[bool]) -> int:
    """Passive constructions in a paragraph: a form of "be" followed by a participle in the same
    sentence, with at most "not" or one -ly adverb between. The forms of "be" are found in one
    step (``be_forms`` marks them); only the words after each are read."""
    firsts = [first for first, _ in ranges]
    count = 0
    for i in compress(range(len(lower)), be_forms):
        first, end = ranges[bisect_right(firsts, i) - 1]
        if not first <= i < end:
            continue
        j = i + 1
        if j < end and (lower[j] == "not" or lower[j].endswith("ly")):
            j += 1
        if j < end and _is_participle(lower[j]):
            count += 1
    return count


def _connectives(lower: Sequence[str], ranges: Sequence[tuple[int, int]], candidates: Iterable[bool]) -> int:
    """Connectives in a paragraph, read from left to right in each sentence: a connective
    phrase ("on the other hand", the longest first) counts once and its words are not read
    again; otherwise a one-word connective counts. Only the words that are connectives or
    start a phrase (``candidates`` marks them) are looked at."""
    firsts = [first for first, _ in ranges]
    count = 0
    after = 0  # the first word after the last phrase found
    for i in compress(range(len(lower)), candidates):
        if i < after:
            continue
        first, end = ranges[bisect_right(firsts, i) - 1]
        if not first <= i < end:
            continue
        word = lower[i]
        if word in _PHRASE_STARTS:
            length = next((k for k in _PHRASE_LENGTHS if i + k <= end and tuple(lower[i : i + k]) in CONNECTIVE_PHRASES), 0)
            if length:
                count += 1
                after = i + length
                continue
        count += word in CONNECTIVES
    return count


def _is_nominalisation(word: str) -> bool:
    stem = word[:-1] if word.endswith("s") else word
    return stem.endswith(NOMINALISATION_SUFFIXES)


def _is_participle(word: str) -> bool:
    return word in IRREGULAR_PARTICIPLES or (len(word) > 4 and word.endswith("ed"))


_COMBINED = Profile.__slots__[1:]


def combine(profiles: Iterable[Profile]) -> Profile:
    """The profile of several paragraphs together (the inputs are not changed)."""
    total = Profile()
    parts = list(profiles)
    total.counts = readability.merge_counts(p.counts for p in parts)
    columns = zip(*map(attrgetter(*_COMBINED), parts)) if parts else ([] for _ in _COMBINED)
    for name, column in zip(_COMBINED, columns):
        if name == "content_zipfs":
            total.content_zipfs = list(chain.from_iterable(column))
        else:
            setattr(total, name, sum(column))
    return total


class Combination:
    """Several paragraphs' profiles together (:attr:`total`) and all of them but one
    (:meth:`without`), which equals ``combine`` of the others exactly: integer sums by
    subtraction, float sums added again in order, lists cut where the left-out paragraph's
    items lie. "The rest of the article" for each of several paragraphs then costs one pass
    over the profiles' fields, not one :func:`combine` of every other paragraph."""

    def __init__(self, profiles: Iterable[Profile]) -> None:
        self.parts = list(profiles)
        self.total = combine(self.parts)
        self._counts = [p.counts for p in self.parts]

    def without(self, k: int) -> Profile:
        """The profile of every part but the ``k``-th."""
        parts, part, total = self.parts, self.parts[k], self.total
        others = parts[:k] + parts[k + 1 :]
        rest = Profile()
        rest.counts = _counts_without(total.counts, self._counts, k)
        for name in _COMBINED:
            if name == "content_zipfs":
                rest.content_zipfs = _cut(total.content_zipfs, [p.content_zipfs for p in parts], k)
                continue
            value = getattr(total, name)
            if type(value) is float:  # float sums are not exact under subtraction
                setattr(rest, name, sum(getattr(p, name) for p in others))
            else:
                setattr(rest, name, value - getattr(part, name))
        return rest


def _cut(whole: list, pieces: Sequence[list], k: int) -> list:
    """``whole`` (the concatenation of ``pieces``) without the ``k``-th piece."""
    start = sum(len(piece) for piece in pieces[:k])
    return whole[:start] + whole[start + len(pieces[k]) :]


def _counts_without(total: readability.Counts, parts: Sequence[readability.Counts], k: int) -> readability.Counts:
    rest = readability.Counts()
    part = parts[k]
    for name in readability.SUMMED_COUNTS:
        setattr(rest, name, getattr(total, name) - getattr(part, name))
    rest.sentence_lengths = _cut(total.sentence_lengths, [p.sentence_lengths for p in parts], k)
    rest.paragraph_lengths = _cut(total.paragraph_lengths, [p.paragraph_lengths for p in parts], k)
    return rest


def _percentile(values: Sequence[float], q: float, ordered: bool = False) -> float:
    """The ``q``-th percentile as the smallest value with at least ``q``% of the values at or
    below it (numpy's "inverted_cdf"). It depends only on the distribution of the values, so a
    text written twice has the same percentiles. 0.0 for no values. ``ordered``: the values
    are sorted already."""
    if not values:
        return 0.0
    if not ordered:
        values = sorted(values)
    rank = max(1, math.ceil(len(values) * q / 100 - 1e-9))
    return float(values[rank - 1])


def values(p: Profile) -> dict[str, float]:
    """The measures of a profile, in :data:`NAMES` order (all 0.0 without words or sentences)."""
    counts = p.counts
    n_words = counts.words
    lengths = counts.sentence_lengths
    n_sentences = len(lengths)
    if not n_words or not n_sentences:
        return dict.fromkeys(NAMES, 0.0)
    formulas = readability.formulas(counts)
    ordered_lengths = sorted(lengths)
    letters_mean = counts.letters / n_words
    mean = n_words / n_sentences
    stdev = formulas["words_per_sentence_stdev"]
    return {
        **{name: formulas[name] for name in FORMULA_NAMES},
        "syllables_per_word_mean": formulas["syllables_per_word_mean"],
        "letters_per_word_mean": letters_mean,
        "letters_per_word_stdev": math.sqrt(max(0.0, p.letters_squared / n_words - letters_mean**2)),
        "short_word_share": p.short_words / n_words,
        "long_word_share": formulas["long_word_share"],
        "very_long_word_share": p.very_long_words / n_words,
        "monosyllable_share": p.monosyllables / n_words,
        "polysyllable_share": counts.polysyllables / n_words,
        "complex_word_share": formulas["complex_word_share"],
        "difficult_word_share": formulas["difficult_word_share"],
        "zipf_mean": safe_ratio(p.zipf_sum, p.rated),
        "content_zipf_mean": safe_ratio(p.content_zipf_sum, p.content_rated),
        "content_zipf_p10": _percentile(p.content_zipfs, RARITY_PERCENTILE),
        "rare_word_share": safe_ratio(p.rare, p.rated),
        "very_rare_word_share": safe_ratio(p.very_rare, p.rated),
        "rare_content_word_share": safe_ratio(p.rare_content, p.content_rated),
        "words_per_sentence_mean": mean,
        "words_per_sentence_median": _percentile(ordered_lengths, 50, ordered=True),
        "words_per_sentence_p90": _percentile(ordered_lengths, SENTENCE_LENGTH_PERCENTILE, ordered=True),
        "words_per_sentence_stdev": stdev,
        "words_per_sentence_cv": stdev / mean,
        "short_sentence_share": sum(1 for x in lengths if x <= SHORT_SENTENCE_WORDS) / n_sentences,
        "long_sentence_share": formulas["long_sentence_share"],
        "very_long_sentence_share": sum(1 for x in lengths if x > VERY_LONG_SENTENCE_WORDS) / n_sentences,
        "commas_per_sentence": p.commas / n_sentences,
        "semicolons_colons_per_sentence": p.semicolons_colons / n_sentences,
        "brackets_dashes_per_sentence": p.brackets_dashes / n_sentences,
        "clause_markers_per_sentence": p.clause_markers / n_sentences,
        "connectives_per_sentence": p.connectives / n_sentences,
        "passives_per_sentence": p.passives / n_sentences,
        "preposition_share": p.prepositions / n_words,
        "pronoun_share": p.pronouns / n_words,
        "nominalisation_share": p.nominalisations / n_words,
        "ly_adverb_share": p.ly_adverbs / n_words,
        "lexical_density": p.content_words / max(1, n_words - p.numbers),
        "number_share": p.numbers / n_words,
        "capitalised_word_share": p.capitalised / n_words,
    }


def vector(p: Profile) -> list[float]:
    """The measures of a profile as a list in :data:`NAMES` order."""
    found = values(p)
    return [found[name] for name in NAMES]


def measure(paragraphs: Sequence[Tokens]) -> dict[str, float]:
    """The difficulty measures of tokenised ``paragraphs`` taken together."""
    return values(combine(profile(t) for t in paragraphs))


# ---------------------------------------------------------------------------------------------
# Sentence beginnings (Yoast's "consecutive sentences" check)

# When a sentence opens with one of these, its beginning is the first two words ("The council",
# not "The"): Yoast's English first-word exceptions (articles, demonstratives, one to ten).
FIRST_WORD_EXCEPTIONS = frozenset("a an the this that these those one two three four five six seven eight nine ten".split())


class Beginning(NamedTuple):
    """How one sentence begins: the paragraph (an index into the sequence given), the
    sentence's character offsets in that paragraph, its first word (or two), and whether that
    word is inside a quotation (somebody else's words)."""

    paragraph: int
    start: int
    end: int
    words: str
    quoted: bool = False


def sentence_beginnings(tokens: Tokens, paragraph: int = 0) -> list[Beginning]:
    """The beginning of each sentence of a paragraph that has words, in order (lower-cased)."""
    found = []
    for (first, end), (start, stop) in zip(tokens.sentence_word_ranges(), tokens.sentences):
        if end <= first:
            continue
        head = tokens.lower[first]
        if head in FIRST_WORD_EXCEPTIONS and end - first > 1:
            head = f"{head} {tokens.lower[first + 1]}"
        offset = tokens.starts[first]
        quoted = tokens.in_quotation(offset, offset + len(tokens.words[first]))
        found.append(Beginning(paragraph, start, stop, head, quoted))
    return found


def repeated_beginnings(beginnings: Sequence[Beginning]) -> list[list[Beginning]]:
    """Runs of two or more consecutive sentences with the same beginning, in order."""
    runs: list[list[Beginning]] = []
    current: list[Beginning] = []
    for item in beginnings:
        if current and item.words == current[-1].words:
            current.append(item)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [item]
    if len(current) >= 2:
        runs.append(current)
    return runs
