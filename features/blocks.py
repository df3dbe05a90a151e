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
    "capitalised_word_share",  # words that start with a capital / words
    "digit_char_share",  # digits / characters
    "symbol_char_share",  # characters that are neither letters, digits nor spaces / characters
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
_ADDRESS_RE = re.compile(r"https?://|www\.|@[a-z0-9-]+\.[a-z]|\b[a-z0-9-]+\.(?:com|org|net|io|co|uk|gov|edu)\b", re.I)
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
    caller has it: ``features.boilerplate.list_shape``)."""
    text = tokens.text
    chars = len(text)
    n_words = len(tokens.words)
    stripped = text.rstrip()
    letters_digits_spaces = sum(1 for c in text if c.isalnum() or c.isspace()) if not text.isascii() else _ascii_plain(text)
    digits = sum(text.count(d) for d in "0123456789")
    separators = sum(text.count(s) for s in _SEPARATORS)
    capitalised = sum(1 for w in tokens.words if w[0].isupper())
    return [
        math.log1p(chars),
        math.log1p(n_words),
        stopword_share,
        1.0 if stripped.endswith(_TERMINAL) else 0.0,
        math.log1p(len(tokens.sentences)),
        safe_ratio(capitalised, n_words),
        safe_ratio(digits, chars),
        safe_ratio(chars - letters_digits_spaces, chars),
        safe_ratio(separators, n_words),
        float(len(_ADDRESS_RE.findall(text))) if ("." in text or "@" in text) else 0.0,
        1.0 if _COPYRIGHT_RE.search(text) else 0.0,
        1.0 if lexicon_hit else 0.0,
        *_ROLE_FLAGS.get(role, _NO_ROLE),
        0.0,
        0.0,
    ]


def _ascii_plain(text: str) -> int:
    """Letters, digits and spaces of an ASCII text, counted in C."""
    return len(text) - len(text.translate(_PLAIN_ASCII))


_PLAIN_ASCII = {ord(c): None for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\n\r\f\v"}
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
    rows = []
    zeros = [0.0] * len(_NEIGHBOUR_COLUMNS)
    words = [len(t.words) for t in tokens]
    total = sum(words)
    median = sorted(words)[n // 2] if n else 0
    log_median, log_longest = math.log1p(median), math.log1p(max(words, default=0))
    keys = [" ".join(t.lower) for t in tokens]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    prose = [0] * (n + 1)  # cumulative words of prose paragraphs
    for i, (row, count) in enumerate(zip(own, words)):
        is_prose = count >= PROSE_MIN_WORDS and row[_STOP] >= PROSE_MIN_STOPWORD_SHARE
        prose[i + 1] = prose[i] + (count if is_prose else 0)
    near = [prose[min(n, i + NEAR + 1)] - prose[max(0, i - NEAR)] for i in range(n)]
    far = [prose[min(n, i + FAR + 1)] - prose[max(0, i - FAR)] for i in range(n)]
    most_near, most_far = max(near, default=0), max(far, default=0)
    before = 0
    for i, row in enumerate(own):
        row = list(row)
        row[_POSITION] = safe_ratio(i, n - 1)
        row[_EDGE] = math.log1p(min(i, n - 1 - i))
        previous = [own[i - 1][c] for c in _NEIGHBOUR_COLUMNS] if i > 0 else zeros
        following = [own[i + 1][c] for c in _NEIGHBOUR_COLUMNS] if i + 1 < n else zeros
        around = [own[j] for j in range(max(0, i - WINDOW), min(n, i + WINDOW + 1)) if j != i]
        window_words = safe_ratio(sum(r[_WORDS] for r in around), len(around))
        window_stop = safe_ratio(sum(r[_STOP] for r in around), len(around))
        document = [
            safe_ratio(before, total),
            1.0 if seen[keys[i]] > 1 and keys[i] else 0.0,
            safe_ratio(near[i], most_near) if most_near else 1.0,  # no prose anywhere: all alike
            safe_ratio(far[i], most_far) if most_far else 1.0,
            row[_WORDS] - log_median,
            math.log1p(safe_ratio(100 * words[i], total)),
            row[_WORDS] - log_longest,
        ]
        before += words[i]
        rows.append(row + previous + following + [window_words, window_stop] + document)
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
