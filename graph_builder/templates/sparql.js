// The query page: lists the named queries, runs a query against /sparql, shows a table.
// Every piece of text from the graph or the queries is inserted as a text node, never as HTML.
"use strict";

const PREFIXES = {
  "https://w3id.org/drugkg/id/": "dkgid:",
  "https://w3id.org/drugkg/vocab#": "dkg:",
  "https://w3id.org/biolink/vocab/": "biolink:",
  "https://schema.org/": "schema:",
  "http://www.w3.org/ns/prov#": "prov:",
  "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
  "http://www.w3.org/2004/02/skos/core#": "skos:",
};

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function shorten(iri) {
  for (const [namespace, prefix] of Object.entries(PREFIXES)) {
    if (iri.startsWith(namespace)) return prefix + iri.slice(namespace.length);
  }
  return "<" + iri + ">";
}

function showStatus(text, isError) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.className = isError ? "error" : "";
}

function showTable(data) {
  const results = document.getElementById("results");
  results.replaceChildren();
  if ("boolean" in data) {
    results.appendChild(element("p", "Answer: " + String(data.boolean)));
    return 1;
  }
  const table = element("table");
  const head = element("tr");
  for (const name of data.head.vars) head.appendChild(element("th", "?" + name));
  table.appendChild(element("thead")).appendChild(head);
  const body = table.appendChild(element("tbody"));
  for (const binding of data.results.bindings) {
    const row = element("tr");
    for (const name of data.head.vars) {
      const term = binding[name];
      let text = "";
      if (term) text = term.type === "uri" ? shorten(term.value) : term.value;
      const cell = element("td", text);
      if (term && term.type === "uri") cell.title = term.value;
      row.appendChild(cell);
    }
    body.appendChild(row);
  }
  results.appendChild(table);
  return data.results.bindings.length;
}

function showText(text) {
  const results = document.getElementById("results");
  results.replaceChildren(element("pre", text));
}

async function runQuery(event) {
  if (event) event.preventDefault();
  const query = document.getElementById("query").value;
  showStatus("Running…", false);
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: query,
    });
    const type = response.headers.get("Content-Type") || "";
    const text = await response.text();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      showText(text);
      showStatus("Error " + response.status + " after " + seconds + " s", true);
    } else if (type.startsWith("application/sparql-results+json")) {
      const count = showTable(JSON.parse(text));
      const capped = response.headers.get("X-Drugkg-Truncated") ? " (row cap reached)" : "";
      showStatus(count + " result(s) in " + seconds + " s" + capped, false);
    } else {
      showText(text);
      showStatus("Graph result in " + seconds + " s", false);
    }
  } catch (error) {
    showStatus("The endpoint did not answer: " + String(error), true);
  }
}

async function listQueries() {
  const list = document.getElementById("query-list");
  try {
    const response = await fetch("/queries", { headers: { "Accept": "application/json" } });
    for (const named of await response.json()) {
      const button = element("button");
      button.type = "button";
      button.appendChild(element("span", named.name, "name"));
      button.appendChild(document.createTextNode(named.question));
      button.addEventListener("click", () => {
        document.getElementById("query").value = named.query;
        runQuery();
      });
      const item = element("li");
      item.appendChild(button);
      list.appendChild(item);
    }
  } catch (error) {
    list.appendChild(element("li", "Could not load the named queries: " + String(error)));
  }
}

document.getElementById("query-form").addEventListener("submit", runQuery);
listQueries();
