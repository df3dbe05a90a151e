"""The learned readability score: a US grade level for an article and for each of its paragraphs.

The classic formulas count syllables, letters and words per sentence; on OneStopEnglish (the same
news articles written by teachers at three levels) they rank texts by level with a Spearman
correlation of 0.41 to 0.58. This score reads the measures of :mod:`features.difficulty` (word
rarity, the word- and sentence-length distributions, clause and connective markers, word classes,
lexical density and the formulas themselves; never the length of the text) and is trained on
those levels.

**Model.** One scikit-learn ``Pipeline``: ``StandardScaler`` then ``Ridge``. The ridge is fitted
on two kinds of rows with equal weight: each text with its level (0 elementary, 1 intermediate,
2 advanced), and each pair of versions of the same article with their difference of level (the
feature differences, so that what changes between two versions of one article, not what differs
between topics, decides the direction of the score). The strength of the ridge penalty is chosen
by an inner cross-validation grouped by article, on how well held-out texts and their paragraphs
are ranked by level. Everything is split by article (``topic_id``,
``GroupKFold``): the three versions of an article are always in the same fold.

**Scale.** A level prediction is mapped linearly onto the Flesch-Kincaid grade scale ("linear
equating"): on the training texts the score has the same mean and spread as their Flesch-Kincaid
grades, so a score of 9 reads like a Flesch-Kincaid grade 9 (the US school grade that can read the
text), but the order of texts is the model's. The mapping is folded into the ridge, so the
pipeline predicts grades. A paragraph is scored with the same model from its own measures (they
are shares and means, on the same scale for a paragraph as for an article).

**Loading.** Only the bundled ``models/readability-v1.joblib`` and its card (``.json`` beside it)
are ever read, after checking the card's feature names and the file's SHA-256 against the card.
:func:`load_model` unpickles the scikit-learn pipeline (for the API and the tests).
:func:`bundled_scorer`, which ``quality check`` uses, reads the same model as the plain numbers
the card records (:class:`LinearScorer`: means, scales, coefficients, intercept), once per
process and without importing scikit-learn; when the model is missing or fails a check it gives
``None`` with one warning, and callers fall back to the Flesch-Kincaid formula (see
:func:`paragraph_grades`).

Train (deterministic, about 10 s; the code is in :mod:`quality.readability_training`, which
alone imports numpy and scikit-learn): ``python -m quality.readability_model train -o
models/readability-v1.joblib``.
"""

from __future__ import annotations

import argparse
import functools
import math
import platform
import sys
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from features import difficulty
from features.text import Tokens, tokenize
from quality.files import MODELS_DIR, read_model_card
from quality.errors import ModelError

MODEL_PATH = MODELS_DIR / "readability-v1.joblib"
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "readability-onestopenglish" / "onestopenglish.jsonl.gz"
PAYLOAD_FORMAT = "content-quality readability model"
CARD_FORMAT = "content-quality readability model card"
FORMAT_VERSION = 1
RETRAIN = "python -m quality.readability_model train -o models/readability-v1.joblib"

# The paragraphs a reader reads as running text: headings are labels, not sentences (and the
# intermediate texts of OneStopEnglish open with the heading "Intermediate").
READ_ROLES = ("body", "list_item", "quote")
LEVELS = ("elementary", "intermediate", "advanced")
# Cross-validation folds (by article) and the seed of their shuffling.
FOLDS = 5
SEED = 0
# Inner folds that choose the ridge penalty, and the penalties tried.
INNER_FOLDS = 4
ALPHAS = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0)
# Weight of the within-article difference rows against the text rows (1: equal).
PAIR_WEIGHT = 1.0
# Paragraphs of at least this many words are graded in the paragraph-level evaluation.
EVAL_PARAGRAPH_WORDS = 30
# Paragraphs shorter than this are listed by `score` without a grade: too little evidence.
MIN_GRADED_WORDS = 20
# The fallback scale when the model is not available.
FALLBACK_SCALE = "Flesch-Kincaid grade"
MODEL_SCALE = "readability-v1 grade"
# How far the probe's grade may drift from the card's before the loader warns.
PROBE_TOLERANCE = 1e-3

