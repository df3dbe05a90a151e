"""The learned readability score (quality.readability_model) and its measures (features.difficulty).

The bundled model is checked against its card; the score is checked for what a writer relies
on (no length effect, easy below hard, paragraphs on the same scale). Training is exercised on a
small subset of OneStopEnglish written to a temporary file (never on the full data here).
"""

from __future__ import annotations

import gzip
import json
import math
import shutil
import warnings

import numpy as np
import pytest

import quality
from features import difficulty
from features.text import tokenize
from quality import readability_model as rm
from quality import readability_training as rt
from quality.errors import ModelError
from quality.files import file_sha256

# Written for these tests.
ARTICLE = """\
Rail Line Reopens After Storm Repairs
The coastal rail line reopened on Friday, three weeks after a storm washed away part of the track near the harbour.
Engineers worked day and night to rebuild the sea wall, which had protected the line for more than a century. They used about 2,000 tonnes of rock and concrete.
"We knew how much people depend on this line," said the project manager. "Getting it open before the school holidays was our priority."
Commuters had faced long bus journeys while the line was closed, and several shops near the station said they had lost customers.
The rail company said it would study whether the wall needs to be raised to cope with stronger storms in future.
"""
EASY = """\
The cat sat on the mat. It was a sunny day. The children played in the garden.
Their mother made lunch. They ate bread and jam. Then they went to the park.
"""
HARD = """\
Notwithstanding considerable methodological heterogeneity, the meta-analysis substantiates the hypothesis that socioeconomic stratification, mediated by differential access to institutional resources, constitutes a principal determinant of longitudinal educational attainment.
Consequently, policy interventions predicated exclusively on individual-level behavioural modification are unlikely to ameliorate entrenched disparities, particularly where intergenerational transmission mechanisms operate independently of contemporaneous fiscal redistribution.
"""


def grade(text: str) -> float:
    return rm.grade_text(text)


# ---------------------------------------------------------------------------------------------
# The score


def test_text_written_twice_scores_the_same():
    once = grade(ARTICLE)
    body = ARTICLE.split("\n", 1)[1]
    twice_as_paragraphs = grade(ARTICLE + body)
    twice_in_one_paragraph = grade(" ".join(body.split("\n")) + " " + " ".join(body.split("\n")))
    once_in_one_paragraph = grade(" ".join(body.split("\n")))
    assert twice_as_paragraphs == pytest.approx(once, abs=0.05)
    assert twice_in_one_paragraph == pytest.approx(once_in_one_paragraph, abs=0.05)


def test_measures_do_not_grow_with_length():
    tokens = [tokenize(p) for p in ARTICLE.splitlines()[1:]]
    once = difficulty.measure(tokens)
    twice = difficulty.measure(tokens + tokens)
    assert once == pytest.approx(twice, abs=1e-9)
    assert not [n for n in difficulty.NAMES if "count" in n or n in ("word_count", "sentence_count", "paragraph_count")]


def test_easy_text_scores_low_and_hard_text_scores_high():
    easy, hard, article = grade(EASY), grade(HARD), grade(ARTICLE)
    assert easy < 5 < article < 16 < hard, (easy, article, hard)
    assert hard - easy > 10


def test_empty_or_wordless_text_has_no_grade():
    assert math.isnan(grade(""))
    assert math.isnan(grade("!!! ..."))
    assert difficulty.measure([tokenize("")]) == dict.fromkeys(difficulty.NAMES, 0.0)


def _fields(p: difficulty.Profile) -> dict:
    found = {name: getattr(p, name) for name in difficulty.Profile.__slots__[1:]}
    found.update({f"counts.{name}": getattr(p.counts, name) for name in p.counts.__slots__})
    return found


