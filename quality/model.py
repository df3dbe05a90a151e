"""The article score: a model over the core's feature values, its card, and safe loading.

Every article gets a probability of being low-quality (or of the positive label a user trained
on) from a scikit-learn pipeline over :data:`features.NAMES` (:mod:`quality.pipeline`: signed
log, ``StandardScaler``, then logistic regression or calibrated gradient boosting, optionally
stacked with an n-gram model), measured exactly as ``quality check`` measures them, so a flag
and the score never disagree about what was measured.

A :class:`MeasuredText` is a text that carries the feature values already measured on it:
``quality check`` scores a document from the measurements it has, without measuring twice.

:class:`QualityModel` wraps a fitted model with its model card: the decision threshold (a
verdict), the typical value of each feature (reasons: the three features that pushed a score
most), and the checks :func:`load_model` runs before anything is read. A core model is also
saved as plain numbers (:mod:`quality.compiled`) and scored from them: ``quality check`` with
the default model neither imports scikit-learn nor unpickles anything. The pickle stays the
reference (training, evaluation, n-gram models); loading a pickle runs code, so load only files
from a trusted source (the bundled default or your own training).
"""

from __future__ import annotations

import json
import math
import platform
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import features
from quality import compiled
from quality.compiled import CompiledModel
from quality.errors import ModelError
from quality.files import MODELS_DIR, atomic_write, file_sha256

# The bundled default model (and its card, same stem, .json and .md).
DEFAULT_MODEL = MODELS_DIR / "quality-v1.joblib"
# What a saved payload and a card say they are; bump FORMAT_VERSION when either changes shape.
PAYLOAD_FORMAT = "content-quality model"
CARD_FORMAT = "content-quality model card"
FORMAT_VERSION = 1
CLASSIFIERS = ("logistic", "boosting")
RETRAIN_HINT = (
    "rebuild the default model with `quality train --default -o models/quality-v1.joblib` "
    "(needs ../shared/data beside the checkout), or train your own with `quality train DATA -o MODEL`"
)
# Probabilities are clipped to this distance from 0 and 1 before taking log-odds.
_PROBABILITY_EPSILON = 1e-6
# A reason whose effect on the log-odds is smaller than this is not worth printing.
MIN_REASON_EFFECT = 0.05

