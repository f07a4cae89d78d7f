"""Dose-range review of a prescription or an active medication, with the patient's own renal function, weight
and hepatic flag (see cdss.drugs.dose_check for what is checked)."""

from __future__ import annotations

from collections.abc import Sequence

from cdss.cds.context import CaseContext
from cdss.drugs.catalog import Catalog
from cdss.drugs.dose_check import NO_FINDING, DoseFinding, check_dose, parse_dose


def dose_review(catalog: Catalog, drug_ids: Sequence[str], dose_text: str | None,
                context: CaseContext | None) -> DoseFinding:
    """Dose alerts and notes for one prescribed drug. A combination product's single dose text does not say how
    much of each component it holds, so combinations are not dose-checked."""
    if not dose_text or not dose_text.strip() or len(drug_ids) != 1 or drug_ids[0] not in catalog:
        return NO_FINDING
    drug = catalog[drug_ids[0]]
    patient = context.context if context is not None else None
    finding = check_dose(
        drug, parse_dose(dose_text), catalog.dose_limits.get(drug.id, ()),
        egfr=context.egfr if context is not None else None, crcl=context.crcl if context is not None else None,
        weight_kg=patient.weight_kg if patient is not None else None,
        hepatic_impairment=bool(patient and patient.hepatic_impairment))
    return finding
