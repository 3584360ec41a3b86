"""Turn a View into one self-contained HTML page: pyvis network model, own Jinja template.

pyvis's own template is not used: it loads CDNs and inserts text unescaped (pitfalls.md).
The page inlines pyvis's bundled vis-network, the project's script and styles, and the
view's data as JSON (``tojson``); a Content-Security-Policy lets only those scripts run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter, defaultdict, deque
from dataclasses import asdict
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from graph_builder.render.model import View, ViewEdge, ViewNode

# Node look by entity class: (colour, vis shape). Shapes draw their label below the mark.
KIND_STYLES = {
    "Drug": ("#1f77b4", "dot"),
    "DrugClass": ("#6baed6", "diamond"),
    "Condition": ("#2ca02c", "square"),
    "AdverseEffect": ("#d62728", "triangle"),
    "MolecularTarget": ("#9467bd", "hexagon"),
    "Neurotransmitter": ("#e377c2", "star"),
    "PhysiologicalProcess": ("#8c564b", "triangleDown"),
    "PharmacologicalEffect": ("#ff7f0e", "star"),
    "Population": ("#bcbd22", "square"),
    "AnatomicalEntity": ("#17becf", "diamond"),
    "ClinicalOutcome": ("#7f7f7f", "triangle"),
}
DEFAULT_STYLE = ("#999999", "dot")
EDGE_COLOUR = "#848484"
EDGE_LABELS = 80  # beyond this many edges, labels clutter: the relation shows on hover
LARGE = 300  # views with more nodes get a seeded layout, straight edges and capped physics
VIS_BUNDLE = "lib/vis-9.1.2"  # inside the pyvis package (vis-network 9.1.2, Apache-2.0/MIT)


def kind_name(kind: str) -> str:
    """Turn a class name into words: ``DrugClass`` -> ``Drug class``."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", kind).lower()
    return words[:1].upper() + words[1:]


def vis_options(large: bool) -> dict[str, Any]:
    """Return the vis-network options: full physics for small views, capped for large."""
    if large:
        return {
            "layout": {"improvedLayout": False, "randomSeed": 7},
            "edges": {"smooth": False, "width": 1},
            "physics": {
                "enabled": True,
                "solver": "barnesHut",
                "barnesHut": {"gravitationalConstant": -3000, "springLength": 120},
                "stabilization": {"enabled": True, "iterations": 40, "updateInterval": 40},
            },
            "interaction": {"hover": True, "hideEdgesOnDrag": True, "tooltipDelay": 200},
        }
    return {
        "layout": {"improvedLayout": True, "randomSeed": 7},
        "edges": {
            "smooth": {"enabled": True, "type": "continuous"},
            "font": {"size": 10, "align": "middle", "color": "#444"},
        },
        "nodes": {"font": {"size": 14}, "size": 14},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 110},
            "stabilization": {"enabled": True, "iterations": 600},
        },
        "interaction": {"hover": True, "tooltipDelay": 200},
    }