# A short human phrase per feature, for reasons ("repeated paragraphs (41%; typical 0%)").
# Features missing here fall back to their name with spaces.
FEATURE_PHRASES = {
    "flesch_reading_ease": "reading ease (Flesch)",
    "flesch_kincaid_grade": "grade level (Flesch-Kincaid)",
    "gunning_fog_index": "fog index (Gunning)",
    "smog_index": "SMOG index",
    "coleman_liau_index": "Coleman-Liau index",
    "automated_readability_index": "automated readability index",
    "dale_chall_score": "Dale-Chall score",
    "syllables_per_word_mean": "syllables per word",
    "letters_per_word_mean": "letters per word",
    "complex_word_share": "words of three or more syllables",
    "long_word_share": "long words",
    "difficult_word_share": "uncommon words (Dale-Chall list)",
    "sentence_count": "number of sentences",
    "words_per_sentence_mean": "sentence length in words",
    "words_per_sentence_stdev": "variation of sentence length",
    "words_per_sentence_max": "longest sentence in words",
    "long_sentence_share": "long sentences",
    "paragraph_count": "number of paragraphs",
    "words_per_paragraph_mean": "paragraph length in words",
    "words_per_paragraph_max": "longest paragraph in words",
    "duplicate_paragraph_share": "repeated paragraphs",
    "duplicate_paragraph_char_share": "text in repeated paragraphs",
    "near_duplicate_paragraph_share": "near-duplicate paragraphs",
    "repeated_heading_count": "headings that repeat the headline",
    "top_2gram_char_share": "text taken by the commonest two-word phrase",
    "top_3gram_char_share": "text taken by the commonest three-word phrase",
    "top_4gram_char_share": "text taken by the commonest four-word phrase",
    "duplicate_5gram_char_share": "text in repeated 5-word sequences",
    "duplicate_6gram_char_share": "text in repeated 6-word sequences",
    "duplicate_7gram_char_share": "text in repeated 7-word sequences",
    "duplicate_8gram_char_share": "text in repeated 8-word sequences",
    "duplicate_9gram_char_share": "text in repeated 9-word sequences",
    "duplicate_10gram_char_share": "text in repeated 10-word sequences",
    "compression_ratio": "redundancy (compression ratio)",
    "top_phrase_count": "uses of the most repeated phrase",
    "top_phrase_per_1k_words": "density of the most repeated phrase",
    "top_phrase_paragraph_share": "paragraphs using the most repeated phrase",
    "top_phrase_slot_count": "SEO slots (title, intro, subheading, closing line) holding one phrase",
    "top_phrase_exact_share": "exact-match share of the most repeated phrase",
    "top_phrase_in_title": "the most repeated phrase in the title",
    "paragraph_top_phrase_max_share": "one phrase hammered inside a paragraph",
    "call_to_action_paragraph_share": "paragraphs with promotional calls to action",
    "page_metadata_paragraph_share": "bylines, timestamps and breadcrumbs",
    "widget_paragraph_share": "share bars, cookie, newsletter and ad labels",
    "related_links_paragraph_share": "related-links navigation",
    "affiliate_paragraph_share": "affiliate disclosures and buy buttons",
    "section_label_count": "stray section labels",
    "low_stopword_paragraph_share": "paragraphs that read like keyword lists",
    "stopword_share": "function words",
    "boilerplate_word_share": "text the boilerplate model calls boilerplate",
    "leaked_llm_paragraph_count": "paragraphs with leaked chatbot text",
    "seo_instruction_paragraph_count": "paragraphs with leaked SEO-brief text",
    "placeholder_count": "unfilled template placeholders",
    "markup_count": "markup left in the text",
    "mojibake_paragraph_count": "paragraphs with encoding damage (mojibake)",
    "hidden_character_count": "hidden characters",
    "soft_hyphen_count": "soft hyphens",
    "tortured_phrase_count": "spun (tortured) phrases",
    "stock_phrase_per_1k_words": "stock chatbot phrases",
    "spam_term_count": "spam-vertical terms",
    "word_salad_sentence_share": "sentences that are not English syntax (word salad)",
    "min_topic_overlap": "vocabulary the least on-topic paragraph shares with the rest",
    "summary_before_headline": "a summary printed above the headline",
    "orphan_subheading_count": "subheadings with no text under them",
    "truncated_ending": "a text that stops mid-sentence",
    "quote_style_outlier_count": "paragraphs with a different quote style",
    "title_contradiction_count": "contradictory titles for one person",
    "heading_share": "paragraphs that are headings",
    "word_count": "length in words",
}
# Features that are yes/no (0.0 or 1.0).
_FLAG_FEATURES = frozenset({"summary_before_headline", "truncated_ending", "top_phrase_in_title"})


def feature_phrase(name: str) -> str:
    """A short human phrase for feature ``name``."""
    return FEATURE_PHRASES.get(name, name.replace("_", " "))


def format_value(name: str, value: float) -> str:
    """A feature value as a reader would write it: shares in %, counts as whole numbers."""
    if name in _FLAG_FEATURES:
        return "yes" if value >= 0.5 else "no"
    if name.endswith("_share"):
        return f"{100 * value:.0f}%"
    if name.endswith("_count"):
        return f"{value:.0f}"
    if name.endswith("_per_1k_words"):
        return f"{value:.1f} per 1,000 words"
    return f"{value:.2f}" if abs(value) < 100 else f"{value:.0f}"


# ---------------------------------------------------------------------------------------------
# The transformer


def __getattr__(name: str):
    """Model files saved before :mod:`quality.pipeline` existed refer to its classes here."""
    if name in ("TextFeatures", "signed_log1p"):
        from quality import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class MeasuredText(str):
    """A text that carries the feature values already measured on it.

    It is a ``str``, so every text step of a pipeline (TF-IDF) reads it as the text, while
    :class:`TextFeatures` takes ``feature_values`` (a mapping of :data:`features.NAMES` to
    numbers) instead of measuring again. ``quality check`` uses it to score a document from
    the :class:`features.Measurements` it already has; training uses it to measure each text
    once for all cross-validation folds.

    Examples
    --------
    >>> values = dict.fromkeys(features.NAMES, 0.0)
    >>> MeasuredText("Some text.", values).feature_values["word_count"]
    0.0
    """

    feature_values: dict[str, float]

    def __new__(cls, text: str, feature_values: Mapping[str, float]) -> MeasuredText:
        obj = super().__new__(cls, text)
        obj.feature_values = dict(feature_values)
        return obj

    def __reduce__(self):  # pickling (worker processes, joblib) must keep the values
        return (MeasuredText, (str(self), self.feature_values))


