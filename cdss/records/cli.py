"""``cdss records …``: list patients and import record files without the GUI.

Handlers import the service and importers themselves so that ``cdss --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

_PAGE = 500


def register(subparsers: argparse._SubParsersAction) -> None:
    records = subparsers.add_parser("records", help="list patients and import patient records")
    sub = records.add_subparsers(dest="records_command", required=True, metavar="ACTION")

    listing = sub.add_parser("list", help="list patients (most recently changed first, or best match first)")
    listing.add_argument("--search", metavar="Q", default=None,
                         help="name, pinyin or initials, identifier, diagnosis, tag or any text")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    listing.set_defaults(func=_cmd_list)

    importing = sub.add_parser("import", help="import patient records (FHIR bundle, CSV, Excel); each file is "
                                              "stored all-or-nothing")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument("--mapping", type=Path, default=None,
                           help="JSON object mapping CSV/Excel column names to record fields")
    importing.add_argument("--json", action="store_true", help="print JSON instead of text")
    importing.set_defaults(func=_cmd_import)


def _service(args: argparse.Namespace):
    from cdss.records.service import RecordsService
    from cdss.workspace import Workspace

    return RecordsService(Workspace.open(args.workspace))


def _cmd_list(args: argparse.Namespace) -> int:
    service = _service(args)
    rows = []
    offset = 0
    while True:
        page = service.list_patients(offset=offset, limit=_PAGE, search=args.search)
        rows += page
        if len(page) < _PAGE:
            break
        offset += _PAGE
    if args.json:
        print(json.dumps([{"patient_id": s.id, "name": s.name, "sex": s.sex.value,
                           "birth_date": s.birth_date.isoformat() if s.birth_date else None,
                           "cases": list(s.case_ids)} for s in rows], ensure_ascii=False))
        return 0
    for s in rows:
        age = "" if s.age is None else f"{s.age}y"
        print(f"{s.id:>6}  {s.name}  {s.sex.value}  {age}  {s.latest_diagnosis or ''}".rstrip())
    print(f"{len(rows)} patient(s)")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from cdss.errors import UserError
    from cdss.records.importers import read_records  # pandas for CSV/Excel: import only when importing

    mapping = None
    if args.mapping is not None:
        try:
            mapping = json.loads(args.mapping.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            print(f"cdss: cannot read the mapping file {args.mapping}: {exc}", file=sys.stderr)
            return 2
        if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                    for k, v in mapping.items()):
            print(f"cdss: the mapping file {args.mapping} must be a JSON object of column name -> field name",
                  file=sys.stderr)
            return 2
    service = _service(args)
    results = []
    failed = False
    for path in args.paths:
        result: dict[str, object] = {"file": str(path), "added": 0, "skipped": [], "error": None}
        try:
            records = read_records(path, mapping=mapping)
            outcome = service.save_patient_records(records)
            result["added"] = len(outcome.added)
            result["patient_ids"] = list(outcome.added)
            result["skipped"] = [{"name": s.name, "source_ref": s.source_ref, "code": s.code, "reason": s.reason}
                                 for s in outcome.skipped]
        except UserError as exc:
            # One bad file is refused whole (nothing from it stored); the other files still import.
            failed = True
            result["error"] = {"code": exc.code, "message": exc.message}
        results.append(result)
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for result in results:
            if result["error"] is not None:
                print(f"cdss: {result['file']}: {result['error']['message']}", file=sys.stderr)  # type: ignore[index]
                continue
            skipped = result["skipped"]
            print(f"{result['file']}: added {result['added']}, skipped {len(skipped)}")  # type: ignore[arg-type]
            for s in skipped:  # type: ignore[attr-defined]
                print(f"  skipped {s['name']}: {s['reason']}")
    return 1 if failed else 0
