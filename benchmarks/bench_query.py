"""Named queries on a generated >= 1M-triple graph: Oxigraph vs rdflib; endpoint throughput.

Run: .venv/bin/python benchmarks/bench_query.py [--drugs 5000] [--rdflib-cap 10]
Prints one table: median latency per named query on the product's two stores (pyoxigraph: the
on-disk store `drugkg query` opens, and the in-memory copy `drugkg serve` holds by default) and
on rdflib's in-memory engine (each rdflib query runs in a forked child killed after the cap),
then requests per second of the endpoint on 127.0.0.1 with concurrent clients, both ways.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import random
import statistics
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ID = "https://w3id.org/drugkg/id/"
V = "https://w3id.org/drugkg/vocab#"
B = "https://w3id.org/biolink/vocab/"
S = "https://schema.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
DEC = XSD + "decimal"
MAXIMA = [4, 8, 20, 40]
SKOS = "http://www.w3.org/2004/02/skos/core#"


def generate(path: Path, drugs: int, seed: int = 7) -> int:  # noqa: C901
    """Write an N-Triples graph shaped like a built, reasoned graph; return its triple count.

    Per drug, as ``drugkg build`` writes a monograph: a topic document, evidence statements
    (16 triples each, as the extractor writes them) for indications, side effects (grouped,
    some hedged), targets, mechanisms, effects, pregnancy and breastfeeding, interactions
    (stated, with an interaction node, consequences and advice; and inferred from drug-class
    interactions), dose schedules (initial per dose, usual, maximum per day, children's) and
    a negated claim now and then; class membership from a curated taxonomy with the reason
    stage's inferred membership and subclass triples (each with its rule statement); and a
    source conflict where a second document states another maximum dose.
    """
    rng = random.Random(seed)
    out = path.open("w", encoding="utf-8")
    count = 0

    # The teaching queries anchored on one drug or edge find it: drug 0 is clonazepam, drug 1
    # ethanol, condition 0 panic disorder.
    aliases = {
        f"{ID}drug0": f"{ID}clonazepam",
        f"{ID}drug1": f"{ID}ethanol",
        f"{ID}cond0": f"{ID}panic-disorder",
    }
    aliases.update({f"<{k}>": f"<{v}>" for k, v in list(aliases.items())})

    def t(s: str, p: str, o: str) -> None:
        nonlocal count
        count += 1
        out.write(f"<{aliases.get(s, s)}> <{p}> {aliases.get(o, o)} .\n")

    def iri(x: str) -> str:
        return f"<{x}>"

    def lit(x: str) -> str:
        return '"' + x.replace('"', "'") + '"'

    def typed(x: object, datatype: str) -> str:
        return f'"{x}"^^<{datatype}>'

    def label(node: str, cls: str, text: str) -> None:
        t(node, RDF + "type", iri(cls))
        t(node, RDFS + "label", lit(text))

    counter = 0
    choice = rng.choice

    def statement(
        s: str, p: str, o: str, text: str | None, doc: str, extra: dict[str, str] | None = None
    ) -> str:
        nonlocal counter
        counter += 1
        node = f"{ID}stmt-{counter:08x}"
        t(node, RDF + "type", iri(RDF + "Statement"))
        t(node, RDF + "subject", iri(s))
        t(node, RDF + "predicate", iri(p))
        t(node, RDF + "object", iri(o))
        if text is None:  # inferred: a rule, what it is based on, no sentence
            t(node, PROV + "wasGeneratedBy", iri(doc))
            t(node, V + "basedOn", iri(f"{ID}stmt-{rng.randrange(counter):08x}"))
            return node
        start = rng.randrange(20_000)
        t(node, PROV + "wasDerivedFrom", iri(doc))
        t(node, B + "supporting_text", lit(text))
        t(node, V + "extractedBy", lit(rng.choice(["relation-rule", "section-list", "dose"])))
        t(node, V + "section", lit("Section > Subsection"))
        t(node, V + "subjectText", lit("Brand"))
        t(node, V + "objectText", lit(o[len(ID) :]))
        t(node, V + "subjectFromTopic", typed("true", XSD + "boolean"))
        t(node, V + "sentenceStart", typed(start, XSD + "integer"))
        t(node, V + "sentenceEnd", typed(start + len(text), XSD + "integer"))
        t(node, V + "objectStart", typed(start + 5, XSD + "integer"))
        t(node, V + "objectEnd", typed(start + 9, XSD + "integer"))
        for key, value in (extra or {}).items():
            t(node, V + key, lit(value) if not value.startswith("http") else iri(value))
        return node

    # Vocabulary-sized node sets, as in a corpus of monographs.
    cns = ID + "cns-depressants"
    label(cns, V + "DrugClass", "central nervous system depressant")
    groups = [f"{ID}group{g}" for g in range(10)]
    classes = [f"{ID}class{c}" for c in range(100)]
    parent_group = {c: groups[i % 10] for i, c in enumerate(classes)}
    for g, group in enumerate(groups):
        label(group, V + "DrugClass", f"class group {g}")
    cns_groups = set(groups[:2])  # two groups (so 20 classes) are kinds of CNS depressant
    for c, cls in enumerate(classes):
        label(cls, V + "DrugClass", f"class {c}")
        t(cls, B + "subclass_of", iri(parent_group[cls]))
        statement(cls, B + "subclass_of", parent_group[cls], None, V + "CuratedClassRule")
        if parent_group[cls] in cns_groups:
            t(cls, B + "subclass_of", iri(cns))
            statement(cls, B + "subclass_of", cns, None, V + "SubclassTransitivityRule")
    for group in cns_groups:
        t(group, B + "subclass_of", iri(cns))
        statement(group, B + "subclass_of", cns, None, V + "CuratedClassRule")
    conditions = [f"{ID}cond{n}" for n in range(600)]
    effects = [f"{ID}ae{n}" for n in range(1500)]
    targets = [f"{ID}target{n}" for n in range(120)]
    transmitters = [f"{ID}nt{n}" for n in range(40)]
    pharm = [f"{ID}effect{n}" for n in range(60)]
    for nodes, cls in (
        (conditions, "Condition"),
        (effects, "AdverseEffect"),
        (targets, "MolecularTarget"),
        (transmitters, "Neurotransmitter"),
        (pharm, "PharmacologicalEffect"),
    ):
        for node in nodes:
            label(node, V + cls, node[len(ID) :])
    for special in ("pregnancy", "breastfeeding"):
        label(ID + special, V + "Condition", special)
    members: dict[str, list[str]] = {cls: [] for cls in classes}
    drug_class = {}
    for n in range(drugs):
        drug_class[n] = classes[rng.randrange(100)]
        members[drug_class[n]].append(f"{ID}drug{n}")

    for n in range(drugs):
        drug, doc = f"{ID}drug{n}", f"{ID}doc{n}"
        t(doc, RDF + "type", iri(V + "SourceDocument"))
        t(doc, DCT + "source", lit(f"{n:05d}_monograph.txt"))
        t(doc, DCT + "title", lit(f"Brand{n} (drug {n}) monograph"))
        t(doc, V + "sha256", lit(f"{n:064x}"))
        t(doc, V + "topicDrug", iri(drug))
        label(drug, V + "Drug", f"drug {n}")
        t(drug, SKOS + "altLabel", lit(f"Brand{n}"))
        t(drug, SKOS + "altLabel", lit(f"Brand{n} XR"))
        t(drug, SKOS + "exactMatch", iri(f"https://go.drugbank.com/drugs/DB{n:05d}"))
        cls = drug_class[n]
        for parent, rule in (
            (cls, "CuratedClassRule"),
            (parent_group[cls], "MembershipInheritanceRule"),
            (cns, "MembershipInheritanceRule"),
        ):
            if parent == cns and parent_group[cls] not in cns_groups:
                continue
            t(drug, B + "member_of", iri(parent))
            statement(drug, B + "member_of", parent, None, V + rule)

        def claim(
            p: str, o: str, text: str, extra: dict[str, str] | None = None, *,
            drug: str = drug, doc: str = doc,
        ) -> str:
            t(drug, p, iri(o))
            return statement(drug, p, o, text, doc, extra)

        picked = rng.sample(conditions, 2 if n == 0 else 3)
        picked = [conditions[0], *picked] if n == 0 else picked
        for cond in picked:
            claim(B + "treats", cond, f"Brand{n} is used to treat {cond[len(ID) :]}.")
        for i, ae in enumerate(rng.sample(effects, 12)):
            extra = {"sideEffectGroup": ("common", "serious", "cognitive")[i % 3]}
            if i % 4 == 0:
                extra["hedge"] = rng.choice(["may", "rarely", "often"])
            claim(B + "has_side_effect", ae, f"Brand{n} may cause {ae[len(ID) :]}.", extra)
        claim(B + "directly_physically_interacts_with", rng.choice(targets), "It binds.")
        for nt in rng.sample(transmitters, 2):
            extra = {"aspect": rng.choice(["effect", "synthesis"]), "direction": "increased"}
            claim(B + "affects", nt, f"Brand{n} enhances the effects of {nt[len(ID) :]}.", extra)
        for effect in rng.sample(pharm, 2):
            claim(V + "hasPharmacologicalEffect", effect, f"Brand{n} is a {effect[len(ID) :]}.")
        if n % 3 == 0:
            claim(B + "contraindicated_in", ID + "pregnancy", "It is not given in pregnancy.")
            t(drug, S + "pregnancyCategory", iri(S + "FDAcategoryD"))
        if n % 2 == 0:
            claim(V + "cautionIn", ID + "breastfeeding", "Caution when breastfeeding.")
        if n % 10 == 0:
            other = f"{ID}drug{rng.randrange(drugs)}"
            node = statement(other, B + "affects", drug, f"It does not affect Brand{n}.", doc)
            t(node, B + "negated", typed("true", XSD + "boolean"))
        other_first = True
        for _ in range(3):
            roll = rng.random()
            if n == 0 and other_first:
                other, other_first = f"{ID}drug1", False
            elif roll < 0.1:
                other = cns
            elif roll < 0.35:
                other = rng.choice(classes)
            else:
                other = f"{ID}drug{rng.randrange(drugs)}"
            text = f"Combining Brand{n} with {other[len(ID) :]} can cause severe sedation."
            t(other, B + "pharmacologically_interacts_with", iri(drug))
            claim(B + "pharmacologically_interacts_with", other, text)
            ixn = f"{ID}ixn-{counter:08x}"
            t(ixn, RDF + "type", iri(V + "DrugInteraction"))
            t(ixn, PROV + "wasDerivedFrom", iri(doc))
            t(ixn, B + "supporting_text", lit(text))
            t(ixn, V + "participant", iri(drug))
            t(ixn, V + "participant", iri(other))
            t(ixn, V + "interactionType", lit(rng.choice(["effect", "mechanism"])))
            for ae in rng.sample(effects[:40], 2):
                t(ixn, V + "hasConsequence", iri(ae))
            if rng.random() < 0.5:
                t(ixn, V + "advice", lit(rng.choice(["Avoid", "Caution is advised"])))
            if other in members:  # the reason stage carries a class interaction to members
                for member in members[other][:3]:
                    t(drug, B + "pharmacologically_interacts_with", iri(member))
                    t(member, B + "pharmacologically_interacts_with", iri(drug))
                    rule = V + "ClassInteractionToMembersRule"
                    statement(drug, B + "pharmacologically_interacts_with", member, None, rule)
        cond = rng.choice(conditions)
        schedules = [
            ("doseSchedule", "DoseSchedule", "InitialDose", "PerDose", choice([0.25, 0.5, 1, 5])),
            ("doseSchedule", "DoseSchedule", "UsualDose", "PerDay", choice([1, 2, 4, 8, 20])),
            ("maximumIntake", "MaximumDoseSchedule", "MaximumDose", "PerDay", choice(MAXIMA)),
        ]
        if n % 4 == 0:
            schedules.append(("doseSchedule", "DoseSchedule", "UsualDose", "PerDay", 0.5))
        max_statement = ""
        for i, (prop, cls, kind, basis, value) in enumerate(schedules):
            dose = f"{ID}dose-{n}-{i}"
            t(dose, RDF + "type", iri(S + cls))
            t(dose, S + "doseValue", typed(float(value), DEC))
            if kind == "MaximumDose":  # "up to 8 mg a day": an upper bound, as the build writes
                t(dose, V + "doseComparator", iri(V + "AtMost"))
            else:  # a range, "2-4 mg"
                t(dose, V + "doseValueMin", typed(float(value) / 2, DEC))
            t(dose, V + "doseValueMax", typed(float(value), DEC))
            t(dose, S + "doseUnit", lit("mg"))
            t(dose, V + "doseBasis", iri(V + basis))
            t(dose, V + "scheduleKind", iri(V + kind))
            t(dose, V + "forIndication", iri(cond))
            if basis == "PerDose":
                t(dose, V + "timesPerDayMax", typed(rng.choice([2, 3]), XSD + "integer"))
            if i == 3:
                t(dose, S + "targetPopulation", lit("Children at the age of 1 to 5"))
                t(dose, V + "minAgeYears", typed(1.0, DEC))
                t(dose, V + "maxAgeYears", typed(5.0, DEC))
            node = claim(S + prop, dose, f"The {kind} of Brand{n} is {value} mg.")
            if kind == "MaximumDose":
                max_statement = node
        if n % 10 == 5:  # "more than 40 mg a day only in hospital": a lower bound, no maximum
            dose = f"{ID}dose-{n}-h"
            t(dose, RDF + "type", iri(S + "DoseSchedule"))
            t(dose, S + "doseValue", typed(40.0, DEC))
            t(dose, V + "doseValueMin", typed(40.0, DEC))
            t(dose, V + "doseComparator", iri(V + "MoreThan"))
            t(dose, S + "doseUnit", lit("mg"))
            t(dose, V + "doseBasis", iri(V + "PerDay"))
            t(dose, V + "scheduleKind", iri(V + "HospitalOnlyDose"))
            claim(S + "doseSchedule", dose, f"More than 40 mg of Brand{n} a day only in hospital.")
        if n % 20 == 0:  # a second document states another maximum: a source conflict
            other_doc, dose = f"{ID}doc{n}-b", f"{ID}dose-{n}-b"
            t(other_doc, RDF + "type", iri(V + "SourceDocument"))
            t(other_doc, DCT + "source", lit(f"{n:05d}_leaflet.txt"))
            t(dose, RDF + "type", iri(S + "MaximumDoseSchedule"))
            t(dose, S + "doseValue", typed(80.0, DEC))
            t(dose, V + "doseValueMax", typed(80.0, DEC))
            t(dose, V + "doseComparator", iri(V + "AtMost"))
            t(dose, S + "doseUnit", lit("mg"))
            t(dose, V + "doseBasis", iri(V + "PerDay"))
            t(dose, V + "scheduleKind", iri(V + "MaximumDose"))
            t(dose, V + "forIndication", iri(cond))
            t(drug, S + "maximumIntake", iri(dose))
            node = statement(drug, S + "maximumIntake", dose, "Up to 80 mg a day.", other_doc)
            conflict = f"{ID}conflict-{n}"
            label(conflict, V + "SourceConflict", f"Maximum dose of drug {n}")
            t(conflict, V + "conflictKind", lit("maximum-dose"))
            t(conflict, V + "conflictingStatement", iri(max_statement))
            t(conflict, V + "conflictingStatement", iri(node))
    out.close()
    return count


def time_oxigraph(store: object, text: str, runs: int) -> tuple[float, int]:
    """Return the median milliseconds of ``runs`` runs (one run if it takes over 2 s), and rows."""
    from graph_builder.query import Job, run_job

    times, rows = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        result = run_job(store, Job(text, row_cap=10_000))
        times.append(time.perf_counter() - started)
        rows = len(result.rows) if result.form == "select" else 1
        if times[-1] > 2:
            break
    return statistics.median(times) * 1000, rows


_RDFLIB_GRAPH = None


def _rdflib_child(text: str, conn: object) -> None:
    started = time.perf_counter()
    result = _RDFLIB_GRAPH.query(text)  # type: ignore[union-attr]
    for rows, _ in enumerate(result, 1):
        if rows >= 10_000:
            break
    conn.send(time.perf_counter() - started)  # type: ignore[attr-defined]


def time_rdflib(text: str, cap: float, runs: int) -> str:
    context = multiprocessing.get_context("fork")
    times = []
    for _ in range(runs):
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_rdflib_child, args=(text, sender))
        child.start()
        if receiver.poll(cap):
            times.append(receiver.recv())
            child.join()
        else:
            child.kill()
            child.join()
            return f">{cap * 1000:.0f}"
    return f"{statistics.median(times) * 1000:.1f}"


def bench_endpoint(
    graph_dir: Path, clients: int, requests: int, *, in_memory: bool
) -> tuple[float, float]:
    from graph_builder.endpoint import make_server
    from graph_builder.query import QueryRunner, get_named_queries

    texts = [q.text for q in get_named_queries().values()]
    with QueryRunner(
        graph_dir, workers=2, timeout=30, start_method="forkserver", in_memory=in_memory
    ) as runner:
        server = make_server(runner, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"

        def one(i: int) -> float:
            data = urllib.parse.urlencode({"query": texts[i % len(texts)]}).encode()
            started = time.perf_counter()
            with urllib.request.urlopen(url, data=data, timeout=60) as response:
                response.read()
            return time.perf_counter() - started

        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            latencies = list(pool.map(one, range(requests)))
        elapsed = time.perf_counter() - started
        server.shutdown()
        server.server_close()
    return requests / elapsed, statistics.median(latencies) * 1000


def main() -> None:
    """Generate (or reuse) the graph, time every named query, then the endpoint; print a table."""
    global _RDFLIB_GRAPH
    parser = argparse.ArgumentParser()
    parser.add_argument("--drugs", type=int, default=1850, help="1850 drugs: ~1.03M triples")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rdflib-cap", type=float, default=10.0, help="seconds per rdflib query")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--graph-dir", type=Path, help="keep (or reuse) the graph and store here")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "query.md")
    args = parser.parse_args()

    import os

    from graph_builder.query import get_named_queries
    from graph_builder.store import open_store, write_store

    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    with tempfile.TemporaryDirectory(prefix="bench-query-") as scratch:
        folder = args.graph_dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        ttl = folder / "graph.ttl"  # N-Triples is Turtle
        if not (ttl.is_file() and (folder / "store").is_dir()):
            started = time.perf_counter()
            generate(ttl, args.drugs)
            print(f"graph generated in {time.perf_counter() - started:.1f} s", flush=True)
            started = time.perf_counter()
            write_store(ttl)
            print(f"Oxigraph store written in {time.perf_counter() - started:.1f} s", flush=True)
        triples = sum(1 for _ in ttl.open(encoding="utf-8"))
        store = open_store(folder)
        memory = open_store(folder, in_memory=True)  # as each `drugkg serve` worker does
        if not args.skip_rdflib:
            from rdflib import Graph

            started = time.perf_counter()
            _RDFLIB_GRAPH = Graph()
            _RDFLIB_GRAPH.parse(ttl, format="nt")
            elapsed = time.perf_counter() - started
            print(f"rdflib memory graph parsed in {elapsed:.1f} s", flush=True)
            # Millions of rdflib objects would make every garbage collection in this process
            # slow, the Oxigraph timings' result conversion included: leave them out of it.
            gc.freeze()
        say(f"Named queries on a generated graph of {triples:,} triples ({args.drugs} drugs), "
            f"{os.cpu_count()} cores; median of {args.runs} runs (1 run past 2 s); "
            f"rdflib capped at {args.rdflib_cap:g} s per query, at most 10,000 rows read.")
        say()
        say("| named query | rows | Oxigraph on-disk store (drugkg query) ms "
            "| Oxigraph in memory (drugkg serve) ms | rdflib memory ms |")
        say("| --- | ---: | ---: | ---: | ---: |")
        for name, named in get_named_queries().items():
            disk, rows = time_oxigraph(store, named.text, args.runs)
            mem, _ = time_oxigraph(memory, named.text, args.runs)
            rd = "skipped" if args.skip_rdflib else time_rdflib(named.text, args.rdflib_cap, 1)
            say(f"| {name} | {rows} | {disk:.1f} | {mem:.1f} | {rd} |")
        del store, memory
        _RDFLIB_GRAPH = None
        say()
        say("| endpoint (127.0.0.1, 2 worker processes) | clients | requests "
            "| requests/s | median latency ms |")
        say("| --- | ---: | ---: | ---: | ---: |")
        for in_memory, where in ((True, "graph in memory (serve's default)"),
                                 (False, "on-disk store (serve --on-disk)")):
            rps, median = bench_endpoint(folder, args.clients, args.requests, in_memory=in_memory)
            say(f"| all named queries, round robin, {where} | {args.clients} | {args.requests} "
                f"| {rps:.1f} | {median:.1f} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    temporary = args.out.with_suffix(".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(args.out)
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
