"""End to end on the Synthea sample: import every FHIR bundle, then check each patient's active medications with the
patient's own context from the record. The figures bench/cds.py prints must add up, and known pairs must be found."""

from __future__ import annotations

import pytest

from cdss.cds.service import DecisionSupportService
from cdss.cds.survey import survey
from cdss.drugs.knowledge import DrugKnowledge
from cdss.records.fhir_import import read_fhir_file
from cdss.records.service import RecordsService


@pytest.fixture(scope="module")
def synthea_report(shared_data, tmp_path_factory):
    from cdss.workspace import Workspace

    bundles = sorted((shared_data / "synthea-fhir-r4" / "bundles").glob("*.json"))
    if not bundles:
        pytest.skip("no Synthea bundles in the shared data")
    workspace = Workspace.open(tmp_path_factory.mktemp("cds-synthea") / "ws")
    records = RecordsService(workspace, actor="test")
    patient_ids: list[int] = []
    for path in bundles:
        patient_ids += records.patients.save_records(read_fhir_file(path)).added
    service = DecisionSupportService(workspace, knowledge=DrugKnowledge.load(workspace))
    report = survey(service, patient_ids)
    yield bundles, patient_ids, report
    workspace.close()


def test_every_patient_is_checked_and_the_counts_add_up(synthea_report):
    bundles, patient_ids, report = synthea_report
    assert len(patient_ids) == len(bundles)  # one patient per bundle in this sample
    assert [p.patient_id for p in report.patients] == patient_ids
    total = sum(len(p.alerts) for p in report.patients)
    assert sum(report.alerts_by_severity.values()) == total == sum(report.alerts_by_kind.values())
    assert set(report.alerts_by_severity) <= {"contraindicated", "major", "moderate", "minor"}
    per = report.per_patient()
    assert per["max"] == max(len(p.alerts) for p in report.patients) and per["mean"] <= per["max"]
    assert report.interruptive <= total
    # the sample's active medication lists are short: alert volume must stay low
    assert per["mean"] < 1.0
    assert report.active_medications >= 90


def test_medication_names_resolve_and_gaps_are_counted(synthea_report):
    _bundles, _ids, report = synthea_report
    unresolved = report.unresolved_medications
    assert sum(unresolved.values()) <= 0.3 * report.active_medications
    # Synthea's own misspelling is not "corrected" into a drug the doctor did not write
    assert "Simvistatin 10 MG" in unresolved
    resolved = {d for p in report.patients for d in p.drug_ids}
    assert {"hydrochlorothiazide", "metformin", "naproxen", "methotrexate", "carbamazepine"} <= resolved


def test_known_pairs_are_found_and_context_hides_no_interaction(synthea_report):
    _bundles, _ids, report = synthea_report
    both = [p for p in report.patients if {"naproxen", "methotrexate"} <= set(p.drug_ids)]
    assert both, "the sample holds patients on naproxen and methotrexate"
    for patient in both:
        assert any(a.rule_id == "methotrexate_nsaid" for a in patient.alerts)
    # The patient's context may add alerts (renal, allergy, pregnancy) but never removes an interaction.
    from cdss.drugs.catalog import Catalog
    from cdss.drugs.checker import check

    catalog = Catalog.default()
    for patient in report.patients:
        naive = {(a.rule_id, a.drugs) for a in check(patient.drug_ids, None, catalog).alerts
                 if a.kind == "interaction"}
        assert naive <= {(a.rule_id, a.drugs) for a in patient.alerts}
        assert len(patient.alerts) >= patient.naive_alerts


def test_renal_context_comes_from_the_records_creatinine(synthea_report):
    _bundles, _ids, report = synthea_report
    with_renal = [p for p in report.patients if p.has_renal_values]
    assert len(with_renal) >= 5  # Synthea records creatinine (LOINC 38483-4) for its metabolic panels
    assert all(p.seconds < 2.0 for p in report.patients)
