"""``quality score`` on one machine: stream the inputs, score them on every core, commit the
output in order, and survive bad records, interruptions, full disks and dying workers.

How a run keeps its promises:

- **Order and identity.** Records are numbered in input order (a record's identity is its
  source and line/record number). Batches go to the workers (:class:`Workers`: one process per
  job; with ``--jobs 1`` the main process) and come back in order.
- **Nothing lost, nothing twice.** Output records and rejects are appended to spool files in
  ``OUTPUT.partial/``; after each batch both are flushed to disk and then ``state.json`` (written
  to a temporary file and renamed) records how many records and bytes are committed. A resumed
  run (``--resume``) cuts the spools back to the committed bytes and skips exactly the committed
  records, so a run killed at any instant (SIGKILL included) resumes to the same output as an
  uninterrupted one. At the end the spools are renamed (or converted to Parquet) to their final
  names and ``OUTPUT.partial/`` is removed: a file under the final name is always complete.
- **Counts.** Input records = scored + dropped; the summary prints both sides and the run checks
  them against the line counts of the files it wrote.
- **Interruptions.** SIGINT and SIGTERM stop the workers; the committed state is already on
  disk. A full disk or a permission error on the output stops the run with a message; the state
  on disk is the last one that was written whole.
- **A worker that dies** (killed, out of memory, a crash in a native library): the documents
  it and the other workers were on are known from their marker files (``workers/PID``). With
  ``--on-crash skip`` (the default) each is analysed again alone in a fresh process: one that
  kills that process too is rejected ("worker-died"), the others are scored as usual, and the run
  goes on. With ``--on-crash stop`` the run stops (resumable) and names the documents.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from quality.errors import InputError, QualityError
from quality.files import utf8_json
from quality.scoring import Result, ScoreOptions, Tally, count_batch, read_markers, reject_entry, score_batch
from quality.sources import DEFAULT_MAX_RECORD_BYTES, Record, Source, expand_inputs, parse_raw, read_source

STATE_FORMAT = "content-quality score state"
STATE_VERSION = 1
DEFAULT_BATCH = 16
# Batches handed to the pool ahead, per worker: enough to keep every worker busy while the
# main process commits, few enough that a stop (SIGINT) waits for little work.
PRE_DISPATCH = 2
# Worker deaths in a row with no document identified before the run gives up.
MAX_BLIND_CRASHES = 3


class OutputError(QualityError):
    """The output cannot be written (disk full, permissions); the run can be resumed."""


class ResumeError(QualityError):
    """A run cannot start or resume as asked (existing output, changed inputs or options)."""


class WorkerCrash(QualityError):
    """A worker process died and ``--on-crash stop`` was asked; the run can be resumed."""


class Interrupted(Exception):
    """SIGINT or SIGTERM; the committed state is on disk."""

    def __init__(self, signum: int, message: str = ""):
        super().__init__(message)
        self.signum = signum


@dataclass
class RunConfig:
    """Everything a ``quality score`` run needs."""

    inputs: tuple[str, ...]
    output: Path
    rejects: Path | None = None
    output_format: str = "jsonl"
    input_format: str = "auto"
    text_field: str = "text"
    id_field: str = "id"
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES
    score: ScoreOptions = field(default_factory=ScoreOptions)
    jobs: int = 1
    batch_size: int = DEFAULT_BATCH
    resume: bool = False
    force: bool = False
    on_crash: str = "skip"
    templates: bool = False
    template_counts: Path | None = None
    template_width: int = 1 << 21
    progress: bool = False

    @property
    def rejects_path(self) -> Path:
        return self.rejects or default_rejects(self.output)

    def reading(self) -> dict:
        return {"input_format": self.input_format, "text_field": self.text_field, "id_field": self.id_field, "max_record_bytes": self.max_record_bytes}


def default_rejects(output: Path) -> Path:
    """``scores.jsonl`` -> ``scores.rejects.jsonl`` (``scores.parquet`` too)."""
    stem = output.name
    for suffix in (".jsonl", ".parquet", ".json"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return output.with_name(stem + ".rejects.jsonl")


@dataclass
class RunSummary:
    """What a run did, for the summary lines and the exit code."""

    tally: Tally
    seconds: float  # this session's scoring time
    session_records: int  # records processed in this session (a resumed run skips the others)
    jobs: int
    output: Path
    rejects: Path
    resumed_from: int = 0
    templates: str | None = None
    model: dict = field(default_factory=dict)
    crashes: list[str] = field(default_factory=list)
    skipped: dict = field(default_factory=dict)  # WARC records that are not documents, by type
    cluster: str | None = None  # the Dask scheduler's address (jobs: its workers)

    def as_dict(self) -> dict:
        return {
            "output": str(self.output), "rejects": str(self.rejects), "counts": self.tally.as_dict(),
            "seconds": round(self.seconds, 3), "session_records": self.session_records, "jobs": self.jobs,
            "documents_per_second": round(self.session_records / self.seconds, 2) if self.seconds else None,
            "resumed_from": self.resumed_from, "templates": self.templates, "model": self.model,
            "worker_crashes": self.crashes, "skipped_warc_records": self.skipped, "cluster": self.cluster,
        }


# ---------------------------------------------------------------------------------------------
# The partial-run folder


class WorkDir:
    """``OUTPUT.partial/``: the spools, the state, the template counts, the worker markers."""

    def __init__(self, output: Path):
        self.path = output.with_name(output.name + ".partial")
        self.state = self.path / "state.json"
        self.spool = self.path / "output.jsonl"
        self.rejects = self.path / "rejects.jsonl"
        self.templates = self.path / "templates.npy"
        self.markers = self.path / "workers"

    def exists(self) -> bool:
        return self.state.is_file()

    def load(self) -> dict:
        try:
            state = json.loads(self.state.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ResumeError(f"{self.state}: the saved state cannot be read ({err}); start over with --force") from err
        if state.get("format") != STATE_FORMAT or state.get("version") != STATE_VERSION:
            raise ResumeError(f"{self.state}: not a state file of this version of quality score; start over with --force")
        return state

    def save(self, state: dict) -> None:
        atomic_json(self.state, state, indent=None)  # after every batch: json's C encoder, no indent


def atomic_json(path: Path, data: dict, indent: int | None = 1) -> None:
    """Write JSON to ``path`` whole or not at all (a temporary file, fsync, rename)."""
    temporary = path.with_name(path.name + ".tmp")
    text = json.dumps(data, indent=indent, sort_keys=True)
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _output_error(err: OSError, path: Path | str, committed: int, work: WorkDir) -> OutputError:
    what = err.strerror or str(err)
    if committed:
        state = f"{committed:,} records are committed in {work.path}; fix the cause and run the same command with --resume"
    else:
        state = "nothing was committed; fix the cause and run the command again"
    return OutputError(f"cannot write {path}: {what}; {state}")


class Spools:
    """The output and rejects spools, appended batch by batch and committed with the state."""

    def __init__(self, work: WorkDir, state: dict):
        self.work = work
        self.state = state
        committed = state["committed"]
        self.output = self._open(work.spool, committed["output_bytes"])
        self.rejects = self._open(work.rejects, committed["rejects_bytes"])

    @staticmethod
    def _open(path: Path, size: int):
        handle = open(path, "r+b" if path.exists() else "w+b")
        actual = handle.seek(0, os.SEEK_END)
        if actual < size:
            handle.close()
            raise ResumeError(f"{path} holds {actual:,} bytes but the saved state committed {size:,}: the partial output was damaged; start over with --force")
        handle.truncate(size)  # what was written after the last commit is not committed
        handle.seek(size)
        return handle

    def commit(self, batch: list, results: list[Result], tally: Tally) -> None:
        committed = self.state["committed"]
        lines = [r.line for r in results if r.line is not None]
        rejects = [utf8_json(r.reject).encode("utf-8") + b"\n" for r in results if r.reject is not None]
        path = self.work.spool
        try:
            if lines:
                self.output.write(b"".join(lines))
            path = self.work.rejects
            if rejects:
                self.rejects.write(b"".join(rejects))
            path = self.work.spool
            self.output.flush()
            os.fsync(self.output.fileno())
            if rejects:  # else nothing was written there since the last commit's fsync
                path = self.work.rejects
                self.rejects.flush()
                os.fsync(self.rejects.fileno())
            for result in results:
                tally.add(result)
            seq, record, _ = batch[-1]
            new = {
                "records": committed["records"] + len(results),
                "output_bytes": self.output.tell(),
                "rejects_bytes": self.rejects.tell(),
                "last": [record.source, record.record],
                "last_seq": seq,
            }
            path = self.work.state
            self.state["committed"] = new
            self.state["tally"] = tally.as_dict()
            self.work.save(self.state)
        except OSError as err:
            raise _output_error(err, path, committed["records"], self.work) from err

    def close(self) -> None:
        for handle in (self.output, self.rejects):
            try:
                handle.close()
            except OSError:
                pass


# ---------------------------------------------------------------------------------------------
# Starting or resuming


def _settings(config: RunConfig, sources: list[Source], model_sha: str | None) -> dict:
    templates = None
    if config.templates:
        templates = {"width": config.template_width, "min_documents": config.score.template_min_documents,
                     "counts": str(config.template_counts) if config.template_counts else None}
    return {
        "inputs": [s.fingerprint() for s in sources],
        "reading": config.reading(),
        "scoring": {**config.score.settings(), "templates": templates, "model_sha256": model_sha},
    }


def _new_state(settings: dict) -> dict:
    return {
        "format": STATE_FORMAT, "version": STATE_VERSION, "settings": settings, "phase": "scoring",
        "templates": None, "committed": {"records": 0, "output_bytes": 0, "rejects_bytes": 0, "last": None, "last_seq": -1},
        "tally": Tally().as_dict(),
    }


def _differences(then: dict, now: dict, prefix: str = "") -> list[str]:
    found = []
    for key in sorted(set(then) | set(now)):
        a, b = then.get(key), now.get(key)
        if isinstance(a, dict) and isinstance(b, dict):
            found += _differences(a, b, f"{prefix}{key}.")
        elif a != b:
            found.append(f"{prefix}{key}: {a!r} then, {b!r} now")
    return found


def prepare(config: RunConfig, work: WorkDir, settings: dict, echo: Callable[[str], None]) -> dict:
    """The state to run from: a new one, or the interrupted run's (``--resume``)."""
    outputs = [p for p in (config.output, config.rejects_path) if p.exists()]
    if work.exists():
        if config.resume:
            state = work.load()
            if state.get("phase") != "finalising":
                changed = _differences(state["settings"], settings)
                if changed:
                    raise ResumeError(
                        f"cannot resume {work.path}: the inputs or options differ from the interrupted run's ("
                        + "; ".join(changed[:4]) + "); run it with the same ones, or start over with --force"
                    )
            echo(f"resuming: {state['committed']['records']:,} records already committed in {work.path}")
            return state
        if not config.force:
            raise ResumeError(f"{work.path} holds an interrupted run: continue it with --resume, or start over with --force")
    elif work.path.exists() and not config.force and not config.resume:
        raise ResumeError(f"{work.path} exists but holds no run state; remove it or use --force")
    if outputs and not config.force:
        if config.resume and config.output.exists():
            raise ResumeError(f"{config.output} is complete (no interrupted run to resume); use --force to score again")
        raise ResumeError(f"{outputs[0]} exists; use --force to overwrite it")
    try:
        if work.path.exists():
            shutil.rmtree(work.path)
        work.path.mkdir(parents=True)
        work.markers.mkdir()
        state = _new_state(settings)
        work.save(state)
    except OSError as err:
        raise _output_error(err, err.filename or work.path, 0, work) from err
    return state


