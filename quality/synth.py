"""The default model's training data: real article text, and the same text made bad.

Nobody has labelled articles for "low quality" in the shared data, so the default model learns
from documents whose label follows from how they were made:

- **acceptable** (negative): real article text as published or curated by people: the 567
  OneStopEnglish texts (``readability-onestopenglish``) and the gold main text (``main_text``)
  of the 78 Readability test pages (``boilerplate-readability``). Each source gives an
  ``original`` variant (with a headline for about half of them: the page's own title, or a
  headline cut from the first sentence for OneStopEnglish, which has none) and an ``edited``
  variant: subheadings cut from the following paragraph and at most one *minor* blemish (a
  trailing section label, a byline or timestamp line, one or two stock chatbot phrases, a
  truncated last sentence, a lone "Advertisement" line, a few hidden characters). A single minor
  blemish does not make an article low-quality; the label is an assumption of this generator,
  not a human judgement.
- **low-quality** (positive), synthetic: two ``damaged`` variants of every source, each with one
  to three *major* artifacts of the kinds the core detects (plus up to two minor ones): repeated
  paragraph blocks, a repeated headline, leaked SEO-brief sentences, keyphrase stuffing (title,
  intro, subheadings, closing line), promotional calls to action with invented domains, page
  chrome (share bars, cookie and newsletter boxes, related links, bylines), boilerplate blocks
  taken from a real page's ``paragraph_labels`` marked "boilerplate", a keyword or tag list,
  chatbot turn text, template placeholders and spintax, mojibake (UTF-8 read as Windows-1252),
  markup residue, spun phrases, word salad (shuffled sentences) and off-topic spam paragraphs.
- **low-quality** (positive), real text: the ``page`` variant, every text block of a Readability
  page in page order (headline, navigation, footer and all), for the pages where blocks labelled
  "boilerplate" hold at least :data:`BOILERPLATE_HEAVY_SHARE` of the words. The label is derived
  mechanically from the data set's block labels.

All artifact wording (briefs, calls to action, chrome, spam, chatbot lines, domains) is written
here; only the boilerplate blocks come from the pages, and only in memory. Every variant of one
source shares a ``group`` (the OneStopEnglish topic, or the Readability page), so that grouped
cross-validation never tests on a variant of an article it trained on. The output is
deterministic for a given seed (one ``random.Random`` per source, seeded by the seed and the
source id). The corpus holds third-party text: it is built in memory by ``quality train
--default``, and ``python -m quality.synth -o FILE`` refuses to write inside the repository.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from features.text import sentences, stopwords

POSITIVE = "low-quality"
NEGATIVE = "acceptable"
SOURCES = {
    "onestopenglish": "readability-onestopenglish/onestopenglish.jsonl.gz",
    "readability": "boilerplate-readability/pages.jsonl.gz",
}
# A page is boilerplate-heavy (its full text a real low-quality example) when blocks labelled
# "boilerplate" hold at least this share of its words: about half of the 78 pages qualify.
BOILERPLATE_HEAVY_SHARE = 0.3
# Boilerplate blocks longer than this are skipped when pasting chrome into another text.
CHROME_BLOCK_MAX_WORDS = 40
DAMAGED_VARIANTS = 2
LEVEL_LINES = frozenset({"elementary", "intermediate", "advanced"})
REPO_ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------------------------------------
# Sources


@dataclass
class Source:
    """One real article: its paragraphs, a title if it has one, and its page's boilerplate."""

    id: str
    dataset: str
    group: str
    paragraphs: list[str]
    title: str | None = None
    boilerplate: list[list[str]] = field(default_factory=list)  # runs of consecutive chrome blocks
    blocks: list[str] | None = None  # every block of the page, in order
    boilerplate_share: float = 0.0


def load_sources(data_dir: str | Path) -> list[Source]:
    """The real articles of the shared data sets (OneStopEnglish, then Readability pages)."""
    data_dir = Path(data_dir)
    sources: list[Source] = []
    for record in _jsonl(data_dir / SOURCES["onestopenglish"]):
        paragraphs = _paragraphs(record["text"])
        # The intermediate texts open with their level's name on a line of its own, a label of
        # the corpus rather than article text.
        while paragraphs and paragraphs[0].lower() in LEVEL_LINES:
            paragraphs.pop(0)
        if len(paragraphs) >= 3:
            sources.append(Source(record["id"], "onestopenglish", f"ose:{record['topic_id']}", paragraphs))
    for record in _jsonl(data_dir / SOURCES["readability"]):
        paragraphs = _paragraphs(record["main_text"])
        labels = record.get("paragraph_labels", [])
        runs: list[list[str]] = []
        run: list[str] = []
        for block in labels:
            text = " ".join(block["text"].split())
            if block["label"] == "boilerplate" and text and len(text.split()) <= CHROME_BLOCK_MAX_WORDS:
                run.append(text)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        words_bp = sum(len(b["text"].split()) for b in labels if b["label"] == "boilerplate")
        words_all = sum(len(b["text"].split()) for b in labels)
        blocks = [" ".join(b["text"].split()) for b in labels if b["text"].strip()]
        sources.append(
            Source(
                record["id"],
                "readability",
                f"page:{record['id']}",
                paragraphs,
                title=" ".join((record.get("title") or "").split()) or None,
                boilerplate=[r for r in runs if len(r) >= 2],
                blocks=blocks,
                boilerplate_share=words_bp / words_all if words_all else 0.0,
            )
        )
    return sources


