"""Dose-range checking: read a prescribed dose ("500 mg bid", "0.5 g tid po", "10 mg 每周1次") and compare it with
the drug's adult maxima (data/drugs/dose_limits), the renally adjusted maxima for this patient and hepatic caps.

What is checked, and how severe it is:
- a single dose, a daily dose (single × administrations per day) or a weekly dose above the labelled maximum →
  ``major``; ten times a maximum or more → ``contraindicated`` (interrupts): almost always a unit slip (g for mg);
- a weekly-dosed drug (methotrexate) prescribed daily → ``contraindicated``;
- above the cap for this patient's eGFR/CrCl band or hepatic impairment → ``major``;
- a dose in a unit the drug is not dosed in (IU for a mg drug) → ``major``.
A dose that cannot be read, a drug without a known maximum, or a per-kg maximum without a weight is not an alert
but a note, so that the check says what it could not do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cdss.drugs.alerts import Alert
from cdss.drugs.dose_limits import DoseLimit, limits_for_route
from cdss.drugs.messages import Message, message
from cdss.drugs.models import Drug

IMPLAUSIBLE_FACTOR = 10.0
SOURCE = "CDSS Desk dose limits"

_UNITS = {
    "mg": ("mg", 1.0), "毫克": ("mg", 1.0), "g": ("mg", 1000.0), "gm": ("mg", 1000.0), "克": ("mg", 1000.0),
    "ug": ("ug", 1.0), "µg": ("ug", 1.0), "μg": ("ug", 1.0), "mcg": ("ug", 1.0), "微克": ("ug", 1.0),
    "iu": ("IU", 1.0), "u": ("IU", 1.0), "units": ("IU", 1.0), "unit": ("IU", 1.0), "单位": ("IU", 1.0),
    "万单位": ("IU", 10000.0), "mmol": ("mmol", 1.0), "毫摩尔": ("mmol", 1.0),
}
_FREQUENCIES = {
    "qd": 1, "od": 1, "daily": 1, "once daily": 1, "qam": 1, "qpm": 1, "qn": 1, "qhs": 1, "hs": 1, "每晚": 1,
    "睡前": 1, "bid": 2, "bd": 2, "twice daily": 2, "tid": 3, "tds": 3, "three times daily": 3, "qid": 4, "qds": 4,
    "four times daily": 4, "qod": 0.5, "隔日": 0.5, "qw": 1 / 7, "weekly": 1 / 7, "once weekly": 1 / 7,
    "每周1次": 1 / 7, "每周一次": 1 / 7, "biw": 2 / 7, "每周2次": 2 / 7, "tiw": 3 / 7,
    "每日1次": 1, "每日一次": 1, "每天1次": 1, "每天一次": 1, "每日2次": 2, "每日两次": 2, "每天2次": 2,
    "每日3次": 3, "每日三次": 3, "每天3次": 3, "每日4次": 4, "每天4次": 4,
}
_ROUTES = {
    "po": "oral", "oral": "oral", "口服": "oral", "iv": "iv", "ivgtt": "iv", "静滴": "iv", "静注": "iv",
    "静脉": "iv", "im": "im", "肌注": "im", "sc": "sc", "sq": "sc", "ih": "sc", "皮下": "sc", "inh": "inhaled",
    "吸入": "inhaled", "pr": "rectal", "直肠": "rectal", "sl": "sublingual", "舌下": "sublingual",
    "td": "transdermal", "外用": "topical",
}
_AMOUNT = re.compile(r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>万单位|毫克|微克|毫摩尔|单位|克|mg|mcg|µg|μg|ug|gm|g|"
                     r"iu|units?|u|mmol)(?![a-z])", re.IGNORECASE)
_EVERY_HOURS = re.compile(r"(?:q\s*(\d+)\s*h|每\s*(\d+)\s*小时)", re.IGNORECASE)
_TIMES_DAILY = re.compile(r"(?:(\d+)\s*(?:x|times)\s*(?:/\s*d(?:ay)?|daily|a day)|每[日天]\s*(\d+)\s*次)",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Dose:
    """A dose as prescribed; fields the text did not give are None."""

    text: str
    amount: float | None = None  # per administration, in ``unit``
    unit: str | None = None  # mg | ug | IU | mmol
    per_day: float | None = None  # administrations per 24 h (weekly: 1/7)
    route: str | None = None

    @property
    def daily(self) -> float | None:
        return self.amount * self.per_day if self.amount is not None and self.per_day is not None else None


def parse_dose(text: str | None, route: str | None = None) -> Dose:
    """Read amount, unit, frequency and route from free text; what it cannot read stays None."""
    text = (text or "").strip()
    low = " ".join(text.casefold().split())
    amount = unit = per_day = None
    match = _AMOUNT.search(low)
    if match:
        unit, factor = _UNITS[match.group("unit").casefold()]
        amount = float(match.group("amount")) * factor
    hours = _EVERY_HOURS.search(low)
    times = _TIMES_DAILY.search(low)
    if hours:
        every = float(hours.group(1) or hours.group(2))
        per_day = 24 / every if every > 0 else None
    elif times:
        per_day = float(times.group(1) or times.group(2))
    else:
        # the longest frequency word present wins ("once weekly" over "weekly", "每日2次" over nothing)
        words = sorted((w for w in _FREQUENCIES if _has_word(low, w)), key=len, reverse=True)
        per_day = float(_FREQUENCIES[words[0]]) if words else None
    if route is None:
        route = next((r for w, r in _ROUTES.items() if _has_word(low, w)), None)
    return Dose(text, amount, unit, per_day, route)


def _has_word(text: str, word: str) -> bool:
    if not word.isascii():
        return word in text
    return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None


def _fmt(value: float, unit: str) -> str:
    return f"{value:g} {'µg' if unit == 'ug' else unit}"


@dataclass(frozen=True)
class DoseFinding:
    """The dose alerts for one drug, and what could not be checked (coded notes)."""

    alerts: tuple[Alert, ...]
    notes: tuple[Message, ...]
    limit: DoseLimit | None

    @property
    def compared(self) -> bool:
        """The dose was compared with a maximum: a limit applied and the dose could be read against it."""
        return self.limit is not None and not any(n.code in _NOT_COMPARED for n in self.notes)


NO_FINDING = DoseFinding((), (), None)
_NOT_COMPARED = frozenset({"note_dose_unread", "note_dose_needs_weight"})


def check_dose(drug: Drug, dose: Dose, limits: Sequence[DoseLimit], *, egfr: float | None = None,
               crcl: float | None = None, weight_kg: float | None = None,
               hepatic_impairment: bool = False) -> DoseFinding:
    limit = limits_for_route(limits, dose.route)
    name, name_zh = drug.name_en, drug.name_zh
    if limit is None:
        code = "note_dose_no_limit" if limits or dose.amount is not None else None
        return DoseFinding((), (message(code, drug=name, drug_zh=name_zh),) if code else (), None)
    if dose.amount is None or dose.unit is None:
        return DoseFinding((), (message("note_dose_unread", drug=name, drug_zh=name_zh, text=dose.text),), limit)
    amount = dose.amount
    if dose.unit != limit.unit:
        if {dose.unit, limit.unit} == {"mg", "ug"}:
            amount = amount * 1000 if limit.unit == "ug" else amount / 1000
        else:
            alert = _alert(drug, limit, "major", message(
                "dose_unit_mismatch", drug=name, drug_zh=name_zh, dose=dose.text, unit=_fmt(1, limit.unit)[2:]))
            return DoseFinding((alert,), (), limit)
    scale, notes = 1.0, []
    if limit.per_kg:
        if weight_kg is None:
            return DoseFinding((), (message("note_dose_needs_weight", drug=name, drug_zh=name_zh),), limit)
        scale = weight_kg
    per_day = dose.per_day
    daily = amount * per_day if per_day is not None else None
    if per_day is None:
        notes.append(message("note_dose_no_frequency", drug=name, drug_zh=name_zh))
    found: list[Alert] = []
    checks = [("single", amount, limit.max_single), ("daily", daily, limit.max_daily)]
    if limit.max_weekly is not None and daily is not None:
        checks.append(("weekly", daily * 7, limit.max_weekly))
    # one alert for the largest excess: a single dose ten times over is also a daily dose ten times over
    excesses = [(value / (maximum * scale), what, value, maximum * scale) for what, value, maximum in checks
                if value is not None and maximum is not None and value > maximum * scale * (1 + 1e-9)]
    if excesses:
        # the unit slip shows best on the single dose, so a tenfold single dose is named rather than its daily total
        factor, what, value, cap = max(excesses, key=lambda e: (e[0] >= IMPLAUSIBLE_FACTOR, e[1] == "single", e[0]))
        if factor >= IMPLAUSIBLE_FACTOR:
            title = message("dose_implausible", drug=name, drug_zh=name_zh, dose=_fmt(value, limit.unit),
                            max=_fmt(cap, limit.unit), factor=f"{factor:.0f}", what=what)
            found.append(_alert(drug, limit, "contraindicated", title))
        else:
            title = message(f"dose_{what}_above_max", drug=name, drug_zh=name_zh, dose=_fmt(value, limit.unit),
                            max=_fmt(cap, limit.unit))
            found.append(_alert(drug, limit, "major", title))
    if limit.max_weekly is not None and per_day is not None and per_day >= 1 and limit.max_daily is None:
        found.append(_alert(drug, limit, "contraindicated", message(
            "dose_weekly_drug_daily", drug=name, drug_zh=name_zh, dose=dose.text)))
    found.extend(_renal(drug, limit, amount, daily, egfr, crcl))
    if hepatic_impairment and limit.hepatic_max_daily is not None and daily is not None \
            and daily > limit.hepatic_max_daily * scale:
        found.append(_alert(drug, limit, "major", message(
            "dose_hepatic_above_max", drug=name, drug_zh=name_zh, dose=_fmt(daily, limit.unit),
            max=_fmt(limit.hepatic_max_daily * scale, limit.unit))))
    found.sort(key=lambda a: a.severity != "contraindicated")
    return DoseFinding(tuple(found), tuple(notes), limit)


def _renal(drug: Drug, limit: DoseLimit, amount: float, daily: float | None, egfr: float | None,
           crcl: float | None) -> list[Alert]:
    values = {"egfr": egfr, "crcl": crcl}
    applicable = [cap for cap in limit.renal if values[cap.measure] is not None and values[cap.measure] < cap.below]
    if not applicable:
        return []
    cap = min(applicable, key=lambda c: c.below)  # the band of this patient: the lowest threshold they are under
    value = values[cap.measure]
    for what, dose_value, maximum in (("daily", daily, cap.max_daily), ("single", amount, cap.max_single)):
        if dose_value is not None and maximum is not None and dose_value > maximum * (1 + 1e-9):
            return [_alert(drug, limit, "major", message(
                "dose_renal_above_max", drug=drug.name_en, drug_zh=drug.name_zh, dose=_fmt(dose_value, limit.unit),
                max=_fmt(maximum, limit.unit), measure="eGFR" if cap.measure == "egfr" else "CrCl",
                below=cap.below, value=value, what=what))]
    return []


def _alert(drug: Drug, limit: DoseLimit, severity: str, title: Message) -> Alert:
    return Alert(
        kind="dose", severity=severity, drugs=(drug.id,), title=title.text,
        mechanism="Dose compared with the labelled adult maximum" + (" per kg" if limit.per_kg else "") + ".",
        effect="Dose-related toxicity; a tenfold excess is usually a unit or decimal error.",
        management="Check the dose and unit; adjust to the labelled range for this patient.",
        mechanism_zh="与说明书成人最大剂量比较" + ("（按体重）" if limit.per_kg else "") + "。",
        effect_zh="剂量相关毒性；超过十倍通常是单位或小数点错误。",
        management_zh="核对剂量和单位；按说明书范围为该患者调整。",
        evidence="established", sources=(limit.source,), interruptive=severity == "contraindicated",
        rule_id=f"dose:{drug.id}:{limit.route}", title_message=title,
    )
