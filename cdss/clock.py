"""One clock for when things were written: timezone-aware UTC.

Every "when was this row written" value — created, updated, deleted, reviewed, received, audited — is UTC with its
zone attached, stored through :class:`cdss.db.types.UTCDateTime` (which refuses a naive value, so a local or
zone-less time cannot slip in) and turned into local time only where it is shown (:func:`local`).

Clinical times (when a complaint started, when a blood sample was taken, an entry's time on the timeline) are not
these: they are the wall-clock times the doctor records and still stored as local wall-clock time (see
cdss.records.record_values.naive).
"""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    """Now, in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def as_utc(value: dt.datetime) -> dt.datetime:
    """An aware UTC value; a naive one is taken to be UTC already (older stored values and wire formats)."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def local(value: dt.datetime) -> dt.datetime:
    """The moment ``value`` in this computer's time zone, for display (a naive value is taken to be UTC)."""
    return as_utc(value).astimezone()
