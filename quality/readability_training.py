"""Training and evaluating the readability model (``quality.readability_model``) on OneStopEnglish.

Kept apart from the scoring module so that ``quality check`` never imports numpy or
scikit-learn. See :mod:`quality.readability_model` for the model, its scale and its card.

    python -m quality.readability_model train -o models/readability-v1.joblib
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from features import difficulty
from quality.errors import ModelError
from quality.files import atomic_write, file_sha256
from quality.readability_model import (
    ALPHAS,
    CARD_FORMAT,
    DEFAULT_DATA,
    EVAL_PARAGRAPH_WORDS,
    FOLDS,
    FORMAT_VERSION,
    INNER_FOLDS,
    LEVELS,
    MODEL_PATH,
    PAIR_WEIGHT,
    PAYLOAD_FORMAT,
    PROBE_TEXT,
    RETRAIN,
    SEED,
    card_path,
    document_tokens,
    readable,
    text_profile,
    versions,
)


@dataclass
class ReadabilityModel:
    """The fitted scikit-learn pipeline (``StandardScaler -> Ridge``) that maps
    :data:`features.difficulty.NAMES` vectors to US grades, with its card."""

    pipeline: object
    card: dict
    path: Path | None = None

    def grades(self, vectors: Sequence[Sequence[float]]) -> np.ndarray:
        """The grade of each vector (rows in :data:`features.difficulty.NAMES` order)."""
        X = np.asarray(vectors, dtype=float)
        if X.ndim != 2 or X.shape[1] != len(difficulty.NAMES):
            raise ValueError(f"expected rows of {len(difficulty.NAMES)} values, got shape {X.shape}")
        return self.pipeline.predict(X)

    def grade_text(self, text: str, format: str = "text") -> float:
        """The grade of a whole text (NaN when it has no sentence)."""
        p = text_profile(text, format)
        return float(self.grades([difficulty.vector(p)])[0]) if p.sentences else math.nan


@dataclass
class TrainingData:
    """The measured training texts: one row per text."""

    X: np.ndarray
    levels: np.ndarray
    groups: np.ndarray
    ids: list[str]
    word_counts: np.ndarray
    texts: list[str]
    path: Path
    sha256: str
    # the vectors of each text's body paragraphs of at least EVAL_PARAGRAPH_WORDS words
    paragraphs: list[np.ndarray] = field(default_factory=list)


def read_onestopenglish(path: str | Path = DEFAULT_DATA) -> list[dict]:
    """The OneStopEnglish records (``id``, ``topic_id``, ``level_num``, ``text``, ...)."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: the OneStopEnglish data is missing (expected ../shared/data beside the checkout)")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def measure_records(records: Sequence[dict], path: Path, sha256: str = "") -> TrainingData:
    """Measure each record's text exactly as :func:`text_profile` does at run time (and its body
    paragraphs, for the paragraph-level evaluation)."""
    rows, word_counts, paragraphs = [], [], []
    for record in records:
        tokens, roles = document_tokens(record["text"])
        read = readable(roles)
        profiles = {i: difficulty.profile(tokens[i]) for i in read}
        p = difficulty.combine(profiles.values())
        rows.append(difficulty.vector(p))
        word_counts.append(p.counts.words)
        body = [difficulty.vector(q) for i, q in profiles.items() if roles[i] == "body" and q.counts.words >= EVAL_PARAGRAPH_WORDS and q.sentences]
        paragraphs.append(np.asarray(body, dtype=float).reshape(-1, len(difficulty.NAMES)))
    return TrainingData(
        X=np.asarray(rows, dtype=float),
        levels=np.asarray([r["level_num"] for r in records], dtype=float),
        groups=np.asarray([r["topic_id"] for r in records]),
        ids=[r["id"] for r in records],
        word_counts=np.asarray(word_counts, dtype=float),
        texts=[r["text"] for r in records],
        path=path,
        sha256=sha256,
        paragraphs=paragraphs,
    )


def level_pairs(levels: np.ndarray, groups: np.ndarray, rows: Sequence[int] | None = None) -> np.ndarray:
    """``(easier, harder)`` row pairs: two versions of one article at different levels."""
    rows = range(len(levels)) if rows is None else rows
    by_group: dict[str, list[int]] = {}
    for i in rows:
        by_group.setdefault(str(groups[i]), []).append(i)
    pairs = [
        (i, j) for members in by_group.values() for i in members for j in members if levels[i] < levels[j]
    ]
    return np.asarray(pairs, dtype=int).reshape(-1, 2)


