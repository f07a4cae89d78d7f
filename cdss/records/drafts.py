"""Autosave drafts: the text a doctor is typing, kept under a key until it is saved or discarded."""

from __future__ import annotations

from sqlalchemy import delete, select

from cdss.clock import utc_now
from cdss.errors import UserError
from cdss.records.models import DraftRow
from cdss.records.service_base import ServiceBase


class DraftsService(ServiceBase):
    def save(self, key: str, text: str) -> None:
        key = _draft_key(key)
        with self._workspace.unit_of_work() as session:
            row = session.scalars(select(DraftRow).where(DraftRow.key == key)).first()
            if row is None:
                session.add(DraftRow(key=key, text=text, updated_at=utc_now()))
            else:
                row.text, row.updated_at = text, utc_now()

    def load(self, key: str) -> str | None:
        key = _draft_key(key)
        with self._workspace.unit_of_work() as session:
            return session.scalars(select(DraftRow.text).where(DraftRow.key == key)).first()

    def clear(self, key: str) -> None:
        key = _draft_key(key)
        with self._workspace.unit_of_work() as session:
            session.execute(delete(DraftRow).where(DraftRow.key == key))


def _draft_key(key: str) -> str:
    if not key or not key.strip() or len(key) > 200:
        raise UserError("draft_key_invalid", "A draft needs a key of 1 to 200 characters.")
    return key.strip()
