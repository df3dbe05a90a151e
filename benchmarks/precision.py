"""How often the rules fire on clean, human-written articles: the false-alarm rate.

What it measures: every rule run over texts that people wrote and published without the
artifacts we look for: the 567 OneStopEnglish texts and the gold main text of the 78 Readability
test pages (``../shared/data/``; the gold texts are noisier: technical pages with code, and some
page furniture the gold keeps). For each set: the share of articles with at least one flag at
warning level or above (what would fail a CI run by default), and the count of flags per rule.
Every flag here is a candidate false alarm; ``--examples N`` prints N of each rule's messages
to read them.

Run from the repository root::

    python benchmarks/precision.py
    python benchmarks/precision.py --examples 3
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from quality.analysis import analyze
from quality.document import Document
from quality.registry import Severity

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SOURCES = (
    ("OneStopEnglish", "readability-onestopenglish/onestopenglish.jsonl.gz", "text"),
    ("Readability gold", "boilerplate-readability/pages.jsonl.gz", "main_text"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--examples", type=int, default=0, help="messages to print per rule and set")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no data folder at {args.data} (pass --data)", file=sys.stderr)
        return 2
    for name, relative, field in SOURCES:
        records = [json.loads(line) for line in gzip.open(args.data / relative, "rt", encoding="utf-8")]
        per_rule: Counter[str] = Counter()
        examples: dict[str, list[str]] = defaultdict(list)
        failing = 0
        for number, record in enumerate(records):
            report = analyze(Document.from_text(record[field], path=record.get("id", str(number))))
            failing += any(f.severity >= Severity.WARNING for f in report.flags)
            for flag in report.flags:
                per_rule[flag.code] += 1
                if len(examples[flag.code]) < args.examples:
                    examples[flag.code].append(f"{flag.path}:{flag.line}: {flag.message[:120]}")
        print(f"\n{name}: {len(records)} articles, {failing} ({failing / len(records):.1%}) with a warning or error")
        for code, count in sorted(per_rule.items()):
            print(f"  {code}  {count:4d} flags")
            for line in examples[code]:
                print(f"          {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