def fit_levels(X: np.ndarray, levels: np.ndarray, groups: np.ndarray, alpha: float, pair_weight: float = PAIR_WEIGHT):
    """Fit ``StandardScaler -> Ridge`` to the levels, on the text rows plus the weighted rows of
    within-article differences (see the module docstring). Returns the pipeline (predicting levels)."""
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(X)
    Xs = scaler.transform(X)
    pairs = level_pairs(levels, groups)
    mean_level = float(levels.mean())
    A = np.vstack([Xs, pair_weight * (Xs[pairs[:, 1]] - Xs[pairs[:, 0]])])
    b = np.concatenate([levels - mean_level, pair_weight * (levels[pairs[:, 1]] - levels[pairs[:, 0]])])
    ridge = Ridge(alpha=alpha, fit_intercept=False).fit(A, b)
    ridge.intercept_ = mean_level  # the scaled text rows have mean zero
    return Pipeline([("scale", scaler), ("ridge", ridge)])


def choose_alpha(X: np.ndarray, levels: np.ndarray, groups: np.ndarray, paragraphs: Sequence[np.ndarray], seed: int = SEED) -> tuple[float, dict]:
    """The ridge penalty, by an inner cross-validation grouped by article. The score ranks
    articles and paragraphs, so the criterion is a rank one: the mean of the Spearman
    correlations with the level of the held-out texts' grades and of their body paragraphs'
    grades (each paragraph against its text's level). Ties go to the stronger penalty. Returns
    the penalty and the criterion of each penalty tried."""
    from scipy.stats import spearmanr
    from sklearn.model_selection import GroupKFold

    folds = list(GroupKFold(n_splits=INNER_FOLDS, shuffle=True, random_state=seed).split(X, levels, groups))
    width = X.shape[1]
    stacked = [
        (np.vstack([paragraphs[i] for i in test] + [np.zeros((0, width))]), np.concatenate([np.full(len(paragraphs[i]), levels[i]) for i in test] + [np.zeros(0)]))
        for _, test in folds
    ]
    scores = {}
    for alpha in ALPHAS:
        texts = np.zeros(len(levels))
        held, held_levels = [], []
        for (train, test), (rows, row_levels) in zip(folds, stacked):
            model = fit_levels(X[train], levels[train], groups[train], alpha)
            texts[test] = model.predict(X[test])
            if len(rows):
                held.append(model.predict(rows))
                held_levels.append(row_levels)
        text_rho = float(spearmanr(texts, levels)[0])
        paragraph_rho = float(spearmanr(np.concatenate(held), np.concatenate(held_levels))[0]) if held else text_rho
        scores[alpha] = round((text_rho + paragraph_rho) / 2, 4)  # rounded: differences below 1e-4 are noise
    best = max(scores.values())
    return max(a for a, v in scores.items() if v == best), scores


def fit_grades(X: np.ndarray, levels: np.ndarray, groups: np.ndarray, paragraphs: Sequence[np.ndarray], seed: int = SEED) -> tuple[object, dict]:
    """Fit the level model (penalty chosen by inner CV), then fold the linear equating onto the
    Flesch-Kincaid grades of the training texts into it. Returns the pipeline (predicting
    grades) and the fit's description."""
    alpha, alpha_scores = choose_alpha(X, levels, groups, paragraphs, seed)
    pipeline = fit_levels(X, levels, groups, alpha)
    predicted = pipeline.predict(X)
    fk = X[:, difficulty.NAMES.index("flesch_kincaid_grade")]
    slope = float(fk.std() / predicted.std())
    offset = float(fk.mean() - slope * predicted.mean())
    ridge = pipeline.named_steps["ridge"]
    ridge.coef_ = ridge.coef_ * slope
    ridge.intercept_ = offset + slope * ridge.intercept_
    level_grades = {LEVELS[k]: offset + slope * k for k in range(len(LEVELS))}
    return pipeline, {"alpha": alpha, "alpha_criterion": {f"{a:g}": v for a, v in alpha_scores.items()}, "pair_weight": PAIR_WEIGHT, "equating": {"slope": slope, "offset": offset, "grade_at_level": level_grades}}


