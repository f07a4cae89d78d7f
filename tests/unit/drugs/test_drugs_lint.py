"""The knowledge linter: the shipped pack passes; each kind of problem it exists for is caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cdss.cli import main as cli_main
from cdss.drugs.catalog import DEFAULT_PACK_DIR, Catalog
from cdss.drugs.lint import lint_catalog


def test_shipped_pack_passes_the_linter(catalog):
    report = lint_catalog(catalog)
    assert report.errors == [], "\n".join(str(p) for p in report.errors[:30])
    assert report.drugs == len(catalog) and report.rules == len(catalog.rules.rules)
    assert 0 < report.coverage_share() <= 1


def _pack_with(tmp_path: Path, change) -> Path:
    """A copy of the shipped pack with ``change(entries)`` applied to the first catalog file's entries."""
    target = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK_DIR, target)
    path = sorted((target / "catalog").glob("*.json"))[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["entries"])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def test_two_drugs_sharing_a_name_and_missing_chinese_are_errors(tmp_path):
    def change(entries):
        entries[0]["brands_intl"].append(entries[1]["name_en"])  # a brand that is another drug's INN
        entries[1]["name_zh"] = "Not Chinese"
        entries[2]["hepatic"] = {"action": "caution", "text_en": "Use with care.", "text_zh": None,
                                 "source": "US FDA prescribing information"}

    report = lint_catalog(Catalog.load(_pack_with(tmp_path, change)))
    codes = {p.code for p in report.errors}
    assert {"name_shared", "name_zh_not_chinese", "text_missing_zh"} <= codes


def test_cli_lint_exit_code_follows_errors(tmp_path, capsys):
    assert cli_main(["drugs", "lint"]) == 0
    assert "0 errors" in capsys.readouterr().out

    def change(entries):
        entries[0]["class_zh"] = "class only in English"

    assert cli_main(["drugs", "lint", "--pack", str(_pack_with(tmp_path, change))]) == 1
    assert "class_zh_not_chinese" in capsys.readouterr().out


@pytest.mark.parametrize(("source", "dated"), [
    ("US FDA prescribing information (Norvasc, 2019)", True),
    ("BNF 86", True),
    ("BNF for Children 2023–2024", True),
    ("中国药典临床用药须知（2015年版）", True),
    ("Martindale, 40th edition", True),
    ("BNF", False),
    ("LactMed", False),
    ("中国药品说明书（NMPA）", False),
])
def test_a_source_counts_as_dated_only_when_it_names_a_year_or_edition(source, dated):
    from cdss.drugs.lint import _DATED

    assert bool(_DATED.search(source)) is dated
