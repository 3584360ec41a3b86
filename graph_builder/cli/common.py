"""What every command shares: error handling, the graph option, defaults."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from graph_builder.model import GraphBuilderError
from graph_builder.vocabulary import DATA_DIR

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_INPUT = DATA_DIR / "documents"
DEFAULT_OUTDIR = Path("out")
CORPORA = DATA_DIR.parent.parent / "shared" / "corpora"


GRAPH_OPTION = click.option(
    "--graph",
    "-g",
    "graph_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUTDIR,
    show_default=True,
    help="The folder 'drugkg build' wrote (holding graph.ttl).",
)


def fail(message: str) -> None:
    """Print one error line on stderr."""
    click.secho(f"drugkg: error: {message}", fg="red", err=True)


def friendly_errors(command: F) -> F:
    """Turn the project's errors into one line on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except GraphBuilderError as error:
            fail(str(error))
            sys.exit(1)
        except OSError as error:  # an output folder that cannot be written, a full disk
            fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": "))
            sys.exit(1)
        except KeyboardInterrupt:
            fail("interrupted")
            sys.exit(130)

    return wrapper  # type: ignore[return-value]
