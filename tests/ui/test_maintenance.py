"""Start-up housekeeping runs on the writer thread: old deleted timeline entries go, recent ones stay undoable."""

from __future__ import annotations

import datetime as dt

from cdss.records.service import RecordsService
from cdss.ui.maintenance import start_maintenance


def test_maintenance_purges_only_entries_deleted_long_ago(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    case = service.cases.create(service.patients.create("孙七").id, "Follow-up", opened_on=dt.date(2024, 1, 1))
    old, recent = (service.cases.add_entry(case.id, "note", text) for text in ("deleted long ago", "deleted today"))
    service.cases.delete_entry(old.id)
    service.cases.delete_entry(recent.id)
    with main_window.ctx.workspace.unit_of_work() as session:  # as if the first delete happened 40 days ago
        from sqlalchemy import update

        from cdss.records.models import EntryRow

        session.execute(update(EntryRow).where(EntryRow.id == old.id)
                        .values(deleted_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=40)))
    handles = start_maintenance(main_window.ctx)
    for handle in handles:
        qtbot.waitUntil(lambda h=handle: h.is_done, timeout=10_000)
    assert handles[1].result == 1  # one entry purged
    service.cases.restore_entry(recent.id)  # the recent one can still be brought back
    assert [e.text for e in service.cases.get(case.id).entries] == ["deleted today"]
