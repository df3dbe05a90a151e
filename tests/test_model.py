"""The article score: the transformer contract, training, saving and strict loading, the CLI.

Never trains on the shared data sets: the training data here is a few inline documents (plain
prose, and the same prose with calls to action, repeated paragraphs and a leaked brief), and
each test runs in seconds. The bundled default model is checked against the seeds.
"""

from __future__ import annotations

import gzip
import json
import os
import pickle
import subprocess
import sys
import time

import numpy as np
import pytest
from click.testing import CliRunner
from sklearn.base import clone

import features
from conftest import SEEDS
from quality.cli import cli
from quality.errors import InputError, ModelError
from quality.model import (
    DEFAULT_MODEL,
    MeasuredText,
    ModelWarning,
    card_paths,
    compiled_path,
    file_sha256,
    get_model,
    load_model,
    measure_values,
    save_model,
    score_line,
)
from quality.pipeline import TextFeatures, build_pipeline
from quality.training import choose_threshold, measure_texts, read_dataset, train

TOWNS = ("Harbour Town", "Millbrook", "Eastfield", "Northgate", "Ashford", "Kingsbury", "Westmoor", "Brightwater")
TOPICS = ("a new library", "the river path", "a school garden", "the night bus", "a solar farm", "the old mill")
SENTENCES = (
    "Residents of {town} gathered on Tuesday evening to discuss plans for {topic}.",
    "The council said the work would begin in the spring and last about six months.",
    "Several people at the meeting asked how the project would be paid for.",
    "A spokesperson said that most of the money would come from a regional grant.",
    "Local shop owners hope that the plan will bring more visitors to the area.",
    "Some neighbours worried about noise, while others welcomed the change.",
    "The mayor promised to publish the full budget before the end of the month.",
    "Volunteers have already offered to help with the first stage of the work.",
)


def prose(i: int) -> str:
    """A small plain news story (headline and five paragraphs), varied by ``i``."""
    town, topic = TOWNS[i % len(TOWNS)], TOPICS[i % len(TOPICS)]
    order = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(len(SENTENCES))]
    paragraphs = [" ".join(order[k : k + 2]).format(town=town, topic=topic) for k in range(0, 8, 2)]
    return "\n".join([f"{town} Plans {topic.title().replace('A ', '').replace('The ', '')}", *paragraphs, f"The next meeting in {town} is planned for June."])


def spam(i: int) -> str:
    """The same story made bad: a leaked brief, a repeated block and calls to action."""
    lines = prose(i).split("\n")
    town = TOWNS[i % len(TOWNS)]
    return "\n".join(
        [
            *lines[:2],
            f"Focus keyphrase: {town.lower()} news. Meta description: everything about {town.lower()} news.",
            *lines[2:],
            *lines[1:4],
            f"For more updates on {town.lower()} news, visit {town.lower().replace(' ', '')}buzz.com today.",
            "Don't forget to subscribe to our newsletter! Click here to learn more.",
        ]
    )


def tiny_records(n: int = 12) -> list[dict]:
    records = []
    for i in range(n):
        records.append({"id": f"p{i}", "text": prose(i), "label": "fine", "group": f"g{i}"})
        records.append({"id": f"s{i}", "text": spam(i), "label": "spam", "group": f"g{i}"})
    return records


def write_jsonl(path, records, gz=False):
    data = "".join(json.dumps(r) + "\n" for r in records)
    if gz:
        path.write_bytes(gzip.compress(data.encode("utf-8")))
    else:
        path.write_text(data, encoding="utf-8")
    return path