def seed_layout(
    nodes: tuple[ViewNode, ...], edges: tuple[ViewEdge, ...]
) -> dict[str, tuple[float, float]]:
    """Place each component's nodes on rings by distance from its best-connected node.

    A cheap start for large views, so vis-network needs few physics iterations.
    """
    neighbours: defaultdict[str, list[str]] = defaultdict(list)
    for edge in edges:
        neighbours[edge.source].append(edge.target)
        neighbours[edge.target].append(edge.source)
    degree = Counter({n.id: len(neighbours[n.id]) for n in nodes})
    placed: dict[str, tuple[float, float]] = {}
    columns = max(1, math.ceil(math.sqrt(len(nodes) / 50)))
    component = 0
    for root, _ in sorted(degree.items(), key=lambda item: (-item[1], item[0])):
        if root in placed:
            continue
        rings = _rings(root, neighbours, placed)
        centre = ((component % columns) * 2500.0, (component // columns) * 2500.0)
        component += 1
        for depth, ring in enumerate(rings):
            for n, node in enumerate(ring):
                angle = 2 * math.pi * n / len(ring)
                radius = 160.0 * depth
                placed[node] = (
                    centre[0] + radius * math.cos(angle),
                    centre[1] + radius * math.sin(angle),
                )
    return placed


def _rings(root: str, neighbours: dict[str, list[str]], placed: dict[str, Any]) -> list[list[str]]:
    seen = {root}
    rings = [[root]]
    queue = deque([(root, 0)])
    while queue:
        node, depth = queue.popleft()
        for other in neighbours.get(node, ()):
            if other not in seen and other not in placed:
                seen.add(other)
                if len(rings) <= depth + 1:
                    rings.append([])
                rings[depth + 1].append(other)
                queue.append((other, depth + 1))
    return rings


def to_network_data(view: View) -> dict[str, Any]:
    """Build the view's pyvis network and return the data the page script reads."""
    from pyvis.network import Network

    large = len(view.nodes) > LARGE
    positions = seed_layout(view.nodes, view.edges) if large else {}
    network = Network(directed=True)
    network.options = vis_options(large)
    for node in view.nodes:
        colour, shape = KIND_STYLES.get(node.kind, DEFAULT_STYLE)
        x, y = positions.get(node.id, (None, None))
        extra = {"x": x, "y": y} if large else {}
        network.add_node(
            node.id,
            label=node.label,
            shape=shape,
            color=colour,
            kind=node.kind,
            kindName=kind_name(node.kind),
            synonyms=list(node.synonyms),
            links=list(node.links),
            **extra,
        )
    for number, edge in enumerate(view.edges):
        network.add_edge(
            edge.source,
            edge.target,
            id=f"e{number}",
            relation=edge.relation,
            inferred=edge.inferred,
            arrows="" if edge.symmetric else "to",
            color=edge.color or EDGE_COLOUR,
            category=edge.category,
            evidence=[asdict(e) for e in edge.evidence],
        )
    nodes, edges, _, _, _, options = network.get_network_data()
    kinds = Counter(n.kind for n in view.nodes)
    relations = Counter(e.relation for e in view.edges)
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "large": large,
        "edgeLabels": not large and len(view.edges) <= EDGE_LABELS,
        "kinds": [
            {
                "kind": k,
                "name": kind_name(k),
                "count": c,
                "color": KIND_STYLES.get(k, DEFAULT_STYLE)[0],
                "shape": KIND_STYLES.get(k, DEFAULT_STYLE)[1],
            }
            for k, c in sorted(kinds.items())
        ],
        "relations": [{"relation": r, "count": c} for r, c in sorted(relations.items())],
        "categories": [list(c) for c in view.categories],
    }


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("graph_builder", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        keep_trailing_newline=True,
    )


@cache
def asset(name: str) -> str:
    """Return a static asset: ``vis-network.min.js`` from pyvis, or the project's own files."""
    if name.startswith("vis-network"):
        return resources.files("pyvis").joinpath(VIS_BUNDLE, name).read_text(encoding="utf-8")
    return resources.files("graph_builder").joinpath("static", name).read_text(encoding="utf-8")


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    """Allow exactly the two inline scripts, inline styles and data: images; nothing else."""
    scripts = " ".join(_script_hash(asset(n)) for n in ("vis-network.min.js", "view.js"))
    return (
        f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; "
        "img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
    )


def render_view(view: View) -> str:
    """Render a view as a self-contained HTML page."""
    template = _environment().get_template("view.html.j2")
    return template.render(
        view=view,
        data=to_network_data(view),
        csp=content_security_policy(),
        vis_js=asset("vis-network.min.js"),
        vis_css=asset("vis-network.css"),
        view_js=asset("view.js"),
        view_css=asset("view.css"),
    )


def render_index(views: list[View]) -> str:
    """Render the index page listing every view with its counts."""
    template = _environment().get_template("index.html.j2")
    return template.render(views=views, view_css=asset("view.css"))
