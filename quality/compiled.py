"""A fitted core model as plain numbers, scored in pure Python (no scikit-learn, no pickle).

``quality check`` scores one article per call; importing scikit-learn and scipy to do so costs
about a second, ten times the rest of a cold run. The core pipeline of :mod:`quality.pipeline`
(signed log -> ``StandardScaler`` -> logistic regression, or calibrated histogram gradient
boosting) is small once fitted: means and scales, then coefficients or a few hundred trees of at
most 15 leaves. :func:`export` writes those numbers as JSON when a model is saved, and
:class:`CompiledModel` computes the same probabilities from them (equal to the pipeline's
``predict_proba`` up to float rounding; ``tests/test_model.py`` checks it on real texts). Reading
JSON runs no code, so the default model is scored without unpickling anything.

What it reproduces, step by step (scikit-learn 1.9):

- ``TextFeatures``: NaN -> 0 and +-inf -> +-1e6 (``numpy.nan_to_num``);
- ``FunctionTransformer(signed_log1p)``: ``sign(x) * log1p(|x|)``;
- ``StandardScaler``: ``(x - mean_) / scale_``;
- ``LogisticRegression`` (binary): ``expit(x . coef_ + intercept_)``;
- ``CalibratedClassifierCV(HistGradientBoostingClassifier, method="sigmoid")`` (binary): for
  each fold's classifier, its raw score (the baseline plus one leaf value per tree; a sample
  goes left when its value is at most the node's threshold; the input never holds NaN, so where
  a tree sends missing values does not matter), then the fold's sigmoid
  ``expit(-(a * raw + b))``; the mean over the folds.

A pipeline with other steps (n-gram branches, other classifiers) is not exported; such a model
is scored by its pickled pipeline (:mod:`quality.model`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

FORMAT = "content-quality compiled model"
FORMAT_VERSION = 1
# Must equal quality.pipeline's replacement of infinite values (numpy.nan_to_num's posinf).
FINITE_LIMIT = 1e6


class NotExportable(ValueError):
    """The pipeline has steps this module does not reproduce."""


def export(pipeline, feature_names: Sequence[str], typical_values: Mapping[str, float]) -> dict:
    """The numbers of a fitted core pipeline, and the typical feature values its reasons use,
    as a JSON-ready dict (:class:`NotExportable` when the pipeline is not ``measure ->
    compress -> scale -> classifier`` with a supported classifier)."""
    steps = getattr(pipeline, "named_steps", None)
    if steps is None or list(steps) != ["measure", "compress", "scale", "classifier"]:
        raise NotExportable("only the core pipeline (measure, compress, scale, classifier) is exported")
    measure, compress, scale, classifier = (steps[k] for k in ("measure", "compress", "scale", "classifier"))
    if getattr(compress.func, "__name__", None) != "signed_log1p":
        raise NotExportable(f"unknown transform {compress.func!r}")
    if list(classifier.classes_) != [0, 1]:
        raise NotExportable(f"classes {list(classifier.classes_)}: only binary 0/1 models are exported")
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "feature_names": list(feature_names),
        "text_format": measure.format,
        "scale": {"mean": _floats(scale.mean_), "scale": _floats(scale.scale_)},
        "classifier": _export_classifier(classifier),
        "typical_values": {name: float(typical_values[name]) for name in feature_names},
    }


def _export_classifier(classifier) -> dict:
    kind = type(classifier).__name__
    if kind == "LogisticRegression":
        return {"kind": "logistic", "coef": _floats(classifier.coef_[0]), "intercept": float(classifier.intercept_[0])}
    if kind == "CalibratedClassifierCV":
        members = []
        for member in classifier.calibrated_classifiers_:
            booster, (calibrator,) = member.estimator, member.calibrators
            if member.method != "sigmoid" or type(booster).__name__ != "HistGradientBoostingClassifier":
                raise NotExportable(f"calibrated {type(booster).__name__} with {member.method}: not exported")
            if booster.is_categorical_ is not None and any(booster.is_categorical_):
                raise NotExportable("categorical features are not exported")
            members.append(
                {
                    "baseline": float(booster._baseline_prediction.ravel()[0]),
                    "sigmoid": [float(calibrator.a_), float(calibrator.b_)],
                    "trees": [_export_tree(predictors[0].nodes) for predictors in booster._predictors],
                }
            )
        return {"kind": "calibrated_boosting", "members": members}
    raise NotExportable(f"classifier {kind} is not exported")


def _export_tree(nodes) -> dict:
    """One tree as three lists in depth-first order, so that a node's left child is the next
    node and only the right child's index is stored. A leaf has feature -1 and its value in
    ``threshold``. Where missing values go is not kept: the input never holds NaN."""
    feature, threshold, right = [], [], []

    def visit(i: int) -> None:
        node = nodes[i]
        here = len(feature)
        if node["is_leaf"]:
            feature.append(-1)
            threshold.append(float(node["value"]))
            right.append(0)
            return
        feature.append(int(node["feature_idx"]))
        threshold.append(float(node["num_threshold"]))
        right.append(0)
        visit(int(node["left"]))
        right[here] = len(feature)
        visit(int(node["right"]))

    visit(0)
    return {"feature": feature, "threshold": threshold, "right": right}


def _floats(values) -> list[float]:
    return [float(v) for v in values]


def dumps(spec: Mapping) -> str:
    """The JSON text of a spec (floats round-trip exactly)."""
    return json.dumps(spec, separators=(",", ":"), allow_nan=False) + "\n"


# ---------------------------------------------------------------------------------------------
# Scoring


def expit(x: float) -> float:
    """``1 / (1 + exp(-x))`` without overflow."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(frozen=True)
