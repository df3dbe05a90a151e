"""Training and evaluating the article score: read labelled texts, cross-validate, pick the
classifier and the threshold, fit, and write the model with its card.

Data is JSONL (one JSON object per line; ``.gz`` is read transparently) or CSV with a header.
Labels are strings ("deceptive"/"truthful", with ``positive`` naming the positive one) or 0/1
(1 is positive). An optional group field keeps related texts (versions of one article, reviews of
one hotel) in the same fold.

Cross-validation is stratified k-fold with a fixed seed (``StratifiedGroupKFold`` when groups are
given). Each text is measured once (the core features do not learn anything) and the measured
values travel with it as a :class:`~quality.model.MeasuredText`, so folds and candidates reuse
them; the n-gram branches are fitted inside each fold. The classifier is chosen among the
candidates by out-of-fold log-loss (a proper scoring rule: it rewards both ranking and
calibrated probabilities); the decision threshold is then chosen on the chosen classifier's
out-of-fold probabilities (see :func:`choose_threshold`).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

import features
from quality.document import read_bytes
from quality.errors import InputError
from quality.files import file_sha256
from quality.compiled import FINITE_LIMIT
from quality.model import CLASSIFIERS, MeasuredText, QualityModel, feature_probe, measure_values, versions
from quality.pipeline import build_pipeline

# Strings accepted as binary labels without --positive (1 is positive).
_BINARY = {"0": 0, "1": 1, "false": 0, "true": 1}
# The candidates compared when the classifier is "auto".
AUTO = "auto"


# ---------------------------------------------------------------------------------------------
# Reading data


@dataclass
class Dataset:
    """Labelled texts read from one file."""

    texts: list[str]
    y: np.ndarray  # 1 = positive
    groups: list[str] | None
    positive_label: str
    negative_label: str
    path: str
    sha256: str
    text_field: str
    label_field: str
    group_field: str | None = None
    description: str = ""
    details: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.texts)

    def describe(self) -> dict:
        """The card's ``training_data`` section."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "documents": len(self.texts),
            "positives": int(self.y.sum()),
            "negatives": int(len(self.y) - self.y.sum()),
            "text_field": self.text_field,
            "label_field": self.label_field,
            "group_field": self.group_field,
            "groups": len(set(self.groups)) if self.groups is not None else None,
            "description": self.description or f"Labelled texts read from {Path(self.path).name}.",
            "details": self.details,
        }


