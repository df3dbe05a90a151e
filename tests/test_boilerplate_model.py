"""The boilerplate model (BP108): its measures, its decisions, its card, its training.

The pages and texts here were written for these tests; the training test reads a few pages of
``../shared/data/boilerplate-readability`` and skips without it."""

from __future__ import annotations

import gzip
import json
import math
import re
import shutil
import subprocess
import sys

import pytest

import features
import quality
from features import blocks
from features.text import tokenize
from quality import boilerplate_model as bm
from quality.document import Document

from conftest import ROOT, SEEDS
from examples import BP108_MENU_AND_TEASERS
from test_html import PAGE

MENU_PAGE_TEXT = BP108_MENU_AND_TEASERS  # a page's text with its menu, teasers and social links


def rows_of(text: str, format: str = "text"):
    prose = Document.from_text(text, format=format).prose
    m = features.measure_document([p.text for p in prose], [p.role for p in prose], [p.markup for p in prose] if format == "html-page" else None)
    return prose, m


def test_block_rows_have_the_named_measures():
    prose, m = rows_of(MENU_PAGE_TEXT)
    assert len(m.block_rows) == len(prose)
    assert all(len(row) == len(blocks.TEXT_NAMES) for row in m.block_rows)
    _, page = rows_of(PAGE, "html-page")
    assert all(len(row) == len(blocks.NAMES) for row in page.block_rows)
    assert all(math.isfinite(v) for row in m.block_rows + page.block_rows for v in row)


def test_a_sentence_and_a_menu_item_measure_apart():
    sentence = blocks.own_row(tokenize("The council said on Monday that the old pier would become a park."), "body", 0.5, False)
    menu = blocks.own_row(tokenize("Privacy | Terms | Contact"), "body", 0.0, False)
    names = blocks.OWN_NAMES
    assert sentence[names.index("ends_sentence")] == 1.0 and menu[names.index("ends_sentence")] == 0.0
    assert menu[names.index("separator_per_word")] > 0.5 > sentence[names.index("separator_per_word")]
    assert menu[names.index("capitals_per_word")] == 1.0


def test_empty_and_one_paragraph_documents_measure_without_error():
    m = features.measure_document([], [], None, bm.block_probabilities)
    assert m.block_rows == [] and m.values["boilerplate_word_share"] == 0.0
    one = features.measure_document(["Just one line"], ["body"], None, bm.block_probabilities)
    assert len(one.block_rows) == 1 and 0.0 <= one.boilerplate[0] <= 1.0


def test_markup_measures_read_links_tags_and_containers():
    _, m = rows_of(PAGE, "html-page")
    names = blocks.NAMES
    home = m.block_rows[0]
    assert home[names.index("link_char_share")] == 1.0
    assert home[names.index("tag_li")] == 1.0 and home[names.index("in_nav")] == 1.0 and home[names.index("chrome_class")] == 1.0


def test_decisions_follow_the_roles():
    roles = ["headline", "subheading", "body", "quote", "subheading", "body", "list_item", "subheading"]
    probabilities = [0.99, 0.99, 0.99, 0.99, 0.99, 0.10, 0.99, 0.99]
    assert bm.boilerplate_flags(probabilities, roles, 0.5) == [False, True, True, False, False, False, True, False]


def test_the_card_numbers_score_like_the_pipeline():
    """The pure-Python scorer from the card gives the scikit-learn pipeline's probabilities."""
    import joblib

    model = bm.load()
    payload = joblib.load(bm.MODEL_PATH)
    for format, variant in (("text", "text"), ("html-page", "html")):
        _, m = rows_of(PAGE if format == "html-page" else MENU_PAGE_TEXT, format)
        expected = payload["pipelines"][variant].predict_proba(m.block_rows)[:, 1]
        scorer = model.scorer(variant == "html")
        got = scorer.first_pass(m.block_rows)
        assert max(abs(a - b) for a, b in zip(expected, got)) < 1e-9
        revised = scorer.probabilities(m.block_rows)
        assert revised == (got if scorer.context is None else scorer.context.revise(got, bm.judged_rows(m.block_rows)))


def _brute_force_posterior(context, probabilities):
    """P(not article) of each block by summing over every state path (small inputs only)."""
    import itertools

    n, prior = len(probabilities), context.prior
    totals, article = 0.0, [0.0] * n
    for path in itertools.product(range(len(bm.CONTEXT_STATES)), repeat=n):
        weight = context.start[path[0]]
        for a, b in zip(path, path[1:]):
            weight *= context.moves[a][b]
        for s, p in zip(path, probabilities):
            p = min(max(p, bm.EVIDENCE_FLOOR), 1 - bm.EVIDENCE_FLOOR)
            weight *= (1 - p) / (1 - prior) if s == bm.ARTICLE else p / prior
        totals += weight
        for k, s in enumerate(path):
            if s == bm.ARTICLE:
                article[k] += weight
    return [1 - a / totals for a in article]


