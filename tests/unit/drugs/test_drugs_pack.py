"""Knowledge-pack validation: the shipped pack is complete and sourced; malformed packs fail clearly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cdss.drugs.catalog import DEFAULT_PACK_DIR, Catalog
from cdss.drugs.rules import load_rules
from cdss.errors import UserError

ONC_CLASSES = ("ONC 3", "ONC 4", "ONC 6", "ONC 8", "ONC 11", "ONC 16", "ONC 20", "ONC 21", "ONC 22", "ONC 23",
               "ONC 25", "ONC 27", "ONC 28", "ONC 30", "ONC 31")


def test_pack_has_version_date_and_enough_drugs(catalog):
    assert catalog.info.version != "unknown" and catalog.info.date != "unknown"
    assert len(catalog) >= 300


def test_every_drug_has_names_atc_and_sources(catalog):
    for drug in catalog:
        assert drug.name_en and drug.name_zh, drug.id
        assert all(len(code) == 7 for code in drug.atc), drug.id  # [] allowed: herbal or China-only, no WHO code
        assert drug.property_sources, drug.id
        for threshold in drug.renal:
            assert threshold.source, drug.id


def test_pinyin_is_derived_at_load_time(catalog):
    assert catalog["warfarin"].pinyin == "huafalin"
    assert catalog["warfarin"].pinyin_initials == "hfl"


def test_every_rule_has_sources_and_known_drug_ids(catalog):
    rules = catalog.rules.rules
    assert len(rules) >= 40
    for rule in rules:
        assert rule.sources and rule.mechanism and rule.effect and rule.management, rule.id
        for side in (rule.a, rule.b):
            assert all(drug_id in catalog for drug_id in side.ids), rule.id


def test_all_fifteen_onc_classes_are_covered(catalog):
    covered = {r.onc_class.split(":")[0] for r in catalog.rules.rules if r.onc_high_priority}
    joined = " ".join(sorted(covered))
    for onc in ONC_CLASSES:
        assert any(c.split("/")[0].strip() == onc or c.startswith(onc + "/") for c in covered), (onc, joined)


def test_resolve_name_over_names_synonyms_brands(catalog):
    assert catalog.resolve_name("PLAVIX") == "clopidogrel"
    assert catalog.resolve_name("波立维") == "clopidogrel"
    assert catalog.resolve_name("acetaminophen") == "paracetamol"
    assert catalog.resolve_name("华法林") == "warfarin"
    assert catalog.resolve_name("no such drug") is None


def _copy_pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK_DIR, target)
    return target


def test_malformed_entry_names_file_entry_and_field(tmp_path):
    pack = _copy_pack(tmp_path)
    path = pack / "catalog" / "cardiovascular.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"][0]["qt_risk"] = "sometimes"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as err:
        Catalog.load(pack)
    message = str(err.value)
    assert err.value.code == "drug_pack_invalid"
    assert "cardiovascular.json" in message and data["entries"][0]["id"] in message and "qt_risk" in message


def test_invalid_json_and_duplicate_ids_fail_clearly(tmp_path):
    pack = _copy_pack(tmp_path)
    (pack / "catalog" / "broken.json").write_text('{"entries": [', encoding="utf-8")
    with pytest.raises(UserError, match="broken.json is not valid JSON"):
        Catalog.load(pack)
    (pack / "catalog" / "broken.json").write_text(
        (pack / "catalog" / "cardiovascular.json").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(UserError, match="appears twice"):
        Catalog.load(pack)


def test_rule_referencing_unknown_drug_fails(tmp_path, catalog):
    pack = _copy_pack(tmp_path)
    path = pack / "interactions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rules"][0]["match"]["a"] = {"ids": ["no_such_drug"]}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UserError, match="no_such_drug"):
        load_rules(pack, catalog)


def test_onc_coverage_against_public_lists(catalog, shared_data):
    """Regression guard for the bench figures: ONC high-priority recall and non-interruptive false interrupts."""
    import csv

    from cdss.drugs.checker import check

    def pairs(name):
        with (shared_data / "public-pddi" / name).open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                a, b = catalog.resolve_name(row["drug1"]), catalog.resolve_name(row["drug2"])
                if a and b and a != b:
                    yield a, b

    def top(a, b):
        alerts = [x for x in check([a, b], None, catalog).alerts if x.kind == "interaction"]
        return alerts[0] if alerts else None

    hp = list(pairs("onc_high_priority_pairs.csv"))
    flagged = sum(1 for a, b in hp if (t := top(a, b)) and t.severity in ("major", "contraindicated"))
    assert len(hp) > 500 and flagged / len(hp) >= 0.95
    ni = list(pairs("onc_noninterruptive_pairs.csv"))
    wrong = sum(1 for a, b in ni if (t := top(a, b)) and t.interruptive)
    assert wrong / len(ni) <= 0.05