def test_the_rest_of_a_document_equals_the_other_paragraphs_combined():
    # A paragraph without words and one of a single word are among the parts.
    texts = ARTICLE.splitlines() + ["", "!!!", "Word.", HARD.splitlines()[0]]
    profiles = [difficulty.profile(tokenize(t)) for t in texts]
    combination = difficulty.Combination(profiles)
    assert _fields(combination.total) == _fields(difficulty.combine(profiles))
    for k in range(len(profiles)):
        rest = combination.without(k)
        assert _fields(rest) == _fields(difficulty.combine(p for j, p in enumerate(profiles) if j != k)), k  # exactly


def test_paragraph_grades_and_rest():
    tokens, roles = rm.document_tokens(ARTICLE)
    grades = rm.paragraph_grades(tokens, roles)
    assert roles[0] == "headline" and 0 not in grades.paragraphs  # headings are not graded
    assert sorted(grades.paragraphs) == [i for i, r in enumerate(roles) if r in rm.READ_ROLES]
    assert grades.document == pytest.approx(grade(ARTICLE))
    rest, words = grades.rest(1)
    assert words == sum(len(tokens[i].words) for i in grades.paragraphs if i != 1)
    assert not math.isnan(rest)


# ---------------------------------------------------------------------------------------------
# The bundled model and its card


@pytest.fixture(scope="module")
def card():
    return json.loads(rm.card_path(rm.MODEL_PATH).read_text(encoding="utf-8"))


def test_bundled_model_loads_and_matches_its_card(card):
    model = rm.load_model()
    scorer = rm.load_scorer()
    assert tuple(card["feature_names"]) == difficulty.NAMES
    assert card["model_file"]["sha256"] == file_sha256(rm.MODEL_PATH)
    assert card["versions"]["scikit-learn"].split(".")[:2] == rm.versions()["scikit-learn"].split(".")[:2]
    assert card["length_is_a_feature"] is False
    # the probe text grades as when the model was saved, with the pipeline and with the card's numbers
    assert model.grade_text(rm.PROBE_TEXT) == pytest.approx(card["probe"]["grade"], abs=1e-4)
    assert scorer.grade_text(rm.PROBE_TEXT) == pytest.approx(card["probe"]["grade"], abs=1e-4)
    for text in (ARTICLE, EASY, HARD):
        vector = difficulty.vector(rm.text_profile(text))
        assert scorer.grade(vector) == pytest.approx(float(model.grades([vector])[0]), abs=1e-9)


def test_card_reports_the_targets(card):
    cv = card["cross_validation"]
    ours, formula = cv["metrics"], cv["flesch_kincaid_same_paragraphs"]
    assert cv["folds"] == rm.FOLDS and cv["seed"] == rm.SEED
    assert card["training_data"]["texts"] == 567 and card["training_data"]["articles"] == 189
    assert ours["spearman_level"] >= 0.75
    assert ours["pairwise_accuracy"] >= formula["pairwise_accuracy"]
    assert ours["paragraph_level"]["spearman_level"] > formula["paragraph_level"]["spearman_level"]
    markdown = rm.MODEL_PATH.with_suffix(".md").read_text(encoding="utf-8")
    assert f"{ours['spearman_level']:.3f}" in markdown and card["model_file"]["sha256"] in markdown


def test_damaged_model_is_refused(tmp_path, monkeypatch):
    for name in (rm.MODEL_PATH.name, rm.card_path(rm.MODEL_PATH).name):
        shutil.copy(rm.MODELS_DIR / name, tmp_path / name)
    copy = tmp_path / rm.MODEL_PATH.name
    copy.write_bytes(copy.read_bytes() + b"\0")
    monkeypatch.setattr(rm, "MODEL_PATH", copy)
    with pytest.raises(ModelError, match="SHA-256"):
        rm.load_scorer()
    with pytest.raises(ModelError, match="SHA-256"):
        rm.load_model()


