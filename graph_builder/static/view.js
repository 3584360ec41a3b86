/* drugkg view: draws the view data with vis-network; every document string is set as text. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("view-data").textContent);
  var DIM = "rgba(200,200,200,0.35)";

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function fold(text) {
    return String(text).normalize("NFC").toLocaleLowerCase();
  }
  function safeLink(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  var nodeById = {};
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  var hiddenKinds = {};
  var hiddenRelations = {};
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, label: n.label, shape: n.shape, color: n.color, x: n.x, y: n.y };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return {
      id: e.id, from: e.from, to: e.to, label: data.edgeLabels ? e.relation : undefined,
      dashes: e.inferred ? [6, 6] : false, arrows: e.arrows, color: { color: e.color },
      width: e.inferred ? 1 : 1.5
    };
  }));
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return !hiddenKinds[nodeById[n.id].kind]; }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return !hiddenRelations[edgeById[e.id].relation]; }
  });

  var container = document.getElementById("graph");
  var network = new vis.Network(container, {}, data.options);
  window.network = network;
  window.drugkgView = { stabilizedAt: null, nodes: nodes, edges: edges };
  var frozen = false;
  function markStable() {
    if (window.drugkgView.stabilizedAt === null) {
      window.drugkgView.stabilizedAt = performance.now();
      document.body.setAttribute("data-stabilized", "true");
    }
    if (data.large && !frozen) {
      frozen = true;
      network.setOptions({ physics: { enabled: false } });
    }
  }
  network.on("stabilizationIterationsDone", markStable);
  network.on("stabilized", markStable);
  network.setData({ nodes: nodeView, edges: edgeView });
  if (data.nodes.length === 0 || data.options.physics.enabled === false) markStable();

  /* ---------------------------------------------------------------- details panel */
  var details = document.getElementById("details");
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function sentence(evidence) {
    var quote = el("blockquote");
    var text = evidence.sentence;
    var at = 0;
    evidence.marks.forEach(function (mark) {
      quote.appendChild(document.createTextNode(text.slice(at, mark[0])));
      quote.appendChild(el("mark", text.slice(mark[0], mark[1])));
      at = mark[1];
    });
    quote.appendChild(document.createTextNode(text.slice(at)));
    return quote;
  }
  function evidenceItem(evidence) {
    var item = el("li");
    if (evidence.inferred_by) {
      item.appendChild(el("p", "Inferred by rule: " + evidence.inferred_by, "inferred"));
      return item;
    }
    item.appendChild(sentence(evidence));
    var where = [evidence.source, evidence.title, evidence.section].filter(Boolean).join(" · ");
    if (where) item.appendChild(el("p", "Source: " + where, "source"));
    if (evidence.qualifier) item.appendChild(el("p", "Qualified: " + evidence.qualifier, "qualifier"));
    return item;
  }
  function showEdge(id) {
    var edge = edgeById[id];
    if (!edge) return;
    clear(details);
    details.appendChild(el("h2", nodeById[edge.from].label + " — " + edge.relation + " — " +
      nodeById[edge.to].label));
    if (edge.category) details.appendChild(el("p", "Consequence: " + edge.category, "category"));
    if (edge.inferred) details.appendChild(el("p", "Inferred (drawn dashed)", "inferred"));
    var list = el("ul", null, "evidence");
    edge.evidence.forEach(function (ev) { list.appendChild(evidenceItem(ev)); });
    if (!edge.evidence.length) list.appendChild(el("li", "No evidence sentence recorded."));
    details.appendChild(list);
  }
  function showNode(id) {
    var node = nodeById[id];
    if (!node) return;
    clear(details);
    details.appendChild(el("h2", node.label));
    details.appendChild(el("p", node.kindName, "kind"));
    if (node.synonyms.length) details.appendChild(el("p", "Also: " + node.synonyms.join("; ")));
    var links = el("ul", null, "links");
    node.links.forEach(function (url) {
      var safe = safeLink(url);
      if (!safe) return;
      var item = el("li");
      var anchor = el("a", safe);
      anchor.href = safe;
      anchor.rel = "noopener noreferrer";
      item.appendChild(anchor);
      links.appendChild(item);
    });
    if (links.firstChild) details.appendChild(links);
    var around = network.getConnectedEdges(id);
    details.appendChild(el("p", around.length + " relation(s); click one for its evidence."));
  }
  network.on("hoverNode", function (p) { showNode(p.node); });
  network.on("hoverEdge", function (p) { showEdge(p.edge); });

  /* ---------------------------------------------------------------- neighbourhood */
  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    nodes.update(data.nodes.map(function (n) {
      return { id: n.id, color: keep[n.id] ? n.color : DIM };
    }));
  }
  function unhighlight() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, color: n.color }; }));
  }
  network.on("click", function (p) {
    if (p.nodes.length) {
      highlight(p.nodes[0]);
      showNode(p.nodes[0]);
    } else if (p.edges.length) {
      showEdge(p.edges[0]);
    } else {
      unhighlight();
    }
  });

  /* ---------------------------------------------------------------- search */
  var search = document.getElementById("search");
  var choices = document.getElementById("search-names");
  var names = {};
  data.nodes.forEach(function (n) {
    [n.label].concat(n.synonyms).forEach(function (name) {
      if (!names[fold(name)]) names[fold(name)] = n.id;
    });
    var option = el("option");
    option.value = n.label;
    choices.appendChild(option);
  });
  function find() {
    var id = names[fold(search.value.trim())];
    var status = document.getElementById("search-status");
    if (id === undefined) {
      var part = fold(search.value.trim());
      var hit = part && data.nodes.find(function (n) { return fold(n.label).indexOf(part) >= 0; });
      id = hit ? hit.id : undefined;
    }
    if (id === undefined) {
      status.textContent = search.value.trim() ? "No match" : "";
      return;
    }
    status.textContent = "";
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    highlight(id);
    showNode(id);
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") find(); });

  /* ---------------------------------------------------------------- filters and legend */
  function checkboxes(containerId, values, hidden, refresh) {
    var box = document.getElementById(containerId);
    values.forEach(function (value) {
      var label = el("label");
      var input = el("input");
      input.type = "checkbox";
      input.checked = true;
      input.addEventListener("change", function () {
        hidden[value.key] = !input.checked;
        refresh();
      });
      label.appendChild(input);
      if (value.swatch) label.appendChild(value.swatch);
      label.appendChild(document.createTextNode(" " + value.name));
      box.appendChild(label);
    });
  }
  function swatch(color, shape) {
    var mark = el("span", null, "swatch shape-" + shape);
    mark.style.backgroundColor = color;
    return mark;
  }
  checkboxes("filter-kinds", data.kinds.map(function (k) {
    return { key: k.kind, name: k.name + " (" + k.count + ")", swatch: swatch(k.color, k.shape) };
  }), hiddenKinds, function () { nodeView.refresh(); });
  checkboxes("filter-relations", data.relations.map(function (r) {
    return { key: r.relation, name: r.relation + " (" + r.count + ")" };
  }), hiddenRelations, function () { edgeView.refresh(); });
  var legend = document.getElementById("legend-edges");
  [["extracted (has a sentence)", "solid"], ["inferred (by a rule)", "dashed"]].forEach(function (p) {
    var item = el("li");
    item.appendChild(el("span", null, "line " + p[1]));
    item.appendChild(document.createTextNode(" " + p[0]));
    legend.appendChild(item);
  });
  data.categories.forEach(function (c) {
    var item = el("li");
    var line = el("span", null, "line solid");
    line.style.borderColor = c[1];
    item.appendChild(line);
    item.appendChild(document.createTextNode(" " + c[0]));
    legend.appendChild(item);
  });
})();