# A fixed text graded when the model is saved and when it is loaded: if the features change their
# values, the card and the running code disagree (a warning). Written for this project.
PROBE_TEXT = """The council voted on Tuesday to close the old swimming pool at the end of the year.
Repairs would have cost more than a new building, officials said, because the roof and the pumps are worn out.
Parents who take their children to lessons there said they were disappointed, although most agreed that the pool had become too expensive to run."""


# ---------------------------------------------------------------------------------------------
# Measuring


def readable(roles: Sequence[str]) -> list[int]:
    """Indices of the paragraphs the score reads (body text, list items and quotations)."""
    return [i for i, role in enumerate(roles) if role in READ_ROLES]


def document_tokens(text: str, format: str = "text") -> tuple[list[Tokens], list[str]]:
    """The prose paragraphs of ``text`` tokenised, and their roles, as ``quality check`` reads them."""
    from quality.document import Document

    prose = Document.from_text(text, format=format).prose
    return [tokenize(p.text) for p in prose], [p.role for p in prose]


def text_profile(text: str, format: str = "text") -> difficulty.Profile:
    """The difficulty profile of the readable paragraphs of ``text``."""
    tokens, roles = document_tokens(text, format)
    return difficulty.combine(difficulty.profile(tokens[i]) for i in readable(roles))


# ---------------------------------------------------------------------------------------------
# The model



@dataclass(frozen=True)
class LinearScorer:
    """The same model in the plain numbers its card records: ``grade = intercept + sum of
    coefficient x (value - mean) / scale``. ``quality check`` scores with this, in pure Python:
    importing scikit-learn to unpickle the pipeline would cost about a second and a half per
    process for a dot product of 44 numbers, and nothing is unpickled to lint a text."""

    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    card: dict = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def from_card(cls, card: dict) -> LinearScorer:
        linear = card["linear"]
        return cls(tuple(linear["means"]), tuple(linear["scales"]), tuple(linear["coefficients"]), float(linear["intercept"]), card)

    def grade(self, vector: Sequence[float]) -> float:
        """The grade of one vector in :data:`features.difficulty.NAMES` order."""
        total = self.intercept
        for value, mean, scale, weight in zip(vector, self.means, self.scales, self.coefficients):
            total += weight * (value - mean) / scale
        return total

    def grade_profiles(self, profiles: Sequence[difficulty.Profile]) -> list[float]:
        """The grade of each profile (NaN for a profile without a sentence)."""
        return [self.grade(difficulty.vector(p)) if p.sentences else math.nan for p in profiles]

    def grade_text(self, text: str, format: str = "text") -> float:
        """The grade of a whole text (NaN when it has no sentence)."""
        return self.grade_profiles([text_profile(text, format)])[0]


def versions() -> dict[str, str]:
    """The versions the model depends on, as recorded in its card."""
    from importlib import metadata  # 0.02 s of import: not paid by a lint run

    found = {"python": platform.python_version()}
    for dist in ("scikit-learn", "numpy", "joblib", "textstat", "wordfreq", "content-quality"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "not installed"
    return found


def card_path(model_path: str | Path) -> Path:
    return Path(model_path).with_suffix(".json")


def read_card(model_path: Path = MODEL_PATH) -> dict:
    """The card of the model file, checked against the running code and against the file.

    Raises :class:`~quality.errors.ModelError` (with the command that rebuilds the model) when
    the file or its card is missing or unreadable, when the card's feature names differ from
    :data:`features.difficulty.NAMES`, or when the file's SHA-256 differs from the card's.
    """
    card = read_model_card(model_path, card_path(model_path), "readability", CARD_FORMAT, FORMAT_VERSION, RETRAIN)
    if tuple(card.get("feature_names", ())) != difficulty.NAMES:
        raise ModelError(f"{model_path}: trained on other features than features.difficulty measures; rebuild with `{RETRAIN}`")
    return card


def load_scorer() -> LinearScorer:
    """The bundled model as a :class:`LinearScorer`, from its checked card (no unpickling)."""
    card = read_card(MODEL_PATH)
    linear = card.get("linear", {})
    if any(len(linear.get(k, ())) != len(difficulty.NAMES) for k in ("means", "scales", "coefficients")):
        raise ModelError(f"{card_path(MODEL_PATH)}: the card has no complete linear form of the model; rebuild with `{RETRAIN}`")
    return LinearScorer.from_card(card)


def load_model():
    """Load the bundled scikit-learn pipeline ``models/readability-v1.joblib`` (a
    :class:`quality.readability_training.ReadabilityModel`).

    The card is checked first (:func:`read_card`), then scikit-learn's major.minor release
    against the one that saved it. Only the bundled path is ever loaded: a model file is a
    pickle, and unpickling runs code.
    """
    card = read_card(MODEL_PATH)
    then = str(card.get("versions", {}).get("scikit-learn", "?"))
    now = versions()["scikit-learn"]
    if then.split(".")[:2] != now.split(".")[:2]:
        raise ModelError(f"{MODEL_PATH}: saved with scikit-learn {then}, running {now}; rebuild with `{RETRAIN}`")
    import joblib
    from sklearn.exceptions import InconsistentVersionWarning

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InconsistentVersionWarning)  # compared above
            payload = joblib.load(MODEL_PATH)
    except Exception as err:  # any unpickling failure means a damaged or foreign file
        raise ModelError(f"{MODEL_PATH}: cannot be loaded ({type(err).__name__}: {err}); rebuild with `{RETRAIN}`") from err
    if not isinstance(payload, dict) or payload.get("format") != PAYLOAD_FORMAT:
        raise ModelError(f"{MODEL_PATH}: not a readability model; rebuild with `{RETRAIN}`")
    if tuple(payload.get("feature_names", ())) != difficulty.NAMES:
        raise ModelError(f"{MODEL_PATH}: the pickled feature names differ from the card's; rebuild with `{RETRAIN}`")
    from quality.readability_training import ReadabilityModel

    return ReadabilityModel(payload["pipeline"], card, MODEL_PATH)


