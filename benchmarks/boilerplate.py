"""The boilerplate model (BP108) next to jusText, a length baseline and trafilatura, in one run.

What it measures, on the 78 labelled pages of ``../shared/data/boilerplate-readability``, with
page-grouped cross-validation (5 folds by page; every threshold is chosen on the training
pages of its fold, never on the pages it is scored on):

1. **Blocks.** Each page cut into its blocks as ``quality check --page`` reads it (the data
   set's own blocks). Every system keeps some blocks; the kept text is scored against the gold
   main text over word 4-gram shingles, precision and recall averaged over pages
   (scrapinghub's article-extraction-benchmark measure; ``quality.boilerplate_training``):
   - ours, text only: the ``text`` variant (no markup, roles inferred from the text), as it
     ships (with its context pass when the bundled card has one), at the threshold with the
     best F1 (the classifier's comparison with the peers), the same without the context pass
     (the first pass alone), and at the precision-first threshold that BP108 ships for text
     input;
   - ours, with markup: the ``html`` variant (link density, tags, containers, class names), at
     the best-F1 threshold it ships for whole pages;
   - jusText's paragraph classifier (``classify_paragraphs`` + ``revise_paragraph_classification``,
     default settings, English stop-list) on the same blocks, text only (no link density, a
     heading when the text reader calls it one) and with the page's link density and tags;
   - jusText on the raw HTML (its own segmentation);
   - a length-only baseline: blocks shorter than N characters are dropped, N tuned for F1 on
     the training pages of each fold;
   - keeping every block (the ceiling of recall);
   - the oracle: exactly the blocks the data set labels content (the ceiling of any block
     classifier under this measure), and the oracle under BP108's decisions (the labels of
     body paragraphs and list items; headings and quotations decided by the roles as BP108
     decides them: the ceiling of a classifier of the judged blocks).
2. **HTML mode.** The article as ``quality check page.html`` reads it (trafilatura's extraction,
   plus the page title as headline), against the same article without the paragraphs BP108
   flags (the fold's text model, trained on the other pages), and trafilatura's own text
   output (``trafilatura.extract``).
3. **Cost** of the new measures and the model on text input: the full analysis of the seeds
   and of OneStopEnglish texts with and without the boilerplate model, per document, in the
   same run (the machine is shared: compare the two lines, not absolute numbers).

Run from the repository root (needs the ``bench`` extra for jusText)::

    python benchmarks/boilerplate.py
    python benchmarks/boilerplate.py --json boilerplate.json
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

from quality import boilerplate_training as bt
from quality.boilerplate_model import DEFAULT_DATA

ROOT = Path(__file__).resolve().parents[1]
LENGTHS = (0, 10, 20, 30, 40, 50, 60, 70, 80, 100, 120, 150, 200, 250, 300)


def scores_of(pages, flags_by_page) -> dict:
    return bt.text_scores([bt.shingle_match(p.gold_shingles, bt.kept_tokens(p, f)) for p, f in zip(pages, flags_by_page)])


def shipped_context() -> dict[str, bool]:
    """Whether each variant of the bundled model revises its probabilities by the context pass
    (the benchmark cross-validates the model as it ships)."""
    from quality.boilerplate_model import load

    return {variant: numbers.get("context") is not None for variant, numbers in load().card["linear"].items()}


def shipped_threshold() -> float:
    """The text variant's threshold in the bundled model's card."""
    from quality.boilerplate_model import read_card

    return read_card()["linear"]["text"]["threshold"]


def oracle_flags(page, variant: str) -> list[bool]:
    """BP108's decisions (:func:`quality.boilerplate_model.boilerplate_flags`) when every judged
    block's probability is its gold label (1 boilerplate, 0 content; unlabelled blocks 1)."""
    from quality.boilerplate_model import boilerplate_flags

    return boilerplate_flags([0.0 if label is False else 1.0 for label in page.labels], page.roles[variant], 0.5)


def justext_blocks(pages, with_markup: bool) -> list[list[bool]]:
    """jusText's two passes over our blocks: with the page's link density and tags, or text only."""
    import justext
    from justext.core import classify_paragraphs, revise_paragraph_classification
    from justext.paragraph import Paragraph

    class Path_:  # what jusText's Paragraph reads from its path: the DOM path and an XPath
        def __init__(self, dom: str) -> None:
            self.dom, self.xpath = dom, "/" + dom.replace(".", "/")

    stoplist = justext.get_stoplist("English")
    flags = []
    for page in pages:
        paragraphs = []
        for i, text in enumerate(page.texts):
            markup = page.markup[i]
            if with_markup:
                dom = f"html.body.{markup.tag}"
            else:
                dom = "html.body.h2" if page.roles["text"][i] in ("headline", "subheading") else "html.body.p"
            paragraph = Paragraph(Path_(dom))
            paragraph.append_text(text)
            paragraph.chars_count_in_links = markup.link_chars if with_markup else 0
            paragraphs.append(paragraph)
        classify_paragraphs(paragraphs, stoplist)
        revise_paragraph_classification(paragraphs)
        flags.append([p.is_boilerplate for p in paragraphs])
    return flags


