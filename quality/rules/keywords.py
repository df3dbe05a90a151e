"""Keyword rules (KW): keyphrase stuffing, keyphrase density, a phrase hammered in a paragraph."""

from __future__ import annotations

from features import keywords
from features.text import tokenize

from quality.registry import Finding, Rule, Scope, Severity
from quality.rules.common import join_words


def check_keyphrase_stuffing(context, params):
    """What it flags: a document that places one exact phrase in the slots of an SEO checklist
    (the title, the first paragraph, a subheading, the closing line) and repeats it across many
    paragraphs, where a writer would switch to a pronoun or the bare noun. The phrase is inferred:
    the most repeated content phrase of two or three words that is also in the headline.

    Why it matters: keyword stuffing is a Google spam policy; a brief that says "use the
    keyphrase in the title, the introduction, a subheading and the conclusion" leaves exactly
    this pattern. Density alone misses it (seed 004: 1.4%, inside Yoast's green band).

    Example: seed 004: 'peace talks' appears 9 times in 9 of 17 paragraphs and sits in the title,
    the first paragraph, a subheading and the closing line.

    Threshold: all of min_count = 5 uses, min_paragraph_share = 0.3 of the paragraphs,
    min_slots = 3 of the 4 checklist slots, and min_exact_share = 0.4 (the phrase makes up at
    least 40% of the uses of its last word). Calibrated on the seeds (SEEDS.md): 004 has 9, 0.53,
    4 and 0.56; the clean seeds have 1 use, 0.07-0.17 and 0.14-0.25. Verbatim repeated paragraphs
    and quotations are not counted. A phrase written capitalised in at least max_name_share = 0.5
    of its uses in body paragraphs is a name ("Raspberry Pi", "Xbox One"), not a keyphrase.

    False positives: a name or topic that legitimately recurs ("Zelensky", "ceasefire") rarely
    fills the slots and the exact-share condition, and product names in reviews are written
    capitalised; a short brief whose headline noun recurs in every paragraph can fill them, so
    the rule needs five uses.
    """
    m = context.measurements
    top = m.top_phrase
    if top is None:
        return
    values = m.values
    if (
        top.count >= params["min_count"]
        and values["top_phrase_paragraph_share"] >= params["min_paragraph_share"]
        and len(top.slots) >= params["min_slots"]
        and top.exact_share >= params["min_exact_share"]
        and values["top_phrase_name_share"] < params["max_name_share"]
    ):
        yield Finding(
            None,
            {
                "phrase": top.phrase,
                "count": top.count,
                "paragraphs": len(top.paragraphs),
                "total": top.counted_paragraphs,
                "slots": join_words(list(top.slots)),
                "exact": top.exact_share,
                "head": top.phrase.rsplit(" ", 1)[-1],
            },
            related=top.paragraphs,
        )


def check_keyphrase_density(context, params):
    """What it flags: a document where the keyphrase the writer named (``--keyphrase``) is used
    more often than Yoast SEO recommends.

    Why it matters: over-using the focus keyphrase reads as stuffing to readers and to search
    engines; Yoast turns the check red above its maximum.

    Example: "best running shoes" 14 times in a 400-word article (3.5%, 6.6% after Yoast's
    length factor).

    Threshold: Yoast's keyphrase-density assessment (LINTING.md 2.1): a sentence matches when it
    holds every content word of the keyphrase; density = matches / words x 100, multiplied by
    0.7 + L/3 for a keyphrase of L content words; flagged above max_density = 3.0 (Yoast's free
    version). Applies to texts of min_words = 100 words or more, as in Yoast.

    False positives: glossaries and product pages where the keyphrase is the product name.
    """
    if not context.keyphrase:
        return
    use, kept = _keyphrase_use(context)
    if use.words < params["min_words"] or use.adjusted_density <= params["max_density"]:
        return
    yield Finding(
        None,
        {
            "keyphrase": use.keyphrase,
            "matches": use.matches,
            "words": use.words,
            "density": use.density,
            "adjusted": use.adjusted_density,
            "max": params["max_density"],
        },
        related=tuple(kept[i] for i in use.paragraphs),
    )


def check_repeated_phrase(context, params):
    """What it flags: a paragraph that hammers one phrase of two or three words.

    Why it matters: "Our Denver plumber team is the Denver plumber Denver homeowners trust" is
    written for a search engine, not for a reader (Google's keyword-stuffing example).

    Example: "Looking for a Denver plumber? Our Denver plumber team is the Denver plumber Denver
    homeowners trust for fast repairs."

    Threshold: min_count = 3 uses of the phrase covering min_share = 0.25 of the paragraph's
    words, in body paragraphs of min_words = 12 words or more (below that, shares are noise).

    False positives: a glossary entry defining a term, a legal clause repeating a defined term.
    Quotations are not counted.
    """
    m = context.measurements
    for index, (phrase, count, share) in enumerate(m.paragraph_phrases):
        if count >= params["min_count"] and share >= params["min_share"] and context.word_count(index) >= params["min_words"]:
            yield Finding(index, {"phrase": phrase, "count": count, "words": context.word_count(index), "share": share})


def _keyphrase_use(context) -> tuple[keywords.KeyphraseUse, list[int]]:
    """Yoast's measures for the keyphrase over the paragraphs that are not block quotes, and
    the indices of those paragraphs (the measures' paragraph indices point into this list)."""
    m = context.measurements
    kept = [i for i, r in enumerate(m.roles) if r != "quote"]
    use = keywords.keyphrase_use([m.tokens[i] for i in kept], [m.roles[i] for i in kept], context.keyphrase)
    return use, kept


