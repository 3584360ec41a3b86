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
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graph_builder.model import Document, InputError, Section, Sentence, Span
from graph_builder.segment import iter_sentence_spans
from graph_builder.vocabulary import DATA_DIR

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit of a document: ``kind`` is heading, para or item."""

    kind: str
    start: int
    end: int
    depth: int = 0


def _load_boilerplate() -> tuple[re.Pattern[str], ...]:
    path = DATA_DIR / "boilerplate.tsv"
    patterns = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            patterns.append(re.compile(line.split("\t")[0], re.IGNORECASE))
    return tuple(patterns)


BOILERPLATE = _load_boilerplate()


def is_boilerplate(text: str) -> bool:
    """Tell whether a line is page furniture that says nothing about the drug."""
    return any(p.search(text) for p in BOILERPLATE)


# ---------------------------------------------------------------- plain text

_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>\d{1,2}[.)]|[•\-*·●▪◦‣])[ \t]+(?=\S)")


def _looks_like_heading(line: str, next_blank: bool) -> bool:
    stripped = line.strip()
    return (
        next_blank
        and 0 < len(stripped) <= 80
        and stripped[0].isupper()
        and stripped[-1] not in ".:;,!?"
        and len(stripped.split()) <= 10
    )


def blocks_from_text(text: str) -> list[Block]:
    """Split plain text into blocks: headings, paragraphs and (nested) list items."""
    blocks: list[Block] = []
    lines = text.splitlines(keepends=True)
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    indents: list[int] = []
    for i, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        start = offsets[i] + len(line) - len(line.lstrip())
        end = offsets[i] + len(line.rstrip())
        match = _ITEM.match(line)
        if match:
            indent = len(match.group("indent").expandtabs(4))
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            blocks.append(Block("item", offsets[i] + match.end(), end, len(indents)))
            continue
        indents.clear()
        next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
        kind = "heading" if _looks_like_heading(line, next_blank) else "para"
        blocks.append(Block(kind, start, end))
    return blocks


# ---------------------------------------------------------------- Markdown and HTML


class _TextBuilder:
    """Accumulate rendered blocks into one text with offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []

    def add(self, kind: str, text: str, depth: int = 0) -> None:
        text = " ".join(text.split())
        if not text:
            return
        if self.parts:
            sep = "\n\n"
            self.parts.append(sep)
            self.length += len(sep)
        self.blocks.append(Block(kind, self.length, self.length + len(text), depth))
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts) + "\n"


