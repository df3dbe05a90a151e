"""Parquet output of ``quality score`` (pyarrow, the ``parquet`` extra): the JSONL output
records as columns, converted in bounded memory (a row group per few thousand records)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from quality.errors import QualityError

ROW_GROUP = 4096
INSTALL_HINT = "Parquet output needs pyarrow: pip install 'content-quality[parquet]' (or use JSONL, the default)"


def require_pyarrow() -> None:
    """Raise a :class:`QualityError` that says how to install pyarrow when it is missing."""
    import importlib.util

    if importlib.util.find_spec("pyarrow") is None:
        raise QualityError(INSTALL_HINT)


def schema(features: bool, keep_text: bool):
    """The columns: those of a JSONL record, ``features`` a struct of every feature value."""
    import pyarrow as pa

    import features as feature_names

    columns = [
        ("source", pa.string()), ("record", pa.int64()), ("id", pa.string()), ("url", pa.string()),
        ("score", pa.float64()), ("verdict", pa.string()), ("chars", pa.int64()), ("truncated", pa.bool_()),
        ("paragraphs", pa.int64()),
        ("flags", pa.list_(pa.struct([("code", pa.string()), ("paragraph", pa.int64()), ("line", pa.int64()), ("severity", pa.string())]))),
        ("reasons", pa.list_(pa.struct([("feature", pa.string()), ("value", pa.float64()), ("typical", pa.float64()), ("effect", pa.float64()), ("text", pa.string())]))),
    ]
    if features:
        columns.append(("features", pa.struct([(name, pa.float64()) for name in feature_names.NAMES])))
    if keep_text:
        columns.append(("text", pa.string()))
    return pa.schema(columns)


def _utf8(value):
    """``value`` with every string Parquet can hold: a lone surrogate (written as a JSON escape in
    the JSONL output: a file name that is not UTF-8, an escape read from the input) becomes its
    escape, ``\\udcff``, since a Parquet string is UTF-8."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {key: _utf8(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_utf8(item) for item in value]
    return value


def write_parquet(lines: Iterable[str | bytes], path: str | Path, features: bool, keep_text: bool) -> int:
    """Write JSONL output records as a Parquet file at ``path`` (through a temporary file and a
    rename, so a partial file never has the final name); the number of rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    table_schema = schema(features, keep_text)
    temporary = path.with_name(f".{path.name}.tmp")
    rows = 0
    writer = pq.ParquetWriter(temporary, table_schema, compression="zstd")
    try:
        batch: list[dict] = []
        for line in lines:
            record = json.loads(line)
            if b"\\ud" in line if isinstance(line, bytes) else "\\ud" in line:
                record = _utf8(record)
            batch.append(record)
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, table_schema))
                rows += len(batch)
                batch = []
        if batch or not rows:
            writer.write_table(pa.Table.from_pylist(batch, table_schema))
            rows += len(batch)
    except BaseException:
        writer.close()
        temporary.unlink(missing_ok=True)
        raise
    writer.close()
    os.replace(temporary, path)
    return rows
