"""Corpus inputs for ``quality score``: JSONL (plain, .gz, .zst), WARC and WET files, folders of
text, Markdown and HTML files, and standard input, read as a stream of records.

Every record has an identity, ``(source, record)``: the input file as named on the command line
(or found in a folder) and the 1-based line number (JSONL) or record number (WARC/WET: every WARC
record counts, so numbers match ``warcio index``). Nothing is dropped silently: a line that is
not JSON, bytes that are not UTF-8, a missing or empty text field, a record over the read limit,
a compressed file that ends early, a WARC response that holds no page, each come out as a
:class:`Record` with an ``error`` (a kind and a reason naming the file and line), which the run
writes to its rejects file.

Reading only decodes and splits; the analysis (and HTML text extraction, which is slow) happens
in the workers. Text files and record bytes are decoded by :func:`quality.document.decode`, the
one decoder of the project; WARC parsing is warcio's.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from quality.document import HTML_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES, decode, read_bytes
from quality.errors import InputError

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
WARC_SUFFIXES = (".warc", ".arc", ".wet")
COMPRESSED_SUFFIXES = (".gz", ".zst")
INPUT_FORMATS = ("auto", "jsonl", "warc", "text", "markdown", "html", "html-page")
# The default read limit of one record (a JSONL line, a WARC payload, a file): larger ones are
# not read whole. A JSONL line over it cannot be parsed (it is rejected); a WARC payload or a
# file over it is read up to the limit and analysed as a truncated document.
DEFAULT_MAX_RECORD_BYTES = 64 << 20
_BLOCK = 1 << 20
# A WARC response is a page when its HTTP status is 2xx and its content type is one of these.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTTP_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


@dataclass(frozen=True)
class Source:
    """One input of a run: a file (or standard input, ``path == "-"``) and how it is read:
    ``kind`` is "jsonl", "warc" or "file" (one document per file, ``format`` "text",
    "markdown" or "html"). ``error`` is set for a folder entry that cannot be read at all."""

    path: str
    kind: str
    format: str = "text"
    error: str | None = None

    @property
    def name(self) -> str:
        """How records name their source: the path as given (or found in a folder)."""
        return "<stdin>" if self.path == "-" else self.path

    @property
    def location(self) -> str:
        """Where the file is read from: the absolute path (a cluster worker may run elsewhere)."""
        return self.path if self.path == "-" else os.path.abspath(self.path)

    def fingerprint(self) -> dict:
        """What a resumed run compares: the path, and the size and modification time of files."""
        if self.path == "-":
            return {"path": "-"}
        try:
            info = os.stat(self.location)
        except OSError:
            return {"path": self.path}
        return {"path": self.path, "bytes": info.st_size, "mtime_ns": info.st_mtime_ns}


@dataclass(slots=True)
class Record:
    """One input record: the document to analyse, or the reason it cannot be (``error``: a
    ``(kind, reason)`` pair). ``format`` is how the worker parses ``text`` ("text",
    "markdown", or "html": raw markup, extracted by the worker). ``truncated`` is set when the
    read limit cut the record short. ``raw`` is a JSONL line read but not parsed yet
    (``read_jsonl(..., parse=False)``): the worker that scores it parses it
    (:func:`parse_raw`), so that the process that reads the input does no more than split lines."""

    source: str
    record: int
    id: str | None = None
    text: str | None = None
    format: str = "text"
    url: str | None = None
    error: tuple[str, str] | None = None
    truncated: bool = False
    chars: int | None = None  # the length of the whole text, when it was cut to --max-chars
    raw: bytes | None = None


def cut_text(text: str, max_chars: int) -> str:
    """``text`` cut to at most ``max_chars`` characters at its last line break before the limit
    (at the limit itself when that break would lose more than half of it)."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind("\n", 0, max_chars + 1)
    return text[: cut if cut >= max_chars // 2 else max_chars]


def _limited(record: Record, max_chars: int | None) -> Record:
    """A text record cut to ``max_chars`` here, in the reading process, so that a huge record
    is not copied whole to a worker (HTML is cut after extraction, in the worker)."""
    if max_chars is None or record.text is None or record.format.startswith("html") or len(record.text) <= max_chars:
        return record
    record.chars = len(record.text)
    record.text = cut_text(record.text, max_chars)
    record.truncated = True
    return record


# ---------------------------------------------------------------------------------------------
# Which inputs


def input_kind(path: str, input_format: str) -> tuple[str, str]:
    """``(kind, format)`` of a file named on the command line; ``input_format`` overrides the
    suffix. Raises :class:`InputError` when the suffix says nothing."""
    if input_format == "jsonl":
        return "jsonl", "text"
    if input_format == "warc":
        return "warc", "html"
    if input_format in ("text", "markdown", "html", "html-page"):
        return "file", input_format
    if path == "-":
        return "jsonl", "text"
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in JSONL_SUFFIXES:
        return "jsonl", "text"
    if last in WARC_SUFFIXES:
        return "warc", "html"
    if last in HTML_SUFFIXES:
        return "file", "html"
    if last in MARKDOWN_SUFFIXES:
        return "file", "markdown"
    if last in TEXT_SUFFIXES:
        return "file", "text"
    raise InputError(
        f"{path}: cannot tell its format from the name; expected .jsonl[.gz|.zst], .warc[.gz], "
        ".warc.wet.gz, .txt, .md or .html, or give --input-format"
    )


def expand_inputs(paths: Sequence[str], input_format: str = "auto") -> list[Source]:
    """The run's sources in order: files as named, folders expanded (recursively, sorted, hidden
    entries skipped) into their .txt, .md and .html files; ``-`` is standard input. A missing
    file or one whose format cannot be told raises :class:`InputError` (a usage error: nothing
    has run yet); a folder entry that cannot be read becomes a source with an ``error``, which
    the run rejects."""
    from quality.cli import iter_inputs

    sources: list[Source] = []
    stdin = 0
    for raw in paths:
        if raw == "-":
            stdin += 1
            if stdin > 1:
                raise InputError("-: standard input can be named only once")
            sources.append(Source("-", *input_kind("-", input_format)))
            continue
        if os.path.isdir(raw):
            for found in iter_inputs((raw,)):
                if isinstance(found, InputError):
                    sources.append(Source(str(found).split(": ", 1)[0], "file", error=str(found)))
                else:
                    kind, fmt = input_kind(found, "auto" if input_format in ("jsonl", "warc") else input_format)
                    sources.append(Source(found, kind, fmt))
            continue
        if not os.path.exists(raw):
            raise InputError(f"{raw}: no such file or folder")
        sources.append(Source(raw, *input_kind(raw, input_format)))
    return sources


# ---------------------------------------------------------------------------------------------
# Byte streams


class _Decompressing(io.RawIOBase):
    """A compressed file of one or more members (frames) as a stream of its content. A file
    that ends inside a member first gives every byte that could be decompressed, then raises
    :class:`EOFError`: the records before the cut are read, not lost with the last buffer
    (``gzip.GzipFile`` loses them; zstandard's stream reader ends silently, losing the rest)."""

    def __init__(self, raw):
        self._raw = raw
        self._member = None
        self._pending = b""
        self._offset = 0

    def _new_member(self):
        raise NotImplementedError

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._offset >= len(self._pending):
            chunk = self._raw.read(_BLOCK)
            if not chunk:
                if self._member is not None and not self._member.eof:
                    raise EOFError(f"{self.name} file ended before the end of its last member (truncated)")
                return 0
            parts = []
            while chunk:
                if self._member is None or self._member.eof:
                    self._member = self._new_member()
                try:
                    parts.append(self._member.decompress(chunk))
                except self._errors as err:
                    raise OSError(f"damaged {self.name} data: {err}") from err
                chunk = self._member.unused_data if self._member.eof else b""
            self._pending, self._offset = b"".join(parts), 0
        size = min(len(buffer), len(self._pending) - self._offset)
        buffer[:size] = self._pending[self._offset : self._offset + size]
        self._offset += size
        return size

    def close(self) -> None:
        self._raw.close()
        super().close()


class GzipReader(_Decompressing):
    name = "gzip"
    _errors = zlib.error

    def _new_member(self):
        return zlib.decompressobj(wbits=31)


class ZstdReader(_Decompressing):
    name = "Zstandard"

    def __init__(self, raw):
        import zstandard

        super().__init__(raw)
        self._decompressor = zstandard.ZstdDecompressor()
        self._errors = zstandard.ZstdError

    def _new_member(self):
        return self._decompressor.decompressobj()


class CountingReader(io.RawIOBase):
    """Counts the bytes read from the raw file (the progress bar's share of the input)."""

    def __init__(self, raw):
        self._raw = raw
        self.position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        size = self._raw.readinto(buffer)
        self.position += size or 0
        return size

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_stream(source: Source, counter: list | None = None):
    """The decompressed content of a source as a buffered binary stream (``.gz`` and ``.zst``
    by suffix; standard input as it comes). ``counter`` receives the :class:`CountingReader`
    of the compressed bytes."""
    if source.path == "-":
        return sys.stdin.buffer
    try:
        raw = open(source.location, "rb", buffering=0)
    except OSError as err:
        raise InputError(f"{source.path}: cannot be read ({err.strerror or err})") from err
    counting = CountingReader(raw)
    if counter is not None:
        counter.append(counting)
    suffix = Path(source.location).suffix.lower()
    if suffix == ".gz":
        return io.BufferedReader(GzipReader(io.BufferedReader(counting, _BLOCK)), _BLOCK)
    if suffix == ".zst":
        return io.BufferedReader(ZstdReader(io.BufferedReader(counting, _BLOCK)), _BLOCK)
    return io.BufferedReader(counting, _BLOCK)


# Errors of a compressed or damaged stream: the rest of the file cannot be read.
STREAM_ERRORS = (EOFError, OSError, zlib.error)


def _stream_error(source: str, after: int, unit: str, err: Exception) -> tuple[str, str]:
    what = "is truncated" if isinstance(err, EOFError) else "is damaged"
    return ("unreadable", f"{source}: {what} after {unit} {after} ({err}); the rest of the file cannot be read")


# ---------------------------------------------------------------------------------------------
# JSONL


def field_value(obj: dict, path: str):
    """The value at a dotted path (``meta.body``) of a JSON object; :class:`KeyError` when a
    step is missing or is not an object."""
    value = obj
    for step in path.split("."):
        if not isinstance(value, dict) or step not in value:
            raise KeyError(step)
        value = value[step]
    return value


def read_jsonl(
    source: str,
    stream,
    text_field: str = "text",
    id_field: str = "id",
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    first_line: int = 1,
    start: int = 0,
    end: int | None = None,
    max_chars: int | None = None,
    parse: bool = True,
) -> Iterator[Record]:
    """The records of a JSON Lines stream, one per non-blank line. ``start``/``end`` restrict
    it to the lines that begin in that byte range of a plain file (a cluster partition; the
    stream is already at ``start``, whose line number is ``first_line``). With ``parse=False``
    a line within the read limit is yielded unparsed (``Record.raw``), for :func:`parse_raw`."""
    number = first_line - 1
    offset = start
    while end is None or offset < end:
        try:
            line = stream.readline(max_record_bytes + 1)
        except STREAM_ERRORS as err:
            yield Record(source, number + 1, error=_stream_error(source, number, "line", err))
            return
        if not line:
            return
        number += 1
        offset += len(line)
        if len(line) > max_record_bytes and not line.endswith(b"\n"):
            size = len(line)
            try:
                while line and not line.endswith(b"\n"):  # skip the rest of the line unread
                    line = stream.readline(_BLOCK)
                    size += len(line)
                    offset += len(line)
            except STREAM_ERRORS as err:
                yield Record(source, number, error=("too-large", f"{source}:{number}: line over {max_record_bytes:,} bytes; not parsed"))
                yield Record(source, number + 1, error=_stream_error(source, number, "line", err))
                return
            yield Record(source, number, error=("too-large", f"{source}:{number}: line of {size:,} bytes, over the read limit of {max_record_bytes:,} (--max-record-bytes); not parsed"))
            continue
        if line.isspace():
            continue  # a blank line holds no record
        if parse:
            yield _limited(parse_json_record(source, number, line, text_field, id_field), max_chars)
        else:
            yield Record(source, number, raw=line)


def parse_raw(record: Record, text_field: str, id_field: str, max_chars: int | None) -> Record:
    """A record read unparsed (``Record.raw``) as ``read_jsonl`` would have parsed it; any
    other record as it is."""
    if record.raw is None:
        return record
    return _limited(parse_json_record(record.source, record.record, record.raw, text_field, id_field), max_chars)


def parse_json_record(source: str, number: int, line: bytes, text_field: str, id_field: str) -> Record:
    """One JSONL line as a record, or a record with the reason it cannot be read."""
    where = f"{source}:{number}"
    try:
        obj = json.loads(decode(line, where))
    except InputError as err:
        return Record(source, number, error=("invalid-utf8", str(err)))
    except json.JSONDecodeError as err:
        return Record(source, number, error=("invalid-json", f"{where}: not valid JSON ({err.msg.removesuffix(' at')} at column {err.colno})"))
    except RecursionError:
        return Record(source, number, error=("invalid-json", f"{where}: JSON nested too deeply to read"))
    if not isinstance(obj, dict):
        return Record(source, number, error=("invalid-json", f"{where}: a JSON {type(obj).__name__}, not an object"))
    identifier = None
    try:
        value = field_value(obj, id_field)
        identifier = None if value is None else str(value)
    except KeyError:
        pass
    try:
        text = field_value(obj, text_field)
    except KeyError:
        return Record(source, number, identifier, error=("missing-field", f"{where}: no field {text_field!r} (--text-field)"))
    if not isinstance(text, str):
        kind = "null" if text is None else f"a JSON {type(text).__name__}"
        return Record(source, number, identifier, error=("missing-field", f"{where}: field {text_field!r} is {kind}, not a string"))
    if not text.strip():
        return Record(source, number, identifier, error=("empty", f"{where}: field {text_field!r} is empty"))
    return Record(source, number, identifier, text)


# ---------------------------------------------------------------------------------------------
# WARC and WET


def declared_charset(payload: bytes, content_type: str | None) -> str | None:
    """The charset an HTML page declares: in its HTTP ``Content-Type``, else in a ``<meta>``
    tag near the top. None when it declares none."""
    if content_type:
        match = _HTTP_CHARSET_RE.search(content_type)
        if match:
            return match.group(1)
    match = _META_CHARSET_RE.search(payload[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_html(payload: bytes, where: str, content_type: str | None = None) -> str:
    """HTML bytes as text: UTF-8 (or a byte-order mark's encoding) as :func:`decode` reads
    them, else the charset the page declares (HTTP header or ``<meta>``), read as browsers
    read its label (the WHATWG Encoding Standard, via webencodings: "gb2312" is GBK,
    "iso-8859-1" is Windows-1252). Raises :class:`InputError` when neither reads the bytes:
    a page is never decoded by a guess."""
    try:
        return decode(payload, where)
    except InputError as err:
        label = declared_charset(payload, content_type)
        if label is None:
            raise
        import webencodings

        encoding = webencodings.lookup(label)
        if encoding is None:
            raise InputError(f"{where}: is not UTF-8 and declares the unknown charset {label!r}") from err
        try:
            return payload.decode(encoding.codec_info.name)
        except UnicodeDecodeError as bad:
            byte = payload[bad.start : bad.start + 1].hex()
            raise InputError(f"{where}: is neither UTF-8 nor valid {encoding.name} (its declared charset {label!r}; byte 0x{byte} at offset {bad.start})") from err


def read_warc(source: str, stream, max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES, skipped: dict | None = None) -> Iterator[Record]:
    """The documents of a WARC or WET file: each ``response`` (an HTTP page), ``resource`` and
    ``conversion`` (WET text) record. Request, metadata, warcinfo and revisit records are not
    documents and are not yielded; their numbers are skipped. A response that holds no page
    (not 2xx, not HTML or text) is yielded with its reason."""
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            kind = record.rec_type
            if kind not in ("response", "resource", "conversion"):
                if skipped is not None:
                    skipped[kind] = skipped.get(kind, 0) + 1
                continue
            yield _warc_document(source, number, record, kind, max_record_bytes)
    except STREAM_ERRORS as err:
        yield Record(source, number + 1, error=_stream_error(source, number, "WARC record", err))
    except Exception as err:  # warcio's parse errors (ArchiveLoadFailed, ...) end the file too
        yield Record(source, number + 1, error=("unreadable", f"{source}: cannot be read as WARC after record {number} ({type(err).__name__}: {err}); the rest of the file cannot be read"))


def _warc_document(source: str, number: int, record, kind: str, max_record_bytes: int) -> Record:
    headers = record.rec_headers
    identifier = headers.get_header("WARC-Record-ID")
    url = headers.get_header("WARC-Target-URI")
    where = f"{source}: record {number} ({url or identifier})"
    if kind == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        content_type = record.http_headers.get_header("Content-Type") or ""
        if not str(status).startswith("2"):
            return Record(source, number, identifier, url=url, error=("no-document", f"{where}: HTTP status {status}: no page"))
    else:
        content_type = headers.get_header("Content-Type") or ("text/plain" if kind == "conversion" else "")
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime not in HTML_TYPES and mime not in TEXT_TYPES:
        return Record(source, number, identifier, url=url, error=("no-document", f"{where}: content type {mime or 'unknown'}, not HTML or text"))
    stream = record.content_stream()
    payload = stream.read(max_record_bytes + 1)
    truncated = len(payload) > max_record_bytes
    if truncated:
        payload = payload[:max_record_bytes]
        while stream.read(_BLOCK):  # the rest of the payload, unread
            pass
    if not payload.strip():
        return Record(source, number, identifier, url=url, error=("empty", f"{where}: empty payload"))
    try:
        if mime in HTML_TYPES:
            text, fmt = decode_html(payload, where, content_type), "html"
        else:
            text, fmt = decode(payload, where), "text"
    except InputError as err:
        return Record(source, number, identifier, url=url, error=("invalid-encoding", str(err)))
    return Record(source, number, identifier, text, fmt, url, truncated=truncated)


# ---------------------------------------------------------------------------------------------
# Files


def read_file(source: Source, max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES, max_chars: int | None = None) -> Record:
    """A text, Markdown or HTML file as one record (number 1). A file over the read limit is
    read up to it (cut at its last line break) and marked truncated."""
    if source.error:
        return Record(source.name, 1, error=("unreadable", source.error))
    path = Path(source.location)
    truncated = False
    try:
        if source.path == "-":
            data = sys.stdin.buffer.read()
        elif path.is_file() and path.stat().st_size > max_record_bytes:
            with open(path, "rb") as handle:
                data = handle.read(max_record_bytes)
            data = data[: data.rfind(b"\n") + 1] or data
            truncated = True
        else:
            data = read_bytes(path)
        text = decode_html(data, source.name) if source.format.startswith("html") else decode(data, source.name)
    except InputError as err:
        return Record(source.name, 1, error=("unreadable", str(err)))
    except OSError as err:
        return Record(source.name, 1, error=("unreadable", f"{source.name}: cannot be read ({err.strerror or err})"))
    if not text.strip():
        return Record(source.name, 1, error=("empty", f"{source.name}: empty file"))
    return _limited(Record(source.name, 1, None, text, source.format, truncated=truncated), max_chars)


def read_source(
    source: Source,
    text_field: str = "text",
    id_field: str = "id",
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    counter: list | None = None,
    skipped: dict | None = None,
    max_chars: int | None = None,
    parse: bool = True,
) -> Iterator[Record]:
    """Every record of one source, in order (``skipped`` counts the WARC records that are not
    documents, by type). ``parse=False`` leaves JSONL lines unparsed (see :func:`read_jsonl`)."""
    if source.kind == "file":
        yield read_file(source, max_record_bytes, max_chars)
        return
    try:
        stream = open_stream(source, counter)
    except InputError as err:
        yield Record(source.name, 1, error=("unreadable", str(err)))
        return
    try:
        if source.kind == "jsonl":
            yield from read_jsonl(source.name, stream, text_field, id_field, max_record_bytes, max_chars=max_chars, parse=parse)
        else:
            for record in read_warc(source.name, stream, max_record_bytes, skipped):
                yield _limited(record, max_chars)
    finally:
        if source.path != "-":
            stream.close()


def read_range(source: Source, start: int, end: int, first_line: int, text_field: str, id_field: str,
               max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES, max_chars: int | None = None) -> Iterator[Record]:
    """The records of the lines that begin in bytes ``[start, end)`` of a plain JSONL file."""
    with open(source.location, "rb") as handle:
        handle.seek(start)
        yield from read_jsonl(source.name, handle, text_field, id_field, max_record_bytes, first_line, start, end, max_chars)


def split_ranges(path: str, size: int) -> list[tuple[int, int, int]]:
    """Byte ranges of at least ``size`` bytes that start at line starts, with the line number
    of each start, ``[(start, end, first_line), ...]``, covering a plain file (none for an
    empty one). One pass that counts line breaks."""
    ranges: list[tuple[int, int, int]] = []
    start, first_line = 0, 1
    offset = 0  # file offset of the block
    lines_before = 0  # line breaks before the block
    with open(path, "rb") as handle:
        while True:
            block = handle.read(_BLOCK)
            if not block:
                break
            while True:
                # the next boundary: just after the first line break at or after start + size - 1
                at = max(0, start + size - 1 - offset)
                if at >= len(block):
                    break
                cut = block.find(b"\n", at)
                if cut < 0:
                    break
                boundary = offset + cut + 1
                ranges.append((start, boundary, first_line))
                start, first_line = boundary, lines_before + block.count(b"\n", 0, cut + 1) + 1
            lines_before += block.count(b"\n")
            offset += len(block)
    if offset > start:
        ranges.append((start, offset, first_line))
    return ranges
