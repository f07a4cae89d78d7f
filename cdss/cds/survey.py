"""Run every stored patient's active medications through the checker with that patient's own context, and sum up
what it found: alert counts by severity and kind, alerts per patient, interruptions, medications the drug dictionary
does not know. Used by ``bench/cds.py`` and the Synthea end-to-end test to keep alert volume in view."""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from cdss.cds.context import CaseContext
from cdss.cds.service import DecisionSupportService
from cdss.drugs.alerts import Alert
from cdss.drugs.checker import check


@dataclass(frozen=True)
class PatientCheck:
    patient_id: int
    drug_ids: tuple[str, ...]
    active_medications: int
    unresolved: tuple[str, ...]  # names of active medications (or parts) not in the drug dictionary
    alerts: tuple[Alert, ...]
    naive_alerts: int  # the same regimen checked with no patient context
    seconds: float  # context from the record + check
    has_renal_values: bool
    doses_given: int = 0  # active medications whose record carries a dose text


@dataclass
class SurveyReport:
    patients: list[PatientCheck] = field(default_factory=list)

    @property
    def alerts_by_severity(self) -> Counter:
        return Counter(a.severity for p in self.patients for a in p.alerts)

    @property
    def alerts_by_kind(self) -> Counter:
        return Counter(a.kind for p in self.patients for a in p.alerts)

    @property
    def interruptive(self) -> int:
        return sum(1 for p in self.patients for a in p.alerts if a.interruptive)

    def per_patient(self) -> dict[str, float]:
        counts = [len(p.alerts) for p in self.patients] or [0]
        return {"mean": statistics.fmean(counts), "median": statistics.median(counts), "max": max(counts)}

    @property
    def doses_given(self) -> int:
        return sum(p.doses_given for p in self.patients)

    @property
    def active_medications(self) -> int:
        return sum(p.active_medications for p in self.patients)

    @property
    def unresolved_medications(self) -> Counter:
        return Counter(name for p in self.patients for name in p.unresolved)

    def severe_pairs(self) -> Counter:
        """Contraindicated and major interactions found, by drug pair."""
        return Counter("+".join(a.drugs) for p in self.patients for a in p.alerts
                       if a.kind == "interaction" and a.severity in ("contraindicated", "major"))


def _unresolved(context: CaseContext) -> tuple[str, ...]:
    out = []
    for med in context.medications:
        if not med.drug_ids:
            out.append(med.name)
        out.extend(med.unresolved_parts if med.drug_ids else ())
    return tuple(out)


def survey(service: DecisionSupportService, patient_ids: Iterable[int]) -> SurveyReport:
    report = SurveyReport()
    knowledge = service.knowledge
    for patient_id in patient_ids:
        started = time.perf_counter()
        context, result = service.check_regimen(patient_id)
        seconds = time.perf_counter() - started
        naive = check(context.active_drug_ids, None, knowledge.catalog, knowledge.extra_ratings)
        report.patients.append(PatientCheck(
            patient_id, context.active_drug_ids, len(context.medications), _unresolved(context), result.alerts,
            len(naive.alerts), seconds, context.egfr is not None or context.crcl is not None,
            sum(1 for med in context.medications if med.dose and med.dose.strip())))
    return report