def pairwise_accuracy(scores: np.ndarray, levels: np.ndarray, groups: np.ndarray) -> tuple[float, int, int]:
    """Share of within-article pairs whose harder version scores strictly higher, the number
    of pairs ordered wrong (or tied), and the number of pairs."""
    pairs = level_pairs(levels, groups)
    right = scores[pairs[:, 1]] > scores[pairs[:, 0]]
    return float(right.mean()), int((~right).sum()), len(pairs)


def cross_validate(data: TrainingData, folds: int = FOLDS, seed: int = SEED) -> tuple[np.ndarray, list[float], list[np.ndarray]]:
    """Out-of-fold grades for every text (folds by article), the penalty chosen in each fold, and
    the out-of-fold grades of each text's body paragraphs."""
    from sklearn.model_selection import GroupKFold

    out = np.zeros(len(data.levels))
    paragraphs: list[np.ndarray] = [np.zeros(0)] * len(data.levels)
    alphas = []
    splitter = GroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(data.X, data.levels, data.groups):
        pipeline, fit = fit_grades(data.X[train], data.levels[train], data.groups[train], [data.paragraphs[i] for i in train], seed)
        out[test] = pipeline.predict(data.X[test])
        for i in test:
            if len(data.paragraphs[i]):
                paragraphs[i] = pipeline.predict(data.paragraphs[i])
        alphas.append(fit["alpha"])
    return out, alphas, paragraphs


def evaluate_paragraphs(grades: Sequence[np.ndarray], data: TrainingData) -> dict:
    """Spearman correlation between the grade of each body paragraph and the level of its text."""
    from scipy.stats import spearmanr

    levels = np.concatenate([np.full(len(g), data.levels[i]) for i, g in enumerate(grades)])
    values = np.concatenate([np.asarray(g, dtype=float) for g in grades])
    return {"paragraphs": int(len(values)), "min_words": EVAL_PARAGRAPH_WORDS, "spearman_level": float(spearmanr(values, levels)[0])}


def evaluate(scores: np.ndarray, data: TrainingData) -> dict:
    """Spearman correlation with the level and with word count, pairwise accuracy, mean grade per level."""
    from scipy.stats import spearmanr

    accuracy, wrong, pairs = pairwise_accuracy(scores, data.levels, data.groups)
    return {
        "spearman_level": float(spearmanr(scores, data.levels)[0]),
        "pairwise_accuracy": accuracy,
        "pairs_wrong": wrong,
        "pairs": pairs,
        "spearman_word_count": float(spearmanr(scores, data.word_counts)[0]),
        # Within one level, length says nothing about the level: a correlation here is leakage.
        "spearman_word_count_within_level": float(
            np.mean([spearmanr(scores[data.levels == k], data.word_counts[data.levels == k])[0] for k in range(len(LEVELS))])
        ),
        "mean_grade_by_level": {LEVELS[k]: float(scores[data.levels == k].mean()) for k in range(len(LEVELS))},
    }


