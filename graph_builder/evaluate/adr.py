"""Score adverse-reaction extraction against the TAC-2017 ADR gold (unique reactions per label).

Each label (several section records) becomes one plain-text document: a title line
naming the drug, then each section's name as a heading and its text. The graph built
from those documents is read back, and the object strings of its non-negated, human
``has_side_effect`` statements are compared, per label, with the gold reaction strings.

Gold: the first column of each adverse-event row, lower-cased and whitespace-normalised.
Rows the annotators marked ``animal`` (a finding in animal studies) are left out, because
the graph keeps animal-only findings apart from the drug's side effects in people; the
graph's animal statements (those with ``dkg:species``) are left out likewise.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from graph_builder.evaluate.scoring import Score, score_sets
from graph_builder.model import InputError
from graph_builder.vocabulary import BIOLINK, DKG

LABELS_FILE = "train-labels.json"
SECTION_ORDER = ("boxed warnings", "warnings and precautions", "adverse reactions")


@dataclass(frozen=True, slots=True)
class Label:
    """One drug label: its id, its sections (name, text) and its gold reaction strings."""

    label_id: str
    sections: tuple[tuple[str, str], ...]
    gold: frozenset[str]


@dataclass(frozen=True, slots=True)
class LabelResult:
    """Gold and predicted reaction strings of one label, and their score."""

    label_id: str
    gold: frozenset[str]
    predicted: frozenset[str]

    @property
    def score(self) -> Score:
        """The label's counts."""
        return score_sets(self.gold, self.predicted)


def normalise(text: str) -> str:
    r"""Lower-case and collapse white space, as both gold and predictions are compared.

    >>> normalise("  Peripheral\n sensory  Neuropathy ")
    'peripheral sensory neuropathy'
    """
    return " ".join(text.lower().split())


def read_labels(path: Path) -> list[Label]:
    """Read a TAC-2017 ADR corpus folder (or its JSON file) into labels, in label order."""
    file = path / LABELS_FILE if path.is_dir() else path
    try:
        records = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"{file}: cannot read the TAC-2017 ADR labels ({error})") from error
    sections: dict[str, list[tuple[str, str]]] = {}
    gold: dict[str, set[str]] = {}
    for record in records:
        label_id = str(record["label_id"])
        sections.setdefault(label_id, []).append(
            (str(record["section_name"]), str(record["section_text"]))
        )
        gold.setdefault(label_id, set()).update(
            normalise(row[0]) for row in record["adverse_events"] if row[7] == "human"
        )
    return [
        Label(
            label_id,
            tuple(sorted(parts, key=lambda p: _section_rank(p[0]))),
            frozenset(gold[label_id]),
        )
        for label_id, parts in sorted(sections.items())
    ]


def _section_rank(name: str) -> int:
    return SECTION_ORDER.index(name) if name in SECTION_ORDER else len(SECTION_ORDER)


def to_document_text(label: Label) -> str:
    r"""Render a label as a user's plain-text document: title, then headed sections.

    >>> label = Label("ACME", (("adverse reactions", " Nausea  12%  3%\n"),), frozenset())
    >>> to_document_text(label)
    'ACME\n\nAdverse Reactions\n\n Nausea  12%  3%\n'
    """
    parts = [label.label_id, ""]
    for name, text in label.sections:
        parts += [name.title().replace(" And ", " and "), ""]
        lines = [line.rstrip() for line in text.splitlines()]
        parts += _collapse_blank_runs(lines)
        parts.append("")
    return "\n".join(parts).rstrip("\n") + "\n"


def _collapse_blank_runs(lines: Iterable[str]) -> Iterator[str]:
    previous_blank = True
    for line in lines:
        blank = not line.strip()
        if not (blank and previous_blank):
            yield line
        previous_blank = blank


def file_name(label_id: str) -> str:
    """Name the document file of a label."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in label_id) + ".txt"


def predicted_reactions(graph: Graph) -> dict[str, set[str]]:
    """Map each source file to the object strings of its non-negated human side effects."""
    found: dict[str, set[str]] = {}
    for node in graph.subjects(RDF.predicate, BIOLINK.has_side_effect):
        if graph.value(node, BIOLINK.negated) == Literal(True):
            continue
        if graph.value(node, DKG.species) is not None:  # a finding in animals only
            continue
        text = graph.value(node, DKG.objectText)
        doc = graph.value(node, PROV.wasDerivedFrom)
        source = graph.value(doc, DCTERMS.source) if isinstance(doc, URIRef) else None
        if text is not None and source is not None:
            found.setdefault(str(source), set()).add(normalise(str(text)))
    return found


def evaluate_labels(labels: list[Label]) -> list[LabelResult]:
    """Write the labels as documents, build the graph and compare it with the gold."""
    from graph_builder.pipeline import build_graph

    with tempfile.TemporaryDirectory(prefix="drugkg-adr-") as tmp:
        folder = Path(tmp)
        for label in labels:
            (folder / file_name(label.label_id)).write_text(
                to_document_text(label), encoding="utf-8"
            )
        result = build_graph([folder], on_error=lambda error: None)
    predicted = predicted_reactions(result.graph)
    return [
        LabelResult(
            label.label_id, label.gold, frozenset(predicted.get(file_name(label.label_id), ()))
        )
        for label in labels
    ]


def total(results: Iterable[LabelResult]) -> Score:
    """Micro-average: add up every label's counts."""
    score = Score(0, 0, 0)
    for result in results:
        score = score + result.score
    return score


def format_report(results: list[LabelResult], *, errors: bool = False) -> str:
    """Describe the scores as a table, with each label's misses and false positives."""
    lines = [f"TAC-2017 ADR, unique reactions per label ({len(results)} labels)"]
    lines.append(total(results).row("reactions"))
    if errors:
        for result in results:
            fp = sorted(result.predicted - result.gold)
            fn = sorted(result.gold - result.predicted)
            if not fp and not fn:
                continue
            lines.append(f"\n== {result.label_id}  {result.score.row('')}")
            lines += [f"  FP  {text}" for text in fp]
            lines += [f"  FN  {text}" for text in fn]
    return "\n".join(lines)


def evaluate_adr(path: Path, *, errors: bool = False, limit: int | None = None) -> str:
    """Run the whole TAC-2017 ADR evaluation on a corpus folder and return the report."""
    labels = read_labels(path)[:limit]
    return format_report(evaluate_labels(labels), errors=errors)
