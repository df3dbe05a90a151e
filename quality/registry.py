"""Rule records, flags and rule selection.

A rule is a frozen record (proselint's declarative checks, ruff's codes): a stable code, a
kebab-case name that names the problem, a severity, a scope, default thresholds and a check
function whose docstring is the rule's documentation, in a fixed template that a test enforces.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from quality.errors import UnknownRuleError

if TYPE_CHECKING:
    from quality.analysis import Context

DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "Threshold", "False positives")
CODE_RE = re.compile(r"^[A-Z]{2}\d{3}$")
NAME_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


class Severity(enum.IntEnum):
    """How sure and how serious: info never fails a run by default."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}: expected info, warning or error") from None


class Scope(str, enum.Enum):
    PARAGRAPH = "paragraph"
    DOCUMENT = "document"
    LINE = "line"  # a source line that is not prose (a suppression comment)

    def __str__(self) -> str:
        return self.value


class Finding(NamedTuple):
    """What a check found: where (a prose paragraph and a span in it) and the message values."""

    paragraph: int | None
    args: Mapping[str, Any]
    start: int = 0
    end: int | None = None
    related: tuple[int, ...] = ()
    line: int | None = None  # a source line, for findings about a line rather than a paragraph


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    scope: Scope
    artifact: str  # the ARTIFACTS.md type id it detects
    message: str  # str.format template over the finding's args
    check: Callable[[Context, Mapping[str, Any]], Iterable[Finding]]
    params: Mapping[str, Any] = field(default_factory=dict)
    after_suppressions: bool = False  # runs once suppression comments have been applied
    default: bool = True  # selected when nothing is selected; otherwise only by name (ruff's "preview")

    @property
    def doc(self) -> str:
        """The rule's documentation: its check function's docstring."""
        import inspect

        return inspect.cleandoc(self.check.__doc__ or "")

    def doc_section(self, section: str) -> str:
        """The text of one section of the documentation ("" when missing)."""
        match = re.search(
            rf"^{re.escape(section)}:\s*(.*?)(?=^(?:{'|'.join(map(re.escape, DOC_SECTIONS))}):|\Z)",
            self.doc,
            re.S | re.M,
        )
        return " ".join(match.group(1).split()) if match else ""


@dataclass(frozen=True, order=True)
class Flag:
    """One reported problem, positioned in the source."""

    path: str
    line: int
    column: int
    code: str
    message: str
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    scope: Scope = field(compare=False)
    paragraph: int | None = field(compare=False)  # 0-based index of the paragraph in the document
    end_line: int = field(compare=False, default=0)
    end_column: int = field(compare=False, default=0)
    related: tuple[int, ...] = field(compare=False, default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "scope": str(self.scope),
            "paragraph": self.paragraph,
            "related_paragraphs": list(self.related),
            "message": self.message,
        }


def select_rules(
    rules: Sequence[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Rule]:
    """Rules whose code starts with a prefix in ``select`` and with none in ``ignore``.

    An empty ``select`` (or the word ``DEFAULT`` in it) means the rules that are on by default;
    ``ALL`` means every rule, including those that must be selected by name (``default=False``).
    A prefix that matches no rule raises :class:`UnknownRuleError`.
    """
    select = [s.strip().upper() for s in select if s.strip()] or ["DEFAULT"]
    ignore = [s.strip().upper() for s in ignore if s.strip()]
    for prefix in (*select, *ignore):
        if prefix not in ("ALL", "DEFAULT") and not any(r.code.startswith(prefix) for r in rules):
            known = ", ".join(sorted({r.code[:2] for r in rules}))
            raise UnknownRuleError(f"no rule code starts with {prefix!r} (rule families: {known})")

    def selected(rule: Rule) -> bool:
        if "ALL" in select or any(rule.code.startswith(p) for p in select if p not in ("ALL", "DEFAULT")):
            return True
        return "DEFAULT" in select and rule.default

    return [r for r in rules if selected(r) and not any(r.code.startswith(p) for p in ignore)]
