"""The learned boilerplate model: the probability that a paragraph is page boilerplate.

Menus, footers, link lists, share bars, teasers and cookie notices differ from article text in
shape: :mod:`features.blocks` measures each paragraph (length, function words, sentence
punctuation, capitals, digits, separators, addresses, role, position) together with its
neighbours and its place in the document, and, for blocks of an HTML page, what the markup says
(link density, tag, nav/footer/aside containers, chrome-like class names). A logistic regression
over those measures, trained on the 17,012 labelled blocks of 78 real pages
(``../shared/data/boilerplate-readability``, cross-validated by page), gives the probability.

**Two variants** in one model file and card: ``text`` (the text measures only: plain text,
Markdown, the article extracted from HTML) and ``html`` (text and markup measures: whole pages,
``--page``). Each has its decision threshold, chosen on out-of-fold probabilities for the F1 of
the kept text (the measure of ``benchmarks/boilerplate.py``).

**Decisions** (:func:`boilerplate_flags`): only body paragraphs and list items are judged.
Headlines and quotations are never boilerplate; a subheading is boilerplate only when the
paragraph under it is (the heading of a menu or a "Related stories" list goes with it, as in
jusText's heading rule); code is not prose.

**Loading.** ``quality check`` scores with the numbers recorded in the card (means, scales,
coefficients, intercept: :class:`LinearScorer`), in pure Python, after checking the card's
feature names and the model file's SHA-256 against the card; it never imports scikit-learn nor
unpickles anything. Without the model (or with a damaged one) it warns once and every
probability is 0: BP108 stays silent and the document's boilerplate share is 0.

Train (deterministic, under a minute; :mod:`quality.boilerplate_training`, which alone imports
scikit-learn): ``quality boilerplate train -o models/boilerplate-v1.joblib``.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from features import BLOCK_ROLES, blocks
from quality.compiled import expit
from quality.errors import ModelError
from quality.files import MODELS_DIR, read_model_card

MODEL_PATH = MODELS_DIR / "boilerplate-v1.joblib"
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "boilerplate-readability" / "pages.jsonl.gz"
PAYLOAD_FORMAT = "content-quality boilerplate model"
CARD_FORMAT = "content-quality boilerplate model card"
FORMAT_VERSION = 1
RETRAIN = "quality boilerplate train -o models/boilerplate-v1.joblib"
VARIANTS = {"text": blocks.TEXT_NAMES, "html": blocks.NAMES}
HEADING_ROLES = ("headline", "subheading")

# What a measure says when it pushes a paragraph toward boilerplate, for messages: (the phrase
# when the paragraph's value is above the training average, the phrase when it is below);
# None where that direction says nothing a reader could check.
WHY: dict[str, tuple[str | None, str | None]] = {
    "log_chars": (None, "short"),
    "log_words": (None, "short"),
    "stopword_share": (None, "few function words"),
    "ends_sentence": (None, "no sentence ending"),
    "log_sentences": (None, "no full sentence"),
    "capitals_per_word": ("many capitals", None),
    "digit_char_share": ("many digits", None),
    "symbol_char_share": ("many symbols", None),
    "separator_per_word": ("separators between words", None),
    "address_count": ("web or e-mail addresses", None),
    "copyright": ("a copyright line", None),
    "lexicon_hit": ("interface wording", None),
    "is_list_item": ("a list item", None),
    "position": ("near the end of the text", "near the start of the text"),
    "edge_distance": (None, "at the start or end of the text"),
    "previous_log_words": (None, "after a short paragraph"),
    "next_log_words": (None, "before a short paragraph"),
    "previous_stopword_share": (None, "after a paragraph with few function words"),
    "next_stopword_share": (None, "before a paragraph with few function words"),
    "previous_ends_sentence": (None, "after a paragraph that is not a sentence"),
    "next_ends_sentence": (None, "before a paragraph that is not a sentence"),
    "window_log_words": (None, "among short paragraphs"),
    "window_stopword_share": (None, "among paragraphs with few function words"),
    "words_before_share": ("after most of the text", "before most of the text"),
    "repeated_text": ("repeated elsewhere in the document", None),
    "prose_near_share": (None, "far from the running text"),
    "prose_around_share": (None, "far from the running text"),
    "log_words_over_median": (None, "short for this document"),
    "log_word_share": (None, "short for this document"),
    "log_words_under_longest": (None, "short for this document"),
    "link_char_share": ("mostly link text", None),
    "previous_link_char_share": ("after a block of links", None),
    "next_link_char_share": ("before a block of links", None),
    "tag_p": (None, "outside a paragraph tag"),
    "tag_li": ("a list item", None),
    "tag_td": ("a table cell", None),
    "tag_div": ("outside a paragraph tag", None),
    "in_nav": ("in the navigation", None),
    "in_header": ("in the page header", None),
    "in_footer": ("in the page footer", None),
    "in_aside": ("in a sidebar", None),
    "in_form": ("in a form", None),
    "in_article": (None, "outside the article element"),
    "chrome_class": ("in an element named like page chrome", None),
}


@dataclass(frozen=True)
class LinearScorer:
    """One variant of the model in the plain numbers its card records:
    ``probability = 1 / (1 + exp(-(intercept + sum of coefficient x (value - mean) / scale)))``."""

    names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float

    @classmethod
    def from_card(cls, variant: str, numbers: dict) -> LinearScorer:
        names = tuple(numbers["feature_names"])
        if names != VARIANTS[variant]:
            raise ModelError(f"the {variant} variant was trained on other measures than features.blocks makes")
        fields = [tuple(float(v) for v in numbers[k]) for k in ("means", "scales", "coefficients")]
        if any(len(f) != len(names) for f in fields):
            raise ModelError(f"the {variant} variant's numbers do not match its {len(names)} features")
        # Folding the scaling into the weights saves a subtraction and a division per value.
        weights = tuple(c / s for c, s in zip(fields[2], fields[1]))
        return cls(names, fields[0], fields[1], weights, float(numbers["intercept"]) - sum(w * m for w, m in zip(weights, fields[0])), float(numbers["threshold"]))

    def logit(self, row: Sequence[float]) -> float:
        total = self.intercept
        for value, weight in zip(row, self.coefficients):
            total += weight * value
        return total

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        return [expit(self.logit(row)) for row in rows]

    def reasons(self, row: Sequence[float], count: int = 2) -> list[str]:
        """Phrases for the measures that pushed ``row`` most toward boilerplate (against the
        average training paragraph)."""
        pushes = sorted(((w * (v - m), v > m, n) for v, w, m, n in zip(row, self.coefficients, self.means, self.names)), reverse=True)
        found: list[str] = []
        for push, above, name in pushes:
            if push <= 0 or len(found) == count:
                break
            phrase = WHY.get(name, (None, None))[0 if above else 1]
            if phrase is not None and phrase not in found:
                found.append(phrase)
        return found


@dataclass(frozen=True)
class BoilerplateModel:
    """Both variants of the bundled model, read from its card."""

    text: LinearScorer
    html: LinearScorer
    card: dict = field(repr=False, compare=False, default_factory=dict)

    def scorer(self, with_markup: bool) -> LinearScorer:
        return self.html if with_markup else self.text

    def probabilities(self, rows: list[list[float]], with_markup: bool) -> list[float]:
        """The block model :func:`features.measure_document` takes."""
        return self.scorer(with_markup).probabilities(rows)


def card_path(model_path: str | Path) -> Path:
    return Path(model_path).with_suffix(".json")


def read_card(model_path: Path = MODEL_PATH) -> dict:
    """The card of the model file, checked against the file (SHA-256) and the running code
    (format). Raises :class:`ModelError` with the command that rebuilds it."""
    return read_model_card(model_path, card_path(model_path), "boilerplate", CARD_FORMAT, FORMAT_VERSION, RETRAIN)


def load(model_path: Path = MODEL_PATH) -> BoilerplateModel:
    """The model from its checked card (no unpickling, no scikit-learn)."""
    card = read_card(model_path)
    try:
        variants = {name: LinearScorer.from_card(name, card["linear"][name]) for name in VARIANTS}
    except (KeyError, TypeError, ValueError) as err:
        raise ModelError(f"{card_path(model_path)}: the card has no complete linear form of the model ({err}); rebuild with `{RETRAIN}`") from err
    except ModelError as err:
        raise ModelError(f"{model_path}: {err}; rebuild with `{RETRAIN}`") from err
    return BoilerplateModel(variants["text"], variants["html"], card)


class BoilerplateModelWarning(UserWarning):
    """The bundled boilerplate model could not be loaded: nothing is called boilerplate."""


@functools.lru_cache(maxsize=1)
def bundled_model() -> BoilerplateModel | None:
    """The bundled model, loaded once per process; None, with one warning, when it cannot be."""
    try:
        return load(MODEL_PATH)
    except ModelError as err:
        warnings.warn(f"{err}; no paragraph is called boilerplate by the model (BP108 is silent)", BoilerplateModelWarning, stacklevel=2)
        return None


def block_probabilities(rows: list[list[float]], with_markup: bool) -> list[float]:
    """The bundled model's probability of boilerplate for each block row (zeros without it):
    the ``block_model`` that ``quality.analysis`` hands to :func:`features.measure_document`."""
    model = bundled_model()
    if model is None:
        return [0.0] * len(rows)
    return model.probabilities(rows, with_markup)


def boilerplate_flags(probabilities: Sequence[float], roles: Sequence[str], threshold: float) -> list[bool]:
    """Which paragraphs are boilerplate: body paragraphs and list items whose probability is at
    least ``threshold``, and the subheadings whose next paragraph (the first that is not a
    heading) is. Headlines, quotations and code never are."""
    flagged = [r in BLOCK_ROLES and p >= threshold for p, r in zip(probabilities, roles)]
    n = len(roles)
    for i, role in enumerate(roles):
        if role != "subheading":
            continue
        j = i + 1
        while j < n and roles[j] in HEADING_ROLES:
            j += 1
        flagged[i] = j < n and flagged[j]
    return flagged
