"""Output formats for ``quality check``: flake8-style text lines and JSON."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quality.analysis import Report
from quality.files import utf8_json
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
    # The boilerplate model's probability for each prose paragraph (code has none)
    noise = dict(zip((p.index for p in doc.prose), report.measurements.boilerplate))
    return {
        "path": doc.path,
        "format": doc.format,
        "paragraphs": [
            {"index": p.index, "line": p.line, "role": p.role, "words": len(p.text.split()), "boilerplate_probability": round(noise[p.index], 4) if p.index in noise else None}
            for p in doc.paragraphs
        ],
        "flags": [f.as_dict() for f in shown],
        "features": report.features,
    }


def format_json(files: Sequence[dict], errors: Sequence[dict], model: dict | None = None) -> str:
    """The whole run as one JSON document (with the scoring model's identity when scored)."""
    total = sum(len(f["flags"]) for f in files)
    record = {"files": files, "errors": list(errors), "summary": {"files": len(files), "flags": total, "errors": len(errors)}}
    if model is not None:
        record["model"] = model
    return utf8_json(record, indent=2)


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def format_sarif(flags: Sequence[Flag], rules: Sequence, version: str) -> str:
    """SARIF 2.1.0 (GitHub code scanning): one run, the rules as the driver's rules."""
    used = sorted({f.code for f in flags})
    by_code = {r.code: r for r in rules}
    index = {code: i for i, code in enumerate(used)}
    driver_rules = []
    for code in used:
        rule = by_code.get(code)
        driver_rules.append(
            {
                "id": code,
                "name": rule.name if rule else code,
                "shortDescription": {"text": rule.doc_section("What it flags") if rule else code},
                "fullDescription": {"text": rule.doc_section("Why it matters") if rule else code},
                "help": {"text": rule.doc if rule else code},
                "defaultConfiguration": {"level": SARIF_LEVEL[str(rule.severity)] if rule else "warning"},
            }
        )
    results = []
    for flag in flags:
        region = {"startLine": flag.line, "startColumn": flag.column}
        if flag.end_line >= flag.line and (flag.end_line, flag.end_column) > (flag.line, flag.column):
            region.update({"endLine": flag.end_line, "endColumn": flag.end_column})
        results.append(
            {
                "ruleId": flag.code,
                "ruleIndex": index[flag.code],
                "level": SARIF_LEVEL[str(flag.severity)],
                "message": {"text": flag.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": _uri(flag.path)}, "region": region}}
                ],
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "content-quality",
                        "version": version,
                        "informationUri": "https://pypi.org/project/content-quality/",
                        "rules": driver_rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return utf8_json(log, indent=2)


def _uri(path: str) -> str:
    """A SARIF artifact location: the path with forward slashes, relative as given, every byte
    that a URI cannot hold percent-encoded (a space, non-ASCII letters in UTF-8, the bytes of a
    file name that is not UTF-8)."""
    from os import fsencode
    from urllib.parse import quote

    uri = path.replace("\\", "/")
    uri = uri[2:] if uri.startswith("./") else uri
    return quote(fsencode(uri), safe="/")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(flag: Flag) -> str:
    """A GitHub Actions workflow command: an annotation on the file and line."""
    level = GITHUB_LEVEL[str(flag.severity)]
    props = f"file={_escape_property(flag.path)},line={flag.line},col={flag.column}"
    if flag.end_line >= flag.line:
        props += f",endLine={flag.end_line},endColumn={flag.end_column}"
    props += f",title={_escape_property(f'{flag.code} {flag.name}')}"
    return f"::{level} {props}::{_escape_data(f'{flag.code} {flag.message}')}"


def format_junit(files: Sequence[tuple[str, Sequence[Flag]]]) -> str:
    """JUnit XML: a test suite per file, a failing test case per flag (a passing one when the
    file is clean)."""
    from xml.etree import ElementTree as ET

    root = ET.Element("testsuites", name="content-quality")
    total = failures = 0
    for path, flags in files:
        path = _xml_text(path)
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(flags))), failures=str(len(flags)), errors="0")
        total += max(1, len(flags))
        failures += len(flags)
        if not flags:
            ET.SubElement(suite, "testcase", name="no flags", classname=path)
        for flag in flags:
            case = ET.SubElement(suite, "testcase", name=f"{flag.code} line {flag.line}", classname=path)
            failure = ET.SubElement(case, "failure", message=_xml_text(flag.message), type=flag.code)
            failure.text = _xml_text(format_text_line(flag))
    root.set("tests", str(total))
    root.set("failures", str(failures))
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


# Characters XML 1.0 cannot hold, even escaped (C0 controls but tab and line breaks, U+FFFE/F)
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """``text`` as XML 1.0 can hold it: a lone surrogate (a file name that is not UTF-8) and a
    control character written as their Python escapes (``\\udcff``, ``\\x07``)."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _XML_INVALID_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def format_statistics(flags: Sequence[Flag]) -> str:
    """Counts per code, most frequent first (ruff's --statistics)."""
    counts: dict[str, list] = {}
    for flag in flags:
        entry = counts.setdefault(flag.code, [0, flag.name, str(flag.severity)])
        entry[0] += 1
    rows = sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))
    return "\n".join(f"{n:6d}  {code}  {name:30s} {severity}" for code, (n, name, severity) in rows)