def data_format(path: Path) -> str:
    """"jsonl" or "csv", from the suffix (``.gz`` is looked through)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if last in (".csv", ".tsv"):
        return "csv"
    raise InputError(f"{path}: unknown data format (expected .jsonl, .ndjson, .csv or .tsv, optionally .gz)")


def read_records(path: str | Path) -> Iterator[tuple[int, dict]]:
    """Yield ``(line number, record)`` from a JSONL or CSV file; errors name file and line."""
    path = Path(path)
    kind = data_format(path)
    raw = read_bytes(path)
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as err:
            raise InputError(f"{path}: damaged gzip file ({err})") from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: is not valid UTF-8 (byte offset {err.start})") from err
    if kind == "jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{number}: not valid JSON ({err.msg} at column {err.colno})") from err
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: expected a JSON object, got {type(record).__name__}")
            yield number, record
    else:
        csv.field_size_limit(1 << 30)
        delimiter = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for record in reader:
                yield reader.line_num, record
        except csv.Error as err:
            raise InputError(f"{path}:{reader.line_num}: not valid CSV ({err})") from err


def read_dataset(
    path: str | Path,
    text_field: str = "text",
    label_field: str = "label",
    positive: str | None = None,
    group_field: str | None = None,
) -> Dataset:
    """Read labelled texts. Labels are 0/1 (or true/false), or two strings of which
    ``positive`` names the positive one. Records with an empty text are refused."""
    path = Path(path)
    texts: list[str] = []
    raw_labels: list[tuple[int, str]] = []
    groups: list[str] | None = [] if group_field else None
    for number, record in read_records(path):
        where = f"{path}:{number}"
        for name in (text_field, label_field, group_field):
            if name and name not in record:
                raise InputError(f"{where}: no field {name!r} (fields: {', '.join(map(str, record)) or 'none'})")
        text = record[text_field]
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{where}: field {text_field!r} is empty or not a string")
        label = record[label_field]
        if label is None or isinstance(label, (dict, list)):
            raise InputError(f"{where}: label field {label_field!r} holds {label!r}, expected a string or 0/1")
        texts.append(text)
        raw_labels.append((number, str(label).strip()))
        if groups is not None:
            groups.append(str(record[group_field]))
    if not texts:
        raise InputError(f"{path}: no records")
    y, positive_label, negative_label = encode_labels(raw_labels, positive, str(path))
    return Dataset(
        texts=texts,
        y=y,
        groups=groups,
        positive_label=positive_label,
        negative_label=negative_label,
        path=str(path),
        sha256=file_sha256(path),
        text_field=text_field,
        label_field=label_field,
        group_field=group_field,
    )


def encode_labels(raw: Sequence[tuple[int, str]], positive: str | None, source: str) -> tuple[np.ndarray, str, str]:
    """Labels as 0/1 with the names of the positive and negative label."""
    distinct = sorted({label for _, label in raw})
    if positive is not None:
        if positive not in distinct:
            raise InputError(f"{source}: no record has the positive label {positive!r} (labels: {', '.join(map(repr, distinct))})")
        if len(distinct) > 2:
            raise InputError(f"{source}: {len(distinct)} distinct labels ({', '.join(map(repr, distinct[:6]))}); expected two")
        others = [d for d in distinct if d != positive]
        negative = others[0] if others else f"not {positive}"
        return np.array([int(label == positive) for _, label in raw]), positive, negative
    lowered = {d.lower() for d in distinct}
    if lowered <= set(_BINARY):
        y = np.array([_BINARY[label.lower()] for _, label in raw])
        return y, "1", "0"
    for number, label in raw:
        if label.lower() not in _BINARY:
            raise InputError(
                f"{source}:{number}: label {label!r} is not 0/1; name the positive label with --positive "
                f"(labels found: {', '.join(map(repr, distinct[:6]))})"
            )
    raise AssertionError("unreachable")


# ---------------------------------------------------------------------------------------------
# Progress


class Progress:
    """A progress line on stderr: rewritten in place on a terminal, a few lines otherwise."""

    def __init__(self, enabled: bool = True, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_step = -1

    def count(self, what: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.tty:
            self.stream.write(f"\r{what} {done:,}/{total:,}")
            if done >= total:
                self.stream.write("\n")
            self.stream.flush()
            return
        step = (10 * done) // max(total, 1)
        if step != self._last_step or done >= total:
            self._last_step = step
            self.stream.write(f"{what} {done:,}/{total:,}\n")
            self.stream.flush()
            if done >= total:
                self._last_step = -1

    def note(self, message: str) -> None:
        if self.enabled:
            self.stream.write(message + "\n")
            self.stream.flush()


# ---------------------------------------------------------------------------------------------
# Measuring, cross-validating, choosing


def measure_texts(texts: Sequence[str], format: str = "text", jobs: int = 1, progress: Progress | None = None) -> list[MeasuredText]:
    """Measure every text once (in ``jobs`` processes) and attach the values to it."""
    progress = progress or Progress(False)
    total = len(texts)
    values: list[dict] = []
    if jobs == 1:
        for i, text in enumerate(texts, 1):
            values.append(measure_values(text, format))
            if i % 25 == 0 or i == total:
                progress.count("measuring documents", i, total)
    else:
        from joblib import Parallel, delayed

        tasks = (delayed(measure_values)(text, format) for text in texts)
        for i, result in enumerate(Parallel(n_jobs=jobs, return_as="generator", batch_size=16)(tasks), 1):
            values.append(result)
            if i % 25 == 0 or i == total:
                progress.count("measuring documents", i, total)
    return [MeasuredText(t, v) for t, v in zip(texts, values)]


def make_folds(y: np.ndarray, groups: Sequence[str] | None, folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified (and grouped, when groups are given) k-fold splits with a fixed seed."""
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    if folds < 2:
        raise InputError(f"--folds must be at least 2 (got {folds})")
    counts = np.bincount(y, minlength=2)
    if counts.min() < folds:
        raise InputError(f"{folds}-fold cross-validation needs at least {folds} texts of each label (found {counts[1]} positive, {counts[0]} negative)")
    index = np.zeros(len(y))
    if groups is None:
        return list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(index, y))
    if len(set(groups)) < folds:
        raise InputError(f"{folds}-fold grouped cross-validation needs at least {folds} groups (found {len(set(groups))})")
    return list(StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed).split(index, y, groups))


