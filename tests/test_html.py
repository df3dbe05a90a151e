"""HTML input: the article trafilatura extracts, the whole page, source positions, bad input.

The pages here were written for these tests (a made-up news site)."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

import quality
from quality.analysis import analyze
from quality.cli import cli
from quality.document import FORMATS, Document
from quality.errors import InputError
from quality.registry import select_rules
from quality.rules import RULES

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ferry Terminal Opens in Harbour Town | Harbour News</title>
</head>
<body>
  <header class="site-header">
    <nav class="main-menu"><ul>
      <li><a href="/">Home</a></li>
      <li><a href="/news">News</a></li>
      <li><a href="/sport">Sport</a></li>
    </ul></nav>
  </header>
  <main>
    <article>
      <h1>Ferry Terminal Opens in Harbour Town</h1>
      <p>The new ferry terminal in Harbour Town opened on Monday after two years of building
        work, and the first boats left for the islands at dawn.</p>
      <p>Officials said the terminal would cut waiting times for the 4,000 passengers who
        cross the bay each day, and that the old pier would be turned into a park.</p>
      <h2>New Routes Planned</h2>
      <p>Two new routes to the islands will start in the spring, the council said in a
        statement on Monday. Tickets will go on sale in <b>March</b>, with lower fares for residents.</p>
      <blockquote><p>"We listened to the people who use the service every day," the harbour master said.</p></blockquote>
      <ul>
        <li>A covered waiting hall with seats for three hundred people</li>
        <li>A cafe and a ticket office that open an hour before the first boat</li>
      </ul>
      <p>For more updates on the ferry terminal, visit harbourtownnews.com today.</p>
    </article>
  </main>
  <footer class="site-footer">
    <p>Copyright 2025 Harbour News. All rights reserved. <a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></p>
  </footer>
</body>
</html>
"""


def source_line(number: int) -> str:
    return PAGE.split("\n")[number - 1]


def test_formats_list_html():
    assert "html" in FORMATS and "html-page" in FORMATS


def test_article_keeps_structure_roles_and_source_lines():
    doc = Document.from_text(PAGE, "page.html", format="html")
    roles = [(p.role, p.text[:30]) for p in doc.paragraphs]
    assert roles[0] == ("headline", "Ferry Terminal Opens in Harbou")
    assert ("subheading", "New Routes Planned") in roles
    assert [r for r, _ in roles].count("list_item") == 2
    assert any(r == "quote" for r, _ in roles)
    texts = " ".join(p.text for p in doc.paragraphs)
    assert "Home" not in texts.split() and "Copyright" not in texts  # navigation and footer dropped
    for paragraph in doc.paragraphs:
        first_word = paragraph.text.split()[0].strip('"')
        line = source_line(paragraph.line)
        assert line[paragraph.column - 1 :].lstrip('"').startswith(first_word), (paragraph.text[:40], paragraph.line)
    # A paragraph that runs over two source lines maps its second half to the second line.
    opening = doc.paragraphs[1]
    offset = opening.text.index("work, and")
    line, column = opening.position(offset)
    assert source_line(line)[column - 1 :].startswith("work, and")


def test_a_flag_points_at_the_source_line_and_column():
    report = quality.analyze(PAGE, format="html", path="page.html")
    cta = [f for f in report.flags if f.code == "BP101"]
    assert len(cta) == 1
    flag = cta[0]
    assert source_line(flag.line)[flag.column - 1 :].startswith("visit harbourtownnews.com")


def test_from_path_reads_html_and_htm(tmp_path):
    for name in ("page.html", "page.htm"):
        path = tmp_path / name
        path.write_text(PAGE, encoding="utf-8")
        doc = Document.from_path(path)
        assert doc.format == "html" and doc.paragraphs[0].role == "headline"


def test_every_rule_runs_on_html():
    for mode in ("html", "html-page"):
        doc = Document.from_text(PAGE, "page.html", format=mode)
        report = analyze(doc, select_rules(RULES, ["ALL"]))
        assert report.features and report.document.paragraphs


def test_page_mode_keeps_every_block_with_its_markup():
    doc = Document.from_text(PAGE, "page.html", format="html-page")
    texts = [p.text for p in doc.paragraphs]
    assert texts[:3] == ["Home", "News", "Sport"]
    assert texts[-1].startswith("Copyright 2025 Harbour News")
    home = doc.paragraphs[0]
    assert home.role == "list_item" and home.markup.tag == "li" and home.markup.link_chars == 4
    assert "nav" in home.markup.containers and "main-menu" in home.markup.class_tokens
    headline = next(p for p in doc.paragraphs if p.role == "headline")
    assert headline.text == "Ferry Terminal Opens in Harbour Town" and headline.markup.tag == "h1"
    footer = doc.paragraphs[-1]
    assert "footer" in footer.markup.containers and footer.markup.link_chars == len("Privacy") + len("Terms")
    assert source_line(footer.line)[footer.column - 1 :].startswith("Copyright")


def test_page_mode_skips_invisible_text():
    page = "<html><body><p>Visible text here.</p><script>var x = 'hidden';</script><div hidden>Gone</div>" \
        "<div style='display: none'>Also gone</div><p>More visible text.</p></body></html>"
    doc = Document.from_text(page, "p.html", format="html-page")
    assert [p.text for p in doc.paragraphs] == ["Visible text here.", "More visible text."]


