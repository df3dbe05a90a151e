"""The learned readability score next to textstat's formulas and word count, on OneStopEnglish.

OneStopEnglish holds 189 news articles, each written by teachers at three levels (elementary,
intermediate, advanced): 567 texts. In one run, with article-grouped cross-validation (the three
versions of an article always in the same fold; 5 folds, seed 0, the procedure of
``python -m quality.readability_model train``), this script prints for our score (out-of-fold
grades), for each textstat formula and for raw word count:

* the Spearman correlation between the score and the level over all 567 texts;
* the pairwise accuracy of ordering the three versions of each article (ele < int < adv; 567
  pairs; a tie counts as wrong);
* the Spearman correlation with word count, over all texts and within each level (averaged):
  within a level, length says nothing about the level, so a correlation there is length leakage.

textstat's formulas are textstat 0.7.8's own functions on the raw text of each file (Flesch
reading ease is negated, so that higher means harder for every row). Flesch-Kincaid is also
shown as computed by ``features.readability`` on the paragraphs our score reads (headings left
out), the fairest like-for-like row. Word count is the number of words of those paragraphs.
A last table compares paragraphs: the grade of each body paragraph of 30+ words against the level
of its text.

Targets (issue "Readability that beats the classic formulas"): Spearman >= 0.75 with no length
feature, and pairwise accuracy at least that of the best formula.

    python benchmarks/readability.py
    python benchmarks/readability.py --json readability.json
    python benchmarks/readability.py --data /path/to/shared/data

Exit code 2 when the data set is missing.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from importlib import metadata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
TARGET_SPEARMAN = 0.75


def formulas():
    import textstat

    return {
        "Flesch reading ease (negated)": lambda t: -textstat.flesch_reading_ease(t),
        "Flesch-Kincaid grade": textstat.flesch_kincaid_grade,
        "SMOG": textstat.smog_index,
        "Coleman-Liau": textstat.coleman_liau_index,
        "ARI": textstat.automated_readability_index,
        "Dale-Chall": textstat.dale_chall_readability_score,
        "Gunning fog": textstat.gunning_fog,
    }


def row(name: str, scores: np.ndarray, data, kind: str) -> dict:
    from quality.readability_training import evaluate

    metrics = evaluate(np.asarray(scores, dtype=float), data)
    return {"score": name, "kind": kind, **{k: v for k, v in metrics.items() if k != "mean_grade_by_level"}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    source = args.data / "readability-onestopenglish" / "onestopenglish.jsonl.gz"
    if not source.is_file():
        print(f"error: {source} is missing (../shared/data beside the checkout, or --data)", file=sys.stderr)
        return 2

    from scipy.stats import spearmanr

    from features import difficulty
    from quality import readability_model as rm
    from quality import readability_training as rt

    started = time.perf_counter()
    records = rt.read_onestopenglish(source)
    data = rt.measure_records(records, source)
    measured = time.perf_counter()
    oof, alphas, oof_paragraphs = rt.cross_validate(data, rm.FOLDS, rm.SEED)
    validated = time.perf_counter()

    rows = [row("readability-v1 (ours, out-of-fold)", oof, data, "learned")]
    for name, formula in formulas().items():
        rows.append(row(f"textstat {name}", np.array([formula(r["text"]) for r in records]), data, "formula"))
    fk_column = difficulty.NAMES.index("flesch_kincaid_grade")
    rows.append(row("Flesch-Kincaid grade, our paragraphs", data.X[:, fk_column], data, "formula"))
    rows.append(row("word count", data.word_counts, data, "length"))
    scored = time.perf_counter()

    paragraph_levels = np.concatenate([np.full(len(p), data.levels[i]) for i, p in enumerate(data.paragraphs)])
    paragraph_rows = {
        "readability-v1 (ours, out-of-fold)": np.concatenate(oof_paragraphs),
        "Flesch-Kincaid grade": np.concatenate([p[:, fk_column] for p in data.paragraphs]),
        "Flesch reading ease (negated)": -np.concatenate([p[:, difficulty.NAMES.index("flesch_reading_ease")] for p in data.paragraphs]),
        "ARI": np.concatenate([p[:, difficulty.NAMES.index("automated_readability_index")] for p in data.paragraphs]),
    }
    paragraphs = {name: float(spearmanr(values, paragraph_levels)[0]) for name, values in paragraph_rows.items()}

    print(f"python {platform.python_version()}, scikit-learn {metadata.version('scikit-learn')}, textstat {metadata.version('textstat')}, wordfreq {metadata.version('wordfreq')}")
    print(f"OneStopEnglish: {len(records)} texts, {len(set(data.groups.tolist()))} articles; {rm.FOLDS}-fold GroupKFold by article, seed {rm.SEED}; penalties chosen in the folds: {', '.join(f'{a:g}' for a in alphas)}")
    print(f"time: measuring {measured - started:.1f} s, cross-validation {validated - measured:.1f} s, formulas {scored - validated:.1f} s")
    print()
    header = f"{'score':<42} {'Spearman':>9} {'pairwise':>9} {'wrong':>6} {'rho(words)':>11} {'within lvl':>11}"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r['score']:<42} {r['spearman_level']:>9.3f} {r['pairwise_accuracy']:>9.4f} {r['pairs_wrong']:>6d} "
            f"{r['spearman_word_count']:>11.3f} {r['spearman_word_count_within_level']:>11.3f}"
        )
    print()
    print(f"paragraphs ({len(paragraph_levels)} body paragraphs of {rm.EVAL_PARAGRAPH_WORDS}+ words): Spearman of the paragraph's score with its text's level")
    for name, value in paragraphs.items():
        print(f"  {name:<40} {value:.3f}")
    ours = rows[0]
    best = max((r for r in rows if r["kind"] == "formula"), key=lambda r: r["pairwise_accuracy"])
    spearman_met = ours["spearman_level"] >= TARGET_SPEARMAN
    pairwise_met = ours["pairwise_accuracy"] >= best["pairwise_accuracy"]
    print()
    print(f"target Spearman >= {TARGET_SPEARMAN} with no length feature: {'met' if spearman_met else 'NOT met'} ({ours['spearman_level']:.3f})")
    print(f"target pairwise >= best formula ({best['score']}, {best['pairwise_accuracy']:.4f}): {'met' if pairwise_met else 'NOT met'} ({ours['pairwise_accuracy']:.4f})")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "paragraphs": paragraphs, "alphas": alphas}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
