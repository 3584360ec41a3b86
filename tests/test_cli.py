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
            capture_output=True,
            text=True,
            check=False,
            env=env,
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
    assert (
        "Conflicts between sources: 4" in result.output
    )  # breastfeeding: caution vs contraindication


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


DIAZEPAM = "Diazepam\n\nDiazepam may cause drowsiness.\n"


def test_a_missing_path_is_a_warning_and_the_others_are_built(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(DIAZEPAM)
    missing = tmp_path / "nothere.txt"
    result = run("build", str(missing), str(good), "-o", str(tmp_path / "o7"), "--no-store")
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"drugkg: warning: {missing}: no such file or folder\n"
    assert "from 1 document(s)" in result.stdout and (tmp_path / "o7" / "graph.ttl").exists()
    strict = run("build", str(missing), str(good), "-o", str(tmp_path / "s"), "--strict")
    assert strict.returncode == 1
    assert strict.stderr == f"drugkg: error: {missing}: no such file or folder\n"
    assert not (tmp_path / "s" / "graph.ttl").exists()


def test_no_usable_input_at_all_is_one_error_line(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "a.txt"), str(tmp_path / "b"), "-o", str(tmp_path / "o"))
    assert result.returncode == 1
    assert result.stderr == (
        f"drugkg: error: {tmp_path / 'a.txt'}, {tmp_path / 'b'}: no such file or folder\n"
    )


def test_a_broken_link_in_a_folder_is_a_warning(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "diazepam.txt").write_text(DIAZEPAM)
    (docs / "lorazepam.txt").symlink_to(tmp_path / "moved-away.txt")
    result = run("build", str(docs), "-o", str(tmp_path / "out"), "--no-store", "--no-views")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"drugkg: warning: {docs / 'lorazepam.txt'}: broken link to {tmp_path / 'moved-away.txt'}\n"
    )
    strict = run("build", str(docs), "-o", str(tmp_path / "strict"), "--strict")
    assert strict.returncode == 1 and "broken link" in strict.stderr


def test_a_build_removes_what_a_killed_build_left(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(DIAZEPAM)
    out = tmp_path / "out"
    left = [out / ".drugkg-build-x1y2", out / ".views.old-.drugkg-build-x1y2"]
    for folder in left:
        (folder / "store").mkdir(parents=True)
        (folder / "graph.ttl").write_text("half a graph")
    (out / ".notes").mkdir()  # not a build's: left alone
    result = run("build", str(good), "-o", str(out), "--no-store", "--no-views")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [".notes", "graph.ttl"]


def test_sigterm_during_a_build_leaves_no_temporary_folder(tmp_path: Path) -> None:
    import signal
    import time

    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "graph_builder", "build", str(SEED_DIR), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob(".drugkg-build-*")) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert process.poll() is None, "the build ended before its staging folder was seen"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143 and stderr.endswith("drugkg: error: terminated\n")
    assert list(out.iterdir()) == []  # no staging folder, and no half-written output


def test_no_views_removes_the_views_of_an_earlier_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "views").mkdir(parents=True)
    (out / "views" / "drug-clonazepam.html").write_text("a page of another graph")
    (out / "analysis").mkdir()
    good = tmp_path / "good.txt"
    good.write_text(DIAZEPAM)
    result = run("build", str(good), "-o", str(out), "--no-views", "--no-store")
    assert result.returncode == 0, result.stderr
    assert not (out / "views").exists()
    removed = [line for line in result.stdout.splitlines() if line.startswith("Removed")]
    assert len(removed) == 1 and "drugkg render" in removed[0]
    stale = [line for line in result.stdout.splitlines() if line.startswith("Note")]
    assert len(stale) == 1 and "earlier build" in stale[0] and "drugkg analyze" in stale[0]


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
    assert (
        result.stderr.splitlines()[-1]
        == "drugkg: error: no document could be read; nothing was built"
    )
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


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["query", "--format", "xml"],
            "drugkg query: invalid value for '--format': 'xml' (choose from table, csv, tsv, json)",
        ),
        (["build", "--strct"], "drugkg build: no such option '--strct'. Did you mean '--strict'?"),
        (["conflicts", "--format"], "drugkg conflicts: option '--format' requires an argument"),
        (["--bogus"], "drugkg: no such option '--bogus'. Did you mean '--verbose'?"),
    ],
    ids=["bad-choice", "misspelt-option", "missing-value", "group-option"],
)
def test_a_usage_error_is_one_line_with_exit_code_2(args: list[str], line: str) -> None:
    result = run(*args)  # click names the program "python -m graph_builder" here
    assert result.returncode == 2
    assert result.stderr == line.replace("drugkg", "python -m graph_builder", 1) + "\n"


def test_a_usage_error_through_click_names_the_command() -> None:
    result = CliRunner().invoke(main, ["query", "--format", "xml"])
    assert result.exit_code == 2
    assert result.output == (
        "drugkg query: invalid value for '--format': 'xml' (choose from table, csv, tsv, json)\n"
    )


def test_validate_help_says_what_it_checks() -> None:
    text = " ".join(CliRunner().invoke(main, ["validate", "--help"]).output.split())
    assert "SHACL" in text and "ontology/shapes.ttl" in text and "ontology/drugkg.ttl" in text
    assert "graph contract" not in text


def test_serve_takes_the_graph_as_g_like_every_command(
    two_builds: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph_builder import endpoint

    served: list[Path] = []
    monkeypatch.setattr(endpoint, "serve_graph", lambda folder, **_: served.append(folder))
    out = two_builds[0]
    runner = CliRunner()
    assert runner.invoke(main, ["serve", "-g", str(out)]).exit_code == 0
    assert runner.invoke(main, ["serve", "--graph", str(out)]).exit_code == 0
    assert runner.invoke(main, ["serve", str(out)]).exit_code == 0
    assert runner.invoke(main, ["serve", str(out), "-g", str(out)]).exit_code == 0
    assert served == [out] * 4
    both = runner.invoke(main, ["serve", str(out), "-g", str(two_builds[1])])
    assert both.exit_code == 2 and "name different folders" in both.output
    assert both.output.count("\n") == 1


def test_a_busy_port_is_named_with_its_host() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "-g", "nowhere", "--port", str(port))
    assert result.returncode == 1
    assert result.stderr == (
        f"drugkg: error: 127.0.0.1:{port} is already in use; choose another --port\n"
    )
