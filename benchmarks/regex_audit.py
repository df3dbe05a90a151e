"""Audit of every regular expression in ``features`` and ``quality`` for super-linear matching.

Python's regular expression engine backtracks: a pattern with nested or adjacent quantifiers
over the same characters, or a bounded scan started at every position of a long run, can take
time quadratic (or worse) in the length of the text. Issue 8 asks for every pattern to be
audited. This script

* lists the compiled patterns programmatically: every ``re.Pattern`` held in a module global of
  ``features`` and ``quality`` (also inside tuples, lists and dicts), every lexicon's pattern
  and trigger gate (:class:`features.text.Lexicon`), the trigger searches of
  :data:`features.TRIGGERS`, and the patterns the code builds at run time from a phrase or a
  name (:func:`features.keywords.phrase_pattern`, :func:`features.structure.title_pattern`);
* builds adversarial texts for each pattern from its own characters: long runs of each
  character it names, of its literal words, of pairs of them, of its triggers and leads, and
  random mixes of them with white space (the shapes that make a backtracking engine retry);
* times ``finditer`` over each text at a size ``n`` and at ``GROWTH * n`` and reports, per
  pattern, the slowest text, its time per character at the larger size and the growth factor.

A pattern is super-linear when its growth is far above ``GROWTH`` (quadratic: ``GROWTH`` squared)
on a text where it takes measurable time, or when its time per character is far above the
others' (a bounded scan restarted at every position: linear, but by a constant of thousands).

    python benchmarks/regex_audit.py                 # the table, slowest patterns first
    python benchmarks/regex_audit.py --size 20000 --top 30

``tests/test_reliability.py`` runs the same audit at a small size with a generous hang guard.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import random
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GROWTH = 4  # the larger text is this many times the smaller one
# Characters every pattern is tried against besides its own: white space, letters, digits and
# the punctuation the tokenizer and the document model treat specially.
COMMON = " \n\t.aA1-'’_,:;!?\"“”()[]{}<>|#*&%/=@»›…"


@dataclass(frozen=True)
class Finding:
    """The worst adversarial text for one pattern."""

    name: str
    pattern: str
    text: str  # a description of the adversarial text
    small: float  # seconds at n characters
    large: float  # seconds at GROWTH * n characters
    size: int  # n

    @property
    def growth(self) -> float:
        return self.large / self.small if self.small > 0 else float("inf")

    @property
    def ns_per_char(self) -> float:
        return 1e9 * self.large / (GROWTH * self.size)


def _collect(value, name: str, seen: set[int]) -> Iterator[tuple[str, re.Pattern]]:
    from features.text import Lexicon

    if id(value) in seen:
        return
    if isinstance(value, re.Pattern):
        seen.add(id(value))
        yield name, value
    elif isinstance(value, Lexicon):
        seen.add(id(value))
        yield f"{name} [{value.label}]", value.pattern
        if value.gate is not None:
            yield f"{name} [{value.label}] trigger gate", value.gate
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _collect(item, f"{name}[{index}]", seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _collect(item, f"{name}[{key!r}]", seen)


def compiled_patterns() -> list[tuple[str, re.Pattern]]:
    """Every regular expression of ``features`` and ``quality``, with where it is held."""
    import features
    import quality
    from features import keywords, structure
    from features.text import _family_gate, trigger_pattern

    found: list[tuple[str, re.Pattern]] = []
    seen: set[int] = set()
    for package in (features, quality):
        modules = [package.__name__] + [
            m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".") if not m.name.endswith("__main__")
        ]
        for module_name in modules:
            module = importlib.import_module(module_name)
            for attribute, value in vars(module).items():
                if isinstance(value, (re.Pattern, tuple, list, dict)) or type(value).__name__ == "Lexicon":
                    found.extend(_collect(value, f"{module_name}.{attribute}", seen))
    for kind, finder in features.FINDERS.items():
        if finder.triggers:
            found.append((f"features.FINDERS[{kind!r}] triggers (one paragraph)", trigger_pattern(tuple(finder.triggers))))
    for attribute in dir(features.boilerplate) + dir(features.artifacts):
        for module in (features.boilerplate, features.artifacts):
            value = getattr(module, attribute, None)
            if isinstance(value, tuple) and value and type(value[0]).__name__ == "Lexicon":
                gate, _ = _family_gate(value)
                if gate is not None:
                    found.append((f"{module.__name__}.{attribute} family gate", gate))
    for head, pattern in features.TRIGGERS.searches:
        found.append((f"features.TRIGGERS search {head!r}", pattern))
    found.append(("features.keywords.phrase_pattern('peace talks')", keywords.phrase_pattern("peace talks")))
    found.append(("features.structure.title_pattern('Prime Minister', 'Johnson')", structure.title_pattern(r"Prime\s+Minister", "Johnson")))
    unique: dict[tuple[str, int], tuple[str, re.Pattern]] = {}
    for name, pattern in found:
        unique.setdefault((pattern.pattern, pattern.flags), (name, pattern))
    return list(unique.values())


def adversarial_texts(pattern: re.Pattern, size: int, extra: Iterable[str] = ()) -> Iterator[tuple[str, str]]:
    """(description, text of about ``size`` characters) built to make ``pattern`` backtrack
    (bytes, UTF-8 encoded, for a bytes pattern)."""
    if isinstance(pattern.pattern, bytes):
        for description, text in adversarial_texts(re.compile(pattern.pattern.decode("latin-1"), pattern.flags & ~re.LOCALE), size, extra):
            yield description, text.encode("utf-8")
        return
    source = pattern.pattern
    chars = sorted(set(c for c in source if not c.isspace() and c not in "\\^$") | set(COMMON))
    words = sorted(set(re.findall(r"[A-Za-z]{2,}", source.replace("\\s", " ").replace("\\b", " ").replace("\\w", " ").replace("\\d", " "))))
    units: list[tuple[str, str]] = [(f"{c!r} run", c) for c in chars]
    units += [(f"'{w} ' run", w + " ") for w in words[:60]]
    units += [(f"'{w}' run", w) for w in words[:60]]
    units += [(f"{a + b!r} run", a + b) for a in " a.-\n" for b in " a.-\n'_" if a != b]
    units += [(f"{e!r} run", e) for e in extra]
    for description, unit in units:
        yield description, (unit * (size // len(unit) + 1))[:size]
    rng = random.Random(7)
    pool = chars + [" "] * 4 + words[:20]
    for number in range(3):
        text = "".join(rng.choice(pool) for _ in range(size))
        yield f"random mix {number}", text[:size]


def _time(pattern: re.Pattern, text: str, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def audit(size: int, patterns: list[tuple[str, re.Pattern]] | None = None, repeat: int = 5) -> list[Finding]:
    """The worst adversarial text of each pattern: found by the time at the larger size, then
    timed again at both sizes (best of ``repeat``, which keeps other processes out of it)."""
    patterns = compiled_patterns() if patterns is None else patterns
    lexicon_words = sorted({t for o in _lexicons() for t in (*o.triggers, *o.leads)})
    results = []
    for name, pattern in patterns:
        worst = None
        for description, text in adversarial_texts(pattern, size, lexicon_words if "[" in name else ()):
            large_text = (text * GROWTH)[: GROWTH * size]
            large = _time(pattern, large_text)
            if worst is None or large > worst[0]:
                worst = (large, description, text, large_text)
        _, description, text, large_text = worst
        results.append(Finding(name, pattern.pattern, description, _time(pattern, text, repeat), _time(pattern, large_text, repeat), size))
    return results


def _lexicons():
    import gc

    from features.text import Lexicon

    return [o for o in gc.get_objects() if isinstance(o, Lexicon)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000, help="characters of the smaller text (default: 10,000)")
    parser.add_argument("--top", type=int, default=20, help="print the N slowest patterns (default: 20)")
    args = parser.parse_args(argv)
    patterns = compiled_patterns()
    start = time.perf_counter()
    findings = audit(args.size, patterns)
    findings.sort(key=lambda f: f.large, reverse=True)
    print(f"{len(patterns)} patterns, {args.size:,} and {GROWTH * args.size:,} characters, "
          f"audited in {time.perf_counter() - start:.1f} s; slowest first (growth {GROWTH} is linear)")
    print(f"{'ns/char':>8} {'growth':>7}  {'pattern':<60} worst text")
    for f in findings[: args.top]:
        print(f"{f.ns_per_char:>8.1f} {f.growth:>7.1f}  {f.name[:60]:<60} {f.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
