from __future__ import annotations

import json

from cdss.cli import main
from cdss.literature.library import LiteratureLibrary
from cdss.workspace import Workspace

RIS = "TY  - JOUR\nTI  - Metformin and diabetic kidney disease outcomes\nDO  - 10.1000/met.1\nPY  - 2019\nER  - \n"
RIS_TWO = RIS + "TY  - JOUR\nTI  - 二甲双胍与糖尿病肾病\nPY  - 2021\nER  - \n"


def library(tmp_path) -> LiteratureLibrary:
    return LiteratureLibrary(Workspace.open(tmp_path / "ws"), tmp_path / "index")


def test_import_assigns_stable_ids_and_dedupes(tmp_path):
    (tmp_path / "a.ris").write_text(RIS, encoding="utf-8")
    (tmp_path / "b.ris").write_text(RIS_TWO, encoding="utf-8")
    lib = library(tmp_path)
    first = lib.import_paths([tmp_path / "a.ris"])
    assert (first.added, first.duplicates) == (1, 0)
    second = lib.import_paths([tmp_path / "b.ris"])
    assert (second.added, second.duplicates) == (1, 1)
    assert second.files[0].added_ids == (2,)
    reopened = library(tmp_path)  # a fresh object reads the same store and index
    assert sorted(reopened.references()) == [1, 2]
    assert reopened.references()[2].title == "二甲双胍与糖尿病肾病"


def test_ids_are_never_reused_after_delete(tmp_path):
    (tmp_path / "b.ris").write_text(RIS_TWO, encoding="utf-8")
    lib = library(tmp_path)
    lib.import_paths([tmp_path / "b.ris"])
    assert lib.delete([2]) == 1
    (tmp_path / "c.ris").write_text("TY  - JOUR\nTI  - Gout and colchicine prophylaxis\nER  - \n", encoding="utf-8")
    assert library(tmp_path).import_paths([tmp_path / "c.ris"]).files[0].added_ids == (3,)


def test_rejected_file_adds_nothing(tmp_path):
    (tmp_path / "cut.ris").write_text(RIS + "TY  - JOUR\nTI  - cut off", encoding="utf-8")
    lib = library(tmp_path)
    summary = lib.import_paths([tmp_path / "cut.ris"])
    assert summary.added == 0 and summary.rejected[0].code == "import_truncated"
    assert lib.references() == {} and lib.count() == 0


def test_missing_index_is_rebuilt_from_the_store(tmp_path):
    (tmp_path / "b.ris").write_text(RIS_TWO, encoding="utf-8")
    library(tmp_path).import_paths([tmp_path / "b.ris"])
    for path in (tmp_path / "index").iterdir():
        path.unlink()
    from cdss.literature.search import search

    assert [hit.id for hit in search(library(tmp_path).index(), "糖尿病肾病").hits] == [2]


def test_cli_import_search_export_reindex(tmp_path, capsys):
    ws = str(tmp_path / "ws")
    source = tmp_path / "b.ris"
    source.write_text(RIS_TWO, encoding="utf-8")
    assert main(["--workspace", ws, "lit", "import", str(source), "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert imported["files"][0]["added"] == 2 and imported["rejected"] == []

    assert main(["--workspace", ws, "lit", "search", "metformin kidney", "--limit", "5", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["id"] == 1 and hits[0]["doi"] == "10.1000/met.1"
    assert set(hits[0]) == {"id", "title", "year", "journal", "pmid", "doi", "score"}

    assert main(["--workspace", ws, "lit", "search", "糖尿病肾病", "--json"]) == 0
    assert [hit["id"] for hit in json.loads(capsys.readouterr().out)] == [2]

    out_file = tmp_path / "lib.bib"
    assert main(["--workspace", ws, "lit", "export", "--format", "bibtex", "-o", str(out_file)]) == 0
    assert out_file.read_text(encoding="utf-8").count("@article") == 2

    assert main(["--workspace", ws, "lit", "reindex"]) == 0
    assert "reindexed 2" in capsys.readouterr().out

    bad = tmp_path / "bad.xml"
    bad.write_text("<PubmedArticleSet><PubmedArticle>", encoding="utf-8")
    assert main(["--workspace", ws, "lit", "import", str(bad)]) == 1
    assert "bad.xml" in capsys.readouterr().err


def test_cli_evidence_and_link(tmp_path, capsys):
    from cdss.records.service import RecordsService
    from cdss.records.types import EntryKind

    ws_path = tmp_path / "ws"
    source = tmp_path / "b.ris"
    source.write_text(RIS_TWO, encoding="utf-8")
    assert main(["--workspace", str(ws_path), "lit", "import", str(source)]) == 0
    records = RecordsService(Workspace.open(ws_path))
    case = records.cases.create(records.patients.create("周七").id, "DKD")
    entry = records.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "Diabetic kidney disease", icd10="E11.2")
    capsys.readouterr()

    assert main(["--workspace", str(ws_path), "lit", "evidence", str(case.id), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["terms"] == [{"kind": "diagnosis", "text": "Diabetic kidney disease"}]
    assert found["hits"][0]["id"] == 1 and found["hits"][0]["matched"][0]["kind"] == "diagnosis"

    assert main(["--workspace", str(ws_path), "lit", "link", "1", str(case.id), "--entry", str(entry.id)]) == 0
    assert main(["--workspace", str(ws_path), "lit", "evidence", str(case.id)]) == 0
    assert "linked [1]" in capsys.readouterr().out
    assert main(["--workspace", str(ws_path), "lit", "link", "1", str(case.id), "--entry", str(entry.id),
                 "--remove"]) == 0
    assert "removed 1 link" in capsys.readouterr().out
    assert main(["--workspace", str(ws_path), "lit", "link", "99", str(case.id)]) == 1  # unknown paper: a message


def test_short_titles_without_identifiers_do_not_duplicate_on_reimport(tmp_path):
    ris = ("TY  - JOUR\nTI  - Reply\nAU  - Wang, Li\nPY  - 2020\nJO  - Chin Med J\nER  - \n"
           "TY  - JOUR\nTI  - Reply\nAU  - Smith, Ann\nPY  - 2020\nJO  - Lancet\nER  - \n"
           "TY  - JOUR\nTI  - 二甲双胍与糖尿病肾病\nPY  - 2021\nER  - \n")
    (tmp_path / "letters.ris").write_text(ris, encoding="utf-8")
    lib = library(tmp_path)
    first = lib.import_paths([tmp_path / "letters.ris"])
    assert (first.added, first.duplicates) == (3, 0)  # two letters called "Reply" by different authors stay two
    again = lib.import_paths([tmp_path / "letters.ris"])
    assert (again.added, again.duplicates) == (0, 3)
