"""Train the DDI pair model on the DDI-2013 training documents; report honest scores.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_ddi.py                # cross-validate, then train and write
    .venv/bin/python scripts/train_ddi.py --folds 0      # only train and write the model
    .venv/bin/python scripts/train_ddi.py --out /tmp/m.json  # leave the shipped model alone

Candidates are what the pipeline sees: every two drug or drug-class mentions that OUR
recogniser finds in one of OUR sentences (``graph_builder.interactions``). A candidate's
label comes from the gold: both mentions aligned with two gold mentions of one gold
sentence that the gold says interact (and how); anything else is "none". Features are
entity-blinded (``graph_builder.ddi_model.features``); the classifier is scikit-learn's
multinomial logistic regression, deterministic (lbfgs, no random state involved).

Cross-validation is grouped by document: the model trained on four fifths of the
documents builds the graph of the fifth with the full pipeline, and ``score_ddi`` scores
it, so the figures are those of documents the model never saw. The shipped model is then
trained on every training document; its score on them is optimistic.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from pathlib import Path

from graph_builder import ddi_model
from graph_builder.ddi_model import CLASSES, PairModel, features
from graph_builder.evaluate.corpus_ddi import GoldDocument, iter_ddi_documents, write_documents
from graph_builder.evaluate.ddi import DdiResult, align, gold_pairs, read_statements, score_ddi
from graph_builder.evaluate.scoring import Score
from graph_builder.extract import document_mentions
from graph_builder.ingest import read_document
from graph_builder.interactions import rule_verdicts, sentence_view, with_class_mentions
from graph_builder.model import EntityType, InputError

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ddi2013-train"
PARTNERS = frozenset({EntityType.DRUG, EntityType.DRUG_CLASS})

Row = tuple[int, list[str], str]  # document index, features, label


def candidates(documents: list[GoldDocument], paths: list[Path]) -> list[Row]:
    """Return every candidate pair of the pipeline's sentences, with its gold label."""
    gold = gold_pairs(documents)
    rows: list[Row] = []
    for index, (document, path) in enumerate(zip(documents, paths, strict=True)):
        try:
            parsed = read_document(path)
        except InputError:
            continue
        for sentence, found in document_mentions(parsed):
            known = [m for m in found if m.entity.type in PARTNERS]
            mentions = with_class_mentions(sentence.text, sentence.start, known)
            if len(mentions) < 2:
                continue
            view = sentence_view(sentence.text, sentence.start, mentions)
            for (a, b), rule in rule_verdicts(sentence.text, sentence.start, mentions).items():
                first, second = mentions[a], mentions[b]
                if first.entity.key == second.entity.key:
                    continue
                label = _label(document, gold, first.start, first.end, second.start, second.end)
                rows.append((index, features(view, a, b, rule), label))
    return rows


def _label(
    document: GoldDocument, gold: dict[tuple[str, str, str], str],
    a_start: int, a_end: int, b_start: int, b_end: int,
) -> str:
    for sentence in document.sentences:
        if sentence.start <= a_start < sentence.end:
            if not sentence.start <= b_start < sentence.end:
                return "none"
            a = align(sentence, "", a_start, a_end)
            b = align(sentence, "", b_start, b_end)
            if a is None or b is None or a.id == b.id:
                return "none"
            first, second = sorted((a.id, b.id))
            return gold.get((sentence.id, first, second), "none")
    return "none"


def fit(rows: list[Row], c: float, min_count: int, threshold: float, veto: float) -> PairModel:
    """Train a multinomial logistic regression; return it as a pair model."""
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for _, found, _ in rows for f in set(found))
    keep = {f for f, n in counts.items() if n >= min_count} | {"bias"}
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in found if f in keep} for _, found, _ in rows])
    y = [CLASSES.index(label) for _, _, label in rows]
    classifier = LogisticRegression(C=c, max_iter=3000)
    classifier.fit(x, y)
    if list(classifier.classes_) != list(range(len(CLASSES))):
        raise SystemExit("every class needs training examples")
    weights: dict[str, tuple[float, ...]] = {}
    for column, name in enumerate(vectorizer.get_feature_names_out()):
        row = [float(w) for w in classifier.coef_[:, column]]
        if name == "bias":
            row = [w + float(b) for w, b in zip(row, classifier.intercept_, strict=True)]
        elif max(abs(w) for w in row) < 0.005:
            continue
        weights[str(name)] = tuple(round(w, 4) for w in row)
    return PairModel(CLASSES, weights, threshold, veto)


