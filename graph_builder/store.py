"""The persistent Oxigraph store written next to ``graph.ttl``, so queries never re-parse Turtle.

``drugkg build`` writes ``OUTDIR/graph.ttl`` and then ``OUTDIR/store/``, loaded by Oxigraph's
own Turtle parser. Queries open the store read-only; a graph built with ``--no-store`` (or a
store older than its ``graph.ttl``) is loaded into memory instead. This is the only module,
with the query worker it hosts, that imports pyoxigraph.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from graph_builder.model import GraphError

if TYPE_CHECKING:
    from pyoxigraph import Store

logger = logging.getLogger(__name__)

GRAPH_FILENAME = "graph.ttl"
STORE_DIRNAME = "store"
# A graph whose Turtle is at most this size (about two million triples) is held in memory by
# the endpoint unless told otherwise: queries run 1.5-9 times faster there, at ~600 MB per worker
# per million triples.
IN_MEMORY_LIMIT = 256 * 2**20


def get_graph_path(graph_dir: Path) -> Path:
    """Return the ``graph.ttl`` a build folder holds (or ``graph_dir`` itself if it is a file)."""
    return graph_dir if graph_dir.suffix == ".ttl" else graph_dir / GRAPH_FILENAME


def get_store_path(graph_dir: Path) -> Path:
    """Return where the persistent store of a build folder lives."""
    return get_graph_path(graph_dir).parent / STORE_DIRNAME


def write_store(graph_path: Path) -> Path:
    """Load ``graph_path`` into a new Oxigraph store beside it; return the store's folder.

    The store is written into a temporary folder and renamed into place, so a reader never
    sees half a store.
    """
    from pyoxigraph import RdfFormat, Store

    target = get_store_path(graph_path)
    temporary = Path(tempfile.mkdtemp(prefix=f".{STORE_DIRNAME}.", dir=graph_path.parent))
    try:
        store = Store(str(temporary))
        try:
            store.bulk_load(path=str(graph_path), format=RdfFormat.TURTLE)
        except (SyntaxError, OSError) as error:
            raise GraphError(f"{graph_path}: cannot load into the store ({error})") from None
        # One compaction after the bulk load: reads then touch fewer files (the named queries
        # on a 1M-triple graph answer about a quarter faster; benchmarks/bench_query.py).
        store.optimize()
        store.flush()
        del store  # closes the database before the rename
        _replace_folder(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return target


def _replace_folder(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def is_store_current(graph_dir: Path) -> bool:
    """Tell whether the folder has a store at least as new as its ``graph.ttl``."""
    graph_path, store_path = get_graph_path(graph_dir), get_store_path(graph_dir)
    if not store_path.is_dir() or not graph_path.is_file():
        return store_path.is_dir()
    return store_path.stat().st_mtime >= graph_path.stat().st_mtime


def open_store(graph_dir: Path, *, in_memory: bool = False) -> Store:
    """Open a built graph's store read-only, or load its ``graph.ttl`` into memory.

    With ``in_memory``, the graph is held in memory (faster queries): Oxigraph's bulk loader
    reads ``graph.ttl`` (about 3 s per million triples), or the store is copied when the
    Turtle is gone or unreadable.

    Raises:
        GraphError: when the folder holds neither a store nor a readable graph.ttl.

    """
    from pyoxigraph import Store

    graph_path, store_path = get_graph_path(graph_dir), get_store_path(graph_dir)
    current = is_store_current(graph_dir)
    if current and not (in_memory and graph_path.is_file()):
        try:
            disk = Store.read_only(str(store_path))
            return _copy_into_memory(disk) if in_memory else disk
        except OSError as error:
            logger.warning("%s: unreadable store (%s); reading %s", store_path, error, graph_path)
    if not graph_path.is_file():
        raise GraphError(f"{graph_dir}: no graph here; run 'drugkg build' first")
    try:
        return _load_in_memory(graph_path)
    except GraphError:
        if not (in_memory and current):
            raise
        logger.warning("%s: unreadable; copying the store into memory instead", graph_path)
        return _copy_into_memory(Store.read_only(str(store_path)))


def _copy_into_memory(disk: Store) -> Store:
    from pyoxigraph import Store

    memory = Store()
    memory.bulk_extend(disk.quads_for_pattern(None, None, None, None))
    return memory


def _load_in_memory(graph_path: Path) -> Store:
    from pyoxigraph import RdfFormat, Store

    store = Store()
    try:
        store.bulk_load(path=str(graph_path), format=RdfFormat.TURTLE)
    except (SyntaxError, OSError) as error:
        raise GraphError(f"{graph_path}: not a readable Turtle graph ({error})") from None
    return store


def fits_in_memory(graph_dir: Path) -> bool:
    """Tell whether a built graph is small enough for the endpoint to hold in memory."""
    graph_path = get_graph_path(graph_dir)
    return graph_path.is_file() and graph_path.stat().st_size <= IN_MEMORY_LIMIT


def get_graph_names(store: Store) -> frozenset[str]:
    """Return the IRIs of the named graphs the store holds."""
    from pyoxigraph import NamedNode

    return frozenset(g.value for g in store.named_graphs() if isinstance(g, NamedNode))