def measure_values(text: str, format: str = "text") -> dict[str, float]:
    """The named document values of ``text``, measured as ``quality check`` measures them."""
    from quality.analysis import measure
    from quality.document import Document

    _, measurements = measure(Document.from_text(text, format=format))
    return dict(measurements.values)


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True)
class Reason:
    """One feature's push on a score: the change in log-odds when the feature is set to its
    typical value (positive: it pushed the document toward the positive label)."""

    feature: str
    value: float
    typical: float
    effect: float

    @property
    def phrase(self) -> str:
        return feature_phrase(self.feature)

    def describe(self) -> str:
        """``repeated paragraphs: 41% (typical 0%), raises the score``."""
        direction = "raises" if self.effect > 0 else "lowers"
        return (
            f"{self.phrase}: {format_value(self.feature, self.value)} "
            f"(typical {format_value(self.feature, self.typical)}), {direction} the score"
        )

    def as_dict(self) -> dict:
        return {
            "feature": self.feature,
            "phrase": self.phrase,
            "value": self.value,
            "typical": self.typical,
            "effect": round(self.effect, 4),
            "text": self.describe(),
        }


@dataclass(frozen=True)
class Assessment:
    """A document's score, its verdict at the model's threshold and the reasons."""

    score: float
    verdict: str
    flagged: bool  # score >= threshold: the positive label (low quality for the default model)
    threshold: float
    reasons: tuple[Reason, ...] = ()

    def as_dict(self) -> dict:
        return {
            "score": round(self.score, 4),
            "verdict": self.verdict,
            "flagged": self.flagged,
            "threshold": round(self.threshold, 4),
            "reasons": [r.as_dict() for r in self.reasons],
        }