def justext_raw(pages) -> dict:
    import justext

    stoplist = justext.get_stoplist("English")
    matches = []
    for page in pages:
        kept = [p.text for p in justext.justext(page.html.encode("utf-8"), stoplist, encoding="utf-8") if not p.is_boilerplate]
        matches.append(bt.shingle_match(page.gold_shingles, "\n".join(kept)))
    return bt.text_scores(matches)


def length_baseline(pages, splits) -> tuple[dict, list[int]]:
    flags: list[list[bool]] = [[] for _ in pages]
    chosen = []
    for train, test in splits:
        def f1(n):
            return scores_of([pages[i] for i in train], [[len(t) < n for t in pages[i].texts] for i in train])["f1"]

        best = max(LENGTHS, key=lambda n: (round(f1(n), 4), -n))
        chosen.append(best)
        for i in test:
            flags[i] = [len(t) < best for t in pages[i].texts]
    return scores_of(pages, flags), chosen


def decisions(pages, probabilities, articles, thresholds=(0.90, 0.92, 0.94, 0.96, 0.98)) -> dict:
    """BP108's decisions on the text variant's out-of-fold probabilities at a few thresholds:
    the labelled page blocks it flags (subheadings with the paragraph under them), their
    precision, the share of the pages' boilerplate blocks it finds, and the paragraphs it flags
    in the clean main texts read as articles (every one a false alarm)."""
    boilerplate = sum(label is True for page in pages for label in page.labels)
    out = {}
    for t in thresholds:
        flagged, right = bt.decided_counts(zip(pages, probabilities), "text", t)
        false_alarms, _ = bt.decided_counts(articles, "text", t)
        out[t] = {"flagged": flagged, "precision": right / flagged if flagged else 1.0, "recall": right / boilerplate, "article_false_alarms": false_alarms,
                  "article_paragraphs": sum(len(a.labels) for a, _ in articles)}
    return out


def html_mode(pages, splits, thresholds) -> dict:
    """trafilatura's output, as quality reads it, without and with the paragraphs BP108 flags
    (each page judged by the text model of the fold that did not train on it, at the fold's
    precision-first threshold, as BP108 judges an extracted article)."""
    import trafilatura

    from features import measure_document
    from quality.boilerplate_model import boilerplate_flags, judged_rows
    from quality.document import Document
    from quality.errors import InputError

    plain, ours, flagged_ours, counts = [], [], [], {"pages": 0, "paragraphs": 0, "flagged": 0, "no_article": 0}
    uses_context = shipped_context()["text"]
    for (train, test), threshold in zip(splits, thresholds):
        model = bt.fit([pages[i] for i in train], "text", "logistic")
        context = bt.fit_context([pages[i] for i in train], "text") if uses_context else None
        for i in test:
            page = pages[i]
            plain.append(bt.shingle_match(page.gold_shingles, trafilatura.extract(page.html) or ""))
            try:
                document = Document.from_text(page.html, page.id, format="html")
            except InputError:
                counts["no_article"] += 1
                ours.append(bt.shingle_match(page.gold_shingles, ""))
                flagged_ours.append(ours[-1])
                continue
            prose = document.prose
            rows = measure_document([p.text for p in prose], [p.role for p in prose]).block_rows
            probabilities = model.predict_proba(np.asarray(rows, dtype=float))[:, 1].tolist() if rows else []
            if context is not None:
                probabilities = context.revise(probabilities, judged_rows(rows))
            flags = dict(zip((p.index for p in prose), boilerplate_flags(list(probabilities), [p.role for p in prose], threshold)))
            texts = [p.text for p in document.paragraphs]
            kept = [p.text for p in document.paragraphs if not flags.get(p.index, False)]
            ours.append(bt.shingle_match(page.gold_shingles, "\n".join(texts)))
            flagged_ours.append(bt.shingle_match(page.gold_shingles, "\n".join(kept)))
            counts["pages"] += 1
            counts["paragraphs"] += len(texts)
            counts["flagged"] += sum(flags.values())
    return {
        "trafilatura.extract": bt.text_scores(plain),
        "quality's HTML reading (trafilatura + title)": bt.text_scores(ours),
        "quality's HTML reading + BP108 flags removed": bt.text_scores(flagged_ours),
        "counts": counts,
    }