def test_missing_model_falls_back_to_flesch_kincaid(tmp_path, monkeypatch):
    monkeypatch.setattr(rm, "MODEL_PATH", tmp_path / "readability-v1.joblib")
    rm.bundled_scorer.cache_clear()
    try:
        with pytest.warns(rm.ReadabilityModelWarning, match="Flesch-Kincaid"):
            tokens, roles = rm.document_tokens(ARTICLE)
            grades = rm.paragraph_grades(tokens, roles)
        assert grades.scale == rm.FALLBACK_SCALE
        expected = difficulty.values(rm.text_profile(ARTICLE))["flesch_kincaid_grade"]
        assert grades.document == pytest.approx(expected)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", rm.ReadabilityModelWarning)
            report = quality.analyze(ARTICLE, select=["RD101"])
        assert report.flags == []
    finally:
        rm.bundled_scorer.cache_clear()


def test_model_is_loaded_once_per_process():
    rm.bundled_scorer.cache_clear()
    first = rm.bundled_scorer()
    assert rm.bundled_scorer() is first is not None


# ---------------------------------------------------------------------------------------------
# Training (a small subset of OneStopEnglish; the bundled model is trained on all of it)


@pytest.fixture(scope="module")
def small_data(tmp_path_factory, shared_data):
    source = shared_data / "readability-onestopenglish" / "onestopenglish.jsonl.gz"
    if not source.is_file():
        pytest.skip(f"{source} is missing")
    records = rt.read_onestopenglish(source)
    topics = sorted({r["topic_id"] for r in records})[:15]
    path = tmp_path_factory.mktemp("ose") / "small.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            if record["topic_id"] in topics:
                handle.write(json.dumps(record) + "\n")
    return path


def test_training_writes_a_model_and_card_deterministically(small_data, tmp_path):
    first = rt.train(small_data, tmp_path / "a" / "m.joblib", folds=3, log=lambda _: None)
    second = rt.train(small_data, tmp_path / "b" / "m.joblib", folds=3, log=lambda _: None)
    assert first["model_file"]["sha256"] == second["model_file"]["sha256"]
    assert first["cross_validation"]["metrics"] == second["cross_validation"]["metrics"]
    assert (tmp_path / "a" / "m.json").is_file() and (tmp_path / "a" / "m.md").is_file()
    assert first["training_data"]["texts"] == 45 and first["cross_validation"]["folds"] == 3
    assert first["cross_validation"]["metrics"]["pairwise_accuracy"] > 0.8


def test_folds_keep_the_versions_of_an_article_together(small_data):
    from sklearn.model_selection import GroupKFold

    data = rt.measure_records(rt.read_onestopenglish(small_data), small_data)
    for train, test in GroupKFold(n_splits=3, shuffle=True, random_state=rm.SEED).split(data.X, data.levels, data.groups):
        assert not set(data.groups[train]) & set(data.groups[test])
    pairs = rt.level_pairs(data.levels, data.groups)
    assert len(pairs) == 45 and all(data.groups[i] == data.groups[j] for i, j in pairs)


def test_pairwise_accuracy_counts_ties_as_wrong():
    levels = np.array([0, 1, 2, 0, 1, 2], dtype=float)
    groups = np.array(["a", "a", "a", "b", "b", "b"])
    accuracy, wrong, pairs = rt.pairwise_accuracy(np.array([1, 2, 3, 1, 1, 3], dtype=float), levels, groups)
    assert (pairs, wrong) == (6, 1) and accuracy == pytest.approx(5 / 6)


# ---------------------------------------------------------------------------------------------
# Sentence beginnings (RD104's measure)


def test_sentence_beginnings_follow_yoast():
    tokens = tokenize('The council met. The mayor spoke. "We will win," she said. Two men left.')
    found = difficulty.sentence_beginnings(tokens)
    assert [b.words for b in found] == ["the council", "the mayor", "we", "two men"]
    assert [b.quoted for b in found] == [False, False, True, False]
    runs = difficulty.repeated_beginnings(difficulty.sentence_beginnings(tokenize("He ran. He fell. He won. She wept.")))
    assert [[b.words for b in run] for run in runs] == [["he", "he", "he"]]
