"""Read the DDI-2013 corpus and turn each XML document into a plain-text document.

A DrugBank document's title line is the drug its file is named after ("Clonazepam_ddi.xml"
-> "Clonazepam"); a MedLine abstract has no such name, so its title line is the drug its
text names most often (chosen from the text itself, never from the annotations; "Abstract"
when it names none). Every sentence follows as running text. Gold offsets (end-inclusive,
relative to the sentence, possibly discontinuous) become end-exclusive document offsets,
so the graph's mention offsets can be aligned with them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graph_builder.model import InputError

TYPES = ("mechanism", "effect", "advise", "int")


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """A gold drug mention: its id, type, text and document offsets (end-exclusive)."""

    id: str
    type: str  # drug | brand | group | drug_n
    text: str
    spans: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        """Where the mention's first piece starts."""
        return self.spans[0][0]

    @property
    def end(self) -> int:
        """Where the mention's last piece ends."""
        return self.spans[-1][1]


@dataclass(frozen=True, slots=True)
class GoldPair:
    """A gold pair of mentions in one sentence: interacting or not, and how."""

    e1: str
    e2: str
    ddi: bool
    type: str | None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A gold sentence with its document offsets, mentions and pairs."""

    id: str
    text: str
    start: int
    end: int
    entities: tuple[GoldEntity, ...]
    pairs: tuple[GoldPair, ...]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One corpus document as plain text (title line, then running text) with its gold."""

    id: str
    name: str  # the file's stem, used for the .txt file name
    text: str
    sentences: tuple[GoldSentence, ...]


def title_of(path: Path, sentences: list[str]) -> str:
    """Choose a title line: a DrugBank file's drug name, else the text's most named drug."""
    if path.parent.name.lower() == "drugbank" or path.stem.endswith("_ddi"):
        return path.stem.removesuffix("_ddi").replace("_", " ")
    return most_named_drug(sentences) or "Abstract"


def most_named_drug(sentences: list[str]) -> str | None:
    """Return the drug the sentences name most often (as first written; ties: the first)."""
    from graph_builder.lexicon import find_mentions
    from graph_builder.model import EntityType

    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for text in sentences:
        for mention in find_mentions(text):
            if mention.entity.type is EntityType.DRUG:
                counts[mention.entity.key] = counts.get(mention.entity.key, 0) + 1
                names.setdefault(mention.entity.key, mention.text)
    if not counts:
        return None
    best = max(counts, key=lambda key: (counts[key], -list(names).index(key)))
    return names[best]


def _spans(offset: str, base: int) -> tuple[tuple[int, int], ...]:
    pieces = []
    for piece in offset.split(";"):
        start, _, end = piece.partition("-")
        pieces.append((base + int(start), base + int(end) + 1))
    return tuple(pieces)


def read_ddi_document(path: Path) -> GoldDocument:
    """Read one DDI-2013 XML file into its plain text and gold annotations."""
    try:
        root = ET.parse(path).getroot()  # noqa: S314  (a local corpus file, not untrusted input)
    except (OSError, ET.ParseError) as error:
        raise InputError(f"{path}: not a readable DDI-2013 XML document ({error})") from error
    elements = root.findall("sentence")
    texts = [element.get("text", "") for element in elements]
    title = title_of(path, texts)
    text = ""
    sentences = []
    for index, (element, sentence_text) in enumerate(zip(elements, texts, strict=True)):
        if index == 0:
            text = title + "\n\n"
        else:
            text += " "
        start = len(text)
        text += sentence_text
        entities = tuple(
            GoldEntity(
                e.get("id", ""),
                e.get("type", ""),
                e.get("text", ""),
                _spans(e.get("charOffset", "0-0"), start),
            )
            for e in element.findall("entity")
        )
        pairs = tuple(
            GoldPair(
                p.get("e1", ""),
                p.get("e2", ""),
                p.get("ddi") == "true",
                p.get("type") if p.get("ddi") == "true" else None,
            )
            for p in element.findall("pair")
        )
        sentences.append(
            GoldSentence(element.get("id", ""), sentence_text, start, len(text), entities, pairs)
        )
    return GoldDocument(root.get("id", path.stem), path.stem, text + "\n", tuple(sentences))


def iter_ddi_documents(corpus: Path) -> Iterator[GoldDocument]:
    """Read every DDI-2013 XML file under ``corpus``, in a stable order."""
    paths = sorted(corpus.rglob("*.xml")) if corpus.is_dir() else [corpus]
    if not paths:
        raise InputError(f"{corpus}: no DDI-2013 XML documents found")
    for path in paths:
        yield read_ddi_document(path)


def write_documents(documents: list[GoldDocument], outdir: Path) -> list[Path]:
    """Write each document's plain text to ``outdir`` (one .txt per document)."""
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for document in documents:
        path = outdir / f"{document.name}.txt"
        path.write_text(document.text, encoding="utf-8")
        paths.append(path)
    return paths
