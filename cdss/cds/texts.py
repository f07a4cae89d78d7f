"""Wording of what decision support writes into the record (timeline entries, follow-up notes), in the language the
doctor works in. These are record content, not interface strings, so they are stored as written."""

from __future__ import annotations

from collections.abc import Sequence

REASONS = {
    "benefit_outweighs_risk": ("Benefit outweighs risk", "获益大于风险"),
    "will_monitor": ("Will monitor", "将监测"),
    "already_tolerated": ("Patient already tolerates this combination", "患者已耐受该联用"),
    "short_course": ("Short course only", "仅短期使用"),
    "other": ("Other", "其他"),
}
SEVERITIES = {"contraindicated": ("contraindicated", "禁忌"), "major": ("major", "严重"),
              "moderate": ("moderate", "中度"), "minor": ("minor", "轻度")}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language.startswith("zh") else pair[0]


def reason_label(code: str, text: str | None, language: str) -> str:
    label = _pick(REASONS.get(code, (code, code)), language)
    return f"{label}: {text.strip()}" if text and text.strip() else label


def prescription_entry(name: str, dose: str | None, overrides: Sequence[tuple[str, str, str, str | None]],
                       follow_ups: Sequence[str], language: str) -> str:
    """The MEDICATION timeline entry of a prescription, listing any interruptive alert overridden and why.

    ``overrides``: (alert title, severity, reason code, reason text) for each alert overridden.
    """
    zh = language.startswith("zh")
    head = (f"开始用药：{name}" if zh else f"Started {name}") + (f" {dose}" if dose else "")
    lines = [head + ("。" if zh else ".")]
    for title, severity_code, code, text in overrides:
        severity = _pick(SEVERITIES.get(severity_code, (severity_code, severity_code)), language)
        reason = reason_label(code, text, language)
        if zh:
            lines.append(f"忽略警示（{severity}）：{title}。理由：{reason}。")
        else:
            lines.append(f"Alert overridden ({severity}): {title}. Reason: {reason}.")
    for due in follow_ups:
        lines.append(f"已安排随访 {due}。" if zh else f"Follow-up set for {due}.")
    return "\n".join(lines)


def monitoring_note(title: str, text: str | None, language: str) -> str:
    what = text.strip() if text and text.strip() else title
    return f"用药监测：{what}" if language.startswith("zh") else f"Monitor: {what}"


def stop_entry(name: str, dose: str | None, language: str) -> str:
    """The MEDICATION timeline entry written when a medication is stopped."""
    what = f"{name} {dose}" if dose else name
    return f"停药：{what}。" if language.startswith("zh") else f"Stopped {what}."
