"""Errors raised by the library. The CLI turns them into messages and exit codes."""

from __future__ import annotations


class QualityError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(QualityError):
    """An input (file, record, stream) cannot be read or decoded; the message names it."""


class UnknownRuleError(QualityError, ValueError):
    """A rule code or prefix given to --select/--ignore matches no rule."""


class RuleError(QualityError):
    """A rule failed on a document; the message names the rule and the document."""


class ModelError(QualityError):
    """A model file is missing, damaged or does not match the running code."""
