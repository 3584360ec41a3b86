"""HTML, rendered with BeautifulSoup into blocks of plain text (scripts and navigation dropped).

The page is parsed by html5lib, which builds the tree as a browser does (the WHATWG HTML
algorithm): the end tags HTML lets a page leave out (``</p>``, ``</li>``, ``</td>``,
``</tr>``, even ``<html>`` and ``<body>``) are implied where a browser implies them, so
``<p>One.<p>Two.`` is two paragraphs, not one nested in the other.
"""

from __future__ import annotations

from typing import Any

from graph_builder.ingest.blocks import Block, TextBuilder, pipe_row

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_ITEMS = {"li", "dd"}
_LISTS = {"ul", "ol"}
_PARAGRAPHS = {"p", "td", "th", "dt", "blockquote", "pre"}
_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "head",
    "svg",
    "form",
    "button",
}
_CONTAINERS = {"body", "div", "section", "article", "main", "td", "th"}
_CELLS = {"td", "th"}
_BLOCKS = _HEADINGS | _LISTS | {"p", "div", "table", "blockquote", "pre", "dl"}


def _is_text(node: Any) -> bool:
    """Tell whether a node is page text (not a comment, doctype or processing instruction)."""
    from bs4.element import NavigableString, PreformattedString

    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def _inline_text(tag: Any) -> str:
    from bs4.element import Tag

    pieces: list[str] = []
    for node in tag.children:
        if _is_text(node):
            pieces.append(str(node))
        elif isinstance(node, Tag) and node.name not in _SKIP | _LISTS:
            pieces.append(_inline_text(node))
    return " ".join("".join(pieces).split())


def _walk(tag: Any, depth: int, out: TextBuilder) -> None:
    from bs4.element import Tag

    for child in tag.children:
        if _is_text(child):
            if tag.name in _CONTAINERS and str(child).strip():
                out.add("para", str(child))
        elif isinstance(child, Tag) and child.name not in _SKIP:
            _walk_tag(child, depth, out)


def _walk_tag(tag: Any, depth: int, out: TextBuilder) -> None:
    name = tag.name
    if name in _LISTS:
        _walk(tag, depth + 1, out)
    elif name in _HEADINGS:
        out.add("heading", _inline_text(tag))
    elif name in _ITEMS:
        out.add("item", _inline_text(tag), max(depth, 1))
        for sub in tag.find_all(list(_LISTS), recursive=False):
            _walk(sub, depth + 1, out)
    elif name in _CELLS and tag.find(list(_BLOCKS)) is not None:
        _walk(tag, depth, out)  # a cell of a page laid out in a table holds paragraphs, lists
    elif name in _PARAGRAPHS:
        out.add("para", _inline_text(tag))
    elif name == "table" and (rows := _data_table(tag)):
        for index, row in enumerate(rows):  # the first row is the header
            out.add("row", pipe_row(row), 0 if index == 0 else 1)
    else:
        _walk(tag, depth, out)


def _data_table(tag: Any) -> list[list[str]] | None:
    """Return a data table's rows of cell texts; None for a table that lays out a page.

    A page laid out in a table has tables, lists or long paragraphs inside its cells.
    """
    if tag.find(["table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"]) is not None:
        return None
    rows = [
        [_inline_text(cell) for cell in row.find_all(["th", "td"], recursive=False)]
        for row in tag.find_all("tr")
    ]
    rows = [row for row in rows if any(row)]
    if len(rows) < 2 or any(len(cell) > _LONGEST_CELL for row in rows for cell in row):
        return None
    return rows


_LONGEST_CELL = 300  # characters: a cell longer than a short paragraph is page layout


def render_html(source: str) -> tuple[str, list[Block], str | None]:
    """Render HTML to plain text blocks, parsed as a browser parses it; return its <title> too."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(source, "html5lib")
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text(" ").split()) if title_tag else None
    out = TextBuilder()
    _walk(soup.body or soup, 0, out)
    return out.text, out.blocks, title or None
