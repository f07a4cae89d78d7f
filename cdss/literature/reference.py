"""The bibliographic record every importer produces and every exporter and the index consume.

``Reference`` is deliberately storage-agnostic: the SQLite store (:mod:`cdss.literature.store`) keeps it as
:meth:`Reference.to_dict` JSON next to the columns it queries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

_DOI_PREFIXES = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DOI_SHAPE = re.compile(r"^10\.\d{4,9}/\S+$")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold_width(text: str) -> str:
    """Full-width ASCII (common in Chinese exports, e.g. ＡＩＤＳ，) → half-width; NFKC does exactly that."""
    return unicodedata.normalize("NFKC", text)


def normalise_doi(doi: str | None) -> str:
    """Lower-cased bare DOI ("10.1000/xyz"), or "" when the value is not DOI-shaped."""
    if not doi:
        return ""
    value = _DOI_PREFIXES.sub("", fold_width(doi).strip()).strip().rstrip(".;,").lower()
    return value if _DOI_SHAPE.match(value) else ""


def normalise_title(title: str | None) -> str:
    """Title folded for duplicate detection: width-folded, lower-case, punctuation and spaces removed."""
    if not title:
        return ""
    return _NON_WORD.sub("", fold_width(title).casefold())


@dataclass(frozen=True)
class Reference:
    """One paper. ``authors`` are "Family, Given" strings; multi-valued fields are tuples so the object hashes."""

    title: str = ""
    authors: tuple[str, ...] = ()
    year: int | None = None
    journal: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    abstract: str = ""
    keywords: tuple[str, ...] = ()
    mesh_terms: tuple[str, ...] = ()
    publication_types: tuple[str, ...] = ()
    language: str = ""
    url: str = ""
    source_format: str = ""
    tags: tuple[str, ...] = field(default=())

    def dedup_keys(self) -> frozenset[str]:
        """Keys that identify the same paper across sources: "doi:…", "pmid:…", "title:…"."""
        keys = set()
        if doi := normalise_doi(self.doi):
            keys.add(f"doi:{doi}")
        if self.pmid.strip():
            keys.add(f"pmid:{self.pmid.strip()}")
        # Very short titles ("Editorial", "Reply") would merge unrelated papers, so they are not a key.
        if len(title := normalise_title(self.title)) >= 12:
            keys.add(f"title:{title}")
        if not keys and (body := normalise_title(self.abstract)[:300]):
            # Last resort for records with no identifier or usable title (bare RIS notes), so re-importing the
            # same file does not add them again.
            keys.add(f"abstract:{body}")
        if not keys and (self.title or self.authors):
            # A short title with no identifier or abstract ("Reply", a conference note): the whole citation is the
            # key, so the same record imported twice is one paper while two letters called "Reply" stay two.
            first_author = normalise_title(self.authors[0]) if self.authors else ""
            keys.add(f"cite:{normalise_title(self.title)}|{first_author}|{self.year or ''}|"
                     f"{normalise_title(self.journal)}")
        return frozenset(keys)

    @property
    def is_empty(self) -> bool:
        return not (self.title or self.doi or self.pmid or self.abstract or self.authors)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {key: list(value) if isinstance(value, tuple) else value for key, value in data.items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reference:
        """Inverse of :meth:`to_dict`; unknown keys are ignored so older stores stay readable."""
        kwargs: dict[str, Any] = {}
        for spec in fields(cls):
            if spec.name not in data or data[spec.name] is None and spec.name != "year":
                continue
            value = data[spec.name]
            if isinstance(value, list):
                value = tuple(str(item) for item in value)
            kwargs[spec.name] = value
        return cls(**kwargs)

    def with_changes(self, **changes: Any) -> Reference:
        return replace(self, **changes)


def clean_text(value: str | None) -> str:
    """Collapse runs of whitespace (tagged formats wrap long fields over several lines)."""
    return " ".join(value.split()) if value else ""


def parse_year(value: str | None) -> int | None:
    """First plausible 4-digit year in a date string ("2002 Sep", "1948/07//", "2014-03-02")."""
    if not value:
        return None
    match = re.search(r"(1[5-9]\d\d|20\d\d)", value)
    return int(match.group(1)) if match else None


def format_author(family: str, given: str = "") -> str:
    family, given = clean_text(family), clean_text(given)
    if family and given:
        return f"{family}, {given}"
    return family or given


def split_author(name: str) -> tuple[str, str]:
    """ "Family, Given" → (family, given); a name without a comma is treated as all family name."""
    family, _, given = name.partition(",")
    return family.strip(), given.strip()
