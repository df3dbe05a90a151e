"""Corpus rules (CT): flags that need the other documents of a corpus, so only ``quality score``
runs them (``--templates``); ``quality check`` reads one document at a time and never does.
``quality rules`` lists and explains them with the others. Their examples are walked by
``tests/test_score.py`` on small corpora (a single document cannot show them).
"""

from __future__ import annotations

from quality.registry import Rule, Scope, Severity

# A paragraph found in at least this many documents is a template (--template-min-docs).
DEFAULT_MIN_DOCUMENTS = 10


def check_template_paragraph(context, params):
    """What it flags: a paragraph whose normalised text recurs in at least min_documents
    documents of the corpus being scored: a site's footer, newsletter box, cookie notice or
    disclaimer pasted under every page. Only `quality score --templates` runs it (it needs the
    corpus' counts).

    Why it matters: template blocks are boilerplate that per-document checks often miss (each
    page reads as if it were one paragraph of text); they inflate a corpus with copies of the
    same words and should be removed before training or indexing.

    Example: "Sign up for our newsletter to get the latest stories delivered to your inbox every
    morning." under 500 pages of a site.

    Threshold: the count-min estimate of the documents holding the paragraph (case folded,
    digits as 0, punctuation ignored) is at least min_documents = 10; paragraphs under 5 words
    are not counted. The estimate can over-count by the sketch's error bound (printed in the run
    summary); it never under-counts.

    False positives: syndicated wire copy and press releases published by many sites, quoted
    standard phrases (legal notices, scripture), and any sketch over-count on a corpus much
    larger than the sketch's width (raise --template-width).
    """
    from quality.templates import template_findings  # numpy: only when a corpus is scored

    yield from template_findings(context, params)


TEMPLATE_PARAGRAPH = Rule(
    code="CT101",
    name="template-paragraph",
    severity=Severity.WARNING,
    scope=Scope.PARAGRAPH,
    artifact="page_widget_leftover",
    message="paragraph recurs in about {count} documents of the corpus (a site template: footer, newsletter box, notice)",
    check=check_template_paragraph,
    params={"min_documents": DEFAULT_MIN_DOCUMENTS, "counts": None},
    default=False,
)

RULES = (TEMPLATE_PARAGRAPH,)
