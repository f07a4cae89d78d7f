"""Decision support: every alert shown in a case, with its outcome (accepted, overridden + reason).

Revision ID: 0005_decision_support
Revises: 0004_exchange_client
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_decision_support"
down_revision = "0004_exchange_client"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cds_alert_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("rule_id", sa.String(80), nullable=False),
        sa.Column("alert_kind", sa.String(40), nullable=False),
        sa.Column("severity", sa.String(20), nullable=False),
        # Which drugs the alert concerned, normalised and sorted ("ibuprofen+warfarin"), so that an override for this
        # patient and drug pair can be found again and not interrupt twice.
        sa.Column("drug_key", sa.String(200), nullable=False),
        sa.Column("interruptive", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("reason_code", sa.String(40), nullable=True),
        sa.Column("reason_text", sa.Text(), nullable=True),
        sa.Column("follow_up_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cds_alert_event"),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name="fk_cds_alert_event_patient_id_patient",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["case_id"], ["clinical_case.id"], name="fk_cds_alert_event_case_id_clinical_case",
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["follow_up_id"], ["follow_up.id"], name="fk_cds_alert_event_follow_up_id_follow_up",
                                ondelete="SET NULL"),
    )
    op.create_index("ix_cds_alert_event_rule_id", "cds_alert_event", ["rule_id"])
    op.create_index("ix_cds_alert_event_patient_drug", "cds_alert_event", ["patient_id", "drug_key"])


def downgrade() -> None:
    op.drop_table("cds_alert_event")
