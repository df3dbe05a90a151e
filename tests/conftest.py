"""Shared fixtures: the seeds and the shared data folder beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the shared data sets are not beside the checkout ({SHARED_DATA} is missing)")
    return SHARED_DATA


def write_undecodable_name(folder: Path, name: bytes, data: bytes) -> bytes:
    """Write ``data`` to a file in ``folder`` whose ``name`` is not UTF-8; its full path as bytes.
    Skips the test where the file system refuses such names."""
    path = os.fsencode(folder) + b"/" + name
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except (OSError, UnicodeError):
        pytest.skip("this file system does not take file names that are not UTF-8")
    return path
