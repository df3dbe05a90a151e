"""Every rule against its examples (tests/examples.py), and meta-tests of the registry.

The example test runs each rule alone (``select=[code]``) over whole small documents: a "flags"
document must get at least one flag with the rule's code, a "passes" document none. Examples on
which a rule is wrong today are listed in ``examples.KNOWN_GAPS`` and reported as expected
failures; they fail as soon as the rule gets them right, so that the entry is removed (strict).

The meta-tests keep the registry honest (proselint's and ruff's structure checks; STYLE.md 4.8):
code and name shapes, uniqueness, an examples row per rule, the five documentation sections, the
artifact type, and the thresholds named in each rule's Threshold section.
"""

from __future__ import annotations

import re

import pytest

import quality
from conftest import SHARED
from examples import EXAMPLES, KNOWN_GAPS, NEUTRAL_NEWS, Examples
from quality.rules import RULES

KINDS = ("flags", "passes")
DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "Threshold", "False positives")
CODE_RE = re.compile(r"^[A-Z]{2}\d{3}$")
KEBAB_CASE_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# A rule's examples: at least this many of each kind (STYLE.md 4.8; "where sensible").
MIN_FLAGS_EXAMPLES = 2
MIN_PASSES_EXAMPLES = 3
# Rules with flags examples must cover at least this many distinct artifact types.
MIN_ARTIFACT_TYPES_COVERED = 15

# The 23 type ids of ARTIFACTS.md (section 2, "Overview").
ARTIFACT_TYPES = (
    "duplicate_paragraph",
    "duplicate_headline",
    "keyphrase_stuffing",
    "keyword_list",
    "leaked_llm_phrase",
    "leaked_seo_instruction",
    "template_placeholder",
    "markup_residue",
    "mojibake",
    "hidden_text",
    "tortured_phrase",
    "rewrite_fact_drift",
    "llm_stock_phrase",
    "word_salad",
    "promotional_cta",
    "affiliate_block",
    "page_metadata_leftover",
    "page_widget_leftover",
    "related_links_leftover",
    "structure_anomaly",
    "stitched_content",
    "off_topic_injection",
    "thin_scaled_content",
)

# Documentation defects known today, by rule code; reported like KNOWN_GAPS (strict).
KNOWN_THRESHOLD_DOC_GAPS: dict[str, str] = {}


def rule_id(rule) -> str:
    return rule.code


def example_cases() -> list:
    """One case per example of every registered rule: (rule, kind, index)."""
    cases = []
    for rule in RULES:
        examples = EXAMPLES.get(rule.code)
        if examples is None:
            continue  # reported by test_every_rule_has_an_examples_row
        for kind in KINDS:
            for index in range(len(getattr(examples, kind))):
                cases.append(pytest.param(rule, kind, index, id=f"{rule.code}-{kind}-{index}"))
    return cases


def shorten(text: str, limit: int = 90) -> str:
    flat = " | ".join(line.strip() for line in text.strip().splitlines())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def flags_of(rule, examples: Examples, text: str) -> list:
    """The flags of ``rule`` run alone on ``text``. A rule that judges the other rules' flags
    after suppressions (QA101) runs with every rule, and only its own flags are kept."""
    if rule.after_suppressions:
        report = quality.analyze(text, format=examples.format, keyphrase=examples.keyphrase)
        return [f for f in report.flags if f.code == rule.code]
    report = quality.analyze(text, format=examples.format, select=[rule.code], keyphrase=examples.keyphrase)
    other = sorted({f.code for f in report.flags} - {rule.code})
    assert not other, f"select=[{rule.code!r}] also ran {other}"
    return report.flags


def report_known_gap(key: tuple, right: bool) -> None:
    """Expected failure for a known gap; a failure when the gap has been fixed (strict)."""
    reason = KNOWN_GAPS[key]
    if right:
        pytest.fail(f"KNOWN_GAPS{key!r} is fixed: the rule now gets this example right; remove the entry")
    pytest.xfail(f"{key[0]} {key[1]}[{key[2]}]: {reason}")


