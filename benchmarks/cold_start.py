"""Wall time of ``quality check`` on one seed from a cold process start, and where it goes.

What it measures:

* the wall time of ``quality check seeds/<seed>`` in a fresh process (``python -m quality``),
  best and median of ``--repeat`` runs: what an editor or the pre-commit hook pays per call,
  with the article score (the default: the bundled model's exported copy, scored in pure
  Python, see ``quality/compiled.py``) and without it (``--no-score``);
* the import time of ``quality.cli`` and of the heavy libraries (``python -X importtime``), the
  ten slowest modules by cumulative import time;
* the one-off costs inside a run: the first syllable lookup (the CMU dictionary), the first
  Markdown parse, the first ftfy check, loading the article model and scoring one article.

The word tables (CMU dictionary, Pyphen patterns, wordfreq list) are kept between processes in
the user's cache folder (``quality/cache.py``); the runs above use a store filled by the first
of them, as every run after the first does. The first run after an install (an empty store) and
runs with the store turned off (``QUALITY_NO_CACHE=1``) are timed too.

Target (issue "Linting that fits the ecosystem"): at most 0.5 s on this 2-core machine.

Run from the repository root::

    python benchmarks/cold_start.py
    python benchmarks/cold_start.py --seed seeds/004_6124f721d4266168.txt --repeat 10
"""

from __future__ import annotations

import argparse
import statistics
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 0.5
# The runs may keep compiled bytecode (__pycache__), as every normal installation does: with
# PYTHONDONTWRITEBYTECODE set, each run compiles every module again (about 0.1 s here).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

ONE_OFF = """
import time
t = time.perf_counter(); import quality.cli; print("import quality.cli", time.perf_counter() - t)
t = time.perf_counter(); from features.readability import word_profile; word_profile("delegation")
print("first syllable lookup (CMU dictionary)", time.perf_counter() - t)
t = time.perf_counter(); from quality.document import Document; Document.from_text("# A\\n\\nb", format="markdown")
print("first Markdown parse (markdown-it-py)", time.perf_counter() - t)
t = time.perf_counter(); from features.artifacts import _ftfy; _ftfy().badness.is_bad("caf\\u00c3\\u00a9")
print("first ftfy check", time.perf_counter() - t)
t = time.perf_counter(); from quality.model import load_model; model = load_model()
print("load the article model (exported copy)", time.perf_counter() - t)
t = time.perf_counter(); model.assess("A headline\\nA short paragraph of text to score.")
print("score one article (score, verdict, reasons)", time.perf_counter() - t)
import sys; print("scikit-learn imported:", int("sklearn" in sys.modules))
"""


def time_runs(command: list[str], repeat: int, env: dict[str, str] | None = None, fresh_store: bool = False) -> list[float]:
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as empty:
            run_env = {**CHILD_ENV, **(env or {})}
            if fresh_store:
                run_env["QUALITY_CACHE_DIR"] = empty
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=run_env)
            times.append(time.perf_counter() - start)
    return times


def import_breakdown(top: int) -> list[tuple[int, str]]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import quality.cli, quality.analysis, features"],
        cwd=ROOT, capture_output=True, text=True, check=True, env=CHILD_ENV,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
        rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", default="seeds/001_454988fc12dd0efa.txt", help="the file to check")
    parser.add_argument("--repeat", type=int, default=7, help="cold runs to time")
    args = parser.parse_args()

    print(f"python {sys.version.split()[0]}; checking {args.seed}; {args.repeat} cold runs")
    baseline = time_runs([sys.executable, "-c", "pass"], args.repeat)
    check = [sys.executable, "-m", "quality", "check", args.seed]
    lint = [*check[:4], "--no-score", args.seed]
    time_runs(check, 1)  # fills the store if it is empty
    scored = time_runs(check, args.repeat)
    runs = time_runs(lint, args.repeat)
    first = time_runs(check, args.repeat, fresh_store=True)
    no_store = time_runs(check, args.repeat, env={"QUALITY_NO_CACHE": "1"})
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    if "PYTHONDONTWRITEBYTECODE" in os.environ:
        print("PYTHONDONTWRITEBYTECODE is set here; the timed runs unset it so that bytecode is cached, as in a normal install")
    print(f"\npython start-up alone:             best {min(baseline):.3f} s, median {statistics.median(baseline):.3f} s")
    print(f"quality check (cold, with score):  best {min(scored):.3f} s, median {statistics.median(scored):.3f} s")
    print(f"quality check --no-score (cold):   best {min(runs):.3f} s, median {statistics.median(runs):.3f} s")
    print(f"  first run after install (empty store): best {min(first):.3f} s, median {statistics.median(first):.3f} s")
    print(f"  store turned off (QUALITY_NO_CACHE=1): best {min(no_store):.3f} s, median {statistics.median(no_store):.3f} s")
    for label, times in (("quality check", scored), ("quality check --no-score", runs)):
        verdict = "met" if statistics.median(times) <= TARGET_SECONDS else "NOT met"
        print(f"target <= {TARGET_SECONDS} s ({label}, median): {verdict}")

    print("\nslowest imports (cumulative, ms):")
    for cumulative, name in import_breakdown(10):
        print(f"  {cumulative / 1000:8.1f}  {name}")

    print("\none-off costs inside a run (s):")
    result = subprocess.run([sys.executable, "-c", ONE_OFF], cwd=ROOT, capture_output=True, text=True, check=True, env=CHILD_ENV)
    for line in result.stdout.splitlines():
        label, _, value = line.rpartition(" ")
        if label.endswith(":"):
            print(f"  {label} {'yes' if value == '1' else 'no'}")
        else:
            print(f"  {float(value):8.3f}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
