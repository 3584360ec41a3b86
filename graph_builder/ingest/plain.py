"""Plain text: headings are short lines before a blank line; items start with 1. or a bullet."""

from __future__ import annotations

import re

from graph_builder.ingest.blocks import Block

_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>\d{1,2}[.)]|[•\-*·●▪◦‣])[ \t]+(?=\S)")


# A table row ("Somnolence 22% 9%") or an inline list ("Skin: rash, pruritus") is no heading.
_NOT_HEADING = re.compile(
    r"\d\s*%|\d$|:\s*\S+,|:[^,:]*\S,|\bdisorders?\s*:\s*\S|\t|\s{3,}\S", re.IGNORECASE
)


_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\s+")  # "6.1 Clinical Trials Experience"


def _looks_like_heading(line: str, next_blank: bool) -> bool:
    stripped = _SECTION_NUMBER.sub("", line.strip())
    return (
        next_blank
        and 0 < len(stripped) <= 80
        and stripped[0].isupper()
        and stripped[-1] not in ".:;,!?"
        and len(stripped.split()) <= 10
        and not _NOT_HEADING.search(stripped)
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
