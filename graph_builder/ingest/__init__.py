"""Read drug documents (.txt, .md, .html) into ``Document`` records.

Every reader turns a file into a plain text and a list of blocks (headings, paragraphs,
list items with their nesting depth); one shared pass then turns the blocks into
sentences that remember the headings and list lead-ins they sit under. Offsets always
point into ``Document.text``: the file itself for plain text, the rendered text for
Markdown and HTML.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from graph_builder.ingest.blocks import Block, is_boilerplate
from graph_builder.ingest.html import render_html
from graph_builder.ingest.markdown import render_markdown
from graph_builder.ingest.plain import blocks_from_text
from graph_builder.ingest.structure import sentences_from_blocks
from graph_builder.model import Document, InputError

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 20_000_000
_READ = "drugkg reads plain text (.txt), Markdown (.md, .markdown) and HTML (.html, .htm)"
# Files an operating system leaves in folders; skipped without a word, like hidden files.
_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "icon\r"})


# A byte-order mark names the encoding outright (UTF-32 before UTF-16: FF FE 00 00 starts both).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Files that are not text, by their first bytes: said by name rather than read as garbage.
_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (.docx, .odt, .zip ...)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc, .xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
_SNIFF = 8192  # bytes looked at to tell text from binary
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
# A byte that is not UTF-8 is read as Windows-1252 (which is Latin-1 with curly quotes, the
# euro, dashes ... in 0x80-0x9F); the five bytes Windows-1252 leaves undefined as Latin-1.
_CP1252 = {
    0xDC00 + byte: bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)
    for byte in range(0x80, 0x100)
}


def _decode(path: Path) -> tuple[str, str]:
    """Return the file's text and the sha256 of its bytes."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // 1_000_000} MB")
    text = _text(path, data)
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n"), hashlib.sha256(data).hexdigest()


def _text(path: Path, data: bytes) -> str:
    """Decode a file's bytes: by its byte-order mark, as UTF-8, or else as Windows-1252.

    UTF-8 that is valid is kept; each byte that is not is read as Windows-1252, so a file
    saved by an old Windows editor ("£", "µ", curly quotes as single bytes) and one that mixes
    the two are both read, with one warning naming the file.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(f"{path}: not valid {name} (byte {error.start})") from None
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{path}: binary file ({kind}), not text; {_READ}")
    head = data[:_SNIFF]
    if b"\x00" in head:
        raise InputError(f"{path}: binary file, not text; {_READ}")
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        first = error.start + len(data) - len(body)  # counted in the file, mark and all
    if sum(byte in _CONTROL_BYTES for byte in head) > len(head) // 20:
        raise InputError(f"{path}: binary file, not text; {_READ}")
    logger.warning("%s: not UTF-8 (byte %d); read as Windows-1252", path, first)
    return body.decode("utf-8", errors="surrogateescape").translate(_CP1252)


# A line that reads as a sentence: words, ending in a full stop or an exclamation mark.
_SENTENCE_LIKE = re.compile(r"[^\W\d_](?:[^\n]*\s){2,}[^\n]*\w[.!][\"')\]]*")


def _first_title(text: str, blocks: list[Block]) -> str:
    for block in blocks:
        candidate = text[block.start : block.end]
        if not is_boilerplate(candidate):
            return candidate.strip()
    return ""


Reader = Callable[[str], tuple[str, list[Block], str | None]]


def _read_plain(source: str) -> tuple[str, list[Block], str | None]:
    return source, blocks_from_text(source), None


def _read_markdown(source: str) -> tuple[str, list[Block], str | None]:
    text, blocks = render_markdown(source)
    return text, blocks, None


READERS: dict[str, Reader] = {
    ".txt": _read_plain,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": render_html,
    ".htm": render_html,
}
MEDIA_TYPES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown"}


def read_document(path: Path, text: str | None = None) -> Document:
    r"""Read one document file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> _ = p.write_text("Diazepam\n\nDiazepam is a benzodiazepine.\n")
    >>> doc = read_document(p)
    >>> doc.title, [s.text for s in doc.sentences]
    ('Diazepam', ['Diazepam is a benzodiazepine.'])
    """
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise InputError(f"{path}: not read, unsupported file type {suffix or '(none)'}; {_READ}")
    if text is None:
        source, digest = _decode(path)
    else:
        source, digest = text, hashlib.sha256(text.encode("utf-8")).hexdigest()
    body, blocks, html_title = reader(source)
    title = html_title or _first_title(body, blocks)
    # The title line names the document's subject; it is no sentence of its own.
    as_read = blocks
    if (
        blocks
        and body[blocks[0].start : blocks[0].end].strip() == title
        and blocks[0].kind != "item"
    ):
        blocks = [Block("heading", blocks[0].start, blocks[0].end), *blocks[1:]]
    sentences, sections = sentences_from_blocks(body, blocks)
    if not sentences and _SENTENCE_LIKE.fullmatch(title):
        # "Lithium may cause tremor.": a document of one sentence is its own text
        sentences, sections = sentences_from_blocks(body, as_read)
    if not sentences:
        raise InputError(f"{path}: no sentences found")
    return Document(
        source=path.name,
        sha256=digest,
        title=title,
        text=body,
        sentences=tuple(sentences),
        sections=tuple(sections),
        media_type=MEDIA_TYPES.get(suffix, "text/html"),
    )


def _skipped_silently(relative: Path) -> bool:
    """Tell whether a file in a folder is one nobody means as input (hidden, system, backup)."""
    name = relative.name
    return (
        any(part.startswith(".") for part in relative.parts)
        or name.lower() in _SYSTEM_FILES
        or name.endswith("~")
    )


def _files(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """Yield each path given and each file in the folders given, and whether it was in one."""
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file())
            for inner in sorted(found):
                if not _skipped_silently(inner.relative_to(path)):
                    yield inner, True
        else:
            yield path, False


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders into the document files they hold, in a stable order."""
    for path, in_folder in _files(paths):
        if not in_folder or path.suffix.lower() in SUFFIXES:
            yield path


def iter_documents(
    paths: Iterable[Path], on_error: Callable[[InputError], None] | None = None
) -> Iterator[Document]:
    """Read every document under ``paths``; report a bad one and go on with the rest.

    A file of a type drugkg does not read (a PDF, a Word file ...) in a folder is reported
    too, so nothing is left out without a word; hidden files, system files and editor
    backups (``name~``) are skipped silently.
    """
    for path, _in_folder in _files(paths):
        try:
            yield read_document(path)
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)
