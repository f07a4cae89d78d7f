"""Housekeeping once a session, on the writer thread after the window is up (never on the way to the first window).

- the daily backup of the database, when none was taken today;
- timeline entries deleted more than 30 days ago are past any undo: removed for good (their attachments stay, they
  are shared by content hash).

It used to hide in the Records page's constructor; here it runs whichever room opens first, and a test can run it.
"""

from __future__ import annotations

from cdss.records.service import RecordsService
from cdss.ui.context import AppContext
from cdss.ui.tasks import TaskHandle


def start_maintenance(ctx: AppContext) -> list[TaskHandle]:
    records = RecordsService(ctx.workspace, actor="maintenance")
    return [ctx.tasks.run_write(ctx.workspace.backup_if_due, name="daily-backup"),
            ctx.tasks.run_write(records.cases.purge_deleted_entries, name="purge-deleted-entries")]
