"""CSL-JSON (the citation format of Zotero, Mendeley and citeproc): a JSON array of items, or a single item."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cdss.literature.importers._common import MAX_RECORDS_PER_FILE, PLAUSIBLE_YEARS, reject
from cdss.literature.reference import Reference, clean_text, format_author, parse_year
from cdss.textsafe import NumberTooLong, bounded_int, without_lone_surrogates


def _string(value: Any) -> str:
    if isinstance(value, list):  # some exporters write "container-title": ["…"]
        value = value[0] if value else ""
    return clean_text(str(value)) if value is not None else ""




def _year(item: dict[str, Any]) -> int | None:
    for key in ("issued", "published-print", "published-online", "created"):
        date = item.get(key)
        if isinstance(date, dict):
            parts = date.get("date-parts")
            if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
                try:
                    year = int(str(parts[0][0])[:6])  # a 5,000-digit "year" must not reach int()'s digit limit
                except (TypeError, ValueError):
                    year = None
                # only a plausible publication year is kept: a year < 0 or ≥ 2^32 once broke search for good
                if year is not None and PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]:
                    return year
            if (year := parse_year(_string(date.get("raw") or date.get("literal")))) is not None:
                return year
    return None


def _authors(item: dict[str, Any]) -> tuple[str, ...]:
    names = []
    for person in item.get("author") or []:
        if not isinstance(person, dict):
            continue
        if person.get("literal"):
            names.append(_string(person["literal"]))
        else:
            names.append(format_author(_string(person.get("family")), _string(person.get("given"))))
    return tuple(n for n in names if n)


def _reference(item: dict[str, Any]) -> Reference:
    keywords = item.get("keyword") or ""
    keywords = keywords if isinstance(keywords, list) else str(keywords)
    keyword_list = keywords if isinstance(keywords, list) else keywords.split(";" if ";" in keywords else ",")
    kind = _string(item.get("type"))
    return Reference(
        title=_string(item.get("title")),
        authors=_authors(item),
        year=_year(item),
        journal=_string(item.get("container-title")),
        volume=_string(item.get("volume")),
        issue=_string(item.get("issue")),
        pages=_string(item.get("page")),
        doi=_string(item.get("DOI") or item.get("doi")),
        pmid=_string(item.get("PMID") or item.get("pmid")),
        pmcid=_string(item.get("PMCID") or item.get("pmcid")),
        abstract=_string(item.get("abstract")),
        keywords=tuple(k for k in (_string(k) for k in keyword_list) if k),
        publication_types=(kind,) if kind else (),
        language=_string(item.get("language")),
        url=_string(item.get("URL")),
        source_format="csl_json",
    )


def parse_csl_json(text: str, path: Path) -> list[Reference]:
    try:
        data = without_lone_surrogates(json.loads(text, parse_int=bounded_int))
    except NumberTooLong as exc:
        raise reject(path, "import_malformed", f"the JSON holds {exc}; no citation value is that long.") from exc
    except json.JSONDecodeError as exc:
        raise reject(path, "import_malformed", f"the JSON is malformed or truncated (line {exc.lineno}).") from exc
    except RecursionError as exc:
        raise reject(path, "import_malformed", "the JSON is nested too deeply to be CSL-JSON.") from exc
    items = data if isinstance(data, list) else [data] if isinstance(data, dict) else None
    if items is None or not all(isinstance(item, dict) for item in items):
        raise reject(path, "import_unknown_format", "the JSON is not CSL-JSON (an array of citation items).")
    if len(items) > MAX_RECORDS_PER_FILE:
        raise reject(path, "import_too_many_records", f"more than {MAX_RECORDS_PER_FILE} items in one file.")
    refs = [ref for ref in (_reference(item) for item in items) if not ref.is_empty]
    if not refs:
        raise reject(path, "import_no_records", "no CSL-JSON items with a title, DOI or abstract were found.")
    return refs
