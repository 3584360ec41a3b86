"""Write query results: SPARQL 1.1 JSON, XML, CSV and TSV, and a text table for terminals."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from graph_builder.query import CONTRACT_PREFIXES, QueryResult, Term

XSD = CONTRACT_PREFIXES["xsd"]
TABLE_CELL_WIDTH = 100  # characters; the other formats always give the full text


def to_json(result: QueryResult) -> str:
    """Write SPARQL 1.1 Query Results JSON."""
    if result.form == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [
        {name: _json_term(term) for name, term in zip(result.variables, row, strict=True) if term}
        for row in result.rows
    ]
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False)


def _json_term(term: Term) -> dict[str, str]:
    value = {"type": "literal" if term.kind == "triple" else term.kind, "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD + "string":
        value["datatype"] = term.datatype
    return value


def to_xml(result: QueryResult) -> str:
    """Write SPARQL Query Results XML."""
    lines = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    lines.append(
        "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables) + "</head>"
    )
    if result.form == "ask":
        lines.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        lines.append("<results>")
        for row in result.rows:
            cells = "".join(
                f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
                for name, term in zip(result.variables, row, strict=True)
                if term
            )
            lines.append(f"<result>{cells}</result>")
        lines.append("</results>")
    lines.append("</sparql>")
    return "\n".join(lines) + "\n"


def _xml_term(term: Term) -> str:
    if term.kind == "uri":
        return f"<uri>{escape(term.value)}</uri>"
    if term.kind == "bnode":
        return f"<bnode>{escape(term.value)}</bnode>"
    attribute = ""
    if term.language:
        attribute = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype and term.datatype != XSD + "string":
        attribute = f" datatype={quoteattr(term.datatype)}"
    return f"<literal{attribute}>{escape(term.value)}</literal>"


def to_csv(result: QueryResult) -> str:
    """Write SPARQL 1.1 CSV results: plain values, a header of variable names."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    if result.form == "ask":
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
        return stream.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(
            ["" if t is None else f"_:{t.value}" if t.kind == "bnode" else t.value for t in row]
        )
    return stream.getvalue()


def to_tsv(result: QueryResult) -> str:
    """Write SPARQL 1.1 TSV results: terms in SPARQL syntax, a header of ``?variables``."""
    if result.form == "ask":
        return f"?boolean\n{'true' if result.boolean else 'false'}\n"
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join("" if t is None else to_sparql_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def to_sparql_term(term: Term) -> str:
    """Write one term in SPARQL/Turtle syntax (``<iri>``, ``"text"@en``, ``"4.0"^^<...>``)."""
    if term.kind == "uri":
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    text = (
        term.value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype and term.datatype != XSD + "string":
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def to_curie(iri: str) -> str:
    """Shorten an IRI with the contract's prefixes (``dkgid:clonazepam``) where one fits."""
    for prefix, namespace in CONTRACT_PREFIXES.items():
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def to_table(result: QueryResult) -> str:
    """Write an aligned text table for a terminal: CURIEs, literal values, long cells cut."""
    if result.form == "ask":
        return "true" if result.boolean else "false"
    header = [f"?{name}" for name in result.variables]
    body = [[_cell(term) for term in row] for row in result.rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
        for line in [header, ["-" * w for w in widths], *body]
    ]
    lines.append(f"({len(body)} row{'' if len(body) == 1 else 's'})")
    return "\n".join(lines)


def _cell(term: Term | None) -> str:
    if term is None:
        return ""
    text = to_curie(term.value) if term.kind == "uri" else term.value
    if term.kind == "bnode":
        text = f"_:{term.value}"
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL_WIDTH else text[: TABLE_CELL_WIDTH - 1] + "…"


WRITERS: dict[str, Callable[[QueryResult], str]] = {
    "table": to_table,
    "csv": to_csv,
    "tsv": to_tsv,
    "json": to_json,
    "xml": to_xml,
}
