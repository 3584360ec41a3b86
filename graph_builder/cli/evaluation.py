"""The evaluate group: score extraction against published gold annotations."""

from __future__ import annotations

from pathlib import Path

import click

from graph_builder.cli.common import CORPORA, friendly_errors


@click.group()
def evaluate() -> None:
    """Score what the graph states against published gold annotations (DDI-2013, TAC-2017)."""


@evaluate.command("ddi")
@click.argument(
    "corpus",
    type=click.Path(exists=True, path_type=Path),
    required=False,
    default=CORPORA / "ddi2013-train",
)
@click.option("--errors", is_flag=True, help="List false positives and misses per document.")
@friendly_errors
def evaluate_ddi_command(corpus: Path, errors: bool) -> None:
    """Build the DDI-2013 documents as plain text and score the interacting pairs."""
    from graph_builder.evaluate.ddi import evaluate_ddi

    result = evaluate_ddi(corpus)
    if errors:
        click.echo(result.error_listing())
        click.echo()
    click.echo(result.table())


@evaluate.command("adr")
@click.argument(
    "corpus",
    type=click.Path(exists=True, path_type=Path),
    required=False,
    default=CORPORA / "tac2017-adr-train",
)
@click.option("--errors", is_flag=True, help="List false positives and misses per label.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N labels.")
@friendly_errors
def evaluate_adr_command(corpus: Path, errors: bool, limit: int | None) -> None:
    """Build the TAC-2017 labels as plain text and score the unique reactions per label."""
    from graph_builder.evaluate.adr import evaluate_adr

    click.echo(evaluate_adr(corpus, errors=errors, limit=limit))
