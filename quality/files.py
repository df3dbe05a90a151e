"""File helpers shared by the model modules (no heavy imports)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# The bundled models: the copy a wheel installs as ``quality/_models`` (pyproject.toml maps the
# package ``quality._models`` to ``models/``), else ``models/`` at the top of the checkout (an
# editable install, or running from the repository).
_INSTALLED_MODELS = Path(__file__).resolve().parent / "_models"
MODELS_DIR = _INSTALLED_MODELS if _INSTALLED_MODELS.is_dir() else Path(__file__).resolve().parents[1] / "models"
