"""Blocks to sentences that remember their headings, item labels and list lead-ins."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph_builder.ingest.blocks import Block, is_boilerplate
from graph_builder.model import Section, Sentence, Span
from graph_builder.segment import iter_sentence_spans

# "Liver Disease: Since Klonopin is ..." -> the label "Liver Disease" (used with .match(pos))
_LABEL = re.compile(r"(?P<label>[A-Z][^:.!?]{0,70}?)\s*:(?:\s+|$)")


@dataclass(slots=True)
class _OpenItem:
    depth: int
    label: Span | None
    lead_in: str | None  # the item's own sentence ending in ":" introduces its children


@dataclass(slots=True)
class _Structure:
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    heading: Span | None = None
    items: list[_OpenItem] = field(default_factory=list)
    paragraph_lead_in: str | None = None
    table_header: str | None = None  # the header row of the table being read

    def open_heading(self, block: Block) -> None:
        if self.sections:
            last = self.sections[-1]
            self.sections[-1] = Section(last.heading, last.start, block.start)
        heading = self.text[block.start : block.end]
        self.heading = Span(heading, block.start, block.end)
        self.sections.append(Section(heading, block.start, len(self.text)))
        self.items.clear()
        self.paragraph_lead_in = None
        self.table_header = None

    def add_row(self, block: Block) -> None:
        """Add a table row as one sentence; the header row leads in the rows below it."""
        text = self.text[block.start : block.end]
        headings = (self.heading,) if self.heading else ()
        lead_in = None if block.depth == 0 else self.table_header
        self.sentences.append(Sentence(text, block.start, block.end, headings, lead_in, None))
        if block.depth == 0:
            self.table_header = text

    def lead_in_for(self, block: Block) -> str | None:
        if self.items:
            return self.items[-1].lead_in
        return self.paragraph_lead_in if block.kind == "item" else None

    def add_block(self, block: Block) -> None:
        label: Span | None = None
        body_start = block.start
        if block.kind == "item":
            while self.items and self.items[-1].depth >= block.depth:
                self.items.pop()
            match = _LABEL.match(self.text, block.start, block.end)
            if match:
                label = Span(match.group("label"), block.start, match.end("label"))
                body_start = match.end()
        else:
            self.items.clear()
        headings = tuple(h for h in (self.heading, *(i.label for i in self.items)) if h)
        own = (*headings, label) if label is not None else headings
        lead_in = self.lead_in_for(block)
        spans = list(iter_sentence_spans(self.text, block.start, block.end))
        if label is not None and body_start >= block.end:
            spans = []  # a label-only item ("Panic Disorder:") heads the items below it
        for index, (start, end) in enumerate(spans):
            item_label = label if index == 0 else None
            self.sentences.append(
                Sentence(self.text[start:end], start, end, own, lead_in, item_label)
            )
        last = self.text[spans[-1][0] : spans[-1][1]] if spans else None
        introduces = last if last is not None and last.endswith(":") else None
        if block.kind == "item":
            self.items.append(_OpenItem(block.depth, label, introduces))
        else:
            self.paragraph_lead_in = introduces


def sentences_from_blocks(text: str, blocks: list[Block]) -> tuple[list[Sentence], list[Section]]:
    """Turn blocks into sentences that know their headings, labels and lead-ins."""
    structure = _Structure(text)
    for block in blocks:
        if is_boilerplate(text[block.start : block.end]):
            continue
        if block.kind == "heading":
            structure.open_heading(block)
        elif block.kind == "row":
            structure.add_row(block)
        else:
            structure.table_header = None
            structure.add_block(block)
    return structure.sentences, structure.sections
