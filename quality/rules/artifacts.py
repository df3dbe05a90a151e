"""Generation-artifact rules (AR): leaked chatbot and brief text, placeholders, markup,
mojibake, hidden characters, spun phrases, stock phrasing, word salad, off-topic spam."""

from __future__ import annotations

from features.artifacts import repair_mojibake

from quality.registry import Finding, Rule, Scope, Severity
from quality.rules.common import excerpt, sentence_around, span_findings

PROSE = ("headline", "subheading", "body", "list_item")
ANY_PROSE = (*PROSE, "quote")


def check_leaked_chatbot_text(context, params):
    """What it flags: text addressed to the person who prompted a chatbot, not to the reader:
    "As an AI language model", "Certainly! Here is a rewritten version", "As of my last
    knowledge update", refusals, "I hope this helps", "Regenerate response", tool citation
    residue such as "citeturn0news4".

    Why it matters: it proves the text was pasted from a chatbot without being read; NewsGuard
    found content-farm sites by searching for exactly these strings.

    Example: "Certainly! Here is a rewritten version of the article in a neutral news tone:"

    Threshold: any match of the lexicon in ARTIFACTS.md type 5 outside quotations and block
    quotes. No tunable value.

    False positives: articles about chatbots that quote these phrases (quotations are skipped),
    fiction with AI characters, "I hope this helps" in a genuine advice column.
    """
    yield from span_findings(context, "leaked_llm", PROSE)


def check_leaked_seo_brief(context, params):
    """What it flags: a sentence that is an SEO brief or checklist rather than article text:
    keyphrase directives ("The exact four word keyphrase, peace talks, appears early…"), brief
    fields ("Meta description:"), word-count and keyword instructions.

    Why it matters: it shows the article was written to a checklist and never edited; no reader
    should see the brief. No existing tool detects it (ARTIFACTS.md type 6). The sentence is
    flagged; the rest of the paragraph may be genuine.

    Example: seed 004, paragraph 3: "The exact four word keyphrase, peace talks, appears early in
    the discussions as the focus remains on ending the ongoing conflict."

    Threshold: any match of the brief lexicon (ARTIFACTS.md type 6) outside quotations, unless
    the text is about SEO: at least max_topic_paragraphs = 3 other paragraphs use SEO vocabulary
    (the topic gate ARTIFACTS.md recommends).

    False positives: articles, tutorials and job ads about SEO and copywriting (the topic gate),
    "word count" in publishing news when followed by a colon.
    """
    m = context.measurements
    seo_paragraphs = [i for i, n in enumerate(m.seo_vocabulary) if n]
    for index, evidence in enumerate(m.evidence):
        spans = evidence.get("seo_instruction")
        if not spans or context.prose[index].role not in PROSE:
            continue
        if sum(1 for i in seo_paragraphs if i != index) >= params["max_topic_paragraphs"]:
            continue
        first = spans[0]
        start, end = sentence_around(context, index, first.start, first.end)
        text = context.prose[index].text
        yield Finding(index, {"label": first.label, "excerpt": excerpt(text, start, end)}, start, end)


def check_template_placeholder(context, params):
    """What it flags: template slots and spinner syntax left unfilled: "{city}",
    "{{keyword}}", "%%sitename%%", "[insert link]", spintax "{best|top|finest}", "lorem ipsum",
    WordPress shortcodes, the journalists' "[TK]".

    Why it matters: an unfilled template is unfinished, mass-produced text; NewsGuard found
    content farms by their unfilled fields.

    Example: "Call {business_name} today at {phone} for a free quote in {city}."

    Threshold: any match of the lexicon in ARTIFACTS.md type 7 in prose (code blocks and inline
    code are not prose), unless the text is about templating: it uses more than
    max_topic_terms = 1 templating terms ("template", "placeholder", "mail merge", "variable"…).

    False positives: set notation or JSON in a technical article outside code markup; editorial
    brackets in quotations ("[the minister] said") are not matched; articles that explain
    templates pass through the topic gate.
    """
    if context.measurements.template_vocabulary > params["max_topic_terms"]:
        return
    yield from span_findings(context, "placeholder", ANY_PROSE)