def _jsonl(path: Path) -> Iterable[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def source_hashes(data_dir: str | Path) -> dict[str, str]:
    """SHA-256 of each source file, for the card."""
    data_dir = Path(data_dir)
    return {name: hashlib.sha256((data_dir / rel).read_bytes()).hexdigest() for name, rel in SOURCES.items()}


# ---------------------------------------------------------------------------------------------
# A document being built


@dataclass
class Draft:
    """A plain-text document in parts: lines above the headline, the headline, the body (which
    may hold subheadings) and lines after the body."""

    headline: str | None
    body: list[str]
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = [*self.before, *([self.headline] if self.headline else []), *self.body, *self.after]
        return "\n".join(line for line in lines if line.strip())

    def body_indices(self) -> list[int]:
        """Indices of body paragraphs that are sentences (not subheadings)."""
        return [i for i, p in enumerate(self.body) if len(p.split()) >= 12]


@dataclass
class Context:
    """What artifact makers may use besides the draft: the source, a keyphrase, the pool of
    real boilerplate runs, and the random generator."""

    source: Source
    rng: random.Random
    chrome_pool: list[list[list[str]]]
    keyphrase: str = ""
    domain: str = ""
    brand: str = ""


# ---------------------------------------------------------------------------------------------
# Wording written for this generator


_BRAND_PARTS = (
    "daily", "news", "buzz", "hub", "trend", "world", "post", "wire", "pulse", "insider", "now", "today",
    "report", "line", "times", "zone", "feed", "viral", "scoop", "flash", "nation", "global", "mega", "info",
)
_TLDS = ("com", "net", "info", "news", "xyz", "online", "co", "site", "live", "ph", "io")
_FIRST_NAMES = ("Maria", "James", "Aisha", "Tom", "Priya", "Daniel", "Sofia", "Lucas", "Grace", "Omar", "Hannah", "Leo")
_LAST_NAMES = ("Reyes", "Carter", "Okafor", "Lindqvist", "Sharma", "Novak", "Bennett", "Moreau", "Hughes", "Kim")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_SECTIONS = ("world", "News", "politics", "Business", "Tech", "Health", "Sport", "Opinion", "Lifestyle", "Science", "Europe", "Asia")

_BRIEF = (
    "The exact {n} word keyphrase, {kp}, appears early in the article as the introduction sets out the story.",
    "Focus keyphrase: {kp}",
    "Meta description: {Kp} explained, with the latest facts and what comes next.",
    "Make sure to include the focus keyword {kp} in the first paragraph and in at least one subheading.",
    "This article should be approximately {words} words long and mention the target keyphrase {kp} {times} times.",
    "SEO title: {Title} | {Brand}",
    "Keep the keyword density for {kp} between 1 and 2 percent.",
    "Primary keyword: {kp}. Secondary keywords: {w1}, {w2}, {w3}.",
    "URL slug: /{slug}/",
    "Use the main keyphrase {kp} in the conclusion and link to a related post.",
    "Word count: at least {words} words, written in a friendly tone.",
    "The target keyword, {kp}, should also appear in the image alt text.",
)
_CTA = (
    "For more updates on {kp}, visit {domain}.",
    "Read the full story and more news about {kp} at {domain}.",
    "Follow us on Telegram for breaking news about {kp}.",
    "Don't forget to subscribe to our newsletter for daily updates on {kp}!",
    "Click here to learn more about {kp} and similar stories.",
    "Stay tuned for more on {kp} and other top stories.",
    "Download the {Brand} app at {domain} to get the latest on {kp}.",
    "Check out {domain} for exclusive coverage of {kp}.",
    "Join our WhatsApp community for instant alerts on {kp}.",
    "Be sure to share this article with your friends and family.",
)
_STUFFED_TITLES = ("{KP}: What You Need to Know", "{KP} News and Latest Updates", "Everything About {KP} Explained", "{KP} in {year}: Key Facts", "Why {KP} Matters Now")
_STUFFED_SUBHEADINGS = ("Why {KP} Matters", "{KP}: The Background", "What Comes Next for {KP}", "Key Facts About {KP}", "{KP} at a Glance", "Experts on {KP}")
_STUFFED_SENTENCES = (
    "This is why {kp} matters to so many people.",
    "Experts say {kp} will remain an important issue.",
    "The debate over {kp} continues to grow.",
    "Many readers want to know more about {kp}.",
    "{Kp} is now at the centre of attention.",
    "The latest news on {kp} shows how much is at stake.",
    "Observers are watching {kp} closely.",
)
_STUFFED_CLOSINGS = ("Stay with us for everything about {kp}.", "That is the latest on {kp}.", "We will keep you updated on {kp}.")
_CHATBOT_OPENINGS = (
    "Certainly! Here is a rewritten version of the article:",
    "Sure, here's a revised news article based on your notes:",
    "Here is the rewritten article in a neutral news style:",
    "Absolutely! Here is a longer version of the story about {kp}:",
)
_CHATBOT_CLOSINGS = (
    "I hope this helps! Let me know if you would like any changes to the tone or length.",
    "Feel free to ask if you need a shorter version or a different headline.",
    "Let me know if you'd like me to add quotes or statistics.",
    "Is there anything else I can help you with?",
)
_CHATBOT_MIDDLE = (
    "As an AI language model, I cannot confirm the latest figures, but the situation appears to be developing.",
    "As of my last knowledge update, no final decision had been announced.",
    "I don't have access to real-time information, so some details may have changed.",
)
_PLACEHOLDERS = (
    "[Insert link to related article]",
    "{{keyword}}",
    "{city}",
    "%%sitename%%",
    "[insert quote from expert]",
    "{{company_name}}",
    "[Your Company Name]",
    "[TK]",
    "%%title%%",
)
_SPINTAX = ("{best|top|finest}", "{important|crucial|key}", "{said|stated|claimed}", "{big|large|huge}")
_SPAM = (
    "Looking for the best online casino this season? {Brand} offers free spins, a generous casino bonus and instant withdrawals on every game.",
    "Need cash fast? Get payday loans approved in minutes with no credit checks at {domain}.",
    "Grow your profile overnight: buy Instagram followers and TikTok likes at the lowest prices on {domain}.",
    "Order cheap viagra and cialis online without a prescription from our trusted partner pharmacy.",
    "Our sportsbook has the best betting odds and free betting tips for every match this weekend.",
    "Lose weight quickly with our keto pills and CBD gummies, shipped free worldwide.",
    "Get professional help from the number one essay writing service, available around the clock.",
    "Join thousands of traders using our crypto signals and forex signals for daily profits.",
)
_STOCK = (
    "This development underscores the complex dynamics at play.",
    "Only time will tell how the situation will unfold.",
    "It is worth noting that the story is far from over.",
    "The path forward remains fraught with challenges.",
    "As the world watches, the stakes could not be higher.",
    "It remains to be seen what happens next.",
    "The episode stands as a testament to changing times.",
)
_WIDGETS = (
    "Share this article: Facebook Twitter WhatsApp Email",
    "Advertisement",
    "Sign up for our {Brand} newsletter",
    "We use cookies to improve your experience. Accept all cookies",
    "Story continues below advertisement",
    "Subscribe to continue reading",
    "Share on Facebook Share on Twitter Copy link",
    "Enter your email address",
)
_RELATED = ("Read more: {Title}", "Related stories", "You may also like", "Next article", "Most popular", "Recommended for you", "More from {Brand}")
_AFFILIATE = (
    "As an Amazon Associate, we earn from qualifying purchases.",
    "This post contains affiliate links.",
    "Check price on Amazon",
    "View deal",
)
_SPUN = {
    "prime minister": "head administrator",
    "foreign minister": "unfamiliar pastor",
    "social media": "web-based media",
    "artificial intelligence": "counterfeit consciousness",
    "united states": "joined together states",
    "united nations": "joined together countries",
    "peace talks": "harmony talks",
    "big data": "colossal information",
    "defence minister": "protection minister",
    "cloud computing": "haze figuring",
    "deep learning": "profound learning",
    "breast cancer": "bosom peril",
    "search engines": "search engines like google and yahoo",
}
_HOMOGLYPHS = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441"}
_QUERY_SUFFIXES = ("news", "latest", "today", "update", "2024", "2025", "near me", "live", "explained", "price", "review")


# ---------------------------------------------------------------------------------------------
# Helpers


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title_case(text: str) -> str:
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "as", "from"}
    out = []
    for i, word in enumerate(text.split()):
        out.append(word if (i and word.lower() in small) or word[:1].isupper() else _cap(word))
    return " ".join(out)


