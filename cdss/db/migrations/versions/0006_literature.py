"""Literature library in SQLite (source of truth; the Whoosh index is derived from it) and paper↔case links.

Revision ID: 0006_literature
Revises: 0005_decision_support
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_literature"
down_revision = "0005_decision_support"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lit_reference",
        sa.Column("id", sa.Integer(), nullable=False),
        # The whole Reference as JSON keeps the importers' record lossless; the columns below are the ones queried.
        sa.Column("ref_json", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("doi", sa.String(300), nullable=True),
        sa.Column("pmid", sa.String(20), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("pdf_sha256", sa.String(64), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lit_reference"),
        # AUTOINCREMENT: a deleted paper's id is never handed to a new one (exports and notes may cite ids).
        sqlite_autoincrement=True,
    )
    op.create_index("ix_lit_reference_doi", "lit_reference", ["doi"])
    op.create_index("ix_lit_reference_pmid", "lit_reference", ["pmid"])
    op.create_table(
        "lit_dedup_key",
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_lit_dedup_key"),
        sa.ForeignKeyConstraint(["reference_id"], ["lit_reference.id"],
                                name="fk_lit_dedup_key_reference_id_lit_reference", ondelete="CASCADE"),
    )
    op.create_index("ix_lit_dedup_key_reference_id", "lit_dedup_key", ["reference_id"])
    op.create_table(
        "lit_case_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lit_case_link"),
        sa.ForeignKeyConstraint(["reference_id"], ["lit_reference.id"],
                                name="fk_lit_case_link_reference_id_lit_reference", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["case_id"], ["clinical_case.id"], name="fk_lit_case_link_case_id_clinical_case",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entry_id"], ["entry.id"], name="fk_lit_case_link_entry_id_entry",
                                ondelete="CASCADE"),
        sa.UniqueConstraint("reference_id", "case_id", "entry_id", name="uq_lit_case_link_reference_case_entry"),
    )
    op.create_index("ix_lit_case_link_case_id", "lit_case_link", ["case_id"])
    # SQLite treats NULLs as distinct in the UNIQUE constraint above, so a case-level link (no entry) needs its own
    # partial unique index to stay single.
    op.create_index("uq_lit_case_link_reference_case", "lit_case_link", ["reference_id", "case_id"], unique=True,
                    sqlite_where=sa.text("entry_id IS NULL"))


def downgrade() -> None:
    for table in ("lit_case_link", "lit_dedup_key", "lit_reference"):
        op.drop_table(table)
