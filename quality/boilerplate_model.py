"""The learned boilerplate model: the probability that a paragraph is page boilerplate.

Menus, footers, link lists, share bars, teasers and cookie notices differ from article text in
shape: :mod:`features.blocks` measures each paragraph (length, function words, sentence
punctuation, capitals, digits, separators, addresses, role, position) together with its
neighbours and its place in the document, and, for blocks of an HTML page, what the markup says
(link density, tag, nav/footer/aside containers, chrome-like class names). A logistic regression
over those measures, trained on the 17,012 labelled blocks of 78 real pages
(``../shared/data/boilerplate-readability``, cross-validated by page), gives each block's
probability on its own (the first pass); a variant may then revise them in a second, context
pass (:class:`ContextPass`: a hidden Markov model of where the blocks stand against the article,
before, in or after it), adopted when it raises the variant's cross-validated F1 of the kept
text.

**Two variants** in one model file and card: ``text`` (the text measures only: plain text,
Markdown, the article extracted from HTML) and ``html`` (text and markup measures: whole pages,
``--page``). Each has its decision threshold, chosen on out-of-fold probabilities: precision
first for ``text``, the best F1 of the kept text (the measure of ``benchmarks/boilerplate.py``)
for ``html``.

**Decisions** (:func:`boilerplate_flags`): only body paragraphs and list items are judged.
Headlines and quotations are never boilerplate; a subheading is boilerplate only when the
paragraph under it is (the heading of a menu or a "Related stories" list goes with it, as in
jusText's heading rule); code is not prose.

**Loading.** ``quality check`` scores with the numbers recorded in the card (means, scales,
coefficients, intercept, the context pass's start and move probabilities:
:class:`LinearScorer`), in pure Python, after checking the card's
feature names and the model file's SHA-256 against the card; it never imports scikit-learn nor
unpickles anything. Without the model (or with a damaged one) it warns once and every
probability is 0: BP108 stays silent and the document's boilerplate share is 0.

Train (deterministic, a few minutes on 2 cores; :mod:`quality.boilerplate_training`, which alone imports
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
FORMAT_VERSION = 2  # 2: each variant's numbers carry its context pass (or null)
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


# The context pass (:class:`ContextPass`): where a document's blocks stand against its article.
# Its article is one run of blocks: boilerplate may come before it (menus, headline furniture),
# inside it (a caption, a share bar between paragraphs) and after it (comments, teasers,
# footers), and once the article has ended no block is article text again.
CONTEXT_STATES = ("before", "article", "inside", "after")
BEFORE, ARTICLE, INSIDE, AFTER = range(4)
# The moves between the states of consecutive judged blocks that can happen.
CONTEXT_MOVES = frozenset(
    {
        (BEFORE, BEFORE), (BEFORE, ARTICLE),
        (ARTICLE, ARTICLE), (ARTICLE, INSIDE), (ARTICLE, AFTER),
        (INSIDE, INSIDE), (INSIDE, ARTICLE), (INSIDE, AFTER),
        (AFTER, AFTER),
    }
)  # fmt: skip
# Probabilities are kept this far from 0 and 1 before they are read as evidence, so that no
# first-pass probability can rule a state out on its own.
EVIDENCE_FLOOR = 1e-4
# How far the context pass moves a block's probability toward its posterior, when the posterior
# is the higher: half the way, and it never lowers a probability. The posterior alone gains as
# much F1 but tops out at 93% block precision out of fold (whole articles placed, confidently,
# before or after "the article"), below the 95% that the text variant's precision-first
# threshold asks for; and on a short text (an article and a few trailing lines) it cannot tell
# where the article ends, so it must not clear a line that its own shape condemns.
CONTEXT_WEIGHT = 0.5
_HEADING = blocks.TEXT_NAMES.index("is_heading")
_QUOTE = blocks.TEXT_NAMES.index("is_quote")


def judged_rows(rows: Sequence[Sequence[float]]) -> list[bool]:
    """Which rows are of judged paragraphs (body paragraphs and list items: the rows that say
    neither heading nor quotation; code is never measured)."""
    return [row[_HEADING] == 0.0 and row[_QUOTE] == 0.0 for row in rows]


@dataclass(frozen=True)
class ContextPass:
    """The second, context pass over a document's first-pass probabilities (in the spirit of
    jusText's revision pass: a block's class follows its neighbours'). A hidden Markov model over
    the judged blocks in order, with the states of :data:`CONTEXT_STATES`; a block is article
    text in state ``article`` and boilerplate in the three others. The first pass's
    probability ``p`` of each block is its evidence, read as a likelihood ratio against the
    training share of boilerplate ``prior`` (``p / prior`` for the boilerplate states,
    ``(1 - p) / (1 - prior)`` for ``article``). The start and move probabilities are counted on
    the training documents' label sequences. The result (forward-backward) is each block's
    probability of not being in ``article``: a boilerplate block amid the article stays likely
    boilerplate, while an article-like block after a run of clear boilerplate that follows the
    article (a comment, a teaser) becomes likely boilerplate too. The revised probability
    (:meth:`revise`) moves the block's own halfway to that when that is higher, and never lowers
    it (:data:`CONTEXT_WEIGHT`). Unjudged paragraphs keep their first-pass probability (the
    decisions do not read them)."""

    start: tuple[float, ...]
    moves: tuple[tuple[float, ...], ...]
    prior: float

    @classmethod
    def from_card(cls, numbers: dict) -> ContextPass:
        if tuple(numbers["states"]) != CONTEXT_STATES:
            raise ModelError(f"the context pass has the states {numbers['states']}, not {list(CONTEXT_STATES)}")
        start = tuple(float(v) for v in numbers["start"])
        moves = tuple(tuple(float(v) for v in row) for row in numbers["moves"])
        prior = float(numbers["prior"])
        n = len(CONTEXT_STATES)
        if len(start) != n or len(moves) != n or any(len(row) != n for row in moves) or not 0.0 < prior < 1.0:
            raise ModelError("the context pass's numbers do not match its states")
        return cls(start, moves, prior)

    def card_numbers(self) -> dict:
        return {"states": list(CONTEXT_STATES), "start": list(self.start), "moves": [list(row) for row in self.moves], "prior": self.prior}

    def revise(self, probabilities: Sequence[float], judged: Sequence[bool]) -> list[float]:
        """The revised probabilities: each first-pass probability moved :data:`CONTEXT_WEIGHT`
        of the way to its posterior when the posterior is higher, kept otherwise (unjudged
        blocks keep theirs)."""
        posterior = self.posterior(probabilities, judged)
        return [p + CONTEXT_WEIGHT * (q - p) if q > p else p for p, q in zip(probabilities, posterior)]

    def posterior(self, probabilities: Sequence[float], judged: Sequence[bool]) -> list[float]:
        """The probability that each block is boilerplate, given all the document's blocks."""
        out = [float(p) for p in probabilities]
        order = [i for i, j in enumerate(judged) if j]
        if not order:
            return out
        n_states = len(CONTEXT_STATES)
        states = range(n_states)
        prior = self.prior
        evidence = []
        for i in order:
            p = min(max(out[i], EVIDENCE_FLOOR), 1.0 - EVIDENCE_FLOOR)
            boilerplate, article = p / prior, (1.0 - p) / (1.0 - prior)
            evidence.append(tuple(article if s == ARTICLE else boilerplate for s in states))
        moves = self.moves
        forward = []
        f = [self.start[s] * evidence[0][s] for s in states]
        total = sum(f)
        forward.append([v / total for v in f])
        for e in evidence[1:]:
            last = forward[-1]
            f = [e[s] * sum(last[r] * moves[r][s] for r in states) for s in states]
            total = sum(f)
            forward.append([v / total for v in f])
        backward = [[1.0] * n_states]
        for e in reversed(evidence[1:]):
            nxt = backward[-1]
            b = [sum(moves[s][r] * e[r] * nxt[r] for r in states) for s in states]
            total = sum(b)
            backward.append([v / total for v in b])
        backward.reverse()
        for i, f, b in zip(order, forward, backward):
            joint = [x * y for x, y in zip(f, b)]
            out[i] = 1.0 - joint[ARTICLE] / sum(joint)
        return out


