"""``quality score --scheduler ADDRESS``: the same job on a Dask cluster (dask.distributed).

The inputs are cut into partitions: a plain JSONL file into byte ranges that start at line
starts (about ``--partition-size`` each; the client counts line breaks once, so every range
knows the number of its first line), a compressed file or a WARC file whole, files found in
folders in groups. Each partition is one task: a worker reads it, scores it with the same
function as a local run (:func:`quality.scoring.score_batch`) and writes its shard under
``OUTPUT/`` (``part-00000.jsonl`` or ``.parquet``, and ``part-00000.rejects.jsonl``) through a
temporary name and a rename. The client records each finished partition in
``manifest.partial.json``; at the end ``manifest.json`` lists the shards in input order with
their counts, and concatenating them gives exactly the file a local run writes.

The workers read the inputs and write the shards by path: on a real cluster both must be on
storage every worker sees (a shared file system), and every worker needs this package
installed. A resumed run (``--resume``) keeps the finished shards and the partition plan and
runs the other partitions. A worker that dies has its task rescheduled by Dask
(``distributed.scheduler.allowed-failures``); a partition that keeps killing workers stops the
run with its name (resumable).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from quality.corpus import (
    STOP, Interrupted, OutputError, ResumeError, RunConfig, RunSummary, WorkerCrash, _differences, _settings, _signals,
    atomic_json,
)
from quality.errors import InputError, QualityError
from quality.files import utf8_json
from quality.scoring import ScoreOptions, Tally, count_batch, model_info, score_batch
from quality.sources import COMPRESSED_SUFFIXES, Record, Source, expand_inputs, read_range, read_source, split_ranges

MANIFEST_FORMAT = "content-quality score manifest"
MANIFEST_VERSION = 1
FILES_PER_PARTITION = 256
BATCH = 64


def plan_partitions(sources: list[Source], size: int) -> list[dict]:
    """The partitions of a run, in input order: ``{"index", "items": [[source, range], ...]}``
    with ``range`` ``[start, end, first_line]`` for part of a plain JSONL file, else None."""
    partitions: list[list] = []
    group: list = []
    group_bytes = 0

    def close_group():
        nonlocal group, group_bytes
        if group:
            partitions.append(group)
        group, group_bytes = [], 0

    for source in sources:
        if source.path == "-":
            raise InputError("-: standard input cannot be read on a cluster; give files")
        if source.kind == "file":
            group.append([source, None])
            group_bytes += source.fingerprint().get("bytes", 0)
            if len(group) >= FILES_PER_PARTITION or group_bytes >= size:
                close_group()
            continue
        close_group()
        if source.kind == "jsonl" and Path(source.path).suffix.lower() not in COMPRESSED_SUFFIXES:
            ranges = split_ranges(source.location, size)
            partitions.extend([[source, list(r)]] for r in ranges)
            if not ranges:
                partitions.append([[source, [0, 0, 1]]])
        else:
            partitions.append([[source, None]])
    close_group()
    return [{"index": i, "items": items} for i, items in enumerate(partitions)]


def _plan_json(partitions: list[dict]) -> list[dict]:
    return [{"index": p["index"], "items": [[vars(s), r] for s, r in p["items"]]} for p in partitions]


def _plan_from_json(saved: list[dict]) -> list[dict]:
    return [{"index": p["index"], "items": [[Source(**s), r] for s, r in p["items"]]} for p in saved]


def partition_records(partition: dict, reading: dict, max_chars: int) -> Iterator[Record]:
    """Every record of a partition, in order."""
    for source, span in partition["items"]:
        if span is None:
            yield from read_source(source, reading["text_field"], reading["id_field"], reading["max_record_bytes"], max_chars=max_chars)
        else:
            start, end, first_line = span
            yield from read_range(source, start, end, first_line, reading["text_field"], reading["id_field"], reading["max_record_bytes"], max_chars)


def shard_names(index: int, output_format: str) -> tuple[str, str]:
    return f"part-{index:05d}.{'parquet' if output_format == 'parquet' else 'jsonl'}", f"part-{index:05d}.rejects.jsonl"


def _batched(records: Iterator[Record], size: int) -> Iterator[list]:
    batch = []
    for seq, record in enumerate(records):
        batch.append((seq, record, None))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def score_partition(partition: dict, options: ScoreOptions, reading: dict, folder: str, output_format: str) -> dict:
    """Run on a worker: score one partition and write its shard; what the manifest records."""
    output_name, rejects_name = shard_names(partition["index"], output_format)
    folder_path = Path(folder)
    spool = folder_path / f".{output_name}.jsonl.tmp"
    rejects_tmp = folder_path / f".{rejects_name}.tmp"
    tally = Tally()
    first = last = None
    with open(spool, "wb") as out, open(rejects_tmp, "wb") as rejects:
        for batch in _batched(partition_records(partition, reading, options.max_chars), BATCH):
            for (_, record, _), result in zip(batch, score_batch(batch, options)):
                first = first or [record.source, record.record]
                last = [record.source, record.record]
                tally.add(result)
                if result.line is not None:
                    out.write(result.line)
                if result.reject is not None:
                    rejects.write(utf8_json(result.reject).encode("utf-8") + b"\n")
        out.flush()
        os.fsync(out.fileno())
        rejects.flush()
        os.fsync(rejects.fileno())
    if output_format == "parquet":
        from quality.parquet import write_parquet

        with open(spool, "rb") as lines:
            write_parquet(lines, folder_path / output_name, options.features, options.keep_text)
        spool.unlink()
    else:
        os.replace(spool, folder_path / output_name)
    os.replace(rejects_tmp, folder_path / rejects_name)
    return {"index": partition["index"], "output": output_name, "rejects": rejects_name, "first": first, "last": last, "tally": tally.as_dict()}


def count_partition(partition: dict, options: ScoreOptions, reading: dict):
    """Run on a worker: the template keys of one partition (see quality.templates)."""
    import numpy as np

    arrays, documents = [], 0
    for batch in _batched(partition_records(partition, reading, options.max_chars), BATCH):
        keys, counted = count_batch(batch, options)
        arrays.append(keys)
        documents += counted
    return (np.concatenate(arrays) if arrays else np.zeros((0, 2), dtype=np.uint64)), documents


def run_cluster(config: RunConfig, scheduler: str, partition_size: int, echo: Callable[[str], None]) -> RunSummary:
    """Run the job on the Dask scheduler at ``scheduler``; OUTPUT is a folder of shards."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError as err:
        raise QualityError("--scheduler needs dask.distributed: pip install 'content-quality[cluster]'") from err
    if config.output_format == "parquet":
        from quality.parquet import require_pyarrow

        require_pyarrow()
    folder = config.output.resolve()
    manifest, partial = folder / "manifest.json", folder / "manifest.partial.json"
    sources = expand_inputs(config.inputs, config.input_format)
    if not sources:
        raise InputError("no input files found in " + ", ".join(config.inputs))
    if manifest.exists() and not config.force:
        raise ResumeError(f"{manifest} exists: the run is complete; use --force to score again")
    try:
        client = Client(scheduler, timeout="30s")
    except (OSError, TimeoutError) as err:
        raise QualityError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    try:
        return _run(config, client, as_completed, sources, folder, manifest, partial, partition_size, echo)
    finally:
        client.close()