def train(data_path: str | Path = DEFAULT_DATA, output: str | Path = MODEL_PATH, folds: int = FOLDS, seed: int = SEED, log=print) -> dict:
    """Measure OneStopEnglish, cross-validate by article, fit on everything, write the model and
    its card (``.json`` and ``.md``). Returns the card."""
    import joblib

    started = time.perf_counter()
    data_path = Path(data_path)
    records = read_onestopenglish(data_path)
    data = measure_records(records, data_path, file_sha256(data_path))
    measured = time.perf_counter()
    log(f"measured {len(records)} texts in {measured - started:.1f} s")
    oof, fold_alphas, oof_paragraphs = cross_validate(data, folds, seed)
    metrics = evaluate(oof, data)
    fk_column = difficulty.NAMES.index("flesch_kincaid_grade")
    baseline = evaluate(data.X[:, fk_column], data)
    metrics["paragraph_level"] = evaluate_paragraphs(oof_paragraphs, data)
    baseline["paragraph_level"] = evaluate_paragraphs([p[:, fk_column] for p in data.paragraphs], data)
    log(
        f"cross-validated by article ({folds} folds): Spearman {metrics['spearman_level']:.3f}, pairwise "
        f"{metrics['pairwise_accuracy']:.4f} (Flesch-Kincaid: {baseline['spearman_level']:.3f}, {baseline['pairwise_accuracy']:.4f})"
    )
    pipeline, fit = fit_grades(data.X, data.levels, data.groups, data.paragraphs, seed)
    seconds = time.perf_counter() - started
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    payload = {"format": PAYLOAD_FORMAT, "format_version": FORMAT_VERSION, "pipeline": pipeline, "feature_names": list(difficulty.NAMES)}
    atomic_write(output, lambda tmp: joblib.dump(payload, tmp, compress=3))
    model = ReadabilityModel(pipeline, {}, output)
    card = {
        "format": CARD_FORMAT,
        "format_version": FORMAT_VERSION,
        "name": output.stem,
        "created": _dt.date.today().isoformat(),
        "predicts": "a US school grade (Flesch-Kincaid scale) for a text or a paragraph",
        "scale": (
            "The model predicts the OneStopEnglish level (0 elementary, 1 intermediate, 2 advanced); "
            "that prediction is mapped linearly onto the Flesch-Kincaid grade scale so that, on the "
            "training texts, the score has the mean and standard deviation of their Flesch-Kincaid "
            "grades (linear equating). A score of 9 reads like Flesch-Kincaid grade 9, but texts are "
            "ordered by the model. Unbounded, like Flesch-Kincaid."
        ),
        "pipeline": {
            "steps": ["StandardScaler", "Ridge(fit_intercept=False) on text rows and within-article difference rows"],
            "description": (
                "StandardScaler -> Ridge. Fitted on each text's level and, with equal weight, on the level "
                "difference of each pair of versions of the same article (feature differences); the ridge "
                "penalty is chosen by a 4-fold inner cross-validation grouped by article (criterion: mean of the Spearman "
                "correlations with the level of held-out texts and of their body paragraphs); the linear map to "
                "the grade scale is folded into the ridge coefficients."
            ),
            **fit,
        },
        "feature_names": list(difficulty.NAMES),
        "length_is_a_feature": False,
        "training_data": {
            "description": (
                "OneStopEnglish (Vajjala & Lucic, BEA 2018; CC BY-SA 4.0): 189 Guardian news articles, each "
                "rewritten by teachers at three levels (elementary, intermediate, advanced), 567 texts. Read "
                "from ../shared/data; no text is copied into this repository. Paragraphs are read as "
                "`quality check` reads plain text; headings are not read (the intermediate files open with the "
                "heading 'Intermediate'). Known defect kept as is: the intermediate files lost their curly "
                "apostrophes, quotation marks and dashes in the source's conversion ('worlds', 'dont')."
            ),
            "path": "../shared/data/readability-onestopenglish/onestopenglish.jsonl.gz",
            "sha256": data.sha256,
            "texts": len(records),
            "articles": int(len(set(data.groups.tolist()))),
            "texts_per_level": {LEVELS[k]: int((data.levels == k).sum()) for k in range(len(LEVELS))},
        },
        "cross_validation": {
            "description": f"{folds}-fold GroupKFold by article (topic_id), shuffled with seed {seed}; the penalty is chosen inside each training fold. Out-of-fold grades.",
            "folds": folds,
            "seed": seed,
            "alphas_chosen": fold_alphas,
            "metrics": metrics,
            "flesch_kincaid_same_paragraphs": baseline,
        },
        "probe": {"text": PROBE_TEXT, "grade": round(model.grade_text(PROBE_TEXT), 6)},
        "top_weights": top_weights(pipeline),
        "training_seconds": round(seconds, 2),
        "versions": versions(),
    }
    scaler, ridge = pipeline.named_steps["scale"], pipeline.named_steps["ridge"]
    card["linear"] = {
        "formula": "grade = intercept + sum(coefficients[i] * (x[i] - means[i]) / scales[i]) over feature_names",
        "means": [float(v) for v in scaler.mean_],
        "scales": [float(v) for v in scaler.scale_],
        "coefficients": [float(v) for v in ridge.coef_],
        "intercept": float(ridge.intercept_),
    }
    card["model_file"] = {"name": output.name, "bytes": output.stat().st_size, "sha256": file_sha256(output)}
    text = json.dumps(card, indent=2, ensure_ascii=False) + "\n"
    atomic_write(card_path(output), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    atomic_write(output.with_suffix(".md"), lambda tmp: Path(tmp).write_text(card_markdown(card), encoding="utf-8"))
    log(f"wrote {output}, {card_path(output).name} and {output.with_suffix('.md').name} in {seconds:.1f} s")
    return card


def top_weights(pipeline, count: int = 10) -> list[dict]:
    """The features with the largest weights (grades per standard deviation of the feature)."""
    coef = pipeline.named_steps["ridge"].coef_
    order = np.argsort(-np.abs(coef))[:count]
    return [{"feature": difficulty.NAMES[i], "grades_per_sd": round(float(coef[i]), 3)} for i in order]




def card_markdown(card: dict) -> str:
    """The model card as Markdown (generated from the JSON card; do not edit by hand)."""
    cv = card["cross_validation"]
    m, fk = cv["metrics"], cv["flesch_kincaid_same_paragraphs"]
    fit = card["pipeline"]
    data = card["training_data"]
    lines = [
        f"# Model card: {card['model_file']['name']}",
        "",
        f"Generated from `{Path(card['model_file']['name']).with_suffix('.json').name}` by `{RETRAIN}`; do not edit by hand.",
        "",
        f"- **Trained**: {card['created']} in {card['training_seconds']} s",
        f"- **Predicts**: {card['predicts']}",
        f"- **Pipeline**: {fit['description']} Penalty alpha = {fit['alpha']:g}.",
        f"- **Model file**: {card['model_file']['bytes']} bytes, SHA-256 `{card['model_file']['sha256']}`. A pickle: it is loaded only from `models/`, after its SHA-256 is checked against this card.",
        "",
        "## Scale",
        "",
        card["scale"],
        "",
        "Grade at the three training levels: " + ", ".join(f"{k} {v:.1f}" for k, v in fit["equating"]["grade_at_level"].items())
        + f" (grade = {fit['equating']['offset']:.3f} + {fit['equating']['slope']:.3f} x predicted level).",
        "",
        "## Training data",
        "",
        data["description"],
        "",
        f"- File: `{data['path']}` (SHA-256 `{data['sha256']}`)",
        f"- Texts: {data['texts']} ({', '.join(f'{k} {v}' for k, v in data['texts_per_level'].items())}), articles: {data['articles']}",
        "",
        "## Cross-validated results",
        "",
        cv["description"],
        "",
        "| score | Spearman with level | pairwise accuracy (wrong / pairs) | Spearman with word count (all / within a level) | mean grade ele / int / adv |",
        "|---|---|---|---|---|",
    ]
    for name, row in (("readability-v1 (out-of-fold)", m), ("Flesch-Kincaid grade, same paragraphs", fk)):
        means = " / ".join(f"{v:.1f}" for v in row["mean_grade_by_level"].values())
        lines.append(
            f"| {name} | {row['spearman_level']:.3f} | {row['pairwise_accuracy']:.4f} ({row['pairs_wrong']} / {row['pairs']}) | {row['spearman_word_count']:.3f} / {row['spearman_word_count_within_level']:.3f} | {means} |"
        )
    lines += [
        "",
        f"Paragraphs: the grade of each body paragraph of at least {m['paragraph_level']['min_words']} words "
        f"({m['paragraph_level']['paragraphs']} paragraphs, out-of-fold) against the level of its text: Spearman "
        f"{m['paragraph_level']['spearman_level']:.3f} (Flesch-Kincaid on the same paragraphs: {fk['paragraph_level']['spearman_level']:.3f}).",
    ]
    lines += [
        "",
        f"Penalties chosen in the folds: {', '.join(f'{a:g}' for a in cv['alphas_chosen'])}. Side by side with every textstat formula: `python benchmarks/readability.py`.",
        "",
        "## Features",
        "",
        f"{len(card['feature_names'])} measures of `features.difficulty`, in this order. Text length is not one of them: "
        "every measure is a share or a mean per word or per sentence, so a text and the same text written twice get the same score.",
        "",
        ", ".join(f"`{n}`" for n in card["feature_names"]),
        "",
        "## Versions",
        "",
        *[f"- {k}: {v}" for k, v in card["versions"].items()],
        "",
        "## Limits",
        "",
        "- Trained on news for learners of English (about grades 7 to 13 by Flesch-Kincaid); far outside that range the score extrapolates linearly.",
        "- Paragraph scores come from the same model on one paragraph's measures: a paragraph of two or three sentences is scored from little evidence.",
        "- English only. Word rarity comes from wordfreq's English list: names and new words are not rated.",
        "",
    ]
    return "\n".join(lines)
