"""Real-world files are read: HTML5 that leaves end tags out, Windows and UTF-16 text, stray PDFs."""

from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.ingest import iter_documents, iter_paths, read_document
from graph_builder.ingest.html import render_html
from graph_builder.model import InputError

# Valid HTML5 as a hand-written or scraped page has it: no <html>, <head> or <body>, and no
# </p>, </li>, </td>, </th> or </tr>. A browser closes each one where the next begins.
NAPROXEN_PAGE = """<!DOCTYPE html>
<title>Naproxen tablets</title>
<h1>Naproxen</h1>
<h2>Side effects</h2>
<p>Naproxen may cause indigestion and heartburn.
<p>Some people taking naproxen get headaches or feel dizzy.
<ul>
  <li>Rarely, naproxen causes ringing in the ears.
  <li>Naproxen can cause stomach bleeding.
</ul>
<h2>How much to take</h2>
<table>
  <tr><th>Who<th>Dose
  <tr><td>Adults<td>500 mg twice a day
  <tr><td>Older adults<td>250 mg once a day
</table>
<p>Do not take more than 1000 mg in a day.
"""

DIAZEPAM = "Diazepam\n\nDiazepam may cause drowsiness and unsteadiness.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_paragraphs_left_open_are_separate_sentences() -> None:
    text, blocks, _title = render_html("<p>Warfarin thins the blood.<p>Vitamin K reverses it.")
    assert [text[b.start : b.end] for b in blocks] == [
        "Warfarin thins the blood.",
        "Vitamin K reverses it.",
    ]
    assert [b.kind for b in blocks] == ["para", "para"]


def test_list_items_and_table_cells_left_open_are_each_their_own_block() -> None:
    text, blocks, _title = render_html(
        "<ul><li>Nausea<li>Headache</ul><table><tr><th>Dose<th>When<tr><td>5 mg<td>at night</table>"
    )
    assert [(b.kind, text[b.start : b.end]) for b in blocks] == [
        ("item", "Nausea"),
        ("item", "Headache"),
        ("row", "| Dose | When |"),
        ("row", "| 5 mg | at night |"),
    ]


def test_an_html5_page_without_end_tags_gives_its_side_effects_and_doses(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, "naproxen.html", NAPROXEN_PAGE.encode("utf-8"))
    document = read_document(path)
    assert document.title == "Naproxen tablets"
    assert "Naproxen can cause stomach bleeding." in [s.text for s in document.sentences]
    claims = extract(document).claims
    side_effects = {c.obj.entity.key for c in claims if c.relation == "has_side_effect" and c.obj}
    assert {"dyspepsia", "headache", "dizziness", "hemorrhage"} <= side_effects
    doses = {
        (d.kind, d.value_max, d.unit, d.population)
        for d in (c.dose for c in claims)
        if d is not None
    }
    assert ("usual", "500", "mg", "Adults") in doses
    assert ("usual", "250", "mg", "Older adults") in doses
    assert ("maximum", "1000", "mg", None) in doses


def test_a_comment_in_a_page_is_not_text() -> None:
    text, _blocks, _title = render_html(
        "<div>Lithium needs blood tests.<!-- editor: ask the pharmacist --></div>"
    )
    assert "editor" not in text and "Lithium needs blood tests." in text


def test_a_windows_1252_file_is_read_with_one_warning_naming_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = (
        "Ferrous sulfate\n\nA pack of \u201cslow\u201d iron tablets costs \u00a33 and each"
        " holds 50 \u00b5g of folic acid.\n"
    )
    path = _write(tmp_path, "iron.txt", text.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="graph_builder.ingest"):
        document = read_document(path)
    sentence = document.sentences[0].text
    assert "\u201cslow\u201d" in sentence and "\u00a33" in sentence and "50 \u00b5g" in sentence
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and str(path) in warnings[0] and "Windows-1252" in warnings[0]
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()  # of the bytes


def test_utf8_text_with_one_windows_byte_keeps_its_utf8_characters(tmp_path: Path) -> None:
    # Pasted from a web page (UTF-8 dash) into a file saved by an old editor (byte 0xE9).
    data = "Codeine\n\nCodeine \u2014 a caf\u00e9 owner's cough remedy \u2014 may cause constipation.\n"
    raw = data.encode("utf-8").replace("\u00e9".encode(), b"\xe9")
    document = read_document(_write(tmp_path, "codeine.txt", raw))
    assert document.sentences[0].text == (
        "Codeine \u2014 a caf\u00e9 owner's cough remedy \u2014 may cause constipation."
    )


