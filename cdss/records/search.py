"""Patient search: one SQLite FTS5 document per patient, for Chinese and English, without a word segmenter.

Chinese has no spaces, and loading jieba costs seconds at start-up, so CJK text is indexed one character per token
("肺 炎") and a CJK run in a query becomes a *phrase* of those characters — exact substring semantics, which is what a
doctor typing 肺炎 or 张三 expects. Everything else goes through ``porter unicode61`` so "infections" finds
"infection". The name column also carries the pinyin (full and initials) computed when the patient is saved, so
"zhangsan" and "zs" find 张三.

User input never reaches FTS5 syntax: the query is cut into tokens of letters and digits and each word is re-quoted
as a phrase, so quotes, AND/OR/NOT/NEAR, ``*``, ``:`` and parentheses are plain text and can never raise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from cdss.progress import Progress

FTS_TABLE = "patient_fts"
MAX_QUERY_WORDS = 16

_CJK = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_CJK_CHAR = re.compile(f"([{_CJK}])")
# A token as unicode61 sees it: a run of letters/digits, or one CJK character.
_TOKEN = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")

# Ranking: patients whose name or identifier matches come first, then the rest newest first. bm25 was tried and costs
# 10-30 ms on a query matching half of 10,000 patients (it scores every hit); this order needs only rowids.
_RANKED = (
    f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q "
    f"ORDER BY rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q_name) DESC, rowid DESC"
)


def normalize(value: str) -> str:
    # NFKC folds full-width letters and digits (Ｊ１８, １２３) typed from a Chinese IME into their ASCII forms.
    return unicodedata.normalize("NFKC", value).lower()


def index_text(value: str | None) -> str:
    """Text as it is stored in the index: CJK characters separated by spaces, the rest untouched."""
    if not value:
        return ""
    return _CJK_CHAR.sub(r" \1 ", normalize(value))


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for free text typed by a user, or None when it holds nothing searchable.

    Each whitespace-separated word becomes a quoted phrase of its tokens (so "J18.9" matches the code, "2型糖尿病"
    the diagnosis); the words are ANDed. The last word is a prefix when it ends in a letter or digit and the user has
    not typed a space after it, which is what makes search feel instant while typing.
    """
    phrases = []
    # A pasted paragraph is not a search; capping the words keeps the worst case bounded.
    words = normalize(query).split()[:MAX_QUERY_WORDS]
    for position, word in enumerate(words):
        tokens = _TOKEN.findall(word)
        if not tokens:
            continue
        phrase = '"' + " ".join(tokens) + '"'
        is_last = position == len(words) - 1 and not query[-1:].isspace()
        if is_last and _ASCII_WORD.fullmatch(tokens[-1]):
            phrase += " *"
        phrases.append(phrase)
    return " AND ".join(phrases) if phrases else None


def search_patient_ids(session: Session, query: str, offset: int = 0, limit: int | None = None) -> list[int]:
    """Patient ids matching ``query``, best first. An unsearchable query (only punctuation) matches nothing."""
    expression = match_expression(query)
    if expression is None:
        return []
    sql = _RANKED
    params: dict[str, object] = {"q": expression, "q_name": "{name identifiers} : (" + expression + ")"}
    if limit is not None:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=limit, offset=offset)
    return [row[0] for row in session.execute(text(sql), params)]


def count_matches(session: Session, query: str) -> int:
    expression = match_expression(query)
    if expression is None:
        return 0
    return session.execute(
        text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"), {"q": expression}
    ).scalar_one()


# -- keeping the index up to date -------------------------------------------------------------------------------------
_BATCH = 500  # patients per set of queries: well under SQLite's bound-parameter limit


def _grouped(session: Session, sql: str, ids: list[int]) -> dict[int, list[tuple]]:
    """Rows of ``sql`` (first column the patient id, ``:ids`` the id list) grouped by patient, in query order."""
    grouped: dict[int, list[tuple]] = {}
    statement = text(sql).bindparams(bindparam("ids", expanding=True))
    for row in session.execute(statement, {"ids": ids}):
        grouped.setdefault(row[0], []).append(tuple(row[1:]))
    return grouped


