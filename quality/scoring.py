"""Scoring one document of a corpus, in a worker: the output record and the rejects.

:func:`score_batch` is what every worker runs (a process of the pool, the main process with
``--jobs 1``, or a Dask worker): it turns a batch of :class:`~quality.sources.Record` into
:class:`Result` values, in order. The model, the rules and the template counts are loaded once
per process (:func:`worker`). Whatever happens to one document (text that cannot be parsed, a
rule that fails) becomes a reject with its reason; the batch goes on.

The output record (one JSON object per line; the Parquet columns are the same):

``source``, ``record`` (the document's identity: input file and line or record number), ``id``
(the ``--id-field`` value, or the WARC-Record-ID), ``url`` (WARC only), ``score``, ``verdict``,
``chars`` (length of the text read; of the markup for HTML), ``truncated`` (analysed on a prefix), ``paragraphs``,
``flags`` (``code``, ``paragraph`` index from 0, ``line`` within the text, ``severity``),
``reasons`` (the features that moved the score most), then ``features`` (``--features``: every
feature value by name) and ``text`` (``--keep-text``).
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from quality.errors import InputError, ModelError
from quality.files import utf8_json
from quality.sources import Record, cut_text, parse_raw

DEFAULT_MAX_CHARS = 200_000
# HTML is cut before extraction at this many times --max-chars of markup (pages carry several
# times more markup than text).
HTML_MARKUP_FACTOR = 5
HISTOGRAM_BINS = 10


@dataclass(frozen=True)
class ScoreOptions:
    """What decides a document's output record (a resumed run must use the same)."""

    model: str | None = None  # a model file; None: the bundled default
    features: bool = False
    keep_text: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    templates: str | None = None  # a saved template sketch (quality.templates); None: no CT101
    template_min_documents: int = 10
    template_documents: int = 0
    markers: str | None = None  # folder of per-worker "document in progress" files (crash reports)
    # The rule selection, as quality check takes it (code prefixes; empty select: the defaults)
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Where a JSONL line read unparsed (Record.raw) holds the text and the id: the run's
    # --text-field and --id-field (compared on resume with the other reading options)
    text_field: str = "text"
    id_field: str = "id"

    def settings(self) -> dict:
        """The options that change output records, as a resumed run compares them."""
        return {
            "model": self.model, "features": self.features, "keep_text": self.keep_text,
            "select": list(self.select), "extend_select": list(self.extend_select), "ignore": list(self.ignore),
            "max_chars": self.max_chars, "templates": self.templates is not None,
            "template_min_documents": self.template_min_documents if self.templates else None,
        }


class Result(NamedTuple):
    """What became of one record: the output line (UTF-8 with its line break, as written;
    None when dropped), the rejects entry (the reason it was dropped, or the notice that it
    was analysed on a prefix), and for the summary its score and flag codes."""

    line: bytes | None
    reject: dict | None = None
    score: float | None = None
    codes: tuple[str, ...] = ()
    verdict: str | None = None


def reject_entry(record: Record, kind: str, reason: str, action: str = "dropped") -> dict:
    """A rejects-file entry: where the record was, what was wrong and what was done."""
    return {"source": record.source, "record": record.record, "id": record.id, "kind": kind, "action": action, "reason": reason}


# ---------------------------------------------------------------------------------------------
# Per-process state


@dataclass
class Worker:
    """What a worker process loads once: the model, the rules, the template counts."""

    options: ScoreOptions
    model: object
    rules: list
    params: dict = field(default_factory=dict)
    reads_text: bool = False
    marker: int | None = None  # file descriptor of this process's "in progress" file
    warnings: list[str] = field(default_factory=list)  # the model's warnings when it was loaded


_WORKERS: dict[ScoreOptions, Worker] = {}
_LOCK = threading.Lock()


def worker(options: ScoreOptions) -> Worker:
    """The loaded state for ``options``, once per process."""
    with _LOCK:
        state = _WORKERS.get(options)
        if state is None:
            state = _WORKERS[options] = _load(options)
        return state


