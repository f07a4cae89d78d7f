"""One clock: the records' and decision support's "when written" timestamps move from local time to UTC.

Audit, settings, literature and the exchange client already stored UTC; records and decision support stored the
computer's local wall-clock time in the same kind of column. From this revision every such column is UTC (read back
zone-aware through cdss.db.types.UTCDateTime). Values are converted with this computer's time zone rules, which is
where they were written. Clinical times (entry and lab times, due dates) are not touched: they stay local wall-clock
time as the doctor recorded them.

Revision ID: 0008_utc_timestamps
Revises: 0007_alert_event_actor
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0008_utc_timestamps"
down_revision = "0007_alert_event_actor"
branch_labels = None
depends_on = None

#: table -> the columns that held local wall-clock time of writing
LOCAL_STAMPS = {
    "patient": ("created_at", "updated_at"),
    "clinical_case": ("created_at", "updated_at"),
    "attachment": ("created_at",),
    "entry": ("created_at", "updated_at", "deleted_at"),
    "draft": ("updated_at",),
    "cds_alert_event": ("created_at",),
    "cds_open_alert": ("created_at", "reviewed_at"),
    "cds_patient_flag": ("updated_at",),
    "cds_recheck_mark": ("checked_at",),
}
_STORED = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy's SQLite DateTime writes a value


def _shift(to_utc: bool) -> None:
    bind = op.get_bind()
    for table, columns in LOCAL_STAMPS.items():
        for column in columns:
            rows = bind.execute(sa.text(f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'))
            changes = []
            for rowid, stored in rows:
                value = dt.datetime.fromisoformat(str(stored))
                if to_utc:  # a naive value is local time to astimezone()
                    moved = value.astimezone(dt.UTC).replace(tzinfo=None)
                else:
                    moved = value.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
                changes.append({"rowid": rowid, "value": moved.strftime(_STORED)})
            if changes:
                bind.execute(sa.text(f'UPDATE "{table}" SET "{column}" = :value WHERE rowid = :rowid'), changes)


def upgrade() -> None:
    _shift(to_utc=True)


def downgrade() -> None:
    _shift(to_utc=False)
