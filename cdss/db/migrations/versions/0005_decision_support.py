"""Decision support: every alert shown in a case with its outcome (accepted, overridden + reason), the alerts a
re-check raised on a case, and patient flags the record has no other place for (pregnant, breastfeeding, hepatic
impairment).

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
        # What the doctor saw (the alert title), so a rule's statistics can show an example without re-running it.
        sa.Column("title", sa.Text(), nullable=True),
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
    # Alerts a re-check raised after a new lab value (e.g. a renal threshold crossed by a creatinine rise): they stay
    # on the case header until the doctor marks them reviewed.
    op.create_table(
        "cds_open_alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("lab_result_id", sa.Integer(), nullable=True),
        sa.Column("rule_id", sa.String(80), nullable=False),
        sa.Column("alert_kind", sa.String(40), nullable=False),
        sa.Column("severity", sa.String(20), nullable=False),
        sa.Column("drug_key", sa.String(200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("alert_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_cds_open_alert"),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name="fk_cds_open_alert_patient_id_patient",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["case_id"], ["clinical_case.id"], name="fk_cds_open_alert_case_id_clinical_case",
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["lab_result_id"], ["lab_result.id"],
                                name="fk_cds_open_alert_lab_result_id_lab_result", ondelete="SET NULL"),
    )
    op.create_index("ix_cds_open_alert_patient_reviewed", "cds_open_alert", ["patient_id", "reviewed_at"])
    op.create_table(
        "cds_patient_flag",
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("flag", sa.String(30), nullable=False),
        sa.Column("value", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("patient_id", "flag", name="pk_cds_patient_flag"),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name="fk_cds_patient_flag_patient_id_patient",
                                ondelete="CASCADE"),
    )
    # The newest lab each patient's medications were re-checked against, so that a lab stored by any code path is
    # re-checked the next time the case is shown (see cdss.cds.recheck.recheck_pending).
    op.create_table(
        "cds_recheck_mark",
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("last_lab_id", sa.Integer(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("patient_id", name="pk_cds_recheck_mark"),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name="fk_cds_recheck_mark_patient_id_patient",
                                ondelete="CASCADE"),
    )


def downgrade() -> None:
    op.drop_table("cds_recheck_mark")
    op.drop_table("cds_patient_flag")
    op.drop_table("cds_open_alert")
    op.drop_table("cds_alert_event")
