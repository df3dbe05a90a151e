"""``quality score``: readers, rejects, order, resume after SIGKILL and SIGINT, full disks,
dying workers, Parquet, template paragraphs (issue 6 and the corpus-run items of issue 8).

Corpora are built in a temporary folder from the seeds (the project's own example articles);
the raw web sample is read from ../shared/data, and those tests skip without it. Runs that must
be killed use subprocesses and real signals.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEEDS, write_undecodable_name
from quality.cli import cli
from quality.sources import Source, parse_raw, read_source, split_ranges

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
QUALITY = [sys.executable, "-m", "quality"]


def documents(n: int) -> list[str]:
    """``n`` distinct articles: the seeds, each later copy with its paragraphs rotated."""
    texts = []
    for i in range(n):
        lines = [line for line in SEED_TEXTS[i % len(SEED_TEXTS)].split("\n") if line.strip()]
        turn = (i // len(SEED_TEXTS)) % max(1, len(lines) - 1)
        texts.append("\n".join(lines[:1] + lines[1:][turn:] + lines[1:][:turn]))
    return texts


def write_corpus(path: Path, n: int, field: str = "text") -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for i, text in enumerate(documents(n)):
            handle.write(json.dumps({"id": f"doc-{i}", field: text}) + "\n")
    return path


def score(*args, input=None):
    return CliRunner().invoke(cli, ["score", *args], input=input, catch_exceptions=False)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def broken_jsonl(folder: Path) -> tuple[Path, Path]:
    """A JSONL file with one bad line of each kind and a 20 MB record, and a truncated .gz."""
    good = documents(5)
    rows = [json.dumps({"id": f"ok-{i}", "meta": {"body": t}}).encode() for i, t in enumerate(good)]
    rows.insert(2, b'{"id": "bad-json", "meta": {"body": "unterminated')
    rows.insert(3, b'{"id": "latin-1", "meta": {"body": "caf\xe9 au lait, cr\xe8me br\xfbl\xe9e"}}')
    rows.insert(4, json.dumps({"id": "no-field", "body": "the text is elsewhere"}).encode())
    rows.insert(5, b"")  # a blank line holds no record
    paragraph = max(good[0].split("\n"), key=len)
    huge = "\n".join([paragraph] * (20_000_000 // (len(paragraph) + 1) + 1))
    rows.append(json.dumps({"id": "huge", "meta": {"body": huge}}).encode())
    rows.append(json.dumps({"id": "after-huge", "meta": {"body": good[1]}}).encode())
    plain = folder / "broken.jsonl"
    plain.write_bytes(b"\n".join(rows) + b"\n")
    body = b"".join(json.dumps({"id": f"gz-{i}", "meta": {"body": t}}).encode() + b"\n" for i, t in enumerate(documents(30)))
    packed = gzip.compress(body)
    cut = folder / "cut.jsonl.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    return plain, cut


# ---------------------------------------------------------------------------------------------
# Nothing lost


def test_broken_lines_each_go_to_rejects_with_their_reason(tmp_path):
    plain, cut = broken_jsonl(tmp_path)
    out = tmp_path / "out.jsonl"
    result = score(str(plain), str(cut), "-o", str(out), "--text-field", "meta.body", "-j", "1", "--max-chars", "50000")
    assert result.exit_code == 0, result.output
    records, rejects = lines(out), lines(tmp_path / "out.rejects.jsonl")
    by_id = {r["id"]: r for r in rejects}
    assert by_id["no-field"]["kind"] == "missing-field" and "no field 'meta.body'" in by_id["no-field"]["reason"]
    latin = next(r for r in rejects if r["kind"] == "invalid-utf8")  # not parsed: no id
    assert latin["record"] == 4 and "is not valid UTF-8 (byte 0xe9" in latin["reason"]
    bad_json = next(r for r in rejects if r["kind"] == "invalid-json")
    assert (bad_json["source"], bad_json["record"]) == (str(plain), 3)
    assert by_id["huge"]["action"] == "truncated" and "over --max-chars 50,000" in by_id["huge"]["reason"]
    unreadable = next(r for r in rejects if r["kind"] == "unreadable")
    assert unreadable["source"] == str(cut) and "is truncated after line" in unreadable["reason"]
    # every record is accounted for: 10 records in the plain file (the blank line is none), the
    # .gz lines before the cut, and one entry for the unreadable rest of the .gz
    read_before_cut = unreadable["record"] - 1
    assert 0 < read_before_cut < 30
    dropped = [r for r in rejects if r["action"] == "dropped"]
    assert len(records) + len(dropped) == 10 + read_before_cut + 1
    huge = next(r for r in records if r["id"] == "huge")
    assert huge["truncated"] is True and huge["chars"] > 19_000_000
    assert [r["id"] for r in records if r["source"] == str(plain)] == ["ok-0", "ok-1", "ok-2", "ok-3", "ok-4", "huge", "after-huge"]
    assert [r["record"] for r in records if r["source"] == str(cut)] == list(range(1, read_before_cut + 1))
    summary = result.stderr
    assert f"{10 + read_before_cut + 1} input records = {len(records)} scored + {len(dropped)} rejected" in summary


def test_lines_left_unparsed_parse_in_the_worker_as_the_reader_would(tmp_path):
    """A local run reads JSONL lines unparsed (the workers parse them): every record, error
    and cut to --max-chars comes out as when the reader parses, and --jobs 2 writes the same
    rejects as --jobs 1 for a file with every kind of bad line."""
    plain, cut = broken_jsonl(tmp_path)
    for source in (Source(str(plain), "jsonl"), Source(str(cut), "jsonl")):
        parsed = list(read_source(source, "meta.body", "id", max_chars=50_000))
        raw = list(read_source(source, "meta.body", "id", max_chars=50_000, parse=False))
        assert [r.raw is not None for r in raw] == [r.error is None or r.error[0] not in ("unreadable", "too-large") for r in parsed]
        assert [parse_raw(r, "meta.body", "id", 50_000) for r in raw] == parsed
        assert any(r.truncated for r in parsed) or source.path == str(cut)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        result = score(str(plain), str(cut), "-o", str(out), "--text-field", "meta.body", "-j", jobs, "--max-chars", "50000", "--batch-size", "2")
        assert result.exit_code == 0, result.output
        outputs.append((out.read_bytes(), (tmp_path / f"out{jobs}.rejects.jsonl").read_bytes()))
    assert outputs[0] == outputs[1]


def test_raw_web_sample_warc_and_jsonl(shared_data, tmp_path):
    sample = shared_data / "raw-web-sample"
    warc, jsonl = sample / "cc-main-2020-34-excerpt.warc.gz", sample / "responses.jsonl.gz"
    out = tmp_path / "web.jsonl"
    result = score(str(warc), str(jsonl), "-o", str(out), "-j", "1")
    assert result.exit_code == 0, result.output
    records, rejects = lines(out), lines(tmp_path / "web.rejects.jsonl")
    with gzip.open(jsonl, "rt", encoding="utf-8") as handle:
        responses = [json.loads(line) for line in handle]
    # 16 responses in the WARC (its other 34 records are requests, metadata and warcinfo), and
    # one JSONL record per response
    dropped = [r for r in rejects if r["action"] == "dropped"]
    assert len(records) + len(dropped) == 16 + len(responses) == 32
    assert "not documents (WARC records skipped): 16 metadata, 17 request, 1 warcinfo" in result.stderr
    warc_records = [r for r in records if r["source"] == str(warc)]
    assert all(r["id"].startswith("<urn:uuid:") and r["url"].startswith("http") for r in warc_records)
    assert [r["record"] for r in warc_records] == sorted(r["record"] for r in warc_records)
    assert all(0 <= r["score"] <= 1 and r["verdict"] for r in records)
    for reject in dropped:
        assert reject["reason"] and reject["source"] and reject["record"]


def test_warc_truncated_and_wet(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    wet = tmp_path / "sample.warc.wet.gz"
    with open(wet, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i, text in enumerate(documents(6)):
            headers = StatusAndHeaders("", [("Content-Type", "text/plain")], protocol="")
            record = writer.create_warc_record(f"https://example.org/{i}", "conversion", payload=__import__("io").BytesIO(text.encode()), warc_headers_dict={"Content-Type": "text/plain"})
            writer.write_record(record)
    records = list(read_source(Source(str(wet), "warc", "html")))
    assert [r.record for r in records] == [1, 2, 3, 4, 5, 6] and all(r.format == "text" and r.error is None for r in records)
    data = wet.read_bytes()
    cut = tmp_path / "cut.warc.wet.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    records = list(read_source(Source(str(cut), "warc", "html")))
    assert records[-1].error[0] == "unreadable" and "is truncated after WARC record" in records[-1].error[1]
    assert all(r.error is None for r in records[:-1]) and len(records) >= 2


def test_folders_stdin_and_a_missing_input(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(documents(1)[0], encoding="utf-8")
    (folder / "b.md").write_text("# A title for the page\n\n" + documents(2)[1], encoding="utf-8")
    (folder / "c.html").write_text("<html><body><article><h1>Harbour opens</h1>" + "".join(f"<p>{p}</p>" for p in documents(3)[2].split("\n")) + "</article></body></html>", encoding="utf-8")
    (folder / "d.txt").write_bytes(b"caf\xe9 cr\xe8me")
    out = tmp_path / "folder.jsonl"
    result = score(str(folder), "-o", str(out), "-j", "1")
    assert result.exit_code == 0, result.output
    assert [Path(r["source"]).name for r in lines(out)] == ["a.txt", "b.md", "c.html"]
    (reject,) = lines(tmp_path / "folder.rejects.jsonl")
    assert reject["source"].endswith("d.txt") and "not valid UTF-8" in reject["reason"]
    stdin_out = tmp_path / "stdin.jsonl"
    body = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(documents(3)))
    result = score("-", "-o", str(stdin_out), "-j", "1", input=body)
    assert result.exit_code == 0, result.output
    assert [(r["source"], r["record"], r["id"]) for r in lines(stdin_out)] == [("<stdin>", 1, "0"), ("<stdin>", 2, "1"), ("<stdin>", 3, "2")]
    result = score(str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 2 and "missing.jsonl: no such file or folder" in result.output


def test_output_record_format_features_keep_text_and_parquet(tmp_path):
    pyarrow = pytest.importorskip("pyarrow.parquet")
    corpus = write_corpus(tmp_path / "c.jsonl", 5)
    out = tmp_path / "c.jsonl.out.jsonl"
    assert score(str(corpus), "-o", str(out), "-j", "1", "--features", "--keep-text").exit_code == 0
    records = lines(out)
    first = records[0]
    assert list(first)[:11] == ["source", "record", "id", "url", "score", "verdict", "chars", "truncated", "paragraphs", "flags", "reasons"]
    assert first["text"] == documents(1)[0] and "top_phrase_count" in first["features"]
    seed_004 = records[4]  # seed 004: keyphrase stuffing, a leaked SEO brief, a call to action
    assert seed_004["verdict"] == "low-quality"
    assert {"code": "BP101", "paragraph": 16, "line": 17, "severity": "error"} in seed_004["flags"]
    assert seed_004["reasons"][0]["text"]
    parquet = tmp_path / "c.parquet"
    assert score(str(corpus), "-o", str(parquet), "-j", "1", "--features", "--keep-text").exit_code == 0
    rows = pyarrow.read_table(parquet).to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert rows[4]["flags"] == seed_004["flags"] and rows[4]["score"] == seed_004["score"]
    assert rows[0]["features"]["top_phrase_count"] == first["features"]["top_phrase_count"]


def test_lone_surrogates_and_file_names_that_are_not_utf8_are_written_not_fatal(tmp_path):
    # A JSON escape of half a surrogate pair is valid JSON but not Unicode; a file name that is not
    # UTF-8 reads as one too. UTF-8 cannot encode either: the JSONL output escapes them (and reads
    # back to the same strings), Parquet (UTF-8 strings) holds their escapes
    pyarrow = pytest.importorskip("pyarrow.parquet")
    data = b'{"id": "a\\ud800", "text": "Half an emoji \\udc00 in a sentence of plain text."}\n{"id": "b", "text": "Plain text."}\n'
    name = write_undecodable_name(tmp_path, b"part\xfe.jsonl", data)
    source = os.fsdecode(name)
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        result = subprocess.run([sys.executable, "-m", "quality", "score", name, "-o", str(out), "-j", jobs, "--keep-text", "-q"], capture_output=True, timeout=300)
        assert result.returncode == 0, result.stderr
        records = [json.loads(line) for line in out.read_bytes().decode("utf-8").splitlines()]
        assert [(r["source"], r["id"]) for r in records] == [(source, "a\ud800"), (source, "b")]
        assert records[0]["text"] == "Half an emoji \udc00 in a sentence of plain text." and records[0]["verdict"]
    parquet = tmp_path / "out.parquet"
    result = subprocess.run([sys.executable, "-m", "quality", "score", name, "-o", str(parquet), "-j", "1", "-q"], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = pyarrow.read_table(parquet).to_pylist()
    assert [r["id"] for r in rows] == ["a\\ud800", "b"] and rows[0]["source"].endswith("part\\udcfe.jsonl")


def test_rule_selection_as_in_quality_check(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 5)
    out = tmp_path / "sel.jsonl"
    assert score(str(corpus), "-o", str(out), "-j", "1", "--ignore", "BP,KW", "--extend-select", "RD102").exit_code == 0
    codes = {f["code"] for r in lines(out) for f in r["flags"]}
    assert "RD102" in codes and not any(c.startswith(("BP", "KW")) for c in codes), codes
    assert "AR102" in codes  # the rest of the default rules still run (seed 004's leaked brief)
    only = tmp_path / "only.jsonl"
    assert score(str(corpus), "-o", str(only), "-j", "1", "--select", "AR10").exit_code == 0
    assert {f["code"][:4] for r in lines(only) for f in r["flags"]} <= {"AR10"}
    unknown = score(str(corpus), "-o", str(tmp_path / "x.jsonl"), "-j", "1", "--ignore", "ZZ1")
    assert unknown.exit_code == 2 and "no rule code starts with 'ZZ1'" in unknown.output


def test_existing_output_and_changed_options_are_refused(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "c.jsonl", 3)
    out = tmp_path / "out.jsonl"
    assert score(str(corpus), "-o", str(out), "-j", "1").exit_code == 0
    again = score(str(corpus), "-o", str(out), "-j", "1")
    assert again.exit_code == 2 and "exists; use --force" in again.output
    assert score(str(corpus), "-o", str(out), "-j", "1", "--force").exit_code == 0
    import quality.corpus

    commit = quality.corpus.Spools.commit

    def commit_then_interrupt(self, *args):
        commit(self, *args)
        raise KeyboardInterrupt  # Ctrl-C right after the first commit

    monkeypatch.setattr(quality.corpus.Spools, "commit", commit_then_interrupt)
    other = tmp_path / "other.jsonl"
    stopped = score(str(corpus), "-o", str(other), "-j", "1", "--batch-size", "1")
    assert stopped.exit_code == 130 and "1 records are committed" in stopped.output
    monkeypatch.setattr(quality.corpus.Spools, "commit", commit)
    result = score(str(corpus), "-o", str(other), "-j", "1", "--resume", "--text-field", "body")
    assert result.exit_code == 2 and "differ from the interrupted run's" in result.output
    assert "reading.text_field: 'text' then, 'body' now" in result.output
    result = score(str(corpus), "-o", str(tmp_path / "other.jsonl"), "-j", "1")
    assert result.exit_code == 2 and "holds an interrupted run: continue it with --resume" in result.output


def test_split_ranges_cover_the_file_at_line_starts(tmp_path):
    path = tmp_path / "r.jsonl"
    body = b"".join(b'{"i": %d, "pad": "%s"}\n' % (i, b"x" * (i % 37)) for i in range(3000)) + b"\n\n" + b'{"i": "last"}'
    path.write_bytes(body)
    ranges = split_ranges(str(path), 10_000)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(body) and len(ranges) > 5
    for (start, end, first), (next_start, _, _) in zip(ranges, ranges[1:]):
        assert end == next_start and body[end - 1 : end] == b"\n" and end - start >= 10_000
    for start, _, first in ranges:
        assert body[:start].count(b"\n") + 1 == first


# ---------------------------------------------------------------------------------------------
# Same output however it runs


def test_jobs_1_and_jobs_2_give_identical_output(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 40)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert score(str(corpus), "-o", str(one), "-j", "1", "--features").exit_code == 0
    result = score(str(corpus), "-o", str(two), "-j", "2", "--features", "--batch-size", "3")
    assert result.exit_code == 0, result.output
    assert one.read_bytes() == two.read_bytes()
    assert [r["id"] for r in lines(one)] == [f"doc-{i}" for i in range(40)]


# ---------------------------------------------------------------------------------------------
# Interrupted runs


def _start(args: list[str], cwd: Path) -> subprocess.Popen:
    # stderr to a file, not a pipe: reading a pipe would also wait for any process that
    # inherited it
    log = open(cwd / "stderr.log", "w+")
    process = subprocess.Popen([*QUALITY, "score", *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=log, text=True)
    process.log = log
    return process


def _finish(process: subprocess.Popen, timeout: float = 300) -> str:
    process.wait(timeout=timeout)
    process.log.seek(0)
    return process.log.read()


def _committed(state: Path) -> int:
    try:
        return json.loads(state.read_text())["committed"]["records"]
    except (OSError, ValueError, KeyError):
        return 0


def _wait_for_commits(process: subprocess.Popen, state: Path, at_least: int, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        committed = _committed(state)
        if committed >= at_least:
            return committed
        assert process.poll() is None, _finish(process)
        time.sleep(0.05)
    raise AssertionError("the run committed nothing in time")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigkill_then_resume_gives_the_uninterrupted_output(tmp_path, jobs):
    corpus = write_corpus(tmp_path / "c.jsonl", 120)
    reference = tmp_path / "reference.jsonl"
    assert score(str(corpus), "-o", str(reference), "-j", "1", "--features").exit_code == 0
    out = tmp_path / "out.jsonl"
    args = [str(corpus), "-o", str(out), "-j", jobs, "--batch-size", "2", "--features"]
    process = _start(args, tmp_path)
    committed = _wait_for_commits(process, tmp_path / "out.jsonl.partial" / "state.json", 10)
    process.send_signal(signal.SIGKILL)
    _finish(process)
    assert process.returncode == -signal.SIGKILL
    assert not out.exists()  # a killed run never leaves a file under the final name
    assert committed < 120
    resumed = subprocess.run([*QUALITY, "score", *args, "--resume"], cwd=tmp_path, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert "resuming:" in resumed.stderr
    assert out.read_bytes() == reference.read_bytes()
    assert (tmp_path / "out.rejects.jsonl").read_bytes() == (tmp_path / "reference.rejects.jsonl").read_bytes()
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_sigint_stops_cleanly_with_the_progress_saved(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 80)
    out = tmp_path / "out.jsonl"
    args = [str(corpus), "-o", str(out), "-j", "2", "--batch-size", "2"]
    process = _start(args, tmp_path)
    _wait_for_commits(process, tmp_path / "out.jsonl.partial" / "state.json", 6)
    process.send_signal(signal.SIGINT)
    stderr = _finish(process, timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted (SIGINT)" in stderr and "--resume" in stderr and "Traceback" not in stderr
    saved = _committed(tmp_path / "out.jsonl.partial" / "state.json")
    assert saved >= 6 and not out.exists()
    resumed = subprocess.run([*QUALITY, "score", *args, "--resume"], cwd=tmp_path, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    records = lines(out)
    assert [r["id"] for r in records] == [f"doc-{i}" for i in range(80)]


# ---------------------------------------------------------------------------------------------
# Output errors


@pytest.fixture
def tiny_tmpfs(tmp_path):
    """A 200 KB tmpfs (needs root: mounting is how a full disk is made for real)."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("needs root to mount a small tmpfs (a real full disk)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_stops_with_a_message_and_resumes(tmp_path, tiny_tmpfs):
    corpus = write_corpus(tmp_path / "c.jsonl", 60)
    reference = tmp_path / "reference.jsonl"
    assert score(str(corpus), "-o", str(reference), "-j", "1", "--keep-text").exit_code == 0
    assert reference.stat().st_size > 250_000  # more than the disk holds
    out = tiny_tmpfs / "out.jsonl"
    args = [str(corpus), "-o", str(out), "-j", "1", "--keep-text", "--batch-size", "4"]
    full = subprocess.run([*QUALITY, "score", *args], capture_output=True, text=True)
    assert full.returncode == 4, full.stderr
    assert "No space left on device" in full.stderr and "run the same command with --resume" in full.stderr
    committed = _committed(tiny_tmpfs / "out.jsonl.partial" / "state.json")
    assert 0 < committed < 60
    subprocess.run(["mount", "-o", "remount,size=20m", str(tiny_tmpfs)], check=True)
    resumed = subprocess.run([*QUALITY, "score", *args, "--resume"], capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == reference.read_bytes()


def test_unwritable_output_folder_is_a_clear_error(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 2)
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(locked)], capture_output=True).returncode:
            pytest.skip("as root, a read-only folder needs a read-only mount")
        expected = "Read-only file system"
    else:
        locked.chmod(0o500)
        expected = "Permission denied"
    try:
        result = subprocess.run([*QUALITY, "score", str(corpus), "-o", str(locked / "out.jsonl"), "-j", "1"], capture_output=True, text=True)
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", "-l", str(locked)], check=False)
        else:
            locked.chmod(0o700)
    assert result.returncode == 4, result.stderr
    assert expected in result.stderr and "out.jsonl.partial" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------------------------------------
