"""Measurements of text quality: pure functions, text in, named numbers and evidence spans out.

``features`` measures and never decides: it holds no thresholds, does no I/O and never imports
``quality``. :func:`measure_document` runs every family once over a document's prose paragraphs
and returns a :class:`Measurements`: the per-paragraph evidence that ``quality``'s rules turn
into flags, and the named document values (:data:`NAMES`, in a fixed order) that the classifier
reads. Both come from the same computation.

The per-paragraph boilerplate measures (:mod:`features.blocks`) feed a learned model that lives in
``quality`` (it decides); the caller passes it in as ``block_model``, and the document's
boilerplate share (``boilerplate_word_share``) is the share of words in the paragraphs it finds
more likely boilerplate than not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from features import artifacts, blocks, boilerplate, keywords, readability, repetition, structure
from features.text import DocumentGate, Lexicon, Span, Tokens, TriggerSet, safe_ratio, tokenize

__all__ = ["Measurements", "NAMES", "measure_document", "Span", "Tokens", "tokenize"]

class Finder(NamedTuple):
    """A finder of one kind of lexical evidence in a paragraph, with what gates it: when
    ``triggers`` is given, every match of ``find`` holds one of them (in :attr:`Tokens.gate`),
    ``find`` takes whether the paragraph holds one, and the triggers are searched once for the
    whole document (:class:`features.text.DocumentGate`). A finder with ``always`` also has
    patterns without triggers (anchored at the start of the paragraph) and runs on every
    paragraph, or, when these patterns have ``leads`` (see :class:`features.text.Lexicon`),
    on the paragraphs that start with one (or where leads do not decide); the others run only
    on the paragraphs that hold a trigger."""

    find: Callable[..., list[Span]]
    triggers: tuple[str, ...] | None = None
    always: bool = True
    leads: tuple[str, ...] | None = None

    @classmethod
    def of_lexicons(cls, find: Callable[..., list[Span]], lexicons: Sequence[Lexicon]) -> Finder:
        """The finder of a family of lexicons."""
        triggers = tuple(t for lexicon in lexicons for t in lexicon.triggers)
        untriggered = [lexicon for lexicon in lexicons if lexicon.gate is None]
        leads = tuple(lead for lexicon in untriggered for lead in lexicon.leads)
        return cls(find, triggers, bool(untriggered), leads if all(lexicon.leads for lexicon in untriggered) else None)

    def paragraphs(self, tokens: Sequence[Tokens], holding: set[int] | None) -> Iterable[int]:
        """The indices of the paragraphs to run on, in order (``holding``: those with a trigger)."""
        if holding is None or (self.always and self.leads is None):
            return range(len(tokens))
        if self.always:
            leads = self.leads
            holding = holding | {i for i, t in enumerate(tokens) if t.gate.startswith(leads) or not t.leads_apply()}
        return sorted(holding)


# Families of lexical evidence found per paragraph, and their finders.
FINDERS = {
    "call_to_action": Finder.of_lexicons(boilerplate.find_calls_to_action, boilerplate.CALL_TO_ACTION),
    "page_metadata": Finder.of_lexicons(boilerplate.find_page_metadata, boilerplate.PAGE_METADATA),
    "widget": Finder.of_lexicons(boilerplate.find_widgets, boilerplate.WIDGET),
    "related_links": Finder.of_lexicons(boilerplate.find_related_links, boilerplate.RELATED_LINKS),
    "affiliate": Finder.of_lexicons(boilerplate.find_affiliate, boilerplate.AFFILIATE),
    "leaked_llm": Finder.of_lexicons(artifacts.find_leaked_llm, artifacts.LEAKED_LLM),
    "seo_instruction": Finder.of_lexicons(artifacts.find_seo_instructions, artifacts.SEO_INSTRUCTION),
    "placeholder": Finder.of_lexicons(artifacts.find_placeholders, artifacts.PLACEHOLDER),
    "markup": Finder.of_lexicons(artifacts.find_markup, artifacts.MARKUP),
    "mojibake": Finder(artifacts.find_mojibake),
    "hidden": Finder(artifacts.find_hidden_characters),
    "tortured": Finder(artifacts.find_tortured_phrases, artifacts.TORTURED_TRIGGERS, False),
    "stock_phrase": Finder(artifacts.find_stock_phrases, artifacts.STOCK_TRIGGERS, False),
    "spam": Finder(artifacts.find_spam_terms, artifacts.SPAM_TRIGGERS, False),
}
# Every trigger of the finders, prepared to find those present in a document at once.
TRIGGERS = TriggerSet(t for finder in FINDERS.values() for t in finder.triggers or ())
# A block quotation is somebody else's words: these families do not judge it (issue: "quotations
# are not judged for stuffing, leaked phrases or style").
NOT_IN_QUOTES = frozenset({"call_to_action", "leaked_llm", "seo_instruction", "tortured", "stock_phrase", "spam"})
# The lexical boilerplate evidence that the block measures count (features.blocks "lexicon_hit").
BOILERPLATE_KINDS = ("call_to_action", "page_metadata", "widget", "related_links", "affiliate")
# The paragraphs that can be boilerplate: headings and quotations never are (they are judged by
# their role, DEVELOPERS.md), and code is not prose.
BLOCK_ROLES = ("body", "list_item")
# Body paragraphs shorter than this are not compared with the document's topic: too few words.
TOPIC_MIN_WORDS = 20

ARTIFACT_NAMES = (
    "leaked_llm_paragraph_count",
    "seo_instruction_paragraph_count",
    "placeholder_count",
    "markup_count",
    "mojibake_paragraph_count",
    "hidden_character_count",
    "soft_hyphen_count",
    "tortured_phrase_count",
    "stock_phrase_per_1k_words",
    "spam_term_count",
    "word_salad_sentence_share",
    "min_topic_overlap",
)
STRUCTURE_NAMES = (
    "summary_before_headline",
    "orphan_subheading_count",
    "truncated_ending",
    "quote_style_outlier_count",
    "title_contradiction_count",
    "heading_share",
    "word_count",
)
NAMES = (
    *readability.NAMES,
    *repetition.NAMES,
    *keywords.NAMES,
    *boilerplate.NAMES,
    "boilerplate_word_share",
    *ARTIFACT_NAMES,
    *STRUCTURE_NAMES,
)


@dataclass
class Measurements:
    """Everything measured on one document's prose paragraphs (indices are prose indices)."""

    tokens: list[Tokens]
    roles: list[str]
    evidence: list[dict[str, list[Span]]]
    repeats: list[repetition.Repeat | None]
    repeated_headings: list[int | None]
    phrase_uses: list[keywords.PhraseUse]
    top_phrase: keywords.PhraseUse | None
    paragraph_phrases: list[tuple[str, int, float]]
    list_shapes: list[boilerplate.ListShape]
    section_labels: list[str]
    salad: list[artifacts.SaladSignals]
    topic_overlaps: list[float]
    seo_vocabulary: list[int]
    template_vocabulary: int  # templating terms in the whole document (topic gate)
    markup_vocabulary: int  # markup terms in the whole document (topic gate)
    anomalies: list[structure.Anomaly]
    style_outliers: list[tuple[int, str, str]]
    contradictions: list[structure.Contradiction]
    values: dict[str, float] = field(default_factory=dict)
    # The features.blocks row of each paragraph (TEXT_NAMES, plus MARKUP_NAMES with markup) and
    # the block model's probability that it is boilerplate (zeros without a model)
    block_rows: list[list[float]] = field(default_factory=list)
    boilerplate: list[float] = field(default_factory=list)


