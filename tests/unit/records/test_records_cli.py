"""``cdss records list`` and ``cdss records import`` through the real CLI entry point and the real importers."""

from __future__ import annotations

import datetime as dt
import json

from cdss.cli import main
from cdss.records.service import RecordsService
from cdss.records.types import Case, Entry, EntryKind, Identifier, PatientRecord, Sex
from cdss.workspace import Workspace


def _record(name: str, ref: str) -> PatientRecord:
    return PatientRecord(
        name=name,
        sex=Sex.FEMALE,
        birth_date=dt.date(1970, 1, 2),
        source_ref=ref,
        identifiers=(Identifier("mrn", ref),),
        cases=(
            Case(
                "Clinic",
                dt.date(2025, 1, 1),
                entries=(Entry(EntryKind.DIAGNOSIS, dt.datetime(2025, 1, 1, 9), "肺炎", "J18.9"),),
            ),
        ),
    )


def _bundle(*patients: tuple[str, str, str]) -> dict:
    """A small synthetic FHIR R4 collection bundle: each patient with one encounter and one ICD-10 condition."""
    entries = []
    for pid, name, diagnosis in patients:
        entries += [
            {
                "fullUrl": f"urn:uuid:{pid}",
                "resource": {
                    "resourceType": "Patient",
                    "id": pid,
                    "name": [{"text": name}],
                    "gender": "female",
                    "birthDate": "1961-02-03",
                    "identifier": [{"system": "urn:oid:1.2.3", "value": f"ID-{pid}"}],
                },
            },
            {
                "fullUrl": f"urn:uuid:enc-{pid}",
                "resource": {
                    "resourceType": "Encounter",
                    "id": f"enc-{pid}",
                    "status": "finished",
                    "subject": {"reference": f"urn:uuid:{pid}"},
                    "period": {"start": "2025-01-10T09:00:00"},
                },
            },
            {
                "fullUrl": f"urn:uuid:cond-{pid}",
                "resource": {
                    "resourceType": "Condition",
                    "id": f"cond-{pid}",
                    "subject": {"reference": f"urn:uuid:{pid}"},
                    "encounter": {"reference": f"urn:uuid:enc-{pid}"},
                    "recordedDate": "2025-01-10",
                    "code": {
                        "text": diagnosis,
                        "coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "J18.9"}],
                    },
                },
            },
        ]
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def test_list_json(tmp_path, capsys):
    root = tmp_path / "ws"
    ws = Workspace.open(root)
    service = RecordsService(ws)
    pid = service.patients.save_record(_record("张三", "p1"))
    service.patients.create("John Doe")
    ws.close()
    assert main(["--workspace", str(root), "records", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2
    zhang = next(r for r in rows if r["patient_id"] == pid)
    assert zhang["name"] == "张三" and zhang["sex"] == "female" and zhang["birth_date"] == "1970-01-02"
    assert len(zhang["cases"]) == 1
    assert main(["--workspace", str(root), "records", "list", "--search", "zs", "--json"]) == 0
    assert [r["patient_id"] for r in json.loads(capsys.readouterr().out)] == [pid]
    assert main(["--workspace", str(root), "records", "list", "--search", "肺炎"]) == 0
    out = capsys.readouterr().out
    assert "张三" in out and "1 patient(s)" in out


def test_import_fhir_bundle_reports_added_skipped_and_refused_files(tmp_path, capsys):
    root = tmp_path / "ws"
    good = tmp_path / "good.json"
    good.write_text(
        json.dumps(_bundle(("p1", "王芳", "社区获得性肺炎"), ("p2", "Mary Smith", "Pneumonia")), ensure_ascii=False),
        encoding="utf-8",
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "fhir"}', encoding="utf-8")
    assert main(["--workspace", str(root), "records", "import", str(good), str(bad), "--json"]) == 1
    first = json.loads(capsys.readouterr().out)
    assert [r["added"] for r in first] == [2, 0]
    assert first[0]["error"] is None and first[1]["error"]["code"] == "json_not_fhir"

    assert main(["--workspace", str(root), "records", "import", str(good)]) == 0  # the same file again
    out = capsys.readouterr().out
    assert "added 0, skipped 2" in out and "imported before" in out

    assert main(["--workspace", str(root), "records", "list", "--search", "肺炎", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in found] == ["王芳"] and len(found[0]["cases"]) == 1
    ws = Workspace.open(root)
    assert RecordsService(ws).patients.count() == 2
    ws.close()


def test_import_with_a_bad_mapping_is_a_usage_error(tmp_path, capsys):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_bundle(("p1", "王芳", "肺炎"))), encoding="utf-8")
    base = ["--workspace", str(tmp_path / "ws"), "records", "import", str(good), "--mapping"]
    assert main([*base, str(tmp_path / "nope.json")]) == 2
    assert "cannot read the mapping file" in capsys.readouterr().err
    wrong = tmp_path / "mapping.json"
    wrong.write_text("[1, 2]", encoding="utf-8")
    assert main([*base, str(wrong)]) == 2
    assert "must be a JSON object" in capsys.readouterr().err
    mapping = tmp_path / "ok.json"
    mapping.write_text('{"姓名": "name"}', encoding="utf-8")
    assert main([*base, str(mapping)]) == 0  # a mapping is accepted (and unused) for a FHIR file


def test_export_pdf_and_fhir_from_the_command_line(tmp_path, capsys):
    import datetime as dt
    import json as _json
    import shutil
    import subprocess

    from cdss.cli import main
    from cdss.records.service import RecordsService
    from cdss.records.types import EntryKind
    from cdss.workspace import Workspace

    ws = Workspace.open(tmp_path / "ws")
    service = RecordsService(ws)
    patient = service.patients.create("赵六", birth_date=dt.date(1970, 5, 1), phone="13812345678")
    case = service.cases.create(patient.id, "高血压", opened_on=dt.date(2024, 3, 1))
    service.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "原发性高血压 essential hypertension", icd10="I10",
                      occurred_at=dt.datetime(2024, 3, 1, 9, 0))
    ws.close()
    root = str(tmp_path / "ws")

    assert main(["--workspace", root, "export", "fhir", str(case.id), "-o", str(tmp_path / "c.json")]) == 0
    bundle = _json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert bundle["type"] == "document" and bundle["entry"][0]["resource"]["resourceType"] == "Composition"

    code = main(["--workspace", root, "export", "pdf", f"patient:{patient.id}", "-o", str(tmp_path / "p.pdf"),
                 "--deidentified"])
    if code != 0:  # only acceptable reason: no CJK font on this machine, and the message must say so
        assert "font" in capsys.readouterr().err.lower()
        return
    assert (tmp_path / "p.pdf").read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "p.pdf"), "-"], capture_output=True, text=True).stdout
        assert "I10" in text and "赵六" not in text and "13812345678" not in text