def test_suppression_comments_work_in_html():
    page = PAGE.replace("      <p>For more updates", "      <!-- quality: ignore BP101 -->\n      <p>For more updates")
    report = quality.analyze(page, format="html")
    assert not [f for f in report.flags if f.code == "BP101"]
    assert [f.code for f in report.suppressed] == ["BP101"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "is empty"),
        ("   \n  ", "is empty"),
        ("Just a line of plain text, no markup at all.", "does not look like HTML"),
        ("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>", "found no article text"),
    ],
)
def test_bad_html_gets_a_clear_message(text, message):
    with pytest.raises(InputError, match=message) as caught:
        Document.from_text(text, "bad.html", format="html")
    assert str(caught.value).startswith("bad.html: ")


@pytest.mark.parametrize("text", ["<BODY><!", "<!-- a comment --><p>Text after it.</p>", "<?pi x?><p>Text after it.</p>"])
def test_a_page_that_starts_with_a_comment_is_read_as_a_page(text):
    # Found by tests/test_properties.py: lxml returned the comment as the root of "<BODY><!".
    doc = Document.from_text(text, "odd.html", format="html-page")
    assert [p.text for p in doc.paragraphs] == (["Text after it."] if "Text" in text else [])


FERRY_PAGE = """<!DOCTYPE html><html><head><title>Harbour Ferry Timetable Changes</title></head><body>
<article>
<h1>Harbour Ferry Timetable Changes</h1>
<p>The harbour ferry will run every twenty minutes from Monday, the operator said, after months of complaints from commuters about crowded boats and long waits at the pier.</p>
<p>The new timetable adds early sailings for shift workers, and the last boat now leaves the <!-- -->island at midnight instead of ten o'clock in the evening.</p>
<ul><li><h3>Weekday service</h3><p>Boats leave every twenty minutes between six in the morning and eight in the evening.</p></li>
<li><h3>Weekend service</h3><p>Boats leave every half hour, with extra sailings on market days in the summer.</p></li></ul>
<h2>Fares stay the same</h2>
Fares will not change this year, the operator said, although a review of the season ticket is planned for the autumn when the new boats arrive.
<p>Passenger groups welcomed the changes but said they would watch closely whether the boats keep to the timetable during the winter storms.</p>
</article></body></html>"""


def test_the_article_keeps_every_word_trafilatura_extracts():
    # Three ways words were lost or glued on real pages (benchmarks/boilerplate.py, HTML mode):
    # an empty comment inside a paragraph (React pages) cut the paragraph there; a list item's
    # heading ran into its text ("Weekday serviceBoats"); text loose after a heading was dropped.
    texts = {p.text: p.role for p in Document.from_text(FERRY_PAGE, "ferry.html", format="html").paragraphs}
    assert "The new timetable adds early sailings for shift workers, and the last boat now leaves the island at midnight instead of ten o'clock in the evening." in texts
    assert texts["Weekday service Boats leave every twenty minutes between six in the morning and eight in the evening."] == "list_item"
    assert texts["Fares will not change this year, the operator said, although a review of the season ticket is planned for the autumn when the new boats arrive."] == "body"


def test_huge_html_is_refused(monkeypatch):
    monkeypatch.setattr("quality.html.MAX_HTML_CHARS", 1000)
    with pytest.raises(InputError, match="million characters"):
        Document.from_text(PAGE * 3, "big.html", format="html")


def nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "<p>Deep text that is still a sentence of the page.</p>" + "</div>" * depth + "</body></html>"


def test_deeply_nested_html_is_read_without_a_crash():
    doc = Document.from_text(nested(1500), "deep.html", format="html-page")  # no recursion limit
    assert any("Deep text" in p.text for p in doc.paragraphs)
    for mode in ("html", "html-page"):  # past the parser's limit: an error, not lost text
        with pytest.raises(InputError, match="nested more than 2048 deep"):
            Document.from_text(nested(5000), "deep.html", format=mode)


def test_cli_checks_html_and_reports_bad_files(tmp_path):
    good = tmp_path / "page.html"
    good.write_text(PAGE, encoding="utf-8")
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    empty = tmp_path / "empty.htm"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-score", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "image.html: looks like a binary file" in result.stderr
    assert "empty.htm: is empty" in result.stderr
    assert "page.html:" in result.stdout and "BP101" in result.stdout
    assert "Traceback" not in result.output
    page = CliRunner().invoke(cli, ["check", "--no-score", "--page", str(good)])
    assert page.exit_code == 1 and "page.html:" in page.stdout


def test_page_mode_cuts_pages_as_the_labelled_data_set_does(shared_data):
    """The whole-page reading gives the blocks the boilerplate model was trained on."""
    path = shared_data / "boilerplate-readability" / "pages.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        pages = [json.loads(line) for line in handle][:20]
    same = 0
    for page in pages:
        doc = Document.from_text(page["html"], page["id"], format="html-page")
        same += [p.text for p in doc.paragraphs] == [b["text"] for b in page["paragraph_labels"]]
    assert same >= 19


def test_blocks_on_one_minified_line_get_their_own_columns():
    page = "<html><body><ul><li><a href='/a'>News</a></li><li><a href='/b'>News</a></li></ul><p>The council met on Monday and agreed on the plan.</p></body></html>"
    doc = Document.from_text(page, "min.html", format="html-page")
    columns = [p.column for p in doc.paragraphs]
    assert len(set(columns)) == len(columns) == 3
    for paragraph in doc.paragraphs:
        assert page[paragraph.column - 1 :].startswith(paragraph.text.split()[0])
