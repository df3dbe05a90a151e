"""Reading HTML: the article that trafilatura extracts, or every visible block of the page.

Two ways to read a page, both ending in the same paragraphs, roles and source positions as
plain text and Markdown (``quality.document`` calls :func:`parse_html`):

- ``"html"`` (the article): trafilatura extracts the main content (we do not write an
  extractor). Its headings, paragraphs, list items, quotations, code blocks and table rows
  become paragraphs with the matching roles; the title it finds becomes the headline when the
  extracted text does not open with a heading.
- ``"html-page"`` (the whole page): every run of visible text between block-level tags is one
  paragraph, the way jusText and the labelled data set (``../shared/data/boilerplate-readability``)
  cut a page into blocks: ``script``, ``style``, ``head``, forms' inputs and hidden elements are
  skipped, inline tags (``a``, ``span``, ``b``) do not split. This is what the learned
  boilerplate flag (BP108) was trained on: it shows what an extractor would drop and why.

Each paragraph keeps its **source** position: the words of its text are found again, in order,
in the HTML source from the line where lxml says its element starts (``sourceline``), so a flag
points at ``page.html:line:col`` of the word it is about, even when the text runs over several
source lines or through inline tags. Words that cannot be found (text made from entities) take
the position of the last word found before them.

In page mode each paragraph also carries :class:`BlockMarkup`: its block tag, the characters of
its text inside links, and the semantic containers and class/id tokens of its ancestors, which
the boilerplate model reads (``features.blocks``).

lxml and trafilatura are imported only here, and only when HTML is read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from quality.errors import InputError

HTML_FORMATS = ("html", "html-page")
# trafilatura's own limit on the input (its MAX_FILE_SIZE setting): beyond it, it gives up.
MAX_HTML_CHARS = 20_000_000
# Tags that end one block of visible text and start another (the data set's block splitter,
# jusText's list, plus the HTML5 sectioning elements).
BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend
    li main menu nav noframes ol optgroup option p pre section summary table tbody td tfoot th
    thead title tr ul""".split()
)
# Elements whose text is not visible page text.
SKIPPED_TAGS = frozenset("script style noscript head svg iframe template select textarea object embed".split())
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Ancestors that mark a part of the page (HTML5 sectioning and landmark elements).
CONTAINER_TAGS = frozenset("nav header footer aside form article main figure table blockquote".split())
# Roles of page blocks by their tag.
_ROLE_BY_TAG = {"li": "list_item", "dd": "list_item", "dt": "list_item", "blockquote": "quote", "pre": "code"}
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TAG_RE = re.compile(r"<[A-Za-z!/?]")
_ALNUM_RE = re.compile(r"[^\W_]+")
# A paragraph's first words must follow each other in the source within this many characters
# (markup between them) to be taken as its start; later words may be further apart.
_ANCHOR_WORDS = 3
_ANCHOR_GAP = 300
_WORD_GAP = 3000
_ANCHOR_TRIES = 200
# libxml2's limit on the nesting of elements.
_MAX_DEPTH = 2048


@dataclass(frozen=True)
class BlockMarkup:
    """What the HTML says about one block of a page (page mode)."""

    tag: str  # the enclosing block tag ("p", "li", "h2", "td", ...)
    link_chars: int  # characters of the block's text inside <a> elements
    containers: tuple[str, ...]  # semantic ancestors (nav, header, footer, aside, form, article, ...)
    class_tokens: tuple[str, ...]  # lower-cased class and id tokens of the ancestors


@dataclass(frozen=True)
class Block:
    """A paragraph read from HTML, before it becomes a :class:`quality.document.Paragraph`."""

    text: str
    role: str
    line_starts: tuple[tuple[int, int, int], ...]
    markup: BlockMarkup | None = None