def headline_from(paragraph: str, max_words: int = 10) -> str:
    """A headline cut from a paragraph's first sentence: its first clause, up to ``max_words``
    words, without trailing function words or punctuation, in Title Case."""
    first = (sentences(paragraph) or [paragraph])[0]
    clause = re.split(r"[,;:–—(]", first)[0]
    words = clause.split()[:max_words]
    stop = stopwords()
    while len(words) > 3 and (words[-1].lower().strip(".!?\"'’”") in stop):
        words.pop()
    return _title_case(" ".join(words).strip(" .!?\"'’”“")) or "News"


def pick_keyphrase(paragraphs: list[str], rng: random.Random) -> str:
    """The article's most frequent two-word phrase of content words (else its commonest word)."""
    stop = stopwords()
    pairs: Counter = Counter()
    singles: Counter = Counter()
    for paragraph in paragraphs:
        tokens = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", paragraph)]
        for a, b in zip(tokens, tokens[1:]):
            if a not in stop and b not in stop and len(a) > 2 and len(b) > 2:
                pairs[(a, b)] += 1
        singles.update(w for w in tokens if w not in stop and len(w) > 3)
    common = [p for p, n in pairs.most_common(3) if n >= 2]
    if common:
        return " ".join(rng.choice(common))
    if singles:
        return singles.most_common(1)[0][0] + " news"
    return "latest news"


