"""Keyword stuffing: one exact phrase used far more often, or in more checklist slots, than
natural writing would use it.

SEO briefs ask for a keyphrase in the title, the introduction, the subheadings and the closing
line (Yoast's checks, LINTING.md 2.1). Writers who follow them repeat the exact phrase where a
reader expects a pronoun or the bare noun. Density alone does not show it (seed 004: 1.4%, inside
Yoast's green band); placement and the exact-match share do (ARTIFACTS.md type 3). We infer the
candidate phrase (the most repeated content 2-3-word phrase that is also in the headline) and
measure its count, density, spread over paragraphs, slots and exact-match share. When the writer
names the keyphrase, we also measure Yoast's density and placement for it.

Quotations are not counted: a quoted speaker's words are not the writer's keyword choice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from itertools import compress
from operator import and_
from typing import NamedTuple

from features.text import Tokens, WordTable, lower_words, safe_ratio, stopwords

# Candidate keyphrases have two or three words: single words repeat naturally (names, topics).
PHRASE_SIZES = (2, 3)
# Yoast's keyphrase length factor: density x (0.7 + L / 3) for L content words (LINTING.md 2.1).
YOAST_LENGTH_FACTOR_BASE = 0.7

SLOT_TITLE = "the title"
SLOT_INTRO = "the first paragraph"
SLOT_SUBHEADING = "a subheading"
SLOT_CLOSING = "the closing line"
SLOTS = (SLOT_TITLE, SLOT_INTRO, SLOT_SUBHEADING, SLOT_CLOSING)

NAMES = (
    "top_phrase_name_share",
    "top_phrase_count",
    "top_phrase_per_1k_words",
    "top_phrase_paragraph_share",
    "top_phrase_slot_count",
    "top_phrase_exact_share",
    "top_phrase_in_title",
    "paragraph_top_phrase_max_share",
)

_ALPHA_RE = re.compile(r"^[a-z][a-z'\-]*$")


class PhraseUse(NamedTuple):
    """How a phrase is used in a document."""

    phrase: str
    count: int
    paragraphs: tuple[int, ...]
    slots: tuple[str, ...]
    exact_share: float  # occurrences of the phrase / occurrences of its last word
    counted_paragraphs: int  # paragraphs of the document that were counted (not skipped)


def content_phrases(words: Sequence[str], sizes: Sequence[int] = PHRASE_SIZES) -> list[str]:
    """Every 2-3-word phrase of ``words`` that neither starts nor ends with a stop word."""
    edge = list(map(PHRASE_EDGE.__getitem__, words))
    phrases = []
    for n in sizes:
        span = n - 1
        for i in compress(range(len(words) - span), map(and_, edge, edge[span:])):
            phrases.append(" ".join(words[i : i + n]))
    return phrases


def _is_phrase_edge(word: str) -> bool:
    return word not in stopwords() and _ALPHA_RE.match(word) is not None


# Whether a lower-cased word may start or end a content phrase (a word of letters, not a stop word).
PHRASE_EDGE = WordTable(_is_phrase_edge)


def paragraph_phrases(tokens: Tokens) -> list[str]:
    """The content phrases of one paragraph, outside quotations (computed once, shared by the
    document-level and the paragraph-level measures)."""
    return [p for run in tokens.unquoted_runs() for p in content_phrases(run)]


def _slot_of(index: int, roles: Sequence[str], first_body: int | None, last_prose: int) -> list[str]:
    slots = []
    if roles[index] == "headline":
        slots.append(SLOT_TITLE)
    if index == first_body:
        slots.append(SLOT_INTRO)
    if roles[index] == "subheading":
        slots.append(SLOT_SUBHEADING)
    if index == last_prose and roles[index] not in ("headline", "subheading"):
        slots.append(SLOT_CLOSING)
    return slots


def phrase_uses(
    paragraphs: Sequence[Tokens],
    roles: Sequence[str],
    skip: Collection[int] = (),
    phrases: Sequence[list[str]] | None = None,
) -> list[PhraseUse]:
    """Every repeated content phrase with its use, most frequent first.

    ``skip`` holds indices of paragraphs not to count (verbatim repeats of earlier paragraphs:
    a duplicated block is repetition, not stuffing). ``phrases`` may hold each paragraph's
    :func:`paragraph_phrases` when the caller has them.
    """
    if phrases is None:
        phrases = [paragraph_phrases(t) for t in paragraphs]
    counts: Counter[str] = Counter()
    head_counts: Counter[str] = Counter()
    counted = [i for i in range(len(paragraphs)) if i not in skip]
    for index in counted:
        for run in paragraphs[index].unquoted_runs():
            head_counts.update(run)
        counts.update(phrases[index])
    # Where the repeated phrases are (the others are not reported).
    repeated = {phrase for phrase, count in counts.items() if count >= 2}
    where: dict[str, set[int]] = {}
    for index in counted:
        for phrase in repeated.intersection(phrases[index]):
            where.setdefault(phrase, set()).add(index)
    kept = [i for i in range(len(paragraphs)) if i not in skip and paragraphs[i].lower]
    body = [i for i in kept if roles[i] == "body"]
    first_body = body[0] if body else None
    last_prose = kept[-1] if kept else -1
    uses = []
    for phrase, count in counts.most_common():
        if count < 2:
            break
        indices = tuple(sorted(where[phrase]))
        slots = []
        for index in indices:
            slots.extend(s for s in _slot_of(index, roles, first_body, last_prose) if s not in slots)
        last_word = phrase.rsplit(" ", 1)[-1]
        uses.append(
            PhraseUse(
                phrase=phrase,
                count=count,
                paragraphs=indices,
                slots=tuple(s for s in SLOTS if s in slots),
                exact_share=safe_ratio(count, head_counts[last_word]),
                counted_paragraphs=len(kept),
            )
        )
    return uses


def top_phrase(uses: Sequence[PhraseUse], roles: Sequence[str]) -> PhraseUse | None:
    """The inferred keyphrase: the most used phrase that is in the title (when there is a title;
    otherwise the most used phrase). Ties go to the longer phrase."""
    has_title = "headline" in roles
    candidates = [u for u in uses if not has_title or SLOT_TITLE in u.slots]
    if not candidates:
        return None
    return max(candidates, key=lambda u: (u.count, u.phrase.count(" ")))


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern for the words of ``phrase`` with any white space between them, any case."""
    return re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", re.IGNORECASE)


