"""The read-only SPARQL endpoint on loopback: protocol, negotiation, refusals, timeouts."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from graph_builder.endpoint import make_server, negotiate
from graph_builder.query import QueryRunner
from graph_builder.store import write_store

FIXTURES = Path(__file__).parent / "fixtures" / "query"
DRUGS = "SELECT ?drug { ?d a dkg:Drug ; rdfs:label ?drug } ORDER BY ?drug"
SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("served")
    shutil.copy(FIXTURES / "graph.ttl", folder / "graph.ttl")
    write_store(folder / "graph.ttl")
    with QueryRunner(folder, workers=2, timeout=1.5, start_method="forkserver") as runner:
        server = make_server(runner, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()
        server.server_close()


def _call(url: str, data: bytes | None = None, **headers: str) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


def _get(endpoint: str, query: str, accept: str = "") -> tuple[int, str, str]:
    return _call(f"{endpoint}/sparql?{urllib.parse.urlencode({'query': query})}", Accept=accept)


def test_get_answers_sparql_json_by_default(endpoint: str) -> None:
    status, media, body = _get(endpoint, DRUGS)
    assert status == 200 and media.startswith("application/sparql-results+json")
    drugs = [b["drug"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert drugs == ["clonazepam", "ethanol", "fluoxetine", "lorazepam"]


@pytest.mark.parametrize(
    ("accept", "media", "first_line"),
    [
        ("text/csv", "text/csv", "drug"),
        ("text/tab-separated-values", "text/tab-separated-values", "?drug"),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            '<?xml version="1.0"?>',
        ),
    ],
    ids=["csv", "tsv", "xml"],
)
def test_results_follow_the_accept_header(
    endpoint: str, accept: str, media: str, first_line: str
) -> None:
    status, got_media, body = _get(endpoint, DRUGS, accept)
    assert status == 200 and got_media.startswith(media)
    assert body.splitlines()[0] == first_line


def test_post_form_and_post_query_body_answer_alike(endpoint: str) -> None:
    form = urllib.parse.urlencode({"query": DRUGS}).encode()
    by_form = _call(
        f"{endpoint}/sparql", form, **{"Content-Type": "application/x-www-form-urlencoded"}
    )
    by_body = _call(
        f"{endpoint}/sparql", DRUGS.encode(), **{"Content-Type": "application/sparql-query"}
    )
    assert by_form[0] == by_body[0] == 200
    assert json.loads(by_form[2]) == json.loads(by_body[2])


@pytest.mark.parametrize(
    ("accept", "media"),
    [("text/turtle", "text/turtle"), ("application/ld+json", "application/ld+json")],
    ids=["turtle", "json-ld"],
)
def test_describe_answers_a_graph(endpoint: str, accept: str, media: str) -> None:
    status, got_media, body = _get(endpoint, "DESCRIBE dkgid:ethanol", accept)
    assert status == 200 and got_media.startswith(media)
    assert "alcohol" in body


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (b"INSERT DATA { dkgid:x rdfs:label 'x' }", "application/sparql-update"),
        (
            urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(),
            "application/x-www-form-urlencoded",
        ),
        (b"DELETE WHERE { ?s ?p ?o }", "application/sparql-query"),
    ],
    ids=["update-body", "update-form", "update-as-query"],
)
def test_updates_are_refused_and_nothing_changes(
    endpoint: str, data: bytes, content_type: str
) -> None:
    status, _, _ = _call(f"{endpoint}/sparql", data, **{"Content-Type": content_type})
    assert 400 <= status < 500
    assert len(json.loads(_get(endpoint, DRUGS)[2])["results"]["bindings"]) == 4


def test_service_is_refused_before_running(endpoint: str) -> None:
    status, _, body = _get(endpoint, "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert status == 400 and "SERVICE" in body


def test_malformed_query_is_a_400_with_position(endpoint: str) -> None:
    status, _, body = _get(endpoint, "SELECT ?x WHERE { ?x ?y }")
    assert status == 400 and "at line 1, column " in body and "expected" not in body


def test_slow_query_times_out_and_others_are_still_answered(endpoint: str) -> None:
    with ThreadPoolExecutor(4) as pool:
        slow = pool.submit(_get, endpoint, SLOW)
        fast = [pool.submit(_get, endpoint, DRUGS) for _ in range(3)]
        assert all(f.result()[0] == 200 for f in fast)
        assert slow.result()[0] == 503
    assert _get(endpoint, DRUGS)[0] == 200


def test_query_page_works_offline(endpoint: str) -> None:
    status, media, page = _call(f"{endpoint}/")
    script = _call(f"{endpoint}/sparql.js")[2]
    assert status == 200 and media.startswith("text/html")
    for text in (page, script):
        assert "http://" not in text.replace("http://www.w3.org", "") and "cdn" not in text.lower()
    assert "innerHTML" not in script
    named = json.loads(_call(f"{endpoint}/queries")[2])
    assert len(named) >= 15 and all(q["question"] for q in named)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("", "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/*", "text/csv"),
        ("image/png", None),
    ],
    ids=["none", "q-values", "wildcard", "unacceptable"],
)
def test_negotiate(accept: str, expected: str | None) -> None:
    offered = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]
    assert negotiate(accept, offered) == expected


def _raw(endpoint: str, request: bytes) -> bytes:
    """Send raw bytes to the endpoint and return the status line."""
    import socket

    host, port = endpoint.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(request)
        return connection.recv(200).split(b"\r\n")[0]


@pytest.mark.parametrize(
    ("length", "status"),
    [(b"-1", b"411"), (b"abc", b"411"), (b"", b"411"), (b"99999999", b"413")],
    ids=["negative", "not-a-number", "missing", "too-large"],
)
def test_a_bad_content_length_is_refused_at_once(
    endpoint: str, length: bytes, status: bytes
) -> None:
    header = b"Content-Length: " + length + b"\r\n" if length else b""
    request = (
        b"POST /sparql HTTP/1.1\r\nHost: " + endpoint.removeprefix("http://").encode() + b"\r\n"
        b"Content-Type: application/sparql-query\r\n" + header + b"Connection: close\r\n\r\n"
    )
    assert status in _raw(endpoint, request)


def test_a_host_naming_another_site_is_refused(endpoint: str) -> None:
    """A page on another site cannot reach the loopback endpoint through DNS rebinding."""
    query = urllib.parse.urlencode({"query": DRUGS}).encode()
    request = (
        b"GET /sparql?" + query + b" HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n"
    )
    assert b"421" in _raw(endpoint, request)


@pytest.mark.parametrize(
    ("query", "logged"),
    [
        ("ASK { dkgid:ethanol ?p ?o }", "ask: true"),
        ("ASK { dkgid:ethanol a dkg:Nonexistent }", "ask: false"),
        (
            "CONSTRUCT { dkgid:ethanol rdfs:label ?l } WHERE { dkgid:ethanol rdfs:label ?l }",
            "1 triple",
        ),
        (DRUGS, "4 rows"),
    ],
    ids=["ask-true", "ask-false", "construct", "select"],
)
def test_the_request_log_says_what_was_answered(
    endpoint: str, capsys: pytest.CaptureFixture[str], query: str, logged: str
) -> None:
    status, _, _ = _get(endpoint, query, "application/sparql-results+json, text/turtle")
    assert status == 200
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert line.endswith(f" 200 {line.split()[4]} {logged}"), line


@pytest.mark.parametrize("accept", ["text/csv", "text/html", "application/sparql-results+json"])
def test_a_graph_asked_for_in_a_table_format_is_406_naming_graph_formats(
    endpoint: str, accept: str
) -> None:
    status, _, body = _get(endpoint, "DESCRIBE dkgid:ethanol", accept)
    assert status == 406
    assert "text/turtle" in body and "application/ld+json" in body and accept in body


@pytest.mark.parametrize(
    "accept", ["text/csv, */*;q=0.1", "text/csv, text/turtle;q=0.5", "*/*", ""]
)
def test_a_graph_is_answered_when_the_accept_allows_one(endpoint: str, accept: str) -> None:
    status, media, _ = _get(endpoint, "DESCRIBE dkgid:ethanol", accept)
    assert status == 200 and media.startswith("text/turtle")


def test_a_table_asked_for_as_html_is_406_naming_table_formats(endpoint: str) -> None:
    status, _, body = _get(endpoint, DRUGS, "text/html")
    assert status == 406 and "text/csv" in body and "application/sparql-results+json" in body
