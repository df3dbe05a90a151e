"""Training and evaluating the boilerplate model (:mod:`quality.boilerplate_model`).

Kept apart from the scoring module so that ``quality check`` never imports numpy or
scikit-learn.

**Data.** The 78 pages of ``../shared/data/boilerplate-readability``: each page is read as
``quality check --page`` reads it (``Document.from_text(html, format="html-page")``), which cuts
it into the same blocks as the data set's labels (76 pages exactly; on the other two the
labels are aligned by text and the blocks without one are left out of training). Every block is
measured by :func:`features.measure_document`, the path ``quality check`` takes, with the roles
of each variant: ``text`` infers them from the text alone as for a plain-text file, ``html``
takes them from the tags and adds the markup measures. The text variant also learns from each
page's gold main text read as a plain-text article (every paragraph content): the text it judges
most is an article on its own, which the pages alone never show it.

**Context pass** (:class:`quality.boilerplate_model.ContextPass`): its start and move
probabilities are counted on the label sequences of the training documents (:func:`fit_context`),
never on the pages it is scored on; in cross-validation it reads the fold's out-of-fold
first-pass probabilities, as it reads the first pass's probabilities of an unseen document.

**Evaluation** (the measure of scrapinghub's article-extraction benchmark): the kept text of a
page (its paragraphs not called boilerplate, and its code blocks) against the gold main text,
over word 4-gram shingles (multisets of ``\\w+`` tokens); per page, true and false positives
and false negatives are normalised to sum to 1, and precision and recall are averaged over
pages. Everything is cross-validated by page (``GroupKFold``), never by block.

    quality boilerplate train -o models/boilerplate-v1.joblib
"""

from __future__ import annotations

import datetime as _dt
import difflib
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from features import measure_document
from quality.boilerplate_model import (
    CARD_FORMAT,
    AFTER,
    ARTICLE,
    BEFORE,
    CONTEXT_MOVES,
    CONTEXT_STATES,
    INSIDE,
    DEFAULT_DATA,
    FORMAT_VERSION,
    MODEL_PATH,
    PAYLOAD_FORMAT,
    RETRAIN,
    VARIANTS,
    ContextPass,
    boilerplate_flags,
    card_path,
    judged_rows,
)
from quality.errors import ModelError
from quality.files import atomic_write, file_sha256

FOLDS = 5
SEED = 0
CLASSIFIERS = ("logistic", "boosting")
# Thresholds tried for the decision (probability of boilerplate).
THRESHOLDS = tuple(round(0.30 + 0.05 * k, 2) for k in range(13)) + (0.92, 0.94, 0.96, 0.98)
# How each variant's threshold is chosen. The text variant judges text that is mostly article
# (plain text, Markdown, an extracted article), where a flag on a clean paragraph costs more
# than a missed one: precision first. The html variant reads whole pages (--page), where the
# question is what an extractor would drop: the best F1 of the kept text.
THRESHOLD_RULES = {"text": "precision", "html": "f1"}
# The precision of the boilerplate class that the "precision" rule asks for.
MIN_PRECISION = 0.95
# Logistic regression's inverse regularisation strength (the measures are few and scaled).
LOGISTIC_C = 1.0
# A tree ensemble would be adopted (and exported as arrays) only when it has the higher text F1
# in this share of paired bootstrap resamples of the pages: a clear win, not noise.
BOOSTING_WIN_SHARE = 0.95
# Added to every possible move (and start) of the context pass when its probabilities are
# counted, so that a move the training pages never show stays possible.
CONTEXT_SMOOTHING = 1.0
SHINGLE_SIZE = 4
_TOKEN_RE = re.compile(r"\w+")


@dataclass
class Page:
    """One labelled page, measured for both variants."""

    id: str
    texts: list[str]  # the prose blocks
    roles: dict[str, list[str]]  # variant -> the roles of the prose blocks
    rows: dict[str, list[list[float]]]  # variant -> the features.blocks rows
    labels: list[bool | None]  # True: boilerplate; None: a block the data set does not have
    order: list[tuple[str, int | None]]  # every block in page order: (text, prose index or None for code)
    gold: str  # the main text (expected.html)
    html: str = field(repr=False, default="")
    gold_shingles: Counter = field(repr=False, default_factory=Counter)
    # The page's gold main text read as a plain-text article (all content): more training rows
    # for the text variant, which mostly judges such text
    article: Page | None = field(repr=False, default=None)
    block_tokens: list[list[str]] = field(repr=False, default_factory=list)  # the \w+ tokens of each block of ``order``


