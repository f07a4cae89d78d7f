"""Import references from files or folders: format detected by content, all-or-nothing per file.

Call :func:`import_path`; it never raises for a bad file (that file is listed in ``ImportReport.rejected``) but
does propagate :class:`cdss.errors.Cancelled`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from cdss.errors import ImportRejected
from cdss.literature.importers._common import (
    MAX_FIELD_CHARS,
    MAX_LIST_ITEMS,
    PLAUSIBLE_YEARS,
    decode_text,
    first_text,
    read_capped,
    reject,
)
from cdss.literature.reference import Reference, format_author, normalise_doi, split_author
from cdss.progress import Progress, ensure_progress

FORMATS = ("pubmed_xml", "jats_xml", "medline", "ris", "wos", "bibtex", "csl_json", "pdf")
_KNOWN_SUFFIXES = {".xml", ".nxml", ".nbib", ".medline", ".txt", ".ris", ".bib", ".bibtex", ".json", ".csl",
                   ".pdf", ".ciw", ".enw"}


@dataclass(frozen=True)
class FileResult:
    path: Path
    format: str
    references: tuple[Reference, ...]


@dataclass(frozen=True)
class FileRejection:
    path: Path
    code: str
    message: str


@dataclass(frozen=True)
class ImportReport:
    files: tuple[FileResult, ...] = ()
    rejected: tuple[FileRejection, ...] = ()

    @property
    def references(self) -> list[Reference]:
        return [ref for result in self.files for ref in result.references]


@dataclass(frozen=True)
class DedupeResult:
    added: tuple[Reference, ...] = ()
    # (reference, the dedup key it matched) — the key says which existing record it duplicates.
    duplicates: tuple[tuple[Reference, str], ...] = field(default=())


def detect_format(raw: bytes, path: Path) -> str:
    """Sniff the format from the first bytes; the extension only breaks ties for plain-text formats."""
    if raw.startswith(b"%PDF-") or raw[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    head = first_text(raw).lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        if "<PubmedArticleSet" in head or "<PubmedArticle" in head:
            return "pubmed_xml"
        if re.search(r"<article[\s>]", head) or "JATS" in head:
            return "jats_xml"
        return "xml"
    if head[:1] in "[{":
        return "csl_json"
    if re.search(r"^(FN |PT [A-Z]\s*$)", head, re.MULTILINE) and re.search(r"^(AU|TI) ", head, re.MULTILINE):
        return "wos"
    if re.search(r"^PMID- ?\d", head, re.MULTILINE):
        return "medline"
    if re.search(r"^TY  -", head, re.MULTILINE):
        return "ris"
    if re.search(r"@\s*[A-Za-z]+\s*[{(]", head):
        return "bibtex"
    return "unknown"


def import_file(path: Path) -> FileResult:
    """Parse one file, or raise :class:`ImportRejected` naming it."""
    from cdss.literature.importers.bibtex import parse_bibtex
    from cdss.literature.importers.csl_json import parse_csl_json
    from cdss.literature.importers.pdf import parse_pdf
    from cdss.literature.importers.tagged import parse_medline, parse_ris, parse_wos
    from cdss.literature.importers.xml_formats import parse_xml_references

    raw = read_capped(path)
    if not raw.strip():
        raise reject(path, "import_empty_file", "the file is empty.")
    kind = detect_format(raw, path)
    if kind == "pdf":
        refs = parse_pdf(raw, path)
    elif kind in ("pubmed_xml", "jats_xml", "xml"):
        refs = parse_xml_references(raw, path)
        kind = refs[0].source_format
    elif kind == "unknown":
        raise reject(path, "import_unknown_format", "the file is not PubMed XML, MEDLINE/.nbib, RIS, Web of Science, "
                     "BibTeX, CSL-JSON or PDF.")
    else:
        text = decode_text(raw, path)
        parser = {"medline": parse_medline, "ris": parse_ris, "wos": parse_wos, "bibtex": parse_bibtex,
                  "csl_json": parse_csl_json}[kind]
        refs = parser(text, path)
    for number, ref in enumerate(refs, 1):
        _check_lengths(ref, number, path)
    return FileResult(path=path, format=kind, references=tuple(_tidy(ref) for ref in refs))


def _check_lengths(ref: Reference, number: int, path: Path) -> None:
    """A field longer than any real one (a 50 MB abstract) would bloat the library and slow every search of the
    index for good: the file is refused, naming the record and the field."""
    for name in ("title", "journal", "volume", "issue", "pages", "doi", "pmid", "pmcid", "abstract", "language",
                 "url"):
        value = getattr(ref, name)
        if len(value) > MAX_FIELD_CHARS:
            raise reject(path, "import_field_too_long", f"record {number}: its {name} is {len(value):,} characters "
                         f"long, more than the {MAX_FIELD_CHARS:,} a paper's field may hold.", record=number,
                         field=name)
    for name in ("authors", "keywords", "mesh_terms", "publication_types"):
        values = getattr(ref, name)
        if len(values) > MAX_LIST_ITEMS or any(len(v) > MAX_FIELD_CHARS for v in values):
            raise reject(path, "import_field_too_long", f"record {number}: its {name} list is too large.",
                         record=number, field=name)


def _tidy(ref: Reference) -> Reference:
    """Uniform shapes whatever the source: bare lower-case DOI, "Family, Given" with one space after the comma, and
    no year outside 1500–2100 (a 5,000-digit or negative year is dropped rather than stored: it broke search)."""
    authors = tuple(format_author(*split_author(name)) if "," in name else name for name in ref.authors)
    year = ref.year if ref.year is not None and PLAUSIBLE_YEARS[0] <= ref.year <= PLAUSIBLE_YEARS[1] else None
    return replace(ref, doi=normalise_doi(ref.doi) or ref.doi.strip(), authors=authors, year=year)


def _candidate_files(path: Path) -> list[Path]:
    if path.is_dir():
        # Hidden files and unknown extensions inside folders are skipped so a Zotero storage folder with
        # .DS_Store, snapshots and images does not flood the report; an explicitly named file is always tried.
        return sorted(p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in
                      p.relative_to(path).parts) and p.suffix.lower() in _KNOWN_SUFFIXES)
    return [path]


def import_paths(paths: Iterable[Path], progress: Progress | None = None) -> ImportReport:
    progress = ensure_progress(progress)
    files: list[Path] = []
    rejected: list[FileRejection] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            rejected.append(FileRejection(path, "import_file_missing", f"{path.name}: no such file or folder."))
            continue
        files.extend(_candidate_files(path))
    results: list[FileResult] = []
    for done, file in enumerate(files):
        progress.update(done, len(files), file.name)
        try:
            results.append(import_file(file))
        except ImportRejected as exc:
            rejected.append(FileRejection(file, exc.code, exc.message))
        except RecursionError:
            rejected.append(FileRejection(file, "import_malformed", f"{file.name}: the file is nested too deeply."))
    progress.update(len(files), len(files), "")
    return ImportReport(files=tuple(results), rejected=tuple(rejected))


def import_path(path: Path | str, progress: Progress | None = None) -> ImportReport:
    """Import a file or a folder (recursively). Bad files are reported in ``rejected``, never half-imported."""
    return import_paths([Path(path)], progress)


def dedupe(existing_keys: Iterable[str], refs: Iterable[Reference]) -> DedupeResult:
    """Split ``refs`` into new ones and duplicates (same DOI, PMID or normalised title), also within ``refs``."""
    seen = set(existing_keys)
    added: list[Reference] = []
    duplicates: list[tuple[Reference, str]] = []
    for ref in refs:
        keys = ref.dedup_keys()
        hit = next((key for key in sorted(keys) if key in seen), None)
        if hit is not None:
            duplicates.append((ref, hit))
        else:
            added.append(ref)
            seen.update(keys)
    return DedupeResult(added=tuple(added), duplicates=tuple(duplicates))


__all__ = ["DedupeResult", "FileRejection", "FileResult", "ImportReport", "dedupe", "detect_format", "import_file",
           "import_path", "import_paths"]
