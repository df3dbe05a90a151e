"""Boilerplate rules (BP): calls to action, page chrome and widgets, link lists, keyword dumps,
and the paragraphs the learned boilerplate model calls page boilerplate."""

from __future__ import annotations

from quality.registry import Finding, Rule, Scope, Severity
from quality.rules.common import HEADING_ROLES, span_findings

NOT_HEADINGS = ("body", "list_item")
ANY_PROSE = ("headline", "subheading", "body", "list_item", "quote")


def check_promotional_call_to_action(context, params):
    """What it flags: a sentence that promotes the publishing site, a channel or a product
    instead of informing: "visit example.com", "follow us on Telegram", "don't forget to
    subscribe", "click here", "stay tuned for more".

    Why it matters: content farms append such a pitch, often with the keyphrase, to every
    rewritten article (seed 004's last paragraph). Nothing in an article needs it.

    Example: "For more updates on peace talks, visit Filipinokami.com."

    Threshold: any match of the call-to-action lexicon outside quotations, in a body paragraph or
    list item (a pitch with a domain needs a commercial top-level domain: .gov and .edu are
    public-service notices). No tunable value.

    False positives: newsletters' own sign-up lines, quoted promotions in news about marketing,
    how-to articles that say "click here" for a real download.
    """
    yield from span_findings(context, "call_to_action", NOT_HEADINGS)


def check_category_tag(context, params):
    """What it flags: a paragraph that is only a section name ("world", "Politics | Europe")
    at the very start or end of the text: a label captured from the page's navigation.

    Why it matters: a stray label is page chrome, not article text; in seed 001 the word
    "world" ends the article.

    Example: a last paragraph that reads "world".

    Threshold: the whole paragraph matches the section-name lexicon (at most four names), it has
    at most max_words = 4 words and sits among the first or last edge = 2 paragraphs
    (ARTIFACTS.md type 17: "the first or last 1-3 paragraphs"; a word match inside a sentence is
    never enough).

    False positives: one-word paragraphs in fiction ("News."), a heading that is a section
    name: headlines and subheadings are never flagged.
    """
    m = context.measurements
    n = len(m.tokens)
    for index, label in enumerate(m.section_labels):
        if not label or context.prose[index].role in HEADING_ROLES:
            continue
        if context.word_count(index) > params["max_words"]:
            continue
        if index < params["edge"] or index >= n - params["edge"]:
            where = "start" if index < params["edge"] else "end"
            yield Finding(index, {"label": context.prose[index].text.strip(), "where": where})


def check_page_metadata(context, params):
    """What it flags: bylines, datelines with timestamps, breadcrumbs and "4 min read" lines
    left in the text from the page around the article.

    Why it matters: page metadata is not article text; left in, it pollutes corpora and reads as
    a scraping error.

    Example: "By Jane Doe | Updated 14:32 GMT, 16 May 2025 | 4 min read"; "Home › News › World".

    Threshold: a match of the metadata lexicon in a paragraph of at most max_words = 25 words
    (longer paragraphs are prose that mentions the words). No other tunable value.

    False positives: a wire dateline that opens the lede ("ISTANBUL (AP) —") is not matched;
    "By" at the start of a short sentence with a capitalised word ("By Friday, talks…") needs a
    name-shaped continuation and a separator or line end.
    """
    yield from span_findings(context, "page_metadata", NOT_HEADINGS, params["max_words"])


def check_page_widget_text(context, params):
    """What it flags: interface text from widgets around the article: share bars, cookie
    banners, newsletter boxes, paywall prompts, "Advertisement" labels, JavaScript notices,
    standalone photo credits; and share bars and footers captured one item a line.

    Why it matters: extractors leave these in; they are not the article and they repeat across
    every page of a site.

    Example: "Share this article: Facebook X WhatsApp Copy link", or "Share" followed by the
    lines "Facebook", "X", "WhatsApp".

    Threshold: a match of the widget lexicon outside quotations in a paragraph of at most
    max_words = 60 words (a long paragraph about cookies or privacy is prose). Split over
    lines, every line of the run is flagged: a share head ("Share", "Share this article",
    "Follow us") followed by at least two lines of social networks or share buttons, or at
    least four footer links among which both corporate ones ("About us", "Careers") and legal
    ones ("Privacy policy", "Terms of use"). Such lines are not taken for subheadings.

    False positives: articles about privacy, cookies or newsletters (long paragraphs pass),
    quoted social posts. A list of social networks without a share head, or of legal pages
    alone, passes.
    """
    yield from span_findings(context, "widget", NOT_HEADINGS, params["max_words"])


