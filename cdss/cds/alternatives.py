"""Safer alternatives to a drug that raised an interrupting alert: drugs of the same ATC chemical subgroup (same
class, same use) that, added to this patient's regimen instead, raise no interrupting and no major alert.

This only narrows the field to what the knowledge pack can vouch for; the doctor still chooses (indication, local
availability and allergy history beyond the record are not known to it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cdss.drugs.alerts import CheckResult
from cdss.drugs.catalog import Catalog
from cdss.drugs.ratings import severity_rank

MAX_ALTERNATIVES = 3
MAJOR = severity_rank("major")


@dataclass(frozen=True)
class Alternative:
    drug_id: str
    name_en: str
    name_zh: str
    alerts: int  # alerts it would still raise (all below major)


def safer_alternatives(catalog: Catalog, drug_id: str, regimen: Sequence[str],
                       check: Callable[[list[str]], CheckResult]) -> tuple[Alternative, ...]:
    drug = catalog.get(drug_id)
    if drug is None or not drug.atc_level4:
        return ()
    found = []
    for candidate in catalog:
        if candidate.id == drug_id or candidate.kind != "drug" or not (candidate.atc_level4 & drug.atc_level4):
            continue
        if candidate.id in regimen:
            continue
        result = check([*regimen, candidate.id])
        concerning = [a for a in result.alerts if candidate.id in a.drugs]
        if any(a.interruptive or severity_rank(a.severity) >= MAJOR for a in concerning):
            continue
        found.append(Alternative(candidate.id, candidate.name_en, candidate.name_zh, len(concerning)))
    found.sort(key=lambda a: (a.alerts, a.name_en))
    return tuple(found[:MAX_ALTERNATIVES])
