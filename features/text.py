"""The one tokenizer: words, sentences, n-grams, quotations and normalisation.

Every measure in ``features`` and every rule in ``quality`` sees text through these functions,
so a word, a sentence or a quotation means the same thing everywhere (datatrove's filters drift
because each splits text its own way; see STYLE.md 2.1). All functions are pure and never raise on
empty or odd input.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence, Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from itertools import accumulate, chain
from typing import NamedTuple


class Lexicon:
    """A labelled pattern with its triggers: lower-case strings of which every match contains at
    least one (after lower-casing and collapsing white space). The pattern runs only on text
    that holds a trigger, which skips nearly all regex work on clean prose; no triggers means
    the pattern always runs (use it for patterns anchored at the start of the text).

    A pattern anchored at the start may name ``leads`` instead: lower-case ASCII strings of
    which every match starts with one, after its leading white space (as with triggers, white
    space counts as one space). On text without one the pattern does not run, unless the text
    holds one of the four characters that case-insensitive matching takes for an ASCII letter
    but lower-casing does not turn into it (:data:`CASELESS_ASCII`, found by trying every code
    point): then it always runs.

    The pattern is given as its source and flags and compiled on first use: most lexicons
    never meet one of their triggers in a short run, and compiling all of them would cost a
    lint run 0.05 s."""

    __slots__ = ("label", "triggers", "trigger_set", "source", "flags", "_pattern", "gate", "leads")

    def __init__(self, label: str, triggers: tuple[str, ...], source: str, flags: int = 0, leads: tuple[str, ...] = ()) -> None:
        self.label = label
        self.triggers = triggers
        self.trigger_set = frozenset(triggers)
        self.source = source
        self.flags = flags
        self._pattern: re.Pattern[str] | None = None
        self.gate = re.compile("|".join(map(re.escape, triggers))) if triggers else None
        self.leads = leads

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self.source, self.flags)
        return self._pattern

    def finditer(self, tokens: Tokens, found: AbstractSet[str] | None = None) -> Iterator[re.Match[str]]:
        """The pattern's matches in the paragraph (none without a trigger or a lead in it).
        ``found``, when given, holds every trigger of this lexicon that occurs in the
        paragraph (:meth:`DocumentGate.found_in`), which saves searching for them again."""
        if self.gate is not None:
            if found is not None:
                if found.isdisjoint(self.trigger_set):
                    return iter(())
            elif self.gate.search(tokens.gate) is None:
                return iter(())
        if self.leads and not tokens.gate.startswith(self.leads) and tokens.leads_apply():
            return iter(())
        return self.pattern.finditer(tokens.text)


# How many words a per-word table (and a per-word cache) keeps before it is emptied. The 50,000
# commonest words cover about 98% of the words of English text, so a table of that size stays
# useful, and a process that reads a corpus of endless new tokens (names, numbers, typos) keeps
# its memory bounded: at most a few MB per table.
WORD_TABLE_LIMIT = 50_000


class WordTable(dict):
    """Per-word values computed on first use and kept: ``table[word]``.

    A measure that needs a value for every word of a text maps ``table.__getitem__`` over the
    words: for every word already seen that stays inside the interpreter's C code, several
    times cheaper than calling a cached function per word. The table is emptied when it holds
    ``limit`` words, so that a corpus of endless new tokens cannot fill the memory."""

    __slots__ = ("compute", "limit")

    def __init__(self, compute: Callable[[str], object], limit: int = WORD_TABLE_LIMIT) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, word: str):
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.compute(word)
        return value


# The characters that a case-insensitive pattern matches as an ASCII letter although they do not
# lower-case to it: "İ" and "ı" (i), "ſ" (s) and the Kelvin sign (k). Every other character
# matches an ASCII letter only when its lower case is that letter.
CASELESS_ASCII = "İıſ\u212a"


class Span(NamedTuple):
    """A piece of evidence: character offsets into one paragraph's text and what was found."""

    start: int
    end: int
    label: str


# A word: letters or digits, with inner apostrophes, hyphens or dots ("don't", "Trump-Putin",
# "U.S", "Filipinokami.com"). Underscores are not word characters here (they are markup).
WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")

