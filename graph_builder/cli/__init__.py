"""The ``drugkg`` command line: each command a thin wrapper over one library call.

Data goes to stdout; progress, warnings and errors to stderr. Every error the project
raises on purpose becomes one line naming the bad input and a non-zero exit code.
"""

from __future__ import annotations

import logging
import sys

import click

from graph_builder._version import __version__
from graph_builder.cli.analysis import analyze, export
from graph_builder.cli.common import DrugkgGroup
from graph_builder.cli.evaluation import evaluate
from graph_builder.cli.graphs import build, conflicts, render, validate
from graph_builder.cli.querying import query, serve


@click.group(
    name="drugkg",
    cls=DrugkgGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="drugkg")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does (on stderr).")
def main(verbose: bool) -> None:
    """Build and explore a knowledge graph of drug relationships from drug documents.

    \b
    Typical use:
      drugkg build data/documents -o out     read documents, write out/graph.ttl
      drugkg conflicts -g out                where the sources disagree
      drugkg validate -g out                 SHACL shapes and the ontology check
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneStyle())
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])


class _OneStyle(logging.Formatter):
    """Format log lines as the tool's own: "drugkg: warning: ..."."""

    def format(self, record: logging.LogRecord) -> str:
        return f"drugkg: {record.levelname.lower()}: {record.getMessage()}"


for command in (build, render, validate, conflicts, query, serve, analyze, export, evaluate):
    main.add_command(command)