def name_share(paragraphs: Sequence[Tokens], roles: Sequence[str], phrase: str) -> float:
    """Share of the phrase's uses in body paragraphs written with every word capitalised: a
    product or proper name ("Raspberry Pi", "Xbox One") rather than a chosen keyphrase."""
    pattern = phrase_pattern(phrase)
    total = capitalised = 0
    for tokens, role in zip(paragraphs, roles):
        if role != "body":
            continue
        for match in pattern.finditer(tokens.text):
            total += 1
            capitalised += all(w[:1].isupper() for w in match.group().split())
    return safe_ratio(capitalised, total)


def paragraph_top_phrase(tokens: Tokens, phrases: Sequence[str] | None = None) -> tuple[str, int, float]:
    """The most repeated content phrase inside one paragraph: (phrase, count, share of words it
    covers). ``("", 0, 0.0)`` when no phrase repeats."""
    best = ("", 0, 0.0)
    n_words = len(tokens.lower)
    if n_words < 4:
        return best
    counts = Counter(paragraph_phrases(tokens) if phrases is None else phrases)
    for phrase, count in counts.items():
        if count >= 2:
            share = count * (phrase.count(" ") + 1) / n_words
            if share > best[2]:
                best = (phrase, count, share)
    return best


class KeyphraseUse(NamedTuple):
    """Yoast-style measures for a keyphrase the writer names."""

    keyphrase: str
    matches: int
    words: int
    density: float  # matches / words x 100 (per cent)
    adjusted_density: float  # density x Yoast's keyphrase length factor
    in_title: bool
    in_first_paragraph: bool
    subheadings: int
    subheadings_with_keyphrase: int
    paragraphs: tuple[int, ...]


