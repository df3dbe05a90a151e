"""The document model: paragraphs with their source positions and roles.

This module owns paragraph splitting; nothing else in the project splits a document. A document
comes from plain text, Markdown (parsed with markdown-it-py), HTML (the article trafilatura
extracts, or every visible block of the page: :mod:`quality.html`) or standard input. Each paragraph
carries its text, its role ("headline", "subheading", "body", "list_item", "quote" or "code")
and a map from offsets in its text to source lines and columns, so that every flag can point at
``path:line:col``. Markdown front matter is read but is not a paragraph; code blocks are
paragraphs with the role "code" and are never judged as prose; inline code, link targets,
emphasis markers and HTML comments are blanked (replaced by spaces, keeping offsets true).

Plain text follows the convention of scraped text and of the seeds: every non-blank line is a
paragraph, except that a hard-wrapped line (one that does not end a sentence, followed by a line
that starts in lower case) continues the paragraph above it. Roles in plain text are inferred
from shape and position (ARTIFACTS.md 6: "tag roles first"), see :func:`infer_roles`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from features.boilerplate import find_chrome_runs, find_related_links, is_page_chrome
from features.text import title_case_share, tokenize, words

from quality.collector import collector_paused
from quality.errors import InputError
from quality.html import HTML_FORMATS, BlockMarkup

ROLES = ("headline", "subheading", "body", "list_item", "quote", "code")
PROSE_ROLES = ("headline", "subheading", "body", "list_item", "quote")
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# The formats Document.from_text reads: "html" is the article trafilatura extracts from a page,
# "html-page" every visible block of the page (quality/html.py).
FORMATS = ("text", "markdown", "html", "html-page")

# A heading has at most this many words (a long headline has about 20: seed 001 p0 has 19).
HEADING_MAX_WORDS = 20
# A heading in sentence case ("Delegations prepare for talks") must be this short and must be
# followed by a longer paragraph; Title Case headings need only the word limit above.
SENTENCE_CASE_HEADING_MAX_WORDS = 10
# Headings are Title Case when this share of their words of 4+ letters are capitalised.
TITLE_CASE_MIN_SHARE = 0.6
# The headline is the first heading-like paragraph among the first few (seed 000: paragraph 1,
# below a misplaced summary), of at least a few words ("Image" or "Video" is a caption label).
HEADLINE_SEARCH_DEPTH = 4
HEADLINE_MIN_WORDS = 3
# Three or more heading-like lines in a row are a list (a table of contents, a line-up), not
# headings with no text under them.
HEADING_RUN_IS_LIST = 3
# A "Related stories" line is short; longer paragraphs are not tested for it.
RELATED_HEADING_MAX_CHARS = 80
# markdown-it's nesting limit (its CommonMark preset's value: every list takes two levels). A
# higher limit makes inline parsing of runs of "[" several times slower (measured: 5x at 100).
MARKDOWN_MAX_NESTING = 20
# A line shorter than this was not wrapped by an editor (wrap widths are 60-80 characters).
WRAPPED_LINE_MIN_CHARS = 40
_HEADING_END = tuple(".,;:!")
_TERMINAL = tuple('.!?:;"”’)…')
_LIST_MARKER_RE = re.compile(r"^\s*(?:[-*•+▪◦‣]|\d{1,3}[.)]|[a-z][.)])\s+")
_QUOTE_MARKER_RE = re.compile(r"^\s*>\s?")
_FULL_QUOTE_RE = re.compile(r"^[“\"][^“”\"]{20,}[”\"]$")
_INLINE_MASKS = (
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"`[^`\n]+`"),
    re.compile(r"(?<=\])\([^()\s]*(?:\s+\"[^\"\n]*\")?\)"),  # link and image targets
    re.compile(r"!?\[|\]"),
    re.compile(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])"),
    re.compile(r"</?[A-Za-z][^<>\n]{0,200}>"),
)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its text, role and where it sits in the source."""

    index: int
    text: str
    role: str
    line: int  # 1-based source line of the first character
    column: int  # 1-based source column of the first character
    # (offset in text, source line, source column) at the start of each source line it spans
    # (in HTML: at each word, found again in the source)
    line_starts: tuple[tuple[int, int, int], ...] = field(repr=False, default=())
    # What the HTML says about the block (tag, link text, containers): whole pages only
    markup: BlockMarkup | None = field(repr=False, compare=False, default=None)

    def position(self, offset: int) -> tuple[int, int]:
        """Source ``(line, column)`` (1-based) of character ``offset`` of the text."""
        if not self.line_starts:
            return self.line, self.column + offset
        keys = [start for start, _, _ in self.line_starts]
        row = max(0, bisect_right(keys, offset) - 1)
        start, line, column = self.line_starts[row]
        return line, column + max(0, offset - start)

    @property
    def end_line(self) -> int:
        return self.line_starts[-1][1] if self.line_starts else self.line