def check_markup_residue(context, params):
    """What it flags: Markdown (headings, bold, links, table rows), HTML tags and HTML entities
    in a plain-text document, where they should have been rendered or stripped.

    Why it matters: chatbot output pasted into a CMS keeps its Markdown; a broken extractor
    keeps tags and entities. Readers see "**Zelensky** said" and "5&nbsp;percent".

    Example: "Prices rose 5&nbsp;percent &amp; wages fell."

    Threshold: any match in a plain-text document (Markdown and HTML files are parsed, not
    flagged), unless the text is about markup: it uses more than max_topic_terms = 1 markup terms
    ("HTML", "tag", "Markdown", "web page"…).

    False positives: technical articles about HTML or Markdown written as plain text (the topic
    gate); "&" inside URLs is not matched.
    """
    if context.document.format != "text" or context.measurements.markup_vocabulary > params["max_topic_terms"]:
        return
    yield from span_findings(context, "markup", ANY_PROSE)


def check_mojibake(context, params):
    """What it flags: encoding damage: UTF-8 text decoded as Windows-1252 or Latin-1
    ("Zelenskyâ€™s", "Ã©", "ErdoÄŸan") and replacement characters.

    Why it matters: readers see garbage, search engines and models see different words; it marks
    a careless pipeline. The message shows ftfy's repair.

    Example: "Zelenskyâ€™s delegation arrived in Ankara."

    Threshold: typical mis-decoded sequences outside quotations, or ftfy's badness measure
    (``ftfy.badness.is_bad``) on the paragraph. No tunable value. The message shows ftfy's repair
    when ftfy can make one (it cannot repair an isolated damaged letter).

    False positives: articles that demonstrate mojibake outside quotation marks; legitimate
    Portuguese or Turkish words in capitals ("SÃO PAULO" is not matched).
    """
    m = context.measurements
    for index, evidence in enumerate(m.evidence):
        spans = evidence.get("mojibake")
        if not spans:
            continue
        text = context.prose[index].text
        first = spans[0]
        bad = excerpt(text, max(0, first.start - 8), first.end + 8)
        fixed = excerpt(repair_mojibake(bad))
        repair = f" (ftfy repairs it as '{fixed}')" if fixed != bad else ""
        yield Finding(index, {"excerpt": bad, "repair": repair}, first.start, first.end)


def check_hidden_characters(context, params):
    """What it flags: characters a reader cannot see: zero-width spaces and joiners inside
    words, byte-order marks, bidirectional controls, and words that mix Latin with Cyrillic or
    Greek letters (homoglyphs such as a Cyrillic "а" in "Pаypal").

    Why it matters: they are used to dodge duplicate and keyword filters, to hide text from
    readers, or to watermark it; in a draft they break search and spell-checking.

    Example: "pe\\u200bace tal\\u200bks" (zero-width spaces inside words).

    Threshold: any such character or word. No tunable value.

    False positives: a zero-width joiner inside an emoji sequence (skipped), soft hyphens from CMS
    hyphenation (counted as a feature, not flagged), genuinely bilingual text (a word written
    wholly in Cyrillic is not flagged).
    """
    yield from span_findings(context, "hidden", ANY_PROSE)


def check_tortured_phrase(context, params):
    """What it flags: known spun synonyms of fixed expressions ("tortured phrases"):
    "counterfeit consciousness" for artificial intelligence, "harmony talks" for peace talks.

    Why it matters: synonym spinning disguises scraped or plagiarised text (Cabanac et al.
    2021); Google names it under scaled content abuse.

    Example: "The harmony talks in Istanbul ended without a deal."

    Threshold: any match of the lexicon of known tortured phrases, outside quotations. No
    tunable value.

    False positives: regional usage ("protection minister" exists in some countries), literary
    wording.
    """
    m = context.measurements
    for index, evidence in enumerate(m.evidence):
        spans = evidence.get("tortured")
        if not spans or context.prose[index].role not in PROSE:
            continue
        first = spans[0]
        phrase = context.prose[index].text[first.start : first.end]
        yield Finding(index, {"phrase": phrase, "original": first.label}, first.start, first.end)


