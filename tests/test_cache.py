"""The per-user store of word tables (quality/cache.py, features/resources.py): kept tables
are read back, broken ones rebuilt, an unwritable folder changes nothing, and the values read
through the store are the values built from the source packages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from features import resources
from quality import cache

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def store_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "store"
    monkeypatch.setenv("QUALITY_CACHE_DIR", str(folder))
    monkeypatch.delenv("QUALITY_NO_CACHE", raising=False)
    return folder


@pytest.fixture()
def source(tmp_path) -> Path:
    path = tmp_path / "source.txt"
    path.write_text("b\na\n")
    return path


def _builder(calls: list[int], payload: bytes = b"a\nb"):
    def build() -> bytes:
        calls.append(1)
        return payload

    return build


def test_a_kept_table_is_read_back_without_building(store_dir, source):
    calls: list[int] = []
    assert cache.store("letters", [source], _builder(calls)) == b"a\nb"
    assert cache.store("letters", [source], _builder(calls)) == b"a\nb"
    assert calls == [1]
    assert len(list(store_dir.glob("letters-*.table"))) == 1


def test_a_changed_source_gets_a_new_table(store_dir, source):
    calls: list[int] = []
    cache.store("letters", [source], _builder(calls))
    source.write_text("c\nb\na\n")
    assert cache.store("letters", [source], _builder(calls, b"a\nb\nc")) == b"a\nb\nc"
    assert calls == [1, 1]


def test_a_truncated_table_is_rebuilt(store_dir, source):
    calls: list[int] = []
    cache.store("letters", [source], _builder(calls))
    (table,) = store_dir.glob("letters-*.table")
    table.write_bytes(table.read_bytes()[:-1])
    assert cache.store("letters", [source], _builder(calls)) == b"a\nb"
    assert calls == [1, 1]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a POSIX user that file modes apply to")
def test_an_unwritable_folder_only_costs_the_build(store_dir, source):
    store_dir.mkdir()
    store_dir.chmod(0o500)
    try:
        calls: list[int] = []
        assert cache.store("letters", [source], _builder(calls)) == b"a\nb"
        assert cache.store("letters", [source], _builder(calls)) == b"a\nb"
        assert calls == [1, 1]
    finally:
        store_dir.chmod(0o700)


def test_a_folder_that_cannot_be_created_only_costs_the_build(tmp_path, monkeypatch, source):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QUALITY_CACHE_DIR", str(blocker / "store"))
    calls: list[int] = []
    assert cache.store("letters", [source], _builder(calls)) == b"a\nb"
    assert calls == [1]


def test_the_store_can_be_turned_off(store_dir, source, monkeypatch):
    monkeypatch.setenv("QUALITY_NO_CACHE", "1")
    calls: list[int] = []
    cache.store("letters", [source], _builder(calls))
    cache.store("letters", [source], _builder(calls))
    assert calls == [1, 1]
    assert not store_dir.exists()


_VALUES_SCRIPT = """
import json, sys
from features import readability, difficulty
words = sys.stdin.read().split()
print(json.dumps([[readability.syllable_count(w), difficulty.zipf(w), w in readability.easy_words()] for w in words]))
"""
# Words in and out of the CMU dictionary (Pyphen's fallback), on and off the frequency list,
# with inner hyphens and apostrophes (rated from their parts).
_WORDS = (
    "the cat hyperparameterisation antidisestablishment zxqv filipinokami don't top-level "
    "easy beautiful okay yesterday quixotically unfathomable mcdonald's rheumatologists"
)


def _values(env: dict[str, str]) -> list:
    result = subprocess.run(
        [sys.executable, "-c", "import quality\n" + _VALUES_SCRIPT],
        input=_WORDS, capture_output=True, text=True, check=True, cwd=ROOT, env={**os.environ, **env},
    )
    return result.stdout


def test_values_through_the_store_are_the_values_without_it(tmp_path):
    """Fresh processes: without a store, filling the store, and reading from it."""
    folder = str(tmp_path / "store")
    without = _values({"QUALITY_NO_CACHE": "1"})
    filling = _values({"QUALITY_CACHE_DIR": folder, "QUALITY_NO_CACHE": ""})
    reading = _values({"QUALITY_CACHE_DIR": folder, "QUALITY_NO_CACHE": ""})
    assert without == filling == reading
    kept = sorted(p.name.rsplit("-", 1)[0] for p in Path(folder).glob("*.table"))
    assert kept == ["cmudict-sorted", "cmudict-sorted-starts", "pyphen-en_US", "wordfreq-large-en", "wordfreq-large-en-starts"]


def test_features_alone_build_their_tables_without_a_store():
    previous = resources._store
    resources.install_store(None)
    try:
        assert resources.table("x", [], lambda: b"built") == b"built"
    finally:
        resources.install_store(previous)
