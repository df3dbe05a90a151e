"""The ``quality`` command line: a thin click layer over the library.

Exit codes (proselint's, aligned with click and ruff):

- 0: nothing at or above ``--fail-on`` severity was flagged (default: warning);
- 1: something was flagged;
- 2: usage error, or an input could not be read (the other inputs are still checked);
- 3: the tool itself failed (a rule crashed, an internal error).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from quality.errors import InputError, QualityError, UnknownRuleError
from quality.registry import Severity

EXIT_CLEAN, EXIT_FLAGGED, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class ToolFailure(click.ClickException):
    """The tool failed (not the input): exit code 3."""

    exit_code = EXIT_FAILURE


def _severity(ctx, param, value):
    return Severity.parse(value)


def _split_codes(values: tuple[str, ...]) -> list[str]:
    return [code for value in values for code in value.split(",") if code.strip()]


def iter_inputs(paths: tuple[str, ...]) -> Iterator[str]:
    """Expand directories (recursively, sorted, hidden folders skipped) into checkable files;
    files named explicitly are kept whatever their suffix; ``-`` is standard input."""
    from quality.document import MARKDOWN_SUFFIXES, TEXT_SUFFIXES

    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, f)
                    for f in files
                    if not f.startswith(".") and Path(f).suffix.lower() in (*TEXT_SUFFIXES, *MARKDOWN_SUFFIXES)
                )
            yield from sorted(found)
        else:
            yield raw


def load_document(raw: str, input_format: str):
    """Read one input into a :class:`Document` (errors name the input)."""
    from quality.document import Document, decode, format_for

    if raw == "-":
        data = sys.stdin.buffer.read()
        text = decode(data, "<stdin>")
        return Document.from_text(text, "<stdin>", "text" if input_format == "auto" else input_format)
    path = Path(raw)
    if path.suffix.lower() in HTML_SUFFIXES and input_format == "auto":
        raise InputError(f"{raw}: HTML input is not supported yet; extract the article text first")
    fmt = format_for(path) if input_format == "auto" else input_format
    return Document.from_path(path, fmt)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="content-quality", prog_name="quality")
def cli():
    """Find low-quality, spammy and SEO-artifact content in English articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--input-format", type=click.Choice(["auto", "text", "markdown"]), default="auto", show_default=True, help="How to read inputs (auto: by file suffix; stdin is text).")
@click.option("--select", multiple=True, metavar="CODES", help="Only rules whose code starts with one of these (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip rules whose code starts with one of these.")
@click.option("--keyphrase", metavar="PHRASE", help="The focus keyphrase: enables Yoast-style density checks (KW102).")
@click.option("--min-severity", default="info", callback=_severity, type=click.Choice(["info", "warning", "error"]), show_default=True, help="Do not report flags below this severity.")
@click.option("--fail-on", default="warning", callback=_severity, type=click.Choice(["info", "warning", "error"]), show_default=True, help="Exit 1 when a flag at or above this severity is reported.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when something is flagged.")
@click.option("--quiet", "-q", is_flag=True, help="No per-file summaries on stderr.")
def check(paths, output_format, input_format, select, ignore, keyphrase, min_severity, fail_on, exit_zero, quiet):
    """Print per-paragraph quality flags for PATHS (files, directories, or - for stdin).

    One line per flag: path:line:col: CODE message. Directories are searched for .txt, .text,
    .md and .markdown files.
    """
    from quality import get_rules
    from quality.analysis import analyze
    from quality.output import format_json, format_text_line, report_dict, summary_line

    try:
        rules = get_rules(_split_codes(select), _split_codes(ignore))
    except UnknownRuleError as err:
        raise click.BadParameter(str(err), param_hint="--select/--ignore") from err
    inputs = list(iter_inputs(paths))
    if not inputs:
        raise click.UsageError(f"no .txt or .md files found in {', '.join(paths)}")
    failing = False
    input_errors: list[dict] = []
    files: list[dict] = []
    for raw in inputs:
        try:
            document = load_document(raw, input_format)
            report = analyze(document, rules, keyphrase=keyphrase)
        except InputError as err:
            input_errors.append({"path": raw, "error": str(err)})
            click.echo(f"error: {err}", err=True)
            continue
        except QualityError as err:
            raise ToolFailure(str(err)) from err
        shown = [f for f in report.flags if f.severity >= min_severity]
        failing = failing or any(f.severity >= fail_on for f in shown)
        if output_format == "json":
            files.append(report_dict(report, shown))
        else:
            for flag in shown:
                click.echo(format_text_line(flag))
            if not quiet:
                click.echo(summary_line(report, shown), err=True)
    if output_format == "json":
        click.echo(format_json(files, input_errors))
    if input_errors:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FLAGGED if failing and not exit_zero else EXIT_CLEAN)


@cli.command("rules")
@click.argument("code", required=False)
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def rules_command(code, output_format):
    """List the rules, or explain one (by CODE or name)."""
    from quality.rules import RULES, get_rule

    if code:
        rule = get_rule(code)
        if rule is None:
            raise click.BadParameter(f"no rule {code!r}; `quality rules` lists them", param_hint="CODE")
        click.echo(explain(rule))
        return
    if output_format == "markdown":
        click.echo(rules_markdown(RULES))
        return
    for rule in RULES:
        click.echo(f"{rule.code}  {rule.name:28s} {str(rule.severity):8s} {str(rule.scope):10s} {rule.doc_section('What it flags').split('. ')[0].rstrip('.')}.")


def explain(rule) -> str:
    """The full documentation of one rule."""
    head = f"{rule.code} {rule.name}\n\nseverity: {rule.severity}   scope: {rule.scope}   artifact: {rule.artifact}"
    if rule.params:
        head += "\nparameters: " + ", ".join(f"{k} = {v}" for k, v in rule.params.items())
    return head + "\n\n" + rule.doc


def rules_markdown(rules) -> str:
    """The rule table for the README."""
    lines = ["| code | name | severity | scope | what it flags |", "|---|---|---|---|---|"]
    for rule in rules:
        what = rule.doc_section("What it flags").split(". ")[0].rstrip(".").replace("|", "\\|")
        lines.append(f"| {rule.code} | `{rule.name}` | {rule.severity} | {rule.scope} | {what}. |")
    return "\n".join(lines)


def main() -> None:
    """Console entry point: run the CLI; an unexpected crash exits 3 with a short message."""
    try:
        cli.main(prog_name="quality", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # the last line of defence: never a bare traceback for users
        click.echo(f"quality: internal error: {exc!r} (please report it)", err=True)
        sys.exit(EXIT_FAILURE)
