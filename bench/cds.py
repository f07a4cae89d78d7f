"""Decision support on every Synthea patient: import the FHIR bundles, then check each patient's active medications
with the patient's own context from the record (age, sex, weight, creatinine → eGFR/CrCl, potassium, allergies).

    .venv/bin/python bench/cds.py              # all bundles in ../shared/data/synthea-fhir-r4/bundles
    .venv/bin/python bench/cds.py --limit 10   # the first ten

Prints alert counts by severity and kind, alerts per patient (mean/median/max — a figure to keep low without missing
the severe ones), interruptions, medications the drug dictionary does not know, the time per patient check, and two
peers measured in the same run: the same regimens checked with no patient context (alerts and time), and the time to
import a patient.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cdss.cds.knowledge import DrugKnowledge  # noqa: E402
from cdss.cds.service import DecisionSupportService  # noqa: E402
from cdss.cds.survey import survey  # noqa: E402
from cdss.drugs.checker import check  # noqa: E402
from cdss.records.fhir_import import read_fhir_file  # noqa: E402
from cdss.records.service import RecordsService  # noqa: E402
from cdss.workspace import Workspace  # noqa: E402

SHARED = Path(os.environ.get("CDSS_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
BUNDLES = SHARED / "synthea-fhir-r4" / "bundles"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N bundles")
    parser.add_argument("--show-unresolved", action="store_true", help="list the medication names not resolved")
    args = parser.parse_args()
    if not BUNDLES.is_dir():
        print(f"bench/cds.py: Synthea bundles not found at {BUNDLES}; set CDSS_SHARED_DATA.")
        return 1
    files = sorted(BUNDLES.glob("*.json"))[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp) / "ws")
        records = RecordsService(workspace, actor="bench")
        started = time.perf_counter()
        patient_ids: list[int] = []
        for path in files:
            patient_ids += records.save_patient_records(read_fhir_file(path)).added
        import_seconds = time.perf_counter() - started
        started = time.perf_counter()
        knowledge = DrugKnowledge.load(workspace)
        load_seconds = time.perf_counter() - started
        service = DecisionSupportService(workspace, actor="bench", knowledge=knowledge)
        check([], None, knowledge.catalog)  # build the rule index once, as the app does on first use
        report = survey(service, patient_ids)
        workspace.close()

    patients = report.patients
    times = [p.seconds * 1000 for p in patients]
    naive_times = []
    for p in patients:  # the peer: the same regimen with no patient context (no record read, no renal/allergy)
        t = time.perf_counter()
        check(p.drug_ids, None, knowledge.catalog, knowledge.extra_ratings)
        naive_times.append((time.perf_counter() - t) * 1000)
    per = report.per_patient()
    naive_total = sum(p.naive_alerts for p in patients)
    total = sum(len(p.alerts) for p in patients)
    sev = report.alerts_by_severity
    unresolved = report.unresolved_medications
    print(f"Synthea: {len(files)} bundles → {len(patients)} patients imported in {import_seconds:.1f} s "
          f"({import_seconds / max(len(patients), 1) * 1000:.0f} ms/patient); drug knowledge loaded in "
          f"{load_seconds:.2f} s")
    print(f"active medications: {report.active_medications} "
          f"({sum(1 for p in patients if p.active_medications)} patients have any); not in the drug dictionary: "
          f"{sum(unresolved.values())} ({len(unresolved)} distinct names)")
    print(f"patients with eGFR/CrCl from their own creatinine: {sum(p.has_renal_values for p in patients)}")
    print(f"alerts: {total} — contraindicated {sev['contraindicated']}, major {sev['major']}, moderate "
          f"{sev['moderate']}, minor {sev['minor']}; interruptive {report.interruptive}")
    print("alerts by kind: " + ", ".join(f"{k} {n}" for k, n in report.alerts_by_kind.most_common()))
    print(f"alerts per patient: mean {per['mean']:.2f}, median {per['median']:g}, max {per['max']}")
    severe = report.severe_pairs()
    print("severe interaction pairs found: " + (", ".join(f"{k} ×{n}" for k, n in severe.most_common())
                                                 or "none"))
    print(f"peer, no patient context: {naive_total} alerts ({total - naive_total:+d} from the patient context)")
    print(f"time per patient check (record → context → check): p50 {pct(times, 50):.1f} ms, "
          f"p99 {pct(times, 99):.1f} ms, mean {statistics.fmean(times):.1f} ms | peer check without context: p50 "
          f"{pct(naive_times, 50):.2f} ms | ratio {pct(times, 50) / max(pct(naive_times, 50), 1e-6):.0f}x | vs "
          f"import per patient: {statistics.fmean(times) / (import_seconds * 1000 / max(len(patients), 1)):.2f}x")
    if args.show_unresolved:
        print("not resolved: " + "; ".join(f"{name} ×{n}" for name, n in unresolved.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
