"""Generation artifacts: leaked chatbot and SEO-brief text, placeholders, markup, mojibake,
hidden characters, spun phrases, stock LLM phrasing, word salad and off-topic spam.

These are the traces that content mills, spinners and chatbots leave in published prose
(ARTIFACTS.md types 5-11, 13, 14 and 22). The lexical finders use high-precision patterns: the
ones ARTIFACTS.md lists (tested there to fire on no clean seed paragraph) plus the examples it
documents, written for this project. Matches inside quotations are dropped where a quoted
speaker's words are not the writer's (chatbot phrases quoted in a story about chatbots). Mojibake
is detected by ftfy. All finders are linear: every pattern is bounded.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, chain, compress
from typing import NamedTuple

from features.text import Lexicon, Span, Tokens, WordTable, find_patterns, safe_ratio, stopwords, unquoted

_I = re.IGNORECASE

LEAKED_LLM = (
    Lexicon("AI self-reference", ('model',), r"\bas\s+an\s+ai(?:\s+language)?\s+model\b|\bas\s+a\s+large\s+language\s+model\b", _I),
    Lexicon("chat interface text", ('regenerate', 'copy code'), r"\bregenerate\s+response\b|^\s*copy\s+code\s*$", _I),
    Lexicon(
        "knowledge cutoff",
        ('my', 'real-time'),
        r"\bas\s+of\s+my\s+(?:last\s+)?(?:knowledge\s+)?(?:update|cut-?off|training)\b|"
        r"\bmy\s+(?:knowledge|training)\s+(?:cut-?off|data)\b|\bmy\s+cut-?off\s+date\b|"
        r"\bi\s+(?:do\s+not|don['’]t)\s+have\s+(?:access\s+to\s+)?real-time\b",
        _I,
    ),
    Lexicon(
        "chatbot preamble",
        (),
        r"^\s*(?:certainly|sure|absolutely|of\s+course)[!,.]?\s+here(?:['’]s|\s+is|\s+are)\b|"
        r"^\s*here\s+is\s+(?:a|the|your)\s+(?:rewritten|revised|rephrased|summari[sz]ed|shorter|longer)\b",
        _I,
        leads=('certainly', 'sure', 'absolutely', 'of course', 'here is'),
    ),
    Lexicon(
        "refusal",
        ('cannot', "can't", 'unable', 'sorry'),
        r"\bi\s+(?:cannot|can['’]t|am\s+unable\s+to)\s+(?:fulfill|complete|comply\s+with|assist\s+with)\s+"
        r"(?:this|that|your)\s+(?:request|prompt|task)\b|\bi['’]m\s+sorry,?\s+but\s+i\s+(?:cannot|can['’]t)\b",
        _I,
    ),
    Lexicon(
        "offer to the requester",
        ('hope this', 'let me know', 'feel free', 'anything else'),
        r"\bi\s+hope\s+this\s+helps\b|\blet\s+me\s+know\s+if\s+you(?:['’]d|\s+would)?\s+(?:like|need|want)\b|"
        r"\bfeel\s+free\s+to\s+(?:ask|let\s+me\s+know)\b|\bis\s+there\s+anything\s+else\s+i\s+can\b",
        _I,
    ),
    Lexicon(
        "tool citation residue",
        ('turn', 'utm_source', 'oaicite'),
        r"\bcite\s*turn\d+\w{0,20}?\d+|\bturn\d+(?:search|news|view)\d+|utm_source=chatgpt\.com|\boaicite\b", _I,
    ),
)

SEO_INSTRUCTION = (
    Lexicon(
        "keyphrase directive",
        ('key',),
        r"\b(?:exact|focus|primary|target|main|secondary|lsi)\s+(?:\w+[\s-]+){0,3}?key\s?(?:word|phrase)s?\b", _I,
    ),
    Lexicon("keyphrase length", ('key',), r"\b(?:\d+|one|two|three|four|five|six)[\s-]+word\s+key\s?(?:word|phrase)\b", _I),
    Lexicon(
        "brief field",
        ('description', 'meta title', 'title tag', 'seo title', 'slug', 'alt text', 'word count', 'keyphrase'),
        r"\b(?:meta\s+description|meta\s+title|title\s+tag|seo\s+title|url\s+slug|alt\s+text|word\s+count|focus\s+keyphrase)\s*:",
        _I,
    ),
    Lexicon("keyword instruction", ('key',), r"\b(?:include|use|mention|insert)\s+the\s+(?:focus\s+|main\s+|target\s+)?key\s?(?:word|phrase)", _I),
    Lexicon("word-count instruction", ('words',), r"\b(?:at\s+least|approximately|approx\.?|around|minimum\s+of)\s+\d{3,4}\s+words\b", _I),
    Lexicon("keyword density", ('density',), r"\bkey\s?(?:word|phrase)\s+density\b", _I),
)

# Vocabulary of search-engine optimisation: an article *about* SEO uses it throughout, and then
# brief-like sentences are its subject, not a leak (the topic gate of ARTIFACTS.md type 6).
SEO_VOCABULARY = re.compile(
    r"\b(?:seo|keywords?|key\s?phrases?|search\s+engines?|serps?|backlinks?|yoast|meta\s+descriptions?|rankings?|google)\b",
    _I,
)

# Vocabulary of templating and markup: an article that explains templates or HTML shows their
# syntax on purpose (the false positives of ARTIFACTS.md types 7 and 8).
TEMPLATE_VOCABULARY = re.compile(
    r"\b(?:templates?|placeholders?|mail-?merge|merge\s+fields?|variables?|spintax|curly\s+braces|shortcodes?)\b", _I
)
MARKUP_VOCABULARY = re.compile(r"\b(?:html|markdown|markup|tags?|elements?|web\s+pages?|source\s+code|css)\b", _I)

PLACEHOLDER = (
    Lexicon("bracketed instruction", ('[',), r"\[(?:insert|add|include|your|link\s+to|company|business|name\s+of)[^\]\n]{0,60}\]", _I),
    Lexicon("template variable", ('{',), r"\{\{?\s*[a-z_][a-z0-9_]{0,40}\s*\}\}?", _I),
    Lexicon("snippet variable", ('%%',), r"%%[a-z_]{1,40}%%", _I),
    Lexicon("spintax", ('{',), r"\{[^{}|\n]{1,40}(?:\|[^{}|\n]{1,40}){1,20}\}"),
    Lexicon("lorem ipsum", ('lorem',), r"\blorem\s+ipsum\b", _I),
    Lexicon("shortcode", ('[',), r"\[(?:caption|gallery|embed|video|audio|contact-form-7)(?:\s[^\]\n]{0,200})?\]"),
    Lexicon("TK marker", ('tk',), r"\[TK\]|\(TK\)|\bTKTK\b"),
)

MARKUP = (
    Lexicon("Markdown heading", ('#',), r"^#{1,6}\s+\S", re.M),
    Lexicon("Markdown emphasis", ('**', '__'), r"\*\*[^*\n]{1,200}\*\*|__[^_\n]{1,200}__"),
    Lexicon("Markdown link", ('](',), r"\[[^\]\n]{1,200}\]\((?:https?://|/)[^)\s]{0,500}\)"),
    Lexicon("Markdown table row", ('|',), r"^\|[^\n]{1,500}\|\s*$", re.M),
    Lexicon(
        "HTML tag",
        ('<',),
        r"</?(?:p|div|span|br|a|b|i|u|strong|em|h[1-6]|ul|ol|li|img|table|tr|td|th|script|style|iframe)\b[^<>\n]{0,300}/?>", _I,
    ),
    Lexicon("HTML entity", ('&',), r"&(?:nbsp|amp|quot|apos|lt|gt|mdash|ndash|rsquo|lsquo|rdquo|ldquo|hellip|#\d{2,6}|#x[0-9a-f]{2,5});", _I),
)

# Typical UTF-8-read-as-Windows-1252 sequences, to locate damage that ftfy detects (and the
# isolated cases it misses, ARTIFACTS.md type 9).
MOJIBAKE_SEQUENCE = re.compile(
    "â€[™œ\u009d“”˜¦\"\u2013\u2014\u02dc\u2122]|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf ]|\ufffd|"
    "Ä[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u203a]|Å[\u0080-\u00bf\u0178\u201a-\u201e\u2018-\u201d]"
)

# Invisible characters: zero-width space, non-joiner, joiner, word joiner, BOM, bidirectional
# controls. The soft hyphen is counted apart: CMS hyphenation inserts it legitimately.
# Mis-decoded UTF-8 always holds a character U+00C2-U+00F4 (a UTF-8 lead byte read as Latin-1
# or Windows-1252) or U+FFFD: text without one cannot carry mojibake, and ftfy is not asked.
_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00f4\ufffd]")

INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
SOFT_HYPHEN = "\u00ad"
_NON_LATIN_LETTER = re.compile("[\u0370-\u03ff\u0400-\u04ff]")
_LATIN_LETTER = re.compile("[A-Za-z]")

# Spun synonyms of fixed expressions (tortured phrases). The first group are reported in
# ARTIFACTS.md 1.3 (Cabanac et al. 2021 and spun SEO copies); the rest are news-domain examples
# from ARTIFACTS.md type 11 and common spinner outputs of the same kind. Value: the original.
TORTURED_PHRASES = {
    "counterfeit consciousness": "artificial intelligence",
    "bosom peril": "breast cancer",
    "search engines like google and yahoo": "search engines",
    "inexperienced bullet": "green bullet",
    "purple visitors gentle": "red traffic light",
    "profound learning": "deep learning",
    "colossal information": "big data",
    "irregular woodland": "random forest",
    "haze figuring": "cloud computing",
    "flag to commotion": "signal to noise",
    "harmony talks": "peace talks",
    "unfamiliar pastor": "foreign minister",
    "unfamiliar clergyman": "foreign minister",
    "fulfill in individual": "meet in person",
    "discharge fire": "ceasefire",
    "joined together countries": "united nations",
    "joined together states": "united states",
    "web-based media": "social media",
    "man-made brainpower": "artificial intelligence",
    "neural organization": "neural network",
    "choice tree": "decision tree",
    "bunch examination": "cluster analysis",
}
TORTURED = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in TORTURED_PHRASES) + r")\b", _I)
TORTURED_TRIGGERS = tuple(sorted({p.split()[0] for p in TORTURED_PHRASES}))

# Wording over-used by instruction-tuned models (ARTIFACTS.md type 13; Wikipedia's "Signs of AI
# writing" field guide). A weak, document-level signal: wire copy uses several of these too.
STOCK_PHRASES = re.compile(
    r"\b(?:delves?\s+into|delving\s+into|rich\s+tapestry|(?:intricate\s+)?tapestry\s+of|(?:stands\s+as\s+)?a\s+testament\s+to|"
    r"underscor(?:es|ing)\s+the|it['’]s\s+important\s+to\s+note|it\s+is\s+(?:important|worth)\s+noting|"
    r"in\s+today['’]s\s+(?:fast-paced|digital|ever-changing)|navigat(?:e|ing)\s+the\s+complexities|"
    r"a\s+pivotal\s+(?:moment|role)|only\s+time\s+will\s+tell|fraught\s+with\s+challenges|"
    r"(?:complicated|complex|intricate)\s+dynamics\s+at\s+play|dynamics\s+at\s+play|ever-evolving\s+landscape|"
    r"embark(?:s|ed)?\s+on\s+a\s+journey|as\s+the\s+world\s+watches|remains\s+to\s+be\s+seen|a\s+beacon\s+of|"
    r"plays?\s+a\s+crucial\s+role|game-changer|in\s+conclusion|a\s+stark\s+reminder|"
    r"the\s+path\s+(?:forward|ahead|to\s+peace)\s+(?:remains|seems|appears))\b",
    _I,
)

STOCK_TRIGGERS = (
    "delv", "tapestry", "testament", "underscor", "important", "worth noting", "today's", "navigat",
    "pivotal", "time will tell", "fraught", "at play", "ever-evolving", "embark", "world watches",
    "remains to be seen", "beacon", "crucial role", "game-changer", "in conclusion", "stark reminder",
    "the path",
)

# Spam verticals whose paragraphs get woven into unrelated articles (ARTIFACTS.md type 22).
SPAM_TERMS = re.compile(
    r"\b(?:online\s+casinos?|casino\s+bonus(?:es)?|sportsbook|betting\s+(?:odds|tips|site)|free\s+spins|"
    r"payday\s+loans?|viagra|cialis|without\s+(?:a\s+)?prescription|crypto\s+signals?|forex\s+signals?|"
    r"escort\s+services?|adult\s+dating|replica\s+watches|essay\s+writing\s+service|"
    r"buy\s+(?:instagram|tiktok|youtube|twitter)\s+(?:followers|likes|views)|keto\s+pills|cbd\s+gummies|"
    r"weight\s+loss\s+pills|instant\s+withdrawals?)\b",
    _I,
)

SPAM_TRIGGERS = (
    "casino", "sportsbook", "betting", "spins", "payday", "viagra", "cialis", "prescription", "crypto",
    "forex", "escort", "adult", "replica", "essay", "followers", "likes", "views", "keto", "cbd", "pills",
    "withdrawal",
)

# Words that cannot end an English sentence or follow each other directly (word salad signals).
_DANGLING_END = frozenset("the a an and or nor their its our your my whose".split())
_DETERMINERS = frozenset("the a an".split())
# Lists, code and markup have few function words too: sentences with these are not judged.
_NOT_IN_SALAD = frozenset(",;:|•()[]{}<>=/_@#*+\\")
_NOT_AFTER_DETERMINER = frozenset("the a an of and or to at by for with from is are was were".split())


def find_leaked_llm(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """Chatbot turn text outside quotations (ARTIFACTS.md type 5)."""
    return unquoted(find_patterns(LEAKED_LLM, tokens, triggered), tokens)


def find_seo_instructions(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """SEO-brief and checklist text outside quotations (ARTIFACTS.md type 6)."""
    return unquoted(find_patterns(SEO_INSTRUCTION, tokens, triggered), tokens)


def seo_vocabulary_count(text: str) -> int:
    """How many SEO terms ``text`` uses (the topic gate for leaked instructions)."""
    return sum(1 for _ in SEO_VOCABULARY.finditer(text))


def seo_vocabulary_counts(texts: Sequence[str]) -> list[int]:
    """:func:`seo_vocabulary_count` of each text, in one search over the texts joined by NUL:
    the pattern matches only letters and white space, so no match reaches across a NUL, and a
    word boundary at a NUL is one at the start or end of a text."""
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    counts = [0] * len(texts)
    for match in SEO_VOCABULARY.finditer("\0".join(texts)):
        counts[bisect_right(starts, match.start()) - 1] += 1
    return counts


def template_vocabulary_count(text: str) -> int:
    """How many templating terms ``text`` uses (the topic gate for placeholders)."""
    return sum(1 for _ in TEMPLATE_VOCABULARY.finditer(text))


def markup_vocabulary_count(text: str) -> int:
    """How many markup terms ``text`` uses (the topic gate for markup residue)."""
    return sum(1 for _ in MARKUP_VOCABULARY.finditer(text))


def find_placeholders(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """Unfilled template slots, spintax, lorem ipsum, shortcodes, TK (ARTIFACTS.md type 7)."""
    return find_patterns(PLACEHOLDER, tokens, triggered)


def find_markup(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """Markdown, HTML tags and entities left in plain text (ARTIFACTS.md type 8)."""
    return find_patterns(MARKUP, tokens, triggered)


@lru_cache(maxsize=1)
def _ftfy():
    # Imported on first use: only text with non-ASCII characters can carry mojibake.
    import ftfy

    return ftfy


def find_mojibake(tokens: Tokens) -> list[Span]:
    """Encoding damage (ARTIFACTS.md type 9): typical mis-decoded sequences ("â€™", "Ã©",
    "Ä"), which no correct English text contains, and otherwise the whole paragraph when ftfy's
    badness measure calls it bad. ASCII text has none and costs nothing."""
    text = tokens.text
    if text.isascii() or not _MOJIBAKE_LEAD.search(text):
        return []
    spans = [Span(m.start(), m.end(), "mojibake") for m in MOJIBAKE_SEQUENCE.finditer(text)]
    if not spans and _ftfy().badness.is_bad(text):
        spans = [Span(0, len(text), "mojibake")]
    return unquoted(spans, tokens)  # an article may quote mojibake to show it


def repair_mojibake(text: str) -> str:
    """ftfy's repair of ``text`` (encoding fixes only; quote style kept)."""
    return _ftfy().fix_encoding(text)


