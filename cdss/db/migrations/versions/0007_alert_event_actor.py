"""Who overrode an alert: the actor of each alert event, shown next to the override reason on the case.

Revision ID: 0007_alert_event_actor
Revises: 0006_literature
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_alert_event_actor"
down_revision = "0006_literature"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cds_alert_event") as batch:
        batch.add_column(sa.Column("actor", sa.String(120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cds_alert_event") as batch:
        batch.drop_column("actor")
