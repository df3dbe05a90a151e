"""``quality score``: score a scraped corpus (the command line of quality/corpus.py and
quality/cluster.py). Registered on the ``quality`` group at the end of ``quality/cli.py``.

Exit codes:

- 0: the run is complete: every input record is in the output or in the rejects file;
- 2: usage error, an input that does not exist or cannot be recognised, or a run that cannot
  start or resume as asked (existing output, changed inputs);
- 3: the tool failed (a model that cannot be loaded, worker processes that keep dying or
  ``--on-crash stop``, counts that do not add up);
- 4: the output cannot be written (disk full, permissions): the committed part is kept, resume
  with ``--resume``;
- 130 / 143: interrupted by SIGINT / SIGTERM: the committed part is kept, resume with ``--resume``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from quality.errors import InputError, ModelError, QualityError

EXIT_USAGE, EXIT_FAILURE, EXIT_OUTPUT = 2, 3, 4
BAR_WIDTH = 40
TOP_FLAGS = 10


class _Exit(click.ClickException):
    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.exit_code = code


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _jobs(ctx, param, value):
    if value is None:
        return _cores()
    if value == -1:
        return _cores()
    if value < 1:
        raise click.BadParameter("use a number of processes (1, 2, ...) or -1 for all cores")
    return value


def _power_of_two(ctx, param, value):
    if value < 1024 or value & (value - 1):
        raise click.BadParameter(f"{value} is not a power of two of at least 1024 (e.g. 2097152 = 2**21)")
    return value


def _size(ctx, param, value):
    """``64MB``, ``1GiB``, ``500000``: a size in bytes."""
    if value is None or isinstance(value, int):
        return value
    text = str(value).strip().upper().replace(" ", "")
    units = {"KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30, "KB": 10**3, "MB": 10**6, "GB": 10**9, "K": 10**3, "M": 10**6, "G": 10**9, "B": 1}
    for unit, factor in units.items():
        if text.endswith(unit) and text[: -len(unit)].replace(".", "", 1).isdigit():
            return int(float(text[: -len(unit)]) * factor)
    if text.isdigit():
        return int(text)
    raise click.BadParameter(f"{value!r} is not a size (e.g. 64MB, 1GiB, 500000)")


@click.command("score")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="Where to write the scores: a .jsonl (or .parquet) file; with --scheduler, a folder of shards and a manifest.")
@click.option("--format", "output_format", type=click.Choice(["jsonl", "parquet"]), help="Output format [default: parquet for a .parquet OUTPUT, else jsonl].")
@click.option("--rejects", type=click.Path(dir_okay=False, path_type=Path), help="The rejects file (JSONL) [default: OUTPUT with .rejects.jsonl].")
@click.option("--input-format", type=click.Choice(["auto", "jsonl", "warc", "text", "markdown", "html", "html-page"]), default="auto", show_default=True, help="How to read the inputs (auto: by suffix; - is JSONL). html: the article of each page; html-page: every block of visible text.")
@click.option("--text-field", default="text", show_default=True, help="The JSONL field holding the text (dotted path for nested fields: meta.body).")
@click.option("--id-field", default="id", show_default=True, help="The JSONL field copied as the record's id (dotted path).")
@click.option("--select", multiple=True, metavar="CODES", help="Only rules whose code starts with one of these (comma-separated, repeatable), as in quality check [default: the rules on by default].")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Rules to add to the selection (e.g. RD102, which is off by default).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip rules whose code starts with one of these.")
@click.option("--features", "with_features", is_flag=True, help="Add every feature value to each record.")
@click.option("--keep-text", is_flag=True, help="Copy the text analysed into each record (for HTML: the extracted text; for a truncated document: its prefix).")
@click.option("-j", "--jobs", type=int, callback=_jobs, help="Worker processes (-1: all cores) [default: all cores].")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=16, show_default=True, help="Documents per task sent to a worker (and per commit).")
@click.option("--max-chars", type=click.IntRange(1000), default=200_000, show_default=True, help="Longer texts are analysed on their first this many characters and marked truncated.")
@click.option("--max-record-bytes", callback=_size, default="64MiB", show_default=True, help="Read limit of one record: a longer JSONL line is rejected unparsed; a longer WARC payload or file is read up to it (truncated).")
@click.option("--resume", is_flag=True, help="Continue an interrupted run (same inputs and options) from what it committed; starts afresh when there is none.")
@click.option("--force", is_flag=True, help="Overwrite an existing output and discard an interrupted run.")
@click.option("--on-crash", type=click.Choice(["skip", "stop"]), default="skip", show_default=True, help="When a worker process dies: retry its documents alone and reject one that kills its process again (skip), or stop the run, resumable (stop).")
@click.option("--templates", is_flag=True, help="Count paragraphs across the corpus first and flag those that recur in many documents (CT101: footers, newsletter boxes).")
@click.option("--template-min-docs", type=click.IntRange(2), default=10, show_default=True, help="CT101 flags a paragraph found in at least this many documents.")
@click.option("--template-width", type=int, callback=_power_of_two, default=1 << 21, show_default=True, help="Counters per row of the count-min sketch (a power of two; 4 rows of 4-byte counters): wider, smaller over-counts.")
@click.option("--template-counts", type=click.Path(dir_okay=False, path_type=Path), help="Load the template counts from this file if it exists, else count and save them there (reuse across runs).")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False), help="Score with this model file instead of the bundled one (load only model files you trust).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on a Dask cluster (tcp://host:8786): OUTPUT becomes a folder of shards plus manifest.json.")
@click.option("--partition-size", callback=_size, default="64MB", show_default=True, help="With --scheduler: plain JSONL files are split into byte ranges of about this size.")
@click.option("--progress/--no-progress", default=None, help="A progress bar on stderr [default: when stderr is a terminal].")
@click.option("--summary", "summary_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the run's summary as JSON here.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary (errors are still reported).")
def score_command(inputs, output, output_format, rejects, input_format, text_field, id_field, select, extend_select, ignore, with_features, keep_text, jobs,
                  batch_size, max_chars, max_record_bytes, resume, force, on_crash, templates, template_min_docs, template_width,
                  template_counts, model_path, scheduler, partition_size, progress, summary_path, quiet):
    """Score every document of a corpus: INPUT files (JSONL, .gz or .zst; WARC and WET; .txt, .md
    and .html), folders of such files, or - for JSONL on standard input.

    One output record per input document, in input order: id, score, verdict, flags with their
    paragraph, the reasons (and with --features every feature value). Records that cannot be
    scored go to the rejects file with their source, line and reason; the summary checks that
    input = output + rejected. An interrupted run resumes with --resume.
    """
    from quality.corpus import Interrupted, OutputError, ResumeError, RunConfig, WorkerCrash, run
    from quality.scoring import ScoreOptions

    if output_format is None:
        output_format = "parquet" if output.suffix.lower() == ".parquet" else "jsonl"
    if progress is None:
        progress = sys.stderr.isatty()
    from quality.cli import _split_codes
    from quality.errors import UnknownRuleError
    from quality.registry import select_rules
    from quality.rules import RULES

    chosen = (tuple(_split_codes(select)), tuple(_split_codes(extend_select)), tuple(_split_codes(ignore)))
    try:
        select_rules(RULES, [*(chosen[0] or ("DEFAULT",)), *chosen[1]], chosen[2])
    except UnknownRuleError as err:
        raise click.BadParameter(str(err), param_hint="--select/--extend-select/--ignore") from err
    options = ScoreOptions(
        model=str(Path(model_path).resolve()) if model_path else None, features=with_features, keep_text=keep_text,
        max_chars=max_chars, template_min_documents=template_min_docs,
        select=chosen[0], extend_select=chosen[1], ignore=chosen[2],
    )
    config = RunConfig(
        inputs=tuple(inputs), output=output, rejects=rejects, output_format=output_format, input_format=input_format,
        text_field=text_field, id_field=id_field, max_record_bytes=max_record_bytes, score=options, jobs=jobs,
        batch_size=batch_size, resume=resume, force=force, on_crash=on_crash, templates=templates,
        template_counts=template_counts, template_width=template_width, progress=progress and not quiet,
    )

    def echo(line: str) -> None:
        click.echo(line, err=True)

    try:
        if scheduler:
            from quality.cluster import run_cluster

            summary = run_cluster(config, scheduler, partition_size, echo)
        else:
            summary = run(config, echo)
    except Interrupted as stop:
        echo(f"quality score: {stop}")
        raise SystemExit(128 + stop.signum) from None
    except (InputError, ResumeError) as err:
        raise _Exit(str(err), EXIT_USAGE) from err
    except OutputError as err:
        raise _Exit(str(err), EXIT_OUTPUT) from err
    except (ModelError, WorkerCrash, QualityError) as err:
        raise _Exit(str(err), EXIT_FAILURE) from err
    if summary_path is not None:
        summary_path.write_text(json.dumps(summary.as_dict(), indent=2) + "\n", encoding="utf-8")
    if not quiet:
        for line in summary_lines(summary):
            echo(line)


def summary_lines(summary) -> list[str]:
    """The end-of-run summary: counts, throughput, verdicts, score histogram, top flags."""
    t = summary.tally
    lines = [
        f"quality score: {t.records:,} input records = {t.scored:,} scored + {t.dropped:,} rejected "
        f"(checked against the files written); output {summary.output}" + ("" if summary.cluster else f", rejects {summary.rejects}"),
    ]
    if summary.skipped:
        kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(summary.skipped.items()))
        lines.append(f"  not documents (WARC records skipped): {kinds}")
    if summary.resumed_from:
        lines.append(f"  resumed: {summary.resumed_from:,} records were committed by the interrupted run")
    if t.rejects:
        kinds = ", ".join(f"{kind} {count:,}" for kind, count in sorted(t.rejects.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"  rejects file: {kinds}" + (f" (truncated: {t.truncated:,} documents scored on a prefix)" if t.truncated else ""))
    if summary.seconds and summary.session_records:
        rate = summary.session_records / summary.seconds
        where = f"{summary.jobs} Dask workers at {summary.cluster}" if summary.cluster else f"{summary.jobs} job{'s' if summary.jobs != 1 else ''}"
        lines.append(f"  throughput: {summary.session_records:,} records in {summary.seconds:.1f} s, {rate:,.1f} documents/s ({where})")
    if summary.crashes:
        lines.append(f"  worker crashes: {len(summary.crashes)}: " + "; ".join(summary.crashes[:3]))
    if summary.templates:
        lines.append(f"  template counts: {summary.templates}")
    if t.scored:
        verdicts = ", ".join(f"{v} {n:,} ({100 * n / t.scored:.0f}%)" for v, n in sorted(t.verdicts.items()))
        lines.append(f"  verdicts: {verdicts}")
        lines.append("  scores:")
        top = max(t.histogram) or 1
        bins = len(t.histogram)
        for i, count in enumerate(t.histogram):
            bar = "#" * round(BAR_WIDTH * count / top)
            lines.append(f"    {i / bins:.1f}-{(i + 1) / bins:.1f} {bar:<{BAR_WIDTH}} {count:,}")
        if t.flag_documents:
            lines.append(f"  most frequent flags (documents with the flag, of {t.scored:,}):")
            for code, count in sorted(t.flag_documents.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_FLAGS]:
                lines.append(f"    {code} {_rule_name(code):28s} {count:>9,} {100 * count / t.scored:5.1f}%")
        else:
            lines.append("  no flags")
    return lines


def _rule_name(code: str) -> str:
    from quality.rules import get_rule

    rule = get_rule(code)
    return rule.name if rule else ""
