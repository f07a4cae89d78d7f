"""The parts that make a case PDF read like a clinic document: the clinic and doctor heading (from Settings), the
problem list, the current medications with doses, the alerts overridden with their reasons, and a signature line.

Kept apart from :mod:`cdss.records.pdf_report` (the case body) so each stays readable. In a de-identified report
the clinic, the doctor and who overrode an alert are left out: clinicians' and hospitals' names identify a patient
as surely as their own (HIPAA Safe Harbor; the share preview removes them too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from cdss.records.types import EntryKind, PatientRecord

CLINIC_LABELS: dict[str, dict[str, str]] = {
    "zh": {"doctor": "医师", "problems": "问题列表", "diagnosis": "诊断", "since": "首次记录",
           "current_medications": "当前用药", "overrides": "已越过的用药警示", "alert": "警示", "reason": "理由",
           "by": "操作者", "signature": "医师签名：", "sign_date": "日期：", "none": "无"},
    "en": {"doctor": "Doctor", "problems": "Problem list", "diagnosis": "Diagnosis", "since": "First recorded",
           "current_medications": "Current medications", "overrides": "Safety alerts overridden", "alert": "Alert",
           "reason": "Reason", "by": "By", "signature": "Doctor's signature:", "sign_date": "Date:", "none": "None"},
}


@dataclass(frozen=True)
class OverrideLine:
    """One alert overridden when prescribing, as the report prints it (texts already in the report language)."""

    at: dt.datetime
    alert: str
    reason: str
    actor: str | None = None


@dataclass(frozen=True)
class ReportExtras:
    """What the report needs from outside the record: Settings and decision support."""

    clinic: str = ""
    doctor: str = ""
    overrides: Sequence[OverrideLine] = ()


def problem_list(record: PatientRecord) -> list[tuple[str, str, dt.date]]:
    """(diagnosis, ICD-10, first recorded) over the record's cases: one row per ICD-10 code (or text), oldest
    mention's date, in the order first recorded."""
    seen: dict[str, tuple[str, str, dt.date]] = {}
    entries = sorted((e for case in record.cases for e in case.entries if e.kind is EntryKind.DIAGNOSIS and e.text),
                     key=lambda e: e.occurred_at)
    for entry in entries:
        key = (entry.icd10 or entry.text).strip().casefold()
        if key not in seen:
            seen[key] = (entry.text.strip(), entry.icd10 or "", entry.occurred_at.date())
    return list(seen.values())


class ClinicSections:
    """Flowables for the clinic parts of the report, drawn with the report's own paragraph and table helpers."""

    def __init__(self, builder, extras: ReportExtras) -> None:
        self.b = builder
        self.extras = extras
        self.labels = CLINIC_LABELS[builder.language]

    def heading_lines(self) -> list:
        if self.b.deidentified:
            return []
        parts = [self.extras.clinic.strip(), (f"{self.labels['doctor']}: {self.extras.doctor.strip()}"
                                              if self.extras.doctor.strip() else "")]
        text = " · ".join(part for part in parts if part)
        return [self.b.p(text, "small")] if text else []

    def problems(self, record: PatientRecord) -> list:
        from reportlab.lib.units import mm

        rows = problem_list(record)
        out = list(self.b.heading(self.labels["problems"]))
        if not rows:
            return out + [self.b.p(self.labels["none"], "small")]
        table_rows = [[self.b.p(text, "cell"), self.b.p(code, "cell"), self.b.p(since.isoformat(), "cell")]
                      for text, code, since in rows]
        out.append(self.b.table([self.labels["diagnosis"], "ICD-10", self.labels["since"]], table_rows,
                                [110 * mm, 30 * mm, 34 * mm]))
        return out

    def current_medications(self, record: PatientRecord) -> list:
        """The active medications with their doses, for the reader who needs only what the patient takes now."""
        from reportlab.lib.units import mm

        active = [m for m in record.medications if m.active]
        out = list(self.b.heading(self.labels["current_medications"]))
        if not active:
            return out + [self.b.p(self.labels["none"], "small")]
        rows = [[self.b.p(m.name, "cell"), self.b.p(m.dose or "—", "cell"),
                 self.b.p(self.b.route_text(m.route), "cell")] for m in active]
        out.append(self.b.table([self.b.L("drug"), self.b.L("dose"), self.b.L("route")], rows,
                                [84 * mm, 60 * mm, 30 * mm]))
        return out

    def overrides(self) -> list:
        from reportlab.lib.units import mm

        lines = list(self.extras.overrides)
        if not lines:
            return []
        out = list(self.b.heading(self.labels["overrides"]))
        deid = self.b.deidentified
        header = [self.b.L("date"), self.labels["alert"], self.labels["reason"]] + ([] if deid else [self.labels["by"]])
        rows = [[self.b.p(line.at.strftime("%Y-%m-%d") if not deid else "—", "cell"), self.b.p(line.alert, "cell"),
                 self.b.p(line.reason, "cell")] + ([] if deid else [self.b.p(line.actor or "—", "cell")])
                for line in lines]
        widths = [24 * mm, 80 * mm, 70 * mm] if deid else [24 * mm, 72 * mm, 52 * mm, 26 * mm]
        out.append(self.b.table(header, rows, widths))
        return out

    def signature(self) -> list:
        from reportlab.platypus import Spacer

        name = "" if self.b.deidentified else self.extras.doctor.strip()
        line = (f"{self.labels['signature']} {name} ______________________        "
                f"{self.labels['sign_date']} ______________")
        return [Spacer(1, 18), self.b.p(line)]
