"""Read drug documents (.txt, .md, .html) into ``Document`` records.

Every reader turns a file into a plain text and a list of blocks (headings, paragraphs,
list items with their nesting depth); one shared pass then turns the blocks into
sentences that remember the headings and list lead-ins they sit under. Offsets always
point into ``Document.text``: the file itself for plain text, the rendered text for
Markdown and HTML.
"""

from __future__ import annotations

import hashlib
import logging
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
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 (byte {error.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n"), hashlib.sha256(data).hexdigest()


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
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'}; use .txt, .md or .html"
        )
    if text is None:
        source, digest = _decode(path)
    else:
        source, digest = text, hashlib.sha256(text.encode("utf-8")).hexdigest()
    body, blocks, html_title = reader(source)
    title = html_title or _first_title(body, blocks)
    # The title line names the document's subject; it is no sentence of its own.
    if (
        blocks
        and body[blocks[0].start : blocks[0].end].strip() == title
        and blocks[0].kind != "item"
    ):
        blocks = [Block("heading", blocks[0].start, blocks[0].end), *blocks[1:]]
    sentences, sections = sentences_from_blocks(body, blocks)
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


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders into the document files they hold, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            yield path


def iter_documents(
    paths: Iterable[Path], on_error: Callable[[InputError], None] | None = None
) -> Iterator[Document]:
    """Read every document under ``paths``; report a bad one and go on with the rest."""
    for path in iter_paths(paths):
        try:
            yield read_document(path)
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)
