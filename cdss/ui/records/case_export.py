"""Export the open case as a PDF report (optionally de-identified) or a FHIR R4 bundle, off the GUI thread.

Exports only read the database, so they run on the task runner's read pool (``run``), never the single writer.
The de-identification secret is one per workspace, kept beside the exchange data so that a case exported to PDF and
the same case shared to the exchange get the same date shift and pseudonyms.
"""

from __future__ import annotations

from pathlib import Path

from cdss.errors import UserError
from cdss.records.deid_secret import workspace_secret
from cdss.records.pdf_clinic import OverrideLine, ReportExtras
from cdss.records.types import Case, PatientRecord
from cdss.ui.records.cds_texts import reason_text
from cdss.ui.tasks import TaskHandle, TaskRunner
from cdss.workspace import Workspace


def export_pdf_task(tasks: TaskRunner, workspace: Workspace, patient: PatientRecord, case: Case, out_path: Path, *,
                    deidentified: bool, labels_language: str, clinic: str = "", doctor: str = "") -> TaskHandle:
    """Write ``case`` of ``patient`` to ``out_path`` as a PDF on the read pool; the handle's result is the path."""
    from cdss.records.attachments import AttachmentStore
    from cdss.records.pdf_report import export_case_pdf

    def work(progress=None) -> Path:
        secret = workspace_secret(workspace) if deidentified else None
        extras = ReportExtras(clinic=clinic, doctor=doctor,
                              overrides=_override_lines(workspace, patient, case, deidentified))
        return export_case_pdf(patient, [case], out_path, attachments=AttachmentStore.of(workspace),
                               deidentified=deidentified, secret=secret, labels_language=labels_language,
                               progress=progress, extras=extras)

    return tasks.run(work, name="export-pdf")


def _override_lines(workspace: Workspace, patient: PatientRecord, case: Case, deidentified: bool
                    ) -> list[OverrideLine]:
    """The case's overridden alerts as the report prints them. De-identified: the reason's category only (its free
    text may name people) and no actor."""
    from cdss.cds.service import DecisionSupportService

    history = DecisionSupportService(workspace).override_history(patient.id, case.id)
    lines = []
    for item in history:
        reason = reason_text(item["reason_code"])
        if item["reason_text"] and not deidentified:
            reason = f"{reason} ({item['reason_text']})"
        lines.append(OverrideLine(item["at"], str(item["title"]), reason,
                                  None if deidentified else item["actor"]))
    return lines


def export_fhir_task(tasks: TaskRunner, patient: PatientRecord, case: Case, out_path: Path) -> TaskHandle:
    """Write ``case`` as a FHIR R4 collection bundle (JSON) on the read pool; the handle's result is the path."""
    from cdss.records.fhir_export import write_case_bundle

    def work() -> Path:
        if not out_path.parent.is_dir():
            raise UserError("export_folder_missing", "The folder to save the file in does not exist.",
                            folder=str(out_path.parent))
        try:
            return write_case_bundle(out_path, patient, case)
        except OSError as exc:
            raise UserError("export_write_failed", f"Could not write {out_path}: {exc}", path=str(out_path)) from exc

    return tasks.run(work, name="export-fhir")
