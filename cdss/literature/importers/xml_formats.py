"""PubMed efetch XML (``PubmedArticleSet``) and PMC JATS article XML.

Parsing is hardened the way defusedxml does it: any DTD entity declaration or external entity reference aborts
the parse, so "billion laughs" and XXE files are refused instead of expanded. PubMed's own DOCTYPE line (a public
DTD reference that is never fetched) is allowed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from xml.parsers import expat

from cdss.literature.importers._common import reject
from cdss.literature.reference import Reference, clean_text, format_author, parse_year


class _HostileXml(Exception):
    pass


def _forbid(*_args: object) -> None:
    raise _HostileXml()


def parse_xml_safely(raw: bytes, path: Path) -> ET.Element:
    # pyexpat driven directly (the C ElementTree parser hides its expat handle) feeding a TreeBuilder.
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    try:
        parser.Parse(raw, True)
        return builder.close()
    except _HostileXml as exc:
        raise reject(path, "import_xml_entities",
                     "the XML declares its own entities, which could be used to attack the app; it was refused.") \
            from exc
    except (expat.ExpatError, AssertionError) as exc:
        raise reject(path, "import_xml_malformed",
                     f"the XML is malformed or truncated ({exc}); export it again.") from exc


def _text(element: ET.Element | None) -> str:
    return clean_text("".join(element.itertext())) if element is not None else ""


def _pubmed_abstract(article: ET.Element) -> str:
    parts = []
    for node in article.iterfind("Abstract/AbstractText"):
        label = node.get("Label")
        body = _text(node)
        parts.append(f"{label}: {body}" if label and body else body)
    return " ".join(part for part in parts if part)


def _pubmed_year(article: ET.Element, citation: ET.Element) -> int | None:
    for candidate in ("Journal/JournalIssue/PubDate/Year", "Journal/JournalIssue/PubDate/MedlineDate",
                      "ArticleDate/Year"):
        if (year := parse_year(_text(article.find(candidate)))) is not None:
            return year
    return parse_year(_text(citation.find("DateCompleted/Year")))


def _pubmed_article(node: ET.Element) -> Reference:
    citation = node.find("MedlineCitation")
    if citation is None:
        return Reference()
    article = citation.find("Article")
    if article is None:
        return Reference(pmid=_text(citation.find("PMID")), source_format="pubmed_xml")
    authors = []
    for author in article.iterfind("AuthorList/Author"):
        if (collective := _text(author.find("CollectiveName"))):
            authors.append(collective)
        else:
            given = _text(author.find("ForeName")) or _text(author.find("Initials"))
            authors.append(format_author(_text(author.find("LastName")), given))
    ids = {el.get("IdType"): _text(el) for el in node.iterfind("PubmedData/ArticleIdList/ArticleId")}
    doi = ids.get("doi") or next((_text(el) for el in article.iterfind("ELocationID")
                                  if el.get("EIdType") == "doi"), "")
    pages = _text(article.find("Pagination/MedlinePgn"))
    return Reference(
        title=_text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle")),
        authors=tuple(a for a in authors if a),
        year=_pubmed_year(article, citation),
        journal=_text(article.find("Journal/Title")),
        volume=_text(article.find("Journal/JournalIssue/Volume")),
        issue=_text(article.find("Journal/JournalIssue/Issue")),
        pages=pages,
        doi=doi,
        pmid=_text(citation.find("PMID")),
        pmcid=ids.get("pmc", ""),
        abstract=_pubmed_abstract(article),
        keywords=tuple(_text(k) for k in citation.iterfind("KeywordList/Keyword") if _text(k)),
        mesh_terms=tuple(_text(m) for m in citation.iterfind("MeshHeadingList/MeshHeading/DescriptorName")),
        publication_types=tuple(_text(p) for p in article.iterfind("PublicationTypeList/PublicationType")),
        language=_text(article.find("Language")),
        source_format="pubmed_xml",
    )


def _jats_article(root: ET.Element) -> Reference:
    meta = root.find("front/article-meta")
    journal_meta = root.find("front/journal-meta")
    if meta is None:
        return Reference()
    ids = {el.get("pub-id-type"): _text(el) for el in meta.iterfind("article-id")}
    authors = []
    for contrib in meta.iterfind("contrib-group/contrib"):
        if contrib.get("contrib-type", "author") != "author":
            continue
        name = contrib.find("name")
        if name is not None:
            authors.append(format_author(_text(name.find("surname")), _text(name.find("given-names"))))
        elif (collab := _text(contrib.find("collab"))):
            authors.append(collab)
    year = None
    for date in meta.iterfind("pub-date"):
        if (year := parse_year(_text(date.find("year")))) is not None:
            break
    first, last = _text(meta.find("fpage")), _text(meta.find("lpage"))
    journal = _text(journal_meta.find(".//journal-title")) if journal_meta is not None else ""
    pmcid = ids.get("pmc", "")
    return Reference(
        title=_text(meta.find("title-group/article-title")),
        authors=tuple(a for a in authors if a),
        year=year,
        journal=journal,
        volume=_text(meta.find("volume")),
        issue=_text(meta.find("issue")),
        pages=f"{first}-{last}" if first and last else first or _text(meta.find("elocation-id")),
        doi=ids.get("doi", ""),
        pmid=ids.get("pmid", ""),
        pmcid=f"PMC{pmcid}" if pmcid and not pmcid.upper().startswith("PMC") else pmcid,
        abstract=_text(meta.find("abstract")),
        keywords=tuple(_text(k) for k in meta.iterfind("kwd-group/kwd") if _text(k)),
        publication_types=(root.get("article-type", ""),) if root.get("article-type") else (),
        language=root.get("xml:lang", ""),
        source_format="jats_xml",
    )


def parse_xml_references(raw: bytes, path: Path) -> list[Reference]:
    root = parse_xml_safely(raw, path)
    if root.tag == "PubmedArticleSet":
        refs = [_pubmed_article(node) for node in root.iter("PubmedArticle")]
    elif root.tag == "PubmedArticle":
        refs = [_pubmed_article(root)]
    elif root.tag == "article":
        refs = [_jats_article(root)]
    else:
        raise reject(path, "import_unknown_format",
                     f"XML with root <{root.tag}> is not PubMed or PMC (JATS) article XML.")
    refs = [ref for ref in refs if not ref.is_empty]
    if not refs:
        raise reject(path, "import_no_records", "the XML holds no articles.")
    return refs
