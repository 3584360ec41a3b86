"""How fast the pipeline builds the two development corpora (one process, one core).

Each corpus is first converted to plain-text documents (not timed), then built with
``build_graph`` (read, extract, link, RDF; timed). Prints MB of text and MB/s per corpus.
Skips when ../shared/corpora is absent.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from pathlib import Path

from graph_builder.evaluate.adr import file_name, read_labels, to_document_text
from graph_builder.evaluate.corpus_ddi import iter_ddi_documents, write_documents
from graph_builder.pipeline import build_graph

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def ddi_documents(folder: Path) -> list[Path]:
    return write_documents(list(iter_ddi_documents(CORPORA / "ddi2013-train")), folder)


def adr_documents(folder: Path) -> list[Path]:
    paths = []
    for label in read_labels(CORPORA / "tac2017-adr-train" / "train-labels.json"):
        path = folder / file_name(label.label_id)
        path.write_text(to_document_text(label), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    if not CORPORA.is_dir():
        print(f"skipped: {CORPORA} is absent")
        return 0
    logging.disable(logging.WARNING)
    build_graph([Path("data/documents")])  # load the lexicon and drug-name package first
    print(f"{'corpus':<10} {'docs':>5} {'MB':>6} {'seconds':>8} {'MB/s':>6}")
    total_mb = total_s = 0.0
    for name, convert in (("ddi2013", ddi_documents), ("tac2017", adr_documents)):
        with tempfile.TemporaryDirectory() as tmp:
            paths = convert(Path(tmp))
            mb = sum(len(p.read_bytes()) for p in paths) / 1e6
            start = time.perf_counter()
            build_graph(paths, on_error=lambda _error: None)
            seconds = time.perf_counter() - start
        total_mb, total_s = total_mb + mb, total_s + seconds
        print(f"{name:<10} {len(paths):>5} {mb:>6.2f} {seconds:>8.1f} {mb / seconds:>6.2f}")
    print(f"{'both':<10} {'':>5} {total_mb:>6.2f} {total_s:>8.1f} {total_mb / total_s:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