def check_chatbot_stock_phrases(context, params):
    """What it flags: a document that leans on wording over-used by chatbots: "underscores the",
    "dynamics at play", "as the world watches", "only time will tell", "fraught with challenges",
    "a testament to".

    Why it matters: these phrases are the texture of unedited model output (Wikipedia's "Signs of
    AI writing"); many of them in one article make it generic. A weak signal, reported as
    information, never as a paragraph flag.

    Example: seed 002: "This sentiment underscores the complicated dynamics at play" and "As the
    world watches, … the path to peace seems fraught with challenges".

    Threshold: at least min_distinct = 3 different phrases and min_per_1k_words = 5 uses per
    1,000 words, outside quotations (ARTIFACTS.md type 13: "a weak document-level feature").

    False positives: wire copy and press releases ("underscores", "pivotal") and non-native
    writers use several of these; that is why the severity is info.
    """
    m = context.measurements
    found = [(i, s) for i, e in enumerate(m.evidence) for s in e.get("stock_phrase", [])]
    distinct = list(dict.fromkeys(s.label for _, s in found))
    per_1k = m.values["stock_phrase_per_1k_words"]
    if len(distinct) >= params["min_distinct"] and per_1k >= params["min_per_1k_words"]:
        shown = ", ".join(f"'{p}'" for p in distinct[:4]) + (", …" if len(distinct) > 4 else "")
        yield Finding(
            None,
            {"count": len(found), "per_1k": per_1k, "phrases": shown},
            related=tuple(dict.fromkeys(i for i, _ in found)),
        )


def check_word_salad(context, params):
    """What it flags: a paragraph whose sentences are not English syntax: sentences that end on
    an article or a conjunction, articles followed by a preposition ("the of"), or long runs of
    content words with almost no function words.

    Why it matters: Markov and template generators, and badly broken machine translation,
    produce text that contains search keywords but makes no sense (Google's scaled content
    abuse).

    Example: "Talks the Istanbul minister frankly delegation would Monday of peace the."

    Threshold: min_anomalous = 2 anomalous sentences, or more than min_share = 0.5 of the
    paragraph's sentences (of four words or more); body paragraphs only. One odd sentence next to
    a normal one (a typo such as "the the", a literary ending) is not enough.

    False positives: headlines and lists (never judged: body paragraphs only), poetry, dialect in
    quotations. Subtle salad that is grammatical passes: this needs no language model and catches
    only blatant cases.
    """
    m = context.measurements
    for index, signals in enumerate(m.salad):
        if not signals.anomalous:
            continue
        if signals.anomalous >= params["min_anomalous"] or signals.anomalous / signals.sentences > params["min_share"]:
            first = signals.spans[0]
            yield Finding(
                index,
                {"anomalous": signals.anomalous, "sentences": signals.sentences, "reason": first.label},
                first.start,
                first.end,
            )


