"""Reliability: hostile files, pathological input and untrusted model files (issue 8).

Each bad file gives one clear message naming it, exit code 2, and the other files of the run
are still checked. Pathological inputs run in a subprocess with a generous hang guard (never a
timing assertion: the growth with size is measured in ``benchmarks/pathological.py``). Model
files are refused before anything in them is unpickled.
"""

from __future__ import annotations

import json
import os
from urllib.parse import unquote_to_bytes
from xml.etree import ElementTree
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, write_undecodable_name
from quality.cli import cli, iter_inputs
from quality.document import decode, read_bytes
from quality.errors import InputError

GOOD = "Intro.\nFor more updates, visit dailybuzzhub.net.\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, ["check", "--no-score", *args], input=input)


def good_file(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(GOOD, encoding="utf-8")
    return path


def assert_good_still_checked(result, good: Path) -> None:
    assert f"{good}:2:19: BP101" in result.stdout, result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------------------------------
# Files


def test_symlink_loops_are_reported_and_not_followed(tmp_path):
    good = good_file(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "sub" / "self").symlink_to("../sub")
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'sub' / 'up'}: symbolic link loop (it points back to {tmp_path.resolve()})" in result.stderr
    assert f"{tmp_path / 'sub' / 'self'}: symbolic link loop" in result.stderr
    assert_good_still_checked(result, good)
    assert result.stdout.count("BP101") == 1  # the loop did not check good.txt again


def test_linked_folders_are_followed_once(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    good = good_file(real)
    (tmp_path / "zlink").symlink_to(real)  # a second name for a folder already searched
    other = tmp_path / "elsewhere"
    other.mkdir()
    good_file(other, "linked.txt")
    (tmp_path / "alink").symlink_to(other)
    result = run(str(tmp_path))
    assert result.exit_code == 1, result.output
    assert_good_still_checked(result, good)
    assert f"{tmp_path / 'alink' / 'linked.txt'}:2:19: BP101" in result.stdout
    assert result.stdout.count("BP101") == 2


def test_link_chains_that_loop_and_dangling_links_are_reported(tmp_path):
    good = good_file(tmp_path)
    (tmp_path / "loop1.txt").symlink_to("loop2.txt")
    (tmp_path / "loop2.txt").symlink_to("loop1.txt")
    (tmp_path / "dangling.md").symlink_to("missing.md")
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'loop1.txt'}: is a symbolic link that loops" in result.stderr
    assert f"{tmp_path / 'dangling.md'}: is a broken symbolic link (to missing.md)" in result.stderr
    assert_good_still_checked(result, good)


