"""Structure rules (ST): assembly errors, stitched conventions, contradictory titles."""

from __future__ import annotations

from quality.registry import Finding, Rule, Scope, Severity
from quality.rules.common import excerpt


def _anomalies(context, kind):
    return [a for a in context.measurements.anomalies if a.kind == kind]


def check_summary_before_headline(context, params):
    """What it flags: a body-length paragraph printed above the headline, such as an excerpt
    or meta-summary field emitted ahead of the article.

    Why it matters: it is an assembly error of the template or the scraper: the reader meets a
    summary of the article before its title (seed 000, paragraph 1).

    Example: a 52-word summary ("Ukraine's President … has confirmed that a delegation will
    engage in peace talks…") above "Ukraine Sends Delegation for Peace Talks…".

    Threshold: the only paragraph above the headline, a body paragraph of 25 to 80 words (the
    size of an excerpt: WordPress cuts excerpts at 55 words) holding at least 40% of the
    headline's content words (``features.structure``: SUMMARY_MIN_WORDS, SUMMARY_MAX_WORDS,
    SUMMARY_MIN_HEADLINE_OVERLAP).

    False positives: formats that open with a summary on purpose ("Key points", TL;DR boxes),
    live blogs.
    """
    for anomaly in _anomalies(context, "summary before headline"):
        yield Finding(anomaly.paragraph, {"words": context.word_count(anomaly.paragraph), "detail": anomaly.detail})


def check_orphan_subheading(context, params):
    """What it flags: a subheading with no text under it: followed by another heading, or the
    last thing in the text.

    Why it matters: an outline whose sections were never written, or a section lost in
    assembly.

    Example: "## Outlook" directly followed by "## Conclusion".

    Threshold: any Markdown subheading followed by a heading or by nothing. Plain text is not
    judged: there headings are inferred from shape, and a run of short lines is usually a list.
    No tunable value.

    False positives: a table of contents written as headings; a heading followed only by a code
    block or an image.
    """
    if context.document.format != "markdown":
        return
    for anomaly in _anomalies(context, "orphan subheading"):
        yield Finding(anomaly.paragraph, {"detail": anomaly.detail})


def check_truncated_ending(context, params):
    """What it flags: a text whose last paragraph stops mid-sentence or trails off with an
    ellipsis.

    Why it matters: a cut-off ending is a sign of a generation or extraction limit (C4's and
    NeMo's ellipsis filters); the reader is left without the end of the sentence.

    Example: an article that ends "The minister added that the".

    Threshold: a last body paragraph of at least 4 words (``TRUNCATED_MIN_WORDS``) that ends with
    "..." or "…", or whose last word is a lower-case word with no closing punctuation.

    False positives: a deliberate trailing ellipsis in fiction or opinion pieces; a list or a
    caption at the end (only body paragraphs are judged); sign-offs ending in an e-mail address,
    a date or capitals are not matched.
    """
    for anomaly in _anomalies(context, "truncated ending"):
        text = context.prose[anomaly.paragraph].text
        yield Finding(anomaly.paragraph, {"tail": excerpt(text, max(0, len(text) - 50))})


def check_inconsistent_quote_style(context, params):
    """What it flags: a paragraph whose quotation marks and apostrophes are typographic while
    the rest of the text uses straight ones (or the reverse).

    Why it matters: one paragraph in another convention was probably produced by another
    source or generation step and stitched in (seed 000, paragraph 1). Information only: it is
    a hint for the editor, not proof.

    Example: "Ukraine’s President…" in one paragraph, "Russia's", "Nothing's" in all others.

    Threshold: one paragraph alone in its style against at least five in the other, and no
    paragraph mixing both (``features.structure.find_style_outliers``). No tunable value.

    False positives: quotations kept in their source's conventions (block quotes are not
    compared), multi-desk wire copy.
    """
    for index, style, majority in context.measurements.style_outliers:
        yield Finding(index, {"style": style, "majority": majority})


def check_contradictory_title(context, params):
    """What it flags: a person given a title in one paragraph that another paragraph of the
    same text contradicts: "former President Trump" against "President Trump" or "his return to
    the White House".

    Why it matters: rewriting by a model with stale knowledge leaves outdated titles next to the
    source's correct ones (seed 004: paragraph 2 against paragraph 11). The text contradicts
    itself, whatever the facts are.

    Example: "former U.S. President Donald Trump insisted…" and later "since his return to the
    White House".

    Threshold: any such pair inside one document. No tunable value.

    False positives: obituaries and retrospectives ("As president, Carter…": texts with such
    markers are judged only on "return to the White House"-type phrases); quotations where
    speakers use old titles (skipped).
    """
    for item in context.measurements.contradictions:
        yield Finding(
            item.paragraph,
            {"former": item.span.label, "other": context.ref(item.other), "other_text": item.other_text},
            item.span.start,
            item.span.end,
            related=(item.other,),
        )


RULES = (
    Rule(
        code="ST101",
        name="summary-before-headline",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="structure_anomaly",
        message="{words}-word summary paragraph {detail}",
        check=check_summary_before_headline,
    ),
    Rule(
        code="ST102",
        name="orphan-subheading",
        severity=Severity.INFO,
        scope=Scope.PARAGRAPH,
        artifact="structure_anomaly",
        message="subheading {detail}",
        check=check_orphan_subheading,
    ),
    Rule(
        code="ST103",
        name="truncated-ending",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="structure_anomaly",
        message="the text ends mid-sentence: '{tail}'",
        check=check_truncated_ending,
    ),
    Rule(
        code="ST104",
        name="inconsistent-quote-style",
        severity=Severity.INFO,
        scope=Scope.PARAGRAPH,
        artifact="stitched_content",
        message="uses {style} quotes and apostrophes where the rest of the text uses {majority} ones",
        check=check_inconsistent_quote_style,
    ),
    Rule(
        code="ST105",
        name="contradictory-title",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="rewrite_fact_drift",
        message="says '{former}' but {other} says '{other_text}'",
        check=check_contradictory_title,
    ),
)