# ---------------------------------------------------------------------------------------------
# Reading, numbered


@dataclass
class InputProgress:
    """The share of the input read so far (bytes of the files; standard input counts nothing)."""

    total: int = 0
    done: int = 0
    counters: list = field(default_factory=list)
    skipped: dict = field(default_factory=dict)  # WARC records that are not documents, by type

    def fraction(self) -> float | None:
        if not self.total:
            return None
        current = sum(c.position for c in self.counters)
        return min(1.0, (self.done + current) / self.total)


def numbered_records(sources: list[Source], config: RunConfig, progress: InputProgress) -> Iterator[tuple[int, Record]]:
    """Every record of the run with its sequence number, in input order."""
    seq = 0
    for source in sources:
        size = source.fingerprint().get("bytes", 0)
        progress.counters.clear()
        # JSONL lines go to the workers unparsed: they parse them (quality.scoring.score_batch)
        for record in read_source(source, config.text_field, config.id_field, config.max_record_bytes, progress.counters,
                                  progress.skipped, config.score.max_chars, parse=False):
            yield seq, record
            seq += 1
        progress.counters.clear()
        progress.done += size


def skip_committed(records: Iterator[tuple[int, Record]], state: dict) -> Iterator[tuple[int, Record]]:
    """Drop the records an interrupted run committed, checking that the last one is the same
    record as then (the input has not changed under the run)."""
    committed = state["committed"]
    count, last = committed["records"], committed.get("last")
    for seq, record in records:
        if seq < count:
            if seq == count - 1 and last is not None and [record.source, record.record] != last:
                raise ResumeError(
                    f"cannot resume: record {count:,} of the input is {record.source}:{record.record}, but the "
                    f"interrupted run committed {last[0]}:{last[1]} there (the input changed); start over with --force"
                )
            continue
        yield seq, record