def _load(options: ScoreOptions) -> Worker:
    import multiprocessing
    import warnings

    from quality.model import get_model
    from quality.registry import select_rules
    from quality.rules import RULES

    if multiprocessing.parent_process() is not None and threading.current_thread() is threading.main_thread():
        worker_process_setup()  # a worker process (a Dask worker; the local run's already did)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # reported once, by the main process (model_info)
        model = get_model(options.model)
    _one_thread()
    rules = select_rules(RULES, [*(options.select or ("DEFAULT",)), *options.extend_select], options.ignore)
    params: dict = {}
    if options.templates:
        from quality.templates import TEMPLATE_RULE, TemplateCounts

        rules = [*rules, TEMPLATE_RULE]
        params[TEMPLATE_RULE.code] = {
            "counts": TemplateCounts.load(options.templates, options.template_documents),
            "min_documents": options.template_min_documents,
        }
    marker = None
    if options.markers:
        marker = os.open(os.path.join(options.markers, str(os.getpid())), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    return Worker(options, model, rules, params, bool(getattr(model, "reads_text", False)), marker, [str(w.message) for w in caught])


def model_info(options: ScoreOptions) -> dict:
    """The model a worker loaded: its path, SHA-256, threshold and load warnings (the main
    process asks one worker, so that it does not load the model itself)."""
    state = worker(options)
    model = state.model
    return {
        "path": str(model.path), "sha256": model.card.get("model_file", {}).get("sha256"),
        "threshold": model.threshold, "warnings": state.warnings,
    }


def worker_process_setup(options: ScoreOptions | None = None) -> None:
    """In a worker process, before any work: Ctrl-C is the main process's to handle (it stops
    the workers), and a worker must not outlive a main process that was killed (SIGKILL leaves
    it no say). With ``options``, the model and the rules are loaded too, so that every worker
    of a pool is ready before the first batch; a model that fails to load is reported by the
    first task, which loads it again."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if options is not None:
        try:
            worker(options)
        except Exception:
            pass


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (``PR_SET_PDEATHSIG``); elsewhere
    an orphaned worker waits idle until joblib's idle timeout ends it."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _one_thread() -> None:
    """One thread per process for the native libraries (OpenMP, BLAS): the run's parallelism
    is its processes. Left to themselves, the gradient-boosting model's OpenMP threads spin
    against the other workers (measured: 40x slower scoring on a busy 2-core machine)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(limits=1)


def _mark(state: Worker, seq: int) -> None:
    if state.marker is not None:
        os.pwrite(state.marker, b"%20d\n" % seq, 0)


def read_markers(folder: str) -> dict[int, int]:
    """``{pid: sequence number of the document in progress}`` from a marker folder."""
    found = {}
    for name in os.listdir(folder):
        try:
            with open(os.path.join(folder, name), "rb") as handle:
                value = int(handle.read().strip() or b"-1")
        except (OSError, ValueError):
            continue
        if value >= 0:
            found[int(name)] = value
    return found


# ---------------------------------------------------------------------------------------------
# Scoring


def score_batch(batch: Sequence[tuple[int, Record, Result | None]], options: ScoreOptions) -> list[Result]:
    """Score a batch of ``(sequence number, record, result)`` items in order; an item that
    already has a result (settled after a worker crash) is passed through."""
    state = worker(options)
    results = []
    for seq, record, done in batch:
        if done is not None:
            results.append(done)
            continue
        _mark(state, seq)
        results.append(score_record(parse_raw(record, options.text_field, options.id_field, options.max_chars), state))
    _mark(state, -1)
    return results


def prepare_text(record: Record, max_chars: int) -> tuple[str, str, bool, int]:
    """``(text to parse, its format, truncated, length of the whole text)`` of a readable
    record. Text over ``max_chars`` was cut by the reader (:func:`quality.sources.cut_text`);
    HTML markup is cut here at :data:`HTML_MARKUP_FACTOR` times that, before
    ``Document.from_text(..., format="html")`` extracts its article."""
    text = record.text
    limit = max_chars * HTML_MARKUP_FACTOR if record.format.startswith("html") else max_chars
    chars = record.chars or len(text)
    truncated = record.truncated or len(text) > limit
    return cut_text(text, limit), record.format, truncated, chars


def score_record(record: Record, state: Worker) -> Result:
    """The :class:`Result` of one record."""
    from quality.analysis import analyze
    from quality.document import Document

    if record.error is not None:
        return Result(None, reject_entry(record, *record.error))
    where = f"{record.source}:{record.record}"
    try:
        text, fmt, truncated, chars = prepare_text(record, state.options.max_chars)
        document = Document.from_text(text, where, fmt)
        if not document.prose:
            html = record.format.startswith("html")
            what = "no text could be extracted from the HTML" if html else "no prose paragraphs to analyse"
            return Result(None, reject_entry(record, "no-text" if html else "empty", f"{where}: {what}"))
        report = analyze(document, state.rules, params=state.params)
        plain = "\n".join(p.text for p in document.paragraphs) if fmt.startswith("html") else text
        assessment = state.model.assess(plain if state.reads_text else None, values=report.features)
    except InputError as err:
        return Result(None, reject_entry(record, "unreadable", str(err)))
    except (ModelError, ImportError, MemoryError):
        raise  # the model or the installation is broken: the run stops, it is not this document
    except RecursionError as err:
        return Result(None, reject_entry(record, "analysis-error", f"{where}: analysis failed ({err!r})"))
    except Exception as err:  # a rule or feature that fails on this document: reported, not fatal
        return Result(None, reject_entry(record, "analysis-error", f"{where}: analysis failed ({type(err).__name__}: {err})"))
    out = {
        "source": record.source,
        "record": record.record,
        "id": record.id,
        "url": record.url,
        "score": round(assessment.score, 6),
        "verdict": assessment.verdict,
        "chars": chars,
        "truncated": truncated,
        "paragraphs": len(document.paragraphs),
        "flags": [{"code": f.code, "paragraph": f.paragraph, "line": f.line, "severity": str(f.severity)} for f in report.flags],
        "reasons": [
            {"feature": r.feature, "value": _finite(r.value), "typical": _finite(r.typical), "effect": round(r.effect, 4), "text": r.describe()}
            for r in assessment.reasons
        ],
    }
    if state.options.features:
        out["features"] = {name: _finite(value) for name, value in report.features.items()}
    if state.options.keep_text:
        out["text"] = plain
    notice = None
    if truncated:
        if record.format.startswith("html") and chars > len(text):
            why = f"{chars:,} characters of HTML, over {HTML_MARKUP_FACTOR} x --max-chars {state.options.max_chars:,}"
        elif chars > state.options.max_chars:
            why = f"{chars:,} characters, over --max-chars {state.options.max_chars:,}"
        else:
            why = "over --max-record-bytes (the record was read up to that limit)"
        notice = reject_entry(record, "truncated", f"{where}: {why}; analysed and scored on the first {len(text):,} characters", "truncated")
    line = utf8_json(out, separators=(",", ":"), allow_nan=False).encode("utf-8") + b"\n"
    return Result(line, notice, assessment.score, tuple(sorted({f.code for f in report.flags})), assessment.verdict)


def _finite(value: float) -> float | None:
    value = float(value)
    return value if math.isfinite(value) else None


# ---------------------------------------------------------------------------------------------
# Template counting (the first pass of --templates)


def count_batch(batch: Sequence[tuple[int, Record, Result | None]], options: ScoreOptions):
    """The template keys of a batch: ``(keys array, documents counted)``. Documents are
    prepared and split exactly as the scoring pass will (same text, same paragraphs)."""
    from quality.document import Document
    from quality.templates import document_keys, keys_array

    _one_thread()
    keys: list[bytes] = []
    documents = 0
    for _, record, _ in batch:
        record = parse_raw(record, options.text_field, options.id_field, options.max_chars)
        if record.error is not None:
            continue
        try:
            text, fmt, _, _ = prepare_text(record, options.max_chars)
            document = Document.from_text(text, "<count>", fmt)
        except Exception:  # the scoring pass rejects it with its reason
            continue
        documents += 1
        keys.extend(document_keys(p.text for p in document.prose if p.role != "code"))
    return keys_array(keys), documents


# ---------------------------------------------------------------------------------------------
# The run's tallies


@dataclass
class Tally:
    """Counts for the summary, additive over batches, resumed runs and cluster partitions."""

    records: int = 0  # input records seen (= scored + dropped)
    scored: int = 0
    dropped: int = 0
    truncated: int = 0
    histogram: list[int] = field(default_factory=lambda: [0] * HISTOGRAM_BINS)
    flagged: int = 0  # documents with at least one flag
    flag_documents: Counter = field(default_factory=Counter)  # code -> documents
    rejects: Counter = field(default_factory=Counter)  # kind -> entries
    verdicts: Counter = field(default_factory=Counter)

    def add(self, result: Result) -> None:
        self.records += 1
        if result.line is None:
            self.dropped += 1
        else:
            self.scored += 1
            self.histogram[min(HISTOGRAM_BINS - 1, int(result.score * HISTOGRAM_BINS))] += 1
            self.flag_documents.update(result.codes)
            self.flagged += bool(result.codes)
            self.verdicts[result.verdict] += 1
        if result.reject is not None:
            self.rejects[result.reject["kind"]] += 1
            self.truncated += result.reject["action"] == "truncated"

    def merge(self, other: Tally) -> None:
        for name in ("records", "scored", "dropped", "truncated", "flagged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.histogram = [a + b for a, b in zip(self.histogram, other.histogram)]
        self.flag_documents.update(other.flag_documents)
        self.rejects.update(other.rejects)
        self.verdicts.update(other.verdicts)

    def as_dict(self) -> dict:
        return {
            "records": self.records, "scored": self.scored, "dropped": self.dropped, "truncated": self.truncated,
            "flagged": self.flagged, "histogram": list(self.histogram),
            "flag_documents": dict(sorted(self.flag_documents.items())), "rejects": dict(sorted(self.rejects.items())),
            "verdicts": dict(sorted(self.verdicts.items())),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Tally:
        return cls(
            data["records"], data["scored"], data["dropped"], data["truncated"], list(data["histogram"]),
            data["flagged"], Counter(data["flag_documents"]), Counter(data["rejects"]), Counter(data["verdicts"]),
        )
