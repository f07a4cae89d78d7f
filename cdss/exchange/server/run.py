"""Start the server with uvicorn (optionally TLS) and create accounts from the command line."""

from __future__ import annotations

import logging
from pathlib import Path

from cdss.errors import UserError
from cdss.exchange.server.settings import ServerSettings

log = logging.getLogger("cdss.exchange.server")


def serve(settings: ServerSettings, host: str = "127.0.0.1", port: int = 8765, *,
          certfile: Path | None = None, keyfile: Path | None = None, log_level: str = "info") -> None:
    """Run until interrupted. TLS when both ``certfile`` and ``keyfile`` are given (uvicorn terminates it)."""
    import uvicorn

    from cdss.exchange.server.app import create_app

    if (certfile is None) != (keyfile is None):
        raise UserError("exchange_tls_incomplete", "Give both --certfile and --keyfile for TLS, or neither.")
    for path in (certfile, keyfile):
        if path is not None and not path.is_file():
            raise UserError("exchange_tls_file_missing", f"TLS file not found: {path}.", path=str(path))
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    app = create_app(settings)
    from datetime import timedelta

    from cdss.exchange.server.routes_images import prune_unattached_images

    pruned = prune_unattached_images(app.state.db, timedelta(hours=settings.unattached_image_grace_hours))
    if pruned:
        log.info("removed %d uploaded pictures that no case showed", pruned)
    log.info("exchange server on %s://%s:%d (%s)", "https" if certfile else "http", host, port,
             app.state.db.dialect)
    # proxy_headers=False: uvicorn would otherwise take the client address from X-Forwarded-For of any request
    # coming from 127.0.0.1; the app reads that header itself, only from the proxies it is told to trust.
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False, proxy_headers=False,
                ssl_certfile=str(certfile) if certfile else None, ssl_keyfile=str(keyfile) if keyfile else None,
                timeout_graceful_shutdown=5)


def add_user(database_url: str, name: str, password: str, *, is_admin: bool = False) -> int:
    """Create an active account (migrating the database first); returns its id."""
    from pydantic import TypeAdapter, ValidationError

    from cdss.exchange.schemas import NewPassword, UserName
    from cdss.exchange.server.auth import create_user
    from cdss.exchange.server.errors import ApiError
    from cdss.exchange.server.storage import open_database, upgrade_schema

    try:
        TypeAdapter(UserName).validate_python(name)
        TypeAdapter(NewPassword).validate_python(password)
    except ValidationError as exc:
        raise UserError("exchange_bad_user", "User names are 2-64 letters, digits, '.', '_' or '-'; passwords need "
                        "10-256 characters.") from exc
    db = open_database(database_url)
    try:
        upgrade_schema(db)
        return create_user(db, name, password, is_admin=is_admin)
    except ApiError as exc:
        raise UserError(exc.code, exc.message) from exc
    finally:
        db.dispose()