def cost(repeat: int = 5) -> dict:
    """Per-document time, on text input, of the full measurement with the boilerplate model,
    and of the two parts this issue added to it: the block rows (features.blocks, from the
    tokens and shapes already measured) and the model's scoring of them."""
    import gzip

    from features import BOILERPLATE_KINDS, blocks, measure_document
    from quality.boilerplate_model import block_probabilities, bundled_model
    from quality.document import Document

    bundled_model()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    ose = ROOT.parent / "shared" / "data" / "readability-onestopenglish" / "onestopenglish.jsonl.gz"
    if ose.is_file():
        with gzip.open(ose, "rt", encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle][:200]
    documents = [Document.from_text(t) for t in texts]
    prose = [([p.text for p in d.prose], [p.role for p in d.prose]) for d in documents]
    measured = [measure_document(p, r, None, block_probabilities) for p, r in prose]

    def best_of(work) -> float:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - start)
        return 1000 * best / len(prose)

    def full() -> None:
        for paragraphs, roles in prose:
            measure_document(paragraphs, roles, None, block_probabilities)

    def rows() -> None:
        for m in measured:
            own = [
                blocks.own_row(t, r, s.stopword_share, any(k in e for k in BOILERPLATE_KINDS))
                for t, r, s, e in zip(m.tokens, m.roles, m.list_shapes, m.evidence)
            ]
            blocks.block_rows(own, m.tokens)

    def scoring() -> None:
        for m in measured:
            block_probabilities(m.block_rows, False)

    return {
        "documents": len(prose),
        "mean_characters": round(sum(map(len, texts)) / len(texts)),
        "mean_paragraphs": round(sum(len(p) for p, _ in prose) / len(prose), 1),
        "measure_ms": round(best_of(full), 3),
        "block_rows_ms": round(best_of(rows), 4),
        "scoring_ms": round(best_of(scoring), 4),
    }


