"""A small, strict BibTeX reader (no dependency): entries, @string macros, "#" concatenation, LaTeX accents.

Text outside entries (Scopus puts "EXPORT DATE" lines there) is ignored as BibTeX itself does. An entry with
unbalanced braces or quotes makes the whole file refused, so nothing half-read is imported.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from cdss.literature.importers._common import MAX_RECORDS_PER_FILE, reject
from cdss.literature.reference import Reference, clean_text, format_author, parse_year

_MONTHS = {m: m.capitalize() for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                         "nov", "dec")}
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b"}
_ACCENT_CMD = re.compile(r"\\([`'^\"~=.]|[cvuH](?=[\s{]))\s*\{?\\?([A-Za-z])\}?")
_SYMBOLS = {r"\&": "&", r"\%": "%", r"\$": "$", r"\_": "_", r"\#": "#", r"\ss": "ß", r"\o": "ø", r"\O": "Ø",
            r"\ae": "æ", r"\AE": "Æ", r"\aa": "å", r"\AA": "Å", r"\l": "ł", r"\L": "Ł", "--": "–", "~": " "}


_FIELD_NAME = re.compile(r"\s*([^=,{}()\"#@]+?)\s*=")


class _Malformed(Exception):
    pass


def latex_to_text(value: str) -> str:
    value = _ACCENT_CMD.sub(lambda m: unicodedata.normalize("NFC", m.group(2) + _ACCENTS[m.group(1)]), value)
    for symbol, replacement in _SYMBOLS.items():
        value = value.replace(symbol, replacement)
    value = re.sub(r"\\(?:textit|textbf|emph|textrm|mathrm)\s*", "", value)
    return clean_text(value.replace("{", "").replace("}", ""))


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def expect(self, chars: str) -> str:
        self.skip_space()
        if self.pos >= len(self.text) or self.text[self.pos] not in chars:
            raise _Malformed(f"expected one of {chars!r} at character {self.pos}")
        self.pos += 1
        return self.text[self.pos - 1]

    def identifier(self) -> str:
        self.skip_space()
        match = re.compile(r"[^\s,={}()\"#]+").match(self.text, self.pos)
        if not match:
            raise _Malformed(f"expected a name at character {self.pos}")
        self.pos = match.end()
        return match.group(0)

    def braced(self) -> str:
        depth, start = 0, self.pos
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            if ch == "\\":
                self.pos += 2
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    self.pos += 1
                    return self.text[start + 1:self.pos - 1]
            self.pos += 1
        raise _Malformed("a '{' is never closed")

    def quoted(self) -> str:
        depth, start = 0, self.pos
        self.pos += 1
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == '"' and depth == 0:
                self.pos += 1
                return self.text[start + 1:self.pos - 1]
            self.pos += 1
        raise _Malformed('a \'"\' is never closed')

    def value(self, macros: dict[str, str]) -> str:
        parts = []
        while True:
            self.skip_space()
            ch = self.text[self.pos:self.pos + 1]
            if ch == "{":
                parts.append(self.braced())
            elif ch == '"':
                parts.append(self.quoted())
            else:
                name = self.identifier()
                parts.append(macros.get(name.lower(), _MONTHS.get(name.lower(), name)))
            # @string macros that each repeat the one before double at every level: 40 lines would reach a
            # terabyte. A value longer than any real field is refused as it grows.
            if sum(len(part) for part in parts) > MAX_VALUE_CHARS:
                raise _Malformed(f"a value grows past {MAX_VALUE_CHARS:,} characters (@string macros expanding)")
            self.skip_space()
            if self.text[self.pos:self.pos + 1] != "#":
                return "".join(parts)
            self.pos += 1


#: Longest field value (after @string expansion) a real BibTeX entry has: an abstract of a few pages.
MAX_VALUE_CHARS = 200_000


def _entries(text: str) -> list[tuple[str, dict[str, str]]]:
    scanner = _Scanner(text)
    macros: dict[str, str] = {}
    entries = []
    while (at := text.find("@", scanner.pos)) != -1:
        scanner.pos = at + 1
        kind = scanner.identifier().lower()
        if kind == "comment":
            continue
        opener = scanner.expect("{(")
        closer = "}" if opener == "{" else ")"
        if kind == "preamble":
            scanner.pos -= 1
            scanner.braced() if opener == "{" else scanner.value(macros)
            continue
        if kind == "string":
            name = scanner.identifier().lower()
            scanner.expect("=")
            macros[name] = scanner.value(macros)
            scanner.expect(closer)
            continue
        key = scanner.identifier()
        fields: dict[str, str] = {}
        while True:
            sep = scanner.expect("," + closer)
            if sep == closer:
                break
            scanner.skip_space()
            if scanner.text[scanner.pos:scanner.pos + 1] == closer:  # trailing comma
                scanner.pos += 1
                break
            # Field names are read leniently up to "=": Scopus writes names like "funding_text\u00a01".
            match = _FIELD_NAME.match(text, scanner.pos)
            if match is None:
                raise _Malformed(f"expected a field name and '=' at character {scanner.pos}")
            scanner.pos = match.end()
            fields[" ".join(match.group(1).split()).lower()] = scanner.value(macros)
        fields.setdefault("id", key)
        entries.append((kind, fields))
        if len(entries) > MAX_RECORDS_PER_FILE:
            raise _Malformed(f"more than {MAX_RECORDS_PER_FILE} entries")
    return entries


def _split_authors(value: str) -> tuple[str, ...]:
    names, depth, current = [], 0, []
    tokens = re.split(r"(\s+and\s+|[{}])", value)
    for token in tokens:
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        if depth == 0 and re.fullmatch(r"\s+and\s+", token or ""):
            names.append("".join(current))
            current = []
        else:
            current.append(token or "")
    names.append("".join(current))
    result = []
    for raw in names:
        name = latex_to_text(raw)
        if not name:
            continue
        stripped = raw.strip()
        if stripped.startswith("{") and stripped.endswith("}") and stripped.count("{") == 1:
            result.append(name)  # {World Health Organization}: a corporate name, never split into given/family
        elif "," in name or " " not in name:
            family, _, given = name.partition(",")
            result.append(format_author(family, given))
        else:
            given, _, family = name.rpartition(" ")
            result.append(format_author(family, given))
    return tuple(result)


def _reference(kind: str, fields: dict[str, str]) -> Reference:
    def get(*names: str) -> str:
        return next((latex_to_text(fields[n]) for n in names if fields.get(n)), "")

    raw_keywords = get("keywords", "author_keywords")
    # Exporters separate keywords with ";" when they can (a keyword may contain a comma), else with ",".
    keywords = [k.strip() for k in raw_keywords.split(";" if ";" in raw_keywords else ",") if k.strip()]
    return Reference(
        title=get("title"),
        authors=_split_authors(fields.get("author", "")),
        year=parse_year(get("year", "date")),
        journal=get("journal", "journaltitle", "booktitle"),
        volume=get("volume"),
        issue=get("number", "issue"),
        pages=get("pages").replace("–", "-"),
        doi=get("doi"),
        pmid=get("pmid", "pubmed_id"),
        pmcid=get("pmcid"),
        abstract=get("abstract"),
        keywords=tuple(keywords),
        mesh_terms=tuple(k.strip() for k in get("mesh", "mesh_terms").split(";") if k.strip()),
        publication_types=(kind,),
        language=get("language"),
        url=get("url"),
        source_format="bibtex",
    )


def parse_bibtex(text: str, path: Path) -> list[Reference]:
    try:
        entries = _entries(text)
    except _Malformed as exc:
        raise reject(path, "import_malformed", f"the BibTeX is malformed ({exc}); fix or export it again.") from exc
    except IndexError as exc:
        raise reject(path, "import_truncated", "the BibTeX file ends in the middle of an entry.") from exc
    refs = [ref for ref in (_reference(kind, f) for kind, f in entries) if not ref.is_empty]
    if not refs:
        raise reject(path, "import_no_records", "no BibTeX entries with a title, DOI or abstract were found.")
    return refs
