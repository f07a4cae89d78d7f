"""``cdss drugs import-pack``, ``cdss drugs packs`` and ``cdss drugs delete-pack``.

The drugs room's parser calls :func:`register_pack_commands` with its sub-parsers. Packs live in the workspace folder
``drug-packs/``. Heavy work is imported inside the handlers so ``cdss --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cdss.drugs.vocab import PACKS_SUBDIR

_FORMATS = ("ddinter", "ansm", "atc")  # = cdss.drugs.importers.FORMATS, repeated to keep the parser import-free


def register_pack_commands(drugs_subparsers: argparse._SubParsersAction) -> None:
    importer = drugs_subparsers.add_parser(
        "import-pack", help="import an external interaction or ATC source as an additional pack",
        description="Import DDInter CSVs (several files form one pack), the ANSM thesaurus (French JSON or English "
                    "2016 TSV tables) or the WHO ATC/DDD CSV. Re-importing a source replaces its pack.")
    importer.add_argument("--format", required=True, choices=_FORMATS, dest="pack_format")
    importer.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importer.add_argument("--json", action="store_true", help="print the imported pack's summary as JSON")
    importer.set_defaults(func=_cmd_import_pack)

    lister = drugs_subparsers.add_parser("packs", help="list imported packs with their counts, source and licence")
    lister.add_argument("--json", action="store_true")
    lister.set_defaults(func=_cmd_packs)

    deleter = drugs_subparsers.add_parser("delete-pack", help="remove an imported pack")
    deleter.add_argument("name")
    deleter.set_defaults(func=_cmd_delete_pack)


def _store(args: argparse.Namespace):
    from cdss.drugs.packs import PackStore
    from cdss.workspace import Workspace

    return PackStore(Workspace.open(args.workspace).subdir(PACKS_SUBDIR))


def summary_dict(summary) -> dict[str, object]:
    return {"name": summary.name, "format": summary.format, "version": summary.version, "pairs": summary.pairs,
            "drugs": summary.drugs, "atc_codes": summary.atc_codes, "source": summary.source,
            "licence": summary.licence, "imported_at": summary.imported_at, "notes": list(summary.notes)}


def _cmd_import_pack(args: argparse.Namespace) -> int:
    from cdss.drugs.importers import import_pack_into

    store = _store(args)
    pack = import_pack_into(store, args.pack_format, args.paths)
    summary = next(s for s in store.list() if s.name == pack.name)
    if args.json:
        print(json.dumps(summary_dict(summary), ensure_ascii=False))
    else:
        print(f"imported {summary.name} ({summary.version}): {summary.pairs} pairs, {summary.drugs} drugs, "
              f"{summary.atc_codes} ATC codes; licence: {summary.licence}")
    return 0


def _cmd_packs(args: argparse.Namespace) -> int:
    summaries = _store(args).list()
    if args.json:
        print(json.dumps([summary_dict(s) for s in summaries], ensure_ascii=False))
        return 0
    if not summaries:
        print("no imported packs")
    for s in summaries:
        print(f"{s.name:<14} {s.pairs:>7} pairs {s.drugs:>5} drugs {s.atc_codes:>5} ATC  {s.imported_at}  "
              f"{s.version}")
        print(f"{'':<14} source: {s.source}")
        print(f"{'':<14} licence: {s.licence}")
    return 0


def _cmd_delete_pack(args: argparse.Namespace) -> int:
    from cdss.errors import UserError

    if not _store(args).delete(args.name):
        raise UserError("pack_not_found", f"No imported pack named {args.name!r}.", name=args.name)
    print(f"deleted {args.name}")
    return 0