def check_keyphrase_not_in_title(context, params):
    """What it flags: a focus keyphrase (``--keyphrase``, or ``keyphrase:`` in the front matter)
    that does not appear in the title: the front matter's ``title:``, else the headline.

    Why it matters: readers and search engines look for the topic in the title first; Yoast
    turns its "keyphrase in SEO title" check red when words of the keyphrase are missing.

    Example: keyphrase "running shoes" with the title "Our Spring Buying Guide".

    Threshold: Yoast (LINTING.md 2.1): every content word of the keyphrase in the title, in any
    order. Only with a keyphrase and a title. No tunable value.

    False positives: titles that use a synonym of the keyphrase on purpose.
    """
    if not context.keyphrase:
        return
    title = context.document.front_matter.get("title")
    if isinstance(title, str) and title.strip():
        present = keywords.keyphrase_use([tokenize(title)], ["headline"], context.keyphrase).in_title
        where = "the front matter's title"
    elif "headline" in context.measurements.roles:
        present = _keyphrase_use(context)[0].in_title
        where = "the headline"
    else:
        return
    if not present:
        yield Finding(None, {"keyphrase": context.keyphrase, "where": where})


def check_keyphrase_not_in_introduction(context, params):
    """What it flags: a focus keyphrase that does not appear in the first body paragraph.

    Why it matters: Yoast's "keyphrase in introduction" check: the first paragraph should say
    what the text is about.

    Example: keyphrase "peace talks" and a first paragraph about the weather in Istanbul.

    Threshold: Yoast (LINTING.md 2.1): every content word of the keyphrase in one sentence of
    the first paragraph. Only with a keyphrase. No tunable value.

    False positives: texts that open with an anecdote on purpose.
    """
    if not context.keyphrase:
        return
    roles = context.measurements.roles
    first = next((i for i, r in enumerate(roles) if r == "body"), None)
    if first is None:
        return
    if not _keyphrase_use(context)[0].in_first_paragraph:
        yield Finding(first, {"keyphrase": context.keyphrase})


def check_keyphrase_in_most_subheadings(context, params):
    """What it flags: a focus keyphrase repeated in more subheadings than Yoast allows.

    Why it matters: a keyphrase in nearly every subheading is stuffing: Yoast turns its
    subheading check red above 75%.

    Example: "Best Running Shoes for Beginners", "Best Running Shoes for Trails", "Best Running
    Shoes Under $100" as all three subheadings, keyphrase "running shoes".

    Threshold: more than max_subheading_share = 0.75 of at least min_subheadings = 2 subheadings
    reflect the keyphrase (at least half its content words; Yoast, LINTING.md 2.1).

    False positives: a short FAQ whose questions all name the product.
    """
    if not context.keyphrase:
        return
    use, _ = _keyphrase_use(context)
    if use.subheadings < params["min_subheadings"]:
        return
    share = use.subheadings_with_keyphrase / use.subheadings
    if share > params["max_subheading_share"]:
        related = tuple(i for i, r in enumerate(context.measurements.roles) if r == "subheading")
        yield Finding(
            None,
            {"keyphrase": context.keyphrase, "hits": use.subheadings_with_keyphrase, "total": use.subheadings, "share": share},
            related=related,
        )


RULES = (
    Rule(
        code="KW101",
        name="keyphrase-stuffing",
        severity=Severity.WARNING,
        scope=Scope.DOCUMENT,
        artifact="keyphrase_stuffing",
        message=(
            "keyphrase stuffing: '{phrase}' appears {count} times in {paragraphs} of {total} paragraphs "
            "and sits in {slots} ({exact:.0%} of all uses of '{head}')"
        ),
        check=check_keyphrase_stuffing,
        params={
            "min_count": 5,
            "min_paragraph_share": 0.3,
            "min_slots": 3,
            "min_exact_share": 0.4,
            "max_name_share": 0.5,
        },
    ),
    Rule(
        code="KW102",
        name="keyphrase-density",
        severity=Severity.WARNING,
        scope=Scope.DOCUMENT,
        artifact="keyphrase_stuffing",
        message=(
            "keyphrase '{keyphrase}' matches {matches} times in {words} words: density {density:.1f}%, "
            "{adjusted:.1f}% with Yoast's length factor (maximum {max:.1f}%)"
        ),
        check=check_keyphrase_density,
        params={"max_density": 3.0, "min_words": 100},
    ),
    Rule(
        code="KW103",
        name="repeated-phrase",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="keyphrase_stuffing",
        message="'{phrase}' {count} times in {words} words ({share:.0%} of the paragraph)",
        check=check_repeated_phrase,
        params={"min_count": 3, "min_share": 0.25, "min_words": 12},
    ),
    Rule(
        code="KW104",
        name="keyphrase-not-in-title",
        severity=Severity.INFO,
        scope=Scope.DOCUMENT,
        artifact="keyphrase_stuffing",
        message="keyphrase '{keyphrase}' is not in {where}",
        check=check_keyphrase_not_in_title,
    ),
    Rule(
        code="KW105",
        name="keyphrase-not-in-introduction",
        severity=Severity.INFO,
        scope=Scope.PARAGRAPH,
        artifact="keyphrase_stuffing",
        message="keyphrase '{keyphrase}' is not in the first paragraph",
        check=check_keyphrase_not_in_introduction,
    ),
    Rule(
        code="KW106",
        name="keyphrase-in-most-subheadings",
        severity=Severity.WARNING,
        scope=Scope.DOCUMENT,
        artifact="keyphrase_stuffing",
        message="keyphrase '{keyphrase}' is in {hits} of {total} subheadings ({share:.0%}; Yoast's maximum is 75%)",
        check=check_keyphrase_in_most_subheadings,
        params={"max_subheading_share": 0.75, "min_subheadings": 2},
    ),
)
