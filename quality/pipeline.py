"""The article model as a scikit-learn pipeline: the feature step, the classifiers, the stack.

Every article gets a probability of being low-quality (or of the positive label a user trained
on) from one scikit-learn ``Pipeline`` (:func:`build_pipeline`):

    TextFeatures -> signed log -> StandardScaler -> classifier
        (logistic regression, or calibrated gradient boosting: chosen by cross-validation)

    with n-grams, a stack of that model and a logistic regression over word and character
    n-gram TF-IDF (FeatureUnion), combined by a logistic regression

:class:`TextFeatures` turns raw texts into the values of :data:`features.NAMES`, measured exactly
as ``quality check`` measures them (``Document.from_text`` then :func:`quality.analysis.measure`),
so a flag and the score never disagree about what was measured. The n-gram branches are off by
default; they are for users whose labels depend on vocabulary (reviews, topics) rather than on
the artifacts the core measures.

This module imports scikit-learn and numpy: training, evaluation and pickled models use it.
Scoring with the bundled model does not (:mod:`quality.compiled`, :mod:`quality.model`).
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

import features
from quality.compiled import FINITE_LIMIT
from quality.errors import ModelError
from quality.model import RETRAIN_HINT, MeasuredText, measure_values

def signed_log1p(X):
    """``sign(x) * log(1 + |x|)``: tames counts and lengths with long tails before scaling.

    A module-level function, not a lambda, so that the pipeline pickles (STYLE.md 4.10, 4).
    """
    X = np.asarray(X, dtype=float)
    return np.sign(X) * np.log1p(np.abs(X))


class TextFeatures(TransformerMixin, BaseEstimator):
    """Turn raw texts into the core's feature values, in the fixed order of ``features.NAMES``.

    Each text is parsed with ``Document.from_text(text, format=format)`` and measured with
    :func:`quality.analysis.measure`, so the model sees exactly the paragraphs, roles and
    numbers that ``quality check`` reports. A :class:`MeasuredText` is not measured again: its
    ``feature_values`` are used. Nothing is learned, so ``transform`` works before ``fit``
    (``requires_fit`` is False), but ``fit`` pins the output names for the fitted pipeline.

    Parameters
    ----------
    format : {"text", "markdown"}, default="text"
        How texts are parsed into paragraphs: plain text (one paragraph per line, the scraped
        text convention) or Markdown.

    Attributes
    ----------
    feature_names_out_ : ndarray of str
        The output column names, equal to ``features.NAMES`` at fit time.
    n_features_out_ : int
        The number of output columns.

    Examples
    --------
    >>> X = TextFeatures().fit_transform(["A headline\\nA body paragraph with a few words."])
    >>> X.shape == (1, len(features.NAMES))
    True
    """

    def __init__(self, format: str = "text"):
        # No logic here (scikit-learn's rule): clone() and set_params() rebuild from parameters.
        self.format = format

    def fit(self, X, y=None):
        """Check the parameters and the input; record the output names. Returns self."""
        self._check_format()
        _as_texts(X)
        self.feature_names_out_ = np.asarray(features.NAMES, dtype=object)
        self.n_features_out_ = len(features.NAMES)
        return self

    def transform(self, X) -> np.ndarray:
        """An ``(n_texts, len(features.NAMES))`` array of finite floats."""
        self._check_format()
        texts = _as_texts(X)
        names = features.NAMES
        fitted = getattr(self, "feature_names_out_", None)
        if fitted is not None and tuple(fitted) != tuple(names):
            raise ModelError(
                f"the feature names changed since this transformer was fitted "
                f"({len(fitted)} then, {len(names)} now); {RETRAIN_HINT}"
            )
        rows = np.empty((len(texts), len(names)), dtype=float)
        for i, text in enumerate(texts):
            values = text.feature_values if isinstance(text, MeasuredText) else measure_values(text, self.format)
            try:
                rows[i] = [values[name] for name in names]
            except KeyError as err:
                raise ValueError(f"text {i}: its feature values lack {err.args[0]!r}") from err
        return np.nan_to_num(rows, nan=0.0, posinf=FINITE_LIMIT, neginf=-FINITE_LIMIT)

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The output column names: ``features.NAMES`` (input names do not apply to text)."""
        return np.asarray(features.NAMES, dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        # Input is a sequence of strings, not a 2-D array; there is nothing to learn.
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = False
        return tags

    def _check_format(self) -> None:
        if self.format not in ("text", "markdown"):
            raise ValueError(f"TextFeatures(format={self.format!r}): expected 'text' or 'markdown'")


def _as_texts(X) -> list[str]:
    """The input as a list of strings; a bare string (a common slip) is refused."""
    if isinstance(X, str):
        raise ValueError("expected a sequence of texts, got a single string; wrap it in a list")
    if isinstance(X, np.ndarray) and X.ndim != 1:
        raise ValueError(f"expected a 1-D sequence of texts, got an array of shape {X.shape}")
    texts = list(X)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise ValueError(f"text {i} is a {type(text).__name__}, not a string")
    return texts


# ---------------------------------------------------------------------------------------------
# The pipeline


def make_classifier(name: str = "logistic", seed: int = 0):
    """A classifier with usable probabilities, for the core features.

    - ``"logistic"``: L2 logistic regression. It minimises log-loss, so its probabilities are
      calibrated on the training distribution without a separate step.
    - ``"boosting"``: histogram gradient boosting, wrapped in ``CalibratedClassifierCV``
      (sigmoid, 3 folds), because boosted trees fitted to nearly separable data are
      over-confident.
    """
    if name == "logistic":
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=1.0, max_iter=5000, random_state=seed)
    if name == "boosting":
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.ensemble import HistGradientBoostingClassifier

        boosted = HistGradientBoostingClassifier(
            learning_rate=0.1, max_iter=200, max_leaf_nodes=15, l2_regularization=1.0, random_state=seed
        )
        return CalibratedClassifierCV(boosted, method="sigmoid", cv=3)
    raise ValueError(f"unknown classifier {name!r}: expected one of {', '.join(CLASSIFIERS)}")


