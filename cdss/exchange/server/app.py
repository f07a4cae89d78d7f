"""Build the FastAPI application: routers, error handlers, body limit; the database is opened and migrated here."""

from __future__ import annotations

from fastapi import FastAPI

from cdss.exchange.server.errors import BodyLimitMiddleware, NulQueryMiddleware, install_error_handlers
from cdss.exchange.server.settings import ServerSettings
from cdss.exchange.server.storage import Database, open_database, upgrade_schema


def create_app(settings: ServerSettings, *, database: Database | None = None, migrate: bool = True) -> FastAPI:
    """The ASGI app. Holds no shared state besides the database, so any number of processes can serve one DB."""
    from cdss.exchange.server.routes_accounts import router as accounts_router
    from cdss.exchange.server.routes_cases import router as cases_router
    from cdss.exchange.server.routes_images import IMAGES_PATH
    from cdss.exchange.server.routes_images import router as images_router

    db = database or open_database(settings.database_url)
    if migrate:
        upgrade_schema(db)
    app = FastAPI(title="CDSS Desk case exchange", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json")
    app.state.db = db
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(accounts_router)
    app.include_router(cases_router)
    app.include_router(images_router)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes,
                       larger_limits={IMAGES_PATH: settings.max_image_bytes})
    app.add_middleware(NulQueryMiddleware)
    return app
