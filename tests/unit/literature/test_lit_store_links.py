"""The library in SQLite: schema in step with the models, migration of the old JSON-lines store, the derived index
kept in step, tags/notes, PDFs kept by hash, and paper↔case links from both sides."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from cdss.db.base import Base
from cdss.errors import UserError
from cdss.literature.library import SYNC_FILENAME, LiteratureLibrary
from cdss.literature.search import search
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind

from .conftest import SAMPLE_REFS

RIS = "TY  - JOUR\nTI  - Metformin and diabetic kidney disease outcomes\nDO  - 10.1000/met.1\nPY  - 2019\nER  - \n"


def test_migration_matches_the_literature_models(workspace):
    import cdss.literature.models  # noqa: F401
    import cdss.records.models  # noqa: F401

    with workspace.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diffs if "lit_" in repr(d)] == []


def test_legacy_jsonl_store_moves_into_sqlite_keeping_ids(workspace):
    legacy = workspace.root / "literature" / "references.jsonl"
    legacy.parent.mkdir()
    lines = [{"next_id": 9}] + [{"id": ref_id, "ref": SAMPLE_REFS[i].to_dict()} for i, ref_id in enumerate((2, 5))]
    legacy.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    library = LiteratureLibrary(workspace)
    assert sorted(library.references()) == [2, 5]
    assert library.get(5).title == SAMPLE_REFS[1].title
    assert not legacy.exists() and (legacy.parent / "references.jsonl.migrated").is_file()
    assert [h.id for h in search(library.index(), "nephropathy").hits] == [2]
    # The old store's next id (9) carries over: ids are never reused.
    (workspace.root / "new.ris").write_text(RIS, encoding="utf-8")
    assert library.import_paths([workspace.root / "new.ris"]).added_ids == (9,)


def test_damaged_legacy_store_moves_nothing(workspace):
    legacy = workspace.root / "literature" / "references.jsonl"
    legacy.parent.mkdir()
    good = json.dumps({"id": 1, "ref": SAMPLE_REFS[0].to_dict()})
    legacy.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(UserError) as info:
        LiteratureLibrary(workspace).count()
    assert info.value.code == "literature_store_damaged"
    assert legacy.exists() and LiteratureLibrary(workspace).store.count() == 0


def test_index_out_of_step_with_sqlite_is_rebuilt(workspace, tmp_path):
    (tmp_path / "a.ris").write_text(RIS, encoding="utf-8")
    library = LiteratureLibrary(workspace)
    library.import_paths([tmp_path / "a.ris"])
    assert (workspace.literature_index_dir / SYNC_FILENAME).is_file()
    # A write that reached SQLite but never the index (e.g. a crash in between): the store alone changes.
    library.store.add([SAMPLE_REFS[4]])
    reopened = LiteratureLibrary(workspace)
    assert [h.id for h in search(reopened.index(), "心肌梗死").hits] == [2]


def test_tags_and_notes_are_saved_and_tags_searchable(workspace, tmp_path):
    (tmp_path / "a.ris").write_text(RIS, encoding="utf-8")
    library = LiteratureLibrary(workspace)
    (ref_id,) = library.import_paths([tmp_path / "a.ris"]).added_ids
    assert library.set_tags(ref_id, [" to-read ", "CKD", "ckd", "a,b"]).tags == ("to-read", "CKD", "a b")
    assert library.set_notes(ref_id, "Cohort of 2,000; check the eGFR cut-off.").notes.startswith("Cohort")
    hits = search(library.index(), "kidney", filters={"tags": "CKD"}).hits
    assert [h.id for h in hits] == [ref_id]
    assert LiteratureLibrary(workspace).paper(ref_id).ref.tags == ("to-read", "CKD", "a b")
    with pytest.raises(UserError):
        library.set_notes(ref_id, "x" * 30_000)
    # A refused edit changed nothing, so the index is still known to be in step (no rebuild on next open).
    assert (workspace.literature_index_dir / SYNC_FILENAME).read_text() == library.store.fingerprint()


def _pdf(path, title: str, doi: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle(title)
    pdf.drawString(72, 800, title)
    pdf.drawString(72, 780, f"doi: {doi}")
    pdf.save()


def test_imported_pdf_is_kept_and_a_duplicate_pdf_attaches_to_the_existing_paper(workspace, tmp_path):
    library = LiteratureLibrary(workspace)
    _pdf(tmp_path / "new.pdf", "Colchicine prophylaxis when starting allopurinol", "10.1000/gout.7")
    (new_id,) = library.import_paths([tmp_path / "new.pdf"]).added_ids
    stored = library.export_pdf(new_id, tmp_path / "copy.pdf")
    assert stored is not None and stored.read_bytes() == (tmp_path / "new.pdf").read_bytes()

    (tmp_path / "a.ris").write_text(RIS, encoding="utf-8")
    (ris_id,) = library.import_paths([tmp_path / "a.ris"]).added_ids
    assert not library.has_pdf(ris_id)
    _pdf(tmp_path / "same.pdf", "Metformin and diabetic kidney disease outcomes", "10.1000/met.1")
    summary = library.import_paths([tmp_path / "same.pdf"])
    assert (summary.added, summary.duplicates, summary.files[0].attached_pdfs) == (0, 1, 1)
    assert library.has_pdf(ris_id)


@pytest.fixture()
def case_setup(workspace, tmp_path):
    records = RecordsService(workspace)
    patient = records.patients.create("张三")
    case = records.cases.create(patient.id, "Type 2 diabetes review")
    entry = records.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "Type 2 diabetes mellitus", icd10="E11.9")
    (tmp_path / "a.ris").write_text(RIS, encoding="utf-8")
    library = LiteratureLibrary(workspace)
    (ref_id,) = library.import_paths([tmp_path / "a.ris"]).added_ids
    return records, library, patient, case, entry, ref_id


def test_links_are_seen_from_both_sides_and_audited(workspace, case_setup):
    records, library, patient, case, entry, ref_id = case_setup
    case_link = library.links.link(ref_id, case.id)
    entry_link = library.links.link(ref_id, case.id, entry.id, note="dose in CKD")
    assert library.links.link(ref_id, case.id).id == case_link.id  # linking again changes nothing
    assert [(link.entry_id, link.case_title) for link in library.links.for_case(case.id)] == [
        (None, "Type 2 diabetes review"), (entry.id, "Type 2 diabetes review")]
    from_paper = library.links.for_reference(ref_id)
    assert {link.patient_name for link in from_paper} == {"张三"}
    assert from_paper[1].entry_kind == "diagnosis" and "Type 2 diabetes" in from_paper[1].entry_label
    library.links.unlink(entry_link.id)
    assert [link.id for link in library.links.for_case(case.id)] == [case_link.id]
    with workspace.unit_of_work() as session:
        from cdss import audit

        details = [e.detail for e in audit.events_for(session, "patient", patient.id)]
    assert any(f"paper {ref_id} linked to case {case.id}" == d for d in details)
    assert any("unlinked" in (d or "") for d in details)


def test_a_case_level_link_is_unique_even_in_sql(workspace, case_setup):
    _records, library, _patient, case, _entry, ref_id = case_setup
    library.links.link(ref_id, case.id)
    conn = sqlite3.connect(workspace.db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO lit_case_link(reference_id, case_id, entry_id, note, created_at) "
                         "VALUES (?, ?, NULL, '', ?)", (ref_id, case.id, dt.datetime(2026, 1, 1).isoformat()))
    finally:
        conn.close()


def test_link_refuses_an_entry_of_another_case_and_cascades(workspace, case_setup):
    records, library, patient, case, entry, ref_id = case_setup
    other = records.cases.create(patient.id, "Gout")
    with pytest.raises(UserError) as info:
        library.links.link(ref_id, other.id, entry.id)
    assert info.value.code == "literature_link_entry_invalid"
    library.links.link(ref_id, case.id, entry.id)
    records.cases.delete(case.id)
    assert library.links.for_reference(ref_id) == []
    library.links.link(ref_id, other.id)
    library.delete([ref_id])
    assert library.links.for_case(other.id) == []


def test_upgrade_from_0005_adds_the_library_tables(tmp_path):
    from cdss.db.migrate import HEAD_REVISION, current_revision, upgrade_database
    from cdss.workspace import Workspace

    root = tmp_path / "old"
    root.mkdir()
    upgrade_database(root / "cdss.sqlite3", root / "backups", target="0005_decision_support")
    workspace = Workspace.open(root)
    try:
        assert current_revision(workspace.db_path) == HEAD_REVISION
        library = LiteratureLibrary(workspace)
        first, second = library.add(SAMPLE_REFS[:2])
        library.delete([second])
        # AUTOINCREMENT: the deleted highest id is not handed out again.
        assert library.add(SAMPLE_REFS[2:3]) == [second + 1] and first == 1
    finally:
        workspace.close()