def check_html(text: str, path: str) -> None:
    """Refuse input that cannot be read as HTML, with a message that names ``path``."""
    if not text.strip():
        raise InputError(f"{path}: is empty; expected an HTML page")
    if len(text) > MAX_HTML_CHARS:
        raise InputError(f"{path}: is {len(text) / 1e6:.0f} million characters; HTML input is limited to {MAX_HTML_CHARS / 1e6:.0f} million (trafilatura's limit)")
    if not _TAG_RE.search(text[:100_000]):
        raise InputError(f"{path}: does not look like HTML (no tag in it); read it as text (--input-format text)")


def parse_html(text: str, path: str, mode: str = "html") -> list[Block]:
    """The paragraphs of an HTML page: the extracted article (``mode="html"``) or every visible
    block (``"html-page"``). Raises :class:`InputError` naming ``path`` for input that is not
    HTML, and for a page in which trafilatura finds no article text."""
    check_html(text, path)
    locator = SourceLocator(text)
    if mode == "html-page":
        return page_blocks(text, locator, path)
    if mode == "html":
        return article_blocks(text, locator, path)
    raise ValueError(f"unknown HTML mode {mode!r}: expected one of {', '.join(HTML_FORMATS)}")


# ---------------------------------------------------------------------------------------------
# Source positions


class SourceLocator:
    """Finds the words of a paragraph in the HTML source, in order, and gives the source
    ``(line, column)`` of each: the ``line_starts`` of a :class:`quality.document.Paragraph`."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.line_offsets = [0] + [m.end() for m in re.finditer("\n", source)]
        self.cursor = 0  # paragraphs come in source order (mostly): search on from the last one

    def offset_of_line(self, line: int | None) -> int:
        if not line or line < 1:
            return self.cursor
        return self.line_offsets[min(line, len(self.line_offsets)) - 1]

    def line_column(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self.line_offsets, offset) - 1
        return row + 1, offset - self.line_offsets[row] + 1

    def locate(self, text: str, line: int | None = None) -> tuple[tuple[int, int, int], ...]:
        """``(offset in text, line, column)`` for each word of ``text`` found in the source,
        searching from source ``line`` (lxml's ``sourceline``; else where the previous
        paragraph ended). A paragraph none of whose words can be found sits at that line."""
        tokens = [(m.start(), m.group()) for m in _ALNUM_RE.finditer(text)]
        line_start = self.offset_of_line(line)
        # Paragraphs come in source order: search on from where the last one ended, unless the
        # element starts on a later line (many elements share a line in minified HTML); then
        # from the line's start, then from the top (text that comes out of order).
        starts = list(dict.fromkeys((max(line_start, self.cursor), line_start, 0)))
        found: list[tuple[int, int]] = []
        for start in starts:
            found = self._find(tokens, start)
            if found:
                break
        if not found:
            at = self.line_column(self.offset_of_line(line))
            return ((0, at[0], at[1]),)
        last_offset, last_at = found[-1]
        self.cursor = last_at + len(_ALNUM_RE.match(text, last_offset).group())  # after its last word
        # One entry per word keeps every column exact, across source lines and inline tags.
        return tuple((text_offset, *self.line_column(source_offset)) for text_offset, source_offset in found)

    def _find(self, tokens: list[tuple[int, str]], start: int) -> list[tuple[int, int]]:
        if not tokens:
            return []
        source = self.source
        anchor = tokens[:_ANCHOR_WORDS]
        position = start
        for _ in range(_ANCHOR_TRIES):
            first = source.find(anchor[0][1], position)
            if first < 0:
                return []
            chain = [(anchor[0][0], first)]
            end = first + len(anchor[0][1])
            for offset, word in anchor[1:]:
                at = source.find(word, end, end + _ANCHOR_GAP + len(word))
                if at < 0:
                    break
                chain.append((offset, at))
                end = at + len(word)
            if len(chain) == len(anchor):
                break
            position = first + 1
        else:
            return []
        for offset, word in tokens[len(anchor):]:
            at = source.find(word, end, end + _WORD_GAP + len(word))
            if at >= 0:
                chain.append((offset, at))
                end = at + len(word)
        return chain


# ---------------------------------------------------------------------------------------------
# The article (trafilatura)


def article_blocks(html: str, locator: SourceLocator, path: str) -> list[Block]:
    """The main content as trafilatura extracts it, one block per heading, paragraph, list
    item, quotation, code block or table row."""
    import trafilatura

    tree = parse_tree(html, path, keep_comments=False)
    try:
        extracted = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_formatting=False,
            include_links=False,
            deduplicate=False,
        )
    except Exception as err:  # trafilatura raises lxml's and its own errors on broken input
        raise InputError(f"{path}: trafilatura cannot read this HTML ({type(err).__name__}: {err})") from err
    body = getattr(extracted, "body", None) if extracted is not None else None
    if body is None or not "".join(body.itertext()).strip():
        raise InputError(f"{path}: trafilatura found no article text in this page; check the whole page with --input-format html-page")
    pieces = list(_extracted_pieces(body))
    title = " ".join((getattr(extracted, "title", None) or "").split())
    blocks: list[Block] = []
    first_role = pieces[0][1] if pieces else ""
    if title and first_role not in ("headline", "subheading"):
        blocks.append(Block(title, "headline", locator.locate(title, _title_line(html, title))))
        locator.cursor = 0  # the title may sit in <head>, before the body text
    for text, role, line in pieces:
        blocks.append(Block(text, role, locator.locate(text, line)))
    return blocks


def _extracted_pieces(body) -> list[tuple[str, str, int | None]]:
    """``(text, role, sourceline)`` of each element of trafilatura's output, in order."""
    found: list[tuple[str, str, int | None]] = []
    seen_text = False

    def line_of(element) -> int | None:
        for node in element.iter():
            if node.sourceline:
                return node.sourceline
        return None

    def add(element, role: str) -> None:
        nonlocal seen_text
        text = _element_text(element)
        if not text:
            return
        if role == "heading":
            role = "headline" if not seen_text and not found else "subheading"
        found.append((text, role, line_of(element)))
        seen_text = seen_text or role not in ("headline", "subheading")

    for element in body:
        tag = element.tag
        if tag == "head":
            add(element, "heading")
        elif tag == "list":
            for item in element.iter("item"):
                add(item, "list_item")
        elif tag == "table":
            for row in element.iter("row"):
                add(row, "list_item")
        elif tag == "quote":
            add(element, "quote")
        elif tag == "code":
            add(element, "code")
        else:
            add(element, "body")
        tail = " ".join((element.tail or "").split())
        if tail:  # text that trafilatura left loose in the body, after an element
            found.append((tail, "body", line_of(element)))
            seen_text = True
    return found