def read_pages(path: str | Path = DEFAULT_DATA) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: the boilerplate data set is missing (expected ../shared/data beside the checkout)")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def measure_page(record: dict) -> Page:
    """Read a labelled page as ``quality check --page`` does and measure its blocks."""
    from quality.document import Document, infer_roles

    document = Document.from_text(record["html"], record["id"], format="html-page")
    gold_blocks = record["paragraph_labels"]
    texts_all = [p.text for p in document.paragraphs]
    labels_all: list[bool | None] = [None] * len(texts_all)
    gold_texts = [b["text"] for b in gold_blocks]
    if texts_all == gold_texts:
        labels_all = [b["label"] == "boilerplate" for b in gold_blocks]
    else:
        matcher = difflib.SequenceMatcher(a=texts_all, b=gold_texts, autojunk=False)
        for tag, i1, i2, j1, _ in matcher.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    labels_all[i1 + k] = gold_blocks[j1 + k]["label"] == "boilerplate"
    prose_index = {}
    order = []
    for position, paragraph in enumerate(document.paragraphs):
        if paragraph.role == "code":
            order.append((paragraph.text, None))
        else:
            prose_index[position] = len(prose_index)
            order.append((paragraph.text, prose_index[position]))
    prose = [p for p in document.paragraphs if p.role != "code"]
    texts = [p.text for p in prose]
    roles = {"html": [p.role for p in prose], "text": infer_roles(texts, [""] * len(texts))}
    rows = {
        "html": measure_document(texts, roles["html"], [p.markup for p in prose]).block_rows,
        "text": measure_document(texts, roles["text"]).block_rows,
    }
    labels = [labels_all[i] for i in prose_index]
    gold = record.get("main_text", "")
    page = Page(
        record["id"], texts, roles, rows, labels, order, gold, html=record["html"], gold_shingles=shingles(gold),
        block_tokens=[_TOKEN_RE.findall(t) for t, _ in order],
    )
    page.article = measure_article(record["id"], gold)
    return page


def measure_article(page_id: str, text: str) -> Page | None:
    """The gold main text of a page read as ``quality check`` reads a plain-text article, every
    paragraph labelled content (text variant only)."""
    from quality.document import Document

    prose = Document.from_text(text, f"{page_id} (main text)").prose
    if not prose:
        return None
    texts, roles = [p.text for p in prose], [p.role for p in prose]
    rows = measure_document(texts, roles).block_rows
    return Page(f"{page_id} (main text)", texts, {"text": roles}, {"text": rows}, [False] * len(texts), [(t, i) for i, t in enumerate(texts)], text)


# ---------------------------------------------------------------------------------------------
# The measure


def shingles(text: str | list[str], size: int = SHINGLE_SIZE) -> Counter:
    """The word ``size``-gram shingles of a text (or of its tokens), counted; a text shorter
    than ``size`` words is one shingle."""
    tokens = _TOKEN_RE.findall(text or "") if isinstance(text, str) else text
    if len(tokens) < size:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(zip(*(tokens[k:] for k in range(size))))


