"""``quality boilerplate``: the boilerplate model's command line (train).

Registered on the ``quality`` group at the end of ``quality/cli.py``. scikit-learn is imported
only by ``train``; ``quality check`` scores with the card's plain numbers (BP108).

Exit codes: 0 done; 3 the model cannot be trained or written (the data set is missing, a file
cannot be written).
"""

from __future__ import annotations

import click

from quality.cli import ToolFailure
from quality.errors import ModelError


@click.group("boilerplate")
def boilerplate_command():
    """The boilerplate model: the probability that a paragraph is page boilerplate (BP108)."""


@boilerplate_command.command("train")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="models/boilerplate-v1.joblib", show_default=True, help="The model file to write; its card (.json, .md) is written beside it.")
@click.option("--data", type=click.Path(dir_okay=False), help="pages.jsonl.gz of boilerplate-readability (default: ../shared/data beside the checkout).")
@click.option("--folds", default=5, show_default=True, type=click.IntRange(3, 50), help="Cross-validation folds (grouped by page).")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the folds.")
def train_command(output, data, folds, seed):
    """Train the boilerplate model on the labelled blocks of real pages (deterministic, a few
    minutes on 2 cores) and write it with its card. `quality boilerplate train` rebuilds the
    bundled model."""
    from quality import boilerplate_model as bm
    from quality.boilerplate_training import train

    try:
        card = train(data or bm.DEFAULT_DATA, output, folds, seed, log=lambda m: click.echo(m, err=True))
    except (ModelError, OSError) as err:
        raise ToolFailure(str(err)) from err
    for variant, result in card["cross_validation"]["estimate"].items():
        text = result["text"]
        click.echo(f"{variant}: kept-text precision {text['precision']:.3f}, recall {text['recall']:.3f}, F1 {text['f1']:.3f} (page-grouped cross-validation)")
