"""Linting that fits the ecosystem: configuration, suppressions, keyphrase, output formats,
baselining and the pre-commit hook."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS
from quality.cli import cli

CTA_DOC = """\
Council Approves Budget
The council approved next year's budget on Tuesday after a two-hour debate, officials said.
For more council news, visit townbuzz.net every day.
"""


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def codes(result) -> list[str]:
    return [line.split(": ", 1)[1].split(" ", 1)[0] for line in result.stdout.splitlines() if ": " in line]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs" / "press").mkdir(parents=True)
    (tmp_path / "docs" / "article.txt").write_text(CTA_DOC, encoding="utf-8")
    (tmp_path / "docs" / "press" / "release.txt").write_text(CTA_DOC, encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------------------------------------
# Configuration


def test_pyproject_is_found_walking_up(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.quality]\nignore = ["BP101"]\n')
    assert codes(run("check", project / "docs" / "article.txt")) == []
    assert codes(run("check", "--isolated", project / "docs" / "article.txt")) == ["BP101"]


def test_pyproject_without_tool_table_is_passed_over(project):
    (project / "docs" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (project / ".quality.toml").write_text('ignore = ["BP"]\n')
    assert codes(run("check", project / "docs" / "article.txt")) == []


def test_quality_toml_wins_over_pyproject_in_the_same_folder(project):
    (project / "pyproject.toml").write_text('[tool.quality]\nignore = ["BP101"]\n')
    (project / ".quality.toml").write_text('select = ["AR"]\n')
    # .quality.toml selects AR only; its absence of ignore does not matter: BP101 is not selected
    assert codes(run("check", project / "docs" / "article.txt")) == []
    (project / ".quality.toml").write_text('select = ["BP"]\n')
    assert codes(run("check", project / "docs" / "article.txt")) == ["BP101"]


def test_nearest_configuration_wins(project):
    (project / "pyproject.toml").write_text('[tool.quality]\nignore = ["BP101"]\n')
    (project / "docs" / "press" / ".quality.toml").write_text('select = ["ALL"]\n')
    assert codes(run("check", project / "docs" / "article.txt")) == []
    assert codes(run("check", project / "docs" / "press" / "release.txt")) == ["BP101"]


def test_command_line_overrides_the_file(project):
    (project / "pyproject.toml").write_text('[tool.quality]\nselect = ["AR"]\n')
    path = project / "docs" / "article.txt"
    assert codes(run("check", path)) == []
    assert codes(run("check", "--select", "BP", path)) == ["BP101"]
    assert codes(run("check", "--extend-select", "BP", path)) == ["BP101"]
    (project / "pyproject.toml").write_text('[tool.quality]\nfail-on = "error"\nmin-severity = "warning"\n')
    assert run("check", path).exit_code == 1  # BP101 is an error
    assert run("check", "--fail-on", "info", path).exit_code == 1
    assert run("check", "--ignore", "BP101", path).exit_code == 0


def test_explicit_config_file(project):
    config = project / "custom.toml"
    config.write_text('ignore = ["BP101"]\n')
    assert codes(run("check", "--config", config, project / "docs" / "article.txt")) == []


def test_per_rule_threshold(tmp_path):
    doc = tmp_path / "repeat.txt"
    doc.write_text(
        "Talks Resume\nThe delegations met on Friday for a second round of talks in the city.\n"
        "The delegations met on Friday for a second round of talks in the city.\n",
        encoding="utf-8",
    )
    assert "RP101" in codes(run("check", doc))
    (tmp_path / ".quality.toml").write_text("[rules.RP101]\nmin_words = 20\n")
    assert "RP101" not in codes(run("check", doc))


def test_per_path_ignores_and_exclude(project):
    (project / "pyproject.toml").write_text(
        '[tool.quality]\nexclude = ["docs/archive/*"]\n\n[tool.quality.per-path-ignores]\n"docs/press/*.txt" = ["BP101"]\n'
    )
    (project / "docs" / "archive").mkdir()
    (project / "docs" / "archive" / "old.txt").write_text(CTA_DOC, encoding="utf-8")
    result = run("check", project / "docs")
    assert result.stdout.count("BP101") == 1 and "article.txt" in result.stdout
    assert "old.txt" not in result.output


@pytest.mark.parametrize(
    "content, needle",
    [
        ('[tool.quality]\nselct = ["BP"]\n', "unknown key 'selct'"),
        ('[tool.quality]\nselect = ["XX1"]\n', "'XX1'"),
        ('[tool.quality.rules.KW101]\nmin_cont = 3\n', "KW101 has no parameter 'min_cont'"),
        ('[tool.quality.rules.ZZ999]\nmin_count = 3\n', "no rule has the code 'ZZ999'"),
        ('[tool.quality.rules.KW101]\nmin_count = "five"\n', "min_count must be a number"),
        ('[tool.quality]\nfail-on = "fatal"\n', "unknown severity 'fatal'"),
        ('[tool.quality\n', "not valid TOML"),
    ],
)
def test_invalid_configuration_is_an_error_that_names_it(project, content, needle):
    (project / "pyproject.toml").write_text(content)
    result = run("check", project / "docs" / "article.txt")
    assert result.exit_code == 2
    assert needle in result.output and "pyproject.toml" in result.output


# ---------------------------------------------------------------------------------------------
# Suppressions


def test_next_paragraph_suppression_in_text_and_markdown(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text(CTA_DOC.replace("For more", "<!-- quality: ignore BP101 -->\nFor more"), encoding="utf-8")
    assert run("check", text).exit_code == 0
    md = tmp_path / "a.md"
    md.write_text("# Council Approves Budget\n\n<!-- quality: ignore BP -->\nFor more council news, visit townbuzz.net every day.\n", encoding="utf-8")
    assert codes(run("check", md)) == []


def test_suppression_applies_to_the_next_paragraph_only(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("<!-- quality: ignore BP101 -->\n" + CTA_DOC, encoding="utf-8")
    # the comment sits above the headline: the call to action is still flagged, the comment unused
    assert codes(run("check", doc)) == ["QA101", "BP101"]


def test_file_suppression(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("<!-- quality: ignore-file BP101 -->\n\n" + CTA_DOC.replace("\n", "\n\n"), encoding="utf-8")
    assert codes(run("check", doc)) == []


def test_unused_suppression_is_reported(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Council Approves Budget\n<!-- quality: ignore KW101, XY1 -->\nThe council approved the budget on Tuesday, officials said.\n", encoding="utf-8")
    result = run("check", doc)
    assert result.exit_code == 1
    assert "a.txt:2:1: QA101 unused suppression: 'ignore' for KW101, XY1 (no such rule)" in result.stdout


def test_add_ignores_baselines_every_flag(tmp_path):
    shutil.copy(SEEDS / "004_6124f721d4266168.txt", tmp_path / "seed.txt")
    md = tmp_path / "post.md"
    md.write_text("---\ntitle: x\n---\n# Council Approves Budget\n\n- For more council news, visit townbuzz.net every day.\n", encoding="utf-8")
    result = run("check", "--add-ignores", tmp_path)
    assert result.exit_code == 0, result.output
    assert "added" in result.stderr
    after = run("check", "--fail-on", "info", tmp_path)
    assert after.exit_code == 0, after.output
    baselined = (tmp_path / "seed.txt").read_text(encoding="utf-8")
    assert baselined.startswith("<!-- quality: ignore-file KW101 -->\n")
    assert "<!-- quality: ignore ST105 -->\nRussia" in baselined
    assert md.read_text(encoding="utf-8").startswith("---\ntitle: x\n---\n")


# ---------------------------------------------------------------------------------------------
# Keyphrase, quotations


def test_same_article_with_and_without_keyphrase(tmp_path):
    doc = tmp_path / "shoes.txt"
    doc.write_text(
        "Choosing Running Shoes\n"
        + "Running shoes matter. Good running shoes help. Cheap running shoes hurt. New running shoes cost more. "
        "Old running shoes wear out. We tested running shoes for weeks, and the running shoes held up in rain and heat.\n" * 6,
        encoding="utf-8",
    )
    without = set(codes(run("check", doc)))
    with_phrase = set(codes(run("check", "--keyphrase", "running shoes", doc)))
    assert "KW102" not in without
    assert "KW102" in with_phrase
    front = tmp_path / "shoes.md"
    front.write_text("---\nkeyphrase: running shoes\n---\n" + doc.read_text(encoding="utf-8").replace("\n", "\n\n"), encoding="utf-8")
    assert "KW102" in codes(run("check", front))


def test_quoted_chatbot_phrase_and_block_quote_do_not_flag(tmp_path):
    doc = tmp_path / "bots.md"
    doc.write_text(
        "# Chatbot Text Is Turning Up in Product Reviews\n\n"
        'Researchers found reviews that began "As an AI language model, I cannot" and others that ended '
        '"I hope this helps!", a sign that sellers paste chatbot output without reading it.\n\n'
        "> Running shoes, running shoes, running shoes: the best running shoes are the running shoes you wear.\n\n"
        "The study covered 10,000 reviews of running shoes posted last year.\n",
        encoding="utf-8",
    )
    result = run("check", "--keyphrase", "running shoes", doc)
    assert not {"AR101", "KW101", "KW102", "KW103"} & set(codes(result)), result.stdout


# ---------------------------------------------------------------------------------------------
# Output formats


def test_json_round_trip():
    result = run("check", "--format", "json", SEEDS)
    data = json.loads(result.stdout)
    assert data["summary"]["files"] == 5
    flags = [f for record in data["files"] for f in record["flags"]]
    assert {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message"} <= set(flags[0])


def test_sarif_has_the_required_fields():
    result = run("check", "--format", "sarif", SEEDS)
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    # SARIF 2.1.0 required properties: sarifLog.version and runs; run.tool; tool.driver;
    # toolComponent.name; result.message (with text); reportingDescriptor.id.
    assert log["version"] == "2.1.0" and isinstance(log["runs"], list) and log["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "content-quality"
    ids = [r["id"] for r in driver["rules"]]
    assert ids and len(ids) == len(set(ids))
    assert all(r["shortDescription"]["text"] for r in driver["rules"])
    for item in run_["results"]:
        assert item["message"]["text"]
        assert item["level"] in ("error", "warning", "note")
        assert driver["rules"][item["ruleIndex"]]["id"] == item["ruleId"]
        region = item["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".txt")
    assert len(run_["results"]) == len(codes(run("check", SEEDS)))


def test_github_annotations():
    result = run("check", "--format", "github", SEEDS / "004_6124f721d4266168.txt")
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("::error file=", "::warning file=", "::notice file=")) for line in lines)
    assert any("title=BP101 promotional-call-to-action::BP101 " in line for line in lines)
    assert all("%25" in line or "%" not in line.split("::", 2)[2] for line in lines)


def test_junit_parses():
    result = run("check", "--format", "junit", SEEDS)
    root = ElementTree.fromstring(result.stdout.split("?>", 1)[1])
    suites = root.findall("testsuite")
    assert len(suites) == 5
    failures = root.findall(".//failure")
    assert int(root.get("failures")) == len(failures) == len(codes(run("check", SEEDS)))
    clean = [s for s in suites if s.get("failures") == "0"]
    assert clean and clean[0].find("testcase").get("name") == "no flags"


def test_statistics():
    result = run("check", "--statistics", SEEDS)
    first = result.stdout.splitlines()[0].split()
    assert first[:3] == ["6", "RP101", "duplicate-paragraph"]


def test_no_colour_when_not_a_terminal():
    assert "\x1b[" not in run("check", SEEDS).stdout


# ---------------------------------------------------------------------------------------------
# pre-commit


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_on_a_temporary_repository(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e '.[test]')")
    repo = tmp_path / "site"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "post.md").write_text("# Budget\n\nFor more council news, visit townbuzz.net every day.\n", encoding="utf-8")
    (repo / "clean.md").write_text("# Budget\n\nThe council approved the budget on Tuesday, officials said.\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    hook = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "quality", "--all-files"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )
    output = hook.stdout + hook.stderr
    assert hook.returncode == 1, output
    assert "post.md:3:24: BP101" in output, output
    assert "clean.md: 2 paragraphs, 0 flags" in output, output