def out_of_fold(
    texts: Sequence[MeasuredText],
    y: np.ndarray,
    splits: Sequence[tuple[np.ndarray, np.ndarray]],
    classifier: str,
    ngrams: bool,
    seed: int,
    format: str = "text",
    progress: Progress | None = None,
    jobs: int = 1,
) -> np.ndarray:
    """Out-of-fold probabilities of the positive label for one candidate pipeline (the folds
    run in ``jobs`` processes; the result does not depend on ``jobs``)."""
    progress = progress or Progress(False)
    texts = np.asarray(texts, dtype=object)
    probabilities = np.zeros(len(y))
    tasks = [(list(texts[train]), y[train], list(texts[test])) for train, test in splits]
    if jobs == 1:
        results = (_fit_predict(*task, classifier, ngrams, seed, format) for task in tasks)
    else:
        from joblib import Parallel, delayed

        results = Parallel(n_jobs=jobs, return_as="generator")(
            delayed(_fit_predict)(*task, classifier, ngrams, seed, format) for task in tasks
        )
    for k, ((_, test), p) in enumerate(zip(splits, results), 1):
        probabilities[test] = p
        progress.count(f"cross-validating {classifier}: fold", k, len(splits))
    return probabilities


def _fit_predict(train_texts, train_y, test_texts, classifier, ngrams, seed, format) -> np.ndarray:
    pipeline = build_pipeline(classifier, ngrams=ngrams, seed=seed, format=format)
    pipeline.fit(train_texts, train_y)
    return pipeline.predict_proba(test_texts)[:, 1]


def choose_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, str]:
    """The decision threshold: the one that maximises balanced accuracy (Youden's J, the true
    positive rate minus the false positive rate) on out-of-fold probabilities, placed midway
    between the two neighbouring probabilities so that it does not sit on a training score;
    among equally good thresholds the one nearest 0.5 wins."""
    y = np.asarray(y)
    p = np.asarray(p, dtype=float)
    positives, negatives = max(int(y.sum()), 1), max(int(len(y) - y.sum()), 1)
    values = np.unique(p)
    # Candidate cuts: midpoints between consecutive distinct probabilities, plus both ends.
    cuts = np.concatenate(([values[0] / 2], (values[:-1] + values[1:]) / 2, [(values[-1] + 1) / 2]))
    best_j, best = -np.inf, 0.5
    for cut in cuts:
        predicted = p >= cut
        j = (predicted & (y == 1)).sum() / positives - (predicted & (y == 0)).sum() / negatives
        if j > best_j + 1e-12 or (abs(j - best_j) <= 1e-12 and abs(cut - 0.5) < abs(best - 0.5)):
            best_j, best = j, float(cut)
    rule = (
        "maximises balanced accuracy (true positive rate minus false positive rate) on the "
        "out-of-fold probabilities of cross-validation, midway between neighbouring scores; ties go to the value nearest 0.5"
    )
    return best, rule


def metrics(y: np.ndarray, p: np.ndarray, threshold: float) -> dict:
    """Accuracy, precision, recall, F1 and the confusion matrix at ``threshold``; ROC-AUC,
    log-loss and Brier score from the probabilities."""
    from sklearn import metrics as m

    y = np.asarray(y)
    predicted = (np.asarray(p) >= threshold).astype(int)
    both = len(set(y.tolist())) == 2
    return {
        "documents": int(len(y)),
        "positives": int(y.sum()),
        "accuracy": float(m.accuracy_score(y, predicted)),
        "precision": float(m.precision_score(y, predicted, zero_division=0)),
        "recall": float(m.recall_score(y, predicted, zero_division=0)),
        "f1": float(m.f1_score(y, predicted, zero_division=0)),
        "roc_auc": float(m.roc_auc_score(y, p)) if both else float("nan"),
        "log_loss": float(m.log_loss(y, np.clip(p, 1e-15, 1 - 1e-15), labels=[0, 1])),
        "brier": float(m.brier_score_loss(y, p, pos_label=1)) if both else float(np.mean((p - y) ** 2)),
        "threshold": float(threshold),
        "confusion_matrix": m.confusion_matrix(y, predicted, labels=[0, 1]).tolist(),
    }


@dataclass
class TrainingResult:
    model: QualityModel
    report: dict
    out_of_fold: np.ndarray  # the chosen classifier's out-of-fold probabilities