class QualityModel:
    """A fitted model with its card: scores, verdicts and reasons.

    ``score(text)`` is the calibrated probability of the positive label; ``assess`` adds the
    verdict at the card's threshold and the features that pushed the score most.
    ``score_values``/``assess(values=...)`` score from feature values already measured (the
    n-gram models also need the text).

    A model loaded from a file that has an exported copy (``compiled``, see
    :mod:`quality.compiled`) scores from it, in pure Python; its scikit-learn pipeline is
    unpickled (after the checks of :func:`load_model`) only when something asks for
    ``pipeline``.
    """

    def __init__(self, pipeline, card: dict, typical_values: Mapping[str, float], path: Path | None = None, compiled: CompiledModel | None = None):
        if pipeline is None and (compiled is None or path is None):
            raise ValueError("a QualityModel needs a fitted pipeline, or an exported copy and the file to load it from")
        self._pipeline = pipeline
        self.card = card
        self.typical_values = dict(typical_values)
        self.path = path
        self.compiled = compiled
        self._names = features.NAMES

    def __repr__(self) -> str:
        how = "compiled" if self.compiled is not None else "pipeline"
        return f"QualityModel(path={self.path!r}, scored by the {how}, threshold={self.threshold:.3f})"

    @property
    def pipeline(self):
        """The fitted scikit-learn pipeline (unpickled on first use for a compiled model)."""
        if self._pipeline is None:
            self._pipeline = _load_pipeline(self.path, self.card)
        return self._pipeline

    @property
    def threshold(self) -> float:
        return float(self.card["threshold"]["value"])

    @property
    def positive_label(self) -> str:
        return str(self.card["labels"]["positive"])

    @property
    def negative_label(self) -> str:
        return str(self.card["labels"]["negative"])

    @property
    def reads_text(self) -> bool:
        """True when the model has n-gram branches: scoring needs the text, not only values."""
        if self.compiled is not None:
            return False
        from quality.pipeline import uses_ngrams

        return uses_ngrams(self.pipeline)

    @property
    def format(self) -> str:
        if self.compiled is not None:
            return self.compiled.text_format
        from quality.pipeline import find_text_features

        return find_text_features(self.pipeline).format

    def scores(self, texts: Sequence[str]) -> list[float]:
        """Probabilities of the positive label for ``texts`` (strings or MeasuredText)."""
        if isinstance(texts, str):
            raise ValueError("expected a sequence of texts, got a single string; wrap it in a list")
        texts = list(texts)
        if not texts:
            return []
        if self.compiled is None:
            return [float(p) for p in self.pipeline.predict_proba(texts)[:, 1]]
        out = []
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise ValueError(f"text {i} is a {type(text).__name__}, not a string")
            values = text.feature_values if isinstance(text, MeasuredText) else measure_values(text, self.format)
            out.append(self.compiled.probability(self.compiled.row(self._checked(values))))
        return out

    def score(self, text: str) -> float:
        """The probability that ``text`` has the positive label (low quality, by default)."""
        return self.scores([text])[0]

    def score_values(self, values: Mapping[str, float], text: str = "") -> float:
        """Score from feature values already measured (``Measurements.values``); models with
        n-grams also need the text."""
        if not text and self.reads_text:
            raise ValueError("this model reads word n-grams: pass the text as well as the values")
        return self.score(MeasuredText(text, self._checked(values)))

    def assess_report(self, report, reasons: int = 3) -> Assessment:
        """Assess a :class:`quality.analysis.Report` from the values it already measured (for
        ``quality check`` and ``quality.analyze``). Models with n-grams read the document's
        paragraphs joined by newlines."""
        text = "\n".join(p.text for p in report.document.paragraphs) if self.reads_text else None
        return self.assess(text, values=report.features, reasons=reasons)

    def verdict(self, score: float) -> str:
        return self.positive_label if score >= self.threshold else self.negative_label

    def assess(self, text: str | None = None, *, values: Mapping[str, float] | None = None, reasons: int = 3) -> Assessment:
        """Score one document, give the verdict and the ``reasons`` strongest reasons.

        Pass the text, or the values already measured on it (``values=``), or both: with
        values nothing is measured again. Each reason is found by setting one feature to its
        typical value (the median over the training set's negative documents) and measuring
        how far the log-odds move; the largest moves, in either direction, are the reasons.
        """
        if values is None:
            if text is None:
                raise ValueError("assess() needs the text or its feature values")
            values = measure_values(text, self.format)
        if text is None:
            text = ""
            if self.reads_text:
                raise ValueError("this model reads word n-grams: pass the text as well as the values")
        values = self._checked(values)
        names = [n for n in self._names if n in self.typical_values and values[n] != self.typical_values[n]] if reasons > 0 else []
        if self.compiled is not None:
            row = self.compiled.row(values)
            typical = self.compiled.row({**values, **self.typical_values})
            index = {name: i for i, name in enumerate(self.compiled.feature_names)}
            score, changed = self.compiled.probabilities_with_each_changed(row, [(index[n], typical[index[n]]) for n in names])
        else:
            batch = [MeasuredText(text, values)] + [MeasuredText(text, {**values, n: self.typical_values[n]}) for n in names]
            score, *changed = (float(p) for p in self.pipeline.predict_proba(batch)[:, 1])
        base = _logit(score)
        effects = [base - _logit(p) for p in changed]
        order = sorted(range(len(names)), key=lambda i: -abs(effects[i]))  # stable: ties keep feature order
        found = tuple(
            Reason(names[i], float(values[names[i]]), float(self.typical_values[names[i]]), effects[i])
            for i in order[:reasons]
            if abs(effects[i]) >= MIN_REASON_EFFECT
        )
        return Assessment(score, self.verdict(score), score >= self.threshold, self.threshold, found)

    def _checked(self, values: Mapping[str, float]) -> Mapping[str, float]:
        missing = [n for n in self._names if n not in values]
        if missing:
            raise ValueError(f"feature values lack {len(missing)} names, e.g. {missing[0]!r}")
        return values


def _logit(p: float) -> float:
    p = min(max(float(p), _PROBABILITY_EPSILON), 1 - _PROBABILITY_EPSILON)
    return math.log(p / (1 - p))


# ---------------------------------------------------------------------------------------------
# Saving and loading


class ModelWarning(UserWarning):
    """A loaded model may not match the running code exactly (a patch version, changed values)."""


# A fixed text measured when a model is saved and again when it is loaded: if the feature code
# changed its numbers (not only its names), the card says so. Written for this project.
PROBE_TEXT = """Harbour Town Opens New Ferry Terminal
The new ferry terminal in Harbour Town opened on Monday after two years of building work.
Officials said the terminal would cut waiting times for the 4,000 passengers who cross the bay each day.
"We listened to the people who use the service," the harbour master said.
New Routes Planned
Two new routes to the islands will start in the spring, the council said in a statement.
For more updates on the ferry terminal, visit harbourtownnews.com today.
Harbour Town Opens New Ferry Terminal"""
# Relative tolerance when comparing the probe's values with the card's.
_PROBE_TOLERANCE = 1e-6


