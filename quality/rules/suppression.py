"""Suppression rules (QA): comments that no longer suppress anything."""

from __future__ import annotations

from quality.registry import Finding, Rule, Scope, Severity


def check_unused_suppression(context, params):
    """What it flags: a suppression comment (``<!-- quality: ignore CODES -->`` or
    ``<!-- quality: ignore-file CODES -->``) that suppresses nothing: the paragraph below it (or
    the file) raises none of the codes it names.

    Why it matters: stale suppressions hide future problems and mislead readers of the source
    (ruff's RUF100 does the same for ``noqa``). Remove the comment or the codes it lists.

    Example: "<!-- quality: ignore BP101 -->" above a paragraph with no call to action.

    Threshold: any code of a rule selected in this run that the comment did not use, and any
    code that no rule has. No tunable value.

    False positives: none known; a suppression for a rule left out of this run is not judged.
    """
    for directive, codes in context.unused_suppressions:
        what = ", ".join(codes) if codes else "all codes"
        where = "in this file" if directive.kind == "ignore-file" else "on the paragraph below"
        yield Finding(None, {"what": what, "kind": directive.kind, "where": where}, line=directive.line)


RULES = (
    Rule(
        code="QA101",
        name="unused-suppression",
        severity=Severity.WARNING,
        scope=Scope.LINE,
        artifact="",  # a tool rule: it judges the tool's own comments, not an artifact
        message="unused suppression: '{kind}' for {what} matches no flag {where}",
        check=check_unused_suppression,
        after_suppressions=True,
    ),
)
