"""Demo patients: enough of them, deterministic, bilingual, and clinically consistent for the drug checker."""

from __future__ import annotations

import datetime as dt
import re

from cdss.records import demo
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind

TODAY = dt.date(2025, 3, 15)


def test_demo_records_are_deterministic_and_bilingual():
    first, second = demo.demo_records(TODAY), demo.demo_records(TODAY)
    assert first == second
    assert len(first) >= 30
    chinese = [r for r in first if re.search(r"[\u4e00-\u9fff]", r.name)]
    assert len(chinese) == len(first) // 2
    assert all(1 <= len(r.cases) <= 3 for r in first)


def test_demo_content_is_clinically_consistent():
    records = demo.demo_records(TODAY)
    icd = {e.icd10 for r in records for c in r.cases for e in c.entries if e.kind is EntryKind.DIAGNOSIS}
    assert {"I48.9", "E11.9", "N18.3", "I10", "J18.9", "N39.0"} <= icd
    for record in records:
        meds = {m.name.lower() for m in record.medications}
        codes = {e.icd10 for c in record.cases for e in c.entries}
        allergic_to_penicillin = any("penicillin" in a.substance or "青霉素" in a.substance for a in record.allergies)
        if "warfarin" in meds or "华法林" in meds:
            assert "I48.9" in codes
            inr = [lab for c in record.cases for lab in c.labs if lab.loinc == "6301-6"]
            assert len(inr) >= 3
        if "metformin" in meds or "二甲双胍" in meds:
            assert "E11.9" in codes
        if allergic_to_penicillin:
            assert not meds & {"amoxicillin", "阿莫西林"}
        if "N18.3" in codes:
            assert not meds & {"nitrofurantoin", "呋喃妥因"}
            creatinine = [lab.value for c in record.cases for lab in c.labs if lab.loinc == "14682-9"]
            assert creatinine == sorted(creatinine) and creatinine[-1] > creatinine[0]
        if "I48.9" in codes:
            assert (TODAY - record.birth_date).days >= 65 * 365
    assert any(a.substance in ("penicillin", "青霉素") for r in records for a in r.allergies)
    assert any("sulfonamide" in a.substance or "磺胺" in a.substance for r in records for a in r.allergies)


def test_seed_stores_the_patients_with_due_follow_ups(workspace):
    summary = demo.seed(workspace)
    service = RecordsService(workspace)
    assert service.patients.count() >= 30
    assert summary.startswith(f"{service.patients.count()} demo patients")
    today = dt.date.today()
    due = service.follow_ups.due()
    assert any(d.days_overdue > 0 for d in due) or any(d.follow_up.due == today for d in due)
    assert service.patients.count("华法林") >= 1 and service.patients.count("warfarin") >= 1
    # Seeding twice (e.g. a retried start-up) does not duplicate anyone.
    assert demo.seed(workspace) == "0 demo patients with 0 cases"
    assert service.patients.count() == len(demo.demo_records())
