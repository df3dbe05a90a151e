"""How long the article score takes: training the default model, and loading it and scoring one
article.

- **Training**: the full ``quality train --default`` run (generating the corpus from
  ../shared/data, measuring every text, cross-validating both candidates, fitting the chosen
  one), timed by phase, into a temporary folder (the bundled model is not touched). Target:
  under 10 minutes on 2 cores.
- **Load + score**: the best of ``--repeat`` runs, in this process, of ``load_model()`` of the
  bundled default and ``assess()`` of one seed article (score, verdict and three reasons), plus
  ``score(text)``, ``score_values(values)`` and ``assess(values=...)`` (scoring from the
  measurements ``quality check`` already has). Target: well under a second. Then the same in a
  fresh Python process, broken down: importing the core, the core's one-off first measurement
  (loading its dictionaries, which ``quality check`` pays anyway), ``load_model()`` (the
  exported copy, ``quality/compiled.py``: no scikit-learn import) and ``assess()``; and, for
  comparison, loading the pickled scikit-learn pipeline (``model.pipeline``: importing
  scikit-learn and unpickling).

    python benchmarks/model_speed.py                 # both (about 1-2 minutes on 2 cores)
    python benchmarks/model_speed.py --skip-train    # load and score only (needs models/)
    python benchmarks/model_speed.py --jobs 2 --json speed.json

Exit code 2 when the shared data (for training) or the bundled model (for scoring) is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
ARTICLE = ROOT / "seeds" / "004_6124f721d4266168.txt"
TRAIN_TARGET_SECONDS = 600
SCORE_TARGET_SECONDS = 1.0

COLD = """
import time, sys
t0 = time.perf_counter()
from quality.analysis import measure
from quality.document import Document
t1 = time.perf_counter()
measure(Document.from_text("Warm-up\\nOne sentence to load the dictionaries."))
t2 = time.perf_counter()
from quality.model import load_model
model = load_model()
t3 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
assessment = model.assess(text)
t4 = time.perf_counter()
model.pipeline
t5 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, int("sklearn" in sys.modules), assessment.score)
"""


def time_training(data: Path, jobs: int) -> dict:
    from quality.cli_model import _default_dataset
    from quality.model import save_model
    from quality.training import Progress, train

    started = time.perf_counter()
    dataset = _default_dataset(data, 0, Progress(False))
    generated = time.perf_counter() - started
    result = train(dataset, classifier="auto", folds=5, seed=0, jobs=jobs, progress=Progress(True))
    with tempfile.TemporaryDirectory() as tmp:
        save_model(result.model, Path(tmp) / "quality-v1.joblib")
    total = time.perf_counter() - started
    timing = result.report["timing_seconds"]
    return {
        "documents": len(dataset),
        "generate_seconds": round(generated, 2),
        "measure_seconds": timing["measure"],
        "cross_validation_seconds": round(timing["total"] - timing["measure"] - timing["final_fit"], 2),
        "final_fit_seconds": timing["final_fit"],
        "total_seconds": round(total, 2),
        "chosen": result.model.card["pipeline"]["classifier"],
    }


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def time_scoring(repeat: int) -> dict:
    from quality.analysis import measure
    from quality.document import Document
    from quality.model import load_model

    cold = subprocess.run([sys.executable, "-c", COLD, str(ARTICLE)], capture_output=True, text=True, check=True, cwd=ROOT)
    cold_imports, cold_first_measure, cold_load, cold_assess, cold_pickle, _, _ = (float(x) for x in cold.stdout.split())
    text = ARTICLE.read_text(encoding="utf-8")
    model = load_model()
    _, measurements = measure(Document.from_text(text))
    values = measurements.values
    return {
        "article": ARTICLE.name,
        "article_bytes": len(text.encode("utf-8")),
        "cold_imports_seconds": round(cold_imports, 4),
        "cold_first_measure_seconds": round(cold_first_measure, 4),
        "cold_load_seconds": round(cold_load, 4),
        "cold_assess_seconds": round(cold_assess, 4),
        "cold_total_seconds": round(cold_imports + cold_first_measure + cold_load + cold_assess, 4),
        "cold_pickle_seconds": round(cold_pickle, 4),
        "warm_load_seconds": round(best_of(repeat, load_model), 4),
        "warm_score_text_seconds": round(best_of(repeat, lambda: model.score(text)), 4),
        "warm_assess_text_seconds": round(best_of(repeat, lambda: model.assess(text)), 4),
        "warm_score_values_seconds": round(best_of(repeat, lambda: model.score_values(values)), 4),
        "warm_assess_values_seconds": round(best_of(repeat, lambda: model.assess(values=values)), 4),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(DATA), help="the shared data folder")
    parser.add_argument("--jobs", type=int, default=2, help="processes for training")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each in-process timing (best kept)")
    parser.add_argument("--skip-train", action="store_true", help="only time loading and scoring")
    parser.add_argument("--json", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    import sklearn

    print(f"python {platform.python_version()}, scikit-learn {sklearn.__version__}, {platform.machine()}, {os.cpu_count()} CPUs, jobs {args.jobs}")
    figures = {}
    if not args.skip_train:
        data = Path(args.data)
        if not data.is_dir():
            print(f"error: {data} is missing (the shared data sets are not beside the checkout)", file=sys.stderr)
            return 2
        t = time_training(data, args.jobs)
        figures["training"] = t
        print(
            f"training the default model: {t['total_seconds']:.1f} s for {t['documents']:,} documents "
            f"(generate {t['generate_seconds']:.1f} s, measure {t['measure_seconds']:.1f} s, "
            f"cross-validation {t['cross_validation_seconds']:.1f} s, final fit {t['final_fit_seconds']:.1f} s; chose {t['chosen']}); "
            f"target < {TRAIN_TARGET_SECONDS} s: {'met' if t['total_seconds'] < TRAIN_TARGET_SECONDS else 'NOT met'}"
        )
    from quality.model import DEFAULT_MODEL

    if not DEFAULT_MODEL.is_file():
        print(f"error: {DEFAULT_MODEL} is missing; build it with `quality train --default -o models/quality-v1.joblib -j 2`", file=sys.stderr)
        return 2
    s = time_scoring(args.repeat)
    figures["scoring"] = s
    warm = s["warm_load_seconds"] + s["warm_assess_text_seconds"]
    print(
        f"load + score one article ({s['article']}, {s['article_bytes']:,} bytes) once the libraries are imported "
        f"(as in `quality check` after its first file): {warm * 1000:.0f} ms (load_model {s['warm_load_seconds'] * 1000:.1f} ms, "
        f"assess {s['warm_assess_text_seconds'] * 1000:.1f} ms, best of {args.repeat}); target < {SCORE_TARGET_SECONDS} s: "
        f"{'met' if warm < SCORE_TARGET_SECONDS else 'NOT met'}"
    )
    print(
        f"  also: score(text) {s['warm_score_text_seconds'] * 1000:.1f} ms, score_values {s['warm_score_values_seconds'] * 1000:.1f} ms, "
        f"assess(values) {s['warm_assess_values_seconds'] * 1000:.1f} ms (from measurements `quality check` already has)"
    )
    print(
        f"fresh process, total {s['cold_total_seconds']:.3f} s: importing the core {s['cold_imports_seconds']:.3f} s, "
        f"the core's one-off first measurement (dictionaries; `quality check` pays it too) {s['cold_first_measure_seconds']:.3f} s, "
        f"load_model (exported copy) {s['cold_load_seconds']:.3f} s, assess {s['cold_assess_seconds']:.3f} s; "
        f"for comparison, unpickling the scikit-learn pipeline (imports scikit-learn) {s['cold_pickle_seconds']:.3f} s"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