def find_hidden_characters(tokens: Tokens) -> list[Span]:
    """Invisible characters and words mixing Latin with Cyrillic or Greek letters (homoglyphs),
    ARTIFACTS.md type 10. A zero-width joiner between two emoji or symbols is legitimate."""
    text = tokens.text
    if text.isascii():
        return []
    spans = []
    for m in INVISIBLE.finditer(text):
        char = m.group()
        if char == "\u200d":
            before = text[m.start() - 1 : m.start()]
            after = text[m.end() : m.end() + 1]
            if before and after and not before.isalnum() and not after.isalnum():
                continue
        spans.append(Span(m.start(), m.end(), f"invisible {unicodedata.name(char, hex(ord(char)))}".lower()))
    if _NON_LATIN_LETTER.search(text):
        for start, word in zip(tokens.starts, tokens.words):
            if _NON_LATIN_LETTER.search(word) and _LATIN_LETTER.search(word):
                spans.append(Span(start, start + len(word), "mixed-script word"))
    spans.sort()
    return spans


def soft_hyphen_count(text: str) -> int:
    """Soft hyphens in ``text`` (a feature only: CMS hyphenation inserts them)."""
    return text.count(SOFT_HYPHEN)


def find_tortured_phrases(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """Known spun synonyms of fixed expressions outside quotations (ARTIFACTS.md type 11).
    The label names the expression the phrase replaced."""
    if not (any(t in tokens.gate for t in TORTURED_TRIGGERS) if triggered is None else triggered):
        return []
    spans = [
        Span(m.start(), m.end(), TORTURED_PHRASES[" ".join(m.group().lower().split())])
        for m in TORTURED.finditer(tokens.text)
    ]
    return unquoted(spans, tokens)


def find_stock_phrases(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """Wording over-used by chatbots, outside quotations (ARTIFACTS.md type 13)."""
    if not (any(t in tokens.gate for t in STOCK_TRIGGERS) if triggered is None else triggered):
        return []
    spans = [Span(m.start(), m.end(), " ".join(m.group().lower().split())) for m in STOCK_PHRASES.finditer(tokens.text)]
    return unquoted(spans, tokens)


def find_spam_terms(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """Spam-vertical terms (casino, pharma, loans, followers...), ARTIFACTS.md type 22."""
    if not (any(t in tokens.gate for t in SPAM_TRIGGERS) if triggered is None else triggered):
        return []
    return [Span(m.start(), m.end(), " ".join(m.group().lower().split())) for m in SPAM_TERMS.finditer(tokens.text)]


class SaladSignals(NamedTuple):
    """Sentence-level signs of word salad in one paragraph."""

    sentences: int  # sentences of four words or more
    anomalous: int  # sentences with at least one sign below
    spans: tuple[Span, ...]


def word_salad_signals(tokens: Tokens) -> SaladSignals:
    """Signs that a paragraph's sentences are not English syntax (ARTIFACTS.md type 14):
    a sentence that ends on an article, a conjunction or a possessive ("…of peace the."), an
    article followed by an article, preposition or auxiliary ("the of"), or eight or more words
    with almost no function words and no list punctuation ("synergy leverages holistic drone
    stakeholders…", ending with a full stop, with no list or code punctuation and few capitals).
    Without a language model these catch blatant salad only."""
    stop = stopwords()
    counted = anomalous = 0
    spans = []
    for (start, end), (lo, hi) in zip(tokens.sentences, tokens.sentence_word_ranges()):
        if hi - lo < 4:
            continue
        sentence = tokens.lower[lo:hi]
        counted += 1
        reason = ""
        if sentence[-1] in _DANGLING_END and tokens.text[end - 1 : end] in ".!?" and tokens.words[hi - 1][0].islower():
            reason = f"ends on '{sentence[-1]}'"
        elif not _DETERMINERS.isdisjoint(sentence):
            # the first article followed by an article, a preposition or an auxiliary
            for i in compress(range(len(sentence) - 1), map(_DETERMINERS.__contains__, sentence)):
                if sentence[i + 1] in _NOT_AFTER_DETERMINER:
                    reason = f"'{sentence[i]} {sentence[i + 1]}'"
                    break
        if (
            not reason
            and len(sentence) >= 8
            and tokens.text[end - 1 : end] in ".!?"
            and _NOT_IN_SALAD.isdisjoint(tokens.text[start:end])
            and sum(1 for w in tokens.words[lo:hi] if w[:1].isupper()) * 3 <= len(sentence)  # not names or a headline
            and safe_ratio(sum(map(stop.__contains__, sentence)), len(sentence)) < 0.12
        ):
            reason = "almost no function words"
        if reason:
            anomalous += 1
            spans.append(Span(start, end, reason))
    return SaladSignals(counted, anomalous, tuple(spans))


def topic_overlap(tokens: Tokens, document_counts: dict[str, int]) -> float:
    """Share of the paragraph's distinct content words that occur elsewhere in the document.

    ``document_counts`` maps each content word to the number of paragraphs it occurs in (the
    caller builds it once for the document). Low values mark a paragraph about something else.
    """
    own = _topic_words(tokens)
    if not own:
        return 0.0
    return sum(1 for w in own if document_counts.get(w, 0) > 1) / len(own)


def content_word_paragraph_counts(paragraphs: Sequence[Tokens]) -> dict[str, int]:
    """For each content word, the number of paragraphs it occurs in."""
    return Counter(chain.from_iterable(map(_topic_words, paragraphs)))


def _is_topic_word(word: str) -> bool:
    return word not in stopwords() and len(word) > 2 and word.isalpha()


# Whether a lower-cased word is a content word that can carry a topic (three letters or more).
TOPIC_WORD = WordTable(_is_topic_word)


def _topic_words(tokens: Tokens) -> set[str]:
    """The distinct content words of a paragraph (computed once per :class:`Tokens`)."""
    found = tokens.memo.get("topic_words")
    if found is None:
        lower = tokens.lower
        found = tokens.memo["topic_words"] = set(compress(lower, map(TOPIC_WORD.__getitem__, lower)))
    return found