def make_brand(rng: random.Random) -> tuple[str, str]:
    parts = rng.sample(_BRAND_PARTS, 2)
    brand = "".join(p.capitalize() for p in parts)
    domain = (brand if rng.random() < 0.5 else brand.lower()) + "." + rng.choice(_TLDS)
    return brand, domain


def _fill(template: str, ctx: Context, title: str | None = None) -> str:
    kp = ctx.keyphrase
    words = [w for w in kp.split()] + ["guide", "tips", "facts"]
    return template.format(
        kp=kp,
        Kp=_cap(kp),
        KP=_title_case(kp),
        domain=ctx.domain,
        Brand=ctx.brand,
        Title=title or _title_case(kp),
        n=ctx.rng.choice(("two", "three", "four")),
        words=ctx.rng.choice((600, 800, 1000, 1200, 1500)),
        times=ctx.rng.choice((4, 5, 6, 8)),
        w1=f"{kp} {ctx.rng.choice(_QUERY_SUFFIXES)}",
        w2=f"{words[0]} {ctx.rng.choice(_QUERY_SUFFIXES)}",
        w3=f"best {words[-1]}",
        slug=kp.replace(" ", "-"),
        year=ctx.rng.choice((2024, 2025)),
    )


def _date(rng: random.Random) -> str:
    return f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.choice((2023, 2024, 2025))}"


def _insert_sentence(paragraph: str, sentence: str, rng: random.Random) -> str:
    parts = sentences(paragraph) or [paragraph]
    at = rng.randint(0, len(parts))
    return " ".join(parts[:at] + [sentence] + parts[at:])


def _ensure_headline(draft: Draft, ctx: Context) -> None:
    if not draft.headline:
        draft.headline = ctx.source.title or headline_from(draft.body[0])


# ---------------------------------------------------------------------------------------------
# Major artifacts: each one alone makes a document low-quality


