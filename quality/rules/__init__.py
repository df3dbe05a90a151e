"""The rule registry: every rule, in output order for equal positions.

Codes are stable and never reused: RP repetition, KW keywords, BP boilerplate, AR generation
artifacts, ST structure, RD readability (style advice), QA the tool's own comments.
``quality rules`` lists them; ``quality rules CODE`` prints one's docs.
"""

from __future__ import annotations

from quality.registry import Rule
from quality.rules import artifacts, boilerplate, corpus, keywords, readability, repetition, structure, suppression

RULES: tuple[Rule, ...] = (
    *repetition.RULES,
    *keywords.RULES,
    *boilerplate.RULES,
    *artifacts.RULES,
    *structure.RULES,
    *readability.RULES,
    *suppression.RULES,
)
# Rules that need the other documents of a corpus: only `quality score` runs them (--templates).
CORPUS_RULES: tuple[Rule, ...] = corpus.RULES
RULES_BY_CODE = {rule.code: rule for rule in (*RULES, *CORPUS_RULES)}


def get_rule(code_or_name: str) -> Rule | None:
    """The rule with this code (any case) or kebab-case name, or None."""
    key = code_or_name.strip()
    return RULES_BY_CODE.get(key.upper()) or next((r for r in RULES_BY_CODE.values() if r.name == key.lower()), None)
