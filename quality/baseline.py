"""Baselining (``quality check --add-ignores``): write suppression comments for existing flags.

Like ruff's ``--add-noqa``: each flagged paragraph gets ``<!-- quality: ignore CODES -->`` on the
line above it (with the paragraph's indentation), and document-level flags get one
``<!-- quality: ignore-file CODES -->`` at the top (below the front matter). Existing text is
otherwise left byte for byte as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quality.document import Document
from quality.registry import Flag

# The tool's own meta rule is never baselined: an unused suppression should be removed.
NOT_BASELINED = ("QA",)


def add_ignores(path: Path, document: Document, flags: Sequence[Flag]) -> int:
    """Insert suppression comments for ``flags`` into the file at ``path``; returns how many
    comments were written."""
    flags = [f for f in flags if not f.code.startswith(NOT_BASELINED)]
    if not flags:
        return 0
    raw = path.read_bytes().decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in raw else "\n"
    lines = raw.replace("\r\n", "\n").split("\n")
    by_line: dict[int, set[str]] = {}
    file_codes: set[str] = set()
    for flag in flags:
        if flag.paragraph is None:
            file_codes.add(flag.code)
        else:
            by_line.setdefault(document.paragraphs[flag.paragraph].line, set()).add(flag.code)
    written = 0
    for line in sorted(by_line, reverse=True):
        source = lines[line - 1]
        indent = source[: len(source) - len(source.lstrip())]
        lines.insert(line - 1, f"{indent}<!-- quality: ignore {', '.join(sorted(by_line[line]))} -->")
        written += 1
    if file_codes:
        top = _after_front_matter(lines) if document.format == "markdown" else 0
        lines.insert(top, f"<!-- quality: ignore-file {', '.join(sorted(file_codes))} -->")
        written += 1
    path.write_text(newline.join(lines), encoding="utf-8", newline="")
    return written


def _after_front_matter(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return number + 1
    return 0