# A sentence ends at . ! ? or an ellipsis (optionally followed by closing quotes or brackets)
# when white space and an upper-case letter, a digit or an opening quote follow, or at the end.
_SENTENCE_END_RE = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9]|\s*$)""")
# The word before a full stop, searched for in the 13 characters before it (a longer word is not
# an abbreviation); bounded to that length, so that it stays linear on any text.
_LAST_TOKEN_RE = re.compile(r"([A-Za-z][A-Za-z.]{0,11})\.$")

# Abbreviations after which a full stop does not end a sentence ("U.S. Secretary of State").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen gov sen rep lt col capt sgt adm cmdr
    u.s u.k u.n u.s.a e.u e.g i.e vs etc inc ltd co corp dept est approx no vol fig
    jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m""".split()
)

# Quotation marks that open and close a quotation on one line, of at most this many characters
# between them: the quotations :func:`quotation_spans` finds are the matches of this pattern.
QUOTATION_MAX_CHARS = 2000
_QUOTE_MARKS = {"“": "”", '"': '"', "«": "»"}
QUOTATION_PATTERN = r"“[^”\n]{1,2000}”|\"[^\"\n]{1,2000}\"|«[^»\n]{1,2000}»"

_NORMALIZE_TABLE = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
        "«": '"', "»": '"', "–": "-", "—": "-", "―": "-", "‐": "-", "‑": "-", "\u00a0": " ",
    }
)


