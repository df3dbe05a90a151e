"""``quality train`` and ``quality evaluate``: the article score's command line.

Registered on the ``quality`` group at the end of ``quality/cli.py``. scikit-learn is imported
inside the commands, so ``quality check`` does not pay for it at start-up.

Exit codes: 0 done; 2 usage or input error (the message names the file and line); 3 the tool
failed (a model that cannot be written or loaded, :class:`~quality.errors.ModelError`).
"""

from __future__ import annotations

import json
import shlex
import time
from pathlib import Path

import click

from quality.errors import InputError, ModelError

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_REBUILD = "quality train --default -o models/quality-v1.joblib -j 2"


# The exit codes of quality/cli.py (not imported from there: cli.py imports this module).
EXIT_USAGE, EXIT_FAILURE = 2, 3


class InputFailure(click.ClickException):
    """A usage or input error: exit code 2, message on stderr."""

    exit_code = EXIT_USAGE


class ToolFailure(click.ClickException):
    """The tool failed (a model that cannot be written or loaded): exit code 3."""

    exit_code = EXIT_FAILURE


def _jobs(ctx, param, value):
    if value == 0 or value < -1:
        raise click.BadParameter("use a number of processes (1, 2, ...) or -1 for all cores")
    return value


def _fail_input(err: Exception):
    raise InputFailure(str(err)) from err