# ---------------------------------------------------------------------------------------------
# (a) The examples


@pytest.mark.parametrize(("rule", "kind", "index"), example_cases())
def test_rule_example(rule, kind, index):
    examples = EXAMPLES[rule.code]
    text = getattr(examples, kind)[index]
    found = flags_of(rule, examples, text)
    if kind == "flags":
        right = bool(found)
        message = f"False negative for {rule.code}: {kind}[{index}] {shorten(text)!r} got no {rule.code} flag"
    else:
        right = not found
        details = "; ".join(f"paragraph {f.paragraph}: {f.message}" for f in found)
        message = f"False positive for {rule.code}: {kind}[{index}] {shorten(text)!r}: {details}"
    key = (rule.code, kind, index)
    if key in KNOWN_GAPS:
        report_known_gap(key, right)
    assert right, message


def test_flags_point_at_a_paragraph_or_the_document():
    """Paragraph-scope flags name a paragraph of the document; document-scope flags name none."""
    problems = []
    for rule in RULES:
        examples = EXAMPLES.get(rule.code)
        if examples is None:
            continue
        for index, text in enumerate(examples.flags):
            document = quality.Document.from_text(text, format=examples.format)
            for flag in flags_of(rule, examples, text):
                if rule.scope in (quality.Scope.DOCUMENT, quality.Scope.LINE):
                    if flag.paragraph is not None:
                        problems.append(f"{rule.code} flags[{index}]: document flag names paragraph {flag.paragraph}")
                elif flag.paragraph is None or not 0 <= flag.paragraph < len(document.paragraphs):
                    problems.append(f"{rule.code} flags[{index}]: paragraph flag names {flag.paragraph!r}")
                else:
                    paragraph = document.paragraphs[flag.paragraph]
                    if not paragraph.line <= flag.line <= paragraph.end_line:
                        problems.append(f"{rule.code} flags[{index}]: line {flag.line} is outside paragraph {flag.paragraph}")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------------
# (b) Meta-tests: the registry


def test_codes_have_the_two_letters_three_digits_shape():
    bad = [rule.code for rule in RULES if not CODE_RE.match(rule.code)]
    assert not bad, f"codes not matching {CODE_RE.pattern}: {bad}"


def test_codes_are_unique():
    codes = [rule.code for rule in RULES]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    assert not duplicates, f"duplicate rule codes: {duplicates}"


def test_names_are_unique():
    names = [rule.name for rule in RULES]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates, f"duplicate rule names: {duplicates}"


def test_names_are_kebab_case_and_name_the_problem():
    bad = [f"{rule.code} {rule.name!r}" for rule in RULES if not KEBAB_CASE_RE.match(rule.name)]
    assert not bad, f"rule names that are not kebab-case: {bad}"
    prefixed = [f"{rule.code} {rule.name!r}" for rule in RULES if rule.name.startswith(("no-", "avoid-"))]
    assert not prefixed, f"rule names must name the problem, without no-/avoid- (STYLE.md 4.4): {prefixed}"


def test_every_rule_has_an_examples_row():
    missing = [rule.code for rule in RULES if rule.code not in EXAMPLES]
    assert not missing, f"rules without an EXAMPLES row in tests/examples.py: {missing}"


def test_no_examples_row_is_orphaned():
    codes = {rule.code for rule in RULES}
    orphaned = sorted(code for code in EXAMPLES if code not in codes)
    assert not orphaned, f"EXAMPLES rows for codes that are not in quality.rules.RULES: {orphaned}"


