"""``quality readability``: the readability score's command line (train and score).

To be registered on the ``quality`` group at the end of ``quality/cli.py``::

    from quality.cli_readability import readability_command  # noqa: E402
    cli.add_command(readability_command)

scikit-learn is imported only by ``train``; ``score`` grades with the card's plain numbers.

Exit codes: 0 done; 2 usage or input error; 3 the tool failed (the model cannot be trained,
written or loaded).
"""

from __future__ import annotations

import json
import math

import click

from quality.cli import EXIT_USAGE, ToolFailure
from quality.errors import InputError, ModelError


class InputFailure(click.ClickException):
    """A usage or input error: exit code 2, message on stderr."""

    exit_code = EXIT_USAGE


@click.group("readability")
def readability_command():
    """The readability score: a US school grade for an article and for each paragraph."""


@readability_command.command("train")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="models/readability-v1.joblib", show_default=True, help="The model file to write; its card (.json, .md) is written beside it.")
@click.option("--data", type=click.Path(dir_okay=False), help="onestopenglish.jsonl.gz (default: ../shared/data beside the checkout).")
@click.option("--folds", default=5, show_default=True, type=click.IntRange(2, 50), help="Cross-validation folds (grouped by article).")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the folds.")
def train_command(output, data, folds, seed):
    """Train the readability model on OneStopEnglish (deterministic, about 10 s) and write it
    with its card. `quality readability train` rebuilds the bundled model."""
    from quality import readability_model as rm
    from quality.readability_training import train

    try:
        card = train(data or rm.DEFAULT_DATA, output, folds, seed, log=lambda m: click.echo(m, err=True))
    except ModelError as err:
        raise ToolFailure(str(err)) from err
    m = card["cross_validation"]["metrics"]
    click.echo(f"Spearman with level {m['spearman_level']:.3f}; pairwise accuracy {m['pairwise_accuracy']:.4f} ({m['pairs_wrong']} of {m['pairs']} wrong)")


@readability_command.command("score")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def score_command(paths, output_format):
    """Print the grade of each file and of each of its body paragraphs."""
    from features.text import tokenize
    from quality import readability_model as rm
    from quality.document import Document

    results = []
    for path in paths:
        try:
            document = Document.from_path(path)
        except InputError as err:
            raise InputFailure(str(err)) from err
        prose = document.prose
        body = [i for i, p in enumerate(prose) if p.role == "body"]
        grades = rm.paragraph_grades([tokenize(p.text) for p in prose], [p.role for p in prose], body)
        paragraphs = [
            {"paragraph": prose[i].index, "line": prose[i].line, "words": grades.words[i],
             "grade": None if math.isnan(g) or grades.words[i] < rm.MIN_GRADED_WORDS else round(g, 2)}
            for i, g in grades.paragraphs.items()
        ]
        results.append({"path": str(path), "scale": grades.scale, "grade": None if math.isnan(grades.document) else round(grades.document, 2), "paragraphs": paragraphs})
    if output_format == "json":
        click.echo(json.dumps(results, indent=2))
        return
    for result in results:
        click.echo(f"{result['path']}: grade {result['grade']} ({result['scale']})")
        for p in result["paragraphs"]:
            grade = "too short to grade" if p["grade"] is None else f"grade {p['grade']:.1f}"
            click.echo(f"{result['path']}:{p['line']}: paragraph {p['paragraph'] + 1}: {grade} ({p['words']} words)")
