"""Links to soft-deleted timeline entries, and the library after a workspace restore."""

from __future__ import annotations

import datetime as dt

from cdss.literature.library import LiteratureLibrary
from cdss.literature.search import search
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind

from .conftest import SAMPLE_REFS


def test_links_to_a_deleted_entry_hide_and_come_back_with_undo(workspace):
    library = LiteratureLibrary(workspace)
    (ref_id,) = library.add([SAMPLE_REFS[0]])
    records = RecordsService(workspace)
    case = records.cases.create(records.patients.create("张三").id, "糖尿病肾病")
    entry = records.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "2型糖尿病肾病",
                                    occurred_at=dt.datetime(2024, 3, 1, 9))
    whole = library.links.link(ref_id, case.id)
    on_entry = library.links.link(ref_id, case.id, entry.id)
    assert [link.id for link in library.links.for_case(case.id)] == [whole.id, on_entry.id]

    records.cases.delete_entry(entry.id)
    # The case-level link stays; the link to the deleted entry is hidden from both sides.
    assert [link.id for link in library.links.for_case(case.id)] == [whole.id]
    assert [link.id for link in library.links.for_reference(ref_id)] == [whole.id]

    records.cases.restore_entry(entry.id)
    restored = library.links.for_reference(ref_id)
    assert [link.id for link in restored] == [whole.id, on_entry.id]  # the same link, not a new one
    assert "2型糖尿病肾病" in restored[1].entry_label


def test_a_purged_entry_takes_its_links_with_it(workspace):
    library = LiteratureLibrary(workspace)
    (ref_id,) = library.add([SAMPLE_REFS[0]])
    records = RecordsService(workspace)
    case = records.cases.create(records.patients.create("李四").id, "肾病")
    entry = records.cases.add_entry(case.id, EntryKind.NOTE, "复查肾功能", occurred_at=dt.datetime(2024, 3, 2, 9))
    library.links.link(ref_id, case.id, entry.id)
    records.cases.delete_entry(entry.id)
    # older_than -1 s: everything deleted so far
    assert records.cases.purge_deleted_entries(older_than=dt.timedelta(seconds=-1)) == 1
    assert library.links.for_case(case.id) == []
    from sqlalchemy import func, select

    from cdss.literature.models import LitCaseLinkRow

    with workspace.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(LitCaseLinkRow)) == 0


def test_a_restored_database_never_searches_a_stale_index(workspace):
    library = LiteratureLibrary.shared(workspace)
    library.add([SAMPLE_REFS[0]])
    backup = workspace.backup_now()
    library.add([SAMPLE_REFS[1]])
    assert [h.title for h in search(library.index(), "spinal fusion").hits] == [SAMPLE_REFS[1].title]

    workspace.restore(backup.path)
    # The same shared library (the room and evidence panels keep it) now answers from the restored papers.
    assert LiteratureLibrary.shared(workspace) is library
    assert library.count() == 1
    assert search(library.index(), "spinal fusion").hits == ()
    assert [h.title for h in search(library.index(), "metformin").hits] == [SAMPLE_REFS[0].title]


def test_restore_listeners_are_held_weakly(workspace):
    library = LiteratureLibrary(workspace)
    library.index()
    calls = []
    workspace.add_restore_listener(lambda: calls.append("plain function"))
    assert len(workspace._restore_listeners) >= 2
    del library
    import gc

    gc.collect()
    backup = workspace.backup_now()
    workspace.restore(backup.path)
    assert calls == ["plain function"]
    assert len(workspace._restore_listeners) == 1  # the collected library's listener was dropped
