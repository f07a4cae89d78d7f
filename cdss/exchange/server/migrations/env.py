"""Alembic environment of the exchange server: always run programmatically with a live connection."""

from __future__ import annotations

from alembic import context

from cdss.exchange.server.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # Its own version table, so the server database never collides with the desktop workspace's migrations.
    version_table="exchange_alembic_version",
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
