"""How many re-check alerts each patient has open (unreviewed), for the badge on the patient cards.

Kept apart from :mod:`cdss.cds.recheck` so that the patient list can ask without loading the drug checker: one
grouped query per page of patients.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from cdss.cds.models import OpenAlertRow
from cdss.workspace import Workspace


def open_alert_counts(workspace: Workspace, patient_ids: Sequence[int], *,
                      hide_minor: bool = False) -> dict[int, int]:
    """{patient id: open re-check alerts} for ``patient_ids``; patients without any are left out."""
    if not patient_ids:
        return {}
    query = (select(OpenAlertRow.patient_id, func.count(OpenAlertRow.id))
             .where(OpenAlertRow.patient_id.in_(list(patient_ids)), OpenAlertRow.reviewed_at.is_(None))
             .group_by(OpenAlertRow.patient_id))
    if hide_minor:  # the same filter as the case banner, so the badge never counts alerts the banner hides
        query = query.where(OpenAlertRow.severity != "minor")
    with workspace.unit_of_work() as session:
        return {patient_id: count for patient_id, count in session.execute(query)}
