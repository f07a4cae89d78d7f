"""A workspace with one patient on warfarin and simvastatin, a case and a recorded weight and creatinine."""

from __future__ import annotations

import datetime as dt

import pytest

from cdss.cds.service import DecisionSupportService
from cdss.drugs.knowledge import DrugKnowledge
from cdss.records.service import RecordsService
from cdss.records.types import LabResult, Medication, Sex

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="session")
def knowledge() -> DrugKnowledge:
    return DrugKnowledge.load(None)


@pytest.fixture()
def patient_case(workspace):
    records = RecordsService(workspace, today=lambda: TODAY)
    patient = records.patients.create("Test Patient", sex=Sex.MALE, birth_date=dt.date(1950, 1, 1))
    case = records.cases.create(patient.id, "Atrial fibrillation", opened_on=dt.date(2025, 1, 1))
    records.medications.add(patient.id, Medication("warfarin", "3 mg qd"))
    records.medications.add(patient.id, Medication("Simvastatin 20 MG Oral Tablet"))
    records.labs.add(patient.id, LabResult("Body Weight", dt.datetime(2025, 12, 1), value=80, unit="kg",
                                          loinc="29463-7"), case.id)
    records.labs.add(patient.id, LabResult("Serum creatinine", dt.datetime(2025, 12, 1), value=90, unit="µmol/L",
                                          loinc="14682-9"), case.id)
    return records, patient, case


@pytest.fixture()
def cds(workspace, knowledge) -> DecisionSupportService:
    return DecisionSupportService(workspace, actor="dr-test", knowledge=knowledge, today=lambda: TODAY)