def _in_subprocess(args, timeout=60, **kwargs):
    """``quality check`` in a child process (a hang fails the test instead of the run)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "quality", "check", "--no-score", *args],
        capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT, **kwargs,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_named_pipes_never_block(tmp_path):
    good = good_file(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")  # nobody ever writes to it
    walked = _in_subprocess([str(tmp_path)])
    assert walked.returncode == 2, walked.stderr
    assert f"{tmp_path / 'pipe.txt'}: is not a regular file (a named pipe); skipped" in walked.stderr
    assert f"{good}:2:19: BP101" in walked.stdout
    named = _in_subprocess([str(tmp_path / "pipe.txt"), str(good)])
    assert named.returncode == 2, named.stderr
    assert f"{tmp_path / 'pipe.txt'}: is a named pipe (FIFO) that nothing was written to" in named.stderr
    assert f"{good}:2:19: BP101" in named.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_named_on_the_command_line_is_read(tmp_path):
    # What `quality check <(command)` passes: a pipe with a writer behind it.
    read_end, write_end = os.pipe()
    os.write(write_end, GOOD.encode())
    os.close(write_end)
    try:
        result = _in_subprocess([f"/dev/fd/{read_end}"], pass_fds=(read_end,))
    finally:
        os.close(read_end)
    assert result.returncode == 1, result.stderr
    assert f"/dev/fd/{read_end}:2:19: BP101" in result.stdout


def test_devices_are_refused_not_read(tmp_path):
    good = good_file(tmp_path)
    result = run("/dev/zero", str(good))  # reading it would never end
    assert result.exit_code == 2
    assert "/dev/zero: is not a regular file (a character device)" in result.stderr
    assert_good_still_checked(result, good)


def test_unreadable_files_and_folders_are_reported(tmp_path, monkeypatch):
    good = good_file(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("Private.\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    good_file(locked, "inside.txt")
    real_read_bytes, real_scandir = Path.read_bytes, os.scandir

    # Permissions do not stop root (CI runs as root): refuse the way the kernel would.
    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "scandir", scandir)
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert f"{secret}: cannot be read (Permission denied)" in result.stderr
    assert f"{locked}: folder cannot be listed (Permission denied)" in result.stderr
    assert_good_still_checked(result, good)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_a_file_without_read_permission(tmp_path):
    good = good_file(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("Private.\n", encoding="utf-8")
    secret.chmod(0)
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert f"{secret}: cannot be read (Permission denied)" in result.stderr
    assert_good_still_checked(result, good)


def test_iter_inputs_yields_errors_in_place(tmp_path):
    good_file(tmp_path, "a.txt")
    (tmp_path / "b").symlink_to(".")
    good_file(tmp_path, "c.md")
    items = list(iter_inputs((str(tmp_path),)))
    assert items[0] == str(tmp_path / "a.txt") and items[2] == str(tmp_path / "c.md")
    assert isinstance(items[1], InputError) and str(items[1]).startswith(f"{tmp_path / 'b'}: symbolic link loop")


ENCODED = "Intro.\nFor more, visit dailybuzzhub.net now.\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32", "utf-8-sig"])
def test_unicode_encodings_with_or_without_a_byte_order_mark_are_read(codec):
    assert decode(ENCODED.encode(codec), "x.txt") == ENCODED


@pytest.mark.parametrize(
    "text, codec, named",
    [
        ("Un café au lait, s'il vous plaît.\n", "latin-1", "cp1252"),
        ("He said “hello” – it’s fine.\n", "cp1252", "cp1252"),
        ("Привет, мир! Это текст на русском языке.\n", "cp1251", "cp1251"),
    ],
)
def test_legacy_encodings_are_reported_with_their_likely_name(text, codec, named):
    with pytest.raises(InputError, match=rf"^x\.txt: is not valid UTF-8 \(byte 0x[0-9a-f]{{2}} at offset \d+\); it looks like {named}: .*iconv -f {named} -t utf-8"):
        decode(text.encode(codec), "x.txt")


def test_what_cannot_be_recognised_is_reported_not_garbled():
    # Two characters of UTF-16 are too short to tell the byte order: reported, not guessed.
    with pytest.raises(InputError, match="binary file"):
        decode("Hi".encode("utf-16-le"), "short.txt")
    # A stray NUL in UTF-8 text is not UTF-16.
    with pytest.raises(InputError, match="binary file"):
        decode(b"Hello\x00 world, this is ordinary text.", "nul.txt")
    with pytest.raises(InputError, match=r"is not valid UTF-8 \(byte 0xff at offset 0\); convert it to UTF-8 first"):
        decode(b"\xff" * 20, "junk.txt")
    with pytest.raises(InputError, match="UTF-16 byte-order mark but is not valid UTF-16"):
        decode(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8", "bad16.txt")


def test_encodings_on_the_command_line(tmp_path):
    good = good_file(tmp_path)
    (tmp_path / "utf16.txt").write_bytes(ENCODED.encode("utf-16-le"))
    (tmp_path / "latin.txt").write_bytes("Un café au lait.\n".encode("latin-1"))
    (tmp_path / "image.md").write_bytes(bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4)
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'utf16.txt'}:2:11: BP101" in result.stdout
    assert f"{tmp_path / 'latin.txt'}: is not valid UTF-8 (byte 0xe9 at offset 6); it looks like cp1252" in result.stderr
    assert f"{tmp_path / 'image.md'}: looks like a binary file" in result.stderr
    assert_good_still_checked(result, good)


def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path):
    # Python reads such a name with surrogateescape ("bad\udcff.txt"), which UTF-8 cannot encode:
    # the JSON outputs escape it (and read back to the same name), the text output writes its bytes
    name = write_undecodable_name(tmp_path, b"bad\xff name.txt", b"Visit example-shop.com today for the best deals on running shoes!\n")
    path = os.fsdecode(name)
    for fmt in ("text", "json", "sarif", "github", "junit"):
        done = subprocess.run([sys.executable, "-m", "quality", "check", "--format", fmt, "--no-score", str(tmp_path)], capture_output=True, timeout=120)
        assert done.returncode == 1, (fmt, done.stderr)
        assert b"BP101" in done.stdout, fmt
        if fmt in ("json", "sarif"):
            out = json.loads(done.stdout.decode("utf-8"))  # valid UTF-8, valid JSON
            if fmt == "json":
                assert out["files"][0]["path"] == path  # reads back to the name Python gave it
            else:  # a URI: the name's bytes percent-encoded
                uri = out["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                assert uri.endswith("/bad%FF%20name.txt") and os.fsencode(path).endswith(unquote_to_bytes(uri)[-12:])
        elif fmt == "junit":  # well-formed XML: the name holds its escape
            suites = ElementTree.fromstring(done.stdout)
            assert suites[0].get("name").endswith("bad\\udcff name.txt")
        else:
            assert b"bad\xff name.txt" in done.stdout, fmt


def test_junit_text_is_what_xml_can_hold():
    from quality.output import _xml_text

    assert _xml_text("bell\x07 nul\x00 tab\t ok \u00e9") == "bell\\x07 nul\\x00 tab\t ok \u00e9"
    hostile = "x\udcff\x01"
    assert ElementTree.fromstring("<a b='" + _xml_text(hostile) + "'/>").get("b") == "x\\udcff\\x01"


def test_read_bytes_names_the_file(tmp_path):
    with pytest.raises(InputError, match=f"^{tmp_path}: is a directory$"):
        read_bytes(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_bytes(tmp_path / "missing.txt")


# ---------------------------------------------------------------------------------------------
# Markdown the parser cannot read in full


def test_markdown_nested_too_deep_is_refused_not_silently_cut():
    from quality.document import MARKDOWN_MAX_NESTING, Document

    # Lists nested nine deep are read in full, the text after them too.
    nine = "".join("  " * i + f"- item {i}\n" for i in range(9)) + "\nThe last paragraph.\n"
    assert [p.text for p in Document.from_text(nine, format="markdown").paragraphs][-2:] == ["item 8", "The last paragraph."]
    # One more level and markdown-it would drop the innermost item and everything after it.
    ten = "".join("  " * i + f"- item {i}\n" for i in range(10)) + "\nFor more updates, visit dailybuzzhub.net.\n"
    with pytest.raises(InputError, match=rf"^deep\.md: line 10: quotes and lists nested {MARKDOWN_MAX_NESTING} or more levels deep"):
        Document.from_text(ten, path="deep.md", format="markdown")
    quotes = "> " * (MARKDOWN_MAX_NESTING - 1) + "deep quote\n"
    assert Document.from_text(quotes, format="markdown").paragraphs[0].text == "deep quote"
    with pytest.raises(InputError, match="line 1: quotes and lists nested"):
        Document.from_text("> " + quotes, format="markdown")
    # As plain text nothing is lost.
    assert Document.from_text(ten).paragraphs[-1].text == "For more updates, visit dailybuzzhub.net."


def test_markdown_errors_name_the_file(tmp_path):
    good = good_file(tmp_path)
    (tmp_path / "front.md").write_text("---\nkey: [unclosed\n---\nText.\n", encoding="utf-8")
    (tmp_path / "deep.md").write_text("".join("  " * i + "- item\n" for i in range(12)), encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert f"error: {tmp_path / 'front.md'}: front matter at line 1 is not valid YAML" in result.stderr
    assert f"error: {tmp_path / 'deep.md'}: line 10: quotes and lists nested" in result.stderr
    assert_good_still_checked(result, good)


# ---------------------------------------------------------------------------------------------
# Pathological input and the regular expressions (hang guards only: the growth with size is
# measured by benchmarks/pathological.py and benchmarks/regex_audit.py)


def test_pathological_inputs_finish():
    """Every input of benchmarks/pathological.py, at a fiftieth of its sizes, through the
    analysis: a super-linear step would blow far past the guard."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "pathological.py"), "--scale", "0.02", "--no-cli"],
        capture_output=True, text=True, timeout=900, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Markdown nested too deep" in result.stdout and "input error" in result.stdout, result.stdout


