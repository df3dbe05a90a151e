"""Output formats for ``quality check``: flake8-style text lines and JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from quality.analysis import Report
from quality.registry import Flag


def format_text_line(flag: Flag) -> str:
    """``path:line:col: CODE message`` (the format editors and CI parse)."""
    return f"{flag.path}:{flag.line}:{flag.column}: {flag.code} {flag.message}"


def summary_line(report: Report, shown: Sequence[Flag]) -> str:
    """One line per file: paragraphs, flags by severity."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for flag in shown:
        counts[str(flag.severity)] += 1
    n = len(report.document.paragraphs)
    detail = ", ".join(f"{v} {k}" for k, v in counts.items() if v)
    flags = f"{len(shown)} flag{'s' if len(shown) != 1 else ''}" + (f" ({detail})" if detail else "")
    return f"{report.document.path}: {n} paragraph{'s' if n != 1 else ''}, {flags}"


def report_dict(report: Report, shown: Sequence[Flag]) -> dict:
    """A JSON-ready record of one file's report."""
    doc = report.document
    return {
        "path": doc.path,
        "format": doc.format,
        "paragraphs": [
            {"index": p.index, "line": p.line, "role": p.role, "words": len(p.text.split())} for p in doc.paragraphs
        ],
        "flags": [f.as_dict() for f in shown],
        "features": report.features,
    }


def format_json(files: Sequence[dict], errors: Sequence[dict]) -> str:
    """The whole run as one JSON document."""
    total = sum(len(f["flags"]) for f in files)
    return json.dumps({"files": files, "errors": list(errors), "summary": {"files": len(files), "flags": total, "errors": len(errors)}}, indent=2, ensure_ascii=False)