@click.command("train")
@click.argument("data", required=False, type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The model file to write (.joblib); its card is written beside it (.json and .md).")
@click.option("--default", "default_model", is_flag=True, help="Train the default model on data generated from the shared data sets (quality.synth); no DATA.")
@click.option("--data-dir", type=click.Path(file_okay=False), help="The shared data folder for --default (default: ../shared/data beside the checkout).")
@click.option("--text-field", default="text", show_default=True, help="The field holding the text.")
@click.option("--label-field", default="label", show_default=True, help="The field holding the label (two strings, or 0/1).")
@click.option("--positive", metavar="LABEL", help="The label that counts as positive (needed unless labels are 0/1).")
@click.option("--group-field", metavar="FIELD", help="Keep records with the same value of FIELD in one fold (grouped CV).")
@click.option("--folds", default=5, show_default=True, type=click.IntRange(2, 100), help="Cross-validation folds.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed for the folds and the classifiers.")
@click.option("--ngrams/--no-ngrams", default=False, show_default=True, help="Add word and character n-gram TF-IDF features (for labels that depend on vocabulary).")
@click.option("--classifier", type=click.Choice(["auto", "logistic", "boosting"]), default="auto", show_default=True, help="The classifier of the core features; auto: compare the candidates by cross-validated log-loss and keep the best.")
@click.option("--input-format", type=click.Choice(["text", "markdown"]), default="text", show_default=True, help="How texts are parsed into paragraphs.")
@click.option("-j", "--jobs", default=1, show_default=True, type=int, callback=_jobs, help="Processes for measuring texts and cross-validation folds (-1: all cores).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
def train_command(data, output, default_model, data_dir, text_field, label_field, positive, group_field, folds, seed, ngrams, classifier, input_format, jobs, output_format, quiet):
    """Train a model on labelled texts in DATA (JSONL or CSV, optionally .gz) and write it.

    Prints a cross-validated report (accuracy, precision, recall, F1, ROC-AUC, confusion matrix,
    the decision threshold and the classifier comparison). `quality train --default -o
    models/quality-v1.joblib -j 2` rebuilds the bundled default model from ../shared/data.
    """
    from quality.model import json_ready, save_model
    from quality.training import Progress, format_training_report, read_dataset, train

    progress = Progress(not quiet)
    started = time.perf_counter()
    rebuild = None
    try:
        if default_model:
            if data:
                raise InputError("--default generates its own data; give either DATA or --default")
            dataset = _default_dataset(data_dir, seed, progress)
            group_note = dataset.group_field
            rebuild = DEFAULT_REBUILD if seed == 0 else f"{DEFAULT_REBUILD} --seed {seed}"
        else:
            if not data:
                raise InputError("give the training DATA file (JSONL or CSV), or --default")
            dataset = read_dataset(data, text_field, label_field, positive, group_field)
            group_note = group_field
            rebuild = _command(
                data, output, text_field=text_field, label_field=label_field, positive=positive, group_field=group_field,
                folds=folds, seed=seed, classifier=classifier, input_format=input_format,
            ) + (" --ngrams" if ngrams else "")
        progress.note(f"{len(dataset):,} documents ({int(dataset.y.sum()):,} {dataset.positive_label!r}); {folds}-fold CV" + (f" grouped by {group_note!r}" if group_note else ""))
        result = train(dataset, classifier=classifier, ngrams=ngrams, folds=folds, seed=seed, jobs=jobs, format=input_format, progress=progress, rebuild_command=rebuild)
    except InputError as err:
        _fail_input(err)
    if default_model:
        result.model.card["checks"] = _seed_checks(result.model)
    try:
        paths = save_model(result.model, output)
    except (OSError, ModelError) as err:
        raise ToolFailure(f"{output}: cannot write the model ({err})") from err
    report = result.report
    if output_format == "json":
        click.echo(json.dumps(json_ready({**report, "written": [str(p) for p in paths]}), indent=2))
    else:
        click.echo(format_training_report(report))
        click.echo(f"wrote {paths[0]} and its card {paths[1]} / {paths[2]}")
    progress.note(f"done in {time.perf_counter() - started:.1f} s")


def _command(data, output, **options) -> str:
    """The ``quality train`` command line that repeats this training (for the card)."""
    defaults = {"text_field": "text", "label_field": "label", "positive": None, "group_field": None, "folds": 5, "seed": 0, "classifier": "auto", "input_format": "text"}
    parts = ["quality", "train", shlex.quote(str(data)), "-o", shlex.quote(str(output))]
    for name, value in options.items():
        if value != defaults[name]:
            parts += [f"--{name.replace('_', '-')}", shlex.quote(str(value))]
    return " ".join(parts)


def _seed_checks(model) -> dict:
    """The default model's scores on the seeds (when seeds/ is beside the package): 000 and 004
    must score above 001, 002 and 003."""
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    paths = sorted(seeds.glob("*.txt"))
    if not paths:
        return {}
    scores = {p.name: round(model.score(p.read_text(encoding="utf-8")), 4) for p in paths}
    short = {name[:3]: score for name, score in scores.items()}
    ok = None
    if {"000", "001", "002", "003", "004"} <= set(short):
        ok = min(short["000"], short["004"]) > max(short["001"], short["002"], short["003"])
    return {"seed_scores": scores, "seeds_000_004_above_001_002_003": ok}


def _default_dataset(data_dir, seed, progress):
    from quality import synth
    from quality.training import Dataset

    import numpy as np

    folder = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    missing = [rel for rel in synth.SOURCES.values() if not (folder / rel).is_file()]
    if missing:
        raise InputError(f"{folder}: the shared data sets are needed for --default ({', '.join(missing)} missing); pass --data-dir")
    progress.note(f"generating the default training data from {folder}")
    records = synth.build_corpus(folder, seed)

    return Dataset(
        texts=[r["text"] for r in records],
        y=np.array([int(r["label"] == synth.POSITIVE) for r in records]),
        groups=[r["group"] for r in records],
        positive_label=synth.POSITIVE,
        negative_label=synth.NEGATIVE,
        path=f"generated by quality.synth from {_shown(folder)} (seed {seed}); the SHA-256 is of the corpus as canonical JSON lines",
        sha256=synth.corpus_sha256(records),
        text_field="text",
        label_field="label",
        group_field="group",
        description=synth.DESCRIPTION,
        details=synth.describe(records, folder, seed),
    )


def _shown(folder: Path) -> str:
    """The data folder as the card shows it: relative to the checkout when it is the usual one."""
    try:
        return "../" + str(folder.resolve().relative_to(DEFAULT_DATA_DIR.parents[1]))
    except ValueError:
        return str(folder)


@click.command("evaluate")
@click.argument("model", type=click.Path(dir_okay=False))
@click.argument("data", type=click.Path(dir_okay=False))
@click.option("--text-field", default="text", show_default=True)
@click.option("--label-field", default="label", show_default=True)
@click.option("--positive", metavar="LABEL", help="The positive label in DATA (default: the model's, unless labels are 0/1).")
@click.option("-j", "--jobs", default=1, show_default=True, type=int, callback=_jobs, help="Processes for measuring texts (-1: all cores).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
def evaluate_command(model, data, text_field, label_field, positive, jobs, output_format, quiet):
    """Report a trained MODEL's accuracy, precision, recall, F1, ROC-AUC and confusion matrix on
    held-out labelled DATA (JSONL or CSV), at the threshold in the model's card.

    A model file is a pickle: evaluate only models from a trusted source.
    """
    from quality.model import json_ready, load_model
    from quality.training import Progress, evaluate, format_evaluation_report, read_dataset

    progress = Progress(not quiet)
    try:
        loaded = load_model(model)
    except ModelError as err:
        raise ToolFailure(str(err)) from err
    if positive is None and loaded.positive_label not in ("1",):
        positive = loaded.positive_label
    try:
        dataset = read_dataset(data, text_field, label_field, positive)
        report = evaluate(loaded, dataset, jobs=jobs, progress=progress)
    except InputError as err:
        _fail_input(err)
    if output_format == "json":
        click.echo(json.dumps(json_ready(report), indent=2))
    else:
        click.echo(format_evaluation_report(report, model))
