"""Throughput of the full analysis next to datatrove's four quality filters, on the same documents.

What it measures: documents per second, in one process on one core, of

* ours: ``analyze(Document.from_text(text))``, the full analysis (paragraph splitting, every
  feature and every rule);
* datatrove: ``GopherRepetitionFilter``, ``GopherQualityFilter``, ``FineWebQualityFilter`` and
  ``C4QualityFilter`` with their default (paper) thresholds, all four called with ``.filter(doc)``
  on a ``datatrove.data.Document`` built from the same text. Every filter runs on every document,
  whatever the others decide: we compare the work of running all four. C4 runs last because it
  rewrites ``doc.text`` when it keeps a document; the others read the original text.

The documents are real article text from ``../shared/data/`` beside the checkout: the 567 texts
of ``readability-onestopenglish`` and the ``main_text`` of the 78 pages of
``boilerplate-readability`` (about 5 KB on average). Both sides first run untimed on the first
few documents of each data set (lazy imports, spaCy's blank English model, word lists). Then each
side is timed with ``time.perf_counter`` over all documents and the best of ``--repeat`` runs is
kept, which also absorbs any lazy load that only a later document triggers. datatrove caches the
tokenization of its last five texts; that cache is cleared before each run, so no run reuses work
done on the same text in an earlier one.

The targets it checks: at least 10 times the documents per second of datatrove's four filters
together, and at least 1,000 documents per second on one core for articles of about 5 KB.
Figures depend on the machine; they are reported, never asserted in tests.

Run from the repository root::

    python benchmarks/throughput.py                         # full run
    python benchmarks/throughput.py --limit 50 --repeat 1   # quick smoke run
    python benchmarks/throughput.py --json throughput.json  # also write the figures as JSON

Needs ``pip install -e ".[bench]"`` (datatrove and spaCy). Exit code 2 when the data folder or a
benchmark dependency is missing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
# (file under the data folder, JSON field holding the article text)
SOURCES = (
    ("readability-onestopenglish/onestopenglish.jsonl.gz", "text"),
    ("boilerplate-readability/pages.jsonl.gz", "main_text"),
)
WARMUP_DOCUMENTS = 10  # per source, so that both kinds of text go through the warm-up
TARGET_RATIO = 10.0  # ours / datatrove, in documents per second
TARGET_DOCS_PER_SECOND = 1000.0  # ours, on one core
TARGET_DOC_BYTES = 5000  # the documents-per-second target is stated for articles of about 5 KB


@dataclass(frozen=True)
class Article:
    """One benchmark document: its data set, its record id and its text."""

    source: str
    id: str
    text: str


@dataclass(frozen=True)
class Timing:
    """The best of several timed runs of one system over the same documents."""

    system: str
    documents: int
    seconds: float  # best run
    runs: list[float]  # every run, in order

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds

    @property
    def ms_per_document(self) -> float:
        return 1000 * self.seconds / self.documents


Pass = Callable[[Sequence[Article]], None]  # one system's work over a list of documents


def load_articles(data: Path) -> list[Article]:
    """The benchmark documents, in a fixed order: OneStopEnglish texts, then Readability pages."""
    articles = []
    for name, field in SOURCES:
        with gzip.open(data / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                articles.append(Article(name.split("/")[0], record["id"], record[field]))
    return articles


def warmup_sample(articles: Sequence[Article]) -> list[Article]:
    """The first ``WARMUP_DOCUMENTS`` documents of each source present in ``articles``."""
    taken: Counter[str] = Counter()
    sample = []
    for article in articles:
        if taken[article.source] < WARMUP_DOCUMENTS:
            taken[article.source] += 1
            sample.append(article)
    return sample


def ours() -> Pass:
    """The full analysis: parse each text as plain text, then measure it and run every rule."""
    from quality.analysis import analyze
    from quality.document import Document

    def run(articles: Sequence[Article]) -> None:
        for article in articles:
            analyze(Document.from_text(article.text))

    return run


def datatrove_filters() -> Pass:
    """datatrove's four quality filters with default thresholds, every filter on every document."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        FineWebQualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )

    # C4 last: it rewrites doc.text when it keeps a document.
    filters = (GopherRepetitionFilter(), GopherQualityFilter(), FineWebQualityFilter(), C4QualityFilter())

    def run(articles: Sequence[Article]) -> None:
        for article in articles:
            doc = Document(text=article.text, id=article.id)
            for step in filters:
                step.filter(doc)

    return run


def warm_up(system: str, run: Pass, articles: Sequence[Article]) -> None:
    """Run once, untimed; a failure here (a model that must be downloaded, say) names the system."""
    try:
        run(articles)
    except Exception as exc:
        raise SystemExit(f"{system} failed during warm-up (offline, or a missing model?): {exc!r}") from exc


def best_of(system: str, run: Pass, articles: Sequence[Article], repeat: int,
            before_run: Callable[[], None] = lambda: None) -> Timing:
    """Time ``run`` over ``articles`` ``repeat`` times and keep the best; ``before_run`` is not timed."""
    runs = []
    for _ in range(repeat):
        before_run()
        start = time.perf_counter()
        run(articles)
        runs.append(time.perf_counter() - start)
    return Timing(system, len(articles), min(runs), runs)


