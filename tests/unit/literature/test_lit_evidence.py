"""Evidence for a case: the query comes from the case's diagnoses, the patient's drugs and key timeline terms."""

from __future__ import annotations

import pytest

from cdss.literature.evidence import case_terms, find_evidence, key_terms
from cdss.literature.library import LiteratureLibrary
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind, Medication

from .conftest import SAMPLE_REFS


@pytest.fixture()
def evidence_case(workspace):
    library = LiteratureLibrary(workspace)
    ids = library.store.add(SAMPLE_REFS)
    records = RecordsService(workspace)
    patient = records.patients.create("王五")
    case = records.cases.create(patient.id, "糖尿病随访")
    diagnosis = records.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "糖尿病肾病", icd10="E11.2")
    records.cases.add_entry(case.id, EntryKind.HISTORY, "Known nephropathy; renal function declining over two years.")
    records.medications.add(patient.id, Medication("二甲双胍", "500 mg bid"))
    records.medications.add(patient.id, Medication("aspirin", active=False))
    return library, records, case, diagnosis, dict(zip(range(1, 7), ids, strict=True))


def test_terms_come_from_diagnoses_active_drugs_and_rare_timeline_words(evidence_case):
    library, records, case, diagnosis, _ids = evidence_case
    with library.index().searcher() as searcher:
        terms = case_terms(records, case.id, searcher)
    kinds = [(t.kind, t.text) for t in terms]
    assert kinds[:2] == [("diagnosis", "糖尿病肾病"), ("drug", "二甲双胍")]
    assert terms[0].entry_id == diagnosis.id
    assert "metformin" in [name.casefold() for name in terms[1].search_texts]  # from the drug catalog
    assert ("drug", "aspirin") not in kinds  # stopped medications are not the case's drugs
    keys = [text for kind, text in kinds if kind == "term"]
    assert "nephropathy" in keys and "two" not in keys


def test_papers_on_the_case_concepts_rank_first_with_reasons(evidence_case):
    library, records, case, _diagnosis, ids = evidence_case
    evidence = find_evidence(library, records, case.id)
    top = [hit.id for hit in evidence.hits[:2]]
    # The Chinese metformin/nephropathy paper and the English metformin/nephropathy cohort.
    assert set(top) == {ids[4], ids[1]}
    reasons = {hit.id: {t.kind for t in hit.matched} for hit in evidence.hits}
    assert {"diagnosis", "drug"} <= reasons[ids[4]]
    assert "drug" in reasons[ids[1]]  # "metformin", the catalog's English name of 二甲双胍
    assert ids[2] not in [h.id for h in evidence.hits] and ids[3] not in [h.id for h in evidence.hits]  # spine
    assert all("<b" in hit.snippet for hit in evidence.hits)


def test_linked_papers_are_listed_apart_not_suggested(evidence_case):
    library, records, case, diagnosis, ids = evidence_case
    library.links.link(ids[1], case.id, diagnosis.id)
    evidence = find_evidence(library, records, case.id)
    assert [link.reference_id for link in evidence.linked] == [ids[1]]
    assert ids[1] not in [hit.id for hit in evidence.hits]


def test_a_case_without_concepts_or_library_gives_no_suggestions(workspace):
    records = RecordsService(workspace)
    case = records.cases.create(records.patients.create("赵六").id, "Check-up")
    evidence = find_evidence(LiteratureLibrary(workspace), records, case.id)
    assert (evidence.hits, evidence.library_size) == ((), 0)


def test_key_terms_skip_words_common_in_the_library(small_index):
    with small_index.searcher() as searcher:
        words = key_terms(searcher, "Lumbar spinal fusion was done as planned; kidney function known. Spinal pain.")
    assert sorted(words) == ["kidney", "lumbar"]  # MeSH terms/keywords of one paper each
    # "spinal" is in a third of this library (describes nothing specific); "planned", "known", "pain" and
    # "function" name no topic of any paper.
