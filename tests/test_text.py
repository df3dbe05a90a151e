"""The shared tokenizer: words, sentences, quotations, normalisation."""

from __future__ import annotations

from features.text import normalize, quotation_spans, sentences, tokenize, words


def test_words_keep_inner_apostrophes_hyphens_and_dots():
    assert words("Russia's Trump-Putin talks, U.S. aide; visit Filipinokami.com!") == [
        "Russia's", "Trump-Putin", "talks", "U.S", "aide", "visit", "Filipinokami.com",
    ]
    assert words("") == [] and words("  ,;  ") == []


def test_sentences_do_not_split_at_abbreviations_or_initials():
    text = 'U.S. Secretary of State Marco Rubio spoke. Mr. Smith and J. Doe left at 10 a.m. local time. "Yes," he said.'
    assert sentences(text) == [
        "U.S. Secretary of State Marco Rubio spoke.",
        "Mr. Smith and J. Doe left at 10 a.m. local time.",
        '"Yes," he said.',
    ]


def test_sentences_of_text_without_terminal_punctuation():
    assert sentences("Peace Talks Face Setback") == ["Peace Talks Face Setback"]
    assert sentences("   ") == []


def test_quotations_curly_straight_and_guillemets():
    text = 'He said “we will go” and "they" agreed, «oui».'
    spans = quotation_spans(text)
    assert [text[a:b] for a, b in spans] == ["“we will go”", '"they"', "«oui»"]


def test_tokens_line_up_words_offsets_and_sentences():
    tokens = tokenize("Zelensky’s team arrived. It was Friday.")
    assert tokens.lower == ["zelensky's", "team", "arrived", "it", "was", "friday"]
    assert [tokens.text[s : s + len(w)] for s, w in zip(tokens.starts, tokens.words)] == tokens.words
    assert tokens.sentence_word_counts() == [3, 3]
    assert tokens.gate == "zelensky's team arrived. it was friday."


def test_lower_casing_that_changes_length_keeps_offsets():
    tokens = tokenize("İstanbul talks")  # "İ".lower() is two characters
    assert tokens.words == ["İstanbul", "talks"]
    assert len(tokens.lower) == 2 and tokens.lower[1] == "talks"


def test_quoted_runs_break_phrases():
    tokens = tokenize('Peace talks began. "Peace talks are vital," he said of peace talks.')
    assert tokens.unquoted_runs() == [["peace", "talks", "began"], ["he", "said", "of", "peace", "talks"]]


def test_normalize_makes_typography_uniform():
    assert normalize("  Ukraine’s  “Peace”\u00a0Talks — Now ") == normalize("ukraine's \"peace\" talks - now")


def test_every_lexicon_pattern_compiles():
    """Lexicon patterns compile on first use; a broken one must not wait for its trigger."""
    import gc

    from features import artifacts, boilerplate  # noqa: F401  (their lexicons are built on import)
    from features.text import Lexicon

    lexicons = [o for o in gc.get_objects() if isinstance(o, Lexicon)]
    assert len(lexicons) >= 40
    for lexicon in lexicons:
        assert lexicon.pattern.pattern == lexicon.source


def test_quotation_spans_are_the_pattern_matches():
    """quotation_spans finds exactly the matches of QUOTATION_PATTERN (in linear time), also
    around the 2,000-character limit and with marks that open without closing."""
    import random
    import re

    from features.text import QUOTATION_PATTERN, quotation_spans

    pattern = re.compile(QUOTATION_PATTERN)

    rng = random.Random(11)
    marks = ["“", "”", '"', "«", "»", "\n", "a", " "]
    for _ in range(20_000):
        if rng.random() < 0.05:
            text = "".join(rng.choice(marks) if rng.random() < 0.5 else "a" * rng.choice([1999, 2000, 2001]) for _ in range(4))
        else:
            text = "".join(rng.choice(marks) for _ in range(rng.randint(0, 30)))
        assert quotation_spans(text) == [m.span() for m in pattern.finditer(text)], repr(text[:60])


def test_document_gate_finds_each_paragraphs_triggers():
    from features.text import DocumentGate, TriggerSet

    triggers = ("visit", "subscribe", ".com", "let me know", "absent")
    paragraphs = [tokenize(t) for t in ("Visit example.com today.", "Plain prose here.", "Subscribe, and let me know.")]
    gate = DocumentGate(paragraphs, TriggerSet(triggers))
    assert gate.holding(("visit", ".com", "absent")) == {0}
    assert gate.found_in(0) == {"visit", ".com"} and not gate.found_in(1) and not gate.found_in(2)
    assert gate.holding(t for t in ("subscribe", "let me know")) == {2}  # any iterable
    assert gate.found_in(2) == {"subscribe", "let me know"}
    for index, tokens in enumerate(paragraphs):  # the same answer as searching each paragraph
        assert set(gate.found_in(index)) == {t for t in triggers if t in tokens.gate}


def test_chrome_runs_need_their_head_or_both_kinds_of_footer_link():
    from features.boilerplate import find_chrome_runs

    def flagged(lines, roles=None):
        runs = find_chrome_runs(lines, roles or ["body"] * len(lines))
        return [(line, spans[0].label) for line, spans in zip(lines, runs) if spans]

    share = ["An article.", "Share", "Facebook", "X", "Email", "More text."]
    assert flagged(share) == [("Share", "share bar"), ("Facebook", "share bar"), ("X", "share bar"), ("Email", "share bar")]
    assert flagged(["An article.", "Facebook", "Instagram", "TikTok"]) == []  # no share head: a list of networks
    assert flagged(["Share", "Facebook"]) == []  # one network is not a bar
    assert flagged(["Follow us", "Facebook", "Twitter"], ["body", "quote", "body"]) == []  # a quotation breaks the run
    footer = ["About us | Contact", "Careers", "Privacy policy"]
    assert [label for _, label in flagged(footer)] == ["footer links"] * 3
    assert flagged(["Privacy policy", "Terms of use", "Cookie policy", "Disclaimer"]) == []  # legal pages alone
    assert flagged(["About us", "Contact", "Careers", "Jobs"]) == []  # corporate links alone
    assert flagged(["About us", "Careers", "Terms of use"]) == []  # three items are not enough
    assert flagged(["About us and our long history of reporting from the city", "Careers", "Privacy", "Terms"]) == []
