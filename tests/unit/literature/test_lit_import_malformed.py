"""Hostile, malformed, truncated, wrongly encoded and oversized input is refused whole, with the file named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cdss.errors import ImportRejected
from cdss.literature.importers import _common, import_file, import_path

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&lol3;</ArticleTitle>
</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&xxe;</ArticleTitle>
</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"""

GOOD_RIS = "TY  - JOUR\nTI  - 糖尿病肾病的治疗进展\nAU  - 张, 伟\nPY  - 2020\nER  - \n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def rejected(path: Path) -> ImportRejected:
    with pytest.raises(ImportRejected) as info:
        import_file(path)
    assert path.name in info.value.message  # the message always names the file
    return info.value


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, XXE])
def test_xml_entity_attacks_are_refused(tmp_path, payload):
    assert rejected(write(tmp_path, "attack.xml", payload)).code == "import_xml_entities"


def test_truncated_pubmed_xml_returns_nothing(tmp_path, formats_dir):
    raw = (formats_dir / "pubmed_xml/sr_search_4_articles.xml").read_bytes()
    assert rejected(write(tmp_path, "cut.xml", raw[: len(raw) // 2])).code == "import_xml_malformed"


def test_truncated_ris_is_refused_not_half_imported(tmp_path):
    text = GOOD_RIS + "TY  - JOUR\nTI  - Second record cut off\n"
    assert rejected(write(tmp_path, "cut.ris", text)).code == "import_truncated"


def test_truncated_wos_is_refused(tmp_path, formats_dir):
    raw = (formats_dir / "ris/example_wos.ris").read_text(encoding="utf-8")
    assert rejected(write(tmp_path, "cut.txt", raw[: raw.rindex("ER")])).code == "import_truncated"


def test_unbalanced_bibtex_is_refused(tmp_path):
    text = "@article{a, title={Fine}, year=2001}\n@article{b, title={Never closed, year=2002}\n"
    assert rejected(write(tmp_path, "bad.bib", text)).code in ("import_malformed", "import_truncated")


def test_malformed_csl_json_is_refused(tmp_path):
    assert rejected(write(tmp_path, "bad.json", '[{"title": "x"')).code == "import_malformed"
    assert rejected(write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)).code == "import_malformed"


def test_garbage_medline_line_is_refused(tmp_path):
    text = "PMID- 1\nTI  - A title\nthis line is not a tag\n"
    assert rejected(write(tmp_path, "bad.nbib", text)).code == "import_malformed"


def test_undecodable_text_is_refused_with_encoding_code(tmp_path):
    data = b"TY  - JOUR\nTI  - \xff\xfe\xff\xff title\nER  - \n"
    assert rejected(write(tmp_path, "latin.ris", data)).code == "import_bad_encoding"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_text_formats_accept_utf8_bom_and_gbk(tmp_path, encoding):
    path = write(tmp_path, f"cn-{encoding}.ris", GOOD_RIS.encode(encoding))
    ref = import_file(path).references[0]
    assert ref.title == "糖尿病肾病的治疗进展"
    assert ref.authors == ("张, 伟",)


def test_empty_unknown_and_oversized_files(tmp_path, monkeypatch):
    assert rejected(write(tmp_path, "empty.ris", b"  \n")).code == "import_empty_file"
    assert rejected(write(tmp_path, "notes.txt", "just some notes")).code == "import_unknown_format"
    assert rejected(write(tmp_path, "other.xml", "<html><body/></html>")).code == "import_unknown_format"
    monkeypatch.setattr(_common, "MAX_FILE_BYTES", 10)
    monkeypatch.setattr(_common.read_capped, "__defaults__", (10,))
    assert rejected(write(tmp_path, "big.ris", GOOD_RIS)).code == "import_file_too_large"


def test_damaged_pdf_is_refused(tmp_path):
    assert rejected(write(tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog")).code.startswith("import_pdf")


def test_folder_import_reports_good_and_bad_files_separately(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    write(folder, "good.ris", GOOD_RIS)
    write(folder / "sub", "attack.xml", BILLION_LAUGHS)
    write(folder / "sub", "items.json", json.dumps([{"title": "A CSL item", "DOI": "10.1000/csl"}]))
    write(folder, ".hidden.ris", GOOD_RIS)  # hidden files in folders are skipped
    write(folder, "photo.jpg", b"\xff\xd8\xff")  # unknown extensions in folders are skipped
    report = import_path(folder)
    assert sorted(r.path.name for r in report.files) == ["good.ris", "items.json"]
    assert [(r.path.name, r.code) for r in report.rejected] == [("attack.xml", "import_xml_entities")]
    assert [ref.title for ref in report.references] == ["糖尿病肾病的治疗进展", "A CSL item"]


def test_missing_path_is_reported(tmp_path):
    report = import_path(tmp_path / "nope.ris")
    assert report.files == () and report.rejected[0].code == "import_file_missing"


def test_format_is_detected_by_content_not_extension(tmp_path, formats_dir):
    raw = (formats_dir / "medline_nbib/biopython_pubmed_result1.nbib").read_bytes()
    assert import_file(write(tmp_path, "export.txt", raw)).format == "medline"
    assert import_file(write(tmp_path, "looks-like.ris", b"@article{k, title={Bib in disguise}}")).format == "bibtex"


def test_pdf_text_doi_and_pmid_are_picked_up(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "paper.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("Renal outcomes of metformin in type 2 diabetes")
    pdf.drawString(72, 800, "Renal outcomes of metformin in type 2 diabetes")
    pdf.drawString(72, 780, "doi: 10.1234/renal.2020.55  PMID: 31234567")
    pdf.drawString(72, 760, "Background: metformin and kidney function in a cohort.")
    pdf.save()
    ref = import_file(path).references[0]
    assert ref.title == "Renal outcomes of metformin in type 2 diabetes"
    assert (ref.doi, ref.pmid, ref.source_format) == ("10.1234/renal.2020.55", "31234567", "pdf")
    assert "kidney function" in ref.abstract