# ---------------------------------------------------------------------------------------------
# The worker processes


class Workers:
    """The run's ``jobs`` worker processes: a :class:`concurrent.futures.ProcessPoolExecutor`
    whose processes are started with multiprocessing's spawn method, on first use; each loads
    the model and the rules for ``options`` as it starts.

    A spawned worker is a fresh interpreter that imports what scoring needs and nothing else:
    no copy of the main process, and neither joblib nor numpy (a joblib worker imports both: 44
    MB of RSS before any work), and no process besides the workers but multiprocessing's
    resource tracker (joblib adds loky's, 44 MB). As with any use of spawn, a script that calls
    :func:`run` with several jobs needs the ``if __name__ == "__main__":`` guard. A pool whose
    worker died is broken: ``close`` it, and the next ``submit`` starts new processes."""

    def __init__(self, jobs: int, options: ScoreOptions | None = None):
        self.jobs = jobs
        self.options = options
        self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        # on an error or a stop, the workers are killed rather than waited for
        self.close(kill=kind is not None)

    def submit(self, function: Callable, *args):
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            from quality.scoring import worker_process_setup

            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=worker_process_setup, initargs=(self.options,))
        return self._pool.submit(function, *args)

    def ordered(self, function: Callable, items: Iterator, args: tuple, ahead: int, taken: deque | None = None) -> Iterator:
        """``function(item, *args)`` for each item, computed by the workers and yielded in input
        order, with at most ``ahead`` items submitted and not yet yielded; each item is appended
        to ``taken`` when it is submitted. After a stop (:data:`STOP`) nothing more is
        submitted and the results of the items already submitted are yielded. A worker that
        dies raises :class:`concurrent.futures.process.BrokenProcessPool`."""
        futures: deque = deque()
        while True:
            while len(futures) < ahead and not STOP:
                item = next(items, None)
                if item is None:
                    break
                if taken is not None:
                    taken.append(item)
                futures.append(self.submit(function, item, *args))
            if not futures:
                return
            yield futures.popleft().result()

    def close(self, kill: bool = False) -> None:
        """Shut the pool down: wait for the workers to finish (after the last result, they
        are idle), or kill them first (``kill``)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:
            if hasattr(pool, "kill_workers"):  # Python 3.14
                pool.kill_workers()
            else:
                for process in list((getattr(pool, "_processes", None) or {}).values()):
                    try:
                        process.kill()
                    except (OSError, ValueError):  # already gone
                        pass
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------------------
# The run


class _Stop:
    """The stop a signal asked for: the run finishes committing the batch in hand and stops
    (a clean stop: no half-dispatched work in the worker pool); a second signal stops at once."""

    signum: int | None = None

    def __bool__(self) -> bool:
        return self.signum is not None


STOP = _Stop()


@contextmanager
def _signals():
    """SIGINT (Ctrl-C) and SIGTERM (a batch system's or a container's stop) end the run cleanly
    after the current commit; a second one ends it at once (the committed state is on disk)."""
    def stop(signum, frame):
        if STOP.signum is not None:
            raise Interrupted(signum)
        STOP.signum = signum

    STOP.signum = None
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run(config: RunConfig, echo: Callable[[str], None] = lambda line: print(line, file=sys.stderr)) -> RunSummary:
    """Run ``quality score`` locally (see the module docstring)."""
    if config.output_format == "parquet":
        from quality.parquet import require_pyarrow

        require_pyarrow()
    sources = expand_inputs(config.inputs, config.input_format)
    if not sources:
        raise InputError("no input files found in " + ", ".join(config.inputs))
    with _signals(), Workers(config.jobs, config.score) as workers:
        model = _model_info(config, workers, echo)
        if STOP:
            raise Interrupted(STOP.signum, f"interrupted ({signal.Signals(STOP.signum).name}) before any record was scored")
        return _run(config, sources, model, workers, echo)


def _run(config: RunConfig, sources: list[Source], model: dict, workers: Workers, echo) -> RunSummary:
    work = WorkDir(config.output)
    settings = _settings(config, sources, model["sha256"])
    state = prepare(config, work, settings, echo)
    tally = Tally.from_dict(state["tally"])
    resumed_from = state["committed"]["records"]
    options = replace(config.score, markers=str(work.markers) if config.jobs > 1 else None,
                      text_field=config.text_field, id_field=config.id_field)
    summary = RunSummary(tally, 0.0, 0, config.jobs, config.output, config.rejects_path, resumed_from, model=model)
    interrupted = None
    spools = None
    try:
        if state["phase"] == "scoring":
            if config.templates:
                options = _templates(config, work, state, sources, options, workers, echo)
                summary.templates = state["templates"]["describe"]
            spools = Spools(work, state)
            _score(config, sources, state, spools, tally, options, summary, workers, echo)
            spools.close()
            if STOP:
                raise Interrupted(STOP.signum)
            state["phase"] = "finalising"
            try:
                work.save(state)
            except OSError as err:
                raise _output_error(err, work.state, tally.records, work) from err
        elif state.get("templates"):
            summary.templates = state["templates"]["describe"]
        if STOP:
            raise Interrupted(STOP.signum)
        _finalise(config, work, state, tally)
    except KeyboardInterrupt:
        interrupted = signal.SIGINT
    except Interrupted as stop:
        interrupted = stop.signum
    finally:
        if spools is not None:
            spools.close()
    if interrupted is not None:
        committed = state["committed"]["records"]
        name = signal.Signals(interrupted).name
        raise Interrupted(interrupted, f"interrupted ({name}): {committed:,} records are committed in {work.path}; run the same command with --resume to continue")
    return summary


def _model_info(config: RunConfig, workers: Workers, echo) -> dict:
    """Load the model where the documents are scored (in the workers when there are several:
    the main process stays small) before any work, so that a broken model stops the run at
    once; its warnings are shown here, once."""
    from quality.scoring import model_info

    if config.jobs == 1:
        info = model_info(config.score)
    else:
        # one task per worker: every worker starts and loads the model before the first batch
        futures = [workers.submit(model_info, config.score) for _ in range(config.jobs)]
        info = futures[0].result()
        for future in futures[1:]:
            future.result()
    for warning in info.pop("warnings"):
        echo(f"warning: {warning}")
    return info


def _batches(items: Iterator, size: int, replay: deque) -> Iterator[list]:
    """Batches of ``(seq, record, settled result)`` items: replayed items first."""
    while True:
        batch = []
        while replay and len(batch) < size:
            batch.append(replay.popleft())
        if len(batch) < size:
            for seq, record in items:
                batch.append((seq, record, None))
                if len(batch) >= size:
                    break
        if not batch:
            return
        yield batch


def _progress_bar(config: RunConfig, initial: int, description: str):
    from tqdm import tqdm

    return tqdm(
        desc=description, initial=initial, unit=" docs", file=sys.stderr, disable=not config.progress,
        dynamic_ncols=True, mininterval=0.5, bar_format="{desc}: {n_fmt} docs [{elapsed}, {rate_fmt}{postfix}]",
    )


def _postfix(bar, progress: InputProgress, started: float, rejects: int | None) -> None:
    parts = [] if rejects is None else [f"rejects {rejects:,}"]
    fraction = progress.fraction()
    if fraction:
        elapsed = time.perf_counter() - started
        remaining = elapsed * (1 - fraction) / fraction
        parts.append(f"input {100 * fraction:.0f}%, ETA {int(remaining // 60)}:{int(remaining % 60):02d}")
    bar.set_postfix_str(", ".join(parts), refresh=False)


def _score(config, sources, state, spools: Spools, tally: Tally, options: ScoreOptions, summary: RunSummary, workers: Workers, echo) -> None:
    """The scoring pass: batches to the workers, results committed in order."""
    from concurrent.futures.process import BrokenProcessPool

    progress = InputProgress(total=sum(s.fingerprint().get("bytes", 0) for s in sources))
    items = skip_committed(numbered_records(sources, config, progress), state)
    replay: deque = deque()
    pending: deque = deque()  # the batches handed to the workers, in order
    bar = _progress_bar(config, state["committed"]["records"], "scoring")
    started = time.perf_counter()
    blind = 0

    def commit(batch, results):
        nonlocal blind
        spools.commit(batch, results, tally)
        summary.session_records += len(results)
        blind = 0
        bar.update(len(results))
        _postfix(bar, progress, started, tally.dropped)

    summary.skipped = progress.skipped
    pass_started = time.perf_counter()
    try:
        while True:
            try:
                if config.jobs == 1:
                    for batch in _batches(items, config.batch_size, replay):
                        if STOP:
                            break
                        commit(batch, score_batch(batch, options))
                else:
                    # On a stop, nothing more is dispatched and the batches in the workers'
                    # hands are committed as they come back.
                    batches = _batches(items, config.batch_size, replay)
                    for results in workers.ordered(score_batch, batches, (options,), PRE_DISPATCH * config.jobs, pending):
                        commit(pending.popleft(), results)
                return
            except BrokenProcessPool as err:
                workers.close(kill=True)  # the next batch starts new worker processes
                blind += 1
                settled = _after_crash(err, pending, options, config, summary, echo)
                if not settled and blind >= MAX_BLIND_CRASHES:
                    raise WorkerCrash(
                        f"worker processes died {blind} times in a row without a document in progress ({err}); "
                        f"{tally.records:,} records are committed: fix the cause and run again with --resume"
                    ) from err
                replay.extend((seq, record, settled.get(seq, done)) for batch in pending for seq, record, done in batch)
                pending.clear()
    finally:
        summary.seconds = time.perf_counter() - pass_started
        bar.close()


def _after_crash(err, pending: deque, options: ScoreOptions, config: RunConfig, summary: RunSummary, echo) -> dict[int, Result]:
    """Find the documents the workers were on when one died, and settle them: each is scored
    again alone in a fresh process; one that kills that process too is rejected."""
    items = {seq: (seq, record, done) for batch in pending for seq, record, done in batch}
    in_progress = sorted({seq for seq in read_markers(options.markers).values() if seq in items and items[seq][2] is None})
    for name in os.listdir(options.markers):
        os.unlink(os.path.join(options.markers, name))
    names = ", ".join(f"{items[s][1].source}:{items[s][1].record}" for s in in_progress) or "no document (between documents)"
    cause = str(err).split("\n")[0]
    echo(f"warning: a worker process died while the workers were analysing {names} ({cause})")
    if config.on_crash == "stop":
        raise WorkerCrash(
            f"a worker process died while the workers were analysing {names}; stopped (--on-crash stop). "
            "The records before them are committed: run again with --resume (the same documents are retried), "
            "or with --on-crash skip to reject a document that kills its worker"
        )
    settled = {}
    for seq in in_progress:
        record = parse_raw(items[seq][1], options.text_field, options.id_field, options.max_chars)  # its id, for a reject
        result = _alone(items[seq], options)
        where = f"{record.source}:{record.record}"
        if result is None:
            message = f"{where}: the worker process died analysing this document, in the run and again alone in a fresh process"
            settled[seq] = Result(None, reject_entry(record, "worker-died", message))
            summary.crashes.append(message)
            echo(f"warning: {message}; rejected")
        else:
            settled[seq] = result
            summary.crashes.append(f"{where}: a worker died during the run; scored alone in a fresh process")
            echo(f"note: {where} scored alone in a fresh process; the crash did not happen again")
    return settled


def _alone(item, options: ScoreOptions) -> Result | None:
    """Score one item in a fresh process; None when that process dies too."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    single = replace(options, markers=None)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        try:
            return pool.submit(score_batch, [item], single).result()[0]
        except BrokenProcessPool:
            return None


