"""The simple ways of doing what the app does fast, kept out of the app: the benchmarks' peers and the tests'
reference answers (an index must return what the naive loop returns)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def naive_pair_rules(rule_set, first, second) -> list:
    """Every rule of ``rule_set`` matching the pair, found by looping over all of them (the peer of the index)."""
    from cdss.drugs import vocab

    found = [r for r in rule_set.rules
             if first.id not in r.exclude_ids and second.id not in r.exclude_ids
             and ((r.a.matches(first) and r.b.matches(second)) or (r.a.matches(second) and r.b.matches(first)))]
    found.sort(key=lambda r: (vocab.SEVERITIES.index(r.severity), not r.onc_high_priority, r.id))
    return found


def like_scan_patient_ids(session: Session, query: str) -> list[int]:
    """Patients found by a LIKE scan over names, identifiers and every entry (the peer of the FTS5 index)."""
    pattern = "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql = text(
        "SELECT p.id FROM patient p WHERE p.name LIKE :p ESCAPE '\\' "
        "OR replace(p.name_pinyin, ' ', '') LIKE :p ESCAPE '\\' OR p.name_initials LIKE :p ESCAPE '\\' "
        "OR EXISTS (SELECT 1 FROM patient_identifier i WHERE i.patient_id = p.id AND i.value LIKE :p ESCAPE '\\') "
        "OR EXISTS (SELECT 1 FROM clinical_case c JOIN entry e ON e.case_id = c.id WHERE c.patient_id = p.id "
        "AND e.deleted_at IS NULL AND (e.text LIKE :p ESCAPE '\\' OR e.icd10 LIKE :p ESCAPE '\\')) "
        "ORDER BY p.id DESC"
    )
    return [row[0] for row in session.execute(sql, {"p": pattern})]