def check_related_links(context, params):
    """What it flags: navigation captured as text: "Read more: …", "Related stories",
    "You may also like", "Next article", "Page 2 of 5".

    Why it matters: related-article teasers and pagination are page navigation, not content,
    and they often carry other articles' headlines into this one.

    Example: "Read more: Kremlin names delegation for Istanbul talks".

    Threshold: a line that starts with the related-links lexicon (or a pagination pattern) in a
    paragraph of at most max_words = 25 words.

    False positives: in-text "Read more:" cross-links in real newsrooms (boilerplate, but
    harmless); a heading such as "More from our correspondents".
    """
    yield from span_findings(context, "related_links", ANY_PROSE, params["max_words"])


def check_affiliate_block(context, params):
    """What it flags: affiliate-marketing furniture: disclosures ("As an Amazon Associate…",
    "This post contains affiliate links") and buy buttons ("Check price", "View deal").

    Why it matters: on a page that copies merchant text it is the mark of thin affiliation (a
    Google spam policy); in a corpus it is boilerplate.

    Example: "As an Amazon Associate, we earn from qualifying purchases."

    Threshold: any match of the affiliate lexicon outside quotations. No tunable value.

    False positives: honest review sites, where the disclosure is legally required (it is still
    boilerplate for a corpus); prices in economic news are not matched.
    """
    yield from span_findings(context, "affiliate", NOT_HEADINGS)


def check_keyword_list(context, params):
    """What it flags: a paragraph that is a dump of keywords rather than a sentence: a "Tags:"
    line, a string of search-query permutations, a long run of names or places with almost no
    function words.

    Why it matters: keyword dumps are Google's example of keyword stuffing ("blocks of text
    listing cities and regions") and Gyöngyi's "dumping".

    Example: "cheap flights paris, paris cheap flights, cheap paris flights, flights to paris cheap".

    Threshold: a keyword-list prefix ("Tags:", "Related searches:") with min_prefixed_items = 3
    items; or query permutations: min_permutation_items = 4 items of at most
    max_words_per_item = 4 words, at least min_overlapping_share = 0.75 of them repeating a word
    of another item; or a name dump: min_name_items = 8 capitalised items (at least
    min_title_case_share = 0.75) of at most max_words_per_item words. Both shapes also need a
    stop-word share under max_stopword_share = 0.15 (jusText calls text under 0.30 boilerplate;
    ARTIFACTS.md type 4 gives 0.15) and under max_digit_item_share = 0.5 of items with digits.

    False positives: a sentence that lists a few names or places ("The list included Alfred
    Hitchcock, Alexander McQueen, …": fewer than eight items), ingredient lists (no repeated words,
    lower case), election results and scores (digits).
    """
    m = context.measurements
    for index, shape in enumerate(m.list_shapes):
        if context.prose[index].role not in NOT_HEADINGS:
            continue
        if shape.prefix and shape.items >= params["min_prefixed_items"]:
            yield Finding(index, {"why": f"a '{shape.prefix}' line with {shape.items} items"})
            continue
        if (
            shape.words_per_item > params["max_words_per_item"]
            or shape.stopword_share >= params["max_stopword_share"]
            or shape.digit_item_share >= params["max_digit_item_share"]
        ):
            continue
        if shape.items >= params["min_permutation_items"] and shape.overlapping_item_share >= params["min_overlapping_share"]:
            why = f"{shape.items} items repeating each other's words, {shape.stopword_share:.0%} function words"
        elif shape.items >= params["min_name_items"] and shape.title_case_item_share >= params["min_title_case_share"]:
            why = f"{shape.items} names in a row, {shape.stopword_share:.0%} function words"
        else:
            continue
        yield Finding(index, {"why": why})