# TF-IDF vectors are L2-normalised, so an n-gram needs a large weight to matter: C=10 is the
# usual order for sublinear TF-IDF (on the Ott reviews C from 10 to 100 changes accuracy by <1 point).
NGRAM_C = 10.0
# Folds of the stacking step that combines the core model and the n-gram model.
STACK_FOLDS = 5


def build_pipeline(classifier: str = "logistic", ngrams: bool = False, seed: int = 0, format: str = "text"):
    """The model, one scikit-learn ``Pipeline`` that reads raw texts.

    Without n-grams: ``TextFeatures`` (the core values) -> ``signed_log1p`` (tames long-tailed
    counts) -> ``StandardScaler`` -> ``classifier`` (see :func:`make_classifier`).

    With n-grams: a ``StackingClassifier`` of two models of the same texts, the core model
    above and a logistic regression over word 1-2-gram and character 2-5-gram TF-IDF (a
    ``FeatureUnion``), combined by a logistic regression fitted on their out-of-fold
    probabilities. Stacking lets the data decide how much each view counts: joining the 68
    dense core columns with 100,000 sparse n-gram columns in one model let the core columns
    drown the vocabulary on the Ott reviews (0.87 accuracy against 0.90 for n-grams alone).
    """
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    core = Pipeline(
        [
            ("measure", TextFeatures(format=format)),
            ("compress", FunctionTransformer(signed_log1p, feature_names_out="one-to-one")),
            ("scale", StandardScaler()),
            ("classifier", make_classifier(classifier, seed)),
        ]
    )
    if not ngrams:
        return core
    from sklearn.ensemble import StackingClassifier
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import FeatureUnion

    vocabulary = Pipeline(
        [
            (
                "tfidf",
                FeatureUnion(
                    [
                        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, dtype=np.float32)),
                        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, dtype=np.float32)),
                    ]
                ),
            ),
            ("classifier", LogisticRegression(C=NGRAM_C, solver="liblinear", random_state=seed)),
        ]
    )
    stack = StackingClassifier(
        [("core", core), ("ngrams", vocabulary)],
        final_estimator=LogisticRegression(random_state=seed),
        cv=StratifiedKFold(STACK_FOLDS, shuffle=True, random_state=seed),
        stack_method="predict_proba",
    )
    return Pipeline([("stack", stack)])


def find_text_features(model) -> TextFeatures:
    """The :class:`TextFeatures` step inside a (possibly stacked) pipeline."""
    if isinstance(model, TextFeatures):
        return model
    for value in model.get_params(deep=True).values():
        if isinstance(value, TextFeatures):
            return value
    raise ModelError("the model has no TextFeatures step; it was not built by quality.model.build_pipeline")


def uses_ngrams(model) -> bool:
    """Whether the model reads the text itself (n-gram TF-IDF) besides the core values."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return any(isinstance(v, TfidfVectorizer) for v in model.get_params(deep=True).values())