def render_markdown(source: str) -> tuple[str, list[Block]]:
    """Render Markdown to plain text blocks with markdown-it-py."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(source)
    out = _TextBuilder()
    depth = 0
    kind_stack: list[str] = []
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "heading_open":
            kind_stack.append("heading")
        elif token.type == "list_item_open":
            kind_stack.append("item")
        elif token.type in ("heading_close", "list_item_close"):
            kind_stack.pop()
        elif token.type == "inline":
            text = "".join(
                child.content for child in token.children or () if child.type in ("text", "code_inline")
            ) or token.content
            kind = kind_stack[-1] if kind_stack else "para"
            out.add(kind, text, depth if kind == "item" else 0)
    return out.text, out.blocks


_HTML_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "pre"}
_HTML_SKIP = {"script", "style", "noscript", "template", "nav", "footer", "head", "svg", "form", "button"}


def render_html(source: str) -> tuple[str, list[Block], str | None]:
    """Render HTML to plain text blocks with BeautifulSoup; return its <title> too."""
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(source, "html.parser")
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text(" ").split()) if title_tag else None
    out = _TextBuilder()

    def inline_text(tag: Tag) -> str:
        pieces: list[str] = []
        for node in tag.children:
            if isinstance(node, NavigableString):
                pieces.append(str(node))
            elif isinstance(node, Tag) and node.name not in _HTML_SKIP | {"ul", "ol"}:
                pieces.append(inline_text(node))
        return " ".join("".join(pieces).split())

    def walk(tag: Tag, depth: int) -> None:
        for child in tag.children:
            if isinstance(child, NavigableString):
                text = str(child).strip()
                if text and tag.name in ("body", "div", "section", "article", "main"):
                    out.add("para", text)
                continue
            if not isinstance(child, Tag) or child.name in _HTML_SKIP:
                continue
            name = child.name
            if name in ("ul", "ol"):
                walk(child, depth + 1)
            elif name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                out.add("heading", inline_text(child))
            elif name in ("li", "dd"):
                out.add("item", inline_text(child), max(depth, 1))
                for sub in child.find_all(["ul", "ol"], recursive=False):
                    walk(sub, depth + 1)
            elif name in _HTML_BLOCKS:
                out.add("para", inline_text(child))
            else:
                walk(child, depth)

    walk(soup.body or soup, 0)
    return out.text, out.blocks, title


# ---------------------------------------------------------------- structure

_LABEL = re.compile(r"^(?P<label>[A-Z][^:.!?]{0,70}?)\s*:(?:\s+|$)")


def _sentences_from_blocks(text: str, blocks: list[Block]) -> tuple[list[Sentence], list[Section]]:
    """Turn blocks into sentences that know their headings, labels and lead-ins."""
    sentences: list[Sentence] = []
    sections: list[Section] = []
    heading: Span | None = None
    # (depth, label, lead-in) of each open list item, outermost first
    item_stack: list[tuple[int, Span | None, str | None]] = []
    last_para_lead_in: str | None = None
    for block in blocks:
        block_text = text[block.start : block.end]
        if is_boilerplate(block_text):
            continue
        if block.kind == "heading":
            if sections:
                last = sections[-1]
                sections[-1] = Section(last.heading, last.start, block.start)
            heading = Span(block_text, block.start, block.end)
            sections.append(Section(block_text, block.start, len(text)))
            item_stack.clear()
            last_para_lead_in = None
            continue
        label: Span | None = None
        body_start = block.start
        if block.kind == "item":
            while item_stack and item_stack[-1][0] >= block.depth:
                item_stack.pop()
            match = _LABEL.match(block_text)
            if match:
                label = Span(match.group("label"), block.start, block.start + match.end("label"))
                body_start = block.start + match.end()
        else:
            item_stack.clear()
        headings = tuple(h for h in (heading, *(lbl for _, lbl, _ in item_stack)) if h)
        lead_in = item_stack[-1][2] if item_stack else (last_para_lead_in if block.kind == "item" else None)
        spans = list(iter_sentence_spans(text, block.start, block.end))
        if label is not None and body_start >= block.end:
            spans = []  # a label-only item ("Panic Disorder:") heads the items below it
        for index, (start, end) in enumerate(spans):
            sentence_text = text[start:end]
            own = (*headings, label) if label is not None else headings
            sentences.append(
                Sentence(
                    sentence_text,
                    start,
                    end,
                    own,
                    lead_in,
                    label if index == 0 else None,
                )
            )
        ends_with_colon = block_text.rstrip().endswith(":")
        if block.kind == "item":
            item_lead_in = None
            if ends_with_colon and spans:
                item_lead_in = text[spans[-1][0] : spans[-1][1]]
            item_stack.append((block.depth, label, item_lead_in))
        else:
            last_para_lead_in = text[spans[-1][0] : spans[-1][1]] if ends_with_colon and spans else None
    return sentences, sections


# ---------------------------------------------------------------- files


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
    """Read one document file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> _ = p.write_text("Diazepam\\n\\nDiazepam is a benzodiazepine.\\n")
    >>> doc = read_document(p)
    >>> doc.title, [s.text for s in doc.sentences]
    ('Diazepam', ['Diazepam is a benzodiazepine.'])
    """
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; use .txt, .md or .html")
    if text is None:
        source, digest = _decode(path)
    else:
        source, digest = text, hashlib.sha256(text.encode("utf-8")).hexdigest()
    body, blocks, html_title = reader(source)
    title = html_title or _first_title(body, blocks)
    # The title line names the document's subject; it is no sentence of its own.
    if blocks and body[blocks[0].start : blocks[0].end].strip() == title and blocks[0].kind != "item":
        blocks = [Block("heading", blocks[0].start, blocks[0].end), *blocks[1:]]
    sentences, sections = _sentences_from_blocks(body, blocks)
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