def where_time_goes(run: Pass, articles: Sequence[Article]) -> list[tuple[float, str]]:
    """Share of the profiled run's own time per module (ours by path, the rest by package)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    run(articles)
    profiler.disable()
    totals: Counter[str] = Counter()
    for (filename, _, function), (_, _, own, _, _) in pstats.Stats(profiler).stats.items():  # type: ignore[attr-defined]
        path = Path(filename)
        if ROOT in path.parents:
            module = str(path.relative_to(ROOT))
        elif "site-packages" in path.parts:
            module = path.parts[path.parts.index("site-packages") + 1]
        elif filename == "~":
            method = re.match(r"<method '(\w+)' of '([\w.]+)' objects>", function)
            module = "built-in: " + (f"{method.group(2)}.{method.group(1)}" if method else function.strip("<>").replace("built-in method ", ""))
        else:
            module = "python: " + path.stem
        totals[module] += own
    whole = sum(totals.values()) or 1.0
    return [(seconds / whole, module) for module, seconds in totals.most_common()]


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"data folder (default: {DEFAULT_DATA})")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per system; the best is kept (default: 3)")
    parser.add_argument("--limit", type=int, help="use only the first N documents (for a quick smoke run)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON to PATH")
    parser.add_argument("--where", type=int, default=12, metavar="N",
                        help="after the timings, profile our analysis once and print the N modules with the most "
                             "own time (0: skip; default: 12)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or (args.limit is not None and args.limit < 1):
        parser.error("--repeat and --limit must be at least 1")

    missing = [name for name, _ in SOURCES if not (args.data / name).is_file()]
    if missing:
        print(f"error: data folder {args.data} lacks {', '.join(missing)}; "
              "pass --data DIR pointing at shared/data", file=sys.stderr)
        return 2
    try:
        import datatrove.pipeline.filters  # noqa: F401
        import spacy
    except ImportError as exc:
        print(f"error: {exc}; install the benchmark extras: pip install -e \".[bench]\"", file=sys.stderr)
        return 2

    corpus = load_articles(args.data)
    articles = corpus[: args.limit]
    mean_bytes = statistics.mean(len(article.text.encode("utf-8")) for article in articles)
    warmup = warmup_sample(articles)

    # One core: also keeps any BLAS or tokenizer threads from spreading over the others.
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        core = f"pinned to CPU {cpu}"
    else:
        core = "not pinned (no sched_setaffinity here)"

    from datatrove.utils.text import split_into_parts

    ours_run, peer_run = ours(), datatrove_filters()
    warm_up("ours", ours_run, warmup)
    warm_up("datatrove", peer_run, warmup)
    timings = [
        best_of("ours: full analysis", ours_run, articles, args.repeat),
        best_of("datatrove: 4 filters", peer_run, articles, args.repeat, split_into_parts.cache_clear),
    ]
    ratio = timings[0].docs_per_second / timings[1].docs_per_second
    ratio_met = ratio >= TARGET_RATIO
    speed_met = timings[0].docs_per_second >= TARGET_DOCS_PER_SECOND

    environment = {
        "python": platform.python_version(),
        "datatrove": package_version("datatrove"),
        "spacy": spacy.__version__,
        "content-quality": package_version("content-quality"),
        "cpu_count": os.cpu_count(),
        "core": core,
        "platform": platform.platform(),
    }
    print(f"documents: {len(articles)} of {len(corpus)} ({' + '.join(dict.fromkeys(a.source for a in articles))}), "
          f"mean size {mean_bytes:,.0f} bytes")
    print(f"python {environment['python']}, datatrove {environment['datatrove']}, spacy {environment['spacy']}, "
          f"content-quality {environment['content-quality']}; {environment['cpu_count']} CPUs, {core}")
    print(f"warm-up: {len(warmup)} documents per system (the first {WARMUP_DOCUMENTS} of each data set), untimed; "
          f"then best of {args.repeat} timed run(s) per system")
    print()
    print(f"{'system':<22} {'documents':>9} {'seconds':>9} {'documents/s':>12} {'ms/document':>12}")
    for timing in timings:
        print(f"{timing.system:<22} {timing.documents:>9} {timing.seconds:>9.3f} "
              f"{timing.docs_per_second:>12.1f} {timing.ms_per_document:>12.2f}")
    print()
    print(f"ratio ours/datatrove (documents/s): {ratio:.2f}x")
    print(f"target >= {TARGET_RATIO:.0f}x datatrove's four filters together: {'met' if ratio_met else 'NOT met'}")
    print(f"target >= {TARGET_DOCS_PER_SECOND:,.0f} documents/s on one core at ~{TARGET_DOC_BYTES / 1000:.0f} KB: "
          f"{'met' if speed_met else 'NOT met'} ({timings[0].docs_per_second:,.1f} documents/s "
          f"at a mean of {mean_bytes / 1000:.1f} KB)")

    if args.where:
        print()
        print(f"where our time goes (one profiled run; own time per module, top {args.where}):")
        for share, module in where_time_goes(ours_run, articles)[: args.where]:
            print(f"  {100 * share:5.1f}%  {module}")

    if args.json:
        figures = {
            "documents": len(articles),
            "mean_bytes": mean_bytes,
            "repeat": args.repeat,
            "warmup_documents": len(warmup),
            "systems": [
                asdict(timing) | {"docs_per_second": timing.docs_per_second, "ms_per_document": timing.ms_per_document}
                for timing in timings
            ],
            "ratio": ratio,
            "targets": {
                "ratio": {"target": TARGET_RATIO, "met": ratio_met},
                "docs_per_second": {"target": TARGET_DOCS_PER_SECOND, "doc_bytes": TARGET_DOC_BYTES, "met": speed_met},
            },
            "environment": environment,
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