def check_boilerplate_paragraph(context, params):
    """What it flags: a paragraph that the learned boilerplate model (models/boilerplate-v1)
    calls page boilerplate: menus, footers, link lists, share bars, teasers, bylines, cookie
    and newsletter boxes, with its probability and what pushed it. In a whole HTML page
    (--page) it shows what an extractor would drop and why.

    Why it matters: scraped text and pages are full of navigation and interface text that no
    lexicon names ("Top Destinations", "View all trips", "Newer Older"); left in a corpus or an
    article, it is noise. The model recognises its shape (short, few function words, no
    sentence, links, runs of such blocks) where the other BP rules need known words, then
    revises each probability by the paragraph's place against the article (a context pass: a
    paragraph after the article's end and a run of clear boilerplate, such as a comment or a
    teaser, becomes more likely boilerplate, and no probability is lowered; the message then
    says "among the boilerplate around the article").

    Example: the run of lines "Home", "News", "Sport", "Weather" above an article, or
    "Copyright 2025 Harbour News. All rights reserved. Privacy | Terms" below it.

    Threshold: the paragraph's probability of boilerplate is at least min_probability; 0 (the
    default) means the model's own threshold, which its card records per variant, chosen in
    cross-validation by page on 78 labelled pages: for text, Markdown and extracted HTML (the
    text variant) precision first, the lowest at which 95% of the paragraphs it would flag are
    boilerplate, counted on the pages and on their main texts read as articles (0.96 in
    boilerplate-v1); for whole pages (the html variant) the best F1 of the kept text
    (0.65). Only body paragraphs and list items are judged; a subheading is flagged only when
    the paragraph under it is (the heading of a menu goes with the menu); headlines and
    quotations never are.

    False positives: an article made of short lines without sentences (a poem, a recipe's
    ingredient list, a table of figures), a one-line caption or credit between photos, an
    author's bio box; a clean article read as text is rarely flagged (the seeds and
    benchmarks/precision.py keep the count).
    """
    from quality.boilerplate_model import boilerplate_flags, bundled_model

    model = bundled_model()
    m = context.measurements
    if model is None or not m.block_rows:
        return
    with_markup = context.document.format == "html-page" and len(m.block_rows[0]) == len(model.html.names)
    scorer = model.scorer(with_markup)
    threshold = params["min_probability"] or scorer.threshold
    flagged = boilerplate_flags(m.boilerplate, m.roles, threshold)
    variant = "page" if with_markup else "text"
    for index, is_flagged in enumerate(flagged):
        if not is_flagged:
            continue
        if m.roles[index] == "subheading":
            below = next(j for j in range(index + 1, len(m.roles)) if m.roles[j] not in HEADING_ROLES)
            why = f"the heading of boilerplate ({context.ref(below)})"
            probability = m.boilerplate[below]
        else:
            reasons = scorer.reasons(m.block_rows[index])
            if scorer.context is not None and scorer.first_pass([m.block_rows[index]])[0] < threshold:
                # flagged by the context pass: its own shape alone would not have been
                reasons = [CONTEXT_REASON, *reasons][:2]
            why = ", ".join(reasons) or "its shape"
            probability = m.boilerplate[index]
        yield Finding(index, {"probability": probability, "variant": variant, "why": why})


# BP108's reason for a paragraph that the context pass flags but its first-pass probability would not.
CONTEXT_REASON = "among the boilerplate around the article"


RULES = (
    Rule(
        code="BP101",
        name="promotional-call-to-action",
        severity=Severity.ERROR,
        scope=Scope.PARAGRAPH,
        artifact="promotional_cta",
        message="promotional call to action ({label}): '{excerpt}'",
        check=check_promotional_call_to_action,
    ),
    Rule(
        code="BP102",
        name="category-tag",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="page_metadata_leftover",
        message="stray section label '{label}' at the {where} of the text",
        check=check_category_tag,
        params={"max_words": 4, "edge": 2},
    ),
    Rule(
        code="BP103",
        name="page-metadata",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="page_metadata_leftover",
        message="page metadata ({label}): '{excerpt}'",
        check=check_page_metadata,
        params={"max_words": 25},
    ),
    Rule(
        code="BP104",
        name="page-widget-text",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="page_widget_leftover",
        message="page widget text ({label}): '{excerpt}'",
        check=check_page_widget_text,
        params={"max_words": 60},
    ),
    Rule(
        code="BP105",
        name="related-links",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="related_links_leftover",
        message="navigation left in the text ({label}): '{excerpt}'",
        check=check_related_links,
        params={"max_words": 25},
    ),
    Rule(
        code="BP106",
        name="affiliate-block",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="affiliate_block",
        message="affiliate boilerplate ({label}): '{excerpt}'",
        check=check_affiliate_block,
    ),
    Rule(
        code="BP107",
        name="keyword-list",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="keyword_list",
        message="reads as a keyword list: {why}",
        check=check_keyword_list,
        params={
            "min_prefixed_items": 3,
            "min_permutation_items": 4,
            "min_overlapping_share": 0.75,
            "min_name_items": 8,
            "min_title_case_share": 0.75,
            "max_words_per_item": 4,
            "max_stopword_share": 0.15,
            "max_digit_item_share": 0.5,
        },
    ),
    Rule(
        code="BP108",
        name="boilerplate-paragraph",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="page_widget_leftover",
        message="boilerplate paragraph (probability {probability:.2f}, {variant} model): {why}",
        check=check_boilerplate_paragraph,
        params={"min_probability": 0.0},
    ),
)
