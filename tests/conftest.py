"""Shared fixtures: the graph built from the two seed Klonopin pages, built once."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from graph_builder import BuildResult, build_graph
from graph_builder.vocabulary import DATA_DIR

SEED_DIR = DATA_DIR / "documents"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def seed_build() -> BuildResult:
    return build_graph([SEED_DIR])


@pytest.fixture(scope="session")
def seed_graph(seed_build: BuildResult) -> Graph:
    return seed_build.graph


CNS_FIXTURES = Path(__file__).parent / "fixtures" / "reason"


@pytest.fixture(scope="session")
def reasoned() -> tuple[Graph, int]:
    """The seeds plus a second CNS depressant's monograph, reasoned; and the inferred count."""
    from graph_builder.reason import reason

    graph = build_graph([SEED_DIR, CNS_FIXTURES]).graph
    return graph, reason(graph)
