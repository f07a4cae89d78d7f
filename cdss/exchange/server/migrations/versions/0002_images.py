"""Images attached to shared cases: the bytes, who uploaded them, and which case shows them.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cdss.exchange.server.models import BigId, UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Bytes live in the database (bytea on PostgreSQL, BLOB on SQLite): images are capped at a few MiB, and one
    # store keeps backups and several server processes simple.
    op.create_table(
        "images",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("content_type", sa.String(16), nullable=False),
        sa.Column("byte_size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "image_uploads",
        sa.Column("sha256", sa.String(64), sa.ForeignKey("images.sha256", ondelete="CASCADE"), primary_key=True),
        sa.Column("user_id", BigId, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "case_images",
        sa.Column("case_id", BigId, sa.ForeignKey("shared_cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("images.sha256"), nullable=False, index=True),
        sa.Column("content_type", sa.String(16), nullable=False),
        sa.Column("caption", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    for table in ("case_images", "image_uploads", "images"):
        op.drop_table(table)
