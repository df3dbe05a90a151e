"""Per-paragraph measurements for telling page boilerplate from article text.

Navigation, footers, link lists, share bars and teasers differ from article text in shape more
than in vocabulary: they are short, have few function words (jusText's stop-word density:
Pomikálek 2011, ch. 3), rarely end a sentence, are dense in capitals, digits, separators and
links, and come in runs (jusText's context pass: the class of a short block follows its
neighbours'). :func:`block_rows` measures each paragraph on those lines, and the same measures
of its neighbours, from the tokens the rest of ``features`` already made; the learned model in
``quality.noise`` reads the rows. Paragraphs from HTML pages add what the markup says
(:func:`markup_row`): the share of the text inside links (jusText's link density), the block's
tag, its semantic containers (nav, footer, aside...) and chrome-like class names.

No thresholds and no model here: names and numbers only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from features.text import Tokens, safe_ratio

# Per paragraph, from its own text and role.
OWN_NAMES = (
    "log_chars",  # log(1 + characters)
    "log_words",  # log(1 + words)
    "stopword_share",  # function words / words (jusText's stop-word density)
    "ends_sentence",  # 1 when the text ends with sentence punctuation
    "log_sentences",  # log(1 + sentences)
    "capitals_per_word",  # capital letters (A-Z) / words
    "digit_char_share",  # digits / characters
    "symbol_char_share",  # characters outside words and white space / characters
    "separator_per_word",  # | • · › » / and the like per word (menus, breadcrumbs)
    "address_count",  # URL-, domain- and e-mail-like tokens
    "copyright",  # 1 with a copyright sign or "all rights reserved"
    "lexicon_hit",  # 1 when a boilerplate lexicon of features.boilerplate matched
    "is_heading",  # role: headline or subheading
    "is_list_item",
    "is_quote",
    "position",  # index / (paragraphs - 1): 0 first, 1 last
    "edge_distance",  # paragraphs to the nearer end of the document, log(1 + n)
)
# The same measures of the neighbours (previous, next; zeros beyond the ends) and of the
# paragraphs around it (two on each side, itself excluded).
NEIGHBOUR_SOURCES = ("log_words", "stopword_share", "ends_sentence")
CONTEXT_NAMES = (
    *(f"previous_{n}" for n in NEIGHBOUR_SOURCES),
    *(f"next_{n}" for n in NEIGHBOUR_SOURCES),
    "window_log_words",  # mean log(1 + words) of the two paragraphs on each side
    "window_stopword_share",
)
# The paragraph against the rest of its document: the article is the part of a page where
# long sentence-like paragraphs come together, and its paragraphs are long for that page.
DOCUMENT_NAMES = (
    "words_before_share",  # words of the document before this paragraph / all its words
    "repeated_text",  # 1 when the same text (case aside) is another paragraph of the document
    "prose_near_share",  # prose words within NEAR paragraphs / the most within NEAR of any paragraph
    "prose_around_share",  # the same within FAR paragraphs
    "log_words_over_median",  # log(1 + words) - log(1 + the document's median words per paragraph)
    "log_word_share",  # log(1 + 100 x words / the document's words)
    "log_words_under_longest",  # log(1 + words) - log(1 + the longest paragraph's words)
)
TEXT_NAMES = (*OWN_NAMES, *CONTEXT_NAMES, *DOCUMENT_NAMES)

# What the HTML of a page says about a block (zeros for text without markup).
MARKUP_TAGS = ("p", "li", "td", "h", "div", "caption", "pre")
MARKUP_CONTAINERS = ("nav", "header", "footer", "aside", "form", "article")
MARKUP_NAMES = (
    "link_char_share",  # characters inside links / characters (jusText's link density)
    "previous_link_char_share",
    "next_link_char_share",
    *(f"tag_{t}" for t in MARKUP_TAGS),
    *(f"in_{c}" for c in MARKUP_CONTAINERS),
    "chrome_class",  # an ancestor's class or id names page chrome (menu, sidebar, share...)
)
NAMES = (*TEXT_NAMES, *MARKUP_NAMES)

_TERMINAL = tuple('.!?…"”’)')
_SEPARATORS = "|•·›»/>–—"
# A domain's label has at most 63 characters (RFC 1035): bounded so, the pattern reads at most
# 63 characters from each place a label could start, and stays linear on a long run of letters
# and hyphens ("-a-a-a...", which a label without a bound read to its end from every letter).
_ADDRESS_RE = re.compile(r"https?://|www\.|@[a-z0-9-]{1,63}\.[a-z]|\b[a-z0-9-]{1,63}\.(?:com|org|net|io|co|uk|gov|edu)\b", re.I)
_COPYRIGHT_RE = re.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\bcopyright\b", re.I)
# Tags grouped as MARKUP_TAGS: table cells, headings, captions.
_TAG_GROUP = {"th": "td", "td": "td", "dt": "li", "dd": "li", "figcaption": "caption", "caption": "caption", "legend": "caption"}
_TAG_GROUP.update({f"h{level}": "h" for level in range(1, 7)})
_TAG_GROUP.update({"p": "p", "li": "li", "pre": "pre", "div": "div"})
# Class and id words of page chrome (trafilatura's and Readability's discard lists name the same
# families: navigation, sidebars, share bars, comments, related links, ads, cookie banners).
CHROME_CLASS_RE = re.compile(
    r"nav|menu|footer|sidebar|share|social|comment|related|breadcrumb|cookie|banner|promo|"
    r"newsletter|subscribe|widget|masthead|toolbar|byline|meta|tags?$|^ad[s-]?|-ad$|advert|sponsor|popup|modal",
    re.I,
)
_ROLE_FLAGS = {"headline": (1.0, 0.0, 0.0), "subheading": (1.0, 0.0, 0.0), "list_item": (0.0, 1.0, 0.0), "quote": (0.0, 0.0, 1.0)}
_NO_ROLE = (0.0, 0.0, 0.0)


def own_row(tokens: Tokens, role: str, stopword_share: float, lexicon_hit: bool) -> list[float]:
    """The :data:`OWN_NAMES` measures of one paragraph but its position (filled in by
    :func:`block_rows`). ``stopword_share`` is the paragraph's share of function words (the
    caller has it: ``features.boilerplate.list_shape``). Every count is made by str methods and
    compiled patterns, not by Python loops over characters: this runs on every paragraph."""
    text = tokens.text
    gate = tokens.gate
    chars = len(text)
    n_words = len(tokens.words)
    blanks = text.count(" ") + text.count("\n")
    symbols = max(0, chars - blanks - sum(map(len, tokens.words)))
    digits = len(_DIGIT_RE.findall(text))
    separators = len(_SEPARATOR_RE.findall(text))
    capitals = len(_CAPITAL_RE.findall(text))
    return [
        math.log1p(chars),
        math.log1p(n_words),
        stopword_share,
        1.0 if text.rstrip().endswith(_TERMINAL) else 0.0,
        math.log1p(len(tokens.sentences)),
        safe_ratio(capitals, n_words),
        safe_ratio(digits, chars),
        safe_ratio(symbols, chars),
        safe_ratio(separators, n_words),
        float(len(_ADDRESS_RE.findall(text))) if _ADDRESS_GATE.search(gate) else 0.0,
        1.0 if ("©" in text or "copyright" in gate or "rights reserved" in gate or "(c)" in gate) and _COPYRIGHT_RE.search(text) else 0.0,
        1.0 if lexicon_hit else 0.0,
        *_ROLE_FLAGS.get(role, _NO_ROLE),
        0.0,
        0.0,
    ]


# Character classes counted by the regex engine (the fastest count in CPython for these).
_DIGIT_RE = re.compile("[0-9]")
_CAPITAL_RE = re.compile("[A-Z]")
_SEPARATOR_RE = re.compile("[" + re.escape(_SEPARATORS) + "]")
# Only text with one of these can hold an address (a cheap search before the real pattern).
_ADDRESS_GATE = re.compile(r"://|www\.|@|\.(?:com|org|net|io|co|uk|gov|edu)\b")
_POSITION = OWN_NAMES.index("position")
_EDGE = OWN_NAMES.index("edge_distance")
_NEIGHBOUR_COLUMNS = tuple(OWN_NAMES.index(n) for n in NEIGHBOUR_SOURCES)
_WORDS = OWN_NAMES.index("log_words")
_STOP = OWN_NAMES.index("stopword_share")
# Paragraphs on each side averaged by the window measures.
WINDOW = 2
# Paragraphs on each side counted by prose_near_share and prose_around_share.
NEAR, FAR = 3, 10
# A "prose" paragraph for the density measures: jusText's shape of good text, at least about
# its length_low of 70 characters (15 words) and its stopwords_low density of 0.30.
PROSE_MIN_WORDS = 15
PROSE_MIN_STOPWORD_SHARE = 0.30
# A paragraph counts toward the boilerplate share when the model finds it at least as likely
# boilerplate as not.
EVEN_ODDS = 0.5


def block_rows(own: Sequence[list[float]], tokens: Sequence[Tokens]) -> list[list[float]]:
    """The :data:`TEXT_NAMES` row of each paragraph, from the :func:`own_row` of every
    paragraph of the document in order and their tokens (position, context and the
    document measures are filled in here)."""
    n = len(own)
    if not n:
        return []
    words = [len(t.words) for t in tokens]
    total = sum(words)
    log_median, log_longest = math.log1p(sorted(words)[n // 2]), math.log1p(max(words))
    keys = [t.gate for t in tokens]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    prose = [0] * (n + 1)  # cumulative words of prose paragraphs
    for i, (row, count) in enumerate(zip(own, words)):
        prose[i + 1] = prose[i] + (count if count >= PROSE_MIN_WORDS and row[_STOP] >= PROSE_MIN_STOPWORD_SHARE else 0)
    near = [prose[min(n, i + NEAR + 1)] - prose[max(0, i - NEAR)] for i in range(n)]
    far = [prose[min(n, i + FAR + 1)] - prose[max(0, i - FAR)] for i in range(n)]
    most_near, most_far = max(near), max(far)
    neighbours = [[row[c] for c in _NEIGHBOUR_COLUMNS] for row in own]
    zeros = [0.0] * len(_NEIGHBOUR_COLUMNS)
    log_words = [row[_WORDS] for row in own]
    stop = [row[_STOP] for row in own]
    last = max(1, n - 1)
    rows = []
    before = 0
    for i, row in enumerate(own):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        around = hi - lo - 1
        row = row[:_POSITION] + [i / last, math.log1p(min(i, n - 1 - i))] + row[_EDGE + 1 :]
        row += neighbours[i - 1] if i else zeros
        row += neighbours[i + 1] if i + 1 < n else zeros
        row += (
            (sum(log_words[lo:hi]) - log_words[i]) / around if around else 0.0,
            (sum(stop[lo:hi]) - stop[i]) / around if around else 0.0,
            before / total if total else 0.0,
            1.0 if keys[i] and seen[keys[i]] > 1 else 0.0,
            near[i] / most_near if most_near else 1.0,  # no prose anywhere: all alike
            far[i] / most_far if most_far else 1.0,
            log_words[i] - log_median,
            math.log1p(100 * words[i] / total) if total else 0.0,
            log_words[i] - log_longest,
        )
        before += words[i]
        rows.append(row)
    return rows


def boilerplate_word_share(tokens: Sequence[Tokens], probabilities: Sequence[float], judged: Sequence[bool]) -> float:
    """The share of a document's judged words that sit in paragraphs more likely boilerplate
    than not (a model's probability, given by the caller, of at least one half: even odds, the
    classifier's own boundary, not a tuned threshold). Weighting every word by its probability
    instead would let the small probabilities of clean paragraphs add up to a share."""
    words = [len(t.words) if j else 0 for t, j in zip(tokens, judged)]
    return safe_ratio(sum(w for w, p in zip(words, probabilities) if p >= EVEN_ODDS), sum(words))


def markup_row(tag: str, link_chars: int, chars: int, containers: Sequence[str], class_tokens: Sequence[str]) -> list[float]:
    """The :data:`MARKUP_NAMES` measures of one block but its neighbours' link shares (filled
    in by :func:`markup_rows`)."""
    group = _TAG_GROUP.get(tag, "div")
    return [
        safe_ratio(link_chars, chars),
        0.0,
        0.0,
        *(1.0 if group == t else 0.0 for t in MARKUP_TAGS),
        *(1.0 if c in containers or (c == "article" and "main" in containers) else 0.0 for c in MARKUP_CONTAINERS),
        1.0 if any(CHROME_CLASS_RE.search(t) for t in class_tokens) else 0.0,
    ]


def markup_rows(own: Sequence[list[float]]) -> list[list[float]]:
    """The :data:`MARKUP_NAMES` row of each block, with its neighbours' link shares."""
    n = len(own)
    rows = []
    for i, row in enumerate(own):
        row = list(row)
        row[1] = own[i - 1][0] if i > 0 else 0.0
        row[2] = own[i + 1][0] if i + 1 < n else 0.0
        rows.append(row)
    return rows
