"""Every user preference, declared once with its default, stored per workspace.

Only values that differ from their default are stored, so changing a default in a new release reaches everyone who
never touched it. Window geometry is not a preference: the UI keeps it in QSettings, apart from these.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cdss.clock import utc_now
from cdss.workspace import Workspace


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    choices: tuple[Any, ...] | None = None


LANGUAGES = ("zh_CN", "en")

SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec("language", "zh_CN", LANGUAGES),
        SettingSpec("backups.keep", 10),
        SettingSpec("drugs.hide_minor_alerts", False, (True, False)),
        SettingSpec("exchange.server_url", ""),
        # printed at the top of case PDFs and on the signature line (left out of de-identified reports)
        SettingSpec("report.clinic", ""),
        SettingSpec("report.doctor", ""),
        # the doctor's last choice for exporting a case PDF (de-identified is the safer first choice)
        SettingSpec("records.export_deidentified", True, (True, False)),
        # minutes without use before an encrypted workspace locks the app (0: never)
        SettingSpec("security.lock_minutes", 10, (0, 5, 10, 15, 30, 60)),
    )
}


class SettingsService:
    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def get(self, key: str) -> Any:
        spec = _spec(key)
        from cdss.db.models import SettingRow

        with self._workspace.unit_of_work() as session:
            row = session.get(SettingRow, key)
            return spec.default if row is None else json.loads(row.value_json)

    def set(self, key: str, value: Any) -> None:
        spec = _spec(key)
        if spec.choices is not None and value not in spec.choices:
            raise ValueError(f"{key} must be one of {spec.choices}, got {value!r}")
        from cdss.db.models import SettingRow

        with self._workspace.unit_of_work() as session:
            row = session.get(SettingRow, key)
            if value == spec.default:
                if row is not None:
                    session.delete(row)
                return
            now = utc_now()
            if row is None:
                session.add(SettingRow(key=key, value_json=json.dumps(value), updated_at=now))
            else:
                row.value_json, row.updated_at = json.dumps(value), now

    def all(self) -> dict[str, Any]:
        return {key: self.get(key) for key in SETTINGS}


def _spec(key: str) -> SettingSpec:
    try:
        return SETTINGS[key]
    except KeyError:
        raise KeyError(f"undeclared setting {key!r}; declare it in cdss.settings.SETTINGS") from None
