"""Reading documents: structure, offsets, boilerplate, formats and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.ingest import iter_documents, read_document
from graph_builder.model import Document, InputError

from .conftest import SEED_DIR

PAGE_ONE = SEED_DIR / "000_6ad2f710c00707a1.txt"
PAGE_TWO = SEED_DIR / "003_24c6c82f160b80c4.txt"


def sentence_with(document: Document, fragment: str):
    return next(s for s in document.sentences if fragment in s.text)


def test_title_names_the_topic_and_boilerplate_is_dropped() -> None:
    document = read_document(PAGE_ONE)
    assert document.title == "Klonopin"
    assert not any("Toll Free" in s.text or "Chat Online" in s.text for s in document.sentences)


def test_every_sentence_is_verbatim_at_its_offsets() -> None:
    for path in (PAGE_ONE, PAGE_TWO):
        document = read_document(path)
        for sentence in document.sentences:
            assert document.text[sentence.start : sentence.end] == sentence.text
            for heading in sentence.headings:
                assert document.text[heading.start : heading.end] == heading.text


def test_list_items_keep_their_headings_labels_and_lead_in() -> None:
    document = read_document(PAGE_ONE)
    dose = sentence_with(document, "0.25 mg taken twice daily")
    assert dose.heading_texts == ("Dosage", "Panic Disorder", "Initial Dose")
    liver = sentence_with(document, "metabolized in the liver")
    assert liver.lead_in is not None and "with caution" in liver.lead_in
    assert liver.label is not None and liver.label.text == "Liver Disease"


def test_sections_are_the_document_headings() -> None:
    headings = [s.heading for s in read_document(PAGE_ONE).sections]
    assert headings[:5] == [
        "Klonopin",
        "Mechanism of Action",
        "Uses of Klonopin",
        "Dosage",
        "Side Effects",
    ]
    assert "Side effect" in [s.heading for s in read_document(PAGE_TWO).sections]


def test_identity_is_file_name_and_sha256_of_the_bytes() -> None:
    import hashlib

    document = read_document(PAGE_TWO)
    assert document.source == PAGE_TWO.name
    assert document.sha256 == hashlib.sha256(PAGE_TWO.read_bytes()).hexdigest()


def test_markdown_headings_and_lists(tmp_path: Path) -> None:
    path = tmp_path / "diazepam.md"
    path.write_text(
        "# Diazepam\n\n## Side Effects\n\nDiazepam can cause:\n\n"
        "- **Drowsiness**: common at first.\n- Fatigue: later.\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.title == "Diazepam"
    item = sentence_with(document, "common at first")
    assert item.text == "Drowsiness: common at first."
    assert item.heading_texts == ("Side Effects", "Drowsiness")
    assert item.lead_in == "Diazepam can cause:"


def test_html_headings_lists_and_no_script_text(tmp_path: Path) -> None:
    path = tmp_path / "diazepam.html"
    path.write_text(
        "<html><head><title>Diazepam</title><script>alert('x')</script></head><body>"
        "<h2>Uses</h2><p>Diazepam is used for:</p><ul><li>Anxiety: short term.</li></ul>"
        "<nav>Buy now</nav></body></html>",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.title == "Diazepam"
    item = sentence_with(document, "short term")
    assert item.heading_texts == ("Uses", "Anxiety")
    assert "alert" not in document.text and "Buy now" not in document.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("half.txt", b"\xff\xfeD\x00i\x00a", "not valid UTF-16"),
        ("notes.docx", b"PK", "unsupported file type"),
    ],
    ids=["empty", "blank", "binary", "truncated-utf16", "unsupported"],
)
def test_bad_input_gives_one_line_error_naming_the_file(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_document(path)
    assert str(path) in str(error.value) and message in str(error.value)
    assert "\n" not in str(error.value)


def test_one_bad_document_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a-bad.txt").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "b-good.txt").write_text("Diazepam\n\nDiazepam may cause drowsiness.\n")
    errors: list[InputError] = []
    documents = list(iter_documents([tmp_path], on_error=errors.append))
    assert [d.source for d in documents] == ["b-good.txt"]
    assert len(errors) == 1 and "a-bad.txt" in str(errors[0])


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Adverse Reactions", True),
        ("6.1 Clinical Trials Experience", True),
        ("Somnolence 22% 9%", False),
        ("Dizziness     12     4", False),
        ("Skin: rash, pruritus", False),
        ("Nervous system disorders: headache, dizziness", False),
        ("Cardiac Disorders : myocardial infarction, angina pectoris", False),
        ("Eye disorders: conjunctivitis", False),
        ("Psychiatric Disorders:  nervousness", False),
    ],
    ids=[
        "heading",
        "numbered-heading",
        "table-row",
        "spaced-table-row",
        "inline-list",
        "soc-list",
        "soc-list-spaced",
        "soc-one-item",
        "soc-capitalised-one-item",
    ],
)
def test_table_rows_and_inline_lists_are_not_headings(
    tmp_path: Path, line: str, heading: bool
) -> None:
    path = tmp_path / "label.txt"
    path.write_text(f"Diazepam\n\nIntro sentence.\n\n{line}\n\nMore text here.\n", encoding="utf-8")
    document = read_document(path)
    assert (line in [s.heading for s in document.sections]) is heading


def test_a_markdown_line_break_inside_a_paragraph_is_a_space(tmp_path: Path) -> None:
    path = tmp_path / "drugx.md"
    path.write_text(
        "# Drugx\n\n## Side effects\n\nDrugx may cause severe\nhepatotoxicity and\nnausea.\n",
        encoding="utf-8",
    )
    sentence = sentence_with(read_document(path), "hepatotoxicity")
    assert sentence.text == "Drugx may cause severe hepatotoxicity and nausea."


def test_a_hard_wrapped_plain_text_paragraph_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "drugx.txt"
    path.write_text(
        "Drugx\n\nWarnings\n\nDrugx may cause severe hepatotoxicity, which has been fatal in\n"
        "some patients, and it should be stopped at once.\n\nCommon side effects\nnausea\n"
        "headache\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert sentence_with(document, "fatal").text.endswith("stopped at once.")
    # short lines are a list, not one wrapped sentence
    assert sentence_with(document, "nausea").text == "nausea"


def test_a_heading_in_capitals_or_numbered_may_have_its_text_right_under_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "drugx.txt"
    path.write_text(
        "Drugx\n\nSIDE EFFECTS\nDrugx may cause nausea.\n\n5.1 Serotonin Syndrome\n"
        "Serotonin syndrome has been reported.\n\nDrugx is taken\nonce a day.\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert sentence_with(document, "nausea").heading_texts == ("SIDE EFFECTS",)
    assert sentence_with(document, "reported").heading_texts == ("5.1 Serotonin Syndrome",)
    # an ordinary short line before text is no heading
    assert "Drugx is taken" not in [s.heading for s in document.sections]


def test_a_short_labelled_line_of_a_monograph_is_no_heading(tmp_path: Path) -> None:
    path = tmp_path / "risperidone.txt"
    path.write_text(
        "Risperidone\n\nIndications: schizophrenia; mania\n\nCautions: epilepsy\n\n"
        "WARNING: RISK OF FALLS\n\nFalls may occur.\n",
        encoding="utf-8",
    )
    headings = [s.heading for s in read_document(path).sections]
    assert headings == ["Risperidone", "WARNING: RISK OF FALLS"]


def test_a_section_name_may_have_its_text_right_under_it(tmp_path: Path) -> None:
    path = tmp_path / "amiodarone.txt"
    path.write_text(
        "Amiodarone\n\nContraindications\nCardiogenic shock; sinus bradycardia.\n\n"
        "Take it with food\nevery day.\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert sentence_with(document, "Cardiogenic").heading_texts == ("Contraindications",)
    assert "Take it with food" not in [s.heading for s in document.sections]


def test_a_leaflets_numbered_and_question_headings_head_their_sections(tmp_path: Path) -> None:
    path = tmp_path / "lisinopril.txt"
    path.write_text(
        "Lisinopril: information for the patient\n\n"
        "What is in this leaflet\n1. What Lisinopril is and what it is used for\n"
        "2. Possible side effects\n\n"
        "1. What Lisinopril is and what it is used for\nIt is used to treat high blood pressure.\n\n"
        "2. Possible side effects\nDizziness and a dry cough are common.\n\n"
        "What should I avoid while taking lisinopril?\nAvoid potassium supplements.\n\n"
        "Steps to take:\n\n1. Take one tablet a day\n2. Swallow it whole\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert sentence_with(document, "high blood").heading_texts == (
        "1. What Lisinopril is and what it is used for",
    )
    assert sentence_with(document, "dry cough").heading_texts == ("2. Possible side effects",)
    assert sentence_with(document, "potassium").heading_texts == (
        "What should I avoid while taking lisinopril?",
    )
    # a leaflet's contents and a numbered list stay lists
    headings = [s.heading for s in document.sections]
    assert "1. Take one tablet a day" not in headings
    assert headings.count("2. Possible side effects") == 1


def test_a_data_tables_rows_are_sentences_under_its_header_and_a_layout_table_is_none(
    tmp_path: Path,
) -> None:
    path = tmp_path / "zolpidem.html"
    path.write_text(
        "<html><body><h1>Zolpidem</h1><table><tr><th>Who</th><th>Dose</th></tr>"
        "<tr><td>Women</td><td>5 mg</td></tr></table>"
        "<table><tr><td><p>Zolpidem may cause drowsiness.</p><ul><li>Dizziness</li></ul>"
        "</td></tr></table></body></html>",
        encoding="utf-8",
    )
    document = read_document(path)
    row = sentence_with(document, "Women")
    assert (row.text, row.lead_in) == ("| Women | 5 mg |", "| Who | Dose |")
    # a page laid out in a table keeps its paragraphs and items
    texts = [s.text for s in document.sentences]
    assert "Zolpidem may cause drowsiness." in texts
    assert "Dizziness" in texts


def test_a_markdown_tables_rows_are_sentences_under_its_header(tmp_path: Path) -> None:
    path = tmp_path / "zolpidem.md"
    path.write_text(
        "# Zolpidem\n\n| Who | Dose |\n|---|---|\n| Women | 5 mg |\n| Men | 10 mg |\n",
        encoding="utf-8",
    )
    rows = [(s.text, s.lead_in) for s in read_document(path).sentences if "mg" in s.text]
    assert rows == [("| Women | 5 mg |", "| Who | Dose |"), ("| Men | 10 mg |", "| Who | Dose |")]


def test_a_loose_numbered_list_and_a_lone_numbered_step_are_no_headings(tmp_path: Path) -> None:
    path = tmp_path / "drugx.txt"
    path.write_text(
        "Drugx\n\nThe most common side effects are:\n\n1. Diarrhoea\n\n2. Feeling sick\n\n"
        "3. Skin rash\n\nThese usually pass.\n\nDosing steps\n\n1. Give 5 mg daily\n\nThen stop.\n",
        encoding="utf-8",
    )
    headings = [s.heading for s in read_document(path).sections]
    assert not [h for h in headings if h[0].isdigit()]


def test_a_bar_row_counts_every_cell() -> None:
    from graph_builder.ingest.plain import _pipe_cells

    assert _pipe_cells("Nausea | 5 | 3") == 3
    assert _pipe_cells("a | b | c") == 3
    assert _pipe_cells("Dizziness | 28% | 8% | 2%") == 4