def check_off_topic_spam(context, params):
    """What it flags: a paragraph with spam-vertical terms (online casinos, betting, payday
    loans, pharmacy without prescription, bought followers) that shares little vocabulary with
    the rest of the document: spam woven into an unrelated article.

    Why it matters: injected paragraphs are hacked content or comment spam (Google's spam
    policies; Gyöngyi's "weaving").

    Example: in a peace-talks article, "Looking for the best online casino bonuses? Instant
    withdrawals at spinwinz.bet."

    Threshold: a spam term in one body paragraph only (when more paragraphs use spam terms, the
    text is about them), whose share of content words found in other paragraphs is under
    max_topic_overlap = 0.25, in a coherent document: at least min_paragraphs = 3 paragraphs, and
    the other body paragraphs share at least min_document_overlap = 0.15 of their words with the
    rest (median; a digest of unrelated items shares almost nothing).

    False positives: an article about gambling or pharmacies (several paragraphs use the terms),
    a digest of unrelated news items (no paragraph shares much with the others: the document is
    not coherent enough to single one out).
    """
    m = context.measurements
    if len(m.tokens) < params["min_paragraphs"]:
        return
    spam_paragraphs = [i for i, e in enumerate(m.evidence) if e.get("spam")]
    if len(spam_paragraphs) != 1:
        return
    (index,) = spam_paragraphs
    if context.prose[index].role != "body":
        return
    others = sorted(o for i, o in enumerate(m.topic_overlaps) if i != index and m.roles[i] == "body")
    if not others or others[len(others) // 2] < params["min_document_overlap"]:
        return
    overlap = m.topic_overlaps[index]
    if overlap < params["max_topic_overlap"]:
        spans = m.evidence[index]["spam"]
        terms = ", ".join(dict.fromkeys(f"'{s.label}'" for s in spans))
        yield Finding(index, {"terms": terms, "overlap": overlap}, spans[0].start, spans[0].end)


RULES = (
    Rule(
        code="AR101",
        name="leaked-chatbot-text",
        severity=Severity.ERROR,
        scope=Scope.PARAGRAPH,
        artifact="leaked_llm_phrase",
        message="leaked chatbot text ({label}): '{excerpt}'",
        check=check_leaked_chatbot_text,
    ),
    Rule(
        code="AR102",
        name="leaked-seo-brief",
        severity=Severity.ERROR,
        scope=Scope.PARAGRAPH,
        artifact="leaked_seo_instruction",
        message="leaked SEO brief ({label}): '{excerpt}'",
        check=check_leaked_seo_brief,
        params={"max_topic_paragraphs": 3},
    ),
    Rule(
        code="AR103",
        name="template-placeholder",
        severity=Severity.ERROR,
        scope=Scope.PARAGRAPH,
        artifact="template_placeholder",
        message="unfilled template ({label}): '{excerpt}'",
        check=check_template_placeholder,
        params={"max_topic_terms": 1},
    ),
    Rule(
        code="AR104",
        name="markup-residue",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="markup_residue",
        message="markup left in plain text ({label}): '{excerpt}'",
        check=check_markup_residue,
        params={"max_topic_terms": 1},
    ),
    Rule(
        code="AR105",
        name="mojibake",
        severity=Severity.ERROR,
        scope=Scope.PARAGRAPH,
        artifact="mojibake",
        message="encoding damage: '{excerpt}'{repair}",
        check=check_mojibake,
    ),
    Rule(
        code="AR106",
        name="hidden-characters",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="hidden_text",
        message="{count} hidden character(s) or homoglyph word(s): {label}",
        check=check_hidden_characters,
    ),
    Rule(
        code="AR107",
        name="tortured-phrase",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="tortured_phrase",
        message="'{phrase}' looks like a spun '{original}'",
        check=check_tortured_phrase,
    ),
    Rule(
        code="AR108",
        name="chatbot-stock-phrases",
        severity=Severity.INFO,
        scope=Scope.DOCUMENT,
        artifact="llm_stock_phrase",
        message="{count} stock chatbot phrases ({per_1k:.1f} per 1,000 words): {phrases}",
        check=check_chatbot_stock_phrases,
        params={"min_distinct": 3, "min_per_1k_words": 5.0},
    ),
    Rule(
        code="AR109",
        name="word-salad",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="word_salad",
        message="reads as word salad: {anomalous} of {sentences} sentences are not English syntax ({reason})",
        check=check_word_salad,
        params={"min_anomalous": 2, "min_share": 0.5},
    ),
    Rule(
        code="AR110",
        name="off-topic-spam",
        severity=Severity.WARNING,
        scope=Scope.PARAGRAPH,
        artifact="off_topic_injection",
        message="spam terms ({terms}) in a paragraph that shares {overlap:.0%} of its words with the rest of the text",
        check=check_off_topic_spam,
        params={"max_topic_overlap": 0.25, "min_paragraphs": 3, "min_document_overlap": 0.15},
    ),
)