def duplicate_block(draft: Draft, ctx: Context) -> str:
    """A run of paragraphs printed twice (a concatenation or pagination bug)."""
    n = len(draft.body)
    size = ctx.rng.randint(2, max(2, min(6, n // 2)))
    start = ctx.rng.randint(0, max(0, n - size))
    block = draft.body[start : start + size]
    at = n if ctx.rng.random() < 0.6 else start + size
    draft.body[at:at] = block
    return "duplicate_block"


def repeated_headline(draft: Draft, ctx: Context) -> str:
    """The headline printed again above the body (title and h1 both captured), sometimes with a
    summary paragraph above it (an excerpt field emitted first)."""
    _ensure_headline(draft, ctx)
    draft.body.insert(0, draft.headline)
    if ctx.rng.random() < 0.5 and draft.body_indices():
        first = draft.body[draft.body_indices()[0]]
        draft.before.append(" ".join((sentences(first) or [first])[:2]))
    return "repeated_headline"


def leaked_brief(draft: Draft, ctx: Context) -> str:
    """One to three sentences of an SEO brief left in the text."""
    for template in ctx.rng.sample(_BRIEF, ctx.rng.randint(1, 3)):
        sentence = _fill(template, ctx, draft.headline)
        indices = draft.body_indices()[:3] or [0]
        i = ctx.rng.choice(indices)
        if ctx.rng.random() < 0.5:
            draft.body[i] = _insert_sentence(draft.body[i], sentence, ctx.rng)
        else:
            draft.body.insert(i, sentence)
    return "leaked_brief"


def keyphrase_stuffing(draft: Draft, ctx: Context) -> str:
    """One exact phrase in the title, the intro, subheadings, many paragraphs and the closing
    line, the way an SEO checklist asks for it."""
    rng = ctx.rng
    draft.headline = _fill(rng.choice(_STUFFED_TITLES), ctx)
    body = draft.body_indices()
    if body:
        draft.body[body[0]] = _insert_sentence(draft.body[body[0]], _fill(rng.choice(_STUFFED_SENTENCES), ctx), rng)
    for i in body[1:]:
        if rng.random() < 0.6:
            draft.body[i] = _insert_sentence(draft.body[i], _fill(rng.choice(_STUFFED_SENTENCES), ctx), rng)
    headings = rng.sample(_STUFFED_SUBHEADINGS, min(len(_STUFFED_SUBHEADINGS), rng.randint(1, 3)))
    for heading in headings:
        at = rng.randint(1, max(1, len(draft.body) - 1))
        draft.body.insert(at, _fill(heading, ctx))
    closing = _fill(rng.choice(_STUFFED_CLOSINGS + _CTA[:3]), ctx)
    draft.after.append(closing)
    return "keyphrase_stuffing"


def call_to_action(draft: Draft, ctx: Context) -> str:
    """A closing pitch for the publishing site, a channel or an app (one or two lines)."""
    for template in ctx.rng.sample(_CTA, ctx.rng.randint(1, 2)):
        line = _fill(template, ctx)
        if ctx.rng.random() < 0.7 or not draft.body:
            draft.after.append(line)
        else:
            i = ctx.rng.choice(draft.body_indices() or [len(draft.body) - 1])
            draft.body[i] = _insert_sentence(draft.body[i], line, ctx.rng)
    return "call_to_action"


def page_chrome(draft: Draft, ctx: Context) -> str:
    """Interface text written for this generator: bylines, share bars, cookie and newsletter
    boxes, related links, affiliate lines, in clusters at the top, the bottom or both."""
    rng = ctx.rng
    name = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
    top = [f"By {name} | Updated {_date(rng)}", f"{rng.randint(2, 12)} min read", f"Home › {_cap(rng.choice(_SECTIONS))} › {_cap(rng.choice(_SECTIONS))}", f"Published {_date(rng)} {rng.randint(1, 12)}:{rng.randint(0, 59):02d} pm"]
    bottom = [_fill(t, ctx, draft.headline) for t in (*_WIDGETS, *_RELATED, *_AFFILIATE)]
    where = rng.choice(("top", "bottom", "both"))
    if where in ("top", "both"):
        draft.body[0:0] = rng.sample(top, rng.randint(1, 3)) + rng.sample(bottom, rng.randint(0, 2))
    if where in ("bottom", "both"):
        draft.after.extend(rng.sample(bottom, rng.randint(3, 6)))
    return "page_chrome"


def real_boilerplate(draft: Draft, ctx: Context) -> str:
    """Runs of blocks labelled "boilerplate" on a real page (its own page when the source is a
    Readability page, a random page otherwise), pasted above and/or below the article."""
    rng = ctx.rng
    own = ctx.source.boilerplate
    pool = own if own and rng.random() < 0.7 else rng.choice(ctx.chrome_pool)
    runs = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
    for run in runs:
        start = rng.randint(0, max(0, len(run) - 3))
        piece = run[start : start + rng.randint(3, 12)]
        if rng.random() < 0.5:
            draft.body[0:0] = piece
        else:
            draft.after.extend(piece)
    return "real_boilerplate"


def keyword_list(draft: Draft, ctx: Context) -> str:
    """A tag line or a dump of search-query permutations."""
    rng = ctx.rng
    stop = stopwords()
    words = [w.lower() for p in draft.body for w in re.findall(r"[A-Za-z]{4,}", p) if w.lower() not in stop]
    common = [w for w, _ in Counter(words).most_common(12)] or ["news"]
    if rng.random() < 0.5:
        tags = [ctx.keyphrase] + rng.sample(common, min(len(common), rng.randint(4, 8)))
        line = "Tags: " + ", ".join(tags)
    else:
        queries = [f"{rng.choice([ctx.keyphrase, *common])} {rng.choice(_QUERY_SUFFIXES)}" for _ in range(rng.randint(6, 12))]
        line = " ".join(queries)
    draft.after.append(line)
    return "keyword_list"


def chatbot_text(draft: Draft, ctx: Context) -> str:
    """A chatbot's turn around (or inside) the article."""
    rng = ctx.rng
    choice = rng.random()
    if choice < 0.45:
        draft.before.append(_fill(rng.choice(_CHATBOT_OPENINGS), ctx))
    if choice > 0.3:
        draft.after.append(rng.choice(_CHATBOT_CLOSINGS))
    if rng.random() < 0.35:
        i = rng.choice(draft.body_indices() or [0])
        draft.body[i] = _insert_sentence(draft.body[i], rng.choice(_CHATBOT_MIDDLE), rng)
    return "chatbot_text"


def placeholders(draft: Draft, ctx: Context) -> str:
    """Unfilled template slots and spintax in a few sentences."""
    rng = ctx.rng
    indices = draft.body_indices() or list(range(len(draft.body)))
    for _ in range(rng.randint(1, 4)):
        i = rng.choice(indices)
        slot = rng.choice(_PLACEHOLDERS + _SPINTAX)
        words = draft.body[i].split()
        at = rng.randint(1, max(1, len(words) - 1))
        draft.body[i] = " ".join(words[:at] + [slot] + words[at:])
    return "placeholders"


def mojibake(draft: Draft, ctx: Context) -> str | None:
    """UTF-8 text read as Windows-1252, in a third of the paragraphs or all of them."""
    rng = ctx.rng
    indices = draft.body_indices() or list(range(len(draft.body)))
    chosen = indices if rng.random() < 0.5 else rng.sample(indices, max(1, len(indices) // 3))
    changed = False
    for i in chosen:
        text = typographic(draft.body[i])
        if text.isascii():  # nothing to damage: print one clause break as a dash, as a CMS would
            text = text.replace(", ", " – ", 1)
        damaged = damage_encoding(text)
        changed = changed or damaged != draft.body[i]
        draft.body[i] = damaged
    return "mojibake" if changed else None


def typographic(text: str) -> str:
    """Curly apostrophes and quotes, and en dashes, for straight ones (as a CMS would print)."""
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r'"(?=\w)', "“", text)
    text = text.replace('"', "”")
    return text.replace(" - ", " – ")


def damage_encoding(text: str) -> str:
    """``text`` encoded as UTF-8 and decoded as Windows-1252 (undefined bytes as Latin-1)."""
    out = []
    for char in text:
        if ord(char) < 128:
            out.append(char)
            continue
        for byte in char.encode("utf-8"):
            try:
                out.append(bytes([byte]).decode("cp1252"))
            except UnicodeDecodeError:
                out.append(bytes([byte]).decode("latin-1"))
    return "".join(out)


def markup_residue(draft: Draft, ctx: Context) -> str:
    """Markdown and HTML left unrendered in several paragraphs."""
    rng = ctx.rng
    indices = draft.body_indices() or list(range(len(draft.body)))
    for _ in range(rng.randint(3, 6)):
        i = rng.choice(indices)
        paragraph = draft.body[i]
        kind = rng.randrange(5)
        words = paragraph.split()
        if kind == 0:
            draft.body[i] = f"<p>{paragraph}</p>"
        elif kind == 1 and len(words) > 4:
            a = rng.randint(0, len(words) - 3)
            words[a] = "**" + words[a]
            words[a + 1] = words[a + 1] + "**"
            draft.body[i] = " ".join(words)
        elif kind == 2:
            draft.body[i] = paragraph.replace(" ", "&nbsp;", 1).replace(", ", ",&nbsp;", 2)
        elif kind == 3:
            draft.body.insert(i, "## " + headline_from(paragraph, 6))
        else:
            draft.body[i] = paragraph + f" [Read more](https://{ctx.domain}/{ctx.keyphrase.replace(' ', '-')})"
    return "markup_residue"


def spun_phrases(draft: Draft, ctx: Context) -> str | None:
    """Fixed expressions replaced by spinner synonyms (only when the article has them)."""
    replaced = False
    for i, paragraph in enumerate(draft.body):
        for original, spun in _SPUN.items():
            pattern = re.compile(rf"\b{re.escape(original)}\b", re.IGNORECASE)
            if pattern.search(paragraph):
                paragraph = pattern.sub(spun, paragraph)
                replaced = True
        draft.body[i] = paragraph
    return "spun_phrases" if replaced else None


def word_salad(draft: Draft, ctx: Context) -> str:
    """Paragraphs whose sentences are shuffled words."""
    rng = ctx.rng
    indices = draft.body_indices() or list(range(len(draft.body)))
    for i in rng.sample(indices, min(len(indices), rng.randint(1, 3))):
        out = []
        for sentence in sentences(draft.body[i]) or [draft.body[i]]:
            words = sentence.rstrip(".!?").split()
            rng.shuffle(words)
            words = [w.lower() if w[:1].isupper() and w.lower() in stopwords() else w for w in words]
            out.append(_cap(" ".join(words)) + ".")
        draft.body[i] = " ".join(out)
    return "word_salad"


def off_topic_spam(draft: Draft, ctx: Context) -> str:
    """A spam-vertical paragraph woven into the article."""
    rng = ctx.rng
    for template in rng.sample(_SPAM, rng.randint(1, 2)):
        at = rng.randint(1, max(1, len(draft.body)))
        draft.body.insert(at, _fill(template, ctx))
    return "off_topic_spam"


def hidden_characters_many(draft: Draft, ctx: Context) -> str:
    """Zero-width characters and Cyrillic homoglyphs inside many words (cloaked keywords)."""
    _hide(draft, ctx, ctx.rng.randint(8, 20))
    return "hidden_characters"


MAJOR: dict[str, Callable[[Draft, Context], str | None]] = {
    "duplicate_block": duplicate_block,
    "repeated_headline": repeated_headline,
    "leaked_brief": leaked_brief,
    "keyphrase_stuffing": keyphrase_stuffing,
    "call_to_action": call_to_action,
    "page_chrome": page_chrome,
    "real_boilerplate": real_boilerplate,
    "keyword_list": keyword_list,
    "chatbot_text": chatbot_text,
    "placeholders": placeholders,
    "mojibake": mojibake,
    "markup_residue": markup_residue,
    "spun_phrases": spun_phrases,
    "word_salad": word_salad,
    "off_topic_spam": off_topic_spam,
    "hidden_characters": hidden_characters_many,
}


# ---------------------------------------------------------------------------------------------
# Minor blemishes: one alone leaves a document acceptable


def section_label(draft: Draft, ctx: Context) -> str:
    label = ctx.rng.choice(_SECTIONS)
    if ctx.rng.random() < 0.3:
        label = f"{_cap(label)} | {_cap(ctx.rng.choice(_SECTIONS))}"
    (draft.after if ctx.rng.random() < 0.7 else draft.before).append(label)
    return "section_label"


def byline(draft: Draft, ctx: Context) -> str:
    rng = ctx.rng
    line = rng.choice((f"By {rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}", f"Updated {_date(rng)}", f"{rng.randint(2, 9)} min read"))
    draft.body.insert(0, line)
    return "byline"


def stock_phrases(draft: Draft, ctx: Context) -> str:
    for sentence in ctx.rng.sample(_STOCK, ctx.rng.randint(1, 2)):
        i = ctx.rng.choice(draft.body_indices() or [len(draft.body) - 1])
        draft.body[i] = _insert_sentence(draft.body[i], sentence, ctx.rng)
    return "stock_phrases"


def truncated_ending(draft: Draft, ctx: Context) -> str:
    words = draft.body[-1].split()
    if len(words) > 8:
        cut = ctx.rng.randint(len(words) // 2, len(words) - 2)
        draft.body[-1] = " ".join(words[:cut]).rstrip(".,;:!?") + ("…" if ctx.rng.random() < 0.3 else "")
    return "truncated_ending"


def advertisement_label(draft: Draft, ctx: Context) -> str:
    draft.body.insert(ctx.rng.randint(1, max(1, len(draft.body) - 1)), ctx.rng.choice(("Advertisement", "ADVERTISEMENT", "Sponsored")))
    return "advertisement_label"


def hidden_characters_few(draft: Draft, ctx: Context) -> str:
    _hide(draft, ctx, ctx.rng.randint(1, 2))
    return "hidden_characters_few"


def _hide(draft: Draft, ctx: Context, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        i = rng.randrange(len(draft.body))
        words = draft.body[i].split()
        candidates = [k for k, w in enumerate(words) if len(w) > 4 and w.isalpha()]
        if not candidates:
            continue
        k = rng.choice(candidates)
        word = words[k]
        if rng.random() < 0.5:
            at = rng.randint(1, len(word) - 1)
            words[k] = word[:at] + rng.choice(("\u200b", "\u200c", "\u2060")) + word[at:]
        else:
            words[k] = "".join(_HOMOGLYPHS.get(c, c) if j == 1 else c for j, c in enumerate(word))
        draft.body[i] = " ".join(words)


MINOR: dict[str, Callable[[Draft, Context], str | None]] = {
    "section_label": section_label,
    "byline": byline,
    "stock_phrases": stock_phrases,
    "truncated_ending": truncated_ending,
    "advertisement_label": advertisement_label,
    "hidden_characters_few": hidden_characters_few,
}


# ---------------------------------------------------------------------------------------------
# Variants


def add_subheadings(draft: Draft, rng: random.Random) -> None:
    """Subheadings every three to five paragraphs, cut from the paragraph that follows them."""
    out: list[str] = []
    next_at = rng.randint(2, 4)
    for i, paragraph in enumerate(draft.body):
        if i == next_at and len(paragraph.split()) >= 12 and i < len(draft.body) - 1:
            out.append(headline_from(paragraph, rng.randint(4, 7)))
            next_at = i + rng.randint(3, 5)
        elif i == next_at:
            next_at += 1
        out.append(paragraph)
    draft.body = out


def _base(source: Source, rng: random.Random, excerpt: bool = True) -> Draft:
    """The source as a draft: half with a headline; with ``excerpt``, half of them cut after a
    random paragraph (at least 40%), so that length says nothing about the label."""
    headline = None
    if rng.random() < 0.5:
        headline = source.title or headline_from(source.paragraphs[0])
    paragraphs = list(source.paragraphs)
    if excerpt and rng.random() < 0.5:
        keep = rng.randint(min(len(paragraphs), max(3, math.ceil(0.4 * len(paragraphs)))), len(paragraphs))
        paragraphs = paragraphs[:keep]
    return Draft(headline, paragraphs)


def _context(source: Source, rng: random.Random, chrome_pool: list) -> Context:
    brand, domain = make_brand(rng)
    return Context(source, rng, chrome_pool, pick_keyphrase(source.paragraphs, rng), domain, brand)


def variants(source: Source, seed: int, chrome_pool: list) -> list[dict]:
    """The variants of one source (see the module docstring)."""
    rng = random.Random(f"{seed}:{source.id}")
    ctx = _context(source, rng, chrome_pool)
    out = []

    def emit(kind: str, draft: Draft, label: str, artifacts: list[str], synthetic: bool) -> None:
        out.append(
            {
                "id": f"{source.id}:{kind}",
                "group": source.group,
                "source_id": source.id,
                "dataset": source.dataset,
                "variant": kind,
                "label": label,
                "synthetic_label": synthetic,
                "artifacts": artifacts,
                "text": draft.text(),
            }
        )

    emit("original", _base(source, rng, excerpt=False), NEGATIVE, [], False)

    edited = _base(source, rng)
    if rng.random() < 0.5:
        add_subheadings(edited, rng)
    blemishes = []
    if rng.random() < 0.7:
        name = rng.choice(sorted(MINOR))
        blemishes.append(MINOR[name](edited, ctx))
    emit("edited", edited, NEGATIVE, blemishes, True)

    for k in range(DAMAGED_VARIANTS):
        draft = _base(source, rng)
        if rng.random() < 0.3:
            add_subheadings(draft, rng)
        applied: list[str] = []
        wanted = rng.choices((1, 2, 3), weights=(0.4, 0.35, 0.25))[0]
        for name in rng.sample(sorted(MAJOR), len(MAJOR)):
            if len(applied) == wanted:
                break
            result = MAJOR[name](draft, ctx)
            if result:
                applied.append(result)
        for name in rng.sample(sorted(MINOR), rng.choice((0, 0, 1, 2))):
            applied.append(MINOR[name](draft, ctx))
        emit(f"damaged-{k + 1}", draft, POSITIVE, applied, True)

    if source.blocks and source.boilerplate_share >= BOILERPLATE_HEAVY_SHARE:
        emit("page", Draft(None, list(source.blocks)), POSITIVE, ["full_page_text"], False)
    return out


def build_corpus(data_dir: str | Path, seed: int = 0) -> list[dict]:
    """Every variant of every source, in a fixed order."""
    sources = load_sources(data_dir)
    chrome_pool = [s.boilerplate for s in sources if s.boilerplate]
    records = []
    for source in sources:
        records.extend(variants(source, seed, chrome_pool))
    return records


def corpus_sha256(records: Iterable[dict]) -> str:
    """SHA-256 of the corpus as canonical JSON lines (what ``python -m quality.synth`` writes)."""
    digest = hashlib.sha256()
    for record in records:
        digest.update((json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    return digest.hexdigest()


def describe(records: list[dict], data_dir: str | Path, seed: int) -> dict:
    """How the corpus was made, for the model card."""
    by_variant = Counter((r["variant"].split("-")[0], r["label"]) for r in records)
    artifacts = Counter(a for r in records for a in r["artifacts"])
    return {
        "generator": "quality.synth (seed %d)" % seed,
        "sources": {name: f"../shared/data/{rel}" for name, rel in SOURCES.items()},
        "source_sha256": source_hashes(data_dir),
        "variants": {f"{v} ({label})": n for (v, label), n in sorted(by_variant.items())},
        "artifacts applied": dict(sorted(artifacts.items())),
        "synthetic labels": (
            "'edited' (acceptable: real text plus at most one minor blemish) and 'damaged' (low-quality: "
            "real text plus one to three major artifacts written by quality.synth) are synthetic; "
            "'original' (acceptable) is real text whose label is assumed, not judged; "
            "'page' (low-quality) is a real page's full text, labelled from the data set's block labels "
            f"(boilerplate >= {BOILERPLATE_HEAVY_SHARE:.0%} of words)"
        ),
        "groups": "one per OneStopEnglish topic (its three reading levels) and one per Readability page",
        "limitations": LIMITATIONS,
    }


LIMITATIONS = (
    "The labels follow from how each document was made, not from a reader's judgement. "
    "The model can only learn artifacts the core measures: damage the features miss (some word salad, "
    "short runs of navigation words) becomes label noise. Most acceptable texts are OneStopEnglish "
    "news rewritten for learners, so long words and uncommon vocabulary raise the score a little. "
    "Technical pages (code, formulas, tables as plain lines) look like page chrome and score high. "
    "English news and blog articles only; reviews, forum posts and fiction are out of scope."
)

DESCRIPTION = (
    "Generated by quality.synth from ../shared/data (never written to the repository). Acceptable: "
    "real article text (OneStopEnglish texts at three reading levels; the gold main text of the "
    "Readability test pages), as published ('original', half with a headline) or lightly edited "
    "('edited': subheadings and at most one minor blemish such as a trailing section label, a byline, "
    "a stock phrase, a truncated last sentence). Low-quality: the same texts with one to three major "
    "artifacts written by the generator ('damaged': repeated blocks and headlines, leaked SEO briefs, "
    "keyphrase stuffing, calls to action with invented domains, page chrome, boilerplate blocks from "
    "the real pages' 'boilerplate' labels, keyword lists, chatbot text, placeholders, mojibake, markup, "
    "spun phrases, word salad, spam paragraphs, hidden characters), and the full block text of "
    "boilerplate-heavy Readability pages ('page'). Variants of one source share a CV group."
)


# ---------------------------------------------------------------------------------------------
# Command line: write the corpus for inspection (outside the repository)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quality.synth", description="Write the default model's training corpus as JSONL (for inspection).")
    parser.add_argument("--data-dir", default=str(REPO_ROOT.parent / "shared" / "data"), help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", required=True, help="output .jsonl or .jsonl.gz, outside the repository")
    args = parser.parse_args(argv)
    output = Path(args.output).resolve()
    if REPO_ROOT in output.parents:
        print(f"error: {args.output}: the corpus holds third-party text; write it outside the repository", file=sys.stderr)
        return 2
    if not Path(args.data_dir).is_dir():
        print(f"error: {args.data_dir}: no such folder (the shared data sets)", file=sys.stderr)
        return 2
    records = build_corpus(args.data_dir, args.seed)
    opener = gzip.open if output.suffix == ".gz" else open
    with opener(output, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{output}: {len(records)} records", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
