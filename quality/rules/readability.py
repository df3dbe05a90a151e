"""Readability rules (RD): Yoast-style advice for writers, information only.

These are style advice, not artifacts: professionally edited news breaks Yoast's long-sentence
limit more often than not (OneStopEnglish's advanced texts: half their sentences are over 20
words). So every RD rule reports at the "info" severity, which never fails a run by default, and
each needs enough text before it speaks. Thresholds are Yoast SEO's (``../shared/LINTING.md``
2.1) where Yoast has one; the hard-paragraph rule is calibrated on OneStopEnglish.

Only body paragraphs are judged (headings are labels, list items are parallel on purpose,
quotations are somebody else's words); the article's grade reads body text, list items and
quotations (``quality.readability_model.READ_ROLES``).
"""

from __future__ import annotations

import math

from features import difficulty

from quality.registry import Finding, Rule, Scope, Severity
from quality.rules.common import excerpt

BODY = "body"
# ARTIFACTS.md has no readability type; "structure_anomaly" (how the text is put together) is
# the nearest, and the one a lost paragraph break (RD103) belongs to.
ARTIFACT = "structure_anomaly"
# Yoast's bands, quoted in the messages (LINTING.md 2.1).
YOAST_LONG_SENTENCE_ORANGE = 0.25
YOAST_PARAGRAPH_ORANGE_WORDS = 150
YOAST_PARAGRAPH_RED_WORDS = 200


def _body(context) -> list[int]:
    return [i for i, p in enumerate(context.prose) if p.role == BODY]


def check_hard_paragraph(context, params):
    """What it flags: a body paragraph that reads much harder than the rest of the text: its
    grade (the learned readability score, a US school grade) is far above the grade of all the
    other paragraphs together.

    Why it matters: readers judge a text by its hardest passage; one dense paragraph in a plain
    article is where they stop. The message gives both grades, so the writer sees how far off
    the paragraph is.

    Example: a plain story at grade 8 with one paragraph of stacked clauses and rare words
    ("Notwithstanding considerable methodological heterogeneity, the meta-analysis
    substantiates…") at grade 20.

    Threshold: the paragraph's grade is at least min_grade_gap = 6 grades above the rest's and
    at least min_grade = 12 (the end of US high school), for a paragraph of at least min_words =
    40 words and min_sentences = 2 sentences (a single long sentence is the long-sentence
    rule's business), against a rest of at least min_rest_words = 150 words. Grades come from
    the bundled model ``models/readability-v1`` (equated to the Flesch-Kincaid scale); when it
    cannot be loaded, from the Flesch-Kincaid formula on the same measures, and the message says
    which. On the 567 edited OneStopEnglish texts, 0.8% of the paragraphs judged are 6 or more
    grades above their rest (the 99th percentile is 5.8): 35 flags in 33 texts (5.8%); none on
    the seeds.

    False positives: a quoted legal or technical passage, a paragraph of names and titles,
    lists written as one paragraph. Paragraph grades rest on few sentences: they are less
    certain than the article's.
    """
    from quality.readability_model import paragraph_grades

    tokens = context.measurements.tokens
    judged = [
        i for i in _body(context)
        if len(tokens[i].words) >= params["min_words"] and len(tokens[i].sentences) >= params["min_sentences"]
    ]
    if not judged:
        return
    grades = paragraph_grades(tokens, context.measurements.roles, judged)
    for i in judged:
        grade = grades.paragraphs[i]
        if math.isnan(grade) or grade < params["min_grade"]:
            continue
        rest, rest_words = grades.rest(i)  # only for the few paragraphs that are hard themselves
        if rest_words >= params["min_rest_words"] and grade - rest >= params["min_grade_gap"]:
            yield Finding(i, {"grade": grade, "rest": rest, "scale": grades.scale, "words": grades.words[i]})


def check_long_sentences(context, params):
    """What it flags: a text in which too many sentences are long (Yoast's sentence-length
    check).

    Why it matters: a long sentence asks the reader to hold more in mind before it resolves;
    when many sentences are long the whole text tires. Yoast's readability analysis turns this
    check orange above 25% and red above 30% of sentences over 20 words.

    Example: an article of 40 sentences of which 15 (38%) are over 20 words.

    Threshold: more than max_long_sentence_share = 0.30 (Yoast's red) of the sentences of the
    body paragraphs have more than max_sentence_words = 20 words (Yoast's English limit), in a
    text of at least min_sentences = 10 such sentences: one long sentence in a long article is
    a small share and is not flagged, and a three-sentence note is not judged.

    False positives: news, legal and academic prose, whose conventions favour long sentences:
    it fires on 76% of the OneStopEnglish texts (47% of the elementary ones) and on all five
    seeds. Raise max_long_sentence_share for news (0.5 fires on 28% of OneStopEnglish) or
    ignore RD102. Lists run together into one sentence.
    """
    lengths: list[int] = []
    holders: list[int] = []
    for i in _body(context):
        counts = [n for n in context.measurements.tokens[i].sentence_word_counts() if n]
        lengths.extend(counts)
        if any(n > params["max_sentence_words"] for n in counts):
            holders.append(i)
    if len(lengths) < params["min_sentences"]:
        return
    long = sum(1 for n in lengths if n > params["max_sentence_words"])
    share = long / len(lengths)
    if share > params["max_long_sentence_share"]:
        yield Finding(
            None,
            {"share": share, "long": long, "sentences": len(lengths), "words": params["max_sentence_words"], "orange": YOAST_LONG_SENTENCE_ORANGE},
            related=tuple(holders),
        )