def _context(stay_inside=0.5):
    """A context pass with hand-set numbers: an article rarely ends and comes back."""
    before, article, inside, after = range(4)
    moves = [[0.0] * 4 for _ in range(4)]
    moves[before][before], moves[before][article] = 0.7, 0.3
    moves[article][article], moves[article][inside], moves[article][after] = 0.85, 0.1, 0.05
    moves[inside][inside], moves[inside][article], moves[inside][after] = stay_inside, 0.9 - stay_inside, 0.1
    moves[after][after] = 1.0
    return bm.ContextPass((0.5, 0.5, 0.0, 0.0), tuple(map(tuple, moves)), 0.5)


def test_the_context_pass_is_the_exact_posterior_of_its_model():
    context = _context()
    probabilities = [0.9, 0.2, 0.6, 0.1, 0.95, 0.3]
    got = context.posterior(probabilities, [True] * 6)
    assert max(abs(a - b) for a, b in zip(got, _brute_force_posterior(context, probabilities))) < 1e-12
    # unjudged blocks keep their probability and are skipped by the chain
    mixed = context.posterior([0.9, 0.42, 0.2, 0.6, 0.1, 0.95, 0.3], [True, False, True, True, True, True, True])
    assert mixed[1] == 0.42 and mixed[:1] + mixed[2:] == got
    assert context.posterior([], []) == [] and context.posterior([0.3], [False]) == [0.3]
    revised = context.revise(probabilities, [True] * 6)
    assert max(abs(r - max(p, (p + q) / 2)) for r, p, q in zip(revised, probabilities, got)) < 1e-15
    assert any(q < p for p, q in zip(probabilities, got)) and any(r > p for p, r in zip(probabilities, revised))


def test_the_context_pass_reads_where_the_article_ends():
    context = _context(stay_inside=0.3)
    article, share_bar, comment = 0.1, 0.97, 0.3
    # an article-like paragraph after the article and a run of clear boilerplate rises ...
    after = context.posterior([0.9, article, article, article, article, share_bar, share_bar, share_bar, share_bar, comment, comment], [True] * 11)
    assert after[-1] > 0.5 > comment
    # ... one amid the article stays article text
    amid = context.posterior([0.9, article, article, comment, article, article], [True] * 6)
    assert amid[3] < 0.5


def test_judged_rows_are_body_paragraphs_and_list_items():
    prose, m = rows_of("# A title\n\nA body paragraph of the article, with a sentence.\n\n- an item\n\n> A quotation of someone.", "markdown")
    assert [p.role for p in prose] == ["headline", "body", "list_item", "quote"]
    assert bm.judged_rows(m.block_rows) == [False, True, True, False]


def test_page_mode_flags_the_chrome_and_keeps_the_article():
    report = quality.analyze(PAGE, format="html-page", select=["BP108"])
    flagged = {f.paragraph for f in report.flags}
    texts = {p.index: p.text for p in report.document.paragraphs}
    assert {i for i, t in texts.items() if t in ("Home", "News", "Sport")} <= flagged
    assert any(texts[i].startswith("Copyright") for i in flagged)
    article = [i for i, t in texts.items() if t.startswith(("The new ferry terminal", "Officials said", "Two new routes"))]
    assert len(article) == 3 and not flagged & set(article)
    message = next(f.message for f in report.flags if texts[f.paragraph] == "Home")
    assert re.match(r"boilerplate paragraph \(probability [01]\.\d\d, page model\): in the navigation", message), message


def test_text_input_ranks_menus_and_teasers_above_the_article():
    """The text variant reads the short page's chrome as more likely boilerplate than its
    article, and flags none of the article. (Its precision-first threshold, 0.96, flags nothing
    on this page: "Twitter" scores 0.87, and the context pass cannot tell
    where an article of two paragraphs ends; a lower ``min_probability`` flags it.)"""
    from quality.analysis import analyze as analyze_document
    from quality.rules import RULES

    document = Document.from_text(MENU_PAGE_TEXT)
    report = quality.analyze(MENU_PAGE_TEXT, select=["BP108"])
    texts = [p.text for p in document.prose]
    article = [t.startswith(("The new ferry", "Officials said")) for t in texts]
    chrome = [t in {"Home", "News", "Sport", "Mayor opens new library wing", "Police appeal after break-in at school", "Five things to do this weekend", "Twitter"} for t in texts]
    assert sum(article) == 2 and sum(chrome) == 7
    assert not any(article[f.paragraph] for f in report.flags)
    probability = report.measurements.boilerplate
    assert min(p for p, c in zip(probability, chrome) if c) > 2 * max(p for p, a in zip(probability, article) if a)
    lenient = analyze_document(document, [r for r in RULES if r.code == "BP108"], params={"BP108": {"min_probability": 0.5}})
    flagged = {texts[f.paragraph] for f in lenient.flags}
    assert "Twitter" in flagged and not any(t.startswith(("The new ferry", "Officials said")) for t in flagged)


