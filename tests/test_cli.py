"""The command line: output lines, JSON, exit codes, rule docs, bad inputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from quality.cli import cli, rules_markdown
from quality.rules import CORPUS_RULES, RULES

LINE_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]{2}\d{3}) \S.*$")
CLEAN = "Talks Resume in Istanbul\nDelegations from both countries met on Friday and agreed to exchange prisoners, officials said.\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_check_seeds_prints_flake8_style_lines_and_exits_1():
    result = run("check", str(SEEDS))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines and all(LINE_RE.match(line) for line in lines), lines
    assert any(" BP101 " in line and "Filipinokami.com" in line for line in lines)
    # one summary line and one score line per file on stderr
    assert len([s for s in result.stderr.splitlines() if re.search(r": \d+ paragraphs?, \d+ flags?", s)]) == 5
    assert len([s for s in result.stderr.splitlines() if re.search(r": score \d\.\d\d (acceptable|low-quality)", s)]) == 5


def test_clean_text_exits_0(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_stdin(tmp_path):
    result = run("check", "-", input="Intro line.\nFor more news, visit dailybuzzhub.net today.\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:2:")


def test_json_output_parses(tmp_path):
    result = run("check", "--format", "json", str(SEEDS / "004_6124f721d4266168.txt"))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    (record,) = data["files"]
    codes = {f["code"] for f in record["flags"]}
    assert {"BP101", "AR102", "KW101"} <= codes
    assert len(record["paragraphs"]) == 17
    assert record["features"]["top_phrase_count"] == 9.0
    assert data["summary"]["flags"] == len(record["flags"])


def test_select_ignore_and_unknown_code():
    seed = str(SEEDS / "004_6124f721d4266168.txt")
    only = run("check", "--select", "BP", seed)
    assert {LINE_RE.match(l)["code"] for l in only.stdout.splitlines()} == {"BP101"}
    ignored = run("check", "--ignore", "BP101,AR,KW,ST", seed)
    assert ignored.exit_code == 0 and ignored.stdout == ""
    bad = run("check", "--select", "ZZ9", seed)
    assert bad.exit_code == 2
    assert "ZZ9" in bad.output


def test_info_flags_do_not_fail_by_default_but_can():
    seed = str(SEEDS / "002_8d5a9b1879ca2c6b.txt")
    assert run("check", seed).exit_code == 0  # only an info-level AR108
    assert run("check", "--fail-on", "info", seed).exit_code == 1
    assert run("check", "--min-severity", "warning", seed).stdout == ""


def test_exit_zero():
    assert run("check", "--exit-zero", str(SEEDS)).exit_code == 0


def test_bad_inputs_are_reported_and_others_still_checked(tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x7fELF\x00\x00\x01\x02" * 100)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Un caf\u00e9 au lait.\n".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text("Intro.\nFor more updates, visit dailybuzzhub.net.\n", encoding="utf-8")
    result = run("check", str(binary), str(latin), str(empty), str(tmp_path / "missing.txt"), str(good))
    assert result.exit_code == 2
    assert "binary.txt: looks like a binary file" in result.stderr
    assert "latin.txt: is not valid UTF-8 (byte 0xe9" in result.stderr
    assert "missing.txt: no such file" in result.stderr
    assert "empty.txt: 0 paragraphs, 0 flags" in result.stderr
    assert "good.txt:2:" in result.stdout  # the good file was still checked
    assert "Traceback" not in result.output


def test_huge_single_line_file(tmp_path):
    path = tmp_path / "huge.txt"
    sentence = "The delegation arrived in Istanbul on Friday for the first direct talks in three years. "
    path.write_text(sentence * (5_000_000 // len(sentence)), encoding="utf-8")
    result = run("check", "--format", "json", str(path))
    assert result.exit_code in (0, 1), result.output[-500:]
    data = json.loads(result.stdout)
    assert len(data["files"][0]["paragraphs"]) == 1
    # RD103: a 5 MB paragraph is overlong; RD104: all its sentences start with "The delegation".
    assert {f["code"] for f in data["files"][0]["flags"]} <= {"RP103", "KW103", "ST103", "RD103", "RD104"}


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Intro.\nFor more, visit dailybuzzhub.net now.\n".encode("utf-16"))
    result = run("check", str(path))
    assert result.exit_code == 1 and "BP101" in result.stdout


def test_html_that_is_not_html_gets_a_clear_message(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("Only words, no markup.", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "page.html: does not look like HTML" in result.stderr


def test_rules_lists_and_explains():
    listed = run("rules")
    assert listed.exit_code == 0
    assert len(listed.stdout.splitlines()) == len(RULES) + len(CORPUS_RULES)
    explained = run("rules", "kw101")
    assert explained.exit_code == 0
    for section in ("What it flags:", "Why it matters:", "Example:", "Threshold:", "False positives:"):
        assert section in explained.stdout
    by_name = run("rules", "keyphrase-stuffing")
    assert by_name.stdout == explained.stdout
    assert run("rules", "XX999").exit_code == 2
    corpus = run("rules", "CT101")  # a corpus rule is documented like the others
    assert corpus.exit_code == 0 and "quality score --templates" in corpus.stdout and "False positives:" in corpus.stdout


def test_readme_rule_table_is_current():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rules_markdown(RULES, CORPUS_RULES) in readme, "README rule table is stale: run `quality rules --format markdown`"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_markdown_and_text_agree_on_a_seed(tmp_path, path):
    # The same seed read as Markdown (each line its own paragraph) flags the same lines.
    text = path.read_text(encoding="utf-8")
    md = tmp_path / (path.stem + ".md")
    md.write_text("\n\n".join(line for line in text.split("\n") if line.strip()), encoding="utf-8")
    as_text = {l.split(": ", 1)[1].split(" ", 1)[0] for l in run("check", str(path)).stdout.splitlines()}
    as_md = {l.split(": ", 1)[1].split(" ", 1)[0] for l in run("check", str(md)).stdout.splitlines()}
    assert as_text == as_md


def test_article_scores_order_the_seeds_and_gate_ci():
    result = run("check", "--format", "json", str(SEEDS))
    data = json.loads(result.stdout)
    scores = {Path(f["path"]).name[:3]: f["score"]["score"] for f in data["files"]}
    assert min(scores["000"], scores["004"]) > max(scores["001"], scores["002"], scores["003"])
    assert data["model"]["sha256"] and len(data["files"][0]["score"]["reasons"]) == 3
    clean = str(SEEDS / "003_8b8496d1b130a673.txt")
    assert run("check", "--fail-over", "0.5", clean).exit_code == 0
    assert run("check", "--fail-over", "0.01", clean).exit_code == 1
    assert run("check", "--fail-under", "0.5", clean).exit_code == 1
    assert run("check", "--fail-over", "0.01", "--exit-zero", clean).exit_code == 0
    assert ": score " not in run("check", "--no-score", clean).stderr  # not "score" alone: the checkout path may hold it


def test_a_model_that_is_not_a_model_fails_with_exit_3(tmp_path):
    bad = tmp_path / "bad.joblib"
    bad.write_bytes(b"not a pickle")
    result = run("check", "--model", str(bad), str(SEEDS / "003_8b8496d1b130a673.txt"))
    assert result.exit_code == 3
    assert "bad" in result.output and "Traceback" not in result.output
