"""Wording of what decision support writes into the record (timeline entries, follow-up notes), in the language the
doctor works in. These are record content, not interface strings, so they are stored as written — which is why they
are not Qt translations looked up at display time. Each wording is keyed by language code and chosen with
:func:`cdss.i18n.localized` (English when the language has no wording yet)."""

from __future__ import annotations

from collections.abc import Sequence

from cdss.i18n import localized

REASONS = {
    "benefit_outweighs_risk": {"en": "Benefit outweighs risk", "zh": "获益大于风险"},
    "will_monitor": {"en": "Will monitor", "zh": "将监测"},
    "already_tolerated": {"en": "Patient already tolerates this combination", "zh": "患者已耐受该联用"},
    "short_course": {"en": "Short course only", "zh": "仅短期使用"},
    "other": {"en": "Other", "zh": "其他"},
}
SEVERITIES = {"contraindicated": {"en": "contraindicated", "zh": "禁忌"}, "major": {"en": "major", "zh": "严重"},
              "moderate": {"en": "moderate", "zh": "中度"}, "minor": {"en": "minor", "zh": "轻度"}}

_STARTED = {"en": "Started {what}.", "zh": "开始用药：{what}。"}
_OVERRIDDEN = {"en": "Alert overridden ({severity}): {title}. Reason: {reason}.",
               "zh": "忽略警示（{severity}）：{title}。理由：{reason}。"}
_FOLLOW_UP = {"en": "Follow-up set for {due}.", "zh": "已安排随访 {due}。"}
_MONITOR = {"en": "Monitor: {what}", "zh": "用药监测：{what}"}
_STOPPED = {"en": "Stopped {what}.", "zh": "停药：{what}。"}


def _name_and_dose(name: str, dose: str | None) -> str:
    return f"{name} {dose}" if dose else name


def reason_label(code: str, text: str | None, language: str) -> str:
    label = localized(REASONS[code], language) if code in REASONS else code
    return f"{label}: {text.strip()}" if text and text.strip() else label


def prescription_entry(name: str, dose: str | None, overrides: Sequence[tuple[str, str, str, str | None]],
                       follow_ups: Sequence[str], language: str) -> str:
    """The MEDICATION timeline entry of a prescription, listing any interruptive alert overridden and why.

    ``overrides``: (alert title, severity, reason code, reason text) for each alert overridden.
    """
    lines = [localized(_STARTED, language).format(what=_name_and_dose(name, dose))]
    for title, severity_code, code, text in overrides:
        severity = localized(SEVERITIES[severity_code], language) if severity_code in SEVERITIES else severity_code
        lines.append(localized(_OVERRIDDEN, language).format(
            severity=severity, title=title, reason=reason_label(code, text, language)))
    lines += [localized(_FOLLOW_UP, language).format(due=due) for due in follow_ups]
    return "\n".join(lines)


def monitoring_note(title: str, text: str | None, language: str) -> str:
    what = text.strip() if text and text.strip() else title
    return localized(_MONITOR, language).format(what=what)


def stop_entry(name: str, dose: str | None, language: str) -> str:
    """The MEDICATION timeline entry written when a medication is stopped."""
    return localized(_STOPPED, language).format(what=_name_and_dose(name, dose))
