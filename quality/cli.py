"""The ``quality`` command line: a thin click layer over the library.

Exit codes (proselint's, aligned with click and ruff):

- 0: nothing at or above ``--fail-on`` severity was flagged (default: warning);
- 1: something was flagged;
- 2: usage error, or an input could not be read (the other inputs are still checked);
- 3: the tool itself failed (a rule crashed, an internal error).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from quality.errors import InputError, QualityError, UnknownRuleError
from quality.registry import Severity

EXIT_CLEAN, EXIT_FLAGGED, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3


class ToolFailure(click.ClickException):
    """The tool failed (not the input): exit code 3."""

    exit_code = EXIT_FAILURE


def _split_codes(values: tuple[str, ...]) -> list[str]:
    return [code for value in values for code in value.split(",") if code.strip()]


def iter_inputs(paths: tuple[str, ...], excluded=None) -> Iterator[str | InputError]:
    """Expand directories (recursively, sorted, hidden folders skipped) into checkable files;
    files named explicitly are kept whatever their suffix; ``-`` is standard input.
    ``excluded(path)`` drops walked files (the configuration's ``exclude`` globs).

    Symbolic links to folders are followed, each folder once: a link back to a folder above it
    (a loop) is reported, not followed. What cannot be walked is yielded as an
    :class:`InputError` in its place (a folder that cannot be listed, a link loop, a walked
    file that is not a regular file, such as a named pipe, which would block a read), so that
    the caller reports it and checks everything else."""
    from quality.document import HTML_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES

    suffixes = (*TEXT_SUFFIXES, *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if not path.is_dir():
            yield raw
            continue
        found: list[tuple[str, str | InputError]] = []
        visited = {os.path.realpath(path)}

        def unlisted(err: OSError) -> None:
            found.append((err.filename, InputError(f"{err.filename}: folder cannot be listed ({err.strerror or err})")))

        for root, dirs, files in os.walk(path, onerror=unlisted, followlinks=True):
            kept = []
            for name in sorted(d for d in dirs if not d.startswith(".")):
                link, real = os.path.join(root, name), os.path.realpath(os.path.join(root, name))
                if real not in visited:
                    visited.add(real)
                    kept.append(name)
                elif os.path.commonpath([real, os.path.realpath(root)]) == real:
                    found.append((link, InputError(f"{link}: symbolic link loop (it points back to {real}); not followed")))
                # else a second link to a folder searched already: its files are checked once
            dirs[:] = kept
            for name in files:
                file = os.path.join(root, name)
                if name.startswith(".") or Path(name).suffix.lower() not in suffixes:
                    continue
                if excluded is None or not excluded(Path(file)):
                    found.append((file, _special_file(file) or file))
        yield from (item for _, item in sorted(found, key=lambda pair: pair[0]))


def _special_file(path: str) -> InputError | None:
    """An error for a walked file that is not a regular file (reading a named pipe would wait
    for a writer); None for regular files and for links that cannot be followed (reading them
    reports why)."""
    from quality.document import file_kind

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else InputError(f"{path}: is not a regular file ({file_kind(mode)}); skipped")


def load_document(raw: str | InputError, input_format: str, page: bool = False):
    """Read one input into a :class:`Document` (errors name the input). With ``page``, HTML
    inputs are read as whole pages (every block of visible text) instead of their article."""
    from quality.document import Document, decode, format_for

    if isinstance(raw, InputError):  # what iter_inputs could not walk
        raise raw
    if raw == "-":
        data = sys.stdin.buffer.read()
        text = decode(data, "<stdin>")
        fmt = "text" if input_format == "auto" else input_format
        return Document.from_text(text, "<stdin>", "html-page" if page and fmt == "html" else fmt)
    path = Path(raw)
    fmt = format_for(path) if input_format == "auto" else input_format
    return Document.from_path(path, "html-page" if page and fmt == "html" else fmt)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="content-quality", prog_name="quality")
def cli():
    """Find low-quality, spammy and SEO-artifact content in English articles."""


OUTPUT_FORMATS = ["text", "json", "sarif", "github", "junit"]
SEVERITIES = ["info", "warning", "error"]


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--input-format", type=click.Choice(["auto", "text", "markdown", "html", "html-page"]), default="auto", show_default=True, help="How to read inputs (auto: by file suffix; stdin is text). html: the article trafilatura extracts; html-page: every block of visible text.")
@click.option("--page", is_flag=True, help="Read HTML inputs as whole pages (like --input-format html-page): every block of visible text is a paragraph, and BP108 flags the boilerplate an extractor would drop.")
@click.option("--select", multiple=True, metavar="CODES", help="Only rules whose code starts with one of these (comma-separated, repeatable); replaces the configuration's select.")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip rules whose code starts with one of these (added to the configuration's ignore).")
@click.option("--keyphrase", metavar="PHRASE", help="The focus keyphrase: enables Yoast-style checks (KW102, KW104-KW106). Default: front matter 'keyphrase:', then the configuration.")
@click.option("--min-severity", type=click.Choice(SEVERITIES), help="Do not report flags below this severity [default: info].")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Exit 1 when a flag at or above this severity is reported [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when something is flagged.")
@click.option("--statistics", is_flag=True, help="Print the number of flags per rule instead of the flags.")
@click.option("--add-ignores", is_flag=True, help="Write suppression comments for every current flag into the files (a baseline).")
@click.option("--score/--no-score", default=None, help="Score each article with the model (probability of low quality, verdict, three reasons) [default: on; config key 'score'].")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Score with this model file instead of the bundled one (implies --score). A model file is a pickle: use only files you trust.")
@click.option("--fail-over", type=click.FloatRange(0, 1), help="Exit 1 when an article scores above this.")
@click.option("--fail-under", type=click.FloatRange(0, 1), help="Exit 1 when an article scores below this (for models whose positive label is good).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Use this configuration file instead of the nearest one.")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--quiet", "-q", is_flag=True, help="No per-file summaries on stderr.")
def check(paths, output_format, input_format, page, select, extend_select, ignore, keyphrase, min_severity, fail_on,
          exit_zero, statistics, add_ignores, score, model_path, fail_over, fail_under, config_path, isolated, quiet):
    """Print per-paragraph quality flags for PATHS (files, directories, or - for stdin).

    One line per flag: path:line:col: CODE message. Directories are searched for .txt, .text,
    .md, .markdown, .html and .htm files; HTML is read as the article trafilatura extracts
    (--page: the whole page). Settings come from [tool.quality] in the nearest pyproject.toml or
    .quality.toml, walking up from each file; options given here win.
    """
    from quality import __version__
    from quality.analysis import analyze
    from quality.config import ConfigError, override, resolve
    from quality.output import (
        format_github, format_json, format_junit, format_sarif, format_statistics, format_text_line,
        report_dict, summary_line,
    )
    from quality.rules import RULES

    cache: dict = {}
    cli_select = tuple(_split_codes(select)) or None
    cli_extend = tuple(_split_codes(extend_select))
    cli_ignore = tuple(_split_codes(ignore))
    try:
        from quality.registry import select_rules

        select_rules(RULES, [*(cli_select or ()), *cli_extend], cli_ignore)
    except UnknownRuleError as err:
        raise click.BadParameter(str(err), param_hint="--select/--extend-select/--ignore") from err

    def settings_for(raw: str):
        path = None if raw == "-" else Path(raw)
        base = resolve(path, config_path, isolated, RULES, cache)
        return override(
            base,
            select=cli_select,
            extend_select=(base.extend_select + cli_extend) if cli_extend else None,
            ignore=(base.ignore + cli_ignore) if cli_ignore else None,
            min_severity=Severity.parse(min_severity) if min_severity else None,
            fail_on=Severity.parse(fail_on) if fail_on else None,
        )

    try:
        inputs = list(iter_inputs(paths, excluded=lambda p: settings_for(str(p)).is_excluded(p)))
    except ConfigError as err:
        raise click.UsageError(str(err)) from err
    if not inputs:
        raise click.UsageError(f"no .txt, .md or .html files found in {', '.join(paths)}")
    failing = False
    input_errors: list[dict] = []
    files: list[dict] = []
    shown_all: list = []
    per_file: list[tuple[str, list]] = []
    baselined = 0
    model = None
    for raw in inputs:
        if isinstance(raw, InputError):  # found while walking a folder
            input_errors.append({"path": str(raw).split(": ", 1)[0], "error": str(raw)})
            click.echo(f"error: {raw}", err=True)
            continue
        try:
            settings = settings_for(raw)
            document = load_document(raw, input_format, page)
            rules = settings.rules_for(None if raw == "-" else Path(raw), RULES)
            # --keyphrase, else the front matter's (analyze reads it), else the configuration's
            focus = keyphrase or (None if document.front_matter.get("keyphrase") else settings.keyphrase)
            report = analyze(document, rules, keyphrase=focus, params=settings.rule_params)
        except ConfigError as err:
            raise click.UsageError(str(err)) from err
        except InputError as err:
            input_errors.append({"path": raw, "error": str(err)})
            click.echo(f"error: {err}", err=True)
            continue
        except QualityError as err:
            raise ToolFailure(str(err)) from err
        shown = [f for f in report.flags if f.severity >= settings.min_severity]
        assessment = None
        if score is None:  # a model or a score gate asks for scoring; else the configuration says
            do_score = settings.score or model_path is not None or fail_over is not None or fail_under is not None
        else:
            do_score = score
        if do_score and not add_ignores:
            if model is None:
                model = _load_model(model_path)
            assessment = model.assess_report(report)
            failing = failing or (fail_over is not None and assessment.score > fail_over)
            failing = failing or (fail_under is not None and assessment.score < fail_under)
        if add_ignores and raw != "-":
            from quality.baseline import add_ignores as write_ignores

            baselined += write_ignores(Path(raw), document, shown)
            continue
        failing = failing or any(f.severity >= settings.fail_on for f in shown)
        shown_all.extend(shown)
        per_file.append((document.path, shown))
        if output_format == "json":
            files.append(report_dict(report, shown))
            if assessment is not None:
                files[-1]["score"] = assessment.as_dict()
        elif not statistics and output_format in ("text", "github"):
            for flag in shown:
                click.echo(format_github(flag) if output_format == "github" else _coloured(format_text_line(flag), flag))
            if not quiet and output_format == "text":
                click.echo(summary_line(report, shown), err=True)
                if assessment is not None:
                    from quality.model import score_line

                    click.echo(score_line(document.path, assessment), err=True)
    if add_ignores:
        click.echo(f"added {baselined} suppression comment{'s' if baselined != 1 else ''}", err=True)
        sys.exit(EXIT_USAGE if input_errors else EXIT_CLEAN)
    if statistics:
        if shown_all:
            click.echo(format_statistics(shown_all))
    elif output_format == "json":
        click.echo(format_json(files, input_errors, _model_record(model)))
    elif output_format == "sarif":
        click.echo(format_sarif(shown_all, RULES, __version__))
    elif output_format == "junit":
        click.echo(format_junit(per_file))
    if input_errors:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FLAGGED if failing and not exit_zero else EXIT_CLEAN)


def _load_model(path: Path | None):
    """The scoring model, loaded once; warnings go to stderr, a broken model exits 3."""
    import warnings

    from quality.errors import ModelError
    from quality.model import get_model

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            model = get_model(path)
    except ModelError as err:
        raise ToolFailure(str(err)) from err
    for warning in caught:
        click.echo(f"warning: {warning.message}", err=True)
    return model


def _model_record(model) -> dict | None:
    if model is None:
        return None
    return {"path": str(model.path), "sha256": model.card.get("model_file", {}).get("sha256"), "created": model.card.get("created")}


def _coloured(line: str, flag) -> str:
    """The code in the severity's colour (click strips colour when stdout is not a terminal)."""
    colour = {"error": "red", "warning": "yellow", "info": "cyan"}[str(flag.severity)]
    return line.replace(f" {flag.code} ", " " + click.style(flag.code, fg=colour, bold=True) + " ", 1)


@cli.command("rules")
@click.argument("code", required=False)
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def rules_command(code, output_format):
    """List the rules, or explain one (by CODE or name)."""
    from quality.rules import CORPUS_RULES, RULES, get_rule

    if code:
        rule = get_rule(code)
        if rule is None:
            raise click.BadParameter(f"no rule {code!r}; `quality rules` lists them", param_hint="CODE")
        click.echo(explain(rule))
        return
    if output_format == "markdown":
        click.echo(rules_markdown(RULES, CORPUS_RULES))
        return
    for rule in (*RULES, *CORPUS_RULES):
        name = rule.name if rule.default else f"{rule.name} ({'corpus' if rule in CORPUS_RULES else 'off'})"
        click.echo(f"{rule.code}  {name:34s} {str(rule.severity):8s} {str(rule.scope):10s} {rule.doc_section('What it flags').split('. ')[0].rstrip('.')}.")


def explain(rule) -> str:
    """The full documentation of one rule."""
    from quality.rules import CORPUS_RULES

    if rule in CORPUS_RULES:
        default = "only in `quality score --templates` (it needs the corpus)"
    else:
        default = "on" if rule.default else "off (select it by code)"
    head = f"{rule.code} {rule.name}\n\nseverity: {rule.severity}   scope: {rule.scope}   by default: {default}   artifact: {rule.artifact or '-'}"
    if rule.params:
        head += "\nparameters: " + ", ".join(f"{k} = {v}" for k, v in rule.params.items())
    return head + "\n\n" + rule.doc


def rules_markdown(rules, corpus_rules=()) -> str:
    """The rule table for the README (``corpus_rules`` last, marked as run by ``quality score``)."""
    lines = ["| code | name | severity | scope | what it flags |", "|---|---|---|---|---|"]
    for rule in (*rules, *corpus_rules):
        what = rule.doc_section("What it flags").split(". ")[0].rstrip(".").replace("|", "\\|")
        off = " (`quality score --templates`)" if rule in corpus_rules else " (off by default)" if not rule.default else ""
        lines.append(f"| {rule.code} | `{rule.name}`{off} | {rule.severity} | {rule.scope} | {what}. |")
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


# The article score's commands (quality/cli_model.py); they import scikit-learn lazily.
from quality.cli_model import evaluate_command, train_command  # noqa: E402

cli.add_command(train_command)
cli.add_command(evaluate_command)

# The readability score's commands (quality/cli_readability.py).
from quality.cli_readability import readability_command  # noqa: E402

cli.add_command(readability_command)

# Corpus scoring (quality/cli_score.py: quality/corpus.py locally, quality/cluster.py on Dask).
from quality.cli_score import score_command  # noqa: E402

cli.add_command(score_command)

# The boilerplate model's command (quality/cli_boilerplate.py).
from quality.cli_boilerplate import boilerplate_command  # noqa: E402

cli.add_command(boilerplate_command)
