"""Write references as RIS, BibTeX or CSL-JSON; each output re-imports to the same fields (see the tests)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Literal

from cdss.errors import UserError
from cdss.literature.reference import Reference, split_author

ExportFormat = Literal["ris", "bibtex", "csl-json"]
_RIS_TYPES = {"journal article": "JOUR", "article": "JOUR", "review": "JOUR", "book": "BOOK", "chapter": "CHAP",
              "inproceedings": "CONF", "thesis": "THES", "phdthesis": "THES", "report": "RPRT"}
_BIBTEX_SPECIAL = re.compile(r"([&%$#_])")


def _ris_type(ref: Reference) -> str:
    for kind in ref.publication_types:
        if re.fullmatch(r"[A-Z]{3,5}", kind):
            return kind
        if (mapped := _RIS_TYPES.get(kind.lower())) is not None:
            return mapped
    return "JOUR"


def to_ris(refs: Iterable[Reference]) -> str:
    lines: list[str] = []
    for ref in refs:
        lines.append(f"TY  - {_ris_type(ref)}")
        fields: list[tuple[str, str]] = [("TI", ref.title)]
        fields += [("AU", author) for author in ref.authors]
        fields += [("PY", str(ref.year) if ref.year else ""), ("JO", ref.journal), ("VL", ref.volume),
                   ("IS", ref.issue)]
        start, _, end = ref.pages.partition("-")
        fields += [("SP", start.strip()), ("EP", end.strip()), ("DO", ref.doi), ("AB", ref.abstract)]
        fields += [("KW", kw) for kw in ref.keywords]
        fields += [("LA", ref.language), ("UR", ref.url)]
        if ref.pmid:
            # PubMed's own RIS convention: accession number plus the database name.
            fields += [("AN", ref.pmid), ("DB", "PubMed")]
        if ref.pmcid:
            fields.append(("C2", ref.pmcid))
        lines += [f"{tag}  - {' '.join(value.split())}" for tag, value in fields if value]
        lines += ["ER  - ", ""]
    return "\n".join(lines)


def _bibtex_escape(value: str) -> str:
    value = " ".join(value.split()).replace("\\", "").replace("{", "").replace("}", "")
    return _BIBTEX_SPECIAL.sub(r"\\\1", value)


def _bibtex_key(ref: Reference, used: set[str]) -> str:
    family = split_author(ref.authors[0])[0] if ref.authors else "ref"
    stem = re.sub(r"[^A-Za-z0-9]", "", family) or "ref"
    key = base = f"{stem}{ref.year or ''}"
    suffix = 0
    while key in used:
        suffix += 1
        key = f"{base}{chr(ord('a') + suffix - 1) if suffix <= 26 else suffix}"
    used.add(key)
    return key


def to_bibtex(refs: Iterable[Reference]) -> str:
    used: set[str] = set()
    entries = []
    for ref in refs:
        kind = next((k.lower() for k in ref.publication_types if k.lower() in ("article", "book", "inproceedings",
                                                                                "incollection", "phdthesis", "misc")),
                    "article")
        # A name without a comma (a group, or a Chinese name) is braced so it is not split into given/family.
        authors = " and ".join(_bibtex_escape(a) if "," in a else f"{{{_bibtex_escape(a)}}}" for a in ref.authors)
        fields = [("title", ref.title), ("author", authors),
                  ("year", str(ref.year) if ref.year else ""), ("journal", ref.journal), ("volume", ref.volume),
                  ("number", ref.issue), ("pages", ref.pages.replace("-", "--")), ("doi", ref.doi),
                  ("pmid", ref.pmid), ("pmcid", ref.pmcid), ("abstract", ref.abstract),
                  ("keywords", "; ".join(ref.keywords)), ("mesh", "; ".join(ref.mesh_terms)),
                  ("language", ref.language), ("url", ref.url)]
        body = ",\n".join(f"  {name} = {{{value if name in ('url', 'author') else _bibtex_escape(value)}}}"
                          for name, value in fields if value)
        entries.append(f"@{kind}{{{_bibtex_key(ref, used)},\n{body}\n}}\n")
    return "\n".join(entries)


def _csl_item(index: int, ref: Reference) -> dict[str, object]:
    item: dict[str, object] = {"id": f"ref{index}", "type": "article-journal", "title": ref.title}
    authors = []
    for name in ref.authors:
        family, given = split_author(name)
        authors.append({"family": family, "given": given} if given else {"literal": family})
    optional: dict[str, object] = {
        "author": authors, "container-title": ref.journal, "volume": ref.volume, "issue": ref.issue,
        "page": ref.pages, "DOI": ref.doi, "PMID": ref.pmid, "PMCID": ref.pmcid, "abstract": ref.abstract,
        "keyword": "; ".join(ref.keywords), "language": ref.language, "URL": ref.url,
    }
    if ref.year:
        optional["issued"] = {"date-parts": [[ref.year]]}
    item.update({key: value for key, value in optional.items() if value})
    return item


def to_csl_json(refs: Iterable[Reference]) -> str:
    return json.dumps([_csl_item(i, ref) for i, ref in enumerate(refs, 1)], ensure_ascii=False, indent=2)


def export_references(refs: Iterable[Reference], fmt: str) -> str:
    writers = {"ris": to_ris, "bibtex": to_bibtex, "csl-json": to_csl_json}
    if fmt not in writers:
        raise UserError("literature_bad_export_format", f"Unknown export format “{fmt}”; use ris, bibtex or csl-json.",
                        format=fmt)
    return writers[fmt](refs)
