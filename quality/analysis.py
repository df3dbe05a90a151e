"""Analysis: measure a document once, run the rules over the measurements, position the flags.

The same :class:`features.Measurements` feed the rules (flags) and the classifier (feature
values), so a flag and the article score never disagree about what was measured.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from features import Measurements, measure_document

from quality.document import Document, Paragraph
from quality.errors import RuleError
from quality.registry import Finding, Flag, Rule, Severity


@dataclass
class Context:
    """What a rule's check sees: the document, its prose paragraphs (prose index ``i`` is
    measurement index ``i``), the measurements and the user's options."""

    document: Document
    prose: list[Paragraph]
    measurements: Measurements
    keyphrase: str | None = None

    def ref(self, index: int) -> str:
        """How a message names prose paragraph ``index``: "paragraph 6 (line 7)"."""
        paragraph = self.prose[index]
        return f"paragraph {paragraph.index + 1} (line {paragraph.line})"

    def word_count(self, index: int) -> int:
        return len(self.measurements.tokens[index].words)


@dataclass
class Report:
    """The result of analysing one document."""

    document: Document
    flags: list[Flag]
    features: dict[str, float]
    measurements: Measurements = field(repr=False)

    def counts(self) -> dict[str, int]:
        """Number of flags per severity."""
        counts = {str(s): 0 for s in Severity}
        for flag in self.flags:
            counts[str(flag.severity)] += 1
        return counts


def measure(document: Document) -> tuple[list[Paragraph], Measurements]:
    """Measure the prose of ``document``."""
    prose = document.prose
    return prose, measure_document([p.text for p in prose], [p.role for p in prose])


def analyze(document: Document, rules: Sequence[Rule] | None = None, keyphrase: str | None = None) -> Report:
    """Measure ``document`` and run ``rules`` (all rules when None) over it."""
    if rules is None:
        from quality.rules import RULES

        rules = RULES
    prose, measurements = measure(document)
    context = Context(document, prose, measurements, keyphrase)
    flags: list[Flag] = []
    for rule in rules:
        try:
            findings = list(rule.check(context, rule.params))
        except Exception as exc:  # a broken rule must say which rule and which document
            raise RuleError(f"{document.path}: rule {rule.code} ({rule.name}) failed: {exc!r}") from exc
        flags.extend(_to_flags(rule, findings, context))
    flags.sort()
    return Report(document, flags, dict(measurements.values), measurements)


def _to_flags(rule: Rule, findings: Iterable[Finding], context: Context) -> Iterable[Flag]:
    prose = context.prose
    for finding in findings:
        related = tuple(prose[i].index for i in finding.related)
        if finding.paragraph is None:
            anchor = prose[finding.related[0]] if finding.related else None
            line, column = (anchor.line, anchor.column) if anchor else (1, 1)
            end_line, end_column = line, column
            paragraph = None
        else:
            target = prose[finding.paragraph]
            end = len(target.text) if finding.end is None else finding.end
            line, column = target.position(finding.start)
            end_line, end_column = target.position(end)
            paragraph = target.index
        yield Flag(
            path=context.document.path,
            line=line,
            column=column,
            code=rule.code,
            message=rule.message.format(**finding.args),
            name=rule.name,
            severity=rule.severity,
            scope=rule.scope,
            paragraph=paragraph,
            end_line=end_line,
            end_column=end_column,
            related=related,
        )
