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
                           help="JSON object {\"column\": \"field\"} or a two-column CSV (column,field) mapping "
                                "CSV/Excel column names to record fields")
    importing.add_argument("--json", action="store_true", help="print JSON instead of text")
    importing.set_defaults(func=_cmd_import)


    export = subparsers.add_parser("export", help="export a case or a patient's cases to PDF, or a case to FHIR")
    export_sub = export.add_subparsers(dest="export_command", required=True, metavar="FORMAT")
    pdf = export_sub.add_parser("pdf", help="a case (ID or case:ID) or all cases of a patient (patient:ID) as PDF")
    pdf.add_argument("target", metavar="CASE_ID|patient:PATIENT_ID")
    pdf.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    pdf.add_argument("--deidentified", action="store_true", help="remove identifiers and shift dates")
    pdf.add_argument("--language", choices=("zh", "en"), default="zh", help="language of the PDF's labels")
    pdf.set_defaults(func=_cmd_export_pdf)
    fhir = export_sub.add_parser("fhir", help="a case as a FHIR R4 document Bundle (JSON)")
    fhir.add_argument("case_id", type=int, metavar="CASE_ID")
    fhir.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.json")
    fhir.set_defaults(func=_cmd_export_fhir)


def _service(args: argparse.Namespace):
    from cdss.records.service import RecordsService
    from cdss.workspace import Workspace

    return RecordsService(Workspace.open(args.workspace))


def _cmd_list(args: argparse.Namespace) -> int:
    service = _service(args)
    rows = []
    offset = 0
    while True:
        page = service.patients.page(offset=offset, limit=_PAGE, search=args.search)
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
    from cdss.records.tabular_fields import load_mapping_file

    mapping = None
    if args.mapping is not None:
        try:
            mapping = load_mapping_file(args.mapping)
        except UserError as exc:
            # A usage error (exit 2), worded for the command line: which file, then what is wrong with it.
            reason = exc.params.get("reason") if exc.code in ("mapping_unreadable", "mapping_not_json") else None
            print(f"cdss: cannot read the mapping file {args.mapping}: {reason or exc.message}", file=sys.stderr)
            return 2
    service = _service(args)
    results = []
    failed = False
    for path in args.paths:
        result: dict[str, object] = {"file": str(path), "added": 0, "skipped": [], "error": None}
        try:
            records = read_records(path, mapping=mapping)
            outcome = service.patients.save_records(records)
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


def _parse_target(target: str) -> tuple[str, int]:
    kind, _, number = target.rpartition(":")
    kind = kind or "case"
    if kind not in ("case", "patient") or not number.isdigit():
        raise SystemExit(f"cdss export: '{target}' is not CASE_ID, case:ID or patient:ID")
    return kind, int(number)


def _patient_and_cases(service, kind: str, number: int):
    """The patient and the cases to export: one case, or every case of a patient."""
    if kind == "patient":
        patient = service.patients.get(number)
        return patient, list(patient.cases)
    patient = service.patients.get(service.cases.patient_of(number))
    return patient, [c for c in patient.cases if c.id == number]


def _cmd_export_pdf(args: argparse.Namespace) -> int:
    from cdss.records.attachments import AttachmentStore
    from cdss.records.deid_secret import workspace_secret
    from cdss.records.pdf_report import export_case_pdf
    from cdss.records.service import RecordsService
    from cdss.workspace import Workspace

    kind, number = _parse_target(args.target)
    workspace = Workspace.open(args.workspace)
    patient, cases = _patient_and_cases(RecordsService(workspace), kind, number)
    secret = workspace_secret(workspace) if args.deidentified else None
    out = export_case_pdf(patient, cases, args.output, attachments=AttachmentStore.of(workspace),
                          deidentified=args.deidentified, secret=secret, labels_language=args.language)
    print(out)
    return 0


def _cmd_export_fhir(args: argparse.Namespace) -> int:
    from cdss.records.fhir_export import write_case_bundle

    service = _service(args)
    patient, cases = _patient_and_cases(service, "case", args.case_id)
    print(write_case_bundle(args.output, patient, cases[0]))
    return 0
