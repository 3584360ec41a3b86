"""Markdown, rendered with markdown-it-py into blocks of plain text."""

from __future__ import annotations

from graph_builder.ingest.blocks import Block, TextBuilder


def render_markdown(source: str) -> tuple[str, list[Block]]:
    """Render Markdown to plain text blocks with markdown-it-py."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(source)
    out = TextBuilder()
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
            # a line break inside a paragraph is a space ("severe\nhepatotoxicity")
            text = (
                "".join(
                    " " if child.type in ("softbreak", "hardbreak") else child.content
                    for child in token.children or ()
                    if child.type in ("text", "code_inline", "softbreak", "hardbreak")
                )
                or token.content
            )
            kind = kind_stack[-1] if kind_stack else "para"
            out.add(kind, text, depth if kind == "item" else 0)
    return out.text, out.blocks
