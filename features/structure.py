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

from features.text import Span, Tokens

HEADING_ROLES = ("headline", "subheading")
# A body paragraph above the headline is a misplaced summary only when it is long enough to be
# one: shorter lines there are kickers, datelines or labels (seed 000 p0 has 52 words).
SUMMARY_MIN_WORDS = 25
# How far down the headline may sit for the text above it to count as "before the headline".
HEADLINE_SEARCH_DEPTH = 4
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
    if headline:
        for index in range(headline):
            if roles[index] == "body" and len(paragraphs[index].words) >= SUMMARY_MIN_WORDS:
                found.append(
                    Anomaly(index, "summary before headline", f"sits above the headline (paragraph {headline + 1})")
                )
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
        if len(last.words) >= 6 and (text.endswith(("...", "…")) or not text.endswith(_TERMINAL)):
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


def find_style_outliers(paragraphs: Sequence[Tokens]) -> list[tuple[int, str, str]]:
    """Paragraphs whose quote style is the minority one: ``(index, its style, the majority)``.

    Only when one style is used by at least three paragraphs and the other by at most two
    (ARTIFACTS.md type 21: seed 000 p0 is the only paragraph with a typographic apostrophe).
    """
    styles = [quote_style(p.text) for p in paragraphs]
    curly = [i for i, s in enumerate(styles) if s == "curly"]
    straight = [i for i, s in enumerate(styles) if s == "straight"]
    if len(straight) >= 3 and 0 < len(curly) <= 2:
        return [(i, "curly", "straight") for i in curly]
    if len(curly) >= 3 and 0 < len(straight) <= 2:
        return [(i, "straight", "curly") for i in straight]
    return []


_TITLES = r"(President|Prime\s+Minister|Senator|Secretary\s+of\s+State|Governor|Chancellor|Mayor)"
_FORMER_RE = re.compile(
    r"\b(?:former|ex-)\s+(?:U\.S\.\s+|US\s+|American\s+|British\s+)?" + _TITLES
    + r"\s+((?:[A-Z][\w'’\-]+\s+){0,2}[A-Z][\w'’\-]+)"
)
_FORMER_BEFORE_RE = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)
_IN_OFFICE_RE = re.compile(
    r"\b(?:(?:his|her)\s+return\s+to\s+the\s+White\s+House|(?:his|her)\s+second\s+term|since\s+returning\s+to\s+office)\b"
)


class Contradiction(NamedTuple):
    """A title given to one person that another paragraph contradicts."""

    paragraph: int
    span: Span
    other: int
    other_text: str


def find_title_contradictions(paragraphs: Sequence[Tokens]) -> list[Contradiction]:
    """"former President X" in one paragraph against "President X" (without "former") or "his
    return to the White House" in another (seed 004: p1 against p10)."""
    found = []
    texts = [p.text for p in paragraphs]
    for index, text in enumerate(texts):
        for match in _FORMER_RE.finditer(text):
            title = re.sub(r"\s+", r"\\s+", match.group(1))
            surname = match.group(2).split()[-1]
            current = re.compile(rf"\b{title}\s+(?:[A-Z][\w'’\-]+\s+){{0,2}}{re.escape(surname)}\b")
            for other, other_text in enumerate(texts):
                if other == index:
                    continue
                hit = next(
                    (h for h in current.finditer(other_text) if not _FORMER_BEFORE_RE.search(other_text, max(0, h.start() - 24), h.start())),
                    None,
                )
                if hit is None and match.group(1) == "President":
                    hit = _IN_OFFICE_RE.search(other_text)
                if hit is not None:
                    span = Span(match.start(), match.end(), match.group())
                    found.append(Contradiction(index, span, other, hit.group()))
                    break
    return found
