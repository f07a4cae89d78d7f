"""Adult dose limits (data/drugs/dose_limits/*.json): loading and validation.

A limit says, for one drug and route, the largest single dose and daily (or weekly) dose of the label for adults,
and lower caps for renal bands or hepatic impairment. ``None`` means "no labelled maximum known to us" — never
"no limit". Amounts are in the entry's ``unit`` (mg, ug, IU or mmol); with ``per_kg`` they are per kg of body weight.
A malformed entry is a load error naming file, drug and field (``drug_dose_limits_invalid``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cdss.errors import UserError

if TYPE_CHECKING:
    from cdss.drugs.catalog import Catalog

ROUTES = ("oral", "iv", "im", "sc", "inhaled", "rectal", "transdermal", "sublingual", "topical", "any")
UNITS = ("mg", "ug", "IU", "mmol")
_LIMIT_KEYS = ("drug", "route", "unit", "max_single", "max_daily", "source")
_OPTIONAL_KEYS = ("max_weekly", "per_kg", "renal", "hepatic_max_daily", "notes")


@dataclass(frozen=True)
class RenalDoseCap:
    measure: str  # egfr | crcl
    below: float
    max_single: float | None
    max_daily: float | None


@dataclass(frozen=True)
class DoseLimit:
    drug_id: str
    route: str
    unit: str
    max_single: float | None
    max_daily: float | None
    max_weekly: float | None
    per_kg: bool
    renal: tuple[RenalDoseCap, ...]
    hepatic_max_daily: float | None
    source: str
    notes: str | None


def _fail(file: str, where: str, field: str, problem: str) -> UserError:
    return UserError("drug_dose_limits_invalid", f"Dose limits {file}: {where}, field '{field}': {problem}. "
                     "Fix the entry (see data/drugs/SCHEMA.md, 'Dose limits').", file=file, entry=where, field=field)


def _amount(raw: dict[str, Any], key: str, file: str, where: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise _fail(file, where, key, f"must be a positive number or null, got {value!r}")
    return float(value)


def parse_limit(raw: Any, file: str, index: int, catalog: Catalog | None) -> DoseLimit:
    where = f"entry #{index}"
    if not isinstance(raw, dict):
        raise _fail(file, where, "(entry)", "must be an object")
    drug_id = raw.get("drug")
    where = f"entry '{drug_id}'"
    missing = [k for k in _LIMIT_KEYS if k not in raw]
    if missing:
        raise _fail(file, where, missing[0], f"missing (required: {', '.join(_LIMIT_KEYS)})")
    unknown = sorted(set(raw) - set(_LIMIT_KEYS) - set(_OPTIONAL_KEYS))
    if unknown:
        raise _fail(file, where, unknown[0], "unknown key")
    if not isinstance(drug_id, str) or (catalog is not None and drug_id not in catalog):
        raise _fail(file, where, "drug", "must be the id of a catalog drug")
    if raw["route"] not in ROUTES:
        raise _fail(file, where, "route", f"must be one of {list(ROUTES)}")
    if raw["unit"] not in UNITS:
        raise _fail(file, where, "unit", f"must be one of {list(UNITS)}")
    if not isinstance(raw["source"], str) or not raw["source"].strip():
        raise _fail(file, where, "source", "must name the label or reference")
    per_kg = raw.get("per_kg", False)
    if not isinstance(per_kg, bool):
        raise _fail(file, where, "per_kg", "must be true or false")
    caps = []
    renal = raw.get("renal", [])
    if not isinstance(renal, list):
        raise _fail(file, where, "renal", "must be a list")
    for i, cap in enumerate(renal):
        name = f"renal[{i}]"
        if not isinstance(cap, dict) or cap.get("measure") not in ("egfr", "crcl"):
            raise _fail(file, where, f"{name}.measure", "must be 'egfr' or 'crcl'")
        below = cap.get("below")
        if isinstance(below, bool) or not isinstance(below, int | float) or not 0 < below < 200:
            raise _fail(file, where, f"{name}.below", "must be a number of mL/min between 0 and 200")
        single, daily = _amount(cap, "max_single", file, where), _amount(cap, "max_daily", file, where)
        if single is None and daily is None:
            raise _fail(file, where, name, "must cap max_single or max_daily")
        caps.append(RenalDoseCap(cap["measure"], float(below), single, daily))
    notes = raw.get("notes")
    if notes is not None and (not isinstance(notes, str) or not notes.strip()):
        raise _fail(file, where, "notes", "must be text or null")
    limit = DoseLimit(drug_id, raw["route"], raw["unit"], _amount(raw, "max_single", file, where),
                      _amount(raw, "max_daily", file, where), _amount(raw, "max_weekly", file, where), per_kg,
                      tuple(sorted(caps, key=lambda c: -c.below)), _amount(raw, "hepatic_max_daily", file, where),
                      raw["source"].strip(), notes)
    if limit.max_single is None and limit.max_daily is None and limit.max_weekly is None:
        raise _fail(file, where, "max_single", "at least one of max_single, max_daily, max_weekly must be given")
    if limit.max_single and limit.max_daily and limit.max_single > limit.max_daily:
        raise _fail(file, where, "max_single", "is larger than max_daily")
    return limit


def load_dose_limits(pack_dir: Path, catalog: Catalog | None = None) -> dict[str, tuple[DoseLimit, ...]]:
    from cdss.drugs.catalog import _read_json

    by_drug: dict[str, list[DoseLimit]] = {}
    seen: dict[tuple[str, str], str] = {}
    for path in sorted((Path(pack_dir) / "dose_limits").glob("*.json")):
        data = _read_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("limits"), list):
            raise UserError("drug_dose_limits_invalid", f"Dose limits file {path.name} must be an object with a "
                            "'limits' list.", file=path.name)
        for i, raw in enumerate(data["limits"]):
            limit = parse_limit(raw, path.name, i, catalog)
            key = (limit.drug_id, limit.route)
            if key in seen:
                raise _fail(path.name, f"entry '{limit.drug_id}'", "route",
                            f"{limit.route} limits for this drug are already given in {seen[key]}")
            seen[key] = path.name
            by_drug.setdefault(limit.drug_id, []).append(limit)
    return {drug: tuple(limits) for drug, limits in by_drug.items()}


def limits_for_route(limits: Iterable[DoseLimit], route: str | None) -> DoseLimit | None:
    """The limit for ``route``; without a route, the oral one when there is one, else the only one."""
    limits = list(limits)
    for wanted in ([route, "any"] if route else ["oral", "any"]):
        found = next((lim for lim in limits if lim.route == wanted), None)
        if found is not None:
            return found
    return limits[0] if route is None and len(limits) == 1 else None
