"""What every command shares: error handling, the graph option, defaults."""

from __future__ import annotations

import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


def warn(message: str) -> None:
    """Print one warning line on stderr."""
    click.secho(f"drugkg: warning: {message}", fg="yellow", err=True)


class Terminated(BaseException):
    """SIGTERM arrived: unwind, so every ``finally`` removes its temporaries, and exit 143."""


@contextmanager
def terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into ``Terminated`` while the block runs (SIGINT already unwinds)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def raise_terminated(signum: int, _frame: object) -> None:
        raise Terminated(signum)

    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
        except Terminated:
            fail("terminated")
            sys.exit(143)

    return wrapper  # type: ignore[return-value]


_NOT_A_CHOICE = re.compile(r"^(?P<what>.*?): (?P<value>.*) is not (?:one of )?(?P<choices>'.*')$")


def usage_line(error: click.UsageError, command: str = "drugkg") -> str:
    """Say a usage error on one line: the command, then what was wrong in lower case.

    >>> usage_line(click.UsageError("Invalid value for '--format': 'xml' is not one of "
    ...                             "'table', 'csv', 'tsv', 'json'."))
    "drugkg: invalid value for '--format': 'xml' (choose from table, csv, tsv, json)"
    """
    message = " ".join(error.format_message().split()).rstrip(".")
    choice = _NOT_A_CHOICE.match(message)
    if choice:
        options = ", ".join(re.findall(r"'([^']*)'", choice["choices"]))
        message = f"{choice['what']}: {choice['value']} (choose from {options})"
    command = error.ctx.command_path if error.ctx is not None else command
    if message[1:2].islower():  # "Invalid value" -> "invalid value", but not "OUTDIR"
        message = message[:1].lower() + message[1:]
    return f"{command}: {message}"


class OneLineUsageError(click.ClickException):
    """A usage error shown as one line on stderr (click's own takes three)."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        """Print the one line on stderr."""
        click.echo(self.message, file=file, err=True)


class DrugkgGroup(click.Group):
    """The main group: usage errors anywhere below it are one line, exit code 2."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        """Parse the group's own options; a bad one is a one-line usage error."""
        try:
            return super().make_context(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:
            raise OneLineUsageError(usage_line(error)) from None

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a usage error from its arguments or its body becomes one line."""
        # The option parser's errors carry no context: name the command from the arguments.
        words = [*getattr(ctx, "_protected_args", ()), *ctx.args][:1]
        command = " ".join([ctx.command_path, *words])
        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:
            raise OneLineUsageError(usage_line(error, command)) from None
