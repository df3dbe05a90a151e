"""Time growth on pathological inputs: each input at 1x and 10x its size, and the growth factor.

Issue 8 asks that pathological inputs finish in time linear in their size. Each input below is
built at a base size (1x) and at ten times that size (10x) and timed

* through the full analysis, ``analyze(Document.from_text(text, format=...))`` in this process
  (every feature and every rule on by default), best of ``--repeat`` runs; and
* through ``quality check --no-score FILE`` in a fresh process (reading and decoding the file,
  the analysis, the output of every flag), best of ``--repeat`` runs, less the time of the same
  command on an empty file (the start-up of Python and of the tool, which does not grow).

A growth factor (10x time / 1x time) of about 10 is linear; about 100 would be quadratic.

The inputs (10x sizes): a 10 MB single line of prose; a million repetitions of one character
(a letter, then a hyphen); a million repetitions of one word; 100,000 one-word paragraphs; a
paragraph of 50,000 URLs (every tenth after "visit", so the call-to-action pattern runs on it);
Markdown quotes and lists nested 19 levels deep (the deepest the parser reads in full), 2,000
times; and a run of 200,000 opening brackets and emphasis markers in one Markdown paragraph.
Markdown nested deeper than the parser reads is refused with an input error (tested in
``tests/test_reliability.py``), in time linear in its size too (the last row). Each input runs
once untimed at 1x first, so that the word tables know its words (a new word costs a dictionary
lookup once per process), and so does the 10x input when it holds new words.

Run from the repository root::

    python benchmarks/pathological.py                 # every input (several minutes)
    python benchmarks/pathological.py --scale 0.1     # every size a tenth: a quick run
    python benchmarks/pathological.py --only url --repeat 3
    python benchmarks/pathological.py --no-cli        # the analysis only
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GROWTH = 10  # the large input is this many times the small one


@dataclass(frozen=True)
class Input:
    """A pathological input: a name, how to build it at a size, its base size and format."""

    name: str
    build: Callable[[int], str]
    base: int  # the size parameter at 1x
    format: str = "text"
    unit: str = ""


def prose_line(size: int) -> str:
    """``size`` characters of sentences on one line (random words, a fixed seed)."""
    rng = random.Random(8)
    vocabulary = [
        "the", "of", "and", "to", "in", "a", "talks", "delegation", "minister", "said", "on", "peace",
        "government", "agreement", "officials", "would", "ceasefire", "week", "capital", "after", "for",
        "with", "that", "was", "by", "meeting", "president", "Istanbul", "new", "round", "statement",
    ] + [f"word{i}" for i in range(3000)]
    parts, length = [], 0
    while length < size:
        sentence = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 25)))
        sentence = sentence[0].upper() + sentence[1:] + rng.choice([".", ".", ".", "?", "!", ","])
        parts.append(sentence)
        length += len(sentence) + 1
    return " ".join(parts)[:size]


def nested_markdown(blocks: int) -> str:
    """``blocks`` times: quotes nested 19 deep, then a list nested 9 deep (two levels each)."""
    quote = "\n".join("> " * depth + f"Quoted text at depth {depth}." for depth in range(1, 20))
    items = "\n".join("  " * depth + f"- item at depth {depth}" for depth in range(9))
    return "\n\n".join(f"# Part {i}\n\n{quote}\n\n{items}" for i in range(blocks)) + "\n"


def too_deep_markdown(blocks: int) -> str:
    """Quotes nested 25 deep (more than the parser reads), ``blocks`` times."""
    return "\n\n".join("> " * 25 + f"Too deep {i}." for i in range(blocks)) + "\n"


INPUTS = (
    Input("10 MB single line", prose_line, 1_000_000, unit="characters"),
    Input("one character repeated", lambda n: "a" * n, 100_000, unit="characters"),
    Input("one hyphen repeated", lambda n: "-" * n, 100_000, unit="characters"),
    Input("one word repeated", lambda n: "peace " * n, 100_000, unit="words"),
    # A run of letters and hyphens beside an address: a domain label read without a bound was
    # read to the end of the run from every letter (quadratic: 2 s at 20,000 characters, 19 s at
    # 60,000, some 3.5 minutes at 200,000).
    Input("hyphenated run and an address", lambda n: "See example.com " + "-a" * (n // 2) + ".", 20_000, unit="characters"),
    Input("one-word paragraphs", lambda n: "\n".join(f"Word{i % 1000}" for i in range(n)) + "\n", 10_000, unit="paragraphs"),
    Input(
        "paragraph of URLs",
        lambda n: " ".join(("visit " if i % 10 == 0 else "") + f"https://example{i % 97}.com/news/{i}?ref=home" for i in range(n)),
        5_000,
        unit="URLs",
    ),
    Input("nested Markdown", nested_markdown, 200, "markdown", unit="blocks"),
    Input("Markdown bracket run", lambda n: "Text " + "[*_" * (n // 3) + " end.\n", 20_000, "markdown", unit="characters"),
    Input("Markdown nested too deep", too_deep_markdown, 2_000, "markdown", unit="blocks"),
)


def time_analysis(text: str, format: str, repeat: int) -> tuple[float, str]:
    """Best wall time of the full analysis, and what it found (or the input error)."""
    from quality.analysis import analyze
    from quality.document import Document
    from quality.errors import InputError

    best, outcome = float("inf"), ""
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            report = analyze(Document.from_text(text, format=format))
            outcome = f"{len(report.document.paragraphs)} paragraphs, {len(report.flags)} flags"
        except InputError as err:
            outcome = f"input error: {str(err)[:60]}…"
        best = min(best, time.perf_counter() - start)
    return best, outcome


def time_cli(text: str, format: str, repeat: int, folder: Path) -> float:
    """Best wall time of ``quality check --no-score`` on the text written to a file."""
    path = folder / ("input.md" if format == "markdown" else "input.txt")
    path.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "quality", "check", "--no-score", "--quiet", str(path)]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this (default: 1)")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per size; the best is kept (default: 1)")
    parser.add_argument("--only", help="run only the inputs whose name contains this")
    parser.add_argument("--no-cli", action="store_true", help="time the analysis only, not `quality check`")
    args = parser.parse_args(argv)
    inputs = [i for i in INPUTS if not args.only or args.only.lower() in i.name.lower()]
    if not inputs:
        parser.error(f"no input matches {args.only!r}")

    from quality.analysis import analyze
    from quality.document import Document

    analyze(Document.from_text("Warm-up. A short text.\nIt loads the word tables."))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; sizes x{args.scale:g}, best of {args.repeat}; "
          f"growth = time at {GROWTH}x / time at 1x (linear: about {GROWTH})")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        startup = 0.0
        if not args.no_cli:
            startup = time_cli("", "text", max(args.repeat, 3), folder)
            print(f"`quality check` on an empty file (start-up, subtracted below): {startup:.2f} s")
        print()
        header = f"{'input':<26} {'1x size':>16} {'1x s':>8} {'10x s':>8} {'growth':>7}"
        if not args.no_cli:
            header += f" {'CLI 1x s':>9} {'CLI 10x s':>10} {'growth':>7}"
        print(header + "  result at 10x")
        for item in inputs:
            size = max(1, int(item.base * args.scale))
            small, large = item.build(size), item.build(size * GROWTH)
            # Untimed first: the new words' syllables and rarity are looked up once per process
            # (the 10 MB line's words are those of its 1x size; other inputs' words grow).
            time_analysis(small, item.format, 1)
            if len(large) <= 2_000_000:
                time_analysis(large, item.format, 1)
            t_small, _ = time_analysis(small, item.format, args.repeat)
            t_large, outcome = time_analysis(large, item.format, args.repeat)
            row = f"{item.name:<26} {size:>9,} {item.unit[:6]:<6} {t_small:>8.3f} {t_large:>8.3f} {t_large / t_small:>7.1f}"
            if not args.no_cli:
                c_small = max(1e-3, time_cli(small, item.format, args.repeat, folder) - startup)
                c_large = max(1e-3, time_cli(large, item.format, args.repeat, folder) - startup)
                row += f" {c_small:>9.3f} {c_large:>10.3f} {c_large / c_small:>7.1f}"
            print(row + f"  {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