@dataclass(frozen=True)
class LinearScorer:
    """One variant of the model in the plain numbers its card records: the first pass,
    ``probability = 1 / (1 + exp(-(intercept + sum of coefficient x (value - mean) / scale)))``
    for each block on its own, then, when the variant has one, the :class:`ContextPass` over the
    document's blocks."""

    names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float
    context: ContextPass | None = None

    @classmethod
    def from_card(cls, variant: str, numbers: dict) -> LinearScorer:
        names = tuple(numbers["feature_names"])
        if names != VARIANTS[variant]:
            raise ModelError(f"the {variant} variant was trained on other measures than features.blocks makes")
        fields = [tuple(float(v) for v in numbers[k]) for k in ("means", "scales", "coefficients")]
        if any(len(f) != len(names) for f in fields):
            raise ModelError(f"the {variant} variant's numbers do not match its {len(names)} features")
        context = ContextPass.from_card(numbers["context"]) if numbers["context"] is not None else None
        # Folding the scaling into the weights saves a subtraction and a division per value.
        weights = tuple(c / s for c, s in zip(fields[2], fields[1]))
        intercept = float(numbers["intercept"]) - sum(w * m for w, m in zip(weights, fields[0]))
        return cls(names, fields[0], fields[1], weights, intercept, float(numbers["threshold"]), context)

    def logit(self, row: Sequence[float]) -> float:
        total = self.intercept
        for value, weight in zip(row, self.coefficients):
            total += weight * value
        return total

    def first_pass(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """Each block's probability from its own row (its measures and its neighbours')."""
        return [expit(self.logit(row)) for row in rows]

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probabilities of a whole document's blocks, in order (the context pass needs
        them all)."""
        first = self.first_pass(rows)
        return first if self.context is None else self.context.revise(first, judged_rows(rows))

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