def test_boilerplate_share_is_an_article_feature():
    assert "boilerplate_word_share" in features.NAMES
    clean = quality.analyze_file(SEEDS / "002_8d5a9b1879ca2c6b.txt")
    noisy = quality.analyze(MENU_PAGE_TEXT)
    assert noisy.features["boilerplate_word_share"] > 3 * clean.features["boilerplate_word_share"]


def test_a_damaged_model_warns_once_and_flags_nothing(tmp_path, monkeypatch):
    for suffix in (".joblib", ".json"):
        shutil.copy(bm.MODEL_PATH.with_suffix(suffix), tmp_path / f"boilerplate-v1{suffix}")
    damaged = tmp_path / "boilerplate-v1.joblib"
    damaged.write_bytes(damaged.read_bytes() + b"x")
    monkeypatch.setattr(bm, "MODEL_PATH", damaged)
    bm.bundled_model.cache_clear()
    try:
        with pytest.warns(bm.BoilerplateModelWarning, match="SHA-256"):
            report = quality.analyze(MENU_PAGE_TEXT, select=["BP108"])
        assert report.flags == [] and report.features["boilerplate_word_share"] == 0.0
    finally:
        bm.bundled_model.cache_clear()


def test_checking_text_imports_neither_scikit_learn_nor_the_html_readers():
    code = (
        "import sys, quality\n"
        "quality.analyze(open('seeds/004_6124f721d4266168.txt').read())\n"
        "print(sorted(m for m in ('sklearn', 'scipy', 'numpy', 'trafilatura', 'lxml') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_the_precision_first_threshold_counts_what_bp108_flags_on_pages_and_articles():
    from quality.boilerplate_training import Page, choose_threshold

    def page(roles, labels):
        return Page("p", ["x"] * len(roles), {"text": roles}, {"text": []}, labels, [], "")

    menu = page(["body"] * 4, [True, True, True, False])
    menu_probabilities = [0.99, 0.97, 0.93, 0.2]
    assert choose_threshold([menu], "text", [menu_probabilities], "precision") == 0.30
    # A clean article (every block content) whose one paragraph scores 0.93: the threshold rises
    # above it, since 3 of the 4 paragraphs flagged at 0.90 would be boilerplate
    article = page(["body", "body"], [False, False])
    assert choose_threshold([menu], "text", [menu_probabilities], "precision", [(article, [0.93, 0.1])]) == 0.94
    # A subheading goes with the paragraph under it, flagged and counted with it: here half of
    # what would be flagged is content at every threshold, so none qualifies and the highest is taken
    headed = page(["subheading", "body", "body"], [False, True, False])
    assert choose_threshold([headed], "text", [[0.0, 0.99, 0.1]], "precision") == 0.98


def test_training_on_a_few_pages_writes_a_loadable_model(shared_data, tmp_path):
    from quality.boilerplate_training import train

    source = shared_data / "boilerplate-readability" / "pages.jsonl.gz"
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle][:12]
    small = tmp_path / "pages.jsonl.gz"
    with gzip.open(small, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
    card = train(small, tmp_path / "bp.joblib", folds=3, log=lambda m: None)
    assert card["training_data"]["pages"] == 12
    assert set(card["linear"]) == {"text", "html"}
    assert all(v["context"] is None or tuple(v["context"]["states"]) == bm.CONTEXT_STATES for v in card["linear"].values())
    assert (tmp_path / "bp.json").is_file() and (tmp_path / "bp.md").is_file()
    model = bm.load(tmp_path / "bp.joblib")
    _, m = rows_of(MENU_PAGE_TEXT)
    assert all(0.0 <= p <= 1.0 for p in model.probabilities(m.block_rows, False))


def test_json_output_gives_each_paragraph_its_probability(tmp_path):
    from click.testing import CliRunner

    from quality.cli import cli

    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-score", "--page", "--format", "json", str(path)])
    record = json.loads(result.stdout)["files"][0]
    assert record["format"] == "html-page"
    home = record["paragraphs"][0]
    assert home["role"] == "list_item" and home["boilerplate_probability"] > 0.9
    assert any(f["code"] == "BP108" and f["paragraph"] == 0 for f in record["flags"])