class ReadabilityModelWarning(UserWarning):
    """The bundled readability model could not be loaded; the formulas are used instead."""


@functools.lru_cache(maxsize=1)
def bundled_scorer() -> LinearScorer | None:
    """The bundled model, loaded once per process (from its card, see :class:`LinearScorer`);
    None, with one warning, when it cannot be loaded: callers then use the Flesch-Kincaid grade."""
    try:
        scorer = load_scorer()
    except ModelError as err:
        warnings.warn(f"{err}; using the {FALLBACK_SCALE} instead", ReadabilityModelWarning, stacklevel=2)
        return None
    expected = scorer.card.get("probe", {}).get("grade")
    if expected is not None and not math.isclose(scorer.grade_text(PROBE_TEXT), expected, abs_tol=PROBE_TOLERANCE):
        warnings.warn(
            f"{MODEL_PATH}: features.difficulty measures other values than when the model was trained "
            f"(probe grade {scorer.grade_text(PROBE_TEXT):.4f}, card {expected:.4f}); rebuild with `{RETRAIN}`",
            ReadabilityModelWarning,
            stacklevel=2,
        )
    return scorer


def grade_text(text: str, format: str = "text") -> float:
    """The grade of a whole text with the bundled model (or the Flesch-Kincaid grade without
    it); NaN when the text has no sentence."""
    scorer = bundled_scorer()
    if scorer is not None:
        return scorer.grade_text(text, format)
    p = text_profile(text, format)
    return difficulty.values(p)["flesch_kincaid_grade"] if p.sentences else math.nan


# ---------------------------------------------------------------------------------------------
# Scoring a document's paragraphs


