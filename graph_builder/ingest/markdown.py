"""Markdown, rendered with markdown-it-py into blocks of plain text."""

from __future__ import annotations

from typing import Any

from graph_builder.ingest.blocks import Block, TextBuilder, pipe_row


def render_markdown(source: str) -> tuple[str, list[Block]]:
    """Render Markdown to plain text blocks with markdown-it-py (tables row by row)."""
    from markdown_it import MarkdownIt

    reader = _Reader()
    for token in MarkdownIt("commonmark").enable("table").parse(source):
        reader.read(token)
    return reader.out.text, reader.out.blocks


class _Reader:
    """Markdown tokens to blocks: headings, paragraphs, list items at depth, table rows."""

    def __init__(self) -> None:
        self.out = TextBuilder()
        self.depth = 0
        self.kinds: list[str] = []
        self.cells: list[str] | None = None  # the cells of the table row being read
        self.header = False

    def read(self, token: Any) -> None:
        kind = token.type
        if kind in (
            "bullet_list_open",
            "ordered_list_open",
            "bullet_list_close",
            "ordered_list_close",
        ):
            self.depth += 1 if kind.endswith("_open") else -1
        elif kind in ("heading_open", "list_item_open"):
            self.kinds.append("heading" if kind == "heading_open" else "item")
        elif kind in ("heading_close", "list_item_close"):
            self.kinds.pop()
        elif kind in ("thead_open", "thead_close"):
            self.header = kind == "thead_open"
        elif kind == "tr_open":
            self.cells = []
        elif kind == "tr_close" and self.cells is not None:
            self.out.add("row", pipe_row(self.cells), 0 if self.header else 1)
            self.cells = None
        elif kind == "inline":
            self.inline(token)

    def inline(self, token: Any) -> None:
        # a line break inside a paragraph is a space ("severe\nhepatotoxicity")
        text = (
            "".join(
                " " if child.type in ("softbreak", "hardbreak") else child.content
                for child in token.children or ()
                if child.type in ("text", "code_inline", "softbreak", "hardbreak")
            )
            or token.content
        )
        if self.cells is not None:
            self.cells.append(text)
            return
        kind = self.kinds[-1] if self.kinds else "para"
        self.out.add(kind, text, self.depth if kind == "item" else 0)
