"""The peer case-exchange server (FastAPI). Import ``cdss.exchange.server.app.create_app`` to build the ASGI app."""
