"""The document's drug: a new product named in the title, and the brands a document lists."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from graph_builder.extract import extract
from graph_builder.extract.context import document_names, find_topic
from graph_builder.ingest import read_document
from graph_builder.model import Document, EntityType
from graph_builder.product_names import NEW_DRUG_SOURCE, brand_line_names, read_product_title


def document(tmp_path: Path, text: str, name: str = "leaflet.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


NEW_PRODUCT = (
    "QUELMORA (tavoxetine) capsules\n\n"
    "Quelmora is a new antidepressant used to treat generalised anxiety disorder.\n\n"
    "Quelmora may cause headache and dry mouth. Do not take Quelmora with tramadol.\n"
)


def test_a_new_product_in_the_title_is_the_documents_drug(tmp_path: Path) -> None:
    topic = find_topic(document(tmp_path, NEW_PRODUCT))
    assert topic is not None
    assert topic.entity.type is EntityType.DRUG
    assert topic.entity.label == "Quelmora"
    assert topic.entity.synonyms == ("tavoxetine",)
    assert topic.entity.identifiers == ()  # a wrong identifier is worse than none
    assert topic.entity.source == NEW_DRUG_SOURCE


def test_a_new_products_facts_are_its_own_not_its_partners(tmp_path: Path) -> None:
    claims = extract(document(tmp_path, NEW_PRODUCT)).claims
    subjects = {c.subject.entity.key for c in claims if c.relation == "has_side_effect"}
    assert subjects == {"quelmora"}
    partners = {
        (c.subject.entity.key, c.obj.entity.key)
        for c in claims
        if c.relation == "interacts_with" and c.obj is not None
    }
    assert ("quelmora", "tramadol") in partners or ("tramadol", "quelmora") in partners
    assert not any(c.subject.entity.key == "tramadol" for c in claims if c.relation == "treats")


def test_a_new_drug_is_announced_once_with_its_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        extract(document(tmp_path, NEW_PRODUCT, "quelmora.txt"))
    lines = [r.getMessage() for r in caplog.records if "does not know" in r.getMessage()]
    assert len(lines) == 1
    assert "quelmora.txt" in lines[0] and "Quelmora" in lines[0]


def test_its_generic_name_is_a_mention_of_it_too(tmp_path: Path) -> None:
    text = "Dravolin (pemetrine) tablets\n\nPemetrine may cause drowsiness.\n"
    claims = extract(document(tmp_path, text)).claims
    effects = [c for c in claims if c.relation == "has_side_effect"]
    assert effects and all(c.subject.entity.key == "dravolin" for c in effects)


@pytest.mark.parametrize(
    "text",
    [
        # the title's word is a condition the lexicon knows: no new drug
        "Hypertension\n\nHypertension is treated with amlodipine. Amlodipine may cause oedema.\n",
        # a generic title
        "Abstract\n\nAbstract reasoning is spared. Warfarin may cause bleeding.\n",
        # the title's name is never used again in the text
        "Brontavel tablets\n\nWarfarin may cause bleeding. Warfarin interacts with aspirin.\n",
    ],
)
def test_no_new_drug_without_a_product_name_the_text_uses(tmp_path: Path, text: str) -> None:
    topic = find_topic(document(tmp_path, text))
    assert topic is None or topic.entity.source != NEW_DRUG_SOURCE


def test_a_known_drug_in_the_title_stays_the_topic(tmp_path: Path) -> None:
    text = "Warfarin tablets\n\nWarfarin may cause bleeding. Avoid aspirin.\n"
    topic = find_topic(document(tmp_path, text))
    assert topic is not None and topic.entity.key == "warfarin"


@pytest.mark.parametrize(
    ("title", "brand", "generic"),
    [
        ("NORVESSA (lentoprazine) tablets", "Norvessa", "lentoprazine"),
        ("Norvessa 5 mg film-coated tablets (lentoprazine)", "Norvessa", "lentoprazine"),
        ("Norvessa XL", "Norvessa XL", None),
        ("Norvessa oral solution", "Norvessa", None),
    ],
)
def test_a_product_title_gives_its_brand_and_generic(
    title: str, brand: str, generic: str | None
) -> None:
    product = read_product_title(title)
    assert product is not None and (product.brand, product.generic) == (brand, generic)


@pytest.mark.parametrize(
    "title",
    ["Feeling sick after meals", "Package leaflet: information for the user", "tablets"],
)
def test_a_title_of_words_names_no_product(title: str) -> None:
    assert read_product_title(title) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Brand names: Lopresa, Lopresa SR and Tenvik (liquid).",
            ("Lopresa", "Lopresa SR", "Tenvik"),
        ),
        ("Brand name: Lopresa", ("Lopresa",)),
        ("Trade names: Lopresa; Tenvik.", ("Lopresa",)),
        ("Other brands may be available from your pharmacist.", ()),
    ],
)
def test_a_brand_line_lists_its_brands(line: str, names: tuple[str, ...]) -> None:
    assert brand_line_names(line) == names


def test_listed_brands_are_the_documents_drug_and_its_brand_names(tmp_path: Path) -> None:
    text = (
        "Metoprolol\n\nBrand names: Lopresa, Tenvik XL.\n\n"
        "Tenvik XL is taken once a day. Metoprolol may cause tiredness.\n"
    )
    doc = document(tmp_path, text)
    topic = find_topic(doc)
    assert topic is not None and topic.entity.key == "metoprolol"
    names = document_names(doc, topic)
    assert {n: e.key for n, e in names.items()} == {
        "Lopresa": "metoprolol",
        "Tenvik XL": "metoprolol",
    }
    brands = {c.value for c in extract(doc).claims if c.relation == "has_brand_name"}
    assert brands == {"Lopresa", "Tenvik XL"}


def test_a_brand_heading_beside_its_generic_names_the_drug(tmp_path: Path) -> None:
    text = (
        "# Information for the patient\n\n## Calmora 250 mg tablets (lithium carbonate)\n\n"
        "Calmora contains lithium. Calmora may cause a fine tremor of the hands.\n"
    )
    doc = document(tmp_path, text, "calmora.md")
    topic = find_topic(doc)
    assert topic is not None and topic.entity.key == "lithium"
    assert "Calmora" in document_names(doc, topic)
    effects = [c for c in extract(doc).claims if c.relation == "has_side_effect"]
    assert effects and {(c.subject.entity.key, c.subject.text) for c in effects} == {
        ("lithium", "Calmora")
    }


def test_a_botanical_name_in_brackets_is_no_brand(tmp_path: Path) -> None:
    text = "Ginkgo\n\nGinkgo (Ginkgo biloba) is a herbal remedy. Ginkgo may increase bleeding.\n"
    claims = extract(document(tmp_path, text)).claims
    assert not [c for c in claims if c.relation == "has_brand_name"]


def test_a_heading_naming_no_product_as_sold_gives_no_brand(tmp_path: Path) -> None:
    text = (
        "# Lithium\n\n## Poisoning (lithium toxicity)\n\n"
        "Poisoning shows as coarse tremor. Lithium may cause thirst.\n"
    )
    doc = document(tmp_path, text, "lithium.md")
    assert document_names(doc, find_topic(doc)) == {}


def test_a_brand_beside_its_salt_written_in_lower_case_is_the_brand(tmp_path: Path) -> None:
    text = "# Lithium\n\n## Calmora 250 mg tablets (lithium carbonate)\n\nCalmora contains lithium carbonate.\n"
    doc = document(tmp_path, text, "calmora.md")
    brands = {c.value for c in extract(doc).claims if c.relation == "has_brand_name"}
    assert brands == {"Calmora"}
