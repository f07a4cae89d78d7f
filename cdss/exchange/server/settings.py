"""Server settings, declared once with their defaults."""

from __future__ import annotations

import functools
import ipaddress
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
    # Behind a reverse proxy the peer address is the proxy; X-Forwarded-For is read only from these peers
    # (comma-separated addresses or networks, e.g. "10.0.0.5,192.168.1.0/24"), from the right, skipping proxies.
    trusted_proxies: str = ""
    # The older switch: trust a proxy on this machine (127.0.0.1 / ::1).
    trust_forwarded_for: bool = False

    def proxy_networks(self) -> tuple:
        return _proxy_networks(self.trusted_proxies, self.trust_forwarded_for)

    @classmethod
    def from_env(cls, database_url: str, **overrides: object) -> ServerSettings:
        """Settings with ``CDSS_EXCHANGE_<FIELD>`` environment overrides (integers, booleans, trusted proxies)."""
        values: dict[str, object] = {}
        for name, field in cls.__dataclass_fields__.items():
            raw = os.environ.get(f"CDSS_EXCHANGE_{name.upper()}")
            if raw is None or name == "database_url":
                continue
            if field.type == "str":
                values[name] = raw
            else:
                values[name] = raw.lower() in ("1", "true", "yes") if field.type == "bool" else int(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(database_url=database_url, **values)  # type: ignore[arg-type]


@functools.cache
def _proxy_networks(listed: str, loopback: bool) -> tuple:
    """The trusted proxies as ip_network objects; an entry that is not an address or network is a start-up error."""
    names = [part.strip() for part in listed.split(",") if part.strip()]
    if loopback:
        names += ["127.0.0.1", "::1"]
    try:
        return tuple(ipaddress.ip_network(name, strict=False) for name in names)
    except ValueError as exc:
        raise ValueError(f"trusted_proxies: {exc}") from exc