def pipeline_score(
    documents: list[GoldDocument], model: PairModel, workdir: Path
) -> tuple[DdiResult, DdiResult, DdiResult]:
    """Build the documents' graph with ``model`` as the shipped model; score it.

    Returns the scores of all the documents, of the even-numbered and of the odd-numbered
    ones (by corpus order), so that a change tuned on one half can be checked on the other.
    """
    from graph_builder.pipeline import build_graph

    path = workdir / "model.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    ddi_model.MODEL_PATH = path
    ddi_model.get_model.cache_clear()
    folder = workdir / "docs"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    paths = write_documents(documents, folder)
    graph = build_graph(paths, on_error=lambda _error: None).graph
    statements = read_statements(graph)
    halves = []
    for parity in (0, 1):
        half = [d for d in documents if _number(d) % 2 == parity]
        names = {f"{d.name}.txt" for d in half}
        halves.append(score_ddi(half, [s for s in statements if s.source in names]))
    return score_ddi(documents, statements), halves[0], halves[1]


def _number(document: GoldDocument) -> int:
    """Return the document's position in the corpus (its index, set by ``main``)."""
    return ORDER[document.id]


ORDER: dict[str, int] = {}


def _sum(results: list[DdiResult]) -> dict[str, Score]:
    total: dict[str, Score] = {}
    for result in results:
        scores = {"detection": result.detection, "typed": result.typed, **result.per_type}
        for name, score in scores.items():
            total[name] = total.get(name, Score(0, 0, 0)) + score
    return total


def table(scores: dict[str, Score]) -> str:
    """Format scores as a Markdown table."""
    lines = ["| measure | P | R | F1 | TP | FP | FN |", "|---|--:|--:|--:|--:|--:|--:|"]
    for name, s in scores.items():
        ratios = f"{s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f}"
        lines.append(f"| {name} | {ratios} | {s.tp} | {s.fp} | {s.fn} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--out",
        "--output",
        type=Path,
        default=ROOT / "data" / "models" / "ddi-pairs.json",
        help="where to write the model (default: the shipped file)",
    )
    parser.add_argument("--folds", type=int, default=5, help="0 skips cross-validation")
    parser.add_argument("--c", type=float, default=0.3, help="inverse regularisation")
    parser.add_argument("--min-count", type=int, default=2, help="drop rarer features")
    parser.add_argument(
        "--threshold", type=float, default=0.55, help="P(none) below this: the model adds a pair"
    )
    parser.add_argument(
        "--veto", type=float, default=0.85, help="P(none) at least this: a rule pair is dropped"
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    documents = list(iter_ddi_documents(args.corpus))
    ORDER.update((d.id, i) for i, d in enumerate(documents))
    with tempfile.TemporaryDirectory(prefix="drugkg-train-") as tmp:
        workdir = Path(tmp)
        paths = write_documents(documents, workdir / "all")
        rows = candidates(documents, paths)
        positives = sum(1 for *_, label in rows if label != "none")
        print(f"{len(documents)} documents, {len(rows)} candidate pairs, {positives} interacting")
        if args.folds:
            from sklearn.model_selection import GroupKFold

            results: list[tuple[DdiResult, DdiResult, DdiResult]] = []
            held_out_docs = sorted(range(len(documents)))
            splitter = GroupKFold(n_splits=args.folds)
            folds = list(splitter.split(held_out_docs, groups=held_out_docs))
            for fold, (_, test_docs) in enumerate(folds):
                test = set(int(i) for i in test_docs)
                train = [row for row in rows if row[0] not in test]
                model = fit(train, args.c, args.min_count, args.threshold, args.veto)
                held_out = [documents[i] for i in sorted(test)]
                result = pipeline_score(held_out, model, workdir)
                results.append(result)
                print(f"fold {fold + 1}: {result[0].detection.row('detection')}")
            print(f"\n{args.folds}-fold cross-validation grouped by document (full pipeline):")
            print(table(_sum([r[0] for r in results])))
            for name, k in (("even", 1), ("odd", 2)):
                print(f"\nthe same, {name}-numbered documents only:")
                print(table(_sum([r[k] for r in results])))
        model = fit(rows, args.c, args.min_count, args.threshold, args.veto)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(model.to_json(), indent=0, separators=(",", ":"))
        args.out.write_text(text + "\n", encoding="utf-8")
        print(f"\nwrote {args.out} ({len(model.weights)} features, {len(text) / 1e6:.2f} MB)")
        result = pipeline_score(documents, model, workdir)
        print("\nshipped model on the whole training corpus (optimistic: it saw these):")
        print(table(_sum([result[0]])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
