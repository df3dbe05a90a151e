"""File helpers shared by the model modules (no heavy imports)."""

from __future__ import annotations

import hashlib
import os
import tempfile
import json
from collections.abc import Callable
from pathlib import Path

from quality.errors import ModelError


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def utf8_json(obj, **kwargs) -> str:
    """``json.dumps(obj, ensure_ascii=False)``, unless a string in ``obj`` holds a lone surrogate
    (a file name that is not UTF-8, which Python reads with surrogateescape, or a JSON escape
    such as ``\\ud800`` read from the input), which UTF-8 cannot encode: then with every
    non-ASCII character escaped, which JSON allows and which reads back to the same string."""
    text = json.dumps(obj, ensure_ascii=False, **kwargs)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(obj, **kwargs)
    return text


def atomic_write(path: Path, write: Callable[[str], object]) -> None:
    """Write ``path`` through ``write(temporary path)`` in the same folder, then rename: a crash
    never leaves a half-written model or card. The file gets the usual permissions (mkstemp's
    are 0600)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_model_card(model_path: Path, card_path: Path, what: str, card_format: str, format_version: int, retrain: str) -> dict:
    """The JSON card of a model scored from its card's numbers (readability, boilerplate),
    checked: the model file and a readable card exist, the card is of ``card_format`` and
    ``format_version``, and the file's SHA-256 is the card's. Raises :class:`ModelError` with
    the command that rebuilds the model (``retrain``)."""
    if not model_path.is_file():
        raise ModelError(f"the {what} model {model_path} is missing; rebuild it with `{retrain}`")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelError(f"{model_path}: its card {card_path.name} cannot be read ({err}); rebuild with `{retrain}`") from err
    if not isinstance(card, dict) or card.get("format") != card_format or card.get("format_version") != format_version:
        raise ModelError(f"{card_path}: not a {what} model card of format {format_version}; rebuild with `{retrain}`")
    if file_sha256(model_path) != card.get("model_file", {}).get("sha256"):
        raise ModelError(f"{model_path}: the file's SHA-256 does not match its card (damaged or replaced); rebuild with `{retrain}`")
    return card


# The bundled models: the copy a wheel installs as ``quality/_models`` (pyproject.toml maps the
# package ``quality._models`` to ``models/``), else ``models/`` at the top of the checkout (an
# editable install, or running from the repository).
_INSTALLED_MODELS = Path(__file__).resolve().parent / "_models"
MODELS_DIR = _INSTALLED_MODELS if _INSTALLED_MODELS.is_dir() else Path(__file__).resolve().parents[1] / "models"
