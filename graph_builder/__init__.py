"""drugkg: drug-information documents in, a knowledge graph of drug relationships out.

>>> from graph_builder import build_graph
>>> result = build_graph([DATA_DIR / "documents"])  # doctest: +SKIP
"""

from __future__ import annotations

from graph_builder._version import __version__
from graph_builder.pipeline import BuildResult, build_graph
from graph_builder.vocabulary import DATA_DIR

__all__ = ["DATA_DIR", "BuildResult", "__version__", "build_graph"]