def _run(config, client, as_completed, sources, folder: Path, manifest: Path, partial: Path, partition_size: int, echo) -> RunSummary:
    workers = len(client.scheduler_info().get("workers", {}))
    info = client.submit(model_info, config.score, pure=False).result()
    for warning in info.pop("warnings"):
        echo(f"warning: {warning}")
    settings = _settings(config, sources, info["sha256"])
    state = None
    if partial.exists() and not config.force:
        if not config.resume:
            raise ResumeError(f"{partial} holds an interrupted run: continue it with --resume, or start over with --force")
        state = json.loads(partial.read_text(encoding="utf-8"))
        changed = _differences(state["settings"], settings)
        if changed:
            raise ResumeError(f"cannot resume {folder}: the inputs or options differ from the interrupted run's (" + "; ".join(changed[:4]) + "); start over with --force")
        echo(f"resuming: {len(state['done'])} of {len(state['plan'])} partitions already done in {folder}")
    try:
        if state is None:
            if folder.exists() and config.force:
                _remove_shards(folder)
            folder.mkdir(parents=True, exist_ok=True)
            state = {"format": MANIFEST_FORMAT, "version": MANIFEST_VERSION, "settings": settings,
                     "plan": _plan_json(plan_partitions(sources, partition_size)), "done": {}, "templates": None}
            atomic_json(partial, state)
    except OSError as err:
        raise OutputError(f"cannot write {err.filename or folder}: {err.strerror or err}") from err
    plan = _plan_from_json(state["plan"])
    reading = config.reading()
    options = replace(config.score, markers=None)
    summary = RunSummary(Tally(), 0.0, 0, workers, folder, folder, model=info, cluster=client.scheduler.address)
    started = time.perf_counter()
    with _signals():
        if config.templates:
            options = _templates(config, client, as_completed, plan, reading, options, folder, partial, state, echo)
            summary.templates = state["templates"]["describe"]
        todo = [p for p in plan if str(p["index"]) not in state["done"]]
        summary.resumed_from = sum(Tally.from_dict(d["tally"]).records for d in state["done"].values())
        futures = {client.submit(score_partition, p, options, reading, str(folder), config.output_format, pure=False): p for p in todo}
        try:
            for future in as_completed(futures):
                if STOP:
                    break
                partition = futures[future]
                try:
                    done = future.result()
                except Exception as err:  # KilledWorker, or an error on the worker
                    raise WorkerCrash(_partition_error(partition, err)) from err
                state["done"][str(done["index"])] = done
                summary.session_records += done["tally"]["records"]
                try:
                    atomic_json(partial, state)
                except OSError as err:
                    raise OutputError(f"cannot write {partial}: {err.strerror or err}; resume with --resume") from err
        finally:
            for future in futures:
                future.cancel()
        if STOP:
            raise Interrupted(STOP.signum, f"interrupted: {len(state['done'])} of {len(plan)} partitions are done in {folder}; run the same command with --resume to continue")
    summary.seconds = time.perf_counter() - started
    shards = [state["done"][str(p["index"])] for p in plan]
    tally = summary.tally
    for shard in shards:
        tally.merge(Tally.from_dict(shard["tally"]))
    _check_shards(folder, shards, config.output_format)
    final = {key: state[key] for key in ("format", "version", "settings", "templates")}
    final.update({"shards": shards, "counts": tally.as_dict(), "model": info, "partition_size": partition_size})
    try:
        atomic_json(manifest, final)
        partial.unlink()
        if state.get("templates") and Path(state["templates"]["path"]).parent == folder and not config.template_counts:
            Path(state["templates"]["path"]).unlink(missing_ok=True)
            Path(state["templates"]["path"] + ".json").unlink(missing_ok=True)
    except OSError as err:
        raise OutputError(f"cannot write {manifest}: {err.strerror or err}; resume with --resume") from err
    return summary


