"""The document model: paragraphs, roles and source positions for text and Markdown."""

from __future__ import annotations

import pytest

from quality.document import Document
from quality.errors import InputError
from quality.document import decode


def roles(doc):
    return [(p.role, p.text) for p in doc.paragraphs]


def test_plain_text_lines_are_paragraphs_with_inferred_roles():
    doc = Document.from_text(
        "Talks Resume in Istanbul After Three Years\n"
        "Delegations from Russia and Ukraine met on Friday for the first direct talks since 2022, officials said.\n"
        "What Comes Next for the Negotiators\n"
        "Both sides agreed to meet again, but no date was set and no agenda was published yet.\n"
        "> We are ready to talk, the minister said on Friday evening in Ankara.\n"
        "- prisoners exchanged\n"
        "world"
    )
    assert [r for r, _ in roles(doc)] == ["headline", "body", "subheading", "body", "quote", "list_item", "body"]
    assert doc.paragraphs[4].text.startswith("We are ready")
    assert (doc.paragraphs[4].line, doc.paragraphs[4].column) == (5, 3)


def test_hard_wrapped_plain_text_is_joined():
    doc = Document.from_text(
        "The delegation from Kyiv arrived late on Thursday\nin Istanbul, officials said.\n\nA second paragraph.\nshort line\n"
    )
    assert [p.text for p in doc.paragraphs] == [
        "The delegation from Kyiv arrived late on Thursday\nin Istanbul, officials said.",
        "A second paragraph.",
        "short line",
    ]
    first = doc.paragraphs[0]
    assert first.position(first.text.index("Istanbul")) == (2, 4)


def test_section_label_and_breadcrumb_are_not_headings():
    doc = Document.from_text("World\nHome › News › Europe\nTalks Resume in Istanbul\nThe delegations met on Friday, officials said.\n")
    assert [p.role for p in doc.paragraphs] == ["body", "body", "headline", "body"]


def test_markdown_roles_positions_and_front_matter():
    source = (
        "---\ntitle: Talks\nkeyphrase: peace talks\n---\n"
        "# Peace Talks Resume\n\n"
        "The **delegations** met in [Istanbul](https://example.com/istanbul) and used `code`.\n\n"
        "## Outlook\n\n"
        "> A quoted line\n> that continues.\n\n"
        "- first item\n- second item\n\n"
        "```\nvisit example.com {city}\n```\n"
    )
    doc = Document.from_text(source, format="markdown")
    assert doc.front_matter == {"title": "Talks", "keyphrase": "peace talks"}
    assert [p.role for p in doc.paragraphs] == ["headline", "body", "subheading", "quote", "list_item", "list_item", "code"]
    body = doc.paragraphs[1]
    assert "**" not in body.text and "https" not in body.text and "code" not in body.text
    assert body.line == 7
    offset = body.text.index("Istanbul")
    assert body.position(offset) == (7, source.split("\n")[6].index("Istanbul") + 1)
    assert [p.role for p in doc.prose] == ["headline", "body", "subheading", "quote", "list_item", "list_item"]


def test_markdown_without_headings_infers_roles_like_plain_text():
    doc = Document.from_text("Talks Resume in Istanbul\n\nThe delegations met on Friday, officials said.\n", format="markdown")
    assert [p.role for p in doc.paragraphs] == ["headline", "body"]


def test_crlf_and_empty_input():
    assert [p.line for p in Document.from_text("A.\r\nB.\r\n").paragraphs] == [1, 2]
    assert Document.from_text("").paragraphs == ()
    assert Document.from_text("\n\n  \n").paragraphs == ()


def test_decode_errors_name_the_source():
    with pytest.raises(InputError, match="x.txt: is not valid UTF-8"):
        decode(b"caf\xe9", "x.txt")
    with pytest.raises(InputError, match="x.bin: looks like a binary file"):
        decode(b"\x00\x01", "x.bin")
    assert decode("\ufeffhello".encode("utf-8"), "bom.txt") == "hello"
    assert decode("hello".encode("utf-16"), "u16.txt") == "hello"


def test_invalid_front_matter_is_an_input_error():
    with pytest.raises(InputError, match="front matter"):
        Document.from_text("---\nkey: [unclosed\n---\nText.\n", format="markdown")