def keyphrase_use(paragraphs: Sequence[Tokens], roles: Sequence[str], keyphrase: str) -> KeyphraseUse:
    """Yoast's keyphrase matching: a sentence matches as many times as the least frequent content
    word of the keyphrase occurs in it (all words in one sentence, any order). Quotations count
    as prose here, as in Yoast; callers that exempt quotations drop quote paragraphs first."""
    stop = stopwords()
    key_words = [w for w in lower_words(keyphrase) if w not in stop] or lower_words(keyphrase)
    total_words = matches = 0
    in_title = in_first = False
    n_sub = sub_hits = 0
    hit_paragraphs = []
    first_body = next((i for i, r in enumerate(roles) if r == "body"), None)
    for index, tokens in enumerate(paragraphs):
        total_words += len(tokens.lower)
        paragraph_matches = 0
        for sentence in tokens.sentence_words():
            counts = Counter(sentence)
            paragraph_matches += min((counts[w] for w in key_words), default=0)
        if key_words:
            whole = Counter(tokens.lower)
            reflects = sum(1 for w in key_words if whole[w]) * 2 >= len(key_words)
        else:
            reflects = False
        if roles[index] == "subheading":
            n_sub += 1
            sub_hits += reflects
        if roles[index] == "headline" and paragraph_matches:
            in_title = True
        if index == first_body and paragraph_matches:
            in_first = True
        if paragraph_matches:
            hit_paragraphs.append(index)
        matches += paragraph_matches
    density = safe_ratio(100 * matches, total_words)
    factor = YOAST_LENGTH_FACTOR_BASE + len(key_words) / 3
    return KeyphraseUse(
        keyphrase=keyphrase,
        matches=matches,
        words=total_words,
        density=density,
        adjusted_density=density * factor,
        in_title=in_title,
        in_first_paragraph=in_first,
        subheadings=n_sub,
        subheadings_with_keyphrase=sub_hits,
        paragraphs=tuple(hit_paragraphs),
    )


def measure(
    paragraphs: Sequence[Tokens],
    roles: Sequence[str],
    skip: Collection[int] = (),
    uses: Sequence[PhraseUse] | None = None,
    paragraph_tops: Sequence[tuple[str, int, float]] | None = None,
) -> dict[str, float]:
    """Document-level keyword measures (``uses`` and ``paragraph_tops`` may be passed in when
    already computed)."""
    if uses is None:
        uses = phrase_uses(paragraphs, roles, skip)
    if paragraph_tops is None:
        paragraph_tops = [paragraph_top_phrase(p) if r == "body" else ("", 0, 0.0) for p, r in zip(paragraphs, roles)]
    top = top_phrase(uses, roles)
    n_words = sum(len(p.lower) for i, p in enumerate(paragraphs) if i not in skip)
    per_paragraph = max((top[2] for top in paragraph_tops), default=0.0)
    if top is None:
        return {**dict.fromkeys(NAMES, 0.0), "paragraph_top_phrase_max_share": per_paragraph}
    return {
        "top_phrase_name_share": name_share(paragraphs, roles, top.phrase),
        "top_phrase_count": float(top.count),
        "top_phrase_per_1k_words": safe_ratio(1000 * top.count, n_words),
        "top_phrase_paragraph_share": safe_ratio(len(top.paragraphs), top.counted_paragraphs),
        "top_phrase_slot_count": float(len(top.slots)),
        "top_phrase_exact_share": top.exact_share,
        "top_phrase_in_title": float(SLOT_TITLE in top.slots),
        "paragraph_top_phrase_max_share": per_paragraph,
    }