def _documents(session: Session, ids: list[int]) -> dict[int, tuple[str, str, str, str, str]]:
    """The search documents of up to ``_BATCH`` patients, with one query per table rather than per patient."""
    patients = _grouped(
        session, "SELECT id, name, name_pinyin, name_initials, phone, email, notes, address FROM patient "
        "WHERE id IN :ids", ids)
    identifiers = _grouped(
        session, "SELECT patient_id, value FROM patient_identifier WHERE patient_id IN :ids ORDER BY patient_id, id",
        ids)
    tags = _grouped(
        session, "SELECT pt.patient_id, t.name FROM tag t JOIN patient_tag pt ON pt.tag_id = t.id "
        "WHERE pt.patient_id IN :ids UNION SELECT c.patient_id, t.name FROM tag t JOIN case_tag ct ON ct.tag_id = t.id "
        "JOIN clinical_case c ON c.id = ct.case_id WHERE c.patient_id IN :ids", ids)
    entries = _grouped(
        session, "SELECT c.patient_id, e.kind, e.text, e.icd10, e.caption FROM entry e "
        "JOIN clinical_case c ON c.id = e.case_id WHERE c.patient_id IN :ids AND e.deleted_at IS NULL "
        "ORDER BY c.patient_id, c.id, e.id", ids)
    titles = _grouped(
        session, "SELECT patient_id, title FROM clinical_case WHERE patient_id IN :ids ORDER BY patient_id, id", ids)
    allergies = _grouped(
        session, "SELECT patient_id, substance, reaction FROM allergy WHERE patient_id IN :ids ORDER BY patient_id, id",
        ids)
    medications = _grouped(
        session, "SELECT patient_id, name FROM medication WHERE patient_id IN :ids ORDER BY patient_id, id", ids)
    documents = {}
    for patient_id, [(name, pinyin, initials, phone, email, notes, address)] in patients.items():
        # Each pinyin variant both joined ("zhangsan", for typing the whole name) and spaced ("zhang san").
        readings = [v for v in (pinyin or "").split(";") if v]
        pinyin = " ".join(f"{v.replace(' ', '')} {v}" for v in readings)
        values = [row[0] for row in identifiers.get(patient_id, ())] + [phone or "", email or ""]
        diagnoses: list[str] = []
        body: list[str] = [notes or "", address or ""]
        for kind, entry_text, icd10, caption in entries.get(patient_id, ()):
            if kind == "diagnosis":
                diagnoses += [entry_text or "", icd10 or ""]
            else:
                body += [entry_text or "", caption or ""]
        body += [row[0] for row in titles.get(patient_id, ())]
        body += [f"{substance} {reaction or ''}" for substance, reaction in allergies.get(patient_id, ())]
        body += [row[0] for row in medications.get(patient_id, ())]
        documents[patient_id] = (
            index_text(" ".join((name, pinyin, initials))),
            index_text(" ".join(values)),
            index_text(" ".join(diagnoses)),
            index_text(" ".join(sorted({row[0] for row in tags.get(patient_id, ())}))),
            index_text(" ".join(body)),
        )
    return documents


def reindex_patient(session: Session, patient_id: int) -> None:
    """Rebuild one patient's search document inside the caller's transaction (or drop it if the patient is gone)."""
    reindex_patients(session, [patient_id])


def reindex_patients(session: Session, patient_ids: Iterable[int], progress: Progress | None = None) -> int:
    """Rebuild these patients' documents, a batch at a time (one DELETE, a query per table and one INSERT)."""
    ids = list(dict.fromkeys(patient_ids))
    delete = text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN :ids").bindparams(bindparam("ids", expanding=True))
    insert = text(
        f"INSERT INTO {FTS_TABLE}(rowid, name, identifiers, diagnoses, tags, body) "
        "VALUES (:id, :name, :ids, :dx, :tags, :body)"
    )
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        session.execute(delete, {"ids": batch})
        documents = _documents(session, batch)
        rows = [
            {"id": pid, "name": d[0], "ids": d[1], "dx": d[2], "tags": d[3], "body": d[4]}
            for pid, d in documents.items()
        ]
        if rows:
            session.execute(insert, rows)
        if progress is not None:
            progress.update(start + len(batch), len(ids), "search index")
    return len(ids)


def rebuild_index(session: Session, progress: Progress | None = None) -> int:
    """Rebuild every patient's document (after a bulk load, or to repair the index)."""
    session.execute(text(f"DELETE FROM {FTS_TABLE}"))
    ids = [row[0] for row in session.execute(text("SELECT id FROM patient ORDER BY id"))]
    return reindex_patients(session, ids, progress)