def _remove_shards(folder: Path) -> None:
    """``--force``: remove what a run writes in the folder (shards, manifests, template counts),
    nothing else."""
    for pattern in ("part-*.jsonl", "part-*.parquet", ".part-*.tmp", "manifest.json", "manifest.partial.json*", "templates.npy*"):
        for path in folder.glob(pattern):
            path.unlink()


def _check_shards(folder: Path, shards: list[dict], output_format: str) -> None:
    """Each shard holds as many records as its partition scored, its rejects file as many
    entries as it rejected: input = output + rejects, checked against the files."""
    from quality.corpus import count_lines

    for shard in shards:
        counts = shard["tally"]
        path = folder / shard["output"]
        if output_format == "parquet":
            import pyarrow.parquet as pq

            rows = pq.ParquetFile(path).metadata.num_rows
        else:
            rows = count_lines(path)
        noted = count_lines(folder / shard["rejects"])
        if rows != counts["scored"] or noted != counts["dropped"] + counts["truncated"] or counts["records"] != counts["scored"] + counts["dropped"]:
            raise QualityError(f"{path}: the shard's counts do not add up ({rows} records, {noted} rejects for {counts}); run again with --force")


def _partition_error(partition: dict, err: Exception) -> str:
    parts = []
    for source, span in partition["items"][:3]:
        parts.append(f"{source.name} bytes {span[0]:,}-{span[1]:,} (from line {span[2]:,})" if span else source.name)
    more = f" and {len(partition['items']) - 3} more files" if len(partition["items"]) > 3 else ""
    return (f"partition {partition['index']} ({', '.join(parts)}{more}) failed on the cluster: {type(err).__name__}: {err}; "
            "the finished partitions are kept: fix the cause and run again with --resume")


def _templates(config, client, as_completed, plan, reading, options, folder: Path, partial: Path, state: dict, echo) -> ScoreOptions:
    """The template counts, summed on the client from every partition's keys (the same sketch
    as a local run's: counting is a sum), saved in the output folder for the workers."""
    from quality.templates import TemplateCounts

    if state.get("templates") is None:
        given = config.template_counts
        if given is not None and given.is_file():
            counts = TemplateCounts.load(given)
            path = given.resolve()
        else:
            counts = TemplateCounts.empty(config.template_width)
            futures = [client.submit(count_partition, p, options, reading, pure=False) for p in plan]
            for future in as_completed(futures):
                if STOP:
                    raise Interrupted(STOP.signum, "interrupted while counting paragraphs; nothing is committed yet: run the command again")
                keys, documents = future.result()
                counts.add(keys, documents)
            path = (given or folder / "templates.npy").resolve()
            counts.save(path)
            atomic_json(Path(str(path) + ".json"), {"documents": counts.documents, "width": counts.width, "depth": counts.depth, "total": counts.total})
        echo(f"template counts: {counts.describe()}")
        state["templates"] = {"path": str(path), "documents": counts.documents, "describe": counts.describe(), "error_bound": counts.error_bound()}
        atomic_json(partial, state)
    saved = state["templates"]
    return replace(options, templates=saved["path"], template_documents=saved["documents"])
