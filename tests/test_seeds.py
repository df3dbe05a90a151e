"""The seeds against ../shared/seeds/expectations.json and the hard guards of SEEDS.md.

Only the high-confidence, surface-detectable artifacts and the document-level stuffing of 004
are hard assertions (SEEDS.md, "Notes for whoever writes tests"); the false-positive guards are
asserted too. The expectations file is read from ../shared/seeds when it is there; the seed texts
themselves are the copies in seeds/.
"""

from __future__ import annotations

import json

import pytest

import quality
from conftest import SEEDS, SHARED

EXPECTATIONS = SHARED / "seeds" / "expectations.json"
# ARTIFACTS.md type (and seed subtype) -> the rule codes that detect it.
CODES_FOR_TYPE = {
    "duplicate_headline": {"RP102"},
    "duplicate_paragraph": {"RP101"},
    "trailing_category_tag": {"BP102"},
    "leaked_seo_instruction": {"AR102"},
    "promotional_cta": {"BP101"},
    "keyphrase_stuffing": {"KW101"},
}
# Codes that must never fire on seeds 001-003 (SEEDS.md hard guards).
GUARDED_CODES = {"RP101", "RP102", "AR101", "AR102", "BP101", "AR103", "AR105"}
PAGE_CHROME_CODES = {"BP102", "BP103"}


@pytest.fixture(scope="module")
def reports():
    return {path.name: quality.analyze_file(path) for path in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="module")
def expectations():
    if not EXPECTATIONS.is_file():
        pytest.skip(f"{EXPECTATIONS} is missing (../shared is not beside the checkout)")
    return json.loads(EXPECTATIONS.read_text(encoding="utf-8"))


def test_five_seeds_are_present(reports):
    assert sorted(reports) == [
        "000_13d634e061cdaa72.txt",
        "001_454988fc12dd0efa.txt",
        "002_8d5a9b1879ca2c6b.txt",
        "003_8b8496d1b130a673.txt",
        "004_6124f721d4266168.txt",
    ]


def test_paragraphs_follow_the_seed_convention(reports, expectations):
    # SEEDS.md: paragraphs are the non-blank lines; the map gives 17, 15, 6, 11, 17.
    counts = {name: len(r.document.paragraphs) for name, r in reports.items()}
    assert counts == {
        "000_13d634e061cdaa72.txt": 17,
        "001_454988fc12dd0efa.txt": 15,
        "002_8d5a9b1879ca2c6b.txt": 6,
        "003_8b8496d1b130a673.txt": 11,
        "004_6124f721d4266168.txt": 17,
    }
    for item in expectations:
        if item["paragraph"] is not None:
            text = reports[item["seed"]].document.paragraphs[item["paragraph"]].text
            assert item["evidence"] in text, (item["seed"], item["paragraph"])


def test_every_high_confidence_artifact_is_flagged(reports, expectations):
    high = [e for e in expectations if e["confidence"] == "high" and e["surface_detectable"]]
    assert high, "expectations.json lists no high-confidence artifact"
    for item in high:
        codes = CODES_FOR_TYPE[item["type"]]
        flagged = {f.code for f in reports[item["seed"]].flags if f.paragraph == item["paragraph"]}
        assert flagged & codes, f"{item['seed']} p{item['paragraph']} {item['type']}: got {sorted(flagged)}"


def test_document_level_stuffing_of_004_is_flagged(reports, expectations):
    (item,) = [e for e in expectations if e["type"] == "keyphrase_stuffing"]
    flags = [f for f in reports[item["seed"]].flags if f.code == "KW101"]
    assert len(flags) == 1
    assert f"'{item['evidence']}'" in flags[0].message
    assert set(flags[0].related) == set(item["paragraphs"])


def test_duplicate_flags_point_at_the_original(reports, expectations):
    for item in expectations:
        if "duplicate_of" in item:
            flags = [f for f in reports[item["seed"]].flags if f.paragraph == item["paragraph"] and f.code in ("RP101", "RP102")]
            assert flags and flags[0].related == (item["duplicate_of"],)


def test_no_headline_or_subheading_is_flagged_as_page_chrome(reports):
    headings = {
        "000_13d634e061cdaa72.txt": {1},
        "001_454988fc12dd0efa.txt": {0},
        "003_8b8496d1b130a673.txt": {0, 2, 4, 6, 8},
        "004_6124f721d4266168.txt": {0, 3, 6, 9, 12},
    }
    for name, indices in headings.items():
        document = reports[name].document
        for index in indices:
            assert document.paragraphs[index].role in ("headline", "subheading"), (name, index)
        chrome = [f for f in reports[name].flags if f.code in PAGE_CHROME_CODES and f.paragraph in indices]
        assert not chrome, chrome


def test_short_legitimate_paragraph_of_004_is_not_flagged(reports):
    assert [f for f in reports["004_6124f721d4266168.txt"].flags if f.paragraph == 15] == []


def test_clean_seeds_get_no_hard_artifact_flag(reports):
    for name in ("001_454988fc12dd0efa.txt", "002_8d5a9b1879ca2c6b.txt", "003_8b8496d1b130a673.txt"):
        bad = [f for f in reports[name].flags if f.code in GUARDED_CODES]
        assert not bad, bad


def test_clean_paragraphs_carry_no_paragraph_flag_above_info(reports):
    # SEEDS.md "Clean paragraphs (should carry no artifact flag)".
    clean = {
        "000_13d634e061cdaa72.txt": {1, 3, 4, 6, 7, 8, 9, 10},
        "001_454988fc12dd0efa.txt": set(range(0, 13)),
        "002_8d5a9b1879ca2c6b.txt": {0, 1, 2, 3},
        "003_8b8496d1b130a673.txt": {0, 1, 2, 4, 5, 6, 8, 9, 10},
        "004_6124f721d4266168.txt": {0, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    }
    for name, indices in clean.items():
        bad = [f for f in reports[name].flags if f.paragraph in indices and f.severity > quality.Severity.INFO]
        assert not bad, bad