def test_a_million_repeated_characters_through_the_command_line(tmp_path):
    for name, text in (("letters.txt", "a" * 1_000_000), ("quotes.txt", "“" * 1_000_000), ("spaces.txt", "x" + " " * 1_000_000 + "y")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = _in_subprocess([str(path)], timeout=300)
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr


def test_every_regular_expression_survives_its_adversarial_texts():
    """The audit of benchmarks/regex_audit.py at a small size, in a child process: every
    pattern of features/ and quality/ against runs of its own characters, words and triggers."""
    code = (
        "import sys, json; sys.path.insert(0, 'benchmarks'); import regex_audit as a; "
        "print(json.dumps([(f.name, f.large) for f in a.audit(2000, repeat=1)]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=900, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    import json

    worst = json.loads(result.stdout.splitlines()[-1])
    assert len(worst) > 100  # the patterns were found
    slow = [(name, seconds) for name, seconds in worst if seconds > 5.0]  # 8,000 characters: a generous guard
    assert not slow, slow
    # A pattern that backtracks over a run restarted at every character costs tens of
    # microseconds a character at 8,000 (a domain label read without a bound: 40 us); the
    # slowest linear pattern costs under 1 us on a quiet machine: a guard with a 25x margin.
    quadratic = [(name, seconds) for name, seconds in worst if seconds / 8000 > 25e-6]
    assert not quadratic, quadratic
