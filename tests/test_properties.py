"""Property-based tests: any text gives positioned flags, valid JSON and the same answer twice.

Hypothesis generates arbitrary Unicode (control characters, NUL, surrogates made safe the way a
decoder with errors="surrogateescape"/"replace" would leave them, right-to-left text, emoji,
combining marks, mixed line endings) and structured near-misses of our own patterns.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quality
from quality.output import format_json, report_dict

# Pieces that steer generation towards the rules' triggers and the parser's special lines.
FRAGMENTS = [
    "visit example.com", "As an AI language model", "<!-- quality: ignore BP101 -->", "# Heading", "> quote",
    "- item", "```", "---", "{city}", "[insert link]", "â€™", "\u200b", "\ufeff", "\u202e", "Pаypal", "“quoted”",
    '"quoted"', "The exact four word keyphrase", "Tags: a, b, c", "world", "By Jane Doe | 4 min read", "\r\n", "\r",
    "\x00", "\x07", "שלום עולם", "👩‍👩‍👧", "e\u0301", "...", "…", "former President Donald Trump",
]
TEXT = st.lists(
    st.one_of(st.text(max_size=80), st.sampled_from(FRAGMENTS), st.just("\n"), st.just("\n\n")),
    max_size=30,
).map("".join)
# Markup for the HTML readers: tags, attributes, entities, comments, scripts and broken nesting.
HTML_FRAGMENTS = [
    "<p>", "</p>", "<div class='share menu'>", "</div>", "<h1>", "</h1>", "<h2>", "</h2>", "<li>", "<ul>", "</ul>",
    "<a href='https://example.com'>", "</a>", "<br>", "<nav>", "</nav>", "<footer>", "<script>var x = '<p>';</script>",
    "<style>p{}</style>", "<!-- quality: ignore BP -->", "<!--", "-->", "&amp;", "&nbsp;", "&#x200b;", "&#0;", "&bogus;",
    "<blockquote>", "</blockquote>", "<pre>", "</pre>", "<table><tr><td>", "</td></tr></table>", "<p hidden>",
    "<span style='display:none'>", "</span>", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<!DOCTYPE html>", "<html>",
    "<body>", "<title>", "</title>", "<meta charset='latin-1'>", "<", ">", "</", "<p/>", "\x00",
]
HTML = st.lists(
    st.one_of(st.text(max_size=40), st.sampled_from(FRAGMENTS), st.sampled_from(HTML_FRAGMENTS)), max_size=60
).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_report(text: str, fmt: str) -> None:
    try:
        report = quality.analyze(text, format=fmt, keyphrase="peace talks")
    except quality.InputError as err:  # bad front matter or too deep nesting: an input error that says so
        if fmt.startswith("html"):  # not a page, or no article in it: said with the reason
            assert str(err).startswith("<string>: ") and len(str(err)) > 20, err
            return
        assert fmt == "markdown" and ("front matter" in str(err) or "nested" in str(err)), err
        return
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for flag in report.flags:
        assert 1 <= flag.line <= len(lines), flag
        assert flag.column >= 1
        assert (flag.end_line, flag.end_column) >= (flag.line, flag.column) or flag.scope is not quality.Scope.PARAGRAPH
        if flag.paragraph is not None:
            paragraph = report.document.paragraphs[flag.paragraph]
            assert paragraph.line <= flag.line <= paragraph.end_line, (flag, paragraph)
    encoded = format_json([report_dict(report, report.flags)], [])
    assert json.loads(encoded)["summary"]["flags"] == len(report.flags)
    again = quality.analyze(text, format=fmt, keyphrase="peace talks")
    assert again.flags == report.flags
    assert again.features == report.features


@SETTINGS
@given(TEXT)
def test_any_plain_text(text):
    check_report(text, "text")


@SETTINGS
@given(TEXT)
def test_any_markdown(text):
    check_report(text, "markdown")


@SETTINGS
@given(HTML)
def test_any_html_article(text):
    check_report(text, "html")


@SETTINGS
@given(HTML)
def test_any_html_page(text):
    check_report(text, "html-page")


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_cleanly(data):
    from quality.document import decode

    try:
        text = decode(data, "x.txt")
    except quality.InputError as err:
        assert str(err).startswith("x.txt: ")
        return
    check_report(text, "text")


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_features_are_finite_numbers(text):
    import math

    report = quality.analyze(text)
    assert all(isinstance(v, float) and math.isfinite(v) for v in report.features.values())


# JSON Lines as a corpus holds them: records, broken records and bytes that are not text.
LINE_PIECES = [
    b'{"text": "A sentence of the article.", "id": 1}', b'{"text": null}', b'{"body": "no text field"}', b'{"text": ""}',
    b'{"text": ["a", "list"]}', b'{"text": "\\ud800 lone surrogate"}', b'[1, 2]', b'"just a string"', b'{"text": "caf\xc3\xa9"}',
    b'{"text": "caf\xe9"}', b"\xff\xfe", b"\x00", b"{", b"}", b'{"text": "x", "id": {"nested": [1]}}', b"\r", b" ", b"1e999",
    b'{"meta": {"text": "nested"}}', b"[" * 50, b'{"text": "' + "\u00e9".encode() + b'"}',
    b'{"text": "Plain text.", "id": "\\udc80"}', b'{"text": "Half \\ud83d of an emoji.", "id": "\\ud83d\\ude00"}',
]
JSONL = st.lists(st.one_of(st.binary(max_size=30), st.sampled_from(LINE_PIECES), st.just(b"\n")), max_size=40).map(b"".join)


@SETTINGS
@given(JSONL)
def test_every_jsonl_line_is_a_document_or_a_reject_with_its_reason(data):
    import io

    from quality.sources import read_jsonl

    records = list(read_jsonl("x.jsonl", io.BytesIO(data), max_record_bytes=200))
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    expected = [number for number, line in enumerate(lines, 1) if line.strip()]
    assert [r.record for r in records] == expected  # one record per non-blank line, in order
    for r in records:
        if r.error is None:
            assert isinstance(r.text, str) and r.text.strip()
        else:
            kind, reason = r.error
            assert kind in {"invalid-json", "invalid-utf8", "missing-field", "empty", "too-large"}, r.error
            assert reason.startswith(f"x.jsonl:{r.record}"), reason


@SETTINGS
@given(JSONL)
def test_every_jsonl_record_scores_to_a_utf8_json_line_or_a_reject(data):
    # What a corpus worker does with the lines it is given: every record gives an output line
    # that is valid UTF-8 JSON (lone surrogates escaped) or a reject with its reason, in order
    import io

    from quality.files import utf8_json
    from quality.scoring import ScoreOptions, score_batch
    from quality.sources import read_jsonl

    records = list(read_jsonl("x.jsonl", io.BytesIO(data), max_record_bytes=200, parse=False))
    results = score_batch([(seq, record, None) for seq, record in enumerate(records)], ScoreOptions())
    assert len(results) == len(records)
    for record, result in zip(records, results):
        assert result.line is not None or result.reject is not None
        if result.line is not None:
            out = json.loads(result.line.decode("utf-8"))
            assert (out["source"], out["record"]) == ("x.jsonl", record.record) and 0.0 <= out["score"] <= 1.0
        if result.reject is not None:
            entry = json.loads(utf8_json(result.reject).encode("utf-8"))
            assert entry["record"] == record.record and entry["reason"]