def train(
    dataset: Dataset,
    classifier: str = AUTO,
    ngrams: bool = False,
    folds: int = 5,
    seed: int = 0,
    jobs: int = 1,
    format: str = "text",
    progress: Progress | None = None,
    rebuild_command: str | None = None,
) -> TrainingResult:
    """Cross-validate the candidates, pick the classifier and the threshold, fit on all data.

    Returns the fitted :class:`QualityModel` (its card filled in) and the report (the card's
    metrics in a printable dict). ``classifier="auto"`` compares every candidate (with n-grams,
    the candidates are the core model inside the stack).
    """
    progress = progress or Progress(False)
    started = time.perf_counter()
    if classifier != AUTO and classifier not in CLASSIFIERS:
        raise InputError(f"unknown classifier {classifier!r}: expected auto, {', '.join(CLASSIFIERS)}")
    candidates = list(CLASSIFIERS) if classifier == AUTO else [classifier]
    splits = make_folds(dataset.y, dataset.groups, folds, seed)
    measured = measure_texts(dataset.texts, format=format, jobs=jobs, progress=progress)
    measure_seconds = time.perf_counter() - started

    comparison = []
    oof: dict[str, np.ndarray] = {}
    for name in candidates:
        t0 = time.perf_counter()
        oof[name] = out_of_fold(measured, dataset.y, splits, name, ngrams, seed, format, progress, jobs)
        threshold, _ = choose_threshold(dataset.y, oof[name])
        comparison.append({"classifier": name, "metrics": metrics(dataset.y, oof[name], threshold), "seconds": time.perf_counter() - t0})
    best = min(comparison, key=lambda row: (row["metrics"]["log_loss"], -row["metrics"]["roc_auc"]))
    for row in comparison:
        row["chosen"] = row is best
    chosen = best["classifier"]
    threshold, rule = choose_threshold(dataset.y, oof[chosen])
    cv_metrics = metrics(dataset.y, oof[chosen], threshold)

    progress.note(f"fitting {chosen} on all {len(dataset):,} documents")
    t0 = time.perf_counter()
    pipeline = build_pipeline(chosen, ngrams=ngrams, seed=seed, format=format)
    pipeline.fit(list(measured), dataset.y)
    fit_seconds = time.perf_counter() - t0
    typical = training_medians(m.feature_values for m, label in zip(measured, dataset.y) if label == 0)

    grouped = f", grouped by {dataset.group_field!r} ({len(set(dataset.groups))} groups)" if dataset.groups is not None else ""
    kind = "StratifiedGroupKFold" if dataset.groups is not None else "StratifiedKFold"
    card = {
        "created": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "labels": {"positive": dataset.positive_label, "negative": dataset.negative_label},
        "feature_names": list(features.NAMES),
        "feature_probe": feature_probe(),
        "versions": versions(),
        "pipeline": {
            "classifier": chosen,
            "ngrams": ngrams,
            "format": format,
            "seed": seed,
            "description": _describe_pipeline(chosen, ngrams),
        },
        "training_data": dataset.describe(),
        "cross_validation": {
            "folds": folds,
            "seed": seed,
            "splitter": kind,
            "grouped": dataset.groups is not None,
            "description": f"{folds}-fold {kind} (shuffled, seed {seed}){grouped}; every number below is computed on out-of-fold probabilities.",
            "metrics": cv_metrics,
        },
        "classifier_comparison": comparison,
        "selection_rule": (
            "The classifier with the lowest out-of-fold log-loss was chosen (ties: higher ROC-AUC); "
            "log-loss is a proper scoring rule, so it rewards both ranking and calibrated probabilities."
            if len(candidates) > 1
            else f"Only {chosen!r} was run (chosen by the user or the only candidate for these features)."
        ),
        "threshold": {"value": threshold, "rule": rule},
        "typical_values_rule": "reasons set one feature at a time to its median over the training set's negative documents",
        "timing_seconds": {"measure": round(measure_seconds, 2), "final_fit": round(fit_seconds, 2), "total": round(time.perf_counter() - started, 2)},
        "rebuild_command": rebuild_command,
    }
    model = QualityModel(pipeline, card, typical)
    return TrainingResult(model, {"data": card["training_data"], "cross_validation": card["cross_validation"], "classifier_comparison": comparison, "labels": card["labels"], "threshold": card["threshold"], "timing_seconds": card["timing_seconds"]}, oof[chosen])


def _describe_pipeline(classifier: str, ngrams: bool) -> str:
    head = {
        "logistic": "LogisticRegression (L2, C=1)",
        "boosting": "CalibratedClassifierCV(HistGradientBoostingClassifier, sigmoid, 3 folds)",
    }[classifier]
    core = f"TextFeatures ({len(features.NAMES)} core features) -> signed log -> StandardScaler -> {head}"
    if not ngrams:
        return core
    return (
        f"StackingClassifier[core: {core}; n-grams: word 1-2-gram + character 2-5-gram TF-IDF -> "
        "LogisticRegression (C=10)] -> LogisticRegression on their out-of-fold probabilities (5 folds)"
    )


