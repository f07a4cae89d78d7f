"""``cdss lit …``: import, search, reindex and export the literature library from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    lit = subparsers.add_parser("lit", help="the literature library: import, search, reindex, export")
    lit_sub = lit.add_subparsers(dest="lit_command", required=True, metavar="ACTION")

    imp = lit_sub.add_parser("import", help="import PubMed XML, MEDLINE/.nbib, RIS, BibTeX, CSL-JSON or PDF files "
                                            "(folders are searched recursively)")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.set_defaults(func=_cmd_import)

    find = lit_sub.add_parser("search",
                              help="search the library (words, \"phrases\", title:, author:, year:2015-2020…)")
    find.add_argument("query")
    find.add_argument("--limit", type=int, default=20)
    find.add_argument("--json", action="store_true", help="print hits as JSON")
    find.set_defaults(func=_cmd_search)

    lit_sub.add_parser("reindex", help="rebuild the search index from the library").set_defaults(func=_cmd_reindex)

    evidence = lit_sub.add_parser("evidence", help="papers matching a case's diagnoses, drugs and key terms")
    evidence.add_argument("case_id", type=int, metavar="CASE_ID")
    evidence.add_argument("--limit", type=int, default=10)
    evidence.add_argument("--json", action="store_true", help="print the result as JSON")
    evidence.set_defaults(func=_cmd_evidence)

    link = lit_sub.add_parser("link", help="link a paper to a case (or one entry of it); --remove to unlink")
    link.add_argument("paper_id", type=int, metavar="PAPER_ID")
    link.add_argument("case_id", type=int, metavar="CASE_ID")
    link.add_argument("--entry", type=int, default=None, metavar="ENTRY_ID")
    link.add_argument("--remove", action="store_true")
    link.set_defaults(func=_cmd_link)

    exp = lit_sub.add_parser("export", help="export the whole library")
    exp.add_argument("--format", required=True, choices=("ris", "bibtex", "csl-json"))
    exp.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: standard output)")
    exp.set_defaults(func=_cmd_export)


def _library(args: argparse.Namespace):
    from cdss.literature.library import LiteratureLibrary
    from cdss.workspace import Workspace

    return LiteratureLibrary.for_workspace(Workspace.open(args.workspace))


def _cmd_import(args: argparse.Namespace) -> int:
    summary = _library(args).import_paths(args.paths)
    if args.json:
        print(json.dumps({
            "files": [{"path": str(f.path), "format": f.format, "added": len(f.added_ids), "ids": list(f.added_ids),
                       "duplicates": f.duplicates} for f in summary.files],
            "rejected": [{"path": str(r.path), "code": r.code, "message": r.message} for r in summary.rejected],
        }, ensure_ascii=False))
    else:
        print(f"{summary.added} added, {summary.duplicates} duplicates skipped, {len(summary.files)} files read, "
              f"{len(summary.rejected)} rejected")
        for rejection in summary.rejected:
            print(f"rejected: {rejection.message}", file=sys.stderr)
    return 1 if summary.rejected and not summary.files else 0


def _cmd_search(args: argparse.Namespace) -> int:
    from cdss.literature.search import search

    if args.limit < 1:
        print("cdss: --limit must be at least 1", file=sys.stderr)
        return 2
    results = search(_library(args).index(), args.query, limit=args.limit, facets=False, snippets=False,
                     suggest=not args.json)
    if args.json:
        print(json.dumps([{"id": h.id, "title": h.title, "year": h.year, "journal": h.journal, "pmid": h.pmid,
                           "doi": h.doi, "score": round(h.score, 4)} for h in results.hits], ensure_ascii=False))
        return 0
    for hit in results.hits:
        print(f"[{hit.id}] {hit.title} ({hit.year or 'n.d.'}) {hit.journal}".rstrip())
    if not results.hits:
        print("no matches" + (f"; did you mean: {results.suggestion}" if results.suggestion else ""))
    return 0


def _cmd_reindex(args: argparse.Namespace) -> int:
    count = _library(args).reindex()
    print(f"reindexed {count} references")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from cdss.literature.exporters import export_references

    library = _library(args)
    text = export_references([ref for _id, ref in library.items()], args.format)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"cdss: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"wrote {args.output}")
    return 0


def _cmd_evidence(args: argparse.Namespace) -> int:
    from cdss.literature.evidence import find_evidence
    from cdss.records.service import RecordsService

    library = _library(args)
    result = find_evidence(library, RecordsService(library.workspace), args.case_id, limit=max(1, args.limit))
    if args.json:
        print(json.dumps({
            "terms": [{"kind": t.kind, "text": t.text} for t in result.terms],
            "linked": [{"link_id": link.id, "id": link.reference_id, "title": link.paper_title,
                        "entry_id": link.entry_id} for link in result.linked],
            "hits": [{"id": h.id, "title": h.title, "year": h.year, "journal": h.journal, "score": round(h.score, 4),
                      "matched": [{"kind": t.kind, "text": t.text} for t in h.matched]} for h in result.hits],
        }, ensure_ascii=False))
        return 0
    print("searched for: " + ("; ".join(f"{t.kind} {t.text}" for t in result.terms) or "nothing (no diagnoses, "
                                                                                          "drugs or key terms)"))
    for link in result.linked:
        print(f"linked [{link.reference_id}] {link.paper_title}")
    for hit in result.hits:
        reasons = ", ".join(t.text for t in hit.matched)
        print(f"[{hit.id}] {hit.title} ({hit.year or 'n.d.'}) — matches {reasons}")
    return 0


def _cmd_link(args: argparse.Namespace) -> int:
    links = _library(args).links
    if args.remove:
        doomed = [link for link in links.for_case(args.case_id)
                  if link.reference_id == args.paper_id and link.entry_id == args.entry]
        for link in doomed:
            links.unlink(link.id)
        print(f"removed {len(doomed)} link(s)")
        return 0 if doomed else 1
    link = links.link(args.paper_id, args.case_id, args.entry)
    print(f"linked paper {link.reference_id} to case {link.case_id}" + (f" entry {link.entry_id}" if link.entry_id
                                                                      else ""))
    return 0
