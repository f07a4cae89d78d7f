"""Column types shared by every package's models."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment stored as naive UTC text and read back aware (``tzinfo=UTC``); see :mod:`cdss.clock`.

    A naive value is refused rather than guessed at: it would be local time in one package and UTC in another, which
    is how the database came to hold two clocks.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime):
            raise TypeError(f"a UTC timestamp column needs a datetime, not {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError("a naive datetime for a UTC timestamp column: use cdss.clock.utc_now()")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        stored: dt.datetime = value
        return stored.replace(tzinfo=dt.UTC) if stored.tzinfo is None else stored.astimezone(dt.UTC)