class DocumentGrades:
    """Grades of a document: each judged paragraph (``paragraphs``, by index into the
    paragraphs passed in), and on demand the whole (``document``) and the rest of the document
    without one paragraph (:meth:`rest`). ``scale`` names the scale used.

    Only the judged paragraphs are profiled up front: the others are profiled the first time
    the whole or a rest is asked for (RD101 asks only when a paragraph is hard itself)."""

    def __init__(self, tokens: Sequence[Tokens], readable_indices: Sequence[int], judged: Sequence[int]) -> None:
        scorer = bundled_scorer()
        if scorer is not None:
            self.scale = MODEL_SCALE
            self._grade = scorer.grade_profiles
        else:
            self.scale = FALLBACK_SCALE
            self._grade = _formula_grades
        self._tokens = tokens
        self._readable = list(readable_indices)
        self._profiles: dict[int, difficulty.Profile] = {i: difficulty.profile(tokens[i]) for i in judged}
        grades = self._grade([self._profiles[i] for i in judged]) if judged else []
        self.paragraphs: dict[int, float] = dict(zip(judged, grades))
        self.words: dict[int, int] = {i: self._profiles[i].counts.words for i in judged}
        self._rests: dict[int, tuple[float, int]] = {}
        self._document: float | None = None
        self._combination: difficulty.Combination | None = None

    def _combined(self) -> difficulty.Combination:
        """Every readable paragraph's profile, together and all but one."""
        if self._combination is None:
            for i in self._readable:
                if i not in self._profiles:
                    self._profiles[i] = difficulty.profile(self._tokens[i])
            self._combination = difficulty.Combination(self._profiles[i] for i in self._readable)
        return self._combination

    @property
    def document(self) -> float:
        """The grade of all the readable paragraphs together."""
        if self._document is None:
            self._document = self._grade([self._combined().total])[0]
        return self._document

    def rest(self, index: int) -> tuple[float, int]:
        """The grade and the number of words of the document without paragraph ``index``."""
        if index not in self._rests:
            combination = self._combined()
            if index in self._readable:
                rest = combination.without(self._readable.index(index))
            else:
                rest = combination.total
            self._rests[index] = (self._grade([rest])[0], rest.counts.words)
        return self._rests[index]


def _formula_grades(profiles: Sequence[difficulty.Profile]) -> list[float]:
    return [difficulty.values(p)["flesch_kincaid_grade"] if p.sentences else math.nan for p in profiles]


def paragraph_grades(tokens: Sequence[Tokens], roles: Sequence[str], judged: Iterable[int] | None = None) -> DocumentGrades:
    """Grade a document and each paragraph in ``judged`` (default: every readable paragraph);
    the grade of the rest of the document without a paragraph comes on demand
    (:meth:`DocumentGrades.rest`).

    Uses the bundled model, or the Flesch-Kincaid grade of the same measures when the model
    cannot be loaded (``scale`` says which). Both are US school grades: the model is equated to
    Flesch-Kincaid on its training texts, so the same thresholds apply to both.
    """
    read = readable(roles)
    readable_set = set(read)
    judged = read if judged is None else [i for i in judged if i in readable_set]
    return DocumentGrades(tokens, read, judged)


# ---------------------------------------------------------------------------------------------
# Command line (python -m quality.readability_model)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quality.readability_model", description="Train or apply the readability model.")
    commands = parser.add_subparsers(dest="command", required=True)
    train_parser = commands.add_parser("train", help="train on OneStopEnglish and write the model and its card")
    train_parser.add_argument("-o", "--output", default=str(MODEL_PATH), help="model file to write (.joblib; the card goes beside it)")
    train_parser.add_argument("--data", default=str(DEFAULT_DATA), help="onestopenglish.jsonl.gz")
    train_parser.add_argument("--folds", type=int, default=FOLDS)
    train_parser.add_argument("--seed", type=int, default=SEED)
    score_parser = commands.add_parser("score", help="print the grade of each file and of its paragraphs")
    score_parser.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    try:
        if args.command == "train":
            from quality.readability_training import train

            train(args.data, args.output, args.folds, args.seed, log=lambda m: print(m, file=sys.stderr))
            return 0
        for path in args.paths:
            for line in score_lines(Path(path)):
                print(line)
        return 0
    except ModelError as err:
        print(f"error: {err}", file=sys.stderr)
        return 3


def score_lines(path: Path) -> list[str]:
    """Lines that report the grade of a file and of each of its body paragraphs."""
    from quality.document import Document

    document = Document.from_path(path)
    prose = document.prose
    tokens = [tokenize(p.text) for p in prose]
    grades = paragraph_grades(tokens, [p.role for p in prose], [i for i, p in enumerate(prose) if p.role == "body"])
    lines = [f"{path}: grade {grades.document:.1f} ({grades.scale})"]
    for i, grade in grades.paragraphs.items():
        where = f"{path}:{prose[i].line}: paragraph {prose[i].index + 1}"
        if math.isnan(grade) or grades.words[i] < MIN_GRADED_WORDS:
            lines.append(f"{where}: too short to grade ({grades.words[i]} words)")
        else:
            lines.append(f"{where}: grade {grade:.1f} ({grades.words[i]} words)")
    return lines


if __name__ == "__main__":
    sys.exit(main())
