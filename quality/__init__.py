"""content-quality: find low-quality, spammy and SEO-artifact content in English articles.

The Python API::

    import quality
    report = quality.analyze("Headline\\nBody text ...")          # a string (plain text)
    report = quality.analyze_file("draft.md")                     # a file (text, Markdown, HTML)
    for flag in report.flags:
        print(flag.line, flag.code, flag.message)
    report.features                                                # the measured values
    quality.analyze(text, score=True).assessment                   # the article score
    quality.score(text)                                            # the score alone

Both return a :class:`Report` with the flags and the feature values the classifier uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from quality import cache
from quality.analysis import Report
from quality.analysis import analyze as analyze_document
from quality.document import Document, Paragraph
from quality.errors import InputError, ModelError, QualityError, RuleError, UnknownRuleError
from quality.registry import Flag, Rule, Scope, Severity, select_rules

__all__ = [
    "Document", "Flag", "InputError", "ModelError", "Paragraph", "QualityError", "Report", "Rule",
    "RuleError", "Scope", "Severity", "UnknownRuleError", "analyze", "analyze_document",
    "analyze_file", "get_rules", "score",
]
__version__ = "0.1.0"

cache.install()  # word tables are kept between processes (quality/cache.py)


def get_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """The registered rules, optionally narrowed by code prefixes."""
    from quality.rules import RULES

    return select_rules(RULES, select, ignore)


def analyze(
    text: str,
    *,
    format: str = "text",
    path: str = "<string>",
    keyphrase: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    score: bool = False,
    model: str | Path | None = None,
) -> Report:
    """Analyse a string: plain text (``format="text"``), Markdown (``"markdown"``), the article
    of an HTML page (``"html"``, extracted by trafilatura) or the whole page (``"html-page"``). With
    ``score=True`` (or a ``model`` path) the report carries the article's assessment."""
    document = Document.from_text(text, path=path, format=format)
    return _scored(analyze_document(document, get_rules(select, ignore), keyphrase=keyphrase), score, model)


def analyze_file(
    path: str | Path,
    *,
    format: str | None = None,
    keyphrase: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    score: bool = False,
    model: str | Path | None = None,
) -> Report:
    """Analyse a file; the format follows its suffix (.md/.markdown: Markdown; .html/.htm: HTML) unless given."""
    document = Document.from_path(path, format=format)
    return _scored(analyze_document(document, get_rules(select, ignore), keyphrase=keyphrase), score, model)


def score(text: str, *, format: str = "text", model: str | Path | None = None):
    """The article score of a string: a ``quality.model.Assessment`` (score, verdict, reasons).
    ``model`` names a model file; a model file is a pickle, so load only files you trust."""
    return analyze(text, format=format, score=True, model=model).assessment


def _scored(report: Report, score: bool, model: str | Path | None) -> Report:
    if score or model is not None:
        from quality.model import get_model  # scikit-learn is imported only when scoring

        report.assessment = get_model(model).assess_report(report)
    return report
