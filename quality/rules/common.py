"""Helpers shared by the rule families."""

from __future__ import annotations

from collections.abc import Iterable

from features.text import Span

from quality.analysis import Context
from quality.registry import Finding

HEADING_ROLES = ("headline", "subheading")
EXCERPT_CHARS = 70


def excerpt(text: str, start: int = 0, end: int | None = None) -> str:
    """A short, one-line quotation of ``text[start:end]`` for a message."""
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= EXCERPT_CHARS else piece[: EXCERPT_CHARS - 1].rstrip() + "…"


def span_findings(context: Context, kind: str, roles: Iterable[str], max_words: int | None = None) -> Iterable[Finding]:
    """One finding per paragraph that has ``kind`` evidence, at its first span, for paragraphs
    with one of ``roles`` and (when given) at most ``max_words`` words."""
    roles = tuple(roles)
    for index, evidence in enumerate(context.measurements.evidence):
        spans: list[Span] = evidence.get(kind, [])
        if not spans or context.prose[index].role not in roles:
            continue
        if max_words is not None and context.word_count(index) > max_words:
            continue
        text = context.prose[index].text
        first = spans[0]
        labels = list(dict.fromkeys(s.label for s in spans))
        yield Finding(
            index,
            {"label": ", ".join(labels), "excerpt": excerpt(text, first.start, first.end), "count": len(spans)},
            first.start,
            first.end,
        )


def sentence_around(context: Context, index: int, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence of prose paragraph ``index`` that holds ``[start, end)``."""
    for a, b in context.measurements.tokens[index].sentences:
        if a <= start < b:
            return a, max(b, end)
    return start, end


def join_words(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
