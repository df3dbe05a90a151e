"""Boilerplate left in the text: calls to action, page chrome, widgets, link lists, keyword dumps.

Scrapers and content mills leave interface text in articles: a closing "visit our site" pitch,
a section label, a byline or timestamp, a share bar, a cookie or newsletter box, "Read more"
links, affiliate buttons and tag lists (ARTIFACTS.md types 4, 15-19). Each finder returns the
spans it matched with a label; the decisions (position, length, role) are made by the rules in
``quality``. The lexicons were written for this project from the definitions and examples in
ARTIFACTS.md; each pattern is anchored or bounded so that it cannot backtrack catastrophically.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain, groupby
from typing import NamedTuple

from features.text import Lexicon, Span, Tokens, find_patterns, safe_ratio, stopwords, unquoted

_I = re.IGNORECASE

# A domain name with a commercial or generic top-level domain. .gov and .edu are left out on
# purpose: "visit cdc.gov for guidance" is a public-service notice, not a pitch (ARTIFACTS.md 15).
DOMAIN = (
    r"\b[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){0,3}"
    r"\.(?:com|net|org|info|biz|ph|co|io|news|xyz|bet|online|site|club|top|live|tv|me|blog|app|shop|store|in|uk|au|ca)\b"
    r"(?:/[^\s]{0,200})?"
)
URL = r"\bhttps?://[^\s<>\"]{1,2000}"

_CTA_VERB = (
    r"(?:visit|check\s+out|head\s+(?:over\s+)?to|log\s+on\s+to|stay\s+tuned\s+to|"
    r"follow|subscribe\s+to|sign\s+up\s+(?:at|on)|join|download|bookmark|read\s+more\s+(?:at|on))"
)
CALL_TO_ACTION = (
    Lexicon("call to action with a domain", ('http', '.com', '.net', '.org', '.info', '.biz', '.ph', '.co', '.io', '.news', '.xyz', '.bet', '.online', '.site', '.club', '.top', '.live', '.tv', '.me', '.blog', '.app', '.shop', '.store', '.in', '.uk', '.au', '.ca'), rf"\b{_CTA_VERB}\b[^.!?\n]{{0,60}}?(?:{DOMAIN}|{URL})", _I),
    Lexicon(
        "follow or join pitch",
        ('facebook', 'twitter', 'instagram', 'telegram', 'whatsapp', 'tiktok', 'youtube', 'linkedin', 'channel', 'page', 'newsletter', 'group', 'community'),
        r"\b(?:follow|join|subscribe\s+to|like)\s+(?:us|our)\b[^.!?\n]{0,40}?"
        r"\b(?:facebook|twitter|instagram|telegram|whatsapp|tiktok|youtube|linkedin|channel|page|newsletter|group|community)\b",
        _I,
    ),
    Lexicon(
        "reminder to share or subscribe",
        ('forget', 'sure'),
        r"\b(?:don['’]?t\s+forget|be\s+sure|make\s+sure)\s+to\s+"
        r"(?:share|subscribe|follow|like|comment|bookmark|hit\s+the|turn\s+on|sign\s+up)\b",
        _I,
    ),
    Lexicon("click here", ('click',), r"\bclick\s+(?:here|the\s+link\s+below|on\s+the\s+link)\b", _I),
    Lexicon(
        "stay tuned pitch",
        ('tuned',),
        r"\bstay\s+tuned\b[^.!?\n]{0,30}?\bfor\s+(?:more|the\s+latest|further)\b", _I,
    ),
)

# Whole-line section names that page chrome leaves before or after an article (ARTIFACTS.md 17).
SECTION_LABELS = frozenset(
    """world news politics business sport sports tech technology health opinion opinions
    lifestyle life style europe asia africa americas australia uk us u.s. latest trending
    uncategorized uncategorised entertainment science culture travel local national
    international economy markets finance money weather education environment climate crime
    analysis features editorial editorials video videos photos gallery podcast podcasts
    breaking top-stories home middle-east sci-tech arts books food music movies tv media
    world-news us-news uk-news global national-news""".split()
)
# Separators between section names ("World | Europe"); the parts are stripped of white space.
_LABEL_SPLIT_RE = re.compile(r"[|›»>/,·•]")

PAGE_METADATA = (
    Lexicon(
        "breadcrumb",
        ('›', '»', '>'),
        # A crumb is 1-30 characters that start and end with a non-space, or white space holding
        # a space (an empty crumb, as " > > " has); either way the white space around a
        # separator is matched in one way only, with no backtracking over it.
        r"^(?:\s*[\w&'’.\-](?:[\w&'’ .\-]{0,28}[\w&'’.\-])?|[^\S ]* )"
        r"(?:\s*[›»>](?:\s*[\w&'’.\-](?:[\w&'’ .\-]{0,28}[\w&'’.\-])?|[^\S ]* )){2,8}\s*$",
    ),
    Lexicon("byline", (), r"^\s*(?:by|written\s+by|words\s+by)\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}\b(?:$|\s*[|,·•\-–—])", leads=('by', 'written by', 'words by')),
    Lexicon("reading time", ('min',), r"\b\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b", _I),
    Lexicon(
        "timestamp",
        (),
        r"^\s*(?:updated|published|posted|last\s+updated|first\s+published)\b(?:\s+on)?\s*:?\s*"
        r"(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
        _I,
        leads=('updated', 'published', 'posted', 'last updated', 'first published'),
    ),
)

WIDGET = (
    Lexicon(
        "share bar",
        (),
        r"^\s*(?:share(?:\s+(?:this|on|via))?(?:\s+(?:article|story|post|page))?)\b[^\n]{0,80}?"
        r"\b(?:facebook|twitter|whatsapp|linkedin|e-?mail|copy\s+link|pinterest|reddit|telegram)\b",
        _I,
        leads=('share',),
    ),
    Lexicon(
        "cookie notice",
        ('cookie',),
        r"\b(?:we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|"
        r"you\s+(?:agree|consent)\s+to\s+(?:our\s+|the\s+)?use\s+of\s+cookies)\b",
        _I,
    ),
    Lexicon(
        "cookie buttons",
        (),
        # A row of consent buttons on a line of its own ("Accept all | Manage preferences");
        # the same words inside a sentence about cookie banners are prose.
        r"^\s*(?:(?:accept|reject|refuse)\s+all(?:\s+cookies)?|manage\s+(?:cookie\s+)?preferences|cookie\s+settings)"
        r"(?:\s*[|·/,]?\s*(?:(?:accept|reject|refuse)\s+all(?:\s+cookies)?|manage\s+(?:cookie\s+)?preferences|"
        r"cookie\s+settings|ok|got\s+it)){0,4}\s*$",
        _I,
        leads=('accept', 'reject', 'refuse', 'manage', 'cookie'),
    ),
    Lexicon(
        "newsletter box",
        ('newsletter', 'mail'),
        r"\b(?:(?:sign\s+up|subscribe)\s+(?:for|to)\s+(?:our|the)\s+[\w\s'’-]{0,30}?newsletter|"
        r"enter\s+your\s+e-?mail(?:\s+address)?|get\s+(?:our|the)\s+[\w\s'’-]{0,30}?newsletter\s+(?:in|delivered))\b",
        _I,
    ),
    Lexicon(
        "paywall prompt",
        ('subscri', 'sign in', 'account'),
        r"\b(?:subscribe\s+to\s+(?:continue|keep)\s+reading|already\s+a\s+subscriber|"
        r"sign\s+in\s+to\s+(?:continue|read)|create\s+a\s+free\s+account\s+to)\b",
        _I,
    ),
    Lexicon(
        "advertisement label",
        (),
        r"^\s*(?:advertisement|sponsored(?:\s+content)?|story\s+continues\s+below(?:\s+advertisement)?|"
        r"scroll\s+to\s+continue(?:\s+with\s+content)?|ad)\s*$",
        _I,
        leads=('ad', 'sponsored', 'story', 'scroll'),
    ),
    Lexicon(
        "script notice",
        ('javascript', 'browser'),
        r"\b(?:please\s+)?enable\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:disabled|required)\b|"
        r"\byour\s+browser\s+does\s+not\s+support\b",
        _I,
    ),
    Lexicon("photo credit line", (), r"^\s*\(?(?:photo|image|picture|credit)s?\s*(?:credit)?\s*:\s*[^\n]{1,80}$", _I, leads=('(', 'photo', 'image', 'picture', 'credit')),
)

RELATED_LINKS = (
    Lexicon(
        "related-links heading",
        (),
        r"^\s*(?:read\s+more|read\s+also|also\s+read|related(?:\s+(?:stories|articles|coverage|content|posts|news))?|"
        r"see\s+also|more\s+from\s+[\w .]{1,30}|more\s+stories|most\s+read|most\s+popular|trending\s+now|"
        r"recommended(?:\s+for\s+you)?|don['’]t\s+miss)\s*(?:$|[:\-–—»›|>])",
        _I,
        leads=('read', 'also', 'related', 'see', 'more', 'most', 'trending', 'recommended', 'don'),
    ),
    Lexicon("you may also like", (), r"^\s*you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)\b", _I, leads=('you',)),
    Lexicon(
        "pagination",
        (),
        r"^\s*(?:page\s+\d{1,4}\s+of\s+\d{1,4}|(?:next|previous|prev)\s+(?:page|article|post|story))\b[^\n]{0,60}$", _I,
        leads=('page', 'next', 'prev'),
    ),
)

AFFILIATE = (
    Lexicon(
        "affiliate disclosure",
        ('amazon', 'earn', 'affiliate', 'cost to you'),
        r"\b(?:as\s+an\s+amazon\s+associate|we\s+(?:may\s+)?earn\s+(?:a\s+)?(?:small\s+)?(?:commission|from\s+qualifying\s+purchases)|"
        r"(?:this|the)\s+(?:post|article|page)\s+(?:may\s+)?contains?\s+affiliate\s+links|affiliate\s+disclosure|"
        r"at\s+no\s+(?:extra|additional)\s+cost\s+to\s+you)\b",
        _I,
    ),
    Lexicon(
        "buy button",
        (),
        # A button is a short line of its own ("Check Price on Amazon →"), not "Buy now, pay later
        # services…" in a sentence.
        r"^\s*(?:check\s+(?:the\s+)?(?:latest\s+)?price|buy\s+now|view\s+deal|see\s+(?:the\s+)?latest\s+price|"
        r"add\s+to\s+cart|shop\s+now|get\s+(?:the\s+)?deal)\b(?!,)[^\n.!?]{0,30}$",
        _I,
        leads=('check', 'buy', 'view', 'see', 'add', 'shop', 'get'),
    ),
)

# Labels that introduce a keyword dump (ARTIFACTS.md type 4).
KEYWORD_LIST_PREFIX = re.compile(
    r"^\s*(?:tags|tagged|keywords|key\s+words|related\s+searches|popular\s+searches|related\s+tags|"
    r"topics|filed\s+under|categories|search\s+terms)\s*:",
    _I,
)
_DIGIT_RE = re.compile(r"\d")
# Below this many comma- or pipe-separated pieces a paragraph is not measured as a list.
MIN_LIST_ITEMS = 4
# A separator starts where a run of white space starts (the lookbehind), else every space of a
# long run would start a scan to its end.
_ITEM_SPLIT_RE = re.compile(r"[,;|•·]\s*|(?<!\s)\s+(?:[,;|•·]\s*|-\s+|and\s+)")


def find_calls_to_action(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """Promotional calls to action outside quotations (ARTIFACTS.md type 15)."""
    return unquoted(find_patterns(CALL_TO_ACTION, tokens, triggered), tokens)


def find_page_metadata(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """Breadcrumbs, bylines, reading times and timestamps (ARTIFACTS.md type 17)."""
    return find_patterns(PAGE_METADATA, tokens, triggered)


def find_widgets(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """Share bars, cookie, newsletter and paywall boxes, ad labels (ARTIFACTS.md type 18)."""
    return unquoted(find_patterns(WIDGET, tokens, triggered), tokens)


def find_related_links(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """"Read more" and related-article headings, pagination (ARTIFACTS.md type 19)."""
    return find_patterns(RELATED_LINKS, tokens, triggered)


def find_affiliate(tokens: Tokens, triggered: bool | None = None) -> list[Span]:
    """Affiliate disclosures and buy buttons (ARTIFACTS.md type 16)."""
    return unquoted(find_patterns(AFFILIATE, tokens, triggered), tokens)


# Page chrome split over lines, each item a paragraph of its own (or a few on one line, between
# pipes or bullets): a share bar under its head ("Share", then "Facebook", "X", "WhatsApp"), and
# a footer's links ("About us", "Careers", "Terms of use", "Privacy policy"). One such line is
# ordinary text; the run is the widget (ARTIFACTS.md type 18).
SHARE_HEADS = frozenset(
    {"share", "share this", "share this article", "share this story", "share this post", "share this page", "share on",
     "share via", "share the story", "share article", "share story", "follow us", "follow us on", "connect with us"}
)
SOCIAL_NAMES = frozenset(
    {"facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "mail", "pinterest", "reddit", "telegram",
     "instagram", "youtube", "tiktok", "threads", "bluesky", "mastodon", "flipboard", "messenger", "tumblr", "snapchat",
     "copy link", "copy", "print", "sms", "comments", "comment"}
)
FOOTER_CORPORATE = frozenset(
    {"about", "about us", "contact", "contact us", "advertise", "advertise with us", "advertising", "careers", "jobs",
     "work with us", "press", "newsletters", "subscribe", "rss", "sitemap", "site map", "help", "faq", "our team",
     "corrections", "masthead", "staff"}
)
FOOTER_LEGAL = frozenset(
    {"terms", "terms of use", "terms of service", "terms and conditions", "privacy", "privacy policy", "privacy notice",
     "cookie policy", "cookies", "cookie settings", "cookie preferences", "manage cookies", "accessibility", "legal",
     "imprint", "impressum", "disclaimer", "do not sell my personal information", "your privacy choices", "ethics policy"}
)
_CHROME_ITEM_STRIP = " \t-–—*+:.!"
_CHROME_MAX_CHARS = 120


def _chrome_items(text: str) -> list[str]:
    """The lower-cased items of a short line (split at pipes, bullets, slashes), or [] for a
    longer one."""
    if len(text) > _CHROME_MAX_CHARS:
        return []
    items = [" ".join(p.split()).strip(_CHROME_ITEM_STRIP).lower() for p in _LABEL_SPLIT_RE.split(text)]
    return [i for i in items if i]


def find_chrome_runs(texts: Sequence[str], roles: Sequence[str]) -> list[list[Span]]:
    """Per paragraph, a span over the whole paragraph when it belongs to a run of page chrome
    split over lines: a share bar (a head such as "Share" or "Follow us", then at least two
    lines of social networks or share buttons) or a footer's links (at least four items,
    corporate ones such as "Careers" and legal ones such as "Privacy policy" both). Headlines
    and quotations break a run. A list of social networks without a share head, or of legal
    pages alone (an article about what a website needs), is not a run."""

    def kind_of(index: int) -> str | None:
        items = lines[index]
        if items and all(i in SHARE_HEADS or i in SOCIAL_NAMES for i in items):
            return "share bar"
        if items and all(i in FOOTER_CORPORATE or i in FOOTER_LEGAL for i in items):
            return "footer links"
        return None

    lines = [_chrome_items(text) if role not in ("headline", "quote") else [] for text, role in zip(texts, roles)]
    found: list[list[Span]] = [[] for _ in texts]
    for kind, run in groupby(range(len(texts)), key=kind_of):
        run = list(run)
        items = [item for k in run for item in lines[k]]
        if kind == "share bar":
            accepted = items[0] in SHARE_HEADS and sum(1 for item in items if item in SOCIAL_NAMES) >= 2
        elif kind == "footer links":
            corporate = sum(1 for item in items if item in FOOTER_CORPORATE)
            accepted = len(items) >= 4 and corporate >= 1 and len(items) - corporate >= 1
        else:
            accepted = False
        if accepted:
            for k in run:
                found[k] = [Span(0, len(texts[k]), kind)]
    return found


def is_page_chrome(tokens: Tokens) -> bool:
    """True when a whole line is page chrome (a section label, byline, timestamp, breadcrumb,
    ad label, related-links heading, button): the document model does not take it for a
    heading, so the boilerplate rules can judge it."""
    return bool(
        section_label(tokens.text)
        or find_patterns(PAGE_METADATA, tokens)
        or find_patterns(WIDGET, tokens)
        or find_patterns(RELATED_LINKS, tokens)
        or find_patterns(AFFILIATE, tokens)
    )


def section_label(text: str) -> str:
    """The text itself (lower-cased) when every part of it is a section name ("world",
    "World | Europe"), else ""."""
    stripped = text.strip().strip(".:").lower()
    if not stripped or len(stripped) > 60:
        return ""
    parts = [p for p in map(str.strip, _LABEL_SPLIT_RE.split(stripped)) if p]
    if not parts or len(parts) > 4:
        return ""
    if all(p.replace(" ", "-") in SECTION_LABELS for p in parts):
        return stripped
    return ""


class ListShape(NamedTuple):
    """How much a paragraph looks like a list of keywords rather than a sentence."""

    items: int  # pieces between commas, semicolons, pipes, bullets and "and"
    words_per_item: float
    stopword_share: float
    prefix: str  # "Tags:" and the like, or ""
    title_case_item_share: float  # items that start with a capital (names, places)
    digit_item_share: float  # items with a digit (results, scores, prices)
    overlapping_item_share: float  # items sharing a word with another item (permutations)


def list_shape(tokens: Tokens) -> ListShape:
    """Measure the list shape of one paragraph (ARTIFACTS.md type 4). The item measures are
    taken only when the paragraph has at least :data:`MIN_LIST_ITEMS` pieces (prose has few)."""
    text = tokens.text
    stop = stopwords()
    stopword_share = safe_ratio(sum(map(stop.__contains__, tokens.lower)), len(tokens.lower))
    match = KEYWORD_LIST_PREFIX.match(text)
    if not match and sum(text.count(c) for c in ",;|•·") + 1 < MIN_LIST_ITEMS:
        # Too few separators to be a list ("and" alone joins at most a few items in prose).
        return ListShape(1, float(len(tokens.words)), stopword_share, "", 0.0, 0.0, 0.0)
    body = text[match.end():] if match else text
    items = [p.strip() for p in _ITEM_SPLIT_RE.split(body) if p.strip()]
    item_words = [set(p.lower().split()).difference(stop) for p in items]
    seen = Counter(chain.from_iterable(item_words))
    shared = {word for word, count in seen.items() if count > 1}  # words of more than one item
    return ListShape(
        items=len(items),
        words_per_item=safe_ratio(len(tokens.words), len(items)),
        stopword_share=stopword_share,
        prefix=match.group().strip() if match else "",
        title_case_item_share=safe_ratio(sum(1 for p in items if p[:1].isupper()), len(items)),
        digit_item_share=safe_ratio(sum(1 for p in items if _DIGIT_RE.search(p)), len(items)),
        overlapping_item_share=safe_ratio(sum(1 for bag in item_words if not shared.isdisjoint(bag)), len(items)),
    )


def measure(
    paragraphs: Sequence[Tokens],
    evidence: Sequence[dict[str, list[Span]]],
    shapes: Sequence[ListShape] | None = None,
) -> dict[str, float]:
    """Document-level boilerplate measures, from the per-paragraph evidence already found (and
    the list shapes, when the caller has them)."""
    if shapes is None:
        shapes = [list_shape(p) for p in paragraphs]
    n = len(paragraphs)
    values = {}
    for kind in ("call_to_action", "page_metadata", "widget", "related_links", "affiliate"):
        hit = sum(1 for e in evidence if e.get(kind))
        values[f"{kind}_paragraph_share"] = safe_ratio(hit, n)
    values["section_label_count"] = float(sum(1 for p in paragraphs if section_label(p.text)))
    stop_shares = [s.stopword_share for p, s in zip(paragraphs, shapes) if len(p.words) >= 6]
    values["low_stopword_paragraph_share"] = safe_ratio(sum(1 for s in stop_shares if s < 0.15), len(stop_shares))
    values["stopword_share"] = safe_ratio(
        sum(s.stopword_share * len(p.lower) for p, s in zip(paragraphs, shapes)), sum(len(p.lower) for p in paragraphs)
    )
    return values


NAMES = (
    "call_to_action_paragraph_share",
    "page_metadata_paragraph_share",
    "widget_paragraph_share",
    "related_links_paragraph_share",
    "affiliate_paragraph_share",
    "section_label_count",
    "low_stopword_paragraph_share",
    "stopword_share",
)