def find_evidence(tokens: Sequence[Tokens], roles: Sequence[str]) -> list[dict[str, list[Span]]]:
    """The lexical evidence of each paragraph: ``{kind: spans}`` for the kinds of
    :data:`FINDERS` found in it, in that order (block quotes are not searched for the kinds in
    :data:`NOT_IN_QUOTES`)."""
    gate = DocumentGate(tokens, TRIGGERS)
    evidence: list[dict[str, list[Span]]] = [{} for _ in tokens]
    for kind, finder in FINDERS.items():
        skip_quotes = kind in NOT_IN_QUOTES
        holding = None if finder.triggers is None else gate.holding(finder.triggers)
        for index in finder.paragraphs(tokens, holding):
            if skip_quotes and roles[index] == "quote":
                continue
            spans = finder.find(tokens[index]) if holding is None else finder.find(tokens[index], gate.found_in(index))
            if spans:
                evidence[index][kind] = spans
    return evidence


# A block model: (rows of features.blocks measures, whether they hold the markup measures) ->
# the probability that each paragraph is boilerplate.
BlockModel = Callable[[list[list[float]], bool], Sequence[float]]


def measure_document(
    paragraphs: Sequence[str],
    roles: Sequence[str],
    markup: Sequence[Any] | None = None,
    block_model: BlockModel | None = None,
) -> Measurements:
    """Measure a document given as its prose paragraphs and their roles.

    ``roles`` holds one of "headline", "subheading", "body", "list_item", "quote" per paragraph
    (code and front matter are not prose and are not passed in). ``markup``, for blocks of an
    HTML page, holds per paragraph an object with ``tag``, ``link_chars``, ``containers`` and
    ``class_tokens`` (``quality.html.BlockMarkup``). ``block_model`` turns the block rows into
    probabilities of boilerplate; without one they are zero.
    """
    roles = list(roles)
    if len(roles) != len(paragraphs):
        raise ValueError(f"{len(paragraphs)} paragraphs but {len(roles)} roles")
    if markup is not None and len(markup) != len(paragraphs):
        raise ValueError(f"{len(paragraphs)} paragraphs but markup for {len(markup)}")
    tokens = [tokenize(text) for text in paragraphs]
    evidence = find_evidence(tokens, roles)
    repeats = repetition.find_repeats(tokens)
    repeated_headings = repetition.find_repeated_headings(paragraphs, roles)
    skip = {i for i, r in enumerate(repeats) if r is not None and r.verbatim}
    skip.update(i for i, role in enumerate(roles) if role == "quote")
    phrases = [keywords.paragraph_phrases(t) for t in tokens]
    uses = keywords.phrase_uses(tokens, roles, skip, phrases)
    top = keywords.top_phrase(uses, roles)
    paragraph_phrases = [
        keywords.paragraph_top_phrase(t, p) if r == "body" else ("", 0, 0.0) for t, p, r in zip(tokens, phrases, roles)
    ]
    list_shapes = [boilerplate.list_shape(t) for t in tokens]
    section_labels = [boilerplate.section_label(t.text) for t in tokens]
    salad = [
        artifacts.word_salad_signals(t) if r == "body" else artifacts.SaladSignals(0, 0, ())
        for t, r in zip(tokens, roles)
    ]
    word_paragraphs = artifacts.content_word_paragraph_counts(tokens)
    topic_overlaps = [artifacts.topic_overlap(t, word_paragraphs) for t in tokens]
    seo_vocabulary = [n if r != "quote" else 0 for n, r in zip(artifacts.seo_vocabulary_counts([t.text for t in tokens]), roles)]
    template_vocabulary = sum(artifacts.template_vocabulary_count(t.text) for t in tokens) if any(
        "placeholder" in e for e in evidence
    ) else 0
    markup_vocabulary = sum(artifacts.markup_vocabulary_count(t.text) for t in tokens) if any("markup" in e for e in evidence) else 0
    anomalies = structure.find_structure_anomalies(tokens, roles)
    style_outliers = structure.find_style_outliers(tokens, roles)
    contradictions = structure.find_title_contradictions(tokens)
    own = [
        blocks.own_row(t, r, shape.stopword_share, any(kind in e for kind in BOILERPLATE_KINDS))
        for t, r, shape, e in zip(tokens, roles, list_shapes, evidence)
    ]
    block_rows = blocks.block_rows(own, tokens)
    if markup is not None:
        tags = blocks.markup_rows(
            [blocks.markup_row(m.tag, m.link_chars, len(t.text), m.containers, m.class_tokens) for m, t in zip(markup, tokens)]
        )
        block_rows = [row + extra for row, extra in zip(block_rows, tags)]
    probabilities = list(block_model(block_rows, markup is not None)) if block_model is not None and tokens else [0.0] * len(tokens)

    prose = [t for t, r in zip(tokens, roles) if r != "quote"]
    n_words = sum(len(t.words) for t in tokens)
    values: dict[str, float] = {}
    values.update(readability.measure(prose))
    values.update(repetition.measure(tokens, roles, repeats, repeated_headings))
    values.update(keywords.measure(tokens, roles, skip, uses, paragraph_phrases))
    values.update(boilerplate.measure(tokens, evidence, list_shapes))
    values["boilerplate_word_share"] = blocks.boilerplate_word_share(tokens, probabilities, [r in BLOCK_ROLES for r in roles])

    def paragraphs_with(kind: str) -> float:
        return float(sum(1 for e in evidence if kind in e))

    def spans_of(kind: str) -> float:
        return float(sum(len(e.get(kind, ())) for e in evidence))

    body_overlaps = [o for o, t, r in zip(topic_overlaps, tokens, roles) if r == "body" and len(t.words) >= TOPIC_MIN_WORDS]
    salad_sentences = sum(s.sentences for s in salad)
    values.update(
        {
            "leaked_llm_paragraph_count": paragraphs_with("leaked_llm"),
            "seo_instruction_paragraph_count": paragraphs_with("seo_instruction"),
            "placeholder_count": spans_of("placeholder"),
            "markup_count": spans_of("markup"),
            "mojibake_paragraph_count": paragraphs_with("mojibake"),
            "hidden_character_count": spans_of("hidden"),
            "soft_hyphen_count": float(sum(artifacts.soft_hyphen_count(t.text) for t in tokens)),
            "tortured_phrase_count": spans_of("tortured"),
            "stock_phrase_per_1k_words": safe_ratio(1000 * spans_of("stock_phrase"), n_words),
            "spam_term_count": spans_of("spam"),
            "word_salad_sentence_share": safe_ratio(sum(s.anomalous for s in salad), salad_sentences),
            "min_topic_overlap": min(body_overlaps, default=1.0),
            "summary_before_headline": float(any(a.kind == "summary before headline" for a in anomalies)),
            "orphan_subheading_count": float(sum(1 for a in anomalies if a.kind == "orphan subheading")),
            "truncated_ending": float(any(a.kind == "truncated ending" for a in anomalies)),
            "quote_style_outlier_count": float(len(style_outliers)),
            "title_contradiction_count": float(len(contradictions)),
            "heading_share": safe_ratio(sum(1 for r in roles if r in structure.HEADING_ROLES), len(roles)),
            "word_count": float(n_words),
        }
    )
    # Share bars and footers split over lines are widget evidence too, found across paragraphs;
    # added after the values, which the article model of this version was trained without
    for k, spans in enumerate(boilerplate.find_chrome_runs(paragraphs, roles)):
        if spans:
            found = {**evidence[k], "widget": sorted([*evidence[k].get("widget", ()), *spans])}
            evidence[k] = {kind: found[kind] for kind in FINDERS if kind in found}
    return Measurements(
        tokens=tokens,
        roles=roles,
        evidence=evidence,
        repeats=repeats,
        repeated_headings=repeated_headings,
        phrase_uses=uses,
        top_phrase=top,
        paragraph_phrases=paragraph_phrases,
        list_shapes=list_shapes,
        section_labels=section_labels,
        salad=salad,
        topic_overlaps=topic_overlaps,
        seo_vocabulary=seo_vocabulary,
        template_vocabulary=template_vocabulary,
        markup_vocabulary=markup_vocabulary,
        anomalies=anomalies,
        style_outliers=style_outliers,
        contradictions=contradictions,
        values={name: values[name] for name in NAMES},
        block_rows=block_rows,
        boilerplate=probabilities,
    )

