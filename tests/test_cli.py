"""The command line: build, determinism, bad input, help and version."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_builder import __version__
from graph_builder.cli import main

from .conftest import SEED_DIR


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph_builder", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two builds in separate processes with different hash seeds (set and dict order)."""
    first, second = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    for seed, out in (("1", first), ("2", second)):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-m", "graph_builder", "build", str(SEED_DIR), "-o", str(out)],
            capture_output=True, text=True, check=False, env=env,
        )
        assert result.returncode == 0, result.stderr
    return first, second


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file a build wrote, but the Oxigraph store (a database, not a document)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "store" not in p.relative_to(folder).parts
    }


def test_two_builds_give_identical_bytes(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    written = outputs(first)
    assert "graph.ttl" in written and "views/cns-depressant-interactions.html" in written
    assert written == outputs(second)
    assert (first / "graph.ttl").stat().st_mode & 0o044  # readable by others, not 0600


def test_unwritable_outdir_is_a_one_line_error() -> None:
    result = run("build", str(SEED_DIR), "-o", "/dev/null/x")
    assert result.returncode == 1
    assert result.stderr.startswith("drugkg: error: /dev/null/x") and result.stderr.count("\n") == 1


def test_summary(two_builds: tuple[Path, Path], tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(SEED_DIR), "-o", str(tmp_path)])
    assert "biolink:treats" in result.output
    assert "Conflicts between sources: 3" in result.output


def test_bad_file_is_reported_and_the_others_built(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (docs / "diazepam.txt").write_text("Diazepam\n\nDiazepam may cause drowsiness.\n")
    result = run("build", str(docs), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "broken.txt: binary file" in result.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()
    strict = run("build", str(docs), "-o", str(tmp_path / "strict"), "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    assert not (tmp_path / "strict" / "graph.ttl").exists()


def test_missing_path_is_one_line() -> None:
    result = run("build", "no/such/folder")
    assert result.returncode == 1
    assert result.stderr.strip() == "drugkg: error: no/such/folder: no such file or folder"


def test_validate_and_conflicts(two_builds: tuple[Path, Path]) -> None:
    out = two_builds[0]
    runner = CliRunner()
    validated = runner.invoke(main, ["validate", "-g", str(out)])
    assert validated.exit_code == 0 and "conforms" in validated.output
    conflicts = runner.invoke(main, ["conflicts", "-g", str(out)])
    assert "[maximum-dose]" in conflicts.output and "20 mg per day" in conflicts.output
    missing = runner.invoke(main, ["conflicts", "-g", "nowhere"])
    assert missing.exit_code == 1


def test_help_on_every_command_and_version() -> None:
    runner = CliRunner()
    for name in main.commands:  # type: ignore[attr-defined]
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output, name
    assert __version__ in runner.invoke(main, ["--version"]).output


def test_no_partial_output_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph_builder import rdf

    target = tmp_path / "graph.ttl"
    target.write_text("old graph")

    def explode(*_: object, **__: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(rdf.os, "replace", explode)
    with pytest.raises(OSError):
        rdf.write_atomic(target, b"new graph")
    assert target.read_text() == "old graph"
    assert list(tmp_path.iterdir()) == [target]


def test_nothing_readable_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "broken.txt").write_bytes(b"\x00binary")
    result = run("build", str(docs), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "drugkg: error: no document could be read; nothing was built"
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_folder_without_documents_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = run("build", str(tmp_path), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no .txt, .md or .html documents found" in result.stderr


def test_a_failed_build_leaves_the_old_outputs_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("the old graph")
    (out / "views").write_text("a file where the views folder goes")
    result = run("build", str(SEED_DIR), "-o", str(out))
    assert result.returncode == 1 and "in the way" in result.stderr
    assert (out / "graph.ttl").read_text() == "the old graph"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "views"]


def test_a_rebuild_leaves_no_stale_page(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "views").mkdir(parents=True)
    (out / "views" / "drug-from-an-old-build.html").write_text("old")
    result = run("build", str(SEED_DIR), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert not (out / "views" / "drug-from-an-old-build.html").exists()
    assert (out / "views" / "index.html").exists() and (out / "store").is_dir()