@dataclass(frozen=True)
class Directive:
    """A suppression comment: ``<!-- quality: ignore CODES -->`` (the next paragraph) or
    ``<!-- quality: ignore-file CODES -->`` (the whole document). No codes means every code."""

    line: int
    kind: str  # "ignore" or "ignore-file"
    codes: tuple[str, ...]
    paragraph: int | None = None  # for "ignore": the paragraph it applies to


_DIRECTIVE_RE = re.compile(r"^\s*<!--\s*quality:\s*(ignore-file|ignore)\b([^>]*?)-->\s*$", re.IGNORECASE)
_CODE_LIST_RE = re.compile(r"[A-Za-z]{1,3}\d{0,3}")


def parse_directive(line: str, number: int) -> Directive | None:
    """The directive on a source line, or None when the line is not one."""
    match = _DIRECTIVE_RE.match(line)
    if match is None:
        return None
    codes = tuple(c.upper() for c in _CODE_LIST_RE.findall(match.group(2)))
    return Directive(number, match.group(1).lower(), codes)


def _bind(directives: list[Directive], paragraphs: Sequence[Paragraph]) -> tuple[Directive, ...]:
    """Attach each "ignore" directive to the first paragraph below it."""
    bound = []
    for directive in directives:
        target = next((p.index for p in paragraphs if p.line > directive.line), None)
        bound.append(Directive(directive.line, directive.kind, directive.codes, target if directive.kind == "ignore" else None))
    return tuple(bound)


@dataclass(frozen=True)
class Document:
    """A parsed document: its paragraphs in order, its format, its front matter and its
    suppression directives."""

    path: str
    format: str  # one of FORMATS
    paragraphs: tuple[Paragraph, ...]
    front_matter: dict = field(default_factory=dict)
    directives: tuple[Directive, ...] = ()

    @property
    def prose(self) -> list[Paragraph]:
        """The paragraphs that are judged as prose (everything but code)."""
        return [p for p in self.paragraphs if p.role in PROSE_ROLES]

    @classmethod
    def from_text(cls, text: str, path: str = "<string>", format: str = "text") -> Document:
        """Parse ``text`` as plain text (``format="text"``), Markdown (``"markdown"``), the
        article of an HTML page (``"html"``, extracted by trafilatura) or the whole page
        (``"html-page"``, one paragraph per block of visible text). Markdown that cannot be read
        in full (invalid front matter, nesting deeper than the parser reads) and HTML that is
        not HTML (empty, no tags, too large; no article text found) raise :class:`InputError`
        naming ``path``."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}: expected one of {', '.join(FORMATS)}")
        with collector_paused():
            if format in HTML_FORMATS:
                paragraphs, directives, front_matter = _parse_html(text, path, format), _html_directives(text), {}
            elif format == "markdown":
                try:
                    paragraphs, front_matter, directives = _parse_markdown(text)
                except InputError as err:
                    raise InputError(f"{path}: {err}") from err
            else:
                (paragraphs, directives), front_matter = _parse_text(text), {}
        return cls(
            path=path,
            format=format,
            paragraphs=tuple(paragraphs),
            front_matter=front_matter,
            directives=_bind(directives, paragraphs),
        )

    @classmethod
    def from_path(cls, path: str | Path, format: str | None = None) -> Document:
        """Read and parse a file; the format follows the suffix unless given."""
        path = Path(path)
        text = read_text(path)
        return cls.from_text(text, str(path), format or format_for(path))


def format_for(path: Path) -> str:
    """"markdown" for Markdown suffixes, "html" for .html/.htm/.xhtml, "text" for everything else."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "html" if suffix in HTML_SUFFIXES else "text"