def versions() -> dict[str, str]:
    """The versions a model depends on, as recorded in its card."""
    from importlib import metadata  # 35 ms of imports: only when a card is written or a pickle read

    found = {"python": platform.python_version()}
    for dist in ("scikit-learn", "numpy", "joblib", "textstat", "content-quality"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "not installed"
    return found


def feature_probe() -> dict[str, float]:
    """The feature values of :data:`PROBE_TEXT` with the running code."""
    return {k: round(float(v), 6) for k, v in measure_values(PROBE_TEXT).items()}


def card_paths(model_path: str | Path) -> tuple[Path, Path]:
    """The JSON and Markdown card beside a model file (``x.joblib`` -> ``x.json``, ``x.md``)."""
    model_path = Path(model_path)
    return model_path.with_suffix(".json"), model_path.with_suffix(".md")


def compiled_path(model_path: str | Path) -> Path:
    """The exported copy beside a model file (``x.joblib`` -> ``x.compiled.json``)."""
    return Path(model_path).with_suffix(".compiled.json")


def save_model(model: QualityModel, path: str | Path) -> tuple[Path, Path, Path]:
    """Write the model (joblib), its exported copy when the pipeline can be exported
    (:mod:`quality.compiled`), then its card as JSON and Markdown beside it.

    The card records the size and SHA-256 of the model file and of the exported copy, so that
    :func:`load_model` refuses a truncated or replaced file before reading it. Returns the
    model's and the card's paths.
    """
    import joblib

    path = Path(path)
    if path.suffix == ".json" or path.suffix == ".md":
        raise ModelError(f"{path}: a model file needs its own suffix (e.g. .joblib); the card takes .json and .md")
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": PAYLOAD_FORMAT,
        "format_version": FORMAT_VERSION,
        "pipeline": model.pipeline,
        "typical_values": dict(model.typical_values),
        "feature_names": list(model._names),
    }
    atomic_write(path, lambda tmp: joblib.dump(payload, tmp, compress=3))
    card = dict(model.card)
    card["format"] = CARD_FORMAT
    card["format_version"] = FORMAT_VERSION
    card["model_file"] = _file_record(path)
    card.pop("compiled_file", None)
    exported = compiled_path(path)
    try:
        spec = compiled.export(model.pipeline, model._names, model.typical_values)
    except compiled.NotExportable:
        exported.unlink(missing_ok=True)  # a stale copy must not outlive its model
    else:
        text = compiled.dumps(spec)
        atomic_write(exported, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
        card["compiled_file"] = _file_record(exported)
        model.compiled = compiled.CompiledModel(spec)
    model.card = card
    model.path = path
    json_path, md_path = card_paths(path)
    text = json.dumps(json_ready(card), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    atomic_write(json_path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    markdown = card_markdown(card)
    atomic_write(md_path, lambda tmp: Path(tmp).write_text(markdown, encoding="utf-8"))
    return path, json_path, md_path


def _file_record(path: Path) -> dict:
    return {"name": path.name, "bytes": path.stat().st_size, "sha256": file_sha256(path)}


def _check_file(path: Path, expected: Mapping, hint: str) -> None:
    """Refuse ``path`` when its size or SHA-256 differ from the card's record of it."""
    size = path.stat().st_size
    if size != expected.get("bytes"):
        raise ModelError(
            f"{path}: the file has {size} bytes but its card says {expected.get('bytes')} "
            f"(truncated, or not the file the card describes); {hint}"
        )
    if file_sha256(path) != expected.get("sha256"):
        raise ModelError(f"{path}: the file's SHA-256 does not match its card (damaged or replaced); {hint}")




def read_card(model_path: str | Path) -> dict:
    """The JSON card beside ``model_path`` (ModelError if missing or unreadable)."""
    json_path, _ = card_paths(model_path)
    try:
        card = json.loads(Path(json_path).read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise ModelError(f"{model_path}: no model card beside it ({json_path} is missing); {RETRAIN_HINT}") from err
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ModelError(f"{json_path}: the model card cannot be read ({err}); {RETRAIN_HINT}") from err
    if not isinstance(card, dict) or card.get("format") != CARD_FORMAT:
        raise ModelError(f"{json_path}: not a content-quality model card; {RETRAIN_HINT}")
    return card


def check_card(card: dict, model_path: str | Path) -> None:
    """Compare the card with the running code: ModelError on what would give wrong scores
    (the card's format, the feature names and their order)."""
    where = str(model_path)
    hint = retrain_hint(card)
    if card.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{where}: card format {card.get('format_version')!r}, this code reads {FORMAT_VERSION}; {hint}")
    names = tuple(card.get("feature_names", ()))
    if names != tuple(features.NAMES):
        raise ModelError(f"{where}: the model was trained on other features than this code measures ({_names_diff(names, features.NAMES)}); {hint}")


def check_pickle_versions(card: dict, model_path: str | Path) -> list[str]:
    """Before unpickling: ModelError when scikit-learn's major.minor or numpy's major release
    differ from the card's (a pickle needs the same release); warnings for a patch release
    and for another textstat."""
    where, hint = str(model_path), retrain_hint(card)
    trained, running = card.get("versions", {}), versions()
    notes = []
    for dist, exact_parts in (("scikit-learn", 2), ("numpy", 1)):
        then, now = str(trained.get(dist, "?")), running[dist]
        if then.split(".")[:exact_parts] != now.split(".")[:exact_parts]:
            raise ModelError(f"{where}: the model was saved with {dist} {then}, this is {dist} {now}; a pickled model needs the same release; {hint}")
        if then != now:
            notes.append(f"{where}: saved with {dist} {then}, running {now}")
    if trained.get("textstat") != running["textstat"]:
        notes.append(f"{where}: saved with textstat {trained.get('textstat')}, running {running['textstat']} (readability values may differ)")
    return notes


def retrain_hint(card: dict | None) -> str:
    """How to rebuild the model a card describes (its own command when the card has one)."""
    command = (card or {}).get("rebuild_command")
    return f"retrain it with `{command}`" if command else RETRAIN_HINT


def _names_diff(then: Sequence[str], now: Sequence[str]) -> str:
    added = [n for n in now if n not in then]
    removed = [n for n in then if n not in now]
    if not added and not removed:
        return "the same names in another order"
    parts = []
    if removed:
        parts.append(f"{len(removed)} no longer measured, e.g. {removed[0]!r}")
    if added:
        parts.append(f"{len(added)} new, e.g. {added[0]!r}")
    return "; ".join(parts)


def load_model(path: str | Path | None = None) -> QualityModel:
    """Load the bundled default model (``path=None``) or the model file the user names.

    The card beside the file is read first and checked against the running code (its format,
    the feature names and their order). A model saved with an exported copy
    (``x.compiled.json``, see :mod:`quality.compiled`; the default model has one) is read from
    that copy after checking its size and SHA-256 against the card: plain JSON, nothing is
    unpickled and scikit-learn is not imported. Otherwise the pickle is loaded after checking
    the scikit-learn and numpy releases and the file's size and SHA-256 against the card (a
    truncated or replaced file is refused). A feature probe (a fixed text measured at training
    time) warns when the feature code now measures other values. Any failure raises
    :class:`ModelError` with a message that says how to retrain. A model file is a pickle:
    unpickling runs code, so load only files from a trusted source.
    """
    model_path = DEFAULT_MODEL if path is None else Path(path)
    if not model_path.is_file():
        if path is None:
            raise ModelError(f"the bundled default model {model_path} is missing; {RETRAIN_HINT}")
        raise ModelError(f"{model_path}: no such model file; {RETRAIN_HINT}")
    card = read_card(model_path)
    check_card(card, model_path)
    hint = retrain_hint(card)
    notes: list[str] = []
    if "compiled_file" in card:
        exported = model_path.with_name(card["compiled_file"].get("name", compiled_path(model_path).name))
        if not exported.is_file():
            raise ModelError(f"{exported}: the model's exported copy is missing (the card lists it); {hint}")
        _check_file(exported, card["compiled_file"], hint)
        try:
            scorer = compiled.load(exported.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise ModelError(f"{exported}: not a usable exported model ({err}); {hint}") from err
        if scorer.feature_names != tuple(features.NAMES):
            raise ModelError(f"{exported}: its feature names differ from the card's; {hint}")
        pipeline, typical = None, scorer.typical_values
    else:
        pipeline, typical = _load_pipeline(model_path, card, notes, with_typical=True)
        scorer = None
    probe = card.get("feature_probe")
    if probe is not None and not _probe_matches(probe, feature_probe()):
        notes.append(f"{model_path}: the feature code measures other values than when the model was trained; {hint}")
    for note in notes:
        warnings.warn(note, ModelWarning, stacklevel=2)
    return QualityModel(pipeline, card, typical, model_path, scorer)


def _load_pipeline(model_path: Path, card: dict, notes: list[str] | None = None, with_typical: bool = False):
    """Check and unpickle the pipeline of ``model_path`` (and its typical values when asked).
    Warnings go to ``notes``, or are raised as :class:`ModelWarning` when it is None."""
    hint = retrain_hint(card)
    found = check_pickle_versions(card, model_path)
    _check_file(model_path, card.get("model_file", {}), hint)
    payload = _unpickle(model_path, hint)
    if not isinstance(payload, dict) or payload.get("format") != PAYLOAD_FORMAT:
        raise ModelError(f"{model_path}: not a content-quality model; {hint}")
    if tuple(payload.get("feature_names", ())) != tuple(features.NAMES):
        raise ModelError(f"{model_path}: the pickled feature names differ from the card's; {hint}")
    if notes is None:
        for note in found:
            warnings.warn(note, ModelWarning, stacklevel=3)
    else:
        notes.extend(found)
    if with_typical:
        return payload["pipeline"], dict(payload["typical_values"])
    return payload["pipeline"]


_LOADED: dict[Path, QualityModel] = {}


def get_model(path: str | Path | None = None) -> QualityModel:
    """:func:`load_model`, once per process and path (``quality check`` and the Python API
    call this, so a run over many files loads the model once)."""
    key = (DEFAULT_MODEL if path is None else Path(path)).resolve()
    if key not in _LOADED:
        _LOADED[key] = load_model(path)
    return _LOADED[key]


def score_line(path: str, assessment: Assessment) -> str:
    """The line ``quality check`` prints per file (on stderr, after the summary):
    ``draft.txt: score 0.98 low-quality (threshold 0.52): reason; reason; reason``."""
    head = f"{path}: score {assessment.score:.2f} {assessment.verdict} (threshold {assessment.threshold:.2f})"
    if not assessment.reasons:
        return head
    return head + ": " + "; ".join(r.describe() for r in assessment.reasons)


def _unpickle(model_path: Path, hint: str = RETRAIN_HINT):
    import joblib
    from sklearn.exceptions import InconsistentVersionWarning

    try:
        with warnings.catch_warnings():
            # The card check above already compared the versions (and warns on a patch release).
            warnings.simplefilter("ignore", InconsistentVersionWarning)
            return joblib.load(model_path)
    except Exception as err:  # any unpickling failure is a damaged or foreign file
        raise ModelError(f"{model_path}: cannot be loaded as a model ({type(err).__name__}: {err}); {hint}") from err


def _probe_matches(then: Mapping[str, float], now: Mapping[str, float]) -> bool:
    for name, value in now.items():
        old = then.get(name)
        if old is None or not math.isclose(old, value, rel_tol=_PROBE_TOLERANCE, abs_tol=_PROBE_TOLERANCE):
            return False
    return True


# ---------------------------------------------------------------------------------------------
# The readable card


def card_markdown(card: dict) -> str:
    """The model card as Markdown (generated from the JSON card; do not edit by hand)."""
    lines = [f"# Model card: {card.get('model_file', {}).get('name', 'model')}", ""]
    lines.append(f"Generated from `{Path(card.get('model_file', {}).get('name', 'model')).with_suffix('.json').name}` by `quality train`; do not edit by hand.")
    lines.append("")
    lines += [
        f"- **Trained**: {card.get('created', '?')}",
        f"- **Predicts**: the probability of `{card['labels']['positive']}` (versus `{card['labels']['negative']}`)",
        f"- **Decision threshold**: {card['threshold']['value']:.3f}: {card['threshold']['rule']}",
        f"- **Pipeline**: {card['pipeline']['description']}",
        f"- **Model file**: {card.get('model_file', {}).get('bytes', '?')} bytes, SHA-256 `{card.get('model_file', {}).get('sha256', '?')}`. "
        "It is a pickle: load it only if it comes from a trusted source.",
    ]
    if card.get("compiled_file"):
        exported = card["compiled_file"]
        lines.append(
            f"- **Exported copy**: `{exported.get('name')}`, {exported.get('bytes', '?')} bytes, SHA-256 `{exported.get('sha256', '?')}`: "
            "the same model as plain numbers (JSON), which `quality` scores in pure Python without unpickling."
        )
    lines += [
        "",
        "## Training data",
        "",
    ]
    data = card["training_data"]
    lines.append(data.get("description", ""))
    lines.append("")
    lines += [
        f"- File: `{data.get('path', '?')}` (SHA-256 `{data.get('sha256', '?')}`)",
        f"- Documents: {data.get('documents')} ({data.get('positives')} `{card['labels']['positive']}`, {data.get('negatives')} `{card['labels']['negative']}`)",
        f"- Fields: text `{data.get('text_field')}`, label `{data.get('label_field')}`" + (f", group `{data['group_field']}`" if data.get("group_field") else ""),
    ]
    for key, value in data.get("details", {}).items():
        if isinstance(value, dict):
            lines.append(f"- {key}:")
            lines += [f"  - {k}: {v}" for k, v in value.items()]
        else:
            lines.append(f"- {key}: {value}")
    lines.append("")
    if card.get("rebuild_command"):
        lines += [f"Rebuild: `{card['rebuild_command']}`", ""]
    cv = card["cross_validation"]
    lines += ["## Cross-validated results", "", cv.get("description", ""), ""]
    lines += ["### Classifier comparison (out-of-fold)", ""]
    lines += ["| classifier | ROC-AUC | log-loss | Brier | accuracy | F1 | fit seconds | chosen |", "|---|---|---|---|---|---|---|---|"]
    for row in card.get("classifier_comparison", []):
        m = row["metrics"]
        lines.append(
            f"| {row['classifier']} | {m['roc_auc']:.4f} | {m['log_loss']:.4f} | {m['brier']:.4f} | {m['accuracy']:.4f} | {m['f1']:.4f} | {row.get('seconds', 0):.1f} | {'yes' if row.get('chosen') else ''} |"
        )
    lines.append("")
    lines.append(card.get("selection_rule", ""))
    lines.append("")
    m = cv["metrics"]
    lines += ["### Chosen model at the threshold", ""]
    lines += _metrics_markdown(m, card["labels"])
    checks = card.get("checks") or {}
    if checks.get("seed_scores"):
        lines += ["", "## Seeds", "", "Scores of the five seed articles (`seeds/`); 000 and 004 must score above 001, 002 and 003: "
                  + ("yes." if checks.get("seeds_000_004_above_001_002_003") else "NO."), ""]
        lines += ["| seed | score | verdict |", "|---|---|---|"]
        threshold = card["threshold"]["value"]
        for name, score in checks["seed_scores"].items():
            verdict = card["labels"]["positive"] if score >= threshold else card["labels"]["negative"]
            lines.append(f"| `{name}` | {score:.3f} | {verdict} |")
    lines += ["", "## Features", "", f"{len(card['feature_names'])} core features, in this order (the columns of `TextFeatures`):", ""]
    lines.append(", ".join(f"`{n}`" for n in card["feature_names"]))
    lines += ["", "## Versions", ""]
    lines += [f"- {k}: {v}" for k, v in card.get("versions", {}).items()]
    lines += ["", "## Loading", "", "`load_model()` refuses this model when the feature names or their order differ from the running code, or when the size or SHA-256 of the file it reads (the exported copy when there is one, else the pickle) differ from this card; before unpickling, it also refuses another scikit-learn major.minor release or numpy major release, and warns on a patch release. It warns when the features measure other values on a fixed probe text. Retrain with "
              + (f"`{card['rebuild_command']}`." if card.get("rebuild_command") else "`quality train`."), ""]
    return "\n".join(lines)


def _metrics_markdown(m: dict, labels: dict) -> list[str]:
    (tn, fp), (fn, tp) = m["confusion_matrix"]
    return [
        f"accuracy {m['accuracy']:.4f} · precision {m['precision']:.4f} · recall {m['recall']:.4f} · F1 {m['f1']:.4f} · ROC-AUC {m['roc_auc']:.4f} · log-loss {m['log_loss']:.4f} · Brier {m['brier']:.4f}",
        "",
        f"| | predicted `{labels['negative']}` | predicted `{labels['positive']}` |",
        "|---|---|---|",
        f"| actual `{labels['negative']}` | {tn} | {fp} |",
        f"| actual `{labels['positive']}` | {fn} | {tp} |",
    ]


def json_ready(obj):
    """Replace NaN (ROC-AUC with one class) by None, for strict JSON."""
    if isinstance(obj, float) and obj != obj:
        return None
    if isinstance(obj, dict):
        return {k: json_ready(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [json_ready(v) for v in obj]
    return obj
