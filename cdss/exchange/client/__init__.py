"""The desktop side of the case exchange: de-identified sharing, an offline-first outbox, sync and the HTTP client."""