# Byte-order marks of the UTF-16 and UTF-32 encodings (UTF-32's first: it starts like UTF-16's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# The bytes inspected for NUL (binary files) and handed to the encoding detector.
_SNIFF_BYTES = 1 << 16
# Text in Latin script encoded as UTF-16 is about half NUL bytes (UTF-32: three quarters); a
# stray NUL in a UTF-8 file is not. Below this share, NUL bytes mean binary data.
_WIDE_MIN_NUL_SHARE = 0.25
# The encodings named in the hint for a file that is not UTF-8: the legacy encodings that web
# pages declare (WHATWG Encoding Standard), as Python codec names. charset-normalizer's other
# guesses on short text (cp1006, UTF-16 without NUL bytes) would mislead more than help.
_LEGACY_ENCODINGS = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874", "cp866",
    "iso8859_2", "iso8859_15", "koi8_r", "koi8_u", "mac_roman", "gb18030", "big5", "euc_jp", "shift_jis", "euc_kr",
)
_CONVERT_HINT = "convert it to UTF-8 first, e.g. `iconv -f cp1252 -t utf-8` for Windows-1252 or Latin-1 text"


def decode(data: bytes, source: str) -> str:
    """Decode file or record bytes as UTF-8 (a UTF-8 BOM is dropped). UTF-16 and UTF-32 are
    read with a byte-order mark, and without one when charset-normalizer recognises them and
    the NUL bytes agree. Binary data and text in any other encoding raise :class:`InputError`
    naming ``source``; for invalid UTF-8 the message names the first bad byte and the legacy
    encoding the data is most likely in. A single-byte encoding (Latin-1, Windows-1252, ...)
    cannot be told apart reliably from the others, so it is reported, never guessed silently."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                name = encoding.upper()
                raise InputError(f"{source}: has a {name} byte-order mark but is not valid {name} ({err.reason} at offset {err.start})") from err
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        encoding = _wide_encoding(head)
        if encoding is None:
            raise InputError(
                f"{source}: looks like a binary file (it contains NUL bytes); expected text "
                "(UTF-16 or UTF-32 text that is not recognised as such needs a byte-order mark)"
            )
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            name = encoding.replace("_", "-").upper()
            raise InputError(f"{source}: looks like {name} without a byte-order mark but is not valid {name} ({err.reason} at offset {err.start})") from err
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        guess = _legacy_encoding(head)
        hint = f"it looks like {guess}: convert it first, e.g. `iconv -f {guess} -t utf-8`" if guess else _CONVERT_HINT
        raise InputError(f"{source}: is not valid UTF-8 (byte 0x{bad} at offset {err.start}); {hint}") from err


def _wide_encoding(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec of BOM-less text (charset-normalizer's reading, when at least
    a quarter of the bytes are NUL), else None: binary data."""
    if head.count(0) < _WIDE_MIN_NUL_SHARE * len(head):
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(head, cp_isolation=["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]).best()
    if best is None:
        return None
    # The detector can misread the byte order of short text: the NULs must sit in the
    # high-order byte of most code units for the order it names.
    width = 4 if "32" in best.encoding else 2
    high = head[width - 1 :: width] if best.encoding.endswith("le") else head[::width]
    return best.encoding if high.count(0) * 2 >= len(high) else None


def _legacy_encoding(head: bytes) -> str | None:
    """The legacy web encoding charset-normalizer finds most likely for bytes that are not
    UTF-8, as an iconv name ("cp1252" whenever Windows-1252 reads them the same: the usual case
    for English text, and a superset of Latin-1's printable characters); None when none fits."""
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    if best is None:
        return None
    candidates = [best.encoding, *best.could_be_from_charset]
    if "cp1252" in candidates:
        return "cp1252"
    found = next((c for c in candidates if c in _LEGACY_ENCODINGS), None)
    return found.replace("_", "-") if found else None


def read_bytes(path: Path) -> bytes:
    """Read a regular file's bytes, with errors that name the file. A named pipe (FIFO) is
    opened without waiting for a writer (``quality check <(command)`` works; a pipe nobody
    writes to is reported, not waited on); other special files (devices, sockets) are refused."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISFIFO(mode):
            return _read_fifo(path)
        if stat.S_ISDIR(mode):
            raise InputError(f"{path}: is a directory")
        if not stat.S_ISREG(mode):
            raise InputError(f"{path}: is not a regular file ({file_kind(mode)}); expected a text file")
        return path.read_bytes()
    except FileNotFoundError as err:
        if path.is_symlink():
            raise InputError(f"{path}: is a broken symbolic link (to {os.readlink(path)})") from err
        raise InputError(f"{path}: no such file") from err
    except IsADirectoryError as err:
        raise InputError(f"{path}: is a directory") from err
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(f"{path}: is a symbolic link that loops (it points, through other links, back to itself)") from err
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from err


def _read_fifo(path: Path) -> bytes:
    # Opening a FIFO for reading blocks until a writer opens it; O_NONBLOCK returns at once.
    # Reads then block as usual, and end at once (empty) when there is no writer.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read()
    finally:
        os.close(fd)
    if not data:
        raise InputError(f"{path}: is a named pipe (FIFO) that nothing was written to")
    return data


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, from its ``st_mode`` ("a named pipe")."""
    kinds = (
        (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def read_text(path: Path) -> str:
    """Read a file as text, with errors that name the file."""
    return decode(read_bytes(path), str(path))


# ---------------------------------------------------------------------------------------------
# Plain text


def _parse_text(text: str) -> tuple[list[Paragraph], list[Directive]]:
    blocks: list[tuple[str, str, list[tuple[int, int, int]]]] = []  # (text, marker role, line starts)
    directives: list[Directive] = []
    previous_blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        directive = parse_directive(raw, number) if stripped.startswith("<!--") else None
        if directive is not None:
            directives.append(directive)
        if not stripped or directive is not None:
            previous_blank = True
            continue
        column = len(raw) - len(raw.lstrip()) + 1
        role = ""
        content = stripped
        for marker_re, marker_role in ((_QUOTE_MARKER_RE, "quote"), (_LIST_MARKER_RE, "list_item")):
            match = marker_re.match(raw)
            if match:
                role = marker_role
                content = raw[match.end() :].strip()
                column = match.end() + 1 + (len(raw[match.end() :]) - len(raw[match.end() :].lstrip()))
                break
        if not content:
            previous_blank = True
            continue
        if blocks and not previous_blank and _continues(blocks[-1], role, content):
            prior_text, prior_role, starts = blocks[-1]
            starts.append((len(prior_text) + 1, number, column))
            blocks[-1] = (prior_text + "\n" + content, prior_role, starts)
        else:
            blocks.append((content, role, [(0, number, column)]))
        previous_blank = False
    texts = [b[0] for b in blocks]
    roles = infer_roles(texts, [b[1] for b in blocks])
    paragraphs = [
        Paragraph(i, t, r, starts[0][1], starts[0][2], tuple(starts))
        for i, (t, r, (_, _, starts)) in enumerate(zip(texts, roles, blocks))
    ]
    return paragraphs, directives


def _continues(block: tuple[str, str, list], role: str, content: str) -> bool:
    """A line continues the paragraph above when the line above is long enough to have been
    wrapped, does not end a sentence, and this one starts in lower case (hard-wrapped text);
    quote lines continue a quote. A short line such as a trailing "world" stays on its own."""
    prior_text, prior_role, _ = block
    if role == "quote":
        return prior_role == "quote"
    if role:
        return False
    prior_line = prior_text.rsplit("\n", 1)[-1]
    return (
        len(prior_line) >= WRAPPED_LINE_MIN_CHARS
        and not prior_line.rstrip().endswith(_TERMINAL)
        and content[:1].islower()
    )


def is_heading_like(text: str, next_text: str | None) -> bool:
    """True when a plain-text paragraph has the shape of a heading: short, no closing sentence
    punctuation, starting with a capital, and either Title Case or followed by a longer
    paragraph. A last paragraph is never a heading (nothing follows it)."""
    if next_text is None or "\n" in text:
        return False
    stripped = text.strip()
    # The cheap tests first: most paragraphs end a sentence.
    if not stripped or stripped.endswith(_HEADING_END) or (not stripped[0].isupper() and not stripped[0].isdigit()):
        return False
    tokens = words(stripped)
    if not tokens or len(tokens) > HEADING_MAX_WORDS:
        return False
    shaped = title_case_share(tokens) >= TITLE_CASE_MIN_SHARE or (
        len(tokens) <= SENTENCE_CASE_HEADING_MAX_WORDS and len(next_text.split()) >= 2 * len(tokens)
    )
    # Page chrome ("World", "By Jane Doe | 4 min read") has a heading's shape but is not one.
    return shaped and not is_page_chrome(tokenize(stripped))


def infer_roles(texts: Sequence[str], marked: Sequence[str]) -> list[str]:
    """Roles for plain-text paragraphs. ``marked`` holds "quote" or "list_item" for paragraphs
    with a block marker ("> ", "- ", "1. ") and "" for the rest.

    The first heading-like paragraph among the first :data:`HEADLINE_SEARCH_DEPTH` is the
    headline; later heading-like paragraphs are subheadings (a copy of the headline keeps the
    role "headline"). A paragraph that is one quotation from end to end is a quote.
    """
    roles: list[str] = []
    headline_key = None
    heading_like = [
        not marked[i] and is_heading_like(t, texts[i + 1] if i + 1 < len(texts) else None)
        for i, t in enumerate(texts)
    ]
    # A share bar or a footer split over lines ("Follow us", "Facebook", "X") is page chrome too
    for index, spans in enumerate(find_chrome_runs(texts, [m or "body" for m in marked])):
        if spans:
            heading_like[index] = False
    in_list = [False] * len(texts)
    run_start = 0
    for index in range(len(texts) + 1):
        if index == len(texts) or not heading_like[index]:
            if index - run_start >= HEADING_RUN_IS_LIST:
                in_list[run_start:index] = [True] * (index - run_start)
            run_start = index + 1
    # Heading-like lines under a "Related stories" line are a list of other articles' headlines.
    for index, text in enumerate(texts):
        if not marked[index] and len(text) <= RELATED_HEADING_MAX_CHARS and find_related_links(tokenize(text)):
            after = index + 1
            while after < len(texts) and heading_like[after]:
                in_list[after] = True
                after += 1
    for index, text in enumerate(texts):
        if marked[index]:
            roles.append(marked[index])
            continue
        if in_list[index]:
            roles.append("list_item")
            continue
        if heading_like[index]:
            key = " ".join(text.split()).casefold()
            if headline_key is None and index < HEADLINE_SEARCH_DEPTH and len(words(text)) >= HEADLINE_MIN_WORDS:
                headline_key = key
                roles.append("headline")
            elif key == headline_key and roles[-1:] == ["headline"]:
                roles.append("headline")
            else:
                roles.append("subheading")
        elif _FULL_QUOTE_RE.match(text.strip()):
            roles.append("quote")
        else:
            roles.append("body")
    return roles


# ---------------------------------------------------------------------------------------------
# HTML (read by quality/html.py)


def _parse_html(text: str, path: str, format: str) -> list[Paragraph]:
    from quality.html import parse_html

    blocks = parse_html(text, path, format)
    return [
        Paragraph(i, b.text, b.role, b.line_starts[0][1], b.line_starts[0][2], b.line_starts, b.markup)
        for i, b in enumerate(blocks)
    ]


def _html_directives(text: str) -> list[Directive]:
    """Suppression comments on lines of their own in the HTML source (``<!-- quality: ignore
    BP108 -->``), as in Markdown."""
    if "quality" not in text:
        return []
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "<!--" in line and "quality" in line:
            directive = parse_directive(line, number)
            if directive is not None:
                found.append(directive)
    return found


# ---------------------------------------------------------------------------------------------
# Markdown


def _markdown_parser():
    # Imported on first use: plain-text checks do not pay for the Markdown parser.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"maxNesting": MARKDOWN_MAX_NESTING}).use(front_matter_plugin).enable("table")


def _check_nesting(tokens: list) -> None:
    """Refuse Markdown nested deeper than the parser reads. Past :data:`MARKDOWN_MAX_NESTING`
    levels markdown-it skips the rest of the innermost quote or list item, which for a list
    runs to the end of the document: that text would go unchecked without a word."""
    for token in tokens:
        if token.type in ("blockquote_open", "list_item_open") and token.level + 1 >= MARKDOWN_MAX_NESTING and token.map:
            line = token.map[0] + 1
            raise InputError(
                f"line {line}: quotes and lists nested {MARKDOWN_MAX_NESTING} or more levels deep (a quote takes one level, a list two); "
                "the Markdown parser would skip the text inside them (and, in a list, the rest of the "
                "document); read it as plain text (--input-format text) or flatten the nesting"
            )


def _mask_inline(text: str) -> str:
    """Blank inline markup that is not prose, keeping every offset."""
    for pattern in _INLINE_MASKS:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    return text


def _parse_front_matter(content: str, source_line: int) -> dict:
    import yaml

    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError as err:
        raise InputError(f"front matter at line {source_line} is not valid YAML: {err}") from err
    return data if isinstance(data, dict) else {}


def _parse_markdown(text: str) -> tuple[list[Paragraph], dict, list[Directive]]:
    lines = text.split("\n")
    tokens = _markdown_parser().parse(text)
    _check_nesting(tokens)
    front_matter: dict = {}
    directives: list[Directive] = []
    found: list[tuple[str, str, list[tuple[int, int, int]]]] = []
    containers: list[str] = []
    heading = ""
    saw_heading = False
    for token in tokens:
        kind = token.type
        if kind == "front_matter":
            front_matter = _parse_front_matter(token.content, 1)
        elif kind in ("blockquote_open", "list_item_open"):
            containers.append("quote" if kind == "blockquote_open" else "list_item")
        elif kind in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif kind == "heading_open":
            heading = "headline" if token.tag == "h1" else "subheading"
            saw_heading = True
        elif kind == "heading_close":
            heading = ""
        elif kind == "html_block" and token.map:
            for number in range(token.map[0], token.map[1]):
                directive = parse_directive(lines[number], number + 1)
                if directive is not None:
                    directives.append(directive)
        elif kind in ("fence", "code_block") and token.map:
            start, end = token.map
            body = "\n".join(lines[start:end])
            found.append((body, "code", [(0, start + 1, 1)]))
        elif kind == "inline" and token.map:
            role = heading or (containers[-1] if containers else "body")
            start, _ = token.map
            content_lines = token.content.split("\n")
            starts = []
            offset = 0
            for row, content_line in enumerate(content_lines):
                source = lines[start + row] if start + row < len(lines) else ""
                column = source.find(content_line) + 1 if content_line else 1
                starts.append((offset, start + row + 1, max(1, column)))
                offset += len(content_line) + 1
            masked = _mask_inline(token.content)
            if masked.strip():
                found.append((masked, role, starts))
    if not saw_heading:
        # Markdown without a single heading is plain prose in a .md file: infer roles by shape.
        prose = [i for i, f in enumerate(found) if f[1] != "code"]
        marked = ["" if found[i][1] == "body" else found[i][1] for i in prose]
        inferred = infer_roles([found[i][0].strip() for i in prose], marked)
        for i, role in zip(prose, inferred):
            found[i] = (found[i][0], role, found[i][2])
    headline_seen = False
    paragraphs = []
    for index, (content, role, starts) in enumerate(found):
        if role == "headline" and headline_seen and saw_heading:
            role = "subheading"  # a second h1 is a section title
        headline_seen = headline_seen or role == "headline"
        lead = len(content) - len(content.lstrip())
        clean = content.strip() if role != "code" else content
        if role == "code":
            shifted = tuple(starts)
        else:
            shifted = tuple((0, ln, col + lead) if o == 0 else (max(0, o - lead), ln, col) for o, ln, col in starts)
        paragraphs.append(Paragraph(index, clean, role, shifted[0][1], shifted[0][2], shifted))
    return paragraphs, front_matter, directives