@pytest.mark.parametrize("rule", RULES, ids=rule_id)
def test_examples_row_is_complete(rule):
    examples = EXAMPLES.get(rule.code)
    if examples is None:
        pytest.skip("no EXAMPLES row (reported by test_every_rule_has_an_examples_row)")
    assert isinstance(examples, Examples), f"{rule.code}: the row is not an Examples record"
    assert examples.format in ("text", "markdown"), f"{rule.code}: unknown format {examples.format!r}"
    assert len(examples.flags) >= MIN_FLAGS_EXAMPLES, f"{rule.code}: fewer than {MIN_FLAGS_EXAMPLES} flags examples"
    assert len(examples.passes) >= MIN_PASSES_EXAMPLES, f"{rule.code}: fewer than {MIN_PASSES_EXAMPLES} passes examples"
    assert all(isinstance(t, str) and t.strip() for t in examples.flags + examples.passes), f"{rule.code}: empty example"
    assert NEUTRAL_NEWS in examples.passes, f"{rule.code}: the passes must include the neutral news story"
    shared = set(examples.flags) & set(examples.passes)
    assert not shared, f"{rule.code}: a document is both a flags and a passes example"


def test_known_gaps_name_existing_examples():
    problems = []
    for key, reason in KNOWN_GAPS.items():
        code, kind, index = key
        examples = EXAMPLES.get(code)
        if examples is None or kind not in KINDS or not 0 <= index < len(getattr(examples, kind)):
            problems.append(f"{key!r} names no example")
        if not isinstance(reason, str) or not reason.strip():
            problems.append(f"{key!r} has no reason")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rule", RULES, ids=rule_id)
def test_docstring_has_the_five_sections(rule):
    doc = rule.doc
    assert doc, f"{rule.code}: the check function {rule.check.__name__} has no docstring"
    missing = [s for s in DOC_SECTIONS if not re.search(rf"^{re.escape(s)}:", doc, re.M)]
    assert not missing, f"{rule.code}: docstring sections missing (a line starting '<Section>:'): {missing}"
    empty = [s for s in DOC_SECTIONS if not rule.doc_section(s).strip()]
    assert not empty, f"{rule.code}: empty docstring sections: {empty}"


@pytest.mark.parametrize("rule", RULES, ids=rule_id)
def test_artifact_is_an_artifacts_md_type(rule):
    if rule.code.startswith("QA"):  # the tool's own rules judge its comments, not the text
        assert rule.artifact == "", f"{rule.code}: a QA rule detects no artifact"
        return
    assert rule.artifact in ARTIFACT_TYPES, f"{rule.code}: artifact {rule.artifact!r} is not an ARTIFACTS.md type id"


def test_artifact_type_list_matches_artifacts_md():
    """The 23 ids above are the ones in the overview table of ARTIFACTS.md (when it is there)."""
    path = SHARED / "ARTIFACTS.md"
    if not path.is_file():
        pytest.skip(f"{path} is missing (../shared is not beside the checkout)")
    ids = re.findall(r"^\|\s*\d+\s*\|\s*`([a-z_]+)`\s*\|", path.read_text(encoding="utf-8"), re.M)
    assert tuple(ids) == ARTIFACT_TYPES


@pytest.mark.parametrize("rule", RULES, ids=rule_id)
def test_threshold_names_every_param(rule):
    threshold = rule.doc_section("Threshold")
    missing = [name for name in rule.params if not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", threshold)]
    if rule.code in KNOWN_THRESHOLD_DOC_GAPS:
        if not missing:
            pytest.fail(f"KNOWN_THRESHOLD_DOC_GAPS[{rule.code!r}] is fixed; remove the entry")
        pytest.xfail(f"{rule.code}: {KNOWN_THRESHOLD_DOC_GAPS[rule.code]}")
    assert not missing, f"{rule.code}: params not named in the Threshold section: {missing}"


# ---------------------------------------------------------------------------------------------
# (c) Coverage of the taxonomy


def test_rules_with_flags_examples_cover_enough_artifact_types():
    covered = {rule.artifact for rule in RULES if EXAMPLES.get(rule.code) and EXAMPLES[rule.code].flags}
    assert len(covered) >= MIN_ARTIFACT_TYPES_COVERED, (
        f"only {len(covered)} artifact types have rules with flags examples "
        f"(need {MIN_ARTIFACT_TYPES_COVERED}): {sorted(covered)}"
    )