def shingle_match(true: str | Counter, predicted: str | list[str]) -> tuple[float, float, float]:
    """True positives, false positives and false negatives of the predicted text's shingles
    against the true text's (or its shingles), normalised to sum to 1 (scrapinghub's
    ``string_shingle_matching``)."""
    a, b = true if isinstance(true, Counter) else shingles(true), shingles(predicted)
    tp, fp, fn = sum((a & b).values()), sum((b - a).values()), sum((a - b).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def text_scores(matches: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged over pages, and their F1 (scrapinghub's
    ``metrics_from_tp_fp_fns``)."""

    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = float(np.mean([precision(*m) for m in matches if m[0] + m[1] > 0] or [0.0]))
    r = float(np.mean([recall(*m) for m in matches if m[0] + m[2] > 0] or [0.0]))
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def kept_text(page: Page, flagged: Sequence[bool]) -> str:
    """The page's text without the flagged prose blocks (code blocks are kept)."""
    return "\n".join(text for text, index in page.order if index is None or not flagged[index])


def kept_tokens(page: Page, flagged: Sequence[bool]) -> list[str]:
    """The tokens of :func:`kept_text` (from the tokens of each block, measured once)."""
    return [tok for (_, index), tokens in zip(page.order, page.block_tokens) if index is None or not flagged[index] for tok in tokens]


def page_flags(page: Page, variant: str, probabilities: Sequence[float], threshold: float) -> list[bool]:
    return boilerplate_flags(probabilities, page.roles[variant], threshold)


def evaluate_text(pages: Sequence[Page], variant: str, probabilities: Sequence[Sequence[float]], threshold: float) -> dict[str, float]:
    return text_scores([shingle_match(p.gold_shingles, kept_tokens(p, page_flags(p, variant, q, threshold))) for p, q in zip(pages, probabilities)])


def choose_threshold(
    pages: Sequence[Page], variant: str, probabilities: Sequence[Sequence[float]], rule: str = "f1", articles: Sequence[tuple[Page, Sequence[float]]] = ()
) -> float:
    """The decision threshold by ``rule``: ``"f1"``, the best text F1 (ties: the higher, fewer
    flags); ``"precision"``, the lowest threshold at which at least :data:`MIN_PRECISION` of the
    labelled blocks that BP108 would flag (:func:`page_flags`: body paragraphs and list items, and
    the subheadings over them) are boilerplate (precision first), counted on the pages and on
    ``articles`` (each page's gold main text read as an article, with its probabilities: every
    block content), which are what the text variant mostly reads."""
    if rule == "precision":
        documents = [*zip(pages, probabilities), *articles]
        for t in THRESHOLDS:
            called, right = decided_counts(documents, variant, t)
            if called and right >= MIN_PRECISION * called:
                return t
        return THRESHOLDS[-1]
    scores = {t: round(evaluate_text(pages, variant, probabilities, t)["f1"], 4) for t in THRESHOLDS}
    best = max(scores.values())
    return max(t for t, f in scores.items() if f == best)


def decided_counts(documents: Iterable[tuple[Page, Sequence[float]]], variant: str, threshold: float) -> tuple[int, int]:
    """How many labelled blocks of ``documents`` (each with its probabilities) BP108 would flag
    at ``threshold`` (:func:`page_flags`), and how many of those are boilerplate."""
    called = right = 0
    for page, q in documents:
        for flagged, label in zip(page_flags(page, variant, q, threshold), page.labels):
            if flagged and label is not None:
                called += 1
                right += label
    return called, right


def judged_labels(pages: Sequence[Page], variant: str, probabilities: Sequence[Sequence[float]]) -> tuple[np.ndarray, np.ndarray]:
    """Labels and probabilities of the judged (body, list item), labelled blocks."""
    from features import BLOCK_ROLES

    y, p = [], []
    for page, q in zip(pages, probabilities):
        for label, role, value in zip(page.labels, page.roles[variant], q):
            if label is not None and role in BLOCK_ROLES:
                y.append(int(label))
                p.append(value)
    return np.asarray(y), np.asarray(p)


# ---------------------------------------------------------------------------------------------
# Fitting


def training_rows(pages: Sequence[Page], variant: str) -> tuple[np.ndarray, np.ndarray]:
    """The rows of the judged blocks (body and list items) that have a label; for the text
    variant, also those of each page's main text read as an article."""
    from features import BLOCK_ROLES

    X, y = [], []
    documents = [d for page in pages for d in (page, page.article if variant == "text" else None) if d is not None]
    for page in documents:
        for row, label, role in zip(page.rows[variant], page.labels, page.roles[variant]):
            if label is not None and role in BLOCK_ROLES:
                X.append(row)
                y.append(label)
    return np.asarray(X, dtype=float).reshape(-1, len(VARIANTS[variant])), np.asarray(y, dtype=int)


def make_classifier(name: str, seed: int = SEED):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    if name == "logistic":
        return Pipeline([("scale", StandardScaler()), ("classifier", LogisticRegression(C=LOGISTIC_C, max_iter=5000, random_state=seed))])
    if name == "boosting":
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(learning_rate=0.1, max_iter=200, max_leaf_nodes=15, l2_regularization=1.0, random_state=seed)
    raise ValueError(f"unknown classifier {name!r}: expected one of {', '.join(CLASSIFIERS)}")


def fit(pages: Sequence[Page], variant: str, classifier: str = "logistic", seed: int = SEED):
    X, y = training_rows(pages, variant)
    return make_classifier(classifier, seed).fit(X, y)


def predict(model, page: Page, variant: str) -> list[float]:
    rows = np.asarray(page.rows[variant], dtype=float).reshape(-1, len(VARIANTS[variant]))
    return model.predict_proba(rows)[:, 1].tolist() if len(rows) else []


def context_states(labels: Sequence[bool]) -> list[int]:
    """The context-pass state of each judged block of a document from its labels (True:
    boilerplate): boilerplate before the first content block is ``before``, after the last
    ``after``, between them ``inside``; a document without content is all ``before``."""
    content = [k for k, label in enumerate(labels) if not label]
    if not content:
        return [BEFORE] * len(labels)
    first, last = content[0], content[-1]
    return [BEFORE if k < first else AFTER if k > last else (INSIDE if label else ARTICLE) for k, label in enumerate(labels)]


def fit_context(pages: Sequence[Page], variant: str) -> ContextPass:
    """The context pass counted on the label sequences of the training documents' judged,
    labelled blocks (for the text variant with each page's main text read as an article), with
    :data:`CONTEXT_SMOOTHING` added to every possible move; ``prior`` is the share of boilerplate
    among those blocks (the first pass's training rows)."""
    from features import BLOCK_ROLES

    n = len(CONTEXT_STATES)
    start = [CONTEXT_SMOOTHING] * n
    counts = [[CONTEXT_SMOOTHING if (a, b) in CONTEXT_MOVES else 0.0 for b in range(n)] for a in range(n)]
    documents = [d for page in pages for d in (page, page.article if variant == "text" else None) if d is not None]
    for document in documents:
        labels = [label for label, role in zip(document.labels, document.roles[variant]) if label is not None and role in BLOCK_ROLES]
        if not labels:
            continue
        states = context_states(labels)
        start[states[0]] += 1
        for a, b in zip(states, states[1:]):
            counts[a][b] += 1
    _, y = training_rows(pages, variant)
    return ContextPass(tuple(v / sum(start) for v in start), tuple(tuple(v / sum(row) for v in row) for row in counts), float(y.mean()))


def revise(context: ContextPass | None, page: Page, variant: str, probabilities: list[float]) -> list[float]:
    """The context pass over a page's first-pass probabilities (unchanged without one), as
    :class:`quality.boilerplate_model.LinearScorer` applies it."""
    return probabilities if context is None else context.revise(probabilities, judged_rows(page.rows[variant]))


def page_folds(pages: Sequence[Page], folds: int = FOLDS, seed: int = SEED) -> list[tuple[np.ndarray, np.ndarray]]:
    """Folds of pages (never of blocks)."""
    from sklearn.model_selection import GroupKFold

    index = np.arange(len(pages))
    return list(GroupKFold(n_splits=folds, shuffle=True, random_state=seed).split(index, groups=index))


def out_of_fold(
    pages: Sequence[Page], variant: str, classifier: str, splits, seed: int = SEED, nested: bool = True, rule: str = "f1", context: bool = False
) -> tuple[list[list[float]], list[float], list[tuple[Page, list[float]]]]:
    """Out-of-fold probabilities of every page's blocks (with ``context``, revised by the
    context pass counted on the same training pages), with ``nested`` the threshold chosen on
    each fold's training pages (from their own inner out-of-fold probabilities), and for the
    text variant the out-of-fold probabilities of each page's main text read as an article."""

    def judged(train_pages: Sequence[Page], test_pages: Sequence[Page]) -> tuple[list[list[float]], list[tuple[Page, list[float]]]]:
        # The test pages' probabilities, and their articles', from a model of the training pages
        model = fit(train_pages, variant, classifier, seed)
        revision = fit_context(train_pages, variant) if context else None

        def judge(page: Page) -> list[float]:
            return revise(revision, page, variant, predict(model, page, variant))

        tested = [p.article for p in test_pages if p.article is not None] if variant == "text" else []
        return [judge(p) for p in test_pages], [(a, judge(a)) for a in tested]

    probabilities: list[list[float]] = [[] for _ in pages]
    articles: list[tuple[Page, list[float]]] = []
    thresholds = []
    for train, test in splits:
        train_pages = [pages[i] for i in train]
        found, found_articles = judged(train_pages, [pages[i] for i in test])
        for i, q in zip(test, found):
            probabilities[i] = q
        articles += found_articles
        if not nested:
            continue
        inner_probabilities: list[list[float]] = [[] for _ in train_pages]
        inner_articles: list[tuple[Page, list[float]]] = []
        for a, b in page_folds(train_pages, FOLDS - 1, seed + 1):
            found, found_articles = judged([train_pages[i] for i in a], [train_pages[i] for i in b])
            for i, q in zip(b, found):
                inner_probabilities[i] = q
            inner_articles += found_articles
        thresholds.append(choose_threshold(train_pages, variant, inner_probabilities, rule, inner_articles))
    return probabilities, thresholds, articles


def block_metrics(pages: Sequence[Page], variant: str, probabilities: Sequence[Sequence[float]], threshold: float) -> dict[str, float]:
    """Block-level precision, recall and F1 of the boilerplate class, ROC-AUC and log-loss, over
    the judged, labelled blocks."""
    from sklearn.metrics import log_loss, precision_recall_fscore_support, roc_auc_score

    y_arr, p_arr = judged_labels(pages, variant, probabilities)
    precision, recall, f1, _ = precision_recall_fscore_support(y_arr, p_arr >= threshold, average="binary", zero_division=0)
    return {
        "blocks": int(len(y_arr)),
        "boilerplate_blocks": int(y_arr.sum()),
        "precision": float(precision),
        "recall": float(recall),
        "f1": float(f1),
        "roc_auc": float(roc_auc_score(y_arr, p_arr)),
        "log_loss": float(log_loss(y_arr, np.clip(p_arr, 1e-6, 1 - 1e-6))),
    }


def cross_validate(
    pages: Sequence[Page], variant: str, classifier: str, folds: int = FOLDS, seed: int = SEED, nested: bool = True, rule: str = "f1", context: bool = False
) -> dict:
    """Page-grouped cross-validation of one variant and classifier. With ``nested``, each fold's
    test pages are judged at the threshold chosen on its training pages (the honest estimate);
    without, at the one threshold that is best on all the out-of-fold probabilities (the same
    protocol for every classifier compared, slightly optimistic for all). With ``context``, the
    probabilities are revised by the context pass of each fold's training pages."""
    splits = page_folds(pages, folds, seed)
    probabilities, thresholds, articles = out_of_fold(pages, variant, classifier, splits, seed, nested, rule, context)
    overall = choose_threshold(pages, variant, probabilities, rule, articles)
    by_page = [overall] * len(pages)
    for (_, test), threshold in zip(splits, thresholds):
        for i in test:
            by_page[i] = threshold
    matches = [shingle_match(p.gold_shingles, kept_tokens(p, page_flags(p, variant, q, t))) for p, q, t in zip(pages, probabilities, by_page)]
    return {
        "variant": variant,
        "classifier": classifier,
        "context_pass": context,
        "protocol": "nested thresholds" if nested else "one out-of-fold threshold",
        "threshold_rule": rule,
        "text": text_scores(matches),
        "fold_thresholds": thresholds or [overall],
        "blocks": block_metrics(pages, variant, probabilities, float(np.median(thresholds or [overall]))),
        "out_of_fold_best_threshold": overall,
        "_probabilities": probabilities,
        "_articles": articles,
        "_matches": matches,
    }


def bootstrap_win_share(matches: Sequence[tuple[float, float, float]], other: Sequence[tuple[float, float, float]], rounds: int = 1000, seed: int = SEED) -> float:
    """The share of paired bootstrap resamples of the pages in which ``matches`` has the higher
    text F1 (scrapinghub's ``--bootstrap-differences``)."""
    rng = np.random.default_rng(seed)
    n, wins = len(matches), 0
    for _ in range(rounds):
        pick = rng.integers(0, n, n)
        wins += text_scores([matches[i] for i in pick])["f1"] > text_scores([other[i] for i in pick])["f1"]
    return wins / rounds


# ---------------------------------------------------------------------------------------------
# Training the bundled model


def versions() -> dict[str, str]:
    from quality.readability_model import versions as model_versions

    return {k: v for k, v in model_versions().items() if k != "wordfreq"}


def train(data_path: str | Path = DEFAULT_DATA, output: str | Path = MODEL_PATH, folds: int = FOLDS, seed: int = SEED, log: Callable[[str], None] = print) -> dict:
    """Measure the pages, cross-validate both variants and classifiers by page, fit the chosen
    classifier of each variant on all pages, write the model and its card. Returns the card."""
    import joblib

    started = time.perf_counter()
    data_path = Path(data_path)
    records = read_pages(data_path)
    pages = [measure_page(r) for r in records]
    log(f"measured {len(pages)} pages, {sum(len(p.texts) for p in pages)} prose blocks in {time.perf_counter() - started:.1f} s")
    comparison, chosen, linear, pipelines, estimates, contexts = {}, {}, {}, {}, {}, {}
    for variant in VARIANTS:
        rule = THRESHOLD_RULES[variant]
        first = cross_validate(pages, variant, "logistic", folds, seed, nested=False)
        revised = cross_validate(pages, variant, "logistic", folds, seed, nested=False, context=True)
        context_wins = bootstrap_win_share(revised["_matches"], first["_matches"], seed=seed)
        use_context = revised["text"]["f1"] > first["text"]["f1"]
        for name, result in (("first pass only", first), ("with the context pass", revised)):
            log(f"{variant:5s} logistic, {name}: text P {result['text']['precision']:.3f} R {result['text']['recall']:.3f} F1 {result['text']['f1']:.3f}")
        log(f"{variant}: the context pass has the higher text F1 in {context_wins:.0%} of bootstrap resamples of the pages; {'used' if use_context else 'not used'}")
        contexts[variant] = {
            "used": use_context,
            "first_pass_only": first["text"],
            "with_context_pass": revised["text"],
            "bootstrap_win_share": context_wins,
        }
        results = {"logistic": revised if use_context else first, "boosting": cross_validate(pages, variant, "boosting", folds, seed, nested=False, context=use_context)}
        for name, result in results.items():
            log(f"{variant:5s} {name:9s} text P {result['text']['precision']:.3f} R {result['text']['recall']:.3f} F1 {result['text']['f1']:.3f}; blocks AUC {result['blocks']['roc_auc']:.3f}")
        wins = bootstrap_win_share(results["boosting"]["_matches"], results["logistic"]["_matches"], seed=seed)
        log(f"{variant}: boosting has the higher text F1 in {wins:.0%} of bootstrap resamples of the pages")
        if wins >= BOOSTING_WIN_SHARE:
            log(f"{variant}: gradient boosting is clearly better; the logistic model is still the one shipped (only it is scored from the card's numbers)")
        chosen[variant] = "logistic"
        comparison[variant] = {name: {k: v for k, v in r.items() if not k.startswith("_")} for name, r in results.items()}
        comparison[variant]["boosting"]["bootstrap_win_share"] = wins
        nested = cross_validate(pages, variant, "logistic", folds, seed, nested=True, rule=rule, context=use_context)
        estimates[variant] = {k: v for k, v in nested.items() if not k.startswith("_")}
        log(f"{variant:5s} logistic, nested {rule} thresholds: text P {nested['text']['precision']:.3f} R {nested['text']['recall']:.3f} F1 {nested['text']['f1']:.3f}")
        threshold = nested["out_of_fold_best_threshold"]
        pipeline = fit(pages, variant, "logistic", seed)
        pipelines[variant] = pipeline
        scaler, classifier = pipeline.named_steps["scale"], pipeline.named_steps["classifier"]
        linear[variant] = {
            "feature_names": list(VARIANTS[variant]),
            "means": [float(v) for v in scaler.mean_],
            "scales": [float(v) for v in scaler.scale_],
            "coefficients": [float(v) for v in classifier.coef_[0]],
            "intercept": float(classifier.intercept_[0]),
            "threshold": threshold,
            "context": fit_context(pages, variant).card_numbers() if use_context else None,
        }
    seconds = time.perf_counter() - started
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    payload = {"format": PAYLOAD_FORMAT, "format_version": FORMAT_VERSION, "pipelines": pipelines, "feature_names": {k: list(v) for k, v in VARIANTS.items()}}
    atomic_write(output, lambda tmp: joblib.dump(payload, tmp, compress=3))
    labelled = [label for p in pages for label in p.labels if label is not None]
    card = {
        "format": CARD_FORMAT,
        "format_version": FORMAT_VERSION,
        "name": output.stem,
        "created": _dt.date.today().isoformat(),
        "predicts": "the probability that a paragraph (a block of a page) is boilerplate rather than article text",
        "variants": {
            "text": "text measures only (plain text, Markdown, the article extracted from HTML); roles inferred from the text",
            "html": "text and markup measures (whole HTML pages, --page); roles from the tags",
        },
        "pipeline": (
            "StandardScaler -> LogisticRegression (C = 1), one per variant (the first pass, each block on its own); then, where "
            "`linear.<variant>.context` is not null, the context pass: a hidden Markov model over the document's judged blocks "
            "(states before / article / inside / after the article; start and move probabilities counted on the training "
            "documents' labels; the first-pass probability as evidence against the training share of boilerplate), each "
            "block's probability of not being article text by forward-backward; the revised probability moves the first "
            "pass's halfway to that when that is higher, and never lowers it. Scored from the numbers in `linear` (pure Python)"
        ),
        "decision": (
            "A body paragraph or list item is boilerplate when its probability is at least the variant's threshold; "
            "a subheading when the paragraph under it is; headlines, quotations and code never are. Thresholds, on the "
            f"out-of-fold probabilities: text variant, precision first (the lowest at which {MIN_PRECISION:.0%} of the labelled "
            "blocks it would flag, subheadings included, are boilerplate, counted on the pages and on their main texts read as "
            "articles, where every block is content); html variant, the best F1 of the kept text."
        ),
        "training_data": {
            "articles_as_text": "the text variant also trains on each page's gold main text read as a plain-text article, every paragraph content (same cross-validation group as its page)",
            "description": (
                "Mozilla Readability's test pages (Apache-2.0; the page text belongs to its publishers), 78 English pages "
                "with block labels: a block is content when at least half its words align with the page's expected.html. "
                "Read from ../shared/data; no text is copied into this repository. Headlines are labelled boilerplate "
                "there (Readability returns them as metadata): headings are not trained on, they follow the roles."
            ),
            "path": "../shared/data/boilerplate-readability/pages.jsonl.gz",
            "sha256": file_sha256(data_path),
            "pages": len(pages),
            "prose_blocks": sum(len(p.texts) for p in pages),
            "labelled_blocks": len(labelled),
            "boilerplate_blocks": int(sum(labelled)),
        },
        "cross_validation": {
            "description": (
                f"{folds}-fold GroupKFold by page (shuffled, seed {seed}); each fold's threshold is chosen on its training "
                f"pages by a {folds - 1}-fold inner cross-validation. Text scores: word {SHINGLE_SIZE}-gram shingles of the "
                "kept text against the gold main text, precision and recall averaged over pages (scrapinghub's "
                "article-extraction-benchmark measure). Block scores: the boilerplate class over judged, labelled blocks."
            ),
            "folds": folds,
            "seed": seed,
            "comparison": comparison,
            "chosen": chosen,
            "context_pass": contexts,
            "estimate": estimates,
            "selection_rule": (
                "the context pass is used by a variant when it raises the logistic model's out-of-fold text F1 (each at its "
                "best out-of-fold threshold); classifiers compared the same way, with the context pass where it is used; "
                f"logistic unless gradient boosting has the higher text F1 in at least {BOOSTING_WIN_SHARE:.0%} of 1,000 paired "
                "bootstrap resamples of the pages"
            ),
        },
        "linear": linear,
        "top_weights": {v: _top_weights(linear[v]) for v in VARIANTS},
        "training_seconds": round(seconds, 2),
        "versions": versions(),
        "rebuild_command": RETRAIN,
    }
    card["model_file"] = {"name": output.name, "bytes": output.stat().st_size, "sha256": file_sha256(output)}
    text = json.dumps(card, indent=2, ensure_ascii=False) + "\n"
    atomic_write(card_path(output), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    atomic_write(output.with_suffix(".md"), lambda tmp: Path(tmp).write_text(card_markdown(card), encoding="utf-8"))
    log(f"wrote {output}, {card_path(output).name} and {output.with_suffix('.md').name} in {seconds:.1f} s")
    return card


def _top_weights(numbers: dict, count: int = 8) -> list[dict]:
    pairs = sorted(zip(numbers["feature_names"], numbers["coefficients"]), key=lambda p: -abs(p[1]))[:count]
    return [{"feature": n, "log_odds_per_sd": round(w, 3)} for n, w in pairs]




def card_markdown(card: dict) -> str:
    """The model card as Markdown (generated from the JSON card; do not edit by hand)."""
    cv = card["cross_validation"]
    data = card["training_data"]
    lines = [
        f"# Model card: {card['model_file']['name']}",
        "",
        f"Generated from `{Path(card['model_file']['name']).with_suffix('.json').name}` by `{RETRAIN}`; do not edit by hand.",
        "",
        f"- **Trained**: {card['created']} in {card['training_seconds']} s",
        f"- **Predicts**: {card['predicts']}",
        f"- **Pipeline**: {card['pipeline']}",
        f"- **Decision**: {card['decision']}",
        f"- **Model file**: {card['model_file']['bytes']} bytes, SHA-256 `{card['model_file']['sha256']}`. `quality check` never unpickles it: it reads the numbers in the JSON card after checking this hash.",
        "",
        "## Variants",
        "",
        *[f"- `{name}`: {text}; threshold {card['linear'][name]['threshold']:.2f}, {len(card['linear'][name]['feature_names'])} measures" for name, text in card["variants"].items()],
        "",
        "## Training data",
        "",
        data["description"],
        "",
        f"- File: `{data['path']}` (SHA-256 `{data['sha256']}`)",
        f"- Pages: {data['pages']}, prose blocks: {data['prose_blocks']}, labelled: {data['labelled_blocks']} ({data['boilerplate_blocks']} boilerplate)",
        "",
        "## Cross-validated results",
        "",
        cv["description"],
        "",
        "The chosen model, each fold judged at the threshold chosen on its training pages by the variant's rule (text: precision first; html: best text F1):",
        "",
        "| variant | text precision | text recall | text F1 | block precision | block recall | block ROC-AUC | fold thresholds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for variant, r in cv["estimate"].items():
        lines.append(
            f"| {variant} | {r['text']['precision']:.3f} | {r['text']['recall']:.3f} | {r['text']['f1']:.3f} | "
            f"{r['blocks']['precision']:.3f} | {r['blocks']['recall']:.3f} | {r['blocks']['roc_auc']:.3f} | {', '.join(f'{t:.2f}' for t in r['fold_thresholds'])} |"
        )
    lines += [
        "",
        "Classifier comparison (each at its best out-of-fold threshold):",
        "",
        "| variant | classifier | text precision | text recall | text F1 | block ROC-AUC | block log-loss | threshold |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for variant, results in cv["comparison"].items():
        for name, r in results.items():
            chosen = " (chosen)" if cv["chosen"][variant] == name else ""
            lines.append(
                f"| {variant} | {name}{chosen} | {r['text']['precision']:.3f} | {r['text']['recall']:.3f} | {r['text']['f1']:.3f} | "
                f"{r['blocks']['roc_auc']:.3f} | {r['blocks']['log_loss']:.3f} | {r['out_of_fold_best_threshold']:.2f} |"
            )
    lines += [
        "",
        "The context pass (logistic first pass, each at its best out-of-fold threshold):",
        "",
        "| variant | first pass only: text P / R / F1 | with the context pass: text P / R / F1 | context pass better in bootstrap resamples | used |",
        "|---|---|---|---|---|",
    ]
    for variant, r in cv["context_pass"].items():
        a, b = r["first_pass_only"], r["with_context_pass"]
        lines.append(
            f"| {variant} | {a['precision']:.3f} / {a['recall']:.3f} / {a['f1']:.3f} | {b['precision']:.3f} / {b['recall']:.3f} / {b['f1']:.3f} | "
            f"{r['bootstrap_win_share']:.0%} | {'yes' if r['used'] else 'no'} |"
        )
    wins = ", ".join(f"{v} {r['boosting']['bootstrap_win_share']:.0%}" for v, r in cv["comparison"].items())
    lines += [
        "",
        f"Selection: {cv['selection_rule']} (boosting won in: {wins}). Side by side with jusText and a length baseline: `python benchmarks/boilerplate.py`.",
        "",
        "## Strongest measures",
        "",
    ]
    for variant, weights in card["top_weights"].items():
        lines.append(f"- `{variant}`: " + ", ".join(f"`{w['feature']}` {w['log_odds_per_sd']:+.2f}" for w in weights))
    lines += [
        "",
        "## Versions",
        "",
        *[f"- {k}: {v}" for k, v in card["versions"].items()],
        "",
        "## Limits",
        "",
        "- 78 pages, mostly English news and blogs in the Readability test suite; a site whose article text is short lines (poems, code listings, tables) loses recall.",
        "- 'Content' is what Readability's maintainers accept as the article body: comment sections, teasers and author boxes count as boilerplate even when they are prose.",
        "- The text variant sees no markup: on whole pages the html variant is markedly better.",
        "",
    ]
    return "\n".join(lines)