def evaluate(model: QualityModel, dataset: Dataset, jobs: int = 1, progress: Progress | None = None) -> dict:
    """The model's metrics on a held-out dataset, at the model's own threshold."""
    if dataset.positive_label != model.positive_label:
        raise InputError(
            f"{dataset.path}: the positive label is {dataset.positive_label!r} but the model predicts "
            f"{model.positive_label!r}; pass --positive {model.positive_label}"
        )
    measured = measure_texts(dataset.texts, format=model.format, jobs=jobs, progress=progress)
    p = model.scores(measured)
    return {
        "data": dataset.describe(),
        "labels": {"positive": model.positive_label, "negative": model.negative_label},
        "threshold": {"value": model.threshold, "rule": "the model card's threshold"},
        "metrics": metrics(dataset.y, p, model.threshold),
    }


# ---------------------------------------------------------------------------------------------
# Printing


def format_metrics(m: dict, labels: dict) -> list[str]:
    (tn, fp), (fn, tp) = m["confusion_matrix"]
    neg, pos = labels["negative"], labels["positive"]
    width = max(len(neg), len(pos), 8) + 9
    return [
        f"accuracy  {m['accuracy']:.4f}   precision {m['precision']:.4f}   recall {m['recall']:.4f}   F1 {m['f1']:.4f}",
        f"ROC-AUC   {m['roc_auc']:.4f}   log-loss  {m['log_loss']:.4f}   Brier  {m['brier']:.4f}",
        f"threshold {m['threshold']:.4f}",
        "confusion matrix (rows: actual, columns: predicted):",
        f"  {'':{width}} {neg:>12} {pos:>12}",
        f"  {'actual ' + neg:{width}} {tn:>12} {fp:>12}",
        f"  {'actual ' + pos:{width}} {fn:>12} {tp:>12}",
    ]


def format_training_report(report: dict) -> str:
    data, cv, labels = report["data"], report["cross_validation"], report["labels"]
    lines = [
        f"data: {data['path']} ({data['documents']:,} documents: {data['positives']:,} {labels['positive']!r}, {data['negatives']:,} {labels['negative']!r})",
        f"cross-validation: {cv['description']}",
        "classifier comparison (out-of-fold):",
        f"  {'classifier':12} {'ROC-AUC':>8} {'log-loss':>9} {'Brier':>7} {'accuracy':>9} {'F1':>7} {'seconds':>8}",
    ]
    for row in report["classifier_comparison"]:
        m = row["metrics"]
        mark = "  <- chosen" if row.get("chosen") else ""
        lines.append(f"  {row['classifier']:12} {m['roc_auc']:8.4f} {m['log_loss']:9.4f} {m['brier']:7.4f} {m['accuracy']:9.4f} {m['f1']:7.4f} {row['seconds']:8.1f}{mark}")
    lines.append(f"decision threshold {report['threshold']['value']:.4f}: {report['threshold']['rule']}")
    lines.append("cross-validated results of the chosen classifier:")
    lines += ["  " + line for line in format_metrics(cv["metrics"], labels)]
    timing = report.get("timing_seconds")
    if timing:
        lines.append(f"time: {timing['total']:.1f} s (measuring {timing['measure']:.1f} s, final fit {timing['final_fit']:.1f} s)")
    return "\n".join(lines)


def format_evaluation_report(report: dict, model_path: str) -> str:
    data, labels = report["data"], report["labels"]
    lines = [
        f"model: {model_path}",
        f"data: {data['path']} ({data['documents']:,} documents: {data['positives']:,} {labels['positive']!r}, {data['negatives']:,} {labels['negative']!r})",
        "held-out results at the model's threshold:",
    ]
    lines += ["  " + line for line in format_metrics(report["metrics"], labels)]
    return "\n".join(lines)


def training_medians(values: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """The median of each feature over ``values`` (the typical values used for reasons)."""
    rows = np.array([[v[n] for n in features.NAMES] for v in values], dtype=float)
    if rows.size == 0:
        return dict.fromkeys(features.NAMES, 0.0)
    rows = np.nan_to_num(rows, nan=0.0, posinf=FINITE_LIMIT, neginf=-FINITE_LIMIT)
    return {n: float(x) for n, x in zip(features.NAMES, np.median(rows, axis=0))}
