"""Repetition rules (RP): repeated paragraphs and headlines, repetitive documents."""

from __future__ import annotations

from quality.registry import Finding, Rule, Scope, Severity
from quality.rules.common import HEADING_ROLES


def check_duplicate_paragraph(context, params):
    """What it flags: a paragraph that repeats an earlier paragraph of the same document,
    verbatim (after normalising case, quotes and spacing) or nearly (word 5-gram shingle
    similarity). The second and later copies are flagged, and a run of copies is named as a
    repeated block.

    Why it matters: a template or a scraper that emits a block twice, or padding, makes the text
    longer without saying more; readers notice at once and search engines treat it as
    low-value. Seed 000 repeats six paragraphs verbatim.

    Example: paragraphs 12-17 of seed 000 repeat paragraphs 6-11 word for word.

    Threshold: paragraphs of at least min_words = 8 words (shorter repeats such as "Background"
    subheadings or "Q:" lines are normal; ARTIFACTS.md type 1); near repeats from
    min_similarity = 0.8 (Jaccard of word 5-gram shingles, ARTIFACTS.md type 1).

    False positives: refrains in lyrics, a legally required disclaimer printed twice, a live blog
    that reposts an update. Repetition across documents (syndicated quotes) is never counted.
    """
    m = context.measurements
    flagged = []
    for index, repeat in enumerate(m.repeats):
        if repeat is None or context.prose[index].role in HEADING_ROLES:
            continue
        if context.word_count(index) < params["min_words"]:
            continue
        if repeat.verbatim or repeat.similarity >= params["min_similarity"]:
            flagged.append((index, repeat))
    # Runs of consecutive copies of consecutive originals form a repeated block.
    runs: list[list[tuple[int, object]]] = []
    for item in flagged:
        if runs and item[0] == runs[-1][-1][0] + 1 and item[1].original == runs[-1][-1][1].original + 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        block = ""
        if len(run) > 1:
            first, last = context.prose[run[0][0]].index + 1, context.prose[run[-1][0]].index + 1
            block = f"; part of a block of {len(run)} repeated paragraphs ({first}-{last})"
        for index, repeat in run:
            how = "verbatim" if repeat.verbatim else f"nearly (shingle similarity {repeat.similarity:.2f})"
            yield Finding(index, {"original": context.ref(repeat.original), "how": how, "block": block}, related=(repeat.original,))


def check_repeated_headline(context, params):
    """What it flags: a heading that repeats the headline, equal after normalisation or equal
    but for a site name after a separator ("Best Laptops of 2025 | GadgetHub").

    Why it matters: a template that prints both the page title and the H1, or a scraper that
    captures both, leaves the title twice at the top of the text (seed 000, paragraphs 2-3).

    Example: "Ukraine Sends Delegation for Peace Talks…" on two lines in a row.

    Threshold: any repeat of the headline (exact match after normalisation; no tunable value).

    False positives: a song or book title repeated on purpose as a heading. The headline echoed
    in a related-stories list is a related-links problem (BP105), not this one.
    """
    m = context.measurements
    for index, original in enumerate(m.repeated_headings):
        if original is not None and context.prose[original].role == "headline":
            yield Finding(index, {"original": context.ref(original)}, related=(original,))


def check_repetitive_document(context, params):
    """What it flags: a document whose repeated text exceeds one of the limits of Gopher's
    repetition filter: the share of paragraphs (and of characters) in verbatim repeats, the
    share of characters covered by the most frequent 2-, 3- or 4-word phrase, or the share of
    characters in repeated 5- to 10-word sequences.

    Why it matters: these are the limits under which DeepMind's Gopher pipeline (and datatrove,
    NeMo Curator) drop a web document as repetitive; the paragraph flags say where, this says
    how much.

    Example: seed 000: 7 of 17 paragraphs (41%) and 42% of the characters repeat earlier text.

    Threshold: Gopher, table A1 (Rae et al. 2021, arXiv 2112.11446): max_duplicate_paragraph_share
    0.30, max_duplicate_paragraph_char_share 0.20, max_top_ngram_char_share 0.20/0.18/0.16 for
    2/3/4-grams, max_duplicate_ngram_char_share 0.15 down to 0.10 for 5- to 10-grams; documents
    of min_words = 50 words or more (Gopher's minimum document length).

    False positives: song lyrics, poems with refrains, FAQ pages that repeat a question stem.
    """
    m = context.measurements
    values = m.values
    if values["word_count"] < params["min_words"]:
        return
    reasons = []
    if values["duplicate_paragraph_share"] > params["max_duplicate_paragraph_share"]:
        reasons.append(
            f"{values['duplicate_paragraph_share']:.0%} of paragraphs repeat earlier ones "
            f"(limit {params['max_duplicate_paragraph_share']:.0%})"
        )
    if values["duplicate_paragraph_char_share"] > params["max_duplicate_paragraph_char_share"]:
        reasons.append(
            f"{values['duplicate_paragraph_char_share']:.0%} of characters are in repeated paragraphs "
            f"(limit {params['max_duplicate_paragraph_char_share']:.0%})"
        )
    for n, limit in params["max_top_ngram_char_share"].items():
        share = values[f"top_{n}gram_char_share"]
        if share > limit:
            reasons.append(f"the most frequent {n}-word phrase covers {share:.0%} of characters (limit {limit:.0%})")
    for n, limit in params["max_duplicate_ngram_char_share"].items():
        share = values[f"duplicate_{n}gram_char_share"]
        if share > limit:
            reasons.append(f"{share:.0%} of characters are in repeated {n}-word sequences (limit {limit:.0%})")
            break  # the shortest n that exceeds its limit says enough
    if reasons:
        related = tuple(i for i, r in enumerate(m.repeats) if r is not None and r.verbatim)
        yield Finding(None, {"reasons": "; ".join(reasons)}, related=related)


RULES = (
    Rule(
        code="RP101",
        name="duplicate-paragraph",
        severity=Severity.ERROR,
        scope=Scope.PARAGRAPH,
        artifact="duplicate_paragraph",
        message="repeats {original} {how}{block}",
        check=check_duplicate_paragraph,
        params={"min_words": 8, "min_similarity": 0.8},
    ),
    Rule(
        code="RP102",
        name="repeated-headline",
        severity=Severity.ERROR,
        scope=Scope.PARAGRAPH,
        artifact="duplicate_headline",
        message="repeats the headline, {original}",
        check=check_repeated_headline,
    ),
    Rule(
        code="RP103",
        name="repetitive-document",
        severity=Severity.WARNING,
        scope=Scope.DOCUMENT,
        artifact="duplicate_paragraph",
        message="repetitive document: {reasons}",
        check=check_repetitive_document,
        params={
            "min_words": 50,
            "max_duplicate_paragraph_share": 0.30,
            "max_duplicate_paragraph_char_share": 0.20,
            "max_top_ngram_char_share": {2: 0.20, 3: 0.18, 4: 0.16},
            "max_duplicate_ngram_char_share": {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10},
        },
    ),
)