# ---------------------------------------------------------------------------------------------
# Template counts (the first pass of --templates)


def _templates(config: RunConfig, work: WorkDir, state: dict, sources, options: ScoreOptions, workers: Workers, echo) -> ScoreOptions:
    """Count the corpus' paragraphs once (or load the saved counts) and point the workers at them."""
    from quality.templates import TemplateCounts

    saved = state.get("templates")
    if saved is None:
        given = config.template_counts
        if given is not None and given.is_file():
            meta = _read_counts_meta(given)
            counts = TemplateCounts.load(given, meta.get("documents", 0))
            path = given
            echo(f"template counts from {given}: {counts.describe()}")
        else:
            counts = TemplateCounts.empty(config.template_width)
            bar = _progress_bar(config, 0, "counting paragraphs")
            progress = InputProgress(total=sum(s.fingerprint().get("bytes", 0) for s in sources))
            started = time.perf_counter()
            for keys, documents in _count(config, sources, options, progress, workers):
                if STOP:
                    raise Interrupted(STOP.signum)
                counts.add(keys, documents)
                bar.update(documents)
                _postfix(bar, progress, started, None)
            bar.close()
            path = given or work.templates
            try:
                counts.save(path)
                atomic_json(Path(str(path) + ".json"), {"documents": counts.documents, "width": counts.width, "depth": counts.depth, "total": counts.total})
            except OSError as err:
                raise _output_error(err, path, 0, work) from err
            echo(f"template counts: {counts.describe()}")
        saved = {"path": str(path), "documents": counts.documents, "describe": counts.describe(),
                 "error_bound": counts.error_bound()}
        if counts.error_bound() >= config.score.template_min_documents / 2:
            echo(f"warning: the template sketch may over-count by {counts.error_bound():.1f} documents, near --template-min-docs "
                 f"{config.score.template_min_documents}: raise --template-width for a corpus this size")
        state["templates"] = saved
        try:
            work.save(state)
        except OSError as err:
            raise _output_error(err, work.state, 0, work) from err
    return replace(options, templates=saved["path"], template_documents=saved["documents"])


