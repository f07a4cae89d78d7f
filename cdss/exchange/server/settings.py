"""Server settings, declared once with their defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class ServerSettings:
    """Everything a server process needs; processes behind one proxy share the database and nothing else."""

    database_url: str
    max_body_bytes: int = 2 * MIB
    max_image_bytes: int = 8 * MIB  # one uploaded picture (PUT /v1/images/...); other requests keep max_body_bytes
    # Pictures a user uploaded that no case shows yet (a share in progress holds up to 12): more is refused, so
    # uploads cannot fill the database; those left unattached longer than the grace period are pruned at start.
    max_unattached_images: int = 36
    unattached_image_grace_hours: int = 48
    access_token_seconds: int = 15 * 60
    refresh_token_seconds: int = 30 * 24 * 3600
    # Failed logins per window before 429: per user name (guessing one password) and per client IP (spraying).
    login_failures_per_user: int = 10
    login_failures_per_ip: int = 50
    login_window_seconds: int = 15 * 60
    page_size_max: int = 100
    # Behind a reverse proxy the peer address is the proxy; only then trust its X-Forwarded-For.
    trust_forwarded_for: bool = False

    @classmethod
    def from_env(cls, database_url: str, **overrides: object) -> ServerSettings:
        """Settings with ``CDSS_EXCHANGE_<FIELD>`` environment overrides (integers and booleans only)."""
        values: dict[str, object] = {}
        for name, field in cls.__dataclass_fields__.items():
            raw = os.environ.get(f"CDSS_EXCHANGE_{name.upper()}")
            if raw is None or name == "database_url":
                continue
            values[name] = raw.lower() in ("1", "true", "yes") if field.type == "bool" else int(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(database_url=database_url, **values)  # type: ignore[arg-type]
