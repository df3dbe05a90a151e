"""Analysis: measure a document once, run the rules over the measurements, position the flags.

The same :class:`features.Measurements` feed the rules (flags) and the classifier (feature
values), so a flag and the article score never disagree about what was measured.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from features import Measurements, measure_document

from quality.collector import collector_paused
from quality.document import Directive, Document, Paragraph
from quality.errors import RuleError
from quality.registry import Finding, Flag, Rule, Severity, select_rules


@dataclass
class Context:
    """What a rule's check sees: the document, its prose paragraphs (prose index ``i`` is
    measurement index ``i``), the measurements and the user's options."""

    document: Document
    prose: list[Paragraph]
    measurements: Measurements
    keyphrase: str | None = None
    # Set before the rules that run after suppressions (QA101): (directive, codes it did not use)
    unused_suppressions: list[tuple[Directive, tuple[str, ...]]] = field(default_factory=list)

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
    suppressed: list[Flag] = field(default_factory=list)
    assessment: Any = None  # quality.model.Assessment when the article was scored

    def counts(self) -> dict[str, int]:
        """Number of flags per severity."""
        counts = {str(s): 0 for s in Severity}
        for flag in self.flags:
            counts[str(flag.severity)] += 1
        return counts


def measure(document: Document) -> tuple[list[Paragraph], Measurements]:
    """Measure the prose of ``document``, with the bundled boilerplate model (and, for a whole
    HTML page, the markup of its blocks)."""
    from quality.boilerplate_model import block_probabilities

    prose = document.prose
    markup = [p.markup for p in prose] if prose and all(p.markup is not None for p in prose) else None
    return prose, measure_document([p.text for p in prose], [p.role for p in prose], markup, block_probabilities)


def analyze(
    document: Document,
    rules: Sequence[Rule] | None = None,
    keyphrase: str | None = None,
    params: Mapping[str, Mapping[str, Any]] | None = None,
) -> Report:
    """Measure ``document``, run ``rules`` (the rules on by default when None) over it with
    their default thresholds updated from ``params`` (code -> parameter values), then apply the document's
    suppression comments and run the rules that judge them (QA101)."""
    from quality.rules import RULES  # imported here: the rules import this module

    if rules is None:
        rules = select_rules(RULES)
    params = params or {}
    with collector_paused():
        prose, measurements = measure(document)
        context = Context(document, prose, measurements, keyphrase or document.front_matter.get("keyphrase"))
        flags: list[Flag] = []
        late = [r for r in rules if r.after_suppressions]
        for rule in (r for r in rules if not r.after_suppressions):
            flags.extend(_run(rule, context, params))
        kept, suppressed, context.unused_suppressions = apply_suppressions(
            flags, document, {r.code for r in rules}, {r.code for r in RULES}
        )
        for rule in late:
            kept.extend(_run(rule, context, params))
        kept.sort()
    return Report(document, kept, dict(measurements.values), measurements, suppressed)


def _run(rule: Rule, context: Context, params: Mapping[str, Mapping[str, Any]]) -> list[Flag]:
    values = {**rule.params, **params.get(rule.code, {})}
    try:
        findings = list(rule.check(context, values))
    except Exception as exc:  # a broken rule must say which rule and which document
        raise RuleError(f"{context.document.path}: rule {rule.code} ({rule.name}) failed: {exc!r}") from exc
    return list(_to_flags(rule, findings, context))


def _matches(code: str, codes: tuple[str, ...]) -> bool:
    return not codes or any(code.startswith(c) for c in codes)


def apply_suppressions(
    flags: Sequence[Flag], document: Document, active: set[str], known: set[str] = frozenset()
) -> tuple[list[Flag], list[Flag], list[tuple[Directive, tuple[str, ...]]]]:
    """Split ``flags`` into kept and suppressed by the document's directives, and list the
    codes of each directive that suppressed nothing: codes of rules selected in this run
    (``active``), and codes that no rule has (``known`` is the whole registry)."""
    used: dict[int, set[str]] = {i: set() for i in range(len(document.directives))}
    kept, suppressed = [], []
    for flag in flags:
        hit = None
        for number, directive in enumerate(document.directives):
            if not _matches(flag.code, directive.codes):
                continue
            if directive.kind == "ignore-file" or (directive.paragraph is not None and directive.paragraph == flag.paragraph):
                hit = number
                break
        if hit is None:
            kept.append(flag)
        else:
            suppressed.append(flag)
            used[hit].add(flag.code)
    unused = []
    for number, directive in enumerate(document.directives):
        if not directive.codes:
            if not used[number]:
                unused.append((directive, ()))
            continue
        idle = []
        for code in directive.codes:
            if any(u.startswith(code) for u in used[number]):
                continue
            if not any(r.startswith(code) for r in known):
                idle.append(f"{code} (no such rule)")
            elif any(a.startswith(code) for a in active):
                idle.append(code)  # a rule not selected in this run proves nothing
        if idle:
            unused.append((directive, tuple(idle)))
    return kept, suppressed, unused


def _to_flags(rule: Rule, findings: Iterable[Finding], context: Context) -> Iterable[Flag]:
    prose = context.prose
    for finding in findings:
        related = tuple(prose[i].index for i in finding.related)
        if finding.line is not None:  # a finding about a source line itself (a directive)
            line, column, end_line, end_column, paragraph = finding.line, 1, finding.line, 1, None
        elif finding.paragraph is None:
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