def test_valid_utf8_is_read_without_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _write(tmp_path, "iron.txt", "Iron\n\nIron tablets cost \u00a33.\n".encode())
    with caplog.at_level(logging.WARNING, logger="graph_builder.ingest"):
        assert "\u00a33" in read_document(path).text
    assert not caplog.records


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_unicode_file_with_a_byte_order_mark_reads_like_its_utf8_twin(
    tmp_path: Path, encoding: str, caplog: pytest.LogCaptureFixture
) -> None:
    twin = read_document(_write(tmp_path, "twin.txt", DIAZEPAM.encode("utf-8")))
    data = DIAZEPAM.replace("\n", "\r\n").encode(encoding)
    if encoding == "utf-16-be":  # Python writes no mark for an explicit byte order
        data = b"\xfe\xff" + data
    with caplog.at_level(logging.WARNING, logger="graph_builder.ingest"):
        document = read_document(_write(tmp_path, "saved.txt", data))
    assert (document.title, document.text) == (twin.title, twin.text)
    assert [s.text for s in document.sentences] == [s.text for s in twin.sentences]
    assert not caplog.records


def test_utf16_html_is_read_too(tmp_path: Path) -> None:
    page = "<h1>Naproxen</h1><p>Naproxen may cause heartburn.<p>Take it with food."
    document = read_document(_write(tmp_path, "naproxen.htm", page.encode("utf-16")))
    assert [s.text for s in document.sentences] == [
        "Naproxen may cause heartburn.",
        "Take it with food.",
    ]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"\x00\x01\x02\x03 a spreadsheet dump", "binary file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(1, 32)) * 40 + b"\xff\xfe", "binary file"),
        ("Diazepam".encode("utf-16-le"), "binary file"),  # UTF-16 without a byte-order mark
    ],
    ids=["nul-bytes", "pdf-renamed", "png-renamed", "control-bytes", "utf16-without-bom"],
)
def test_a_binary_file_is_a_one_line_error_naming_it(
    tmp_path: Path, data: bytes, said: str
) -> None:
    path = _write(tmp_path, "leaflet.txt", data)
    with pytest.raises(InputError) as error:
        read_document(path)
    message = str(error.value)
    assert message.startswith(f"{path}: ") and said in message and "\n" not in message


def _folder_with_a_pdf(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    (folder / ".cache").mkdir(parents=True)
    (folder / "diazepam.txt").write_text(DIAZEPAM, encoding="utf-8")
    (folder / "lorazepam-label.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / ".cache" / "old.txt").write_text(DIAZEPAM, encoding="utf-8")
    (folder / "diazepam.txt~").write_text(DIAZEPAM, encoding="utf-8")
    return folder


def test_a_pdf_in_a_folder_is_reported_and_the_text_beside_it_still_read(
    tmp_path: Path,
) -> None:
    folder = _folder_with_a_pdf(tmp_path)
    errors: list[InputError] = []
    documents = list(iter_documents([folder], on_error=errors.append))
    assert [d.source for d in documents] == ["diazepam.txt"]
    assert [str(e) for e in errors] == [
        f"{folder / 'lorazepam-label.pdf'}: not read, unsupported file type .pdf; drugkg reads "
        "plain text (.txt), Markdown (.md, .markdown) and HTML (.html, .htm)"
    ]
    assert list(iter_paths([folder])) == [folder / "diazepam.txt"]


def test_a_hidden_folder_is_skipped_but_a_hidden_file_named_outright_is_read(
    tmp_path: Path,
) -> None:
    folder = _folder_with_a_pdf(tmp_path)
    hidden = folder / ".cache" / "old.txt"
    assert hidden not in list(iter_paths([folder]))
    assert [d.source for d in iter_documents([hidden])] == ["old.txt"]


def test_build_warns_about_the_pdf_and_builds_the_rest(tmp_path: Path) -> None:
    folder = _folder_with_a_pdf(tmp_path)
    command = [sys.executable, "-m", "graph_builder", "build", str(folder), "--no-views"]
    result = subprocess.run(
        [*command, "--no-store", "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"drugkg: warning: {folder / 'lorazepam-label.pdf'}: not read, unsupported file type "
        ".pdf; drugkg reads plain text (.txt), Markdown (.md, .markdown) and HTML (.html, .htm)"
    ]
    assert "from 1 document(s)" in result.stdout
    assert (tmp_path / "out" / "graph.ttl").exists()
    strict = subprocess.run(
        [*command, "--no-store", "--strict", "-o", str(tmp_path / "strict")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert strict.returncode == 1 and "lorazepam-label.pdf" in strict.stderr
    assert not (tmp_path / "strict" / "graph.ttl").exists()


def test_build_warns_once_about_a_windows_file_and_builds_it(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    text = "Ibuprofen\n\nIbuprofen may cause indigestion \u2013 take it with food.\n"
    (folder / "ibuprofen.txt").write_bytes(text.encode("cp1252"))
    out = str(tmp_path / "out")
    result = subprocess.run(
        [sys.executable, "-m", "graph_builder", "build", str(folder), "--no-views", "-o", out],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"drugkg: warning: {folder / 'ibuprofen.txt'}: not UTF-8 (byte 43); read as Windows-1252"
    ]
    graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "indigestion \u2013 take it with food" in graph