def check_long_paragraph(context, params):
    """What it flags: a body paragraph that is too long to read comfortably (Yoast's
    paragraph-length check).

    Why it matters: a wall of text hides its structure; on a screen, readers skip it. Yoast's
    readability analysis turns this check orange above 150 words and red above 200. A very
    long paragraph can also be two or more paragraphs whose breaks were lost in extraction.

    Example: a 230-word paragraph that covers the background, a quotation and the outlook.

    Threshold: more than max_words = 150 words (Yoast's orange; the message says when it is
    also above Yoast's red, 200). Body paragraphs only.

    False positives: legal text, long quotations set as body text, transcripts; texts whose
    paragraph breaks were single line breaks inside a hard-wrapped block (they are joined).
    On OneStopEnglish: 27 paragraphs in 22 of 567 texts (3.9%), 3 of them over 200 words.
    """
    for i in _body(context):
        words = len(context.measurements.tokens[i].words)
        if words > params["max_words"]:
            band = "red" if words > YOAST_PARAGRAPH_RED_WORDS else "orange"
            yield Finding(i, {"words": words, "band": band, "orange": YOAST_PARAGRAPH_ORANGE_WORDS, "red": YOAST_PARAGRAPH_RED_WORDS})


def check_repeated_sentence_start(context, params):
    """What it flags: consecutive sentences that start with the same word (Yoast's
    "consecutive sentences" check), across the body paragraphs.

    Why it matters: "We will… We will… We will…" by accident reads as monotonous; readers notice
    the pattern before the content. Yoast's readability analysis turns this check red.

    Example: "The council approved the plan. The council also voted… The council will meet…".

    Threshold: at least min_run = 3 sentences in a row with the same beginning, counted like
    Yoast: the first word, or the first two when the first is an article, a demonstrative or a
    number from one to ten ("the council", not "the"; ``features.difficulty``). Runs go across
    consecutive body paragraphs; a heading, a list item, a block quotation or a sentence that
    starts inside quotation marks ends a run (a quoted speaker's words are not the writer's).

    False positives: deliberate anaphora in speeches and opinion pieces ("We shall fight…"),
    first-person narratives ("I… I… I…"), step-by-step instructions written as prose, lists
    written as sentences. On OneStopEnglish: 55 runs in 50 of 567 texts (8.8%; the
    intermediate files lost their quotation marks, so quoted runs count there).
    """
    tokens = context.measurements.tokens
    sequence: list[difficulty.Beginning] = []
    runs: list[list[difficulty.Beginning]] = []
    for i, paragraph in enumerate(context.prose):
        if paragraph.role != BODY:
            runs.extend(difficulty.repeated_beginnings(sequence))
            sequence = []
            continue
        for beginning in difficulty.sentence_beginnings(tokens[i], i):
            if beginning.quoted:  # a quoted speaker's sentences are not the writer's: end the run
                runs.extend(difficulty.repeated_beginnings(sequence))
                sequence = []
            else:
                sequence.append(beginning)
    runs.extend(difficulty.repeated_beginnings(sequence))
    for run in runs:
        if len(run) < params["min_run"]:
            continue
        first = run[0]
        end = max(b.end for b in run if b.paragraph == first.paragraph)
        text = context.prose[first.paragraph].text
        related = tuple(sorted({b.paragraph for b in run} - {first.paragraph}))
        yield Finding(
            first.paragraph,
            {"count": len(run), "start": first.words, "excerpt": excerpt(text, first.start, first.end)},
            first.start,
            end,
            related=related,
        )


RULES = (
    Rule(
        code="RD101",
        name="hard-paragraph",
        severity=Severity.INFO,
        scope=Scope.PARAGRAPH,
        artifact=ARTIFACT,
        message="paragraph much harder than the rest: grade {grade:.1f} against {rest:.1f} for the rest of the text ({scale}, {words} words)",
        check=check_hard_paragraph,
        params={"min_grade_gap": 6.0, "min_grade": 12.0, "min_words": 40, "min_sentences": 2, "min_rest_words": 150},
    ),
    Rule(
        code="RD102",
        name="long-sentences",
        severity=Severity.INFO,
        scope=Scope.DOCUMENT,
        artifact=ARTIFACT,
        message="{share:.0%} of sentences are longer than {words} words ({long} of {sentences}; Yoast: at most {orange:.0%})",
        check=check_long_sentences,
        params={"max_long_sentence_share": 0.30, "max_sentence_words": 20, "min_sentences": 10},
        default=False,  # Yoast's limit fires on most news (76% of OneStopEnglish): select it by name
    ),
    Rule(
        code="RD103",
        name="long-paragraph",
        severity=Severity.INFO,
        scope=Scope.PARAGRAPH,
        artifact=ARTIFACT,
        message="paragraph of {words} words (Yoast {band}: at most {orange} words, red above {red})",
        check=check_long_paragraph,
        params={"max_words": 150},
    ),
    Rule(
        code="RD104",
        name="repeated-sentence-start",
        severity=Severity.INFO,
        scope=Scope.PARAGRAPH,
        artifact=ARTIFACT,
        message="{count} consecutive sentences start with '{start}': '{excerpt}'",
        check=check_repeated_sentence_start,
        params={"min_run": 3},
    ),
)