class _Tree:
    """A tree in depth-first order: a node's left child follows it; ``right`` holds the index
    of its right child; a leaf has feature -1 and its value in ``threshold``."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    right: tuple[int, ...]
    uses: frozenset[int]  # the features its splits read

    def leaf_value(self, x: Sequence[float]) -> float:
        feature, threshold, right = self.feature, self.threshold, self.right
        node = 0
        while True:
            f = feature[node]
            if f < 0:
                return threshold[node]
            node = node + 1 if x[f] <= threshold[node] else right[node]


@dataclass(frozen=True)
class _Member:
    """One fold of a calibrated booster: its trees and its sigmoid."""

    baseline: float
    a: float
    b: float
    trees: tuple[_Tree, ...]


class CompiledModel:
    """Probabilities of the positive label from feature values, computed from exported numbers.

    >>> spec = {"format": FORMAT, "format_version": FORMAT_VERSION, "feature_names": ["x"],
    ...         "text_format": "text", "scale": {"mean": [0.0], "scale": [1.0]},
    ...         "classifier": {"kind": "logistic", "coef": [2.0], "intercept": 0.0}}
    >>> round(CompiledModel(spec).probability([0.0]), 3)
    0.5
    """

    def __init__(self, spec: Mapping):
        if spec.get("format") != FORMAT or spec.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"not a {FORMAT} (format {spec.get('format')!r}, version {spec.get('format_version')!r})")
        self.feature_names = tuple(spec["feature_names"])
        self.text_format = str(spec["text_format"])
        self.typical_values = {name: float(v) for name, v in spec.get("typical_values", {}).items()}
        self._mean = tuple(spec["scale"]["mean"])
        self._scale = tuple(spec["scale"]["scale"])
        n = len(self.feature_names)
        if len(self._mean) != n or len(self._scale) != n:
            raise ValueError(f"{n} features but {len(self._mean)} means and {len(self._scale)} scales")
        classifier = spec["classifier"]
        self.kind = classifier["kind"]
        if self.kind == "logistic":
            self._coef = tuple(classifier["coef"])
            self._intercept = float(classifier["intercept"])
            if len(self._coef) != n:
                raise ValueError(f"{n} features but {len(self._coef)} coefficients")
        elif self.kind == "calibrated_boosting":
            self._members = tuple(
                _Member(m["baseline"], m["sigmoid"][0], m["sigmoid"][1], tuple(_tree(t, n) for t in m["trees"]))
                for m in classifier["members"]
            )
            if not self._members:
                raise ValueError("a calibrated model with no members")
        else:
            raise ValueError(f"unknown classifier kind {self.kind!r}")

    def row(self, values: Mapping[str, float]) -> list[float]:
        """The scaled input row of one document's feature values."""
        return [
            (_signed_log1p(_finite(values[name])) - mean) / scale
            for name, mean, scale in zip(self.feature_names, self._mean, self._scale)
        ]

    def probability(self, row: Sequence[float]) -> float:
        """The probability of the positive label for one scaled row."""
        if self.kind == "logistic":
            return expit(math.fsum(c * x for c, x in zip(self._coef, row)) + self._intercept)
        return self._calibrated([[t.leaf_value(row) for t in m.trees] for m in self._members])

    def probabilities_with_each_changed(self, row: Sequence[float], changes: Sequence[tuple[int, float]]) -> tuple[float, list[float]]:
        """The probability of ``row``, and of ``row`` with feature ``i`` set to scaled value
        ``v`` for each ``(i, v)`` in ``changes`` (one change at a time). Trees that do not
        read feature ``i`` keep their leaf, so each change costs only the trees that split on it."""
        if self.kind == "logistic":
            return self.probability(row), [
                self.probability([v if j == i else x for j, x in enumerate(row)]) for i, v in changes
            ]
        leaves = [[t.leaf_value(row) for t in m.trees] for m in self._members]
        changed = []
        for i, v in changes:
            new_row = list(row)
            new_row[i] = v
            changed.append(
                self._calibrated(
                    [
                        [t.leaf_value(new_row) if i in t.uses else leaf for t, leaf in zip(m.trees, member_leaves)]
                        for m, member_leaves in zip(self._members, leaves)
                    ]
                )
            )
        return self._calibrated(leaves), changed

    def _calibrated(self, leaves: Sequence[Sequence[float]]) -> float:
        total = 0.0
        for member, member_leaves in zip(self._members, leaves):
            raw = member.baseline
            for leaf in member_leaves:  # in tree order, as scikit-learn adds them
                raw += leaf
            total += expit(-(member.a * raw + member.b))
        return total / len(self._members)


