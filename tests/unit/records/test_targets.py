"""Therapeutic targets that know the patient: INR on a vitamin K antagonist, or the target the record states."""

from __future__ import annotations

import datetime as dt

from cdss.records.targets import target_for, target_ranges
from cdss.records.types import Case, Entry, EntryKind, LabResult, Medication, PatientRecord

INR = LabResult("INR", dt.datetime(2026, 11, 30, 8), value=2.3, unit="", ref_low=0.8, ref_high=1.2, loinc="6301-6")


def _record(medications=(), entries=(), notes="") -> PatientRecord:
    case = Case("房颤", dt.date(2026, 1, 5), entries=tuple(entries))
    return PatientRecord("张三", medications=tuple(medications), cases=(case,), notes=notes)


def test_on_warfarin_the_inr_is_judged_against_2_to_3():
    targets = target_ranges(_record([Medication("Warfarin Sodium 5 MG Oral Tablet", "5 mg qd")]))
    target = target_for(INR, targets)
    assert (target.low, target.high, target.basis) == (2.0, 3.0, "treatment") and target.position(2.3) == "within"
    assert target.position(1.6) == "below" and target.position(3.4) == "above"
    assert target_for(LabResult("国际标准化比值", dt.datetime(2026, 11, 1), value=1.1), targets) is not None
    assert target_for(LabResult("Creatinine", dt.datetime(2026, 11, 1), value=80), targets) is None


def test_without_an_anticoagulant_or_when_stopped_there_is_no_target():
    assert target_ranges(_record()) == {}
    stopped = Medication("华法林", "3 mg qd", active=False)
    assert target_ranges(_record([stopped])) == {}


def test_the_target_the_record_states_wins_and_the_latest_mention_counts():
    entries = [Entry(EntryKind.PROGRESS, dt.datetime(2026, 2, 1), "机械瓣置换术后，目标INR 2.5-3.5"),
               Entry(EntryKind.PROGRESS, dt.datetime(2026, 6, 1), "Target INR 2.0–2.5 after bleeding")]
    target = target_ranges(_record([Medication("warfarin", "3 mg qd")], entries))["inr"]
    assert (target.low, target.high, target.basis) == (2.0, 2.5, "stated")
    assert target_ranges(_record(notes="目标INR：2.5~3.5"))["inr"].high == 3.5
    assert target_ranges(_record(notes="目标INR 25-35")) == {}  # not a plausible INR target: ignored
