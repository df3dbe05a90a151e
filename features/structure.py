"""Structure: assembly errors, stitched conventions and internal title contradictions.

Documents put together by templates or several generation passes show it in their shape: a
summary printed above the headline, a subheading with no text under it, an ending cut off
mid-sentence (ARTIFACTS.md type 20); a paragraph whose quote style differs from all the others
(type 21); a person called "former President" in one paragraph and back in office in another
(type 12, the internal-contradiction part, the only part a document alone can show).

Paragraph roles come from the document model: "headline", "subheading", "body", "list_item",
"quote", "code".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from features.text import Span, Tokens, safe_ratio, stopwords

HEADING_ROLES = ("headline", "subheading")
# A body paragraph above the headline is a misplaced summary only when it is long enough to be
# one (shorter lines there are kickers, datelines or labels; seed 000 p0 has 52 words) and short
# enough: excerpts and meta summaries are short (WordPress cuts excerpts at 55 words).
SUMMARY_MIN_WORDS = 25
SUMMARY_MAX_WORDS = 80
# How far down the headline may sit for the text above it to count as "before the headline".
HEADLINE_SEARCH_DEPTH = 4
# A misplaced summary restates the article: at least this share of the headline's content words
# occur in it (seed 000: 4 of 9). A lede followed by a subheading shares far less.
SUMMARY_MIN_HEADLINE_OVERLAP = 0.4
# A cut-off last paragraph has at least this many words (a lone "world" is a label, not a cut).
TRUNCATED_MIN_WORDS = 4
# A minority quote style is an outlier only against this many paragraphs in the majority style.
STYLE_MIN_MAJORITY = 5
_TERMINAL = tuple('.!?"”’)]…:;')


class Anomaly(NamedTuple):
    """A structural anomaly at one paragraph."""

    paragraph: int
    kind: str  # "summary before headline", "orphan subheading", "truncated ending"
    detail: str


def find_structure_anomalies(paragraphs: Sequence[Tokens], roles: Sequence[str]) -> list[Anomaly]:
    """Summary above the headline, subheadings with no text under them, a cut-off ending."""
    found: list[Anomaly] = []
    headline = next((i for i, r in enumerate(roles[:HEADLINE_SEARCH_DEPTH]) if r == "headline"), None)
    # One paragraph above the headline: with more, the "headline" is a subheading under a lede.
    if headline == 1 and roles[0] == "body" and SUMMARY_MIN_WORDS <= len(paragraphs[0].words) <= SUMMARY_MAX_WORDS:
        stop = stopwords()
        title_words = {w for w in paragraphs[headline].lower if w not in stop}
        shared = safe_ratio(len(title_words & set(paragraphs[0].lower)), len(title_words))
        if shared >= SUMMARY_MIN_HEADLINE_OVERLAP:
            found.append(Anomaly(0, "summary before headline", "sits above the headline (paragraph 2) and restates it"))
    for index, role in enumerate(roles):
        if role != "subheading":
            continue
        following = roles[index + 1] if index + 1 < len(roles) else None
        if following is None or following in HEADING_ROLES:
            where = "at the end of the text" if following is None else f"followed by another heading"
            found.append(Anomaly(index, "orphan subheading", f"has no text under it ({where})"))
    if paragraphs and roles[-1] == "body":
        last = paragraphs[-1]
        text = last.text.rstrip()
        # Cut off: an ellipsis, or a last word in lower case with no closing punctuation (an
        # e-mail address, a URL, a credit or a line in capitals is a sign-off, not a cut).
        tail = text.rsplit(None, 1)[-1] if text else ""
        cut = not text.endswith(_TERMINAL) and tail.isalpha() and tail.islower()
        if len(last.words) >= TRUNCATED_MIN_WORDS and (text.endswith(("...", "…")) or cut):
            found.append(Anomaly(len(paragraphs) - 1, "truncated ending", "ends mid-sentence"))
    found.sort()
    return found


def quote_style(text: str) -> str:
    """"curly", "straight", "mixed" or "" (no quotes or apostrophes) for one paragraph."""
    curly = sum(text.count(c) for c in "‘’“”")
    straight = text.count("'") + text.count('"')
    if curly and straight:
        return "mixed"
    return "curly" if curly else "straight" if straight else ""


def find_style_outliers(paragraphs: Sequence[Tokens], roles: Sequence[str] | None = None) -> list[tuple[int, str, str]]:
    """Paragraphs whose quote style is the minority one: ``(index, its style, the majority)``.

    Only when one paragraph alone uses its style, against at least :data:`STYLE_MIN_MAJORITY` in
    the other and none that mixes both (ARTIFACTS.md type 21: seed 000 p0 is the only paragraph
    with a typographic apostrophe).
    """
    # Block quotes keep their source's conventions: they are not compared.
    styles = [
        quote_style(p.text) if roles is None or roles[i] != "quote" else "" for i, p in enumerate(paragraphs)
    ]
    curly = [i for i, s in enumerate(styles) if s == "curly"]
    straight = [i for i, s in enumerate(styles) if s == "straight"]
    if any(s == "mixed" for s in styles):
        return []  # the text mixes styles inside paragraphs: no convention to stand out from
    if len(straight) >= STYLE_MIN_MAJORITY and len(curly) == 1:
        return [(curly[0], "curly", "straight")]
    if len(curly) >= STYLE_MIN_MAJORITY and len(straight) == 1:
        return [(straight[0], "straight", "curly")]
    return []


_TITLES = r"(President|Prime\s+Minister|Senator|Secretary\s+of\s+State|Governor|Chancellor|Mayor)"
_FORMER_RE = re.compile(
    r"\b(?:[Ff]ormer|[Ee]x-)\s+(?:U\.S\.\s+|US\s+|American\s+|British\s+)?" + _TITLES
    + r"\s+((?:[A-Z][\w'’\-]+\s+){0,2}[A-Z][\w'’\-]+)"
)
# A retrospective or an obituary speaks of a past office as "President X" on purpose.
_RETROSPECTIVE_RE = re.compile(
    r"\b(?:died|dies|death|obituary|funeral|left\s+office|legacy|as\s+president|presidential\s+library)\b", re.IGNORECASE
)
_FORMER_BEFORE_RE = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)
_WORD_RUN_RE = re.compile(r"\w+")
_IN_OFFICE_RE = re.compile(
    r"\b(?:(?:his|her)\s+return\s+to\s+the\s+White\s+House|(?:his|her)\s+second\s+term|since\s+returning\s+to\s+office)\b"
)


def title_pattern(title: str, surname: str) -> re.Pattern[str]:
    """A pattern for a title (a regular expression: "Prime\\s+Minister") before a surname, with
    up to two capitalised names between ("President Donald J. Trump")."""
    return re.compile(rf"\b{title}\s+(?:[A-Z][\w'’\-]+\s+){{0,2}}{re.escape(surname)}\b")


class Contradiction(NamedTuple):
    """A title given to one person that another paragraph contradicts."""

    paragraph: int
    span: Span
    other: int
    other_text: str


def find_title_contradictions(paragraphs: Sequence[Tokens]) -> list[Contradiction]:
    """"former President X" in one paragraph against "President X" (without "former", outside
    quotations, in a text that is not a retrospective or an obituary) or "his return to the White
    House" in another (seed 004: p1 against p10).

    The paragraphs that can name X are looked up in an index of their words, once per title and
    name, so the cost grows with the length of the text, not with the number of "former" titles
    times the number of paragraphs."""
    found = []
    texts = [p.text for p in paragraphs]
    matches = [(index, match) for index, text in enumerate(texts) for match in _FORMER_RE.finditer(text)]
    if not matches:
        return found
    retrospective = any(_RETROSPECTIVE_RE.search(t) for t in texts)
    holding: dict[str, list[int]] = {}  # word (a run of \w) -> the paragraphs that contain it
    if not retrospective:
        for index, text in enumerate(texts):
            for run in set(_WORD_RUN_RE.findall(text)):
                holding.setdefault(run, []).append(index)
    in_office: list[tuple[int, str]] | None = None  # (paragraph, text) of "his return to the White House"
    current_hits: dict[tuple[str, str], list[tuple[int, str]]] = {}  # (title, surname) -> hits in order
    for index, match in matches:
        title = re.sub(r"\s+", r"\\s+", match.group(1))
        surname = match.group(2).split()[-1]
        if (title, surname) not in current_hits:
            hits = []
            current = title_pattern(title, surname)
            # \b before the surname's first letter: its first word run is a whole run wherever it is named.
            for other in holding.get(_WORD_RUN_RE.match(surname).group(), ()):
                other_text = texts[other]
                hit = next(
                    (
                        h
                        for h in current.finditer(other_text)
                        if not _FORMER_BEFORE_RE.search(other_text, max(0, h.start() - 24), h.start())
                        and not paragraphs[other].in_quotation(h.start(), h.end())
                    ),
                    None,
                )
                if hit is not None:
                    hits.append((other, hit.group()))
            current_hits[(title, surname)] = hits
        # The first other paragraph that says X is in office; a title outranks "his return".
        first = next((hit for hit in current_hits[(title, surname)] if hit[0] != index), None)
        if match.group(1) == "President":
            if in_office is None:
                in_office = [(i, m.group()) for i, t in enumerate(texts) if (m := _IN_OFFICE_RE.search(t))]
            office = next((hit for hit in in_office if hit[0] != index), None)
            if office is not None and (first is None or office[0] < first[0]):
                first = office
        if first is not None:
            span = Span(match.start(), match.end(), match.group())
            found.append(Contradiction(index, span, first[0], first[1]))
    return found