def _tree(spec: Mapping, n_features: int) -> _Tree:
    feature, threshold, right = (tuple(spec[k]) for k in ("feature", "threshold", "right"))
    size = len(feature)
    if not size or len(threshold) != size or len(right) != size:
        raise ValueError("a tree whose node lists differ in length")
    for node, f in enumerate(feature):
        if f >= n_features or (f >= 0 and not (node + 1 < right[node] < size)):
            raise ValueError(f"a tree node ({node}) that points outside the tree or the features")
    if feature[-1] >= 0:
        raise ValueError("a tree that does not end on a leaf")
    return _Tree(feature, threshold, right, frozenset(f for f in feature if f >= 0))


def _finite(x: float) -> float:
    """``numpy.nan_to_num(x, nan=0.0, posinf=FINITE_LIMIT, neginf=-FINITE_LIMIT)``."""
    if x != x:
        return 0.0
    if math.isinf(x):
        return math.copysign(FINITE_LIMIT, x)
    return x


def _signed_log1p(x: float) -> float:
    return math.copysign(math.log1p(abs(x)), x) if x else 0.0


def load(text: str) -> CompiledModel:
    """A :class:`CompiledModel` from the JSON text :func:`dumps` wrote (ValueError when it is not one)."""
    try:
        spec = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"not JSON ({err})") from err
    if not isinstance(spec, dict):
        raise ValueError("not a JSON object")
    try:
        return CompiledModel(spec)
    except (KeyError, TypeError, IndexError) as err:
        raise ValueError(f"malformed ({type(err).__name__}: {err})") from err