def _read_counts_meta(path: Path) -> dict:
    try:
        return json.loads(Path(str(path) + ".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _count(config: RunConfig, sources, options: ScoreOptions, progress: InputProgress, workers: Workers):
    items = numbered_records(sources, config, progress)
    batches = _batches(items, config.batch_size * 4, deque())
    if config.jobs == 1:
        for batch in batches:
            yield count_batch(batch, options)
        return
    yield from workers.ordered(count_batch, batches, (options,), PRE_DISPATCH * config.jobs, deque())


# ---------------------------------------------------------------------------------------------
# Finishing


def count_lines(path: Path) -> int:
    lines = 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            lines += block.count(b"\n")
    return lines


def _finalise(config: RunConfig, work: WorkDir, state: dict, tally: Tally) -> None:
    """Check the counts, then give the spools their final names and remove the partial folder."""
    if work.spool.exists() and work.rejects.exists():
        written, noted = count_lines(work.spool), count_lines(work.rejects)
        if tally.records != tally.scored + tally.dropped or written != tally.scored or noted != tally.dropped + tally.truncated:
            raise QualityError(
                f"the counts do not add up: {tally.records:,} records read, {tally.scored:,} scored + {tally.dropped:,} "
                f"dropped; {written:,} output lines, {noted:,} rejects lines ({work.path} is kept for inspection)"
            )
    try:
        if work.rejects.exists():
            os.replace(work.rejects, config.rejects_path)
        if work.spool.exists():
            if config.output_format == "parquet":
                from quality.parquet import write_parquet

                with open(work.spool, "rb") as lines:
                    write_parquet(lines, config.output, config.score.features, config.score.keep_text)
                work.spool.unlink()
            else:
                os.replace(work.spool, config.output)
        shutil.rmtree(work.path)
    except OSError as err:
        raise _output_error(err, err.filename or config.output, tally.records, work) from err
