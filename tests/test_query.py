"""The named teaching queries, the safety check, and the query command."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from graph_builder.cli import main
from graph_builder.model import QueryError
from graph_builder.query import (
    Job,
    QueryRunner,
    check_query,
    get_named_queries,
    name_query,
    resolve_names,
    run_job,
)
from graph_builder.results import to_csv, to_json, to_tsv, to_xml
from graph_builder.store import get_store_path, open_store, write_store

FIXTURES = Path(__file__).parent / "fixtures" / "query"
EXPECTED = FIXTURES / "expected"
NAMED = get_named_queries()
SEPARATORS = (" | ", ", ")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("graph")
    shutil.copy(FIXTURES / "graph.ttl", folder / "graph.ttl")
    write_store(folder / "graph.ttl")
    return folder


@pytest.fixture(scope="module")
def store(store_dir: Path) -> object:
    return open_store(store_dir)


def _rows(text: str) -> list[tuple[str, ...]]:
    """Read CSV rows; cells that are GROUP_CONCAT lists compare as sorted lists."""

    def normal(cell: str) -> str:
        for separator in SEPARATORS:
            if separator in cell:
                return separator.join(sorted(cell.split(separator)))
        return cell

    return [tuple(normal(c) for c in row) for row in csv.reader(io.StringIO(text))]


def test_there_are_at_least_fifteen_teaching_queries_each_with_a_question() -> None:
    assert len(NAMED) >= 15
    for named in NAMED.values():
        assert named.question.endswith("?") or "?" in named.question, named.name


@pytest.mark.parametrize("name", sorted(NAMED), ids=sorted(NAMED))
def test_named_query_answers_the_expected_rows_on_oxigraph(name: str, store: object) -> None:
    result = run_job(store, Job(NAMED[name].text))
    if result.form == "graph":
        expected = Graph().parse(EXPECTED / f"{name}.ttl", format="turtle")
        got = Graph().parse(data=result.graph.decode(), format="turtle")
        _, missing, extra = graph_diff(expected, got)
        assert isomorphic(expected, got), f"missing {list(missing)}, extra {list(extra)}"
        return
    expected_rows = _rows((EXPECTED / f"{name}.csv").read_text(encoding="utf-8"))
    got_rows = _rows(to_csv(result))
    assert got_rows[0] == expected_rows[0]  # the header: variable names in order
    assert sorted(got_rows[1:]) == sorted(expected_rows[1:])


def test_every_named_query_has_expected_rows() -> None:
    expected = {path.stem for path in EXPECTED.iterdir()}
    assert expected == set(NAMED)


def test_shared_side_effect_pairs_each_pair_once(store: object) -> None:
    result = run_job(store, Job(NAMED["shared-side-effects"].text))
    pairs = [(r[0].value, r[1].value, r[2].value) for r in result.rows if all(r)]
    assert pairs == [("clonazepam", "lorazepam", "drowsiness")]


def test_inferred_interaction_is_told_apart_from_a_stated_one(store: object) -> None:
    result = run_job(store, Job(NAMED["inferred-vs-stated-interactions"].text))
    status = {row[1].value: row[2].value for row in result.rows if row[1] and row[2]}
    assert status == {"ethanol": "stated", "opioid": "inferred"}


def test_source_conflict_shows_both_sentences(store: object) -> None:
    result = run_job(store, Job(NAMED["source-conflicts"].text))
    sentences = {row[3].value for row in result.rows if row[3]}
    assert sentences == {
        "The dose can be increased to a maximum of 4 mg per day.",
        "The dose may be increased up to 20 mg per day.",
    }


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "select * { service <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "LOAD <file:///etc/passwd>",
        "INSERT DATA { dkgid:a dkgid:b dkgid:c }",
        "DELETE WHERE { ?s ?p ?o }",
        "CLEAR ALL",
        "DROP DEFAULT",
        "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }",
        "SELECT * FROM <http://example.org/remote.ttl> { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://example.org/remote.ttl> { GRAPH ?g { ?s ?p ?o } }",
        "BASE <file:///etc/> SELECT * FROM <passwd> { ?s ?p ?o }",
        "PREFIX f: <file:///etc/> SELECT * FROM f:passwd { ?s ?p ?o }",
    ],
    ids=[
        "service",
        "service-lowercase",
        "service-unicode-escape",
        "load",
        "insert",
        "delete",
        "clear",
        "drop",
        "from-file",
        "from-http",
        "from-named",
        "from-relative-base",
        "from-prefixed-name",
    ],
)
def test_query_that_calls_out_or_writes_is_refused_before_running(query: str) -> None:
    with pytest.raises(QueryError, match="refused"):
        check_query(query)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { # x\rSERVICE <http://127.0.0.1:9/b> { ?s ?p ?o } }",
        "SELECT * WHERE { # x\r\nSERVICE <http://127.0.0.1:9/b> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p 'a\r' SERVICE <http://127.0.0.1:9/b> { ?s ?p ?o } }",
        'SELECT * { ?s rdfs:label "x" } # SERVICE <http://127.0.0.1:9/b>',
    ],
    ids=["carriage-return-ends-a-comment", "crlf", "carriage-return-in-a-string", "in-a-comment"],
)
def test_call_outs_hidden_from_a_tokenizer_are_refused(query: str) -> None:
    r"""A comment ends at \r as well as \n; a keyword with a target anywhere is refused."""
    with pytest.raises(QueryError, match="refused"):
        check_query(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?s { ?s rdfs:label "SERVICE, LOAD; INSERT FROM <file:///x>" }',
        "SELECT ?service ?load { ?service dkg:insert ?load } # a comment about services",
        "SELECT * FROM <https://w3id.org/drugkg/id/inferred> { ?s ?p ?o }",
    ],
    ids=["keywords-in-a-string", "keywords-as-names-and-comment", "from-a-graph-in-the-store"],
)
def test_keywords_that_are_not_keywords_pass(query: str) -> None:
    check_query(query, frozenset({"https://w3id.org/drugkg/id/inferred"}))


def test_runner_times_out_a_slow_query_and_answers_the_next(store_dir: Path) -> None:
    slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with QueryRunner(store_dir, timeout=1.0) as runner:
        started = time.perf_counter()
        with pytest.raises(QueryError, match="timed out"):
            runner.run(slow)
        assert time.perf_counter() - started < 5
        result = runner.run(NAMED["interacts-with-alcohol"].text)
    assert result.boolean is True


def test_runner_caps_rows(store_dir: Path) -> None:
    with QueryRunner(store_dir, row_cap=3) as runner:
        result = runner.run("SELECT * { ?s ?p ?o }")
    assert len(result.rows) == 3 and result.truncated


def test_results_in_every_format_name_the_same_drug(store: object) -> None:
    result = run_job(store, Job("SELECT ?drug { dkgid:clonazepam rdfs:label ?drug }"))
    assert json.loads(to_json(result))["results"]["bindings"] == [
        {"drug": {"type": "literal", "value": "clonazepam"}}
    ]
    assert to_csv(result) == "drug\r\nclonazepam\r\n"
    assert to_tsv(result) == '?drug\n"clonazepam"\n'
    assert "<literal>clonazepam</literal>" in to_xml(result)


def test_store_is_written_beside_graph_ttl(store_dir: Path) -> None:
    assert get_store_path(store_dir) == store_dir / "store"
    assert (store_dir / "store").is_dir()
    assert not [p for p in store_dir.iterdir() if p.name.startswith(".")]  # no temporary left


def test_cli_runs_a_named_query_as_csv(store_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["query", "-g", str(store_dir), "--name", "shared-side-effects", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert "clonazepam,lorazepam,drowsiness" in result.output


def test_cli_lists_named_queries_with_their_questions() -> None:
    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    assert "cns-depressant-interactions" in result.output
    assert NAMED["cns-depressant-interactions"].question in result.output


def test_cli_construct_prints_turtle(store_dir: Path) -> None:
    result = CliRunner().invoke(main, ["query", "-g", str(store_dir), "-n", "drug-neighbourhood"])
    assert result.exit_code == 0
    graph = Graph().parse(data=result.output, format="turtle")
    assert len(graph) == 18  # 9 direct relations of clonazepam and 9 neighbour labels


def test_cli_malformed_query_is_one_line_with_position(store_dir: Path) -> None:
    process = subprocess.run(
        [
            str(Path(".venv/bin/drugkg").resolve())
            if Path(".venv/bin/drugkg").exists()
            else "drugkg",
            "query",
            "-g",
            str(store_dir),
            "SELECT ?x WHERE { ?x ?y }",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode != 0
    assert process.stderr.count("\n") == 1, process.stderr
    assert "at line 1, column " in process.stderr
    assert "Traceback" not in process.stderr


def test_cli_refuses_service_with_exit_code_1(store_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["query", "-g", str(store_dir), "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"]
    )
    assert result.exit_code == 1
    assert "refused" in result.output


def test_graph_without_store_is_read_from_turtle(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "graph.ttl", tmp_path / "graph.ttl")
    result = CliRunner().invoke(
        main, ["query", "-g", str(tmp_path), "-n", "interacts-with-alcohol"]
    )
    assert result.exit_code == 0
    assert result.output.strip() == "true"


def test_an_in_memory_runner_gives_the_same_answers(store_dir: Path) -> None:
    text = NAMED["interacts-with-alcohol"].text
    with QueryRunner(store_dir) as on_disk, QueryRunner(store_dir, in_memory=True) as in_memory:
        assert in_memory.run(text) == on_disk.run(text)
        drugs = "SELECT ?d { ?d a dkg:Drug } ORDER BY ?d"
        assert in_memory.run(drugs) == on_disk.run(drugs)


def test_an_unknown_prefix_is_one_short_line(store_dir: Path) -> None:
    with QueryRunner(store_dir) as runner, pytest.raises(QueryError) as error:
        runner.run("SELECT ?s WHERE { ?s nope:x ?o }")
    message = str(error.value)
    assert message.startswith("malformed query at line 1, column ") and "unknown prefix" in message
    assert "nope:x" in message
    assert len(message) < 200 and "\n" not in message


def test_the_endpoint_holds_a_small_graph_in_memory_and_a_large_one_on_disk(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph_builder import store as store_module

    assert store_module.fits_in_memory(store_dir)
    monkeypatch.setattr(store_module, "IN_MEMORY_LIMIT", 100)  # bytes: the fixture is larger
    assert not store_module.fits_in_memory(store_dir)


def test_a_store_without_its_turtle_is_still_copied_into_memory(
    store_dir: Path, tmp_path: Path
) -> None:
    shutil.copytree(store_dir, tmp_path / "graph")
    (tmp_path / "graph" / "graph.ttl").unlink()
    text = NAMED["drug-identifiers"].text
    memory = open_store(tmp_path / "graph", in_memory=True)
    assert run_job(memory, Job(text)) == run_job(open_store(store_dir), Job(text))


def test_a_negated_statement_is_no_evidence_for_a_pregnancy_claim() -> None:
    import pyoxigraph

    turtle = """
    @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix prov: <http://www.w3.org/ns/prov#> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    @prefix biolink: <https://w3id.org/biolink/vocab/> .
    @prefix dkgid: <https://w3id.org/drugkg/id/> .
    dkgid:warfarin rdfs:label "warfarin" ; biolink:contraindicated_in dkgid:pregnancy .
    dkgid:pregnancy rdfs:label "pregnancy" .
    dkgid:doc-a dcterms:source "a.txt" .
    dkgid:doc-b dcterms:source "b.txt" .
    dkgid:s-says a rdf:Statement ; rdf:subject dkgid:warfarin ;
        rdf:predicate biolink:contraindicated_in ; rdf:object dkgid:pregnancy ;
        prov:wasDerivedFrom dkgid:doc-a ;
        biolink:supporting_text "Warfarin must not be used in pregnancy." .
    dkgid:s-denies a rdf:Statement ; rdf:subject dkgid:warfarin ;
        rdf:predicate biolink:contraindicated_in ; rdf:object dkgid:pregnancy ;
        biolink:negated true ; prov:wasDerivedFrom dkgid:doc-b ;
        biolink:supporting_text "Warfarin is not contraindicated in pregnancy." .
    """
    store = pyoxigraph.Store()
    store.load(turtle.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    result = run_job(store, Job(NAMED["pregnancy-breastfeeding"].text))
    assert [(row[4].value, row[5].value) for row in result.rows if row[4] and row[5]] == [
        ("a.txt", "Warfarin must not be used in pregnancy.")
    ]


def test_an_unreadable_turtle_beside_a_current_store_still_serves_from_memory(
    store_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "graph"
    shutil.copytree(store_dir, folder)
    graph = folder / "graph.ttl"
    stamp = graph.stat().st_mtime
    graph.write_text("this is @not turtle", encoding="utf-8")
    import os

    os.utime(graph, (stamp, stamp))  # the store still counts as current
    text = NAMED["drug-identifiers"].text
    memory = open_store(folder, in_memory=True)
    assert run_job(memory, Job(text)) == run_job(open_store(store_dir), Job(text))


def test_a_malformed_query_file_is_named_with_line_column_and_excerpt(
    store_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?drug\nWHERE {\n  ?drug rdfs:label ?name FILTER(?name = ) .\n}\n")
    result = CliRunner().invoke(main, ["query", "-g", str(store_dir), "-f", str(bad)])
    message = result.output.strip()
    assert result.exit_code == 1 and message.count("\n") == 0, message
    assert message.startswith(f"drugkg: error: {bad}: malformed query at line ")
    assert "column" in message and "FILTER(?name" in message
    for parser_noise in ("expected one of", "'A' ..= 'Z'", "[_]", "error at"):
        assert parser_noise not in message


def test_a_misspelt_keyword_is_shown_where_the_parser_stops(store_dir: Path) -> None:
    with QueryRunner(store_dir) as runner, pytest.raises(QueryError) as error:
        runner.run("SELECT ?d WHERE { ?d a dkg:Drug }\nLIMIT 5 OFSET 2")
    assert str(error.value) == (
        'malformed query at line 2, column 15: syntax error at ▸ in "…dkg:Drug } LIMIT 5 OFSET ▸2"'
    )


@pytest.mark.parametrize(
    "text", ["", "   \n", "# only a comment\n"], ids=["empty", "blank", "comment"]
)
def test_an_empty_query_is_called_empty(store_dir: Path, text: str) -> None:
    result = CliRunner().invoke(main, ["query", "-g", str(store_dir), text])
    assert result.exit_code == 1
    assert result.output.startswith("drugkg: error: empty query")
    assert result.output.count("\n") == 1


def test_a_binary_query_file_is_not_utf8_text(store_dir: Path, tmp_path: Path) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00SELECT")
    result = CliRunner().invoke(main, ["query", "-g", str(store_dir), "-f", str(binary)])
    assert result.exit_code == 1
    assert result.output == f"drugkg: error: {binary}: not UTF-8 text\n"


def test_a_named_querys_parameter_asks_about_another_drug(store_dir: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "query",
            "-g",
            str(store_dir),
            "-n",
            "shared-side-effects",
            "--set",
            "drug=lorazepam",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "lorazepam,clonazepam,drowsiness" in result.output
    assert "clonazepam,lorazepam" not in result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-n", "shared-side-effects", "--set", "dose=1"], "has no parameter 'dose'"),
        (["-n", "shared-side-effects", "--set", "drug"], "write NAME=VALUE"),
        (["--set", "drug=lithium", "ASK {}"], "use it with --name"),
        (["-n", "edge-evidence", "--set", "relation=treats }"], "is no Biolink predicate"),
    ],
)
def test_a_bad_parameter_is_one_line_naming_it(
    store_dir: Path, arguments: list[str], message: str
) -> None:
    result = CliRunner().invoke(main, ["query", "-g", str(store_dir), *arguments])
    assert result.exit_code != 0
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_a_parameter_value_cannot_add_query_text() -> None:
    text = NAMED["shared-side-effects"].bind({"drug": "x } ; DELETE WHERE { ?s ?p ?o"})
    assert "DELETE" not in text
    assert "dkgid:x-delete-where-s-p-o" in text


def test_a_brand_name_asks_about_its_drug(store_dir: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["query", "-g", str(store_dir), "-n", "shared-side-effects", "--set", "drug=ATIVAN"],
    )
    assert result.exit_code == 0, result.output
    assert "lorazepam" in result.output and "drowsiness" in result.output


def test_a_synonym_names_the_partner_drug(store_dir: Path) -> None:
    arguments = ["query", "-g", str(store_dir), "-n", "interacts-with-alcohol"]
    as_ethanol = CliRunner().invoke(main, [*arguments, "--set", "partner=ethanol"])
    as_alcohol = CliRunner().invoke(main, [*arguments, "--set", "partner=Alcohol"])
    assert as_alcohol.exit_code == 0, as_alcohol.output
    assert as_alcohol.output == as_ethanol.output == "true\n"


def test_a_name_no_entity_has_is_one_line_naming_it(store_dir: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["query", "-g", str(store_dir), "-n", "shared-side-effects", "--set", "drug=Zentravor"],
    )
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "--set drug: no entity of the graph is named 'Zentravor'" in result.output


def test_a_name_two_entities_share_asks_for_an_iri() -> None:
    named = NAMED["shared-side-effects"]

    def ask(_query: str) -> list[tuple[str, str]]:
        return [("https://w3id.org/drugkg/id/a", "MS"), ("https://w3id.org/drugkg/id/b", "MS")]

    with pytest.raises(QueryError, match="'MS' names several entities"):
        resolve_names(named, {"drug": "MS"}, ask)


def test_an_iri_is_taken_as_given_and_a_name_enters_only_as_a_literal(store: object) -> None:
    named = NAMED["shared-side-effects"]
    iri = "https://w3id.org/drugkg/id/lorazepam"
    assert resolve_names(named, {"drug": iri}, lambda _q: []) == {"drug": iri}
    hostile = name_query('lorazepam" || true) } UNION { ?entity ?p ?label } #')
    answer = run_job(store, Job(hostile))
    assert answer.form == "select" and answer.rows == ()  # one string matched, nothing added
    found = run_job(store, Job(name_query("Ativan")))
    assert [(row[0].value, row[1].value) for row in found.rows if row[0] and row[1]] == [
        (iri, "lorazepam")
    ]