@dataclass(frozen=True, slots=True)
class Tokens:
    """One paragraph tokenised once: its words (as written and lower-cased) with their offsets,
    its sentences and its quotations. Every family of measures reads these."""

    text: str
    words: list[str]
    lower: list[str]
    starts: list[int]
    sentences: list[tuple[int, int]]
    quotations: list[tuple[int, int]]
    gate: str  # lower-cased text, straight apostrophes, white space collapsed: for triggers
    # Values derived from the tokens and computed once on first use (word ranges of sentences,
    # readability counts): a cache, not part of the value.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def sentence_word_counts(self) -> list[int]:
        """Number of words in each sentence, in order."""
        return [hi - lo for lo, hi in self.sentence_word_ranges()]

    def sentence_word_ranges(self) -> list[tuple[int, int]]:
        """``(first, end)`` word indices of each sentence, in order."""
        ranges = self.memo.get("sentence_word_ranges")
        if ranges is None:
            starts = self.starts
            ranges = self.memo["sentence_word_ranges"] = [
                (bisect_left(starts, a), bisect_left(starts, b)) for a, b in self.sentences
            ]
        return ranges

    def sentence_words(self) -> list[list[str]]:
        """The lower-cased words of each sentence, in order."""
        return [self.lower[lo:hi] for lo, hi in self.sentence_word_ranges()]

    def leads_apply(self) -> bool:
        """Whether the leads of :class:`Lexicon` decide for this paragraph: its text holds none
        of :data:`CASELESS_ASCII` (computed once)."""
        found = self.memo.get("leads_apply")
        if found is None:
            text = self.text
            found = self.memo["leads_apply"] = text.isascii() or not any(c in text for c in CASELESS_ASCII)
        return found

    def in_quotation(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside a quotation."""
        return bool(self.quotations) and inside(start, end, self.quotations)

    def unquoted_runs(self) -> list[list[str]]:
        """Runs of lower-cased words outside quotations (a quotation breaks a run)."""
        if not self.quotations:
            return [self.lower] if self.lower else []
        runs = []
        position = 0
        for a, b in self.quotations:
            first, last = bisect_left(self.starts, a), bisect_left(self.starts, b)
            if first > position:
                runs.append(self.lower[position:first])
            position = max(position, last)
        if position < len(self.lower):
            runs.append(self.lower[position:])
        return runs


def tokenize(text: str) -> Tokens:
    """Tokenise one paragraph (words, sentences, quotations) for every measure to share."""
    lower_text = text.lower().replace("’", "'")
    if len(lower_text) == len(text):
        # Lower-casing kept every offset, and no character changes between a word character,
        # a separator ('’.-) and anything else when lower-cased (true of every code point), so
        # the lower-cased text has the words of the text at the same offsets: one split finds
        # the lower-cased words and, from the lengths of the pieces, where each starts.
        pieces = _WORD_SPLIT_RE.split(lower_text)  # separator, word, separator, ..., separator
        lower = pieces[1::2]
        ends = list(accumulate(map(len, pieces)))
        starts = ends[0:-1:2]
        written = list(map(text.__getitem__, map(slice, starts, ends[1::2])))
    else:  # a few characters ("İ") lower-case to two: lower-case word by word
        starts = [m.start() for m in WORD_RE.finditer(text)]
        written = WORD_RE.findall(text)
        lower = [w.lower().replace("’", "'") for w in written]
    return Tokens(
        text=text,
        words=written,
        lower=lower,
        starts=starts,
        sentences=sentence_spans(text),
        quotations=quotation_spans(text) if ('"' in text or "“" in text or "«" in text) else [],
        gate=" ".join(lower_text.split()),
    )


def words(text: str) -> list[str]:
    """The words of ``text`` in order, as written (case kept)."""
    return WORD_RE.findall(text)




def lower_words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, with curly apostrophes made straight."""
    return WORD_RE.findall(text.lower().replace("’", "'"))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text`` (stripped of outer white space).

    A rule-based splitter: it ends a sentence at terminal punctuation followed by a capital,
    a digit or an opening quote, except after a known abbreviation or a single initial.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.end()
        if end <= start:
            continue
        if match.group().startswith(".") and end < n:
            token = _LAST_TOKEN_RE.search(text, max(start, match.start() - 12), match.start() + 1)
            if token is not None:
                word = token.group(1).lower()
                if word in ABBREVIATIONS or len(word) == 1:
                    continue
        spans.append((start, end))
        start = end
        while start < n and text[start].isspace():
            start += 1
    if start < n:
        end = n
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[a:b] for a, b in sentence_spans(text)]


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of quotations ("…", “…”, «…») that open and close on one line:
    the matches of :data:`QUOTATION_PATTERN`, found without a regular expression.

    At an opening mark the pattern reads up to 2,000 characters looking for the closing one,
    and after a failure starts again one character later: a line of opening marks costs it
    2,000 steps per character. Here the next closing mark and the next line break are each
    looked for once (``str.find``) and kept until the search passes them, which finds the same
    quotations in time linear in the text."""
    spans: list[tuple[int, int]] = []
    found: dict[str, int] = {}  # character -> its next position at or after the last search

    def after(char: str, start: int) -> int:
        at = found.get(char, start - 1)
        if start > at >= 0 or char not in found:
            at = found[char] = text.find(char, start)
        return at

    openers = {opening: text.find(opening) for opening in _QUOTE_MARKS}
    while True:
        start, opening = min(((at, mark) for mark, at in openers.items() if at >= 0), default=(-1, ""))
        if start < 0:
            return spans
        closing = _QUOTE_MARKS[opening]
        end, line_end = after(closing, start + 1), after("\n", start + 1)
        if end >= 0 and (line_end < 0 or end < line_end) and 1 <= end - start - 1 <= QUOTATION_MAX_CHARS:
            spans.append((start, end + 1))
            for mark, at in openers.items():
                if 0 <= at <= end:
                    openers[mark] = after(mark, end + 1) if mark == closing else text.find(mark, end + 1)
        else:
            openers[opening] = after(opening, start + 1) if opening == closing else text.find(opening, start + 1)


def inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """True when ``[start, end)`` lies inside one of ``spans``."""
    return any(a <= start and end <= b for a, b in spans)


def normalize(text: str) -> str:
    """Case-folded text with typographic quotes, dashes and white space made uniform.

    Two paragraphs that differ only in quote style, case or spacing normalise to the same string.
    """
    if not text.isascii():  # the table maps only non-ASCII characters
        text = text.translate(_NORMALIZE_TABLE)
    return " ".join(text.split()).casefold()  # split() and the regex \s agree on white space




def safe_ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, or 0.0 when the denominator is zero."""
    return numerator / denominator if denominator else 0.0


@lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    """English function words (our own list, shipped in ``features/data/stopwords_en.txt``)."""
    raw = files("features").joinpath("data/stopwords_en.txt").read_text(encoding="utf-8")
    return frozenset(
        w for line in raw.splitlines() if (w := line.split("#", 1)[0].strip()) and w
    )






def title_case_share(tokens: Sequence[str]) -> float:
    """Share of the words of four letters or more that start with a capital (headline casing)."""
    long_words = [w for w in tokens if len(w) >= 4 and w[0].isalpha()]
    return safe_ratio(sum(1 for w in long_words if w[0].isupper()), len(long_words))


@lru_cache(maxsize=None)
def _family_gate(lexicons: tuple[Lexicon, ...]) -> tuple[re.Pattern[str] | None, tuple[Lexicon, ...]]:
    """One pattern for the triggers of a family of lexicons, and the lexicons without triggers."""
    ungated = tuple(lexicon for lexicon in lexicons if lexicon.gate is None)
    return trigger_pattern(tuple(t for lexicon in lexicons for t in lexicon.triggers)), ungated


@lru_cache(maxsize=None)
def trigger_pattern(triggers: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern that finds any of ``triggers``, or None for none. The alternatives are
    factored by their common prefixes ("\\.(?:c(?:a|o(?:m)?)|...)"): the regular expression
    engine tries alternatives one by one at every position, and the 44 literals of the
    call-to-action family cost it 2.6 times more as a flat list."""
    return re.compile(_prefix_tree(sorted(set(triggers)))) if triggers else None


def _prefix_tree(strings: Sequence[str]) -> str:
    """A regular expression source that matches exactly ``strings`` (sorted, distinct)."""
    ends = "" in strings
    heads: dict[str, list[str]] = {}
    for string in strings:
        if string:
            heads.setdefault(string[0], []).append(string[1:])
    branches = [re.escape(head) + _prefix_tree(tails) for head, tails in heads.items()]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def find_patterns(lexicons: Sequence[Lexicon], tokens: Tokens, triggered: bool | AbstractSet[str] | None = None) -> list[Span]:
    """Every match of each lexicon's pattern in the paragraph, as spans in text order.

    One search for all the family's triggers comes first: on clean prose it finds none, and
    only the lexicons without triggers run. A caller that has already searched the whole
    document for the family's triggers (:class:`DocumentGate`) passes the answer for this
    paragraph as ``triggered``: whether it holds one, or the set of those it holds
    (:meth:`DocumentGate.found_in`), so that only the lexicons whose triggers occur run."""
    family_gate, ungated = _family_gate(tuple(lexicons))
    if triggered is None:
        triggered = family_gate is None or family_gate.search(tokens.gate) is not None
    if not triggered:
        lexicons = ungated
    present = triggered if isinstance(triggered, AbstractSet) else None
    found = [Span(m.start(), m.end(), lexicon.label) for lexicon in lexicons for m in lexicon.finditer(tokens, present)]
    found.sort()
    return found


class TriggerSet:
    """A fixed set of triggers, prepared to find which of them occur in a text.

    A trigger of lower-case ASCII letters occurs in a paragraph's gate exactly when it occurs
    inside one of its lower-cased words (a run of letters is never split between words), so
    these triggers are found from the document's distinct words, with the triggers inside
    each word kept in a :class:`WordTable`: a word seen before costs one lookup. The other
    triggers (with spaces or punctuation: "let me know", ".com", "](") are searched in the
    text, those that start with the same character in one pattern (a search for a pattern
    that starts with one character jumps from one occurrence of it to the next)."""

    def __init__(self, triggers: Iterable[str]) -> None:
        distinct = sorted(set(triggers))
        self.triggers = frozenset(distinct)
        self.letters = tuple(t for t in distinct if t and t.isascii() and t.isalpha() and t.islower())
        # A tuple, not a set: most words hold no trigger and share the one empty tuple.
        self.in_word = WordTable(lambda word: tuple(t for t in self.letters if t in word))
        others = [t for t in distinct if t and t not in self.letters]
        self.prefixes = {t: frozenset(p for p in others if t.startswith(p)) for t in others}
        self._searches: list[tuple[str, re.Pattern[str]]] | None = None

    @property
    def searches(self) -> list[tuple[str, re.Pattern[str]]]:
        """For each first character of the other triggers: a pattern that stops at every
        occurrence of it and looks ahead for the longest trigger starting there (no occurrence
        is hidden inside another match; the triggers that are its prefixes occur too).
        Compiled on first use, like the lexicons' patterns."""
        if self._searches is None:
            groups: dict[str, list[str]] = {}
            for trigger in self.prefixes:
                groups.setdefault(trigger[0], []).append(trigger[1:])
            self._searches = [
                (head, re.compile(re.escape(head) + "(?=(" + _prefix_tree(tails) + "))")) for head, tails in groups.items()
            ]
        return self._searches

    def present(self, paragraphs: Sequence[Tokens], text: str) -> set[str]:
        """The triggers that occur in the paragraphs, whose gates joined are ``text``."""
        words = set(chain.from_iterable(t.lower for t in paragraphs))
        found: set[str] = set().union(*filter(None, map(self.in_word.__getitem__, words)))
        for head, pattern in self.searches:
            for tail in set(pattern.findall(text)):
                found.update(self.prefixes[head + tail])
        return found


_NONE: frozenset[str] = frozenset()


class DocumentGate:
    """The trigger gates (:attr:`Tokens.gate`) of a document's paragraphs joined into one
    string, so that the triggers of every family are looked for once per document instead of
    once per paragraph. Gates hold no line breaks, so a trigger found in the joined string
    lies in one paragraph.

    With a :class:`TriggerSet` that holds every trigger asked about, the triggers present in
    the document are found first, and only those are looked for paragraph by paragraph
    (``str.find``); without one, every trigger asked about is."""

    __slots__ = ("text", "starts", "_present", "_found", "_by_paragraph")

    def __init__(self, paragraphs: Sequence[Tokens], triggers: TriggerSet | None = None) -> None:
        self.text = "\n".join(t.gate for t in paragraphs)
        self.starts = list(accumulate((len(t.gate) + 1 for t in paragraphs[:-1]), initial=0))
        self._present = None if triggers is None else (triggers.triggers, triggers.present(paragraphs, self.text))
        self._found: dict[str, list[int]] = {}
        self._by_paragraph: dict[int, set[str]] = {}

    def holding(self, triggers: Iterable[str]) -> set[int]:
        """The indices of the paragraphs whose gate holds one of ``triggers``."""
        if self._present is not None:
            known, present = self._present
            triggers = tuple(triggers)  # read twice below
            triggers = present.intersection(triggers) if known.issuperset(triggers) else triggers
        found: set[int] = set()
        for trigger in triggers:
            paragraphs = self._found.get(trigger)
            if paragraphs is None:
                paragraphs = self._found[trigger] = self._paragraphs_with(trigger)
                for index in paragraphs:
                    self._by_paragraph.setdefault(index, set()).add(trigger)
            found.update(paragraphs)
        return found

    def found_in(self, index: int) -> AbstractSet[str]:
        """The triggers found so far (by :meth:`holding`) in paragraph ``index``: after
        ``holding(triggers)``, those of ``triggers`` that it holds, and no others of them."""
        return self._by_paragraph.get(index, _NONE)

    def _paragraphs_with(self, trigger: str) -> list[int]:
        if self._present is not None:
            known, present = self._present
            if trigger in known and trigger not in present:
                return []
        text, starts = self.text, self.starts
        at = text.find(trigger)
        paragraphs = []
        while at >= 0:
            index = bisect_right(starts, at) - 1
            paragraphs.append(index)
            if index + 1 == len(starts):
                break
            at = text.find(trigger, starts[index + 1])  # on to the next paragraph
        return paragraphs


def unquoted(spans: Iterable[Span], tokens: Tokens) -> list[Span]:
    """The spans that do not lie inside a quotation of the paragraph."""
    if not tokens.quotations:
        return list(spans)
    return [s for s in spans if not tokens.in_quotation(s.start, s.end)]
