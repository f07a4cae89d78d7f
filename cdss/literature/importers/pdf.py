"""PDF full text (pypdf): a Reference built from document metadata and the first page's text.

Scanned PDFs without a text layer still import when their metadata has a title; otherwise they are refused
with a message that says why (OCR is out of scope).
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from cdss.literature.importers._common import reject
from cdss.literature.reference import Reference, clean_text, normalise_doi

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)
_PMID = re.compile(r"\bPMID:?\s*(\d{5,9})\b")
_PMCID = re.compile(r"\b(PMC\d{5,9})\b")
# Reading a whole 900-page book is slow and adds little to search quality over its opening pages.
MAX_PAGES = 40
MAX_TEXT_CHARS = 200_000


def _first_lines_title(text: str) -> str:
    for line in text.splitlines()[:15]:
        candidate = clean_text(line)
        # Skip running heads, journal banners and "doi:" lines; a title is a sentence-sized line of words.
        if 20 <= len(candidate) <= 300 and not _DOI.search(candidate) and sum(c.isalpha() for c in candidate) > 12:
            return candidate
    return ""


def parse_pdf(raw: bytes, path: Path) -> list[Reference]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every slightly odd xref table
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            raise reject(path, "import_pdf_encrypted", "the PDF is password-protected; save an unprotected copy.")
        meta = reader.metadata or {}
        texts: list[str] = []
        for page in reader.pages[:MAX_PAGES]:
            texts.append(page.extract_text() or "")
            if sum(map(len, texts)) > MAX_TEXT_CHARS:
                break
    except PyPdfError as exc:
        raise reject(path, "import_pdf_unreadable", f"the PDF is damaged or truncated ({exc}).") from exc
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise reject(path, "import_pdf_unreadable", "the PDF is damaged and its text cannot be read.") from exc
    text = "\n".join(texts)[:MAX_TEXT_CHARS]
    meta_title = clean_text(str(meta.get("/Title") or ""))
    title = meta_title if len(meta_title) > 3 and not meta_title.lower().endswith((".doc", ".docx", ".pdf")) \
        else _first_lines_title(text)
    if not title and not text.strip():
        raise reject(path, "import_pdf_no_text",
                     "the PDF has no text layer (probably a scan) and no title in its metadata.")
    doi_match = _DOI.search(text) or _DOI.search(str(meta.get("/Subject") or ""))
    pmid_match, pmc_match = _PMID.search(text), _PMCID.search(text)
    author = clean_text(str(meta.get("/Author") or ""))
    return [Reference(
        title=title or path.stem,
        authors=tuple(a.strip() for a in re.split(r";| and ", author) if a.strip()),
        doi=normalise_doi(doi_match.group(1)) if doi_match else "",
        pmid=pmid_match.group(1) if pmid_match else "",
        pmcid=pmc_match.group(1) if pmc_match else "",
        abstract=clean_text(text)[:20_000],
        source_format="pdf",
    )]