def _element_text(element) -> str:
    """The text of an extracted element: white space collapsed, line breaks (``lb``) kept as
    new lines, table cells separated by " | ", and the text of any other element inside it
    (a list item's heading and paragraph: "WebIDE" then "Develop, deploy...") kept apart
    from its neighbours by a space, as trafilatura's own text output does. Formatting and
    links are not extracted, so no inline element splits a word."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.tag == "cell" and parts and parts[-1].strip():
            parts.append(" | ")
        elif parts:
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _title_line(html: str, title: str) -> int | None:
    """The source line of the page's title: the first h1 or <title> that holds its first words."""
    words = _ALNUM_RE.findall(title)[:3]
    if not words:
        return None
    for tag in ("h1", "title"):
        for match in re.finditer(rf"<{tag}\b", html, re.I):
            window = html[match.start() : match.start() + 2000]
            if all(w in window for w in words):
                return html.count("\n", 0, match.start()) + 1
    return None


# ---------------------------------------------------------------------------------------------
# The whole page (blocks)


def parse_tree(html: str, path: str, keep_comments: bool = True):
    """The page as an lxml tree (elements know their ``sourceline``). A page nested deeper than
    libxml2 reads (2,048 elements) raises :class:`InputError`: the parser stops there, and the
    text below would be lost without a word.

    ``keep_comments=False`` leaves HTML comments out, as trafilatura's own loader does: its
    cleaning drops a comment together with the text after it, so a paragraph holding an empty
    ``<!-- -->`` (as React pages render them) would lose the rest of its words."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=not keep_comments, huge_tree=True)
    try:
        root = lxml.html.fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise InputError(f"{path}: cannot be parsed as HTML ({err})") from err
    if not isinstance(root.tag, str):  # a page whose only node is a comment: lxml returns the comment
        root = root.getroottree().getroot()
    for entry in parser.error_log:
        if "Excessive depth" in entry.message:
            raise InputError(f"{path}: line {entry.line}: elements nested more than {_MAX_DEPTH} deep; the HTML parser stops there and the text below would be lost")
    return root


def page_blocks(html: str, locator: SourceLocator, path: str) -> list[Block]:
    """Every block of visible text of the page, in order (see the module docstring)."""
    from lxml import etree

    root = parse_tree(html, path)
    blocks: list[Block] = []
    pieces: list[str] = []
    link_chars = 0
    # The open block elements: (tag, sourceline, containers, class tokens) of each.
    stack: list[tuple[str, int | None, tuple[str, ...], tuple[str, ...]]] = [("", None, (), ())]
    first_line: list[int | None] = [None]
    skip_depth = 0  # > 0 inside a skipped element
    link_depth = 0
    ancestors: list[tuple[str, tuple[str, ...]]] = []  # (tag, class tokens) of open elements

    def flush() -> None:
        nonlocal link_chars
        text = " ".join(" ".join(pieces).split())
        if text and _ALNUM_RE.search(text):
            tag, line, _, _ = stack[-1]
            containers = tuple(dict.fromkeys(t for t, _ in ancestors if t in CONTAINER_TAGS))
            tokens = tuple(dict.fromkeys(tok for _, toks in ancestors for tok in toks))
            markup = BlockMarkup(tag or "body", min(link_chars, len(text)), containers, tokens)
            blocks.append(Block(text, _page_role(tag), locator.locate(text, first_line[0] or line), markup))
        pieces.clear()
        link_chars = 0
        first_line[0] = None

    def add_text(value: str | None, line: int | None) -> None:
        nonlocal link_chars
        if not value or skip_depth:
            return
        if first_line[0] is None and value.strip():
            first_line[0] = line
        pieces.append(value)
        if link_depth:
            link_chars += len(" ".join(value.split()))

    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if event in ("comment", "pi"):  # not text itself; its tail is
            add_text(element.tail, element.sourceline)
            continue
        if event == "start":
            hidden = tag in SKIPPED_TAGS or element.get("hidden") is not None or _HIDDEN_STYLE_RE.search(element.get("style") or "")
            if skip_depth or hidden:
                skip_depth += 1
                continue
            tokens = tuple(t.lower() for t in f"{element.get('class') or ''} {element.get('id') or ''}".split())
            ancestors.append((tag, tokens))
            if tag in BLOCK_TAGS:
                flush()
                stack.append((tag, element.sourceline, (), ()))
            if tag == "a":
                link_depth += 1
            add_text(element.text, element.sourceline)
        else:
            if skip_depth:
                skip_depth -= 1
                if not skip_depth:
                    add_text(element.tail, element.sourceline)
                continue
            if tag == "a":
                link_depth -= 1
            if tag in BLOCK_TAGS:
                flush()
                stack.pop()
            ancestors.pop()
            add_text(element.tail, element.sourceline)
    flush()
    return _page_headings(blocks)


def _page_role(tag: str) -> str:
    if tag in _HEADING_TAGS:
        return "heading"
    return _ROLE_BY_TAG.get(tag, "body")


def _page_headings(blocks: list[Block]) -> list[Block]:
    """The first h1 of the page is the headline (the first heading when it has no h1); the
    other headings are subheadings."""
    headings = [i for i, b in enumerate(blocks) if b.role == "heading"]
    h1 = [i for i in headings if blocks[i].markup is not None and blocks[i].markup.tag == "h1"]
    headline = (h1 or headings or [None])[0]
    return [
        Block(b.text, ("headline" if i == headline else "subheading") if b.role == "heading" else b.role, b.line_starts, b.markup)
        for i, b in enumerate(blocks)
    ]