def write_csv(path, records, label_map=None):
    import csv

    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "text", "label"])
        writer.writeheader()
        for r in records:
            writer.writerow({"id": r["id"], "text": r["text"], "label": label_map[r["label"]] if label_map else r["label"]})
    return path


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A model trained on the tiny records and saved; (model path, the training result)."""
    folder = tmp_path_factory.mktemp("model")
    data = write_jsonl(folder / "tiny.jsonl", tiny_records())
    dataset = read_dataset(data, positive="spam", group_field="group")
    result = train(dataset, classifier="logistic", folds=3, seed=0)
    path = folder / "tiny.joblib"
    save_model(result.model, path)
    return path, result


# ---------------------------------------------------------------------------------------------
# The transformer contract (check_estimator skips text input, so these stand in for it)


def test_transformer_parameters_and_clone():
    transformer = TextFeatures(format="markdown")
    assert transformer.get_params() == {"format": "markdown"}
    copy = clone(transformer)
    assert copy is not transformer and copy.get_params() == {"format": "markdown"}
    assert copy.set_params(format="text") is copy and copy.format == "text"
    assert transformer.format == "markdown"  # clone did not share state
    with pytest.raises(ValueError, match="format"):
        TextFeatures(format="html").fit(["text"])


def test_transformer_names_and_columns_are_fixed():
    transformer = TextFeatures().fit([prose(0)])
    X = transformer.transform([prose(0), spam(1), ""])
    names = list(transformer.get_feature_names_out())
    assert names == list(features.NAMES)
    assert X.shape == (3, len(names)) == (3, transformer.n_features_out_)
    assert X.dtype == float and np.isfinite(X).all()
    assert X[0, names.index("word_count")] == measure_values(prose(0))["word_count"]
    assert np.isfinite(X[2]).all()  # empty text: finite values, no exception


def test_transformer_is_stateless_and_tagged_for_strings():
    tags = TextFeatures().__sklearn_tags__()
    assert tags.input_tags.string and not tags.input_tags.two_d_array and not tags.requires_fit
    unfitted = TextFeatures().transform([prose(2)])
    fitted = TextFeatures().fit([prose(5)]).transform([prose(2)])
    assert np.array_equal(unfitted, fitted)


def test_transformer_refuses_a_bare_string_and_non_text():
    with pytest.raises(ValueError, match="single string"):
        TextFeatures().transform(prose(0))
    with pytest.raises(ValueError, match="not a string"):
        TextFeatures().transform([prose(0), 3])


def test_transformer_pickles():
    transformer = TextFeatures().fit([prose(0)])
    restored = pickle.loads(pickle.dumps(transformer))
    assert np.array_equal(restored.transform([spam(3)]), transformer.transform([spam(3)]))
    assert list(restored.feature_names_out_) == list(features.NAMES)


def test_measured_text_is_not_measured_again():
    values = dict.fromkeys(features.NAMES, 0.0)
    values["word_count"] = 12345.0
    text = MeasuredText(prose(0), values)
    assert text == prose(0) and isinstance(text, str)
    row = TextFeatures().transform([text])[0]
    assert row[features.NAMES.index("word_count")] == 12345.0 and row.sum() == 12345.0
    assert pickle.loads(pickle.dumps(text)).feature_values == values
    with pytest.raises(ValueError, match="lack"):
        TextFeatures().transform([MeasuredText("x", {"word_count": 1.0})])


def test_parallel_measuring_equals_serial():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    serial = [t.feature_values for t in measure_texts(texts, jobs=1)]
    parallel = [t.feature_values for t in measure_texts(texts, jobs=2)]
    assert serial == parallel


# ---------------------------------------------------------------------------------------------
# Training


def test_tiny_training_set_trains_in_seconds_and_ranks_spam_first(trained):
    _, result = trained
    started = time.perf_counter()
    dataset = read_dataset(write_jsonl(trained[0].parent / "again.jsonl", tiny_records(8)), positive="spam")
    train(dataset, classifier="logistic", folds=3)
    assert time.perf_counter() - started < 20
    model = result.model
    assert model.score(spam(20)) > model.score(prose(20))
    assert model.assess(spam(21)).verdict == "spam" and model.assess(prose(21)).verdict == "fine"
    cv = result.report["cross_validation"]
    assert cv["grouped"] and cv["folds"] == 3 and cv["metrics"]["roc_auc"] > 0.9
    assert set(cv["metrics"]) >= {"accuracy", "precision", "recall", "f1", "roc_auc", "confusion_matrix", "threshold"}


def test_auto_compares_both_classifiers_and_records_the_choice():
    dataset = read_dataset_from(tiny_records(10), positive="spam")
    result = train(dataset, classifier="auto", folds=2)
    rows = result.report["classifier_comparison"]
    assert [r["classifier"] for r in rows] == ["logistic", "boosting"]
    assert sum(r["chosen"] for r in rows) == 1
    chosen = next(r for r in rows if r["chosen"])
    assert chosen["metrics"]["log_loss"] == min(r["metrics"]["log_loss"] for r in rows)


def read_dataset_from(records, **kwargs):
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    return read_dataset(write_jsonl(folder / "d.jsonl", records), **kwargs)


def test_ngram_pipeline_fits_and_scores():
    texts = [prose(i) for i in range(8)] + [spam(i) for i in range(8)]
    y = np.array([0] * 8 + [1] * 8)
    pipeline = build_pipeline("logistic", ngrams=True).fit(texts, y)
    p = pipeline.predict_proba([prose(30), spam(30)])[:, 1]
    assert p[1] > p[0]


def test_choose_threshold_separates_separable_scores():
    y = np.array([0, 0, 0, 1, 1, 1])
    p = np.array([0.1, 0.2, 0.3, 0.7, 0.8, 0.9])
    threshold, rule = choose_threshold(y, p)
    assert threshold == pytest.approx(0.5) and "balanced accuracy" in rule


# ---------------------------------------------------------------------------------------------
# Reading data


def test_labels_as_strings_and_as_01(tmp_path):
    records = tiny_records(3)
    strings = read_dataset(write_jsonl(tmp_path / "s.jsonl", records), positive="spam")
    assert strings.positive_label == "spam" and strings.negative_label == "fine"
    assert strings.y.tolist() == [0, 1] * 3
    numbers = read_dataset(write_csv(tmp_path / "n.csv", records, {"fine": "0", "spam": "1"}))
    assert numbers.y.tolist() == [0, 1] * 3 and numbers.positive_label == "1"
    with pytest.raises(InputError, match="--positive"):
        read_dataset(tmp_path / "s.jsonl")
    with pytest.raises(InputError, match="no record has the positive label"):
        read_dataset(tmp_path / "s.jsonl", positive="ham")


def test_csv_and_gzipped_jsonl_read_the_same(tmp_path):
    records = tiny_records(3)
    from_csv = read_dataset(write_csv(tmp_path / "d.csv", records), positive="spam")
    from_gz = read_dataset(write_jsonl(tmp_path / "d.jsonl.gz", records, gz=True), positive="spam")
    assert from_csv.texts == from_gz.texts and from_csv.y.tolist() == from_gz.y.tolist()
    assert len(from_gz.sha256) == 64


def test_bad_records_name_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine text", "label": "1"}\n{"body": "x", "label": "0"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: no field 'text'"):
        read_dataset(path)
    path.write_text('{"text": "fine text", "label": "1"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: not valid JSON"):
        read_dataset(path)


# ---------------------------------------------------------------------------------------------
# Saving and strict loading


def test_train_save_load_gives_the_same_predictions(trained):
    path, result = trained
    loaded = load_model(path)
    texts = [prose(40), spam(41), "One short line."]
    assert np.array_equal(loaded.scores(texts), result.model.scores(texts))
    assert loaded.threshold == result.model.threshold
    json_path, md_path = card_paths(path)
    card = json.loads(json_path.read_text(encoding="utf-8"))
    assert card["feature_names"] == list(features.NAMES)
    assert set(card["versions"]) >= {"python", "scikit-learn", "numpy", "joblib", "textstat"}
    assert card["training_data"]["sha256"] and card["model_file"]["sha256"] == file_sha256(path)
    assert "threshold" in card and card["classifier_comparison"]
    assert "pickle" in md_path.read_text(encoding="utf-8")


def test_scoring_from_measured_values_equals_scoring_the_text(trained):
    model = load_model(trained[0])
    text = spam(7)
    values = measure_values(text)
    assert model.score_values(values) == pytest.approx(model.score(text))
    by_text, by_values = model.assess(text), model.assess(values=values)
    assert by_text == by_values
    assert by_text.reasons and all(r.phrase and r.describe() for r in by_text.reasons)
    assert json.dumps(by_text.as_dict())
    import quality

    assert model.assess_report(quality.analyze(text)) == by_text  # what `quality check` will call


def _copy_model(trained, tmp_path, exported=False):
    """A copy of the trained model: by default without its exported copy (so that loading
    reads the pickle), with ``exported=True`` with it."""
    path = tmp_path / "copy.joblib"
    path.write_bytes(trained[0].read_bytes())
    json_path, _ = card_paths(path)
    card = json.loads(card_paths(trained[0])[0].read_text(encoding="utf-8"))
    if exported:
        record = card["compiled_file"]
        compiled_path(path).write_bytes(compiled_path(trained[0]).read_bytes())
        card["compiled_file"] = {**record, "name": compiled_path(path).name}
    else:
        del card["compiled_file"]
    json_path.write_text(json.dumps(card), encoding="utf-8")
    return path, json_path


def _edit_card(json_path, **changes):
    card = json.loads(json_path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        card[key] = value
    json_path.write_text(json.dumps(card), encoding="utf-8")
    return card


@pytest.mark.parametrize("exported", [False, True], ids=["pickle", "exported"])
def test_card_with_other_features_is_refused_with_a_retrain_hint(trained, tmp_path, exported):
    path, json_path = _copy_model(trained, tmp_path, exported)
    _edit_card(json_path, feature_names=list(features.NAMES[:-1]))
    with pytest.raises(ModelError, match=r"other features.*quality train"):
        load_model(path)
    _edit_card(json_path, feature_names=list(reversed(features.NAMES)))
    with pytest.raises(ModelError, match="another order"):
        load_model(path)


def test_the_exported_copy_scores_as_the_pipeline_does(trained, default_model):
    """The pure-Python scorer (quality.compiled) against scikit-learn's predict_proba: the
    tiny logistic model, and the bundled calibrated boosting on the seeds and generated texts."""
    path, result = trained
    texts = [prose(i) for i in range(5)] + [spam(i) for i in range(5)] + ["", "One short line."]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for model in (load_model(path), default_model):
        assert model.compiled is not None, "saved models of the core pipeline carry an exported copy"
        measured = [MeasuredText(t, measure_values(t)) for t in texts]
        expected = model.pipeline.predict_proba(measured)[:, 1]
        assert model.scores(measured) == pytest.approx(list(expected), rel=1e-12, abs=1e-12)
    assert default_model.card["pipeline"]["classifier"] == "boosting"  # the trees are exercised


def test_reasons_from_the_exported_copy_equal_the_pipelines(default_model):
    from quality.model import QualityModel

    by_pipeline = QualityModel(default_model.pipeline, default_model.card, default_model.typical_values)
    for seed in sorted(SEEDS.glob("*.txt")):
        values = measure_values(seed.read_text(encoding="utf-8"))
        fast, slow = default_model.assess(values=values), by_pipeline.assess(values=values)
        assert fast.score == pytest.approx(slow.score, abs=1e-12)
        assert [r.feature for r in fast.reasons] == [r.feature for r in slow.reasons]
        assert [r.effect for r in fast.reasons] == pytest.approx([r.effect for r in slow.reasons], abs=1e-9)


def test_a_damaged_exported_copy_is_refused(trained, tmp_path):
    path, json_path = _copy_model(trained, tmp_path, exported=True)
    exported = compiled_path(path)
    text = exported.read_text(encoding="utf-8")
    exported.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ModelError, match="truncated"):
        load_model(path)
    card = json.loads(json_path.read_text(encoding="utf-8"))
    _edit_card(json_path, compiled_file={**card["compiled_file"], "bytes": exported.stat().st_size, "sha256": file_sha256(exported)})
    with pytest.raises(ModelError, match="not a usable exported model"):
        load_model(path)
    exported.unlink()
    with pytest.raises(ModelError, match="exported copy is missing"):
        load_model(path)


def test_the_exported_copy_needs_no_matching_scikit_learn_but_the_pickle_does(trained, tmp_path):
    path, json_path = _copy_model(trained, tmp_path, exported=True)
    card = json.loads(json_path.read_text(encoding="utf-8"))
    _edit_card(json_path, versions={**card["versions"], "scikit-learn": "0.24.2"})
    model = load_model(path)  # plain numbers: any scikit-learn (or none) will do
    assert 0.0 <= model.score(spam(3)) <= 1.0
    with pytest.raises(ModelError, match=r"scikit-learn 0\.24\.2, this is scikit-learn"):
        model.pipeline  # unpickled on first use, with the pickle's checks


def test_scoring_with_the_default_model_imports_no_scikit_learn():
    code = (
        "import sys; from quality.model import load_model; "
        f"m = load_model(); a = m.assess(open({str(SEEDS / '004_6124f721d4266168.txt')!r}).read()); "
        "assert a.flagged and a.reasons, a; "
        "print(sorted(n for n in ('sklearn', 'scipy', 'numpy', 'joblib') if n in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_card_with_another_scikit_learn_release_is_refused(trained, tmp_path):
    path, json_path = _copy_model(trained, tmp_path)
    card = json.loads(json_path.read_text(encoding="utf-8"))
    _edit_card(json_path, versions={**card["versions"], "scikit-learn": "0.24.2"})
    with pytest.raises(ModelError, match=r"scikit-learn 0\.24\.2, this is scikit-learn"):
        load_model(path)


def test_a_patch_release_only_warns(trained, tmp_path):
    path, json_path = _copy_model(trained, tmp_path)
    card = json.loads(json_path.read_text(encoding="utf-8"))
    major, minor, *_ = card["versions"]["scikit-learn"].split(".")
    _edit_card(json_path, versions={**card["versions"], "scikit-learn": f"{major}.{minor}.999"})
    with pytest.warns(ModelWarning, match="999"):
        load_model(path)


def test_truncated_model_file_is_refused(trained, tmp_path):
    path, json_path = _copy_model(trained, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="truncated"):
        load_model(path)
    # Even with a card that matches the damaged file, unpickling fails cleanly.
    card = json.loads(json_path.read_text(encoding="utf-8"))
    _edit_card(json_path, model_file={**card["model_file"], "bytes": path.stat().st_size, "sha256": file_sha256(path)})
    with pytest.raises(ModelError, match="cannot be loaded"):
        load_model(path)


def test_non_model_files_are_refused(trained, tmp_path):
    import joblib

    path, json_path = _copy_model(trained, tmp_path)
    card = json.loads(json_path.read_text(encoding="utf-8"))
    joblib.dump({"hello": "world"}, path)
    _edit_card(json_path, model_file={**card["model_file"], "bytes": path.stat().st_size, "sha256": file_sha256(path)})
    with pytest.raises(ModelError, match="not a content-quality model"):
        load_model(path)
    path.write_text("just some text", encoding="utf-8")
    with pytest.raises(ModelError, match="card says"):
        load_model(path)
    json_path.unlink()
    with pytest.raises(ModelError, match="no model card"):
        load_model(path)
    with pytest.raises(ModelError, match="no such model file"):
        load_model(tmp_path / "missing.joblib")


# ---------------------------------------------------------------------------------------------
# Command line


def test_cli_train_then_evaluate(tmp_path):
    data = write_jsonl(tmp_path / "train.jsonl", tiny_records(8))
    held_out = write_csv(tmp_path / "held.csv", tiny_records(4))
    model = tmp_path / "m.joblib"
    runner = CliRunner()
    result = runner.invoke(cli, ["train", str(data), "-o", str(model), "--positive", "spam", "--group-field", "group", "--folds", "3", "--classifier", "logistic", "-q"])
    assert result.exit_code == 0, result.output
    for word in ("ROC-AUC", "precision", "recall", "F1", "confusion matrix", "decision threshold"):
        assert word in result.stdout
    assert model.is_file() and card_paths(model)[0].is_file() and card_paths(model)[1].is_file()
    result = runner.invoke(cli, ["evaluate", str(model), str(held_out), "-q"])
    assert result.exit_code == 0, result.output
    assert "accuracy" in result.stdout and "ROC-AUC" in result.stdout
    result = runner.invoke(cli, ["evaluate", str(model), str(held_out), "-q", "--format", "json"])
    assert json.loads(result.stdout)["metrics"]["documents"] == 8


def test_cli_input_errors_exit_2_and_model_errors_exit_3(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a", "label": "x"}\n{"txt": "b", "label": "y"}\n', encoding="utf-8")
    result = runner.invoke(cli, ["train", str(bad), "-o", str(tmp_path / "m.joblib"), "-q"])
    assert result.exit_code == 2 and "bad.jsonl:2" in result.output
    result = runner.invoke(cli, ["train", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "m.joblib"), "-q"])
    assert result.exit_code == 2 and "no such file" in result.output
    result = runner.invoke(cli, ["train", "-o", str(tmp_path / "m.joblib")])
    assert result.exit_code == 2
    fake = tmp_path / "fake.joblib"
    fake.write_text("not a model", encoding="utf-8")
    result = runner.invoke(cli, ["evaluate", str(fake), str(bad)])
    assert result.exit_code == 3 and "no model card" in result.output


# ---------------------------------------------------------------------------------------------
# The bundled default model and its generator


@pytest.fixture(scope="module")
def default_model():
    if not DEFAULT_MODEL.is_file():
        pytest.fail(f"{DEFAULT_MODEL} is missing; rebuild it with `quality train --default -o models/quality-v1.joblib -j 2`")
    return load_model()  # a ModelError here says the bundled model is stale and how to rebuild it


def test_default_model_card_matches_the_code(default_model):
    card = default_model.card
    assert card["feature_names"] == list(features.NAMES)
    assert card["labels"] == {"positive": "low-quality", "negative": "acceptable"}
    assert card["rebuild_command"].startswith("quality train --default")
    assert "synthetic" in json.dumps(card["training_data"])


def test_default_model_ranks_the_damaged_seeds_first(default_model):
    scores = {p.name[:3]: default_model.score(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))}
    assert min(scores["000"], scores["004"]) > max(scores["001"], scores["002"], scores["003"]), scores
    assessment = default_model.assess((SEEDS / "000_13d634e061cdaa72.txt").read_text(encoding="utf-8"))
    assert assessment.flagged and any("repeated" in r.phrase for r in assessment.reasons)
    line = score_line("seeds/000.txt", assessment)
    assert line.startswith("seeds/000.txt: score 0.") and "low-quality (threshold 0." in line
    assert get_model() is get_model()  # loaded once per process


def test_synth_is_deterministic_and_keeps_variants_in_one_group(shared_data):
    from quality import synth

    sources = synth.load_sources(shared_data)
    pool = [s.boilerplate for s in sources if s.boilerplate]
    picked = sources[:6] + [s for s in sources if s.dataset == "readability"][:6]
    first = [r for s in picked for r in synth.variants(s, 0, pool)]
    again = [r for s in picked for r in synth.variants(s, 0, pool)]
    assert synth.corpus_sha256(first) == synth.corpus_sha256(again)
    by_source = {}
    for r in first:
        by_source.setdefault(r["source_id"], set()).add(r["group"])
        assert r["label"] in (synth.POSITIVE, synth.NEGATIVE)
        assert (r["label"] == synth.POSITIVE) == (r["variant"].startswith("damaged") or r["variant"] == "page")
    assert all(len(groups) == 1 for groups in by_source.values())
    damaged = [r for r in first if r["variant"].startswith("damaged")]
    assert all(r["artifacts"] for r in damaged) and all(r["text"] for r in first)


def test_synth_refuses_to_write_into_the_repository(tmp_path):
    from quality import synth

    assert synth.main(["-o", str(synth.REPO_ROOT / "data" / "corpus.jsonl")]) == 2


def test_a_plain_install_carries_the_bundled_models(tmp_path):
    """A wheel (what `pip install ./content-quality` and pre-commit's environment get) holds
    models/ as quality/_models, and the installed code reads the models from there."""
    from conftest import ROOT

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(ROOT)],
        check=True, capture_output=True, text=True, env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    bundled = target / "quality" / "_models"
    assert {p.name for p in (ROOT / "models").iterdir() if p.is_file()} <= {p.name for p in bundled.iterdir()}
    code = "from quality.model import DEFAULT_MODEL, load_model; print(DEFAULT_MODEL.parent); load_model()"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(target)}, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(bundled.resolve())