def page_speed(pages) -> dict:
    """Seconds per page, over the 78 pages, of reading and judging a page: jusText on the raw
    HTML, trafilatura's extraction, and ours (the whole page read as blocks, measured and judged
    by BP108; the extracted article read and judged the same way)."""
    import justext
    import trafilatura

    from quality.analysis import analyze
    from quality.document import Document
    from quality.rules import RULES

    bp108 = [r for r in RULES if r.code == "BP108"]
    stoplist = justext.get_stoplist("English")

    def timed(work) -> float:
        start = time.perf_counter()
        for page in pages:
            work(page)
        return (time.perf_counter() - start) / len(pages)

    found = {
        "jusText on the raw HTML": timed(lambda p: justext.justext(p.html.encode("utf-8"), stoplist, encoding="utf-8")),
        "trafilatura.extract": timed(lambda p: trafilatura.extract(p.html)),
        "ours, whole page (--page: blocks + BP108)": timed(lambda p: analyze(Document.from_text(p.html, p.id, "html-page"), bp108)),
        "ours, article (trafilatura + BP108)": timed(lambda p: analyze(Document.from_text(p.html, p.id, "html"), bp108)),
    }
    return {k: round(v, 4) for k, v in found.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="pages.jsonl.gz of boilerplate-readability")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"{args.data}: missing (the shared data sets belong beside the checkout)", file=sys.stderr)
        return 2
    try:
        import justext  # noqa: F401
    except ImportError:
        print('jusText is missing: pip install -e ".[bench]"', file=sys.stderr)
        return 2
    from importlib import metadata

    started = time.perf_counter()
    print(f"python {platform.python_version()}; trafilatura {metadata.version('trafilatura')}; jusText {metadata.version('jusText')}; scikit-learn {metadata.version('scikit-learn')}")
    records = bt.read_pages(args.data)
    pages = [bt.measure_page(r) for r in records]
    from quality.document import Document

    for page in pages:  # the markup of each prose block, for jusText with link density
        page.markup = [p.markup for p in Document.from_text(page.html, page.id, format="html-page").prose]
    print(f"{len(pages)} pages, {sum(len(p.texts) for p in pages)} prose blocks; 5-fold cross-validation by page")
    splits = bt.page_folds(pages)
    results: dict = {}
    context = shipped_context()
    nested = {
        "text": bt.cross_validate(pages, "text", "logistic", nested=True, rule="f1", context=context["text"]),
        "text-first-pass": bt.cross_validate(pages, "text", "logistic", nested=True, rule="f1", context=False),
        "text-shipped": bt.cross_validate(pages, "text", "logistic", nested=True, rule=bt.THRESHOLD_RULES["text"], context=context["text"]),
        "html": bt.cross_validate(pages, "html", "logistic", nested=True, rule=bt.THRESHOLD_RULES["html"], context=context["html"]),
    }
    results["ours, text only (BP108 text variant)"] = nested["text"]["text"]
    if context["text"]:
        results["ours, text only, first pass only (no context pass)"] = nested["text-first-pass"]["text"]
    results["ours, text only, BP108's precision-first threshold"] = nested["text-shipped"]["text"]
    results["ours, with markup (BP108 html variant, --page)"] = nested["html"]["text"]
    results["jusText classifier, same blocks, text only"] = scores_of(pages, justext_blocks(pages, False))
    results["jusText classifier, same blocks, with link density and tags"] = scores_of(pages, justext_blocks(pages, True))
    results["jusText on the raw HTML"] = justext_raw(pages)
    results["length only (tuned on training folds)"], lengths = length_baseline(pages, splits)
    results["keep every block"] = scores_of(pages, [[False] * len(p.texts) for p in pages])
    results["oracle: the blocks labelled content"] = scores_of(pages, [[label is not False for label in p.labels] for p in pages])
    results["oracle under BP108's decisions (text roles)"] = scores_of(pages, [oracle_flags(p, "text") for p in pages])
    width = max(map(len, results))
    print(f"\n{'system':{width}s}  precision  recall  F1")
    for name, r in results.items():
        print(f"{name:{width}s}  {r['precision']:.3f}      {r['recall']:.3f}   {r['f1']:.3f}")
    print(
        f"(context pass: text {context['text']}, html {context['html']}; "
        f"thresholds chosen per fold: text {nested['text']['fold_thresholds']}, text precision-first "
        f"{nested['text-shipped']['fold_thresholds']}, html {nested['html']['fold_thresholds']}; length {lengths} characters)"
    )
    ours = results["ours, text only (BP108 text variant)"]["f1"]
    for peer in ("jusText classifier, same blocks, text only", "length only (tuned on training folds)"):
        gain = ours - results[peer]["f1"]
        print(f"text only vs {peer}: {gain:+.3f} F1 (target +0.08: {'met' if gain >= 0.08 else 'NOT met'})")
    target = max(results[p]["f1"] for p in ("jusText classifier, same blocks, text only", "length only (tuned on training folds)")) + 0.08
    oracle, oracle_roles = results["oracle: the blocks labelled content"]["f1"], results["oracle under BP108's decisions (text roles)"]["f1"]
    print(f"the target: text-only F1 >= {target:.3f}; the oracle's ceiling {oracle:.3f} ({oracle_roles:.3f} under BP108's decisions)")

    decided = decisions(pages, nested["text"]["_probabilities"], nested["text"]["_articles"])
    shipped = shipped_threshold()
    print(f"\nBP108's decisions, text variant, out of fold (the shipped threshold: {shipped})")
    print("threshold  page blocks flagged  precision  boilerplate found  false alarms in the clean main texts")
    for t, d in decided.items():
        print(f"{t:9.2f}  {d['flagged']:19,d}  {d['precision']:9.3f}  {d['recall']:17.3f}  {d['article_false_alarms']:,} of {d['article_paragraphs']:,} paragraphs")

    html = html_mode(pages, splits, nested["text-shipped"]["fold_thresholds"])
    print("\nHTML mode (the article trafilatura extracts)")
    for name, r in html.items():
        if name != "counts":
            print(f"{name:{width}s}  {r['precision']:.3f}      {r['recall']:.3f}   {r['f1']:.3f}")
    c = html["counts"]
    print(f"({c['pages']} pages read, {c['no_article']} without article text; BP108 flagged {c['flagged']} of {c['paragraphs']} paragraphs)")

    spent = cost()
    added = spent["block_rows_ms"] + spent["scoring_ms"]
    print(
        f"\ncost on text input ({spent['documents']} documents, {spent['mean_characters']} characters and {spent['mean_paragraphs']} paragraphs "
        f"on average): the whole measurement {spent['measure_ms']:.3f} ms/document, of which the block rows {spent['block_rows_ms']:.4f} ms "
        f"and the model's scoring {spent['scoring_ms']:.4f} ms ({added:.4f} ms added, {added / spent['measure_ms']:.1%})"
    )
    speed = page_speed(pages)
    base = speed["jusText on the raw HTML"]
    print("\nseconds per page (78 pages, one pass each; the ratio is to jusText on the raw HTML)")
    for name, seconds in speed.items():
        print(f"{name:{width}s}  {seconds:.4f} s  x{seconds / base:.2f}")
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    if args.json:
        numbers = {"blocks": results, "decisions": decided, "html_mode": html, "cost": spent, "seconds_per_page": speed, "thresholds": {k: v["fold_thresholds"] for k, v in nested.items()}, "lengths": lengths}
        args.json.write_text(json.dumps(numbers, indent=2, default=lambda o: o.item() if hasattr(o, "item") else str(o)) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