# Worker processes that die


POISON = "POISON-PILL-FOR-THE-WORKER"


@pytest.fixture
def poisoned(tmp_path):
    """An environment whose worker processes die (os._exit) on a document containing POISON:
    a crash in native code, simulated by a sitecustomize module, as a real one cannot be had."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import multiprocessing, os\n"
        "import quality.scoring as s\n"
        "original = s.score_record\n"
        "def score_record(record, state):\n"
        f"    if multiprocessing.parent_process() is not None and record.text and {POISON!r} in record.text:\n"
        "        os._exit(70)\n"
        "    return original(record, state)\n"
        "s.score_record = score_record\n",
        encoding="utf-8",
    )
    return {"PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}


def _poisoned_corpus(path: Path) -> Path:
    texts = documents(30)
    texts[11] = texts[11] + "\n" + POISON
    with open(path, "w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            handle.write(json.dumps({"id": f"doc-{i}", "text": text}) + "\n")
    return path


def test_a_worker_that_dies_is_reported_and_the_run_goes_on(tmp_path, poisoned):
    corpus = _poisoned_corpus(tmp_path / "c.jsonl")
    out = tmp_path / "out.jsonl"
    result = subprocess.run([*QUALITY, "score", str(corpus), "-o", str(out), "-j", "2", "--batch-size", "2"],
                            capture_output=True, text=True, env={**os.environ, **poisoned}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"{corpus}:12" in result.stderr and "worker process died" in result.stderr
    records = lines(out)
    assert [r["id"] for r in records] == [f"doc-{i}" for i in range(30) if i != 11]
    (reject,) = [r for r in lines(tmp_path / "out.rejects.jsonl") if r["action"] == "dropped"]
    assert (reject["record"], reject["kind"]) == (12, "worker-died") and "again alone" in reject["reason"]
    reference = tmp_path / "reference.jsonl"
    assert score(str(corpus), "-o", str(reference), "-j", "1").exit_code == 0
    assert [json.loads(line) for line in reference.read_text().splitlines() if '"doc-11"' not in line] == records


def test_a_worker_that_dies_stops_the_run_when_asked(tmp_path, poisoned):
    corpus = _poisoned_corpus(tmp_path / "c.jsonl")
    out = tmp_path / "out.jsonl"
    result = subprocess.run([*QUALITY, "score", str(corpus), "-o", str(out), "-j", "2", "--batch-size", "2", "--on-crash", "stop"],
                            capture_output=True, text=True, env={**os.environ, **poisoned}, cwd=tmp_path)
    assert result.returncode == 3, result.stderr
    assert f"{corpus}:12" in result.stderr and "--on-crash stop" in result.stderr and "--resume" in result.stderr
    assert not out.exists()
    assert 0 <= _committed(tmp_path / "out.jsonl.partial" / "state.json") <= 11


def test_a_worker_killed_from_outside_is_retried(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 150)
    reference = tmp_path / "reference.jsonl"
    assert score(str(corpus), "-o", str(reference), "-j", "1").exit_code == 0
    out = tmp_path / "out.jsonl"
    process = _start([str(corpus), "-o", str(out), "-j", "2", "--batch-size", "2"], tmp_path)
    _wait_for_commits(process, tmp_path / "out.jsonl.partial" / "state.json", 2)
    markers = tmp_path / "out.jsonl.partial" / "workers"
    busy = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # a worker with a document in hand (its marker file)
        busy = [int(p.name) for p in markers.iterdir() if p.read_text().strip() not in ("", "-1")]
        if busy:
            break
        time.sleep(0.01)
    os.kill(busy[0], signal.SIGKILL)  # as the out-of-memory killer would
    stderr = _finish(process)
    assert process.returncode == 0, stderr
    assert "worker process died" in stderr and "scored alone in a fresh process" in stderr
    assert out.read_bytes() == reference.read_bytes()


def test_worker_processes_are_lean_and_end_with_the_run():
    """The workers are fresh interpreters (spawn) that import what scoring needs: neither joblib
    nor numpy (44 MB of RSS per worker); each has loaded the model before its first task, and
    they end when the run closes them."""
    from quality.corpus import Workers
    from quality.scoring import ScoreOptions, model_info

    with Workers(2, ScoreOptions()) as workers:
        assert workers.submit(eval, "len(__import__('quality.scoring').scoring._WORKERS)").result() == 1
        assert workers.submit(model_info, ScoreOptions()).result()["sha256"]
        modules = workers.submit(eval, "sorted(__import__('sys').modules)").result()
        processes = list(workers._pool._processes.values())
    assert "quality.scoring" in modules and "quality.model" in modules
    assert not [m for m in modules if m.split(".")[0] in ("joblib", "numpy", "sklearn", "scipy", "lxml", "trafilatura")]
    assert processes and not any(p.is_alive() for p in processes)


# ---------------------------------------------------------------------------------------------
# Template paragraphs across documents


FOOTER = "Sign up for our newsletter to get the latest stories from the harbour delivered to your inbox every morning."


def test_template_paragraphs_are_flagged_in_every_document_that_has_them(tmp_path):
    texts = documents(24)
    with_footer = set(range(0, 24, 2))  # 12 documents
    corpus = tmp_path / "t.jsonl"
    with open(corpus, "w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            body = text + ("\n" + FOOTER.replace("harbour", "Harbour") if i in with_footer else "")
            handle.write(json.dumps({"id": i, "text": body}) + "\n")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    result = score(str(corpus), "-o", str(one), "-j", "1", "--templates", "--template-width", "65536")
    assert result.exit_code == 0, result.output
    assert "template counts:" in result.stderr and "count-min sketch" in result.stderr
    flagged = {}
    for record in lines(one):
        flagged[int(record["id"])] = [f for f in record["flags"] if f["code"] == "CT101"]
    assert {i for i, f in flagged.items() if f} == with_footer
    assert all(f[0]["paragraph"] == lines(one)[i]["paragraphs"] - 1 for i, f in flagged.items() if f)
    result = score(str(corpus), "-o", str(two), "-j", "2", "--templates", "--template-width", "65536", "--batch-size", "3")
    assert result.exit_code == 0, result.output
    assert one.read_bytes() == two.read_bytes()
    # below the threshold nothing is flagged
    three = tmp_path / "three.jsonl"
    assert score(str(corpus), "-o", str(three), "-j", "1", "--templates", "--template-min-docs", "13").exit_code == 0
    assert not any(f["code"] == "CT101" for r in lines(three) for f in r["flags"])


def test_count_min_sketch_never_under_counts_and_adds_up():
    import numpy as np

    from quality.templates import TemplateCounts, keys_array, paragraph_key

    keys = [paragraph_key(f"paragraph number {i} of the test corpus with words") for i in range(5000)]
    assert paragraph_key("Too short to count") is None
    assert paragraph_key("© 2023 Example Ltd. All rights reserved now.") == paragraph_key("© 2024 example ltd — all rights reserved now")
    truth = {k: 1 + (i % 7) for i, k in enumerate(keys)}
    whole, left, right = TemplateCounts.empty(1 << 12), TemplateCounts.empty(1 << 12), TemplateCounts.empty(1 << 12)
    for i, (key, count) in enumerate(truth.items()):
        for _ in range(count):
            whole.add(keys_array([key]))
            (left if i % 2 else right).add(keys_array([key]))
    assert np.array_equal(whole.table, left.table + right.table)  # partitioning does not matter
    estimates = whole.estimate(keys_array(keys))
    exact = np.array([truth[k] for k in keys])
    assert (estimates >= exact).all()
    over = estimates - exact
    # the bound e*N/width is exceeded with probability <= exp(-4) per key
    assert (over > whole.error_bound()).mean() <= 0.05


# ---------------------------------------------------------------------------------------------
# Dask


@pytest.fixture(scope="module")
def local_cluster():
    distributed = pytest.importorskip("dask.distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=40)
    yield cluster.scheduler_address
    cluster.close()


def _shards(folder: Path, kind: str = "") -> bytes:
    manifest = json.loads((folder / "manifest.json").read_text())
    return b"".join((folder / shard["rejects" if kind else "output"]).read_bytes() for shard in manifest["shards"])


def test_dask_local_cluster_gives_the_local_output(tmp_path, local_cluster):
    corpus = write_corpus(tmp_path / "c.jsonl", 40)
    plain, cut = broken_jsonl(tmp_path)
    packed = tmp_path / "c2.jsonl.gz"
    packed.write_bytes(gzip.compress((tmp_path / "c.jsonl").read_bytes()[:20_000].rsplit(b"\n", 1)[0] + b"\n"))
    inputs = [str(corpus), str(packed), str(cut)]
    local = tmp_path / "local.jsonl"
    assert score(*inputs, "-o", str(local), "-j", "1", "--features").exit_code == 0
    folder = tmp_path / "shards"
    result = score(*inputs, "-o", str(folder), "--scheduler", local_cluster, "--partition-size", "30KB", "--features")
    assert result.exit_code == 0, result.output
    manifest = json.loads((folder / "manifest.json").read_text())
    assert len(manifest["shards"]) >= 4  # the plain file in byte ranges, the .gz files whole
    assert _shards(folder) == local.read_bytes()
    assert _shards(folder, "rejects") == (tmp_path / "local.rejects.jsonl").read_bytes()
    assert manifest["counts"]["records"] == manifest["counts"]["scored"] + manifest["counts"]["dropped"]
    assert "Dask workers at tcp://127.0.0.1" in result.stderr
    again = score(*inputs, "-o", str(folder), "--scheduler", local_cluster)
    assert again.exit_code == 2 and "the run is complete" in again.output


def test_dask_templates_match_the_local_run(tmp_path, local_cluster):
    corpus = tmp_path / "t.jsonl"
    with open(corpus, "w", encoding="utf-8") as handle:
        for i, text in enumerate(documents(24)):
            handle.write(json.dumps({"id": i, "text": text + ("\n" + FOOTER if i % 2 else "")}) + "\n")
    local = tmp_path / "local.jsonl"
    assert score(str(corpus), "-o", str(local), "-j", "1", "--templates").exit_code == 0
    folder = tmp_path / "shards"
    result = score(str(corpus), "-o", str(folder), "--scheduler", local_cluster, "--partition-size", "20KB", "--templates")
    assert result.exit_code == 0, result.output
    assert _shards(folder) == local.read_bytes()
    assert sum(f["code"] == "CT101" for r in lines(local) for f in r["flags"]) == 12
