"""Patient search: Chinese substrings, pinyin, English stemming, identifiers, and hostile input that never raises."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.peers import like_scan_patient_ids
from cdss.records import search
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind, Identifier, Sex


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    from cdss.workspace import Workspace

    ws = Workspace.open(tmp_path_factory.mktemp("search") / "ws")
    service = RecordsService(ws, today=lambda: dt.date(2025, 3, 15))
    ids = {}
    zhang = service.patients.create(
        "张三", sex=Sex.MALE, identifiers=[Identifier("inpatient-no", "ZY20250001")], tags=["慢病"]
    )
    case = service.cases.create(zhang.id, "住院")
    service.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "社区获得性肺炎", icd10="J18.9")
    service.cases.add_entry(case.id, EntryKind.PROGRESS, "体温正常，咳嗽减轻")
    ids["zhang"] = zhang.id
    smith = service.patients.create("John Smith", identifiers=[Identifier("mrn", "MRN-4711")], tags=["diabetes"])
    case = service.cases.create(smith.id, "Clinic")
    service.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "Type 2 diabetes mellitus", icd10="E11.9")
    service.cases.add_entry(case.id, EntryKind.PROGRESS,
                            "Recurrent urinary tract infection treated with nitrofurantoin")
    ids["smith"] = smith.id
    li = service.patients.create("李肺")  # shares one character with 肺炎 but not the word
    case = service.cases.create(li.id, "门诊")
    service.cases.add_entry(case.id, EntryKind.NOTE, "炎症指标正常")
    ids["li"] = li.id
    yield service, ids, ws
    ws.close()


def _find(service, query):
    return {s.id for s in service.patients.page(0, 100, search=query)}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("张三", "zhang"),
        ("肺炎", "zhang"),
        ("获得", "zhang"),
        ("zs", "zhang"),
        ("zhangsan", "zhang"),
        ("zhang", "zhang"),
        ("zhang san", "zhang"),
        ("zhangs", "zhang"),
        ("ZY20250001", "zhang"),
        ("J18.9", "zhang"),
        ("j18", "zhang"),
        ("慢病", "zhang"),
        ("咳嗽", "zhang"),
        ("smith", "smith"),
        ("infections", "smith"),
        ("diabetic", "smith"),
        ("E11.9", "smith"),
        ("MRN-4711", "smith"),
        ("nitrofurantoin", "smith"),
        ("urinary infection", "smith"),
        ("Smi", "smith"),
        ("ｓｍｉｔｈ", "smith"),
    ],
)
def test_finds_the_right_patient(indexed, query, who):
    service, ids, _ = indexed
    assert _find(service, query) == {ids[who]}


def test_surname_readings_and_pinyin_updates(workspace):
    service = RecordsService(workspace)
    zeng = service.patients.create("曾小明").id
    assert {s.id for s in service.patients.page(search="zxm")} == {zeng}
    assert {s.id for s in service.patients.page(search="zengxiaoming")} == {zeng}  # 曾 as a surname
    assert {s.id for s in service.patients.page(search="cxm")} == {zeng}  # the other reading, as pypinyin gives it
    with workspace.unit_of_work() as session:
        assert set(like_scan_patient_ids(session, "zengxiaoming")) == {zeng}


def test_chinese_is_exact_substring_not_any_character(indexed):
    service, ids, _ = indexed
    assert ids["li"] not in _find(service, "肺炎")
    assert _find(service, "肺") == {ids["zhang"], ids["li"]}
    assert _find(service, "三张") == set()


def test_words_are_anded_and_ranked(indexed):
    service, ids, _ = indexed
    assert _find(service, "smith 肺炎") == set()
    assert service.patients.count("肺") == 2
    # A name hit outranks a mention in a note.
    assert [s.id for s in service.patients.page(0, 10, search="肺")][0] == ids["li"]


HOSTILE = [
    '"',
    '""',
    "'",
    "AND",
    "OR",
    "NOT",
    "smith AND",
    "AND smith",
    "*",
    "smi*",
    "NEAR(",
    "NEAR(a b)",
    "(",
    ")",
    "((smith",
    "smith)",
    "name:smith",
    "^smith",
    "-smith",
    "+",
    '"unbalanced',
    "{a b}:c",
    "\\",
    "%",
    "_",
    "\x00",
    '肺炎"',
    "🙂",
    " ",
    "",
    "a" * 5000,
    "J18.9*",
    ":",
    "NEAR/3",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(indexed, query):
    service, _, _ = indexed
    assert isinstance(service.patients.page(0, 10, search=query), list)
    assert service.patients.count(query) >= 0


def test_operators_are_plain_words(indexed):
    service, ids, _ = indexed
    assert _find(service, "smith AND") == set()  # "and" is a word that John Smith's record lacks
    assert _find(service, "smith)") == {ids["smith"]}
    assert _find(service, '"smith') == {ids["smith"]}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_a_safe_query(indexed, query):
    service, _, ws = indexed
    with ws.unit_of_work() as session:
        search.search_patient_ids(session, query, 0, 5)
        search.count_matches(session, query)
        like_scan_patient_ids(session, query)


def test_match_expression_quotes_every_word():
    assert search.match_expression('smith AND "x') == '"smith" AND "and" AND "x" *'
    assert search.match_expression("肺炎 ") == '"肺 炎"'
    assert search.match_expression("J18.9") == '"j18 9" *'
    assert search.match_expression("()*") is None
    assert search.match_expression("a " * 100).count("AND") == search.MAX_QUERY_WORDS - 1


def test_like_scan_agrees_with_fts_on_substrings(indexed):
    service, ids, ws = indexed
    with ws.unit_of_work() as session:
        assert set(like_scan_patient_ids(session, "肺炎")) == {ids["zhang"]}
        assert set(like_scan_patient_ids(session, "100%")) == set()
        assert set(like_scan_patient_ids(session, "nitrofurantoin")) == {ids["smith"]}


def test_rebuild_index_restores_a_lost_index(indexed):
    service, ids, ws = indexed
    from sqlalchemy import text

    with ws.unit_of_work() as session:
        session.execute(text("DELETE FROM patient_fts"))
    assert _find(service, "肺炎") == set()
    assert service.patients.rebuild_search_index() == 3
    assert _find(service, "肺炎") == {ids["zhang"]}
