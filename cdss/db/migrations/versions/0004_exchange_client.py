"""Exchange client: case links, consents, outbox, received cases, client state.

Revision ID: 0004_exchange_client
Revises: 0003_records
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_exchange_client"
down_revision = "0003_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_case_link",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("case_uuid", sa.String(36), nullable=False),
        sa.Column("server_revision", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("case_id", name="pk_exchange_case_link"),
        sa.ForeignKeyConstraint(["case_id"], ["clinical_case.id"], name="fk_exchange_case_link_case_id_clinical_case",
                                ondelete="CASCADE"),
        sa.UniqueConstraint("case_uuid", name="uq_exchange_case_link_case_uuid"),
    )
    op.create_table(
        "exchange_consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("case_uuid", sa.String(36), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("payload_sha256", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_exchange_consent"),
        sa.ForeignKeyConstraint(["case_id"], ["clinical_case.id"], name="fk_exchange_consent_case_id_clinical_case",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_exchange_consent_case_id", "exchange_consent", ["case_id"])
    op.create_table(
        "exchange_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("case_uuid", sa.String(36), nullable=False),
        sa.Column("payload_json", sa.Text(), nullable=False),
        sa.Column("idempotency_key", sa.String(64), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_exchange_outbox"),
        sa.UniqueConstraint("idempotency_key", name="uq_exchange_outbox_idempotency_key"),
    )
    op.create_index("ix_exchange_outbox_case_uuid", "exchange_outbox", ["case_uuid"])
    op.create_table(
        "exchange_received_case",
        sa.Column("case_uuid", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("case_json", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("case_uuid", name="pk_exchange_received_case"),
    )
    op.create_table(
        "exchange_state",
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_exchange_state"),
    )


def downgrade() -> None:
    for table in ("exchange_state", "exchange_received_case", "exchange_outbox", "exchange_consent",
                  "exchange_case_link"):
        op.drop_table(table)
