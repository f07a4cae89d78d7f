"""Decision support on every Synthea patient: import the FHIR bundles, then check each patient's active medications
with the patient's own context from the record (age, sex, weight, creatinine → eGFR/CrCl, potassium, allergies).

    .venv/bin/python bench/cds.py              # all bundles in ../shared/data/synthea-fhir-r4/bundles
    .venv/bin/python bench/cds.py --limit 10   # the first ten

Prints alert counts by severity and kind, alerts per patient (mean/median/max — a figure to keep low without missing
the severe ones), interruptions, medications the drug dictionary does not know, the time per patient check, and two
peers measured in the same run: the same regimens checked with no patient context (alerts and time), and the time to
import a patient. Then dose-range alerts (how many active medications carry a dose, and the dose alerts found), and
the time from Enter on a prescription in the Medications tab to the alert shown, driven through the real widgets
offscreen (``--enter-runs``), next to the same check called directly as the peer.
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

from cdss.cds.service import DecisionSupportService  # noqa: E402
from cdss.cds.survey import survey  # noqa: E402
from cdss.drugs.checker import check  # noqa: E402
from cdss.drugs.knowledge import DrugKnowledge  # noqa: E402
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
    parser.add_argument("--enter-runs", type=int, default=40, help="prescriptions timed from Enter to the alert")
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
            patient_ids += records.patients.save_records(read_fhir_file(path)).added
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
    dose_alerts = report.alerts_by_kind.get("dose", 0)
    print(f"dose-range: {report.doses_given} of {report.active_medications} active medications carry a dose in the "
          f"record (Synthea writes few); dose alerts {dose_alerts}")
    if args.show_unresolved:
        print("not resolved: " + "; ".join(f"{name} ×{n}" for name, n in unresolved.most_common()))
    demo_doses()
    if args.enter_runs > 0:
        enter_to_alert(args.enter_runs)
    return 0


def demo_doses() -> None:
    """The demo workspace's patients carry doses as doctors write them: the dose check's findings there."""
    from cdss.records.demo import seed

    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp) / "demo")
        seed(workspace)
        service = DecisionSupportService(workspace, actor="bench")
        ids = [p.id for p in RecordsService(workspace).patients.page(0, 1000)]
        started = time.perf_counter()
        report = survey(service, ids)
        seconds = time.perf_counter() - started
        workspace.close()
    dose_alerts = [a for p in report.patients for a in p.alerts if a.kind == "dose"]
    print(f"demo workspace: {len(report.patients)} patients, {report.doses_given} of {report.active_medications} "
          f"active medications with a dose; dose alerts {len(dose_alerts)}"
          + (": " + "; ".join(a.title for a in dose_alerts[:6]) if dose_alerts else "")
          + f" (survey {seconds:.1f} s)")


def enter_to_alert(runs: int) -> None:
    """Time Enter in the Medications tab → the interrupting dialog shown (and the status line for a dose alert),
    offscreen through the real widgets, with the direct service call as the peer."""
    import datetime as dt

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from cdss.app import build_main_window
    from cdss.records.types import Medication, Sex

    with tempfile.TemporaryDirectory() as tmp:
        app, window = build_main_window(Path(tmp) / "ws", language="en")
        window.show()
        records = RecordsService(window.ctx.workspace)
        patient = records.patients.create("Bench Patient", sex=Sex.MALE, birth_date=dt.date(1950, 1, 1))
        case = records.cases.create(patient.id, "Bench case", opened_on=dt.date(2026, 11, 1))
        records.medications.add(patient.id, Medication("simvastatin", "40 mg qn"))
        page = window.room_pages["records"]
        page.open_patient(patient.id)
        page._select_case(case.id)
        panel = page.medications_panel
        page.tabs.setCurrentWidget(panel)

        def wait(condition, seconds: float = 20) -> bool:
            deadline = time.perf_counter() + seconds
            while time.perf_counter() < deadline:
                app.processEvents()
                if condition():
                    return True
                time.sleep(0.0005)
            return False

        wait(lambda: panel.case_context is not None and panel.search_index is not None)
        timings: dict[str, list[float]] = {"interaction": [], "dose": []}
        cases = [("interaction", "clarithromycin", "500 mg bid"), ("dose", "loratadine", "0.5 g bid")]
        for i in range(runs):
            kind, name, dose = cases[i % 2]
            panel.override_dialog = None
            panel.search_box.setText(name)
            panel.dose_box.setText(dose)
            started = time.perf_counter()
            QTest.keyClick(panel.dose_box, Qt.Key.Key_Return)
            shown = wait(lambda: panel.override_dialog is not None and panel.override_dialog.isVisible())
            if shown:
                timings[kind].append((time.perf_counter() - started) * 1000)
                panel.override_dialog.reject()  # heeded: nothing is prescribed, the next run starts the same
            wait(lambda: window.ctx.tasks.pending == 0)
        service = panel._service()
        direct = []
        for i in range(runs):
            _kind, name, dose = cases[i % 2]
            t = time.perf_counter()
            service.check_new_medication(patient.id, name, dose=dose)
            direct.append((time.perf_counter() - t) * 1000)
        for kind, values in timings.items():
            if values:
                print(f"Enter → interrupting {kind} alert shown (offscreen, {len(values)} runs): p50 "
                      f"{pct(values, 50):.0f} ms, p99 {pct(values, 99):.0f} ms")
        print(f"  peer: the same check called directly (record → context → check, no UI): p50 {pct(direct, 50):.0f} ms,"
              f" p99 {pct(direct, 99):.0f} ms")
        window.close()
        window.ctx.tasks.wait_all()
        window.ctx.workspace.close()


if __name__ == "__main__":
    raise SystemExit(main())
